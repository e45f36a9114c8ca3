"""Bilingual glossary of the recurring terms of the annual reports (Chinese <-> English).

A plain data module: search uses it to turn English query words into Chinese, the summaries use
it to render Chinese terms in English. Figures' own names live in :mod:`assistant.domain.schema`; this
file holds the vocabulary around them (procedures, channels, outcomes, documents).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    zh: str  # the Chinese term as the reports print it (simplified)
    en: str  # preferred English rendering (used by summaries)
    variants: tuple[str, ...] = ()  # other English wordings a reader may use


TERMS: tuple[Term, ...] = (
    # --- the regime and its reports
    Term(
        "政府信息公开",
        "government information disclosure",
        ("open government information", "government information publicity", "foi", "freedom of information"),
    ),
    Term("信息公开", "information disclosure", ("disclosure of information", "transparency")),
    Term(
        "政务公开",
        "open government affairs",
        ("government affairs openness", "government transparency", "open government"),
    ),
    Term(
        "政府信息公开条例",
        "Regulations on Government Information Disclosure",
        ("disclosure regulations", "ogi regulations"),
    ),
    Term("条例", "regulations", ("the regulations",)),
    Term("年度报告", "annual report", ("yearly report",)),
    Term("政府信息公开工作年度报告", "annual report on government information disclosure", ()),
    Term("政府信息", "government information", ()),
    # --- proactive disclosure
    Term(
        "主动公开",
        "proactive disclosure",
        ("proactively disclosed", "proactive publication", "published proactively", "voluntary disclosure"),
    ),
    Term(
        "政策解读", "policy interpretation", ("policy interpretations", "policy explanation", "interpreting policies")
    ),
    Term("解读", "interpretation", ("explanation",)),
    Term("规范性文件", "normative documents", ("normative document", "regulatory documents")),
    Term("行政规范性文件", "administrative normative documents", ()),
    Term("规章", "rules", ("government rules", "departmental rules")),
    Term("重点领域", "key areas", ("priority areas", "key fields")),
    Term("财政预决算", "budgets and final accounts", ("budget and final accounts",)),
    Term("预算", "budget", ("budgets",)),
    Term("决算", "final accounts", ()),
    Term("三公经费", '"three public expenses"', ("three public expenses", "official expenses")),
    Term("政府网站", "government website", ("government websites", "website", "websites")),
    Term("门户网站", "portal website", ("portal", "government portal")),
    Term("政务新媒体", "government new media", ("new media", "social media")),
    Term("政务微博", "government Weibo", ("weibo", "microblog")),
    Term("政务微信", "government WeChat", ("wechat",)),
    Term("政府公报", "government gazette", ("gazette", "official gazette")),
    Term("新闻发布会", "press conference", ("press conferences", "news conference", "press briefing")),
    Term("政府开放日", "government open day", ("open day", "open days")),
    Term("公开指南", "disclosure guide", ("guide", "guidelines")),
    Term("公开目录", "disclosure catalogue", ("catalogue", "catalog", "directory")),
    Term("政务服务", "government services", ("public services",)),
    Term("政民互动", "government-public interaction", ("public interaction", "public engagement")),
    Term("建议提案", "deputies' suggestions and proposals", ("suggestions and proposals",)),
    Term("人大代表建议", "NPC deputies' suggestions", ("deputies suggestions",)),
    Term("政协委员提案", "CPPCC members' proposals", ("cppcc proposals",)),
    Term("行政许可", "administrative licensing", ("licensing", "licences", "licenses", "permits")),
    Term("行政处罚", "administrative penalties", ("penalties", "penalty", "fines")),
    Term("行政强制", "administrative enforcement", ("compulsory measures", "coercive measures")),
    Term("行政事业性收费", "administrative fees", ("administrative charges",)),
    Term("政府集中采购", "government centralised procurement", ("government procurement", "procurement")),
    # --- requests
    Term(
        "依申请公开",
        "disclosure upon request",
        ("disclosure on request", "disclosure on application", "foi requests", "requests for disclosure", "on request"),
    ),
    Term("政府信息公开申请", "requests for government information", ("information requests", "disclosure requests")),
    Term("申请", "request", ("requests", "application", "applications")),
    Term("申请人", "applicant", ("applicants", "requester", "requesters")),
    Term("答复", "reply", ("replies", "response", "responses", "answer", "answered")),
    Term("超期", "overdue", ("late", "past the deadline", "delay", "delayed", "exceeded the time limit")),
    Term("期限", "time limit", ("deadline", "deadlines", "time limits")),
    Term("延期答复", "extended reply period", ("extension", "extended deadline")),
    Term("予以公开", "granted in full", ("granted", "fully disclosed")),
    Term("部分公开", "partially granted", ("partial disclosure", "partially disclosed")),
    Term("不予公开", "refused", ("refusal", "refusals", "refused disclosure", "denied", "withheld")),
    Term("无法提供", "unable to provide", ("could not be provided",)),
    Term("不予处理", "not processed", ("not handled",)),
    Term("国家秘密", "state secrets", ("state secret", "classified")),
    Term("个人隐私", "personal privacy", ("privacy",)),
    Term("商业秘密", "trade secrets", ("trade secret", "commercial secrets")),
    Term("第三方", "third party", ("third parties",)),
    Term("过程性信息", "process information", ("deliberative information",)),
    Term("内部事务信息", "internal affairs information", ()),
    Term("补正", "correction", ("corrections", "supplement", "amend the request")),
    Term("信访", "petitions", ("petition", "letters and visits")),
    Term("投诉", "complaints", ("complaint",)),
    Term("举报", "reports of wrongdoing", ("whistleblowing", "tip-offs")),
    Term(
        "结转下年度",
        "carried forward to next year",
        ("carried forward", "carry forward", "carried over to next year", "still being handled"),
    ),
    Term("上年结转", "carried over from last year", ("carried over", "brought forward")),
    Term(
        "信息处理费",
        "information processing fees",
        ("information processing fee", "processing fees", "processing fee", "fees for requests"),
    ),
    Term("收费", "fees", ("fee", "charges", "charging")),
    Term("自然人", "individuals", ("natural persons", "citizens")),
    Term("法人或其他组织", "legal persons or other organisations", ("legal persons", "organisations", "organizations")),
    # --- appeals
    Term(
        "行政复议",
        "administrative reconsideration",
        ("reconsideration", "administrative review", "administrative appeal", "appeals"),
    ),
    Term(
        "行政诉讼",
        "administrative litigation",
        ("lawsuit", "lawsuits", "litigation", "court cases", "sued", "administrative lawsuit"),
    ),
    Term("纠正", "corrected", ("overturned", "correction of decisions", "reversed")),
    Term("维持", "upheld", ("maintained", "affirmed")),
    Term("尚未审结", "pending", ("not concluded", "undecided")),
    Term("败诉", "lost in court", ("lost the case", "losing lawsuits")),
    # --- organisation of the work
    Term("工作机制", "working mechanism", ("mechanism", "mechanisms")),
    Term("保密审查", "confidentiality review", ("security review", "secrecy review")),
    Term("监督保障", "supervision and safeguards", ("supervision", "oversight")),
    Term("考核", "performance assessment", ("assessment", "evaluation", "appraisal")),
    Term("社会评议", "public appraisal", ("public evaluation",)),
    Term("责任追究", "accountability", ("accountability measures",)),
    Term("培训", "training", ("trainings", "workshops")),
    Term("平台建设", "platform building", ("platforms", "platform")),
    Term("存在的主要问题", "main problems", ("problems", "shortcomings", "weaknesses")),
    Term("改进", "improvements", ("improvement", "improve", "rectification")),
    Term("营商环境", "business environment", ()),
    Term("优化营商环境", "improving the business environment", ()),
    # --- what the narrative counts (the English names of narrative facts)
    Term("办结", "requests concluded", ()),
    Term("受理", "accepted", ()),
    Term("访问量", "visits", ()),
    Term("简报", "bulletins", ()),
    Term("重点项目", "key projects", ()),
    Term("权责清单", "list of powers and responsibilities", ()),
    Term("权力清单", "list of powers", ()),
    Term("行政权力事项", "administrative power items", ()),
    Term("公共服务事项", "public-service items", ()),
    Term("责任事项", "responsibility items", ()),
    Term("机构职能", "agency functions", ()),
    Term("规划计划", "plans and programmes", ()),
    Term("重大建设项目", "major construction projects", ()),
    Term("政府采购", "government procurement", ()),
    Term("网上竞价", "online bidding", ()),
    Term("咨询", "enquiries", ()),
    Term("微信公众号", "WeChat official account", ()),
    Term("短视频", "short videos", ()),
    Term("直播", "live broadcasts", ()),
    Term("观看量", "views", ()),
    Term("原创文章", "original articles", ()),
    Term("电子证照", "electronic licences", ()),
    Term("群众诉求", "public requests", ()),
    Term("征地", "land requisition", ()),
    Term("土地出让", "land transfers", ()),
    Term("疫情防控", "epidemic prevention and control", ()),
    Term("安全生产", "work safety", ()),
    Term("应急管理", "emergency management", ()),
    Term("政协提案", "CPPCC proposals", ()),
    Term("办结率", "completion rate", ()),
    Term("公开率", "disclosure rate", ()),
    Term("占比", "share", ()),
)

_EN_KEYS = tuple((t.en.lower().strip('"'), t) for t in TERMS) + tuple((v.lower(), t) for t in TERMS for v in t.variants)


def _build_en_to_zh() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for key, term in _EN_KEYS:
        zhs = out.setdefault(key, [])
        if term.zh not in zhs:
            zhs.append(term.zh)
    return {k: tuple(v) for k, v in out.items()}


EN_TO_ZH: dict[str, tuple[str, ...]] = _build_en_to_zh()
"""Lower-cased English wording -> the Chinese terms it stands for."""

ZH_TO_EN: dict[str, str] = {t.zh: t.en for t in TERMS}
"""Chinese term -> preferred English rendering."""


def english(zh: str) -> str | None:
    """Preferred English rendering of a Chinese term, or None."""
    return ZH_TO_EN.get(zh)


def chinese(en: str) -> tuple[str, ...]:
    """Chinese terms for an English wording (case-insensitive), or ()."""
    return EN_TO_ZH.get(en.lower().strip(), ())


# The ordinary English words of questions about the reports, beyond the terms above and the schema's
# names: what the question reader's speller corrects misspellings towards.
QUESTION_WORDS: tuple[str, ...] = tuple(
    """
    how many much what which who whom whose when where why did does do was were is are has have had
    number numbers total totals amount amounts figure figures count counts percentage percent share
    fraction proportion ratio rate average mean sum combined altogether overall each every all both
    either neither none any some more most less least fewer fewest highest lowest largest smallest
    received receive receiving got get gotten came come submitted filed lodged made asked
    requests request applications application applicants applicant individuals individual people
    citizens organisations organizations companies businesses email emails letter letters online
    handled processed completed finished closed dealt answered replied responded resolved concluded
    granted disclosed released refused rejected denied declined turned down withheld
    government governments district county city province bureau commission committee zone agency
    department office report reports year years annual previous next following last this that
    information disclosure proactive proactively published publish issued documents normative rules
    reconsideration reconsiderations review lawsuits lawsuit litigation court sued suits cases case
    corrected overturned upheld pending carried forward over into from without after before because
    supplement supplemented corrections correction applicant didn't doesn't wasn't weren't
    between compared compare versus than change changed increase decrease rose fell grew dropped
    fees fee charged charges collected revenue yuan procurement projects licensing penalties
    enforcement decisions press conferences training sessions accounts followers visits
    """.split()
)

# How people say the direction of a request's year or of a lawsuit, rewritten to the schema's own
# wording before a question is matched (applied in order; years are already blanked out).
DIRECTIONS: tuple[tuple[str, str], ...] = (
    (
        r"\b(?:carried|carry|carrying|rolled|roll|rolls|rolling|pushed|push|moved|transferred|held|spilled|left)"
        r"\s+(?:over\s+|forward\s+|on\s+)?(?:in)?to\s+(?:the\s+)?(?:next|following|coming|new|\s)",
        "carried forward",
    ),
    (
        r"\b(?:still\s+)?(?:pending|open|unfinished|unresolved)\s+at\s+(?:the\s+)?(?:end\s+of|year[- ]end)",
        "carried forward",
    ),
    (
        r"(?<!上年)(?<!上一年)结转(?:到|至|入)\s*(?:下一?年度?|次年|明年)?|转(?:入|到|至)(?:下一?年度?|次年|明年)",
        "结转下年度",
    ),
    (
        r"\b(?:carried|brought|rolled)\s+(?:over\s+|forward\s+)?from\s+(?:the\s+)?(?:last|previous|prior|preceding)"
        r"\s+year\b|\bfrom\s+(?:the\s+)?(?:last|previous|prior|preceding)\s+year\b",
        "carried over",
    ),
    (r"(?:从)?上一?年度?(?:转过来|转来|遗留|留下|结转过来|转入)", "上年结转"),
    (
        r"\bwithout\s+(?:(?:first\s+)?going\s+through\s+|a\s+|an\s+|any\s+|prior\s+|first\s+)*"
        r"(?:administrative\s+)?(?:reconsideration|review)\b|\b(?:directly|straight)\s+(?:to|in)\s+(?:the\s+)?court\b",
        "filed directly",
    ),
    (
        r"\b(?:after|following)\s+(?:a\s+|an\s+|the\s+)?(?:administrative\s+)?(?:reconsideration|review)\b",
        "after reconsideration",
    ),
    (
        r"(?:没有?经过?|未经过?|不经)\s*(?:行政)?复议[，,、]?\s*(?:就|而)?\s*直接(?:去|向)?(?:法院)?(?:起诉|诉讼)?"
        r"|直接(?:去|向)法院(?:起诉)?",
        "未经复议直接起诉",
    ),
    (
        r"先(?:申请)?(?:行政)?复议[、，,]?\s*(?:后来|然后|之后|后)?(?:又|再)?(?:去)?(?:法院)?起诉|复议(?:之)?后(?:又|再)起诉",
        "复议后起诉",
    ),
    (r"\b(?:granted\s+|disclosed\s+|released\s+)?in\s+part\b", "partially"),
    (
        r"\b(?:did\s*n[o']?t|failed\s+to|never)\s+(?:supplement|correct|complete|amend|clarify)\w*"
        r"|\bno\s+(?:supplement|correction)s?\b",
        "did not correct",
    ),
    (r"(?:没有|未|不)(?:按时|按期|及时)?(?:补正|补充材料|补充)", "逾期不补正"),
    (r"\bturned\s+down\b|\bdeclined\s+to\s+disclose\b|\bwithheld\b", "refused"),
    (r"驳回|拒绝公开|不给公开|不让公开|拒绝", "不予公开"),
    (r"打(?:行政)?官司|告上法庭|上法院", "行政诉讼"),
)

# What a question asks for, beyond a measure: the patterns of its operation.
ASKS: dict[str, str] = {
    "list": r"\bwhich\s+(?:\w+\s+){0,2}reports\b|\blist\s+(?:all\s+|the\s+)?(?:\w+\s+)?reports\b|哪些报告|哪几份|列出",
    "before_tables": (
        r"\bbefore\s+(?:the\s+)?standard\s+tables\b|\bpredate|\bbefore\s+(?:2019|the\s+2019)"
        r"|2019年?(?:以前|之前)|标准(?:统计)?表(?:格)?(?:出台|实行|施行)?(?:以前|之前)"
    ),
    "arithmetic": (
        r"\barithmetic\b|\badds?\s+up\b|\bcheck(?:s)?\s+out\b|\bconsistent\b|\bbalance[sd]?\b|\bmatch(?:es)?\b"
        r"|对得上|勾稽|相符|吻合|一致"
    ),
    "narrative": r"\b(?:text|narrative|prose|wording)\b|正文|文字|文中|报告中说|叙述",
    "none": r"\bno\s+(?:\w+\s+){0,3}(?:at\s+all|whatsoever)|\bnone\b|\bzero\b|一件\S{0,8}都没|没有收到|零",
}

# English words that carry no meaning of their own in a question (they never decide what it asks for).
FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    how many much what which who whom whose when where why did does do was were is are has have had the
    a an of in on at to for from by with and or not any some all its it their they them there this that
    these those been being be get got year years total number numbers count figure figures report
    reports did during given make made give gave per each also than then into over about
    """.split()
)

# The units a question asks its count in, and the English words for them.
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "条": ("items", "item", "pieces", "piece", "entries", "posts", "messages"),
    "件": ("requests", "request", "applications", "application", "cases", "case", "documents"),
    "次": ("times", "sessions", "inspections", "rounds"),
    "场": ("conferences", "events", "meetings", "briefings"),
    "人次": ("visits", "attendances", "participants", "people", "person-times"),
    "篇": ("articles", "pieces", "interpretations"),
    "期": ("issues", "editions", "episodes"),
    "个": ("accounts", "units", "platforms"),
    "名": ("staff", "people", "persons"),
    "万元": ("10,000 yuan", "ten thousand yuan"),
    "元": ("yuan", "rmb"),
}

# The operations a question over the corpus asks for, tried in this order.
OPERATIONS: tuple[tuple[str, str], ...] = (
    (
        "top",
        r"\btop\s*(\d+|three|five|ten)?\b|前\s*(\d+|[一二两三四五六七八九十])\s*(?:名|个|位|家)?|\brank|排名|排行|排序",
    ),
    (
        "most",
        r"\b(most|highest|largest|biggest|greatest|maximum|more than any)\b|最多|最高|最大"
        r"|\b(?:which|who)\b[^?]*\b(?:more|higher|larger|bigger|greater)\b|(?:谁|哪)[^？?]*(?:更多|更高|更大|较多|较高)",
    ),
    ("least", r"\b(least|fewest|lowest|smallest|minimum)\b|最少|最低|最小"),
    ("share", r"\b(share|percentage|percent|proportion|ratio|rate)\b|%|比例|占比|百分之|比重|百分比"),
    ("count", r"\bhow many\s+(?:different\s+|distinct\s+|annual\s+|\d{4}\s+)*(?:annual\s+)?reports\b|多少份|几份"),
    (
        "change",
        r"\b(change|changed|increase|increased|decrease|decreased|grow|grew|growth|fell|rose|drop|dropped|rise)\b"
        r"|\bmore than in\b|\bfewer than in\b|变化|增长|增加了|减少|下降|上升|增幅|降幅"
        r"|比\s*(?:19|20)\d{2}\s*年?\s*(?:多|少)|多了|少了",
    ),
    ("compare", r"\b(compare|comparison|versus|vs\.?)\b|比较|对比|相比"),
    ("average", r"\b(average|mean)\b|平均"),
    (
        "total",
        r"\b(in total|altogether|combined|sum|across all|all reports|across the corpus|all agencies)\b"
        r"|合计|总共|一共|共计|总和|全部报告|所有报告",
    ),
)

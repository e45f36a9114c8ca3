"""The one bilingual vocabulary of the reports (Chinese <-> English).

Every term the project renders in English or reads in a question has one entry here, with its
English, its kind and the other wordings a reader may use: the regime's terms (procedures, channels,
outcomes, documents), the narrative's themes, agency types, fields and organs, level words, places
whose English is not their pinyin, and the short forms of agency names. Search turns English query
words into Chinese with it and adds its terms to jieba's dictionary; the summaries render terms and
agency names with it; the Q&A reads the words people use for agencies and figures from it.

Figures' own names (row and column labels, English names, synonyms) live in
:mod:`assistant.domain.schema`; the figure words below only add to them, keyed by figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Flag, auto
from functools import cache


class Kind(Flag):
    TERM = auto()  # a term of the disclosure regime: search dictionary, English queries, summaries
    THEME = auto()  # a word of the narrative: summaries only (its English is too general to translate queries)
    AGENCY_TYPE = auto()  # a whole agency type, matched at the end of a name ("{place}": where the place goes)
    FIELD = auto()  # what an agency works in, composed with an organ (发展和改革 + 局)
    ORGAN = auto()  # 局 Bureau, 委员会 Commission …
    LEVEL = auto()  # administrative level words: 市 Municipal, 县 County …
    PLACE = auto()  # a place whose English is not what CC-CEDICT or pypinyin give
    # The ordinary words of the narrative's work items and problems, which the summaries render in
    # English (assistant.summarize.english); they are too general to translate search queries.
    WORD = auto()  # a noun
    ACTION = auto()  # a verb, in its base form (strengthen)
    MANNER = auto()  # an adverb (further, promptly)
    QUALITY = auto()  # an adjective, as a predicate (timely, rich)


@dataclass(frozen=True)
class Term:
    zh: str  # as the reports print it (simplified)
    en: str  # the English; a field's as it stands in an agency's name (Title Case)
    kind: Kind
    synonyms: tuple[str, ...] = ()  # other (lower-case) wordings a reader may use in a query or question

    @property
    def prose(self) -> str:
        """The English as it reads inside a sentence (a field's name lower-cased)."""
        return self.en.lower() if Kind.FIELD in self.kind else self.en


TERM, THEME, AGENCY_TYPE, FIELD = Kind.TERM, Kind.THEME, Kind.AGENCY_TYPE, Kind.FIELD
ORGAN, LEVEL, PLACE = Kind.ORGAN, Kind.LEVEL, Kind.PLACE
WORD, ACTION, MANNER, QUALITY = Kind.WORD, Kind.ACTION, Kind.MANNER, Kind.QUALITY


def _entries(kind: Kind, table: str) -> tuple[Term, ...]:
    """Entries of one kind written one per line, as 'Chinese = English'."""
    rows = (line.split(" = ", 1) for line in table.strip().splitlines())
    return tuple(Term(zh.strip(), en.strip(), kind) for zh, en in rows)


VOCABULARY: tuple[Term, ...] = (
    # --- the regime and its reports, proactive disclosure, requests, appeals, organisation of the work
    Term(
        "政府信息公开",
        "government information disclosure",
        TERM,
        ("open government information", "government information publicity", "foi", "freedom of information"),
    ),
    Term("信息公开", "information disclosure", TERM, ("disclosure of information", "transparency")),
    Term(
        "政务公开",
        "open government affairs",
        TERM,
        ("government affairs openness", "government transparency", "open government"),
    ),
    Term(
        "政府信息公开条例",
        "Regulations on Government Information Disclosure",
        TERM,
        ("disclosure regulations", "ogi regulations"),
    ),
    Term("条例", "regulations", TERM, ("the regulations",)),
    Term("年度报告", "annual report", TERM, ("yearly report",)),
    Term("政府信息公开工作年度报告", "annual report on government information disclosure", TERM),
    Term("政府信息", "government information", TERM),
    Term(
        "主动公开",
        "proactive disclosure",
        TERM,
        ("proactively disclosed", "proactive publication", "published proactively", "voluntary disclosure"),
    ),
    Term(
        "政策解读",
        "policy interpretation",
        TERM,
        ("policy interpretations", "policy explanation", "interpreting policies"),
    ),
    Term("解读", "interpretation", TERM, ("explanation", "explainer", "explainers", "explanatory articles")),
    Term("规范性文件", "normative documents", TERM, ("normative document", "regulatory documents")),
    Term("行政规范性文件", "administrative normative documents", TERM),
    Term("规章", "rules", TERM, ("government rules", "departmental rules")),
    Term("重点领域", "key areas", TERM, ("priority areas", "key fields")),
    Term("财政预决算", "budgets and final accounts", TERM, ("budget and final accounts",)),
    Term("预算", "budget", TERM, ("budgets",)),
    Term("决算", "final accounts", TERM),
    Term("三公经费", '"three public expenses"', TERM, ("three public expenses", "official expenses")),
    Term("政府网站", "government website", TERM, ("government websites", "website", "websites")),
    Term("门户网站", "portal website", TERM, ("portal", "government portal")),
    Term("政务新媒体", "government new media", TERM, ("new media", "social media")),
    Term("政务微博", "government Weibo", TERM, ("weibo", "microblog")),
    Term("政务微信", "government WeChat", TERM, ("wechat",)),
    Term("政府公报", "government gazette", TERM, ("gazette", "official gazette")),
    Term("新闻发布会", "press conference", TERM, ("press conferences", "news conference", "press briefing")),
    Term("政府开放日", "government open day", TERM, ("open day", "open days")),
    Term("公开指南", "disclosure guide", TERM, ("guide", "guidelines")),
    Term("公开目录", "disclosure catalogue", TERM, ("catalogue", "catalog", "directory")),
    Term("政务服务", "Government Services", TERM | FIELD, ("public services",)),
    Term("政民互动", "government-public interaction", TERM, ("public interaction", "public engagement")),
    Term("建议提案", "deputies' suggestions and proposals", TERM, ("suggestions and proposals",)),
    Term("人大代表建议", "NPC deputies' suggestions", TERM, ("deputies suggestions",)),
    Term("政协委员提案", "CPPCC members' proposals", TERM, ("cppcc proposals",)),
    Term("行政许可", "administrative licensing", TERM, ("licensing", "licences", "licenses", "permits")),
    Term("行政处罚", "administrative penalties", TERM, ("penalties", "penalty", "fines")),
    Term("行政强制", "administrative enforcement", TERM, ("compulsory measures", "coercive measures")),
    Term("行政事业性收费", "administrative fees", TERM, ("administrative charges",)),
    Term("政府集中采购", "government centralised procurement", TERM, ("government procurement", "procurement")),
    Term(
        "依申请公开",
        "disclosure upon request",
        TERM,
        ("disclosure on request", "disclosure on application", "foi requests", "requests for disclosure", "on request"),
    ),
    Term(
        "政府信息公开申请", "requests for government information", TERM, ("information requests", "disclosure requests")
    ),
    Term("申请", "request", TERM, ("requests", "application", "applications")),
    Term("申请人", "applicant", TERM, ("applicants", "requester", "requesters")),
    Term("答复", "reply", TERM, ("replies", "response", "responses", "answer", "answered")),
    Term("超期", "overdue", TERM, ("late", "past the deadline", "delay", "delayed", "exceeded the time limit")),
    Term("期限", "time limit", TERM, ("deadline", "deadlines", "time limits")),
    Term("延期答复", "extended reply period", TERM, ("extension", "extended deadline")),
    Term("予以公开", "granted in full", TERM, ("granted", "fully disclosed")),
    Term("部分公开", "partially granted", TERM, ("partial disclosure", "partially disclosed")),
    Term("不予公开", "refused", TERM, ("refusal", "refusals", "refused disclosure", "denied", "withheld")),
    Term("无法提供", "unable to provide", TERM, ("could not be provided",)),
    Term("不予处理", "not processed", TERM, ("not handled",)),
    Term("国家秘密", "state secrets", TERM, ("state secret", "classified")),
    Term("个人隐私", "personal privacy", TERM, ("privacy",)),
    Term("商业秘密", "trade secrets", TERM, ("trade secret", "commercial secrets")),
    Term("第三方", "third party", TERM, ("third parties",)),
    Term("过程性信息", "process information", TERM, ("deliberative information",)),
    Term("内部事务信息", "internal affairs information", TERM),
    Term("补正", "correction", TERM, ("corrections", "supplement", "amend the request")),
    Term("信访", "petitions", TERM, ("petition", "letters and visits")),
    Term("投诉", "complaints", TERM, ("complaint",)),
    Term("举报", "reports of wrongdoing", TERM, ("whistleblowing", "tip-offs")),
    Term(
        "结转下年度",
        "carried forward to next year",
        TERM,
        ("carried forward", "carry forward", "carried over to next year", "still being handled"),
    ),
    Term("上年结转", "carried over from last year", TERM, ("carried over", "brought forward")),
    Term(
        "信息处理费",
        "information processing fees",
        TERM,
        (
            "information processing fee",
            "processing fees",
            "processing fee",
            "fees for requests",
            "fee for handling",
            "fees for handling",
            "handling fee",
            "handling fees",
        ),
    ),
    Term("收费", "fees", TERM, ("fee", "charges", "charging")),
    Term("自然人", "individuals", TERM, ("natural persons", "citizens")),
    Term(
        "法人或其他组织",
        "legal persons or other organisations",
        TERM,
        ("legal persons", "organisations", "organizations"),
    ),
    Term(
        "行政复议",
        "administrative reconsideration",
        TERM,
        ("reconsideration", "administrative review", "administrative appeal", "appeals"),
    ),
    Term(
        "行政诉讼",
        "administrative litigation",
        TERM,
        ("lawsuit", "lawsuits", "litigation", "court cases", "sued", "administrative lawsuit"),
    ),
    Term("纠正", "corrected", TERM, ("overturned", "correction of decisions", "reversed")),
    Term("维持", "upheld", TERM, ("maintained", "affirmed")),
    Term("尚未审结", "pending", TERM, ("not concluded", "undecided")),
    Term("败诉", "lost in court", TERM, ("lost the case", "losing lawsuits")),
    Term("工作机制", "working mechanism", TERM, ("mechanism", "mechanisms")),
    Term("保密审查", "confidentiality review", TERM, ("security review", "secrecy review")),
    Term("监督保障", "supervision and safeguards", TERM, ("supervision", "oversight")),
    Term("考核", "performance assessment", TERM, ("assessment", "evaluation", "appraisal")),
    Term("社会评议", "public appraisal", TERM, ("public evaluation",)),
    Term("责任追究", "accountability", TERM, ("accountability measures",)),
    Term("培训", "training", TERM, ("trainings", "workshops")),
    Term("平台建设", "platform building", TERM, ("platforms", "platform")),
    Term("存在的主要问题", "main problems", TERM, ("problems", "shortcomings", "weaknesses")),
    Term("改进", "improvements", TERM, ("improvement", "improve", "rectification")),
    Term("营商环境", "Business Environment", TERM | FIELD),
    Term("优化营商环境", "improving the business environment", TERM),
    # --- what the narrative counts (the English names of narrative facts)
    Term("受理", "accepted", TERM),
    Term("访问量", "visits", TERM, ("traffic", "page views", "hits", "visitors")),
    Term("简报", "bulletins", TERM),
    Term("重点项目", "key projects", TERM),
    Term("权责清单", "list of powers and responsibilities", TERM),
    Term("权力清单", "list of powers", TERM),
    Term("行政权力事项", "administrative power items", TERM),
    Term("公共服务事项", "public-service items", TERM),
    Term("责任事项", "responsibility items", TERM),
    Term("机构职能", "agency functions", TERM),
    Term("规划计划", "plans and programmes", TERM),
    Term("政府采购", "government procurement", TERM),
    Term("网上竞价", "online bidding", TERM),
    Term("咨询", "enquiries", TERM, ("consultations", "enquiry", "inquiries", "questions asked")),
    Term("现场咨询", "enquiries in person", TERM, ("at the counter", "in person", "walk-in enquiries")),
    Term("电话咨询", "enquiries by telephone", TERM, ("by phone", "by telephone", "phone enquiries")),
    Term("网上咨询", "enquiries online", TERM, ("over the internet", "online enquiries")),
    Term("热线电话", "hotline calls", TERM, ("hotline", "hotline phone", "telephone hotline")),
    Term(
        "下岗失业人员",
        "laid-off and unemployed people",
        TERM,
        ("laid-off workers", "laid off", "laid-off", "unemployed", "people who lost their jobs", "jobless"),
    ),
    Term("减免税", "tax relief", TERM, ("tax breaks", "tax exemption", "tax reductions", "tax waived", "relieved")),
    Term("减免金额", "amount of tax relieved", TERM, ("amount relieved", "amount waived", "relief amount")),
    Term("微信公众号", "WeChat official account", TERM),
    Term("短视频", "short videos", TERM),
    Term("观看量", "views", TERM),
    Term("原创文章", "original articles", TERM),
    Term("乡镇", "townships", TERM, ("township", "towns", "township governments", "town governments")),
    Term(
        "区直各部门",
        "the departments directly under it",
        TERM,
        ("the zone's departments", "zone departments", "district departments", "its departments"),
    ),
    Term("电子证照", "electronic licences", TERM),
    Term("群众诉求", "public requests", TERM),
    Term("征地", "land requisition", TERM),
    Term("土地出让", "land transfers", TERM),
    Term("政协提案", "CPPCC proposals", TERM),
    Term("办结率", "completion rate", TERM),
    Term("公开率", "disclosure rate", TERM),
    Term("占比", "share", TERM),
    # --- more terms of the regime that searching should keep whole
    Term("信息公开申请", "information disclosure requests", TERM),
    Term("政府信息公开工作", "government information disclosure work", TERM),
    Term("信息公开工作", "information disclosure work", TERM),
    Term("工作年度报告", "annual work report", TERM),
    Term("政府信息公开指南", "government information disclosure guide", TERM),
    Term("政府信息公开目录", "government information disclosure catalogue", TERM),
    Term("政府信息公开专栏", "disclosure column", TERM),
    Term("公开专栏", "disclosure column", TERM),
    Term("政府门户网站", "government portal website", TERM),
    Term("重点领域信息公开", "disclosure in key areas", TERM),
    Term("预决算", "budgets and final accounts", TERM),
    Term("公共资源配置", "public resource allocation", TERM),
    Term("重大建设项目", "major construction projects", TERM),
    Term("社会公益事业", "public welfare undertakings", TERM),
    Term("第三方合法权益", "lawful rights of third parties", TERM),
    Term("公开出版物", "publications", TERM),
    Term("信访举报投诉", "petitions, reports and complaints", TERM),
    Term("答复期限", "reply time limit", TERM),
    Term("依申请", "upon request", TERM),
    Term("公开属性", "disclosure attribute", TERM),
    Term("源头认定", "designation at source", TERM),
    Term("政策文件", "policy documents", TERM),
    Term("解读材料", "interpretation materials", TERM),
    Term("图文解读", "graphic interpretations", TERM),
    Term("依法行政", "law-based administration", TERM),
    Term("法治政府", "law-based government", TERM),
    Term("数据开放", "open data", TERM),
    Term("政务数据", "government data", TERM),
    Term("回应关切", "responding to public concerns", TERM),
    Term("舆情回应", "responding to public opinion", TERM),
    Term("12345", "the 12345 hotline", TERM),
    Term("便民服务", "convenience services", TERM),
    Term("一网通办", "one-stop online services", TERM),
    Term("信息发布", "information release", TERM),
    Term("网上申请", "online applications", TERM),
    Term("当面申请", "requests made in person", TERM),
    Term("信函申请", "requests by letter", TERM),
    # --- themes of the narrative sections
    Term("就业创业", "employment and entrepreneurship", THEME),
    Term("就业", "employment", THEME),
    Term("创业", "entrepreneurship", THEME),
    Term("社会保险", "social insurance", THEME),
    Term("社会保障", "social security", THEME),
    Term("人事人才", "personnel and talent", THEME),
    Term("劳动关系", "labour relations", THEME),
    Term("工伤保险", "work-injury insurance", THEME),
    Term("民生", "people's livelihood", THEME),
    Term("民生保障", "livelihood security", THEME),
    Term("科技创新", "scientific and technological innovation", THEME),
    Term("重大项目", "major projects", THEME),
    Term("乡村振兴", "Rural Revitalisation", THEME | FIELD),
    Term("生态环境", "Ecology and Environment", THEME | FIELD),
    Term("安全生产", "work safety", TERM),
    Term("应急管理", "Emergency Management", TERM | FIELD),
    Term("疫情防控", "epidemic prevention and control", TERM),
    Term("征地拆迁", "land acquisition and demolition", THEME),
    Term("法治政府建设", "building law-based government", THEME),
    Term("财政", "Finance", THEME | FIELD),
    Term("教育", "Education", THEME | FIELD),
    Term("医疗", "medical care", THEME),
    Term("住房", "housing", THEME),
    Term("办事指南", "service guides", THEME),
    Term("基层政务公开", "primary-level open government", THEME),
    Term("标准化", "standardisation", THEME),
    Term("规范化", "standardised practice", THEME),
    Term("意见征集", "public consultation", THEME),
    Term("公众号", "official accounts", THEME),
    Term("智能问答", "intelligent Q&A", THEME),
    Term("智能检索", "intelligent search", THEME),
    Term("审核", "review", THEME),
    Term("在线咨询", "online consultation", THEME),
    Term("民意征集", "soliciting public opinion", THEME),
    Term("视频", "videos", THEME),
    Term("直播", "live broadcasts", TERM, ("livestreams", "livestream", "live streams", "live stream", "went live")),
    Term("粉丝", "followers", TERM, ("follower", "fans", "subscribers")),
    Term("常务会议", "executive meetings", TERM, ("executive meeting", "standing meetings", "standing meeting")),
    Term("公租房", "public rental housing", TERM, ("public rental flats", "public rental homes", "rental housing")),
    Term("政务公开专栏", "open government column", THEME),
    Term("专栏", "columns", THEME),
    Term("栏目", "website sections", THEME),
    Term("公开渠道", "disclosure channels", THEME),
    Term("答复质量", "quality of replies", THEME),
    Term("队伍建设", "staff building", THEME),
    Term("审核发布", "review and release", THEME),  # a part of the action, not who acts (审核发布政府信息249条)
    Term("业务培训", "professional training", THEME),
    Term("业务水平", "professional competence", THEME),
    Term("绩效管理", "performance management", THEME),
    Term("检查", "inspections", THEME),
    Term("整改", "rectification", THEME),
    Term("督查", "supervisory inspections", THEME),
    Term("监测", "monitoring", THEME),
    Term("网站", "websites", THEME),
    Term("新媒体", "new media", THEME),
    Term("安全防护", "security protection", THEME),
    Term("信息安全", "information security", THEME),
    Term("意见建议", "opinions and suggestions", THEME),
    Term("公众参与", "public participation", THEME),
    Term("动态更新", "dynamic updating", THEME),
    Term("清理", "clean-up", THEME),
    Term("政府工作报告", "government work report", THEME),
    Term("行政复议案件", "administrative reconsideration cases", THEME),
    Term("法律顾问", "legal advisers", THEME),
    Term("合法性审查", "legality review", THEME),
    Term("风险研判", "risk assessment", THEME),
    Term("档案", "Archives", THEME | FIELD),
    Term("统计", "Statistics", THEME | FIELD),
    Term("文件", "documents", THEME),
    Term("会议", "meetings", THEME),
    Term("人员培训", "staff training", THEME),
    Term("主动公开政府信息", "proactive disclosure of government information", THEME),
    Term("重点领域信息", "key-area information", THEME),
    Term("解读及回应信息", "interpretation and response items", THEME),
    Term("回应", "responses", THEME),
    Term("科室", "internal divisions", THEME),
    Term("负责人", "heads of units", THEME),
    Term("市场主体", "market entities", THEME),
    Term("岗位", "jobs", THEME),
    Term("待遇", "pay and benefits", THEME),
    Term("宣传", "publicity", THEME),
    Term("公众", "the public", THEME),
    Term("群众", "the public", THEME),
    Term("平台", "platforms", THEME),
    Term("企业", "enterprises", THEME),
    Term("政务信息", "government affairs information", THEME),
    Term("办结", "requests concluded", TERM),
    Term("结转", "carry-over", THEME),
    Term("人员编制", "staffing quotas", THEME),
    Term("公众查阅点", "public reading points", THEME),
    Term("查阅", "consultation of records", THEME),
    # --- agency types, matched at the end of a name (longest first)
    Term("人民政府办公室", "General Office of the {place} People's Government", AGENCY_TYPE),
    Term("人民政府办公厅", "General Office of the {place} People's Government", AGENCY_TYPE),
    Term("人民政府", "People's Government", AGENCY_TYPE, ("government",)),
    Term("街道办事处", "Subdistrict Office", AGENCY_TYPE),
    Term("管理委员会", "Administrative Committee", AGENCY_TYPE, ("management committee", "government")),
    Term("人力资源和社会保障局", "Human Resources and Social Security Bureau", AGENCY_TYPE),
    Term("人力资源和社会保障厅", "Department of Human Resources and Social Security", AGENCY_TYPE),
    Term("发展和改革委员会", "Development and Reform Commission", AGENCY_TYPE),
    Term("发展和改革局", "Development and Reform Bureau", AGENCY_TYPE),
    Term("科学技术委员会", "Science and Technology Commission", AGENCY_TYPE),
    Term("卫生健康委员会", "Health Commission", AGENCY_TYPE),
    Term("市场监督管理局", "Administration for Market Regulation", AGENCY_TYPE),
    Term("地方税务局", "Local Taxation Bureau", AGENCY_TYPE),
    Term("国家税务局", "State Taxation Bureau", AGENCY_TYPE),
    Term("税务局", "Taxation Bureau", AGENCY_TYPE),
    Term("公安局", "Public Security Bureau", AGENCY_TYPE),
    Term("财政局", "Finance Bureau", AGENCY_TYPE),
    Term("司法局", "Justice Bureau", AGENCY_TYPE),
    Term("统计局", "Statistics Bureau", AGENCY_TYPE),
    Term("审计局", "Audit Bureau", AGENCY_TYPE),
    Term("档案局", "Archives Bureau", AGENCY_TYPE),
    Term("信访局", "Bureau of Letters and Calls", AGENCY_TYPE),
    Term("外事办公室", "Foreign Affairs Office", AGENCY_TYPE),
    Term("政务服务管理局", "Government Services Administration", AGENCY_TYPE),
    Term("数据资源管理局", "Data Resources Administration", AGENCY_TYPE),
    Term("机关事务管理局", "Government Offices Administration", AGENCY_TYPE),
    Term("医疗保障局", "Healthcare Security Administration", AGENCY_TYPE),
    Term("应急管理局", "Emergency Management Bureau", AGENCY_TYPE),
    Term("退役军人事务局", "Veterans Affairs Bureau", AGENCY_TYPE),
    Term("住房公积金管理中心", "Housing Provident Fund Management Center", AGENCY_TYPE),
    Term("城市管理局", "Urban Management Bureau", AGENCY_TYPE),
    Term("综合行政执法局", "Comprehensive Administrative Law Enforcement Bureau", AGENCY_TYPE),
    Term("行政审批局", "Administrative Approval Bureau", AGENCY_TYPE),
    # --- fields an agency works in (composed with an organ when the whole type is not listed)
    Term("人力资源和社会保障", "Human Resources and Social Security", FIELD, ("human resources", "social security")),
    Term("发展和改革", "Development and Reform", FIELD, ("ndrc", "drc")),
    Term("科学技术", "Science and Technology", FIELD, ("science", "technology")),
    Term("教育体育", "Education and Sports", FIELD),
    Term("公安", "Public Security", FIELD),
    Term("民政", "Civil Affairs", FIELD),
    Term("司法", "Justice", FIELD),
    Term("自然资源和规划", "Natural Resources and Planning", FIELD),
    Term("自然资源", "Natural Resources", FIELD),
    Term("环境保护", "Environmental Protection", FIELD),
    Term("住房和城乡建设", "Housing and Urban-Rural Development", FIELD),
    Term("交通运输", "Transport", FIELD),
    Term("水利", "Water Resources", FIELD),
    Term("农业农村", "Agriculture and Rural Affairs", FIELD),
    Term("商务", "Commerce", FIELD),
    Term("文化和旅游", "Culture and Tourism", FIELD),
    Term("文化广电和旅游", "Culture, Radio, Television and Tourism", FIELD),
    Term("卫生健康", "Health", FIELD),
    Term("卫生和计划生育", "Health and Family Planning", FIELD),
    Term("退役军人事务", "Veterans Affairs", FIELD),
    Term("审计", "Audit", FIELD),
    Term("市场监督管理", "Market Regulation", FIELD),
    Term("医疗保障", "Healthcare Security", FIELD),
    Term("林业", "Forestry", FIELD),
    Term("林业和草原", "Forestry and Grassland", FIELD),
    Term("体育", "Sports", FIELD),
    Term("税务", "Taxation", FIELD, ("tax",)),
    Term("地方税务", "Local Taxation", FIELD),
    Term("城市管理", "Urban Management", FIELD),
    Term("行政审批", "Administrative Approval", FIELD),
    Term("数据资源", "Data Resources", FIELD),
    Term("民族宗教事务", "Ethnic and Religious Affairs", FIELD),
    Term("人民防空", "Civil Air Defense", FIELD),
    Term("国有资产监督管理", "State-owned Assets Supervision and Administration", FIELD),
    Term("工业和信息化", "Industry and Information Technology", FIELD, ("industry and informatization",)),
    Term("经济和信息化", "Economy and Information Technology", FIELD, ("economy and informatization",)),
    Term("机关事务管理", "Government Offices Administration", FIELD),
    Term("粮食和物资储备", "Food and Strategic Reserves", FIELD),
    Term("气象", "Meteorology", FIELD),
    Term("地震", "Earthquake", FIELD),
    Term("国土资源", "Land and Resources", FIELD),
    Term("规划", "Planning", FIELD),
    Term("安全生产监督管理", "Work Safety", FIELD),
    Term("食品药品监督管理", "Food and Drug Administration", FIELD),
    Term("工商行政管理", "Industry and Commerce", FIELD),
    Term("质量技术监督", "Quality and Technical Supervision", FIELD),
    Term("海洋与渔业", "Ocean and Fisheries", FIELD),
    Term("旅游", "Tourism", FIELD),
    Term("资源生态", "Resources and Ecology", FIELD),
    Term("经济发展", "Economic Development", FIELD),
    Term("社会事业", "Social Affairs", FIELD),
    Term("大数据", "Big Data", FIELD),
    Term("金融", "Financial Affairs", FIELD),
    Term("投资促进", "Investment Promotion", FIELD),
    Term("住房保障", "Housing Security", FIELD),
    Term("公共资源交易", "Public Resources Trading", FIELD),
    # --- organs
    Term("委员会", "Commission", ORGAN),
    Term("管理局", "Administration", ORGAN),
    Term("局", "Bureau", ORGAN),
    Term("厅", "Department", ORGAN),
    Term("委", "Commission", ORGAN),
    Term("办公室", "Office", ORGAN),
    Term("办", "Office", ORGAN),
    Term("中心", "Center", ORGAN),
    Term("处", "Division", ORGAN),
    Term("署", "Administration", ORGAN),
    # --- administrative levels
    Term("特别行政区", "Special Administrative Region", LEVEL),
    Term("综合实验区", "Comprehensive Experimental Zone", LEVEL),
    Term("经济技术开发区", "Economic and Technological Development Zone", LEVEL),
    Term("高新技术产业开发区", "High-tech Industrial Development Zone", LEVEL),
    Term("自治区", "Autonomous Region", LEVEL),
    Term("自治州", "Autonomous Prefecture", LEVEL),
    Term("自治县", "Autonomous County", LEVEL),
    Term("开发区", "Development Zone", LEVEL),
    Term("实验区", "Experimental Zone", LEVEL),
    Term("示范区", "Demonstration Zone", LEVEL),
    Term("高新区", "High-tech Zone", LEVEL),
    Term("新区", "New Area", LEVEL),
    Term("街道", "Subdistrict", LEVEL),
    Term("地区", "Prefecture", LEVEL),
    Term("省", "Provincial", LEVEL),
    Term("市", "Municipal", LEVEL),
    Term("州", "Prefecture", LEVEL),
    Term("县", "County", LEVEL),
    Term("区", "District", LEVEL),
    Term("旗", "Banner", LEVEL),
    Term("盟", "League", LEVEL),
    Term("镇", "Town", LEVEL),
    Term("乡", "Township", LEVEL),
    # --- places whose English is not their CC-CEDICT or pypinyin spelling
    Term("六安", "Lu'an", PLACE),
    Term("涡阳", "Guoyang", PLACE),
    Term("洪洞", "Hongtong", PLACE),
    Term("六合", "Luhe", PLACE),
    Term("东阿", "Dong'e", PLACE),
    Term("陕西", "Shaanxi", PLACE),
    Term("内蒙古", "Inner Mongolia", PLACE),
    Term("西藏", "Tibet", PLACE),
    Term("香港", "Hong Kong", PLACE),
    Term("澳门", "Macao", PLACE),
    Term("呼和浩特", "Hohhot", PLACE),
    Term("乌鲁木齐", "Urumqi", PLACE),
    Term("哈尔滨", "Harbin", PLACE),
    Term("拉萨", "Lhasa", PLACE),
    Term("喀什", "Kashgar", PLACE),
    Term("蚌埠", "Bengbu", PLACE),
    Term("番禺", "Panyu", PLACE),
    Term("铅山", "Yanshan", PLACE),
    Term("乐亭", "Laoting", PLACE),
    Term("长治", "Changzhi", PLACE),
    Term("重庆", "Chongqing", PLACE),
    Term("厦门", "Xiamen", PLACE),
    Term("亳州", "Bozhou", PLACE),
    Term("莘县", "Shenxian", PLACE),
    Term("单县", "Shanxian", PLACE),
    Term("大埔", "Dabu", PLACE),
    Term("蔚县", "Yuxian", PLACE),
    Term("尉氏", "Weishi", PLACE),
    Term("繁峙", "Fanshi", PLACE),
    Term("堡子", "Puzi", PLACE),
    Term("长子", "Zhangzi", PLACE),
    Term("广西壮族", "Guangxi Zhuang", PLACE),
    Term("宁夏回族", "Ningxia Hui", PLACE),
    Term("新疆维吾尔", "Xinjiang Uygur", PLACE),
    Term("沭阳", "Shuyang", PLACE),
    Term("平潭", "Pingtan", PLACE),
    Term("洪泽", "Hongze", PLACE),
    Term("淮安", "Huai'an", PLACE),
    # --- verbs of the work items (base form)
    *_entries(
        ACTION,
        """
    加强 = strengthen
    变化 = change
    变动 = change
    回应社会关切 = respond to public concerns
    接受监督 = accept oversight
    突出重点 = focus on priorities
    标注 = mark
    公开 = disclose
    自查 = check
    扩展 = expand
    发生 = undergo
    把握 = grasp
    贯彻 = implement
    完成 = complete
    跟踪 = follow up
    设置 = set up
    开辟 = open
    指定 = designate
    成立 = set up
    下设 = set up under it
    转送 = forward
    编目 = catalogue
    协同 = coordinate
    纳入 = include
    贯彻落实 = implement
    下设办公室 = set up an office under it
    澄清 = clarify
    整改提高 = rectify and improve
    收到 = receive
    编发 = publish
    推送 = push
    关注 = follow
    强化 = reinforce
    推进 = advance
    深化 = deepen
    完善 = improve
    健全 = build up
    落实 = implement
    做好 = carry out
    抓好 = carry out
    优化 = optimise
    提升 = raise
    提高 = improve
    增强 = enhance
    丰富 = enrich
    拓宽 = broaden
    拓展 = expand
    扩大 = widen
    加大 = step up
    加快 = speed up
    创新 = innovate
    更新 = update
    发布 = publish
    开展 = carry out
    组织 = organise
    召开 = hold
    举办 = hold
    开设 = open
    建立 = establish
    制定 = draw up
    聚焦 = focus on
    执行 = apply
    梳理 = sort out
    整合 = integrate
    督促 = urge
    指导 = guide
    明确 = clarify
    调整 = adjust
    畅通 = keep open
    引入 = bring in
    细化 = refine
    依托 = draw on
    融合 = integrate
    增加 = add
    设立 = set up
    推动 = promote
    促进 = promote
    保障 = safeguard
    规范 = standardise
    压实 = tighten
    倾听 = listen to
    接受 = accept
    树立 = establish
    坚持 = adhere to
    突出 = highlight
    部署 = plan
    安排 = arrange
    推行 = introduce
    实行 = introduce
    报送 = submit
    增进 = enhance
    发挥 = bring into play
    紧盯 = keep watch on
    汇总 = summarise
    研究 = study
    重视 = attach importance to
    高度重视 = attach great importance to
    监督 = supervise
    解答 = answer
    沟通 = communicate
    协调 = coordinate
    联动 = link up
    满足 = meet
    运用 = use
    利用 = use
    提供 = provide
    办理 = handle
    登记 = register
    审查 = examine
    归档 = file
    编制 = compile
    公布 = publish
    转载 = republish
    关停 = close down
    注销 = deregister
    整治 = rectify
    维护 = maintain
    巡查 = patrol
    通报 = circulate
    评估 = evaluate
    界定 = define
    把关 = check
    减少 = reduce
    降低 = lower
    扩就业 = expand employment
    交办 = assign
    备案 = register
    加以 = apply
    引导 = guide
    释疑 = explain
    征集 = solicit
    回复 = reply to
    稳就业 = stabilise employment
    推广 = spread
    应用 = apply
    普及 = popularise
    部署安排 = plan and arrange
    松懈 = slacken
    创建 = create
    打造 = build
    推出 = launch
        """,
    ),
    # --- adverbs of the work items
    *_entries(
        MANNER,
        """
    进一步 = further
    专门 = specially
    迅速 = swiftly
    自觉 = willingly
    持续 = continuously
    不断 = constantly
    积极 = actively
    切实 = effectively
    认真 = conscientiously
    及时 = promptly
    严格 = strictly
    扎实 = solidly
    全面 = comprehensively
    有序 = steadily
    依法 = lawfully
    依规 = by the rules
    依法依规 = lawfully and by the rules
    主动 = proactively
    继续 = continually
    重点 = particularly
    定期 = regularly
    按月 = monthly
    常态化 = routinely
    大力 = vigorously
    着力 = energetically
    深入 = thoroughly
    精心 = carefully
    科学 = scientifically
    同步 = simultaneously
    按要求 = as required
    统筹 = jointly
    努力 = hard
    按时 = on time
    全力 = fully
    充分 = fully
    从严从实 = strictly and practically
    精准 = precisely
    集中 = centrally
    重新 = again
    高质量 = to a high standard
    分级 = level by level
    按规定 = as prescribed
        """,
    ),
    # --- qualities the problems name
    *_entries(
        QUALITY,
        """
    新修订 = newly revised
    不足 = insufficient
    同源 = from one source
    大 = high
    低 = low
    参差不齐 = uneven
    欠缺 = lacking
    不便捷 = inconvenient
    便捷 = convenient
    较大 = considerable
    薄弱 = weak
    滞后 = lagging
    较低 = low
    准确 = accurate
    充足 = ample
    多元化 = diverse
    多样 = varied
    及时性 = timely
    均衡 = balanced
    有限 = limited
    复杂 = complex
    顺畅 = smooth
    齐全 = complete
    严密 = tight
    明显 = clear
    典型 = typical
    专业化 = professional
    高 = high
    强 = strong
    全 = complete
    深 = deep
    广 = wide
        """,
    ),
    # --- nouns of the work items and problems
    *_entries(
        WORD,
        """
    工作 = work
    行为 = practice
    人社 = human resources and social security
    新形式 = new forms
    云 = cloud
    网络安全 = network security
    利用率 = utilisation rate
    保密措施 = confidentiality measures
    办公室人员 = office staff
    临时借调人员 = staff seconded temporarily
    信息公开工作办公室 = the disclosure office
    做法 = practices
    电视 = television
    报刊 = newspapers
    公告 = notices
    办税事项 = tax matters
    纳税人 = taxpayers
    公开制度规范 = disclosure rules and norms
    公开制度 = disclosure rules
    督查检查 = supervisory inspections
    省政务新媒体监管服务平台 = the provincial supervision and service platform for government new media
    作用 = role
    第一平台作用 = role as the primary platform
    高质量发展考核内容 = assessment of high-quality development
    全区高质量发展考核内容 = the area-wide assessment of high-quality development
    公开栏 = notice board
    资料索取点 = information collection point
    漏洞 = vulnerabilities
    安全缺陷 = security defects
    病毒扫描 = virus scans
    本系统 = the system
    公开的主要内容 = main content disclosed
    管理规范 = management rules
    发展计划 = development plans
    重大决定草案 = draft major decisions
    政府机构和人事 = government bodies and personnel
    申请处理情况 = handling of requests
    审批事项 = approval matters
    处理情况 = handling
    工作人员及信息公开事务支出情况 = staff and spending on disclosure
    工作人员情况 = staff
    公共诉求服务 = services for public requests
    工作衔接 = hand-over of work
    政府信息公开目录调整 = adjustment of the disclosure catalogue
    政府信息公开指南更新 = updating of the disclosure guide
    政务公开单位 = open government units
    单一 = uniform
    标准化规范化 = standardisation and regularisation
    规范性 = standardisation
    信息人员队伍 = information staff
    移交 = transfer
    中华人民共和国政府信息公开条例 = Regulations of the People's Republic of China on Government Information Disclosure
    各部门 = departments
    方式 = methods
    公众参与度 = public participation
    流动性 = staff turnover
    信息人员 = information staff
    部门文件 = departmental documents
    新政策 = new policies
    各科室人员 = staff of each division
    少数 = a few
    内设机构 = internal bodies
    职能 = functions
    社会公众 = the public
    信息平台 = information platforms
    信息查阅 = access to information
    信息公开更新 = updating of disclosures
    机构改革 = institutional reform
    本部门 = its own
    最新版本 = latest edition
    协调小组 = coordination group
    政务公开工作协调小组 = coordination group for open government work
    问题 = problems
    各乡镇 = the townships
    区管委会 = the zone's administrative committee
    县直各单位 = the county's departments
    总体情况 = overview
    概述 = overview
    全职人员 = full-time staff
    首页页面 = home page
    区直部门 = the departments directly under the zone
    程序 = procedure
    试点单位 = pilot units
    事实 = the facts
    区党工委管委会办公室主任 = the director of the office of the zone's Party and administrative committees
    政府网站工作人员 = government website staff
    应公开尽公开 = disclose all that should be disclosed
    应上网尽上网 = put online all that should be online
    项目 = projects
    办法 = measures
    更新日期 = update date
    集约建设 = consolidated building of websites
    区级 = zone-level
    政府信息公开单位 = units that disclose government information
    政务舆情 = public opinion on government affairs
    政府重要会议 = important government meetings
    法治政府建设工作报告 = reports on building a law-based government
    公开发布 = public release
    各乡镇人民政府 = the township governments
    政府与社会资本合作 = public-private partnership
    政府文件 = government documents
    项目审批 = project approvals
    通知公告 = notices
    专业培训 = professional training
    整体方案 = overall plan
    国有企业 = state-owned enterprises
    处置责任 = responsibility for handling
    乡镇人民政府 = township governments
    分管领导 = leaders in charge
    区管委会办公室 = the office of the zone's administrative committee
    主动公开政府信息的数量 = number of items of government information proactively disclosed
    主动公开政府信息的主要类别 = main categories of government information proactively disclosed
    全县 = county-wide
    全区 = area-wide
    政府公开信息 = disclosed government information
    行政服务中心 = administrative service centre
    区行政服务中心 = the zone's administrative service centre
    县图书馆 = county library
    首页 = home page
    县档案馆 = county archives
    档案馆 = archives
    图书馆 = library
    公众查阅场所 = public reading places
    培训指导 = training and guidance
    依申请公开政府信息 = disclosure of government information upon request
    主动公开的政府信息 = proactively disclosed government information
    基本情况 = basic situation
    主要做法 = main practices
    行政权力 = administrative power
    行政权力清单 = list of administrative powers
    社会关切事项 = matters of public concern
    事项 = matters
    主要形式 = main forms
    数量 = number
    平台作用 = role of the platform
    第一平台 = primary platform
    新闻媒体 = news media
    政务微博微信 = government Weibo and WeChat
    信息公开平台 = disclosure platforms
    信息公开平台建设 = building of disclosure platforms
    政府工作 = government work
    区政府网站 = district government website
    区政府门户网站 = district government portal website
    全区政府网站 = the government websites across the area
    全面监管 = overall supervision
    动态 = updates
    第三方评估公司 = third-party evaluation firm
    评估公司 = evaluation firm
    年度政务公开考核标准 = annual assessment standards for open government
    时间节点 = milestones
    重要时间节点 = important milestones
    专项清理工作 = special clean-up
    行政法规 = administrative regulations
    专项经费 = dedicated funds
    工作专项经费 = dedicated funds for the work
    巡查制度 = inspection system
    每月巡查制度 = monthly inspection system
    季度通报工作 = quarterly circulars
    季度 = quarterly
    工作办公室 = work office
    领导 = leadership
    组长 = group leader
    经办 = handling
    经营 = operation
    政府信息公开宣传力度 = publicity of government information disclosure
    发展 = development
    政务属性 = government character
    管理 = management
    建设 = building
    机制 = mechanism
    制度 = system
    队伍 = staff
    能力 = capacity
    质量 = quality
    水平 = level
    形式 = forms
    效果 = effect
    流程 = procedures
    渠道 = channels
    内容 = content
    载体 = carriers
    目录 = catalogue
    功能 = functions
    模块 = modules
    设计 = design
    组织领导 = organisational leadership
    监管 = supervision
    日常 = daily
    责任 = responsibility
    信息 = information
    部门 = departments
    个别部门 = some departments
    部分单位 = some units
    单位 = units
    人员 = staff
    工作人员 = staff
    意识 = awareness
    主动性 = initiative
    自觉性 = self-discipline
    时效性 = timeliness
    规范程度 = degree of standardisation
    效率 = efficiency
    手段 = means
    智能化 = intelligent
    数字化 = digital
    数字化转型 = digital transformation
    新时代 = new-era
    互动 = interaction
    互动交流 = interaction and exchange
    互动功能 = interactive functions
    平台互动 = platform interaction
    政企民互动 = interaction among government, business and the public
    力度 = strength
    属性 = attribute
    宣传力度 = publicity effort
    原则 = principle
    范围 = scope
    要求 = requirements
    需要 = needs
    需求 = demand
    社会关切 = public concerns
    关切 = concerns
    民生关切 = livelihood concerns
    政策 = policies
    政策文件解读 = interpretation of policy documents
    重点工作 = key tasks
    工作重点 = key tasks
    年度工作重点 = key tasks of the year
    长效机制 = long-term mechanism
    长效工作机制 = long-term working mechanism
    审核发布机制 = review-and-release mechanism
    协调会商机制 = coordination and consultation mechanism
    纠错整改机制 = error-correction mechanism
    联动机制 = linkage mechanism
    工作制度 = working system
    巡查机制 = inspection mechanism
    审核制度 = review system
    分级审核制度 = tiered review system
    考核体系 = assessment system
    绩效考核体系 = performance assessment system
    考核标准 = assessment standards
    考核内容 = assessment content
    工作方法 = working methods
    方法 = methods
    环节 = links
    典型案例 = typical cases
    案例 = cases
    申请件 = requests
    研判能力 = assessment capacity
    答复文书 = reply documents
    疑难问题 = difficult issues
    协调处理机制 = coordination mechanism
    运维管理 = operation and maintenance
    运维 = operation and maintenance
    业务指导 = professional guidance
    业务指导培训 = professional guidance and training
    工作宣传 = publicity of the work
    清单 = list
    闭环 = closed loop
    动态信息 = news updates
    公开内容 = disclosed content
    公开载体 = disclosure carriers
    操作流程 = operating procedures
    办理流程 = handling procedures
    发布流程 = release procedures
    信息发布流程 = information release procedures
    政府信息发布流程 = government information release procedures
    规范性文件库 = library of normative documents
    数据 = data
    信息资源 = information resources
    政府信息资源 = government information resources
    信息管理 = information management
    政务信息管理 = government affairs information management
    重点政务信息 = key government affairs information
    组织机构 = organisation
    领导小组 = leading group
    技术手段 = technical means
    技术手段保障 = technical safeguards
    技术防护 = technical protection
    平台技术防护 = platform technical protection
    日常监测 = routine monitoring
    日常监管 = routine supervision
    日常管理 = daily management
    日常监督检查 = routine supervision and inspection
    监督检查 = supervision and inspection
    统筹指导 = overall guidance
    组织协调 = organisation and coordination
    协调保障 = coordination and support
    督导协调工作 = supervision and coordination
    督导 = supervision
    政策解读形式 = forms of policy interpretation
    政策解读效果 = effect of policy interpretation
    政策解读质量 = quality of policy interpretation
    政策解读力度 = policy interpretation effort
    政策解读发布 = release of policy interpretations
    解读效果 = effect of interpretations
    解读工作 = interpretation work
    信息解读工作 = information interpretation work
    回应工作 = response work
    征集渠道 = consultation channels
    定义 = definition
    培训会 = training session
    工作培训会 = training session
    责任清单 = list of responsibilities
    工作责任清单 = list of work responsibilities
    用权 = use of power
    用权信息 = information on the use of power
    扶贫 = poverty alleviation
    社会救助 = social assistance
    食品药品安全 = food and drug safety
    财政资金 = public funds
    国资国企 = state assets and state-owned enterprises
    社会发展 = social development
    群众生活 = people's lives
    突发事件 = emergencies
    信息公开责任 = disclosure responsibilities
    信息公开机制 = disclosure mechanism
    公开事项 = disclosure items
    主动公开目录 = proactive disclosure catalogue
    目录编制 = cataloguing
    能力建设 = capacity building
    交流 = exchange
    经验交流 = exchange of experience
    栏目设置 = section layout
    政府网站与政务新媒体 = government websites and new media
    政务新媒体管理 = management of government new media
    政务公开队伍 = open government staff
    政务公开队伍建设 = building of open government staff
    政务公开工作 = open government work
    政务公开质量 = quality of open government
    政务公开渠道 = open government channels
    质量水平 = quality
    依申请公开工作 = work on disclosure upon request
    依申请公开答复质量 = quality of replies to requests
    依申请公开工作机制 = working mechanism for disclosure upon request
    申请登记 = registration of requests
    协调联动 = coordination
    信息查找渠道 = channels to find information
    规章库 = library of rules
    行政规范性文件库 = library of administrative normative documents
    AI技术 = AI technology
    技术 = technology
    全链条工作制度 = whole-chain working system
    备案管理 = registration management
    信息发布常态化巡查机制 = routine inspection of information releases
    工作组织领导 = organisational leadership of the work
    政务公开工作组织领导 = leadership of open government work
    重点领域栏目 = key-area sections
    政务新媒体建设 = building of government new media
    保密审查工作 = confidentiality review
    政府信息公开保密审查工作 = confidentiality review of disclosures
    行政规范性文件格式 = format of administrative normative documents
    格式 = format
    省级 = provincial
    平台互动模块设计 = design of the platform's interactive modules
    互动模块 = interactive modules
    队伍工作水平 = staff competence
    经办人员 = staff handling the work
    载体和渠道 = carriers and channels
    政务公开栏 = open government notice board
    电子公文 = electronic documents
    流转管理机制 = circulation management mechanism
    电子政务 = e-government
    协同办公平台 = collaborative office platform
    网民留言 = netizens' messages
    留言 = messages
    回复效率 = reply efficiency
    政民互动栏目 = government-public interaction section
    信息公开意识 = disclosure awareness
    专业化能力建设 = professional capacity building
    信息公开队伍 = disclosure staff
    主动公开信息联动机制 = linkage mechanism for proactive disclosure
    申请情况 = requests
    机关 = organs
    政府治理方式 = ways of governance
    治理 = governance
    信息工作 = information work
        """,
    ),
)


@dataclass(frozen=True)
class Abbreviation:
    short: str
    full: str
    in_titles: bool = True  # a title's agency is written out in full; False: kept as printed (管委会)


# Short forms of agency names, and the full names they stand for.
ABBREVIATIONS: tuple[Abbreviation, ...] = (
    Abbreviation("科委", "科学技术委员会"),
    Abbreviation("发改委", "发展和改革委员会"),
    Abbreviation("发改局", "发展和改革局"),
    Abbreviation("人社局", "人力资源和社会保障局"),
    Abbreviation("住建局", "住房和城乡建设局"),
    Abbreviation("市监局", "市场监督管理局"),
    Abbreviation("卫健委", "卫生健康委员会"),
    Abbreviation("卫健局", "卫生健康局"),
    Abbreviation("教体局", "教育体育局"),
    Abbreviation("教委", "教育委员会"),
    Abbreviation("文旅局", "文化和旅游局"),
    Abbreviation("文广旅局", "文化广电和旅游局"),
    Abbreviation("农业局", "农业农村局"),
    Abbreviation("地税局", "地方税务局"),
    Abbreviation("国税局", "国家税务局"),
    Abbreviation("科技局", "科学技术局"),
    Abbreviation("医保局", "医疗保障局"),
    Abbreviation("管委会", "管理委员会", in_titles=False),
    Abbreviation("政府办", "人民政府办公室", in_titles=False),
    Abbreviation("政府办公室", "人民政府办公室", in_titles=False),
    Abbreviation("街道办", "街道办事处", in_titles=False),
    Abbreviation("公积金中心", "住房公积金管理中心", in_titles=False),
    Abbreviation("环保局", "环境保护局", in_titles=False),
    Abbreviation("城管局", "城市管理局", in_titles=False),
    Abbreviation("应急局", "应急管理局", in_titles=False),
    Abbreviation("退役军人局", "退役军人事务局", in_titles=False),
    Abbreviation("数据局", "数据资源管理局", in_titles=False),
    Abbreviation("审批局", "行政审批局", in_titles=False),
)

# English contractions, read written out ("couldn't be provided" is "could not be provided").
CONTRACTIONS: tuple[tuple[str, str], ...] = (
    (r"\bcan't\b", "cannot"),
    (r"\bwon't\b", "will not"),
    (r"\b(\w+)n't\b", r"\1 not"),
    (r"\b(\w+)'re\b", r"\1 are"),
    (r"\b(\w+)'ve\b", r"\1 have"),
)

# Chinese words a question may write in a longer or colloquial form, read as the form the reports print.
CHINESE_FORMS: tuple[tuple[str, str], ...] = (
    ("或者", "或"),
    ("以及其他", "或其他"),
)

# Words for a kind of agency after its field ("education commission", 教育局): a question naming a field
# so names an agency, which the corpus may not have.
AGENCY_KIND_WORDS = (
    r"(?:bureau|commission|committee|department|office|administration|authority|agency)\b"
    r"|委员会|委|局|厅|办公室|办"
)

# English words that continue an agency's name after its place ("Pingtan Local Taxation Bureau", "Shanghai
# Municipal … Commission"): with the place, they name the scope, never a measure or a column.
AGENCY_NAME_WORDS_EN = frozenset(
    """
    bureau commission committee department office administration authority agency municipal people's
    people government district county city local zone provincial province management administrative
    comprehensive experimental pilot area taxation tax
    """.split()
)

# Short forms of English words people write in questions, read as the word they stand for.
ENGLISH_SHORT_FORMS: dict[str, str] = {
    "info": "information",
    "govt": "government",
    "gov": "government",
    "dept": "department",
    "depts": "departments",
    "admin": "administrative",
    "apps": "applications",
    "req": "request",
    "reqs": "requests",
    "nos": "numbers",
    "tech": "technology",
    "sci": "science",
    "yoy": "year on year",
    "docs": "documents",
    "doc": "document",
    "regs": "regulations",
    "stats": "statistics",
    "approx": "approximately",
    "yr": "year",
    "yrs": "years",
    "num": "number",
    "qty": "quantity",
    "pct": "percent",
}

# Taiwan/Hong Kong wording of report terms, applied after OpenCC's t2s to text that had traditional characters
# (OpenCC's tw2sp phrase table is not used: it also turns 文件 into 文档)
REGIONAL_WORDS: dict[str, str] = {"资讯": "信息", "诉愿": "行政复议", "规费": "收费"}
# written Cantonese (after t2s) and its Mandarin words: none of them is Mandarin, so they are mapped in any text
CANTONESE_WORDS: dict[str, str] = {
    "冇": "没有",
    "唔好": "不要",
    "唔": "不",
    "计埋": "算上",
    "畀晒": "全部给",
    "仲有": "还有",
    "仲系": "还是",
    "仲未": "还没",
    "仲生效": "还生效",
    "紧嘅": "中的",
    "嘅": "的",
    "呢啲": "这些",
    "啲": "些",
    "咗": "了",
    "佢哋": "他们",
    "佢": "他",
    "𠮶": "那",
    "嗰": "那",
    "乜嘢": "什么",
    "几多": "多少",
    "加埋": "加起来",
    "点解": "为什么",
    "边份": "哪份",
    "边个": "哪个",
    "边几": "哪几",
    "边啲": "哪些",
    "系咪": "是不是",
    "系因为": "是因为",
    "畀": "给",
    "攞": "拿",
}

# Words people use in questions for figures, beyond the schema's own labels, English names and synonyms
# (which the Q&A reads too; none is repeated here). Keys: a row ("requests.new_received"), an outcome group
# of table 3 ("requests.denied"), the lawsuits of table 4 together ("appeals.litigation"), or a column a
# question may name ("column.individual"; () when the schema's synonyms say it all; "column.organisations"
# is the five non-individual applicant columns together).
REQUEST_WORDS = ("requests", "applications", "request", "application", "申请")  # only say "requests"
FIGURE_WORDS: dict[str, tuple[str, ...]] = {
    "requests.new_received": ("receive", "came in", "come in", "submitted", "filed", "lodged", "受理", *REQUEST_WORDS),
    "requests.total_handled": (
        "dealt with",
        "finished",
        "concluded",
        "处理完",
        "办完",
    ),
    "requests.carried_forward": ("still pending", "结转到下一年", "转入下一年"),
    "requests.carried_over": ("from the previous year", "上一年结转"),
    "appeals.review": ("reconsiderations",),
    "requests.denied": (
        "refused",
        "refusals",
        "refuse",
        "denied",
        "rejected",
        "not disclosed",
        "not to be disclosed",
        "not be disclosed",
        "non-disclosure",
        "withheld",
        "拒绝",
        "没给公开",
        "不给公开",
        "没有公开",
        "没公开",
        "未予公开",
    ),
    "requests.unable": (
        "could not be provided",
        "unable to provide",
        "cannot be provided",
        "unavailable",
        "没法提供",
        "提供不了",
        "提供不到",
        "给不到",
        "不能提供",
        "给不了",
        "无法给",
        "拿不出",
    ),
    "requests.not_processed": ("not processed", "not handled", "declined to process"),
    "requests.disclosed": (
        "full or partial",
        "in full or in part",
        "fully or partially",
        "fully or partly",
        "wholly or partly",
        "disclosed at all",
        "全部或部分",
        "予以公开和部分公开",
        "予以公开或部分公开",
        "全部公开和部分公开",
        "全部公开或部分公开",
        "公开或部分公开",
    ),
    "requests.other": ("otherwise handled", "other processing", "handled in other ways"),
    "appeals.litigation": (
        "lawsuit",
        "lawsuits",
        "litigation",
        "sue",
        "sued",
        "court",
        "courts",
        "suits",
        "行政诉讼",
        "诉讼",
        "起诉",
        "败诉",
        "胜诉",
    ),
    # rows only the statistics table before 2019 has
    "legacy.proactive_items": (
        "published proactively",
        "publish proactively",
        "on its own initiative",
    ),
    "legacy.requests_in_person": ("in person", "face to face", "当面"),
    "legacy.requests_fax": ("fax", "faxed", "传真"),
    "legacy.requests_email": ("email", "e-mail", "emailed", "电子邮件", "邮件"),
    "legacy.requests_online": ("online", "internet", "网上申请", "网络申请"),
    "legacy.requests_letter": ("letter", "letters", "by post", "信函"),
    "legacy.staff": ("staff", "工作人员"),
    "legacy.staff_full_time": ("full-time", "full time", "专职"),
    "legacy.staff_part_time": ("part-time", "part time", "兼职"),
    "legacy.budget": ("budget", "funding", "专项经费"),
    "legacy.meetings": ("meetings", "会议"),
    "legacy.trainings": ("training", "trainings", "培训"),
    "column.individual": ("natural persons", "citizen", "private person", "公民", "群众"),
    "column.organisations": (
        "organisations",
        "organizations",
        "organisation",
        "organization",
        "legal persons",
        "rather than individuals",
        "other than individuals",
        "not from individuals",
        "companies and other organisations",
        "companies or other organisations",
        "businesses and other organisations",
        "companies and other organizations",
        "businesses and other organizations",
        "法人或其他组织",
        "法人和其他组织",
        "法人及其他组织",
        "法人与其他组织",
        "企业和其他组织",
        "企业或其他组织",
        "企业及其他组织",
        "非自然人",
        "除自然人",
        "法人",
    ),
    "column.business": ("company", "enterprise", "firms", "商业企业", "公司"),
    "column.research": ("researchers", "research institutions", "科研机构"),
    "column.nonprofit": ("charity", "社会公益组织"),
    "column.legal_services": ("lawyer", "legal service", "法律服务机构", "律所"),
    "column.other_org": ("其他组织",),
    "column.upheld": ("uphold", "won", "win", "胜诉"),
    "column.corrected": ("lose", "losing", "reversed", "败诉", "纠错"),
    "column.pending": ("ongoing", "未审结", "在审"),
    "column.other": ("other outcomes", "other results"),
    "column.issued": ("issue", "新制发", "出台", "印发"),
    "column.repealed": ("scrapped", "scrap", "revoked", "annulled", "invalidated", "废除", "作废"),
    "column.in_force": ("in effect", "有效"),
}


@cache  # the table never changes: each question asks for the same few kinds
def of_kind(kind: Kind) -> tuple[Term, ...]:
    """The entries of a kind (or of any of several kinds: ``Kind.TERM | Kind.THEME``), in table order."""
    return tuple(t for t in VOCABULARY if t.kind & kind)


def _by_zh() -> dict[str, Term]:
    out: dict[str, Term] = {}
    for t in VOCABULARY:
        if t.zh in out:
            raise ValueError(f"vocabulary: {t.zh} has two entries")
        out[t.zh] = t
    return out


BY_ZH: dict[str, Term] = _by_zh()
"""Chinese -> its one entry."""


def _build_en_to_zh() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    terms = of_kind(Kind.TERM)
    keys = [(t.en.lower().strip('"'), t) for t in terms] + [(s.lower(), t) for t in terms for s in t.synonyms]
    for key, term in keys:
        zhs = out.setdefault(key, [])
        if term.zh not in zhs:
            zhs.append(term.zh)
    return {k: tuple(v) for k, v in out.items()}


EN_TO_ZH: dict[str, tuple[str, ...]] = _build_en_to_zh()
"""Lower-cased English wording of a regime term -> the Chinese terms it stands for."""


def english(zh: str, kind: Kind = Kind.TERM | Kind.THEME) -> str | None:
    """English of a Chinese term of the given kinds, as it reads in a sentence, or None."""
    term = BY_ZH.get(zh)
    return term.prose if term is not None and term.kind & kind else None


def chinese(en: str) -> tuple[str, ...]:
    """Chinese terms of the regime for an English wording (case-insensitive), or ()."""
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

# How people say the direction of a request's year or of a lawsuit (and asking for information, which
# is making a request), rewritten to the schema's own wording before a question is matched (applied in
# order; years are already blanked out).
_NEXT_YEAR = r"(?:下一?年度?|次年|明年|第二年|来年|后一年)"  # the year after the report's
DIRECTIONS: tuple[tuple[str, str], ...] = (
    (
        r"\b(?:ask(?:ed)?|appl(?:y|ied))\b(?:\s+\S+){0,4}?\s+for\s+(?:any\s+|some\s+)?(?:government\s+)?information\b",
        "requests",
    ),
    (r"\bno\s+longer\s+(?:in\s+force|valid|in\s+effect|effective)\b", "repealed"),
    (r"(?:宣布|已经?)?失效|不再有效", "废止"),
    (
        r"\b(?:carried|carry|carrying|rolled|roll|rolls|rolling|pushed|push|moved|transferred|held|spilled|left)"
        r"\s+(?:over\s+|forward\s+|on\s+)?(?:in)?to\s+(?:the\s+)?(?:next|following|coming|new|\s)"
        r"|\b(?:pass|passe[sd]|passing|hand|hand(?:s|ed|ing)|defer(?:s|red)?|postpone[sd]?)\s+(?:on\s+|over\s+)?"
        r"(?:in)?to\s+(?:the\s+)?(?:next|following|coming)\s+year"
        r"|\b(?:rolled|carried|held|pushed)\s+over\s+to\s+be\s+(?:finished|completed|handled|dealt\s+with)\b",
        "carried forward",
    ),
    (
        r"\b(?:still\s+)?(?:pending|open|unfinished|unresolved)\s+at\s+(?:the\s+)?(?:end\s+of|year[- ]end)"
        r"|\b(?:still\s+)?(?:pending|open|unfinished|unresolved|outstanding)\s+(?:going\s+|heading\s+)?(?:in)?to\s+"
        r"(?:the\s+)?(?:next|following|coming|new)\s+year\b"
        r"|\b(?:ended|closed|finished)\s+the\s+year\s+(?:with\s+)?[\w\s]{0,20}?\bstill\s+(?:being\s+)?"
        r"(?:processed|handled|pending|open|in\s+progress|unfinished)\b"
        r"|\b(?:weren't|were\s+not|wasn't|was\s+not|not\s+yet|still\s+not)\s+(?:finished|completed)\b",
        "carried forward",
    ),
    (  # "was the case decided by the end of the year?": was none of them still pending?
        r"\b(?:decided|concluded|resolved|closed|settled|finished|heard)\s+(?:by|before)\s+(?:the\s+)?"
        r"(?:end\s+of\s+(?:the\s+)?year|year[- ]end)\b",
        "pending was it zero",
    ),
    (  # "were they all finished?": was none carried into the next year?
        r"(?:是不是|是否)?(?:全部|全都|都)(?:已经?)?(?:办结|办完|办理完毕)(?:了)?(?=吗|呢|\s*[？?]|\s*$)",
        "结转下年度是否为零",
    ),
    (
        rf"(?<!上年)(?<!上一年)结转(?:到|至|入)\s*{_NEXT_YEAR}?|转(?:入|到|至)(?:{_NEXT_YEAR}|\s{{4,}})"
        rf"|(?:留|放|拖|推|挪|移|延)(?:到|至)(?:{_NEXT_YEAR}|\s{{4,}})"  # a year blanked after 转到 is the next
        r"|(?:(?:年底|年末|年终)(?:还|仍|尚)?|(?<![是不])(?=没|未|尚未))(?:没有?|尚?未)(?:能)?(?:办完|办结|处理完|完成办理)",
        "结转下年度",
    ),
    (  # "left over from 2023" (its year blanked), "still being handled when the year began"
        r"\b(?:left\s+over|inherited|outstanding|pending|unfinished|unresolved|(?:carried|brought|rolled)(?:\s+over|\s+forward)?)"
        r"\s+from\s{4,}"
        r"|\b(?:still\s+)?(?:being\s+handled|being\s+processed|pending|open|unfinished|in\s+progress)\s+(?:at|by)\s+"
        r"(?:the\s+)?(?:start|beginning|opening)\s+of\s+(?:the\s+)?year\b",
        "carried over",
    ),
    (
        r"\b(?:carried|brought|rolled)\s+(?:over\s+|forward\s+)?from\s+(?:the\s+)?(?:last|previous|prior|preceding)"
        r"\s+year\b|\bfrom\s+(?:the\s+)?(?:last|previous|prior|preceding)\s+year\b|\bfrom\s+the\s+year\s+before\b"
        r"|\b(?:pending|open|waiting)\s+(?:when|as)\s+the\s+year\s+(?:began|started|opened)\b",
        "carried over",
    ),
    (
        r"(?:从|由)?上一?年度?(?:转过来|转来|遗留|留下|结转过来|结转下来|转入)"
        r"|(?:从|由)\s{4,}(?:结转过来|结转下来|转过来|转来|结转)|属于\s{4,}结转(?:过来|下来)?",
        "上年结转",
    ),
    (
        r"\bwithout\s+(?:(?:first\s+)?going\s+through\s+|a\s+|an\s+|any\s+|prior\s+|first\s+)*"
        r"(?:administrative\s+)?(?:reconsideration|review)\b|\b(?:directly|straight)[\s-]+(?:to|in)[\s-]+(?:the\s+)?court\b",
        "filed directly",
    ),
    (
        r"\b(?:after|following)[\s-]+(?:[a-z']+\s+){0,6}?(?:administrative\s+)?(?:reconsideration|review)\b",
        "after reconsideration",
    ),
    (
        r"(?:没有?先?经过?|未先?经过?|不先?经)\s*(?:行政)?复议[，,、]?\s*(?:就|而)?\s*直接(?:去|向)?(?:法院)?(?:起诉|诉讼)?"
        r"|直接(?:去|向)法院(?:起诉)?",
        "未经复议直接起诉",
    ),
    (
        r"先(?:申请)?(?:行政)?复议[、，,]?\s*(?:后来|然后|之后|后)?(?:又|再)?(?:去)?(?:法院)?起诉|复议(?:之)?后(?:又|再)起诉"
        r"|(?<!没有)(?<!没)(?<!未)(?<!不)先(?:经过?|经历|走|申请)(?:了)?(?:行政)?复议[^，,。？?；;]{0,14}?"
        r"(?:起诉|诉至法院|告上法院|告到法院|上法院|打官司|提起(?:行政)?诉讼)"
        r"|复议(?:之后|以后|后|完了?|结束了?)[^，,。？?；;]{0,8}?(?:又|再|才|还)?(?:去|向|到)法院(?:起诉|告|打官司)?"
        r"|复议(?:之后|以后|后|完了?|结束了?)[^，,。？?；;、]{0,10}?(?:提起|提出|起诉|诉讼)",
        "复议后起诉",
    ),
    # "how many were closed, and …": closed, said alone, is handled (not "closed as 'other handling'")
    (r"\b(?:were|was|got|been|are)\s+closed\b(?=\s*(?:[,;?]|and\b|$))", "finished"),
    (r"\b(?:granted\s+|disclosed\s+|released\s+)?in\s+part\b", "partially"),
    (
        r"\b(?:did\s*n[o']?t|failed\s+to|never)\s+(?:supplement|correct|complete|amend|clarify)\w*"
        r"|\bno\s+(?:supplement|correction)s?\b",
        "did not correct",
    ),
    (r"(?:没有|未|不)(?:按时|按期|及时)?(?:补正|补充材料|补充)", "逾期不补正"),
    (r"\bturned\s+down\b|\bdeclined\s+to\s+disclose\b|\bwithheld\b", "refused"),
    (r"驳回|拒绝公开|不给公开|不让公开|拒绝|(?:没有|未|没|不)(?:给予?|予以|同意)公开|未予公开", "不予公开"),
    (r"打(?:行政)?官司|告上法庭|上法院", "行政诉讼"),
)

# What a question asks for, beyond a measure: the patterns of its operation.
ASKS: dict[str, str] = {
    "list": (
        r"\bwhich\s+(?:\w+\s+){0,2}reports?\b|\blist\s+(?:all\s+|every\s+|each\s+|the\s+)?(?:\w+\s+)?reports?\b"
        r"|\b(?:in\s+)?which\s+years\b|\bwhich\s+(?:ones|agencies|bureaus|governments|departments|authorities)\b"
        # "Of the reports …, which"
        r"|\b(?:of|among)\s+(?:the|these|all\s+the)\s+(?:\w+\s+){0,2}reports\b[^?]*?\bwhich\b"
        r"|哪(?:些|几|一)?份(?:报告|年报)?|哪(?:些|个)(?:报告|年报)|哪(?:几|些)(?:个)?年(?:份|度)?"
        r"|(?:报告|年报)(?:里|中|当中|之中)[，,]?\s*哪(?:些|几)"
        r"|哪(?:些|几个)(?:机关|单位|部门|政府)|列出|(?:报告|年报)(?:都)?(?:有|是)哪(?:些|几份|几个)"
    ),
    "before_tables": (
        r"\bbefore\s+(?:the\s+)?standard(?:i[sz]ed)?\s+(?:statistical\s+)?tables?\b|\bpredate|\bbefore\s+(?:2019|the\s+2019)"
        r"|2019年?(?:以前|之前)|标准(?:统计)?表(?:格)?(?:出台|实行|施行)?(?:以前|之前)"
    ),
    # a year naming the edition of the standard tables, not a year the question is about ("the 2021 standard
    # tables", 采用2021年新格式的年报): the reports of that layout
    "edition": r"\b((?:19|20)\d{2})\s+(?:(?:standard|statistical|new|revised|official)\s+)*"
    r"(?:format|template|layout|standard)s?\b"
    r"|\b((?:19|20)\d{2})\s+(?:standard|new|revised)\s+(?:statistical\s+)?tables?\b|\b((?:19|20)\d{2})-(?:style|format)\b"
    r"|((?:19|20)\d{2})\s*年?\s*(?:版|新版)?\s*(?:的)?\s*(?:新|标准)(?:统计)?(?:格式|模板|样式|版式|表格|统计表)"
    r"|((?:19|20)\d{2})\s*年?\s*(?:版|新版)?\s*(?:的)?\s*(?:格式|模板|样式|版式)",
    # how many of the reports ranked a question asks for: "the three reports with the most", 最多的三份
    "ranked_count": r"\b(?:the|which|what)\s+(\d+|two|three|four|five|ten)\s+(?:\w+\s+)?"
    r"(?:reports|agencies|bureaus|years|ones)\b"
    r"|\bwhich\s+(two|three|four|five|ten)\b"
    r"|(?:最多|最高|最大|多到少|高到低)的?(?:是)?(?:哪)?\s*(\d+|[两二三四五六七八九十])\s*(?:份|个|家|位|名|年)",
    "arithmetic": (
        r"\barithmetic\b|\badds?\s+up\b|\bcheck(?:s)?\s+out\b|\bconsistent\b|\bbalance[sd]?\b|\bmatch(?:es)?\b"
        r"|\bthe\s+same\s+as\b|\bagrees?\s+with\b|对得上|勾稽|相符|吻合|一致|一样吗|相同吗"
    ),
    "narrative": r"\b(?:text|narrative|prose|wording)\b|正文|文字|文中|报告中说|叙述",
    "none": r"\bno\s+(?:\w+\s+){0,5}(?:at\s+all|whatsoever)|\bnone\b|\bzero\b|\b(?:nobody|no\s+one|no-one)\b"
    r"|一件\S{0,8}都没|没有收到|没(?:有)?人(?!员)|无人(?!机)|零|(?:没有|未|无|不)(?:收取|收费|收钱)"
    r"|\bno\s+(?:\w+\s+){0,3}(?:fees?|charges?)\b|\b(?:did\s+not|didn'?t|never)\s+charge|\bfree\s+of\s+charge\b",
    # an amount of money asked for ("how much did it charge in fees", 收取了多少信息处理费, 花了多少钱)
    "money": r"多少钱|花了多少|花费|花在|(?:费用|经费|支出)(?:是|为|有|一共|共|总共)?多少"
    r"|(?:收取?|收|交|缴)了?多少[^，,。；;？?]{0,8}费|多少[^，,。；;？?]{0,8}费(?:用)?"
    r"|\bhow much (?:money|did it cost|was spent)\b|\b(?:cost|spend|spent)\b"
    r"|\bhow much\b[^?？]*\b(?:fees?|charged?|charges|paid|yuan|rmb|tax|taxes|waived|relieved|exempted)\b"
    r"|(?:减免|免征|退)(?:了)?多少(?!件|次|户|人)|多少税"
    r"|\b(?:in|of)\s+(?:万元|元|yuan|rmb)|\bbudget\b|预算(?:是|为|有)?多少",
    # what is named to be left out ("不算自然人", "excluding individuals")
    "excluding": r"不算|不计|不含|不包括|除了|除去|排除|去掉|刨除"
    r"|\b(?:excluding|exclude|not\s+counting|leaving\s+(?:out|aside)|apart\s+from|except(?:\s+for)?|setting\s+aside|ignoring"
    r"|rather\s+than|as\s+opposed\s+to|instead\s+of)\b|而不是|而非",
    # a yes/no question asking whether there was none ("free of any lawsuits?", "was it zero?", 是否为零)
    "none_asked": r"\bfree\s+of\b|\bwithout\s+any\b"
    # a claim of none put to be confirmed: "no fee charged … Right?", "had no reconsideration case — true?"
    r"|\bno\s+(?:[a-z-]+\s+){0,3}(?:fees?|charges?|cases?|requests?|applications?|lawsuits?|suits?)\b"
    r"|(?:(?<!有)没有|(?<!有)未|(?<!有)无|零)(?:收取|收费|收钱)|\b(?:was|were|is|are)\s+(?:there\s+)?(?:no|zero)\b|\bzero\b"
    r"|\bnone\b|\bnothing\b|\bno\s+[\w\s-]{0,40}\bat\s+all\b|\bnot\s+(?:a\s+)?single\b|\bentirely\s+without\b"
    r"|(?:为|是)\s*(?:零|0)(?![\d.])|(?:是不是|是否)(?:都|全)?没有|一(?:件|个|次|条|份)(?:都|也)没有"
    r"|\b(?:had|has|have|did|was|were)\s*(?:not|n't)\s+(?:any|a\s+single|even\s+one)\b|\bnot\s+(?:any|even\s+one)\b"
    r"|一(?:件|个|次|条|份|宗)[^，,。？?]{0,12}?(?:都|也)(?:没有?|未)|(?:未|没有?)(?:收到|受理|接到)(?:过)?任何",
    "some": r"\bany(?:one|body)?\b[^?？]*\bat all\b|\b(?:did|has|have|had)\s+any(?:one|body)\b"
    r"|\b(?:got|gets?|received?|had|have|has)\s+(?:any|some)\b|收到过|有过|有申请的|有没有人|有人(?=提出|申请|来申请)"
    # … or more than none: "at least one", "more than zero", "leaving aside those with zero", 不为零
    r"|\bat\s+least\s+(?:one|1)\b|\b(?:more|greater)\s+than\s+(?:zero|0|none)\b|\bnon-?zero\b|\bnot\s+zero\b"
    r"|\b(?:leaving\s+aside|excluding|except(?:\s+for)?|ignoring|other\s+than|setting\s+aside)\b[^?？]{0,30}\b(?:zero|none|0)\b"
    r"|\b(?:that|which|who)\s+did\s+(?:receive|get|have|record)\b"
    r"|不为零|不是零|非零|大于零|多于零|至少(?:有)?(?:一|1)|(?:除去?|去掉|排除|不算)[^？?]{0,12}(?:为零|是零|零)",
    "quantity": (
        r"\bhow (many|much|often)\b|\bnumber of\b|\bcount\b|\bcollect(?:ed)?\b|\b(?:add|sum|count)\s+up\b|\btally\b"
        r"|\bwhat (was|is|were) the (number|total|amount)"
        r"|\btotal\b|\bamount\b|\bfigures?\b|\bnumbers?\b|\b(?:revenue|income|takings|proceeds)\b"
        r"|多少|若干|几(?!乎)[\u4e00-\u9fff]|数量|数目|总数|金额|收入|有几|加起来|合计|#\s*of\b|\bno\.\s*of\b"
    ),
    # the words that make a question more than the bare name of a figure: without any of them, a question
    # naming a specific figure ("STCSM FY2024: admin licensing decisions?", "洪泽区2024 不予公开？") asks for it
    "asking": (
        r"\b(?:what|how|which|who|whom|whose|why|when|where|tell|describe|explain|summari[sz]e|discuss|outline"
        r"|did|does|do|is|are|was|were|has|have|had|can|could|should|would|will)\b"
        r"|什么|怎么|怎样|如何|为什么|为何|哪|情况|措施|做法|工作|介绍|说明|说说|讲讲|是否|吗|呢|有没有"
    ),
    # a claim that every case had one outcome ("是不是全部都维持", "disclosed everything asked", "granted every
    # single request in full"): its verdict compares the outcome with the whole it is part of
    # the reports themselves named ("how many reports", 几份年报): a bare 多少份 of a figure counts documents
    # "不论是否经过行政复议": every lawsuit, reconsidered first or not (no count of its own, no yes/no asked)
    "regardless": r"(?:不论|无论|不管)(?:是否|有没有|有无)?(?:经过?|经历)?(?:了)?(?:行政)?复议(?:与否)?",
    "reports_named": r"\breports?\b|报告|年报",
    # a column said to be counted in as well ("请连同法人或其他组织提出的一并计入"): the total, not that column
    "also_counting": r"连同|一并(?:计入|算|统计)|也(?:算上|计入|算进去)"
    r"|\b(?:including|as\s+well\s+as|together\s+with)\b",
    "all_claim": r"全部都|全都|都(?:是|被|予以|得到|获得)|所有[^，,。？?]{0,12}?都|一律|无一例外"
    r"|\b(?:everything|every\s+single|every\s+one|each\s+and\s+every|all\s+of\s+(?:them|the|its|their))\b"
    r"|\bevery\s+(?:request|application|case|one)\b|\b100\s*(?:%|percent)",
    "yes_no": (
        r"^\s*(did|does|do|was|were|is|are|has|have|had|can|could)\b|是否|是不是|有没有|有无|有否|吗\s*[?？]?\s*$"
        r"|\bwhether\b|[—–:;,]\s*(?:did|does|do|was|were|is|are|has|have|had)\s+(?:they|it|there|any|its|their)\b"
        r"|^\s*in\s+(?:19|20)\d{2},?\s+(?:did|does|do|was|were|is|are|has|have|had)\b|\byes\s+or\s+no\b|\by/n\b"
        r"|[—–:;.]\s*(?:in\s+(?:19|20)\d{2},?\s+|so,?\s+)?"
        r"(?:did|does|do|was|were|is|are|has|have|had)\s+(?:they|it|there|any|the|this|that|its|their)\b"
        r"|对得上|相符吗"
        # a claim put to be confirmed: "… no fee charged all year. Right?", "…, true?", 对不对？, 是真的吗
        r"|\b(?:right|true|correct|accurate|yes|legit|real)\s*[?？]\s*$|\b(?:is\s+(?:that|this|it)\s+)?(?:right|true|correct)\s*[?？]"
        r"|\bconfirm\b|\bverify\b|\bfact[-\s]?check\b|对不对|对吧|是真的吗|属实吗|真的吗|准确吗|没错吧"
        r"|真的[^，,。？?]{0,30}[?？]"
        # … after a lead-in that asks nothing itself: "Back in 2012, did Pingtan County receive …?"
        r"|^(?![^,，]*\b(?:how|what|which|who|when|where|why)\b)[^,，?？]{0,30}[,，]\s*"
        r"(?:did|does|do|was|were|is|are|has|have|had)\b"
    ),
    "joins": (
        r"\band\b|\bplus\b|\bor\b|\bvs\.?\b|\bversus\b|、|和|以及|(?<!涉)及(?!时)|与|跟(?!进|踪|随)|加上?|还有|[,，;；]|各|或"
        r"|[?？](?=\s*\S)"  # a second question after the first
    ),
    # the things a Chinese question joins (区直部门与各乡镇), a part of the whole after it (，其中原创的), and
    # where what is asked of the joined things begins (分别…几条)
    "conjunction": r"、|和|与|以及|(?<!涉)及(?!时)|跟(?!进|踪|随)",
    "of_which": r"[，,]\s*其中",
    # a question asking how many items were published proactively in all, naming no kind of them: the
    # total the old tables kept (主动公开了多少条信息) and the newer ones leave to the text
    "proactive_total": r"主动公开(?:了)?(?:多少|几)条(?:政府)?(?:信息|资讯)?(?:[?？]|$)"
    r"|主动公开(?:的)?(?:政府)?(?:信息|资讯)(?:有|一共|共|总共)?(?:多少|几)条(?:[?？]|$)"
    r"|主动公开(?:的)?(?:政府)?(?:信息|资讯)的?(?:条数|数量|总数|总量)"  # 主动公开的政府信息条数最多
    r"|主动公开(?:了)?(?:的)?(?:政府)?(?:信息|资讯)(?=最多|最少|最高|最低|排|从多到少|从少到多)",
    # the fee charged to applicants for handling their requests (信息处理费), not table 2's administrative fees
    "processing_fee": r"信息处理\)?费|(?<!事业性)处理\)?费|向申请人[^，,。？?]{0,8}(?:收费|收取|收了?钱|收过钱)"
    r"|依申请公开[^，,。？?]{0,6}(?:收费|收取[^，,。？?]{0,6}费)|\bprocessing[\s-]+fees?\b"
    r"|\bcharg(?:e|ed|es|ing)\b[^?]{0,40}\b(?:applicants?|requesters?|requests)\b"
    r"|\bfees?\s+(?:(?:charged|levied|collected|taken)\s+)?(?:for|on)\s+(?:the\s+|their\s+)?(?:requests|applications"
    r"|disclosure|disclosing)\b"
    # a fee for what a request gets: "charge people for handing out information", 提供信息收钱
    r"|\b(?:charg\w*|fees?)\b[^?]{0,30}\bfor\s+(?:giving|providing|handing\s+out|supplying|releasing|disclosing"
    r"|sending)\b[^?]{0,20}\binformation\b|(?:提供|给)[^，,。？?]{0,6}信息[^，,。？?]{0,6}(?:收费|收钱|收取)",
    # what says a count the prose states is a total ("全年共…249条", "累计主动公开…7700余条")
    "total_stated": r"全年|共计?|累计|总计|合计|各类",
    # the words naming the report a question is about ("Shuyang …, 2023 annual report:", "in this report",
    # 这份年报里): the document, never a measure (its proactive items list 信息公开年度报告1条)
    "the_report": r"(?:(?<=\s\s)|\b(?:this|the|its|their|that)\s+)(?:annual\s+)?report\b(?:'s)?"
    r"|(?:(?<=\s\s)|这份|这个|本|该)(?:年度报告|年报)",
    # what stands between two things asked for when either counts ("refused or not processed"), and what
    # makes them two separate answers instead
    "either": r"\bor\b|或者?|或是",
    "both": r"\band\b|\bplus\b|\bvs\.?\b|\bversus\b|和|以及|与|[?？;；]|分别|各",
    "predicate": r"分别|各自|各有|一共|总共|共计|合计|加起来|合起来|两类|两项|都|多少|若干|几",
    "share": r"\b(share|percentage|percent|proportion|fraction|ratio|rate)\b|%|比例|占比|百分之|比重|百分比"
    r"|(?:纠错|纠正|公开|办结|答复|胜诉|败诉|驳回|维持|受理|不予公开)率|为基数|作为基数",
    "sum": r"\b(combined|altogether|in all|together|plus|sum(?:s|med)?|totals?|totall?ed|add(?:ed|ing)?(?: up)?|tally"
    r"|counting both|across)\b"
    r"|加起来|合起来|加在一起|合在一起|一共|总共|合计|加总|总和|之和|相加|累计",
    # each figure a question asks for: "how many", 多少, 几件 (not 那几种, which points back at things named)
    "each_quantity": r"\bhow (?:many|much)\b|(?<![那这])(?:多少|若干|几(?!乎)[\u4e00-\u9fff])",
    # a figure asked of each of several things named ("各是多少", "respectively")
    "each": r"\b(?:each|respectively|both)\b|各(?:是|为|有|自)|各[\u4e00-\u9fff]{0,3}?了?(?:多少|几)|分别",
    # an amount asked in plain yuan, not the 万元 the tables print
    "in_yuan": r"\b(?:in|into|as)\s+(?:plain\s+|whole\s+|single\s+)?(?:yuan|rmb)\b|\bhow many yuan\b"
    r"|(?:折合|换算)成?(?:人民币)?元|以元为单位|多少元",
    "total": r"\b(?:in total|total|overall|altogether|all together)\b|总计|总数|一共|共计|合计|总共",
    # a comparison of two years or two readings: "more in 2016 than in 2015", "2020年比2019年少吗"
    "than": r"\bthan\b|比(?!例|重|较)",
    # a bound a list's figures must pass: "超过10000万元", "10000万元以上", "more than 100", "under 50"
    "above": r"(?:超过|多于|高于|大于|不少于|不低于|至少)\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|元)?"
    r"|(?P<n2>\d[\d,]*(?:\.\d+)?)\s*(?P<unit2>万元|元)?\s*(?:[\u4e00-\u9fff]{0,2})以上"
    r"|\b(?:more\s+than|over|above|exceed(?:s|ed|ing)?|greater\s+than|higher\s+than|at\s+least)\s+(?P<n3>\d[\d,]*(?:\.\d+)?)"
    r"\s*(?P<unit3>(?:10,?000|ten\s+thousand)\s+yuan|yuan)?",
    "below": r"(?:少于|低于|小于|不到|不足|不超过)\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|元)?"
    r"|(?P<n2>\d[\d,]*(?:\.\d+)?)\s*(?P<unit2>万元|元)?\s*(?:[\u4e00-\u9fff]{0,2})以下"
    r"|\b(?:less\s+than|fewer\s+than|under|below|lower\s+than|at\s+most)\s+(?P<n3>\d[\d,]*(?:\.\d+)?)"
    r"\s*(?P<unit3>(?:10,?000|ten\s+thousand)\s+yuan|yuan)?",
    "more": r"\b(?:more|higher|greater|larger|bigger|increas\w*|r[io]se|grow|grew|up)\b|多|高|增加|增长|上升",
    "less": r"\b(?:less|fewer|lower|smaller|decreas\w*|f[ae]ll|drop\w*|declin\w*|down)\b|少|低|减少|下降",
    # what names an outcome's reason after it: "refused because the district did not hold it", 因为不掌握而未公开
    "because": r"\bbecause\b|\bdue\s+to\b|\bon\s+(?:the\s+)?grounds?\b|因为|由于|理由是|原因是|(?<![原基])因(?!此|而)",
    # what a question says it is not asking about, to the end of its clause: "not those pushed into 2025",
    # "rather than refused", 别跟收费金额搞混, 而不是结转下年度的
    # "not the 'Youshi Nishuo' one", "not the full thing"
    "contrast": r"\bnot\s+the\s+(?:[\w'‘’\"“”-]+\s+){1,5}?(?:one|ones|spin-?off|thing|things|lot)\b"
    r"|\b(?:not\s+(?:those|the\s+ones|the\s+ones?\s+that)|rather\s+than|instead\s+of|as\s+opposed\s+to"
    r"|not\s+to\s+be\s+(?:confused|mixed\s+up)\s+with|(?:don't|do\s+not)\s+(?:confuse|mix)\s+(?:\w+\s+)?(?:up\s+)?with)\b"
    r"[^,.;?!—–()]*"
    r"|(?:别|不要|不用|勿)(?:跟|和|与|同|把)[^，,。；;？?！!]*?(?:搞混|混淆|弄混|搞错|弄错|混为一谈|混在一起)"
    r"|(?:而不是|而非|并非|不是指|不是那些)[^，,。；;？?！!]*",
    # what a question says a measure it names includes: "行政诉讼（含直接起诉与复议后起诉两类）", "every lawsuit —
    # including suits filed directly and after reconsideration —": a description of it, not more parts
    "including": r"[（(]\s*(?:含|包括|包含|including|incl\.)[^）)]*[）)]"
    r"|\b(?:the\s+latter\s+|the\s+former\s+)?including\b[^,.;?!—–()]*",
    # what says the things after it are what the thing before it is ("没法提供的，就是A或者B", "refusals, i.e. A or
    # B"): a description of a group, not other parts
    "namely": r"就是|也就是|即(?!使|便|时)|指的是|\bnamely\b|\bi\.?e\.|\bthat\s+is\b|\bmeaning\b",
    # what a question says, aside, that a measure it names leaves out: "行政诉讼（不含未经复议直接起诉的）", "(not
    # counting those filed directly)": not another part
    "excluding_aside": r"[（(]\s*(?:不含|不包括|不包含|不计|不算|excluding|not\s+counting|not\s+including|except)"
    r"[^）)]*[）)]",
    # what a question states it already knows, with its figure: 行政许可是135件我知道了, "given that 135 were granted"
    "known": r"[^，,。；;？?！!]*\d[^，,。；;？?！!]*(?:我知道了?|已知|知道了|清楚了)"
    r"|(?:已知|我知道)[^，,。；;？?！!]*\d[^，,。；;？?！!]*"
    r"|\b(?:given\s+that|knowing\s+that|i\s+know\s+(?:that\s+)?|we\s+know\s+(?:that\s+)?)[^,.;?!]*\d[^,.;?!]*",
}


@cache
def asks(kind: str) -> re.Pattern[str]:
    """The compiled pattern of one of :data:`ASKS` (case-insensitive)."""
    return re.compile(ASKS[kind], re.I)


# English words that carry no meaning of their own in a question (they never decide what it asks for).
FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    how many much what which who whom whose when where why did does do was were is are has have had the
    a an of in on at to for from by with and or not any some all its it their they them there this that
    these those been being be get got year years total number numbers count figure figures report
    reports did during given make made give gave per each also than then into over about
    """.split()
)

# The units a question asks its count in, and the English words for them (the summaries write a count
# with the first, plural, word and a count of one with the second where it is the singular).
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "条": ("items", "item", "pieces", "piece", "entries", "posts", "messages"),
    "件": ("requests", "request", "applications", "application", "cases", "case", "documents"),
    "次": ("times", "sessions", "inspections", "rounds"),
    "场": ("events", "conferences", "meetings", "briefings", "sessions"),
    "人次": ("visits", "attendances", "participants", "people", "person-times", "traffic"),
    "篇": ("articles", "pieces", "interpretations"),
    "期": ("issues", "editions", "episodes"),
    "个": ("accounts", "units", "platforms"),
    "名": ("staff", "people", "persons"),
    "万元": ("10,000 yuan", "ten thousand yuan"),
    "元": ("yuan", "rmb"),
    "项": ("items", "item"),
    "宗": ("cases", "case"),
    "起": ("cases", "case"),
    "家": ("organisations", "organisation"),
    "份": ("copies", "copy"),
    "人": ("people", "person", "followers", "follower", "subscribers", "fans"),
    "户": ("households", "household"),
    "套": ("sets", "set"),
    "通": ("calls", "call", "phone calls"),
    "工作日": ("working days", "working day", "business days"),
    "天": ("days", "day"),
    "批次": ("batches", "batch"),
}

# Words the summaries' sentence patterns join clauses with (assistant.summarize.english): who is required to
# act (要求X做好Y 'requiring X to …'), by what means (通过X公开Y 'disclosing Y through X'), in what role
# (从事X的Y 'Y working on X').
LINKING_WORDS: dict[str, str] = {
    "要求": "requiring",
    "督促": "urging",
    "指导": "guiding",
    "通过": "through",
    "依托": "through",
    "利用": "using",
    "从事": "working on",
    "负责": "responsible for",
}

# The words every report is about: in a fact's measure they do not tell one fact from another.
REPORT_WORDS: tuple[str, ...] = ("政府信息公开", "政务公开")
REPORT_WORDS_EN: tuple[str, ...] = ("government", "information", "disclosure", "open", "affairs")
# The English phrases every report is about: "government" in them names no agency (People's Government).
REPORT_PHRASES_EN: tuple[str, ...] = (
    "government information",
    "government affairs",
    "government website",
    "government new media",
    "government data",
    "open government",
)


def unit_english(unit: str, value: float | int) -> str:
    """A unit as an English noun for a count of ``value`` ("articles", "article"), or "" where it has none."""
    plural = UNIT_WORDS.get(unit, ("",))[0]
    if value != 1:
        return plural
    return "person" if plural == "people" else plural[:-1] if plural.endswith("s") else plural


# Units by what they measure (any other unit counts things: 条, 件, 期, 次 …).
UNIT_KINDS: dict[str, frozenset[str]] = {
    "money": frozenset({"元", "万元", "亿元"}),
    "people": frozenset({"人", "人次", "名", "户"}),
    "share": frozenset({"%", "％"}),
    "time": frozenset({"天", "日", "工作日", "小时", "个月"}),
}

# Measure words people use for any countable thing (a question's 多少件 may be the report's 条): another unit
# than asked is a small doubt between these, a strong one where either is specific (期, 场, 次, 篇 …)
GENERIC_COUNTERS = frozenset({"件", "条", "个", "项", "份", "宗"})

# Outcomes of table 3 people ask about together, as one measure: its rows are those of the groups named.
JOINED_OUTCOMES: dict[str, tuple[tuple[str, ...], str, str]] = {
    "disclosed": (("granted", "partially_granted"), "granted in full or in part", "予以公开或部分公开"),
}

# The operations a question over the corpus asks for, tried in this order.
OPERATIONS: tuple[tuple[str, str], ...] = (
    (
        "top",
        r"\btop\s*(\d+|three|five|ten)?\b(?!\s+the\b)|前\s*(\d+|[一二两三四五六七八九十])\s*(?:名|个|位|家)?"
        r"|\brank(?!(?:ed|s)?\s+(?:first|1st|highest|top)\b)|排名|排行|排(?:个|一下)?序|排一下|排个队"
        r"|[从由](?:多|高|大)到(?:少|低|小)|\b(?:order|sort)(?:ed|ing)?\b|\bfrom\s+(?:the\s+)?(?:most|highest|largest)\s+to\b",
    ),
    (
        "most",
        r"\b(most|highest|largest|biggest|greatest|maximum|more than any)\b|最多|最高|最大"
        r"|\btops\b|\btop(?=\s+the\b)|\bcomes?\s+first\b|\bcame\s+first\b|\brank(?:ed|s)?\s+(?:first|1st|highest|top)\b"
        r"|\bnumber\s+one\b|排(?:在|名)?第一|第一名|居首|位居第一"
        # "which had more?" (but "which had more, and by how many?" is a comparison)
        r"|\b(?:which|who)\b(?![^?]*\bby\s+how\s+(?:many|much)\b)[^?]*\b(?:more|higher|larger|bigger|greater)\b"
        r"(?!\s+than\s+(?:zero|0|none)\b)"
        r"|(?:谁|哪)(?![^？?]*多(?:了)?(?:多少|几))[^？?]*(?:更多|更高|更大|较多|较高)",
    ),
    ("least", r"(?<!\bat\s)\b(least|fewest|lowest|smallest|minimum)\b|最少|最低|最小"),  # not "at least one"
    ("share", ASKS["share"]),
    (
        "count",
        r"\bhow many\s+(?:different\s+|distinct\s+|annual\s+|\d{4}\s+)*(?:annual\s+)?reports\b"
        r"|(?:多少|几)份(?:报告|年报|年度报告|[？?]|$)",
    ),
    (
        "change",
        r"\b(changes?|changed|increases?|increased|decreases?|decreased|grow|grew|grown|growth|fall|falls|fell|fallen"
        r"|rose|risen|rise|drop|dropped|declined?)\b"
        r"|\bmore than in\b|\bfewer than in\b|\b(?:go|goes|went|gone|come|came)\s+(?:up|down)\b"
        r"|变化|增长|增加了|减少|下降|上升|增幅|降幅"
        r"|比\s*(?:19|20)\d{2}\s*年?\s*(?:多|少)|多了|少了",
    ),
    (
        "compare",
        r"\b(compared?|comparing|comparison|versus|vs\.?|differ|differs|difference)\b|比较|对比|相比|相差|差多少|差距|差了"
        r"|\bhow (?:many|much) (?:more|fewer|less)\b|比[^，,。；;？?]{2,40}?(?:多|少)(?:了)?(?:多少|几)"
        r"|\bby\s+how\s+(?:many|much)\b|多(?:了)?(?:多少|几)|\b(?:exceed|exceeded|exceeds|outnumber(?:ed|s)?)\b",
    ),
    ("average", r"\b(average|mean)\b|平均"),
    (
        "total",
        r"\b(in total|altogether|combined|sum|across all|all reports|across the corpus|all agencies)\b"
        r"|合计|总共|一共|共计|总和|全部报告|所有报告",
    ),
)

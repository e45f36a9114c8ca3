"""The standard layout of the annual reports: the single source of truth.

Every section, table, row and column carries its identifier, its standard Chinese label, the
short wording that identifies it in a messy copy (``keys``) and its English name. The parser,
the arithmetic checks, the Q&A rules, the summaries and the UI all read this module.
See ``../shared/spec/annual-report-format.md``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property

from assistant.domain import numbers


@dataclass(frozen=True)
class Column:
    id: str
    label: str
    english: str
    synonyms: tuple[str, ...] = ()  # extra English/Chinese words a question may use
    unit: str = ""  # the money unit its values are in (元, 万元), where the standard table names one

    @property
    def heading(self) -> str:
        """The label as a table's header prints it, without its unit: 本年收费金额."""
        return re.split(r"[（(]", self.label)[0]


@dataclass(frozen=True)
class Row:
    id: str
    label: str
    english: str
    keys: tuple[str, ...]  # wording that identifies the row: regexes over whitespace-free NFKC text
    columns: tuple[Column, ...]
    synonyms: tuple[str, ...] = ()
    group: str | None = None  # English name of the group the row belongs to (e.g. "refused")


@dataclass(frozen=True)
class Identity:
    """A linear identity the table states: sum(plus) == sum(minus), over cell addresses."""

    name: str
    plus: tuple[str, ...]
    minus: tuple[str, ...]

    def sides(self, values: Mapping[str, float | int | None]) -> tuple[float | int, float | int] | None:
        """(sum of plus, sum of minus) over the values by address, summed exactly; None when a cell has no value."""
        plus = [values.get(a) for a in self.plus]
        minus = [values.get(a) for a in self.minus]
        if any(v is None for v in plus) or any(v is None for v in minus):
            return None
        return numbers.total(plus), numbers.total(minus)  # type: ignore[arg-type]

    def holds(self, values: Mapping[str, float | int | None]) -> bool | None:
        """Whether the identity holds over the values (to 1e-6); None when a cell has no value."""
        sides = self.sides(values)
        return None if sides is None else abs(sides[0] - sides[1]) <= 1e-6


@dataclass(frozen=True)
class Table:
    id: str
    label: str
    english: str
    rows: tuple[Row, ...]
    identities: tuple[Identity, ...] = ()
    flat: bool = False  # printed as one line of numbers (table 4)

    def row(self, row_id: str) -> Row:
        return next(r for r in self.rows if r.id == row_id)

    def addresses(self) -> list[str]:
        return [f"{self.id}.{r.id}.{c.id}" for r in self.rows for c in r.columns]


@dataclass(frozen=True)
class Layout:
    id: str
    english: str
    tables: tuple[Table, ...]
    notes: str = ""

    def table(self, table_id: str) -> Table:
        return next(t for t in self.tables if t.id == table_id)

    def addresses(self) -> list[str]:
        return [a for t in self.tables for a in t.addresses()]

    @cached_property
    def cells(self) -> dict[str, tuple[Table, Row, Column]]:
        """Each address's table, row and column (kept on the layout: hashing a layout walks all of it)."""
        return {f"{t.id}.{r.id}.{c.id}": (t, r, c) for t in self.tables for r in t.rows for c in r.columns}


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    english: str
    pattern: str  # regex for the heading wording (numbering is matched separately)
    keywords: tuple[str, ...] = field(default=())  # words of a question that point to this section
    subheading: str | None = None  # a sub-heading that stands in for a missing heading: （一）主要问题


SECTIONS: tuple[Section, ...] = (
    Section("overview", "一、总体情况", "Overview", r"总\s*体\s*情\s*况"),
    Section(
        "proactive",
        "二、主动公开政府信息情况",
        "Proactive disclosure",
        r"主\s*动\s*公\s*开\s*政\s*府\s*信\s*息\s*(?:的\s*)?情\s*况",
    ),
    Section(
        "requests",
        "三、收到和处理政府信息公开申请情况",
        "Requests received and handled",
        r"收\s*到\s*和\s*处\s*理\s*政\s*府\s*信\s*息\s*公\s*开\s*申\s*请\s*(?:的\s*)?情\s*况",
    ),
    Section(
        "appeals",
        "四、政府信息公开行政复议、行政诉讼情况",
        "Administrative reconsideration and litigation",
        r"政\s*府\s*信\s*息\s*公\s*开\s*行\s*政\s*(?:法\s*)?复\s*议\s*[、,，和及]?\s*行\s*政\s*诉\s*讼\s*(?:的\s*)?情\s*况",
    ),
    Section(
        "problems",
        "五、存在的主要问题及改进情况",
        "Main problems and improvements",
        r"存\s*在\s*的\s*主\s*要\s*问\s*题\s*(?:及|和)\s*(?:改\s*进|整\s*改)\s*(?:情\s*况|措\s*施)",
        (
            "problem",
            "problems",
            "shortcoming",
            "shortcomings",
            "weakness",
            "weaknesses",
            "improve",
            "improvement",
            "improvements",
            "next year",
            "plan",
            "plans",
            "问题",
            "不足",
            "短板",
            "改进",
            "整改",
            "下一步",
        ),
        r"主\s*要\s*问\s*题",
    ),
    Section(
        "other_matters",
        "六、其他需要报告的事项",
        "Other matters to report",
        r"其\s*他\s*需\s*要\s*报\s*告\s*的\s*事\s*项",
        ("processing fee", "processing fees", "信息处理费", "处理费"),
    ),
)
STATISTICS = Section("statistics", "政府信息公开情况统计表", "Statistics table", r"统\s*计\s*表")
"""The statistics table of the reports before 2019, a numbered section of its own there."""
SECTION_BY_ID = {s.id: s for s in (*SECTIONS, STATISTICS)}

# The numbered headings of the reports before 2019 (一、概述 二、主动公开政府信息情况 三、政府信息依申请公开
# 工作情况 四、政府信息公开的收费及减免情况 五、因政府信息公开申请行政复议、提起行政诉讼的情况 六、主要问题和改进
# 措施 七、…统计表) come in another order and wording: the section each belongs to, by the first of these
# words its heading holds; a heading with none of them is one of the other matters.
LEGACY_SECTION_WORDS: tuple[tuple[str, str], ...] = (
    ("statistics", r"统\s*计\s*表"),
    ("appeals", r"行\s*政\s*复\s*议|行\s*政\s*诉\s*讼"),
    ("problems", r"问\s*题|不\s*足"),
    ("requests", r"依\s*申\s*请|收\s*到\s*和\s*处\s*理"),
    ("proactive", r"主\s*动\s*公\s*开"),
    ("overview", r"概\s*述|总\s*体\s*情\s*况"),
)

# ---------------------------------------------------------------- table 2 (proactive disclosure)
ISSUED = Column("issued", "本年制发件数", "issued this year", ("issued", "制发", "new", "made", "新发", "新制定"))
REPEALED = Column(
    "repealed",
    "本年废止件数",
    "repealed this year",
    ("repealed", "abolished", "rescinded", "废止", "废掉", "废了", "取消"),
)
IN_FORCE = Column(
    "in_force",
    "现行有效件数",
    "in force",
    (
        "in force",
        "valid",
        "current",
        "现行有效",
        "还有效",
        "仍有效",
        "有效的",
        "管用",
        "还在用",
        "生效",
    ),
)
DECISIONS = Column("decisions", "本年处理决定数量", "decisions this year", ("decisions", "决定"))
FEE_AMOUNT = Column(
    "amount_10k_yuan",
    "本年收费金额（单位：万元）",
    "fees collected (10,000 yuan)",
    ("amount", "collected", "收费金额"),
    unit="万元",
)

NEW_MADE = Column("new_made", "本年新制作数量", "newly made this year", ("made", "新制作"))
NEW_PUBLISHED = Column("new_published", "本年新公开数量", "newly published this year", ("published", "新公开"))
PUBLISHED_TOTAL = Column("published_total", "对外公开总数量", "total published", ("total published", "公开总数"))
ITEMS_LAST_YEAR = Column("items_last_year", "上一年项目数量", "items last year", ("last year", "上一年"))
ITEMS_CHANGE = Column("items_change", "本年增/减", "change this year", ("change", "增减"))
DECISIONS_2019 = Column("decisions", "处理决定数量", "decisions", ("decisions", "决定"))
PROJECTS = Column("projects", "采购项目数量", "procurement projects", ("projects", "项目"))
AMOUNT_YUAN = Column("amount_yuan", "采购总金额", "procurement amount (yuan)", ("amount", "金额"), unit="元")

_PROACTIVE_SYNONYMS = {
    "rules": ("rules", "regulations", "government rules", "规章"),
    "normative_documents": ("normative documents", "normative", "regulatory documents", "规范性文件"),
    "licensing": ("licensing", "licences", "licenses", "permits", "administrative licensing", "许可"),
    "penalties": (
        "penalties",
        "penalty",
        "punishment",
        "sanction",
        "fines",
        "administrative penalties",
        "处罚",
        "罚款",
    ),
    "enforcement": (
        "enforcement",
        "compulsory measures",
        "compulsion",
        "coercive",
        "administrative enforcement",
        "强制",
    ),
    "fees": ("fees", "fee", "charges", "administrative fees", "fee revenue", "fees collected", "收费", "收费金额"),
    "other_services": ("other services", "other management services", "其他对外管理服务"),
    "procurement": ("procurement", "purchasing", "采购"),
}


def _prow(rid: str, label: str, english: str, keys: tuple[str, ...], cols: tuple[Column, ...]) -> Row:
    return Row(rid, label, english, keys, cols, synonyms=_PROACTIVE_SYNONYMS[rid])


PROACTIVE_2021 = Table(
    "proactive",
    "主动公开政府信息情况",
    "Proactive disclosure (Article 20)",
    (
        _prow("rules", "规章", "rules", ("规章",), (ISSUED, REPEALED, IN_FORCE)),
        _prow(
            "normative_documents",
            "行政规范性文件",
            "normative documents",
            (r"(?:行政)?规范性文件",),
            (ISSUED, REPEALED, IN_FORCE),
        ),
        _prow("licensing", "行政许可", "administrative licensing", (r"行政许可",), (DECISIONS,)),
        _prow("penalties", "行政处罚", "administrative penalties", (r"行政处罚",), (DECISIONS,)),
        _prow("enforcement", "行政强制", "administrative enforcement", (r"行政强制",), (DECISIONS,)),
        _prow("fees", "行政事业性收费", "administrative fees", (r"行政事业性收费",), (FEE_AMOUNT,)),
    ),
)

PROACTIVE_2019 = Table(
    "proactive",
    "主动公开政府信息情况",
    "Proactive disclosure (Article 20)",
    (
        _prow("rules", "规章", "rules", ("规章",), (NEW_MADE, NEW_PUBLISHED, PUBLISHED_TOTAL)),
        _prow(
            "normative_documents",
            "规范性文件",
            "normative documents",
            (r"(?:行政)?规范性文件",),
            (NEW_MADE, NEW_PUBLISHED, PUBLISHED_TOTAL),
        ),
        _prow(
            "licensing",
            "行政许可",
            "administrative licensing",
            (r"行政许可",),
            (ITEMS_LAST_YEAR, ITEMS_CHANGE, DECISIONS_2019),
        ),
        _prow(
            "other_services",
            "其他对外管理服务事项",
            "other external management services",
            (r"其他对外管理服务事项",),
            (ITEMS_LAST_YEAR, ITEMS_CHANGE, DECISIONS_2019),
        ),
        _prow(
            "penalties",
            "行政处罚",
            "administrative penalties",
            (r"行政处罚",),
            (ITEMS_LAST_YEAR, ITEMS_CHANGE, DECISIONS_2019),
        ),
        _prow(
            "enforcement",
            "行政强制",
            "administrative enforcement",
            (r"行政强制",),
            (ITEMS_LAST_YEAR, ITEMS_CHANGE, DECISIONS_2019),
        ),
        _prow("fees", "行政事业性收费", "administrative fees", (r"行政事业性收费",), (ITEMS_LAST_YEAR, ITEMS_CHANGE)),
        _prow(
            "procurement",
            "政府集中采购",
            "government centralised procurement",
            (r"政府集中采购",),
            (PROJECTS, AMOUNT_YUAN),
        ),
    ),
)

# ---------------------------------------------------------------- table 3 (requests)
APPLICANTS: tuple[Column, ...] = (
    Column(
        "individual",
        "自然人",
        "individuals",
        ("individual", "individuals", "natural person", "citizens", "people", "person", "自然人", "个人"),
    ),
    Column(
        "business",
        "商业企业",
        "businesses",
        ("business", "businesses", "companies", "enterprises", "commercial", "企业"),
    ),
    Column("research", "科研机构", "research institutions", ("research", "科研")),
    Column(
        "nonprofit",
        "社会公益组织",
        "non-profit organisations",
        ("non-profit", "nonprofit", "ngo", "ngos", "charities", "公益"),
    ),
    Column(
        "legal_services",
        "法律服务机构",
        "legal service institutions",
        ("law firms", "law firm", "lawyers", "legal", "律师", "法律服务"),
    ),
    Column("other_org", "其他", "other organisations", ("other organisations", "other organizations")),
    Column("total", "总计", "total", ("total", "all", "总计", "总共", "合计")),
)
APPLICANT_COLUMNS = APPLICANTS[:-1]


def _rrow(
    rid: str, label: str, english: str, keys: tuple[str, ...], group: str | None = None, synonyms: tuple[str, ...] = ()
) -> Row:
    return Row(rid, label, english, keys, APPLICANTS, synonyms=synonyms, group=group)


_REQ_HEAD = (
    _rrow(
        "new_received",
        "一、本年新收政府信息公开申请数量",
        "new requests received this year",
        (r"本年新收政府信息公开申请数量", r"本年新收"),
        synonyms=("received", "newly received", "new requests", "new applications", "新收", "收到"),
    ),
    _rrow(
        "carried_over",
        "二、上年结转政府信息公开申请数量",
        "requests carried over from last year",
        (r"上年结转政府信息公开申请数量", r"上年结转"),
        synonyms=("carried over", "brought forward", "from last year", "上年结转"),
    ),
    _rrow(
        "granted",
        "（一）予以公开",
        "granted in full",
        (r"予以公开",),
        "outcome",
        synonyms=(
            "granted",
            "grant",
            "disclosed",
            "approved",
            "released",
            "fully",
            "granted in full",
            "fully disclosed",
            "full disclosure",
            "disclosed in full",
            "agreed to disclose",
            "agree to disclose",
            "agreed to be disclosed",
            "released in full",
            "in full",
            "予以公开",
            "全部公开",
            "全部予以公开",
            "同意公开",
            "给公开",
            "给予公开",
            "准予公开",
        ),
    ),
    _rrow(
        "partially_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "partially granted",
        (r"部分公开",),
        "outcome",
        synonyms=(
            "partially",
            "partly",
            "partial",
            "partly granted",
            "partially granted",
            "partly disclosed",
            "partially disclosed",
            "only part",
            "part of the information",
            "part of it",
            "部分公开",
            "公开了一部分",
            "只公开部分",
        ),
    ),
    _rrow(
        "denied.state_secret",
        "1.属于国家秘密",
        "refused: state secret",
        (r"属于国家秘密",),
        "refused",
        synonyms=("state secret", "state secrets", "classified", "国家秘密", "涉密", "涉及国家秘密"),
    ),
    _rrow(
        "denied.prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        "refused: prohibited by other laws",
        (r"其他法律行政(?:法规)?(?:禁)?止公开", r"其他法律行政法规"),
        "refused",
        synonyms=("prohibited by law", "other laws", "法律行政法规禁止"),
    ),
    _rrow(
        "denied.security_stability",
        "3.危及“三安全一稳定”",
        "refused: endangers security or stability",
        (r"三安全一稳定",),
        "refused",
        synonyms=("security", "stability", "三安全一稳定"),
    ),
    _rrow(
        "denied.third_party_rights",
        "4.保护第三方合法权益",
        "refused: protects third-party rights",
        (r"保护第三方合法权益",),
        "refused",
        synonyms=(
            "third party",
            "third-party",
            "third parties",
            "someone else's",
            "other people's rights",
            "legitimate rights",
            "第三方",
            "他人合法权益",
        ),
    ),
    _rrow(
        "denied.internal_affairs",
        "5.属于三类内部事务信息",
        "refused: internal affairs",
        (r"三类内部事务信息",),
        "refused",
        synonyms=("internal affairs", "internal", "内部事务"),
    ),
    _rrow(
        "denied.process_information",
        "6.属于四类过程性信息",
        "refused: process information",
        (r"四类过程性信息",),
        "refused",
        synonyms=("process information", "deliberative", "过程性", "过程性信息"),
    ),
    _rrow(
        "denied.enforcement_files",
        "7.属于行政执法案卷",
        "refused: law-enforcement files",
        (r"属于行政执法案卷", r"行政执法案卷"),
        "refused",
        synonyms=(
            "enforcement files",
            "case files",
            "case file",
            "enforcement case files",
            "law-enforcement case file",
            "law enforcement case files",
            "执法案卷",
            "案卷",
        ),
    ),
    _rrow(
        "denied.administrative_query",
        "8.属于行政查询事项",
        "refused: administrative query matters",
        (r"行政查询事项",),
        "refused",
        synonyms=("administrative query", "query matters", "行政查询"),
    ),
    _rrow(
        "unable.not_held",
        "1.本机关不掌握相关政府信息",
        "unable: information not held",
        (r"本机关不掌握相关政府信息", r"不掌握相关政府信息"),
        "unable",
        synonyms=(
            "not held",
            "does not hold",
            "doesn't hold",
            "do not hold",
            "don't hold",
            "not in possession",
            "didn't have the information",
            "did not have the information",
            "doesn't have the information",
            "does not have the information",
            "not have the information",
            "have that information",
            "no such information",
            "not on file",
            "信息不存在",
            "不掌握",
            "未掌握",
            "没有掌握",
            "没掌握",
            "没有相关信息",
            "手里没有",
            "手上没有",
            "手头没有",
            "机关没有",
            "没有这些信息",
            "没有这个信息",
        ),
    ),
    _rrow(
        "unable.needs_creation",
        "2.没有现成信息需要另行制作",
        "unable: would have to be created",
        (r"没有现成信息需要另行制作", r"需要另行制作"),
        "unable",
        synonyms=(
            "created",
            "creation",
            "no ready-made",
            "no ready",
            "make a new one",
            "make new",
            "另行制作",
            "另外制作",
            "重新制作",
            "另外做",
            "重新做",
            "没有现成",
        ),
    ),
    _rrow(
        "unable.unclear_after_correction",
        "3.补正后申请内容仍不明确",
        "unable: still unclear after correction",
        (r"补正后申请内容仍不明确",),
        "unable",
        synonyms=("unclear", "still unclear", "不明确", "说不清楚", "不清楚"),
    ),
    _rrow(
        "not_processed.petition_complaint",
        "1.信访举报投诉类申请",
        "not processed: petitions and complaints",
        (r"信访举报投诉类申请",),
        "not processed",
        synonyms=("petition", "petitions", "complaints", "complaint", "信访", "投诉"),
    ),
    _rrow(
        "not_processed.duplicate",
        "2.重复申请",
        "not processed: duplicate requests",
        (r"重复申请",),
        "not processed",
        synonyms=("duplicate", "repeated", "repeat", "resubmitted", "重复"),
    ),
    _rrow(
        "not_processed.publication",
        "3.要求提供公开出版物",
        "not processed: asked for publications",
        (r"要求提供公开出版物",),
        "not processed",
        synonyms=("publications", "published materials", "出版物"),
    ),
    _rrow(
        "not_processed.excessive",
        "4.无正当理由大量反复申请",
        "not processed: excessive repeated requests",
        (r"无正当理由大量反复申请", r"大量反复申请"),
        "not processed",
        synonyms=("excessive", "mass requests", "大量反复"),
    ),
    _rrow(
        "not_processed.reconfirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        "not processed: asked to confirm or reissue information already obtained",
        (r"要求行政机关确认或重新出具已获取信息", r"重新出具已获取信息"),
        "not processed",
        synonyms=("confirm", "reissue", "重新出具"),
    ),
)
_OTHER_SPLIT = (
    _rrow(
        "other.no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "other: applicant did not supply corrections in time",
        (r"申请人无正当理由逾期不补正", r"逾期不补正"),
        "other handling",
        synonyms=(
            "did not correct",
            "no correction",
            "corrections",
            "supplied the requested corrections",
            "never supplied",
            "clarification",
            "clarify",
            "补正",
            "逾期不补正",
            "不补正",
        ),
    ),
    _rrow(
        "other.fee_unpaid",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "other: applicant did not pay the fee in time",
        (r"申请人逾期未按收费通知要求缴纳费用", r"逾期未按收费通知"),
        "other handling",
        synonyms=(
            "fee unpaid",
            "did not pay",
            "didn't pay",
            "never paid",
            "failed to pay",
            "unpaid fee",
            "fee notice",
            "缴纳费用",
            "交费",
            "缴费",
            "收费通知",
        ),
    ),
    _rrow(
        "other.other",
        "3.其他",
        "other: other handling",
        (r"3[.．、]其他(?!法律|对外|处理|需要|结果)",),
        "other handling",
    ),
)
_OTHER_SINGLE = (
    _rrow(
        "other",
        "（六）其他处理",
        "other handling",
        (r"\(\s*六\s*\)\s*其\s*他\s*处\s*理",),
        "other handling",
        synonyms=("other handling", "其他处理"),
    ),
)
_REQ_TAIL = (
    _rrow(
        "total_handled",
        "（七）总计",
        "total handled",
        (r"\(\s*七\s*\)\s*总\s*计",),
        synonyms=(
            "handled",
            "processed",
            "completed",
            "handling results",
            "results of handling",
            "办理",
            "办结",
            "办理结果总计",
            "办理结果合计",
        ),
    ),
    _rrow(
        "carried_forward",
        "四、结转下年度继续办理",
        "carried forward to next year",
        (r"结转下年度继续办理", r"结转下年度"),
        synonyms=("carried forward", "carry forward", "carried into next year", "pending", "结转下年度"),
    ),
)


def _result_rows(rows: tuple[Row, ...]) -> tuple[str, ...]:
    skip = {"new_received", "carried_over", "total_handled", "carried_forward"}
    return tuple(r.id for r in rows if r.id not in skip)


def _request_identities(rows: tuple[Row, ...]) -> tuple[Identity, ...]:
    ids: list[Identity] = []
    for r in rows:
        ids.append(
            Identity(
                f"{r.id}: total = sum of the six applicant columns",
                (f"requests.{r.id}.total",),
                tuple(f"requests.{r.id}.{c.id}" for c in APPLICANT_COLUMNS),
            )
        )
    for c in APPLICANTS:
        ids.append(
            Identity(
                f"{c.id} column: new received + carried over = total handled + carried forward",
                (f"requests.new_received.{c.id}", f"requests.carried_over.{c.id}"),
                (f"requests.total_handled.{c.id}", f"requests.carried_forward.{c.id}"),
            )
        )
        ids.append(
            Identity(
                f"{c.id} column: total handled = sum of the outcome rows",
                (f"requests.total_handled.{c.id}",),
                tuple(f"requests.{rid}.{c.id}" for rid in _result_rows(rows)),
            )
        )
    return tuple(ids)


def _requests(rows: tuple[Row, ...]) -> Table:
    return Table(
        "requests", "收到和处理政府信息公开申请情况", "Requests received and handled", rows, _request_identities(rows)
    )


REQUESTS_SPLIT_ROWS = _REQ_HEAD + _OTHER_SPLIT + _REQ_TAIL
REQUESTS_SINGLE_ROWS = _REQ_HEAD + _OTHER_SINGLE + _REQ_TAIL


@dataclass(frozen=True)
class OutcomeGroup:
    """One of the six kinds of outcome of table 3 (三、本年度办理结果), over its row or sub-rows."""

    id: str  # the row id, or the prefix of its sub-rows' ids
    label: str  # as the table prints it
    english: str

    def rows(self, table: Table) -> tuple[Row, ...]:
        return tuple(r for r in table.rows if r.id == self.id or r.id.startswith(self.id + "."))


OUTCOME_GROUPS: tuple[OutcomeGroup, ...] = (
    OutcomeGroup("granted", "予以公开", "granted in full"),
    OutcomeGroup("partially_granted", "部分公开", "partially granted"),
    OutcomeGroup("denied", "不予公开", "refused"),
    OutcomeGroup("unable", "无法提供", "could not be provided"),
    OutcomeGroup("not_processed", "不予处理", "not processed"),
    OutcomeGroup("other", "其他处理", "handled otherwise"),
)

# ---------------------------------------------------------------- table 4 (appeals)
OUTCOMES = (
    Column("upheld", "结果维持", "upheld", ("upheld", "maintained", "维持")),
    Column(
        "corrected",
        "结果纠正",
        "corrected",
        ("corrected", "overturned", "overturn", "reverse", "lost", "纠正"),
    ),
    Column("other", "其他结果", "other outcome", ("other outcome", "其他结果")),
    Column("pending", "尚未审结", "pending", ("pending", "not concluded", "undecided", "尚未审结")),
    Column("total", "总计", "total", ("total", "总计")),
)
APPEALS = Table(
    "appeals",
    "政府信息公开行政复议、行政诉讼情况",
    "Administrative reconsideration and litigation",
    (
        Row(
            "review",
            "行政复议",
            "administrative reconsideration",
            (r"行政复议",),
            OUTCOMES,
            synonyms=("reconsideration", "administrative review", "review", "复议"),
        ),
        Row(
            "litigation_direct",
            "行政诉讼·未经复议直接起诉",
            "lawsuits filed directly",
            (r"未经复议直接起诉",),
            OUTCOMES,
            synonyms=(
                "direct lawsuits",
                "direct suits",
                "direct ones",
                "direct",
                "directly",
                "lawsuits without reconsideration",
                "brought directly",
                "filed directly",
                "without going through reconsideration",
                "without reconsideration",
                "直接起诉",
                "直接向法院起诉",
            ),
        ),
        Row(
            "litigation_after_review",
            "行政诉讼·复议后起诉",
            "lawsuits after reconsideration",
            (r"复议后起诉",),
            OUTCOMES,
            synonyms=(
                "after reconsideration",
                "following reconsideration",
                "复议后起诉",
                "复议后又起诉",
                "经复议后起诉",
            ),
        ),
    ),
    tuple(
        Identity(
            f"{g}: total = upheld + corrected + other + pending",
            (f"appeals.{g}.total",),
            tuple(f"appeals.{g}.{c}" for c in ("upheld", "corrected", "other", "pending")),
        )
        for g in ("review", "litigation_direct", "litigation_after_review")
    ),
    flat=True,
)

LAYOUTS: dict[str, Layout] = {
    "2021": Layout(
        "2021",
        "2021 standard layout (国办公开办函〔2021〕30号)",
        (PROACTIVE_2021, _requests(REQUESTS_SPLIT_ROWS), APPEALS),
    ),
    "2021-collapsed": Layout(
        "2021-collapsed",
        "2021 layout with （六）其他处理 as a single row",
        (PROACTIVE_2021, _requests(REQUESTS_SINGLE_ROWS), APPEALS),
    ),
    "2019": Layout(
        "2019", "2019 layout (国办公开办函〔2019〕60号)", (PROACTIVE_2019, _requests(REQUESTS_SINGLE_ROWS), APPEALS)
    ),
}

# Markers that tell the layouts apart.
LAYOUT_2019_MARKERS = (
    r"本\s*年\s*新\s*制\s*作\s*数\s*量",
    r"对\s*外\s*公\s*开\s*总\s*数\s*量",
    r"政\s*府\s*集\s*中\s*采\s*购",
)
LAYOUT_2021_MARKERS = (r"本\s*年\s*制\s*发\s*件\s*数", r"现\s*行\s*有\s*效\s*件\s*数")
FIRST_STANDARD_YEAR = 2019

# Group labels printed around the rows of table 3: never values, never row labels.
GROUP_LABELS = (
    r"三\s*、\s*本\s*年\s*度\s*办\s*理\s*结\s*果",
    r"\(\s*三\s*\)\s*不\s*予\s*公\s*开",
    r"\(\s*四\s*\)\s*无\s*法\s*提\s*供",
    r"\(\s*五\s*\)\s*不\s*予\s*处\s*理",
)


def figure_label(layout: Layout, address: str) -> tuple[str, str]:
    """Chinese and English label of a figure address, as a reader would say it."""
    table, row, col = layout.cells[address]
    zh = f"{row.label} · {col.label}" if len(row.columns) > 1 or table.id != "proactive" else row.label
    en = f"{row.english} — {col.english}"
    return zh, en


@cache
def all_addresses() -> tuple[str, ...]:
    """Every address of every layout, in layout order, without repeats."""
    seen: dict[str, None] = {}
    for layout in LAYOUTS.values():
        for a in layout.addresses():
            seen.setdefault(a)
    return tuple(seen)


def spaced(word: str) -> str:
    """A regex for a literal Chinese word that tolerates whitespace between its characters."""
    return r"\s*".join(re.escape(ch) for ch in word if not ch.isspace())


# ---------------------------------------------------------------- the pre-2019 statistics table
# 政府信息公开情况统计表: the national template of the old regulations and the shorter local variants
# (see the last section of the format spec). Figures are addressed ``legacy.ROW.COLUMN``.
THIS_YEAR = Column("this_year", "本年度", "this year", ("this year", "本年度", "本年"))
CUMULATIVE = Column("cumulative", "历年累计", "cumulative", ("cumulative", "to date", "all years", "历年累计", "累计"))
LEGACY_COLUMNS = (THIS_YEAR, CUMULATIVE)
COUNT_UNITS = ("条", "件", "个", "项")


@dataclass(frozen=True)
class LegacyRow(Row):
    """A row of the old statistics table: the row it is part of, its units, the narrative's wording."""

    parent: str | None = None  # id of the row this one is a part of (其中 …)
    units: tuple[str, ...] = COUNT_UNITS  # units the row is printed in (计量单位)
    narrative: tuple[str, ...] = ()  # regexes after which the narrative states this year's figure


def _lrow(
    rid: str,
    label: str,
    english: str,
    keys: tuple[str, ...],
    parent: str | None = None,
    units: tuple[str, ...] = COUNT_UNITS,
    narrative: tuple[str, ...] = (),
) -> LegacyRow:
    return LegacyRow(rid, label, english, keys, LEGACY_COLUMNS, parent=parent, units=units, narrative=narrative)


_TIMES = ("次",)
_OUTCOMES_OF = (
    ("upheld", "维持具体行政行为数", "upheld", r"维持具体行政行为数"),
    ("corrected", "被依法纠错数", "corrected", r"被依法纠错数"),
    ("other", "其他情形数", "other outcome", r"其他情形数"),
)
LEGACY_ROWS: tuple[LegacyRow, ...] = (
    # 一、主动公开情况
    _lrow(
        "proactive_items",
        "主动公开政府信息数",
        "items disclosed proactively",
        (r"主动公开(?:政府)?(?:信息|文件)数",),
        narrative=(r"主动公开(?:政府)?信息(?:数)?",),
    ),
    _lrow(
        "proactive_normative",
        "其中：主动公开规范性文件数",
        "of which normative documents",
        (r"主动公开规范性文件数",),
        "proactive_items",
    ),
    _lrow("normative_issued", "制发规范性文件总数", "normative documents issued", (r"制发规范性文件总数",)),
    _lrow(
        "proactive_website",
        "政府网站公开数",
        "of which on the government website",
        (r"(?:政府)?网站公开数?(?!政府信息)",),
        "proactive_items",
    ),
    _lrow(
        "proactive_gazette",
        "政府公报公开数",
        "of which in the government gazette",
        (r"政府公报公开数?(?!政府信息)",),
        "proactive_items",
    ),
    _lrow(
        "channel_gazette",
        "政府公报公开政府信息数",
        "published in the government gazette",
        (r"政府公报公开政府信息数",),
        "proactive_items",
    ),
    _lrow(
        "channel_website",
        "政府网站公开政府信息数",
        "published on the government website",
        (r"政府网站公开政府信息数",),
        "proactive_items",
    ),
    _lrow(
        "channel_weibo",
        "政务微博公开政府信息数",
        "published on government Weibo",
        (r"政务微博公开政府信息数",),
        "proactive_items",
    ),
    _lrow(
        "channel_wechat",
        "政务微信公开政府信息数",
        "published on government WeChat",
        (r"政务微信公开政府信息数",),
        "proactive_items",
    ),
    _lrow(
        "channel_other",
        "其他方式公开政府信息数",
        "published by other means",
        (r"其他方式公开政府信息数",),
        "proactive_items",
    ),
    # 二、回应解读情况
    _lrow(
        "responses",
        "回应公众关注热点或重大舆情数",
        "responses to public concerns",
        (r"回应公众关注热点或重大舆情数",),
        units=_TIMES,
    ),
    _lrow(
        "press_conferences",
        "参加或举办新闻发布会总次数",
        "press conferences",
        (r"参加或举办新闻发布会总次数",),
        units=_TIMES,
    ),
    _lrow(
        "press_conferences_heads",
        "其中：主要负责同志参加新闻发布会次数",
        "of which attended by the heads",
        (r"主要负责同志参加新闻发布会次数",),
        "press_conferences",
        _TIMES,
    ),
    _lrow(
        "online_interviews",
        "政府网站在线访谈次数",
        "online interviews on the government website",
        (r"政府网站在线访谈次数",),
        units=_TIMES,
    ),
    _lrow(
        "online_interviews_heads",
        "其中：主要负责同志参加政府网站在线访谈次数",
        "of which with the heads",
        (r"主要负责同志参加政府网站在线访谈次数",),
        "online_interviews",
        _TIMES,
    ),
    _lrow(
        "policy_explanations",
        "政策解读稿件发布数",
        "policy explanations published",
        (r"政策解读稿件发布数",),
        units=("篇", "条", "件"),
    ),
    _lrow(
        "social_media_responses",
        "微博微信回应事件数",
        "events answered on Weibo and WeChat",
        (r"微博微信回应事件数",),
        units=_TIMES,
    ),
    _lrow("other_responses", "其他方式回应事件数", "events answered otherwise", (r"其他方式回应事件数",), units=_TIMES),
    # 三、依申请公开情况
    _lrow(
        "requests_received",
        "受理依申请公开信息总数",
        "requests received",
        (r"受理(?:政府信息)?依申请公开(?:信息)?总数", r"收到申请数"),
        narrative=(r"收到[^。;]{0,12}申请",),
    ),
    _lrow("requests_in_person", "当面申请数", "requests in person", (r"当面申请数",), "requests_received"),
    _lrow("requests_fax", "传真申请数", "requests by fax", (r"(?<![、,])传真申请数",), "requests_received"),
    _lrow("requests_email", "电子邮件申请数", "requests by e-mail", (r"电子邮件申请数",), "requests_received"),
    _lrow("requests_online", "网上申请数", "requests online", (r"网(?:上|络)申请数",), "requests_received"),
    _lrow("requests_letter", "信函申请数", "requests by letter", (r"信函申请数",), "requests_received"),
    _lrow(
        "requests_letter_fax",
        "信函、传真申请数",
        "requests by letter or fax",
        (r"信函[、,]?传真申请数",),
        "requests_received",
    ),
    _lrow(
        "requests_other_means",
        "其他形式申请数",
        "requests by other means",
        (r"其[他它]形式申请数",),
        "requests_received",
    ),
    _lrow("requests_completed", "申请办结数", "requests completed", (r"申请办结数",)),
    _lrow("completed_on_time", "按时办结数", "completed on time", (r"按时办结数",), "requests_completed"),
    _lrow("completed_extended", "延期办结数", "completed after an extension", (r"延期办结数",), "requests_completed"),
    _lrow("replies", "对申请的答复总数", "replies to requests", (r"对申请的答复总?数", r"申请答复数")),
    _lrow(
        "replies_already_public",
        "属于已主动公开范围数",
        "already disclosed proactively",
        (r"属于已主动公开范围数",),
        "replies",
    ),
    _lrow("replies_granted", "同意公开答复数", "granted", (r"同意公开答复数",), "replies"),
    _lrow(
        "replies_partially_granted",
        "同意部分公开答复数",
        "partially granted",
        (r"同意部分公开答复数",),
        "replies",
    ),
    _lrow("replies_refused", "不予公开答复数", "refused", (r"(?:否决|不予|不同意)公开答复数",), "replies"),
    _lrow("refused_state_secret", "涉及国家秘密", "refused: state secret", (r"涉及国家秘密",), "replies_refused"),
    _lrow(
        "refused_commercial_secret",
        "涉及商业秘密",
        "refused: commercial secret",
        (r"涉及商业秘密",),
        "replies_refused",
    ),
    _lrow("refused_privacy", "涉及个人隐私", "refused: personal privacy", (r"涉及个人隐私",), "replies_refused"),
    _lrow(
        "refused_security",
        "危及国家安全、公共安全、经济安全和社会稳定",
        "refused: endangers security or stability",
        (r"危及国家安全[、,]?公共安全[、,]?经济安全和社会稳定",),
        "replies_refused",
    ),
    _lrow(
        "refused_not_government_information",
        "不是《条例》所指政府信息",
        "refused: not government information under the regulations",
        (r"不是《?条例》?所指政府信息",),
        "replies_refused",
    ),
    _lrow(
        "refused_other_law",
        "法律法规规定的其他情形",
        "refused: other cases under laws and regulations",
        (r"法律法规规定的其他情形",),
        "replies_refused",
    ),
    _lrow(
        "replies_not_this_agency",
        "不属于本行政机关公开数",
        "not this agency's information",
        (r"不属于本行政机关公开数",),
        "replies",
    ),
    _lrow("replies_not_exist", "申请信息不存在数", "information does not exist", (r"申请信息不存在数",), "replies"),
    _lrow(
        "replies_correction",
        "告知作出更改补充数",
        "asked to amend the request",
        (r"告知作出更改补充数",),
        "replies",
    ),
    _lrow(
        "replies_other_channels",
        "告知通过其他途径办理数",
        "referred to other channels",
        (r"告知通过其他途径办理数",),
        "replies",
    ),
    _lrow("replies_other", "其他类型答复数", "other replies", (r"其他类型答复数",), "replies"),
    # 四、五 行政复议、行政诉讼; 六 举报投诉; the local variants' 申诉 and 接受行政诉讼、举报
    _lrow("review", "行政复议数", "administrative reconsiderations", (r"行政复议数量?",), units=("件", "条")),
    *(
        _lrow(f"review_{oid}", label, f"reconsideration: {english}", (key,), "review", ("件", "条"))
        for oid, label, english, key in _OUTCOMES_OF
    ),
    _lrow("litigation", "行政诉讼数", "administrative lawsuits", (r"行政诉讼数量?",), units=("件", "条")),
    *(
        _lrow(f"litigation_{oid}", label, f"lawsuits: {english}", (key,), "litigation", ("件", "条"))
        for oid, label, english, key in _OUTCOMES_OF
    ),
    _lrow("petitions", "行政申诉数", "administrative complaints (申诉)", (r"行政申诉数",), units=("件", "条")),
    _lrow(
        "lawsuits_and_reports",
        "接受行政诉讼、举报数",
        "lawsuits and reports received",
        (r"接受行政诉讼[、,]?举报数",),
        units=("件", "条"),
    ),
    _lrow("complaints", "举报投诉数量", "reports and complaints", (r"举报投诉数量?",), units=("件", "条")),
    # 七、收费
    _lrow(
        "fees",
        "依申请公开信息收取的费用",
        "fees charged for requests",
        (r"依申请公开信息收取的费用",),
        units=("万元", "元"),
    ),
    _lrow(
        "fee_waivers",
        "政府信息公开收费减免金额",
        "fees waived",
        (r"政府信息公开收费减免金额",),
        units=("元", "万元"),
    ),
    # 八、机构建设和保障经费情况; 九、会议和培训情况
    _lrow(
        "offices", "政府信息公开工作专门机构数", "dedicated offices", (r"政府信息公开工作专门机构数",), units=("个",)
    ),
    _lrow(
        "reading_points", "设置政府信息公开查阅点数", "reading points", (r"政府信息公开查阅点数",), units=("个", "处")
    ),
    _lrow("staff", "从事政府信息公开工作人员数", "staff", (r"从事政府信息公开工作人员数",), units=("人",)),
    _lrow("staff_full_time", "专职人员数", "full-time staff", (r"专职人员数",), "staff", ("人",)),
    _lrow("staff_part_time", "兼职人员数", "part-time staff", (r"兼职人员数",), "staff", ("人",)),
    _lrow("budget", "政府信息公开专项经费", "dedicated budget", (r"政府信息公开专项经费",), units=("万元", "元")),
    _lrow(
        "meetings",
        "召开政府信息公开工作会议或专题会议数",
        "meetings",
        (r"召开政府信息公开工作会议或专题会议数",),
        units=_TIMES,
    ),
    _lrow("trainings", "举办各类培训班数", "training courses", (r"举办各类培训班数",), units=_TIMES),
    _lrow("trainees", "接受培训人员数", "people trained", (r"接受培训人员数",), units=("人次", "人")),
)

# The parts that add up to their row (the channels and outcomes of one template never overlap);
# the national template's publication channels, refusal reasons and 其中 rows may overlap: no sums.
LEGACY_PARTS: dict[str, tuple[str, ...]] = {
    "proactive_items": ("proactive_website", "proactive_gazette"),
    "requests_received": (
        "requests_in_person",
        "requests_fax",
        "requests_email",
        "requests_online",
        "requests_letter",
        "requests_letter_fax",
        "requests_other_means",
    ),
    "requests_completed": ("completed_on_time", "completed_extended"),
    "replies": (
        "replies_already_public",
        "replies_granted",
        "replies_partially_granted",
        "replies_refused",
        "replies_not_this_agency",
        "replies_not_exist",
        "replies_correction",
        "replies_other_channels",
        "replies_other",
    ),
    "review": ("review_upheld", "review_corrected", "review_other"),
    "litigation": ("litigation_upheld", "litigation_corrected", "litigation_other"),
    "staff": ("staff_full_time", "staff_part_time"),
}
LEGACY_TABLE = Table("legacy", "政府信息公开情况统计表", "Statistics table (before 2019)", LEGACY_ROWS)
LEGACY = Layout("legacy", "statistics table of the reports before 2019 (政府信息公开情况统计表)", (LEGACY_TABLE,))
# The standard figures (measure keys, their total) a row of the old table counts the same thing as.
LEGACY_COUNTERPARTS: dict[str, str] = {
    "requests.new_received": "requests_received",
    "requests.total_handled": "replies",
    "requests.granted": "replies_granted",
    "requests.partially_granted": "replies_partially_granted",
    "requests.denied": "replies_refused",
    "appeals.review": "review",
    "appeals.litigation": "litigation",
}


def legacy_identities(printed: set[str], columns: tuple[Column, ...] = LEGACY_COLUMNS) -> tuple[Identity, ...]:
    """The sums a printed statistics table states: each row with parts = the parts it prints."""
    out = []
    for whole, parts in LEGACY_PARTS.items():
        shown = [p for p in parts if p in printed]
        if whole in printed and shown:
            for col in columns:
                out.append(
                    Identity(
                        f"{whole} {col.id}: the parts printed add up to the row",
                        (f"legacy.{whole}.{col.id}",),
                        tuple(f"legacy.{p}.{col.id}" for p in shown),
                    )
                )
    return tuple(out)

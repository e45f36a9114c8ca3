"""What a question asks for: a figure (or a sum of figures) named in plain Chinese or English.

Built from the schema's labels, keys, English names and synonyms, plus the groups people ask about
(all refusals, all lawsuits …). This is the rule layer's vocabulary; nothing here is per-report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assistant.domain import schema

ORGANISATIONS = ("business", "research", "nonprofit", "legal_services", "other_org")


@dataclass(frozen=True)
class Measure:
    key: str  # "requests.carried_forward", or a group such as "requests.denied"
    table: str
    rows: tuple[str, ...]  # row ids whose cells are added up
    english: str
    chinese: str
    phrases: tuple[str, ...]  # lower-case phrases that name it in a question


@dataclass(frozen=True)
class ColumnChoice:
    ids: tuple[str, ...]  # columns added up ("organisations" = the five non-individual columns)
    english: str
    chinese: str
    explicit: bool  # named in the question, not a default


# What people call the outcome groups of table 3 (beyond the schema's own names), and the lawsuits of table 4.
_GROUP_WORDS = {
    "denied": ("refused", "refusals", "refuse", "denied", "rejected", "not disclosed", "拒绝"),
    "unable": ("could not be provided", "unable to provide", "cannot be provided", "unavailable"),
    "not_processed": ("not processed", "not handled", "declined to process"),
    "other": ("other handling", "otherwise handled"),
}
_LITIGATION = (
    "appeals.litigation",
    "administrative lawsuits (direct and after reconsideration)",
    "行政诉讼",
    (
        "lawsuit",
        "lawsuits",
        "litigation",
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
)
_EXTRA = {  # everyday words for standard rows, beyond the schema's own synonyms
    "requests.new_received": (
        "received",
        "receive",
        "收到",
        "新收",
        "受理",
        *("requests", "applications", "request", "application", "申请"),
    ),
    "requests.total_handled": ("handled", "processed", "dealt with", "办结", "办理", "处理完"),
    "requests.carried_forward": (
        "carried forward",
        "carry forward",
        "carried into next year",
        "still pending",
        "结转下年度",
        "结转到下一年",
        "转入下一年",
    ),
    "requests.carried_over": ("carried over", "from last year", "from the previous year", "上年结转", "上一年结转"),
    "appeals.review": ("reconsideration", "reconsiderations", "administrative review", "复议", "行政复议"),
}


_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八][）)]|\d\.)")


def _phrases(*groups) -> tuple[str, ...]:
    out: list[str] = []
    for g in groups:
        for p in g:
            p = p.lower().strip()
            if p and p not in out:
                out.append(p)
    return tuple(out)


@cache
def measures() -> tuple[Measure, ...]:
    """Every measure a question can name, most specific first."""
    seen: dict[str, Measure] = {}
    for layout in schema.LAYOUTS.values():
        for table in layout.tables:
            for row in table.rows:
                key = f"{table.id}.{row.id}"
                if key in seen:
                    continue
                zh_keys = [k for k in row.keys if re.fullmatch(r"[\u4e00-\u9fff]+", k)]
                label = _NUMBERING.sub("", row.label)
                seen[key] = Measure(
                    key,
                    table.id,
                    (row.id,),
                    row.english,
                    label,
                    _phrases(zh_keys, [row.english], row.synonyms, _EXTRA.get(key, ())),
                )
    requests = schema.LAYOUTS["2021"].table("requests"), schema.LAYOUTS["2019"].table("requests")
    for group in schema.OUTCOME_GROUPS:
        if group.id in _GROUP_WORDS:
            rows = tuple(dict.fromkeys(r.id for t in requests for r in group.rows(t)))
            seen[f"requests.{group.id}"] = Measure(
                f"requests.{group.id}",
                "requests",
                rows,
                f"requests {group.english}",
                group.label,
                _phrases((group.label,), _GROUP_WORDS[group.id]),
            )
    key, english, chinese, phrases = _LITIGATION
    seen[key] = Measure(
        key, "appeals", ("litigation_direct", "litigation_after_review"), english, chinese, _phrases(phrases)
    )
    return tuple(seen.values())


# Phrases that name something else than a table figure: a question holding one is not about that measure.
_PROACTIVELY = ("proactive", "proactively", "主动公开")
EXCLUDED = {
    "proactive.fees": ("processing fee", "processing fees", "信息处理费", "处理费"),
    "requests.granted": _PROACTIVELY,  # "proactively disclosed" is not a request granted
    "requests.partially_granted": _PROACTIVELY,
}
# Words that only say "requests": they name new requests received when nothing more specific is named.
GENERIC = frozenset({"requests", "applications", "request", "application", "申请"})


def _weight(phrase: str) -> int:
    if phrase in GENERIC:
        return 1
    return len(phrase) * (2 if re.search(r"[\u4e00-\u9fff]", phrase) else 1)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'"))


def _found(phrase: str, q: str) -> bool:
    if re.search(r"[\u4e00-\u9fff]", phrase):
        return phrase in q
    return re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", q) is not None


_QUANTITY = re.compile(
    r"\bhow (many|much|often)\b|\bnumber of\b|\bcount\b|\bcollect(?:ed)?\b"
    r"|\bwhat (was|is|were) the (number|total|amount)"
    r"|\btotal\b|\bamount\b|\bfigures?\b|多少|几件|几个|几项|几起|数量|数目|总数|金额|有几",
    re.I,
)
_YES_NO = re.compile(r"^\s*(did|does|do|was|were|is|are|has|have|had)\b|是否|有没有|有无|吗[？?]?\s*$", re.I)


def asks_for_figure(question: str, measure: Measure | None) -> bool:
    """A question wants a figure when it asks for a quantity, or asks yes/no about a specific measure."""
    if measure is None:
        return False
    if _QUANTITY.search(question):
        return True
    q = _normal(question)
    specific = any(_found(p, q) for p in measure.phrases if p not in GENERIC)
    return specific and bool(_YES_NO.search(question))


def match_measure(question: str) -> tuple[Measure | None, list[Measure]]:
    """The measure the question names (longest phrase wins), and any others it also names."""
    q = _normal(question)
    scored: list[tuple[int, int, Measure]] = []
    for order, m in enumerate(measures()):
        if any(_found(x, q) for x in EXCLUDED.get(m.key, ())):
            continue
        best = max((_weight(p) for p in m.phrases if _found(p, q)), default=0)
        if best and m.table == "requests" and any(_found(g, q) for g in GENERIC):
            best += 8  # "requests refused for enforcement case files" is not about enforcement decisions
        if best:
            scored.append((best, -order, m))
    if not scored:
        return None, []
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    return scored[0][2], [s[2] for s in scored[1:]]


_COLUMN_WORDS: tuple[tuple[tuple[str, ...], tuple[str, ...], str, str], ...] = (
    (
        ("individual",),
        (
            "individual",
            "individuals",
            "natural person",
            "natural persons",
            "citizen",
            "citizens",
            "private person",
            "people",
            "person",
            "自然人",
            "个人",
            "公民",
            "群众",
        ),
        "individuals",
        "自然人",
    ),
    (
        ORGANISATIONS,
        ("organisations", "organizations", "organisation", "organization", "legal persons", "法人或其他组织", "法人"),
        "organisations",
        "法人或其他组织",
    ),
    (
        ("business",),
        (
            "business",
            "businesses",
            "company",
            "companies",
            "enterprise",
            "enterprises",
            "firms",
            "商业企业",
            "企业",
            "公司",
        ),
        "businesses",
        "商业企业",
    ),
    (
        ("research",),
        ("research", "researchers", "research institutions", "科研机构", "科研"),
        "research institutions",
        "科研机构",
    ),
    (
        ("nonprofit",),
        ("non-profit", "nonprofit", "ngo", "ngos", "charity", "charities", "社会公益组织", "公益"),
        "non-profit organisations",
        "社会公益组织",
    ),
    (
        ("legal_services",),
        ("law firm", "law firms", "lawyer", "lawyers", "legal service", "律师", "法律服务机构", "律所"),
        "legal service institutions",
        "法律服务机构",
    ),
    (("other_org",), ("other organisations", "other organizations", "其他组织"), "other organisations", "其他"),
    (("upheld",), ("upheld", "uphold", "maintained", "won", "win", "维持", "胜诉"), "upheld", "结果维持"),
    (
        ("corrected",),
        ("corrected", "overturned", "lost", "lose", "losing", "reversed", "纠正", "败诉", "纠错"),
        "corrected",
        "结果纠正",
    ),
    (
        ("pending",),
        ("pending", "not concluded", "undecided", "ongoing", "尚未审结", "未审结", "在审"),
        "pending",
        "尚未审结",
    ),
    (("other",), ("other outcome", "other outcomes", "other results", "其他结果"), "other outcome", "其他结果"),
    (
        ("issued",),
        ("issued", "issue", "made", "new", "制发", "新制发", "出台", "印发"),
        "issued this year",
        "本年制发件数",
    ),
    (("repealed",), ("repealed", "abolished", "废止"), "repealed this year", "本年废止件数"),
    (("in_force",), ("in force", "valid", "in effect", "current", "现行有效", "有效"), "in force", "现行有效件数"),
)


def match_column(question: str, measure: Measure, columns: tuple[str, ...]) -> ColumnChoice:
    """The column(s) the question names among those the measure's table has; else its natural default."""
    q = _normal(question)
    best: tuple[int, ColumnChoice] | None = None
    for ids, words, en, zh in _COLUMN_WORDS:
        if not all(i in columns for i in ids):
            continue
        hit = max((len(w) for w in words if _found(w, q)), default=0)
        if hit and (best is None or hit > best[0]):
            best = (hit, ColumnChoice(ids, en, zh, True))
    if best:
        return best[1]
    for default, en, zh in (
        ("total", "total", "总计"),
        ("decisions", "decisions", "本年处理决定数量"),
        ("issued", "issued this year", "本年制发件数"),
        ("new_made", "newly made", "本年新制作数量"),
        ("amount_10k_yuan", "amount (10,000 yuan)", "本年收费金额（万元）"),
        ("projects", "procurement projects", "采购项目数量"),
    ):
        if default in columns:
            return ColumnChoice((default,), en, zh, False)
    return ColumnChoice((), "", "", False)  # no natural default (the 2019 fee row): the question must name one

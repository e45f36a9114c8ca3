"""The report's figures as facts, and those facts as English and Chinese sentences.

Labels and English names come from :mod:`assistant.domain.schema`; a figure the report does not give is said
to be missing, never 0; uncertain readings are marked; the table's arithmetic is checked with the
schema's identities and reported, never corrected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.domain import numbers, schema
from assistant.domain.numbers import Number, chinese, english, share
from assistant.domain.patterns import NUMBERING
from assistant.domain.record import Report, WarningKind
from assistant.summarize.fmt import capitalize, join, join_zh, plural


@dataclass(frozen=True)
class Cell:
    address: str
    value: Number | None
    uncertain: bool = False

    @property
    def known(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class OutcomePhrasing:
    group: schema.OutcomeGroup
    verb: str  # "were refused"
    noun: str  # "refusals" (for "there were no refusals")
    reasons_en: str  # lead-in for the list of reasons ("" for groups without sub-rows)


_PHRASING = {
    "granted": ("were granted in full", "grants in full", ""),
    "partially_granted": ("were partially granted", "partial grants", ""),
    "denied": ("were refused", "refusals", "The grounds for refusal were"),
    "unable": (
        "could not be provided",
        "cases where the information could not be provided",
        "The reasons information could not be provided were",
    ),
    "not_processed": ("were not processed", "requests left unprocessed", "The requests not processed were"),
    "other": ("were handled otherwise", "requests handled otherwise", "Other handling covered"),
}
OUTCOME_GROUPS: tuple[OutcomePhrasing, ...] = tuple(OutcomePhrasing(g, *_PHRASING[g.id]) for g in schema.OUTCOME_GROUPS)


@dataclass
class Outcome:
    group: OutcomePhrasing
    count: Number | None
    share: str
    reasons: list[tuple[schema.Row, Cell]]  # the group's sub-rows (total column)


@dataclass
class Requests:
    received: Cell
    carried_over: Cell
    handled: Cell
    carried_forward: Cell
    individual: Cell
    organisations: list[tuple[schema.Column, Cell]]
    outcomes: list[Outcome]


@dataclass
class Arithmetic:
    checked: int
    unchecked: int
    failures_en: list[str] = field(default_factory=list)
    failures_zh: list[str] = field(default_factory=list)
    failed: list[tuple[schema.Identity, Number, Number]] = field(default_factory=list)  # with its two sides

    def failing(self, address: str) -> tuple[Number, Number] | None:
        """The printed sides of an identity that does not hold whose left side is this figure, or None."""
        return next(((left, right) for i, left, right in self.failed if i.plus == (address,)), None)

    @property
    def status(self) -> str:
        """holds, fails, or unchecked (no identity had all its figures)."""
        return "fails" if self.failures_en else "holds" if self.checked else "unchecked"


@dataclass
class Facts:
    layout: schema.Layout | None
    requests: Requests | None
    proactive: list[tuple[schema.Row, list[tuple[schema.Column, Cell]]]]
    appeals: dict[str, dict[str, Cell]] | None  # None when the table gives no figures at all
    arithmetic: Arithmetic | None
    uncertain: list[str]
    missing_tables: list[str]
    processing_fees_none: bool  # the narrative says no information processing fees were charged
    unread: dict[str, str] = field(default_factory=dict)  # missing table -> "blank" (printed empty) or "lost"
    reading: dict[str, str] = field(default_factory=dict)  # table -> "inferred" (columns) or "unplaced" (rows)


# ---------------------------------------------------------------- reading the figures
def _cell(report: Report, address: str) -> Cell:
    fig = report.figures.get(address)
    if fig is None:
        return Cell(address, None)
    return Cell(address, fig.value, fig.uncertain)


def _sum(cells: list[Cell]) -> Number | None:
    return None if any(c.value is None for c in cells) else numbers.total(c.value for c in cells)  # type: ignore[misc]


def _requests(report: Report, table: schema.Table) -> Requests:
    def c(row: str, col: str = "total") -> Cell:
        return _cell(report, f"requests.{row}.{col}")

    handled = c("total_handled")
    outcomes: list[Outcome] = []
    for g in OUTCOME_GROUPS:
        rows = g.group.rows(table)
        cells = [c(r.id) for r in rows]
        count = _sum(cells) if cells else None
        outcomes.append(
            Outcome(g, count, "", [(r, cell) for r, cell in zip(rows, cells, strict=True) if r.id != g.group.id])
        )
    whole = handled.value
    if whole is None and all(o.count is not None for o in outcomes):
        whole = numbers.total(o.count for o in outcomes)  # type: ignore[misc]
    for o in outcomes:
        if o.count is not None and whole:
            o.share = share(o.count, whole)
    orgs = [(col, c("new_received", col.id)) for col in schema.APPLICANT_COLUMNS if col.id != "individual"]
    return Requests(
        c("new_received"),
        c("carried_over"),
        handled,
        c("carried_forward"),
        c("new_received", "individual"),
        orgs,
        outcomes,
    )


def _describe_identity(layout: schema.Layout, ident: schema.Identity, left: Number, right: Number) -> tuple[str, str]:
    """An identity that fails, in English and Chinese, with its two sides."""
    cells = layout.cells
    first = ident.plus[0]
    table, row, col = cells[first]
    if table.id == "appeals":
        return (
            f"the {row.english} total ({english(left)}) is not the sum of its outcomes ({english(right)})",
            f"{row.label}：总计{chinese(left)}不等于各项结果之和{chinese(right)}",
        )
    if len(ident.plus) == 2:
        return (
            f"for {col.english}, new requests plus those carried over ({english(left)}) do not equal requests "
            f"handled plus those carried forward ({english(right)})",
            f"{col.label}列：第一项加第二项之和{chinese(left)}不等于第三项加第四项之和{chinese(right)}",
        )
    if row.id == "total_handled":
        return (
            f"for {col.english}, the total handled ({english(left)}) is not the sum of the outcomes ({english(right)})",
            f"{col.label}列：办理结果总计{chinese(left)}不等于各项办理结果之和{chinese(right)}",
        )
    label = NUMBERING.sub("", row.label)
    return (
        f"the total of the row “{row.english}” ({english(left)}) is not the sum of the applicant columns "
        f"({english(right)})",
        f"{label}：总计{chinese(left)}不等于各类申请人之和{chinese(right)}",
    )


def _identities(layout: schema.Layout) -> dict[str, schema.Identity]:
    return {i.name: i for t in layout.tables for i in t.identities}


def _arithmetic(report: Report, layout: schema.Layout) -> Arithmetic:
    """The identities of the tables that carry figures: how many could be checked, and the ones the report's
    typed identity warnings say do not hold (their printed sides, from the warning's numbers)."""
    result = Arithmetic(0, 0)
    values = {a: f.value for a, f in report.figures.items()}
    for table in layout.tables:
        if all(values.get(a) is None for a in table.addresses()):
            continue
        for ident in table.identities:
            if ident.sides(values) is None:
                result.unchecked += 1
            else:
                result.checked += 1
    known = _identities(layout)
    for w in report.warnings:
        ident = known.get(w.identity)
        if w.kind != WarningKind.IDENTITY or ident is None or any(n is None for n in w.numbers):
            continue
        left = numbers.total(w.numbers[: len(ident.plus)])  # type: ignore[arg-type]
        right = numbers.total(w.numbers[len(ident.plus) :])  # type: ignore[arg-type]
        en, zh = _describe_identity(layout, ident, left, right)
        result.failures_en.append(en)
        result.failures_zh.append(zh)
        result.failed.append((ident, left, right))
    return result


_NO_PROCESSING_FEES = (
    re.compile(r"(?:没有|未|无|不)(?:产生|发生|收取|涉及)?[^。；;，,]{0,12}?(?:信息)?(?:公开)?(?:信息)?处理费"),
    re.compile(r"未(?:发生|产生)(?:任何)?收费"),
)


def _located(report: Report, table: schema.Table) -> bool:
    """Whether the table's cells were found in the source (printed blank), not just absent from this copy."""
    return any(
        (f := report.figures.get(a)) is not None and f.source is not None and f.source.offset is not None
        for a in table.addresses()
    )


def read_facts(report: Report) -> Facts:
    """Everything the summary states about the report's figures."""
    no_fees = any(p.search(report.text) for p in _NO_PROCESSING_FEES)
    layout = schema.LAYOUTS.get(report.layout or "")
    if layout is None:
        return Facts(None, None, [], None, None, [], [], no_fees)
    proactive = [
        (row, [(col, _cell(report, f"proactive.{row.id}.{col.id}")) for col in row.columns])
        for row in layout.table("proactive").rows
    ]
    appeals_table = layout.table("appeals")
    appeals = {
        row.id: {col.id: _cell(report, f"appeals.{row.id}.{col.id}") for col in row.columns}
        for row in appeals_table.rows
    }
    if all(not c.known for cols in appeals.values() for c in cols.values()):
        appeals_out = None
    else:
        appeals_out = appeals
    missing = [t.id for t in layout.tables if all(_cell(report, a).value is None for a in t.addresses())]
    uncertain = [a for a, f in report.figures.items() if f.uncertain]
    unread = {t: "blank" if _located(report, layout.table(t)) else "lost" for t in missing}
    reading = {
        w.address: "inferred" if w.kind == WarningKind.INFERRED else "unplaced"
        for w in report.warnings
        if w.kind in (WarningKind.INFERRED, WarningKind.UNPLACED) and w.address in {t.id for t in layout.tables}
    }
    return Facts(
        layout,
        _requests(report, layout.table("requests")),
        proactive,
        appeals_out,
        _arithmetic(report, layout),
        uncertain,
        missing,
        no_fees,
        unread,
        reading,
    )


def facts_dict(facts: Facts) -> dict:
    """The structured facts, for JSON."""
    out: dict = {
        "layout": facts.layout.id if facts.layout else None,
        "standard_tables": facts.layout is not None,
        "missing_tables": facts.missing_tables,
        "uncertain_figures": facts.uncertain,
        "processing_fees_none": facts.processing_fees_none,
    }
    r = facts.requests
    if r is not None:
        org = _sum([c for _, c in r.organisations])
        out["requests"] = {
            "received": r.received.value,
            "carried_over": r.carried_over.value,
            "handled": r.handled.value,
            "carried_forward": r.carried_forward.value,
            "from_individuals": r.individual.value,
            "from_organisations": org,
            "outcomes": {
                o.group.group.id: {
                    "count": o.count,
                    "share": o.share,
                    "reasons": {row.id: cell.value for row, cell in o.reasons},
                }
                for o in r.outcomes
            },
        }
    else:
        out["requests"] = None
    out["proactive"] = {cell.address: cell.value for _, cols in facts.proactive for _, cell in cols}
    out["appeals"] = (
        None
        if facts.appeals is None
        else {g: {k: c.value for k, c in cols.items()} for g, cols in facts.appeals.items()}
    )
    a = facts.arithmetic
    out["arithmetic"] = (
        None
        if a is None
        else {"status": a.status, "checked": a.checked, "unchecked": a.unchecked, "failures": a.failures_en}
    )
    return out


# ---------------------------------------------------------------- English
def _v(cell: Cell) -> str:
    """A figure as prose: the number, marked when uncertain."""
    assert cell.value is not None
    return english(cell.value) + (" (uncertain)" if cell.uncertain else "")


def _requests_en(r: Requests, year: int | None, arithmetic: Arithmetic) -> list[str]:
    out: list[str] = []
    when = f"In {year} it" if year else "It"
    if r.received.known:
        first = f"{when} received {plural(r.received.value, 'new request')} for government information"  # type: ignore[arg-type]
        if r.received.uncertain:
            first += " (uncertain)"
    else:
        first = f"{when} does not give the number of new requests received"
    who = _who_asked(r)
    if who:
        first += f", {who}"
    if r.carried_over.known:
        first += f", and carried over {_v(r.carried_over)} from the previous year"
    else:
        first += "; the number carried over from the previous year is not given"
    out.append(first + ".")

    outcomes = r.outcomes
    if r.handled.known:
        lead = f"Of the {plural(r.handled.value, 'request')} handled (shares are of that total), "  # type: ignore[arg-type]
    else:
        lead = "The total handled is not given; of the requests handled, "
    stated = [
        f"{english(o.count)}{f' ({o.share})' if o.share else ''} "
        f"{o.group.verb.replace('were ', 'was ') if o.count == 1 else o.group.verb}"
        for o in outcomes
        if o.count
    ]
    if stated:
        out.append(capitalize(lead + join(stated)) + ".")
    off = arithmetic.failing("requests.total_handled.total")
    if off is not None:
        out.append(
            f"The outcomes printed add up to {english(off[1])}, not the {english(off[0])} the table gives as handled, "
            "so the shares do not add up to 100%: the table is inconsistent and the figures are given as printed."
        )
    zero = [o.group.noun for o in outcomes if o.count == 0]
    if zero:
        out.append(f"There were no {join(zero, 'or')}.")
    missing = [o.group.noun for o in outcomes if o.count is None]
    if missing:
        out.append(f"The numbers of {join(missing)} are not given.")
    for o in outcomes:
        if not o.count or not o.group.reasons_en:
            continue
        reasons = [f"{row.english.split(': ', 1)[-1]} ({_v(cell)})" for row, cell in o.reasons if cell.value]
        if reasons:
            sep = " " if o.group.group.id == "denied" else ": "
            out.append(f"{o.group.reasons_en}{sep}{join(reasons)}.")
    if r.carried_forward.known:
        n = r.carried_forward.value
        out.append(
            f"It carried {plural(n, 'request')} forward to the next year."
            if n  # type: ignore[arg-type]
            else "No request was carried forward to the next year."
        )
    else:
        out.append("The number carried forward to the next year is not given.")
    return out


def _who_asked(r: Requests) -> str:
    """Individuals vs organisations, from the new-requests row."""
    ind = r.individual
    org = _sum([c for _, c in r.organisations])
    if ind.value is None or org is None:
        return "with no complete split between individuals and organisations"
    if ind.value + org == 0:
        return ""
    kinds = [f"{col.english} {english(c.value)}" for col, c in r.organisations if c.value]  # type: ignore[arg-type]
    detail = f" ({join(kinds)})" if kinds else ""
    if org == 0:
        return "all from individuals" if ind.value > 1 else "from an individual"
    if ind.value == 0:
        return f"all from organisations{detail}"
    return f"{english(ind.value)} from individuals and {english(org)} from organisations{detail}"


def _arithmetic_en(a: Arithmetic) -> list[str]:
    if a.status == "unchecked":
        return ["The table's arithmetic cannot be checked: the figures it needs are missing."]
    if a.status == "holds":
        s = (
            "The table's arithmetic holds: new requests plus those carried over equal the requests handled plus "
            "those carried forward, the outcomes add up to the total handled, and each total is the sum of its "
            "parts."
        )
        if a.unchecked:
            s += f" ({plural(a.unchecked, 'identity', 'identities')} could not be checked for missing figures.)"
        return [s]
    shown = a.failures_en[:3]
    more = len(a.failures_en) - len(shown)
    s = (
        f"The table's arithmetic does not hold ({len(a.failures_en)} of {a.checked} checks fail): "
        f"{'; '.join(shown)}{f'; and {more} more' if more else ''}."
    )
    return [s, "The figures are reported as printed, not corrected."]


def _row_phrase_2021(row: schema.Row, cols: list[tuple[schema.Column, Cell]]) -> str:
    c = {col.id: cell for col, cell in cols}
    thing = row.english
    issued, repealed, in_force = c["issued"], c["repealed"], c["in_force"]
    parts = [
        f"issued {_v(issued)} {thing}" if issued.known else f"does not give the number of {thing} issued",
        f"repealed {_v(repealed)}" if repealed.known else "does not give the number repealed",
        f"had {_v(in_force)} in force" if in_force.known else "does not give the number in force",
    ]
    return join(parts)


def _proactive_en(facts: Facts) -> list[str]:
    rows = {row.id: (row, cols) for row, cols in facts.proactive}
    out: list[str] = []
    assert facts.layout is not None
    if facts.layout.id != "2019":
        docs = [_row_phrase_2021(*rows[r]) for r in ("normative_documents", "rules") if r in rows]
        if docs:
            out.append(f"Under Article 20 of the Regulations it {'; it '.join(docs)}.")
        decisions = []
        missing = []
        for rid in ("licensing", "penalties", "enforcement"):
            row, cols = rows[rid]
            cell = cols[0][1]
            if cell.known:
                decisions.append(f"{_v(cell)} on {row.english}")
            else:
                missing.append(row.english)
        if decisions:
            out.append(f"It made {plural_decisions(decisions)}.")
        if missing:
            out.append(f"The number of decisions on {join(missing)} is not given.")
        out.append(_fees_en(rows["fees"][1][0][1]))
        return out
    unsure: list[str] = []
    for row, cols in facts.proactive:
        known = [(col, cell) for col, cell in cols if cell.known]
        if not known:
            out.append(f"The figures for {row.english} are not given.")
            continue
        sure = [(col, cell) for col, cell in known if not cell.uncertain]
        if not sure:  # run-together digits that allow several readings: said once, not listed as figures
            unsure.append(row.english)
            continue
        parts = [f"{col.english} {_v(cell)}" for col, cell in sure]
        missing = [col.english for col, cell in cols if not cell.known]
        s = f"For {row.english} the table gives: {join(parts)}"
        if missing:
            s += f" ({join(missing)} not given)"
        if len(sure) < len(known):
            s += "; its other figures could not be read for sure from this copy"
        out.append(s + ".")
    if unsure:
        out.append(
            f"The figures for {join(unsure)} run together in this copy and allow several readings, so none is "
            "given here (the data lists the readings)."
        )
    return out


def plural_decisions(decisions: list[str]) -> str:
    """['135 on licensing', '2 on penalties'] -> '135 decisions on licensing and 2 on penalties'."""
    first, *rest = decisions
    n, _, tail = first.partition(" on ")
    word = "decision" if n == "1" else "decisions"
    return join([f"{n} {word} on {tail}", *rest])


def _fees_en(cell: Cell) -> str:
    if not cell.known:
        return "The amount of administrative fees collected is not given."
    if cell.value == 0:
        return "It collected no administrative fees (0 in units of 10,000 yuan)."
    yuan = numbers.times(cell.value, 10_000)  # type: ignore[arg-type]
    return f"It collected administrative fees of {_v(cell)} in units of 10,000 yuan ({english(yuan)} yuan)."


def unread_en(facts: Facts, table_id: str) -> str:
    """Why a table has no figures: the report prints it blank, or this copy lost it."""
    assert facts.layout is not None
    name = facts.layout.table(table_id).english.lower()
    if facts.unread.get(table_id) == "blank":
        return f"The report prints the table of {name} with blank cells: it gives no figures there."
    if facts.reading.get(table_id) == "unplaced":
        return (
            f"The table of {name} could not be read from this copy of the report: rows of numbers were found "
            "but could not be placed in its columns, which does not mean the report gives no figures."
        )
    return (
        f"The table of {name} could not be read from this copy of the report: no figures were found under its "
        "heading (they may have been lost when this copy was made), which does not mean the report has none."
    )


def unread_zh(facts: Facts, table_id: str) -> str:
    assert facts.layout is not None
    label = facts.layout.table(table_id).label
    if facts.unread.get(table_id) == "blank":
        return f"报告的“{label}”表格为空，未给出数据。"
    if facts.reading.get(table_id) == "unplaced":
        return f"本副本中未能读出“{label}”表格：找到若干行数字，但无法对应到各列，并不表示报告没有数据。"
    return f"本副本中未能读出“{label}”表格的数据（标题下未见数字，可能在制作副本时丢失），并不表示报告没有数据。"


def _appeals_en(facts: Facts) -> list[str]:
    if facts.appeals is None:
        return [unread_en(facts, "appeals")]
    out: list[str] = []
    names = {
        "review": ("administrative reconsideration case", "administrative reconsideration cases"),
        "litigation_direct": ("lawsuit filed directly", "lawsuits filed directly"),
        "litigation_after_review": ("lawsuit filed after reconsideration", "lawsuits filed after reconsideration"),
    }
    outcome_words = {"upheld": "upheld", "corrected": "corrected", "other": "with other outcomes", "pending": "pending"}
    for gid, cols in facts.appeals.items():
        one, many = names[gid]
        total = cols["total"]
        parts = [f"{_v(c)} {outcome_words[k]}" for k, c in cols.items() if k != "total" and c.known]
        missing = [outcome_words[k] for k, c in cols.items() if k != "total" and not c.known]
        if not total.known:
            s = f"The number of {many} is not given"
            if parts:
                s += f"; the outcomes given are {join(parts)}"
            out.append(s + ".")
            continue
        off = facts.arithmetic.failing(f"appeals.{gid}.total") if facts.arithmetic else None
        if off is not None:
            out.append(
                f"The table gives {english(off[0])} as the total of {many}, but the outcomes it lists "
                f"({join(parts)}) add up to {english(off[1])}: the figures are inconsistent and given as printed."
            )
            continue
        if total.value == 0:
            out.append(f"There were no {many}.")
            continue
        s = f"There {'was' if total.value == 1 else 'were'} {english(total.value)} {one if total.value == 1 else many}"
        s += f": {join(parts)}" if parts else ""
        if missing:
            s += f" (the numbers {join(missing)} are not given)"
        out.append(s + ".")
    return out


def english_paragraphs(facts: Facts, year: int | None) -> list[tuple[str, str, list[str]]]:
    """(id, heading, sentences) for the facts' paragraphs, in English."""
    if facts.layout is None:
        s = (
            "This report predates the standard statistical tables introduced for the 2019 reporting year, "
            "so it gives no standard figures; the summary below covers its narrative."
        )
        out = [("requests", "Requests", [s])]
        if facts.processing_fees_none:
            out.append(("proactive", "Fees", ["The narrative states that no fees were charged for disclosure."]))
        return out
    out: list[tuple[str, str, list[str]]] = []
    assert facts.requests is not None and facts.arithmetic is not None
    if "requests" in facts.missing_tables:
        out.append(("requests", "Requests", [unread_en(facts, "requests")]))
    else:
        sents = _requests_en(facts.requests, year, facts.arithmetic)
        if facts.reading.get("requests") == "inferred":
            sents.append(
                "In this copy the table's header names no applicant column: its columns were inferred from its "
                "arithmetic (each row's last value is the sum of the others), so the split by applicant is a "
                "reading of this copy, not printed labels."
            )
        out.append(("requests", "Requests", sents))
        arith = _arithmetic_en(facts.arithmetic)
        if facts.uncertain:
            arith.append(
                f"{plural(len(facts.uncertain), 'figure')} in the report "
                f"{'is an uncertain reading' if len(facts.uncertain) == 1 else 'are uncertain readings'} "
                "of the source."
            )
        out.append(("arithmetic", "Arithmetic", arith))
    if "proactive" in facts.missing_tables:
        pro = [unread_en(facts, "proactive")]
    else:
        pro = _proactive_en(facts)
    out.append(("proactive", "Proactive disclosure", pro))
    out.append(("appeals", "Reconsideration and litigation", _appeals_en(facts)))
    return out


# ---------------------------------------------------------------- Chinese
def _vz(cell: Cell, unit: str = "件") -> str:
    if cell.value is None:
        return "未给出"
    return f"{chinese(cell.value)}{unit}" + ("（存疑）" if cell.uncertain else "")


def _label(row: schema.Row) -> str:
    return NUMBERING.sub("", row.label).split("（")[0].split("(")[0]


def chinese_paragraphs(facts: Facts) -> list[tuple[str, str, list[str]]]:
    """(id, heading, sentences) for the facts' paragraphs, in Chinese."""
    if facts.layout is None:
        out = [
            ("requests", "依申请公开", ["本报告早于2019年起施行的标准统计表格式，未给出标准数据；以下概述其文字内容。"])
        ]
        if facts.processing_fees_none:
            out.append(("proactive", "收费", ["报告称未收取信息公开相关费用。"]))
        return out
    assert facts.requests is not None and facts.arithmetic is not None
    r = facts.requests
    out: list[tuple[str, str, list[str]]] = []
    if "requests" in facts.missing_tables:
        out.append(("requests", "依申请公开", [unread_zh(facts, "requests")]))
    else:
        org = _sum([c for _, c in r.organisations])
        s = [
            f"本年新收政府信息公开申请{_vz(r.received)}（自然人{_vz(r.individual)}，法人或其他组织"
            f"{'未给出' if org is None else chinese(org) + '件'}），上年结转{_vz(r.carried_over)}。"
        ]
        parts = [
            f"{o.group.group.label}{'未给出' if o.count is None else chinese(o.count) + '件'}"
            f"{f'（{o.share}）' if o.share else ''}"
            for o in r.outcomes
        ]
        s.append(f"办理结果总计{_vz(r.handled)}：{'，'.join(parts)}。")
        for o in r.outcomes:
            reasons = [f"{_label(row)}{_vz(cell)}" for row, cell in o.reasons if cell.value]
            if o.count and reasons:
                s.append(f"{o.group.group.label}的情形：{join_zh(reasons)}。")
        s.append(f"结转下年度继续办理{_vz(r.carried_forward)}。")
        if facts.reading.get("requests") == "inferred":
            s.append("本副本表头未标明申请人各列，各列按勾稽关系推定（每行末项为前各项之和），申请人分类为推定结果。")
        out.append(("requests", "收到和处理政府信息公开申请情况", s))
        a = facts.arithmetic
        if a.status == "holds":
            arith = ["表格勾稽关系成立。"]
        elif a.status == "unchecked":
            arith = ["表格数据缺失，无法核对勾稽关系。"]
        else:
            arith = [
                f"表格勾稽关系不成立（{len(a.failures_zh)}处）：{'；'.join(a.failures_zh[:3])}。",
                "按原文照录，未作更正。",
            ]
        if facts.uncertain:
            arith.append(f"有{len(facts.uncertain)}个数据的读取存疑。")
        out.append(("arithmetic", "勾稽关系", arith))
    pro: list[str] = []
    if "proactive" in facts.missing_tables:
        pro.append(unread_zh(facts, "proactive"))
    else:
        for row, cols in facts.proactive:
            unit = "万元" if cols[0][0].id == "amount_10k_yuan" else "元" if cols[0][0].id == "projects" else ""
            items = []
            for col, cell in cols:
                label = col.label.split("（")[0]
                u = "万元" if unit == "万元" else "元" if col.id == "amount_yuan" else ""
                items.append(f"{label}{_vz(cell, u)}")
            pro.append(f"{_label(row)}：{'，'.join(items)}。")
    out.append(("proactive", "主动公开政府信息情况", pro))
    if facts.appeals is None:
        out.append(("appeals", "行政复议、行政诉讼", [unread_zh(facts, "appeals")]))
    else:
        table = facts.layout.table("appeals")
        s = []
        for row in table.rows:
            cols = facts.appeals[row.id]
            items = [f"{col.label}{_vz(cols[col.id])}" for col in row.columns if col.id != "total"]
            s.append(f"{row.label}总计{_vz(cols['total'])}（{'，'.join(items)}）。")
        out.append(("appeals", "行政复议、行政诉讼", s))
    return out

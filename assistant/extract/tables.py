"""Figures from the text of a report: one extraction shared by every format.

Every reader hands over normalized text in which a table row is either one line of tab-separated
cells (HTML, DOCX, PDF grids, markdown) or whatever a crawler or a PDF text layer left of it
(glued digit strings, rows on the wrong lines, labels missing). Figures are placed by the row's
own wording (``schema.Row.keys``) and the column order; rows printed without a label are placed
by the order of the standard rows between labelled ones; glued digits are cut by the table's
arithmetic. Where more than one reading fits, the figure is marked uncertain.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.domain import numbers, schema
from assistant.domain.patterns import CJK
from assistant.domain.record import Figure, Source, Warning, WarningKind
from assistant.extract.digits import RowCells, Value, cut_cells, readings, to_number
from assistant.extract.sections import SectionSpan
from assistant.read.document import Document

_WS = re.compile(r"\s")
_VALUE_SPAN = re.compile(r"(?:[\t ]*-?\d+(?:[.,]\d+)*)+[\t ]*")
_TRAILING_NUMBERING = re.compile(r"(?:\d\s*[.．、]\s*)?(?:属于|危及)?\s*[“\"「『]?\s*$")
_TABLE2_START = re.compile(r"第\s*二\s*十\s*条|信\s*息\s*内\s*容")
_TABLE3_START = re.compile(r"申\s*请\s*人\s*情\s*况|勾\s*稽\s*关\s*系")
_SENTENCE = re.compile(rf"。|[,;，；:]\s*[{CJK}]")  # a line of prose (NFKC makes ，into ,)
MAX_COMBINATIONS = 20000
MAX_YEARLY_GROWTH = 2  # a count of items more than tripling in a year is the less likely cut
DERIVED = "not printed: derived from the table arithmetic"
UNLABELLED = "printed without a row label: placed by the order of the standard rows"


@dataclass
class Hit:
    row: schema.Row
    start: int
    end: int
    raw: str


@dataclass
class Unit:
    """Cells read together (one printed row, or table 4's line of numbers) and their possible readings."""

    addresses: tuple[str, ...]
    options: list[tuple[Value, ...]]
    cells: RowCells | None = None
    label: str = ""
    note: str = ""


@dataclass
class TableResult:
    figures: dict[str, Figure] = field(default_factory=dict)
    warnings: list[Warning] = field(default_factory=list)


# ------------------------------------------------------------------ locating rows
def find_hits(text: str, start: int, end: int, rows: tuple[schema.Row, ...]) -> list[Hit]:
    """Every place a row's wording appears in text[start:end], matched without whitespace."""
    index = [i for i in range(start, end) if not _WS.match(text[i])]
    compact = "".join(text[i] for i in index)
    hits: list[Hit] = []
    for row in rows:
        for key in row.keys:
            for m in re.finditer(key, compact):
                s, e = index[m.start()], index[m.end() - 1] + 1
                hits.append(Hit(row, s, e, text[s:e]))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    for h in hits:  # overlapping matches: the earliest, longest wins
        if kept and h.start < kept[-1].end:
            continue
        kept.append(h)
    return kept


def _value_text(text: str, start: int, stop: int) -> tuple[str, int]:
    """The text after a label up to the next label or the end of its line (without the next row's
    item number), and where the following lines start. Values on another line than their label are
    not the label's: such rows are placed by order instead."""
    line_end = text.find("\n", start, stop)
    if line_end >= 0:
        return text[start:line_end], line_end + 1
    return _TRAILING_NUMBERING.sub("", text[start:stop]), stop


def _spans(piece: str, base: int) -> list[RowCells]:
    out = []
    for m in _VALUE_SPAN.finditer(piece):
        if not re.search(r"\d", m.group()):
            continue
        cells = cut_cells(m.group(), base + m.start())
        if cells is not None:
            out.append(cells)
    return out


def value_runs(text: str, hits: list[Hit], start: int, end: int) -> list[tuple[Hit | None, RowCells]]:
    """Value runs in order: each with the label printed right before it, or None."""
    out: list[tuple[Hit | None, RowCells]] = []
    bounds = [h.start for h in hits[1:]] + [end] if hits else []
    first = hits[0].start if hits else end
    for line_start, line in _lines(text, start, first):
        out.extend((None, c) for c in _spans(line, line_start))
    for hit, stop in zip(hits, bounds, strict=True):
        piece, rest = _value_text(text, hit.end, stop)
        spans = _spans(piece, hit.end)
        if spans:
            out.append((hit, spans[0]))
            out.extend((None, c) for c in spans[1:])
        for line_start, line in _lines(text, rest, stop):
            out.extend((None, c) for c in _spans(line, line_start))
    return out


def _lines(text: str, start: int, stop: int):
    pos = start
    while pos < stop:
        nl = text.find("\n", pos, stop)
        nl = stop if nl < 0 else nl
        yield pos, text[pos:nl]
        pos = nl + 1


# ------------------------------------------------------------------ solving
def _infer(values: dict[str, Value], identities: tuple[schema.Identity, ...]) -> tuple[int, set[str]]:
    """Fill blank cells the identities force; return the number of identities broken and the filled cells."""
    derived: set[str] = set()
    changed = True
    while changed:
        changed = False
        for ident in identities:
            cells = [(a, 1) for a in ident.plus] + [(a, -1) for a in ident.minus]
            if any(a not in values for a, _ in cells):
                continue
            unknown = [(a, s) for a, s in cells if values[a] is None]
            if not unknown:
                continue
            residual = numbers.total(s * values[a] for a, s in cells if values[a] is not None)
            if len(unknown) == 1:
                a, s = unknown[0]
                v = -residual * s
                if v >= 0:
                    values[a] = v
                    derived.add(a)
                    changed = True
            elif abs(residual) < 1e-9 and len({s for _, s in unknown}) == 1:
                for a, _ in unknown:  # several blanks that must add up to 0: all 0
                    values[a] = 0
                    derived.add(a)
                changed = True
    broken = sum(1 for ident in identities if _broken(values, ident))
    return broken, derived


def _broken(values: dict[str, Value], ident: schema.Identity) -> bool:
    return ident.holds(values) is False


def solve(
    units: list[Unit],
    identities: tuple[schema.Identity, ...],
    allowed: Callable[[dict[str, Value]], bool] | None = None,
    rank: Callable[[dict[str, Value]], tuple] | None = None,
) -> dict[str, Figure]:
    """Choose one reading per unit so that the table's identities hold best; mark what stays open.

    ``allowed`` drops combinations of readings that cannot be (unless none is left); ``rank`` orders
    those that break as few identities (lower is better), before the order of each unit's readings.
    """
    choices = [range(len(u.options)) if u.options else range(1) for u in units]
    total = 1
    for c in choices:
        total *= len(c)
    if total > MAX_COMBINATIONS:
        choices = [range(1) for _ in units]
    best: list[tuple[int, int, dict[str, Value], set[str]]] = []
    for combo in itertools.product(*choices):
        values: dict[str, Value] = {}
        for unit, k in zip(units, combo, strict=True):
            reading = unit.options[k] if unit.options else (None,) * len(unit.addresses)
            values.update(zip(unit.addresses, reading, strict=True))
        broken, derived = _infer(values, identities)
        score = (broken, *(rank(values) if rank else ()))
        best.append((score, sum(combo), values, derived, allowed is None or allowed(values)))
    if any(b[4] for b in best):
        best = [b for b in best if b[4]]
    least = min(b[0] for b in best)
    fitting = sorted((b for b in best if b[0] == least), key=lambda b: b[1])
    _, _, chosen, derived, _ = fitting[0]
    figures: dict[str, Figure] = {}
    for unit in units:
        ambiguous = total > MAX_COMBINATIONS and len(unit.options) > 1
        for addr in unit.addresses:
            seen = list(dict.fromkeys(f[2][addr] for f in fitting))
            uncertain = ambiguous or len(seen) > 1
            notes = []
            alts: list[Value] = []
            if unit.note:
                notes.append(unit.note)
            if addr in derived:
                notes.append(DERIVED)
            if uncertain:
                alts = (
                    seen if len(seen) > 1 else list(dict.fromkeys(o[unit.addresses.index(addr)] for o in unit.options))
                )
                notes.append("the source's digits allow several readings: " + ", ".join(map(_fmt, alts)))
            src = None
            if unit.cells is not None:
                src = Source(offset=unit.cells.start, line=None, label=unit.label)
            figures[addr] = Figure(
                addr, chosen[addr], src, uncertain, "; ".join(notes), derived=addr in derived, alternatives=tuple(alts)
            )
    return figures


def _fmt(v: Value) -> str:
    return "blank" if v is None else numbers.exact(v)


def _width(v: Value) -> int:
    """How wide a reading is, for ranking cuts of glued digits: an integer's digits, a float's length in six
    significant digits (``%g``), 5 for a blank. The measure the readings are tuned to, not a display of a figure."""
    return 5 if v is None else len(f"{v:g}") if isinstance(v, float) else len(str(v))


# ------------------------------------------------------------------ the three tables
def _row_accept(table: schema.Table, row: schema.Row, own_arithmetic: bool = True):
    """What a reading of one row must satisfy: no negative counts (but a change), and its own identities."""
    idents = [
        i
        for i in table.identities
        if own_arithmetic and all(a.startswith(f"{table.id}.{row.id}.") for a in i.plus + i.minus)
    ]
    addrs = [f"{table.id}.{row.id}.{c.id}" for c in row.columns]
    signed = {i for i, c in enumerate(row.columns) if c.id == "items_change"}

    def accept(values: tuple[Value, ...]) -> bool:
        if any(v is not None and v < 0 and i not in signed for i, v in enumerate(values)):
            return False
        vals = dict(zip(addrs, values, strict=True))
        return not any(_broken(vals, i) for i in idents)

    return accept


def _plausibility(row: schema.Row, values: tuple[Value, ...], stated: set[float]) -> tuple:
    """Order the readings of a row with no arithmetic of its own: what the narrative states first,
    then readings a report can hold (counts in force at least as large as this year's issued or repealed,
    a count of items that does not more than triple in a year), then the most even cut of the digits."""
    cols = [c.id for c in row.columns]
    vals = dict(zip(cols, values, strict=True))
    confirmed = -sum(1 for v in values if v is not None and v in stated and v != 0)
    order = 0
    for small, big in (("issued", "in_force"), ("repealed", "in_force"), ("new_published", "published_total")):
        if vals.get(small) is not None and vals.get(big) is not None and vals[big] < vals[small]:
            order += 1
    last, change = vals.get("items_last_year"), vals.get("items_change")
    if last is not None and change is not None and abs(change) > MAX_YEARLY_GROWTH * last:
        order += 1
    lengths = [_width(v) for v in values]
    return confirmed, order, max(lengths), sum(lengths)


def stated_numbers(text: str, wording: tuple[str, ...]) -> set[float]:
    """Numbers the narrative gives right after a row's wording (``制发行政规范性文件62件``)."""
    found: set[float] = set()
    for key in wording:
        for m in re.finditer(key + r"[^\d。；\n]{0,6}?(\d+(?:\.\d+)?)\s*(?:件|个|项|万元|元|条)", text):
            found.add(float(m.group(1)))
    return found


def _unit(table: schema.Table, row: schema.Row, cells: RowCells | None, label: str, note: str, narrative: str) -> Unit:
    addrs = tuple(f"{table.id}.{row.id}.{c.id}" for c in row.columns)
    if cells is None:
        return Unit(addrs, [], None, label, note)
    options = readings(cells, len(addrs), _row_accept(table, row))
    if not options and not cells.delimited:  # the printed row breaks its own arithmetic: keep every cut
        options = readings(cells, len(addrs), _row_accept(table, row, own_arithmetic=False))
        note = "; ".join(filter(None, [note, "no cut of the digits makes the row add up"]))
    if table.id == "proactive" and len(options) > 1:
        stated = stated_numbers(narrative, row.keys)
        options.sort(key=lambda v: _plausibility(row, v, stated))
    return Unit(addrs, options, cells, label, note)


def _headers(text: str, start: int, end: int, table: schema.Table) -> list[tuple[int, tuple[schema.Column, ...]]]:
    """The header lines of table 2's parts that name two or more columns: where each is, and the
    columns it names in the order printed (a converter may have dropped one)."""
    columns = list(dict.fromkeys(c for r in table.rows for c in r.columns))
    out = []
    for line_start, line in _lines(text, start, end):
        compact = _WS.sub("", line)
        named = sorted((compact.find(c.heading), c) for c in columns if c.heading in compact)
        if len(named) >= 2:
            out.append((line_start, tuple(c for _, c in named)))
    return out


def _under_header(
    table: schema.Table, row: schema.Row, cells: RowCells, label: str, header: tuple[schema.Column, ...]
) -> list[Unit] | None:
    """A delimited row under a header that lacks some of the row's columns: each value goes to the
    column its header names, and the columns the header lacks are missing (never a neighbour's value)."""
    named = [c for c in header if c in row.columns]
    values = [c for c in cells.chunks if c is not None]
    if not cells.delimited or not named or len(named) == len(row.columns) or len(values) != len(named):
        return None
    address = f"{table.id}.{row.id}."
    present = Unit(tuple(address + c.id for c in named), [tuple(to_number(v) for v in values)], cells, label)
    shown = " ".join(c.label for c in header)
    absent = [
        Unit((address + c.id,), [], None, "", f"the source's table has no column {c.label} (its header: {shown})")
        for c in row.columns
        if c not in named
    ]
    return [present, *absent]


def _in_column_unit(text: str, unit: Unit, row: schema.Row) -> Unit:
    """Amounts printed with a money unit other than their column's (41662416.19元 under 万元) in the
    column's unit, exactly; the note keeps the printed text."""
    if unit.cells is None or len(row.columns) != len(unit.addresses):
        return unit
    printed = re.match(r"\s*(亿元|万元|元)", text[unit.cells.end : unit.cells.end + 4])
    targets = [c.unit for c in row.columns]
    if not printed or len(set(targets) - {""}) != 1 or printed.group(1) in targets:
        return unit
    into = next(u for u in targets if u)
    options = [
        tuple(
            v if v is None or c.unit != into else numbers.convert(v, printed.group(1), into)
            for v, c in zip(option, row.columns, strict=True)
        )
        for option in unit.options
    ]
    raw = text[unit.cells.start : unit.cells.end].strip() + printed.group(1)
    note = "; ".join(filter(None, [unit.note, f"printed as {raw}, converted to {into}"]))
    return Unit(unit.addresses, options, unit.cells, unit.label, note)


def read_proactive(doc: Document, table: schema.Table, start: int, end: int, narrative: str) -> list[Unit]:
    m = _TABLE2_START.search(doc.text, start, end)
    start = m.start() if m else start
    hits = find_hits(doc.text, start, end, table.rows)
    headers = _headers(doc.text, start, end, table)
    units: dict[str, list[Unit]] = {}
    runs = value_runs(doc.text, hits, start, end)
    for hit, cells in runs:
        if hit is None or hit.row.id in units:
            continue
        header = next((h for pos, h in reversed(headers) if pos < hit.start), ())
        placed = _under_header(table, hit.row, cells, hit.raw, header)
        unit = _in_column_unit(doc.text, _unit(table, hit.row, cells, hit.raw, "", narrative), hit.row)
        units[hit.row.id] = placed or [unit]
    return [u for r in table.rows for u in units.get(r.id) or [_unit(table, r, None, "", "", narrative)]]


def read_requests(doc: Document, table: schema.Table, start: int, end: int) -> tuple[list[Unit], list[Warning]]:
    m = _TABLE3_START.search(doc.text, start, end)
    start = m.start() if m else start
    warnings: list[Warning] = []
    hits = find_hits(doc.text, start, end, table.rows)
    runs = [(h, c) for h, c in value_runs(doc.text, hits, start, end) if h is not None or _full_row(c, 7)]
    order = {r.id: i for i, r in enumerate(table.rows)}
    anchors = _chain([(i, order[h.row.id]) for i, (h, _) in enumerate(runs) if h is not None])
    runs = [(h if i in anchors else None, c) for i, (h, c) in enumerate(runs)]  # out-of-order labels: loose
    placed: dict[int, tuple[int, str]] = {}  # row index -> run index, note
    for i in anchors:
        placed[order[runs[i][0].row.id]] = (i, "")
    bounds = [(-1, -1)] + [(i, order[runs[i][0].row.id]) for i in anchors] + [(len(runs), len(table.rows))]
    for (ra, ta), (rb, tb) in itertools.pairwise(bounds):
        loose = [i for i in range(ra + 1, rb) if runs[i][0] is None]
        gap = [t for t in range(ta + 1, tb)]
        if loose and len(loose) == len(gap):
            for i, t in zip(loose, gap, strict=True):
                placed[t] = (i, UNLABELLED)
        elif loose:
            warnings.append(
                Warning(
                    WarningKind.UNPLACED,
                    f"{len(loose)} unlabelled row(s) of numbers between the rows "
                    f"{_row_name(table, ta)} and {_row_name(table, tb)} could not be placed",
                    table.id,
                    numbers=(len(loose),),
                )
            )
    lost = _lost_header(doc.text, start, hits, runs, table)
    if lost is not None:
        warnings.append(lost)
        if lost.kind is WarningKind.UNPLACED:
            placed = {}
    units = []
    for t, row in enumerate(table.rows):
        if t in placed:
            i, note = placed[t]
            hit, cells = runs[i]
            units.append(_unit(table, row, cells, hit.raw if hit else "", note, ""))
        else:
            units.append(_unit(table, row, None, "", "", ""))
    return units, warnings


def _lost_header(
    text: str, start: int, hits: list[Hit], runs: list[tuple[Hit | None, RowCells]], table: schema.Table
) -> Warning | None:
    """Table 3 whose header names no applicant column (``| 类别 | 数据1 | … | 数据6 | 总计 |``): its rows are
    read in the standard order only when each has seven values, the last the sum of the others."""
    header = _WS.sub("", text[start : hits[0].start]) if hits else ""
    if not hits or any(c.label in header for c in schema.APPLICANT_COLUMNS if c.id != "other_org"):
        return None
    rows = [[to_number(v) for v in c.chunks if v is not None] for _, c in runs if c.delimited]
    width = len(schema.APPLICANTS)
    summed = [r for r in rows if len(r) == width and None not in r and numbers.total(r[:-1]) == r[-1]]
    if rows and len(summed) == len(rows):
        return Warning(
            WarningKind.INFERRED,
            "columns inferred from the arithmetic: the header names no applicant column, and each row's "
            f"{width} values, the last their sum, are read in the standard order (自然人 … 总计)",
            table.id,
        )
    return Warning(
        WarningKind.UNPLACED,
        f"the header names no applicant column and {len(rows) - len(summed)} of {len(rows)} rows are not "
        f"{width} values ending in their sum: the table's values are left unplaced",
        table.id,
        numbers=(len(rows),),
    )


def _row_name(table: schema.Table, t: int) -> str:
    if t < 0:
        return "(start)"
    if t >= len(table.rows):
        return "(end)"
    return table.rows[t].label


def _full_row(cells: RowCells, width: int) -> bool:
    """A line of numbers that can be a whole row (not a stray digit)."""
    if cells.delimited:
        return len(cells.chunks) >= width - 1
    return sum(len(c.replace(".", "").lstrip("-")) for c in cells.chunks if c) >= width


def _chain(items: list[tuple[int, int]]) -> list[int]:
    """The longest run of labelled rows whose standard order increases with their place in the text."""
    if not items:
        return []
    best = [1] * len(items)
    prev = [-1] * len(items)
    for j in range(len(items)):
        for i in range(j):
            if items[i][1] < items[j][1] and best[i] + 1 > best[j]:
                best[j], prev[j] = best[i] + 1, i
    j = max(range(len(items)), key=lambda k: (best[k], -k))
    out = []
    while j >= 0:
        out.append(items[j][0])
        j = prev[j]
    return out[::-1]


def read_appeals(doc: Document, table: schema.Table, start: int, end: int) -> Unit:
    """Table 4: the numbers of its region, read as one line of 15 cells."""
    addrs = tuple(table.addresses())
    spans: list[RowCells] = []
    for line_start, line in _lines(doc.text, start, end):
        if _SENTENCE.search(line):
            if spans:
                break
            continue
        spans.extend(_spans(line, line_start))
    if not spans:
        return Unit(addrs, [], None)
    delimited = all(s.delimited for s in spans)
    chunks = tuple(c for s in spans for c in s.chunks)
    cells = RowCells(chunks, delimited, spans[0].start, spans[-1].end)

    def accept(values: tuple[Value, ...]) -> bool:
        vals = dict(zip(addrs, values, strict=True))
        return all(v is None or v >= 0 for v in values) and not any(_broken(vals, i) for i in table.identities)

    return Unit(addrs, readings(cells, len(addrs), accept), cells, "")


def extract(doc: Document, layout: schema.Layout, spans: dict[str, SectionSpan]) -> TableResult:
    """Every figure of the layout, with its source, notes and the warnings about what is missing."""
    text = doc.text
    n = len(text)
    pro = spans.get("proactive")
    req = spans.get("requests")
    app = spans.get("appeals")
    after_appeals = min(
        (s.start for k, s in spans.items() if k in ("problems", "other_matters") and app and s.start > app.start),
        default=None,
    )
    req_start = req.start if req else (pro.end if pro else 0)
    req_end = app.start if app else (after_appeals or n)
    pro_start = pro.start if pro else 0
    pro_end = req_start if req else (pro.end if pro else n)
    narrative = text[:pro_start] + "\n" + text[pro_end:] if pro else text
    result = TableResult()
    proactive, requests, appeals = (layout.table(t) for t in ("proactive", "requests", "appeals"))
    units = read_proactive(doc, proactive, pro_start, pro_end, narrative)
    result.figures.update(solve(units, proactive.identities))
    units, warnings = read_requests(doc, requests, req_start, req_end)
    result.warnings.extend(warnings)
    result.figures.update(solve(units, requests.identities))
    app_start = app.start if app else req_end
    unit = read_appeals(doc, appeals, app_start, after_appeals or min(n, app_start + 3000))
    result.figures.update(solve([unit], appeals.identities))
    for fig in result.figures.values():
        if fig.source is not None:
            fig.source = Source(
                fig.source.offset, doc.line_of(fig.source.offset), doc.page_of(fig.source.offset), fig.source.label
            )
    return result

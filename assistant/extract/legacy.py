"""The statistics table of the reports before 2019 (政府信息公开情况统计表), read as ``legacy.*`` figures.

The table starts at its header (指标名称 / 计量单位, or the national template's 统计指标). Each row
is found by its wording (``schema.LEGACY_ROWS``), followed by its unit (计量单位) and its value
cells, which crawler text glues into one digit string (``主动公开文件数条212210037``). A row and its
parts are cut together: the cumulative figure is at least this year's, a part is at most its row,
the parts printed add up to the row, and the narrative's own statement of this year's figure
(2017年全区主动公开政府信息2122条) settles what is left. A cut that stays open is marked uncertain,
with its alternatives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant.domain import schema
from assistant.domain.record import Figure, Source, Warning, WarningKind
from assistant.extract.digits import RowCells, Value, readings
from assistant.extract.tables import Hit, Unit, find_hits, solve, stated_numbers, value_runs
from assistant.read.document import Document

_HEADER = re.compile(r"指\s*标\s*名\s*称|计\s*量\s*单\s*位|统\s*计\s*指\s*标")
_CUMULATIVE = re.compile(r"累\s*计")
_END = re.compile(r"附\s*件\s*下\s*载")
_PREFIX = re.compile(  # the item number and 其中 printed before a row's wording
    r"(?:其\s*中\s*[:：]?\s*)?(?:\d+\s*[.．、]|[(（]\s*[一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+\s*、)?\s*$"
)
_ROWS: dict[str, schema.LegacyRow] = {r.id: r for r in schema.LEGACY_ROWS}


@dataclass
class LegacyResult:
    figures: dict[str, Figure] = field(default_factory=dict)
    warnings: list[Warning] = field(default_factory=list)
    layout: schema.Layout = schema.LEGACY  # with the sums this report's table states


def table_span(text: str) -> tuple[int, int] | None:
    """Where the statistics table is: from its header to the end of the text (or the download links)."""
    m = _HEADER.search(text)
    if m is None:
        return None
    end = _END.search(text, m.end())
    return m.start(), end.start() if end else len(text)


def read_legacy(doc: Document) -> LegacyResult:
    """The legacy.* figures of the report's statistics table; none when it prints no such table."""
    text = doc.text
    span = table_span(text)
    if span is None:
        return LegacyResult()
    start, end = span
    hits = _by_parent(find_hits(text, start, end, schema.LEGACY_ROWS))
    if not hits:
        return LegacyResult()
    header = text[start : hits[0].start]
    columns = schema.LEGACY_COLUMNS if _CUMULATIVE.search(header) else (schema.THIS_YEAR,)
    narrative = text[:start] + "\n" + text[end:]
    result = LegacyResult()
    units: dict[str, Unit] = {}
    previous_end = start
    for hit, cells in value_runs(text, hits, start, end):
        if hit is None:
            continue
        row = _ROWS[hit.row.id]
        if row.id in units:
            result.warnings.append(
                Warning(WarningKind.LEGACY, f"{row.label} is printed twice; the first is read", row.id)
            )
            continue
        prefix = _PREFIX.search(text, previous_end, hit.start)
        label = re.sub(r"\s+", "", text[prefix.start() if prefix else hit.start : hit.end])
        unit = re.sub(r"\s+", "", text[hit.end : cells.start])
        if unit and unit not in row.units:
            message = f"{row.label} is printed in {unit}, not {'/'.join(row.units)}"
            result.warnings.append(Warning(WarningKind.LEGACY, message, row.id))
        units[row.id] = _unit(row, columns, cells, label)
        previous_end = cells.end
    identities = schema.legacy_identities(set(units), columns)
    for family in _families(units):
        stated = {rid: stated_numbers(narrative, _ROWS[rid].narrative + _ROWS[rid].keys) for rid in family}
        result.figures.update(
            solve([units[rid] for rid in family], identities, _parts_within(family), _confirmed(stated))
        )
    order = list(units)
    result.figures = dict(sorted(result.figures.items(), key=lambda kv: order.index(kv[0].split(".")[1])))
    for fig in result.figures.values():
        if fig.source is not None:
            offset = fig.source.offset
            fig.source = Source(offset, doc.line_of(offset), doc.page_of(offset), fig.source.label)
    table = replace(schema.LEGACY_TABLE, identities=identities)
    result.layout = replace(schema.LEGACY, tables=(table,))
    return result


def _by_parent(hits: list[Hit]) -> list[Hit]:
    """Rows printed with the same wording under different rows (维持具体行政行为数 under 行政复议 and
    行政诉讼) belong to the row with parts printed last before them."""
    parents = {r.parent for r in schema.LEGACY_ROWS if r.parent}
    current: str | None = None
    out = []
    for hit in hits:
        row = _ROWS[hit.row.id]
        if row.parent and row.parent != current:
            twin = next((r for r in schema.LEGACY_ROWS if r.keys == row.keys and r.parent == current), None)
            if twin is not None:
                hit = Hit(twin, hit.start, hit.end, hit.raw)
        if hit.row.id in parents:
            current = hit.row.id
        out.append(hit)
    return out


def _unit(row: schema.LegacyRow, columns: tuple[schema.Column, ...], cells: RowCells, label: str) -> Unit:
    addresses = tuple(f"legacy.{row.id}.{c.id}" for c in columns)

    def accept(values: tuple[Value, ...]) -> bool:
        if any(v is not None and v < 0 for v in values):
            return False
        return len(values) < 2 or values[0] is None or values[1] is None or values[1] >= values[0]

    options = readings(cells, len(addresses), accept)
    note = ""
    if not options:  # the printed row has a cumulative below this year's figure: keep every cut
        options = readings(cells, len(addresses), lambda values: all(v is None or v >= 0 for v in values))
        note = "the cumulative figure is below this year's in every cut of the digits"
    return Unit(addresses, options, cells, label, note)


def _root(rid: str) -> str:
    while _ROWS[rid].parent in _ROWS:
        rid = _ROWS[rid].parent  # type: ignore[assignment]
    return rid


def _families(units: dict[str, Unit]) -> list[list[str]]:
    """The printed rows grouped by the top row they are parts of (cut together, apart from the rest)."""
    families: dict[str, list[str]] = {}
    for rid in units:
        families.setdefault(_root(rid), []).append(rid)
    return list(families.values())


def _parts_within(family: list[str]):
    pairs = [(rid, _ROWS[rid].parent) for rid in family if _ROWS[rid].parent in family]

    def allowed(values: dict[str, Value]) -> bool:
        for part, whole in pairs:
            for column in schema.LEGACY_COLUMNS:
                p, w = values.get(f"legacy.{part}.{column.id}"), values.get(f"legacy.{whole}.{column.id}")
                if p is not None and w is not None and p > w:
                    return False
        return True

    return allowed


def _confirmed(stated: dict[str, set[float]]):
    """Readings whose figures for this year the narrative states come first."""

    def rank(values: dict[str, Value]) -> tuple[int]:
        hits = sum(1 for rid, nums in stated.items() if values.get(f"legacy.{rid}.this_year") in nums - {0})
        return (-hits,)

    return rank

"""``generate``: N reports from the real ones, each written in its template's format and checked by reading
it back: the figures read must be the figures written."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from assistant.domain import numbers, places, schema
from assistant.domain.numbers import Number
from assistant.domain.patterns import CJK
from assistant.domain.record import Report
from assistant.extract.metadata import region_of
from assistant.extract.report import parse_file
from assistant.extract.sections import find_sections
from assistant.generate import render
from assistant.generate.figures import vary
from assistant.read import IngestError
from assistant.store.ingest import report_files

FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
YEARS = {"2021": range(2021, 2026), "2021-collapsed": range(2021, 2026), "2019": range(2019, 2021)}
# units of counts in the prose that vary with the report's size (not shares, money or dates)
_COUNTED = frozenset(schema.COUNT_UNITS) | {"次", "场", "篇", "人次", "家", "名", "期"}
_NUMBER = re.compile(r"\d[\d,，]*(?:\.\d+)?")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")
_PARTS = re.compile(rf"[{CJK}]+?(?:特别行政区|自治区|自治州|自治县|综合实验区|省|市|县|区|州|盟|旗)")
_ATTEMPTS = 6


@dataclass(frozen=True)
class Template:
    """A real report with standard tables, split into the prose before and after its tables."""

    path: Path
    fmt: str
    report: Report
    start: int  # where the tables' sections start in the report's text
    end: int  # where the prose after them starts

    @property
    def layout(self) -> schema.Layout:
        return schema.LAYOUTS[self.report.layout or ""]


@dataclass
class Generated:
    """One generated report: its file, the real report it was made from, and what was written."""

    path: Path
    template: str
    agency: str
    region: str
    year: int
    figures: dict[str, Number]
    report: Report | None = field(default=None, repr=False)  # the file as read back


def templates(folder: Path) -> list[Template]:
    """The real reports of ``folder`` a report can be made from: TXT, Markdown or HTML with standard tables."""
    out = []
    for path in report_files([folder]):
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            continue
        try:
            report = parse_file(path)
        except IngestError:
            continue
        spans = find_sections(report.text)
        tables = [spans[s].start for s in ("proactive", "requests", "appeals") if s in spans]
        if report.layout not in YEARS or not tables or "requests" not in spans:
            continue
        after = [spans[s].start for s in ("problems", "other_matters") if s in spans and spans[s].start > tables[0]]
        out.append(Template(path, fmt, report, min(tables), min(after, default=len(report.text))))
    return out


@cache
def _divisions() -> tuple[places.Division, ...]:
    """Counties and districts whose agencies' names read back as their region (a name the gazetteer knows
    once, and which the reader does not cut short: 宣州区 reads as 宣州)."""
    return tuple(
        d
        for d in places.divisions()
        if d.city
        and d.name.endswith(("县", "区", "市"))
        and len(places.lookup(d.name)) == 1
        and region_of(d.name + "人民政府").name == d.full
    )


def _renames(report: Report, place: places.Division) -> dict[str, str]:
    """Old name -> new name: the agency, its region and each division in it, and their short forms."""
    region = report.region or ""
    printed = next((region[i:] for i in range(len(region)) if report.agency.startswith(region[i:])), "")
    rest = report.agency[len(printed) :] if printed else report.agency
    rest = "人民政府" if rest in ("管委会", "管理委员会", "") else rest
    agency = place.name + rest
    out = {report.agency: agency, region: place.full} if region else {report.agency: agency}
    old_parts = _PARTS.findall(region)
    new_parts = [p for p in (place.province, place.city, place.name) if p]
    for old, new in zip(reversed(old_parts), reversed(new_parts), strict=False):
        out[old] = new
        out.setdefault(places.short(old), places.short(new))
    if printed and printed not in out:
        out[printed] = place.name
        out.setdefault(places.short(printed), places.short(place.name))
    return {k: v for k, v in out.items() if len(k) >= 2}


def _prose(text: str, start: int, end: int, numbers_at: dict[int, tuple[int, Number]]) -> str:
    """The text from ``start`` to ``end`` with the numbers at the given offsets replaced."""
    out, pos = [], start
    for at in sorted(o for o in numbers_at if start <= o < end):
        stop, value = numbers_at[at]
        if at < pos or stop > end:
            continue
        out += [text[pos:at], numbers.exact(value)]
        pos = stop
    return "".join(out) + text[pos:end]


def _narrative(report: Report, figures: dict[str, Number], scale: float) -> dict[int, tuple[int, Number]]:
    """Offset of each number the prose states -> (its end, the new number): the table's figure where the
    text states one, else the count scaled with the report."""
    checked = {c.start: c.address for c in report.narrative_checks if c.address in figures}
    out: dict[int, tuple[int, Number]] = {}
    for fact in report.narrative_facts:
        if fact.start is None or fact.end is None:
            continue
        m = _NUMBER.search(report.text, fact.start, fact.end)
        if m is None or numbers.parse(m.group()) != fact.value:
            continue
        if fact.start in checked:
            new = figures[checked[fact.start]]
        elif fact.unit in _COUNTED and float(fact.value).is_integer() and fact.value > 0:
            new = max(1, round(fact.value * scale))
        else:
            continue
        out[m.start()] = (m.end(), new)
    return out


def _rename(text: str, names: dict[str, str], shift: int, year: int) -> str:
    if names:
        pattern = re.compile("|".join(re.escape(k) for k in sorted(names, key=len, reverse=True)))
        text = pattern.sub(lambda m: names[m.group()], text)

    def move(m: re.Match[str]) -> str:
        y = int(m.group(1))
        return str(y + shift) if year - 3 <= y <= year + 2 else m.group(1)

    return _YEAR.sub(move, text)


def _write(template: Template, rng: random.Random, out: Path, name: str) -> Generated:
    report = template.report
    place = rng.choice(_divisions())
    year = rng.choice(YEARS[report.layout or ""])
    figures = vary(template.layout, {a: f.value for a, f in report.figures.items()}, rng)
    scale = rng.uniform(0.5, 2)
    names = _renames(report, place)
    shift = year - (report.year or year)
    said = _narrative(report, figures, scale)
    text = report.text
    before = _rename(_prose(text, 0, template.start, said), names, shift, report.year or year)
    after = _rename(_prose(text, template.end, len(text), said), names, shift, report.year or year)
    agency = names[report.agency]
    title = f"{agency}{year}年政府信息公开工作年度报告"
    tables = render.tables(template.layout, figures, template.fmt)
    body = render.document(title, before.strip(), tables, after.strip(), template.fmt)
    path = out / f"{name}.{template.fmt}"
    path.write_text(body, encoding="utf-8")
    return Generated(path, template.path.name, agency, place.full, year, figures)


def reads_back(generated: Generated) -> bool:
    """Whether the file reads back as written: agency, year and every figure."""
    try:
        report = parse_file(generated.path)
    except IngestError:
        return False
    generated.report = report
    read = {a: f.value for a, f in report.figures.items()}
    return (
        report.agency == generated.agency
        and report.region == generated.region
        and report.year == generated.year
        and all(read.get(a) == v and not report.figures[a].uncertain for a, v in generated.figures.items())
    )


def generate(
    source: Path | Sequence[Template], count: int, out: Path, seed: int = 0, check: bool = True
) -> Iterator[Generated]:
    """``count`` reports made from the real reports of ``source`` (or these templates), written to ``out``.

    Report i is made from template i mod T with its own random stream (seed, i), so the same seed gives
    the same files. With ``check``, each file is read back; a draw that does not read back as written is
    drawn again (each report's ``report`` is then the report read)."""
    found = templates(source) if isinstance(source, Path) else list(source)
    if not found:
        raise ValueError(f"no report with standard tables in TXT, Markdown or HTML under {source}")
    out.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        template = found[i % len(found)]
        name = f"gen-{seed}-{i:06d}-{template.path.stem}"
        for _ in range(_ATTEMPTS):
            made = _write(template, rng, out, name)
            if not check or reads_back(made):
                break
        else:
            made.path.unlink()
            raise RuntimeError(f"{template.path.name}: {_ATTEMPTS} draws did not read back as written")
        yield made

"""File -> Document -> Report: the one entry point every command uses to read a report."""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import replace
from functools import partial
from pathlib import Path

from assistant.domain import numbers, schema
from assistant.domain.record import Figure, NarrativeFact, Report, Warning, WarningKind
from assistant.extract.checks import identity_warnings, missing_warnings, uncertain_warnings
from assistant.extract.legacy import read_legacy
from assistant.extract.metadata import agency_of, region_of, title_of, year_of
from assistant.extract.narrative import narrative_checks, narrative_facts, table_ranges
from assistant.extract.ocr import mark_ocr
from assistant.extract.sections import SectionSpan, find_legacy_sections, find_sections, passages, section_at
from assistant.extract.table_rows import row_passages
from assistant.extract.tables import extract, find_hits
from assistant.read import Document, IngestError, Limits, read_document


def _parser_version() -> str:
    """A digest of the code that turns a file into a record: a store parsed by other code is re-parsed."""
    package = Path(__file__).resolve().parents[1]
    files = sorted(f for stage in ("domain", "read", "extract") for f in (package / stage).rglob("*.py"))
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


PARSER_VERSION = _parser_version()
MIN_STANDARD_ROWS = 5  # rows of table 3 a text must print to hold the standard tables


def parse_file(path: Path | str, limits: Limits | None = None, report_id: str | None = None) -> Report:
    """Read and parse one file; raises IngestError naming the file and the reason."""
    path = Path(path)
    try:
        doc = read_document(path, limits)
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        return parse_document(doc, sha, report_id or path.name)
    except IngestError:
        raise
    except MemoryError as exc:
        budget = (limits or Limits()).max_memory / 2**20
        raise IngestError(
            path,
            f"parsing needs more than the memory budget of {budget:g} MiB per file (raise it with --max-memory-mb)",
        ) from exc
    except RecursionError as exc:
        raise IngestError(path, "too deeply nested to parse (RecursionError)") from exc
    except Exception as exc:  # a parser bug must surface as one clear line about this file, not a traceback
        raise IngestError(path, f"could not be parsed ({type(exc).__name__}: {exc})") from exc


def parse_document(doc: Document, sha256: str, report_id: str) -> Report:
    title = title_of(doc)
    year = year_of(title, doc.text)
    agency = agency_of(title)
    spans = find_sections(doc.text)
    if year is not None and year < schema.FIRST_STANDARD_YEAR:  # the older headings, in their own order
        spans = find_legacy_sections(doc.text) or spans
    legacy = read_legacy(doc)
    if not spans and not legacy.figures and not _has_standard_rows(doc.text) and year_of(title, "") is None:
        raise IngestError(
            doc.path,
            "not an annual report: no section headings, statistics table or report year found",
            "不是政府信息公开年度报告：找不到章节标题、统计表或报告年度",
        )
    layout_id = detect_layout(doc.text, spans, year)
    region = region_of(agency)
    report = Report(
        id=report_id,
        title=title,
        agency=agency,
        region=region.name,
        year=year,
        source_file=str(doc.path),
        format=doc.format,
        sha256=sha256,
        layout=layout_id,
        text=doc.text,
        warnings=[Warning(WarningKind.READER, w) for w in doc.warnings]
        + ([region.unknown.warning()] if region.unknown else [])
        + (
            []
            if agency
            else [Warning(WarningKind.MISSING, "the report names no publishing agency in a title", "agency")]
        ),
    )
    report.passages = passages(doc.text, spans, doc.page_of)
    for sid in ("overview", "proactive", "requests", "appeals", "problems", "other_matters"):
        if sid not in spans:
            heading = schema.SECTION_BY_ID[sid].heading
            report.warnings.append(Warning(WarningKind.SECTION, f"heading of {heading} not found", sid))
    if layout_id is None:
        report.warnings.append(
            Warning(
                WarningKind.LAYOUT,
                "no standard tables (reports for 2018 and earlier predate them); no standard figures are given",
            )
        )
        report.narrative_facts = _plausible_facts(report, narrative_facts(doc.text, spans))
        report.figures = _plausible_figures(legacy.figures)
        report.warnings += legacy.warnings
        report.warnings += uncertain_warnings(report.figures)
        report.warnings += identity_warnings(legacy.layout, report.figures)
        report.passages += row_passages(report, partial(section_at, spans))
        return report
    layout = schema.LAYOUTS[layout_id]
    result = extract(doc, layout, spans)
    report.figures = _plausible_figures({a: result.figures[a] for a in layout.addresses()})
    mark_ocr(doc, layout, report.figures)
    report.warnings += result.warnings
    report.warnings += missing_warnings(layout, report.figures)
    report.warnings += uncertain_warnings(report.figures)
    report.warnings += identity_warnings(layout, report.figures)
    report.narrative_facts = _plausible_facts(report, narrative_facts(doc.text, spans, table_ranges(report.figures)))
    report.narrative_checks = narrative_checks(report)
    report.passages += row_passages(report, partial(section_at, spans))
    return report


def _implausible(value: float | int) -> str:
    return (
        f"the source reads {numbers.exact(value) if math.isfinite(value) else value}, beyond any count or amount "
        f"a report holds (over {numbers.exact(numbers.MAX_FIGURE)}): left uncertain"
    )


def _plausible_figures(figures: dict[str, Figure]) -> dict[str, Figure]:
    """Figures as read, except that a value no report can hold becomes an uncertain blank saying why."""
    return {
        a: f
        if f.value is None or numbers.plausible(f.value)
        else replace(f, value=None, uncertain=True, note=_implausible(f.value), alternatives=())
        for a, f in figures.items()
    }


def _plausible_facts(report: Report, facts: list[NarrativeFact]) -> list[NarrativeFact]:
    """The narrative's quantities a report can hold; each other one is left out with a warning."""
    for f in facts:
        if not numbers.plausible(f.value):
            report.warnings.append(Warning(WarningKind.UNCERTAIN, f"{f.measure}: {_implausible(f.value)}"))
    return [f for f in facts if numbers.plausible(f.value)]


def _standard_rows(text: str) -> set[str]:
    """The rows of the standard table 3 whose wording the text prints."""
    requests = schema.LAYOUTS["2021"].table("requests")
    return {h.row.id for h in find_hits(text, 0, len(text), requests.rows)}


def _has_standard_rows(text: str) -> bool:
    return len(_standard_rows(text)) >= MIN_STANDARD_ROWS


def detect_layout(text: str, spans: dict[str, SectionSpan], year: int | None) -> str | None:
    """Which standard layout the report uses, or None for a report with no standard tables."""
    found = _standard_rows(text)
    if (year is not None and year < schema.FIRST_STANDARD_YEAR) or (year is None and len(found) < MIN_STANDARD_ROWS):
        return None
    pro = spans.get("proactive")
    head = text[pro.start : pro.end] if pro else text
    if any(re.search(p, head) for p in schema.LAYOUT_2019_MARKERS):
        return "2019"
    if not any(re.search(p, head) for p in schema.LAYOUT_2021_MARKERS) and year in (2019, 2020):
        return "2019"
    if found & {"other.no_correction", "other.fee_unpaid"} or not re.search(r"\(\s*六\s*\)\s*其\s*他\s*处\s*理", text):
        return "2021"
    return "2021-collapsed"

"""The structured record of one report, the same whatever format it came from."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum

Number = int | float


@dataclass(frozen=True)
class Source:
    """Where a figure or passage was read: character offset and line in the normalized text."""

    offset: int | None
    line: int | None
    page: int | None = None
    label: str = ""  # the raw label as printed (for a figure), or "" where the row had none
    ocr: bool = False  # read by OCR from a page image, not from a text layer
    confidence: float | None = None  # OCR's confidence in what it read (0..1); None for a text layer


@dataclass
class Figure:
    address: str
    value: float | int | None
    source: Source | None = None
    uncertain: bool = False  # more than one reading of the source fits
    note: str = ""  # for a person: e.g. "derived from the table arithmetic", or the alternatives
    derived: bool = False  # not printed: the table's arithmetic forces the value
    alternatives: tuple[Number | None, ...] = ()  # the readings that fit an uncertain figure (None: blank)


class WarningKind(StrEnum):
    """What a warning is about."""

    IDENTITY = "identity"  # an identity of a table (勾稽关系) does not hold
    MISSING = "missing"  # figures the source does not give (a whole table, or cells of a row)
    UNCERTAIN = "uncertain"  # a figure more than one reading of the source fits
    UNPLACED = "unplaced"  # unlabelled rows of numbers that could not be placed
    SECTION = "section"  # a standard section's heading was not found
    LAYOUT = "layout"  # the report has no standard tables
    READER = "reader"  # what the format reader noticed (an unreadable page, no text layer …)
    CROSS_YEAR = "cross_year"  # carried over differs from last year's carried forward (over the store)
    PLACE = "place"  # a printed place name that is no known administrative division
    LEGACY = "legacy"  # a row of the pre-2019 statistics table printed twice or in an unexpected unit
    INFERRED = "inferred"  # a table whose header names no column: its columns were inferred from its arithmetic


@dataclass(frozen=True)
class Warning:  # shadows builtins.Warning, which the project never uses
    """One thing a reader of the report should know, typed so nothing downstream parses ``message``.

    ``address``: the table (identity, missing table, unplaced), row (missing cells), figure (uncertain)
    or section (section) it concerns. ``numbers``: identity, the values of its left side then its
    right side, in the schema's order; uncertain, the readings that fit; unplaced, how many rows.
    """

    kind: WarningKind
    message: str  # for a person, without the kind
    address: str = ""
    identity: str = ""  # the name of the identity that does not hold
    numbers: tuple[Number | None, ...] = ()

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"

    def to_dict(self) -> dict:
        out: dict = {"kind": str(self.kind), "message": self.message}
        if self.address:
            out["address"] = self.address
        if self.identity:
            out["identity"] = self.identity
        if self.numbers:
            out["numbers"] = list(self.numbers)
        return out

    @classmethod
    def from_dict(cls, d: dict) -> Warning:
        return cls(
            WarningKind(d["kind"]),
            d["message"],
            d.get("address") or "",
            d.get("identity") or "",
            tuple(d.get("numbers") or ()),
        )


@dataclass
class Passage:
    section: str
    text: str  # as printed; for a table row, the sentence that names its table, row, columns and values
    start: int  # character offsets into the normalized text
    end: int
    page: int | None = None
    kind: str = "text"  # text, heading, or table_row
    address: str = ""  # a table row's address (appeals.review)


@dataclass(frozen=True)
class IndexedPassage:
    """One searchable passage and the report it belongs to (what the search index holds)."""

    report_id: str
    title: str
    agency: str
    region: str
    year: int | None
    section: str
    page: int | None
    start: int
    end: int
    text: str
    kind: str = "text"  # text, heading, or table_row (see Passage)
    address: str = ""  # a table row's address


@dataclass(frozen=True)
class NarrativeFact:
    """A quantity the prose states: 全年主动公开政府信息3460条 -> 3460 条 of 主动公开政府信息."""

    value: float | int
    unit: str  # as printed: 条, 件, 万元, % …
    approximate: str | None  # None, "more_than", "nearly", "at_least" or "about"
    measure: str  # what it counts, as printed
    english: str | None  # the measure's English name from the vocabulary, where it has one
    period: str  # the year or period the sentence states (2016年, 全年), or ""
    section: str
    start: int  # character offsets of the number and its unit in the normalized text
    end: int
    sentence: str
    heading: str = ""  # the nearest heading above it in the prose (（一）主动公开政府信息情况), or ""

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}  # scalars all: asdict's deep copy is not needed

    @classmethod
    def from_dict(cls, d: dict) -> NarrativeFact:
        return cls(**{k: d[k] for k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class NarrativeCheck:
    """A count the narrative states that the tables also hold, and whether the two agree."""

    measure: str
    narrative_value: float | int
    address: str
    table_value: float | int | None
    agrees: bool
    start: int  # where the narrative states it

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    id: str
    title: str
    agency: str
    region: str
    year: int | None
    source_file: str
    format: str
    sha256: str
    layout: str | None  # a key of schema.LAYOUTS, or None before the standard tables (<= 2018)
    text: str = ""
    passages: list[Passage] = field(default_factory=list)
    figures: dict[str, Figure] = field(default_factory=dict)
    warnings: list[Warning] = field(default_factory=list)
    narrative_facts: list[NarrativeFact] = field(default_factory=list)
    narrative_checks: list[NarrativeCheck] = field(default_factory=list)

    def prose(self) -> list[Passage]:
        """The passages of the report's own prose (not its headings, nor the sentences made of table rows)."""
        return [p for p in self.passages if p.kind == "text"]

    def indexed_passages(self) -> list[IndexedPassage]:
        return [
            IndexedPassage(
                self.id,
                self.title,
                self.agency,
                self.region,
                self.year,
                p.section,
                p.page,
                p.start,
                p.end,
                p.text,
                p.kind,
                p.address,
            )
            for p in self.passages
        ]

    def value(self, address: str) -> float | int | None:
        fig = self.figures.get(address)
        return None if fig is None else fig.value

    def meta(self) -> dict:
        return {
            k: getattr(self, k)
            for k in ("id", "title", "agency", "region", "year", "format", "sha256", "layout", "source_file")
        }

    def facts(self) -> dict:
        """The `assistant facts --json` object."""
        sources = {}
        for addr, fig in self.figures.items():
            if fig.source is None and not fig.note:
                continue
            src = {k: v for k, v in asdict(fig.source).items() if v is not None and v != ""} if fig.source else {}
            if not src.get("ocr", True):
                del src["ocr"]
            if fig.uncertain:
                src["uncertain"] = True
            if fig.alternatives:
                src["alternatives"] = list(fig.alternatives)
            if fig.derived:
                src["derived"] = True
            if fig.note:
                src["note"] = fig.note
            sources[addr] = src
        return {
            "report": self.meta(),
            "figures": {a: f.value for a, f in self.figures.items()},
            "sources": sources,
            "warnings": [w.to_dict() for w in self.warnings],
            "narrative_facts": [f.to_dict() for f in self.narrative_facts],
            "narrative_checks": [c.to_dict() for c in self.narrative_checks],
        }


def location(line: int | None, page: int | None, lang: str = "en") -> str:
    """Where a citation points, as an answer names it: the page where there are pages, else the line."""
    if page:
        return f"p. {page}" if lang == "en" else f"第{page}页"
    if line:
        return f"line {line}" if lang == "en" else f"第{line}行"
    return ""


@dataclass(frozen=True)
class Citation:
    """Where an answer came from: a table cell or a passage, precise enough to highlight."""

    report_id: str
    title: str
    label: str  # the table row and column as printed, or the section of a passage
    text: str  # the printed row or the passage itself
    start: int | None = None  # character offsets into the report's normalized text
    end: int | None = None
    page: int | None = None  # page of the source file (PDF)
    line: int | None = None  # line of the source file (counting any header before the report's text)
    lang: str = "en"  # the language ``location`` is written in

    @property
    def location(self) -> str:
        """'line 62', 'p. 5' (or 第62行, 第5页)."""
        return location(self.line, self.page, self.lang)

    def to_dict(self) -> dict:
        """Every field but ``lang``, and the location (a copy of the one made first: an aggregate over the
        corpus has thousands of citations, kept between answers)."""
        made = self.__dict__.get("_dict")
        if made is None:  # set as a frozen dataclass allows (cached_property would take a lock each first time)
            made = self.__dict__["_dict"] = self._fields()
        return dict(made)

    def _fields(self) -> dict:
        return {
            "report_id": self.report_id,
            "title": self.title,
            "label": self.label,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "page": self.page,
            "line": self.line,
            "location": self.location,
        }

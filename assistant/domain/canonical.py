"""The one rule for which copy of an agency-year report counts.

One report is often stored several times: the agency's HTML page, a PDF or DOCX of it, a crawler's
plain text of it. The Q&A, the corpus summaries and the search count each agency's year once, and
they must count the same copy. For every agency (its :func:`~assistant.domain.names.agency_key`) and
year, the copy that counts is, in this order:

1. the one that gives the most figures (a value read from the document, not "not given");
2. of those, the one with the fewest uncertain figures (cells where more than one reading fits, such
   as the glued digits of crawler text);
3. of those, the one in the format nearest the original: HTML (the page as published, with real
   tables) > PDF (the other form agencies publish; keeps the layout) > DOCX (usually a conversion)
   > TXT > MD (always someone's extraction of one of the others);
4. of those, the smallest id, so the choice never depends on the order of ingestion.

Only figures decide, not the table arithmetic: when a published report does not add up, every copy
of it fails alike, and a copy that misreads a glued cell marks it uncertain. A report whose year is
unknown is never taken for a copy of another one: it always counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.domain.names import agency_key
from assistant.domain.record import Report

FORMAT_PREFERENCE = ("html", "pdf", "docx", "txt", "md")


@dataclass(frozen=True)
class Copy:
    """What the rule reads of one stored copy: plain metadata any stage has at hand."""

    id: str
    agency: str
    year: int | None
    format: str
    figures: int = 0  # figures with a value
    uncertain: int = 0  # of those, the ones more than one reading fits

    @classmethod
    def of(cls, report: Report) -> Copy:
        given = [f for f in report.figures.values() if f.value is not None]
        return cls(report.id, report.agency, report.year, report.format, len(given), sum(f.uncertain for f in given))

    def key(self) -> tuple[str, int | str]:
        """The agency-year this copy is a copy of (its own id when the year is unknown)."""
        return agency_key(self.agency), self.id if self.year is None else self.year

    def rank(self) -> tuple[int, int, int, str]:
        """Smaller is better (see the module docstring)."""
        fmt = FORMAT_PREFERENCE.index(self.format) if self.format in FORMAT_PREFERENCE else len(FORMAT_PREFERENCE)
        return -self.figures, self.uncertain, fmt, self.id


def counted(copies: Iterable[Copy]) -> list[Copy]:
    """The copy that counts for each agency-year, in the order the copies came."""
    best: dict[tuple[str, int | str], Copy] = {}
    for c in copies:
        key = c.key()
        old = best.get(key)
        if old is None or c.rank() < old.rank():
            best[key] = c
    return list(best.values())


def superseded(copies: Iterable[Copy]) -> frozenset[str]:
    """The ids of the copies that do not count: another copy of their agency-year does."""
    copies = list(copies)
    keep = {c.id for c in counted(copies)}
    return frozenset(c.id for c in copies if c.id not in keep)

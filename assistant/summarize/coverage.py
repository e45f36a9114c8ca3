"""How much of the report's own content the English summaries render in English rather than quote."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.domain.record import Report
from assistant.summarize.content import read_content


@dataclass(frozen=True)
class Coverage:
    rendered: int  # report-content points (headings, work items, problems, measures, other matters) in English
    quoted: int  # the points quoted in Chinese with a gloss

    @property
    def total(self) -> int:
        return self.rendered + self.quoted

    @property
    def share(self) -> float:
        return self.rendered / self.total if self.total else 1.0


def coverage(reports: Iterable[Report]) -> Coverage:
    """The English share over the reports' content points."""
    rendered = quoted = 0
    for report in reports:
        for point in read_content(report).sentences():
            rendered += point.rendered
            quoted += not point.rendered
    return Coverage(rendered, quoted)

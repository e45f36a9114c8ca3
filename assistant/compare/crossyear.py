"""The cross-year check: what a report carries over from last year (二、上年结转) must be what the
previous year's report carried forward (四、结转下年度继续办理), column by column.

One function, :func:`check_columns`, decides it for every caller: two reports compared, every
consecutive pair of an agency's reports in the store (:mod:`assistant.compare.corpus`), the corpus
digests. A column where either figure is missing is not decided (``holds`` is None), never read as 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assistant.compare.exact import Number
from assistant.domain import schema
from assistant.domain.record import Report, Warning, WarningKind

COLUMNS = tuple(c.id for c in schema.APPLICANTS)


def forward_address(column: str) -> str:
    return f"requests.carried_forward.{column}"


def over_address(column: str) -> str:
    return f"requests.carried_over.{column}"


@dataclass(frozen=True)
class ColumnCheck:
    column: str  # an applicant column id (schema.APPLICANTS)
    carried_forward: Number | None  # the earlier report's 结转下年度
    carried_over: Number | None  # the later report's 上年结转

    @property
    def holds(self) -> bool | None:
        if self.carried_forward is None or self.carried_over is None:
            return None
        return self.carried_forward == self.carried_over

    def to_dict(self) -> dict:
        return {
            "column": self.column,
            "carried_forward": self.carried_forward,
            "carried_over": self.carried_over,
            "holds": self.holds,
        }


@dataclass(frozen=True)
class CarryCheck:
    """The check between an earlier and a later report; it applies only when the later is the next year."""

    earlier: str  # report ids
    later: str
    earlier_year: int | None
    later_year: int | None
    columns: tuple[ColumnCheck, ...]

    @property
    def applies(self) -> bool:
        return self.earlier_year is not None and self.later_year == self.earlier_year + 1

    @property
    def holds(self) -> bool | None:
        """False if any column differs, True if every decided column agrees, None if none is decided or
        the reports are not consecutive years."""
        decided = [c.holds for c in self.columns if c.holds is not None]
        if not self.applies or not decided:
            return None
        return all(decided)

    @property
    def failing(self) -> tuple[ColumnCheck, ...]:
        return tuple(c for c in self.columns if c.holds is False) if self.applies else ()

    def to_dict(self) -> dict:
        return {
            "earlier": self.earlier,
            "later": self.later,
            "applies": self.applies,
            "holds": self.holds,
            "columns": [c.to_dict() for c in self.columns],
        }


@dataclass(frozen=True)
class CrossYearWarning:
    """A typed warning on the later report of a consecutive pair whose check fails."""

    report_id: str
    previous_id: str
    year: int
    failing: tuple[ColumnCheck, ...]
    kind: str = "cross_year"

    def message(self, lang: str = "en") -> str:
        if lang == "zh":
            cols = "；".join(
                f"{_label(c.column, 'zh')}：上年结转{c.carried_over}件，"
                f"{self.year - 1}年结转下年度{c.carried_forward}件"
                for c in self.failing
            )
            return f"跨年核对不符（{self.previous_id} → {self.report_id}）：{cols}"
        cols = "; ".join(
            f"{_label(c.column, 'en')}: {c.carried_over} carried over, {c.carried_forward} carried forward "
            f"in {self.year - 1}"
            for c in self.failing
        )
        return f"{self.report_id} does not carry over what {self.previous_id} carried forward: {cols}"

    def as_warning(self) -> Warning:
        """The domain's typed warning: address the carried-over row, numbers (forward, over) per failing column."""
        return Warning(
            WarningKind.CROSS_YEAR,
            self.message(),
            address="requests.carried_over",
            numbers=tuple(v for c in self.failing for v in (c.carried_forward, c.carried_over)),
        )

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "report_id": self.report_id,
            "previous_id": self.previous_id,
            "year": self.year,
            "failing": [c.to_dict() for c in self.failing],
            "message": self.message(),
        }


def _label(column: str, lang: str) -> str:
    col = next(c for c in schema.APPLICANTS if c.id == column)
    return col.label if lang == "zh" else col.english


def check_columns(
    carried_forward: Mapping[str, Number | None], carried_over: Mapping[str, Number | None]
) -> tuple[ColumnCheck, ...]:
    """Per applicant column: the earlier year's carried-forward figure against the later year's carried-over
    one. Both mappings are keyed by column id; a column absent from either is missing."""
    return tuple(ColumnCheck(c, carried_forward.get(c), carried_over.get(c)) for c in COLUMNS)


def forward_of(report: Report) -> dict[str, Number | None]:
    return {c: report.value(forward_address(c)) for c in COLUMNS}


def over_of(report: Report) -> dict[str, Number | None]:
    return {c: report.value(over_address(c)) for c in COLUMNS}


def carry_check(earlier: Report, later: Report) -> CarryCheck:
    return CarryCheck(
        earlier.id, later.id, earlier.year, later.year, check_columns(forward_of(earlier), over_of(later))
    )


def warning(check: CarryCheck) -> CrossYearWarning | None:
    """The typed warning the later report gets when the check applies and fails."""
    if check.holds is not False or check.later_year is None:
        return None
    return CrossYearWarning(check.later, check.earlier, check.later_year, check.failing)

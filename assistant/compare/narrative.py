"""The counts the narrative gives (``report.narrative_facts``), side by side, matched by measure.

Reports parsed before narrative facts existed have none: the attribute is read with a default."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.compare.exact import difference
from assistant.domain.record import Report


@dataclass(frozen=True)
class NarrativePair:
    measure: str
    english: str
    unit: str
    a: int | float | None
    b: int | float | None

    @property
    def change(self) -> int | float | None:
        return difference(self.a, self.b)

    def to_dict(self) -> dict:
        return {**vars(self), "change": self.change}


def _by_measure(report: Report) -> dict[str, object]:
    out: dict[str, object] = {}
    for fact in getattr(report, "narrative_facts", None) or []:
        out.setdefault(fact.measure, fact)  # the first mention of a measure counts
    return out


def compare_narrative(a: Report, b: Report) -> list[NarrativePair]:
    fa, fb = _by_measure(a), _by_measure(b)
    pairs = []
    for measure in list(fa) + [m for m in fb if m not in fa]:
        x, y = fa.get(measure), fb.get(measure)
        some = x or y
        pairs.append(
            NarrativePair(
                measure,
                getattr(some, "english", "") or measure,
                getattr(some, "unit", "") or "",
                getattr(x, "value", None),
                getattr(y, "value", None),
            )
        )
    return pairs

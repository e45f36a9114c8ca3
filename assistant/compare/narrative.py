"""The counts the narrative gives (``report.narrative_facts``), side by side, matched by measure: its English
name from the vocabulary where it has one (各类政府信息 and 政府信息 are both "government information"),
else the measure as printed, and the unit. The first mention of a measure in a report counts."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.compare.exact import difference
from assistant.domain.record import Report


@dataclass(frozen=True)
class NarrativePair:
    measure: str  # the English name, or the measure as printed
    unit: str
    a: int | float | None
    b: int | float | None
    printed_a: str  # the measure as each report prints it ("" where it gives none)
    printed_b: str

    @property
    def change(self) -> int | float | None:
        return difference(self.a, self.b)

    def to_dict(self) -> dict:
        return {**vars(self), "change": self.change}


def _by_measure(report: Report) -> dict[tuple[str, str], object]:
    out: dict[tuple[str, str], object] = {}
    for fact in getattr(report, "narrative_facts", None) or []:
        out.setdefault((fact.english or fact.measure, fact.unit), fact)
    return out


def compare_narrative(a: Report, b: Report) -> list[NarrativePair]:
    fa, fb = _by_measure(a), _by_measure(b)
    pairs = []
    for key in list(fa) + [k for k in fb if k not in fa]:
        x, y = fa.get(key), fb.get(key)
        pairs.append(
            NarrativePair(
                key[0],
                key[1],
                getattr(x, "value", None),
                getattr(y, "value", None),
                getattr(x, "measure", ""),
                getattr(y, "measure", ""),
            )
        )
    return pairs

"""Score the Q&A on the blind question sets (tests/blind/qa_dev.json, qa_sealed.json).

The questions were written from the documents alone by people who never read this code; each
carries a typed expectation (a number, several numbers, a share, yes/no, a list of reports, a
passage, or "not given"). The scores are reported by category and language, and confident wrong
answers — a figure given that is not the one asked for — are counted apart, because a citizen is
worse off with a wrong figure than with "I am not sure".
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from assistant.answer.answer import Answer, AnswerKind
from assistant.answer.engine import ask
from assistant.domain.record import Report
from assistant.store.database import Store

FIGURE_KINDS = (AnswerKind.FIGURE, AnswerKind.AGGREGATE)
# The blind sets: written in thirteen rounds, each split once into a development and a sealed part (each
# round after the one before had been tuned on, so its sealed part measures what the tuning kept); and the
# development questions of seven categories asked again in other words by a helper (development only).
PARTS = (
    *(f"{kind}{n}" for n in ("", *(str(r) for r in range(2, 14))) for kind in ("dev", "sealed")),
    "dev_rephrased",
)


@dataclass
class Outcome:
    item: dict
    answer: Answer
    ok: bool
    confident_wrong: bool
    why: str


# a number read as negative: signed, or stated as a fall ("lower by 64", "减少64")
_NUMBER = re.compile(
    r"(?P<fall>(?:lower|fewer|less|down|fell|dropped|decreased?)\s+(?:by\s+)?|(?:减少|下降)了?)?"
    r"(?P<sign>[-−])?(?P<n>\d[\d,]*(?:\.\d+)?)",
    re.I,
)


def _numbers_in(text: str) -> list[float]:
    """The numbers of a text, signed where the text says they are negative."""
    out = []
    for m in _NUMBER.finditer(text):
        n = float(m["n"].replace(",", ""))
        out.append(-n if m["fall"] or m["sign"] else n)
    return out


def _close(a: float, b: float, tolerance: float = 0.051) -> bool:
    return abs(a - b) <= max(tolerance, abs(b) * 1e-9)


def _mentions(text: str, value: float, tolerance: float = 0.051) -> bool:
    """Whether the text states the value; a value of at least 0 may be stated as a fall's size."""
    return any(_close(n, value, tolerance) or (value >= 0 and _close(-n, value, tolerance)) for n in _numbers_in(text))


_YES = {"en": re.compile(r"^\W*yes\b", re.I), "zh": re.compile(r"^\W*(?:是|有|对|相符|一致|收取了|符合)")}
_NO = {"en": re.compile(r"^\W*no\b", re.I), "zh": re.compile(r"^\W*(?:否|没有|无|不|未)")}


def _verdict(answer: Answer, lang: str) -> bool | None:
    verdict = getattr(answer, "verdict", None)
    if verdict is not None:
        return verdict
    if _YES[lang].search(answer.answer):
        return True
    if _NO[lang].search(answer.answer):
        return False
    return None


class _Reports:
    """Copies of one report (TXT, HTML, PDF …) count as the same report: compared by agency and year."""

    def __init__(self, store: Store):
        self.store = store
        self._keys: dict[str, tuple | None] = {}

    def key(self, report_id: str) -> tuple | None:
        if report_id not in self._keys:
            r = self.store.report(report_id)
            self._keys[report_id] = (r.agency, r.year) if r else None
        return self._keys[report_id]


def judge(item: dict, answer: Answer, reports: _Reports) -> tuple[bool, str]:
    """Right or wrong, and why, for one blind question."""
    exp = item["expected"]
    kind = exp["type"]
    gave_figure = answer.kind in FIGURE_KINDS and answer.value is not None
    if kind == "not_given":
        ok = answer.kind == AnswerKind.NOT_FOUND and answer.value is None
        return ok, "" if ok else f"expected not given, got {answer.kind} {answer.value}"
    if answer.kind == AnswerKind.NOT_FOUND:
        return False, "answered not given"
    if kind == "number":
        if answer.value is not None:
            ok = _close(float(answer.value), float(exp["value"]))
            return ok, "" if ok else f"value {answer.value} != {exp['value']}"
        ok = not gave_figure and _mentions(answer.answer, float(exp["value"]))
        return ok, "" if ok else f"no value; expected {exp['value']}"
    if kind == "numbers":
        missing = [v for v in exp["values"] if not _mentions(answer.answer, float(v))]
        return not missing, "" if not missing else f"lacks {missing}"
    if kind == "percent":
        value = float(exp["value"])
        if answer.value is not None and _close(float(answer.value), value, 0.11):
            return True, ""
        ok = bool(re.search(r"%|％|百分之", answer.answer)) and _mentions(answer.answer, value, 0.11)
        return ok, "" if ok else f"share {answer.value} != {value}"
    if kind == "yes_no":
        verdict = _verdict(answer, item["lang"])
        ok = verdict is exp["value"]
        return ok, "" if ok else f"verdict {verdict} != {exp['value']}"
    if kind == "reports":
        wanted = [reports.key(f) for f in exp["files"]]
        cited = list(dict.fromkeys(k for c in answer.citations if (k := reports.key(c.report_id))))
        if exp.get("ordered") or len(wanted) == 1:
            ok = cited[: len(wanted)] == wanted
        else:
            ok = set(cited) == set(wanted)
        return ok, "" if ok else f"cites {cited}, expected {wanted}"
    if kind == "passage":
        quote = re.sub(r"\s+", "", exp["quote"])
        text = re.sub(r"\s+", "", answer.answer + "".join(c.text for c in answer.citations))
        ok = quote in text
        return ok, "" if ok else "quote not in the answer"
    raise ValueError(f"unknown expectation type {kind!r} in {item['id']}")


def run(path: Path | str, store: Store, parsed: dict[str, Report] | None = None) -> list[Outcome]:
    """Ask every question of a blind set against the store (a question's ``report`` is a stored id)."""
    reports = _Reports(store)
    out = []
    for item in json.loads(Path(path).read_text(encoding="utf-8")):
        answer = ask(item["question"], report_id=item.get("report"), store=store)
        ok, why = judge(item, answer, reports)
        wrong_figure = not ok and answer.kind in FIGURE_KINDS and answer.value is not None
        out.append(Outcome(item, answer, ok, wrong_figure, why))
    return out


def table(outcomes: list[Outcome]) -> dict[str, dict[str, int]]:
    """Right, asked and confident-wrong by category, by language, by both, and overall."""
    rows: dict[str, dict[str, int]] = defaultdict(lambda: {"right": 0, "asked": 0, "confident_wrong": 0})
    for o in outcomes:
        item = o.item
        for key in (item["category"], item["lang"], f"{item['category']}/{item['lang']}", "all"):
            rows[key]["right"] += o.ok
            rows[key]["asked"] += 1
            rows[key]["confident_wrong"] += o.confident_wrong
    return dict(sorted(rows.items()))


def report(outcomes: list[Outcome], name: str, *, show_wrong: bool) -> str:
    """The accuracy table; the wrong answers are listed only where ``show_wrong`` (never for a sealed set)."""
    lines = [f"{name}: accuracy by category and language (confident wrong = a wrong figure given)"]
    for key, row in table(outcomes).items():
        r, n, cw = row["right"], row["asked"], row["confident_wrong"]
        lines.append(f"  {key:<32} {r:>3}/{n:<3} {100 * r / n:5.1f}%   confident wrong {cw}")
    if show_wrong:
        wrong = [o for o in outcomes if not o.ok]
        if wrong:
            lines.append("wrong:")
            lines += [f"  [{o.item['id']}] {o.item['question']} -> {o.why}" for o in wrong]
    return "\n".join(lines)

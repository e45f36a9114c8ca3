"""Score the Q&A against hand-checked questions (tests/qa_eval.json): accuracy by kind and language."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from assistant.answer.answer import Answer, AnswerKind
from assistant.answer.engine import ask
from assistant.store.database import Store


@dataclass
class Outcome:
    item: dict
    answer: Answer
    ok: bool
    why: str


def _same_report(store: Store, cited: str, expected: str) -> bool:
    """Copies of one report (TXT, HTML, PDF …) count as the same report."""
    if cited == expected:
        return True
    a, b = store.report(cited), store.report(expected)
    return bool(a and b and (a.agency, a.year) == (b.agency, b.year))


def judge(item: dict, answer: Answer, store: Store) -> tuple[bool, str]:
    kind = AnswerKind(item["kind"])
    if kind == AnswerKind.NOT_FOUND:
        ok = answer.kind == AnswerKind.NOT_FOUND and answer.value is None
        return ok, "" if ok else f"expected not_found, got {answer.kind} {answer.value}"
    if kind in (AnswerKind.FIGURE, AnswerKind.AGGREGATE):
        expected = item["value"]  # None: the answer is judged by what it must contain (a comparison)
        if expected is not None and (answer.value is None or abs(float(answer.value) - float(expected)) > 0.051):
            return False, f"value {answer.value} != {expected}"
    if kind == AnswerKind.PASSAGE and answer.kind != AnswerKind.PASSAGE:
        return False, f"expected a passage, got {answer.kind}"
    text = answer.answer + "\n" + "\n".join(c.text for c in answer.citations)
    missing = [s for s in item.get("answer_contains", []) if s.lower() not in text.lower()]
    if missing:
        return False, f"answer lacks {missing}"
    wanted = item.get("report_ids") or []
    cited = [c.report_id for c in answer.citations]
    if wanted and kind != AnswerKind.AGGREGATE and not any(_same_report(store, c, w) for c in cited for w in wanted):
        return False, f"cites {cited}, expected {wanted}"
    return True, ""


def run(path: Path, store: Store | None = None) -> list[Outcome]:
    store = store or Store()
    out = []
    for item in json.loads(Path(path).read_text(encoding="utf-8")):
        answer = ask(item["question"], report_id=item.get("report"), store=store)
        ok, why = judge(item, answer, store)
        out.append(Outcome(item, answer, ok, why))
    return out


def accuracy(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """(right, asked) by kind, by language, by kind and language, and overall."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in outcomes:
        for key in (o.item["kind"], o.item["lang"], f"{o.item['kind']}/{o.item['lang']}", "all"):
            table[key][0] += o.ok
            table[key][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(table.items())}


def report(outcomes: list[Outcome]) -> str:
    lines = ["accuracy by kind and language:"]
    for key, (right, asked) in accuracy(outcomes).items():
        lines.append(f"  {key:<22} {right:>3}/{asked:<3} {100 * right / asked:5.1f}%")
    wrong = [o for o in outcomes if not o.ok]
    if wrong:
        lines.append("wrong:")
        lines += [f"  [{o.item['id']}] {o.item['question']} -> {o.why}" for o in wrong]
    return "\n".join(lines)

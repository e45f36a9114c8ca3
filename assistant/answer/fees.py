"""The information processing fee a report says it charged applicants (信息处理费), read from its text.

The 2021 layout asks each agency to report, in its last section, whether it charged applicants a fee;
most say it did not ("无收取信息处理费情况", "未发生收费情况"), some state the amount ("全年收取政府信息公开
信息处理费0元"). That sentence answers "how much did it charge in processing fees?" (0 when it denies
any) and "did it charge a fee?"; the table's 行政事业性收费 (administrative fees) is another thing.
"""

from __future__ import annotations

import re

from assistant.answer.answer import Answer, AnswerKind, who
from assistant.domain import numbers, vocabulary
from assistant.domain.record import Citation, Report

ASKED = vocabulary.asks("processing_fee")
_SENTENCE = re.compile(r"[^。！？!?\n]+")
_ABOUT = re.compile(r"信息处理费|政府信息公开[^，,。；;]{0,4}收费|收费(?:情况|事项)")
_DENIED = re.compile(r"(?:未|没有|无|暂不|不予?)(?:发生|产生)?[^，,。；;]{0,12}?(?:收费|收取|处理费)")
_AMOUNT = re.compile(r"(?:信息处理费|收费)[^，,。；;\d]{0,6}?(\d+(?:\.\d+)?)\s*(万?元)")


def stated(report: Report, lang: str) -> Answer | None:
    """The fee the report's text says it charged (0 where it says it charged none), or None when its text
    says neither (a yes/no gets its verdict from the figure, as any figure's)."""
    for m in _SENTENCE.finditer(report.text):
        sentence = m.group(0).strip()
        if not _ABOUT.search(sentence):
            continue
        amount = _AMOUNT.search(sentence)
        if amount:
            value, unit = numbers.parse(amount.group(1)), amount.group(2)
        elif _DENIED.search(sentence):
            value, unit = 0, "元"
        else:
            continue
        cite = Citation(report.id, report.title, "信息处理费", sentence, m.start(), m.end(), lang=lang)
        source = who(report.agency, report.year, lang)
        if lang == "en":
            shown = f"{numbers.english(value)} {vocabulary.unit_english(unit, value)}"
            text = f"{shown} in information processing fees, as {source} states: “{sentence}”"
        else:
            text = f"{source}收取信息处理费{numbers.chinese(value)}{unit}。原文：“{sentence}”"
        return Answer(text, value, AnswerKind.FIGURE, lang, [cite], what="information processing fees")
    return None

"""The text patterns of the reports, defined once: CJK characters, heading numbering, sentence ends, years.

Pieces are regex source strings (to build larger patterns from); the compiled patterns are the
common uses. The section headings are built from :mod:`assistant.domain.schema`.
"""

from __future__ import annotations

import re

from assistant.domain import schema

# Chinese characters: CJK Extension A, the unified ideographs, and the compatibility ideographs.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")
CJK_WORD = re.compile(f"[{CJK}]+")  # use with fullmatch for "only Chinese characters"

# Heading numbering: 一、  （一）  1.
HEADING_NUMERALS = "一二三四五六七八九十"  # numbers.CHINESE_NUMERALS has every numeral character
ORDINAL = rf"[{HEADING_NUMERALS}]+\s*、"
PAREN_ORDINAL = rf"[（(]\s*[{HEADING_NUMERALS}]+\s*[）)]"
ARABIC_ORDINAL = r"\d+\s*[.．、]"
NUMBERING = re.compile(rf"^\s*(?:{ORDINAL}|{PAREN_ORDINAL}|{ARABIC_ORDINAL})\s*")
"""The numbering a heading or a label starts with (and the space after it): strip it with ``sub``."""
# A heading inside the prose, up to its end ("（一）主动公开政府信息情况", "二、主动公开政府信息情况"): what
# the counts under it are about
SUBHEADING = re.compile(rf"(?:{ORDINAL}|{PAREN_ORDINAL})\s*([^。；;：:！？!?，,、\s\d（）()“”\"《》]{{2,24}})")
HEADING_START = re.compile(rf"^\s*(?:{ORDINAL}|{PAREN_ORDINAL}|{ARABIC_ORDINAL}|#)")
"""A line that starts a heading: numbered, or a Markdown heading."""

# The section headings: one numeral, 、 or ., then the section's wording (schema.Section.pattern).
SECTION_NUMBER = rf"[{HEADING_NUMERALS}]\s*[、.]\s*"
SECTION_HEADINGS: dict[str, re.Pattern[str]] = {s.id: re.compile(SECTION_NUMBER + s.pattern) for s in schema.SECTIONS}
ANY_SECTION_HEADING = re.compile(SECTION_NUMBER + "(?:" + "|".join(s.pattern for s in schema.SECTIONS) + ")")

# Sentence ends.
SENTENCE_ENDS = "。！？!?"
CLAUSE_ENDS = "；;"
LINE_ENDS = tuple(SENTENCE_ENDS + CLAUSE_ENDS + "：:")
"""A line ending with one of these does not continue on the next."""


def sentence_pattern(ends: str = SENTENCE_ENDS) -> re.Pattern[str]:
    """Sentences (or clauses) up to one of ``ends`` or a line break, the end included."""
    return re.compile(rf"[^{ends}\n]+[{ends}]?")


SENTENCE = sentence_pattern()

# Number tokens.
YEAR = r"(?:19|20)\d{2}"
LONE_YEAR = re.compile(rf"(?<!\d)({YEAR})(?!\d)")
# A year written with two digits before 年 ("实验区21年", "19年到21年", "15、16、17年", "15 16 17三年"): 20xx
# (not "21年来").
SHORT_YEAR = re.compile(
    r"(?<![\d.])([0-3]\d)(?!\d)(?=(?:\s*[、，,和到至~-]?\s*[0-3]\d(?!\d))*\s*(?:[两三四五六七八九十]个?)?年"
    r"(?!来|间|多|以来|以内|内|左右|之久))"
)


# Words that deny what follows them in a sentence ("无收取信息处理费情况", "未收到政府信息公开申请");
# 无法 (unable) and 无论 (whatever) deny nothing.
DENIAL = re.compile(r"未|没有|无(?!法|论)|不存在|暂无|从未|尚未")

# A report's prose saying it received no requests at all: "2015年全区未收到有关政府信息公开申请".
NONE_RECEIVED = re.compile(r"(?:未|没有)(?:收到|受理|接到)[^，,。；;]{0,14}?申请")

# A report's title: [2024年]<publisher>[2024年(度)](政府)信息公开(工作)年度报告.
REPORT_TITLE = re.compile(
    rf"^(?:(?P<lead>{YEAR})\s*年度?)?(?P<who>.*?)(?:(?P<year>{YEAR})\s*年度?)?"
    r"(?P<gov>政府)?信息公开(?P<work>工作)?年度报告$"
)

# The name of a programme, column or document a question or a report quotes: in 《》, or romanised in quotes
# ('Wenzheng Pingtan – Youshi Nishuo', "Pingtan Dajiatan")
TITLE = re.compile(r"《[^《》]+》")
ROMANISED_TITLE = re.compile(  # its words capitalised, but for short links ("Wenzheng Pingtan zhi You Shi Ni Shuo")
    r"['\"“‘]([A-Z][a-z]+(?:[\s\-–—:]+(?:[a-z]{1,3}[\s\-–—:]+)*[A-Z][a-z]+)+)['\"”’]"
)

# A word made of Mandarin syllables without tones ("Zhengfu", "Shiyanqu", "Guanweihui"): in an English question,
# a capitalised one right after an agency's place names the agency in pinyin ("Hongze Qu Renmin Zhengfu").
PINYIN_WORD = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|iao|ian|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u|v))+",
    re.I,
)

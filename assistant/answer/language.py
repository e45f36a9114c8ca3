"""The language a question is asked in: the answer comes back in it."""

from __future__ import annotations

import re

from assistant.domain.patterns import CJK_CHAR

_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detect(question: str) -> str:
    """ "zh" or "en". A mixed question ("How many 行政复议 cases?") counts its English words against
    its Chinese characters, two characters to a word."""
    cjk = len(CJK_CHAR.findall(question))
    words = len(_LATIN_WORD.findall(question))
    return "zh" if cjk > 2 * words else "en"

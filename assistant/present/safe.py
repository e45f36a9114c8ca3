"""Text from reports made safe for where it goes: spreadsheet cells and terminals.

Report text is untrusted: a title may start with ``=HYPERLINK(…)`` or hold escape sequences that set
the terminal's title, clear it or write its clipboard.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets read as a formula (OWASP CSV injection)
_CONTROLS = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?)?|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def csv_cell(value: object) -> object:
    """A text that a spreadsheet would run as a formula, quoted with a leading apostrophe; else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def terminal(text: str) -> str:
    """Text without escape sequences or control characters (newlines and tabs kept)."""
    return _CONTROLS.sub("", text)

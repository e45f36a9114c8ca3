"""English and Chinese summaries of annual reports, one report or the whole corpus.

Modules: naming (the agency's name, corrected by the gazetteer), facts (figures -> sentences), statements
(narrative facts -> sentences), english (the reports' sentence patterns -> English), content (the work items,
problems, improvements and other matters), coverage (how much is rendered in English), narrative (TextRank key
sentences), core (one report -> Summary), render (md/json/html), batch (many reports on both cores, with the
corpus digest). The heavy modules
load on first use, so that ``assistant`` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.summarize.core import summarize
    from assistant.summarize.model import Summary

__all__ = ["Summary", "summarize"]


def __getattr__(name: str) -> Any:
    if name == "summarize":
        from assistant.summarize.core import summarize

        return summarize
    if name == "Summary":
        from assistant.summarize.model import Summary

        return Summary
    raise AttributeError(name)

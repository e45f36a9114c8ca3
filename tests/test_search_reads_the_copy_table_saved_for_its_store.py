"""The canonical-copy data the search needs is saved beside the index with the store's fingerprint:
a searcher for the same store reads it back instead of reading every report's copy again, and a
changed store (another fingerprint) has it made again."""

from __future__ import annotations

from pathlib import Path

from conftest import real_passages

from assistant.domain.canonical import Copy
from assistant.search.bm25 import IndexedPassage
from assistant.search.searcher import COPIES_FILE, Corpus, Other


def _passages() -> list[IndexedPassage]:
    # pingtan-2024 twice: the crawler text, and an HTML copy of it (same passages, other whitespace)
    own = [p for p in real_passages() if p.report_id == "pingtan-2024"]
    html = [
        IndexedPassage(**{**p.__dict__, "report_id": "pingtan-2024-html", "text": p.text.replace("，", "， ")})
        for p in own
    ]
    return own + html


def test_the_copy_table_is_read_back_for_the_same_store_and_made_again_for_a_changed_one(tmp_path: Path) -> None:
    passages = _passages()
    agency = passages[0].agency
    reads: list[str] = []

    def copies(html_uncertain: int, fingerprint: str):
        def read() -> list[Copy]:
            reads.append(fingerprint)
            # the crawler text has 3 uncertain (glued) cells
            return [
                Copy("pingtan-2024", agency, 2024, "txt", 200, 3),
                Copy("pingtan-2024-html", agency, 2024, "html", 200, html_uncertain),
            ]

        return Corpus(lambda: passages, tmp_path, fingerprint, read)

    first = copies(0, "store-1").searcher().search("信息处理费", k=3)
    assert (tmp_path / COPIES_FILE).is_file()
    assert [(h.report_id, h.format, h.also) for h in first[:1]] == [
        ("pingtan-2024-html", "html", (Other("pingtan-2024", "txt"),))
    ]
    again = copies(0, "store-1").searcher().search("信息处理费", k=3)
    assert again == first and reads == ["store-1"]  # the saved table was read, not the store's copies
    # the store changed: the HTML copy now has more uncertain cells than the crawler text, which counts
    changed = copies(5, "store-2").searcher().search("信息处理费", k=3)
    assert reads == ["store-1", "store-2"]
    assert [(h.report_id, h.format, h.also) for h in changed[:1]] == [
        ("pingtan-2024", "txt", (Other("pingtan-2024-html", "html"),))
    ]

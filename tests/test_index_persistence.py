"""The persisted index: atomic writes (a write killed midway leaves the old index usable), damaged and
stale files detected and rebuilt, and reports added later found without re-segmenting the rest."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from conftest import real_passages

from assistant.search import bm25 as index_module
from assistant.search.bm25 import (
    INDEX_FILE,
    BM25Index,
    IndexDamaged,
    IndexedPassage,
    IndexMissing,
    IndexStale,
    open_index,
)
from assistant.search.searcher import Searcher
from assistant.search.tokenize import PARTS_FILE, Tokenizer

REPO = Path(__file__).resolve().parents[1]
LATE = "pingtan-2025"  # the report "ingested later"
LATE_PHRASE = "2025年"


@pytest.fixture(scope="module")
def passages() -> list[IndexedPassage]:
    return real_passages()


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return tmp_path / "indexes"


def _results(searcher: Searcher, query: str) -> list[tuple[str, int, float]]:
    return [(h.report_id, h.start, round(h.score, 9)) for h in searcher.search(query, k=10)]


class CountingTokenizer(Tokenizer):
    """Counts the texts it segments (in this process)."""

    segmented: list[str]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.segmented = []

    def token_runs(self, text: str):
        self.segmented.append(text)
        return super().token_runs(text)


def test_the_saved_vocabulary_finds_every_term_at_its_id(passages: list[IndexedPassage], folder: Path) -> None:
    built = BM25Index(Tokenizer(folder))
    built.add(passages)
    built.save(folder)
    loaded = BM25Index.load(folder)  # its vocabulary is searched in the file (term hashes), not a dict
    assert not isinstance(loaded.vocab, dict) and len(loaded.vocab) == len(built.vocab) > 1000
    assert all(loaded.vocab[t] == i for t, i in built.vocab.items())
    for word in ("政府信息公开年报", "xyzzy", "依申请", ""):
        assert (word in loaded.vocab) == (word in built.vocab) and loaded.vocab.get(word) == built.vocab.get(word)
    assert loaded.terms == built.terms


def test_saved_index_loads_with_identical_results(passages: list[IndexedPassage], folder: Path) -> None:
    built = open_index(passages, folder)
    assert (folder / INDEX_FILE).is_file() and (folder / PARTS_FILE).is_file()
    loaded = BM25Index.load(folder)
    assert list(loaded.iter_passages()) == list(built.iter_passages()) == passages
    assert loaded.terms == built.terms
    assert loaded.fingerprint == built.fingerprint
    for q in ("依申请公开 答复 超期", "行政复议 纠正", "information processing fees"):
        assert _results(Searcher(loaded), q) == _results(Searcher(built), q) != []
        # the saved score columns and block maxima give the same floats, and the pruned top k
        terms = Searcher(loaded).query_terms(q)
        assert loaded.top_k(terms, 10) == built.top_k(terms, 10) != []
        np.testing.assert_array_equal(loaded.get_scores(terms), built.get_scores(terms))
    np.testing.assert_array_equal(loaded.block_terms, built.block_terms)
    for t in loaded.block_terms:
        np.testing.assert_array_equal(loaded._block_column(int(t)), built._block_column(int(t)))


def test_a_write_that_fails_midway_leaves_the_old_index(
    passages: list[IndexedPassage], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    early = [p for p in passages if p.report_id != LATE]
    old = open_index(early, folder)
    before = (folder / INDEX_FILE).read_bytes()
    expected = _results(Searcher(old), "依申请公开 答复 超期")

    real_write = index_module._write_index

    def write_half_then_fail(fh, arrays, manifest):
        real_write(fh, {k: v for i, (k, v) in enumerate(arrays.items()) if i < 2}, manifest)
        raise KeyboardInterrupt("killed while writing")

    monkeypatch.setattr(index_module, "_write_index", write_half_then_fail)
    with pytest.raises(KeyboardInterrupt):
        open_index(passages, folder)
    monkeypatch.undo()

    assert (folder / INDEX_FILE).read_bytes() == before
    assert [f.name for f in folder.iterdir() if f.name.endswith(".tmp")] == []  # temp file cleaned up
    reloaded = BM25Index.load(folder)
    assert {r.report_id for r in reloaded.reports} == {p.report_id for p in early}
    assert _results(Searcher(reloaded), "依申请公开 答复 超期") == expected


def test_a_process_killed_while_writing_leaves_the_old_index(passages: list[IndexedPassage], folder: Path) -> None:
    early = [p for p in passages if p.report_id != LATE]
    open_index(early, folder)
    before = (folder / INDEX_FILE).read_bytes()
    script = f"""
import os, sys
sys.path.insert(0, {str(REPO)!r}); sys.path.insert(0, {str(Path(__file__).parent)!r})
from assistant.search import bm25 as ix
from test_index_persistence import real_passages
real = ix._write_index
def die(fh, arrays, manifest):
    real(fh, dict(list(arrays.items())[:3]), manifest)
    fh.flush()
    os._exit(9)  # like SIGKILL: no cleanup, no exception handlers
ix._write_index = die
ix.open_index(real_passages(), {str(folder)!r})
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 9, proc.stderr
    leftovers = [f for f in folder.iterdir() if f.name.endswith(".tmp")]
    assert leftovers and leftovers[0].stat().st_size > 0  # the half-written file is there...
    assert (folder / INDEX_FILE).read_bytes() == before  # ...but never in the index's place
    index = BM25Index.load(folder)
    assert LATE not in {r.report_id for r in index.reports}
    assert open_index(passages, folder).report_fps.keys() == {p.report_id for p in passages}


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_index_is_detected_and_rebuilt(damage: str, passages: list[IndexedPassage], folder: Path) -> None:
    good = open_index(passages, folder)
    fingerprint, expected = good.fingerprint, _results(Searcher(good), "行政复议 纠正")
    del good  # its arrays map the file, which is now damaged in place
    path = folder / INDEX_FILE
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        middle = len(data) // 2
        data[middle] ^= 0xFF
    elif damage == "garbage":
        data = bytearray(b"not an index at all" * 10)
    else:
        data = bytearray()
    path.write_bytes(bytes(data))

    with pytest.raises(IndexDamaged):
        BM25Index.load(folder)
    rebuilt = open_index(passages, folder)
    assert rebuilt.fingerprint == fingerprint
    assert _results(Searcher(rebuilt), "行政复议 纠正") == expected
    BM25Index.load(folder)  # the rebuilt file is sound


def test_a_large_index_damaged_in_place_is_refused_once_checked_in_the_background(
    passages: list[IndexedPassage], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_index(passages, folder)
    path = folder / INDEX_FILE
    manifest, _, _ = index_module._read_index(path)
    data = bytearray(path.read_bytes())
    data[manifest["arrays"]["postings_scores"]["offset"] + 3] ^= 0xFF  # one score: the file still loads
    path.write_bytes(bytes(data))
    monkeypatch.setattr(index_module, "VERIFY_INLINE_BYTES", 0)  # checked by a thread, as a large file is
    index = BM25Index.load(folder)
    terms = Searcher(index).query_terms("行政复议 纠正")
    deadline = time.monotonic() + 30
    with pytest.raises(IndexDamaged):
        while time.monotonic() < deadline:
            index.top_k(terms, 10)
            time.sleep(0.01)


def test_a_stale_index_is_detected_and_rebuilt(
    passages: list[IndexedPassage], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(IndexMissing):
        BM25Index.load(folder)
    open_index(passages, folder)
    monkeypatch.setattr(index_module, "FORMAT_VERSION", index_module.FORMAT_VERSION + 1)
    with pytest.raises(IndexStale):
        BM25Index.load(folder)
    tk = CountingTokenizer(folder)
    open_index(passages, folder, tokenizer=tk)
    assert len(tk.segmented) == len(passages)  # rebuilt from scratch in the new format
    BM25Index.load(folder)

    # another dictionary means other tokens: stale too
    with pytest.raises(IndexStale):
        BM25Index.load(folder, Tokenizer(folder, extra_words=["新加的词"]))


def test_a_report_added_later_is_found_without_resegmenting_the_rest(
    passages: list[IndexedPassage], folder: Path
) -> None:
    early = [p for p in passages if p.report_id != LATE]
    late = [p for p in passages if p.report_id == LATE]
    assert late and early
    first = open_index(early, folder)
    assert not any(h.report_id == LATE for h in Searcher(first).search(LATE_PHRASE, k=50))

    tk = CountingTokenizer(folder)
    updated = open_index(passages, folder, tokenizer=tk)  # the store now has one more report
    assert sorted(tk.segmented) == sorted(p.text for p in late)  # only the new report was segmented
    hits = Searcher(updated).search(LATE_PHRASE, k=5)
    assert hits and hits[0].report_id == LATE
    assert updated.fingerprint != first.fingerprint

    # the saved index equals one built from scratch, and a reopen segments nothing
    fresh = BM25Index(Tokenizer(folder))
    fresh.add(passages)
    q = updated.tokenizer.query_tokens("依申请公开 答复 超期")
    by_passage = {(p.report_id, p.start): s for p, s in zip(fresh.iter_passages(), fresh.get_scores(q), strict=True)}
    ours = {(p.report_id, p.start): s for p, s in zip(updated.iter_passages(), updated.get_scores(q), strict=True)}
    assert ours.keys() == by_passage.keys()
    assert np.allclose([ours[k] for k in by_passage], list(by_passage.values()), rtol=0, atol=1e-9)
    again = CountingTokenizer(folder)
    open_index(passages, folder, tokenizer=again)
    assert again.segmented == []


def test_a_changed_or_removed_report_is_updated(passages: list[IndexedPassage], folder: Path) -> None:
    open_index(passages, folder)
    target = "pingtan-2019"
    changed = [
        IndexedPassage(**{**p.__dict__, "text": p.text + " 新增补充说明"}) if p.report_id == target else p
        for p in passages
        if p.report_id != "pingtan-2015"
    ]
    tk = CountingTokenizer(folder)
    index = open_index(changed, folder, tokenizer=tk)
    assert len(tk.segmented) == sum(p.report_id == target for p in passages)
    assert "pingtan-2015" not in index.report_fps
    hits = Searcher(index).search("补充说明", k=3)
    assert hits and all(h.report_id == target for h in hits)


def test_writes_stay_in_the_index_folder(passages: list[IndexedPassage], tmp_path: Path) -> None:
    folder = tmp_path / "idx"
    before = set(os.listdir(tmp_path))
    open_index(passages[:50], folder)
    assert set(os.listdir(tmp_path)) - before == {"idx"}
    # (jieba.cache too where no dictionary seed was installed to copy the parts from)
    assert {f.name for f in folder.iterdir()} - {"jieba.cache"} == {INDEX_FILE, PARTS_FILE}


def test_a_saved_index_keeps_each_passages_kind_and_address(corpus_store, tmp_path: Path) -> None:
    stored = list(corpus_store.iter_passages())
    # the store holds table rows (each with its address) and headings besides the prose
    assert any(p.kind == "table_row" and p.address == "appeals.review" for p in stored)
    assert any(p.kind == "heading" for p in stored)
    open_index(corpus_store.iter_passages, tmp_path, texts=corpus_store.passage_texts)
    loaded = BM25Index.load(tmp_path, texts=corpus_store.passage_texts)
    assert list(loaded.iter_passages()) == stored

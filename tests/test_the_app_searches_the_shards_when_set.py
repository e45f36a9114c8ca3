"""With the ``shards`` setting ($ASSISTANT_SHARDS) the app's search reads the sharded corpus: the same
hits as its own store's search, one copy per agency-year."""

from __future__ import annotations

from assistant.cluster.search import ShardedIndex
from assistant.ui.service import Service


def test_the_app_searches_the_shards_when_the_setting_is_set(sharded_corpus, corpus_store, monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path))
    service = Service(corpus_store.path)
    theirs = service.search_result("行政复议 决定", k=8)
    monkeypatch.setenv("ASSISTANT_SHARDS", str(sharded_corpus(3)))
    assert isinstance(service.searcher().index, ShardedIndex)
    mine = service.search_result("行政复议 决定", k=8)
    assert len(theirs.hits) == 8
    assert [(h.report_id, h.start, h.also) for h in mine.hits] == [(h.report_id, h.start, h.also) for h in theirs.hits]

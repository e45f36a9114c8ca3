"""On the blind development queries, this search ranks the judged passages at least as well as bm25s
over the same jieba tokens and a character-bigram BM25 (nDCG@10 and recall@10)."""

from __future__ import annotations

from conftest import ROOT

from assistant.search import relevance
from assistant.search.searcher import store_corpus


def test_our_search_is_the_best_of_three_on_the_dev_queries(corpus_store) -> None:
    searcher = store_corpus(corpus_store.path).searcher()
    copies = corpus_store.copies()
    key_of = {c.id: c.key() for c in copies}
    texts = {r["id"]: corpus_store.report(r["id"]).text for r in corpus_store.reports()}
    queries = relevance.load_queries(ROOT / "tests/blind/search_dev.json", copies)
    assert len(queries) == 59
    scores = {
        name: relevance.evaluate(make(searcher), queries, key_of, texts)
        for name, make in (
            ("ours", relevance.ours),
            ("bm25s", relevance.bm25s_jieba),
            ("bigram", relevance.bigram_bm25),
        )
    }
    for measure in ("ndcg@10", "recall@10"):
        assert scores["ours"][measure] >= max(scores["bm25s"][measure], scores["bigram"][measure]), scores


def test_a_hit_on_another_copy_of_the_judged_report_counts() -> None:
    from assistant.domain.canonical import Copy
    from assistant.domain.record import IndexedPassage

    copies = [Copy("a.txt", "平潭综合实验区管委会", 2024, "txt"), Copy("a.html", "平潭综合实验区管委会", 2024, "html")]
    key_of = {c.id: c.key() for c in copies}
    item = relevance.Item(key_of["a.txt"], "行政复议36起", 2)
    query = relevance.Query("q", "行政复议", relevance.Filters(), (item,))
    hit = IndexedPassage("a.html", "", "", "", 2024, "overview", None, 0, 9, "全年办理行政复议 36 起。")
    other = IndexedPassage("a.html", "", "", "", 2024, "overview", None, 0, 9, "全年办理行政诉讼9起。")
    assert relevance.score_query(query, [hit], key_of, {}) == (1.0, 1.0)
    assert relevance.score_query(query, [other, hit], key_of, {})[0] < 1.0
    assert relevance.score_query(query, [other], key_of, {}) == (0.0, 0.0)

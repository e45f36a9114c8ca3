"""Search over 2 or 3 shards gives the hits, order and scores (to 1e-9) of one index over the whole
bundled corpus, with and without filters, counting each agency-year once across shards; on a local
Dask cluster of 2 workers, and by two threads at once, it gives the same as one shard after another in
this process."""

from __future__ import annotations

import pytest

from assistant.cluster.search import open_sharded
from assistant.search.searcher import Filters, Searcher, store_corpus

QUERIES = [
    ("行政复议", Filters()),
    ("依申请公开 政府信息", Filters()),
    ("administrative reconsideration", Filters()),
    ("government information disclosure requests", Filters()),
    ("行政诉讼 败诉", Filters(year=2023)),
    ("主动公开 政策文件", Filters(region="福建")),
    ("收费 减免", Filters(agency="人民政府")),
    ("行政复议", Filters(format="txt")),
    ("政务新媒体 微博", Filters()),
]


@pytest.fixture(scope="module")
def one(corpus_store, tmp_path_factory) -> Searcher:
    import os

    os.environ["ASSISTANT_INDEX_DIR"] = str(tmp_path_factory.mktemp("one-index"))
    try:
        return store_corpus(corpus_store.path).searcher()
    finally:
        del os.environ["ASSISTANT_INDEX_DIR"]


def _same(sharded: Searcher, one: Searcher, query: str, filters: Filters, k: int = 20) -> None:
    a, b = sharded.run(query, filters, k=k), one.run(query, filters, k=k)
    assert b.hits, query  # a query that finds nothing would prove nothing
    assert [(h.report_id, h.start, h.copies, h.also) for h in a.hits] == [
        (h.report_id, h.start, h.copies, h.also) for h in b.hits
    ]
    for x, y in zip(a.hits, b.hits, strict=True):
        assert abs(x.score - y.score) <= 1e-9, (query, x.report_id, x.score, y.score)
    assert a.terms == b.terms and a.warnings == b.warnings and a.facets == b.facets


@pytest.mark.parametrize("n", [2, 3])
@pytest.mark.parametrize(("query", "filters"), QUERIES)
def test_sharded_search_gives_one_indexs_hits_and_scores(sharded_corpus, one, n, query, filters) -> None:
    sharded = open_sharded(sharded_corpus(n))
    _same(sharded, one, query, filters)


def test_every_matching_passage_scores_as_in_one_index(sharded_corpus, one) -> None:
    sharded = open_sharded(sharded_corpus(3))

    def ranked(searcher: Searcher, terms: list[str]) -> tuple[list[tuple], list[float]]:
        top = searcher.index.top_k(terms, 100_000)
        passages = searcher.index.passages_at([i for i, _ in top])
        return [(p.report_id, p.start, p.end, p.kind, p.address) for p in passages], [s for _, s in top]

    for query, _ in QUERIES[:4]:
        terms = one.query_terms(query)
        (ours, our_scores), (theirs, their_scores) = ranked(sharded, terms), ranked(one, terms)
        assert len(theirs) > 100 and ours == theirs
        assert max(abs(a - b) for a, b in zip(our_scores, their_scores, strict=True)) <= 1e-9


def test_one_copy_per_agency_year_holds_across_shards(sharded_corpus) -> None:
    from assistant.cluster.layout import shard_of

    sharded = open_sharded(sharded_corpus(3))
    # corpus/MANIFEST.tsv: pingtan-2025 is stored as .html, .rendered.pdf, .rendered.docx and .txt
    copies = ["pingtan-2025.html", "pingtan-2025.rendered.pdf", "pingtan-2025.rendered.docx", "pingtan-2025.txt"]
    assert len({shard_of(c, 3) for c in copies}) > 1  # the copies live in different shards
    hits = sharded.search("行政复议", k=30)
    pingtan_2025 = {h.report_id for h in hits if h.year == 2025 and "平潭综合实验区" in h.agency}
    assert pingtan_2025 == {"pingtan-2025.html"}
    hit = next(h for h in hits if h.report_id == "pingtan-2025.html")
    assert hit.also_as == "also as PDF · DOCX · TXT"


def test_search_on_a_local_dask_cluster_equals_this_process(sharded_corpus) -> None:
    root = sharded_corpus(3)
    here = open_sharded(root)
    there = open_sharded(root, cluster="local:2")
    try:
        for query, filters in QUERIES:
            a, b = there.run(query, filters, k=10), here.run(query, filters, k=10)
            assert [h.to_dict() for h in a.hits] == [h.to_dict() for h in b.hits]
            assert a.facets == b.facets and a.warnings == b.warnings
    finally:
        there.index.close()


def test_shards_searched_by_two_threads_at_once_give_the_same(sharded_corpus) -> None:
    from assistant.cluster.search import ShardedIndex

    root = sharded_corpus(3)
    one_by_one = open_sharded(root)
    at_once = Searcher(ShardedIndex(one_by_one.index.parts, root, lanes=2), one_by_one.index.copies)
    try:
        for query, filters in QUERIES:
            a, b = at_once.run(query, filters, k=10), one_by_one.run(query, filters, k=10)
            assert b.hits and [h.to_dict() for h in a.hits] == [h.to_dict() for h in b.hits]
            assert a.facets == b.facets and a.warnings == b.warnings
    finally:
        at_once.index.close()


def test_the_shards_corpus_stats_are_one_indexs(sharded_corpus, one) -> None:
    from assistant.cluster.search import corpus_stats, present

    stats = corpus_stats(present(sharded_corpus(3)))
    index = one.index
    index.top_k(["行政复议"], 1)  # its idf and average length are derived on first use
    assert stats.documents == len(index) and stats.avgdl == index.avgdl
    assert stats.df == {t: int(index.df[i]) for i, t in enumerate(index.terms)}
    assert abs(stats.average_idf - index.average_idf) <= 1e-12

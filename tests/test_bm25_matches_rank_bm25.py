"""Our sparse BM25 gives rank_bm25.BM25Okapi's scores (to 1e-6) on passages of the real reports (as the
corpus store holds them, and cut from the plain text files), including its idf floor for terms in more
than half of the passages, and keeps doing so after incremental adds, removals and a parallel build."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import real_passages
from rank_bm25 import BM25Okapi

from assistant.search import bm25 as index_module
from assistant.search.bm25 import BM25Index, BM25Params, IndexedPassage
from assistant.search.tokenize import Tokenizer

QUERIES = [
    "依申请公开 答复 超期",
    "行政复议 纠正",
    "information processing fees",
    "administrative reconsideration",
    "政府信息公开",  # boilerplate: in almost every passage
    "公开",
    "信息",
    "工作",
    "政府信息公开 行政复议",
    "规范性文件 2021",
    "结转下年度",
    "平潭",
    "2019",
    "0",
    "政策解读 新闻发布会",
    "不存在的词汇",
    "主动公开 主动公开",
]


@pytest.fixture(scope="module", params=["store", "text-files"])
def passages(request: pytest.FixtureRequest) -> list[IndexedPassage]:
    """The bundled reports as the corpus store holds them (every format), and as plain text files."""
    if request.param == "store":
        ps = list(request.getfixturevalue("corpus_store").iter_passages())
        assert len({p.report_id for p in ps}) >= 20
    else:
        ps = real_passages()
        assert len({p.report_id for p in ps}) >= 11
    assert len(ps) > 200
    return ps


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory: pytest.TempPathFactory) -> Tokenizer:
    return Tokenizer(tmp_path_factory.mktemp("index"))


@pytest.fixture(scope="module")
def tokens(passages: list[IndexedPassage], tokenizer: Tokenizer) -> list[list[str]]:
    return [tokenizer.tokens(p.text) for p in passages]


@pytest.fixture(scope="module")
def index(passages: list[IndexedPassage], tokenizer: Tokenizer) -> BM25Index:
    idx = BM25Index(tokenizer)
    idx.add(passages)
    return idx


def _query_tokens(tokenizer: Tokenizer, query: str) -> list[str]:
    from assistant.search.tokenize import normalize_query

    return tokenizer.tokens(normalize_query(query))  # repeats kept: rank_bm25 counts them


@pytest.mark.parametrize("query", QUERIES)
def test_scores_equal_rank_bm25(query: str, index: BM25Index, tokens: list[list[str]], tokenizer: Tokenizer) -> None:
    reference = BM25Okapi(tokens)
    q = _query_tokens(tokenizer, query)
    ours, theirs = index.get_scores(q), reference.get_scores(q)
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-6)
    if query != "不存在的词汇":
        assert (theirs > 0).sum() > 0


def test_idf_and_its_floor_equal_rank_bm25(index: BM25Index, tokens: list[list[str]]) -> None:
    reference = BM25Okapi(tokens)
    index.get_scores([])
    assert index.avgdl == pytest.approx(reference.avgdl, abs=1e-12)
    assert index.average_idf == pytest.approx(reference.average_idf, abs=1e-9)
    ours = {t: index.idf[i] for t, i in index.vocab.items()}
    assert ours.keys() == reference.idf.keys()
    for term, value in reference.idf.items():
        assert ours[term] == pytest.approx(value, abs=1e-9), term
    # the boilerplate terms of these reports sit in more than half of the passages: floored
    n = len(tokens)
    floored = [t for t, i in index.vocab.items() if index.df[i] > n / 2]
    assert {"公开", "信息", "政府"} <= set(floored)
    for t in floored:
        assert ours[t] == pytest.approx(0.25 * reference.average_idf, abs=1e-9)


def test_other_parameters_also_match(
    passages: list[IndexedPassage], tokens: list[list[str]], tokenizer: Tokenizer
) -> None:
    params = BM25Params(k1=1.2, b=0.5, epsilon=0.1)
    idx = BM25Index(tokenizer, params)
    idx.add(passages)
    reference = BM25Okapi(tokens, k1=1.2, b=0.5, epsilon=0.1)
    for query in QUERIES[:6]:
        q = _query_tokens(tokenizer, query)
        np.testing.assert_allclose(idx.get_scores(q), reference.get_scores(q), rtol=0, atol=1e-6)


@pytest.mark.parametrize("query", ["依申请公开 答复 超期", "政府信息公开", "行政复议 纠正", "公开"])
def test_top_k_is_rank_bm25s_ranking(
    query: str, index: BM25Index, tokens: list[list[str]], tokenizer: Tokenizer
) -> None:
    reference = BM25Okapi(tokens)
    q = _query_tokens(tokenizer, query)
    theirs = reference.get_scores(q)
    top = index.top_k(q, 10)
    assert len(top) == 10
    assert [s for _, s in top] == pytest.approx(sorted(theirs, reverse=True)[:10], abs=1e-6)
    for i, s in top:
        assert theirs[i] == pytest.approx(s, abs=1e-6)
    assert [s for _, s in top] == sorted((s for _, s in top), reverse=True)


def test_ranking_behaves_on_boilerplate_terms(
    index: BM25Index, passages: list[IndexedPassage], tokenizer: Tokenizer
) -> None:
    # 政府信息公开 is in most passages: it must not drown the specific term of the query
    for specific in ("行政复议", "信息处理费", "政策解读"):
        q = tokenizer.query_tokens(f"政府信息公开 {specific}", index.vocab)
        with_term = sum(specific in p.text for p in passages)
        assert with_term >= 5
        top = index.top_k(q, 5)
        assert all(specific in passages[i].text for i, _ in top), specific
    # a boilerplate-only query still ranks passages that have it above those that do not
    q = tokenizer.query_tokens("政府信息公开", index.vocab)
    top = index.top_k(q, 20)
    assert len(top) == 20 and all("政府信息公开" in passages[i].text for i, _ in top)


def test_incremental_adds_and_removals_match_a_fresh_reference(
    passages: list[IndexedPassage], tokenizer: Tokenizer
) -> None:
    reports = sorted({p.report_id for p in passages})
    idx = BM25Index(tokenizer)
    for rid in reports:  # one report at a time
        idx.add([p for p in passages if p.report_id == rid])
    dropped = reports[::3]
    idx.remove(dropped)
    kept = list(idx.iter_passages())
    assert {p.report_id for p in kept} == set(reports) - set(dropped)
    reference = BM25Okapi([tokenizer.tokens(p.text) for p in kept])
    assert len(idx.terms) == len(reference.idf)  # vocabulary compacted to what is left
    for query in QUERIES[:8]:
        q = _query_tokens(tokenizer, query)
        np.testing.assert_allclose(idx.get_scores(q), reference.get_scores(q), rtol=0, atol=1e-6)


def test_parallel_build_equals_serial_build(
    passages: list[IndexedPassage], index: BM25Index, tokenizer: Tokenizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "PARALLEL_MIN_PASSAGES", 0)
    parallel = BM25Index(tokenizer)
    parallel.add(passages, workers=2)
    assert parallel.terms == index.terms
    assert (parallel._counts != index._counts).nnz == 0
    for query in QUERIES[:4]:
        q = _query_tokens(tokenizer, query)
        np.testing.assert_array_equal(parallel.get_scores(q), index.get_scores(q))


def test_the_compiled_top_k_is_built() -> None:
    """The install compiles the C top k (a compiler is part of the set-up); without it numpy answers alike."""
    assert index_module._topk is not None


@pytest.mark.parametrize("engine", ["compiled", "numpy"])
def test_top_k_equals_a_full_sort_with_and_without_masks(
    engine: str,
    index: BM25Index,
    tokens: list[list[str]],
    passages: list[IndexedPassage],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if engine == "numpy":
        monkeypatch.setattr(index_module, "_topk", None)
    reference = BM25Okapi(tokens)
    rng = np.random.default_rng(7)
    words = [t for t in index.terms if len(t) >= 2]
    masks = [None, np.array([p.year is not None and p.year >= 2020 for p in passages]), rng.random(len(passages)) < 0.1]
    checked = 0
    for _ in range(150):
        q = list(rng.choice(words, size=int(rng.integers(1, 8))))  # up to 7 terms, a word's parts among them
        theirs, ours = reference.get_scores(q), index.get_scores(q)
        for mask in masks:
            for k in (1, 10, 60):
                s = ours if mask is None else ours * mask
                want = sorted(np.flatnonzero(s), key=lambda i: (-s[i], i))[:k]  # ties: passage order
                got = index.top_k(q, k, mask)
                assert [i for i, _ in got] == want
                assert [v for _, v in got] == [s[i] for i in want]  # the very floats of the full sum
                assert [v for _, v in got] == pytest.approx([theirs[i] for i in want], abs=1e-6)
                checked += 1
    assert checked == 150 * 3 * 3


def test_each_query_path_gives_the_full_sorts_top_k(index: BM25Index) -> None:
    """Rare terms only, a frequent term with rarer ones, frequent terms only, with and without a mask:
    both pruned paths (MaxScore, block bounds) are taken and every answer agrees with a full sort."""
    index.get_scores([])
    frequent = [index.terms[t] for t in index.dense_terms[:3]]
    rare = [t for t, i in index.vocab.items() if 3 <= index.df[i] <= 20 and len(t) >= 2][:20]
    assert len(frequent) == 3 and len(rare) == 20
    queries = [[r] for r in rare] + [[f, r] for f in frequent for r in rare] + [frequent[:2], frequent]
    masks = [None, np.random.default_rng(3).random(len(index)) < 0.5]
    pruned = {"_top_k_pruned": 0, "_top_k_blocks": 0}
    for q in queries:
        for mask in masks:
            s = index.get_scores(q) * (1 if mask is None else mask)
            want = sorted(np.flatnonzero(s), key=lambda i: (-s[i], i))[:10]
            assert [i for i, _ in index.top_k(q, 10, mask)] == want, q
            weights = index._ordered(index.term_weights(q))
            for path in (index._top_k_pruned, index._top_k_blocks):
                top = path(weights, 10, mask)
                if top is not None:
                    pruned[path.__name__] += len(q) > 1
                    assert [i for i, _ in top] == want and [v for _, v in top] == [s[i] for i in want]
    # of 124 queries of several terms: the frequent terms' maxima are below most rare terms' top scores,
    # and the block bounds leave few blocks to score
    assert pruned["_top_k_pruned"] >= 20 and pruned["_top_k_blocks"] >= 60


def test_top_k_on_a_larger_index_of_repeated_reports(passages: list[IndexedPassage], tokenizer: Tokenizer) -> None:
    """Copies of the reports, at least 8,192 passages (each score comes a dozen times or more, so ties
    abound): blocks of several passages, a rarest term walked first, the frequent terms looked up; every
    answer is the full sort's, ties in passage order, with and without a mask."""
    times = max(12, -(-8192 // len(passages)))
    copies = [
        IndexedPassage(**{**p.__dict__, "report_id": f"{p.report_id}#{c}"}) for c in range(times) for p in passages
    ]
    big = BM25Index(tokenizer)
    big.add(copies, workers=1)
    assert big._shift >= 1
    rng = np.random.default_rng(11)
    words = [t for t in big.terms if len(t) >= 2]
    queries = [_query_tokens(tokenizer, q) for q in QUERIES] + [
        list(rng.choice(words, size=int(rng.integers(2, 10)))) for _ in range(40)
    ]
    masks = [None, rng.random(len(big)) < 0.3]
    for q in queries:
        for mask in masks:
            s = big.get_scores(q) * (1 if mask is None else mask)
            for k in (1, 10, 25):
                want = sorted(np.flatnonzero(s), key=lambda i: (-s[i], i))[:k]
                got = big.top_k(q, k, mask)
                assert [i for i, _ in got] == want, q
                assert [v for _, v in got] == [s[i] for i in want]

"""How relevant the search is, on the blind judged queries (tests/blind/search_*.json): nDCG@10, recall@10.

A judged item is a file, a quote and a grade (2 relevant, 1 partly). A hit finds an item when the hit's
report is that file or a copy of the same agency-year (see :mod:`assistant.domain.canonical`) and the
quote, without whitespace, is inside the hit's passage or the text the hit points at (a table-row hit
points at the printed row). Items of several copies of one agency-year with the same quote are one
item. Each item is credited to the first hit that finds it; a hit earns the best grade it finds.

Three engines answer the same queries over the same passages, filters and distinct copies:

* ``ours``: :class:`~assistant.search.searcher.Searcher`;
* ``bm25s``: bm25s (BM25, Lucene's idf) over the same jieba tokens, queried with our query terms;
* ``bigram``: BM25 over overlapping character bigrams of the Chinese text, other words whole and lower
  case (how Lucene's CJKAnalyzer indexes), queried with the same normalised query (Traditional ->
  Simplified, English -> Chinese) cut the same way.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.domain.canonical import Copy
from assistant.domain.record import IndexedPassage
from assistant.search.searcher import Filters, Searcher
from assistant.search.tokenize import normalize_query

K = 10
Engine = Callable[[str, Filters], list[IndexedPassage]]


@dataclass(frozen=True)
class Item:
    key: tuple  # the agency-year (or the file) it belongs to
    quote: str  # without whitespace, NFKC, lower case
    grade: int


@dataclass(frozen=True)
class Query:
    id: str
    query: str
    filters: Filters
    items: tuple[Item, ...]


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def load_queries(path: Path, copies: Iterable[Copy]) -> list[Query]:
    """The judged queries of one file, their items merged across copies of one agency-year."""
    key_of = {c.id: c.key() for c in copies}
    out = []
    for q in json.loads(Path(path).read_text(encoding="utf-8")):
        merged: dict[tuple, int] = {}
        for r in q["relevant"]:
            k = (key_of.get(r["file"], (r["file"],)), _plain(r["quote"]))
            merged[k] = max(merged.get(k, 0), int(r["grade"]))
        f = q.get("filters") or {}
        filters = Filters(f.get("year"), f.get("region"), f.get("agency"), f.get("format"))
        out.append(Query(q["id"], q["query"], filters, tuple(Item(k, quote, g) for (k, quote), g in merged.items())))
    return out


def score_query(
    q: Query, hits: Sequence[IndexedPassage], key_of: dict[str, tuple], texts: dict[str, str]
) -> tuple[float, float]:
    """(nDCG@10, recall@10) of one ranked list."""
    credited: set[int] = set()
    dcg = 0.0
    for rank, h in enumerate(hits[:K]):
        where = _plain(h.text) + "\x00" + _plain(texts.get(h.report_id, "")[h.start : h.end])
        key = key_of.get(h.report_id, (h.report_id,))
        found = [i for i, it in enumerate(q.items) if i not in credited and it.key == key and it.quote in where]
        if found:
            best = max(found, key=lambda i: q.items[i].grade)
            credited.add(best)
            dcg += q.items[best].grade / math.log2(rank + 2)
    ideal = sorted((it.grade for it in q.items), reverse=True)[:K]
    idcg = sum(g / math.log2(r + 2) for r, g in enumerate(ideal))
    return (dcg / idcg if idcg else 0.0), (len(credited) / len(q.items) if q.items else 0.0)


def evaluate(engine: Engine, queries: Sequence[Query], key_of: dict[str, tuple], texts: dict[str, str]) -> dict:
    """Mean nDCG@10 and recall@10 of an engine over the queries."""
    scores = [score_query(q, engine(q.query, q.filters), key_of, texts) for q in queries]
    return {
        "queries": len(scores),
        "ndcg@10": float(np.mean([s[0] for s in scores])) if scores else 0.0,
        "recall@10": float(np.mean([s[1] for s in scores])) if scores else 0.0,
    }


# ---------------------------------------------------------------- the engines
def ours(searcher: Searcher) -> Engine:
    return lambda query, filters: list(searcher.run(query, filters, k=K, facets=False).hits)


_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:\.[0-9]+)?")


def bigrams(text: str) -> list[str]:
    """Lucene CJKAnalyzer's tokens: overlapping bigrams of each run of Chinese characters (a lone
    character stays a unigram), other words whole, lower case."""
    out: list[str] = []
    for m in _CJK_RUN.finditer(unicodedata.normalize("NFKC", text).lower()):
        run = m.group()
        if not ("\u3400" <= run[0] <= "\ufaff"):
            out.append(run)
        elif len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


class Baseline:
    """bm25s over some tokenisation of the searcher's passages, with the searcher's filters and copies."""

    def __init__(self, searcher: Searcher, doc_tokens: Callable[[str], list[str]], query_tokens: Callable[[str], list]):
        import bm25s

        self.searcher = searcher
        self.passages = list(searcher.index.iter_passages())
        self.query_tokens = query_tokens
        self.vocab: dict[str, int] = {}
        ids = [[self.vocab.setdefault(t, len(self.vocab)) for t in doc_tokens(p.text)] for p in self.passages]
        self.retriever = bm25s.BM25()
        self.retriever.index(bm25s.tokenization.Tokenized(ids, self.vocab), show_progress=False)

    def __call__(self, query: str, filters: Filters) -> list[IndexedPassage]:
        ids = [self.vocab[t] for t in self.query_tokens(query) if t in self.vocab]
        if not ids:
            return []
        scores = self.retriever.get_scores(ids)
        mask = self.searcher.mask(filters.year, filters.region, filters.agency, not filters.format, filters.format)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        order = np.lexsort((np.arange(len(scores)), -scores))
        return [self.passages[i] for i in order[:K] if scores[i] > 0]


def bm25s_jieba(searcher: Searcher) -> Engine:
    return Baseline(searcher, searcher.index.tokenizer.tokens, searcher.query_terms)


def bigram_bm25(searcher: Searcher) -> Engine:
    return Baseline(searcher, bigrams, lambda q: bigrams(normalize_query(q)))

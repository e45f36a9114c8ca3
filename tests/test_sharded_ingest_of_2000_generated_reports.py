"""2,000 generated reports ingested on a 2-worker LocalCluster hold, report by report, what one machine
holds, and their summaries on the cluster are the same bytes as on one machine.

The one-machine store is the one ``assistant generate --store`` writes: each generated file as one machine's
parser read it back (the generator checks that it reads back as written), so the reports are parsed once
for the reference and once on the cluster."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from assistant.cluster.ingest import ingest_sharded
from assistant.cluster.layout import shard_of, shards
from assistant.cluster.summaries import on_cluster, sharded_jobs
from assistant.extract.report import PARSER_VERSION
from assistant.generate import generate
from assistant.store.database import Store
from assistant.summarize.batch import Job, run_batch

COUNT = 2000
SHARDS = 4

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpora(tmp_path_factory, dask_client):
    """(one machine's store, the shards folder) of the same 2,000 generated files."""
    tmp = tmp_path_factory.mktemp("generated").resolve()
    one = Store(tmp / "one.sqlite")
    batch = []
    for g in generate(CORPUS, COUNT, tmp / "files", seed=3):
        batch.append(g.report)
        if len(batch) == 200:
            one.add_all(batch, PARSER_VERSION)
            batch = []
    one.add_all(batch, PARSER_VERSION)
    root = tmp / "shards"
    summary = ingest_sharded([tmp / "files"], root, dask_client, SHARDS, progress=False)
    assert not summary.failed, summary.failed[:3]
    return one, root


def test_every_generated_report_is_stored_once_in_its_shard_as_one_machine_stores_it(corpora):
    one, root = corpora
    expected = one.reports_without_text()
    assert len(expected) == COUNT
    seen = set()
    for shard in shards(root, SHARDS):
        store = Store(shard.store)
        held = store.reports_without_text()
        for report_id, report in held.items():
            assert shard_of(report_id, SHARDS) == shard.number
            assert report_id not in seen
            seen.add(report_id)
            want = expected[report_id]
            for key in ("agency", "region", "year", "layout", "format", "source_file", "sha256"):
                assert getattr(report, key) == getattr(want, key), (report_id, key)
            assert list(report.figures.items()) == list(want.figures.items()), report_id
            assert report.narrative_facts == want.narrative_facts, report_id
            assert report.warnings == want.warnings, report_id
        assert store.counts()["passages"] == sum(len(one.passages(i)) for i in held)
    assert seen == set(expected)


def test_summaries_of_the_generated_corpus_on_the_cluster_are_the_same_bytes(corpora, dask_client, tmp_path):
    one, root = corpora
    jobs = [Job(r["id"], "en", "md", store=str(one.path)) for r in one.reports()]
    here = run_batch(jobs, tmp_path / "one", "md", progress=False)
    cluster_jobs, failures = sharded_jobs(root, "en", "md")
    there = run_batch(
        cluster_jobs, tmp_path / "many", "md", progress=False, failures=failures, run=on_cluster(dask_client)
    )
    assert len(here.written) == COUNT and not here.failed and not there.failed
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert sorted(p.name for p in (tmp_path / "many").iterdir()) == names
    for name in names:
        assert (tmp_path / "many" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name

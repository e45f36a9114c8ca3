"""Reports generated from the real ones ingest, hold every identity of their tables, and read back with
exactly the figures, agency and year the generator wrote; the same seed makes the same files."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.domain import schema
from assistant.extract.report import parse_file
from assistant.generate import generate
from assistant.generate.core import templates
from assistant.store.database import Store
from assistant.store.ingest import ingest

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> list:
    found = templates(CORPUS)
    out = tmp_path_factory.mktemp("generated")
    return list(generate(found, 2 * len(found), out, seed=11))


def test_every_format_of_the_templates_is_written(made):
    assert {g.path.suffix for g in made} == {".txt", ".md", ".html"}


def test_generated_reports_ingest_with_the_figures_written(made, tmp_path):
    store = Store(tmp_path / "generated.sqlite")
    summary = ingest([made[0].path.parent], store, progress=False)
    assert not summary.failed and len(summary.added) == len(made)
    for g in made:
        stored = store.report(g.path.name)
        assert stored.agency == g.agency and stored.year == g.year and stored.region == g.region
        assert {a: f.value for a, f in stored.figures.items() if a in g.figures} == g.figures
        assert not any(f.uncertain for f in stored.figures.values())


def test_every_identity_holds_in_what_is_read(made):
    for g in made:
        report = parse_file(g.path)
        values = {a: f.value for a, f in report.figures.items()}
        for table in schema.LAYOUTS[report.layout].tables:
            assert all(i.holds(values) for i in table.identities), g.path.name
        assert not [w for w in report.warnings if w.kind == "identity"], g.path.name


def test_figures_vary_from_their_template(made):
    by_template: dict[str, list] = {}
    for g in made:
        by_template.setdefault(g.template, []).append(g)
    for pair in by_template.values():
        first, second = pair[0], pair[1]
        assert first.figures != second.figures
        assert (first.agency, first.year) != (second.agency, second.year)


def test_the_prose_states_the_new_figures_and_names(made):
    agencies = {t.path.name: t.report.agency for t in templates(CORPUS)}
    checked = 0
    for g in made:
        report = parse_file(g.path)
        assert all(c.agrees for c in report.narrative_checks), g.path.name
        assert agencies[g.template] not in report.text, g.path.name
        checked += len(report.narrative_checks)
    assert checked >= len(made)  # the templates' prose states the table's figures, and still does


def test_the_same_seed_makes_the_same_files(tmp_path):
    found = templates(CORPUS)[:3]
    first = [g.path.read_bytes() for g in generate(found, 3, tmp_path / "a", seed=5, check=False)]
    again = [g.path.read_bytes() for g in generate(found, 3, tmp_path / "b", seed=5, check=False)]
    other = [g.path.read_bytes() for g in generate(found, 3, tmp_path / "c", seed=6, check=False)]
    assert first == again and first != other

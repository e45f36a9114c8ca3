"""Search hits, pickers and counts show each agency-year once, naming the report's other formats; a
format filter searches the copies in one format; identical passages of copies come out as one hit."""

from __future__ import annotations

import pytest

from assistant.domain.names import agency_key
from assistant.search.searcher import Filters, Searcher, store_corpus
from assistant.ui.service import Service


@pytest.fixture(scope="module")
def searcher(corpus_store) -> Searcher:
    return store_corpus(corpus_store.path).searcher()


def _agency_year(searcher: Searcher, report_id: str) -> tuple:
    return searcher.copies.keys[report_id]  # the agency-year of the copy (see assistant.domain.canonical)


def test_hits_for_reconsideration_name_each_agency_year_once(searcher: Searcher) -> None:
    hits = searcher.search("行政复议", k=30)
    keys = [(_agency_year(searcher, h.report_id), "".join(h.text.split())) for h in hits]
    assert len(keys) == len(set(keys))  # no passage twice (pingtan-2025.html twice and its .txt were hits 6-8)
    pingtan_2025 = {h.report_id for h in hits if h.year == 2025 and "平潭综合实验区" in h.agency}
    assert len(pingtan_2025) == 1  # one copy of 2025 searched: html, rendered pdf/docx and txt exist


def test_a_hit_lists_the_other_formats_of_its_report(searcher: Searcher) -> None:
    hit = next(h for h in searcher.search("行政复议", k=30) if h.year == 2025 and "平潭" in h.agency)
    # corpus/MANIFEST.tsv: pingtan-2025 is stored as .html, .rendered.pdf, .rendered.docx and .txt
    assert {hit.format, *(o.format for o in hit.also)} == {"html", "pdf", "docx", "txt"}
    assert hit.format == "html" and hit.also_as == "also as PDF · DOCX · TXT"


def test_a_format_filter_searches_the_copies_in_that_format(searcher: Searcher) -> None:
    hits = searcher.search("行政复议", format="docx", k=20)
    assert hits and {h.report_id for h in hits} <= {
        "pingtan-2024.rendered.docx",
        "pingtan-2025.rendered.docx",
        "shuyang-fagaiju-2023.rendered.docx",
    }
    txt = searcher.run("行政复议", Filters(year=2024, format="txt"), k=50).hits
    assert txt and {h.report_id for h in txt} == {"pingtan-2024.txt"}


def test_pickers_and_the_header_count_each_agency_year_once(corpus_store) -> None:
    service = Service(corpus_store.path)
    choices = service.report_choices()
    # MANIFEST.tsv: 23 report files, 15 agency-years (14 reports and the seed report)
    assert len(choices) == 15
    pingtan_2024 = [label for label, _ in choices if "平潭综合实验区2024年度" in label]
    assert len(pingtan_2024) == 1 and pingtan_2024[0].endswith("also as PDF · DOCX · TXT")
    assert len({(agency_key(r["agency"]), r["year"]) for r in service.counted_reports()}) == 15
    assert "15 份报告 reports" in service.header_html()

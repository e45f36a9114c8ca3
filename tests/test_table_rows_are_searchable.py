"""Each table row is indexed as a sentence naming its table, row, columns and values, and a hit on it
cites the table cell; section headings are indexed with their section."""

from __future__ import annotations

import pytest

from assistant.search.searcher import Searcher, store_corpus


@pytest.fixture(scope="module")
def searcher(corpus_store) -> Searcher:
    return store_corpus(corpus_store.path).searcher()


def test_shuyang_reconsideration_table_is_found(searcher: Searcher) -> None:
    hits = searcher.search("行政复议", agency="沭阳县发展和改革局", k=10)  # gave 0 hits
    rows = [h for h in hits if h.kind == "table_row" and h.address == "appeals.review"]
    assert rows
    # corpus/README.md: table 4 is all 0 except 行政复议 尚未审结 1, 总计 1
    assert "行政复议 结果维持 0 结果纠正 0 其他结果 0 尚未审结 1 总计 1" in rows[0].text
    assert rows[0].text.startswith("2023 沭阳县发展和改革局 ")
    assert rows[0].cell == "appeals.review.total"


def test_a_column_named_in_the_query_is_the_cited_cell(searcher: Searcher) -> None:
    hit = next(h for h in searcher.search("行政复议 尚未审结", agency="沭阳", k=10) if h.kind == "table_row")
    assert hit.cell == "appeals.review.pending"


def test_pingtan_2025_reconsideration_row_reads_like_a_sentence(searcher: Searcher) -> None:
    hits = searcher.search("行政复议 结果维持", year=2025, agency="平潭综合实验区管委会", k=10)
    row = next(h for h in hits if h.address == "appeals.review")
    # corpus/README.md: pingtan-2025 table 4 行政复议 25/3/8/0/36
    assert row.text.startswith("2025 平潭综合实验区管委会 ")
    assert row.text.endswith("行政复议 结果维持 25 结果纠正 3 其他结果 8 尚未审结 0 总计 36")
    assert row.section == "appeals"


def test_glued_crawler_rows_are_read_as_their_figures(searcher: Searcher) -> None:
    hits = searcher.search("本年新收政府信息公开申请数量", year=2024, format="txt", k=10)
    row = next(h for h in hits if h.address == "requests.new_received")
    # corpus/README.md: 一、本年新收政府信息公开申请数量21710000218 means 217,1,0,0,0,0,218
    assert "自然人 217 商业企业 1 科研机构 0 社会公益组织 0 法律服务机构 0 其他 0 总计 218" in row.text


def test_section_headings_are_passages_of_their_section(searcher: Searcher) -> None:
    hits = searcher.search("行政复议 行政诉讼情况", agency="沭阳", k=10)
    heading = next(h for h in hits if h.kind == "heading")
    assert heading.text == "四、政府信息公开行政复议、行政诉讼情况" and heading.section == "appeals"

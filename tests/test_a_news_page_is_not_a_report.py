"""A text with no section headings, no statistics table and no report year is refused, even when it
names 政府信息公开年度报告; the reports of the corpus, old and new, are all accepted."""

from __future__ import annotations

import csv

import pytest
from conftest import CORPUS

from assistant.extract.report import parse_file
from assistant.read import IngestError

NEWS = """区政务公开办召开政府信息公开年度报告编制工作推进会
发布时间：3月15日 来源：区政务公开办
3月14日下午，区政务公开办召开政府信息公开年度报告编制工作推进会，各街道、区直各部门分管负责同志及政务公开工作人员参加会议。
会议传达了上级关于做好政府信息公开工作年度报告编制和发布工作的通知精神，解读了年度报告格式要求，并就报告中常见的数据填报错误逐项进行了讲解。
会议要求，各单位要高度重视年度报告编制工作，严格按照规定时限完成报告的起草、审核和发布，确保数据准确、内容完整、格式规范。
会议强调，要以年度报告编制为契机，认真梳理全年政务公开工作，总结经验做法，查找问题不足，推动全区政务公开工作再上新台阶。
"""


def test_a_news_page_about_the_reports_is_refused_with_one_clear_line(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(NEWS, encoding="utf-8")
    with pytest.raises(IngestError) as err:
        parse_file(path)
    assert str(path) in str(err.value) and "not an annual report" in str(err.value)


def _corpus_reports() -> list[str]:
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as fh:
        return [r["file"] for r in csv.DictReader(fh, delimiter="\t") if r["year"]]


@pytest.mark.parametrize("name", _corpus_reports())
def test_every_report_of_the_corpus_is_accepted(name):
    assert parse_file(CORPUS / name).year is not None

"""A report before 2019 has no standard tables: the summary says so, invents no figures, and summarizes
its narrative (counts, themes, key sentences)."""

from __future__ import annotations

from conftest import CORPUS

from assistant.extract.report import parse_file
from assistant.summarize.core import summarize


def test_pre_2019_summary_says_there_are_no_standard_tables():
    s = summarize(parse_file(CORPUS / "pingtan-2015.txt"), "en")
    assert s.facts["standard_tables"] is False and s.facts["requests"] is None and s.facts["appeals"] is None
    assert s.facts["proactive"] == {}
    assert "predates the standard statistical tables" in s.paragraph("requests").text
    assert "received" not in s.text.lower().split("predates")[0]
    assert s.paragraph("arithmetic") is None and s.paragraph("appeals") is None
    assert s.agency_english == "Pingtan Comprehensive Experimental Zone Administrative Committee"


def test_pre_2019_summary_covers_the_narrative():
    s = summarize(parse_file(CORPUS / "pingtan-county-2011.txt"), "en")
    assert s.agency_english == "Pingtan County People's Government"
    counts = s.facts["narrative_counts"]
    assert counts and all(c["value"] > 0 for c in counts)
    assert s.paragraph("themes").sentences
    assert 2 <= len(s.key_sentences) <= 3
    zh = summarize(parse_file(CORPUS / "pingtan-county-2011.txt"), "zh")
    assert "未给出标准数据" in zh.text


def test_chinese_numerals_in_the_narrative_are_read_as_numbers():
    report = parse_file(CORPUS / "pingtan-2015.txt")
    assert "2015年主动公开政府信息2949条" in report.text
    report.text = report.text.replace("2015年主动公开政府信息2949条", "2015年主动公开政府信息二十三条")
    for p in report.passages:
        p.text = p.text.replace("2015年主动公开政府信息2949条", "2015年主动公开政府信息二十三条")
    s = summarize(report, "en")
    first = s.facts["narrative_counts"][0]
    assert first["value"] == 23 and first["subject"] == "proactive disclosure of government information"
    assert "proactive disclosure of government information: 23 items" in s.paragraph("counts").text

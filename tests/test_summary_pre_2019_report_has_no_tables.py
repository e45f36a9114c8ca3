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
    counts = s.facts["narrative_facts"]
    assert counts and all(c["value"] > 0 for c in counts)
    assert s.paragraph("work").sentences
    assert 2 <= len(s.key_sentences) <= 3
    zh = summarize(parse_file(CORPUS / "pingtan-county-2011.txt"), "zh")
    assert "未给出标准数据" in zh.text


def test_chinese_numerals_in_the_narrative_are_read_as_numbers(tmp_path):
    text = (CORPUS / "pingtan-2015.txt").read_text(encoding="utf-8")
    assert "2015年主动公开政府信息2949条" in text
    copy = tmp_path / "pingtan-2015.txt"
    copy.write_text(text.replace("2015年主动公开政府信息2949条", "2015年主动公开政府信息二十三条"), encoding="utf-8")
    s = summarize(parse_file(copy), "en")
    assert any(f["value"] == 23 and f["unit"] == "条" for f in s.facts["narrative_facts"])
    assert "It proactively disclosed 23 items of government information." in s.paragraph("work").text

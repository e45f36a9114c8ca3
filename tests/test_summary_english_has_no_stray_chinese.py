"""English prose carries no Chinese characters except inside parentheses or quotation marks."""

from __future__ import annotations

import re

import pytest

from assistant.summarize.core import summarize
from assistant.summarize.render import summary_markdown

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")
QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")
PARENS = re.compile(r"\([^()]*\)")


def stray_chinese(text: str) -> list[str]:
    """Chinese characters left after removing quotations, then parentheses (innermost first)."""
    text = QUOTED.sub("", text)
    while True:
        stripped = PARENS.sub("", text)
        if stripped == text:
            break
        text = stripped
    return CJK.findall(text)


def test_the_checker_finds_stray_chinese():
    assert stray_chinese("It received 3 requests 依申请.") == ["依", "申", "请"]
    assert stray_chinese("It received 3 requests (依申请) “申请”.") == []
    assert stray_chinese("Unbalanced (依申请 text") != []


def test_no_corpus_english_summary_has_stray_chinese(corpus_store):
    reports = corpus_store.reports()
    assert len(reports) >= 20
    for meta in reports:
        s = summarize(corpus_store.report(meta["id"]), "en")
        assert stray_chinese(s.text) == [], meta["id"]
        assert stray_chinese(s.heading) == [], meta["id"]
        for p in s.paragraphs:
            assert stray_chinese(p.heading) == []
        assert stray_chinese(summary_markdown(s)) == [], meta["id"]


@pytest.mark.parametrize("agency", ["六安市某某服务中心", "平潭综合实验区管委会", ""])
def test_unknown_agency_types_keep_their_chinese_in_parentheses(corpus_store, agency):
    report = corpus_store.report("pingtan-2024.txt")
    report.agency = agency
    s = summarize(report, "en")
    assert stray_chinese(s.text) == []

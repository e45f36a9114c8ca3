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


INNER_PARENS = re.compile(r"\(([^()]*)\)")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def unled_chinese(text: str) -> list[str]:
    """Parenthesised Chinese with no English word before it, neither just before the bracket nor inside it
    before the Chinese: '(依申请)' alone, or 'requests: (依申请)'."""
    text = QUOTED.sub("“”", text)
    out = []
    for m in INNER_PARENS.finditer(text):
        inner = m.group(1)
        first = CJK.search(inner)
        if first is None:
            continue
        before = text[: m.start()].rstrip()
        led_outside = bool(re.search(r"[A-Za-z]{2,}[’'.]?$|”$", before))
        if not (led_outside or ENGLISH_WORD.search(inner[: first.start()])):
            out.append(m.group(0))
    return out


def test_the_checker_finds_unled_parenthesised_chinese():
    assert unled_chinese("Lu'an Bureau (六安市局) published it.") == []
    assert unled_chinese("8 items (in its words: “综合执法”).") == []
    assert unled_chinese("terms: (多元化), (定义).") == ["(多元化)", "(定义)"]
    assert unled_chinese("5 (对)") == ["(对)"]


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
        assert unled_chinese(s.text) == [], meta["id"]
        assert "#" not in s.heading and "**" not in s.text, meta["id"]  # no markdown residue in the prose


@pytest.mark.parametrize("agency", ["六安市某某服务中心", "平潭综合实验区管委会", ""])
def test_unknown_agency_types_keep_their_chinese_in_parentheses(corpus_store, agency):
    report = corpus_store.report("pingtan-2024.txt")
    report.agency = agency
    s = summarize(report, "en")
    assert stray_chinese(s.text) == []

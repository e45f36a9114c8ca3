"""One bilingual vocabulary: the search, the Q&A and the summaries read their terms from
assistant.domain.vocabulary, so a place, a field or a term has the same English everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEED

from assistant.answer.measures import match_column, measures
from assistant.answer.read import read
from assistant.answer.scope import ReportRef, aliases
from assistant.domain import schema, vocabulary
from assistant.domain.names import agency_english
from assistant.domain.vocabulary import Kind
from assistant.extract.report import parse_file
from assistant.search.tokenize import Tokenizer, domain_dictionary, normalize_query
from assistant.summarize.terms import english_term, known_terms

ASSISTANT = Path(__file__).resolve().parents[1] / "assistant"


def _ref(agency: str, region: str) -> ReportRef:
    return ReportRef("r1", f"{agency}2020年政府信息公开工作年度报告", agency, region, 2020, "txt", "2019")


def _named(question: str, ref: ReportRef) -> list[ReportRef]:
    """The reports the question reader takes as the question's scope."""
    return list(read(question, "en", [ref]).named)


def test_hongtong_is_the_same_in_the_answers_and_the_summaries() -> None:
    # 洪洞 is read Hóngtóng (洞 tóng in this place name), not hongdong
    ref = _ref("洪洞县人民政府", "山西省临汾市洪洞县")
    assert ("hongtong", 4) in aliases(ref)
    assert "hongdong" not in {a for a, _ in aliases(ref)}
    assert _named("How many requests did Hongtong County receive in 2020?", ref) == [ref]
    assert agency_english("洪洞县人民政府").english == "Hongtong County People's Government"


def test_the_seed_reports_place_is_lu_an_in_the_answers_and_the_summary() -> None:
    report = parse_file(SEED)
    ref = _ref(report.agency, report.region)
    assert _named("How many requests did Lu'an receive?", ref) == [ref]
    assert _named("How many requests did Liuan receive?", ref) == []
    assert agency_english(report.agency).english == "Lu'an Municipal Human Resources and Social Security Bureau"


def test_finance_has_one_english() -> None:
    assert english_term("财政") == "finance"
    assert agency_english("平潭县财政厅").english == "Pingtan County Finance Department"
    english = {t.en.lower() for t in vocabulary.VOCABULARY if t.zh in ("财政", "金融")}
    assert len(english) == 2  # 金融 (financial affairs) is not 财政 (finance)


def test_every_term_has_one_entry() -> None:
    zh = [t.zh for t in vocabulary.VOCABULARY]
    assert len(zh) == len(set(zh))
    abbreviations = [a.short for a in vocabulary.ABBREVIATIONS]
    assert len(abbreviations) == len(set(abbreviations))


def test_the_tokenizer_adds_the_vocabulary_terms_to_its_dictionary() -> None:
    words = set(domain_dictionary())
    assert {t.zh.lower() for t in vocabulary.of_kind(Kind.TERM)} <= words
    assert "信函申请" in Tokenizer().words_of("通过信函申请的有3件")  # a term only the vocabulary lists
    assert "依申请公开" in normalize_query("disclosure on request").split()  # a synonym of the vocabulary


def test_the_summaries_render_the_vocabulary_terms() -> None:
    entries = vocabulary.of_kind(Kind.TERM | Kind.THEME)
    assert set(known_terms()) == {t.zh for t in entries}
    assert english_term("就业") == "employment"  # a theme
    assert english_term("依申请公开") == "disclosure upon request"  # a term of the regime
    assert english_term("人力资源和社会保障") is None  # a field: part of agency names, not of prose


def test_the_answers_read_question_words_from_the_vocabulary() -> None:
    query = read("How many requests were dealt with in 2022?", "en", [])  # "dealt with": vocabulary only
    assert query.parts and query.parts[0].key == "requests.total_handled"
    query = read("How many requests did citizens send?", "en", [])
    assert query.parts
    measure = next(m for m in measures() if m.key == query.parts[0].key)
    column = match_column("有多少公民申请", measure, tuple(c.id for c in schema.APPLICANTS))
    assert column.ids == ("individual",)  # 公民: vocabulary only


def test_question_words_do_not_repeat_the_schemas_names() -> None:
    columns = {c.id: c for lay in schema.LAYOUTS.values() for t in lay.tables for r in t.rows for c in r.columns}
    rows = {f"{t.id}.{r.id}": r for lay in schema.LAYOUTS.values() for t in lay.tables for r in t.rows}
    for key, words in vocabulary.FIGURE_WORDS.items():
        if key.startswith("column.") and key != "column.organisations":
            own = {*columns[key.removeprefix("column.")].synonyms}
        elif key in rows:
            own = {*rows[key].synonyms, rows[key].english, *rows[key].keys}
        else:
            continue
        assert not own & set(words), key


@pytest.mark.parametrize("path", sorted(p for p in ASSISTANT.rglob("*.py") if p.name != "vocabulary.py"))
def test_no_other_module_keeps_its_own_term_table(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    for term in vocabulary.VOCABULARY:
        assert not re.search(rf"""["']{re.escape(term.zh)}["']\s*:\s*\(?["'][A-Za-z]""", source), (path, term.zh)

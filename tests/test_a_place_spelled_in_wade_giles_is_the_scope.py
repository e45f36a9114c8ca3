"""A place named in Wade-Giles, the romanisation of older English writing, is read as the place. The
spellings below are the standard Wade-Giles forms (without aspiration marks, as people type them);
huaian-hongze-2024.pdf 表二 行政许可 本年处理决定数量 9487 (tests/expected/huaian-hongze-2024.pdf.json), and 表四
行政复议 总计 2 there against 7 in pingtan-2024.html."""

from __future__ import annotations

from assistant.answer import ask
from assistant.domain.names import place_wade_giles


def test_place_names_are_spelled_as_wade_giles_spells_them():
    spelled = {
        "北京": "pei-ching",
        "广州": "kuang-chou",
        "重庆": "chung-ching",
        "西安": "hsi-an",
        "成都": "cheng-tu",
        "河北": "ho-pei",
        "贵州": "kuei-chou",
        "洛阳": "lo-yang",
        "天津": "tien-chin",
        "哈尔滨": "ha-erh-pin",
        "洪泽": "hung-tse",
    }
    assert {zh: place_wade_giles(zh) for zh in spelled} == spelled


def test_a_district_named_in_wade_giles_is_the_report_asked_about(corpus_store):
    for question in (
        "Hung-tse District, 2024: what number of licensing decisions were made?",
        "In Hungtse in 2024 how many administrative licensing decisions were there?",
    ):
        answer = ask(question, store=corpus_store)
        assert answer.kind == "figure" and answer.value == 9487, answer.answer
        assert "洪泽" in answer.citations[0].title


def test_wade_giles_and_pinyin_names_compare_two_agencies(corpus_store):
    answer = ask("How many fewer reconsideration cases did Hung-tse have than Pingtan in 2024?", store=corpus_store)
    assert answer.value == 5 and len(answer.citations) == 2, answer.answer

"""A year that names the edition of the standard tables ("the 2021 format", 2021年版格式) keeps the reports of
that layout, not the reports of that year, and "the two with the most" ranks two of them. Read by hand: 第二十条
第（八）项 行政事业性收费 (万元) is 0 in shanghai-stcsm-2024.md, shuyang-fagaiju-2023.html and
000_782cdb5e9cbe54e2.txt (六安市人社局 2023), 24252.311082 in pingtan-2021.txt, 18651.06 in pingtan-2024, 4166.241619
in pingtan-2025 and 7545 in huaian-hongze-2024.pdf; 表三 一、本年新收 总计: pingtan-2024 218, pingtan-2025 154,
huaian-hongze-2024 95, pingtan-2021 70."""

from __future__ import annotations

from assistant.answer import ask

ZERO_FEES = {("上海市科学技术委员会", 2024), ("沭阳县发展和改革局", 2023), ("六安市人力资源和社会保障局", 2023)}


def _cited(answer, store) -> list[tuple[str, int]]:
    out = []
    for c in answer.citations:
        r = store.report(c.report_id)
        if (r.agency, r.year) not in out:
            out.append((r.agency, r.year))
    return out


def test_the_edition_of_the_tables_restricts_a_list_to_its_reports(corpus_store):
    for question in (
        "Of the reports in the 2021 format, which recorded no administrative fee income at all?",
        "用2021年版格式写的年报里，哪些的行政事业性收费是零？",
    ):
        answer = ask(question, store=corpus_store)
        assert set(_cited(answer, corpus_store)) == ZERO_FEES, (question, answer.answer)
        assert "2021" in answer.answer  # it says which reports it counted


def test_the_two_with_the_most_among_one_edition(corpus_store):
    for question in (
        "Among reports using the 2021 standard tables, which two received the most new requests?",
        "采用2021年新格式的年报中，新收申请最多的两份是哪两份？",
    ):
        answer = ask(question, store=corpus_store)
        assert _cited(answer, corpus_store)[:2] == [("平潭综合实验区管委会", 2024), ("平潭综合实验区管委会", 2025)]
        assert len(_cited(answer, corpus_store)) == 2, (question, answer.answer)

"""Questions in Chinese and English get the exact figure with its citation, or plainly "not given"."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import SEED

from assistant.answer import ask
from assistant.answer.language import detect
from assistant.extract.report import parse_file


def test_seed_carried_forward_in_english(corpus_store):
    a = ask("How many applications were carried forward?", report_id=SEED.name, store=corpus_store)
    assert (a.kind, a.value, a.language) == ("figure", 1, "en")
    cite = a.citations[0]
    assert "结转下年度继续办理" in cite.label and "总计" in cite.label
    assert cite.location.startswith("line ") and cite.text.startswith("四、结转下年度继续办理")
    assert cite.title == "六安市人力资源和社会保障局2023年政府信息公开工作年度报告"


def test_seed_carried_over_in_chinese(corpus_store):
    a = ask("上年结转政府信息公开申请数量是多少？", report_id=SEED.name, store=corpus_store)
    assert (a.kind, a.value, a.language) == ("figure", 0, "zh")
    assert "上年结转" in a.answer and a.citations[0].location.startswith("第")


def test_missing_figure_is_not_zero(corpus_store):
    a = ask("How many administrative reconsideration cases?", report_id=SEED.name, store=corpus_store)
    assert a.kind == "not_found" and a.value is None
    assert "does not give" in a.answer and "carries no figures" in a.answer


def test_a_report_before_2019_has_no_standard_figures(corpus_store):
    a = ask("How many requests were carried forward?", report_id="pingtan-2016.txt", store=corpus_store)
    assert a.kind == "not_found" and a.value is None and "predates the standard" in a.answer


def test_ambiguity_between_carried_forward_and_carried_over_is_stated(corpus_store):
    a = ask("How many applications were carried forward?", report_id=SEED.name, store=corpus_store)
    assert "carried over from last year" in a.answer and "is 0" in a.answer


def test_a_question_naming_no_report_gets_each_reports_figure_not_a_sum(corpus_store):
    a = ask("How many requests were carried forward?", store=corpus_store)
    assert a.kind == "aggregate" and a.value is None and "names no report" in a.answer
    # pingtan-2025.html table 3 四、结转下年度继续办理: 6 (read by hand); each reading can be asked
    assert "(平潭综合实验区管委会, 2025) 6" in a.answer
    assert len(a.suggestions) == 3 and all(s.question.endswith("?") for s in a.suggestions)


def test_applicant_column_question(corpus_store):
    a = ask("How many requests did individuals make?", report_id="pingtan-2025.html", store=corpus_store)
    assert a.value == 151 and "自然人" in a.citations[0].label
    b = ask("企业提交了多少申请？", report_id="pingtan-2025.html", store=corpus_store)
    assert b.value == 3 and "商业企业" in b.citations[0].label


def test_refusal_reason_in_chinese(corpus_store):
    a = ask("有多少申请因为本机关不掌握相关政府信息而无法提供？", report_id="pingtan-2025.html", store=corpus_store)
    assert a.value == 50 and "本机关不掌握相关政府信息" in a.citations[0].label


def test_which_agency_received_most_in_a_year(corpus_store):
    a = ask("Which bureau received the most requests in 2023?", store=corpus_store)
    assert a.kind == "aggregate" and a.value == 26
    assert "沭阳县发展和改革局" in a.answer
    # the runner-up and its figure: 六安市人社局 2023, 本年新收政府信息公开申请数量 总计 3
    assert (
        "Next: Lu'an Municipal Human Resources and Social Security Bureau (六安市人力资源和社会保障局, 2023) 3."
        in a.answer
    )
    assert [c.report_id for c in a.citations] == ["shuyang-fagaiju-2023.html", "000_782cdb5e9cbe54e2.txt"]


def test_change_between_years_for_one_agency(corpus_store):
    a = ask("How did requests received by Pingtan change from 2024 to 2025?", store=corpus_store)
    assert a.kind == "aggregate" and a.value == -64 and "218" in a.answer and "154" in a.answer


def test_share_of_requests_granted(corpus_store):
    a = ask("What share of requests were granted in full?", report_id="pingtan-2025.html", store=corpus_store)
    assert a.value == 22.3 and "33" in a.answer and "148" in a.answer


def test_lawsuits_lost(corpus_store):
    a = ask("Did the government lose any lawsuits?", report_id="pingtan-2025.html", store=corpus_store)
    assert a.value == 3 and a.answer.startswith("Yes")


def test_passage_fallback_picks_the_answering_sentence_and_glosses_it(corpus_store):
    a = ask("How does the bureau handle applications?", report_id=SEED.name, store=corpus_store)
    assert a.kind == "passage" and a.citations
    assert "disclosure upon request (依申请公开)" in a.answer
    c = a.citations[0]
    assert c.report_id == SEED.name and c.start is not None and c.end > c.start


def test_passage_question_in_chinese(corpus_store):
    a = ask("视频解读", report_id=SEED.name, store=corpus_store)
    assert a.kind == "passage" and "视频解读" in a.answer


def test_question_about_a_file_not_in_the_corpus(corpus_store, tmp_path):
    path = tmp_path / "copy.txt"
    path.write_text(SEED.read_text(encoding="utf-8").replace("行政许可\t135", "行政许可\t136"), encoding="utf-8")
    report = parse_file(path)
    assert ask("How many licensing decisions?", report=report, store=corpus_store).value == 136
    assert ask("视频解读", report=report, store=corpus_store).kind == "passage"
    assert corpus_store.report("copy.txt") is None  # asking never adds to the corpus


def test_language_detection_handles_mixed_questions():
    assert detect("How many 行政复议 cases?") == "en"
    assert detect("上年结转了多少件申请？") == "zh"
    assert detect("2023年沭阳县发改局的申请数量") == "zh"


def test_ask_command_json(corpus_store):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "ask",
            "How many applications were carried forward?",
            "--file",
            str(SEED),
            "--json",
            "--store",
            str(corpus_store.path),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out)
    assert set(data) == {"answer", "value", "kind", "verdict", "values", "suggestions", "citations"}
    assert data["value"] == 1 and data["kind"] == "figure"
    assert set(data["citations"][0]) >= {"report_id", "title", "label", "location", "text"}


def test_english_answers_keep_chinese_in_parentheses_or_quotes(corpus_store):
    questions = [
        ("How many applications were carried forward?", SEED.name),
        ("How many requests were refused?", "pingtan-2025.html"),
        ("How does the bureau handle applications?", SEED.name),
        ("Which bureau received the most requests in 2023?", None),
        ("Top 3 agencies by requests received", None),
    ]
    for question, report_id in questions:
        text = ask(question, report_id=report_id, store=corpus_store).answer
        outside = re.sub(r"“[^”]*”|\([^()]*\)|（[^（）]*）", "", text)
        assert not re.search(r"[\u4e00-\u9fff]", outside), (question, outside)


def test_passage_question_naming_no_report_searches_the_corpus(corpus_store):
    for question in ("存在哪些主要问题？", "What problems does the report mention?"):
        a = ask(question, store=corpus_store)
        assert a.kind == "passage" and a.citations
        assert a.citations[0].label in ("Main problems and improvements", "五、存在的主要问题及改进情况")
        assert "存在的主要问题" not in a.answer.split("“", 1)[1]  # the answering sentence, not the heading


def test_a_copy_of_the_report_in_another_format_does_not_hide_its_passage(corpus_store):
    """pingtan-2025 exists as TXT, HTML, PDF and DOCX: search collapses the copies, the answer must not."""
    a = ask("What did Pingtan say about information processing fees?", store=corpus_store)
    assert a.kind == "passage" and "信息处理费" in a.answer
    assert corpus_store.report(a.citations[0].report_id).year == 2025


def test_what_fees_did_it_collect_is_a_figure_question(corpus_store):
    a = ask("What fees did Pingtan collect in 2024?", store=corpus_store)
    assert a.kind == "figure" and a.value == 18651.06 and "10,000 yuan" in a.answer


def test_a_report_before_2019_answers_from_its_statistics_table(corpus_store):
    # pingtan-county-2012.txt, 附件1 统计表 (read by hand: tests/blind/legacy_tables.json):
    # 受理依申请公开信息总数 21 (2012), 电子邮件申请数 3, 同意公开答复数 17
    a = ask("How many requests did Pingtan County receive in 2012?", store=corpus_store)
    assert (a.kind, a.value) == ("figure", 21) and "statistics table before 2019" in a.answer
    assert "受理依申请公开信息总数" in a.citations[0].label
    a = ask("2012年平潭县有几件申请是通过电子邮件提交的？", report_id="pingtan-county-2012.txt", store=corpus_store)
    assert (a.kind, a.value) == ("figure", 3)
    a = ask("How many requests were granted in full?", report_id="pingtan-county-2012.txt", store=corpus_store)
    assert (a.kind, a.value) == ("figure", 17)


def test_a_row_only_the_old_table_has_is_named_as_missing_from_a_standard_report(corpus_store):
    a = ask("How many requests came by email?", report_id="pingtan-2024.txt", store=corpus_store)
    assert a.kind == "not_found" and a.value is None and "only the statistics tables before 2019" in a.answer


def test_a_question_for_one_report_that_fits_lists_them(corpus_store):
    # hand-checked tables (tests/expected): only shanghai-stcsm-2024 carries requests over from 2023 (2)
    a = ask("哪份报告里有从上一年结转过来的申请？", store=corpus_store)
    assert a.kind == "aggregate" and a.value == 1
    assert [c.report_id for c in a.citations] == ["shanghai-stcsm-2024.md"]


def test_a_ranking_of_those_that_got_any_leaves_out_the_zeros(corpus_store):
    # pre-2019 reports state 0 requests (pingtan 2015-2017, pingtan county 2011); of the others the seed
    # report (六安市人社局 2023) received the fewest: 3
    a = ask("Among the agencies that got any requests at all, which one got the fewest?", store=corpus_store)
    assert a.kind == "aggregate" and a.value == 3
    assert a.citations[0].report_id == SEED.name

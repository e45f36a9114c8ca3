"""Figures are printed with every digit the report printed, in every place a person or a program reads them,
and numbers are parsed as the reports write them (separators, 万/亿, Chinese numerals).

Hand-read from the reports:
- pingtan-2025.txt, table 2 (第二十条第（八）项): 行政事业性收费 4166.241619 (万元), i.e. 41,662,416.19 yuan;
  table 3: 本年新收 总计 154; （一）予以公开 33 of （七）总计 148 (22.3%).
- pingtan-2024.txt, table 2: 行政事业性收费 18651.06 (万元).
- pingtan-2019.txt, table 2 (第二十条第（九）项): 政府集中采购 printed as the glued digits ``13575394432.52元``
  (the number of projects and the amount run together, so the parser's cut is uncertain).
"""

from __future__ import annotations

import csv
import json

import pytest
from conftest import CORPUS

from assistant.answer import ask
from assistant.cli.main import main
from assistant.domain import numbers
from assistant.extract.report import parse_file
from assistant.present.terminal import table_views
from assistant.summarize import statements
from assistant.summarize.core import summarize
from assistant.ui import render
from assistant.ui.service import Service

FEES = "proactive.fees.amount_10k_yuan"
PROCUREMENT = "proactive.procurement.amount_yuan"
PROCUREMENT_PRINTED = "13575394432.52"  # pingtan-2019.txt, table 2, 政府集中采购, as printed


def _facts_text(capsys, name: str, *extra: str) -> str:
    assert main(["facts", *extra, str(CORPUS / name)]) == 0
    return capsys.readouterr().out


def _row(text: str, label: str, column: str = "") -> str:
    """The one line of the terminal tables for a row label (and column)."""
    lines = [ln for ln in text.splitlines() if ln.strip().startswith(label) and column in ln]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.fixture(scope="module")
def pingtan_2025():
    return parse_file(CORPUS / "pingtan-2025.txt")


@pytest.fixture(scope="module")
def pingtan_2019():
    return parse_file(CORPUS / "pingtan-2019.txt")


# ---------------------------------------------------------------- the fees of pingtan-2025
def test_facts_prints_the_fees_with_all_their_digits(capsys):
    row = _row(_facts_text(capsys, "pingtan-2025.txt"), "行政事业性收费")
    assert row.split()[-1] == "4166.241619"


def test_facts_json_holds_the_fees_exactly(capsys):
    out = _facts_text(capsys, "pingtan-2025.txt", "--json")
    assert json.loads(out)["figures"][FEES] == 4166.241619
    assert f'"{FEES}": 4166.241619,' in out


def test_the_apps_report_tables_show_the_fees_exactly(pingtan_2025):
    html = render.tables_html(table_views(pingtan_2025))
    assert "<td>4166.241619</td>" in html
    assert "4166.24<" not in html


def test_the_summaries_state_the_fees_exactly(pingtan_2025):
    en = summarize(pingtan_2025, "en").paragraph("proactive").text
    assert "administrative fees of 4,166.241619 in units of 10,000 yuan (41,662,416.19 yuan)" in en
    zh = summarize(pingtan_2025, "zh").paragraph("proactive").text
    assert "行政事业性收费：本年收费金额4166.241619万元" in zh


def test_an_answer_states_the_fees_exactly(corpus_store):
    a = ask("What administrative fees did Pingtan collect in 2025?", store=corpus_store)
    assert a.kind == "figure" and a.value == 4166.241619
    assert "4,166.241619" in a.answer


def test_a_fee_read_back_from_the_store_keeps_its_digits(corpus_store):
    stored = {f["report_id"]: f["value"] for f in corpus_store.figures(FEES)}
    assert numbers.exact(stored["pingtan-2025.txt"]) == "4166.241619"
    assert numbers.exact(stored["pingtan-2024.txt"]) == "18651.06"


def test_the_data_tab_and_its_csv_hold_exact_figures(corpus_store):
    frame, path = Service(corpus_store.path).figures(False, "pingtan-2025.txt")
    with open(path, encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["报告 report"] == "pingtan-2025.txt"]
    printed = {r["地址 address"]: r["数值 value"] for r in rows}
    assert printed[FEES] == "4166.241619"
    assert printed["requests.new_received.total"] == "154"  # a count, not 154.0
    shown = frame[(frame["报告 report"] == "pingtan-2025.txt") & (frame["地址 address"] == FEES)]["数值 value"]
    assert shown.tolist() == [4166.241619]


# ---------------------------------------------------------------- pingtan-2019's procurement (uncertain cut)
def test_the_procurement_amount_is_printed_with_all_the_digits_it_holds(capsys, pingtan_2019):
    fig = pingtan_2019.figures[PROCUREMENT]
    assert fig.uncertain and isinstance(fig.value, float)
    digits = repr(fig.value)
    assert PROCUREMENT_PRINTED.endswith(digits)  # the parser's reading is a cut of the printed digits
    row = _row(_facts_text(capsys, "pingtan-2019.txt"), "政府集中采购", "采购总金额")
    assert row.split()[-1] == digits + "?"
    english = summarize(pingtan_2019, "en")
    assert numbers.english(fig.value) not in english.text  # an uncertain cut is not stated as a figure ...
    assert digits in json.dumps(english.facts)  # ... but the data keeps it, with all its digits
    assert f"采购总金额{digits}元（存疑）" in summarize(pingtan_2019, "zh").text
    assert f">{digits}?</td>" in render.tables_html(table_views(pingtan_2019))


def test_the_readings_a_warning_lists_have_all_their_digits(pingtan_2019):
    warning = next(w for w in pingtan_2019.warnings if w.kind == "uncertain" and w.address == PROCUREMENT)
    readings = warning.message.split("several readings: ", 1)[1].split(", ")
    assert all(PROCUREMENT_PRINTED.endswith(r) for r in readings), readings  # no 394433, no 3.57539e+09
    assert "394432.52" in readings and "432.52" in readings


# ---------------------------------------------------------------- the formatter and the parser
def test_exact_english_and_chinese_styles():
    assert numbers.exact(4166.241619) == numbers.chinese(4166.241619) == "4166.241619"
    assert numbers.english(4166.241619) == "4,166.241619"
    assert numbers.english(41662416.19) == "41,662,416.19"
    assert numbers.exact(2.0) == "2" and numbers.english(9487) == "9,487"
    assert numbers.exact(13575394432.52) == "13575394432.52"  # no exponent
    assert numbers.in_language(18651.06, "en") == "18,651.06"
    assert numbers.in_language(18651.06, "zh") == "18651.06"


def test_a_share_has_one_decimal_but_sums_are_exact():
    assert numbers.share(33, 148) == "22.3%"  # pingtan-2025: 予以公开 33 of 148 handled
    assert numbers.share(26, 26) == "100%"
    assert numbers.total([18651.06, 4166.241619]) == 22817.301619  # pingtan-2024 + 2025 fees
    assert numbers.times(4166.241619, 10_000) == 41662416.19
    assert numbers.total([151, 3]) == 154 and isinstance(numbers.total([1.5, 0.5]), int)


@pytest.mark.parametrize(
    ("name", "printed", "number", "expected"),
    [
        ("pingtan-2025.txt", "行政事业性收费4166.241619", "4166.241619", 4166.241619),
        ("pingtan-2019.txt", "13575394432.52元", "394432.52", 394432.52),
        ("pingtan-2025.txt", "政府信息7700余条", "7700", 7700),
        ("pingtan-2020.txt", "汇聚数据8232万条", "8232万", 82_320_000),
        ("pingtan-2021.txt", "第十四个五年规划", "十四", 14),
        ("pingtan-2021.txt", "二〇三五年远景目标", "二〇三五", 2035),
        ("pingtan-2015.txt", "共七个部分", "七", 7),
        ("pingtan-2016.txt", "组织一名", "一", 1),
    ],
)
def test_numbers_are_parsed_as_the_reports_write_them(name, printed, number, expected):
    assert printed in (CORPUS / name).read_text(encoding="utf-8")
    assert number in printed
    value = numbers.parse(number)
    assert value == expected and type(value) is type(expected)


def test_separators_multipliers_and_non_numbers():
    assert numbers.parse("394,432.52") == 394432.52
    assert numbers.parse("1.2万") == 12000 and numbers.parse("3亿") == 300_000_000
    assert numbers.parse("１５４") == 154  # full-width digits
    assert numbers.parse("二十条") is None and numbers.parse("") is None and numbers.parse("万") is None


def test_a_narrative_count_with_wan_is_multiplied_exactly():
    facts = parse_file(CORPUS / "pingtan-2020.txt").narrative_facts
    wan = next(f for f in facts if "8232万条" in f.sentence and f.unit == "条")
    assert wan.value == 82_320_000 and statements.amount_en(wan) == "82,320,000 items"

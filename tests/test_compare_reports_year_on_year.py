"""`assistant compare`: two years of Pingtan side by side. Every expected value below was read by hand
from the documents in corpus/ (the glued crawler digits cut with the table's own arithmetic), never
produced by running the code."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from conftest import CORPUS

from assistant.cli.main import digest, main
from assistant.compare import corpus, crossyear
from assistant.compare.narrative import compare_narrative
from assistant.compare.summary import compare_reports, headline, paragraph
from assistant.extract.report import parse_file
from assistant.store.database import Store


@pytest.fixture(scope="module")
def pingtan():
    return {y: parse_file(CORPUS / f"pingtan-{y}.txt") for y in (2016, 2017, 2020, 2021, 2024, 2025)}


def _by_address(comparison) -> dict:
    return {f.address: f for f in comparison.figures}


# ---------------------------------------------------------------- 2024 -> 2025 (same layout)
def test_2024_to_2025_figures_change_as_the_tables_say(pingtan):
    c = compare_reports(pingtan[2024], pingtan[2025])
    f = _by_address(c)
    # table 3, 一、本年新收: 2024 "21710000218" = 217,1,0,0,0,0,218; 2025 "15130000154" = 151,3,0,0,0,0,154
    assert (f["requests.new_received.total"].a, f["requests.new_received.total"].b) == (218, 154)
    assert f["requests.new_received.total"].change == -64 and f["requests.new_received.total"].pct == -29.4
    assert (f["requests.new_received.individual"].a, f["requests.new_received.individual"].b) == (217, 151)
    assert f["requests.new_received.business"].change == 2 and f["requests.new_received.business"].pct == 200.0
    # 四、结转下年度: 2024 "0000000"; 2025 "4200006" = 4 individuals + 2 businesses = 6; no percent from 0
    assert (f["requests.carried_forward.total"].a, f["requests.carried_forward.total"].b) == (0, 6)
    assert f["requests.carried_forward.total"].pct is None
    assert f["requests.carried_forward.business"].change == 2
    # 5.属于三类内部事务信息 32 -> 3; 1.本机关不掌握 75 -> 50 ("4910000 50" = 49,1,0,0,0,0,50)
    assert f["requests.denied.internal_affairs.total"].change == -29
    assert (f["requests.unable.not_held.total"].a, f["requests.unable.not_held.total"].b) == (75, 50)
    # table 4 行政复议 总计: 2024 "21317…" = 2+1+3+1 = 7; 2025 "25380 36…" = 25+3+8+0 = 36
    assert (f["appeals.review.total"].a, f["appeals.review.total"].b) == (7, 36)
    # 行政事业性收费 18651.06 -> 4166.241619 (万元): the change is exact
    assert f["proactive.fees.amount_10k_yuan"].change == -14484.818381
    assert c.not_comparable == []  # one layout: every figure is compared


def test_the_biggest_changes_in_requests_come_first(pingtan):
    c = compare_reports(pingtan[2024], pingtan[2025])
    # the request totals first, by the size of their change: 总计 218 -> 148 (-70), 新收 218 -> 154 (-64),
    # 结转下年度 0 -> 6 (+6), 上年结转 0 -> 0
    assert [f.address for f in c.figures[:4]] == [
        "requests.total_handled.total",
        "requests.new_received.total",
        "requests.carried_forward.total",
        "requests.carried_over.total",
    ]
    groups = [f.group for f in c.figures]
    firsts = [g for i, g in enumerate(groups) if g and g not in groups[:i]]
    assert firsts == ["requests", "outcomes", "refusals", "appeals", "proactive"]
    assert all(g is None for g in groups[groups.index(None) :])


def test_2024_to_2025_carry_over_holds_in_every_column(pingtan):
    x = compare_reports(pingtan[2024], pingtan[2025]).cross_year
    # 2024 四、结转下年度 "0000000" and 2025 二、上年结转 "0000000"
    assert x.applies and x.holds is True
    assert [(col.carried_forward, col.carried_over) for col in x.columns] == [(0, 0)] * 7


def test_the_overview_reuse_is_the_hand_count(pingtan):
    overview = next(s for s in compare_reports(pingtan[2024], pingtan[2025]).sections if s.id == "overview")
    # Counted by reading corpus/pingtan-2025.txt, from 本报告根据… to just before 二、主动公开政府信息情况: 24
    # sentences (split at 。；). Six of them appear word for word, in order, in pingtan-2024.txt:
    #   本报告共分6个部分：总体情况、…、其他需要报告的事项。
    #   （一）主动公开方面。 （二）依申请公开方面。 （三）政府信息管理方面。
    #   （四）信息公开平台建设方面。 （五）监督保障方面。
    # Every other sentence differs (years, 以下简称《条例》 added to the first, new figures): 6 / 24 = 25%.
    assert overview.later_count == 24
    assert len(overview.kept) == 6
    assert overview.kept[0].startswith("本报告共分6个部分")
    assert overview.kept[1:] == [
        "(一)主动公开方面。",
        "(二)依申请公开方面。",
        "(三)政府信息管理方面。",
        "(四)信息公开平台建设方面。",
        "(五)监督保障方面。",
    ]
    assert overview.reused_share == 0.25
    problems = next(s for s in compare_reports(pingtan[2024], pingtan[2025]).sections if s.id == "problems")
    assert problems.kept == [] and problems.reused_share == 0  # the 2025 problems section is new text


def test_the_paragraph_in_english_and_chinese(pingtan):
    c = compare_reports(pingtan[2024], pingtan[2025])
    en, zh = paragraph(c, "en"), paragraph(c, "zh")
    assert en.startswith("Pingtan Comprehensive Experimental Zone Administrative Committee, 2024 against 2025")
    assert "Requests received fell from 218 to 154 (-29%)" in en
    # refusals (三)不予公开: 2024 国家秘密 4 + 第三方 3 + 内部事务 32 = 39; 2025 内部 3 + 过程性 2 + 执法案卷 3 +
    # 行政查询 3 = 11; 28 / 39 = 71.8%
    assert "refusals fell from 39 to 11 (-72%)" in en
    assert "carry-over checks out" in en and "25% of the overview section repeats" in en
    assert "收到申请从218件减至154件（-29%）" in zh and "不予公开从39件减至11件（-72%）" in zh
    assert "跨年核对相符" in zh


# ---------------------------------------------------------------- 2020 -> 2021 (layouts 2019 -> 2021)
def test_2020_to_2021_compares_only_what_both_layouts_mean_alike(pingtan):
    c = compare_reports(pingtan[2020], pingtan[2021])
    f = _by_address(c)
    # 新收: 2020 "200 000121" = 20,0,0,0,0,1,21; 2021 "640020470" = 64,0,0,2,0,4,70
    assert (f["requests.new_received.total"].a, f["requests.new_received.total"].b) == (21, 70)
    assert f["requests.new_received.individual"].change == 44
    # 予以公开: 2020 "6000017" = 6,…,1,7; 2021 "270020130" = 27,0,0,2,0,1,30
    assert (f["requests.granted.total"].a, f["requests.granted.total"].b) == (7, 30)
    # 结转下年度: 2020 "0 0 00 00 0"; 2021 "1000001"
    assert (f["requests.carried_forward.total"].a, f["requests.carried_forward.total"].b) == (0, 1)
    # table 4 未经复议直接起诉 总计: 2020 all 15 cells 0; 2021 "10203|1200012|00000" -> 12
    assert (f["appeals.litigation_direct.total"].a, f["appeals.litigation_direct.total"].b) == (0, 12)
    # table 2's columns differ between the layouts: none of its figures is compared
    assert not [a for a in f if a.startswith("proactive.")]
    apart = {(n.address, n.side) for n in c.not_comparable}
    assert ("proactive.licensing.decisions", "a") in apart and ("proactive.licensing.decisions", "b") in apart
    assert ("requests.other.total", "a") in apart  # （六）其他处理 is one row in 2019, three in 2021
    assert ("requests.other.no_correction.total", "b") in apart
    assert "requests.other.total" not in f


def test_2020_to_2021_carry_over_holds(pingtan):
    x = compare_reports(pingtan[2020], pingtan[2021]).cross_year
    # 2020 四、结转下年度 "0 0 00 00 0"; 2021 二、上年结转 "0000000"
    assert x.applies and x.holds is True and all(col.carried_over == 0 for col in x.columns)


def test_a_check_between_years_that_are_not_consecutive_does_not_apply(pingtan):
    x = compare_reports(pingtan[2021], pingtan[2024]).cross_year
    assert not x.applies and x.holds is None and x.failing == ()
    # the column check itself still sees 2021's 结转下年度 "1000001" against 2024's 上年结转 "0000000"
    assert [c.column for c in x.columns if c.holds is False] == ["individual", "total"]


# ---------------------------------------------------------------- 2016 -> 2017 (before the standard tables)
def test_two_reports_before_2019_compare_their_text_only(pingtan):
    c = compare_reports(pingtan[2016], pingtan[2017])
    assert c.figures == [] and c.not_comparable == []
    assert c.cross_year.holds is None
    assert "Neither report has the standard tables" in paragraph(c, "en")
    proactive = next(s for s in c.sections if s.id == "proactive")
    # read in both files: the two sentences 2017 repeats word for word from 2016's 主动公开 part
    # (the first is the second half of 民众可以通过…的政府信息；通过“依申请公开”子栏目…, cut at the ；)
    assert proactive.kept == [
        "通过“依申请公开”子栏目,可以向相关部门单位提出信息公开申请,并查阅申请的处理情况。",
        "2.公众查阅点指定区行政服务中心、县档案馆、县图书馆为全区政府公开信息公众查阅场所,"
        "为公众提供区直各单位和各乡镇主动公开的政府信息。",
    ]


def test_narrative_facts_are_matched_by_measure(pingtan):
    pairs = {(p.measure, p.unit): p for p in compare_reports(pingtan[2024], pingtan[2025]).narrative}
    # 2024: 通过政府门户网站全年主动公开各类政府信息10407条; 2025: 累计主动公开政府信息7700余条
    info = pairs[("government information", "条")]
    assert (info.a, info.b, info.change) == (10407, 7700, -2707)  # 10407 - 7700 = 2707
    # 2024: 全年办理政府信息公开申请218件; 2025: 全区共收到政府信息公开申请154件
    requests = pairs[("requests for government information", "件")]
    assert (requests.a, requests.b) == (218, 154)
    # 2025 only: 全年办理因政府信息公开申请引发的行政复议36起
    assert pairs[("administrative reconsideration", "起")].a is None
    assert compare_narrative(SimpleNamespace(), SimpleNamespace()) == []  # a record without narrative facts


# ---------------------------------------------------------------- the store, the CLI, the Q&A
def test_every_consecutive_pair_of_the_corpus_agrees(corpus_store):
    pairs = {(c.earlier_year, c.later_year): c.holds for c in corpus.checks(corpus_store)}
    # Pingtan 2019 -> 2020 -> 2021 and 2024 -> 2025: all 结转下年度 and 上年结转 cells are 0 in the documents
    assert pairs == {(2019, 2020): True, (2020, 2021): True, (2024, 2025): True}
    assert corpus.warnings(corpus_store) == {}
    assert "all 3 pairs of consecutive years agree" in digest(corpus_store)


def test_a_carry_over_that_differs_is_a_typed_warning_on_the_later_report(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    store.add(parse_file(CORPUS / "pingtan-2021.txt"))
    later = parse_file(CORPUS / "pingtan-2024.txt")
    later.year = 2022  # say the 2024 report were 2022's: it carries over 0, where 2021 carried 1 forward
    store.add(later)
    found = corpus.warnings(store)
    w = found["pingtan-2024.txt"]
    assert isinstance(w, crossyear.CrossYearWarning) and w.previous_id == "pingtan-2021.txt"
    assert [(c.column, c.carried_forward, c.carried_over) for c in w.failing] == [
        ("individual", 1, 0),
        ("total", 1, 0),
    ]
    assert "1 of 1 consecutive years do not agree" in digest(store) and w.message() in digest(store)
    typed = w.as_warning()
    assert str(typed.kind) == "cross_year" and typed.address == "requests.carried_over"
    assert typed.numbers == (1, 0, 1, 0)


def test_compare_json_for_an_agency_and_its_latest_two_years(corpus_store, capsys):
    assert main(["compare", "平潭综合实验区管委会", "--json", "--store", str(corpus_store.path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"a", "b", "figures", "not_comparable", "cross_year", "sections", "narrative", "summary"}
    assert (out["a"]["year"], out["b"]["year"]) == (2024, 2025)
    first = out["figures"][0]
    assert {"address", "label_zh", "label_en", "a", "b", "change", "pct"} <= set(first)
    received = next(f for f in out["figures"] if f["address"] == "requests.new_received.total")
    assert (received["a"], received["b"], received["change"]) == (218, 154, -64)
    assert out["cross_year"]["holds"] is True and len(out["cross_year"]["columns"]) == 7
    assert {"id", "added", "removed", "kept", "reused_share"} <= set(out["sections"][0])
    assert "218 to 154" in out["summary"]["en"]
    assert main(["compare", "平潭综合实验区管委会", "2020", "2021", "--store", str(corpus_store.path)]) == 0
    assert "Requests received rose from 21 to 70" in capsys.readouterr().out


def test_compare_two_files_and_a_bad_argument(corpus_store, capsys):
    files = [str(CORPUS / "pingtan-2024.html"), str(CORPUS / "pingtan-2025.txt")]
    assert main(["compare", *files, "--json", "--store", str(corpus_store.path)]) == 0
    assert json.loads(capsys.readouterr().out)["cross_year"]["holds"] is True
    assert main(["compare", "no-such-report", "pingtan-2025.txt", "--store", str(corpus_store.path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: 'no-such-report' is neither a stored report id nor a file"]
    assert main(["compare", "平潭综合实验区管委会", "2022", "2025", "--store", str(corpus_store.path)]) == 2
    assert "no report of 平潭综合实验区管理委员会 for 2022" in capsys.readouterr().err


def test_ask_what_changed_gets_the_headline(corpus_store):
    from assistant.answer import ask

    en = ask("what changed between 2024 and 2025 for Pingtan?", store=corpus_store)
    assert "Requests received fell from 218 to 154 (-29%)" in en.answer and "assistant compare" in en.answer
    zh = ask("平潭2024年和2025年相比有什么变化？", store=corpus_store)
    assert "收到申请从218件减至154件" in zh.answer and "assistant compare" in zh.answer
    a, b = corpus_store.report("pingtan-2024.txt"), corpus_store.report("pingtan-2025.txt")
    assert headline(a, b, "en").startswith("Pingtan Comprehensive Experimental Zone")

"""Every quantity the narrative states is a fact; dates, document and phone numbers, articles, list
indexes, slogans and table cells are not. Expected values are read by hand from the reports."""

from __future__ import annotations

from functools import cache

from conftest import CORPUS

from assistant.domain.record import NarrativeFact, Report
from assistant.extract.narrative import narrative_facts
from assistant.extract.narrative_score import quote_spans
from assistant.extract.report import parse_file


@cache
def report(name: str) -> Report:
    return parse_file(CORPUS / name)


def places(name: str, wording: str) -> list[tuple[int, int]]:
    spans = quote_spans(report(name).text, wording)
    assert spans, f"{wording!r} not in {name}"
    return spans


def facts_in(name: str, wording: str) -> list[tuple[float | int, str, str | None]]:
    """(value, unit, approximate) of the facts stated inside the first place the wording occurs."""
    lo, hi = places(name, wording)[0]
    return [(f.value, f.unit, f.approximate) for f in report(name).narrative_facts if lo <= f.start < hi]


def covering(name: str, wording: str, number: str) -> list[NarrativeFact]:
    """The facts whose span covers `number` wherever `wording` occurs."""
    r = report(name)
    out = []
    for lo, hi in places(name, wording):
        n = r.text.find(number, lo, hi)
        out += [f for f in r.narrative_facts if f.start < n + len(number) and n < f.end]
    return out


def test_requests_sentence_gives_its_three_counts_and_not_the_year():
    sentence = "全区共收到政府信息公开申请154件,共办结148件,结转至2026年6件"
    assert facts_in("pingtan-2025.txt", sentence) == [(154, "件", None), (148, "件", None), (6, "件", None)]


def test_counts_after_a_comma_and_percent_shares():
    assert facts_in("pingtan-2021.txt", "办结69件,1件结转") == [(69, "件", None), (1, "件", None)]
    assert facts_in("pingtan-dishuiju-2013.txt", "网上咨询100人次,2.04%占") == [(100, "人次", None), (2.04, "%", None)]


def test_approximation_markers():
    assert facts_in("pingtan-2025.txt", "主动公开政府信息7700余条") == [(7700, "条", "more_than")]
    assert facts_in("pingtan-dishuiju-2013.txt", "有约4900人次") == [(4900, "人次", "about")]
    assert facts_in("pingtan-dishuiju-2013.txt", "达3000多人次") == [(3000, "人次", "more_than")]
    assert facts_in("pingtan-2015.txt", "已有20多家预算部门") == [(20, "家", "more_than")]


def test_approximation_before_and_after_the_number_in_the_reports_wording():
    text = "全年受理申请近300件，办结超过250件，答复100件以上。"
    got = [(f.value, f.unit, f.approximate) for f in narrative_facts(text, {})]
    assert got == [(300, "件", "nearly"), (250, "件", "more_than"), (100, "件", "at_least")]


def test_wan_multiplies_exactly_but_wan_yuan_is_a_unit():
    got = [(f.value, f.unit) for f in narrative_facts("网站访问量1.2万人次，收取费用2.5万元。", {})]
    assert got == [(12_000, "人次"), (2.5, "万元")]


def test_values_are_exact():
    assert facts_in("pingtan-2020.txt", "汇聚数据8232万条") == [(82_320_000, "条", None)]
    assert facts_in("pingtan-dishuiju-2013.txt", "公开费用1万元") == [(1, "万元", None)]
    assert facts_in("pingtan-dishuiju-2013.txt", "减免金额219062.78元") == [(219062.78, "元", None)]
    assert facts_in("huaian-hongze-2024.pdf", "信息处理费 0 元") == [(0, "元", None)]


def test_chinese_numerals_are_read():
    assert facts_in("pingtan-2021.txt", "一名分管领导和一名经办人员") == [(1, "名", None), (1, "名", None)]


def test_measure_is_the_phrase_before_the_number_with_its_english_name():
    fee = covering("huaian-hongze-2024.pdf", "信息处理费 0 元", "0")
    assert [f.measure for f in fee] == ["收取政府信息公开信息处理费"]
    assert fee[0].english == "information processing fees" and fee[0].section == "other_matters"
    (issued,) = covering("pingtan-2016.txt", "2016年全区主动公开政府信息3460条", "3460")
    assert issued.measure.endswith("主动公开政府信息") and issued.period == "2016年"
    (bulletins,) = covering("pingtan-2016.txt", "共发布了40期安全生产信息简报", "40")
    assert bulletins.measure.endswith("安全生产信息简报")


def test_document_numbers_phones_postcodes_and_dates_are_not_facts():
    name = "pingtan-2015.txt"
    assert covering(name, "(闽政办便函〔2015〕77号)", "77") == []
    assert covering(name, "邮编:350400;电话:23158138", "350400") == []
    assert covering(name, "电话:23158138", "23158138") == []
    assert covering(name, "在2015年12月26日成功举办", "26") == []
    assert covering("pingtan-2021.txt", "电话/传真:0591-23165370", "23165370") == []
    assert covering("huaian-hongze-2024.pdf", "(国令第 711 号)", "711") == []


def test_articles_ordinals_slogans_structure_and_list_indexes_are_not_facts():
    assert covering("pingtan-2025.txt", "第二十条", "二十") == []
    assert covering("pingtan-2015.txt", "成功组织了第二批保障性住房", "二") == []
    assert covering("pingtan-2021.txt", "“三个一”工作机制", "三") == []
    assert covering("pingtan-2020.txt", "深入开展“八项行动”", "八") == []
    assert covering("pingtan-2015.txt", "统计表共七个部分组成", "七") == []
    assert covering("pingtan-2025.txt", "本报告共分6个部分", "6") == []
    assert covering("pingtan-dishuiju-2013.txt", "1、加强组织领导", "1") == []
    assert covering("pingtan-dishuiju-2013.txt", "一次性告知", "一") == []


def test_statistics_table_cells_are_not_facts():
    assert covering("pingtan-2015.txt", "主动公开文件数条294981916", "294981916") == []
    assert covering("pingtan-2025.txt", "属于三类内部事务信息", "三") == []
    table = report("pingtan-2025.txt").figures["requests.new_received.total"].source.offset
    assert all(f.start != table for f in report("pingtan-2025.txt").narrative_facts)


def test_a_fact_knows_the_heading_it_stands_under():
    # shuyang-fagaiju-2023.html 一、总体情况 （一）主动公开政府信息情况: “全年共审核发布各类公开政府信息 249 条”
    (fact,) = covering("shuyang-fagaiju-2023.html", "各类公开政府信息249条", "249")
    assert fact.heading == "主动公开政府信息情况"
    # pingtan-dishuiju-2013.txt 六、（二）政府信息公开事务支出情况: “…政府信息公开费用1万元”
    (fee,) = covering("pingtan-dishuiju-2013.txt", "政府信息公开费用1万元", "1")
    assert fee.heading == "政府信息公开事务支出情况"

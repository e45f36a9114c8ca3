"""Section five (存在的主要问题及改进情况) in the English summary: each problem and each improvement is a
numbered English sentence of its own; the previous year's problems and their fixes are kept apart from this
year's and labelled as such; improvements are stated as planned, done or listed, as the report words them.
Expected values are read by hand from the reports in corpus/."""

from __future__ import annotations

from functools import cache

from conftest import CORPUS

from assistant.extract.report import parse_file
from assistant.summarize.content import DONE, LISTED, PLANNED, Content, read_content
from assistant.summarize.core import summarize
from assistant.summarize.english import render_item, render_problem
from assistant.summarize.model import Summary

LUAN = "000_782cdb5e9cbe54e2.txt"


@cache
def content(name: str) -> Content:
    return read_content(parse_file(CORPUS / name))


@cache
def english(name: str) -> Summary:
    return summarize(parse_file(CORPUS / name), "en")


def test_last_years_problems_and_their_fixes_are_kept_apart_from_this_years():
    # 五、…（一）上年度存在的问题及整改情况: 针对政策解读质量有待进一步提高的问题…; 针对规范性文件意见征集不及时的问题…
    # （二）本年度存在的问题及改进打算: 针对规范性文件定义不明确，意见征集方式和渠道不够多元化，公众参与度较低等问题…
    past, now = content(LUAN).five
    assert past.last_year and past.mood == DONE
    assert [p.zh for p in past.problems] == ["政策解读质量有待进一步提高", "规范性文件意见征集不及时"]
    assert not now.last_year and now.mood == PLANNED
    assert [p.zh for p in now.problems] == ["规范性文件定义不明确", "意见征集方式和渠道不够多元化", "公众参与度较低"]
    s = english(LUAN)
    old = s.paragraph("past_problems")
    assert old is not None and old.heading == "Last year's problems and how they were fixed"
    assert "(1) The quality of policy interpretation needs to be further improved." in old.sentences
    assert "definition" not in old.text.lower()  # this year's problem is not listed as last year's
    current = s.paragraph("problems")
    assert current.heading == "This year's problems and improvements"
    assert "It names these problems in its work in 2023:" in current.sentences
    assert "quality of policy interpretation" not in current.text  # last year's problem is not listed as current
    assert "It plans these improvements:" in current.sentences


def test_a_pre_2019_report_gives_its_improvements_and_stops_before_its_statistics_table():
    # 四、…存在的主要问题及改进情况 … 一是受人员编制限制，… 因此，我们考虑从以下三个方面作进一步的改进：
    # （一）进一步深化政府信息公开内容。…（二）进一步拓展政府信息公开形式。…（三）进一步规范政府信息公开行为 …
    # then the signature, the date (2013年1月16日) and 附件1 (the statistics table).
    (five,) = content("pingtan-county-2012.txt").five
    assert five.mood == PLANNED
    assert five.problems[0].zh == "受人员编制限制"
    assert [m.zh for m in five.measures[:3]] == [
        "进一步深化政府信息公开内容",
        "进一步拓展政府信息公开形式",
        "进一步规范政府信息公开行为",
    ]
    assert all("统计" not in x.zh and "附件" not in x.zh for x in five.problems + five.measures)
    sents = english("pingtan-county-2012.txt").paragraph("problems").sentences
    assert "(1) The work is limited by staffing quotas." in sents
    assert "(1) It will further deepen the content of government information disclosure." in sents


def test_improvements_are_stated_in_the_tense_the_report_gives_them():
    # pingtan-2024: 2025年，将重点从以下方面做好改进：一是优化主动公开目录 …
    (planned,) = content("pingtan-2024.txt").five
    assert (planned.mood, planned.plan_year) == (PLANNED, 2025)
    sents = english("pingtan-2024.txt").paragraph("problems").sentences
    assert "It plans these improvements for 2025:" in sents
    assert "(3) It will speed up digital transformation." in sents
    # shanghai-stcsm-2024: （二）改进情况 根据上述问题，市科委采取以下措施：一是开设“张江高新区”专栏 …
    (done,) = content("shanghai-stcsm-2024.md").five
    assert done.mood == DONE
    sents = english("shanghai-stcsm-2024.md").paragraph("problems").sentences
    assert "It reports these improvements made:" in sents
    assert sents[sents.index("It reports these improvements made:") + 1].startswith("(1) It opened the “张江高新区”")
    # pingtan-2021: （二）改进措施：一是丰富政策解读形式 … (no tense in the wording: a list of measures)
    (listed,) = content("pingtan-2021.txt").five
    assert listed.mood == LISTED
    sents = english("pingtan-2021.txt").paragraph("problems").sentences
    assert "It lists these improvement measures:" in sents
    assert "(1) Enrich the forms of policy interpretation." in sents


def test_every_problem_and_improvement_is_a_numbered_sentence_of_its_own():
    for name in ("pingtan-2025.html", "huaian-hongze-2024.pdf", "shuyang-fagaiju-2023.html", "pingtan-2016.txt"):
        (five,) = content(name).five
        sents = english(name).paragraph("problems").sentences
        numbered = [x for x in sents if x.startswith("(")]
        assert len(numbered) == len(five.problems) + len(five.measures)
        assert all(x[4:5].isupper() or x[4:5] == "“" for x in numbered) and all(x.endswith(".") for x in numbered)
    # hongze: 仍存在一些不足，主要是：个别部门对复杂申请件的研判能力不足，答复文书规范性有待提升 …
    sents = english("huaian-hongze-2024.pdf").paragraph("problems").sentences
    assert "(2) The standardisation of reply documents needs to be raised." in sents


def test_a_quality_goes_before_whoever_has_it():
    # shuyang-fagaiju-2023: 各科室人员信息公开意识有所松懈
    assert render_problem("各科室人员信息公开意识有所松懈").en == (
        "The disclosure awareness of the staff of each division has slackened somewhat"
    )
    # pingtan-county-2012: 由于经办人员流动性大
    assert render_problem("经办人员流动性大").en == "The turnover of staff handling the work is high"


def test_formulaic_phrasings_of_the_reports_are_rendered():
    # 000_782cdb5e9cbe54e2: 一是在严格把关上下功夫 … 二是在丰富形式上下功夫
    assert render_item("在丰富形式上下功夫").en == "Working hard at enriching forms"
    # pingtan-dishuiju-2013: 与公众密切相关的办税事项
    assert render_item("与公众密切相关的办税事项").en == "Tax matters closely related to the public"


def test_the_summary_counts_every_quote_it_prints():
    for name in (LUAN, "pingtan-2015.txt", "pingtan-county-2012.txt", "shanghai-stcsm-2024.md"):
        s = english(name)
        quoted = s.facts["content"]["quoted"]
        assert s.text.count("” (quoted") == quoted
        note = s.paragraph("rendering")
        assert note.heading == "How this summary was made"
        if quoted:
            assert f"{quoted} {'is' if quoted == 1 else 'are'} quoted in Chinese" in note.text
        else:  # pingtan-county-2012: every point is rendered
            assert "all are in English" in note.text


def test_every_listed_problem_and_improvement_is_given():
    # pingtan-2019: 一是个别部门…仍待提高，…；二是受人员编制限制，…；三是公开的长效工作机制建设不够“全”。
    (five,) = content("pingtan-2019.txt").five
    zh = [p.zh for p in five.problems]
    assert zh[0].startswith("个别部门") and "受人员编制限制" in zh and zh[-1] == "公开的长效工作机制建设不够“全”"
    # shanghai-stcsm-2024: 一是开设“张江高新区”专栏…二是根据市科委新的职能对政府信息公开目录进行调整。三是重新涉及…
    (five,) = content("shanghai-stcsm-2024.md").five
    assert len(five.measures) == 3
    assert five.measures[1].en == "Adjusted the government information disclosure catalogue"


def test_a_problem_of_too_little_is_rendered():
    # pingtan-county-2012: 四是政府信息公开宣传力度还不够，造成公众查阅点利用率不高
    assert render_problem("造成公众查阅点利用率不高").en == "The utilisation rate of public reading points is not high"
    assert render_problem("政府信息公开宣传力度还不够").en.endswith("is still insufficient")

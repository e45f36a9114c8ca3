"""The English of the report's own content reads in English word order: a compound's head comes first where
its modifiers are long, verb phrases in a row keep their own objects, who did a work item says so, and the
headings of a pre-2019 report are headings, not work items. Expected values are read by hand from the reports
in corpus/ (the Chinese quoted beside each)."""

from __future__ import annotations

from functools import cache

from conftest import CORPUS

from assistant.extract.report import parse_file
from assistant.summarize.content import Content, read_content
from assistant.summarize.core import summarize
from assistant.summarize.english import render_heading, render_item
from assistant.summarize.model import Summary


@cache
def content(name: str) -> Content:
    return read_content(parse_file(CORPUS / name))


@cache
def english(name: str) -> Summary:
    return summarize(parse_file(CORPUS / name), "en")


def test_a_long_noun_compound_puts_its_head_first():
    # pingtan-county-2011 一: 县政府安排了政府信息公开工作专项经费 (dedicated funds for the disclosure work)
    funds = render_item("安排了政府信息公开工作专项经费").en
    assert funds == "Arranging dedicated funds for government information disclosure"
    # 000_782cdb5e9cbe54e2 五: 举办政务公开工作培训会 (a training session on open government)
    assert render_item("举办政务公开工作培训会").en == "Holding the training session on open government"
    # pingtan-2020 （二）: 推进行政法规规章规范性文件专项清理工作 (three kinds of document, one clean-up)
    assert (
        render_item("推进行政法规规章规范性文件专项清理工作").en
        == "Advancing the special clean-up of administrative regulations, rules and normative documents"
    )


def test_work_inside_a_compound_is_not_rendered_word_for_word():
    # pingtan-county-2011 四（三）1、加强信息公开培训指导工作
    assert render_item("加强信息公开培训指导工作").en == "Strengthening training and guidance on information disclosure"
    text = english("pingtan-county-2011.txt").text
    assert "government information disclosure work dedicated funds" not in text
    assert "It will further deepen the content of government information disclosure." in text


def test_verb_phrases_in_a_row_keep_their_own_objects():
    # pingtan-2015 一、概述: 我区不断深化公开内容、完善工作机制、拓展公开渠道、规范操作流程
    assert render_item("不断深化公开内容、完善工作机制、拓展公开渠道、规范操作流程").en == (
        "Constantly deepening disclosed content, improving the working mechanism, expanding disclosure channels "
        "and standardising operating procedures"
    )
    # pingtan-2015 （一）二是健全组织: the organisation is what is built up
    assert render_item("健全组织").en == "Building up the organisation"


def test_who_did_a_work_item_is_said():
    # pingtan-county-2011 二（一）: 各乡镇、县直各单位对政府信息进行了梳理和编目
    assert (
        render_item("各乡镇、县直各单位对政府信息进行了梳理和编目").en
        == "The townships and the county's departments sorted out and catalogued government information"
    )
    # pingtan-2020 （一）: 督促各政务公开单位做好工作衔接、政府信息公开目录调整、政府信息公开指南更新等工作
    assert render_item("督促各政务公开单位做好工作衔接、政府信息公开目录调整、政府信息公开指南更新等工作").en == (
        "Urging the open government units to carry out the hand-over of work, adjustment of the disclosure "
        "catalogue and updating of the disclosure guide"
    )


def test_the_means_and_the_examples_read_in_english_order():
    # huaian-hongze-2024 （一）: 通过政府门户网站主动公开政府文件、项目审批、通知公告等各类政府信息
    assert render_item("通过政府门户网站主动公开政府文件、项目审批、通知公告等各类政府信息").en == (
        "Proactively disclosing government information such as government documents, project approvals and "
        "notices through the government portal website"
    )


def test_a_heading_glued_to_its_body_is_a_heading():
    # pingtan-county-2011 二、（一）主动公开政府信息的数量各乡镇、县直各单位对政府信息进行了梳理和编目，…
    parts = content("pingtan-county-2011.txt").work
    headed = [p for p in parts if p.heading is not None and p.heading.zh == "主动公开政府信息的数量"]
    assert headed and "主动公开政府信息的数量" not in [i.zh for p in parts for i in p.items]
    assert headed[0].items[0].zh == "各乡镇、县直各单位对政府信息进行了梳理和编目"
    assert render_heading("公开形式").en == "Forms of disclosure"  # pingtan-dishuiju-2013 二（二）公开形式


def test_a_heading_is_no_sentence_of_the_summary():
    # pingtan-dishuiju-2013 三（二）申请处理情况 因未发生政府信息公开申请，… and 六（一）工作人员情况 我局没有从事
    # 政府信息公开工作的全职人员，兼职人员1人。
    work = english("pingtan-dishuiju-2013.txt").paragraph("work").sentences
    assert "Handling of requests." not in work and "Staff." not in work
    assert not any(s.startswith("Handling of requests") for s in work)
    assert "Staff: there was no full-time staff working on government information disclosure." in work
    items = [i.zh for p in content("pingtan-dishuiju-2013.txt").work for i in p.items]
    assert "申请处理情况" not in items and "工作人员情况" not in items


def test_a_count_is_of_what_the_last_verb_acts_on():
    # pingtan-2016 （四）1、…完成梳理行政权力事项3646项: 3,646 items were sorted out, not 'completed'
    text = english("pingtan-2016.txt").text
    assert "It sorted out 3,646 administrative power items." in text
    assert "completed 3,646" not in text and "Completing" not in text


def test_with_whom_the_work_is_done_is_kept():
    # pingtan-2024 （二）: 主动加强与申请人沟通，强化与区直各部门协调联动 (with the applicant, with the departments)
    assert render_item("主动加强与申请人沟通").en == "Proactively strengthening communication with the applicant"
    coordination = render_item("强化与区直各部门协调联动").en
    assert coordination == "Reinforcing coordination with the departments directly under it"
    # 000_782cdb5e9cbe54e2 （一）: 按月公开动态信息 (monthly, after what is disclosed)
    assert render_item("按月公开动态信息").en == "Disclosing news updates monthly"

"""A yes/no question whose closest passage denies what it asks about is answered no, quoting it; one
whose passage counts it right after naming it is answered yes. Read by hand: corpus/pingtan-2025.txt
一（五）: "关停运营不规范、运维不及时的政府网站1个、政务新媒体2个"; corpus/pingtan-dishuiju-2013.txt (no
statistics table): "2013年1月1日至12月31日期间我局办公室
未收到政府信息公开申请。"."""

from __future__ import annotations

from assistant.answer import ask
from assistant.answer.retrieve import affirms, denies


def test_a_report_that_received_no_requests_is_a_no(corpus_store):
    answer = ask("Did the Pingtan tax bureau receive any disclosure requests in 2013?", store=corpus_store)
    assert answer.verdict is False and answer.value is None, answer.answer
    assert "未收到政府信息公开申请" in answer.answer


def test_a_denying_word_must_stand_before_the_word_asked_about():
    sentence = "2013年1月1日至12月31日期间我局办公室未收到政府信息公开申请。"
    assert denies(sentence, ["申请"])
    assert not denies(sentence, ["办公室"])  # the denial follows it
    assert not denies("本机关无法提供相关政府信息。", ["政府信息"])  # 无法 (unable) denies nothing


def test_a_count_after_the_word_asked_about_is_a_yes(corpus_store):
    answer = ask("Were any government websites closed down by the Pingtan zone in 2025?", store=corpus_store)
    assert answer.verdict is True, answer.answer
    assert affirms("关停运营不规范、运维不及时的政府网站1个、政务新媒体2个", ["政务新媒体"]) == 2
    assert affirms("依托政府网站规章库、行政规范性文件库", ["政府网站"]) is None

"""An English question about a count only the prose states finds it when one fact is clearly the best
match, even if the words match it loosely. Read by hand, corpus/shanghai-stcsm-2024.md 六: "“上海科技”视频号
共制作并发布短视频 584 条" and "直播 118 场"."""

from __future__ import annotations

from assistant.answer import ask


def test_short_videos_and_live_broadcasts(corpus_store):
    report = "shanghai-stcsm-2024.md"
    videos = ask("How many short videos did it make and publish?", report_id=report, store=corpus_store)
    assert videos.value == 584, videos.answer
    live = ask("How many live broadcasts were there?", report_id=report, store=corpus_store)
    assert live.value == 118 and "118 events" in live.answer, live.answer


def test_a_loose_match_between_two_facts_gives_no_figure_rather_than_the_wrong_one(corpus_store):
    # "account" also names the WeChat account's 1,640 articles and 1,016,823 followers
    answer = ask(
        "How many short videos did the video account publish?", report_id="shanghai-stcsm-2024.md", store=corpus_store
    )
    assert answer.value in (None, 584), answer.answer


def test_a_count_the_question_asks_of_the_text_comes_from_the_text(corpus_store):
    # corpus/huaian-hongze-2024.pdf 一（二）: "区政府办代表区政府受理政府信息公开申请 17 件" (表三 本年新收: 95)
    for question in (
        "What does the report's text say: how many applications did the district office accept for the government?",
        "报告正文中，区政府办受理的政府信息公开申请是多少件？",
    ):
        answer = ask(question, report_id="huaian-hongze-2024.pdf", store=corpus_store)
        assert answer.value == 17, (question, answer.answer)

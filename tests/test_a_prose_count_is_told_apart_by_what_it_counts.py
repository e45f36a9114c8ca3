"""Two counts the prose states alike are told apart by the thing a Chinese question counts (多少场直播) and by
the sentence leading to each number. Read by hand: corpus/shanghai-stcsm-2024.md “‘上海科技’视频号共制作并发布
短视频 584 条…直播 118 场”; pingtan-dishuiju-2013.txt 四、“其中办理下岗失业人员减免税共计91件，共计减免金额219062.78元”
and “受理审批个人出售自有住房减免税共计7件，减免金额21470.27元”."""

from __future__ import annotations

from assistant.answer import ask


def test_the_thing_counted_after_the_measure_word_picks_the_count(corpus_store):
    answer = ask("视频号做了多少场直播？", report_id="shanghai-stcsm-2024.md", store=corpus_store)
    assert answer.value == 118, answer.answer


def test_the_sentence_before_two_like_amounts_tells_them_apart(corpus_store):
    for question, value in (
        ("下岗失业人员减免税的减免金额是多少元？", 219062.78),
        ("个人出售自有住房减免税，减免金额多少元？", 21470.27),
    ):
        answer = ask(question, report_id="pingtan-dishuiju-2013.txt", store=corpus_store)
        assert answer.value == value, (question, answer.answer)


def test_the_number_a_question_states_is_its_base_not_its_answer(corpus_store):
    # shuyang-fagaiju-2023.html 一（一）“全年共审核发布各类公开政府信息249条，其中：…政府网站信息185条”
    answer = ask(
        "全年发布的249条政府信息里面，有多少条是在政府网站上发布的？",
        report_id="shuyang-fagaiju-2023.html",
        store=corpus_store,
    )
    assert answer.value == 185, answer.answer


def test_the_other_item_of_a_list_is_never_the_total_asked(corpus_store):
    # pingtan-2019.txt 一（一）“共公布政府信息2599条，(其中机构职能类信息25条，…其他应主动公开政府信息856条)”;
    # pingtan-county-2011.txt “制作、获取政府信息总数1873条，其中主动公开政府信息425条” (425 is what is asked there)
    answer = ask("主动公开了多少条政府信息？", report_id="pingtan-2019.txt", store=corpus_store)
    assert answer.value == 2599, answer.answer
    answer = ask("主动公开了多少条政府信息？", report_id="pingtan-county-2011.txt", store=corpus_store)
    assert answer.value == 425, answer.answer


def test_a_share_asked_of_a_whole_is_its_part_over_it(corpus_store):
    # shanghai-stcsm-2024.md “‘上海科技’微信公众号共编发文章 1640 篇,其中原创文章 294篇” (294 / 1640 = 17.9%)
    answer = ask("公众号的文章中原创文章占百分之多少？", report_id="shanghai-stcsm-2024.md", store=corpus_store)
    assert answer.value == 17.9 and "1640" in answer.answer, answer.answer


def test_what_was_spent_is_an_amount(corpus_store):
    # pingtan-dishuiju-2013.txt 六（二）“…设立和更新公开栏等产生的政府信息公开费用1万元”
    answer = ask("政府信息公开的经费支出是多少？", report_id="pingtan-dishuiju-2013.txt", store=corpus_store)
    assert answer.value == 1 and "1万元" in answer.answer, answer.answer


def test_items_of_information_asked_are_never_a_count_of_requests(corpus_store):
    # pingtan-county-2012.txt “…不予公开信息数1854条” (items of information), its table's 否决公开 requests are 2
    answer = ask(
        "Pingtan County 2012: how many pieces of information were classed as not to be disclosed?", store=corpus_store
    )
    assert answer.value in (None, 1854), answer.answer
    answer = ask("2012年平潭县有多少件申请不予公开？", store=corpus_store)  # requests asked: the table's row
    assert answer.value == 2, answer.answer

"""An English question whose measure the report's tables do not give reaches the count the text states in the
measure's own Chinese words, and only a count of those words. Read by hand: corpus/pingtan-dishuiju-2013.txt
六（一）“我局没有从事政府信息公开工作的全职人员，兼职人员1人”; huaian-hongze-2024.pdf 一 “公开政府常务会议 7 期”;
pingtan-2024.txt 一（一）“开展民意征集53期、网上调查51期，开展‘平潭大家谈’系列在线访谈12期”."""

from __future__ import annotations

from assistant.answer import ask


def test_part_time_staff_in_english_is_the_texts_part_time_staff(corpus_store):
    answer = ask(
        "How many part-time staff did the Pingtan tax bureau have for disclosure work in 2013?", store=corpus_store
    )
    assert answer.value == 1 and "兼职人员1人" in answer.answer, answer.answer


def test_executive_meetings_in_english_are_the_texts_executive_meetings(corpus_store):
    answer = ask(
        "How many executive meetings of the district government were made public?",
        report_id="huaian-hongze-2024.pdf",
        store=corpus_store,
    )
    assert answer.value == 7, answer.answer


def test_a_count_of_other_words_is_not_reached(corpus_store):
    # "online" reads as requests made online; the text's 网上调查51期 (online surveys) is not them
    answer = ask(
        "they run online chat shows with officials — how many of the 'Pingtan Dajia Tan' talks were held this year?",
        report_id="pingtan-2024.txt",
        store=corpus_store,
    )
    assert answer.value == 12, answer.answer


def test_everyday_english_for_the_prose_words_of_the_vocabulary(corpus_store):
    # pingtan-dishuiju-2013.txt （三）“现场咨询1600人次…电话咨询3200人次…网上咨询100人次”,
    # 四、“其中办理下岗失业人员减免税共计91件”; pingtan-2019.txt “其中热线电话11通”
    for question, report, value in (
        ("How many of the enquiries came in by telephone?", "pingtan-dishuiju-2013.txt", 3200),
        ("Tax breaks for laid-off workers: how many cases were there?", "pingtan-dishuiju-2013.txt", 91),
        ("How many hotline calls about environmental protection came in?", "pingtan-2019.txt", 11),
    ):
        answer = ask(question, report_id=report, store=corpus_store)
        assert answer.value == value, (question, answer.answer)


def test_like_amounts_are_told_apart_by_the_chinese_an_english_question_names(corpus_store):
    # pingtan-dishuiju-2013.txt 四、“其中办理下岗失业人员减免税共计91件，共计减免金额219062.78元” beside
    # “受理审批个人出售自有住房减免税共计7件，减免金额21470.27元”
    answer = ask(
        "How much tax was relieved for laid-off workers, in yuan?",
        report_id="pingtan-dishuiju-2013.txt",
        store=corpus_store,
    )
    assert answer.value == 219062.78, answer.answer


def test_website_traffic_is_counted_in_visits(corpus_store):
    # pingtan-county-2012.txt “2012年政府信息公开专栏访问量达24745人次” (its table's 网站公开 is 1795 items)
    answer = ask(
        "How much traffic did Pingtan County's disclosure column get on the website in 2012?", store=corpus_store
    )
    assert answer.value == 24745, answer.answer

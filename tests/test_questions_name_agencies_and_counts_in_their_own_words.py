"""Questions naming an agency, a comparison or a count in words the tables do not use. Expected values read
by hand: corpus/shanghai-stcsm-2024.md 表三 一、本年新收 总计 34; table 4 行政复议 总计 7 in pingtan-2024.html
and 2 in huaian-hongze-2024.pdf (tests/expected/huaian-hongze-2024.pdf.json), whose 复议后起诉 总计 is 3;
pingtan-dishuiju-2013.txt 六（一）“我局没有从事政府信息公开工作的全职人员，兼职人员1人” (its statistics
table has no staff rows filled); pingtan-2024.txt 一（四）“对5个发挥作用不明显、基层无力维护的政务新媒体予以
关停注销”; 000_782cdb5e9cbe54e2.txt 一（一）“主动公开政府信息 1000 余条”."""

from __future__ import annotations

from assistant.answer import ask
from assistant.answer.normalize import default_speller, normalize


def test_an_agency_named_by_its_initials_is_the_scope(corpus_store):
    answer = ask("How many requests did STCSM receive in 2024?", store=corpus_store)
    assert answer.kind == "figure" and answer.value == 34, answer.answer


def test_a_commission_of_a_field_the_corpus_lacks_is_said_to_be_missing(corpus_store):
    answer = ask(
        "How many requests did the Shanghai Municipal Commission of Health receive in 2024?", store=corpus_store
    )
    assert answer.kind == "not_found" and answer.value is None, answer.answer


def test_how_many_more_between_two_agencies_is_their_difference(corpus_store):
    for question in (
        "How many more reconsideration cases did Pingtan have than Hongze in 2024?",
        "洪泽区2024年的行政复议比平潭综合实验区2024年少多少件？",
    ):
        answer = ask(question, store=corpus_store)
        assert answer.value == 5 and len(answer.citations) == 2, answer.answer


def test_a_phrase_with_words_inside_it_is_still_read(corpus_store):
    answer = ask("复议以后又到法院起诉的有几件？", report_id="huaian-hongze-2024.pdf", store=corpus_store)
    assert answer.value == 3, answer.answer


def test_the_prose_answers_what_the_old_table_leaves_empty(corpus_store):
    answer = ask("兼职从事信息公开工作的有几人？", report_id="pingtan-dishuiju-2013.txt", store=corpus_store)
    assert answer.value == 1 and "兼职人员1人" in answer.answer, answer.answer


def test_a_count_whose_number_stands_inside_its_words(corpus_store):
    answer = ask("政务新媒体关停注销了几个？", report_id="pingtan-2024.txt", store=corpus_store)
    assert answer.value == 5, answer.answer


def test_government_information_names_no_agency(corpus_store):
    answer = ask(
        "Lu'an human resources bureau 2023: how many items of government information were disclosed proactively?",
        store=corpus_store,
    )
    assert answer.value == 1000 and "more than 1,000" in answer.answer, answer.answer


def test_an_inflected_english_word_is_not_corrected_into_another():
    speller = default_speller()
    assert normalize("pieces classed as not to be disclosed", speller).text.split()[1] == "classed"
    assert "carried" in normalize("requsts carryed over", speller).text


def test_which_years_lists_the_reports_with_some(corpus_store):
    # table 4 行政复议 总计: pingtan-2021 3, pingtan-2024 7, pingtan-2025 36; 0 in 2019 and 2020, none before
    for question in ("In which years did Pingtan have reconsideration cases?", "平潭实验区哪几年有行政复议案件？"):
        answer = ask(question, store=corpus_store)
        years = sorted(corpus_store.report(c.report_id).year for c in answer.citations)
        assert years == [2021, 2024, 2025], answer.answer


def test_legal_persons_and_other_organisations_are_every_column_but_individuals(corpus_store):
    # pingtan-2021.txt 表三 一、本年新收: 自然人 64, 商业企业 0, 科研机构 0, 社会公益组织 2,
    # 法律服务机构 0, 其他 4, 总计 70
    answer = ask("法人及其他组织新收了多少申请？", report_id="pingtan-2021.txt", store=corpus_store)
    assert answer.value == 6, answer.answer


def test_a_share_the_prose_states_or_its_counts_make(corpus_store):
    # pingtan-dishuiju-2013.txt 四（三）“电话咨询3200人次,占65.31%”; shuyang-fagaiju-2023.html 一（一）
    # “全年共审核发布各类公开政府信息249条,其中:…政府网站信息185条” (185 / 249 = 74.3%)
    phone = ask("电话咨询占了百分之几？", report_id="pingtan-dishuiju-2013.txt", store=corpus_store)
    assert phone.value == 65.31, phone.answer
    website = ask("政府网站信息占全年发布信息的比例是多少？", report_id="shuyang-fagaiju-2023.html", store=corpus_store)
    assert website.value == 74.3 and "249" in website.answer, website.answer


def test_a_share_asked_is_never_answered_with_a_count(corpus_store):
    # the question names no part of pingtan-2024's requests a share could be taken of: its 218 new requests
    # are offered as a reading, never given as the answer
    answer = ask(
        "What share of the requests were about the township governments?",
        report_id="pingtan-2024.txt",
        store=corpus_store,
    )
    assert answer.kind == "not_found" and answer.value is None, answer.answer


def test_an_amount_asked_in_plain_yuan_is_converted_exactly(corpus_store):
    # huaian-hongze-2024.pdf 第二十条第（八）项 行政事业性收费 本年收费金额（单位：万元）7545
    answer = ask("洪泽区2024年行政事业性收费金额折合成元是多少？", store=corpus_store)
    assert answer.value == 75_450_000 and "7545万元" in answer.answer, answer.answer
    printed = ask("洪泽区2024年行政事业性收费金额是多少万元？", store=corpus_store)
    assert printed.value == 7545, printed.answer


def test_a_figure_asked_of_each_agency_named_lists_each(corpus_store):
    # 表三 一、本年新收 总计: huaian-hongze-2024.pdf 95, shanghai-stcsm-2024.md 34
    answer = ask("How many requests did Hongze and Shanghai STCSM each receive in 2024?", store=corpus_store)
    assert answer.value is None and sorted(answer.values) == [34, 95], answer.answer


def test_years_onward_are_an_open_range():
    from assistant.answer.scope import years_in

    assert years_in("Among the reports for 2021 onward, which had the most?").since == 2021
    assert years_in("2021 and after").since == 2021
    assert years_in("published in 2024 on its website").listed == (2024,)


def test_an_old_table_row_and_the_text_disagreeing_give_no_single_figure(corpus_store):
    # pingtan-county-2012.txt: its text “不予公开信息数1854条” counts items of information, its old table's
    # 否决公开答复数 2 counts replies; a question in the text's words but no unit could mean either, one
    # counting 条 (items) asks the text's
    answer = ask("不予公开的有多少？", report_id="pingtan-county-2012.txt", store=corpus_store)
    assert answer.value is None and "1854" in answer.answer and "2" in answer.answer, answer.answer
    answer = ask("不予公开的信息有多少条？", report_id="pingtan-county-2012.txt", store=corpus_store)
    assert answer.value == 1854, answer.answer


def test_a_row_named_by_one_short_word_gives_way_to_the_text_naming_the_thing_asked(corpus_store):
    # pingtan-2020.txt: “组织开展19期《问政平潭之有事你说》,上线部门22家,收到群众诉求348件”; 收到 alone also
    # names table 3's new requests (21 in all), but the table names neither the programme nor its appeals
    answer = ask("这一年《问政平潭之有事你说》的群众诉求收到多少件？", report_id="pingtan-2020.txt", store=corpus_store)
    assert answer.value == 348 and "正文" in answer.answer, answer.answer
    plain = ask("这一年一共收到多少件？", report_id="pingtan-2020.txt", store=corpus_store)
    assert plain.value == 21, plain.answer
    programme = ask("2020年共开展了几期《问政平潭》？", report_id="pingtan-2020.txt", store=corpus_store)
    assert programme.value == 6, programme.answer  # “共组织开展6期《问政平潭》”


def test_a_question_in_days_gets_no_count(corpus_store):
    # no table counts days, and pingtan-2024's text states no time taken to answer
    for question in (
        "How many days on average did Pingtan take to answer a request in 2024?",
        "平潭2024年答复申请平均用了几个工作日？",
    ):
        answer = ask(question, store=corpus_store)
        assert answer.kind == "not_found" and answer.value is None, answer.answer


def test_list_every_report_before_the_standard_tables(corpus_store):
    # pingtan-county-2011/2012, pingtan-dishuiju-2013, pingtan-2015/2016/2017 predate the 2019 tables
    answer = ask("list every report from before 2019", store=corpus_store)
    years = sorted(corpus_store.report(c.report_id).year for c in answer.citations)
    assert years == [2011, 2012, 2013, 2015, 2016, 2017], answer.answer


def test_an_agency_of_a_place_the_corpus_lacks_is_said_to_be_missing(corpus_store):
    answer = ask("How many requests did the Suzhou Municipal People's Government receive in 2024?", store=corpus_store)
    assert answer.kind == "not_found" and answer.value is None and "Suzhou" in answer.answer, answer.answer
    # Hongze is in the corpus: its table's 95 new requests (its text also says the district government office
    # took 17 on the government's behalf, so the answer may give both readings)
    here = ask("How many requests did the Huai'an Hongze District government get in 2024?", store=corpus_store)
    assert here.value == 95 or here.value is None and "95" in here.answer and "17" in here.answer, here.answer
    assert any(c.report_id == "huaian-hongze-2024.pdf" for c in here.citations), here.citations


def test_a_sum_keeps_to_the_things_it_names(corpus_store):
    # pingtan-2024.html table 3 （三）不予公开 总计 39; table 4 行政诉讼: 未经复议直接起诉 总计 0, 复议后起诉 总计 19
    refused = ask(
        "How many requests did Pingtan refuse in 2024 altogether, adding up every reason for refusing?",
        store=corpus_store,
    )
    assert refused.value == 39, refused.answer
    suits = ask(
        "Pingtan 2024: lawsuits in total, the direct ones plus the ones filed after reconsideration?",
        store=corpus_store,
    )
    assert suits.value == 19, suits.answer


def test_carried_from_a_named_year_is_carried_over_from_last_year(corpus_store):
    # shanghai-stcsm-2024.md 表三 二、上年结转政府信息公开申请数量 总计 2
    answer = ask("上海科委2024年从2023年转过来的申请有几件？", store=corpus_store)
    assert answer.value == 2, answer.answer


def test_after_with_words_between_is_after_reconsideration(corpus_store):
    # pingtan-2025.html table 4: 复议后起诉 3 0 0 0 总计 3 (行政复议 总计 36)
    answer = ask(
        "How many lawsuits were brought after the applicant had gone through a reconsideration first?",
        report_id="pingtan-2025.html",
        store=corpus_store,
    )
    assert answer.value == 3, answer.answer


def test_add_up_asks_for_the_sum(corpus_store):
    # pingtan-2019.txt table 3 总计: （四）无法提供 12 (不掌握 7, 补正后仍不明确 5), （五）不予处理 3 (重复申请 3)
    answer = ask(
        "Add up the requests that could not be provided and those not processed.",
        report_id="pingtan-2019.txt",
        store=corpus_store,
    )
    assert answer.value == 15 and answer.values == [12, 3], answer.answer


def test_a_question_asking_two_figures_read_as_one_gives_it_only_as_a_part(corpus_store):
    # huaian-hongze-2024.pdf 表三 新收 总计 95; the report states no visitors to a reading room
    answer = ask(
        "How many requests came in, and how many visitors came to the reading room?",
        report_id="huaian-hongze-2024.pdf",
        store=corpus_store,
    )
    assert answer.value is None and "95" in answer.answer and "more than one figure" in answer.answer, answer.answer


def test_which_agencies_had_requests_from_companies(corpus_store):
    # 表三 一、本年新收 商业企业: shanghai-stcsm-2024.md 2, pingtan-2024.html 1, pingtan-2025.html 3; 0 elsewhere,
    # and the tables before 2019 have no such column
    answer = ask("Which agencies got requests from companies?", store=corpus_store)
    cited = sorted(
        (corpus_store.report(c.report_id).agency, corpus_store.report(c.report_id).year) for c in answer.citations
    )
    assert cited == [("上海市科学技术委员会", 2024), ("平潭综合实验区管委会", 2024), ("平潭综合实验区管委会", 2025)], (
        answer.answer
    )


def test_money_asked_is_answered_by_the_amount_the_prose_states(corpus_store):
    # pingtan-dishuiju-2013.txt 六（二）“…产生的政府信息公开费用1万元”
    answer = ask("这一年政府信息公开事务支出了多少钱？", report_id="pingtan-dishuiju-2013.txt", store=corpus_store)
    assert answer.value == 1 and "万元" in answer.answer, answer.answer


def test_agencies_named_each_with_its_own_year(corpus_store):
    # 表三 一、本年新收 总计: pingtan-2025.html 154, huaian-hongze-2024.pdf 95
    answer = ask("How many more requests did Pingtan receive in 2025 than Hongze in 2024?", store=corpus_store)
    assert answer.value == 59, answer.answer
    each = ask("Hongze 2024 and Pingtan 2025: how many requests did each receive?", store=corpus_store)
    assert each.value is None and each.values == [95, 154], each.answer


def test_a_programme_named_in_pinyin_is_matched_to_its_chinese_name(corpus_store):
    # pingtan-2024.txt 一（一）: 开展“平潭大家谈”系列在线访谈12期
    answer = ask(
        "How many 'Pingtan Dajiatan' online interviews were held?", report_id="pingtan-2024.txt", store=corpus_store
    )
    assert answer.value == 12, answer.answer


def test_each_how_many_of_an_english_question_is_a_part_the_prose_answers(corpus_store):
    # shanghai-stcsm-2024.md 六: “视频号共制作并发布短视频 584 条”, “直播 118 场”
    answer = ask(
        "How many short videos did it publish, and how many live broadcasts were there?",
        report_id="shanghai-stcsm-2024.md",
        store=corpus_store,
    )
    assert answer.values == [584, 118], answer.answer


def test_the_text_naming_more_of_the_question_than_the_old_table_answers_it(corpus_store):
    # pingtan-2015.txt 一（三）“建立窗口服务大厅，…开设窗口24个，共受理申请136437件”; its old table's
    # 受理依申请公开信息总数 is 0 (the question names the hall, which the table row does not)
    for question in (
        "2015年平潭的窗口服务大厅一共受理了多少件申请？",
        "In 2015, how many applications did Pingtan's service hall take in?",
    ):
        answer = ask(question, store=corpus_store)
        assert answer.value == 136437, answer.answer


def test_a_column_named_to_be_left_out_is_not_counted(corpus_store):
    # shanghai-stcsm-2024.md 表三 一、本年新收: 自然人 32, 商业企业 2, the other organisations 0, 总计 34
    for question in (
        "不算个人的话，企业、科研机构、公益组织等各类组织今年一共提交了几件新申请？",
        "Excluding individuals, how many new requests came in this year?",
    ):
        answer = ask(question, report_id="shanghai-stcsm-2024.md", store=corpus_store)
        assert answer.value == 2, answer.answer


def test_a_group_summed_beside_its_rows_is_the_group(corpus_store):
    # shanghai-stcsm-2024.md 一（二）“其他处理 14 件” (表三 （六）其他处理: 10 + 0 + 4)
    answer = ask(
        "逾期不补正、没交费和其他这几种“其他处理”加起来有几件？", report_id="shanghai-stcsm-2024.md", store=corpus_store
    )
    assert answer.value == 14, answer.answer


def test_carried_from_and_into_the_year_in_everyday_words(corpus_store):
    # shanghai-stcsm-2024.md 表三 二、上年结转 总计 2; 四、结转下年度继续办理 1 (自然人; “转下一年度…1 件”)
    for question, value in (
        ("有多少件申请是由2023年转过来的？", 2),
        ("How many requests were still pending when the year began?", 2),
        ("年底还没办完的申请有几件？", 1),
        ("How many applications were unfinished and passed on to the next year?", 1),
    ):
        answer = ask(question, report_id="shanghai-stcsm-2024.md", store=corpus_store)
        assert answer.value == value, (question, answer.answer)


def test_an_amount_asked_is_never_answered_with_a_count(corpus_store):
    # shuyang-fagaiju-2023.html 六: “政府信息公开未发生收费情况” (no fee: 0); its table 3 counts 26 new requests
    answer = ask(
        "How much did Shuyang's development and reform bureau charge in processing fees in 2023?", store=corpus_store
    )
    assert answer.value == 0 and "26 requests —" not in answer.answer, answer.answer
    assert "未发生收费情况" in answer.citations[0].text


def test_questions_asked_one_after_another_are_each_answered_from_one_sentence(corpus_store):
    # pingtan-dishuiju-2013.txt 四: “其中办理下岗失业人员减免税共计91件,共计减免金额219062.78元”;
    # “受理审批个人出售自有住房减免税共计7件,减免金额21470.27元”
    for question, values in (
        ("下岗失业人员减免税办了几件？减免了多少钱？", [91, 219062.78]),
        ("个人出售自有住房减免税办了几件？一共减免了多少钱？", [7, 21470.27]),
    ):
        answer = ask(question, report_id="pingtan-dishuiju-2013.txt", store=corpus_store)
        assert answer.values == values and answer.value is None, answer.answer


def test_a_programme_named_by_its_title_is_answered_from_the_prose(corpus_store):
    # pingtan-2020.txt: “组织开展19期《问政平潭之有事你说》,上线部门22家,收到群众诉求348件” (table 3 counts 21 requests)
    answer = ask(
        "In 2020, how many public appeals did Pingtan's 'Wenzheng Pingtan: Youshi Nishuo' programme receive?",
        store=corpus_store,
    )
    assert answer.value == 348, answer.answer


def test_everyday_english_for_the_prose_s_things(corpus_store):
    # shanghai-stcsm-2024.md 六: “直播 118 场”; pingtan-2024.txt 一（一）“全年发布政策文件解读96篇”;
    live = ask(
        "How many livestreams did the Shanghai Science and Technology Commission's video channel run in 2024?",
        store=corpus_store,
    )
    assert live.value == 118, live.answer
    explained = ask("How many explainers of policy documents did Pingtan publish in 2024?", store=corpus_store)
    assert explained.value == 96, explained.answer
    # huaian-hongze-2024.pdf 一: “公开政府常务会议7期”
    meetings = ask("How many of its executive meetings did Hongze make public in 2024?", store=corpus_store)
    assert meetings.value == 7, meetings.answer


def test_a_row_of_the_old_table_inside_what_the_question_also_names_is_that_row(corpus_store):
    # pingtan-county-2012.txt: “2012年全县共收到有关政府信息公开的申请21条,其中当面申请数18条”
    answer = ask(
        "How many of the requests Pingtan County People's Government received in 2012 were submitted in person?",
        store=corpus_store,
    )
    assert answer.value == 18, answer.answer


def test_a_column_named_makes_a_request_word_reading_sure(corpus_store):
    # pingtan-2025.txt 表三 一、本年新收: 151 individuals, 3 businesses, 154 in all (15130000154)
    answer = ask(
        "How many disclosure requests came from companies in the Pingtan Zonghe Shiyanqu 2025 report?",
        store=corpus_store,
    )
    assert answer.value == 3, answer.answer


def test_not_given_out_is_refused_and_a_group_listed_with_its_rows_is_summed_once(corpus_store):
    # tests/expected/huaian-hongze-2024.pdf.json: 不予公开 1 + 1 + 1 (three grounds); pingtan-2025.html 表三
    # （四）无法提供 50 + 3 + 0 = 53
    refused = ask("这一年有多少件申请没有给予公开？", report_id="huaian-hongze-2024.pdf", store=corpus_store)
    assert refused.value == 3, refused.answer
    unable = ask(
        "“无法提供”的申请（不掌握、需另行制作、补正后仍不明确）合在一起有几件？",
        report_id="pingtan-2025.html",
        store=corpus_store,
    )
    assert unable.value == 53, unable.answer


def test_requests_still_being_processed_at_year_end_are_those_carried_forward(corpus_store):
    # 四、结转下年度继续办理 above 0 only in pingtan-2021 (1), 000_782cdb5e9cbe54e2 (Lu'an, 1),
    # shanghai-stcsm-2024 (1, individuals) and pingtan-2025 (6)
    for question in (
        "Which reports ended the year with requests still being processed?",
        "Which reports have applications that weren't finished by the end of the year?",
    ):
        answer = ask(question, store=corpus_store)
        assert {c.report_id.split(".")[0] for c in answer.citations} == {
            "pingtan-2021",
            "000_782cdb5e9cbe54e2",
            "shanghai-stcsm-2024",
            "pingtan-2025",
        }, answer.answer


def test_counting_both_kinds_of_suit_sums_them_and_not_the_requests_filed(corpus_store):
    # tests/expected/huaian-hongze-2024.pdf.json: 直接起诉 总计 1, 复议后起诉 总计 3
    answer = ask(
        "Counting both direct suits and suits filed after a review, what's the number of court cases?",
        report_id="huaian-hongze-2024.pdf",
        store=corpus_store,
    )
    assert answer.value == 4, answer.answer


def test_a_requests_row_read_from_a_question_that_never_says_requests_yields_to_the_text(corpus_store):
    # pingtan-2024.txt 一（一）“全年发布政策文件解读96篇”; 表三 予以公开 71 ("released" names it too)
    answer = ask(
        "How many articles interpreting policies were released?", report_id="pingtan-2024.txt", store=corpus_store
    )
    assert answer.value == 96, answer.answer


def test_how_many_asks_a_count_not_the_share_beside_it(corpus_store):
    # pingtan-2020.txt: “收到群众诉求348件,现场解决162件,跟进解决186件,办结率100%”
    answer = ask(
        "For Pingtan's 2020 'Wenzheng Pingtan – Youshi Nishuo' programme: how many public complaints came in "
        "overall, how many were fixed on the spot, and how many were followed up afterwards?",
        store=corpus_store,
    )
    assert answer.values == [348, 162, 186], answer.answer


def test_a_chinese_agency_of_a_place_the_corpus_lacks_is_said_to_be_missing(corpus_store):
    answer = ask("南京市人民政府2024年收到多少信息公开申请？", store=corpus_store)
    assert answer.kind == "not_found" and answer.value is None, answer.answer
    # 沐阳 is a slip for 沭阳: shuyang-fagaiju-2023.html 表三 一、本年新收 总计 26
    typo = ask("沐阳县发改局2023年收到多少申请？", store=corpus_store)
    assert typo.value == 26, typo.answer


def test_a_fee_for_handling_requests_is_not_the_administrative_fees(corpus_store):
    # huaian-hongze-2024.pdf 六: “全年收取政府信息公开信息处理费0元”; its table 2 行政事业性收费 is 7545 万元
    answer = ask("Did Hongze District charge a fee for handling disclosure requests in 2024?", store=corpus_store)
    assert answer.verdict is False, answer.answer


def test_everyday_words_for_the_table_s_rows_and_columns(corpus_store):
    # pingtan-2025.html 表三 （四）无法提供 50 + 3 + 0 = 53; 000_782cdb5e9cbe54e2.txt 表二 行政规范性文件 2 0 5
    unable = ask(
        "因为信息不存在、要另外制作或者补正后还说不清楚这几种原因提供不了的，一共多少件？",
        report_id="pingtan-2025.html",
        store=corpus_store,
    )
    assert unable.value == 53, unable.answer
    issued = ask("新发了几份行政规范性文件？", report_id="000_782cdb5e9cbe54e2.txt", store=corpus_store)
    assert issued.value == 2, issued.answer


def test_a_ranking_of_one_agency_s_reports_keeps_to_that_agency(corpus_store):
    answer = ask("平潭综合实验区2019年以后的那几份年报，按收到的申请数从多到少排个序。", store=corpus_store)
    assert answer.citations and all(c.report_id.startswith("pingtan-20") for c in answer.citations), answer.answer


def test_a_slip_keeps_the_word_s_ending_and_documents_counted_are_not_reports(corpus_store):
    assert default_speller().english("partialy") == "partially"
    # pingtan-2025.txt 表三 （二）部分公开 总计 38; 000_782cdb5e9cbe54e2.txt 表二 行政规范性文件 本年制发 2
    partial = ask("pingtan 2025 how many requets were partialy disclosed", store=corpus_store)
    assert partial.value == 38, partial.answer
    issued = ask("六安市人力资源和社会保障局2023年新发了几份行政规范性文件？", store=corpus_store)
    assert issued.value == 2, issued.answer


def test_a_question_naming_several_figures_without_how_many_gets_them(corpus_store):
    # tests/expected/huaian-hongze-2024.pdf.json: 行政处罚 2776, 行政强制 84
    answer = ask(
        "pls give both the penalty decisions and the enforcement decisions for this report",
        report_id="huaian-hongze-2024.pdf",
        store=corpus_store,
    )
    assert answer.values == [2776, 84], answer.answer


def test_unfinished_requests_moved_to_a_later_year_are_the_ones_carried_forward(corpus_store):
    """pingtan-2021.txt 表三 四、结转下年度继续办理 总计 1; huaian-hongze-2024.pdf 表三 结转下年度 0."""
    answer = ask("有几件申请没办结，挪到了下一年？", report_id="pingtan-2021.txt", store=corpus_store)
    assert answer.value == 1, answer.answer
    answer = ask("2024年洪泽区有没有申请要转到2025年去办？", store=corpus_store)
    assert answer.value == 0 and answer.answer.startswith("没有"), answer.answer


def test_one_count_of_things_joined_by_or_is_their_sum(corpus_store):
    """pingtan-2025.txt 表三: 不予公开 3+2+3+3 = 11 and 不予处理 2, so 13; 其他处理 1.逾期不补正 8 and
    2.逾期未按收费通知缴纳费用 2, so 10."""
    for question in (
        "How many of Pingtan's 2025 requests were refused or not processed?",
        "平潭综合实验区2025年有多少件申请被不予公开或者不予处理？",
    ):
        answer = ask(question, store=corpus_store)
        assert answer.value == 13, answer.answer
    answer = ask(
        "How many requests were closed because the applicant either never clarified them or never paid?",
        report_id="pingtan-2025.txt",
        store=corpus_store,
    )
    assert answer.value == 10, answer.answer


def test_a_word_continuing_a_measure_is_not_another_tables_measure(corpus_store):
    """pingtan-2025.txt 表三 其他处理 2.申请人逾期未按收费通知要求缴纳费用 总计 2 (not 表二's 行政事业性收费)."""
    answer = ask(
        "How many requests were closed because the applicant never paid the fee notice?",
        report_id="pingtan-2025.txt",
        store=corpus_store,
    )
    assert answer.value == 2, answer.answer


def test_a_question_asking_for_everything_published_gets_the_total_the_prose_states(corpus_store):
    """shuyang-fagaiju-2023.html 一（一）“全年共审核发布各类公开政府信息249条，其中…”; pingtan-2024.txt 一（一）
    “通过政府门户网站全年主动公开各类政府信息10407条”: the standard tables have no such total."""
    answer = ask(
        "Altogether, how many items of government information did Shuyang's development and reform bureau "
        "publish in 2023?",
        store=corpus_store,
    )
    assert answer.value == 249, answer.answer
    answer = ask("2024年平潭综合实验区门户网站一共主动公开了多少条信息？", store=corpus_store)
    assert answer.value == 10407, answer.answer


def test_an_amount_asked_is_not_the_larger_total_beside_it(corpus_store):
    """pingtan-dishuiju-2013.txt: “…下岗失业人员减免税共计91件，共计减免金额219062.78元；受理审批个人出售自有住房
    减免税共计7件，减免金额21470.27元”."""
    answer = ask("平潭地税局2013年个人出售自有住房减免税一共减免了多少元？", store=corpus_store)
    assert answer.value != 219062.78, answer.answer


def test_everyday_words_for_rows_and_columns(corpus_store):
    """huaian-hongze-2024.pdf 第二十条第（一）项 行政规范性文件 本年制发 3, 现行有效 8; shanghai-stcsm-2024.md 表三
    （四）无法提供 本机关不掌握 4 + 没有现成信息 6 + 补正后仍不明确 0 = 10."""
    answer = ask("洪泽区2024年的规范性文件，现在还管用的有几件？", store=corpus_store)
    assert answer.value == 8, answer.answer
    answer = ask("上海市科委2024年，申请里手里没有的、得另外做的，加起来多少件？", store=corpus_store)
    assert answer.value == 10, answer.answer


def test_a_commission_of_a_city_the_corpus_lacks_is_said_to_be_missing_in_chinese(corpus_store):
    answer = ask("北京市教委2024年收到了多少件政府信息公开申请？", store=corpus_store)
    assert answer.kind == "not_found" and answer.value is None and "北京市" in answer.answer, answer.answer


def test_the_old_tables_total_of_items_published_is_read_from_a_newer_reports_prose(corpus_store):
    """shuyang-fagaiju-2023.html 一（一）“全年共审核发布各类公开政府信息249条，其中…”: its 2021-layout tables have
    no total of items published proactively, which the statistics tables before 2019 counted."""
    answer = ask(
        "How many items did the Shuyang County Development and Reform Bureau publish proactively in 2023?",
        store=corpus_store,
    )
    assert answer.value == 249, answer.answer


def test_a_phrase_is_found_in_its_ing_form_but_a_column_is_not(corpus_store):
    """tests/expected/pingtan-county-2012.txt.json: replies_granted 17, replies_refused 2 (the old table);
    "researching" names no research institution."""
    answer = ask(
        "In 2012, how many replies was Pingtan County agreeing to disclose, and how many refusing?", store=corpus_store
    )
    assert answer.values == [17, 2], answer.answer
    answer = ask(
        "I'm researching transparency: did the Pingtan County People's Government receive any requests in 2012?",
        store=corpus_store,
    )
    assert answer.verdict is True and answer.value == 21, answer.answer


def test_a_phrase_is_found_in_the_past_tense_too(corpus_store):
    """pingtan-2025.txt 表三 其他处理 1.申请人无正当理由逾期不补正 总计 8 ("clarify" asked as "clarified")."""
    answer = ask(
        "How many requests were dropped because the applicant never clarified them?",
        report_id="pingtan-2025.txt",
        store=corpus_store,
    )
    assert answer.value == 8, answer.answer


def test_digits_this_copy_prints_illegibly_are_read_from_a_legible_copy_of_the_same_report(corpus_store):
    """pingtan-2024.html 第二十条第（一）项 行政规范性文件 | 62 | 33 | 440; pingtan-2024.txt runs them together
    (6233440), which allows several readings. Three questions in one, one with 一共 in it: no sum of them."""
    answer = ask(
        "这一年制发了几件行政规范性文件、废止了几件、现行有效的一共几件？",
        report_id="pingtan-2024.txt",
        store=corpus_store,
    )
    assert answer.values == [62, 33, 440] and answer.value is None, answer.answer
    assert "pingtan-2024.html" in answer.answer
    assert {c.report_id for c in answer.citations} == {"pingtan-2024.html"}


def test_which_has_more_and_by_how_many_is_a_difference(corpus_store):
    """表三 一、本年新收 总计: pingtan-2024.html 218, huaian-hongze-2024.pdf 95 (tests/expected): 218 - 95 = 123."""
    for question in (
        "Which received more requests in 2024, Pingtan zone or Hongze district, and by how many?",
        "2024年平潭综合实验区和洪泽区谁收到的申请多，多多少件？",
    ):
        answer = ask(question, store=corpus_store)
        assert answer.value == 123 and len(answer.citations) == 2, answer.answer


def test_if_you_add_asks_for_a_sum(corpus_store):
    """pingtan-2025.txt 表三: 不予公开 11, 不予处理 2."""
    answer = ask(
        "If you add Pingtan's refused requests of 2025 to its not processed ones, what do you get?", store=corpus_store
    )
    assert answer.value == 13, answer.answer


def test_followers_are_people_not_the_articles_beside_them(corpus_store):
    """shanghai-stcsm-2024.md: “微信公众号共编发文章 1640 篇，…微信公众号目前关注人数达 1016823 人”."""
    answer = ask(
        "How many followers did the Shanghai science and technology commission's WeChat account have in 2024?",
        store=corpus_store,
    )
    assert answer.value == 1016823, answer.answer


def test_a_group_or_one_of_its_rows_is_the_group(corpus_store):
    """huaian-hongze-2024.pdf 表三 （四）无法提供: 本机关不掌握 31 + 没有现成信息 1 + 补正后仍不明确 0 = 32."""
    answer = ask(
        "How many of Hongze's 2024 requests were not held, or otherwise could not be provided?", store=corpus_store
    )
    assert answer.value == 32, answer.answer


def test_an_agency_named_in_pinyin_is_all_scope(corpus_store):
    """The pinyin and English words after an agency's place go on naming it: none of them is read as what
    is asked. pingtan-county-2012.txt 统计表: 当面申请数 18 of 受理依申请公开信息总数 21 (the text's
    “全县共收到…申请21条” is that whole, not the requests made in person)."""
    from assistant.answer.read import read
    from assistant.answer.scope import canonical

    refs = canonical(corpus_store)
    for question in (
        "Hongze Qu Renmin Zhengfu 2024: how many requests?",
        "Pingtan Local Taxation Bureau, 2013: items?",
    ):
        text = read(question, "en", refs).text
        assert not {"Qu", "Renmin", "Zhengfu", "Local", "Taxation", "Bureau"} & set(text.split()), text
    answer = ask("Pingtan Xian Renmin Zhengfu, 2012: how many requests were received in person?", store=corpus_store)
    assert answer.value == 18, answer.answer


def test_a_field_word_on_its_own_is_what_is_asked_not_the_agency(corpus_store):
    """ "tax" names the Pingtan local taxation bureau beside its place or kind ("Pingtan tax bureau"), but in
    "tax relief" it is what the question asks about. pingtan-dishuiju-2013.txt: “无偿赠与和遗产继承减免税19件”
    gives the count of those cases and no amount."""
    from assistant.answer.read import read
    from assistant.answer.scope import canonical

    refs = canonical(corpus_store)
    assert "tax" in read("How much tax relief went to laid-off people?", "en", refs).text.split()
    assert "tax" not in read("How many requests did the Pingtan tax bureau get in 2013?", "en", refs).text.split()
    answer = ask(
        "How much tax was exempted for gifts and inheritances?",
        report_id="pingtan-dishuiju-2013.txt",
        store=corpus_store,
    )
    assert answer.value != 19, answer.answer


def test_a_romanised_name_is_the_programme_of_that_whole_name(corpus_store):
    """pingtan-2020.txt: “共组织开展6期《问政平潭》…；组织开展19期《问政平潭之有事你说》”."""
    answer = ask("How many episodes of 'Wenzheng Pingtan' did Pingtan run in 2020?", store=corpus_store)
    assert answer.value == 6, answer.answer


def test_calls_are_counted_in_calls_not_in_items(corpus_store):
    """pingtan-2019.txt （7）推进环境保护信息公开: “…投诉举报处理和突发环境信息…131条…其中热线电话11通”: a count of
    calls is 通, never the 131 items (条) beside it."""
    answer = ask("How many hotline calls about the environment did Pingtan take in 2019?", store=corpus_store)
    assert answer.value in (11, None), answer.answer


def test_ruogan_asks_how_many_and_two_counts_asked_are_not_the_total_beside_them(corpus_store):
    """shanghai-stcsm-2024.md: “"上海科技"网站全年累计发布信息 2139 条,其中…解读类信息发布 21 条,回应公众关注热点
    信息发布 2 条”: 21 + 2 = 23, not the 2139 of which they are parts."""
    answer = ask("上海市科委2024年网站上解读类信息、回应公众关注热点的信息各有若干条，合计多少条？", store=corpus_store)
    assert answer.values == [21, 2] and answer.value == 23, answer.answer


def test_how_many_items_were_published_proactively_in_chinese_is_the_texts_total(corpus_store):
    """shuyang-fagaiju-2023.html 一（一）“全年共审核发布各类公开政府信息249条，其中…”; pingtan-2024.txt 一（一）
    “通过政府门户网站全年主动公开各类政府信息10407条”."""
    assert ask("沭阳县发改局2023年主动公开的政府信息有多少条？", store=corpus_store).value == 249
    assert ask("2024年平潭综合实验区主动公开了多少条信息？", store=corpus_store).value == 10407


def test_a_figure_a_report_before_2019_lacks_is_not_given_with_a_passage_that_only_names_it(corpus_store):
    """pingtan-2017.txt predates the 2019 tables and gives no count of penalty decisions; its text only says it
    published penalty cases (依法依规公开行政处罚案件信息), with no number: the year in the answer's own words is
    no number of the text, so no passage is offered as if it held one."""
    answer = ask("How many administrative penalty decisions did Pingtan make in 2017?", store=corpus_store)
    assert answer.kind == "not_found" and answer.value is None, answer.answer


def test_before_the_standard_tables_came_in_is_a_time_not_a_measure(corpus_store):
    """pingtan-county-2011/2012, pingtan-dishuiju-2013, pingtan-2015/2016/2017 predate the 2019 tables; "came in"
    there says when the tables did, not that requests came in."""
    answer = ask("Which reports were written before the standard tables came in?", store=corpus_store)
    years = sorted(corpus_store.report(c.report_id).year for c in answer.citations)
    assert years == [2011, 2012, 2013, 2015, 2016, 2017], answer.answer


def test_administrative_compulsion_is_enforcement(corpus_store):
    """pingtan-2025.txt 第二十条第（六）项: 行政处罚 644, 行政强制 64."""
    assert ask("How many administrative compulsion decisions did Pingtan make in 2025?", store=corpus_store).value == 64


def test_in_full_after_in_part_is_granted_in_full(corpus_store):
    """pingtan-2024.txt 表三: （二）部分公开 29, （一）予以公开 71."""
    answer = ask("How many 2024 Pingtan requests were released in part, and how many in full?", store=corpus_store)
    assert answer.values == [29, 71], answer.answer


def test_or_inside_a_rows_own_words_does_not_make_it_its_group(corpus_store):
    """huaian-hongze-2024.pdf 表三 不予公开 3.危及“三安全一稳定” 总计 1 (of 不予公开 3)."""
    answer = ask(
        "How many of Hongze's 2024 requests were refused because disclosure would endanger public security "
        "or social stability?",
        store=corpus_store,
    )
    assert answer.value == 1, answer.answer


def test_companies_and_other_organisations_are_every_applicant_but_individuals(corpus_store):
    """pingtan-2021.txt 表三 一、本年新收 (the glued row split by its own sums): 自然人 64, 社会公益组织 2, 其他 4,
    总计 70 — the organisations together 6."""
    assert ask("平潭综合实验区2021年企业及其他组织提出了几件申请？", store=corpus_store).value == 6


def test_across_two_measures_is_their_sum(corpus_store):
    """pingtan-2025 表四 结果纠正: 行政复议 3, 未经复议直接起诉 3, 复议后起诉 0 (tests/expected/pingtan-2025.*)."""
    answer = ask(
        "Across reconsiderations and lawsuits, how many of Pingtan's 2025 cases were corrected?", store=corpus_store
    )
    assert answer.value == 6, answer.answer


def test_each_of_two_agencies_gets_its_figure_with_its_unit(corpus_store):
    """第二十条第（八）项 行政事业性收费 (万元): pingtan-2024.html 18651.06, huaian-hongze-2024.pdf 7545."""
    answer = ask("洪泽区和平潭综合实验区2024年的行政事业性收费各收了多少？", store=corpus_store)
    assert sorted(answer.values) == [7545, 18651.06] and answer.value is None, answer.answer
    assert "7545万元" in answer.answer and "18651.06万元" in answer.answer

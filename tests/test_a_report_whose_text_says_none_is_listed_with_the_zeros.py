"""'Which reports received no requests?' lists the reports whose table counts 0 and those without a
table whose text says they received none. Read by hand: the old statistics tables of
corpus/pingtan-2015.txt, pingtan-2016.txt, pingtan-2017.txt and pingtan-county-2011.txt count 0 requests
(受理依申请公开信息总数 0); corpus/pingtan-dishuiju-2013.txt has no table and says
"我局办公室未收到政府信息公开申请". Every other report of corpus/ counts some."""

from __future__ import annotations

from assistant.answer import ask


def test_reports_with_no_requests_include_the_one_that_says_so(corpus_store):
    answer = ask("List the reports that got zero information requests all year.", store=corpus_store)
    listed = sorted(
        (corpus_store.report(c.report_id).agency, corpus_store.report(c.report_id).year) for c in answer.citations
    )
    assert listed == [
        ("平潭县人民政府", 2011),
        ("平潭综合实验区地方税务局", 2013),
        ("平潭综合实验区管委会", 2015),
        ("平潭综合实验区管委会", 2016),
        ("平潭综合实验区管委会", 2017),
    ], answer.answer

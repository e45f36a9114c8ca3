"""A question joining two things the prose counts ("区直部门和乡镇各多少条") gets each count, each with
its sentence, not one of them or a total of the year. Read by hand, corpus/pingtan-2016.txt 二（一）:
"区管委会及区直各部门主动公开政府信息1822条…各乡镇主动公开政府信息1638条" (of 3460 in all)."""

from __future__ import annotations

from assistant.answer import ask


def test_the_departments_and_the_townships_each_get_their_count(corpus_store):
    answer = ask("2016年平潭实验区的区直部门与各乡镇分别主动公开了几条信息？", store=corpus_store)
    assert answer.values == [1822, 1638], answer.answer
    assert len(answer.citations) == 2


def test_two_counts_asked_together_are_added(corpus_store):
    # corpus/pingtan-2017.txt 一（二）1（2）: "其中政府预决算公开19条、部门预决算公开224条"
    answer = ask("平潭综合实验区2017年财政资金信息里，政府预决算与部门预决算一共公开了多少条？", store=corpus_store)
    assert answer.value == 19 + 224 and answer.values == [19, 224], answer.answer


def test_a_whole_and_a_part_of_it_are_both_given_and_not_added(corpus_store):
    # corpus/shanghai-stcsm-2024.md 六: "“上海科技”微信公众号共编发文章 1640 篇,其中原创文章 294篇"
    answer = ask("上海科委微信公众号2024年共发文章多少篇，其中原创的有几篇？", store=corpus_store)
    assert answer.values == [1640, 294] and answer.value is None, answer.answer

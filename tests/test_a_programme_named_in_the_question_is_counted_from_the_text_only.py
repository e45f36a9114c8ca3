"""A question quoting a programme's name (in 《》 or romanised in quotes, link syllables and all) counts in that
programme, from the text: never a table row that happens to share its words. A law's name (《条例》) is no
programme. Read by hand: corpus/pingtan-2020.txt “组织开展19期《问政平潭之有事你说》…收到群众诉求348件” (its table's
new requests are 20); shanghai-stcsm-2024.md 第二十条第（五）项 行政许可 97."""

from __future__ import annotations

from assistant.answer import ask
from assistant.domain.patterns import ROMANISED_TITLE


def test_a_romanised_title_keeps_its_link_syllables():
    assert ROMANISED_TITLE.search("the 'Wenzheng Pingtan zhi You Shi Ni Shuo' show").group(1).endswith("Ni Shuo")


def test_a_programmes_count_is_never_a_table_row(corpus_store):
    answer = ask(
        "How many requests did the 'Wenzheng Pingtan zhi You Shi Ni Shuo' programme take in this year?",
        report_id="pingtan-2020.txt",
        store=corpus_store,
    )
    assert answer.value in (None, 348), answer.answer


def test_a_laws_name_is_not_a_programme(corpus_store):
    answer = ask(
        "依《条例》第二十条第（五）项公开的行政许可决定有多少件？",
        report_id="shanghai-stcsm-2024.md",
        store=corpus_store,
    )
    assert answer.value == 97, answer.answer


def test_the_programme_set_aside_with_not_the_one_is_not_counted(corpus_store):
    # pingtan-2020.txt “共组织开展6期《问政平潭》” beside “组织开展19期《问政平潭之有事你说》”
    answer = ask(
        "In 2020 how many editions of 'Wenzheng Pingtan' itself aired — not the 'Youshi Nishuo' one?",
        report_id="pingtan-2020.txt",
        store=corpus_store,
    )
    assert answer.value == 6, answer.answer

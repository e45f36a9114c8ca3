"""`facts` and the Reports tab print every English label whole (wrapped, never cut mid-word), and table 3
keeps its group headings: （三）不予公开 over 1.属于国家秘密 …, （四）无法提供, （五）不予处理 and, in the 2021
layout, （六）其他处理 over its two sub-rows."""

from __future__ import annotations

import re

from conftest import CORPUS, SEED

from assistant.cli.main import main
from assistant.extract.report import parse_file
from assistant.present.terminal import table_views, wrap
from assistant.ui import render

# The group headings and the first row under each, as the 2021 standard table prints them.
GROUPS_2021 = [
    ("（三）不予公开", "1.属于国家秘密"),
    ("（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("（五）不予处理", "1.信访举报投诉类申请"),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正"),
]


def _tables_part(capsys) -> str:
    assert main(["facts", str(SEED)]) == 0
    out = capsys.readouterr().out
    return out[: out.index("叙述中的数字")]


def test_facts_prints_the_long_english_labels_whole(capsys):
    text = " ".join(_tables_part(capsys).split())
    for label in (
        "fees collected (10,000 yuan)",
        "not processed: excessive repeated requests",
        "not processed: asked to confirm or reissue information already obtained",
        "other: applicant did not pay the fee in time",
    ):
        words = label.split()
        # each word whole, in order (a label may wrap between words, with its numbers on the first line)
        pattern = r"\s(?:[\d—?*\s]*\s)?".join(re.escape(w) for w in words)
        assert re.search(pattern, text), label


def test_facts_prints_no_cut_english_word(capsys):
    words = set(re.findall(r"[A-Za-z][\w'’-]*", _tables_part(capsys)))
    for cut in ("coll", "reque", "c"):
        assert cut not in words


def test_wrap_breaks_between_words_and_cjk_characters():
    lines = wrap("4.无正当理由大量反复申请 not processed: excessive repeated requests", 36)
    assert lines == ["4.无正当理由大量反复申请 not", "processed: excessive repeated", "requests"]
    assert all(len(line) <= 36 for line in lines)


def test_facts_prints_the_group_headings_over_their_rows(capsys):
    lines = _tables_part(capsys).splitlines()
    for heading, first in GROUPS_2021:
        at = next(i for i, line in enumerate(lines) if line.strip().startswith(heading))
        assert lines[at + 1].strip().startswith(first)
        assert not re.search(r"\d", lines[at].replace(heading, ""))  # a heading has no figures


def test_the_reports_tab_keeps_the_group_rows():
    html = render.tables_html(table_views(parse_file(SEED)))
    for heading, first in GROUPS_2021:
        row = re.search(
            rf'<tr class="group"><th class="row" colspan="8">{re.escape(heading)}[^<]*</th></tr>(.*?)</tr>', html
        )
        assert row, heading
        assert first in row.group(1)


def test_the_2019_layout_prints_other_handling_as_its_own_row():
    views = table_views(parse_file(CORPUS / "pingtan-2019.txt"))
    requests = next(v for v in views if v.title.startswith("收到和处理"))
    labels = [r[0] for r in requests.rows]
    headings = [requests.rows[i][0] for i in sorted(requests.headings)]
    assert [h.split(" ")[0] for h in headings] == ["（三）不予公开", "（四）无法提供", "（五）不予处理"]
    other = next(r for r in requests.rows if r[0].startswith("（六）其他处理"))
    assert other[1:] == ["0"] * 7  # pingtan-2019: （六）其他处理 0 0 0 0 0 0 0
    assert labels.index(other[0]) > labels.index(headings[-1])

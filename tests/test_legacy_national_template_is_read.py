"""The national template of the old statistics table (2008 onward): one 本年度 column, cells kept apart
by the source (tab-separated, as HTML and DOCX give them), and outcome rows whose wording repeats under
行政复议 and 行政诉讼. The table below follows the template's wording as the format spec lists it."""

from __future__ import annotations

from assistant.domain.record import WarningKind
from assistant.extract.report import parse_file

TABLE = """\
统计指标\t单位\t统计数
一、主动公开情况\t\t
（一）主动公开政府信息数\t条\t356
其中：主动公开规范性文件数\t条\t12
制发规范性文件总数\t件\t14
三、依申请公开情况\t\t
（一）收到申请数\t件\t9
1.当面申请数\t件\t2
2.传真申请数\t件\t0
3.网络申请数\t件\t6
4.信函申请数\t件\t1
四、行政复议数量\t件\t1
（一）维持具体行政行为数\t件\t1
（二）被依法纠错数\t件\t0
（三）其他情形数\t件\t0
五、行政诉讼数量\t件\t2
（一）维持具体行政行为数\t件\t1
（二）被依法纠错数\t件\t1
（三）其他情形数\t件\t0
七、依申请公开信息收取的费用\t万元\t0.05
八、机构建设和保障经费情况\t\t
（三）从事政府信息公开工作人员数\t人\t3
1.专职人员数\t人\t1
2.兼职人员数\t人\t2
"""


def test_national_template_rows_are_placed_under_their_own_group(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "泌阳县人民政府2015年政府信息公开工作年度报告\n一、概述\n2015年全县主动公开政府信息356条。\n"
        "附件：政府信息公开情况统计表\n" + TABLE,
        encoding="utf-8",
    )
    report = parse_file(path)
    assert report.layout is None and report.region == "河南省驻马店市泌阳县"
    assert {a: f.value for a, f in report.figures.items()} == {
        "legacy.proactive_items.this_year": 356,
        "legacy.proactive_normative.this_year": 12,
        "legacy.normative_issued.this_year": 14,
        "legacy.requests_received.this_year": 9,
        "legacy.requests_in_person.this_year": 2,
        "legacy.requests_fax.this_year": 0,
        "legacy.requests_online.this_year": 6,
        "legacy.requests_letter.this_year": 1,
        "legacy.review.this_year": 1,
        "legacy.review_upheld.this_year": 1,
        "legacy.review_corrected.this_year": 0,
        "legacy.review_other.this_year": 0,
        "legacy.litigation.this_year": 2,
        "legacy.litigation_upheld.this_year": 1,
        "legacy.litigation_corrected.this_year": 1,
        "legacy.litigation_other.this_year": 0,
        "legacy.fees.this_year": 0.05,
        "legacy.staff.this_year": 3,
        "legacy.staff_full_time.this_year": 1,
        "legacy.staff_part_time.this_year": 2,
    }
    assert not any(f.uncertain for f in report.figures.values())
    assert report.figures["legacy.litigation_upheld.this_year"].source.label == "(一)维持具体行政行为数"
    assert not any(w.kind in (WarningKind.IDENTITY, WarningKind.LEGACY) for w in report.warnings)

"""The Data tab's bars are labelled with the year, the agency's Chinese short name and its English name
(as much as an axis shows, cut between words), and each bar's tooltip gives the full names; the pickers
name the agency in English beside the Chinese."""

from __future__ import annotations

from assistant.present.terminal import width
from assistant.ui import data
from assistant.ui.service import Service

# Read by hand: the agencies with standard tables, the pinyin of their places and their English names.
PLACES = {
    "六安市人力资源和社会保障局": ("六安", "Lu'an", "Lu'an Municipal Human Resources and Social Security Bureau"),
    "平潭综合实验区管委会": ("平潭", "Pingtan", "Pingtan Comprehensive Experimental Zone Administrative Committee"),
    "上海市科学技术委员会": ("上海", "Shanghai", "Shanghai Municipal Science and Technology Commission"),
    "沭阳县发展和改革局": ("沭阳", "Shuyang", "Shuyang County Development and Reform Bureau"),
    "淮安市洪泽区人民政府": ("洪泽", "Hongze", "Hongze District People's Government, Huai'an"),
}


def test_every_bar_names_its_agency_in_chinese_and_english(corpus_store):
    for frame in (data.outcomes_frame(corpus_store), data.received_frame(corpus_store)):
        bars = frame.drop_duplicates(["report", "agency"])
        assert bars["report"].is_unique  # one label, one agency and year
        for label, tooltip, year in bars[["report", "agency", "year"]].itertuples(index=False):
            agency = next(a for a in PLACES if a in tooltip)
            place_zh, place_en, english = PLACES[agency]
            assert label.startswith(f"{year} {place_zh}") and place_en in label
            assert width(label) <= data.AXIS_COLUMNS
            assert not label.endswith(place_en[:-1])  # never a word cut short without its "…"
            assert tooltip == f"{year} · {agency} · {english}"


def test_the_short_name_is_the_usual_one():
    assert data.short_name("六安市人力资源和社会保障局") == "六安人社局"
    assert data.short_name("沭阳县发展和改革局") == "沭阳发改局"
    assert data.short_name("上海市科学技术委员会") == "上海科委"


def test_the_report_pickers_name_the_agency_in_english(corpus_store):
    labels = dict((rid, label) for label, rid in Service(corpus_store.path).report_choices())
    assert labels["000_782cdb5e9cbe54e2.txt"] == (
        "六安市人力资源和社会保障局2023年政府信息公开工作年度报告 · "
        "Lu'an Municipal Human Resources and Social Security Bureau 2023 (000_782cdb5e9cbe54e2.txt)"
    )

"""Place names in correct pinyin (polyphonic characters, apostrophes), and agency names in English."""

from __future__ import annotations

import pytest
from pypinyin import lazy_pinyin

from assistant.domain.names import PLACE_OVERRIDES, agency_english, place_pinyin, split_places


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("六安", "Lu'an"),
        ("洪洞", "Hongtong"),
        ("涡阳", "Guoyang"),
        ("六合", "Luhe"),
        ("东阿", "Dong'e"),
        ("平潭", "Pingtan"),
        ("沭阳", "Shuyang"),
        ("洪泽", "Hongze"),
        ("淮安", "Huai'an"),
        ("西安", "Xi'an"),
        ("长沙", "Changsha"),
        ("重庆", "Chongqing"),
        ("厦门", "Xiamen"),
        ("蚌埠", "Bengbu"),
        ("吕梁", "Lüliang"),
        ("陕西", "Shaanxi"),
    ],
)
def test_place_pinyin(zh, en):
    assert place_pinyin(zh) == en


@pytest.mark.parametrize(
    ("zh", "en", "pypinyin_alone"),
    [
        ("朝阳", "Chaoyang", "zhaoyang"),  # 朝 is cháo in the place name, zhāo in 朝阳 "morning sun"
        ("吕梁", "Lüliang", "lvliang"),
    ],
)
def test_pinyin_of_places_outside_the_override_table_comes_from_cc_cedict(zh, en, pypinyin_alone):
    assert zh not in PLACE_OVERRIDES  # the spelling comes from CC-CEDICT, not from the table
    assert place_pinyin(zh) == en
    assert "".join(lazy_pinyin(zh)) == pypinyin_alone  # the fallback gets it wrong: CC-CEDICT makes it right


def test_agency_of_a_place_spelled_by_cc_cedict():
    assert agency_english("朝阳市人民政府").english == "Chaoyang Municipal People's Government"


def test_pinyin_falls_back_to_pypinyin_with_apostrophes():
    assert place_pinyin("平安") == "Ping'an"  # not a CC-CEDICT place name: pypinyin, apostrophe added


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("六安市人力资源和社会保障局", "Lu'an Municipal Human Resources and Social Security Bureau"),
        ("沭阳县发展和改革局", "Shuyang County Development and Reform Bureau"),
        ("标题:沭阳县发展和改革局", "Shuyang County Development and Reform Bureau"),
        ("淮安市洪泽区人民政府", "Hongze District People's Government, Huai'an"),
        ("平潭综合实验区管委会", "Pingtan Comprehensive Experimental Zone Administrative Committee"),
        ("平潭县人民政府", "Pingtan County People's Government"),
        ("上海市科委", "Shanghai Municipal Science and Technology Commission"),
        ("涡阳县市场监督管理局", "Guoyang County Administration for Market Regulation"),
        ("洪洞县人民政府", "Hongtong County People's Government"),
        ("南京市六合区人民政府", "Luhe District People's Government, Nanjing"),
        ("东阿县卫生健康委员会", "Dong'e County Health Commission"),
        ("六安市人民政府办公室", "General Office of the Lu'an Municipal People's Government"),
        ("六安市金安区三里桥街道办事处", "Sanliqiao Subdistrict Office, Jin'an, Lu'an"),
    ],
)
def test_agency_names_in_english(zh, en):
    name = agency_english(zh)
    assert name.english == en and name.sure


def test_unknown_agency_type_is_not_guessed():
    name = agency_english("六安市某某服务中心")
    assert not name.sure and name.english.endswith("(六安市某某服务中心)")


def test_places_split_on_level_words():
    assert [(p.name, p.level) for p in split_places("安徽省六安市")] == [("安徽", "省"), ("六安", "市")]
    assert [(p.name, p.level) for p in split_places("杭州市")] == [("杭州", "市")]  # 州 inside a name

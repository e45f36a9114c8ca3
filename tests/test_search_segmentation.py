"""Segmentation: domain terms stay whole, sub-word queries match, traditional/English queries find the
same passages as their simplified twins, and jieba writes nothing to the system temp folder."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import jieba
import pytest
from conftest import real_passages

from assistant.search.bm25 import BM25Index, IndexedPassage
from assistant.search.searcher import Searcher
from assistant.search.tokenize import PARTS_FILE, Tokenizer, domain_dictionary, normalize_query, seed_dictionary

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def passages() -> list[IndexedPassage]:
    return real_passages()


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory: pytest.TempPathFactory) -> Tokenizer:
    return Tokenizer(tmp_path_factory.mktemp("index"))


@pytest.fixture(scope="module")
def searcher(passages: list[IndexedPassage], tokenizer: Tokenizer) -> Searcher:
    index = BM25Index(tokenizer)
    index.add(passages)
    return Searcher(index)


DOMAIN_TERMS = [
    "政府信息公开",
    "依申请公开",
    "结转下年度",
    "行政复议",
    "规范性文件",
    "主动公开",
    "行政诉讼",
    "政务公开",
    "政策解读",
]


def _boundaries(words: list[str]) -> set[int]:
    out, pos = set(), 0
    for w in words:
        pos += len(w)
        out.add(pos)
    return out


@pytest.mark.parametrize("term", DOMAIN_TERMS)
def test_domain_terms_stay_whole_in_real_reports(
    term: str, passages: list[IndexedPassage], tokenizer: Tokenizer
) -> None:
    occurrences = 0
    for p in passages:
        start = p.text.find(term)
        if start < 0:
            continue
        cuts = _boundaries(tokenizer.words_of(p.text))
        tokens = tokenizer.tokens(p.text)
        assert term in tokens, (term, p.report_id, p.start)
        while start >= 0:
            occurrences += 1
            inside = set(range(start + 1, start + len(term)))
            assert not inside & cuts, f"{term} cut inside at {p.report_id}:{p.start + start}"
            start = p.text.find(term, start + 1)
    assert occurrences >= 3, f"{term} should occur in the corpus"


def test_plain_jieba_would_split_them_so_the_dictionary_matters(tmp_path: Path) -> None:
    plain = jieba.Tokenizer()
    plain.tmp_dir, plain.cache_file = str(tmp_path), "jieba.cache"
    split = [t for t in DOMAIN_TERMS if t not in plain.lcut(f"我区{t}工作", HMM=False)]
    assert {"政府信息公开", "依申请公开", "结转下年度", "规范性文件"} <= set(split)
    assert {"政府信息公开", "依申请公开", "结转下年度", "规范性文件", "信息处理费"} <= set(domain_dictionary())


@pytest.mark.parametrize(
    "part,whole", [("复议", "行政复议"), ("结转", "结转下年度"), ("信息公开", "政府信息公开"), ("诉讼", "行政诉讼")]
)
def test_a_query_that_is_part_of_a_longer_word_matches(
    part: str, whole: str, searcher: Searcher, passages: list[IndexedPassage]
) -> None:
    # passages where the part occurs only inside the longer word
    only_inside = [p for p in passages if whole in p.text and p.text.count(part) == p.text.count(whole)]
    assert len(only_inside) >= 2
    found = {(h.report_id, h.start) for h in searcher.search(part, k=len(passages))}
    assert {(p.report_id, p.start) for p in only_inside} <= found
    hit = searcher.search(part, k=1)[0]
    assert any(part in hit.text[s:e] for s, e in hit.matches) and "【" in hit.highlighted


def test_stop_words_dropped_numbers_and_years_kept(tokenizer: Tokenizer, passages: list[IndexedPassage]) -> None:
    p = next(p for p in passages if p.report_id == "pingtan-2021" and "本年度全区共收到70件申请" in p.text)
    tokens = tokenizer.tokens(p.text)
    assert "70" in tokens and "69" in tokens  # 共收到70件申请，及时依法依规办结69件
    assert not {"的", "了", "和", "年", "件", "，", "。", " "} & set(tokens)
    year_tokens = tokenizer.tokens("2021年1月1日起至2021年12月31日止")
    assert year_tokens.count("2021") == 2 and "12" in year_tokens and "31" in year_tokens


TWINS = [
    ("行政複議 糾正", "行政复议 纠正"),
    ("依申請公開 答覆 超期", "依申请公开 答复 超期"),
    ("政府資訊公開", "政府信息公开"),
    ("規範性文件", "规范性文件"),
    ("administrative reconsideration", "行政复议"),
    ("information processing fees", "信息处理费"),
    ("Information Processing Fee", "信息处理费"),
    ("proactive disclosure", "主动公开"),
    ("policy interpretation", "政策解读"),
    ("lawsuits", "行政诉讼"),
    ("requests carried forward to next year", "申请 结转下年度"),
]


@pytest.mark.parametrize("query,simplified", TWINS)
def test_traditional_and_english_queries_find_what_the_simplified_twin_finds(
    query: str, simplified: str, searcher: Searcher
) -> None:
    got = searcher.search(query, k=20)
    want = searcher.search(simplified, k=20)
    assert want, f"{simplified} should match real passages"
    assert [(h.report_id, h.start, round(h.score, 9)) for h in got] == [
        (h.report_id, h.start, round(h.score, 9)) for h in want
    ]
    assert "【" in got[0].highlighted


def test_query_normaliser() -> None:
    assert normalize_query("行政複議") == "行政复议"
    assert normalize_query("ＡＤＭＩＮＩＳＴＲＡＴＩＶＥ Reconsideration") == "行政复议"
    assert normalize_query("How many lawsuits were corrected?").split()[:2] == ["行政诉讼", "纠正"]
    assert normalize_query("依申请公开 fees").split() == ["依申请公开", "收费"]
    assert normalize_query("pdf 文件") == "pdf 文件"  # unknown English words are kept


def test_jieba_cache_goes_to_the_index_folder_not_the_system_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    folder = tmp_path / "index"
    tk = Tokenizer(folder)
    assert "行政复议" in tk.tokens("本年度发生行政复议1件")
    assert (folder / PARTS_FILE).is_file()  # (and jieba.cache, where no seed was installed)
    assert list(system_tmp.iterdir()) == []


def test_a_new_index_folder_starts_from_the_installed_dictionary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_DICTIONARY_SEED", str(tmp_path / "seed"))
    assert seed_dictionary() == tmp_path / "seed"
    assert (tmp_path / "seed" / PARTS_FILE).is_file()
    text = real_passages()[3].text
    fresh = Tokenizer(tmp_path / "index")
    assert fresh.tokens(text) == Tokenizer().tokens(text)  # the words of the whole dictionary
    assert fresh._packed is not None  # read part by part from the seed's copy: never built
    assert sorted(f.name for f in (tmp_path / "index").iterdir()) == [PARTS_FILE]
    other = Tokenizer(tmp_path / "other", extra_words=["申请收费"])  # a seed of another dictionary is not used
    assert other.tokens("依申请公开 申请收费")[-1] == "申请收费"
    assert other._packed is None


def test_opencc_converts_without_network() -> None:
    code = (
        "import socket\n"
        "def refuse(*a, **k):\n    raise OSError('network disabled')\n"
        "socket.socket = refuse\nsocket.create_connection = refuse\nsocket.getaddrinfo = refuse\n"
        "from assistant.search.tokenize import to_simplified\n"
        "print(to_simplified('依申請公開 行政複議 資訊'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "依申请公开 行政复议 信息"

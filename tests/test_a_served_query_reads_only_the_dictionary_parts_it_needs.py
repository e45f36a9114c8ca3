"""A process that only answers queries segments them from the index folder's dictionary parts file (one
part per first character, read when a query first needs it) instead of loading jieba's whole
dictionary, and gets exactly the words the whole dictionary gives; a parts file written for another
dictionary is not used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import real_passages

from assistant.search.tokenize import PARTS_FILE, Tokenizer, normalize_query

BLIND = Path(__file__).resolve().parent / "blind"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("index")
    Tokenizer(path).jieba  # noqa: B018 - what building an index does: the whole dictionary, and its parts file
    return path


def queries() -> list[str]:
    files = [BLIND / "search_dev.json", BLIND / "search_sealed.json"]
    blind = [q["query"] for f in files for q in json.loads(f.read_text(encoding="utf-8"))]
    sentences = [p.text[:60] for p in real_passages()[::4]]  # report text typed as a query
    return blind + sentences


def test_queries_get_the_whole_dictionarys_words_without_loading_it(folder: Path) -> None:
    assert (folder / PARTS_FILE).is_file()
    whole = Tokenizer()  # no folder: the whole dictionary, loaded at once
    whole.jieba  # noqa: B018
    served = Tokenizer(folder)
    qs = queries()
    assert len(qs) > 150
    for q in qs:
        assert served.query_words(q) == whole.query_words(q), q
        assert served.query_tokens(q) == whole.query_tokens(q), q
    typed = set("".join(normalize_query(q).lower() for q in qs))
    assert served._loaded <= typed  # only the parts of characters the queries hold were read
    assert len(served.jieba.FREQ) < len(whole.jieba.FREQ) / 2
    assert served.query_words("依申请公开 收费") == [("依申请公开", ("申请", "公开", "依申请")), ("收费", ())]


def test_a_parts_file_of_another_dictionary_is_not_used(folder: Path) -> None:
    other = Tokenizer(folder, extra_words=["申请收费"])  # another dictionary: another signature
    assert other._read_parts() is None
    assert other.query_words("依申请公开 申请收费")[-1] == ("申请收费", ("申请", "收费"))
    assert other._packed is None  # segmented with the whole dictionary, which has the extra word

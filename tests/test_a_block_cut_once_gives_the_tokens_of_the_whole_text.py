"""The tokenizer cuts each distinct block of text once and reuses its tokens; the tokens of every real
passage are still exactly those of jieba cutting the whole passage, the first time and the second."""

from __future__ import annotations

from pathlib import Path

from conftest import real_passages

from assistant.search.tokenize import Tokenizer, _prepare


def test_remembered_blocks_give_the_tokens_of_the_whole_text(tmp_path: Path) -> None:
    tokenizer = Tokenizer(tmp_path)
    texts = [p.text for p in real_passages()]
    plain = Tokenizer()  # the whole dictionary, cutting each whole text
    whole = [[t for w in plain.jieba.cut(_prepare(text), HMM=False) for t in plain._expand(w)] for text in texts]
    assert sum(map(len, whole)) > 10_000
    first = [tokenizer.tokens(text) for text in texts]
    assert len(tokenizer._blocks) < sum(len(text) for text in texts) / 5  # blocks repeat: fewer cuts
    again = [tokenizer.tokens(text) for text in texts]
    assert first == whole
    assert again == whole
    assert "政府信息公开" in whole[0] and "信息公开" in whole[0]  # a domain word and a word inside it


def test_the_c_cut_gives_jiebas_words_of_every_real_passage(tmp_path: Path, monkeypatch) -> None:
    from assistant.search import tokenize

    assert tokenize._segment is not None  # the install builds it
    texts = [_prepare(p.text) for p in real_passages()]
    ours = Tokenizer(tmp_path)
    in_c = [list(ours._cut(text)) for text in texts]
    monkeypatch.setattr(tokenize, "_segment", None)
    in_python = [list(Tokenizer(tmp_path)._cut(text)) for text in texts]
    plain = Tokenizer(tmp_path)
    jieba_words = [plain._need(text).lcut(text, HMM=False) for text in texts]
    assert sum(map(len, jieba_words)) > 10_000
    assert in_c == jieba_words
    assert in_python == jieba_words
    assert any("2024" in words for words in in_c)  # a run of single digits is joined into one word

"""The narrative sections: key sentences (TextRank), with their terms glossed from the vocabulary. The counts
the prose gives are the report's narrative facts (report.narrative_facts, read by
:mod:`assistant.summarize.statements`), not read again here.

Segmentation uses the project's :class:`assistant.search.tokenize.Tokenizer` (a private jieba instance, nothing
written to disk) with the summaries' terms added.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from assistant.domain.patterns import CJK_CHAR, SENTENCE
from assistant.domain.record import Passage, Report
from assistant.search.tokenize import STOP_WORDS, Tokenizer
from assistant.summarize.terms import english_term, known_terms

NARRATIVE_SECTIONS = ("overview", "problems", "other_matters")

# Words of the bureaucratic register that carry no content for TextRank (besides segment.STOP_WORDS).
GENERIC_WORDS = frozenset(
    "工作 情况 方面 问题 要求 相关 有关 主要 全年 年度 本年度 本年 我局 我区 我市 我县 我委 本机关"
    " 单位 部门 人员 机制 制度 水平 质量 能力 力度 意识 成效 效果 内容 形式 渠道 措施 举措 任务 责任"
    " 领导 时效性 实效 全面 重点 重要 进一步 同时 下一步 今年 去年 上年度 本单位 各级 全局 全区 全市"
    " 全县 领域 标准 目标 体系 环节 过程 方式 事项 结果 整改措施 服务 信息 建设 办理 政策 政务 下功夫 报告".split()
)
BOILERPLATE = (
    "本报告",
    "统计期限",
    "以下简称",
    "联系电话",
    "邮编",
    "网址",
    "http",
    "年度报告格式",
    "如对",
    "特此报告",
    "国办公开办函",
    "为指导",
    "思想",
    "精神",
    "决策部署",
)
_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n]")


@dataclass(frozen=True)
class Sentence:
    text: str
    section: str
    start: int | None
    end: int | None
    position: int  # order in the report


# ---------------------------------------------------------------- segmentation
@cache
def tokenizer() -> Tokenizer:
    """One tokenizer per process: the project's domain words plus the summaries' terms."""
    return Tokenizer(cache_dir=None, extra_words=known_terms())


@lru_cache(maxsize=1 << 16)
def _content_words(text: str) -> tuple[str, ...]:
    """The sentence's content words (kept per process: copies of a report in other formats, and the
    standard sentences agencies share, are segmented once)."""
    return tuple(
        w
        for w in tokenizer().words_of(text)
        if len(w) >= 2 and w not in STOP_WORDS and w not in GENERIC_WORDS and (CJK_CHAR.search(w) or w.isalpha())
    )


def term_matches(text: str) -> list[tuple[int, str]]:
    """Known glossary terms in a text, longest first and without overlaps, in text order."""
    taken = [False] * len(text)
    found: list[tuple[int, str]] = []
    for term in known_terms():
        start = text.find(term)
        while start >= 0:
            end = start + len(term)
            if not any(taken[start:end]):
                found.append((start, term))
                for i in range(start, end):
                    taken[i] = True
            start = text.find(term, end)
    return sorted(found)


def glosses(text: str, limit: int = 5) -> list[tuple[str, str]]:
    """(Chinese, English) of the distinct known terms in a sentence, in order of appearance."""
    out: dict[str, str] = {}
    for _, term in term_matches(text):
        en = english_term(term)
        if en and term not in out:
            out[term] = en
    return list(out.items())[:limit]


# ---------------------------------------------------------------- sentences
def narrative_passages(report: Report) -> list[Passage]:
    """The passages the narrative is read from: the three narrative sections, or, for a report without
    the standard layout (or without those headings), every passage."""
    chosen = [p for p in report.prose() if p.section in NARRATIVE_SECTIONS]
    if report.layout is None or not chosen:
        return report.prose()
    return chosen


def sentences(report: Report, passages: list[Passage] | None = None) -> list[Sentence]:
    out: list[Sentence] = []
    for p in passages if passages is not None else narrative_passages(report):
        for m in SENTENCE.finditer(p.text):
            text = m.group(0).strip()
            if not text:
                continue
            start = report.text.find(text, max(0, p.start - 1)) if report.text else -1
            out.append(
                Sentence(
                    text, p.section, start if start >= 0 else None, start + len(text) if start >= 0 else None, len(out)
                )
            )
    return out


def _candidate(s: Sentence) -> bool:
    t = s.text
    if not 20 <= len(t) <= 180 or "\t" in t or any(b in t for b in BOILERPLATE) or t[-1] not in "。！？!?":
        return False
    digits = sum(ch.isdigit() for ch in t)
    return digits / len(t) < 0.15 and len(CJK_CHAR.findall(t)) / len(t) > 0.6


def textrank(items: Sequence[Sequence[str]], damping: float = 0.85, iterations: int = 100) -> list[float]:
    """TextRank scores of sentences given their words: similarity |A∩B| / (log|A| + log|B|)."""
    n = len(items)
    sets = [set(words) for words in items]
    weights = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            if len(sets[i]) > 1 and len(sets[j]) > 1:
                common = len(sets[i] & sets[j])
                if common:
                    w = common / (math.log(len(sets[i])) + math.log(len(sets[j])))
                    weights[i][j] = weights[j][i] = w
    out_sum = [sum(row) for row in weights]
    # into each sentence: (j, weights[j][i] / out_sum[j]) of the sentences linked to it, in the order of j
    # (the sums below are then the same floats as summing over every j and skipping the zeros)
    into = [[(j, weights[j][i] / out_sum[j]) for j in range(n) if weights[j][i]] for i in range(n)]
    scores = [1.0] * n
    for _ in range(iterations):
        new = [(1 - damping) + damping * sum(c * scores[j] for j, c in into[i]) for i in range(n)]
        delta = max((abs(a - b) for a, b in zip(new, scores, strict=True)), default=0.0)
        scores = new
        if delta < 1e-9:
            break
    return scores


def key_sentences(report: Report, k: int | None = None) -> list[tuple[Sentence, float]]:
    """Two or three sentences picked by TextRank over the narrative, in the report's order."""
    cands = [s for s in sentences(report) if _candidate(s)]
    words = [_content_words(s.text) for s in cands]
    pairs = [(s, w) for s, w in zip(cands, words, strict=True) if len(set(w)) >= 3]
    if not pairs:
        return []
    k = k or (3 if len(pairs) >= 8 else 2)
    scores = textrank([w for _, w in pairs])
    order = sorted(range(len(pairs)), key=lambda i: (-round(scores[i], 9), i))
    chosen: list[int] = []
    for i in order:
        words_i = set(pairs[i][1])
        if any(len(words_i & set(pairs[j][1])) / len(words_i | set(pairs[j][1])) > 0.5 for j in chosen):
            continue
        chosen.append(i)
        if len(chosen) == k:
            break
    return [(pairs[i][0], scores[i]) for i in sorted(chosen)]

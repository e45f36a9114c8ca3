"""The narrative sections: key sentences (TextRank), themes (keywords through the glossary) and the
counts the prose gives ("主动公开政府信息1000余条", Chinese numerals such as 二十三 included).

Segmentation uses the project's :class:`assistant.search.tokenize.Tokenizer` (a private jieba instance, nothing
written to disk) with the summaries' terms added; part-of-speech tags come from a ``jieba.posseg``
POSTokenizer wrapped around that same instance; IDF weights are read from jieba's own ``idf.txt``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.domain.numbers import CHINESE_NUMERALS, chinese, english, parse
from assistant.domain.patterns import CJK_CHAR, HEADING_NUMERALS, SENTENCE
from assistant.domain.record import Passage, Report
from assistant.search.tokenize import STOP_WORDS, Tokenizer
from assistant.summarize.terms import english_term, known_terms

NARRATIVE_SECTIONS = ("overview", "problems", "other_matters")

# Terms in every report: no theme.
THEME_EXCLUDE = frozenset(
    {
        "政府信息公开",
        "信息公开",
        "政府信息",
        "政务公开",
        "申请",
        "条例",
        "年度报告",
        "政府信息公开条例",
        "政府信息公开工作年度报告",
        "文件",
        "信息发布",
        "审核",
        "检查",
        "会议",
        "回应",
        "改进",
        "存在的主要问题",
        "予以公开",
        "部分公开",
        "不予公开",
        "无法提供",
        "不予处理",
        "纠正",
        "维持",
        "尚未审结",
        "期限",
        "收费",
    }
)
# Words of the bureaucratic register that carry no theme (besides segment.STOP_WORDS).
GENERIC_WORDS = frozenset(
    "工作 情况 方面 问题 要求 相关 有关 主要 全年 年度 本年度 本年 我局 我区 我市 我县 我委 本机关"
    " 单位 部门 人员 机制 制度 水平 质量 能力 力度 意识 成效 效果 内容 形式 渠道 措施 举措 任务 责任"
    " 领导 时效性 实效 全面 重点 重要 进一步 同时 下一步 今年 去年 上年度 本单位 各级 全局 全区 全市"
    " 全县 领域 标准 目标 体系 环节 过程 方式 事项 结果 整改措施 服务 信息 建设 办理 政策 政务 下功夫 报告".split()
)
_POS_KEEP = frozenset({"n", "nz", "vn", "nt", "nw", "ng"})
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
)
_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n]")

_COUNT = re.compile(
    r"(?<![第\d.．])(?P<pre>近|约|超过|超|逾)?\s*"
    rf"(?P<n>\d+(?:\.\d+)?|[{CHINESE_NUMERALS}]{{2,}}|[二两三四五六七八九十])\s*"
    r"(?P<wan>万(?!元))?\s*(?P<post>余|多)?\s*"
    r"(?P<unit>人次|万元|元|条|件|篇|次|场|期|起|个|家|名|项|份)"
)
UNITS_EN = {
    "人次": ("visit", "visits"),
    "万元": ("yuan", "yuan"),
    "元": ("yuan", "yuan"),
    "条": ("item", "items"),
    "件": ("item", "items"),
    "篇": ("article", "articles"),
    "次": ("time", "times"),
    "场": ("session", "sessions"),
    "期": ("issue", "issues"),
    "起": ("case", "cases"),
    "个": ("", ""),
    "家": ("organisation", "organisations"),
    "名": ("person", "people"),
    "项": ("item", "items"),
    "份": ("copy", "copies"),
}
QUALIFIERS_EN = {
    "近": "nearly ",
    "约": "about ",
    "超过": "more than ",
    "超": "more than ",
    "逾": "more than ",
    "余": "more than ",
    "多": "more than ",
}
MAX_COUNTS = 8


@dataclass(frozen=True)
class Sentence:
    text: str
    section: str
    start: int | None
    end: int | None
    position: int  # order in the report


@dataclass(frozen=True)
class NarrativeCount:
    value: float | int
    qualifier: str  # English, "" or "more than " / "about " / "nearly "
    unit: str  # English unit ("items"), may be ""
    subject_zh: str  # the clause before the number
    subject_en: str | None  # the glossary term the clause ends on, in English
    raw: str  # the Chinese wording, clause and number
    offset: int

    @property
    def english(self) -> str:
        amount = f"{self.qualifier}{english(self.value)}{' ' + self.unit if self.unit else ''}"
        if self.subject_en:
            return f"{self.subject_en}: {amount}"
        return f"{amount} ({self.subject_zh})" if self.subject_zh else amount


@dataclass(frozen=True)
class Theme:
    zh: str
    en: str | None
    count: int


# ---------------------------------------------------------------- segmentation
@cache
def tokenizer() -> Tokenizer:
    """One tokenizer per process: the project's domain words plus the summaries' terms."""
    return Tokenizer(cache_dir=None, extra_words=known_terms())


@cache
def _pos_tokenizer():  # -> jieba.posseg.POSTokenizer
    import jieba.posseg

    return jieba.posseg.POSTokenizer(tokenizer().jieba)


@cache
def _idf() -> tuple[dict[str, float], float]:
    import jieba

    path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    idf: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.strip().partition(" ")
        if value:
            idf[word] = float(value)
    values = sorted(idf.values())
    return idf, values[len(values) // 2]


def _content_words(text: str) -> list[str]:
    return [
        w
        for w in tokenizer().words_of(text)
        if len(w) >= 2 and w not in STOP_WORDS and w not in GENERIC_WORDS and (CJK_CHAR.search(w) or w.isalpha())
    ]


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


def textrank(items: list[list[str]], damping: float = 0.85, iterations: int = 100) -> list[float]:
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
    scores = [1.0] * n
    for _ in range(iterations):
        new = [
            (1 - damping) + damping * sum(weights[j][i] / out_sum[j] * scores[j] for j in range(n) if weights[j][i])
            for i in range(n)
        ]
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


# ---------------------------------------------------------------- themes
def themes(text: str, limit: int = 6, others: int = 3) -> tuple[list[Theme], list[Theme]]:
    """The section's recurring glossary terms (with English), and its top other keywords (TF-IDF nouns,
    no sure English name)."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for pos, term in term_matches(text):
        if term in THEME_EXCLUDE or not english_term(term):
            continue
        counts[term] = counts.get(term, 0) + 1
        first.setdefault(term, pos)
    ranked = sorted(counts, key=lambda t: (-counts[t], -len(t), first[t]))
    english = [Theme(t, english_term(t), counts[t]) for t in ranked[:limit]]

    covered = "".join(counts)
    idf, median = _idf()
    tf: dict[str, int] = {}
    order: dict[str, int] = {}
    for word, flag in _pos_tokenizer().lcut(unicodedata.normalize("NFKC", text), HMM=False):
        if (
            flag not in _POS_KEEP
            or len(word) < 2
            or not CJK_CHAR.search(word)
            or word in STOP_WORDS
            or word in GENERIC_WORDS
            or word in covered
            or english_term(word)
        ):
            continue
        tf[word] = tf.get(word, 0) + 1
        order.setdefault(word, len(order))
    scored = sorted((w for w in tf if tf[w] >= 2), key=lambda w: (-tf[w] * idf.get(w, median), order[w]))
    other = [Theme(w, None, tf[w]) for w in scored[:others]]
    return english, other


# ---------------------------------------------------------------- counts
_CLAUSE_HEAD = re.compile(
    rf"^(?:\s|[(（][{HEADING_NUMERALS}\d]+[)）]|[{HEADING_NUMERALS}]+是|其中|共计|共|累计|"
    r"\d{4}\s*年(?:度)?|[(（)）「」“”‘’\"'《》、])+"
)


def _clean_clause(clause: str) -> str:
    """The clause before a number without its lead-in (numbering, 其中, a year) and with no stray brackets."""
    clause = _CLAUSE_HEAD.sub("", clause).strip()
    if clause.count("(") != clause.count(")") or clause.count("（") != clause.count("）"):
        clause = re.sub(r"[()（）]", "", clause)
    return clause


def narrative_counts(report: Report, limit: int = MAX_COUNTS) -> list[NarrativeCount]:
    """Counts stated in the narrative, in text order: the clause before each number names what is counted."""
    out: list[NarrativeCount] = []
    seen: set[tuple[str, float]] = set()
    passages = narrative_passages(report)
    if report.layout is not None:
        passages = [p for p in passages if p.section == "overview"] or passages
    else:  # before 2019 the overview (一、概述) is general; the counts are stated from 二、主动公开 on
        passages = [p for p in passages if p.section != "overview"] or passages
    for p in passages:
        text = unicodedata.normalize("NFKC", p.text)
        for sent in SENTENCE.finditer(text):
            if any(b in sent.group(0) for b in BOILERPLATE):
                continue
            for m in _COUNT.finditer(sent.group(0)):
                unit = m.group("unit")
                value = parse(m.group("n") + ("万" if m.group("wan") or unit == "万元" else ""))
                if value is None or (not m.group("n")[0].isdigit() and value < 2):
                    continue
                head = sent.group(0)[: m.start()]
                clause = _CLAUSE_END.split(head)[-1].strip()
                clause = _clean_clause(clause)
                terms = [t for _, t in term_matches(clause) if english_term(t)]
                subject_en = english_term(terms[-1]) if terms else None
                key = (subject_en or clause, float(value))
                if key in seen or not (subject_en or clause):
                    continue
                seen.add(key)
                qual = QUALIFIERS_EN.get(m.group("post") or "", "") or QUALIFIERS_EN.get(m.group("pre") or "", "")
                raw = (clause + m.group(0).strip()).replace(" ", "")
                out.append(
                    NarrativeCount(
                        value,
                        qual,
                        UNITS_EN[unit][0 if value == 1 else 1],
                        clause,
                        subject_en,
                        raw,
                        p.start + sent.start() + m.start(),
                    )
                )
                if len(out) >= limit:
                    return out
    return out


def count_zh(c: NarrativeCount) -> str:
    """The count as the report words it (numerals as digits)."""
    return c.raw if c.raw else chinese(c.value)

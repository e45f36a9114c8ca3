"""Questions the figures cannot answer: the best passages, the sentence that answers best, and for an
English question the key terms of that sentence glossed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.answer import Answer, AnswerKind, who
from assistant.domain import schema, vocabulary
from assistant.domain.patterns import CJK_CHAR, CLAUSE_ENDS, DENIAL, SENTENCE_ENDS, sentence_pattern
from assistant.domain.record import Citation, Report, location
from assistant.extract.sections import is_heading
from assistant.search.tokenize import Tokenizer

if TYPE_CHECKING:
    from assistant.search.searcher import Hit, Searcher

_SENTENCE = sentence_pattern(SENTENCE_ENDS + CLAUSE_ENDS)
MAX_GLOSSES = 6
MIN_ANSWER_CHARS = 20


def report_searcher(report: Report, tokenizer: Tokenizer | None = None) -> Searcher:
    """A throw-away index over one report that is not in the corpus (a file asked about on the spot)."""
    from assistant.search.bm25 import BM25Index
    from assistant.search.searcher import Searcher

    index = BM25Index(tokenizer)
    index.add(report.indexed_passages(), workers=1)
    return Searcher(index)


def best_sentence(text: str, terms: list[str]) -> str:
    """The sentence of a passage holding the most query terms (the longer terms count more)."""
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    sentences = [s for s in sentences if not is_heading(s)] or sentences
    if not sentences:
        return text
    return max(sentences, key=lambda s: (sum(len(t) for t in terms if t in s), -abs(len(s) - 60)))


def glosses(sentence: str) -> list[tuple[str, str]]:
    """Key terms of a Chinese sentence with their English, longest first, without overlaps."""
    found: list[tuple[int, int, str, str]] = []
    for term in sorted(vocabulary.of_kind(vocabulary.Kind.TERM), key=lambda t: -len(t.zh)):
        for m in re.finditer(re.escape(term.zh), sentence):
            if not any(s < m.end() and m.start() < e for s, e, _, _ in found):
                found.append((m.start(), m.end(), term.zh, term.prose))
    found.sort()
    return [(zh, en) for _, _, zh, en in found][:MAX_GLOSSES]


def _section_name(section: str, lang: str) -> str:
    sec = schema.SECTION_BY_ID.get(section)
    if sec is None:
        return section
    return sec.english if lang == "en" else sec.heading


def answer_passage(
    question: str,
    searcher: Searcher,
    lang: str,
    *,
    report_id: str | None = None,
    year: int | None = None,
    agency: str | None = None,
    prefer: str | None = None,
    k: int = 3,
    yes_no: bool = False,
    none_asked: bool = False,
) -> Answer:
    """The best passages (those of the ``prefer`` section first, when it has any), with citations; a
    yes/no question whose passage denies what it asks about ("无收取信息处理费情况") is answered no (or yes,
    where it asks whether there was none: ``none_asked``)."""
    # a copy of the report must not hide it, nor its copies crowd out its own passages
    hits: list[Hit] = searcher.search(
        question, year=year, agency=agency, k=k * (40 if report_id else 8), distinct=report_id is None
    )
    # a table row's sentence is the search's, not the report's words: the figures answer from the tables
    hits = [
        h for h in hits if h.score > 0 and h.kind != "table_row" and (report_id is None or h.report_id == report_id)
    ]
    hits = [h for h in hits if len(h.text) >= MIN_ANSWER_CHARS] or hits  # a bare heading answers nothing
    if prefer and any(h.section == prefer for h in hits):
        hits.sort(key=lambda h: h.section != prefer)
    hits = hits[:k]
    if not hits:
        text = (
            "The reports do not answer this: no passage matches the question."
            if lang == "en"
            else "报告中没有回答这个问题的内容：没有与问题相符的段落。"
        )
        return Answer(text, None, AnswerKind.NOT_FOUND, lang, [])
    terms = searcher.query_terms(question)
    if yes_no:  # a yes/no is answered by the first of the passages that says yes or no, if any does
        telling = [h for h in hits if _tells(best_sentence(h.text, terms), terms)]
        hits = [*telling[:1], *(h for h in hits if h not in telling[:1])]
    top = hits[0]
    sentence = best_sentence(top.text, terms)
    where = location(None, top.page, lang)
    if lang == "en":
        text = (
            f"The report does not state this as a figure; the closest passage ({_section_name(top.section, lang)} "
            f"of {who(top.agency, top.year, lang)}{', ' + where if where else ''}) says: “{sentence}”"
        )
        pairs = glosses(sentence)
        if pairs:
            text += " Key terms: " + "; ".join(f"{en} ({zh})" for zh, en in pairs) + "."
    else:
        text = f"最相关的段落（{top.agency}{top.year}年度报告·{_section_name(top.section, lang)}）写道：“{sentence}”"
    cites = []
    for h in hits:
        off = h.text.find(sentence) if h is top else -1
        start, end = (h.start + off, h.start + off + len(sentence)) if off >= 0 else (h.start, h.end)
        cites.append(
            Citation(h.report_id, h.title, _section_name(h.section, lang), h.text, start, end, page=h.page, lang=lang)
        )
    out = Answer(text, None, AnswerKind.PASSAGE, lang, cites, quote=sentence)
    denied = yes_no and denies(sentence, terms)
    counted = affirms(sentence, terms) if yes_no and not denied else None
    if denied or counted is not None:
        out.verdict = (not denied and bool(counted)) != none_asked
        said = (
            (("Yes", "是。") if none_asked else ("Yes", "有。"))
            if out.verdict
            else ("No", "不是。" if none_asked else "没有。")
        )
        out.answer = (
            f"{said[0]}: {who(top.agency, top.year, lang)} says “{sentence}”"
            if lang == "en"
            else f"{said[1]}{top.agency}{top.year}年度报告写道：“{sentence}”"
        )
    return out


# a count a few characters after the word, or an amount right after it ("信息处理费0元", not "公开费用1万元")
_COUNT_AFTER = re.compile(r"[^，,。；;]{0,6}?(\d+)\s*[个件条次场期篇名人家项起]|\s*(\d+)\s*万?元")


def _telling(terms) -> list[str]:
    """The question's Chinese words that say what it asks about: not the words every report is about
    (政府信息公开: "政府信息公开专栏访问量162103人次" says nothing about requests)."""
    return [t for t in terms if len(t) >= 2 and CJK_CHAR.search(t) and not any(t in w for w in vocabulary.REPORT_WORDS)]


def affirms(sentence: str, terms) -> int | None:
    """The count the sentence gives right after one of the question's words ("关停…政府网站1个"), or None."""
    for term in _telling(terms):
        for m in re.finditer(re.escape(term), sentence):
            count = _COUNT_AFTER.match(sentence, m.end())
            if count:
                return int(count.group(1) or count.group(2))
    return None


DENIAL_REACH = 10  # characters between a denying word and the word of the question it denies


def _tells(sentence: str, terms) -> bool:
    """The sentence denies one of the question's words, or gives a count right after one."""
    return denies(sentence, terms) or affirms(sentence, terms) is not None


def denies(sentence: str, terms) -> bool:
    """The sentence denies one of the question's words: a denying word no more than DENIAL_REACH
    characters before it, in the same clause."""
    for term in _telling(terms):
        for at in (m.start() for m in re.finditer(re.escape(term), sentence)):
            before = re.split(r"[，,。；;：:]", sentence[max(0, at - DENIAL_REACH) : at])[-1]
            if DENIAL.search(before):
                return True
    return False

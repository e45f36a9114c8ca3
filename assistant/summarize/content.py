"""The report's own content, as items: the main work items of the overview (by subsection), each problem
and each improvement of section five, and the other matters, each rendered in English where a pattern
applies (:mod:`assistant.summarize.english`), with the narrative facts stated in each part."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.domain.patterns import HEADING_NUMERALS, LONE_YEAR, PAREN_ORDINAL, SECTION_HEADINGS
from assistant.domain.record import NarrativeFact, Report
from assistant.summarize.english import (
    EFFORT,
    ITEM_MARK,
    Rendered,
    base,
    clean,
    past,
    render_heading,
    render_item,
    render_problem,
    split_items,
)

MAX_ITEMS = 5  # per list: the first items carry the report's main points
_SUBSECTION = re.compile(rf"{PAREN_ORDINAL}|(?<![\d.])[{HEADING_NUMERALS}]\s*、")
# Where a subsection's heading ends: a sentence end, a colon, or the space a text copy left for its line break
# (（二）申请处理情况 因未发生…).
_HEADING_END = re.compile(r"[。.：:\n]|\s+(?=[\u4e00-\u9fff])")
# A heading a text copy glued to its body, without a stop or a space: （一）主动公开政府信息的数量各乡镇、…
_GLUED_HEADING = re.compile(
    r"\s*([^。，,；;：:\s]{2,16}?(?:的数量|的主要形式|的主要类别|的主要内容|情况|方面))(?=[\u4e00-\u9fff])"
)
# A clause that names a subsection rather than saying what was done (申请处理情况, 工作人员情况).
_HEADING_SHAPE = re.compile(r"^(?!无).*(?:情况|方面)$")
# A clause that says what the work aims at (做到服务第一, 确保…) rather than what was done.
_PURPOSE = re.compile(r"^(?:做到|确保|力争|实现)")
# A sentence that explains (由于…, 因…) rather than says what was done.
_EXPLANATION = re.compile(r"^(?:由于|因为|因)")
_ITEM_IN_HEADING = re.compile(rf"[{HEADING_NUMERALS}]是|\d")
# Where the improvements start in section five (after the problems).
_IMPROVE = re.compile(
    r"(?:改进|整改)(?:措施|情况|打算|方向)|(?:将|拟|考虑)(?:重点)?(?:从以下|采取以下|切实抓好以下|做好以下)|下一步|"
    r"针对(?:存在|上述|以上)(?:的)?问题|根据上述问题|采取以下措施"
)
_SUBHEADING = re.compile(
    rf"[（(]\s*[{HEADING_NUMERALS}]+\s*[)）]\s*[^。，,：:\n]{{0,16}}?(?:问题|改进|整改|措施|打算)[^。，,：:\n]{{0,10}}[。:：]?"
)
_IMPROVE_HEADING = re.compile(r"改进|整改|措施|打算")
_GENERIC_PROBLEM = re.compile(r"(?:存在|上述|以上|这些|前述)(?:的)?(?:主要)?")
_AIMED_AT = re.compile(r"针对(?P<problems>[^。；;]{2,80}?)(?:等)?(?:的)?问题[，,]")
_INTRO = re.compile(
    r"^.{0,80}?(?:如|主要是|主要有|主要表现在|表现在)\s*[：:]?|^.{0,80}?(?:不足|问题)[。：:，,]", re.DOTALL
)
_PROBLEMS_HEADING = re.compile(rf"[{HEADING_NUMERALS}]\s*[、.]\s*[^。\n]{{0,14}}(?:问题|不足)[^。\n]{{0,10}}")
# Section five of a report that reviews the previous year's problems first: （一）上年度存在的问题及整改情况.
_LAST_YEAR_HEADING = re.compile(rf"{PAREN_ORDINAL}\s*上一?年度?[^。\n]{{0,16}}?(?:问题|整改)[^。\n]{{0,12}}")
# What the improvements' heading or lead-in says of them: planned (将, 下一步, 打算) or done (整改情况, 采取了).
_PLANNED = re.compile(r"将|拟|下一步|打算|计划|考虑")
_DONE = re.compile(r"整改情况|改进情况|采取了|已(?:经)?(?:开展|完成|采取)")
# Where section five of a pre-2019 report ends: its statistics table, an attachment or the date it is signed.
_FIVE_END = re.compile(
    rf"[{HEADING_NUMERALS}]\s*、[^。、]{{0,30}}统计表|附件|\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|"
    r"[二〇○零][〇○零一二三四五六七八九]{3}年[一二三四五六七八九十]{1,2}月"
)
_BOILERPLATE = re.compile(r"为指导|精神|决策部署|根据《|按照《|本报告|统计期限|以下简称|特此|联系|的原则")
_LEAD_IN = re.compile(
    r"^并?(?:严格|认真|坚持)?(?:用于|根据|按照|依据|结合|围绕|为|在|对照|针对|对|其中|通过|此外|同时|主要做法|概述|基本情况|总体情况)"
)
_DIGITS = re.compile(r"\d")
_OURS = re.compile(r"^\s*我[局区县市委]")
_TREATED = re.compile(r"对[^，,。；;]{2,30}?进行了?")
_SPACED_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=\d)|(?<=\d)\s+(?=[\u4e00-\u9fff])")
_COUNT = re.compile(r"(?<!\d)(?!(?:19|20)\d{2}\s*年)\d+")  # a count, not a year (发布2024年工作责任清单)
_FEE = re.compile(r"处理费|收费")
_NO_REQUESTS = re.compile(r"(?:未|没有)(?:收到|发生|受理)[^。；;，,]{0,16}?(?:公开)?申请(?!.{0,3}(?:行政复议|诉讼))")
_NO_APPEALS = re.compile(r"(?:未|没有)(?:收到|发生)[^。；;]{0,24}?(?:行政复议|行政诉讼)")
_NO_FEE = re.compile(r"(?:没有|未|无|不)(?:产生|发生|收取|涉及)?[^。；;，,]{0,16}?(?:处理费|收费)")


@dataclass
class Part:
    """One subsection of the overview (or of a pre-2019 report): its heading, items and facts."""

    heading: Rendered | None
    items: list[Rendered] = field(default_factory=list)
    facts: list[NarrativeFact] = field(default_factory=list)


PLANNED, DONE, LISTED = "planned", "done", "listed"


@dataclass
class Five:
    """One part of section five: the problems it names and the improvements it gives for them."""

    problems: list[Rendered]
    measures: list[Rendered]  # in the verb form of the mood: base (planned, listed) or past (done)
    mood: str  # PLANNED (将, 下一步, 打算), DONE (整改情况, 采取了, the report's year) or LISTED (改进措施 alone)
    last_year: bool = False  # the previous year's problems and how they were fixed (上年度问题整改情况)
    plan_year: int | None = None  # the year a plan is for (2025年，将…)


@dataclass
class Content:
    work: list[Part]
    five: list[Five]
    other: list[Rendered]
    fees: list[NarrativeFact]  # amounts of processing fees the narrative states
    no_fees: bool  # the narrative says no processing fee was charged
    has_other_matters: bool
    no_requests: bool = False  # a pre-2019 narrative says no request for disclosure was received
    no_appeals: str = ""  # a pre-2019 narrative says none arose: "review", "litigation" or "both"

    def sentences(self) -> list[Rendered]:
        """Every report-content clause the summary renders (headings, items, problems, measures, other)."""
        out: list[Rendered] = []
        for p in self.work:
            out.extend([p.heading] if p.heading else [])
            out.extend(p.items)
        for f in self.five:
            out.extend(f.problems + f.measures)
        return out + self.other


def _span_text(report: Report, section: str) -> tuple[str, int]:
    chosen = [p for p in report.prose() if p.section == section]
    if not chosen:
        return "", 0
    start = chosen[0].start
    return report.text[start : chosen[-1].end] if report.text else "\n".join(p.text for p in chosen), start


def _strip_heading(text: str, section: str) -> str:
    pattern = SECTION_HEADINGS.get(section)
    m = pattern.search(text[:60]) if pattern else None
    return text[m.end() :] if m else text


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"[。！？!?\n]", text) if s.strip()]


def _lead_clause(sentence: str) -> str:
    """The clause of a sentence that says what was done: not a lead-in (根据…, 围绕…) or a count."""
    sentence = re.split(r"[。！？!?\n]", sentence.strip(), maxsplit=1)[0]
    sentence = _SPACED_NUMBER.sub("", sentence)  # 发布我局 2024 年…: a PDF's spaces around a number
    glued = _GLUED_HEADING.match(sentence)
    if glued:  # 1、行政权力清单公开情况在…的基础上: the item's own heading says what it is about
        return re.sub(r"(?:工作)?(?:情况|方面)$", "", glued.group(1))
    sentence = _OURS.sub("", sentence)  # 我区通过…: a lead-in after the agency's name
    kept = re.sub(r"“[^“”]*”", lambda m: m.group(0).replace("，", "、").replace(",", "、"), sentence)
    clauses = [c.strip() for c in re.split(r"[，,：:]|\s{1,}(?=[\u4e00-\u9fff])", kept) if c.strip()]
    lead = next(
        (c for c in clauses if (not _LEAD_IN.match(c) or EFFORT.match(c)) and not c.endswith(("的", "后"))), ""
    )  # 区县单位整合后: when, not what was done
    treated = _TREATED.search(clauses[0]) if clauses and not lead and _LEAD_IN.match(clauses[0]) else None
    return clauses[0][treated.start() :] if treated else lead  # 根据新的职能对目录进行调整: 对目录进行调整


def _items(text: str, limit: int = 3, counts: re.Pattern[str] = _DIGITS) -> list[str]:
    """The listed items (一是…), else the lead clauses of the sentences; none with a number (the facts
    state the counts; section five's items keep their years with ``counts=_COUNT``)."""
    listed = split_items(text)
    sentences = listed or [s for s in _sentences(text) if not _EXPLANATION.match(s)]
    leads = [_lead_clause(s) for s in sentences]
    out = [
        c
        for c in leads
        if len(c) >= 4
        and not counts.search(c)
        and not _BOILERPLATE.search(c)
        and not _FEE.search(c)
        and not _HEADING_SHAPE.search(c)
        and not _PURPOSE.match(c)
    ]
    return out[: MAX_ITEMS if listed else limit]


def _work(text: str, offset: int, facts: list[NarrativeFact]) -> list[Part]:
    marks = list(_SUBSECTION.finditer(text))
    chunks = [(a.end(), b.start() if b else len(text)) for a, b in zip(marks, [*marks[1:], None], strict=True)]
    parts: list[Part] = []
    for lo, hi in chunks:
        body = text[lo:hi]
        end = _HEADING_END.search(body, len(body) - len(body.lstrip()))
        head = body[: end.start()] if end else body
        glued = _GLUED_HEADING.match(body)
        if glued and (len(head.strip()) > 30 or not head.strip()):  # （一）主动公开政府信息的数量各乡镇…
            head, rest = glued.group(1), body[glued.end() :]
        elif len(head.strip()) > 30 or not head.strip():
            head, rest = "", body
        else:
            rest = body[end.end() :] if end else ""
        first = _ITEM_IN_HEADING.search(head)
        if first:
            head, rest = head[: first.start()], body[first.start() :]
        part = Part(render_heading(head) if head.strip() and not _DIGITS.search(head) else None)
        part.items = [render_item(i) for i in _items(rest)]
        part.facts = [f for f in facts if offset + lo <= f.start < offset + hi and not _FEE.search(f.measure)]
        if part.items or part.facts:  # a heading alone (总体情况) says nothing
            parts.append(part)
    return parts


def _split_five(text: str) -> tuple[str, str, str]:
    """Section five's problems, its improvements and the words that announce them: at the improvements'
    sub-heading (（二）改进措施), else at the first words that announce them (下一步, 将从以下方面…)."""
    for m in _SUBHEADING.finditer(text):
        if _IMPROVE_HEADING.search(m.group(0)) and "问题" not in m.group(0):
            return text[: m.start()], text[m.end() :], m.group(0) + _before_items(text[m.end() :])
    m = _IMPROVE.search(text)
    if m is None:
        return text, "", ""
    lead = text[text.rfind("。", 0, m.start()) + 1 : m.start()]
    return text[: m.start()], text[m.end() :], lead + m.group(0) + _before_items(text[m.end() :])


def _before_items(text: str) -> str:
    """The words before a list's first item (2025年我们将切实抓好以下工作：)."""
    first = ITEM_MARK.search(text)
    return text[: first.start() if first else 0][:80]


def _mood(intro: str, year: int | None) -> tuple[str, int | None]:
    """Whether the words that announce the improvements plan them or report them done, and the year a plan
    names."""
    years = [int(y) for y in LONE_YEAR.findall(intro)]
    plan_year = next((y for y in years if year and y > year), None)
    if _PLANNED.search(intro) or plan_year:
        return PLANNED, plan_year
    if _DONE.search(intro) or (year and year in years):
        return DONE, None
    return LISTED, None


def _problem_clauses(text: str) -> list[str]:
    """The problems' clauses: of each of the first listed problems (一是…) the clauses of its first sentence
    (the rest explains it); of a text that lists none, its first clauses."""
    listed = split_items(text)
    if not listed:
        return [c.strip() for c in re.split(r"[，,。；;！？\n]", text) if _problem_clause(c)][:MAX_ITEMS]
    firsts = [re.split(r"[。！？\n]", t.strip(), maxsplit=1)[0] for t in listed[:MAX_ITEMS]]
    return [c.strip() for t in firsts for c in re.split(r"[，,；;]", t) if _problem_clause(c)]


def _problem_clause(c: str) -> bool:
    """A clause that names a problem: not a lead-in (根据…), a count or a fragment."""
    return len(clean(c)) >= 4 and not _COUNT.search(c) and not _LEAD_IN.match(clean(c))


def _part(text: str, year: int | None, heading: str = "", last_year: bool = False) -> Five:
    """One part of section five as problems and improvements: 针对…问题 names the problems, then what was
    done about them; otherwise the problems come before the improvements (:func:`_split_five`)."""
    aimed = [m for m in _AIMED_AT.finditer(text) if not _GENERIC_PROBLEM.fullmatch(m.group("problems"))]
    if aimed:
        problem_texts = [m.group("problems") for m in aimed]
        ends = [m.start() for m in aimed[1:]] + [len(text)]
        measures_text = "。".join(text[m.end() : end] for m, end in zip(aimed, ends, strict=True))
        clauses = [c for t in problem_texts for c in re.split(r"[，,；;]", t) if _problem_clause(c)][:MAX_ITEMS]
        intro = heading + text[: aimed[0].start()] + _before_items(measures_text)
    else:
        problems_text, measures_text, intro = _split_five(text)
        problems_text = _INTRO.sub("", _SUBHEADING.sub("。", problems_text).strip().strip("。"), count=1)
        clauses = _problem_clauses(problems_text)
        intro = heading + intro
    mood, plan_year = (DONE, None) if last_year else _mood(intro, year)
    form = past if mood == DONE else base
    measures_text = _SUBHEADING.sub("。", measures_text)
    problems = [render_problem(c) for c in clauses]
    measures = [render_item(i, form) for i in _items(measures_text, MAX_ITEMS, _COUNT)]
    return Five(problems, measures, mood, last_year, plan_year)


def _five(text: str, year: int | None) -> list[Five]:
    """Section five: the previous year's problems and their fixes, when it reviews them under their own
    heading, and this year's problems and improvements."""
    last = _LAST_YEAR_HEADING.search(text)
    if last is None:
        return [_part(text, year)]
    now = _SUBHEADING.search(text, last.end())
    parts = [_part(text[last.end() : now.start() if now else len(text)], year, last.group(0), last_year=True)]
    if now is not None:
        parts.append(_part(text[now.end() :], year, now.group(0)))
    return [p for p in parts if p.problems or p.measures]


def read_content(report: Report) -> Content:
    """The report's content items, each rendered where a pattern applies."""
    facts = list(report.narrative_facts)
    fees = [f for f in facts if _FEE.search(f.measure) and f.unit in ("元", "万元")]
    no_fees = bool(_NO_FEE.search(report.text))
    if report.layout is None:
        text, offset = report.text, 0
        pm = _PROBLEMS_HEADING.search(text)
        work = _work(text[: pm.start()] if pm else text, 0, facts)
        five_text = text[pm.end() :] if pm else ""
        end = _FIVE_END.search(five_text)
        five = _five(five_text[: end.start()] if end else five_text, report.year) if pm else []
        return Content(
            work,
            five,
            [],
            fees,
            no_fees,
            False,
            bool(_NO_REQUESTS.search(text)),
            _no_appeals(text),
        )
    text, offset = _span_text(report, "overview")
    work = _work(text, offset, [f for f in facts if f.section == "overview"])
    ptext, _ = _span_text(report, "problems")
    five = _five(_strip_heading(ptext, "problems"), report.year) if ptext else []
    otext, _ = _span_text(report, "other_matters")
    other_sents = [s for s in _sentences(_strip_heading(otext, "other_matters")) if not _BOILERPLATE.search(s)]
    other = [render_item(s) for s in _items("。".join(x for x in other_sents if not _signature(x)), MAX_ITEMS)]
    return Content(work, five, other[:MAX_ITEMS], fees, no_fees, bool(otext.strip()))


def _no_appeals(text: str) -> str:
    """What a narrative says did not arise: reconsideration, lawsuits or both ("" when it says neither)."""
    m = _NO_APPEALS.search(text)
    if m is None:
        return ""
    sentence = text[m.start() : text.find("。", m.start()) if "。" in text[m.start() :] else len(text)]
    review, litigation = "复议" in sentence, "诉讼" in sentence
    return "both" if review and litigation else "review" if review else "litigation"


def _signature(sentence: str) -> bool:
    """The agency's name and the date under the report."""
    return bool(
        re.fullmatch(r"\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[^，,]{2,30}(?:局|委|政府|会|办))\s*", sentence)
    )

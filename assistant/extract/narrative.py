"""Quantities stated in a report's prose, as facts: 全年主动公开政府信息3460条 -> 3460 条 of 主动公开政府信息.

A fact is a number followed by a counting unit (条, 件, 人次, 万元, % …). The grammar of the reports
rules out the numbers that are not facts: a date, document or article number, phone number or
address has no counting unit (年, 号, 第…条 after 第); a number inside a quoted slogan or a document
title names something rather than counting it; statistics tables are not prose (only numbers that
start inside a narrative passage are read). What a fact counts is the phrase before the number,
or, where that is only a verb (发布4期…简报), the verb and the noun after the unit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from assistant.domain import numbers, vocabulary
from assistant.domain.patterns import CJK, HEADING_NUMERALS, SUBHEADING
from assistant.domain.record import Figure, NarrativeCheck, NarrativeFact, Passage, Report
from assistant.extract.sections import SectionSpan, passages

# Longest first, so that 人次 wins over 人 and 万元 over 元.
UNITS = (
    "个工作日", "个百分点", "人次", "家次", "件次", "批次", "万元", "亿元", "分钟", "小时",
    "条", "件", "场", "次", "个", "篇", "期", "家", "名", "项", "人", "宗", "份", "套", "类", "起",
    "元", "%", "户", "所", "批", "册", "块", "轮", "位", "张", "例", "栏", "通",
)  # fmt: skip
# A unit character that begins a longer word is no unit: 条例, 条款, 次性, 部门, 个人, 人民 …
_NOT_UNIT_AFTER = {
    "条": "例款线龙目",
    "件": "事",
    "次": "性",
    "个": "人体",
    "期": "间限",
    "名": "称单义",
    "家": "庭",
    "项": "目",
    "人": "民员大",
    "类": "似",
    "批": "准复示",
    "所": "有以在属",
    "场": "所景",
    "位": "于",
    "张": "贴",
    "起": "草诉",
    "通": "过报知讯道用信畅告",  # 通 counts calls (热线电话11通), 通过/通报/通知 are other words
}
_STRUCTURE = re.compile(r"\s*(?:部分|方面|环节|板块)")  # 七个部分: the report's own structure
_APPROX_BEFORE = (("超过", "more_than"), ("逾", "more_than"), ("近", "nearly"), ("约", "about"))
_APPROX_AFTER = {"余": "more_than", "多": "more_than"}
_CN = "零〇一二两三四五六七八九十百千万"
_NUMBER = re.compile(
    rf"(?P<n>(?<![\d.\-－/—A-Za-z])\d+(?:,\d{{3}})*(?:\.\d+)?(?![\d\-－/:：])|(?<![{_CN}第])[{_CN}]+)"
    r"(?P<mult>\s*[万亿](?!元))?"
    r"(?P<after>\s*[余多])?"
)
_PERSON_UNITS = {"名", "人", "位"}
_CLAUSE_END = re.compile(r"[，,。；;：:！？!?、（）()“”\"《》【】]")
_SENTENCE = re.compile(r"[^。；;！？!?\n]+")
_LEAD_IN = re.compile(
    r"^(?:其中|此外|另外|同时|全年|本年度|今年|当年|年内|共计|合计|总计|累计|共|均|已|"
    rf"\d{{4}}\s*年(?:度)?|[{CJK}]{{0,8}}?(?:全区|全县|全市|全省|我局|我委|我区|我县|我市|本机关|本单位)|"
    rf"[(（]?[{HEADING_NUMERALS}\d]+[)）、.．]|[{HEADING_NUMERALS}]+是)+"
)
_VERB_TAIL = re.compile(r"(?:共计|合计|累计|共|达到|达|为|约|近|超过|逾|有|计|分别|各)+$")
_PERIOD = re.compile(r"\d{4}\s*年(?:度)?|全年|本年度|今年|当年|上年|上一年度")
_NOUN_AFTER = re.compile(r"《[^》]{1,30}》|[^，,。；;：:！？!?、\n（）()“”\"《》\s\d的各]{1,24}")
_YEAR_GLUE = re.compile(r"\d{4}年$")
_COUNTED = re.compile(r"\d+(?:\.\d+)?(?:" + "|".join(map(re.escape, UNITS)) + ")")  # another count in the phrase
_YEAR_INSIDE = re.compile(r"\d{4}年(?:度)?")
# 受理, 收到 … of requests: what the requests table holds
_CHECKS = (
    (re.compile(r"上年结转|上年度结转"), "requests.carried_over.total"),
    (re.compile(r"结转|转(?:入)?下一?年"), "requests.carried_forward.total"),
    (re.compile(r"(?:收到|新收|受理).*申请|申请.*(?:收到|新收|受理)"), "requests.new_received.total"),
    (re.compile(r"^(?:依法|依规|及时|共|已|全部)*(?:办结|办理完毕|完成办理)"), "requests.total_handled.total"),
)


def _unit_at(text: str, i: int) -> str | None:
    for unit in UNITS:
        if text.startswith(unit, i):
            nxt = text[i + len(unit) : i + len(unit) + 1]
            if nxt and nxt in _NOT_UNIT_AFTER.get(unit, ""):
                return None
            return unit
    return None


def _quoted_or_titled(text: str, i: int, lo: int) -> bool:
    """Whether position i is inside a short “quoted” name or a 《title》 opened in this sentence."""
    for open_, close, limit in (("“", "”", 12), ("「", "」", 12), ("《", "》", 80)):
        left = text.rfind(open_, max(lo, i - limit), i)
        if left >= 0 and close not in text[left + 1 : i]:
            return True
    left = text.rfind('"', max(lo, i - 12), i)
    return left >= 0 and text.count('"', lo, i) % 2 == 1


def _measure(text: str, sent_start: int, num_start: int, unit_end: int, sent_end: int) -> str:
    """What the number counts: the clause before it, or a bare verb there and the noun after the unit."""
    head = re.sub(r"\s+", "", text[sent_start:num_start])
    clauses = _CLAUSE_END.split(head)
    clause = _VERB_TAIL.sub("", _LEAD_IN.sub("", _COUNTED.sub("", clauses[-1])))
    if clause in ("占", "约占", "占比") and len(clauses) > 1:  # 1822条，占53%: the share of the clause before
        return _VERB_TAIL.sub("", _LEAD_IN.sub("", re.split(r"\d", clauses[-2])[0])) + "占比"
    if _YEAR_GLUE.search(head):  # 结转至2026年6件: the year belongs to the measure
        return clause
    clause = _YEAR_INSIDE.split(clause)[-1]  # a heading glued to the sentence before its year
    after = _NOUN_AFTER.match(text, unit_end, sent_end)
    if after and (len(clause) <= 4 or clause.endswith("等")):
        return clause + after.group(0)
    return clause or (after.group(0) if after else "")


def english(measure: str) -> str | None:
    """The English name of the vocabulary term the measure ends on (its head noun), or None."""
    if measure.endswith("占比") and len(measure) > 2:
        whole = english(measure[:-2])
        return f"share of {whole}" if whole else "share"
    best: tuple[int, int, str] | None = None
    for term in vocabulary.of_kind(vocabulary.Kind.TERM):
        zh, en = term.zh, term.prose
        at = measure.rfind(zh)
        if at >= 0:
            key = (at + len(zh), len(zh), en)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def _narrative_passages(text: str, spans: dict[str, SectionSpan]) -> list[Passage]:
    """The prose passages of every section; text before the first heading found counts as the overview."""
    first = min((sp.start for sp in spans.values()), default=len(text))
    if first > 0:
        spans = {**spans, "overview": SectionSpan("overview", 0, first)}
    return sorted((p for p in passages(text, spans) if p.kind == "text"), key=lambda p: p.start)


def table_ranges(figures: dict[str, Figure]) -> list[tuple[int, int]]:
    """Where each statistics table lies in the text: from its first figure's offset to its last's."""
    offsets: dict[str, list[int]] = {}
    for address, fig in figures.items():
        if fig.source is not None and fig.source.offset is not None:
            offsets.setdefault(address.split(".")[0], []).append(fig.source.offset)
    return sorted((min(v), max(v) + 1) for v in offsets.values())


def _digits_ascii(text: str) -> str:
    """Full-width digits, percent and point as ASCII, offsets unchanged."""
    return text.translate({**{0xFF10 + d: 0x30 + d for d in range(10)}, 0xFF05: 0x25, 0xFF0E: 0x2E, 0xFF0C: 0x2C})


def narrative_facts(
    text: str, spans: dict[str, SectionSpan], tables: Sequence[tuple[int, int]] = ()
) -> list[NarrativeFact]:
    """Every quantity stated in the narrative (not in a statistics table), in text order."""
    text = _digits_ascii(text)
    ordered = _narrative_passages(text, spans)
    starts = [p.start for p in ordered]
    headings = [(h.start(), h.group(1).strip()) for h in SUBHEADING.finditer(text)]
    heading_starts = [at for at, _ in headings]
    out: list[NarrativeFact] = []
    for sent in _SENTENCE.finditer(text):
        s_lo, s_hi = sent.start(), sent.end()
        for m in _NUMBER.finditer(text, s_lo, s_hi):
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or m.start() >= ordered[i].end or any(lo <= m.start() < hi for lo, hi in tables):
                continue
            h = bisect_right(heading_starts, m.start()) - 1  # the last heading that begins before the number
            fact = _fact(text, m, s_lo, s_hi, ordered[i].section, headings[h][1] if h >= 0 else "")
            if fact is not None:
                out.append(fact)
    return out


def _fact(text: str, m: re.Match[str], s_lo: int, s_hi: int, section: str, heading: str) -> NarrativeFact | None:
    digits = m.group("n")
    i = m.end()
    while i < s_hi and text[i] in " \t\u3000\n":
        i += 1
    unit = _unit_at(text, i)
    if unit is None or _STRUCTURE.match(text, i + len(unit)):
        return None
    value = numbers.parse(digits.replace("〇", "零") + (m.group("mult") or ""))
    chinese = not digits[0].isdigit()
    if value is None or (chinese and (value == 1 and unit not in _PERSON_UNITS or unit == "%")):
        return None
    if _quoted_or_titled(text, m.start(), s_lo):
        return None
    end = i + len(unit)
    before = text[max(s_lo, m.start() - 4) : m.start()].rstrip()
    approx = _APPROX_AFTER.get((m.group("after") or "").strip()) or next(
        (a for w, a in _APPROX_BEFORE if before.endswith(w)), None
    )
    if approx is None and text.startswith("以上", end):
        approx, end = "at_least", end + 2
    measure = _measure(text, s_lo, m.start(), end, s_hi)
    period = _PERIOD.search(text, s_lo, m.start())
    return NarrativeFact(
        value=value,
        unit=unit,
        approximate=approx,
        measure=measure,
        english=english(measure),
        period=period.group(0).replace(" ", "") if period else "",
        section=section,
        start=m.start(),
        end=end,
        sentence=text[s_lo:s_hi].strip(),
        heading=heading,
    )


def narrative_checks(report: Report) -> list[NarrativeCheck]:
    """Counts of requests the narrative states against the requests table's totals."""
    if report.layout is None:
        return []
    out: list[NarrativeCheck] = []
    for fact in report.narrative_facts:
        if fact.unit not in ("件", "条", "个") or fact.approximate or fact.section not in ("overview", "requests"):
            continue
        if "申请" not in fact.sentence:
            continue
        address = next((a for pattern, a in _CHECKS if pattern.search(fact.measure)), None)
        if address is None or address not in report.figures:
            continue
        table = report.value(address)
        agrees = table is not None and float(table) == float(fact.value)
        if not agrees and address == "requests.new_received.total" and "受理" in fact.measure:
            # 受理 may count the requests carried over from last year as well
            over = report.value("requests.carried_over.total")
            if table is not None and over is not None and float(table + over) == float(fact.value):
                agrees = True
        out.append(NarrativeCheck(fact.measure, fact.value, address, table, agrees, fact.start))
    return out

"""One report -> one Summary, in English or Chinese."""

from __future__ import annotations

from assistant.domain import numbers, schema
from assistant.domain.numbers import Number, chinese, english
from assistant.domain.patterns import REPORT_TITLE
from assistant.domain.record import Report, WarningKind
from assistant.summarize import narrative, statements
from assistant.summarize.content import DONE, LISTED, MAX_ITEMS, PLANNED, Content, read_content
from assistant.summarize.english import Rendered
from assistant.summarize.facts import chinese_paragraphs, english_paragraphs, facts_dict, read_facts
from assistant.summarize.fmt import capitalize, join
from assistant.summarize.model import KeySentence, Paragraph, Summary
from assistant.summarize.naming import agency_naming

LANGS = ("en", "zh")
_LAYOUT_EN = {
    "2021": "The statistical tables follow the national template of 2021",
    "2021-collapsed": "The statistical tables follow the national template of 2021, with the requests "
    "handled in other ways printed as a single row",
    "2019": "The statistical tables follow the national template of 2019 (used for the 2019 and 2020 reports)",
}
_LAYOUT_ZH = {
    "2021": "2021年版标准格式",
    "2021-collapsed": "2021年版标准格式（其他处理为单行）",
    "2019": "2019年版格式",
}
MAX_FACTS = 4  # narrative facts stated per part of the overview


def english_quote(text: str) -> str:
    """A Chinese sentence quoted inside English prose: inner double quotes become single ones."""
    inner = text.replace("“", "‘").replace("”", "’").replace('"', "'")
    return f"“{inner}”"


def _title_en(title: str) -> str:
    """' (in English: its publisher's name, then “2016 annual report on government information disclosure
    work”)' for a title in the reports' one formula; '' for any other."""
    m = REPORT_TITLE.match(title.strip())
    year = m and (m.group("lead") or m.group("year"))
    if not year:
        return ""
    what = f"{'government ' if m.group('gov') else ''}information disclosure{' work' if m.group('work') else ''}"
    named = "its publisher's name, then " if m.group("who").strip() else ""
    return f" (in English: {named}“{year} annual report on {what}”)"


def _key_sentences(report: Report) -> list[KeySentence]:
    return [
        KeySentence(s.text, s.section, s.start, s.end, narrative.glosses(s.text), round(score, 6))
        for s, score in narrative.key_sentences(report)
    ]


def _inline(clause: str) -> str:
    """A rendered clause inside a sentence: its first letter in lower case, unless it is a name (NPC, “…”)."""
    return clause[:1].lower() + clause[1:] if clause[1:2].islower() else clause


def _numbered(items: list[str]) -> str:
    """'(1) a; (2) b' for a list of clauses."""
    return "; ".join(f"({i}) {_inline(x)}" for i, x in enumerate(items, 1))


def _table_english(address: str) -> str:
    layout = schema.LAYOUTS["2021"]
    table, row, col = layout.cells.get(address) or schema.LAYOUTS["2019"].cells[address]
    return f"{row.english.lower()} ({col.english.lower()})" if col.id != "total" else row.english.lower()


def _content_en(report: Report, content: Content) -> list[Paragraph]:
    out: list[Paragraph] = []
    work = []
    for part in content.work:
        facts = statements.stated(part.facts)[:MAX_FACTS]
        bits = [_inline(i.english()) for i in part.items]
        said = [capitalize(c) + "." for c in map(statements.fact_en, facts) if c]
        if part.heading is not None and bits:
            work.append(f"{part.heading.english()}: {'; '.join(bits)}.")
        elif part.heading is not None and said:
            first = said[0][:1].lower() + said[0][1:] if said[0].startswith(("It ", "The ")) else said[0]
            said[0] = f"{part.heading.english()}: {first}"
        elif bits:
            work.append(capitalize(f"{'; '.join(bits)}."))
        work.extend(said)
    if work:
        out.append(Paragraph("work", "What the report says it did" if report.layout else "What the report says", work))
    out.extend(_five_en(report, content))
    other: list[str] = []
    for f in content.fees:
        amount = statements.amount_en(f, "yuan")
        other.append(f"It collected {amount} in information processing fees (as the narrative states).")
    if not content.fees and content.no_fees:
        other.append("The report states that no information processing fees were charged.")
    other.extend(capitalize(o.english()) + "." for o in content.other)
    if report.layout is not None and not content.has_other_matters:
        if any(w.kind == WarningKind.SECTION and w.address == "other_matters" for w in report.warnings):
            other.append("No section on other matters could be found in this copy of the report.")
    if other:
        out.append(Paragraph("other_matters", "Other matters", other))
    disagree = [
        statements.disagreement_en(c, _table_english(c.address)) for c in report.narrative_checks if not c.agrees
    ]
    if disagree:
        out.append(Paragraph("disagreements", "Narrative and table", disagree))
    return out


def _content_zh(report: Report, content: Content) -> list[Paragraph]:
    out: list[Paragraph] = []
    work = []
    for part in content.work:
        facts = "；".join(statements.fact_zh(f) for f in statements.stated(part.facts)[:MAX_FACTS])
        items = "；".join(i.zh for i in part.items)
        head = f"{part.heading.zh}：" if part.heading else ""
        body = "；".join(x for x in (items, facts) if x)
        if head or body:
            work.append(f"{head}{body}。")
    if work:
        out.append(Paragraph("work", "主要工作", work))
    out.extend(_five_zh(content))
    other = [f"全年收取信息处理费{chinese(f.value)}{f.unit}（正文所述）。" for f in content.fees]
    if not content.fees and content.no_fees:
        other.append("报告称未收取信息处理费。")
    other.extend(f"{o.zh}。" for o in content.other)
    if other:
        out.append(Paragraph("other_matters", "其他需要报告的事项", other))
    disagree = [statements.disagreement_zh(c, _table_zh(c.address)) for c in report.narrative_checks if not c.agrees]
    if disagree:
        out.append(Paragraph("disagreements", "正文与表格", disagree))
    return out


def _listed(items: list[Rendered], lead: str = "") -> list[str]:
    """Numbered sentences: '(1) It will optimise the catalogue.'; a quoted item as it is quoted."""
    out = []
    for i, item in enumerate(items, 1):
        text = f"{lead}{_inline(item.en)}" if item.en is not None and lead else item.english()
        out.append(f"({i}) {capitalize(text)}.")
    return out


_MEASURES_EN = {
    PLANNED: ("It plans these improvements{for_year}:", "it will "),
    DONE: ("It reports these improvements made:", "it "),
    LISTED: ("It lists these improvement measures:", ""),
}


def _five_en(report: Report, content: Content) -> list[Paragraph]:
    """Section five: each problem, then each improvement, as a sentence of its own; the previous year's
    problems and their fixes apart from this year's."""
    out = []
    reviewed = any(f.last_year for f in content.five)
    for f in content.five:
        sents = []
        if f.last_year:
            if f.problems:
                sents.append("It reviews the problems its report for the previous year named:")
                sents.extend(_listed(f.problems))
            if f.measures:
                sents.append("It says it did this about them:")
                sents.extend(_listed(f.measures, "it "))
            out.append(Paragraph("past_problems", "Last year's problems and how they were fixed", sents))
            continue
        if f.problems:
            sents.append(f"It names these problems{f' in its work in {report.year}' if report.year else ''}:")
            sents.extend(_listed(f.problems))
        if f.measures:
            intro, lead = _MEASURES_EN[f.mood]
            sents.append(intro.format(for_year=f" for {f.plan_year}" if f.plan_year else ""))
            sents.extend(_listed(f.measures, lead))
        heading = "This year's problems and improvements" if reviewed else "Problems and improvements"
        out.append(Paragraph("problems", heading, sents))
    return out


def _five_zh(content: Content) -> list[Paragraph]:
    out = []
    for f in content.five:

        def numbered(items: list[Rendered]) -> str:
            return "；".join(f"（{i}）{x.zh}" for i, x in enumerate(items, 1)) + "。"

        sents = []
        if f.problems:
            sents.append(("上年度存在的问题：" if f.last_year else "存在的主要问题：") + numbered(f.problems))
        if f.measures:
            label = "整改情况：" if f.mood == DONE else "改进打算：" if f.mood == PLANNED else "改进措施："
            sents.append(label + numbered(f.measures))
        if f.last_year:
            out.append(Paragraph("past_problems", "上年度问题整改情况", sents))
        else:
            out.append(Paragraph("problems", "存在的主要问题及改进情况", sents))
    return out


def _table_zh(address: str) -> str:
    layout = schema.LAYOUTS["2021"]
    table, row, col = layout.cells.get(address) or schema.LAYOUTS["2019"].cells[address]
    return row.label if col.id == "total" else f"{row.label}（{col.label}）"


def _legacy_rows(report: Report) -> list[tuple[schema.LegacyRow, Number]]:
    """The statistics table's rows with a figure for the year, without the parts of a row that is 0."""
    got = {row.id: (row, report.value(f"legacy.{row.id}.this_year")) for row in schema.LEGACY_TABLE.rows}
    return [
        (row, v)
        for row, v in got.values()
        if v is not None and not (row.parent and got.get(row.parent, (None, None))[1] == 0)
    ]


def _legacy_en(report: Report) -> list[str]:
    """The pre-2019 statistics table's figures for the year, as sentences, and its sums that do not hold."""
    year = report.year
    rows = _legacy_rows(report)
    out = []
    received = report.value("legacy.requests_received.this_year")
    if received == 0:
        out.append(
            f"It received no requests for government information{f' in {year}' if year else ''} "
            "(its statistics table gives 0 requests received)."
        )
    given = [f"{row.english} {english(v)}" for row, v in rows if v and row.id != "requests_received"]
    if received:
        given.insert(0, f"requests received {english(received)}")
    zero = [row.english.removeprefix("of which ") for row, v in rows if v == 0 and row.id != "requests_received"]
    if given:
        out.append(f"Its statistics table (the form used before 2019) gives for the year: {join(given)}.")
    if zero:
        out.append(f"It gives 0 for {join(zero)}.")
    for row, whole, parts in _legacy_breaks(report):
        out.append(
            f"The table is inconsistent: it gives {english(whole)} for {row.english}, but the parts it prints "
            f"add up to {english(numbers.total(parts))}; both are reported as printed."
        )
    return out


def _legacy_breaks(report: Report) -> list[tuple[schema.LegacyRow, Number, list[Number]]]:
    """The rows of the old table whose printed parts do not add up to them (this year): row, whole, parts."""
    out = []
    for w in report.warnings:
        if w.kind == WarningKind.IDENTITY and w.address == "legacy" and len(w.numbers) >= 2:
            whole, *parts = w.numbers
            row = next((r for r in schema.LEGACY_TABLE.rows if w.identity.startswith(f"{r.id} this_year")), None)
            if row is not None and whole is not None and all(p is not None for p in parts):
                out.append((row, whole, parts))
    return out


def _legacy_unit(row: schema.LegacyRow) -> str:
    if row.units != schema.COUNT_UNITS:
        return row.units[0]
    return "件" if any(w in row.label for w in ("申请", "答复", "复议", "诉讼", "申诉")) else "条"


def _legacy_zh(report: Report) -> list[str]:
    parts = [f"{row.label}{chinese(v)}{_legacy_unit(row)}" for row, v in _legacy_rows(report)]
    out = []
    if report.value("legacy.requests_received.this_year") == 0:
        out.append("本年度未收到政府信息公开申请（统计表受理申请数为0）。")
    if parts:
        out.append(f"统计表（2019年以前的格式）本年度数据：{'，'.join(parts)}。")
    for row, whole, parts in _legacy_breaks(report):
        unit = _legacy_unit(row)
        out.append(
            f"统计表前后不一致：{row.label}为{chinese(whole)}{unit}，但所列分项之和为"
            f"{chinese(numbers.total(parts))}{unit}（按原文照录）。"
        )
    return out


def _pre_2019_en(report: Report, content: Content) -> list[str]:
    """What a pre-2019 narrative says in words about requests and appeals, where its table does not."""
    out = []
    if content.no_requests and report.value("legacy.requests_received.this_year") is None:
        out.append("The report states that no request for government information was received.")
    what = {
        "both": "application for administrative reconsideration or lawsuit",
        "review": "application for administrative reconsideration",
        "litigation": "lawsuit",
    }.get(content.no_appeals)
    if what:
        out.append(f"It states that no {what} about information disclosure was received.")
    return out


def _pre_2019_zh(report: Report, content: Content) -> list[str]:
    out = []
    if content.no_requests and report.value("legacy.requests_received.this_year") is None:
        out.append("报告称本年度未收到政府信息公开申请。")
    what = {"both": "行政复议申请或行政诉讼", "review": "行政复议申请", "litigation": "行政诉讼"}.get(
        content.no_appeals
    )
    if what:
        out.append(f"报告称未收到有关政府信息公开的{what}。")
    return out


def _rendering_note(content: Content) -> list[str]:
    """How the summary was made and what of the report it leaves out, in words a reader of the summary
    knows; the count of the report's points quoted rather than put into English."""
    items = content.sentences()
    out = [
        "A program wrote this summary from the report's text, without machine translation: the figures are "
        "read from the report's tables and prose, and the report's own sentences are put into English by the "
        "fixed phrasings these reports share and a glossary of their terms."
    ]
    if items:
        quoted = sum(not i.rendered for i in items)
        said = (
            f"Of the {len(items)} points above taken from the report's own words (work items, problems, "
            "improvements, other matters), "
        )
        if not quoted:
            out.append(said + "all are in English.")
        else:
            out.append(
                said + f"{len(items) - quoted} are in English and {quoted} {'is' if quoted == 1 else 'are'} "
                "quoted in Chinese, because no phrasing the program knows fits "
                f"{'it' if quoted == 1 else 'them'}; the English of the terms it knows follows in brackets."
            )
    out.append(
        f"Not read: of each list only the first {MAX_ITEMS} items and of each item only its opening clause are "
        "given; the explanations and examples that follow them in the report are left out."
    )
    return out


def summarize(report: Report, lang: str = "en") -> Summary:
    """The summary of one report in English ("en") or Chinese ("zh")."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    facts = read_facts(report)
    naming = agency_naming(report.agency or "", report.region or "")
    name = naming.name
    content = read_content(report)
    keys = _key_sentences(report)
    data = facts_dict(facts)
    data["narrative_facts"] = [f.to_dict() for f in statements.stated(report.narrative_facts)]
    data["content"] = {
        "rendered": sum(i.rendered for i in content.sentences()),
        "quoted": sum(not i.rendered for i in content.sentences()),
        "fees": [{"value": f.value, "unit": f.unit} for f in content.fees],
        "no_fees": content.no_fees,
    }
    year = report.year
    if lang == "en":
        agency = name.english or "The publishing agency"
        who = [
            f"{agency}{f' ({name.chinese})' if name.sure and name.chinese else ''} published its annual report "
            f"on government information disclosure for {year if year else 'a year the report does not state'}.",
            f"The report is titled {english_quote(report.title)}{_title_en(report.title)}."
            if report.title
            else "The copy read carries no title and names no agency.",
        ]
        if naming.corrected:
            who.append(naming.note_en())
        if facts.layout is not None:
            who.append(f"{_LAYOUT_EN.get(facts.layout.id, f'The statistical tables follow {facts.layout.english}')}.")
        paragraphs = [Paragraph("who", "Who and when", who)]
        for pid, heading, sents in english_paragraphs(facts, year):
            if pid == "requests" and facts.layout is None:
                sents = sents + _legacy_en(report) + _pre_2019_en(report, content)
            if pid == "proactive" and facts.layout is None:
                continue  # the fees: stated with the other matters
            paragraphs.append(Paragraph(pid, heading, sents))
        paragraphs.extend(_content_en(report, content))
        paragraphs.append(Paragraph("rendering", "How this summary was made", _rendering_note(content)))
        heading = f"{agency}: annual report on government information disclosure, {year or 'year not stated'}"
    else:
        who = [
            f"{name.chinese or '发布机关未署名'}{f'{year}年度' if year else ''}政府信息公开工作年度报告"
            + (f"（标题：“{report.title}”）。" if report.title else "（所读副本无标题）。")
        ]
        if naming.corrected:
            who.append(naming.note_zh())
        if facts.layout is not None:
            who.append(f"报告采用{_LAYOUT_ZH.get(facts.layout.id, facts.layout.id)}。")
        paragraphs = [Paragraph("who", "基本情况", who)]
        for pid, heading, sents in chinese_paragraphs(facts):
            if pid == "requests" and facts.layout is None:
                sents = sents + _legacy_zh(report) + _pre_2019_zh(report, content)
            if pid == "proactive" and facts.layout is None:
                continue
            paragraphs.append(Paragraph(pid, heading, sents))
        paragraphs.extend(_content_zh(report, content))
        publisher = name.chinese or report.title or "未署名机关"
        heading = f"{publisher}{f' {year}年度' if year else ''}政府信息公开工作年度报告摘要"
    return Summary(report.meta(), lang, heading, paragraphs, data, keys, name.english)

"""One report -> one Summary, in English or Chinese."""

from __future__ import annotations

from assistant.domain import schema
from assistant.domain.names import agency_english
from assistant.domain.record import Report
from assistant.summarize import narrative
from assistant.summarize.facts import chinese_paragraphs, english_paragraphs, facts_dict, read_facts
from assistant.summarize.fmt import join
from assistant.summarize.model import KeySentence, Paragraph, Summary

LANGS = ("en", "zh")
_LAYOUT_EN = {
    "2021": "the 2021 standard layout",
    "2021-collapsed": "the 2021 standard layout, with other handling printed as a single row",
    "2019": "the 2019 layout (used for the 2019 and 2020 reports)",
}
_LAYOUT_ZH = {
    "2021": "2021年版标准格式",
    "2021-collapsed": "2021年版标准格式（其他处理为单行）",
    "2019": "2019年版格式",
}
_SECTION_ZH = {s.id: s.heading.split("、", 1)[-1] for s in schema.SECTIONS}


def english_quote(text: str) -> str:
    """A Chinese sentence quoted inside English prose: inner double quotes become single ones."""
    inner = text.replace("“", "‘").replace("”", "’").replace('"', "'")
    return f"“{inner}”"


def _key_sentences(report: Report) -> list[KeySentence]:
    return [
        KeySentence(s.text, s.section, s.start, s.end, narrative.glosses(s.text), round(score, 6))
        for s, score in narrative.key_sentences(report)
    ]


def _theme_sections(report: Report) -> list[tuple[str, str]]:
    """(section id, text) of the narrative sections present, without the agency's own name (人力资源和社会保障
    is no theme of a human-resources bureau); one pseudo-section for a pre-2019 report."""
    names = sorted(
        {n for n in (report.agency, report.region, report.title) if n and len(n) >= 2}, key=len, reverse=True
    )

    def clean(text: str) -> str:
        for n in names:
            text = text.replace(n, " ")
        return text

    if report.layout is None:
        return [("report", clean("\n".join(p.text for p in report.prose())))]
    out = []
    for sid in narrative.NARRATIVE_SECTIONS:
        text = clean("\n".join(p.text for p in report.prose() if p.section == sid))
        if text.strip():
            out.append((sid, text))
    return out


def _themes_en(report: Report) -> tuple[list[str], dict]:
    lead = {
        "overview": "The overview dwells on",
        "problems": "The section on main problems and improvements centres on",
        "other_matters": "Under other matters the report mentions",
        "report": "The report dwells on",
    }
    out: list[str] = []
    data: dict = {}
    present = {sid for sid, _ in _theme_sections(report)}
    for sid, text in _theme_sections(report):
        english, other = narrative.themes(text)
        data[sid] = {"terms": [(t.zh, t.en, t.count) for t in english], "other": [(t.zh, t.count) for t in other]}
        if not english and not other:
            continue
        items = [t.en for t in english] or []
        s = f"{lead[sid]} {join(items)}" if items else f"{lead[sid]} terms without a settled English name"
        if other:
            s += (", and on terms without a settled English name: " if items else ": ") + ", ".join(
                f"({t.zh})" for t in other
            )
        out.append(s + ".")
    if report.layout is not None:
        absent = [schema.SECTION_BY_ID[s].english.lower() for s in ("problems", "other_matters") if s not in present]
        if absent:
            out.append(f"The report has no section on {join(absent, 'or')} that could be found.")
    return out, data


def _themes_zh(report: Report) -> list[str]:
    out = []
    for sid, text in _theme_sections(report):
        english, other = narrative.themes(text)
        words = [t.zh for t in english] + [t.zh for t in other]
        if words:
            out.append(f"{_SECTION_ZH.get(sid, '全文')}：{'、'.join(words)}。")
    return out


def summarize(report: Report, lang: str = "en") -> Summary:
    """The summary of one report in English ("en") or Chinese ("zh")."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    facts = read_facts(report)
    name = agency_english(report.agency or "")
    counts = narrative.narrative_counts(report)
    keys = _key_sentences(report)
    data = facts_dict(facts)
    data["narrative_counts"] = [
        {"value": c.value, "qualifier": c.qualifier.strip(), "unit": c.unit, "subject": c.subject_en, "chinese": c.raw}
        for c in counts
    ]
    year = report.year
    if lang == "en":
        agency = name.english or "The publishing agency"
        who = [
            f"{agency}{f' ({name.chinese})' if name.sure and name.chinese else ''} published its annual report "
            f"on government information disclosure for {year if year else 'a year the report does not state'}.",
            f"The report is titled {english_quote(report.title)}."
            if report.title
            else "The copy read carries no title and names no agency.",
        ]
        if facts.layout is not None:
            who.append(f"It follows {_LAYOUT_EN.get(facts.layout.id, facts.layout.english)}.")
        paragraphs = [Paragraph("who", "Who and when", who)]
        for pid, heading, sents in english_paragraphs(facts, year):
            paragraphs.append(Paragraph(pid, heading, sents))
        if counts:
            paragraphs.append(
                Paragraph(
                    "counts",
                    "Counts in the narrative",
                    [f"The narrative gives these counts: {'; '.join(c.english for c in counts)}."],
                )
            )
        themes, data["themes"] = _themes_en(report)
        paragraphs.append(Paragraph("themes", "Themes", themes))
        if keys:
            sents = ["Key sentences, picked by TextRank and quoted in Chinese with their key terms glossed:"]
            for k in keys:
                gloss = "; ".join(f"{zh} {en}" for zh, en in k.glosses)
                sents.append(f"{english_quote(k.text)}{f' ({gloss})' if gloss else ''}")
            paragraphs.append(Paragraph("key_sentences", "Key sentences", sents))
        heading = f"{agency}: annual report on government information disclosure, {year or 'year not stated'}"
    else:
        who = [
            f"{name.chinese or '发布机关未署名'}{f'{year}年度' if year else ''}政府信息公开工作年度报告"
            + (f"（标题：“{report.title}”）。" if report.title else "（所读副本无标题）。")
        ]
        if facts.layout is not None:
            who.append(f"报告采用{_LAYOUT_ZH.get(facts.layout.id, facts.layout.id)}。")
        paragraphs = [Paragraph("who", "基本情况", who)]
        for pid, heading, sents in chinese_paragraphs(facts):
            paragraphs.append(Paragraph(pid, heading, sents))
        if counts:
            paragraphs.append(
                Paragraph(
                    "counts", "正文中的数字", ["正文提及：" + "；".join(narrative.count_zh(c) for c in counts) + "。"]
                )
            )
        paragraphs.append(Paragraph("themes", "主题", _themes_zh(report)))
        data["themes"] = None
        if keys:
            paragraphs.append(Paragraph("key_sentences", "关键句", [f"“{k.text}”" for k in keys]))
        publisher = name.chinese or report.title or "未署名机关"
        heading = f"{publisher}{f' {year}年度' if year else ''}政府信息公开工作年度报告摘要"
    return Summary(report.meta(), lang, heading, paragraphs, data, keys, name.english)

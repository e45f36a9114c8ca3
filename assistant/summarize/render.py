"""Summaries, the batch index and the corpus digest as Markdown, JSON or HTML.

HTML escapes every string (everything in a summary may come from a report); output is deterministic:
no timestamps, stable order.
"""

from __future__ import annotations

import html
import json

from assistant.summarize.model import Summary

FORMATS = ("md", "json", "html")

_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
    "h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}table{border-collapse:collapse}"
    "td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}.fail{color:#a00}"
)


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def page(title: str, body: str, lang: str = "en") -> str:
    """A complete HTML page; ``title`` is escaped here, ``body`` must be escaped already."""
    return (
        f'<!doctype html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n"
        "</body>\n</html>\n"
    )


def to_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# ---------------------------------------------------------------- one summary
def summary_markdown(s: Summary) -> str:
    lines = [f"# {s.heading}", ""]
    for p in s.paragraphs:
        if not p.sentences:
            continue
        lines += [f"## {p.heading}", ""]
        if p.id == "key_sentences":
            lead, *items = p.sentences if s.lang == "en" else ("", *p.sentences)
            if lead:
                lines += [lead, ""]
            lines += [f"- {item}" for item in items]
        else:
            lines.append((" " if s.lang == "en" else "").join(p.sentences))
        lines.append("")
    return html.escape("\n".join(lines), quote=False)  # report text is data: no raw HTML in Markdown


def summary_body(s: Summary, level: int = 1) -> str:
    """The summary as escaped HTML without a page around it (headings from ``<h{level}>`` down)."""
    parts = [f"<h{level}>{esc(s.heading)}</h{level}>"]
    for p in s.paragraphs:
        if not p.sentences:
            continue
        parts.append(f'<section id="{esc(p.id)}">\n<h{level + 1}>{esc(p.heading)}</h{level + 1}>')
        if p.id == "key_sentences":
            lead, *items = p.sentences if s.lang == "en" else ("", *p.sentences)
            if lead:
                parts.append(f"<p>{esc(lead)}</p>")
            parts.append("<ul>\n" + "\n".join(f'<li lang="zh">{esc(i)}</li>' for i in items) + "\n</ul>")
        else:
            parts.append(f"<p>{esc((' ' if s.lang == 'en' else '').join(p.sentences))}</p>")
        parts.append("</section>")
    return "\n".join(parts)


def summary_html(s: Summary) -> str:
    return page(s.heading, summary_body(s), "zh" if s.lang == "zh" else "en")


def render_summary(s: Summary, fmt: str) -> str:
    if fmt == "json":
        return to_json(s.to_dict())
    if fmt == "html":
        return summary_html(s)
    return summary_markdown(s)


# ---------------------------------------------------------------- batch index
def index_document(entries: list[dict], failures: list[dict], digest_file: str | None, fmt: str) -> str:
    """The batch's index: every summary written (linked), every report that failed with its reason."""
    if fmt == "json":
        return to_json({"summaries": entries, "failures": failures, "digest": digest_file})
    if fmt == "html":
        rows = "\n".join(
            f'<tr><td><a href="{esc(e["file"])}">{esc(e["agency_english"])}</a></td><td>{esc(e["year"] or "")}'
            f"</td><td>{esc(e['id'])}</td></tr>"
            for e in entries
        )
        fails = "\n".join(f'<li class="fail">{esc(f["source"])}: {esc(f["reason"])}</li>' for f in failures)
        body = [f"<h1>Summaries ({len(entries)})</h1>"]
        if digest_file:
            body.append(f'<p><a href="{esc(digest_file)}">Corpus digest</a></p>')
        body.append(f"<table>\n<tr><th>agency</th><th>year</th><th>report</th></tr>\n{rows}\n</table>")
        body.append(
            f"<h2>Failed ({len(failures)})</h2>\n<ul>\n{fails}\n</ul>"
            if failures
            else "<h2>Failed (0)</h2>\n<p>None.</p>"
        )
        return page("Summaries", "\n".join(body))
    lines = [f"# Summaries ({len(entries)})", ""]
    if digest_file:
        lines += [f"[Corpus digest]({digest_file})", ""]
    lines += [
        f"- [{e['agency_english']}, {e['year'] or 'year not stated'}]({e['file']}) — `{e['id']}`" for e in entries
    ]
    lines += ["", f"## Failed ({len(failures)})", ""]
    lines += [f"- `{f['source']}`: {f['reason']}" for f in failures] or ["None."]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- corpus digest
def digest_document(d: dict, fmt: str) -> str:
    """The corpus digest (see batch.corpus_digest) in the chosen format."""
    if fmt == "json":
        return to_json(d)
    sections = _digest_sections(d)
    if fmt == "html":
        body = ["<h1>Corpus digest</h1>"]
        for heading, lines in sections:
            body.append(f"<h2>{esc(heading)}</h2>")
            body.append(
                "<ul>\n" + "\n".join(f"<li>{esc(line)}</li>" for line in lines) + "\n</ul>" if lines else "<p>None.</p>"
            )
        return page("Corpus digest", "\n".join(body))
    out = ["# Corpus digest", ""]
    for heading, lines in sections:
        out += [f"## {heading}", ""]
        out += [f"- {line}" for line in lines] or ["None."]
        out.append("")
    return "\n".join(out)


def _digest_sections(d: dict) -> list[tuple[str, list[str]]]:
    t = d["totals"]
    totals = [
        f"{t['files']} report files summarized, {t['failed']} failed",
        f"{t['reports']} distinct reports (one per agency and year; other files are copies in other formats)",
        "layouts: " + ", ".join(f"{k} {v}" for k, v in t["layouts"].items()),
        f"requests received: {t['received']} across {t['with_requests']} reports with the figure",
        f"requests refused: {t['refused']}; carried forward: {t['carried_forward']}",
        f"administrative reconsideration cases: {t['review']}; lawsuits: {t['lawsuits']}",
    ]
    ranking_received = [f"{r['agency_english']} {r['year']}: {r['received']}" for r in d["ranking_received"]]
    ranking_refused = [
        f"{r['agency_english']} {r['year']}: {r['refused']} of {r['handled']} handled"
        + (f" ({r['share']})" if r["share"] else "")
        for r in d["ranking_refused"]
    ]
    arithmetic = [f"{r['id']}: {'; '.join(r['failures'])}" for r in d["arithmetic_fails"]]
    missing = [f"{r['id']}: {r['missing']}" for r in d["missing_tables"]]
    carried = [
        f"{r['agency_english']}: {r['year']} carried over {r['carried_over']}, but {r['year'] - 1} carried "
        f"forward {r['previous_carried_forward']} (columns: {', '.join(c['column'] for c in r['columns'])})"
        for r in d["carried_over_mismatch"]
    ]
    return [
        ("Totals", totals),
        ("Ranking by requests received", ranking_received),
        ("Ranking by refusals", ranking_refused),
        ("Reports whose arithmetic fails", arithmetic),
        ("Reports with missing tables", missing),
        ("Carried over differs from the previous year's carried forward", carried),
    ]

"""The corpus's figures as data frames for the Data tab: the full table and the charts' data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from assistant.answer.scope import canonical
from assistant.domain import schema, vocabulary
from assistant.domain.names import LEVELS, agency_english
from assistant.domain.patterns import CJK
from assistant.present import safe
from assistant.present.terminal import width, wrap
from assistant.store.database import Store

FIGURE_COLUMNS = {  # store column -> bilingual header, in the order shown
    "agency": "机关 agency",
    "year": "年度 year",
    "label_zh": "项目 item",
    "label_en": "item (English)",
    "value": "数值 value",
    "uncertain": "存疑 uncertain",
    "region": "地区 region",
    "report_id": "报告 report",
    "address": "地址 address",
    "page": "页 page",
    "line": "行 line",
    "note": "说明 note",
}
OUTCOME_GROUPS = {  # schema row id or group -> bilingual chart label, in stacking order
    "granted": "予以公开 granted",
    "partially_granted": "部分公开 partly granted",
    "refused": "不予公开 refused",
    "unable": "无法提供 unable to provide",
    "not processed": "不予处理 not processed",
    "other handling": "其他处理 other handling",
    "carried_forward": "结转下年度 carried forward",
}
OUTCOME_COLORS = dict(
    zip(
        OUTCOME_GROUPS.values(),
        ("#2e7d32", "#9ccc65", "#d32f2f", "#fb8c00", "#9e9e9e", "#8e63c7", "#1e88e5"),
        strict=True,
    )
)
APPEAL_ROWS = {
    "review": "行政复议 administrative reconsideration",
    "litigation_direct": "直接起诉 lawsuits filed directly",
    "litigation_after_review": "复议后起诉 lawsuits after reconsideration",
}


def _canonical_ids(store: Store) -> set[str]:
    return {r.id for r in canonical(store)}


def figures_frame(store: Store, one_per_year: bool = True, contains: str = "") -> pd.DataFrame:
    """Every figure of the corpus (one copy of each agency's year when ``one_per_year``), bilingual headers.

    ``contains`` keeps the rows whose agency, region, label or address contains it (case-insensitive)."""
    rows = store.figures()
    if one_per_year:
        keep = _canonical_ids(store)
        rows = [r for r in rows if r["report_id"] in keep]
    order = {a: i for i, a in enumerate(schema.all_addresses())}
    rows.sort(key=lambda r: (r["agency"] or "", r["year"] or 0, r["report_id"], order.get(r["address"], 1 << 30)))
    frame = pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))
    if not frame.empty:
        frame["uncertain"] = frame["uncertain"].map(lambda u: "是 yes" if u else "")
        frame["note"] = frame["note"].fillna("")
        values = [r["value"] for r in rows]  # as stored (23, 4166.241619), not floats (23.0)
        frame["value"] = pd.Series(values, index=frame.index, dtype=object)
        for col in ("year", "page", "line"):
            frame[col] = frame[col].astype("Int64")
    if contains.strip():
        needle = contains.strip().lower()
        hay = (
            frame[["agency", "region", "label_zh", "label_en", "address", "report_id"]]
            .astype(str)
            .agg(" ".join, axis=1)
        )
        frame = frame[hay.str.lower().str.contains(needle, regex=False)]
    return frame.rename(columns=FIGURE_COLUMNS).reset_index(drop=True)


AXIS_COLUMNS = 28  # what a chart's axis label shows whole (Vega cuts labels at 180 px), CJK counting two


def english_name(agency: str) -> str:
    """The agency's name in English (the domain's name function), or "" when it has none."""
    return agency_english(agency).english if agency else ""


def short_name(agency: str) -> str:
    """The agency's Chinese name as people shorten it: its own place without the level word and the usual
    short form of its type (六安市人力资源和社会保障局 -> 六安人社局, 平潭综合实验区管委会 -> 平潭管委会)."""
    places = agency_english(agency).places if agency else ()
    prefix = "".join(p.name + (p.level or "") for p in places)
    if not places or not agency.startswith(prefix) or len(agency) == len(prefix):
        return agency
    kind = agency[len(prefix) :]
    for a in sorted(vocabulary.ABBREVIATIONS, key=lambda a: -len(a.full)):
        if kind == a.full:
            kind = a.short
            break
    return places[-1].name + kind


def clip(text: str, columns: int) -> str:
    """The text cut to ``columns`` (CJK counting two) at a word boundary, with "…" where it was cut."""
    if width(text) <= columns:
        return text
    lines = wrap(text, columns - 1)
    return lines[0].rstrip(" ·,") + "…"


def short_english(agency: str) -> str:
    """The English name without its level words and higher places (Lu'an Human Resources and Social
    Security Bureau): the Chinese beside it says which city or county."""
    name = agency_english(agency) if agency else None
    if name is None or not name.sure:  # an unsure name is no help on an axis: the tooltip has it
        return ""
    english = name.english.split(", ")[0]
    for place in name.places:
        if place.level in LEVELS:
            english = english.replace(f"{place.english} {LEVELS[place.level]}", place.english)
    return english


def who(agency: str, year: int | None) -> str:
    """A chart's x label: year first (the bars run in time order), the Chinese short name, then as much
    of the English name as the axis shows; the full names are in the bar's tooltip (:func:`full_name`)."""
    return clip(" ".join(x for x in (str(year or "—"), short_name(agency), short_english(agency)) if x), AXIS_COLUMNS)


def agency_label(agency: str) -> str:
    """A picker's label of an agency: its Chinese and English names."""
    english = english_name(agency)
    return f"{agency} · {english}" if english and english != agency else agency


def report_label(report: dict) -> str:
    """A picker's label of a stored report: its title, the agency's English name and year, its file."""
    english = english_name(report["agency"] or "")
    year = f" {report['year']}" if report["year"] else ""
    return f"{report['title']} · {english}{year} ({report['id']})" if english else f"{report['title']} ({report['id']})"


def full_name(agency: str, year: int | None) -> str:
    """A bar's tooltip: the agency's year and full Chinese and English names."""
    return " · ".join(x for x in (str(year or "—"), agency, english_name(agency)) if x)


def outcomes_frame(store: Store) -> pd.DataFrame:
    """How the requests were handled, by agency and year: (report, outcome, count) for a stacked bar chart."""
    out = []
    for ref in canonical(store):
        if not ref.layout:
            continue
        table = schema.LAYOUTS[ref.layout].table("requests")
        values = _values(store, ref.id)
        for row in table.rows:
            key = row.id if row.id in ("granted", "partially_granted", "carried_forward") else row.group
            if key not in OUTCOME_GROUPS:
                continue
            v = values.get(f"requests.{row.id}.total")
            if v is not None:
                out.append(
                    {
                        "report": who(ref.agency, ref.year),
                        "agency": full_name(ref.agency, ref.year),
                        "year": ref.year,
                        "outcome": OUTCOME_GROUPS[key],
                        "count": v,
                    }
                )
    frame = pd.DataFrame(out, columns=["report", "agency", "year", "outcome", "count"])
    return frame.groupby(["report", "agency", "year", "outcome"], as_index=False, sort=False)["count"].sum()


def received_frame(store: Store) -> pd.DataFrame:
    """New requests received, by agency, year and applicant type: (report, applicant, count)."""
    out = []
    for ref in canonical(store):
        if not ref.layout:
            continue
        values = _values(store, ref.id)
        for col in schema.APPLICANT_COLUMNS:
            v = values.get(f"requests.new_received.{col.id}")
            if v:
                out.append(
                    {
                        "report": who(ref.agency, ref.year),
                        "agency": full_name(ref.agency, ref.year),
                        "year": ref.year,
                        "applicant": f"{col.label} {col.english}",
                        "count": v,
                    }
                )
    return pd.DataFrame(out, columns=["report", "agency", "year", "applicant", "count"])


def appeals_frame(store: Store) -> pd.DataFrame:
    """Administrative reconsideration and lawsuits by agency and year: (report, kind, count)."""
    out = []
    for ref in canonical(store):
        if not ref.layout:
            continue
        values = _values(store, ref.id)
        for rid, label in APPEAL_ROWS.items():
            v = values.get(f"appeals.{rid}.total")
            if v is not None:
                out.append(
                    {
                        "report": who(ref.agency, ref.year),
                        "agency": full_name(ref.agency, ref.year),
                        "year": ref.year,
                        "kind": label,
                        "count": v,
                    }
                )
    return pd.DataFrame(out, columns=["report", "agency", "year", "kind", "count"])


_CACHE: dict[tuple[str, str], dict[str, dict[str, float | int | None]]] = {}


def _values(store: Store, report_id: str) -> dict[str, float | int | None]:
    """{address: value} of one report, from the store's figures read once per store state (the
    fingerprint changes on every ingest)."""
    key = (str(store.path), store.fingerprint())
    if key not in _CACHE:
        by_report: dict[str, dict[str, float | int | None]] = {}
        for f in store.figures():
            by_report.setdefault(f["report_id"], {})[f["address"]] = f["value"]
        _CACHE.clear()
        _CACHE[key] = by_report
    return _CACHE[key].get(report_id, {})


def write_frame_csv(frame: pd.DataFrame, folder: Path, stem: str) -> Path:
    """The frame as UTF-8 CSV with a byte-order mark (so spreadsheet programs read the Chinese right)."""
    path = Path(folder) / f"{safe_name(stem)}.csv"
    cells = frame.copy()
    for col in [c for c in cells.columns if not pd.api.types.is_numeric_dtype(cells[c])]:  # 154 stays 154
        cells[col] = pd.Series([safe.csv_cell(v) for v in cells[col]], index=cells.index, dtype=object)
    cells.to_csv(path, index=False, encoding="utf-8-sig")
    return path


def write_frame_json(frame: pd.DataFrame, folder: Path, stem: str) -> Path:
    """The frame as a JSON list of objects keyed by the store's column names; numbers as the store holds them."""
    path = Path(folder) / f"{safe_name(stem)}.json"
    store_name = {header: name for name, header in FIGURE_COLUMNS.items()}
    keys = [store_name.get(c, c) for c in frame.columns]
    rows = [
        {
            k: (None if v is pd.NA or (isinstance(v, float) and v != v) else _plain(v))
            for k, v in zip(keys, row, strict=True)
        }
        for row in frame.itertuples(index=False)
    ]
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _plain(value: object) -> object:
    """numpy and pandas scalars as Python numbers (an Int64 year as an int), a missing value as None."""
    if value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def safe_name(text: str, limit: int = 40) -> str:
    """A file-name-safe version of free text (keeps CJK, letters, digits)."""
    name = re.sub(rf"[^\w{CJK}-]+", "-", text, flags=re.UNICODE).strip("-")
    return name[:limit] or "export"

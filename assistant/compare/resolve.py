"""What `assistant compare A B` names: two report ids of the store, two files (parsed on the spot), or an
agency with two years ("平潭综合实验区管委会 2024 2025"), or an agency alone (its latest two years)."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.compare.corpus import by_agency
from assistant.domain.names import agency_key
from assistant.domain.record import Report
from assistant.extract.report import parse_file
from assistant.read import IngestError, Limits
from assistant.store.database import Store

_YEAR = re.compile(r"(?:19|20)\d{2}")


class CompareError(Exception):
    """Why the arguments name no two reports: one line for the user."""


def _one(ref: str, store: Store, limits: Limits | None) -> Report | None:
    report = store.report(ref)
    if report is not None:
        return report
    if Path(ref).is_file():
        try:
            return parse_file(ref, limits)
        except IngestError as exc:
            raise CompareError(str(exc)) from exc
    return None


def _agency(name: str, store: Store) -> tuple[str, list]:
    agencies = by_agency(store)
    key = agency_key(name)
    if key in agencies:
        return key, agencies[key]
    found = [k for k in agencies if key and key in k]
    if len(found) == 1:
        return found[0], agencies[found[0]]
    if found:
        raise CompareError(f"{name!r} names several agencies: {', '.join(found)}")
    raise CompareError(f"{name!r} is neither a stored report id, a file, nor an agency of the store")


def resolve(args: list[str], store: Store, limits: Limits | None = None) -> tuple[Report, Report]:
    """The two reports, earlier first where an agency and years are given; CompareError says why not."""
    if len(args) == 2 and not _YEAR.fullmatch(args[1]):
        a, b = (_one(x, store, limits) for x in args)
        if a is not None and b is not None:
            return a, b
        missing = args[0] if a is None else args[1]
        raise CompareError(f"{missing!r} is neither a stored report id nor a file")
    years = [int(x) for x in args if _YEAR.fullmatch(x)]
    name = " ".join(x for x in args if not _YEAR.fullmatch(x))
    if not name or len(years) not in (0, 2):
        raise CompareError("give two reports (ids or files), or an agency with two years, or an agency alone")
    key, refs = _agency(name, store)
    if years:
        picked = [next((r for r in refs if r.year == y), None) for y in sorted(years)]
        absent = [str(y) for y, r in zip(sorted(years), picked, strict=True) if r is None]
        if absent:
            have = ", ".join(str(r.year) for r in refs)
            raise CompareError(f"the store has no report of {key} for {', '.join(absent)} (it has {have})")
    else:
        if len(refs) < 2:
            raise CompareError(f"the store has only one report of {key}: nothing to compare it with")
        picked = refs[-2:]
    a, b = (store.report(r.id) for r in picked)
    assert a is not None and b is not None
    return a, b

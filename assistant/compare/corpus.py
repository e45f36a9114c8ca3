"""The cross-year check over the corpus store: every consecutive pair of an agency's reports.

Computed when the store is read, not written at ingest: the check depends on two reports, either of
which may later be added, re-parsed or removed, so a stored warning would go stale; reading the 14
carry-over figures of the store is one query each and takes milliseconds.
"""

from __future__ import annotations

from collections import defaultdict

from assistant.answer.scope import ReportRef, canonical
from assistant.compare.crossyear import (
    COLUMNS,
    CarryCheck,
    CrossYearWarning,
    check_columns,
    forward_address,
    over_address,
    warning,
)
from assistant.domain.names import agency_key
from assistant.store.database import Store


def by_agency(store: Store) -> dict[str, list[ReportRef]]:
    """One report per agency and year (the canonical copy), by year, keyed by the agency's full name."""
    out: dict[str, dict[int | None, ReportRef]] = defaultdict(dict)
    for ref in canonical(store):
        out[agency_key(ref.agency)].setdefault(ref.year, ref)
    return {k: sorted(v.values(), key=lambda r: r.year or 0) for k, v in sorted(out.items())}


def checks(store: Store) -> list[CarryCheck]:
    """The check for every pair of consecutive years of one agency, both with standard tables."""
    values: dict[str, dict[str, object]] = defaultdict(dict)
    for col in COLUMNS:
        for addr in (forward_address(col), over_address(col)):
            for f in store.figures(addr):
                values[f["report_id"]][addr] = f["value"]
    out = []
    for refs in by_agency(store).values():
        tabled = [r for r in refs if r.layout and r.year is not None]
        for earlier, later in zip(tabled, tabled[1:], strict=False):
            if later.year != earlier.year + 1:
                continue
            fwd = {c: values[earlier.id].get(forward_address(c)) for c in COLUMNS}
            over = {c: values[later.id].get(over_address(c)) for c in COLUMNS}
            out.append(CarryCheck(earlier.id, later.id, earlier.year, later.year, check_columns(fwd, over)))
    return out


def warnings(store: Store) -> dict[str, CrossYearWarning]:
    """The cross-year warning of every stored report whose carry-over differs from last year's, by report id."""
    found = (warning(c) for c in checks(store))
    return {w.report_id: w for w in found if w is not None}

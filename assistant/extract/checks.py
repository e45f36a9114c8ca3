"""The arithmetic a table states about itself (勾稽关系), checked for every report."""

from __future__ import annotations

from assistant.domain import numbers, schema
from assistant.domain.record import Figure, Warning, WarningKind


def _sum(values: list) -> str:
    total = numbers.exact(numbers.total(values))
    return total if len(values) == 1 else f"{' + '.join(map(numbers.exact, values))} = {total}"


def identity_warnings(layout: schema.Layout, figures: dict[str, Figure]) -> list[Warning]:
    """One warning per identity the figures break, naming the identity and its numbers."""
    out = []
    values = {a: f.value for a, f in figures.items()}
    for table in layout.tables:
        for ident in table.identities:
            if ident.holds(values) is False:
                left = [values[a] for a in ident.plus]
                right = [values[a] for a in ident.minus]
                out.append(
                    Warning(
                        WarningKind.IDENTITY,
                        f"{table.id} {ident.name} does not hold: {_sum(left)}, but {_sum(right)}",
                        table.id,
                        ident.name,
                        tuple(left + right),
                    )
                )
    return out


def missing_warnings(layout: schema.Layout, figures: dict[str, Figure]) -> list[Warning]:
    """Say which figures the source does not give: a whole table at once, else row by row."""
    out = []
    for table in layout.tables:
        missing = [a for a in table.addresses() if figures.get(a) is None or figures[a].value is None]
        if not missing:
            continue
        if len(missing) == len(table.addresses()):
            out.append(
                Warning(
                    WarningKind.MISSING,
                    f"table {table.id} ({table.label}) carries no figures: "
                    f"all {len(missing)} {table.id}.* figures are missing",
                    table.id,
                )
            )
            continue
        for row in table.rows:
            cols = [c.id for c in row.columns if f"{table.id}.{row.id}.{c.id}" in missing]
            if cols:
                out.append(
                    Warning(
                        WarningKind.MISSING,
                        f"{table.id}.{row.id} ({row.label}): {', '.join(cols)} not given in the source",
                        f"{table.id}.{row.id}",
                    )
                )
    return out


def uncertain_warnings(figures: dict[str, Figure]) -> list[Warning]:
    """One warning per figure more than one reading fits, with the readings."""
    return [
        Warning(
            WarningKind.UNCERTAIN,
            f"{a} = {'None' if f.value is None else numbers.exact(f.value)}: {f.note}",
            a,
            numbers=f.alternatives,
        )
        for a, f in figures.items()
        if f.uncertain
    ]

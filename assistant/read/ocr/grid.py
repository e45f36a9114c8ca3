"""Ruled tables recovered from a page image: rules found as long runs of ink, cells as the spaces
they enclose, merged cells where a rule between two neighbours is missing."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SNAP = 5  # pixels: rule positions closer than this are one rule


@dataclass(frozen=True)
class Rule:
    """A straight rule: ``at`` is its y (horizontal) or x (vertical); it covers ``start``..``end``."""

    at: float
    start: int
    end: int


@dataclass
class PixelCell:
    """One cell of a recovered grid: rows r0..r1-1, columns c0..c1-1, its box in pixels."""

    r0: int
    r1: int
    c0: int
    c1: int
    box: tuple[int, int, int, int]  # x0, top, x1, bottom (inside the rules)


@dataclass
class PixelGrid:
    cells: list[PixelCell]
    xs: list[float]  # column boundaries
    ys: list[float]  # row boundaries

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]


def _runs(mask: np.ndarray, length: int) -> np.ndarray:
    """Pixels of ``mask`` that lie in a horizontal run of at least ``length`` (gaps of 2 px bridged)."""
    m = mask.copy()
    m[:, 1:-1] |= mask[:, :-2] & mask[:, 2:]
    m[:, 1:-2] |= mask[:, :-3] & mask[:, 3:]
    c = np.zeros((m.shape[0], m.shape[1] + 1), dtype=np.int32)
    np.cumsum(m, axis=1, out=c[:, 1:])
    full = (c[:, length:] - c[:, :-length]) == length  # a full window starts here
    width = m.shape[1]
    fullp = np.zeros((m.shape[0], width), dtype=np.int32)
    fullp[:, : full.shape[1]] = full
    cs = np.zeros((m.shape[0], width + length), dtype=np.int32)
    np.cumsum(fullp, axis=1, out=cs[:, length:])
    return ((cs[:, length:] - cs[:, :width]) > 0) & m


def _rules(mask: np.ndarray, length: int) -> list[Rule]:
    """Horizontal rules of a mask: rows of long runs grouped by thickness, with the spans they cover."""
    covered = _runs(mask, length)
    rows = np.flatnonzero(covered.sum(axis=1) >= length)
    out: list[Rule] = []
    groups: list[list[int]] = []
    for y in rows:
        if groups and y - groups[-1][-1] <= 2:
            groups[-1].append(int(y))
        else:
            groups.append([int(y)])
    for g in groups:
        cols = covered[g[0] : g[-1] + 1].any(axis=0)
        xs = np.flatnonzero(cols)
        start = prev = int(xs[0])
        for x in [*xs[1:].tolist(), None]:
            if x is not None and x - prev <= SNAP:
                prev = x
                continue
            if prev - start >= length:
                out.append(Rule((g[0] + g[-1]) / 2, start, prev))
            if x is not None:
                start = prev = x
    return out


def _snap(values: list[float]) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= SNAP:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _covers(rules: list[Rule], at: float, pos: float) -> bool:
    return any(abs(r.at - at) <= SNAP and r.start - SNAP <= pos <= r.end + SNAP for r in rules)


def find_grids(mask: np.ndarray, dpi: int) -> list[PixelGrid]:
    """Every ruled table of an ink mask (at ``dpi``), as a grid of cells with their spans."""
    h_rules = _rules(mask, int(dpi * 0.3))
    v_all = _rules(mask.T, int(dpi * 0.1))
    h_rules += _cut_edges(h_rules, [v for v in v_all if v.end - v.start >= dpi * 0.2])
    # a vertical rule joins two horizontal ones: a stroke of text does not
    v_rules = [
        v
        for v in v_all
        if any(_covers([h], h.at, v.at) and abs(h.at - v.start) <= SNAP + 2 for h in h_rules)
        and any(_covers([h], h.at, v.at) and abs(h.at - v.end) <= SNAP + 2 for h in h_rules)
    ]
    grids = []
    for hs, vs in _components(h_rules, v_rules):
        xs = _snap([v.at for v in vs])
        ys = _snap([h.at for h in hs])
        if len(xs) < 3 or len(ys) < 2:  # a framed text box, not a table
            continue
        grids.append(_cells(xs, ys, hs, vs))
    return grids


def _cut_edges(h_rules: list[Rule], v_rules: list[Rule]) -> list[Rule]:
    """A table cut by a page break lacks its top (or bottom) rule on the page: three vertical rules or
    more ending at one height with no rule there stand for it."""
    out = []
    for end in ("start", "end"):
        for y in _snap([getattr(v, end) for v in v_rules]):
            ends = [v for v in v_rules if abs(getattr(v, end) - y) <= SNAP]
            if len(ends) < 3:
                continue
            x0, x1 = min(v.at for v in ends), max(v.at for v in ends)
            if not any(abs(h.at - y) <= SNAP + 2 and h.start <= x0 + SNAP and h.end >= x1 - SNAP for h in h_rules):
                out.append(Rule(y, int(x0), int(x1)))
    return out


def _components(h_rules: list[Rule], v_rules: list[Rule]) -> list[tuple[list[Rule], list[Rule]]]:
    """Groups of horizontal rules tied together by vertical ones (one group per table)."""
    parent = list(range(len(h_rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[int, int] = {}
    for k, v in enumerate(v_rules):
        touched = [
            i for i, h in enumerate(h_rules) if v.start - SNAP <= h.at <= v.end + SNAP and _covers([h], h.at, v.at)
        ]
        for i in touched[1:]:
            parent[find(i)] = find(touched[0])
        if touched:
            owner[k] = touched[0]
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(h_rules):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for k, i in owner.items():
        groups[find(i)][1].append(v_rules[k])
    return [g for g in groups.values() if g[1]]


def _cells(xs: list[float], ys: list[float], hs: list[Rule], vs: list[Rule]) -> PixelGrid:
    """Elementary cells between the rules, merged where the rule between two neighbours is absent."""
    nr, nc = len(ys) - 1, len(xs) - 1
    parent = list(range(nr * nc))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(nr):
        ymid = (ys[r] + ys[r + 1]) / 2
        for c in range(nc):
            xmid = (xs[c] + xs[c + 1]) / 2
            if c + 1 < nc and not _covers(vs, xs[c + 1], ymid):
                parent[find(r * nc + c + 1)] = find(r * nc + c)
            if r + 1 < nr and not _covers(hs, ys[r + 1], xmid):
                parent[find((r + 1) * nc + c)] = find(r * nc + c)
    spans: dict[int, list[int]] = {}
    for r in range(nr):
        for c in range(nc):
            s = spans.setdefault(find(r * nc + c), [r, r, c, c])
            s[0], s[1], s[2], s[3] = min(s[0], r), max(s[1], r), min(s[2], c), max(s[3], c)
    cells = []
    for r0, r1, c0, c1 in spans.values():
        box = (int(xs[c0]) + 3, int(ys[r0]) + 3, int(xs[c1 + 1]) - 2, int(ys[r1 + 1]) - 2)
        cells.append(PixelCell(r0, r1 + 1, c0, c1 + 1, box))
    cells.sort(key=lambda c: (c.r0, c.c0))
    return PixelGrid(cells, xs, ys)

"""Columns of text laid out by position, found from the figures themselves.

Why: in text whose cells are only separated by runs of spaces (``pdftotext -layout``, a fixed
width export, OCR of a printed table) a blank cell is nothing but a wider gap, so a row's figures
cannot be counted into columns. They are right-aligned, though, give or take a space or two: the
columns are where the figures of the *whole* table end (never one line's reading), and a figure
belongs to the column whose right edge it ends at, within a tolerance the table's own spread
sets. A blank cell then stays blank in its own slot and shifts nothing.

A figure printed right after a long label (or after another figure) with only the minimum gap
may have been pushed to the right of its column; its column is then read from the order of the
row's figures, which is certain only when one placement fits. Any other placement is a guess and
says so (``guessed``), for the proof stage to confirm or hold back.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.extract.read.numbers import is_number_token

CELL = re.compile(r"\S+(?: \S+)*")  # runs of words separated by single spaces
WINDOW = 2  # a right-aligned figure ends within this many characters of its column's edge
MIN_GAP = 2  # cells are at least two spaces apart; a figure that close may have been pushed
MAX_OPTIONS = 5000  # placements tried for one run of figures before it is called a guess


@dataclass(frozen=True)
class Cell:
    """A run of text on a line: where it starts and ends (character positions) and what it is."""

    start: int
    end: int
    text: str


def cells(line: str) -> list[Cell]:
    """The cells of a line: runs of words separated by single spaces (tabs expanded)."""
    return [Cell(m.start(), m.end(), m.group()) for m in CELL.finditer(line.expandtabs(8))]


@functools.lru_cache(maxsize=1 << 16)  # asked of every cell by several readers and passes
def is_figure(text: str) -> bool:
    return is_number_token(text.replace(" ", ""))


@dataclass(frozen=True)
class Figures:
    """A row's figures in printed order, and which of them were printed at the minimum gap
    after the label (or after a figure so printed): pushed, maybe, out of their column."""

    cells: tuple[Cell, ...]
    crowded: tuple[bool, ...]

    @classmethod
    def of(cls, figures: Sequence[Cell], label_end: int | None) -> Figures:
        """Crowding runs from the label: a figure at the minimum gap after the label, or after
        a figure so crowded, may have been pushed; one tight behind a figure standing at its
        edge is only a tight column."""
        crowded: list[bool] = []
        before = label_end
        for cell in figures:
            tight = before is not None and cell.start - before <= MIN_GAP
            crowded.append(tight)
            before = cell.end if tight else None
        return cls(tuple(figures), tuple(crowded))

    def free(self) -> list[Cell]:
        """Figures standing where the layout put them (not pushed by what precedes them)."""
        return [c for c, tight in zip(self.cells, self.crowded, strict=True) if not tight]


@dataclass(frozen=True)
class Grid:
    """Right edges of a table's columns (increasing), and how far from its edge a figure may
    end."""

    edges: tuple[int, ...]
    tolerance: int
    strong: int = 0  # columns printed on enough rows to be columns whatever the header says

    def nearest(self, end: int) -> int:
        """The column whose edge is nearest ``end`` (of two as near, the left one): one of the
        two edges around it, found by bisection (asked of every figure, often twice)."""
        k = bisect.bisect_left(self.edges, end)
        if k == len(self.edges) or (k and end - self.edges[k - 1] <= self.edges[k] - end):
            return k - 1
        return k

    def anchor(self, end: int) -> int | None:
        """The column a figure ending at ``end`` stands in, if it is within the tolerance."""
        k = self.nearest(end)
        return k if abs(self.edges[k] - end) <= self.tolerance else None


def _peaks(ends: Counter[int], votes: Counter[int], count: int | None) -> list[int]:
    """Edge candidates, strongest first: positions where many figures end within the window,
    at least two windows apart (so no figure is within reach of two edges)."""
    weight = ends + votes

    def score(p: int) -> int:
        return sum(weight[q] for q in range(p - WINDOW, p + WINDOW + 1))

    chosen: list[int] = []
    for p in sorted(weight, key=lambda p: (-score(p), -ends[p], -weight[p], p)):
        if count is not None and len(chosen) == count:
            break
        if all(abs(p - e) > 2 * WINDOW for e in chosen):
            chosen.append(p)
    return sorted(chosen)


def find_grid(rows: Sequence[Figures], count: int | None,
              votes: Sequence[int] = ()) -> Grid | None:
    """The table's columns from where its figures end over all its rows. ``count`` is the
    number of columns the header names (None when no header was read); ``votes`` are where
    header cells end, a hint for sparse columns. None when the figures do not show ``count``
    columns each printed on enough rows: then no placement is read, every row is a guess.
    Figures pushed by a long label make no column: only figures standing free count."""
    ends = Counter(c.end for row in rows for c in row.free())
    if not ends:
        return None
    edges = _peaks(ends, Counter(votes), count)
    if count is not None and len(edges) < count:
        return None
    support: Counter[int] = Counter()
    for end, figures in ends.items():  # each position once, with the figures ending there
        if min(abs(e - end) for e in edges) <= WINDOW:
            support[min(range(len(edges)), key=lambda k: abs(edges[k] - end))] += figures
    need = 2 if sum(1 for row in rows if row.cells) >= 4 else 1
    strong = sum(1 for k in range(len(edges)) if support[k] >= need)
    if count is None:
        edges = [e for k, e in enumerate(edges) if support[k] >= 1]
    elif strong < count:
        return None
    if not edges:
        return None
    # The spread: how far from its edge any figure within reach of one ends (a figure crowded
    # against its neighbour is ragged like the others; one pushed far off is out of reach).
    every = [c.end for row in rows for c in row.cells]
    spread = [abs(end - e) for end in every for e in edges if abs(end - e) <= WINDOW]
    return Grid(tuple(edges), max(spread, default=0), strong)


@dataclass(frozen=True)
class Placement:
    """Per figure of a row, its column; ``guessed`` when another placement was as possible."""

    columns: tuple[int, ...]
    guessed: bool


def _anything(cell: Cell, k: int) -> bool:
    return True


def place(row: Figures, grid: Grid, skip_cost: Callable[[int], float],
          holds: Callable[[Cell, int], bool] = _anything) -> Placement | None:
    """Put a row's figures in the grid's columns: each at the edge it ends at, pushed figures
    into the free columns between their anchored neighbours (in order) that can hold them
    (``holds``: a % column no amount). None when the figures cannot stand in the grid in their
    printed order (more figures than columns, anchors out of order): the row's placement is
    then only a guess by its figures' order."""
    n = len(grid.edges)
    if len(row.cells) > n:
        return None
    anchors = [None if tight else grid.anchor(c.end)
               for c, tight in zip(row.cells, row.crowded, strict=True)]
    fixed = [a for a in anchors if a is not None]
    if any(b <= a for a, b in itertools.pairwise(fixed)):
        return None
    columns: list[int] = []
    guessed = False
    i = 0
    while i < len(anchors):
        anchor = anchors[i]
        if anchor is not None:
            columns.append(anchor)
            i += 1
            continue
        j = i
        while j < len(anchors) and anchors[j] is None:
            j += 1
        low = columns[-1] + 1 if columns else 0
        following = anchors[j] if j < len(anchors) else None
        high = n if following is None else following
        run = _run(row, i, j, range(low, high), grid, skip_cost, holds)
        if run is None:
            return None
        chosen, sure = run
        columns.extend(chosen)
        guessed = guessed or not sure
        i = j
    return Placement(tuple(columns), guessed)


def _run(row: Figures, first: int, stop: int, free: range, grid: Grid,
         skip_cost: Callable[[int], float], holds: Callable[[Cell, int], bool] = _anything,
         ) -> tuple[tuple[int, ...], bool] | None:
    """Columns for the figures ``first:stop`` of a row that stand at no edge, among the free
    columns between their anchored neighbours. A pushed (crowded) figure ends right of its
    column's edge, never left of it beyond the tolerance. Sure only when exactly one placement
    fits and every such figure was pushed: a figure off its edge for no visible reason is a
    guess, placed at the nearest edge."""
    figures = row.cells[first:stop]
    crowded = row.crowded[first:stop]
    if len(figures) > len(free) or len(free) > 20:
        return None

    def fits(cell: Cell, tight: bool, k: int) -> bool:
        return holds(cell, k) and (cell.end >= grid.edges[k] - grid.tolerance or (
            not tight and k == grid.nearest(cell.end)))

    options: list[tuple[int, ...]] = []
    for combo in itertools.combinations(free, len(figures)):
        if all(fits(f, t, k) for f, t, k in zip(figures, crowded, combo, strict=True)):
            options.append(combo)
        if len(options) > MAX_OPTIONS:
            break
    if not options:
        return None
    if len(options) == 1:
        return options[0], all(crowded)

    def implausibility(combo: tuple[int, ...]) -> tuple[int, float, tuple[int, ...]]:
        off = sum(abs(f.end - grid.edges[k]) for f, t, k in zip(figures, crowded, combo,
                                                                strict=True) if not t)
        return off, sum(skip_cost(k) for k in free if k not in combo), combo

    return min(options, key=implausibility), False

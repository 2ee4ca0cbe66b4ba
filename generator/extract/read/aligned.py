"""Column-aligned text (``pdftotext -layout`` output, fixed-width reports): cells are runs of
text separated by two or more spaces, and a blank cell is only a wider gap. Within each table
block the columns are found from where the figures end (they are right-aligned), every cell is
placed in its column by position, and the row is rewritten with tabs, blank cells included, for
the tab-separated reader."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.read import tabbed
from generator.extract.read.numbers import is_number_token
from generator.extract.read.segments import Segment

CELL = re.compile(r"\S+(?: \S+)*")  # runs of words separated by single spaces
EDGE_TOLERANCE = 3  # figures of one column end within this many characters of each other
BLOCK_GAP = 4  # lines without figures that may separate two rows of one table
HEADER_LINES = 6  # lines above a table's first row that may hold its column headings
LABEL_INDENT = 4  # how far a label may be indented from the table's label margin


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


def cells(line: str) -> list[Cell]:
    return [Cell(m.start(), m.end(), m.group()) for m in CELL.finditer(line.expandtabs(8))]


def is_figure(text: str) -> bool:
    return is_number_token(text.replace(" ", ""))


def _figures(row: list[Cell]) -> list[Cell]:
    """The figure cells of a row; a first cell is the label unless it is a figure itself."""
    return [c for i, c in enumerate(row) if is_figure(c.text) and (i > 0 or c.start > 0)]


def _edges(rows: list[list[Cell]]) -> list[int]:
    """Column right edges: where the block's figures end, clustered."""
    ends = sorted(c.end for row in rows for c in _figures(row))
    edges: list[list[int]] = []
    for end in ends:
        if edges and end - edges[-1][-1] <= EDGE_TOLERANCE:
            edges[-1].append(end)
        else:
            edges.append([end])
    return [max(group) for group in edges]


def _column(cell: Cell, edges: list[int]) -> int:
    if is_figure(cell.text):
        return min(range(len(edges)), key=lambda k: abs(edges[k] - cell.end))
    # a heading: the column whose span it overlaps most (spans run from the previous edge)
    def overlap(k: int) -> int:
        left = edges[k - 1] if k else edges[0] - max(len(cell.text), 12)
        return min(cell.end, edges[k]) - max(cell.start, left)
    return max(range(len(edges)), key=overlap)


def _tabbed_row(row: list[Cell], edges: list[int], margin: int) -> str:
    """The row as tab-separated cells: its label (a first cell starting at the block's label
    margin), then one slot per column, blank where the row prints nothing."""
    label, rest = "", row
    if row and row[0].start <= margin + LABEL_INDENT and not is_figure(row[0].text):
        label, rest = row[0].text, row[1:]
    slots: list[list[str]] = [[] for _ in edges]
    for cell in rest:
        slots[_column(cell, edges)].append(cell.text)
    return "\t".join([label, *(" ".join(s) for s in slots)]).rstrip("\t")


def as_tabbed(lines: list[str]) -> list[str]:
    """The lines with every table row rewritten as tab-separated cells."""
    rows = [cells(line) for line in lines]
    with_figures = [i for i, row in enumerate(rows) if _figures(row)]
    out = list(lines)
    blocks: list[list[int]] = []
    for i in with_figures:
        if blocks and i - blocks[-1][-1] <= BLOCK_GAP + 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    for block in blocks:
        edges = _edges([rows[i] for i in block])
        margin = min(rows[i][0].start for i in block)
        start, seen = block[0], 0
        while start > 0 and seen < HEADER_LINES:  # headings above, past section labels
            start -= 1
            seen += bool(rows[start])
        for i in range(start, block[-1] + 1):
            if len(rows[i]) >= 2 or _figures(rows[i]):
                out[i] = _tabbed_row(rows[i], edges, margin)
    return out


def aligned_rows(lines: list[str]) -> int:
    """How many lines look like rows of an aligned table (a label, then two or more figures)."""
    return sum(1 for line in lines if "\t" not in line and len(_figures(cells(line))) >= 2)


def segments(lines: list[str], furniture: set[int]) -> list[Segment]:
    return tabbed.segments(as_tabbed(lines), furniture)

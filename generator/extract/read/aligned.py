"""Column-aligned text (``pdftotext -layout`` output, fixed-width reports): cells are runs of
text separated by two or more spaces, and a blank cell is only a wider gap. Within each table
block the columns are found from where the figures end (they are right-aligned), every cell is
placed in its column by position, and the row is rewritten with tabs, blank cells included, for
the tab-separated reader. Headings wrapped within their column and labels wrapped over lines
(as a PDF's text layer lays them out) are put back together first."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.read import tabbed
from generator.extract.read.lines import ends_dangling, starts_lowercase_or_joiner
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


YEAR = re.compile(r"(?:19|20)\d\d")


def _figures(row: list[Cell]) -> list[Cell]:
    """The figure cells of a row; a first cell is the label unless it is a figure itself. A
    row whose only "figures" are bare years is a heading ("September 30, 2012" / "2013"):
    printed amounts carry thousands separators."""
    found = [c for i, c in enumerate(row) if is_figure(c.text) and (i > 0 or c.start > 0)]
    return [] if all(YEAR.fullmatch(c.text) for c in found) else found


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


def _slots(row: list[Cell], edges: list[int], margin: int) -> tuple[str, list[str]]:
    """The row's label (a first cell starting at the block's label margin) and one slot per
    column, blank where the row prints nothing."""
    label, rest = "", row
    if row and row[0].start <= margin + LABEL_INDENT and not is_figure(row[0].text):
        label, rest = row[0].text, row[1:]
    slots: list[list[str]] = [[] for _ in edges]
    for cell in rest:
        slots[_column(cell, edges)].append(cell.text)
    return label, [" ".join(s) for s in slots]


def _joined(label: str, slots: list[str]) -> str:
    return "\t".join([label, *slots]).rstrip("\t")


UNFINISHED = re.compile(r"(?:\b(?:ended|ending|as of|of|for|and|to)|[,\-–])$", re.I)


def _continues(slots: list[str], above: list[str]) -> bool:
    """A heading line that finishes cells of the line above: a long heading wrapped within its
    column. Either it fills only some of the columns above ("Thousands of U.S." / "Dollars"),
    or each of its cells completes an unfinished one ("Six Months Ended" / "September 30,
    2012"; "As of September 30," / "2013")."""
    used = {k for k, text in enumerate(slots) if text}
    over = {k for k, text in enumerate(above) if text}
    if not used or not used <= over:
        return False
    return used < over or all(
        UNFINISHED.search(above[k]) or YEAR.fullmatch(slots[k]) or slots[k][0].islower()
        for k in used
    )


def as_tabbed(lines: list[str]) -> list[str]:
    """The lines with every table row rewritten as tab-separated cells, and headings wrapped
    within their columns put back together."""
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
        while start > 0 and seen < HEADER_LINES and not _figures(rows[start - 1]):
            start -= 1  # headings above, past section labels, up to the table before
            seen += bool(rows[start])
        above: tuple[int, str, list[str]] | None = None  # the last heading line, to continue
        for i in range(start, block[-1] + 1):
            row = rows[i]
            in_columns = bool(row) and row[0].start > margin + LABEL_INDENT  # "Dollars" alone
            if not (len(row) >= 2 or _figures(row) or in_columns):
                if row and i > block[0]:  # a label line: numbers in its words are not cells
                    out[i] = f"{row[0].text}\t"  # ("... of JPY 29,516,394 thousand and ...")
                continue
            label, slots = _slots(row, edges, margin)
            if i < block[0] and above is not None and not label and _continues(slots, above[2]):
                at, first, merged = above
                merged = [f"{a} {b}".strip() for a, b in zip(merged, slots, strict=True)]
                out[at], out[i] = _joined(first, merged), ""
                above = (at, first, merged)
                continue
            out[i] = _joined(label, slots)
            above = (i, label, slots) if i < block[0] else None
        _join_wrapped_labels(out, rows, start, block[-1])
    return out


def _wraps(text: str, after: str) -> bool:
    """Whether label line ``after`` continues label line ``text`` (a label wrapped in its
    column: "... amortization of JPY" / "29,516,394 thousand and ..., 2013," / "respectively")."""
    return ends_dangling(text) or starts_lowercase_or_joiner(after) or after[:1].isdigit()


def _join_wrapped_labels(out: list[str], rows: list[list[Cell]], first: int, last: int) -> None:
    """A label wrapped over lines before its figures becomes the label of the figures' row."""
    chain: list[int] = []
    for i in range(first, last + 1):
        line = out[i]
        if not rows[i]:
            chain = []
        elif line.endswith("\t") and line.count("\t") == 1:  # a label line
            text = line[:-1]
            if chain and not _wraps(out[chain[-1]][:-1], text):
                chain = []
            chain = [] if text.endswith(":") else [*chain, i]
        elif "\t" in line and chain:
            label, _, rest = line.partition("\t")
            if label and _wraps(out[chain[-1]][:-1], label):
                words = [out[k][:-1] for k in chain]
                out[i] = " ".join([*words, label]) + "\t" + rest
                for k in chain:
                    out[k] = ""
            chain = []
        else:
            chain = []


def aligned_rows(lines: list[str]) -> int:
    """How many lines look like rows of an aligned table (a label, then two or more figures)."""
    return sum(1 for line in lines if "\t" not in line and len(_figures(cells(line))) >= 2)


def segments(lines: list[str], furniture: set[int]) -> list[Segment]:
    return tabbed.segments(as_tabbed(lines), furniture)

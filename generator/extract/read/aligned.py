"""Column-aligned text (``pdftotext -layout`` output, fixed-width reports, OCR of a printed
table): cells are runs of text separated by two or more spaces, and a blank cell is only a wider
gap. Each table is one block of rows under its header; its columns are found from where its
figures end over all its rows (:mod:`.grid`), as many as the header names, and every figure is
placed in the column it ends at. The row is rewritten with tabs, blank cells included, for the
tab-separated reader; a row whose placement is a guess is reported (``guessed`` lines) so the
proof stage wants its figures confirmed. Headings wrapped within their column and labels wrapped
over lines (as a PDF's text layer lays them out) are put back together first."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from generator.extract.layout import Column
from generator.extract.read import tabbed
from generator.extract.read.cells import PERCENT_ROLES, SKIP_COST
from generator.extract.read.grid import Cell, Figures, Grid, cells, find_grid, is_figure, place
from generator.extract.read.headers import (
    build_columns,
    drop_spanning,
    header_coverage,
    parse_header,
    positioned_header,
)
from generator.extract.read.lines import (
    clean_label,
    ends_dangling,
    starts_lowercase_or_joiner,
    starts_with_number,
)
from generator.extract.read.periods import FiscalCalendar
from generator.extract.read.segments import HEADER_COVERAGE, Segment
from generator.extract.read.stacked import continues, stacked

__all__ = ["Cell", "aligned_rows", "as_tabbed", "cells", "is_figure", "lined_up",
           "read_columns", "segments"]

BLOCK_GAP = 4  # lines without figures that may separate two rows of one table
HEADER_LINES = 6  # lines above a table's first row that may hold its column headings
LABEL_INDENT = 4  # how far a label may be indented from the table's label margin
YEAR = re.compile(r"(?:19|20)\d\d")
# share of figures ending under one of the row above's: columns aligned (see lined_up)
LINED_UP = 0.8


class _Row(list[Cell]):
    """A line's cells, its figures found once: each pass over a table (blocks, labels,
    headings, grid, placement) asks them of every row again."""

    __slots__ = ("figures",)

    def __init__(self, found: Iterable[Cell], figures: tuple[Cell, ...] | None = None) -> None:
        super().__init__(found)
        self.figures = figures


@functools.lru_cache(maxsize=1 << 14)  # the layout test reads every line, then the reader
def _line(line: str) -> tuple[tuple[Cell, ...], tuple[Cell, ...]]:
    """A line's cells and its figures among them (:func:`_figures`)."""
    found = tuple(cells(line))
    return found, _find_figures(found)


def _row(line: str) -> _Row:
    """A line's cells as a row of its own (a list: each reading may keep it), figures known."""
    found, figures = _line(line)
    return _Row(found, figures)


def _figures(row: list[Cell]) -> tuple[Cell, ...]:
    """The figure cells of a row; a first cell is the label unless it is a figure itself. A
    row whose only "figures" are bare years is a heading ("September 30, 2012" / "2013"):
    printed amounts carry thousands separators."""
    if isinstance(row, _Row):
        if row.figures is None:
            row.figures = _find_figures(row)
        return row.figures
    return _find_figures(row)


def _find_figures(row: Sequence[Cell]) -> tuple[Cell, ...]:
    found = tuple(c for i, c in enumerate(row) if is_figure(c.text) and (i > 0 or c.start > 0))
    return () if all(YEAR.fullmatch(c.text) for c in found) else found


def _starts_with_figure(row: list[Cell]) -> bool:
    """Whether a row's first cell is one of its figures (figures keep the row's order, so it
    is their first: one comparison, not one per figure)."""
    figures = _figures(row)
    return bool(figures) and figures[0] == row[0]


def _is_header(row: list[Cell]) -> bool:
    """A line of column headings: mostly period and unit phrases, no figures."""
    if not row or _figures(row):
        return False
    coverage, items = header_coverage(" ".join(c.text for c in row))
    return items > 0 and coverage >= HEADER_COVERAGE


def _column(cell: Cell, edges: tuple[int, ...]) -> int:
    """A heading's column: the one whose span it overlaps most (spans run from the previous
    edge)."""
    def overlap(k: int) -> int:
        left = edges[k - 1] if k else edges[0] - max(len(cell.text), 12)
        return min(cell.end, edges[k]) - max(cell.start, left)
    return max(range(len(edges)), key=overlap)


@dataclass
class _Block:
    """One table's rows (line indexes) and what was read of its header and columns."""

    rows: list[int]
    start: int = 0  # first line of its headings
    columns: list[Column] = field(default_factory=list)
    grid: Grid | None = None
    margin: int = 0
    zone: int = 0  # where the leftmost figure starts: cells ending before it are labels
    trusted: bool = True  # the grid has the columns the header names
    heads: set[int] = field(default_factory=set)  # lines starting a label (_label_heads)
    decimals: dict[int, int] = field(default_factory=dict)  # see _column_decimals
    # each row's figures as placed against the label margin (line -> figures), found once
    # the margin and zone are known: the grid, the decimals and the placement all ask them
    figures: dict[int, Figures] = field(default_factory=dict)


def _blocks(rows: list[list[Cell]], breaks: frozenset[int] = frozenset()) -> list[_Block]:
    """Rows with figures grouped into tables: a header line between two rows starts a new
    table, and so do more than ``BLOCK_GAP`` lines without figures."""
    blocks: list[_Block] = []
    last = -1
    heads = _label_heads(rows, breaks)
    label_lines = _label_tails(rows, breaks) | heads
    for i, row in enumerate(rows):
        if not _figures(row):
            continue
        between = [k for k in range(last + 1, i)
                   if rows[k] and k not in label_lines] if blocks else []
        gap = len(between)
        headed = any(_is_header(rows[k]) for k in between)
        if blocks and gap <= BLOCK_GAP and not headed:
            blocks[-1].rows.append(i)
        else:
            blocks.append(_Block([i], heads=heads))
        last = i
    return blocks


def _label_tails(rows: list[list[Cell]], breaks: frozenset[int] = frozenset()) -> set[int]:
    """Lines that carry on the label of the figure row above them, wrapped after the line of
    its figures ("Accounts receivable, net of   2,791,143 ..." / "accumulated depreciation and"
    / ... / "September 30, 2024," / "respectively"): one cell each, each continuing the line
    before (across a page break, ``breaks``, too). They are label lines, even where one reads
    like a heading, and no gap between tables."""
    tails: set[int] = set()
    for i in range(1, len(rows)):
        j = i - 1
        while j > 0 and j in breaks:
            j -= 1
        above, row = rows[j], rows[i]
        if len(row) != 1 or not above or (j not in tails and not _figures(above)):
            continue
        if not is_figure(above[0].text) and _wraps(above[0].text, row[0].text):
            tails.add(i)
    return tails


def _label_heads(rows: list[list[Cell]], breaks: frozenset[int] = frozenset()) -> set[int]:
    """Lines that start the label of the figure row below them, wrapped before the line of its
    figures ("Common stock—authorized, 25,000,000" / "shares; issued and outstanding," / ... /
    "September 30, 2023, respectively   144,839 ..."): one cell each, each wrapping into the
    next, across a page break (``breaks``). A line that reads like a heading is one only if the
    line above does not run into it."""
    heads: set[int] = set()
    for i, row in enumerate(rows):
        if not row or not _figures(row) or _starts_with_figure(row):
            continue
        after = row[0].text
        for k in range(i - 1, -1, -1):
            if k in breaks:
                continue
            line = rows[k]
            if len(line) != 1 or not _wraps(line[0].text, after):
                break
            if _is_header(line) and not (k and len(rows[k - 1]) == 1
                                         and ends_dangling(rows[k - 1][0].text)):
                break
            heads.add(k)
            after = line[0].text
    return heads


def _header_start(rows: list[list[Cell]], block: _Block, floor: int) -> int:
    """The first line of the headings above a block: past section labels, up to the table
    before."""
    start, seen = block.rows[0], 0
    while start > floor and seen < HEADER_LINES and not _figures(rows[start - 1]):
        start -= 1
        seen += bool(rows[start])
    return start


def _header_columns(lines: list[str]) -> list[Column]:
    """The columns header lines name (periods x units, % and change columns), as the table
    assembler will read them: each line a heading, tab-separated once put over its columns."""
    texts = []
    for line in lines:
        parts = line.split("\t")
        text = positioned_header(parts[1:] if len(parts) > 1 else parts)
        coverage, items = header_coverage(text)
        if items and coverage >= HEADER_COVERAGE:
            texts.append(text)
    if not texts:
        return []
    text = " ".join(texts)
    header = parse_header(text, FiscalCalendar())
    drop_spanning(header)
    if not header.slots and not header.units:
        return []
    return build_columns(header, None)


def _votes(rows: list[list[Cell]], first: int, stop: int) -> list[int]:
    """Where the cells of the widest header line end: right-aligned headings mark edges."""
    lines = [rows[i] for i in range(first, stop) if _is_header(rows[i])]
    widest = max(lines, key=len, default=[])
    return [c.end for c in widest]


def _label_part(row: list[Cell], block: _Block) -> tuple[str, int | None, list[Cell]]:
    """A figure row's label (its first cell, unless a figure, when it starts at the label
    margin, indented by depth, or ends before any figure starts: headings over the columns are
    no label), where it ends, and the cells after it."""
    first = row[0]
    if _starts_with_figure(row) or (
            first.start > block.margin + 2 * LABEL_INDENT and first.end >= block.zone):
        return "", None, row
    # words a wide gap parts from the label, left of every figure of the table, are the
    # label's ("Internet Connectivity Services  (Corporate Use) 3"): no column is there
    n = 1
    while n < len(row) and row[n].end < block.zone and not is_figure(row[n].text):
        n += 1
    return " ".join(c.text for c in row[:n]), row[n - 1].end, row[n:]


def _figures_of(row: list[Cell], block: _Block) -> Figures:
    _, label_end, _ = _label_part(row, block)
    return Figures.of(_figures(row), label_end)


def _skip_cost(columns: list[Column]) -> Callable[[int], float]:
    """How implausible it is that a row leaves column k blank (shares of revenue first)."""
    def cost(k: int) -> float:
        return SKIP_COST[columns[k].role] if k < len(columns) else 0.0
    return cost


AMOUNT = re.compile(r"\(?-?\d{1,3}(?:,\d{3})+\)?")  # "866,380", "(4,918,589)": no percentage


_FRACTION = re.compile(r"\.(\d+)")


def _decimals(text: str) -> int:
    digits = _FRACTION.search(text)
    return len(digits.group(1)) if digits else 0


def _column_decimals(rows: list[list[Cell]], block: _Block) -> dict[int, int]:
    """Per column, the decimals every figure standing at its edge prints, where at least two
    do and all alike ("38.9", "100.0": one)."""
    grid = block.grid
    if grid is None:
        return {}
    seen: dict[int, set[int]] = {}
    counts: dict[int, int] = {}
    for i in block.rows:
        for cell in block.figures[i].free():
            k = grid.anchor(cell.end)
            if k is not None:
                seen.setdefault(k, set()).add(_decimals(cell.text))
                counts[k] = counts.get(k, 0) + 1
    return {k: next(iter(d)) for k, d in seen.items() if len(d) == 1 and counts[k] >= 2}


def _holds(columns: list[Column], decimals: dict[int, int]) -> Callable[[Cell, int], bool]:
    """Whether column k can hold a figure: a % column (share of revenue, change in %) never
    holds one printed with thousands separators and no decimals, as amounts and share counts
    are, nor one printed with other decimals than all its figures ("9,076.80" in a column of
    "38.9"). A pushed figure is then not placed there, which may leave one placement only."""
    def holds(cell: Cell, k: int) -> bool:
        if not (k < len(columns) and columns[k].role in PERCENT_ROLES):
            return True
        text = cell.text.replace(" ", "")
        if AMOUNT.fullmatch(text):
            return False
        return k not in decimals or decimals[k] == _decimals(text)
    return holds


def _joined(label: str, slots: list[str]) -> str:
    return "\t".join([label, *slots]).rstrip("\t")


@dataclass
class Rewritten:
    """The lines with table rows rewritten as tab-separated cells, and the (0-based) lines whose
    figures' columns are a guess rather than read."""

    lines: list[str]
    guessed: set[int] = field(default_factory=set)
    labels: set[int] = field(default_factory=set)  # lines that are only (part of) a label


def as_tabbed(lines: list[str], furniture: frozenset[int] = frozenset()) -> list[str]:
    """The lines with every table row rewritten as tab-separated cells, and headings wrapped
    within their columns put back together."""
    return read_columns(lines, furniture).lines


def _page_breaks(rows: list[list[Cell]], furniture: frozenset[int]) -> frozenset[int]:
    """The lines of page breaks: each run of blank lines and page furniture (page numbers,
    running heads) that holds some furniture."""
    out: set[int] = set()
    run: list[int] = []
    for i, row in enumerate([*rows, [Cell(0, 1, "x")]]):
        if not row or i in furniture:
            run.append(i)
            continue
        if any(k in furniture for k in run):
            out.update(run)
        run = []
    return frozenset(out)


def read_columns(lines: list[str], furniture: frozenset[int] = frozenset()) -> Rewritten:
    """Every table of the text read by column position (see the module's docstring)."""
    shown = ["" if i in furniture else line for i, line in enumerate(lines)]  # page furniture
    rows: list[list[Cell]] = [_row(line) for line in shown]
    breaks = _page_breaks(rows, furniture)
    out = Rewritten(list(lines))
    previous: _Block | None = None
    floor = 0
    for block in _blocks(rows, breaks):
        _read_block(shown, rows, block, floor, previous)
        _write_headings(rows, block, out)
        for i in block.rows:
            _write_row(rows, i, block, out)
        _join_wrapped_labels(out.lines, rows, block.start, block.rows[-1], breaks)
        floor, previous = block.rows[-1] + 1, block
    return out


def _read_block(raw: list[str], rows: list[list[Cell]], block: _Block, floor: int,
                previous: _Block | None) -> None:
    """A block's headings, the columns its header names and the grid its figures show. A
    block under no header of its own continues the table before (a page break): it has that
    table's columns."""
    block.start = _header_start(rows, block, floor)
    block.margin = min(rows[i][0].start for i in block.rows)
    block.zone = min(c.start for i in block.rows for c in _figures(rows[i]))
    block.figures = {i: _figures_of(rows[i], block) for i in block.rows}
    figures = list(block.figures.values())
    votes = _votes(rows, block.start, block.rows[0])
    # Headings wrapped over lines are read once put over the columns the figures show
    # ("As of" / "March 31, 2013" in one column); then the header says how many there are.
    block.grid = find_grid(figures, None, votes)
    lines = [raw[i] for i in range(block.start, block.rows[0])]
    if block.grid is not None:
        scratch = Rewritten(list(raw))
        _write_headings(rows, block, scratch)
        lines = scratch.lines[block.start:block.rows[0]]
    block.columns = _header_columns(lines) or _header_columns(
        [raw[i] for i in range(block.start, block.rows[0])])
    if not block.columns and previous is not None and previous.columns:
        block.columns = previous.columns
    count = len(block.columns) or None
    shown = block.grid
    block.grid = find_grid(figures, count, votes)
    if shown is not None and (block.grid is None or shown.strong > len(block.grid.edges)):
        # The figures show columns the header does not name (or not the ones it names): the
        # header was misread, so no placement is read; the figures' own columns keep the
        # cells apart, every row a guess.
        block.grid, block.trusted = shown, False
    block.decimals = _column_decimals(rows, block)


def _write_row(rows: list[list[Cell]], i: int, block: _Block, out: Rewritten) -> None:
    """A figure row as its label and one slot per column, blank where it prints nothing; by
    its figures' order (a guess) when the grid cannot place them."""
    row = rows[i]
    label, _, rest = _label_part(row, block)
    figures = block.figures[i]
    grid = block.grid
    holds = _holds(block.columns, block.decimals)
    placement = place(figures, grid, _skip_cost(block.columns), holds) \
        if grid is not None else None
    stray = [c for c in rest if c not in figures.cells]
    if grid is None or placement is None:
        out.lines[i] = "\t".join([label, *(c.text for c in rest)])
        out.guessed.add(i)
        return
    slots = ["" for _ in grid.edges]
    for cell, k in zip(figures.cells, placement.columns, strict=True):
        slots[k] = cell.text
    for cell in stray:  # words among the figures ("Gbps"): kept, but the row is in doubt
        k = _column(cell, grid.edges)
        slots[k] = f"{slots[k]} {cell.text}".strip()
    out.lines[i] = "\t".join([label, *slots])
    if placement.guessed or stray or not block.trusted:
        out.guessed.add(i)


def _heading_slots(row: list[Cell], block: _Block) -> tuple[str, list[str]]:
    """A heading line's label (a first cell at the label margin that ends before any figure
    starts, or reads as no heading) and its cells over the columns they overlap most."""
    assert block.grid is not None
    edges = block.grid.edges
    label, rest = "", row
    first = row[0]
    if first.start <= block.margin + LABEL_INDENT and (
            first.end < block.zone or not header_coverage(first.text)[1]):
        label, rest = first.text, row[1:]
    slots: list[list[str]] = [[] for _ in edges]
    for part in (part for cell in rest for part in _printings(cell)):
        slots[_column(part, edges)].append(part.text)
    return label, [" ".join(s) for s in slots]


def _printings(cell: Cell) -> list[Cell]:
    """A heading printed again over each of its columns with single spaces between ("as of
    September as of September"): one cell per printing, each at its own place; any other
    cell as it is."""
    words = cell.text.split(" ")
    for size in range(1, len(words) // 2 + 1):  # the shortest phrase: the most printings
        if len(words) % size == 0 and all(words[i:i + size] == words[:size]
                                          for i in range(size, len(words), size)):
            text = " ".join(words[:size])
            return [Cell(cell.start + i * (len(text) + 1),
                         cell.start + i * (len(text) + 1) + len(text), text)
                    for i in range(len(words) // size)]
    return [cell]


def _label_lead(rows: list[list[Cell]], block: _Block) -> set[int]:
    """The lines above a block's first row that start its label (see :func:`_label_heads`)."""
    if block.grid is None:
        return set()
    first = block.rows[0]
    lead: set[int] = set()
    for i in range(first - 1, block.start - 1, -1):
        if i not in block.heads:
            break
        lead.add(i)
    return lead


def _write_headings(rows: list[list[Cell]], block: _Block, out: Rewritten) -> None:
    """The headings above a block (and label lines within it), each heading cell over its
    column; a heading wrapped within its column joins the line above."""
    if block.grid is None:
        return  # no columns to put them over: left as printed, read as text
    above: tuple[int, str, list[str]] | None = None  # the last heading line, to continue
    lead = _label_lead(rows, block)
    for i in range(block.start, block.rows[-1] + 1):
        row = rows[i]
        if not row or _figures(row):
            continue
        in_columns = row[0].start > block.margin + LABEL_INDENT and row[0].end >= block.zone
        if len(row) < 2 and not in_columns:
            if i > block.rows[0] or i in lead:  # a label line: numbers in its words are not cells
                out.lines[i] = f"{row[0].text}\t"  # ("... of JPY 29,516,394 thousand and ...")
                out.labels.add(i)
            above = None  # a line of words between: what follows continues no heading
            continue
        label, slots = _heading_slots(row, block)
        if i < block.rows[0] and above is not None and not label and (
                continues(slots, above[2]) or stacked(slots, above[2])):
            at, first, merged = above
            merged = [f"{a} {b}".strip() for a, b in zip(merged, slots, strict=True)]
            out.lines[at], out.lines[i] = _joined(first, merged), ""
            above = (at, first, merged)
            continue
        out.lines[i] = _joined(label, slots)
        above = (i, label, slots) if i < block.rows[0] else None


def _wraps(text: str, after: str) -> bool:
    """Whether label line ``after`` continues label line ``text`` (a label wrapped in its
    column: "... amortization of JPY" / "29,516,394 thousand and ..., 2013," / "respectively")."""
    return ends_dangling(text) or starts_lowercase_or_joiner(after) or starts_with_number(after)


def _join_wrapped_labels(out: list[str], rows: list[list[Cell]], first: int, last: int,
                         breaks: frozenset[int] = frozenset()) -> None:
    """A label wrapped over lines before its figures (across a page break, too) becomes the
    label of the figures' row."""
    chain: list[int] = []
    for i in range(first, last + 1):
        line = out[i]
        if i in breaks:
            continue
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
    return sum(1 for line in lines if "\t" not in line and len(_line(line)[1]) >= 2)


def lined_up(lines: list[str]) -> float:
    """Of the figures on rows that follow another row, the share that end where a figure of
    that row ends: near 1 where columns are aligned (right-aligned, ``pdftotext -layout``),
    low where cells are only apart by ragged runs of spaces."""
    shared = total = 0
    above: set[int] = set()
    for line in lines:
        figures = _line(line)[1] if "\t" not in line else ()
        if len(figures) < 2:
            above = set()
            continue
        ends = {c.end for c in figures}
        if above:
            shared += len(ends & above)
            total += len(ends)
        above = ends
    return shared / total if total else 0.0


def segments(lines: list[str], furniture: set[int]) -> list[Segment]:
    """Segments of the rewritten lines; a row whose columns were guessed says so."""
    read = read_columns(lines, frozenset(furniture))
    out = tabbed.segments(read.lines, furniture)
    for seg in out:
        if seg.kind == "row" and seg.line - 1 in read.guessed:
            seg.guessed = True
        if seg.kind == "header" and seg.line - 1 in read.labels:
            # a label's words that read like a heading ("September 30, 2026,"), where the
            # columns show a label line: inside a table a heading line starts a new table
            seg.kind, seg.label = "text", clean_label(seg.header_text)
    return out



def spaced_tables(lines: list[str], furniture: set[int], marked: Callable[[str], bool]
                  ) -> Rewritten | None:
    """A release whose cells are marked (apart by tabs, between pipes) but for some tables
    laid out by runs of spaces, as a report writer prints them: those tables read by column
    position (headings wrapped within their columns put back together), each marked line left
    as printed. None when the figures on the other lines do not stand in columns (cells apart
    by ragged gaps are read in order, as the marked layout reads them)."""
    kept = {i for i, line in enumerate(lines) if marked(line)}
    shown = ["" if i in kept else line for i, line in enumerate(lines)]
    if aligned_rows(shown) < 2 or lined_up(shown) < LINED_UP:
        return None
    read = read_columns(shown, frozenset(furniture))
    for i in kept:
        read.lines[i] = lines[i]
    read.guessed -= kept
    read.labels -= kept
    return read

"""Which layout a release is in, from simple counts over its lines: tab-separated cells,
slide markers ("Unit: JPY billion"), no-break-space cell markers, very long lines of numbers,
cells separated by pipes, cells aligned in columns by runs of spaces."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from generator.extract.read.aligned import LINED_UP, aligned_rows, lined_up
from generator.extract.read.lines import NBSP
from generator.extract.read.numbers import is_number_token
from generator.extract.read.piped import cells

Layout = Literal["ocr", "slides", "newswire", "runon", "tabbed", "piped", "aligned"]
_UNIT_NOTE = re.compile(r"\s*unit\s*:", re.I)
MIN_TABLE_ROWS = 20  # rows of cells a layout needs before it is taken as that layout's
# aligned.LINED_UP: share of figures ending under one of the row above's, columns aligned;
# below RAGGED, figures end where the row above has one no more often than ragged gaps make
# them (cells joined by 2-4 spaces: about 0.06; columns padded by hand or by a scan: 0.3 and more)
RAGGED = 0.2


def _piped_row(line: str) -> bool:
    """Three or more cells between pipes, one of them a number."""
    found = cells(line)
    return len(found) >= 3 and any(is_number_token(cell) for cell in found)


def _runs_on(lines: list[str], on_long_lines: int) -> bool:
    """Most of the release's numbers sit on its lines of 30 numbers or more: statements run
    on together as one paragraph (fewer than three such lines when no note parts them)."""
    total = sum(1 for ln in lines for w in ln.split() if is_number_token(w))
    return on_long_lines * 2 > total


def detect_layout(text: str) -> Layout:
    lines = text.splitlines()
    tabbed = sum(1 for ln in lines if _tab_line(ln))
    units = sum(1 for ln in lines if _UNIT_NOTE.match(ln))
    numbers_per_line = [  # only lines of 30 words or more can have 30 numbers: parse those
        sum(1 for w in words if is_number_token(w)) if len(words) >= 30 else 0
        for words in (ln.split() for ln in lines)]
    long_numeric = sum(1 for n in numbers_per_line if n >= 30)
    on_long_lines = sum(n for n in numbers_per_line if n >= 30)
    nbsp_cells = sum(1 for ln in lines if _nbsp_line(ln))
    piped = sum(1 for ln in lines if _piped_row(ln))
    if piped >= MIN_TABLE_ROWS and piped > tabbed and piped > nbsp_cells:
        return "piped"  # grids, with a few tables left tab- or space-separated among them
    if units >= 3 and tabbed >= 3:
        return "slides"
    if long_numeric >= 3 or (long_numeric and _runs_on(lines, on_long_lines)):
        return "runon"
    if tabbed >= MIN_TABLE_ROWS:
        return "aligned" if _aligned_figures(lines, _tab_row) else "tabbed"
    if nbsp_cells >= 10:
        return "aligned" if _aligned_figures(lines, _nbsp_row) else "newswire"
    if piped >= MIN_TABLE_ROWS:
        return "piped"
    if aligned_rows(lines) >= MIN_TABLE_ROWS and lined_up(lines) >= RAGGED:
        return "aligned"
    # cells apart by ragged runs of spaces, their figures in no columns: read in order, as a
    # scan's single-spaced rows are, not by positions that mean nothing
    return "ocr"


def _tab_line(line: str) -> bool:
    """Cells apart by tabs."""
    return line.count("\t") >= 2


def _nbsp_line(line: str) -> bool:
    """A no-break-space cell marker (a newswire table's blank cell)."""
    return f" {NBSP} " in line or line.rstrip(" ").endswith(NBSP)


def _tab_row(line: str) -> bool:
    """A row of figures in tab-separated cells."""
    return _tab_line(line) and any(
        is_number_token(word) for cell in line.split("\t")[1:] for word in cell.split())


def _nbsp_row(line: str) -> bool:
    """A row of figures beside a no-break-space cell marker."""
    return _nbsp_line(line) and any(is_number_token(word) for word in line.split())


def _aligned_figures(lines: list[str], marked: Callable[[str], bool]) -> bool:
    """The release's figures stand in columns aligned by runs of spaces, and the tabs or
    no-break spaces that suggested another layout sit on its heading lines (a converter that
    kept a table's header cells and aligned its rows): more than twice as many rows of
    figures apart by runs of spaces as marked rows of figures, and most of their figures
    ending where the row above has one (cells apart by ragged runs of spaces are read in
    order, as the marked layout reads them, not by position)."""
    rows = sum(1 for line in lines if marked(line))
    return rows < MIN_TABLE_ROWS and aligned_rows(lines) > max(2 * rows, MIN_TABLE_ROWS) \
        and lined_up(lines) >= LINED_UP

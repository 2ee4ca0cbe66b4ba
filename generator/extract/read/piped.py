"""Pipe tables (Markdown, wiki and e-mail renderings of a release, ASCII boxes): cells are separated
by ``|``; ruling lines ("|---|", "+----+====+") are blank.
Each row is rewritten with tabs and read by the tab-separated reader, so both layouts share its
logic (an empty cell between two pipes is an explicit blank slot, as between two tabs).

Text aligned by runs of spaces alone (``pdftotext -layout``) is not read here: a blank cell
there is only a wider gap, so its columns need placing by character position; tables so laid
out among pipe tables are read by the aligned reader first (``aligned.spaced_tables``)."""

from __future__ import annotations

import re

from generator.extract.read import tabbed
from generator.extract.read.segments import Segment

RULE = re.compile(r"^[\s|:+\-=]*$")  # a table's ruling line: "|---|:--:|"


def cells(line: str) -> list[str]:
    """A row's cells, without the outer pipes; [] for a line that is not a pipe row."""
    text = line.strip()
    if text.count("|") < 2:
        return []
    return [cell.strip() for cell in text.strip("|").split("|")]


def is_ruling(line: str) -> bool:
    """A grid's ruling line: "|---|:--:|", or an ASCII box's "+------+======+"."""
    return bool(RULE.match(line)) and ("|" in line or (
        "+" in line and line.count("-") + line.count("=") >= 3))


def as_tabbed(line: str) -> str:
    """One row with its cells separated by tabs (a ruling line becomes blank)."""
    if is_ruling(line):
        return ""
    found = cells(line)
    return "\t".join(found) if found else line


def segments(lines: list[str], furniture: set[int]) -> list[Segment]:
    rewritten = [as_tabbed(line) for line in lines]
    out = tabbed.segments(rewritten, furniture)
    for seg in out:
        if seg.kind == "row" and rewritten[seg.line - 1] != lines[seg.line - 1]:
            # its label closed by a rule: wrapped, it goes on in the grid's next row, never on
            # a line of text after the grid ("Changes in earnings forecasts ...: None")
            seg.in_grid = True
    return out

"""Headings wrapped within their columns: a long column heading printed over two or more lines
("Thousands of" / "JPY", "Six Months Ended" / "September 30, 2012"). Read line by line, the
second line looks like a header of its own and the columns' units or periods come apart; put
back together, cell by cell, each column reads as one heading."""

from __future__ import annotations

import itertools
import re

from generator.extract.read.headers import parse_header
from generator.extract.read.numbers import is_number_token
from generator.extract.read.periods import FiscalCalendar
from generator.model.period import Duration, Instant

YEAR = re.compile(r"(?:19|20)\d\d")
UNFINISHED = re.compile(r"(?:\b(?:ended|ending|as of|of|for|and|to)|[,\-–])$", re.I)
# a month with its day and year on the line below ("March" / "31, 2011")
_MONTH_END = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?$", re.I)
_DAY_YEAR = re.compile(r"\d{1,2},\s*(?:19|20)\d\d\b")


def _completes(text: str, above: str) -> bool:
    """Whether a heading cell finishes the unfinished one above it ("Six Months Ended" /
    "September 30, 2012"; "As of September 30," / "2013"; "As of September" / "30, 2013")."""
    return bool(UNFINISHED.search(above) or YEAR.fullmatch(text)
                or (_MONTH_END.search(above) and _DAY_YEAR.match(text)))


def continues(slots: list[str], above: list[str]) -> bool:
    """A heading line that finishes cells of the line above: a long heading wrapped within its
    column. Either it fills only some of the columns above ("Thousands of U.S." / "Dollars"),
    or each of its cells completes an unfinished one (:func:`_completes`). Beside headings so
    finished, a heading short enough for one line is printed on the last one ("as of
    September" / "30, 2010" beside "YoY Change" under nothing): with no digit, it names no
    period that could be another column's."""
    used = {k for k, text in enumerate(slots) if text}
    over = {k for k, text in enumerate(above) if text}
    if not used or not over:
        return False
    if used <= over:
        return used < over or all(_completes(slots[k], above[k]) or slots[k][0].islower()
                                  for k in used)
    return over < used and all(_completes(slots[k], above[k]) for k in over) and (not any(
        ch.isdigit() for k in used - over for ch in slots[k])
        or _alike_periods([f"{above[k]} {slots[k]}" for k in over], [slots[k] for k in over],
                          [slots[k] for k in used - over if any(c.isdigit() for c in slots[k])]))


def _period_of(text: str) -> Duration | Instant | None:
    periods = parse_header(text, FiscalCalendar()).periods
    return periods[0].period if len(periods) == 1 else None


def _alike_periods(finished: list[str], parts: list[str], whole: list[str]) -> bool:
    """Headings finished on this line ("December" / "31, 2011") beside headings it prints whole
    ("March 31, 2011" under nothing): one column each where every finished heading and every
    whole one names one period of one kind (days, or spans of one length), and no finished
    one's part on this line names a period of its own. A heading over two columns ("Six months
    ended" over "September 30, 2010 | September 30, 2011") would name a span over one and
    leave a day beside it: those are not put together."""
    if any(_period_of(part) is not None for part in parts):
        return False
    periods = [_period_of(text) for text in (*finished, *whole)]
    if any(p is None for p in periods):
        return False
    if all(isinstance(p, Instant) for p in periods):
        return True
    return all(isinstance(p, Duration) for p in periods) and len(
        {(p.end - p.start).days // 27 for p in periods if isinstance(p, Duration)}) == 1


def _one_heading(text: str) -> bool:
    """A column heading naming one period or change (in one unit at most)."""
    header = parse_header(text, FiscalCalendar())
    return len(header.slots) == 1 and len(header.units) <= 1


def _change_only(text: str) -> bool:
    """A heading naming a change column and nothing else ("YoY", "Change")."""
    header = parse_header(text, FiscalCalendar())
    return bool(header.slots) and not header.units and all(
        s.kind == "change" for s in header.slots)


def stacked(slots: list[str], above: list[str]) -> bool:
    """A heading line whose cells stand under the cells of the line above, column for column,
    each pair one heading printed in two parts ("% of Revenues" / "3Q11 (11/4~11/12)", "FY11
    Revised" / "Target (11/4~12/3)"): a cell under each of the line above's, each column then
    naming one period or change (in one unit at most), never two, and the cells under nothing
    naming a change only ("YoY"); a unit under nothing means the line above spans columns,
    and so do two cells above that read together as one heading ("As of Sept" / "tember 30,
    2013": one heading cut by the columns it spans).
    Read line by line, a line of units over a line of periods reads as a table's units closed
    before a row's label."""
    used = {k for k, text in enumerate(slots) if text}
    over = sorted(k for k, text in enumerate(above) if text)
    return bool(over) and set(over) <= used and all(
        _one_heading(f"{above[k]} {slots[k]}") for k in over) and all(
        _change_only(slots[k]) for k in used - set(over)) and not any(
        _one_heading(f"{above[a]} {above[b]}") for a, b in itertools.pairwise(over))


def _heading_cells(line: str) -> list[str] | None:
    """A tab-separated line with an empty first cell and no figures: its heading cells."""
    if "\t" not in line:
        return None
    label, *slots = [c.strip() for c in line.rstrip("\t ").split("\t")]
    if label or not slots or any(is_number_token(w) for s in slots for w in s.split()):
        return None
    return slots


def join_stacked_headings(lines: list[str]) -> list[str]:
    """Tab-separated heading lines whose cells continue the cells of the heading line just
    above, column for column, joined into that line (the continuation line left blank)."""
    out = list(lines)
    above: tuple[int, list[str]] | None = None
    for i, line in enumerate(lines):
        slots = _heading_cells(line)
        if slots is None:
            above = None
            continue
        if above is not None and len(slots) == len(above[1]) and continues(slots, above[1]):
            at, merged = above
            merged = [f"{a} {b}".strip() for a, b in zip(merged, slots, strict=True)]
            out[at] = "\t".join(["", *merged])
            out[i] = ""
            above = (at, merged)
            continue
        above = (i, slots)
    return out

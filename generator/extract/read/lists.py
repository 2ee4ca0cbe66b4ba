"""Figures printed as lists: an item heading ending in a colon, then one entry per period.

Japanese-style (TDnet) summaries print the number of shares this way::

    1) The number of shares outstanding (inclusive of treasury stock):
    As of September 30, 2011: 206,478 shares
    As of March 31, 2011: 206,478 shares
    3) The weighted average number of shares outstanding:
    For the first six months ended September 30, 2013: 42,683,242 shares For the first six ...

Each item becomes a one-column table whose rows name their periods (a one-row-per-period table:
the item is the column header, mapped like any other by the taxonomy's wordings). Entries may
share a line; blank lines between them do not matter. An entry whose period cannot be read is
left out of the table and reported (its figure stays accounted for).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from generator.extract.layout import Cell, Column, Row, Table
from generator.extract.read.periods import months_ended, parse_date
from generator.model.period import Duration, Instant

KIND = "list"
MAX_GAP = 2  # blank lines allowed between a heading and its entries, or between entries
_HEADING = re.compile(
    r"^\s*(?:-\s*)?(?:\(?\d{1,2}\)|[a-z]\))?\s*(?P<item>[A-Za-z][^:]{5,120}):\s*$")
_NUMBER = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?!\d)(?![,.]\S)"
_ENTRY = re.compile(
    r"(?P<when>(?:As\s+of|For\s+the)\s+[^:]{4,80}?)\s*:\s*"
    rf"(?P<num>{_NUMBER})\s*(?P<unit>shares?)\b", re.I)
_MONTHS = {"three": 3, "six": 6, "nine": 9, "twelve": 12}
_SPAN = re.compile(r"(?P<n>three|six|nine|twelve)\s+months\s+ended|fiscal\s+year\s+ended", re.I)


@dataclass
class ListReading:
    tables: list[Table] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def entry_period(text: str) -> Duration | Instant | None:
    """"As of September 30, 2011" -> the instant; "For the (first) six months ended September
    30, 2013" -> the six months to that day; "For the fiscal year ended ..." -> twelve months."""
    day = parse_date(text)
    if day is None:
        return None
    if re.match(r"\s*as\s+of\b", text, re.I):
        return Instant(date=day)
    span = _SPAN.search(text)
    if span is None:
        return None
    months = _MONTHS[span.group("n").lower()] if span.group("n") else 12
    return months_ended(months, day)


def read_lists(lines: list[str], taken: set[int]) -> ListReading:
    """Every list of ``lines`` (0-based; reported 1-based) not on a line in ``taken``."""
    out = ListReading()
    i = 0
    while i < len(lines):
        # a heading ends in a colon: a line without one is not tried (the pattern backtracks
        # over its whole length before it fails)
        heading = _HEADING.match(lines[i]) if ":" in lines[i] and (i + 1) not in taken else None
        if heading is None:
            i += 1
            continue
        rows: list[Row] = []
        j, gap = i + 1, 0
        while j < len(lines) and gap <= MAX_GAP and (j + 1) not in taken:
            text = lines[j]
            entries = list(_ENTRY.finditer(text))
            if not text.strip():
                gap += 1
            elif entries and not text[:entries[0].start()].strip():
                gap = 0
                for m in entries:
                    period = entry_period(m.group("when"))
                    if period is None:
                        out.problems.append(f"line {j + 1}: list entry '{m.group(0)}' names no "
                                            "period the reader understands")
                        continue
                    rows.append(Row(
                        label=m.group("when").strip(), line=j + 1, period=period, raw=text,
                        cells=(Cell(text=m.group("num"), value=Decimal(m.group("num").replace(
                            ",", "")), line=j + 1),),
                    ))
            else:
                break
            j += 1
        if rows:
            item = heading.group("item").strip()
            out.tables.append(Table(
                title=item, line=i + 1, kind=KIND,
                columns=(Column(role="value", header=item),), rows=tuple(rows),
            ))
            i = j
        else:
            i += 1
    return out

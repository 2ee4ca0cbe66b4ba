"""Every number a release prints, accounted for (issue 11, part 4).

A number the reader placed in a table (a cell, a figure in a row's label, a list entry, a loose
number near a table) becomes a fact, is held back or listed unmapped with a reason, or is
skipped as derived: the coverage report counts those. Every other number printed in the text
must be *explained* as what it is — part of a date, a year or a period's name, page furniture,
the stated exchange rate, a footnote mark, a letter OCR read as a digit inside a word — or it is
listed as *unexplained*, with its line, for a person to look at: a figure the reader missed.

Explanations are read from the line the number is printed on, never from what the number is
worth (a figure "2,029" is no year; "2029" alone on a table row would have been read as a cell
first).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from generator.extract.layout import Cell, PrintedNumber, Table
from generator.extract.read.inlabel import numbers_in

# A printed number: digits with thousands separators or a decimal part; a group of three may
# hold one digit OCR read as its lookalike letter ("37,l48"), as the label reader reads it.
# It opens with the digit, the lookbehind after it: the regex engine then skips straight to
# the digits of a line instead of trying the lookbehind at every character (every line of the
# release is scanned).
NUMBER = re.compile(
    r"\d(?<![\d.,]\d)\d*(?:,(?:\d{3}|[lIO]\d\d|\d[lIO]\d|\d\d[lIO])(?!\d)|\.\d+)*")
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_DAY = r"(?:\d[\dlI|O]?|[lI|]\d)"  # OCR may print a digit as its lookalike ("March 3l, 2019")
_YEAR_OF_DATE = r"(?:19|20)[\dlIO]{2}"
_DATE = re.compile(
    rf"\b{_MONTH}\s+(?:{_DAY}(?:,?\s*{_YEAR_OF_DATE})?|{_YEAR_OF_DATE})\b"
    rf"|\b\d{{4}}[/.-]\d{{1,2}}(?:[/.-]\d{{1,2}})?\b", re.I)
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,]\d)")
_PERIOD = re.compile(
    r"\b(?:[1-4][HQ](?:\s?FY)?(?:\d{2}|\d{4})?|FY\s?\d{2,4}|[HQ][1-4]|\d{1,2}/\d{1,2}\s?[-~]"
    r"\s?\d{1,2}/\d{1,2})\b", re.I)
_PER_DOLLAR = re.compile(r"(?:US\$|U\.S\.\s?\$|\bper\s+)\s*1(?:\.00?)?(?!\d)(?![.,]\d)", re.I)
_FOOTNOTE = re.compile(r"\(\s*Note\s*\d{1,2}\s*\)|\bNote\s*\d{1,2}\b|\*\s?\d{1,2}\b|\(\d{1,2}\)",
                       re.I)
# one digit inside a word: between letters ("LIABILIT1ES"), after lower-case letters
# ("Tota1", "doubtfu1") or starting a word ("1eases", "0THER", "1N"); not "JPY12"
_IN_WORD = re.compile(r"(?<=[A-Za-z])\d(?=[A-Za-z])|(?<=[a-z]{2})\d(?![\d,.]\d)"
                      r"|(?<![\w.,])\d(?=[A-Za-z])")

DATE, YEAR, PERIOD, RATE, FOOTNOTE, WORD, FURNITURE = (
    "a date", "a year", "a period's name", "the stated exchange rate", "a footnote mark",
    "a letter OCR read as a digit, in a word", "page furniture (page number, running head)")
LABEL_WINDOW = 12  # lines around a row's figures its label may be wrapped over


@dataclass
class Accounts:
    """The numbers the reader did not place: explained (by kind) or not (listed)."""

    explained: Counter[str] = field(default_factory=Counter)
    unexplained: list[PrintedNumber] = field(default_factory=list)


def _placed(tables: Iterable[Table], loose: Iterable[Cell]) -> Counter[tuple[int, str]]:
    """(line, number) of every figure the reader placed in a cell or found loose."""
    out: Counter[tuple[int, str]] = Counter()
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                if cell is not None:
                    for m in NUMBER.finditer(cell.text):
                        out[(cell.line, m.group())] += 1
    for number in loose:
        for m in NUMBER.finditer(number.text):
            out[(number.line, m.group())] += 1
    return out


def _in_labels(tables: Iterable[Table]) -> dict[str, list[int]]:
    """Every figure printed inside a row's label: its number -> the lines of its rows."""
    out: dict[str, list[int]] = {}
    for table in tables:
        for row in table.rows:
            for text in numbers_in(row.label):
                out.setdefault(text, []).append(row.line)
    return out


@functools.lru_cache(maxsize=1 << 8)  # lines are read in turn: a few kept suffice
def _spans(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, int], ...]:
    """Where ``pattern`` matches in ``text``: found once per line and pattern, not once per
    number of the line (a run-on paragraph is one line of hundreds of numbers)."""
    return tuple(m.span() for m in pattern.finditer(text))


@functools.lru_cache(maxsize=1 << 8)  # one line above for all the numbers of a line
def _tails(before: str) -> frozenset[str]:
    """The last two words of the line above, and of its label (its words before its figures):
    where a date printed across the two lines begins."""
    label = re.split(r"\s{2,}|\t", before.strip())[0]
    return frozenset(" ".join(text.split()[-2:]) + " " for text in (before, label))


def _line_before(lines: list[str], index: int, furniture: set[int]) -> str:
    """The nearest line above ``index`` that prints something, across a page break."""
    return next((lines[k] for k in range(index - 1, -1, -1)
                 if lines[k].strip() and k not in furniture), "")


def _why(line: str, start: int, end: int, usd_rate: Decimal | None, before: str = ""
         ) -> str | None:
    """What the number at ``line[start:end]`` is, if the line says (a date may begin on the
    line ``before``: "... at March" / "31, 2029 and September 30, 2029")."""
    text = line[start:end]

    def within(pattern: re.Pattern[str], where: str = line, shift: int = 0) -> bool:
        return any(a <= start + shift and end + shift <= b for a, b in _spans(pattern, where))

    if within(_DATE) or any(within(_DATE, tail + line, len(tail)) for tail in _tails(before)):
        return DATE
    if within(_PERIOD):
        return PERIOD
    if within(_PER_DOLLAR):
        return RATE
    if usd_rate is not None:
        try:
            if Decimal(text.replace(",", "")) == usd_rate:
                return RATE
        except InvalidOperation:
            pass
    if within(_FOOTNOTE):
        return FOOTNOTE
    if _YEAR.fullmatch(text):
        return YEAR
    if within(_IN_WORD) and text.isdigit():
        return WORD
    return None


def account(lines: list[str], tables: Iterable[Table], loose: Iterable[Cell],
            furniture: set[int], usd_rate: Decimal | None) -> Accounts:
    """Sort every number of ``lines`` the reader did not place into explained (by kind) and
    unexplained (listed with its 1-based line)."""
    tables = list(tables)
    placed = _placed(tables, loose)
    labels = _in_labels(tables)
    out = Accounts()
    for index, line in enumerate(lines):
        number = index + 1
        before: str | None = None  # the line above: found once, for the first number to explain
        for m in NUMBER.finditer(line):
            key = (number, m.group())
            if placed[key]:
                placed[key] -= 1
                continue
            rows = labels.get(m.group(), [])
            label = next((i for i, at in enumerate(rows) if abs(at - number) <= LABEL_WINDOW),
                         None)
            if label is not None:
                del rows[label]
                continue
            if index in furniture:
                why: str | None = FURNITURE
            else:
                if before is None:
                    before = _line_before(lines, index, furniture)
                why = _why(line, m.start(), m.end(), usd_rate, before)
            if why is not None:
                out.explained[why] += 1
            else:
                out.unexplained.append(PrintedNumber(line=number, text=m.group(),
                                                     context=" ".join(line.split())[:120]))
    return out

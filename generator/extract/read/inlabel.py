"""Figures printed inside a row label, with the words that name and date them.

Balance sheets print some figures in their row labels rather than in columns::

    Accounts receivable, net of allowance for doubtful accounts of JPY 37,178 thousand and
    JPY 56,787 thousand at March 31, 2010 and September 30, 2010, respectively
    Common-stock—authorized, 377,600 shares; issued and outstanding, 206,478 shares at
    March 31, 2010 and September 30, 2010
    Treasury stock—3,934 shares and 3,794 shares held by the company at March 31, 2010 and ...

:func:`label_figures` cuts such a label into clauses: a run of figures of one unit ("JPY 37,178
thousand and JPY 56,787 thousand", "46,711,400 and 46,713,800 shares"), the words printed
before it since the previous clause (what names it: "net of allowance for doubtful accounts
of") and the dates that follow it ("at March 31, 2010 and September 30, 2010"). A clause with no
dates of its own takes those of the next clause that has some (the authorized shares above,
dated with the issued shares). Which concept the words name is taxonomy data
(``in_label`` in ``taxonomy/networks``), not known here.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from generator.extract.read.periods import month_number
from generator.extract.read.units import (
    CURRENCY_WORDS,
    PREFIX_PATTERN,
    SCALE_PATTERN,
    currency_code,
    scale_of,
)

# a whole number: never the tail of a longer one ("12,IIJ,695" is no "695")
# ... nor a number OCR damaged ("67,l36" is no "67")
# ... but a group of three may hold one digit OCR read as its lookalike letter ("37,l48"),
# and so may the leading group ("6l,840"; first, as a one, after no letter: "JPY l6,524",
# "Treasury stock—l,064,817 shares"):
# read, and held back for review (:func:`misread`)
# ... and never the tail of a figure a letter broke ("2B6,478" is no "6,478", "9,Z26" no "26",
# "G5,248" no "5,248": a letter alone glued to the digits; "6S,000" no "6")
_GROUP = r"(?:\d{3}|[lIO]\d\d|\d[lIO]\d|\d\d[lIO])"
_LEAD = r"(?:\d{1,3}|\d[lIO]|\d[lIO]\d|\d\d[lIO]|(?<![A-Za-z])[lI]\d{0,2})"
_NUMBER = (r"(?<![\d.,])(?<![\d.,][A-Za-z])(?<![^A-Za-z][A-Za-z])(?<!^[A-Za-z])"
           rf"(?:{_LEAD}(?:,{_GROUP})+|\d+)(?!\d)(?![,.]\S)(?![A-Za-z],?\d)")
_NUMBER_PATTERN = re.compile(_NUMBER)
_ANY_DIGIT = re.compile(r"\d")
# "JPY 37,178 thousand", "JPY16,701thousand", "¥ 720 thousand", "US$ 1,234": a cell's sign, or
# in a label's words the currency's code too ("USD 1,234")
_CODES = "|".join(sorted(set(CURRENCY_WORDS.values())))
_MONEY = re.compile(
    rf"(?P<cur>{PREFIX_PATTERN}|{_CODES})\s*(?P<num>{_NUMBER})\s*(?P<scale>{SCALE_PATTERN})?\b",
    re.I)
# "377,600 shares", "46,711,400 and 46,713,800 shares" (the unit once, after the last figure)
_SHARES = re.compile(
    rf"(?P<nums>(?:{_NUMBER})(?:\s*,?\s*and\s+(?:{_NUMBER}))*)\s*shares\b", re.I)
_JOIN = re.compile(r"^\s*(?:,\s*)?and\s*$|^\s*,\s*$", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# a day and year as OCR may print them, a digit read as its lookalike letter ("March 3l, 2022")
_DAY = r"(?:\d[\dlI|O]?|[lI|]\d)"
_YEAR = r"[12][\dlI|O]{3}"
_PLAIN_DATE = rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}"
_DATE = re.compile(rf"(?P<month>{_MONTH})\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})", re.I)
_DIGIT_LOOKALIKES = str.maketrans("lIi|Oo", "111100")
# "at March 31, 2010 and September 30, 2010", "as of March 31, 2013"
_DATES = re.compile(
    rf"\b(?:at|as\s+of)\s+(?P<dates>{_PLAIN_DATE}(?:\s*(?:,\s*)?(?:and|,)\s*{_PLAIN_DATE})*)",
    re.I)


@dataclass(frozen=True)
class Figure:
    """One figure of a clause: as printed, its value (unscaled) and the column it may fill."""

    text: str
    value: Decimal
    start: int  # offset in the label


@dataclass(frozen=True)
class Clause:
    """A run of figures of one unit, the words that name it and the dates it is printed for.

    ``currency`` is None for share counts (``shares``); ``dated_here`` says the dates follow
    this clause's own figures (not a later clause's)."""

    words: str
    figures: tuple[Figure, ...]
    shares: bool
    currency: str | None
    scale: Decimal
    dates: tuple[dt.date, ...]
    dated_here: bool
    # why the clause cannot be trusted to hold all the figures its words name: its words hold
    # digits no figure was read from ("of JPY 67,l36 thousand and"), or end in "and" (the
    # first figures of a list are lost): which date each remaining figure is for is unknown
    doubt: str | None = None


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "").translate(_DIGIT_LOOKALIKES))


def misread(figure_text: str) -> bool:
    """Whether a figure read from a label ("JPY 37,l48 thousand") has a digit printed as its
    lookalike letter: its value is a reading, not what was printed."""
    return any(re.search(r"[A-Za-z]", m.group(0))
               for m in re.finditer(_NUMBER, figure_text, re.I))


def _digits(text: str) -> int:
    return int(text.translate(_DIGIT_LOOKALIKES))


def _dates(text: str) -> tuple[dt.date, ...]:
    out: list[dt.date] = []
    for m in _DATE.finditer(text):
        month = month_number(m.group("month").rstrip("."))
        if month is None:
            continue
        try:
            out.append(dt.date(_digits(m.group("year")), month, _digits(m.group("day"))))
        except ValueError:
            continue
    return tuple(out)


@dataclass
class _Run:
    start: int
    end: int
    figures: list[Figure]
    shares: bool
    currency: str | None
    scale: Decimal


def _runs(label: str, taken: list[tuple[int, int]]) -> list[_Run]:
    """Money figures joined by "and" become one run; each "... shares" is one run."""
    runs: list[_Run] = []
    for m in _MONEY.finditer(label):
        if any(s <= m.start() < e for s, e in taken):
            continue
        scale = scale_of(m.group("scale")) if m.group("scale") else Decimal(1)
        figure = Figure(text=m.group(0).strip(), value=_number(m.group("num")), start=m.start())
        currency = currency_code(m.group("cur"))
        last = runs[-1] if runs else None
        if (last is not None and not last.shares and last.currency == currency
                and last.scale == scale and _JOIN.match(label[last.end:m.start()])):
            last.figures.append(figure)
            last.end = m.end()
            continue
        runs.append(_Run(m.start(), m.end(), [figure], False, currency, scale))
    for m in _SHARES.finditer(label):
        if any(s <= m.start() < e for s, e in taken):
            continue
        # read as the clause was matched (case aside: "2o6,478" is one figure, no "6,478")
        nums = [n for n in re.finditer(_NUMBER, m.group("nums"), re.I)]
        figures = [Figure(text=n.group(0), value=_number(n.group(0)), start=m.start() + n.start())
                   for n in nums]
        last = runs[-1] if runs and runs[-1].shares else None
        if last is not None and _JOIN.match(label[last.end:m.start()]):
            last.figures.extend(figures)  # "3,934 shares and 3,794 shares"
            last.end = m.end()
            continue
        runs.append(_Run(m.start(), m.end(), figures, True, None, Decimal(1)))
    return sorted(runs, key=lambda r: r.start)


@functools.lru_cache(maxsize=1 << 14)  # each label is masked by the mapper and the accounts
def _masked(label: str) -> str:
    """The label with every date blotted out (same length), so that no year or day is read as
    a figure ("at March 31, 2010, 206,478 shares")."""
    return _DATE.sub(lambda m: "#" * len(m.group(0)), label)


def _stray_digits(words: str) -> bool:
    """Digits among the words that are no letter OCR misread inside a word ("doubtfu1"): the
    remains of a figure ("67,l36", "1 23")."""
    for token in re.findall(r"[^\s,;:()]+(?:,[^\s,;:()]+)*", words):
        digits = [ch for ch in token if ch.isdigit()]
        letters = sum(ch.isalpha() for ch in token)
        misread = len(digits) == 1 and digits[0] in "01" and letters >= 3 and \
            _MONEY.match(token) is None  # "doubtfu1", "1eases"; not "JPY1"
        if digits and not misread:
            return True
    return False


def label_figures(label: str) -> list[Clause]:
    """The clauses of figures a label prints, in printed order (none for a plain label)."""
    if not _ANY_DIGIT.search(label):  # every date and figure pattern needs a digit
        return []
    date_spans = [(m.start(), m.end(), _dates(m.group("dates"))) for m in _DATES.finditer(label)]
    taken = [(s, e) for s, e, _ in date_spans]
    runs = _runs(_masked(label), taken)
    clauses: list[Clause] = []
    previous = 0
    for i, run in enumerate(runs):
        following = runs[i + 1].start if i + 1 < len(runs) else len(label)
        own = [d for s, _, d in date_spans if run.end <= s < following]
        # an undated clause takes the dates of the next clause that names its own line
        # ("authorized, ... shares; issued and outstanding, ... shares at ..."), not those of
        # figures that merely follow it ("JPY 67 ... and JPY 76,007 thousand at ...": a list
        # the reader could not join is no clause of its own)
        later = [d for s, _, d in date_spans if s >= run.end]
        names_line = i + 1 < len(runs) and re.search(
            r"[a-z]{3,}", re.sub(r"\b(?:and|of|respectively)\b", "",
                                 label[run.end:runs[i + 1].start], flags=re.I), re.I)
        dates = own[0] if own else (later[0] if later and names_line else ())
        words_start = max([previous, *(e for _, e, _ in date_spans if e <= run.start)])
        words = label[words_start:run.start].strip(" ,;:—–-")
        doubt = None
        if _stray_digits(words):
            doubt = f"the words before it hold digits no figure was read from: '{words}'"
        elif re.search(r"\band$", words, re.I):
            doubt = f"it continues a list whose first figures were not read: '{words}'"
        clauses.append(Clause(
            words=words, doubt=doubt,
            figures=tuple(run.figures), shares=run.shares, currency=run.currency,
            scale=run.scale, dates=dates, dated_here=bool(own),
        ))
        previous = run.end
    return clauses


def numbers_in(label: str) -> list[str]:
    """Every number printed in a label that is not part of a date ("March 31, 2010"): what a
    coverage report must account for."""
    if not _ANY_DIGIT.search(label):  # (most labels print none)
        return []
    return [m.group(0) for m in _NUMBER_PATTERN.finditer(_masked(label))]

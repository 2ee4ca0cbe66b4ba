"""Highlights printed as lines whose every figure names its own unit.

Newswire releases open with a small table whose cells carry their currency and scale, a
convenience translation in brackets after a yen figure::

    Highlights of 1H FY2010 Financial Results
        Actual Results Target Announced
    Revenues JPY34,272 million ($410.3 million) JPY32,300 million
    Operating Income JPY1,201 million ($14.4 million) JPY1,200 million

No column header names a period or a unit, so the line reader sees text. Read here: two or
more consecutive lines of a label and the same sequence of unit-bearing cells make the rows;
the line above them names the columns, one group of words per yen column ("Actual Results",
"Target Announced": a forecast when its words say so); the title above that names the period.
Without all three (a title naming a period, a header naming each column, matching rows) the
lines stay text. The units come from the cells, so each column's header carries them as printed.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from generator.extract.layout import Cell, Column, Row, Table
from generator.extract.read.cells import ACTUAL, FORECAST
from generator.extract.read.headers import parse_header
from generator.extract.read.metadata import detect_period
from generator.extract.read.numbers import parse_number
from generator.extract.read.periods import FiscalCalendar
from generator.extract.read.units import (
    CURRENCY_WORDS,
    PREFIX_PATTERN,
    PREFIX_SIGNS,
    SCALE_PATTERN,
    scale_of,
)
from generator.model.period import Duration
from generator.model.results import ReportingPeriod

KIND = "summary"  # a results summary: the reader's hint for the network
MIN_ROWS = 2
MAX_ABOVE = 3  # lines from the rows up to their header, and from the header up to the title
MAX_HEADER = 80  # characters: longer is a sentence, not column names
_MONEY = (rf"(?P<cur>{PREFIX_PATTERN})\s?(?P<num>\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?)\s?"
          rf"(?P<scale>{SCALE_PATTERN})\b")
_CELL = re.compile(rf"(?P<open>\()?\s*{_MONEY}\s*(?(open)\))")
_LINE = re.compile(rf"^\s*(?P<label>[A-Za-z][A-Za-z '&,/-]*?)\s+(?P<cells>{PREFIX_PATTERN}.*?)\s*$")
# a run-on paragraph of highlights prints yen figures with their sign ("JPY83.0 billion")
_YEN_SIGNS = sorted(sign for sign in PREFIX_SIGNS if CURRENCY_WORDS[sign] == "JPY")
# Words that qualify the next word of a column name ("Initial Target").
_PREFIXES = frozenset({"initial", "original", "company"})
# A forecast column read for the title's period must say it was announced for it.
_ANNOUNCED = re.compile(r"\b(?:announced|initial|original)\b", re.I)
MIN_RATIO, MAX_RATIO = Decimal("0.6"), Decimal("1.6")
_OTHER_SPAN = re.compile(r"full[- ]year|annual|fiscal\s+year\s+ending", re.I)
# Every word of a column name must be one of these: a name that says anything else ("Full-year
# Target", "FY2010 Plan") may name another period than the title's, which nothing here checks.
_NAME_WORDS = frozenset({"actual", "actuals", "result", "results", "target", "targets",
                         "announced", "forecast", "forecasts", "plan", "plans", "outlook",
                         "guidance", "budget", "company", "initial", "original"})
# "3Q FY2017", "1Q-3Q FY2017": a quarter before a fiscal year, which the header reader takes for
# the whole year; "third quarter" names the quarter or the nine months, nothing tells which
_QUARTER_OF_YEAR = re.compile(r"\b[1-4]Q\s*(?:[-–~]\s*[1-4]Q\s*)?(?:/\s*)?FY|\bquarter\b", re.I)


def _targeted(period: Duration, calendar: FiscalCalendar) -> bool:
    """Whether companies announce targets for ``period``: a first half or a full fiscal year.
    A target printed under a first-quarter or nine-months title is the half year's or the
    year's, never the title's period."""
    fiscal_year = calendar.fiscal_year_of(period.start)
    return period in (calendar.part(fiscal_year, 1, 6), calendar.year(fiscal_year))


@dataclass(frozen=True)
class _Slot:
    currency: str
    scale: Decimal
    translated: bool  # printed in brackets after a figure: its convenience translation
    printed: str  # the unit words as printed ("JPY ... million")


def _money(m: re.Match[str], line: int, translated: bool = False) -> tuple[_Slot, Cell]:
    """A figure :data:`_MONEY` matched ("JPY34,272 million"): its slot, and its cell as printed
    (currency included) on ``line``."""
    cur, num, scale = m.group("cur"), m.group("num"), m.group("scale").lower()
    parsed = parse_number(cur.upper() + num)  # "jpy" too: the run-on reader ignores case
    assert parsed is not None and parsed.currency is not None  # _MONEY's figures always read
    slot = _Slot(currency=parsed.currency, scale=scale_of(scale), translated=translated,
                 printed=f"{cur} ... {scale}")
    return slot, Cell(text=f"{cur}{num}", value=parsed.value, line=line,
                      fraction_digits=parsed.fraction_digits)


def _cells(text: str) -> list[tuple[_Slot, Cell]] | None:
    """The unit-bearing cells of a row's figure part, or None when anything else is printed."""
    out: list[tuple[_Slot, Cell]] = []
    at = 0
    for m in _CELL.finditer(text):
        if text[at:m.start()].strip():
            return None
        at = m.end()
        out.append(_money(m, 0, translated=m.group("open") is not None))
    if text[at:].strip() or not out:
        return None
    return out


def _row(text: str) -> tuple[str, list[tuple[_Slot, Cell]]] | None:
    m = _LINE.match(text)
    if m is None:
        return None
    cells = _cells(m.group("cells"))
    return (m.group("label").strip(), cells) if cells else None


def _column_names(header: str, count: int) -> list[tuple[str, bool]] | None:
    """The header's words cut into ``count`` names, each (words, forecast): a cut before each
    word that starts a name of the other kind ("Actual Results | Target Announced"), and before
    a word that qualifies the next one ("Actual Results | Initial Target")."""
    words = header.split()
    if any(w.lower().strip("()[]:,") not in _NAME_WORDS for w in words):
        return None
    names: list[tuple[list[str], str]] = []
    for word in words:
        kind = "forecast" if FORECAST.search(word) else "actual" if ACTUAL.search(word) else ""
        prefix = word.lower().strip("()[]:,") in _PREFIXES
        if not names or (prefix and names[-1][1]) or (
                kind and names[-1][1] and kind != names[-1][1]):
            names.append(([word], kind))
        else:
            names[-1][0].append(word)
            if kind and not names[-1][1]:
                names[-1] = (names[-1][0], kind)
    if len(names) != count or any(not kind for _, kind in names):
        return None
    return [(" ".join(w), kind == "forecast") for w, kind in names]


def _in_proportion(names: list[tuple[str, bool]], slots: list[_Slot],
                   rows: list[tuple[int, str, list[tuple[_Slot, Cell]]]]) -> bool:
    """Whether a target column is of the size of the results beside it: a year's target under
    a half year's results is about twice them (median ratio outside 0.6-1.6: no table)."""
    values = [i for i, slot in enumerate(slots) if not slot.translated]
    actual = [i for i, (_, forecast) in zip(values, names, strict=True) if not forecast]
    targets = [i for i, (_, forecast) in zip(values, names, strict=True) if forecast]
    for t in targets:
        for a in actual:
            ratios: list[Decimal] = []
            for _, _, cells in rows:
                target, result = cells[t][1].value, cells[a][1].value
                if target is not None and result is not None and target > 0 and result > 0:
                    ratios.append(target / result)
            ratios.sort()
            if ratios and not MIN_RATIO <= ratios[len(ratios) // 2] <= MAX_RATIO:
                return False
    return True


def _above(lines: list[str], index: int) -> int | None:
    """The nearest non-blank line above ``index`` within :data:`MAX_ABOVE` lines."""
    for k in range(index - 1, max(index - 1 - MAX_ABOVE, -1), -1):
        if lines[k].strip():
            return k
    return None


def _one_period(title: str, period: ReportingPeriod, calendar: FiscalCalendar) -> bool:
    """The title names one period, and the header reader reads the same one: a line of column
    periods ("1H FY2010   FY2010") or a title naming two ("FY2009 and 1H FY2010") names no
    single period for every column, and "1Q FY2010" (the first quarter by the release-title
    reader, the year by the header reader) no sure one."""
    if _QUARTER_OF_YEAR.search(title):
        return False
    periods = [p.period for p in parse_header(title, calendar).periods if p.period is not None]
    return periods == [Duration(start=period.start, end=period.end)]


def _table(lines: list[str], first: int, rows: list[tuple[int, str, list[tuple[_Slot, Cell]]]],
           calendar: FiscalCalendar) -> Table | None:
    header_at = _above(lines, first)
    if header_at is None:
        return None
    header = lines[header_at].strip()
    if len(header) > MAX_HEADER or re.search(r"\d", header):
        return None
    title_at = _above(lines, header_at)
    title = lines[title_at].strip() if title_at is not None else ""
    if FORECAST.search(title) or _OTHER_SPAN.search(title):
        return None  # "... Results and FY2010 Targets": the targets' period is not the title's
    period = detect_period(title, calendar) if title else None
    if period is None or not _one_period(title, period, calendar):
        return None
    slots = [slot for slot, _ in rows[0][2]]
    names = _column_names(header, sum(1 for s in slots if not s.translated))
    if names is None or slots[0].translated:
        return None
    if any(forecast and not _ANNOUNCED.search(name) for name, forecast in names):
        return None  # a bare "Forecast" may be the year's or the next year's: nothing says
    if not _in_proportion(names, slots, rows):
        return None
    if any(forecast for _, forecast in names) and not _targeted(
            Duration(start=period.start, end=period.end), calendar):
        return None  # "Target Announced" under a nine-months title: the year's target
    columns: list[Column] = []
    name, forecast = names[0]
    taken = 0
    for slot in slots:
        if not slot.translated:
            name, forecast = names[taken]
            taken += 1
        columns.append(Column(
            role="translation" if slot.translated else "value", period=Duration(
                start=period.start, end=period.end), forecast=forecast,
            currency=slot.currency, scale=slot.scale, header=f"{name} ({slot.printed})"))
    return Table(
        title=title, line=title_at + 1 if title_at is not None else first + 1, kind=KIND,
        columns=tuple(columns), delimited=True,
        rows=tuple(Row(label=label, line=n + 1, raw=lines[n],
                       cells=tuple(c.model_copy(update={"line": n + 1}) for _, c in cells))
                   for n, label, cells in rows))


_GRID_RULE = re.compile(r"^\s*\|[\s|:+-]*\|\s*$")  # "|---|--:|", "|   |   |"


def _without_grid(line: str) -> str:
    """A grid's row as its cells apart ("| Revenues | JPY34,272 million |"); a rule, blank."""
    stripped = line.strip()
    if not (stripped.startswith("|") and stripped.endswith("|")):
        return line
    return "" if _GRID_RULE.match(line) else line.replace("|", "   ")


def read_highlights(lines: list[str], taken: set[int], calendar: FiscalCalendar) -> list[Table]:
    """Every highlights table of ``lines`` (0-based; reported 1-based) on no line in ``taken``;
    one printed as a grid ("| Revenues | JPY34,272 million | ... |") read as its cells."""
    lines = [_without_grid(line) for line in lines]
    out: list[Table] = []
    i = 0
    while i < len(lines):
        block: list[tuple[int, str, list[tuple[_Slot, Cell]]]] = []
        j = i
        while j < len(lines) and (j + 1) not in taken:
            read = _row(lines[j])
            if read is None or (block and [s for s, _ in read[1]] != [s for s, _ in block[0][2]]):
                break
            block.append((j, *read))
            j += 1
        if len(block) >= MIN_ROWS:
            table = _table(lines, i, block, calendar)
            if table is not None:
                out.append(table)
        i = max(j, i + 1)
    return out


# -- run on in a paragraph -------------------------------------------------------------------
#
# Run-on releases print the highlights as one paragraph, a heading naming the period before each
# group: "Highlights of Financial Results for 1H17 Revenues JPY83.0 billion (up 12.0% YoY)
# Operating Income JPY2.3 billion (up 18.9% YoY) ... Financial Targets for FY2017 Revenues
# JPY176.0 billion (up 11.5% YoY) ...". Each group becomes a one-column table of its heading's
# period (a forecast when the heading says so); a figure's label is the words since the previous
# figure, after the heading when one begins there. Only a YoY note may follow a figure.

_RUNON_CELL = re.compile(rf"{_MONEY}(?:\s*\((?P<note>(?:up|down)\s+[\d.]+%\s+YoY)\))?", re.I)
_PERIOD_TOKEN = re.compile(
    r"\b(?:FY\s?\d{2,4}|[1-4]H\s?(?:FY\s?)?\d{2,4}|[1-4]Q\s?(?:FY\s?)?\d{2,4})\b")
# a line item as highlights print it: capitalised ("Revenues", "Net Income attributable to
# IIJ"); "revenue target from JPY100 billion to JPY97 billion" is a sentence, not a group
_LABEL = re.compile(r"[A-Z][A-Za-z '&/-]{1,60}")
# the words of a heading before the period it names ("Highlights of Financial Results for")
_HEADING = re.compile(r"[A-Z][A-Za-z '&/-]*")
MAX_LABEL_WORDS = 8


@dataclass
class _Group:
    heading: str
    items: list[tuple[str, _Slot, Cell]]


def _groups(text: str, line_at: Callable[[int], int]) -> list[_Group]:
    """The heading-led groups of a paragraph; none when any piece is not a heading and label.
    ``line_at`` gives the line a character of ``text`` was printed on."""
    groups: list[_Group] = []
    at = 0
    for m in _RUNON_CELL.finditer(text):
        piece = text[at:m.start()].strip()
        at = m.end()
        # the last period named before the label: the heading ends there
        token = next(reversed(list(_PERIOD_TOKEN.finditer(piece))), None)
        if token is not None:
            if not _HEADING.fullmatch(piece[:token.start()].strip()):
                return []  # "... compared with 1H16 Operating Income": a sentence, no heading
            groups.append(_Group(heading=piece[:token.end()].strip(), items=[]))
            piece = piece[token.end():].strip()
        if not groups or not _LABEL.fullmatch(piece) or len(piece.split()) > MAX_LABEL_WORDS:
            return []
        if FORECAST.search(piece) or _OTHER_SPAN.search(piece):
            return []  # "Full-year Targets Revenues": another group begins with no period named
        slot, cell = _money(m, line_at(m.start("num")))
        groups[-1].items.append((piece, slot, cell))
    return groups


def _group_table(group: _Group, line: int, calendar: FiscalCalendar) -> Table | None:
    if len(group.items) < MIN_ROWS or len({slot for _, slot, _ in group.items}) != 1:
        return None
    periods = [p for p in parse_header(group.heading, calendar).periods if p.period is not None]
    if len(periods) != 1 or not isinstance(periods[0].period, Duration) \
            or _OTHER_SPAN.search(group.heading) or _QUARTER_OF_YEAR.search(group.heading):
        return None
    forecast = periods[0].forecast or bool(FORECAST.search(group.heading))
    if forecast and not _targeted(periods[0].period, calendar):
        return None  # "Financial Targets for 2H FY2017": no target is announced for it alone
    slot = group.items[0][1]
    column = Column(role="value", period=periods[0].period, forecast=forecast,
                    currency=slot.currency, scale=slot.scale,
                    header=f"{group.heading} ({slot.printed})")
    return Table(title=group.heading, line=line, kind=KIND, columns=(column,), delimited=True,
                 rows=tuple(Row(label=label, line=cell.line, cells=(cell,))
                            for label, _, cell in group.items))


def _paragraphs(lines: list[str], taken: set[int]) -> Iterator[tuple[int, list[str]]]:
    """(first line, its lines) of each run of non-blank lines none of which is taken: a
    paragraph wrapped at a width reads as the one line it was."""
    block: list[str] = []
    first = 0
    for n, text in enumerate([*lines, ""], start=1):
        if text.strip() and n not in taken:
            if not block:
                first = n
            block.append(text.strip())
            continue
        if block:
            yield first, block
        block = []


def read_runon_highlights(lines: list[str], taken: set[int], calendar: FiscalCalendar
                          ) -> list[Table]:
    """Every heading-led group of unit-bearing figures run on in a paragraph of lines not in
    ``taken``."""
    out: list[Table] = []
    for first, block in _paragraphs(lines, taken):
        text = " ".join(block)
        if not any(sign in text for sign in _YEN_SIGNS):
            continue
        starts = list(itertools.accumulate((len(b) + 1 for b in block[:-1]), initial=0))

        def line_at(offset: int, starts: list[int] = starts, first: int = first) -> int:
            return first + bisect.bisect_right(starts, offset) - 1

        for group in _groups(text, line_at):
            table = _group_table(group, first, calendar)
            if table is not None:
                out.append(table)
    return out

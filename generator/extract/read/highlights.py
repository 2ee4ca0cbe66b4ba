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

import re
from dataclasses import dataclass
from decimal import Decimal

from generator.extract.layout import Cell, Column, Row, Table
from generator.extract.read.metadata import detect_period
from generator.extract.read.periods import FiscalCalendar
from generator.model.period import Duration

KIND = "summary"  # a results summary: the reader's hint for the network
MIN_ROWS = 2
MAX_ABOVE = 3  # lines from the rows up to their header, and from the header up to the title
MAX_HEADER = 80  # characters: longer is a sentence, not column names
_SCALES = {"thousand": Decimal(1000), "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}
_CURRENCIES = {"JPY": "JPY", "¥": "JPY", "US$": "USD", "$": "USD"}
_MONEY = (r"(?P<cur>JPY|¥|US\$|\$)\s?(?P<num>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s?"
          r"(?P<scale>thousand|million|billion)s?")
_CELL = re.compile(rf"(?P<open>\()?\s*{_MONEY}\s*(?(open)\))")
_LINE = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z '&,/-]*?)\s+(?P<cells>(?:JPY|¥|US\$|\$).*?)\s*$")
# Words that name a forecast column, and words that name a column of results.
_FORECAST = re.compile(r"\b(?:targets?|forecasts?|plans?|outlook|guidance|budget)\b", re.I)
_ACTUAL = re.compile(r"\b(?:actual|results?)\b", re.I)
_OTHER_SPAN = re.compile(r"full[- ]year|annual|fiscal\s+year\s+ending", re.I)
# Every word of a column name must be one of these: a name that says anything else ("Full-year
# Target", "FY2010 Plan") may name another period than the title's, which nothing here checks.
_NAME_WORDS = frozenset({"actual", "actuals", "result", "results", "target", "targets",
                         "announced", "forecast", "forecasts", "plan", "plans", "outlook",
                         "guidance", "budget", "company", "initial", "original"})


@dataclass(frozen=True)
class _Slot:
    currency: str
    scale: Decimal
    translated: bool  # printed in brackets after a figure: its convenience translation
    printed: str  # the unit words as printed ("JPY ... million")


def _cells(text: str) -> list[tuple[_Slot, Cell]] | None:
    """The unit-bearing cells of a row's figure part, or None when anything else is printed."""
    out: list[tuple[_Slot, Cell]] = []
    at = 0
    for m in _CELL.finditer(text):
        if text[at:m.start()].strip():
            return None
        at = m.end()
        translated = m.group("open") is not None
        cur, num, scale = m.group("cur"), m.group("num"), m.group("scale").lower()
        slot = _Slot(currency=_CURRENCIES[cur], scale=_SCALES[scale], translated=translated,
                     printed=f"{cur} ... {scale}")
        value = Decimal(num.replace(",", ""))
        digits = len(num.split(".")[1]) if "." in num else 0
        out.append((slot, Cell(text=f"{cur}{num}", value=value, line=0, fraction_digits=digits)))
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
    word that starts a name of the other kind ("Actual Results | Target Announced")."""
    words = header.split()
    if any(w.lower().strip("()[]:,") not in _NAME_WORDS for w in words):
        return None
    kinds = ["forecast" if _FORECAST.search(w) else "actual" if _ACTUAL.search(w) else ""
             for w in words]
    names: list[tuple[list[str], str]] = []
    for word, kind in zip(words, kinds, strict=True):
        if not names or (kind and names[-1][1] and kind != names[-1][1]):
            names.append(([word], kind))
        else:
            names[-1][0].append(word)
            if kind and not names[-1][1]:
                names[-1] = (names[-1][0], kind)
    if len(names) != count or any(not kind for _, kind in names):
        return None
    return [(" ".join(w), kind == "forecast") for w, kind in names]


def _above(lines: list[str], index: int) -> int | None:
    """The nearest non-blank line above ``index`` within :data:`MAX_ABOVE` lines."""
    for k in range(index - 1, max(index - 1 - MAX_ABOVE, -1), -1):
        if lines[k].strip():
            return k
    return None


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
    if _FORECAST.search(title) or _OTHER_SPAN.search(title):
        return None  # "... Results and FY2010 Targets": the targets' period is not the title's
    period = detect_period(title, calendar) if title else None
    if period is None:
        return None
    slots = [slot for slot, _ in rows[0][2]]
    names = _column_names(header, sum(1 for s in slots if not s.translated))
    if names is None or slots[0].translated:
        return None
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


def read_highlights(lines: list[str], taken: set[int], calendar: FiscalCalendar) -> list[Table]:
    """Every highlights table of ``lines`` (0-based; reported 1-based) on no line in ``taken``."""
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

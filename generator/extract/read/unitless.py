"""Tables that state no unit: a line of item names, then a row per period, one figure per item.

A release's text repeats a table of its TSE form without the form's unit line::

    FY2010 Financial Targets (announced on June 1, 2010)
    Our targets for the fiscal year ending March 31, 2011 are as follows:
      Revenues Operating Income Income before Income Tax Expense (Benefit) Net Income ...
    Full FY2010 84,500 4,800 4,100 3,000

Nothing on the page says these are millions of yen, and guessing a scale is how wrong figures
are filed. So the figures take the unit of their other printing: every figure must be printed,
digit for digit, in a table that states its unit, and all of them in one unit (:func:`_borrowed`);
one figure may be printed nowhere else when three others fix the unit, so that a misprinted or
misscanned printing of it meets the other. Otherwise the table is not read at all (its
numbers stay loose, as before). A table read so is
marked (``Table.unit_from``): the proof stage files a figure of it only when its other printing
agrees with it as the same concept and period (:mod:`..proof.borrowed`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.extract.layout import Cell, Column, Row, Table
from generator.extract.read import piped
from generator.extract.read.cells import ACTUAL, forecast_label
from generator.extract.read.headers import Slot, parse_header
from generator.extract.read.numbers import parse_number
from generator.extract.read.periods import FiscalCalendar
from generator.extract.read.titles import guess_kind
from generator.extract.read.units import CURRENCY_NAME_PATTERN, SCALE_PATTERN

MIN_FIGURES = 2
MIN_WITNESSED = 3  # figures printed elsewhere that fix the unit of a row with one that is not
MAX_ABOVE = 3  # non-blank lines looked at above the header for the title
_HEADER = re.compile(r"[A-Za-z][A-Za-z '&,()/-]*")  # item names only: no digit, no unit
_UNIT_WORDS = re.compile(rf"\b(?:{CURRENCY_NAME_PATTERN}|{SCALE_PATTERN})\b|%", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d|\d{1,2},")


@dataclass(frozen=True)
class _Row:
    line: int  # 1-based
    label: str
    cells: tuple[Cell, ...]
    period: Slot  # the one period its label names


def read_unitless(lines: Sequence[str], taken: set[int], calendar: FiscalCalendar,
                  stated: Sequence[Table]) -> list[Table]:
    """Every unitless item table among the lines no reader took, with the unit of its
    figures' other printings in ``stated`` tables; tables no unit fits are left unread."""
    units: dict[Printed, set[tuple[str | None, Decimal]]] | None = None  # found if ever asked
    lines = [_without_rules(line) for line in lines]
    out: list[Table] = []
    i = 0
    while i < len(lines):
        rows = _rows_from(lines, i, taken, calendar)
        if not rows:
            i += 1
            continue
        header_at = _above(lines, i, 1)
        table = None
        if header_at and _is_item_header(lines[header_at[0]]):
            if units is None:  # most releases print no unitless table: every cell unvisited
                units = _units_by_figure(stated)
            table = _table(lines, header_at[0], rows, calendar, units)
        if table is not None:
            out.append(table)
        i += len(rows)
    return out


def _without_rules(line: str) -> str:
    """A grid's line as its cells' words ("| Full FY2010 | 84,500 | 4,800 |"); its ruling lines
    and rows of empty cells blank, so that the item names above the grid are the line above."""
    if piped.is_ruling(line):
        return ""  # "|---|---:|"
    found = piped.cells(line)
    if not found:
        return line
    filled = [i for i, c in enumerate(found) if c]
    if filled and any(not c for c in found[filled[0]:filled[-1]]):
        return ""  # a blank cell between figures: which item each figure is, its place says
    return " ".join(c for c in found if c)


def _rows_from(lines: Sequence[str], start: int, taken: set[int],
               calendar: FiscalCalendar) -> list[_Row]:
    """The consecutive period rows from ``start`` (0-based), each with as many figures as the
    first."""
    rows: list[_Row] = []
    for i in range(start, len(lines)):
        row = _row(lines[i], i + 1, calendar) if i + 1 not in taken else None
        if row is None or (rows and len(row.cells) != len(rows[0].cells)):
            break
        rows.append(row)
    return rows


def _row(text: str, line: int, calendar: FiscalCalendar) -> _Row | None:
    """A period's name, then only plain figures (no %, no unit)."""
    tokens = text.split()
    cells: list[Cell] = []
    while tokens:
        if _YEAR.fullmatch(tokens[-1]):
            break  # the label's own date ("March 31, 2011"), not a figure
        parsed = parse_number(tokens[-1])
        if parsed is None or parsed.value is None or parsed.percent or parsed.unit \
                or parsed.currency or parsed.repaired:
            break
        cells.insert(0, Cell(text=parsed.text, value=parsed.value, line=line,
                             fraction_digits=parsed.fraction_digits))
        tokens.pop()
    label = " ".join(tokens)
    if len(cells) < MIN_FIGURES or not label or not label[0].isalpha():
        return None
    periods = parse_header(label, calendar).periods
    if len(periods) != 1 or periods[0].period is None:
        return None
    return _Row(line=line, label=label, cells=tuple(cells), period=periods[0])


def _is_item_header(text: str) -> bool:
    words = text.split()
    return (len(words) >= MIN_FIGURES and _HEADER.fullmatch(text.strip()) is not None
            and not _UNIT_WORDS.search(text) and not text.rstrip().endswith((".", ":")))


def _above(lines: Sequence[str], start: int, count: int) -> list[int]:
    """Indexes of up to ``count`` non-blank lines above ``start``, nearest first."""
    found: list[int] = []
    i = start - 1
    while i >= 0 and len(found) < count and start - i <= 2 * MAX_ABOVE:
        if lines[i].strip():
            found.append(i)
        i -= 1
    return found


def _title(lines: Sequence[str], header_at: int) -> tuple[str, int]:
    """The nearest line above the header that is not a sentence (an introduction ending in
    ':' is passed over), and its 1-based line; the header itself if none."""
    for i in _above(lines, header_at, MAX_ABOVE):
        text = lines[i].strip()
        if not text.endswith((".", ":")):
            return text, i + 1
    return lines[header_at].strip(), header_at + 1


def _table(lines: Sequence[str], header_at: int, rows: list[_Row], calendar: FiscalCalendar,
           units: dict[Printed, set[tuple[str | None, Decimal]]]) -> Table | None:
    unit = _borrowed(rows, units)
    if unit is None:
        return None
    currency, scale = unit
    title, title_line = _title(lines, header_at)
    kind = guess_kind(title, None)
    header = lines[header_at].strip()
    width = len(rows[0].cells)
    column = Column(role="value", currency=currency, scale=scale, header=header)
    table_rows = []
    for row in rows:
        period = row.period
        forecast = period.forecast or forecast_label(row.label) or (
            kind == "targets" and not ACTUAL.search(row.label))
        table_rows.append(Row(label=row.label, line=row.line, cells=row.cells,
                              raw=lines[row.line - 1], period=period.period, forecast=forecast))
    return Table(title=title, line=title_line, kind=kind, columns=(column,) * width,
                 rows=tuple(table_rows), delimited=False,
                 unit_from=f"its figures' other printings (scale {scale:,})")


# a figure as printed, digit for digit: its value and its decimal places ("84,500 million" in
# a cell that prints its unit is 84,500 still)
Printed = tuple[Decimal | None, int]


def _printed(cell: Cell) -> Printed:
    return cell.value, cell.fraction_digits


def _units_by_figure(tables: Sequence[Table]) -> dict[Printed, set[tuple[str | None, Decimal]]]:
    """Each figure as printed in a value column of a table that states its unit: the units
    it is printed in."""
    out: dict[Printed, set[tuple[str | None, Decimal]]] = {}
    for table in tables:
        if table.unit_from:
            continue
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=False):
                if cell is not None and cell.value is not None and column.role == "value" \
                        and column.currency is not None:
                    out.setdefault(_printed(cell), set()).add((column.currency, column.scale))
    return out


def _borrowed(rows: list[_Row], units: dict[Printed, set[tuple[str | None, Decimal]]]
              ) -> tuple[str | None, Decimal] | None:
    """The one unit every figure of the rows is printed in elsewhere, if there is one; one
    figure printed nowhere else is let pass when at least :data:`MIN_WITNESSED` others fix the
    unit (the other printing of a misprinted or misscanned figure differs from it)."""
    common: set[tuple[str | None, Decimal]] | None = None
    unwitnessed = witnessed = 0
    for row in rows:
        for cell in row.cells:
            found = units.get(_printed(cell))
            if found is None:
                unwitnessed += 1
                continue
            witnessed += 1
            common = set(found) if common is None else common & found
    if not common or len(common) != 1 or unwitnessed > 1 or (
            unwitnessed and witnessed < MIN_WITNESSED):
        return None
    return next(iter(common))

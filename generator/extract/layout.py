"""The boundary inside ``extract``: a release read into tables (reading) before any concept is
chosen (mapping). Readers for each layout produce these; the row mapper consumes them.

A cell keeps the token as printed and its 1-based line, so every fact can point back to its source.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.model.period import Duration, Instant
from generator.model.results import ReportingPeriod

ColumnRole = Literal[
    "value",  # a reported figure for `period` (in `currency` x `scale` when monetary)
    "translation",  # convenience translation (e.g. thousands of USD at the stated rate)
    "percent_of_revenue",  # derived share of total revenues
    "change",  # YoY change, absolute
    "change_percent",  # YoY change, percent
    "other",  # understood, but not a reported figure (kept for the coverage report)
]


class Cell(BaseModel):
    """One printed number or dash. ``value`` is the number as printed, sign applied, unscaled;
    ``None`` for a dash ("--", "—", "-"), which becomes a nil fact."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    text: str
    value: Decimal | None
    line: int
    fraction_digits: int = 0
    percent: bool = False
    repaired: str | None = None  # what OCR repair was applied, if any ("3.352" -> 3352, ...)


class Column(BaseModel):
    """What a column means: role, period, forecast or result, currency and scale."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    role: ColumnRole
    period: Duration | Instant | None = None
    forecast: bool = False
    # A forecast the release has since revised ("FY11 Initial Target" beside the revised one):
    # filed only under the member of an axis of its network the header names, never as the
    # current forecast.
    superseded: bool = False
    currency: str | None = None  # "JPY", "USD"
    scale: Decimal = Decimal(1)  # 1000 for "Thousands of JPY", 10**6 for "JPY millions"
    header: str = ""
    # its period placed over it by the order of a header whose other marker lost its date
    # ("as of | as of" over one date read): the header does not state it
    guessed: bool = False
    # zeros every amount of the column ends in ("540,000" and "51,115,000" under "Thousands of
    # JPY": printed to the million): that many digits coarser than its scale says
    rounded: int = 0


class Row(BaseModel):
    """A table row: its label (OCR-joined if broken over lines) and one cell slot per column."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    label: str
    line: int
    cells: tuple[Cell | None, ...]
    raw: str = ""
    # Tables with one row per period (TSE summaries, targets, dividends) name the period in
    # the row label; the reader parses it here ("Six months ended September 30, 2010").
    period: Duration | Instant | None = None
    forecast: bool = False
    footnote: str | None = None  # a footnote marker split from the label ("*1", "2")
    # The row printed fewer slots than the table has columns (or more): which columns its
    # figures belong to was chosen by plausibility, not read. The proof stage wants each such
    # figure confirmed on its own.
    guessed: bool = False
    # Set when ``period`` is not the one the label names but the one the table implies (a YoY
    # table's comparative row whose label a scan garbled): the label states nothing then, and
    # the row's figures are filed only if their other printings prove the period.
    period_implied: str = ""
    # Cells only a scan prints ("4o", "S1", "1,O23", "12,,345": ``read.numbers.is_scan_damage``),
    # left empty: a sign that digits that did read may be misread too.
    scanned: tuple[str, ...] = ()


class Table(BaseModel):
    """A table as printed: title, columns, rows; ``kind`` is the reader's guess at which
    statement it is (e.g. "income_statement", "balance_sheet"), used to choose the network."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    title: str
    line: int
    kind: str | None = None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    # One-row-per-period tables: the lines naming the items above the unit line, as printed
    # (a scan reads stacked item boxes across, interleaved: the mapper unpicks them)
    item_lines: tuple[str, ...] = ()
    # Its cells were cut by what they print, not by position, whatever the release's layout
    # (each figure of a highlights line names its own unit: "JPY34,272 million")
    delimited: bool = False
    # Set when the table states no unit and its figures took the one of their other printings
    # (read/unitless.py): says where from; each figure is filed only if that printing agrees
    unit_from: str = ""


class TextItem(BaseModel):
    """A text the release prints about itself (its headline, the company's name), for a text
    concept: the words filed, the 1-based line they start on and the words as printed there."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    concept: str
    text: str
    line: int
    printed: str


class PrintedNumber(BaseModel):
    """A number printed in the release that no reader placed and nothing explains: its line,
    the number as printed and the line's words around it."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    line: int
    text: str
    context: str


class Document(BaseModel):
    """A release read by a layout reader."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str
    layout: Literal["ocr", "slides", "newswire", "runon", "tabbed", "piped", "aligned", "unknown"]
    encoding: str | None = None  # how the file's bytes were decoded ("utf-8", "cp932"...)
    company: str | None
    period: ReportingPeriod | None
    usd_rate: Decimal | None = None
    tables: tuple[Table, ...]
    loose_numbers: tuple[Cell, ...] = ()  # numbers seen in tables' vicinity but not placed
    texts: tuple[TextItem, ...] = ()  # headline, company name, fiscal period (read/headline.py)
    problems: tuple[str, ...] = ()
    # numbers of the text no reader placed: explained (how many of each kind: a date, a
    # period's name, page furniture...) or not (listed): see read/accounting.py
    explained: dict[str, int] = Field(default_factory=dict)
    unexplained: tuple[PrintedNumber, ...] = ()

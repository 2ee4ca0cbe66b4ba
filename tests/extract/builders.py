"""Hand-built layout fixtures: tiny helpers to write a Document as it would be read."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from generator.extract.layout import Cell, Column, ColumnRole, Document, Row, Table
from generator.model.period import Duration, Instant
from generator.model.results import ReportingPeriod

H1_2010 = Duration(start=dt.date(2010, 4, 1), end=dt.date(2010, 9, 30))
H1_2009 = Duration(start=dt.date(2009, 4, 1), end=dt.date(2009, 9, 30))
FY2010 = Duration(start=dt.date(2010, 4, 1), end=dt.date(2011, 3, 31))
MAR_2010 = Instant(date=dt.date(2010, 3, 31))
SEP_2010 = Instant(date=dt.date(2010, 9, 30))
PERIOD = ReportingPeriod(
    kind="H1", start=dt.date(2010, 4, 1), end=dt.date(2010, 9, 30),
    fiscal_year_start=dt.date(2010, 4, 1), fiscal_year_end=dt.date(2011, 3, 31), label="1H FY2010",
)
# a full-year release of the same fiscal year: its quarters and its year are all results
FY_PERIOD = PERIOD.model_copy(update={"kind": "FY", "end": dt.date(2011, 3, 31),
                                      "label": "FY2010"})


def cell(text: str, line: int) -> Cell | None:
    """Parse a printed token the way readers do: '(1,234)' negative, '--' nil, '4.8%' percent."""
    if text == "":
        return None
    raw = text.strip()
    if raw in {"--", "-", "—", "–"}:
        return Cell(text=text, value=None, line=line)
    percent = raw.endswith("%")
    body = raw.rstrip("%").strip()
    negative = body.startswith("(") and body.endswith(")")
    body = body.strip("()").replace(",", "").strip()
    match = re.fullmatch(r"-?\d+(\.(\d+))?", body)
    assert match, text
    value = Decimal(body)
    return Cell(
        text=text, value=-value if negative else value, line=line,
        fraction_digits=len(match.group(2) or ""), percent=percent,
    )


SCALE_WORDS = {1: "", 1000: "Thousands of ", 10**6: "Millions of ", 10**9: "Billions of "}


def col(
    role: ColumnRole = "value", period: Duration | Instant | None = H1_2010, *,
    currency: str | None = "JPY", scale: int = 1000, forecast: bool = False,
    header: str | None = None,
) -> Column:
    """A column as read from a header that states it ("2010-04-01..2010-09-30 Thousands of
    JPY"), unless ``header`` says otherwise."""
    if header is None:
        header = f"{period or ''} {SCALE_WORDS.get(scale, '')}{currency or ''}".strip()
    return Column(role=role, period=period, currency=currency, scale=Decimal(scale),
                  forecast=forecast, header=header)


def row(label: str, line: int, *tokens: str) -> Row:
    return Row(label=label, line=line, cells=tuple(cell(t, line) for t in tokens))


def table(title: str, line: int, columns: list[Column], rows: list[Row],
          kind: str | None = None) -> Table:
    return Table(title=title, line=line, kind=kind, columns=tuple(columns), rows=tuple(rows))


def document(*tables: Table, name: str = "doc.txt", company: str = "acme") -> Document:
    return Document(name=name, layout="newswire", company=company, period=PERIOD,
                    usd_rate=Decimal("83.53"), tables=tables)


def period_row(label: str, line: int, period: Duration | Instant, *tokens: str,
               forecast: bool = False) -> Row:
    """A row of a one-row-per-period table (TSE summary form, targets, dividends)."""
    return row(label, line, *tokens).model_copy(update={"period": period, "forecast": forecast})


def item_col(header: str, role: ColumnRole = "value", *, currency: str | None = "JPY",
             scale: int = 10**6) -> Column:
    """A figure column of a one-row-per-period table: no period, the joined item header."""
    return Column(role=role, period=None, currency=currency, scale=Decimal(scale), header=header)

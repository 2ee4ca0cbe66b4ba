"""Calendar arithmetic for a company's fiscal year: "1H09", "2Q10", "FY2010", "Six Months
Ended September 30, 2010" all become dates from the company's fiscal-year-end month alone."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.model.period import Duration, Instant

MONTHS = {
    name: i
    for i, names in enumerate(
        [("jan",), ("feb",), ("mar",), ("apr",), ("may",), ("jun",), ("jul",), ("aug",),
         ("sep",), ("oct",), ("nov",), ("dec",)], start=1)
    for name in names
}
WORD_MONTHS = {"one": 1, "three": 3, "six": 6, "nine": 9, "twelve": 12}


def month_number(word: str) -> int | None:
    return MONTHS.get(word[:3].lower())


def month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """First-of-month arithmetic: (2010-04-01, 6) -> 2010-10-01."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def full_year(year: int) -> int:
    """Two-digit years in releases are this century ("1H09" -> 2009)."""
    return year + 2000 if year < 100 else year


@dataclass(frozen=True)
class FiscalCalendar:
    """A company's fiscal year, named by the calendar year it starts in (IIJ: FY2010 =
    2010-04-01..2011-03-31 with a March year end)."""

    end_month: int = 3

    @property
    def start_month(self) -> int:
        return self.end_month % 12 + 1

    def year(self, fiscal_year: int) -> Duration:
        start = dt.date(full_year(fiscal_year), self.start_month, 1)
        return Duration(start=start, end=add_months(start, 12) - dt.timedelta(days=1))

    def part(self, fiscal_year: int, first_month: int, months: int) -> Duration:
        """Months ``first_month``..``first_month+months-1`` (1-based) of a fiscal year."""
        start = add_months(self.year(fiscal_year).start, first_month - 1)
        return Duration(start=start, end=add_months(start, months) - dt.timedelta(days=1))

    def half(self, half: int, fiscal_year: int) -> Duration:
        return self.part(fiscal_year, 6 * (half - 1) + 1, 6)

    def quarter(self, quarter: int, fiscal_year: int) -> Duration:
        return self.part(fiscal_year, 3 * (quarter - 1) + 1, 3)

    def fiscal_year_of(self, day: dt.date) -> int:
        """The fiscal year (by start year) containing ``day``."""
        return day.year if day.month >= self.start_month else day.year - 1

    def fiscal_year_ending(self, day: dt.date) -> int:
        """The fiscal year that ends in ``day``'s month ("Fiscal Year Ending March 31, 2011")."""
        return self.fiscal_year_of(day)


def months_ended(months: int, end: dt.date) -> Duration:
    """"Six Months Ended September 30, 2010" -> 2010-04-01..2010-09-30."""
    start = add_months(dt.date(end.year, end.month, 1), 1 - months)
    return Duration(start=start, end=end)


def slash_range(text: str) -> Duration | None:
    """Slide ranges "(11/4~11/12)" = April 2011 to December 2011 (yy/m)."""
    m = re.search(r"\(?\s*(\d{2})/(\d{1,2})\s*[~〜-]\s*(\d{2})/(\d{1,2})\s*\)?", text)
    if not m:
        return None
    y1, m1, y2, m2 = (int(g) for g in m.groups())
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    start, end = dt.date(full_year(y1), m1, 1), month_end(full_year(y2), m2)
    if start > end:  # a scan's "(20/4~10/12)" for (10/4~10/12): no range, not a crash
        return None
    return Duration(start=start, end=end)


def parse_date(text: str) -> dt.date | None:
    m = re.search(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),\s*(\d{4})", text)
    if not m or month_number(m.group(1)) is None:
        return None
    try:
        return dt.date(int(m.group(3)), month_number(m.group(1)) or 1, int(m.group(2)))
    except ValueError:
        return None


def instant(day: dt.date) -> Instant:
    return Instant(date=day)

"""Readable, deterministic context ids in the EDINET / TDnet style.

The name says how a period relates to the filing's reporting period — ``CurrentYTDDuration``,
``Prior1YTDDuration``, ``CurrentQuarterDuration``, ``CurrentYTDInstant``, ``Prior1YearInstant`` —
followed by one ``_Member`` suffix per non-default dimension member, e.g.
``CurrentYearDuration_ForecastMember``. Periods with no such relation get a name from their dates
(``From20100701To20100930Duration``), so every id is a pure function of (period, members).
"""

from __future__ import annotations

import datetime as dt

from generator.model.context import ExplicitMember
from generator.model.period import Duration, Instant, shift_years
from generator.model.results import ReportingPeriod

MAX_PRIOR_YEARS = 9


def _prefix(years_back: int) -> str:
    return "Current" if years_back == 0 else f"Prior{years_back}"


def _quarter(end: dt.date) -> Duration:
    """The three calendar months ending on ``end`` (a month end)."""
    month, year = end.month - 2, end.year
    if month <= 0:
        month, year = month + 12, year - 1
    return Duration(start=dt.date(year, month, 1), end=end)


def _fiscal_quarter(period: Duration, rp: ReportingPeriod, years_back: int) -> int | None:
    """1-4 if ``period`` is a quarter of the fiscal year ``years_back`` before the filing's."""
    fy_start = shift_years(rp.fiscal_year_start, -years_back)
    if period.months != 3 or period.start.day != 1:
        return None
    offset = (period.start.year - fy_start.year) * 12 + period.start.month - fy_start.month
    if offset in (0, 3, 6, 9):
        return offset // 3 + 1
    return None


def duration_name(period: Duration, rp: ReportingPeriod) -> str:
    is_full_year = rp.ytd == rp.year
    for back in range(MAX_PRIOR_YEARS + 1):
        prefix = _prefix(back)
        if period == rp.year.shifted(-back):
            return f"{prefix}YearDuration"
        if not is_full_year and period == rp.ytd.shifted(-back):
            return f"{prefix}YTDDuration"
        if period.months == 3 and period == _quarter(shift_years(rp.end, -back)):
            return f"{prefix}QuarterDuration"
        quarter = _fiscal_quarter(period, rp, back)
        if quarter is not None:
            return f"{prefix}YearQ{quarter}Duration"
    return f"From{period.start:%Y%m%d}To{period.end:%Y%m%d}Duration"


def instant_name(period: Instant, rp: ReportingPeriod) -> str:
    is_full_year = rp.ytd == rp.year
    for back in range(MAX_PRIOR_YEARS + 1):
        prefix = _prefix(back)
        if period.date == shift_years(rp.fiscal_year_end, -back):
            return f"{prefix}YearInstant"
        if not is_full_year and period.date == shift_years(rp.end, -back):
            return f"{prefix}YTDInstant"
    return f"As{period.date:%Y%m%d}Instant"


def context_id(
    period: Duration | Instant, members: tuple[ExplicitMember, ...], rp: ReportingPeriod
) -> str:
    """The id for (period, members) in a filing for ``rp``; members must be in axis order."""
    base = duration_name(period, rp) if isinstance(period, Duration) else instant_name(period, rp)
    return "_".join([base, *(m.member for m in members)])

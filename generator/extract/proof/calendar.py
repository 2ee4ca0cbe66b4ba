"""Calendar evidence: a column's periods must be periods a release of this kind can print.

A page footer read as a column header ("I1J 1H FY2011" in a FY2019 release) or a header shifted
onto the wrong column gives periods the release cannot be about; this check refutes them. So
does a result for a period the release's own period does not close: a forecast read as a result
(a target row whose label does not say so, "Fiscal year ending March 31, 2012 (Projected)"),
which its YoY % or its parts' sum would otherwise prove. A year's dividend fixed at a record
date already past (the taxonomy's ``record_month``) is the one result of a year still running.
It only refutes: a plausible period proves nothing about the figures under it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping

from generator.extract.map_rows.facts import FORECAST_AXIS, FORECAST_MEMBER
from generator.extract.proof.columns import ColumnFacts
from generator.extract.proof.schedule import month_end
from generator.model.period import Duration, Instant, shift_years
from generator.model.results import ReportingPeriod, ResultFact

CHECK = "calendar"
YEARS_BACK, YEARS_AHEAD = 2, 1


def _quarter_starts(rp: ReportingPeriod) -> set[dt.date]:
    first = shift_years(rp.fiscal_year_start, -YEARS_BACK)
    out = set()
    day = first
    for _ in range(4 * (YEARS_BACK + YEARS_AHEAD + 1) + 1):
        out.add(day)
        month = day.month + 3
        day = dt.date(day.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    return out


@functools.lru_cache(maxsize=64)
def _bounds(fiscal_year_start: dt.date, rp: ReportingPeriod) -> tuple[frozenset[dt.date],
                                                                        frozenset[dt.date]]:
    """Quarter starts and ends within reach, worked out once per release (not per figure)."""
    starts = _quarter_starts(rp)
    return frozenset(starts), frozenset(s - dt.timedelta(days=1) for s in starts)


def plausible(period: Duration | Instant, rp: ReportingPeriod) -> bool:
    """A fiscal-quarter-aligned period within the release's reach (two years back, one ahead)."""
    starts, ends = _bounds(rp.fiscal_year_start, rp)
    if isinstance(period, Instant):
        return period.date in ends
    return period.start in starts and period.end in ends and period.months <= 12


def known(fact: ResultFact, rp: ReportingPeriod, record_months: Mapping[str, int]) -> bool:
    """Whether the release can state ``fact`` as it is read: a forecast always; a result only
    for a period its own period closes, or once the record date that fixes it has passed."""
    if fact.dimensions.get(FORECAST_AXIS) == FORECAST_MEMBER:
        return True
    period = fact.period
    if (period.end if isinstance(period, Duration) else period.date) <= rp.end:
        return True
    month = record_months.get(fact.concept)
    return month is not None and isinstance(period, Duration) \
        and month_end(period.start, month) <= rp.end


def check(column: ColumnFacts, rp: ReportingPeriod,
          record_months: Mapping[str, int]) -> None:
    """Refute a column any of whose facts has a period this release cannot print, or is a
    result the release cannot know yet."""
    periods = {f.period.iso: f.period for f in column.facts}  # each judged once, not per fact
    wrong = sorted(text for text, period in periods.items() if not plausible(period, rp))
    if wrong:
        column.refute(CHECK, f"period {', '.join(wrong)} does not fit the {rp.label} release's "
                             "fiscal calendar (quarter-aligned, at most two years back)")
        return
    early = sorted({str(f.period) for f in column.facts if not known(f, rp, record_months)})
    if early:
        column.refute(CHECK, f"a result for {', '.join(early)}, which the {rp.label} release "
                             f"(to {rp.end}) has not reached: a forecast read as a result")

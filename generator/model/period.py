"""Reporting periods: an XBRL context period is either a duration or an instant.

Dates are whole days as in XBRL: a duration's ``end`` and an instant both mean the end of that day,
so a balance at the close of 2010-09-30 and a half-year ending that day share the same date.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Duration(BaseModel):
    """A period from ``start`` to ``end``, both inclusive."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: Literal["duration"] = "duration"
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _start_not_after_end(self) -> Duration:
        if self.start > self.end:
            raise ValueError(f"period start {self.start} is after its end {self.end}")
        return self

    @property
    def months(self) -> int:
        """Whole calendar months covered, e.g. 6 for Apr 1 - Sep 30."""
        nxt = self.end + dt.timedelta(days=1)
        return (nxt.year - self.start.year) * 12 + nxt.month - self.start.month

    def shifted(self, years: int) -> Duration:
        return Duration(start=shift_years(self.start, years), end=shift_years(self.end, years))

    @functools.cached_property
    def iso(self) -> str:
        """``start..end`` in ISO dates: a key of every check's grouping (asked of one period
        hundreds of times), so written once; a frozen model's dates never change under it."""
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def __str__(self) -> str:
        return self.iso


class Instant(BaseModel):
    """A point in time: the end of the day ``date``."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: Literal["instant"] = "instant"
    date: dt.date

    def shifted(self, years: int) -> Instant:
        return Instant(date=shift_years(self.date, years))

    @functools.cached_property
    def iso(self) -> str:
        """``@date`` in ISO: written once, as :attr:`Duration.iso`."""
        return f"@{self.date.isoformat()}"

    def __str__(self) -> str:
        return self.iso


Period = Annotated[Duration | Instant, Field(discriminator="kind")]


def shift_years(day: dt.date, years: int) -> dt.date:
    """Move a date by whole years, keeping month ends at month ends (Feb 29 -> Feb 28)."""
    target_year = day.year + years
    next_day = day + dt.timedelta(days=1)
    if next_day.month != day.month:  # a month end stays a month end
        first_of_next = dt.date(target_year + (day.month == 12), day.month % 12 + 1, 1)
        return first_of_next - dt.timedelta(days=1)
    return day.replace(year=target_year)

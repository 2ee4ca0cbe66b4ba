"""Context ids read like EDINET's and depend only on (period, members)."""

import datetime as dt

import pytest

from generator.map.contexts import context_id
from generator.model.context import ExplicitMember
from generator.model.period import Duration, Instant
from generator.model.results import ReportingPeriod

H1_FY2010 = ReportingPeriod(
    kind="H1",
    start=dt.date(2010, 4, 1),
    end=dt.date(2010, 9, 30),
    fiscal_year_start=dt.date(2010, 4, 1),
    fiscal_year_end=dt.date(2011, 3, 31),
    label="1H FY2010",
)


def d(a: str, b: str) -> Duration:
    return Duration(start=dt.date.fromisoformat(a), end=dt.date.fromisoformat(b))


def i(a: str) -> Instant:
    return Instant(date=dt.date.fromisoformat(a))


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (d("2010-04-01", "2010-09-30"), "CurrentYTDDuration"),
        (d("2009-04-01", "2009-09-30"), "Prior1YTDDuration"),
        (d("2010-07-01", "2010-09-30"), "CurrentQuarterDuration"),
        (d("2009-07-01", "2009-09-30"), "Prior1QuarterDuration"),
        (d("2010-04-01", "2011-03-31"), "CurrentYearDuration"),
        (d("2009-04-01", "2010-03-31"), "Prior1YearDuration"),
        (d("2010-04-01", "2010-06-30"), "CurrentYearQ1Duration"),
        (d("2008-10-01", "2008-12-31"), "Prior2YearQ3Duration"),
        (i("2010-09-30"), "CurrentYTDInstant"),
        (i("2010-03-31"), "Prior1YearInstant"),
        (i("2009-09-30"), "Prior1YTDInstant"),
    ],
)
def test_periods_related_to_the_reporting_period_get_edinet_names(
    period: Duration | Instant, expected: str
) -> None:
    assert context_id(period, (), H1_FY2010) == expected


def test_unrelated_periods_are_named_by_their_dates() -> None:
    assert context_id(d("2010-01-05", "2010-02-03"), (), H1_FY2010) == (
        "From20100105To20100203Duration"
    )
    assert context_id(i("2010-06-30"), (), H1_FY2010) == "As20100630Instant"


def test_members_are_appended_in_the_given_axis_order() -> None:
    members = (
        ExplicitMember(axis="BusinessSegmentsAxis", member="ATMOperationBusinessMember"),
        ExplicitMember(axis="ResultForecastAxis", member="ForecastMember"),
    )
    assert context_id(d("2010-04-01", "2011-03-31"), members, H1_FY2010) == (
        "CurrentYearDuration_ATMOperationBusinessMember_ForecastMember"
    )

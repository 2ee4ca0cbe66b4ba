"""Reporting period, company and USD rate from a release's own words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from generator.extract.pipeline import extract_release
from generator.extract.read.metadata import detect_company, detect_period, detect_usd_rate
from generator.extract.read.periods import FiscalCalendar, slash_range
from generator.model.entity import Company, Entity
from generator.model.period import Duration
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy

MARCH = FiscalCalendar(end_month=3)


@pytest.mark.parametrize(
    ("title", "kind", "start", "end", "label"),
    [
        ("IIJ Announces First Six Months Financial Results For The Fiscal Year Ending March "
         "31, 2011", "H1", "2010-04-01", "2010-09-30", "1H FY2010"),
        ("FY2011/1Q-3Q (cumulative) Consolidated Financial Results", "Q3", "2011-04-01",
         "2011-12-31", "1Q-3Q FY2011"),
        ("Announces First Quarter Results for the Fiscal Year Ending March 31, 2012", "Q1",
         "2011-04-01", "2011-06-30", "1Q FY2011"),
        ("IIJ Announces Fiscal Year 2010 Financial Results", "FY", "2010-04-01", "2011-03-31",
         "FY2010"),
        ("Results for the fiscal year ended March 31, 2011", "FY", "2010-04-01", "2011-03-31",
         "FY2010"),
        ("Announces Financial Results for the Three Months Ended June 30, 2014", "Q1",
         "2014-04-01", "2014-06-30", "1Q FY2014"),
        ("Consolidated Results for the Fiscal Year 2016 (April 1, 2016 - March 31, 2017)", "FY",
         "2016-04-01", "2017-03-31", "FY2016"),
    ],
)
def test_reporting_period_from_the_title(
    title: str, kind: str, start: str, end: str, label: str
) -> None:
    period = detect_period(title, MARCH)
    assert period is not None
    assert (period.kind, period.start, period.end, period.label) == (
        kind, dt.date.fromisoformat(start), dt.date.fromisoformat(end), label)
    assert period.fiscal_year_end == dt.date(period.fiscal_year_start.year + 1, 3, 31)


def test_no_period_in_a_title_without_one() -> None:
    assert detect_period("Company news and announcements", MARCH) is None


def test_a_quarter_that_is_not_year_to_date_is_not_guessed() -> None:
    """The three months ended December 31 are the third quarter alone: no kind of ours."""
    assert detect_period("Results for the Three Months Ended December 31, 2014", MARCH) is None


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("The rate used for the translation was JPY77.04 per US$1.00, which was", "77.04"),
        ("at the rate of JPY 83.53 which was the noon buying rate in New York", "83.53"),
        ("at the rate of JPY 98.29 per 1U.S. dollar which was the noon buying rate", "98.29"),
        ("Convenience translation: U.S.$1 = JPY 143.65 (noon buying rate on", "143.65"),
        ("US$1.00 = ¥110.50, for the convenience of the reader only.", "110.50"),
    ],
)
def test_usd_convenience_rate(text: str, rate: str) -> None:
    assert detect_usd_rate(text) == Decimal(rate)


def test_company_by_names_and_ocr_names() -> None:
    def company(cid: str, names: tuple[str, ...], ocr: tuple[str, ...] = ()) -> Company:
        return Company(id=cid, name=names[0], names=names, ocr_names=ocr,
                       entity=Entity(scheme="urn:x", identifier="1"), fiscal_year_end_month=3)

    companies = {"iij": company("iij", ("Internet Initiative Japan Inc.", "IIJ"), ("11J",)),
                 "acme": company("acme", ("Acme Widgets Inc.", "AWI"))}
    assert detect_company("Net income attributable to 11J rose; 11J said", companies) == "iij"
    assert detect_company("Acme Widgets Inc. (AWI) results", companies) == "acme"
    assert detect_company("Nobody we know", companies) is None


def test_a_slide_range_ending_before_it_starts_is_no_range() -> None:
    """A scan's "(20/4~10/12)" for (10/4~10/12): not a period (it would end before it starts),
    so the header is read without it, not a crash."""
    assert slash_range("3Q10 (20/4~10/12)") is None
    assert slash_range("3Q10 (10/4~10/12)") == Duration(start=dt.date(2010, 4, 1),
                                                        end=dt.date(2010, 12, 31))


def test_a_release_whose_header_range_a_scan_garbled_is_read(tmp_path: Path) -> None:
    """Sample 001 with a column header's year misread: the release is still extracted."""
    text = (samples_dir() / "001_6c9832476b77f69a.txt").read_text(encoding="utf-8")
    assert "3Q10 (10/4~10/12)" in text
    path = tmp_path / "001.txt"
    path.write_text(text.replace("3Q10 (10/4~10/12)", "3Q10 (20/4~10/12)", 1), encoding="utf-8")
    assert extract_release(path, load_taxonomy()).results.facts

"""A release whose tables are tab-separated (slides) but for some a report writer laid out by
runs of spaces, their headings wrapped within their columns: those tables are read by column
position, as the aligned reader reads a whole release so printed, their headings put back
together column by column; the tab-separated lines are read as printed."""

from __future__ import annotations

import datetime as dt

from generator.extract.layout import Table
from generator.extract.read import read_text
from generator.model.entity import Company, Entity
from generator.model.period import Duration, Instant
from generator.model.taxonomy import Taxonomy

ACME = Company(
    id="acme", name="Acme Widgets Inc.", names=("Acme Widgets Inc.", "AWI"),
    entity=Entity(scheme="http://example.com/code", identifier="99990"),
    fiscal_year_end_month=3,
)
TAXONOMY = Taxonomy(
    name="t", prefix="t", namespace="urn:t", version="1", schema_file="t.xsd",
    role_base="urn:t/role", concepts={}, networks=(), axes={}, units={}, measures={},
    companies={"acme": ACME},
)
SLIDES = """Acme Widgets Inc. Results for FY2011/1Q-3Q (April 1, 2011 to December 31, 2011)

Unit: JPY million

\t1Q11\t2Q11\t3Q11
Revenue\t244\t317\t361
Cost\t229\t227\t247
Operating Loss\t(161)\t(140)\t(165)

Unit: JPY billion

                                      <i>% of Revenues</i>    <i>% of Revenues</i>
                                         3Q11 (11/4~11/12)       3Q10 (10/4~10/12)        YoY
Total Revenues                                        70.8                    56.8      24.6%
Total Costs                              <i>80.1%</i> 56.7       <i>79.7%</i> 45.3      25.2%
Gross Margin                             <i>19.9%</i> 14.1       <i>20.3%</i> 11.5      22.2%

Consolidated Balance Sheets

Unit: JPY million

                                                March      December
                                             31, 2011      31, 2011       Changes
Cash and Cash Equivalents                      13,314        10,928       (2,386)
Accounts Receivable                            16,431        15,456         (976)
Inventories                                       601         1,026          +425
Total Assets                                   71,473        71,004         (469)
"""


def _table(label: str) -> Table:
    """The table with a row so labelled."""
    doc = read_text("acme.txt", SLIDES, TAXONOMY)
    assert doc.layout == "slides"
    return next(t for t in doc.tables if any(r.label == label for r in t.rows))


def test_a_balance_sheet_laid_out_by_spaces_among_slides_reads_its_wrapped_dates() -> None:
    table = _table("Cash and Cash Equivalents")
    values = [c for c in table.columns if c.role == "value"]
    assert [c.period for c in values] == [Instant(date=dt.date(2011, 3, 31)),
                                          Instant(date=dt.date(2011, 12, 31))]
    cash = next(r for r in table.rows if r.label == "Cash and Cash Equivalents")
    assert [c.text if c else None for c in cash.cells][:2] == ["13,314", "10,928"]
    assert not cash.guessed


def test_shares_of_revenue_stacked_over_their_periods_head_their_columns() -> None:
    """"% of Revenues" over "3Q11 (11/4~11/12)": read line by line, the line of periods under
    a line of units reads as a row's label and the table has no periods."""
    table = _table("Total Costs")
    periods = [c.period for c in table.columns if c.role == "value"]
    assert periods == [Duration(start=dt.date(2011, 4, 1), end=dt.date(2011, 12, 31)),
                       Duration(start=dt.date(2010, 4, 1), end=dt.date(2010, 12, 31))]
    costs = next(r for r in table.rows if r.label == "Total Costs")
    values = [c.text for c, col in zip(costs.cells, table.columns, strict=True)
              if c and col.role == "value"]
    assert values == ["56.7", "45.3"]


def test_the_tab_separated_slides_are_read_as_printed() -> None:
    table = _table("Operating Loss")
    loss = next(r for r in table.rows if r.label == "Operating Loss")
    assert [c.text if c else None for c in loss.cells] == ["(161)", "(140)", "(165)"]


NEWSWIRE = """Acme Widgets Inc. Results for the First Half of the Fiscal Year Ending March 31, 2011

      Operating Results Summary
                                                                 YoY %
                                          1H09        1H10      change
                                           JPY         JPY
                                      millions    millions
Total Revenues                          32,275      34,272         6.2
Total Costs                             26,037      27,431         5.4
"""


def test_a_header_whose_widest_line_is_not_its_first_is_read_column_by_column() -> None:
    """"YoY %" over "1H09  1H10  change", then "JPY  JPY" and "millions  millions": read line
    by line, "1H09 JPY" named no scale and its figures were read in yen."""
    doc = read_text("acme.txt", NEWSWIRE, TAXONOMY)
    [table] = [t for t in doc.tables if any(r.label == "Total Costs" for r in t.rows)]
    assert [(c.role, c.scale) for c in table.columns] == [
        ("value", 10**6), ("value", 10**6), ("change_percent", 1)]


THOUSANDS = """Acme Widgets Inc. Results for the First Half of the Fiscal Year Ending March 31, 2011

      Consolidated Financial Position
                         Total Assets    Total Equity
                     Thousands of JPY  Thousands of JPY
September 30, 2010         65,923,000      27,766,000
March 31, 2010             51,115,000      27,364,000
"""


def test_a_column_of_amounts_all_ending_in_three_zeros_is_printed_to_the_million() -> None:
    """"65,923,000" and "51,115,000" under "Thousands of JPY": another table's millions
    printed in thousands, so as precise as the millions (``Column.rounded``)."""
    doc = read_text("acme.txt", THOUSANDS, TAXONOMY)
    [table] = [t for t in doc.tables if any(r.label == "March 31, 2010" for r in t.rows)]
    assert [c.rounded for c in table.columns if c.role == "value"] == [3, 3]


def test_a_column_with_one_amount_not_ending_in_zeros_is_printed_to_the_thousand() -> None:
    doc = read_text("acme.txt", THOUSANDS.replace("27,364,000", "27,364,102"), TAXONOMY)
    [table] = [t for t in doc.tables if any(r.label == "March 31, 2010" for r in t.rows)]
    assert [c.rounded for c in table.columns if c.role == "value"] == [3, 0]

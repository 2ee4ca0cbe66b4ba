"""One-row-per-period tables: items from the joined header, periods from the rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from generator.extract.layout import Row
from generator.extract.map_rows import map_document
from generator.extract.map_rows.transposed import split_header
from generator.extract.read.tables import comparative_rows
from generator.model.period import Duration
from generator.model.taxonomy import Taxonomy
from generator.taxonomy.aliases import AliasIndex
from tests.extract.builders import (
    FY2010,
    H1_2009,
    H1_2010,
    SEP_2010,
    document,
    item_col,
    period_row,
    table,
)
from tests.extract.samples import TABBED, edited_sample, fact, inst

HEADER = "Total Revenues Total Costs Net income attributable to ACME (JPY millions)"


def test_joined_header_splits_into_known_wordings(index: AliasIndex) -> None:
    items, uncovered = split_header(index, index.network("Summary"), HEADER[:-15])
    assert items == ["total revenue", "total cost", "net income attributable to {company}"]
    assert uncovered == 0


def test_unknown_words_are_skipped_and_counted(index: AliasIndex) -> None:
    items, uncovered = split_header(index, index.network("Summary"), "Total Revenues Foo Bar")
    assert items == ["total revenue"] and uncovered == 2


def test_a_word_a_scan_split_or_joined_still_names_its_item(index: AliasIndex) -> None:
    """"Inc ome before Income Tax Expense": read as four uncovered words and income tax
    expense, the column was filed as income taxes."""
    summary = index.network("Summary")
    assert split_header(index, summary, "Total Rev enues Total Costs") == (
        ["total revenue", "total cost"], 0)
    assert split_header(index, summary, "Tota lRevenues Total Costs") == (
        ["total revenue", "total cost"], 0)


def test_an_item_after_words_like_the_start_of_a_longer_wording_is_no_item(
        index: AliasIndex) -> None:
    """"Income beffore | Income Tax Expense (Benefit)": the damaged words may start the longer
    wording ending in the item, so the item is read as printed (naming nothing) rather than
    as the shorter wording ("Cost off | services" is no services revenue)."""
    summary = index.network("Summary")
    assert split_header(index, summary, "Total Revenues Cost off services") == (
        ["total revenue", "cost off service"], 2)


def test_an_item_after_words_unlike_any_longer_wording_is_that_item(index: AliasIndex) -> None:
    summary = index.network("Summary")
    assert split_header(index, summary, "Total Revenues Foo Bar Services") == (
        ["total revenue", "service"], 2)


def test_rows_give_periods_and_columns_give_concepts(taxonomy: Taxonomy) -> None:
    columns = [item_col(HEADER), item_col(HEADER, "change_percent", currency=None, scale=1),
               item_col(HEADER), item_col(HEADER)]
    doc = document(table("(1) Results", 743, columns, [
        period_row("Six months ended September 30, 2010", 744, H1_2010, "34,272", "6.2", "27,431",
                   "859"),
        period_row("Six months ended September 30, 2009", 745, H1_2009, "32,275", "(2.9)",
                   "26,037", "715"),
    ], kind="summary"))
    mapped = map_document(doc, taxonomy)
    got = {(f.concept, str(f.period)): f.value for f in mapped.facts}
    assert got == {
        ("Revenues", str(H1_2010)): Decimal("34272000000"),
        ("CostOfRevenues", str(H1_2010)): Decimal("27431000000"),
        ("NetIncomeAttributableToParent", str(H1_2010)): Decimal("859000000"),
        ("Revenues", str(H1_2009)): Decimal("32275000000"),
        ("CostOfRevenues", str(H1_2009)): Decimal("26037000000"),
        ("NetIncomeAttributableToParent", str(H1_2009)): Decimal("715000000"),
    }
    assert len(mapped.skipped) == 2 and not mapped.unmapped
    assert mapped.tables[0].network == "Summary"


def test_forecast_row_marks_its_facts(taxonomy: Taxonomy) -> None:
    doc = document(table("Targets", 775, [item_col("Total Revenues (JPY millions)")], [
        period_row("Fiscal year ending March 31, 2011 (Target)", 776, FY2010, "84,500",
                   forecast=True)]))
    (fact,) = map_document(doc, taxonomy).facts
    assert fact.dimensions == {"ResultForecastAxis": "ForecastMember"}


def test_header_not_matching_the_columns_is_unmapped(taxonomy: Taxonomy) -> None:
    doc = document(table("T", 1, [item_col("Total Revenues"), item_col("Total Revenues")], [
        period_row("Six months", 2, H1_2010, "1", "2")]))
    mapped = map_document(doc, taxonomy)
    assert not mapped.facts and len(mapped.unmapped) == 2
    assert "splits into 1 known wordings" in mapped.unmapped[0].reason


def test_row_without_period_is_unmapped(taxonomy: Taxonomy) -> None:
    doc = document(table("T", 1, [item_col("Total Revenues")], [
        period_row("Six months", 2, H1_2010, "1"),
        period_row("Six months", 3, H1_2010, "2").model_copy(update={"period": None})]))
    mapped = map_document(doc, taxonomy)
    assert len(mapped.facts) == 1 and "names no period" in mapped.unmapped[0].reason


def test_per_column_headers_name_the_items(taxonomy: Taxonomy) -> None:
    columns = [item_col("Total Revenues (JPY millions)"), item_col("Total Costs (JPY millions)")]
    doc = document(table("(1) Results", 1, columns, [
        period_row("Six Months Ended September 30, 2010", 2, H1_2010, "10", "7")]))
    assert sorted(f.concept for f in map_document(doc, taxonomy).facts) == [
        "CostOfRevenues", "Revenues"]


def test_items_named_in_the_title_when_headers_only_hold_units(taxonomy: Taxonomy) -> None:
    columns = [item_col("JPY millions"), item_col("JPY millions")]
    doc = document(table("(1) Results (% shown is YoY change) Total revenues Total costs", 1,
                         columns, [period_row("Six months", 2, H1_2010, "10", "7")]))
    assert sorted(f.concept for f in map_document(doc, taxonomy).facts) == [
        "CostOfRevenues", "Revenues"]


def test_caption_before_the_items_does_not_count_against_the_header(index: AliasIndex) -> None:
    text = "Target of Results for the Year (% shown is YoY change) Total Revenues Total Costs"
    items, uncovered = split_header(index, index.network("Summary"), text)
    assert items == ["total revenue", "total cost"] and uncovered == 0


def test_per_column_headers_map_the_columns_they_name(taxonomy: Taxonomy) -> None:
    columns = [item_col("Total Revenues (JPY millions)"), item_col("Equit quity (JPY millions)")]
    doc = document(table("(2) Position", 1, columns, [
        period_row("Six Months Ended September 30, 2010", 2, H1_2010, "10", "7")]))
    mapped = map_document(doc, taxonomy)
    assert [f.concept for f in mapped.facts] == ["Revenues"]
    assert "Equit quity (JPY millions)" in mapped.unmapped[0].reason


def test_statement_matrix_maps_its_rows_and_first_column(taxonomy: Taxonomy) -> None:
    """Rows with periods naming line items, columns without periods naming components (as in a
    statement of changes in equity): the first (total) column maps, the others are unmapped."""
    columns = [item_col("Total (Thousands of JPY)", scale=1000),
               item_col("Component (Thousands of JPY)", scale=1000)]
    doc = document(table("Changes", 1, columns, [
        period_row("Cash, beginning of the period", 2, inst("2010-04-01"), "100", "60"),
        period_row("Net cash provided by operating activities", 3, H1_2010, "20", "20"),
        period_row("Cash, end of the period", 4, SEP_2010, "120", "80"),
    ]))
    mapped = map_document(doc, taxonomy)
    got = {(f.concept, str(f.period)): f.value for f in mapped.facts}
    assert got == {
        ("Cash", "@2010-03-31"): Decimal(100000),  # the day before the statement's period
        ("CashFlowFromOperations", str(H1_2010)): Decimal(20000),
        ("Cash", "@2010-09-30"): Decimal(120000),
    }
    assert len(mapped.unmapped) == 3 and "matrix column" in mapped.unmapped[0].reason


def _yoy_rows(second: Duration) -> list[Row]:
    return [period_row("Six months ended September 30, 2010", 744, H1_2010, "34,272", "6.2"),
            period_row("Three months ended September 30, 2009", 746, second, "32,275", "(2.9)")]


YOY_COLUMNS = [item_col("Total Revenues (JPY millions)"),
               item_col("Total Revenues (%)", "change_percent", currency=None, scale=1)]


def test_a_yoy_tables_comparative_row_with_a_garbled_span_takes_the_span_a_year_earlier() -> None:
    q2_2009 = Duration(start=dt.date(2009, 7, 1), end=dt.date(2009, 9, 30))
    rows = comparative_rows(_yoy_rows(q2_2009), YOY_COLUMNS)
    assert rows[1].period == H1_2009
    assert "Three months" not in rows[1].period_implied and "2009-07-01" in rows[1].period_implied
    assert rows[0].period_implied == ""


def test_a_comparative_row_whose_label_names_the_comparative_is_read_as_printed() -> None:
    rows = comparative_rows(_yoy_rows(H1_2009), YOY_COLUMNS)
    assert rows[1].period == H1_2009 and rows[1].period_implied == ""


def test_without_a_yoy_column_no_row_is_redated() -> None:
    q2_2009 = Duration(start=dt.date(2009, 7, 1), end=dt.date(2009, 9, 30))
    rows = comparative_rows(_yoy_rows(q2_2009), YOY_COLUMNS[:1])
    assert rows[1].period == q2_2009


def _lose_tabs(text: list[str]) -> None:
    """Sample 004's dividends table as a scan reads it: the tab after the first row's label is
    lost ("... 2013 -<TAB>1,750.00"), so no two rows print as many figures as the five boxes
    "1Q-end 2Q-end<TAB><TAB>3Q-end<TAB>Year-end<TAB>Total" name, and the header, cut at its
    tabs, gives four columns: "1Q-end 2Q-end", "3Q-end", "Year-end", "Total"."""
    assert text[792].startswith("\t1Q-end 2Q-end\t\t3Q-end")
    assert text[794].startswith("Fiscal Year Ended March 31, 2013\t-\t")
    text[794] = text[794].replace("2013\t-", "2013 -", 1)


def test_boxes_read_in_order_do_not_overrule_the_columns_own_headers(tmp_path: Path) -> None:
    """Five boxes over four columns read in order would put "2Q-end" over the column headed
    "3Q-end": the forecast year-end dividend (11.00) was filed as the third quarter's and the
    total (22.00) as the year-end's. The columns' own headers place them."""
    ex = edited_sample(tmp_path, TABBED, _lose_tabs)
    fy14 = Duration(start=dt.date(2013, 4, 1), end=dt.date(2014, 3, 31))
    forecast = {"ResultForecastAxis": "ForecastMember"}
    year_end = fact(ex, "DividendPerShareYearEnd", fy14, "JPYPerShares", **forecast)
    annual = fact(ex, "DividendPerShareAnnual", fy14, "JPYPerShares", **forecast)
    assert (year_end.value, annual.value) == (Decimal("11.00"), Decimal("22.00"))
    assert not [f for f in ex.results.facts
                if f.concept == "DividendPerShareThirdQuarterEnd" and f.value is not None]


def test_two_columns_read_as_one_line_place_neither(taxonomy: Taxonomy) -> None:
    """A scan's damaged header can read two columns as one line ("Basic ... per Share" and
    "Dilutd ... per Share" both as basic): their figures, equal or not, are no line's."""
    columns = [item_col("Total Revenues (JPY millions)"), item_col("Total Costs (JPY millions)"),
               item_col("Total Revenue (JPY millions)")]
    doc = document(table("(1) Results", 743, columns, [
        period_row("Six months ended September 30, 2010", 744, H1_2010, "34,272", "27,431",
                   "34,272"),
    ], kind="summary"))
    mapped = map_document(doc, taxonomy)
    assert {f.concept for f in mapped.facts} == {"CostOfRevenues"}
    assert len(mapped.unmapped) == 2


def test_an_item_before_words_like_the_end_of_a_longer_wording_is_no_item(
        index: AliasIndex) -> None:
    """"Net Income | Attributab1e to IIJ": the damaged words after it may end the longer
    wording starting with it (net income attributable to the parent), so it is read as
    printed, with them, not as net income ("Services | Revnue" is no services item)."""
    summary = index.network("Summary")
    assert split_header(index, summary, "Total Revenues Services Revnue Total Costs") == (
        ["total revenue", "service revnue", "total cost"], 1)

"""The proof stage, one behaviour per test: which columns are filed and which held back, and why.

Every document here is built by hand (``tests.extract.builders``). ``col()`` gives a header that
states its period and unit ("2010-04-01..2010-09-30 Thousands of JPY"); ``UNSTATED`` headers
state nothing, so the column's assignment must come from the numbers. Most tests use the
'aligned' layout (cells placed by the column edge they end at), where a full row proves nothing
by itself and a row the reader could only guess (``guessed``) needs its figures confirmed; the
delimited tests use 'tabbed' and 'newswire'.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.extract.layout import Column, Document, Row, Table
from generator.extract.map_rows import map_document
from generator.extract.pipeline import extract_document
from generator.extract.proof import UNPROVEN, Proof, prove
from generator.extract.proof.columns import ColumnFacts
from generator.model.period import Duration
from generator.model.results import HeldBack
from generator.model.taxonomy import Taxonomy
from generator.taxonomy import load_taxonomy
from tests.extract.builders import (
    FY2010,
    FY_PERIOD,
    H1_2009,
    H1_2010,
    MAR_2010,
    SEP_2010,
    col,
    document,
    item_col,
    period_row,
    row,
    table,
)

RATE = Decimal("83.53")  # the builders' document states U.S.$1 = JPY 83.53


@pytest.fixture(scope="module")
def real() -> Taxonomy:
    """The shipped taxonomy: it declares ratios (EPS) and roll forwards (cash)."""
    return load_taxonomy()


def laid_out(*tables: Table, layout: str = "aligned", company: str = "acme") -> Document:
    return document(*tables, company=company).model_copy(update={"layout": layout})


def full_year(doc: Document) -> Document:
    """``doc`` as the year's full-year release: its quarters and its year are results by then."""
    return doc.model_copy(update={"period": FY_PERIOD})


def proof_of(doc: Document, taxonomy: Taxonomy) -> Proof:
    assert doc.period is not None
    return prove(map_document(doc, taxonomy), taxonomy, doc.period, doc.usd_rate)


def filed(proof: Proof) -> dict[tuple[str, str, str | None], Decimal | None]:
    return {(f.concept, str(f.period), f.unit): f.value for f in proof.facts}


def held(proof: Proof) -> dict[tuple[str, str, str | None], HeldBack]:
    return {(h.concept, str(h.period), h.unit): h for h in proof.held}


def column(proof: Proof, header: str, table_index: int = 0) -> ColumnFacts:
    return next(c for c in proof.columns
                if c.table_index == table_index and c.header == header)


def refuted_by(proof: Proof, header: str, table_index: int = 0) -> set[str]:
    return {v.check for v in column(proof, header, table_index).refutations}


def unstated(period: Duration = H1_2010, role: str = "value", currency: str = "JPY",
             header: str = "Current") -> Column:
    """A column whose period and unit were assigned by position: its header states neither."""
    return col(role, period, currency=currency, header=header)  # type: ignore[arg-type]


def services(*rows: Row, columns: list[Column] | None = None) -> Table:
    return table("Statements of income", 100, columns or [col()], list(rows), kind="income")


def hosting_support_total(line: int = 101, *figures: tuple[str, ...]) -> list[Row]:
    """Hosting + Support = Total services: each row's printed tokens, one per column."""
    by_row = figures or (("6,000",), ("4,000",), ("10,000",))
    return [row("Hosting", line, *by_row[0]), row("Support", line + 1, *by_row[1]),
            row("Total services", line + 2, *by_row[2])]


Q1 = Duration(start=dt.date(2010, 4, 1), end=dt.date(2010, 6, 30))
Q2 = Duration(start=dt.date(2010, 7, 1), end=dt.date(2010, 9, 30))
Q3 = Duration(start=dt.date(2010, 10, 1), end=dt.date(2010, 12, 31))
Q4 = Duration(start=dt.date(2011, 1, 1), end=dt.date(2011, 3, 31))
H1_2001 = Duration(start=dt.date(2001, 4, 1), end=dt.date(2001, 9, 30))
H1 = str(H1_2010)


# --- a column is filed when its rows and its assignment are both confirmed -------------------

def test_a_stated_column_whose_total_equals_its_parts_is_filed(taxonomy: Taxonomy) -> None:
    proof = proof_of(laid_out(services(*hosting_support_total())), taxonomy)
    assert filed(proof) == {
        ("HostingRevenue", H1, "JPY"): Decimal(6_000_000),
        ("SupportRevenue", H1, "JPY"): Decimal(4_000_000),
        ("ServicesRevenue", H1, "JPY"): Decimal(10_000_000),
    }
    assert not proof.held


def test_a_filed_figure_says_what_proved_it(taxonomy: Taxonomy) -> None:
    proof = proof_of(laid_out(services(*hosting_support_total())), taxonomy)
    hosting = next(f for f in proof.facts if f.concept == "HostingRevenue")
    assert hosting.source.proven_by == ("arithmetic", "stated", "own: arithmetic")


def test_a_single_unrelated_figure_is_held_back_as_unproven(taxonomy: Taxonomy) -> None:
    proof = proof_of(laid_out(services(row("Hosting", 101, "6,000"))), taxonomy)
    assert not proof.facts
    [hosting] = proof.held
    assert hosting.check == UNPROVEN
    assert hosting.reason.startswith("no check confirms the column's rows:")
    assert "no printed total adds up within it" in hosting.reason


def test_an_unproven_column_with_an_unstated_header_lacks_rows_and_assignment(
        taxonomy: Taxonomy) -> None:
    proof = proof_of(laid_out(services(row("Hosting", 101, "6,000"), columns=[unstated()])),
                     taxonomy)
    [hosting] = proof.held
    assert hosting.reason.startswith("no check confirms the column's rows and assignment:")
    assert "none of its figures is printed elsewhere in the release" in hosting.reason


def test_sums_alone_do_not_prove_an_unstated_column(taxonomy: Taxonomy) -> None:
    proof = proof_of(laid_out(services(*hosting_support_total(), columns=[unstated()])), taxonomy)
    assert not proof.facts
    assert {h.reason for h in proof.held} == {
        "no check confirms the column's assignment: none of its figures is printed elsewhere in "
        "the release, no USD column translates it at a stated rate and no YoY column "
        "recomputes from it"}


# --- translation: the USD column at the stated rate ------------------------------------------

def _translated(*usd: str) -> Table:
    """Hosting and Support (no total) in JPY thousands and in USD thousands, unstated headers."""
    columns = [unstated(), unstated(role="translation", currency="USD", header="U.S.")]
    return services(row("Hosting", 101, "6,000", usd[0]), row("Support", 102, "4,000", usd[1]),
                    columns=columns)


def test_a_usd_column_equal_to_the_jpy_column_at_the_stated_rate_proves_both(
        taxonomy: Taxonomy) -> None:
    # 6,000,000 / 83.53 = 71,830 and 4,000,000 / 83.53 = 47,887: USD thousands 72 and 48.
    proof = proof_of(laid_out(_translated("72", "48")), taxonomy)
    assert filed(proof) == {
        ("HostingRevenue", H1, "JPY"): Decimal(6_000_000),
        ("SupportRevenue", H1, "JPY"): Decimal(4_000_000),
        ("HostingRevenue", H1, "USD"): Decimal(72_000),
        ("SupportRevenue", H1, "USD"): Decimal(48_000),
    }
    assert column(proof, "Current").proven_by(0) == ("translation", "own: translation")


def test_a_usd_column_at_the_wrong_scale_is_refuted(taxonomy: Taxonomy) -> None:
    # Printed in dollars but read as thousands of dollars: 1000 times the translation.
    proof = proof_of(laid_out(_translated("71,830", "47,887")), taxonomy)
    assert refuted_by(proof, "U.S.") == {"translation"}
    usd = [h for h in proof.held if h.unit == "USD"]
    assert len(usd) == 2 and all(h.check == "translation" for h in usd)
    assert "wrong scale, period or rows" in usd[0].reason


# --- derived columns: a % column read as amounts ---------------------------------------------

def test_a_column_of_amounts_that_recomputes_as_the_yoy_percent_of_two_others_is_refuted(
        taxonomy: Taxonomy) -> None:
    columns = [col(period=H1_2009), col(), col(period=FY2010, header="")]
    proof = proof_of(laid_out(services(
        row("Hosting", 101, "5,000", "6,000", "20.0"),
        row("Support", 102, "5,000", "4,000", "(20.0)"),
        row("Total services", 103, "10,000", "10,000", "0.0"),
        columns=columns)), taxonomy)
    misread = column(proof, "column 3")
    assert "percent" in refuted_by(proof, "column 3")
    assert any("a YoY % column, not amounts" in v.detail for v in misread.refutations)
    assert not any(str(f.period) == str(FY2010) for f in proof.facts)


# --- scale: columns of one table are of one order of magnitude -------------------------------

def test_a_column_about_one_rate_th_of_its_neighbour_is_refuted_by_scale(
        taxonomy: Taxonomy) -> None:
    # The current column holds the USD translation (72, 48, 120) under a yen header.
    columns = [col(period=H1_2009), col()]
    proof = proof_of(laid_out(services(
        *hosting_support_total(101, ("6,000", "72"), ("4,000", "48"), ("10,000", "120")),
        columns=columns)), taxonomy)
    current = column(proof, col().header)
    assert "scale" in refuted_by(proof, col().header)
    assert any("about the stated USD rate" in v.detail for v in current.refutations)
    assert not any(str(f.period) == H1 for f in proof.facts)


def test_a_column_whose_header_says_thousands_but_was_read_at_one_is_refuted_by_stated(
        taxonomy: Taxonomy) -> None:
    misread = col(scale=1, header=col().header)  # "... Thousands of JPY", scale 1
    proof = proof_of(laid_out(services(*hosting_support_total(), columns=[misread])), taxonomy)
    assert refuted_by(proof, misread.header) == {"stated"}
    assert {h.check for h in proof.held} == {"stated"} and not proof.facts


# --- calendar ---------------------------------------------------------------------------------

def test_a_column_whose_period_is_years_outside_the_fiscal_calendar_is_refuted(
        taxonomy: Taxonomy) -> None:
    stale = col(period=H1_2001)  # a page footer "1H FY2001" read as the header
    proof = proof_of(laid_out(services(*hosting_support_total(), columns=[stale])), taxonomy)
    assert refuted_by(proof, stale.header) == {"calendar"}
    assert "does not fit the 1H FY2010 release's fiscal calendar" in proof.held[0].reason


# --- structure --------------------------------------------------------------------------------

def test_a_row_wider_than_the_header_refutes_every_column_of_the_table(
        taxonomy: Taxonomy) -> None:
    rows = [*hosting_support_total(101, ("6,000", "6,100"), ("4,000", "3,900"),
                                   ("10,000", "10,000")),
            row("Widgets", 104, "500", "600", "700")]
    proof = proof_of(laid_out(services(*rows, columns=[col(period=H1_2009), col()])), taxonomy)
    assert refuted_by(proof, col(period=H1_2009).header) == {"structure"}
    assert refuted_by(proof, col().header) == {"structure"}
    assert not proof.facts


# --- printed twice ----------------------------------------------------------------------------

def _statement(header_column: Column, line: int) -> Table:
    return services(*hosting_support_total(line), columns=[header_column])


def test_unanchored_columns_printing_the_same_figures_do_not_prove_each_other(
        taxonomy: Taxonomy) -> None:
    proof = proof_of(laid_out(_statement(unstated(header="Summary"), 10),
                              _statement(unstated(), 100)), taxonomy)
    assert not proof.facts
    assert all(h.check == UNPROVEN and "assignment" in h.reason for h in proof.held)


def test_an_anchored_column_confirms_the_other_printing_of_its_figures(
        taxonomy: Taxonomy) -> None:
    proof = proof_of(laid_out(_statement(col(), 10), _statement(unstated(), 100)), taxonomy)
    assert not proof.held
    positional = column(proof, "Current", table_index=1)
    assert {v.check for v in positional.confirmations} == {"arithmetic", "printed twice"}


def test_two_columns_of_one_table_read_as_one_period_with_different_figures_are_refuted(
        taxonomy: Taxonomy) -> None:
    first, second = col(header="Current A"), col(header="Current B")
    proof = proof_of(laid_out(services(
        *hosting_support_total(101, ("6,000", "6,100"), ("4,000", "3,900"),
                               ("10,000", "10,000")),
        columns=[first, second])), taxonomy)
    assert refuted_by(proof, "Current A") == refuted_by(proof, "Current B") == {"printed twice"}
    assert not proof.facts


# --- figure level: a proven column still holds back a figure in doubt ------------------------

def guessed(r: Row) -> Row:
    """A row whose figures the position reader could only guess the columns of."""
    return r.model_copy(update={"guessed": True})


def test_a_figure_on_a_row_with_a_guessed_blank_slot_is_held_in_a_proven_column(
        taxonomy: Taxonomy) -> None:
    rows = [*hosting_support_total(101, ("6,000", "6,100"), ("4,000", "3,900"),
                                   ("10,000", "10,000")),
            guessed(row("Total cost", 104, "", "7,000"))]
    proof = proof_of(laid_out(services(*rows, columns=[col(period=H1_2009), col()])), taxonomy)
    assert column(proof, col().header).proven
    cost = held(proof)[("CostOfRevenues", H1, "JPY")]
    assert cost.check == "figure"
    assert "placed by position" in cost.reason
    assert ("ServicesRevenue", H1, "JPY") in filed(proof)


def test_in_the_aligned_layout_a_blank_slot_the_reader_read_by_its_edges_is_no_doubt(
        taxonomy: Taxonomy) -> None:
    # The column reader placed 7,000 at the edge it ends at (not guessed): the blank prior cell
    # stayed blank in its own slot, so the figure is as placed as any in its proven column.
    rows = [*hosting_support_total(101, ("6,000", "6,100"), ("4,000", "3,900"),
                                   ("10,000", "10,000")),
            row("Total cost", 104, "", "7,000")]
    proof = proof_of(laid_out(services(*rows, columns=[col(period=H1_2009), col()])), taxonomy)
    assert filed(proof)[("CostOfRevenues", H1, "JPY")] == Decimal(7_000_000)


def test_in_the_ocr_layout_a_figure_on_a_row_with_a_blank_slot_is_held(
        taxonomy: Taxonomy) -> None:
    # The OCR reader counts a row's numbers into columns: a blank slot is where it guessed.
    rows = [*hosting_support_total(101, ("6,000", "6,100"), ("4,000", "3,900"),
                                   ("10,000", "10,000")),
            row("Total cost", 104, "", "7,000")]
    proof = proof_of(laid_out(services(*rows, columns=[col(period=H1_2009), col()]),
                              layout="ocr"), taxonomy)
    assert held(proof)[("CostOfRevenues", H1, "JPY")].check == "figure"


def _on_one_line(r: Row, line: int = 101) -> Row:
    """``r`` as the run-on reader gives it: every row of the table on one line."""
    cells = tuple(c.model_copy(update={"line": line}) if c is not None else None
                  for c in r.cells)
    return r.model_copy(update={"line": line, "cells": cells})


def test_in_a_run_on_table_a_short_row_does_not_hold_the_full_rows_on_its_line(
        taxonomy: Taxonomy) -> None:
    # The whole table is one line of text: the short "Total cost" row's figure is held (placed
    # by position), the full rows beside it on the same line are as placed as anywhere.
    rows = [*hosting_support_total(101, ("6,000", "6,100"), ("4,000", "3,900"),
                                   ("10,000", "10,000")),
            row("Total cost", 104, "", "7,000")]
    proof = proof_of(laid_out(services(*[_on_one_line(r) for r in rows],
                                       columns=[col(period=H1_2009), col()]),
                              layout="runon"), taxonomy)
    assert held(proof)[("CostOfRevenues", H1, "JPY")].check == "figure"
    assert filed(proof)[("ServicesRevenue", H1, "JPY")] == Decimal(10_000_000)
    assert ("HostingRevenue", H1, "JPY") in filed(proof)


def test_in_a_run_on_table_a_row_leaving_only_change_cells_blank_is_as_placed_as_a_full_one(
        taxonomy: Taxonomy) -> None:
    # Hosting and Support print both amounts but no YoY %: with one amount per amount column
    # there is no other reading (a text layer loses no cell), so their sum settles them.
    yoy = col("change_percent", period=None, currency=None, scale=1, header="YoY %")
    rows = [guessed(row("Hosting", 101, "6,000", "6,600", "")),
            guessed(row("Support", 102, "4,000", "4,400", "")),
            row("Total services", 103, "10,000", "11,000", "10.0")]
    columns = [col(period=H1_2009), col(), yoy]
    one_line = [_on_one_line(r) for r in rows]
    proof = proof_of(laid_out(services(*one_line, columns=columns), layout="runon"), taxonomy)
    assert filed(proof)[("ServicesRevenue", str(H1_2009), "JPY")] == Decimal(10_000_000)
    assert not proof.held
    elsewhere = proof_of(laid_out(services(*rows, columns=columns), layout="ocr"), taxonomy)
    assert elsewhere.held  # a scan may lose a cell: there the same rows need their own check


def test_in_a_run_on_table_a_change_confirms_its_own_row_not_a_figure_printed_alike(
        taxonomy: Taxonomy) -> None:
    # Every row is on line 101. The YoY % recomputes for Hosting (6,000 -> 6,600) and confirms
    # its 6,000; the short "Total cost" row, placed by position, also prints 6,000 in that
    # column: the same text on the same line, but not the row the change recomputes from.
    yoy = col("change_percent", period=None, currency=None, scale=1, header="YoY %")
    rows = [*hosting_support_total(101, ("6,000", "6,600", "10.0"), ("4,000", "4,400", "10.0"),
                                   ("10,000", "11,000", "10.0")),
            guessed(row("Total cost", 104, "6,000", "", ""))]
    proof = proof_of(laid_out(services(*[_on_one_line(r) for r in rows],
                                       columns=[col(period=H1_2009), col(), yoy]),
                              layout="runon"), taxonomy)
    cost = held(proof)[("CostOfRevenues", str(H1_2009), "JPY")]
    assert "placed by position" in cost.reason


def test_a_sum_whose_other_figures_are_placed_settles_a_figure_on_a_row_with_a_blank_slot(
        taxonomy: Taxonomy) -> None:
    # Products prints only the current figure; Services and Total revenues print every cell.
    # Revenues = Services + Products holds in the current column: had 500 belonged to the prior
    # column, the current total would have to equal Services alone. The figure is settled.
    rows = [*hosting_support_total(101, ("6,000", "6,100"), ("4,000", "3,900"),
                                   ("10,000", "10,000")),
            guessed(row("Products", 104, "", "500")),
            row("Total revenues", 105, "10,000", "10,500")]
    proof = proof_of(laid_out(services(*rows, columns=[col(period=H1_2009), col()])), taxonomy)
    assert filed(proof)[("ProductsRevenue", H1, "JPY")] == Decimal(500_000)
    products = next(f for f in proof.facts if f.concept == "ProductsRevenue")
    assert "own: arithmetic anchored" in products.source.proven_by


def test_a_sum_with_two_figures_placed_by_position_settles_neither(taxonomy: Taxonomy) -> None:
    # Products and the total both print only the current figure: a row pair shifted the same
    # way would add up too (with equal services in both columns), so both wait.
    rows = [*hosting_support_total(101, ("6,000", "6,000"), ("4,000", "4,000"),
                                   ("10,000", "10,000")),
            guessed(row("Products", 104, "", "500")),
            guessed(row("Total revenues", 105, "", "10,500"))]
    proof = proof_of(laid_out(services(*rows, columns=[col(period=H1_2009), col()])), taxonomy)
    assert held(proof)[("ProductsRevenue", H1, "JPY")].check == "figure"
    assert held(proof)[("Revenues", H1, "JPY")].check == "figure"


def _jpy_and_usd(cost_usd: str) -> Table:
    """Two proven columns (their sums hold, their headers state them) and a cost row."""
    usd = col("translation", currency="USD")
    rows = [*hosting_support_total(101, ("6,000", "72"), ("4,000", "48"), ("10,000", "120")),
            row("Total cost", 104, "7,000", cost_usd)]
    return services(*rows, columns=[col(), usd])


def test_a_translation_pair_far_off_doubts_both_figures(taxonomy: Taxonomy) -> None:
    # 7,000,000 / 83.53 = 83,802: USD thousands 84, not 840.
    proof = proof_of(laid_out(_jpy_and_usd("840")), taxonomy)
    doubted = held(proof)
    assert set(doubted) == {("CostOfRevenues", H1, "JPY"), ("CostOfRevenues", H1, "USD")}
    assert all(h.check == "figure" and "at the stated rate" in h.reason
               for h in doubted.values())
    assert ("ServicesRevenue", H1, "USD") in filed(proof)


def test_a_translation_pair_more_than_two_units_apart_is_doubted_however_large(
        taxonomy: Taxonomy) -> None:
    # 700,000 / 83.53 = 8,380.2: a scan's "8,384" is four units off, 0.05% — no rounding and
    # no footing adjustment (a unit or two) explains it (a 1% floor let it through)
    usd = col("translation", currency="USD")
    rows = [*hosting_support_total(101, ("6,000", "72"), ("4,000", "48"), ("10,000", "120")),
            row("Total cost", 104, "700,000", "8,384")]
    proof = proof_of(laid_out(services(*rows, columns=[col(), usd])), taxonomy)
    assert set(held(proof)) == {("CostOfRevenues", H1, "JPY"), ("CostOfRevenues", H1, "USD")}
    assert filed(proof)[("ServicesRevenue", H1, "USD")] == Decimal(120_000)


def test_a_broken_sum_holds_a_figure_its_translation_pins_too_loosely(
        taxonomy: Taxonomy) -> None:
    # A scan's "4,030" for 4,000: 4,030 / 83.53 = 48.2, still the printed 48 (a dollar unit is
    # 83 yen units), so the translation cannot clear it, nor the other yen figures, of the
    # break of 30; the dollar sum holds to the unit and files its figures.
    usd = col("translation", currency="USD")
    rows = hosting_support_total(101, ("6,000", "72"), ("4,030", "48"), ("10,000", "120"))
    proof = proof_of(laid_out(services(*rows, columns=[col(), usd])), taxonomy)
    assert {k for k in held(proof) if k[2] == "JPY"} == {
        (concept, H1, "JPY") for concept in ("HostingRevenue", "SupportRevenue", "ServicesRevenue")}
    assert filed(proof)[("SupportRevenue", H1, "USD")] == Decimal(48_000)


def test_a_translation_pair_apart_only_in_sign_doubts_neither_figure(
        taxonomy: Taxonomy) -> None:
    proof = proof_of(laid_out(_jpy_and_usd("(84)")), taxonomy)
    assert not proof.held
    assert filed(proof)[("CostOfRevenues", H1, "JPY")] == Decimal(7_000_000)


# --- periods, ratios, roll forwards -----------------------------------------------------------

def test_four_quarters_adding_up_to_the_year_confirm_all_five_columns(
        taxonomy: Taxonomy) -> None:
    quarters = [unstated(q, header=h) for q, h in ((Q1, "1Q"), (Q2, "2Q"), (Q3, "3Q"), (Q4, "4Q"))]
    proof = proof_of(full_year(laid_out(services(
        row("Hosting", 101, "1,000", "1,100", "1,200", "1,300", "4,600"),
        columns=[*quarters, unstated(FY2010, header="FY")]))), taxonomy)
    assert len(proof.facts) == 5 and not proof.held
    assert {f.source.proven_by for f in proof.facts} == {("periods", "own: periods")}


def test_quarters_that_do_not_add_up_to_the_year_prove_nothing(taxonomy: Taxonomy) -> None:
    quarters = [unstated(q, header=h) for q, h in ((Q1, "1Q"), (Q2, "2Q"), (Q3, "3Q"), (Q4, "4Q"))]
    proof = proof_of(laid_out(services(
        row("Hosting", 101, "1,000", "1,100", "1,200", "1,300", "4,700"),
        columns=[*quarters, unstated(FY2010, header="FY")])), taxonomy)
    assert not proof.facts and len(proof.held) == 5


def _per_share(eps: str) -> Table:
    return table("Consolidated statements of income", 10, [col()], [
        row("Net income attributable to IIJ", 11, "1,000"),
        row("NET INCOME PER SHARE", 12),
        row("Basic weighted-average number of shares", 13, "200,000"),
        row("Basic net income per share", 14, eps),
    ], kind="income")


def test_eps_equal_to_net_income_over_shares_confirms_the_per_share_and_share_figures(
        real: Taxonomy) -> None:
    # 1,000 thousand yen / 200,000 shares = JPY 5.00 per share.
    proof = proof_of(laid_out(_per_share("5.00"), company="iij"), real)
    assert filed(proof) == {
        ("NetIncomeAttributableToParent", H1, "JPY"): Decimal(1_000_000),
        ("WeightedAverageSharesBasic", H1, "shares"): Decimal(200_000),
        ("EarningsPerShareBasic", H1, "JPYPerShares"): Decimal("5.00"),
    }
    assert all("own: ratio" in f.source.proven_by for f in proof.facts)


def test_eps_equal_to_the_dollar_net_income_over_shares_does_not_confirm_a_yen_eps(
        real: Taxonomy) -> None:
    # The dollar net income (12 thousand) over 200,000 shares is $0.06: a yen per-share cell
    # holding 0.06 is the dollar figure read under the yen header (a blank cell placed by
    # position), not a per-share figure the ratio proves.
    usd = col("translation", currency="USD")
    proof = proof_of(laid_out(table("Consolidated statements of income", 10, [col(), usd], [
        row("Net income attributable to IIJ", 11, "1,000", "12"),
        row("NET INCOME PER SHARE", 12),
        row("Basic weighted-average number of shares", 13, "200,000", ""),
        row("Basic net income per share", 14, "0.06", ""),
    ], kind="income"), company="iij"), real)
    assert ("EarningsPerShareBasic", H1, "JPYPerShares") not in filed(proof)
    assert ("EarningsPerShareBasic", H1, "JPYPerShares") in held(proof)


def test_eps_not_equal_to_net_income_over_shares_proves_nothing(real: Taxonomy) -> None:
    proof = proof_of(laid_out(_per_share("50.00"), company="iij"), real)
    assert not proof.facts and {h.check for h in proof.held} == {UNPROVEN}


def _cash(change: str, opening: str, closing: str) -> Table:
    return table("Consolidated statements of cash flows", 10, [col()], [
        row("Net increase in cash and cash equivalents", 11, change),
        row("Cash and cash equivalents, beginning of the period", 12, opening),
        row("Cash and cash equivalents, end of the period", 13, closing),
    ], kind="cash_flows")


def test_opening_plus_changes_equal_to_closing_confirms_all_three(real: Taxonomy) -> None:
    proof = proof_of(laid_out(_cash("200", "1,000", "1,200"), company="iij"), real)
    assert len(proof.facts) == 3 and not proof.held
    assert all("own: roll forward" in f.source.proven_by for f in proof.facts)


def test_a_roll_forward_holding_only_with_a_change_reversed_holds_that_change_back(
        real: Taxonomy) -> None:
    proof = proof_of(laid_out(_cash("200", "1,200", "1,000"), company="iij"), real)
    [change] = proof.held
    assert change.concept == "NetIncreaseDecreaseInCashAndCashEquivalents"
    assert change.check == "figure" and "reversed in sign" in change.reason
    assert {f.concept for f in proof.facts} == {"CashAndCashEquivalents"}


def _equity(*changes: Row) -> Table:
    """An equity statement's total column: balances, changes and comprehensive income."""
    columns = [col(), col(period=H1_2009)]
    return table("Consolidated statements of shareholders' equity", 10, columns, [
        row("Balance, beginning of period", 11, "1,000", "900"),
        *changes,
        row("Dividends paid", 17, "(50)", "(40)"),
        row("Balance, end of period", 18, "1,100", "960"),
    ], kind="equity")


def test_a_dash_among_the_changes_of_a_roll_forward_that_holds_is_a_change_of_nil(
        real: Taxonomy) -> None:
    proof = proof_of(laid_out(_equity(
        guessed(row("Subsidiary stock issuance", 12, "-")),
        row("Net income", 13, "140", "90"),
        row("Other comprehensive income, net of tax", 14, "10", "10"),
        row("Total comprehensive income", 15, "150", "100"),
    ), company="iij"), real)
    dash = next(f for f in proof.facts if f.concept == "EquityEffectOfSubsidiaryStockIssuance")
    assert dash.value is None and "own: roll forward" in dash.source.proven_by


def test_an_evidence_sum_settles_a_figure_the_roll_forward_does_not_cover(
        real: Taxonomy) -> None:
    # 000's equity statement: other comprehensive income on a row with blank cells; net income
    # and comprehensive income tie to the balances (roll forward), so the sum the taxonomy
    # declares as evidence only (net income + OCI = comprehensive income) settles it.
    proof = proof_of(laid_out(_equity(
        row("Net income", 13, "140", "90"),
        guessed(row("Other comprehensive income, net of tax", 14, "10")),
        row("Total comprehensive income", 15, "150", "100"),
    ), company="iij"), real)
    oci = next(f for f in proof.facts if f.concept == "OtherComprehensiveIncome")
    assert oci.value == Decimal(10_000) and "own: arithmetic anchored" in oci.source.proven_by


# --- delimited layouts ------------------------------------------------------------------------

@pytest.mark.parametrize("layout", ["tabbed", "newswire"])
def test_in_a_delimited_layout_a_row_with_every_slot_printed_proves_its_rows(
        taxonomy: Taxonomy, layout: str) -> None:
    proof = proof_of(laid_out(services(row("Hosting", 101, "6,000")), layout=layout), taxonomy)
    assert filed(proof) == {("HostingRevenue", H1, "JPY"): Decimal(6_000_000)}
    assert proof.facts[0].source.proven_by == ("delimited", "stated")


def test_in_the_aligned_layout_a_full_row_proves_nothing(taxonomy: Taxonomy) -> None:
    proof = proof_of(laid_out(services(row("Hosting", 101, "6,000")), layout="aligned"), taxonomy)
    assert not proof.facts and proof.held[0].check == UNPROVEN


def test_in_a_delimited_layout_a_row_placed_by_plausibility_proves_nothing(
        taxonomy: Taxonomy) -> None:
    guessed = row("Hosting", 101, "6,000").model_copy(update={"guessed": True})
    proof = proof_of(laid_out(services(guessed), layout="tabbed"), taxonomy)
    assert not proof.facts and proof.held[0].check == UNPROVEN


# --- what a held-back figure carries ----------------------------------------------------------

def test_a_held_back_figure_carries_document_line_text_assignment_and_check(
        taxonomy: Taxonomy) -> None:
    results = extract_document(laid_out(services(row("Hosting", 101, "6,000"))),
                               taxonomy).results
    assert not results.facts
    [hosting] = results.review
    assert (hosting.document, hosting.line, hosting.text) == ("doc.txt", 101, "6,000")
    assert hosting.concept == "HostingRevenue" and hosting.value == Decimal(6_000_000)
    assert hosting.column == col().header
    assert hosting.assignment == f"value, {H1}, JPY, x 1,000"
    assert hosting.table == "Statements of income (line 100)"
    assert hosting.check == UNPROVEN and hosting.reason


# --- regressions found in review ----------------------------------------------------------------

def test_a_row_the_reader_trimmed_to_the_table_width_is_held_in_a_proven_column(
        taxonomy: Taxonomy) -> None:
    # A row printing more figures than the table has columns is trimmed to the table's width by
    # the reader and marked guessed: every slot is filled, yet which figure is whose is a guess.
    trimmed = row("Total cost", 104, "6,900", "7,000").model_copy(update={"guessed": True})
    rows = [*hosting_support_total(101, ("6,000", "6,100"), ("4,000", "3,900"),
                                   ("10,000", "10,000")), trimmed]
    proof = proof_of(laid_out(services(*rows, columns=[col(period=H1_2009), col()])), taxonomy)
    assert column(proof, col().header).proven
    assert held(proof)[("CostOfRevenues", H1, "JPY")].check == "figure"


def test_eps_off_by_more_than_the_rounding_of_its_terms_proves_nothing(real: Taxonomy) -> None:
    # 45,000 million yen / 45,000,000 shares = JPY 1,000.00 (± 0.02 for the terms' rounding).
    doc = laid_out(table("Consolidated statements of income", 10, [col(scale=10**6)], [
        row("Net income attributable to IIJ", 11, "45,000"),
        row("NET INCOME PER SHARE", 12),
        row("Basic weighted-average number of shares", 13, "45,000,000"),
        row("Basic net income per share", 14, "1,010.00"),
    ], kind="income"), company="iij")
    proof = proof_of(doc, real)
    assert not proof.facts


def test_a_refuted_column_lends_no_evidence_to_period_sums(taxonomy: Taxonomy) -> None:
    quarters = [unstated(q, header=h) for q, h in ((Q1, "1Q"), (Q2, "2Q"), (Q3, "3Q"), (Q4, "4Q"))]
    by_quarter = services(row("Hosting", 101, "1,000", "1,100", "1,200", "1,300"),
                          columns=quarters)
    year = table("Annual", 200, [unstated(FY2010, header="FY")], [
        row("Hosting", 201, "4,600"), row("Support", 202, "300", "400")])  # a row too wide
    proof = proof_of(full_year(laid_out(by_quarter, year)), taxonomy)
    assert refuted_by(proof, "FY", table_index=1) == {"structure"}
    assert not proof.facts


def test_a_header_naming_another_currency_than_the_column_was_read_in_is_refuted(
        taxonomy: Taxonomy) -> None:
    dollars = col(header=f"{H1} Thousands of U.S. dollars")  # read as JPY
    proof = proof_of(laid_out(services(*hosting_support_total(), columns=[dollars])), taxonomy)
    assert refuted_by(proof, dollars.header) == {"stated"}
    assert not proof.facts


def test_in_a_one_row_per_period_table_a_figure_placed_by_position_is_held(
        taxonomy: Taxonomy) -> None:
    # The row is proven (its label states the period, Services + Products = Revenues), but it
    # prints four figures for five items: 715 may be the costs' figure as well as net income's.
    header = ("Total Revenues Services Products Total Costs "
              "Net income attributable to ACME (JPY millions)")
    doc = laid_out(table("(1) Results", 743, [item_col(header) for _ in range(5)], [
        guessed(period_row("Six months ended September 30, 2009", 745, H1_2009,
                           "9,000", "5,000", "4,000", "", "715")),
    ], kind="summary"))
    proof = proof_of(doc, taxonomy)
    assert held(proof)[("NetIncomeAttributableToParent", str(H1_2009), "JPY")].check == "figure"
    assert filed(proof)[("Revenues", str(H1_2009), "JPY")] == Decimal(9_000_000_000)


def _dividends(actual: tuple[str, ...], forecast: tuple[str, ...]) -> Document:
    """A TSE dividend table: the year's paid quarters on one row, the rest and its total on
    the forecast row below (OCR: figures placed by position)."""
    header = "1Q-end 2Q-end 3Q-end Year-end Total (JPY)"
    columns = [item_col(header, scale=1) for _ in range(5)]
    return laid_out(table("2. Dividends Dividend per Shares", 1212, columns, [
        period_row("Fiscal year ending March 31, 2011", 1217, FY2010, *actual, "", "", ""),
        period_row("Fiscal year ending March 31, 2011 (Target)", 1219, FY2010,
                   "", "", *forecast, forecast=True),
    ], kind="dividends"), layout="ocr", company="iij")


def test_in_a_guessed_period_row_a_sum_pins_its_total_not_where_its_parts_sit(
        real: Taxonomy) -> None:
    """A reviewer's draw (rvE2, 002 mixed): "nil 1,000.00 nil 1,250.00 2,250.00" with "nil"
    unread, four cells for five columns placed by position; 1,000 + 1,250 = 2,250 holds in
    any two quarters, so the year's total is pinned and the quarters are not (they were
    filed as the first and third quarters' dividends)."""
    header = "1Q-end 2Q-end 3Q-end Year-end Total (JPY)"
    doc = laid_out(table("2. Dividends Dividend per Shares", 1212,
                         [item_col(header, scale=1) for _ in range(5)], [
        guessed(period_row("Fiscal year ended March 31, 2011", 1217, FY2010,
                           "1,000.00", "", "1,250.00", "", "2,250.00")),
    ], kind="dividends"), layout="ocr", company="iij")
    proof = proof_of(full_year(doc), real)
    assert filed(proof)[("DividendPerShareAnnual", str(FY2010), "JPYPerShares")] == \
        Decimal("2250.00")
    assert {c for c, _, _ in filed(proof)} == {"DividendPerShareAnnual"}
    assert ("DividendPerShareFirstQuarterEnd", str(FY2010), "JPYPerShares") in held(proof)


def test_a_forecast_total_equal_to_the_parts_of_its_actual_and_forecast_rows_proves_both(
        real: Taxonomy) -> None:
    # - + 1,250.00 paid, - + 1,250.00 forecast = 2,500.00 for the year.
    proof = proof_of(_dividends(("-", "1,250.00"), ("-", "1,250.00", "2,500.00")), real)
    total = next(f for f in proof.facts if f.concept == "DividendPerShareAnnual")
    assert total.value == Decimal("2500.00")
    assert "own: completion" in total.source.proven_by


def test_a_years_rows_filling_exactly_the_record_dates_the_calendar_leaves_them_are_filed(
        real: Taxonomy) -> None:
    # As of September 30, 2010 only 1Q-end and 2Q-end have passed: the actual row's two cells
    # can only be those, the forecast row's three only 3Q-end, year-end and the total.
    proof = proof_of(_dividends(("-", "1,250.00"), ("-", "1,250.00", "2,500.00")), real)
    assert not proof.held
    parts = {f.concept: f for f in proof.facts if f.concept != "DividendPerShareAnnual"}
    assert {c: f.value for c, f in parts.items()} == {
        "DividendPerShareFirstQuarterEnd": None,
        "DividendPerShareSecondQuarterEnd": Decimal("1250.00"),
        "DividendPerShareThirdQuarterEnd": None,
        "DividendPerShareYearEnd": Decimal("1250.00")}
    assert all("own: record dates" in f.source.proven_by for f in parts.values())


def test_a_forecast_total_the_two_rows_do_not_add_up_to_proves_neither(real: Taxonomy) -> None:
    proof = proof_of(_dividends(("-", "1,250.00"), ("-", "1,250.00", "2,750.00")), real)
    assert not proof.facts
    assert {h.check for h in proof.held} == {UNPROVEN}


def _targets(eps: str) -> Document:
    """A TSE target row (net income and EPS for the year) beside the half year's statement,
    which prints the weighted-average share count the company divides the target by."""
    header = ("Net Income attributable to IIJ (JPY millions) "
              "Basic Net Income attributable to IIJ per Share (JPY)")
    targets = table("3. Target of Consolidated Financial Results", 1222,
                    [item_col(header), item_col(header, scale=1)], [
                        period_row("Fiscal year ending March 31, 2011", 1233, FY2010,
                                   "3,000", eps, forecast=True)], kind="targets")
    return laid_out(_per_share("5.00"), targets, layout="ocr", company="iij")


def test_a_target_eps_equal_to_the_target_over_the_latest_share_count_proves_the_target_row(
        real: Taxonomy) -> None:
    # 3,000 million yen / 200,000 shares (the half year's average) = JPY 15,000.00 per share.
    proof = proof_of(_targets("15,000.00"), real)
    targets = {f.concept: f for f in proof.facts if f.dimensions}
    assert targets["EarningsPerShareBasic"].value == Decimal("15000.00")
    assert targets["NetIncomeAttributableToParent"].value == Decimal(3_000_000_000)
    assert "ratio" in targets["EarningsPerShareBasic"].source.proven_by


def test_a_target_eps_off_the_latest_share_count_holds_the_target_row_back(
        real: Taxonomy) -> None:
    proof = proof_of(_targets("14,000.00"), real)
    assert not [f for f in proof.facts if f.dimensions]
    assert {h.concept for h in proof.held if h.dimensions} == {
        "NetIncomeAttributableToParent", "EarningsPerShareBasic"}


def _comparative(printed_elsewhere: bool) -> Document:
    """A YoY summary's comparative row whose label a scan garbled: its period is implied (the
    first row's a year earlier), not stated; the statement may print the same figures."""
    header = "Total services Hosting Support (Thousands of JPY)"
    implied = period_row("Three months ended September 30, 2010", 745, H1_2010,
                         "10,000", "6,000", "4,000").model_copy(
        update={"period_implied": "the YoY comparative of the row above"})
    summary = table("(1) Results", 743, [item_col(header, scale=1000) for _ in range(3)],
                    [implied], kind="summary")
    tables = [summary]
    if printed_elsewhere:
        tables.insert(0, services(*hosting_support_total()))
    return laid_out(*tables)


def test_a_row_whose_period_is_implied_is_held_without_other_printings(
        taxonomy: Taxonomy) -> None:
    proof = proof_of(_comparative(printed_elsewhere=False), taxonomy)
    assert not proof.facts
    assert all("the YoY comparative" in h.assignment for h in proof.held)


def test_a_row_whose_period_is_implied_is_filed_when_its_other_printings_agree(
        taxonomy: Taxonomy) -> None:
    proof = proof_of(_comparative(printed_elsewhere=True), taxonomy)
    rows = [f for f in proof.facts if f.source.line == 745]
    assert len(rows) == 3 and not proof.held
    assert all("printed twice" in f.source.proven_by for f in rows)


def test_figures_in_the_label_of_a_guessed_row_are_placed_by_their_words(real: Taxonomy) -> None:
    """The reader could only guess which columns the row's own figures fill; the figures in its
    label were never in a column: their words name and date them, so the guess is no doubt
    of theirs (the row's own figures stay held back)."""
    label = ("Accounts receivable, net of allowance for doubtful accounts of JPY 37,178 thousand "
             "and JPY 56,787 thousand at March 31, 2010 and September 30, 2010, respectively")
    sheet = table("Consolidated balance sheets", 10,
                  [col(period=MAR_2010), col(period=SEP_2010)],
                  [row("ASSETS", 11), row("Current assets:", 12),
                   guessed(row(label, 13, "1,000", "2,000"))], kind="balance")
    proof = proof_of(laid_out(sheet, company="iij"), real)
    assert filed(proof)[("AllowanceForDoubtfulAccountsReceivable", str(MAR_2010), "JPY")] == \
        Decimal(37_178_000)
    assert filed(proof)[("AllowanceForDoubtfulAccountsReceivable", str(SEP_2010), "JPY")] == \
        Decimal(56_787_000)
    assert ("AccountsReceivable", str(SEP_2010), "JPY") not in filed(proof)


def _misdated_statement() -> Table:
    """An income statement headed H1 2010 whose figures are another period's: its sums hold."""
    return table("Statements of income", 100, [col(period=H1_2010)], [
        row("Hosting", 101, "5,000"), row("Support", 102, "3,000"),
        row("Total services", 103, "8,000"), row("Widgets", 104, "500"),
        row("Products", 105, "500"), row("Total revenues", 106, "8,500")], kind="income")


@pytest.mark.parametrize("summary_first", [True, False])
def test_two_columns_that_contradict_each_other_are_both_held_whichever_comes_first(
        taxonomy: Taxonomy, summary_first: bool) -> None:
    # The summary states H1 2010 and prints revenues of 9,000; the statement's sums hold but
    # its 8,500 contradicts it: neither is filed (found by a fresh-eyes review: the column
    # judged first used to be refuted and the other filed).
    summary = table("Summary", 10, [col(period=H1_2010)], [row("Total revenues", 11, "9,000")],
                    kind="summary")
    tables = (summary, _misdated_statement()) if summary_first else (_misdated_statement(),
                                                                     summary)
    proof = proof_of(laid_out(*tables), taxonomy)
    assert not [f for f in proof.facts if f.concept == "Revenues"]
    assert {h.line for h in proof.held if h.concept == "Revenues"} == {11, 106}


def test_an_actual_row_printing_fewer_cells_than_its_past_record_dates_is_held(
        real: Taxonomy) -> None:
    # The scan lost the 1Q-end dash: 1,250.00 was placed under 1Q-end, but one cell for two
    # past record dates could be either.
    proof = proof_of(_dividends(("1,250.00",), ("-", "1,250.00", "2,500.00")), real)
    assert "DividendPerShareFirstQuarterEnd" not in {f.concept for f in proof.facts}
    assert ("DividendPerShareFirstQuarterEnd", str(FY2010), "JPYPerShares") in held(proof)


def test_a_forecast_row_with_a_figure_under_a_past_record_date_is_not_placed_by_the_calendar(
        real: Taxonomy) -> None:
    # A forecast row read as 2Q-end, 3Q-end, year-end: 2Q-end has passed, so this is not the
    # placement the calendar leaves it (its cells were pushed one column left).
    header = "1Q-end 2Q-end 3Q-end Year-end Total (JPY)"
    columns = [item_col(header, scale=1) for _ in range(5)]
    doc = laid_out(table("2. Dividends Dividend per Shares", 1212, columns, [
        period_row("Fiscal year ending March 31, 2011", 1217, FY2010, "-", "", "", "", ""),
        period_row("Fiscal year ending March 31, 2011 (Target)", 1219, FY2010,
                   "", "1,250.00", "-", "1,250.00", "", forecast=True),
    ], kind="dividends"), layout="ocr", company="iij")
    proof = proof_of(doc, real)
    assert not {f.concept for f in proof.facts} & {
        "DividendPerShareSecondQuarterEnd", "DividendPerShareThirdQuarterEnd",
        "DividendPerShareYearEnd"}


CURRENT = ("47,207", "37.7", "2,448", "103.8", "2,291", "127.7", "1,361", "58.4")
PRIOR = ("34,272", "6.2", "1,201", "3.0", "1,006", "(1.9)", "859", "20.1")


def _results_form(current: tuple[str, ...], prior: tuple[str, ...],
                  current_period: Duration = H1_2010, prior_period: Duration = H1_2009) -> Document:
    """A TSE results form: a row per period, each amount followed by its YoY %, in OCR."""
    header = ("Total Revenues Operating Income Income before Income Tax Expense "
              "Net Income attributable to IIJ (JPY millions, % shown is YoY change)")
    columns = [item_col(header, role) for _ in range(4) for role in ("value", "change_percent")]
    return laid_out(table("(1) Consolidated Results of Operations", 1170, columns, [
        period_row("Six months ended September 30, 2010", 1181, current_period, *current),
        period_row("Six months ended September 30, 2009", 1184, prior_period, *prior),
    ], kind="summary"), layout="ocr", company="iij")


def test_rows_a_year_apart_whose_items_yoy_recompute_are_filed(real: Taxonomy) -> None:
    # 47,207 over 34,272: +37.7%; 2,448 over 1,201: +103.8%; 2,291 over 1,006: +127.7%;
    # 1,361 over 859: +58.4% (the 000 release's TSE form, line 1181)
    proof = proof_of(_results_form(CURRENT, PRIOR), real)
    assert filed(proof)[("Revenues", str(H1_2010), "JPY")] == Decimal(47_207_000_000)
    assert filed(proof)[("NetIncomeAttributableToParent", str(H1_2009), "JPY")] == Decimal(
        859_000_000)
    assert not proof.held


def test_an_item_whose_yoy_does_not_recompute_is_held_on_both_rows(real: Taxonomy) -> None:
    # 2,488 over 1,201 is +107.2%, not the printed 103.8%: one of the three cells is misread.
    proof = proof_of(_results_form(
        ("47,207", "37.7", "2,488", "103.8", "2,291", "127.7", "1,361", "58.4"), PRIOR), real)
    assert {(h.concept, h.line) for h in proof.held} == {
        ("OperatingIncome", 1181), ("OperatingIncome", 1184)}
    assert "does not recompute" in held(proof)[("OperatingIncome", str(H1_2010), "JPY")].reason
    assert filed(proof)[("Revenues", str(H1_2010), "JPY")] == Decimal(47_207_000_000)


def test_rows_whose_yoy_recomputes_only_with_their_periods_swapped_prove_nothing(
        real: Taxonomy) -> None:
    # The % are the 2010 row's over the 2009 row's, but the labels say the other way round.
    proof = proof_of(_results_form(PRIOR, CURRENT), real)
    assert not proof.facts


def test_a_row_whose_figure_contradicts_its_other_printing_holds_its_unconfirmed_row_mates(
        taxonomy: Taxonomy) -> None:
    # The statement (line 10) prints Hosting 6,000; the highlights read a row as Hosting that
    # prints 7,000: that row may be another line, so its target beside it is not filed either.
    highlights = table("Highlights", 20, [col(header="Actual (Thousands of JPY)"),
                                          col(forecast=True, header="Target (Thousands of JPY)")],
                       [row("Hosting", 21, "7,000", "5,500"), row("Support", 22, "4,000", "3,800"),
                        row("Total services", 23, "10,000", "9,000")], kind="income")
    proof = proof_of(laid_out(_statement(col(), 10), highlights, layout="tabbed"), taxonomy)
    target = [h for h in proof.held if h.line == 21 and h.column.startswith("Target")]
    assert [h.value for h in target] == [Decimal(5_500_000)]
    assert "may not be that line" in target[0].reason
    assert not [h for h in proof.held if h.line == 22 and h.column.startswith("Actual")]
    # the targets' printed total (9,000) is not their parts' (5,500 + 3,800): one of the
    # three is wrong and none is confirmed on its own, so all are held (the sum's word)
    support = [h for h in proof.held if h.line == 22]
    assert len(support) == 1 and "breaks" in support[0].reason


FY2009 = Duration(start=dt.date(2009, 4, 1), end=dt.date(2010, 3, 31))
FY2011 = Duration(start=dt.date(2011, 4, 1), end=dt.date(2012, 3, 31))


def test_a_forecast_row_read_as_a_result_is_not_proven_by_its_yoy(real: Taxonomy) -> None:
    # A first-half release's projections table, its target row labelled without "forecast"
    # ("Fiscal year ending March 31, 2011", under "Projected Results of Operations") above the
    # year before it for reference: the target's YoY % recompute from that row, but a release
    # to September 30, 2010 cannot print results of the year to March 2011 (found by a
    # fresh-eyes review: filed as the year's results).
    form = _results_form(("80,000", "17.6", "4,000", "33.3", "3,700", "32.1", "2,000", "33.3"),
                         ("68,000", "6.2", "3,000", "3.0", "2,800", "(1.9)", "1,500", "20.1"),
                         FY2010, FY2009)
    proof = proof_of(form, real)
    assert not [f for f in proof.facts if f.period == FY2010]
    assert held(proof)[("Revenues", str(FY2010), "JPY")].check == "calendar"


def test_next_years_dividends_read_as_results_in_a_full_year_release_are_held(
        real: Taxonomy) -> None:
    # "Fiscal year ending March 31, 2012 (Projected)": the label's word is not read as a
    # forecast, and the row adds up like the year before it.
    header = "1Q-end 2Q-end 3Q-end Year-end Total (JPY)"
    doc = full_year(laid_out(table("2. Dividends", 1212, [item_col(header, scale=1)] * 5, [
        period_row("Fiscal year ended March 31, 2011", 1217, FY2010,
                   "-", "1,250.00", "-", "1,500.00", "2,750.00"),
        period_row("Fiscal year ending March 31, 2012 (Projected)", 1219, FY2011,
                   "-", "1,500.00", "-", "1,500.00", "3,000.00"),
    ], kind="dividends"), layout="ocr", company="iij"))
    proof = proof_of(doc, real)
    assert filed(proof)[("DividendPerShareAnnual", str(FY2010), "JPYPerShares")] == Decimal(
        "2750.00")
    assert not [f for f in proof.facts if f.period == FY2011]


def test_a_years_dividend_is_a_result_only_for_the_record_dates_already_past(
        real: Taxonomy) -> None:
    # After the first half, a row of the year read as results that prints 3Q-end (its forecast
    # row, its label not read as one) cannot be results.
    header = "1Q-end 2Q-end 3Q-end Year-end Total (JPY)"
    doc = laid_out(table("2. Dividends", 1212, [item_col(header, scale=1)] * 5, [
        period_row("Fiscal year ending March 31, 2011 (Projected)", 1219, FY2010,
                   "-", "1,250.00", "-", "1,250.00", "2,500.00"),
    ], kind="dividends"), layout="ocr", company="iij")
    proof = proof_of(doc, real)
    assert not proof.facts
    assert {h.check for h in proof.held} == {"calendar"}


def test_a_dividend_part_misread_by_one_yen_does_not_complete_the_year(real: Taxonomy) -> None:
    # Whole yen: "26" for 25 (a scan's 5 read as 6) still adds up to 50 within half a yen per
    # printed figure, and the record dates place it: filed as the 2Q-end dividend (found by a
    # fresh-eyes review). A dividend is declared to the yen, not rounded: its sums hold exactly.
    proof = proof_of(_dividends(("-", "26"), ("-", "25", "50")), real)
    assert not [f for f in proof.facts if f.value == Decimal(26)]
    assert filed(proof) == {}
    exact = proof_of(_dividends(("-", "25"), ("-", "25", "50")), real)
    assert filed(exact)[("DividendPerShareSecondQuarterEnd", str(FY2010), "JPYPerShares")] == 25


def test_a_full_dividend_row_adds_up_exactly(real: Taxonomy) -> None:
    header = "1Q-end 2Q-end 3Q-end Year-end Total (JPY)"
    doc = laid_out(table("2. Dividends", 1212, [item_col(header, scale=1)] * 5, [
        period_row("Fiscal year ended March 31, 2010", 1215, FY2009, "-", "25", "-", "26", "50"),
    ], kind="dividends"), layout="ocr", company="iij")
    assert not proof_of(doc, real).facts

"""A table's cells become facts with value, decimals, unit, period and dimensions, or records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.extract.map_rows import map_document
from generator.model.period import Instant
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy
from tests.extract.builders import FY2010, H1_2009, H1_2010, SEP_2010, col, document, row, table


def facts_of(taxonomy: Taxonomy, *tables_: object) -> list[ResultFact]:
    return map_document(document(*tables_), taxonomy).facts  # type: ignore[arg-type]


def one(facts: list[ResultFact], concept: str, unit: str = "JPY") -> ResultFact:
    (fact,) = [f for f in facts if f.concept == concept and f.unit == unit]
    return fact


def test_thousands_are_scaled_with_decimals_minus_3(taxonomy: Taxonomy) -> None:
    fact = one(facts_of(taxonomy, table("IS", 1, [col()], [row("Hosting", 5, "6,940,955")])),
               "HostingRevenue")
    assert fact.value == Decimal("6940955000") and fact.decimals == -3
    assert fact.period == H1_2010 and fact.source.line == 5 and fact.source.text == "6,940,955"


def test_millions_give_decimals_minus_6(taxonomy: Taxonomy) -> None:
    fact = one(facts_of(taxonomy, table("S", 1, [col(scale=10**6)],
                                        [row("Hosting", 2, "34,272")])), "HostingRevenue")
    assert fact.value == Decimal("34272000000") and fact.decimals == -6


def test_billions_with_one_decimal_give_minus_8(taxonomy: Taxonomy) -> None:
    fact = one(facts_of(taxonomy, table("S", 1, [col(scale=10**9)],
                                        [row("Hosting", 2, "70.8")])), "HostingRevenue")
    assert fact.value == Decimal("70800000000") and fact.decimals == -8
    assert str(fact.value) == "70800000000"  # no trailing ".0" in the instance


def test_per_share_is_not_scaled(taxonomy: Taxonomy) -> None:
    fact = one(facts_of(taxonomy, table("IS", 1, [col()], [
        row("BASIC NET INCOME PER SHARE (JPY / U.S. Dollars / JPY)", 3, "4,241.14")])),
        "EarningsPerShareBasic", "JPYPerShares")
    assert fact.value == Decimal("4241.14") and fact.decimals == 2


def test_shares_are_counted_not_scaled(taxonomy: Taxonomy) -> None:
    fact = one(facts_of(taxonomy, table("IS", 1, [col()], [
        row("BASIC WEIGHTED-AVERAGE NUMBER OF SHARES (shares)", 3, "202,605")])),
        "WeightedAverageShares", "shares")
    assert fact.value == Decimal(202605) and fact.decimals == 0


def test_percent_becomes_a_ratio(taxonomy: Taxonomy) -> None:
    fact = one(facts_of(taxonomy, table("S", 1, [col(period=SEP_2010, scale=1)], [
        row("Shareholders' Equity ratio", 3, "42.1")])), "EquityRatio", "pure")
    assert fact.value == Decimal("0.421") and fact.decimals == 3


def test_counts_and_bandwidth_units(taxonomy: Taxonomy) -> None:
    facts = facts_of(taxonomy, table("S", 1, [col(period=SEP_2010, scale=1)], [
        row("Number of subscribers", 3, "69,145"), row("Total contracted bandwidth", 4, "702.5")]))
    assert one(facts, "Subscribers", "Contracts").value == Decimal(69145)
    bandwidth = one(facts, "Bandwidth", "Gbps")
    assert bandwidth.value == Decimal("702.5") and bandwidth.decimals == 1


def test_negated_node_flips_the_printed_sign(taxonomy: Taxonomy) -> None:
    fact = one(facts_of(taxonomy, table("IS", 1, [col()], [
        row("Interest expense", 3, "(168,189)")])), "InterestExpense")
    assert fact.value == Decimal("168189000")


def test_negating_wording_flips_the_printed_sign(taxonomy: Taxonomy) -> None:
    fact = one(facts_of(taxonomy, table("IS", 1, [col()], [
        row("LESS: NET LOSS ATTRIBUTABLE TO NONCONTROLLING INTERESTS", 3, "175,436")])),
        "NetIncomeAttributableToNoncontrollingInterests")
    assert fact.value == Decimal("-175436000")


def test_dash_is_a_nil_fact(taxonomy: Taxonomy) -> None:
    fact = one(facts_of(taxonomy, table("IS", 1, [col()], [row("Hosting", 3, "--")])),
               "HostingRevenue")
    assert fact.value is None and fact.decimals is None


def test_translation_column_gives_usd_facts(taxonomy: Taxonomy) -> None:
    facts = facts_of(taxonomy, table("IS", 1, [col("translation", currency="USD"), col()], [
        row("Hosting", 3, "83,095", "6,940,955"),
        row("BASIC NET INCOME PER SHARE (JPY / U.S. Dollars / JPY)", 4, "50.77", "4,241.14")]))
    assert one(facts, "HostingRevenue", "USD").value == Decimal("83095000")
    assert one(facts, "EarningsPerShareBasic", "USDPerShares").value == Decimal("50.77")


def test_instant_concept_in_duration_column(taxonomy: Taxonomy) -> None:
    facts = facts_of(taxonomy, table("CF", 1, [col()], [
        row("Cash, beginning of the period", 3, "8,764,415"),
        row("Cash, end of the period", 4, "9,408,031")]))
    begin, end = sorted((f for f in facts if f.concept == "Cash"), key=lambda f: f.source.line)
    assert begin.period == Instant(date=dt.date(2010, 3, 31))
    assert end.period == Instant(date=dt.date(2010, 9, 30))


def test_instant_concept_named_without_place_is_at_column_end(taxonomy: Taxonomy) -> None:
    fact = one(facts_of(taxonomy, table("S", 1, [col(scale=1)], [
        row("Number of subscribers", 3, "5")])), "Subscribers", "Contracts")
    assert fact.period == Instant(date=dt.date(2010, 9, 30))


def test_duration_concept_in_instant_column_is_unmapped(taxonomy: Taxonomy) -> None:
    mapped = map_document(document(table("BS", 1, [col(period=SEP_2010)], [
        row("Hosting", 3, "5")])), taxonomy)
    assert not mapped.facts and "duration concept" in mapped.unmapped[0].reason


def test_forecast_column_and_network_dimensions(taxonomy: Taxonomy) -> None:
    facts = facts_of(
        taxonomy,
        table("S", 1, [col(period=FY2010, scale=10**6, forecast=True)],
              [row("Hosting", 3, "84,500")]),
        table("T", 9, [col(period=FY2010, scale=10**6)], [row("Revenues target", 10, "84,500")]),
    )
    assert one(facts, "HostingRevenue").dimensions == {"ResultForecastAxis": "ForecastMember"}
    assert one(facts, "TargetRevenues").dimensions == {"ResultForecastAxis": "ForecastMember"}


def test_breakdown_member_rows_carry_the_member(taxonomy: Taxonomy) -> None:
    facts = facts_of(taxonomy, table("Segments", 1, [col(scale=10**6)], [
        row("Net revenues", 2, "34,272"), row("Widget business", 3, "34,264")]))
    dims = sorted(f.dimensions.get("SegmentsAxis", "") for f in facts)
    assert dims == ["", "WidgetsMember"]


def test_derived_columns_are_counted_not_mapped(taxonomy: Taxonomy) -> None:
    mapped = map_document(document(table("IS", 1, [
        col(period=H1_2009), col("percent_of_revenue", H1_2009), col(),
        col("change_percent", None)], [row("Hosting", 3, "1", "3.2", "2", "(1.9)")])), taxonomy)
    assert len(mapped.facts) == 2
    assert [s.role for s in mapped.skipped] == ["percent_of_revenue", "change_percent"]


def test_unknown_label_is_unmapped_with_reason(taxonomy: Taxonomy) -> None:
    mapped = map_document(document(table("IS", 1, [col()], [
        row("Hosting", 2, "1"), row("Gain on receipt of stones", 3, "7")])), taxonomy)
    (item,) = mapped.unmapped
    assert (item.line, item.text) == (3, "7")
    assert item.reason == "no concept for row label 'Gain on receipt of stones' in network Income"


def test_table_without_network_keeps_every_number(taxonomy: Taxonomy) -> None:
    mapped = map_document(document(table("Unrelated", 1, [col()], [
        row("Apples", 2, "1"), row("Pears", 3, "2")])), taxonomy)
    assert not mapped.facts and len(mapped.unmapped) == 2
    assert mapped.tables[0].network is None


def test_ocr_repair_is_recorded_as_a_correction(taxonomy: Taxonomy) -> None:
    doc = document(table("IS", 1, [col()], [row("Hosting", 3, "1")]))
    repaired = doc.tables[0].rows[0].cells[0]
    assert repaired is not None
    fixed_cell = repaired.model_copy(update={"text": "3.352", "value": Decimal(3352),
                                             "repaired": "'3.352' read as 3,352"})
    fixed_row = doc.tables[0].rows[0].model_copy(update={"cells": (fixed_cell,)})
    fixed_table = doc.tables[0].model_copy(update={"rows": (fixed_row,)})
    fact = map_document(doc.model_copy(update={"tables": (fixed_table,)}), taxonomy).facts[0]
    (correction,) = fact.source.corrections
    assert correction.printed == "3.352" and correction.corrected == Decimal(3352000)
    assert "OCR" in correction.reason


def test_represented_concept_is_reported_as_the_concept_it_files(taxonomy: Taxonomy) -> None:
    facts = facts_of(taxonomy, table("Targets", 9, [col(period=FY2010, scale=10**6)], [
        row("Revenues target", 10, "84,500"), row("Operating income", 11, "4,800")]),
        )
    income = one(facts, "OperatingIncome")
    assert income.dimensions == {"ResultForecastAxis": "ForecastMember"}


def test_result_column_of_a_targets_table_is_no_forecast(taxonomy: Taxonomy) -> None:
    facts = facts_of(taxonomy, table("Targets", 9, [
        col(period=FY2010, scale=10**6, forecast=True), col(period=H1_2009, scale=10**6)], [
        row("Operating income", 11, "4,800", "4,100")]))
    by_period = {str(f.period): f.dimensions for f in facts}
    assert by_period == {str(FY2010): {"ResultForecastAxis": "ForecastMember"},
                         str(H1_2009): {}}


def test_fractional_yen_is_not_an_amount(taxonomy: Taxonomy) -> None:
    mapped = map_document(document(table("S", 1, [col(scale=1)], [
        row("Hosting", 2, "4,214.14")])), taxonomy)
    assert not mapped.facts and "per-share" in mapped.unmapped[0].reason


def test_beginning_of_period_in_the_label_is_the_day_before_the_start(taxonomy: Taxonomy) -> None:
    fact = one(facts_of(taxonomy, table("S", 1, [col(scale=1)], [
        row("Number of subscribers, beginning of the period", 3, "5")])), "Subscribers",
        "Contracts")
    assert fact.period == Instant(date=dt.date(2010, 3, 31))


def test_percentage_in_an_amount_row_is_unmapped(taxonomy: Taxonomy) -> None:
    mapped = map_document(document(table("S", 1, [col()], [row("Hosting", 2, "4.8%")])),
                          taxonomy)
    assert not mapped.facts and "percentage" in mapped.unmapped[0].reason


def test_column_header_naming_a_member_gives_the_member(taxonomy: Taxonomy) -> None:
    """A segment matrix: line items in rows, one column per segment plus the consolidated one."""
    columns = [col(scale=10**6).model_copy(update={"header": h})
               for h in ("Widgets business (JPY millions)", "Gadgets business", "Consolidated")]
    facts = facts_of(taxonomy, table("Segment information", 1, columns, [
        row("Net revenues", 2, "60", "40", "100")]))
    got = sorted((f.dimensions.get("SegmentsAxis", "-"), f.value) for f in facts)
    assert got == [("-", Decimal("100000000")), ("GadgetsMember", Decimal("40000000")),
                   ("WidgetsMember", Decimal("60000000"))]


def test_parenthesised_zero_is_plain_zero(taxonomy: Taxonomy) -> None:
    fact = one(facts_of(taxonomy, table("S", 1, [col(scale=10**6)], [row("Hosting", 2, "(0)")])),
               "HostingRevenue")
    assert str(fact.value) == "0"


def test_superseded_forecast_needs_an_axis_member_of_its_network(taxonomy: Taxonomy) -> None:
    """An "Initial Target" column beside the revised one is never filed as the current forecast:
    a network with no axis member its header names leaves its figures unmapped, with why."""
    initial = col(period=FY2010, scale=10**6, forecast=True,
                  header="FY10 Initial Target JPY millions").model_copy(
                      update={"superseded": True})
    current = col(period=FY2010, scale=10**6, forecast=True, header="FY10 Target JPY millions")
    mapped = map_document(document(table("S", 1, [current, initial],
                                         [row("Hosting", 2, "100", "120")])), taxonomy)
    assert [(f.value, f.dimensions) for f in mapped.facts] == [
        (Decimal("100000000"), {"ResultForecastAxis": "ForecastMember"})]
    (why,) = [u.reason for u in mapped.unmapped if u.text == "120"]
    assert "forecast since revised" in why

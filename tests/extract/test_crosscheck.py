"""Calculation cross-checks, corrections backed by a second printed source, duplicate merging."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.extract.crosscheck import cross_check
from generator.extract.map_rows import map_document
from generator.model.fact import Provenance
from generator.model.period import Instant
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy
from generator.taxonomy import load_taxonomy
from tests.extract.builders import H1_2009, col, document, row, table

SERVICES = [row("Services:", 10), row("Hosting", 11, "6,000"), row("Support", 12, "4,000")]


def facts(taxonomy: Taxonomy, *tables: object) -> list[ResultFact]:
    return map_document(document(*tables), taxonomy).facts  # type: ignore[arg-type]


def lead(facts_: list[ResultFact], concept: str, unit: str = "JPY") -> ResultFact:
    (fact,) = [f for f in facts_ if f.concept == concept and f.unit == unit]
    return fact


def test_consistent_totals_pass(taxonomy: Taxonomy) -> None:
    out = cross_check(facts(taxonomy, table("IS", 9, [col()], [
        *SERVICES, row("Total", 13, "10,000")])), taxonomy)
    assert not out.findings and not out.corrections


def test_rounding_within_decimals_is_not_a_break(taxonomy: Taxonomy) -> None:
    out = cross_check(facts(taxonomy, table("S", 9, [col(scale=10**6)], [
        row("Services:", 10), row("Hosting", 11, "6.4"), row("Support", 12, "4.4"),
        row("Total", 13, "11")])), taxonomy)
    assert not out.findings  # 6.4 + 4.4 = 10.8, within the half units of three figures


def test_broken_total_without_second_source_is_reported_and_kept(taxonomy: Taxonomy) -> None:
    out = cross_check(facts(taxonomy, table("IS", 9, [col()], [
        *SERVICES, row("Total", 13, "10,900")])), taxonomy)
    (finding,) = out.findings
    assert finding.total == "ServicesRevenue" and finding.computed == Decimal("10000000")
    assert lead(out.facts, "ServicesRevenue").value == Decimal("10900000")
    assert not out.corrections


def test_summary_in_millions_confirms_the_arithmetic(taxonomy: Taxonomy) -> None:
    statement = table("IS", 9, [col()], [
        row("Services:", 10), row("Hosting", 11, "6,941,000"), row("Support", 12, "352,000"),
        row("Total", 13, "7,293,000")])
    summary = table("S", 40, [col(scale=10**6)], [row("Hosting", 41, "6,941"),
                                                  row("Support", 42, "3,352")])
    printed = facts(taxonomy, statement, summary)
    out = cross_check(printed, taxonomy)
    # Hosting + Support != Total; Support 352,000 vs 3,352 million: Support is the culprit?
    # The arithmetic wants Support = 352,000 (consistent) -> nothing broken here.
    assert not out.findings


def test_dropped_digit_is_corrected_when_summary_and_arithmetic_agree(
    taxonomy: Taxonomy,
) -> None:
    statement = table("IS", 9, [col()], [
        row("Services:", 10), row("Hosting", 11, "6,941,000"), row("Support", 12, "335,200"),
        row("Total", 13, "10,293,000")])
    summary = table("S", 40, [col(scale=10**6)], [row("Support", 42, "3,352")])
    out = cross_check(facts(taxonomy, statement, summary), taxonomy)
    support = lead(out.facts, "SupportRevenue")
    assert support.value == Decimal("3352000000")
    (correction,) = support.source.corrections
    assert correction.printed == "335,200" and correction.corrected == Decimal("3352000000")
    assert any("doc.txt:42" in e for e in correction.evidence)
    assert "doc.txt:13" in correction.evidence
    assert not out.findings and not out.conflicts
    assert out.corrections[0].location == "doc.txt:12"


def test_usd_translation_confirms_the_arithmetic(taxonomy: Taxonomy) -> None:
    statement = table("IS", 9, [col("translation", currency="USD"), col()], [
        row("Services:", 10), row("Hosting", 11, "1,000", "83,530"),
        row("Support", 12, "2,000", "167,060"), row("Total", 13, "3,000", "205,590")])
    out = cross_check(facts(taxonomy, statement), taxonomy, usd_rate=Decimal("83.53"))
    total = lead(out.facts, "ServicesRevenue")
    assert total.value == Decimal("250590000")
    assert "USD" in total.source.corrections[0].evidence[-1]


def test_ambiguous_culprit_is_not_corrected(taxonomy: Taxonomy) -> None:
    out = cross_check(facts(taxonomy, table("IS", 9, [col()], [
        *SERVICES, row("Total", 13, "10,900")])), taxonomy, usd_rate=Decimal("83.53"))
    assert not out.corrections and out.findings


def test_duplicates_keep_the_most_precise_and_list_the_others(taxonomy: Taxonomy) -> None:
    out = cross_check(facts(
        taxonomy,
        table("S", 40, [col(scale=10**6)], [row("Hosting", 41, "6,941")]),
        table("IS", 9, [col()], [row("Hosting", 11, "6,940,955")]),
    ), taxonomy)
    hosting = lead(out.facts, "HostingRevenue")
    assert hosting.value == Decimal("6940955000") and hosting.decimals == -3
    assert hosting.source.also_in == ("doc.txt:41",)
    assert out.merged == 1 and not out.conflicts


def proven(facts_: list[ResultFact]) -> list[ResultFact]:
    """``facts_`` as the proof stage files them when a check tested each figure itself."""
    return [f.proven(("own: arithmetic",)) for f in facts_]


def test_disagreeing_duplicates_are_a_conflict(taxonomy: Taxonomy) -> None:
    out = cross_check(proven(facts(
        taxonomy,
        table("S", 40, [col(scale=10**6)], [row("Hosting", 41, "6,991")]),
        table("IS", 9, [col()], [row("Hosting", 11, "6,940,955")]),
    )), taxonomy)
    (conflict,) = out.conflicts
    assert conflict.concept == "HostingRevenue" and conflict.kept.startswith("doc.txt:11")
    assert lead(out.facts, "HostingRevenue").value == Decimal("6940955000")


def test_disagreeing_duplicates_none_proven_on_its_own_are_held(taxonomy: Taxonomy) -> None:
    # sample 000 with a column added: the statement's OCR "89,217" (859,217 thousand) was
    # filed as net income over the summary's 859 million, the conflict only noted
    out = cross_check(facts(
        taxonomy,
        table("S", 40, [col(scale=10**6)], [row("Hosting", 41, "859")]),
        table("IS", 9, [col()], [row("Hosting", 11, "89,217")]),
    ), taxonomy)
    assert not [f for f in out.facts if f.concept == "HostingRevenue"]
    (held,) = out.held
    assert held.line == 11 and "line 41 prints 859" in held.reason


def test_equal_precision_tie_prefers_the_primary_statement(taxonomy: Taxonomy) -> None:
    out = cross_check(proven(facts(
        taxonomy,
        table("S", 40, [col(scale=1)], [row("Net income attributable to ACME", 41, "4,214")],
              kind="summary"),
        table("IS", 90, [col(scale=1)], [row("Net income attributable to ACME", 91, "4,241")]),
    )), taxonomy)
    assert lead(out.facts, "NetIncomeAttributableToParent").source.line == 91
    assert len(out.conflicts) == 1


def test_nil_and_number_duplicates_keep_the_number(taxonomy: Taxonomy) -> None:
    out = cross_check(facts(
        taxonomy,
        table("S", 40, [col()], [row("Hosting", 41, "--")]),
        table("IS", 9, [col()], [row("Hosting", 11, "100")]),
    ), taxonomy)
    assert lead(out.facts, "HostingRevenue").value == Decimal(100000)
    assert len(out.conflicts) == 1


SEGMENTS = [col(scale=10**6)]


def test_member_printed_as_deduction_gets_its_natural_sign(taxonomy: Taxonomy) -> None:
    out = cross_check(facts(taxonomy, table("Segments", 55, SEGMENTS, [
        row("Net revenues", 59, "34,272"), row("Widgets business", 60, "34,264"),
        row("Gadgets business", 61, "228"), row("Elimination", 62, "220")])), taxonomy)
    (elimination,) = [f for f in out.facts if f.dimensions.get("SegmentsAxis") ==
                      "EliminationMember"]
    assert elimination.value == Decimal("-220000000")
    assert "deduction" in elimination.source.corrections[0].reason
    assert not out.findings


def test_members_already_signed_are_left_alone(taxonomy: Taxonomy) -> None:
    out = cross_check(facts(taxonomy, table("Segments", 55, SEGMENTS, [
        row("Net revenues", 59, "82,988"), row("Widgets business", 60, "81,121"),
        row("Gadgets business", 61, "2,044"), row("Elimination", 62, "(177)")])), taxonomy)
    assert not out.corrections and not out.findings


def test_members_that_do_not_add_up_are_reported(taxonomy: Taxonomy) -> None:
    out = cross_check(facts(taxonomy, table("Segments", 55, SEGMENTS, [
        row("Net revenues", 59, "100"), row("Widgets business", 60, "10"),
        row("Gadgets business", 61, "20")])), taxonomy)
    (finding,) = out.findings
    assert finding.total == "Revenues by SegmentsAxis" and finding.computed == Decimal(30000000)


def test_figure_from_another_column_is_not_corrected(taxonomy: Taxonomy) -> None:
    statement = table("IS", 9, [col()], [
        row("Services:", 10), row("Hosting", 11, "6,000"), row("Support", 12, "27.3"),
        row("Total", 13, "10,000")])
    summary = table("S", 40, [col(scale=10**6)], [row("Support", 42, "4")])
    out = cross_check(facts(taxonomy, statement, summary), taxonomy)
    assert not out.corrections and out.findings  # 27.3 (a percent?) is no misprint of 4,000


def test_sum_is_checked_over_the_components_present_like_calc_11(taxonomy: Taxonomy) -> None:
    """Calculation 1.1 binds a sum where the total and one component have facts: a component
    printed only for another period is no excuse, the instance would fail; so it is reported."""
    out = cross_check(facts(
        taxonomy,
        table("IS", 9, [col()], [*SERVICES[:2], row("Total", 13, "10,000")]),
        table("S", 40, [col(period=H1_2009, scale=10**6)], [row("Support", 42, "4")]),
    ), taxonomy)
    (finding,) = out.findings
    assert finding.total == "ServicesRevenue" and finding.computed == Decimal("6000000")


def test_sum_with_a_component_never_printed_counts_it_as_zero(taxonomy: Taxonomy) -> None:
    out = cross_check(facts(taxonomy, table("IS", 9, [col()], [
        *SERVICES[:2], row("Total", 13, "6,000")])), taxonomy)
    assert not out.findings


def test_deduction_printed_twice_is_read_the_same_way_in_both_tables(taxonomy: Taxonomy) -> None:
    out = cross_check(facts(
        taxonomy,
        table("Segments", 55, SEGMENTS, [
            row("Net revenues", 59, "34,272"), row("Widgets business", 60, "34,264"),
            row("Gadgets business", 61, "228"), row("Elimination", 62, "220")]),
        table("Segments", 466, [col()], [
            row("Widgets business", 468, "34,263,534"), row("Gadgets business", 471, "228,376"),
            row("Elimination", 474, "219,830"), row("Consolidated total", 475, "34,272,080")]),
    ), taxonomy)
    (elimination,) = [f for f in out.facts if f.dimensions.get("SegmentsAxis") ==
                      "EliminationMember"]
    assert elimination.value == Decimal("-219830000") and elimination.source.line == 474
    assert elimination.source.also_in == ("doc.txt:62",)
    assert not out.conflicts and not out.findings


def test_unconfirmed_precise_figure_loses_to_confirmed_ones(taxonomy: Taxonomy) -> None:
    out = cross_check(facts(
        taxonomy,
        table("S", 40, [col(scale=10**6)], [row("Hosting", 41, "633")]),
        table("IS", 9, [col()], [row("Hosting", 11, "633,364")]),
        table("Q", 80, [col(scale=1)], [row("Hosting", 81, "633,364")]),  # scale lost
    ), taxonomy)
    hosting = lead(out.facts, "HostingRevenue")
    assert hosting.value == Decimal("633364000") and hosting.source.line == 11
    (conflict,) = out.conflicts
    assert "doc.txt:81" in conflict.values[0]


def test_translation_figure_with_lost_parentheses_is_corrected_from_the_yen(
    taxonomy: Taxonomy,
) -> None:
    statement = table("IS", 9, [col("translation", currency="USD"), col()], [
        row("Services:", 10), row("Hosting", 11, "2,000", "154,080"),
        row("Support", 12, "7", "(516)"),  # USD printed 7 for (7)
        row("Total", 13, "1,993", "153,564")])
    out = cross_check(facts(taxonomy, statement), taxonomy, usd_rate=Decimal("77.04"))
    support = lead(out.facts, "SupportRevenue", "USD")
    assert support.value == Decimal("-7000")
    assert "77.04" in support.source.corrections[0].evidence[-1]


def test_sign_only_conflict_is_named_as_such(taxonomy: Taxonomy) -> None:
    out = cross_check(facts(
        taxonomy,
        table("S", 40, [col(scale=10**6)], [row("Hosting", 41, "(5,284)")]),
        table("IS", 9, [col()], [row("Hosting", 11, "5,283,504")]),
    ), taxonomy)
    (conflict,) = out.conflicts
    assert "opposite sign" in conflict.values[0]


def test_several_misprints_in_one_statement_are_all_corrected(taxonomy: Taxonomy) -> None:
    statement = table("IS", 9, [col("translation", currency="USD"), col()], [
        row("Services:", 10), row("Hosting", 11, "1,000", "83,530"),
        row("Support", 12, "2", "(167)"), row("Total", 13, "998", "83,363"),
        row("Products:", 20), row("Widgets", 21, "3", "(251)"), row("Total", 22, "(3)", "(251)"),
    ])
    out = cross_check(facts(taxonomy, statement), taxonomy, usd_rate=Decimal("83.53"))
    assert lead(out.facts, "SupportRevenue", "USD").value == Decimal("-2000")
    assert lead(out.facts, "WidgetRevenue", "USD").value == Decimal("-3000")
    assert len(out.corrections) == 2


def _held_yen_support(taxonomy: Taxonomy, usd: str, yen: str, held: str) -> tuple[
        list[ResultFact], list[ResultFact]]:
    """Facts of a statement whose dollar support figure prints ``usd`` beside the yen ``yen``,
    split into those filed and the yen support printing, held back (``held``: its text)."""
    statement = table("IS", 9, [col("translation", currency="USD"), col()], [
        row("Services:", 10), row("Hosting", 11, "2,000", "154,080"),
        row("Support", 12, usd, yen), row("Total", 13, "1,993", "153,564")])
    printed = facts(taxonomy, statement)
    witnesses = [f for f in printed if f.source.text == held and f.unit == "JPY"]
    assert len(witnesses) == 1
    return [f for f in printed if f not in witnesses], witnesses


def test_a_held_yen_printing_restores_its_dollar_twin_s_lost_sign(taxonomy: Taxonomy) -> None:
    """The yen (516) held back (a sum of its own column breaks: its digits are in doubt), the
    dollar "7" beside it printed for (7): the dollar total holds with -7, and the held yen
    figure, -6.7 thousand dollars at 77.04, agrees with -7 and not with 7: the sign alone is
    restored from it."""
    filed, held = _held_yen_support(taxonomy, "7", "(516)", "(516)")
    out = cross_check(filed, taxonomy, usd_rate=Decimal("77.04"), witnesses=held)
    support = lead(out.facts, "SupportRevenue", "USD")
    assert support.value == Decimal("-7000")
    assert "held back" in support.source.corrections[0].evidence[-1]


def test_without_the_held_printing_the_lost_sign_stays_a_finding(taxonomy: Taxonomy) -> None:
    filed, _ = _held_yen_support(taxonomy, "7", "(516)", "(516)")
    out = cross_check(filed, taxonomy, usd_rate=Decimal("77.04"))
    assert lead(out.facts, "SupportRevenue", "USD").value == Decimal("7000")
    assert not out.corrections and out.findings


def test_a_held_printing_corrects_no_digit(taxonomy: Taxonomy) -> None:
    """The dollar support figure misread "9" (printed 7; the total 1,993 wants -7): the held
    yen (516) agrees with -7, which is not 9 with its sign turned. A held printing's digits
    are in doubt: it corrects nothing but a sign, and the break is left a finding."""
    filed, held = _held_yen_support(taxonomy, "9", "(516)", "(516)")
    out = cross_check(filed, taxonomy, usd_rate=Decimal("77.04"), witnesses=held)
    assert lead(out.facts, "SupportRevenue", "USD").value == Decimal("9000")
    assert not out.corrections


def test_a_held_printing_does_not_overrule_a_filed_one(taxonomy: Taxonomy) -> None:
    """The yen support figure filed as 516 (its total adds up with it; the dollar total 1,993
    wants the 7 beside it turned) and printed again, held, as (516): the filed printing
    speaks, and says nothing for a turned sign."""
    statement = table("IS", 9, [col("translation", currency="USD"), col()], [
        row("Services:", 10), row("Hosting", 11, "2,000", "154,080"),
        row("Support", 12, "7", "516"), row("Total", 13, "1,993", "154,596")])
    summary = table("S", 40, [col()], [row("Support", 41, "(516)")])
    printed = facts(taxonomy, statement, summary)
    held = [f for f in printed if f.source.line == 41]
    out = cross_check([f for f in printed if f.source.line != 41], taxonomy,
                      usd_rate=Decimal("77.04"), witnesses=held)
    assert lead(out.facts, "SupportRevenue", "USD").value == Decimal("7000")


def test_a_held_printing_does_not_overrule_a_filed_twin(taxonomy: Taxonomy) -> None:
    """The dollar support figure 7 beside its filed yen twin 516 (which the yen total adds up
    with), and printed again in dollars, held, as (7): the dollar total 1,993 wants -7, the
    held printing agrees with -7 — but the filed twin says 7 and speaks first: no sign turned."""
    statement = table("IS", 9, [col("translation", currency="USD"), col()], [
        row("Services:", 10), row("Hosting", 11, "2,000", "154,080"),
        row("Support", 12, "7", "516"), row("Total", 13, "1,993", "154,596")])
    summary = table("S", 40, [col("translation", currency="USD")], [row("Support", 41, "(7)")])
    printed = facts(taxonomy, statement, summary)
    held = [f for f in printed if f.source.line == 41]
    assert len(held) == 1
    out = cross_check([f for f in printed if f.source.line != 41], taxonomy,
                      usd_rate=Decimal("77.04"), witnesses=held)
    assert lead(out.facts, "SupportRevenue", "USD").value == Decimal("7000")


def test_a_ratio_printed_twice_one_unit_apart_is_a_conflict() -> None:
    """An equity ratio printed 58.4% in one table and 58.5% in another (a reviewer's draw):
    amounts may be rounded to add up, a ratio is not — the two were merged without a word."""
    def ratio(value: str, line: int) -> ResultFact:
        return ResultFact(concept="ParentShareholdersEquityToAssetsRatio",
                          period=Instant(date=dt.date(2013, 9, 30)), unit="pure",
                          value=Decimal(value), decimals=3,
                          source=Provenance(document="doc.txt", line=line, text=value))

    out = cross_check(proven([ratio("0.584", 10), ratio("0.585", 90)]), load_taxonomy())
    assert len(out.conflicts) == 1
    unproven = cross_check([ratio("0.584", 10), ratio("0.585", 90)], load_taxonomy())
    assert not unproven.facts and len(unproven.held) == 1  # which is right is not known
    agreeing = cross_check([ratio("0.584", 10), ratio("0.584", 90)], load_taxonomy())
    assert not agreeing.conflicts and agreeing.merged == 1

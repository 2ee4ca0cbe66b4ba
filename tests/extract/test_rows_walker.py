"""Row resolution by place: the walker keeps the current heading/parent."""

from __future__ import annotations

from generator.extract.map_rows.walker import RowWalker
from generator.model.taxonomy import Taxonomy
from generator.taxonomy import load_taxonomy
from generator.taxonomy.aliases import AliasIndex


def walk(index: AliasIndex, taxonomy: Taxonomy, network: str,
         rows: list[tuple[str, bool]], fuzzy: bool = False) -> list[str | None]:
    walker = RowWalker(index, index.network(network), taxonomy, fuzzy=fuzzy)
    out: list[str | None] = []
    for label, has_values in rows:
        match = walker.resolve(label, has_values)
        out.append(None if match is None else
                   match.concept + (f"[{match.member[1]}]" if match.member else ""))
    return out


def test_total_resolves_to_the_heading_above(index: AliasIndex, taxonomy: Taxonomy) -> None:
    rows = [("REVENUES:", False), ("Services:", False), ("Hosting", True), ("Total", True),
            ("Products:", False), ("Widgets", True), ("Total", True), ("Total revenues", True)]
    assert walk(index, taxonomy, "Income", rows) == [
        "RevenuesHeading", "ServicesHeading", "HostingRevenue", "ServicesRevenue",
        "ProductsHeading", "WidgetRevenue", "ProductsRevenue", "Revenues",
    ]


def test_heading_row_prefers_abstract_value_row_prefers_item(
    index: AliasIndex, taxonomy: Taxonomy
) -> None:
    assert walk(index, taxonomy, "Income", [("Revenues", False)]) == ["RevenuesHeading"]
    assert walk(index, taxonomy, "Income", [("Revenues", True)]) == ["Revenues"]


def test_row_alias_outside_its_place_does_not_match(index: AliasIndex, taxonomy: Taxonomy) -> None:
    assert walk(index, taxonomy, "Income", [("Total", True)]) == [None]


def test_same_wording_resolves_under_the_printed_parent(
    index: AliasIndex, taxonomy: Taxonomy
) -> None:
    rows = [("Total Revenues", True), ("Services", True), ("Products", True),
            ("Total Costs", True), ("Services", True), ("Products", True)]
    assert walk(index, taxonomy, "Summary", rows) == [
        "Revenues", "ServicesRevenue", "ProductsRevenue",
        "CostOfRevenues", "CostOfServices", "CostOfProducts",
    ]


def test_member_rows_follow_their_breakdown_row(index: AliasIndex, taxonomy: Taxonomy) -> None:
    rows = [("Net revenues", True), ("Widgets business", True), ("Elimination", True),
            ("Operating income (loss)", True), ("Gadgets business", True)]
    assert walk(index, taxonomy, "Segments", rows) == [
        "Revenues", "Revenues[WidgetsMember]", "Revenues[EliminationMember]",
        "OperatingIncome", "OperatingIncome[GadgetsMember]",
    ]


def test_heading_row_opens_breakdown_and_lines_under_a_member_keep_it(
    index: AliasIndex, taxonomy: Taxonomy
) -> None:
    rows = [("Revenues:", False), ("Widgets business", True), ("Customers", True),
            ("Intersegment", True), ("Consolidated total", True)]
    assert walk(index, taxonomy, "Segments", rows) == [
        "Revenues", "Revenues[WidgetsMember]", "ExternalRevenues[WidgetsMember]",
        "IntersegmentRevenues[WidgetsMember]", "Revenues",
    ]


def test_member_rows_without_parent_row_take_the_next_breakdown_in_tree_order(
    index: AliasIndex, taxonomy: Taxonomy
) -> None:
    rows = [("Widgets business", True), ("Segment profit or loss", False),
            ("Widgets business", True)]
    assert walk(index, taxonomy, "Segments", rows) == [
        "Revenues[WidgetsMember]", "OperatingIncome", "OperatingIncome[WidgetsMember]"]


def test_label_with_trailing_description_matches_its_head(
    index: AliasIndex, taxonomy: Taxonomy
) -> None:
    rows = [("Hosting, net of allowance for doubtful accounts of JPY 37,178 thousand and "
             "JPY 56,787 thousand at March 31, 2010, respectively", True),
            ("Support—3,934 shares held", True)]
    assert walk(index, taxonomy, "Income", rows) == ["HostingRevenue", "SupportRevenue"]


def test_plural_variants_match(index: AliasIndex, taxonomy: Taxonomy) -> None:
    assert walk(index, taxonomy, "Segments", [("Net revenue", True), ("Widget businesses", True)])\
        == ["Revenues", "Revenues[WidgetsMember]"]


def test_table_title_is_the_first_heading(taxonomy: Taxonomy) -> None:
    from generator.extract.map_rows import map_document
    from tests.extract.builders import col, document, row, table

    mapped = map_document(document(table("Revenues:", 1, [col()], [
        row("Widgets business", 2, "10"), row("Customers", 3, "8"),
        row("Consolidated total", 4, "10")])), taxonomy)
    assert [(f.concept, f.dimensions.get("SegmentsAxis")) for f in mapped.facts] == [
        ("Revenues", "WidgetsMember"), ("ExternalRevenues", "WidgetsMember"), ("Revenues", None)]


def test_heading_and_line_run_together(index: AliasIndex, taxonomy: Taxonomy) -> None:
    assert walk(index, taxonomy, "Income", [("REVENUES: Services: Hosting", True),
                                            ("Total", True)]) == [
        "HostingRevenue", "ServicesRevenue"]


def test_a_lookalike_of_a_whole_wording_wins_over_a_shorter_reading() -> None:
    """OCR "portlon" for "portion": the label is the current portion, not its head
    "Long-term borrowings" (another line's wording) read as a label with a description."""
    from generator.taxonomy.load import load_taxonomy

    real = load_taxonomy()
    index = AliasIndex(real, real.companies["iij"])
    rows = [("CURRENT LIABILITIES:", False), ("Long-term borrowings—current portlon", True)]
    assert walk(index, real, "BalanceSheet", rows) == [
        "CurrentLiabilitiesHeading", "LongTermBorrowingsCurrent"]


def _segments(rows: list[tuple[str, bool]], fuzzy: bool = False) -> list[str | None]:
    """``rows`` walked in the bundled taxonomy's segment network."""
    real = load_taxonomy()
    return walk(AliasIndex(real, real.companies["iij"]), real, "Segments", rows, fuzzy)


def test_member_rows_after_a_line_of_a_breakdowns_total_are_that_totals_members() -> None:
    # the segment row above "Customers" unread: "Customers" names revenues' line, so the
    # next segment row is a segment's revenues, not the next breakdown (operating income)
    assert _segments([("Business Segments:' Revenues:", False), ("Customers", True),
                      ("Intersegment", True), ("ATM operation business", True)],
                     fuzzy=True)[1:] == [
        "RevenuesFromExternalCustomers", "IntersegmentRevenues",
        "Revenues[ATMOperationBusinessMember]"]


def test_a_damaged_line_read_by_its_place_under_a_member_row_keeps_the_member() -> None:
    assert _segments([("Network service and systems integration business", True),
                      ("Customers", True), ("Intersegment ATM operation", True)],
                     fuzzy=True)[2] == "IntersegmentRevenues[NetworkServicesAndSIBusinessMember]"


def _bundled_walker(items_only: bool) -> RowWalker:
    taxonomy = load_taxonomy()
    index = AliasIndex(taxonomy, taxonomy.companies.get("iij"))
    walker = RowWalker(index, index.network("QuarterlyHighlights"), taxonomy)
    walker.items_only = items_only
    return walker


def test_a_row_of_a_slide_s_table_reads_its_heading_s_row_alias() -> None:
    # sample 001 line 287: "Revenue" heads the ATM table, whose title names no heading
    match = _bundled_walker(items_only=False).resolve("Revenue", True)
    assert match is not None and match.concept == "ATMOperationBusinessRevenue"


def test_a_header_item_meaning_another_concept_is_no_row_alias_of_an_unopened_heading() -> None:
    # "Revenues" in a joined header is revenues, not the ATM slide's "Revenue"
    assert _bundled_walker(items_only=True).resolve("Revenues", True) is None

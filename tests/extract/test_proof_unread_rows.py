"""Rows the reader could not name: a sum short of parts is judged with the unread rows among
its rows, column against column; a figure read in other words is filed only when a check of
its own confirms it; an opposite wording is not read for a concept whose own wordings say the
opposite word without reversing its sign."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from generator.extract.layout import Column
from generator.extract.map_rows import map_document
from generator.extract.proof import prove
from generator.model.taxonomy import Taxonomy
from generator.taxonomy import load_taxonomy
from tests.extract.builders import H1_2009, H1_2010, MAR_2010, SEP_2010, col, document, row, table
from tests.extract.samples import TABBED, edited_sample, printed_as

REFUND = 458  # "Refund of guarantee deposits  12,397  72  7,112" (sample 004)
PAYMENTS = 457  # "Payments of guarantee deposits  (22,473)  (6,738)  (662,283)"


def _unread_refund(text: list[str]) -> None:
    """The refund row worded as no taxonomy line is (its label unread)."""
    printed_as(REFUND, "Refund of guarantee deposits", "Deposits returned by lessors")(text)


def _filed(ex: object, line: int) -> set[str | None]:
    return {f.source.text for f in ex.results.facts if f.source.line == line}  # type: ignore[attr-defined]


def _held(ex: object, line: int) -> set[str | None]:
    return {h.text for h in ex.results.review if h.line == line}  # type: ignore[attr-defined]


def test_a_sum_its_unread_row_closes_in_every_column_files_its_parts(tmp_path: Path) -> None:
    """The investing section with the refund row unread adds up with it, in all three
    columns: the payments row, a part of it, is filed as before."""
    ex = edited_sample(tmp_path, TABBED, _unread_refund)
    assert _filed(ex, PAYMENTS) == {"(22,473)", "(6,738)", "(662,283)"}
    assert _filed(ex, REFUND) == set()  # nothing unread is filed


def test_a_misread_part_of_a_sum_with_an_unread_row_is_held(tmp_path: Path) -> None:
    """The prior period's "(22,473)" read as "(28,473)" (a column with no translation beside
    it): the unread refund row closes the section in the other two columns, in no way in this
    one: the misread figure is not filed."""
    def edit(text: list[str]) -> None:
        _unread_refund(text)
        printed_as(PAYMENTS, "(22,473)", "(28,473)")(text)

    ex = edited_sample(tmp_path, TABBED, edit)
    assert "(28,473)" not in _filed(ex, PAYMENTS)
    assert "(28,473)" in _held(ex, PAYMENTS)


def test_before_the_unread_row_the_misread_part_was_filed_so(tmp_path: Path) -> None:
    """What the check catches: the same misread with every row read breaks a complete sum,
    which held it already; with the row unread, only the columns' agreement tells."""
    ex = edited_sample(tmp_path, TABBED, printed_as(PAYMENTS, "(22,473)", "(28,473)"))
    assert "(28,473)" not in _filed(ex, PAYMENTS)


def test_a_figure_read_in_other_words_is_held_when_nothing_ties_it_to_its_line(
        tmp_path: Path) -> None:
    """"Payments of lease deposits" is the payments line in other words. With the refund row
    unread, the section adds up with it in every column — which says the payments belong in
    the sum, not that the row is the payments line — and the yen and dollar figures agree at
    the stated rate — which says they agree, not which line they are: all three are held, with
    the reason."""
    def edit(text: list[str]) -> None:
        _unread_refund(text)
        printed_as(PAYMENTS, "Payments of guarantee deposits", "Payments of lease deposits")(text)

    ex = edited_sample(tmp_path, TABBED, edit)
    assert _filed(ex, PAYMENTS) == set()
    reasons = {h.text: h.reason or "" for h in ex.results.review if h.line == PAYMENTS}
    assert set(reasons) == {"(22,473)", "(6,738)", "(662,283)"}
    assert all("read in other words" in r for r in reasons.values())


def test_a_figure_read_in_other_words_in_a_sum_that_holds_is_filed(tmp_path: Path) -> None:
    """The same row in other words with every other row read: the section's sum holds with it
    in every column, which ties each figure to the payments line."""
    ex = edited_sample(tmp_path, TABBED, printed_as(
        PAYMENTS, "Payments of guarantee deposits", "Payments of lease deposits"))
    assert _filed(ex, PAYMENTS) == {"(22,473)", "(6,738)", "(662,283)"}


def test_part_of_a_split_line_read_in_other_words_is_not_filed_as_the_whole(
        tmp_path: Path) -> None:
    """Property printed as two lines, "Land and buildings" (unread) and "Premises and
    equipment" (property and equipment in other words): the second is only part of the line it
    reads as. Nothing ties it to that line (the balance sheet's sums close only with the unread
    row), so it is not filed as property and equipment."""
    def edit(text: list[str]) -> None:
        at = next(n for n, line in enumerate(text) if line.startswith("PROPERTY AND EQUIPMENT"))
        assert text[at].endswith("23,025,755\t241,978\t23,784,050"), text[at]
        text[at] = "Land and buildings\t5,025,755\t38,499\t3,784,050"
        text.insert(at + 1, "Premises and equipment\t18,000,000\t203,479\t20,000,000")
        deferred = next(n for n, line in enumerate(text)
                        if line.startswith("DEFERRED TAX ASSETS —Noncurrent"))
        text[deferred] = text[deferred].replace(
            "DEFERRED TAX ASSETS —Noncurrent", "Tax assets recoverable after more than one year")

    ex = edited_sample(tmp_path, TABBED, edit)
    assert [f.source.text for f in ex.results.facts
            if f.concept == "PropertyAndEquipmentNet"] == []


def test_an_opposite_wording_is_not_read_where_the_concept_says_the_word_itself() -> None:
    """Retained earnings are also "Accumulated deficit", its sign in brackets: "Retained
    losses 73,692" could be either, and is not read as retained earnings of -73,692."""
    taxonomy: Taxonomy = load_taxonomy()
    sheet = table("Consolidated balance sheets", 10, [col(period=MAR_2010), col(period=SEP_2010)],
                  [row("Common stock", 11, "100", "100"), row("Retained losses", 12, "73,692",
                                                               "70,000")], kind="balance")
    facts = map_document(document(sheet, company="iij"), taxonomy).facts
    assert [(f.concept, f.value) for f in facts if f.source.line == 12
            and f.value is not None and f.value < Decimal(0)] == []


def test_a_sum_closed_with_unread_rows_does_not_place_a_shifted_figure() -> None:
    """An income statement with a % of revenues column beside each period, its other-income
    rows printing no %: read by position, the current yen figure falls under the prior %
    header and the dollar figure under the current yen header, alike in every row, so the
    section still adds up with its unread row. A sum within the column ties no figure to its
    row: the dollar "(1,000)" is not filed as the current period's yen interest expense."""
    taxonomy = load_taxonomy()

    def pct() -> Column:
        return col("percent_of_revenue", period=None, currency=None, scale=1, header="%")

    usd = col("translation", currency="USD")
    rows = [
        row("Total revenues", 11, "10,000,000", "100.0%", "12,000,000", "100.0%", "143,661"),
        row("Cost of revenues", 12, "8,000,000", "80.0%", "9,000,000", "75.0%", "107,746"),
        row("Sales and marketing", 13, "500,000", "5.0%", "600,000", "5.0%", "7,183"),
        row("General and administrative", 14, "500,000", "5.0%", "900,000", "7.5%", "10,775"),
        row("Research and development", 15, "100,000", "1.0%", "100,000", "0.8%", "1,197"),
        row("Total costs and expenses", 16, "9,100,000", "91.0%", "10,600,000", "88.3%",
            "126,900"),
        row("Operating income", 17, "900,000", "9.0%", "1,400,000", "11.7%", "16,761"),
        row("OTHER INCOME (EXPENSE):", 18),
        row("Interest income", 19, "20,000", "167,060", "2,000"),
        row("Interest expense", 20, "(10,000)", "(83,530)", "(1,000)"),
        row("Rental income from idle premises", 21, "5,000", "41,765", "500"),
        row("Other income (expense), net", 22, "15,000", "125,295", "1,500"),
        row("Income before income tax expense", 23, "915,000", "9.2%", "1,525,295", "12.7%",
            "18,261"),
    ]
    statement = table("Consolidated statements of income", 10,
                      [col(period=H1_2009), pct(), col(period=H1_2010), pct(), usd], rows,
                      kind="income")
    doc = document(statement, company="iij").model_copy(update={"layout": "ocr"})
    mapped = map_document(doc, taxonomy)
    proof = prove(mapped, taxonomy, doc.period, doc.usd_rate)
    assert [(f.unit, f.value) for f in proof.facts
            if f.source.line == 20 and f.concept == "InterestExpense"
            and f.value == Decimal(1_000_000)] == []

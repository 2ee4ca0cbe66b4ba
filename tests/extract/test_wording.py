"""Labels read by meaning: unit notes, alternatives in parentheses and opposite wordings name
the declared concept, with the sign the wording implies."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.extract.map_rows import map_document
from generator.model.taxonomy import Taxonomy
from generator.taxonomy import load_taxonomy
from generator.taxonomy.wording import readings, without_alternative, without_unit_note
from tests.extract.builders import col, document, row, table


@pytest.fixture(scope="module")
def real() -> Taxonomy:
    return load_taxonomy()


@pytest.mark.parametrize(("printed", "plain"), [
    ("Basic net income per share (JPY)", "Basic net income per share"),
    ("Basic net income per share (JPY / U.S. Dollars / JPY)", "Basic net income per share"),
    ("Weighted-average number of shares (shares)", "Weighted-average number of shares"),
    ("Revenues (Thousands of Yen)", "Revenues"),
    ("Total revenues (in thousands, except per share data)", "Total revenues"),
])
def test_a_trailing_unit_note_is_not_part_of_the_wording(printed: str, plain: str) -> None:
    assert without_unit_note(printed) == plain


@pytest.mark.parametrize("printed", ["Revenues (Target)", "Net income (forecast)"])
def test_a_note_that_is_not_units_stays(printed: str) -> None:
    assert without_unit_note(printed) == printed


def test_an_alternative_in_parentheses_is_dropped() -> None:
    assert without_alternative("INCOME (LOSS) FROM OPERATIONS") == "INCOME FROM OPERATIONS"
    assert without_alternative("Income tax expense (benefit)") == "Income tax expense"


def test_an_opposite_wording_is_a_reading_that_reverses_the_sign() -> None:
    assert ("OPERATING income", True) in list(readings("OPERATING LOSS"))
    assert ("Income tax expense", True) in list(readings("Income tax benefit"))
    assert all(not reverses for text, reverses in readings("Revenues (JPY)"))


def _mapped(taxonomy: Taxonomy, label: str, printed: str) -> list[tuple[str, Decimal | None]]:
    statement = table("Consolidated statements of income", 10, [col(scale=1)], [
        row("Revenues", 11, "1,000"), row(label, 12, printed)], kind="income")
    facts = map_document(document(statement, company="iij"), taxonomy).facts
    return [(f.concept, f.value) for f in facts if f.source.line == 12]


@pytest.mark.parametrize(("label", "printed", "concept", "value"), [
    ("OPERATING LOSS", "123", "OperatingIncome", Decimal(-123)),
    ("Operating loss", "(123)", "OperatingIncome", Decimal(-123)),
    ("INCOME (LOSS) FROM OPERATIONS", "(45)", "OperatingIncome", Decimal(-45)),
    ("Income tax benefit", "45", "IncomeTaxExpense", Decimal(-45)),
    ("NET LOSS", "7", "NetIncome", Decimal(-7)),
])
def test_a_loss_or_benefit_wording_names_the_concept_with_its_sign(
    real: Taxonomy, label: str, printed: str, concept: str, value: Decimal,
) -> None:
    assert _mapped(real, label, printed) == [(concept, value)]


def test_a_per_share_label_with_a_unit_note_names_the_per_share_concept(real: Taxonomy) -> None:
    statement = table("Consolidated statements of income", 10, [col(scale=1)], [
        row("NET INCOME PER SHARE", 11),
        row("Basic net income per share (Yen)", 12, "12.34")], kind="income")
    facts = map_document(document(statement, company="iij"), real).facts
    assert [(f.concept, f.value) for f in facts] == [("EarningsPerShareBasic", Decimal("12.34"))]


def test_a_net_loss_is_negative_in_a_cash_flow_statement_too(real: Taxonomy) -> None:
    statement = table("Consolidated statements of cash flows", 10, [col(scale=1)], [
        row("Net loss", 11, "(7)")], kind="cash_flow")
    facts = map_document(document(statement, company="iij"), real).facts
    assert [(f.concept, f.value) for f in facts] == [("NetIncome", Decimal(-7))]

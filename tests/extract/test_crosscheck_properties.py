"""Properties of the cross-checks over generated statements (hypothesis)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.crosscheck import cross_check
from generator.extract.map_rows import map_document
from generator.model.taxonomy import Taxonomy
from generator.taxonomy import load_taxonomy
from tests.extract.builders import col, document, row, table
from tests.extract.conftest import FIXTURE_TAXONOMY

TAXONOMY: Taxonomy = load_taxonomy(FIXTURE_TAXONOMY)
amounts = st.integers(min_value=1_000, max_value=9_999_999)


def printed(value: int) -> str:
    return f"{value:,}"


def statement(hosting: str, support: str, total: str) -> object:
    return table("IS", 9, [col()], [
        row("Services:", 10), row("Hosting", 11, hosting), row("Support", 12, support),
        row("Total", 13, total)])


@settings(max_examples=60, deadline=None)
@given(amounts, amounts)
def test_consistent_statements_raise_nothing(hosting: int, support: int) -> None:
    doc = document(statement(printed(hosting), printed(support), printed(hosting + support)))  # type: ignore[arg-type]
    out = cross_check(map_document(doc, TAXONOMY).facts, TAXONOMY)
    assert not out.findings and not out.corrections and not out.conflicts


@settings(max_examples=60, deadline=None)
@given(amounts, amounts, st.integers(min_value=0, max_value=6), st.integers(1, 9))
def test_one_misread_digit_is_restored_by_sum_and_summary(
    hosting: int, support: int, position: int, delta: int
) -> None:
    digits = list(str(support))
    index = position % len(digits)
    digits[index] = str((int(digits[index]) + delta) % 10)
    if digits[0] == "0":
        return  # a leading zero is not a misreading of a printed figure
    misread = int("".join(digits))
    # JPY millions, as a summary prints it (releases round half up, not half to even)
    summary_value = (Decimal(support) / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    misread_summary = (Decimal(misread) / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if misread == support or misread_summary == summary_value:
        return  # the misreading does not change the rounded summary: nothing to tell them apart
    doc = document(
        statement(printed(hosting), printed(misread), printed(hosting + support)),
        table("S", 40, [col(scale=10**6)], [row("Support", 41, printed(int(summary_value)))]),
    )
    out = cross_check(map_document(doc, TAXONOMY).facts, TAXONOMY)  # type: ignore[arg-type]
    fixed = [f for f in out.facts if f.concept == "SupportRevenue"]
    assert [f.value for f in fixed] == [Decimal(support) * 1000]
    assert len(out.corrections) == 1 and not out.findings

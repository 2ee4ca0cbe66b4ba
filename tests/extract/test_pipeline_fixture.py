"""extract_document end to end on a hand-built document."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.extract.pipeline import ExtractionError, extract_document
from generator.model.taxonomy import Taxonomy
from tests.extract.builders import H1_2009, col, document, row, table


def statement() -> object:
    return table("Statements of income", 100, [
        col(period=H1_2009), col("percent_of_revenue", H1_2009),
        col("translation", currency="USD"), col(), col("percent_of_revenue")], [
        row("REVENUES:", 101),
        row("Services:", 102),
        row("Hosting", 103, "6,000", "", "73", "6,100", ""),
        row("Support", 104, "4,000", "", "47", "3,900", ""),
        row("Total", 105, "10,000", "31.0", "120", "10,000", "29.2"),
        row("Gain on receipt of stones", 106, "--", "", "1", "100", ""),
    ], kind="income")


def test_every_number_is_accounted_for(taxonomy: Taxonomy) -> None:
    summary = table("Summary", 40, [col(period=H1_2009, scale=10**6), col(scale=10**6)],
                    [row("Hosting", 41, "6", "6")])
    doc = document(summary, statement())  # type: ignore[arg-type]
    extraction = extract_document(doc, taxonomy)
    cov = extraction.coverage
    assert cov.numbers == 2 + 14
    assert cov.numbers == cov.accounted
    assert len(cov.unmapped) == 3 and len(cov.skipped) == 2
    assert cov.duplicates_merged == 2
    assert cov.facts == len(extraction.results.facts) == 9
    assert "Gain on receipt of stones" in cov.render_text()


def test_results_carry_document_company_and_period(taxonomy: Taxonomy) -> None:
    results = extract_document(document(statement()), taxonomy).results  # type: ignore[arg-type]
    assert (results.company, results.document, results.period.kind) == ("acme", "doc.txt", "H1")
    usd = [f for f in results.facts if f.unit == "USD"]
    assert {f.value for f in usd} == {Decimal(73000), Decimal(47000), Decimal(120000)}


def test_coverage_json_round_trips(taxonomy: Taxonomy) -> None:
    cov = extract_document(document(statement()), taxonomy).coverage  # type: ignore[arg-type]
    assert type(cov).model_validate_json(cov.model_dump_json()) == cov


def test_unknown_company_is_an_error(taxonomy: Taxonomy) -> None:
    with pytest.raises(ExtractionError, match="not declared"):
        extract_document(document(statement(), company="nobody"), taxonomy)  # type: ignore[arg-type]

"""Text facts (a headline, the company's name) are filed as their words: checked against the
concept's type, merged when two documents print the same words, never a conflict when two
documents of one filing print two headlines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from generator.map import build_filings
from generator.map.filings import MappingError
from generator.model.fact import Provenance
from generator.model.results import ReportingPeriod, ResultFact, Results
from generator.model.taxonomy import Taxonomy

RP = ReportingPeriod(kind="H1", start=dt.date(2010, 4, 1), end=dt.date(2010, 9, 30),
                     fiscal_year_start=dt.date(2010, 4, 1),
                     fiscal_year_end=dt.date(2011, 3, 31), label="1H FY2010")


def text(concept: str, words: str, doc: str, line: int = 1) -> ResultFact:
    return ResultFact(concept=concept, period=RP.ytd, unit=None, value=None, text=words,
                      source=Provenance(document=doc, line=line, text=words))


def results(doc: str, *facts: ResultFact) -> Results:
    return Results(company="iij", document=doc, period=RP, facts=facts)


def test_a_text_fact_carries_no_value_unit_or_decimals() -> None:
    with pytest.raises(ValidationError, match="text fact"):
        ResultFact(concept="DocumentTitle", period=RP.ytd, unit="JPY", value=None,
                   text="Results", source=Provenance(document="r.txt", line=1))
    with pytest.raises(ValidationError):
        ResultFact(concept="DocumentTitle", period=RP.ytd, unit=None, value=None, text="",
                   source=Provenance(document="r.txt", line=1))


def test_texts_and_figures_each_go_where_their_concept_says(taxonomy: Taxonomy) -> None:
    wrong = [
        ResultFact(concept="Revenues", period=RP.ytd, unit=None, value=None, text="many",
                   source=Provenance(document="r.txt", line=3)),
        ResultFact(concept="DocumentTitle", period=RP.ytd, unit=None, value=Decimal(1),
                   decimals=0, source=Provenance(document="r.txt", line=4)),
    ]
    with pytest.raises(MappingError) as caught:
        build_filings([results("r.txt", *wrong)], taxonomy)
    problems = "\n".join(caught.value.problems)
    assert "numeric concept Revenues takes a figure, not 'text'" in problems
    assert "text concept DocumentTitle takes 'text', not a figure" in problems


def test_two_documents_of_a_filing_merge_equal_texts_and_keep_the_first_headline(
    taxonomy: Taxonomy,
) -> None:
    a = results("a.txt", text("DocumentTitle", "IIJ Announces Results", "a.txt"),
                text("EntityRegistrantName", "Internet Initiative Japan Inc.", "a.txt", 3))
    b = results("b.txt", text("DocumentTitle", "1H FY2010 Presentation Results", "b.txt"),
                text("EntityRegistrantName", "Internet Initiative Japan Inc.", "b.txt", 8))
    built = build_filings([b, a], taxonomy)
    assert built.conflicts == ()
    facts = {f.concept: f for f in built.filings[0].facts}
    assert facts["DocumentTitle"].text == "IIJ Announces Results"
    assert facts["DocumentTitle"].provenance.also_in == ()
    name = facts["EntityRegistrantName"]
    assert (name.text, str(name.provenance), name.provenance.also_in) == (
        "Internet Initiative Japan Inc.", "a.txt:3", ("b.txt:8",))
    assert name.value is None and name.unit_ref is None and name.decimals is None

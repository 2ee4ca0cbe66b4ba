"""Broken input is rejected before anything is generated, with a message naming the fact."""

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from generator.map import MappingError, build_filings
from generator.model.fact import Provenance
from generator.model.period import Duration, Instant
from generator.model.results import ReportingPeriod, ResultFact, Results
from generator.model.taxonomy import Taxonomy

RP = ReportingPeriod(
    kind="H1",
    start=dt.date(2025, 4, 1),
    end=dt.date(2025, 9, 30),
    fiscal_year_start=dt.date(2025, 4, 1),
    fiscal_year_end=dt.date(2026, 3, 31),
    label="1H FY2025",
)
H1 = Duration(start=RP.start, end=RP.end)
SOURCE = Provenance(document="release.txt", line=42)


def fact(**changes: object) -> ResultFact:
    base: dict[str, object] = {
        "concept": "Revenues",
        "period": H1,
        "unit": "JPY",
        "value": Decimal(1000),
        "decimals": -3,
        "source": SOURCE,
    }
    return ResultFact.model_validate(base | changes)


def rejected(taxonomy: Taxonomy, bad: ResultFact) -> str:
    with pytest.raises(MappingError) as caught:
        build_filings(
            [Results(company="acme", document="release.txt", period=RP, facts=(bad,))], taxonomy
        )
    message = str(caught.value)
    assert "release.txt:42" in message
    return message


def test_unknown_concept_is_rejected(acme_taxonomy: Taxonomy) -> None:
    assert "unknown concept 'Revnues'" in rejected(acme_taxonomy, fact(concept="Revnues"))


def test_instant_period_on_a_duration_concept_is_rejected(acme_taxonomy: Taxonomy) -> None:
    message = rejected(acme_taxonomy, fact(period=Instant(date=RP.end)))
    assert "Revenues has periodType duration" in message
    assert "xbrl.4.7.2" in message


def test_missing_unit_is_rejected(acme_taxonomy: Taxonomy) -> None:
    assert "needs a unit" in rejected(acme_taxonomy, fact(unit=None))


def test_undeclared_unit_is_rejected(acme_taxonomy: Taxonomy) -> None:
    assert "unit 'EUR' is not declared" in rejected(acme_taxonomy, fact(unit="EUR"))


def test_monetary_concept_with_a_share_unit_is_rejected(acme_taxonomy: Taxonomy) -> None:
    assert "needs a currency unit" in rejected(acme_taxonomy, fact(unit="shares"))


def test_per_share_concept_needs_a_currency_per_share_unit(acme_taxonomy: Taxonomy) -> None:
    bad = fact(concept="EarningsPerShare", unit="JPY", value=Decimal("12.34"), decimals=2)
    assert "currency-per-shares" in rejected(acme_taxonomy, bad)


def test_digits_below_the_stated_precision_are_rejected(acme_taxonomy: Taxonomy) -> None:
    assert "excessDigits" in rejected(acme_taxonomy, fact(value=Decimal(1234), decimals=-3))


def test_numeric_value_without_decimals_is_rejected(acme_taxonomy: Taxonomy) -> None:
    assert "needs decimals" in rejected(acme_taxonomy, fact(decimals=None))


def test_unknown_dimension_member_is_rejected(acme_taxonomy: Taxonomy) -> None:
    bad = fact(dimensions={"SegmentsAxis": "SprocketsMember"})
    assert "'SprocketsMember' is not a member of SegmentsAxis" in rejected(acme_taxonomy, bad)


def test_a_nil_fact_cannot_carry_decimals() -> None:
    with pytest.raises(ValidationError, match="nil fact"):
        fact(value=None, decimals=-3)


def test_every_problem_is_reported_not_only_the_first(acme_taxonomy: Taxonomy) -> None:
    facts = (fact(concept="Nope"), fact(unit=None))
    with pytest.raises(MappingError) as caught:
        build_filings(
            [Results(company="acme", document="r.txt", period=RP, facts=facts)], acme_taxonomy
        )
    assert len(caught.value.problems) == 2

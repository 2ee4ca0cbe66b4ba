"""Instances: deterministic bytes, Decimal values written exactly, nil facts without decimals."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from generator.generate import instance_bytes
from generator.map import build_filings
from generator.model.fact import Provenance
from generator.model.period import Duration
from generator.model.results import ResultFact, Results
from generator.model.taxonomy import Taxonomy
from generator.synthetic import reporting_period, synthetic_results

XBRLI = "{http://www.xbrl.org/2003/instance}"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


def one_fact_instance(
    taxonomy: Taxonomy, value: Decimal | None, decimals: int | None
) -> etree._Element:
    rp = reporting_period(taxonomy, "acme", 2025)
    fact = ResultFact(
        concept="Revenues",
        period=Duration(start=rp.start, end=rp.end),
        unit="JPY",
        value=value,
        decimals=decimals,
        source=Provenance(document="t", line=1),
    )
    filing = build_filings(
        [Results(company="acme", document="t", period=rp, facts=(fact,))], taxonomy
    ).filings[0]
    return etree.fromstring(instance_bytes(filing, taxonomy))


def test_the_same_filing_gives_byte_identical_instances(acme_taxonomy: Taxonomy) -> None:
    results = synthetic_results(acme_taxonomy, "acme", periods=2)
    first = build_filings([results], acme_taxonomy).filings[0]
    second = build_filings([results], acme_taxonomy).filings[0]
    assert instance_bytes(first, acme_taxonomy) == instance_bytes(second, acme_taxonomy)


def test_a_dash_becomes_a_nil_fact_with_unit_and_no_decimals(acme_taxonomy: Taxonomy) -> None:
    root = one_fact_instance(acme_taxonomy, None, None)
    fact = root.find("{http://example.com/acme/2026-01-01}Revenues")
    assert fact is not None
    assert fact.get(XSI_NIL) == "true"
    assert fact.get("decimals") is None
    assert fact.get("unitRef") == "JPY"
    assert fact.text is None


def test_schema_ref_is_relative_to_the_taxonomy_beside_the_instance(
    acme_taxonomy: Taxonomy,
) -> None:
    root = one_fact_instance(acme_taxonomy, Decimal(1000), -3)
    ref = root.find("{http://www.xbrl.org/2003/linkbase}schemaRef")
    assert ref is not None
    assert ref.get("{http://www.w3.org/1999/xlink}href") == "acme-2026-01-01.xsd"


def test_contexts_carry_the_company_entity_from_data(acme_taxonomy: Taxonomy) -> None:
    root = one_fact_instance(acme_taxonomy, Decimal(1000), -3)
    identifier = root.find(f"{XBRLI}context/{XBRLI}entity/{XBRLI}identifier")
    assert identifier is not None
    assert (identifier.get("scheme"), identifier.text) == ("http://www.tse.or.jp/sicc", "99990")


@given(thousands=st.integers(min_value=-(10**15), max_value=10**15))
def test_values_are_written_as_plain_decimals_never_floats_or_exponents(
    acme_taxonomy: Taxonomy, thousands: int
) -> None:
    value = Decimal(thousands).scaleb(3)  # e.g. Decimal("1.234E+6"): must still print in full
    root = one_fact_instance(acme_taxonomy, value, -3)
    fact = root.find("{http://example.com/acme/2026-01-01}Revenues")
    assert fact is not None and fact.text is not None
    assert "E" not in fact.text.upper()
    assert Decimal(fact.text) == value

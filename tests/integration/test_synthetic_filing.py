"""A filing that covers every statement of the bundled taxonomy loads cleanly in Arelle.

The facts are synthetic (seeded), with every declared sum solved, so any finding points at the
taxonomy or the generator, never at the data.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from generator.build import write_build
from generator.model.results import ResultFact, Results
from generator.model.taxonomy import Taxonomy
from generator.synthetic import synthetic_results
from generator.validate import validate_paths

pytestmark = pytest.mark.arelle


@pytest.fixture(scope="module")
def built(taxonomy: Taxonomy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    outcome = write_build(
        [synthetic_results(taxonomy, "iij", periods=2)],
        taxonomy,
        out,
        arelle=False,
        say=lambda _: None,
    )
    assert outcome.ok, outcome.findings
    return out


def test_the_synthetic_filing_covers_every_network(taxonomy: Taxonomy) -> None:
    results = synthetic_results(taxonomy, "iij")
    filed = {f.concept for f in results.facts}
    for net in taxonomy.networks:
        valued = {  # numeric and text concepts: every one that takes a value
            n.concept
            for n in net.nodes()
            if taxonomy.concepts[n.concept].data_type.value not in ("domain", "date")
            and not taxonomy.concepts[n.concept].abstract
        }
        assert valued and valued <= filed, net.id


def test_arelle_reports_no_error_inconsistency_or_warning(built: Path) -> None:
    (instance,) = built.glob("*.xbrl")
    report = validate_paths([instance], arelle=True)
    arelle = [f for f in report.findings if f.source == "arelle"]
    assert [
        f"{f.severity}: {f.code}: {f.message}"
        for f in arelle
        if f.severity.value in ("error", "inconsistency", "warning")
    ] == []


def test_xbrlgen_reports_nothing_either(built: Path) -> None:
    report = validate_paths(sorted(built.glob("*.xbrl")))
    assert report.findings == []


def results_with_broken_total(taxonomy: Taxonomy) -> tuple[Results, ResultFact]:
    """Synthetic results whose current total assets is off by one million yen."""
    results = synthetic_results(taxonomy, "acme")
    facts = list(results.facts)
    index = next(i for i, f in enumerate(facts) if f.concept == "Assets" and not f.dimensions)
    value = facts[index].value
    assert value is not None
    facts[index] = facts[index].model_copy(update={"value": value + Decimal(10**6)})
    return Results.model_validate(results.model_dump() | {"facts": facts}), facts[index]


def test_a_total_that_does_not_add_up_fails_the_build_naming_the_fact(
    acme_taxonomy: Taxonomy, tmp_path: Path
) -> None:
    broken, _ = results_with_broken_total(acme_taxonomy)
    out = tmp_path / "out"
    outcome = write_build(
        [broken], acme_taxonomy, out, arelle=True, strict=True, say=lambda _: None
    )
    assert not outcome.ok
    calc = [
        line
        for line in outcome.findings
        if "calc11e:inconsistentCalculationUsingTruncation" in line
    ]
    assert any("[xbrlgen]" in line and "Assets" in line for line in calc), outcome.findings
    assert any("[arelle]" in line for line in calc), outcome.findings
    assert not out.exists(), "a failed build leaves no output behind, not even its folder"


def test_by_default_a_total_that_does_not_add_up_is_kept_as_printed_and_expected(
    acme_taxonomy: Taxonomy, tmp_path: Path
) -> None:
    broken, assets = results_with_broken_total(acme_taxonomy)
    said: list[str] = []
    outcome = write_build([broken], acme_taxonomy, tmp_path / "out", arelle=True, say=said.append)
    assert outcome.ok, outcome.findings
    assert outcome.report is not None
    (kept,) = outcome.report.source_inconsistencies
    assert (kept.concept, kept.value, kept.source) == ("Assets", assets.value, assets.source)
    assert any(line.startswith("kept as printed: Assets") for line in said)
    assert any(line.startswith("[arelle] 1 calculation inconsistencies") for line in said)
    assert any(line.startswith("[xbrlgen] 1 calculation inconsistencies") for line in said)

"""`xbrlgen validate` on a build's output agrees with the build: the totals it kept as printed
(listed fact by fact in build-report.json) are acknowledged, anything else still fails."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from generator.build import write_build
from generator.model.fact import Provenance
from generator.model.period import Instant
from generator.model.results import ReportingPeriod, ResultFact, Results
from generator.model.taxonomy import Taxonomy
from generator.validate import validate_paths
from generator.validate.acknowledged import acknowledge

RP = ReportingPeriod(kind="H1", start=dt.date(2025, 4, 1), end=dt.date(2025, 9, 30),
                     fiscal_year_start=dt.date(2025, 4, 1), fiscal_year_end=dt.date(2026, 3, 31),
                     label="1H FY2025")


def _fact(concept: str, value: str, line: int) -> ResultFact:
    return ResultFact(concept=concept, period=Instant(date=RP.end), unit="JPY",
                      value=Decimal(value), decimals=-3,
                      source=Provenance(document="r.txt", line=line, table="Balance"))


@pytest.fixture
def built(tmp_path: Path, acme_taxonomy: Taxonomy) -> Path:
    """A filing whose printed total disagrees with its printed parts: kept as printed."""
    facts = (_fact("Cash", "1000", 1), _fact("Receivables", "2000", 2), _fact("Assets", "9000", 3))
    outcome = write_build([Results(company="acme", document="r.txt", period=RP, facts=facts)],
                          acme_taxonomy, tmp_path / "out", arelle=False, say=lambda _: None)
    assert outcome.ok
    return tmp_path / "out"


def test_a_build_lists_its_kept_totals_by_fact_id(built: Path) -> None:
    report = json.loads((built / "build-report.json").read_text())
    ((name, ids),) = report["acknowledged"].items()
    assert name.endswith(".xbrl") and len(ids) == 1


def test_validating_the_build_output_acknowledges_them(built: Path) -> None:
    report = validate_paths([built], jobs=1)
    assert not report.ok
    assert acknowledge(report) == 1
    assert report.ok
    (finding,) = report.findings
    assert finding.severity.value == "info" and "acknowledged" in finding.message


def test_an_inconsistency_the_build_did_not_list_still_fails(built: Path) -> None:
    path = built / "build-report.json"
    data = json.loads(path.read_text())
    data["acknowledged"] = {name: ["F999"] for name in data["acknowledged"]}
    path.write_text(json.dumps(data))
    report = validate_paths([built], jobs=1)
    assert acknowledge(report) == 0 and not report.ok

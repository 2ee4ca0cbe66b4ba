"""xBRL-JSON and xBRL-CSV (OIM 1.0) beside each instance: Arelle's OIM loader (offline) reads
the same facts from them as from the .xbrl, with no findings beyond the filing's own."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from generator.generate.oim import oim_csv_files, oim_json_bytes, oim_period, oim_unit
from generator.map import build_filings
from generator.model.taxonomy import Taxonomy
from generator.synthetic import synthetic_results
from tests.ix.arelle_facts import load
from tests.ix.conftest import InstanceFacts
from tests.ix.test_inline import findings


def test_periods_end_at_the_start_of_the_next_day_as_the_oim_says(taxonomy: Taxonomy) -> None:
    from generator.model.context import Context
    from generator.model.entity import Entity
    from generator.model.period import Duration, Instant

    entity = Entity(scheme="http://www.tse.or.jp/sicc", identifier="37740")
    half = Context(id="d", entity=entity, period=Duration.model_validate(
        {"start": "2010-04-01", "end": "2010-09-30"}))
    day = Context(id="i", entity=entity, period=Instant.model_validate({"date": "2011-03-31"}))
    assert oim_period(half) == "2010-04-01T00:00:00/2010-10-01T00:00:00"
    assert oim_period(day) == "2011-04-01T00:00:00"
    assert oim_unit(taxonomy.units["JPYPerShares"]) == "iso4217:JPY/xbrli:shares"
    assert oim_unit(taxonomy.units["pure"]) is None  # the OIM writes pure as no unit


def test_each_filing_has_json_and_csv_beside_its_instance(sample_out: Path) -> None:
    for instance in sorted(sample_out.glob("*.xbrl")):
        stem = instance.stem
        report = json.loads((sample_out / f"{stem}.json").read_text())
        assert report["documentInfo"]["documentType"] == "https://xbrl.org/2021/xbrl-json"
        metadata = json.loads((sample_out / f"{stem}-csv.json").read_text())
        table = metadata["tables"]["facts"]["url"]
        with (sample_out / table).open(newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == len(report["facts"])
        nil = [k for k, v in report["facts"].items() if v["value"] is None]
        assert sorted(r["id"] for r in rows if r["value"] == "#nil") == sorted(nil)
        assert all("decimals" not in report["facts"][k] for k in nil)


def test_the_same_filing_gives_byte_identical_oim_files(acme_taxonomy: Taxonomy) -> None:
    results = synthetic_results(acme_taxonomy, "acme", periods=2)
    a = build_filings([results], acme_taxonomy).filings[0]
    b = build_filings([results], acme_taxonomy).filings[0]
    assert oim_json_bytes(a, acme_taxonomy) == oim_json_bytes(b, acme_taxonomy)
    assert oim_csv_files(a, acme_taxonomy) == oim_csv_files(b, acme_taxonomy)


@pytest.mark.arelle
@pytest.mark.parametrize("suffix", [".json", "-csv.json"])
def test_arelle_loads_the_same_facts_from_the_oim_report(
    sample_out: Path, instance_facts: InstanceFacts, suffix: str
) -> None:
    compared = 0
    for instance in sorted(sample_out.glob("*.xbrl")):
        xbrl = instance_facts(instance)
        report = load(sample_out / f"{instance.stem}{suffix}")
        assert report.facts == xbrl.facts, instance.name
        if suffix == ".json":
            assert report.ids == xbrl.ids, instance.name
        assert findings(report) == findings(xbrl), instance.name
        compared += len(report.facts)
    assert compared > 2900

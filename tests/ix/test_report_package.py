"""--package: each filing as an XBRL Report Package 1.0 (.xbri) that Arelle opens offline,
with the same facts as the .xbrl instance."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from generator.build import write_build
from generator.model.taxonomy import Taxonomy
from generator.synthetic import synthetic_results
from tests.ix.arelle_facts import load
from tests.ix.conftest import InstanceFacts
from tests.ix.test_inline import findings


def test_a_report_package_holds_the_page_and_the_taxonomy_package(sample_out: Path) -> None:
    packages = sorted(sample_out.glob("*.xbri"))
    assert [p.stem for p in packages] == [p.stem for p in sorted(sample_out.glob("*.xbrl"))]
    for package in packages:
        top = package.stem
        with zipfile.ZipFile(package) as zf:
            names = zf.namelist()
            description = json.loads(zf.read(f"{top}/META-INF/reportPackage.json"))
            page = zf.read(f"{top}/reports/{top}.html")
        assert description == {
            "documentInfo": {"documentType": "https://xbrl.org/report-package/2023/xbri"}}
        assert f"{top}/META-INF/taxonomyPackage.xml" in names
        assert f"{top}/META-INF/catalog.xml" in names
        assert [n for n in names if n.startswith(f"{top}/reports/")] == [
            f"{top}/reports/{top}.html"]  # exactly one report
        # the taxonomy by its published URL, resolved by the package's catalog
        assert b'xlink:href="http://xbrlgen.org/taxonomy/results/2026-11-01/xg-2026-11-01.xsd"' \
            in page


def test_packages_only_when_asked_and_byte_identical(
    acme_taxonomy: Taxonomy, tmp_path: Path
) -> None:
    results = [synthetic_results(acme_taxonomy, "acme", periods=2)]
    plain = write_build(results, acme_taxonomy, tmp_path / "a", validate=False, say=lambda _: None)
    assert plain.ok and not list((tmp_path / "a").glob("*.xbri"))
    for folder in ("b", "c"):
        write_build(results, acme_taxonomy, tmp_path / folder, validate=False, package=True,
                    say=lambda _: None)
    [b] = (tmp_path / "b").glob("*.xbri")
    assert b.read_bytes() == (tmp_path / "c" / b.name).read_bytes()


@pytest.mark.arelle
def test_arelle_opens_each_package_offline_with_the_instances_facts(
    sample_out: Path, instance_facts: InstanceFacts
) -> None:
    for package in sorted(sample_out.glob("*.xbri")):
        xbrl = instance_facts(package.with_suffix(".xbrl"))
        loaded = load(package)
        assert loaded.facts == xbrl.facts, package.name
        assert findings(loaded) == findings(xbrl), package.name

"""The taxonomy package lets Arelle resolve the published taxonomy URL offline."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.generate import instance_bytes
from generator.generate.package import package_bytes, published_base
from generator.map import build_filings
from generator.model.taxonomy import Taxonomy
from generator.synthetic import synthetic_results
from generator.taxonomy.render import render_taxonomy
from generator.validate import validate_paths


def test_the_package_has_its_metadata_and_every_taxonomy_file(taxonomy: Taxonomy) -> None:
    files = render_taxonomy(taxonomy)
    with zipfile.ZipFile(__import__("io").BytesIO(package_bytes(taxonomy, files))) as zf:
        names = zf.namelist()
    top = taxonomy.file_stem
    assert f"{top}/META-INF/taxonomyPackage.xml" in names
    assert f"{top}/META-INF/catalog.xml" in names
    assert sum(name.endswith(tuple(files)) for name in names) == len(files)


@pytest.mark.arelle
def test_arelle_loads_an_instance_through_the_package_offline(
    taxonomy: Taxonomy, tmp_path: Path
) -> None:
    filing = build_filings([synthetic_results(taxonomy, "iij")], taxonomy).filings[0]
    root = etree.fromstring(instance_bytes(filing, taxonomy))
    ref = root.find("{http://www.xbrl.org/2003/linkbase}schemaRef")
    assert ref is not None
    ref.set("{http://www.w3.org/1999/xlink}href", published_base(taxonomy) + taxonomy.schema_file)
    instance = tmp_path / "absolute.xbrl"
    instance.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    package = tmp_path / "package.zip"
    package.write_bytes(package_bytes(taxonomy, render_taxonomy(taxonomy)))
    report = validate_paths([instance, package], arelle=True)
    assert [f"{f.source} {f.code}: {f.message}" for f in report.findings] == []

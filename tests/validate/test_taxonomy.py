"""Concept model: what the fixture taxonomy's elements mean, and its on-disk cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from validate_corpus import TAXONOMY

from generator.validate.dts import UrlMapper, discover
from generator.validate.schema import CompiledSchemas
from generator.validate.taxonomy import build_concepts, load_concepts

FX = "{http://example.com/xbrlgen/fixture/2024}"


def _dts(folder: Path) -> CompiledSchemas:
    dts = discover([(folder / "fx.xsd").resolve().as_uri()], UrlMapper())
    return CompiledSchemas(dts, UrlMapper())


def test_concept_model() -> None:
    concepts = build_concepts(_dts(TAXONOMY).xmlschema())
    rev, eps, axis = concepts[FX + "Revenue"], concepts[FX + "EarningsPerShare"], concepts[
        FX + "SegmentAxis"]
    assert (rev.kind, rev.period_type, rev.balance, rev.monetary, rev.numeric) == (
        "item", "duration", "credit", True, True)
    assert eps.numeric and not eps.monetary
    assert eps.type_chain[0] == "{http://www.xbrl.org/dtr/type/numeric}perShareItemType"
    assert axis.kind == "dimension"
    assert concepts[FX + "SharesOutstanding"].shares
    assert not concepts[FX + "CompanyName"].numeric


def test_cache_hit_skips_xmlschema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XBRLGEN_CACHE_DIR", str(tmp_path / "cache"))
    schemas = _dts(TAXONOMY)
    first = load_concepts(schemas.dts.schema_files, schemas.xmlschema)

    def boom() -> object:
        raise AssertionError("xmlschema should not be needed on a cache hit")

    assert load_concepts(schemas.dts.schema_files, boom) == first


def test_cache_invalidated_by_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    monkeypatch.setenv("XBRLGEN_CACHE_DIR", str(tmp_path / "cache"))
    tax = tmp_path / "tax"
    shutil.copytree(TAXONOMY, tax)
    schemas = _dts(tax)
    before = load_concepts(schemas.dts.schema_files, schemas.xmlschema)
    xsd = tax / "fx.xsd"
    xsd.write_text(xsd.read_text(encoding="utf-8").replace(
        'name="Assets" type="xbrli:monetaryItemType"\n      substitutionGroup="xbrli:item" '
        'xbrli:periodType="instant" xbrli:balance="debit"',
        'name="Assets" type="xbrli:monetaryItemType"\n      substitutionGroup="xbrli:item" '
        'xbrli:periodType="instant" xbrli:balance="credit"'), encoding="utf-8")
    os.utime(xsd, ns=(1, 1))
    schemas = _dts(tax)
    after = load_concepts(schemas.dts.schema_files, schemas.xmlschema)
    assert before[FX + "Assets"].balance == "debit"
    assert after[FX + "Assets"].balance == "credit"

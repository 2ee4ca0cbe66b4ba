"""Taxonomy entry points: a schema or linkbase is validated with the DTS it discovers.

Small hand-written taxonomies, one rule family each; the conformance suites
(tests/conformance) cover the rules variation by variation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.validate import pipeline
from generator.validate.cli import main
from generator.validate.packages import expand

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:t="http://example.com/t"
  targetNamespace="http://example.com/t" elementFormDefault="qualified">
  <xs:import namespace="http://www.xbrl.org/2003/instance"
    schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
"""


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XBRLGEN_NO_CACHE", "1")
    pipeline.clear_cache()


def _codes(path: Path) -> list[str]:
    findings, _ = pipeline.validate_file(path, calc_mode="xbrl21", engine="auto")
    return [f.code for f in findings if f.severity.fails]


def _schema(tmp_path: Path, body: str, name: str = "t.xsd") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + body + "</xs:schema>\n", encoding="utf-8")
    return path


def test_clean_schema_is_valid(tmp_path: Path) -> None:
    path = _schema(tmp_path, '<xs:element name="A" id="A" type="xbrli:monetaryItemType" '
                   'substitutionGroup="xbrli:item" xbrli:periodType="instant" '
                   'xbrli:balance="debit"/>')
    assert _codes(path) == []


def test_item_without_period_type_and_balance_on_string(tmp_path: Path) -> None:
    path = _schema(tmp_path, '<xs:element name="A" type="xbrli:stringItemType" '
                   'substitutionGroup="xbrli:item" xbrli:balance="debit"/>')
    assert set(_codes(path)) == {"xbrl.5.1.1:periodTypeMissing",
                                 "xbrl.5.1.1.2:balanceNotMonetary"}


def test_hypercube_must_be_abstract(tmp_path: Path) -> None:
    path = _schema(tmp_path, """
  <xs:import namespace="http://xbrl.org/2005/xbrldt"
    schemaLocation="http://www.xbrl.org/2005/xbrldt-2005.xsd"/>
  <xs:element name="Cube" type="xbrli:stringItemType" substitutionGroup="xbrldt:hypercubeItem"
    xbrli:periodType="duration" xmlns:xbrldt="http://xbrl.org/2005/xbrldt"/>""")
    assert _codes(path) == ["xbrldte:HypercubeElementIsNotAbstractError"]


def _linkbase(tmp_path: Path, arcs: str, refs: str = "") -> Path:
    _schema(tmp_path, "".join(
        f'<xs:element name="{n}" id="{n}" type="xbrli:monetaryItemType" '
        'substitutionGroup="xbrli:item" xbrli:periodType="instant"/>' for n in "ABC"))
    path = tmp_path / "pre.xml"
    locs = "".join(f'<link:loc xlink:type="locator" xlink:href="t.xsd#{n}" xlink:label="{n}"/>'
                   for n in "ABC")
    path.write_text(
        '<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" '
        f'xmlns:xlink="http://www.w3.org/1999/xlink">{refs}'
        '<link:presentationLink xlink:type="extended" '
        f'xlink:role="http://www.xbrl.org/2003/role/link">{locs}{arcs}</link:presentationLink>'
        "</link:linkbase>", encoding="utf-8")
    return path


def _arc(frm: str, to: str, arcrole: str = "http://www.xbrl.org/2003/arcrole/parent-child") -> str:
    return (f'<link:presentationArc xlink:type="arc" xlink:arcrole="{arcrole}" '
            f'xlink:from="{frm}" xlink:to="{to}"/>')


def test_parent_child_directed_cycle(tmp_path: Path) -> None:
    assert _codes(_linkbase(tmp_path, _arc("A", "B") + _arc("B", "A"))) == ["xbrl.5.2.4.2"]


def test_parent_child_undirected_cycle_is_fine(tmp_path: Path) -> None:
    arcs = _arc("A", "B") + _arc("A", "C") + _arc("B", "C")
    assert _codes(_linkbase(tmp_path, arcs)) == []


def test_custom_arcrole_needs_arcroleref(tmp_path: Path) -> None:
    path = _linkbase(tmp_path, _arc("A", "B", "http://example.com/arcrole/x"))
    assert "xbrl.3.5.2.5:arcroleRefMissing" in _codes(path)


def test_duplicate_arcs(tmp_path: Path) -> None:
    assert _codes(_linkbase(tmp_path, _arc("A", "B") + _arc("A", "B"))) == ["xlink:dupArcs"]


def test_folder_without_instances_validates_its_taxonomy(tmp_path: Path) -> None:
    _linkbase(tmp_path, _arc("A", "B"))
    names = sorted(t.path.name for t in expand([tmp_path]).targets)
    assert names == ["pre.xml", "t.xsd"]
    assert main([str(tmp_path), "--format", "json"]) == 0

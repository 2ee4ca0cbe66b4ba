"""The build's own check that an Inline page is its instance's filing: the same facts (figures
read back from digits, scale and sign; texts by their words), contexts and units — without
Arelle, in milliseconds. Any drift is a finding that fails the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import build as build_module
from generator.build import write_build
from generator.generate.inline import inline_bytes
from generator.generate.inline_check import inline_differences
from generator.generate.instance import instance_bytes
from generator.map import build_filings
from generator.model.filing import Filing
from generator.model.taxonomy import Taxonomy
from generator.synthetic import synthetic_results


@pytest.fixture(scope="module")
def filing(taxonomy: Taxonomy) -> Filing:
    return build_filings([synthetic_results(taxonomy, "iij")], taxonomy).filings[0]


def test_a_page_written_from_its_filing_has_no_difference(
    filing: Filing, taxonomy: Taxonomy
) -> None:
    page, instance = inline_bytes(filing, taxonomy), instance_bytes(filing, taxonomy)
    assert any(f.text for f in filing.facts)  # texts (escaped: "<", "&") are compared too
    assert inline_differences(page, instance) == []


@pytest.mark.parametrize(("old", "new", "expected"), [
    (rb'<ix:nonFraction [^>]*decimals="[^"]*"[^>]*>', None, "fact F"),
    (b'sign="-"', b"", "fact F"),
    (b'contextRef="CurrentYTDDuration" id="F1">', b'contextRef="CurrentYTDDuration" id="F1">x',
     "fact F1"),
    (b"<xbrli:startDate>", b"<xbrli:startDate>1", "differs from the instance's"),
])
def test_any_drift_of_the_page_is_named(
    filing: Filing, taxonomy: Taxonomy, old: bytes, new: bytes | None, expected: str
) -> None:
    page, instance = inline_bytes(filing, taxonomy), instance_bytes(filing, taxonomy)
    if new is None:  # a figure shown with another digit
        found_tag = re.search(old, page)
        assert found_tag is not None
        start = found_tag.end()
        digit = page[start:start + 1]
        changed = page[:start] + (b"7" if digit != b"7" else b"8") + page[start + 1:]
    else:
        assert old in page
        changed = page.replace(old, new, 1)
    found = inline_differences(changed, instance, "p.html")
    assert found and all(f.startswith("p.html: ") for f in found)
    assert expected in found[0]


def test_a_page_that_is_not_its_instance_fails_the_build(
    taxonomy: Taxonomy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def drifted(filing: Filing, taxonomy: Taxonomy) -> bytes:
        return inline_bytes(filing, taxonomy).replace(b' id="F2"', b' id="F2x"', 1)

    monkeypatch.setattr(build_module, "inline_bytes", drifted)
    said: list[str] = []
    outcome = write_build([synthetic_results(taxonomy, "iij")], taxonomy, tmp_path / "out",
                          arelle=False, say=said.append)
    assert not outcome.ok
    assert any("fact F2x" in f and f.startswith("[inline] ") for f in outcome.findings)
    assert not (tmp_path / "out").exists()  # nothing written, not even the folder

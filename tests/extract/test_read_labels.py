"""Label cleaning: footnote markers, OCR company names, spacing, page furniture."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.read.furniture import page_furniture
from generator.extract.read.lines import (
    clean_label,
    fix_company_names,
    fix_ocr_letters,
    is_prose,
    split_footnote,
)
from generator.model.entity import Company, Entity

ACME = Company(
    id="acme", name="Acme Widgets Inc.", names=("Acme Widgets Inc.", "AWI"),
    entity=Entity(scheme="http://example.com", identifier="12340"), fiscal_year_end_month=3,
    ocr_names=("4WI",),
)
IIJ = Company(
    id="iij", name="Internet Initiative Japan Inc.",
    names=("Internet Initiative Japan Inc.", "IIJ"),
    entity=Entity(scheme="http://www.tse.or.jp/sicc", identifier="37740"),
    fiscal_year_end_month=3, ocr_names=("11J", "I1J", "llJ"),
)
words = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=1, max_size=8)
labels = st.lists(words, min_size=1, max_size=6).map(" ".join)


@given(st.text(max_size=60))
def test_clean_label_is_idempotent_and_trimmed(text: str) -> None:
    once = clean_label(text)
    assert clean_label(once) == once
    assert once == once.strip()
    assert "  " not in once


@given(labels, st.sampled_from(["*1", "*2", "²", "³", "⁴", "®", "”"]))
def test_footnote_markers_split_from_labels(label: str, marker: str) -> None:
    assert split_footnote(f"{label}{marker}") == (label, marker)
    assert split_footnote(f"{label} {marker}") == (label, marker)


@given(labels)
def test_labels_without_markers_are_kept(label: str) -> None:
    assert split_footnote(label) == (label, None)
    assert split_footnote(f"{label} shareholders’") == (f"{label} shareholders’", None)


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("Net income attributable to 11J", "Net income attributable to IIJ"),
        ("I1J FiberAccess/F and 113 DSL/F", "IIJ FiberAccess/F and IIJ DSL/F"),
        ("113 Mobile Service", "IIJ Mobile Service"),
        ("Under I11J Brand", "Under IIJ Brand"),
        ("[1J-Global", "IIJ-Global"),
        ("IP Service (100Mbps-999Mbps)", "IP Service (100Mbps-999Mbps)"),
        ("Note (11)", "Note (11)"),
    ],
)
def test_ocr_misreadings_of_the_company_name(printed: str, read: str) -> None:
    assert fix_company_names(printed, [IIJ]) == read


def test_company_names_come_from_taxonomy_data() -> None:
    assert fix_company_names("Net income attributable to 4WI", [ACME]) == \
        "Net income attributable to AWI"
    assert fix_company_names("Net income attributable to 4WI", [IIJ]) == \
        "Net income attributable to 4WI"


def test_ocr_lower_l_in_capitals() -> None:
    assert fix_ocr_letters("Network services and Sl business") == \
        "Network services and SI business"
    assert fix_ocr_letters("Sales") == "Sales"


def test_page_furniture_is_found() -> None:
    lines = ["Revenues 1 2", "- 8 - IIJ 1H FY2013", "x", "-1-", "11J 1H FY2011", "a",
             "11J 1H FY2011", "b", "11J 1H FY2011", "- 14 -"]
    assert page_furniture(lines) == {1, 3, 4, 6, 8, 9}
    headers = ["1Q08 2Q08 3Q08 4Q08 FY2008", "Outsourcing 1 2 3 4 5"] * 3
    assert page_furniture(headers) == set()  # a column header repeated per block stays


def test_prose_is_told_from_column_names() -> None:
    assert is_prose("Revenues were JPY34,272 million, up 6.2% YoY. Additional revenues were up.")
    assert not is_prose("Total revenues Operating income Income before income tax expense Net "
                        "income attributable to IIJ per share (% shown is YoY change)")
    assert not is_prose("Changes in operating assets and liabilities net of effects from "
                        "acquisition of business and a company:")

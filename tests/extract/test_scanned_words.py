"""Labels whose words a scan split, glued, doubled a letter of, dropped or added one in, or read
"m" as "rn" ("Opera ting Incorne", "Equipent Sales", "Costof Revenues") name the wording they
damage, in any layout, without a similarity threshold: the wordings sharing the label's scan key
(or, for a key of eight letters or more, one letter off it) must name one line."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.map_rows import map_document
from generator.model.taxonomy import Taxonomy
from generator.taxonomy import load_taxonomy
from generator.taxonomy.aliases import AliasIndex, normalize_label
from generator.taxonomy.lookalikes import one_letter_off, scan_key

from .builders import col, document, row, table


@pytest.fixture(scope="module")
def real() -> Taxonomy:
    return load_taxonomy()


def key(text: str) -> str:
    return scan_key(normalize_label(text))


@pytest.mark.parametrize(("damaged", "printed"), [
    ("Opera ting Incorne", "Operating Income"),  # split, "rn" for "m"
    ("Costof Revenues", "Cost of Revenues"),  # glued
    ("Total Coosts", "Total Costs"),  # a doubled letter
    ("Intersegrnent", "Intersegment"),
    ("Purchase of Pr0perty andd Equipment", "Purchase of Property and Equipment"),
])
def test_a_scanned_label_keys_like_the_wording_it_damages(damaged: str, printed: str) -> None:
    assert key(damaged) == key(printed)


@pytest.mark.parametrize(("damaged", "printed"), [
    ("Equipent Sales", "Equipment Sales"),  # a letter dropped
    ("Accumulaed deficit", "Accumulated deficit"),
])
def test_a_label_a_letter_short_is_one_letter_off_its_wording(damaged: str, printed: str
                                                              ) -> None:
    assert key(damaged) in one_letter_off(key(printed))


@given(st.text(alphabet="abcdefghilmnorstu01 ", max_size=40))
def test_the_scan_key_is_stable_under_itself(text: str) -> None:
    once = scan_key(text)
    assert scan_key(once) == once


@given(st.text(alphabet="abcdefghilmnorstu ", min_size=1, max_size=30), st.data())
def test_a_space_or_a_doubled_letter_changes_no_scan_key(text: str, data: st.DataObject
                                                         ) -> None:
    at = data.draw(st.integers(0, len(text) - 1))
    assert scan_key(text[:at] + " " + text[at:]) == scan_key(text)
    assert scan_key(text[:at] + text[at] + text[at:]) == scan_key(text)


def _mapped(taxonomy: Taxonomy, label: str) -> list[tuple[str, Decimal | None]]:
    statement = table("Consolidated balance sheets", 10, [col(scale=1)], [
        row("ASSETS", 11), row("Current assets:", 12), row(label, 13, "1,234")], kind="balance")
    facts = map_document(document(statement, company="iij"), taxonomy).facts
    return [(f.concept, f.value) for f in facts if f.source.line == 13]


@pytest.mark.parametrize("label", ["Invent ories", "Inventoriies", "Inventries",
                                   "Prepaidexpenses"])
def test_a_scanned_label_names_its_concept_outside_ocr_text(real: Taxonomy, label: str) -> None:
    concept = "Inventories" if label.startswith("Inv") else "PrepaidExpensesCurrent"
    assert _mapped(real, label) == [(concept, Decimal(1234))]


def test_a_scanned_reading_is_reported_as_a_reading_of_a_damaged_label(real: Taxonomy) -> None:
    statement = table("Consolidated balance sheets", 10, [col(scale=1)], [
        row("ASSETS", 11), row("Current assets:", 12), row("Invent ories", 13, "1,234")],
        kind="balance")
    mapped = map_document(document(statement, company="iij"), real)
    assert [(r.label, r.read_as) for r in mapped.readings] == [("Invent ories", "inventory")]


def test_a_short_label_one_letter_off_a_wording_names_nothing(real: Taxonomy) -> None:
    """"hi-h" is a letter short of "hi-ho", and of many short words: too short to tell; a
    doubled letter ("hi-hoo") changes no scan key, whatever the length."""
    index = AliasIndex(real, real.companies["iij"])
    network = index.networks["NetworkServicesRevenueBreakdown"]
    assert network.scan_wordings(normalize_label("hi-h")) == []
    assert network.scan_wordings(normalize_label("hi-hoo")) == ["hi ho"]


def test_wordings_of_several_lines_one_letter_off_a_label_name_none(real: Taxonomy) -> None:
    """"System integration Sl" and "System integration SI" name different lines of the
    summary (the second also its gross profit): a label keying like both is read as
    neither."""
    index = AliasIndex(real, real.companies["iij"])
    network = index.networks["OperatingResultsSummary"]
    assert len(network.scan_wordings(normalize_label("Systerns Integration (SI)"))) == 2
    statement = table("Operating Results Summary", 10, [col(scale=10**6)], [
        row("Total Revenues", 11, "34,272"), row("Systerns Integration (SI)", 12, "12,987")])
    facts = map_document(document(statement, company="iij"), real).facts
    assert not [f for f in facts if f.source.line == 12]

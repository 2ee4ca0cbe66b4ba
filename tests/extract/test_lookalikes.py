"""Labels with letters OCR confuses (l/i/1, o/0) name the wording they damage, in any layout,
without a similarity threshold: exactly one wording of the network must share the key."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.map_rows import map_document
from generator.model.taxonomy import Taxonomy
from generator.taxonomy import load_taxonomy
from generator.taxonomy.aliases import AliasIndex, normalize_label
from generator.taxonomy.lookalikes import lookalike_key
from tests.extract.builders import col, document, row, table
from tests.extract.samples import synthetic_score


@pytest.fixture(scope="module")
def real() -> Taxonomy:
    return load_taxonomy()


def key(text: str) -> str:
    return lookalike_key(normalize_label(text))


@pytest.mark.parametrize(("damaged", "printed"), [
    ("Tota1 current assets", "Total current assets"),
    ("Liabilitles assumed", "Liabilities assumed"),
    ("Foreign exchange 1osses (gains), net", "Foreign exchange losses (gains), net"),
    ("1nventories", "Inventories"),
    ("Research and deve1opment", "Research and development"),
    ("Purchase of available-for-sale securlties", "Purchase of available-for-sale securities"),
])
def test_a_damaged_label_keys_like_the_wording_it_damages(damaged: str, printed: str) -> None:
    assert key(damaged) == key(printed)


@pytest.mark.parametrize(("one", "other"), [
    ("Total assets", "Total liabilities"),
    ("Cost of revenues", "Cost of sales"),
    ("Net income", "Net loss"),
])
def test_different_wordings_keep_different_keys(one: str, other: str) -> None:
    assert key(one) != key(other)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz10 ", max_size=40))
def test_the_key_is_stable_under_its_own_normalisation(text: str) -> None:
    once = key(text)
    assert lookalike_key(once) == once


def _mapped(taxonomy: Taxonomy, label: str) -> list[tuple[str, Decimal | None]]:
    statement = table("Consolidated balance sheets", 10, [col(scale=1)], [
        row("ASSETS", 11), row("Current assets:", 12), row(label, 13, "1,234")], kind="balance")
    facts = map_document(document(statement, company="iij"), taxonomy).facts
    return [(f.concept, f.value) for f in facts if f.source.line == 13]


def test_a_label_with_lookalike_letters_names_its_concept(real: Taxonomy) -> None:
    assert _mapped(real, "1nventories") == [("Inventories", Decimal(1234))]


def test_a_lookalike_reading_is_reported_as_a_reading_of_a_damaged_label(real: Taxonomy) -> None:
    statement = table("Consolidated balance sheets", 10, [col(scale=1)], [
        row("ASSETS", 11), row("Current assets:", 12), row("1nventories", 13, "1,234")],
        kind="balance")
    mapped = map_document(document(statement, company="iij"), real)
    assert [(r.label, r.read_as) for r in mapped.readings] == [("1nventories", "inventory")]


def test_an_ocr_release_read_as_ragged_columns_files_its_damaged_labels(real: Taxonomy) -> None:
    """Seed 7 damages 19 labels (57 figures): before lookalike keys they were all missed."""
    _, score = synthetic_score(real, "ocr", 7)
    assert score.filed_wrong == 0
    assert score.missed == 0


def test_an_ambiguous_lookalike_key_names_nothing(real: Taxonomy) -> None:
    """'SI' and 'SL' (two summary wordings) share a key: a damaged one is read as neither."""
    index = AliasIndex(real, real.companies["iij"])
    network = index.networks["OperatingResultsSummary"]
    assert len(network.lookalike_wordings(normalize_label("S1"))) == 2


def test_a_whole_damaged_label_is_read_before_its_first_words(real: Taxonomy) -> None:
    """Synthetic OCR seed 307 printed "Long-term borrowings—current portlon": read by its
    first words it was the noncurrent line (3 wrong figures); read whole, with the lookalike
    letter forgiven, it is the current portion."""
    statement = table("Consolidated balance sheets", 10, [col(scale=1)], [
        row("LIABILITIES", 11), row("Current liabilities:", 12),
        row("Long-term borrowings—current portlon", 13, "1,234")], kind="balance")
    facts = map_document(document(statement, company="iij"), real).facts
    assert [f.concept for f in facts if f.source.line == 13] == ["LongTermBorrowingsCurrent"]


@pytest.mark.parametrize("seed", [307, 631])
def test_ocr_releases_whose_cut_labels_named_other_lines_file_no_wrong_figure(
        real: Taxonomy, seed: int) -> None:
    _, score = synthetic_score(real, "ocr", seed)
    assert score.filed_wrong == 0, [w.describe() for w in score.wrong[:3]]

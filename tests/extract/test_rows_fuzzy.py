"""OCR-damaged labels: read by similarity in OCR documents only, and reported."""

from __future__ import annotations

from generator.extract.map_rows import map_document
from generator.extract.map_rows.fuzzy import closest_wording
from generator.model.taxonomy import Taxonomy
from generator.taxonomy.aliases import AliasIndex
from tests.extract.builders import col, document, row, table

DAMAGED = "Basic weighted-averaqe nurnber of shares (shares)"


def test_damaged_label_reads_as_the_closest_wording(index: AliasIndex) -> None:
    reading = closest_wording(index, index.network("Income"), DAMAGED)
    assert reading is not None
    assert reading.wording == index.key("Basic weighted-average number of shares (shares)")
    assert reading.score >= 0.82


def test_short_or_unlike_labels_are_not_guessed(index: AliasIndex) -> None:
    assert closest_wording(index, index.network("Income"), "Hostlng") is None  # too short
    assert closest_wording(index, index.network("Income"), "Gain on receipt of stones") is None


def test_ocr_document_maps_and_reports_the_reading(taxonomy: Taxonomy) -> None:
    doc = document(table("IS", 1, [col()], [row("Hosting", 4, "1"), row(DAMAGED, 5, "202,605")]))
    mapped = map_document(doc.model_copy(update={"layout": "ocr"}), taxonomy)
    assert [f.concept for f in mapped.facts] == ["HostingRevenue", "WeightedAverageShares"]
    (reading,) = mapped.readings
    assert (reading.line, reading.label) == (5, DAMAGED)


def test_clean_document_never_guesses(taxonomy: Taxonomy) -> None:
    mapped = map_document(document(table("IS", 1, [col()], [
        row("Hosting", 4, "1"), row(DAMAGED, 5, "202,605")])), taxonomy)
    assert len(mapped.facts) == 1 and len(mapped.unmapped) == 1


def test_a_garbled_label_is_read_as_the_line_printed_at_its_place(taxonomy: Taxonomy) -> None:
    """Too damaged for a clear closest wording, but at the place of "Support" (after
    "Hosting") and still half like it: read as that line, and reported."""
    garbled = "Sqp;p0rt.t s3rv1ce revenue ~~"
    doc = document(table("IS", 1, [col()], [row("Hosting", 4, "1"), row(garbled, 5, "2")]))
    mapped = map_document(doc.model_copy(update={"layout": "ocr"}), taxonomy)
    assert [f.concept for f in mapped.facts] == ["HostingRevenue", "SupportRevenue"]
    assert [r.line for r in mapped.readings] == [5]


def test_a_label_unlike_the_line_at_its_place_stays_unmapped(taxonomy: Taxonomy) -> None:
    doc = document(table("IS", 1, [col()], [row("Hosting", 4, "1"),
                                            row("qqqqq zzzzzzz xxxxxxx", 5, "2")]))
    mapped = map_document(doc.model_copy(update={"layout": "ocr"}), taxonomy)
    assert [f.concept for f in mapped.facts] == ["HostingRevenue"]
    assert len(mapped.unmapped) == 1

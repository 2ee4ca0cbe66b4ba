"""An elimination is printed by some releases as a positive amount deducted and by others with its
own sign (``sign: either`` in the taxonomy): a positive figure is filed only where its
segments add up to the total to say which it is, never filed as printed on a guess."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from generator.extract.pipeline import Extraction
from generator.extract.proof.signs import either_sign
from generator.taxonomy import load_taxonomy

from .samples import edited_sample, lines_of

OCR = "000_2bec0ea935cb70a9.txt"  # prints "Elimination 12 46" under segment operating income
SEGMENT_ROWS = (102, 817)  # the network segment's operating income, in both tables


def _segments_unread(text: list[str]) -> None:
    """A scan loses the network segment's row in both tables that print it (a row it
    damaged instead would make the elimination after it doubtful on that count alone)."""
    for line in SEGMENT_ROWS:
        assert text[line - 1].startswith("Network service and"), line
        text[line - 1] = ""


def test_the_taxonomy_declares_the_elimination_printed_either_way() -> None:
    assert ("BusinessSegmentsAxis", "EliminationMember") in either_sign(load_taxonomy())


def test_an_elimination_whose_segments_add_up_is_filed_with_its_natural_sign(
        tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, OCR, lambda text: None)
    eliminations = [f for f in ex.results.facts
                    if f.dimensions.get("BusinessSegmentsAxis") == "EliminationMember"]
    assert len(eliminations) >= 4  # revenues and operating income, two periods
    assert all(f.value is not None and f.value < 0 for f in eliminations)


def test_an_elimination_whose_segments_cannot_add_up_is_held_not_filed_positive(
        tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, OCR, _segments_unread)
    filed = [f for f in ex.results.facts
             if f.dimensions.get("BusinessSegmentsAxis") == "EliminationMember"
             and f.source.line in (104, 819)]
    assert all(f.value is not None and f.value < 0 for f in filed), filed
    held = [h for h in ex.results.review if h.line in (104, 819)]
    assert held and all("printed by some releases as a deduction" in h.reason for h in held)


TABBED = "004_071992bb41c141de.txt"  # "Elimination<TAB>284<TAB>257": segment revenues, line 62


def _eliminations_at(ex: Extraction, line: int) -> set[Decimal | None]:
    return {f.value for f in ex.results.facts if line in lines_of(f)
            and f.dimensions.get("BusinessSegmentsAxis") == "EliminationMember"}


def test_an_elimination_settled_by_a_total_in_another_table_is_filed(tmp_path: Path) -> None:
    def no_segment_total(text: list[str]) -> None:
        del text[70:]  # the summary alone: its total revenues on line 40
        assert text[58].startswith("Total Revenues\t51,109")
        text[58] = ""  # the segment table prints no total of its own

    ex = edited_sample(tmp_path, TABBED, no_segment_total)
    assert _eliminations_at(ex, 62) == {Decimal(-284_000_000), Decimal(-257_000_000)}


def test_an_elimination_after_an_unread_line_is_filed_where_its_members_add_up(
        tmp_path: Path) -> None:
    def cloud(text: list[str]) -> None:
        del text[70:]
        text.insert(60, "of which cloud services\t6,200\t7,900\t\t")  # a line no wording names

    ex = edited_sample(tmp_path, TABBED, cloud)
    assert _eliminations_at(ex, 63) == {Decimal(-284_000_000), Decimal(-257_000_000)}

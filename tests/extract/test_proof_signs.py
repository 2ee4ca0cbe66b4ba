"""An elimination is printed by some releases as a positive amount deducted and by others with its
own sign (``sign: either`` in the taxonomy): a positive figure is filed only where its
segments add up to the total to say which it is, never filed as printed on a guess."""

from __future__ import annotations

from pathlib import Path

from generator.extract.proof.signs import either_sign
from generator.taxonomy import load_taxonomy

from .samples import edited_sample

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

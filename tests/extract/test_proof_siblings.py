"""A sum short of a declared part that adds up in one column of its table and breaks in the
other, the same parts printed, is broken there: its figures nothing else pins are held
(proof/siblings.py)."""

from __future__ import annotations

from pathlib import Path

from generator.extract.pipeline import Extraction, extract_release
from generator.resources import samples_dir
from generator.synthetic.release import ReleaseOptions, synthetic_release
from generator.taxonomy import load_taxonomy


def _release(tmp_path: Path, *edits: tuple[str, str]) -> Extraction:
    """Synthetic release 210 (tab-separated; its investing section, lines 160-173, prints
    fewer lines than the sum declares) with figures printed otherwise."""
    taxonomy = load_taxonomy()
    release = synthetic_release(taxonomy, "iij", seed=210, layout="tabs",
                                options=ReleaseOptions())
    text = release.text
    for printed, misread in edits:
        assert text.count(printed) == 1
        text = text.replace(printed, misread)
    path = tmp_path / release.name
    path.write_text(text, encoding="utf-8")
    return extract_release(path, taxonomy)


def _filed(ex: Extraction, concept: str) -> set[int]:
    return {int(f.value or 0) for f in ex.results.facts if f.concept == concept
            and f.unit == "JPY"}


def test_two_misreads_in_a_section_short_of_a_part_are_held_where_the_other_column_adds_up(
        tmp_path: Path) -> None:
    """Lines 167-168 print 1H FY2028's guarantee deposits paid and refunded as "622,161" and
    "664,559" (722,161 and 964,559): net cash used in investing activities (8,523,609) then
    misses its printed parts by 400,000, which no single misread digit explains. A part the
    sum declares is not printed, but the same printed parts add up in the 1H FY2029 column:
    the part is not in this table, so the sum is broken, and the misreadings are held."""
    ex = _release(tmp_path, ("722,161", "622,161"), ("964,559", "664,559"))
    assert 622_161_000 not in _filed(ex, "PaymentsOfGuaranteeDeposits")
    assert 664_559_000 not in _filed(ex, "RefundOfGuaranteeDeposits")
    reasons = {h.text: h.reason for h in ex.results.review}
    assert "NetCashFromInvestingActivities 8,523,609 (line 173) breaks" in reasons["622,161"]


def test_the_section_as_printed_is_filed(tmp_path: Path) -> None:
    ex = _release(tmp_path)
    assert 722_161_000 in _filed(ex, "PaymentsOfGuaranteeDeposits")
    assert not [h for h in ex.results.review if "NetCashFromInvestingActivities" in h.reason]


def test_a_sample_s_sum_short_of_a_part_that_breaks_in_every_column_holds_nothing() -> None:
    """000's quarterly cash flows (line 1129 on) print an operating section short of parts the
    sum declares, and it misses its total in both columns: nothing shows the missing parts are
    not in the table, so nothing is held for that sum."""
    ex = extract_release(samples_dir() / "000_2bec0ea935cb70a9.txt", load_taxonomy())
    assert not [h for h in ex.results.review if "NetCashFromOperatingActivities" in h.reason]

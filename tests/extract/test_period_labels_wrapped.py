"""A one-row-per-period table whose row labels wrap: the period phrase cut where its line ended
("Six Months Ended" / "September 30, 2013<TAB>51.66 ...", "Fiscal Year Ending<TAB>117,000 ..." /
"March 31, 2014"), read as one label on the line of the figures. Edited from 004's summary."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from generator.extract.pipeline import Extraction, extract_release
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy

from .samples import TABBED, dur, edited_sample, extraction, lines_of

OCR = "000_2bec0ea935cb70a9.txt"


def _filed_from(ex: Extraction, line: int) -> set[tuple[object, ...]]:
    return {(f.concept, f.period, tuple(sorted(f.dimensions.items())), f.value)
            for f in ex.results.facts if line in lines_of(f)}


def _cut(line: int, at: str) -> object:
    """Line ``line`` (1-based) printed as two lines, broken after the words ``at``."""
    def edit(text: list[str]) -> None:
        assert text[line - 1].startswith(at), text[line - 1]
        text[line - 1:line] = [at.rstrip(), text[line - 1][len(at):]]
    return edit


def test_a_period_phrase_begun_on_the_line_above_the_figures_names_their_period(
        tmp_path: Path) -> None:
    # the per-share rows (778, 779): "September 30, 2013" alone is a day, no six months
    def edit(text: list[str]) -> None:
        _cut(779, "Six Months Ended ")(text)  # the later line first: the earlier stays put
        _cut(778, "Six Months Ended ")(text)

    ex = edited_sample(tmp_path, TABBED, edit)
    original = extraction(TABBED)
    for before, after in ((778, 779), (779, 781)):
        assert _filed_from(original, before)
        assert _filed_from(ex, after) == _filed_from(original, before)


def test_a_period_phrase_ended_on_the_line_after_the_figures_names_their_period(
        tmp_path: Path) -> None:
    # the target (809): "Fiscal Year Ending<TAB>117,000 ..." / "March 31, 2014"
    def edit(text: list[str]) -> None:
        row = text[808]
        assert row.startswith("Fiscal Year Ending March 31, 2014\t")
        text[808:809] = ["Fiscal Year Ending" + row[len("Fiscal Year Ending March 31, 2014"):],
                         "March 31, 2014"]

    ex = edited_sample(tmp_path, TABBED, edit)
    assert _filed_from(extraction(TABBED), 809)
    assert _filed_from(ex, 809) == _filed_from(extraction(TABBED), 809)


def test_a_year_that_opens_the_figures_line_ends_the_date_begun_above(tmp_path: Path) -> None:
    # the dividends (795): "Fiscal Year Ended March 31," / "2013<TAB>-<TAB>1,750.00 ...": the
    # year is the label's, not a first figure
    ex = edited_sample(tmp_path, TABBED, _cut(795, "Fiscal Year Ended March 31, "))
    assert _filed_from(extraction(TABBED), 795)
    assert _filed_from(ex, 796) == _filed_from(extraction(TABBED), 795)



def test_a_period_phrase_over_a_grid_row_joins_it_across_the_rule_line(tmp_path: Path) -> None:
    # 000's TSE results printed as a box grid: "Six months ended", a blank line, the grid's
    # rule line ("+----+", no segment), then "| September 30, 2011 | 47,207 | 37.7 | ..."
    from benchmarks.retypeset import retypeset

    text, linemap, _ = retypeset((samples_dir() / OCR).read_text(encoding="utf-8"), "pipes", 1,
                                 OCR)
    path = tmp_path / OCR
    path.write_text(text, encoding="utf-8")
    ex = extract_release(path, load_taxonomy())
    at = {v: int(k) for k, v in linemap.items()}  # the sample's line -> the grid's
    lines = text.split("\n")
    assert lines[at[1181] - 1].startswith("| September 30, 2011 | 47,207 |")
    assert lines[at[1181] - 4] == "Six months ended"
    # (merged into the statement's figures in thousands, which the summary rounds)
    filed = {(f.concept, round(f.value, -6)) for f in ex.results.facts if f.value is not None
             and at[1181] in lines_of(f) and f.period == dur("2011-04-01", "2011-09-30")}
    assert ("Revenues", Decimal(47_207_000_000)) in filed
    assert ("NetIncomeAttributableToParent", Decimal(1_361_000_000)) in filed

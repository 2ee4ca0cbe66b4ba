"""The "runon" layout: a statement as a PDF's text layer pasted as paragraphs prints it
(sample 003) — title, header and every row on one line, the header's unit cells broken across
blank lines, headings running into the next row, nil cells as en dashes."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

from generator.extract.pipeline import extract_release
from generator.model.taxonomy import Taxonomy
from generator.synthetic.release import LAYOUTS, ReleaseOptions, synthetic_release
from generator.synthetic.render import ALL_LAYOUTS
from generator.synthetic.score import score_release

SEEDS = (0, 1, 2, 3, 4, 5)


def _runon(taxonomy: Taxonomy, seed: int):  # type: ignore[no-untyped-def]
    return synthetic_release(taxonomy, "iij", seed=seed, layout="runon")


def test_runon_is_asked_for_by_name_and_the_default_layouts_stay() -> None:
    assert LAYOUTS == ("tabs", "spaces2", "single", "ocr")
    assert "runon" in ALL_LAYOUTS


def test_same_seed_same_text(taxonomy: Taxonomy) -> None:
    assert _runon(taxonomy, 5) == _runon(taxonomy, 5)
    assert _runon(taxonomy, 6).text != _runon(taxonomy, 5).text


@pytest.mark.parametrize("seed", SEEDS)
def test_every_figure_is_on_the_line_the_truth_says(taxonomy: Taxonomy, seed: int) -> None:
    release = _runon(taxonomy, seed)
    lines = release.text.splitlines()
    assert release.truth
    for figure in release.truth:
        line = lines[figure.line - 1]
        printed = rf"(?<![\d,.]){re.escape(figure.text)}(?![\d,.]\d)"
        assert re.search(printed, line), (figure, line[:200])


@pytest.mark.parametrize("seed", SEEDS)
def test_each_statement_runs_on_in_few_lines(taxonomy: Taxonomy, seed: int) -> None:
    """All of a statement's figures sit on at most a handful of lines (one per page, less the
    unit cells' breaks): the table is a paragraph, not rows."""
    release = _runon(taxonomy, seed)
    for table in {f.table for f in release.truth}:
        lines = {f.line for f in release.truth if f.table == table}
        assert len(lines) <= 3, (table, sorted(lines))
    numbered = [ln for ln in release.text.splitlines() if len(ln.split()) >= 60]
    assert len(numbered) >= 3


def test_unit_cells_break_across_blank_lines_as_003_prints_them(taxonomy: Taxonomy) -> None:
    """"... As of September 30, 2030 Thousands of" / "" / "JPY Thousands of" / "" / "JPY ..."."""
    broken = 0
    for seed in SEEDS:
        lines = _runon(taxonomy, seed).text.splitlines()
        for i, line in enumerate(lines[:-2]):
            if line.endswith("Thousands of") and lines[i + 1] == "":
                assert lines[i + 2].startswith(("JPY", "U.S. Dollars"))
                broken += 1
    assert broken >= 6


def test_a_page_break_repeats_the_header_inside_the_run(taxonomy: Taxonomy) -> None:
    repeated = 0
    for seed in SEEDS:
        for line in _runon(taxonomy, seed).text.splitlines():
            if "Consolidated" in line or len(line.split()) < 20:
                continue
            if re.search(r"\d \(?(As of|Six Months Ended) ", line):
                repeated += 1  # a row's figures, then the period phrases again
    assert repeated >= 3


def test_nil_cells_and_negatives_print_as_the_text_layer_does(taxonomy: Taxonomy) -> None:
    texts = [f.text for seed in SEEDS for f in _runon(taxonomy, seed).truth]
    assert any(t in ("–", "—") for t in texts)
    assert any(re.fullmatch(r"\([\d,.]+ \)", t) for t in texts)


def test_statements_without_notes_between_them_run_on_together(taxonomy: Taxonomy) -> None:
    """A tight release (no notes between tables) runs the next statement on from the last row
    of the one before, its title without the company: 003's comprehensive income statement."""
    glued = 0
    for seed in range(12):
        release = _runon(taxonomy, seed)
        if not release.features["tight"]:
            continue
        tables_on = {}
        for figure in release.truth:
            tables_on.setdefault(figure.line, set()).add(figure.table)
        glued += any(len(tables) > 1 for tables in tables_on.values())
    assert glued >= 2


# Seeds whose releases once filed a wrong figure or missed some (the fixes' commits say which)
FOUND = (3, 4, 6, 7, 8, 10, 11, 20, 24, 40, 52)


@pytest.mark.parametrize("seed", FOUND)
@pytest.mark.parametrize("highlights", [False, True])
def test_a_run_on_release_files_nothing_wrong_and_misses_nothing(
        taxonomy: Taxonomy, seed: int, highlights: bool) -> None:
    release = synthetic_release(taxonomy, "iij", seed=seed, layout="runon",
                                options=ReleaseOptions(highlights=highlights))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / release.name
        path.write_text(release.text, encoding="utf-8")
        extraction = extract_release(path, taxonomy)
    assert extraction.coverage.layout == "runon"
    defaults = {axis.name: axis.default for axis in taxonomy.axes.values()}
    score = score_release(release.truth, extraction.results, default_members=defaults)
    assert score.filed_wrong == 0, [w.describe() for w in score.wrong]
    assert score.missed == 0, score.missed_figures
    assert score.recall >= 0.9


def test_a_note_may_run_into_the_next_statement(taxonomy: Taxonomy) -> None:
    """003's "... Nothing to be reported. Segment Information (Unaudited) ...": a note and the
    statement after it in one paragraph."""
    glued = 0
    for seed in range(20):
        for line in _runon(taxonomy, seed).text.splitlines():
            glued += line.startswith("(Note)") and "Consolidated Statements of" in line
    assert glued >= 2

"""Synthetic releases opening with highlights whose figures print their own units: every such
figure is filed right or held back, none filed wrong (issue 10's measure, per release)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from generator.extract.pipeline import extract_release
from generator.model.taxonomy import Taxonomy
from generator.synthetic.release import LAYOUTS, ReleaseOptions, synthetic_release
from generator.synthetic.score import score_release

SEEDS = (1, 2, 3)
WITH_HIGHLIGHTS = ReleaseOptions(highlights=True)


def test_without_the_option_a_release_is_the_text_it_always_was(taxonomy: Taxonomy) -> None:
    plain = synthetic_release(taxonomy, "iij", seed=2)
    assert plain == synthetic_release(taxonomy, "iij", seed=2, options=ReleaseOptions())
    assert "Highlights of" not in plain.text


@pytest.mark.parametrize("seed", SEEDS)
def test_highlight_figures_are_printed_where_the_truth_says(taxonomy: Taxonomy, seed: int) -> None:
    release = synthetic_release(taxonomy, "iij", seed=seed, options=WITH_HIGHLIGHTS)
    lines = release.text.splitlines()
    printed = [f for f in release.truth if f.table == "highlights"]
    assert {f.column for f in printed} >= {"current", "target"}
    for figure in printed:
        assert figure.text in lines[figure.line - 1], (figure, lines[figure.line - 1])


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_highlights_are_filed_right_and_nothing_wrong(
        taxonomy: Taxonomy, layout: str, seed: int) -> None:
    release = synthetic_release(taxonomy, "iij", seed=seed, layout=layout,  # type: ignore[arg-type]
                                options=WITH_HIGHLIGHTS)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / release.name
        path.write_text(release.text, encoding="utf-8")
        extraction = extract_release(path, taxonomy)
    defaults = {axis.name: axis.default for axis in taxonomy.axes.values()}
    score = score_release(release.truth, extraction.results, default_members=defaults)
    assert score.filed_wrong == 0, [w.describe() for w in score.wrong]
    assert score.missed == 0, score.missed_figures
    targets = {(f.concept, f.value) for f in extraction.results.facts
               if f.dimensions.get("ResultForecastAxis") == "ForecastMember"
               and f.period == release.period.ytd}
    assert targets == {(f.concept, f.value) for f in release.truth if f.column == "target"}

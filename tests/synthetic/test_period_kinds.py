"""Synthetic releases of each period a company reports — first quarter, first half, nine
months, full year: every statement figure filed right, none wrong or missed, per release."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest

from generator.extract.pipeline import extract_release
from generator.model.taxonomy import Taxonomy
from generator.synthetic.release import LAYOUTS, ReleaseOptions, synthetic_release
from generator.synthetic.score import score_release

KINDS = {"Q1": ("1Q FY2026", 3), "H1": ("1H FY2026", 6), "Q3": ("1Q-3Q FY2026", 9),
         "FY": ("FY2026", 12)}


def test_the_default_kind_is_the_first_half_release_it_always_was(taxonomy: Taxonomy) -> None:
    plain = synthetic_release(taxonomy, "iij", seed=2)
    assert plain == synthetic_release(taxonomy, "iij", seed=2, options=ReleaseOptions(kind="H1"))
    assert plain.period.kind == "H1"


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_reports_its_year_to_date_and_says_so_in_its_title(
        taxonomy: Taxonomy, kind: str) -> None:
    release = synthetic_release(taxonomy, "iij", seed=1, fiscal_year=2026,
                                options=ReleaseOptions(kind=kind))
    label, months = KINDS[kind]
    assert release.period.label == label and release.period.start == dt.date(2026, 4, 1)
    assert release.period.ytd.months == months
    assert f'"{label}"' in release.text.splitlines()[2]


def test_an_unknown_kind_is_refused(taxonomy: Taxonomy) -> None:
    with pytest.raises(ValueError, match="unknown period kind"):
        synthetic_release(taxonomy, "iij", options=ReleaseOptions(kind="Q2"))


def test_a_full_year_s_prior_year_closes_on_the_cash_the_current_year_opens_with(
        taxonomy: Taxonomy) -> None:
    release = synthetic_release(taxonomy, "iij", seed=1, options=ReleaseOptions(kind="FY"))
    cash = {f.period: f.value for f in release.truth if f.concept == "CashAndCashEquivalents"
            and f.unit == "JPY"}
    prior_end = release.period.start - dt.timedelta(days=1)
    assert len({v for p, v in cash.items() if str(p) == f"@{prior_end}"}) == 1


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kind", ["Q1", "Q3", "FY"])
def test_every_kind_is_filed_right_and_nothing_wrong(
        taxonomy: Taxonomy, layout: str, kind: str) -> None:
    release = synthetic_release(taxonomy, "iij", seed=4, layout=layout,  # type: ignore[arg-type]
                                options=ReleaseOptions(kind=kind))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / release.name
        path.write_text(release.text, encoding="utf-8")
        extraction = extract_release(path, taxonomy)
    assert extraction.results.period == release.period
    defaults = {axis.name: axis.default for axis in taxonomy.axes.values()}
    score = score_release(release.truth, extraction.results, default_members=defaults)
    assert score.filed_wrong == 0, [w.describe() for w in score.wrong]
    assert score.missed == 0 and score.held_back == 0, score.missed_figures


@pytest.mark.parametrize(("kind", "targets"), [("Q1", False), ("H1", True), ("Q3", False),
                                                ("FY", True)])
def test_highlights_print_targets_only_for_a_half_or_a_full_year(
        taxonomy: Taxonomy, kind: str, targets: bool) -> None:
    release = synthetic_release(taxonomy, "iij", seed=1,
                                options=ReleaseOptions(kind=kind, highlights=True))
    assert any(f.table == "highlights" for f in release.truth)
    assert any(f.column == "target" for f in release.truth) == targets

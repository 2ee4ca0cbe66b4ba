"""Synthetic releases with ground truth, and the per-release scorer (issue 10)."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.extract.pipeline import extract_release
from generator.model.fact import Provenance
from generator.model.period import Duration
from generator.model.results import ResultFact, Results
from generator.model.taxonomy import Taxonomy
from generator.synthetic.release import LAYOUTS, ReleaseOptions, synthetic_release
from generator.synthetic.score import score_release
from generator.synthetic.truth import TruthFigure

SEEDS = (0, 1, 2, 3)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_same_seed_same_text(taxonomy: Taxonomy, layout: str) -> None:
    one = synthetic_release(taxonomy, "iij", seed=5, layout=layout)  # type: ignore[arg-type]
    two = synthetic_release(taxonomy, "iij", seed=5, layout=layout)  # type: ignore[arg-type]
    assert one.text == two.text
    assert one.truth == two.truth
    other = synthetic_release(taxonomy, "iij", seed=6, layout=layout)  # type: ignore[arg-type]
    assert other.text != one.text


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_truth_points_at_printed_text(taxonomy: Taxonomy, layout: str, seed: int) -> None:
    release = synthetic_release(taxonomy, "iij", seed=seed, layout=layout)  # type: ignore[arg-type]
    lines = release.text.splitlines()
    assert release.truth
    in_labels = {f.concept for f in taxonomy.label_figures}
    for figure in release.truth:
        if figure.concept in in_labels:  # inside a label ("stock—1,650,909 shares"), which
            near = " ".join(lines[max(0, figure.line - 4):figure.line + 3])  # may wrap
            assert figure.text in near, (figure, near)
            continue
        assert figure.text in lines[figure.line - 1].split(), (figure, lines[figure.line - 1])


@pytest.mark.parametrize("seed", SEEDS)
def test_fiscal_year_is_not_a_sample_year(taxonomy: Taxonomy, seed: int) -> None:
    release = synthetic_release(taxonomy, "iij", seed=seed)
    assert 2019 <= release.period.fiscal_year_start.year <= 2030


@pytest.mark.parametrize("seed", SEEDS)
def test_totals_add_up(taxonomy: Taxonomy, seed: int) -> None:
    """Every calculation whose total is printed holds over the printed JPY figures (a part
    not printed, or a dash, is zero); a key printed twice is printed alike."""
    release = synthetic_release(taxonomy, "iij", seed=seed, layout="tabs")
    values: dict[tuple[object, ...], Decimal | None] = {}
    for f in release.truth:
        if f.unit != "JPY":
            continue
        key = (f.concept, f.period)
        assert values.get(key, f.value) == f.value, f
        values[key] = f.value
    periods = {f.period for f in release.truth}
    checked = 0
    printed_tables = {f.table for f in release.truth}
    for net in taxonomy.networks:
        if net.id not in printed_tables:
            continue
        sums: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
        for arc in net.calculations:
            sums[arc.parent].append((arc.child, arc.weight))
        for parent, parts in sums.items():
            for period in periods:
                total = values.get((parent, period))
                if total is None:
                    continue
                added = sum(((values.get((c, period)) or Decimal(0)) * w for c, w in parts),
                            Decimal(0))
                assert added == total, (net.id, parent, period)
                checked += 1
    assert checked > 30
    assets = {f.period: f.value for f in release.truth if f.concept == "Assets"}
    equity = {f.period: f.value for f in release.truth if f.concept == "LiabilitiesAndEquity"}
    assert assets == equity


def _fact(concept: str, value: str, period: Duration, line: int) -> ResultFact:
    return ResultFact(
        concept=concept, period=period, unit="JPY", value=Decimal(value), decimals=-3,
        source=Provenance(document="x.txt", line=line, text=value),
    )


def test_scorer_counts_a_hand_made_results() -> None:
    current = Duration(start=dt.date(2025, 4, 1), end=dt.date(2025, 9, 30))
    prior = Duration(start=dt.date(2024, 4, 1), end=dt.date(2024, 9, 30))

    def truth(concept: str, value: str, period: Duration, line: int) -> TruthFigure:
        return TruthFigure(concept, period, (), "JPY", Decimal(value), -3, line, value,
                           "IncomeStatement", "current")

    printed = [
        truth("Revenues", "1000", current, 10),
        truth("OperatingIncome", "200", current, 11),
        truth("NetIncome", "50", current, 12),
        truth("IncomeTaxExpense", "30", current, 13),
        truth("InterestIncome", "7", current, 14),
    ]
    results = Results(
        company="iij", document="x.txt",
        period={"kind": "H1", "start": current.start, "end": current.end,  # type: ignore[arg-type]
                "fiscal_year_start": current.start, "fiscal_year_end": dt.date(2026, 3, 31),
                "label": "1H FY2025"},
        facts=(
            _fact("Revenues", "1000.0", current, 10),  # right (Decimal equality)
            _fact("OperatingIncome", "300", current, 11),  # wrong value
            _fact("NetIncome", "50", prior, 12),  # wrong period: not printed
        ),
    )
    held = SimpleNamespace(source=SimpleNamespace(line=13, text="30"), text="30")
    with_review = SimpleNamespace(**{k: getattr(results, k) for k in ("facts",)},
                                  review=(held,))
    score = score_release(printed, with_review)  # type: ignore[arg-type]
    assert (score.filed_right, score.filed_wrong, score.held_back) == (1, 2, 1)
    # missed: NetIncome current (only filed for the prior period) and InterestIncome
    assert score.missed == 2
    assert {w.concept for w in score.wrong} == {"OperatingIncome", "NetIncome"}
    assert score.wrong[0].truth_at_key and not score.wrong[1].truth_at_key
    assert score_release(printed, results).held_back == 0


def _score(taxonomy: Taxonomy, layout: str, seed: int,
           options: ReleaseOptions | None = None) -> tuple[int, list[str]]:
    release = synthetic_release(taxonomy, "iij", seed=seed, layout=layout,  # type: ignore[arg-type]
                                options=options)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / release.name
        path.write_text(release.text, encoding="utf-8")
        results = extract_release(path, taxonomy).results
    defaults = {axis.name: axis.default for axis in taxonomy.axes.values()}
    score = score_release(release.truth, results, default_members=defaults)
    return score.filed_wrong, [w.describe() for w in score.wrong[:5]]


# The fixed set of unseen releases the issue asks the test run to hold at zero wrong figures:
# every layout, eight seeds each (shapes drawn from the seed: USD and % columns, YoY columns,
# long labels, multi-line headers, adjacent tables, OCR page furniture and misread characters).
# Their recall is printed by benchmarks/bench_extraction.py, not asserted here.
@pytest.mark.parametrize("layout", ["tabs", "spaces2", "single", "ocr"])
@pytest.mark.parametrize("seed", range(8))
def test_an_unseen_release_files_no_wrong_figure(taxonomy: Taxonomy, layout: str,
                                                 seed: int) -> None:
    wrong, examples = _score(taxonomy, layout, seed)
    assert wrong == 0, examples


def test_a_figure_held_under_a_wrong_column_is_held_not_missed() -> None:
    """A row placed in the wrong columns and held by the proof is held back, with its reason:
    the figure of its concept, printed with its text on its line, is not counted as missed
    (a review entry of another concept with that text does not stand for it)."""
    current = Duration(start=dt.date(2025, 4, 1), end=dt.date(2025, 9, 30))
    prior = Duration(start=dt.date(2024, 4, 1), end=dt.date(2024, 9, 30))
    printed = [TruthFigure("Revenues", current, (), "JPY", Decimal(1000), -3, 10, "1,000",
                           "IncomeStatement", "current"),
               TruthFigure("NetIncome", current, (), "JPY", Decimal(50), -3, 11, "50",
                           "IncomeStatement", "current")]
    held = [_fact("Revenues", "1000", prior, 10).model_copy(
                update={"source": Provenance(document="x.txt", line=10, text="1,000")}),
            _fact("OperatingIncome", "50", prior, 11)]
    results = SimpleNamespace(facts=(), review=tuple(held))
    score = score_release(printed, results)  # type: ignore[arg-type]
    assert score.held_back == 2
    assert [m.concept for m in score.missed_figures] == ["NetIncome"]

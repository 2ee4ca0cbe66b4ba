"""Extraction in linear time (issue 15, part 4): a figure printed many times is compared with
each distinct reading once, not with every other printing; period tilings are found once per
period. Counted, not timed: the number of comparisons grows with the copies, not their square."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract import crosscheck
from generator.extract.crosscheck import _Group
from generator.extract.pipeline import extract_document
from generator.extract.precision import consistent
from generator.extract.proof import periods, twice
from generator.extract.read import read_text
from generator.model.period import Duration
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy
from generator.resources import sample_releases
from generator.taxonomy import load_taxonomy


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def _comparisons(text: str, taxonomy: Taxonomy, monkeypatch: pytest.MonkeyPatch) -> int:
    calls = 0

    def counted(*args: Any, **kwargs: Any) -> bool:
        nonlocal calls
        calls += 1
        return consistent(*args, **kwargs)

    monkeypatch.setattr(twice, "consistent", counted)
    monkeypatch.setattr(crosscheck, "consistent", counted)
    extract_document(read_text("copies.txt", text, taxonomy), taxonomy)
    return calls


def test_comparisons_grow_linearly_with_the_copies_of_a_release(
        taxonomy: Taxonomy, monkeypatch: pytest.MonkeyPatch) -> None:
    release = next(p for p in sample_releases() if p.name.startswith("001")).read_text()
    two = _comparisons(release * 2, taxonomy, monkeypatch)
    eight = _comparisons(release * 8, taxonomy, monkeypatch)
    # Quadratic would be 16x; each distinct reading is compared once, so about the same.
    assert eight <= 4 * two, (two, eight)


def _fact(value: int | None, decimals: int | None, line: int) -> ResultFact:
    return ResultFact.model_validate({
        "concept": "Revenues", "unit": "JPY",
        "period": {"kind": "duration", "start": "2010-04-01", "end": "2010-09-30"},
        "value": None if value is None else str(value),
        "decimals": None if value is None else decimals,
        "source": {"document": "d.txt", "line": line + 1},
    })


readings = st.lists(
    st.tuples(st.one_of(st.none(), st.integers(-3000, 3000).map(lambda v: v * 1000)),
              st.sampled_from([-6, -3, 0])),
    min_size=1, max_size=30)


@given(readings)
@settings(max_examples=200, deadline=None)
def test_support_counted_by_reading_equals_every_pair_compared(
        items: list[tuple[int | None, int]]) -> None:
    facts = [_fact(v, d, i) for i, (v, d) in enumerate(items)]
    group = _Group(facts, set())
    for fact in facts:
        naive = sum(1 for other in facts
                    if other is not fact and consistent(fact, other, slack_units=1))
        assert group._support(fact) == naive


def _naive_tiling(whole: Duration, pieces: list[periods.Piece]) -> list[periods.Piece] | None:
    """The tiling as it was computed before (every piece scanned for every figure)."""
    by_start: dict[dt.date, list[periods.Piece]] = defaultdict(list)
    for piece in pieces:
        period = piece[2]
        if period != whole and whole.start <= period.start and period.end <= whole.end:
            by_start[period.start].append(piece)
    chain: list[periods.Piece] = []
    day = whole.start
    while day <= whole.end:
        options = sorted(by_start.get(day, []), key=lambda p: p[2].end)
        if not options:
            return None
        chain.append(options[0])
        day = options[0][2].end + dt.timedelta(days=1)
    return chain if len(chain) >= 2 else None


def _span(start_q: int, length: int) -> Duration:
    starts = [dt.date(2010, 4, 1), dt.date(2010, 7, 1), dt.date(2010, 10, 1),
              dt.date(2011, 1, 1), dt.date(2011, 4, 1)]
    end = starts[min(start_q + length, 4)] - dt.timedelta(days=1)
    return Duration(start=starts[start_q], end=end)


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 4)), min_size=1, max_size=25))
@settings(max_examples=200, deadline=None)
def test_tilings_indexed_once_equal_the_scan_per_figure(spans: list[tuple[int, int]]) -> None:
    pieces: list[periods.Piece] = [
        (None, _fact(i, 0, i), _span(q, n))  # type: ignore[misc]
        for i, (q, n) in enumerate(spans)]
    tilings = periods._Tilings(pieces)
    for _, _, span in pieces:
        assert tilings.tiling(span) == _naive_tiling(span, pieces)


def test_decimal_values_stay_decimal() -> None:
    assert isinstance(_fact(1000, -3, 1).value, Decimal)

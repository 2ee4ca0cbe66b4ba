"""Helpers for the per-sample tests: one extraction per sample, looked up by concept and period."""

from __future__ import annotations

import datetime as dt
import functools
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from generator.extract.pipeline import Extraction, extract_release
from generator.model.period import Duration, Instant
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy
from generator.resources import samples_dir
from generator.synthetic.release import synthetic_release
from generator.synthetic.score import ReleaseScore, score_release
from generator.taxonomy import load_taxonomy

TABBED = "004_071992bb41c141de.txt"  # the sample other renderings are made from


def figures(ex: Extraction) -> set[tuple[object, ...]]:
    """Every figure as (concept, period, unit, value, decimals, dimensions): what a rendering of
    the same release must give again."""
    return {
        (f.concept, f.period, f.unit, f.value, f.decimals, tuple(sorted(f.dimensions.items())))
        for f in ex.results.facts
    }


@functools.cache
def extraction(name: str) -> Extraction:
    return extract_release(samples_dir() / name, load_taxonomy())


def printed_as(line: int, printed: str, read: str) -> Callable[[list[str]], None]:
    """An edit for :func:`edited_sample`: line ``line`` (1-based) shows ``read`` where the
    sample prints ``printed`` (a scan's misreading, a release's misprint)."""
    def edit(text: list[str]) -> None:
        assert printed in text[line - 1], (line, printed)
        text[line - 1] = text[line - 1].replace(printed, read)
    return edit


def edited_sample(tmp_path: Path, name: str, edit: Callable[[list[str]], None]) -> Extraction:
    """Sample ``name`` extracted after ``edit`` changed its lines (0-based: line N is
    ``lines[N - 1]``), as a scan misreads or a release misprints."""
    text = (samples_dir() / name).read_text(encoding="utf-8").splitlines()
    edit(text)
    path = tmp_path / name
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return extract_release(path, load_taxonomy())


def dur(start: str, end: str) -> Duration:
    return Duration(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end))


def inst(day: str) -> Instant:
    return Instant(date=dt.date.fromisoformat(day))


def fact(ex: Extraction, concept: str, period: Duration | Instant, unit: str = "JPY",
         **dims: str) -> ResultFact:
    found = [
        f for f in ex.results.facts
        if f.concept == concept and f.period == period and f.unit == unit
        and f.dimensions == dims
    ]
    assert len(found) == 1, f"{concept} {period} {unit} {dims}: {len(found)} facts"
    return found[0]


def lines_of(f: ResultFact) -> set[int]:
    """The printed line of a fact and of every duplicate merged into it."""
    return {f.source.line} | {int(loc.rsplit(":", 1)[1]) for loc in f.source.also_in}


def check(ex: Extraction, line: int | None, concept: str, period: Duration | Instant, printed: int |
          str | None, scale: int = 1000, unit: str = "JPY", **dims: str) -> None:
    """The fact read from ``line`` holds ``printed`` x ``scale`` (None: a dash, nil). ``line``
    None: the reader does not locate this layout's cells on their own lines yet."""
    f = fact(ex, concept, period, unit, **dims)
    if line is not None:
        assert line in lines_of(f), f"{concept} {period}: read from {sorted(lines_of(f))}"
    if printed is None:
        assert f.value is None
    else:
        assert f.value == Decimal(printed) * scale


def check_rounded(ex: Extraction, line: int | None, concept: str, period: Duration | Instant,
                  printed: int, scale: int = 10**6, **dims: str) -> None:
    """A summary figure (e.g. JPY millions) on ``line`` is the kept fact at its precision
    (one unit of slack: releases adjust rounded summaries so that they add up)."""
    f = fact(ex, concept, period, **dims)
    if line is not None:
        assert line in lines_of(f), f"{concept} {period}: read from {sorted(lines_of(f))}"
    assert f.value is not None
    assert abs(f.value / scale - printed) <= 1


def held(ex: Extraction, line: int, concept: str, text: str, why: str) -> None:
    """The figure printed as ``text`` on ``line`` is held back for review (not filed), and its
    reason says ``why``."""
    found = [h for h in ex.results.review
             if h.line == line and h.concept == concept and h.text == text]
    assert len(found) == 1, f"{concept} {text!r} at line {line}: {len(found)} review entries"
    assert why in found[0].reason, found[0].reason
    assert not [f for f in ex.results.facts
                if f.source.line == line and f.concept == concept and f.source.text == text]


def same_or_held(variant: Extraction, original: Extraction) -> int:
    """A rendering files no figure the original does not (never a different one), and every
    figure of the original it does not file is held back for review, not dropped. Returns how
    many were held back."""
    filed, wanted = figures(variant), figures(original)
    assert filed <= wanted, sorted(map(str, filed - wanted))[:5]
    held_keys = {(h.concept, h.period, h.unit) for h in variant.results.review}
    missing = [f for f in wanted - filed if (f[0], f[1], f[2]) not in held_keys]
    assert not missing, sorted(map(str, missing))[:5]
    return len(wanted - filed)


def edited_synthetic(tmp_path: Path, seed: int, *edits: tuple[str, str]) -> Extraction:
    """Synthetic release ``seed`` (tab-separated) with each ``(printed, read)`` edit applied
    (``printed`` occurs once: a scan's misreading, a lost figure, an inserted row), extracted
    from a file in ``tmp_path``."""
    taxonomy = load_taxonomy()
    release = synthetic_release(taxonomy, "iij", seed=seed, layout="tabs")
    text = release.text
    for printed, read in edits:
        assert text.count(printed) == 1, printed
        text = text.replace(printed, read)
    path = tmp_path / release.name
    path.write_text(text, encoding="utf-8")
    return extract_release(path, taxonomy)


def filed_values(ex: Extraction, concept: str, unit: str = "JPY") -> set[int]:
    """The values ``concept`` is filed with in ``unit``, as integers."""
    return {int(f.value or 0) for f in ex.results.facts if f.concept == concept
            and f.unit == unit}


def synthetic_score(taxonomy: Taxonomy, layout: str, seed: int) -> tuple[Extraction, ReleaseScore]:
    """A synthetic release of the shipped company, extracted from a temporary file and scored
    against what it printed."""
    release = synthetic_release(taxonomy, "iij", seed=seed, layout=layout)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / release.name
        path.write_text(release.text, encoding="utf-8")
        extraction = extract_release(path, taxonomy)
    defaults = {axis.name: axis.default for axis in taxonomy.axes.values()}
    return extraction, score_release(release.truth, extraction.results, default_members=defaults)

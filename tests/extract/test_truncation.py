"""A release that stops in the middle of a statement (issue 15, part 2): its last statement
lacks its closing total and nothing with figures follows. It is reported (a 'truncated: ...'
note in the results, 'truncated' in build-report.json, a line in the build's summary) and
--fail-on-review fails the build; whole releases are never reported."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.extract.pipeline import extract_document, extract_release
from generator.extract.read import read_text
from generator.model.results import Results
from generator.model.taxonomy import Taxonomy
from generator.resources import sample_releases
from generator.synthetic.release import synthetic_release
from generator.taxonomy import load_taxonomy

TRAILER = "\n\nFor inquiries, contact: Investor Relations\n"  # after the cut: not a table


@cache
def tax() -> Taxonomy:
    return load_taxonomy()


def _results(name: str, text: str) -> Results:
    return extract_document(read_text(name, text, tax()), tax()).results


def test_no_sample_release_looks_truncated() -> None:
    for release in sample_releases():
        assert extract_release(release, tax()).results.truncations == (), release.name


@pytest.mark.parametrize("layout", ["tabs", "spaces2", "single", "ocr"])
def test_no_whole_synthetic_release_looks_truncated(layout: str) -> None:
    for seed in range(6):
        release = synthetic_release(tax(), "iij", seed=seed, layout=layout)
        assert _results(release.name, release.text).truncations == (), (layout, seed)


def _balance_sheet(layout: str, seed: int = 0) -> tuple[list[str], list[int]]:
    """The release's lines, and the lines of balance-sheet rows before its closing total."""
    release = synthetic_release(tax(), "iij", seed=seed, layout=layout)
    lines = release.text.splitlines()
    start = next(i for i, line in enumerate(lines) if "balance sheets" in line.lower())
    end = next(i for i, line in enumerate(lines) if i > start
               and "liabilities and" in line.lower() and any(c.isdigit() for c in line))
    figure = re.compile(r"\d,\d\d\d(?!\S*\s+thousand)")  # a figure, not a year or a label's
    rows = [i for i in range(start + 6, end)  # "of JPY 42,864 thousand" (a header repeated
            if figure.search(lines[i])]        # after a page break has only years)
    return lines, rows


@pytest.mark.parametrize("layout", ["tabs", "spaces2", "single"])
@given(data=st.data())
@settings(max_examples=8, deadline=None)
def test_a_release_cut_inside_its_balance_sheet_is_reported(layout: str,
                                                            data: st.DataObject) -> None:
    lines, rows = _balance_sheet(layout)
    cut = data.draw(st.sampled_from(rows), label="cut after line index")
    results = _results("cut.txt", "\n".join(lines[: cut + 1]) + TRAILER)
    [where] = results.truncations
    assert where.startswith(f"line {cut + 1}: ") and "without its closing total" in where
    assert "looks truncated" in where


def test_a_release_cut_at_the_end_of_a_table_is_reported_by_the_reader() -> None:
    lines, rows = _balance_sheet("tabs")
    results = _results("cut.txt", "\n".join(lines[: rows[5] + 1]))
    assert any("runs to the end of the text" in t for t in results.truncations)


@pytest.fixture()
def cut_release(tmp_path: Path) -> Path:
    lines, rows = _balance_sheet("tabs")
    path = tmp_path / "cut.txt"
    path.write_text("\n".join(lines[: rows[10] + 1]) + TRAILER)
    return path


def test_build_reports_a_truncated_release_and_fail_on_review_fails_it(
        cut_release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["build", str(cut_release), "--no-arelle", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert any(line.startswith("truncated: cut.txt: line ") for line in said.splitlines())
    report = json.loads((out / "build-report.json").read_text())
    assert len(report["truncated"]) == 1 and report["truncated"][0].startswith("cut.txt: ")
    argv = ["build", str(cut_release), "--no-arelle", "--out", str(tmp_path / "o2"),
            "--fail-on-review", "--format", "json"]
    assert main(argv) == 1
    captured = capsys.readouterr()
    payload = json.loads(captured.out)
    assert payload["totals"]["truncated"] == 1 and payload["exit_code"] == 1
    assert "1 release(s) look truncated (--fail-on-review)" in captured.err


def test_a_release_cut_in_a_statement_s_header_is_reported() -> None:
    """Cut right after the balance sheet's title and header ("As of March 31, 2013<TAB>As of
    Septe"): the statement began and no row of it is printed."""
    text = next(r for r in sample_releases() if r.name.startswith("004")).read_text(
        encoding="utf-8")
    cut = text[:text.index("\tAs of March 31, 2013\tAs of September 30, 2013") + 30]
    [where] = _results("cut.txt", cut).truncations
    assert "ends in a table's column header" in where and "looks truncated" in where


def test_a_release_ending_in_a_sentence_that_names_a_period_is_whole() -> None:
    """A note's last line ("year ended March 31, 2013.") reads like a header of periods, but
    it is one cell and ends a sentence: no cut."""
    text = next(r for r in sample_releases() if r.name.startswith("004")).read_text(
        encoding="utf-8")
    note = ("\n\nThe figures above have been calculated as if the stock split were conducted "
            "on April 1, 2012, the beginning of the fiscal\nyear ended March 31, 2013.\n")
    assert _results("whole.txt", text + note).truncations == ()

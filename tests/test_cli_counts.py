"""The build's summary counts what the per-document lines count; counts given on the command
line are checked (a negative --jobs or --max-bytes is a usage error); --help names the inputs."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main, parser
from generator.extract.pipeline import extract_release
from generator.model.results import CONFLICT_NOTE, Results
from generator.model.taxonomy import Taxonomy
from generator.resources import sample_releases

RESULTS: dict[str, Any] = {
    "company": "iij", "document": "hand.json",
    "period": {"kind": "H1", "start": "2010-04-01", "end": "2010-09-30",
               "fiscal_year_start": "2010-04-01", "fiscal_year_end": "2011-03-31",
               "label": "1H FY2010"},
    "facts": [{"concept": "Revenues", "unit": "JPY", "value": "1000", "decimals": -3,
               "period": {"kind": "duration", "start": "2010-04-01", "end": "2010-09-30"},
               "source": {"document": "hand.json", "line": 7}}],
    "notes": [f"{CONFLICT_NOTE}Revenues [2010-04-01..2010-09-30 JPY] kept 1000; also 2000 "
              "(hand.json:9)", "calculation: something else"],
}


def test_the_summary_counts_conflicts_within_releases_and_between_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "results.json"
    path.write_text(json.dumps(RESULTS))
    out = tmp_path / "out"
    assert main(["build", str(path), "--out", str(out), "--no-arelle", "--verbose"]) == 0
    summary = next(line for line in capsys.readouterr().out.splitlines()
                   if line.startswith("wrote "))
    assert "(1 conflicts within releases, 0 between releases," in summary
    report = json.loads((out / "build-report.json").read_text())
    assert report["release_conflicts"] == [
        "hand.json: Revenues [2010-04-01..2010-09-30 JPY] kept 1000; also 2000 (hand.json:9)"]


def test_a_release_s_conflict_notes_are_the_conflicts_its_coverage_line_counts(
    taxonomy: Taxonomy,
) -> None:
    for release in sample_releases():
        extraction = extract_release(release, taxonomy)
        counted = len(extraction.coverage.conflicts)
        assert len(extraction.results.conflicts) == counted
        assert f", {counted} conflicts, " in extraction.coverage.render_text().splitlines()[0]


def test_results_conflicts_reads_only_conflict_notes() -> None:
    assert Results.model_validate(RESULTS).conflicts == (
        "Revenues [2010-04-01..2010-09-30 JPY] kept 1000; also 2000 (hand.json:9)",)


@pytest.mark.parametrize("argv", [
    ["validate", "x.xbrl", "--jobs", "-1"], ["validate", "x.xbrl", "-j", "-3"],
    ["validate", "x.xbrl", "--max-bytes", "-5"], ["validate", "x.xbrl", "--max-bytes", "0"],
    ["validate", "x.xbrl", "--jobs", "two"],
])
def test_a_negative_count_is_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "error: argument" in err and "Traceback" not in err


def test_jobs_0_means_all_cores() -> None:
    assert parser().parse_args(["validate", "x.xbrl", "--jobs", "0"]).jobs == 0


def test_build_help_names_pdf_and_html_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert ".pdf" in text and ".html" in text and ".txt" in text and ".json" in text


def test_the_parsers_executor_names_are_the_executors() -> None:
    """The parser takes executors.NAMES; building it does not import the process pool."""
    from generator import executors

    build = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    executor = next(a for a in build.choices["build"]._actions if a.dest == "executor")
    assert executor.choices == executors.NAMES
    code = ("import sys; from generator.cli import parser; parser(); "
            "sys.exit('concurrent.futures' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0

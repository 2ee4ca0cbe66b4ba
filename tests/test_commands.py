"""The command line: each command's happy path and its clear failures (exit codes 1 and 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.model.results import Results


def test_schema_prints_the_results_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Results"
    assert "facts" in schema["properties"]


def test_taxonomy_writes_the_schema_linkbases_and_package(tmp_path: Path) -> None:
    assert main(["taxonomy", "--out", str(tmp_path)]) == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert {"xg-2026-11-01.xsd", "xg-2026-11-01_cal.xml", "xg-2026-11-01.zip"} <= names


def test_extract_of_a_text_without_tables_fails_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = tmp_path / "memo.txt"
    release.write_text("Internet Initiative Japan Inc.\nA memo with no table at all.\n")
    assert main(["extract", str(release)]) == 2
    assert "no tables found" in capsys.readouterr().err


def test_a_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")]) == 2


def test_build_rejects_an_unknown_concept_naming_the_fact_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = {
        "company": "iij", "document": "hand.json",
        "period": {"kind": "H1", "start": "2010-04-01", "end": "2010-09-30",
                   "fiscal_year_start": "2010-04-01", "fiscal_year_end": "2011-03-31",
                   "label": "1H FY2010"},
        "facts": [{"concept": "Revenu", "unit": "JPY", "value": "1000", "decimals": -3,
                   "period": {"kind": "duration", "start": "2010-04-01", "end": "2010-09-30"},
                   "source": {"document": "hand.json", "line": 7}}],
    }
    Results.model_validate(results)  # a well-formed file: only the concept is wrong
    path = tmp_path / "results.json"
    path.write_text(json.dumps(results))
    out = tmp_path / "out"
    assert main(["build", str(path), "--out", str(out), "--no-arelle"]) == 1
    err = capsys.readouterr().err
    assert "hand.json:7" in err and "unknown concept 'Revenu'" in err
    assert not out.exists() or not any(out.iterdir())

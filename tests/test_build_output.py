"""What build and extract say (issue 15, part 3): a short summary by default, --verbose for the
detail, --quiet for nothing, --format json for machines; reports on standard output, diagnostics
and progress bars on standard error; every count agrees with build-report.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.resources import sample_releases


def _sample(prefix: str) -> Path:
    return next(p for p in sample_releases() if p.name.startswith(prefix))


@pytest.fixture(scope="module")
def two_releases() -> list[str]:
    return [str(_sample("000")), str(_sample("001"))]


def _build(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["build", "--no-arelle", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _report(out: Path) -> dict[str, Any]:
    report: dict[str, Any] = json.loads((out / "build-report.json").read_text())
    return report


def test_the_default_is_a_short_summary_whose_counts_add_up(
        tmp_path: Path, two_releases: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, said, err = _build([*two_releases, "--out", str(out)], capsys)
    assert code == 0 and err == ""
    lines = said.splitlines()
    assert len(lines) <= 10 and max(len(line) for line in lines) < 250
    report = _report(out)
    head = lines[0]
    assert f"{report['facts']:,} facts, {len(report['review'])} held back for review" in head
    assert f"{len(report['source_inconsistencies'])} totals kept as printed" in head
    rows = [line.split() for line in lines[2:2 + len(report["filings"])]]
    assert [r[0] for r in rows] == report["filings"]
    assert sum(int(r[-4].replace(",", "")) for r in rows) == report["facts"]
    assert sum(int(r[-3]) for r in rows) == len(report["review"])
    assert sum(int(r[-2]) for r in rows) == (len(report["conflicts"])
                                             + len(report["release_conflicts"]))
    assert sum(int(r[-1]) for r in rows) == len(report["source_inconsistencies"])
    assert lines[-1].startswith("held back for review: ")


def test_json_is_one_document_whose_totals_are_the_report_s(
        tmp_path: Path, two_releases: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, said, err = _build([*two_releases, "--out", str(out), "--format", "json"], capsys)
    assert code == 0 and err == ""
    payload = json.loads(said)
    report = _report(out)
    totals = payload["totals"]
    assert payload["ok"] is True and payload["exit_code"] == 0
    assert totals["facts"] == report["facts"] == sum(f["facts"] for f in payload["filings"])
    assert totals["held_back"] == len(report["review"])
    assert totals["conflicts_between_releases"] == len(report["conflicts"])
    assert totals["conflicts_within_releases"] == len(report["release_conflicts"])
    assert totals["inconsistencies"] == len(report["source_inconsistencies"])
    assert [f["file"] for f in payload["filings"]] == report["filings"]
    assert sorted(Path(p).name for p in payload["written"]) == sorted(
        p.name for p in out.iterdir())


def test_json_with_fail_on_review_says_the_exit_code(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [str(_sample("000")), "--out", str(tmp_path / "o"), "--format", "json",
            "--fail-on-review"]
    code, said, err = _build(argv, capsys)
    assert code == 1
    assert json.loads(said)["exit_code"] == 1 and json.loads(said)["ok"] is False
    assert "--fail-on-review" in err


def test_quiet_says_nothing_on_success(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, said, err = _build([str(_sample("001")), "--out", str(tmp_path / "o"), "-q"], capsys)
    assert (code, said, err) == (0, "", "")


def test_verbose_is_the_full_detail(
        tmp_path: Path, two_releases: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, said, _ = _build([*two_releases, "--out", str(tmp_path / "o"), "--verbose"], capsys)
    assert code == 0
    assert "000_2bec0ea935cb70a9.txt (ocr" in said and "  table line " in said
    assert any(line.startswith("wrote 2 filing(s)") for line in said.splitlines())
    assert len(said.splitlines()) > 100


def test_quiet_and_verbose_together_are_a_usage_error(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["build", "-q", "-v"])
    assert stopped.value.code == 2


def test_a_forced_progress_bar_goes_to_standard_error_only(
        tmp_path: Path, two_releases: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    argv = [*two_releases, "--out", str(tmp_path / "o"), "--progress", "--format", "json"]
    code, said, err = _build(argv, capsys)
    assert code == 0
    json.loads(said)  # standard output stays one JSON document
    assert "extract" in err and "release" in err


def test_no_bar_when_standard_error_is_not_a_terminal(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = _build([str(_sample("001")), "--out", str(tmp_path / "o")], capsys)
    assert err == ""


def test_extract_reports_on_standard_error_when_standard_output_carries_the_results(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(_sample("001"))]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["document"] == _sample("001").name
    assert captured.err.count("\n") == 1 and " facts (" in captured.err


def test_extract_with_output_reports_on_standard_output(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "r.json"
    assert main(["extract", str(_sample("001")), "-o", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.count("\n") == 1
    assert main(["extract", str(_sample("001")), "-o", str(target), "--verbose"]) == 0
    assert "  table line " in capsys.readouterr().out
    assert main(["extract", str(_sample("001")), "-o", str(target), "--format", "json"]) == 0
    coverage = json.loads(capsys.readouterr().out)
    results = json.loads(target.read_text())
    assert coverage["facts"] + coverage["text_facts"] == len(results["facts"])
    assert len(coverage["held_back"]) == len(results["review"])
    assert main(["extract", str(_sample("001")), "-o", str(target), "-q"]) == 0
    assert capsys.readouterr() == ("", "")


def test_the_written_line_names_each_kind_of_file_the_build_wrote() -> None:
    from generator.build_output import _written

    names = ["a.xbrl", "a.html", "a.json", "a-csv.json", "a-facts.csv", "a.provenance.json",
             "a.xbri", "xg.xsd", "xg_lab.xml", "xg.zip", "build-report.json"]
    assert _written([Path(n) for n in names]) == (
        "1 instance(s), 1 Inline XBRL page(s), 1 xBRL-JSON file(s), 1 provenance file(s), "
        "2 xBRL-CSV file(s), 1 report package(s), 3 taxonomy file(s), build-report.json")

"""No command ends in a Python traceback: internal errors, Ctrl-C and SIGTERM each end in one
short line and a known exit code (2, 130, 143), and nothing is left half-written."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import cli_errors
from generator.cli import main
from generator.interrupts import Terminated
from generator.resources import sample_releases
from generator.validate import batch
from generator.validate.findings import FileSummary, Finding

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_TAXONOMY = ROOT / "tests" / "validate" / "fixtures" / "taxonomy"
WAIT = 180.0  # generous: a loaded 2-core machine imports and extracts slowly


def _boom(*args: object, **kwargs: object) -> object:
    raise RuntimeError("boom\nsecond line")


def test_an_internal_error_is_one_line_and_exit_code_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("generator.extract.pipeline.extract_document", _boom)
    release = sample_releases()[0]
    assert main(["build", str(release), "--out", str(tmp_path / "out"), "--no-arelle"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"xbrlgen: internal error while extracting {release}: RuntimeError: boom second line"
        " (run with --debug for the trace)"
    ]


@pytest.mark.parametrize("where", ["before the command", "after the command"])
def test_debug_prints_the_trace(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("generator.extract.pipeline.extract_document", _boom)
    command = ["build", str(sample_releases()[0]), "--out", str(tmp_path / "out"), "--no-arelle"]
    argv = ["--debug", *command] if where == "before the command" else [*command, "--debug"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "in _boom" in err
    assert "xbrlgen: internal error while extracting" in err


def test_an_interrupted_extract_leaves_the_previous_output_and_no_tmp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "results.json"
    output.write_text("previous results")
    write_bytes = Path.write_bytes

    def written_then_interrupted(self: Path, data: bytes) -> int:
        count = write_bytes(self, data)
        if self.name.endswith(".tmp"):
            raise KeyboardInterrupt  # Ctrl-C once the temporary file is complete
        return count

    monkeypatch.setattr(Path, "write_bytes", written_then_interrupted)
    assert main(["extract", str(sample_releases()[0]), "-o", str(output)]) == 130
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "xbrlgen: interrupted" and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["results.json"]
    assert output.read_text() == "previous results"


# --- real signals, sent to a real process ------------------------------------------------------


def _default_sigint() -> None:
    """A child started from a shell's background job inherits SIGINT ignored; Ctrl-C is meant."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(args: list[str], stderr: Path) -> subprocess.Popen[bytes]:
    """``python -m generator ARGS`` in its own process group (as a terminal's foreground job)."""
    with stderr.open("wb") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "generator", *args],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
            preexec_fn=_default_sigint,
        )


def _wait_for(ready: Callable[[], bool], process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + WAIT
    while not ready():
        assert process.poll() is None, "the command ended before it could be interrupted"
        assert time.monotonic() < deadline, "the command never got going"
        time.sleep(0.02)


def _finish(process: subprocess.Popen[bytes], stderr: Path) -> str:
    process.wait(timeout=WAIT)
    deadline = time.monotonic() + 10
    while True:  # the workers, in the same process group, are gone too
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        assert time.monotonic() < deadline, "worker processes outlived the command"
        time.sleep(0.05)
    return stderr.read_text(errors="replace")


@pytest.mark.parametrize(
    ("sig", "code", "said"),
    [(signal.SIGINT, 130, "xbrlgen: interrupted"), (signal.SIGTERM, 143, "xbrlgen: terminated")],
    ids=["SIGINT", "SIGTERM"],
)
def test_a_signalled_build_leaves_the_output_folder_as_it_was(
    sig: signal.Signals, code: int, said: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("from before")
    log = tmp_path / "stderr.txt"
    process = _start(["build", "--no-arelle", "--out", str(out)], log)
    _wait_for(lambda: any(out.glob(".xbrlgen-staging-*")), process)  # files being staged
    os.killpg(process.pid, sig)
    err = _finish(process, log)
    assert process.returncode == code, err
    assert "Traceback" not in err and err.splitlines()[-1] == said
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    assert (out / "keep.txt").read_text() == "from before"


def test_a_signal_while_a_zip_is_written_ends_as_the_signal_once_the_zip_is_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # SIGTERM landing inside ``ZipFile.open`` once it marked an entry open: closing the zip
    # then raised ValueError over the interruption ("internal error", exit code 2).
    opening = zipfile._ZipWriteFile.__init__

    def signalled(self: object, *args: object, **kwargs: object) -> None:
        signal.raise_signal(signal.SIGTERM)
        opening(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile._ZipWriteFile, "__init__", signalled)
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("from before")
    assert main(["build", str(sample_releases()[0]), "--no-arelle", "--out", str(out)]) == 143
    assert capsys.readouterr().err.splitlines() == ["xbrlgen: terminated"]
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_an_error_raised_while_a_signal_unwinds_ends_as_the_signal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def cleanup_fails() -> int:
        try:
            raise Terminated
        finally:
            raise ValueError("cannot clean up")

    assert cli_errors.run(cleanup_fails, activity="building") == 143
    assert capsys.readouterr().err.splitlines() == ["xbrlgen: terminated"]


def _instance(facts: int, dest: Path) -> None:
    """A valid instance of the validator's fixture taxonomy with ``facts`` facts."""
    shutil.copytree(FIXTURE_TAXONOMY, dest / "taxonomy")
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<xbrli:xbrl'
        ' xmlns:xbrli="http://www.xbrl.org/2003/instance"'
        ' xmlns:link="http://www.xbrl.org/2003/linkbase"'
        ' xmlns:xlink="http://www.w3.org/1999/xlink"'
        ' xmlns:iso4217="http://www.xbrl.org/2003/iso4217"'
        ' xmlns:fx="http://example.com/xbrlgen/fixture/2024">\n'
        '<link:schemaRef xlink:type="simple" xlink:href="taxonomy/fx.xsd"/>\n'
        '<xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>\n'
    ]
    for g in range(facts // 5):
        parts.append(
            f'<xbrli:context id="c{g}"><xbrli:entity><xbrli:identifier'
            f' scheme="http://www.tse.or.jp/sicc">{10000 + g}</xbrli:identifier></xbrli:entity>'
            "<xbrli:period><xbrli:startDate>2024-04-01</xbrli:startDate>"
            "<xbrli:endDate>2025-03-31</xbrli:endDate></xbrli:period></xbrli:context>\n"
        )
        revenue, cost, expenses = 1000 + g, 600 + g % 400, 100
        for name, value in (("Revenue", revenue), ("CostOfSales", cost),
                            ("GrossProfit", revenue - cost), ("OperatingExpenses", expenses),
                            ("OperatingIncome", revenue - cost - expenses)):
            parts.append(f'<fx:{name} contextRef="c{g}" unitRef="JPY" decimals="-6">'
                         f"{value}000000</fx:{name}>\n")
    parts.append("</xbrli:xbrl>\n")
    (dest / "instance.xbrl").write_text("".join(parts), encoding="utf-8")


def test_ctrl_c_during_a_parallel_validate_stops_the_workers_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "filings"
    for i in range(6):  # each file keeps a worker busy for a while
        (folder / f"f{i}").mkdir(parents=True)
        _instance(60_000, folder / f"f{i}")
    log = tmp_path / "stderr.txt"
    process = _start(["validate", str(folder), "--jobs", "2", "--progress"], log)
    _wait_for(lambda: "validate:" in log.read_text(errors="replace"), process)  # pool starting
    time.sleep(0.3)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    err = _finish(process, log)
    assert process.returncode == 130, err
    assert "Traceback" not in err and err.splitlines()[-1] == "xbrlgen: interrupted"


# --- one file's failure does not cost the others their results ----------------------------------


class _Unpicklable(Exception):
    """Like lxml's errors, it carries an object that cannot cross a process boundary."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.log = threading.Lock()


def _validate_or_fail(path: Path, *args: object, display: str = "", **kwargs: object
                      ) -> tuple[list[Finding], FileSummary]:
    if path.parent.name == "bad":
        raise _Unpicklable("parser fell over")
    return [], FileSummary(file=display, facts=1)


@pytest.mark.parametrize("jobs", [1, 2], ids=["in process", "process pool"])
def test_a_file_whose_validation_raises_is_a_finding_and_the_others_keep_their_results(
    jobs: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if jobs > 1 and multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched validator reaches workers only when they are forked")
    for name in ("a", "bad", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.xbrl").write_text(
            '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance"/>')
    monkeypatch.setattr(batch, "validate_file", _validate_or_fail)
    monkeypatch.setattr(batch, "SMALL_FILES", 0)  # jobs=2: the pool, small as the batch is
    report = batch.run([tmp_path], batch.Options(), jobs=jobs)
    assert [s.file for s in report.files] == [f"{tmp_path}/{n}/x.xbrl" for n in ("a", "bad", "c")]
    assert [s.facts for s in report.files] == [1, 0, 1]
    (finding,) = report.findings
    assert finding.code == "xbrlgen:internalError" and finding.severity.value == "error"
    assert finding.file == f"{tmp_path}/bad/x.xbrl"
    assert "_Unpicklable: parser fell over" in finding.message


def test_a_reader_that_goes_away_is_no_error_and_loses_no_output(tmp_path: Path) -> None:
    """`xbrlgen extract ... 2>&1 | head -1`: the results file is written, no traceback, and
    the exit status is the shell's for a closed pipe (141)."""
    import subprocess
    import sys

    from generator.resources import sample_releases

    output = tmp_path / "r.json"
    script = (f"{sys.executable} -m generator extract {sample_releases()[2]} -o {output} 2>&1 "
              "| head -c 10 > /dev/null; echo ${PIPESTATUS[0]}")
    proc = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120,
                          check=False)
    assert output.exists() and output.stat().st_size > 1000
    assert proc.stdout.strip() in {"0", "141"}
    assert "Traceback" not in proc.stderr

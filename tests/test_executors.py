"""Where a build's work runs: the executor asked for is known before the inputs are read; a
local pool stopped at once (Ctrl-C, SIGTERM) lets the process exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

_STOPPED_MID_RESULT = """
from concurrent.futures import ProcessPoolExecutor, as_completed
from generator.interrupts import worker_signals
from generator.validate.batch import _stop
from tests.test_executors import _big_result

pool = ProcessPoolExecutor(max_workers=2, initializer=worker_signals)
futures = [pool.submit(_big_result, i) for i in range(1000)]
next(as_completed(futures))  # the workers are sending their results
_stop(pool)
print("stopped")
"""


def _big_result(_: int) -> bytes:
    """A result larger than a pipe holds (module level: run by workers)."""
    return b"x" * 20_000_000


def test_a_pool_stopped_while_results_are_sent_still_exits() -> None:
    """The build's pool (one task per release of a big file: ~100 KB back each) ended while a
    worker was sending left the pool's thread waiting for the rest of the message, and the
    interpreter for that thread at exit (``xbrlgen build -j 2`` hung after 'terminated')."""
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", _STOPPED_MID_RESULT], cwd=root, timeout=30,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "stopped"
    assert "Exception ignored" not in done.stderr  # the pool's teardown raced the exit


def test_build_says_a_wrong_executor_before_it_reads_the_inputs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The inputs are read (a big one split into its releases) only once the executor is
    known: a usage error is said at once, as before, not a missing file's."""
    out, missing = str(tmp_path / "out"), str(tmp_path / "missing.txt")
    assert main(["build", missing, "--executor", "dask", "--out", out]) == 2
    assert capsys.readouterr().err == ("xbrlgen: --executor dask needs --scheduler ADDRESS "
                                       "(e.g. tcp://scheduler:8786)\n")
    assert main(["build", missing, "--scheduler", "tcp://x:1", "--out", out]) == 2
    assert capsys.readouterr().err == "xbrlgen: --scheduler is for --executor dask\n"

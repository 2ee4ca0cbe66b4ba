"""Builds on a Dask distributed cluster (issue 15, part 5): a real LocalCluster (one worker
process, so inputs and results really cross a process boundary as bytes) gives byte for byte
the files of a local run; errors on a worker read as they do locally."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import executors
from generator.cli import main
from generator.resources import sample_releases
from generator.taxonomy import load_taxonomy

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True,
                                  dashboard_address=":0", silence_logs=40) as cluster:
        yield str(cluster.scheduler_address)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_cluster_build_equals_the_local_build_byte_for_byte(
        tmp_path: Path, scheduler: str, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = [str(p) for p in sample_releases()]
    local, remote = tmp_path / "local", tmp_path / "dask"
    assert main(["build", *inputs, "--no-arelle", "--out", str(local), "--format", "json"]) == 0
    local_said = capsys.readouterr().out
    assert main(["build", *inputs, "--no-arelle", "--out", str(remote), "--format", "json",
                 "--executor", "dask", "--scheduler", scheduler]) == 0
    remote_said = capsys.readouterr().out
    assert _files(remote) == _files(local)
    assert '"executor": "dask"' in remote_said

    def strip(text: str, out: Path) -> str:
        return text.replace(str(out), "OUT").replace('"executor": "dask"', '"executor": "local"')

    assert [line for line in strip(remote_said, remote).splitlines()
            if '"workers"' not in line] == [
        line for line in strip(local_said, local).splitlines() if '"workers"' not in line]


def test_a_release_that_fails_on_a_worker_fails_as_it_does_locally(
        tmp_path: Path, scheduler: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("Internet Initiative Japan Inc.\nNothing but prose here, no tables.\n")
    argv = ["build", str(sample_releases()[1]), str(bad), "--no-arelle"]
    assert main([*argv, "--out", str(tmp_path / "a")]) == 2
    local_err = capsys.readouterr().err
    assert main([*argv, "--out", str(tmp_path / "b"), "--executor", "dask", "--scheduler",
                 scheduler]) == 2
    assert capsys.readouterr().err == local_err
    assert "no tables found" in local_err
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())


def test_dask_needs_a_scheduler(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--executor", "dask"]) == 2
    assert "--scheduler ADDRESS" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_one_line_and_exit_2(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(executors, "CONNECT_TIMEOUT", 1.0)
    assert main(["build", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("xbrlgen: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert err.count("\n") == 1


@pytest.mark.parametrize("address", ["garbage", "tcp://[::1", "tcp://host"])
def test_a_malformed_scheduler_address_is_one_line_and_exit_2_at_once(
        address: str, capsys: pytest.CaptureFixture[str]) -> None:
    """No client is started for an address without a host and port (a half-built one used
    to print a traceback and hang for a minute on exit)."""
    started = time.monotonic()
    assert main(["build", "--executor", "dask", "--scheduler", address]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"xbrlgen: --scheduler {address!r} is not a scheduler address")
    assert err.count("\n") == 1
    assert time.monotonic() - started < 10


def test_a_scheduler_without_dask_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert "--scheduler is for --executor dask" in capsys.readouterr().err


def test_validation_on_the_workers_says_what_it_says_at_home(
        tmp_path: Path, scheduler: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The filings are validated on the workers (sent with their taxonomy files): the verbose
    report, validation lines included, is the local one."""
    inputs = [str(p) for p in sample_releases()[:2]]
    local, remote = tmp_path / "local", tmp_path / "dask"
    assert main(["build", *inputs, "--no-arelle", "--out", str(local), "--verbose"]) == 0
    local_said = capsys.readouterr().out.replace(str(local), "OUT")
    assert main(["build", *inputs, "--no-arelle", "--out", str(remote), "--verbose",
                 "--executor", "dask", "--scheduler", scheduler]) == 0
    assert capsys.readouterr().out.replace(str(remote), "OUT") == local_said
    assert "calculation inconsistencies, each on a total kept as printed" in local_said


def test_a_file_of_several_releases_spreads_over_the_cluster_byte_for_byte(
        tmp_path: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each release of a big file is its own task on the cluster (split here, sent as text);
    the filings equal those of the file extracted whole in this process."""
    from generator import release_plan

    year = tmp_path / "year.txt"
    year.write_text("".join(p.read_text(encoding="utf-8") for p in sample_releases()[:3]),
                    encoding="utf-8")
    local, remote = tmp_path / "local", tmp_path / "dask"
    assert main(["build", str(year), "--no-arelle", "-q", "--out", str(local), "-j", "1"]) == 0
    monkeypatch.setattr(release_plan, "SPLIT_BYTES", 0)
    work = release_plan.plan([year], load_taxonomy(), ships_data=True, max_bytes=0)
    assert len(work.tasks) == 3
    assert main(["build", str(year), "--no-arelle", "-q", "--out", str(remote),
                 "--executor", "dask", "--scheduler", scheduler]) == 0
    assert _files(remote) == _files(local)


def test_extract_on_the_cluster_writes_the_local_files(
        tmp_path: Path, scheduler: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``extract --executor dask``: each release of a file of several is extracted on a
    worker; the results, the coverage and the report are the local run's."""
    year = tmp_path / "year.txt"
    year.write_text("".join(p.read_text(encoding="utf-8") for p in sample_releases()[:3]),
                    encoding="utf-8")
    said = []
    for where in (["-j", "1"], ["--executor", "dask", "--scheduler", scheduler]):
        out, cover = tmp_path / f"{where[-1][-4:]}.json", tmp_path / f"{where[-1][-4:]}.cov"
        assert main(["extract", str(year), "-o", str(out), "--coverage-json", str(cover),
                     *where]) == 0
        said.append((out.read_bytes(), cover.read_bytes(), capsys.readouterr().out))
    assert said[0] == said[1]
    assert said[0][2].count("year.txt#") == 3
    with distributed.Client(scheduler) as client:  # the releases were the workers' tasks
        prefixes = client.run_on_scheduler(_task_prefixes)
    assert "finished" in prefixes  # the tasks of parallel._finished


def _task_prefixes(dask_scheduler: object) -> list[str]:
    return list(dask_scheduler.task_prefixes)  # type: ignore[attr-defined]


def test_extract_scheduler_needs_the_dask_executor(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(sample_releases()[0]), "--scheduler", "tcp://x:1"]) == 2
    assert capsys.readouterr().err == "xbrlgen: --scheduler is for --executor dask\n"

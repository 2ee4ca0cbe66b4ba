"""Input size limits (issue 15, part 4): an input over its limit is refused before it is read,
with one line naming the file, its size, the limit and the option that raises it; exit 2."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.limits import InputTooLarge, read_bytes
from generator.resources import sample_releases


@given(size=st.integers(0, 300), limit=st.integers(0, 300))
@settings(max_examples=60, deadline=None)
def test_read_bytes_refuses_exactly_what_is_over_the_limit(
        tmp_path_factory: pytest.TempPathFactory, size: int, limit: int) -> None:
    path = tmp_path_factory.mktemp("limit") / "f.txt"
    path.write_bytes(b"x" * size)
    if limit and size > limit:
        with pytest.raises(InputTooLarge, match=f"is {size:,} bytes, over the limit of"):
            read_bytes(path, limit)
    else:
        assert read_bytes(path, limit) == b"x" * size


def test_a_fifo_is_read_up_to_the_limit_only(tmp_path: Path) -> None:
    fifo = tmp_path / "in.fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as out, contextlib.suppress(BrokenPipeError):
            out.write(b"y" * 5000)

    writer = threading.Thread(target=feed)
    writer.start()
    with pytest.raises(InputTooLarge, match="has more than 100 bytes"):
        read_bytes(fifo, 100)
    writer.join(timeout=10)


def test_extract_names_the_limit_that_was_hit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    release = sample_releases()[1]
    size = release.stat().st_size
    assert main(["extract", str(release), "--max-input-bytes", "1000", "-o",
                 str(tmp_path / "r.json")]) == 2
    err = capsys.readouterr().err
    assert err == (f"xbrlgen: {release}: input size limit hit: the release is {size:,} bytes, "
                   "over the limit of 1,000 bytes per input file (--max-input-bytes N raises "
                   "it, 0 removes it)\n")
    assert not (tmp_path / "r.json").exists()


def test_build_refuses_a_results_file_over_the_limit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = tmp_path / "r.json"
    results.write_text("{}" + " " * 5000)
    out = tmp_path / "out"
    assert main(["build", str(results), "--out", str(out), "--max-input-bytes", "4096"]) == 2
    assert "the results file is 5,002 bytes, over the limit of 4,096" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("value", ["-1", "many"])
def test_a_negative_or_non_numeric_limit_is_a_usage_error(
        value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(sample_releases()[1]), "--max-input-bytes", value])
    assert exit_info.value.code == 2
    assert "--max-input-bytes" in capsys.readouterr().err


def test_zero_removes_the_limit(tmp_path: Path) -> None:
    release = sample_releases()[1]
    assert main(["extract", str(release), "--max-input-bytes", "0", "-o",
                 str(tmp_path / "r.json")]) == 0

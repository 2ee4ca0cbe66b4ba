"""Output files are written safely (temporary file + rename, devices written through, symlinks
followed) and every output path is checked before any work starts (one line, exit code 2)."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import outputs
from generator.cli import main
from generator.outputs import OutputError, check_file, write_file
from generator.resources import sample_releases


@pytest.fixture
def no_extraction(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Records any extraction or taxonomy load: a rejected output path must come first."""
    calls: list[object] = []

    def record(*args: object, **kwargs: object) -> object:
        calls.append(args)
        raise AssertionError("work started before the output path was checked")

    monkeypatch.setattr("generator.extract.pipeline.extract_document", record)
    monkeypatch.setattr("generator.cli.load_taxonomy", record)
    return calls


def _one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("xbrlgen: ") and "Traceback" not in err
    return lines[0]


def test_schema_to_dev_null_keeps_dev_null_a_character_device() -> None:
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null")
    assert main(["schema", "-o", "/dev/null"]) == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_is_written_through_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_file(fifo, b"through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_symlink_target_is_written_through_and_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real" / "schema.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert main(["schema", "-o", str(link)]) == 0
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert json.loads(real.read_text())["title"] == "Results"
    assert sorted(p.name for p in real.parent.iterdir()) == ["schema.json"]  # no .tmp left


def test_a_dangling_symlink_creates_the_file_it_points_to(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "made.json")
    write_file(link, b"{}")
    assert link.is_symlink() and (tmp_path / "made.json").read_bytes() == b"{}"


def test_replacing_a_file_keeps_its_permission_bits(tmp_path: Path) -> None:
    target = tmp_path / "results.json"
    target.write_text("old")
    target.chmod(0o640)
    write_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_mode_not_mkstemp_s_0600(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_file(tmp_path / "new.json", b"{}")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644


@settings(max_examples=25, deadline=None)
@given(data=st.binary(max_size=2000))
def test_write_file_leaves_exactly_the_bytes_and_no_temporary_file(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.json"
        write_file(target, data)
        assert target.read_bytes() == data
        assert [p.name for p in Path(folder).iterdir()] == ["out.json"]


def test_build_out_naming_a_file_is_a_usage_error_before_any_work(
    tmp_path: Path, no_extraction: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.write_text("a file")
    assert main(["build", str(sample_releases()[0]), "--out", str(out)]) == 2
    assert _one_line(capsys.readouterr().err) == f"xbrlgen: {out}: exists and is not a folder"
    assert no_extraction == [] and out.read_text() == "a file"


def test_taxonomy_out_under_a_file_is_a_usage_error(
    tmp_path: Path, no_extraction: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("")
    out = tmp_path / "file" / "sub"
    assert main(["taxonomy", "--out", str(out)]) == 2
    assert "is not a folder" in _one_line(capsys.readouterr().err)


def test_coverage_json_naming_a_folder_is_a_usage_error_before_any_work(
    tmp_path: Path, no_extraction: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["extract", str(sample_releases()[0]), "--coverage-json", str(tmp_path)]
    assert main(argv) == 2
    assert _one_line(capsys.readouterr().err) == f"xbrlgen: {tmp_path}: is a folder, not a file"
    assert no_extraction == []


def test_build_coverage_json_naming_a_folder_is_a_usage_error_before_any_work(
    tmp_path: Path, no_extraction: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["build", "--out", str(tmp_path / "out"), "--coverage-json", str(tmp_path)]
    assert main(argv) == 2
    assert "is a folder, not a file" in _one_line(capsys.readouterr().err)
    assert no_extraction == [] and not (tmp_path / "out").exists()


def test_extract_output_in_a_missing_folder_is_a_usage_error_before_any_work(
    tmp_path: Path, no_extraction: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "missing" / "results.json"
    assert main(["extract", str(sample_releases()[0]), "-o", str(output)]) == 2
    line = _one_line(capsys.readouterr().err)
    assert line == f"xbrlgen: {output}: the folder {output.parent} does not exist"
    assert no_extraction == []


def test_extract_output_under_a_file_is_a_usage_error_before_any_work(
    tmp_path: Path, no_extraction: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("")
    output = tmp_path / "file" / "results.json"
    assert main(["extract", str(sample_releases()[0]), "-o", str(output)]) == 2
    assert "is not a folder" in _one_line(capsys.readouterr().err)
    assert no_extraction == []


def test_a_read_only_folder_is_refused_before_writing(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: permissions do not apply")
        with pytest.raises(OutputError, match="is not writable"):
            check_file(folder / "results.json")
    finally:
        folder.chmod(0o700)


def test_a_socket_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(OutputError, match="is a socket"):
            check_file(path)
    finally:
        server.close()


def test_the_check_follows_a_symlink_to_a_folder(tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(tmp_path)
    with pytest.raises(OutputError, match="is a folder"):
        outputs.check_file(link)

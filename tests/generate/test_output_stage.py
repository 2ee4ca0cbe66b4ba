"""Staged output: nothing reaches the target folder until commit, and a target folder the stage
made itself is not left behind empty when nothing was committed."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.generate.output import OutputStage


def test_a_stage_left_without_commit_leaves_no_folder_it_made(tmp_path: Path) -> None:
    target = tmp_path / "new" / "out"
    target.parent.mkdir()
    with OutputStage(target) as stage:
        stage.write("a.xbrl", b"<x/>")
    assert not target.exists()


def test_an_existing_target_folder_stays_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    with pytest.raises(RuntimeError), OutputStage(target) as stage:
        stage.write("a.xbrl", b"<x/>")
        raise RuntimeError("validation failed")
    assert sorted(p.name for p in target.iterdir()) == ["keep.txt"]


def test_an_existing_empty_target_folder_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    with OutputStage(target) as stage:
        stage.write("a.xbrl", b"<x/>")
    assert target.is_dir() and not any(target.iterdir())


def test_committed_files_move_in(tmp_path: Path) -> None:
    target = tmp_path / "out"
    with OutputStage(target) as stage:
        stage.write("viewer/a.html", b"<p/>")
        moved = stage.commit()
    assert moved == [target / "viewer" / "a.html"]
    assert sorted(p.name for p in target.iterdir()) == ["viewer"]

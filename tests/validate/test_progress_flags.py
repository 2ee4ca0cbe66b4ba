"""``xbrlgen validate`` shows its bar (over files) as build and extract do: on a terminal or
with --progress, never with --no-progress (issue 15, part 3)."""

from __future__ import annotations

import pytest

from generator.cli import parser


def test_validate_takes_progress_and_no_progress_but_not_both() -> None:
    assert parser().parse_args(["validate", "x.xbrl", "--no-progress"]).no_progress
    assert parser().parse_args(["validate", "x.xbrl", "--progress"]).progress
    with pytest.raises(SystemExit) as exc:
        parser().parse_args(["validate", "x.xbrl", "--progress", "--no-progress"])
    assert exc.value.code == 2

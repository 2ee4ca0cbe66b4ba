"""Arelle's private settings folder is removed when the run ends (issue 15: every run that used
Arelle left an xbrlgen-arelle-* folder in the temporary directory), worker processes included."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.resources import sample_releases


@pytest.mark.arelle
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_no_arelle_folder_is_left_in_the_temporary_directory(tmp_path: Path, jobs: str) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    out = tmp_path / "out"
    env = {**os.environ, "TMPDIR": str(temp)}
    env.pop("XDG_CONFIG_HOME", None)
    release = next(p for p in sample_releases() if p.name.startswith("001"))
    for argv in (["build", str(release), "--out", str(out), "-q"],
                 ["validate", str(out), "--arelle", "--jobs", jobs]):
        done = subprocess.run([sys.executable, "-m", "generator", *argv], env=env,
                              capture_output=True, text=True, timeout=600, check=False)
        assert done.returncode == 0, done.stderr
    assert not list(temp.glob("xbrlgen-arelle-*"))

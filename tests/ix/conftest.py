"""Shared for the output-format tests: one build of the samples (without Arelle: the build's
own Arelle check is tested in tests/integration), and each instance's facts as Arelle reads
them, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.ix.arelle_facts import Loaded, load


@pytest.fixture(scope="session")
def sample_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ix-out")
    assert main(["build", "--no-arelle", "--package", "--out", str(folder)]) == 0
    return folder


class InstanceFacts:
    """``.xbrl`` instance -> what Arelle reads from it, each loaded at most once."""

    def __init__(self) -> None:
        self.loaded: dict[Path, Loaded] = {}

    def __call__(self, path: Path) -> Loaded:
        if path not in self.loaded:
            self.loaded[path] = load(path)
        return self.loaded[path]


@pytest.fixture(scope="session")
def instance_facts() -> InstanceFacts:
    return InstanceFacts()

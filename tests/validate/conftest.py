"""Fixtures for the validator tests: one Arelle session per test session, offline."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the concept-model cache of test runs out of the user's cache folder."""
    previous = os.environ.get("XBRLGEN_CACHE_DIR")
    os.environ["XBRLGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("xbrlgen-cache"))
    yield None
    if previous is None:
        os.environ.pop("XBRLGEN_CACHE_DIR", None)
    else:
        os.environ["XBRLGEN_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder, one taxonomy copy, for every case that leaves the taxonomy alone, so the DTS
    cache is shared across cases as it is across one filer's files."""
    return tmp_path_factory.mktemp("corpus")


@pytest.fixture(scope="session")
def arelle_session() -> Iterator[None]:
    """Load Arelle once (it takes ~0.5 s) with a private XDG_CONFIG_HOME; close it at the end."""
    from generator.validate import arelle_runner

    previous = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="xbrlgen-test-arelle-")
    try:
        yield None
    finally:
        arelle_runner.close()
        if previous is None:
            os.environ.pop("XDG_CONFIG_HOME", None)
        else:
            os.environ["XDG_CONFIG_HOME"] = previous

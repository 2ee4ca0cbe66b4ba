"""Conformance suites: unpacked once per session into a temporary folder, never into the tree."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.validate import conformance

HERE = Path(__file__).parent


@pytest.fixture(autouse=True, scope="session")
def _private_conformance_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the concept-model cache of the suites' taxonomies out of the user's cache folder."""
    previous = os.environ.get("XBRLGEN_CACHE_DIR")
    os.environ["XBRLGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("conformance-cache"))
    yield
    if previous is None:
        os.environ.pop("XBRLGEN_CACHE_DIR", None)
    else:
        os.environ["XBRLGEN_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def suites_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both vendored suite zips unpacked side by side (each zip has its own top folders)."""
    root = tmp_path_factory.mktemp("conformance")
    for zip_path in sorted(HERE.glob("*.zip")):
        conformance.unpack(zip_path, root / zip_path.stem)
    return root

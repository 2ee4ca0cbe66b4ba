"""Session-wide test setup: Arelle never touches the real home folder, fixtures are shared."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Arelle writes settings under $XDG_CONFIG_HOME/arelle: keep them in a throwaway folder.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="xbrlgen-tests-xdg-")

from generator.model.taxonomy import Taxonomy
from generator.taxonomy import load_taxonomy

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def acme_taxonomy() -> Taxonomy:
    """A small taxonomy of a fictional company (tests/fixtures/acme_taxonomy)."""
    return load_taxonomy(FIXTURES / "acme_taxonomy")


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    """The bundled taxonomy under taxonomy/."""
    return load_taxonomy()

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model.taxonomy import Taxonomy
from generator.taxonomy import load_taxonomy
from generator.taxonomy.aliases import AliasIndex

FIXTURE_TAXONOMY = Path(__file__).parent / "fixtures" / "taxonomy"


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    """A small non-IIJ taxonomy exercising every mapping feature."""
    return load_taxonomy(FIXTURE_TAXONOMY)


@pytest.fixture(scope="session")
def index(taxonomy: Taxonomy) -> AliasIndex:
    return AliasIndex(taxonomy, taxonomy.companies["acme"])

"""Whatever text comes in, the reader returns a Document or raises ReleaseError: shuffled
lines of the real samples, in every layout, never crash it."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.extract.layout import Document
from generator.extract.read import ReleaseError, read_text
from generator.model.entity import Company, Entity
from generator.model.taxonomy import Taxonomy
from generator.resources import sample_releases


@cache
def sample_lines() -> list[str]:
    return [line for path in sample_releases()
            for line in path.read_text(encoding="utf-8").splitlines()]


TAXONOMY = Taxonomy(
    name="t", prefix="t", namespace="urn:t", version="1", schema_file="t.xsd",
    role_base="urn:t/role", concepts={}, networks=(), axes={}, units={}, measures={},
    companies={"iij": Company(
        id="iij", name="Internet Initiative Japan Inc.", names=("IIJ",),
        entity=Entity(scheme="urn:x", identifier="1"), fiscal_year_end_month=3,
        ocr_names=("11J",))},
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=len(sample_lines()) - 1), max_size=60),
       st.text(max_size=80))
def test_never_crashes(picks: list[int], noise: str) -> None:
    lines = [sample_lines()[i] for i in picks]
    text = "\n".join([*lines[: len(lines) // 2], noise, *lines[len(lines) // 2:]])
    try:
        doc = read_text("random.txt", text, TAXONOMY)
    except ReleaseError as exc:
        assert "random.txt" in str(exc)
        return
    assert isinstance(doc, Document)
    for table in doc.tables:
        assert all(len(r.cells) == len(table.columns) for r in table.rows)

"""Releases that cannot be read fail loudly; truncated ones say where they stop."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.read import ReleaseError, read_release, read_text
from generator.model.entity import Company, Entity
from generator.model.taxonomy import Taxonomy
from generator.resources import samples_dir

NEWSWIRE = next(p for p in sorted(samples_dir().glob("002_*.txt")))
IIJ = Company(
    id="iij", name="Internet Initiative Japan Inc.",
    names=("Internet Initiative Japan Inc.", "IIJ"),
    entity=Entity(scheme="http://www.tse.or.jp/sicc", identifier="37740"),
    fiscal_year_end_month=3, ocr_names=("11J",),
)


def tax() -> Taxonomy:
    """The reader uses only the taxonomy's companies."""
    return Taxonomy(name="t", prefix="t", namespace="urn:t", version="1", schema_file="t.xsd",
                    role_base="urn:t/role", concepts={}, networks=(), axes={}, units={},
                    measures={}, companies={"iij": IIJ})


def test_text_without_tables_is_rejected_with_a_clear_message() -> None:
    text = ("Acme Corp announces a new product.\n\nThe product is great. Revenues were up 5% "
            "and we expect JPY 3,000 million next year.\n")
    with pytest.raises(ReleaseError, match=r"memo\.txt: no tables found .*column header"):
        read_text("memo.txt", text, tax())


def test_empty_text_is_rejected() -> None:
    with pytest.raises(ReleaseError, match="empty"):
        read_text("empty.txt", "  \n\n", tax())


def test_missing_file_is_a_release_error(tmp_path: Path) -> None:
    with pytest.raises(ReleaseError, match="cannot read"):
        read_release(tmp_path / "nope.txt", tax())


def test_release_cut_mid_statement_is_reported() -> None:
    lines = NEWSWIRE.read_text(encoding="utf-8").splitlines()
    cut = next(i for i, line in enumerate(lines) if line.strip().startswith("Inventories"))
    document = read_text("cut.txt", "\n".join(lines[: cut + 1]), tax())
    assert any(f"line {cut + 1}:" in p and "truncated" in p for p in document.problems)
    [bs] = [t for t in document.tables if t.kind == "balance_sheet"]
    assert bs.rows[-1].label == "Inventories"


def test_release_cut_mid_number_reports_the_unreadable_token() -> None:
    lines = NEWSWIRE.read_text(encoding="utf-8").splitlines()
    cut = next(i for i, line in enumerate(lines) if line.strip().startswith("Prepaid expenses"))
    text = "\n".join(lines[:cut]) + "\n" + lines[cut][: lines[cut].index("27,3") + 4]
    document = read_text("cut.txt", text, tax())
    assert any("truncated" in p for p in document.problems)


def test_unknown_company_is_reported_not_guessed() -> None:
    lines = NEWSWIRE.read_text(encoding="utf-8").replace("IIJ", "XYZ").replace(
        "Internet Initiative Japan", "Example Holdings").splitlines()
    document = read_text("other.txt", "\n".join(lines), tax())
    assert document.company is None
    assert any("no company of the taxonomy" in p for p in document.problems)
    assert document.period is not None and document.period.label == "1H FY2010"

"""Releases published as PDF with a text layer: read laid out by position, then by column."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.pipeline import extract_release
from generator.extract.read import ReleaseError
from generator.extract.read.pdf import looks_like_pdf
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy
from tests.extract.pdf_writer import pdf_bytes, render_tabbed
from tests.extract.samples import TABBED, extraction, same_or_held


def test_a_pdf_rendering_gives_the_figures_of_its_text(tmp_path: Path) -> None:
    """004 as a PDF: labels wrapped over lines, long headings wrapped in their columns,
    figures right-aligned, blank cells blank, tables across page breaks."""
    path = tmp_path / "release.pdf"
    path.write_bytes(render_tabbed((samples_dir() / TABBED).read_text(encoding="utf-8")))
    read = extract_release(path, load_taxonomy())
    assert read.coverage.layout == "aligned"
    held = same_or_held(read, extraction(TABBED))
    assert held <= 12, held  # rows laid out by position whose blank cells nothing confirms


def test_a_pdf_is_recognised_without_its_suffix() -> None:
    assert looks_like_pdf(b"%PDF-1.7\n")
    assert not looks_like_pdf(b"IIJ Announces ...")


def test_a_pdf_without_a_text_layer_asks_for_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes([[]]))
    with pytest.raises(ReleaseError, match="no text layer"):
        extract_release(path, load_taxonomy())


def test_a_damaged_pdf_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    with pytest.raises(ReleaseError, match=r"broken\.pdf: not a readable PDF"):
        extract_release(path, load_taxonomy())

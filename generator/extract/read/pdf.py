"""Releases published as PDF with a text layer: each page's text laid out as on the page
(pdfplumber's layout mode, like ``pdftotext -layout``), which the column-aligned reader then
places by position. A scanned PDF has no text to read: it needs OCR first (the OCR layout
reads that text)."""

from __future__ import annotations

from io import BytesIO
from typing import Any

MAX_PAGES = 500  # a results release is tens of pages; more is not one


class PdfError(Exception):
    """The PDF cannot be read as text."""


def looks_like_pdf(head: bytes) -> bool:
    return head.lstrip()[:5] == b"%PDF-"


def _laid_out(page: Any) -> str:
    """The page's text with one character column per average character width, so a gap
    between two cells stays a run of spaces however small the font."""
    widths = sorted(c["x1"] - c["x0"] for c in page.chars if c.get("text", "").strip())
    if not widths:
        return ""
    density = max(widths[len(widths) // 2], 1.0)
    return str(page.extract_text(layout=True, x_density=density) or "")


def pdf_to_text(data: bytes) -> str:
    """The text of every page, laid out by position, pages separated by a blank line."""
    import pdfplumber  # imported late: only PDF inputs pay for it

    try:
        pdf = pdfplumber.open(BytesIO(data))
    except Exception as exc:  # pdfminer's errors have no common base: any is "unreadable"
        raise PdfError(f"not a readable PDF: {exc or type(exc).__name__}") from exc
    with pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise PdfError(f"{len(pdf.pages)} pages: more than {MAX_PAGES}, not a release")
        try:
            pages = [_laid_out(page) for page in pdf.pages]
        except Exception as exc:
            raise PdfError(f"not a readable PDF: {exc or type(exc).__name__}") from exc
    lines = [line.rstrip() for page in pages for line in [*page.splitlines(), ""]]
    if not any(lines):
        raise PdfError("no text layer (a scanned PDF?): run OCR on it and pass the text")
    return "\n".join(lines) + "\n"

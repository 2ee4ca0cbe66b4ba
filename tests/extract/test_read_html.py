"""Releases published as HTML: tables become tab-separated rows for the tabbed reader; the page
is parsed as untrusted input (no network, no entities), scripts and styles are not text."""

from __future__ import annotations

import html
from pathlib import Path

from generator.extract.pipeline import extract_release
from generator.extract.read.html import html_to_text, looks_like_html
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy
from tests.extract.samples import TABBED, extraction, same_or_held


def as_html_page(text: str) -> str:
    """An HTML rendering of a tab-separated release: tables for rows, paragraphs for prose."""
    out = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title>Results</title>',
           '<script>var total = "9,999,999";</script></head><body>']
    in_table = False
    for line in text.splitlines():
        if "\t" in line:
            if not in_table:
                out.append("<table>")
                in_table = True
            cells = "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t"))
            out.append(f"<tr>{cells}</tr>")
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        if line.strip():
            out.append(f"<p>{html.escape(line)}</p>")
    out.append("</table></body></html>" if in_table else "</body></html>")
    return "\n".join(out)


def test_an_html_page_gives_the_figures_of_its_text(tmp_path: Path) -> None:
    page = as_html_page((samples_dir() / TABBED).read_text(encoding="utf-8"))
    path = tmp_path / "release.html"
    path.write_text(page, encoding="utf-8")
    # The page's dividend row drops its trailing blank cells (an HTML table row may simply end),
    # so its two figures' columns are a guess: held back, every other figure the same.
    assert same_or_held(extract_release(path, load_taxonomy()), extraction(TABBED)) <= 2


def test_a_page_is_recognised_without_its_suffix() -> None:
    assert looks_like_html(b"<!DOCTYPE html>\n<html><body></body></html>")
    assert looks_like_html(b"<html lang='en'>")
    assert not looks_like_html(b"IIJ Announces First Six Months Financial Results\n<b>")


def test_a_cell_spanning_columns_keeps_the_columns_aligned() -> None:
    page = (b"<html><body><table><tr><th></th><th colspan='2'>Six Months Ended</th></tr>"
            b"<tr><td>Revenues</td><td>1,000</td><td>2,000</td></tr></table></body></html>")
    assert html_to_text(page).splitlines()[:2] == ["\tSix Months Ended", "Revenues\t1,000\t2,000"]


def test_scripts_styles_and_comments_are_not_text() -> None:
    page = (b"<html><head><style>p{}</style></head><body><script>x='1,234'</script>"
            b"<!-- 5,678 --><p>Revenues <b>9</b></p></body></html>")
    assert html_to_text(page).split() == ["Revenues", "9"]


def test_entities_and_external_resources_are_not_resolved() -> None:
    page = (b'<!DOCTYPE html SYSTEM "http://example.invalid/x.dtd">'
            b'<html><body><p>A &amp; B &unknown;</p><img src="http://example.invalid/i.png">'
            b"</body></html>")
    assert html_to_text(page).strip() == "A & B &unknown;"


def test_a_page_in_shift_jis_is_read_by_its_declared_charset() -> None:
    page = ('<html><head><meta charset="shift_jis"></head><body>'
            "<p>連結損益計算書</p></body></html>").encode("shift_jis")
    assert html_to_text(page).strip() == "連結損益計算書"

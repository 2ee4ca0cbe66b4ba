"""The same release in another rendering gives the same figures: the readers follow the table
structure, not one sample's bytes. Each variant is made here from a bundled sample."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from generator.extract.pipeline import Extraction, extract_release
from generator.extract.read.detect import detect_layout
from generator.model.period import Duration, Instant, shift_years
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy
from tests.extract.samples import TABBED, extraction, figures, same_or_held


def as_pipe_table(text: str) -> str:
    """A Markdown rendering: each tab-separated row becomes '| a | b |', with a ruling line."""
    out = []
    in_table = False
    for line in text.splitlines():
        if "\t" in line:
            cells = line.split("\t")
            out.append("| " + " | ".join(cells) + " |")
            if not in_table:  # Markdown rules off a table's first row
                out.append("|" + "---|" * len(cells))
        else:
            out.append(line)
        in_table = "\t" in line
    return "\n".join(out) + "\n"


def as_fixed_width(text: str) -> str:
    """A ``pdftotext -layout`` style rendering: labels padded, every cell right-aligned in a
    column of one width, blank cells left blank (only a wider gap)."""
    rows = [line.split("\t") for line in text.splitlines() if "\t" in line]
    label_width = max(len(row[0]) for row in rows) + 2
    width = max(len(cell.strip()) for row in rows for cell in row[1:]) + 2
    return "\n".join(
        line.split("\t")[0].ljust(label_width)
        + "".join(cell.strip().rjust(width) for cell in line.split("\t")[1:])
        if "\t" in line else line
        for line in text.splitlines()
    ) + "\n"


def test_a_fixed_width_rendering_is_read_by_column_position(tmp_path: Path) -> None:
    text = as_fixed_width((samples_dir() / TABBED).read_text(encoding="utf-8"))
    assert detect_layout(text) == "aligned"
    path = tmp_path / TABBED
    path.write_text(text, encoding="utf-8")
    fixed = extract_release(path, load_taxonomy())
    # Laid out by position, the one-row-per-period target and dividend rows have blank cells
    # whose columns are a guess, and nothing in the release confirms them; the dividends header
    # names four units over five columns of figures, so none of its rows is read as placed:
    # held back (12 of 809).
    assert same_or_held(fixed, extraction(TABBED)) <= 12
    assert fixed.coverage.numbers == fixed.coverage.accounted


@pytest.fixture(scope="module")
def piped(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    text = (samples_dir() / TABBED).read_text(encoding="utf-8")
    path = Path(tmp_path_factory.mktemp("variants")) / TABBED
    path.write_text(as_pipe_table(text), encoding="utf-8")
    return extract_release(path, load_taxonomy())


def test_a_pipe_table_rendering_is_read_as_such() -> None:
    text = (samples_dir() / TABBED).read_text(encoding="utf-8")
    assert detect_layout(as_pipe_table(text)) == "piped"


def test_a_pipe_table_rendering_gives_the_same_figures(piped: Extraction) -> None:
    assert figures(piped) == figures(extraction(TABBED))


def test_a_pipe_table_rendering_accounts_for_every_number(piped: Extraction) -> None:
    assert piped.coverage.numbers == piped.coverage.accounted
    assert len(piped.coverage.unmapped) == len(extraction(TABBED).coverage.unmapped)


def next_year(text: str) -> str:
    """The release as if published a year later: every year printed one higher ("2013" ->
    "2014", "1H13" -> "1H14"); the figures stay as they are."""
    text = re.sub(
        r"(?<![\d,.])(20(?:0[89]|1\d))(?!\d|,\d)", lambda m: str(int(m.group(1)) + 1), text
    )
    return re.sub(
        r"\b(1H|2H|1Q|2Q|3Q|4Q|FY)(\d\d)\b", lambda m: f"{m.group(1)}{int(m.group(2)) + 1:02d}",
        text,
    )


def shifted(period: Duration | Instant) -> Duration | Instant:
    if isinstance(period, Instant):
        return Instant(date=shift_years(period.date, 1))
    return Duration(start=shift_years(period.start, 1), end=shift_years(period.end, 1))


@pytest.mark.parametrize("name", [TABBED, "002_848ee02a02e0fa53.txt", "003_beeb705454dfa33f.txt"])
def test_periods_come_from_the_text_not_from_the_sample(
    name: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_text(next_year((samples_dir() / name).read_text(encoding="utf-8")), "utf-8")
    later = extract_release(path, load_taxonomy())
    expected = {
        (c, shifted(p), *rest)  # type: ignore[arg-type]
        for c, p, *rest in figures(extraction(name))
    }
    assert figures(later) == expected
    assert later.results.period.end == shift_years(extraction(name).results.period.end, 1)


def test_full_width_digits_read_as_digits(tmp_path: Path) -> None:
    """Japanese word processors write "１，２３４" and "（３）"; the figures are the same."""
    text = (samples_dir() / TABBED).read_text(encoding="utf-8")
    wide = "".join(chr(ord(c) + 0xFEE0) if c in "0123456789,()" else c for c in text)
    path = tmp_path / TABBED
    path.write_text(wide, encoding="utf-8")
    assert figures(extract_release(path, load_taxonomy())) == figures(extraction(TABBED))


RUNON = "003_beeb705454dfa33f.txt"


@pytest.mark.parametrize("width", [72, 80, 132, 200])
def test_run_on_tables_wrapped_at_any_width_give_the_same_figures(
    width: int, tmp_path: Path
) -> None:
    """003's paragraphs (one statement each, up to 2,500 characters) hard-wrapped as an e-mail
    or a text export would wrap them."""
    text = (samples_dir() / RUNON).read_text(encoding="utf-8")
    wrapped = "\n".join(
        textwrap.fill(paragraph, width) if paragraph.strip() else paragraph
        for paragraph in text.split("\n")
    )
    path = tmp_path / RUNON
    path.write_text(wrapped, encoding="utf-8")
    read = extract_release(path, load_taxonomy())
    assert figures(read) == figures(extraction(RUNON))
    assert read.coverage.numbers == extraction(RUNON).coverage.numbers


def test_a_wrapped_paragraph_s_figures_point_at_the_line_they_are_printed_on(
    tmp_path: Path,
) -> None:
    text = (samples_dir() / RUNON).read_text(encoding="utf-8")
    wrapped = "\n".join(textwrap.fill(p, 80) if p.strip() else p for p in text.split("\n"))
    path = tmp_path / RUNON
    path.write_text(wrapped, encoding="utf-8")
    lines = wrapped.splitlines()
    taxonomy = load_taxonomy()
    in_labels = {f.concept for f in taxonomy.label_figures}
    for fact in extract_release(path, taxonomy).results.facts:
        printed = fact.source.text
        if printed and fact.concept in in_labels:
            # a figure printed inside a label points at its row, whose label wraps over lines
            near = " ".join(lines[max(0, fact.source.line - 4):fact.source.line + 3])
            assert " ".join(printed.split()) in near, fact
        elif printed:
            assert printed.split()[0] in lines[fact.source.line - 1], fact


def _with_line(tmp_path: Path, old: str, new: str) -> Extraction:
    text = (samples_dir() / TABBED).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / TABBED
    path.write_text(text.replace(old, new), encoding="utf-8")
    return extract_release(path, load_taxonomy())


def test_a_new_line_in_clean_text_is_not_read_as_the_line_at_its_place(tmp_path: Path) -> None:
    """An unknown label in clean text is a new line, not a damaged one: it stays unmapped
    (a new wording of a known line is a data change: an alias in the taxonomy)."""
    read = _with_line(tmp_path, "Decrease in net investment in sales-type lease — noncurrent\t",
                      "Decrease in contract assets\t")
    assert 440 in {u.line for u in read.coverage.unmapped}
    assert 440 not in {r.line for r in read.coverage.label_readings}


def _header_tabs_kept(text: str, rows: str) -> str:
    """``rows`` (a rendering of ``text``) with the lines of ``text`` that print no figure
    (headings, column headers) left as they were, tabs and all: a converter that kept a
    table's header cells and laid out its rows."""
    out = []
    for original, rendered in zip(text.splitlines(), rows.splitlines(), strict=True):
        figures = any(re.fullmatch(r"\(?[\d,.]+\)?%?", cell.strip())
                      for cell in original.split("\t")[1:])
        out.append(rendered if figures else original)
    return "\n".join(out) + "\n"


def test_aligned_rows_under_tabbed_headers_are_read_by_column_position() -> None:
    text = (samples_dir() / TABBED).read_text(encoding="utf-8")
    assert detect_layout(_header_tabs_kept(text, as_fixed_width(text))) == "aligned"


def test_rows_apart_by_ragged_spaces_under_tabbed_headers_are_read_in_order() -> None:
    text = (samples_dir() / TABBED).read_text(encoding="utf-8")
    gaps = iter([2, 3, 4, 3] * len(text))
    ragged = "\n".join(
        "".join(cell + " " * next(gaps) for cell in line.split("\t")).rstrip()
        for line in text.splitlines()) + "\n"
    assert detect_layout(_header_tabs_kept(text, ragged)) == "tabbed"

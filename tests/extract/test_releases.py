"""A file of several releases back to back (issue 15, part 4): split at each release's cover,
each release read on its own; a file of one release reads exactly as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import load_results_all
from generator.cli import main
from generator.extract.pipeline import company_names, extract_release, extract_releases
from generator.extract.read.releases import release_spans
from generator.model.taxonomy import Taxonomy
from generator.resources import sample_releases
from generator.taxonomy import load_taxonomy

SAMPLES = sorted(sample_releases())


@pytest.fixture(scope="module")
def iij() -> Taxonomy:
    return load_taxonomy()


def _text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text if text.endswith("\n") else text + "\n"


def test_each_sample_is_one_release(iij: Taxonomy) -> None:
    for path in SAMPLES:
        assert len(release_spans(_text(path), company_names(iij))) == 1, path.name


def test_samples_back_to_back_split_where_each_begins(iij: Taxonomy) -> None:
    texts = [_text(p) for p in SAMPLES] * 2
    joined = "".join(texts)
    spans = release_spans(joined, company_names(iij))
    assert len(spans) == len(texts)
    for span, text in zip(spans, texts, strict=True):
        assert joined[span.start:span.end].strip() == text.strip()
    assert spans[0].first_line == 1
    assert spans[1].first_line == 1 + joined.count("\n", 0, spans[1].start)


def test_a_cover_line_without_a_period_or_too_soon_does_not_split() -> None:
    body = "Revenues 1,000 2,000\n" * 200
    text = ("ACME Announces First Six Months Financial Results for Fiscal Year 2020\n" + body
            + "Related news: Other Co Announces Results\n" + body
            + "For Immediate Release\nBeta Announces Results\nFirst half FY2021\n" + "x\n")
    spans = release_spans(text)
    assert [s.start for s in spans] == [0]  # no period named / the last one too short


def test_one_release_streams_exactly_what_extract_release_gives(iij: Taxonomy) -> None:
    path = SAMPLES[1]
    assert list(extract_releases(path, iij)) == [extract_release(path, iij)]


def test_extract_writes_one_results_object_per_release(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    one = SAMPLES[1]  # the small one: a presentation
    joined = tmp_path / "two.txt"
    joined.write_text(_text(one) * 2, encoding="utf-8")
    out, coverage = tmp_path / "two.json", tmp_path / "cov.json"
    assert main(["extract", str(joined), "-o", str(out), "--coverage-json", str(coverage)]) == 0
    results = json.loads(out.read_text())
    assert [r["document"] for r in results] == ["two.txt#1", "two.txt#2"]
    assert results[1]["notes"][0].startswith("reader: release 2 of 2 in two.txt, from its line")
    assert len(json.loads(coverage.read_text())) == 2
    single = json.loads(extract_release(one, load_taxonomy()).results.model_dump_json())
    for r in results:
        r["notes"].pop(0)
    first = json.loads(json.dumps(results[0]).replace("two.txt#1", one.name))
    assert first == single
    assert [r.document for r in load_results_all(out)] == ["two.txt#1", "two.txt#2"]
    report = capsys.readouterr().out.splitlines()
    assert report[0].startswith("two.txt#1 (slides")
    assert report[-1].endswith("2 releases read one by one")


def _paged(text: str, every: int = 50) -> str:
    """``text`` with a page break every ``every`` lines: the company's name and the page's
    number at its foot, the presentation's title (a cover line) atop the next page."""
    lines = text.splitlines()
    out: list[str] = []
    for i in range(0, len(lines), every):
        out += lines[i:i + every]
        out += ["", "Internet Initiative Japan Inc.", f"- {i // every + 1} -", "",
                "FY2011/1Q-3Q (cumulative) Consolidated Financial Results", ""]
    return "\n".join(out[:-3]) + "\n"  # the last page: its number, no next page


def test_a_title_atop_every_page_is_one_release(iij: Taxonomy) -> None:
    """Sample 001 paged (a re-typeset draw): each page opens with the title, a cover line
    naming the period, and was split off as a release of its own ("no tables found")."""
    paged = _paged(_text(SAMPLES[1]))
    assert len(release_spans(paged, company_names(iij))) == 1


def test_paged_releases_back_to_back_split_where_the_page_numbers_start_again(
        iij: Taxonomy) -> None:
    paged = _paged(_text(SAMPLES[1]))
    spans = release_spans(paged * 2, company_names(iij))
    assert [s.start for s in spans] == [0, len(paged)]


def test_a_release_after_a_numbered_page_is_not_taken_for_its_running_head(
        iij: Taxonomy) -> None:
    """A reviewer's input: sample 000's first page (ending "-1-"), then sample 004 with "- 2 -"
    at a page's foot. The second cover tops a page whose numbers go on, but it is no cover
    line the first release printed: a release of its own (it was read as one with 000)."""
    first = _text(SAMPLES[0]).split("-1-")[0] + "-1-\n\n"
    second = _text(SAMPLES[4]).splitlines()
    second.insert(60, "- 2 -")
    joined = first + "\n".join(second) + "\n"
    spans = release_spans(joined, company_names(iij))
    assert len(spans) == 2
    assert joined[spans[1].start:].strip() == "\n".join(second).strip()


@pytest.mark.parametrize("cut", [60, None])
def test_a_title_ending_in_its_page_number_is_a_footer_not_a_cover(
        iij: Taxonomy, cut: int | None) -> None:
    """Sample 002 with a footer at every page's end: its title (cut short or not), then the
    page's number ("IIJ Announces First Six Months Financial Results For The Fis    3"), and
    the whole title atop the next page (re-typeset draws dec7b, dec7g, dec8a: refused)."""
    lines = _text(SAMPLES[2]).splitlines()
    title = lines[0].strip()
    footer = title[:cut]
    paged = [line for i in range(0, len(lines), 40)
             for line in [*lines[i:i + 40], "", f"{footer}    {i // 40 + 1}", "", title]]
    assert len(release_spans("\n".join(paged) + "\n", company_names(iij))) == 1

"""The samples printed again in typography the extractor was not written for (an independent
helper's renderer, ``benchmarks/retypeset.py``) file no wrong figure and read most of
them: page breaks with form feeds, other digit grouping, other negative forms, full-width
digits, markdown and box grids. The whole set, ten styles, is ``benchmarks/bench_retypeset.py``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.bench_retypeset import score
from benchmarks.retypeset import retypeset
from generator.extract.pipeline import extract_release
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy
from tests.extract.recall import expected_files, load_expected

SAMPLES = [path.name for path in sorted(samples_dir().glob("*.txt"))]


def _scored(tmp_path: Path, sample: str, style: str, seed: int = 1, salt: str = ""
            ) -> Counter[str]:
    text, linemap, _ = retypeset((samples_dir() / sample).read_text(encoding="utf-8"), style,
                                 seed, sample + (f"|{salt}" if salt else ""))
    path = tmp_path / sample
    path.write_text(text, encoding="utf-8")
    expected = next(load_expected(p) for p in expected_files() if p.name[:3] == sample[:3])
    counts, _ = score(expected, extract_release(path, load_taxonomy()),
                      {int(k): v for k, v in linemap.items()})
    return counts


@pytest.mark.parametrize("style", ["pagefurniture", "separators", "negatives", "fullwidth",
                                   "pipes"])
@pytest.mark.parametrize("sample", SAMPLES)
def test_a_sample_printed_another_way_files_no_wrong_figure(tmp_path: Path, sample: str,
                                                            style: str) -> None:
    counts = _scored(tmp_path, sample, style)
    assert counts["wrong"] == counts["stray"] == counts["invented"] == 0
    assert counts["right"] >= 0.6 * sum(counts[o] for o in ("right", "held", "missed")), counts


def test_run_on_statements_wrapped_at_a_width_are_read_as_run_on(tmp_path: Path) -> None:
    # sample 003 prints each statement as one paragraph line; wrapped at ~100 columns, only
    # those paragraphs fill the width (its other lines are short)
    counts = _scored(tmp_path, "003_beeb705454dfa33f.txt", "wrapped")
    assert counts["wrong"] == counts["stray"] == 0
    assert counts["right"] >= 0.95 * sum(counts[o] for o in ("right", "held", "missed")), counts


def test_a_wording_of_several_lines_after_unread_rows_is_not_filed_on_a_guess(
        tmp_path: Path) -> None:
    # a scan lost the tab after "Total Costs" and damaged "Network Services" under it:
    # "Equipment Sales" below is the cost of equipment sales, not revenues' line (filed so)
    counts = _scored(tmp_path, "004_071992bb41c141de.txt", "ocrnoise", 2, "fresh2")
    assert counts["stray"] == 0, counts


def test_a_unit_stacked_over_two_lines_scales_its_columns(tmp_path: Path) -> None:
    # right-aligned headings wrap "JPY millions" into "JPY" / "millions": read as one
    # heading, not "millions millions" a row and the figures filed in yen
    counts = _scored(tmp_path, "004_071992bb41c141de.txt", "mixed", 2, "final8")
    assert counts["wrong"] <= 2, counts  # the dividends row a lost tab shifts (known)


@pytest.mark.parametrize(("sample", "style", "seed"), [
    ("000_2bec0ea935cb70a9.txt", "ragged2", 1),  # an elimination whose segments were held
    ("001_6c9832476b77f69a.txt", "ocrnoise", 1),  # a YoY % column paired with a target's
])
def test_a_second_review_s_draws_file_no_wrong_figure(tmp_path: Path, sample: str, style: str,
                                                     seed: int) -> None:
    counts = _scored(tmp_path, sample, style, seed, "rv2q")
    assert counts["wrong"] == counts["stray"] == 0, counts


@pytest.mark.parametrize("sample", ["002_848ee02a02e0fa53.txt", "004_071992bb41c141de.txt"])
def test_right_aligned_rows_under_headers_that_kept_tabs_or_no_break_spaces_are_read(
        tmp_path: Path, sample: str) -> None:
    # read as tabbed or newswire (the markers on the header lines), their header words were
    # placed in order, not by position: the scale of each column landed on the next one
    counts = _scored(tmp_path, sample, "rightaligned")
    assert counts["wrong"] == counts["stray"] == 0
    assert counts["right"] >= 0.6 * sum(counts[o] for o in ("right", "held", "missed")), counts


def test_two_figures_placed_by_position_alike_do_not_confirm_each_other(tmp_path: Path) -> None:
    # the OCR sample in ragged columns: the summary's "Network Services 11,382 15,800" and the
    # breakdown's total printed alike are both read a column to the right; each printing,
    # placed by position, agreed with the other and 11,382 was filed as the 2Q11 figure
    counts = _scored(tmp_path, "000_2bec0ea935cb70a9.txt", "ragged2", 2, "dec7d")
    assert counts["wrong"] == counts["stray"] == 0, counts


def test_a_row_read_by_its_place_whose_words_name_another_line_is_not_filed_on_it(
        tmp_path: Path) -> None:
    # the OCR sample wrapped: "I1J Data Center Connectivity" (its "Service" on the next line)
    # ran into the row above, "IP Service (1Gbps-) 128 129 1", and the place after the 100 Mbps
    # line read the whole as the data center line: 128 and 129 were filed as its contracts
    counts = _scored(tmp_path, "000_2bec0ea935cb70a9.txt", "wrapped", 2, "dec7e")
    assert counts["wrong"] == counts["stray"] == 0, counts


def test_extraction_does_not_depend_on_the_interpreter_s_hash_seed(tmp_path: Path) -> None:
    # a release where two roll forwards of cash break over one figure: which one's reason
    # it is held with followed a set's order, which Python's hash seed changes from run to run
    text, _, _ = retypeset((samples_dir() / "002_848ee02a02e0fa53.txt").read_text(
        encoding="utf-8"), "rightaligned", 1, "002_848ee02a02e0fa53.txt|dec7b")
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    script = ("import sys; from pathlib import Path; from generator.taxonomy import "
              "load_taxonomy; from generator.extract.pipeline import extract_release; "
              "print(extract_release(Path(sys.argv[1]), load_taxonomy()).results"
              ".model_dump_json())")
    outputs = {subprocess.run([sys.executable, "-c", script, str(path)], check=True,
                              capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "3")}
    assert len(outputs) == 1


# --- the adversary styles (not in ``mixed``): the renderer itself keeps the truth ----------------

ADVERSARY = ["swapcols", "footnotes", "periodwords", "extracol"]


def _printed(sample: str, style: str, seed: int = 1, salt: str = ""
             ) -> tuple[list[str], dict[int, int]]:
    text, linemap, _ = retypeset((samples_dir() / sample).read_text(encoding="utf-8"), style,
                                 seed, sample + (f"|{salt}" if salt else ""))
    return text.split("\n"), {int(k): v for k, v in linemap.items()}


@pytest.mark.parametrize("style", ADVERSARY)
@pytest.mark.parametrize("sample", SAMPLES)
def test_an_adversary_style_keeps_every_hand_checked_figure_on_its_line(sample: str,
                                                                       style: str) -> None:
    for salt in ("", "t2"):
        lines, linemap = _printed(sample, style, 1, salt)
        at: dict[int, str] = {}
        for new, orig in linemap.items():
            at[orig] = at.get(orig, "") + "\n" + lines[new - 1]
        expected = next(load_expected(p) for p in expected_files() if p.name[:3] == sample[:3])
        for e in expected:
            if e.text and e.text not in ("-", "--", "\u2014", "\u2013"):
                assert e.text in at.get(e.line, ""), (e.line, e.text, at.get(e.line))


def test_swapped_columns_move_with_their_headings() -> None:
    lines, linemap = _printed("002_848ee02a02e0fa53.txt", "swapcols")
    inv = {v: k for k, v in linemap.items()}
    assert lines[inv[35] - 1].split() == ["1H10", "1H09", "YoY", "%", "change"]
    assert lines[inv[37] - 1].split()[-3:] == ["34,272", "32,275", "6.2"]
    # a quarterly series newest first, the year's total last
    assert lines[inv[559] - 1].split() == ["4Q08", "3Q08", "2Q08", "1Q08", "FY2008"]
    assert lines[inv[560] - 1].split()[-5:] == ["4,019,900", "3,913,676", "3,771,761",
                                                "3,690,496", "15,395,833"]


def test_the_extra_column_is_the_exact_difference_and_no_line_is_added() -> None:
    lines, linemap = _printed("002_848ee02a02e0fa53.txt", "extracol")
    assert len(lines) - 1 == len(linemap)  # every line printed maps to its source line
    inv = {v: k for k, v in linemap.items()}
    heads = lines[inv[35] - 1].split()
    assert heads[:2] == ["1H09", "1H10"] and len(heads) > 5
    row = lines[inv[37] - 1].split()
    assert row[2:4] == ["32,275", "34,272"] and "1,997" in row
    assert "(459)" in lines[inv[62] - 1] and "158" in lines[inv[62] - 1].split()


def test_period_words_say_the_same_period() -> None:
    from benchmarks.retypeset import reword_period

    q = {"Q": 3, "H": 3, "FY": 1, "D": 3, "S": 0}
    assert reword_period("4Q10", q) == "Jan.-Mar. 2011"
    assert reword_period("3Q11", q) == "Oct.-Dec. 2011"
    assert reword_period("1H09", q) == "Apr.-Sep. 2009"
    assert reword_period("2H09", q) == "Oct. 2009-Mar. 2010"
    assert reword_period("FY2008", q) == "Year ended Mar. 31, 2009"
    assert reword_period("as of September 30, 2010", q) == "as of 2010/9/30"
    assert reword_period("Six Months Ended September 30, 2009", q) == "1H FY2009"
    q.update(Q=4, H=1, S=1)
    assert reword_period("1Q10", q) == "Three months ended Jun. 30, 2010"
    assert reword_period("1H10", q) == "H1 FY2010"
    assert reword_period("Six Months Ended September 30, 2009", q) == "Apr.-Sep. 2009"
    assert reword_period("3Q11 (11/4~11/12)", q) == "3Q11 (11/4~11/12)"  # cumulative: kept


def test_footnote_notes_are_new_lines_and_marks_leave_the_digits() -> None:
    src = (samples_dir() / "002_848ee02a02e0fa53.txt").read_text(encoding="utf-8").split("\n")
    lines, linemap = _printed("002_848ee02a02e0fa53.txt", "footnotes")
    added = [n for n in range(1, len(lines)) if n not in linemap]
    assert added and all(not any(ch.isdigit() for ch in lines[n - 1].split(" ", 1)[1])
                         for n in added)
    for new, orig in linemap.items():
        old_nums = re.findall(r"\d(?:[\d,.]*\d)?", src[orig - 1])
        new_nums = iter(re.findall(r"\d(?:[\d,.]*\d)?", lines[new - 1]))
        assert all(any(t == u for u in new_nums) for t in old_nums), (orig, lines[new - 1])


@pytest.mark.parametrize("sample", SAMPLES)
def test_ocr_digits_damage_only_the_figures_they_record(sample: str) -> None:
    from benchmarks.retypeset import retypeset_damage

    src = (samples_dir() / sample).read_text(encoding="utf-8")
    for salt in ("", "t2"):
        text, linemap, _, damaged = retypeset_damage(src, "ocrdigits", 1,
                                                     sample + (f"|{salt}" if salt else ""))
        lines = text.split("\n")
        at: dict[int, str] = {}
        for new, orig in linemap.items():
            at[orig] = at.get(orig, "") + "\n" + lines[int(new) - 1]
        assert all(d.before != d.after and d.after in at[d.line] for d in damaged)
        hit = {(d.line, d.before) for d in damaged}
        expected = next(load_expected(p) for p in expected_files() if p.name[:3] == sample[:3])
        for e in expected:
            if e.text and e.text not in ("-", "--", "\u2014", "\u2013") \
                    and (e.line, e.text) not in hit:
                assert e.text in at.get(e.line, ""), (e.line, e.text, at.get(e.line))
        digits = re.compile(r"\d[\d,.]*")
        changed = {orig for new, orig in linemap.items() if digits.findall(lines[int(new) - 1])
                   != digits.findall(src.split("\n")[orig - 1])}
        assert changed <= {d.line for d in damaged}  # a space inside a figure may keep them


# --- what the adversary styles found (xfail until the reader is fixed) ---------------------------

@pytest.mark.parametrize(("sample", "seed", "salt"), [
    ("002_848ee02a02e0fa53.txt", 1, "adv1"),  # "H1 FY2009 H1 FY2010 YoY % change" (line 105)
    ("004_071992bb41c141de.txt", 2, "adv1"),  # tabbed "FY2012 1H" / "FY2013 1H" (lines 57, 88)
])
def test_a_half_year_worded_h1_fy_is_not_filed_as_the_fiscal_year(
        tmp_path: Path, sample: str, seed: int, salt: str) -> None:
    counts = _scored(tmp_path, sample, "periodwords", seed, salt)
    assert counts["wrong"] == counts["stray"] == 0, counts


def test_a_heading_cell_with_two_marks_does_not_shift_a_tabbed_series(tmp_path: Path) -> None:
    # 001 line 234 "IIJ-Global\t2Q10**4\t3Q10\t...": 224 (2Q10) was filed as 3Q10, 777 as
    # 4Q10, ...; a heading cell's marks are now ignored, and had the heading lost 2Q10, the
    # last figures (754, 106) under the column the reader adds are no percentages: held
    counts = _scored(tmp_path, "001_6c9832476b77f69a.txt", "footnotes", 2, "adv2")
    assert counts["wrong"] == counts["stray"] == 0, counts


def test_a_damaged_statement_figure_is_held_against_the_tse_summary(tmp_path: Path) -> None:
    # 000 with a Difference column: the summary's 859 (line 93) and the reconciliation's
    # (line 327) are held or unread, and "INITIATIVE JAPAN INC. 89,217 ..." (an OCR loss of
    # 859,2xx) is filed as net income attributable 1H10, citing line 1184, which prints 859
    counts = _scored(tmp_path, "000_2bec0ea935cb70a9.txt", "extracol", 1, "adv1")
    assert counts["wrong"] == 0, counts


def test_a_footnote_number_after_a_label_stays_out_of_the_figures(tmp_path: Path) -> None:
    # 002's breakdown: five rows get "(Note 10)".."(Note 14)"; the unchanged "IP Service 5
    # 4,648 4,479 (3.6%)" is then filed as 5 (1H09) and 4,648 (1H10), the mobile row alike
    counts = _scored(tmp_path, "002_848ee02a02e0fa53.txt", "footnotes", 2, "adv5")
    assert counts["wrong"] == 0, counts


def test_a_figure_with_a_reference_mark_keeps_its_column(tmp_path: Path) -> None:
    # 000's TSE per-share line "September 30, 2011 6,717.11\u203b 6,715.15": the diluted
    # 6,715.15 is filed as basic (the statement's printing, line 596, is unread in this draw)
    counts = _scored(tmp_path, "000_2bec0ea935cb70a9.txt", "footnotes", 2, "adv6")
    assert counts["wrong"] == 0, counts


def test_a_row_placed_by_plausibility_is_proven_only_by_a_telling_change(tmp_path: Path) -> None:
    # 001 mixed (seed 2, salt rvG7), line 435 "... per Share  JPY 16 775  JPY 16 775  JPY 15 761
    # JPY +1 014  6.4%" (full-width digits grouped by spaces) read as nine figures for five
    # columns: "JPY 15 | 761 | JPY +1 | 014 | 6.4%" placed, and 15 - 1 = 14 "proved" the change
    # column (within 2): EPS filed as 15 and 1. On a guessed row a change must tell: its
    # rounding under a tenth of it
    counts = _scored(tmp_path, "001_6c9832476b77f69a.txt", "mixed", 2, "rvG7")
    assert counts["wrong"] == counts["stray"] == 0, counts

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


def _scored_without_wrong(tmp_path: Path, sample: str, style: str, seed: int = 1, salt: str = ""
                          ) -> Counter[str]:
    """:func:`_scored`, having asserted that nothing was filed wrong or stray."""
    counts = _scored(tmp_path, sample, style, seed, salt)
    assert counts["wrong"] == counts["stray"] == 0, counts
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
    _scored_without_wrong(tmp_path, sample, style, seed, "rv2q")


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
    _scored_without_wrong(tmp_path, "000_2bec0ea935cb70a9.txt", "ragged2", 2, "dec7d")


def test_a_row_read_by_its_place_whose_words_name_another_line_is_not_filed_on_it(
        tmp_path: Path) -> None:
    # the OCR sample wrapped: "I1J Data Center Connectivity" (its "Service" on the next line)
    # ran into the row above, "IP Service (1Gbps-) 128 129 1", and the place after the 100 Mbps
    # line read the whole as the data center line: 128 and 129 were filed as its contracts
    _scored_without_wrong(tmp_path, "000_2bec0ea935cb70a9.txt", "wrapped", 2, "dec7e")


def test_a_row_whose_mark_may_be_either_of_two_numbers_files_neither_reading_unconfirmed(
        tmp_path: Path) -> None:
    # cell marks: "Elimination 19 (1) 12" (printed "19 12"); "19" was taken for a footnote's
    # mark after the label and "(1)" for the first half's figure, filed as -1 on its placement
    _scored_without_wrong(tmp_path, "002_848ee02a02e0fa53.txt", "cellmarks", 1, "s15a")


@pytest.mark.parametrize(("sample", "seed"), [
    ("001_6c9832476b77f69a.txt", 1),  # "S1" beside "5" for 51: the quarterly table's digits
    ("001_6c9832476b77f69a.txt", 2),  # "4o" beside "17" for 179 and "4425" for 425
    ("002_848ee02a02e0fa53.txt", 1),  # the TSE form's "4,180" for 4,100; its echo unread
    ("002_848ee02a02e0fa53.txt", 2),  # "36" for 38, a rounded segment sum passing either
])
def test_digits_a_scan_changed_are_not_filed_on_evidence_that_cannot_tell_them(
        tmp_path: Path, sample: str, seed: int) -> None:
    _scored_without_wrong(tmp_path, sample, "ocrdigits", seed, "s15a")


@pytest.mark.parametrize(("sample", "style", "seed", "salt"), [
    ("004_071992bb41c141de.txt", "wrapped", 1, ""),
    ("000_2bec0ea935cb70a9.txt", "cellmarks", 2, "s15c"),
])
def test_a_dash_printed_where_another_printing_has_a_figure_is_judged_not_a_crash(
        tmp_path: Path, sample: str, style: str, seed: int, salt: str) -> None:
    # how far a figure is from a disagreeing printing was asked of a nil one (an assertion
    # stopped the extraction)
    _scored_without_wrong(tmp_path, sample, style, seed, salt)


def test_a_tse_form_printed_as_grids_is_read(tmp_path: Path) -> None:
    # 002 in markdown grids: the target row's label ran on into the line after its grid
    # ("... 2011 Changes in earnings forecasts ...: None", no period), and the unitless echo
    # of the targets was not read inside its grid: 18 figures missed, 2 now (two dashes)
    counts = _scored_without_wrong(tmp_path, "002_848ee02a02e0fa53.txt", "pipes", 1, "s15c")
    assert counts["missed"] <= 2, counts


def test_right_aligned_headings_printed_one_space_apart_head_their_columns(
        tmp_path: Path) -> None:
    # 002's contracts table: "as of September as of September" over "30, 2009  30, 2010" was
    # one heading cell over the first column; the table went unread (26 figures missed)
    counts = _scored_without_wrong(tmp_path, "002_848ee02a02e0fa53.txt", "rightaligned", 1,
                                   "s15d")
    assert counts["missed"] <= 17, counts


def test_a_header_stacked_under_a_shorter_first_line_scales_its_columns(
        tmp_path: Path) -> None:
    # 002 mixed: "YoY %" over "1H09  1H10  change" / "JPY  JPY" / "millions  millions": the
    # stacked cells were read only under a first line of two cells or more; read line by line,
    # the amounts were in yen and held against the other tables (44 right, 106 held)
    counts = _scored_without_wrong(tmp_path, "002_848ee02a02e0fa53.txt", "mixed", 2, "s15e")
    assert counts["right"] >= 160, counts


def test_a_scan_s_mark_at_a_line_s_start_does_not_cut_a_run_on_header(tmp_path: Path) -> None:
    # 003 ocrnoise: "' Change JPY millions JPY millions Total Revenues: ..." under "Operating
    # Results Summary 2Q16 2Q17 YoY %": the mark split the header, the quarter went unread
    counts = _scored_without_wrong(tmp_path, "003_beeb705454dfa33f.txt", "ocrnoise", 2, "s15e")
    assert counts["right"] >= 200, counts


def test_a_tab_cell_of_a_figure_and_its_mark_files_the_figure_in_its_column(
        tmp_path: Path) -> None:
    # 004 cellmarks: "¥57,208 (1)" in one tab cell; "(1)" read as the next column's figure
    # filed -1 as shareholders' equity
    _scored_without_wrong(tmp_path, "004_071992bb41c141de.txt", "cellmarks", 2, "s15f")


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
    _scored_without_wrong(tmp_path, sample, "periodwords", seed, salt)


def test_a_heading_cell_with_two_marks_does_not_shift_a_tabbed_series(tmp_path: Path) -> None:
    # 001 line 234 "IIJ-Global\t2Q10**4\t3Q10\t...": 224 (2Q10) was filed as 3Q10, 777 as
    # 4Q10, ...; a heading cell's marks are now ignored, and had the heading lost 2Q10, the
    # last figures (754, 106) under the column the reader adds are no percentages: held
    _scored_without_wrong(tmp_path, "001_6c9832476b77f69a.txt", "footnotes", 2, "adv2")


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
    _scored_without_wrong(tmp_path, "001_6c9832476b77f69a.txt", "mixed", 2, "rvG7")


# --- unitscale and cellmarks (adversary styles): the renderer keeps the values -------------------

@pytest.mark.parametrize("sample", SAMPLES)
def test_amounts_printed_in_another_unit_keep_their_value(sample: str) -> None:
    from decimal import Decimal

    from benchmarks.retypeset import clean_amount, unitscale_changes

    expected = next(load_expected(p) for p in expected_files() if p.name[:3] == sample[:3])
    text = (samples_dir() / sample).read_text(encoding="utf-8")
    for salt, seed in (("", 1), ("t2", 2), ("adv3u4", 2)):
        changes = unitscale_changes(text, seed, sample + (f"|{salt}" if salt else ""))
        for line, old, new, power in changes:
            if old in ("-", "--", "\u2014", "\u2013"):
                assert new == old
                continue
            v = clean_amount(old)
            w = Decimal(new.strip("()").replace(",", "")) * (-1 if new.startswith("(") else 1)
            # the digits moved by three places, the sign kept: the unit changed with them
            assert v is not None and v * 1000 in (w, w * 10**6), (line, old, new)
            for e in expected:  # the hand-check's scale is the one the renderer assumed
                if e.line == line and e.text == old and e.value is not None:
                    assert abs(v * Decimal(10) ** power) == abs(e.value), (line, old, power)


def test_unitscale_moves_the_digits_and_says_so() -> None:
    lines, linemap = _printed("000_2bec0ea935cb70a9.txt", "unitscale", 1)
    inv = {v: k for k, v in linemap.items()}
    assert lines[inv[316] - 1].split()[-2:] == ["3,920,000", "5,872,000"]  # JPY millions
    assert "thousand" in lines[inv[315] - 1]
    assert lines[inv[1210] - 1].split()[-4:] == ["69.102", "30.707", "30.748", "445"]  # the % stays


@pytest.mark.parametrize("sample", SAMPLES)
def test_cell_marks_leave_every_hand_checked_figure_s_digits_on_its_line(sample: str) -> None:
    for salt in ("", "t2"):
        lines, linemap = _printed(sample, "cellmarks", 1, salt)
        at: dict[int, str] = {}
        for new, orig in linemap.items():
            at[orig] = at.get(orig, "") + "\n" + lines[new - 1]
        expected = next(load_expected(p) for p in expected_files() if p.name[:3] == sample[:3])
        for e in expected:
            if e.text and e.text not in ("-", "--", "\u2014", "\u2013"):
                assert e.text.strip("()") in at.get(e.line, ""), (e.line, e.text, at.get(e.line))


# --- what unitscale and cellmarks found (each an xfail until the reader was fixed) --------------

@pytest.mark.parametrize(("seed", "salt"), [
    # 001: "\u25c6 ATM Operation Business (JPY thousands)" over the ATM table (printed in
    # thousands, read right), then "(JPY mn)" above the balance sheet (lines 296-309, its
    # digits unchanged): "Cash and Cash Equivalents 13,314" filed as 13,314,000 yen
    (1, "adv3u2"),
    # 001: "\u25c6 3Q11 Operating Income (\u00a5 thousand)" over "Income Tax Expenses
    # 120,000 160,000 ..." (lines 277-279): filed as 120,000 million (the "Unit: JPY
    # million" worded "(Millions of yen)" at line 262 still in force)
    (1, "adv3u3"),
    # 001: "(JPY thousands)" over the quarterly table, then "\u25c6 ATM Operation Business
    # (\u00a5 million)" over "Revenue 106 123 ..." (digits unchanged): filed as 106,000 yen
    (1, "adv3u1"),
])
def test_a_unit_worded_otherwise_over_a_table_does_not_leave_the_last_unit_in_force(
        tmp_path: Path, seed: int, salt: str) -> None:
    _scored_without_wrong(tmp_path, "001_6c9832476b77f69a.txt", "unitscale", seed, salt)


@pytest.mark.parametrize(("sample", "seed", "salt"), [
    # 004 line 809, the TSE targets under "\tJPY mn\t%\tJPY mn\t%...\tJPY": "117,000" (JPY
    # 117,000 million) filed as 117,000 yen, operating income 9,400 as 9,400 yen, ...
    ("004_071992bb41c141de.txt", 1, "adv3u1"),
    # 002 line 776 alike ("JPY mn % JPY mn % ... JPY"): 84,500 filed as 84,500 yen, and the
    # unit-less targets at line 209 ("Full FY2010 84,500 4,800 4,100 3,000") with it
    ("002_848ee02a02e0fa53.txt", 2, "adv3u5"),
])
def test_a_unit_abbreviated_mn_is_millions(tmp_path: Path, sample: str, seed: int,
                                           salt: str) -> None:
    _scored_without_wrong(tmp_path, sample, "unitscale", seed, salt)


def test_a_unit_of_several_words_over_alternating_columns_keeps_them_in_place(
        tmp_path: Path) -> None:
    # 002 line 776: "Yen in thousands % Yen in thousands % ... % JPY" over "Fiscal year ending
    # March 31, 2011 84,500,000 24.3 4,800,000 40.7 ... 34.3 14,801.37": operating income
    # filed as 24,300 (revenues' YoY 24.3 read in thousands), income before taxes as 40,700,
    # net income as 43,400 and EPS as 34.3 -- each figure a column to the left
    _scored_without_wrong(tmp_path, "002_848ee02a02e0fa53.txt", "unitscale", 2, "adv3u4")


@pytest.mark.parametrize("seed", [
    1,  # "As of September 30, 2013\t\u00a5 97,842\t57,208\t57,153\t58.4": total assets
    # 97,842 filed as total equity, total equity 57,208 as IIJ shareholders' equity
    2,  # "...\t97,842 million\t\u00a557,208\t\u00a557,153\t58.4": 57,208 (total equity)
    # filed as IIJ shareholders' equity
])
def test_a_tab_cell_with_a_currency_sign_or_unit_word_stays_one_column(tmp_path: Path,
                                                                      seed: int) -> None:
    # 004's TSE form (2), line 787: columns named by headings only (no period to prove them)
    _scored_without_wrong(tmp_path, "004_071992bb41c141de.txt", "cellmarks", seed, "adv3c2")
# --- ocrdigits: figures a scan damaged, filed although a check on the page contradicts them ------
# (xfail until the checks hold them; damage no check could reveal -- a figure in no total, no %
# or change column, printed once -- is not repro'd here: see the ocrdigits report)

S000, S001, S002, S003, S004 = SAMPLES


def _unprinted_on(tmp_path: Path, sample: str, seed: int, salt: str, line: int) -> list[str]:
    """Facts filed from the sample's ``line`` (one no hand-check lists) at a value the line
    never printed, in the ocrdigits draw."""
    from benchmarks.bench_retypeset import unprinted_facts
    from benchmarks.retypeset import retypeset_damage

    src = (samples_dir() / sample).read_text(encoding="utf-8")
    text, linemap, _, damaged = retypeset_damage(src, "ocrdigits", seed, f"{sample}|{salt}")
    path = tmp_path / sample
    path.write_text(text, encoding="utf-8")
    return unprinted_facts([d for d in damaged if d.line == line],
                           extract_release(path, load_taxonomy()),
                           {int(k): v for k, v in linemap.items()}, src.split("\n"), set())


@pytest.mark.parametrize(("sample", "seed", "salt"), [
    # 001 line 304 "Accounts payable 13,574 8,634 (5,040)" (8,534 read 8,634): the change
    # column says 8,534; 8,634 is filed as accounts payable at 2011-12-31 (no check of its own)
    (S001, 1, "adv2d2"),
    # 000 line 144 "hi-ho 2,516 2,190 (15.0)" (2,576 read 2,516): 2,190 / 2,516 is -13.0%, not
    # -15.0%; 2,516 is filed as hi-ho revenue 1H10
    (S000, 1, "adv2d5"),
    # 002 line 98 "Total Contracted Bandwidth 6199.8 Gbps 702.5 Gbps 82.7 Gbps" (619.8 with a
    # doubled 9): the change 82.7 says 619.8; 6199.8 is filed as the bandwidth at 2009-09-30
    (S002, 1, "adv2d6"),
    # 003 line 217 (run on) "IIJ Mobile MVNO Platform Service 1,450 22,560 76.5" (2,560 with a
    # doubled 2): 22,560 is filed as MVNO platform revenue 2Q17 against its 76.5%
    (S003, 1, "adv2d5"),
])
def test_a_figure_its_change_or_percent_column_contradicts_is_not_filed(
        tmp_path: Path, sample: str, seed: int, salt: str) -> None:
    _scored_without_wrong(tmp_path, sample, "ocrdigits", seed, salt)


@pytest.mark.parametrize(("sample", "seed", "salt"), [
    # 000 line 139 "Mobile Service 837 958 14.2" (956 read 958): 958 / 837 is +14.46%, not
    # 14.2%; the corporate-use sum (4 parts, off by 2, within its slack) files 958 as proven
    (S000, 1, "adv2d6"),
    # 004 line 50 "SG&A Expenses and R&D 6,885 7,427 7.8" (7,421 read 7,427): even from the
    # unrounded ends (7,426.5 / 6,885.5) the change is 7.857%, which prints 7.9; filed as proven
    # by its percent (now held). Same draw: line 809's forecast 9,008 (9,000), against a 16.0%
    # whose prior year the release does not print, is held since a release whose scan left a
    # cell unreadable files no figure on its table's layout and header alone (proof/scanned.py)
    (S004, 1, "adv2d2"),
])
def test_a_percent_column_missed_beyond_rounding_proves_nothing(
        tmp_path: Path, sample: str, seed: int, salt: str) -> None:
    _scored_without_wrong(tmp_path, sample, "ocrdigits", seed, salt)


def test_a_count_of_contracts_off_by_one_is_not_proven_by_its_sum(tmp_path: Path) -> None:
    # 003 line 63 (run on) "IIJ ... 1,290,736" (1,290,735 read ...736): the consumer contracts'
    # sum and the change column miss by exactly 1; counts are not rounded, yet 1,290,736 is
    # filed as proven by arithmetic and percent
    _scored_without_wrong(tmp_path, S003, "ocrdigits", 2, "adv2d5")


@pytest.mark.parametrize(("sample", "seed", "salt"), [
    # 000 line 818 "ATM operation business (300,562) (163,814)" (300,582): the segments no
    # longer add up to the consolidated operating income (off by 20 thousand), but the
    # summary's "(301)" million agrees and files (300,562)
    (S000, 2, "adv2d5"),
    # 003 line 205 (run on) segment profit "ATM operation business 734,378" (734,373): the
    # segment sum misses by 5 thousand; the summary's 734 million files it
    (S003, 1, "adv2d4"),
])
def test_a_rounded_second_printing_does_not_prove_a_figure_whose_sum_breaks(
        tmp_path: Path, sample: str, seed: int, salt: str) -> None:
    _scored_without_wrong(tmp_path, sample, "ocrdigits", seed, salt)


@pytest.mark.parametrize(("sample", "seed", "salt"), [
    # 004 line 65 "ATM Operation Business 83 247" (241): the segment statement (line 531)
    # prints 240,882 thousand and the segment sum breaks by 6; 247 is filed
    (S004, 1, "adv2d5"),
    # 003 line 205 (run on) "ATM operation business 783,799" (763,799): the summary (line 31)
    # prints 764 million and the segment sum breaks; 783,799 thousand is filed
    (S003, 1, "adv2d6"),
])
def test_a_figure_printed_elsewhere_with_another_value_is_not_filed(
        tmp_path: Path, sample: str, seed: int, salt: str) -> None:
    _scored_without_wrong(tmp_path, sample, "ocrdigits", seed, salt)


@pytest.mark.parametrize(("sample", "seed", "salt"), [
    # 004 line 797 forecast "- 11.08 22.00" (11.00): the 2Q-end 11.00 (line 796) and 11.08 do
    # not make the forecast total 22.00; 11.08 is filed as the year-end forecast. (Same draw:
    # line 531's (240,682) of the kind above, a rounded printing against a broken sum.)
    (S004, 1, "adv2d4"),
    # 002 line 767 "Fiscal year ending March 31, 2011 -- 1,258.00" (1,250.00): with the
    # target's year-end 1,250.00 the total 2,500.00 breaks; 1,258.00 is filed as the 2Q-end
    # dividend. (Same draw: line 61's 1,844 (1,644), printed 1,644,563 in line 479.)
    (S002, 1, "adv2d5"),
])
def test_a_dividend_whose_year_total_breaks_is_not_filed(
        tmp_path: Path, sample: str, seed: int, salt: str) -> None:
    _scored_without_wrong(tmp_path, sample, "ocrdigits", seed, salt)


def test_an_equity_ratio_its_row_contradicts_is_not_filed(tmp_path: Path) -> None:
    # 004 line 788 "As of March 31, 2013 82,111 37,634 37,607 46.8" (45.8): 37,607 / 82,111 is
    # 45.8%; 46.8% is filed as the equity ratio (all four cells only "stated")
    _scored_without_wrong(tmp_path, S004, "ocrdigits", 2, "adv2d4")


def test_a_grouping_comma_read_as_a_point_is_not_filed_as_a_decimal(tmp_path: Path) -> None:
    # 004 line 112 "IIJ FiberAccess/F and IIJ DSL/F 455,741 52.374 6,633" (45,741 and 52,374):
    # 52.374 contracts is filed, though the column's counts are whole and the change 6,633
    # says 52,374. (Now held by the proof: the change contradicts both figures. Reading the
    # point as the grouping comma it is remains the reader's to do.)
    _scored_without_wrong(tmp_path, S004, "ocrdigits", 2, "adv2d5")


@pytest.mark.xfail(strict=True, reason="line 53 is read right now (test_read_damaged_figures); "
                   "line 343's forecast 4,008 is still filed on a rounded JPY4.0 billion")
def test_a_letter_inside_a_figure_does_not_shift_a_run_on_row(tmp_path: Path) -> None:
    # 003 line 53 (run on) "IIJ 9,Z26 11,458 24.2" (9,226): the damaged cell is dropped and
    # 11,458 (1H17) is filed as the 1H16 consumer IIJ revenue (1H17 is held: "24.2" taken for
    # an amount). (Same draw: line 343's forecast 4,008 (4,000) is filed on the "JPY4.0
    # billion" printed on line 5, a rounded printing that cannot tell.)
    _scored_without_wrong(tmp_path, S003, "ocrdigits", 1, "adv2d2")


def test_a_figure_split_by_a_space_is_not_filed_in_pieces(tmp_path: Path) -> None:
    # 000 line 768 "Interest paid 118,561 1,963 15 1,202" (151,202): four cells for three
    # columns; 1,963 is held ("placed by position") but both 15 and 1,202 thousand are filed
    # as interest paid 1H11 (a row no hand-check lists)
    assert _unprinted_on(tmp_path, S000, 1, "adv2d5", 768) == []


def test_a_letter_inside_a_figure_in_a_label_is_not_read_as_its_tail(tmp_path: Path) -> None:
    # 002 line 306 "Common-stock-authorized, 377,600 shares; issued and outstanding, 2o6,478
    # shares at ..." (206,478): 6,478 is filed as the shares issued at both dates ("in its
    # label"), the "2o" dropped
    assert _unprinted_on(tmp_path, S002, 1, "adv2d3", 306) == []


def test_an_item_of_a_joined_header_is_not_read_under_a_heading_no_title_opened(
        tmp_path: Path) -> None:
    # 002 line 745 (mixed, "diag14"): a TSE table one row per period whose scan damage
    # ("Inncome") left it to the quarterly highlights network, where "Total Revenues" read
    # as the ATM business's "Revenue" (a row alias of that slide's heading): 32,275 million
    # total revenues were filed as ATM operation business revenue
    _scored_without_wrong(tmp_path, S002, "mixed", 1, "diag14")

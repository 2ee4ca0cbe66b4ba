"""The label-figure and share-list parsers: what a label or a list line prints, as clauses
and entries (issue 11, items 2 and 3). Examples are the samples' wordings; properties check
that any figures and dates printed in these forms come back as printed, in order."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from generator.extract.read.inlabel import label_figures, misread, numbers_in
from generator.extract.read.lists import entry_period, read_lists
from generator.model.period import Duration, Instant

MAR, SEP = dt.date(2010, 3, 31), dt.date(2010, 9, 30)


def test_amounts_paired_with_dates_in_order() -> None:
    # 002:259
    [clause] = label_figures(
        "Accounts receivable, net of allowance for doubtful accounts of JPY 37,178 thousand and "
        "JPY 56,787 thousand at March 31, 2010 and September 30, 2010, respectively")
    assert clause.words.endswith("allowance for doubtful accounts of")
    assert [f.value for f in clause.figures] == [37_178, 56_787]
    assert (clause.currency, clause.scale, clause.shares) == ("JPY", 1000, False)
    assert clause.dates == (MAR, SEP) and clause.dated_here


def test_two_clauses_each_with_its_dates_and_a_missing_space() -> None:
    # 002:281 "... JPY16,701thousand at March 31, 2010 and September 30 2010, respectively"
    first, second = label_figures(
        "OTHER ASSETS, net of allowance for doubtful accounts of JPY91,319 thousand and "
        "JPY81,094 thousand at March 31, 2010 and September 30, 2010, respectively, and net of "
        "loan loss valuation allowance of JPY16,701thousand at March 31, 2010 and September 30 "
        "2010, respectively")
    assert [f.text for f in first.figures] == ["JPY91,319 thousand", "JPY81,094 thousand"]
    assert "loan loss valuation allowance" in second.words
    assert [f.value for f in second.figures] == [16_701] and second.dates == (MAR, SEP)


def test_undated_clause_takes_the_next_clause_dates() -> None:
    # 002:306 "authorized, 377,600 shares; issued and outstanding, 206,478 shares at ..."
    authorized, issued = label_figures(
        "Common-stock—authorized, 377,600 shares; issued and outstanding, 206,478 shares at "
        "March 31, 2010 and September 30, 2010")
    assert authorized.shares and authorized.currency is None
    assert authorized.dates == (MAR, SEP) and not authorized.dated_here
    assert [f.value for f in issued.figures] == [206_478] and issued.dated_here


def test_shares_lists_and_repeated_units() -> None:
    # 003:181 "46,711,400 and 46,713,800 shares"; 002:310 "3,934 shares and 3,794 shares"
    _, issued = label_figures("Common-stock—authorized, 75,520,000 shares; issued and "
                              "outstanding, 46,711,400 and 46,713,800 shares at March 31, 2017 "
                              "and September 30, 2017, respectively")
    assert [f.value for f in issued.figures] == [46_711_400, 46_713_800]
    [treasury] = label_figures("Treasury stock—3,934 shares and 3,794 shares held by the "
                               "company at March 31, 2010 and September 30, 2010")
    assert treasury.words == "Treasury stock"
    assert [f.value for f in treasury.figures] == [3_934, 3_794]


def test_plain_labels_print_no_figures() -> None:
    for label in ("Internet connectivity services (enterprise)", "Total current assets",
                  "Cash and cash equivalents, end of the period",
                  "BASIC WEIGHTED-AVERAGE NUMBER OF SHARES (shares)"):
        assert label_figures(label) == []
        assert numbers_in(label) == []


_months = ["January", "March", "June", "September", "December"]


@given(st.lists(st.integers(1, 10**9), min_size=1, max_size=3),
       st.lists(st.sampled_from(_months), min_size=1, max_size=3),
       st.sampled_from(["thousand", "million", ""]),
       st.integers(2000, 2030))
def test_money_figures_and_dates_round_trip(values: list[int], months: list[str], scale: str,
                                            year: int) -> None:
    figures = " and ".join(f"JPY {v:,}{' ' + scale if scale else ''}" for v in values)
    dates = " and ".join(f"{m} 30, {year}" for m in months)
    [clause] = label_figures(f"Other assets, net of allowance for doubtful accounts of "
                             f"{figures} at {dates}, respectively")
    assert [f.value for f in clause.figures] == [Decimal(v) for v in values]
    assert clause.scale == {"thousand": 1000, "million": 10**6, "": 1}[scale]
    assert [d.year for d in clause.dates] == [year] * len(months)
    assert numbers_in(f"of {figures} at {dates}") == [f"{v:,}" for v in values]


@given(st.lists(st.integers(0, 10**9), min_size=1, max_size=2))
def test_share_figures_round_trip(values: list[int]) -> None:
    [clause] = label_figures(
        f"Treasury stock—{' and '.join(f'{v:,}' for v in values)} shares held by the company")
    assert [f.value for f in clause.figures] == [Decimal(v) for v in values]
    assert clause.shares and clause.dates == ()


def test_list_entries_name_their_periods() -> None:
    assert entry_period("As of September 30, 2011") == Instant(date=dt.date(2011, 9, 30))
    assert entry_period("For the first six months ended September 30, 2013") == Duration(
        start=dt.date(2013, 4, 1), end=dt.date(2013, 9, 30))
    assert entry_period("For the three months ended September 30, 2010") == Duration(
        start=dt.date(2010, 7, 1), end=dt.date(2010, 9, 30))
    assert entry_period("For the period of time") is None


def test_lists_with_blank_lines_and_entries_sharing_a_line() -> None:
    # 004:823-833 (entries on one line, "2013:758,800" without a space)
    lines = ["- (4) Number of shares outstanding (shares of common stock)",
             " - 1) The number of shares outstanding (inclusive of treasury stock):", "",
             "As of September 30, 2013: 46,697,800 shares As of March 31, 2013: 41,295,600 shares",
             "", "2) The number of treasury stock:", "",
             "As of September 30, 2013: 758,813 shares As of March 31, 2013:758,800 shares"]
    issued, treasury = read_lists(lines, set()).tables
    assert issued.title == "The number of shares outstanding (inclusive of treasury stock)"
    assert [(r.line, r.cells[0].value) for r in issued.rows] == [(4, 46_697_800),
                                                                  (4, 41_295_600)]
    assert [r.period for r in treasury.rows] == [Instant(date=dt.date(2013, 9, 30)),
                                                 Instant(date=dt.date(2013, 3, 31))]
    assert read_lists(lines, {4, 8}).tables == []  # lines a table already holds


def test_a_letter_in_the_leading_digit_group_is_read_and_marked_misread() -> None:
    # OCR "6l,840": the figure is read (61,840), marked misread (held back when mapped), and
    # its neighbour keeps its own date
    [clause] = label_figures("Property and equipment, net of accumulated depreciation and "
                             "amortization of JPY 6l,840 thousand and JPY 6,073 thousand at "
                             "March 31, 2025 and September 30, 2025, respectively")
    assert [(f.text, f.value, misread(f.text)) for f in clause.figures] == [
        ("JPY 6l,840 thousand", 61_840, True), ("JPY 6,073 thousand", 6_073, False)]
    assert clause.dates == (dt.date(2025, 3, 31), dt.date(2025, 9, 30))


def test_a_letter_for_the_leading_one_is_read_and_marked_misread() -> None:
    # OCR "l6,524" (synthetic ocr release 8104 with highlights): read as 16,524, marked
    # misread; before, it was no figure, and its neighbour was left unread with it
    [clause] = label_figures("Property and equipment, net of accumulated depreciation and "
                             "amortization of JPY l6,524 thousand and JPY 33,020 thousand at "
                             "March 31, 2025 and September 30, 2025, respectively")
    assert [(f.text, f.value, misread(f.text)) for f in clause.figures] == [
        ("JPY l6,524 thousand", 16_524, True), ("JPY 33,020 thousand", 33_020, False)]
    # ... and so is a lone leading one ("l,064,817": a December-year-end company's ocr release)
    [shares] = label_figures("Treasury stock—l,064,817 shares held by the company at December "
                             "31, 2025 and June 30, 2026, respectively")
    assert [(f.text, f.value, misread(f.text)) for f in shares.figures] == [
        ("l,064,817", 1_064_817, True)]
    # a letter inside a word is no digit ("Fel6,524" is no figure)
    assert label_figures("Other assets of JPY Fel6,524 thousand at March 31, 2025") == []


def test_a_damaged_or_half_read_list_dates_nothing() -> None:
    # OCR "67,l36" is no figure "67": it is read whole, marked misread (held back when mapped);
    # the dates are half read (one date for two figures), so neither is told its date
    [clause] = label_figures("Other assets, net of allowance for doubtful accounts of JPY "
                             "67,l36 thousand and JPY 76,007 thousand at March 31, 2020 and")
    assert [(f.text, misread(f.text)) for f in clause.figures] == [
        ("JPY 67,l36 thousand", True), ("JPY 76,007 thousand", False)]
    assert len(clause.dates) == 1  # two figures, one date: the mapper pairs none
    # a number the company-name repair damaged ("12,IIJ,695") yields no "695"
    assert label_figures("issued and outstanding, 12,IIJ,695 shares at March 31, 2019") == []


def test_a_lower_case_letter_in_a_share_count_is_read_whole_and_marked_misread() -> None:
    # 002:306 (ocrdigits) "2o6,478 shares": the clause was matched ignoring case, its figures
    # were then found with case, so "o" broke the figure and its tail 6,478 was read
    [_, issued] = label_figures("Common-stock—authorized, 377,600 shares; issued and "
                                "outstanding, 2o6,478 shares at March 31, 2010 and "
                                "September 30, 2010")
    assert [(f.text, f.value, misread(f.text)) for f in issued.figures] == [
        ("2o6,478", 206_478, True)]


_SCAN_LETTERS = {"0": "OoD", "1": "lIi", "5": "S", "8": "B", "2": "Z", "6": "G"}


@given(st.integers(1_000, 10**8), st.data(), st.sampled_from(["shares", "money"]))
def test_a_figure_a_letter_broke_is_never_read_as_its_tail(value: int, data: st.DataObject,
                                                           kind: str) -> None:
    # a scan's letter for a digit ("2B6,478", "9,Z26", "1,O23"): whatever is read of the
    # figure is marked misread (held), never an unmarked tail or head of it
    printed = f"{value:,}"
    spots = [i for i, ch in enumerate(printed) if ch in _SCAN_LETTERS]
    if not spots:
        return
    i = data.draw(st.sampled_from(spots))
    damaged = printed[:i] + data.draw(st.sampled_from(_SCAN_LETTERS[printed[i]])) + \
        printed[i + 1:]
    label = (f"issued and outstanding, {damaged} shares at March 31, 2010" if kind == "shares"
             else f"net of allowance of JPY {damaged} thousand at March 31, 2010")
    for clause in label_figures(label):
        assert all(misread(f.text) for f in clause.figures), (damaged, clause)

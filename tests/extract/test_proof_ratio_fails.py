"""A declared per-share ratio that ties a release's figures in one period but fails in another:
one of its three figures there is misread, and those nothing else pins are held
(proof/ratios.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.extract.pipeline import Extraction, extract_release
from generator.model.results import HeldBack
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy
from tests.extract.samples import dur, edited_sample, fact, printed_as

IIJ_1H14 = "004_071992bb41c141de.txt"
H1_12, H1_13 = dur("2012-04-01", "2012-09-30"), dur("2013-04-01", "2013-09-30")
Q2_13 = dur("2013-07-01", "2013-09-30")


def _edited(tmp_path: Path, edit: Callable[[list[str]], None]) -> Extraction:
    return edited_sample(tmp_path, IIJ_1H14, edit)


def _ratio_held(ex: Extraction) -> list[HeldBack]:
    """What is held because a per-share ratio fails."""
    return [h for h in ex.results.review if "ratio" in h.reason and "fails here" in h.reason]


def _per_share(ex: Extraction, concept: str) -> list[str]:
    """The six months' per-share figures in yen filed for ``concept``."""
    return sorted(str(f.value) for f in ex.results.facts if f.concept == concept
                  and f.unit == "JPYPerShares" and f.period in (H1_12, H1_13))


def test_a_misread_per_share_figure_the_ratio_refutes_is_held_with_its_share_count(
        tmp_path: Path) -> None:
    """Line 668's 2Q13 diluted net income per share read "27.69" (printed 27.89, and printed
    only there): net income attributable to IIJ over the diluted share count (line 664,
    44,856,748) gives 27.89, and the ratio ties the release's other periods. Its dollar
    translation (0.28 at JPY 98.29) passes either reading. The misreading and the share count,
    which nothing else pins, are held; net income, which its sums pin, is filed."""
    def edit(text: list[str]) -> None:
        assert text[667].endswith("27.89")
        text[667] = text[667][: -len("27.89")] + "27.69"
    ex = _edited(tmp_path, edit)
    assert not [f for f in ex.results.facts
                if f.concept == "EarningsPerShareDiluted" and f.period == Q2_13
                and f.unit == "JPYPerShares"]
    held = {(h.line, h.text) for h in _ratio_held(ex)}
    assert held == {(668, "27.69"), (664, "44,856,748")}
    assert fact(ex, "NetIncomeAttributableToParent", Q2_13).value is not None


def test_a_ratio_that_fails_in_every_period_holds_nothing(tmp_path: Path) -> None:
    """A release whose diluted per-ADS figures are not net income over the diluted ADS count
    in any period (here: the four counts, lines 389 and 666, printed 5% higher) shows the
    ratio is not how it computes them: the ratio refutes nothing, and the counts are filed
    as printed."""
    counts = {388: ("81,129,600", "85,468,752"), 665: ("81,138,000", "89,713,496")}

    def edit(text: list[str]) -> None:
        for at, printed in counts.items():
            for figure in printed:
                higher = int(figure.replace(",", "")) * 105 // 100
                assert figure in text[at]
                text[at] = text[at].replace(figure, f"{higher:,}")
    ex = _edited(tmp_path, edit)
    assert not _ratio_held(ex)
    filed = {f.value for f in ex.results.facts
             if f.concept == "WeightedAverageADSEquivalentsDiluted"}
    assert filed == {int(figure.replace(",", "")) * 105 // 100
                     for printed in counts.values() for figure in printed}


def test_the_unedited_release_s_ratios_all_hold() -> None:
    """The sample as printed: every per-share figure ties, nothing is held for a ratio."""
    ex = extract_release(samples_dir() / IIJ_1H14, load_taxonomy())
    assert _per_share(ex, "EarningsPerShareDiluted") == ["49.48", "51.59"]
    assert not _ratio_held(ex)


def test_a_ratio_held_only_through_a_rounded_numerator_shows_nothing(tmp_path: Path) -> None:
    """003 with its four diluted share counts printed 3% higher (lines 189 and 237): the
    diluted ratio then fails in every period but one, where the highlights' "JPY1.5 billion"
    (a numerator good to a yen per share) lets it hold by rounding. That is no sign the ratio
    is how the release computes the figure: nothing is held for it."""
    counts = {188: ("46,065,072", "45,207,332"), 236: ("46,070,091", "45,212,382")}

    def edit(text: list[str]) -> None:
        for at, printed in counts.items():
            for figure in printed:
                assert figure in text[at]
                higher = int(figure.replace(",", "")) * 103 // 100
                text[at] = text[at].replace(figure, f"{higher:,}")
    ex = edited_sample(tmp_path, "003_beeb705454dfa33f.txt", edit)
    assert not _ratio_held(ex)


def test_a_share_count_printed_as_zero_is_judged_by_no_ratio(tmp_path: Path) -> None:
    """Line 664's 2Q13 diluted share count printed "0": no ratio divides by it, nothing is
    held for a ratio on its account, and the release is read to the end."""
    ex = _edited(tmp_path, printed_as(664, "44,856,748", "0"))
    assert not [h for h in _ratio_held(ex) if h.line == 664]
    assert _per_share(ex, "EarningsPerShareDiluted") == ["49.48", "51.59"]


def _equity_ratios(ex: Extraction) -> dict[str, str]:
    return {str(f.period): str(f.value) for f in ex.results.facts
            if f.concept == "ParentShareholdersEquityToAssetsRatio"}


def _print_ratios(september: str, march: str) -> Callable[[list[str]], None]:
    """Lines 787-788: the equity ratios, printed 58.4 and 45.8 (57,153 / 97,842 and
    37,607 / 82,111 as percentages)."""
    def edit(text: list[str]) -> None:
        for at, printed, new in ((786, "\t58.4\t", september), (787, "\t45.8\t", march)):
            assert printed in text[at]
            text[at] = text[at].replace(printed, f"\t{new}\t")
    return edit


def test_the_equity_ratio_is_its_shareholders_equity_over_total_assets() -> None:
    ex = extract_release(samples_dir() / IIJ_1H14, load_taxonomy())
    assert _equity_ratios(ex) == {"@2013-09-30": "0.584", "@2013-03-31": "0.458"}
    assert not _ratio_held(ex)


def test_a_ratio_a_scan_read_ten_times_too_large_is_held(tmp_path: Path) -> None:
    """Both ratios lost their decimal points ("584", "458": no other row shows the column's
    one decimal place): 584% and 458% are ten times what the amounts give, which no rounding
    and no company's own definition of the ratio explains."""
    ex = _edited(tmp_path, _print_ratios("584", "458"))
    assert _equity_ratios(ex) == {}
    assert {(h.line, h.text) for h in _ratio_held(ex)} >= {(787, "584"), (788, "458")}


def test_a_ratio_a_little_off_its_amounts_is_filed_as_printed(tmp_path: Path) -> None:
    """A company may define the ratio a little otherwise (equity without its subscription
    rights): 59.1 and 46.4 miss the amounts' quotient by about 1%, and are filed."""
    ex = _edited(tmp_path, _print_ratios("59.1", "46.4"))
    assert _equity_ratios(ex) == {"@2013-09-30": "0.591", "@2013-03-31": "0.464"}


def test_a_ratio_a_full_digit_off_its_amounts_confirms_nothing(tmp_path: Path) -> None:
    """A ratio row with one figure for two periods (placed by position): 58.5 is not the
    amounts' 57,153 / 97,842 = 58.41% (the release prints 58.4), though within a whole unit
    of its last digit: a percentage is rounded from its amounts, so half a unit is all the
    ratio allows, and the figure stays held as placed by position, not confirmed."""
    def edit(text: list[str]) -> None:
        assert text[786].startswith("As of September 30, 2013\t97,842")
        text[784:788] = [
            "\tAs of September 30, 2013\tAs of March 31, 2013",
            "\tJPY millions\tJPY millions",
            "Total Assets\t97,842\t82,111",
            "Total Equity\t57,208\t37,634",
            "Total IIJ Shareholders' Equity\t57,153\t37,607",
            "Shareholders' equity ratio (%)\t58.5",
        ]
    ex = _edited(tmp_path, edit)
    assert "0.585" not in _equity_ratios(ex).values()

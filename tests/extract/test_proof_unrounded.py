"""A sum off by a few units, within its rounding, where every other sum of its column ties to
the unit: a misread digit there is held, real rounding elsewhere is left alone
(proof/unrounded.py)."""

from __future__ import annotations

from pathlib import Path

from generator.extract.pipeline import extract_release
from generator.resources import samples_dir
from generator.synthetic.release import ReleaseOptions, synthetic_release
from generator.taxonomy import load_taxonomy
from tests.extract.samples import dur, edited_sample, fact, printed_as

IIJ_1H11 = "000_2bec0ea935cb70a9.txt"
IIJ_1H17 = "003_beeb705454dfa33f.txt"
H1_10 = dur("2010-04-01", "2010-09-30")


def test_a_last_digit_misread_within_rounding_is_held_where_the_column_s_sums_tie(
        tmp_path: Path) -> None:
    """Line 507's 1H10 sales and marketing read "2,883,028" (printed 2,883,026): total cost and
    expenses (line 510, 33,070,989) is then 2 thousand off its parts, inside the 2.5 thousand
    its five rounded figures allow, but every other sum of the column ties to the thousand. The
    misreading is held with the sum named, not filed."""
    ex = edited_sample(tmp_path, IIJ_1H11, printed_as(507, "2,883,026", "2,883,028"))
    assert not [f for f in ex.results.facts
                if f.concept == "SalesAndMarketingExpenses" and f.period == H1_10]
    [held] = [h for h in ex.results.review if h.line == 507 and h.text == "2,883,028"]
    assert "CostsAndExpenses 33,070,989 (line 510) is off by 2000" in held.reason
    assert "tie to the unit" in held.reason


def test_figures_of_the_loose_sum_a_smaller_tied_sum_pins_are_filed(tmp_path: Path) -> None:
    """The same misreading: total cost and expenses (line 510) ties into operating income
    (revenues less it: three figures, 1.5 thousand of slack, closer than the 2 thousand gap),
    so it is filed as printed. Total cost (line 506) is printed again only in millions (line
    85's 27,431), which pins it to a million, not to the 2 thousand: it is held with the parts
    nothing else pins, and the summary's rounder printing is what is filed for it."""
    ex = edited_sample(tmp_path, IIJ_1H11, printed_as(507, "2,883,026", "2,883,028"))
    assert fact(ex, "CostsAndExpenses", H1_10).value == 33_070_989_000
    held = {h.line for h in ex.results.review if "CostsAndExpenses 33,070,989" in h.reason}
    assert held == {506, 507, 508, 509}
    assert fact(ex, "CostOfRevenues", H1_10).value == 27_431_000_000


def test_a_misread_total_a_rounded_reprint_agrees_with_is_held(tmp_path: Path) -> None:
    """Line 506's 1H10 total cost read "27,430,542" (printed 27,430,541): the summary's
    27,431 million (line 85) agrees with either reading, so it pins neither; its parts (lines
    502-505) tie to the thousand everywhere else in the column, and the misreading is held."""
    ex = edited_sample(tmp_path, IIJ_1H11, printed_as(506, "27,430,541", "27,430,542"))
    assert [h for h in ex.results.review if h.line == 506 and h.text == "27,430,542"]
    assert 27_430_542_000 not in {f.value for f in ex.results.facts
                                  if f.concept == "CostOfRevenues"}


def test_a_summary_in_millions_with_its_own_rounding_differences_is_left_alone() -> None:
    """003's results summary (line 29, JPY millions) prints 1H16 network services gross margin
    8,120, a million off its revenues less costs (44,836 - 36,715), and a second sum a unit
    off too: real rounding, so the figure is filed and nothing is held for the slack."""
    ex = extract_release(samples_dir() / IIJ_1H17, load_taxonomy())
    margins = [f for f in ex.results.facts if f.concept == "NetworkServicesGrossProfit"
               and f.value == 8_120 * 10**6]
    assert margins, "the rounded summary's figure is filed"
    assert not [h for h in ex.results.review if "tie to the unit" in h.reason]


def test_a_dollar_translation_column_a_unit_off_its_parts_is_left_alone(tmp_path: Path) -> None:
    """Synthetic release 9903 translates each yen figure to dollars and rounds it: its total
    cost in thousands of dollars, 18,693, is a unit off its parts (1,618 + 8,084 + 3,229 +
    5,763) though ten other sums of the column tie. Translations round figure by figure, so
    the slack stands and the dollar figures are filed."""
    taxonomy = load_taxonomy()
    release = synthetic_release(taxonomy, "iij", seed=9903, layout="tabs",
                                options=ReleaseOptions())
    path = tmp_path / release.name
    path.write_text(release.text, encoding="utf-8")
    ex = extract_release(path, taxonomy)
    usd = [f for f in ex.results.facts if f.concept == "CostOfRevenues" and f.unit == "USD"]
    assert [f.value for f in usd] == [18_693_000]
    assert not [h for h in ex.results.review if "tie to the unit" in h.reason]


def test_a_held_figure_s_agreeing_reprint_does_not_explain_another_sum_s_break(
        tmp_path: Path) -> None:
    """Synthetic release 2092 (one space between columns, highlights) with two last-digit
    misreads in its current column: proceeds from subsidies "141,116" (141,119; line 178) puts
    the investing section 3 thousand off, which holds its figures, the acquisition line 173
    among them; cash acquired "497,982" (497,980; line 207) breaks the acquisition's own sum.
    Line 208 prints the acquisition again, the same 2,424,031: a reprint that agrees with the
    held figure cannot be the misprint that explains that break, so cash acquired is held."""
    taxonomy = load_taxonomy()
    release = synthetic_release(taxonomy, "iij", seed=2092, layout="single",
                                options=ReleaseOptions(highlights=True))
    text = release.text
    for printed, misread in (("141,119", "141,116"), ("497,980", "497,982")):
        assert text.count(printed) == 1
        text = text.replace(printed, misread)
    path = tmp_path / release.name
    path.write_text(text, encoding="utf-8")
    ex = extract_release(path, taxonomy)
    held = {h.text for h in ex.results.review}
    assert {"141,116", "497,982"} <= held
    assert not [f for f in ex.results.facts if f.value in (141_116_000, 497_982_000)]

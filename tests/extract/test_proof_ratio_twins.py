"""A per-share figure printed as its twin over the same numerator (diluted beside basic
earnings per share, "4,214.14 | 4,214.14") falls with it when the twin's ratio fails: the same
figure twice, so the same misprint, though its own share count may not be read to judge it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from .samples import TABBED, dur, edited_sample


def test_a_diluted_figure_printed_as_its_failing_basic_twin_is_held(tmp_path: Path) -> None:
    # 004's summary prints the six months' per-share figures (line 778: 51.66 basic, 51.59
    # diluted); printed both "51.96" (net income 2,204,871 thousand over 42,683,242 shares
    # gives 51.66), with the statement's per-share figures and diluted share count unread
    def edit(text: list[str]) -> None:
        assert text[777].startswith("Six Months Ended September 30, 2013\t51.66\t51.59")
        text[777] = text[777].replace("51.66\t51.59", "51.96\t51.96")
        for n in (387, 390, 391):  # "DILUTED WEIGHTED-AVERAGE ...", "BASIC NET INCOME PER
            assert text[n - 1].startswith(("BASIC", "DILUTED"))  # SHARE", "DILUTED ..."
            text[n - 1] = ""

    ex = edited_sample(tmp_path, TABBED, edit)
    h1 = dur("2013-04-01", "2013-09-30")
    filed = {(f.concept, f.value) for f in ex.results.facts if f.period == h1
             and f.concept.startswith("EarningsPerShare") and not f.dimensions}
    assert ("EarningsPerShareDiluted", Decimal("51.96")) not in filed, filed
    held = {(h.concept, h.line) for h in ex.results.review}
    assert ("EarningsPerShareDiluted", 778) in held

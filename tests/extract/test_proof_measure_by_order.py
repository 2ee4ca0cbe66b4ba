"""Member rows printed under no row or title that names their measure ("Segment profit or
loss:") are read under the statement's first breakdown (revenues) by tree order alone: a
guess. Their figures are filed only where a sum ties them to that measure (the members add up
to its total, in their table or another); otherwise they are held, never filed as revenues."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .samples import edited_sample

NEWSWIRE = "002_848ee02a02e0fa53.txt"
TITLE = 476  # "Segment profit or loss:" over the segments' operating income, lines 479-481
MEMBERS = (479, 480, 481)
# the segments' revenues, printed in the summary and in the segment note: a release that
# prints segment profit alone (else the members' other printings disagree and hold them)
SEGMENT_REVENUES = (57, 58, 59, 468, 469, 470, 471, 472, 473, 474)


def _title(words: str) -> Callable[[list[str]], None]:
    def edit(text: list[str]) -> None:
        assert text[TITLE - 1].strip() == "Segment profit or loss:", text[TITLE - 1]
        text[TITLE - 1] = f"      {words}"
        assert text[57 - 1].strip().startswith("Network services and SI business 32,443")
        assert text[474 - 1].strip().startswith("Elimination 206,187")
        for line in SEGMENT_REVENUES:
            text[line - 1] = ""
    return edit


def test_members_under_a_title_naming_profit_are_filed_as_operating_income(
        tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, NEWSWIRE, _title("Segment profit or loss:"))
    filed = {f.concept for f in ex.results.facts if f.source.line == MEMBERS[0]}
    assert filed == {"OperatingIncome"}


def test_members_under_a_title_a_scan_damaged_are_not_filed_as_revenues(
        tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, NEWSWIRE, _title("Sxgmxnt prxfit xr lxss:"))
    assert not [f for f in ex.results.facts
                if f.source.line in MEMBERS and f.concept == "Revenues"]


def test_members_read_by_order_alone_are_held_with_the_reason(tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, NEWSWIRE, _title("Sxgmxnt prxfit xr lxss:"))
    held = [h for h in ex.results.review if h.line == MEMBERS[0]]
    assert held and all("only because it is the statement's first" in h.reason for h in held)

"""A roll forward with every declared change printed that does not add up holds the figures no
other check pins (proof/rollforward.py): the closing cash of a cash-flow statement is printed
once, with nothing but the roll to tie it."""

from __future__ import annotations

from pathlib import Path

from generator.extract.pipeline import Extraction, extract_release
from generator.resources import samples_dir
from generator.synthetic.release import ReleaseOptions, synthetic_release
from generator.taxonomy import load_taxonomy
from tests.extract.samples import inst

CLOSING = "23,773,108"  # synthetic release 233's closing cash, 1H FY2021, thousands of JPY


def _release(tmp_path: Path, printed: str) -> Extraction:
    """Synthetic release 233 (tab-separated) with its closing cash printed as ``printed``."""
    taxonomy = load_taxonomy()
    release = synthetic_release(taxonomy, "iij", seed=233, layout="tabs",
                                options=ReleaseOptions())
    assert release.text.count(CLOSING) == 1
    path = tmp_path / release.name
    path.write_text(release.text.replace(CLOSING, printed), encoding="utf-8")
    return extract_release(path, taxonomy)


def _closing_cash(ex: Extraction) -> list[int]:
    return [int(f.value or 0) for f in ex.results.facts if f.concept == "CashAndCashEquivalents"
            and f.unit == "JPY" and f.period == inst("2021-09-30")]


def test_a_misread_closing_balance_the_roll_forward_refutes_is_held(tmp_path: Path) -> None:
    """"23,773,188" for 23,773,108: opening cash (877,679) plus the net increase (22,895,429)
    is 23,773,108. The dollar translation beside it passes either reading, so only the roll
    forward can tell: the closing balance is held, not filed, with the opening balance, which
    no other check pins."""
    ex = _release(tmp_path, "23,773,188")
    assert _closing_cash(ex) == []
    held = {h.text: h.reason for h in ex.results.review if "roll forward" in h.reason}
    assert "roll forward of CashAndCashEquivalents breaks" in held["23,773,188"]
    assert set(held) == {"23,773,188", "877,679"}  # the opening cash: nothing else pins it


def test_a_figure_of_a_broken_roll_forward_another_check_pins_is_filed(tmp_path: Path) -> None:
    """The same misreading: the net increase (22,895,429) is the sum of the sections above it,
    which holds, pinning it closer than the 80 thousand gap: it is filed as printed."""
    ex = _release(tmp_path, "23,773,188")
    assert 22_895_429_000 in {f.value for f in ex.results.facts
                              if f.concept == "NetIncreaseDecreaseInCashAndCashEquivalents"}


def test_the_closing_balance_as_printed_is_filed(tmp_path: Path) -> None:
    ex = _release(tmp_path, CLOSING)
    assert _closing_cash(ex) == [23_773_108_000]
    assert not [h for h in ex.results.review if "roll forward" in h.reason]


def test_the_samples_equity_roll_forward_short_of_its_changes_holds_nothing() -> None:
    """004 prints total equity at both ends of the half year (line 324) with one of the six
    changes its roll forward declares, and they do not add up: the changes not printed may be
    what is missing (so the roll judges only when every change is printed), and the balances
    are printed again elsewhere. Nothing is held for the roll; total equity is filed."""
    ex = extract_release(samples_dir() / "004_071992bb41c141de.txt", load_taxonomy())
    assert not [h for h in ex.results.review if "roll forward" in h.reason]
    assert [f for f in ex.results.facts if f.concept == "TotalEquity"]


def test_a_change_the_roll_forward_does_not_declare_printed_among_its_rows_holds_nothing(
        tmp_path: Path) -> None:
    """Release 233 printing, as J-GAAP statements do, an increase in cash from newly
    consolidated subsidiaries (12,345) between the opening and the closing cash, the closing
    cash 23,785,453 with it: the roll forward declares no such change, so the printed roll is
    not the declared one and its break proves nothing. The balances are filed."""
    taxonomy = load_taxonomy()
    release = synthetic_release(taxonomy, "iij", seed=233, layout="tabs",
                                options=ReleaseOptions())
    lines = release.text.split("\n")
    [at] = [i for i, line in enumerate(lines) if CLOSING in line]
    lines[at] = lines[at].replace(CLOSING, "23,785,453")
    lines.insert(at, "INCREASE IN CASH FROM NEWLY CONSOLIDATED SUBSIDIARIES\t12,345\t--\t--")
    path = tmp_path / release.name
    path.write_text("\n".join(lines), encoding="utf-8")
    ex = extract_release(path, taxonomy)
    assert not [h for h in ex.results.review if "roll forward" in h.reason]
    assert _closing_cash(ex) == [23_785_453_000]

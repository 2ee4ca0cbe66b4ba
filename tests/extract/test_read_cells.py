"""Placing a short row's figures in their columns (``align``): which columns it leaves blank,
one behaviour per test. The table is the IIJ statement of income with every optional column:
yen (prior), % of revenues, dollars, yen (current), % of revenues, YoY % change."""

from __future__ import annotations

from decimal import Decimal

from generator.extract.layout import Column
from generator.extract.read.cells import align

COLUMNS = [
    Column(role="value", currency="JPY", scale=Decimal(1000), header="2025 Thousands of JPY"),
    Column(role="percent_of_revenue", header="2025 % of total revenues"),
    Column(role="translation", currency="USD", scale=Decimal(1000), header="2026 U.S. Dollars"),
    Column(role="value", currency="JPY", scale=Decimal(1000), header="2026 Thousands of JPY"),
    Column(role="percent_of_revenue", header="2026 % of total revenues"),
    Column(role="change_percent", header="YoY % change"),
]


def _roles(tokens: list[str | None]) -> dict[str, str]:
    placed, _ = align(tokens, COLUMNS, forecast=False)
    return {f"{COLUMNS[c].role}/{COLUMNS[c].header[:4]}": tokens[i] or ""
            for c, i in enumerate(placed) if i is not None}


def test_a_comma_grouped_amount_is_not_read_as_the_change() -> None:
    # no share (not a total) and no change (the prior year is a dash): the last amount is the
    # current yen, not the YoY change
    assert _roles(["—", "6,667", "957,666"]) == {
        "value/2025": "—", "translation/2026": "6,667", "value/2026": "957,666"}


def test_a_per_share_figure_is_not_read_as_the_change() -> None:
    assert _roles(["4,717.44", "20.20", "2,901.29"]) == {
        "value/2025": "4,717.44", "translation/2026": "20.20", "value/2026": "2,901.29"}


def test_of_placements_as_plausible_a_dash_goes_to_an_amount_column() -> None:
    # "887,338 – –": the dollar and current yen are nil and the change is not printed; a
    # dash left in the change column would be neither filed nor held
    assert _roles(["887,338", "–", "–"]) == {
        "value/2025": "887,338", "translation/2026": "–", "value/2026": "–"}


def test_a_printed_change_still_lands_in_the_change_column() -> None:
    for change in ("12.3", "(0.4)", "1,093.9"):
        assert _roles(["1,000", "13", "2,000", change]) == {
            "value/2025": "1,000", "translation/2026": "13", "value/2026": "2,000",
            "change_percent/YoY ": change}

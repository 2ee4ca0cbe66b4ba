from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from generator.taxonomy.aliases import _MONTHS, AliasIndex, normalize_label, split_negation

words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8), min_size=1, max_size=6
)


@pytest.mark.parametrize(
    ("printed", "declared"),
    [
        ("REVENUES:", "Revenues"),
        ("Other—net", "Other - net"),
        ("Other -net", "Other—net"),
        ("Deferred tax assets —Current", "Deferred tax assets - current"),
        ("SG&A Expenses and R&D", "SG and A expenses and R and D"),
        ("Network Services 2", "Network services"),
        ("IP service*1", "IP service"),
        ("IIJ Mobile Service ⁴", "IIJ Mobile Service"),
        ("  Total   current  assets ", "Total current assets"),
        ("SHAREHOLDERS’ EQUITY:", "Shareholders' equity"),
    ],
)
def test_printed_variants_share_a_key(printed: str, declared: str) -> None:
    assert normalize_label(printed) == normalize_label(declared)


def test_month_day_is_not_a_footnote_marker() -> None:
    assert normalize_label("As of September 30") == "as of september 30"


def test_company_names_become_one_token() -> None:
    names = ["Acme Corporation", "ACME", "AC1E"]
    assert normalize_label("Net income attributable to ACME", names) == normalize_label(
        "NET INCOME ATTRIBUTABLE TO ACME CORPORATION", names
    )
    assert normalize_label("Net income attributable to AC1E", names).endswith("{company}")


def test_company_name_inside_a_word_is_left_alone() -> None:
    assert normalize_label("ACMEmio service", ["ACME"]) == "acmemio service"


def test_leading_minus_marks_a_negating_wording() -> None:
    assert split_negation("-Net loss attributable to NCI") == ("Net loss attributable to NCI", True)
    assert split_negation("Net income") == ("Net income", False)


@given(words)
def test_key_ignores_case_and_spacing(parts: list[str]) -> None:
    text = " ".join(parts)
    assert normalize_label(text.upper()) == normalize_label("  " + "   ".join(parts) + " ")


@given(words)
def test_key_is_idempotent(parts: list[str]) -> None:
    key = normalize_label(" ".join(parts) + ":")
    assert normalize_label(key) == key


@given(words, st.integers(min_value=1, max_value=9))
def test_footnote_marker_does_not_change_key(parts: list[str], note: int) -> None:
    assume(parts[-1] not in _MONTHS)
    text = " ".join(parts)
    assert normalize_label(f"{text} {note}") == normalize_label(text)
    assert normalize_label(f"{text}*{note}") == normalize_label(text)


def test_company_placeholder_alias_matches_every_name(index: AliasIndex) -> None:
    income = index.network("Income")
    for printed in ("Net income attributable to ACME", "Net income attributable to AC1E",
                    "NET INCOME ATTRIBUTABLE TO ACME CORPORATION."):
        (cand,) = income.candidates(index.key(printed))
        assert cand.ref.concept == "NetIncomeAttributableToParent"


def test_negating_alias_is_indexed_as_negated(index: AliasIndex) -> None:
    (cand,) = index.network("Income").candidates(
        index.key("LESS: NET LOSS ATTRIBUTABLE TO NONCONTROLLING INTERESTS")
    )
    assert cand.negated and cand.ref.concept == "NetIncomeAttributableToNoncontrollingInterests"


def test_standard_and_total_labels_are_wordings(index: AliasIndex) -> None:
    income = index.network("Income")
    assert [c.ref.concept for c in income.candidates(index.key("Total revenues"))] == ["Revenues"]
    named = {c.ref.concept for c in income.candidates(index.key("Revenues"))}
    assert named == {"Revenues", "RevenuesHeading"}  # the walker tells them apart by values


def test_row_aliases_are_kept_apart_from_global_ones(index: AliasIndex) -> None:
    totals = index.network("Income").candidates(index.key("Total"))
    assert {c.ref.concept for c in totals} == {"ServicesRevenue", "ProductsRevenue"}
    assert all(c.row_alias for c in totals)


def test_axis_member_aliases(index: AliasIndex) -> None:
    assert index.member("SegmentsAxis", "Widget business") == "WidgetsMember"
    assert index.member("SegmentsAxis", "Unknown business") is None
    assert index.member_any("Elimination") == [("SegmentsAxis", "EliminationMember")]

"""Synthetic releases whose row labels are reworded as other companies word them
(generator/synthetic/reword.py): deterministic, off by default, labels only."""

from __future__ import annotations

import random
import re

import pytest

from generator.model.taxonomy import Taxonomy
from generator.synthetic.release import (
    LAYOUTS,
    ReleaseOptions,
    SyntheticRelease,
    synthetic_release,
)
from generator.synthetic.render import ALL_LAYOUTS
from generator.synthetic.reword import (
    DEV,
    FIFTH,
    FINAL,
    FRESH,
    HOLDOUT,
    RULE_SETS,
    SIXTH,
    Reworder,
    Rewording,
    Rule,
    match_case,
)

SETS = tuple(RULE_SETS)


@pytest.mark.parametrize("name", SETS)
def test_same_seed_same_reworded_text(taxonomy: Taxonomy, name: str) -> None:
    options = ReleaseOptions(reword=name)
    one = synthetic_release(taxonomy, "iij", seed=3, options=options)
    two = synthetic_release(taxonomy, "iij", seed=3, options=options)
    assert one.text == two.text
    assert one.features["rewordings"] == two.features["rewordings"]


@pytest.mark.parametrize("layout", ALL_LAYOUTS)
def test_without_rewording_a_release_is_the_text_it_always_was(
        taxonomy: Taxonomy, layout: str) -> None:
    plain = synthetic_release(taxonomy, "iij", seed=4, layout=layout)  # type: ignore[arg-type]
    unset = synthetic_release(taxonomy, "iij", seed=4, layout=layout,  # type: ignore[arg-type]
                              options=ReleaseOptions(reword=None, reword_share=0.9))
    assert unset.text == plain.text
    assert unset == plain
    assert "rewordings" not in plain.features


@pytest.mark.parametrize("name", SETS)
def test_a_reworded_release_prints_rewordings_of_its_set(taxonomy: Taxonomy, name: str) -> None:
    release = synthetic_release(taxonomy, "iij", seed=1, layout="tabs",
                                options=ReleaseOptions(reword=name))
    rewordings = release.features["rewordings"]
    assert isinstance(rewordings, tuple) and rewordings
    rules = set(RULE_SETS[name])
    labels = {line.split("\t")[0].strip().lower() for line in release.text.splitlines()}
    for rewording in rewordings:
        assert isinstance(rewording, Rewording)
        assert rewording.before != rewording.after
        for phrase, replacement in rewording.rules:
            assert any(p == phrase and replacement in r for p, r in rules)
        # printed as the row's label (share counts and the like may follow it)
        assert any(label.startswith(rewording.after.lower()) for label in labels), rewording


@pytest.mark.parametrize("layout", LAYOUTS)
def test_rewording_changes_labels_not_figures(taxonomy: Taxonomy, layout: str) -> None:
    plain = synthetic_release(taxonomy, "iij", seed=2, layout=layout)  # type: ignore[arg-type]
    reworded = synthetic_release(taxonomy, "iij", seed=2, layout=layout,  # type: ignore[arg-type]
                                 options=ReleaseOptions(reword="dev", reword_share=1.0))
    assert reworded.text != plain.text

    def figures(release: SyntheticRelease) -> list[tuple[object, ...]]:
        return sorted(((f.key, f.value, f.text, f.column) for f in release.truth), key=repr)

    assert figures(reworded) == figures(plain)


def test_share_zero_rewords_nothing(taxonomy: Taxonomy) -> None:
    plain = synthetic_release(taxonomy, "iij", seed=2)
    none = synthetic_release(taxonomy, "iij", seed=2,
                             options=ReleaseOptions(reword="holdout", reword_share=0.0))
    assert none.text == plain.text
    assert none.features["rewordings"] == ()


def test_an_unknown_rule_set_is_refused(taxonomy: Taxonomy) -> None:
    with pytest.raises(ValueError, match="rewording set"):
        synthetic_release(taxonomy, "iij", options=ReleaseOptions(reword="other"))


def test_all_caps_labels_stay_all_caps() -> None:
    reworder = Reworder("dev", 1.0, random.Random(0))
    applied = reworder.rewrite("NET INCOME ATTRIBUTABLE TO NONCONTROLLING INTERESTS")
    assert applied is not None
    assert applied.after == applied.after.upper() != applied.before


def test_sentence_case_is_kept_at_the_start_and_within_a_label() -> None:
    reworder = Reworder("dev", 1.0, random.Random(0))
    start = reworder.rewrite("Net income")
    within = reworder.rewrite("Equity in net income of equity method investees")
    assert start is not None and start.after[0].isupper() and not start.after[1:].isupper()
    assert within is not None and within.after.startswith("Equity in ")
    assert re.search(r"\bin [a-z]", within.after)  # the replaced span starts in lower case


def test_title_case_spans_become_title_case() -> None:
    assert match_case("Total Current Assets", "Total Current Assets",
                      "Current assets, total") == "Current Assets, Total"
    assert match_case("Cash Paid For Interest", "Cash Paid", "Payments of cash") \
        == "Payments of Cash"


def test_acronyms_keep_their_capitals() -> None:
    assert match_case("Basic net income per ADS equivalent", "per ADS equivalent",
                      "Per ADS") == "per ADS"
    assert match_case("Weighted-average number of shares", "Weighted-average number of shares",
                      "ADSs outstanding") == "ADSs outstanding"
    # a span starting in lower case keeps an acronym's capitals ("A/R", "D&A" too)
    assert match_case("Increase in accounts receivable", "accounts receivable", "A/R") == "A/R"
    assert match_case("Accumulated depreciation and amortization", "depreciation and amortization",
                      "D&A") == "D&A"


def test_the_sets_are_disjoint() -> None:
    """No replacement is in two sets (compared case-insensitively)."""
    sets = {"dev": DEV, "holdout": HOLDOUT, "fresh": FRESH, "final": FINAL, "fifth": FIFTH,
            "sixth": SIXTH}
    assert set(sets) == set(RULE_SETS)
    replacements = {name: {r.casefold() for _, rs in rules for r in rs}
                    for name, rules in sets.items()}
    names = sorted(sets)
    for i, one in enumerate(names):
        for other in names[i + 1:]:
            assert not replacements[one] & replacements[other], (one, other)
            pairs = ({(p, r) for p, rs in sets[one] for r in rs}
                     & {(p, r) for p, rs in sets[other] for r in rs})
            assert not pairs, (one, other)




@pytest.mark.parametrize("name", SETS)
def test_every_rule_rewrites_its_own_phrase(name: str) -> None:
    """Each phrase, printed alone, is matched by the set and rewritten into one of its
    replacements (no rule shadowed by a typo in its phrase)."""
    reworder = Reworder(name, 1.0, random.Random(0))
    for phrase, replacements in RULE_SETS[name]:
        label = phrase.removeprefix("^").removesuffix("$")
        label = label[0].upper() + label[1:]
        applied = reworder.rewrite(label)
        assert applied is not None, phrase
        assert applied.rules[0][0] == phrase, (phrase, applied.rules)
        assert applied.rules[0][1] in replacements


@pytest.mark.parametrize(("rules", "least", "most"), [
    (FRESH, 60, 80), (FINAL, 70, 90), (FIFTH, 70, 90), (SIXTH, 70, 90)])
def test_a_set_has_its_size_and_no_phrase_twice(
        rules: tuple[Rule, ...], least: int, most: int) -> None:
    assert least <= len(rules) <= most
    assert len({phrase for phrase, _ in rules}) == len(rules)

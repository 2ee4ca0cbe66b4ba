"""Schema defaults and fixed values applied to facts (generator.validate.psvi)."""

from __future__ import annotations

from generator.validate.instance import Fact
from generator.validate.psvi import fill_fact


def _fact(text: str = "", nil: bool = False, decimals: str | None = None) -> Fact:
    return Fact("{u}c", None, "c1", "u1", decimals, None, nil, text, 1)


def test_absent_decimals_and_empty_value_take_the_schema_defaults() -> None:
    fact = _fact()
    fill_fact(fact, ("1000", (("decimals", "2"),)))
    assert (fact.text, fact.decimals) == ("1000", "2")


def test_stated_values_win_and_nil_facts_get_attributes_only() -> None:
    stated = _fact("5", decimals="INF")
    fill_fact(stated, ("1000", (("decimals", "2"),)))
    assert (stated.text, stated.decimals) == ("5", "INF")
    nil = _fact(nil=True)
    fill_fact(nil, ("1000", (("precision", "8"),)))
    assert (nil.text, nil.precision) == ("", "8")  # then 4.6.3 reports precision on nil

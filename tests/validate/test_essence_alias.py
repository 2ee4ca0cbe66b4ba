"""Essence-alias consistency binds siblings only: same parent, c-equal (XBRL 2.1 5.2.6.2.2)."""

from __future__ import annotations

from decimal import Decimal

from generator.validate.essence_alias import EssenceAliasCollector
from generator.validate.instance import Context, Fact, Unit
from generator.validate.taxonomy import Concept

CTX = Context("c", 1, "s", "e", "instant", None, "2024-12-31", cls=0)
UNIT = Unit("u", 1, ("{http://www.xbrl.org/2003/iso4217}JPY",), (), cls=0)
ITEM = Concept("{n}E", "item", "instant", None, False, True, True, True, False, False, False, ())


def _codes(facts: list[tuple[str, int, tuple[int, ...]]]) -> list[str]:
    collector = EssenceAliasCollector("f.xbrl", (("E", "A"),))
    for concept, value, tuples in facts:
        fact = Fact(concept, None, "c", "u", "0", None, False, str(value), 1, tuples=tuples)
        fact.value, fact.dec = Decimal(value), 0
        collector.add(fact, ITEM, CTX, UNIT)
    return [f.code for f in collector.finish()]


def test_siblings_must_agree_at_any_level() -> None:
    bad = ["xbrl.5.2.6.2.2:essenceAliasInconsistency"]
    assert _codes([("E", 1, ()), ("A", 2, ())]) == bad
    assert _codes([("E", 1, (1,)), ("A", 2, (1,))]) == bad
    assert _codes([("E", 1, (1,)), ("A", 1, (1,)), ("E", 2, (2,))]) == []


def test_facts_in_different_tuples_are_not_bound() -> None:
    assert _codes([("E", 1, (1,)), ("A", 2, (2,)), ("A", 1, ())]) == []

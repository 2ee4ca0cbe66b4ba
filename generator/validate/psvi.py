"""Schema default and fixed values, applied where the XBRL rules read an instance.

Why: XBRL 2.1 is defined on the post-schema-validation infoset. XML Schema gives an absent
attribute its declared default (or fixed) value and an empty element its element default, so a
fact whose type fixes ``decimals`` has those decimals (testcases 322, 305 V-08), an empty fact
whose element has a default has that value (395 V-3), and segment or scenario content compares
with its defaults filled in (395 V-5, V-7). Streaming parsers see only the document; this module
fills in what the schema adds, from the concept model (``Concept.default``/``attr_defaults``).
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.validate.instance import ElementDefault, Fact
from generator.validate.taxonomy import Concept


def element_defaults(concepts: Mapping[str, Concept]) -> dict[str, ElementDefault]:
    """Every global element with a default or fixed value or such attributes (usually none)."""
    return {name: (c.default, c.attr_defaults) for name, c in concepts.items()
            if c.default is not None or c.attr_defaults}


def fill_fact(fact: Fact, default: ElementDefault) -> None:
    """Give a fact what its schema supplies: an empty, non-nil value gets the element's
    default; absent ``decimals``/``precision`` get their type's default or fixed value (nil
    facts too: XML Schema adds attributes whatever the content)."""
    value, attrs = default
    if value is not None and not fact.nil and fact.text == "":
        fact.text = value
    for name, attr_value in attrs:
        if name == "decimals" and fact.decimals is None:
            fact.decimals = attr_value
        elif name == "precision" and fact.precision is None:
            fact.precision = attr_value

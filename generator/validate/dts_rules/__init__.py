"""Taxonomy-level rules: XBRL 2.1 schemas and linkbases, Dimensions 1.0 taxonomies.

Why a package: each module mirrors one family of the specifications (``validity``: XML Schema
validity of the documents; ``schemas``: XBRL 2.1 section 5.1 declarations; ``linkbases``:
sections 3.5 and 5.2; ``relationships``: networks, overriding and cycles, section 3.5.3.9;
``dimensions``: Dimensions 1.0 section 2, ``xbrldte:`` codes). They run once per DTS and their
findings are cached with it.

Scope: the rules check the DTS's own documents; documents published by XBRL International or
the W3C are trusted, and so, when an instance is validated, are documents reached through
http(s) URLs (published taxonomies resolved from packages), which their publishers test.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from generator.validate.dts import Dts

if TYPE_CHECKING:  # the rule modules are imported by check(): a cached DTS never needs them
    from lxml import etree

    from generator.validate.findings import Finding
    from generator.validate.taxonomy import Concept

#: Documents published by XBRL International and the W3C: checked by their authors, not here.
STANDARD_PREFIXES = ("http://www.xbrl.org/", "https://www.xbrl.org/", "http://xbrl.org/",
                     "https://xbrl.org/", "http://www.w3.org/", "https://www.w3.org/")


def is_standard(url: str) -> bool:
    """True for documents of XBRL International and the W3C."""
    return url.startswith(STANDARD_PREFIXES)


def scope_of(dts: Dts, taxonomy_entry: bool) -> frozenset[str]:
    """Documents whose rules are checked: local ones, plus published ones for taxonomy entries."""
    return frozenset(url for url in dts.roots if not is_standard(url)
                     and (taxonomy_entry or url.startswith("file:")))


def check(dts: Dts, concepts: dict[str, Concept], schema_model: Any, taxonomy_entry: bool,
          lxml_schema: Callable[[], etree.XMLSchema | None] | None = None) -> list[Finding]:
    """Every taxonomy rule on ``dts``; ``schema_model``: its xmlschema model, or None;
    ``lxml_schema``: gives the DTS's libxml2 schema (faster for whole linkbases), or None."""
    from generator.validate.dts_rules import (
        dimensions,
        linkbases,
        relationships,
        schemas,
        validity,
    )
    from generator.validate.dts_rules.model import Taxonomy

    tax = Taxonomy(dts, concepts, scope_of(dts, taxonomy_entry), schema_model, lxml_schema)
    if not tax.scope:
        return []
    for rules in (validity.check, schemas.check, linkbases.check, dimensions.check,
                  relationships.check):
        rules(tax)
    return tax.out

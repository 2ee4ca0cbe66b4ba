"""The concept model of a DTS: what each element name means for the XBRL rules.

Why xmlschema here: its model resolves type derivation and substitution-group chains across
imports, which the rules need (is this a monetary item? numeric? a dimension?). It is built once
per DTS and cached, so its cost is paid once per taxonomy, not per file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDT = "http://xbrl.org/2005/xbrldt"
XS = "http://www.w3.org/2001/XMLSchema"

_NUMERIC_PRIMITIVES = {f"{{{XS}}}decimal", f"{{{XS}}}float", f"{{{XS}}}double"}


@dataclass(frozen=True, slots=True)
class Concept:
    """The facts about one taxonomy element that instance rules depend on."""

    name: str  # clark
    kind: str  # "item", "tuple", "hypercube", "dimension", "other"
    period_type: str | None
    balance: str | None
    abstract: bool
    nillable: bool
    numeric: bool
    monetary: bool
    shares: bool
    pure: bool
    fraction: bool
    type_chain: tuple[str, ...]  # clark names of the type and its ancestors


def _substitution_chain(element: Any) -> list[str]:
    chain: list[str] = []
    current = element
    while current is not None and len(chain) < 20:
        group = getattr(current, "substitution_group", None)
        if not group:
            break
        chain.append(group)
        current = current.maps.elements.get(group) if hasattr(current, "maps") else None
    return chain


def _type_chain(xsd_type: Any) -> list[str]:
    chain: list[str] = []
    current = xsd_type
    while current is not None and len(chain) < 30:
        if current.name:
            chain.append(current.name)
        base = getattr(current, "base_type", None)
        if base is None or base is current:
            break
        current = base
    return chain


def _is_numeric(xsd_type: Any, chain: list[str]) -> bool:
    if f"{{{XBRLI}}}fractionItemType" in chain:
        return True
    content = xsd_type.content if xsd_type.has_simple_content() else None
    simple = content if content is not None else (xsd_type if xsd_type.is_simple() else None)
    if simple is None:
        return False
    primitive = getattr(simple, "primitive_type", None)
    if primitive is not None and primitive.name in _NUMERIC_PRIMITIVES:
        return True
    # Unions such as xbrli:decimalItemType bases are decided by their ancestors.
    return any(name in _NUMERIC_PRIMITIVES for name in _type_chain(simple))


def build_concepts(schema: Any) -> dict[str, Concept]:
    """Concepts of every global element that is an item, tuple, hypercube or dimension."""
    concepts: dict[str, Concept] = {}
    for name, element in schema.maps.elements.items():
        subs = _substitution_chain(element)
        if f"{{{XBRLDT}}}hypercubeItem" in subs:
            kind = "hypercube"
        elif f"{{{XBRLDT}}}dimensionItem" in subs:
            kind = "dimension"
        elif f"{{{XBRLI}}}item" in subs:
            kind = "item"
        elif f"{{{XBRLI}}}tuple" in subs:
            kind = "tuple"
        else:
            kind = "other"
        src = element.elem
        chain = _type_chain(element.type)
        numeric = kind == "item" and _is_numeric(element.type, chain)
        concepts[name] = Concept(
            name=name,
            kind=kind,
            period_type=src.get(f"{{{XBRLI}}}periodType"),
            balance=src.get(f"{{{XBRLI}}}balance"),
            abstract=src.get("abstract", "false") in ("true", "1"),
            nillable=src.get("nillable", "false") in ("true", "1"),
            numeric=numeric,
            monetary=f"{{{XBRLI}}}monetaryItemType" in chain,
            shares=f"{{{XBRLI}}}sharesItemType" in chain,
            pure=f"{{{XBRLI}}}pureItemType" in chain,
            fraction=f"{{{XBRLI}}}fractionItemType" in chain,
            type_chain=tuple(chain),
        )
    return concepts

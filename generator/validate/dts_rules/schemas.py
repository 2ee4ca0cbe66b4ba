"""XBRL 2.1 rules on taxonomy schemas (section 5.1): item and tuple declarations, periodType,
balance, tuple content models, targetNamespace, no xs:redefine.

Why beside XML Schema validity: these constraints are XBRL's own; a schema can be perfectly
valid XML Schema and still declare an item no instance could use.
"""

from __future__ import annotations

from lxml import etree

from generator.validate.dts_rules.model import XBRLI, XS, Taxonomy, clark

XBRL_NAMESPACES = frozenset({XBRLI, "http://www.xbrl.org/2003/linkbase",
                             "http://www.w3.org/1999/xlink", "http://www.xbrl.org/2003/XLink"})
PERIOD_TYPE, BALANCE = f"{{{XBRLI}}}periodType", f"{{{XBRLI}}}balance"


def _item(tax: Taxonomy, url: str, el: etree._Element, name: str) -> None:
    concept = tax.concepts[name]
    if el.get(PERIOD_TYPE) is None:
        tax.add("xbrl.5.1.1:periodTypeMissing", f"Item {el.get('name')} has no "
                "xbrli:periodType; every item needs one (instant or duration).", url, el)
    if el.get(BALANCE) is not None and not concept.monetary:
        tax.add("xbrl.5.1.1.2:balanceNotMonetary", f"Item {el.get('name')} has xbrli:balance "
                "but is not monetary; only monetary items may have a balance.", url, el)
    # Items have simple content (fractions aside): a complex type of its own elements is not
    # an item type (testcase 103); a built-in simple type is tolerated, as in Arelle.
    chain = concept.type_chain
    if not any(t.startswith(f"{{{XBRLI}}}") and t.endswith("ItemType") for t in chain) \
            and not any(t.startswith(f"{{{XS}}}") and t != f"{{{XS}}}anyType" for t in chain):
        tax.add("xbrl.5.1.1:itemType", f"Item {el.get('name')} has complex content, not a "
                "type derived from an XBRL item type (xbrli:...ItemType).", url, el)


def _tuple(tax: Taxonomy, url: str, el: etree._Element) -> None:
    name = el.get("name")
    for attr, what in ((PERIOD_TYPE, "xbrli:periodType"), (BALANCE, "xbrli:balance")):
        if el.get(attr) is not None:
            tax.add("xbrl.5.1.1:tuplePeriodTypeBalance", f"Tuple {name} has {what}, which only "
                    "items may have.", url, el)
    for part in el.iter():
        if part is el or not isinstance(part.tag, str):
            continue
        if part.tag in (f"{{{XS}}}complexType", f"{{{XS}}}complexContent") \
                and part.get("mixed") in ("true", "1"):
            tax.add("xbrl.4.9:tupleMixedContent", f"Tuple {name} allows mixed content; tuples "
                    "hold only facts.", url, part)
        elif part.tag == f"{{{XS}}}element" and part.get("ref") is None:
            tax.add("xbrl.4.9:tupleLocalElement", f"Tuple {name} declares a local element "
                    f"{part.get('name')}; its content must reference global items and tuples.",
                    url, part)
        elif part.tag == f"{{{XS}}}element":
            target = tax.concepts.get(clark(part.get("ref"), part) or "")
            if target is not None and target.kind not in ("item", "tuple", "hypercube",
                                                           "dimension"):
                tax.add("xbrl.4.9:tupleContent", f"Tuple {name} contains "
                        f"{part.get('ref')}, which is neither an item nor a tuple.", url, part)
        elif part.tag == f"{{{XS}}}attribute":
            ref = clark(part.get("ref"), part) or ""
            if ref.startswith("{") and ref[1:].partition("}")[0] in XBRL_NAMESPACES:
                tax.add("xbrl.4.9:tupleAttribute", f"Tuple {name} declares attribute "
                        f"{part.get('ref')}, from an XBRL namespace.", url, part)


def check(tax: Taxonomy) -> None:
    """Schema-level rules on the checked schema documents."""
    for url, root in tax.checked():
        if root.tag != f"{{{XS}}}schema":
            continue
        ns = root.get("targetNamespace")
        if ns is not None and not ns.strip():
            tax.add("xbrl.5.1:emptyTargetNamespace", "A taxonomy schema's targetNamespace "
                    "must not be empty.", url, root)
        for redefine in root.iterchildren(f"{{{XS}}}redefine"):
            tax.add("xbrl.5.6.1:Redefine", "Taxonomy schemas must not use xs:redefine.",
                    url, redefine)
        for el in root.iterchildren(f"{{{XS}}}element"):
            name = f"{{{ns or ''}}}{el.get('name')}"
            concept = tax.concepts.get(name)
            if concept is None:
                continue
            if concept.kind in ("item", "hypercube", "dimension"):
                _item(tax, url, el, name)
            elif concept.kind == "tuple":
                _tuple(tax, url, el)

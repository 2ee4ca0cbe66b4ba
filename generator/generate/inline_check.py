"""Check, at build time and without Arelle, that an Inline XBRL page holds the same facts as the
``.xbrl`` instance it was written beside: each fact by id with the same concept, context, unit,
decimals, nil and value (a figure read back from its shown digits, ``scale`` and ``sign``, as an
Inline processor reads it; a text by its words), and the same contexts and units.

Why a check of our own: the tests prove the equality with Arelle on the samples; this catches a
page that drifted from its instance on any input, in milliseconds (a parse of both documents),
also when the build runs ``--no-arelle``. It reads only what the page writer writes
(``ixt:num-dot-decimal``, no continuations, no nested tags): anything else is a difference.
"""

from __future__ import annotations

import decimal
from decimal import Decimal, InvalidOperation

from lxml import etree

from generator.generate.inline import IX
from generator.generate.inline_layout import FORMAT
from generator.generate.instance import XBRLI, XSI

_NIL = f"{{{XSI}}}nil"
_WIDE = decimal.Context(prec=200)
Fact = tuple[str, str | None, str | None, str | None, bool, object]


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _clark(element: etree._Element, qname: str | None) -> str | None:
    """``xg:Revenues`` -> ``{namespace}Revenues`` with the element's prefixes."""
    if qname is None:
        return None
    prefix, _, local = qname.rpartition(":")
    namespace = element.nsmap.get(prefix or None)
    return f"{{{namespace}}}{local}" if namespace else qname


def _number(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _inline_value(el: etree._Element) -> object:
    """What an Inline processor reads from a tag the page writer wrote."""
    shown = "".join(str(t) for t in el.itertext())
    if el.tag == f"{{{IX}}}nonNumeric":
        return shown
    if el.get("format") not in (None, FORMAT):
        return f"unknown format {el.get('format')}"
    value = _number(shown.replace(",", "") if el.get("format") else shown)
    if value is None:
        return f"unreadable {shown!r}"
    value = value.scaleb(int(el.get("scale") or 0), _WIDE)
    return -value if el.get("sign") == "-" else value


def _instance_value(el: etree._Element, numeric: bool) -> object:
    text = el.text or ""
    if not numeric:
        return text
    value = _number(text)
    return value if value is not None else f"unreadable {text!r}"


def _canonical(element: etree._Element) -> bytes:
    return etree.tostring(element, method="c14n", exclusive=True, with_comments=False)


def inline_differences(page: bytes, instance: bytes, name: str = "page") -> list[str]:
    """How ``page`` differs from ``instance`` (empty: the same filing), one line each."""
    ix_root = etree.fromstring(page, _parser())
    x_root = etree.fromstring(instance, _parser())
    problems: list[str] = []
    page_facts: dict[str, Fact] = {}
    for el in ix_root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric"):
        nil = el.get(_NIL) == "true"
        fact_id = el.get("id") or f"(no id, line {el.sourceline})"
        if fact_id in page_facts:
            problems.append(f"{name}: fact {fact_id} is tagged twice")
        page_facts[fact_id] = (
            _clark(el, el.get("name")) or "", el.get("contextRef"), el.get("unitRef"),
            el.get("decimals"), nil, None if nil else _inline_value(el))
    instance_facts: dict[str, Fact] = {}
    for el in x_root:
        if not isinstance(el.tag, str) or el.get("contextRef") is None:
            continue
        nil = el.get(_NIL) == "true"
        numeric = el.get("unitRef") is not None
        instance_facts[el.get("id") or f"(no id, line {el.sourceline})"] = (
            el.tag, el.get("contextRef"), el.get("unitRef"), el.get("decimals"), nil,
            None if nil else _instance_value(el, numeric))
    for fact_id in sorted(page_facts.keys() | instance_facts.keys()):
        shown, filed = page_facts.get(fact_id), instance_facts.get(fact_id)
        if shown != filed:
            problems.append(f"{name}: fact {fact_id}: the page has {shown}, the instance "
                            f"{filed}")
    for kind in ("context", "unit"):
        tag = f"{{{XBRLI}}}{kind}"
        in_page = {el.get("id"): _canonical(el) for el in ix_root.iter(tag)}
        in_instance = {el.get("id"): _canonical(el) for el in x_root.iter(tag)}
        for item in sorted(in_page.keys() ^ in_instance.keys(), key=str):
            where = "page" if item in in_page else "instance"
            problems.append(f"{name}: {kind} {item} is only in the {where}")
        problems.extend(f"{name}: {kind} {item} differs from the instance's"
                        for item in sorted(in_page.keys() & in_instance.keys(), key=str)
                        if in_page[item] != in_instance[item])
    return problems

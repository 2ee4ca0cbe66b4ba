"""Write one XBRL 2.1 instance for a filing with lxml builders (never string concatenation).

The order of contexts, units and facts comes from the filing, so the same filing gives
byte-identical output; memory is linear in the number of facts.
"""

from __future__ import annotations

from lxml import etree

from generator.model.context import Context
from generator.model.filing import Filing
from generator.model.period import Duration
from generator.model.taxonomy import Taxonomy
from generator.model.unit import Measure, Unit

XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDI = "http://xbrl.org/2006/xbrldi"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
NIL = f"{{{XSI}}}nil"


def _q(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}"


def namespaces(taxonomy: Taxonomy) -> dict[str, str]:
    return {
        "xbrli": XBRLI,
        "link": LINK,
        "xlink": XLINK,
        "xbrldi": XBRLDI,
        "xsi": XSI,
        "iso4217": ISO4217,
        taxonomy.prefix: taxonomy.namespace,
    }


def _context(parent: etree._Element, ctx: Context, prefix: str) -> None:
    el = etree.SubElement(parent, _q(XBRLI, "context"), id=ctx.id)
    entity = etree.SubElement(el, _q(XBRLI, "entity"))
    ident = etree.SubElement(entity, _q(XBRLI, "identifier"), scheme=ctx.entity.scheme)
    ident.text = ctx.entity.identifier
    period = etree.SubElement(el, _q(XBRLI, "period"))
    if isinstance(ctx.period, Duration):
        etree.SubElement(period, _q(XBRLI, "startDate")).text = ctx.period.start.isoformat()
        etree.SubElement(period, _q(XBRLI, "endDate")).text = ctx.period.end.isoformat()
    else:
        etree.SubElement(period, _q(XBRLI, "instant")).text = ctx.period.date.isoformat()
    if ctx.members:
        scenario = etree.SubElement(el, _q(XBRLI, "scenario"))
        for m in ctx.members:
            member = etree.SubElement(
                scenario, _q(XBRLDI, "explicitMember"), dimension=f"{prefix}:{m.axis}"
            )
            member.text = f"{prefix}:{m.member}"


def _measures(parent: etree._Element, measures: tuple[Measure, ...]) -> None:
    for measure in measures:
        etree.SubElement(parent, _q(XBRLI, "measure")).text = measure.qname


def _unit(parent: etree._Element, unit: Unit) -> None:
    el = etree.SubElement(parent, _q(XBRLI, "unit"), id=unit.id)
    if unit.is_divide:
        divide = etree.SubElement(el, _q(XBRLI, "divide"))
        _measures(etree.SubElement(divide, _q(XBRLI, "unitNumerator")), unit.numerator)
        _measures(etree.SubElement(divide, _q(XBRLI, "unitDenominator")), unit.denominator)
    else:
        _measures(el, unit.numerator)


def _facts(parent: etree._Element, filing: Filing, namespace: str) -> None:
    """All fact elements; the hot loop of a 100,000-fact filing, so kept lean."""
    tags: dict[str, str] = {}
    sub = etree.SubElement
    for number, fact in enumerate(filing.facts, start=1):
        tag = tags.get(fact.concept)
        if tag is None:
            tag = tags[fact.concept] = _q(namespace, fact.concept)
        attrib = {"contextRef": fact.context_ref}
        if fact.text is not None:  # a text fact: no unit, no decimals
            attrib["id"] = f"F{number}"
            sub(parent, tag, attrib).text = fact.text
            continue
        if fact.unit_ref:
            attrib["unitRef"] = fact.unit_ref
        if fact.value is None:
            attrib[NIL] = "true"
            attrib["id"] = f"F{number}"
            sub(parent, tag, attrib)
            continue
        if fact.decimals is not None:
            attrib["decimals"] = str(fact.decimals)
        attrib["id"] = f"F{number}"
        sub(parent, tag, attrib).text = format(fact.value, "f")


def fact_ids(filing: Filing) -> list[str]:
    """Stable fact ids (``F1``...), in filing order, as :func:`_facts` writes them; the
    provenance file and build's findings use the same ids."""
    return [f"F{i}" for i in range(1, len(filing.facts) + 1)]


def instance_tree(filing: Filing, taxonomy: Taxonomy) -> etree._Element:
    """The instance as an lxml tree, all namespaces declared once on the root."""
    root = etree.Element(_q(XBRLI, "xbrl"), nsmap=namespaces(taxonomy))
    ref = etree.SubElement(root, _q(LINK, "schemaRef"))
    ref.set(_q(XLINK, "type"), "simple")
    ref.set(_q(XLINK, "href"), taxonomy.schema_file)
    for ctx in filing.contexts:
        _context(root, ctx, taxonomy.prefix)
    for unit in filing.units:
        _unit(root, unit)
    _facts(root, filing, taxonomy.namespace)
    root.text = "\n  "
    for child in root:
        child.tail = "\n  "
    root[-1].tail = "\n"
    return root


def instance_bytes(filing: Filing, taxonomy: Taxonomy) -> bytes:
    """The instance document for ``filing``; the schemaRef is relative (taxonomy beside it)."""
    tree = instance_tree(filing, taxonomy)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"

"""Render the taxonomy's schema and linkbases from the declaration, through ``templates/``.

Output is a mapping of file name to bytes, identical for identical declarations, so the files
can be written atomically, zipped into a package, or compared in tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.model.concept import Concept, DataType
from generator.model.taxonomy import NEGATED_LABEL_ROLE, Network, NetworkNode, Taxonomy
from generator.templating import render

XSD_TYPES: dict[DataType, str] = {
    DataType.MONETARY: "xbrli:monetaryItemType",
    DataType.SHARES: "xbrli:sharesItemType",
    DataType.PER_SHARE: "num:perShareItemType",
    DataType.PURE: "xbrli:pureItemType",
    DataType.DECIMAL: "xbrli:decimalItemType",
    DataType.STRING: "xbrli:stringItemType",
    DataType.DATE: "xbrli:dateItemType",
    DataType.DOMAIN: "nonnum:domainItemType",
}
CUSTOM_TYPES: dict[DataType, tuple[str, str]] = {
    DataType.COUNT: ("countItemType", "A number of contracts, subscriptions or other things."),
    DataType.BANDWIDTH: ("bandwidthItemType", "A data rate, in the unit of the fact (e.g. Gbps)."),
}
LINKBASE_ROLES = {
    "lab": "http://www.xbrl.org/2003/role/labelLinkbaseRef",
    "pre": "http://www.xbrl.org/2003/role/presentationLinkbaseRef",
    "cal": "http://www.xbrl.org/2003/role/calculationLinkbaseRef",
    "def": "http://www.xbrl.org/2003/role/definitionLinkbaseRef",
}
# Label roles outside XBRL 2.1 are defined in the Link Role Registry and need a roleRef.
LRR_ROLES = {NEGATED_LABEL_ROLE: "http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd#negatedLabel"}
XDT = "http://xbrl.org/int/dim/arcrole/"
XDT_ARCROLES = (
    "all",
    "hypercube-dimension",
    "dimension-domain",
    "domain-member",
    "dimension-default",
)


@dataclass(frozen=True)
class _Locator:
    label: str
    concept: str


@dataclass(frozen=True)
class _Arc:
    """An arc between locator labels; ``child_concept`` is set when the label is not the name."""

    parent: str
    child: str
    order: int
    child_concept: str | None = None
    weight: str = ""
    preferred_label: str | None = None
    arcrole: str = ""
    closed: bool = False


@dataclass(frozen=True)
class _Link:
    role_uri: str
    role_id: str
    locators: tuple[_Locator, ...]
    arcs: tuple[_Arc, ...]


@dataclass(frozen=True)
class _SchemaElement:
    name: str
    xsd_type: str
    substitution_group: str
    period_type: str
    balance: str | None
    abstract: bool
    nillable: bool


def _xsd_type(concept: Concept, prefix: str) -> str:
    if concept.data_type in CUSTOM_TYPES:
        return f"{prefix}:{CUSTOM_TYPES[concept.data_type][0]}"
    return XSD_TYPES[concept.data_type]


def _link(net: Network, arcs: list[_Arc]) -> _Link:
    labels: dict[str, str] = {}
    for arc in arcs:
        labels.setdefault(arc.parent, arc.parent)
        labels.setdefault(arc.child, arc.child_concept or arc.child)
    locators = tuple(_Locator(label, concept) for label, concept in labels.items())
    return _Link(net.role_uri, net.id, locators, tuple(arcs))


def _presentation_arcs(
    node: NetworkNode, label: str, out: list[_Arc], used: set[tuple[str, str]]
) -> None:
    """Arcs below ``node`` (whose locator label is ``label``). A concept shown twice under one
    parent (cash at beginning and end of period) gets a second locator label, because XLink
    forbids two arcs between the same pair of labels."""
    for order, child in enumerate(node.children, start=1):
        child_label = child.concept
        copy = 1
        while (label, child_label) in used:
            copy += 1
            child_label = f"{child.concept}_{copy}"
        used.add((label, child_label))
        out.append(
            _Arc(
                label,
                child_label,
                order,
                child_concept=child.concept,
                preferred_label=child.preferred_label,
            )
        )
        _presentation_arcs(child, child_label, out, used)


def presentation_links(tax: Taxonomy) -> list[_Link]:
    links = []
    for net in tax.networks:
        arcs: list[_Arc] = []
        used: set[tuple[str, str]] = set()
        for root in net.roots:
            _presentation_arcs(root, root.concept, arcs, used)
        if arcs:
            links.append(_link(net, arcs))
    return links


def _weight(weight: Decimal) -> str:
    return "1.0" if weight > 0 else "-1.0"


def calculation_links(tax: Taxonomy) -> list[_Link]:
    links = []
    for net in tax.networks:
        if not net.calculations:
            continue
        orders: dict[str, int] = {}
        arcs = []
        for arc in net.calculations:
            orders[arc.parent] = orders.get(arc.parent, 0) + 1
            arcs.append(_Arc(arc.parent, arc.child, orders[arc.parent], weight=_weight(arc.weight)))
        links.append(_link(net, arcs))
    return links


def definition_links(tax: Taxonomy) -> list[_Link]:
    """One closed scenario hypercube per network: its axes (with defaults) over its line items."""
    links = []
    for net in tax.networks:
        arcs = [_Arc(net.line_items, net.table, 1, arcrole=XDT + "all", closed=True)]
        for order, axis_name in enumerate(net.axes, start=1):
            axis = tax.axes[axis_name]
            arcs.append(_Arc(net.table, axis_name, order, arcrole=XDT + "hypercube-dimension"))
            arcs.append(_Arc(axis_name, axis.default, 1, arcrole=XDT + "dimension-domain"))
            arcs.extend(
                _Arc(axis.default, m.name, i, arcrole=XDT + "domain-member")
                for i, m in enumerate(axis.members, start=1)
            )
            # a second locator for the default: XLink forbids two arcs between the same labels
            arcs.append(
                _Arc(
                    axis_name,
                    f"{axis.default}_default",
                    1,
                    child_concept=axis.default,
                    arcrole=XDT + "dimension-default",
                )
            )
        items = dict.fromkeys(
            n.concept for n in net.nodes() if not tax.concepts[n.concept].abstract
        )
        arcs.extend(
            _Arc(net.line_items, name, order, arcrole=XDT + "domain-member")
            for order, name in enumerate(items, start=1)
        )
        links.append(_link(net, arcs))
    return links


def _label_role_refs(concepts: list[Concept]) -> list[dict[str, str]]:
    used = sorted({label.role for c in concepts for label in c.labels if label.role in LRR_ROLES})
    return [{"uri": role, "href": LRR_ROLES[role]} for role in used]


def render_taxonomy(tax: Taxonomy) -> dict[str, bytes]:
    """All taxonomy files by name: the schema and its label, presentation, calc, def linkbases."""
    stem = tax.file_stem
    files = {kind: f"{stem}_{kind}.xml" for kind in LINKBASE_ROLES}
    linkbases = [{"href": files[k], "role": role} for k, role in LINKBASE_ROLES.items()]
    concepts = list(tax.concepts.values())
    used_custom = sorted({c.data_type for c in concepts if c.data_type in CUSTOM_TYPES})
    custom_types = [
        {
            "name": CUSTOM_TYPES[t][0],
            "documentation": CUSTOM_TYPES[t][1],
            "base": "xbrli:decimalItemType",
        }
        for t in used_custom
    ]
    elements = [
        _SchemaElement(
            c.name,
            _xsd_type(c, tax.prefix),
            c.substitution_group,
            c.period_type.value,
            c.balance.value if c.balance else None,
            c.abstract,
            c.nillable,
        )
        for c in concepts
    ]
    common = {"tax": tax, "schema_file": tax.schema_file}
    return {
        tax.schema_file: render(
            "schema.xsd.j2",
            linkbases=linkbases,
            custom_types=custom_types,
            concepts=elements,
            **common,
        ),
        files["lab"]: render(
            "label.xml.j2", concepts=concepts, role_refs=_label_role_refs(concepts), **common
        ),
        files["pre"]: render("presentation.xml.j2", links=presentation_links(tax), **common),
        files["cal"]: render("calculation.xml.j2", links=calculation_links(tax), **common),
        files["def"]: render(
            "definition.xml.j2",
            links=definition_links(tax),
            arcroles=[{"uri": XDT + a, "id": a} for a in XDT_ARCROLES],
            **common,
        ),
    }

"""Networks of relationships: cycles per arcrole (XBRL 2.1 5.1.4.3 and 5.2).

Why per base set: a cycle is judged within one network (arcrole, ELR, link element, arc
element), after overriding and prohibition; the standard arcroles' rules are fixed by the spec,
custom arcroles say theirs in ``cyclesAllowed``. As in the spec (and Arelle), the rule is applied
to standard extended links and arcs only.
"""

from __future__ import annotations

from collections import defaultdict

from generator.validate.dts_rules.graphs import closing_edge
from generator.validate.dts_rules.model import LINK, Rel, Taxonomy

A = "http://www.xbrl.org/2003/arcrole/"
#: XBRL 2.1 Table 4 (and 5.2): which cycles each standard arcrole tolerates, and the section.
STANDARD_CYCLES = {
    A + "parent-child": ("undirected", "xbrl.5.2.4.2"),
    A + "summation-item": ("any", "xbrl.5.2.5.2"),
    A + "general-special": ("undirected", "xbrl.5.2.6.2.1"),
    A + "essence-alias": ("undirected", "xbrl.5.2.6.2.1"),
    A + "similar-tuples": ("any", "xbrl.5.2.6.2.3"),
    A + "requires-element": ("any", "xbrl.5.2.6.2.4"),
}
STANDARD_LINKS = frozenset(f"{{{LINK}}}{n}" for n in (
    "presentationLink", "definitionLink", "calculationLink", "labelLink", "referenceLink",
    "footnoteLink"))
STANDARD_ARCS = frozenset(f"{{{LINK}}}{n}" for n in (
    "presentationArc", "definitionArc", "calculationArc", "labelArc", "referenceArc",
    "footnoteArc"))


def _directed_cycle(rels: list[Rel]) -> Rel | None:
    """An arc closing a directed cycle, if any."""
    edges: dict[str, list[Rel]] = defaultdict(list)
    for r in rels:
        edges[r.source].append(r)
    return closing_edge(edges, lambda rel: rel.target)


def _undirected_cycle(rels: list[Rel]) -> Rel | None:
    """An arc joining two nodes already connected (union-find)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in rels:
        a, b = find(r.source), find(r.target)
        if a == b:
            return r
        parent[a] = b
    return None


def check(tax: Taxonomy) -> None:
    """Cycle rules on every network that has arcs in the checked documents."""
    networks: dict[tuple[str, str, str, str], list[Rel]] = defaultdict(list)
    for r in tax.relationships():
        networks[(r.arcrole, r.elr, r.link_tag, r.arc_tag)].append(r)
    declared = tax.arcrole_types()
    for (arcrole, _elr, link, arc), rels in networks.items():
        if link not in STANDARD_LINKS or arc not in STANDARD_ARCS:
            continue
        if not any(r.url in tax.scope for r in rels):
            continue
        if arcrole in STANDARD_CYCLES:
            allowed, code = STANDARD_CYCLES[arcrole]
        elif declared.get(arcrole):
            allowed, code = declared[arcrole][0][1].get("cyclesAllowed", "any"), \
                "xbrl.5.1.4.3:cycles"
        else:
            continue
        if allowed == "any":
            continue
        closing = _directed_cycle(rels) if allowed == "undirected" else _undirected_cycle(rels)
        if closing is not None:
            kind = "directed" if allowed == "undirected" else "undirected or directed"
            tax.add(code, f"The {arcrole.rsplit('/', 1)[-1]} relationships of ELR "
                    f"{_elr} form a {kind} cycle, which this arcrole does not allow "
                    f"(cyclesAllowed: {allowed}). Remove or prohibit one of its arcs.",
                    closing.url, closing.element)

"""Dimensions 1.0 taxonomy rules (section 2): ``xbrldte:*`` codes.

Why here and not in ``validate/dimensions.py``: that module judges facts against the DRS; these
rules judge the DRS itself (declarations, arc endpoints, targetRole, defaults, cycles), once per
taxonomy. Rels are the DTS's concept-to-concept ones, prohibitions and overrides applied.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from lxml import etree

from generator.validate.dts import XBRLDT
from generator.validate.dts_rules.graphs import closing_edge
from generator.validate.dts_rules.model import XS, Rel, Taxonomy, clark, typed_children
from generator.validate.taxonomy import Concept

DIM = "http://xbrl.org/int/dim/arcrole/"
ALL, NOT_ALL = DIM + "all", DIM + "notAll"
HC_DIM, DIM_DOMAIN = DIM + "hypercube-dimension", DIM + "dimension-domain"
DOMAIN_MEMBER, DIM_DEFAULT = DIM + "domain-member", DIM + "dimension-default"
TYPED_REF = f"{{{XBRLDT}}}typedDomainRef"
TARGET_ROLE, CONTEXT_ELEMENT = f"{{{XBRLDT}}}targetRole", f"{{{XBRLDT}}}contextElement"
USABLE = f"{{{XBRLDT}}}usable"
STANDARD_ROLE = "http://www.xbrl.org/2003/role/link"


def _declarations(tax: Taxonomy) -> dict[str, str]:
    """Typed dimensions: clark name -> typedDomainRef; declaration rules on the way."""
    typed: dict[str, str] = {}
    for url, root in tax.schema_roots():
        ns = root.get("targetNamespace", "")
        for el in root.iterchildren(f"{{{XS}}}element"):
            name = f"{{{ns}}}{el.get('name')}"
            concept = tax.concepts.get(name)
            mine = url in tax.scope
            if concept is not None and mine and not concept.abstract:
                if concept.kind == "hypercube":
                    tax.add("xbrldte:HypercubeElementIsNotAbstractError",
                            f"Hypercube {el.get('name')} must be abstract (Dimensions 1.0 "
                            "2.2.1). Add abstract=\"true\".", url, el)
                elif concept.kind == "dimension":
                    tax.add("xbrldte:DimensionElementIsNotAbstractError",
                            f"Dimension {el.get('name')} must be abstract (Dimensions 1.0 "
                            "2.5.1). Add abstract=\"true\".", url, el)
            ref = el.get(TYPED_REF)
            if ref is None:
                continue
            typed[name] = ref
            if mine:
                _typed_ref(tax, url, el, concept, ref)
    return typed


def _typed_ref(tax: Taxonomy, url: str, el: etree._Element, concept: Concept | None,
               ref: str) -> None:
    """typedDomainRef: on dimensions only, to a global non-abstract declaration in the DTS."""
    if concept is None or concept.kind != "dimension":
        tax.add("xbrldte:TypedDomainRefError", f"xbrldt:typedDomainRef on {el.get('name')}, "
                "which is not a dimension: only dimension declarations may carry it.", url, el)
        return
    if "#" not in ref or not ref.partition("#")[2]:
        tax.add("xbrldte:TypedDimensionURIError", f"xbrldt:typedDomainRef '{ref}' has no "
                "fragment: it must point at an element declaration (file.xsd#id).", url, el)
        return
    _doc, target, problem = tax.resolve(ref, el.base or url)
    if problem == "not in the DTS":
        tax.add("xbrldte:OutOfDTSSchemaError", f"xbrldt:typedDomainRef '{ref}' points into "
                "a schema outside the DTS. Import that schema.", url, el)
        return
    parent = target.getparent() if target is not None else None
    if (target is None or target.tag != f"{{{XS}}}element" or parent is None
            or parent.tag != f"{{{XS}}}schema"
            or target.get("abstract", "false") in ("true", "1")):
        tax.add("xbrldte:TypedDimensionError", f"xbrldt:typedDomainRef '{ref}' must point at a "
                "global, non-abstract element declaration.", url, el)


def _endpoint_rules(tax: Taxonomy, rels: list[Rel], typed: dict[str, str]) -> None:
    """Sources and targets of each dimensional arcrole (Dimensions 1.0 2.2-2.7)."""

    def kind(name: str) -> str:
        concept = tax.concepts.get(name)
        if concept is None:
            return "none"
        if concept.kind == "dimension":
            return "typed" if name in typed else "explicit"
        return concept.kind

    items, cube, dims, explicit = {"item"}, {"hypercube"}, {"typed", "explicit"}, {"explicit"}
    rules: dict[str, tuple[str, set[str], set[str]]] = {
        ALL: ("HasHypercube", items, cube), NOT_ALL: ("HasHypercube", items, cube),
        HC_DIM: ("HypercubeDimension", cube, dims),
        DIM_DOMAIN: ("DimensionDomain", explicit, items),
        DOMAIN_MEMBER: ("DomainMember", items, items),
        DIM_DEFAULT: ("DimensionDefault", explicit, items),
    }
    for r in rels:
        rule = rules.get(r.arcrole)
        if rule is None or r.url not in tax.scope:
            continue
        name, sources, targets = rule
        what = r.arcrole.rsplit("/", 1)[1]
        if kind(r.source) not in sources:
            tax.add(f"xbrldte:{name}SourceError", f"The {what} arc starts at "
                    f"{_short(r.source)}, which may not be its source (Dimensions 1.0).",
                    r.url, r.element)
        if kind(r.target) not in targets:
            tax.add(f"xbrldte:{name}TargetError", f"The {what} arc ends at "
                    f"{_short(r.target)}, which may not be its target (Dimensions 1.0).",
                    r.url, r.element)
        if r.arcrole in (ALL, NOT_ALL) and r.attr(CONTEXT_ELEMENT) is None:
            tax.add("xbrldte:HasHypercubeMissingContextElementAttributeError",
                    "A has-hypercube arc needs xbrldt:contextElement (segment or scenario).",
                    r.url, r.element)


def _short(name: str) -> str:
    return name.rpartition("}")[2]


def _target_roles(tax: Taxonomy) -> None:
    """Every xbrldt:targetRole needs a roleRef in its linkbase (or is the standard role)."""
    for url, linkbase in tax.checked_linkbases():
        refs = {r.get("roleURI") for r in linkbase.iterchildren(
            "{http://www.xbrl.org/2003/linkbase}roleRef")}
        declared = tax.role_types()
        for link in linkbase:
            if not isinstance(link.tag, str):
                continue
            for arc in typed_children(link, "arc"):
                role = arc.get(TARGET_ROLE)
                if role is None or role == STANDARD_ROLE:
                    continue
                if role not in refs or role not in declared:
                    tax.add("xbrldte:TargetRoleNotResolvedError", f"xbrldt:targetRole "
                            f"'{role}' has no roleRef in this linkbase to a roleType of the DTS. "
                            "Add the roleRef (and the roleType).", url, arc)


def _defaults(tax: Taxonomy, rels: list[Rel]) -> None:
    defaults: dict[str, set[str]] = defaultdict(set)
    where: dict[str, Rel] = {}
    for r in rels:
        if r.arcrole == DIM_DEFAULT:
            defaults[r.source].add(r.target)
            where.setdefault(r.source, r)
    for dim, members in defaults.items():
        if len(members) > 1 and where[dim].file_url in tax.scope:
            tax.add("xbrldte:TooManyDefaultMembersError", f"Dimension {_short(dim)} has "
                    f"{len(members)} defaults ({', '.join(sorted(map(_short, members)))}); "
                    "a dimension has at most one.", where[dim].file_url, where[dim].element)


def _drs(tax: Taxonomy, rels: list[Rel]) -> None:
    """Directed cycles among a DRS's domain-member relationships; primary item polymorphism."""
    idx: dict[tuple[str, str, str], list[Rel]] = defaultdict(list)
    for r in rels:
        idx[(r.arcrole, r.elr, r.source)].append(r)

    def children(arcrole: str, elr: str, source: str) -> list[Rel]:
        return idx.get((arcrole, elr, source), [])

    reported: set[str] = set()
    for has in (r for r in rels if r.arcrole in (ALL, NOT_ALL)):
        cube_elr = has.attr(TARGET_ROLE) or has.elr
        primaries = _closure(children, DOMAIN_MEMBER, has.elr, has.source)
        for hd in children(HC_DIM, cube_elr, has.target):
            dim_elr = hd.attr(TARGET_ROLE) or hd.elr
            edges: dict[str, set[str]] = defaultdict(set)
            usable: set[str] = set()
            stack = [(rel, DOMAIN_MEMBER) for rel in children(DIM_DOMAIN, dim_elr, hd.target)]
            seen: set[tuple[str, str]] = set()
            while stack:
                rel, _ = stack.pop()
                edges[rel.source].add(rel.target)
                if rel.attr(USABLE) not in ("false", "0"):
                    usable.add(rel.target)
                key = (rel.attr(TARGET_ROLE) or rel.elr, rel.target)
                if key in seen:
                    continue
                seen.add(key)
                stack.extend((c, DOMAIN_MEMBER) for c in children(DOMAIN_MEMBER, *key))
            if _has_cycle(edges) and has.file_url not in reported:
                reported.add(has.file_url)
                tax.add("xbrldte:DRSDirectedCycleError", f"The domain of dimension "
                        f"{_short(hd.target)} has a directed cycle of domain-member "
                        "relationships.", has.file_url, has.element)
            clash = primaries & usable
            if clash and f"poly:{has.file_url}" not in reported:
                reported.add(f"poly:{has.file_url}")
                tax.add("xbrldte:PrimaryItemPolymorphismError", f"{_short(sorted(clash)[0])} "
                        f"is a primary item of the DRS and a usable member of its dimension "
                        f"{_short(hd.target)}.", has.file_url, has.element)


def _closure(get: Callable[[str, str, str], list[Rel]], arcrole: str, elr: str,
             source: str) -> set[str]:
    """The source and its domain-member descendants (following targetRole)."""
    found = {source}
    stack = [(elr, source)]
    seen: set[tuple[str, str]] = set()
    while stack:
        role, node = stack.pop()
        if (role, node) in seen:
            continue
        seen.add((role, node))
        for rel in get(arcrole, role, node):
            found.add(rel.target)
            stack.append((rel.attr(TARGET_ROLE) or rel.elr, rel.target))
    return found


def _has_cycle(edges: dict[str, set[str]]) -> bool:
    return closing_edge(edges, lambda node: node) is not None


def check(tax: Taxonomy) -> None:
    """All Dimensions 1.0 taxonomy rules."""
    typed = _declarations(tax)
    rels = [r for r in tax.relationships() if r.arcrole.startswith(DIM)]
    if not rels:
        return
    _endpoint_rules(tax, rels, typed)
    _target_roles(tax)
    _defaults(tax, rels)
    _drs(tax, rels)


__all__ = ["check", "clark"]

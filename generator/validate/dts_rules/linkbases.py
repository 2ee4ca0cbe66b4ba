"""Linkbase rules of XBRL 2.1: roleRef/arcroleRef (3.5.2.4-5), roleType/arcroleType declarations
and usedOn (5.1.3-4), linkbaseRef (4.3), locators (3.5.3.7), duplicate arcs (3.5.3.9) and the
standard arcs' endpoints (5.2).

Why one module: these rules share one walk over every extended link of the checked linkbases.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from lxml import etree

from generator.validate.dts_rules.model import (
    LINK,
    XLINK_ARCROLE,
    XLINK_FROM,
    XLINK_HREF,
    XLINK_LABEL,
    XLINK_ROLE,
    XLINK_TO,
    XLINK_TYPE,
    Taxonomy,
    clark,
    extended_links,
    local_name,
)

ROLE_2003, ARCROLE_2003 = "http://www.xbrl.org/2003/role/", "http://www.xbrl.org/2003/arcrole/"
LINKBASE_ARCROLE = "http://www.w3.org/1999/xlink/properties/linkbase"
#: linkbaseRef roles and the one kind of extended link their linkbase may hold (XBRL 2.1 4.3.4).
LINKBASE_ROLES = {ROLE_2003 + f"{k}LinkbaseRef": f"{{{LINK}}}{k}Link" for k in
                  ("label", "reference", "definition", "presentation", "calculation")}
SUMMATION = ARCROLE_2003 + "summation-item"
CONCEPT_LABEL = ARCROLE_2003 + "concept-label"
PARENT_CHILD = ARCROLE_2003 + "parent-child"
ESSENCE_ALIAS = ARCROLE_2003 + "essence-alias"
LABEL_ROLE = ROLE_2003 + "label"
#: The standard arcs and the arcroles they may carry without declaration.
STANDARD_ARC_ROLES = {
    "presentationArc": {ARCROLE_2003 + "parent-child"},
    "calculationArc": {SUMMATION},
    "definitionArc": {ARCROLE_2003 + n for n in ("general-special", "essence-alias",
                                                 "similar-tuples", "requires-element")},
    "labelArc": {CONCEPT_LABEL},
    "referenceArc": {ARCROLE_2003 + "concept-reference"},
    "footnoteArc": {ARCROLE_2003 + "fact-footnote"},
}


def _is_uri(text: str) -> bool:
    """xs:anyURI as RFC 3987 wants it: no blanks, at most one fragment separator."""
    return bool(text) and text.count("#") <= 1 and not any(c.isspace() for c in text) \
        and not any(c in text for c in '<>"{}|\\^`')


def _s_equal_used_on(el: etree._Element) -> tuple[list[str | None], list[etree._Element]]:
    names = [clark((u.text or "").strip(), u) for u in el.iterchildren(f"{{{LINK}}}usedOn")]
    return names, list(el.iterchildren(f"{{{LINK}}}usedOn"))


def _declarations(tax: Taxonomy) -> None:
    """roleType/arcroleType: unique per document, equivalent across documents, usedOn unique."""
    for kind, table in (("roleType", tax.role_types()), ("arcroleType", tax.arcrole_types())):
        for uri, decls in table.items():
            docs = Counter(url for url, _ in decls)
            for url, el in decls:
                if url not in tax.scope:
                    continue
                if not _is_uri(uri):
                    tax.add(f"xbrl.5.1.{3 if kind == 'roleType' else 4}:{kind}URI",
                            f"'{uri}' is not a valid URI for a {kind}.", url, el)
                names, _ = _s_equal_used_on(el)
                if len(set(names)) != len(names):
                    tax.add(f"xbrl.5.1.{3 if kind == 'roleType' else 4}:{kind}UsedOnDuplicate",
                            f"The {kind} for {uri} lists the same element twice in usedOn.",
                            url, el)
                if docs[url] > 1:
                    tax.add(f"xbrl.5.1.{3 if kind == 'roleType' else 4}:{kind}Duplicate",
                            f"{uri} is declared by {docs[url]} {kind} elements in one schema; "
                            "declare it once.", url, el)
            shapes = {_shape(el) for _, el in decls}
            if len(shapes) > 1 and any(url in tax.scope for url, _ in decls):
                url, el = decls[-1]
                tax.add(f"xbrl.5.1.{3 if kind == 'roleType' else 4}:{kind}Equivalence",
                        f"{uri} is declared by {kind} elements that are not equivalent "
                        "(definition, usedOn or cyclesAllowed differ).", url, el)


def _shape(el: etree._Element) -> tuple[object, ...]:
    names, _ = _s_equal_used_on(el)
    definition = el.find(f"{{{LINK}}}definition")
    return (el.get("cyclesAllowed"), frozenset(names),
            (definition.text or "").strip() if definition is not None else None)


def _used_on(tax: Taxonomy, kind: str, uri: str, el: etree._Element, url: str) -> None:
    """A declared role or arcrole used on a standard element must list it in usedOn."""
    table = tax.role_types() if kind == "role" else tax.arcrole_types()
    decls = table.get(uri)
    if not decls or etree.QName(el).namespace != LINK:
        return
    names, _ = _s_equal_used_on(decls[0][1])
    if el.tag not in names:
        tax.add(f"xbrl.5.1.{3 if kind == 'role' else 4}.4:custom{kind.capitalize()}UsedOn",
                f"The {kind} {uri} is used on {local_name(el)}, which its {kind}Type does not "
                "list in usedOn. Add it there or use another role.", url, el)


def _refs(tax: Taxonomy, url: str, linkbase: etree._Element, kind: str) -> set[str]:
    """roleRef/arcroleRef of one linkbase: unique, pointing at a matching declaration."""
    tag, attr = (f"{{{LINK}}}roleRef", "roleURI") if kind == "role" else \
        (f"{{{LINK}}}arcroleRef", "arcroleURI")
    seen: set[str] = set()
    for ref in linkbase.iterchildren(tag):
        uri = ref.get(attr, "")
        if uri in seen:
            tax.add(f"xbrl.3.5.2.{4 if kind == 'role' else 5}.5:{kind}RefDuplicate",
                    f"Two {kind}Refs for {uri} in one linkbase; keep one.", url, ref)
        seen.add(uri)
        href = ref.get(XLINK_HREF)
        if href is None:
            continue
        _doc, target, _ = tax.resolve(href, ref.base or url)
        expected = f"{{{LINK}}}{kind}Type"
        if target is None or target.tag != expected or target.get(attr) != uri:
            tax.add(f"xbrl.3.5.2.{4 if kind == 'role' else 5}.5:{kind}RefMismatch",
                    f"The {kind}Ref for {uri} does not point at a {kind}Type declaring that "
                    "URI.", url, ref)
    return seen


def _links(tax: Taxonomy, url: str, linkbase: etree._Element) -> None:
    roles = _refs(tax, url, linkbase, "role")
    arcroles = _refs(tax, url, linkbase, "arcrole")
    for link in extended_links(linkbase):
        for el in [link, *link]:
            if not isinstance(el.tag, str):
                continue
            # roleRef/arcroleRef are required for the standard (link:) elements only
            standard_el = etree.QName(el).namespace == LINK
            role = el.get(XLINK_ROLE)
            if role and standard_el and el.get(XLINK_TYPE) in ("extended", "resource") \
                    and not role.startswith(ROLE_2003):
                if role not in roles:
                    tax.add("xbrl.3.5.2.4:roleRefMissing", f"Role {role} is used without a "
                            "roleRef in this linkbase. Add the roleRef.", url, el)
                _used_on(tax, "role", role, el, url)
            arcrole = el.get(XLINK_ARCROLE)
            if el.get(XLINK_TYPE) == "arc" and arcrole and standard_el:
                standard = STANDARD_ARC_ROLES.get(local_name(el), set()) \
                    if etree.QName(el).namespace == LINK else set()
                if arcrole in standard:
                    continue
                if arcrole.startswith(ARCROLE_2003) and etree.QName(el).namespace == LINK:
                    tax.add("xbrl.5.2:arcroleNotAllowed", f"Arcrole {arcrole} may not be used "
                            f"on {local_name(el)}.", url, el)
                    continue
                if arcrole not in arcroles and not arcrole.startswith(ARCROLE_2003):
                    tax.add("xbrl.3.5.2.5:arcroleRefMissing", f"Arcrole {arcrole} is used "
                            "without an arcroleRef in this linkbase. Add the arcroleRef.",
                            url, el)
                _used_on(tax, "arcrole", arcrole, el, url)
        _arcs(tax, url, link)
        _locators(tax, url, link)


def _locators(tax: Taxonomy, url: str, link: etree._Element) -> None:
    """3.5.3.7: a locator resolves (shorthand or element() pointer); in standard links to a
    concept's declaration or an XLink resource (one of another linkbase, for overriding)."""
    standard = etree.QName(link).namespace == LINK
    for loc in link:
        if not isinstance(loc.tag, str) or loc.get(XLINK_TYPE) != "locator":
            continue
        href = loc.get(XLINK_HREF)
        if href is None:
            continue
        doc, target, problem = tax.resolve(href, loc.base or url)
        if target is None:
            if doc in tax.dts.roots or problem != "not in the DTS":
                tax.add("xbrl.3.5.3.7.2:locatorHref", f"Locator {href} resolves to nothing: "
                        f"{problem}.", url, loc)
            continue
        if standard and target.get(XLINK_TYPE) != "resource" \
                and tax.concept_of(target, doc) is None:
            tax.add("xbrl.5.2:locatorTarget", f"Locator {href} in {local_name(link)} points at "
                    f"{local_name(target) or 'something'} instead of a concept's element "
                    "declaration.", url, loc)


RESOURCE_ARCS = {f"{{{LINK}}}labelArc": (f"{{{LINK}}}label", "5.2.2.3", "label"),
                 f"{{{LINK}}}referenceArc": (f"{{{LINK}}}reference", "5.2.3.3", "reference")}


def _resource_arc(tax: Taxonomy, url: str, arc: etree._Element,
                  ends: list[etree._Element]) -> None:
    """label/reference arcs end at their own resources; a locator (a remote resource) only on
    a prohibiting arc, which is how another linkbase's label is overridden (5.2.2.3)."""
    tag, section, what = RESOURCE_ARCS[str(arc.tag)]
    for end in ends:
        if end.get(XLINK_TYPE) == "locator":
            _doc, remote, _ = tax.resolve(end.get(XLINK_HREF, ""), end.base or url)
            if remote is not None and remote.tag != tag:
                tax.add(f"xbrl.{section}:{what}ArcTarget", f"A {what}Arc ends at a locator "
                        f"to {local_name(remote)}, not to a {what} resource.", url, arc)
            elif arc.get("use") != "prohibited":
                tax.add(f"xbrl.{section}:{what}ArcRemoteResource", f"A {what}Arc that is not "
                        f"prohibiting ends at a locator ({end.get(XLINK_HREF)}); it must end at "
                        f"a {what} resource of its own link.", url, arc)
        elif end.tag != tag:
            tax.add(f"xbrl.{section}:{what}ArcTarget", f"A {what}Arc ends at "
                    f"{local_name(end)}, not a {what} resource.", url, arc)


def _arcs(tax: Taxonomy, url: str, link: etree._Element) -> None:
    """Duplicate arcs (XLink: one arc per from/to pair and arc element) and their labels."""
    labels = {c.get(XLINK_LABEL) for c in link if isinstance(c.tag, str)}
    by_label: dict[str, list[etree._Element]] = defaultdict(list)
    for c in link:
        if isinstance(c.tag, str) and c.get(XLINK_LABEL) is not None:
            by_label[c.get(XLINK_LABEL, "")].append(c)
    seen: dict[tuple[str, str], etree._Element] = {}
    for arc in link:
        if not isinstance(arc.tag, str) or arc.get(XLINK_TYPE) != "arc":
            continue
        frm, to = arc.get(XLINK_FROM, ""), arc.get(XLINK_TO, "")
        for end in (frm, to):
            if end not in labels:
                tax.add("xbrl.3.5.3.9:arcFromToLabel", f"Arc end '{end}' names no locator or "
                        "resource of its extended link.", url, arc)
        if arc.tag in RESOURCE_ARCS:
            _resource_arc(tax, url, arc, by_label.get(to, []))
        key = (frm, to)  # XLink 1.0 5.1.3: a from/to pair once per extended link
        if key in seen:
            tax.add("xlink:dupArcs", f"Two arcs from '{frm}' to '{to}' in one extended link; "
                    "XLink allows one per pair (use separate links or labels).", url, arc)
        seen.setdefault(key, arc)


def _linkbase_refs(tax: Taxonomy) -> None:
    for url, root in tax.checked():
        for ref in root.iter(f"{{{LINK}}}linkbaseRef"):
            if ref.get(XLINK_ARCROLE) != LINKBASE_ARCROLE:
                tax.add("xbrl.4.3.3:linkbaseRefArcrole", "A linkbaseRef needs xlink:arcrole "
                        f"{LINKBASE_ARCROLE}.", url, ref)
            href = ref.get(XLINK_HREF)
            if href is None:
                continue
            _doc, target, _ = tax.resolve(href, ref.base or url)
            # A linkbase document, not one embedded in (and discovered with) another schema
            if target is not None and (target.tag != f"{{{LINK}}}linkbase"
                                       or target.getparent() is not None):
                tax.add("xbrl.4.3.2:linkbaseRefHref", f"The linkbaseRef to {href} does not "
                        "point at a linkbase.", url, ref)
                continue
            wanted = LINKBASE_ROLES.get(ref.get(XLINK_ROLE, ""))
            if wanted is None or target is None:
                continue
            wrong = [link for link in extended_links(target) if link.tag != wanted]
            if wrong:
                tax.add("xbrl.4.3.4:linkbaseRefRole", f"The linkbaseRef to {href} has role "
                        f"{ref.get(XLINK_ROLE)} but its linkbase holds {local_name(wrong[0])}.",
                        url, ref)


def check(tax: Taxonomy) -> None:
    """All linkbase-level rules on the checked documents."""
    _declarations(tax)
    _linkbase_refs(tax)
    for url, linkbase in tax.checked_linkbases():
        _links(tax, url, linkbase)
    _endpoints(tax)


def _endpoints(tax: Taxonomy) -> None:
    """Standard arcs' endpoints (5.2): summation-item between numeric items, and so on."""
    label_roles: dict[str, set[str]] = defaultdict(set)
    for r in tax.relationships():
        if r.arcrole == CONCEPT_LABEL and r.target in tax.nodes:
            label_roles[r.source].add(tax.nodes[r.target].get(XLINK_ROLE) or LABEL_ROLE)
    for r in tax.relationships():
        if r.url not in tax.scope:
            continue
        preferred = r.attr("preferredLabel")
        if r.arcrole == PARENT_CHILD and preferred and preferred not in label_roles[r.target]:
            tax.add("xbrl.5.2.4.2.1:preferredLabelMissing", f"preferredLabel {preferred} names "
                    f"no label of {r.target.rpartition('}')[2]}; add that label or change the "
                    "role.", r.url, r.element)
        if r.arcrole == ESSENCE_ALIAS:
            essence, alias = tax.concepts.get(r.source), tax.concepts.get(r.target)
            if essence is not None and alias is not None and (
                    essence.type_chain[:1] != alias.type_chain[:1]
                    or essence.period_type != alias.period_type
                    or essence.balance != alias.balance):
                tax.add("xbrl.5.2.6.2.2:essenceAliasTypes", "An essence-alias pair must share "
                        f"type, periodType and balance: {r.source.rpartition('}')[2]} and "
                        f"{r.target.rpartition('}')[2]} do not.", r.url, r.element)
        if r.arcrole == SUMMATION:
            for end in (r.source, r.target):
                c = tax.concepts.get(end)
                if c is None or not c.numeric:
                    tax.add("xbrl.5.2.5.2:calcArcNonNumeric", "summation-item relationships "
                            f"join numeric items only; {end.rpartition('}')[2]} is not one.",
                            r.url, r.element)
                    break

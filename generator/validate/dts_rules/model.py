"""What every taxonomy rule reads: the DTS's parsed documents, its concepts and href resolution.

Why one shared view: the rules of XBRL 2.1 (sections 3.5 and 5) and Dimensions 1.0 (section 2)
all ask the same questions (which document is this, what does this locator point at, is this
element an item), so they are answered once here and the rule modules stay short.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree

from generator.validate.dts import LINK, XLINK, XS, Dts, line_of, normalize
from generator.validate.dts_rules import is_standard
from generator.validate.findings import Finding, Severity
from generator.validate.taxonomy import Concept

XBRLI = "http://www.xbrl.org/2003/instance"
XLINK_TYPE, XLINK_HREF = f"{{{XLINK}}}type", f"{{{XLINK}}}href"
XLINK_ROLE, XLINK_ARCROLE = f"{{{XLINK}}}role", f"{{{XLINK}}}arcrole"
XLINK_LABEL, XLINK_FROM, XLINK_TO = f"{{{XLINK}}}label", f"{{{XLINK}}}from", f"{{{XLINK}}}to"

_ELEMENT_SCHEME = re.compile(r"element\(([^)]*)\)")


def local_name(el: etree._Element) -> str:
    """Local name of an element (comments and processing instructions: empty)."""
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def clark(qname: str | None, el: etree._Element) -> str | None:
    """Clark name of a prefixed QName written in ``el``'s scope; None when unresolvable."""
    if not qname:
        return None
    prefix, _, local = qname.strip().rpartition(":")
    ns = el.nsmap.get(prefix or None)
    if ns is None and prefix:
        return None
    return f"{{{ns or ''}}}{local}"


EXEMPT = frozenset({"use", "priority"})


@dataclass(frozen=True, slots=True)
class Rel:
    """One relationship of the DTS: an arc resolved to its endpoints (nodes)."""

    arcrole: str
    elr: str
    link_tag: str
    arc_tag: str
    source: str  # clark name of a concept, else a document-path key
    target: str
    attrs: tuple[tuple[str, str], ...]  # non-XLink attributes, sorted
    priority: int
    prohibited: bool
    url: str
    element: etree._Element

    @property
    def file_url(self) -> str:
        """The document holding the arc."""
        return self.url

    def attr(self, name: str) -> str | None:
        """A non-XLink attribute of the arc."""
        for key, value in self.attrs:
            if key == name:
                return value
        return None

    def equivalence(self) -> tuple[object, ...]:
        """XBRL 2.1 3.5.3.9.7.4: what equivalent relationships share."""
        return (self.arcrole, self.elr, self.link_tag, self.arc_tag, self.source, self.target,
                tuple((k, v) for k, v in self.attrs if k not in EXEMPT))


@dataclass
class Taxonomy:
    """One DTS as the rules see it; findings are collected in ``out``."""

    dts: Dts
    concepts: dict[str, Concept]
    scope: frozenset[str]  # urls of the documents whose own rules are checked
    schema_model: Any = None  # xmlschema model, when it compiled
    # libxml2 schema of the DTS, when its size allows (None: use xmlschema)
    lxml_schema: Callable[[], etree.XMLSchema | None] | None = None
    out: list[Finding] = field(default_factory=list)
    _ids: dict[str, dict[str, etree._Element]] = field(default_factory=dict)
    nodes: dict[str, etree._Element] = field(default_factory=dict)  # endpoint key -> element
    _rels: list[Rel] | None = None
    _all_rels: list[Rel] | None = None
    _role_types: dict[str, list[tuple[str, etree._Element]]] | None = None
    _arcrole_types: dict[str, list[tuple[str, etree._Element]]] | None = None

    def node(self, url: str, el: etree._Element) -> str:
        """Key of a relationship endpoint: a concept's clark name, else where the element is."""
        concept = self.concept_of(el, url)
        key = concept.name if concept is not None else f"{url}|{el.getroottree().getpath(el)}"
        self.nodes.setdefault(key, el)
        return key

    def all_relationships(self) -> list[Rel]:
        """Every arc of every linkbase of the DTS, prohibiting ones included."""
        if self._all_rels is None:
            self._all_rels = []
            for url, linkbase in self.dts.linkbase_elements:
                for link in extended_links(linkbase):
                    self._all_rels.extend(self._link_rels(url, link))
        return self._all_rels

    def _link_rels(self, url: str, link: etree._Element) -> Iterator[Rel]:
        labels: dict[str, list[str]] = {}
        for child in link:
            if not isinstance(child.tag, str):
                continue
            kind, label = child.get(XLINK_TYPE), child.get(XLINK_LABEL)
            if label is None:
                continue
            if kind == "locator":
                href = child.get(XLINK_HREF)
                if href is None:
                    continue
                doc, el, _ = self.resolve(href, child.base or url)
                if el is not None:
                    labels.setdefault(label, []).append(self.node(doc, el))
            elif kind == "resource":
                labels.setdefault(label, []).append(self.node(url, child))
        elr = link.get(XLINK_ROLE, "")
        for arc in typed_children(link, "arc"):
            attrs = tuple(sorted((str(k), str(v)) for k, v in arc.attrib.items()
                                 if not str(k).startswith(f"{{{XLINK}}}")))
            try:
                priority = int(arc.get("priority", "0"))
            except ValueError:
                priority = 0
            for s in labels.get(arc.get(XLINK_FROM, ""), []):
                for t in labels.get(arc.get(XLINK_TO, ""), []):
                    yield Rel(arc.get(XLINK_ARCROLE, ""), elr, str(link.tag), str(arc.tag), s, t,
                              attrs, priority, arc.get("use") == "prohibited", url, arc)

    def relationships(self) -> list[Rel]:
        """The DTS's effective relationships: overridden and prohibited ones removed."""
        if self._rels is None:
            best: dict[tuple[object, ...], list[Rel]] = {}
            for rel in self.all_relationships():
                best.setdefault(rel.equivalence(), []).append(rel)
            self._rels = []
            for group in best.values():
                top = max(r.priority for r in group)
                winners = [r for r in group if r.priority == top]
                if not any(r.prohibited for r in winners):
                    self._rels.append(winners[0])
        return self._rels

    def role_types(self) -> dict[str, list[tuple[str, etree._Element]]]:
        """roleURI -> the link:roleType declarations of the DTS."""
        if self._role_types is None:
            self._role_types = self._declared("roleType", "roleURI")
        return self._role_types

    def arcrole_types(self) -> dict[str, list[tuple[str, etree._Element]]]:
        """arcroleURI -> the link:arcroleType declarations of the DTS."""
        if self._arcrole_types is None:
            self._arcrole_types = self._declared("arcroleType", "arcroleURI")
        return self._arcrole_types

    def _declared(self, tag: str, attr: str) -> dict[str, list[tuple[str, etree._Element]]]:
        found: dict[str, list[tuple[str, etree._Element]]] = {}
        for url, root in self.schema_roots():
            for el in root.iter(f"{{{LINK}}}{tag}"):
                found.setdefault(el.get(attr, ""), []).append((url, el))
        return found

    def display(self, url: str) -> str:
        """A file name for messages: the local path of file URLs, else the URL."""
        parts = urlsplit(url)
        if parts.scheme == "file":
            path = Path(unquote(parts.path))
            try:
                return str(path.relative_to(Path.cwd()))
            except ValueError:
                return str(path)
        return url

    def add(self, code: str, message: str, url: str, el: etree._Element | None = None,
            severity: Severity = Severity.error) -> None:
        """Report a finding on a DTS document (and line, when an element is given)."""
        self.out.append(Finding(code=code, severity=severity, message=message,
                                file=self.display(url),
                                line=line_of(el) if el is not None else None))

    def checked(self) -> Iterator[tuple[str, etree._Element]]:
        """Documents in scope (url, root)."""
        for url, root in self.dts.roots.items():
            if url in self.scope:
                yield url, root

    def checked_linkbases(self) -> Iterator[tuple[str, etree._Element]]:
        """Linkbases in scope, documents and those embedded in schemas."""
        for url, el in self.dts.linkbase_elements:
            if url in self.scope:
                yield url, el

    def schema_roots(self) -> Iterator[tuple[str, etree._Element]]:
        """Every schema document of the DTS (url, root)."""
        for url, root in self.dts.roots.items():
            if root.tag == f"{{{XS}}}schema":
                yield url, root

    def ids(self, url: str) -> dict[str, etree._Element]:
        """Elements of a DTS document by id (``id`` attributes of any namespace-less kind)."""
        found = self._ids.get(url)
        if found is None:
            found = {}
            root = self.dts.roots.get(url)
            if root is not None:
                for el in root.iter():
                    ident = el.get("id") if isinstance(el.tag, str) else None
                    if ident is not None:
                        found.setdefault(ident, el)
            self._ids[url] = found
        return found

    def resolve(self, href: str, base: str) -> tuple[str, etree._Element | None, str]:
        """Resolve an xlink:href: (document url, element or None, problem or '').

        Supports the shorthand pointer and the ``element()`` scheme (as XBRL 2.1 section 3.5.4
        requires); any other XPointer scheme is a problem.
        """
        url = normalize(href, base)
        doc, _, frag = url.partition("#")
        frag = unquote(frag)  # IRIs: tx_Espa%c3%b1a is the id tx_España
        root = self.dts.roots.get(doc)
        if root is None:
            return doc, None, "not in the DTS"
        if not frag:
            return doc, root, ""
        if "(" not in frag:
            el = self.ids(doc).get(frag)
            return doc, el, "" if el is not None else f"no element with id '{frag}'"
        schemes = re.findall(r"(\w+)\(", frag)
        if any(s != "element" for s in schemes):
            return doc, None, "XPointer schemes other than element() are not allowed"
        for pointer in _ELEMENT_SCHEME.findall(frag):
            el = self._element_pointer(doc, root, pointer)
            if el is not None:
                return doc, el, ""
        return doc, None, f"the pointer '{frag}' selects nothing"

    def _element_pointer(self, doc: str, root: etree._Element,
                         pointer: str) -> etree._Element | None:
        first, *steps = pointer.split("/")
        current: etree._Element | None
        if first:
            current = self.ids(doc).get(first)
        else:  # element(/1/...): the document element, then child steps
            if not steps or steps[0] != "1":
                return None
            current, steps = root, steps[1:]
        for step in steps:
            if current is None or not step.isdigit():
                return None
            children = [c for c in current if isinstance(c.tag, str)]
            index = int(step) - 1
            current = children[index] if 0 <= index < len(children) else None
        return current

    def concept_of(self, el: etree._Element | None, doc: str) -> Concept | None:
        """The concept an xs:element declaration defines (global declarations only)."""
        if el is None or el.tag != f"{{{XS}}}element" or el.getparent() is None:
            return None
        parent = el.getparent()
        if parent is None or parent.tag != f"{{{XS}}}schema" or not el.get("name"):
            return None
        ns = parent.get("targetNamespace", "")
        return self.concepts.get(f"{{{ns}}}{el.get('name')}")


def extended_links(linkbase: etree._Element) -> Iterator[etree._Element]:
    """The extended links of a linkbase element."""
    for child in linkbase:
        if isinstance(child.tag, str) and child.get(XLINK_TYPE) == "extended":
            yield child


def typed_children(link: etree._Element, kind: str) -> Iterator[etree._Element]:
    """Children of an extended link with ``xlink:type`` = ``kind``."""
    for child in link:
        if isinstance(child.tag, str) and child.get(XLINK_TYPE) == kind:
            yield child


__all__ = ["LINK", "XBRLI", "XS", "Taxonomy", "clark", "extended_links", "is_standard",
           "local_name", "typed_children"]

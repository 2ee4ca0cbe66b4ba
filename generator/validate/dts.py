"""DTS discovery with purely local resolution.

Why: validation must work offline and reproducibly. URLs are mapped, in order, through taxonomy
package catalogs (``META-INF/catalog.xml`` rewriteURI/rewriteSystem), then to the XBRL base
schemas bundled inside the installed Arelle package; relative references resolve against the
referencing file. Nothing is ever fetched.
"""

from __future__ import annotations

import importlib.util
from collections import deque
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from generator.validate.safe_xml import make_parser

XS = "http://www.w3.org/2001/XMLSchema"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDT = "http://xbrl.org/2005/xbrldt"
CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
XLINK_HREF = f"{{{XLINK}}}href"
TYPED_DOMAIN_REF = f"{{{XBRLDT}}}typedDomainRef"
XSI_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"

#: Base schemas every instance needs, whether or not the taxonomy imports them.
INSTANCE_XSD = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
XBRLDI_XSD = "http://www.xbrl.org/2006/xbrldi-2006.xsd"


@cache
def arelle_cache_dir() -> Path:
    """Arelle's bundled web cache (``resources/cache``), found via the installed package."""
    spec = importlib.util.find_spec("arelle")
    if spec is None or spec.origin is None:
        raise RuntimeError("arelle-release is not installed; it provides the XBRL base schemas")
    return Path(spec.origin).parent / "resources" / "cache"


@dataclass(frozen=True)
class Catalog:
    """URL prefix rewrites from one taxonomy package's ``META-INF/catalog.xml``."""

    rewrites: tuple[tuple[str, str], ...]

    @classmethod
    def from_file(cls, path: Path) -> Catalog:
        """Read rewriteURI / rewriteSystem entries; prefixes resolve against the catalog."""
        root = etree.parse(str(path), make_parser()).getroot()
        base = path.resolve().as_uri()
        pairs: list[tuple[str, str]] = []
        entries = (("rewriteURI", "uriStartString"), ("rewriteSystem", "systemIdStartString"))
        for tag, attr in entries:
            for el in root.iter(f"{{{CATALOG_NS}}}{tag}"):
                start, prefix = el.get(attr), el.get("rewritePrefix")
                if start and prefix is not None:
                    target = urljoin(el.base or base, prefix)
                    if prefix.endswith("/") and not target.endswith("/"):
                        target += "/"
                    pairs.append((start, target))
        pairs.sort(key=lambda p: len(p[0]), reverse=True)
        return cls(tuple(pairs))


@dataclass(frozen=True)
class UrlMapper:
    """Maps any URL met in a DTS to a local file, or says it cannot."""

    catalogs: tuple[Catalog, ...] = ()

    def rewrite(self, url: str) -> str:
        """Apply the longest matching catalog rewrite (first catalog wins on ties)."""
        best: tuple[int, str] | None = None
        for catalog in self.catalogs:
            for start, target in catalog.rewrites:
                if url.startswith(start) and (best is None or len(start) > best[0]):
                    best = (len(start), target + url[len(start):])
        return best[1] if best else url

    def to_local(self, url: str) -> Path | None:
        """Local path for ``url`` (fragment dropped), or None when it is not available offline."""
        url = self.rewrite(url.split("#", 1)[0])
        parts = urlsplit(url)
        if parts.scheme == "file":
            path = Path(unquote(parts.path))
        elif parts.scheme in ("http", "https"):
            path = arelle_cache_dir() / "http" / (parts.netloc + unquote(parts.path))
            if not path.exists() and parts.scheme == "https":
                path = arelle_cache_dir() / "https" / (parts.netloc + unquote(parts.path))
        elif parts.scheme == "":
            path = Path(unquote(parts.path))
        else:
            return None
        return path if path.is_file() else None


class LocalResolver(etree.Resolver):
    """lxml resolver so libxml2 follows schema imports to local files, never the network."""

    def __init__(self, mapper: UrlMapper) -> None:
        super().__init__()
        self.mapper = mapper

    def resolve(  # type: ignore[override]  # lxml passes a context the stubs omit
        self, system_url: str, public_id: str, context: object
    ) -> object:
        """Local file for http(s) or catalog-mapped URLs; None lets libxml2 read file URLs."""
        if system_url.startswith(("http://", "https://")) or self.mapper.catalogs:
            local = self.mapper.to_local(system_url)
            if local is not None:
                return self.resolve_filename(str(local), context)  # type: ignore[attr-defined]
        return None


@dataclass(frozen=True, slots=True)
class Relationship:
    """One arc between two concepts (clark names), with the attributes the checks need."""

    arcrole: str
    elr: str
    source: str
    target: str
    weight: str | None
    order: Decimal
    attrs: tuple[tuple[str, str], ...]
    line: int | None
    file: str

    def attr(self, name: str) -> str | None:
        """An extra arc attribute such as ``{xbrldt}closed``."""
        for key, value in self.attrs:
            if key == name:
                return value
        return None


@dataclass
class Dts:
    """The files, namespaces and relationships reachable from an instance's references."""

    key: tuple[str, ...]
    schema_files: dict[str, Path] = field(default_factory=dict)  # url -> path
    namespaces: dict[str, str] = field(default_factory=dict)  # namespace -> first schema url
    linkbases: dict[str, Path] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)  # "url#id" -> clark name
    elements: int = 0  # global element declarations in all its schemas (its size)
    relationships: list[Relationship] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)  # (url, referenced from)
    # (url, referenced from, the parser's words, line): found but not well-formed XML
    malformed: list[tuple[str, str, str, int | None]] = field(default_factory=list)
    # Parsed documents (url -> root) and linkbases (url, element: a root or one embedded in a
    # schema's appinfo), kept for the taxonomy rules and dropped once they have run.
    typed_domains: dict[str, str] = field(default_factory=dict)  # typed dimension -> element
    roots: dict[str, etree._Element] = field(default_factory=dict, repr=False)
    linkbase_elements: list[tuple[str, etree._Element]] = field(default_factory=list,
                                                                 repr=False)
    referrers: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)

    def release(self) -> None:
        """Forget the parsed documents (the rules that need them have run)."""
        self.roots = {}
        self.linkbase_elements = []


def line_of(el: etree._Element) -> int | None:
    """Source line of an element (lxml-stubs type it loosely)."""
    line: object = el.sourceline
    return line if isinstance(line, int) else None


def normalize(url: str, base: str) -> str:
    """Absolute URL of ``url`` relative to ``base``, fragment kept."""
    return urljoin(base, url.strip())


def discover(entry_urls: list[str], mapper: UrlMapper) -> Dts:
    """Walk schemas (import/include, linkbaseRef) and linkbases (loc, roleRef) from the entries."""
    dts = Dts(key=tuple(sorted(entry_urls)))
    queue: deque[tuple[str, str, str]] = deque((u, "instance", "entry") for u in entry_urls)
    queue.append((INSTANCE_XSD, "xbrlgen", "entry"))
    queue.append((XBRLDI_XSD, "xbrlgen", "entry"))
    seen: set[str] = set()
    parser = make_parser()
    pending_typed: dict[str, str] = {}  # typed dimension -> typedDomainRef URL
    while queue:
        url, referrer, how = queue.popleft()
        url = url.split("#", 1)[0]
        dts.referrers.setdefault(url, []).append((referrer, how))
        if url in seen:
            continue
        seen.add(url)
        local = mapper.to_local(url)
        if local is None:
            dts.missing.append((url, referrer))
            continue
        try:
            root = etree.parse(str(local), parser, base_url=url).getroot()
        except etree.XMLSyntaxError as exc:
            dts.malformed.append((url, referrer, exc.msg or "unreadable", exc.lineno or None))
            continue
        except OSError:
            dts.missing.append((url, referrer))
            continue
        dts.roots[url] = root
        # Schemas a document names by xsi:schemaLocation declare what it uses (custom links
        # and arcs), so they take part in validation, as in Arelle.
        hints = (root.get(XSI_LOCATION) or "").split()
        for loc in hints[1::2]:
            queue.append((normalize(loc, root.base or url), url, "schemaLocation"))
        if root.tag == f"{{{XS}}}schema":
            dts.schema_files[url] = local
            ns = root.get("targetNamespace", "")
            dts.namespaces.setdefault(ns, url)
            for el in root.iterchildren(f"{{{XS}}}element"):
                dts.elements += 1
                ident, name = el.get("id"), el.get("name")
                if ident and name:
                    dts.ids[f"{url}#{ident}"] = f"{{{ns}}}{name}"
                typed_ref = el.get(TYPED_DOMAIN_REF)
                if typed_ref and name:
                    pending_typed[f"{{{ns}}}{name}"] = normalize(typed_ref, el.base or url)
            for el in root.iterchildren(f"{{{XS}}}import", f"{{{XS}}}include"):
                loc = el.get("schemaLocation")
                if loc:
                    queue.append((normalize(loc, el.base or url), url, etree.QName(el).localname))
            for ref in root.iter(f"{{{LINK}}}linkbaseRef"):
                href = ref.get(XLINK_HREF)
                if href:
                    queue.append((normalize(href, ref.base or url), url, "linkbaseRef"))
            for embedded in root.iter(f"{{{LINK}}}linkbase"):
                _queue_linkbase(dts, url, embedded, queue)
        elif root.tag == f"{{{LINK}}}linkbase":
            dts.linkbases[url] = local
            _queue_linkbase(dts, url, root, queue)
    for dim, ref in pending_typed.items():
        domain = dts.ids.get(ref)
        if domain is not None:
            dts.typed_domains[dim] = domain
    for url, element in dts.linkbase_elements:
        _read_arcs(dts, url, element, str(dts.linkbases.get(url) or dts.schema_files[url]))
    _apply_prohibitions(dts)
    return dts


def _queue_linkbase(dts: Dts, url: str, element: etree._Element,
                    queue: deque[tuple[str, str, str]]) -> None:
    """Queue what a linkbase (a document or embedded in a schema) makes part of the DTS."""
    dts.linkbase_elements.append((url, element))
    for el in element.iter(f"{{{LINK}}}loc", f"{{{LINK}}}roleRef", f"{{{LINK}}}arcroleRef"):
        href = el.get(XLINK_HREF)
        if href:
            queue.append((normalize(href, el.base or url), url, etree.QName(el).localname))


def _read_arcs(dts: Dts, url: str, root: etree._Element, file: str) -> None:
    """Turn calculation and definition arcs into concept-to-concept relationships."""
    for link in root:
        if not isinstance(link.tag, str) or link.get(f"{{{XLINK}}}type") != "extended":
            continue
        elr = link.get(f"{{{XLINK}}}role", "")
        labels: dict[str, list[str]] = {}
        for loc in link.iterchildren(f"{{{LINK}}}loc"):
            href = loc.get(XLINK_HREF)
            label = loc.get(f"{{{XLINK}}}label")
            if href and label:
                target, _, frag = normalize(href, loc.base or url).partition("#")
                concept = dts.ids.get(f"{target}#{unquote(frag)}")
                if concept:
                    labels.setdefault(label, []).append(concept)
        for arc in link:
            if not isinstance(arc.tag, str) or arc.get(f"{{{XLINK}}}type") != "arc":
                continue
            arcrole = arc.get(f"{{{XLINK}}}arcrole", "")
            frm, to = arc.get(f"{{{XLINK}}}from", ""), arc.get(f"{{{XLINK}}}to", "")
            # every non-XLink attribute: xbrldt ones for the DRS, use/priority for prohibition,
            # the rest decides equivalence (order, weight, custom attributes: testcase 331)
            extra = tuple(
                (str(k), str(v)) for k, v in arc.attrib.items()
                if not str(k).startswith(f"{{{XLINK}}}")
            )
            try:  # xs:decimal, compared exactly like every other number here
                order = Decimal(arc.get("order", "1"))
            except InvalidOperation:
                order = Decimal(1)
            for s in labels.get(frm, []):
                for t in labels.get(to, []):
                    dts.relationships.append(
                        Relationship(arcrole, elr, s, t, arc.get("weight"), order, extra,
                                     line_of(arc), file)
                    )


_BOOLEANS = {"true": Decimal(1), "false": Decimal(0)}


def _number(text: str | None) -> Decimal | str | None:
    """An attribute value compared as XBRL's s-equal does, roughly: numbers by value (1 and
    1.0 are equal), other text with its whitespace collapsed."""
    if text is None:
        return None
    boolean = _BOOLEANS.get(text.strip())  # xs:boolean: 1 == true (testcase 331)
    if boolean is not None:
        return boolean
    try:
        value = Decimal(text)
    except InvalidOperation:
        return " ".join(text.split())
    return value if value.is_finite() else " ".join(text.split())


def _apply_prohibitions(dts: Dts) -> None:
    """Keep, per equivalent relationship, the highest-priority arc; drop prohibited ones.

    Equivalent (XBRL 2.1 3.5.3.9.7.4): same endpoints, arcrole, ELR and non-exempt attributes;
    an arc with another order or weight neither overrides nor prohibits (testcase 210).
    """
    best: dict[tuple[object, ...], tuple[int, Relationship]] = {}
    for rel in dts.relationships:
        key = (rel.arcrole, rel.elr, rel.source, rel.target, rel.order, _number(rel.weight),
               tuple(sorted((k, _number(v)) for k, v in rel.attrs
                            if k not in ("use", "priority", "order", "weight"))))
        try:
            priority = int(rel.attr("priority") or "0")
        except ValueError:
            priority = 0
        current = best.get(key)
        if current is None or priority >= current[0]:
            best[key] = (priority, rel)
    dts.relationships = [r for _, r in best.values() if r.attr("use") != "prohibited"]

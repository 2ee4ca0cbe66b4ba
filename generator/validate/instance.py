"""One streaming pass over an instance: contexts, units and facts into compact records.

Why streaming: ``lxml.etree.iterparse`` with ``schema=`` validates against the compiled libxml2
schema while parsing, and each top-level element is cleared once read, so memory holds the small
records below instead of the whole tree; one pass does parse, schema and extraction.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from generator.validate.dts import line_of
from generator.validate.findings import Finding, Severity
from generator.validate.safe_xml import parser_options

XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDI = "http://xbrl.org/2006/xbrldi"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_CONTEXT = f"{{{XBRLI}}}context"
_UNIT = f"{{{XBRLI}}}unit"
_REFS = {
    f"{{{LINK}}}schemaRef": "schema",
    f"{{{LINK}}}linkbaseRef": "linkbase",
    f"{{{LINK}}}roleRef": "role",
    f"{{{LINK}}}arcroleRef": "arcrole",
}
_FOOTNOTE_LINK = f"{{{LINK}}}footnoteLink"
_SKIP = {_FOOTNOTE_LINK}


_NO_MEMBERS: Mapping[str, str] = MappingProxyType({})
#: An element's schema default or fixed value and its attributes' ones (see ``psvi``).
ElementDefault = tuple[str | None, tuple[tuple[str, str], ...]]


@dataclass(slots=True)
class Context:
    """A context reduced to what the rules compare.

    Contexts without segment or scenario (most of them) share one empty mapping for their
    dimensions and interned period strings: big files hold tens of thousands of contexts.
    """

    id: str
    line: int | None
    scheme: str
    identifier: str
    period: str  # "instant" | "duration" | "forever" | "invalid"
    start: str | None
    end: str | None
    segment: Mapping[str, str] = field(default_factory=lambda: _NO_MEMBERS)  # dim -> member
    scenario: Mapping[str, str] = field(default_factory=lambda: _NO_MEMBERS)
    typed: Mapping[str, str] = field(  # dimension -> "segment" | "scenario"
        default_factory=lambda: _NO_MEMBERS)
    bad_qnames: Sequence[tuple[str, str]] = ()  # (what, raw qname)
    repeated: Sequence[str] = ()
    other: str = ""  # serialized non-dimensional segment/scenario content
    content: Sequence[tuple[str, str]] = ()  # (where, tag) of each non-dimensional element
    typed_content: Mapping[str, str] = field(  # typed dimension -> its one child's tag or ""
        default_factory=lambda: _NO_MEMBERS)
    key: tuple[Any, ...] = ()
    dim_key: tuple[Any, ...] = ()  # dimensional signature: equal keys, equal XDT verdicts
    cls: int = -1  # c-equal class: contexts with equal ``key`` share it
    xdt_ok: bool | None = None  # context-level XDT verdict, once checked


@dataclass(slots=True)
class Unit:
    """A unit as sorted numerator and denominator measures (clark names)."""

    id: str
    line: int | None
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    bad_qnames: list[str] = field(default_factory=list)
    cls: int = -1  # u-equal class

    @property
    def key(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Structural identity for u-equality."""
        return (self.numerator, self.denominator)


@dataclass(slots=True)
class Fact:
    """An item or tuple; ``value``/``dec`` are filled by the XBRL 2.1 pass for numeric items."""

    concept: str
    id: str | None
    context_ref: str | None
    unit_ref: str | None
    decimals: str | None
    precision: str | None
    nil: bool
    text: str
    line: int | None
    lang: str | None = None
    # Enclosing tuples, outermost first, each by a serial number unique in the run; () for a
    # fact at the top level. XBRL 2.1 scopes calculation and essence-alias bindings by them.
    tuples: tuple[int, ...] = ()
    xbrl_attr: str | None = None  # a tuple's first attribute in an XBRL namespace (4.9)
    value: Decimal | None = None
    dec: int | None = None  # None means INF / exact

    @property
    def in_tuple(self) -> bool:
        """True for a fact inside a tuple."""
        return bool(self.tuples)

    @property
    def parent(self) -> int:
        """The enclosing tuple's serial number, 0 for the instance's root element."""
        return self.tuples[-1] if self.tuples else 0


@dataclass
class Instance:
    """Everything the rule modules need from one instance file."""

    file: str
    root_tag: str = ""
    root_namespaces: frozenset[str] = frozenset()
    refs: list[tuple[str, str, int | None]] = field(default_factory=list)  # (kind, href, line)
    # roleRef/arcroleRef: (kind, roleURI or arcroleURI, line)
    ref_uris: list[tuple[str, str, int | None]] = field(default_factory=list)
    # the root's xsi:schemaLocation pairs: (namespace, location against the root's xml:base)
    schema_hints: list[tuple[str, str]] = field(default_factory=list)
    contexts: dict[str, Context] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    duplicate_ids: list[tuple[str, int | None]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    fatal: bool = False
    schema_failed: bool = False  # streaming validation failed: re-validate a tree for lines
    fact_count: int = 0
    footnote_links: list[etree._Element] = field(default_factory=list)
    _cmap: dict[tuple[Any, ...], int] = field(default_factory=dict)
    _umap: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = field(default_factory=dict)

    def add_context(self, ctx: Context) -> None:
        """Register a context, giving it its c-equal class (small ints hash cheaply)."""
        if ctx.id in self.contexts or ctx.id in self.units:
            self.duplicate_ids.append((ctx.id, ctx.line))
            return
        ctx.cls = self._cmap.setdefault(ctx.key, len(self._cmap))
        self.contexts[ctx.id] = ctx

    def add_unit(self, unit: Unit) -> None:
        """Register a unit with its u-equal class."""
        if unit.id in self.units or unit.id in self.contexts:
            self.duplicate_ids.append((unit.id, unit.line))
            return
        unit.cls = self._umap.setdefault(unit.key, len(self._umap))
        self.units[unit.id] = unit


def _clark(qname: str, nsmap: dict[str | None, str]) -> str | None:
    text = qname.strip()
    prefix, _, local = text.rpartition(":")
    ns = nsmap.get(prefix or None)
    if ns is None or not local:
        return None
    return f"{{{ns}}}{local}"


_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_XSI_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"


def read_head(path: Path) -> Instance:
    """Root tag and schemaRef/linkbaseRef hrefs, read without parsing the rest of the file."""
    inst = Instance(file=str(path))
    depth = 0
    root_base = ""
    try:
        for event, el in etree.iterparse(str(path), events=("start", "end"), **parser_options()):
            if event == "start":
                depth += 1
                if depth == 1:
                    inst.root_tag = el.tag
                    inst.root_namespaces = frozenset(el.nsmap.values())
                    root_base = el.get(_XML_BASE, "")
                    pairs = (el.get(_XSI_LOCATION) or "").split()
                    inst.schema_hints = [(ns, urljoin(root_base, loc))
                                         for ns, loc in zip(pairs[::2], pairs[1::2],
                                                            strict=False)]
                elif depth == 2 and el.tag not in _REFS:
                    break
            else:
                depth -= 1
                if depth == 1 and el.tag in _REFS:
                    href = el.get(f"{{{XLINK}}}href")
                    if href:
                        # xml:base on the root and the reference apply (testcase 307)
                        bases = urljoin(root_base, el.get(_XML_BASE, ""))
                        inst.refs.append((_REFS[el.tag], urljoin(bases, href.strip()),
                                          line_of(el)))
                    uri = el.get("roleURI") or el.get("arcroleURI")
                    if uri:
                        inst.ref_uris.append((_REFS[el.tag], uri, line_of(el)))
    except etree.XMLSyntaxError:
        pass  # reported by the full pass, with its line
    return inst


_ENTITY, _IDENT = f"{{{XBRLI}}}entity", f"{{{XBRLI}}}identifier"
_PERIOD, _SEGMENT, _SCENARIO = f"{{{XBRLI}}}period", f"{{{XBRLI}}}segment", f"{{{XBRLI}}}scenario"
_INSTANT, _START, _END = f"{{{XBRLI}}}instant", f"{{{XBRLI}}}startDate", f"{{{XBRLI}}}endDate"
_FOREVER = f"{{{XBRLI}}}forever"
_EXPLICIT, _TYPED = f"{{{XBRLDI}}}explicitMember", f"{{{XBRLDI}}}typedMember"


_NAN_SERIAL = itertools.count()


def _s_value(text: str) -> str:
    """A text or attribute value as s-equality compares it (XBRL 2.1 4.10): numbers by value
    (0001.234 = 1.234, 0.321E1 = 3.21, +0 = -0), booleans 0/1 = false/true, blanks trimmed."""
    text = text.strip()
    if text in ("true", "false"):
        return "1" if text == "true" else "0"
    if text[:1] in "+-.0123456789" and text:
        try:
            number = Decimal(text)
        except InvalidOperation:
            return text
        if number.is_finite():
            return "0" if number.is_zero() else format(number.normalize(), "f")
    if text == "NaN":  # equal to nothing, itself included (testcase 330 V-16)
        return f"NaN#{next(_NAN_SERIAL)}"
    return text


def _empty(el: etree._Element) -> bool:
    """No character or element children (comments and processing instructions aside): the
    case where XML Schema gives an element its default value."""
    return not el.text and all(not isinstance(c.tag, str) and not c.tail for c in el)


def s_equal_key(el: etree._Element,
                defaults: Mapping[str, ElementDefault] | None = None) -> str:
    """A string equal for s-equal elements: names, attributes in any order and values by
    :func:`_s_value`; comments, processing instructions and blank text ignored.

    ``defaults`` (element name -> schema default value and attribute defaults) fills in what
    the schema supplies, since s-equality compares the PSVI (testcase 395 V-5, V-7).
    """
    attrib = {str(k): str(v) for k, v in el.attrib.items()}
    text = el.text or ""
    default = defaults.get(str(el.tag)) if defaults else None
    if default is not None:
        value, attr_defaults = default
        for name, attr_value in attr_defaults:
            attrib.setdefault(name, attr_value)
        if value is not None and _empty(el):
            text = value
    attrs = " ".join(f"{k}={_s_value(v)!r}" for k, v in sorted(attrib.items()))
    parts = [f"<{el.tag} {attrs}>", _s_value(text)]
    for child in el:
        if isinstance(child.tag, str):
            parts.append(s_equal_key(child, defaults))
        parts.append(_s_value(child.tail or ""))
    parts.append("</>")
    return "".join(parts)


def _read_context(el: etree._Element, shared: dict[str, str],
                  defaults: Mapping[str, ElementDefault] | None = None) -> Context:
    """Direct child walks (no ElementPath): this runs once per context, 20k+ times in big files.

    ``shared`` interns the strings that repeat across contexts (scheme, dates); the identifier
    is shared with the previous context's when equal (one entity per filing, as a rule).
    """
    scheme = identifier = ""
    kind, start, end = "invalid", None, None
    segment: etree._Element | None = None
    scenario: etree._Element | None = None
    for part in el:
        tag = part.tag
        if tag == _ENTITY:
            for sub in part:
                if sub.tag == _IDENT:
                    scheme, identifier = sub.get("scheme", ""), (sub.text or "").strip()
                elif sub.tag == _SEGMENT:
                    segment = sub
        elif tag == _PERIOD:
            for child in part:
                ctag = child.tag
                if ctag == _INSTANT:
                    kind, end = "instant", (child.text or "").strip()
                elif ctag == _START:
                    kind, start = "duration", (child.text or "").strip()
                elif ctag == _END:
                    end = (child.text or "").strip()
                elif ctag == _FOREVER:
                    kind = "forever"
        elif tag == _SCENARIO:
            scenario = part
    intern = shared.setdefault
    scheme = intern(scheme, scheme)
    if start is not None:
        start = intern(start, start)
    if end is not None:
        end = intern(end, end)
    previous = shared.get("\0identifier")
    if previous == identifier:
        identifier = previous
    else:
        shared["\0identifier"] = identifier
    # The empty mappings passed, not left to their default factories: 4 calls per context.
    ctx = Context(el.get("id", ""), line_of(el), scheme, identifier, kind, start, end,
                  _NO_MEMBERS, _NO_MEMBERS, _NO_MEMBERS, (), (), "", (), _NO_MEMBERS)
    if segment is None and scenario is None:
        ctx.key = (scheme, identifier, kind, start, end)
        return ctx
    other: list[str] = []
    content: list[tuple[str, str]] = []
    seen_dims: set[str] = set()
    segment_dims: dict[str, str] = {}
    scenario_dims: dict[str, str] = {}
    typed: dict[str, str] = {}
    bad_qnames: list[tuple[str, str]] = []
    repeated: list[str] = []
    typed_content: dict[str, str] = {}
    ctx.segment, ctx.scenario, ctx.typed = segment_dims, scenario_dims, typed
    ctx.typed_content = typed_content
    ctx.bad_qnames, ctx.repeated = bad_qnames, repeated
    for container, target, where in (
        (segment, segment_dims, "segment"), (scenario, scenario_dims, "scenario")
    ):
        if container is None:
            continue
        for child in container:
            ctag = child.tag
            if not isinstance(ctag, str):
                continue
            if ctag in (_EXPLICIT, _TYPED):
                raw_dim = child.get("dimension", "")
                dim = _clark(raw_dim, child.nsmap)
                if dim is None:
                    bad_qnames.append(("dimension", raw_dim))
                    continue
                if dim in seen_dims:
                    repeated.append(dim)
                seen_dims.add(dim)
                if ctag == _EXPLICIT:
                    member = _clark(child.text or "", child.nsmap)
                    if member is None:
                        bad_qnames.append(("member", (child.text or "").strip()))
                        continue
                    target[dim] = member
                else:
                    typed[dim] = where
                    values = [c for c in child if isinstance(c.tag, str)]
                    typed_content[dim] = str(values[0].tag) if len(values) == 1 else ""
                    other.append(where + s_equal_key(child, defaults))
            else:
                other.append(where + s_equal_key(child, defaults))
                content.extend((where, str(d.tag)) for d in child.iter()
                               if isinstance(d.tag, str))
    ctx.other = "".join(sorted(other))
    ctx.content = content
    seg, scen = frozenset(segment_dims.items()), frozenset(scenario_dims.items())
    ctx.key = (scheme, identifier, kind, start, end, seg, scen, ctx.other)
    # where non-dimensional content sits matters to closed hypercubes
    ctx.dim_key = (seg, scen, frozenset(typed.items()), frozenset(w for w, _ in content))
    return ctx


def _measures(parent: etree._Element | None) -> tuple[tuple[str, ...], list[str]]:
    found: list[str] = []
    bad: list[str] = []
    if parent is None:
        return (), bad
    for m in parent.iterchildren(f"{{{XBRLI}}}measure"):
        clark = _clark(m.text or "", m.nsmap)
        if clark is None:
            bad.append((m.text or "").strip())
        else:
            found.append(clark)
    return tuple(sorted(found)), bad


def _read_unit(el: etree._Element) -> Unit:
    divide = el.find(f"{{{XBRLI}}}divide")
    if divide is not None:
        num, bad1 = _measures(divide.find(f"{{{XBRLI}}}unitNumerator"))
        den, bad2 = _measures(divide.find(f"{{{XBRLI}}}unitDenominator"))
        return Unit(el.get("id", ""), line_of(el), num, den, bad1 + bad2)
    num, bad = _measures(el)
    return Unit(el.get("id", ""), line_of(el), num, (), bad)


_TUPLE_SERIAL = itertools.count(1)
#: Namespaces whose attributes a tuple may not carry (XBRL 2.1 4.9; testcase 104 V-10).
_XBRL_ATTR_PREFIXES = tuple(f"{{{ns}}}" for ns in (
    XBRLI, LINK, XLINK, "http://www.xbrl.org/2003/XLink"))


def _read_fact(el: etree._Element, tag: str, emit: Callable[[Fact], None],
               tuples: tuple[int, ...], shared: dict[str, str]) -> None:
    """One item or tuple (``tag``: ``el.tag``, which lxml builds anew on every read).

    Attributes are read in one ``items()`` call and told apart by comparing names, the usual
    ones first: a fact has two to four, and seven ``get`` calls (one per attribute a rule
    reads), or a dict lookup per name (each fresh string hashed), cost more, 100k+ times.
    """
    context_ref: str | None = None
    fact_id = unit_ref = decimals = precision = nil = lang = context_ref
    attributes: list[tuple[str, str]] = el.items()  # type: ignore[assignment]  # parsed: str
    for name, value in attributes:
        if name == "contextRef":
            context_ref = value
        elif name == "unitRef":
            unit_ref = value
        elif name == "decimals":
            decimals = value
        elif name == "id":
            fact_id = value
        elif name == "precision":
            precision = value
        elif name == XSI_NIL:
            nil = value
        elif name == XML_LANG:
            lang = value
    text = el.text or ""
    xbrl_attr = None
    if context_ref is None:
        xbrl_attr = next((str(k) for k in el.attrib
                          if str(k).startswith(_XBRL_ATTR_PREFIXES)), None)
        if len(el):
            inner = (*tuples, next(_TUPLE_SERIAL))
            for child in el:  # a tuple: its items are facts too
                child_tag = child.tag
                if isinstance(child_tag, str):
                    _read_fact(child, child_tag, emit, inner, shared)
    elif len(el):  # an item with comments or PIs inside: the text after them is value too
        text = "".join(map(str, el.itertext()))
    # lxml returns a new string per call: share the ones that rows of the fact table keep
    # (names, decimals, languages) so 100k facts hold a few hundred strings, not 300k. Context
    # refs are not kept: a row points at its Context, whose id is the same string.
    intern = shared.setdefault
    emit(
        Fact(
            intern(tag, tag),  # comments and PIs never reach here
            fact_id,
            context_ref,
            unit_ref,
            intern(decimals, decimals) if decimals is not None else None,
            precision,
            nil in ("true", "1"),
            text,
            el.sourceline,  # type: ignore[arg-type]  # int | None; the stubs say otherwise
            intern(lang, lang) if lang is not None else None,
            tuples,
            xbrl_attr,
        )
    )


#: Children of the root that are not facts: read as what they are, or skipped.
_NOT_FACTS = frozenset({_CONTEXT, _UNIT, _FOOTNOTE_LINK, *_REFS, *_SKIP})


def stream(path: Path, inst: Instance, schema: etree.XMLSchema | None,
           fact_namespaces: frozenset[str] | None = None,
           on_fact: Callable[[Fact], None] | None = None,
           defaults: Mapping[str, ElementDefault] | None = None) -> Instance:
    """Parse, schema-validate (when ``schema`` is given) and extract in one pass.

    ``defaults``: schema defaults of segment and scenario content, for s-equal contexts.

    With ``fact_namespaces`` (the DTS's concept namespaces) libxml2 only hands Python the
    elements that matter, skipping the many small children of contexts; facts in any other
    namespace are still caught by the schema pass and the concept check of the full walk.
    """
    opts: dict[str, Any] = dict(parser_options())
    if schema is not None:
        opts["schema"] = schema
    if fact_namespaces is not None:
        opts["tag"] = [_CONTEXT, _UNIT, _FOOTNOTE_LINK,
                       *(f"{{{ns}}}*" for ns in sorted(fact_namespaces))]
    etree.clear_error_log()
    emit = on_fact if on_fact is not None else inst.facts.append
    shared: dict[str, str] = {}
    root: etree._Element | None = None
    count = 0
    try:
        for _, el in etree.iterparse(str(path), events=("end",), **opts):
            parent = el.getparent()
            if parent is None:
                continue
            if root is None:
                root = parent if parent.getparent() is None else parent.getroottree().getroot()
            if parent is not root:
                continue
            tag = el.tag
            if tag not in _NOT_FACTS:  # most elements: tested first
                if isinstance(tag, str):
                    _read_fact(el, tag, emit, (), shared)
            elif tag == _CONTEXT:
                inst.add_context(_read_context(el, shared, defaults))
            elif tag == _UNIT:
                inst.add_unit(_read_unit(el))
            elif tag == _FOOTNOTE_LINK:
                inst.footnote_links.append(el)  # kept (detached below) for footnotes.check
            count += 1
            if count & 1023 == 0:
                # Free what was read: only earlier siblings, since libxml2 may already have
                # built elements whose events are still queued.
                while el.getprevious() is not None:
                    del root[0]
    except etree.XMLSyntaxError as exc:
        _syntax_findings(inst, exc)
    return inst


def _syntax_findings(inst: Instance, exc: etree.XMLSyntaxError) -> None:
    log: Any = exc.error_log
    parser_errors = [e for e in log if e.domain_name == "PARSER"]
    if parser_errors or not len(log):
        inst.fatal = True
        inst.findings.append(
            Finding(
                code="xmlSchema:syntax",
                severity=Severity.error,
                message=f"The file is not well-formed XML: {exc.msg}. Fix the markup at this "
                "line; nothing else could be checked.",
                file=inst.file,
                line=exc.lineno or None,
            )
        )
        return
    # libxml2 reports no line numbers while streaming; the caller re-validates a tree.
    inst.schema_failed = True

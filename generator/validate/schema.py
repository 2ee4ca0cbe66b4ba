"""XML Schema validation of instances, with a choice of engine and a compiled-schema cache.

Why two engines: libxml2 (``lxml.etree.XMLSchema``) is ~25x faster and streams, so it validates
instances; xmlschema has the richer model used to read the taxonomy (see ``taxonomy.py``). Both
compile the same in-memory wrapper schema that imports every DTS namespace from its local file,
and the test suite checks that their verdicts agree on the parity corpus.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from lxml import etree

from generator.validate.dts import INSTANCE_XSD, Dts, LocalResolver, UrlMapper
from generator.validate.findings import Finding, Severity
from generator.validate.safe_xml import make_parser

Engine = Literal["auto", "lxml", "xmlschema"]

#: ``auto`` picks libxml2 up to this many global element declarations in the DTS, xmlschema
#: beyond: libxml2 compiles a schema whose substitution groups hold thousands of elements in
#: minutes (the 3,441 items of conformance testcase 391: ~270 s; xmlschema: ~1 s), while it
#: compiles and streams the usual filer's DTS fastest.
AUTO_LXML_MAX_ELEMENTS = 2000


def pick_engine(engine: Engine, dts: Dts) -> Literal["lxml", "xmlschema"]:
    """The engine to use for instances of ``dts`` (``auto`` resolved by the DTS's size)."""
    if engine == "auto":
        return "lxml" if dts.elements <= AUTO_LXML_MAX_ELEMENTS else "xmlschema"
    return engine

#: libxml2 error types mapped onto Arelle's codes, so both validators speak the same language.
_LIBXML_CODES: dict[str, str] = {
    "SCHEMAV_CVC_COMPLEX_TYPE_4": "xmlSchema:attributesRequired",
    "SCHEMAV_CVC_COMPLEX_TYPE_3_2_1": "xmlSchema:attributeNotExpected",
    "SCHEMAV_CVC_COMPLEX_TYPE_3_2_2": "xmlSchema:attributeNotExpected",
    "SCHEMAV_CVC_COMPLEX_TYPE_2_4": "xmlSchema:elementUnexpected",
    "SCHEMAV_CVC_COMPLEX_TYPE_2_3": "xmlSchema:elementUnexpected",
    "SCHEMAV_CVC_ELT_1": "xmlSchema:elementUnexpected",
    "SCHEMAV_ELEMENT_CONTENT": "xmlSchema:elementUnexpected",
    "SCHEMAV_CVC_IDC_DUPLICATE": "xml.3.3.1:idMustBeUnique",
}


def libxml_code(type_name: str, message: str) -> str:
    """Arelle-style code for a libxml2 schema error."""
    if "is not unique" in message or ("duplicate" in message.lower() and "ID" in message):
        return "xml.3.3.1:idMustBeUnique"
    return _LIBXML_CODES.get(type_name, "xmlSchema:valueError")


def quoteattr(value: str) -> str:
    """``value`` as a double-quoted XML attribute (what ``xml.sax.saxutils.quoteattr`` gives
    for these URLs; that module imports ``urllib.request``, ~10 ms of every run)."""
    escaped = (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
               .replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
               .replace("\t", "&#9;"))
    return f'"{escaped}"'


def wrapper_xsd(dts: Dts) -> str:
    """An importing schema: one xs:import per DTS namespace at its original location."""
    imports = "".join(
        f"<xs:import namespace={quoteattr(ns)} schemaLocation={quoteattr(url)}/>"
        for ns, url in sorted(dts.namespaces.items()) if ns
    )
    return f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'


#: The XBRL instance root's open-ended ``choice maxOccurs="unbounded"`` makes libxml2's content
#: automaton keep every root child it has seen while streaming (~130 bytes per fact, freed only
#: at the end of the file); the same language written as a repeated ``sequence`` of one
#: ``choice`` keeps it flat. Applied to the libxml2 compile only, and only when the base schema
#: has exactly the published text.
_ROOT_CHOICE = re.compile(
    r'(<element name="xbrl">.*?<element ref="link:arcroleRef" minOccurs="0" '
    r'maxOccurs="unbounded"\s*/>\s*)<choice minOccurs="0" maxOccurs="unbounded">(.*?)</choice>',
    re.S)


def streaming_instance_schema(text: str) -> str | None:
    """The XBRL instance schema with the root's choice loop rewritten; None if not found."""
    patched, count = _ROOT_CHOICE.subn(
        r'\1<sequence minOccurs="0" maxOccurs="unbounded"><choice>\2</choice></sequence>',
        text, count=1)
    return patched if count == 1 else None


class _StreamingResolver(LocalResolver):
    """LocalResolver that hands libxml2 the streaming-friendly XBRL instance schema."""

    def resolve(  # type: ignore[override]  # lxml passes a context the stubs omit
        self, system_url: str, public_id: str, context: object
    ) -> object:
        if system_url == INSTANCE_XSD:
            local = self.mapper.to_local(system_url)
            if local is not None:
                patched = streaming_instance_schema(local.read_text(encoding="utf-8"))
                if patched is not None:
                    return self.resolve_string(patched, context, base_url=system_url)
        return super().resolve(system_url, public_id, context)


class CompiledSchemas:
    """Compiled schema objects for one DTS, built lazily per engine and then reused."""

    def __init__(self, dts: Dts, mapper: UrlMapper) -> None:
        self.dts = dts
        self.mapper = mapper
        self._lxml: etree.XMLSchema | None = None
        self._xmlschema: Any = None

    def lxml(self) -> etree.XMLSchema:
        """libxml2 schema; imports are fetched through the local resolver only."""
        if self._lxml is None:
            parser = make_parser(_StreamingResolver(self.mapper))
            doc = etree.fromstring(
                wrapper_xsd(self.dts).encode(), parser, base_url="file:///xbrlgen-wrapper.xsd"
            )
            self._lxml = etree.XMLSchema(etree.ElementTree(doc))
        return self._lxml

    def xmlschema(self) -> Any:
        """xmlschema schema (slower, richer model), URLs mapped to local files."""
        if self._xmlschema is None:
            import xmlschema

            def uri_mapper(url: str) -> str:
                local = self.mapper.to_local(url)
                # resolve(): as_uri() refuses a relative path (ValueError)
                return local.resolve().as_uri() if local is not None else url

            self._xmlschema = xmlschema.XMLSchema(
                wrapper_xsd(self.dts), uri_mapper=uri_mapper, base_url=str(Path.cwd())
            )
        return self._xmlschema


def lxml_findings(error_log: Any, file: str) -> list[Finding]:
    """Turn a libxml2 error log into findings (deduplicated: iterparse repeats entries)."""
    out: list[Finding] = []
    seen: set[tuple[int, str]] = set()
    for entry in error_log:
        if entry.domain_name not in ("SCHEMASV", "VALID"):
            continue
        line = int(entry.line) or None
        if line is None and any(m == entry.message for _, m in seen):
            continue
        key = (line or 0, entry.message)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Finding(
                code=libxml_code(entry.type_name, entry.message),
                severity=Severity.error,
                message=f"{entry.message} Fix the value or element so it matches the taxonomy "
                "schema.",
                file=file,
                line=line,
            )
        )
    return out


def validate_tree(
    tree: etree._ElementTree, schemas: CompiledSchemas, file: str, engine: Engine = "lxml"
) -> list[Finding]:
    """Schema-validate a parsed instance with the chosen engine (used for parity and fallback)."""
    if engine == "lxml":
        schema = schemas.lxml()
        if schema.validate(tree):
            return []
        return lxml_findings(schema.error_log, file)
    out: list[Finding] = []
    for err in schemas.xmlschema().iter_errors(tree):
        elem = getattr(err, "elem", None)
        line = getattr(elem, "sourceline", None)
        reason = getattr(err, "reason", None) or str(err).splitlines()[0]
        if reason.startswith("IDREF ") and "not found" in reason:
            # Dangling contextRef/unitRef: libxml2 and Arelle leave these to the XBRL 2.1 rules
            # (xbrl.4.6.1:itemContextRef, xbrl.4.6.2:numericUnit), which say more.
            continue
        code = "xmlSchema:valueError"
        if "is not unique" in reason or "duplicated" in reason:
            code = "xml.3.3.1:idMustBeUnique"
        elif "missing required attribute" in reason:
            code = "xmlSchema:attributesRequired"
        elif "Unexpected child" in reason or "is not an element of the schema" in reason:
            code = "xmlSchema:elementUnexpected"
        out.append(Finding(code=code, severity=Severity.error, message=reason, file=file,
                           line=line if isinstance(line, int) else None))
    return out

"""XML Schema validity of the DTS's own documents (XBRL 2.1 section 3: every taxonomy document
must be schema-valid).

Why xmlschema: the model of the whole DTS is needed anyway (concepts), and it can validate one
element or one attribute value on its own, which lax assessment of ``xs:appinfo`` content and
of foreign attributes on schema components needs (testcases 114, 161, 214). Linkbase documents
are validated strictly against the DTS's declarations.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from generator.validate.dts_rules.model import XS, Taxonomy, local_name
from generator.validate.safe_xml import make_parser

CODE = "xmlSchema:valueError"


def _first_reason(errors: list[Any]) -> str:
    err = errors[0]
    return str(getattr(err, "reason", None) or str(err).splitlines()[0])


def _element_errors(model: Any, el: etree._Element) -> list[Any]:
    """Errors of ``el`` against its global declaration; lax: undeclared elements recurse."""
    decl = model.maps.elements.get(el.tag) if isinstance(el.tag, str) else None
    if decl is None:
        errors: list[Any] = []
        for child in el:
            if isinstance(child.tag, str):
                errors.extend(_element_errors(model, child))
        return errors
    try:
        # QName content (link:usedOn) resolves in the element's own scope
        namespaces = {k or "": v for k, v in el.nsmap.items()}
        # a detached copy: xmlschema would otherwise take in the whole document around it
        return list(model.iter_errors(_detached(el), namespaces=namespaces))
    except Exception as exc:  # an engine limit is not the document's fault; say so plainly
        return [exc]


_NO_DECLARATION = "No matching global declaration available for the validation root"


def _detached(el: etree._Element) -> etree._Element:
    """A standalone copy keeping every in-scope namespace (QName content such as usedOn needs
    them; a deepcopy keeps only the prefixes its element and attribute names use)."""
    return etree.fromstring(etree.tostring(el), make_parser())


def _lxml_element_errors(schema: etree.XMLSchema, el: etree._Element) -> list[str]:
    """libxml2 on a detached copy of ``el``; lax: undeclared elements recurse."""
    if schema.validate(etree.ElementTree(_detached(el))):
        return []
    first = schema.error_log.last_error  # type: ignore[attr-defined]
    message = str(first.message) if first is not None else "invalid"
    if _NO_DECLARATION in message:
        errors: list[str] = []
        for child in el:
            if isinstance(child.tag, str):
                errors.extend(_lxml_element_errors(schema, child))
        return errors
    return [message]


def _appinfo_errors(tax: Taxonomy, el: etree._Element) -> list[str]:
    """Errors of one xs:appinfo child, laxly assessed (libxml2 when the DTS allows it)."""
    schema = tax.lxml_schema() if tax.lxml_schema is not None else None
    if schema is not None:
        return _lxml_element_errors(schema, el)
    return [_first_reason(e) for e in [_element_errors(tax.schema_model, el)] if e]


def _attribute_errors(model: Any, el: etree._Element) -> list[tuple[str, str]]:
    """Foreign attributes on schema components, laxly: checked when declared globally."""
    out: list[tuple[str, str]] = []
    for name, value in el.attrib.items():
        key = str(name)
        if not key.startswith("{") or key.startswith(f"{{{XS}}}"):
            continue
        decl = model.maps.attributes.get(key)
        if decl is None:
            continue
        try:
            ok = decl.type.is_valid(value) if decl.type.is_simple() else True
        except Exception:
            ok = True
        if not ok:
            out.append((key, str(value)))
    return out


def _linkbase_errors(tax: Taxonomy, root: etree._Element) -> list[str]:
    """A linkbase document's errors: libxml2 when the DTS allows it (fast), else xmlschema."""
    if tax.lxml_schema is not None:
        schema = tax.lxml_schema()
        if schema is not None:
            if schema.validate(root.getroottree()):
                return []
            first = schema.error_log.last_error  # type: ignore[attr-defined]
            return [str(first.message) if first is not None else "invalid"]
    return [_first_reason(e) for e in [_element_errors(tax.schema_model, root)] if e]


XML_NS = "{http://www.w3.org/XML/1998/namespace}"
_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")


def _xml_attributes(tax: Taxonomy, url: str, root: etree._Element) -> None:
    """xml:lang (xs:language) and xml:space values: the lax wildcards on XLink resources let
    them through libxml2 unchecked (testcase 214)."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        lang, space = el.get(f"{XML_NS}lang"), el.get(f"{XML_NS}space")
        if lang is not None and lang != "" and not _LANGUAGE.fullmatch(lang):
            tax.add(CODE, f"xml:lang '{lang}' is not a language code (xs:language).", url, el)
        if space is not None and space not in ("default", "preserve"):
            tax.add(CODE, f"xml:space '{space}' must be default or preserve.", url, el)


def check(tax: Taxonomy) -> None:
    """Report schema-invalid linkbases, appinfo content and foreign attribute values."""
    model = tax.schema_model
    if model is None:
        return
    for url, root in tax.checked():
        if root.tag == f"{{{XS}}}schema":
            for appinfo in root.iter(f"{{{XS}}}appinfo"):
                for child in appinfo:
                    if not isinstance(child.tag, str):
                        continue
                    errors = _appinfo_errors(tax, child)
                    if errors:
                        tax.add(CODE, f"<{local_name(child)}> in xs:appinfo is not valid "
                                f"against its declaration: {errors[0]} Fix it so the "
                                "taxonomy is schema-valid.", url, child)
            for el in root.iter(f"{{{XS}}}element", f"{{{XS}}}attribute",
                                f"{{{XS}}}complexType", f"{{{XS}}}simpleType"):
                for key, value in _attribute_errors(model, el):
                    tax.add(CODE, f"Attribute {key} = '{value}' is not valid for its "
                            "declared type. Use a value of that type.", url, el)
        else:
            _xml_attributes(tax, url, root)
            reasons = _linkbase_errors(tax, root)
            if reasons:
                tax.add(CODE, f"The linkbase is not schema-valid: {reasons[0]} Fix the "
                        "element named so it matches the XBRL linkbase schema.", url, root)

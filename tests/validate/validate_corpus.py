"""Parity corpus: the valid fixture instance and one-fault mutations of it.

Each mutation breaks exactly one rule so a test can ask both validators whether they notice it.
Kept apart from the test module so the benchmark and ad-hoc scripts can build the same files.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

FIXTURES = Path(__file__).parent / "fixtures"
TAXONOMY = FIXTURES / "taxonomy"
VALID = FIXTURES / "valid.xbrl"

XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDI = "http://xbrl.org/2006/xbrldi"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
FX = "http://example.com/xbrlgen/fixture/2024"

Edit = Callable[[etree._Element], None]
TaxEdit = Callable[[Path], None]


@dataclass(frozen=True)
class Mutation:
    """One deliberate fault: how to make it and which code family should report it."""

    name: str
    family: str
    edit: Edit | None = None
    text_edit: Callable[[str], str] | None = None
    tax_edit: TaxEdit | None = None
    calc_mode: str = "rounding"
    arelle_silent: bool = False  # Arelle 2.47.3 does not report this fault; xbrlgen does


def _fact(root: etree._Element, fact_id: str) -> etree._Element:
    found = root.xpath(f"//*[@id='{fact_id}']")
    assert isinstance(found, list) and found
    el = found[0]
    assert isinstance(el, etree._Element)
    return el


def _context(root: etree._Element, ctx_id: str) -> etree._Element:
    return _fact(root, ctx_id)


def _set(fact_id: str, **attrs: str) -> Edit:
    def edit(root: etree._Element) -> None:
        el = _fact(root, fact_id)
        for key, value in attrs.items():
            el.set(key, value)

    return edit


def _unset(fact_id: str, attr: str) -> Edit:
    def edit(root: etree._Element) -> None:
        del _fact(root, fact_id).attrib[attr]

    return edit


def _text(fact_id: str, value: str) -> Edit:
    def edit(root: etree._Element) -> None:
        _fact(root, fact_id).text = value

    return edit


def _member(qname: str, dimension: str = "fx:SegmentAxis") -> Edit:
    def edit(root: etree._Element) -> None:
        ctx = _context(root, "CurrentYearDuration_SegmentAMember")
        member = ctx.find(f".//{{{XBRLDI}}}explicitMember")
        assert member is not None
        member.text = qname
        member.set("dimension", dimension)

    return edit


def _period(ctx_id: str, start: str, end: str) -> Edit:
    def edit(root: etree._Element) -> None:
        ctx = _context(root, ctx_id)
        s = ctx.find(f".//{{{XBRLI}}}startDate")
        e = ctx.find(f".//{{{XBRLI}}}endDate")
        assert s is not None and e is not None
        s.text, e.text = start, end

    return edit


def _duplicate(fact_id: str, value: str) -> Edit:
    def edit(root: etree._Element) -> None:
        el = _fact(root, fact_id)
        copy = etree.fromstring(etree.tostring(el))
        copy.set("id", fact_id + "dup")
        copy.text = value
        el.addnext(copy)

    return edit


def _remove_schema_ref(root: etree._Element) -> None:
    ref = root.find(f"{{{LINK}}}schemaRef")
    assert ref is not None
    root.remove(ref)


def _duplicate_context_id(root: etree._Element) -> None:
    _context(root, "CurrentYearInstant").set("id", "CurrentYearDuration")


def _segment_not_scenario(root: etree._Element) -> None:
    ctx = _context(root, "CurrentYearDuration_SegmentAMember")
    scenario = ctx.find(f"{{{XBRLI}}}scenario")
    entity = ctx.find(f"{{{XBRLI}}}entity")
    assert scenario is not None and entity is not None
    segment = etree.SubElement(entity, f"{{{XBRLI}}}segment")
    for child in list(scenario):
        segment.append(child)
    ctx.remove(scenario)


def _dimension_twice(root: etree._Element) -> None:
    ctx = _context(root, "CurrentYearDuration_SegmentAMember")
    entity = ctx.find(f"{{{XBRLI}}}entity")
    member = ctx.find(f".//{{{XBRLDI}}}explicitMember")
    assert entity is not None and member is not None
    segment = etree.SubElement(entity, f"{{{XBRLI}}}segment")
    segment.append(etree.fromstring(etree.tostring(member)))


def _wrong_root(text: str) -> str:
    return text.replace("<xbrli:xbrl ", '<xbrli:xbrl xmlns:bad="http://example.com/not-xbrl" ', 1)\
        .replace("<xbrli:xbrl ", "<bad:xbrl ", 1).replace("</xbrli:xbrl>", "</bad:xbrl>")


def _doctype(text: str) -> str:
    decl = '<?xml version="1.0" encoding="UTF-8"?>'
    return text.replace(
        decl,
        decl + '\n<!DOCTYPE xbrli:xbrl [<!ENTITY ext SYSTEM "file:///etc/hostname">]>',
        1,
    ).replace(">Internet Initiative Japan Inc.<", ">&ext;<")


def _malformed(text: str) -> str:
    return text.replace("</fx:Revenue>", "</fx:Revenu>", 1)


def _unit_measure(unit_id: str, measure: str) -> Edit:
    def edit(root: etree._Element) -> None:
        unit = _context(root, unit_id)
        m = unit.find(f".//{{{XBRLI}}}measure")
        assert m is not None
        m.text = measure

    return edit


def _undeclared_concept(root: etree._Element) -> None:
    el = _fact(root, "f1")
    copy = etree.SubElement(root, f"{{{FX}}}NoSuchConcept")
    copy.attrib.update({k: v for k, v in el.attrib.items() if k != "id"})
    copy.text = "1000000"


def _balance_weight(tax: Path) -> None:
    cal = tax / "fx-cal.xml"
    text = cal.read_text(encoding="utf-8")
    # GrossProfit (credit) = Revenue (credit) with weight -1: illegal by balance.
    old, new = 'xlink:to="Revenue" order="1" weight="1"', 'xlink:to="Revenue" order="1" weight="-1"'
    text = text.replace(old, new)
    cal.write_text(text, encoding="utf-8")


MUTATIONS: list[Mutation] = [
    Mutation("missing_context", "xbrl", _set("f1", contextRef="NoSuchContext")),
    Mutation("missing_unit", "xbrl", _set("f1", unitRef="NoSuchUnit")),
    Mutation("numeric_without_unit", "xbrl", _unset("f2", "unitRef")),
    Mutation("period_type_mismatch", "xbrl", _set("f7", contextRef="CurrentYearDuration")),
    Mutation("instant_for_duration", "xbrl", _set("f1", contextRef="CurrentYearInstant")),
    Mutation("bad_decimals", "xmlSchema", _set("f8", decimals="two")),
    Mutation("both_precision_decimals", "xbrl", _set("f8", precision="9")),
    Mutation("missing_decimals", "xbrl", _unset("f8", "decimals")),
    Mutation("monetary_unit_not_currency", "xbrl", _set("f7", unitRef="Shares")),
    Mutation("shares_unit_not_shares", "xbrl", _set("f8", unitRef="JPY")),
    Mutation("calc_rounding", "calc11e", _text("f3", "58000000000")),
    Mutation("calc_truncation", "calc11e", _text("f3", "58000000000"), calc_mode="truncation"),
    Mutation("excess_digits", "calc11e", _text("f1", "271000000001")),
    Mutation("inconsistent_duplicate", "duplicate", _duplicate("f8", "180000001")),
    Mutation("dimension_member_invalid", "xbrldie", _member("fx:UnrelatedMember")),
    Mutation("default_member_in_instance", "xbrldie", _member("fx:AllSegmentsMember")),
    Mutation("unknown_dimension", "xbrldie", _member("fx:SegmentAMember", "fx:NoSuchAxis")),
    Mutation("dimension_in_segment_and_scenario", "xbrldie", _dimension_twice),
    Mutation("wrong_root_namespace", "xbrl", text_edit=_wrong_root, arelle_silent=True),
    Mutation("bad_date", "xmlSchema", _period("CurrentYearDuration", "2024-04-01", "2025-02-30")),
    Mutation("start_after_end", "xbrl", _period("CurrentYearDuration", "2025-04-01", "2025-03-31")),
    Mutation("unknown_unit_measure", "utr", _unit_measure("JPY", "iso4217:JPX")),
    Mutation("non_numeric_value", "xmlSchema", _text("f1", "271 billion")),
    Mutation("nil_with_decimals", "xbrl", _set("f13", decimals="-6")),
    Mutation("missing_schema_ref", "xbrl", _remove_schema_ref),
    Mutation("doctype_refused", "xml", text_edit=_doctype, arelle_silent=True),
    Mutation("malformed_xml", "xmlSchema", text_edit=_malformed),
    Mutation("duplicate_context_id", "xml", _duplicate_context_id),
    Mutation("undeclared_concept", "xbrl", _undeclared_concept),
    Mutation("balance_calc_weight", "xbrl", tax_edit=_balance_weight),
]

#: Instances that look suspicious but are valid; both validators must stay silent.
VALID_VARIANTS: list[Mutation] = [
    # XDT: a closed hypercube constrains only its own context element, so a dimension moved to
    # the segment is unconstrained there and the scenario falls back to the default member.
    Mutation("dimension_in_segment_not_constrained", "", _segment_not_scenario),
]


def write_case(mutation: Mutation | None, dest: Path) -> Path:
    """Write the valid instance (and a private taxonomy copy) with one fault into ``dest``."""
    tax = dest / "taxonomy"
    shutil.copytree(TAXONOMY, tax, dirs_exist_ok=True)
    text = VALID.read_text(encoding="utf-8")
    if mutation is not None and mutation.tax_edit is not None:
        mutation.tax_edit(tax)
    if mutation is not None and mutation.edit is not None:
        root = etree.fromstring(text.encode("utf-8"))
        mutation.edit(root)
        text = '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode")
    if mutation is not None and mutation.text_edit is not None:
        text = mutation.text_edit(text)
    name = mutation.name if mutation is not None else "valid"
    out = dest / f"{name}.xbrl"
    out.write_text(text, encoding="utf-8")
    return out

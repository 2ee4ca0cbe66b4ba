"""Units Registry (UTR) check: which measures an item type may use.

Why: a unit such as ``iso4217:JPX`` is schema-valid but not a currency; the registry shipped with
Arelle lists the measures each registered item type allows (``utre:`` codes, as Arelle's --utr).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from lxml import etree

from generator.validate.dts import arelle_cache_dir
from generator.validate.safe_xml import make_parser

UTR_NS = "http://www.xbrl.org/2009/utr"
XBRLI = "http://www.xbrl.org/2003/instance"
DTR_NUM = "http://www.xbrl.org/dtr/type/numeric"


@dataclass
class Registry:
    """Allowed simple measures per item type, and numerator/denominator types per ratio type."""

    simple: dict[str, set[str]] = field(default_factory=dict)  # type clark -> measure clarks
    # type -> (numerator type, denominator type)
    ratios: dict[str, set[tuple[str, str]]] = field(default_factory=dict)


def _type_clark(ns: str | None, local: str) -> str:
    if ns:
        return f"{{{ns}}}{local}"
    return f"{{{XBRLI if local in _XBRLI_TYPES else DTR_NUM}}}{local}"


_XBRLI_TYPES = {"monetaryItemType", "sharesItemType", "pureItemType"}


@cache
def registry() -> Registry:
    """Load the newest ``utr.xml`` from Arelle's bundled cache (once per process)."""
    path = arelle_cache_dir() / "http" / "www.xbrl.org" / "utr" / "utr.xml"
    reg = Registry()
    root = etree.parse(str(path), make_parser()).getroot()
    q = f"{{{UTR_NS}}}"
    for unit in root.iter(f"{q}unit"):
        status = unit.findtext(f"{q}status") or "REC"
        if status not in ("REC", "CR"):
            continue
        item_type = unit.findtext(f"{q}itemType")
        if not item_type:
            continue
        type_clark = _type_clark(unit.findtext(f"{q}nsItemType"), item_type)
        num_type = unit.findtext(f"{q}numeratorItemType")
        if num_type:
            den_type = unit.findtext(f"{q}denominatorItemType") or ""
            reg.ratios.setdefault(type_clark, set()).add(
                (
                    _type_clark(unit.findtext(f"{q}nsNumeratorItemType"), num_type),
                    _type_clark(unit.findtext(f"{q}nsDenominatorItemType"), den_type),
                )
            )
            continue
        ns_unit = unit.findtext(f"{q}nsUnit") or UTR_NS
        unit_id = unit.findtext(f"{q}unitId") or ""
        reg.simple.setdefault(type_clark, set()).add(f"{{{ns_unit}}}{unit_id}")
    return reg


def unit_allowed(type_chain: tuple[str, ...], numerator: tuple[str, ...],
                 denominator: tuple[str, ...]) -> bool | None:
    """True/False when the nearest registered type in the chain decides; None if none is."""
    reg = registry()
    for type_clark in type_chain:
        if type_clark in reg.simple or type_clark in reg.ratios:
            if not denominator and len(numerator) == 1 and type_clark in reg.simple:
                return numerator[0] in reg.simple[type_clark]
            if len(numerator) == 1 and len(denominator) == 1 and type_clark in reg.ratios:
                return any(
                    numerator[0] in reg.simple.get(n, set())
                    and denominator[0] in reg.simple.get(d, set())
                    for n, d in reg.ratios[type_clark]
                )
            return False
    return None

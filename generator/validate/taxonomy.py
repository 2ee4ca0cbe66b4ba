"""The concept model of a DTS: what each element name means for the XBRL rules.

Why xmlschema here: its model resolves type derivation and substitution-group chains across
imports, which the rules need (is this a monetary item? numeric? a dimension?). It is built once
per DTS and cached, so its cost is paid once per taxonomy, not per file.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDT = "http://xbrl.org/2005/xbrldt"
XS = "http://www.w3.org/2001/XMLSchema"

_NUMERIC_PRIMITIVES = {f"{{{XS}}}decimal", f"{{{XS}}}float", f"{{{XS}}}double"}


@dataclass(frozen=True, slots=True)
class Concept:
    """The facts about one taxonomy element that instance rules depend on."""

    name: str  # clark
    kind: str  # "item", "tuple", "hypercube", "dimension", "other"
    period_type: str | None
    balance: str | None
    abstract: bool
    nillable: bool
    numeric: bool
    monetary: bool
    shares: bool
    pure: bool
    fraction: bool
    type_chain: tuple[str, ...]  # clark names of the type and its ancestors
    # Schema defaults (PSVI): the element's default or fixed value, and its type's attributes
    # with a default or fixed value, as (name, value); an instance that leaves them out has them.
    default: str | None = None
    attr_defaults: tuple[tuple[str, str], ...] = ()


def _substitution_chain(element: Any) -> list[str]:
    chain: list[str] = []
    current = element
    while current is not None and len(chain) < 20:
        group = getattr(current, "substitution_group", None)
        if not group:
            break
        chain.append(group)
        current = current.maps.elements.get(group) if hasattr(current, "maps") else None
    return chain


def _type_chain(xsd_type: Any) -> list[str]:
    chain: list[str] = []
    current = xsd_type
    while current is not None and len(chain) < 30:
        if current.name:
            chain.append(current.name)
        base = getattr(current, "base_type", None)
        if base is None or base is current:
            break
        current = base
    return chain


def _is_numeric(xsd_type: Any, chain: list[str]) -> bool:
    if f"{{{XBRLI}}}fractionItemType" in chain:
        return True
    # simple types (built-ins included) have no .content: only complex types with simple content
    content = (xsd_type.content
               if not xsd_type.is_simple() and xsd_type.has_simple_content() else None)
    simple = content if content is not None else (xsd_type if xsd_type.is_simple() else None)
    if simple is None:
        return False
    primitive = getattr(simple, "primitive_type", None)
    if primitive is not None and primitive.name in _NUMERIC_PRIMITIVES:
        return True
    # Unions such as xbrli:decimalItemType bases are decided by their ancestors.
    return any(name in _NUMERIC_PRIMITIVES for name in _type_chain(simple))


def _attr_defaults(xsd_type: Any) -> tuple[tuple[str, str], ...]:
    """Attributes of a type that have a default or fixed value (the wildcard skipped)."""
    found: list[tuple[str, str]] = []
    for name, attr in getattr(xsd_type, "attributes", {}).items():
        value = attr.fixed if attr.fixed is not None else attr.default
        if isinstance(name, str) and value is not None:
            found.append((name, str(value)))
    return tuple(sorted(found))


def build_concepts(schema: Any) -> dict[str, Concept]:
    """Concepts of every global element that is an item, tuple, hypercube or dimension."""
    concepts: dict[str, Concept] = {}
    for name, element in schema.maps.elements.items():
        subs = _substitution_chain(element)
        if f"{{{XBRLDT}}}hypercubeItem" in subs:
            kind = "hypercube"
        elif f"{{{XBRLDT}}}dimensionItem" in subs:
            kind = "dimension"
        elif f"{{{XBRLI}}}item" in subs:
            kind = "item"
        elif f"{{{XBRLI}}}tuple" in subs:
            kind = "tuple"
        else:
            kind = "other"
        src = element.elem
        chain = _type_chain(element.type)
        numeric = kind == "item" and _is_numeric(element.type, chain)
        concepts[name] = Concept(
            name=name,
            kind=kind,
            period_type=src.get(f"{{{XBRLI}}}periodType"),
            balance=src.get(f"{{{XBRLI}}}balance"),
            abstract=src.get("abstract", "false") in ("true", "1"),
            nillable=src.get("nillable", "false") in ("true", "1"),
            numeric=numeric,
            monetary=f"{{{XBRLI}}}monetaryItemType" in chain,
            shares=f"{{{XBRLI}}}sharesItemType" in chain,
            pure=f"{{{XBRLI}}}pureItemType" in chain,
            fraction=f"{{{XBRLI}}}fractionItemType" in chain,
            type_chain=tuple(chain),
            default=element.fixed if element.fixed is not None else element.default,
            attr_defaults=_attr_defaults(element.type),
        )
    return concepts


CACHE_FORMAT = 2  # 2: schema defaults (default, attr_defaults)


def cache_dir() -> Path | None:
    """Where concept models are cached between runs; None when caching is switched off.

    ``XBRLGEN_CACHE_DIR`` wins, then ``$XDG_CACHE_HOME/xbrlgen``, then ``~/.cache/xbrlgen``;
    ``XBRLGEN_NO_CACHE=1`` disables the cache.
    """
    if os.environ.get("XBRLGEN_NO_CACHE"):
        return None
    explicit = os.environ.get("XBRLGEN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "xbrlgen"


def _fingerprint(files: dict[str, Path]) -> str:
    """Hash of every schema file's URL, size and mtime: any edit gives a new key."""
    h = hashlib.sha256(f"{CACHE_FORMAT}".encode())
    for url, path in sorted(files.items()):
        st = path.stat()
        h.update(f"{url}\0{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


def load_concepts(files: dict[str, Path], build_schema: Callable[[], Any]) -> dict[str, Concept]:
    """Concept model for the schemas in ``files``: from the JSON cache, else built and cached.

    Why: building the xmlschema model of a DTS costs ~0.3-0.5 s (and its import ~0.15 s), which
    dominates validating one small filing; the model itself is a small table.
    """
    folder = cache_dir()
    target = folder / "concepts" / f"{_fingerprint(files)}.json" if folder else None
    if target is not None and target.is_file():
        try:
            rows = json.loads(target.read_text(encoding="utf-8"))
            return {row["name"]: Concept(**{
                        **row, "type_chain": tuple(row["type_chain"]),
                        "attr_defaults": tuple((k, v) for k, v in row["attr_defaults"])})
                    for row in rows}
        except (OSError, ValueError, TypeError, KeyError):
            pass  # a damaged cache entry is rebuilt below
    concepts = build_concepts(build_schema())
    if target is not None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps([asdict(c) for c in concepts.values()]), encoding="utf-8")
            tmp.replace(target)
        except OSError:
            pass  # caching is an optimisation only
    return concepts

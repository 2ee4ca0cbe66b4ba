"""The small-file pass: one parse into a tree, schema validation of the tree, one walk.

Why: for a file of a few megabytes the streaming pass (:func:`instance.stream`) costs more than
its memory saves. It needs the separate well-formedness pre-pass (``safe_xml.check_file``), and
``iterparse`` hands every element to Python through its event loop. Here one libxml2 parse both
proves the file well-formed and builds the tree, libxml2 validates the tree in C, and Python
visits only the root's children. Large files keep streaming: a tree holds ~1.3 KB per fact.

Only the happy path is taken here: a file this parse refuses (too big, not well-formed, a
DOCTYPE) or whose tree is schema-invalid goes the streaming way, whose findings (lines, the
point where a syntax error stops the stream) are the reference.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from lxml import etree

from generator.validate.instance import (
    _CONTEXT,
    _FOOTNOTE_LINK,
    _NOT_FACTS,
    _UNIT,
    ElementDefault,
    Fact,
    Instance,
    _read_context,
    _read_fact,
    _read_unit,
)
from generator.validate.safe_xml import make_parser

#: Files up to this size take the tree pass: at 5,000 facts (0.7 MB) parse, schema and reading
#: take ~26 ms instead of ~32 ms streaming (with its pre-pass), for ~5 MB more peak memory;
#: at this limit (14,000 facts) ~18 MB more. Above, streaming keeps memory flat.
TREE_MAX_BYTES = 2 << 20
_WANTED = frozenset({_CONTEXT, _UNIT, _FOOTNOTE_LINK})


def parse_small(path: Path, max_bytes: int) -> etree._Element | None:
    """The document's root, or None when the file is for the streaming pass to judge.

    None for a file above :data:`TREE_MAX_BYTES` or ``max_bytes``, one that is not
    well-formed, or one with a DOCTYPE (never expanded here: no DTD is loaded, no entity
    resolved); ``OSError`` if it cannot be read.
    """
    data_size = path.stat().st_size
    if data_size > TREE_MAX_BYTES or data_size > max_bytes:
        return None
    data = path.read_bytes()
    # The same push parser as safe_xml.check_file, fed the same bytes.
    parser = make_parser()
    try:
        parser.feed(data)
        root = parser.close()
    except etree.XMLSyntaxError:
        return None
    docinfo = root.getroottree().docinfo
    doctype: str = getattr(docinfo, "doctype", "")  # not in lxml-stubs
    if doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        return None
    return root


def schema_valid(root: etree._Element, schema: etree.XMLSchema) -> bool:
    """Whether libxml2 finds the tree valid (its errors are the streaming pass's to report)."""
    return schema.validate(root.getroottree())


def _action(tag: str, fact_namespaces: frozenset[str] | None) -> int:
    """What the stream does with a child of the root with this tag (see :func:`walk`)."""
    if fact_namespaces is not None and tag not in _WANTED:
        ns = tag[1:tag.find("}")] if tag[:1] == "{" else ""
        if ns not in fact_namespaces:
            return 0  # the stream's tag filter never hands it over
    if tag not in _NOT_FACTS:
        return 1
    return {_CONTEXT: 2, _UNIT: 3, _FOOTNOTE_LINK: 4}.get(tag, 0)


def walk(root: etree._Element, inst: Instance, fact_namespaces: frozenset[str] | None,
         on_fact: Callable[[Fact], None],
         defaults: Mapping[str, ElementDefault] | None = None) -> Instance:
    """What :func:`instance.stream` reads, in the same order, from the root's children.

    ``fact_namespaces`` filters as the stream's ``tag`` argument does: contexts, units,
    footnote links and elements of those namespaces only.
    """
    shared: dict[str, str] = {}
    # What to do with each tag, decided once per tag: 0 skip, 1 fact, 2 context, 3 unit,
    # 4 footnote link (a file has a few dozen tags and thousands of elements).
    actions: dict[str, int] = {}
    for el in root:
        tag = el.tag
        if not isinstance(tag, str):
            continue  # comments, processing instructions: the stream sees elements only
        action = actions.get(tag)
        if action is None:
            action = actions[tag] = _action(tag, fact_namespaces)
        if action == 1:
            _read_fact(el, tag, on_fact, (), shared)
        elif action == 2:
            inst.add_context(_read_context(el, shared, defaults))
        elif action == 3:
            inst.add_unit(_read_unit(el))
        elif action == 4:
            inst.footnote_links.append(el)
    return inst

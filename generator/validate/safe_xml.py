"""Safe XML parsing: the validator reads untrusted files, so no DTDs, entities or network.

Every parse in this package goes through these parsers: entities are never expanded, nothing is
fetched, huge trees are refused, and a DOCTYPE is reported instead of honoured.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

#: Files larger than this are refused (bytes); override per run with ``max_bytes``.
DEFAULT_MAX_BYTES = 1 << 30

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")


class UnsafeXmlError(Exception):
    """Raised when a document is refused before parsing (too big, DOCTYPE)."""

    def __init__(self, code: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line


def parser_options() -> dict[str, bool]:
    """Keyword arguments shared by XMLParser and iterparse."""
    return {
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "dtd_validation": False,
        "huge_tree": False,
    }


def make_parser(resolver: etree.Resolver | None = None) -> etree.XMLParser:
    """A locked-down lxml parser, optionally with a URL resolver (for schema imports)."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False,
    )
    if resolver is not None:
        parser.resolvers.add(resolver)
    return parser


def check_prolog(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Refuse oversized files and any DOCTYPE before lxml sees them.

    A DOCTYPE can declare entities (XXE, billion laughs); XBRL never needs one, so it is an
    error rather than something to work around.
    """
    size = path.stat().st_size
    if size > max_bytes:
        raise UnsafeXmlError(
            "xbrlgen:fileTooLarge",
            f"File is {size:,} bytes, above the {max_bytes:,}-byte limit; raise --max-bytes "
            "if the file is trusted.",
        )
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    text = head
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore").encode("utf-8")
    first = _FIRST_ELEMENT.search(text)
    doctype = _DOCTYPE.search(text)
    if doctype is not None and (first is None or doctype.start() < first.start()):
        line = text.count(b"\n", 0, doctype.start()) + 1
        raise UnsafeXmlError(
            "xml:doctypeRefused",
            "The document has a DOCTYPE declaration; XBRL instances must not use DTDs or "
            "entities (they can read local files or exhaust memory). Remove the <!DOCTYPE ...>.",
            line,
        )


def parse(path: Path, resolver: etree.Resolver | None = None) -> etree._ElementTree:
    """Parse a trusted-shape file (schema, linkbase, catalog) with the safe parser."""
    return etree.parse(str(path), make_parser(resolver))

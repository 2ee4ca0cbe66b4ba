"""Safe XML parsing: the validator reads untrusted files, so no DTDs, entities or network.

Every parse in this package goes through these parsers: entities are never expanded, nothing is
fetched, a DOCTYPE is reported instead of honoured, and file size is capped (``max_bytes``).

Why a separate well-formedness pass (:func:`check_file`): libxml2 2.14 (lxml 6.2) stops quietly
when ``iterparse`` validates a schema on the fly and meets a syntax error or the end of a
truncated file, so the streaming pass alone can call half a file valid. A parse with a no-op
target builds no tree and costs ~0.1 s per 14 MB, and it answers well-formedness and DOCTYPE
questions on its own, whatever the file's size or the length of its comments.

Why ``huge_tree``: libxml2's default caps (10 MB text nodes or comments, depth 256) reject
well-formed instances (large text blocks, long comments). With no DTD and no entity expansion
the caps guard nothing here; memory is bounded by ``max_bytes``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NoReturn

from lxml import etree

#: Files larger than this are refused (bytes); override per run with ``max_bytes``.
DEFAULT_MAX_BYTES = 1 << 30

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
        "huge_tree": True,
    }


def _parser(target: Any = None) -> etree.XMLParser:
    # Any: a target with only doctype()/close() (no per-element callbacks) is not the stubs'
    # full ParserTarget protocol, and must not be, for speed.
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=True, target=target,
    )


def make_parser(resolver: etree.Resolver | None = None) -> etree.XMLParser:
    """A locked-down lxml parser, optionally with a URL resolver (for schema imports)."""
    parser = _parser()
    if resolver is not None:
        parser.resolvers.add(resolver)
    return parser


SYNTAX_CODE = "xmlSchema:syntax"
DOCTYPE_CODE = "xml:doctypeRefused"
_CHUNK = 1 << 20
_POSITION_SUFFIX = re.compile(r",? line \d+, column \d+(?: \(.*\))?$")


class _DoctypeSeen(Exception):
    """Raised from the parser target to stop at a DOCTYPE (control flow, not a fault)."""


class _NullTarget:
    """Parser target that keeps nothing; only a DOCTYPE interrupts the parse."""

    def doctype(self, name: str, pubid: str | None, system_url: str | None) -> NoReturn:
        raise _DoctypeSeen

    def close(self) -> None:
        return None


def check_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Refuse oversized, malformed or truncated files and any DOCTYPE, before anything else.

    A DOCTYPE can declare entities (XXE, billion laughs); XBRL never needs one, so it is an
    error rather than something to work around. Raises :class:`UnsafeXmlError` with the
    parser's own words, line and column; ``OSError`` if the file cannot be read.
    """
    size = path.stat().st_size
    if size > max_bytes:
        raise UnsafeXmlError(
            "xbrlgen:fileTooLarge",
            f"File is {size:,} bytes, above the {max_bytes:,}-byte limit; raise --max-bytes "
            "if the file is trusted.",
        )
    parser = _parser(_NullTarget())
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                parser.feed(chunk)
        parser.close()
    except _DoctypeSeen:
        raise UnsafeXmlError(
            DOCTYPE_CODE,
            "The document has a DOCTYPE declaration; XBRL instances must not use DTDs or "
            "entities (they can read local files or exhaust memory). Remove the <!DOCTYPE ...>.",
            _doctype_line(path),
        ) from None
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc) from None


def syntax_error(exc: etree.XMLSyntaxError) -> UnsafeXmlError:
    """The parser's complaint as a well-formedness finding's code, words and line.

    Read from the exception itself, not its error log: a feed parser's log can still hold
    entries of an earlier parse (lxml 6.2).
    """
    line, column = exc.position if exc.position else (exc.lineno, 0)
    message = _POSITION_SUFFIX.sub("", exc.msg or "") or "unreadable"
    where = f" (line {line}, column {column})" if line and column else ""
    return UnsafeXmlError(
        SYNTAX_CODE,
        f"The file is not well-formed XML: {message.strip()}{where}. Fix the markup at that "
        "point, or restore the file if it was cut short; nothing else could be checked.",
        line or None,
    )


def _doctype_line(path: Path) -> int | None:
    """Line of the DOCTYPE, found by a streaming scan (it may follow any length of comment)."""
    line, tail = 1, b""
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            data = tail + chunk
            at = data.find(b"<!DOCTYPE")
            if at >= 0:
                return line + data.count(b"\n", 0, at)
            keep = len(b"<!DOCTYPE") - 1
            line += data.count(b"\n", 0, len(data) - keep)
            tail = data[len(data) - keep:]
    return None


def parse(path: Path, resolver: etree.Resolver | None = None) -> etree._ElementTree:
    """Parse a trusted-shape file (schema, linkbase, catalog) with the safe parser."""
    return etree.parse(str(path), make_parser(resolver))

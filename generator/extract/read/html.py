"""Releases published as HTML (newswire pages, IR sites): the page becomes the text the layout
readers know — one line per paragraph or heading, and every table row as tab-separated cells
(a cell spanning columns is followed by blank cells, so columns stay aligned).

The page is untrusted input: it is parsed with no network access, no DTD and no entity
expansion, and scripts, styles and comments are dropped unread.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote",
    "section", "article", "header", "footer", "caption", "title", "ul", "ol", "body",
}
SKIPPED = {"script", "style", "noscript", "template", "head"}
HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                        re.I | re.S)


def looks_like_html(head: bytes) -> bool:
    return bool(HTML_START.match(head[:4096].decode("latin-1")))


def _parser(encoding: str | None) -> etree.HTMLParser:
    return etree.HTMLParser(
        encoding=encoding, no_network=True, remove_comments=True, remove_pis=True,
        recover=True, huge_tree=False,
    )


def _text(element: etree._Element) -> str:
    """An element's text with line breaks and whitespace runs made single spaces."""
    return " ".join("".join(str(t) for t in element.itertext()).split())


def _row(tr: etree._Element) -> str:
    cells: list[str] = []
    for cell in tr:
        if not isinstance(cell.tag, str) or cell.tag.lower() not in {"td", "th"}:
            continue
        cells.append(_text(cell))
        span = cell.get("colspan", "1")
        cells.extend([""] * (int(span) - 1 if span.isdigit() and 0 < int(span) < 50 else 0))
    return "\t".join(cells).rstrip("\t") if any(cells) else ""


class _Lines:
    """Collects output lines: inline text accumulates until a block ends."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.inline: list[str] = []

    def text(self, piece: str | None) -> None:
        if piece and piece.strip():
            self.inline.append(piece)

    def end_block(self) -> None:
        line = " ".join("".join(self.inline).split())
        if line:
            self.lines.append(line)
        self.inline = []

    def walk(self, element: etree._Element) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in SKIPPED:
            self.text(element.tail)
            return
        if tag == "tr":
            self.end_block()
            row = _row(element)
            if row:
                self.lines.append(row)
            self.text(element.tail)
            return
        if tag == "br":
            self.end_block()
            self.text(element.tail)
            return
        block = tag in BLOCKS or tag == "table"
        if block:
            self.end_block()
        self.text(element.text)
        for child in element:
            self.walk(child)
        if block:
            self.end_block()
            if tag == "table":
                self.lines.append("")
        self.text(element.tail)


def html_to_text(page: bytes) -> str:
    """The page as release text (tables as tab-separated rows). UTF-8 unless the bytes are not
    UTF-8, in which case the page's own ``<meta charset>`` says (Shift_JIS IR pages)."""
    try:
        page.decode("utf-8")
        encoding: str | None = "utf-8"
    except UnicodeDecodeError:
        encoding = None
    root = lxml_html.document_fromstring(page, parser=_parser(encoding))
    body = root.find("body")
    lines = _Lines()
    lines.walk(body if body is not None else root)
    lines.end_block()
    return "\n".join(lines.lines) + "\n"

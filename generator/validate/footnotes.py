"""Footnote links in instances (XBRL 2.1 4.11): locators to this instance's facts, arcs from a
locator to a footnote, footnotes with xml:lang.

Why after the stream: a locator may point at a fact further down the file, so the links are
kept (they are few and small) and judged once every fact id is known.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin

from lxml import etree

from generator.validate.dts import LINK, XLINK, line_of
from generator.validate.findings import Finding, Severity

FACT_FOOTNOTE = "http://www.xbrl.org/2003/arcrole/fact-footnote"
_TYPE, _LABEL, _HREF = f"{{{XLINK}}}type", f"{{{XLINK}}}label", f"{{{XLINK}}}href"
_FROM, _TO, _ARCROLE = f"{{{XLINK}}}from", f"{{{XLINK}}}to", f"{{{XLINK}}}arcrole"
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def check(links: list[etree._Element], fact_ids: set[str], path: Path,
          file: str) -> list[Finding]:
    """Findings for the instance's footnote links; ``fact_ids``: ids of its items and tuples."""
    out: list[Finding] = []
    here = path.resolve().as_uri()

    def add(code: str, message: str, el: etree._Element) -> None:
        out.append(Finding(code=code, severity=Severity.error, message=message, file=file,
                           line=line_of(el)))

    for link in links:
        kinds: dict[str, set[str]] = {}
        for child in link:
            if not isinstance(child.tag, str):
                continue
            kind, label = child.get(_TYPE), child.get(_LABEL)
            if label is not None and kind in ("locator", "resource"):
                kinds.setdefault(label, set()).add(
                    "footnote" if child.tag == f"{{{LINK}}}footnote" else str(kind))
            if child.tag == f"{{{LINK}}}footnote" and child.get(_LANG) is None:
                add("xbrl.4.11.1.2:footnoteLang", "A footnote needs xml:lang.", child)
            if kind == "locator":
                href = child.get(_HREF, "")
                doc, _, frag = urljoin(here, href).partition("#")
                if doc.split("?")[0] != here or unquote(frag) not in fact_ids:
                    add("xbrl.4.11.1.1:footnoteLocTarget", f"Footnote locator {href} must "
                        "point at an item or tuple of this instance.", child)
        for arc in link:
            if not isinstance(arc.tag, str) or arc.get(_TYPE) != "arc":
                continue
            frm, to = arc.get(_FROM, ""), arc.get(_TO, "")
            for end in (frm, to):
                if end not in kinds:
                    add("xbrl.3.5.3.9:arcFromToLabel", f"Arc end '{end}' names no locator or "
                        "resource of its footnote link.", arc)
            if arc.get(_ARCROLE) == FACT_FOOTNOTE and frm in kinds and to in kinds:
                if kinds[frm] != {"locator"}:
                    add("xbrl.4.11.1.3.1:factFootnoteArcFrom", "A fact-footnote arc must start "
                        "at a locator to a fact.", arc)
                if "footnote" not in kinds[to] or kinds[to] - {"footnote", "locator"}:
                    add("xbrl.4.11.1.3.1:factFootnoteArcTo", "A fact-footnote arc must end at "
                        "a footnote.", arc)
    return out

"""XBRL International conformance suites: read a suite's index, run its variations with xbrlgen.

A suite zip (``XBRL-CONF-2014-12-10.zip``, ``xdt-conf-cr4-2009-10-06.zip``) holds an index
(``<testcases>``) naming testcase files; each testcase lists variations, each with the files to
read first (an instance, a schema or a linkbase) and the expected result: ``valid`` /
``invalid`` (XBRL 2.1 suite) or error codes (Dimensions suite: none means valid).

The index is read straight from the zip (no unpacking); running variations needs the suite
unpacked into a folder (:func:`unpack`), since validation follows relative references.

Verdict semantics: a variation is valid for xbrlgen when no finding is at error or inconsistency
level, the same rule as ``xbrlgen validate``'s exit code. Instance, schema and linkbase entry
points are all run (a schema or linkbase: its whole DTS against the taxonomy rules).
"""

from __future__ import annotations

import time
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from lxml import etree

from generator.validate.calculation import CalcMode
from generator.validate.findings import Finding, Severity
from generator.validate.safe_xml import make_parser

Kind = Literal["instance", "schema", "linkbase"]
Expected = Literal["valid", "invalid"]

_KINDS: dict[str, Kind] = {"instance": "instance", "xsd": "schema", "schema": "schema",
                           "linkbase": "linkbase"}


@dataclass(frozen=True)
class Variation:
    """One conformance variation: what to read first and what a processor must conclude."""

    suite: str
    testcase: str  # testcase file, a POSIX path inside the zip
    id: str  # the variation's id inside its testcase
    name: str
    kind: Kind  # kind of the (first) readMeFirst file
    read_me_first: tuple[str, ...]  # POSIX paths inside the zip
    expected: Expected
    codes: tuple[str, ...] = ()  # expected error codes, when the suite names them

    @property
    def key(self) -> str:
        """Unique name in its suite: ``testcase-file-stem:variation-id``."""
        return f"{PurePosixPath(self.testcase).stem}:{self.id}"


@dataclass(frozen=True)
class Suite:
    """A suite's index and every variation of every testcase it names, in index order."""

    zip_path: Path
    name: str
    date: str
    index: str  # POSIX path of the index inside the zip
    variations: tuple[Variation, ...]


def _parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, make_parser())


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _find_index(zf: zipfile.ZipFile) -> str:
    """The shallowest ``.xml`` member whose root element is ``testcases``."""
    candidates = sorted((n for n in zf.namelist() if n.endswith(".xml") and n.count("/") <= 1),
                        key=lambda n: (n.count("/"), n))
    for name in candidates:
        try:
            root = _parse(zf.read(name))
        except etree.XMLSyntaxError:
            continue
        if _local(root) == "testcases":
            return name
    raise ValueError("no conformance index (<testcases>) at the top of the zip")


def _variation(suite: str, testcase: str, el: etree._Element) -> Variation:
    folder = PurePosixPath(testcase).parent
    first: list[tuple[Kind, str]] = []
    for child in el.iter():
        parent = child.getparent()
        if parent is None or _local(parent) != "data" or child.get("readMeFirst") != "true":
            continue
        kind = _KINDS.get(_local(child))
        text = (child.text or "").strip()
        if kind is not None and text:
            first.append((kind, str(folder / text)))
    result = next((c for c in el if _local(c) == "result"), None)
    codes: tuple[str, ...] = ()
    expected: Expected = "valid"
    if result is not None:
        codes = tuple((c.text or "").strip() for c in result if _local(c) == "error")
        stated = result.get("expected")
        expected = "invalid" if stated == "invalid" or (stated is None and codes) else "valid"
    kind = first[0][0] if first else "instance"
    return Variation(suite=suite, testcase=testcase, id=el.get("id") or "",
                     name=el.get("name") or "", kind=kind,
                     read_me_first=tuple(path for _, path in first), expected=expected,
                     codes=codes)


def read_suite(zip_path: Path) -> Suite:
    """Every variation of a suite zip, read from the zip itself."""
    with zipfile.ZipFile(zip_path) as zf:
        index = _find_index(zf)
        root = _parse(zf.read(index))
        name = root.get("name") or PurePosixPath(index).stem
        base = PurePosixPath(index).parent
        variations: list[Variation] = []
        for tc in root.iter():
            if _local(tc) != "testcase" or not tc.get("uri"):
                continue
            testcase = str(base / str(tc.get("uri")))
            doc = _parse(zf.read(testcase))
            variations.extend(_variation(name, testcase, v) for v in doc.iter()
                              if _local(v) == "variation")
    return Suite(zip_path=zip_path, name=name, date=root.get("date") or "", index=index,
                 variations=tuple(variations))


def unpack(zip_path: Path, dest: Path) -> Path:
    """Extract a suite zip into ``dest`` (members must stay inside it); returns ``dest``."""
    dest = dest.resolve()
    with zipfile.ZipFile(zip_path) as zf:
        for member in zf.namelist():
            target = (dest / member).resolve()
            if not target.is_relative_to(dest):
                raise ValueError(f"{zip_path}: member {member!r} leaves the extraction folder")
        zf.extractall(dest)
    return dest


@dataclass(frozen=True)
class Outcome:
    """What xbrlgen concluded on one variation (``verdict`` None: not validated)."""

    variation: Variation
    verdict: Expected | None
    codes: tuple[str, ...]
    seconds: float

    @property
    def agrees(self) -> bool:
        """True when xbrlgen's verdict is the expected one."""
        return self.verdict == self.variation.expected


FAILING = (Severity.error, Severity.inconsistency)

#: Prefixes the suites use for a family xbrlgen names otherwise: the Dimensions suite's
#: ``sche:XmlSchemaError`` is any XML Schema error (``xmlSchema:*`` here, as in Arelle).
_FAMILY_ALIASES = {"sche": "xmlSchema"}


def code_family(code: str) -> str:
    """The family of an error code: its prefix (``xbrldie:...`` -> ``xbrldie``), aliases
    resolved; a code without a prefix is its own family."""
    prefix, sep, _ = code.partition(":")
    return _FAMILY_ALIASES.get(prefix, prefix) if sep else code


def families_agree(expected: tuple[str, ...], found: tuple[str, ...]) -> bool:
    """Whether every expected code's family is among the families of the codes found."""
    return {code_family(c) for c in expected} <= {code_family(c) for c in found}


def failing(findings: list[Finding]) -> list[Finding]:
    """Findings that make a file invalid (error or inconsistency level)."""
    return [f for f in findings if f.severity in FAILING]


def run_variation(root: Path, variation: Variation, calc_mode: CalcMode = "xbrl21") -> Outcome:
    """Validate a variation's readMeFirst files (instances, schemas, linkbases) at ``root``."""
    from generator.validate.pipeline import validate_file

    started = time.perf_counter()
    if not variation.read_me_first:
        return Outcome(variation, None, (), 0.0)
    codes: list[str] = []
    for rel in variation.read_me_first:
        findings, _ = validate_file(root / rel, calc_mode=calc_mode, display=rel,
                                    engine="auto")
        codes.extend(f.code for f in failing(findings))
    verdict: Expected = "invalid" if codes else "valid"
    return Outcome(variation, verdict, tuple(dict.fromkeys(codes)),
                   time.perf_counter() - started)

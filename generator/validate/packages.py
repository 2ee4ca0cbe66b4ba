"""Turn command-line paths into instance files: folders, taxonomy packages, report packages.

Why: users pass what they have. A folder means every instance inside it; a zip is extracted
safely (no absolute paths, no '..', bounded size) and contributes its ``META-INF/catalog.xml``
URL rewrites (taxonomy package) and/or its instance documents (report package).

``zipfile``, ``tempfile`` and ``shutil`` are imported where a zip is met (~15 ms of every run
that has none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from generator.validate.dts import Catalog
from generator.validate.findings import Finding, Severity
from generator.validate.safe_xml import parser_options

XBRL_ROOT = "{http://www.xbrl.org/2003/instance}xbrl"
LINKBASE_ROOT = "{http://www.xbrl.org/2003/linkbase}linkbase"
MAX_ZIP_BYTES = 2 << 30
MAX_ZIP_MEMBERS = 100_000


@dataclass
class Target:
    """One instance to validate, and the name to show for it."""

    path: Path
    display: str


@dataclass
class Expanded:
    """The instances found, catalogs to apply, zips to hand to Arelle, and problems."""

    targets: list[Target] = field(default_factory=list)
    catalogs: list[Catalog] = field(default_factory=list)
    packages: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    tempdirs: list[Path] = field(default_factory=list)

    def cleanup(self) -> None:
        """Remove extracted package folders."""
        if not self.tempdirs:
            return
        import shutil

        for d in self.tempdirs:
            shutil.rmtree(d, ignore_errors=True)


def is_instance(path: Path) -> bool:
    """True when the document's root element is xbrli:xbrl (reads only the first tag)."""
    try:
        for _, el in etree.iterparse(str(path), events=("start",), **parser_options()):
            return bool(el.tag == XBRL_ROOT)
    except (etree.XMLSyntaxError, OSError):
        return False
    return False


def root_tag(path: Path) -> str | None:
    """The document element's clark name (reads only the first tag); None if unreadable."""
    try:
        for _, el in etree.iterparse(str(path), events=("start",), **parser_options()):
            return str(el.tag)
    except (etree.XMLSyntaxError, OSError):
        return None
    return None


def _instances_in(folder: Path, prefix: str, taxonomy_fallback: bool = False) -> list[Target]:
    """Every instance in a folder; with ``taxonomy_fallback``, a folder without one gives its
    schemas and linkbases (a taxonomy, each checked as an entry point with its DTS). Package
    zips never fall back: a taxonomy package is there to resolve URLs."""
    found: list[Target] = []
    taxonomy: list[Target] = []
    for p in sorted(folder.rglob("*")):
        if not p.is_file() or "META-INF" in p.parts:
            continue
        suffix = p.suffix.lower()
        if suffix == ".xbrl" or (suffix == ".xml" and is_instance(p)):
            found.append(Target(p, prefix + str(p.relative_to(folder))))
        elif suffix == ".xsd" or (suffix == ".xml" and root_tag(p) == LINKBASE_ROOT):
            taxonomy.append(Target(p, prefix + str(p.relative_to(folder))))
    return found or (taxonomy if taxonomy_fallback else [])


def _extract(zpath: Path, out: Expanded) -> Path | None:
    import tempfile
    import zipfile

    try:
        with zipfile.ZipFile(zpath) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if len(infos) > MAX_ZIP_MEMBERS or total > MAX_ZIP_BYTES:
                raise ValueError(f"{len(infos)} members, {total:,} bytes uncompressed")
            for info in infos:
                name = PurePosixPath(info.filename)
                if name.is_absolute() or ".." in name.parts or ":" in info.filename:
                    raise ValueError(f"unsafe member name {info.filename!r}")
            dest = Path(tempfile.mkdtemp(prefix="xbrlgen-pkg-"))
            out.tempdirs.append(dest)
            zf.extractall(dest)
            return dest
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        out.findings.append(Finding(
            code="tpe:invalidArchiveFormat", severity=Severity.error,
            message=f"Cannot open package {zpath.name}: {exc}. Pass a valid taxonomy or report "
            "package zip.", file=str(zpath)))
        return None


def _is_zip(path: Path) -> bool:
    import zipfile

    return zipfile.is_zipfile(path)


def expand(paths: list[Path]) -> Expanded:
    """Resolve files, folders and zips into instance targets plus package catalogs."""
    out = Expanded()
    for p in paths:
        if not p.exists():
            out.findings.append(Finding(code="IOerror", severity=Severity.error,
                                        message=f"{p} does not exist.", file=str(p)))
        elif (p.is_file() and p.suffix.lower() in (".zip", ".xbri")) or (
            p.is_file() and p.suffix.lower() != ".xbrl" and _is_zip(p)
        ):
            dest = _extract(p, out)
            if dest is None:
                continue
            for catalog in sorted(dest.glob("*/META-INF/catalog.xml")) + sorted(
                dest.glob("META-INF/catalog.xml")
            ):
                try:
                    out.catalogs.append(Catalog.from_file(catalog))
                except etree.XMLSyntaxError as exc:
                    out.findings.append(Finding(
                        code="tpe:invalidCatalogFile", severity=Severity.error,
                        message=f"The package's {catalog.relative_to(dest)} is not well-formed "
                        f"XML: {exc.msg}. Its URL rewrites are not used.", file=str(p)))
                    continue
                if p not in out.packages:
                    out.packages.append(p)
            out.targets.extend(_instances_in(dest, f"{p}!/"))
        elif p.is_dir():
            out.targets.extend(_instances_in(p, f"{p}/" if str(p) != "." else "",
                                             taxonomy_fallback=True))
        else:
            out.targets.append(Target(p, str(p)))
    return out

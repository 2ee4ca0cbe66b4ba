"""The taxonomy as a Taxonomy Package (XBRL Taxonomy Packages 1.0): a zip that Arelle and other
processors load offline, resolving the taxonomy's published URL through ``META-INF/catalog.xml``."""

from __future__ import annotations

import io
import zipfile
from urllib.parse import urlsplit

from generator.interrupts import deferred
from generator.model.taxonomy import Taxonomy
from generator.templating import render

FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # zip entries carry a fixed time: deterministic bytes


def package_name(taxonomy: Taxonomy) -> str:
    return f"{taxonomy.file_stem}.zip"


def published_base(taxonomy: Taxonomy) -> str:
    """The URL folder the taxonomy is published under (its namespace, as a folder)."""
    return taxonomy.namespace.rstrip("/") + "/"


def taxonomy_entries(taxonomy: Taxonomy, files: dict[str, bytes], top: str) -> dict[str, bytes]:
    """The taxonomy package's members under the folder ``top``: META-INF (package description,
    catalog) and the taxonomy files at their published URL's path."""
    url = urlsplit(published_base(taxonomy))
    folder = f"{url.netloc}{url.path}".rstrip("/")
    return {
        f"{top}/META-INF/taxonomyPackage.xml": render(
            "taxonomyPackage.xml.j2",
            tax=taxonomy,
            entry_point=published_base(taxonomy) + taxonomy.schema_file,
        ),
        f"{top}/META-INF/catalog.xml": render(
            "catalog.xml.j2", base_url=published_base(taxonomy), rewrite_prefix=f"../{folder}/"
        ),
        **{f"{top}/{folder}/{name}": data for name, data in sorted(files.items())},
    }


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    """A zip of ``entries`` in the given order, fixed times and modes: deterministic bytes.

    Ctrl-C or SIGTERM waits until the zip is whole (in memory, a few milliseconds): one landing
    inside ``ZipFile.open`` leaves an entry marked open, and closing the zip then fails, twice
    (``close`` and again from ``__del__``), each time over the interruption.
    """
    buffer = io.BytesIO()
    with deferred(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buffer.getvalue()


def package_bytes(taxonomy: Taxonomy, files: dict[str, bytes]) -> bytes:
    return zip_bytes(taxonomy_entries(taxonomy, files, taxonomy.file_stem))

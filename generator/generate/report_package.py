"""A filing as an XBRL Report Package 1.0: ``<filing>.xbri``, a zip holding the Inline XBRL
page under ``reports/`` and the taxonomy package beside it, so one file carries everything a
processor needs offline.

Why ``.xbri``: the Report Packages specification names the kinds by extension — ``.xbri`` for an
Inline XBRL report, ``.xbr`` for other reports, ``.zip`` unconstrained — and processors check
that ``META-INF/reportPackage.json`` says the same. Inside the package the page refers to the
taxonomy by its published URL, which the package's own ``META-INF/catalog.xml`` maps to the
files inside (the page written beside the instance refers to the taxonomy file beside it).
"""

from __future__ import annotations

import json

from generator.generate.inline import inline_bytes, inline_name
from generator.generate.package import published_base, taxonomy_entries, zip_bytes
from generator.model.filing import Filing
from generator.model.taxonomy import Taxonomy

DOCUMENT_TYPE = "https://xbrl.org/report-package/2023/xbri"


def report_package_name(filing: Filing) -> str:
    return f"{filing.file_stem}.xbri"


def report_package_bytes(filing: Filing, taxonomy: Taxonomy, files: dict[str, bytes]) -> bytes:
    """The report package of ``filing``; ``files`` are the rendered taxonomy files."""
    top = filing.file_stem
    description = {"documentInfo": {"documentType": DOCUMENT_TYPE}}
    page = inline_bytes(filing, taxonomy, published_base(taxonomy) + taxonomy.schema_file)
    entries = {
        f"{top}/META-INF/reportPackage.json": json.dumps(description, indent=1).encode() + b"\n",
        **taxonomy_entries(taxonomy, files, top),
        f"{top}/reports/{inline_name(filing)}": page,
    }
    return zip_bytes(entries)

"""Write one filing as an Inline XBRL 1.1 document: the same facts as its ``.xbrl`` instance,
shown in the release's tables (see :mod:`generator.generate.inline_layout`), through the
``inline.html.j2`` template (autoescaped). Same filing, byte-identical page.
"""

from __future__ import annotations

from generator.generate.inline_layout import FORMAT, layout, period_text
from generator.generate.instance import LINK, XBRLDI, XBRLI, XLINK, XSI, fact_ids, namespaces
from generator.model.filing import Filing
from generator.model.taxonomy import Taxonomy
from generator.templating import render

IX = "http://www.xbrl.org/2013/inlineXBRL"
#: Transformation Registry 4, which Arelle and current viewers read (``ixt:num-dot-decimal``).
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"


def inline_namespaces(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """Prefix -> namespace on the root, in a fixed order (deterministic bytes)."""
    declared = namespaces(taxonomy)
    fixed = {"ix": IX, "ixt": IXT, "xbrli": XBRLI, "link": LINK, "xlink": XLINK,
             "xbrldi": XBRLDI, "xsi": XSI}
    return [*fixed.items(), *((p, u) for p, u in declared.items() if p not in fixed)]


def inline_name(filing: Filing) -> str:
    return f"{filing.file_stem}.html"


def inline_bytes(filing: Filing, taxonomy: Taxonomy, schema_href: str | None = None) -> bytes:
    """The Inline XBRL page of ``filing``; ``schema_href`` defaults to the taxonomy beside it
    (a report package passes the taxonomy's published URL, resolved by its catalog)."""
    page = layout(filing, taxonomy, fact_ids(filing))
    return render(
        "inline.html.j2",
        page=page,
        format=FORMAT,
        namespaces=inline_namespaces(taxonomy),
        schema_href=schema_href or taxonomy.schema_file,
        contexts=filing.contexts,
        units=filing.units,
        prefix=taxonomy.prefix,
        documents=filing.documents,
        fact_count=len(filing.facts),
        period_text=period_text("duration", filing.period.start, filing.period.end),
    )

"""The filing in the Open Information Model formats (OIM 1.0): xBRL-JSON and xBRL-CSV.

Written from the same facts as the ``.xbrl`` instance, each fact by its dimensions (concept,
entity, period, unit, taxonomy axes) rather than by context and unit ids, as the OIM defines.
Values are the instance's exact decimal strings (a text fact's words as they are); a nil
fact is ``null`` in JSON and ``#nil`` in CSV. Dates follow the OIM: a period ends at the start
of the day after its last day (``2010-04-01T00:00:00/2010-10-01T00:00:00``); an instant is the
start of the next day.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

from generator.generate.instance import fact_ids, namespaces
from generator.model.context import Context
from generator.model.filing import Filing
from generator.model.period import Duration
from generator.model.taxonomy import Taxonomy
from generator.model.unit import Unit

JSON_TYPE = "https://xbrl.org/2021/xbrl-json"
CSV_TYPE = "https://xbrl.org/2021/xbrl-csv"
NIL = "#nil"


def json_name(filing: Filing) -> str:
    return f"{filing.file_stem}.json"


def csv_metadata_name(filing: Filing) -> str:
    return f"{filing.file_stem}-csv.json"


def csv_table_name(filing: Filing) -> str:
    return f"{filing.file_stem}-facts.csv"


def _instant(day: dt.date) -> str:
    return f"{(day + dt.timedelta(days=1)).isoformat()}T00:00:00"


def oim_period(ctx: Context) -> str:
    if isinstance(ctx.period, Duration):
        return f"{ctx.period.start.isoformat()}T00:00:00/{_instant(ctx.period.end)}"
    return _instant(ctx.period.date)


def oim_unit(unit: Unit) -> str | None:
    """``iso4217:JPY``, ``iso4217:JPY/xbrli:shares`` (measures sorted, joined by ``*``);
    ``None`` for ``xbrli:pure``, which the OIM writes as no unit at all."""
    if not unit.denominator and [m.qname for m in unit.numerator] == ["xbrli:pure"]:
        return None
    text = "*".join(sorted(m.qname for m in unit.numerator))
    if unit.denominator:
        text += "/" + "*".join(sorted(m.qname for m in unit.denominator))
    return text


def scheme_prefix(scheme: str, taken: set[str]) -> str:
    """A prefix for an entity scheme: its last path segment (``sicc``) unless that is taken."""
    tail = re.sub(r"[^A-Za-z0-9_]", "", scheme.rstrip("/").rsplit("/", 1)[-1])
    prefix = tail if tail and tail[0].isalpha() else "scheme"
    while prefix in taken:
        prefix += "_"
    return prefix


class _Facts:
    """What both formats share: prefixes, and each fact's dimensions."""

    def __init__(self, filing: Filing, taxonomy: Taxonomy) -> None:
        self.filing = filing
        self.prefix = taxonomy.prefix
        self.namespaces = {p: u for p, u in namespaces(taxonomy).items()
                           if p not in ("link", "xlink", "xbrldi", "xsi")}
        self.schemes: dict[str, str] = {}
        for ctx in filing.contexts:
            scheme = ctx.entity.scheme
            if scheme not in self.schemes:
                prefix = scheme_prefix(scheme, set(self.namespaces))
                self.schemes[scheme] = prefix
                self.namespaces[prefix] = scheme
        self.contexts = {c.id: c for c in filing.contexts}
        self.units = {u.id: oim_unit(u) for u in filing.units}
        self.taxonomy = [taxonomy.schema_file]

    def entity(self, ctx: Context) -> str:
        return f"{self.schemes[ctx.entity.scheme]}:{ctx.entity.identifier}"

    def document_info(self, kind: str) -> dict[str, object]:
        return {"documentType": kind, "namespaces": dict(sorted(self.namespaces.items())),
                "taxonomy": self.taxonomy}


def _csv_value(lexical: str | None) -> str:
    """A CSV cell: ``#nil`` for nil; a text beginning with ``#`` gets a second one (xBRL-CSV
    reads ``#nil``, ``#empty``... as special values and ``##`` as one ``#``)."""
    if lexical is None:
        return NIL
    return "#" + lexical if lexical.startswith("#") else lexical


def oim_json_bytes(filing: Filing, taxonomy: Taxonomy) -> bytes:
    """The xBRL-JSON report: facts keyed by the instance's fact ids."""
    shared = _Facts(filing, taxonomy)
    facts: dict[str, object] = {}
    for fid, fact in zip(fact_ids(filing), filing.facts, strict=True):
        ctx = shared.contexts[fact.context_ref]
        dims: dict[str, str] = {
            "concept": f"{shared.prefix}:{fact.concept}",
            "entity": shared.entity(ctx),
            "period": oim_period(ctx),
        }
        unit = shared.units.get(fact.unit_ref or "")
        if unit:
            dims["unit"] = unit
        for m in ctx.members:
            dims[f"{shared.prefix}:{m.axis}"] = f"{shared.prefix}:{m.member}"
        entry: dict[str, object] = {"value": fact.lexical}
        if fact.value is not None and fact.decimals is not None:
            entry["decimals"] = fact.decimals
        entry["dimensions"] = dims
        facts[fid] = entry
    document = {"documentInfo": shared.document_info(JSON_TYPE), "facts": facts}
    return json.dumps(document, indent=1, ensure_ascii=False).encode() + b"\n"


def oim_csv_files(filing: Filing, taxonomy: Taxonomy) -> dict[str, bytes]:
    """The xBRL-CSV report: a metadata file and one facts table, a row per fact.

    Columns: ``id``, ``concept``, ``period``, ``unit``, one per axis used, ``decimals`` and
    ``value``; an empty axis cell is the axis's default, an empty unit cell no unit (or
    ``xbrli:pure``, which the OIM writes as none).
    """
    shared = _Facts(filing, taxonomy)
    axes = sorted({m.axis for c in filing.contexts for m in c.members})
    entities = {shared.entity(c) for c in filing.contexts}
    header = ["id", "concept", "period", "unit", *axes, "decimals", "value"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for fid, fact in zip(fact_ids(filing), filing.facts, strict=True):
        ctx = shared.contexts[fact.context_ref]
        members = {m.axis: f"{shared.prefix}:{m.member}" for m in ctx.members}
        writer.writerow([
            fid,
            f"{shared.prefix}:{fact.concept}",
            oim_period(ctx),
            shared.units.get(fact.unit_ref or "") or "",
            *(members.get(axis, "") for axis in axes),
            "" if fact.value is None or fact.decimals is None else str(fact.decimals),
            _csv_value(fact.lexical),
        ])
    dimensions: dict[str, str] = {
        "concept": "$concept",
        "period": "$period",
        "unit": "$unit",
        **{f"{shared.prefix}:{axis}": f"${axis}" for axis in axes},
    }
    if len(entities) == 1:
        dimensions["entity"] = entities.pop()
    else:  # not met yet: one filing, one company
        raise ValueError(f"{filing.file_stem}: facts of more than one entity")
    columns: dict[str, object] = {name: {} for name in header[:-1]}
    columns["value"] = {"dimensions": dimensions, "decimals": "$decimals"}
    metadata = {
        "documentInfo": shared.document_info(CSV_TYPE),
        "tableTemplates": {"facts": {"rowIdColumn": "id", "columns": columns}},
        "tables": {"facts": {"url": csv_table_name(filing)}},
    }
    return {
        csv_metadata_name(filing): json.dumps(metadata, indent=1).encode() + b"\n",
        csv_table_name(filing): buffer.getvalue().encode(),
    }

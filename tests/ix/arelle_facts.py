"""Load a report with Arelle (offline, in-process) and read back its facts and log.

Why a helper of its own: the proof that the Inline page, xBRL-JSON and xBRL-CSV are the same
filing as the ``.xbrl`` instance is that Arelle, loading each, extracts the same facts. A fact
is compared by what it means, not by how it is written: concept, period (dates), entity,
dimensions (axis -> member), unit (measures), value (a figure's Decimal, a text's words),
decimals, nil — context and unit ids are
the writer's choice and are not compared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

FactKey = tuple[object, ...]


@dataclass
class Loaded:
    facts: list[FactKey]
    ids: dict[str, FactKey]
    log: list[dict[str, Any]]
    footnotes: int = 0

    def problems(self, levels: tuple[str, ...] = ("error", "warning", "inconsistency",
                                                  "critical", "fatal")) -> list[str]:
        return [
            f"{e.get('level')} {e.get('code')}: {e.get('message', {}).get('text', '')}"
            for e in self.log
            if str(e.get("level", "")).lower() in levels
        ]


def _key(fact: Any) -> FactKey:
    ctx = fact.context
    if ctx.isInstantPeriod:
        period: tuple[object, ...] = ("instant", ctx.instantDatetime.isoformat())
    elif ctx.isStartEndPeriod:
        period = ("duration", ctx.startDatetime.isoformat(), ctx.endDatetime.isoformat())
    else:
        period = ("forever",)
    dims = tuple(sorted(
        (str(dim), str(value.memberQname)) for dim, value in ctx.qnameDims.items()
    ))
    unit = None
    if fact.unit is not None:
        num, den = fact.unit.measures
        unit = (tuple(sorted(str(m) for m in num)), tuple(sorted(str(m) for m in den)))
    value: object = None
    if not fact.isNil:  # a figure compared as a Decimal, a text as its words
        value = Decimal(str(fact.xValue)) if fact.isNumeric else str(fact.xValue)
    return (
        str(fact.qname),
        period,
        (ctx.entityIdentifier[0], ctx.entityIdentifier[1]),
        dims,
        unit,
        value,
        None if fact.isNil else fact.decimals,
        bool(fact.isNil),
    )


def load(path: Path, *, validate: bool = True, calc: str | None = "c11r",
         packages: list[Path] | None = None) -> Loaded:
    """Arelle's facts of ``path`` (sorted) and its JSON log; a fresh Session each time."""
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    kwargs: dict[str, Any] = {
        "entrypointFile": str(path),
        "validate": validate,
        "internetConnectivity": "offline",
        "logFile": "logToBuffer",
        "keepOpen": True,
        "validateDuplicateFacts": "inconsistent",
        "logRefObjectProperties": False,
    }
    if calc:
        kwargs["calcs"] = calc
    if packages:
        kwargs["packages"] = [str(p) for p in packages]
    with Session() as session:
        session.run(RuntimeOptions(**kwargs))
        log = json.loads(session.get_logs("json", clear_logs=True) or '{"log": []}')["log"]
        models = session.get_models()
        facts: list[FactKey] = []
        ids: dict[str, FactKey] = {}
        footnotes = 0
        for model in models:
            for fact in model.factsInInstance:
                key = _key(fact)
                facts.append(key)
                if fact.id:
                    ids[fact.id] = key
            footnotes += len(model.relationshipSet(
                "http://www.xbrl.org/2003/arcrole/fact-footnote").modelRelationships)
    return Loaded(sorted(facts, key=repr), ids, log, footnotes)

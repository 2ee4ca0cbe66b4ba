"""One cell of a matched row -> one :class:`ResultFact` (or the reason it cannot be one)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.layout import Cell, Column, Row
from generator.extract.map_rows.values import decimals_of, period_of, scaled_value, unit_of
from generator.extract.map_rows.walker import RowMatch
from generator.extract.read.units import cell_scale
from generator.model.concept import DataType
from generator.model.fact import Correction, Provenance
from generator.model.results import ResultFact
from generator.model.taxonomy import Network, Taxonomy
from generator.taxonomy.aliases import AliasIndex, NetworkAliases
from generator.taxonomy.memo import per_taxonomy

FORECAST_AXIS = "ResultForecastAxis"
FORECAST_MEMBER = "ForecastMember"
TRANSLATION_CURRENCY = "USD"
MINOR_UNIT_DIGITS = {"JPY": 0, "USD": 2}  # ISO 4217: yen have no fractional unit


@dataclass(frozen=True)
class FactPlace:
    """Where cells are read: document, the table's network, the company currency, and whether
    the table marks forecasts itself (then an unmarked column is a result)."""

    document: str
    network: Network
    currency: str
    flags_forecasts: bool


def reported_concept(taxonomy: Taxonomy, concept: str) -> str:
    """A concept that only files another one's figures in a member context (``represents``,
    e.g. OperatingIncomeForecast) is reported as that concept; the map stage files it."""
    return _represented(taxonomy).get(concept, concept)


@per_taxonomy  # asked for every fact
def _represented(taxonomy: Taxonomy) -> dict[str, str]:
    return taxonomy.stands_for()


def header_member(
    index: AliasIndex, network: NetworkAliases, header: str
) -> tuple[str, str] | None:
    """The (axis, member) a column header names, when exactly one axis of the network has it
    ("Network services and SI business" over a segment column); unit notes are ignored."""
    text = re.sub(r"\s*\([^()]*\)\s*$", "", header).strip()
    axes = set(network.network.axes) - {FORECAST_AXIS}
    found = [(axis, member) for axis, member in index.member_any(text) if axis in axes]
    return found[0] if len(found) == 1 else None


def superseded_member(
    index: AliasIndex, network: NetworkAliases, header: str
) -> tuple[str, str] | None:
    """The (axis, member) a superseded forecast column is filed under: the one member of the
    network's axes whose declared wording its header contains ("FY11 Initial Target (11/4~12/3)"
    names PreviousForecastMember); None when no axis of the network, or more than one member,
    has it."""
    key = f" {index.key(header)} "
    found = {(axis, member) for axis in network.network.axes if axis != FORECAST_AXIS
             for wording, member in index.members.get(axis, {}).items()
             if wording and f" {wording} " in key}
    return found.pop() if len(found) == 1 else None


def dimensions(place: FactPlace, row: Row, column: Column, match: RowMatch,
               column_member: tuple[str, str] | None = None) -> dict[str, str] | str:
    """The network's members, the forecast flag of the column or row, the breakdown member of
    the row and the member the column names; a clash of row and column members is a reason."""
    dims = dict(place.network.dimensions)
    if column.forecast or row.forecast:
        dims[FORECAST_AXIS] = FORECAST_MEMBER
    elif place.flags_forecasts and dims.get(FORECAST_AXIS) == FORECAST_MEMBER:
        del dims[FORECAST_AXIS]  # a result column in a targets table ("FY10 Actual")
    if match.member is not None:
        dims[match.member[0]] = match.member[1]
    if column_member is not None:
        axis, member = column_member
        if dims.get(axis, member) != member:
            return f"row member {dims[axis]} and column member {member} clash on {axis}"
        dims[axis] = member
    return dims


def build_fact(
    taxonomy: Taxonomy, index: AliasIndex, place: FactPlace, row: Row, match: RowMatch,
    column: Column, cell: Cell, column_member: tuple[str, str] | None = None,
) -> ResultFact | str:
    """The fact a cell states, or why it cannot be one (for the unmapped record)."""
    concept = taxonomy.concepts.get(reported_concept(taxonomy, match.concept))
    if concept is None or concept.abstract or not concept.data_type.is_numeric:
        return f"row label '{row.label}' names heading {match.concept}, not a numeric concept"
    translation = column.role == "translation"
    if translation and concept.data_type not in (DataType.MONETARY, DataType.PER_SHARE):
        return f"translation column holds non-monetary {match.concept}"
    if cell.percent and concept.data_type not in (DataType.PURE, DataType.DECIMAL):
        return f"{cell.text} is a percentage, but {match.concept} is {concept.data_type.value}"
    if (column.forecast or row.forecast) and FORECAST_AXIS not in place.network.axes:
        return f"a forecast, but network {place.network.id} has no {FORECAST_AXIS}"
    if column.superseded and column_member is None:
        return (f"column '{column.header}' is a forecast since revised, and network "
                f"{place.network.id} has no axis member its header names")
    own = cell_scale(cell.text)
    if own is not None and concept.data_type is DataType.MONETARY and own != column.scale:
        return (f"{cell.text} names its own unit ({own:,}), not its column's "
                f"({column.scale:,}): not read at either")
    currency = column.currency or (TRANSLATION_CURRENCY if translation else place.currency)
    period, why = period_of(concept, column, index.key(row.label), match.ref.node.preferred_label)
    if period is None:
        return f"{why} (row '{row.label}')"
    if match.in_other_words and period != column.period and match.ref.node.preferred_label is None:
        return (f"row '{row.label}', read in other words as {match.concept}, a balance at a "
                "date, sits in a column of a period: not taken as the balance at its end")
    priced = column if column.currency == currency else column.model_copy(
        update={"currency": currency})  # a copy only when the currency differs (hot path)
    unit = unit_of(concept, priced, place.currency)
    if unit is None or unit not in taxonomy.units:
        return f"no unit {unit!r} declared for {match.concept}"
    decimals = decimals_of(concept, cell, column)
    minor = MINOR_UNIT_DIGITS.get(currency)
    if concept.data_type is DataType.MONETARY and decimals and minor is not None and (
        decimals > minor
    ):
        return (f"{cell.text} {currency} would be an amount in fractions of the currency's "
                f"smallest unit: not {match.concept} (a per-share figure?)")
    value = scaled_value(concept, cell, column)
    if value is not None and match.opposite:
        value = -abs(value)
    if value is not None and (match.negated != match.ref.node.negated):
        value = -value
    if value is not None and value.is_zero():
        value = abs(value)  # "(0)" is zero, not "-0"
    corrections: tuple[Correction, ...] = ()
    if cell.repaired and value is not None:
        corrections = (Correction(
            printed=cell.text, corrected=value, reason=f"OCR repair: {cell.repaired}",
            evidence=(f"{place.document}:{cell.line}",),
        ),)
    dims = dimensions(place, row, column, match, column_member)
    if isinstance(dims, str):
        return dims
    return ResultFact(
        concept=concept.name, period=period, dimensions=dims,
        unit=unit, value=value, decimals=decimals,
        source=Provenance(document=place.document, line=cell.line, text=cell.text,
                          table=place.network.id, corrections=corrections),
    )

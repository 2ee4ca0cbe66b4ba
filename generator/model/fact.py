"""A fact: one value of one concept in one context, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError


def _no_number(value: object, info: ValidationInfo) -> object:
    """Refuse a figure given as a JSON number (or a Python float): figures are decimal strings.

    Why refuse rather than convert: a JSON number has passed through a binary float in most
    tools that write JSON (JavaScript, jq, spreadsheets' exports), so ``1234.5`` may already be
    ``1234.4999999999999`` and a 17-digit yen amount may have lost its last digits before
    xbrlgen sees it; converting it quietly would file a figure nobody printed. A decimal string
    carries the exact digits, so the format asks for one (``"1234.5"``) and says where it did
    not get one. JSON integers are refused for the same reason (above 2**53 they are rounded by
    those tools), and so that one rule holds for every figure. From Python, an ``int`` or a
    ``Decimal`` is exact and accepted; a ``float`` is not.
    """
    json_number = info.mode == "json" and isinstance(value, int | float)
    if isinstance(value, bool | float) or json_number:
        raise PydanticCustomError(
            "decimal_string",
            "a figure must be a decimal string, e.g. \"1234.5\", not a JSON {kind}",
            {"kind": "true/false" if isinstance(value, bool) else "number"},
        )
    return value


M = TypeVar("M", bound=BaseModel)


def replaced(model: M, **changes: Any) -> M:
    """``model.model_copy(update=changes)`` for a model with no extras and no private
    attributes (``extra="forbid"``, as every model here), without the generic ``copy.copy``
    calls ``model_copy`` makes: the proof stage copies every filed figure and its provenance.
    Like ``model_copy``, the changes are not validated: give values of the fields' types. A
    value cached in the instance's ``__dict__`` is kept: change no field it is made of."""
    assert model.__pydantic_extra__ is None and model.__pydantic_private__ is None
    copied = object.__new__(type(model))  # a model defines no __new__ of its own
    object.__setattr__(copied, "__dict__", {**model.__dict__, **changes})
    object.__setattr__(copied, "__pydantic_extra__", None)
    object.__setattr__(copied, "__pydantic_fields_set__",
                       model.__pydantic_fields_set__ | changes.keys())
    object.__setattr__(copied, "__pydantic_private__", None)
    return copied


#: The most digits a figure may have written out in full (``format(value, "f")``): far above any
#: amount in any currency, far below what would make ``"1E+999999999"`` a gigabyte of zeros.
MAX_DIGITS = 60


def _bounded(value: Decimal) -> Decimal:
    """Refuse a figure longer than :data:`MAX_DIGITS` digits written out in full."""
    if value.is_finite():
        _, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)
        whole = max(len(digits) + exponent, 1)
        written = whole + max(-exponent, 0)
        if written > MAX_DIGITS:
            raise PydanticCustomError(
                "decimal_too_long",
                "a figure of {written} digits written out; at most {limit} are accepted",
                {"written": written, "limit": MAX_DIGITS},
            )
    return value


#: A figure: an exact decimal, written in JSON as a string (``"34272080000"``, ``"4.8"``).
DecimalString = Annotated[
    Decimal,
    BeforeValidator(_no_number),
    AfterValidator(_bounded),
    WithJsonSchema(
        {"type": "string", "description": "a decimal number as a string (JSON numbers are "
         "refused: they may have been rounded through a binary float)",
         "examples": ["34272080000", "-1234.5"]}
    ),
]


class Correction(BaseModel):
    """A value changed from what was printed, and the evidence that justified it."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    printed: str
    corrected: DecimalString
    reason: str
    evidence: tuple[str, ...] = ()


OWN_PROOF = "own: "  # in ``proven_by``: a check of the figure itself, not of its column


class Provenance(BaseModel):
    """Where a number was read: document, 1-based line, and the token as printed."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    document: str
    line: int = Field(ge=1)
    text: str | None = None
    table: str | None = None  # network id of the table the row was read from
    corrections: tuple[Correction, ...] = ()
    also_in: tuple[str, ...] = ()
    # The checks that proved the figure before it was filed: its column's ("arithmetic",
    # "translation", "stated"...) and its own ("own: arithmetic" when a sum it is part of holds).
    proven_by: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.document}:{self.line}"

    @property
    def own_proof(self) -> bool:
        """Whether a check tested this figure itself, not only its column."""
        return any(check.startswith(OWN_PROOF) for check in self.proven_by)


@dataclass(frozen=True, slots=True)
class Fact:
    """A numeric, text or nil fact ready for an instance: context and unit resolved to ids.

    ``value`` is ``None`` for a nil fact (a dash in the source), which then carries no decimals,
    and for a text fact, whose words are ``text`` (no unit, no decimals); ``is_text`` tells.
    A slotted dataclass, not a model: the map stage makes one per fact (100,000 in a large
    filing) from inputs that were validated as :class:`ResultFact` already.
    """

    concept: str
    context_ref: str
    unit_ref: str | None
    value: Decimal | None
    decimals: int | None
    provenance: Provenance
    text: str | None = None

    @property
    def is_text(self) -> bool:
        return self.text is not None

    @property
    def lexical(self) -> str | None:
        """The value as an instance writes it: the text, the decimal in full, None for nil."""
        if self.text is not None:
            return self.text
        return None if self.value is None else format(self.value, "f")

"""A fact: one value of one concept in one context, with where it came from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, TypeVar, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError, PydanticUndefined


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


def assembled(cls: type[M], **fields: Any) -> M:
    """``cls(**fields)`` without validation, for a model with no extras and no private
    attributes (as :func:`replaced`), the fields not given at their defaults. Only for parts
    already of the fields' types and within their constraints (the caller checks what a
    field's validators would): the map stage assembles every fact it files from parts read and
    checked before, and validating them again cost more than the rest of building the fact.
    Unlike ``model_construct``, no per-field work in Python beyond placing the values."""
    defaults, made, required = _defaults(cls)
    if not required <= fields.keys():
        raise TypeError(f"assembled {cls.__name__}: no {sorted(required - fields.keys())}")
    values = {**defaults, **fields}  # the fields' order, as validation gives it
    for name, factory in made:
        if name not in fields:
            values[name] = factory()
    copied = object.__new__(cls)  # a model defines no __new__ of its own
    object.__setattr__(copied, "__dict__", values)
    object.__setattr__(copied, "__pydantic_extra__", None)
    object.__setattr__(copied, "__pydantic_fields_set__", set(fields))
    object.__setattr__(copied, "__pydantic_private__", None)
    return copied


#: What :func:`assembled` needs of a model: every field in order with its default (``None``
#: when it has none or a factory), the fields made by a factory, the fields without a default.
_Defaults = tuple[dict[str, Any], tuple[tuple[str, Callable[[], Any]], ...], frozenset[str]]
_DEFAULTS: dict[type[BaseModel], _Defaults] = {}


def _defaults(cls: type[BaseModel]) -> _Defaults:
    """:data:`_Defaults` of ``cls``, found once per model."""
    if cls not in _DEFAULTS:
        assert cls.__pydantic_post_init__ is None and not cls.__private_attributes__
        fields = cls.model_fields
        _DEFAULTS[cls] = (
            {name: None if info.default is PydanticUndefined else info.default
             for name, info in fields.items()},
            tuple((name, cast(Callable[[], Any], info.default_factory))
                  for name, info in fields.items()
                  if info.default_factory is not None),  # called with no arguments
            frozenset(name for name, info in fields.items() if info.is_required()))
    return _DEFAULTS[cls]


#: The most digits a figure may have written out in full (``format(value, "f")``): far above any
#: amount in any currency, far below what would make ``"1E+999999999"`` a gigabyte of zeros.
MAX_DIGITS = 60


def digits_written(value: Decimal) -> int:
    """How many digits a finite figure has written out in full (``format(value, "f")``)."""
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    return max(len(digits) + exponent, 1) + max(-exponent, 0)


def _bounded(value: Decimal) -> Decimal:
    """Refuse a figure longer than :data:`MAX_DIGITS` digits written out in full."""
    if value.is_finite():
        written = digits_written(value)
        if written > MAX_DIGITS:
            raise PydanticCustomError(
                "decimal_too_long",
                "a figure of {written} digits written out; at most {limit} are accepted",
                {"written": written, "limit": MAX_DIGITS},
            )
    return value


def plain_figure(value: Decimal | None) -> bool:
    """Whether ``value`` is one a :data:`DecimalString` field takes as it is: ``None``, or a
    finite ``Decimal`` of at most :data:`MAX_DIGITS` digits written out."""
    return value is None or (type(value) is Decimal and value.is_finite()
                             and digits_written(value) <= MAX_DIGITS)


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

    @classmethod
    def of_cell(cls, document: str, line: int, text: str, table: str,
                corrections: tuple[Correction, ...]) -> Provenance:
        """Where the map stage read a cell (one per fact it builds): assembled without
        validation when ``line`` is a line number, as it always is (validated, for the
        error, when it is not); the other parts are strings and models already."""
        if type(line) is int and line >= 1:
            return assembled(cls, document=document, line=line, text=text, table=table,
                             corrections=corrections)
        return cls(document=document, line=line, text=text, table=table,
                   corrections=corrections)


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

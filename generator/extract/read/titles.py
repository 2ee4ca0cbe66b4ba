"""Which table is this: a title from the text lines before its header, a kind from the
title's words ("Balance Sheets" -> balance_sheet), item names for one-row-per-period tables."""

from __future__ import annotations

import re

from generator.extract.layout import Column
from generator.extract.read.headers import Header
from generator.extract.read.lines import is_prose
from generator.extract.read.segments import Segment
from generator.model.period import Duration

_KINDS: list[tuple[str, str]] = [
    ("tse_results", r"results\s+of\s+operations"),
    ("tse_position", r"financial\s+position"),
    ("balance_sheet", r"balance\s+sheets?"),
    ("cash_flows", r"cash\s+flows?"),
    ("income_statement", r"statements?\s+of\s+income(?!\w)|income\s+statements?"),
    ("comprehensive_income", r"comprehensive\s+income"),
    ("equity", r"shareholders.?\s+equity|changes\s+in\s+(net\s+assets|equity)"),
    ("segments", r"segment"),
    ("network_services_revenue", r"revenues?\s+breakdown"),
    ("contracts", r"number\s+of\s+contracts|contracted\s+bandwidth|subscriptions?"),
    ("adjusted_ebitda", r"adjusted\s+ebitda|ebitda"),
    ("capex", r"\bcapex\b|capital\s+expenditures?"),
    ("dividends", r"dividends?"),
    ("targets", r"targets?|forecasts?|outlook"),
    ("operating_summary", r"results\s+summary|consolidated\s+results|operating\s+results|"
                          r"financial\s+results"),
]


_KIND_PATTERNS = [(kind, re.compile(pattern)) for kind, pattern in _KINDS]


def guess_kind(title: str, header: Header | None) -> str | None:
    low = title.lower()
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(low):
            return kind
    if header is not None:
        quarters = [s for s in header.periods if isinstance(s.period, Duration)
                    and s.period.months == 3]
        if len(quarters) >= 3:
            return "quarterly_series"
    return None


def choose_title(texts: list[Segment]) -> str:
    """The nearest text line before the header that reads like a title (not a parenthetical
    period line, a unit note or the company's name line). Lines printed in the grid (tab
    cells) are header debris when a plain line is available."""
    plain = [s for s in texts if "\t" not in s.text]
    if plain and len(plain) < len(texts):
        texts = plain
    named = [i for i, s in enumerate(texts) if guess_kind(s.label, None) is not None
             and not s.label.rstrip().endswith(".")]
    if named and named[-1] < len(texts) - 1 and not texts[-1].label.endswith(":"):
        texts = texts[: named[-1] + 1]  # a line naming a statement beats nearer debris
    for index in range(len(texts) - 1, -1, -1):
        label = re.split(r"(?<=\.)\s+(?=[A-Z(])", texts[index].label.strip())[-1]
        if not label or (label.startswith("(") and not re.match(r"\(\d\)", label)):
            continue
        if re.match(r"unit\s*:", label, re.I) or re.fullmatch(r"[\W\d]+", label) or " = " in label:
            continue  # unit notes, numbering, definitions ("YoY = 3Q11 compared to 3Q10")
        if re.search(r"\d,\d{3}", label):
            continue  # a row of figures the reader could not take for one, no title
        if label.endswith(".") and not re.fullmatch(r"\d+\.", label):  # a sentence's end
            continue
        if re.search(r"\b(inc|corp|co|ltd)\.?$", label, re.I):
            continue
        if label.endswith(":") and index > 0:  # "Business Segments:" under its section title
            before = choose_title(texts[:index])
            return f"{before} {label}".strip() if before else label
        return label
    return ""


def title_in_header(block: list[Segment]) -> str:
    """A title printed on the header line itself (tabbed: "Statements of Income<TAB>Six...")."""
    if not block:
        return ""
    first = block[0]
    return first.label


def column_names(texts: list[Segment], header: Header) -> list[str] | None:
    """The line naming the items of a one-row-per-period table ("Total Revenues Operating
    Income ..."), printed just above its unit line."""
    if header.periods or not texts:
        return None
    last = texts[-1]
    if last.label.endswith(":") or re.match(r"^\(?\d+[.)]", last.label) or is_prose(last.label):
        return None
    return last.cells or [last.label]


def name_columns(columns: list[Column], names: list[str]) -> list[Column]:
    """Put item names on columns: one name per value column when tab cells give them, else
    the whole line on every column."""
    values = [i for i, c in enumerate(columns) if c.role != "change_percent"]
    out = list(columns)
    if len(names) < len(values):  # "1Q-end 2Q-end" printed in one cell
        split = [w for name in names for w in (
            name.split() if all(re.search(r"[\d-]", w) for w in name.split()) else [name])]
        names = split if len(split) == len(values) else names
    if len(names) == len(values):
        for name, i in zip(names, values, strict=True):
            unit = f" ({columns[i].header})" if columns[i].header else ""
            out[i] = columns[i].model_copy(update={"header": f"{name}{unit}"})
            if i + 1 < len(columns) and columns[i + 1].role == "change_percent":
                out[i + 1] = columns[i + 1].model_copy(update={"header": f"{name} YoY %"})
        return out
    joined = " ".join(names)
    return [c.model_copy(update={"header": f"{joined} ({c.header})"}) for c in columns]


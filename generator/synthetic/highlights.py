"""A newswire release's opening highlights: each figure prints its own unit.

    Highlights of 1H FY2027 Financial Results
        Actual Results Target Announced
    Revenues JPY34,272 million ($410.3 million) JPY32,300 million

The actual figures are the statement's, rounded to millions (so each is also printed in the
statement, in thousands); the targets are new figures, the first half's forecast. Drawn from a
random generator of its own, so a release without highlights is the same text as before.
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from generator.model.period import Duration
from generator.model.results import ReportingPeriod
from generator.synthetic.render import Page
from generator.synthetic.statements import Table
from generator.synthetic.truth import TruthFigure

ITEMS = (("Revenues", "Revenues"), ("OperatingIncome", "Operating Income"),
         ("NetIncomeAttributableToParent", "Net Income attributable to {short}"))
ACTUAL_WORDS = ("Actual Results", "Results", "Actual")
TARGET_WORDS = ("Target Announced", "Initial Target", "Targets Announced", "Original Target")
MILLION = Decimal(10) ** 6
FORECAST = (("ResultForecastAxis", "ForecastMember"),)


def _current(tables: list[Table], concept: str, unit: str, period: Duration
             ) -> TruthFigure | None:
    """The statement's figure of ``concept`` for the current period in ``unit``."""
    for table in tables:
        for row in table.rows:
            for figure in row.figures:
                if figure is not None and figure.concept == concept and figure.unit == unit \
                        and figure.period == period and not figure.dimensions \
                        and figure.value is not None:
                    return figure
    return None


def _millions(value: Decimal, places: int = 0) -> Decimal:
    return (value / MILLION).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def add_highlights(page: Page, tables: list[Table], rp: ReportingPeriod, short: str,
                   usd: bool, rng: random.Random) -> None:
    """The highlights block, its truth figures on their lines; nothing when the statements
    print none of the items as a positive figure."""
    period = Duration(start=rp.start, end=rp.end)
    # companies announce targets for a first half and a full year, never for a quarter or
    # nine months: those releases' highlights print their results alone
    targeted = rp.kind in ("H1", "FY")
    rows: list[tuple[str, list[str], list[TruthFigure]]] = []
    for concept, label in ITEMS:
        actual = _current(tables, concept, "JPY", period)
        if actual is None or actual.value is None or actual.value <= 0:
            continue
        shown = _millions(actual.value)
        if shown <= 0:
            continue
        cells = [f"JPY{shown:,} million"]
        truth = [TruthFigure(concept=concept, period=period, dimensions=(), unit="JPY",
                             value=shown * MILLION, decimals=-6, line=0, text=f"JPY{shown:,}",
                             table="highlights", column="current")]
        translated = _current(tables, concept, "USD", period) if usd else None
        if usd and (translated is None or translated.value is None):
            continue  # the row would lack the translation the other rows print
        if translated is not None and translated.value is not None:
            dollars = _millions(translated.value, 1)
            cells.append(f"(${dollars:,} million)")
            truth.append(TruthFigure(
                concept=concept, period=period, dimensions=(), unit="USD",
                value=dollars * MILLION, decimals=-5, line=0, text=f"${dollars:,}",
                table="highlights", column="usd"))
        target = (shown * Decimal(rng.randint(920, 1080)) / 1000).quantize(
            Decimal("1E2"), rounding=ROUND_HALF_UP) if shown >= 1000 else shown
        target = target.quantize(Decimal(1))  # printed as whole millions
        if not targeted:
            rows.append((label.format(short=short), cells, truth))
            continue
        cells.append(f"JPY{target:,} million")
        truth.append(TruthFigure(
            concept=concept, period=period, dimensions=FORECAST, unit="JPY",
            value=target * MILLION, decimals=-6, line=0, text=f"JPY{target:,}",
            table="highlights", column="target"))
        rows.append((label.format(short=short), cells, truth))
    if len(rows) < 2:
        return
    page.add(f"Highlights of {rp.label} Financial Results")
    page.add()
    actual_words, target_words = rng.choice(ACTUAL_WORDS), rng.choice(TARGET_WORDS)
    page.add(f"    {actual_words} {target_words}" if targeted else f"    {actual_words}")
    for label, cells, truth in rows:
        page.add(f"{label} {' '.join(cells)}", truth)
    page.add()

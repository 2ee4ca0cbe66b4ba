"""Synthetic results releases with known answers: a first-half results release for a declared
company, with freshly drawn figures in a fiscal year no sample covers, printed in one of several
layouts, together with the ground truth of every figure its statement tables print.

``synthetic_release(taxonomy, company_id, seed=..., layout=...)`` is deterministic in its seed;
the extractor has never seen the text, so what it files can be scored figure by figure
(:mod:`generator.synthetic.score`).

What the truth covers: every figure in the balance sheet, statement of income and statement of
cash flows (current and prior columns, the USD convenience column; dashes as nil figures). What
it leaves out, because no fact should come from it: the "% of total revenues" / "%" and
"YoY % change" columns (derived), figures inside labels ("allowance of JPY 12,345 thousand"),
prose, dates, the exchange rate and page numbers.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from generator.model.results import ReportingPeriod
from generator.model.taxonomy import Taxonomy
from generator.synthetic.highlights import add_highlights
from generator.synthetic.render import (
    ALL_LAYOUTS,
    Layout,
    Page,
    Shape,
    add_page_furniture,
    misread,
    ocr_table,
    runon_table,
    single_table,
    spaced_table,
    tabs_table,
)
from generator.synthetic.render import (
    LAYOUTS as LAYOUTS,  # the default layouts, re-exported
)
from generator.synthetic.results import KINDS, reporting_period
from generator.synthetic.reword import Reworder, Rewording
from generator.synthetic.statements import Style, Table, build_tables
from generator.synthetic.truth import TruthFigure

FISCAL_YEARS = (2019, 2030)  # none of the bundled samples' years (2010-2017)


@dataclass(frozen=True)
class ReleaseOptions:
    """What a release prints and how; ``None`` fields are drawn from the seed."""

    usd: bool | None = None
    percent: bool | None = None
    yoy: bool | None = None
    long_labels: bool | None = None
    multiline_headers: bool | None = None
    indent_labels: bool | None = None
    tight: bool | None = None
    rate_wording: int | None = None  # 0..2, which sentence states the USD rate
    # the opening's highlights, figures printing their own units (off unless asked: a release
    # without them is the text it always was)
    highlights: bool = False
    # the period the release reports: "Q1", "H1" (default: the text it always was), "Q3" (nine
    # months) or "FY"
    kind: str = "H1"
    # row labels reworded as other companies word them, by a rule set of
    # generator/synthetic/reword.py ("dev", "holdout", "fresh", "final", "fifth" or "sixth"; None:
    # only declared wordings, the text it always was), ``reword_share`` of the rows a rule matches;
    # drawn from a generator of its own, so figures and layout are the unreworded release's
    reword: str | None = None
    reword_share: float = 0.5


@dataclass(frozen=True)
class SyntheticRelease:
    """A release text and the truth of every statement figure it prints."""

    name: str
    text: str
    company: str
    layout: str
    seed: int
    period: ReportingPeriod
    usd_rate: Decimal | None
    truth: tuple[TruthFigure, ...]
    features: dict[str, object] = field(default_factory=dict)


def _pick(value: bool | None, rng: random.Random, share: float = 0.5) -> bool:
    drawn = rng.random() < share
    return drawn if value is None else value


def _rate_sentences(rate: Decimal, day: str, wording: int) -> tuple[str, str]:
    """The convenience-rate statement in the opening and in the notes under the tables, in the
    wordings releases use (the third is one the metadata reader may not know)."""
    if wording == 0:
        return (f"The rate used for the translation was JPY{rate} per US$1.00, which was the "
                f"noon buying rate on {day}.",
                f"(Note) The U.S. dollar amounts represent translations of yen amounts at the "
                f"rate of JPY {rate} which was the noon buying rate in New York City on {day}.")
    if wording == 1:
        return (f"U.S. dollar amounts are translated at the rate of JPY {rate} per 1 U.S. dollar, "
                f"the noon buying rate on {day}.",
                f"(Note) The U.S. dollar amounts have been translated from yen, for convenience "
                f"only, at the rate of JPY {rate} per 1U.S. dollar.")
    return (f"Convenience translation: U.S.$1 = JPY {rate} (noon buying rate on {day}).",
            f"(Note) U.S.$1 = JPY {rate}, for the convenience of the reader only.")


def synthetic_release(
    taxonomy: Taxonomy,
    company_id: str = "iij",
    *,
    seed: int = 0,
    layout: Layout = "tabs",
    fiscal_year: int | None = None,
    options: ReleaseOptions | None = None,
) -> SyntheticRelease:
    """Render a first-half results release of ``company_id`` and its ground truth.

    Same arguments, same text and truth. The fiscal year (default: drawn from 2019-2030), the
    figures and every optional feature not fixed by ``options`` come from ``seed``.
    """
    if layout not in ALL_LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; one of {', '.join(ALL_LAYOUTS)}")
    opts = options or ReleaseOptions()
    if opts.kind not in KINDS:
        raise ValueError(f"unknown period kind {opts.kind!r}; one of {', '.join(KINDS)}")
    rng = random.Random(f"{company_id}:{seed}")
    company = taxonomy.companies[company_id]
    year = fiscal_year if fiscal_year is not None else rng.randint(*FISCAL_YEARS)
    rp = reporting_period(taxonomy, company_id, year, opts.kind)
    usd = _pick(opts.usd, rng, 0.75)
    rate = Decimal(rng.randint(7500, 15500)).scaleb(-2) if usd else None
    style = Style(
        usd_rate=rate,
        percent=_pick(opts.percent, rng),
        yoy=_pick(opts.yoy, rng, 0.3),
        long_labels=_pick(opts.long_labels, rng, 0.6),
        # a PDF's text layer (003) prints its nil cells as en dashes; as many choices either
        # way, so the other layouts draw what they always drew
        dash=rng.choice(["–", "–", "—"] if layout == "runon" else ["-", "--", "—"]),
        upper_top=rng.random() < 0.5,
    )
    shape = Shape(
        indent_labels=_pick(opts.indent_labels, rng, 0.4),
        indent_headers=rng.choice([0, 0, 2, 6]),
        multiline_headers=_pick(opts.multiline_headers, rng, 0.4),
        tight=_pick(opts.tight, rng, 0.4),
        label_width=rng.randint(40, 62),
    )
    wording = opts.rate_wording if opts.rate_wording is not None else rng.choice([0, 0, 1, 2])
    reworder = (Reworder(opts.reword, opts.reword_share,
                         random.Random(f"{company_id}:{seed}:reword"))
                if opts.reword is not None else None)
    tables = build_tables(taxonomy, company, rp, style, rng, reworder)
    short = min(company.names, key=len)
    page = Page()
    _opening(page, company.name, short, rp, rate, wording)
    if opts.highlights:
        add_highlights(page, tables, rp, short, rate is not None,
                       random.Random(f"{company_id}:{seed}:highlights"))
    end_day = f"{rp.end:%B} {rp.end.day}, {rp.end.year}"
    note = _rate_sentences(rate, end_day, wording)[1] if rate is not None else ""
    runs_on = False  # the next run-on statement continues the paragraph printed last
    for i, table in enumerate(tables):
        runs_on = _table(page, table, layout, shape, rng, company.name, note, first=i == 0,
                         last=i == len(tables) - 1, runs_on=runs_on)
    page.add()
    page.add(f"For inquiries, contact: {short} Investor Relations")
    if layout == "ocr":
        ocr_short = rng.choice(company.ocr_names) if company.ocr_names else misread(short, rng)
        page = add_page_furniture(page, f"{ocr_short} {rp.label}", rng)
    text = "\n".join(page.lines) + "\n"
    features: dict[str, object] = {
        "fiscal_year": year, "usd_rate": str(rate) if rate else None, "rate_wording": wording,
        "percent": style.percent, "yoy": style.yoy, "long_labels": style.long_labels,
        "multiline_headers": shape.multiline_headers, "indent_labels": shape.indent_labels,
        "tight": shape.tight, "dash": style.dash, "highlights": opts.highlights,
        "kind": opts.kind,
    }
    if reworder is not None:
        features["reword"] = opts.reword
        features["reword_share"] = opts.reword_share
        features["rewordings"] = _rewordings(tables)
    return SyntheticRelease(
        name=f"synthetic-{company_id}-{layout}-{seed}.txt", text=text, company=company_id,
        layout=layout, seed=seed, period=rp, usd_rate=rate, truth=tuple(page.truth),
        features=features,
    )


def _rewordings(tables: list[Table]) -> tuple[Rewording, ...]:
    """The rows printed reworded, with the keys of their figures."""
    out = []
    for table in tables:
        for row in table.rows:
            if row.reworded is None:
                continue
            figures = [*(f for f in row.figures if f is not None), *row.in_label]
            out.append(Rewording(
                table=table.network, concept=figures[0].concept if figures else None,
                before=row.reworded.before, after=row.reworded.after, rules=row.reworded.rules,
                keys=tuple(dict.fromkeys(f.key for f in figures))))
    return tuple(out)


def _opening(page: Page, name: str, short: str, rp: ReportingPeriod, rate: Decimal | None,
             wording: int) -> None:
    """Title, dateline and an overview paragraph: what the metadata readers look for."""
    fy_end = f"{rp.fiscal_year_end:%B} {rp.fiscal_year_end.day}, {rp.fiscal_year_end.year}"
    start = f"{rp.start:%B} {rp.start.day}"
    end = f"{rp.end:%B} {rp.end.day}, {rp.end.year}"
    title, span = KINDS[rp.kind]
    ending = "Ended" if rp.kind == "FY" else "Ending"
    page.add(f"{short} Announces {title} Financial Results for the Fiscal Year {ending} {fy_end}")
    page.add()
    span = "the Fiscal Year Ended" if rp.kind == "FY" else f"the {span} of the Fiscal Year {ending}"
    day = rp.end + dt.timedelta(days=43)  # six weeks on: November 12 for a first half
    page.add(f"TOKYO, {day:%B} {day.day}, {day.year} -- {name} (\"{short}\") today announced its "
             f"consolidated financial results for {span} {fy_end} (from {start} to {end}, "
             f"\"{rp.label}\").")
    page.add()
    if rate is not None:
        page.add("The translation of Japanese yen into U.S. dollars is solely for the convenience "
                 "of readers outside of Japan. " + _rate_sentences(rate, end, wording)[0])
        page.add()
    page.add(f"Overview of {rp.label} Financial Results")
    page.add()
    page.add("Revenues and operating income developed as described in the statements below; "
             "all figures are unaudited and consolidated.")
    page.add()


def _table(page: Page, table: Table, layout: Layout, shape: Shape, rng: random.Random,
           company: str, note: str, *, first: bool, last: bool = False,
           runs_on: bool = False) -> bool:
    """Print ``table``; True when the next (run-on) statement is to continue this paragraph."""
    if layout == "runon":  # company, titles and header run into the table's one paragraph
        # tables without notes between them run on together, and so may a note and the
        # statement after it (003: "... Nothing to be reported. Segment Information
        # (Unaudited) Business Segments: Revenues: Six Months Ended ...")
        glue = (shape.tight and not first) or runs_on
        if not glue:
            page.add()
        runon_table(page, table, shape, rng, company, glue=glue)
        if note and not shape.tight:
            page.add()
            page.add(note)
            return not last and rng.random() < 0.35
        return False
    if not shape.tight or first:
        page.add()
        page.add(company)
    page.add(table.title)
    if not shape.tight:
        page.add(table.subtitle)
        page.add()
    if layout == "tabs":
        tabs_table(page, table, shape, rng)
    elif layout == "single":
        single_table(page, table, shape, rng)
    elif layout == "ocr":
        ocr_table(page, table, shape, rng)
    else:
        spaced_table(page, table, shape, rng)
    page.add()
    if note and not shape.tight:
        page.add(note)
        page.add()
    return False

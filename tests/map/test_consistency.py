"""A filing's arithmetic is settled before generation: corrected from an agreeing source, or the
disagreeing total kept as printed and recorded as the source's own inconsistency."""

import datetime as dt
from decimal import Decimal

from generator.map import build_filings
from generator.map.consistency import consistent, interval
from generator.model.fact import Provenance
from generator.model.period import Instant
from generator.model.results import ReportingPeriod, ResultFact, Results
from generator.model.taxonomy import Taxonomy

RP = ReportingPeriod(
    kind="H1",
    start=dt.date(2025, 4, 1),
    end=dt.date(2025, 9, 30),
    fiscal_year_start=dt.date(2025, 4, 1),
    fiscal_year_end=dt.date(2026, 3, 31),
    label="1H FY2025",
)
END = Instant(date=RP.end)


def fact(concept: str, value: str, line: int, decimals: int = -3, doc: str = "r.txt") -> ResultFact:
    return ResultFact(
        concept=concept,
        period=END,
        unit="JPY",
        value=Decimal(value),
        decimals=decimals,
        source=Provenance(document=doc, line=line, table="Balance"),
    )


def test_rounded_values_are_intervals_half_a_unit_wide() -> None:
    assert interval(Decimal(1000), -3, "rounding") == (Decimal(500), Decimal(1500))
    assert interval(Decimal(1000), -3, "truncation") == (Decimal(1000), Decimal(2000))


def test_a_sum_within_the_rounding_of_its_parts_is_consistent() -> None:
    parts = [(interval(Decimal(1000), -3, "rounding"), Decimal(1))] * 3
    assert consistent(interval(Decimal(4000), -3, "rounding"), parts, "rounding")
    assert consistent(interval(Decimal(5000), -3, "rounding"), parts, "rounding")  # edges meet
    assert not consistent(interval(Decimal(6000), -3, "rounding"), parts, "rounding")


def test_a_total_that_adds_up_is_filed(acme_taxonomy: Taxonomy) -> None:
    facts = (fact("Cash", "1000", 1), fact("Receivables", "2000", 2), fact("Assets", "3000", 3))
    result = build_filings(
        [Results(company="acme", document="r.txt", period=RP, facts=facts)], acme_taxonomy
    )
    assert len(result.filings[0].facts) == 3
    assert result.inconsistencies == ()


def test_a_total_that_does_not_add_up_is_kept_as_printed_with_its_source_and_parts(
    acme_taxonomy: Taxonomy,
) -> None:
    facts = (fact("Cash", "1000", 1), fact("Receivables", "2000", 2), fact("Assets", "9000", 3))
    result = build_filings(
        [Results(company="acme", document="r.txt", period=RP, facts=facts)], acme_taxonomy
    )
    assets = next(f for f in result.filings[0].facts if f.concept == "Assets")
    assert assets.value == Decimal(9000)
    (kept,) = result.inconsistencies
    assert (kept.concept, kept.value, str(kept.source)) == ("Assets", Decimal(9000), "r.txt:3")
    assert kept.parts == ("r.txt:1", "r.txt:2")
    # acme truncates: [1000, 2000) + [2000, 3000)
    assert kept.parts_sum == (Decimal(3000), Decimal(5000))
    assert "the printed figures themselves disagree" in str(kept)


def test_a_total_whose_parts_are_not_all_reported_names_the_missing_ones(
    acme_taxonomy: Taxonomy,
) -> None:
    """Like an OCR scan that lost a line's figures: the total is kept, the gap is named."""
    facts = (fact("Cash", "1000", 1), fact("Assets", "3000", 3))
    result = build_filings(
        [Results(company="acme", document="r.txt", period=RP, facts=facts)], acme_taxonomy
    )
    (kept,) = result.inconsistencies
    assert kept.missing == ("Receivables",)
    assert "not reported (not printed, or not legible): Receivables" in str(kept)


def test_a_misread_total_is_corrected_from_another_source_that_agrees_with_its_parts(
    acme_taxonomy: Taxonomy,
) -> None:
    """Like an OCR '2' for '9': the summary elsewhere prints the total its parts add up to. The
    parts' own sum is filed, at the precision the misread total was printed at (thousands), not
    the summary's millions; the summary confirms it and is kept in the provenance."""
    own = (
        fact("Cash", "1000000", 1),
        fact("Receivables", "29651000", 2),
        fact("Assets", "20652000", 3),
    )
    other = (fact("Assets", "30000000", 7, decimals=-6, doc="slides.txt"),)
    result = build_filings(
        [
            Results(company="acme", document="r.txt", period=RP, facts=own),
            Results(company="acme", document="slides.txt", period=RP, facts=other),
        ],
        acme_taxonomy,
    )
    assets = next(f for f in result.filings[0].facts if f.concept == "Assets")
    assert (assets.value, assets.decimals) == (Decimal(30651000), -3)
    assert str(assets.provenance) == "r.txt:3" and "slides.txt:7" in assets.provenance.also_in
    (correction,) = assets.provenance.corrections
    assert correction.printed == "20652000" and correction.corrected == Decimal(30651000)
    assert "r.txt:3" in correction.reason and "slides.txt:7 confirms" in correction.reason
    assert result.inconsistencies == ()
    (conflict,) = result.conflicts
    assert str(conflict).endswith(
        "uses 30651000 (decimals -3) at r.txt:3, which agrees with its parts (corrected)"
    )


def test_strict_mode_files_every_total_as_read(acme_taxonomy: Taxonomy) -> None:
    facts = (fact("Cash", "1000", 1), fact("Receivables", "2000", 2), fact("Assets", "9000", 3))
    result = build_filings(
        [Results(company="acme", document="r.txt", period=RP, facts=facts)],
        acme_taxonomy,
        settle_arithmetic=False,
    )
    assert len(result.filings[0].facts) == 3


def test_a_part_two_releases_print_differently_takes_the_reading_that_keeps_the_sum(
    acme_taxonomy: Taxonomy,
) -> None:
    """A summary elsewhere prints a part with the other sign; the filing's own statement has no
    second reading of the part, but its total: the part's reading that makes the sum hold is
    filed, the other is reported as a conflict."""
    own = (fact("Cash", "1000000", 1), fact("Receivables", "-2000000", 2, decimals=-6),
           fact("Assets", "3000000", 3))
    other = (fact("Receivables", "2000000", 7, decimals=-6, doc="slides.txt"),)
    result = build_filings(
        [Results(company="acme", document="r.txt", period=RP, facts=own),
         Results(company="acme", document="slides.txt", period=RP, facts=other)],
        acme_taxonomy,
    )
    receivables = next(f for f in result.filings[0].facts if f.concept == "Receivables")
    assert receivables.value == Decimal(2000000)
    assert "keeps it" in receivables.provenance.corrections[0].reason
    assert result.inconsistencies == ()

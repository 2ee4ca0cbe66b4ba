"""Nothing in the reader is specific to the sample company: another company, another fiscal
year end, another wording, read from taxonomy data alone."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.extract.read import read_text
from generator.model.entity import Company, Entity
from generator.model.period import Duration, Instant
from generator.model.taxonomy import Taxonomy

ACME = Company(
    id="acme", name="Acme Widgets Inc.", names=("Acme Widgets Inc.", "AWI"),
    entity=Entity(scheme="http://example.com/code", identifier="99990"),
    fiscal_year_end_month=12, ocr_names=("4WI",),
)
TAXONOMY = Taxonomy(
    name="t", prefix="t", namespace="urn:t", version="1", schema_file="t.xsd",
    role_base="urn:t/role", concepts={}, networks=(), axes={}, units={}, measures={},
    companies={"acme": ACME},
)
RELEASE = """Acme Widgets Inc. Announces Full Year Results, Fiscal Year Ended December 31, 2015

AWI (the "Company") reported record sales. The rate used was JPY120.50 per US$1.00.

Consolidated Statements of Income
  Year Ended December 31, 2014 Year Ended December 31, 2015
  JPY millions JPY millions
Net sales 1,234 1,500
Cost of sales (800) (900)
Other, net -- 12
Net income attributable to 4WI 434 612

Consolidated Balance Sheets
  As of December 31, 2014 As of December 31, 2015
  Thousands of JPY Thousands of JPY
Cash 100,000 120,000
Total assets △5,000 ▲6,000

(Note) Amounts are rounded.
"""


def test_another_company_with_a_december_year_end() -> None:
    doc = read_text("acme.txt", RELEASE, TAXONOMY)
    assert doc.company == "acme" and doc.usd_rate == Decimal("120.50")
    assert doc.period is not None and doc.period.kind == "FY"
    assert (doc.period.start, doc.period.end) == (dt.date(2015, 1, 1), dt.date(2015, 12, 31))
    assert doc.period.label == "FY2015"
    income, balance = doc.tables
    assert income.kind == "income_statement" and balance.kind == "balance_sheet"
    assert [c.period for c in income.columns] == [
        Duration(start=dt.date(2014, 1, 1), end=dt.date(2014, 12, 31)),
        Duration(start=dt.date(2015, 1, 1), end=dt.date(2015, 12, 31))]
    assert [c.period for c in balance.columns] == [
        Instant(date=dt.date(2014, 12, 31)), Instant(date=dt.date(2015, 12, 31))]
    labels = [r.label for r in income.rows]
    assert "Net income attributable to AWI" in labels  # OCR name from the company's data
    other = next(r for r in income.rows if r.label == "Other, net")
    assert other.cells[0] is not None and other.cells[0].value is None  # "--" is nil
    total = next(r for r in balance.rows if r.label == "Total assets")
    assert [c.value for c in total.cells if c] == [Decimal(-5000), Decimal(-6000)]
    assert not doc.problems

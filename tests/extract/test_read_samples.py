"""The five bundled releases read end to end; every expected cell checked by hand against
the sample text (line numbers in comments)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
import yaml

from generator.extract.layout import Cell, Document, Row, Table
from generator.extract.read import read_release, read_text
from generator.model.entity import Company, Entity
from generator.model.period import Duration, Instant
from generator.model.taxonomy import Taxonomy
from generator.resources import samples_dir, taxonomy_dir
from generator.taxonomy.load import TaxonomyError, load_taxonomy


def companies_only() -> Taxonomy:
    """The reader needs only the companies; other declarations may be mid-edit."""
    companies = {}
    for path in sorted((taxonomy_dir() / "companies").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data.pop("entity", None)
        companies[path.stem] = Company(
            id=path.stem, entity=Entity(scheme="http://www.tse.or.jp/sicc", identifier="0"),
            **{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})
    return Taxonomy(name="t", prefix="t", namespace="urn:t", version="1", schema_file="t.xsd",
                    role_base="urn:t/role", concepts={}, networks=(), axes={}, units={},
                    measures={}, companies=companies)


@cache
def taxonomy() -> Taxonomy:
    try:
        return load_taxonomy()
    except TaxonomyError:
        return companies_only()


@cache
def doc(prefix: str) -> Document:
    path = next(p for p in sorted(samples_dir().glob("*.txt")) if p.name.startswith(prefix))
    return read_release(Path(path), taxonomy())


def tables(document: Document, kind: str) -> list[Table]:
    return [t for t in document.tables if t.kind == kind]


def row(table: Table, label: str, nth: int = 0) -> Row:
    exact = [r for r in table.rows if r.label.lower() == label.lower()]
    found = exact or [r for r in table.rows if r.label.lower().startswith(label.lower())]
    assert len(found) > nth, f"no row {label!r} in {table.title!r}: {[r.label for r in table.rows]}"
    return found[nth]


def values(r: Row) -> list[Decimal | str | None]:
    """Cell values; "." for an empty slot, None for a printed dash."""
    return ["." if c is None else c.value for c in r.cells]


def D(text: str) -> Decimal:
    return Decimal(text)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def span(start: str, end: str) -> Duration:
    return Duration(start=day(start), end=day(end))


def at(text: str) -> Instant:
    return Instant(date=day(text))


H1_09, H1_10 = span("2009-04-01", "2009-09-30"), span("2010-04-01", "2010-09-30")


# -- 002: newswire --------------------------------------------------------------------------
def test_002_metadata() -> None:
    d = doc("002")
    assert d.layout == "newswire" and d.company == "iij" and d.usd_rate == D("83.53")
    assert d.period is not None
    assert (d.period.kind, d.period.start, d.period.end) == ("H1", day("2010-04-01"),
                                                              day("2010-09-30"))
    assert (d.period.fiscal_year_start, d.period.fiscal_year_end) == (day("2010-04-01"),
                                                                      day("2011-03-31"))
    assert d.period.label == "1H FY2010"


def test_002_balance_sheet() -> None:
    [bs] = tables(doc("002"), "balance_sheet")  # both pages joined (lines 252-317)
    assert [c.role for c in bs.columns] == [
        "value", "percent_of_revenue", "translation", "value", "percent_of_revenue"]
    assert [c.period for c in bs.columns] == [at("2010-03-31")] * 2 + [at("2010-09-30")] * 3
    assert [(c.currency, c.scale) for c in bs.columns][:4] == [
        ("JPY", 1000), (None, 1), ("USD", 1000), ("JPY", 1000)]
    cash = row(bs, "Cash and cash equivalents")  # line 258: empty % columns
    assert values(cash) == [D("8764415"), ".", D("112631"), D("9408031"), "."]
    assert cash.line == 258
    total = row(bs, "Total current assets")  # line 265
    assert values(total) == [D("24894642"), D("48.7"), D("379331"), D("31685547"), D("48.1")]
    pct = total.cells[1]
    assert pct is not None and pct.percent and pct.fraction_digits == 1
    assert values(row(bs, "Accumulated deficit")) == [  # line 308
        D("-16720092"), D("-32.7"), D("-192913"), D("-16113995"), D("-24.4")]
    assert values(row(bs, "Short-term borrowings")) == [  # line 289, second page
        D("4450000"), ".", D("161020"), D("13450000"), "."]
    assert len([r for r in bs.rows if r.label == "TOTAL"]) == 2


def test_002_income_statements() -> None:
    six, per_share, three, three_per_share = tables(doc("002"), "income_statement")
    assert [c.period for c in six.columns if c.role == "value"] == [H1_09, H1_10]
    assert values(row(six, "Total revenues")) == [  # line 341
        D("32275024"), D("100.0"), D("410297"), D("34272080"), D("100.0")]
    assert values(row(six, "Interest expense")) == [  # line 355
        D("-168189"), ".", D("-1417"), D("-118348"), "."]
    assert values(row(six, "NET INCOME ATTRIBUTABLE TO INTERNET")) == [
        D("715387"), D("2.2"), D("10287"), D("859277"), D("2.5")]
    # Per-share block under the same title (lines 369-378): no units, no % columns.
    assert per_share.title == six.title
    assert [c.role for c in per_share.columns] == ["value", "translation", "value"]
    assert values(row(per_share, "BASIC WEIGHTED-AVERAGE NUMBER OF SHARES")) == [
        D("202544"), ".", D("202605")]
    eps = row(per_share, "BASIC NET INCOME PER SHARE").cells
    assert [c.value for c in eps if c] == [D("3532.01"), D("50.77"), D("4241.14")]
    assert all(c is not None and c.fraction_digits == 2 for c in eps)
    q3 = span("2010-07-01", "2010-09-30")
    assert [c.period for c in three.columns if c.role == "value"] == [
        span("2009-07-01", "2009-09-30"), q3]
    assert values(row(three, "Total revenues")) == [
        D("16440514"), D("100.0"), D("220984"), D("18458817"), D("100.0")]
    assert three_per_share.columns[0].period == span("2009-07-01", "2009-09-30")


def test_002_cash_flows() -> None:
    six, three = tables(doc("002"), "cash_flows")
    assert [c.role for c in six.columns] == ["value", "translation", "value"]
    assert six.columns[2].period == H1_10
    begin = row(six, "CASH AND CASH EQUIVALENTS, BEGINNING OF")  # line 440
    assert values(begin) == [D("10187724"), D("104926"), D("8764415")]
    nil = row(six, "Impairment loss on other intangible assets").cells[0]  # "--", line 394
    assert isinstance(nil, Cell) and nil.value is None and nil.text == "--"
    assert values(row(six, "Net cash provided by (used in) financing")) == [
        D("-2062635"), D("87439"), D("7303812")]
    assert values(row(three, "CASH AND CASH EQUIVALENTS, BEGINNING OF")) == [
        D("9897436"), D("109388"), D("9137145")]


def test_002_summary_tables() -> None:
    d = doc("002")
    summary = tables(d, "operating_summary")[0]
    assert [c.role for c in summary.columns] == ["value", "value", "change_percent"]
    assert summary.columns[0].scale == Decimal(10) ** 6 and summary.columns[0].period == H1_09
    network = row(summary, "Network Services")  # "Network Services 2 18,304 ..." line 38
    assert values(network) == [D("18304"), D("20686"), D("13.0")] and network.footnote == "2"
    si = row(summary, "SI").cells[2]
    assert si is not None and si.value == D("-4.7") and si.percent
    contracts = tables(d, "contracts")[0]
    assert [c.period for c in contracts.columns[:2]] == [at("2009-09-30"), at("2010-09-30")]
    assert contracts.columns[2].role == "change"
    mobile = row(contracts, "IIJ Mobile Service")  # line 92, footnote 4
    assert values(mobile) == [D("27327"), D("33906"), D("6579")] and mobile.footnote == "4"
    assert values(row(contracts, "Total Contracted Bandwidth")) == [
        D("619.8"), D("702.5"), D("82.7")]
    ebitda = tables(d, "adjusted_ebitda")[0]
    assert values(row(ebitda, "Impairment loss")) == [None, D("100")]
    assert tables(d, "capex")[0].rows[0].cells[1] is not None
    assert {t.kind for t in d.tables} >= {
        "segments", "network_services_revenue", "tse_results", "tse_position", "dividends",
        "targets", "quarterly_series"}


def test_002_tse_tables_name_periods_in_rows() -> None:
    d = doc("002")
    [results] = [t for t in tables(d, "tse_results") if len(t.columns) == 8]
    assert [c.role for c in results.columns] == ["value", "change_percent"] * 4
    current = row(results, "Six months ended September 30, 2010")  # line 744
    assert current.period == H1_10
    assert values(current) == [D("34272"), D("6.2"), D("1201"), D("3.0"), D("1006"),
                               D("-1.9"), D("859"), D("20.1")]
    [position] = tables(d, "tse_position")
    assert row(position, "September 30, 2010").period == at("2010-09-30")
    [dividends] = tables(d, "dividends")
    target = row(dividends, "Fiscal year ending March 31, 2011 (Target)")  # line 768
    assert target.forecast and values(target) == [".", ".", None, D("1250.00"), D("2500.00")]
    interim = row(dividends, "Fiscal year ending March 31, 2011")
    assert values(interim) == [None, D("1250.00"), ".", ".", "."]
    [targets] = [t for t in tables(d, "targets") if not t.unit_from]  # line 209's: unitless
    assert targets.rows[0].forecast and targets.rows[0].period == span("2010-04-01",
                                                                        "2011-03-31")


# -- 003: run-on paragraphs -----------------------------------------------------------------
def test_003_run_on_statements() -> None:
    d = doc("003")
    assert d.layout == "runon" and d.usd_rate is None
    assert d.period is not None and d.period.label == "1H FY2017"
    [bs] = tables(d, "balance_sheet")
    assert [c.period for c in bs.columns] == [at("2017-03-31"), at("2017-09-30")]
    assert values(row(bs, "Cash and cash equivalents")) == [D("21958591"), D("19871031")]
    assert values(row(bs, "Deferred tax assets—current")) == [D("1298469"), None]
    assert values(row(bs, "Treasury stock")) == [D("-1896784"), D("-1896784")]
    assert values(row(bs, "Total equity")) == [D("67380200"), D("69402722")]
    income = tables(d, "income_statement")
    six = income[0]
    revenue = row(six, "Total revenues")  # the statement runs over lines 183-189
    assert revenue.line == 189 and all(c is not None and c.line == 189 for c in revenue.cells)
    assert [c.period for c in six.columns] == [span("2016-04-01", "2016-09-30"),
                                               span("2017-04-01", "2017-09-30")]
    assert six.columns[0].scale == 1000
    assert values(row(six, "Total revenues")) == [D("74123270"), D("82988285")]
    assert values(row(six, "Interest expense")) == [D("-142345"), D("-184365")]
    assert values(row(six, "LESS: NET INCOME ATTRIBUTABLE TO NONCONTROLLING")) == [
        D("-85389"), D("-88642")]
    # the per-share rows follow the statement's header repeated without units, where a page
    # broke it: the same statement continues (per-share figures and shares take no scale)
    eps = row(six, "BASIC NET INCOME PER SHARE").cells
    assert [c.value for c in eps if c] == [D("24.11"), D("33.02")]
    comprehensive = tables(d, "comprehensive_income")[0]
    assert values(row(comprehensive, "TOTAL COMPREHENSIVE INCOME")) == [
        D("1241246"), D("2699672")]
    cash = tables(d, "cash_flows")[0]
    assert values(row(cash, "CASH AND CASH EQUIVALENTS, BEGINNING")) == [
        D("19569095"), D("21958591")]
    assert values(row(cash, "Net cash provided by (used in) financing")) == [
        D("154757"), D("-3673470")]


def test_003_run_on_summaries() -> None:
    d = doc("003")
    summary = tables(d, "operating_summary")[0]
    assert [c.role for c in summary.columns] == ["value", "value", "change_percent"]
    atm = row(summary, "ATM operation business")  # "(0.4 )"
    assert values(atm) == [D("2052"), D("2044"), D("-0.4")]
    assert len(summary.rows) == 19
    breakdown = tables(d, "network_services_revenue")[0]
    assert row(breakdown, "IP service").footnote == "*1"
    contracts = tables(d, "contracts")[0]
    bandwidth = row(contracts, "Total contracted bandwidth")
    assert values(bandwidth) == [D("2371.8"), D("2932.5"), D("560.7")]
    assert bandwidth.footnote == "*2"
    [results] = [t for t in tables(d, "tse_results") if len(t.columns) == 8]
    previous = row(results, "Six months ended September 30, 2016")  # label over lines 289-291
    change = previous.cells[3]
    assert change is not None and (change.text, change.value, change.percent) == (
        "(24.0 )", D("-24.0"), True)
    assert previous.line == 289 and change.line == 291
    [dividends] = tables(d, "dividends")
    assert row(dividends, "Fiscal Year Ending March 31, 2018 (forecast)").forecast


# -- 004: tab-separated ---------------------------------------------------------------------
def test_004_tabbed_statements() -> None:
    d = doc("004")
    assert d.layout == "tabbed" and d.usd_rate == D("98.29")
    [bs] = tables(d, "balance_sheet")
    assert [c.role for c in bs.columns] == ["value", "translation", "value"]
    assert [c.period for c in bs.columns] == [at("2013-03-31"), at("2013-09-30"),
                                              at("2013-09-30")]
    assert values(row(bs, "Cash and cash equivalents")) == [
        D("12258872"), D("262302"), D("25781630")]
    assert values(row(bs, "LONG-TERM BORROWINGS")) == [D("980000"), None, None]  # "_" "-"
    common = row(bs, "Common-stock")  # label continued on line 317
    assert common.label.endswith("46,697,800 shares at September 30, 2013")
    six, per_share, three, _ = tables(d, "income_statement")
    h1_13 = span("2013-04-01", "2013-09-30")  # header damaged: "onths Ended hber 30, 2013"
    assert [c.period for c in six.columns] == [span("2012-04-01", "2012-09-30"), h1_13, h1_13]
    assert values(row(six, "Total revenues")) == [D("51109001"), D("553433"), D("54396959")]
    assert values(row(per_share, "BASIC WEIGHTED-AVERAGE NUMBER OF SHARES")) == [
        D("40536800"), ".", D("42683242")]
    assert three.columns[2].period == span("2013-07-01", "2013-09-30")
    [comprehensive] = tables(d, "comprehensive_income")
    assert values(row(comprehensive, "Total comprehensive income")) == [
        D("1998253"), D("27297"), D("2683019")]
    six_cf, three_cf = tables(d, "cash_flows")  # each continued over a page break
    assert values(row(six_cf, "CASH AND CASH EQUIVALENTS, BEGINNING")) == [
        D("13536824"), D("124722"), D("12258872")]
    assert three_cf.columns[2].period == span("2013-07-01", "2013-09-30")  # "nths Ended er 30"
    assert values(row(three_cf, "Proceeds from sales of other investments")) == [
        D("68996"), None, None]  # ", -"
    assert values(row(three_cf, "Net cash provided by (used in) financing")) == [
        D("-1424440"), D("155356"), D("15269908")]


def test_004_tabbed_summaries() -> None:
    d = doc("004")
    q2 = tables(d, "operating_summary")[1]  # damaged "2010 0040 YoY %" over "2Q12 2Q13 Change"
    assert [c.role for c in q2.columns] == ["value", "value", "change_percent"]
    assert values(row(q2, "Operating Income")) == [D("1889"), D("1704"), D("-9.8")]
    [results] = [t for t in tables(d, "tse_results") if len(t.columns) == 8]
    assert results.columns[0].header.startswith("Total Revenues")
    assert results.columns[1].role == "change_percent"
    [dividends] = tables(d, "dividends")
    assert len(dividends.columns) == 5
    forecast = row(dividends, "Fiscal Year Ending March 31, 2014 (forecast)")
    assert forecast.forecast and values(forecast) == [".", ".", None, D("11.00"), D("22.00")]
    [targets] = tables(d, "targets")
    revenue = targets.rows[0].cells[0]
    assert revenue is not None and revenue.value == D("117000")


# -- 000: OCR -------------------------------------------------------------------------------
def test_000_ocr_metadata_and_statements() -> None:
    d = doc("000")
    assert d.layout == "ocr" and d.company == "iij" and d.usd_rate == D("77.04")
    assert d.period is not None and d.period.label == "1H FY2011"
    [bs] = tables(d, "balance_sheet")  # two pages, header repeated after a page break
    assert values(row(bs, "Cash and cash equivalents")) == [
        D("13313615"), D("142451"), D("10974453")]
    assert values(row(bs, "Long-term borrowings -Current portion")) == [
        None, D("13110"), D("1010000")]
    assert values(row(bs, "Short-term borrowings")) == [D("13430000"), D("116433"),
                                                        D("8970000")]
    six = tables(d, "income_statement")[0]
    assert values(row(six, "Total revenues")) == [D("34272080"), D("612753"), D("47206508")]
    pretax = row(six, "INCOME FROM OPERATIONS BEFORE INCOME TAX EXPENSE AND EQUITY IN NET "
                      "INCOME OF EQUITY METHOD INVESTEES")  # broken over lines 520-522
    assert values(pretax) == [D("1005964"), D("29735"), D("2290809")]
    assert row(six, "NET INCOME ATTRIBUTABLE TO INTERNET INITIATIVE JAPAN INC.")
    cash = tables(d, "cash_flows")[0]
    assert values(row(cash, "CASH AND CASH EQUIVALENTS, BEGINNING OF THE PERIOD")) == [
        D("8764415"), D("172814"), D("13313615")]
    damaged = row(cash, "Repay")  # "(6.490)" in an integer column
    assert values(damaged) == [D("-300000"), D("-6490"), D("-500000")]
    assert damaged.cells[1] is not None and damaged.cells[1].repaired


def test_000_ocr_repairs() -> None:
    d = doc("000")
    breakdown = tables(d, "network_services_revenue")[0]
    corporate = row(breakdown, "Internet Connectivity Services (Corporate Use)")  # 135-136
    assert values(corporate) == [D("6941"), D("7277"), D("4.8")]
    assert all(c is not None and c.repaired for c in (corporate.cells[0], corporate.cells[2]))
    assert row(breakdown, "IIJ FiberAccess/F and IIJ DSL/F")  # "I1J ... 11J" in the text
    summary = tables(d, "operating_summary")[0]
    assert row(summary, "SI")  # "Sl"
    assert row(summary, "Net income attributable to IIJ")  # "11J"
    contracts = tables(d, "contracts")[0]
    dc = row(contracts, "IIJ Data Center Connectivity Service")  # "(3" line 157
    assert values(dc) == [D("307"), D("304"), D("-3")] and dc.cells[2] is not None
    assert dc.cells[2].repaired
    ebitda = tables(d, "adjusted_ebitda")[0]
    assert row(ebitda, "Equity in Net Income of Equity Method Investees")  # lines 322-323
    q2 = tables(d, "operating_summary")[1]  # "2011" for 2Q11 in the header
    assert q2.columns[1].period == span("2011-07-01", "2011-09-30")
    q2_ebitda = tables(d, "adjusted_ebitda")[1]  # numbers on the line after the label
    carried = row(q2_ebitda, "Equity in Net Income (Loss) of Equity Method Investees")
    assert values(carried) == [D("-3"), D("36")] and carried.line == 902  # "3) 36"
    assert values(row(q2_ebitda, "Net income attributable to noncontrolling interests")) == [
        D("48"), D("18")]  # ") 48 18": the stray parenthesis is not a number


def test_000_unreadable_tokens_are_problems_not_numbers() -> None:
    d = doc("000")
    lost = [p for p in d.problems if "prints no figures" in p]  # OCR dropped them (394-395)
    assert [p.split(":")[0] for p in lost] == ["line 394", "line 404", "line 408", "line 414"]
    cash = tables(d, "cash_flows")[0]
    acquisition = next(r for r in cash.rows if r.line == 727)  # "(9.170,000) ) )"
    assert values(acquisition) == [D("-9170000"), ".", "."]
    assert any(p.startswith("line 727:") and "')'" in p for p in d.problems)


# -- 001: slides ----------------------------------------------------------------------------
def test_001_slides() -> None:
    d = doc("001")
    assert d.layout == "slides" and d.period is not None
    assert (d.period.kind, d.period.end) == ("Q3", day("2011-12-31"))
    results = tables(d, "operating_summary")[0]
    nine_months = span("2011-04-01", "2011-12-31")  # "3Q11 (11/4~11/12)"
    assert [c.role for c in results.columns] == [
        "percent_of_revenue", "value", "percent_of_revenue", "value", "change_percent"]
    assert results.columns[1].period == nine_months
    assert results.columns[1].scale == Decimal(10) ** 9
    assert values(row(results, "Total Costs")) == [
        D("80.1"), D("56.7"), D("79.7"), D("45.3"), D("25.2")]
    assert values(row(results, "Total Revenues")) == [".", D("70.8"), ".", D("56.8"), D("24.6")]
    [bs] = tables(d, "balance_sheet")
    assert [c.period for c in bs.columns[:2]] == [at("2011-03-31"), at("2011-12-31")]
    assert values(row(bs, "Inventories")) == [D("601"), D("1026"), D("425")]  # "+425"
    [atm] = [t for t in tables(d, "quarterly_series")
             if any(r.label == "Operating Loss" for r in t.rows)]
    assert atm.columns[0].period == span("2010-04-01", "2010-06-30")
    assert values(row(atm, "Operating Loss")) == [
        D("-161"), D("-140"), D("-165"), D("-177"), D("-111"), D("-58"), D("-29")]
    [targets] = tables(d, "targets")
    assert [(c.role, c.forecast, c.superseded) for c in targets.columns[:3]] == [
        ("value", True, False), ("value", True, True), ("value", False, False)]  # initial target
    assert values(row(targets, "Total Revenues"))[:3] == [D("97.0"), D("100.0"), D("82.4")]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_table_is_well_formed(prefix: str) -> None:
    d = doc(prefix)
    assert d.tables
    for table in d.tables:
        for r in table.rows:
            assert len(r.cells) == len(table.columns), (table.title, r.label)
            for c in r.cells:
                assert c is None or c.value is None or isinstance(c.value, Decimal)


def test_000_column_wise_per_share_block_is_folded_back() -> None:
    d = doc("000")
    per_share = tables(d, "income_statement")[1]  # lines 532-602: labels, then 20 numbers
    assert [c.role for c in per_share.columns] == ["value", "translation", "value"]
    assert values(row(per_share, "BASIC WEIGHTED-AVERAGE NUMBER OF SHARES (shares)")) == [
        D("202605"), ".", D("202684")]
    assert values(row(per_share, "DILUTED NET INCOME PER SHARE")) == [
        D("4241.14"), D("87.16"), D("6715.15")]
    eps = row(per_share, "BASIC NET INCOME PER ADS EQUIVALENT")  # label over lines 558-559
    assert values(eps) == [D("10.60"), D("0.22"), D("16.79")]
    assert eps.cells[1] is not None and eps.cells[1].line == 584


def test_000_tse_rows_join_their_period_words() -> None:
    d = doc("000")
    [results] = [t for t in tables(d, "tse_results") if len(t.columns) == 8]
    current = row(results, "Six months ended September 30, 2011")  # lines 1179-1181
    assert current.period == span("2011-04-01", "2011-09-30")
    assert values(current)[:2] == [D("47207"), D("37.7")]
    [dividends] = tables(d, "dividends")
    target = row(dividends, "Fiscal year ending March 31, 2012 (Target)")  # lines 1218-1219
    assert target.forecast and values(target) == [".", ".", None, D("1500.00"), D("3000.00")]


def test_000_equity_statement_rows_carry_the_statement_period() -> None:
    d = doc("000")
    first = tables(d, "equity")[0]  # "For the six months ended September 30, 2010"
    assert row(first, "BALANCE, APRIL 1, 2010").period == at("2010-04-01")
    assert row(first, "Dividends paid").period == span("2010-04-01", "2010-09-30")
    assert first.columns[4].currency is None and first.columns[0].scale == 1000  # Shares
    assert any("line 624:" in p and "guess" in p for p in d.problems)  # blank column unknown
    in_usd = tables(d, "equity")[2]  # "(In USD)", "Thousands of USD"
    assert in_usd.columns[0].role == "translation" and in_usd.columns[0].currency == "USD"


def test_002_unit_note_covers_the_tables_below_it() -> None:
    reference = [t for t in tables(doc("002"), "quarterly_series")]
    assert len(reference) == 6  # "[Old Classification] (Thousands of Yen)", "[New ...]" x 3
    assert all(c.scale == 1000 and c.currency == "JPY" for t in reference for c in t.columns)
    new_wan = row(reference[3], "WAN Service")  # line 574: 1Q08..4Q08, FY2008
    assert values(new_wan) == [D("561931"), D("590815"), D("639686"), D("662495"),
                               D("2454927")]
    assert reference[3].columns[4].period == span("2008-04-01", "2009-03-31")


def test_002_without_blank_cell_markers_aligns_by_the_header() -> None:
    """Newswire marks blank cells with a no-break space; without it the count of numbers and
    the header decide: share-of-revenue columns are the ones left blank."""
    path = next(p for p in sorted(samples_dir().glob("002_*.txt")))
    text = path.read_text(encoding="utf-8").replace("\u00a0", " ")
    d = read_text("002-plain.txt", text, taxonomy())
    [bs] = tables(d, "balance_sheet")
    assert values(row(bs, "Cash and cash equivalents")) == [
        D("8764415"), ".", D("112631"), D("9408031"), "."]
    assert values(row(bs, "Total current assets")) == [
        D("24894642"), D("48.7"), D("379331"), D("31685547"), D("48.1")]
    six, per_share = tables(d, "income_statement")[:2]
    assert values(row(six, "Interest expense")) == [
        D("-168189"), ".", D("-1417"), D("-118348"), "."]
    assert values(row(per_share, "BASIC WEIGHTED-AVERAGE NUMBER OF SHARES")) == [
        D("202544"), ".", D("202605")]

"""The run-on reader (sample 003's shape: a statement pasted as one paragraph), one behaviour
per test."""

from __future__ import annotations

from generator.extract.layout import Table
from generator.extract.read import read_text
from generator.extract.read.detect import detect_layout
from generator.extract.read.runon import segments
from generator.model.taxonomy import Taxonomy

HEADER = ("Six Months Ended Six Months Ended September 30, 2028 September 30, 2029 "
          "Thousands of")


def test_a_header_repeated_right_after_headings_is_a_header_not_a_label() -> None:
    # the page ended after "Network services:": the header is printed again before the row
    lines = [
        f"Acme Corp. Consolidated Statements of Income (Unaudited) {HEADER}", "",
        "JPY Thousands of", "",
        f"JPY REVENUES: Network services: {HEADER}", "",
        "JPY Thousands of", "",
        "JPY Internet connectivity services 920,247 374,512 WAN services 1,000 2,000",
    ]
    found = segments(lines, set())
    assert [s.kind for s in found if s.kind == "header"] == ["header", "header"]
    rows = [s for s in found if s.kind == "row"]
    assert [(r.label, r.tokens, r.line) for r in rows] == [
        ("Internet connectivity services", ["920,247", "374,512"], 9),
        ("WAN services", ["1,000", "2,000"], 9),
    ]
    headings = [s.label for s in found if s.kind == "text" and s.label.endswith(":")]
    assert headings == ["REVENUES:", "Network services:"]


def _numbers(count: int, start: int = 1) -> str:
    return " ".join(f"Item {i} {i},{i:03d} {i + 1},{i:03d}" for i in range(start, start + count))


def test_statements_run_on_together_on_one_line_are_read_as_run_on() -> None:
    # no note parts the statements: all of them are one paragraph, one long line of figures
    text = "\n\n".join([
        "Acme Corp. Announces First Six Months Results",
        "TOKYO -- Acme Corp. today announced its results.",
        f"Acme Corp. Consolidated Balance Sheets {HEADER}", "JPY Thousands of",
        f"JPY ASSETS: {_numbers(60)}",
        "For inquiries, contact: Acme Investor Relations (03) 5205-6500",
    ]) + "\n"
    assert detect_layout(text) == "runon"


def test_one_long_line_among_many_numbers_elsewhere_is_not_run_on() -> None:
    rows = [f"Item {i}{' ' * 20}{i},{i:03d}{' ' * 10}{i + 1},{i:03d}" for i in range(1, 80)]
    text = "\n".join([*rows, "", f"Summary {_numbers(20)}"]) + "\n"
    assert detect_layout(text) != "runon"


def test_a_header_repeated_without_units_before_rows_printing_shares_continues_the_table(
        taxonomy: Taxonomy) -> None:
    # the page broke inside the statement: its header is printed again without its unit cells,
    # and the rows after it still print the % of revenues and the change beside the amounts
    periods = "Six Months Ended September 30, 2028 Six Months Ended September 30, 2029"
    text = "\n".join([
        "Internet Initiative Japan Inc. Announces First Six Months Financial Results", "",
        "TOKYO, November 12, 2029 -- Internet Initiative Japan Inc. (\"IIJ\") today announced "
        "its consolidated financial results for the first six months of the Fiscal Year Ending "
        "March 31, 2030 (from April 1 to September 30, 2029, \"1H FY2029\").", "",
        "Internet Initiative Japan Inc. Quarterly Consolidated Statements of Income (Unaudited) "
        f"{periods} YoY % change Thousands of", "", "JPY % of total", "", "revenues Thousands of",
        "", "JPY % of total", "", "revenues REVENUES: "
        + " ".join(f"Service {i} {i},000 {i},100 {10 / i:.1f}" for i in range(1, 11))
        + " Total revenues 1,000,000 100.0 1,100,000 "
        "100.0 10.0 Cost of revenues 600,000 700,000 16.7 Gross profit 400,000 40.0 400,000 "
        f"36.4 0.0 {periods} YoY % change Operating income 150,000 15.0 200,000 18.2 33.3 Net "
        "income 100,000 10.0 130,000 11.8 30.0",
    ]) + "\n"
    doc = read_text("iij.txt", text, taxonomy)
    assert doc.layout == "runon"
    statement = next(t for t in doc.tables if t.kind == "income_statement")
    assert len(statement.columns) == 5
    rows = {r.label: [c.text if c else None for c in r.cells] for r in statement.rows}
    assert rows["Operating income"] == ["150,000", "15.0", "200,000", "18.2", "33.3"]
    assert rows["Net income"] == ["100,000", "10.0", "130,000", "11.8", "30.0"]


OPENING = [
    "Internet Initiative Japan Inc. Announces First Six Months Financial Results", "",
    "TOKYO, November 12, 2029 -- Internet Initiative Japan Inc. (\"IIJ\") today announced its "
    "consolidated financial results for the first six months of the Fiscal Year Ending March 31, "
    "2030 (from April 1 to September 30, 2029, \"1H FY2029\").", "",
]
PERIODS = "Six Months Ended September 30, 2028 Six Months Ended September 30, 2029"
SERVICES = " ".join(f"Service {chr(64 + i)} {i},000 {i},100" for i in range(1, 16))


def _one_table(taxonomy: Taxonomy, statement: str, body: str) -> tuple[str, Table]:
    """The layout read, and the one table, of a run-on release printing ``statement`` (its
    title's words) with the rows ``body`` in thousands of JPY."""
    text = "\n".join([
        *OPENING,
        f"Internet Initiative Japan Inc. Quarterly Consolidated {statement} (Unaudited) "
        f"{PERIODS} Thousands of", "", "JPY Thousands of", "",
        f"JPY {body}",
    ]) + "\n"
    doc = read_text("iij.txt", text, taxonomy)
    assert len(doc.tables) == 1
    assert [c.scale for c in doc.tables[0].columns] == [1000, 1000]
    return doc.layout, doc.tables[0]


def _cash_flows(taxonomy: Taxonomy, body: str) -> Table:
    """The one table read from a run-on cash-flow statement whose rows are ``body``."""
    return _one_table(taxonomy, "Statements of Cash Flows",
                      f"OPERATING ACTIVITIES: {SERVICES} {body}")[1]


def test_a_header_repeated_after_headings_before_any_figure_continues_the_table(
        taxonomy: Taxonomy) -> None:
    # "REVENUES: Network services:" then the page broke; the header comes again without units
    layout, statement = _one_table(
        taxonomy, "Statements of Income",
        f"REVENUES: Network services: {PERIODS} {SERVICES} Total revenues 120,000 132,000")
    assert layout == "runon" and statement.kind == "income_statement"
    assert {r.label for r in statement.rows} >= {"Service A", "Total revenues"}


def test_a_header_repeated_without_units_continues_a_table_in_its_scale(
        taxonomy: Taxonomy) -> None:
    # no share-of-revenue column to drop: the rows after the repeated header are the same
    # statement's, in thousands still (not a per-share block read unscaled)
    statement = _cash_flows(taxonomy, f"{PERIODS} INVESTING ACTIVITIES: Purchase of property "
                                      "and equipment (5,358 ) (6,423 ) Net cash used in "
                                      "investing activities (3,896 ) (4,499 )")
    assert statement.rows[-1].label == "Net cash used in investing activities"


def test_a_section_heading_before_a_repeated_header_stays_the_statements(
        taxonomy: Taxonomy) -> None:
    # "... 4,499 FINANCING ACTIVITIES: Six Months Ended ...": the page broke after the heading
    statement = _cash_flows(taxonomy, "Net cash used in investing activities (3,896 ) (4,499 ) "
                                      f"FINANCING ACTIVITIES: {PERIODS} Dividends paid (505 ) "
                                      "(608 ) Net cash used in financing activities (505 ) (608 )")
    assert statement.rows[-1].label == "Net cash used in financing activities"


def test_a_per_share_heading_before_a_repeated_header_keeps_the_dollar_column(
        taxonomy: Taxonomy) -> None:
    # "NET INCOME PER SHARE Six Months Ended ...": the per-share rows print yen, dollars, yen
    text = "\n".join([
        *OPENING,
        "Internet Initiative Japan Inc. Quarterly Consolidated Statements of Income (Unaudited) "
        f"{PERIODS} Thousands of", "", "JPY % of total", "", "revenues Thousands of", "",
        "U.S. Dollars Thousands of", "", "JPY % of total", "",
        "revenues REVENUES: " + " ".join(
            f"Service {chr(64 + i)} {i},000 {i * 10} {i},100" for i in range(1, 11))
        + " Total revenues 55,000 100.0 600 56,000 100.0 Net income 5,000 9.1 55 5,600 10.0 "
        f"NET INCOME PER SHARE {PERIODS} Basic net income per share 24.11 0.37 33.02 "
        "Diluted net income per share 24.05 0.36 32.91",
    ]) + "\n"
    doc = read_text("iij.txt", text, taxonomy)
    assert not [p for p in doc.problems if "not placed" in p]
    placed = {r.label: [(t.columns[i].role, c.text) for i, c in enumerate(r.cells) if c]
              for t in doc.tables for r in t.rows}
    assert placed["Basic net income per share"] == [
        ("value", "24.11"), ("translation", "0.37"), ("value", "33.02")]


def test_a_header_printed_twice_around_a_heading_keeps_the_share_columns(
        taxonomy: Taxonomy) -> None:
    # the balance sheet's header comes again after the assets' total, and once more after the
    # liabilities' heading, both without units: the rows under the second decide the columns
    # (the first alone, with no row under it, cut the share-of-total columns: the totals'
    # five figures were read as three and every figure of the section was held back)
    dates = "As of March 31, 2029 As of September 30, 2029"
    text = "\n".join([
        *OPENING,
        "Internet Initiative Japan Inc. Quarterly Consolidated Balance Sheets (Unaudited) "
        f"{dates} Thousands of", "", "JPY % Thousands of", "", "JPY % ASSETS: "
        + " ".join(f"Asset {chr(64 + i)} {i},000 {i},100" for i in range(1, 11))
        + f" Total assets 55,000 100.0 56,100 100.0 {dates} LIABILITIES AND EQUITY: "
        f"CURRENT LIABILITIES: {dates} Short-term borrowings 1,000 1,100 Accounts payable "
        "2,000 2,200 Total current liabilities 3,000 5.5 3,300 5.9",
    ]) + "\n"
    doc = read_text("iij.txt", text, taxonomy)
    assert doc.layout == "runon"
    [sheet] = [t for t in doc.tables if t.kind == "balance_sheet"]
    rows = {r.label: [c.text if c else None for c in r.cells] for r in sheet.rows}
    assert len(sheet.columns) == 4
    assert rows["Short-term borrowings"] == ["1,000", None, "1,100", None]
    assert rows["Total current liabilities"] == ["3,000", "5.5", "3,300", "5.9"]


def test_a_scan_s_mark_before_a_line_is_no_word_of_its_paragraph() -> None:
    lines = ["Operating Results Summary 2Q16 2Q17 YoY %", "",
             "' Change JPY millions JPY millions Total Revenues: 37,944 42,024 10.8"]
    headers = [s.header_text for s in segments(lines, set()) if s.kind == "header"]
    assert headers == ["2Q16 2Q17 YoY % Change JPY millions JPY millions"]

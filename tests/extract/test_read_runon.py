"""The run-on reader (sample 003's shape: a statement pasted as one paragraph), one behaviour
per test."""

from __future__ import annotations

from generator.extract.read.runon import segments

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

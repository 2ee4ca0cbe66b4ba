"""Label evidence: a figure printed inside a row's label is named, dated and given its unit by
the label's own words ("net of allowance for doubtful accounts of JPY 37,178 thousand and
JPY 56,787 thousand at March 31, 2010 and September 30, 2010, respectively").

Nothing places such a figure by position, so the failure the column checks guard against — a
figure under the wrong header or in the wrong row — cannot happen to it: the words before it
name its concept (taxonomy data), the unit and scale are printed with it, and the dates are
printed after it and must be dates of the table's own columns (the mapper lists the figure as
unmapped otherwise). So a label that dates its figures itself confirms them (rows and
assignment). A figure dated only by the table's columns (a label that prints no date) is
confirmed in its rows, not its period: it needs another printing (:mod:`.twice`). In OCR text
the label's words and digits are themselves in doubt: there only another printing proves it.
A figure with a digit printed as its lookalike letter ("JPY 37,l48 thousand") is read but
always held back: nothing printed says the letter stood for that digit.
"""

from __future__ import annotations

from generator.extract.proof.columns import BOTH, ROWS, ColumnFacts
from generator.extract.read.inlabel import misread

CHECK = "in its label"
UNTRUSTED_LAYOUTS = frozenset({"ocr"})


MISREAD = ("a digit of it is printed as the letter OCR confuses with it ('{text}'): its value "
           "is a reading, not what was printed")


def check(column: ColumnFacts, layout: str) -> None:
    strip = column.label
    if strip is None:
        return
    for fact in column.facts:  # "JPY 37,l48 thousand": held back, whatever proves the others
        if misread(fact.source.text or ""):
            column.doubt_fact(fact, MISREAD.format(text=fact.source.text))
    if layout in UNTRUSTED_LAYOUTS:
        return
    words = f"'{strip.words}'"
    if strip.dated_by_label:
        column.confirm(CHECK, f"the label names it ({words}), prints its unit and the dates of "
                              "the table's columns for it", BOTH)
    else:
        column.confirm(CHECK, f"the label names it ({words}) and prints its unit, but no date",
                       ROWS)

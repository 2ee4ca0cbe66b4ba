"""The compact fact table: rows read back exactly, grouping by context class, bounded size."""

from __future__ import annotations

import tracemalloc
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from generator.validate.calculation import CalcCollector, CalcModel
from generator.validate.duplicates import DuplicateCollector
from generator.validate.facttable import FactTable, TextColumn
from generator.validate.instance import Context, Fact, Unit
from generator.validate.taxonomy import Concept

JPY = Unit("u", 1, ("{http://www.xbrl.org/2003/iso4217}JPY",), (), cls=0)


def _ctx(cls: int, ident: str = "c") -> Context:
    return Context(ident, 1, "s", "e", "duration", "2024-01-01", "2024-12-31", cls=cls)


def _fact(concept: str, text: str, decimals: str | None = "-6", dec: int | None = -6,
          line: int | None = 7, fact_id: str | None = None, lang: str | None = None,
          context_ref: str = "c") -> Fact:
    fact = Fact(concept, fact_id, context_ref, "u", decimals, None, False, text, line, lang)
    fact.dec = dec
    try:
        fact.value = Decimal(text)
    except ArithmeticError:
        fact.value = None
    return fact


@given(st.lists(st.one_of(st.none(), st.text(max_size=12)), max_size=40),
       st.integers(min_value=1, max_value=7))
def test_text_column_round_trips(texts: list[str | None], batch: int) -> None:
    column = TextColumn()
    for i in range(0, len(texts), batch):
        column.extend(texts[i:i + batch])
    assert len(column) == len(texts)
    assert [column[i] for i in range(len(texts))] == texts


def test_rows_read_back_as_facts() -> None:
    table = FactTable()
    table._BATCH = 3  # several flushes
    ctx = _ctx(0, "ctx-a")
    facts = [
        _fact("{n}A", " 1000000 ", fact_id="f1"),
        _fact("{n}A", "5", decimals=" -6"),  # unusual spelling kept
        _fact("{n}A", "5", decimals=None, dec=None),  # precision-only
        _fact("{n}A", "5", decimals="INF", dec=None, line=None),
        _fact("{n}A", "5", decimals="9" * 30, dec=int("9" * 30), line=(1 << 40)),
        _fact("{n}A", "1.50", decimals="2", dec=2, lang="ja", fact_id="事実"),
        _fact("{n}T", "x" * 100, decimals=None, dec=None, lang="en"),
    ]
    rows = [table.row_of(f, ctx, JPY, not f.concept.endswith("T")) for f in facts]
    assert rows == list(range(len(facts)))
    assert table.row_of(facts[-1], ctx, JPY, False) == rows[-1]  # same fact, same row
    table.flush()
    for row, fact in zip(rows, facts, strict=True):
        back = table.fact(row)
        assert back.concept == fact.concept
        assert back.id == fact.id
        assert back.context_ref == "ctx-a"
        assert back.decimals == fact.decimals
        assert back.dec == fact.dec
        assert back.line == fact.line
        assert back.lang == fact.lang
        if row < len(facts) - 1:
            assert back.text == fact.text.strip()
            assert str(back.value) == str(fact.value)
        else:  # non-numeric: shown text cut, value compared by digest
            assert back.text == "x" * 40


def test_rows_grouped_by_context_class_in_reading_order() -> None:
    table = FactTable()
    contexts = [_ctx(2), _ctx(0), _ctx(2), _ctx(-1), _ctx(0)]
    for i, ctx in enumerate(contexts):
        table.row_of(_fact("{n}A", str(i)), ctx, JPY, True)
    assert [list(rows) for rows in table.buckets()] == [[3], [1, 4], [0, 2]]


def test_duplicates_compare_whole_text_but_show_forty_characters() -> None:
    concept = Concept("{n}T", "item", "duration", None, False, True, False, False, False, False,
                      False, ())
    dups = DuplicateCollector("f.xbrl")
    ctx = _ctx(0)
    same, other = "y" * 45, "y" * 44 + "z"
    dups.add(_fact("{n}T", same, None, None), concept, ctx, None)
    dups.add(_fact("{n}T", " " + same + "\n", None, None), concept, ctx, None)
    assert dups.finish() == []
    dups.add(_fact("{n}T", other, None, None, line=9), concept, ctx, None)
    dups.add(_fact("{n}T", other, None, None, lang="en"), concept, ctx, None)  # other language
    (finding,) = dups.finish()
    assert finding.line == 7 and "3 times" in finding.message
    assert "y" * 40 + ", " in finding.message and "z" not in finding.message


def test_calc_duplicates_ignore_language() -> None:
    model = CalcModel(networks={("elr", "{n}P"): [("{n}C", Decimal(1))]}, concepts={"{n}P", "{n}C"})
    calc = CalcCollector("f.xbrl", model)
    ctx = _ctx(0)
    calc.add(_fact("{n}C", "1000000", lang="ja"), ctx, JPY)
    calc.add(_fact("{n}C", "9000000", lang="en"), ctx, JPY)  # clash: binding unusable
    calc.add(_fact("{n}P", "5000000"), ctx, JPY)
    assert calc.finish() == []


def test_rows_stay_small() -> None:
    """About 60 bytes and the value text (at most 40 characters of a text block) per fact."""
    contexts = [_ctx(i, f"c{i}") for i in range(2000)]
    facts = [_fact(f"{{n}}C{i % 7}", str(1000000 * i), context_ref=f"c{i % 2000}")
             if i % 2 else  # every other fact a text block, with no decimals
             _fact("{n}T", "<p>text</p>" * 100, None, None, lang="ja")
             for i in range(20000)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        table = FactTable()
        for i, fact in enumerate(facts):
            table.row_of(fact, contexts[i % 2000], JPY, bool(i % 2))
        table.flush()
        used = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(table) == 20000
    assert used / 20000 < 100, used / 20000

"""A label wrapped over two lines with its figures on one of them is one label when, and only
when, the two lines together are one of the network's wordings and the line without figures
names nothing alone: "Internet Connectivity<TAB>100,282 ..." / "Services (Corporate Use)" is
the connectivity contracts' line; a heading that names a group stays a heading."""

from __future__ import annotations

import functools
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.extract.layout import Row
from generator.extract.map_rows.wrapped import join_wrapped_labels, label_namer
from generator.taxonomy import load_taxonomy
from generator.taxonomy.aliases import AliasIndex
from tests.extract.builders import col, row, table
from tests.extract.samples import TABBED, edited_sample, fact, inst

WORDINGS = {"internet connectivity services (home use)", "revenues", "iij dsl/f"}


def names(label: str) -> bool:
    return label.lower() in WORDINGS


def labels(*rows: Row) -> list[str]:
    joined = join_wrapped_labels(table("T", 1, [col()], list(rows)), names)
    return [r.label for r in joined.rows]


def test_a_tail_line_below_a_row_of_figures_completes_its_label() -> None:
    assert labels(row("Internet Connectivity", 5, "431,620"),
                  row("Services (Home Use)", 6, "")) == [
        "Internet Connectivity Services (Home Use)"]


def test_a_head_line_above_a_row_of_figures_starts_its_label() -> None:
    assert labels(row("IIJ", 5, ""), row("DSL/F", 6, "1,456")) == ["IIJ DSL/F"]


def test_a_line_that_names_a_line_alone_is_a_heading_not_a_tail() -> None:
    assert labels(row("Internet Connectivity", 5, "431,620"), row("Revenues", 6, "")) == [
        "Internet Connectivity", "Revenues"]


def test_a_row_whose_label_names_a_line_keeps_it() -> None:
    assert labels(row("Revenues", 5, "431,620"), row("", 6, "")) == ["Revenues", ""]
    assert labels(row("Revenues", 5, "1"), row("DSL/F", 6, "")) == ["Revenues", "DSL/F"]


def test_lines_apart_are_not_one_label() -> None:
    assert labels(row("Internet Connectivity", 5, "431,620"),
                  row("Services (Home Use)", 7, "")) == [
        "Internet Connectivity", "Services (Home Use)"]


def test_words_that_together_name_nothing_stay_apart() -> None:
    assert labels(row("Internet Connectivity", 5, "431,620"), row("Services", 6, "")) == [
        "Internet Connectivity", "Services"]


def test_a_line_joins_one_row_only() -> None:
    """"DSL/F" between two rows completes the one above; the one below keeps its label."""
    assert labels(row("IIJ", 5, "1"), row("DSL/F", 6, ""), row("DSL/F", 7, "2")) == [
        "IIJ DSL/F", "DSL/F"]


def wrap_contract_labels(text: list[str]) -> None:
    """Sample 004's contracts table with two labels wrapped as a narrow page wraps them: the
    figures on the first line of one, on the last line of the other."""
    assert text[106].startswith("Internet Connectivity Services (Corporate Use)\t")
    assert text[111].startswith("IIJ FiberAccess/F and IIJ DSL/F\t")
    text[111:112] = ["IIJ FiberAccess/F and IIJ",
                     text[111].replace("IIJ FiberAccess/F and IIJ DSL/F", "DSL/F")]
    text[106:107] = [text[106].replace(" Services (Corporate Use)", ""),
                     "Services (Corporate Use)"]


def test_wrapped_labels_of_a_release_file_their_figures(tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, TABBED, wrap_contract_labels)
    corporate = fact(ex, "InternetConnectivityEnterpriseContracts", inst("2013-09-30"),
                     unit="Contracts")
    assert (corporate.value, corporate.source.line) == (123334, 107)
    dsl = fact(ex, "FiberAccessAndDSLServiceContracts", inst("2013-09-30"), unit="Contracts")
    assert (dsl.value, dsl.source.line) == (52374, 114)  # one line below: a line was added


@functools.cache
def _real() -> tuple[AliasIndex, list[tuple[str, str]]]:
    """The real taxonomy's index and every (network, wording) of two words or more."""
    index = AliasIndex(load_taxonomy(), None)
    return index, sorted((nid, key) for nid, net in index.networks.items()
                         for key in net.wordings if len(key.split()) >= 2)


@settings(max_examples=300, deadline=None)
@given(pick=st.integers(0, 10**6), cut=st.integers(1, 20), figures_first=st.booleans())
def test_any_wording_of_the_taxonomy_wrapped_anywhere_reads_back_whole(
        pick: int, cut: int, figures_first: bool) -> None:
    """Wrapped at any word, the figures on its first or on its last line, a wording of any
    network reads back whole, unless one of its lines names something alone (a heading then,
    or the row's own line: nothing to join)."""
    index, wordings = _real()
    network_id, key = wordings[pick % len(wordings)]
    namer = label_namer(index, index.network(network_id))
    words = key.split()
    head = " ".join(words[:1 + cut % (len(words) - 1)])
    tail = key[len(head):].strip()
    assume(not namer(head) and not namer(tail))
    rows = [row(head, 5, "1,234"), row(tail, 6, "")] if figures_first else \
        [row(head, 5, ""), row(tail, 6, "1,234")]
    joined = join_wrapped_labels(table("T", 1, [col()], rows), namer)
    assert [r.label for r in joined.rows] == [key]


def test_a_row_read_as_the_line_its_words_resemble_while_naming_another_is_in_doubt(
        tmp_path: Path) -> None:
    """Sample 000 with "Total Contracted Bandwidth" wrapped (a never-seen draw, dec8c): the
    scan's reader ran "Total Contracted" into the OEM row above, and "OEM Total Contracted"
    resembled "Total Contracted Bandwidth" enough to file OEM's contract counts as gigabits
    per second. Its words name another line exactly ("OEM"): the row is in doubt, held."""
    def edit(text: list[str]) -> None:
        assert text[165].startswith("Total Contracted Bandwidth 702.5 Gbps")
        text[165:166] = ["Total Contracted", text[165].replace("Total Contracted ", "")]

    ex = edited_sample(tmp_path, "000_2bec0ea935cb70a9.txt", edit)
    assert not [f for f in ex.results.facts if f.concept == "TotalContractedBandwidth"
                and f.value in (171_332, 192_266)]

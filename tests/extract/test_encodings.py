"""Text releases in Shift-JIS / CP932, EUC-JP, UTF-16 (with a byte-order mark) or Latin-1 are
read as their UTF-8 twin is, and say which encoding was used; binary files are refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.extract.pipeline import Extraction, extract_release
from generator.extract.read.encoding import UnsupportedFile, binary_kind, decode_release
from generator.extract.read.lines import plain_line_breaks
from generator.model.taxonomy import Taxonomy
from generator.resources import sample_releases
from generator.taxonomy import load_taxonomy

JAPANESE_TITLE = "株式会社インターネットイニシアティブ　決算短信（米国基準）\n"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    """The bundled taxonomy (the samples' company), not this folder's test taxonomy."""
    return load_taxonomy()


@pytest.fixture(scope="module")
def release_text() -> str:
    sample = next(p for p in sample_releases() if p.name.startswith("002_"))
    return sample.read_text(encoding="utf-8").replace("\xa0", " ")


def _twins(tmp_path: Path, text: str, encoding: str, taxonomy: Taxonomy
           ) -> tuple[Extraction, Extraction]:
    """The release read from UTF-8 and from ``encoding`` (same file name: same provenance)."""
    text = text.encode(encoding, errors="replace").decode(encoding)  # what the codec can hold
    (tmp_path / "utf8").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "utf8" / "release.txt").write_text(text, encoding="utf-8")
    (tmp_path / "other" / "release.txt").write_bytes(text.encode(encoding))
    return (extract_release(tmp_path / "utf8" / "release.txt", taxonomy),
            extract_release(tmp_path / "other" / "release.txt", taxonomy))


@pytest.mark.parametrize(("encoding", "said"), [
    ("cp932", "cp932"), ("shift_jis", "cp932"), ("euc-jp", "euc-jp"), ("utf-16", "utf-16"),
    ("utf-16-be", None), ("utf-8-sig", "utf-8"),
])
def test_a_japanese_release_reads_as_its_utf8_twin(
    encoding: str, said: str | None, tmp_path: Path, taxonomy: Taxonomy, release_text: str
) -> None:
    if encoding == "utf-16-be":  # with its byte-order mark, as editors write it
        text = "\ufeff" + JAPANESE_TITLE + release_text
        said = "utf-16"
    else:
        text = JAPANESE_TITLE + release_text
    utf8, other = _twins(tmp_path, text, encoding, taxonomy)
    assert other.results.facts == utf8.results.facts and len(other.results.facts) > 100
    assert other.coverage.encoding == said
    assert f", {said}): " in other.coverage.render_text().splitlines()[0]


def test_a_latin1_release_reads_as_its_utf8_twin_and_says_so(
    tmp_path: Path, taxonomy: Taxonomy, release_text: str
) -> None:
    utf8, other = _twins(tmp_path, "Société Générale: café résumé\n" + release_text, "latin-1",
                         taxonomy)
    assert other.results.facts == utf8.results.facts
    assert other.coverage.encoding == "latin-1"
    assert "reader: text read as latin-1" in other.results.notes
    assert utf8.coverage.encoding == "utf-8"
    assert not any(n.startswith("reader: text read as") for n in utf8.results.notes)


def test_latin1_words_that_decode_as_shift_jis_are_still_read_as_latin1() -> None:
    data = "Générale révisée, les données des résultats.\n".encode("latin-1")
    data.decode("cp932")  # decodes "cleanly", into kanji without a kana: not Japanese
    assert decode_release(data)[1] == "latin-1"


def test_cp1252_quotes_are_read_as_cp1252() -> None:
    text = "The company\u2019s \u201cnet sales\u201d rose \u2014 by 5%.\n"
    assert decode_release(text.encode("cp1252")) == (text, "cp1252")


def test_a_docx_is_refused_as_an_unsupported_file_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    release = tmp_path / "release.docx"
    release.write_bytes(buffer.getvalue())
    assert main(["extract", str(release)]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"xbrlgen: {release}: unsupported file type: a zip archive (a .docx, .xlsx or .pptx "
        "file is one), not a text, HTML or PDF release"
    ]


def test_a_binary_file_named_txt_is_refused_not_read_as_latin1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = tmp_path / "release.txt"
    release.write_bytes(bytes(range(256)) * 4)
    assert main(["extract", str(release)]) == 2
    assert "unsupported file type: binary data" in capsys.readouterr().err


def test_undecodable_text_names_the_encodings_tried() -> None:
    data = bytes(range(0xA0, 0x100)) * 3  # high bytes only: neither Japanese nor plausible
    with pytest.raises(UnsupportedFile, match="unsupported text encoding"):
        decode_release(data)


@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_any_utf8_text_without_controls_decodes_as_itself(text: str) -> None:
    """... its lines ended by newlines alone (``plain_line_breaks``)."""
    data = text.encode("utf-8")
    if binary_kind(data) is None:
        assert decode_release(data) == (plain_line_breaks(text.removeprefix("\ufeff"))
                                        if data.startswith(b"\xef\xbb\xbf")
                                        else plain_line_breaks(text), "utf-8")


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400))
def test_any_bytes_decode_or_are_refused_as_unsupported(data: bytes) -> None:
    try:
        text, encoding = decode_release(data)
    except UnsupportedFile:
        return
    assert isinstance(text, str) and encoding

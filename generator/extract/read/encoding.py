"""A text release's bytes -> text, and the encoding that was used; binary files refused.

The order, first match wins — a fixed chain rather than a statistical guess (``charset-normalizer``
is in the lock only as a dependency of a dependency; its guesses on short, mostly-ASCII figure
tables are not stable enough to say "this is the encoding" and no new dependency is needed):

1. a byte-order mark: UTF-8 (``utf-8-sig``), UTF-16 or UTF-32 (little or big endian);
2. a known binary signature (zip — ``.docx``, ``.xlsx`` are zips —, OLE2 ``.doc``/``.xls``,
   images, gzip...) or NUL bytes or many control bytes: refused as an unsupported file type;
3. UTF-8, when the bytes decode cleanly;
4. Japanese: ``cp932`` (Shift-JIS as Windows writes it), ``shift_jis``, ``euc-jp``, the first
   that decodes cleanly *and* reads as Japanese (kana or Japanese punctuation present, no
   private-use or control characters) — Latin-1 accented text often decodes "cleanly" as
   Shift-JIS, but into kanji without a single kana;
5. ``cp1252`` / ``latin-1``, only when the text is plausible: no control characters and
   mostly ASCII (accented letters in words, a currency sign), as in a European-language export.

Anything else is refused, naming what was tried.
"""

from __future__ import annotations

import re
import unicodedata

from generator.extract.read.lines import plain_line_breaks

BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
SIGNATURES = (
    (b"PK\x03\x04", "a zip archive (a .docx, .xlsx or .pptx file is one)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc, .xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip file"),
    (b"{\\rtf", "an RTF document"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
)
JAPANESE = ("cp932", "shift_jis", "euc-jp")
# Kana, Japanese punctuation (、。「」・ー) and full-width ASCII forms: what Japanese text has and
# Latin-1 text decoded as Shift-JIS does not (that gives kanji and half-width katakana).
_JAPANESE_EVIDENCE = re.compile("[\u3000-\u30ff\uff01-\uff5e]")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
#: At most this share of a Latin-1 text's characters may be non-ASCII.
LATIN_MAX_SHARE = 0.2


class UnsupportedFile(Exception):
    """Not a text release: a binary file or text in an encoding none of the chain reads."""


def _controls(text: str) -> int:
    return sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")


def binary_kind(data: bytes) -> str | None:
    """What a binary file is (``"a zip archive ..."``), or None when it may be text (text with
    a byte-order mark included: UTF-16 has NUL bytes)."""
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    head = data[:8192]
    if b"\x00" in head:
        return "binary data"
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\v\x1a\x1b")
    if head and controls / len(head) > 0.05:
        return "binary data"
    return None


def decode_release(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``, the text's lines ended by \n alone (``plain_line_breaks``: what
    splits a file of many releases and what reads each numbers lines alike); raises
    :class:`UnsupportedFile` for anything else."""
    text, encoding = _decoded(data)
    return plain_line_breaks(text), encoding


def _decoded(data: bytes) -> tuple[str, str]:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.removesuffix("-sig")
            except UnicodeDecodeError as exc:
                raise UnsupportedFile(
                    f"starts with a {codec} byte-order mark but is not {codec} text ({exc.reason}"
                    f" at byte {exc.start})") from exc
    kind = binary_kind(data)
    if kind:
        raise UnsupportedFile(f"unsupported file type: {kind}, not a text release")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for codec in JAPANESE:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if (_JAPANESE_EVIDENCE.search(text) and not _PRIVATE_USE.search(text)
                and not _controls(text)):
            return text, codec
    # Bytes 0x80-0x9f are control characters in Latin-1 and curly quotes, dashes, the euro sign
    # in cp1252 (Windows' Latin-1): the name said is the one whose reading was used.
    codec = "cp1252" if any(0x80 <= b <= 0x9F for b in data) else "latin-1"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
        text = ""
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if text and not _controls(text) and non_ascii <= LATIN_MAX_SHARE * len(text):
        return text, codec
    raise UnsupportedFile(
        "unsupported text encoding: not UTF-8, UTF-16/32 with a byte-order mark, Japanese "
        "(cp932, Shift-JIS, EUC-JP) or Latin-1 (cp1252) text")

"""s-equality of segment/scenario content (XBRL 2.1 4.10), as contexts are compared."""

from __future__ import annotations

from lxml import etree

from generator.validate.instance import s_equal_key


def _key(xml: str) -> str:
    return s_equal_key(etree.fromstring(xml))


def test_attribute_order_numbers_booleans_and_comments() -> None:
    a = _key('<v xmlns="u" a="1.0" b="true"><d>0001.234</d><e>+0</e></v>')
    b = _key('<v xmlns="u" b="1" a="1"><!-- note --><d> 1.234 </d><e>-0</e></v>')
    assert a == b


def test_different_values_and_nan() -> None:
    assert _key('<v a="1"/>') != _key('<v a="2"/>')
    assert _key('<v a="NaN"/>') != _key('<v a="NaN"/>')
    assert _key("<v>abc</v>") != _key("<v>abd</v>")


def test_schema_defaults_fill_empty_content_and_absent_attributes() -> None:
    """s-equality compares the PSVI: an empty element has its default, an absent attribute
    its default (testcase 395 V-5, V-7); whitespace content is not empty."""
    defaults = {"{u}p": ("Mars", ()), "{u}r": (None, (("world", "this"),))}

    def key(xml: str) -> str:
        return s_equal_key(etree.fromstring(xml), defaults)

    assert key('<p xmlns="u"><!--x--></p>') == key('<p xmlns="u">Mars</p>')
    assert key('<p xmlns="u"> </p>') != key('<p xmlns="u">Mars</p>')
    assert key('<r xmlns="u">L</r>') == key('<r xmlns="u" world="this">L</r>')
    assert key('<r xmlns="u" world="that">L</r>') != key('<r xmlns="u">L</r>')

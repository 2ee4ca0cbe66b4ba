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

"""Text in any byte-order-marked Unicode encoding is decoded (issue 13): UTF-8 with a BOM, UTF-16 and
UTF-32 in both byte orders; plain UTF-8 and cp1252 without one; binary junk and a broken BOM-marked
text are refused with one line."""

from __future__ import annotations

import codecs

import pytest

from extractors.parse.documents import ParseError, decode_text

TEXT = "Nepal remained on “Tier 2” in the 2023 TIP report, the minister said — Kathmandu.\n"


@pytest.mark.parametrize(
    "bom, encoding",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_every_byte_order_marked_encoding_decodes_without_its_mark(bom, encoding):
    assert decode_text(bom + TEXT.encode(encoding)) == TEXT


def test_unmarked_utf8_and_cp1252():
    assert decode_text(TEXT.encode("utf-8")) == TEXT
    assert decode_text("café – Tier 2\n".encode("cp1252")) == "café – Tier 2\n"


def test_a_broken_text_after_its_mark_is_refused_with_one_line():
    with pytest.raises(ParseError) as exc:
        decode_text(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")[:-1])
    assert str(exc.value) == "not valid UTF-16-LE text after its byte order mark (truncated data)"


def test_binary_junk_is_refused():
    with pytest.raises(ParseError) as exc:
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert str(exc.value) == "binary data (NUL bytes) where text was expected"

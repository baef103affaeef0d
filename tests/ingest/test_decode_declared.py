"""Declared charsets, NUL bytes and C1 controls: the decoding rules for pages and files."""

import pytest

from newsgraph.errors import BinaryInputError
from newsgraph.ingest import decode_bytes
from newsgraph.ingest.decode import declared_encoding, translate_c1

POLISH = "Wójt gminy powiedział, że droga będzie bliżej szkoły już w przyszłym roku."
CHINESE = "市政府周二宣布，新的公交线路将于下个月开通，方便居民出行。"


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("head", "text", "encoding"),
    [
        ('<meta charset="windows-1250">', POLISH, "cp1250"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">', POLISH, "cp1250"),
        ('<meta charset="gb2312">', CHINESE, "gb2312"),
        ("<meta http-equiv='content-type' content='text/html;charset=GB2312'>", CHINESE, "gb2312"),
    ],
)
def test_a_declared_charset_is_honoured_before_guessing(head, text, encoding):
    data = _page(head, text).encode(encoding)
    assert text in decode_bytes(data, "page.html")


def test_an_xml_declaration_names_the_encoding():
    page = '<?xml version="1.0" encoding="windows-1250"?>\n' + _page("", POLISH)
    assert POLISH in decode_bytes(page.encode("cp1250"), "page.xhtml")


def test_utf8_bytes_stay_utf8_under_a_stale_single_byte_declaration():
    data = _page('<meta charset="iso-8859-1">', POLISH).encode("utf-8")
    assert POLISH in decode_bytes(data, "saved.html")


def test_latin1_label_reads_as_windows_1252_like_browsers():
    data = _page('<meta charset="iso-8859-1">', "the \u201cnew\u201d rules").encode("cp1252")
    assert "the \u201cnew\u201d rules" in decode_bytes(data, "page.html")


@pytest.mark.parametrize("data", [b"Plain text that says charset=cp1250 in it.", b"<p>no declaration</p>"])
def test_no_declaration_no_declared_encoding(data):
    assert declared_encoding(data) is None


def test_an_unknown_label_is_ignored():
    assert declared_encoding(b'<meta charset="no-such-charset">') is None


@pytest.mark.parametrize("offset", [10, 20_000])
def test_a_nul_byte_refuses_the_file_wherever_it_sits(offset):
    text = ("An ordinary line of article text. " * 1000).encode()
    data = text[:offset] + b"\x00" + text[offset:]
    with pytest.raises(BinaryInputError, match=f"NUL byte at offset {offset}"):
        decode_bytes(data, "stray-nul.txt")


def test_c1_controls_decode_as_the_windows_1252_characters_they_stand_for():
    data = "He said \u0093yes\u0094 and left.".encode()  # C1 code points, UTF-8 encoded
    text = decode_bytes(data, "c1.txt")
    assert text == "He said \u201cyes\u201d and left."


def test_c1_translation_keeps_length_and_undefined_bytes():
    text = "a\x93b\x81c\x96"
    assert translate_c1(text) == "a\u201cb\x81c\u2013"
    assert len(translate_c1(text)) == len(text)


def test_c1_quotes_in_a_file_keep_clean_and_raw_slices_equal():
    from newsgraph.api import prepare
    from newsgraph.ingest import Item

    data = "The mayor said \u0093the bridge will open in May\u0094 at a meeting on Monday evening.".encode()
    for item in (Item(where="c1.txt", format="text", data=data),
                 Item(where="<text>", format="text", text=data.decode())):
        prepared = prepare(item)
        assert prepared.cleaned is not None
        raw = decode_bytes(data, "c1.txt")
        assert "\u201cthe bridge" in prepared.cleaned.text
        for span in prepared.cleaned.raw_spans:
            assert prepared.cleaned.text[span.start : span.end] == raw[span.raw_start : span.raw_end]

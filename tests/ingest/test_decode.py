import codecs

import pytest

from newsgraph.errors import BinaryInputError, EmptyInputError
from newsgraph.ingest import decode_bytes

TEXT = "Café owners said the “new rules” cost them €40 — too much.\nSecond line."


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 with BOM"),
        (TEXT.encode("utf-16"), "utf-16 with BOM"),
        (TEXT.encode("utf-16-le"), "utf-16 without BOM"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_common_encodings_decode_to_the_same_text(data, label):
    assert decode_bytes(data, label) == TEXT


def test_latin1_decodes():
    text = "Señor Müller visited Zürich and Besançon last year with his family."
    assert decode_bytes(text.encode("latin-1"), "latin-1") == text


def test_crlf_is_kept_so_raw_offsets_stay_exact():
    assert decode_bytes(b"One.\r\nTwo.\r\n", "crlf") == "One.\r\nTwo.\r\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8 + b"  \n"])
def test_empty_input_is_refused(data):
    with pytest.raises(EmptyInputError, match="empty input"):
        decode_bytes(data, "empty.txt")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 40,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        b"PK\x03\x04" + bytes([7, 0, 3, 0, 9]) * 400,
    ],
)
def test_binary_input_is_refused(data):
    with pytest.raises(BinaryInputError, match="binary"):
        decode_bytes(data, "blob.bin")


def test_error_names_the_input():
    with pytest.raises(EmptyInputError) as info:
        decode_bytes(b"", "some/file.txt")
    assert str(info.value).startswith("some/file.txt: ")


def test_mixed_utf8_and_cp1252_bytes_decode_each_part_right():
    data = "Café “quoted” — ".encode() + "naïve – dash".encode("cp1252")
    assert decode_bytes(data, "mixed") == "Café “quoted” — naïve – dash"


def test_cp1252_alone_is_not_taken_for_mixed():
    data = "He said “no” – twice, in São Paulo.".encode("cp1252")
    assert decode_bytes(data, "cp1252") == "He said “no” – twice, in São Paulo."


def test_bytes_no_encoding_can_read_are_refused():
    from newsgraph.errors import DecodeError

    data = b"The mayor \x81\x8d\x8f\x90\x9d said \xc3\x28 things \xe0\xe1 at the meeting on Monday."
    with pytest.raises(DecodeError, match="cannot be decoded"):
        decode_bytes(data, "bad.txt")


def test_one_stray_undefined_byte_is_replaced_not_fatal():
    text = "A long enough article about the council, which met on Monday to vote on the budget. " * 20
    data = text.encode("cp1252") + b"\x81" + "Caf\u00e9 owners said it was \u201cfine\u201d.".encode("cp1252")
    decoded = decode_bytes(data, "stray.txt")
    assert decoded.endswith("Café owners said it was “fine”.") and "\ufffd" in decoded


@pytest.mark.parametrize(
    "text",
    [
        "They were saying things that validated what we had given them to say.” Rhodes was obvious.\r\n",
        "“I’ll make our government open and transparent,” he said – and he didn’t.\r\n\r\nHe is …",
        "Barack’s skin more than Maureen … He was patronizing and disrespectful.”\r\n",
    ],
)
def test_cp1252_punctuation_alone_is_cp1252(text):
    assert decode_bytes(text.encode("cp1252"), "x") == text


def test_a_real_latin1_letter_text_still_decodes():
    text = "Le café de la gare est fermé. À bientôt, señor Müller."
    assert decode_bytes(text.encode("cp1252"), "x") == text


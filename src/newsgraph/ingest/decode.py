"""Bytes to text: encoding detection, binary refusal, newline normalisation.

Offsets in newsgraph's ``raw_spans`` point into the *decoded* raw text, with
its line endings kept as they were, so a CRLF file maps back character for
character.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from newsgraph.errors import BinaryInputError, DecodeError, EmptyInputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Share of control characters (other than whitespace) above which bytes are not text.
_MAX_CONTROL_SHARE = 0.02


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return bad / len(sample)


#: Single-byte encodings that detection confuses on short Western text; cp1252 is the
#: usual truth for English news (and a superset of latin-1's printable range).
_WESTERN_SINGLE_BYTE = frozenset({"cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "mac_roman",
                                  "mac_latin2", "cp1257", "iso8859_9", "cp1254"})


def _detect_single_byte(data: bytes, where: str) -> str:
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError(where, "cannot detect a text encoding")
    if best.encoding in _WESTERN_SINGLE_BYTE:
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return best.encoding


def decode_bytes(data: bytes, where: str) -> str:
    """Decode an article's bytes, trying UTF-8 first (most text is), then detection.

    Raises ``EmptyInputError`` for nothing but whitespace, ``BinaryInputError``
    for bytes that are not text, ``DecodeError`` when no encoding fits.
    """
    if not data.strip():
        raise EmptyInputError(where, "empty input")
    encoding = _bom_encoding(data)
    text: str | None = None
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodeError(where, f"bytes do not match their {encoding} byte-order mark") from exc
    else:
        if b"\x00" in data[:8192]:
            # UTF-16 without a BOM is the only common text with NUL bytes.
            best = from_bytes(data[:65536]).best()
            if best is None or not best.encoding.startswith(("utf_16", "utf_32")):
                raise BinaryInputError(where, "binary file (contains NUL bytes), not text")
            encoding = best.encoding
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                encoding = _detect_single_byte(data, where)
        if text is None:
            try:
                text = data.decode(encoding or "utf-8")
            except (UnicodeDecodeError, LookupError) as exc:
                raise DecodeError(where, f"cannot decode as {encoding}") from exc
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise BinaryInputError(where, "binary file (control characters), not text")
    if not text.strip():
        raise EmptyInputError(where, "empty input")
    return text

"""Bytes to text: encoding detection, binary refusal, newline normalisation.

Offsets in newsgraph's ``raw_spans`` point into the *decoded* raw text, with
its line endings kept as they were, so a CRLF file maps back character for
character.
"""

from __future__ import annotations

import codecs
import re

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


_CP1252_FALLBACK = "newsgraph-cp1252-fallback"


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects as cp1252 (latin-1 for the five bytes cp1252 leaves undefined)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _has_utf8_sequences(data: bytes) -> bool:
    """Whether the bytes hold well-formed multi-byte UTF-8 (so they are UTF-8 at heart)."""
    return len(_UTF8_MULTIBYTE.findall(data[:1_000_000])) >= 2


_HIGH_BYTES = re.compile(rb"[\x80-\xff]")


def _only_cp1252_punctuation(data: bytes) -> bool:
    """Every non-ASCII byte is in 0x80–0x9F, where cp1252 keeps its curly quotes and dashes.

    Detection guesses an exotic code page (mac_iceland, cp850) for such short English texts,
    turning “quotes” into "ì…î"; in every other common single-byte encoding these bytes are rare
    letters or control codes.
    """
    high = set(_HIGH_BYTES.findall(data))
    return bool(high) and all(b[0] <= 0x9F for b in high)


def _detect_single_byte(data: bytes, where: str) -> str:
    if _only_cp1252_punctuation(data):
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
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
                if _has_utf8_sequences(data):
                    # Mixed: UTF-8 with stray single-byte characters pasted in.
                    text = data.decode("utf-8", errors=_CP1252_FALLBACK)
                else:
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

"""Bytes to text: declared charsets, encoding detection, binary refusal.

Offsets in newsgraph's ``raw_spans`` point into the *decoded* raw text, with
its line endings kept as they were, so a CRLF file maps back character for
character.

The order of the rules, and why:

1. a byte-order mark names the encoding;
2. a markup page's own declaration (``<?xml … encoding=…?>``, ``<meta charset>``,
   ``http-equiv="Content-Type"``) is honoured before any guess, as browsers do:
   statistical detection takes a short Polish or Chinese page for something else.
   One exception: bytes that are well-formed UTF-8 with multi-byte characters stay
   UTF-8 even when the page declares a single-byte charset (pages saved or
   re-served as UTF-8 keep their old ``<meta>``);
3. then UTF-8, mixed UTF-8, and detection.

A NUL byte anywhere (outside UTF-16/32) makes the input binary, wherever it sits
in the file. C1 control characters (U+0080–U+009F) left in the decoded text are
the Windows-1252 characters they stand for (``\x93`` is “); they are translated
here, one character for one, so the raw text that ``raw_spans`` point into holds
the same characters as the clean text.
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


#: In text that is mostly ASCII, stray high bytes are cp1252 punctuation (English news);
#: more than this share of bytes that cp1252 cannot decode either means the bytes are not text.
_MOSTLY_ASCII = 0.8
_MAX_UNDECODABLE_SHARE = 0.001


def _mostly_ascii_cp1252(data: bytes, where: str) -> str | None:
    sample = data[:65536]
    if sum(b < 128 for b in sample) < _MOSTLY_ASCII * len(sample):
        return None
    text = data.decode("cp1252", errors="replace")
    bad = text.count("\ufffd")
    if bad > max(1, _MAX_UNDECODABLE_SHARE * len(text)):
        raise DecodeError(where, f"{bad} bytes cannot be decoded in any text encoding")
    return "cp1252"


def _detect_single_byte(data: bytes, where: str) -> str:
    mostly_ascii = _mostly_ascii_cp1252(data, where)
    if mostly_ascii:
        return mostly_ascii
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


#: How far into a page its charset declaration is looked for (the HTML standard's prescan reads 1024
#: bytes; pages with long scripts or comments before ``<meta>`` need more).
DECLARATION_WINDOW = 8192
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
#: Declared labels that browsers read as a superset encoding (the WHATWG Encoding Standard's mapping).
_SUPERSETS = {"ascii": "cp1252", "iso8859-1": "cp1252", "latin-1": "cp1252", "iso8859-9": "cp1254",
              "gb2312": "gb18030", "gbk": "gb18030", "tis-620": "cp874", "shift_jis": "cp932",
              "euc_kr": "cp949"}
#: A declared encoding is kept when at most this share of the bytes fails to decode in it.
_MAX_DECLARED_ERROR_SHARE = 0.001


def declared_encoding(data: bytes) -> str | None:
    """The Python codec a markup page declares for itself, or ``None`` (not markup, none declared,
    or a label Python does not know)."""
    head = data[:DECLARATION_WINDOW]
    if head.lstrip()[:1] != b"<":
        return None
    found = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    if found is None:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return _SUPERSETS.get(name, name)


def _decode_declared(data: bytes, encoding: str) -> str | None:
    """The bytes in their declared encoding, unless they are UTF-8 at heart or do not fit it."""
    if encoding in ("utf-8", "utf-8-sig"):
        return None  # the UTF-8 rules below read it (and mixed UTF-8) as well
    if codecs.lookup(encoding).name in ("utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        return None  # a page decoded to ASCII bytes cannot be UTF-16 (its declaration was left over)
    try:
        data.decode("utf-8")
        if _has_utf8_sequences(data):
            return None
    except UnicodeDecodeError:
        pass
    text = data.decode(encoding, errors="replace")
    if text.count("\ufffd") > max(1, _MAX_DECLARED_ERROR_SHARE * len(text)):
        return None
    return text


_C1 = re.compile("[\x80-\x9f]")


def _c1_as_cp1252(match: re.Match[str]) -> str:
    char = match.group()
    return bytes([ord(char)]).decode("cp1252", errors="ignore") or char


def translate_c1(text: str) -> str:
    """C1 controls as the Windows-1252 characters they stand for; the five bytes cp1252 leaves
    undefined stay as they are. One character for one, so offsets do not move."""
    return _C1.sub(_c1_as_cp1252, text) if _C1.search(text) else text


def decode_bytes(data: bytes, where: str) -> str:
    """Decode an article's bytes: a BOM, then a page's declared charset, then UTF-8, then detection.

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
        nul = data.find(b"\x00")
        declared = declared_encoding(data) if nul < 0 else None
        if declared:
            text = _decode_declared(data, declared)
        if text is not None:
            pass
        elif nul >= 0:
            # UTF-16 without a BOM is the only common text with NUL bytes.
            best = from_bytes(data[:65536]).best()
            if best is None or not best.encoding.startswith(("utf_16", "utf_32")):
                raise BinaryInputError(where, f"binary file (NUL byte at offset {nul}), not text")
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
                # cp1252 leaves five bytes undefined; a rare one is replaced (U+FFFD), not fatal.
                text = data.decode(encoding or "utf-8", errors="replace" if encoding == "cp1252" else "strict")
            except (UnicodeDecodeError, LookupError) as exc:
                raise DecodeError(where, f"cannot decode as {encoding}") from exc
    if "\x00" in text:
        raise BinaryInputError(where, f"binary file (NUL character at offset {text.index(chr(0))}), not text")
    text = translate_c1(text)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise BinaryInputError(where, "binary file (control characters), not text")
    if not text.strip():
        raise EmptyInputError(where, "empty input")
    return text

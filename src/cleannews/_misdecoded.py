"""Repair a page handed over as `str` that was decoded with the wrong charset.

An HTTP client that finds no charset in the Content-Type header decodes ``text/html`` as
ISO-8859-1 (``requests``' ``.text`` does): a UTF-8 page then reads 'weâ€™ve', 'Ã©tÃ©', and
a GBK page 'ÒâžéÇ³ÓÎ'.  Such a string still holds the page's bytes one per character, so
they are taken back and decoded properly (see `cleannews.decode`).  A string with any
character outside cp1252/Latin-1 was decoded by something that knew better and is left
alone, as is a single-byte string whose bytes are not UTF-8 and that declares no CJK charset.
"""

from __future__ import annotations

import codecs

from .decode import decode, meta_codec

__all__ = ["repair_misdecoded"]

_SINGLE_BYTE = frozenset({"cp1252", "iso8859-15", "mac-roman", "utf-8"})
_HEAD_CHARS = 4096
_CP1252_HANDLER = "cleannews-cp1252-bytes"


def _cp1252_bytes(error: UnicodeEncodeError) -> tuple[bytes, int]:
    """Latin-1 encode error handler: cp1252's characters for bytes 0x80-0x9F ('€', '’', '™')
    go back to those bytes; any other character fails the encoding."""
    return error.object[error.start:error.end].encode("cp1252"), error.end  # raises on the others


codecs.register_error(_CP1252_HANDLER, _cp1252_bytes)


def repair_misdecoded(text: str) -> str:
    """`text` re-decoded when it is a UTF-8 or CJK page read as Latin-1/cp1252, else `text`.

    Cost: nothing for ASCII; for other text an ASCII encode (C) that stops at the first other
    character, and the bytes of the few characters from there: most pages end here (their
    first non-ASCII character gives no byte, or starts no UTF-8 sequence, and their head
    declares no CJK charset).  Only the others pay a Latin-1 encode of the whole text (a
    cp1252 character such as '’' costs a Python call) and a strict UTF-8 decode that stops
    at the first byte UTF-8 refuses.
    """
    if text.isascii() or not _may_repair(text):
        return text
    try:
        raw = text.encode("latin-1", _CP1252_HANDLER)
    except UnicodeEncodeError:
        return text  # a character no single byte gives: the text was decoded knowingly
    try:
        return raw.decode("utf-8")  # multibyte UTF-8 sequences read one byte a character
    except UnicodeDecodeError:
        pass
    if _declares_multibyte(raw):
        decoded = decode(raw)
        if decoded.encoding not in _SINGLE_BYTE:
            return decoded.text
    return text


def _may_repair(text: str) -> bool:
    """False when `text` (not ASCII) is surely left alone, judged from its head and the few
    characters from its first non-ASCII one: a character there that gives no byte fails the
    whole encode; bytes there that are no UTF-8 fail the UTF-8 reading (the ASCII before them
    is valid UTF-8, and UTF-8 is checked sequence by sequence), which leaves only a CJK
    charset declared in the head."""
    try:
        text.encode("ascii")
    except UnicodeEncodeError as error:
        start = error.start  # the first non-ASCII character
    else:
        return False  # ASCII: nothing to repair
    try:
        raw = text[start:start + 4].encode("latin-1", _CP1252_HANDLER)
        raw.decode("utf-8")
    except UnicodeEncodeError:
        return False  # a character no single byte gives
    except UnicodeDecodeError as error:
        if error.reason != "unexpected end of data":  # (the four bytes may cut a sequence short)
            try:
                return _declares_multibyte(text[:_HEAD_CHARS].encode("latin-1", _CP1252_HANDLER))
            except UnicodeEncodeError:
                return False
    return True


def _declares_multibyte(raw: bytes) -> bool:
    """The head's ``<meta charset>`` names a multibyte (CJK) charset."""
    declared = meta_codec(raw[:_HEAD_CHARS])
    return declared is not None and declared not in _SINGLE_BYTE

"""Bytes -> str the way a browser does: BOM, HTTP charset, <meta> prescan, detection.

Order: BOM > Content-Type charset > <meta> in the first 4 KB > detection
(charset-normalizer on the first 64 KB) > UTF-8 with replacement.
Deviations from WHATWG, on purpose (users want readable text, not fidelity):

* a declaration that does not decode the bytes (strict failure with many
  errors) is ignored and detection takes over;
* non-ASCII bytes that are valid UTF-8 win over any legacy declaration
  (servers that say ``iso-8859-1`` for UTF-8 pages are common; a browser
  would show mojibake);
* a Western single-byte declaration over bytes that look double-byte (long
  runs of non-ASCII bytes) is checked against detection, because cp1252
  decodes almost anything without error.

`decode` never raises and its text never contains NUL characters.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import InputError

__all__ = ["Decoded", "codec_for_label", "decode", "meta_codec"]

# Python codec -> WHATWG labels (https://encoding.spec.whatwg.org/#names-and-labels)
# plus a few common non-WHATWG spellings seen in the wild.  Supersets are used
# where the web uses them: Shift_JIS means cp932, GB2312 means GB18030, etc.
# EUC-JP -> euc_jis_2004: real-world EUC-JP pages are eucJP-ms/CP51932 and use
# NEC row 13 (①, ㈱, Ⅰ, ～, ∥); Python's "euc_jp" rejects those bytes while
# euc_jis_2004 decodes them (JIS X 0213 plane 1 puts the same characters at the
# same code points).  It is a strict superset of Python's "euc_jp" (checked over
# every 2- and 3-byte sequence: JIS X 0212 via 0x8F decodes identically), so
# nothing is lost.  Not handled: IBM extensions (rows 89-92) decode as JIS X
# 0213 kanji, as in Python's codec; those are rare on the web.
# ISO-2022-JP -> iso2022_jp_ext: the only Python variant that accepts both the
# half-width katakana escape (ESC ( I) and JIS X 0212, which WHATWG also allows.
_CODEC_LABELS: dict[str, tuple[str, ...]] = {
    "utf-8": ("unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
              "x-unicode20utf8"),
    "utf-16-le": ("csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff",
                  "utf-16", "utf-16le"),
    "utf-16-be": ("unicodefffe", "utf-16be"),
    "cp932": ("csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis",
              "windows-31j", "x-sjis", "cp932"),
    "euc_jis_2004": ("cseucpkdfmtjapanese", "euc-jp", "x-euc-jp", "eucjp", "euc_jp"),
    "iso2022_jp_ext": ("csiso2022jp", "iso-2022-jp"),
    "gb18030": ("chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312",
                "gb_2312-80", "gbk", "iso-ir-58", "x-gbk", "gb18030", "cp936"),
    "big5hkscs": ("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"),
    "cp949": ("cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean",
              "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"),
    "cp1252": ("ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819",
               "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1",
               "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252",
               "x-user-defined"),
    "cp1250": ("cp1250", "windows-1250", "x-cp1250"),
    "cp1251": ("cp1251", "windows-1251", "x-cp1251"),
    "cp1253": ("cp1253", "windows-1253", "x-cp1253"),
    "cp1254": ("cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9",
               "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5",
               "windows-1254", "x-cp1254"),
    "cp1255": ("cp1255", "windows-1255", "x-cp1255"),
    "cp1256": ("cp1256", "windows-1256", "x-cp1256"),
    "cp1257": ("cp1257", "windows-1257", "x-cp1257"),
    "cp1258": ("cp1258", "windows-1258", "x-cp1258"),
    "cp874": ("dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620",
              "windows-874"),
    "cp866": ("866", "cp866", "csibm866", "ibm866"),
    "koi8-r": ("cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"),
    "koi8-u": ("koi8-ru", "koi8-u"),
    "mac-roman": ("csmacintosh", "mac", "macintosh", "x-mac-roman"),
    "mac-cyrillic": ("x-mac-cyrillic", "x-mac-ukrainian"),
    "iso8859-2": ("csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592",
                  "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"),
    "iso8859-3": ("csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593",
                  "iso_8859-3", "iso_8859-3:1988", "l3", "latin3"),
    "iso8859-4": ("csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594",
                  "iso_8859-4", "iso_8859-4:1988", "l4", "latin4"),
    "iso8859-5": ("csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144",
                  "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988"),
    "iso8859-6": ("arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic",
                  "ecma-114", "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127",
                  "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987"),
    "iso8859-7": ("csisolatingreek", "ecma-118", "elot_928", "greek", "greek8",
                  "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7",
                  "iso_8859-7:1987", "sun_eu_greek"),
    "iso8859-8": ("csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8",
                  "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8",
                  "iso_8859-8:1988", "visual", "csiso88598i", "iso-8859-8-i", "logical"),
    "iso8859-10": ("csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910",
                   "l6", "latin6"),
    "iso8859-13": ("iso-8859-13", "iso8859-13", "iso885913"),
    "iso8859-14": ("iso-8859-14", "iso8859-14", "iso885914"),
    "iso8859-15": ("csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15",
                   "l9"),
    "iso8859-16": ("iso-8859-16",),
}
_LABEL_TO_CODEC: dict[str, str] = {
    label: codec for codec, labels in _CODEC_LABELS.items() for label in labels
}
# Detector names (Python codec names, canonicalised) -> the superset we decode with.
_UPGRADE: dict[str, str] = {
    "shift_jis": "cp932", "euc_jp": "euc_jis_2004", "iso2022_jp": "iso2022_jp_ext",
    "gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "euc_kr": "cp949",
    "ascii": "cp1252", "iso8859-1": "cp1252", "utf-8-sig": "utf-8", "utf-16": "utf-16-le",
}
_UTF16 = frozenset({"utf-16-le", "utf-16-be"})
_MULTI_BYTE = frozenset({"utf-8", "cp932", "euc_jis_2004", "iso2022_jp_ext", "gb18030",
                         "big5hkscs", "cp949", *_UTF16})
_WESTERN = frozenset({"cp1252", "iso8859-15", "mac-roman"})
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_PRESCAN_BYTES = 4096
_DETECT_BYTES = 65536
_ASCII = bytes(range(128))
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([^\s"';,]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([^\s"'/>;]+)""", re.I)
_COMMENT = re.compile(rb"<!--.*?-->", re.S)
_NON_ASCII_RUN = re.compile(rb"[\x80-\xff]{4,}")
_TAG = re.compile(rb"<[^<>]*>")  # [^<>] keeps a failed match from scanning past the next "<"


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the Python codec used, and where the decision came from."""

    text: str
    encoding: str  # the Python codec actually used, e.g. "cp932", "utf-8"
    source: str  # "bom" | "http" | "meta" | "detected" | "default"


def codec_for_label(label: str) -> str | None:
    """WHATWG encoding label -> Python codec name, or None if unknown. O(1)."""
    return _LABEL_TO_CODEC.get(label.strip().strip("\"'").strip().lower())


def decode(data: bytes, content_type: str | None = None) -> Decoded:
    """Decode an HTML page; never raises on content (InputError if `data` isn't bytes).

    Cost: one strict decode for a page whose declaration (or UTF-8) works,
    plus one regex over the first 4 KB; charset-normalizer runs (on <= 64 KB)
    only when no BOM/declaration/UTF-8 fits the bytes.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError(f"decode() needs bytes, not {type(data).__name__}")
    data = bytes(data)
    try:
        return _decode(data, content_type)
    except Exception:  # pragma: no cover - belt and braces: a codec bug must not escape
        return Decoded(_clean(data.decode("utf-8", "replace")), "utf-8", "default")


def _decode(data: bytes, content_type: str | None) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(_clean(data[len(bom):].decode(codec, "replace")), codec, "bom")
    declared = [(c, s) for c, s in ((_http_codec(content_type), "http"),
                                    (meta_codec(data), "meta")) if c is not None]
    ascii_only = data.isascii()
    if not ascii_only and any(c != "utf-8" for c, _ in declared):
        text = _strict(data, "utf-8")  # valid multibyte UTF-8 beats a legacy label
        if text is not None:
            agreeing = [s for c, s in declared if c == "utf-8"]
            return Decoded(_clean(text), "utf-8", agreeing[0] if agreeing else "detected")
    suspects: list[tuple[str, str]] = []  # declarations that did not decode cleanly
    for codec, source in declared:
        if codec in _UTF16 and b"\x00" not in data[:_PRESCAN_BYTES]:
            continue  # "UTF-16" ASCII-looking bytes: the label is wrong
        text = _strict(data, codec)
        if text is None or (codec in _WESTERN and _looks_double_byte(data)):
            suspects.append((codec, source))  # cp1252 "decodes" CJK as mojibake
        else:
            return Decoded(_clean(text), codec, source)
    if ascii_only and b"\x1b" not in data:  # ASCII is ASCII; ESC hints ISO-2022-JP
        return Decoded(_clean(data.decode("utf-8")), "utf-8", "default")
    if not declared and not ascii_only:
        text = _strict(data, "utf-8")
        if text is not None:
            return Decoded(_clean(text), "utf-8", "detected")
    return _fallback(data, suspects)


def _http_codec(content_type: str | None) -> str | None:
    """Codec from a Content-Type header value. O(len(header))."""
    if not content_type:
        return None
    match = _HTTP_CHARSET.search(content_type)
    return codec_for_label(match.group(1)) if match else None


def meta_codec(data: bytes) -> str | None:
    """Codec from <meta charset> / http-equiv in the first 4 KB (comments skipped)."""
    head = data[:_PRESCAN_BYTES]
    if b"<!--" in head:
        head = _COMMENT.sub(b"", head)
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    codec = codec_for_label(match.group(1).decode("ascii", "replace"))
    return "utf-8" if codec in _UTF16 else codec  # WHATWG: a meta can't mean UTF-16


def _strict(data: bytes, codec: str) -> str | None:
    """Strict decode, or None on any error. One C-speed pass (stops at the first error)."""
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _errors(text: str) -> int:
    return text.count("\ufffd")


def _non_ascii(data: bytes) -> int:
    """Number of bytes >= 0x80. One C pass (translate deletes the ASCII bytes)."""
    return len(data.translate(None, _ASCII))


def _few_errors(data: bytes, errors: int) -> bool:
    """True if `errors` is at most 5% of the non-ASCII bytes (mixed-encoding pages)."""
    return errors * 20 <= _non_ascii(data)


def _looks_double_byte(data: bytes) -> bool:
    """True if most non-ASCII bytes come in runs of 4+ (CJK, not Western accents)."""
    non_ascii = _non_ascii(data)
    if non_ascii == 0:
        return False
    in_runs = sum(len(run) for run in _NON_ASCII_RUN.findall(data))
    return in_runs * 2 >= non_ascii


def _fallback(data: bytes, suspects: list[tuple[str, str]]) -> Decoded:
    """No clean declaration: near-UTF-8, detection, the least-bad label, fewest errors.

    UTF-8 validates itself: bytes that decode as UTF-8 with errors on <= 5% of
    the non-ASCII bytes are UTF-8 with some junk (Shift_JIS, EUC-JP, GBK or
    cp1252 read as UTF-8 fail on most of them), whatever the detector says;
    it calls a French UTF-8 page with one stray byte cp932. Next, a multi-byte
    detection that decodes strictly beats a label that does not (EUC-JP
    labelled Shift_JIS decodes as cp932 with only ~5% errors); a single-byte
    detection never beats a label with few errors.
    Cost: detection (a few ms on 64 KB) plus one to four full decodes.
    """
    if not data.isascii():
        text = data.decode("utf-8", "replace")
        if _few_errors(data, _errors(text)):
            agreeing = [s for c, s in suspects if c == "utf-8"]
            return Decoded(_clean(text), "utf-8", agreeing[0] if agreeing else "detected")
    detected = _detect(data)
    if detected is not None and detected in _MULTI_BYTE:
        strict = _strict(data, detected)
        if strict is not None:
            return Decoded(_clean(strict), detected, "detected")
    for codec, source in suspects:
        text = data.decode(codec, "replace")
        if _few_errors(data, _errors(text)):
            return Decoded(_clean(text), codec, source)
    options = [(detected, "detected")] if detected else []
    best: Decoded | None = None
    best_errors = len(data) + 1
    for codec, source in [*options, *suspects, ("utf-8", "default")]:
        text = data.decode(codec, "replace")
        errors = _errors(text)
        if errors < best_errors:
            best, best_errors = Decoded(_clean(text), codec, source), errors
        if errors == 0:
            break
    assert best is not None
    return best


def _detect(data: bytes) -> str | None:
    """charset-normalizer on <= 64 KB of tag-stripped text; None if it finds nothing.

    Markup dilutes the signal: a page with 30 KB of ASCII tags around 600 bytes
    of EUC-JP text is detected as cp1250 unless tags are removed first (safe on
    bytes: "<" and ">" are never trail bytes in CJK encodings; skipped when ESC
    is present, because ISO-2022-JP text uses those byte values).
    Cost: a regex over <= 256 KB, then usually one detection run.
    """
    from charset_normalizer import from_bytes  # import cost paid only when detecting

    for raw in _cut(data, 4 * _DETECT_BYTES):
        text = raw if b"\x1b" in raw else _TAG.sub(b" ", raw)
        for sample in _cut(text, _DETECT_BYTES):
            match = from_bytes(sample, preemptive_behaviour=False).best()
            if match is not None:
                try:
                    name = codecs.lookup(match.encoding).name
                except LookupError:
                    return None
                return _UPGRADE.get(name, name)
    return None


def _cut(data: bytes, size: int) -> list[bytes]:
    """Prefixes of <= `size` bytes to try, ending after a byte < 0x40 if possible.

    charset-normalizer rejects a sample that ends inside a character; bytes
    below 0x40 are never trail bytes in CJK encodings. With no such byte in the
    last half, both parities of a blind cut are returned.
    """
    if len(data) <= size:
        return [data]
    cut = max(data.rfind(sep, size // 2, size) for sep in (b"\n", b">", b"<", b" "))
    return [data[:cut + 1]] if cut > 0 else [data[:size], data[:size - 1]]


def _clean(text: str) -> str:
    """Drop NUL characters (lxml rejects them). O(n), no copy when absent."""
    return text.replace("\x00", "") if "\x00" in text else text

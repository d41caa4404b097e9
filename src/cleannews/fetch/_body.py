"""Reading a response body with a hard size limit, decompressing it ourselves.

httpx would inflate each network chunk in one go (a 64 KB gzip chunk can become 64 MB,
a brotli one gigabytes), so we read the raw stream and inflate with an output cap per
call: memory stays below the limit plus one network chunk, whatever the compression.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator
from typing import Protocol

from ._records import FetchError

try:  # brotli comes with the `fetch` extra (httpx[brotli]); without it we do not offer br
    import brotli as _brotli
except ImportError:  # pragma: no cover - depends on the installation
    _brotli = None

__all__ = ["ACCEPT_ENCODING", "read_limited"]

#: What we ask for: only what `_decoder` can inflate with a bounded output.
ACCEPT_ENCODING = "gzip, deflate, br" if _brotli is not None else "gzip, deflate"


class _Decoder(Protocol):
    def feed(self, data: bytes, limit: int) -> bytes: ...


class _Identity:
    def feed(self, data: bytes, limit: int) -> bytes:
        return data


class _Zlib:
    """gzip (several members too) or zlib-wrapped / raw deflate, `limit` + 1 bytes at most."""

    def __init__(self, gzip: bool) -> None:
        self.gzip = gzip
        self.obj = zlib.decompressobj(wbits=31 if gzip else 15)
        self.raw_tried = gzip

    def feed(self, data: bytes, limit: int) -> bytes:
        out = bytearray()
        while data and len(out) <= limit:
            try:
                out += self.obj.decompress(data, limit + 1 - len(out))
            except zlib.error:
                if self.raw_tried or out:
                    raise
                self.raw_tried = True  # "deflate" that is raw deflate after all
                self.obj = zlib.decompressobj(wbits=-15)
                continue
            data = self.obj.unconsumed_tail
            if self.obj.eof and self.obj.unused_data:  # the next gzip member
                data = self.obj.unused_data
                self.obj = zlib.decompressobj(wbits=31 if self.gzip else 15)
        return bytes(out)


class _Brotli:
    def __init__(self) -> None:
        assert _brotli is not None
        self.obj = _brotli.Decompressor()

    def feed(self, data: bytes, limit: int) -> bytes:
        out = bytearray(self.obj.process(data, output_buffer_limit=limit + 1))
        while len(out) <= limit and not self.obj.can_accept_more_data():
            more = self.obj.process(b"", output_buffer_limit=limit + 1 - len(out))
            if not more:
                break
            out += more
        return bytes(out)


def _decoder(encoding: str | None) -> _Decoder:
    names = [e.strip().lower() for e in (encoding or "").split(",") if e.strip()]
    names = [n for n in names if n != "identity"]
    if not names:
        return _Identity()
    if len(names) > 1:
        raise FetchError("bad_encoding", f"stacked Content-Encoding {encoding!r} not supported")
    name = names[0]
    if name in ("gzip", "x-gzip"):
        return _Zlib(gzip=True)
    if name == "deflate":
        return _Zlib(gzip=False)
    if name == "br" and _brotli is not None:
        return _Brotli()
    raise FetchError("bad_encoding", f"unsupported Content-Encoding {encoding!r}")


async def read_limited(chunks: AsyncIterator[bytes], encoding: str | None, limit: int, *,
                       truncate: bool = False) -> bytes:
    """The decoded body of raw `chunks`, or `FetchError` ``too_large`` past `limit` bytes
    (with `truncate`, its first `limit` bytes instead).

    Costs one pass over the data; holds at most `limit` + one chunk of output.
    """
    decoder = _decoder(encoding)
    body = bytearray()
    async for chunk in chunks:
        try:
            body += decoder.feed(chunk, limit - len(body))
        except (zlib.error, OSError, ValueError) as exc:
            raise FetchError("bad_encoding", f"cannot decode {encoding} body: {exc}") from None
        except Exception as exc:  # brotli.error is not an OSError
            if _brotli is not None and isinstance(exc, _brotli.error):
                raise FetchError("bad_encoding", f"cannot decode {encoding} body: {exc}") from None
            raise
        if len(body) > limit:
            if truncate:
                return bytes(body[:limit])
            raise FetchError("too_large", f"body over the {_mb(limit)} limit"
                             + (f" after {encoding} decoding" if encoding else ""))
    return bytes(body)


def _mb(n: int) -> str:
    return f"{n / 1e6:g} MB" if n >= 100_000 else f"{n} bytes"

"""Bounded body decoding: memory stays under the limit whatever the compression ratio."""

from __future__ import annotations

import asyncio
import gzip
import zlib

import brotli
import pytest

from cleannews.fetch._body import read_limited
from cleannews.fetch._records import FetchError

PAGE = b"<html><body>" + b"<p>Some news text.</p>" * 2000 + b"</body></html>"


async def _chunks(data: bytes, size: int = 4096):
    for i in range(0, len(data), size):
        yield data[i:i + size]


def read(data: bytes, encoding: str | None, limit: int, **kw) -> bytes:
    return asyncio.run(read_limited(_chunks(data), encoding, limit, **kw))


@pytest.mark.parametrize("encoding,encode", [
    (None, lambda b: b),
    ("identity", lambda b: b),
    ("gzip", gzip.compress),
    ("x-gzip", gzip.compress),
    ("deflate", zlib.compress),
    ("deflate", lambda b: zlib.compress(b, wbits=-15)),  # raw deflate, as some servers send
    ("br", brotli.compress),
])
def test_round_trip(encoding, encode):
    assert read(encode(PAGE), encoding, 10_000_000) == PAGE


def test_concatenated_gzip_members():
    assert read(gzip.compress(PAGE[:100]) + gzip.compress(PAGE[100:]), "gzip", 10**7) == PAGE


@pytest.mark.parametrize("encoding,encode", [
    ("gzip", lambda b: gzip.compress(b, compresslevel=9)),
    ("deflate", lambda b: zlib.compress(b, 9)),
    ("br", lambda b: brotli.compress(b, quality=5)),
])
def test_bombs_stop_at_the_limit(encoding, encode):
    bomb = encode(b"\0" * 20_000_000)
    with pytest.raises(FetchError) as info:
        read(bomb, encoding, 100_000)
    assert info.value.kind == "too_large"


def test_each_decoder_call_is_bounded():
    # The whole bomb in ONE network chunk still never inflates past limit + 1 at once.
    from cleannews.fetch._body import _Brotli, _Zlib
    for decoder, bomb in ((_Zlib(gzip=True), gzip.compress(b"\0" * 20_000_000)),
                          (_Brotli(), brotli.compress(b"\0" * 20_000_000, quality=5))):
        assert len(decoder.feed(bomb, 1000)) <= 1001 + 65536


def test_plain_body_over_the_limit_and_truncation():
    with pytest.raises(FetchError) as info:
        read(PAGE, None, 1000)
    assert info.value.kind == "too_large"
    assert read(PAGE, None, 1000, truncate=True) == PAGE[:1000]


@pytest.mark.parametrize("encoding", ["gzip", "br", "compress", "gzip, br"])
def test_bad_or_unknown_encodings(encoding):
    with pytest.raises(FetchError) as info:
        read(b"definitely not compressed" * 10, encoding, 10**6)
    assert info.value.kind == "bad_encoding"

"""Small WARC files for the WARC, parallel and Dask tests, written with cleannews' own writer."""

from __future__ import annotations

import gzip
from pathlib import Path

from cleannews.warc import WarcWriter, write_warc_exchange

JA_PHRASE = "漁船は夜明け前に港へ戻り"


def article(n: int, lang: str = "en") -> str:
    """An article page; `n` makes its title and text unique."""
    if lang == "ja":
        return f"""<html lang="ja"><head><title>港が再開 {n}</title></head><body><article>
<h1>嵐の後、港が再開 {n}</h1>
<p>例港は一週間にわたる閉鎖の後、火曜日の朝に再開した。当局が明らかにした。港の関係者は安堵の表情を見せた。</p>
<p>{JA_PHRASE}、最初のフェリーは二百人以上の乗客を乗せて九時に出航した。</p>
<p>北側の防波堤の修理は春まで続く見通しだと港湾当局は説明している。記事番号 {n}。</p>
</article></body></html>"""
    return f"""<html lang="en"><head><title>Harbour reopens {n}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Harbour reopens {n}</h1>
<p>The harbour of Port Example reopened on Tuesday morning after a week-long closure caused by
the storm, officials said.  Story number {n} of the day.</p>
<p>Fishing boats returned to the docks before dawn, and the first ferry left at nine o'clock
with more than two hundred passengers on board.</p>
<p>Repairs to the northern breakwater will continue through the spring, according to the port
authority.</p></article><footer>© Example News</footer></body></html>"""


def html_exchange(out: WarcWriter, n: int, *, lang: str = "en", charset: str = "utf-8",
                  marker: str = "") -> str:
    """Write article `n` as a 200 text/html response; returns its WARC-Record-ID."""
    body = article(n, lang).replace("<body>", f"<body>{marker}").encode(charset)
    return write_warc_exchange(out, url=f"https://news.example/{lang}/{n}", status=200, body=body,
                               response_headers=[("Content-Type", f"text/html; charset={charset}")],
                               date=f"2025-01-0{1 + n % 9}T12:00:00Z")


def mixed_warc(path: Path, first: int = 0, count: int = 4) -> list[str]:
    """A WARC with `count` HTML pages (ids returned, in order) plus a 404, a redirect and an image."""
    ids = []
    with WarcWriter(str(path)) as out:
        for n in range(first, first + count):
            ids.append(html_exchange(out, n))
            if n == first:
                write_warc_exchange(out, url="https://news.example/gone", status=404, body=b"<html>gone</html>",
                                    response_headers=[("Content-Type", "text/html")])
                write_warc_exchange(out, url="https://news.example/moved", status=301, body=b"",
                                    response_headers=[("Location", "https://news.example/en/1")])
                write_warc_exchange(out, url="https://news.example/logo.png", status=200,
                                    body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 50,
                                    response_headers=[("Content-Type", "image/png")])
    return ids


def truncate_gzip(path: Path, keep: float = 0.7) -> None:
    """Cut a .warc.gz file short, as a crawl killed mid-write would leave it."""
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def corrupt_gzip(path: Path) -> None:
    """Overwrite bytes in the middle of a .warc.gz file (a bad disk block)."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle: middle + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))


def gunzip(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())

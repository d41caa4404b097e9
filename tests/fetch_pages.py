"""Pages and helpers shared by the fetch tests."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from cleannews.fetch import FetchOptions, FetchRecord, fetch_many

EN_PHRASE = "Fishing boats returned to the docks"
JA_PHRASE = "漁船は夜明け前に港へ戻り"


def en_page(n: int = 0) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><title>Harbour reopens {n} | Example News</title>
</head><body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>Harbour reopens after storm {n}</h1>
<p>The harbour of Port Example reopened on Tuesday morning after a week-long closure caused
by the storm, officials said.</p>
<p>{EN_PHRASE} before dawn, and the first ferry left at nine o'clock with more than two
hundred passengers on board.</p>
<p>Repairs to the northern breakwater will continue through the spring, according to the
port authority.</p></article></main><footer>© Example News</footer></body></html>
"""


def ja_page() -> str:
    """A Japanese page with no charset declaration inside: only the header tells."""
    return f"""<!DOCTYPE html><html lang="ja"><head><title>港が再開 | 例ニュース</title></head>
<body><main><article><h1>嵐の後、港が再開</h1>
<p>例港は一週間にわたる閉鎖の後、火曜日の朝に再開した。当局が明らかにした。港の関係者は安堵の表情を見せた。</p>
<p>{JA_PHRASE}、最初のフェリーは二百人以上の乗客を乗せて九時に出航した。</p>
<p>北側の防波堤の修理は春まで続く見通しだと港湾当局は説明している。</p>
</article></main></body></html>
"""


#: Fast settings for tests: short timeouts and backoffs, no robots unless a test wants them.
FAST = FetchOptions(respect_robots=False, backoff=0.05, timeout=5.0, connect_timeout=2.0,
                    read_timeout=2.0)


def fetch_all(urls: Iterable[str], fetch_options: FetchOptions = FAST, **kw: object) -> list[FetchRecord]:
    """Every record `fetch_many` yields, run to completion in a fresh event loop."""
    async def run() -> list[FetchRecord]:
        return [r async for r in fetch_many(list(urls), fetch_options=fetch_options, **kw)]  # type: ignore[arg-type]
    return asyncio.run(run())


def by_url(records: list[FetchRecord]) -> dict[str, FetchRecord]:
    out = {r.url: r for r in records}
    assert len(out) == len(records), "one record per URL"
    return out

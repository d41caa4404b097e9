"""Fetching news pages over HTTP and cleaning them: `cleannews fetch` and its library API.

Needs the ``fetch`` extra (``pip install 'cleannews[fetch]'``: httpx, h2, brotli, tqdm);
the core (`cleannews.clean`) never imports this package.

    import asyncio
    from cleannews.fetch import FetchOptions, fetch_many

    async def main(urls):
        async for record in fetch_many(urls, fetch_options=FetchOptions(per_host=1)):
            print(record.url, record.ok, record.article.title if record.ok else record.error_kind)

    asyncio.run(main(["https://example.com/news/1"]))

`Fetcher` is the session behind it (one pool, robots cache and per-host limits shared by
every `fetch` / `fetch_many` call); `fetch_and_clean` does one URL.
"""

from __future__ import annotations

from ._fetcher import Fetcher, fetch_and_clean, fetch_many
from ._options import DEFAULT_USER_AGENT, FetchOptions
from ._records import ERROR_KINDS, FetchRecord

__all__ = [
    "DEFAULT_USER_AGENT",
    "ERROR_KINDS",
    "FetchOptions",
    "FetchRecord",
    "Fetcher",
    "fetch_and_clean",
    "fetch_many",
]

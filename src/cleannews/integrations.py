"""cleannews inside crawlers you already run: `clean_response` and a Scrapy item pipeline.

Duck-typed: nothing here imports httpx, requests or Scrapy.

    # httpx / requests
    article = cleannews.clean_response(httpx.get(url))

    # Scrapy: in a spider callback...
    def parse(self, response):
        yield {"url": response.url, **cleannews.clean_response(response).to_dict()}

    # ...or let the pipeline clean items that carry the raw page (settings.py):
    ITEM_PIPELINES = {"cleannews.integrations.CleannewsPipeline": 300}
    # and in the spider: yield {"url": response.url, "html": response.body,
    #                           "content_type": response.headers.get("Content-Type")}
"""

from __future__ import annotations

from typing import Any

from ._api import clean
from .article import Article
from .errors import InputError
from .options import Options

__all__ = ["CleannewsPipeline", "clean_response", "response_parts"]


def response_parts(response: Any) -> tuple[bytes, str | None, str | None]:
    """``(body, url, content_type)`` of an httpx, requests or Scrapy response.

    The body is the bytes as received after content decoding (``.content`` for httpx and
    requests, ``.body`` for Scrapy); the URL is the final one, after redirects.  Raises
    `InputError` for an object that has neither.  An httpx streaming response must have
    been read (``await response.aread()``) first.
    """
    body = getattr(response, "body", None)  # Scrapy
    if not isinstance(body, (bytes, bytearray)):
        try:
            body = response.content  # httpx, requests
        except AttributeError:
            body = None
        except Exception as exc:  # e.g. httpx.ResponseNotRead
            raise InputError(f"cannot read the body of {type(response).__name__}: {exc}") from exc
    if not isinstance(body, (bytes, bytearray)):
        raise InputError(f"not a response with a body: {type(response).__name__}")
    url = getattr(response, "url", None)
    return bytes(body), (str(url) if url is not None else None), _content_type(response)


def _content_type(response: Any) -> str | None:
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    try:
        value = headers.get("Content-Type")
    except Exception:  # noqa: BLE001 - an exotic headers object: decode without it
        return None
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    if isinstance(value, (bytes, bytearray)):  # Scrapy's Headers hold bytes
        value = bytes(value).decode("latin-1")
    return value if isinstance(value, str) else None


def clean_response(response: Any, *, options: Options | None = None, **overrides: Any) -> Article:
    """`cleannews.clean` for an HTTP response object of httpx, requests or Scrapy.

    Takes the body bytes, the final URL and the Content-Type (for its charset: the core
    decoder goes BOM > header > ``<meta>`` > detection).  It does not look at the status
    or check that the type is HTML: do that first if your crawler lets other answers
    through.  Cost: one `clean` call (a few ms per 100 KB page).
    """
    body, url, content_type = response_parts(response)
    return clean(body, url=url, content_type=content_type, options=options, **overrides)


class CleannewsPipeline:
    """A Scrapy item pipeline: items with a raw page get the article fields instead.

    An item (a dict, or anything with ``get``/``pop``/``__setitem__``) that has a
    ``html`` field (bytes or str) is cleaned: ``html`` is removed and every
    `Article.to_dict` field added (``url`` is kept if the item has one; its
    ``content_type`` field, if any, gives the charset and is kept as a str).  Other
    items pass unchanged.
    Settings: ``CLEANNEWS_OPTIONS``, a dict of `Options` fields.  Cleaning runs in the
    reactor thread, a few ms per page, like a spider callback.
    """

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleannewsPipeline:
        settings = getattr(crawler, "settings", None)
        values = settings.getdict("CLEANNEWS_OPTIONS") if settings is not None else {}
        return cls(Options().replace(**values) if values else None)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        html = item.get("html")
        if html is None:
            return item
        content_type = item.get("content_type")
        if isinstance(content_type, (bytes, bytearray)):  # straight from Scrapy's headers
            content_type = item["content_type"] = bytes(content_type).decode("latin-1")
        url = item.get("url")
        article = clean(html, url=url, content_type=content_type, options=self.options)
        item.pop("html")
        for key, value in article.to_dict().items():
            if key != "url" or url is None:
                item[key] = value
        return item

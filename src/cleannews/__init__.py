"""cleannews: noisy news pages in, clean article bodies (with metadata) out.

    >>> import cleannews
    >>> article = cleannews.clean(html_bytes, url="https://example.com/news/1")
    >>> article.title, article.text, article.is_article

See `clean` for the accepted inputs and `Options` for the settings.  `clean_response`
cleans an httpx, requests or Scrapy response; `cleannews.fetch` (the ``fetch`` extra)
fetches URL lists politely and cleans them.
"""

from __future__ import annotations

from ._api import clean
from .article import Article, Block, Removal
from .errors import CleannewsError, InputError, InputTooLarge
from .integrations import clean_response
from .options import Options

__all__ = [
    "Article",
    "Block",
    "CleannewsError",
    "InputError",
    "InputTooLarge",
    "Options",
    "Removal",
    "clean",
    "clean_response",
]
__version__ = "0.1.0"

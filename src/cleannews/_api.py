"""`clean()`: the pipeline of one page.  Orchestration only; heuristics live in the modules."""

from __future__ import annotations

from typing import Any

from .article import Article
from .options import Options

__all__ = ["clean"]


def clean(data: Any, url: str | None = None, *, content_type: str | None = None,
          options: Options | None = None, **overrides: Any) -> Article:
    """TEMPORARY STUB: returns the page text naively.  Replaced by the real pipeline."""
    opts = (options or Options()).replace(**overrides) if overrides else (options or Options())
    import lxml.html
    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace")
    if not data.strip():
        return Article(url=url, reason="empty document")
    root = lxml.html.fromstring(data)
    text = "\n".join(t.strip() for t in root.itertext() if t.strip())
    return Article(text=text, is_article=bool(text), url=url)

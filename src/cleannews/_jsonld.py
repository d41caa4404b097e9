"""JSON-LD blocks of a page, read as tolerantly as browsers and search engines read them.

Pages ship JSON-LD that `json.loads` rejects: trailing commas, raw newlines or tabs inside
strings, ``<!-- -->`` or CDATA wrappers, several objects one after another.  `parse_blocks`
repairs those; anything still broken is skipped.  `JsonLd` flattens ``@graph`` arrays and
``mainEntity`` wrappers, resolves ``{"@id": ...}`` references and puts article-typed objects
first.  Cost: `json.loads` of each block (the repair pass runs only on blocks that fail).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["ARTICLE_TYPES", "JsonLd", "parse_blocks", "texts"]

# schema.org types of an article page's main object (compared without the schema prefix).
ARTICLE_TYPES = frozenset("""article newsarticle blogposting reportagenewsarticle analysisnewsarticle
    opinionnewsarticle reviewnewsarticle backgroundnewsarticle askpublicnewsarticle satiricalarticle
    techarticle scholarlyarticle report socialmediaposting liveblogposting discussionforumposting
    advertisercontentarticle medicalscholarlyarticle review""".split())

_TRAILING_COMMA_RE = re.compile(r",(\s*[}\]])")
_DECODER = json.JSONDecoder(strict=False)  # strict=False: raw control characters in strings


def parse_blocks(text: str) -> list[Any]:
    """The JSON values in one ``<script type="application/ld+json">`` body ([] if unreadable)."""
    text = _unwrap(text)
    if not text:
        return []
    try:
        return [_DECODER.decode(text)]
    except ValueError:
        pass
    return _decode_all(_TRAILING_COMMA_RE.sub(r"\1", text))


def _unwrap(text: str) -> str:
    """The block without ``<!-- -->`` / ``<![CDATA[ ]]>`` wrappers (optionally behind ``//``)
    and a trailing semicolon.  String operations only: a regex would scan the whole block."""
    text = text.strip()
    if text.startswith("//"):
        text = text[2:].lstrip()
    for opener in ("<!--", "<![CDATA["):
        if text.startswith(opener):
            text = text[len(opener):]
    text = text.rstrip().rstrip(";").rstrip()
    for closer in ("-->", "]]>"):
        if text.endswith(closer):
            text = text[:-len(closer)].rstrip()
            text = text[:-2] if text.endswith("//") else text
    return text.strip().rstrip(";").rstrip()


def _decode_all(text: str) -> list[Any]:
    """Values written one after another (``{...}{...}`` or ``{...},{...}``); stops at garbage."""
    values: list[Any] = []
    pos, end = 0, len(text)
    while pos < end:
        while pos < end and text[pos] in " \t\r\n,;":
            pos += 1
        if pos >= end:
            break
        try:
            value, pos = _DECODER.raw_decode(text, pos)
        except ValueError:
            break
        values.append(value)
    return values


def _type_names(obj: dict[str, Any]) -> list[str]:
    """``@type`` as lower-case names without a schema prefix (``schema:NewsArticle`` -> newsarticle)."""
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return [re.sub(r"^.*[/:#]", "", n).lower() for n in names if isinstance(n, str)]


class JsonLd:
    """The page's JSON-LD objects: `articles` (article-typed, in page order), then `others`."""

    def __init__(self, blocks: Iterable[Any]) -> None:
        self.articles: list[dict[str, Any]] = []
        self.others: list[dict[str, Any]] = []
        self._ids: dict[str, dict[str, Any]] = {}
        for obj in _flatten(blocks):
            if isinstance(obj.get("@id"), str) and len(obj) > 2:
                self._ids.setdefault(obj["@id"], obj)
            is_article = any(t in ARTICLE_TYPES for t in _type_names(obj))
            (self.articles if is_article else self.others).append(obj)

    @property
    def objects(self) -> list[dict[str, Any]]:
        return self.articles + self.others

    def types(self) -> tuple[str, ...]:
        """Every ``@type`` name in page order; a list (``["ItemList", "CollectionPage"]``) gives each."""
        out: list[str] = []
        for o in self.objects:
            raw = o.get("@type")
            out.extend(t for t in (raw if isinstance(raw, list) else [raw]) if isinstance(t, str) and t)
        return tuple(out)

    def resolve(self, value: Any) -> Any:
        """A ``{"@id": ...}`` reference replaced by the object it names (else the value itself)."""
        if isinstance(value, dict) and len(value) <= 2 and isinstance(value.get("@id"), str):
            return self._ids.get(value["@id"], value)
        return value

    def first(self, key: str, *, articles_only: bool = False) -> Any:
        """The first non-empty value of `key`, article objects first."""
        for obj in self.articles if articles_only else self.objects:
            value = obj.get(key)
            if value not in (None, "", [], {}):
                return self.resolve(value)
        return None

    def names(self, value: Any) -> list[str]:
        """Names in an author/publisher value: strings, ``{"name": ...}`` objects or lists of them."""
        out: list[str] = []
        for item in value if isinstance(value, list) else [value]:
            item = self.resolve(item)
            if isinstance(item, dict):
                item = item.get("name")
                if isinstance(item, list):  # "name": ["A", "B"]
                    out.extend(i for i in item if isinstance(i, str))
                    continue
            if isinstance(item, str) and item.strip():
                out.append(item.strip())
        return out


def _flatten(blocks: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """Every object, with ``@graph`` members and a ``mainEntity`` unwrapped (depth-first)."""
    stack = list(reversed(list(blocks)))
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            graph, main = item.get("@graph"), item.get("mainEntity")
            if item.get("@type") or not graph:
                yield item
            nested = [x for x in (graph, main) if isinstance(x, (list, dict))]
            stack.extend(reversed(nested))


def texts(value: Any) -> list[str]:
    """Strings in a value that may be a string, a list, or ``{"@value"|"name"|"url": ...}``."""
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            item = item.get("@value") or item.get("name") or item.get("url") or item.get("contentUrl")
        if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
            out.append(str(item).strip())
    return out

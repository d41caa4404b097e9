"""Page metadata: title, authors, dates, site, language, URLs, image, tags and categories.

Every field is taken from the most trusted source that has it:
  1. JSON-LD (article-typed objects first; see `_jsonld`),
  2. OpenGraph and Twitter cards, 3. other `<meta>` (the `*_KEYS` tables, in trust order),
  4. `<time datetime>` and ``itemprop`` markup, 5. the visible page near the headline
     (`_visible`), and for dates the URL path last.
The title is the visible headline when one matches a reference title (JSON-LD, og:title,
``<title>``), else the best reference with its " - Site" part removed.  `settle_lang` checks
the markup's language against the body text once the body is known.

Cost: one pass over the tree for head-type tags, `json.loads` of the JSON-LD blocks, and a
few bounded lookups; the visible sources run only for fields still empty (about 0.1-0.3 ms
for a typical news page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

from ._jsonld import JsonLd, parse_blocks, texts
from ._lang import lang_code, settle_lang
from ._names import author_names
from ._title import pick_title, strip_site_suffix
from ._visible import Zone, header_zone, visible_authors, visible_date
from .dates import parse_date, url_date
from .measure import element_text
from .text import collapse_space

__all__ = ["Metadata", "extract_metadata", "settle_lang", "strip_site_suffix"]

# <meta> keys (property, name, itemprop or http-equiv; lower case, "dc:" spelled "dc.") in
# trust order: OpenGraph and Twitter first, then Dublin Core, Parse.ly, Sailthru and the rest.
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title",
              "sailthru.title", "headline", "title")
AUTHOR_KEYS = ("article:author", "og:article:author", "dc.creator", "dcterms.creator", "author",
               "parsely-author", "sailthru.author", "byl", "citation_author", "book:author", "creator")
PUBLISHED_KEYS = ("article:published_time", "og:article:published_time", "og:published_time",
                  "datepublished", "published_time", "publishdate", "publish-date", "publish_date",
                  "pubdate", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
                  "dcterms.created", "dc.date.created", "parsely-pub-date", "sailthru.date",
                  "citation_publication_date", "citation_date", "article.published",
                  "article_date_original", "original-publish-date", "date", "datecreated")
MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                 "dc.date.modified", "last-modified", "article.updated", "lastmod")
SITE_KEYS = ("og:site_name", "application-name", "dc.publisher", "dcterms.publisher", "publisher")
DESCRIPTION_KEYS = ("og:description", "twitter:description", "description", "dc.description",
                    "dcterms.description")
IMAGE_KEYS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
              "image", "thumbnailurl", "thumbnail")
LANG_KEYS = ("content-language", "og:locale", "dc.language", "dcterms.language", "language", "inlanguage")
TAG_KEYS = ("article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags")
CATEGORY_KEYS = ("article:section", "parsely-section", "articlesection", "section", "category")
# JSON-LD properties (of article-typed objects first) for the same fields.
LD_PUBLISHED = ("datePublished", "dateCreated", "uploadDate")
LD_MODIFIED = ("dateModified",)

_TAG_SPLIT_RE = re.compile(r"\s*[,，、;；]\s*")
_HEAD_TAGS = ("meta", "script", "link", "title", "base", "html", "time", "h1")
_MAX_TAGS = 30


@dataclass(frozen=True)
class Metadata:
    """What `extract_metadata` found; every field may be empty."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    modified: datetime | None = None
    site_name: str | None = None
    lang: str | None = None
    description: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    og_type: str | None = None
    json_ld_types: tuple[str, ...] = ()
    from_page_text: frozenset[str] = frozenset()  # fields read from the visible page, not markup

    @property
    def declares_article(self) -> bool:
        """og:type ``article`` or a JSON-LD ``*Article`` / ``BlogPosting`` / ``*Posting`` type."""
        return (self.og_type or "").lower() == "article" or any(
            t.endswith(("Article", "Posting")) for t in self.json_ld_types)

    def without_page_text(self) -> Metadata:
        """A copy without the fields read from the visible page: on a listing, a byline or
        date near the top belongs to a teaser or to today's date, not to the page."""
        cleared = {f: () if f == "authors" else None for f in self.from_page_text}
        return replace(self, **cleared, from_page_text=frozenset())


# A JSON-LD block without any of these (a breadcrumb list, a search box, a logo) holds
# nothing `extract_metadata` reads: it is not parsed.
_LD_WORDS = ("Article", "Posting", "headline", "date", "author", "creator", "publisher", "@graph",
             "keywords", "inLanguage", "mainEntity")


def _worth_parsing(text: str | None) -> bool:
    return bool(text) and any(word in text for word in _LD_WORDS)


class _Page:
    """The page's metadata sources, gathered in one pass over the head-type tags."""

    def __init__(self, root: HtmlElement, url: str | None) -> None:
        self.root = root
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, str] = {}
        self.head_title = ""
        self.h1s: list[HtmlElement] = []
        self.times: list[HtmlElement] = []
        self.html_lang: str | None = None
        blocks: list[Any] = []
        base = None
        for el in root.iter(*_HEAD_TAGS):
            tag = el.tag
            if tag == "meta":
                self._add_meta(el)
            elif tag == "script":
                if (el.get("type") or "").strip().lower() == "application/ld+json" and _worth_parsing(el.text):
                    blocks.extend(parse_blocks(el.text))
            elif tag == "link":
                for rel in (el.get("rel") or "").lower().split():
                    if el.get("href"):
                        self.links.setdefault(rel, el.get("href").strip())
            elif tag == "title" and not self.head_title:
                self.head_title = collapse_space(element_text(el))
            elif tag == "h1":
                self.h1s.append(el)
            elif tag == "time":
                self.times.append(el)
            elif tag == "base" and base is None:
                base = el.get("href")
            elif tag == "html":
                self.html_lang = el.get("lang") or el.get("xml:lang")
        self.ld = JsonLd(blocks)
        self.url = url
        self.base = urljoin(url or "", base.strip()) if base else url

    def _add_meta(self, el: HtmlElement) -> None:
        """Values are kept raw; `first` and `values` collapse the spaces of those read."""
        content = el.get("content")
        if not content:
            return
        keys = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        if not keys:
            return
        keys = keys.lower()
        if "dc" in keys:
            keys = keys.replace("dcterm:", "dcterms.").replace("dcterms:", "dcterms.").replace("dc:", "dc.")
        for key in keys.split():
            self.meta.setdefault(key, []).append(content)

    def first(self, keys: tuple[str, ...]) -> str | None:
        """The first non-blank value of the first key present, in table order."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value := collapse_space(value):
                    return value
        return None

    def values(self, keys: tuple[str, ...]) -> list[str]:
        return [v for key in keys for raw in self.meta.get(key, ()) if (v := collapse_space(raw))]


def extract_metadata(root: HtmlElement, url: str | None = None) -> Metadata:
    """Read the page's metadata (before scripts are stripped).  Never raises; missing fields
    are empty.  `lang` is the markup's: check it against the body with `settle_lang`."""
    page = _Page(root, url)
    ld = page.ld
    site = _site_name(page)
    title, headline = pick_title(_title_refs(page), page.head_title, site, page.h1s, root)
    modified = _date(page, LD_MODIFIED, MODIFIED_KEYS, "dateModified")
    zone: Zone | None = None
    from_text: set[str] = set()
    authors = _authors(page)
    if not authors:
        zone = header_zone(headline)
        authors = visible_authors(zone)
        from_text.update(("authors",) if authors else ())
    published = _date(page, LD_PUBLISHED, PUBLISHED_KEYS, "datePublished")
    if published is None:
        zone = header_zone(headline) if zone is None else zone
        in_url = url_date(url)
        trusted = modified or in_url  # a year-less visible date takes its year from these
        published = _plausible(visible_date(zone, trusted.year if trusted else None))
        from_text.update(("published",) if published else ())
        published = published or in_url
    canonical = page.links.get("canonical") or page.first(("og:url",))
    image = texts(ld.first("image", articles_only=True)) or [page.first(IMAGE_KEYS) or page.links.get("image_src")]
    return Metadata(
        title=title,
        authors=tuple(authors),
        published=published,
        modified=modified,
        site_name=site,
        lang=lang_code(page.html_lang) or lang_code(page.first(LANG_KEYS))
        or next(iter(lang_code(t) for t in texts(ld.first("inLanguage"))), None),
        description=next(iter(texts(ld.first("description", articles_only=True))), None)
        or page.first(DESCRIPTION_KEYS),
        canonical_url=urljoin(page.base or "", canonical) if canonical else None,
        image=urljoin(page.base or canonical or "", image[0]) if image[0] else None,
        tags=_tags(page.values(TAG_KEYS) + texts(ld.first("keywords", articles_only=True))),
        categories=_tags(texts(ld.first("articleSection", articles_only=True)) + page.values(CATEGORY_KEYS)),
        og_type=page.first(("og:type",)),
        json_ld_types=ld.types(),
        from_page_text=frozenset(from_text),
    )


# ---------------------------------------------------------------------------- fields


def _title_refs(page: _Page) -> list[str]:
    """Reference titles in trust order: JSON-LD headline, the `TITLE_KEYS`, ``<title>``."""
    ld_title = next(iter(texts(page.ld.first("headline", articles_only=True)
                               or page.ld.first("name", articles_only=True))), "")
    return [ld_title, page.first(TITLE_KEYS) or "", page.head_title]



def _site_name(page: _Page) -> str | None:
    """JSON-LD publisher name, then og:site_name and the other site keys."""
    names = page.ld.names(page.ld.first("publisher", articles_only=True))
    return collapse_space(names[0]) if names else page.first(SITE_KEYS)


def _authors(page: _Page) -> list[str]:
    """Names from JSON-LD author/creator, else from the first author meta key that has any
    (every value of it: one ``<meta>`` per author); URLs skipped."""
    ld = page.ld
    raw = ld.names(ld.first("author", articles_only=True) or ld.first("creator", articles_only=True))
    names = _names_in(raw)
    for key in AUTHOR_KEYS:
        if names:
            break
        names = _names_in([v for v in page.values((key,)) if not v.startswith(("http", "/"))])
    return names


def _names_in(values: list[str]) -> list[str]:
    names: list[str] = []
    for value in values:
        names.extend(n for n in author_names(value) if n not in names)
    return names


def _date(page: _Page, ld_keys: tuple[str, ...], meta_keys: tuple[str, ...], itemprop: str) -> datetime | None:
    """JSON-LD, then meta keys, then ``<time>``/itemprop markup: the first value that parses.
    A UTC value yields to the same instant written in a local zone further down (so the
    calendar day is the page's own)."""
    found = None
    for value in _date_values(page, ld_keys, meta_keys, itemprop):
        date = _plausible(parse_date(value))
        if date is None:
            continue
        if found is None:
            found = date
            if date.utcoffset() != timedelta(0):
                return date
        elif date.utcoffset() and date == found:
            return date
    return found


def _date_values(page: _Page, ld_keys: tuple[str, ...], meta_keys: tuple[str, ...], itemprop: str) -> Iterator[str]:
    """Date strings in trust order (lazily: later sources are read only when needed)."""
    for key in ld_keys:
        yield from texts(page.ld.first(key))
    yield from page.values(meta_keys)
    for el in _time_markup(page, itemprop):
        yield el.get("datetime") or el.get("content") or element_text(el)


def _time_markup(page: _Page, itemprop: str) -> list[HtmlElement]:
    """``<time>`` elements: those marked with `itemprop` (or ``pubdate``) first, then, for the
    publication date, the first few with a ``datetime``."""
    marked = [t for t in page.times if t.get("itemprop") == itemprop
              or (itemprop == "datePublished" and t.get("pubdate") is not None)]
    if itemprop == "datePublished":
        marked += [t for t in page.times if t.get("datetime") and t not in marked][:3]
    return marked


def _plausible(date: datetime | None) -> datetime | None:
    """A date not in the future (a day of slack for zones); else None."""
    if date is None:
        return None
    now = datetime.now(timezone.utc) if date.tzinfo else datetime.now()
    return date if date <= now + timedelta(days=1) else None


def _tags(values: list[str]) -> tuple[str, ...]:
    """Distinct short tags, comma-separated values split; the first `_MAX_TAGS` only (a
    keywords list of hundreds is SEO filler, and reading it all would cost more)."""
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        for tag in _TAG_SPLIT_RE.split(value[:_MAX_TAGS * 64]):
            tag = tag.strip()
            key = tag.casefold()
            if tag and len(tag) <= 60 and key not in seen:
                seen.add(key)
                out.append(tag)
                if len(out) == _MAX_TAGS:
                    return tuple(out)
    return tuple(out)

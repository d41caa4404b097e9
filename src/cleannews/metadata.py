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
from itertools import islice
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

from ._jsonld import JsonLd, parse_blocks, texts
from ._names import author_names
from ._visible import Zone, header_zone, visible_authors, visible_date
from .dates import parse_date, url_date
from .measure import element_text
from .text import collapse_space, weight

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

_CJK_CHAR = "\u3040-\u30ff\u3400-\u9fff\uff01-\uff60"
_SEPARATORS_RE = re.compile(
    rf"\s+[-|–—:·»/]\s+|\s*[｜|]\s*|\s*::\s*|\s+-{{2,}}\s+|(?<=\S)[_]+(?=\S)|\s+\\\s+|(?<=[{_CJK_CHAR}])-(?=[{_CJK_CHAR}])")
_TAG_SPLIT_RE = re.compile(r"\s*[,，、;；]\s*")
_LANG_RE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_]|\s*$)")
_HEAD_TAGS = ("meta", "script", "link", "title", "base", "html", "time", "h1")
_HEADLINE_SCAN = 2000  # elements looked at for a headline in a plain element
# Where a title may be cut into headline and site: separators, and brackets opening a source tag.
_AFFIX_SEP_RE = re.compile(r"\s*[-_|｜:：–—·»/\\~〜・]+\s*|\s+(?=[(（【\[])")
_BRACKETED_RE = re.compile(r"\s*(?:（[^（）]{1,40}）|\([^()]{1,40}\)|〈[^〈〉]{1,40}〉|【[^【】]{1,40}】)\s*")
_TOKEN_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W\d_]+|\d+")
_MIN_HEADLINE = 10  # weight (CJK x2.5) of the shortest part that can be a headline
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

    def without_page_text(self) -> Metadata:
        """A copy without the fields read from the visible page: on a listing, a byline or
        date near the top belongs to a teaser or to today's date, not to the page."""
        cleared = {f: () if f == "authors" else None for f in self.from_page_text}
        return replace(self, **cleared, from_page_text=frozenset())


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
                if (el.get("type") or "").strip().lower() == "application/ld+json" and el.text:
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
        content = el.get("content")
        if content is None or not content.strip():
            return
        keys = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or ""
        for key in keys.lower().split():
            key = key.replace("dcterm:", "dcterms.").replace("dcterms:", "dcterms.").replace("dc:", "dc.")
            self.meta.setdefault(key, []).append(collapse_space(content))

    def first(self, keys: tuple[str, ...]) -> str | None:
        """The first value of the first key present, in table order."""
        for key in keys:
            if key in self.meta:
                return self.meta[key][0]
        return None

    def values(self, keys: tuple[str, ...]) -> list[str]:
        return [v for key in keys for v in self.meta.get(key, ())]


def extract_metadata(root: HtmlElement, url: str | None = None) -> Metadata:
    """Read the page's metadata (before scripts are stripped).  Never raises; missing fields
    are empty.  `lang` is the markup's: check it against the body with `settle_lang`."""
    page = _Page(root, url)
    ld = page.ld
    site = _site_name(page)
    title, headline = _pick_title(page, site)
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
        lang=_lang_code(page.html_lang) or _lang_code(page.first(LANG_KEYS))
        or next(iter(_lang_code(t) for t in texts(ld.first("inLanguage"))), None),
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
        names = _names_in([v for v in page.meta.get(key, ()) if not v.startswith(("http", "/"))])
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
    """Distinct short tags, comma-separated values split."""
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        for tag in _TAG_SPLIT_RE.split(value):
            tag = collapse_space(tag)
            if tag and len(tag) <= 60 and tag.casefold() not in seen:
                seen.add(tag.casefold())
                out.append(tag)
    return tuple(out[:_MAX_TAGS])


def _lang_code(value: str | None) -> str | None:
    """'en-US', 'ja_JP', 'zh-Hans' -> 'en', 'ja', 'zh' (the primary subtag, lower case)."""
    m = _LANG_RE.match(value or "")
    return m.group(1).lower() if m else None


# ---------------------------------------------------------------------------- title


def strip_site_suffix(title: str, site_name: str | None = None, site_parts: tuple[str, ...] = (),
                      *, generic: bool = True) -> str:
    """'Headline - Site' / 'Headline｜サイト' → 'Headline'.

    A leading or trailing part equal to `site_name` or one of `site_parts` goes first.  Then,
    when `generic` and nothing was known, the last part goes if what is left is still a
    headline (weight >= `_MIN_HEADLINE`), else the first ('Site | Headline').  Cost: O(len).
    """
    known = {p.casefold() for p in (site_name, *site_parts) if p}
    stripped = False
    while known and (seps := list(_SEPARATORS_RE.finditer(title))):
        first, last = title[:seps[0].start()], title[seps[-1].end():]
        if collapse_space(last).casefold() in known:
            title = title[:seps[-1].start()]
        elif collapse_space(first).casefold() in known:
            title = title[seps[0].end():]
        else:
            break
        stripped = True
    seps = list(_SEPARATORS_RE.finditer(title))
    if seps and generic and not stripped:
        head, tail = title[:seps[-1].start()], title[seps[0].end():]
        if weight(head) >= _MIN_HEADLINE:
            title = head
        elif weight(tail) >= _MIN_HEADLINE:
            title = tail
    return collapse_space(title)


def _pick_title(page: _Page, site: str | None) -> tuple[str | None, HtmlElement | None]:
    """(title, headline element).

    The reference is the most trusted title source (JSON-LD headline, the `TITLE_KEYS`, then
    ``<title>``) without its site part; the visible headline is an ``<h1>`` matching it, else
    the element whose own text is the reference or its start or end.  The title is the
    visible form when there is one (it drops a source tag such as "（共同）" that only the
    reference carries), else the reference."""
    ld_title = next(iter(texts(page.ld.first("headline", articles_only=True)
                               or page.ld.first("name", articles_only=True))), "")
    head_title = page.head_title
    refs = [t for t in (ld_title, page.first(TITLE_KEYS), head_title) if t and t.strip()]
    if not refs:
        return None, page.h1s[0] if page.h1s else None
    seps = list(_SEPARATORS_RE.finditer(head_title))
    head_site = (head_title[seps[-1].end():],) if seps else ()

    def core_of(ref: str) -> str:
        return strip_site_suffix(collapse_space(ref), site, () if ref is head_title else head_site,
                                 generic=ref is head_title or not head_title)

    top = core_of(refs[0])
    headings = [(_heading_text(h1), h1) for h1 in page.h1s[:6]]
    for text, h1 in headings:
        if _covers(text, top):
            return text, h1
    # A lower source names the <h1> while the top one says something else (Wikipedia's
    # JSON-LD "headline" is a description): the page's headline is that <h1>.
    for core in map(core_of, refs[1:]):
        for text, h1 in headings:
            if _covers(text, core) and not _similar(text, top):
                return text, h1
    if headings and not _SEPARATORS_RE.search(refs[0]):
        return top, headings[0][1]  # nothing to confirm: the reference is the title
    el = _visible_headline(page.root, collapse_space(refs[0]), top)
    if el is not None:
        return _heading_text(el), el
    return top, page.h1s[0] if page.h1s else None


def _heading_text(el: HtmlElement) -> str:
    """The heading's text without a trailing permalink mark (¶, #, §)."""
    return collapse_space(element_text(el)).rstrip(" ¶#§")


def _similar(a: str, b: str) -> bool:
    """Two titles sharing at least half the words (CJK: characters) of the longer."""
    ta, tb = set(_TOKEN_RE.findall(a.casefold())), set(_TOKEN_RE.findall(b.casefold()))
    return bool(ta and tb) and 2 * len(ta & tb) >= max(len(ta), len(tb))


def _covers(text: str, core: str) -> bool:
    """A heading that is the reference title: equal, one holds most of the other (by
    `weight`; a heading that only ends the reference is its site name, not its headline), or
    the reference only adds a bracketed source tag ("…（共同）", "… (AP)")."""
    if len(text) < 4:
        return False
    if text == core or (core.startswith(text) and _BRACKETED_RE.fullmatch(core[len(text):])):
        return True
    if core in text:
        return 2 * weight(core) >= weight(text)
    # Inside the reference, but not its last part ("Headline - Blog name": the logo <h1>).
    return text in core and not core.endswith(text) and 2 * weight(text) >= weight(core)


def _visible_headline(root: HtmlElement, ref: str, core: str) -> HtmlElement | None:
    """The first body element whose own text is `core`, else the longest that starts or ends `ref`
    next to a separator (a headline in a plain ``<div>``).  Cost: one look at the ``.text``
    of each of the first `_HEADLINE_SCAN` elements (run only when no ``<h1>`` settles it)."""
    body = root.find("body")
    wanted = _affixes(ref) | {core}
    shortest = min(map(len, wanted))
    best, best_len = None, 0
    for el in islice((body if body is not None else root).iter(), _HEADLINE_SCAN):
        own = el.text
        if own is None or len(own) < shortest or not isinstance(el.tag, str):
            continue
        text = collapse_space(own)
        if text == core:
            return el
        if text in wanted and len(text) > best_len:
            best, best_len = el, len(text)
    return best


def _affixes(ref: str) -> set[str]:
    """The parts of `ref` before its separators and after them ('A - B | C' -> A, A - B, B | C, C),
    each long enough to be a headline and at least as long as every part it drops (a site's
    name is never the longest part: 'Section news | Site' does not yield 'Site')."""
    seps = list(_AFFIX_SEP_RE.finditer(ref))
    bounds = [0] + [x for sep in seps for x in (sep.start(), sep.end())] + [len(ref)]
    parts = [weight(ref[bounds[i]:bounds[i + 1]]) for i in range(0, len(bounds), 2)]
    out = set()
    for i, sep in enumerate(seps):
        head, tail = ref[:sep.start()].strip(), ref[sep.end():].strip()
        if weight(head) >= max(_MIN_HEADLINE, *parts[i + 1:]):
            out.add(head)
        if weight(tail) >= max(_MIN_HEADLINE, *parts[:i + 1]):
            out.add(tail)
    return out


# ---------------------------------------------------------------------------- language

_KANA_RE = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HANGUL_RE = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_EN_WORDS_RE = re.compile(r"\b(?:the|and|of|to|in|is|that|for|with|was|on|it|as|are|be|this)\b", re.I)
# Languages not written in Latin script: Latin text cannot confirm them.
_NON_LATIN = frozenset("ja zh ko ru uk bg mk be kk ky tg mn sr el he yi ar fa ur ps hi bn th ka hy ta "
                       "te ml kn mr gu pa si my km lo am ne".split())
_CYRILLIC_LANGS = frozenset("ru uk bg mk be kk ky tg mn sr".split())
_SAMPLE = 3000  # characters of text looked at


def settle_lang(lang: str | None, text: str) -> str | None:
    """The markup's language (`lang`) checked against the text's script: a page marked ``en``
    written in Japanese is ``ja``; kana means ja, Hangul ko, Han without kana zh.  Latin text
    confirms a Latin-script language; for any other it gives ``en`` only when English function
    words are frequent, else None.  Too little text: `lang` as it is.
    Cost: five regex counts over the first 3,000 characters."""
    sample = text[:_SAMPLE]
    kana, han = len(_KANA_RE.findall(sample)), len(_HAN_RE.findall(sample))
    hangul = len(_HANGUL_RE.findall(sample))
    latin, cyrillic = len(_LATIN_RE.findall(sample)) / 4, len(_CYRILLIC_RE.findall(sample)) / 4
    units = kana + han + hangul + latin + cyrillic  # a CJK character ~ four letters
    if units < 15:
        return lang
    if kana >= 5 and kana >= 0.1 * (kana + han) and kana + han >= 0.3 * units:
        return "ja"
    if hangul >= 0.3 * units:
        return "ko"
    if han >= 0.3 * units:
        return lang if lang == "zh" else "zh"
    if cyrillic >= 0.5 * units:
        return lang if lang in _CYRILLIC_LANGS else None
    if latin >= 0.5 * units:
        if lang and lang not in _NON_LATIN:
            return lang
        words = len(sample.split()) or 1
        return "en" if len(_EN_WORDS_RE.findall(sample)) >= 0.08 * words else None
    return lang

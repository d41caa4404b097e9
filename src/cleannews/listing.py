"""Is the selected body a listing (index page, section front, teaser grid, search results)?

An article body is a run of prose with links inside its sentences.  A listing is a row of
similar *teaser items*, each led by a **title link** that sits alone on its own line (a
headline, a product name) followed by a little text (a summary, a date, a price), each
pointing somewhere else.  `judge_listing` cuts the selected body into such items and fires
when they are many, short, and hold almost all of its text.

Signals, all measured in characters so that they suit Japanese and Chinese text:

1. **Title links** (`title_links`): ``<a href>`` whose text weighs 15-300 (`text.weight`:
   a CJK character counts 2.5, so a 6-character Japanese headline qualifies) and that is
   not inline in running text: nothing but bullets or numbers before it on its line and
   little after it (``<h3><a>…</a></h3>``, ``<li><a>…</a> 2 days ago</li>``), or a card
   link that wraps block elements (``<a><h2>…</h2><p>…</p></a>``).
2. **Items** (`teaser_items`): for each link target, the largest subtree of the body that
   holds no title link to another target (an image link and a title link to the same story
   share one item).  In flat lists (``<h3><a/></h3><p/><h3><a/></h3><p/>``) the siblings
   after an item, up to the next item, belong to it.
3. **Teasers**: items no larger than `ITEM_CAP_FACTOR` × the median item (between
   `ITEM_CAP_MIN` and `ITEM_CAP_MAX` weighted characters; a long article section that
   happens to follow a linked heading is not a teaser) that carry at least
   `MIN_OWN_TEXT` characters outside links, or are card links.
4. **Verdict**: at least `MIN_TEASERS` teasers, holding `MIN_TEASER_SHARE` of the body's
   characters, with a median size of at most `MAX_TEASER_MEDIAN` weighted characters and at
   least `MIN_TEASER_LINK_SHARE` of their text in links (listicles and round-ups, whose
   linked headings head paragraphs of prose, stay below that).

5. **Heading cards** (`heading_cards`), when the teaser test does not fire: items cut the
   same way but for *any* link standing on its own line (an empty overlay ``<a href
   aria-label=…>`` stretched over the card, an image link, a 'Read more' button), that hold a
   headline-length heading (``<h1>``-``<h6>``) whose text need not be linked.  At least `MIN_TEASERS` such cards,
   each at most `ITEM_CAP_MAX`, with a median of at most `MAX_CARD_MEDIAN` weighted
   characters, holding `MIN_TEASER_SHARE` of the body: a news front of overlay-link cards, a
   press page of headline + summary + 'Read more'.  Sectioned articles fail: their links sit
   inside sentences, and a section under a subheading is longer than a card.

6. **Declared collections** (`judge_declared_collection`): a page whose JSON-LD names it an
   ``ItemList``, ``CollectionPage`` or ``SearchResultsPage`` (and no JSON-LD article type;
   ``og:type`` is not asked) and whose body is a short intro.

7. **Intro over a teaser grid** (`judge_grid_intro`): the extractor selected a short text
   (under `GRID_INTRO_MAX_WEIGHT`) that is a small part of the page (at most
   `GRID_INTRO_MAX_SHARE` of its characters), while the page's teaser items (point 2, counted
   over the whole ``<body>``) hold at least `GRID_MIN_TEASER_SHARE` of it: a category or shop
   page whose intro paragraph outscored its product or story cards.  Or the selected text is
   a still smaller part (`LINK_GRID_MAX_SHARE`) of a page that is mostly link text
   (`LINK_GRID_MIN_DENSITY`): cards that are nothing but links (a course catalogue).  A
   short news article with big link boxes around it looks the same, so two page-level
   signals must agree: the page declares no article (og:type, JSON-LD), and its URL is
   shaped like an index (`index_shaped_url`: no id, date or long slug).  Without a URL this
   test never fires.

8. **Data tables** (`judge_data_table`): a body that is mostly table rows and holds at most
   a sentence of prose (sports standings, a schedule, a ranking table), on a page that declares
   no article.

9. **One post of a front** (`judge_post_list`): the selected text lies inside one element
   (an ``<article>``) whose parent holds at least `MIN_SIBLING_POSTS` elements of the same
   tag, each under a headline linking to its own page: a blog or news front that shows its
   newest post in full.  Same page-level guards as point 7.  On the dev sets it fired on 2
   wcxb listing pages and on no article page of any set.

10. **Image card grid** (`judge_card_grid`): most of the selected body is a run of at least
   `CARD_MIN_COUNT` sibling elements of one template (same tag and class), most of them
   holding an image (or linking below the page's own path) and linking to a page of their own
   that no other card links to: a shop category, a catalogue or a show's episode list whose
   cards outscored the intro.  Same page-level guards as
   point 7.

11. **Page chrome** (`judge_page_chrome`): every selected node is, or sits just inside, the
   page footer (``<footer>``, ``role=contentinfo``, a class or id naming a footer) or a
   navigation block (``<nav>``, ``role=navigation``): the page had no body, and the copyright
   lines or a menu's blurb outscored the rest.

12. **CMS archive** (`judge_cms_archive`): the ``<body>`` classes a CMS writes on an archive
   page (WordPress: ``archive`` with ``category``, ``tag``, ``author``, ``date`` or
   ``post-type-archive``; ``search-results``; Magento: ``catalog-category-view``) on a page
   that does not stand as an article: a category front whose selected body is its intro.

13. **Link body** (`judge_link_body`): the selected body is mostly link text (at least
   `LINK_BODY_MIN_DENSITY`), on an index-shaped URL of a page that does not stand as an
   article: a front page of product or story links that the extractor took whole.

What this does not catch: listings where the extractor selected only an intro paragraph or
a cookie panel with no teaser grid left on the page (unless the page declares itself a
collection), or whose cards carry no links in the HTML (script-rendered grids).  Those need
other evidence (see ``judge_article``'s minimum length).

Cost: one compiled XPath per body node for the candidate links (headline-length ``<a>``,
in C), a few sibling look-ups per candidate, one climb from each distinct link target to
the body root (stopping where an earlier climb passed), and cached `Measure` sizes per item.
Article pages with fewer than `MIN_TEASERS` candidate links stop after the XPath.  Measured
on the 5,000 dev pages: median 0.11 ms, 90th percentile 0.35 ms, 99th 1.2 ms, worst ~5-10 ms
on pages whose body holds 500+ headline links (about 2% of `clean()` time overall).  The card
test stops after one ``iter`` over the body for headings unless it finds `MIN_TEASERS`, then
after one XPath for links, and climbs from each link only when `MIN_TEASERS` headings are
headline-length: on 800 wcxb-dev + daniel pages, median 0.01 ms, 99th percentile ~2 ms,
worst ~7 ms, 0.9% of `clean()` time.  Thread safe: no shared mutable state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from .article import Block, Removal
from .measure import Measure, element_text
from .text import LETTER_RE, visible_len, weight

__all__ = [
    "TeaserStats",
    "heading_cards",
    "index_shaped_url",
    "judge_card_grid",
    "judge_cms_archive",
    "judge_declared_collection",
    "judge_data_table",
    "judge_grid_intro",
    "judge_link_body",
    "judge_listing",
    "judge_page_chrome",
    "judge_post_list",
    "judge_teaser_remnant",
    "listing_reason",
    "stands_as_article",
    "teaser_items",
    "teaser_stats",
    "title_links",
]

# ---------------------------------------------------------------------------------------------
# Thresholds.  Tuned on a random half of each dev set (wcxb listings vs. the article sets) and
# checked on the other half; see the module docstring for what each one separates.  At these
# values the rule fired on ~24 of the 77 wcxb listing pages the length test let through, and on
# 0.1% of wcxb-dev articles, 0.3% of l3s-gn1, 0.06% of daniel, 0.2% of trafilatura, none of
# ja-news, 1.8% of cleaneval (mostly blog fronts and portal indexes labelled as content there).

MIN_REMOVED_TEASERS = 4  # teaser cards the rules removed (see judge_teaser_remnant)
MAX_REMNANT_WEIGHT = 600.0  # weighted characters left after them…
REMNANT_PER_TEASER = 7.5  # …or, past 80 cards, half a headline (TITLE_MIN_WEIGHT / 2) per removed card
MIN_TEASERS = 6  # fewer teaser items than this is a link list inside an article at most
MIN_TEASER_SHARE = 0.70  # teasers hold at least this share of the body's characters
MAX_TEASER_MEDIAN = 1000.0  # weighted characters; a teaser is a headline plus a short summary
MIN_TEASER_LINK_SHARE = 0.12  # link text / teaser text; prose under linked headings is lower

TITLE_MIN_WEIGHT = 15.0  # a headline: ~3 English words or 6 CJK characters
TITLE_MAX_WEIGHT = 300.0
TRAILING_TEXT_FACTOR = 0.6  # text after a title link on its line: at most 60% of the link…
TRAILING_TEXT_MIN = 25  # …or 25 characters ("3 hours ago", "| 12 comments")

ITEM_CAP_FACTOR = 3.0  # items beyond 3x the median item are not teasers…
ITEM_CAP_MIN = 300.0  # …but the cap is never below 300…
ITEM_CAP_MAX = 1500.0  # …nor above 1500 weighted characters
MIN_OWN_TEXT = 10  # characters outside links that make an item more than a bare link
MAX_CARD_MEDIAN = 600.0  # weighted characters; a heading card is a headline plus a line or two
# JSON-LD types a page uses to say it is a collection (see judge_declared_collection)
COLLECTION_TYPES = frozenset({"ItemList", "CollectionPage", "SearchResultsPage"})
MAX_COLLECTION_INTRO = 800.0  # weighted characters: an intro to the collection, not an article
# judge_grid_intro: a short selected text beside a page-wide teaser grid.  On the dev sets it
# fired on 10 wcxb listing pages (5 by each branch) and on no article page of any set (the
# URL test alone lets 82 wcxb-dev, 63 l3s-gn1, 82 cleaneval and 75 trafilatura articles
# through; the page shares then stop them).
GRID_INTRO_MAX_WEIGHT = 1600.0  # weighted characters of the rendered body
GRID_INTRO_MAX_SHARE = 0.55  # selected characters / <body> characters
GRID_MIN_TEASER_SHARE = 0.5  # teaser characters / <body> characters
# …or a page of bare link cards (tried first).
LINK_GRID_MAX_SHARE = 0.3  # selected characters / <body> characters
LINK_GRID_MIN_DENSITY = 0.5  # link characters / <body> characters
# URL paths of single documents: a run of digits (an id, a year), a file name of a page
# script or document, an id query parameter, a slug of many words.
_URL_DIGITS = re.compile(r"\d{4,}")
_URL_DOCUMENT = re.compile(r"\.(?:s?html?|php\d?|aspx?|cms|jsp|cfm|ece|stm|pdf)$", re.I)
_URL_ID_QUERY = re.compile(r"(?:^|&)(?:p|article|story|[a-z]*_?id)=\d", re.I)  # id=, blogid=, entry_id=…
# Opaque ids (no run of four digits): a uuid, a base64url token mixing digits and both cases,
# a piece of eight or more letters and digits with digits between letters (hex, base62; not a
# word with a number after it such as ``formula1``), or ten or more letters whose case
# flips like a random token (``ALeqMgXyzQ``: two capitals together and two more after small
# letters; CamelCase words such as ``WorldNews`` have no two capitals together).
_URL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
_URL_BASE64URL = re.compile(r"(?=[\w-]*\d)(?=[\w-]*[a-z])(?=[\w-]*[A-Z])[A-Za-z0-9_-]{8,}")
_URL_MIXED_PIECE = re.compile(r"(?=.*\d)(?=.*[A-Za-z]).{3,}")  # x7Kq2: not Formula-1, Part_4
_URL_ALNUM_ID = re.compile(r"(?=.*[a-z]\d+[a-z])[a-z0-9]{8,}", re.I)  # digits between letters
_URL_CASE_ID = re.compile(r"(?=.*[A-Z]{2})(?=(?:.*[a-z][A-Z]){2})[A-Za-z]{10,}")
_PAGE_NUMBER = re.compile(r"\d{1,3}")  # /long-headline-slug/2/: a page of one document
_SLUG_SPLIT = re.compile(r"[-_+.,]+")
SLUG_MAX_WORDS = 4  # an index path names a section in a few words; an article slug is its headline
SLUG_MAX_CJK_WEIGHT = 20.0  # …or in a few CJK characters (8 at most); a longer one is a headline
# judge_post_list: the selected text is one post among sibling posts, each under a linked headline.
MIN_SIBLING_POSTS = 3
_LINKED_HEADLINE = etree.XPath(
    "(descendant::*[self::h1 or self::h2 or self::h3 or self::h4]//a[@href][not(starts-with(@href, '#'))])[1]/@href")
# judge_data_table: fired on 3 wcxb listing pages (standings, a schedule, a ranking), on no
# article page of any set.
TABLE_MIN_ROWS = 3
TABLE_MIN_ROW_SHARE = 0.5  # table rows / blocks
PROSE_MIN_WEIGHT = 100.0  # weighted characters of a block that is prose (with a sentence end)
TABLE_MAX_PROSE = 150.0  # weighted characters of prose blocks beside the table: one sentence
_PROSE_KINDS = frozenset({"paragraph", "quote", "list_item"})
_SENTENCE_END = re.compile(r"[.!?。！？][\"”’»)）」]*(?:\s|$)")

# judge_card_grid: sibling cards of one template, each with an image and a link of its own.  On
# the dev sets it fired on 2 wcxb listing pages and on no article page of any set.  Without the
# image test it also fires on a job board labelled as content (cleaneval); without the index
# URL on 5 article pages (answer lists, table layouts, a teaser strip after an article).
CARD_MIN_COUNT = 6
CARD_MIN_SHARE = 0.6  # card characters / selected characters
CARD_MAX_MEDIAN = 800.0  # weighted characters: a product or course card, not an article section
CARD_MIN_OWN_LINK = 0.8  # share of cards whose links go to 1-2 targets that no other card links to
CARD_MIN_IMAGE = 0.5  # share of cards holding an <img> or <picture>…
CARD_MIN_BELOW = 0.8  # …or linking to a page below the page's own path (fired on 1 more listing)
CARD_WALK_SHARE = 0.05  # containers under this share of the selected characters are not searched
# judge_cms_archive: <body> classes of an archive page (WordPress's body_class(); a custom
# taxonomy archive, ``archive tax-…``, is left out: on the dev sets it marks 2 pages labelled as
# content, a product category and a list of course materials).  Fired on 2 wcxb listing pages
# and on no article page of any set.
ARCHIVE_KINDS = frozenset({"category", "tag", "author", "date", "post-type-archive"})
# …and single classes that name a listing page by themselves: WordPress's search page, and the
# layout handles Magento writes on a shop category and a shop search (products get
# ``catalog-product-view``).  catalog-category-view fired on 1 wcxb listing page, on no article.
LISTING_BODY_CLASSES = {
    "search-results": "search result page",
    "catalog-category-view": "shop category",
    "catalogsearch-result-index": "shop search result page",
}
# judge_link_body: link characters / selected characters.  On the dev sets, with the index-URL
# and article-declaration guards: 1 wcxb listing (0.83) and no article page at 0.5-0.8 (the
# highest article is 0.46); without the URL guard 14 article pages reach 0.5 (5 reach 0.6),
# most of them without a URL.
LINK_BODY_MIN_DENSITY = 0.6
# judge_page_chrome: class or id words that name a footer, on a selected node or its two
# nearest ancestors (``<body class="footer-dark">`` names a page style, not a block).  <header>
# is not chrome: pages put their article in one (a Webflow post, on the dev sets).
_FOOTER_NAME = re.compile(r"footer", re.I)
CHROME_DEPTH = 2
_CHROME_ROLES = frozenset({"contentinfo", "navigation"})

# ---------------------------------------------------------------------------------------------

_INLINE = frozenset({
    "a", "b", "strong", "em", "i", "u", "span", "font", "small", "big", "abbr", "time", "mark", "sup",
    "sub", "cite", "q", "s", "ins", "del", "label", "bdi", "bdo", "nobr", "tt", "kbd", "var", "dfn",
})
# Headline-length links to another place (the weight test follows in Python).
# The last predicate drops most links inside sentences cheaply (words right before the link);
# `_alone_on_line` makes the full test.
_CANDIDATES = etree.XPath(
    "descendant-or-self::a[@href][not(starts-with(@href, '#'))][not(starts-with(@href, 'javascript:'))]"
    "[string-length(normalize-space()) >= 6]"
    "[not(string-length(normalize-space(preceding-sibling::node()[1][self::text()])) > 3)]"
)
# Any link to another place: a card's link may be an empty overlay or an image.
_ANY_LINK = etree.XPath(
    "descendant-or-self::a[@href][not(starts-with(@href, '#'))][not(starts-with(@href, 'javascript:'))]")
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A link wrapping any of these is a card (headline + summary inside one link).
_BLOCK_TAGS = frozenset({"div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "section", "article",
                         "figure", "figcaption", "header", "footer", "table"})


@dataclass(frozen=True)
class TeaserStats:
    """What `teaser_stats` measured on a body (sizes in weighted characters)."""

    links: int  # title links
    items: int  # distinct link targets (items)
    teasers: int
    share: float  # teaser characters / body characters
    median: float  # median teaser size, weighted characters
    link_share: float  # link characters / teaser characters


def judge_listing(nodes: Sequence[etree._Element], blocks: Sequence[Block], measure: Measure,
                  body: etree._Element) -> str | None:
    """Return a short reason string if the selected body looks like a listing/index page (no article), else None.

    Args:
        nodes: the body nodes the extractor selected, after the page rules ran.
        blocks: the blocks rendered from `nodes` (used for the share of CJK text).
        measure: the page's `Measure` (sizes are cached there and reused).
        body: the page ``<body>`` after the rules.  Not used yet: the verdict rests on the
            selected nodes (a check of the rest of the page cost more articles than it caught
            listings on the dev sets); kept so the call site need not change.
    """
    if not nodes or not blocks:
        return None
    cjk = _cjk_factor(blocks)
    stats = teaser_stats(nodes, measure, cjk)
    if (stats is not None and stats.teasers >= MIN_TEASERS and stats.share >= MIN_TEASER_SHARE
            and stats.median <= MAX_TEASER_MEDIAN and stats.link_share >= MIN_TEASER_LINK_SHARE):
        return (f"listing: {stats.teasers} teaser items (title link + short text, median "
                f"{stats.median:.0f} chars) hold {min(stats.share, 1.0):.0%} of the body text")
    cards = heading_cards(nodes, measure, cjk)
    if cards is not None:
        count, share, typical = cards
        if count >= MIN_TEASERS and share >= MIN_TEASER_SHARE and typical <= MAX_CARD_MEDIAN:
            return (f"listing: {count} cards (one link + a headline, median {typical:.0f} chars) "
                    f"hold {min(share, 1.0):.0%} of the body text")
    return None


def heading_cards(nodes: Sequence[etree._Element], measure: Measure,
                  cjk_factor: float = 1.0) -> tuple[int, float, float] | None:
    """``(cards, share of the body, median card in weighted characters)``, or None when the
    body holds fewer than `MIN_TEASERS` headline-length headings (the common case: one
    C-level ``iter`` over the body for ``<h1>``-``<h6>``).

    A card is the largest subtree with links to one target only that holds such a heading and
    whose link stands on its own line (an empty overlay, an image, a 'Read more' button, a
    linked headline; not a link inside a sentence).  Cards over `ITEM_CAP_MAX` are dropped.
    """
    headings = [h for node in nodes for h in node.iter(*_HEADING_TAGS)]
    if len(headings) < MIN_TEASERS:
        return None
    links = [(a, a.get("href", "")) for node in nodes for a in _ANY_LINK(node)]
    if len(links) < MIN_TEASERS:
        return None
    # (a heading of more than 2 x TITLE_MAX_WEIGHT characters weighs more: no text read for it)
    headings = [h for h in headings if measure.chars(h) <= 2 * TITLE_MAX_WEIGHT
                and TITLE_MIN_WEIGHT <= weight(" ".join(element_text(h).split())) <= TITLE_MAX_WEIGHT]
    if len(headings) < MIN_TEASERS:
        return None
    total = sum(measure.chars(n) for n in nodes)
    roots = _item_roots(nodes, links)
    items = frozenset(roots)
    stop = frozenset(nodes)
    headed: set[etree._Element] = set()
    for h in headings:
        for el in (h, *h.iterancestors()):
            if el in items:
                headed.add(el)
                break
            if el in stop:
                break
    cards = {item for (a, _), item in zip(links, roots, strict=True)
             if item in headed and _alone_on_line(a, len(" ".join(element_text(a).split())), measure, stop)}
    sizes = [s for s in (measure.chars(c) for c in cards) if s * cjk_factor <= ITEM_CAP_MAX]
    if not sizes or not total:
        return None
    return len(sizes), sum(sizes) / total, median(sizes) * cjk_factor


def judge_teaser_remnant(removed: Sequence[Removal], blocks: Sequence[Block]) -> str | None:
    """A listing whose teaser cards the page rules already removed: what is left is short.

    When the rules drop `MIN_REMOVED_TEASERS` or more elements named teaser/card (the
    carousel rule) and the remaining body is under `MAX_REMNANT_WEIGHT`, the page was a grid
    of teasers and the remnant is one card or an intro, not an article.  A grid of hundreds of
    cards outweighs a longer intro: the limit grows to `REMNANT_PER_TEASER` per removed card
    (their headlines alone weigh twice the remnant).  On the dev sets the growth moved one
    listing (321 cards, 1,308 characters left); the article with most cards removed (159)
    keeps 2,786 characters, over twice its limit.
    """
    teasers = sum(1 for r in removed if r.rule == "carousel" and ("teaser" in r.reason or "card" in r.reason))
    if teasers < MIN_REMOVED_TEASERS:
        return None
    total = sum(weight(b.text) for b in blocks)
    if total >= max(MAX_REMNANT_WEIGHT, REMNANT_PER_TEASER * teasers):
        return None
    return f"listing: {teasers} teaser cards removed and only {int(total)} weighted characters left"


def judge_declared_collection(json_ld_types: Sequence[str], blocks: Sequence[Block]) -> str | None:
    """A page whose JSON-LD says it is a collection (`COLLECTION_TYPES`) and no article type
    (``*Article``, ``*Posting``), and whose body is under `MAX_COLLECTION_INTRO`: the body is
    the collection's intro (its items were removed by the rules or are rendered by a script).
    An ``og:type`` of ``article`` does not count against it: many CMSs set it on every page,
    while the JSON-LD type is set per page.  Cost: a set lookup per JSON-LD type; the body is
    weighed only for such pages.
    """
    if not COLLECTION_TYPES.intersection(json_ld_types) or any(
            t.endswith(("Article", "Posting")) for t in json_ld_types):
        return None
    total = sum(weight(b.text) for b in blocks)
    if total >= MAX_COLLECTION_INTRO:
        return None
    kind = next(t for t in json_ld_types if t in COLLECTION_TYPES)
    return f"listing: the page declares itself a {kind} and the body is a {int(total)}-character intro"


def opaque_id_segment(segment: str) -> bool:
    """True when a path segment is or holds an opaque id: a uuid, a base64url token (one of
    its pieces mixing letters and digits, so ``Formula-1`` is not one), or a
    separator-delimited piece that is a hex/base62 id (see `_URL_ALNUM_ID`, `_URL_CASE_ID`).
    Short words with a digit (``covid19``, ``formula1``) and CamelCase words are not ids.
    Cost: a few regex matches per segment.
    """
    if _URL_UUID.fullmatch(segment):
        return True
    pieces = _SLUG_SPLIT.split(segment)
    if _URL_BASE64URL.fullmatch(segment) and any(_URL_MIXED_PIECE.fullmatch(p) for p in pieces):
        return True
    return any(_URL_ALNUM_ID.fullmatch(p) or _URL_CASE_ID.fullmatch(p) for p in pieces)


def index_shaped_url(url: str | None) -> bool:
    """True when `url` reads like an index, section, search or shop page rather than one
    document: the site root or a path whose last part is a few words (``/news``,
    ``/products/air-purifiers/``, ``/category/recipes``), with no id, date or file name of a
    page script (``/2024/05/…``, ``article123456.ece``, ``story.php?id=42``, ``?entry_id=7``), no
    opaque id in any segment (``/article/ALeqM5gXyz``, ``/a/AbC12xYz``, a uuid: see
    `opaque_id_segment`) and no slug (before a page number: ``/long-slug/2/``) of more
    than `SLUG_MAX_WORDS` words or, in Chinese or Japanese (percent-encoded or not), more than
    `SLUG_MAX_CJK_WEIGHT` weighted characters (an article's headline).  False without a URL.
    """
    if not url or "://" not in url:
        return False
    parts = urlsplit(url)
    path = parts.path
    if _URL_DIGITS.search(path) or _URL_ID_QUERY.search(parts.query):
        return False
    segments = [s for s in path.split("/") if s]
    if not segments:
        return True
    if any(opaque_id_segment(s) for s in segments):
        return False
    last = segments[-1]
    if _PAGE_NUMBER.fullmatch(last) and len(segments) > 1:
        last = segments[-2]  # a page number: the slug before it names the document or section
    if _URL_DOCUMENT.search(last):
        return False
    words = [w for w in _SLUG_SPLIT.split(unquote(last)) if w]
    if len(words) > SLUG_MAX_WORDS:
        return False
    return all(w.isascii() for w in words) or weight("".join(words)) <= SLUG_MAX_CJK_WEIGHT


def stands_as_article(declares_article: bool, json_ld_types: Sequence[str], has_date: bool, has_author: bool) -> bool:
    """The page's article declaration, as `judge_grid_intro` trusts it.

    Many sites put ``og:type`` ``article`` on every page, their front and sections too: that
    alone counts only with a publication date or an author beside it.  A JSON-LD article type
    (set per page) counts by itself.  On the dev sets this let `judge_grid_intro` reject one
    more listing (a site front of 88% link text) and no article page.
    """
    if not declares_article:
        return False
    return has_date or has_author or any(t.endswith(("Article", "Posting")) for t in json_ld_types)


def judge_grid_intro(nodes: Sequence[etree._Element], blocks: Sequence[Block], measure: Measure,
                     body: etree._Element, *, url: str | None, declares_article: bool) -> str | None:
    """A short intro selected beside a teaser or link grid that holds most of the page (point 7).

    Removes: a shop category, course catalogue or blog front whose selected body is a
    paragraph of intro text above (or beside) a grid of product or story cards.  Keeps: an
    article page (declared by og:type or JSON-LD, or with an article-shaped URL), a body that
    is most of the page or longer than `GRID_INTRO_MAX_WEIGHT`, and pages whose other text is
    menus and bare link lists that are not most of the page.  Cost: the cheap tests first; the
    teaser count over the whole body runs only on short bodies of index-shaped pages.
    """
    if declares_article or not nodes or not blocks or not index_shaped_url(url):
        return None
    total = sum(weight(b.text) for b in blocks)
    if total >= GRID_INTRO_MAX_WEIGHT:
        return None
    page = measure.chars(body)
    selected = sum(measure.chars(n) for n in nodes)
    if not page or selected > GRID_INTRO_MAX_SHARE * page:
        return None
    if selected <= LINK_GRID_MAX_SHARE * page and measure.link_density(body) >= LINK_GRID_MIN_DENSITY:
        return (f"listing: a {int(total)}-character intro on a page of "
                f"{measure.link_density(body):.0%} link text")
    stats = teaser_stats([body], measure, _cjk_factor(blocks))
    if stats is None or stats.teasers < MIN_TEASERS or stats.share < GRID_MIN_TEASER_SHARE:
        return None
    return (f"listing: a {int(total)}-character intro beside {stats.teasers} teaser items that hold "
            f"{min(stats.share, 1.0):.0%} of the page")


def judge_post_list(nodes: Sequence[etree._Element], body: etree._Element, *, url: str | None,
                    declares_article: bool) -> str | None:
    """The selected text is one post of a blog or news front that shows several (point 9).

    Removes: a front whose posts stand as sibling elements of one tag (``<article>`` after
    ``<article>``), each under a headline that links to its own page, when the extractor
    selected text inside one of them.  Keeps: an article page (declared, or with an
    article-shaped URL; see `judge_grid_intro`), an article whose related-post cards are not
    siblings of the element holding the selected text.  Cost: one climb from the first
    selected node, one XPath per sibling of the same tag at each level.
    """
    if declares_article or not nodes or not index_shaped_url(url):
        return None
    first = nodes[0]
    for el in (first, *first.iterancestors()):
        parent = el.getparent()
        if el is body or parent is None:
            return None
        if not all(n is el or any(a is el for a in n.iterancestors()) for n in nodes):
            continue
        if not _LINKED_HEADLINE(el):
            continue  # climb until the element holds its post's headline
        targets = {hrefs[0] for sib in parent if sib.tag == el.tag and (hrefs := _LINKED_HEADLINE(sib))}
        if len(targets) >= MIN_SIBLING_POSTS:
            return f"listing: the body is one of {len(targets)} sibling posts, each under a linked headline"
        return None
    return None


def judge_data_table(blocks: Sequence[Block], *, declares_article: bool) -> str | None:
    """A body that is a table and nothing else: standings, a schedule, a ranking (point 8).

    Removes: a body whose blocks are at least `TABLE_MIN_ROW_SHARE` table rows (and at least
    `TABLE_MIN_ROWS`), whose prose blocks (a paragraph, quote or list item of
    `PROSE_MIN_WEIGHT` weighted characters that ends a sentence) weigh under `TABLE_MAX_PROSE`
    in all: a one-sentence caption at most.  Keeps: a table inside an article (the article's
    paragraphs are prose), a page that declares an article (og:type, JSON-LD).  Cost: one pass
    over the blocks.
    """
    if declares_article or not blocks:
        return None
    rows = sum(1 for b in blocks if b.kind == "table_row")
    if rows < TABLE_MIN_ROWS or rows < TABLE_MIN_ROW_SHARE * len(blocks):
        return None
    prose = 0.0
    for b in blocks:
        if b.kind in _PROSE_KINDS and _SENTENCE_END.search(b.text) and (w := weight(b.text)) >= PROSE_MIN_WEIGHT:
            prose += w
            if prose >= TABLE_MAX_PROSE:
                return None
    return f"listing: the body is a table of {rows} rows and {int(prose)} characters of prose"


def teaser_stats(nodes: Sequence[etree._Element], measure: Measure, cjk_factor: float = 1.0) -> TeaserStats | None:
    """Measure the teaser items of `nodes`; None when there are too few title links to matter.

    `cjk_factor` is the body's weighted/plain character ratio (1.0 for Latin text, up to 2.5
    for Japanese or Chinese); it converts `Measure` sizes into weighted characters.
    """
    candidates = [(node, _CANDIDATES(node)) for node in nodes]
    if sum(len(found) for _, found in candidates) < MIN_TEASERS:
        return None  # the common case for articles: one XPath per node and done
    links = title_links(nodes, measure, candidates)
    if len(links) < MIN_TEASERS:
        return None
    total = sum(measure.chars(n) for n in nodes)
    if total == 0:
        return None
    items = teaser_items(nodes, links, measure)
    typical = median(size for _, size, _ in items) * cjk_factor
    cap = min(max(ITEM_CAP_FACTOR * typical, ITEM_CAP_MIN), ITEM_CAP_MAX) / cjk_factor
    small = [(item, size, card) for item, size, card in items if size <= cap]
    if len(small) < MIN_TEASERS or sum(size for _, size, _ in small) < MIN_TEASER_SHARE * total:
        # cannot fire: skip the link measures (report what was counted so far)
        return TeaserStats(len(links), len(items), len(small), sum(s for _, s, _ in small) / total, 0.0, 0.0)
    teasers = [(item, size) for item, size, card in small
               if card or size - measure.link_chars(item) >= MIN_OWN_TEXT]
    if not teasers:
        return TeaserStats(len(links), len(items), 0, 0.0, 0.0, 0.0)
    chars = sum(size for _, size in teasers)
    link_chars = sum(measure.link_chars(item) for item, _ in teasers)
    return TeaserStats(
        links=len(links), items=len(items), teasers=len(teasers), share=chars / total,
        median=median(size for _, size in teasers) * cjk_factor, link_share=link_chars / chars if chars else 0.0,
    )


def title_links(nodes: Sequence[etree._Element], measure: Measure,
                candidates: Sequence[tuple[etree._Element, list[etree._Element]]] | None = None,
                ) -> list[tuple[etree._Element, str, bool]]:
    """Headline-length links alone on their line, in document order: ``(a, href, is_card)``.

    `candidates` (per node, the links `_CANDIDATES` found) may be passed when already computed.
    """
    stop = frozenset(nodes)
    found: list[tuple[etree._Element, str, bool]] = []
    if candidates is None:
        candidates = [(node, _CANDIDATES(node)) for node in nodes]
    for _, links in candidates:
        for a in links:
            text = element_text(a)
            flat = " ".join(text.split())
            w = len(flat) - flat.count(" ") if flat.isascii() else weight(flat)
            if not TITLE_MIN_WEIGHT <= w <= TITLE_MAX_WEIGHT:
                continue
            if any(d.tag in _BLOCK_TAGS for d in a.iterdescendants()):
                found.append((a, a.get("href", ""), True))
            elif _alone_on_line(a, len(flat), measure, stop):
                found.append((a, a.get("href", ""), False))
    return found


def teaser_items(nodes: Sequence[etree._Element], links: Sequence[tuple[etree._Element, str, bool]],
                 measure: Measure) -> list[tuple[etree._Element, int, bool]]:
    """One item per link target: ``(element, chars, is_card)``, chars including a flat list's tail."""
    items: dict[etree._Element, bool] = {}
    for (_, _, card), item in zip(links, _item_roots(nodes, [(a, href) for a, href, _ in links]), strict=True):
        items[item] = items.get(item, False) or card
    sizes = {item: measure.chars(item) for item in items}
    _absorb_flat_siblings(items, sizes, measure)
    return [(item, sizes[item], card) for item, card in items.items()]


def _item_roots(nodes: Sequence[etree._Element], links: Sequence[tuple[etree._Element, str]]) -> list[etree._Element]:
    """For each ``(a, href)``, the largest subtree of the body around `a` with no link to another target.

    One climb from each link to the body root, stopping where an earlier climb passed.
    """
    roots = frozenset(nodes)
    mixed = object()
    owner: dict[etree._Element, object] = {}  # element -> the only href inside it, or `mixed`
    for a, href in links:
        for anc in a.iterancestors():
            seen = owner.get(anc)
            if seen is None:
                owner[anc] = href
            elif seen == href or seen is mixed:
                break  # an earlier climb passed here: nothing above changes
            else:
                owner[anc] = mixed
            if anc in roots:
                break
    found = []
    for a, href in links:
        item = a
        parent = item.getparent()
        while parent is not None and parent not in roots and owner.get(parent) == href:
            item, parent = parent, parent.getparent()
        found.append(item)
    return found


def _absorb_flat_siblings(items: dict[etree._Element, bool], sizes: dict[etree._Element, int],
                          measure: Measure) -> None:
    """``<h3><a/></h3><p>summary</p><h3><a/></h3>…``: the summary belongs to the item before it."""
    parents: dict[etree._Element, int] = {}
    for item in items:
        parent = item.getparent()
        if parent is not None:
            parents[parent] = parents.get(parent, 0) + 1
    for parent, count in parents.items():
        if count < 2:
            continue
        current = None
        for child in parent:
            if child in items:
                current = child
            elif current is not None and isinstance(child.tag, str):
                sizes[current] += measure.chars(child)


def _alone_on_line(a: etree._Element, chars: int, measure: Measure, stop: frozenset[etree._Element]) -> bool:
    """True when no words precede the link (`chars` long) on its line and little text follows it."""
    limit = max(TRAILING_TEXT_FACTOR * chars, TRAILING_TEXT_MIN)
    el = a
    while True:
        if _words_before(el, measure) or _text_after(el, measure) > limit:
            return False
        parent = el.getparent()
        if parent is None or parent in stop or parent.tag not in _INLINE:
            return True
        el = parent  # <strong><a>…</a></strong>: the line is the inline wrapper's


def _words_before(el: etree._Element, measure: Measure) -> bool:
    prev = el.getprevious()
    while prev is not None:
        if isinstance(prev.tag, str) and prev.tag in _INLINE and measure.chars(prev):
            return True  # <b>Label:</b> <a>…</a>
        if prev.tail and LETTER_RE.search(prev.tail):
            return True
        if isinstance(prev.tag, str) and prev.tag not in _INLINE:
            return False  # a block or <br> ends the previous line
        prev = prev.getprevious()
    parent = el.getparent()
    text = parent.text if parent is not None else None
    return bool(text and LETTER_RE.search(text))


def _text_after(el: etree._Element, measure: Measure) -> int:
    n = len(el.tail.strip()) if el.tail else 0
    nxt = el.getnext()
    while nxt is not None:
        if isinstance(nxt.tag, str):
            if nxt.tag not in _INLINE:
                break  # a block or <br> ends the line
            n += measure.chars(nxt)
        if nxt.tail:
            n += len(nxt.tail.strip())
        nxt = nxt.getnext()
    return n


def _cjk_factor(blocks: Sequence[Block]) -> float:
    """Weighted characters per plain character in the first blocks (1.0 Latin, ~2.4 Japanese)."""
    sample = "".join(b.text for b in blocks[:30])[:2000]
    n = visible_len(sample)
    return weight(sample) / n if n else 1.0


def judge_card_grid(nodes: Sequence[etree._Element], blocks: Sequence[Block], measure: Measure, *,
                    url: str | None, declares_article: bool) -> str | None:
    """A body that is mostly a grid of image cards of one template (point 10).

    Removes: a shop or catalogue page whose selected body is `CARD_MIN_COUNT` or more sibling
    elements with the same tag and class (``<div class="product-box">`` after
    ``<div class="product-box">``), holding `CARD_MIN_SHARE` of its characters, with a median
    card under `CARD_MAX_MEDIAN` weighted characters, most cards with an image (or a link to a
    page below the page's own path: a section's own items) and a link to a page no other card
    links to.  Keeps: an article page (declared, or with an article-shaped
    URL; see `judge_grid_intro`), an article's sections (classless ``<p>``/``<section>`` runs,
    longer than a card, or linking to shared or many places), a list of answers or comments
    (links shared between items: the same profile, the same share button).  Cost: the cheap
    guards first; then one walk over the elements that hold `CARD_WALK_SHARE` of the body,
    and one XPath per card of a group large enough to fire.
    """
    if declares_article or not nodes or not blocks or not index_shaped_url(url):
        return None
    total = sum(measure.chars(n) for n in nodes)
    if not total:
        return None
    cjk = _cjk_factor(blocks)
    for cards in template_groups(nodes, measure, total):
        sizes = [measure.chars(c) for c in cards]
        if median(sizes) * cjk > CARD_MAX_MEDIAN:
            continue
        imaged = sum(1 for c in cards if next(c.iter("img", "picture"), None) is not None)
        below = 0 if imaged >= CARD_MIN_IMAGE * len(cards) else _cards_below(cards, url)
        if imaged < CARD_MIN_IMAGE * len(cards) and below < CARD_MIN_BELOW * len(cards):
            continue
        own = _own_link_cards(cards)
        if own >= CARD_MIN_OWN_LINK * len(cards):
            kind = "image cards" if not below else "cards linking below this page"
            return (f"listing: {len(cards)} {kind} of one template, {own} linking to a page of their "
                    f"own, hold {sum(sizes) / total:.0%} of the body")
    return None


def _cards_below(cards: Sequence[etree._Element], url: str | None) -> int:
    """The cards with a link to a page below `url`'s path (``/shows/news`` → ``/shows/news/ep-12``):
    a section's own items.  Zero for a site root, below which every page lies."""
    base = urlsplit(url).path.rstrip("/") if url else ""
    if not base:
        return 0
    return sum(1 for c in cards if any(
        (path := urlsplit(urljoin(url, a.get("href", ""))).path).startswith(base + "/") and path.rstrip("/") != base
        for a in _ANY_LINK(c)))


def template_groups(nodes: Sequence[etree._Element], measure: Measure, total: int) -> list[list[etree._Element]]:
    """Groups of at least `CARD_MIN_COUNT` elements with one tag and class (not empty) that
    hold `CARD_MIN_SHARE` of `total` characters, largest first.

    The children of every element holding `CARD_WALK_SHARE` of `total` are grouped by
    signature across the selection (a grid split into two columns is one group); an element
    inside another of its group is not counted again.
    """
    floor = CARD_WALK_SHARE * total
    groups: dict[tuple[str, str], list[etree._Element]] = {}
    stack = list(nodes)
    while stack:
        for child in stack.pop():
            if not isinstance(child.tag, str):
                continue
            cls = child.get("class")
            if cls and cls.strip():
                groups.setdefault((child.tag, " ".join(sorted(cls.split()))), []).append(child)
            if measure.chars(child) >= floor:
                stack.append(child)
    found = []
    for members in groups.values():
        if len(members) < CARD_MIN_COUNT:
            continue
        inside = set(members)
        top = [m for m in members if not any(a in inside for a in m.iterancestors())]
        chars = sum(measure.chars(m) for m in top)
        if len(top) >= CARD_MIN_COUNT and chars >= CARD_MIN_SHARE * total:
            found.append((chars, top))
    found.sort(key=lambda g: -g[0])
    return [top for _, top in found]


def _own_link_cards(cards: Sequence[etree._Element]) -> int:
    """The cards whose links go to one or two targets that no other card links to."""
    targets = [{a.get("href") for a in _ANY_LINK(c)} for c in cards]
    seen: dict[str | None, int] = {}
    for hrefs in targets:
        for href in hrefs:
            seen[href] = seen.get(href, 0) + 1
    return sum(1 for hrefs in targets if 1 <= len(hrefs) <= 2 and all(seen[h] == 1 for h in hrefs))


def judge_page_chrome(nodes: Sequence[etree._Element]) -> str | None:
    """The selected body is the page footer or a navigation block (point 11).

    Removes: a body whose every node is a ``<footer>`` or ``<nav>``, has ``role`` contentinfo
    or navigation or a class or id naming a footer (``SiteFooter``, ``footer-links``), or sits
    inside such an element at most `CHROME_DEPTH` levels up.  Keeps: a body under a ``<body>``
    or ``<html>`` whose class names a footer style, a body whose wrapper a few levels up is
    named ``body-and-footer``, and a node that is or holds a ``<main>`` or ``<article>``: one
    inside a menu or footer is misnested markup (an unclosed ``<nav>`` the parser extended
    over the page), not chrome.  Cost: a few attribute reads per selected node; a search of
    the node's subtree only when chrome is found above it.
    """
    if not nodes or not all(_in_chrome(n) for n in nodes):
        return None
    return "listing: the selected text is the page footer or a menu"


def _in_chrome(node: etree._Element) -> bool:
    el: etree._Element | None = node
    for _ in range(CHROME_DEPTH + 1):
        if el is None or el.tag in ("body", "html"):
            return False
        if el.tag in ("footer", "nav") or el.get("role") in _CHROME_ROLES or _FOOTER_NAME.search(
                f"{el.get('class') or ''} {el.get('id') or ''}"):
            return next(node.iter("main", "article"), None) is None
        el = el.getparent()
    return False


def judge_cms_archive(body: etree._Element, *, declares_article: bool) -> str | None:
    """The page's ``<body>`` classes name it an archive (point 12).

    Removes: a page whose ``<body class>`` holds ``archive`` and one of `ARCHIVE_KINDS` (the
    classes WordPress themes write on category, tag, author, date and post-type archives), or
    one of `LISTING_BODY_CLASSES` (a WordPress search, a Magento shop category or search).
    Keeps: a post or page (``single``, ``page``: none of these classes), a custom taxonomy
    archive, a Magento product page, a page that stands as an article (see
    `stands_as_article`).  Cost: one attribute read and a split.
    """
    if declares_article:
        return None
    classes = set((body.get("class") or "").split())
    for name, kind in LISTING_BODY_CLASSES.items():
        if name in classes:
            return f"listing: the page's <body> classes name it a {kind}"
    if "archive" in classes and (kind := ARCHIVE_KINDS.intersection(classes)):
        return f"listing: the page's <body> classes name it a {min(kind)} archive"
    return None


def judge_link_body(nodes: Sequence[etree._Element], measure: Measure, *, url: str | None,
                    declares_article: bool) -> str | None:
    """The selected body is mostly link text (point 13).

    Removes: a body with at least `LINK_BODY_MIN_DENSITY` of its characters inside links on an
    index-shaped URL (see `index_shaped_url`) of a page that does not stand as an article.
    Keeps: an article with many inline links (far below the share), a link list on an
    article-shaped URL or without a URL, a page that declares an article.  Cost: the cheap
    guards first, then one cached link measure per selected node.
    """
    if declares_article or not nodes or not index_shaped_url(url):
        return None
    total = sum(measure.chars(n) for n in nodes)
    if not total:
        return None
    share = sum(measure.link_chars(n) for n in nodes) / total
    if share < LINK_BODY_MIN_DENSITY:
        return None
    return f"listing: {min(share, 1.0):.0%} of the body is link text"


def listing_reason(nodes: Sequence[etree._Element], blocks: Sequence[Block], measure: Measure,
                   body: etree._Element, removed: Sequence[Removal], *, url: str | None,
                   json_ld_types: Sequence[str], declares_article: bool, stands: bool) -> str | None:
    """Why the selected body is a listing, or None: the judges of points 1-13, in order, the
    first that fires.

    `declares_article` is the page's own og:type / JSON-LD declaration; `stands` is the stronger
    `stands_as_article` (a declaration with a date, author or JSON-LD article), which shields
    the page from the URL- and structure-based judges.  Cost: each judge returns at its first
    failed guard; the teaser cut (`judge_listing`) is the dearest, one walk of the selection.
    """
    return (judge_teaser_remnant(removed, blocks)
            or judge_declared_collection(json_ld_types, blocks)
            or judge_listing(nodes, blocks, measure, body)
            or judge_grid_intro(nodes, blocks, measure, body, url=url, declares_article=stands)
            or judge_data_table(blocks, declares_article=declares_article)
            or judge_post_list(nodes, body, url=url, declares_article=stands)
            or judge_card_grid(nodes, blocks, measure, url=url, declares_article=stands)
            or judge_page_chrome(nodes)
            or judge_cms_archive(body, declares_article=stands)
            or judge_link_body(nodes, measure, url=url, declares_article=stands))

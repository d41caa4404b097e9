"""Pick the body: score paragraph-like blocks, credit their ancestors, take the best node.

This is Readability's idea, made to measure text in characters (CJK-aware) and to treat a
container with its own text (``<div>text<br>text</div>``, ``<td>`` in table layouts) as a
paragraph, so div soup and old table layouts work without semantic markup.  ``<article>``,
``itemprop=articleBody`` and positive class words only add to a node's score.

Cost: one pass over the paragraph-like elements plus one text read per candidate node.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice

from lxml.html import HtmlElement
from lxml.html import defs as html_defs

from .article import Block
from .declared import is_declared_summary
from .listing import MIN_TEASER_LINK_SHARE, MIN_TEASERS, teaser_stats
from .measure import Measure, element_text
from .rules import attribute_signature
from .text import link_density, may_hold, punctuation_count, visible_len, weight

__all__ = ["Selection", "Verdict", "judge_article", "select_body"]

# Elements whose whole text is one paragraph.
PARAGRAPH_TAGS = frozenset({"p", "pre", "blockquote", "dd", "h2", "h3", "h4", "h5", "h6", "address"})
# Containers that may also hold paragraph text directly (`<div>text<br>text</div>`).
CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "td", "th", "font", "center", "span", "li",
                            "form", "blockquote", "body", "dd", "figure", "tbody", "table", "tr", "ul", "ol", "dl"})
INLINE_TAGS = frozenset({"a", "b", "strong", "em", "i", "u", "span", "font", "small", "big", "br", "img", "abbr",
                         "code", "time", "mark", "sup", "sub", "cite", "q", "s", "strike", "del", "ins", "tt",
                         "kbd", "var", "label", "nobr", "wbr", "ruby", "rt", "rp", "bdi", "bdo", "data", "dfn"})
_TAG_BASE = {"div": 5.0, "article": 8.0, "main": 5.0, "section": 3.0, "pre": 3.0, "td": 3.0, "blockquote": 3.0,
             "form": -3.0, "ol": -3.0, "ul": -3.0, "dl": -3.0, "dd": -3.0, "dt": -3.0, "li": -3.0,
             "address": -3.0, "th": -5.0, "h1": -5.0, "h2": -5.0, "h3": -5.0, "h4": -5.0, "h5": -5.0, "h6": -5.0}
_POSITIVE_RE = re.compile(
    r" (?:article|articlebody|body|content|contents|entry|hentry|main|post|text|blog|story|news|honbun|"
    r"detail|txt|kiji|main text|maintext|article body|post body|entry body|entry content|post content|"
    r"story body|news body|article text|article content|caption) "
)
_NEGATIVE_RE = re.compile(
    r" (?:comment|comments|com|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|"
    r"scroll|share|shoutbox|sidebar|side|skyscraper|sponsor|shopping|tags|tool|tools|widget|nav|menu|"
    r"ranking|rank|recommend|list|links|banner|header|profile|author|bio|login) "
)
MIN_PARAGRAPH_WEIGHT = 25.0
# Candidates within this share of the best score are alternatives (Readability's 0.75).
ALTERNATIVE_SHARE = 0.75
SHORT_LINE_CHARS = 1
SHORT_LINE_CREDIT = 0.5
SHORT_LINE = -1.0  # _paragraph_score's mark for a line too short to score on a page of prose
# Short lines earn credit only on pages with fewer paragraphs than this (one-line blogs).
SHORT_LINES_BELOW = 3
# A content-like class name adds at most this many times the paragraph score under the node.
NAME_MAX_FACTOR = 4.0


@dataclass(frozen=True)
class Selection:
    """The chosen body: `nodes` in document order (the top node and any sibling blocks)."""

    nodes: tuple[HtmlElement, ...]
    top: HtmlElement | None
    score: float


def _class_weight(el: HtmlElement) -> float:
    score = 50.0 if el.get("itemprop") == "articleBody" else 0.0
    sig = attribute_signature(el)
    return score + _name_weight(sig) if sig else score


@lru_cache(maxsize=8192)
def _name_weight(signature: str) -> float:
    """+25 for a content-like class/id word, -25 for a furniture word (cached: names repeat)."""
    sig = signature.replace("^", "")  # head-word marks do not matter here
    score = 0.0
    if _POSITIVE_RE.search(sig):
        score += 25.0
    if _NEGATIVE_RE.search(sig):
        score -= 25.0
    return score


_BREAK = "\x00"  # marks <br><br> in a container's own text; the parser removes real NULs


def _own_text(el: HtmlElement) -> str:
    """Text that sits directly in `el` or in its inline children (not in nested blocks).

    A double ``<br>`` is a paragraph break in old markup; it is kept as `_BREAK` so that
    ``<td>para<br><br>para<br><br>para</td>`` scores as three paragraphs, not one.
    """
    if not len(el):
        return el.text or ""
    parts = [el.text or ""]
    previous_br = False
    for child in el:
        tag = child.tag  # (an lxml tag read builds a new string: read once)
        if tag == "br":
            if previous_br:
                parts.append(_BREAK)
            previous_br = True
        else:
            if tag in INLINE_TAGS:  # a leaf's text without an XPath call
                parts.append(element_text(child) if len(child) else child.text or "")
            previous_br = False
        tail = child.tail
        if tail:
            parts.append(tail)
            if not tail.isspace():
                previous_br = False
    return "".join(parts)


_KNOWN_TAGS = frozenset(html_defs.tags) | PARAGRAPH_TAGS | CONTAINER_TAGS | INLINE_TAGS | {"main", "template"}


# Known tags whose elements are neither paragraphs nor containers: never paragraph-like.  The
# others are a container's tag or one HTML does not define (``<sape_index>``, ``<noindex>``, a
# custom element): a browser shows its text like any other, so its own text can be a paragraph.
_NEVER_PARAGRAPHS = _KNOWN_TAGS - PARAGRAPH_TAGS - CONTAINER_TAGS


def _paragraphs(body: HtmlElement) -> Iterator[tuple[HtmlElement, str, str]]:
    """Paragraph-like elements with their text and tag; nested paragraphs are yielded once.
    Cost: one pass over the elements; a child of a paragraph is known by a set lookup
    (not a read of its parent and the parent's tag)."""
    inside: set[HtmlElement] = set()  # the children of paragraph elements
    for el in body.iter():
        tag = el.tag  # (an lxml tag read builds a new string: read once)
        if tag in PARAGRAPH_TAGS:
            if not len(el):
                yield el, el.text or "", tag  # (a leaf: no XPath call)
                continue
            inside.update(el)
            if tag == "blockquote" and el.find(".//p") is not None:
                continue
            yield el, element_text(el), tag
        elif tag not in _NEVER_PARAGRAPHS and isinstance(tag, str) and el not in inside:
            text = _own_text(el)
            if len(text) > SHORT_LINE_CHARS and not text.isspace():
                yield el, text, tag


def _paragraph_score(el: HtmlElement, tag: str, text: str, measure: Measure, *, short_lines: bool = False) -> float:
    """Readability's score of one paragraph, times (1 - its link density).

    A short line scores 0, or with `short_lines` a little credit when it has no links
    ('おぉ！' in a blog of one-line <div>s); `SHORT_LINE` marks it for that second look.
    """
    if not short_lines and len(text) < 10:
        return SHORT_LINE  # under 25 weighted characters whatever the script
    w = weight(text)
    if w < MIN_PARAGRAPH_WEIGHT:
        if not short_lines:
            return SHORT_LINE
        if w < 2 or el.find(".//a") is not None or tag not in CONTAINER_TAGS:
            return 0.0
        return SHORT_LINE_CREDIT * w / MIN_PARAGRAPH_WEIGHT
    if _inside_teaser_link(el):
        return 0.0  # a teaser card: the whole paragraph is a link to another page
    if tag in PARAGRAPH_TAGS:  # (two subtree reads, skipped for a paragraph without links)
        density = measure.link_density(el) if len(el) and next(el.iter("a"), None) is not None else 0.0
    else:  # a container's own text: the links in it and in its inline children count
        links = 0
        for child in el:
            child_tag = child.tag  # (read once)
            if child_tag in INLINE_TAGS and (child_tag == "a" or len(child)):
                links += measure.link_chars(child)
        density = link_density(links, visible_len(text))
    if _BREAK in text:
        return sum(_segment_score(seg) for seg in text.split(_BREAK)) * (1.0 - density)
    return _segment_score(text, w) * (1.0 - density)


def _inside_teaser_link(el: HtmlElement) -> bool:
    """`el` sits inside an ``<a href>`` that is a teaser card: a list item
    (``<li><a href><div>teaser</div></a></li>``) or one of several links side by side.
    A lone link card inside a post (a blog's preview of a linked page) is not one.
    """
    for a in el.iterancestors("a"):
        if a.get("href") is None:
            continue
        parent = a.getparent()
        if parent is None:
            return False
        return parent.tag == "li" or sum(1 for sibling in parent if sibling.tag == "a") >= 2
    return False


def _segment_score(text: str, w: float | None = None) -> float:
    """Readability's paragraph score, in characters: 1 + punctuation + up to 3 for length.
    `w`: the text's `weight`, when the caller has it."""
    if w is None:
        w = weight(text)
    if w < MIN_PARAGRAPH_WEIGHT or (w >= LEGAL_NOTICE_MIN_WEIGHT and _legal_notice(text.lstrip()[:LEGAL_NOTICE_HEAD])):
        return 0.0
    return 1.0 + punctuation_count(text) + min(w / 100.0, 3.0)


# A long paragraph that opens with a site's legal notice (copyright, rights reserved, 'not
# intended as advice': comma-rich sentences that can outscore a short article) is not
# prose.  Only its first characters are looked at: an article may end with a copyright line.
# A short copyright line keeps its small score (measured: zeroing it moved small cleaneval
# pages the wrong way).
LEGAL_NOTICE_HEAD = 80
LEGAL_NOTICE_MIN_WEIGHT = 250.0
_LEGAL_NOTICE = re.compile(
    r"©|all rights reserved|rights reserved|alle rechte vorbehalten|"
    r"tous droits réservés|derechos reservados|diritti riservati|direitos reservados|wszelkie prawa zastrzeżone|"
    r"все права (?:на|защищены)|права защищены|版权所有|版權所有|無断転載|無断複製|転載禁止|複製を禁じ|"
    r"not intended (?:to replace|as|to be|to provide|to constitute) (?:the |a )?(?:advice|legal|medical|financial|"
    r"investment|tax|professional|substitute)|for general information(?:al purposes)? only|"
    r"for informational purposes only|does not constitute (?:legal|financial|investment|tax|medical) advice",
    re.IGNORECASE)

# Literals one of which every match of `_LEGAL_NOTICE` holds (lower-cased): a paragraph head
# with none is not searched (the pattern costs ~60 µs on 80 characters).  Keep in step.
_LEGAL_NOTICE_KEYS = ("©", "rights reserved", "vorbehalten", "réservés", "reservados", "riservati", "zastrzeżone",
                      "все права", "права защищены", "版权所有", "版權所有", "無断", "転載禁止", "複製を禁じ",
                      "not intended", "for general information", "for informational purposes only",
                      "does not constitute")


def _legal_notice(head: str) -> bool:
    """`head` (a paragraph's first characters) holds a legal notice (`_LEGAL_NOTICE`)."""
    return may_hold(head, _LEGAL_NOTICE_KEYS) and _LEGAL_NOTICE.search(head) is not None


_CREDIT_LEVELS = 5  # ancestors that get a (decayed) share of a paragraph's score


# What an ancestor's credit is divided by, per level above the paragraph (parent = level 0).
_CREDIT_DIVISORS = tuple(1.0 if level == 0 else 2.0 if level == 1 else level * 3.0 for level in range(_CREDIT_LEVELS))
# The credited ancestors of a paragraph with their divisors, and the first ancestor past them
# (None when <html> comes first).
_Chain = tuple[tuple[tuple[HtmlElement, float], ...], HtmlElement | None]


def _chain(parent: HtmlElement | None) -> _Chain:
    """The ancestors a paragraph under `parent` credits (`parent` and up, `_CREDIT_LEVELS` of
    them, below <html>), each with its divisor, and the ancestor where `pending` collects."""
    credited: list[tuple[HtmlElement, float]] = []
    if parent is None:
        return (), None
    for level, ancestor in enumerate(chain((parent,), parent.iterancestors())):
        if ancestor.tag == "html":
            break
        if level == _CREDIT_LEVELS:
            return tuple(credited), ancestor
        credited.append((ancestor, _CREDIT_DIVISORS[level]))
    return tuple(credited), None


def _new_tally(node: HtmlElement, named: dict[HtmlElement, float]) -> list[float]:
    """A node's first credit: [its score (tag base and a furniture name's penalty), paragraph
    mass 0, prose characters 0]; a content-like name is kept in `named` for later."""
    name = _class_weight(node)
    if name > 0:
        named[node] = name
    return [_TAG_BASE.get(node.tag, 0.0) + min(name, 0.0), 0.0, 0]


def _credit_paragraph(el: HtmlElement, tag: str, text: str, score: float, tally: dict[HtmlElement, list[float]],
                      named: dict[HtmlElement, float], pending: dict[HtmlElement, list[float]],
                      chains: dict[HtmlElement | None, _Chain]) -> None:
    """Credit a paragraph's score to itself (a container) and its ancestors (decayed), and
    add it, undecayed, to every ancestor's mass and its characters to their prose: one
    `tally` entry per node, [score, mass, prose] (one dict read per node, not six).

    Ancestors past the credited levels are summed in `pending` at the first of them; see
    `_settle_pending` (one walk up per such ancestor instead of one per paragraph).
    `chains`: the ancestors of each parent seen (`_chain`), read once for all its paragraphs.
    """
    chars = len(text)
    if tag in CONTAINER_TAGS:
        entry = tally.get(el)
        if entry is None:
            entry = tally[el] = _new_tally(el, named)
        entry[0] += score
        entry[1] += score
        entry[2] += chars
    parent = el.getparent()
    ancestors = chains.get(parent)
    if ancestors is None:
        ancestors = chains[parent] = _chain(parent)
    credited, above = ancestors
    for ancestor, divisor in credited:
        entry = tally.get(ancestor)
        if entry is None:
            entry = tally[ancestor] = _new_tally(ancestor, named)
        entry[0] += score / divisor
        entry[1] += score
        entry[2] += chars
    if above is not None:
        total = pending.get(above)
        if total is None:
            pending[above] = [score, chars]
        else:
            total[0] += score
            total[1] += chars


def _settle_pending(pending: dict[HtmlElement, list[float]], mass: dict[HtmlElement, float],
                    prose: dict[HtmlElement, int]) -> None:
    """Add the sums `_credit_paragraph` left in `pending` to those nodes and their ancestors."""
    for node, (score, chars) in pending.items():
        for ancestor in (node, *node.iterancestors()):
            if ancestor.tag == "html":
                break
            mass[ancestor] = mass.get(ancestor, 0.0) + score
            prose[ancestor] = prose.get(ancestor, 0) + int(chars)


def select_body(body: HtmlElement, measure: Measure) -> Selection:
    """Score the page and return the body nodes.  Empty `nodes` when nothing scores."""
    tally: dict[HtmlElement, list[float]] = {}  # [score, mass, prose] of every credited node
    named: dict[HtmlElement, float] = {}  # positive class weights, added once the mass is known
    pending: dict[HtmlElement, list[float]] = {}  # mass and prose above the credited levels
    short: list[tuple[HtmlElement, str, str]] = []
    scored = 0
    chains: dict[HtmlElement | None, _Chain] = {}
    for el, text, tag in _paragraphs(body):
        score = _paragraph_score(el, tag, text, measure)
        if score == SHORT_LINE:
            short.append((el, text, tag))
            continue
        if score > 0:
            scored += 1
            _credit_paragraph(el, tag, text, score, tally, named, pending, chains)
    if scored < SHORT_LINES_BELOW:  # hardly any paragraph: a page of one-line blocks
        for el, text, tag in short:
            score = _paragraph_score(el, tag, text, measure, short_lines=True)
            if score > 0:
                _credit_paragraph(el, tag, text, score, tally, named, pending, chains)
    if not tally:
        return Selection((), None, 0.0)
    scores = {node: entry[0] for node, entry in tally.items()}
    mass = {node: entry[1] for node, entry in tally.items()}  # undecayed paragraph score under every ancestor
    prose = {node: int(entry[2]) for node, entry in tally.items()}  # characters of paragraph text under each
    _settle_pending(pending, mass, prose)
    # A content-like name ('main-body', 'article') can add to a node's evidence, not replace
    # it: a short caption in a cell named 'main-body' must not outscore the article's cell.
    for node, name in named.items():
        scores[node] += min(name, NAME_MAX_FACTOR * mass.get(node, 0.0))
    final = _final_scores(scores, measure)
    top = max(final, key=final.__getitem__)
    top = _widen(top, final, body)
    top = _climb(top, mass, prose, measure, body)
    top = _out_of_link_card(top, measure, body)
    nodes = _with_siblings(top, scores, final, measure, mass)
    nodes = _with_like_parts(nodes, top, scores, final, measure, mass)
    return Selection(nodes, top, final.get(top, 0.0))


CLIMB_GAIN = 1.3
# Besides paragraphs, these siblings of the body join it when they read as prose (a lead
# paragraph in its own <div>, a standfirst in a <section>).
SIBLING_BLOCK_TAGS = frozenset({"div", "section", "header", "figure", "strong", "b"})
# A body under `min_body_chars` counts when it is at least this share of the page's text: a
# page that says only 'Test' or three words says that (readability.js and trafilatura return it
# too); measured on the dev sets, only two such fixture pages change (was: at least 10 weighted
# characters or min_chars / 8).  It must still reach this share of `min_chars`, so that a
# caller who raises `min_body_chars` raises the floor for tiny pages too.
TINY_PAGE_SHARE = 0.6
TINY_PAGE_MIN_SHARE = 1 / 80
_WORD = re.compile(r"[^\W_]")  # a letter or digit of any script (not control bytes of a binary file)
# A body this short that is under this share of the page's text is an intro or a teaser
# (of a listing, a product grid), not an article.  Measured on the dev sets: +9% listings
# rejected, 0.5% of cleaneval and 0.25% of daniel pages lost, none of the others.
STUB_MAX_WEIGHT = 300.0
STUB_MAX_SHARE = 0.1
CLIMB_MAX_LINK_DENSITY = 0.3
CLIMB_LEVELS = 4
# Only a node holding less than this share of the page's paragraph text climbs.
CLIMB_MAX_PROSE_SHARE = 0.5
# A table cell of an old layout page climbs further: its article often runs on in the next row.
CLIMB_MAX_CELL_PROSE_SHARE = 0.7
_CELL_TAGS = frozenset({"td", "th"})
CLIMB_MIN_PROSE_SHARE = 0.6


def _climb(top: HtmlElement, mass: dict[HtmlElement, float], prose: dict[HtmlElement, int], measure: Measure,
           body: HtmlElement) -> HtmlElement:
    """Move up to an ancestor that holds much more prose and little more link text.

    An article cut into sections (one ``<section>`` per subheading) credits each section
    separately; the section that scores best is only part of the body.  The ancestor that
    holds all of them holds much more paragraph score for little extra link text.  Up to
    `CLIMB_LEVELS` levels are looked at each step, so one thin level does not stop the climb.
    A node that already holds most of the prose stays, but for one step out of a bare wrapper
    that stands after the story's opening paragraphs (`_after_paragraphs`: a 'read more' box).
    """
    node = top
    total = prose.get(body, 0)
    while True:
        if prose.get(node, 0) >= _climb_share(node) * total:  # already most of the page's prose: stay,
            parent = node.getparent()  # but leave a bare wrapper (a 'read more' box) for its holder
            if (parent is not None and parent is not body and parent.tag != "html"
                    and _only_wrapping(parent, node, measure) and _after_paragraphs(parent, measure)):
                node = parent
            return node
        best = None
        base = mass.get(node, 0.0)
        limit = max(CLIMB_MAX_LINK_DENSITY, measure.link_density(node) + 0.1)
        for level, ancestor in enumerate(node.iterancestors()):
            if level >= CLIMB_LEVELS or ancestor is body or ancestor.tag == "html":
                break
            if (mass.get(ancestor, 0.0) >= CLIMB_GAIN * base and measure.link_density(ancestor) <= limit
                    and _mostly_prose_added(ancestor, node, prose, measure)
                    and not _adds_teasers(ancestor, node, measure)):
                best = ancestor
                break
        if best is None:
            parent = node.getparent()
            if parent is not None and parent is not body and parent.tag != "html" and _only_wrapping(parent, node, measure):
                node = parent
                continue
            return node
        node = best
    return node


# A wrapper after at least this many prose paragraphs of its own parent is a 'read more' box
# that holds the rest of an article whose opening paragraphs stand before it.
OPENING_PARAGRAPHS = 2


def _after_paragraphs(wrapper: HtmlElement, measure: Measure) -> bool:
    """At least `OPENING_PARAGRAPHS` prose <p> (over 80 weighted characters, no links) stand
    right before `wrapper` among its siblings.  Cost: a text read of each preceding <p>, up to
    the first sibling that is not one."""
    found = 0
    for sib in wrapper.itersiblings(preceding=True):
        if not isinstance(sib.tag, str):
            continue
        if sib.tag != "p" or measure.link_density(sib) > 0 or weight(element_text(sib)) <= 80:
            break
        found += 1
        if found >= OPENING_PARAGRAPHS:
            return True
    return False


# A link card is one link holding at least this share of its wrapper's text.
CARD_LINK_SHARE = 0.8
# The text a post adds around its card may be at most this share links.
CARD_MAX_ADDED_LINK_SHARE = 0.5


def _out_of_link_card(top: HtmlElement, measure: Measure, body: HtmlElement) -> HtmlElement:
    """Leave a link card for the post around it.

    A blog quotes another page as a card: one ``<a href>`` wrapping the page's title, summary
    and image (an OGP link card).  The summary is the longest, best-punctuated text of a short
    post, so the card can win the scoring while the post's own one-line paragraphs score
    nothing.  When the top node is in such a card (or is one), the body is the nearest
    ancestor that adds text of its own beside the card, mostly not links.  A card in a grid
    of cards stays: the grid adds only link text.  Cost: a few text reads up the ancestors.
    """
    card = next(top.iterancestors("a"), None)
    if card is None or card.get("href") is None:
        links = list(islice((a for a in top.iter("a") if a.get("href") is not None), 2))  # (two tell enough)
        if len(links) != 1 or measure.chars(links[0]) < CARD_LINK_SHARE * measure.chars(top):
            return top
        card = top  # a card wrapper: one link, nearly all its text
    card_chars, card_links = measure.chars(card), measure.link_chars(card)
    for ancestor in card.iterancestors():
        if ancestor is body or ancestor.tag == "html":
            return top
        added = measure.chars(ancestor) - card_chars
        if added <= 0:
            continue  # a wrapper of the card
        if measure.link_chars(ancestor) - card_links > CARD_MAX_ADDED_LINK_SHARE * added:
            return top  # the card sits among other links: a grid or a list of cards
        return ancestor
    return top


def _climb_share(node: HtmlElement) -> float:
    """The prose share under which `node` may still climb (higher for a table cell)."""
    return CLIMB_MAX_CELL_PROSE_SHARE if node.tag in _CELL_TAGS else CLIMB_MAX_PROSE_SHARE


def _mostly_prose_added(ancestor: HtmlElement, node: HtmlElement, prose: dict[HtmlElement, int],
                        measure: Measure) -> bool:
    """At least `CLIMB_MIN_PROSE_SHARE` of the text the ancestor adds is paragraph text."""
    added = measure.chars(ancestor) - measure.chars(node)
    return added <= 0 or prose.get(ancestor, 0) - prose.get(node, 0) >= CLIMB_MIN_PROSE_SHARE * added


CLIMB_MAX_TEASER_SHARE = 0.5


def _adds_teasers(ancestor: HtmlElement, node: HtmlElement | None, measure: Measure) -> bool:
    """Most of what the ancestor adds to `node` (all of it when `node` is None) is teaser
    items: a river of stories with summaries under or beside the article, whose summaries
    read as prose.  Cost: `teaser_stats` of the ancestor (one XPath; more only when it
    holds `MIN_TEASERS` headline links)."""
    stats = teaser_stats([ancestor], measure)
    if stats is None or stats.teasers < MIN_TEASERS or stats.link_share < MIN_TEASER_LINK_SHARE:
        return False
    added = measure.chars(ancestor) - (measure.chars(node) if node is not None else 0)
    return stats.share * measure.chars(ancestor) >= CLIMB_MAX_TEASER_SHARE * added


def _only_wrapping(parent: HtmlElement, node: HtmlElement, measure: Measure) -> bool:
    """The parent adds hardly any text of its own (a wrapper around `node`)."""
    return measure.chars(parent) <= measure.chars(node) * 1.1 + 20


def _final_scores(scores: dict[HtmlElement, float], measure: Measure) -> dict[HtmlElement, float]:
    """Scores times (1 - link density), for the nodes that can still be the top or one of
    its close alternatives (`ALTERNATIVE_SHARE` of it).

    Link density can only lower a positive score, so nodes are taken in order of raw score
    and the walk stops once no raw score can reach that share of the best final score:
    link density, a read of the node's whole subtree, is measured for a few nodes, not all.
    """
    final: dict[HtmlElement, float] = {}
    best = float("-inf")
    for node, raw in sorted(scores.items(), key=lambda item: item[1], reverse=True):
        if final and raw < ALTERNATIVE_SHARE * best:
            break
        score = final[node] = raw * (1.0 - measure.link_density(node)) if raw > 0 else raw
        best = max(best, score)
    return final


def _widen(top: HtmlElement, final: dict[HtmlElement, float], body: HtmlElement) -> HtmlElement:
    """Move up when the best alternatives share an ancestor, or the parent scores as well."""
    top_score = final[top]
    alternatives = [n for n, s in final.items() if n is not top and s >= ALTERNATIVE_SHARE * top_score]
    if len(alternatives) >= 2:
        ancestors = list(top.iterancestors())
        for anc in ancestors:
            if anc is body or anc.tag == "html":
                break
            inside = sum(1 for alt in alternatives if _is_ancestor(anc, alt))
            if inside >= 2:
                top = anc
                break
    # A wrapper whose only child is the top node adds nothing but is where siblings live.
    parent = top.getparent()
    while parent is not None and parent is not body and len(parent) == 1 and parent.tag != "html":
        top, parent = parent, parent.getparent()
    return top


def _is_ancestor(anc: HtmlElement, node: HtmlElement) -> bool:
    return any(a is anc for a in node.iterancestors())


def _final_of(node: HtmlElement, scores: dict[HtmlElement, float], final: dict[HtmlElement, float],
              measure: Measure) -> float:
    if node not in final:
        raw = scores[node]
        final[node] = raw * (1.0 - measure.link_density(node)) if raw > 0 else raw
    return final[node]


def _join_threshold(top: HtmlElement, scores: dict[HtmlElement, float], final: dict[HtmlElement, float],
                    measure: Measure) -> tuple[float, float]:
    """(the top's final score, the score a neighbour needs to join it: Readability's 20%, at least 10)."""
    top_score = _final_of(top, scores, final, measure) if top in scores else 0.0
    return top_score, max(10.0, top_score * 0.2)


def _holds_prose(el: HtmlElement, mass: dict[HtmlElement, float], threshold: float, measure: Measure) -> bool:
    """An unscored part of the body (its paragraphs too deep to credit it): enough undecayed
    paragraph mass, few links."""
    return mass.get(el, 0.0) >= threshold and measure.link_density(el) < 0.25


def _with_siblings(top: HtmlElement, scores: dict[HtmlElement, float], final: dict[HtmlElement, float],
                   measure: Measure, mass: dict[HtmlElement, float]) -> tuple[HtmlElement, ...]:
    """Readability's sibling pass: keep neighbours that score well or read as paragraphs.
    `mass`: the undecayed paragraph score under each node (for parts of the body whose
    paragraphs sit too deep to have credited them)."""
    parent = top.getparent()
    if parent is None:
        return (top,)
    top_score, threshold = _join_threshold(top, scores, final, measure)
    top_class = top.get("class")
    top_weight: float | None = None  # read once, for the first small box after the top
    nodes: list[HtmlElement] = []
    past_top = False  # whether the pass has passed the top node
    for sib in parent:
        if sib is top:
            nodes.append(sib)
            past_top = True
            continue
        tag = sib.tag  # (an lxml tag read builds a new string: read once)
        if not isinstance(tag, str):
            continue
        if past_top and (box := _small_box_weight(sib, top_class, measure)) is not None:
            if top_weight is None:
                top_weight = weight(element_text(top))
            if box < CLOSING_BOX_MAX_SHARE * top_weight:
                continue  # a small box of its own that closes the page
        bonus = top_score * 0.2 if top_class and sib.get("class") == top_class else 0.0
        if sib in scores and _final_of(sib, scores, final, measure) + bonus >= threshold:
            if not _adds_teasers(sib, None, measure):  # a river of story summaries beside the body
                nodes.append(sib)
        elif bonus and sib not in scores and _holds_prose(sib, mass, threshold, measure):
            # A part of the article named like the top ('acf-content' three times over)
            # whose paragraphs sit deeper than the credited levels has no score: its
            # undecayed paragraph mass speaks for it.  (For any unnamed sibling this cost
            # daniel, l3s and cleaneval pages: measured.)
            nodes.append(sib)
        elif tag in PARAGRAPH_TAGS or (tag in SIBLING_BLOCK_TAGS and not past_top
                                       and measure.link_density(sib) == 0):
            text = element_text(sib)
            w = weight(text)
            density = measure.link_density(sib)
            # A short block joins only without links: a link under the body, even round an image
            # (a blog-ranking banner with its one-line appeal), is furniture, not a paragraph.
            if (w > 80 and density < 0.25) or (0 < w <= 80 and density == 0 and sib.find(".//a") is None
                                               and re.search(r"[.。!?！？]\s*$", text)):
                nodes.append(sib)
    return tuple(nodes)


# A block (not a paragraph) after the body under this weight, and under this share of the top
# node's, named otherwise than the top, is a box that closes the page (a disclaimer, a donation plea, an
# author card, a newsletter prompt), not the article's last part.
CLOSING_BOX_MAX_WEIGHT = 600.0
CLOSING_BOX_MAX_SHARE = 0.25


def _small_box_weight(sib: HtmlElement, top_class: str | None, measure: Measure) -> float | None:
    """The weight of `sib`, a block after the top node, when it is a small box of its own
    (under `CLOSING_BOX_MAX_WEIGHT`, not a paragraph, not named like the top), else None.  The
    caller compares it with the top's weight (`CLOSING_BOX_MAX_SHARE`).  Cost: a cached size
    read; a text read for a small box only."""
    if sib.tag in PARAGRAPH_TAGS or (top_class and sib.get("class") == top_class):
        return None  # a paragraph of the article, or a part of it named like it
    chars = measure.chars(sib)
    if chars == 0 or chars > CLOSING_BOX_MAX_WEIGHT:  # (weight >= characters)
        return None
    w = weight(element_text(sib))
    return w if w < CLOSING_BOX_MAX_WEIGHT else None


_DIGITS = re.compile(r"\d+")


def _with_like_parts(nodes: tuple[HtmlElement, ...], top: HtmlElement, scores: dict[HtmlElement, float],
                     final: dict[HtmlElement, float], measure: Measure,
                     mass: dict[HtmlElement, float]) -> tuple[HtmlElement, ...]:
    """Parts of the article named like the top in like-named wrappers beside its own.

    Some layouts cut the story into numbered parts, each in a wrapper of its own with an ad
    or a pull quote between them (``<div class="supplemental"><div class="story-body
    story-body-1">`` … ``<div class="supplemental"><div class="story-body story-body-2">``):
    the sibling pass never sees the other parts.  A child of a sibling of the top's parent
    joins when both it and its wrapper are named like the top and its parent (numbers
    aside) and it holds prose (paragraph mass) with few links.  Cost: a look at the
    children of the parent's like-named siblings.
    """
    name = _part_name(top)
    parent = top.getparent()
    if not name or parent is None or parent.tag in ("body", "html") or not _part_name(parent):
        return nodes
    grand = parent.getparent()
    if grand is None:
        return nodes
    _, threshold = _join_threshold(top, scores, final, measure)
    wrapper = _part_name(parent)
    found: list[HtmlElement] = []
    for sib in grand:
        if sib is parent or sib.tag != parent.tag or _part_name(sib) != wrapper:
            continue
        for el in sib:
            if el.tag == top.tag and _part_name(el) == name and _holds_prose(el, mass, threshold, measure):
                found.append(el)
    if not found:
        return nodes
    order = {el: i for i, el in enumerate(grand.iter())}
    return tuple(sorted((*nodes, *found), key=lambda n: order.get(n, -1)))


def _part_name(el: HtmlElement) -> str:
    """The class attribute with numbers dropped ('story-body story-body-2' → 'story-body story-body-')."""
    return _DIGITS.sub("", el.get("class") or "").strip()


@dataclass(frozen=True)
class Verdict:
    """Whether the rendered body is an article, and if not, why and what the page is."""

    is_article: bool
    reason: str
    page_type: str = "other"


def judge_article(blocks: Sequence[Block], *, page_weight: float | Callable[[], float], min_chars: int,
                  declared_summary: str | None = None) -> Verdict:
    """Decide `is_article` from the rendered body (its amount and shape of text).

    `page_weight`: the weighted characters of the whole page after the boilerplate rules, or
    a function that computes them (a read of the whole page, called only for a short body).
    A short body is still an article when it is nearly all the page has (a one-line blog
    post, a short notice, a test page that says only 'Test'); a short body on a page full
    of other text is a stub.  It is also an article when it is, word for word, the
    `declared_summary`: the description of a page that declares itself an article
    (og:type or JSON-LD), which for a short post is the whole post.
    """
    if not blocks:
        return Verdict(False, "no body text found")
    long_enough = max(min_chars, STUB_MAX_WEIGHT)  # past this, none of the checks below can fail
    total = 0.0
    for block in blocks:
        total += weight(block.text)
        if total >= long_enough:
            return Verdict(True, "")
    if total < STUB_MAX_WEIGHT and is_declared_summary(blocks, declared_summary):
        return Verdict(True, "")
    if callable(page_weight):
        page_weight = page_weight()
    tiny_page = (total >= max(min_chars * TINY_PAGE_MIN_SHARE, TINY_PAGE_SHARE * page_weight)
                 and any(_WORD.search(b.text) for b in blocks))
    if total < min_chars and not tiny_page:
        return Verdict(False, f"too little body text ({int(total)} < {min_chars} weighted characters)")
    if total < STUB_MAX_WEIGHT and total < STUB_MAX_SHARE * page_weight:
        return Verdict(False, f"a short body ({int(total)} weighted characters) on a page of "
                              f"{int(page_weight)}: an intro or teaser, not an article")
    return Verdict(True, "")

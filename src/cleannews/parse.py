"""str -> lxml tree, safely: no network, no entity expansion, bounded depth and size.

libxml2 (2.14) aborts the whole parse at nesting depth 256 without
XML_PARSE_HUGE: with ``recover=True`` it silently returns the tree built so far,
so everything after the deep point (often the article itself) is lost.
`parse_html` detects that and re-parses a copy whose excess start/end tags were
dropped by a cheap linear tokenizer (`_cap_nesting`); text is kept.
Other libxml2 limits without huge_tree: a single text node, attribute or comment
over 10 MB also aborts the parse (the caller's byte limit makes this rare).
Nothing here recurses in Python; every pass is linear in the input.
"""

from __future__ import annotations

import copy
import functools
import re
from collections import Counter
from typing import Any, TypeVar, cast

import lxml.etree as etree
import lxml.html

from .errors import InputError

__all__ = ["copy_tree", "parse_html", "strip_non_content", "to_root"]

_NON_CONTENT = ("script", "style", "noscript", "template", "svg", "iframe", "object",
                "embed", "canvas", "select", "textarea", "button", "input")
# Removed whole: raw-text elements, which end where they say, and <noscript>, the page shown
# without scripts (an 'enable JavaScript' notice, image fallbacks).  Checking <noscript> for
# swallowed page structure like the others was measured: cleaneval +0.0012 but daniel
# -0.0003, l3s -0.0001 and wcxb-dev -0.0004 F1 (its fallbacks repeat the page), so it stays.
_STRIPPED_WHOLE = ("script", "style", "noscript", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
# The others are removed whole only when they hold no page structure: an unclosed <button> or
# <svg> can swallow the rest of the document, whose text must survive (the tags are dropped,
# the content kept).
_SWALLOWING = tuple(tag for tag in _NON_CONTENT if tag not in _STRIPPED_WHOLE)
_PAGE_STRUCTURE = ("p", "div", "article", "section", "h1", "h2", "table", "li")
# Leading <?xml ...?> (lxml refuses str input with an encoding declaration) and a
# DOCTYPE with an internal subset (the HTML parser ignores entity declarations
# but leaks the closing "]>" into the body as text).
_PROLOG = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE[^\[>]*\[.*?\]\s*>)?",
                     re.S | re.I)
_SURROGATE = re.compile("[\ud800-\udfff]")
_TOKEN = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([a-zA-Z][^\s/>]*)[^>]*>", re.S)
_RAW_TEXT_TOKENS = frozenset({"script", "style", "textarea", "title", "xmp", "iframe",
                       "noembed", "noframes", "noscript"})
_RAW_END = {name: re.compile(rf"</{name}\s*>", re.I) for name in _RAW_TEXT_TOKENS}
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                   "meta", "param", "source", "track", "wbr", "keygen"})
_SIBLING_CLOSES = frozenset({"p", "li", "dt", "dd", "option", "tr", "td", "th"})
_CLOSES_P = frozenset({"address", "article", "aside", "blockquote", "div", "dl",
                       "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4",
                       "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre",
                       "section", "table", "ul"})
_INLINE = frozenset({"a", "abbr", "b", "big", "code", "em", "font", "i", "s", "small",
                     "span", "strong", "sub", "sup", "u"})
_RETRY_DEPTHS = (180, 60)  # soft limits; +50 hard; libxml2 aborts at 256
_E = TypeVar("_E", bound=etree._Element)


def parse_html(text: str, *, max_depth: int = 256,
               max_elements: int = 200_000) -> lxml.html.HtmlElement:
    """Parse HTML text into a tree and return its <html> root (which has a <body>).

    Never raises on content: empty, plain-text or broken input gives a minimal
    document. Comments and processing instructions are dropped; <head>,
    scripts and styles are kept (see `strip_non_content`). Elements deeper than
    `max_depth` are flattened into their ancestor's text; elements beyond
    `max_elements` (document order) are dropped.
    Cost: one libxml2 parse plus two XPath passes in C (~0.1 s per million
    elements); a document that hits libxml2's depth limit also costs a Python
    tokenizer pass (~1 s per 10 MB of tags) and a re-parse.
    """
    if not isinstance(text, str):
        raise InputError(f"parse_html() needs str, not {type(text).__name__}; "
                         "use cleannews.decode.decode() for bytes")
    root, as_parsed = _parse(_sanitize(text))
    # The depth XPath walks every level (~0.4 M instructions a page); libxml2 never builds an
    # element deeper than `_PARSER_DEPTH`, so on a tree as it parsed it the pass finds nothing.
    if not (as_parsed and _PARSER_DEPTH is not None and max_depth >= _PARSER_DEPTH):
        _limit_depth(root, max_depth)
    _limit_elements(root, max_elements)
    if "<template id=" in text:  # a slot for React's streamed parts (cheap substring test)
        _place_streamed_parts(root)
    return _body_from_head(_gather_body(_wrap(root)))


def strip_non_content(root: etree._Element) -> None:
    """Remove scripts, styles, embeds, form controls etc. from <body>, in place.

    Tail text of removed elements is kept; <head> is untouched. If `root` is
    not an <html> element, its whole subtree is treated as body. Cost: one C
    pass (`lxml.etree.strip_elements`).
    """
    containers = root.findall("body") if root.tag == "html" else [root]
    for container in containers:
        _unwrap_templates(container)
        etree.strip_elements(container, *_STRIPPED_WHOLE, with_tail=False)
        swallowed = [el for el in container.iter(*_SWALLOWING)  # an <input> has no children
                     if len(el) and next(el.iterdescendants(*_PAGE_STRUCTURE), None) is not None]
        for el in swallowed:
            el.tag = "div"  # keep what it swallowed, as an ordinary block
        etree.strip_elements(container, *_NON_CONTENT, with_tail=False)
        _drop_ruby_annotations(container)


def _drop_ruby_annotations(container: etree._Element) -> None:
    """Drop ruby annotations (``<rt>`` readings, furigana, and their ``<rp>`` fallback
    brackets) so that ``<ruby>漢字<rt>かんじ</rt></ruby>`` reads 漢字, as a reader sees the base
    text.  The text after them is kept.  Cost: one C pass."""
    etree.strip_elements(container, "rt", "rp", with_tail=False)


def _is_markup(template: str) -> bool:
    """A template of markup starts with a tag or text, not with JSON ('{', '['), CDATA aside."""
    head = template.lstrip()
    if head.startswith("<![CDATA["):
        head = head[9:].lstrip()
    return head[:1] not in ("{", "[", "")


def _unwrap_templates(container: etree._Element) -> None:
    """Blogger and other CMSs ship the post as HTML inside ``<script type="text/template">``,
    shown by a script: such a template that holds paragraphs is parsed and put in its place.
    A template of data (JSON whose strings hold escaped HTML, as React/Vue sites ship their
    components) is not markup and goes with the other scripts.
    Cost: one look at each ``<script>``'s type; a parse only for such templates."""
    templates = [s for s in container.iter("script")
                 if "template" in (s.get("type") or "").lower() and s.text and "<p" in s.text
                 and _is_markup(s.text)]
    for script in templates:
        holder, _ = _fromstring("<div>" + script.text + "</div>")
        body = holder.find("body") if holder is not None else None
        block = body[0] if body is not None and len(body) else None
        if block is not None:
            block.tail = script.tail
            script.getparent().replace(script, block)


def copy_tree(node: _E) -> _E:
    """Deep copy of `node` and its subtree (without its tail). Cost: O(subtree) in C."""
    clone = copy.deepcopy(node)
    clone.tail = None
    return clone


def to_root(obj: Any, *, max_depth: int = 256,
            max_elements: int = 200_000) -> lxml.html.HtmlElement:
    """An <html> root for an lxml element/tree or a BeautifulSoup object.

    The caller's object is never modified: lxml input is deep-copied (an
    element that is not <html> is wrapped in <html><body>), non-HTML lxml
    elements and bs4 objects are serialised and re-parsed. Comments are
    dropped and the same depth/element limits as `parse_html` apply.
    Cost: O(n) C copy for lxml.html trees; serialise + parse otherwise.
    """
    if isinstance(obj, etree._ElementTree):
        obj = obj.getroot()
        if obj is None:
            return _empty()
    if isinstance(obj, lxml.html.HtmlElement):
        root = _wrap(copy_tree(obj))
        etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction,
                             with_tail=False)
        _limit_depth(root, max_depth)
        _limit_elements(root, max_elements)
        return _wrap(root)
    if isinstance(obj, etree._Element):  # XML-parsed or comment: round-trip as HTML
        text = etree.tostring(obj, method="html", encoding="unicode", with_tail=False)
    elif type(obj).__module__.startswith("bs4"):
        text = str(obj)  # bs4 serialises iteratively; no bs4 import needed
    else:
        raise InputError(f"cannot make a tree from {type(obj).__name__}")
    return parse_html(text, max_depth=max_depth, max_elements=max_elements)


def _new_parser() -> etree.HTMLParser:
    """A fresh parser (~2 µs): lxml parsers must not be shared across threads.

    A plain `etree.HTMLParser`, not `lxml.html`'s: its per-element Python class lookup
    costs about 1 µs each time the pipeline touches an element, and nothing here needs
    the `lxml.html` element methods.
    """
    return etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                                recover=True, huge_tree=False, collect_ids=False,
                                remove_blank_text=False)


def _sanitize(text: str) -> str:
    """Strip the XML prolog.  NULs are dropped by `_fromstring` (and lone surrogates replaced)
    when the text is encoded for libxml2: looking for a NUL in the UTF-8 bytes is a memchr,
    in a str of CJK text a scan that cost ~0.4 M instructions a page."""
    prolog = _PROLOG.match(text)
    if prolog is not None and prolog.end():
        text = text[prolog.end():]
    return text


def _parse(text: str) -> tuple[lxml.html.HtmlElement, bool]:
    """libxml2 parse with one or two re-parses if the depth limit cut the document.
    Returns (root, whether the root is libxml2's own: no levels added above it)."""
    root, too_deep = _fromstring(text)
    if too_deep and "\x00" in text:
        text = text.replace("\x00", "")  # the repairs below work on the text libxml2 read
    for depth in _RETRY_DEPTHS:
        if not too_deep:
            break
        root, too_deep = _fromstring(_cap_nesting(text, depth))
    if root is not None and _title_swallowed_page(root):
        fixed, closed = _UNCLOSED_TITLE.subn(r"\1\2</title>", text.replace("\x00", ""), count=1)
        if closed:
            root, _ = _fromstring(fixed)
    if root is None:
        return _empty(), False
    return _wrap(root), root.tag == "html"


# A <title> never closed (a truncated or mangled page) makes the rest of the document its
# text.  Such a page is re-parsed with the title closed at its first line or tag.
_UNCLOSED_TITLE = re.compile(r"(?is)(<title[^>]*>)([^<\n]{0,300})")


def _title_swallowed_page(root: etree._Element) -> bool:
    """The page's markup ended up as the text of its <title> and the body is empty."""
    title = root.find(".//title")
    if title is None or not title.text or len(title.text) < 1000 or "<" not in title.text:
        return False
    body = root.find("body")
    return body is None or (len(body) == 0 and not (body.text or "").strip())


def _fromstring(text: str) -> tuple[lxml.html.HtmlElement | None, bool]:
    """(root or None, whether libxml2 stopped at its nesting limit).  NULs in `text` are
    dropped (libxml2 would end its input there)."""
    if not text or text.isspace():  # (not `text.strip()`: that copies the page)
        return None, False
    parser = _new_parser()
    try:
        # libxml2 reads UTF-8 bytes faster than a str, and encoding here doubles as the
        # check for lone surrogates (which would end libxml2's input early).
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            data = _SURROGATE.sub("\ufffd", text).encode("utf-8")
        if b"\x00" in data:
            return _fromstring(text.replace("\x00", ""))
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, False
    too_deep = any(err.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "depth" in
                   err.message.lower() for err in parser.error_log)
    return root, too_deep


def _parser_depth() -> int | None:
    """Depth (root = 0) of the deepest element libxml2 builds, or None if it has no limit
    (seen at import with a probe of 1,000 nested <div>s, ~0.1 ms).  libxml2 2.14 without
    huge_tree stops at 256 open elements: nothing is deeper than 255."""
    probe = 1000
    el, _ = _fromstring("<div>" * probe)
    depth = 0
    while el is not None and len(el):
        el, depth = el[-1], depth + 1
    return depth if depth < probe else None


def _empty() -> lxml.html.HtmlElement:
    root = etree.Element("html")
    etree.SubElement(root, "body")
    return root


def _wrap(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """Make sure `root` is <html> with a <body> child, wrapping it if needed."""
    if root.tag != "html":
        html = etree.Element("html")
        if root.tag in ("body", "head"):
            html.append(root)
        else:
            etree.SubElement(html, "body").append(root)
        root = html
    if root.find("body") is None:
        etree.SubElement(root, "body")
    return root


def _gather_body(root: etree._Element) -> etree._Element:
    """Put what libxml2 left beside <body> back into it, as a browser shows it.

    A page that pastes a whole document into its body (``…<td><html><head><title>…
    <body>text``) makes libxml2 close the real body early: the rest of the page lands
    in siblings of <body>, and a nested <body>/<html> survives inside.  Browsers keep
    one body; so do we.  Cost: a look at the root's children; moves only on such pages.
    """
    body = root.find("body")
    stray = [child for child in root if child is not body and child.tag != "head"]
    stray += _after_root(root)
    if not stray:
        return root
    for child in stray:
        if isinstance(child.tag, str) and child.tag in ("body", "html"):
            body.extend(list(child))
            child.getparent().remove(child)
        else:
            body.append(child)
    etree.strip_tags(body, "body", "html", "head")
    return root


def _after_root(root: etree._Element) -> list[etree._Element]:
    """What libxml2 parsed after ``</html>`` that is page layout.

    A page that closes its document early (``</body></html>`` after the header, then the
    article) gets the rest as a second top-level <html> beside the root, which no walk from
    the root sees; a browser shows it in the body.  Only elements that hold page structure
    (`_PAGE_STRUCTURE`: paragraphs, divs, tables) are returned: a bare run of text or a
    ``<font>`` after the end is an old page's hidden keyword block, not its article.
    Cost: a look at the root's siblings (almost always none)."""
    found: list[etree._Element] = []
    for sibling in root.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        for el in (sibling if sibling.tag == "html" else (sibling,)):
            if isinstance(el.tag, str) and el.tag != "head" and (
                    el.tag in _PAGE_STRUCTURE or next(el.iterdescendants(*_PAGE_STRUCTURE), None) is not None):
                found.append(el)
    return found


# React's streamed HTML: a part rendered late arrives as ``<div hidden id="S:3">…</div>`` at the
# end of the document, and a script moves it into place: ``$RC("B:3","S:3")`` replaces the
# ``<template id="B:3">`` boundary, ``$RS("S:4","P:4")`` fills the ``<template id="P:4">`` slot.
_STREAM_ID_RE = re.compile(r"[SBP]:\w{1,20}$")
_STREAM_CALL_RE = re.compile(r'\$R([CS])\("([^"]{1,40})","([^"]{1,40})"')


def _place_streamed_parts(root: etree._Element) -> None:
    """Move React's streamed parts into their places, as its scripts do in a browser; the
    article of a streamed page is otherwise a hidden div (dropped) and a 'Loading…' fallback.
    Cost: one look at each script's text and each element's id, on pages that stream only."""
    calls: list[tuple[str, str]] = []  # (slot id, part id), in the order the scripts run
    for script in root.iter("script"):
        code = script.text
        if code and "$R" in code:
            for kind, first, second in _STREAM_CALL_RE.findall(code):
                calls.append((first, second) if kind == "C" else (second, first))
    if calls:
        wanted = {i for call in calls for i in call}
        by_id = {el.get("id"): el for el in root.iter() if isinstance(el.tag, str) and el.get("id") in wanted}
    else:  # a saved page without its scripts: React pairs a part with the slot of its number
        by_id = {el.get("id"): el for el in root.iter("div", "template") if _STREAM_ID_RE.match(el.get("id") or "")}
        calls = [(slot, part) for part in by_id if part[0] == "S" and by_id[part].get("hidden") is not None
                 for slot in ("B" + part[1:], "P" + part[1:]) if slot in by_id]
    for slot_id, part_id in calls:
        slot, part = by_id.get(slot_id), by_id.get(part_id)
        if slot is None or part is None or slot.getparent() is None or part.getparent() is None:
            continue
        if any(a is part for a in slot.iterancestors()):
            continue  # a slot inside its own part: nothing to move
        _detach(part)
        parent = slot.getparent()
        at = parent.index(slot)
        _add_text_before(parent, at, part.text)
        for offset, child in enumerate(list(part)):
            parent.insert(at + offset, child)  # (a moved element takes its tail along)
        _drop_fallback(slot)
        _detach(slot)


# What a streamed fallback says while its part loads ('Loading paragraph...'), when the page
# was saved without the comments that mark where the fallback ends.
_LOADING_RE = re.compile(r"^\W*(?:loading|wird geladen|chargement|cargando|読み込み中|加载中)\b", re.IGNORECASE)
FALLBACK_MAX_CHARS = 80


def _drop_fallback(slot: etree._Element) -> None:
    """Remove what React showed in a slot's place until its part arrived (its scripts do the
    same): the nodes after the slot up to the boundary's end marker ``<!--/$-->``; without the
    marker (a page saved without comments), the next element when it is a short 'Loading…'
    line.  Cost: a look at the slot's next few siblings."""
    between: list[etree._Element] = []
    for sib in slot.itersiblings():
        if sib.tag is etree.Comment:
            marker = (sib.text or "").strip()
            if marker == "/$":
                for node in between:
                    _detach(node)
                return
            if marker.startswith("$"):
                break  # the next boundary opens: this one's end is not marked
        elif len(between) >= 3:
            break
        else:
            between.append(sib)
    nxt = slot.getnext()
    if nxt is None or not isinstance(nxt.tag, str) or nxt.tag == "template":
        return
    text = " ".join("".join(nxt.itertext()).split())
    if len(text) <= FALLBACK_MAX_CHARS and _LOADING_RE.match(text):
        _detach(nxt)


def _detach(el: etree._Element) -> None:
    """Take `el` out of its parent, leaving its tail text where it was."""
    parent = el.getparent()
    _add_text_before(parent, parent.index(el), el.tail)
    el.tail = None
    parent.remove(el)


def _add_text_before(parent: etree._Element, index: int, text: str | None) -> None:
    """Append `text` to what precedes child `index` of `parent` (the previous tail or its text)."""
    if not text:
        return
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        prev = parent[index - 1]
        prev.tail = (prev.tail or "") + text


# Elements that belong in <head>; any other element there starts the body in a browser.
_HEAD_TAGS = frozenset({"title", "meta", "link", "script", "style", "base", "noscript", "template", "object"})


def _body_from_head(root: etree._Element) -> etree._Element:
    """Move a body that libxml2 left inside <head> into the empty <body>.

    An unknown element in the head (``<head><title>…</title><mbox>…``) makes libxml2 keep
    the whole page under <head>; a browser ends the head there and shows the rest as the
    body.  Only done when the body is empty.  Cost: a look at the root's children.
    """
    head, body = root.find("head"), root.find("body")
    if head is None or body is None or len(body) or (body.text or "").strip():
        return root
    start = next((i for i, el in enumerate(head) if isinstance(el.tag, str) and el.tag not in _HEAD_TAGS), None)
    if start is not None:
        body.extend(head[start:])
    return root


def _cap_nesting(text: str, limit: int) -> str:
    """Drop start/end tags of runaway nesting; keep all text.

    Past `limit` open elements, a start tag whose name is already open (the
    repeated unclosed <div>/<b>) is dropped; others may nest up to `limit + 50`.
    A rough tokenizer (comments, raw-text and void elements, a few implied end
    tags) that over-estimates depth rather than under-estimating it.
    Cost: one regex scan plus O(limit) list work per end tag; searching only up
    to the last ">" and remembering never-closed raw-text elements keeps regex
    attempts from rescanning the tail (no quadratic inputs).
    """
    out: list[str] = []
    stack: list[str] = []
    opened: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    unclosed_raw: set[str] = set()

    def pop_to(index: int) -> None:
        opened.subtract(stack[index:])
        del stack[index:]

    pos, stop = 0, text.rfind(">") + 1
    while (match := _TOKEN.search(text, pos, stop)) is not None:
        end, name = match.end(), (match.group(2) or "").lower()
        keep = True
        if not name or name in _VOID:
            pass
        elif match.group(1):  # end tag: dropped (innermost) elements close first
            if dropped[name]:
                dropped[name] -= 1
                keep = False
            elif opened[name]:
                pop_to(len(stack) - 1 - stack[::-1].index(name))
                dropped.clear()
        else:
            while stack and ((stack[-1] == "p" and name in _CLOSES_P)
                             or (stack[-1] == name and name in _SIBLING_CLOSES)):
                pop_to(len(stack) - 1)
            depth = len(stack)
            if depth >= limit + 50 or (depth >= limit and opened[name]):
                dropped[name] += 1
                keep = False
            else:
                stack.append(name)
                opened[name] += 1
                if name in _RAW_TEXT_TOKENS and name not in unclosed_raw:
                    raw = _RAW_END[name].search(text, end)
                    if raw is None:
                        unclosed_raw.add(name)
                    else:
                        pop_to(len(stack) - 1)
                        end = raw.end()
        out.append(text[pos:end] if keep else
                   text[pos:match.start()] + ("" if name in _INLINE else "\n"))
        pos = end
    out.append(text[pos:])
    return "".join(out)


@functools.lru_cache(maxsize=8)
def _too_deep_xpath(max_depth: int) -> str:
    """XPath selecting elements at depth `max_depth` (root = 0) that have child elements."""
    return "/".join(["*"] * max_depth) + "[*]"


def _limit_depth(root: etree._Element, max_depth: int) -> None:
    """Flatten subtrees below `max_depth` (root = depth 0) into their ancestor's text.

    Cost: one XPath evaluation in C (O(n)); Python work only for offenders.
    """
    if max_depth < 1:
        max_depth = 1
    for node in cast("list[etree._Element]", root.xpath(_too_deep_xpath(max_depth))):
        etree.strip_elements(node, "script", "style", with_tail=False)
        node.text = "".join(cast("list[str]", list(node.itertext())))
        del node[:]


def _limit_elements(root: etree._Element, max_elements: int) -> None:
    """Drop every element after the first `max_elements` in document order.

    Cost: an XPath count in C (O(n)); the cut itself is O(depth + siblings).
    """
    max_elements = max(max_elements, 1)
    if cast(float, root.xpath("count(descendant-or-self::*)")) <= max_elements:
        return
    found = cast("list[etree._Element]", root.xpath(f"(descendant-or-self::*)[{max_elements + 1}]"))
    cut = found[0]
    parent = cast(etree._Element, cut.getparent())  # cut is not root: max_elements >= 1
    del parent[parent.index(cut):]
    while parent is not root and (grand := parent.getparent()) is not None:
        del grand[grand.index(parent) + 1:]
        parent = grand


_PARSER_DEPTH = _parser_depth()

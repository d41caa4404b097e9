"""`clean()`: the pipeline of one page.  Orchestration only; heuristics live in the modules.

    load (decode + parse, or copy the caller's tree) → metadata → strip non-content tags
    → find the article's markers → page rules → select the body → render blocks (structural
    rules) → trim the ends (headline, bylines, share lines) → judge: article, stub,
    listing or error page (a short post the scorer missed is found by the page's declared summary) → Article
"""

from __future__ import annotations

import functools
from typing import Any

from lxml.html import HtmlElement

from ._comments import comment_text
from ._misdecoded import repair_misdecoded
from .article import Article, Block, Removal
from .declared import is_declared_summary, summary_candidates
from .decode import decode
from .errorpage import judge_error_page
from .errors import InputError, InputTooLarge
from .measure import Measure, element_text
from .metadata import Metadata, extract_metadata, settle_lang
from .options import Options
from .parse import parse_html, strip_non_content, to_root
from .rules import PageFacts, active_rules, apply_rules
from .listing import listing_reason, stands_as_article
from .lead import find_lead
from .markers import page_markers
from .select import Verdict, judge_article, select_body
from .serialize import render_blocks
from .text import weight
from .trim import trim_blocks

__all__ = ["clean"]


def clean(data: Any, url: str | None = None, *, content_type: str | None = None,
          options: Options | None = None, **overrides: Any) -> Article:
    """Extract the article body and metadata of one page.

    Args:
        data: the page as `bytes` (decoded like a browser: BOM, `content_type` charset,
            `<meta charset>`, then detection), `str` (re-read from its bytes when it is a
            UTF-8 or CJK page read as Latin-1, see `_misdecoded`), an lxml element or tree, or a
            BeautifulSoup object.  The caller's object is never modified.
        url: the page URL, used to resolve relative links and reported on the `Article`.
        content_type: the HTTP Content-Type header value, for its charset.
        options: an `Options`; keyword `overrides` (e.g. ``include_comments=True``) are
            applied on top and checked against its fields (unknown names raise `TypeError`).

    Returns an `Article`; a page without an article body gets ``is_article=False``, empty
    text and a `reason`.  Raises `InputTooLarge` past `Options.max_input_bytes` and
    `InputError` for objects that are not a page.  Thread-safe: no shared mutable state.
    Cost: about one lxml parse plus a few passes over the tree (a few ms for 170 KB).
    """
    opts = options or Options()
    if overrides:
        opts = opts.replace(**overrides)
    root = _load(data, content_type, opts)
    meta = extract_metadata(root, url)
    strip_non_content(root)
    body = root.find("body")
    if body is None:
        body = root
    return _extract(body, meta, url, opts)


def _load(data: Any, content_type: str | None, opts: Options) -> HtmlElement:
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        _check_size(len(raw), opts)
        text = decode(raw, content_type).text
    elif isinstance(data, str):
        _check_size(len(data), opts)
        text = repair_misdecoded(data)
    else:
        try:
            return to_root(data, max_depth=opts.max_depth, max_elements=opts.max_elements)
        except TypeError as exc:
            raise InputError(f"cannot read a page from {type(data).__name__}") from exc
    return parse_html(text, max_depth=opts.max_depth, max_elements=opts.max_elements)


def _render(nodes: list[HtmlElement], meta: Metadata, opts: Options, measure: Measure, facts: PageFacts,
            removed: list[Removal], url: str | None) -> list[Block]:
    """Selected nodes → body blocks: structural rules, then the ends trimmed (removals logged)."""
    blocks, structural = render_blocks(nodes, measure=measure, include_tables=opts.include_tables,
                                       disabled_rules=opts.disabled_rules, keep=facts.protected, base_url=url,
                                       include_links=opts.include_links, include_images=opts.include_images,
                                       include_formatting=opts.include_formatting)
    removed.extend(structural)
    blocks, trimmed = trim_blocks(blocks, meta.title, disabled=opts.disabled_rules, authors=meta.authors)
    removed.extend(trimmed)
    return blocks


def _short_post(body: HtmlElement, summary: str, meta: Metadata, opts: Options, measure: Measure,
                facts: PageFacts, url: str | None) -> tuple[list[Block], Verdict] | None:
    """A short post the scorer missed: the element whose rendered text is the declared summary."""
    for candidate in summary_candidates(body, summary):
        blocks = _render([candidate], meta, opts, measure, facts, [], url)
        if blocks and is_declared_summary(blocks, summary):
            return blocks, Verdict(True, "")
    return None


def _check_size(size: int, opts: Options) -> None:
    if size > opts.max_input_bytes:
        raise InputTooLarge(
            f"input too large: {size / 1e6:.1f} MB > {opts.max_input_bytes / 1e6:.1f} MB limit")


def _extract(body: HtmlElement, meta: Metadata, url: str | None, opts: Options) -> Article:
    page_measure = Measure()
    protected, center = page_markers(body, meta.title)
    facts = PageFacts(body_chars=page_measure.chars(body), protected=protected, measure=page_measure,
                      prose_center=center)
    # With include_comments the removed comment threads are kept aside for `Article.comments`.
    detached: list[tuple[str, HtmlElement]] | None = [] if opts.include_comments else None
    removed = apply_rules(body, active_rules(opts.disabled_rules), facts, detached=detached)
    measure = Measure()  # sizes changed with the removals: measure afresh
    selection = select_body(body, measure)
    lead = find_lead(selection.nodes, measure)
    nodes = (lead, *selection.nodes) if lead is not None else selection.nodes
    page_rule_removals = len(removed)
    blocks = _render(list(nodes), meta, opts, measure, facts, removed, url)
    summary = meta.description if meta.declares_article else None

    @functools.cache
    def page_weight() -> float:  # a read of the whole page: only for short or missing bodies
        return weight(element_text(body))

    if not blocks and page_weight() < opts.min_body_chars:
        # Nothing scored on a near-empty page (a few words, or lines inside one link): what is
        # left after the rules is all the page says; `judge_article` weighs it as a tiny page.
        # The second rendering's removals replace the first's (which saw part of the same page).
        del removed[page_rule_removals:]
        blocks = _render([body], meta, opts, measure, facts, removed, url)
    verdict = judge_article(blocks, page_weight=page_weight, min_chars=opts.min_body_chars, declared_summary=summary)
    if not verdict.is_article and summary:
        blocks, verdict = _short_post(body, summary, meta, opts, measure, facts, url) or (blocks, verdict)
    # The page's metadata says 'article' (og:type with a date or author, or a JSON-LD article type).
    stands = stands_as_article(meta.declares_article, meta.json_ld_types, meta.published is not None, bool(meta.authors))
    if verdict.is_article and (why := listing_reason(selection.nodes, blocks, measure, body, removed, url=url,
                                                     json_ld_types=meta.json_ld_types,
                                                     declares_article=meta.declares_article, stands=stands)):
        verdict = Verdict(False, why, page_type="listing")
    if verdict.is_article and (why := judge_error_page(blocks, meta.title)):
        verdict = Verdict(False, why)
    text = "\n".join(b.text for b in blocks) if verdict.is_article else ""
    meta = meta.without_page_text() if verdict.page_type == "listing" else meta
    return Article(
        text=text,
        title=meta.title,
        is_article=verdict.is_article,
        reason=verdict.reason,
        removed=tuple(removed),
        blocks=tuple(blocks) if verdict.is_article else (),
        url=url,
        canonical_url=meta.canonical_url,
        authors=meta.authors,
        published=meta.published,
        modified=meta.modified,
        site_name=meta.site_name,
        lang=settle_lang(meta.lang, text or f"{meta.title or ''} {meta.description or ''}"),
        description=meta.description,
        image=meta.image,
        tags=meta.tags,
        categories=meta.categories,
        page_type="article" if verdict.is_article else verdict.page_type,
        comments=comment_text([el for rule, el in detached if rule == "comments"]) if detached else None,
    )

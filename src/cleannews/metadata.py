"""Page metadata: title, language, site name, description, canonical URL, lead image.

Sources in order of trust: JSON-LD, OpenGraph/Twitter, `<meta>`, then the visible page.
Cost: a handful of XPath lookups in `<head>` plus one scan of the `<h1>` elements.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml.html import HtmlElement

from .measure import element_text
from .text import collapse_space

__all__ = ["Metadata", "extract_metadata", "strip_site_suffix"]

_SEPARATORS_RE = re.compile(r"\s+[-|–—:·»/]\s+|\s*[｜|]\s*|\s*::\s*|\s+-{2,}\s+")


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    site_name: str | None = None
    lang: str | None = None
    description: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    og_type: str | None = None
    json_ld_types: tuple[str, ...] = ()


def _meta(root: HtmlElement) -> dict[str, str]:
    """`<meta property|name|itemprop=... content=...>` as a dict, first occurrence wins."""
    out: dict[str, str] = {}
    for m in root.iter("meta"):
        key = m.get("property") or m.get("name") or m.get("itemprop")
        content = m.get("content")
        if key and content and key.lower() not in out:
            out[key.lower()] = collapse_space(content)
    return out


def _json_ld(root: HtmlElement) -> list[dict]:
    """Every JSON-LD object on the page (`@graph` arrays flattened); broken JSON is skipped."""
    found: list[dict] = []
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return found


def strip_site_suffix(title: str, site_name: str | None = None) -> str:
    """'Headline - Site' / 'Headline｜サイト' → 'Headline' (the longest part is the headline)."""
    parts = [p for p in _SEPARATORS_RE.split(title) if p.strip()]
    if len(parts) <= 1:
        return title.strip()
    if site_name:
        kept = [p for p in parts if collapse_space(p).casefold() != site_name.casefold()]
        if len(kept) == 1:
            return kept[0].strip()
    return max(parts, key=len).strip()


def _pick_title(root: HtmlElement, meta: dict[str, str], ld: list[dict], site: str | None) -> str | None:
    head_title = collapse_space(root.findtext(".//title") or "")
    og = meta.get("og:title") or meta.get("twitter:title") or ""
    ld_title = next((collapse_space(str(d["headline"])) for d in ld if isinstance(d.get("headline"), str)), "")
    references = [t for t in (ld_title, og, head_title) if t]
    for h1 in root.iter("h1"):
        text = collapse_space(element_text(h1))
        # The headline, not the site's logo: it must cover most of a reference title.
        if len(text) >= 4 and any(ref in text or (text in ref and len(text) >= 0.5 * len(strip_site_suffix(ref, site)))
                                  for ref in references):
            return text
    if ld_title:
        return ld_title
    if og:
        return strip_site_suffix(og, site) if site else og
    return strip_site_suffix(head_title, site) if head_title else None


def extract_metadata(root: HtmlElement, url: str | None = None) -> Metadata:
    """Read the page's metadata.  Never raises; missing fields are None."""
    meta = _meta(root)
    ld = _json_ld(root)
    site = meta.get("og:site_name") or meta.get("application-name")
    canonical = None
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            canonical = urljoin(url or "", link.get("href").strip())
            break
    image = meta.get("og:image") or meta.get("twitter:image")
    types = tuple(str(d.get("@type")) for d in ld if d.get("@type"))
    return Metadata(
        title=_pick_title(root, meta, ld, site),
        site_name=site,
        lang=(root.get("lang") or meta.get("og:locale") or meta.get("content-language") or None),
        description=meta.get("description") or meta.get("og:description"),
        canonical_url=canonical,
        image=urljoin(url or "", image) if image else None,
        og_type=meta.get("og:type"),
        json_ld_types=types,
    )

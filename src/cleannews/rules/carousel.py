"""Photo-news carousels, sliders and teaser grids.

Removes: elements named carousel/slider/swiper/slick/photo-news, blocks titled
'フォトニュース', 'Photos', 'Videos', '图片新闻' over links, and numbered slideshows (slides
counted '1/50', '2/50', … or '1 of 9', whatever their class names) on a page with prose
of its own besides them.
Keeps: a single in-body figure with its caption; a slideshow whose slides carry captions of
their own (little of its text in links); a page that is nothing but its slideshow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from ._base import AttributeRule, ElementView, Match, PageFacts
from ._widgets import TextBlock, TitledWidget

__all__ = ["CAROUSEL", "CAROUSEL_TITLED", "NUMBERED_SLIDES", "SLIDESHOW", "TEASER_CARDS"]

CAROUSEL = AttributeRule(
    name="carousel",
    description="photo carousels and sliders (class 'carousel', 'slider', 'swiper', 'photo-news')",
    words=("carousel*", "slider*", "swiper*", "slick*", "owl*", "glide*", "flickity*",
           "photonews", "photo news", "photo list", "photolist", "gallery list", "video list", "thumb list",
           "thumblist"),
    max_share=0.3,
)

# A slideshow whose slides carry captions of their own (little of its text in links) is the
# article's photo story ('In this photo dated Tuesday, the rocket…'); a strip of linked
# teasers is not.  (Sliders and swipers are interface parts: carousels of teasers, testimonials.)
SLIDESHOW = AttributeRule(
    name="carousel",
    description="slideshows of linked teasers (class 'slideshow'; captioned photo slideshows stay)",
    words=("slideshow*",),
    max_share=0.3,
    min_link_density=0.15,
)

# 'teaser' also names an article's own lead paragraph on many (German) sites: only a teaser
# that links somewhere is a card.
TEASER_CARDS = AttributeRule(
    name="carousel",
    description="teaser cards and grids that link to other stories (class 'teaser', 'cards', 'tiles')",
    words=("teaser*", "card list", "cards", "tiles", "grid list"),
    max_share=0.3,
    require_links=True,
)

CAROUSEL_TITLED = TitledWidget(
    name="carousel",
    description="photo/video strips titled 'フォトニュース', 'Photos', '图片' over links",
    phrases=("フォトニュース", "写真ニュース", "動画ニュース", "フォトギャラリー", "photo news", "in pictures",
             "photos", "videos", "watch", "图片新闻", "视频", "图集"),
)


# A slide counter: '1/50', '1 / 9', '1 of 9', '1 von 9', '1 de 9' (the first slide's).
_OF = r"\s*(?:/|of|von|de|sur|di|／)\s*"  # the '/' or 'of' between a slide's number and the count
_COUNTER = rf"^(1){_OF}(\d{{1,3}})$"
_ANY_COUNTER = re.compile(rf"^\s*(\d{{1,3}}){_OF}(\d{{1,3}})(?!\d)")
SLIDES_MIN = 3  # counted slides in a row (1/N, 2/N, 3/N)
SLIDES_LEVELS = 4  # levels from the counter up to one slide
SLIDES_MIN_OTHER_CHARS = 1000  # prose the page has besides the slideshow


@dataclass(frozen=True, eq=False)
class NumberedSlides(TextBlock):
    """A slideshow found by its counters: the first slide's '1/N' label, and the slides that
    follow it labelled '2/N', '3/N' (siblings of that slide).  The whole row of slides goes,
    unless it is most of what the page says.  Cost: a regex on blocks holding '/' or ' of ';
    for a '1/N' label, a look at the first text of a few following siblings per level."""

    def widen(self, view: ElementView, facts: PageFacts, found: str) -> Match | None:  # type: ignore[override]
        total = _ANY_COUNTER.match(found)
        if total is None:
            return None
        slide = view.el
        for _ in range(SLIDES_LEVELS):
            row = slide.getparent()
            if row is None or row.tag in ("body", "html"):
                return None
            if _counted(slide, total.group(2)):
                if facts.body_chars - facts.measure.chars(row) < SLIDES_MIN_OTHER_CHARS:
                    return None
                return Match((row,), f"numbered slides '{found}'")
            slide = row
        return None


def _counted(slide: HtmlElement, of: str) -> bool:
    """The slides after `slide` start with the counters 2/N, 3/N …"""
    expected = 2
    for sibling in slide.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        first = next((t for t in sibling.itertext() if t.strip()), "")
        counter = _ANY_COUNTER.match(first)
        if counter is None or counter.group(1) != str(expected) or counter.group(2) != of:
            return False
        expected += 1
        if expected > SLIDES_MIN:
            return True
    return False


NUMBERED_SLIDES = NumberedSlides(
    name="carousel",
    description="slideshows whose slides are counted '1/50', '2/50', … ('1 of 9')",
    patterns=[_COUNTER],
    keys=("/", " of ", " von ", " de ", " sur ", " di ", "／"),
    max_chars=12,
    max_share=1.0,
)

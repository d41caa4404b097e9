"""Photo-news carousels, sliders and teaser grids.

Removes: elements named carousel/slider/swiper/slick/photo-news, and blocks titled
'フォトニュース', 'Photos', 'Videos', '图片新闻' over links.
Keeps: a single in-body figure with its caption.
"""

from __future__ import annotations

from ._base import AttributeRule
from ._widgets import TitledWidget

__all__ = ["CAROUSEL", "CAROUSEL_TITLED", "TEASER_CARDS"]

CAROUSEL = AttributeRule(
    name="carousel",
    description="photo carousels and sliders (class 'carousel', 'slider', 'swiper', 'photo-news')",
    words=("carousel*", "slider*", "slideshow*", "swiper*", "slick*", "owl*", "glide*", "flickity*",
           "photonews", "photo news", "photo list", "photolist", "gallery list", "video list", "thumb list",
           "thumblist"),
    max_share=0.3,
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

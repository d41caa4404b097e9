"""Navigation: skip links, global menus, breadcrumbs, pagers and site headers/footers.

Removes: ``<nav>``, role=navigation/menubar, ``class="gnav"``/``breadcrumb``/``topicpath``,
'メインコンテンツへスキップ' / 'Skip to content' links, the site ``<footer>`` and copyright lines.
Keeps: the article's own header (headline, byline) when it contains the headline.
"""

from __future__ import annotations

from ._base import AttributeRule
from ._widgets import TextBlock

__all__ = ["FOOTER", "NAVIGATION", "SKIP_LINKS"]

SKIP_LINKS = TextBlock(
    name="skip_links",
    description="skip links ('メインコンテンツへスキップ', 'Skip to content')",
    patterns=[
        r"^(?:メイン)?(?:コンテンツ|本文|メニュー|メインメニュー)へ(?:スキップ|移動|ジャンプ)",
        r"^skip (?:to|navigation)",
        r"^(?:跳到|跳转到|跳過|跳过)(?:主要)?(?:内容|正文|導覽)",
        r"^(?:zum inhalt|aller au contenu|saltar al contenido)",
    ],
    keys=("スキップ", "移動", "ジャンプ", "skip", "跳", "inhalt", "contenu", "contenido"),
    max_chars=120,
)

NAVIGATION = AttributeRule(
    name="navigation",
    description="menus, breadcrumbs and pagers (<nav>, role=navigation, class 'gnav', 'breadcrumb')",
    tags=("nav", "menu"),
    roles=("navigation", "menubar", "menu", "tablist", "search", "banner"),
    words=(
        "nav", "navi*", "navbar*", "gnav*", "lnav*", "snav*", "subnav*", "globalnav*", "menu*", "megamenu",
        "breadcrumb*", "breadcrumbs", "crumbs", "topicpath", "pankuzu", "skip*",
        "pager", "pagination", "paging", "pagenav", "masthead", "toolbar", "search", "searchform", "searchbox",
        "search form", "search box", "site search",
        "jump", "jumplink*", "site header", "global header", "gheader", "header nav", "^tab", "^tabs", "tablist",
    ),
)

FOOTER = AttributeRule(
    name="footer",
    description="site and article footers, copyright lines (<footer>, role=contentinfo)",
    tags=("footer",),
    roles=("contentinfo",),
    words=("footer*", "foot", "copyright*", "site info", "siteinfo", "colophon"),
)

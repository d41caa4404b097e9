"""Navigation: skip links, global menus, breadcrumbs, pagers and site headers/footers.

Removes: ``<nav>``, role=navigation/menubar, ``class="gnav"``/``breadcrumb``/``topicpath``,
'メインコンテンツへスキップ' / 'Skip to content' links, the site ``<footer>`` and copyright lines.
Keeps: the article's own header (headline, byline) when it contains the headline.
"""

from __future__ import annotations

from ._base import AttributeRule
from ._widgets import TextBlock

__all__ = ["FOOTER", "NAVIGATION", "SKIP_LINKS", "UI_LABELS"]

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
        "breadcrumb*", "breadcrumbs", "crumbs", "topicpath", "pankuzu",
        "skip link*", "skiplink*", "skip to*", "skipto*", "skip nav*", "skipnav*", "skip main*", "skip content",
        "pager", "pagination", "paging", "pagenav", "masthead", "toolbar", "search", "searchform", "searchbox",
        "search form", "search box", "site search",
        "jump menu*", "jump nav*", "jump to*", "jump links", "jump link menu*", "jump link nav*", "jumplink*",
        "site header", "global header", "gheader", "header nav", "tablist",
    ),
)

FOOTER = AttributeRule(
    name="footer",
    description="site and article footers, copyright lines (<footer>, role=contentinfo)",
    tags=("footer",),
    roles=("contentinfo",),
    words=("footer*", "foot", "copyright*", "site info", "siteinfo", "colophon"),
)

# Labels of page controls that end up as lines of text: print, back-to-list, sort, show/hide.
UI_LABELS = TextBlock(
    name="navigation",
    description="labels of page controls ('zurück zur Listenansicht', 'Sorted by:', 'Rezept drucken', 'Back to top')",
    patterns=(
        r"^(?:zurück(?: zur (?:übersicht|listenansicht|startseite))?|back to (?:top|list|overview)|nach oben|"
        r"sorted by:?|sort by:?|sortieren nach:?|(?:rezept |artikel |seite )?drucken|print(?: this)?(?: page| article| recipe)?|"
        r"drukuj|imprimir|imprimer|bild (?:anzeigen|schließen)(?: bild (?:anzeigen|schließen))?|quellen (?:ausblenden|anzeigen)|"
        r"show (?:more|less)|mehr anzeigen|weniger anzeigen|ページの先頭へ|ページトップへ|トップへ戻る|返回顶部)\s*[:.]?$",
        r"(?:hier können sie den (?:artikel|beitrag) bewerten|wie bewerten sie diese[nr]? (?:artikel|beitrag|seite)|"
        r"rate this (?:article|post|story)|(?:noch )?keine bewertungen|この記事を評価)",
        r"^(?:was this (?:article|page|post) (?:helpful|useful)|war (?:der|dieser) (?:artikel|beitrag) "
        r"(?:hilfreich|nützlich)|(?:pin|save) (?:this|it) for later|article continues below|table of contents|"
        r"inhaltsverzeichnis|contents|inhalt|目次|目录)\s*[?!:.]?$",
    ),
    keys=("zurück", "back", "nach oben", "sort", "drucken", "print", "drukuj", "imprim", "bild", "quellen", "show",
          "mehr anzeigen", "weniger", "ページ", "トップ", "返回", "bewert", "rate this", "評価",
          "was this", "war der", "war dieser", "pin", "save", "article continues", "contents", "inhalt", "目次", "目录"),
    max_chars=80,
)

"""Page furniture around the body: sidebars, widgets, tag lists and author boxes.

Removes: ``<aside>``, role=complementary, elements named sidebar/widget/tags/author-box (or by an
author-box plugin: saboxplugin, abh_box, author card, contributor box),
short blocks under a 'タグ'/'Tags'/'标签' or 'この記事を書いた人'/'About the author' title, and a short
author box that ends in 'View all posts by …' / 'Zeige alle Beiträge von …'.
Keeps: a byline inside the article's own header, and a page builder's block of the article
named like a widget ('widget-span', 'so-panel widget') inside <main>/<article> (see `WIDGETS`).
"""

from __future__ import annotations

from ._base import AttributeRule
from ._widgets import TextBlock, TitledWidget

__all__ = ["AUTHOR_LINK", "AUTHOR_TITLED", "SIDEBAR", "TAGS", "TAGS_TITLED", "WIDGETS"]

SIDEBAR = AttributeRule(
    name="sidebar",
    description="sidebars (<aside>, role=complementary, class 'sidebar', 'right-rail')",
    tags=("aside",),
    roles=("complementary", "dialog", "alertdialog"),
    words=("sidebar*", "^side", "sidenav", "sidebox", "sidecolumn", "side column", "^rail", "right rail",
           "rightcol*", "right column", "subcolumn", "sub column",
           "^secondary", "module list"),
    max_share=0.4,
)

# Blocks named 'widget' ('widget_text', 'widget-span'), asked after `SIDEBAR`, under the same
# name.  A page builder names the article's own blocks so: one inside <main>/<article> that
# holds a tenth of the page's text as prose is kept.
WIDGETS = AttributeRule(
    name="sidebar",
    description="widgets (class 'widget*'), but not the article's own page-builder blocks",
    words=("^widget*",),
    max_share=0.4,
    article_block_share=0.1,
)

TAGS = AttributeRule(
    name="tags",
    description="tag lists and author boxes (class 'tags', 'tag-list', 'author-box', 'byline')",
    words=("^tag", "tags", "taglist", "tag list", "tagcloud", "tag cloud", "keywords", "keyword list", "topics list",
           "post tags", "entry tags", "categories", "category list", "author box", "authorbox", "author bio",
           "authorbio", "about author", "about the author", "author info", "author profile", "profile box",
           "author detail", "author card", "author description", "post author", "saboxplugin*", "abh box",
           "contributor bio", "contributor box", "contributorshortbio", "contributorwrapper",
           "byline", "bylines", "^meta", "post meta", "entry meta", "article meta", "dateline", "timestamp", "^date",
           "^published", "^updated", "posted on", "share tools"),
    max_share=0.2,
)

TAGS_TITLED = TitledWidget(
    name="tags",
    description="tag lists titled 'タグ', 'Tags', 'Topics', '标签' over links",
    phrases=("タグ", "キーワード", "tags", "topics", "filed under", "categories", "标签", "關鍵字", "关键词",
             "schlagworte", "themen"),
)

AUTHOR_TITLED = TitledWidget(
    name="author_box",
    description="author boxes titled 'この記事を書いた人', 'About the author'",
    phrases=("この記事を書いた人", "著者プロフィール", "筆者プロフィール", "プロフィール", "about the author",
             "about the authors", "about the writer", "about the contributor", "about the reviewer", "meet the author",
             "meet the authors", "the author", "author", "作者简介", "关于作者", "über den autor", "über die autorin", "zum autor",
             "zur autorin", "à propos de l'auteur", "sobre el autor", "sobre la autora", "sobre o autor",
             "sull'autore", "o autorze"),
    follow_all=True,
    max_share=0.3,
)

# The link a blog theme puts under the author's bio: the bio block it closes goes with it.
AUTHOR_LINK = TextBlock(
    name="author_box",
    description="author boxes closed by 'View all posts by …' / 'Zeige alle Beiträge von …'",
    patterns=(
        r"\b(?:view|see|show) all (?:posts|articles|stories) by\b|\bmore (?:posts|articles) by\b|"
        r"\bzeige alle beiträge von\b|\balle (?:beiträge|artikel) von\b[^.!?]{1,40}\banzeigen\b|"
        r"\bvoir tous les (?:articles|billets) de\b|\bver todas las (?:entradas|publicaciones) de\b|"
        r"\bvedi tutti gli articoli di\b|\bzobacz wszystkie wpisy\b",
    ),
    keys=("view all", "see all", "show all", "more posts", "more articles", "zeige alle", "alle beiträge",
          "alle artikel", "voir tous", "ver todas", "vedi tutti", "zobacz wszystkie"),
    max_chars=300,
    max_share=0.2,
)

"""Ranking widgets: 'most read' lists, recognised by their heading as well as their class.

Removes: a heading such as 'アクセスランキング', '[IT・テック] ランキング', '人気記事',
'Most read', 'Trending', '热门' or '排行' over a numbered list of links, and any element
named 'ranking', 'popular' or 'most-read'.
Keeps: an in-body subheading that mentions ranking above prose paragraphs, and a section
named 'ranking' that is prose (200+ characters, under 10% in links: the entries of a ranked
review, '#1 Squarespace … why it made the list').
"""

from __future__ import annotations

from ._base import AttributeRule
from ._widgets import TitledWidget

__all__ = ["RANKING", "RANKING_BY_CLASS"]

RANKING_PHRASES = (
    "ランキング", "アクセスランキング", "人気記事", "人気の記事", "人気ニュース", "よく読まれている",
    "よく読まれた", "読まれている記事", "最も読まれた", "話題", "注目", "急上昇", "トレンド",
    "most read", "most popular", "most viewed", "most shared", "most commented", "popular",
    "trending", "top stories", "top articles", "hot topics", "what's hot",
    "排行", "热门", "熱門", "热点", "热读", "点击排行",
    "meistgelesen", "am meisten gelesen", "beliebteste", "les plus lus", "lo más leído", "najczęściej",
)

RANKING = TitledWidget(
    name="ranking",
    description="ranking widgets titled 'アクセスランキング', 'Most read', '热门', … over links",
    phrases=RANKING_PHRASES,
)

RANKING_BY_CLASS = AttributeRule(
    name="ranking",
    description="elements named ranking/popular/most-read/trending",
    words=("ranking*", "rank", "ranks", "popular*", "mostread*", "most read", "most popular", "most viewed",
           "trending*", "hot news", "hotnews", "hot topics", "hotlist"),
    min_link_density=0.1,  # a ranked review ('#1 Squarespace: why it made the list') is the article
)

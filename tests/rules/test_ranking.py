"""`cleannews.rules.ranking`: 'most read' widgets go, in-body prose about rankings stays."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.rules import ranking

# (id, lang, where, snippet, text the removal's excerpt starts with)
REMOVES = [
    ("ranking", "ja", "inside", '<div class="box"><h2>ランキング</h2><ol>{JL}</ol></div>', "ランキング"),
    ("access-ranking", "ja", "inside", '<div class="box"><h2>アクセスランキング</h2><ol>{JL}</ol></div>',
     "アクセスランキング"),
    ("bracketed-category", "ja", "inside", '<div class="box"><h3>[IT・テック] ランキング</h3><ol>{JL}</ol></div>',
     "[IT・テック] ランキング"),
    ("ninki-kiji", "ja", "inside", '<section class="mod"><h3>人気記事</h3><ul>{JL}</ul></section>', "人気記事"),
    ("yoku-yomareteiru", "ja", "after", '<section><h2>よく読まれている記事</h2><ol>{JL}</ol></section>',
     "よく読まれている記事"),
    ("wadai", "ja", "inside", '<div class="mod"><div class="section-title">話題</div><ul>{JL}</ul></div>', "話題"),
    ("chumoku", "ja", "inside", '<div class="mod"><h4>注目のニュース</h4><ul>{JL}</ul></div>', "注目のニュース"),
    ("bare-heading-and-list", "ja", "inside", "<h3>人気記事</h3><ol>{JL}</ol>", "人気記事"),
    ("most-read", "en", "inside", '<div class="box"><h2>Most read</h2><ol>{EL}</ol></div>', "Most read"),
    ("most-popular", "en", "inside", '<div class="box"><h2>Most Popular</h2><ol>{EL}</ol></div>', "Most Popular"),
    ("trending", "en", "inside", '<div class="box"><h3>Trending</h3><ul>{EL}</ul></div>', "Trending"),
    ("trending-now", "en", "after", '<section><h3>Trending now</h3><ul>{EL}</ul></section>', "Trending now"),
    ("zh-paihang", "ja", "inside", '<div class="box"><h2>排行</h2><ul>{JL}</ul></div>', "排行"),
    ("zh-remen", "ja", "inside", '<div class="box"><h2>热门文章</h2><ul>{JL}</ul></div>', "热门文章"),
    ("zh-dianji-paihang", "ja", "inside", '<div class="box"><h2>点击排行榜</h2><ul>{JL}</ul></div>', "点击排行榜"),
]


@pytest.mark.parametrize("lang,where,snippet,dropped", [c[1:] for c in REMOVES], ids=[c[0] for c in REMOVES])
def test_removes_titled_ranking_widget(pages, lang, where, snippet, dropped):
    article = pages.clean_snippet(snippet, lang=lang, where=where)
    headlines = pages.JA_HEADLINES if "{JL}" in snippet else pages.EN_HEADLINES
    removal = pages.assert_removed(article, "ranking", dropped, lang=lang, absent=headlines)
    assert dropped in removal.reason  # "heading '…' over a block of links"


@pytest.mark.parametrize("cls", ["ranking", "access-ranking", "rankingBox", "mostRead", "most-read", "popular-posts",
                                 "trending-list", "hotnews"])
def test_removes_element_named_ranking(pages, cls):
    article = pages.clean_snippet(f'<div class="{cls}"><ol>{{EL}}</ol></div>', lang="en", where="inside")
    removal = pages.assert_removed(article, "ranking", pages.EN_HEADLINES[0], lang="en", absent=pages.EN_HEADLINES)
    assert removal.reason.startswith("class/id word")


REVIEW = ("Squarespace suits small businesses that care about design: its templates are polished, hosting and "
          "domains come in one plan, and the built-in shop covers most needs of a first online store.")


def test_keeps_prose_section_named_ranking(pages):
    """The entries of a ranked review ('#1 Squarespace') sit in sections named 'ranking': prose, kept."""
    snippet = (f'<section class="section-ranking-item"><h2>1. Squarespace</h2><p>{REVIEW}</p>'
               f'<p><a href="https://example.com/go">Visit Squarespace</a></p></section>')
    article = pages.clean_snippet(snippet, lang="en", where="inside")
    pages.assert_kept(article, REVIEW, lang="en")
    assert not pages.removals_by(article, "ranking")


def test_short_or_link_dense_ranking_elements_still_go(pages):
    """Under 200 characters, or 10% or more of its text in links, a 'ranking' element is a widget."""
    teaser = f'<div class="ranking"><ol>{{EL}}</ol><p>{REVIEW}</p></div>'
    article = pages.clean_snippet(teaser + '<div class="rank">#1 Compare</div>', lang="en", where="inside")
    pages.assert_removed(article, "ranking", pages.EN_HEADLINES[0], lang="en", absent=(REVIEW, "#1 Compare"))


def test_ranking_widget_inside_the_body_would_otherwise_be_text(pages):
    """Without the rule (and the structural rules) the same widget is part of the text."""
    snippet = '<div class="box"><h2>アクセスランキング</h2><ol>{JL}</ol></div>'
    off = {"ranking", "link_dense", "teaser_list"}
    article = pages.clean_snippet(snippet, where="inside", disabled_rules=off)
    assert "アクセスランキング" in article.text
    assert pages.JA_HEADLINES[0] in article.text
    assert not pages.removals_by(article, "ranking")


def test_disabled_ranking_keeps_the_ranking_widget(pages):
    """With 'ranking' off, no ranking removal is made; a heading over prose-like items stays whole."""
    options = cleannews.Options(disabled_rules={"ranking"})
    snippet = ('<div class="box"><h2>アクセスランキング</h2><ol>'
               + "".join(f"<li>{t}</li>" for t in ("新駅の開業日が決定", "公立高校で入試出願始まる", "老舗旅館が百周年"))
               + "</ol></div>")
    article = pages.clean_snippet(snippet, where="inside", options=options)
    assert not pages.removals_by(article, "ranking")
    assert "アクセスランキング" in article.text
    assert "老舗旅館が百周年" in article.text
    pages.assert_body_kept(article)
    # …and the same page with the rule on loses it, credited to 'ranking'
    on = pages.clean_snippet(snippet.replace("<li>", '<li><a href="/x">').replace("</li>", "</a></li>"),
                             where="inside")
    pages.assert_removed(on, "ranking", "アクセスランキング", absent=("老舗旅館が百周年",))


def test_disabled_ranking_leaves_link_widget_to_structural_rules(pages):
    article = pages.clean_snippet('<div class="box"><h2>アクセスランキング</h2><ol>{JL}</ol></div>', where="inside",
                                  disabled_rules=["ranking"])
    assert not pages.removals_by(article, "ranking")
    assert {r.rule for r in pages.content_removals(article)} <= {"link_dense", "teaser_list"}
    pages.assert_body_kept(article)


def test_disabled_ranking_keeps_named_widget_outside_rule_list(pages):
    options = cleannews.Options(disabled_rules={"ranking"})
    article = pages.clean_snippet('<div class="ranking"><ol>{EL}</ol></div>', lang="en", where="inside",
                                  options=options)
    assert all(r.rule != "ranking" for r in article.removed)


KEEPS = [
    ("ja-subheading-over-prose", "ja",
     "<h2>ランキングの仕組み</h2><p>順位は直近一週間の閲覧数をもとに、同じ利用者による重複を除いて集計している。</p>"
     "<p>集計方法は外部の有識者による検証を受けており、毎月見直しを行っているという。</p>",
     ("ランキングの仕組み", "順位は直近一週間の閲覧数をもとに")),
    ("ja-chumoku-subheading", "ja",
     "<h2>注目集まる深夜便</h2><p>深夜便の利用者は、ここ数年で着実に増えている。市は今後も需要を調べる。</p>",
     ("注目集まる深夜便", "深夜便の利用者は")),
    ("en-popular-subheading", "en",
     "<h2>Popular with night-shift workers</h2><p>Drivers say the last buses are often full of nurses and "
     "kitchen staff, many of whom used to pay for taxis home.</p>",
     ("Popular with night-shift workers", "Drivers say the last buses")),
    ("en-word-in-prose", "en",
     "<p>The most popular route, the 14, will see the biggest change, with buses every twenty minutes "
     "until one in the morning.</p>", ("The most popular route",)),
]


@pytest.mark.parametrize("lang,snippet,kept", [c[1:] for c in KEEPS], ids=[c[0] for c in KEEPS])
def test_keeps_in_body_prose_about_rankings(pages, lang, snippet, kept):
    article = pages.clean_snippet(snippet, lang=lang, where="middle")
    for text in kept:
        pages.assert_kept(article, text, lang=lang)
    assert not pages.removals_by(article, "ranking")


def test_keeps_ranking_subheading_in_reading_order(pages):
    snippet = ("<h2>ランキングの仕組み</h2><p>順位は直近一週間の閲覧数をもとに、同じ利用者による重複を除いて集計している。</p>")
    article = pages.clean_snippet(snippet, where="middle")
    kinds = [(b.kind, b.text[:9]) for b in article.blocks]
    assert ("heading", "ランキングの仕組み") in kinds
    i = kinds.index(("heading", "ランキングの仕組み"))
    assert article.blocks[i + 1].text.startswith("順位は")
    assert article.blocks[i - 1].text == pages.JA_BODY[1]


def test_keeps_wrapped_ranking_subheading_over_prose(pages):
    snippet = ('<div class="c-hd"><h2>ランキングの仕組み</h2></div>'
               "<p>順位は直近一週間の閲覧数をもとに、同じ利用者による重複を除いて集計している。</p>")
    article = pages.clean_snippet(snippet, where="middle")
    pages.assert_kept(article, "ランキングの仕組み")
    assert not pages.removals_by(article, "ranking")


@pytest.mark.parametrize("cls", ["ttl", "title", "heading", "c-hd", "section-title", "box-head"])
def test_removes_widget_whose_heading_is_marked_by_class(pages, cls):
    snippet = f'<div class="mod"><div class="{cls}">話題</div><ul>{{JL}}</ul></div>'
    article = pages.clean_snippet(snippet, where="inside")
    pages.assert_removed(article, "ranking", "話題", absent=pages.JA_HEADLINES)


def test_rule_metadata():
    assert ranking.RANKING.name == ranking.RANKING_BY_CLASS.name == "ranking"
    assert ranking.RANKING.description and ranking.RANKING_BY_CLASS.description
    for phrase in ("ランキング", "アクセスランキング", "人気記事", "よく読まれている", "話題", "注目", "most read",
                   "most popular", "trending", "排行", "热门"):
        assert phrase in ranking.RANKING_PHRASES

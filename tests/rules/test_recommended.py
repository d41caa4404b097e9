"""`cleannews.rules.recommended`: related/recommended lists go, prose that mentions 'related' stays."""

from __future__ import annotations

import pytest

import cleannews

from cleannews.rules import recommended

REMOVES = [
    ("osusume", "ja", "inside", '<div class="box"><h2>おすすめ記事</h2><ul>{JL}</ul></div>', "おすすめ記事"),
    ("kanren-kiji", "ja", "inside", '<div class="box"><h3>関連記事</h3><ul>{JL}</ul></div>', "関連記事"),
    ("konna-kiji", "ja", "after", "<section><h2>こんな記事も読まれています</h2><ul>{JL}</ul></section>",
     "こんな記事も読まれています"),
    ("awasete-yomitai", "ja", "inside", '<div class="box"><h3>あわせて読みたい</h3><ul>{JL}</ul></div>',
     "あわせて読みたい"),
    ("awasete-p-heading", "ja", "inside", '<div class="box"><p class="heading">あわせて読みたい</p><ul>{JL}</ul></div>',
     "あわせて読みたい"),
    ("tsugi-no-kiji", "ja", "inside",
     '<div class="box"><h3>次の記事</h3><a href="/n/2">新駅の開業日が決定、周辺で再開発進む</a></div>', "次の記事"),
    ("recommended", "en", "inside", '<div class="box"><h2>Recommended for you</h2><ul>{EL}</ul></div>',
     "Recommended for you"),
    ("related", "en", "inside", '<div class="box"><h2>Related</h2><ul>{EL}</ul></div>', "Related"),
    ("related-stories", "en", "inside", '<div class="box"><h2>Related stories</h2><ul>{EL}</ul></div>',
     "Related stories"),
    ("you-may-also-like", "en", "inside", '<div class="box"><h2>You may also like</h2><ul>{EL}</ul></div>',
     "You may also like"),
    ("more-from", "en", "inside", '<div class="box"><h2>More from Example News</h2><ul>{EL}</ul></div>',
     "More from Example News"),
    ("read-next", "en", "inside", '<div class="box"><h2>Read next</h2><ul>{EL}</ul></div>', "Read next"),
    ("zh-xiangguan", "ja", "inside", '<div class="box"><h2>相关阅读</h2><ul>{JL}</ul></div>', "相关阅读"),
    ("zh-tuijian", "ja", "inside", '<div class="box"><h2>推荐</h2><ul>{JL}</ul></div>', "推荐"),
    ("bare-heading-and-list", "en", "inside", "<h3>Related</h3><ul>{EL}</ul>", "Related"),
    ("de-dich", "en", "after", '<div class="box"><h2>Das könnte dich auch interessieren</h2><ul>{EL}</ul></div>',
     "Das könnte dich auch interessieren"),
    ("es-notas-relacionadas", "en", "after", '<section><h2>NOTAS RELACIONADAS</h2><ul>{EL}</ul></section>',
     "NOTAS RELACIONADAS"),
    ("en-posts-you-may-enjoy", "en", "after", "<div><h2>Other Posts You May Enjoy</h2><ul>{EL}</ul></div>",
     "Other Posts You May Enjoy"),
]


@pytest.mark.parametrize("lang,where,snippet,dropped", [c[1:] for c in REMOVES], ids=[c[0] for c in REMOVES])
def test_removes_titled_recommendation_list(pages, lang, where, snippet, dropped):
    article = pages.clean_snippet(snippet, lang=lang, where=where)
    headlines = pages.JA_HEADLINES if "{JL}" in snippet else pages.EN_HEADLINES
    absent = headlines[:1] if "{" in snippet else ()
    pages.assert_removed(article, "recommended", dropped, lang=lang, absent=absent)


@pytest.mark.parametrize("line", ["Zum Weiterlesen: ", "Weiterlesen: ", "Lesen Sie auch: ", "Read more: "])
def test_removes_read_more_line_inside_the_body(pages, line):
    """'Weiterlesen' is a key of its own: keys are looked up by the start of a word."""
    snippet = f'<p>{line}<a href="/other">Queere Forschung: welche Geschichten fehlen</a></p>'
    article = pages.clean_snippet(snippet, lang="en", where="inside")
    pages.assert_removed(article, "recommended", line.strip(), lang="en", absent=("welche Geschichten fehlen",))


@pytest.mark.parametrize("cls", ["related", "relatedArticles", "related-posts", "recommend", "recommendations",
                                 "read-next", "yarpp-related", "pickup"])
def test_removes_element_named_related(pages, cls):
    article = pages.clean_snippet(f'<div class="{cls}"><ul>{{EL}}</ul></div>', lang="en", where="inside")
    removal = pages.assert_removed(article, "recommended", pages.EN_HEADLINES[0], lang="en",
                                   absent=pages.EN_HEADLINES)
    assert removal.reason.startswith("class/id word")


@pytest.mark.parametrize("cls", ["OUTBRAIN", "taboola-below-article"])
def test_content_recommendation_networks(pages, cls):
    """Outbrain/Taboola boxes are named by both ADS and RECOMMENDED_BY_CLASS: ADS, earlier in
    DEFAULT_RULES, is credited; with 'ads' off the recommended rule still takes them."""
    snippet = f'<div class="{cls}"><ul>{{EL}}</ul></div>'
    article = pages.clean_snippet(snippet, lang="en", where="inside")
    pages.assert_removed(article, "ads", pages.EN_HEADLINES[0], lang="en", absent=pages.EN_HEADLINES)
    article = pages.clean_snippet(snippet, lang="en", where="inside", disabled_rules={"ads"})
    pages.assert_removed(article, "recommended", pages.EN_HEADLINES[0], lang="en", absent=pages.EN_HEADLINES)


@pytest.mark.parametrize("line", [
    '<p><strong>VEA TAMBIÉN:</strong> <a href="/n/2">Entre heces y guaricha: la escuela no brilla</a></p>',
    '<p>Lesen Sie hier: <a href="/n/2">Spielabbruch in der Kreisliga</a></p>',
    '<p><em>Auch lesen:</em> <a href="/n/2">Diese 3 Sternzeichen verschenken ihr Herz</a></p>',
])
def test_removes_read_more_lines_in_the_body(pages, line):
    article = pages.clean_snippet(line, lang="en", where="middle")
    assert not any(w in article.text for w in ("guaricha", "Kreisliga", "Sternzeichen"))
    assert pages.removals_by(article, "recommended")


def test_next_article_link_by_id(pages):
    snippet = '<div id="next-article"><a href="/n/2">Next: Storm knocks out power to thousands</a></div>'
    article = pages.clean_snippet(snippet, lang="en", where="inside")
    pages.assert_removed(article, "recommended", "Next: Storm knocks out power", lang="en")


KEEPS = [
    ("paragraph-mentions-related", "en",
     "<p>The related question of weekend service will be discussed at the next council meeting, "
     "officials said on Tuesday.</p>", ("The related question of weekend service",)),
    ("related-subheading-over-prose", "en",
     "<h2>Related costs</h2><p>Officials said the related costs of hiring more drivers would be covered "
     "by the existing budget, without new borrowing.</p>", ("Related costs", "Officials said the related costs")),
    ("ja-kanren-in-prose", "ja",
     "<p>関連する予算案は、来月の市議会に提出される見通しだ。</p>", ("関連する予算案は",)),
    ("ja-osusume-subheading", "ja",
     "<h2>おすすめは駅前ルート</h2><p>交通局は、初めて深夜便を使う人には駅前を通る路線を勧めている。</p>",
     ("おすすめは駅前ルート", "交通局は、初めて深夜便を")),
]


@pytest.mark.parametrize("lang,snippet,kept", [c[1:] for c in KEEPS], ids=[c[0] for c in KEEPS])
def test_keeps_prose_that_mentions_related(pages, lang, snippet, kept):
    article = pages.clean_snippet(snippet, lang=lang, where="middle")
    for text in kept:
        pages.assert_kept(article, text, lang=lang)
    assert not pages.removals_by(article, "recommended")


def test_latin_phrase_must_open_the_heading(pages):
    """'Unrelated' is not 'Related': the heading and the prose after it stay."""
    snippet = ("<h2>Unrelated delays</h2><p>Separately, the agency said track work would slow some "
               "trains next month, but buses are not affected.</p>")
    article = pages.clean_snippet(snippet, lang="en", where="middle")
    pages.assert_kept(article, "Unrelated delays", lang="en")
    assert not pages.removals_by(article, "recommended")


def test_disabled_recommended(pages):
    snippet = '<div class="related"><p>Officials also published a list of affected stops, available at city hall.</p></div>'
    on = pages.clean_snippet(snippet, lang="en", where="inside")
    pages.assert_removed(on, "recommended", "Officials also published", lang="en")
    off = pages.clean_snippet(snippet, lang="en", where="inside", disabled_rules={"recommended"})
    pages.assert_kept(off, "Officials also published a list of affected stops", lang="en")


def test_rule_metadata():
    assert recommended.RECOMMENDED.name == recommended.RECOMMENDED_BY_CLASS.name == "recommended"
    for phrase in ("おすすめ", "関連記事", "こんな記事も", "あわせて読みたい", "次の記事", "recommended", "related",
                   "you may also like", "more from", "read next", "相关", "推荐"):
        assert phrase in recommended.RECOMMENDED_PHRASES


@pytest.mark.parametrize("line", ["Das Thema könnte dich auch interessieren:", "Das könnte Sie auch interessieren",
                                  "Explore further"])
def test_removes_related_label_left_alone(pages, line):
    article = pages.clean_snippet(f"<p>{line}</p>", lang="en", where="inside")
    pages.assert_removed(article, "recommended", line, lang="en")


def test_keeps_sentence_that_says_something_could_interest(pages):
    sentence = "Das könnte Sie auch interessieren, sagte die Sprecherin, denn der Fahrplan gilt ab April für alle Linien."
    article = pages.clean_snippet(f"<p>{sentence}</p>", lang="en", where="middle")
    pages.assert_kept(article, sentence, lang="en")


@pytest.mark.parametrize("snippet, dropped", [
    ('<p><a href="/photo/1">【写真】新駅の開業式典の様子はこちら</a></p>', "【写真】新駅の開業式典の様子はこちら"),
    ('<p><a href="/news/2">【関連記事】県内の公立高校で入試出願始まる</a></p>', "【関連記事】県内の公立高校で入試出願始まる"),
    ('<p>・<a href="/news/3">≫ 老舗旅館が百周年、記念の催し</a></p>', "・ ≫ 老舗旅館が百周年、記念の催し"),
    ('<div><a href="/news/4">▶ 台風の影響で農作物に被害広がる</a></div>', "▶ 台風の影響で農作物に被害広がる"),
    # on its own line at the end of a short paragraph
    ('<p>詳しい写真は次のページで。<br><a href="/photo/5">【画像】開業式典をもっと見る</a></p>', "【画像】開業式典をもっと見る"),
])
def test_removes_a_paragraph_that_is_only_a_bracketed_teaser_link(pages, snippet, dropped):
    article = pages.clean_snippet(snippet, where="middle")
    pages.assert_removed(article, "recommended", dropped)


@pytest.mark.parametrize("snippet, kept", [
    # the label on text that is no link, and a bracketed link inside a sentence
    ("<p>【写真】新駅の開業式典には多くの市民が集まった。</p>", "【写真】新駅の開業式典には多くの市民が集まった。"),
    ('<p>市は<a href="/doc/1">【資料】開業計画</a>を公開し、意見を募っている。</p>', "市は【資料】開業計画を公開し、意見を募っている。"),
])
def test_keeps_bracketed_text_that_is_no_teaser_link(pages, snippet, kept):
    article = pages.clean_snippet(snippet, where="middle")
    pages.assert_kept(article, kept)
    assert not [r for r in pages.removals_by(article, "recommended") if "【" in r.excerpt or "新駅" in r.excerpt]


@pytest.mark.parametrize("line", ["続きを読む", "続きを見る", "阅读全文", "查看全文"])
def test_removes_a_read_on_line(pages, line):
    article = pages.clean_snippet(f'<p><a href="/news/1?page=2">{line}</a></p>', where="inside")
    pages.assert_removed(article, "recommended", line)


_PRE_WRAP = ('<p style="white-space:pre-wrap">市交通局は十二日、市営バスの深夜便を来年四月から増便すると発表した。利用者の多い駅前と'
             '住宅地を結ぶ三路線で、平日の最終便を三十分ほど遅らせる。\n\n{link}\n\n同局によると、昨年度の深夜帯の利用者数は'
             '前年度より二割ほど増えた。飲食店や病院で働く人からの要望が多く、運転手の確保にめどが立ったという。</p>')


def test_removes_a_bracketed_teaser_link_on_its_own_line_inside_a_long_paragraph(pages):
    """A portal's story is one pre-wrapped paragraph; a '【画像】…' link stands between its lines."""
    link = '<a href="/gallery/1?image=2">【画像】深夜便のバスの車内をもっと見る</a>'
    page = pages.make_page(_PRE_WRAP.format(link=link), where="inside")
    article = cleannews.clean(page)
    pages.assert_removed(article, "recommended", "【画像】深夜便のバスの車内をもっと見る")
    assert "同局によると、昨年度の深夜帯の利用者数は" in article.text


def test_keeps_a_plain_link_on_its_own_line_inside_a_long_paragraph(pages):
    link = '<a href="https://example.jp/plan.pdf">市交通局の増便計画</a>'
    article = cleannews.clean(pages.make_page(_PRE_WRAP.format(link=link), where="inside"))
    pages.assert_kept(article, "市交通局の増便計画")

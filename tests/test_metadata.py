"""metadata.extract_metadata: each source alone, the trust order between them, titles, language."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

import cleannews
from cleannews.metadata import extract_metadata
from cleannews.parse import parse_html

JST = timezone(timedelta(hours=9))
BODY = "<p>" + "The council met on Tuesday and voted on the plan for the new bus network. " * 4 + "</p>"


def page(head: str = "", body: str = "", *, lang: str = "en") -> str:
    return f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>'


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj, ensure_ascii=False)}</script>'


def meta_of(html: str, url: str | None = "https://example.com/news/a.html"):
    return extract_metadata(parse_html(html), url)


# ---------------------------------------------------------------------------- JSON-LD

ARTICLE = {
    "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council approves bus plan",
    "author": [{"@type": "Person", "name": "Maya Okafor"}, {"@type": "Person", "name": "Li Wei"}],
    "datePublished": "2021-10-13T16:03:00+09:00", "dateModified": "2021-10-14T09:00:00+09:00",
    "publisher": {"@type": "Organization", "name": "The Harbor Ledger"},
    "image": {"@type": "ImageObject", "url": "/img/bus.jpg"},
    "keywords": "transit, city council", "articleSection": "Local", "description": "The plan passed.",
}


def test_json_ld_article():
    m = meta_of(page(ld(ARTICLE)))
    assert m.title == "Council approves bus plan"
    assert m.authors == ("Maya Okafor", "Li Wei")
    assert m.published == datetime(2021, 10, 13, 16, 3, tzinfo=JST)
    assert m.modified == datetime(2021, 10, 14, 9, 0, tzinfo=JST)
    assert m.site_name == "The Harbor Ledger"
    assert m.image == "https://example.com/img/bus.jpg"
    assert m.tags == ("transit", "city council")
    assert m.categories == ("Local",)
    assert m.description == "The plan passed."
    assert "NewsArticle" in m.json_ld_types


def test_json_ld_graph_with_id_references():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://example.com/#page", "name": "Council approves bus plan - Ledger"},
        {"@type": "Person", "@id": "https://example.com/#/person/1", "name": "Maya Okafor"},
        {"@type": "Article", "headline": "Council approves bus plan", "datePublished": "2021-10-13",
         "author": {"@id": "https://example.com/#/person/1"}},
    ]}
    m = meta_of(page(ld(graph)))
    assert m.title == "Council approves bus plan"
    assert m.authors == ("Maya Okafor",)
    assert m.published == datetime(2021, 10, 13)


@pytest.mark.parametrize("script", [
    '{"@type": "NewsArticle", "headline": "Council approves bus plan", "datePublished": "2021-10-13",}',
    '{"@type": "NewsArticle", "headline": "Council approves\nbus plan", "datePublished": "2021-10-13"}',
    '<!-- {"@type": "NewsArticle", "headline": "Council approves bus plan", "datePublished": "2021-10-13"} -->',
    '//<![CDATA[\n{"@type": "NewsArticle", "headline": "Council approves bus plan", "datePublished": "2021-10-13"}\n//]]>',
    '{"@type": "Organization", "name": "Ledger"}\n{"@type": "NewsArticle", "headline": "Council approves bus plan",'
    ' "datePublished": "2021-10-13"}',
    '[{"@type": "NewsArticle", "headline": "Council approves bus plan", "datePublished": "2021-10-13",},]',
], ids=["trailing-comma", "raw-newline", "html-comment", "cdata", "concatenated", "array-trailing-comma"])
def test_malformed_json_ld_is_read_like_a_browser(script):
    m = meta_of(page(f'<script type="application/ld+json">{script}</script>'))
    assert collapse(m.title) == "Council approves bus plan"
    assert m.published == datetime(2021, 10, 13)


def collapse(text: str | None) -> str:
    return " ".join((text or "").split())


def test_unreadable_json_ld_falls_back_to_opengraph():
    html = page('<script type="application/ld+json">{"headline": "Broken "quotes" here"</script>'
                '<meta property="og:title" content="Council approves bus plan">'
                '<meta property="article:published_time" content="2021-10-13T16:03:00+09:00">')
    m = meta_of(html)
    assert m.title == "Council approves bus plan"
    assert m.published == datetime(2021, 10, 13, 16, 3, tzinfo=JST)


def test_non_article_json_ld_does_not_give_the_headline():
    html = page(ld({"@type": "BreadcrumbList", "name": "Home > Local"}) + "<title>Council approves bus plan</title>")
    assert meta_of(html).title == "Council approves bus plan"


# ---------------------------------------------------------------------------- OpenGraph / Twitter / meta


def test_opengraph():
    html = page('<meta property="og:title" content="Council approves bus plan">'
                '<meta property="og:site_name" content="The Harbor Ledger">'
                '<meta property="og:image" content="/img/bus.jpg">'
                '<meta property="og:description" content="The plan passed.">'
                '<meta property="og:url" content="/news/bus">'
                '<meta property="article:author" content="https://www.facebook.com/ledger">'
                '<meta property="article:published_time" content="2021-10-13T07:03:00Z">'
                '<meta property="article:modified_time" content="2021-10-14T07:03:00Z">'
                '<meta property="article:tag" content="transit"><meta property="article:tag" content="council">'
                '<meta property="article:section" content="Local"><meta property="og:locale" content="en_US">',
                lang="")
    m = meta_of(html)
    assert m.title == "Council approves bus plan"
    assert m.site_name == "The Harbor Ledger"
    assert m.image == "https://example.com/img/bus.jpg"
    assert m.canonical_url == "https://example.com/news/bus"
    assert m.description == "The plan passed."
    assert m.authors == ()  # a profile URL is not a name
    assert m.published == datetime(2021, 10, 13, 7, 3, tzinfo=timezone.utc)
    assert m.modified == datetime(2021, 10, 14, 7, 3, tzinfo=timezone.utc)
    assert m.tags == ("transit", "council")
    assert m.categories == ("Local",)
    assert m.lang == "en"


def test_twitter_card_when_no_opengraph():
    html = page('<meta name="twitter:title" content="Council approves bus plan">'
                '<meta name="twitter:image" content="https://cdn.example.com/bus.jpg">')
    m = meta_of(html)
    assert (m.title, m.image) == ("Council approves bus plan", "https://cdn.example.com/bus.jpg")


@pytest.mark.parametrize("key, value, expected", [
    ("dc.date", "2021-10-13", datetime(2021, 10, 13)),
    ("DC.date.issued", "2021-10-13", datetime(2021, 10, 13)),
    ("parsely-pub-date", "2021-10-13T07:03:00Z", datetime(2021, 10, 13, 7, 3, tzinfo=timezone.utc)),
    ("sailthru.date", "Wed, 13 Oct 2021 16:03:00 +0900", datetime(2021, 10, 13, 16, 3, tzinfo=JST)),
    ("pubdate", "20211013T160300Z", datetime(2021, 10, 13)),
    ("citation_publication_date", "2021/10/13", datetime(2021, 10, 13)),
])
def test_meta_dates(key, value, expected):
    assert meta_of(page(f'<meta name="{key}" content="{value}">')).published == expected


@pytest.mark.parametrize("head, expected", [
    ('<meta name="author" content="By Maya Okafor">', ("Maya Okafor",)),
    ('<meta name="dc.creator" content="Maya Okafor"><meta name="dc.creator" content="Li Wei">', ("Maya Okafor", "Li Wei")),
    ('<meta name="DC.creator" content="Maya Okafor"><meta name="author" content="FAIL">', ("Maya Okafor",)),
    ('<meta name="parsely-author" content="Maya Okafor">', ("Maya Okafor",)),
    ('<meta name="sailthru.author" content="Maya Okafor and Li Wei">', ("Maya Okafor", "Li Wei")),
    ('<meta property="dc:creator twitter:site_name" content="Maya Okafor">', ("Maya Okafor",)),
])
def test_meta_authors(head, expected):
    assert meta_of(page(head)).authors == expected


def test_meta_keywords_description_language():
    html = page('<meta name="keywords" content="夜间公交,滨江、公交线路"><meta name="description" content="A plan.">'
                '<meta http-equiv="content-language" content="zh-CN">', lang="")
    m = meta_of(html)
    assert m.tags == ("夜间公交", "滨江", "公交线路")
    assert m.description == "A plan."
    assert m.lang == "zh"


def test_canonical_and_base_href():
    html = page('<base href="https://cdn.example.org/site/"><link rel="canonical" href="story.html">'
                '<meta property="og:image" content="img/a.jpg">')
    m = meta_of(html, url="https://example.com/x")
    assert m.canonical_url == "https://cdn.example.org/site/story.html"
    assert m.image == "https://cdn.example.org/site/img/a.jpg"


# ---------------------------------------------------------------------------- <time> and the visible page


def test_time_element_itemprop_first():
    body = ('<h1>Council approves bus plan</h1><time datetime="2021-09-01">Sept 1</time>'
            '<time itemprop="datePublished" datetime="2021-10-13T16:03:00+09:00">Oct 13</time>' + BODY)
    assert meta_of(page("", body)).published == datetime(2021, 10, 13, 16, 3, tzinfo=JST)


def test_time_element_pubdate_then_first_datetime():
    assert meta_of(page("", '<time pubdate datetime="2021-10-13">x</time>' + BODY)).published == datetime(2021, 10, 13)
    assert meta_of(page("", '<p><time datetime="2021-10-12">x</time></p>' + BODY)).published == datetime(2021, 10, 12)


def test_visible_byline_and_date_near_the_headline():
    body = ('<div class="hd"><h1>Council approves bus plan</h1>'
            '<div class="m"><span>By Maya Okafor</span><span>October 13, 2021 4:03 PM</span></div></div>' + BODY)
    m = meta_of(page("<title>Council approves bus plan - Ledger</title>", body))
    assert m.authors == ("Maya Okafor",)
    assert m.published == datetime(2021, 10, 13, 16, 3)
    assert m.from_page_text == {"authors", "published"}


def test_visible_byline_markup_ranks_microdata_first():
    body = ('<h1>Council approves bus plan</h1><div class="author-box">Tech Desk</div>'
            '<span itemprop="author">Maya Okafor</span>' + BODY)
    assert meta_of(page("", body)).authors == ("Maya Okafor",)


def test_visible_byline_skips_comments_and_agencies():
    body = ('<h1>Council approves bus plan</h1><span class="author">AFP</span>'
            '<div class="comments"><span class="comment-author">Troll King</span></div>'
            '<span class="byline">Par Sébastien Farcis</span>' + BODY)
    assert meta_of(page("", body)).authors == ("Sébastien Farcis",)


def test_visible_cjk_bylines_and_dates():
    zh = ('<div class="tt">动力电池迎来退役潮 回收利用产业加速布局</div>'
          '<div class="mt"><span>2025-09-22 10:15:36</span><span>来源：经济观察日报</span><span>记者：陈晨</span></div>'
          '<p>' + '随着早期投放市场的新能源汽车陆续进入报废期，动力电池正迎来规模化退役潮。' * 6 + '</p>')
    m = meta_of(page("<title>动力电池迎来退役潮 回收利用产业加速布局-绿能财经网</title>", zh, lang=""))
    assert m.title == "动力电池迎来退役潮 回收利用产业加速布局"
    assert m.authors == ("陈晨",)
    assert m.published == datetime(2025, 9, 22, 10, 15, 36)
    ja = ('<h1>保育料を完全無償化へ 桜ヶ丘市</h1><div><span>2025年11月5日 17時12分</span><span>社会部　石田真央</span></div>'
          '<p>' + '桜ヶ丘市は5日、市内の認可保育所などに通う第2子以降の子どもの保育料を無償化すると発表した。' * 4 + '</p>')
    m = meta_of(page("", ja, lang="ja"))
    assert m.authors == ("石田真央",)
    assert m.published == datetime(2025, 11, 5, 17, 12)


def test_year_less_visible_date_takes_the_year_of_a_trusted_date():
    body = '<h1>台風で運休</h1><p class="d">10/13(水) 16:03配信</p>' + BODY
    with_modified = page('<meta property="article:modified_time" content="2021-10-13T18:00:00+09:00">', body)
    assert meta_of(with_modified).published == datetime(2021, 10, 13, 16, 3)
    assert meta_of(page("", body), url=None).published is None  # no trusted year: left empty
    assert meta_of(page("", body), url="https://ex.com/2021/10/13/x").published == datetime(2021, 10, 13, 16, 3)


def test_url_date_is_the_last_resort():
    assert meta_of(page("", BODY), url="https://ex.com/2021/10/13/x").published == datetime(2021, 10, 13)


def test_dates_in_the_future_are_not_trusted():
    future = (datetime.now() + timedelta(days=400)).strftime("%Y-%m-%d")
    html = page(f'<meta property="article:published_time" content="{future}">'
                '<meta name="dc.date" content="2021-10-13">')
    assert meta_of(html).published == datetime(2021, 10, 13)


def test_without_page_text_drops_only_visible_fields():
    body = '<h1>Business</h1><p class="byline">By Daniel Osei</p>' + BODY
    m = meta_of(page('<meta name="description" content="Business news.">', body))
    assert m.authors == ("Daniel Osei",)
    cleared = m.without_page_text()
    assert cleared.authors == () and cleared.description == "Business news." and cleared.title == m.title


# ---------------------------------------------------------------------------- trust order

LD_DATE = "2021-10-13T16:03:00+09:00"
OG_DATE = "2021-10-12T10:00:00+09:00"
META_DATE = "2021-10-11"
TIME_DATE = "2021-10-10"
TEXT_DATE = "2021年10月9日"


def sources(*which: str) -> str:
    head = ""
    if "ld" in which:
        head += ld({"@type": "NewsArticle", "headline": "LD headline here", "datePublished": LD_DATE,
                    "author": {"@type": "Person", "name": "Ld Author"}})
    if "og" in which:
        head += ('<meta property="og:title" content="OG headline here">'
                 f'<meta property="article:published_time" content="{OG_DATE}">'
                 '<meta property="article:author" content="Og Author">')
    if "meta" in which:
        head += f'<meta name="dc.date" content="{META_DATE}"><meta name="author" content="Meta Author">'
    body = "<h1>Visible headline here</h1>"
    if "time" in which:
        body += f'<time datetime="{TIME_DATE}">x</time>'
    if "text" in which:
        body += f"<p>By Text Author</p><p>{TEXT_DATE}</p>"
    return page(head + "<title>Title tag headline - Site</title>", body + BODY)


@pytest.mark.parametrize("which, date, author", [
    (("ld", "og", "meta", "time", "text"), datetime(2021, 10, 13, 16, 3, tzinfo=JST), "Ld Author"),
    (("og", "meta", "time", "text"), datetime(2021, 10, 12, 10, 0, tzinfo=JST), "Og Author"),
    (("meta", "time", "text"), datetime(2021, 10, 11), "Meta Author"),
    (("time", "text"), datetime(2021, 10, 10), "Text Author"),
    (("text",), datetime(2021, 10, 9), "Text Author"),
])
def test_trust_order(which, date, author):
    m = meta_of(sources(*which))
    assert m.published == date
    assert m.authors == (author,)


def test_title_trust_order():
    assert meta_of(sources("ld", "og")).title == "LD headline here"
    assert meta_of(sources("og")).title == "OG headline here"
    assert meta_of(sources()).title == "Title tag headline"


def test_utc_value_yields_to_the_same_instant_in_the_page_zone():
    html = page(ld({"@type": "Article", "headline": "x", "datePublished": "2017-02-24T01:18:13Z"})
                + '<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">')
    published = meta_of(html).published
    assert published.isoformat() == "2017-02-23T17:18:13-08:00"


# ---------------------------------------------------------------------------- titles


def test_title_is_the_visible_h1_not_the_logo():
    body = ('<h1><a href="/">Yahoo!ニュース</a></h1><h1>中日の与田剛監督が語っていた退任真相</h1>' + BODY)
    head = ld({"@type": "NewsArticle", "headline": "中日の与田剛監督が語っていた退任真相（Yahoo!ニュース オリジナル THE PAGE）"})
    assert meta_of(page(head, body)).title == "中日の与田剛監督が語っていた退任真相"


@pytest.mark.parametrize("with_title_tag", [True, False])
def test_blog_name_h1_is_not_the_headline(with_title_tag):
    full = "昇降式デスクを導入しました - プログラマでありたい日々の記録"
    head = f'<meta property="og:title" content="{full}">' + (f"<title>{full}</title>" if with_title_tag else "")
    body = '<h1>プログラマでありたい日々の記録</h1><h2>昇降式デスクを導入しました</h2>' + BODY
    assert meta_of(page(head, body, lang="ja")).title == "昇降式デスクを導入しました"


def test_headline_in_a_plain_div_confirms_the_site_first_title():
    head = "<title>ミナトネット ニュース - 3年ぶりに全線で運転再開 みなと電気軌道</title>"
    body = '<div><a href="/">ミナトネット</a></div><font><b>3年ぶりに全線で運転再開　みなと電気軌道</b></font>' + BODY
    assert meta_of(page(head, body, lang="ja")).title == "3年ぶりに全線で運転再開 みなと電気軌道"


def test_headline_in_h2_before_a_trail_of_section_parts():
    head = "<title>Chelsea hoping to sign Anelka - Soccer - Sport - Breaking News - Belfast Telegraph</title>"
    body = "<h2>Inside Belfast</h2><h2>Soccer</h2><h2>Chelsea hoping to sign Anelka</h2><p>January 18, 2008</p>" + BODY
    m = meta_of(page(head, body))
    assert m.title == "Chelsea hoping to sign Anelka"
    assert m.published == datetime(2008, 1, 18)


def test_site_part_of_a_section_title_is_not_a_headline():
    head = "<title>Business News: Markets, Economy, Companies and Jobs | The Harbor Ledger</title>"
    body = '<h2><a href="/">The Harbor Ledger</a></h2>' + BODY
    assert meta_of(page(head, body)).title == "Business News: Markets, Economy, Companies and Jobs"


def test_json_ld_description_as_headline_yields_to_the_h1():
    head = ld({"@type": "Article", "name": "New Zealand", "headline": "constitutional monarchy"})
    body = "<h1>New Zealand</h1>" + BODY
    assert meta_of(page(head + "<title>New Zealand - Wikipedia</title>", body)).title == "New Zealand"


def test_heading_permalink_mark_is_dropped():
    body = '<h1>Evolve: Shared Mutable History<a href="#x">¶</a></h1>' + BODY
    title = "<title>Evolve: Shared Mutable History — evolve extension for Mercurial</title>"
    assert meta_of(page(title, body)).title == "Evolve: Shared Mutable History"


def test_no_title_anywhere():
    assert meta_of(page("", BODY)).title is None


# ---------------------------------------------------------------------------- language


def test_lang_checked_against_the_body_in_clean():
    body = "<article><h1>見出し</h1>" + "<p>東京都は13日、新たに120人の感染を確認したと発表した。都内の累計は38万人を超えた。</p>" * 3
    article = cleannews.clean(page("<title>見出し</title>", body + "</article>", lang="en-US"))
    assert article.lang == "ja"


def test_lang_normalised_to_the_primary_subtag():
    assert meta_of(page("", BODY, lang="en-GB")).lang == "en"
    assert meta_of(page('<meta property="og:locale" content="ja_JP">', BODY, lang="")).lang == "ja"
    assert meta_of(page("", BODY, lang="x-default")).lang is None


# ---------------------------------------------------------------------------- Article wiring


def test_article_carries_every_field_with_iso_dates():
    article = cleannews.clean(page(ld(ARTICLE), "<article><h1>Council approves bus plan</h1>" + BODY * 3 + "</article>"),
                              url="https://example.com/news/a.html")
    d = article.to_dict()
    assert d["authors"] == ["Maya Okafor", "Li Wei"]
    assert d["published"] == "2021-10-13T16:03:00+09:00"
    assert d["modified"] == "2021-10-14T09:00:00+09:00"
    assert d["site_name"] == "The Harbor Ledger"
    assert d["tags"] == ["transit", "city council"] and d["categories"] == ["Local"]
    assert d["image"] == "https://example.com/img/bus.jpg"
    assert d["lang"] == "en"


def test_never_raises_on_odd_values():
    odd = ld({"@type": "NewsArticle", "headline": 42, "author": [None, {"name": ["A B", 3]}, 7],
              "datePublished": {"@value": "2021-10-13"}, "image": [[]], "keywords": [1, None]})
    m = meta_of(page(odd + '<meta name="author" content="">', "<h1>\x01</h1>"))
    assert m.authors == ("A B",)
    assert m.published == datetime(2021, 10, 13)


def test_json_ld_type_list_gives_each_type():
    obj = {"@context": "https://schema.org", "@type": ["WebPage", "NewsArticle"], "headline": "Council approves bus plan"}
    m = meta_of(page(ld(obj), BODY))
    assert m.json_ld_types == ("WebPage", "NewsArticle")  # not the string "['WebPage', 'NewsArticle']"
    assert m.declares_article
    plain = meta_of(page(ld({"@context": "https://schema.org", "@type": "WebPage", "headline": "Bus plan"}), BODY))
    assert plain.json_ld_types == ("WebPage",) and not plain.declares_article

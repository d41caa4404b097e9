"""`cleannews.listing.judge_listing`: teaser grids and index pages fire, articles do not.

Each test parses a small page, takes the element a body selector would pick, renders its
blocks the way the pipeline does and asks `judge_listing` for a verdict.
"""

from __future__ import annotations

import lxml.html
import pytest
from lxml import etree

from cleannews.listing import MIN_TEASERS, heading_cards, judge_listing, teaser_stats, title_links
from cleannews.measure import Measure
from cleannews.serialize import render_blocks

HEADLINES = (
    "Council extends late-night bus service on three routes",
    "Harbour bridge repairs to close two lanes until spring",
    "New library opens with a rooftop reading garden",
    "School board approves free breakfast for all pupils",
    "Storm knocks out power to thousands on the coast",
    "Local bakery wins national award for its rye bread",
    "City hall to publish every contract online from May",
    "Marathon route changes after residents' complaints",
)
SUMMARIES = (
    "The last departures move back by half an hour on the busiest lines.",
    "Engineers expect the work on the ageing deck to last four months.",
    "The building also houses a maker space and a small cinema.",
    "About twelve thousand children are expected to take part.",
    "Crews worked through the night to restore most connections.",
    "The family business has been baking in the same oven since 1952.",
    "Officials say the register will be searchable by supplier.",
    "Organisers will move the start to the old stadium.",
)
EN_PARAGRAPHS = (
    "The council voted on Tuesday to extend late-night bus service on three busy routes, pushing the last "
    "departures back by half an hour, <a href=\"/transit\">the transit office</a> said.",
    "Transit officials said ridership after ten in the evening rose by roughly a fifth last year, driven by "
    "hospital staff and restaurant workers who finish their shifts late.",
    "The extra service is expected to cost about eight hundred thousand dollars a year, and fares will not "
    "change, according to <a href=\"/budget\">the budget papers published last month</a>.",
    "A local riders' group welcomed the decision and urged the council to consider the same change on other "
    "routes next year, when the new depot opens in the north of the city.",
    "Drivers' representatives said they had been consulted and that the new rosters were fair, although they "
    "asked for better lighting at the terminal stops where night shifts end.",
    "The first extended timetables will be printed next week and posted at every stop, and the "
    "<a href=\"https://example.org/planner\">online journey planner</a> will be updated on the same day.",
)
JA_HEADLINES = (
    "市営バスの深夜便、来年四月から増便へ",
    "港の橋の補修工事で車線規制、春まで続く見通し",
    "新図書館が開館、屋上に読書庭園",
    "全小学校で朝食を無料提供、教育委員会が承認",
    "沿岸部で大規模停電、数千世帯に影響",
    "老舗パン店のライ麦パンが全国大会で最高賞",
    "市の全契約を五月からネットで公開",
    "マラソンのコース変更、住民の声を受け",
)
JA_SUMMARIES = (
    "利用者の多い三路線で最終便を三十分遅らせる。",
    "老朽化した橋の補修は四か月ほどかかる見込み。",
    "工房や小さな映画館も併設された。",
    "約一万二千人の児童が対象となる見通し。",
    "作業員が夜通し復旧作業にあたった。",
    "創業以来同じ窯で焼き続けてきた。",
    "契約先ごとに検索できるようにするという。",
    "スタート地点を旧競技場に移す。",
)
JA_PARAGRAPHS = (
    "市交通局は十二日、市営バスの深夜便を来年四月から増便すると発表した。利用者の多い駅前と住宅地を結ぶ三路線で、"
    "平日の最終便を三十分ほど遅らせる。",
    "同局によると、昨年度の深夜帯の利用者数は前年度より二割ほど増えた。飲食店や病院で働く人からの要望が多く、"
    "運転手の確保にめどが立ったという。",
    "増便に伴う費用は年間およそ八千万円を見込む。運賃は据え置き、車内の混雑状況を知らせる案内表示を停留所に新たに設ける。",
    "市民団体の代表は「帰宅の足が確保されるのは心強い。ほかの路線にも広げてほしい」と話した。",
    "運転手の労働組合は、新しい勤務表について事前に説明を受けたとして一定の理解を示した。終点の停留所の照明を"
    "明るくするよう求めている。",
    "新しい時刻表は来週から各停留所に掲示され、<a href=\"/planner\">乗り換え案内のサイト</a>も同じ日に更新される。",
)


def verdict(page: str, xpath: str) -> str | None:
    """Parse `page`, take the element at `xpath` as the selected body and judge it."""
    root = lxml.html.fromstring(page)
    nodes = root.xpath(xpath)
    assert nodes, xpath
    measure = Measure()
    blocks, _ = render_blocks(nodes, measure=measure)
    body = root.find("body")
    return judge_listing(nodes, blocks, measure, body if body is not None else root)


def teaser_page(headlines: tuple[str, ...], summaries: tuple[str, ...], date: str) -> str:
    cards = "".join(
        f'<div class="card"><a href="/news/{i}"><img src="/img/{i}.jpg" alt=""></a>'
        f'<h3 class="card-title"><a href="/news/{i}">{h}</a></h3>'
        f'<p class="summary">{s}</p><span class="date">{date}</span></div>'
        for i, (h, s) in enumerate(zip(headlines, summaries, strict=True))
    )
    return f'<html><body><main><h1>Latest</h1><section id="grid">{cards}</section></main></body></html>'


def article_page(paragraphs: tuple[str, ...], title: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<html><body><article><h1>{title}</h1><div id="story">{body}</div>'
            f'<p class="byline">By <a href="/staff/jane">Jane Doe</a></p></article></body></html>')


def test_eight_teaser_cards_fire():
    reason = verdict(teaser_page(HEADLINES, SUMMARIES, "2 hours ago"), "//section[@id='grid']")
    assert reason is not None
    assert reason.startswith("listing: 8 teaser items")


def test_article_with_inline_links_does_not_fire():
    assert verdict(article_page(EN_PARAGRAPHS, "Night buses"), "//div[@id='story']") is None
    assert verdict(article_page(EN_PARAGRAPHS, "Night buses"), "//article") is None


def test_japanese_article_without_spaces_does_not_fire():
    assert verdict(article_page(JA_PARAGRAPHS, "深夜バス増便"), "//div[@id='story']") is None


def test_japanese_news_index_fires():
    """Headlines of 15-20 CJK characters: short in characters, long enough in weight."""
    reason = verdict(teaser_page(JA_HEADLINES, JA_SUMMARIES, "3月5日 10:00"), "//section[@id='grid']")
    assert reason is not None and "8 teaser items" in reason


def test_japanese_index_as_a_plain_list_fires():
    items = "".join(f'<li><a href="/a/{i}">{h}</a><p>{s}</p><time>3月5日</time></li>'
                    for i, (h, s) in enumerate(zip(JA_HEADLINES, JA_SUMMARIES, strict=True)))
    page = f'<html><body><div id="main"><h2>ニュース一覧</h2><ul class="news">{items}</ul></div></body></html>'
    assert verdict(page, "//div[@id='main']") is not None


def test_flat_headline_summary_list_fires():
    """No wrapper per teaser: ``<h2><a/></h2><p/>`` pairs side by side."""
    pairs = "".join(f'<h2><a href="/post/{i}">{h}</a></h2><p>{s}</p>' for i, (h, s) in enumerate(zip(HEADLINES, SUMMARIES, strict=True)))
    page = f'<html><body><div id="blog">{pairs}</div></body></html>'
    assert verdict(page, "//div[@id='blog']") is not None


def test_card_links_wrapping_headline_and_summary_fire():
    cards = "".join(f'<article><a href="/s/{i}"><h2>{h}</h2><p>{s}</p></a></article>'
                    for i, (h, s) in enumerate(zip(HEADLINES, SUMMARIES, strict=True)))
    page = f'<html><body><div id="feed">{cards}</div></body></html>'
    assert verdict(page, "//div[@id='feed']") is not None


def test_too_few_teasers_do_not_fire():
    n = MIN_TEASERS - 1
    page = teaser_page(HEADLINES[:n], SUMMARIES[:n], "today")
    assert verdict(page, "//section[@id='grid']") is None


def test_article_followed_by_a_short_related_list_does_not_fire():
    related = "".join(f'<li><a href="/r/{i}">{h}</a></li>' for i, h in enumerate(HEADLINES))
    page = (f'<html><body><div id="story">{"".join(f"<p>{p}</p>" for p in EN_PARAGRAPHS)}'
            f'<h3>Related</h3><ul>{related}</ul></div></body></html>')
    assert verdict(page, "//div[@id='story']") is None


def test_listicle_with_linked_headings_and_prose_does_not_fire():
    """Round-ups: each linked heading heads a few paragraphs of prose, so under 12% of the
    item text is link text.  (A round-up of one-sentence entries would read as a listing.)"""
    prose = [lxml.html.fromstring(f"<p>{p}</p>").text_content() for p in EN_PARAGRAPHS]
    sections = "".join(
        f'<h2><a href="https://shop.example/{i}">{h}</a></h2>' + "".join(f"<p>{prose[(i + k) % 6]}</p>" for k in range(3))
        for i, h in enumerate(HEADLINES)
    )
    page = f'<html><body><div id="story"><p>{prose[0]}</p>{sections}</div></body></html>'
    assert verdict(page, "//div[@id='story']") is None


def overlay_card_page(n: int) -> str:
    """News-front cards: an empty link stretched over the card, the headline unlinked beside it."""
    cards = "".join(
        f'<div class="card"><a href="/news/{i}" aria-label="{h}"></a>'
        f'<div class="body"><h3 class="headline"><span>{h}</span></h3><div>{s}</div>'
        f'<footer><time>3h ago</time></footer></div></div>'
        for i, (h, s) in enumerate(zip(HEADLINES[:n], SUMMARIES[:n], strict=True))
    )
    return f'<html><body><main id="front"><h2>Technology</h2>{cards}</main></body></html>'


def test_overlay_link_cards_fire():
    """No title link to find (the link is empty), but every card is one link + a headline."""
    reason = verdict(overlay_card_page(8), "//main[@id='front']")
    assert reason is not None and reason.startswith("listing: 8 cards")


def test_japanese_overlay_link_cards_fire():
    cards = "".join(f'<li><a href="/a/{i}"></a><h3>{h}</h3><p>{s}</p></li>'
                    for i, (h, s) in enumerate(zip(JA_HEADLINES, JA_SUMMARIES, strict=True)))
    page = f'<html><body><ul id="list">{cards}</ul></body></html>'
    assert verdict(page, "//ul[@id='list']") is not None


def test_headline_summary_read_more_sections_fire():
    """A press page: unlinked headline, a summary, and a 'Read more' button to the story."""
    sections = "".join(f'<section><h4>{h}</h4><p>{s}</p><p><a class="button" href="https://paper.example/{i}">'
                       f'Read more</a></p></section>' for i, (h, s) in enumerate(zip(HEADLINES, SUMMARIES, strict=True)))
    page = f'<html><body><div id="news"><h1>In the news</h1>{sections}</div></body></html>'
    assert verdict(page, "//div[@id='news']") is not None


def test_too_few_overlay_cards_do_not_fire():
    assert verdict(overlay_card_page(MIN_TEASERS - 1), "//main[@id='front']") is None


def test_sectioned_article_does_not_fire():
    """Short sections under subheadings, each citing one source inside a sentence: the link
    is not the card's own, so they are not cards."""
    sections = "".join(f"<section><h2>{h}</h2><p>{EN_PARAGRAPHS[i % 6]}</p><p>{EN_PARAGRAPHS[(i + 1) % 6]}</p>"
                       f"</section>" for i, h in enumerate(HEADLINES))
    page = f'<html><body><div id="story">{sections}</div></body></html>'
    assert heading_cards(lxml.html.fromstring(page).xpath("//div[@id='story']"), Measure()) is None
    assert verdict(page, "//div[@id='story']") is None


def test_long_sections_with_their_own_link_do_not_fire():
    """Round-up sections with a 'Buy' button each: one-link items with a heading, too long for
    cards.  (A round-up of entries under ~600 characters would read as a listing.)"""
    plain = [lxml.html.fromstring(f"<p>{p}</p>").text_content() for p in EN_PARAGRAPHS]
    sections = "".join(f"<section><h2>{h}</h2>" + "".join(f"<p>{plain[(i + k) % 6]}</p>" for k in range(4))
                       + f'<p><a href="https://shop.example/{i}">Buy it here</a></p></section>'
                       for i, h in enumerate(HEADLINES))
    page = f'<html><body><div id="story">{sections}</div></body></html>'
    found = heading_cards(lxml.html.fromstring(page).xpath("//div[@id='story']"), Measure())
    assert found is not None and found[0] == 8 and found[1] > 0.9 and found[2] > 600
    assert verdict(page, "//div[@id='story']") is None


def test_article_ending_in_a_related_card_strip_does_not_fire():
    """Eight related-story cards after the article hold too little of the body."""
    cards = "".join(f'<div class="card"><a href="/r/{i}"></a><h3>{h}</h3></div>' for i, h in enumerate(HEADLINES))
    paragraphs = "".join(f"<p>{p}</p>" for p in EN_PARAGRAPHS * 2)
    page = f'<html><body><div id="story">{paragraphs}<div class="related">{cards}</div></div></body></html>'
    assert verdict(page, "//div[@id='story']") is None


def test_cards_need_headline_length_headings():
    root = lxml.html.fromstring(overlay_card_page(8).replace("<h3", "<span").replace("</h3>", "</span>"))
    assert heading_cards(root.xpath("//main[@id='front']"), Measure()) is None


@pytest.mark.parametrize("html, expected", [
    ('<div><a href="/x">A headline that stands alone</a></div>', 1),
    ('<div><h3><span><a href="/x">A headline inside a span</a></span></h3></div>', 1),
    ('<div><p>As reported by <a href="/x">the regional daily newspaper</a> on Monday.</p></div>', 0),
    ('<div><p><a href="/x">A headline that starts a sentence</a> and the sentence goes on for quite a while '
     'longer than the link itself.</p></div>', 0),
    ('<div><a href="#top">Back to the top of this page please</a></div>', 0),
    ('<div><a href="/x">Short</a></div>', 0),
    ('<div><li>1. <a href="/x">A numbered headline in a list</a> (3)</li></div>', 1),
])
def test_title_links(html, expected):
    root = lxml.html.fromstring(html)
    assert len(title_links([root], Measure())) == expected


def test_plain_etree_elements_are_accepted():
    """The parser may build plain `lxml.etree` trees (no `HtmlElement` methods)."""
    root = etree.fromstring(teaser_page(HEADLINES, SUMMARIES, "today"), etree.HTMLParser())
    nodes = root.xpath("//section[@id='grid']")
    measure = Measure()
    blocks, _ = render_blocks(nodes, measure=measure)
    assert judge_listing(nodes, blocks, measure, root.find("body")) is not None


def test_stats_are_none_without_enough_candidate_links():
    root = lxml.html.fromstring(article_page(EN_PARAGRAPHS, "Night buses"))
    assert teaser_stats(root.xpath("//div[@id='story']"), Measure()) is None


def test_empty_selection_is_not_judged():
    root = lxml.html.fromstring("<html><body><p>x</p></body></html>")
    assert judge_listing([], [], Measure(), root.find("body")) is None


def test_teaser_remnant_fires_when_rules_removed_the_teaser_cards():
    from cleannews.article import Block, Removal
    from cleannews.listing import judge_teaser_remnant

    removed = [Removal("carousel", "class/id word 'teaser'", f"headline {i}", "") for i in range(5)]
    short = [Block("paragraph", "任期満了に伴う市長選は告示まで1か月を切った。")]
    assert judge_teaser_remnant(removed, short)
    long_body = [Block("paragraph", "A paragraph of prose that goes on for a while. " * 20)]
    assert judge_teaser_remnant(removed, long_body) is None  # an article with a teaser strip
    assert judge_teaser_remnant(removed[:2], short) is None  # too few teasers to say


def test_teaser_remnant_limit_grows_with_hundreds_of_removed_cards():
    from cleannews.article import Block, Removal
    from cleannews.listing import judge_teaser_remnant

    def cards(n):
        return [Removal("carousel", "class/id word 'cards'", f"Winner {i}", "") for i in range(n)]

    intro = [Block("paragraph", "The annual awards recognise standout projects across the design industry. " * 16)]
    assert 600 < sum(len(b.text) for b in intro) < 1500
    assert judge_teaser_remnant(cards(300), intro)  # an intro above 300 award cards
    assert judge_teaser_remnant(cards(12), intro) is None  # an article beside a strip of 12 teasers
    assert judge_teaser_remnant(cards(150), intro * 3) is None  # a long article beside a big grid


def test_listing_sample_pages_are_rejected_through_clean():
    from pathlib import Path

    import cleannews

    page = Path(__file__).parent.parent / "samples" / "ja_utf8_index_nonarticle" / "source.html"
    article = cleannews.clean(page.read_bytes())
    assert not article.is_article and article.page_type == "listing" and article.text == ""


INTRO = ("Our collection of autumn soup recipes has something for every evening, from a quick lentil soup to a "
         "slow-cooked onion soup with cheese toasts. Each recipe has been tested in our kitchen and comes with "
         "notes on freezing and serving.")


def collection_page(ld_type: str, intro: str = INTRO, og_type: str = "website") -> str:
    """A collection intro page; `ld_type` is JSON text for ``@type`` (``"ItemList"`` or a list)."""
    ld = (f'{{"@context": "https://schema.org", "@type": {ld_type}, "name": "Autumn soups", '
          f'"mainEntity": {{"@type": "Thing", "name": "Soups"}}}}')
    return (f'<html><head><title>Autumn Soup Recipes</title><meta property="og:type" content="{og_type}">'
            f'<script type="application/ld+json">{ld}</script>'
            f'</head><body><main><h1>Autumn Soup Recipes</h1><p>{intro}</p>'
            f'<div id="grid" data-src="/api/recipes"></div></main></body></html>')


def test_declared_collection_with_a_short_intro_fires():
    from cleannews.article import Block
    from cleannews.listing import judge_declared_collection

    intro = [Block("paragraph", INTRO)]
    assert judge_declared_collection(("ItemList",), intro).startswith("listing: the page declares itself a ItemList")
    assert judge_declared_collection(("BreadcrumbList", "CollectionPage"), intro)
    assert judge_declared_collection(("ItemList", "NewsArticle"), intro) is None  # it also declares an article
    assert judge_declared_collection(("ItemList", "BlogPosting"), intro) is None
    assert judge_declared_collection(("WebSite", "BreadcrumbList"), intro) is None
    long_body = [Block("paragraph", INTRO)] * 5
    assert judge_declared_collection(("ItemList",), long_body) is None  # a list article's body


def test_declared_collection_page_is_rejected_through_clean():
    import cleannews

    listing_page = cleannews.clean(collection_page('"CollectionPage"'))
    assert not listing_page.is_article and listing_page.page_type == "listing" and listing_page.text == ""
    article = cleannews.clean(collection_page('"WebPage"'))  # the same intro without the declaration
    assert article.is_article and "lentil soup" in article.text


def test_declared_collection_in_a_type_list_with_a_cms_og_type_is_rejected():
    import cleannews

    # "@type": [...] names each type; og:type 'article' (a CMS default) does not outweigh it
    listing_page = cleannews.clean(collection_page('["ItemList", "CollectionPage"]', og_type="article"))
    assert not listing_page.is_article and listing_page.page_type == "listing"
    article = cleannews.clean(collection_page('["WebPage", "Article"]', og_type="article"))
    assert article.is_article and "lentil soup" in article.text


PRODUCTS = (
    ("Glazed terracotta pot, 20 cm", "Frost-proof, with drainage hole.", "$24.00"),
    ("Hand-thrown stoneware planter", "Speckled cream glaze.", "$38.00"),
    ("Self-watering window box", "Holds water for a week.", "$29.50"),
    ("Hanging macramé basket", "Cotton cord, fits 15 cm pots.", "$18.00"),
    ("Tall fibreglass floor vase", "Light, weatherproof, matte black.", "$72.00"),
    ("Set of three herb pots", "With bamboo tray and labels.", "$31.00"),
    ("Copper-finish plant stand", "Two tiers, folds flat.", "$45.00"),
    ("Glass propagation station", "Three test tubes in an oak frame.", "$22.00"),
)
SHOP_INTRO = ("Indoor containers bring colour and warmth to every room in all seasons of the year. We offer a broad "
              "range of pots and planters for indoor use, from traditional terracotta to modern stoneware, and many "
              "of them look their best grouped together on a sill or a shelf.")


def shop_category_page(head: str = "", intro: str = SHOP_INTRO) -> str:
    """A shop category: a heading, an intro paragraph, and a grid of eight product cards."""
    cards = "".join(f'<li class="product"><a href="/p/{i}"><img src="/img/{i}.jpg" alt=""></a>'
                    f'<h3><a href="/p/{i}">{name}</a></h3><p>{note}</p><span class="price">{price}</span></li>'
                    for i, (name, note, price) in enumerate(PRODUCTS))
    return (f'<html><head><title>Indoor pots</title>{head}</head><body><header><a href="/">Home</a></header>'
            f'<main><h1>Indoor pots and planters</h1><div class="intro"><p>{intro}</p></div>'
            f'<ul class="grid">{cards}</ul></main></body></html>')


def test_intro_above_a_product_grid_is_rejected_on_an_index_url():
    import cleannews

    page = cleannews.clean(shop_category_page(), url="https://shop.example/indoor-pottery/")
    assert not page.is_article and page.page_type == "listing" and page.text == ""
    assert "intro beside 8 teaser items" in page.reason


def test_intro_above_a_grid_is_kept_when_the_page_says_article():
    """The same page is kept with an article-shaped URL, with og:type article, or with no URL
    (the grid alone does not say listing: short news stories sit beside link boxes too)."""
    import cleannews

    for url in ("https://shop.example/2024/05/indoor-pottery-ideas-for-small-flats.html",
                "https://shop.example/news/story.php?id=4711", None):
        article = cleannews.clean(shop_category_page(), url=url)
        assert article.is_article and article.text.startswith("Indoor containers bring colour"), url
    for head in ('<meta property="og:type" content="article">'
                 '<meta property="article:published_time" content="2024-05-06T08:00:00Z">',
                 '<meta property="og:type" content="article"><meta name="author" content="Jane Potter">',
                 '<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Indoor pots"}</script>'):
        declared = cleannews.clean(shop_category_page(head), url="https://shop.example/indoor-pottery/")
        assert declared.is_article and "grouped together on a sill" in declared.text, head


def test_og_type_article_alone_does_not_keep_an_intro_above_a_grid():
    """Many sites set og:type article on every page: without a date, an author or a JSON-LD
    article type beside it, the declaration does not outweigh an index URL and a grid."""
    import cleannews

    page = cleannews.clean(shop_category_page('<meta property="og:type" content="article">'),
                           url="https://shop.example/indoor-pottery/")
    assert not page.is_article and page.page_type == "listing" and page.text == ""


def test_article_that_is_most_of_its_page_is_kept_on_an_index_url():
    """A long body beside the same grid holds most of the page: an article with a product strip."""
    import cleannews

    prose = " ".join(lxml.html.fromstring(f"<p>{p}</p>").text_content() for p in EN_PARAGRAPHS)
    article = cleannews.clean(shop_category_page(intro=prose), url="https://shop.example/indoor-pottery/")
    assert article.is_article and "late-night bus service" in article.text


@pytest.mark.parametrize("url, expected", [
    ("https://shop.example/", True),
    ("https://shop.example/products/air-purifiers/?srsltid=AbC", True),
    ("https://blog.example/category/recipes/air-fryer", True),
    ("https://jobs.example/remote-jobs?role=engineering", True),
    ("https://news.example/2024/05/06/council-extends-bus-service/", False),  # a date
    ("https://news.example/sport/article3322353.ece", False),  # an id
    ("https://news.example/story.php?id=4711", False),  # an id parameter
    ("https://blog.example/detail?blogid=7&entry_id=235", False),  # id-named parameters
    ("https://blog.example/things-we-never-knew-we-wanted/2/", False),  # page 2 of a headline slug
    ("https://news.example/business/2/", True),  # page 2 of a section
    ("https://news.example/search?q=bus&page=2", True),
    ("https://news.example/world/council-extends-late-night-bus-service", False),  # a headline slug
    ("https://shop.example/chess-pieces.html", False),  # a document name
    ("https://news.example/category/%E3%83%8B%E3%83%A5%E3%83%BC%E3%82%B9", True),  # /category/ニュース
    ("https://news.example/item/%E5%B8%82%E5%96%B6%E3%83%90%E3%82%B9%E3%81%AE%E6%B7%B1%E5%A4%9C%E4%BE%BF"
     "%E3%80%81%E5%A2%97%E4%BE%BF%E3%81%B8", False),  # a headline: 市営バスの深夜便、増便へ
    ("https://news.example/item/市営バスの深夜便、来年四月から増便へ", False),
    ("/relative/path", False),
    (None, False),
])
def test_index_shaped_url(url, expected):
    from cleannews.listing import index_shaped_url

    assert index_shaped_url(url) is expected


ARTICLE_URLS = [  # one document each: index_shaped_url must be False
    "https://news.example/world/2024/05/12/council-extends-late-night-bus-service",  # date + slug
    "https://news.example/politics/council-extends-late-night-bus-service/",  # headline slug
    "https://news.example/article/12345678",  # numeric id
    "https://news.example/news/uk-politics-68957312",  # slug ending in an id
    "https://news.example/local/story.shtml",  # page script
    "https://news.example/economy/budget-vote.html",
    "https://news.example/item/市営バスの深夜便、来年四月から増便へ",  # CJK headline slug
    "https://news.example/amp/world/council-extends-late-night-bus-service",  # AMP path
    "https://news.example/news/amp/98765432",
    "https://news.example/read?id=123",  # query ids
    "https://blog.example/?p=4567",
    # opaque ids (no run of four digits): base62, hex, uuid, base64url
    "https://news.example/article/ALeqM5gXyzQ7bN2",
    "https://news.example/a/AbC12xYz",
    "https://news.example/articles/CBMiK2h0dHBzOi8vd3d3",
    "https://news.example/story/5f3a9c2e7b1d",
    "https://news.example/news/3f2b8c1a-9d4e-4a7b-b0c6-2e5f7a9d1c3b",
    "https://news.example/p/x7Kq2-Lm9_Zt",
    "https://news.example/article/ALeqMgXyzQbNwP",  # base62 without digits
    "https://news.example/story/a1b2c3d4/council-extends-bus",  # opaque id before a short slug
]
INDEX_URLS = [  # sections, searches, tags, pages of a list: index_shaped_url must be True
    "https://news.example/",
    "https://news.example/news/",
    "https://news.example/category/politics/",
    "https://news.example/tag/elections",
    "https://news.example/page/2/",
    "https://news.example/news/page/3/",
    "https://news.example/search?q=bus+service",
    "https://news.example/topics/economy",
    "https://news.example/sport/football",
    "https://news.example/topics/covid19",  # a short word with digits is a topic, not an id
    "https://news.example/sport/formula1/",
    "https://news.example/tag/WorldNews",  # CamelCase words are not an id
    "https://news.example/sport/Formula-1/",  # capitalised words and a number are not an id
    "https://news.example/lists/Top_10",
    "https://news.example/category/%E3%83%8B%E3%83%A5%E3%83%BC%E3%82%B9",
    "https://news.example/news/?utm_source=feed&utm_medium=AbC12xYz9",  # a token in the query only
]


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_article_urls_are_not_index_shaped(url):
    """Every article URL shape, opaque ids included, keeps the listing judges off the page."""
    from cleannews.listing import index_shaped_url

    assert index_shaped_url(url) is False


@pytest.mark.parametrize("url", INDEX_URLS)
def test_index_urls_are_index_shaped(url):
    """Sections, tags, searches and list pages stay index-shaped: the judges may reject them."""
    from cleannews.listing import index_shaped_url

    assert index_shaped_url(url) is True


def test_short_page_beside_a_grid_at_an_opaque_id_url_is_kept():
    """The shop-grid page that is a listing on an index URL is an article at an opaque-id URL
    (``/article/ALeqM5gXyz…``): the URL guard keeps the grid judge off it."""
    import cleannews

    assert cleannews.clean(shop_category_page(), url="https://shop.example/indoor-pottery/").page_type == "listing"
    for url in ("https://news.example/article/ALeqM5gXyzQ7bN2", "https://news.example/a/AbC12xYz"):
        page = cleannews.clean(shop_category_page(), url=url)
        assert page.is_article and page.page_type == "article" and page.text


def link_card_page(intro: str = SHOP_INTRO) -> str:
    """A catalogue whose cards are nothing but links (title, level and length all inside the link)."""
    cards = "".join(f'<div class="card"><a href="/course/{i}"><span>{name}</span><span>Beginner · 6 weeks · '
                    f'online, self-paced, with a certificate</span></a></div>'
                    for i, (name, _, _) in enumerate(PRODUCTS * 2))
    return (f'<html><head><title>Courses</title></head><body><div class="hero"><h1>Certificate programs</h1>'
            f'<p>{intro}</p></div><main><div class="grid">{cards}</div></main></body></html>')


def test_intro_above_a_grid_of_link_cards_is_rejected_on_an_index_url():
    import cleannews

    page = cleannews.clean(link_card_page(), url="https://school.example/certificate-programs")
    assert not page.is_article and page.page_type == "listing" and "link text" in page.reason
    kept = cleannews.clean(link_card_page(), url="https://school.example/news/2024/certificate-programs-grow")
    assert kept.is_article and "Indoor containers bring colour" in kept.text


def table_page(rows: int, caption: str = "") -> str:
    cells = "".join(f"<tr><td>Team {chr(65 + i)}</td><td>{40 - i}</td><td>{20 + i}</td><td>.{700 - 10 * i}</td></tr>"
                    for i in range(rows))
    return (f'<html><head><title>Standings</title></head><body><main><h1>League standings</h1>{caption}'
            f'<table><tr><th>Team</th><th>W</th><th>L</th><th>PCT</th></tr>{cells}</table></main></body></html>')


def test_body_that_is_a_table_without_prose_is_rejected():
    import cleannews

    page = cleannews.clean(table_page(12), url="https://sports.example/2024/standings-week-12.html")
    assert not page.is_article and page.page_type == "listing" and "table of 13 rows" in page.reason
    captioned = cleannews.clean(table_page(12, "<p>Standings after the games of Sunday.</p>"))
    assert not captioned.is_article  # a one-sentence caption is not an article


def test_table_inside_an_article_is_kept():
    import cleannews

    prose = "".join(f"<p>{p}</p>" for p in EN_PARAGRAPHS[:2])
    article = cleannews.clean(table_page(12, prose))
    assert article.is_article and "late-night bus service" in article.text and "Team A" in article.text
    declared = cleannews.clean(table_page(12).replace(
        "<title>", '<meta property="og:type" content="article"><title>'))
    assert declared.is_article and "Team A" in declared.text


LONG_POST = ("The harbour line gets its late buses back from April, the council said on Tuesday, after a year in which "
             "riders had to rely on taxis or long walks after ten in the evening. ",
             "Officials said the drivers needed for the extra runs have been hired and trained, and that the buses "
             "will run every twenty minutes until one in the morning on weekdays and later at weekends. ",
             "Riders' groups welcomed the news but asked the council to publish the new timetable well before the "
             "change, so that shift workers can plan their journeys home in good time. ")
SHORT_POSTS = (("Council names a new transit director", "The new director starts in March."),
               ("Stops get live crowding displays", "Screens at forty stops show how full the next bus is."),
               ("Fares stay frozen for another year", "The council kept fares at last year's level."))


def blog_front(siblings: bool = True) -> str:
    """A news front showing its newest post in full and three more under their linked headlines."""
    def post(i: int, title: str, paras: tuple[str, ...]) -> str:
        body = "".join(f"<p>{p}</p>" for p in paras)
        return (f'<article class="entry"><h2 class="entry-title"><a href="/news/post-{i}">{title}</a></h2>'
                f'<p class="date">May {i + 1}, 2024</p><div class="entry-content">{body}</div></article>')
    first = post(0, "Night buses return to the harbour line", LONG_POST)
    others = "".join(post(i + 1, title, (text,)) for i, (title, text) in enumerate(SHORT_POSTS))
    if not siblings:  # the same cards, in a box of their own beside the post
        others = f'<aside class="more"><div>{others}</div></aside>'
    return (f'<html><head><title>News</title></head><body><header><a href="/">Home</a></header>'
            f'<main><section class="blog-list">{first}{others if siblings else ""}</section>'
            f'{"" if siblings else others}</main></body></html>')


def test_one_post_of_a_front_of_sibling_posts_is_rejected_on_an_index_url():
    import cleannews

    page = cleannews.clean(blog_front(), url="https://transit.example/news")
    assert not page.is_article and page.page_type == "listing" and page.text == ""
    assert "one of 4 sibling posts" in page.reason


def test_one_post_beside_sibling_posts_is_kept_on_an_article_url_or_when_declared():
    import cleannews

    for url in ("https://transit.example/news/night-buses-return-to-the-harbour-line", "https://transit.example/2024/05/night-buses-return", None):
        article = cleannews.clean(blog_front(), url=url)
        assert article.is_article and "harbour line gets its late buses" in article.text, url
    declared = cleannews.clean(blog_front().replace(
        "<title>", '<script type="application/ld+json">{"@type": "NewsArticle"}</script><title>'),
        url="https://transit.example/news")
    assert declared.is_article and "harbour line gets its late buses" in declared.text


def test_a_post_whose_cards_sit_in_a_box_of_their_own_is_kept():
    """Related-post cards in an aside are not siblings of the post: an article with a card strip."""
    import cleannews

    article = cleannews.clean(blog_front(siblings=False), url="https://transit.example/news")
    assert article.is_article and "harbour line gets its late buses" in article.text


LEGAL = ("Copyright 2025 Example Realty. All rights reserved.",
         "Updated September 2025: by searching, you agree to the Terms of Use and the Privacy Policy of this site.",
         "All mortgage lending products and information are provided by a licensed lender in all fifty states. " * 3,
         "Example Realty is licensed to do business in New York as Example Real Estate, and under its own name "
         "in every other state.")


def footer_page(wrap: str = '<div class="SiteFooter"><div class="footerContent">', end: str = "</div></div>") -> str:
    """A search page whose results are drawn by a script: only the legal lines of the footer are text."""
    legal = "".join(f"<p>{p}</p>" for p in LEGAL)
    return (f'<html><head><title>Homes for sale</title></head><body><header><a href="/">Home</a> '
            f'<a href="/buy">Buy</a></header><main><div id="app"></div></main>{wrap}<div>{legal}</div>{end}'
            f'</body></html>')


def test_footer_selected_as_the_body_is_rejected():
    import cleannews

    for wrap, end in (('<div class="SiteFooter"><div class="footerContent">', "</div></div>"),
                      ("<footer>", "</footer>"), ('<div role="contentinfo">', "</div>"),
                      ('<nav><div class="topbar">', "</div></nav>"), ('<div role="navigation">', "</div>")):
        page = cleannews.clean(footer_page(wrap, end), url="https://homes.example/city/sparks")
        assert not page.is_article and page.page_type == "listing" and page.text == "", wrap
        assert page.reason == "listing: the selected text is the page footer or a menu"


def test_footer_judge_reads_only_the_nearest_ancestors():
    """A footer style on <body>, or a wrapper far up named 'body-and-footer', says nothing of the body."""
    from cleannews.listing import judge_page_chrome

    root = lxml.html.fromstring(
        '<html><body class="footer-dark"><div id="region-body-and-footer"><div id="region-body"><div id="columns">'
        '<article><p>Story text.</p></article></div></div></div>'
        '<div class="site-footer"><div class="links"><div class="col"><p>About us</p></div></div></div></body></html>')
    assert judge_page_chrome(root.xpath("//article")) is None
    assert judge_page_chrome(root.xpath("//div[@class='col']")) is not None  # footer two levels up
    assert judge_page_chrome(root.xpath("//div[@class='col']/p")) is None  # three levels up: too far
    assert judge_page_chrome(root.xpath("//article | //div[@class='col']")) is None  # not every node
    assert judge_page_chrome([]) is None


def test_main_or_article_inside_a_menu_is_misnested_markup_and_kept():
    """An unclosed <nav> that the parser extended over the page holds the article: not chrome."""
    from cleannews.listing import judge_page_chrome

    root = lxml.html.fromstring('<html><body><header><nav class="navbar"><div id="menu">'
                                '<main><p>Story text.</p></main><div class="blurb"><p>Menu blurb.</p></div>'
                                '</div></nav></header></body></html>')
    assert judge_page_chrome(root.xpath("//main")) is None
    assert judge_page_chrome(root.xpath("//div[@id='menu']")) is None  # holds the <main>
    assert judge_page_chrome(root.xpath("//div[@class='blurb']")) is not None


def test_article_above_a_footer_is_kept():
    import cleannews

    page = article_page(EN_PARAGRAPHS, "Night buses extended").replace(
        "</body>", '<div class="site-footer"><p>Copyright 2025 The Daily Example. All rights reserved.</p></div></body>')
    article = cleannews.clean(page, url="https://news.example/transit")
    assert article.is_article and "late-night bus service" in article.text


CARD_PRODUCTS = PRODUCTS[:6] + (("Rattan plant basket", "Woven by hand, with liner.", "$34.00"),
                                 ("Ceramic bonsai tray", "Shallow, with wire holes.", "$16.00"))


def card_grid_page(images: bool = True, own_links: bool = True, cls: str = "product-box", note: str = "",
                   path: str = "/p/") -> str:
    """A shop category drawn as image cards whose names are not links (a headline-link test sees no teasers)."""
    cards = "".join(
        f'<div class="{cls}"><a href="{path}{i if own_links else "cart"}">{"<img src=/i.jpg alt=>" if images else ""}</a>'
        f'<div class="name">{name}</div><span class="price">{price}</span><p class="note">{blurb}{note}</p></div>'
        for i, (name, blurb, price) in enumerate(CARD_PRODUCTS))
    return (f'<html><head><title>Indoor pots</title></head><body><header><a href="/">Home</a></header><main>'
            f'<h1>Indoor pots</h1><p>Pots for every room.</p><div class="grid">{cards}</div></main></body></html>')


def card_verdict(page: str, url: str | None = "https://shop.example/indoor-pots/", declares: bool = False) -> str | None:
    from cleannews.listing import judge_card_grid

    root = lxml.html.fromstring(page)
    nodes = root.xpath("//main")
    measure = Measure()
    blocks, _ = render_blocks(nodes, measure=measure)
    return judge_card_grid(nodes, blocks, measure, url=url, declares_article=declares)


def test_image_card_grid_is_rejected():
    import cleannews

    assert "8 image cards of one template" in card_verdict(card_grid_page())
    page = cleannews.clean(card_grid_page(), url="https://shop.example/indoor-pots/")
    assert not page.is_article and page.page_type == "listing" and page.text == ""
    assert "image cards of one template" in page.reason


def test_card_grid_needs_images_own_links_a_class_and_short_cards():
    assert card_verdict(card_grid_page(images=False)) is None
    assert card_verdict(card_grid_page(own_links=False)) is None  # every card links to the cart
    assert card_verdict(card_grid_page(cls="")) is None  # classless runs: paragraphs, table layouts
    long_note = " Each piece is fired twice and glazed by hand in our workshop, so colours vary a little." * 9
    assert card_verdict(card_grid_page(note=long_note)) is None  # sections of an article, not cards


def test_cards_without_images_that_link_below_the_page_are_rejected():
    """A section's own items live below it: /indoor-pots/ lists /indoor-pots/3."""
    import cleannews

    grid = card_grid_page(images=False, path="/indoor-pots/")
    assert "8 cards linking below this page of one template" in card_verdict(grid)
    page = cleannews.clean(grid, url="https://shop.example/indoor-pots/")
    assert not page.is_article and page.page_type == "listing" and page.text == ""
    # the same cards on the site root (every page lies below it), or linking elsewhere: kept
    assert card_verdict(grid, url="https://shop.example/") is None
    assert card_verdict(card_grid_page(images=False, path="/shop/p/")) is None


def test_card_grid_is_kept_on_an_article_page():
    import cleannews

    assert card_verdict(card_grid_page(), url="https://shop.example/2024/05/pots-for-small-flats.html") is None
    assert card_verdict(card_grid_page(), url=None) is None
    assert card_verdict(card_grid_page(), declares=True) is None
    article = cleannews.clean(card_grid_page(), url="https://shop.example/2024/05/pots-for-small-flats.html")
    assert article.is_article and "Hand-thrown stoneware planter" in article.text


def archive_page(body_class: str, head: str = "") -> str:
    """A category front: the category's intro above teasers drawn by a script."""
    intro = ("Quick and healthy air fryer recipes, from breakfast to snacks to weeknight dinners. We love how the air "
             "fryer makes everything crisp in record time with little or no oil. For meal prep, start with the "
             "turkey bacon and the hard boiled eggs, and do not miss the chicken thighs, a reader favourite.")
    return (f'<html><head><title>Air fryer recipes</title>{head}</head><body class="{body_class}">'
            f'<header><a href="/">Home</a></header><main><h1>Air fryer recipes</h1><div class="archive-description">'
            f'<p>{intro}</p><p>{intro}</p></div><div id="posts"></div></main></body></html>')


@pytest.mark.parametrize("body_class", ["archive category category-airfryer category-256 wp-theme-genesis",
                                        "archive tag tag-breakfast", "search search-results",
                                        "archive post-type-archive post-type-archive-recipe",
                                        "page-products catalog-category-view page-layout-2columns-left"])
def test_archive_body_classes_reject_the_page(body_class):
    import cleannews

    page = cleannews.clean(archive_page(body_class), url="https://food.example/category/recipes/airfryer/")
    assert not page.is_article and page.page_type == "listing" and page.text == ""
    assert "<body> classes name it" in page.reason


@pytest.mark.parametrize("body_class", ["post-template-default single single-post category-recipes",
                                        "page-template-default page", "archive tax-language term-spanish",
                                        "category-75 pagelayout-course", "catalog-product-view page-product-configurable",
                                        ""])
def test_post_page_and_taxonomy_body_classes_keep_the_page(body_class):
    import cleannews

    article = cleannews.clean(archive_page(body_class), url="https://food.example/category/recipes/airfryer/")
    assert article.is_article and "Quick and healthy air fryer recipes" in article.text


def test_archive_body_classes_yield_to_an_article_declaration():
    import cleannews

    head = '<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Air fryer recipes"}</script>'
    article = cleannews.clean(archive_page("archive category", head), url="https://food.example/recipes/airfryer/")
    assert article.is_article and "Quick and healthy air fryer recipes" in article.text


LAUNCHES = ("Pulldog", "GetMimic", "Wispr Flow", "Notely", "Tabby", "Framer", "Cursor", "Linear", "Raycast", "Arc",
            "Warp", "Zed", "Bolt", "Lovable", "Replit", "Vercel", "Supabase", "Resend", "Clerk", "Neon")


def link_front() -> str:
    """A front page that is a list of product links with a vote count after each."""
    items = "".join(f'<li><a href="/products/{n.lower().replace(" ", "-")}">{n}: the {n} app for teams that ship '
                    f'every day of the week</a> <span>{i}</span></li>' for i, n in enumerate(LAUNCHES))
    return (f'<html><head><title>Launches</title></head><body><main><h1>Top products launching today</h1>'
            f'<p>Vote for your favourites.</p><ul class="launches">{items}</ul></main></body></html>')


def test_body_of_link_text_is_rejected_on_an_index_url():
    import cleannews

    page = cleannews.clean(link_front(), url="https://launch.example/")
    assert not page.is_article and page.page_type == "listing" and page.text == ""
    assert page.reason.endswith("of the body is link text")


def test_link_body_judge_keeps_articles_and_declared_pages():
    import cleannews
    from cleannews.listing import judge_link_body

    root = lxml.html.fromstring(link_front())
    nodes, measure = root.xpath("//main"), Measure()
    assert judge_link_body(nodes, measure, url="https://launch.example/", declares_article=False)
    assert judge_link_body(nodes, measure, url="https://launch.example/", declares_article=True) is None
    assert judge_link_body(nodes, measure, url=None, declares_article=False) is None
    assert judge_link_body(nodes, measure, url="https://launch.example/2024/05/launches.html",
                           declares_article=False) is None
    article = lxml.html.fromstring(article_page(EN_PARAGRAPHS, "Night buses extended"))  # inline links
    assert judge_link_body(article.xpath("//article"), Measure(), url="https://news.example/transit",
                           declares_article=False) is None
    kept = cleannews.clean(link_front(), url="https://launch.example/2024/05/top-products-launching-today.html")
    assert kept.is_article and "Wispr Flow" in kept.text

"""`cleannews.select`: picking the body on div soup, table layouts and split articles."""

from __future__ import annotations

import lxml.html
import pytest

import cleannews
from cleannews.measure import Measure
from cleannews.rules import rule_names
from cleannews.markers import protected_elements
from cleannews.select import _class_weight, select_body

EN = (
    "The council voted on Tuesday to extend late-night bus service on three busy routes, pushing the last "
    "departures back by half an hour.",
    "Transit officials said ridership after ten in the evening rose by roughly a fifth last year, driven by hospital "
    "staff and restaurant workers.",
    "The extra service is expected to cost about eight hundred thousand dollars a year, and fares will not change, "
    "officials said.",
    "A local riders' group welcomed the decision and urged the council to consider the same change on other routes "
    "next year.",
)
JA = (
    "市交通局は十二日、市営バスの深夜便を来年四月から増便すると発表した。利用者の多い駅前と住宅地を結ぶ三路線で、"
    "平日の最終便を三十分ほど遅らせる。",
    "同局によると、昨年度の深夜帯の利用者数は前年度より二割ほど増えた。飲食店や病院で働く人からの要望が多く、"
    "運転手の確保にめどが立ったという。",
    "増便に伴う費用は年間およそ八千万円を見込む。運賃は据え置き、車内の混雑状況を知らせる案内表示を停留所に新たに設ける。",
    "市民団体の代表は「帰宅の足が確保されるのは心強い。ほかの路線にも広げてほしい」と話した。",
)
MENU = "".join(f'<div class="m{i}"><a href="/s/{i}">Section number {i} of the site</a></div>' for i in range(8))


def lines(article: cleannews.Article) -> list[str]:
    return article.text.split("\n") if article.text else []


def test_div_soup_without_semantic_markup_picks_the_prose():
    page = (f'<html><body><div id="top">{MENU}</div><div id="x1"><div id="x2">' + "<br><br>".join(EN)
            + '</div></div><div id="bot">Contact us | About us | Jobs | Advertise with us</div></body></html>')
    article = cleannews.clean(page)
    assert article.is_article
    assert lines(article) == list(EN)


def test_div_soup_with_font_tags_in_japanese():
    page = ("<html><body><div>" + "".join(f'<div><a href="/{i}">メニュー項目{i}</a></div>' for i in range(10))
            + "</div><div><div><font size=2>" + "<br>\n<br>\n".join(JA) + "</font></div></div>"
            "<div>会社概要｜お問い合わせ｜採用情報</div></body></html>")
    article = cleannews.clean(page)
    assert lines(article) == list(JA)


def test_table_layout_picks_the_content_cell():
    nav = "<br>".join(f'<a href="/{i}">Menu item {i}</a>' for i in range(8))
    page = ("<html><body><table><tr><td colspan=2>Example Times - the paper of record since 1887</td></tr>"
            f"<tr><td width=150>{nav}</td><td><font size=2><p>" + "<p>".join(EN) + "</font></td></tr>"
            "<tr><td colspan=2>Copyright 2003 Example Times. All rights reserved.</td></tr></table></body></html>")
    article = cleannews.clean(page)
    assert article.is_article
    assert lines(article) == list(EN)
    assert "Menu item" not in article.text and "Copyright" not in article.text


def test_nested_table_layout_in_japanese():
    side = "".join(f'<tr><td><a href="/{i}">カテゴリー{i}</a></td></tr>' for i in range(8))
    page = (f"<html><body><table width=760><tr><td width=160><table>{side}</table></td>"
            "<td><table><tr><td>" + "<br><br>".join(JA) + "</td></tr></table></td></tr></table></body></html>")
    article = cleannews.clean(page)
    assert lines(article) == list(JA)


def test_article_split_over_two_sibling_divs_keeps_both():
    page = (f'<html><body><div class="nav">{MENU}</div><div class="story-part"><p>{EN[0]}</p><p>{EN[1]}</p></div>'
            '<div class="ad-box"><a href="/ad">Buy now</a></div>'
            f'<div class="story-part"><p>{EN[2]}</p><p>{EN[3]}</p></div></body></html>')
    article = cleannews.clean(page)
    assert lines(article) == list(EN)


def test_a_like_named_part_whose_paragraphs_sit_deep_joins_the_body():
    """Component sites wrap a part's paragraphs in many levels; the credited levels do not
    reach the part itself, so it has no score: its paragraph mass counts instead."""
    def deep(paragraphs):
        return "<div>" * 6 + "".join(f"<p>{p} <a href='/more'>More</a></p>" for p in paragraphs) + "</div>" * 6
    page = (f'<html><body><div>{MENU}</div><div id="post"><div class="acf-content">{deep(EN[:2] * 2)}</div>'
            f'<div class="acf-content">{"".join(f"<p>{p}</p>" for p in EN[2:] * 5)}</div>'
            f'<div class="other">{deep(JA[:2])}</div></div></body></html>')
    text = cleannews.clean(page).text
    assert EN[0] in text and EN[3] in text
    assert JA[0] not in text  # an unnamed sibling's mass alone does not join


def test_numbered_parts_in_like_named_wrappers_are_all_kept():
    """story-body-1 and story-body-2, each in its own 'supplemental' wrapper with an ad
    between them: the second part is the top, the first a cousin the sibling pass never sees."""
    def part(n, paragraphs, aside):
        body = "".join(f"<p>{p} <a href='/x'>x</a></p>" for p in paragraphs)
        return (f'<div class="story-body-supplemental"><div class="story-body story-body-{n}">{body}</div>'
                f'<div class="supplemental">{aside}</div></div>')
    page = (f'<html><body><div>{MENU}</div><article>{part(1, EN[:2] * 2, "Pull quote")}'
            f'<div class="story-interrupter"><a href="/ad">Advertisement</a></div>'
            f'{part(2, EN[2:] * 5, "Related")}<div class="story-body-supplemental"><div class="other">'
            f'<p>{JA[0]}</p></div></div></article></body></html>')
    text = cleannews.clean(page).text
    assert text.index(EN[0]) < text.index(EN[1]) < text.index(EN[2])
    assert "Pull quote" not in text and JA[0] not in text  # only the like-named parts join


def test_article_split_over_differently_named_siblings_keeps_both():
    page = (f'<html><body><div>{MENU}</div><div class="lead"><p>{JA[0]}</p><p>{JA[1]}</p></div>'
            f'<div class="continued"><p>{JA[2]}</p><p>{JA[3]}</p></div></body></html>')
    article = cleannews.clean(page)
    assert lines(article) == list(JA)


def test_sections_under_subheadings_are_all_kept():
    page = ("<html><head><title>Bus plan</title></head><body><div class=\"wrap\"><h1>Bus plan</h1>"
            f"<section><h2>The vote</h2><p>{EN[0]}</p><p>{EN[1]}</p></section>"
            f"<section><h2>The cost</h2><p>{EN[2]}</p><p>{EN[3]}</p></section></div></body></html>")
    article = cleannews.clean(page)
    assert lines(article) == ["The vote", EN[0], EN[1], "The cost", EN[2], EN[3]]


def test_article_body_marker_wins_over_a_longer_teaser_block():
    teasers = "".join(f"<p>Teaser {i}: {EN[i % 4]}</p>" for i in range(6))
    page = (f'<html><body><div class="promo-column">{teasers}</div>'
            f'<div itemprop="articleBody"><p>{JA[0]}</p><p>{JA[1]}</p></div></body></html>')
    article = cleannews.clean(page, disabled_rules=rule_names())
    assert JA[0] in article.text and JA[1] in article.text


def test_listing_page_is_not_an_article():
    items = "".join(f'<li><a href="/news/{i}">Headline number {i} about the city and its buses</a>'
                    f"<span>2024-04-0{i % 9 + 1}</span></li>" for i in range(20))
    page = f"<html><body><h1>Latest news</h1><ul class=\"news-list\">{items}</ul></body></html>"
    article = cleannews.clean(page)
    assert not article.is_article
    assert article.text == ""


def test_select_body_on_an_empty_page():
    body = lxml.html.document_fromstring("<html><body><div></div></body></html>").find("body")
    selection = select_body(body, Measure())
    assert selection.nodes == () and selection.top is None and selection.score == 0.0


def test_select_body_returns_nodes_in_document_order():
    root = lxml.html.document_fromstring(
        f'<html><body><div id="a"><p>{EN[0]}</p><p>{EN[1]}</p></div><div id="b"><p>{EN[2]}</p>'
        f"<p>{EN[3]}</p></div></body></html>")
    selection = select_body(root.find("body"), Measure())
    assert selection.top is not None and selection.score > 0
    text = "".join(n.text_content() for n in selection.nodes)
    assert all(p in text for p in EN)
    positions = [text.index(p) for p in EN]
    assert positions == sorted(positions)


def test_protected_elements():
    root = lxml.html.document_fromstring(
        '<html><body><div id="w"><main><article><h1>Bus plan</h1><div itemprop="articleBody" id="ab"><p>x</p></div>'
        '</article></main><aside id="side"><h1>Other</h1></aside></div></body></html>')
    body = root.find("body")
    protected = protected_elements(body, "Bus plan")
    ids = {el.get("id") or el.tag for el in protected}
    assert {"ab", "article", "main", "w", "body", "h1"} <= ids
    assert "side" not in ids
    assert all(el.text_content() != "Other" for el in protected)


def test_protected_h1_needs_the_headline():
    root = lxml.html.document_fromstring("<html><body><div id='w'><h1>Bus plan</h1></div></body></html>")
    assert protected_elements(root.find("body"), None) == frozenset()
    assert {el.get("id") for el in protected_elements(root.find("body"), "bus  PLAN".replace("  ", " "))} >= {"w"}


@pytest.mark.parametrize("cls,sign", [("article-body", 1), ("entry-content", 1), ("post-body", 1),
                                      ("comment-list", -1), ("site-sidebar", -1), ("share-tools", -1)])
def test_class_weight_of_multi_word_classes(cls, sign):
    weight = _class_weight(lxml.html.fragment_fromstring(f'<div class="{cls}"></div>'))
    assert weight * sign > 0


@pytest.mark.parametrize("cls,sign", [("content", 1), ("story", 1), ("entry", 1), ("comments", -1),
                                      ("sidebar", -1), ("footer", -1)])
def test_class_weight_of_single_word_classes(cls, sign):
    weight = _class_weight(lxml.html.fragment_fromstring(f'<div class="{cls}"></div>'))
    assert weight * sign > 0


def test_item_prop_article_body_weight():
    assert _class_weight(lxml.html.fragment_fromstring('<div itemprop="articleBody"></div>')) >= 50


def test_short_body_on_a_page_full_of_other_text_is_not_an_article():
    from cleannews.article import Block
    from cleannews.select import judge_article

    intro = [Block("paragraph", "Browse our handmade wallets, made to order in small batches.")]
    verdict = judge_article(intro, page_weight=5000, min_chars=20)
    assert not verdict.is_article and "not an article" in verdict.reason
    assert judge_article(intro, page_weight=300, min_chars=20).is_article  # the page has little else
    long_body = [Block("paragraph", "A paragraph of reporting that runs on for a while. " * 10)]
    assert judge_article(long_body, page_weight=5000, min_chars=20).is_article


def test_page_weight_is_read_only_for_short_bodies():
    """`page_weight` may be a function (a read of the whole page): a long body never calls it."""
    from cleannews.article import Block
    from cleannews.select import judge_article

    calls: list[int] = []

    def page_weight() -> float:
        calls.append(1)
        return 5000.0

    long_body = [Block("paragraph", "A paragraph of reporting that runs on for a while. " * 10)]
    assert judge_article(long_body, page_weight=page_weight, min_chars=80).is_article and calls == []
    intro = [Block("paragraph", "Browse our handmade wallets, made to order in small batches.")]
    assert not judge_article(intro, page_weight=page_weight, min_chars=20).is_article and calls == [1]


def test_lead_paragraph_in_a_sibling_div_before_the_body_joins_it():
    paras = "".join(f"<p>{'The regional council approved the budget after a long debate on Tuesday. ' * 3}</p>"
                    for _ in range(5))
    page = ('<html><body><div id="wrap"><div class="lead">Regional budget passes with a narrow majority '
            'after weeks of talks.</div><div class="body">' + paras + '</div></div></body></html>')
    article = cleannews.clean(page)
    assert article.text.startswith("Regional budget passes")


def test_a_short_post_that_is_its_declared_summary_is_an_article():
    from cleannews.article import Block
    from cleannews.select import judge_article

    post = [Block("paragraph", "わぁ！"), Block("paragraph", "届いた新しい名刺、"), Block("paragraph", "欲しい人いますか？")]
    assert not judge_article(post, page_weight=5000, min_chars=80).is_article
    summary = "わぁ！ 届いた新しい名刺、欲しい人いますか？"
    assert judge_article(post, page_weight=5000, min_chars=80, declared_summary=summary).is_article
    # a description that only starts the same way, or is too short to mean anything, is no proof
    assert not judge_article(post, page_weight=5000, min_chars=80, declared_summary="わぁ！").is_article
    other = "わぁ！ 届いた新しい名刺、欲しい人いますか？ 詳しくはプロフィールから、お仕事のご依頼もどうぞ。"
    assert not judge_article(post, page_weight=5000, min_chars=80, declared_summary=other).is_article


def test_declared_summary_may_be_cut_with_an_ellipsis():
    from cleannews.article import Block
    from cleannews.declared import is_declared_summary

    post = [Block("paragraph", "The ferry resumed service on Monday after the storm.")]
    assert is_declared_summary(post, "The ferry resumed service on Monday after the…")
    assert not is_declared_summary(post, "The ferry…")
    assert not is_declared_summary(post, None)


def test_short_post_needs_the_page_to_declare_itself_an_article():
    page = ('<html><head><meta property="og:type" content="{og}"><meta property="og:description" '
            'content="Back from the market: plums!"></head><body><div class="post">Back from the market: '
            'plums!</div><div>' + "".join(
                f'<a href="/p/{i}">Our allotment diary, week {i}: beans, rain and slugs</a> '
                for i in range(30)) + '</div></body></html>')
    assert cleannews.clean(page.format(og="article")).text == "Back from the market: plums!"
    assert not cleannews.clean(page.format(og="website")).is_article


def test_lines_inside_one_link_on_a_near_empty_page_are_kept():
    page = '<html><body><a href="javascript:"><p>Alpha line</p><p>Beta line</p>Gamma line</a></body></html>'
    assert cleannews.clean(page).text.splitlines() == ["Alpha line", "Beta line", "Gamma line"]
    headings_only = ("<html><body><article><h2>Test Case 1</h2><img src='a.jpg'><h2>Test Case 2</h2>"
                     "</article></body></html>")
    assert cleannews.clean(headings_only).text.splitlines() == ["Test Case 1", "Test Case 2"]


def test_teaser_cards_inside_links_do_not_outscore_the_article():
    """<li><a href><div>summary</div></a></li>: the summary is link text, however long."""
    cards = "".join(
        f'<li><a href="/news/{i}"><div class="inf_txt">A long teaser summary number {i}, with commas, clauses, '
        f'and enough words to look like a paragraph, but it is a link to another page.</div></a></li>'
        for i in range(8))
    body = "".join(f"<div>{s}</div><div>&nbsp;</div>" for s in EN[:3])
    page = (f'<html><body><div id="left"><ul>{cards}</ul></div><div id="center"><h1>Bus plan</h1>'
            f'<div class="publtxt">{body}</div></div></body></html>')
    article = cleannews.clean(page)
    assert EN[0] in article.text
    assert "teaser summary" not in article.text


def test_a_lone_link_card_inside_a_post_still_counts():
    from cleannews.select import _inside_teaser_link

    root = lxml.html.fromstring('<div><p>Text</p><a href="/x"><span id="c">card</span></a>'
                                '<ul><li><a href="/y"><span id="t">teaser</span></a></li></ul></div>')
    assert not _inside_teaser_link(root.get_element_by_id("c"))
    assert _inside_teaser_link(root.get_element_by_id("t"))


def test_a_content_like_name_does_not_replace_evidence():
    from cleannews.select import NAME_MAX_FACTOR

    """A cell named 'main-body' holding one short line must not outscore the article's
    unnamed cell (Readability's +25 for the name alone would)."""
    paras = "".join(f"<p>{s}</p>" for s in EN)
    page = ('<html><body><table><tr><td><table><tr><td class="main-body"><b>Business courses</b> '
            'and a short line about them, with a comma.</td></tr></table>'
            f'</td><td><div id="story">{paras}</div></td></tr></table></body></html>')
    article = cleannews.clean(page)
    assert all(s in article.text for s in EN)
    named = lxml.html.document_fromstring(
        '<html><body><div class="main-body">Business courses and short lines about them</div></body></html>')
    bare = lxml.html.document_fromstring(
        '<html><body><div>Business courses and short lines about them</div></body></html>')
    named_score = select_body(named.find("body"), Measure()).score
    bare_score = select_body(bare.find("body"), Measure()).score
    assert bare_score < named_score <= bare_score + NAME_MAX_FACTOR * (bare_score - 5.0)  # 5: a <div>'s base


def test_a_page_that_says_only_a_word_or_two_returns_them():
    import cleannews

    assert cleannews.clean("<html><body>\n  Test\n</body></html>").text == "Test"
    assert cleannews.clean("<html><body><p>短い。</p></body></html>").text == "短い。"
    article = cleannews.clean('<html><body><a href="javascript:"><p>abc</p><p>def</p>ghi</a></body></html>')
    assert article.is_article and article.text.split() == ["abc", "def", "ghi"]
    # the same words beside a page of other text are a stub, not the page
    crowded = "<html><body><p>Test</p>" + "<div><a href='/x'>Other story headline here</a></div>" * 40 + "</body></html>"
    assert not cleannews.clean(crowded).is_article


def _river_page(story_class: str, river_class: str) -> str:
    summary = ("Officials said the plan would be reviewed next spring, and riders' groups asked for more "
               "routes, longer hours and better shelters at the busiest stops in town.")
    river = "".join(f'<div class="item"><h3><a href="/story/{i}">Headline number {i} about the city budget</a></h3>'
                    f"<p>{summary}</p></div>" for i in range(10))
    return (f'<html><body><div>{MENU}</div><div id="main"><div class="{story_class}"><div class="kicker">Transit'
            f'</div><div class="story">{"".join(f"<p>{p}</p>" for p in EN)}</div></div>'
            f'<div class="{river_class}"><div class="stream">{river}</div></div></div></body></html>')


@pytest.mark.parametrize("story_class,river_class", [("col", "rail"), ("col", "col")],
                         ids=["climb", "like-named-sibling"])
def test_a_river_of_teasers_beside_the_body_stays_out(story_class, river_class):
    """Story summaries under or beside the article read as prose: the body neither climbs to
    the ancestor that holds them (a rail) nor takes them in as a sibling (a like-named column),
    and the page is not taken for a listing."""
    article = cleannews.clean(_river_page(story_class, river_class))
    assert article.is_article and lines(article)[-4:] == list(EN) and "Headline" not in article.text


def _two_row_table(second_row: str) -> str:
    first = "".join(f"<p>{p}</p>" for p in EN[:3])
    return (f'<html><body><div>{MENU}</div><table><tr><td>{first}</td><td>Jan 5</td></tr>'
            f"<tr><td>{second_row}</td><td>Page 2</td></tr></table></body></html>")


def test_table_layout_article_running_on_in_the_next_row_is_taken_whole():
    """A cell holding 60% of the page's prose still climbs to the table when the next row
    carries the rest of the article (old layouts split a story across rows)."""
    more = "Officials expect the first results in the autumn, when the council decides again."
    article = cleannews.clean(_two_row_table(f"<p>{EN[3]}</p><p>{more}</p>"))
    assert lines(article)[:3] == list(EN[:3])
    assert EN[3] in lines(article) and more in lines(article)


def test_table_layout_row_of_links_under_the_article_stays_out():
    links = "".join(f'<a href="/s/{i}">Other story number {i} on the city budget</a><br>' for i in range(8))
    article = cleannews.clean(_two_row_table(links))
    assert lines(article) == list(EN[:3])


_OGP_CARD = ('<div><div class="ogpCard_root"><article class="card"><a class="card-link" href="https://news.example.jp/a/1">'
             '<span class="card-content"><span class="card-title">市営バス、深夜便を来年四月から増便 - 例示ニュース</span>'
             '<span class="card-desc">市交通局は十二日、市営バスの深夜便を来年四月から増便すると発表した。利用者の多い駅前と'
             '住宅地を結ぶ三路線で、平日の最終便を三十分ほど遅らせる。</span>'
             '<span class="card-url">news.example.jp</span></span><img src="/ogp.png" alt=""></a></article></div></div>')


def _card_post(card: str) -> str:
    post = ("<div id='e1'><div><br></div><div>びっくり、</div><div>うれしい！</div>"
            f"<div><br></div>{card}<div><br></div><div>明日乗ります。</div></div>")
    side = "".join(f'<li><a href="/e/{i}">過去の記事その{i}：週末の散歩と季節の花</a></li>' for i in range(6))
    return f"<html><head><title>深夜バス</title></head><body><div id='main'><h1>深夜バス</h1>{post}</div><div id='side'><ul>{side}</ul></div></body></html>"


def test_a_short_post_around_a_link_card_is_taken_with_the_card():
    """The card's summary outscores the post's one-line paragraphs: the body is the post around it."""
    article = cleannews.clean(_card_post(_OGP_CARD))
    got = lines(article)
    assert got[:2] == ["びっくり、", "うれしい！"] and got[-1] == "明日乗ります。"
    assert any(line.startswith("市交通局は十二日") or "市交通局は十二日" in line for line in got)  # the card stays
    assert "過去の記事" not in article.text


def test_a_card_among_other_cards_stays_alone():
    from cleannews.select import _out_of_link_card

    cards = "".join(f'<div class="c"><a href="/n/{i}"><span id="s{i}">{JA[i]}</span></a></div>' for i in range(4))
    root = lxml.html.fromstring(f"<html><body><div id='grid'>{cards}</div></body></html>")
    body = root.find("body")
    top = root.get_element_by_id("s0")
    assert _out_of_link_card(top, Measure(), body) is top


def test_a_short_line_with_a_link_under_the_body_does_not_join_it():
    """A one-line appeal with a ranking banner link after the post is furniture; a plain one joins."""
    body = "".join(f"<p>{s}</p>" for s in JA)
    page = ("<html><body><div id='wrap'><article class='entry'>{body}</article>"
            "<p class='yell'>週末の散歩と季節の花の日々をつづっています！<br><a href='https://ranking.example/in?id=1'>"
            "<img src='/banner.gif' alt=''></a></p><p class='tail'>また来週お会いしましょう！</p></div></body></html>")
    article = cleannews.clean(page.format(body=body))
    assert JA[0] in article.text and "また来週お会いしましょう！" in article.text
    assert "季節の花の日々" not in article.text


def test_a_small_box_after_the_body_does_not_join_it():
    """A short block after the story, named otherwise (a disclaimer, a donation plea) is the
    page's, not the article's last part: it no longer joins as a sibling.  A like-named part
    after the body still does."""
    note = ("This article is for general information only, and it is not legal, tax or financial advice; "
            "please, if in doubt, ask a qualified adviser, a lawyer or an accountant.")
    page = (f'<html><body><div>{MENU}</div><div id="wrap"><div class="story">'
            + "".join(f"<p>{p}</p>" for p in EN * 3) + "</div>"
            f'<div class="story"><p>{EN[0]} Again.</p></div>'
            f'<div class="site-note"><p>{note}</p><p>{note}</p></div></div></body></html>')
    text = cleannews.clean(page).text
    assert EN[3] in text and f"{EN[0]} Again." in text
    assert "general information only" not in text


def test_text_in_an_unknown_element_is_read_as_prose():
    # A counter's <sape_index> (a tag HTML does not define) wraps the article's <br> paragraphs.
    side = "".join(f'<p><a href="/n/{i}">Other news item number {i}</a> short note here.</p>' for i in range(3))
    page = ("<html><body><table><tr><td>" + side + "</td><td><a href='/sec'>Local:</a> <a href='/n/9'>Bus service"
            " extended</a><div>Mon, 16 Jan</div><sape_index>" + "<br><br>".join(EN)
            + "</sape_index></td></tr></table></body></html>")
    article = cleannews.clean(page)
    assert article.is_article
    assert lines(article)[-4:] == list(EN)
    assert not any("Other news item" in line for line in lines(article))


def test_a_long_legal_notice_does_not_outscore_a_short_article():
    legal = ("© 2005 Example Press. All materials on this site are protected by law, including copyright and related"
             " rights. When using them in electronic media, a link is required, a hyperlink is welcome, and in print"
             " media, the written permission of the editors is needed, as registered with the press office, number 19,"
             " on March 16, 2005, by the federal service, for mass communications, and cultural heritage.")
    page = ("<html><body><div class='story'><p>" + EN[0] + "</p><p>" + EN[1] + "</p></div>"
            f"<table><tr><td><font size=1>{legal}</font></td></tr></table></body></html>")
    article = cleannews.clean(page)
    assert lines(article) == list(EN[:2])


def test_opening_paragraphs_before_a_read_more_box_join_the_rest_of_the_story():
    """The story's opening paragraphs stand before a 'read more' box that wraps the rest: the
    box's content wins the scoring and holds most of the page's prose, yet the paragraphs
    before its bare wrapper are the article's too.  A teaser box after the story stays out."""
    more = [f"{p} Part {i}." for i in range(3) for p in EN]
    page = (f'<html><body><div>{MENU}</div><div class="story"><div class="story-body">'
            f"<p>{EN[0]} Opening.</p><p>{EN[1]} Opening.</p>"
            '<div class="expander"><div class="expander-link"><a href="#more">Read more</a></div>'
            '<div class="expander-content">' + "".join(f"<p>{p}</p>" for p in more) + "</div></div></div>"
            '<div class="teasers"><p><a href="/n/1">Other news of the day</a> in one short line.</p></div>'
            "</div></body></html>")
    text = cleannews.clean(page).text
    assert f"{EN[0]} Opening." in text and f"{EN[1]} Opening." in text
    assert f"{EN[3]} Part 2." in text
    assert "Other news of the day" not in text

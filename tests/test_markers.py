"""`cleannews.markers`: the elements no boilerplate rule may remove."""

from __future__ import annotations

import lxml.html

import cleannews
from cleannews.markers import named_body, prose_center

LINE = "Python 3.6.0 is the newest major release of the language, with many new features and optimizations."


def _body(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html).find("body")


def test_prose_center_counts_lines_between_br_tags():
    body = _body(f'<html><body><div id="post">{"<br>".join([LINE] * 5)}</div>'
                 f'<div id="side"><p>{LINE}</p></div></body></html>')
    assert prose_center(body).get("id") == "post"


def test_named_body_finds_the_post_body_by_its_name():
    body = _body(f'<html><body><div class="widget Blog"><div class="post-body entry-content">{LINE * 3}</div></div>'
                 f'<div class="sidebar">{LINE}</div></body></html>')
    assert named_body(body).get("class") == "post-body entry-content"


def test_named_body_ignores_short_repeated_and_comment_elements():
    short = _body('<html><body><div class="entry-content">Too short to be a post.</div></body></html>')
    assert named_body(short) is None
    repeated = "".join(f'<li><div class="postContent">{LINE * 3}</div></li>' for _ in range(3))
    assert named_body(_body(f"<html><body><ul>{repeated}</ul></body></html>")) is None
    comment = _body(f'<html><body><div id="comments"><div class="entry-content">{LINE * 3}</div></div></body></html>')
    assert named_body(comment) is None


def test_blog_post_inside_a_widget_survives_the_sidebar_rule():
    """Blogger wraps the post in <div class="widget Blog">; 'widget' alone marks a sidebar."""
    post = "<br>\n".join([LINE, "You can download it from the downloads page today, as usual.", LINE])
    side = "".join(f'<div class="widget HTML"><h2>Links {i}</h2><a href="/{i}">Archive {i}</a></div>' for i in range(8))
    page = (f'<html><body><div class="main section"><div class="widget Blog"><h3 class="post-title">Python 3.6.0</h3>'
            f'<div class="post-body entry-content">{post}</div></div></div><div class="sidebar section">{side}</div>'
            f'<div class="footer">{"Copyright and other notes. " * 30}</div></body></html>')
    article = cleannews.clean(page)
    assert article.is_article
    assert "You can download it" in article.text
    assert "Archive 3" not in article.text


def test_page_state_classes_on_body_do_not_make_everything_a_comment():
    """<body class="cookies-not-set"> is a flag, not a consent manager around the article."""
    page = (f'<html><body class="single-post cookies-not-set"><main><article>'
            f'<div class="entry__content steady-paywall-container"><p>{LINE * 3}</p><p>{LINE * 2}</p></div>'
            f'</article></main></body></html>')
    body = _body(page)
    assert named_body(body).get("class") == "entry__content steady-paywall-container"
    assert prose_center(body) is not None
    assert LINE in cleannews.clean(page).text


def test_prose_center_skips_a_comment_thread_with_more_paragraphs():
    comments = "".join(f"<p>{LINE} Comment {i}.</p>" for i in range(8))
    body = _body(f'<html><body><div id="story"><p>{LINE * 2}</p><p>{LINE * 2}</p></div>'
                 f'<div id="comments">{comments}</div></body></html>')
    assert prose_center(body).get("id") == "story"


def test_prose_center_skips_threads_named_with_comment_inside_a_word():
    """'commentsDiv', 'userComments' hold reader comments; 'commentary' is an opinion piece."""
    comments = "".join(f"<p>{LINE} Comment {i}.</p>" for i in range(8))
    for name in ("commentsDiv", "userComments"):
        body = _body(f'<html><body><div id="story"><p>{LINE * 2}</p><p>{LINE * 2}</p></div>'
                     f'<div class="{name}">{comments}</div></body></html>')
        assert prose_center(body).get("id") == "story", name
    body = _body(f'<html><body><div id="story"><p>{LINE * 2}</p></div>'
                 f'<div class="commentary">{comments}</div></body></html>')
    assert prose_center(body).get("class") == "commentary"


def test_prose_center_skips_a_thread_a_comment_heading_titles():
    """A thread without comment names, under a 'Comments' heading, outweighs the article: the
    story is the center; a block after an ordinary subheading still counts."""
    thread = "".join(f"<div><p>{LINE} Reader {i} agrees.</p></div>" for i in range(8))
    body = _body(f'<html><body><div id="story"><p>{LINE * 2}</p><p>{LINE * 2}</p></div>'
                 f'<div class="box"><h3>Comments (8)</h3><div class="note">Be nice.</div>'
                 f'<div id="thread"><p>{LINE * 3}</p><p>{LINE * 3}</p>{thread}</div></div></body></html>')
    assert prose_center(body).get("id") == "story"
    body = _body(f'<html><body><div id="story"><p>{LINE * 2}</p><p>{LINE * 2}</p></div>'
                 f'<div class="box"><h3>What the study found</h3><div class="note">Be nice.</div>'
                 f'<div id="thread"><p>{LINE * 3}</p><p>{LINE * 3}</p></div></div></body></html>')
    assert prose_center(body).get("id") == "thread"


def test_a_thread_larger_than_the_article_goes_and_the_article_stays():
    """Reader comments that hold most of the page's text are no article when the article's
    paragraphs stand elsewhere; on a page of nothing but the thread it is kept."""
    story = "".join(f"<p>{LINE} Story part {i}.</p>" for i in range(3))
    thread = "".join(f'<div class="item"><b>Reader {i}</b><p>{LINE} I disagree, {i}.</p></div>' for i in range(12))
    article = cleannews.clean(f'<html><body><div class="story">{story}</div>'
                              f'<div class="commentDiv">{thread}</div></body></html>')
    assert "Story part 2" in article.text
    assert "I disagree" not in article.text
    assert any(r.rule == "comments" for r in article.removed)
    alone = cleannews.clean(f'<html><body><div class="commentDiv">{thread}</div></body></html>')
    assert "I disagree, 3" in alone.text


def test_article_sections_with_furniture_names_are_protected_beside_the_center():
    """An article built of repeated blocks named 'widgetWrapper' / 'skip-item' keeps all of them."""
    sections = "".join(f'<div class="widgetWrapper"><h2>Trend {i}</h2><p>{LINE} Section {i}.</p></div>'
                       for i in range(4))
    center_block = f'<div class="widgetWrapper"><h2>Trend 9</h2><p>{LINE * 4}</p></div>'
    page = (f'<html><body><aside class="sidebar"><a href="/x">Other story</a></aside>'
            f'<main><div class="sections">{sections}{center_block}</div></main></body></html>')
    article = cleannews.clean(page)
    for i in range(4):
        assert f"Section {i}." in article.text
    assert "Other story" not in article.text

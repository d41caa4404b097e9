"""`cleannews.errorpage`: soft-404 and 'page deleted' notices are no article; short news is."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.article import Block
from cleannews.errorpage import judge_error_page

LAYOUT = ('<html><head><title>{title}</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a>'
          '</nav><div id="main">{body}</div><footer>© Example Town Council</footer></body></html>')


@pytest.mark.parametrize("title,body", [
    ("Page not found", "<h1>Page not found</h1><p>Sorry, the page you requested cannot be found. Please try "
                       "searching our website or using the A-Z index.</p>"),
    ("Example", "<p>404 : Page Not Found</p><p>The address may have changed. Use the menu above to find "
                "what you need, or go back to the home page.</p>"),
    ("Example", "<h2>Sorry.</h2><p>There are currently no articles listed under this section. "
                "Please try another section.</p>"),
    ("Page removed", "<p>The Archery Society</p><p>This page deleted. Forwarding information below.</p>"),
    ("お探しのページは見つかりません", "<p>お探しのページは見つかりませんでした。URLをご確認ください。</p>"),
])
def test_error_notice_is_not_an_article(title, body):
    article = cleannews.clean(LAYOUT.format(title=title, body=body))
    assert not article.is_article and article.text == ""
    assert article.reason.startswith("an error page")


@pytest.mark.parametrize("body", [
    # short news that merely says something could not be found
    "<p>The missing hiker could not be found on Sunday, police said, and the search will resume at dawn "
    "with two helicopters and a team of volunteers from the valley.</p>",
    # a story about a 404 page, long enough to be read as one
    "<p>Visitors who typed the old address saw a page not found notice for three days. " + "The council "
    "said the move to the new site took longer than planned, and apologised to residents. " * 12 + "</p>",
])
def test_short_news_and_stories_about_errors_stay_articles(body):
    article = cleannews.clean(LAYOUT.format(title="Town news", body=body))
    assert article.is_article and article.text


def test_only_the_title_and_first_lines_count():
    blocks = [Block("paragraph", "Opening line of a short notice about opening hours."),
              Block("paragraph", "The library opens at nine."),
              Block("paragraph", "Old links to the catalogue page cannot be found any more.")]
    assert judge_error_page(blocks, "Library hours") is None
    assert judge_error_page(blocks, "Page not found") is not None

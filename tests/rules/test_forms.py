"""`cleannews.rules.forms`: the labels of a comment or poll form go; a form that wraps the page stays."""

from __future__ import annotations

import cleannews
from cleannews.rules import forms

COMMENT_FORM = ('<form action="/comment" method="post"><table><tr><td>Your name or nick</td>'
                '<td><input name="user"></td></tr><tr><td>Your comment<br><textarea name="text"></textarea>'
                '</td></tr><tr><td><input type="submit" value="Send"></td></tr></table></form>')
POLL_FORM = ('<form><p>Rate this article</p><label><input type="radio" name="r">Easy to read</label>'
             '<label><input type="radio" name="r">Hard to follow</label><button>Vote</button></form>')


def test_removes_comment_form_labels(pages):
    article = pages.clean_snippet(COMMENT_FORM, lang="en", where="inside")
    pages.assert_removed(article, "forms", "Your name or nick", lang="en", absent=("Your comment",))


def test_removes_poll_form_in_the_body(pages):
    article = pages.clean_snippet(POLL_FORM, lang="en", where="middle")
    pages.assert_removed(article, "forms", "Rate this article", lang="en", absent=("Easy to read",))


def test_keeps_form_that_wraps_the_whole_page(pages):
    """ASP.NET pages put the whole page, article included, in one <form>."""
    page = pages.make_page("", lang="en").replace("<body>", '<body><form id="aspnetForm" action="/x">')
    article = cleannews.clean(page.replace("</body>", "</form></body>"))
    pages.assert_body_kept(article, "en")
    assert not pages.removals_by(article, "forms")


def test_disabled_forms_keeps_the_labels(pages):
    article = pages.clean_snippet(COMMENT_FORM, lang="en", where="inside", disabled_rules={"forms"})
    assert "Your name or nick" in article.text


def test_rule_metadata():
    assert forms.FORMS.name == "forms"
    assert forms.FORMS.tags == ("form",)

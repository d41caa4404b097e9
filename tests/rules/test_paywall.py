"""`cleannews.rules.paywall`: pay/login prompts go; the free part of a cut article stays."""

from __future__ import annotations

import pytest

from cleannews.rules import paywall

REMOVES = [
    ("ja-member-only", "ja", '<div class="box"><p>この記事は有料会員限定です。続きを読むにはログインしてください。</p>'
     '<a href="/login">ログイン</a> <a href="/join">会員登録</a></div>', "この記事は有料会員限定です。"),
    ("ja-member-only-bare", "ja", "<p>この記事は有料会員限定です。続きを読むにはログインしてください</p>",
     "この記事は有料会員限定です。"),
    ("ja-remaining-chars", "ja", '<div class="x"><p>残り1234文字</p><a href="/join">無料会員登録はこちら</a></div>',
     "残り1234文字"),
    ("ja-free-signup", "ja", "<p>無料会員登録で続きをお読みいただけます。</p>", "無料会員登録で"),
    ("en-subscribe", "en", '<div class="x"><p>Subscribe now to continue reading. Already a subscriber? Log in.</p>'
     "</div>", "Subscribe now to continue reading."),
    ("en-sign-in", "en", "<p>Sign in to continue reading this story.</p>", "Sign in to continue reading"),
    ("zh-login", "ja", "<p>登录后阅读全文</p>", "登录后阅读全文"),
    ("en-full-story", "en", "<p>To view the full story, please subscribe to The Example Times.</p>",
     "To view the full story"),
]


@pytest.mark.parametrize("lang,snippet,dropped", [c[1:] for c in REMOVES], ids=[c[0] for c in REMOVES])
def test_removes_paywall_prompt(pages, lang, snippet, dropped):
    article = pages.clean_snippet(snippet, lang=lang, where="inside")
    pages.assert_removed(article, "paywall", dropped, lang=lang)


@pytest.mark.parametrize("cls", ["paywall", "regwall-box", "subscribe-prompt", "login-box", "piano-offer",
                                 "members-only"])
def test_removes_paywall_box_by_name(pages, cls):
    snippet = f'<div class="{cls}"><p>Unlock unlimited access for one dollar a week.</p></div>'
    article = pages.clean_snippet(snippet, lang="en", where="inside")
    removal = pages.assert_removed(article, "paywall", "Unlock unlimited access", lang="en")
    assert removal.reason.startswith("class/id word")


def test_free_part_of_a_cut_article_stays(pages):
    """A paywalled page: the free paragraphs are the body; the prompt is not."""
    free = pages.JA_BODY[:2]
    page = pages.make_page('<div class="box"><p>この記事は有料会員限定です。続きを読むにはログインしてください。</p>'
                           '<a href="/login">ログイン</a></div>', where="inside", paragraphs=free)
    import cleannews
    article = cleannews.clean(page)
    assert article.is_article
    assert article.text.split("\n") == list(free)
    assert [r.rule for r in pages.content_removals(article)] == ["paywall"]


def test_keeps_prose_about_membership(pages):
    snippet = "<p>会員制の交通系アプリでは、来春から深夜便の混雑状況も確認できるようになる。</p>"
    article = pages.clean_snippet(snippet, where="middle")
    pages.assert_kept(article, "会員制の交通系アプリでは")
    assert not pages.removals_by(article, "paywall")


def test_keeps_body_sentence_with_subscribe_to(pages):
    sentence = "Commuters who subscribe to a monthly pass will see no change in price, the transit agency said."
    article = pages.clean_snippet(f"<p>{sentence}</p>", lang="en", where="middle")
    pages.assert_kept(article, sentence, lang="en")


def test_disabled_paywall(pages):
    snippet = "<p>この記事は有料会員限定です。続きを読むにはログインしてください</p>"
    # (at the end of the body the line trim takes a log-in prompt too: switched off here as well)
    article = pages.clean_snippet(snippet, where="inside", disabled_rules={"paywall", "boilerplate_line"})
    pages.assert_kept(article, "この記事は有料会員限定です。")
    assert not pages.removals_by(article, "paywall")


def test_rule_metadata():
    assert paywall.PAYWALL.name == paywall.PAYWALL_TEXT.name == "paywall"
    assert paywall.PAYWALL.description and paywall.PAYWALL_TEXT.description

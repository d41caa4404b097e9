"""`cleannews.rules.share`: share/SNS bars go; prose about social media stays."""

from __future__ import annotations

import pytest

from cleannews.rules import share

REMOVES = [
    ("ja-share-bar-class", "ja", '<div class="share-bar"><a href="#">ツイート</a> <a href="#">シェア</a> '
     '<a href="#">はてなブックマーク</a></div>', "ツイート"),
    ("sns-buttons", "ja", '<ul class="snsButtons"><li><a href="#">X</a></li><li><a href="#">Facebook</a></li>'
     '<li><a href="#">LINE</a></li></ul>', "X"),
    ("social-links", "en", '<div class="social-links"><a href="#">Facebook</a> <a href="#">X</a> '
     '<a href="#">Email</a></div>', "Facebook"),
    ("addtoany", "en", '<div class="a2a_kit addtoany"><a href="#">Share</a></div>', "Share"),
    ("ja-share-text", "ja", '<div class="x"><p>この記事をシェアする</p><a href="#">X</a> <a href="#">Facebook</a></div>',
     "この記事をシェアする"),
    ("ja-share-plain", "ja", "<p>シェアする</p>", "シェアする"),
    ("en-share-text", "en", '<div class="x"><p>Share this article</p><a href="#">Facebook</a> '
     '<a href="#">Email</a></div>', "Share this article"),
    ("en-share-on", "en", "<p>Share on Facebook</p>", "Share on Facebook"),
    ("zh-fenxiang", "ja", '<div class="x"><span>分享到：</span><a href="#">微博</a> <a href="#">微信</a></div>', "分享到"),
    ("button-row", "en", "<p>Tweet Facebook Email</p>", "Tweet Facebook Email"),
]


@pytest.mark.parametrize("lang,snippet,dropped", [c[1:] for c in REMOVES], ids=[c[0] for c in REMOVES])
def test_removes_share_bar(pages, lang, snippet, dropped):
    article = pages.clean_snippet(snippet, lang=lang, where="middle")
    pages.assert_removed(article, "share", dropped, lang=lang)


def test_share_bar_above_the_body(pages):
    snippet = '<ul class="share"><li><a href="#">Share on Facebook</a></li><li><a href="#">Share on X</a></li></ul>'
    article = pages.clean_snippet(snippet, lang="en", where="before")
    pages.assert_removed(article, "share", "Share on Facebook", lang="en")


KEEPS = [
    ("en-social-media-prose", "en",
     "<p>Riders shared their experiences on social media, and many said the late buses would change how "
     "they plan their evenings.</p>", "Riders shared their experiences on social media"),
    ("ja-sns-prose", "ja", "<p>増便の発表を受け、SNS上では歓迎する声が相次いだ。</p>", "SNS上では歓迎する声"),
    ("en-facebook-prose", "en",
     "<p>The transit agency announced the change on Facebook and Twitter before the vote was even over, "
     "drawing hundreds of replies.</p>", "The transit agency announced the change on Facebook"),
]


@pytest.mark.parametrize("lang,snippet,kept", [c[1:] for c in KEEPS], ids=[c[0] for c in KEEPS])
def test_keeps_prose_about_social_media(pages, lang, snippet, kept):
    article = pages.clean_snippet(snippet, lang=lang, where="middle")
    pages.assert_kept(article, kept, lang=lang)
    assert not pages.removals_by(article, "share")


def test_share_word_on_a_paragraph_class_does_not_count(pages):
    """Class words are trusted on containers only: a <p class="share-note"> is still a paragraph."""
    pages.keeps_extra_sentence('<p class="share-note">{sentence}</p>')


@pytest.mark.parametrize("sentence", [
    "シェアサイクルの貸し出し拠点も、各停留所の近くに新たに設ける。",
    "共有スペースとして、駅前に待合所を新設する計画もある。",
])
def test_keeps_prose_starting_with_share_word(pages, sentence):
    article = pages.clean_snippet(f"<p>{sentence}</p>", where="middle")
    pages.assert_kept(article, sentence)


def test_disabled_share(pages):
    snippet = '<div class="share"><p>Officials also published the new timetable on the city website.</p></div>'
    on = pages.clean_snippet(snippet, lang="en", where="middle")
    pages.assert_removed(on, "share", "Officials also published", lang="en")
    off = pages.clean_snippet(snippet, lang="en", where="middle", disabled_rules=("share",))
    pages.assert_kept(off, "Officials also published the new timetable", lang="en")


def test_rule_metadata():
    assert share.SHARE.name == share.SHARE_TEXT.name == "share"
    assert share.SHARE.description and share.SHARE_TEXT.description


@pytest.mark.parametrize("line", ["Artikel teilen", "Beitrag teilen", "Möchten Sie den Artikel teilen?", "Udostępnij",
                                  "Partager cet article", "Folgen Sie uns auf Facebook und Twitter",
                                  "Follow us on Instagram!"])
def test_removes_share_prompt_in_other_languages(pages, line):
    article = pages.clean_snippet(f"<p>{line}</p>", lang="en", where="inside")
    pages.assert_removed(article, "share", line, lang="en")


def test_keeps_prose_that_opens_with_follow_us(pages):
    """A short line, but a sentence that goes on: not a social bar.  (Long body paragraphs keep
    the trim of the body's last lines away from it.)"""
    import cleannews

    sentence = "Follow us, the guide said, to the bridge."
    long_body = tuple(f"{p} {p}" for p in pages.EN_BODY)
    page = pages.make_page(f"<p>{sentence}</p>", lang="en", where="middle", paragraphs=long_body)
    article = cleannews.clean(page)
    assert sentence in article.text and not pages.removals_by(article, "share")


def test_keeps_prose_about_sharing_an_article(pages):
    sentence = "Viele Leser wollten den Artikel teilen, doch die Seite war am Morgen stundenlang nicht erreichbar."
    article = pages.clean_snippet(f"<p>{sentence}</p>", lang="en", where="middle")
    pages.assert_kept(article, sentence, lang="en")

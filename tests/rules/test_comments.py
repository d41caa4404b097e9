"""`cleannews.rules.comments`: reader comment threads and counters go; quoted comments in prose stay."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.rules import comments

JA_THREAD = ('<div class="c"><p>とても便利になりますね。早く始まってほしいです。</p>'
             "<p>深夜に帰る者としては本当にありがたい話だと思います。</p></div>")
EN_THREAD = ("<div><p>Great news for night workers, finally.</p>"
             "<p>About time the council listened to the people who actually ride these buses.</p></div>")

REMOVES = [
    ("ja-titled-thread", "ja", "inside", f'<div class="box"><h2>コメント</h2>{JA_THREAD}</div>', "コメント",
     ("とても便利になりますね", "本当にありがたい話")),
    ("ja-reader-comments", "ja", "after", f"<section><h2>読者のコメント</h2>{JA_THREAD}</section>", "読者のコメント",
     ("とても便利になりますね",)),
    ("en-titled-thread", "en", "inside", f'<div class="box"><h2>Comments</h2>{EN_THREAD}</div>', "Comments",
     ("Great news for night workers", "About time the council")),
    ("en-leave-a-reply", "en", "inside", '<div class="box"><h3>Leave a Reply</h3><p>Your email address will not '
     "be published.</p></div>", "Leave a Reply", ("Your email address will not be published",)),
    ("de-comment-form", "en", "after", '<div><h4>Hinterlasse jetzt einen Kommentar</h4><p>Deine E-Mail-Adresse '
     "wird nicht veröffentlicht.</p></div>", "Hinterlasse jetzt einen Kommentar", ("Deine E-Mail-Adresse",)),
    ("en-no-responses", "en", "after", '<div><h2>No Response so far</h2><p>Be the first to respond.</p></div>',
     "No Response so far", ("Be the first to respond",)),
    ("pl-opinie", "en", "inside", f'<div class="box"><h3>Opinie</h3>{EN_THREAD}</div>', "Opinie",
     ("Great news for night workers", "About time the council")),
    ("zh-pinglun", "ja", "inside", f'<div class="box"><h3>评论</h3>{JA_THREAD}</div>', "评论",
     ("とても便利になりますね",)),
    ("id-comments", "en", "inside", f'<div id="comments">{EN_THREAD}</div>', "Great news for night workers",
     ("About time the council",)),
    ("disqus", "en", "after", '<div id="disqus_thread"><p>Great news for night workers, finally.</p></div>',
     "Great news for night workers", ()),
    ("comment-list", "ja", "inside", '<ol class="comment-list"><li>とても便利になりますね。早く始まってほしいです。</li>'
     "<li>深夜に帰る者としては本当にありがたい話だと思います。</li></ol>", "とても便利になりますね",
     ("本当にありがたい話",)),
]


@pytest.mark.parametrize("lang,where,snippet,dropped,absent", [c[1:] for c in REMOVES],
                         ids=[c[0] for c in REMOVES])
def test_removes_comment_thread(pages, lang, where, snippet, dropped, absent):
    article = pages.clean_snippet(snippet, lang=lang, where=where)
    pages.assert_removed(article, "comments", dropped, lang=lang, absent=absent)


COUNTERS = [
    ("ja-count", "ja", '<div class="cnt"><a href="#c">コメント 12件</a></div>', "コメント 12件"),
    ("ja-count-paren", "ja", "<p>コメント（12）</p>", "コメント（12）"),
    ("ja-count-first", "ja", '<div class="x"><a href="#c">12件のコメント</a></div>', "12件のコメント"),
    ("ja-comment-action", "ja", '<p><a href="#c">コメントを書く</a></p>', "コメントを書く"),
    ("en-count", "en", '<div class="x"><span>23 comments</span></div>', "23 comments"),
    ("en-count-paren", "en", '<div class="x"><a href="#c">Comments (23)</a></div>', "Comments (23)"),
    ("en-view", "en", '<p><a href="#c">View comments</a></p>', "View comments"),
]


@pytest.mark.parametrize("lang,snippet,dropped", [c[1:] for c in COUNTERS], ids=[c[0] for c in COUNTERS])
def test_removes_comment_counter(pages, lang, snippet, dropped):
    article = pages.clean_snippet(snippet, lang=lang, where="middle")
    removal = pages.assert_removed(article, "comments", dropped, lang=lang)
    assert removal.excerpt == dropped


KEEPS = [
    ("ja-quoted-comment", "ja", "<p>ある利用者はコメント欄に「ようやく帰りの心配がなくなる」と書き込んだ。</p>",
     "ある利用者はコメント欄に"),
    ("ja-comment-word-in-prose", "ja", "<p>交通局はコメントを控えたが、関係者によると運転手の採用は順調だという。</p>",
     "交通局はコメントを控えたが"),
    ("en-quoted-comment", "en", "<p>In one comment on the city's website, a nurse wrote that the late buses "
     "would save her more than a hundred dollars a month.</p>", "In one comment on the city's website"),
    ("en-opinion-subheading", "en", "<h3>Opinion poll</h3><p>Two thirds of riders backed the change in a survey "
     "the council ran in the autumn.</p>", "Two thirds of riders backed the change"),
    ("en-declined-to-comment", "en", "<p>Comments from the bus drivers' union were not available on Tuesday, "
     "though its leaders have backed longer hours before.</p>", "Comments from the bus drivers' union"),
]


@pytest.mark.parametrize("lang,snippet,kept", [c[1:] for c in KEEPS], ids=[c[0] for c in KEEPS])
def test_keeps_paragraphs_that_quote_a_comment(pages, lang, snippet, kept):
    article = pages.clean_snippet(snippet, lang=lang, where="middle")
    pages.assert_kept(article, kept, lang=lang)
    assert not pages.removals_by(article, "comments")


def test_wordpress_tag_class_is_not_a_comment_thread(pages):
    """WordPress lists the post's own tags as classes: 'tag-comments' names a tag, not a thread."""
    snippet = ('<div class="post-12 tag-comments category-comment"><p>Officials added that the timetable will be '
               "published online in February, with printed copies at major stops.</p></div>")
    article = pages.clean_snippet(snippet, lang="en", where="middle")
    pages.assert_kept(article, "Officials added that the timetable", lang="en")
    assert not pages.removals_by(article, "comments")


def test_disabled_comments_keeps_thread(pages):
    snippet = f'<div class="box"><h2>コメント</h2>{JA_THREAD}</div>'
    article = pages.clean_snippet(snippet, where="inside", disabled_rules={"comments"})
    pages.assert_kept(article, "とても便利になりますね。早く始まってほしいです。")
    assert not pages.removals_by(article, "comments")


def test_in_body_comment_subheading_keeps_following_body(pages):
    snippet = "<h2>市長のコメント</h2><p>「深夜に働く市民の足を守るのは市の責任だ」と市長は述べた。</p>"
    article = pages.clean_snippet(snippet, where="middle")
    pages.assert_kept(article, "「深夜に働く市民の足を守るのは市の責任だ」と市長は述べた。")
    pages.assert_body_kept(article)


def test_include_comments_collects_the_thread(pages):
    snippet = f'<div id="comments"><h2>Comments</h2>{EN_THREAD}</div>'
    article = pages.clean_snippet(snippet, lang="en", where="after", include_comments=True)
    assert "Great news for night workers" not in article.text
    assert article.comments and "Great news for night workers, finally." in article.comments


def test_comments_stay_none_without_include_comments(pages):
    article = pages.clean_snippet(f'<div id="comments">{EN_THREAD}</div>', lang="en")
    assert article.comments is None
    assert "Great news for night workers" not in article.text


def test_rule_metadata():
    rules = (comments.COMMENTS, comments.COMMENTS_BY_CLASS, comments.COMMENT_COUNTER)
    assert {r.name for r in rules} == {"comments"}
    assert all(r.description for r in rules)


def test_an_opinion_column_headed_kommentar_stays(pages):
    """'Kommentar' over a German opinion piece names its genre; only comment-form titles go."""
    snippet = ("<h2>Kommentar: Ein später, aber richtiger Schritt</h2><p>Der Stadtrat hat lange gezögert, doch "
               "die Entscheidung für mehr Nachtbusse ist richtig und überfällig.</p>")
    article = pages.clean_snippet(snippet, lang="en", where="middle")
    pages.assert_kept(article, "Der Stadtrat hat lange gezögert", lang="en")


PROMPTS = [
    ("en-logged-in", "<p>You must be logged in to post a comment.</p>", "You must be logged in to post a comment."),
    ("en-log-in-here", "<h3>Please log in here to leave a comment.</h3>", "Please log in here to leave a comment."),
    ("de-einloggen", "<p>Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.</p>",
     "Sie müssen sich einloggen"),
    ("de-schreiben", "<p>Kommentare schreiben</p>", "Kommentare schreiben"),
    ("de-netiquette", "<p>Bitte registrieren Sie sich und halten Sie sich an unsere Netiquette.</p>",
     "Bitte registrieren Sie sich"),
    ("fr-connecte", "<p>Vous devez être connecté pour publier un commentaire.</p>", "Vous devez être connecté"),
]


@pytest.mark.parametrize("snippet,dropped", [c[1:] for c in PROMPTS], ids=[c[0] for c in PROMPTS])
def test_removes_comment_form_prompt(pages, snippet, dropped):
    article = pages.clean_snippet(snippet, lang="en", where="inside")
    pages.assert_removed(article, "comments", dropped, lang="en")


@pytest.mark.parametrize("sentence", [
    "Riders must be registered to use the new monthly pass, officials said, and the card will be free.",
    "Wer einen Kommentar schreiben will, muss sich künftig mit seinem Klarnamen anmelden, sagte der Sprecher.",
])
def test_keeps_prose_about_logging_in_or_commenting(pages, sentence):
    article = pages.clean_snippet(f"<p>{sentence}</p>", lang="en", where="middle")
    pages.assert_kept(article, sentence, lang="en")


def _blog_front(label: str) -> str:
    posts = [
        ("Night buses return to the harbour line", "The harbour line gets its late buses back from April, the council "
         "said, after a year in which riders had to rely on taxis after ten in the evening."),
        ("Council names a new transit director", "The new director ran the regional rail network for six years and "
         "starts in March, when the budget for the next two years is due."),
        ("Stops get live crowding displays", "Screens at forty stops will show how full the next bus is, using counts "
         "from sensors fitted at the doors of every vehicle last autumn."),
    ]
    return "".join(
        f'<article class="entry"><header class="entry-header"><p class="entry-actions">'
        f'<a class="entry-comments" href="/news/{i}#comments">{label}</a></p></header>'
        f'<div class="entry-title-wrapper"><h2 class="entry-title"><a href="/news/{i}">{title}</a></h2></div>'
        f'<div class="entry-content"><p>{text}</p></div></article>'
        for i, (title, text) in enumerate(posts))


def test_a_comment_label_under_every_post_is_not_a_thread_title():
    """A blog front puts a 'Comment' link under each post: a label that stands 3+ times on
    the page titles no thread, so the posts after it are not removed as one."""
    page = f"<html><body><main>{_blog_front('Comment')}</main></body></html>"
    article = cleannews.clean(page, url="https://example.org/news")
    assert not [r for r in article.removed if r.rule == "comments"]
    assert "Screens at forty stops" not in " ".join(r.excerpt for r in article.removed)


def test_a_comment_title_that_stands_once_still_takes_its_thread(pages):
    article = pages.clean_snippet(f'<div class="box"><h2>Comment</h2>{EN_THREAD}</div>', lang="en", where="inside")
    pages.assert_removed(article, "comments", "Comment", lang="en", absent=("About time the council",))


PL_THREAD = ('<div class="op"><p>~remek [2012-01-04 08:45]</p><p>To wszystko to jawna spekulacja, podana na tacy '
             "przez media.</p></div><div class=\"op\"><p>~Marek [2012-01-04 08:00]</p><p>Jakim prawem ktokolwiek "
             "zabrania innym krajom pracy nad tym?</p></div>")


def test_removes_a_polish_opinie_thread(pages):
    """Polish portals title the reader thread 'Opinie' (opinions), with or without a count."""
    for title in ("Opinie", "Opinie (36)"):
        snippet = f'<div id="stgOpinie"><h3 class="opHd"><span>{title}</span></h3>{PL_THREAD}</div>'
        article = pages.clean_snippet(snippet, lang="en", where="after")
        pages.assert_removed(article, "comments", title, lang="en", absent=("To wszystko to jawna spekulacja",))


def test_a_menu_entry_named_like_comments_is_no_thread_title(pages):
    """'評論訪談' (commentary and interviews) heads a drop-down of programme links: its text
    links to another page, so the comments rule leaves it (and what follows) alone."""
    snippet = ('<ul class="dropdown"><li><span class="submenucol"><h3 class="submenutitle">'
               '<a href="/prog300.html">評論訪談</a></h3><li><a href="/prog99.html">熱點互動直播</a></li>'
               '<li><a href="/prog109.html">大陸新聞解讀</a></li><li><a href="/prog103.html">百姓話壇</a></li>'
               "</span></li></ul>")
    article = pages.clean_snippet(snippet, where="before")
    assert not pages.removals_by(article, "comments")
    pages.assert_body_kept(article)


def test_a_thread_title_that_jumps_to_the_thread_still_takes_it(pages):
    snippet = f'<div class="box"><h2><a href="#comments">Comments</a></h2>{EN_THREAD}</div>'
    article = pages.clean_snippet(snippet, lang="en", where="inside")
    pages.assert_removed(article, "comments", "Comments", lang="en", absent=("About time the council",))


RU_THREAD = ("<div><p>Андрей, Барнаул: Давно пора было навести порядок с этими ценами на лекарства.</p>"
             "<p>Гость: А кто будет проверять аптеки в маленьких городах?</p></div>")


@pytest.mark.parametrize("title", ["Комментарии", "Комментарии к новости:", "Добавить комментарий", "Обсуждение статьи"])
def test_removes_a_russian_comment_thread(pages, title):
    article = pages.clean_snippet(f'<div class="box"><h3>{title}</h3>{RU_THREAD}</div>', lang="en", where="after")
    pages.assert_removed(article, "comments", title, lang="en", absent=("Давно пора было навести порядок",))


def test_keeps_a_russian_paragraph_about_comments(pages):
    sentence = "Комментарии представителей министерства получить не удалось, сообщил источник агентства."
    article = pages.clean_snippet(f"<p>{sentence}</p>", lang="en", where="middle")
    pages.assert_kept(article, sentence, lang="en")


@pytest.mark.parametrize("lang,snippet,kept", [
    ("en", "<h3>Opinie ekspertów</h3><p>Zdaniem ekonomistów decyzja rady pomoże mieszkańcom dojeżdżającym nocą.</p>",
     "Zdaniem ekonomistów decyzja rady"),
    ("en", "<h3>Комментарии специалистов</h3><p>По словам экономистов, решение совета поможет жителям.</p>",
     "По словам экономистов"),
])
def test_an_article_section_titled_opinions_or_commentary_stays(pages, lang, snippet, kept):
    """'Opinie' and 'Комментарии' also title an article's own section ('experts' opinions',
    'specialists' commentary'): only the bare word (with a count) heads a reader thread."""
    article = pages.clean_snippet(snippet, lang=lang, where="middle")
    pages.assert_kept(article, kept, lang=lang)
    pages.assert_body_kept(article, lang=lang)

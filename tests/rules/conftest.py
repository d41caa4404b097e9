"""Helpers for the rule tests: wrap a boilerplate snippet into a page with a real body.

`make_page(snippet)` builds a small news page whose article body is a few realistic
paragraphs (Japanese by default, English with ``lang="en"``) and puts the snippet
before, after or inside the body.  `clean_snippet` runs it through the public
`cleannews.clean()`.  `assert_removed` checks the three things every rule test wants:
the boilerplate is gone from `text`, the body is still there, and a `Removal` credited
to the rule starts with the dropped text.
"""

from __future__ import annotations

import html as _html
import types

import pytest

import cleannews

JA_TITLE = "市営バス、来春から深夜便を増便へ"
JA_BODY = (
    "市交通局は十二日、市営バスの深夜便を来年四月から増便すると発表した。"
    "利用者の多い駅前と住宅地を結ぶ三路線で、平日の最終便を三十分ほど遅らせる。",
    "同局によると、昨年度の深夜帯の利用者数は前年度より二割ほど増えた。"
    "飲食店や病院で働く人からの要望が多く、運転手の確保にめどが立ったという。",
    "増便に伴う費用は年間およそ八千万円を見込む。運賃は据え置き、"
    "車内の混雑状況を知らせる案内表示を停留所に新たに設ける。",
    "市民団体の代表は「帰宅の足が確保されるのは心強い。ほかの路線にも広げてほしい」と話した。"
    "同局は利用状況を見ながら、対象路線の拡大を検討する方針だ。",
)
EN_TITLE = "City council approves late-night bus service"
EN_BODY = (
    "The city council voted on Tuesday to extend late-night bus service on three busy routes, "
    "pushing the last departures back by about half an hour from April.",
    "Transit officials said ridership after ten in the evening rose by roughly a fifth last year, "
    "driven largely by hospital staff and restaurant workers heading home after their shifts.",
    "The extra service is expected to cost about eight hundred thousand dollars a year. Fares will "
    "not change, and new displays at stops will show how crowded the next bus is.",
    "A spokesperson for a local riders' group welcomed the decision and urged the council to "
    "consider the same change on other routes once the first results are in.",
)
BODIES = {"ja": (JA_TITLE, JA_BODY), "en": (EN_TITLE, EN_BODY)}


def make_page(snippet: str = "", *, lang: str = "ja", where: str = "after", body_prefix: str = "",
              paragraphs: tuple[str, ...] | None = None) -> str:
    """A news page with a real article body and `snippet` placed `where`.

    where: 'before' / 'after' the article (siblings in the page layout), 'inside' the
    article after its paragraphs, 'middle' between the second and third paragraph.
    `body_prefix` goes right after <body> (for skip links and site headers).
    """
    title, body = BODIES[lang]
    if paragraphs is not None:
        body = paragraphs
    paras = [f"<p>{_html.escape(p)}</p>" for p in body]
    if where == "middle":
        paras.insert(2, snippet)
    elif where == "inside":
        paras.append(snippet)
    article = (f'<article class="entry">\n<h1>{_html.escape(title)}</h1>\n'
               + "\n".join(paras) + "\n</article>")
    before = snippet if where == "before" else ""
    after = snippet if where == "after" else ""
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{_html.escape(title)} | Example News</title></head>\n<body>\n{body_prefix}\n"
            f'<div id="wrap">\n{before}\n<div id="main">\n{article}\n</div>\n{after}\n</div>\n'
            f"</body></html>")


def fill(snippet: str) -> str:
    """Expand the placeholders '{JL}' / '{EL}' into five Japanese / English headline links."""
    return snippet.replace("{JL}", links(JA_HEADLINES)).replace("{EL}", links(EN_HEADLINES))


def clean_snippet(snippet: str, *, lang: str = "ja", where: str = "after", body_prefix: str = "",
                  **kwargs) -> cleannews.Article:
    """`cleannews.clean()` on `make_page(fill(snippet))`; kwargs go to `clean()`."""
    page = make_page(fill(snippet), lang=lang, where=where, body_prefix=fill(body_prefix))
    return cleannews.clean(page, **kwargs)


def body_paragraphs(lang: str = "ja") -> tuple[str, ...]:
    return BODIES[lang][1]


def assert_body_kept(article: cleannews.Article, lang: str = "ja") -> None:
    assert article.is_article, article.reason
    for para in body_paragraphs(lang):
        assert para in article.text, f"body paragraph lost: {para[:30]}…\n--- text:\n{article.text}"


def removals_by(article: cleannews.Article, rule: str) -> list[cleannews.Removal]:
    return [r for r in article.removed if r.rule == rule]


def content_removals(article: cleannews.Article) -> list[cleannews.Removal]:
    """`article.removed` without the repeated headline (which every page here has)."""
    return [r for r in article.removed if r.rule != "headline"]


def assert_removed(article: cleannews.Article, rule: str, dropped: str, *, lang: str = "ja",
                   absent: tuple[str, ...] = ()) -> cleannews.Removal:
    """`dropped` (and every string in `absent`) is gone from the text, credited to `rule`.

    Returns the matching `Removal` (whose excerpt starts with `dropped`).
    """
    for gone in (dropped, *absent):
        assert gone not in article.text, f"{gone!r} still in text:\n{article.text}"
    assert_body_kept(article, lang)
    mine = removals_by(article, rule)
    assert mine, f"no removal by {rule!r}; removed: {[(r.rule, r.excerpt) for r in article.removed]}"
    starting = [r for r in mine if r.excerpt.startswith(dropped)]
    assert starting, f"no {rule!r} removal whose excerpt starts with {dropped!r}: {[r.excerpt for r in mine]}"
    removal = starting[0]
    assert removal.reason
    assert removal.path.startswith("body/")
    return removal


def assert_kept(article: cleannews.Article, kept: str, *, lang: str = "ja") -> None:
    assert kept in article.text, f"{kept!r} lost:\n{article.text}\nremoved: " \
                                 f"{[(r.rule, r.excerpt) for r in article.removed]}"
    assert_body_kept(article, lang)


# An English sentence a rule must not take, wherever the keep-tests wrap it.
EXTRA_SENTENCE = ("Officials added that the timetable will be published online in February, "
                  "with printed copies at major stops.")


def keeps_extra_sentence(markup: str) -> cleannews.Article:
    """Clean an English page with `markup` (holding ``{sentence}``, filled with `EXTRA_SENTENCE`)
    in the middle of its body; assert the sentence and the body survived; return the article."""
    article = clean_snippet(markup.format(sentence=EXTRA_SENTENCE), lang="en", where="middle")
    assert_kept(article, "Officials added that the timetable", lang="en")
    return article


def links(items, href: str = "/news/") -> str:
    """`<li><a>` items for a widget list."""
    return "".join(f'<li><a href="{href}{i}">{_html.escape(t)}</a></li>' for i, t in enumerate(items))


JA_HEADLINES = (
    "新駅の開業日が決定、周辺で再開発進む",
    "県内の公立高校で入試出願始まる",
    "老舗旅館が百周年、記念の催し",
    "台風の影響で農作物に被害広がる",
    "市役所の窓口、土曜も開庁へ",
)
EN_HEADLINES = (
    "Storm knocks out power to thousands",
    "School board delays vote on new calendar",
    "Local bakery wins national award",
    "Bridge repairs to close lanes for a month",
    "Library extends weekend opening hours",
)


@pytest.fixture
def pages() -> types.SimpleNamespace:
    """The helpers of this module, for test files (which cannot import a conftest reliably)."""
    return types.SimpleNamespace(
        make_page=make_page, clean_snippet=clean_snippet, fill=fill, links=links, body_paragraphs=body_paragraphs,
        assert_body_kept=assert_body_kept, assert_removed=assert_removed, assert_kept=assert_kept,
        keeps_extra_sentence=keeps_extra_sentence, EXTRA_SENTENCE=EXTRA_SENTENCE,
        removals_by=removals_by, content_removals=content_removals, JA_HEADLINES=JA_HEADLINES, EN_HEADLINES=EN_HEADLINES,
        JA_BODY=JA_BODY, EN_BODY=EN_BODY, JA_TITLE=JA_TITLE, EN_TITLE=EN_TITLE,
    )

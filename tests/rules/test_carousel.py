"""`cleannews.rules.carousel`: photo-news strips and sliders go; a single in-body figure stays."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.rules import carousel

REMOVES = [
    ("photo-news-class", "ja", '<div class="photo-news"><ul>{JL}</ul></div>', "新駅の開業日が決定"),
    ("photonews-titled", "ja", '<div class="box"><h2>フォトニュース</h2><ul>{JL}</ul></div>', "フォトニュース"),
    ("shashin-news-titled", "ja", '<div class="box"><h3>写真ニュース</h3><ul>{JL}</ul></div>', "写真ニュース"),
    ("swiper", "en", '<div class="swiper-container"><ul>{EL}</ul></div>', "Storm knocks out power"),
    ("slick", "en", '<div class="slick-slider"><div><a href="/1">Storm knocks out power to thousands</a></div>'
     '<div><a href="/2">Local bakery wins national award</a></div></div>', "Storm knocks out power"),
    ("in-pictures", "en", '<section class="box"><h2>In pictures</h2><ul>{EL}</ul></section>', "In pictures"),
    ("zh-tupian", "ja", '<div class="box"><h2>图片新闻</h2><ul>{JL}</ul></div>', "图片新闻"),
]


@pytest.mark.parametrize("lang,snippet,dropped", [c[1:] for c in REMOVES], ids=[c[0] for c in REMOVES])
def test_removes_carousel(pages, lang, snippet, dropped):
    article = pages.clean_snippet(snippet, lang=lang, where="inside")
    headlines = pages.JA_HEADLINES if lang == "ja" else pages.EN_HEADLINES
    pages.assert_removed(article, "carousel", dropped, lang=lang, absent=headlines[:1])


def test_keeps_single_in_body_figure_with_caption(pages):
    snippet = ('<figure><img src="/bus.jpg" alt="深夜バス"><figcaption>増便が決まった深夜バスの車両（十二日、市内で）'
               "</figcaption></figure>")
    article = pages.clean_snippet(snippet, where="middle")
    pages.assert_kept(article, "増便が決まった深夜バスの車両（十二日、市内で）")
    assert not pages.removals_by(article, "carousel")


def test_keeps_photos_subheading_over_prose(pages):
    snippet = ("<h2>Photos from the first night</h2><p>Photographers rode the last buses on Friday and found them "
               "busier than officials had expected.</p>")
    article = pages.clean_snippet(snippet, lang="en", where="middle")
    pages.assert_kept(article, "Photos from the first night", lang="en")
    assert not pages.removals_by(article, "carousel")


def test_disabled_carousel(pages):
    snippet = '<div class="slider"><p>Officials also published the new timetable on the city website.</p></div>'
    on = pages.clean_snippet(snippet, lang="en", where="middle")
    pages.assert_removed(on, "carousel", "Officials also published", lang="en")
    off = pages.clean_snippet(snippet, lang="en", where="middle",
                              options=cleannews.Options(disabled_rules=["carousel"]))
    pages.assert_kept(off, "Officials also published the new timetable", lang="en")


def test_rule_metadata():
    assert carousel.CAROUSEL.name == carousel.CAROUSEL_TITLED.name == "carousel"
    assert "フォトニュース" in carousel.CAROUSEL_TITLED.phrases


def _slides(form: str, n: int = 5) -> str:
    caption = "The minister visited the new terminal on Monday and spoke with workers about the schedule."
    return "<ul class='legends'>" + "".join(
        f"<li><h2><span class='counter'>{form.format(k=k, n=n)}</span> Slide headline {k}</h2><p>{caption}</p></li>"
        for k in range(1, n + 1)) + "</ul>"


@pytest.mark.parametrize("form", ["{k}/{n}", "{k} of {n}", "{k} / {n}"])
def test_removes_numbered_slides_whatever_their_class(pages, form):
    long_body = tuple(f"{p} {p}" for p in pages.EN_BODY)
    article = cleannews.clean(pages.make_page(_slides(form), lang="en", where="inside", paragraphs=long_body))
    assert "Slide headline" not in article.text and "minister visited" not in article.text
    assert all(p in article.text for p in long_body)
    (removal,) = pages.removals_by(article, "carousel")
    assert removal.excerpt.startswith(form.format(k=1, n=5)) and "numbered slides" in removal.reason


def test_keeps_a_page_that_is_its_slideshow(pages):
    page = f"<html><body><h1>The new terminal in pictures</h1>{_slides('{k}/{n}', 8)}</body></html>"
    article = cleannews.clean(page)
    assert "Slide headline 8" in article.text and "minister visited" in article.text
    assert not pages.removals_by(article, "carousel")


@pytest.mark.parametrize("snippet", [
    "<table><tr><td>Pipe</td><td>3/8</td><td>5/8</td></tr><tr><td>Rod</td><td>1/4</td><td>1/2</td></tr></table>",
    "<ul><li><span>1/2</span> cup of flour</li><li><span>1/4</span> cup of sugar</li><li>2 eggs</li></ul>",
    "<ol><li><span>1/3</span> Arrive early</li><li><span>3/3</span> Leave late</li><li><span>2/3</span> Eat</li></ol>",
])
def test_keeps_fractions_and_counters_out_of_order(pages, snippet):
    long_body = tuple(f"{p} {p}" for p in pages.EN_BODY)
    article = cleannews.clean(pages.make_page(snippet, lang="en", where="inside", paragraphs=long_body))
    assert not pages.removals_by(article, "carousel")


_CAPTIONS = ("In this photo dated Tuesday, the first late-night bus leaves the depot on the harbour line, watched "
             "by drivers who volunteered for the new shifts.",
             "Riders board the last departure from the central station, half an hour later than under the old "
             "timetable, on the first night of the extended service.")


def test_keeps_a_captioned_photo_slideshow_in_the_body(pages):
    """A slideshow whose slides carry their own captions (little of its text in links) is the
    story told in photos; it stays with the article."""
    slides = "".join(f'<li><figure><img src="/bus{i}.jpg" alt=""></figure><p class="caption">{c}</p></li>'
                     for i, c in enumerate(_CAPTIONS))
    article = pages.clean_snippet(f'<div class="slideshow"><ul>{slides}</ul></div>', lang="en", where="middle")
    pages.assert_kept(article, _CAPTIONS[0][:60], lang="en")
    assert not pages.removals_by(article, "carousel")


def test_removes_a_slideshow_of_linked_teasers(pages):
    article = pages.clean_snippet('<div class="slideshow"><ul>{EL}</ul></div>', lang="en", where="inside")
    pages.assert_removed(article, "carousel", pages.EN_HEADLINES[0][:20], lang="en", absent=pages.EN_HEADLINES[:1])

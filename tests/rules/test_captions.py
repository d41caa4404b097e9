"""captions.py: photo credits and attribution captions go; descriptive prose stays."""

from __future__ import annotations

import pytest

CREDITS = [
    ("foto", "en", "<p>Foto: Andina</p>", "Foto: Andina"),
    ("symbolbild", "en", "<p>Waldweg im Herbst (Symbolbild)</p>", "Waldweg im Herbst (Symbolbild)"),
    ("getty", "en", "<figure><img src='x.jpg'><figcaption>Crowds at the station. Getty Images</figcaption></figure>",
     "Crowds at the station. Getty Images"),
    ("asahi-style", "ja", "<figure><img src='x.jpg'><figcaption>病院へ向かう家族=2019年11月10日、家族提供</figcaption></figure>",
     "病院へ向かう家族=2019年11月10日、家族提供"),
    ("satsuei", "ja", "<p>会見する市長（撮影・山田太郎）</p>", "会見する市長（撮影・山田太郎）"),
    ("credito", "en", "<p>El senador en el Congreso (crédito: Minervino Júnior/CB)</p>",
     "El senador en el Congreso (crédito: Minervino Júnior/CB)"),
    ("titelbild", "en", "<p>Titelbild: Geyres Christophe/ABACA</p>", "Titelbild: Geyres Christophe/ABACA"),
    ("kuva", "en", "<figure><img src='x.jpg'><figcaption>Kuva: Alexander Becher</figcaption></figure>",
     "Kuva: Alexander Becher"),
]


@pytest.mark.parametrize("lang,snippet,dropped", [c[1:] for c in CREDITS], ids=[c[0] for c in CREDITS])
def test_removes_photo_credit(pages, lang, snippet, dropped):
    article = pages.clean_snippet(snippet, lang=lang, where="middle")
    pages.assert_removed(article, "caption", dropped, lang=lang)


def test_keeps_prose_that_mentions_photos(pages):
    sentence = ("The museum said the photo collection, donated by a local family, "
                "would go on display in the spring after careful restoration work.")
    article = pages.clean_snippet(f"<p>{sentence}</p>", lang="en", where="middle")
    assert sentence in article.text


def test_a_heading_is_never_read_as_a_photo_credit(pages):
    # '来源：… 作者：…' set as a heading under the headline is a source line, not a credit.
    article = pages.clean_snippet("<h3>来源：燕赵晚报 作者：王明</h3>", where="middle")
    assert "来源：燕赵晚报" in article.text
    article = pages.clean_snippet("<p>来源：燕赵晚报</p>", where="middle")
    assert "来源：燕赵晚报" not in article.text


CREDITED = [
    ("figcaption-foto", "<figure><img src='x.jpg'><figcaption>Die Altstadt am Abend, kurz bevor die Laternen "
     "angehen und die ersten Gäste auf den Plätzen vor den Cafés sitzen, von der alten Brücke "
     "aus gesehen. Foto: Max Muster</figcaption></figure>",
     "Die Altstadt am Abend"),
    ("wp-caption-copyright", "<div class='wp-caption'><img src='x.jpg'><p class='wp-caption-text'>Volunteers "
     "unload sandbags at the river bank on Saturday morning before the water rose again, while neighbours "
     "carry furniture to the upper floors of their houses. © Jane Doe</p></div>",
     "Volunteers unload sandbags"),
    ("bem-caption-agency", "<div class='article__media'><img src='x.jpg'><div class='media__caption'>The mayor "
     "speaks to reporters outside the town hall after the vote on the new budget. Reuters</div></div>",
     "The mayor speaks to reporters"),
    ("licence-credit", "<figure><img src='x.jpg'><figcaption>Map of the bus routes that change in April, with the "
     "three night lines drawn in red and the stops that get new displays marked (as of May 2024). CC-BY-SA 4.0"
     "</figcaption></figure>", "Map of the bus routes"),
    ("screenshot", "<figure><img src='x.jpg'><figcaption>Screenshot, Example Maps: the planner shows the new night "
     "departures from the main station, with the times for each stop along the three routes.</figcaption></figure>",
     "Screenshot, Example Maps"),
    ("image-credit-block", "<div class='image-credit'>Jane Doe for Example News</div>", "Jane Doe for Example News"),
    ("img-author-span", "<p>Street view of the market hall <span class='img-author'>John Roe</span></p>",
     "John Roe"),
]


@pytest.mark.parametrize("snippet,dropped", [c[1:] for c in CREDITED], ids=[c[0] for c in CREDITED])
def test_removes_a_whole_caption_that_carries_a_credit(pages, snippet, dropped):
    article = pages.clean_snippet(snippet, lang="en", where="middle")
    pages.assert_removed(article, "caption", dropped, lang="en")


def test_keeps_a_caption_without_a_credit_and_prose_named_like_a_caption(pages):
    # A figure caption that only describes the picture stays (some truths keep it) ...
    article = pages.clean_snippet(f"<figure><img src='x.jpg'><figcaption>{pages.EXTRA_SENTENCE}</figcaption></figure>"
                                  , lang="en", where="middle")
    pages.assert_kept(article, "Officials added that the timetable", lang="en")
    # ... and so does a paragraph whose class names a credit word that is not about a picture
    # (a site's copyright).
    pages.keeps_extra_sentence("<p class='copyright-note'>{sentence}</p>")


def test_keeps_a_described_caption_that_ends_in_a_bare_agency_name(pages):
    # A wire caption tells in a full sentence of 100+ characters what the picture shows, then
    # names the agency alone: part of the story (Readability's truths keep it) ...
    described = ("Volunteers unload sandbags at the river bank on Saturday morning before the water rose again, "
                 "while neighbours carry furniture upstairs.")
    article = pages.clean_snippet(f"<figure><img src='x.jpg'><figcaption>{described} (Reuters)</figcaption></figure>",
                                  lang="en", where="middle")
    pages.assert_kept(article, "Volunteers unload sandbags", lang="en")
    # ... the same caption with a labelled credit still goes, and so does a short one with the bare agency.
    article = pages.clean_snippet(f"<figure><img src='x.jpg'><figcaption>{described} Photograph: Jane Doe/Reuters"
                                  "</figcaption></figure>", lang="en", where="middle")
    pages.assert_removed(article, "caption", "Volunteers unload sandbags", lang="en")
    article = pages.clean_snippet("<figure><img src='x.jpg'><figcaption>Volunteers unload sandbags at the river "
                                  "bank. Reuters</figcaption></figure>", lang="en", where="middle")
    pages.assert_removed(article, "caption", "Volunteers unload sandbags", lang="en")


@pytest.mark.parametrize("snippet", [
    "<figcaption>Die Altstadt am Abend. Foto: Max Muster</figcaption>", '<div class="image-credit">Foto: dpa</div>',
    '<div class="img-author">Max Muster</div>', '<p class="caption">Crowds. Getty Images</p>',
    '<div class="author">Max Muster</div>', "<p>Foto: Andina</p>", '<a class="caption">Foto: dpa</a>',
])
def test_walk_shape_gate_never_skips_a_caption(snippet):
    """The walk asks CREDITED_CAPTION only about element shapes its `shape_gate` lets through:
    every element it matches passes the gate, and a plain byline or paragraph does not."""
    from lxml import html as lxml_html

    from cleannews.rules import attribute_signature
    from cleannews.rules._base import ElementView, PageFacts
    from cleannews.rules.captions import CREDITED_CAPTION

    el = lxml_html.fragment_fromstring(snippet)
    signature = attribute_signature(el)
    found = CREDITED_CAPTION.match(ElementView(el, signature), PageFacts(body_chars=1000))
    assert CREDITED_CAPTION.shape_gate(el.tag, el.get("class"), signature) or found is None
    assert not CREDITED_CAPTION.shape_gate("div", "author", " ^author ")
    assert CREDITED_CAPTION.shape_gate("figcaption", None, "")

"""`cleannews.declared`: the page's own description as evidence for a short post."""

from __future__ import annotations

import lxml.html

import cleannews
from cleannews.article import Block
from cleannews.declared import is_declared_summary, summary_candidates, summary_key

POST = ("<p>&#8222;Ich weiß, ich bin müde&#8230;&#8220;</p>"
        "<p>&#8211; &#8222;Dann sag es nicht&#8220;</p><p>&#8211; &#8222;Ok.&#8220;</p>")
# the <meta name=description> copy has ASCII quotes and dots where the page has typographic ones
DESCRIPTION = '"Ich weiß, ich bin müde..." - "Dann sag es nicht" - "Ok."'


def _page(og_type: str) -> str:
    sidebar = "".join(f'<li><a href="/c/{i}">Kategorie Nummer {i} im Archiv</a></li>' for i in range(12))
    return (f'<html><head><title>Die Möglichkeit nichts zu tun | Gnaur</title><meta property="og:type" content="{og_type}"><meta name="description" '
            f"content='{DESCRIPTION}'></head><body><div id='content'><div class='post hentry'>"
            "<h2 class='posttitle'><a href='/p/1'>Die Möglichkeit nichts zu tun</a></h2>"
            "<p class='commentmeta'>14. Juni 2013 at 20:51</p>" + POST +
            "<div class='sharedaddy'><p>Teilen mit: Twitter Facebook</p><p>12 Bloggern gefällt das:</p></div>"
            f"</div></div><ul class='cats'>{sidebar}</ul></body></html>")


def test_summary_key_ignores_quotes_dashes_ellipses_and_case():
    assert summary_key("„Dann sag es nicht“ – „Ok.“") == summary_key('"dann SAG es nicht" - "ok"')
    assert summary_key("欲しいですか？ あはは🤣") == "欲しいですかあはは"


def test_is_declared_summary_compares_word_characters():
    blocks = [Block("paragraph", "„Ich weiß, ich bin müde…“"),
              Block("paragraph", "– „Dann sag es nicht“"), Block("paragraph", "– „Ok.“")]
    assert is_declared_summary(blocks, DESCRIPTION)
    assert not is_declared_summary(blocks[:1], DESCRIPTION)  # only the first line


def test_summary_candidates_are_the_ancestors_holding_the_whole_summary():
    body = lxml.html.document_fromstring(_page("article")).find("body")
    found = list(summary_candidates(body, DESCRIPTION))
    assert found[0].tag == "p"  # the first line: smallest first, the caller checks each
    assert "post hentry" in [el.get("class") for el in found]
    assert list(summary_candidates(body, "Ganz andere Worte, die nirgends stehen")) == []
    assert list(summary_candidates(body, None)) == []


def test_short_post_missed_by_the_scorer_is_found_by_its_description():
    article = cleannews.clean(_page("article"))
    assert article.is_article
    assert article.text.splitlines() == ["„Ich weiß, ich bin müde…“", "– „Dann sag es nicht“", "– „Ok.“"]
    assert not cleannews.clean(_page("website")).is_article  # no declaration, no exception to the minimum

"""`cleannews.rules._widgets`: rules recognised by visible text (titled widgets, text blocks)."""

from __future__ import annotations

import dataclasses

import lxml.html
import pytest

from cleannews.rules import PageFacts, TextBlock, TitledWidget, apply_rules
from cleannews.text import visible_len

WIDGET = TitledWidget(name="w", description="demo widget", phrases=("Most read", "ランキング", "Related"))
LABEL = TitledWidget(name="label", description="demo label", phrases=("PR", "広告"), exact=True)
THREAD = TitledWidget(name="thread", description="demo thread", phrases=("Comments",), follow_all=True)
PROMPT = TextBlock(name="prompt", description="demo prompt", patterns=[r"^subscribe to read", r"有料会員限定"],
                   keys=("subscribe", "有料会員"), max_chars=60)

PROSE = ("<p>The first paragraph of the story is long enough to count as prose, with a comma, and a full stop, "
         "and it goes on for a while so that the page has a body.</p>"
         "<p>The second paragraph continues the story, adding detail, context and a quote from an official who "
         "spoke on Tuesday about the plan and its cost.</p>")
LINKS = "".join(f'<li><a href="/{i}">Headline number {i} here</a></li>' for i in range(5))


def make_facts(body, protected: frozenset = frozenset()) -> PageFacts:
    """PageFacts as `clean()` builds them (plus the page text, for versions that take it)."""
    text = body.text_content()
    extra = {"folded_text": text.casefold()} if "folded_text" in PageFacts.__dataclass_fields__ else {}
    return PageFacts(body_chars=visible_len(text), protected=protected, **extra)



def run(inner: str, *rules, protect: str | None = None):
    root = lxml.html.document_fromstring(f"<html><body>{inner}</body></html>")
    body = root.find("body")
    protected: frozenset = frozenset()
    if protect:
        marker = body.xpath(protect)[0]
        protected = frozenset([marker, *marker.iterancestors()])
    facts = make_facts(body, protected)
    removed = apply_rules(body, rules, facts)
    return body.text_content(), removed


def test_titled_widget_takes_the_whole_link_box():
    text, removed = run(f'<div id="story">{PROSE}</div><div class="box"><div><h3>Most read</h3></div><ol>{LINKS}</ol>'
                        "</div>", WIDGET)
    assert "Headline number" not in text and "Most read" not in text
    assert "The first paragraph" in text
    assert len(removed) == 1
    assert removed[0].path == "body/div[2]"
    assert removed[0].reason == "heading 'Most read' over a block of links"


def test_titled_widget_stops_below_a_protected_container():
    text, removed = run(f'<div id="story"><h3>Most read</h3><ol>{LINKS}</ol></div>', WIDGET, protect="//div")
    assert "Headline number" not in text
    assert [r.path for r in removed] == ["body/div/h3", "body/div/ol"]


def test_heading_in_prose_takes_the_link_lists_after_it_and_stops_at_prose():
    inner = (f'<div id="story">{PROSE}<h3>Related</h3><ul>{LINKS}</ul><p>After the list, the story resumes, with '
             "another paragraph of prose.</p></div>")
    text, removed = run(inner, WIDGET)
    assert "Headline number" not in text and "Related" not in text
    assert "After the list, the story resumes" in text
    assert removed[0].reason == "heading 'Related' and 1 block(s) after it"


def test_heading_over_prose_only_is_not_a_widget():
    inner = f'<div id="story">{PROSE}<h3>Related</h3>{PROSE}</div>'
    text, removed = run(inner, WIDGET)
    assert removed == []
    assert "Related" in text


def test_follow_all_takes_prose_after_the_heading():
    inner = (f'<div id="story">{PROSE}</div><div id="c"><h3>Comments</h3><p>I think this is a great plan, '
             "honestly.</p><p>Not everyone agrees, though; buses are expensive.</p></div>")
    text, removed = run(inner, THREAD)
    assert "great plan" not in text and "Not everyone agrees" not in text
    assert "The first paragraph" in text


@pytest.mark.parametrize("heading,hit", [
    ("Most read", True), ("most read this week", True), ("  Most read  ", True), ("Most-read", False),
    ("Unrelated news", False), ("Related", True), ("Relatedness", False),
    ("[IT・テック] ランキング", True), ("アクセスランキング", True),
    ("A heading that is far too long to be a widget title at all", False),
])
def test_phrase_matching(heading, hit):
    text, removed = run(f'<div id="story">{PROSE}</div><div class="box"><h3>{heading}</h3><ul>{LINKS}</ul></div>',
                        WIDGET)
    assert bool(removed) is hit
    assert ("Headline number" in text) is not hit


@pytest.mark.parametrize("label,hit", [("PR", True), ("広告", True), ("PR campaign", False), ("pr", True),
                                       ("PR:", True), ("広告費", False)])
def test_exact_label(label, hit):
    inner = (f'<div id="story">{PROSE}</div><div class="box"><span>{label}</span>'
             '<a href="/x">Save on home insurance today</a></div>')
    text, removed = run(inner, LABEL)
    assert bool(removed) is hit
    assert ("Save on home insurance" in text) is not hit


def test_text_block_widens_to_its_small_container():
    inner = (f'<div id="story">{PROSE}<div class="x"><p>Subscribe to read the rest.</p><a href="/s">Subscribe</a>'
             "</div></div>")
    text, removed = run(inner, PROMPT)
    assert "Subscribe" not in text
    assert removed[0].path == "body/div/div"
    assert removed[0].reason == "text 'Subscribe to read'"


def test_text_block_ignores_long_blocks_and_unanchored_patterns():
    long_para = "<p>Subscribe to read " + "and keep reading, " * 10 + "said the official.</p>"
    text, removed = run(f'<div id="story">{PROSE}{long_para}<p>Readers who subscribe to read more…</p></div>',
                        PROMPT)
    assert removed == []


def test_text_block_matches_only_text_holding_one_of_its_keys():
    keyless = TextBlock(name="k", description="d", patterns=[r"^subscribe to read"], keys=("zzz",))
    inner = f'<div id="story">{PROSE}<p>Subscribe to read the rest.</p></div>'
    assert run(inner, keyless)[1] == []
    assert [r.rule for r in run(inner, PROMPT)[1]] == ["prompt"]
    japanese = f'<div id="story">{PROSE}<p>この記事は有料会員限定です。</p></div>'
    text, removed = run(japanese, PROMPT)
    assert [r.excerpt for r in removed] == ["この記事は有料会員限定です。"]


def test_latin_keys_must_start_a_word():
    mid_word = TextBlock(name="m", description="d", patterns=[r"^zum weiterlesen:"], keys=("lesen",))
    whole = TextBlock(name="w", description="d", patterns=[r"^zum weiterlesen:"], keys=("weiterlesen",))
    inner = f'<div id="story">{PROSE}<p>Zum Weiterlesen: <a href="/x">Ein anderer Artikel</a></p></div>'
    assert run(inner, mid_word)[1] == []  # 'lesen' sits inside 'weiterlesen': the patterns never run
    text, removed = run(inner, whole)
    assert [r.rule for r in removed] == ["w"] and "Ein anderer Artikel" not in text
    assert "The first paragraph" in text


def test_widgets_are_frozen_with_tuple_phrases():
    widget = TitledWidget(name="x", description="d", phrases=["a", "b"])
    block = TextBlock(name="y", description="d", patterns=["a"], keys=["KEY"])
    assert widget.phrases == ("a", "b")
    assert block.patterns == ("a",) and block.keys == ("key",)
    with pytest.raises(dataclasses.FrozenInstanceError):
        widget.name = "z"  # type: ignore[misc]

"""trim.py: the headline and boilerplate lines at the two ends of the body go; prose stays."""

from __future__ import annotations

import pytest

from cleannews.article import Block
from cleannews.trim import trim_blocks

PROSE = [Block("paragraph", "The council approved the plan on Tuesday after a long debate about costs, "
                            "routes and the needs of riders in the northern districts of the city, where buses "
                            "run only twice an hour after nine in the evening.")] * 3


def texts(blocks):
    return [b.text for b in blocks]


def test_drops_repeated_headline_and_keeps_prose():
    blocks = [Block("heading", "Council approves bus plan", level=1), *PROSE]
    kept, removed = trim_blocks(blocks, "Council approves bus plan")
    assert texts(kept) == texts(PROSE)
    assert removed[0].rule == "headline"


@pytest.mark.parametrize("line", [
    "Home > News > Schools",
    "By Ruth Ann Dwyer, Courier Staff Writer",
    "Published March 17, 2025",
    "Aktualisiert: 11.04.2020, 10:27",
    "2025年9月11日 06:00 更新 北陽日報社",
    "Members of the team test their robot. (Courier photo)",
])
def test_drops_leading_furniture_lines(line):
    kept, removed = trim_blocks([Block("paragraph", line), *PROSE], None)
    assert line not in texts(kept) and len(kept) == len(PROSE)
    assert removed and removed[0].rule == "boilerplate_line"


@pytest.mark.parametrize("line", [
    "Email this story | Print",
    "Tags: transit, city council",
    "Copyright 2008 The Associated Press. All rights reserved.",
    "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica.",
    "This entry was posted in Allgemein. Bookmark the permalink.",
    "Telefon: +49 40 300 30 1141",
    "Permalien https://p.example.com/p/RPYx",
    "Erstellt am 6. Mai 2014 um 23:30 und abgelegt unter Linux, Tutorials.",
    "SUGGESTED CITATION Doe, Jane: Experts in the crisis, ExampleBlog, 2020/4/09.",
    "If you enjoyed reading this post – would you consider supporting our work? Just click here.",
    "Jede kleine Spende hilft den Menschen vor Ort!",
    "2022 - Todos los derechos reservados.",
    "- Anzeige -",
    "Puede escribirnos a redaccion@example.com o seguir a Materia en Facebook, Twitter o Instagram.",
    "¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular en este enlace.",
    "Bei Fragen und Anregungen zu diesem Artikel können Sie hier mit uns in Kontakt treten.",
    "We want to hear what you think about this article. Submit a letter to the editor.",
    "Jetzt registrieren",
    "By adding a comment on the site, you accept our terms and conditions and our netiquette.",
    "Von Hans Müller, dpa",
    "von example.com",
])
def test_drops_trailing_furniture_lines(line):
    kept, removed = trim_blocks([*PROSE, Block("paragraph", line)], None)
    assert texts(kept) == texts(PROSE)
    assert removed[0].reason.endswith("after the body")


@pytest.mark.parametrize("line", [
    "The union said it would support our work on the new timetable, the mayor told reporters.",
    "Anzeigen gegen den Betreiber liegen der Polizei bisher nicht vor.",
    "Unterschreiben Sie unsere Petition, bat die Initiative am Ende der Versammlung ihre Zuhörer.",
    "The party said it would follow the rules set by the commission on donations.",
    # 'by', 'von', 'por' starting a sentence, not a byline
    "By the time the last bus left, the depot had already closed its gates for the night.",
    "Von innen ist das Haus mit Klarlack gestrichen, von außen mit wetterfestem Lack.",
    "Por ende, las ventajas de esta gestión se convierten en una desventaja para el uso.",
])
def test_keeps_trailing_prose_that_resembles_furniture(line):
    kept, removed = trim_blocks([*PROSE, Block("paragraph", line)], None)
    assert texts(kept)[-1] == line and not removed


def test_keeps_a_matching_line_between_prose_paragraphs():
    middle = Block("paragraph", "Tags: this line sits between two paragraphs of prose")
    blocks = [PROSE[0], middle, PROSE[1]]
    kept, removed = trim_blocks(blocks, None)
    assert texts(kept) == texts(blocks) and not removed


def test_disabled_rule_keeps_lines():
    blocks = [Block("paragraph", "By Jane Doe"), *PROSE]
    kept, _ = trim_blocks(blocks, None, disabled=frozenset({"boilerplate_line"}))
    assert texts(kept) == texts(blocks)


def test_drops_a_long_promo_line_at_the_end():
    # Longer than a prose paragraph's threshold, but a promo: checked before trimming stops.
    line = ("Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica. "
            "Send us a message on WhatsApp at 1-876-499-0169 or email us at onlinefeedback@gleanerjm.net.")
    kept, removed = trim_blocks([*PROSE, Block("paragraph", line)], None)
    assert texts(kept) == texts(PROSE)
    assert "promo" in removed[0].reason


def test_a_long_line_that_is_not_furniture_stops_the_trim():
    line = ("Tags matter less than the council thinks, said one rider, who has waited for the night bus "
            "at the same corner every evening for eleven years and wants it to come twice as often.")
    blocks = [*PROSE, Block("paragraph", line), Block("paragraph", "Tags: transit")]
    kept, _ = trim_blocks(blocks, None)
    assert texts(kept) == texts(blocks[:-1])


def test_drops_a_heading_that_ends_the_body():
    blocks = [*PROSE, Block("heading", "Leave a comment", level=2), Block("paragraph", "Share this article")]
    kept, removed = trim_blocks(blocks, None)
    assert texts(kept) == texts(PROSE)
    assert any("heading with nothing under it" in r.reason for r in removed)


def test_keeps_headings_that_head_something_or_end_an_outline():
    headed = [*PROSE, Block("heading", "What comes next", level=2), PROSE[0]]
    assert texts(trim_blocks(headed, None)[0]) == texts(headed)
    outline = [*PROSE, Block("heading", "Part two", level=2), Block("heading", "Part three", level=2)]
    assert texts(trim_blocks(outline, None)[0]) == texts(outline)


@pytest.mark.parametrize("line,kind", [
    ("Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.", "disclaimer"),
    ("Les tribunes publiées n’engagent que leurs auteurs.", "disclaimer"),
    ("The views expressed in this article are those of the author and do not reflect the views of the site.",
     "disclaimer"),
    ("NOW Grenada is not responsible for the opinions, statements or media content presented by contributors.",
     "disclaimer"),
    ("The BBC is not responsible for the content of external sites.", "disclaimer"),
    ("Disclosure: As an Amazon Associate I earn from qualifying purchases. If you buy through these links, the "
     "price stays the same for you, and it helps to keep this site running.", "disclaimer"),
    ("Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE. Die Fotos dürfen nicht genutzt werden.",
     "licence"),
    ("Where not otherwise specified, this work is licensed under a Creative Commons License.", "licence"),
])
def test_drops_trailing_disclaimers_and_licence_notes(line, kind):
    kept, removed = trim_blocks([*PROSE, Block("paragraph", line)], None)
    assert texts(kept) == texts(PROSE)
    assert removed[0].reason == f"{kind} after the body"


@pytest.mark.parametrize("line", [
    # A citation line that names a licence, an author's bio and prose about licences stay.
    'Diese Folge zitieren: Holger Klein: Resonator-Podcast: "Folge 158", 2021. Lizenz: CC-BY 4.0',
    "Lucas Nolan is a reporter for Breitbart Tech covering issues of free speech and online censorship.",
    "The agency said the new licence for the night routes runs until 2030 and can be renewed once.",
    "Critics said the opinions expressed at the meeting were not those of most riders.",
])
def test_keeps_citations_bios_and_prose_about_licences(line):
    blocks = [*PROSE, Block("paragraph", line)]
    kept, removed = trim_blocks(blocks, None)
    assert texts(kept) == texts(blocks) and not removed


@pytest.mark.parametrize(("line", "kind"), [
    ("Learn More", "button label"),
    ("Book a demo with Otter", "button label"),
    ("Next Post", "button label"),
    ("Mehr erfahren »", "button label"),
    ("En savoir plus", "button label"),
    ("Rate this article", "feedback prompt"),
    ("Enjoy the post? Pin it for later!", "feedback prompt"),
    ("War dieser Artikel hilfreich?", "feedback prompt"),
    ("You may also like:", "related intro"),
    ("Discover more from Tiny House Giant Journey", "related intro"),
    ("À lire aussi", "related intro"),
    ("(Visited 1,902 times, 364 visits today)", "review stamp"),
])
def test_drops_trailing_buttons_feedback_prompts_and_related_intros(line, kind):
    kept, removed = trim_blocks([*PROSE, Block("paragraph", line)], None)
    assert texts(kept) == texts(PROSE)
    assert removed[0].reason == f"{kind} after the body"


@pytest.mark.parametrize("line", [
    # A closing sentence that asks the reader to contact the firm is kept (truths keep it), and
    # so is prose that starts with a label's words.
    "Contact us to learn more about our lessons and schedule your first session.",
    "Ready to get started? Book an intro call with our team today.",
    "Related articles on page 3 show that the minister knew about the contract.",
    "Learn more about the history of the harbour at the town museum.",
    "Last reviewed by the board in 2020, the rule was changed twice.",
])
def test_keeps_closing_calls_to_action_and_prose_that_starts_like_a_label(line):
    blocks = [*PROSE, Block("paragraph", line)]
    kept, removed = trim_blocks(blocks, None)
    assert texts(kept) == texts(blocks) and not removed

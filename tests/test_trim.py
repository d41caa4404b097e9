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
    "6 min read",
    "Reading Time: 11 minutes",
    "Lesezeit: ca. 3 Minuten",
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
    "Unterstütze Example-Mag bereits mit 2,50!",
    "Gefällt dir unser Klettermagazin? Dann freuen wir uns über ein Abo.",
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
    ("Mehr zum Thema", "related intro"),
    ("Weitere Tourentipps in Schweden", "related intro"),
    ("Mehr von Example Magazin", "related intro"),
    ("Auch auf example.de", "related intro"),
    ("Empfehlungen aus der Redaktion", "related intro"),
    ("Czytaj także:", "related intro"),
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
    "Weitere Informationen zum Fahrplan gibt es ab Montag in allen Bussen und an den Haltestellen.",
])
def test_keeps_closing_calls_to_action_and_prose_that_starts_like_a_label(line):
    blocks = [*PROSE, Block("paragraph", line)]
    kept, removed = trim_blocks(blocks, None)
    assert texts(kept) == texts(blocks) and not removed


JA_PROSE = [Block("paragraph", "市交通局は十二日、市営バスの深夜便を来年四月から増便すると発表した。利用者の多い駅前と住宅地を"
                               "結ぶ三路線で、平日の最終便を三十分ほど遅らせる。運賃は据え置く。")] * 3


@pytest.mark.parametrize("line, kind", [
    ("写真：共同", "photo credit"),
    ("（撮影・山田太郎）", "photo credit"),
    ("いいね！ 12", "share counter"),
    ("シェア 34 ツイート 5 はてブ 2", "share counter"),
    ("« 前の記事 | トップ | 次の記事 »", "pager"),
    ("1 2 3 次へ", "pager"),
    ("【PR】春の旅行は早めの予約がお得", "pr line"),
    ("スポンサーリンク", "pr line"),
    ("続きは会員登録（無料）でお読みいただけます", "member prompt"),
    ("ログインしてコメントする", "member prompt"),
    ("【関連記事】深夜バス、利用者が二割増", "related line"),
    ("提供：北陽日報", "provider credit"),
    ("出典：市交通局", "provider credit"),
    ("配信元：北陽日報社", "provider credit"),
    ("写真・記事の転載禁止", "copyright"),
    ("続きを読む", "read-more link"),
    ("阅读全文", "read-more link"),
])
def test_drops_japanese_and_chinese_trailing_furniture(line, kind):
    kept, removed = trim_blocks([*JA_PROSE, Block("paragraph", line)], None)
    assert texts(kept) == texts(JA_PROSE)
    assert removed[0].reason == f"{kind} after the body"


@pytest.mark.parametrize(("line", "kind"), [
    ("(dpa)", "agency line"),
    ("dpa/lno", "agency line"),
    ("aja/PAP", "agency line"),
    ("AFP/jm", "agency line"),
    ("Mit Material von dpa", "agency line"),
    ("Quelle: Statista.com", "source line"),
    ("Źródło: Example.pl", "source line"),
    ("Photo Source: Jane Doe from Pexels.", "source line"),
    ("Keine News mehr verpassen: Abonnieren Sie kostenlos den Example-Newsletter und bleiben Sie auf dem Laufenden.",
     "newsletter pitch"),
    ("Do you want to hear about our next events? Sign up here", "newsletter pitch"),
    ("Sie möchten mehr davon? Schauen Sie mal in unseren Wochennewsletter!", "newsletter pitch"),
    ("Zapraszamy też do subskrypcji tygodnika.", "newsletter pitch"),
    ("Wszelkie prawa zastrzeżone.", "copyright"),
    ("Alle rechten voorbehouden", "copyright"),
    ("Všechna práva vyhrazena.", "copyright"),
    ("Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.", "comment prompt"),
    ("Kommentieren", "comment prompt"),
    ("(Noch keine Bewertungen)", "rating line"),
    ("Über den Autor", "author heading"),
])
def test_drops_trailing_agency_source_newsletter_and_rights_lines(line, kind):
    kept, removed = trim_blocks([*PROSE, Block("paragraph", line)], None)
    assert texts(kept) == texts(PROSE)
    assert removed[0].reason == f"{kind} after the body"


@pytest.mark.parametrize("line", [
    "写真を撮るのが好きな記者が、朝の駅前で市民の声を聞いた。",
    "次の記事では、運転手の確保について詳しく伝える予定だ。",
    "会員の皆さんの声を、来月の会合で市に届けるという。",
    "関連する予算案は、来月の市議会に提出される。",
    "提供された資料によると、利用者は二割増えた。",
])
def test_keeps_japanese_prose_that_starts_like_furniture(line):
    kept, removed = trim_blocks([*JA_PROSE, Block("paragraph", line)], None)
    assert texts(kept)[-1] == line and not removed


def test_drops_a_line_that_is_only_the_author_name():
    """A portal prints the providing paper's name over and under the story (the metadata author)."""
    blocks = [Block("paragraph", "北陽テレビ"), *JA_PROSE, Block("paragraph", "北陽テレビ"), Block("paragraph", "提供：北陽")]
    kept, removed = trim_blocks(blocks, None, authors=("北陽テレビ系",))
    assert texts(kept) == texts(JA_PROSE)
    assert [r.reason for r in removed] == ["author's name before the body", "provider credit after the body",
                                           "author's name after the body"]
    # another name, or the name inside a sentence, stays
    other = [*JA_PROSE, Block("paragraph", "南海放送"), Block("paragraph", "北陽テレビの取材に、市長はこう答えた。")]
    kept, removed = trim_blocks(other, None, authors=("北陽テレビ系",))
    assert texts(kept) == texts(other) and not removed
    # a Latin name alone on a line is often a photo credit or the wire the story keeps
    wire = [*PROSE, Block("paragraph", "Press Trust Of India")]
    kept, removed = trim_blocks(wire, None, authors=("Press Trust of India",))
    assert texts(kept) == texts(wire) and not removed


def _blog_post(footer: list[str]) -> list[Block]:
    post = ["今日は朝から雨でした。", "駅前のパン屋さんで、新しいクロワッサンを買いました。バターの香りがすごい！",
            "午後は図書館で本を三冊借りて、雨の音を聞きながら読みました。"] * 4
    return [Block("paragraph", t) for t in post + footer]


def test_cuts_a_blog_footer_of_two_kinds_of_furniture():
    footer = ["ところで、今日のおすすめ。", "・ 米油 1500g ×3個セット", "（https://amzn.to/3abcDEF）",
              "圧搾製法の米油です。揚げ物にも向いています。",
              "このAmazonアソシエイト・リンクの紹介は、効果効能を示唆するものではありません。",
              "応援して下さる方は、下のバナーを１日に１回クリックして下さい。", "■人気ブログランキング",
              "コメントの投稿方法について", "・記事の転載・引用は禁止です。"]
    blocks = _blog_post(footer)
    kept, removed = trim_blocks(blocks, None)
    assert texts(kept) == texts(blocks[:-len(footer) + 1])  # from the shop item's name over its link on
    assert removed[0].reason == "blog footer (shop link, then affiliate note) after the body"
    assert "・記事の転載・引用は禁止です。" in [r.excerpt for r in removed]


def test_one_kind_of_furniture_line_in_a_post_cuts_nothing():
    """A post that mentions the blog ranking once, or a lone affiliate note, is left to the line trim."""
    footer = ["ブログランキングに参加してみました。", "雨の日は、家で本を読むのがいちばんです。",
              "明日は晴れるといいな。"]
    blocks = _blog_post(footer)
    kept, removed = trim_blocks(blocks, None)
    assert texts(kept) == texts(blocks) and not removed
    # before any body, two such lines cut nothing either
    early = [Block("paragraph", "■人気ブログランキング"), Block("paragraph", "記事の転載は禁止です。"), *blocks]
    kept, _ = trim_blocks(early, None)
    assert texts(kept)[:2] == ["■人気ブログランキング", "記事の転載は禁止です。"]


@pytest.mark.parametrize("lines", [
    ["雨の日。", "（https://amzn.to/3abc）", "Affiliate Links below", "ブログ村", "plain line", "HTTP://X"],
    ["no literal at all", "still none"],
    ["KELVIN \u212a", "affiliate link", "nothing"],  # a case twin: every line is checked on its own
])
def test_footer_candidates_are_the_lines_the_literal_check_passes(lines: list[str]) -> None:
    # The lines found in one read of the body are exactly those `may_hold` passes one by one.
    from cleannews import trim
    from cleannews.text import may_hold
    found = trim._footer_candidates(lines)
    expected = {i for i, line in enumerate(lines) if may_hold(line, trim._FOOTER_KEYS)}
    if found is None:
        assert any(trim.lowered_for_keys(line) is None for line in lines)
    else:
        assert found == expected


def test_kind_plan_tries_the_kinds_in_order_with_their_checks() -> None:
    # The plan keeps every kind of its pattern set, in order, and the literal checks of `_NEEDS`/`_KEYS`.
    from cleannews import trim
    assert [step[0] for step in trim._TRAILING_PLAN] == list(trim._TRAILING)
    byline = next(step for step in trim._LEADING_PLAN if step[0] == "byline")
    assert byline[3] == trim._NEEDS["byline"][0] and byline[4].search("staff writer") is not None
    assert trim._kind("posted by", trim._LEADING_PLAN) is None  # no name after 'posted by' at the end
    assert trim._kind("By John Smith", trim._LEADING_PLAN) == "byline"
    assert trim._kind("Mehr Bilder gibt es, und folgt uns auf Instagram", trim._TRAILING_PLAN) == "channel promo"


@pytest.mark.parametrize("line", [
    "3 Min. Lesezeit",
    "5 min read",
    "Lesezeit: 4 Minuten",
    "Lesezeit: 4 min.",
    "読了時間：3分",
    "Ten tekst przeczytasz w mniej niż minutę",
])
def test_drops_a_leading_reading_time_line(line):
    kept, removed = trim_blocks([Block("paragraph", line), *PROSE], None)
    assert texts(kept) == texts(PROSE)
    assert removed[0].reason == "reading time before the body"


@pytest.mark.parametrize("line", [
    # Prose that names an agency, a source or a newsletter is no signature line.
    "The AP reported that the dpa correspondent had left the city before the vote.",
    "Quelle des Streits war ein Vertrag, den die Stadt 2019 mit dem Betreiber schloss.",
    "The newsletter, founded by two students in 2015, now has forty thousand readers.",
    "Die Lesezeit der Bibliothek wird ab Mai um eine Stunde verlängert.",
    "Gefällt dir unser neuer Fahrplan? Die Stadt fragt bis Mai alle Fahrgäste.",
])
def test_keeps_prose_that_names_agencies_sources_or_newsletters(line):
    for blocks in ([*PROSE, Block("paragraph", line)], [Block("paragraph", line), *PROSE]):
        kept, removed = trim_blocks(blocks, None)
        assert texts(kept) == texts(blocks) and not removed


@pytest.mark.parametrize("heading", ["Related posts", "More from The Courier", "You may also like:",
                                     "Das könnte Sie auch interessieren", "あわせて読みたい"])
def test_a_related_heading_near_the_end_drops_the_section_it_opens(heading):
    """The teasers under a late 'Related posts' heading whose links the rules did not take
    (each with its summary) go with the heading."""
    teasers = [Block("heading", "Ferry timetable changes for the summer", level=3),
               Block("paragraph", "The ferry will run every half hour from June, the operator said.")]
    blocks = [*PROSE, Block("heading", heading, level=2), *teasers]
    kept, removed = trim_blocks(blocks, None)
    assert texts(kept) == texts(PROSE)
    assert [r.excerpt for r in removed] == [heading]


def test_a_related_heading_early_in_the_story_heads_part_of_it():
    """'Related research' in the first part of the body is a section of the story: kept, with
    what follows it."""
    blocks = [PROSE[0], Block("heading", "Related research", level=2), *PROSE[1:]]
    kept, removed = trim_blocks(blocks, None)
    assert texts(kept) == texts(blocks) and not removed


@pytest.mark.parametrize("heading,after", [
    ("Recommended courses:", PROSE[:1]),  # a heading ending in a colon introduces the story's list
    ("More posts related to Tokyo", PROSE * 2),  # a section this large is part of the body
])
def test_a_late_related_heading_over_a_part_of_the_story_is_kept(heading, after):
    blocks = [*PROSE * 3, Block("heading", heading, level=2), *after]
    kept, removed = trim_blocks(blocks, None)
    assert texts(kept) == texts(blocks) and not removed


def test_a_line_that_mentions_minutes_of_reading_is_kept():
    line = "Read the 10 minutes of testimony the board heard before it voted on Tuesday."
    kept, removed = trim_blocks([Block("paragraph", line), *PROSE], None)
    assert texts(kept) == [line, *texts(PROSE)] and not removed


@pytest.mark.parametrize(("line", "kind"), [
    ("Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter CC-BY", "licence"),
    ("Kontakt", "button label"),
    ('... weiter zu "Teil drei"', "button label"),
    ("Weitere Infos unter www.example.de.", "related intro"),
])
def test_drops_trailing_licence_contact_and_next_page_lines(line, kind):
    kept, removed = trim_blocks([*PROSE, Block("paragraph", line)], None)
    assert texts(kept) == texts(PROSE)
    assert removed[0].reason == f"{kind} after the body"


def test_drops_a_letters_prompt_before_the_body():
    line = "Submit your letter to the editor via this form. Read more Letters to the Editor."
    kept, removed = trim_blocks([Block("paragraph", line), *PROSE], None)
    assert texts(kept) == texts(PROSE)
    assert removed[0].reason == "reader prompt before the body"


def test_drops_a_long_permalink_paragraph_at_the_end_but_not_a_long_paragraph_of_prose():
    line = ("Der Beitrag wurde am Mittwoch, den 4. Mai 2022 um 10:15 Uhr veröffentlicht und wurde unter Allgemein, "
            "Termine, Region Nord abgelegt. Du kannst die Kommentare zu diesem Eintrag durch den RSS 2.0 Feed "
            "verfolgen. Kommentare sind derzeit geschlossen, aber Du kannst einen Trackback auf deiner Seite einrichten.")
    kept, removed = trim_blocks([*PROSE, Block("paragraph", line)], None)
    assert texts(kept) == texts(PROSE)
    assert removed[0].reason == "permalink line after the body"
    # A long closing paragraph that mentions where the story was published is prose: kept.
    prose = ("Der Beitrag wurde am Mittwoch im Stadtrat vorgestellt und soll nach dem Willen der Verwaltung schon im "
             "Herbst umgesetzt werden; die Fraktionen wollen bis dahin prüfen, welche Linien zuerst nachts fahren, "
             "wie viele Fahrer dafür gebraucht werden und was die Stadt das im Jahr kostet, bevor sie abstimmen.")
    blocks = [*PROSE, Block("paragraph", prose)]
    assert texts(trim_blocks(blocks, None)[0]) == texts(blocks)


@pytest.mark.parametrize("line", [
    "BY JOHN SMITH", "Von Anna Muster", "文：山田太郎", "東京支局 記者", "Home > News > World", "EMAIL THIS STORY",
    "© 2024 Example Media", "ALLE RECHTE VORBEHALTEN", "Bookmark the PERMALINK.", "Quelle: Statista",
    "Die Altstadt (Foto: dpa)", "« 前の記事 | トップ | 次の記事 »", "1 2 3 次へ", "続きは会員登録で",
])
def test_literal_pre_checks_pass_every_line_their_pattern_matches(line: str) -> None:
    # The pre-checks only skip searches: a line a pattern matches always passes its check.
    from cleannews import trim
    from cleannews.text import lowered_for_keys
    lowered = lowered_for_keys(line)
    matched = [kind for patterns in (trim._LEADING, trim._TRAILING) for kind, rx in patterns.items()
               if kind in trim._NEEDS and rx.search(line)]
    assert matched
    for kind in matched:
        openings, keys = trim._NEEDS[kind]
        assert lowered.startswith(openings) or any(key in lowered for key in keys), kind

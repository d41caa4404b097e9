"""`cleannews.rules.consent`: cookie banners and newsletter boxes go; the body stays."""

from __future__ import annotations

import pytest

from cleannews.rules import consent

REMOVES = [
    ("flyout", "en", "middle", '<div class="c-flyout"><div class="c-flyout__content"><p>Every small donation helps '
     "people in need around the world.</p></div></div>", "Every small donation helps"),
    ("cookie-banner", "en", "after", '<div id="cookie-banner"><p>We use cookies to improve your experience.</p>'
     "<button>Accept</button></div>", "We use cookies"),
    ("cookie-text", "en", "inside", '<div class="x"><p>This website uses cookies to improve your experience. '
     "Accept all cookies</p></div>", "This website uses cookies"),
    ("onetrust", "en", "before", '<div id="onetrust-consent-sdk"><p>Manage your privacy choices.</p></div>',
     "Manage your privacy choices."),
    ("gdpr", "en", "inside", '<div class="gdpr-notice"><p>Your choices about data.</p></div>', "Your choices about data."),
    ("ja-cookie", "ja", "inside", "<p>当サイトではクッキーを使用しています。</p>", "当サイトではクッキーを使用しています。"),
    ("newsletter-class", "ja", "inside", '<div class="newsletter"><p>毎朝のニュースをメールでお届けします。</p></div>',
     "毎朝のニュースをメールでお届けします。"),
    ("ja-mailmag", "ja", "inside", '<div class="x"><p>メールマガジン登録はこちら</p></div>', "メールマガジン登録はこちら"),
    ("ja-merumaga", "ja", "inside", "<p>メルマガ登録で最新ニュースをお届け</p>", "メルマガ登録で"),
    ("en-newsletter", "en", "inside", "<p>Sign up for our newsletter to get the day's top stories.</p>",
     "Sign up for our newsletter"),
    ("en-newsletter-box", "en", "after", '<section class="newsletter-signup"><h3>Get the morning briefing</h3>'
     "<p>Delivered to your inbox.</p></section>", "Get the morning briefing"),
    ("en-signing-up", "en", "after", "<p>Never miss the latest news by signing up to our newsletter today!</p>",
     "Never miss the latest news"),
    ("en-mailing-list", "en", "after", "<p>Join our mailing list! Get a note when an episode is published.</p>",
     "Join our mailing list!"),
    ("de-newsletter", "en", "after", "<p>Lust auf mehr? Melde dich hier für unseren Newsletter an.</p>",
     "Lust auf mehr?"),
    ("en-inbox", "en", "after", "<p>Receive agency growth tips, delivered to your inbox.</p>", "Receive agency growth"),
]


@pytest.mark.parametrize("lang,where,snippet,dropped", [c[1:] for c in REMOVES], ids=[c[0] for c in REMOVES])
def test_removes_consent_and_newsletter(pages, lang, where, snippet, dropped):
    article = pages.clean_snippet(snippet, lang=lang, where=where)
    pages.assert_removed(article, "consent", dropped, lang=lang)


@pytest.mark.parametrize("lang,snippet,kept", [
    ("en", "<p>The agency's app, which the regulator said collects data on riders, will show live crowding.</p>",
     "The agency's app"),
    ("ja", "<p>市は、メールで運行情報を知らせるサービスも来年から始める。</p>", "メールで運行情報を知らせる"),
    # Someone else's newsletter, in the story: no call to sign up for the page's own.
    ("en", "<p>Riders can also sign up to the agency's weekly newsletter, which lists every timetable change.</p>",
     "weekly newsletter"),
])
def test_keeps_prose(pages, lang, snippet, kept):
    article = pages.clean_snippet(snippet, lang=lang, where="middle")
    pages.assert_kept(article, kept, lang=lang)
    assert not pages.removals_by(article, "consent")


def test_aem_component_class_is_not_a_consent_manager(pages):
    snippet = ('<div class="text"><div class="cmp-text"><p>Officials added that the timetable will be published '
               "online in February, with printed copies at major stops.</p></div></div>")
    article = pages.clean_snippet(snippet, lang="en", where="middle")
    pages.assert_kept(article, "Officials added that the timetable", lang="en")


def test_disabled_consent(pages):
    snippet = '<div class="newsletter"><p>Officials also published the new timetable on the city website.</p></div>'
    article = pages.clean_snippet(snippet, lang="en", where="middle", disabled_rules={"consent"})
    pages.assert_kept(article, "Officials also published the new timetable", lang="en")


def test_rule_metadata():
    assert consent.CONSENT.name == consent.CONSENT_TEXT.name == consent.EMBED_CONSENT.name == "consent"
    assert consent.CONSENT.description and consent.CONSENT_TEXT.description and consent.EMBED_CONSENT.description


EMBED_PLACEHOLDERS = [
    ("de-twitter", '<h2>Twitter freischalten</h2><div class="content-wrapper"><div class="message">Wir respektieren '
     "deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu Twitter her. Hier kannst "
     "du deine Einstellungen verwalten, um eine Verbindung zu den Social-Media-Kanälen herzustellen.</div>"
     '<a href="/settings">Datenschutzeinstellungen verwalten</a></div>',
     "Wir respektieren deine Privatsphäre", ("Twitter freischalten", "Datenschutzeinstellungen verwalten")),
    ("de-external", '<div class="box"><div>Externer Inhalt</div><div>Um Deine persönlichen Daten zu schützen, '
     "haben wir das automatische Laden der Inhalte von twitter.com blockiert. Wenn Dir Inhalte dieses Anbieters "
     "angezeigt werden sollen, stimme bitte den unten genannten Bedingungen zu.</div>"
     '<div><input type="checkbox" id="d"><label for="d">Ich bin einverstanden, dass ich diesen Inhalt angezeigt '
     "bekomme und dadurch meine personenbezogenen Daten an den Betreiber der Drittplattform übermittelt werden."
     "</label></div></div>", "Externer Inhalt", ("Um Deine persönlichen Daten", "Ich bin einverstanden")),
    ("en-video", "<div><p>To view this content, please accept cookies from YouTube in your privacy settings.</p>"
     "<button>Load external content</button></div>", "To view this content", ()),
    ("de-load-button", "<div class='embed'><p>Klicken Sie auf den unteren Button, um den Inhalt von "
     "www.example-maps.de zu laden.</p><button>Inhalt laden</button></div>", "Klicken Sie auf den unteren Button", ()),
    ("de-see-content", "<div><p>Um diesen Inhalt zu sehen, müssen Sie der Nutzung von Cookies zustimmen.</p></div>",
     "Um diesen Inhalt zu sehen", ()),
]


@pytest.mark.parametrize("snippet,dropped,absent", [c[1:] for c in EMBED_PLACEHOLDERS],
                         ids=[c[0] for c in EMBED_PLACEHOLDERS])
def test_removes_consent_placeholders_of_embeds(pages, snippet, dropped, absent):
    article = pages.clean_snippet(snippet, lang="en", where="middle")
    pages.assert_removed(article, "consent", dropped, lang="en", absent=absent)


@pytest.mark.parametrize("sentence", [
    "The court ruled that the app had loaded the contents without consent of its users, and fined the maker.",
    "Ohne ihr Einverständnis seien die Daten weitergegeben worden, sagte die Anwältin der Klägerin am Montag.",
    "Privacy groups said they were not consulted before the new cameras went up along the three bus routes.",
])
def test_keeps_prose_about_privacy_and_consent(pages, sentence):
    article = pages.clean_snippet(f"<p>{sentence}</p>", lang="en", where="middle")
    pages.assert_kept(article, sentence, lang="en")


def test_consent_manager_holding_most_of_the_page_text_is_removed():
    """A cookie-preference centre can hold more text than a front page: it is still removed."""
    import cleannews

    prefs = "".join(f"<p>These cookies are necessary for the website to function and cannot be switched off "
                    f"in our systems; partner {i} may use them to measure the delivery of content.</p>"
                    for i in range(12))
    page = (f'<html><body><div id="onetrust-consent-sdk"><h2>Privacy Center</h2>{prefs}</div>'
            f'<main><p>Short intro to the section.</p></main></body></html>')
    article = cleannews.clean(page)
    assert "cookies are necessary" not in article.text
    assert any(r.rule == "consent" for r in article.removed)

"""Cookie/consent banners, newsletter sign-up boxes and consent placeholders of embeds.

Removes: elements named cookie/consent/gdpr/cmp/newsletter or as a pop-up (popup, modal, overlay,
flyout), and short blocks such as 'We use cookies to improve your experience', 'メールマガジン登録',
'Never miss the latest news by signing up to our newsletter' or 'Tips delivered to your inbox';
and the box a page shows in place of an embedded tweet or video until the reader agrees to
load it ('Externer Inhalt',
'Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine
Verbindung zu Twitter her', 'Twitter freischalten', 'To view this content, please accept cookies').
Keeps: a sentence about someone else's newsletter ('sign up to the agency's newsletter'), and
prose about privacy or consent ('The court ruled that consent to load third-party trackers …').
"""

from __future__ import annotations

from ._base import AttributeRule
from ._widgets import TextBlock

__all__ = ["CONSENT", "CONSENT_TEXT", "EMBED_CONSENT"]

CONSENT = AttributeRule(
    name="consent",
    description="cookie/consent banners and newsletter boxes (class 'cookie', 'consent', 'newsletter')",
    words=("cookie*", "consent*", "gdpr*", "onetrust*", "didomi*", "privacy banner", "newsletter*",
           "mailchimp*", "mc embed*", "optin*", "opt in", "mailing*", "email signup", "emailsignup", "mailmag*",
           "melmaga*", "popup*", "modal*", "overlay*", "lightbox*", "interstitial", "flyout*"),
    max_share=1.0,  # a consent manager is never the article, however much text it holds

)

CONSENT_TEXT = TextBlock(
    name="consent",
    description="cookie notices and newsletter prompts ('We use cookies', 'メルマガ登録')",
    patterns=[
        r"(?:we|this (?:web)?site) uses? cookies", r"accept (?:all )?cookies", r"cookie (?:policy|settings|preferences)",
        r"クッキー(?:を使用|の使用|ポリシー)", r"cookie(?:を|の)(?:使用|利用)",
        r"(?:sign up|subscribe) (?:for|to) (?:our|the) newsletter", r"get (?:our|the) newsletter",
        r"メール(?:マガジン|マガ)(?:登録|の登録|を購読)", r"メルマガ(?:登録|を購読)", r"newsletter abonnieren",
        # A call to sign up for a newsletter or a mailing list, in any words: the verb near the noun.
        r"\b(?:sign(?:ing)? up|subscrib\w*|join|get|receive|abonnier\w*|bestell\w*|anmeld\w*|melde dich|"
        r"registrier\w*|suscr[ií]b\w*|inscri\w*|zapisz\w*)\b[^.!?]{0,50}\b(?:our|my|this|unser\w*|nuestr\w*|"
        r"notre|nos|nasz\w*)\b[^.!?]{0,30}\b(?:newsletters?|mailing list|e-?mail list)\b",
        r"\b(?:newsletters?|mailing list)\b[^.!?]{0,30}\b(?:abonnieren|anmelden|bestellen|sign up|subscribe)\b",
        r"\b(?:delivered|straight|direct(?:ly)?) (?:to|into) your inbox\b", r"\bcheck your inbox\b",
        r"\bin (?:deinen|ihren) posteingang\b", r"\bsubscribe to get (?:the latest|new) posts\b",
    ],
    keys=("cookie", "クッキー", "メール", "メルマガ", "newsletter", "mailing", "inbox", "posteingang", "e-mail list",
          "email list", "subscribe to get"),
    max_chars=300,
)

# The placeholder of an embed blocked until the reader consents: a label, a message of a
# sentence or two, and buttons.  (A longer message is left: raising max_chars past the other
# text rules' 300 makes every paragraph of 300-500 characters a candidate, +0.7% instructions.)
EMBED_CONSENT = TextBlock(
    name="consent",
    description="consent placeholders of embedded content ('Externer Inhalt', 'Twitter freischalten')",
    patterns=[
        r"^(?:externer inhalt|externe inhalte|eingebetteter inhalt|external content|embedded content|"
        r"inhalte? von drittanbietern|third[- ]party content|contenido externo|contenu externe)\s*[:.]?$",
        r"^(?:(?:twitter|x|youtube|instagram|facebook|tiktok|vimeo|spotify|soundcloud|podcast|video|karte|inhalte?|"
        r"externe inhalte|social media|podigee|datawrapper) (?:freischalten|aktivieren|erlauben|zulassen|nachladen)|"
        r"datenschutzeinstellungen (?:verwalten|anpassen|ändern|öffnen)|(?:manage|change) (?:your )?privacy settings|"
        r"(?:load|show|allow|enable) (?:external|third[- ]party|embedded) content)\s*[.!]?$",
        r"\bwir respektieren (?:deine|ihre) privatsphäre\b",
        r"\bohne (?:dein|ihr) einverständnis\b[^.!?]{0,40}\b(?:keine verbindung|nicht (?:geladen|angezeigt))",
        r"\b(?:laden|einbinden|anzeigen) (?:der|von) (?:externen |eingebetteten )?inhalte?\b.{0,60}?"
        r"\b(?:blockiert|deaktiviert|unterbunden)\b",
        r"\bich bin (?:damit )?einverstanden, dass (?:mir |ich )?(?:externe |diese[nr]? )?inhalte?\b",
        r"\bi (?:agree|consent) (?:that|to)\b[^.!?]{0,40}\b(?:external|third[- ]party|embedded) content\b",
        r"\bto (?:view|see|display|watch|load) this (?:content|video|tweet|post|embed|map)\b[^.!?]{0,80}"
        r"\b(?:cookies?|consent|privacy|third[- ]part\w*)\b",
        # 'Klicken Sie auf den unteren Button, um den Inhalt von www.komoot.de zu laden.'
        r"\bum (?:den|diesen|die) (?:externen |eingebetteten )?inhalte? (?:von|aus) \S+ (?:zu laden|anzuzeigen|zu sehen)\b",
        r"\bklicke?n? (?:sie )?auf (?:den|die) (?:unteren |folgenden )?(?:button|schaltfläche), um (?:den|diesen|die) "
        r"(?:externen )?inhalte?\b",
        r"\bum (?:diesen|den) inhalt (?:zu sehen|anzuzeigen|zu laden)\b[^.!?]{0,80}\b(?:cookies?|zustimm\w*|"
        r"einwillig\w*|akzeptier\w*|datenschutz\w*|drittanbieter\w*)",
        r"\bpara ver (?:este|el) contenido\b[^.!?]{0,80}\b(?:cookies?|consentimiento|aceptar?)\b",
    ],
    keys=("externer", "externe", "eingebetteter", "external", "embedded", "drittanbieter", "third", "contenido",
          "contenu", "freischalten", "aktivieren", "erlauben", "zulassen", "nachladen", "datenschutzeinstellungen",
          "privacy", "privatsphäre", "einverständnis", "laden", "einbinden", "anzeigen", "einverstanden",
          "agree", "consent", "to view this", "to see this", "to display this", "to watch this",
          "to load this", "inhalt", "klick", "para ver"),
    max_chars=300,
)

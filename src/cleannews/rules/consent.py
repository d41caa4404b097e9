"""Cookie/consent banners and newsletter sign-up boxes.

Removes: elements named cookie/consent/gdpr/cmp/newsletter, and short blocks such as
'We use cookies to improve your experience', 'メールマガジン登録', 'Never miss the latest news by
signing up to our newsletter' or 'Tips delivered to your inbox'.
Keeps: a sentence about someone else's newsletter ('sign up to the agency's newsletter').
"""

from __future__ import annotations

from ._base import AttributeRule
from ._widgets import TextBlock

__all__ = ["CONSENT", "CONSENT_TEXT"]

CONSENT = AttributeRule(
    name="consent",
    description="cookie/consent banners and newsletter boxes (class 'cookie', 'consent', 'newsletter')",
    words=("cookie*", "consent*", "gdpr*", "onetrust*", "didomi*", "privacy banner", "newsletter*",
           "mailchimp*", "mc embed*", "optin*", "opt in", "mailing*", "email signup", "emailsignup", "mailmag*",
           "melmaga*", "popup*", "modal*", "overlay*", "lightbox*", "interstitial"),
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

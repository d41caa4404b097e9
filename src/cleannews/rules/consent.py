"""Cookie/consent banners and newsletter sign-up boxes.

Removes: elements named cookie/consent/gdpr/cmp/newsletter, and short blocks such as
'We use cookies to improve your experience' or 'メールマガジン登録'.
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
    ],
    keys=("cookie", "クッキー", "メール", "メルマガ", "newsletter"),
    max_chars=300,
)

"""Paywall, login and sign-up prompts.

Removes: elements named paywall/regwall/subscribe/login, and short blocks such as
'この記事は有料会員限定です。続きを読むにはログインしてください' or
'Subscribe to continue reading'.  The free part of a cut article stays: it is the body.
"""

from __future__ import annotations

from ._base import AttributeRule
from ._widgets import TextBlock

__all__ = ["PAYWALL", "PAYWALL_TEXT"]

PAYWALL = AttributeRule(
    name="paywall",
    description="paywall and login boxes (class 'paywall', 'regwall', 'subscribe', 'login')",
    words=("paywall*", "regwall*", "meter*", "piano*", "tp modal", "subscribe*", "subscription*", "subscriber*",
           "login*", "signin", "sign in", "signup", "sign up", "register*", "registration", "member only",
           "members only", "premium prompt", "purchase"),
    max_share=0.3,
)

PAYWALL_TEXT = TextBlock(
    name="paywall",
    description="prompts to pay, log in or sign up ('有料会員限定', 'Subscribe to continue')",
    patterns=[
        r"有料会員(?:限定|になると|登録(?:する|して|で|は))", r"続きを読むには", r"続きは(?:会員|有料|ログイン)",
        r"ログイン(?:して|すると)(?:続き|全文|お読み)", r"無料会員登録(?:で|すると|はこちら|して)",
        r"会員登録(?:して|すると|で)(?:続き|全文|すべて|全て)", r"会員登録すると", r"会員(?:募集中|になると)", r"残り\d+文字", r"月額\s*[\d,]+\s*円", r"今なら.{0,15}無料", r"この記事は.{0,12}(?:会員限定|有料)", r"^全文を読む",
        r"^subscribe (?:now|today)", r"subscribe to (?:continue|read|keep|unlock|get full access)", r"(?:sign|log) in to (?:continue|read|keep)", r"already a subscriber",
        r"subscribers? only", r"create (?:a )?free account", r"to continue reading", r"become a member",
        r"订阅(?:后|全文)", r"登录后(?:阅读|查看)", r"开通会员", r"jetzt abonnieren", r"abonnez-vous",
        r"\bto (?:view|read|see) the (?:full|whole|entire|rest of the) (?:story|article)\b[^.]{0,30}\bsubscribe",
    ],
    keys=("会員", "月額", "今なら", "続き", "ログイン", "残り", "この記事は", "全文", "subscri", "sign in", "log in", "account",
          "reading", "member", "订阅", "登录", "会员", "abonn"),
    max_chars=250,
)

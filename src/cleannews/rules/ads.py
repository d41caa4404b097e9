"""Ads and PR: ad slots, sponsored boxes and blocks labelled 'PR', '広告', 'Advertisement'.

Removes: elements named ad/ads/advert/sponsor/promo/dfp/adsense, a block headed by a lone
'PR', '広告', 'スポンサーリンク', 'Sponsored', 'Advertisement' or '广告' label, and affiliate
disclosures ('We may earn a commission…', '本記事にはプロモーションを含みます').
Keeps: words such as 'address', 'header' or 'shadow' (whole-word matching only).
"""

from __future__ import annotations

from ._base import AttributeRule
from ._widgets import TextBlock, TitledWidget

__all__ = ["ADS", "AD_LABEL", "AFFILIATE_DISCLOSURE"]

ADS = AttributeRule(
    name="ads",
    description="ad slots and sponsored boxes (class 'ad', 'ads', 'advert', 'sponsor', 'promo')",
    words=("ad", "ads", "adv", "advert*", "adsense", "adsbygoogle", "adslot*", "adunit*", "adbox*", "adwrap*",
           "adcontainer", "adarea", "adspace", "ad slot", "ad unit", "ad box", "ad container", "ad wrapper",
           "google ad*", "googlead*", "dfp*", "gpt", "sponsor*", "promo*", "promoted", "pr box", "prbox", "pr area",
           "^banner*", "bnr", "affiliate*", "commercial", "anzeige*", "werbung", "publicite", "publicidad",
           "native ad", "nativead", "taboola", "outbrain", "ob widget", "teads", "plista"),
    max_share=0.3,
)

AD_LABEL = TitledWidget(
    name="ads",
    description="blocks under a lone 'PR', '広告', 'Sponsored', 'Advertisement' label",
    phrases=("PR", "広告", "AD", "Ads", "スポンサーリンク", "スポンサー", "Sponsored", "Sponsored content",
             "Advertisement", "Advertising", "Anzeige", "Werbung", "Publicité", "Publicidad", "Reklama",
             "广告", "廣告", "推广", "Promoted", "Partner content", "Paid content", "提供"),
    exact=True,
    max_share=0.3,
)

# Affiliate and sponsorship disclosures: a notice about the page's business, not its story.
# Japanese pages have carried 'プロモーションを含みます' notices since the 2023 labelling rules.
AFFILIATE_DISCLOSURE = TextBlock(
    name="ads",
    description="affiliate disclosures ('we may earn a commission', 'qualifying purchases', 'プロモーションを含みます')",
    patterns=(
        r"\b(?:earns?|receive|make|get)s? (?:us |me )?(?:a |an )?(?:small )?(?:affiliate )?commission",
        r"\bqualifying purchases\b", r"\bamazon associate\b", r"\baffiliate (?:links?|disclosure)\b",
        r"\bmay (?:be compensated|receive compensation)\b",
        r"\b(?:erhalten|bekommen) wir (?:eine |ggf\. )?(?:kleine )?provision", r"\baffiliate-links?\b",
        r"(?:本|この)(?:ページ|記事|サイト)(?:に|で)?は、?(?:アフィリエイト)?(?:広告|プロモーション)(?:を含|が含)",
        r"記事内に(?:広告|プロモーション)を含", r"アフィリエイト(?:広告|プログラム|リンク)を(?:利用|使用|含)",
    ),
    keys=("commission", "purchases", "associate", "affiliate", "compensat", "provision", "プロモーション", "広告",
          "アフィリエイト"),
    max_chars=260,  # a disclosure, not a paragraph that mentions one
)

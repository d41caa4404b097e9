"""Ads and PR: ad slots, sponsored boxes and blocks labelled 'PR', '広告', 'Advertisement'.

Removes: elements named ad/ads/advert/sponsor/promo/dfp/adsense, a block headed by a lone
'PR', '広告', 'スポンサーリンク', 'Sponsored', 'Advertisement' or '广告' label, affiliate
disclosures ('We may earn a commission…', '本記事にはプロモーションを含みます'), advertising notices
('Dieser Beitrag enthält Werbung', 'ANZEIGE - …'), and the buy buttons
and price boxes of affiliate reviews ('Check price on Amazon', 'Where to buy', '$199 at Best Buy').
Keeps: words such as 'address', 'header' or 'shadow' (whole-word matching only).
"""

from __future__ import annotations

from ._base import AttributeRule
from ._widgets import TextBlock, TitledWidget

__all__ = ["ADS", "AD_DISCLOSURE", "AD_LABEL", "AFFILIATE_DISCLOSURE", "BUY_BUTTON"]

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

# A block that declares itself advertising: an ad label opening a teaser ('ANZEIGE - Heute mal
# ausgehen?', '*Werbung. Dieser Beitrag …'), and the notice that a post contains advertising
# ('Dieser Beitrag enthält Werbung für …', 'Werbung durch Markennennung', 'This post is sponsored by …').
AD_DISCLOSURE = TextBlock(
    name="ads",
    description="advertising notices ('Dieser Beitrag enthält Werbung', 'ANZEIGE - …', 'This post is sponsored by')",
    patterns=(
        r"^\W*(?:anzeige|werbung|advertisement|sponsored|publicidad|publicité|reklama)\s*[-–—:|.]\s*\S",
        r"\b(?:dieser|der|mein|unser) (?:beitrag|artikel|post|blogpost|text|video) enthält (?:\w+ )?(?:werbung|"
        r"affiliate[- ]links?|produktplatzierungen?)\b",
        r"\b(?:unbezahlte |bezahlte )?werbung (?:durch|wegen|aufgrund (?:von|der)) (?:markennennung|verlinkung|"
        r"namensnennung)", r"\b(?:this|the) (?:post|article|content|video) (?:is|was) sponsored by\b",
        r"\b(?:this|the) (?:post|article) (?:contains|includes) (?:affiliate links|sponsored content|advertising)\b",
    ),
    keys=("anzeige", "werbung", "advertisement", "sponsored", "publicidad", "publicité", "reklama", "enthält",
          "contains", "includes"),
    max_chars=200,
    max_share=0.2,
)

# The buttons and labels of an affiliate buy box: the whole short block is the call to action
# ('Check Price on Amazon', 'Best Prices Today:', 'See it at Walmart', '$199 at Best Buy',
# 'Read our full Sling TV review', 'Jetzt kaufen', 'Voir le prix').  Whole-text matches only: a
# sentence that mentions a price or a store is never one.
_STORE = r"(?-i:[A-Z0-9])[^,;!?]{0,25}"  # a store's name: capitalised, no clause after it ('$12 at the door, …')
BUY_BUTTON = TextBlock(
    name="ads",
    description="affiliate buy buttons and price boxes ('Check price on Amazon', 'Where to buy', '$199 at Best Buy')",
    patterns=(
        r"^\W*(?:(?:check|see|view|compare|get) (?:the )?(?:current |latest |today's |best )?"
        rf"(?:prices?|deals?|offers?|availability)(?: (?:on|at) {_STORE}| here| now)?|best prices today|"
        rf"current price|where to buy|buy (?:it )?(?:now|here)(?: (?:at|on|from) {_STORE}| from (?:one of )?our [^.]{{0,30}}partners)?|see (?:it|details|deal|price) (?:at|on) {_STORE}|"
        rf"[$£€]\s?\d[\d,.]*\s+(?:at|on|from) {_STORE}|see (?:details|all) (?:&|and) buying options|"
        r"read (?:our |the )?(?:full|complete|in-depth) (?:\S.{0,40} )?review|shop (?:now|\S.{0,30} (?:now|today))|"
        r"get (?:it|this|the deal|deal) now|see deal|get the recipe|jump to recipe|"
        r"jetzt (?:kaufen|bestellen)|preis (?:prüfen|ansehen|vergleichen)|zum angebot|"
        r"(?:bei|auf) amazon (?:ansehen|kaufen|bestellen)|voir (?:le prix|l['’]offre)|ver (?:precio|oferta)|"
        r"comprar en \S.{0,20})\W*$",
    ),
    keys=("check", "see", "view", "compare", "get", "best prices", "current price", "where to buy", "buy", "$", "£",
          "€", "read", "shop", "jump", "jetzt", "preis", "zum angebot", "amazon", "voir", "ver", "comprar"),
    max_chars=90,
    max_share=0.2,
)

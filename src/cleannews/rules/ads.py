"""Ads and PR: ad slots, sponsored boxes and blocks labelled 'PR', '広告', 'Advertisement'.

Removes: elements named ad/ads/advert/sponsor/promo/dfp/adsense, and a block headed by a lone
'PR', '広告', 'スポンサーリンク', 'Sponsored', 'Advertisement' or '广告' label.
Keeps: words such as 'address', 'header' or 'shadow' (whole-word matching only).
"""

from __future__ import annotations

from ._base import AttributeRule
from ._widgets import TitledWidget

__all__ = ["ADS", "AD_LABEL"]

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

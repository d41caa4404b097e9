"""Share and social bars: 'シェア', 'ツイート', 'Share on Facebook', '分享到'.

Removes: elements named share/social/sns/addthis/sharethis, and short blocks that only say
'シェアする', 'Share this article', 'Artikel teilen' or '分享到'.
Keeps: prose that talks about social media.
"""

from __future__ import annotations

from ._base import AttributeRule
from ._widgets import TextBlock

__all__ = ["SHARE", "SHARE_TEXT"]

SHARE = AttributeRule(
    name="share",
    description="share and SNS bars (class 'share', 'social', 'sns', 'addthis')",
    words=("share*", "sharing", "social*", "sns*", "addthis*", "sharethis*", "shariff", "a2a*", "addtoany",
           "tweet*", "facebook*", "twitter*", "line it", "hatena*", "bookmark*", "follow us", "followus",
           "sharer", "sociallinks", "sociable"),
    max_share=0.25,
)

SHARE_TEXT = TextBlock(
    name="share",
    description="blocks that only offer sharing ('シェアする', 'Share this', '分享到')",
    patterns=[
        r"^(?:この記事を)?(?:シェア|共有)(?:する|しよう)?\s*[:：!！]?\s*$",
        r"^share (?:this|on|via|the story|article)",
        r"^(?:分享到|分享至|分享：|分享:)",
        r"^(?:(?:den |diesen )?(?:artikel|beitrag|seite) teilen|partager(?: cet article| la page)?|"
        r"compartir(?: este artículo| la nota)?|condividi(?: questo articolo)?|compartilhe(?: este artigo)?|"
        r"udostępnij(?: artykuł)?)\s*[:!]?$",
        r"^(?:follow us|folge uns|folgt uns|folgen sie uns|síguenos|suivez-nous|seguici|siga-nos|obserwuj nas)"
        r"(?:\s*[:!.]?$|\s+(?:also |auch )?(?:on|auf|bei|en|sur|su|no|na|in)\b[^.!?]{0,60}[.!]?$)",
        r"^(?:möchten sie|möchtest du|willst du) (?:den|diesen) (?:artikel|beitrag) teilen\s*\?$",
        r"^(?:ツイート|tweet|facebook|twitter|line|はてなブックマーク|pocket|email)(?:\s+(?:ツイート|tweet|facebook|twitter|line|はてなブックマーク|pocket|email|share))+$",
    ],
    keys=("シェア", "共有", "share", "分享", "ツイート", "tweet", "teilen", "partager", "compartir", "condividi",
          "compartilhe", "udostępnij", "follow", "folge", "folgt",
          "folgen", "síguenos", "suivez", "seguici", "siga", "obserwuj"),
    max_chars=80,
)

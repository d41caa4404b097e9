"""Boilerplate rules, one kind per module, applied in the order of `DEFAULT_RULES`.

Every rule has a `name` (shown by `--explain` and accepted by `Options.disabled_rules`),
a `description`, and a `match(view, facts)` method.  For speed the walk asks them in groups,
keeping `DEFAULT_RULES` order within each group: the hidden rule, then every tag/role/class
rule at once (one lookup; the earliest matching rule is credited), then the heading rules
(titled widgets), then the short-text rules.  An element claimed by an earlier group is not
offered to a later one.
"""

from __future__ import annotations

from collections.abc import Iterable

from ._base import AttributeRule, Match, PageFacts, Rule, attribute_signature
from ._walk import apply_rules
from ._widgets import TextBlock, TitledWidget
from .ads import AD_DISCLOSURE, AD_LABEL, ADS, AFFILIATE_DISCLOSURE, BUY_BUTTON
from .captions import CREDITED_CAPTION, PHOTO_CREDIT
from .carousel import CAROUSEL, CAROUSEL_TITLED, NUMBERED_SLIDES, SLIDESHOW, TEASER_CARDS
from .comments import COMMENT_COUNTER, COMMENT_PROMPT, COMMENTS, COMMENTS_BY_CLASS
from .consent import CONSENT, CONSENT_TEXT, EMBED_CONSENT
from .forms import FORMS
from .hidden import HIDDEN
from .media import MEDIA_PLAYER
from .navigation import FOOTER, NAVIGATION, SKIP_LINKS, UI_LABELS
from .page_furniture import AUTHOR_LINK, AUTHOR_TITLED, SIDEBAR, TAGS, TAGS_TITLED, WIDGETS
from .paywall import PAYWALL, PAYWALL_TEXT
from .ranking import RANKING, RANKING_BY_CLASS
from .recommended import BRACKET_TEASER, READ_MORE_LINE, RECOMMENDED, RECOMMENDED_BY_CLASS
from .share import SHARE, SHARE_TEXT

__all__ = [
    "DEFAULT_RULES",
    "AttributeRule",
    "Match",
    "PageFacts",
    "Rule",
    "TextBlock",
    "TitledWidget",
    "apply_rules",
    "attribute_signature",
    "active_rules",
    "rule_names",
]

# Page-level rules, in the order they are asked.  Cheap attribute rules come first; rules
# that read text (titled widgets, text blocks) come after them.
DEFAULT_RULES: tuple[Rule, ...] = (
    HIDDEN,
    SKIP_LINKS,
    NAVIGATION,
    FOOTER,
    CONSENT,
    PAYWALL,
    ADS,
    SHARE,
    MEDIA_PLAYER,
    COMMENTS_BY_CLASS,
    FORMS,
    RANKING_BY_CLASS,
    RECOMMENDED_BY_CLASS,
    CAROUSEL,
    SLIDESHOW,
    TEASER_CARDS,
    SIDEBAR,
    WIDGETS,
    TAGS,
    RANKING,
    RECOMMENDED,
    CAROUSEL_TITLED,
    COMMENTS,
    AD_LABEL,
    TAGS_TITLED,
    AUTHOR_TITLED,
    AUTHOR_LINK,
    COMMENT_COUNTER,
    COMMENT_PROMPT,
    PAYWALL_TEXT,
    AFFILIATE_DISCLOSURE,
    AD_DISCLOSURE,
    BUY_BUTTON,
    CONSENT_TEXT,
    EMBED_CONSENT,
    SHARE_TEXT,
    READ_MORE_LINE,
    BRACKET_TEASER,
    CREDITED_CAPTION,
    PHOTO_CREDIT,
    NUMBERED_SLIDES,
    UI_LABELS,
)


def rule_names() -> frozenset[str]:
    """Every rule name `Options.disabled_rules` accepts."""
    return frozenset(r.name for r in DEFAULT_RULES) | {"link_dense", "teaser_list", "boilerplate_line", "headline"}


def active_rules(disabled: Iterable[str]) -> tuple[Rule, ...]:
    """`DEFAULT_RULES` without the disabled names."""
    off = frozenset(disabled)
    return tuple(r for r in DEFAULT_RULES if r.name not in off) if off else DEFAULT_RULES

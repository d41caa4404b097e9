"""Reader comments: the text of the elements the ``comments`` rule removed, without the
reply form and its chrome ('Leave a Reply', 'Post Comment', log-in prompts, counters).

Used only with `Options.include_comments`; the default path never calls it.
Cost: one render of the removed comment elements (linear in their size).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml.html import HtmlElement

from .measure import Measure
from .rules._base import attribute_signature
from .serialize import render_blocks
from .text import collapse_space

__all__ = ["comment_text"]

# Elements of the reply form, dropped whatever their text.
_FORM_TAGS = frozenset({"form", "textarea", "input", "button", "select", "label", "fieldset"})
# Class/id words of reply links, log-in prompts and form notes; dropped when their text is short.
_CHROME_RE = re.compile(r" \^?(?:respond|reply|login|signin|logged|commentform|comment form|comment notes"
                        r"|form submit|comment reply link|must log)(?= )")
MAX_CHROME_CHARS = 80
# Lines that are chrome, not what a reader wrote.
_CHROME_LINE_RE = re.compile(
    r"^(?:\d+\s*(?:件の)?)?(?:comments?|responses?|replies|reply|コメント|评论|評論|留言|返信)(?:\s*[(（\[]?\d+[)）\]]?\s*件?)?[:：]?$"
    r"|^(?:leave|post|add|write|submit|show|view|load|cancel) (?:a |your |more |all )?(?:comments?|reply|replies|response)\b"
    r"|^(?:you must be |please )?(?:log|sign)(?:ged)? ?in\b|\b(?:log|sign) ?in to (?:comment|reply|post)"
    r"|your email address will not be published|required fields are marked"
    r"|^コメント(?:する|を書く|を投稿(?:する)?|を見る|一覧|を残す)|^ログイン|^返信(?:する)?$"
    r"|^(?:sort|order)(?: by)?\b|^(?:newest|oldest)(?: first)?$|古い順|新しい順"
    r"|^there (?:are|is) (?:\d+|no) (?:comments?|responses?)|^comment on this|^powered by |policy$"
    r"|留言列表|[發发]表(?:留言|[评評]論)|还没有评论"
    r"|^[\W\d_]*$",  # a lone count or separator
    re.IGNORECASE,
)


def comment_text(elements: Sequence[HtmlElement]) -> str | None:
    """The comments' text, one line per paragraph in document order; None when nothing is left.

    The elements must be detached from the page (they are edited: the reply form goes).
    """
    for el in elements:
        for node in list(el.iter()):
            if not isinstance(node.tag, str) or node is el:
                continue
            if node.tag in _FORM_TAGS or (_CHROME_RE.search(attribute_signature(node))
                                          and len(collapse_space(" ".join(node.itertext()))) <= MAX_CHROME_CHARS):
                parent = node.getparent()
                if parent is not None:
                    parent.remove(node)  # its tail is chrome too ('Reply' link, ' | ')
    blocks, _ = render_blocks(elements, measure=Measure(), include_tables=False,
                              disabled_rules=frozenset({"link_dense", "teaser_list"}))
    lines = [b.text for b in blocks if not _CHROME_LINE_RE.search(b.text)]
    return "\n".join(lines) or None

"""Error pages: a 'Page not found' (soft 404) or 'this page was deleted' notice is no article.

Servers often answer a missing page with status 200 and a short notice inside the site's
layout ('404 : Page Not Found', 'The page you requested cannot be found', 'There are
currently no articles listed under this section').  The notice is recognised by its words in
the headline or the body's first lines, and only on a short body (`MAX_WEIGHT`): a story
*about* a missing page runs longer.  Cost: the body's first blocks weighed (up to `MAX_WEIGHT`);
for a short body, one regex over the title and two lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .article import Block
from .text import weight

__all__ = ["judge_error_page"]

# A body longer than this (weighted characters) is read as an article whatever it opens with.
MAX_WEIGHT = 800.0
# The notice stands in the title or in one of the body's first lines.
FIRST_LINES = 2

_NOTICE_RE = re.compile(
    r"\b404\b.{0,20}\b(?:error|not found|page|fehler|erreur)|\b(?:error|fehler|erreur)\s*:?\s*404\b"
    r"|\bpage (?:was |has been )?not found\b"
    r"|\b(?:page|document|file|url|link)\b[^.!?]{0,40}\b(?:can ?not|can't|could not|couldn't) be found\b"
    r"|\bpage (?:you (?:requested|are looking for|were looking for) )?(?:does not|doesn't|no longer) exists?\b"
    r"|\bthis page (?:has been |was )?(?:deleted|removed)\b|\bpage deleted\b"
    r"|\bno (?:articles|posts|entries|stories) (?:are |were )?(?:found|listed|available)\b"
    r"|\bseite (?:wurde )?nicht gefunden\b|\bpage introuvable\b|\bpágina no encontrada\b|\bpagina non trovata\b"
    r"|ページが見つかりません|お探しのページは見つかりません|页面不存在|找不到(?:该|此)?页面|頁面不存在",
    re.IGNORECASE,
)


def judge_error_page(blocks: Sequence[Block], title: str | None) -> str | None:
    """A reason when the short body (or its title) is a 'not found' / 'deleted' notice, else None.
    The body is weighed first, block by block until it is too long for a notice (an article's
    first blocks): the notice search, an alternation over the title and two lines, costs more."""
    total = 0.0
    for block in blocks:
        total += weight(block.text)
        if total > MAX_WEIGHT:
            return None
    for line in (title or "", *(b.text for b in blocks[:FIRST_LINES])):
        found = _NOTICE_RE.search(line)
        if found is not None:
            return f"an error page: '{found.group()}' on a short body ({int(total)} weighted characters)"
    return None

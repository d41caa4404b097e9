"""Forms to fill in: comment, contact, poll and sign-up forms.

Their inputs, text areas and buttons are stripped with the other non-content tags, which
leaves the field labels ('Your name', 'Twój komentarz', 'Введите символы') as stray lines.
Removes: a ``<form>`` holding little of the page's text.
Keeps: a form that wraps the page or the article (ASP.NET pages put the whole page in one):
one with more than `max_share` of the page's text, most of it outside links, is content.
"""

from __future__ import annotations

from ._base import AttributeRule

__all__ = ["FORMS"]

FORMS = AttributeRule(
    name="forms",
    description="fill-in forms (<form>): comment, contact, poll and sign-up forms",
    tags=("form",),
    max_share=0.3,
)

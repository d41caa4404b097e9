"""Photo credits and captions that are only attribution.

Removes: short blocks such as 'Foto: Andina', '(Symbolbild)', 'Quelle: Hume/Unsplash',
'Źródło: Pixabay', 'Photo: Getty Images', '写真：共同', '（撮影・山田太郎）'.
Also removes (`CREDITED_CAPTION`) a whole figure caption of up to 500 characters, description
and all, when it carries a photo credit ('Die Altstadt am Abend. Foto: Max Muster', '… © dpa'),
and a block whose class/id names it a picture's credit ('image-credit', 'img-author').
Keeps: a caption that describes the picture in a sentence without a credit, one that
describes it in a sentence of 100+ characters before a bare agency name ('… (Reuters)'), and
body paragraphs that mention photos.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import may_hold
from ._base import ElementView, Match, PageFacts
from ._widgets import TextBlock

__all__ = ["CREDITED_CAPTION", "PHOTO_CREDIT"]

PHOTO_CREDIT = TextBlock(
    name="caption",
    description="photo credits and attribution captions ('Foto: …', '(Symbolbild)', '写真：…')",
    patterns=(
        r"(?:^|[\s(（/|])(?:foto|fotos|photo|photos|bild|bilder|image|imagen|źródło|zdjęcie|quelle|credit|credits|"
        r"photograph|fotografía|titelbild|beitragsbild|headerbild|aufmacherbild|teaserbild|vorschaubild|artikelbild|"
        r"titelfoto|bildquelle|kuva|写真|画像|撮影|图片|图|圖片|来源|來源)\s*[:：＝=/]\s*\S",
        r"[(（]\s*(?:symbolbild|symbolfoto|archivbild|archivfoto|file photo|archive photo|資料写真|イメージ写真|"
        r"写真はイメージ|资料图|資料圖)\s*[)）]",
        r"(?:getty images|shutterstock|istock(?:photo)?|unsplash|pixabay|dpa-bildfunk|picture alliance|"
        r"reuters/|afp/|ap photo|imago images|stock\.adobe\.com|adobe stock|domena publiczna|wikimedia commons)",
        r"[(（]\s*(?:crédito|credito|créditos|foto|fotos|photo|©|\(c\))\s*[:：]?[^()（）]{1,60}[)）]\s*$",
        r"(?:^|\s)(?:©|\(c\))\s*\S[^.!?]{0,60}$",
        r"[(（][^()（）]{0,30}撮影[^()（）]{0,10}[)）]\s*$",
        r"[=＝][^=＝]{0,40}(?:撮影|提供)\s*$", r"[=＝]\s*\d{4}年\d{1,2}月\d{1,2}日",
    ),
    keys=("crédito", "credito", "©", "(c)", "stock", "adobe", "domena", "wikimedia", "foto", "photo", "bild", "image", "imagen", "źródło", "zdjęcie", "quelle", "credit", "titelbild", "beitragsbild", "headerbild",
          "aufmacherbild", "teaserbild", "vorschaubild", "artikelbild", "titelfoto", "bildquelle", "kuva", "写真", "画像",
          "撮影", "提供", "=", "＝", "图", "圖", "来源", "來源", "getty", "shutterstock", "istock", "unsplash", "pixabay", "dpa",
          "picture alliance", "reuters", "afp", "imago", "symbol", "archiv", "file photo", "資料"),
    max_chars=160,
    max_share=0.2,
    headings=False,  # '来源：… 作者：…' under a headline, 'Photo / …' in a caption heading: not asked
)


# Class/id words of a figure caption.
_CAPTION_WORDS = frozenset({"caption", "captions", "figcaption", "legend", "bildunterschrift", "bu", "imagecaption",
                            "photocaption", "subtitle"})
# Class/id words of a block that holds only a picture's credit: these alone, or
_CREDIT_WORDS = frozenset({"credit", "credits", "photocredit", "imagecredit", "bildnachweis", "fotocredit"})
# these next to a picture word ('img-author', 'image-copyright'); alone, 'author' is a byline
# and 'copyright' the page's footer.
_PICTURE_CREDIT_WORDS = frozenset({"copyright", "author", "source", "quelle"})
_PICTURE_WORDS = frozenset({"img", "image", "images", "photo", "photos", "foto", "fotos", "picture", "pic", "media",
                            "figure", "bild", "caption"})
# A photo credit anywhere in a caption ('… Foto: Ricardo Correa', '… © Noah Addis', '(Foto: Andina)',
# 'Photo by …', 'Getty Images', '… Reuters'): a source word before a colon, a slash, 'by' or
# 'via', a copyright sign, or a picture agency.
_CREDIT_RE = re.compile(
    r"(?:^|[\s(（/|,.;:-])(?:foto|fotos|photo|photos|photograph|bild|bilder|image|imagen|źródło|zdjęcie|fot\.|"
    r"quelle|credit|credits|crédito|credito|créditos|copyright|bildquelle|bildnachweis|fotografía|photographer|"
    r"fotograf|kuva|写真|撮影|图片|图)\s*(?:[:：/]|by\b|via\b)|©|\(c\)|"
    r"\b(?:getty images|dpa|imago|reuters|afp|ap photo|keystone|shutterstock|istock(?:photo)?|unsplash|pixabay|"
    r"picture[- ]alliance|adobe ?stock|stock\.adobe\.com|wikimedia|agencia|agencja|pap|pixelio|fotolia|pexels|"
    r"depositphotos|123rf|freepik|flickr|cc[- ]by(?:[- ][a-z]{2})*)\b|^\W*screenshot\b",
    re.IGNORECASE)
# Literals one of which every match of `_CREDIT_RE` holds (lower-cased): a caption with none
# is not searched (the pattern costs ~1 µs a character).  Keep in step with the pattern.
_CREDIT_KEYS = ("fot", "photo", "bild", "image", "źródło", "zdjęcie", "quelle", "credit", "crédito", "copyright",
                "kuva", "写真", "撮影", "图", "©", "(c)", "getty images", "dpa", "imago", "reuters", "afp", "keystone",
                "shutterstock", "istock", "unsplash", "pixabay", "picture", "adobe", "wikimedia", "agencia", "agencja",
                "pap", "pixelio", "pexels", "123rf", "freepik", "flickr", "cc-by", "cc by", "screenshot")
MAX_CAPTION_CHARS = 500
MAX_CREDIT_CHARS = 200


class CreditedCaption:
    """A figure caption that carries a photo credit, or a block named as a picture's credit."""

    name = "caption"
    description = "figure captions with a photo credit ('… Foto: dpa', '… © Getty Images'); credit blocks"
    max_share = 0.2

    def applies(self, facts: PageFacts) -> bool:
        return True

    # The signature words `shape_gate` reads: for a signature without them it answers as for ''.
    shape_words = _CAPTION_WORDS | _CREDIT_WORDS | _PICTURE_CREDIT_WORDS | _PICTURE_WORDS

    def shape_gate(self, tag: str, classes: str | None, signature: str) -> bool:
        """Whether an element of this tag and class/id signature may be a caption or a credit
        block: False means `match` is None for it (the walk asks once per shape)."""
        return (bool(signature) or tag == "figcaption") and _caption_kind(tag, signature) is not None

    def match(self, view: ElementView, facts: PageFacts) -> Match | None:
        el = view.el
        if not view.signature and view.tag != "figcaption":
            return None  # (most elements: no name to read, and not a <figcaption>)
        kind = _caption_kind(view.tag, view.signature)
        if kind is None:
            return None
        chars = facts.measure.chars(el)
        if chars == 0 or chars > (MAX_CREDIT_CHARS if kind == "credit" else MAX_CAPTION_CHARS):
            return None
        if kind == "credit":
            return Match((el,), "a block named as a photo credit")
        text = " ".join(view.text.split())
        found = _CREDIT_RE.search(text) if may_hold(text, _CREDIT_KEYS) else None
        if found is None or _described_agency_photo(text, found):
            return None
        return Match((el,), f"caption with a photo credit '{found.group().strip()}'")


# A caption that tells what the picture shows in at least this many characters, ended as a
# sentence, before a bare agency name ('… killing at least 19 people. (Reuters)') is part of the
# story (news wires caption in full sentences); a labelled credit ('Photograph: …', 'Foto: …',
# '© …') still takes its caption.
MIN_DESCRIBED_CHARS = 100
_SENTENCE_END = re.compile(r"[.!?]")
_LABEL = re.compile(r"[:：/©]|\(c\)|\bby\b|\bvia\b", re.IGNORECASE)


def _described_agency_photo(text: str, found: re.Match[str]) -> bool:
    """The caption's credit is a bare agency name after a described sentence of at least
    `MIN_DESCRIBED_CHARS`.  Cost: two regex searches on the caption text."""
    if _LABEL.search(found.group()):
        return False
    end = max((m.end() for m in _SENTENCE_END.finditer(text, 0, found.start())), default=0)
    return end >= MIN_DESCRIBED_CHARS


@lru_cache(maxsize=4096)
def _caption_kind(tag: str, signature: str) -> str | None:
    """'caption' for a <figcaption> or an element named as a caption, 'credit' for one named
    as a picture's credit, else None."""
    if tag in ("body", "html", "article", "main", "a"):
        return None
    words = {w.lstrip("^") for w in signature.split()}
    if words & _CREDIT_WORDS or (words & _PICTURE_CREDIT_WORDS and words & _PICTURE_WORDS):
        return "credit"
    if tag == "figcaption" or words & _CAPTION_WORDS:
        return "caption"
    return None


CREDITED_CAPTION = CreditedCaption()

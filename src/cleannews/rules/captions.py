"""Photo credits and captions that are only attribution.

Removes: short blocks such as 'Foto: Andina', '(Symbolbild)', 'Quelle: Hume/Unsplash',
'Źródło: Pixabay', 'Photo: Getty Images', '写真：共同', '（撮影・山田太郎）'.
Keeps: a caption that describes the picture in a sentence without a credit, and body
paragraphs that mention photos.
"""

from __future__ import annotations

from ._widgets import TextBlock

__all__ = ["PHOTO_CREDIT"]

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

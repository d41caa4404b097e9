"""Recommended and related lists: 'こんな記事も読まれています', 'Related', 'You may also like'.

Removes: a heading such as 'おすすめ', '関連記事', 'あわせて読みたい', '次の記事', 'Read next',
'More from', '相关', '推荐' over links, and elements named related/recommend/outbrain/taboola.
Also removes (`BRACKET_TEASER`) a paragraph that is only a link labelled in brackets or led by
an arrow ('【写真】… の写真はこちら', '【関連記事】…', '≫ 続きはこちら', '▶ 次の記事'), and 'read on' lines
('続きを読む', '全文を読む', '阅读全文', '查看全文').
Keeps: a paragraph that merely mentions a related topic, and a bracketed label inside a sentence
or in front of text that is not a link.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._base import AttributeRule, ElementView, Match, PageFacts
from ._widgets import TextBlock, TitledWidget, link_on_own_line

__all__ = ["BRACKET_TEASER", "READ_MORE_LINE", "RECOMMENDED", "RECOMMENDED_BY_CLASS"]

RECOMMENDED_PHRASES = (
    "おすすめ", "オススメ", "お薦め", "関連記事", "関連ニュース", "関連リンク", "関連情報", "関連する記事",
    "こんな記事も", "あわせて読みたい", "合わせて読みたい", "併せて読みたい", "次の記事", "前の記事",
    "この記事を読んだ人", "他にも", "ピックアップ", "新着記事", "最新記事", "最新ニュース", "編集部のおすすめ",
    "recommended", "related", "you may also like", "you might also like", "more from", "more stories",
    "read next", "read more", "read also", "also read", "more on this", "more in", "more news",
    "latest news", "latest stories", "further reading", "editor's picks", "editors' picks", "don't miss",
    "相关", "推荐", "延伸阅读", "猜你喜欢", "更多", "相關", "推薦", "schon gelesen", "auch interessant",
    "zum weiterlesen", "lesen sie auch", "das könnte sie auch interessieren", "lee también", "puedes ver",
    "le puede interesar", "dowiedz się więcej", "czytaj też", "voir aussi",
    "weitere artikel", "mehr zum thema", "das könnte sie auch interessieren", "à lire aussi", "lire aussi",
    "leer más", "te puede interesar", "czytaj także", "zobacz też", "zobacz także",
    "das könnte dich auch interessieren", "das könnte dich interessieren", "weitere beiträge", "mehr von",
    "notas relacionadas", "noticias relacionadas", "artículos relacionados", "también te puede interesar",
    "other posts you may enjoy", "posts you may enjoy", "you may be interested", "you might be interested",
    "you might like", "you may like", "explore further", "articles similaires", "sur le même sujet",
)

RECOMMENDED = TitledWidget(
    name="recommended",
    description="related/recommended lists titled 'こんな記事も読まれています', 'Related', '推荐', …",
    phrases=RECOMMENDED_PHRASES,
)

RECOMMENDED_BY_CLASS = AttributeRule(
    name="recommended",
    description="elements named related/recommend/outbrain/taboola/read-next",
    words=("related*", "relation*", "recommend*", "reco", "recs", "outbrain*", "taboola*", "zergnet", "yarpp*",
           "read next", "readnext", "more stories", "morestories", "also like", "suggest*", "pickup",
           "next article", "prev article", "post navigation", "nav links", "more articles", "crosslink*"),
)

# "Read more: <link to another story>" lines inside the body, in many languages.
READ_MORE_LINE = TextBlock(
    name="recommended",
    description="in-body 'Read more: …' / 'Mehr zum Thema' / 'あわせて読みたい' lines pointing to other stories",
    patterns=(
        r"^(?:read more|read also|also read|see also|more on this|related|recommended|mehr zum thema|lesen sie auch|"
        r"auch interessant|schon gelesen|zum weiterlesen|weiterlesen|lee también|lea también|puedes ver|"
        r"le puede interesar|te puede interesar|dowiedz się więcej|czytaj (?:też|także|więcej)|zobacz (?:też|także)|"
        r"(?:à )?lire aussi|voir aussi|vea también|ver también|lesen sie hier|auch lesen|lies auch|関連記事|関連ニュース|あわせて読みたい|合わせて読みたい|こちらもおすすめ|"
        r"相关阅读|延伸阅读|推荐阅读|相關閱讀|延伸閱讀)\s*[:：?？!！>＞»]",
        # A 'read on' link alone on its line: the rest of the story, or another page.
        r"^\W*(?:続きを読む|全文を読む|続きを見る|阅读全文|查看全文|展开全文|閱讀全文)\W*$",
        r"^(?:schon gelesen|auch interessant|zum weiterlesen|weiterlesen|mehr zum thema|mehr themen|"
        r"weitere informationen|das könnte (?:dich|sie) auch interessieren|lesen sie auch(?: die folgenden beiträge)?|"
        r"vorschau auf den nächsten artikel|zobacz również|zobacz także|czytaj również|te puede interesar|"
        r"you might also like|you may also like|more stories|related stories|read next|explore further)\s*[:?]?$",
        r"^(?:das|dies|diese[rs]?)?\s*(?:thema|themen|artikel|beitrag|beiträge)?\s*könnten? (?:dich|sie|euch) "
        r"(?:auch )?interessieren\s*[:?!.]?$",
    ),
    keys=("read", "mehr", "könnte", "vorschau", "zobacz", "czytaj", "might", "may also", "more stor", "see also", "explore", "interessieren", "more on", "related", "recommended", "mehr zum", "lesen", "interessant", "gelesen", "weiterlesen",
          "lee", "lea", "puedes", "interesar", "dowiedz", "czytaj", "zobacz", "lire", "voir", "関連", "読みたい",
          "おすすめ", "相关", "延伸", "推荐", "相關", "延伸", "weitere", "vea", "ver", "lies", "auch",
          "続き", "全文"),
    max_chars=220,
    max_share=0.2,
)


@dataclass(frozen=True, eq=False)
class LinkTextBlock(TextBlock):
    """A `TextBlock` that matches only a link (``<a href>``) standing alone: its paragraph's
    whole text, or the last line of its paragraph (after a line break or a sentence's end)."""

    max_rest_chars: int = 2  # text of the paragraph outside the link (a bullet, a space)

    def widen(self, view: ElementView, facts: PageFacts, found: str) -> Match | None:  # type: ignore[override]
        el = view.el
        if el.tag != "a" or el.get("href") is None:
            return None
        parent = el.getparent()
        if parent is None:
            return None
        if facts.measure.chars(parent) - facts.measure.chars(el) <= self.max_rest_chars:
            return super().widen(view, facts, found)
        if link_on_own_line(el, after_sentence=True):
            return Match((el,), f"text '{found}'")
        return None  # a link inside a sentence


# '【写真】高級レストランでの誕生会の写真はこちら', '【関連記事】…', '≫ 詳しくはこちら', '▶ 次の記事へ'
BRACKET_TEASER = LinkTextBlock(
    name="recommended",
    description="a paragraph that is only a link labelled '【写真】…', '【関連記事】…' or led by '≫', '▶'",
    # ('»' is left out: German and French pages quote with it, and lead their shop links with it)
    patterns=(r"^[【\[［〔][^】\]］〕]{1,12}[】\]］〕]\s*\S", r"^[≫▶►▷➤]\s*\S"),
    keys=("【", "[", "［", "〔", "≫", "▶", "►", "▷", "➤"),
    max_chars=120,
    max_share=0.2,
)

"""Line-level trimming of the rendered body: the headline, bylines, datelines, breadcrumbs
before the first paragraph of prose, and share/print/tag/copyright lines after the last.

These lines often sit inside the article container, so no element rule reaches them.  Only
short lines at the two ends are candidates; a line between two prose paragraphs is never
touched, except by `_cut_blog_footer`, which ends a blog post at its standing footer (two
kinds of closing furniture, such as shop links and a plea to click the blog rankings).
A line that is only the author's name (CJK, from the metadata) goes at either end.
Patterns are data, per kind (rule name `boilerplate_line`, and `headline`).
Cost: a few regex searches on at most a dozen short lines, and one search per line for the
blog footer.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Sequence

from .article import Block, Removal
from .text import cjk_count, collapse_space, excerpt, lowered_for_keys, may_hold, visible_len, weight

__all__ = ["trim_blocks"]

# A paragraph this long (CJK counted ×2.5) is prose: trimming stops at it.
PROSE_WEIGHT = 150.0
# Only lines shorter than this are trimmed.
MAX_LINE_WEIGHT = 120.0

_DATE = (r"(?:\d{4}\s*[年/.\-]\s*\d{1,2}\s*[月/.\-]\s*\d{1,2}\s*日?|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|"
         r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
         r"\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|"
         r"令和\s*\d+\s*年|\d{1,2}/\d{1,2}\s*[（(][月火水木金土日][)）])")

_LOWER = "a-zß-öø-ÿąćęłńóśźż"  # lower-case Latin letters (a byline's name starts with a capital)

# Reading-time labels and minute units, for the 'reading time' line.
_READ_LABEL = ("lesezeit|lesedauer|reading time|read time|temps de lecture|tiempo de lectura|czas czytania|読了時間|"
               "阅读时间|閱讀時間")
_MINUTES = r"min(?:ute)?s?\.?|minuten?|minuty?|minutos|分钟?|分"
LEADING_PATTERNS: dict[str, str] = {
    "breadcrumb": r"^(?:home|top|ホーム|トップ|首页|首頁|startseite|accueil|inicio)\s*(?:[>＞›»/|]|&gt;)|"
                  r"^[^>＞›»]{1,30}(?:\s*[>＞›»]\s*[^>＞›»]{1,30}){2,}$",
    # 'By' must be a word of its own: 'Part two', 'Portugal' and 'Textile' are no bylines; and a
    # name must follow it: 'By the time …', 'Von innen …', 'Por ende, …' start sentences (a
    # lower-case word after 'by' passes only in a line of two more words: 'von tennisnet.com').
    "byline": r"^(?:written by|posted by)\s*(?:\s|[:：])|^(?:by|von|par|por|door|przez)\s*(?:[:：]|"
              rf"\s+(?=(?-i:[^\s{_LOWER}]))|\s+\S+(?:\s+\S+)?\s*$)|^(?:text\s*:|文[：:／/]|"
              r"取材[・･]?文[：:]|記者[：:])\s*\S|(?:記者|特派員|編集委員|編集部|staff writer|correspondent|reporter)\s*$",
    "dateline": rf"^(?:(?:published|updated|posted|last updated|aktualisiert|publiziert|veröffentlicht|erstellt|stand|"
                rf"publicado|actualizado|publié|mis à jour|opublikowano|公開|更新|配信|掲載|发布|發佈|发表)\s*(?:on|at|am|le|日時)?\s*[:：]?\s*)?"
                rf"[^。.!?！？]{{0,25}}{_DATE}[^。!?！？]{{0,40}}$",
    "caption": r"[(（][^()（）]{0,40}(?:photo|foto|撮影|写真|提供|getty|reuters|afp|ap photo|图)[^()（）]{0,20}[)）]\s*$|"
               r"^(?:photo|foto|写真|画像|图)\s*[:：＝=]",
    # The editors asking for letters, as a note above a letters page ('Submit your letter to the editor …').
    "reader prompt": r"^submit (?:a|your) letter\b|^(?:send|write) (?:us )?(?:a|your) letter to the editor\b",
    # How long the piece takes to read, alone on its line: the label first ('Lesezeit: ca. 3 Minuten',
    # 'Reading Time: 11 minutes', '読了時間：3分') or the number first ('6 min read', '3 Min. Lesezeit').
    "reading time": rf"^\W*(?:(?:estimated )?(?:{_READ_LABEL})\s*[:：]?\s*(?:about\s+|ca\.\s*|约)?\d+\s*(?:-\s*\d+\s*)?"
                    rf"(?:{_MINUTES})?|(?:about\s+|ca\.\s*)?\d+\s*(?:-\s*\d+\s*)?(?:{_MINUTES})\s*"
                    rf"(?:read(?:ing)?(?: time)?|{_READ_LABEL}|de lecture|de lectura|czytania|leestijd|で読めます)|"
                    r"ten tekst przeczytasz w)\W*(?:\b[^.!?。]{0,30})?$",
}
TRAILING_PATTERNS: dict[str, str] = {
    "share line": r"^(?:email|e-mail|print|share|tweet|send|メール|印刷|シェア|ツイート|分享|打印)"
                  r"(?:\s*(?:this|the)?\s*(?:story|article|page|記事))?(?:\s*[|｜/・]\s*\S.{0,40})?$",
    "tags line": r"^(?:tags?|categories|category|filed under|posted in|keywords|topics|タグ|カテゴリー?|"
                 r"キーワード|标签|关键词|schlagwörter|themen)\s*[:：]",
    "copyright": r"(?:©|\(c\)\s*\d{4}|copyright|all rights reserved|無断転載|無断複製|転載禁止|複製を禁じ|版权所有|版權所有|"
                 r"alle rechte vorbehalten|tous droits réservés|derechos reservados|diritti riservati|direitos reservados|"
                 r"wszelkie prawa zastrzeżone|materiał chroniony prawem autorskim|alle rechten voorbehouden|"
                 r"všechna práva vyhrazena|kaikki oikeudet pidätetään)",
    "dateline": LEADING_PATTERNS["dateline"],
    "byline": LEADING_PATTERNS["byline"],
    "contact line": r"^(?:tel(?:efon|ephone)?|fax|e-?mail|kontakt|contact|ansprechpartner(?:in)?(?: zum thema)?|"
                    r"pressekontakt|press contact|お問い合わせ|联系)\s*[:：.]",
    "follow/app promo": r"^(?:follow|síguenos|siguenos|folgen sie|suivez[- ]nous|get the latest|download (?:the|our)|"
                        r"for the latest|stay up to date|never miss|join (?:us|our)|abonnieren sie|únete|unete)\b",
    # The site's social channels, named anywhere in the line ('… und folgt uns auf Instagram').
    "channel promo": r"\b(?:follow us (?:on|at)|folg(?:e|t) uns (?:auf|bei|auch)|folgen sie uns (?:auf|bei|auch)|"
                     r"síguenos en|suivez-nous sur|seguir a \S+ en (?:facebook|twitter|instagram)|"
                     r"nuestro canal de (?:youtube|telegram|whatsapp)|(?:whatsapp|telegram)[- ]kanal|"
                     r"canal de (?:telegram|whatsapp))",
    # The editors asking for the reader's letter or questions ('Bei Fragen und Anregungen …').
    "reader prompt": r"\bbei fragen (?:und|oder) anregungen\b|\b(?:puede|puedes|pueden) escribirnos\b|"
                     r"\bwe want to hear (?:what you think|from you)\b|\bsubmit (?:a|your) letter\b|"
                     r"\bschreiben sie uns\b|\bwrite to us at\b|\bécrivez-nous\b|\bescríbenos\b",
    "sign-up prompt": r"^(?:jetzt (?:kostenlos )?(?:registrieren|anmelden|abonnieren)|sign up (?:now|today|here)|"
                      r"melde dich (?:jetzt )?(?:an|für)\b|inscrivez-vous|regístrate|suscríbete)",
    "permalink line": r"^this entry was posted in|bookmark the permalink|^(?:permalink|permalien|enlace permanente)\b|"
                      r"\babgelegt unter\b|\bveröffentlicht und wurde unter\b",
    # How to cite the piece, the blog theme's line under a post.
    "citation line": r"^(?:suggested citation|cite this (?:article|post|page)|zitiervorschlag|zitierweise|"
                     r"citer cet article|cómo citar|citation suggérée)\b",
    # A plea for money or membership after the story ('Support our work', 'Jede kleine Spende hilft').
    "support appeal": r"\b(?:consider supporting|support (?:us|our work|our journalism|independent journalism) (?:by|with|today)|"
                      r"funded by readers|unterstütze(?:n sie)? (?:uns|unsere arbeit)|jede (?:kleine )?spende\b|"
                      r"hazte (?:miembro|socio)|apoya (?:nuestro|el) periodismo|soutenez[- ](?:nous|notre travail)|"
                      r"sostieni (?:il nostro|la nostra)|apoie (?:o nosso|nosso) jornalismo|"
                      r"unterstütze(?:n sie)? \S+ (?:bereits |schon )?(?:ab|mit) \d|"
                      r"gefällt (?:dir|euch|ihnen) (?:unser|unsere) \w*(?:magazin|blog|podcast|arbeit|journalismus)\b)",
    "ad label": r"^\W*(?:anzeige|werbung|reklama|advertisement|publicidad|publicité|pubblicità)\W*$",
    # The site's terms under a comment form ('By adding a comment, you accept our terms').
    "terms notice": r"^by (?:using|adding|posting|submitting|continuing|clicking|commenting)\b.{0,80}\byou (?:agree|accept|consent)",
    # A note on whose opinion the piece is, on the site's liability, or on the licence of the text.
    "disclaimer": r"meinung d(?:es|er) (?:autors?|autorin|verfasser\w*) wieder|n['’]engagent? que (?:leurs?|ses|son) auteur|"
                  r"\b(?:views|opinions) expressed (?:in this (?:article|post|column|piece) |here(?:in)? |by (?:the )?"
                  r"(?:authors?|contributors?|writers?) )?(?:are|do not)\b|\bis not responsible for the (?:opinions|views|"
                  r"statements|content)\b|\blas opiniones (?:expresadas|vertidas)\b[^.]{0,40}\bresponsabilidad\b|"
                  r"\bqualifying purchases\b|\bamazon associate\b",
    # A licence note on the page's own text ('This work is licensed under …', 'Dieser Text wurde
    # veröffentlicht unter der Lizenz CC-BY-NC-ND'), not a citation line that names a licence.
    "licence": r"^(?:(?:this|dieser|diese|dieses) (?:work|text|article|content|post|page|site|beitrag|artikel|inhalt|"
               r"werk)|(?:where|unless|sofern|soweit) (?:not )?(?:otherwise|nicht anders))\b[^.]{0,60}"
               r"\b(?:licen[cs]|lizen[sz])|^(?:sofern|soweit|where|unless) (?:not )?(?:otherwise|nicht anders)\b"
               r"[^.]{0,60}\b(?:cc[- ]by|creative commons)",
    # A line that is nothing but a button or link label ('Learn more', 'Book a demo with X',
    # 'Next post', 'Mehr erfahren'): the whole line must be the label, so a sentence that
    # asks the reader to contact the firm stays (wcxb truths keep such closing paragraphs).
    "button label": r"^\W*(?:learn more|read more|contact us|get in touch|download now|subscribe(?: now| today)?|"
                    r"sign up(?: now| today| for free)?|book now|shop now|buy now|get started(?: now| today)?|"
                    r"explore (?:solutions|more)|book (?:a|your) (?:free )?demo(?: with [^.!?]{1,30})?|"
                    r"request a (?:free )?(?:demo|quote)|start (?:your )?free trial|try (?:it )?(?:for )?free|"
                    r"(?:previous|next|older|newer) (?:post|article|story|entry)|mehr erfahren|"
                    r"jetzt (?:kontakt aufnehmen|demo (?:buchen|anfordern)|kostenlos testen)|kontakt aufnehmen|"
                    r"demo (?:buchen|anfordern)|kostenlos testen|en savoir plus|contactez[- ]nous|demander une démo|"
                    r"essai gratuit|más información|contáctanos|contacta con nosotros|solicitar? (?:una )?demo|"
                    r"prueba gratis|kontakt|contact|contacto)\W*$|"
                    r"^\W*(?:\.{3}|…)?\s*(?:weiter (?:zu|mit)|continue to|read on|lesen sie weiter auf)\b[^.!?]{0,60}$",
    # The rating widget or pin prompt under a post ('Was this article helpful?', 'Pin it for later!').
    "feedback prompt": r"^(?:rate this (?:article|post|page|story)|was this (?:article|post|page|story|information) "
                       r"(?:helpful|useful)|how (?:useful|helpful) was this (?:post|article|page)|"
                       r"we are sorry that this (?:post|article) was not useful|let us improve this (?:post|article)|"
                       r"tell us how we can improve this (?:post|article)|(?:enjoy(?:ed)? (?:the|this) (?:post|article)\? )?"
                       r"pin (?:it|this|me) for later|war dieser (?:artikel|beitrag) hilfreich|"
                       r"cet article (?:vous )?a-t-il été utile|¿te (?:ha )?(?:resultado|parecido) útil)\b",
    # The lead-in of a related-posts list whose links were removed ('You may also like:',
    # 'Discover more from X'); the whole line (a 'Related articles' heading in the middle of a
    # story is not at its end).
    "related intro": r"^(?:related (?:posts|reads|articles|stories|links|content)|you (?:may|might) also (?:like|enjoy|"
                     r"be interested in)|if you (?:liked|enjoyed) this (?:post|article)[^.]{0,40}|more resources|"
                     r"additional reading\b[^.]{0,40}|discover more from\b.{0,60}|das könnte sie auch interessieren|"
                     r"ähnliche (?:artikel|beiträge)|articles similaires|à lire aussi|artículos relacionados|"
                     r"te puede interesar|mehr zum thema|mehr (?:von|aus) \S+(?: \S+)?|auch (?:auf|bei) \S+\.[a-z]{2,4}|"
                     r"weitere (?:artikel|beiträge|infos?|informationen|\w*tipps|news|nachrichten|themen|berichte|"
                     r"bilder|videos)(?: (?:zu[mr]?|in|aus|von|für|über) [^.!?]{1,40})?|empfehlungen (?:aus )?der redaktion|"
                     r"lesen sie (?:auch|mehr)|auch interessant|zum weiterlesen|(?:das )?könnte (?:dich|sie) auch interessieren|"
                     r"lee también|más noticias|zobacz (?:też|także)|czytaj (?:też|także|więcej)|see also|read (?:also|next))\W*$"
                     r"|^(?:weitere|mehr) (?:infos?|informationen) (?:unter|auf|bei) \S+\.?$",
    # A news agency's signature under a story ('(dpa)', 'dpa/lno', 'aja/PAP', 'AFP/jm', 'Mit Material
    # von dpa'): the whole line is the agency's token with the editors' initials.
    "agency line": r"^\W*(?:(?:mit material (?:von|der)|mit|with|con|avec|source|quelle)\s*:?\s*)?(?:[a-zäöüß]{1,6}\s*/\s*)*"
                   r"(?:dpa|afp|ap|reuters|pap|kna|epd|apa|sda|efe|ansa|kap|idea|dts|sid|dpa-afx|ots|ddp|rtr)"
                   r"(?:\s*/\s*[a-zäöüß]{1,6})*(?:\s*,\s*(?:dpa|afp|ap|reuters|pap|kna|epd|apa|sda|efe))*\W*$",
    # The source the piece draws on, as a line of its own ('Quelle: Statista', 'Źródło: PAP').
    "source line": r"^(?:(?:photo|image|bild|foto|title|titel)\s*)?(?:quelle|quellen|source|sources|fuente|fuentes|"
                   r"źródło|źródła|bron|bronnen)\s*:\s*\S[^!?]{0,80}$",
    # The site's own newsletter pitch ('Abonnieren Sie kostenlos den X-Newsletter', 'Sign up here',
    # 'Schauen Sie mal in unseren Musiknewsletter!', 'Zapraszamy do subskrypcji').
    "newsletter pitch": r"\b(?:abonnieren sie|abonniere|abonniert|bestellen sie|melden sie sich|melde dich|sign up|"
                        r"subscribe|suscr[ií]bete|inscrivez-vous|zapisz się)\b(?:\s+(?:jetzt|now|today|kostenlos|gratis|"
                        r"for free|here|hier|an|auch|also))*\s+(?:(?:to|for|zu[mr]?|für|a|à|en|do)\s+)?(?:(?:unser\w*|our|"
                        r"den|die|das|the|free|kostenlos\w*|gratis|nuestr\w*|notre|nasz\w*)\s+)?[\w-]*newsletter|"
                        r"^\W*[\w-]*newsletter\s+(?:(?:jetzt|hier|kostenlos|gratis)\s+)*(?:abonnieren|anmelden|bestellen)\b|"
                        r"\bunsere[nmrs]?\s+[\w-]*newsletter|"
                        r"\bzapraszamy (?:też |także )?do subskrypcji|\bsign up here\W*$|"
                        r"\b(?:nichts|keine \w+) mehr (?:verpassen|versäumen)\b",
    # The comment form's prompts, left after the form itself went ('Sie müssen sich einloggen, um …').
    "comment prompt": r"^(?:kommentieren|kommentar schreiben|schreibe(?:n sie)? einen kommentar|"
                      r"deine meinung(?: ist gefragt)?|ihre meinung(?: ist gefragt)?)\W*$|"
                      r"\b(?:sie müssen|du musst) (?:sich |dich )?(?:eingeloggt|angemeldet|einloggen|anmelden)\b|"
                      r"\byou must be (?:logged in|registered) to (?:post|comment|leave)\b",
    # A rating widget's empty state and a lone author-box heading at the end.
    "rating line": r"^\W*(?:noch )?keine bewertungen(?: vorhanden)?\W*$|^\W*no ratings yet\W*$|"
                   r"^\W*(?:be the first to rate|sei der erste, der)\b",
    "author heading": r"^(?:über (?:den|die) autor(?:in)?|zum autor|zur autorin|about the author|sobre el autor|"
                      r"à propos de l['’]auteur|o autorze)\W*$",
    # A medical page's review stamp or a blog's visit counter ('Last reviewed January 2023',
    # '(Visited 1,902 times, 364 visits today)').
    "review stamp": r"^(?:date )?last (?:medically )?reviewed\b[^.!?]{0,40}$|^\(?visited [\d,.]+ times\b",
    # Japanese/Chinese furniture under a story or a post.  A picture's credit ('写真：共同',
    # '（撮影・山田）'), the counters of a share bar ('いいね！ 12', 'シェア 3 ツイート'), a pager
    # ('« 前の記事 | トップ | 次の記事 »', '1 2 3 次へ'), a PR or ad label, a prompt to register or
    # log in, a '【関連記事】' line, the provider's credit ('提供：', '出典：', '配信元：'), a
    # 'read on' link ('続きを読む', '阅读全文').
    "photo credit": LEADING_PATTERNS["caption"] + r"|^[(（]?\s*(?:撮影|写真提供|画像提供)\s*[：:・/／]",
    "share counter": r"^(?:(?:いいね[!！]?|シェア|ツイート|はてブ|ブックマーク|リブログ|コメント|点赞|收藏|转发|评论)"
                     r"\s*[（(]?\s*\d[\d,]*\s*[）)]?\s*)+$|^いいね[!！]?$",
    "pager": r"^[«‹<＜]?\s*(?:前の記事|次の記事|前のページ|次のページ|前へ|次へ|上一篇|下一篇|上一页|下一页)"
             r"(?:\s*[»›>＞])?(?:\s*[|｜]|\s*$)|^«.{0,60}[|｜]\s*(?:トップ|top|ホーム)\s*[|｜]|"
             r"^(?:[«‹<＜]\s*)?(?:\d+\s+){2,}\d*\s*(?:次へ|次のページ|下一页|[»›>＞])\s*$",
    "pr line": r"^\W*(?:pr|ad|広告|スポンサーリンク|sponsored)\W*$|^[【\[［(（]\s*(?:pr|広告)\s*[】\]］)）]|^pr\s*[：:]",
    "member prompt": r"^(?:続きは|全文は|この記事の続きは)?(?:無料)?(?:会員登録|ログイン)|(?:会員登録|ログイン)(?:して|すると|が必要|はこちら)|"
                     r"^有料会員|^(?:登录|注册)(?:后|以)",
    "related line": r"^[【\[［]\s*(?:関連|関連記事|関連ニュース|関連情報|関連リンク|あわせて読みたい|合わせて読みたい|写真特集|動画|画像|写真)\s*[】\]］]",
    "provider credit": r"^[(（]?\s*(?:提供|出典|配信元|情報提供|資料提供|データ提供|記事提供|来源|出处|来自)\s*[：:／/]",
    "read-more link": r"^\W*(?:続きを読む|全文を読む|続きを見る|記事を読む|もっと見る|阅读全文|查看全文|展开全文|閱讀全文|查看更多)\W*$",
}
# Kinds whose pattern is slow (an unanchored alternation, ~24 µs a line): searched only in a
# line that holds one of these words (casefolded).
_KEYS: dict[str, tuple[str, ...]] = {
    "disclaimer": ("meinung", "engag", "expressed", "responsible", "opiniones", "qualifying", "associate"),
    "channel promo": ("follow", "folg", "sígu", "suiv", "seguir", "canal", "kanal"),
    "reader prompt": ("fragen", "escrib", "hear", "letter", "schreiben", "write", "écrivez"),
    "support appeal": ("support", "funded", "unterstütz", "spende", "hazte", "apoy", "soutenez", "sostieni", "apoie",
                       "gefällt"),
    "newsletter pitch": ("newsletter", "subskrypcji", "sign up here", "mehr verpassen", "mehr versäumen"),
    "comment prompt": ("komment", "meinung", "müssen", "musst", "must be"),
}
# Kinds whose pattern is slow (5-30 µs a line) and needs one of these literals (lower-cased):
# (openings the line must start with, strings it must hold anywhere).  Exact, unlike `_KEYS`:
# a line that fails the check cannot match (see `text.may_hold`).  Keep in step with the patterns.
_BYLINE_NEEDS = (("written by", "posted by", "by", "von", "par", "por", "door", "przez", "text", "文", "取材", "記者"),
                 ("記者", "特派員", "編集委員", "編集部", "staff writer", "correspondent", "reporter"))
_NEEDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "breadcrumb": ((), (">", "＞", "›", "»", "/", "|", "&gt;")),
    "byline": _BYLINE_NEEDS,
    "share line": (("email", "e-mail", "print", "share", "tweet", "send", "メール", "印刷", "シェア", "ツイート", "分享",
                    "打印"), ()),
    "copyright": ((), ("©", "(c)", "copyright", "reserved", "réservés", "reservados", "riservati", "無断", "転載禁止",
                       "複製を禁じ", "版权所有", "版權所有", "vorbehalten", "zastrzeżone", "autorskim", "voorbehouden",
                       "vyhrazena", "pidätetään")),
    "permalink line": ((), ("this entry was posted in", "permalink", "permalien", "enlace permanente", "abgelegt unter",
                            "veröffentlicht und wurde unter")),
    "source line": ((), ("quelle", "source", "fuente", "źródł", "bron")),
    "photo credit": ((), ("photo", "foto", "撮影", "写真", "提供", "getty", "reuters", "afp", "图", "画像")),
    "pager": ((), ("前の記事", "次の記事", "前のページ", "次のページ", "前へ", "次へ", "上一篇", "下一篇", "上一页", "下一页",
                   "«", "»", "›", ">", "＞")),
    "member prompt": ((), ("会員登録", "ログイン", "有料会員", "登录", "注册")),
}
# Promo lines run longer than other furniture: they are trimmed up to this weight.
PROMO_LINE_WEIGHT = 260.0
# A theme's permalink paragraph ('Der Beitrag wurde am … veröffentlicht und wurde unter … abgelegt.
# Du kannst die Kommentare … verfolgen.') runs longer still.
PERMALINK_LINE_WEIGHT = 420.0
_LONG_KINDS = frozenset({"follow/app promo", "channel promo", "reader prompt", "sign-up prompt", "permalink line",
                         "citation line", "support appeal", "disclaimer", "licence", "newsletter pitch", "comment prompt"})
_LEADING = {kind: re.compile(p, re.IGNORECASE) for kind, p in LEADING_PATTERNS.items()}
# Every date form has a digit: the dateline pattern (whose backtracking costs ~70 k
# instructions a line) is tried only on lines with one.
_NEEDS_DIGIT = frozenset({"dateline"})
_DIGIT_RE = re.compile(r"\d")
_TRAILING = {kind: re.compile(p, re.IGNORECASE) for kind, p in TRAILING_PATTERNS.items()}
_PERMALINK = {"permalink line": _TRAILING["permalink line"]}
# A kind with its checks, in the order `_kind` tries them: (kind, pattern, needs a digit,
# `_NEEDS` openings or None, `_NEEDS` anywhere-literals as one search or None, `_KEYS` as one search or None).
_Plan = tuple[tuple[str, re.Pattern[str], bool, tuple[str, ...] | None, re.Pattern[str] | None,
                    re.Pattern[str] | None], ...]


def _literals(keys: tuple[str, ...]) -> re.Pattern[str] | None:
    """One search for any of the literal `keys` (exact, case-sensitive: the same as
    ``any(key in text for key in keys)``, in one C call instead of a loop of them)."""
    return re.compile("|".join(map(re.escape, keys))) if keys else None


def _plan(patterns: dict[str, re.Pattern[str]]) -> _Plan:
    """The kinds of `patterns` with their pre-checks looked up once (not per line and kind)."""
    plan = []
    for kind, rx in patterns.items():
        needs = _NEEDS.get(kind)
        keys = _KEYS.get(kind)
        plan.append((kind, rx, kind in _NEEDS_DIGIT, needs[0] if needs else None, _literals(needs[1]) if needs else None,
                     _literals(keys) if keys else None))
    return tuple(plan)


_LEADING_PLAN, _TRAILING_PLAN, _PERMALINK_PLAN = _plan(_LEADING), _plan(_TRAILING), _plan(_PERMALINK)


def trim_blocks(blocks: Sequence[Block], title: str | None, *, disabled: frozenset[str] = frozenset(),
                authors: Sequence[str] = ()) -> tuple[list[Block], list[Removal]]:
    """Drop the repeated headline and the boilerplate lines at both ends of the body.
    `authors`: the page's author names (metadata); a line that is only one of them goes."""
    kept = list(blocks)
    removed: list[Removal] = []
    if "headline" not in disabled:
        kept = _drop_headline(kept, title, removed)
    if "boilerplate_line" not in disabled:
        kept = _cut_blog_footer(kept, removed)
        kept = _drop_closing_section(kept, removed)
        names = _name_keys(authors)
        kept = _trim_end(kept, _LEADING_PLAN, removed, leading=True, names=names)
        kept = _trim_end(kept, _TRAILING_PLAN, removed, leading=False, names=names)
        kept = _drop_orphan_heading(kept, removed)
    return kept, removed


def _drop_headline(blocks: list[Block], title: str | None, removed: list[Removal]) -> list[Block]:
    """The headline belongs in `title`, not in `text`: drop an early line that repeats it."""
    if not title:
        return blocks
    flat = collapse_space(title).casefold()
    for i, block in enumerate(blocks[:6]):
        text = block.text.casefold()
        same = text == flat or (block.kind == "heading" and len(text) > 8 and (text in flat or flat in text))
        if same:
            removed.append(Removal("headline", "repeats the headline (kept as the title)", excerpt(block.text),
                                   f"line {i + 1}"))
            return blocks[:i] + blocks[i + 1:]
    return blocks


def _trim_end(blocks: list[Block], plan: _Plan, removed: list[Removal], *,
              leading: bool, names: Sequence[str] = ()) -> list[Block]:
    """Drop matching short lines from one end, stopping at the first line of prose.
    `names`: the authors' names (`_name_keys`); a line that is only one of them goes too."""
    order = range(len(blocks)) if leading else range(len(blocks) - 1, -1, -1)
    drop: set[int] = set()
    for i in order:
        block = blocks[i]
        w = weight(block.text)
        if w > PROMO_LINE_WEIGHT:
            if w <= PERMALINK_LINE_WEIGHT and not leading and _kind(block.text, _PERMALINK_PLAN) is not None:
                drop.add(i)
                removed.append(Removal("boilerplate_line", "permalink line after the body", excerpt(block.text),
                                       f"line {i + 1}"))
                continue
            if block.kind in ("paragraph", "quote", "list_item"):
                break
            continue
        kind = _kind(block.text, plan)
        if kind is None and names and w <= MAX_LINE_WEIGHT and _is_author_name(block.text, names):
            kind = "author's name"
        if kind and w > MAX_LINE_WEIGHT and kind not in _LONG_KINDS:
            kind = None
        if kind is None and w >= PROSE_WEIGHT and block.kind in ("paragraph", "quote", "list_item"):
            break  # prose: trimming stops here (a promo or permalink line may run this long)
        if kind:
            drop.add(i)
            removed.append(Removal("boilerplate_line", f"{kind} {'before' if leading else 'after'} the body",
                                   excerpt(block.text), f"line {i + 1}"))
    return [b for i, b in enumerate(blocks) if i not in drop]


def _kind(text: str, plan: _Plan) -> str | None:
    """The first kind of line whose pattern `text` matches (a kind with `_KEYS` only if it holds
    one of them, a `_NEEDS_DIGIT` kind only if it holds a digit, a `_NEEDS` kind only if it
    passes its literal check).  `plan`: the kinds with their checks (`_plan`)."""
    folded = lowered = None
    digit = None
    for kind, rx, needs_digit, openings, anywhere, keys in plan:
        if needs_digit:
            if digit is None:
                digit = _DIGIT_RE.search(text) is not None
            if not digit:
                continue
        if openings is not None:
            if lowered is None:
                lowered = lowered_for_keys(text) or ""  # '': check nothing
            if lowered and not lowered.startswith(openings) and (anywhere is None or anywhere.search(lowered) is None):
                continue
        if keys is not None:
            if folded is None:
                folded = text.casefold()
            if keys.search(folded) is None:
                continue
        if rx.search(text):
            return kind
    return None


def _drop_orphan_heading(blocks: list[Block], removed: list[Removal]) -> list[Block]:
    """A heading that ends the body, right after a paragraph, heads nothing: the section it
    titled ('Related stories', 'Leave a comment') was removed.  Two headings in a row at the end
    are left alone (an outline, a page of headings)."""
    if len(blocks) >= 2 and blocks[-1].kind == "heading" and blocks[-2].kind != "heading":
        removed.append(Removal("boilerplate_line", "a heading with nothing under it at the end of the body",
                               excerpt(blocks[-1].text), f"line {len(blocks)}"))
        return blocks[:-1]
    return blocks


# Lines that close a blog post (Japanese first): the blog's standing furniture under every post,
# which the post's own markup often holds.  A `_cut_blog_footer` needs two different kinds.
FOOTER_PATTERNS: dict[str, str] = {
    # A shop link standing alone on its line, as affiliate blocks list them ('（https://amzn.to/x）').
    "shop link": r"^[(（\s]*https?://(?:amzn\.to|amzn\.asia|www\.amazon\.[a-z.]+|a\.r10\.to|hb\.afl\.rakuten\.co\.jp|"
                 r"px\.a8\.net|af\.moshimo\.com|ck\.jp\.ap\.valuecommerce\.com)/\S*[)）\s]*$",
    "affiliate note": r"アソシエイト|アフィリエイト|プロモーションが含まれ|amazon associate|affiliate links?\b",
    "ranking appeal": r"ブログランキング|ブログ村|ランキングに参加|応援(?:の)?クリック|ポチっと|ぽちっと|"
                      r"クリック(?:して|を)?(?:下さい|ください|お願い)",
    "comment rules": r"コメント(?:の)?(?:投稿|閲覧)(?:方法|について|の方法)|コメント欄(?:の|で|に|へ)|コメントを投稿",
    "reprint ban": r"転載|無断複製|複製を禁|引用(?:・|や)?(?:コピー|転載)",
    "ad notice": r"(?:広告|PR)は.{0,20}(?:自動的に|により)表示",
}
_FOOTER = {kind: re.compile(p, re.IGNORECASE) for kind, p in FOOTER_PATTERNS.items()}
_ANY_FOOTER = re.compile("|".join(f"(?:{p})" for p in FOOTER_PATTERNS.values()), re.IGNORECASE)
# Literal strings one of which every match of a `FOOTER_PATTERNS` pattern holds (Latin ones
# lower-cased): a line with none of them is not searched (the union costs ~45 µs a line, the
# check ~1 µs).  Keep in step with the patterns.
_FOOTER_KEYS = ("http", "アソシエイト", "アフィリエイト", "プロモーションが含まれ", "amazon associate", "affiliate link",
                "ランキング", "ブログ村", "クリック", "ポチっと", "ぽちっと", "コメント", "転載", "無断複製", "複製を禁",
                "引用", "表示")
# A short bulleted line ('・ 米油 1500g'): the name of the shop item whose link follows.
_ITEM_NAME = re.compile(r"^\s*[・●■◆▼★☆*\-]\s*\S.{0,50}$")
# The cut needs this much body (visible characters) before it, and its two kinds within this many lines.
FOOTER_MIN_BODY_CHARS = 300
FOOTER_KIND_SPAN = 25


def _footer_kind(text: str, visible: int) -> str | None:
    """The `FOOTER_PATTERNS` kind of a short line (most lines fail the literal check; a line of
    more than `PROMO_LINE_WEIGHT` `visible` characters weighs more than that: never searched)."""
    if (visible > PROMO_LINE_WEIGHT or not may_hold(text, _FOOTER_KEYS) or _ANY_FOOTER.search(text) is None
            or weight(text) > PROMO_LINE_WEIGHT):
        return None
    return next((kind for kind, rx in _FOOTER.items() if rx.search(text)), None)


def _cut_blog_footer(blocks: list[Block], removed: list[Removal]) -> list[Block]:
    """Cut a blog's standing footer: from a closing furniture line to the end of the body.

    A blog post is often followed, inside its own markup, by what the blogger puts under
    every post: shop links, an affiliate note, a plea to click the blog rankings, the rules of
    the comment box, a ban on reprints.  Such a footer holds prose-like lines, so trimming
    line by line stops early.  When two lines of different kinds of such furniture
    (`FOOTER_PATTERNS`) follow `FOOTER_MIN_BODY_CHARS` of body, within `FOOTER_KIND_SPAN`
    lines of each other, the body ends before the first.  One such line alone (a post about
    a ranking, a quoted affiliate note) cuts nothing.
    """
    texts = [b.text for b in blocks]
    candidates = _footer_candidates(texts)
    if candidates is not None and not candidates:
        return blocks  # (most bodies: no line holds a footer literal, and none is measured)
    seen = 0
    first: tuple[int, str] | None = None
    for i, block in enumerate(blocks):
        if seen < FOOTER_MIN_BODY_CHARS:  # (past it the count no longer matters)
            seen += visible_len(block.text)
            continue
        if candidates is not None and i not in candidates:
            continue
        kind = _footer_kind(block.text, visible_len(block.text))
        if kind is not None:
            if first is not None and kind != first[1] and i - first[0] <= FOOTER_KIND_SPAN:
                start = first[0]
                if first[1] == "shop link" and start > 0 and _ITEM_NAME.match(blocks[start - 1].text):
                    start -= 1  # the shop item's name, a bulleted line over its link
                for j in range(start, len(blocks)):
                    removed.append(Removal("boilerplate_line", f"blog footer ({first[1]}, then {kind}) after the body",
                                           excerpt(blocks[j].text), f"line {j + 1}"))
                return blocks[:start]
            if first is None or i - first[0] > FOOTER_KIND_SPAN:
                first = (i, kind)
    return blocks


def _footer_candidates(texts: list[str]) -> set[int] | None:
    """The indices of the lines that hold a `_FOOTER_KEYS` literal (lower-cased), found in the
    body's text read once; None when no such check is exact (a case twin, see
    `text.lowered_for_keys`: then every line is checked on its own).  The same lines
    `may_hold` passes one by one: no key holds a line break, and with no case twin a line
    lower-cases to its part of the whole.  Cost: one lower() and one search per key occurrence."""
    lowered = lowered_for_keys("\n".join(texts))
    if lowered is None:
        return None
    found: set[int] = set()
    starts: list[int] | None = None
    for key in _FOOTER_KEYS:
        at = lowered.find(key)
        while at >= 0:
            if starts is None:
                starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
            found.add(bisect.bisect_right(starts, at) - 1)
            at = lowered.find(key, at + len(key))
    return found


def _name_key(text: str) -> str:
    """A name for comparison: NFKC, casefolded, without spaces, brackets and punctuation."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def _is_author_name(text: str, keys: list[str]) -> bool:
    """`text` is one of the names, give or take a short suffix ('テレビ朝日' for 'テレビ朝日系').
    Only a name in CJK script counts: a Latin name alone on a line is often a photo credit or
    a wire's name that the story keeps (measured on l3s-gn1 and daniel)."""
    line = _name_key(text)
    if len(line) < 2 or not cjk_count(line):
        return False
    return any(line == key or (abs(len(line) - len(key)) <= 2 and (key.startswith(line) or line.startswith(key)))
               for key in keys)


def _name_keys(authors: Sequence[str]) -> list[str]:
    """The authors' names as `_name_key`s (a portal prints the providing paper's or station's
    name, the metadata author, alone over and under the story)."""
    return [k for k in (_name_key(a) for a in authors) if len(k) >= 2]


# Headings of what follows an article: links to other stories ('Related posts', 'More from
# X', 'You may also like', 'Read next', 'あわせて読みたい').  The whole heading must be the
# phrase, or the phrase and a short name ('More from The Times').
CLOSING_SECTION_PHRASES = (
    "related", "related posts", "related articles", "related stories", "related reading", "related content",
    "related resources", "related links", "related news", "more from", "more stories", "more articles",
    "more posts", "more news", "more like this", "more to read", "more to explore", "you may also like",
    "you might also like", "you may also enjoy", "you might also enjoy", "you may be interested in",
    "you might be interested in", "read more", "read next", "read this next", "what to read next",
    "keep reading", "recommended", "recommended for you", "recommended reading", "recommended articles",
    "also read", "popular posts", "popular articles", "latest posts", "latest articles", "recent posts",
    "trending", "trending now", "up next", "explore more", "other articles", "similar articles", "similar posts",
    "das könnte sie auch interessieren", "das könnte dich auch interessieren", "mehr zum thema", "lesen sie auch",
    "weitere artikel", "weitere beiträge", "ähnliche artikel", "ähnliche beiträge", "auch interessant",
    "à lire aussi", "lire aussi", "articles similaires", "sur le même sujet", "articles liés",
    "artículos relacionados", "noticias relacionadas", "te puede interesar", "también te puede interesar",
    "lee también", "czytaj także", "czytaj też", "zobacz także", "zobacz też", "podobne artykuły",
    "相关阅读", "相关文章", "相关新闻", "推荐阅读", "延伸阅读", "相關閱讀", "相關文章", "延伸閱讀",
    "関連記事", "関連ニュース", "あわせて読みたい", "合わせて読みたい", "おすすめ記事", "こちらの記事もおすすめ",
)
_CLOSING_SECTION_RE = re.compile(
    r"^\W*(?:" + "|".join(re.escape(p) for p in sorted(CLOSING_SECTION_PHRASES, key=len, reverse=True))
    + r")(?:\W*$|\s+[^.!?。！？:：]{1,40}$)", re.IGNORECASE)
# Only a heading in the last part of the body (by weight) opens a closing section: a
# 'Related' subheading early in a story heads part of it.
CLOSING_SECTION_FROM = 0.65
# A section holding more than this share of the body is part of it ('More posts related to
# Tokyo' over a guide's last chapters), not a teaser list.
CLOSING_SECTION_MAX_SHARE = 0.25


def _drop_closing_section(blocks: list[Block], removed: list[Removal]) -> list[Block]:
    """Drop a related/recommended heading in the last part of the body (past
    `CLOSING_SECTION_FROM` of its weight) and everything after it (at most
    `CLOSING_SECTION_MAX_SHARE` of the body): the teaser list it heads whose links the rules
    did not take.  A heading that ends in a colon ('Recommended courses:') introduces a part of
    the story.  Cost: a regex per heading; one weight per line only when one matches."""
    headings = [i for i, b in enumerate(blocks) if i and b.kind == "heading" and _CLOSING_SECTION_RE.search(b.text)]
    if not headings:
        return blocks
    weights = [weight(b.text) for b in blocks]
    total = sum(weights)
    for i in headings:
        seen = sum(weights[:i])
        if seen >= CLOSING_SECTION_FROM * total and total - seen <= CLOSING_SECTION_MAX_SHARE * total:
            text = blocks[i].text
            removed.append(Removal("boilerplate_line", f"a closing section headed '{excerpt(text)}' "
                                   f"({len(blocks) - i} line(s))", excerpt(text), f"line {i + 1}"))
            return blocks[:i]
    return blocks


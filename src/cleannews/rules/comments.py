"""Reader comments and comment counters.

Removes: comment threads (class 'comments', '#disqus_thread', a 'コメント'/'Comments'/'评论'/'Opinie'
heading and what follows it),
counters such as 'コメント 12件' or '23 comments', and the prompts of a comment form ('You must be
logged in to post a comment', 'Kommentar schreiben', 'Bitte halten Sie sich an unsere Netiquette').
Keeps: article paragraphs that quote a comment.  (`Options.include_comments` collects the
thread into `Article.comments` instead of discarding it.)
"""

from __future__ import annotations

from ._base import AttributeRule
from ._widgets import TextBlock, TitledWidget

__all__ = ["COMMENTS", "COMMENTS_BY_CLASS", "COMMENT_COUNTER", "COMMENT_PROMPT"]

COMMENTS_BY_CLASS = AttributeRule(
    name="comments",
    description="comment threads (class/id 'comments', 'disqus', 'respond')",
    words=("comment*", "disqus*", "respond", "replies", "reply", "discussion", "talkback", "kommentar*",
           "commentaire*", "comentario*", "komentarz*", "livefyre", "fb comments", "reactions"),
    max_share=0.6,
)

COMMENTS = TitledWidget(
    name="comments",
    description="comment threads under a 'コメント'/'Comments'/'评论' heading",
    phrases=("コメント", "読者のコメント", "みんなのコメント", "ユーザーのコメント", "あなたのコメント", "みんなの意見",
             "comments", "comment", "leave a reply", "leave a comment", "reader comments",
             "评论", "評論", "留言", "kommentare", "commentaires", "comentarios", "komentarze",
             # comment-form titles: 'Hinterlasse jetzt einen Kommentar', 'Deja un comentario', 'No responses yet'
             "kommentieren", "hinterlasse einen kommentar", "hinterlasse jetzt einen kommentar",
             "schreibe einen kommentar", "schreiben sie einen kommentar", "deja un comentario", "dejar un comentario",
             "deja tu comentario", "laisser un commentaire", "laissez un commentaire", "napisz komentarz",
             "dodaj komentarz", "add a comment", "dodaj opinię", "добавить комментарий", "оставить комментарий",
             "leave a response", "no responses", "no response",
             "one response", "join the discussion", "join the conversation", "diskutieren sie mit"),
    follow_all=True,
    # Words that also title an article's own section ('Opinie ekspertów', 'Комментарии специалистов'):
    # a thread's title only as the heading's whole text, a count aside ('Opinie (36)', 'Комментарии к новости:')
    whole=("opinie", "opinie internautów", "opinie czytelników", "комментарии", "комментарии к новости",
           "комментарии к статье", "комментарии читателей", "обсуждение", "обсуждение статьи",
           "обсуждение материала", "обсуждение новости"),
)

COMMENT_COUNTER = TextBlock(
    name="comments",
    description="comment counters ('コメント 12件', '23 comments')",
    patterns=[
        r"^(?:コメント|comments?|评论|評論)\s*[（(\[【]?\s*\d+\s*(?:件)?\s*[)）\]】]?$",
        r"^\d+\s*(?:件の)?コメント$",
        r"^\d+\s+(?:comments?|responses?|replies)$",
        r"^(?:no|view|show|add|post|write) (?:a )?comments?$",
        r"^コメント(?:する|を書く|を見る|一覧)$",
    ],
    keys=("コメント", "comment", "评论", "評論", "response", "repl"),
    max_chars=40,
)

# What a comment form says when the thread itself is gone (or loads by script): log in, write, behave.
COMMENT_PROMPT = TextBlock(
    name="comments",
    description="prompts of a comment form ('You must be logged in to post a comment', 'Kommentar schreiben')",
    patterns=[
        r"\b(?:must|need to) be (?:logged in|registered|signed in) to (?:post|leave|write|add|join)",
        r"\blog ?in (?:here )?to (?:leave|post|write|add) (?:a )?comments?\b",
        r"\b(?:sie müssen|du musst) (?:sich |dich )?(?:angemeldet|eingeloggt|registriert|einloggen|anmelden)\b"
        r"[^.!?]{0,60}\b(?:kommentar|diskussion)",
        r"^(?:kommentare?|leserkommentare?) (?:schreiben|verfassen|abgeben|hinzufügen)\s*[:!.]?$",
        r"\bvous devez être (?:connecté|inscrit)e?s? pour (?:publier|poster|laisser|écrire) un commentaire",
        r"\bdebes (?:estar registrado|iniciar sesión|estar conectado) para (?:publicar|dejar|escribir) (?:un )?comentario",
        r"\bdevi (?:essere (?:registrato|connesso)|effettuare il login) per (?:pubblicare|inviare|scrivere) un commento",
        r"\bmusisz (?:być zalogowan\w*|się zalogować),? (?:aby|by) (?:dodać|napisać|skomentować)",
        r"\b(?:unsere|die) netiquette\b",
    ],
    keys=("must", "need to", "log", "sie müssen", "du musst", "kommentar", "leserkommentar", "vous devez", "debes",
          "devi", "musisz", "netiquette"),
    max_chars=200,
)

"""The question itself: is it usable (empty, too long), and is it a follow-up that needs its thread?"""

from __future__ import annotations

import re

from bot.config import Settings
from index.chunk import detect_language
from index.errors import QabotError
from index.lexical import tokenize

_REFERRING = re.compile(
    r"\b(it|its|they|them|their|this|that|these|those|he|she|him|her|there)\b|それ|その|これ|この|あれ|あの|彼|同(研究|社|氏)",
    re.I,
)


def check_question(question: str, settings: Settings) -> str:
    q = " ".join((question or "").split())
    if not q:
        raise QabotError("empty question: ask something, e.g. qabot ask \"why are dormant cells drug resistant?\"")
    if len(q) > settings.max_question_chars:
        raise QabotError(
            f"question too long: {len(q)} characters, the limit is {settings.max_question_chars} "
            f"(QABOT_MAX_QUESTION_CHARS)"
        )
    return q


# Interrogatives and demonstratives (UniDic lemmas): they ask or point, they do not say what about.
_POINTING = {"其れ", "此れ", "彼れ", "其の", "此の", "彼の", "何時", "何処", "誰", "何", "何故", "何の", "如何", "何れ", "何方", "幾つ"}


def content_words(question: str) -> int:
    """How many words of a question say what it is about. Japanese has no spaces between words:
    its content words are counted from the MeCab lemmas (index.lexical), English ones by spaces."""
    if detect_language(question) != "ja":
        return len(question.split())
    return sum(1 for t in tokenize(question) if t.isascii() or (t.startswith("m:") and t[2:] not in _POINTING))


def is_follow_up(question: str) -> bool:
    """'and when was it published?', 「それはいつ？」, 「著者は？」: too little of its own to retrieve with."""
    if _REFERRING.search(question):
        return True
    if detect_language(question) == "ja":
        return content_words(question) <= 1
    return content_words(question) <= 4 or len(question) <= 12


def condense(question: str, history: list[str]) -> str:
    """A follow-up is retrieved together with the previous turn."""
    if history and is_follow_up(question):
        return f"{history[-1]} {question}"
    return question

"""Question in, cited Answer out: the one entry point the CLI, chat, eval and Slack share."""

from __future__ import annotations

import json
import logging
import re
import time
from dataclasses import dataclass, field

from bot.qa.answer import Thresholds, abstention, compose, rerank, select
from bot.config import Settings
from bot.stores import embedder_for, open_store
from bot.qa.glossary import build_glossary
from bot.models import Answer
from bot.qa.query import build_query
from bot.qa.retrieve import HybridRetriever
from index.chunk import detect_language
from index.errors import QabotError
from index.lexical import tokenize

log = logging.getLogger(__name__)

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


@dataclass
class Responder:
    settings: Settings
    thresholds: Thresholds = field(default_factory=Thresholds)
    mode: str = "hybrid"

    def __post_init__(self) -> None:
        t0 = time.perf_counter()
        from index import dictionary

        dictionary.configure(self.settings.dictionary)
        self.store = open_store(self.settings)
        self.embedding = embedder_for(self.settings, self.store)
        self._build_retriever()
        self.startup_ms = (time.perf_counter() - t0) * 1000

    def _build_retriever(self) -> None:
        means = json.loads(self.store.metadata.get("lang_means") or "{}")
        self.retriever = HybridRetriever(self.store, self.embedding, means, mode=self.mode)
        self.retriever.refresh(force=True)

    @classmethod
    def sharing(cls, other: "Responder", mode: str) -> "Responder":
        """Another retrieval mode over the same store and loaded embedder (for baselines)."""
        obj = cls.__new__(cls)
        obj.settings, obj.thresholds, obj.mode = other.settings, other.thresholds, mode
        obj.store, obj.embedding, obj.startup_ms = other.store, other.embedding, 0.0
        obj._build_retriever()
        return obj

    def ask(self, question: str, k: int | None = None, history: list[str] | None = None) -> Answer:
        question = check_question(question, self.settings)
        k = k or self.settings.top_k
        lang = detect_language(question)
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        query = condense(question, history or [])
        passages = self.retriever.passages(query, max(k, 5))
        timings["retrieve"] = (time.perf_counter() - t0) * 1000
        t1 = time.perf_counter()
        df, n_docs = self.retriever.document_frequencies()
        lexical = build_query(query)  # a follow-up is judged together with the turn it continues
        chosen, reason = select(question, passages, df, n_docs, self.thresholds, query=lexical)
        glossary = []
        if chosen:
            text, citations = compose(question, lang, chosen)
            passages = rerank(passages, chosen)
            if lang == "en" and any(c.passage.lang == "ja" for c in chosen):
                glossary = build_glossary(lexical, [c.text for c in chosen], df, n_docs)
        else:
            log.info("abstaining on %r: %s", question, reason)
            text, citations = abstention(question, lang), []
        timings["answer"] = (time.perf_counter() - t1) * 1000
        timings["total"] = (time.perf_counter() - t0) * 1000
        return Answer(
            question=question,
            answer=text,
            abstained=not chosen,
            language=lang,
            citations=citations,
            passages=passages[:k],
            timings_ms={key: round(v, 1) for key, v in timings.items()},
            glossary=glossary,
        )

"""Question in, cited Answer out: retrieve, then answer. The one path the CLI, chat, eval and Slack share.

`Pipeline.retrieve(question, history) -> Retrieval` finds the passages and the term statistics
the answer step needs; an `Answerer` (`ExtractiveAnswerer` here, `LLMAnswerer` in bot.qa.llm)
turns a Retrieval into a cited `Answer`. `Pipeline.ask` is the two in a row. Nothing here keeps
per-question state on shared objects, so many questions can be answered at once.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Protocol

from bot.config import Settings
from bot.models import Answer, Passage
from bot.qa import about
from bot.qa.answer import abstention, compose, fits_kind, leads_a_group, rerank, select
from bot.qa.followup import check_question, condense
from bot.qa.forms import ONLY_REQUEST, answer_kind, judged_text, study_agents_asked, without_aside
from bot.qa.glossary import build_glossary
from bot.qa.query import SAID_FOR_AGENTS, SAID_FOR_KIND, Query, held_in, respelled
from bot.qa.retrieve import HybridRetriever
from bot.qa.tuning import AnswerTuning, Tuning
from bot.stores import embedder_for, open_store
from index.chunk import detect_language

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Retrieval:
    """What the answer step gets: the question as asked, the standalone text retrieved with (a
    follow-up joined to or rewritten with its thread), the passages best first, and the collection's
    term statistics (for evidence, glossary and citation support)."""

    question: str
    query: str
    language: str
    passages: list[Passage]
    k: int
    lexical: Query
    df: Mapping[str, int]
    n_docs: int
    timings_ms: dict[str, float] = field(default_factory=dict)
    # The question's (language-centred) cosine to other texts, with the vector retrieval used:
    # for the answer step's finer checks (a clause, not a stored sentence). None without dense.
    similarity: Callable[[list[str]], list[float]] | None = None
    # For a question about the document itself (bot.qa.about): the first chunk of the document
    # the best passage comes from, also put first among the passages.
    opening: Passage | None = None


class Answerer(Protocol):
    """One interface for every way of answering (extractive, LLM)."""

    mode: str
    streams: bool  # whether on_token receives the answer as it is written

    def condense(self, question: str, history: list[str]) -> str:
        """The standalone text to retrieve with for a follow-up."""

    def answer(self, question: str, retrieval: Retrieval, on_token: Callable[[str], None] | None = None) -> Answer:
        """A cited answer (or an abstention) from the retrieved passages."""


@dataclass
class ExtractiveAnswerer:
    """Quotes the sentences that answer, verbatim, with evidence checks (bot.qa.answer). No model:
    the default, and the LLM answerer's fallback."""

    tuning: AnswerTuning = field(default_factory=AnswerTuning)
    mode: str = "extractive"
    streams: bool = False

    def condense(self, question: str, history: list[str]) -> str:
        return condense(question, history)

    def answer(self, question: str, retrieval: Retrieval, on_token: Callable[[str], None] | None = None) -> Answer:
        t0 = time.perf_counter()
        lang = detect_language(question)
        passages = retrieval.passages
        # a follow-up is judged together with the turn it continues (retrieval.lexical)
        # "Could you please tell me?": nothing asked yet (a follow-up's query holds the turn before)
        nothing_asked = bool(ONLY_REQUEST.fullmatch(retrieval.query))
        if nothing_asked:
            chosen, reason = [], "nothing is asked yet: the message is only a request"
        else:
            chosen, reason = select(question, passages, retrieval.df, retrieval.n_docs, self.tuning, query=retrieval.lexical,
                                    similarity=retrieval.similarity, opening=retrieval.opening)
        glossary = []
        if chosen:
            text, citations = compose(question, lang, chosen)
            passages = rerank(passages, chosen)
            if lang == "en" and any(c.passage.lang == "ja" for c in chosen):
                glossary = build_glossary(retrieval.lexical, [c.text for c in chosen], retrieval.df, retrieval.n_docs)
        else:
            log.info("abstaining on %r: %s", question, reason)
            text, citations = abstention(question, lang, nothing_asked), []
        timings = dict(retrieval.timings_ms)
        timings["answer"] = (time.perf_counter() - t0) * 1000
        timings["total"] = timings.get("retrieve", 0.0) + timings["answer"]
        return Answer(
            question=retrieval.question,
            answer=text,
            abstained=not chosen,
            language=lang,
            citations=citations,
            passages=[] if nothing_asked else passages[: retrieval.k],
            timings_ms={key: round(v, 1) for key, v in timings.items()},
            glossary=glossary,
        )


class Pipeline:
    """One store, its embedder and retriever, and one answerer: `ask` = `retrieve` then `answer`."""

    def __init__(self, settings: Settings, answerer: Answerer | None = None, mode: str = "hybrid",
                 tuning: Tuning | None = None):
        t0 = time.perf_counter()
        from index import dictionary

        dictionary.configure(settings.dictionary)
        self.settings, self.mode = settings, mode
        self.tuning = tuning or Tuning()
        self.answerer = answerer or ExtractiveAnswerer(self.tuning.answer)
        self.store = open_store(settings)
        self.embedding = embedder_for(settings, self.store)
        self._build_retriever()
        self.startup_ms = (time.perf_counter() - t0) * 1000

    @classmethod
    def from_settings(cls, settings: Settings) -> "Pipeline":
        """The extractive pipeline, or the LLM one when QABOT_LLM asks for it (configuration
        errors surface before the store is opened)."""
        from bot.qa.llm import LLMAnswerer, build_llm

        llm = build_llm(settings)
        pipeline = cls(settings)
        if llm is not None:
            pipeline.answerer = LLMAnswerer(llm, settings, fallback=pipeline.answerer, embedding=pipeline.retriever.embedding)
        return pipeline

    def _build_retriever(self) -> None:
        means = json.loads(self.store.metadata.get("lang_means") or "{}")
        self.retriever = HybridRetriever(self.store, self.embedding, means, mode=self.mode, tuning=self.tuning.retrieval)
        self.retriever.refresh(force=True)

    @classmethod
    def sharing(cls, other: "Pipeline", mode: str | None = None, answerer: Answerer | None = None) -> "Pipeline":
        """Another retrieval mode or answerer over the same store and loaded embedder (baselines,
        an LLM pipeline beside the extractive one)."""
        obj = cls.__new__(cls)
        obj.settings, obj.mode = other.settings, mode or other.mode
        obj.tuning = other.tuning
        obj.answerer = answerer or ExtractiveAnswerer(other.tuning.answer)
        obj.store, obj.embedding, obj.startup_ms = other.store, other.embedding, 0.0
        obj._build_retriever()
        return obj

    @property
    def streams(self) -> bool:
        return self.answerer.streams

    @property
    def model(self) -> str | None:
        return getattr(self.answerer, "model", None)

    def retrieve(self, question: str, history: list[str] | None = None, k: int | None = None) -> Retrieval:
        question = check_question(question, self.settings)
        k = k or self.settings.top_k
        t0 = time.perf_counter()
        query = self.answerer.condense(question, history or []) if history else question
        # "this press release" is no word of the document: search for the rest of the question
        # ... nor for where in it something is said (冒頭の一文で, "in the opening sentence")
        search = about.without_place_in_document(query)
        search = about.without_self_reference(search) if about.self_reference(search) else search
        # ... nor for the words of a polite request (could you tell me, 教えてください), nor for
        # why the asker asks ("for a newsletter I'm writing"): judged_text.
        # (one snapshot's frequencies for the whole question: an ingest meanwhile changes neither the
        # respelling nor the answer step's scoring halfway)
        df, n_docs = self.retriever.document_frequencies()
        held = held_in(df)  # (the documents' words: exosme read as exosome)
        search = respelled(judged_text(search), held)  # (and publshed read as published: query.respelled)
        # Retrieval searches for what is asked, not for a closing aside that asks for more ("I need
        # the exact DOI"); the answer step judges the evidence by it too: the aside may hold what
        # the question hinges on.
        asked = without_aside(search)
        vector, lexical = self.retriever.query_forms(asked)
        passages = self.retriever.passages(asked, max(k, 5), vector, lexical)
        if self.retriever.tuning.said_forms:
            passages = self._with_said_passage(asked, passages, vector)
        if asked != search:
            lexical = self.retriever.lexical_query(search)
        opening = None
        # (asked of the question as the answer step reads it: "Hi! quick one: who issued this press
        # release?" asks for its issuer line, as "Who issued this press release?" does)
        if passages and (of_document := about.asked_of_document(respelled(judged_text(question), held))):
            opening = self.retriever.opening(passages[0].source, vector)
            if opening is not None:
                # "What did they find?" is answered by the body's lead sentence too: the chunk after the opening
                body = self.retriever.opening(opening.source, vector, 1) if of_document == "findings" else None
                first = [opening] + ([body] if body is not None else [])
                rest = [p for p in passages if all(p.id != f.id for f in first)]
                passages = first + [p.model_copy(update={"rank": i}) for i, p in enumerate(rest, start=len(first) + 1)]
        return Retrieval(
            question=question, query=query, language=detect_language(question), passages=passages, k=k,
            lexical=lexical, df=df, n_docs=n_docs,
            timings_ms={"retrieve": (time.perf_counter() - t0) * 1000},
            similarity=self.retriever.similarity_to(vector), opening=opening,
        )

    def _with_said_passage(self, asked: str, passages: list[Passage], vector: list[float] | None) -> list[Passage]:
        """"研究費はどこから出ているの？": the sentence that says who paid (支援を受けて) holds none of
        the question's words; "この研究をした人はだれ？": nor does the one naming the group's head (…の
        研究グループ). When no passage says what is asked, the passage the documents' own words for
        it find best joins the evidence: fourth, scored as the weakest of the three before it."""
        if study_agents_asked(asked) is not None:
            words, fits = SAID_FOR_AGENTS, leads_a_group
        elif said := SAID_FOR_KIND.get(kind := answer_kind(asked) or ""):
            words, fits = said, partial(fits_kind, kind)
        else:
            return passages
        if any(fits(p.quote) for p in passages):
            return passages
        query = " ".join(words)
        extra = [p for p in self.retriever.search(query, 1, vector, self.retriever.lexical_query(query)) if fits(p.quote)]
        extra = [p for p in extra if all(p.id != q.id for q in passages)][:1]
        if not extra:
            return passages
        at = min(3, len(passages))
        weakest = min((p.score for p in passages[:at]), default=extra[0].score)
        passages = (passages[:at] + [extra[0].model_copy(update={"score": weakest})] + passages[at:])[:len(passages)]
        return [p.model_copy(update={"rank": i}) for i, p in enumerate(passages, start=1)]

    def ask(self, question: str, k: int | None = None, history: list[str] | None = None,
            on_token: Callable[[str], None] | None = None) -> Answer:
        retrieval = self.retrieve(question, history, k)
        return self.answerer.answer(retrieval.question, retrieval, on_token)

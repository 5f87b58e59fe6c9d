"""Optional LLM answers through llama-index, with every [n] checked against the passages given.

The extractive pipeline stays the default and the fallback: a timeout, a connection error or a
malformed reply gives the extractive answer plus a one-line notice, never a crash. The prompt
delimits passages as data (prompts/system.txt; passage text cannot close or open a passage); the
reply's markers are parsed: a marker naming no passage is removed and reported in `warnings`,
sentences without a marker are flagged, each [n] quotes the passage sentence that supports the
sentence citing it, a citation whose sentence shares nothing with its passage is flagged, and an
explicit "cannot answer" becomes `abstained: true`.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from collections.abc import Callable
from typing import Any

from bot.config import Settings
from bot.models import Answer, Citation, Passage
from bot.prompts import llm_messages, template
from index.chunk import detect_language
from index.errors import QabotError
from index.lexical import tokenize

log = logging.getLogger(__name__)
_JAPANESE = re.compile(r"[\u3041-\u30ff\u3400-\u9fff]")

PROVIDERS = ("none", "openai", "openai-like", "ollama")
_MARKER = re.compile(r"\[(\d{1,3})\]")
_SENTENCE = re.compile(r"[^。！？.!?\n]+(?:[。！？.!?]+)?(?:\s*\[\d{1,3}\])*")
_TAG = re.compile(r"<(?=\s*/?\s*passage)", re.I)  # </passage>, </ PASSAGE >, <passage n=…: not ours
# A citation whose sentence shares no token with its passage and is this far from it in meaning
# (language-centred cosine, as retrieval scores; unrelated text scores ~0.0-0.1, support 0.2-0.5).
UNSUPPORTED_COSINE = 0.10
_CANNOT = re.compile(
    r"CANNOT[_ ]ANSWER|\bcannot answer\b|\bcan't answer\b|not (?:contain|mention|say)|答えられません|記載(?:が|は)?(?:ありません|ない)|書かれていません",
    re.I,
)


class LLMUnavailable(Exception):
    """Timeout, connection error, or a reply we cannot use: fall back to the extractive answer."""


def build_llm(settings: Settings):
    """A llama-index LLM for QABOT_LLM (openai | openai-like | ollama)."""
    provider = (settings.llm or "none").lower()
    if provider not in PROVIDERS:
        raise QabotError(f"unknown QABOT_LLM {settings.llm!r}: use one of {', '.join(PROVIDERS)}")
    if provider == "none":
        return None
    if not settings.llm_model:
        raise QabotError(f"QABOT_LLM={provider} needs QABOT_LLM_MODEL (or --llm-model)")
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    timeout = settings.llm_timeout
    if provider != "ollama":
        # The OpenAI client imports its API resources on the first request (~1 s, more on a busy
        # machine): import them now, so they don't eat into the first question's QABOT_LLM_TIMEOUT.
        import openai.resources  # noqa: F401
    if provider == "openai":
        from llama_index.llms.openai import OpenAI

        if not key:
            raise QabotError("QABOT_LLM=openai needs QABOT_LLM_API_KEY")
        return OpenAI(model=settings.llm_model, api_key=key, api_base=settings.llm_base_url, timeout=timeout, max_retries=0)
    if provider == "openai-like":
        from llama_index.llms.openai_like import OpenAILike

        if not settings.llm_base_url:
            raise QabotError("QABOT_LLM=openai-like needs QABOT_LLM_BASE_URL (e.g. http://127.0.0.1:8080/v1)")
        return OpenAILike(
            model=settings.llm_model,
            api_base=settings.llm_base_url,
            api_key=key or "not-needed",
            is_chat_model=True,
            context_window=settings.llm_context_window,
            timeout=timeout,
            max_retries=0,
        )
    from llama_index.llms.ollama import Ollama

    return Ollama(model=settings.llm_model, base_url=settings.llm_base_url or "http://127.0.0.1:11434", request_timeout=timeout)


def _language_name(lang: str) -> str:
    return llm_messages().get(f"{lang}_name", "English")


def _inert(text: str) -> str:
    """Document text cannot close its passage or open another: the `<` of `</passage>` or
    `<passage`, in any case or spacing, becomes `&lt;`."""
    return _TAG.sub("&lt;", text)


def _passages_block(passages: list[Passage]) -> str:
    item = template("passage")
    parts = []
    for n, p in enumerate(passages, start=1):
        text = _inert(" ".join(p.quote.split()))
        source = _inert(p.source.rsplit("/", 1)[-1].replace('"', "'"))
        parts.append(item.format(n=n, source=source, section=_inert(p.section.replace('"', "'")), text=text))
    return "\n".join(parts)


def build_messages(question: str, passages: list[Passage]) -> list[Any]:
    from llama_index.core.llms import ChatMessage, MessageRole

    lang = detect_language(question)
    fixed = llm_messages()
    values = {"language_name": _language_name(lang), "cannot_answer": fixed["cannot_answer"]}
    system = template("system").format(**values)
    user = template("qa").format(passages=_passages_block(passages), question=question, **values)
    return [ChatMessage(role=MessageRole.SYSTEM, content=system), ChatMessage(role=MessageRole.USER, content=user)]


def check_citations(reply: str, passages: list[Passage]) -> tuple[str, list[int], list[str]]:
    """Keep markers that name a passage; remove the others; flag sentences without any marker."""
    warnings: list[str] = []
    used: list[int] = []

    def keep(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if 1 <= n <= len(passages):
            if n not in used:
                used.append(n)
            return m.group(0)
        warnings.append(f"removed citation [{n}]: there is no passage {n} (only {len(passages)} were given)")
        return ""

    text = _MARKER.sub(keep, reply).strip()
    text = re.sub(r"[ \t]+([。、.,!?！？])", r"\1", text)
    for sentence in _SENTENCE.findall(text):
        s = sentence.strip()
        if len(s) > 12 and not _MARKER.search(s):
            warnings.append(f"sentence without a citation: {s[:80]}")
    return text, used, warnings


def citing_sentences(text: str) -> dict[int, list[str]]:
    """For each [n] in a checked reply, the sentences that cite it (markers removed)."""
    out: dict[int, list[str]] = {}
    for sentence in _SENTENCE.findall(text):
        plain = re.sub(r"\s+([。、.,!?！？])", r"\1", " ".join(_MARKER.sub("", sentence).split()))
        for n in dict.fromkeys(int(m) for m in _MARKER.findall(sentence)):
            if plain:
                out.setdefault(n, []).append(plain)
    return out


class _Support:
    """Which sentence of a passage supports a sentence of the reply: shared tokens (IDF-weighted,
    index.lexical.tokenize, as retrieval counts them) plus closeness in meaning (the retriever's
    language-centred embedder, so an English sentence finds its Japanese source)."""

    def __init__(self, embedding, df, n_docs: int):
        self.embed = embedding
        self.idf = lambda t: math.log(1 + (max(n_docs, 1) - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5))

    def overlap(self, claim: set[str], tokens: set[str]) -> float:
        total = sum(self.idf(t) for t in claim)
        return sum(self.idf(t) for t in claim & tokens) / total if total else 0.0

    def vectors(self, sentences: list[str]):
        import numpy as np

        return None if self.embed is None else np.asarray(self.embed.get_text_embedding_batch(sentences), dtype=np.float32)

    def cosines(self, claim: str, vectors) -> list[float] | None:
        import numpy as np

        if vectors is None:
            return None
        return (vectors @ np.asarray(self.embed.get_query_embedding(claim), dtype=np.float32)).tolist()


def _cited(text: str, passages: list[Passage], used: list[int], support: _Support) -> tuple[list[Citation], list[str]]:
    """For each cited passage, quote (verbatim) its sentence that best supports the reply's sentence
    citing it; warn when a citing sentence shares nothing with its passage."""
    claims = citing_sentences(text)
    citations, warnings = [], []
    for n in used:
        p = passages[n - 1]
        spans = [tuple(s) for s in p.sentences] or [(0, len(p.quote), p.start, p.end)]
        sentences = [p.quote[cs:ce] for cs, ce, *_ in spans]
        tokens = [set(p.sentence_tokens[j]) if j < len(p.sentence_tokens) and p.sentence_tokens[j] else set(tokenize(t))
                  for j, t in enumerate(sentences)]
        vectors = support.vectors(sentences) if claims.get(n) else None
        best, best_score = 0, float("-inf")
        for claim in claims.get(n, []):
            words = set(tokenize(claim))
            shared = [support.overlap(words, t) for t in tokens]
            close = support.cosines(claim, vectors) or [0.0] * len(sentences)
            scores = [a + b for a, b in zip(shared, close)]
            j = max(range(len(scores)), key=scores.__getitem__)
            if scores[j] > best_score:
                best, best_score = j, scores[j]
            if max(shared) == 0 and max(close) < UNSUPPORTED_COSINE:
                warnings.append(f"citation [{n}] shares nothing with its sentence: {claim[:80]}")
        cs, ce, rs, re_ = spans[best]
        citations.append(
            Citation(
                n=n, source=p.source, section=p.section, text=p.verbatim(rs, re_),
                quote=p.quote[cs:ce], start=rs, end=re_, score=p.score, page=p.page_at(rs),
            )
        )
    return citations, warnings


class _Shown:
    """The streamed reply as the terminal sees it: markers naming no passage are dropped as they
    arrive (as check_citations drops them from the answer), and the exact cannot-answer reply is
    held back (the abstention message replaces it). `flush()` shows what is still held."""

    def __init__(self, on_token: Callable[[str], None], passages: int):
        self.on_token, self.passages = on_token, passages
        self.cannot = llm_messages()["cannot_answer"]
        self.held = ""
        self.started = False

    def __call__(self, delta: str) -> None:
        self.held += delta
        if not self.started:
            if self.cannot.startswith(self.held.strip()):
                return  # may still be the cannot-answer reply
            self.started = True
        cut = self.held.rfind("[")
        if cut >= 0 and re.fullmatch(r"\[\d{0,3}", self.held[cut:]):  # a marker may be arriving
            out, self.held = self.held[:cut], self.held[cut:]
        else:
            out, self.held = self.held, ""
        self._show(out)

    def flush(self) -> None:
        out, self.held = self.held, ""
        self._show(out)

    def _show(self, text: str) -> None:
        text = _MARKER.sub(lambda m: m.group(0) if 1 <= int(m.group(1)) <= self.passages else "", text)
        if text:
            self.on_token(text)


class LLMAnswerer:
    """An LLM writes the answer from the retrieved passages; every [n] is checked against them.
    Any failure gives the extractive answer (`fallback`) with a one-line notice."""

    mode = "llm"
    streams = True

    def __init__(self, llm, settings: Settings, fallback, embedding=None):
        self.llm = llm
        self.settings = settings
        self.embedding = embedding  # the retriever's language-centred embedder, for citation support
        self.fallback = fallback  # an Answerer: the extractive one
        self.model = getattr(llm, "model", None) or type(llm).__name__

    def _call(self, messages: list[Any], on_token: Callable[[str], None] | None) -> str:
        """Stream the reply with an overall deadline; any failure is LLMUnavailable."""
        deadline = time.monotonic() + self.settings.llm_timeout
        result: dict[str, Any] = {}

        def run() -> None:
            try:
                parts: list[str] = []
                for chunk in self.llm.stream_chat(messages):
                    delta = chunk.delta or ""
                    parts.append(delta)
                    if delta and on_token and not result.get("late"):
                        on_token(delta)
                result["text"] = "".join(parts)
            except Exception as e:  # httpx/openai/ollama errors of every kind
                result["error"] = e

        worker = threading.Thread(target=run, daemon=True, name="qabot-llm")
        worker.start()
        worker.join(max(0.0, deadline - time.monotonic()))
        if worker.is_alive():
            result["late"] = True
            raise LLMUnavailable(f"no reply within {self.settings.llm_timeout:g} s")
        if "error" in result:
            e = result["error"]
            raise LLMUnavailable(f"{type(e).__name__}: {_redact(str(e), self.settings)[:160]}")
        text = (result.get("text") or "").strip()
        if not text:
            raise LLMUnavailable("empty reply")
        return text

    def condense(self, question: str, history: list[str]) -> str:
        """Turn a follow-up into a standalone question (the extractive joining on failure)."""
        from llama_index.core.llms import ChatMessage, MessageRole

        from bot.qa.followup import condense

        if not history:
            return question
        prompt = template("condense").format(
            history="\n".join(f"- {h}" for h in history[-4:]), question=question,
            language_name=_language_name(detect_language(question)),
        )
        try:
            text = self._call([ChatMessage(role=MessageRole.USER, content=prompt)], None)
            return text.splitlines()[0].strip() or condense(question, history)
        except LLMUnavailable as e:
            log.info("condensing failed (%s); joining the turns instead", e)
            return condense(question, history)

    def answer(self, question: str, retrieval, on_token: Callable[[str], None] | None = None) -> Answer:
        standalone, passages = retrieval.query, retrieval.passages[: retrieval.k]
        t0 = time.perf_counter()

        def extractive(**update: Any) -> Answer:
            answer = self.fallback.answer(standalone, retrieval)
            return answer.model_copy(update={"question": question, "model": self.model, **update})

        if not passages:
            return extractive(mode="llm")
        timings = {"retrieve": retrieval.timings_ms.get("retrieve", 0.0)}
        shown = _Shown(on_token, len(passages)) if on_token else None
        try:
            reply = self._call(build_messages(standalone, passages), shown)
        except LLMUnavailable as e:
            notice = llm_messages()["fallback_notice"].format(reason=e)
            log.info("%s", notice)  # the notice itself reaches the user through `warnings`
            fallback = extractive(warnings=[notice])
            timings.update(fallback.timings_ms)
            timings["llm"] = round((time.perf_counter() - t0) * 1000, 1)  # the time it was given
            timings["total"] = round(timings["retrieve"] + (time.perf_counter() - t0) * 1000, 1)
            return fallback.model_copy(update={"timings_ms": timings})
        timings["llm"] = round((time.perf_counter() - t0) * 1000, 1)
        lang = detect_language(question)
        if _CANNOT.search(reply) and not _MARKER.search(reply):
            from bot.qa.answer import abstention

            timings["total"] = round(timings["retrieve"] + timings["llm"], 1)
            return Answer(question=question, answer=abstention(question, lang), abstained=True, language=lang,
                          citations=[], passages=passages, timings_ms=timings, mode="llm", model=self.model)
        if shown:
            shown.flush()
        text, used, warnings = check_citations(reply, passages)
        if not used:
            warnings.append("the answer cites no passage")
        support = _Support(self.embedding, retrieval.df, retrieval.n_docs)
        citations, unsupported = _cited(text, passages, used, support)
        glossary = []
        if lang == "en" and any(_JAPANESE.search(c.quote) for c in citations):  # the same glossary as extractive answers
            from bot.qa.glossary import build_glossary

            glossary = build_glossary(retrieval.lexical, [c.quote for c in citations], retrieval.df, retrieval.n_docs)
        timings["total"] = round(timings["retrieve"] + (time.perf_counter() - t0) * 1000, 1)
        return Answer(question=question, answer=text, abstained=False, language=lang,
                      citations=citations, passages=passages, timings_ms=timings,
                      mode="llm", model=self.model, warnings=warnings + unsupported, glossary=glossary)


def _redact(text: str, settings: Settings) -> str:
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else ""
    return text.replace(key, "***") if key else text

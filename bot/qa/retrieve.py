"""Hybrid retrieval: dense (language-centred multilingual vectors, through llama-index and Chroma)
plus BM25 over Japanese-aware tokens, fused into one ranking of chunks.

Candidates come from both sides (Chroma's nearest chunks, BM25's best chunks). Each candidate is
then scored the same way: dense = 0.3 x similarity to the chunk's mean vector + 0.7 x similarity
to its best sentence (sentence vectors are stored with the chunk), lexical = structured BM25 over
the question's concepts and their dictionary translations (bot.qa.query; LexicalScorer.scores), in [0, 1);
fused = w x dense + (1 - w) x lexical.
Only chunks of the live version of each source (see index.store) are returned.

The reader holds no corpus: BM25 postings are read from the on-disk index (index.bm25), and the
~100 candidates of a question are read from Chroma in one get (text, metadata, sentence vectors).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode
from pydantic import PrivateAttr

from bot.models import Passage
from bot.qa.forms import answer_kind
from bot.qa.query import Query, build_query, with_heard_names, with_said_forms, with_synonyms
from bot.qa.tuning import RetrievalTuning
from index.chunk import chunk_id, detect_language
from index.clean import squash
from index.embed import center
from index.bm25 import Frequencies, Snapshot
from index.rows import ChunkRow
from index.store import ChunkStore
from index.vectors import normalize

log = logging.getLogger(__name__)


_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _query_pool() -> ThreadPoolExecutor:
    """Threads that build questions' lexical forms beside their embedding (HybridRetriever.query_forms),
    shared by every retriever of the process; a few, since each task takes milliseconds."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="qabot-query")
        return _POOL


def _forget_pool() -> None:
    """A forked child has none of the parent's threads: it starts a pool of its own when it asks."""
    global _POOL, _POOL_LOCK
    _POOL, _POOL_LOCK = None, threading.Lock()


os.register_at_fork(after_in_child=_forget_pool)


class CenteredEmbedding(BaseEmbedding):
    """Wraps an embedder and removes each text's language direction (see index.embed.center)."""

    _base: BaseEmbedding = PrivateAttr()
    _means: dict[str, list[float]] = PrivateAttr()

    def __init__(self, base: BaseEmbedding, means: dict[str, list[float]], **kwargs: Any):
        super().__init__(model_name=f"{base.model_name} (language-centred)", **kwargs)
        self._base = base
        self._means = means

    def _get_query_embedding(self, query: str) -> list[float]:
        vec = self._base.get_query_embedding(query)
        return center([vec], [detect_language(query)], self._means, "query")[0]

    def _get_text_embedding(self, text: str) -> list[float]:
        vec = self._base.get_text_embedding(text)
        return center([vec], [detect_language(text)], self._means, "passage")[0]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)


class LexicalScorer:
    """One snapshot of the on-disk BM25 index (index.bm25): what a query scores against. A query
    reads one snapshot from start to end; a refresh takes a new one beside it. Holds no chunk text,
    tokens or vectors: per indexed chunk only its length and liveness."""

    def __init__(self, snapshot: Snapshot):
        self.snapshot = snapshot
        self.n = snapshot.n_rows  # rows of score arrays (live and dead chunks)
        self.df = Frequencies(snapshot)  # document frequency per token, over live chunks

    def idf(self, token: str) -> float:
        """bm25s' (Lucene's) idf: also the most one term can add to a chunk's BM25 score, since its
        term-frequency factor tf / (tf + k1 * norm) stays below 1."""
        return self.snapshot.idf(token)

    def token_scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 contribution of each token to each chunk: a (tokens x chunks) matrix, from each
        token's postings (one read per token, no full-corpus pass)."""
        return self.snapshot.token_scores(tokens)

    def scores(self, query: Query) -> np.ndarray | None:
        """Structured BM25, in [0, 1): for each concept of the question the best of its
        alternatives, each scoring its own BM25 (a translation the collection holds everywhere,
        年 for "year", scores little; 法隆寺 for "Horyuji" much), divided by what the concepts
        could reach at best (the sum of each one's strongest alternative). A concept none of
        whose alternatives occur in the collection still counts in that sum: a question whose
        words the documents lack gets little lexical weight. For a one-token-per-concept question
        this is BM25 divided by the best score its terms could reach. (Scoring a translation by
        the share of its own idf, weighted by the concept's strongest form, gave 年 the weight of
        the English word "year", which is rare in a Japanese collection: English hit@1 on the
        tune halves 0.76-0.95 -> 0.80-0.98; idf per script (index.bm25) keeps a lone English
        passage from drawing every English question.)"""
        tokens = query.tokens
        if not self.snapshot.n_live or not tokens:
            return None
        row_of = {t: i for i, t in enumerate(tokens)}
        matrix = self.token_scores(tokens)
        idf = np.array([self.idf(t) for t in tokens])
        total, weight_sum = np.zeros(self.n), 0.0
        for concept in query.concepts:
            best, weight, absent = None, 0.0, 0.0
            present = [a for a in concept.alternatives[1:] if any(self.df.get(t) for t in a.tokens)]
            # Translations the collection holds are the likelier senses: the best of them counts
            # as fully as the question's own word (dormancy -> 潜在 first in JMdict, 休眠 here).
            scale = 1.0 / max((a.weight for a in present), default=1.0)
            for i, alt in enumerate(concept.alternatives):
                rows = [row_of[t] for t in alt.tokens]
                alt_weight = alt.weight if i == 0 else min(1.0, alt.weight * scale)
                strength = alt_weight * float(idf[rows].sum()) / len(rows)
                if not any(self.df.get(t) for t in alt.tokens):
                    absent = max(absent, strength)
                    continue
                got = alt_weight * matrix[rows].sum(axis=0) / len(rows)
                best = got if best is None else np.maximum(best, got)
                weight = max(weight, strength)
            if best is not None:
                total += best
            weight_sum += weight or absent
        return total / weight_sum if weight_sum else None


def _passage(row: ChunkRow, score: float, dense: float, lexical: float, sentence_scores, rank: int) -> Passage:
    return Passage(
        id=row.id,
        source=row.source,
        section=row.section,
        text=row.raw,
        quote=row.text,
        start=row.start,
        end=row.end,
        score=round(float(score), 4),
        rank=rank,
        lang=row.lang,
        page=row.page,
        page_breaks=list(row.page_breaks),
        dense=round(float(dense), 4),
        lexical=round(float(lexical), 4),
        sentences=list(row.sentences),
        sentence_scores=[round(float(s), 4) for s in sentence_scores],
        tokens=row.tokens,
        sentence_tokens=row.sentence_tokens,
    )


class HybridRetriever(BaseRetriever):
    """Dense + BM25 with score fusion; `mode` = 'hybrid' | 'dense' | 'lexical' (for baselines)."""

    def __init__(
        self,
        store: ChunkStore,
        embedding: BaseEmbedding,
        means: dict[str, list[float]],
        mode: str = "hybrid",
        tuning: RetrievalTuning = RetrievalTuning(),
        refresh_seconds: float = 2.0,
        limit: int = 20,
    ):
        super().__init__()
        self.store = store
        self.mode = mode
        self.tuning = tuning
        self.refresh_seconds = refresh_seconds
        self.limit = limit  # results of the llama-index interface (search() takes its own)
        self.embedding = CenteredEmbedding(embedding, means)
        self._lock = threading.Lock()
        self._lexical: LexicalScorer | None = None
        self._dead: set[tuple[Any, Any]] = set()
        self._dimension: int | None = None
        self._live: dict[str, str] = {}
        self._generation: Any = object()
        self._checked = -1e9

    # -- live view of the store -------------------------------------------------------------
    def refresh(self, force: bool = False) -> None:
        """When a writer has changed the store: bring the lexical index up to Chroma's registry
        (only the changed sources are read; ingest on this machine has usually done it already)
        and take a new snapshot of it."""
        now = time.monotonic()
        if not force and now - self._checked < self.refresh_seconds:
            return
        with self._lock:
            generation = self.store.generation()
            self._checked = now
            if generation == self._generation and not force:
                return
            started = time.perf_counter()
            if self._lexical is not None:  # a writer changed the store since we loaded it
                self.store.reopen()
                generation = self.store.generation()
            synced = self.store.lexicon.sync(self.store)
            self._live = dict(synced.registry)
            self._dead = set()
            self._lexical = LexicalScorer(self.store.lexicon.snapshot())
            self._generation = generation
            log.info(
                "loaded %d sources (%d chunks) in %.0f ms",
                len(self._live),
                self._lexical.snapshot.n_live,
                (time.perf_counter() - started) * 1000,
            )

    def _is_live(self, source: str, version: str) -> bool:
        if self._live.get(source) == version:
            return True
        if (source, version) in self._dead:
            return False
        record = self.store.record(str(source))  # a writer may have flipped it just now
        if record is not None:
            self._live[record.source] = record.version
        live = record is not None and record.version == version
        if not live:
            self._dead.add((source, version))  # an old or orphaned version: don't ask again
        return live

    # -- retrieval ---------------------------------------------------------------------------
    def query_vector(self, question: str) -> list[float] | None:
        """The question's language-centred vector, or None when retrieval is lexical only."""
        return None if self.mode == "lexical" else self.embedding.get_query_embedding(question)

    def query_forms(self, question: str) -> tuple[list[float] | None, Query]:
        """The question's vector and its lexical form (lexical_query), built side by side: the
        embedding engine and the dictionary's katakana model both leave the GIL, so a new loanword's
        guesses (a few ms each) are made while the question is embedded instead of after it."""
        if self.mode == "lexical":
            return None, self.lexical_query(question)
        lexical = _query_pool().submit(self.lexical_query, question)
        vector = self.query_vector(question)
        return vector, lexical.result()

    def similarity_to(self, vector: list[float] | None) -> Callable[[list[str]], list[float]] | None:
        """Cosine of that question vector to texts embedded now (both sides language-centred)."""
        if vector is None:
            return None
        q = np.asarray(vector, dtype=np.float32)

        def similarity(texts: list[str]) -> list[float]:
            return [float(np.asarray(self.embedding.get_text_embedding(t), dtype=np.float32) @ q) for t in texts]

        return similarity

    def search(self, question: str, limit: int, embedding: list[float] | None = None,
               query: Query | None = None) -> list[Passage]:
        """The `limit` best live chunks for a question, best first (`query`: its lexical_query, when
        the caller has it). Safe from many threads: all per-query state is local, and one snapshot
        of the index serves the whole query."""
        query = query or self.lexical_query(question)
        q = None
        if self.mode != "lexical":
            if embedding is None:
                embedding = self.embedding.get_query_embedding(question)
            q = np.asarray(embedding, dtype=np.float32)
        for attempt in (0, 1):
            lex = self._lexical
            if lex is None:
                return []
            stale, hits = self._search(lex, query, q, limit)
            if not stale or attempt:
                return hits
            self.refresh(force=True)  # Chroma knows chunks written after our snapshot: take them in
        return hits

    def lexical_query(self, question: str) -> Query:
        """The question's lexical form (bot.qa.query), with the proper nouns of this collection that
        its romanised names read as: what retrieval scores and the answer step judges evidence by."""
        self.refresh()
        query = build_query(question)
        if self.tuning.said_forms:
            query = with_said_forms(query, answer_kind(question))
        lex = self._lexical
        if lex is None:
            return query
        if self.tuning.synonyms:
            query = with_synonyms(query, lex.df)
        if not any(c.readings for c in query.concepts):
            return query
        return with_heard_names(query, lex.snapshot.heard)

    def _search(self, lex: LexicalScorer, query: Query, q: np.ndarray | None, limit: int) -> tuple[bool, list[Passage]]:
        scores = lex.scores(query) if self.mode != "dense" else None
        # Candidates, dense first then lexical (as ranked), each once: chunk id -> index row.
        candidates: dict[str, int | None] = {}
        stale = False
        if q is not None:
            dense_ids = [cid for cid, _ in self.store.query(q.tolist(), self.tuning.candidates)]
            rows = lex.snapshot.rows(dense_ids)
            for cid in dense_ids:
                row = rows.get(cid)
                if row is None or lex.snapshot.live[row]:
                    candidates[cid] = row  # None: a chunk the snapshot does not know (see below)
        if scores is not None and len(scores):
            n = min(self.tuning.candidates, len(scores))
            best = [int(i) for i in np.argpartition(-scores, n - 1)[:n] if scores[i] > 0]
            ids = lex.snapshot.ids(best)
            for row in best:
                if row in ids:
                    candidates.setdefault(ids[row], row)
        got = self.store.fetch(list(candidates))  # one read: text, metadata, sentence vectors
        scored = []
        for cid, row in candidates.items():
            chunk = got.get(cid)
            if chunk is None or not self._is_live(chunk.source, chunk.version):
                continue  # deleted since, an old version, or rows of an interrupted ingest
            if row is None and scores is not None:
                stale = True  # live in Chroma, unknown to the snapshot: refresh and search again
                continue
            sentence_scores, dense = self._dense(chunk, q)
            lexical = float(scores[row]) if scores is not None and row is not None else 0.0
            if self.mode == "dense":
                score = dense
            elif self.mode == "lexical":
                score = lexical
            else:
                score = self.tuning.dense_weight * dense + (1 - self.tuning.dense_weight) * lexical
            scored.append((score, chunk, dense, lexical, sentence_scores))
        scored.sort(key=lambda t: -t[0])
        # The same text twice (a document ingested from two paths, a copy) is one passage to a reader.
        seen: set[str] = set()
        distinct = []
        for t in scored:
            key = squash(t[1].text)
            if key not in seen:
                seen.add(key)
                distinct.append(t)
        hits = [
            _passage(chunk, score, dense, lexical, sentence_scores, rank)
            for rank, (score, chunk, dense, lexical, sentence_scores) in enumerate(distinct[:limit], start=1)
        ]
        return stale, hits

    def opening(self, source: str, embedding: list[float] | None = None, index: int = 0) -> Passage | None:
        """The first chunk of a live source -- its headline, date line and issuer -- for a question
        about the document itself (bot.qa.about), which the question's words do not find; `index` 1:
        the chunk after it, where the body (its lead sentence) begins."""
        self.refresh()
        version = self._live.get(source)
        if version is None:
            return None
        cid = chunk_id(source, version, index)
        row = self.store.fetch([cid]).get(cid)
        if row is None or not self._is_live(row.source, row.version):
            return None
        q = np.asarray(embedding, dtype=np.float32) if embedding is not None else None
        sentence_scores, dense = self._dense(row, q)
        return _passage(row, dense, dense, 0.0, sentence_scores, 1)

    def _dense(self, chunk: ChunkRow, q: np.ndarray | None) -> tuple[np.ndarray, float]:
        """The question's similarity to each stored sentence of a chunk, and to the chunk: a blend of
        its sentences' mean vector and its best sentence."""
        if q is None:
            return np.zeros(0), 0.0
        sentences = chunk.sentence_vectors(len(q))
        if not len(sentences):
            return np.zeros(0), 0.0
        sentence_scores = sentences @ q
        mean = float(normalize(sentences.mean(axis=0)) @ q)
        return sentence_scores, self.tuning.mean_weight * mean + (1 - self.tuning.mean_weight) * float(sentence_scores.max())

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        """llama-index's retriever interface over the same search."""
        hits = self.search(query_bundle.query_str, self.limit, query_bundle.embedding)
        return [NodeWithScore(node=TextNode(id_=p.id, text=p.quote, metadata={"source": p.source, "section": p.section, "start": p.start, "end": p.end}), score=p.score) for p in hits]

    def passages(self, question: str, k: int, embedding: list[float] | None = None,
                 query: Query | None = None) -> list[Passage]:
        return self.search(question, k, embedding, query)

    def document_frequencies(self) -> tuple[Frequencies, int]:
        """Token document frequencies (`.get(token, 0)`, read from the index on demand) and the
        live chunk count (for answer scoring)."""
        self.refresh()
        lex = self._lexical
        return (lex.df, lex.snapshot.n_live) if lex else (Frequencies(None), 0)

    @property
    def live_chunks(self) -> int:
        """Chunks of the live versions of the sources, as the lexical index has them now."""
        return self.document_frequencies()[1]

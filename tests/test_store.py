"""Whose collections qabot touches, and what an ingest cleans up: real embedded Chroma stores,
the CLI in a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_qabot

DOC = "Canteen\n\nThe canteen serves curry on Fridays.\n"


def _client(path: Path):
    import chromadb
    from chromadb.api.client import SharedSystemClient
    from chromadb.config import Settings

    SharedSystemClient.clear_system_cache()  # see what the subprocesses wrote
    return chromadb.PersistentClient(path=str(path), settings=Settings(anonymized_telemetry=False))


def _rows(path: Path, name: str) -> tuple[int, list[str], list]:
    col = _client(path).get_collection(name, embedding_function=None)
    got = col.get(include=["embeddings", "metadatas"])
    return col.count(), sorted(got["ids"]), sorted(json.dumps(m, sort_keys=True) for m in got["metadatas"])


def _one_line(result) -> str:
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.fixture
def doc(tmp_path) -> Path:
    path = tmp_path / "canteen.txt"
    path.write_text(DOC, encoding="utf-8")
    return path


# -- a store made by another tool ---------------------------------------------------------------------
def _theirs(store: Path, registry: bool) -> None:
    """Another tool's collection named 'qabot': another dimension (3), rows of its own."""
    client = _client(store)
    theirs = client.create_collection("qabot", embedding_function=None)
    theirs.add(
        ids=[f"row-{i}" for i in range(5)],
        embeddings=[[float(i), 1.0, 0.5] for i in range(5)],
        documents=[f"their document {i}" for i in range(5)],
        metadatas=[{"source": f"/elsewhere/{i}.txt", "page": i} for i in range(5)],
    )
    if registry:  # even a 'qabot-sources' next to it does not make it qabot's
        client.create_collection("qabot-sources", embedding_function=None).add(ids=["x"], embeddings=[[1.0]])


@pytest.mark.parametrize(
    "registry, commands",
    [(False, ("ingest", "ask", "sources", "remove")), (True, ("ingest", "ask"))],
    ids=["collection", "with-sources-collection"],
)
def test_foreign_collection_is_refused_and_left_alone(tmp_path, doc, registry, commands):
    """ingest, ask, sources and remove say so in one line, exit 1, and its rows (count, ids,
    metadata) are unchanged."""
    store = tmp_path / "theirs"
    _theirs(store, registry)
    before = _rows(store, "qabot")
    expected = f"error: collection 'qabot' in {store} was not created by qabot; use --collection NAME"
    args = {"ingest": [str(doc)], "ask": ["What does the canteen serve?"], "sources": [], "remove": [str(doc)]}
    for command in commands:
        assert _one_line(run_qabot(command, *args[command], "--store", str(store))) == expected, command
    if registry:
        assert _rows(store, "qabot") == before
        return
    assert _rows(store, "qabot") == before
    # The way out the message names works, and still leaves their collection alone.
    assert run_qabot("ingest", str(doc), "--store", str(store), "--collection", "notes").returncode == 0
    assert "curry" in run_qabot("ask", "What does the canteen serve?", "--store", str(store), "--collection", "notes").stdout
    assert _rows(store, "qabot") == before


def test_store_of_an_earlier_qabot_is_still_ours(tmp_path, doc):
    """Collections written before qabot marked its own (no marker, but its registry and embedder)."""
    store = tmp_path / "s"
    assert run_qabot("ingest", str(doc), "--store", str(store)).returncode == 0
    client = _client(store)
    for name in ("qabot", "qabot-sources"):
        col = client.get_collection(name, embedding_function=None)
        meta = {k: v for k, v in (col.metadata or {}).items() if k != "created_by"}
        col.modify(metadata=meta or None)
    assert "curry" in run_qabot("ask", "What does the canteen serve?", "--store", str(store)).stdout
    other = doc.with_name("hours.txt")
    other.write_text("Hours\n\nThe canteen opens at noon.\n", encoding="utf-8")
    result = run_qabot("ingest", str(other), "--store", str(store), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ingested"] == 1


# -- what an ingest cleans up -----------------------------------------------------------------------------
def _killed_mid_write(store: Path, doc: Path) -> int:
    """Ingest `doc`, then put the store where a write killed before flipping the registry leaves
    it: the source marked as being written, its rows in Chroma, no registry record. The rows'
    count is returned."""
    from index.store import ChunkStore, StoreLocation

    first = run_qabot("ingest", str(doc), "--store", str(store), "--json")
    assert first.returncode == 0, first.stderr
    n = json.loads(first.stdout)["chunks"]
    assert n >= 1
    ChunkStore(StoreLocation(path=store), "qabot")._pending([str(doc.resolve())], True)
    registry = _client(store).get_collection("qabot-sources", embedding_function=None)
    registry.delete(ids=registry.get()["ids"])
    return n


def test_ingest_reports_the_orphans_it_removes(tmp_path, doc):
    """Chunks of an ingest killed before it registered them are removed by the next ingest, and
    counted in its report."""
    store = tmp_path / "s"
    n = _killed_mid_write(store, doc)
    other = doc.with_name("hours.txt")
    other.write_text("Hours\n\nThe canteen opens at noon.\n", encoding="utf-8")
    second = run_qabot("ingest", str(other), "--store", str(store), "--json")
    assert second.returncode == 0, second.stderr
    report = json.loads(second.stdout)
    assert report["removed_orphans"] == n
    count, ids, metas = _rows(store, "qabot")
    assert count == report["chunks"] and all("hours.txt" in m for m in metas)


def test_orphans_are_found_without_reading_every_row(tmp_path, doc):
    """The journal of writes begun names the sources to check: an ingest into a large store does
    not read every row's metadata (~7 kB each) to find what a killed write left. A store from
    before the journal (no journal file) is checked row by row, once."""
    from index.store import ChunkStore, StoreLocation

    store = tmp_path / "s"
    n = _killed_mid_write(store, doc)
    chunks = ChunkStore(StoreLocation(path=store), "qabot")
    reads = []
    real_get = chunks.collection.get
    chunks.collection.get = lambda *a, **k: reads.append(k.get("where")) or real_get(*a, **k)
    assert chunks.purge_orphans() == n
    assert reads and all(where is not None for where in reads), "no read of the whole collection"
    assert chunks.purge_orphans() == 0 and chunks.collection.count() == 0

    # No journal (a store written by an older qabot): one scan of every row, then the journal.
    _killed_mid_write(tmp_path / "old", doc)
    journal = next((tmp_path / "old").glob(".qabot-pending-*.json"))
    journal.unlink()
    old = ChunkStore(StoreLocation(path=tmp_path / "old"), "qabot")
    assert old.purge_orphans() == n and journal.exists()


def test_a_write_that_dies_after_adding_rows_is_cleaned_up_by_the_next(tmp_path, doc, monkeypatch):
    """The rows are in Chroma, the registry was never flipped (the process died in between): the
    write had named its source in the journal first, so the next ingest finds and removes them."""
    from bot.config import Settings
    from bot.stores import ingest_paths
    from index.store import ChunkStore

    settings = Settings(store=tmp_path / "s")
    with monkeypatch.context() as m:
        m.setattr(ChunkStore, "count_version", lambda self, source, version: (_ for _ in ()).throw(SystemExit("killed")))
        with pytest.raises(SystemExit):
            ingest_paths(settings, [doc])
    count, _, _ = _rows(tmp_path / "s", "qabot")
    assert count >= 1  # rows written, never registered
    other = doc.with_name("hours.txt")
    other.write_text("Hours\n\nThe canteen opens at noon.\n", encoding="utf-8")
    report = ingest_paths(settings, [other])
    assert report.removed_orphans == count
    assert _rows(tmp_path / "s", "qabot")[0] == report.chunks


def test_row_cache_answers_repeated_candidates_and_stays_bounded(tmp_path):
    """Rows fetched for one question are reused by the next (a chunk id names one version, so a
    cached row is never stale), and the cache never holds more than its size."""
    from index.store import ChunkStore, StoreLocation

    store = ChunkStore(StoreLocation(path=tmp_path / "s"), "rows", create=True, row_cache=3)
    ids = [f"c{i}" for i in range(5)]
    store.collection.add(ids=ids, documents=[f"text {i}" for i in ids], embeddings=[[1.0, float(i)] for i in range(5)],
                         metadatas=[{"source": "a.txt", "start": 0, "end": 6, "version": "v"} for _ in ids])
    first = store.fetch(ids[:2])
    assert sorted(first) == ids[:2] and first["c1"].text == "text c1"
    store.collection.delete(ids=ids[:2])  # gone from Chroma: only the cache can answer now
    assert store.fetch(ids[:2]) == first
    store.fetch(ids[2:])  # three more rows: the two oldest leave the cache
    assert store.fetch(ids[:2]) == {}
    uncached = ChunkStore(StoreLocation(path=tmp_path / "s"), "rows", row_cache=0)
    assert sorted(uncached.fetch(ids)) == ids[2:]

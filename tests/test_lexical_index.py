"""The on-disk lexical index (index.bm25, #13 part 4): bm25s' numbers without bm25s in memory, kept
in step with Chroma's registry by ingest and remove, built once for a store that has none, and
shared by ingest workers and bot replicas on other machines through one `chroma run`."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import bm25s
import numpy as np
import pytest

from index.bm25 import FORMAT, LexicalIndex, index_path
from index.rows import tokens_of
from index.store import ChunkStore, StoreLocation
from tests.conftest import QABOT, ROOT, clean_env, run_qabot


def test_scores_are_bm25s_lucene_scores(tmp_path):
    """Per token and chunk, the index gives what bm25s (k1 1.2, b 0.75, lucene) gave the retriever
    before: repeated tokens, chunks of different lengths and a chunk without tokens."""
    rng = np.random.default_rng(3)
    vocab = [f"w{i}" for i in range(40)] + ["休眠", "m:細胞"]
    corpus = [list(rng.choice(vocab, size=int(rng.integers(1, 60)))) for _ in range(200)] + [[]]
    index = LexicalIndex(tmp_path / "lex.sqlite3")
    half = len(corpus) // 2  # two segments: a token's postings come from both
    index.append([(f"c{i}", f"s{i}", "v", t) for i, t in enumerate(corpus[:half])])
    index.append([(f"c{i}", f"s{i}", "v", t) for i, t in enumerate(corpus[half:], start=half)])
    snap = index.snapshot()
    bm25 = bm25s.BM25(k1=1.2, b=0.75)
    bm25.index([t or ["\x00"] for t in corpus], show_progress=False)
    tokens = ["w0", "w7", "休眠", "m:細胞", "absent"]
    matrix = snap.token_scores(tokens)
    for i, token in enumerate(tokens):
        expected = bm25.get_scores([token]) if token != "absent" else np.zeros(len(corpus))
        assert matrix[i] == pytest.approx(expected, rel=1e-6, abs=1e-7), token
        assert snap.df(token) == sum(token in t for t in corpus)
    assert snap.n_live == len(corpus)
    index.compact()  # the segments merged into one: the same numbers
    assert index.segments() == 1
    compacted = index.snapshot()
    assert compacted.stamp != snap.stamp
    assert np.array_equal(compacted.token_scores(tokens), matrix)


def test_idf_is_judged_within_a_words_own_script(tmp_path):
    """In a Japanese collection with one English passage, an English word of that passage tells
    little (it is in every English row), though it is rare among all rows; a Latin word found
    only inside Japanese text (RNA) is judged among the Japanese rows, as is every Japanese
    token -- also one found only in the English row (a caption's Japanese heading, 【…表紙】): it
    is no English word, and rare among the rows that hold Japanese, so "cover" translated to 表紙
    finds the caption. In a one-script collection (above) this is plain bm25s."""
    japanese = [["m:細胞", "細胞", f"m:語{i}"] for i in range(99)] + [["m:休眠", "休眠", "rna"]]
    english = [["m:表紙", "cancer", "cell", "dormanc", "onlin", "cover"]]
    index = LexicalIndex(tmp_path / "lex.sqlite3")
    index.append([(f"c{i}", f"s{i}", "v", t) for i, t in enumerate(japanese + english)])
    snap = index.snapshot()
    assert (snap.n_latin, snap.n_other, snap.n_live) == (1, 100, 101)
    from index.bm25 import idf

    assert snap.idf("cancer") == pytest.approx(idf(1, 1))  # among the one English row: ~0.29
    assert snap.idf("cancer") < 0.5 < snap.idf("rna")
    assert snap.idf("rna") == pytest.approx(idf(1, 100))
    assert snap.idf("m:休眠") == pytest.approx(idf(1, 100))
    assert snap.idf("m:細胞") == pytest.approx(idf(99, 100))
    assert snap.idf("m:表紙") == pytest.approx(idf(1, 101))  # the Japanese rows and the English one holding it
    assert snap.idf("m:表紙") > 4 * snap.idf("cover")
    scores = snap.token_scores(["cancer", "rna"])
    assert 0 < scores[0, 100] < 0.3 < 1.5 < scores[1, 99]  # the scores use the same idf



def test_proper_nouns_in_kanji_are_kept_by_their_reading(tmp_path):
    """A romanised name finds the collection's spelling by its reading (bot.qa.query
    with_heard_names): ズイガン -> m:瑞巌. Only proper nouns (寒冷, read カンレイ like 管領, is a common
    noun), only kanji lemmas (m:カスガ is found as it is); a snapshot offers only the tokens it
    holds, and a compaction forgets the readings of tokens whose rows all died."""
    index = LexicalIndex(tmp_path / "lex.sqlite3")
    index.append([("c0", "s0", "v", ["m:瑞巌", "m:寺", "m:寒冷", "m:カスガ"])])
    before = index.snapshot()
    index.append([("c1", "s1", "v", ["m:永平", "m:寺"])])
    assert index.heard("ズイガン") == ["m:瑞巌"] and index.heard("エイヘイ") == ["m:永平"]
    assert index.heard("カンレイ") == index.heard("カスガ") == index.heard("ジ") == []
    assert before.heard("エイヘイ") == [] and index.snapshot().heard("エイヘイ") == ["m:永平"]
    with index._write() as con:  # s1 replaced by a version without it
        con.execute("UPDATE docs SET live=0 WHERE source='s1'")
    index.compact()
    assert index.heard("エイヘイ") == [] and index.heard("ズイガン") == ["m:瑞巌"]

# -- ingest and remove keep it in step with the registry ------------------------------------------------
def _docs(root: Path, names: list[str], word: str = "") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        (root / f"{name}.md").write_text(
            f"# {name}\n\nThe {name}{word} protocol rotates keys every night. Operators of {name}{word} file a "
            f"report to the security desk.\n\n## Audit\n\nAudits of {name}{word} happen each quarter.\n",
            encoding="utf-8",
        )
    return root


def _chroma_counts(store: ChunkStore) -> tuple[dict[str, str], Counter]:
    """Live (source, version) per source, and each token's document frequency over live rows,
    straight from Chroma."""
    live = {s: r.version for s, r in store.sources().items()}
    df: Counter = Counter()
    got = store.collection.get(include=["metadatas"])
    for meta in got["metadatas"]:
        if live.get(meta["source"]) == meta["version"]:
            df.update(set(tokens_of(meta)))
    return live, df


def _assert_in_step(store: ChunkStore) -> None:
    live, df = _chroma_counts(store)
    index = store.lexicon
    assert index.held() == live
    snap = index.snapshot()
    assert snap.n_live == sum(r.chunks for r in store.sources().values())
    for token, count in df.items():
        assert snap.df(token) == count, token


def test_ingest_and_remove_keep_the_index_in_step(tmp_path):
    docs = _docs(tmp_path / "docs", ["alpha", "beta", "gamma"])
    path = tmp_path / "store"
    assert run_qabot("ingest", str(docs), "--store", str(path)).returncode == 0
    store = ChunkStore(StoreLocation(path=path), "qabot")
    assert index_path(store.location, "qabot").exists()
    _assert_in_step(store)
    assert store.lexicon.sync(store).added == 0  # ingest left nothing for a reader to do
    assert store.sources(page=2) == store.sources() and len(store.sources(page=2)) == 3  # the registry read in pages

    (docs / "beta.md").write_text("# beta\n\nThe beta protocol was retired in spring.\n", encoding="utf-8")
    assert run_qabot("ingest", str(docs), "--store", str(path)).returncode == 0
    assert run_qabot("remove", str(docs / "gamma.md"), "--store", str(path)).returncode == 0
    store = ChunkStore(StoreLocation(path=path), "qabot")
    _assert_in_step(store)
    assert str((docs / "gamma.md").resolve()) not in store.lexicon.held()
    assert store.lexicon.snapshot().df("retir") == 1  # the new beta only ("retired", stemmed)
    assert store.lexicon.sync(store).added == 0


def test_a_store_without_an_index_is_indexed_once_on_first_open(release_store, pipeline, tmp_path):
    """A store written before the index existed (or whose index file was lost): the first reader
    reads its rows' tokens from Chroma once, and retrieves exactly what a store with an index does."""
    import shutil

    from bot.config import Settings
    from bot.qa.pipeline import Pipeline

    path = tmp_path / "copy"
    shutil.copytree(release_store, path)
    index_path(StoreLocation(path=path), "qabot").unlink()
    store = ChunkStore(StoreLocation(path=path), "qabot")
    report = store.lexicon.sync(store)
    assert report.fetched == report.added == sum(r.chunks for r in store.sources().values()) > 0
    _assert_in_step(store)
    copy = Pipeline(Settings(store=path))
    for question in ("why are dormant cells drug resistant?", "エクソソームとは何ですか？"):
        got = [(p.id, p.score) for p in copy.retriever.search(question, 5)]
        assert got == [(p.id, p.score) for p in pipeline.retriever.search(question, 5)]


def test_every_chunk_of_an_article_is_found_by_the_name_its_title_gives(tmp_path):
    """A Wikipedia-style article names its subject in the first paragraph and leaves it out after:
    the title's tokens join each chunk's lexical tokens, so a question naming the subject finds
    the paragraph that answers it, not only the first."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ryoma.txt").write_text(
        "坂本龍馬\n坂本龍馬は、江戸時代末期の土佐藩出身の志士である。" + "薩摩藩と長州藩の同盟を仲介した人物として知られる。" * 6
        + "\n\n" + "1862年には藩の許可を得ずに土佐を離れ、脱藩した。その後、長崎で亀山社中を結成して海運と貿易に従事した。" * 4 + "\n",
        encoding="utf-8")
    path = tmp_path / "store"
    assert run_qabot("ingest", str(docs), "--store", str(path), "--chunk-chars", "200").returncode == 0
    store = ChunkStore(StoreLocation(path=path), "qabot")
    rows = store.collection.get(include=["metadatas", "documents"])
    later = [m for m, d in zip(rows["metadatas"], rows["documents"]) if "脱藩" in d]
    assert later and all("坂本" not in str(m["stokens"]) for m in later)  # the paragraph never names him
    assert all("m:サカモト" in tokens_of(m) for m in later)  # ... its title does
    assert store.lexicon.snapshot().df("m:サカモト") == len(rows["ids"])
    _assert_in_step(store)


def test_an_index_of_another_format_is_rebuilt_from_the_store(tmp_path):
    """An index written with other tokens or tables (before rows had a script) is emptied when
    opened and rebuilt from Chroma by the next sync: nothing is lost, and no stale token is scored."""
    import sqlite3

    docs = _docs(tmp_path / "docs", ["alpha", "beta"])
    path = tmp_path / "store"
    assert run_qabot("ingest", str(docs), "--store", str(path)).returncode == 0
    file = index_path(StoreLocation(path=path), "qabot")
    with sqlite3.connect(file) as con:  # format 2's table: no script column
        con.execute("UPDATE info SET value='2' WHERE key='format'")
        con.execute("DROP TABLE docs")
        con.execute("CREATE TABLE docs(row INTEGER PRIMARY KEY, id TEXT NOT NULL, source TEXT NOT NULL, version TEXT NOT NULL, "
                    "length INTEGER NOT NULL, live INTEGER NOT NULL)")
    store = ChunkStore(StoreLocation(path=path), "qabot")
    assert store.lexicon.held() == {} and store.lexicon.snapshot().n_live == 0
    report = store.lexicon.sync(store)
    assert report.fetched == report.added == sum(r.chunks for r in store.sources().values()) > 0
    _assert_in_step(store)
    with sqlite3.connect(file) as con:
        assert con.execute("SELECT value FROM info WHERE key='format'").fetchone()[0] == FORMAT



def test_an_index_from_before_readings_gets_them_from_the_store(tmp_path):
    """A format-3 file (no readings table) is rebuilt from the tokens Chroma keeps, readings and all:
    an upgraded store hears 瑞巌 for Zuigan-ji without a re-ingest."""
    import sqlite3

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "zuiganji.txt").write_text("瑞巌寺\n瑞巌寺は、宮城県松島町にある臨済宗の寺院である。\n", encoding="utf-8")
    path = tmp_path / "store"
    assert run_qabot("ingest", str(docs), "--store", str(path)).returncode == 0
    file = index_path(StoreLocation(path=path), "qabot")
    with sqlite3.connect(file) as con:
        con.execute("UPDATE info SET value='3' WHERE key='format'")
        con.execute("DROP TABLE readings")
    store = ChunkStore(StoreLocation(path=path), "qabot")
    assert store.lexicon.heard("ズイガン") == []
    store.lexicon.sync(store)
    assert "m:瑞巌" in store.lexicon.snapshot().heard("ズイガン")
    _assert_in_step(store)

# -- several ingest workers and replicas on one Chroma server -------------------------------------------
def test_two_ingest_workers_on_disjoint_files_share_one_chroma_server(tmp_path):
    """Two `qabot ingest` processes at once against one `chroma run`, each with its own cache
    directory (as on two machines): both succeed, and a third machine's bot finds every chunk of
    both; a worker's own index catches up with the other's documents on its next refresh."""
    from bot.config import Settings
    from bot.qa.pipeline import Pipeline
    from tests.test_reliability import _free_port, _start_chroma

    port = _free_port()
    server = _start_chroma(tmp_path / "chroma-data", port)
    url = f"http://127.0.0.1:{port}"
    names = {"a": [f"north{i}" for i in range(6)], "b": [f"south{i}" for i in range(6)]}
    try:
        workers = {
            w: subprocess.Popen(
                [*QABOT, "ingest", str(_docs(tmp_path / f"docs-{w}", names[w], "x")), "--chroma-url", url],
                cwd=ROOT, env=clean_env(QABOT_CACHE_DIR=str(tmp_path / f"cache-{w}")),
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            for w in names
        }
        for w, proc in workers.items():
            _, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, (w, err)
        store = ChunkStore(StoreLocation(host="127.0.0.1", port=port, cache_dir=tmp_path / "cache-c"), "qabot")
        records = store.sources()
        assert len(records) == 12 and store.count() == sum(r.chunks for r in records.values())
        assert store.embedder and store.metadata.get("lang_means")  # shared metadata not clobbered
        # each worker's index holds its own documents only, until it next syncs
        for w in names:
            own = ChunkStore(StoreLocation(host="127.0.0.1", port=port, cache_dir=tmp_path / f"cache-{w}"), "qabot")
            assert {Path(s).stem for s in own.lexicon.held()} == set(names[w])
        pipeline = Pipeline(Settings(chroma_host="127.0.0.1", chroma_port=port, cache_dir=tmp_path / "cache-a"))
        for name in names["a"] + names["b"]:
            hits = pipeline.retriever.search(f"How often are {name}x audits?", 3)
            assert hits and Path(hits[0].source).stem == name, (name, [h.source for h in hits])
        own = ChunkStore(StoreLocation(host="127.0.0.1", port=port, cache_dir=tmp_path / "cache-a"), "qabot")
        _assert_in_step(own)
    finally:
        server.terminate()
        server.wait(timeout=30)

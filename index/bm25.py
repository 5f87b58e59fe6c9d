"""The lexical (BM25) index on disk: a SQLite file beside the store, updated by ingest.

A reader does not hold the corpus: it keeps two small arrays per snapshot (each indexed chunk's
token count and whether it is live) and reads a query token's postings from the file when it
needs them. Chunk text, metadata and sentence vectors stay in Chroma.

Where the file is: inside an embedded store's directory (`lexical-<collection>.sqlite3`); for a
Chroma server, in a local cache directory (QABOT_CACHE_DIR/<host>_<port>/), one per machine. It
is derived data: Chroma's source registry is the truth, and `sync` brings the index to it --
rows of new or changed document versions are added (from the tokens ingest has in hand, or
fetched from Chroma), rows of replaced or removed versions are marked dead. Ingest syncs the
sources it wrote right after flipping them; a reader syncs everything when the store's
generation changes (another machine's ingest); the first open of a store without an index
builds it once. Every sync is one SQLite transaction taken with BEGIN IMMEDIATE and reads the
registry inside it, so processes sharing the file apply each change once and in order.

Tables:
- docs: one row per indexed chunk version (integer row, chunk id, source, version, token count,
  live flag, script: Latin, other or none). Rows are never reused; a replaced version's
  rows are marked dead.
- held: the version of each source whose rows are live here.
- postings: per (token, segment) the rows holding the token (int32) and their term frequencies
  (uint16), packed; a segment is one batch of added rows. `compact` merges segments and drops
  dead rows' postings once there are many.
- readings: the katakana reading of each indexed proper noun written in kanji (index.lexical
  name_reading: ズイガン -> m:瑞巌), so a romanised name finds the collection's own spelling of
  it (bot.qa.query with_heard_names). A token whose rows all died keeps its reading until a
  compaction; a reader asks only for tokens its snapshot holds.

Scoring is bm25s' default ("lucene") BM25 as retrieval used before the index moved to disk:
idf = ln(1 + (N - df + 0.5) / (df + 0.5)) with N and df over live chunks -- N over the live
chunks of the token's own script (Snapshot._idf_of; in a one-language collection, all) -- and per chunk
idf * tf / (tf + k1 * (1 - b + b * dl / avgdl)), k1 = 1.2, b = 0.75, avgdl over live chunks; a
chunk with no tokens counts as one token long (bm25s was given a placeholder token for it).
"""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from index.errors import QabotError
from index.lexical import name_reading

log = logging.getLogger(__name__)

K1, B = 1.2, 0.75
# What a row's tokens are (index.rows.tokens_of). Another format in the file: it is emptied and
# rebuilt from Chroma at the next sync. 2: a chunk's title tokens join its own. 3: docs.script.
# 4: the readings table.
FORMAT = "4"
SEGMENT_ROWS = 5000  # rows per segment when building from Chroma: bounds the memory of a build
MAX_SEGMENTS = 64  # more than this after a sync: merge them (queries read one blob per segment)
FETCH_SOURCES = 100  # sources per Chroma get when fetching rows of new versions

_SCHEMA = """
CREATE TABLE IF NOT EXISTS info(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs(row INTEGER PRIMARY KEY, id TEXT NOT NULL, source TEXT NOT NULL,
    version TEXT NOT NULL, length INTEGER NOT NULL, live INTEGER NOT NULL, script INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS docs_id ON docs(id);
CREATE INDEX IF NOT EXISTS docs_source ON docs(source, live);
CREATE TABLE IF NOT EXISTS held(source TEXT PRIMARY KEY, version TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS postings(token TEXT NOT NULL, segment INTEGER NOT NULL, rows BLOB NOT NULL,
    tfs BLOB NOT NULL, PRIMARY KEY(token, segment)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS segments(segment INTEGER PRIMARY KEY, rows INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS readings(reading TEXT NOT NULL, token TEXT NOT NULL, PRIMARY KEY(reading, token)) WITHOUT ROWID;
"""
_TABLES = ("docs", "held", "postings", "segments", "readings")

Added = dict[tuple[str, str], list[tuple[str, list[str]]]]  # (source, version) -> [(chunk id, tokens)]


def index_path(location, collection: str) -> Path:
    """Where the lexical index of a collection lives (see the module docstring)."""
    if location.host:
        cache = Path(location.cache_dir or default_cache_dir()).expanduser()
        return cache / f"{location.host}_{location.port}" / f"lexical-{collection}.sqlite3"
    return Path(location.path) / f"lexical-{collection}.sqlite3"


def default_cache_dir() -> Path:
    import os

    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "qabot"


LATIN, OTHER, NO_SCRIPT = 1, 0, -1


def script(tokens: list[str]) -> int:
    """LATIN for a row written in Latin script (an English passage: most of its tokens, numbers
    aside, are ASCII words), OTHER for one in Japanese (kana/kanji bigrams and morphemes),
    NO_SCRIPT for a row without words (it counts on both sides)."""
    words = [t for t in tokens if not t.isdigit()]
    if not words:
        return NO_SCRIPT
    return LATIN if 2 * sum(t.isascii() for t in words) > len(words) else OTHER


def idf(df: int, n: int) -> float:
    """bm25s' (Lucene's) idf, as bm25s stores it (float32)."""
    return float(np.float32(math.log(1 + (n - df + 0.5) / (df + 0.5))))


class Snapshot:
    """What a reader keeps of the index: per indexed row its token count and liveness, as of one
    moment (`stamp`). Postings are read from the file; rows added after the snapshot are ignored,
    so one query sees one consistent index."""

    def __init__(self, index: "LexicalIndex", stamp: int, lengths: np.ndarray, live: np.ndarray, scripts: np.ndarray):
        self.index = index
        self.scripts = scripts
        self.n_latin = int((live & (scripts != OTHER)).sum())  # live rows a Latin-script word is judged among
        self.n_other = int((live & (scripts != LATIN)).sum())  # ... and a Japanese one
        self.has_japanese = bool((live & (scripts == OTHER)).any())
        self.stamp = stamp
        self.n_rows = len(lengths)
        self.lengths = lengths
        self.live = live
        self.n_live = int(live.sum())
        self.avgdl = float(lengths[live].mean()) if self.n_live else 1.0
        self._df: dict[str, int] = {}
        self._idf: dict[str, float] = {}

    def postings(self, token: str) -> tuple[np.ndarray, np.ndarray]:
        """(rows, term frequencies) of the live rows of this snapshot that hold `token`."""
        rows, tfs = self.index.postings(token)
        keep = rows < self.n_rows
        rows, tfs = rows[keep], tfs[keep]
        keep = self.live[rows]
        return rows[keep], tfs[keep]

    def df(self, token: str) -> int:
        got = self._df.get(token)
        if got is None:
            got = len(self.postings(token)[0])
            if len(self._df) > 200_000:
                self._df.clear()
            self._df[token] = got
        return got

    def idf(self, token: str) -> float:
        got = self._idf.get(token)
        if got is None:
            got = self._idf_of(token, self.postings(token)[0])
        return got

    def _idf_of(self, token: str, rows: np.ndarray) -> float:
        """idf within the token's own script: N counts the live rows written in it (an English
        word's, the Latin-script rows) when the token occurs in any of them. In a Japanese
        collection with a few English passages, "cancer" is in every English one and tells
        nothing, though it is rare among all rows; a Latin word found only inside Japanese text
        (RNA, JR) is judged among the Japanese rows. A Japanese token is judged among the Japanese
        rows and the English ones that hold it: 表紙 in an English caption's heading is as rare as
        it looks (among the one English row it scored 0.29, and "cover" never found the caption).
        Numbers, tokens the collection lacks, and any token of a collection with no Japanese row
        are judged among all rows."""
        df = len(rows)
        if not df or token.isdigit():
            n = self.n_live
        else:
            scripts = self.scripts[rows]
            if token.isascii():
                n = self.n_latin if bool((scripts == LATIN).any()) else self.n_other
            elif self.has_japanese:
                n = self.n_other + int((scripts == LATIN).sum())
            else:  # a one-language (Latin-script) collection: all its rows
                n = self.n_live
        got = idf(df, max(n, df))
        if len(self._idf) > 200_000:
            self._idf.clear()
        self._idf[token] = got
        self._df.setdefault(token, df)  # one read of the postings serves df() too
        return got

    def heard(self, reading: str) -> list[str]:
        """The collection's proper nouns that read so (LexicalIndex.heard), those this snapshot holds."""
        return [t for t in self.index.heard(reading) if self.df(t)]

    def completions(self, prefix: str, limit: int = 8) -> list[str]:
        """Tokens this snapshot holds that begin with `prefix` (LexicalIndex.completions)."""
        return [t for t in self.index.completions(prefix, limit) if self.df(t)]

    def holding(self, tokens: set[str]) -> set[str]:
        """Those of the tokens this snapshot holds (live), looked up together; those it lacks join the
        df cache as 0, so a word's misspellings asked again (retrieval, then the answer step) cost no query."""
        unknown = sorted(t for t in tokens if t not in self._df)
        if unknown:
            found = self.index.existing(unknown)
            if len(self._df) > 200_000:
                self._df.clear()
            self._df.update((t, 0) for t in unknown if t not in found)
        return {t for t in tokens if self.df(t)}

    def token_scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 contribution of each token to each row: a (tokens x rows) float32 matrix."""
        out = np.zeros((len(tokens), self.n_rows), dtype=np.float32)
        for i, t in enumerate(tokens):
            rows, tfs = self.postings(t)
            if not len(rows):
                continue
            tf = tfs.astype(np.float64)
            norm = K1 * ((1 - B) + B * self.lengths[rows] / self.avgdl)
            out[i, rows] = self._idf_of(t, rows) * (tf / (norm + tf))
        return out

    def ids(self, rows: Iterable[int]) -> dict[int, str]:
        return self.index.ids_of([int(r) for r in rows])

    def rows(self, ids: Iterable[str]) -> dict[str, int]:
        """Chunk id -> its newest row in this snapshot, live or dead (ids it lacks are left out)."""
        return self.index.rows_of(list(ids), self.n_rows)


class Frequencies:
    """Document frequencies of a snapshot, looked up on demand: `.get(token, 0)` like a dict."""

    def __init__(self, snapshot: Snapshot | None):
        self._snap = snapshot

    def get(self, token: str, default: Any = None) -> Any:
        d = self._snap.df(token) if self._snap is not None else 0
        return d if d else default

    def __getitem__(self, token: str) -> int:
        d = self.get(token, 0)
        if not d:
            raise KeyError(token)
        return d

    def __contains__(self, token: object) -> bool:
        return isinstance(token, str) and bool(self.get(token, 0))

    def completions(self, prefix: str) -> list[str]:
        """Tokens of the collection that begin with `prefix` (a clipped word's full forms)."""
        return self._snap.completions(prefix) if self._snap is not None else []

    def holding(self, tokens: set[str]) -> set[str]:
        """Those of the tokens the collection holds: many looked up at once (a word's misspellings)."""
        return self._snap.holding(tokens) if self._snap is not None and tokens else set()


@dataclass
class SyncReport:
    added: int = 0  # rows added
    dead: int = 0  # rows marked dead
    fetched: int = 0  # of the added rows, how many were read back from Chroma
    registry: dict[str, str] = field(default_factory=dict)  # source -> live version (what was synced to)


class LexicalIndex:
    """One collection's BM25 index file. Thread-safe: one SQLite connection per thread."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = self._con()
            con.execute("PRAGMA journal_mode=WAL")
            with self._write() as w:
                for stmt in filter(str.strip, _SCHEMA.split(";")):
                    w.execute(stmt)
                got = w.execute("SELECT value FROM info WHERE key='format'").fetchone()
                if got is None:
                    w.execute("INSERT INTO info VALUES('format', ?), ('stamp', '0')", (FORMAT,))
                elif got[0] != FORMAT:
                    # Built with other tokens or tables: made anew here, rebuilt from the store by the next sync
                    # (a reader's first refresh, or ingest). The stamp moves on so readers reload.
                    log.info("lexical index %s: format %s -> %s, rebuilding", self.path.name, got[0], FORMAT)
                    for table in _TABLES:
                        w.execute(f"DROP TABLE IF EXISTS {table}")
                    for stmt in filter(str.strip, _SCHEMA.split(";")):
                        w.execute(stmt)
                    w.execute("UPDATE info SET value=? WHERE key='format'", (FORMAT,))
                    w.execute("UPDATE info SET value=CAST(value AS INTEGER)+1 WHERE key='stamp'")
        except sqlite3.Error as e:
            raise QabotError(f"cannot open the lexical index {self.path}: {e}") from None

    # -- connections and transactions -----------------------------------------------------
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(str(self.path), timeout=600, isolation_level=None, check_same_thread=True)
            con.execute("PRAGMA synchronous=NORMAL")
            self._local.con = con
        return con

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken before anything is read (BEGIN IMMEDIATE): two processes
        syncing at once run one after the other, and the second sees what the first applied."""
        con = self._con()
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        else:
            con.execute("COMMIT")

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None

    # -- reading -------------------------------------------------------------------------------
    def stamp(self) -> int:
        return int(self._con().execute("SELECT value FROM info WHERE key='stamp'").fetchone()[0])

    def snapshot(self) -> Snapshot:
        con = self._con()
        con.execute("BEGIN")
        try:
            stamp = int(con.execute("SELECT value FROM info WHERE key='stamp'").fetchone()[0])
            got = con.execute("SELECT row, length, live, script FROM docs ORDER BY row").fetchall()
        finally:
            con.execute("COMMIT")
        n = (got[-1][0] + 1) if got else 0
        lengths = np.ones(n, dtype=np.float64)
        live = np.zeros(n, dtype=bool)
        scripts = np.full(n, NO_SCRIPT, dtype=np.int8)
        if got:
            arr = np.asarray(got, dtype=np.int64)
            lengths[arr[:, 0]] = np.maximum(arr[:, 1], 1)
            live[arr[:, 0]] = arr[:, 2] != 0
            scripts[arr[:, 0]] = arr[:, 3]
        return Snapshot(self, stamp, lengths, live, scripts)

    def postings(self, token: str) -> tuple[np.ndarray, np.ndarray]:
        got = self._con().execute("SELECT rows, tfs FROM postings WHERE token=?", (token,)).fetchall()
        if not got:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.uint16)
        if len(got) == 1:
            return np.frombuffer(got[0][0], dtype=np.int32), np.frombuffer(got[0][1], dtype=np.uint16)
        return (np.concatenate([np.frombuffer(r, dtype=np.int32) for r, _ in got]),
                np.concatenate([np.frombuffer(t, dtype=np.uint16) for _, t in got]))

    def ids_of(self, rows: list[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        con = self._con()
        for start in range(0, len(rows), 500):
            part = rows[start : start + 500]
            q = f"SELECT row, id FROM docs WHERE row IN ({','.join('?' * len(part))})"
            out.update(con.execute(q, part).fetchall())
        return out

    def rows_of(self, ids: list[str], below: int) -> dict[str, int]:
        out: dict[str, int] = {}
        con = self._con()
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            q = f"SELECT id, row FROM docs WHERE id IN ({','.join('?' * len(part))}) AND row < ? ORDER BY row"
            out.update(con.execute(q, [*part, below]).fetchall())
        return out

    def heard(self, reading: str) -> list[str]:
        """Tokens of the proper nouns (written in kanji) that read so: ズイガン -> [m:瑞巌]."""
        return [t for (t,) in self._con().execute("SELECT token FROM readings WHERE reading=?", (reading,))]

    def held(self) -> dict[str, str]:
        return dict(self._con().execute("SELECT source, version FROM held").fetchall())

    def existing(self, tokens: list[str]) -> set[str]:
        """Those of the tokens the index has postings for, in one query per 500 (not one each)."""
        out: set[str] = set()
        con = self._con()
        for start in range(0, len(tokens), 500):
            part = tokens[start : start + 500]
            out.update(t for (t,) in con.execute(f"SELECT DISTINCT token FROM postings WHERE token IN ({','.join('?' * len(part))})", part))
        return out

    def completions(self, prefix: str, limit: int) -> list[str]:
        """Tokens that begin with `prefix` and are longer (an index range scan, not a table scan)."""
        got = self._con().execute("SELECT DISTINCT token FROM postings WHERE token > ? AND token < ? LIMIT ?",
                                  (prefix, prefix + "\uffff", limit))
        return [t for (t,) in got]

    def segments(self) -> int:
        return int(self._con().execute("SELECT COUNT(*) FROM segments").fetchone()[0])

    # -- writing -------------------------------------------------------------------------------
    def sync(self, store, sources: Iterable[str] | None = None, added: Added | None = None) -> SyncReport:
        """Bring the index to Chroma's registry: for every source (or only `sources`), rows of the
        registered version live, every other row of it dead. Rows of a newly registered version
        come from `added` when the caller has them (ingest), else from Chroma."""
        added = added or {}
        report = SyncReport()
        started = time.perf_counter()
        try:
            with self._write() as con:
                self._check_collection(con, store)
                if sources is None:
                    registry = {s: r.version for s, r in store.sources().items()}
                    held = dict(con.execute("SELECT source, version FROM held").fetchall())
                    scope = set(registry) | set(held)
                else:
                    scope = set(sources)
                    registry = {s: r.version for s, r in store.records(sorted(scope)).items()}
                    held = {}
                    for s in scope:
                        got = con.execute("SELECT version FROM held WHERE source=?", (s,)).fetchone()
                        if got:
                            held[s] = got[0]
                report.registry = registry
                changed = sorted(s for s in scope if registry.get(s) != held.get(s))
                if not changed:
                    return report
                for s in changed:
                    report.dead += con.execute("UPDATE docs SET live=0 WHERE source=? AND live=1", (s,)).rowcount
                    con.execute("DELETE FROM held WHERE source=?", (s,))
                new = [(s, registry[s]) for s in changed if s in registry]
                have = [(s, v) for s, v in new if (s, v) in added]
                missing = [(s, v) for s, v in new if (s, v) not in added]
                batch: list[tuple[str, str, str, list[str]]] = []
                for s, v in have:
                    batch.extend((cid, s, v, tokens) for cid, tokens in added[(s, v)])
                    if len(batch) >= SEGMENT_ROWS:
                        report.added += self._add_segment(con, batch)
                        batch = []
                if missing:
                    log.info("lexical index %s: reading %d document versions from the store", self.path.name, len(missing))
                for cid, s, v, tokens in store.version_tokens(missing):
                    batch.append((cid, s, v, tokens))
                    report.fetched += 1
                    if len(batch) >= SEGMENT_ROWS:
                        report.added += self._add_segment(con, batch)
                        batch = []
                        log.info("lexical index %s: %d chunks indexed", self.path.name, report.added)
                report.added += self._add_segment(con, batch)
                con.executemany("INSERT OR REPLACE INTO held VALUES(?, ?)", new)
                con.execute("UPDATE info SET value=CAST(value AS INTEGER)+1 WHERE key='stamp'")
                if self._segment_count(con) > MAX_SEGMENTS:
                    self._compact(con)
        except sqlite3.Error as e:
            raise QabotError(f"cannot update the lexical index {self.path}: {e}") from None
        if report.added or report.dead:
            log.info("lexical index %s: +%d chunks (%d read from the store), %d dead, %.0f ms", self.path.name,
                     report.added, report.fetched, report.dead, (time.perf_counter() - started) * 1000)
        return report

    def _check_collection(self, con: sqlite3.Connection, store) -> None:
        """The file indexes one Chroma collection: if the collection was deleted and made again,
        start over (its rows are not the ones the file knows)."""
        cid = str(store.collection.id)
        got = con.execute("SELECT value FROM info WHERE key='collection'").fetchone()
        if got is None or got[0] != cid:
            if got is not None:
                log.warning("lexical index %s: collection changed, rebuilding", self.path.name)
            for table in _TABLES:
                con.execute(f"DELETE FROM {table}")
            con.execute("INSERT OR REPLACE INTO info VALUES('collection', ?)", (cid,))

    @staticmethod
    def _segment_count(con: sqlite3.Connection) -> int:
        return int(con.execute("SELECT COUNT(*) FROM segments").fetchone()[0])

    @staticmethod
    def _add_segment(con: sqlite3.Connection, batch: list[tuple[str, str, str, list[str]]]) -> int:
        if not batch:
            return 0
        first = int(con.execute("SELECT COALESCE(MAX(row) + 1, 0) FROM docs").fetchone()[0])
        segment = int(con.execute("SELECT COALESCE(MAX(segment) + 1, 0) FROM segments").fetchone()[0])
        postings: dict[str, tuple[list[int], list[int]]] = {}
        docs = []
        for row, (cid, source, version, tokens) in enumerate(batch, start=first):
            docs.append((row, cid, source, version, len(tokens), 1, script(tokens)))
            for token, tf in Counter(tokens).items():
                p = postings.get(token)
                if p is None:
                    postings[token] = p = ([], [])
                p[0].append(row)
                p[1].append(min(tf, 65535))
        con.executemany("INSERT INTO docs VALUES(?, ?, ?, ?, ?, ?, ?)", docs)
        con.executemany(
            "INSERT INTO postings VALUES(?, ?, ?, ?)",
            ((t, segment, np.asarray(r, dtype=np.int32).tobytes(), np.asarray(f, dtype=np.uint16).tobytes())
             for t, (r, f) in postings.items()),
        )
        con.execute("INSERT INTO segments VALUES(?, ?)", (segment, len(batch)))
        con.executemany("INSERT OR IGNORE INTO readings VALUES(?, ?)",
                        ((r, t) for t in postings if t.startswith("m:") and (r := name_reading(t))))
        return len(batch)

    def append(self, rows: list[tuple[str, str, str, list[str]]]) -> int:
        """Add rows (chunk id, source, version, tokens) as one live segment, outside any sync: for
        building an index from tokens in hand (tests, tools). Sources it adds are not `held`."""
        with self._write() as con:
            added = self._add_segment(con, rows)
            con.execute("UPDATE info SET value=CAST(value AS INTEGER)+1 WHERE key='stamp'")
        return added

    def compact(self) -> None:
        """Merge all segments into one and drop the postings of dead rows."""
        with self._write() as con:
            self._compact(con)

    @staticmethod
    def _compact(con: sqlite3.Connection) -> None:
        started = time.perf_counter()
        got = con.execute("SELECT row, live FROM docs").fetchall()
        n = (max(r for r, _ in got) + 1) if got else 0
        live = np.zeros(n, dtype=bool)
        for r, flag in got:
            live[r] = bool(flag)
        merged = []
        token, rows, tfs = None, [], []

        def flush():
            if token is None:
                return
            r = np.concatenate(rows)
            f = np.concatenate(tfs)
            keep = live[r]
            if keep.any():
                merged.append((token, 0, r[keep].tobytes(), f[keep].tobytes()))

        for t, r, f in con.execute("SELECT token, rows, tfs FROM postings ORDER BY token, segment"):
            if t != token:
                flush()
                token, rows, tfs = t, [], []
            rows.append(np.frombuffer(r, dtype=np.int32))
            tfs.append(np.frombuffer(f, dtype=np.uint16))
        flush()
        con.execute("DELETE FROM postings")
        con.executemany("INSERT INTO postings VALUES(?, ?, ?, ?)", merged)
        con.execute("DELETE FROM segments")
        con.execute("INSERT INTO segments VALUES(0, ?)", (int(live.sum()),))
        con.execute("DELETE FROM readings WHERE token NOT IN (SELECT token FROM postings)")
        con.execute("UPDATE info SET value=CAST(value AS INTEGER)+1 WHERE key='stamp'")
        log.info("lexical index: compacted %d tokens in %.1f s", len(merged), time.perf_counter() - started)

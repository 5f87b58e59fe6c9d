"""Answers posted to Slack and the 👍/👎 votes on them, in a local SQLite file."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from bot.models import Answer

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY, created REAL NOT NULL, channel TEXT, thread_ts TEXT, user TEXT,
    question TEXT NOT NULL, answer TEXT NOT NULL, abstained INTEGER NOT NULL, citations TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS votes (
    answer_id TEXT NOT NULL REFERENCES answers(id), user TEXT NOT NULL, vote TEXT NOT NULL,
    voted REAL NOT NULL, PRIMARY KEY (answer_id, user)
);
CREATE TABLE IF NOT EXISTS rendered (
    answer_id TEXT PRIMARY KEY REFERENCES answers(id), messages TEXT NOT NULL
);
"""


class FeedbackStore:
    """Thread-safe: Bolt runs listeners on a thread pool."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    def record_answer(self, answer: Answer, channel: str | None, thread_ts: str | None, user: str | None) -> str:
        answer_id = uuid.uuid4().hex
        citations = json.dumps([c.model_dump() for c in answer.citations], ensure_ascii=False)
        with self._lock:
            self._db.execute(
                "INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (answer_id, time.time(), channel, thread_ts, user, answer.question, answer.answer, int(answer.abstained), citations),
            )
        return answer_id

    def record_rendered(self, answer_id: str, messages: list[dict]) -> None:
        """The Slack messages of a private answer, so that "Share with channel" can post them later
        (from any replica, after a restart)."""
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO rendered VALUES (?, ?)", (answer_id, json.dumps(messages, ensure_ascii=False)))

    def rendered(self, answer_id: str) -> list[dict] | None:
        with self._lock:
            row = self._db.execute("SELECT messages FROM rendered WHERE answer_id = ?", (answer_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def question(self, answer_id: str) -> str | None:
        found = self.answer(answer_id)
        return found["question"] if found else None

    def answer(self, answer_id: str) -> dict[str, Any] | None:
        """Where an answer was given and to what: {channel, thread_ts, user, question, abstained}."""
        with self._lock:
            row = self._db.execute("SELECT channel, thread_ts, user, question, abstained FROM answers WHERE id = ?", (answer_id,)).fetchone()
        return dict(zip(("channel", "thread_ts", "user", "question", "abstained"), row)) if row else None

    def record_vote(self, answer_id: str, user: str, vote: str) -> bool:
        """A user's latest vote on an answer wins; False when the answer is unknown."""
        with self._lock:
            known = self._db.execute("SELECT 1 FROM answers WHERE id = ?", (answer_id,)).fetchone()
            if not known:
                return False
            self._db.execute(
                "INSERT INTO votes VALUES (?, ?, ?, ?) ON CONFLICT(answer_id, user) DO UPDATE SET vote = excluded.vote, voted = excluded.voted",
                (answer_id, user, vote, time.time()),
            )
        return True

    def votes(self) -> list[dict[str, Any]]:
        """Every vote with its question, answer and citations, newest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT v.voted, v.user, v.vote, a.question, a.answer, a.citations, a.channel, a.thread_ts, a.id "
                "FROM votes v JOIN answers a ON a.id = v.answer_id ORDER BY v.voted DESC"
            ).fetchall()
        keys = ("time", "user", "vote", "question", "answer", "citations", "channel", "thread_ts", "answer_id")
        out = []
        for row in rows:
            item = dict(zip(keys, row))
            item["citations"] = json.loads(item["citations"])
            out.append(item)
        return out

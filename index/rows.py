"""The stored chunk row: the one place that knows what Chroma keeps per chunk.

Ingest builds a row's metadata here (`chunk_metadata`), the lexical index and the retriever parse
rows back here (`parse`, `tokens_of`), and the synthetic bench derives rows here (`ChunkRow`,
`dataclasses.replace`, `to_metadata`). Nothing else reads or writes metadata keys of a chunk.

Per chunk, beside its text (Chroma's document) and its vector:
- where it is: source, version (content hash + chunking), doc_sha256, chunk (index in the
  document), section, start/end (offsets into the decoded document), raw (the verbatim span),
  lang, page and page_breaks (PDF only);
- `sentences`: JSON [[clean start, clean end, raw start, raw end], ...];
- `stokens`: lexical tokens per sentence (space-separated, a tab between sentences); the chunk's
  BM25 tokens are their concatenation, not stored twice (Chroma indexes every metadata string,
  so each kilobyte costs ingest time), and its title's tokens (`tokens_of`: an article's later
  paragraphs do not repeat the name their title gives);
- `svec`: the sentence vectors, float16, base64 (index.vectors.pack).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from index.chunk import is_title
from index.lexical import tokenize
from index.models import Chunk
from index.vectors import pack, unpack

# Per-chunk fields that only qabot's retriever reads (sentence vectors and tokens, kilobytes each).
BULKY_KEYS = ("svec", "stokens")


@dataclass(frozen=True)
class ChunkRow:
    """One stored chunk, typed."""

    id: str
    text: str  # the readable chunk text (Chroma's document)
    source: str
    version: str
    doc_sha256: str = ""
    chunk: int = 0
    section: str = ""
    start: int = 0
    end: int = 0
    raw: str = ""  # the verbatim source span [start, end)
    lang: str = ""
    page: int | None = None
    page_breaks: list[int] = field(default_factory=list)
    sentences: list[tuple[int, int, int, int]] = field(default_factory=list)
    sentence_tokens: list[list[str]] = field(default_factory=list)
    svec: str = ""  # packed sentence vectors: decode with sentence_vectors(dim)

    @property
    def tokens(self) -> list[str]:
        """The chunk's lexical (BM25) tokens: its sentences' tokens, concatenated, and its title's."""
        return [t for ts in self.sentence_tokens for t in ts] + title_tokens(self.section)

    def sentence_vectors(self, dim: int) -> np.ndarray:
        return unpack(self.svec, dim)

    def to_metadata(self) -> dict[str, Any]:
        """What Chroma keeps for this row (the id, text and vector go beside it)."""
        meta: dict[str, Any] = {
            "source": self.source,
            "version": self.version,
            "doc_sha256": self.doc_sha256,
            "chunk": self.chunk,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "raw": self.raw,
            "lang": self.lang,
            "sentences": json.dumps([list(s) for s in self.sentences], separators=(",", ":")),
            "stokens": _join_tokens(self.sentence_tokens),
            "svec": self.svec,
        }
        if self.page is not None:
            meta["page"] = self.page
            if self.page_breaks:
                meta["page_breaks"] = json.dumps(self.page_breaks)
        return meta


def _join_tokens(sentence_tokens: list[list[str]]) -> str:
    return "\t".join(" ".join(ts) for ts in sentence_tokens)


def _split_tokens(stokens: str) -> list[list[str]]:
    return [part.split() for part in stokens.split("\t")]


def chunk_metadata(chunk: Chunk, sentence_tokens: list[list[str]], version: str, sentence_vectors: np.ndarray) -> dict[str, Any]:
    """The metadata ingest writes for one chunk of `version` of its document."""
    return ChunkRow(
        id=chunk.id,
        text=chunk.text,
        source=chunk.source,
        version=version,
        doc_sha256=chunk.doc_sha256,
        chunk=chunk.index,
        section=chunk.section,
        start=chunk.start,
        end=chunk.end,
        raw=chunk.raw,
        lang=chunk.lang,
        page=chunk.page,
        page_breaks=list(chunk.page_breaks or []),
        sentences=[tuple(s) for s in chunk.sentences],
        sentence_tokens=sentence_tokens,
        svec=pack(sentence_vectors),
    ).to_metadata()


def parse(cid: str, text: str, meta: dict[str, Any]) -> ChunkRow:
    """A stored row (id, document, metadata) as a ChunkRow."""
    page = meta.get("page")
    return ChunkRow(
        id=cid,
        text=text or "",
        source=str(meta.get("source", "")),
        version=str(meta.get("version", "")),
        doc_sha256=str(meta.get("doc_sha256", "")),
        chunk=int(meta.get("chunk", 0)),
        section=str(meta.get("section", "")),
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
        raw=str(meta.get("raw", "")),
        lang=str(meta.get("lang", "")),
        page=None if page is None or page == "" else int(page),
        page_breaks=json.loads(meta.get("page_breaks") or "[]"),
        sentences=[tuple(s) for s in json.loads(meta.get("sentences") or "[]")],
        sentence_tokens=_split_tokens(str(meta.get("stokens", ""))),
        svec=str(meta.get("svec", "")),
    )


def key(meta: dict[str, Any]) -> tuple[str, str]:
    """(source, version) of a stored row: which document version it belongs to."""
    return str(meta.get("source", "")), str(meta.get("version", ""))


def tokens_of(meta: dict[str, Any]) -> list[str]:
    """A stored row's lexical tokens, without parsing the rest of it (the index build reads many)."""
    return str(meta.get("stokens", "")).split() + title_tokens(str(meta.get("section", "")))


def title_tokens(section: str) -> list[str]:
    """The tokens a chunk's title adds to its own: a Wikipedia-style article names its subject in
    the first paragraph and leaves it out after (「1862年に脱藩した」 under 坂本龍馬), so a question
    naming it would find only the first. Not a first sentence standing in as the title (it is the
    first chunk's text already)."""
    return tokenize(section) if is_title(section) else []


def version_filter(source: str, version: str) -> dict[str, Any]:
    """Chroma `where` for the rows of one version of one document."""
    return {"$and": [{"source": source}, {"version": version}]}


def other_versions_filter(source: str, version: str) -> dict[str, Any]:
    """Chroma `where` for the rows of every other version of one document."""
    return {"$and": [{"source": source}, {"version": {"$ne": version}}]}

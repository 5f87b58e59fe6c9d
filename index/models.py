"""What flows between the ingest stages: load -> clean -> chunk -> embed -> store.

What offsets index. Every source offset qabot records or reports -- Chunk.start/end, the raw
half of Chunk.sentences, a citation's or passage's start/end -- counts characters (Unicode code
points, Python str positions; not bytes, not UTF-16 units) of the document's decoded text,
Document.text:
- a text file: its bytes decoded with the encoding qabot detected (UTF-8, UTF-16, CP932/Shift_JIS,
  EUC-JP, ISO-2022-JP, ...), without the byte-order mark (offset 0 is the first character after
  it), line endings exactly as in the file (CRLF is two characters, nothing is normalised);
- a PDF: its extracted text layer, pages in order, joined by a blank line ("\n\n").
So a citation's text == decoded[start:end], where decoded is index.load.load_document(path).text,
or path.read_bytes().decode(codec) with codec "utf-8-sig"/"utf-16" for a file with a BOM. Not
path.read_text() or open(path) in text mode: universal newlines turn CRLF into LF and shift every
later offset; and not offsets into the file's bytes (in CP932, UTF-16 or a file with a BOM they
differ from the start). Offsets into the cleaned text (CleanText, Sentence, Section, the first
half of Chunk.sentences) are a different space, mapped back through CleanText.origin.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """A loaded source file: `text` is exactly what offsets in chunks and citations point into
    (see the module docstring: decoded characters, BOM removed, line endings as in the file)."""

    source: str  # resolved path of the ingested file
    text: str  # decoded file text, no BOM, line endings kept (for a PDF: the extracted text layer)
    sha256: str  # hash of the file bytes; decides skip / replace on re-ingest
    encoding: str = "utf-8"
    pages: tuple[int, ...] = ()  # PDF only: start offset of each page in `text`


class OffsetMap(Sequence[int]):
    """origin[i] for i < len: the offset in Document.text that clean character i came from.

    Stored as runs, not one int per character: clean text is mostly copied from the source
    in long stretches (run k covers clean [starts[k], starts[k+1]) and maps it to
    raws[k] + (i - starts[k])), so a 2 MB line costs a few numbers, not 2 million Python ints."""

    __slots__ = ("_starts", "_raws", "_len")

    def __init__(self, starts: Iterable[int] = (), raws: Iterable[int] = (), length: int = 0):
        self._starts, self._raws, self._len = array("q", starts), array("q", raws), length

    @classmethod
    def of(cls, offsets: Iterable[int]) -> "OffsetMap":
        """From one offset per character."""
        starts, raws, n, last = [], [], 0, None
        for n, o in enumerate(offsets, start=1):
            if last is None or o != last + 1:
                starts.append(n - 1)
                raws.append(o)
            last = o
        return cls(starts, raws, n)

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(self._len)))
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("offset map index out of range")
        k = bisect_right(self._starts, i) - 1
        return self._raws[k] + i - self._starts[k]

    def __iter__(self) -> Iterator[int]:
        ends = list(self._starts[1:]) + [self._len]
        for start, raw, end in zip(self._starts, self._raws, ends):
            yield from range(raw, raw + end - start)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap):
            return (self._len, self._starts, self._raws) == (other._len, other._starts, other._raws)
        if isinstance(other, Sequence):
            return len(other) == self._len and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._len, self._starts.tobytes(), self._raws.tobytes()))

    def __repr__(self) -> str:
        return f"OffsetMap({len(self._starts)} runs, {self._len} characters)"


@dataclass(frozen=True)
class CleanText:
    """Readable text plus, for every character, the offset in `Document.text` it came from."""

    text: str
    origin: Sequence[int]  # origin[i] = raw offset of text[i]; len(origin) == len(text) (an OffsetMap)
    sections: tuple["Section", ...] = ()
    units: tuple[tuple[int, int], ...] = ()  # lines/paragraphs/bullets: sentences never cross them
    title: str = ""  # first line of the document, names the part before any heading

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) covering clean [start, end): what a citation quotes verbatim."""
        return self.origin[start], self.origin[end - 1] + 1


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets in CleanText.text
    end: int


@dataclass(frozen=True)
class Section:
    title: str  # "" before the first heading
    start: int  # offsets in CleanText.text
    end: int


@dataclass
class Chunk:
    """A retrieval unit: consecutive sentences of one section."""

    id: str
    source: str
    doc_sha256: str
    index: int
    section: str
    text: str  # clean text, what is embedded and shown
    start: int  # [start, end): character offsets in Document.text, the decoded source (module docstring)
    end: int
    raw: str  # Document.text[start:end], the verbatim span
    lang: str
    sentences: list[tuple[int, int, int, int]] = field(default_factory=list)
    # per sentence: (clean start, clean end) relative to `text`, (raw start, raw end) absolute in Document.text
    page: int | None = None  # PDF only: the page the chunk starts on
    page_breaks: list[int] = field(default_factory=list)  # raw offsets where later pages start

"""What flows between the ingest stages: load -> clean -> chunk -> embed -> store."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """A loaded source file: `text` is exactly what offsets in chunks and citations point into."""

    source: str  # resolved path of the ingested file
    text: str  # decoded file text (for a PDF: the extracted text layer)
    sha256: str  # hash of the file bytes; decides skip / replace on re-ingest
    encoding: str = "utf-8"
    pages: tuple[int, ...] = ()  # PDF only: start offset of each page in `text`


@dataclass(frozen=True)
class CleanText:
    """Readable text plus, for every character, the offset in `Document.text` it came from."""

    text: str
    origin: tuple[int, ...]  # origin[i] = raw offset of text[i]; len(origin) == len(text)
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
    start: int  # raw offsets in the source document
    end: int
    raw: str  # Document.text[start:end], the verbatim span
    lang: str
    sentences: list[tuple[int, int, int, int]] = field(default_factory=list)
    # per sentence: (clean start, clean end) relative to `text`, (raw start, raw end) absolute
    page: int | None = None  # PDF only: the page the chunk starts on
    page_breaks: list[int] = field(default_factory=list)  # raw offsets where later pages start

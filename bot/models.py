"""What flows between retrieve -> answer -> render, and the `ask --json` schema."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field


def source_label(source: str, section: str, page: int | None = None) -> str:
    """How a citation names its place: file name (and page), then the section."""
    name = Path(source).name + (f" p.{page}" if page else "")
    return f"{name} — {section}" if section else name


class Passage(BaseModel):
    """A retrieved chunk. `text` is the verbatim source span [start, end); `quote` the readable form."""

    id: str = Field("", exclude=True)
    source: str
    section: str
    text: str
    quote: str
    start: int
    end: int
    score: float
    rank: int = 0  # 1-based place in retrieval order (the answer step may show cited passages first)
    lang: str = Field("ja", exclude=True)
    page: int | None = None
    page_breaks: list[int] = Field(default_factory=list, exclude=True)
    dense: float = Field(0.0, exclude=True)
    lexical: float = Field(0.0, exclude=True)
    sentences: list[tuple[int, int, int, int]] = Field(default_factory=list, exclude=True)
    sentence_scores: list[float] = Field(default_factory=list, exclude=True)
    tokens: list[str] = Field(default_factory=list, exclude=True)
    sentence_tokens: list[list[str]] = Field(default_factory=list, exclude=True)

    def verbatim(self, start: int, end: int) -> str:
        """The source text at absolute offsets [start, end), which lie inside this passage."""
        return self.text[start - self.start : end - self.start]

    def page_at(self, offset: int) -> int | None:
        """The PDF page holding absolute offset `offset`: a passage may run across a page break."""
        if self.page is None:
            return None
        return self.page + sum(1 for b in self.page_breaks if b <= offset)


class Citation(BaseModel):
    """Numbered evidence under an answer; `text` == source file text [start, end), verbatim."""

    n: int
    source: str
    section: str
    text: str
    quote: str
    start: int
    end: int
    score: float
    page: int | None = None


class GlossEntry(BaseModel):
    """A dictionary gloss (JMdict) of a key term of the cited Japanese text: help for an English
    reader, not a translation of the answer."""

    term: str
    reading: str
    en: list[str]


class Answer(BaseModel):
    question: str
    answer: str
    abstained: bool
    language: str
    citations: list[Citation]
    passages: list[Passage]
    timings_ms: dict[str, float]
    mode: str = "extractive"
    model: str | None = None
    warnings: list[str] = Field(default_factory=list)
    glossary: list[GlossEntry] = Field(default_factory=list)

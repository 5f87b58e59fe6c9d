"""Split clean text into sentences (Japanese and English) and pack them into section-bound chunks."""

from __future__ import annotations

import hashlib
import re

from index.clean import is_cjk
from index.models import Chunk, CleanText, Document, Section, Sentence

# Japanese sentences end at 。！？ (plus closing brackets); English ones at . ! ? before a space and
# a capital, quote or CJK character, except after a few common abbreviations and initials. Not
# before a digit: "(Nature Communications. 2014)" is one reference, not two sentences.
_JA_END = re.compile(r"[。！？!?]+[」』）)】”’]*")
_EN_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z\u3040-\u9fff])")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|etc|e\.g|i\.e|cf|al|Fig|No|Vol|Inc|Ltd|Co|Corp|U\.S|approx)"
    r"|\b[A-Z])\.$"
)
_ABBREV_REACH = 16  # longer than any _ABBREV match ("approx." is 7 characters)
_SOFT_BREAK = re.compile(r"[、，,;；：:]\s*|\s+")


def _sentence_ends(text: str) -> list[int]:
    ends = {m.end() for m in _JA_END.finditer(text)}
    for m in _EN_END.finditer(text):
        # Only the few characters before the period can be an abbreviation: search them alone
        # (searching the whole prefix made one long line quadratic).
        if not _ABBREV.search(text, max(0, m.start() - _ABBREV_REACH), m.start() + 1):
            ends.add(m.end())
    return sorted(ends)


def _split_long(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut a run longer than `limit` at the last comma or space before the limit (else hard)."""
    out = []
    while end - start > limit:
        window = text[start : start + limit]
        cuts = [m.end() for m in _SOFT_BREAK.finditer(window) if m.end() > limit // 2]
        cut = start + (cuts[-1] if cuts else limit)
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def split_sentences(clean: CleanText, max_chars: int) -> list[Sentence]:
    """Sentences never cross a unit (line, paragraph, heading, list item) and never exceed max_chars."""
    out: list[Sentence] = []
    text = clean.text
    for ustart, uend in clean.units:
        unit = text[ustart:uend]
        bounds = [0] + [e for e in _sentence_ends(unit) if 0 < e < len(unit)] + [len(unit)]
        for a, b in zip(bounds, bounds[1:]):
            while a < b and unit[a].isspace():
                a += 1
            while b > a and unit[b - 1].isspace():
                b -= 1
            if a < b:
                for s, e in _split_long(unit, a, b, max_chars):
                    s2, e2 = s, e
                    while s2 < e2 and unit[s2].isspace():
                        s2 += 1
                    while e2 > s2 and unit[e2 - 1].isspace():
                        e2 -= 1
                    if s2 < e2:
                        out.append(Sentence(ustart + s2, ustart + e2))
    return out


_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$")


def _attach_urls(clean: CleanText, sentences: list[Sentence], max_chars: int) -> list[Sentence]:
    """A line holding only a URL is the reference of the sentence before it (PDFs put it on a line
    of its own): one sentence, so a question about that statement finds its link too."""
    out: list[Sentence] = []
    for sent in sentences:
        if (
            out
            and _URL_ONLY.match(clean.text[sent.start : sent.end])
            and sent.end - out[-1].start <= max_chars
            and _same_section(clean, out[-1].start, sent.start)
        ):
            out[-1] = Sentence(out[-1].start, sent.end)
        else:
            out.append(sent)
    return out


def _same_section(clean: CleanText, a: int, b: int) -> bool:
    return _section_of(clean.sections, a) == _section_of(clean.sections, b)


def detect_language(text: str) -> str:
    """'ja' when the text is mostly Japanese script, else 'en' (the bot's two languages)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "en"
    cjk = sum(1 for c in letters if is_cjk(c))
    kana = any("\u3040" <= c <= "\u30ff" for c in letters)
    return "ja" if cjk and (kana or cjk * 2 >= len(letters)) and cjk * 5 >= len(letters) else "en"


def _section_of(sections: tuple[Section, ...], pos: int) -> Section | None:
    for s in sections:
        if s.start <= pos < max(s.end, s.start + 1):
            return s
    return None


def _page_of(doc: Document, raw_pos: int) -> int | None:
    if not doc.pages:
        return None
    page = 1
    for i, start in enumerate(doc.pages, start=1):
        if start <= raw_pos:
            page = i
    return page


def _is_heading(clean: CleanText, sent: Sentence) -> bool:
    """A bare heading (【原論文情報】 with nothing else on its line) carries no content of its own."""
    text = clean.text[sent.start : sent.end].strip("【】＜＞#<> \u3000")
    return any(s.start == sent.start and s.title and text == s.title.strip() for s in clean.sections)


def is_title(section: str) -> bool:
    """A chunk's section is a heading or the document's title line (信濃川, 【研究概要】), not the
    first sentence of a file that has no title line -- which stands in as its title."""
    text = section.strip()
    return 0 < len(text) <= 60 and not re.search(r"[。．！？!?]$|[a-z]\.$", text)


def chunk_id(source: str, version: str, index: int) -> str:
    """Version-addressed: `version` names everything the chunks depend on (content hash, chunker
    version, chunk size; see index.ingest.document_version), so a new version of a document never
    reuses an id of the old one, and the old rows can be deleted once the new ones are in."""
    return f"{hashlib.sha256(source.encode()).hexdigest()[:16]}-{version}-{index:05d}"


def chunk_document(doc: Document, clean: CleanText, chunk_chars: int, version: str | None = None) -> list[Chunk]:
    """Greedy packing of whole sentences up to chunk_chars, restarting at every section.

    `version` goes into the chunk ids (default: content hash and chunk size only)."""
    version = version or f"{doc.sha256[:16]}:{chunk_chars}"
    sentences = _attach_urls(clean, split_sentences(clean, max_chars=chunk_chars), chunk_chars)
    groups: list[list[Sentence]] = []
    current_section: Section | None = None
    for sent in sentences:
        section = _section_of(clean.sections, sent.start)
        if (
            groups
            and section == current_section
            and sent.end - groups[-1][0].start <= chunk_chars
        ):
            groups[-1].append(sent)
        else:
            groups.append([sent])
            current_section = section
    # A heading with nothing under it (【原論文情報】 followed by the next heading) is no passage.
    groups = [g for g in groups if not (len(g) == 1 and _is_heading(clean, g[0]))]
    chunks = []
    for index, group in enumerate(groups):
        cstart, cend = group[0].start, group[-1].end
        rstart, rend = clean.raw_span(cstart, cend)
        section = _section_of(clean.sections, cstart)
        text = clean.text[cstart:cend]
        chunks.append(
            Chunk(
                id=chunk_id(doc.source, version, index),
                source=doc.source,
                doc_sha256=doc.sha256,
                index=index,
                section=(section.title if section and section.title else clean.title)[:200],
                text=text,
                start=rstart,
                end=rend,
                raw=doc.text[rstart:rend],
                lang=detect_language(text),
                sentences=[
                    (s.start - cstart, s.end - cstart, *clean.raw_span(s.start, s.end)) for s in group
                ],
                page=_page_of(doc, rstart),
                page_breaks=[p for p in doc.pages if rstart < p < rend],
            )
        )
    return chunks

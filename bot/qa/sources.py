"""What the Sources list shows: each cited passage once, with its cited spans marked in a short
window of context -- shared by the terminal and Slack renderers.

The answer already quotes the spans; Sources say where they stand, with just enough text around
them to judge them, instead of printing the same long text a second time.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.models import Answer, Citation, Passage, source_label

CONTEXT_CHARS = 40  # text shown on each side of the cited spans
SPAN_HEAD, SPAN_TAIL = 28, 12  # a cited span the answer already quotes is shown by its ends


@dataclass
class SourceView:
    numbers: list[int]  # the citation numbers that point into this passage
    label: str  # "file p.N — section"
    start: int  # source offsets the cited spans cover, first to last
    end: int
    segments: list[tuple[str, bool]]  # (text, is cited) in reading order, with "…" where cut


def _ends(span: str) -> str:
    """The answer quotes the span in full; here its first and last words say which it is."""
    span = span.strip()
    return span if len(span) <= SPAN_HEAD + SPAN_TAIL + 3 else f"{span[:SPAN_HEAD]} … {span[-SPAN_TAIL:]}"


def _passage_of(c: Citation, passages: list[Passage]) -> Passage | None:
    return next((p for p in passages if p.source == c.source and p.start <= c.start and c.end <= p.end), None)


def source_views(answer: Answer) -> list[SourceView]:
    groups: dict[int, tuple[Passage | None, list[Citation]]] = {}
    for c in answer.citations:
        p = _passage_of(c, answer.passages)
        key = id(p) if p is not None else -c.n
        groups.setdefault(key, (p, []))[1].append(c)
    views = []
    for p, cites in groups.values():
        first = cites[0]
        label = source_label(first.source, first.section, first.page)
        spans = []
        text = p.quote if p is not None else ""
        for c in cites:
            at = text.find(c.quote) if text else -1
            spans.append((at, at + len(c.quote)) if at >= 0 else None)
        if p is None or any(s is None for s in spans):  # no passage to show it in: the quotes alone
            segments = [(" … ".join(c.quote.strip() for c in cites), True)]
        else:
            spans.sort()
            lo, hi = max(0, spans[0][0] - CONTEXT_CHARS), min(len(text), spans[-1][1] + CONTEXT_CHARS)
            segments, pos = [], lo
            if lo > 0:
                segments.append(("…", False))
            for a, b in spans:
                if a > pos:
                    gap = text[pos:a]
                    if pos > lo and len(gap) > 2 * CONTEXT_CHARS:
                        gap = gap[:CONTEXT_CHARS] + " … " + gap[-CONTEXT_CHARS:]
                    segments.append((gap, False))
                segments.append((_ends(text[max(a, pos) : b]), True))
                pos = max(pos, b)
            if hi > pos:
                segments.append((text[pos:hi], False))
            if hi < len(text):
                segments.append(("…", False))
            segments = [(" ".join(s.split()) if not marked else s.strip(), marked) for s, marked in segments]
        views.append(SourceView([c.n for c in cites], label, min(c.start for c in cites), max(c.end for c in cites), segments))
    return views

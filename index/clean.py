"""Turn text damaged by PDF extraction into readable text, keeping a map back to the source.

Every character of the clean text remembers the source offset it came from, so a citation
chosen on clean text can always be quoted verbatim from the source (see CleanText.raw_span).

What it repairs, all seen in real PDF exports of Japanese press releases:
- a blank line between every visual line, and sentences wrapped across lines;
- furigana set as their own short lines (落 / おち / 谷 / や …), which break names apart;
- lost bullet glyphs (private-use characters) and padded, indented lines.
Headings (【背景】, ＜お問い合わせ先＞, Markdown #) become sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from index.models import CleanText, OffsetMap, Section

_WS = " \t\r\f\v\u3000\xa0\u200b\ufeff"
_HEADING = re.compile(r"^(?:【(?P<b>[^】]{1,40})】|＜(?P<a>[^＞]{1,30})＞|#{1,6}\s+(?P<md>\S.*))")
_BULLET = re.compile(r"^(?:[•●○◆◇■□▪▫▶►◎・※★☆✓✔➢➤→]|[-*+]\s|\d{1,2}[.)．]\s|[（(]\d{1,2}[)）]|[①-⑳])")
_FURIGANA = re.compile(r"^[\u3041-\u3096\u30fc]{1,4}$")
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_SENTENCE_END = "。．！？!?.」』）)"


def squash(text: str) -> str:
    """Text with all whitespace removed: how two texts are compared for being the same words
    (PDF extraction breaks lines anywhere; a copy may be wrapped otherwise)."""
    return "".join(str(text).split())


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x3040 <= o <= 0x30FF  # kana
        or 0x3400 <= o <= 0x9FFF  # ideographs
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x3000 <= o <= 0x303F  # CJK punctuation
    )


def _is_ideograph(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or ch in "々〆ヶ"


@dataclass
class _Line:
    text: str  # stripped content of one visual line (furigana-split lines merged back)
    runs: list[tuple[int, int]]  # (offset in `text`, raw offset): text from there on is copied from raw
    blank_before: bool
    indented: bool
    heading: str | None = None
    bullet: bool = False
    url: bool = False
    cjk: bool = False  # mostly Japanese script (set by _classify)

    def pieces(self) -> Iterator[tuple[str, int]]:
        """(text, raw offset of its first character): the stretches of the line copied verbatim."""
        ends = [a for a, _ in self.runs[1:]] + [len(self.text)]
        for (a, r), b in zip(self.runs, ends):
            yield self.text[a:b], r


def _lines(raw: str) -> list[_Line]:
    out: list[_Line] = []
    pos, blank = 0, False
    for piece in raw.split("\n"):
        left = len(piece) - len(piece.lstrip(_WS))
        right = len(piece.rstrip(_WS))
        if right > left and _PRIVATE_USE.sub("", piece).strip(_WS):
            text = piece[left:right]
            out.append(_Line(text, [(0, pos + left)], blank, left > 0))
            blank = False
        else:
            blank = True
        pos += len(piece) + 1
    return out


def _drop_furigana(lines: list[_Line]) -> list[_Line]:
    """Drop reading lines and glue the name they split back into one line.

    A reading is a line of 1-4 kana between a line ending in a kanji and one starting with a kanji
    (落 / おち / 谷): a kana line ending a paragraph (報告 / した) is text, not a reading."""
    kept: list[_Line] = []
    glue = False
    for i, line in enumerate(lines):
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        if (
            kept
            and _FURIGANA.match(line.text)
            and _is_ideograph(kept[-1].text[-1])
            and following
            and _is_ideograph(following[0])
        ):
            glue = True
        elif glue:
            kept[-1].runs += [(len(kept[-1].text) + a, r) for a, r in line.runs]
            kept[-1].text += line.text
            glue = False
        else:
            kept.append(line)
    return kept


def _classify(line: _Line) -> None:
    text = _PRIVATE_USE.sub("", line.text).lstrip(_WS)
    m = _HEADING.match(text)
    if m:
        line.heading = (m.group("b") or m.group("a") or m.group("md")).strip(_WS + "#")
    line.bullet = bool(_BULLET.match(text) or _PRIVATE_USE.match(line.text))
    line.url = bool(_URL_LINE.match(text))
    line.cjk = sum(map(is_cjk, line.text)) * 2 >= len(line.text)


def _separator(a: str, b: str) -> str:
    if is_cjk(a[-1]) or is_cjk(b[0]) or a.endswith("-"):
        return ""
    return " "


def _typical_widths(lines: list[_Line]) -> dict[bool, float]:
    """90th-percentile line width per script: a line well short of it ends a paragraph.

    With fewer than 3 lines of a script there is no percentile to speak of: the longest line
    stands in, so a title over a one-line paragraph (信濃川 / 信濃川(しなのがわ)は…) stays
    a line of its own, while the two lines of a wrapped paragraph (the first the longer) join."""
    out = {}
    for cjk in (True, False):
        widths = sorted(len(ln.text) for ln in lines if ln.heading is None and ln.cjk == cjk)
        if len(widths) >= 3:
            out[cjk] = widths[int(0.9 * (len(widths) - 1))]
        else:
            out[cjk] = widths[-1] if widths else 0
    return out


def _breaks(lines: list[_Line]) -> list[bool]:
    """For each line, does it start a new unit (paragraph, heading, list item, title)?"""
    gaps = [ln.blank_before for ln in lines[1:]]
    typical = _typical_widths(lines)
    # In PDF exports every line is followed by a blank line, so blank lines say nothing; but only
    # where lines look hard-wrapped (long, often ending mid-sentence). Short lines separated by
    # blank lines (headings and one-line paragraphs) keep their breaks.
    wrapped = sum(1 for ln in lines if ln.text[-1] not in _SENTENCE_END) >= 0.3 * len(lines)
    pdf_like = bool(gaps) and sum(gaps) / len(gaps) >= 0.6 and wrapped and max(typical.values()) >= 30
    blank_means_paragraph = not pdf_like
    indents = [ln.indented for ln in lines]
    indent_means_item = sum(indents) < 0.3 * len(lines)
    out = [True]
    for a, b in zip(lines, lines[1:]):
        width = typical[a.cjk]
        if b.heading is not None or a.heading is not None or b.bullet or a.url or b.url:
            out.append(True)
        elif blank_means_paragraph and b.blank_before:
            out.append(True)
        elif indent_means_item and b.indented:
            out.append(True)
        elif not a.cjk and not b.cjk and b.text.lstrip(_WS)[:1].islower() and a.text.rstrip(_WS)[-1:] not in _SENTENCE_END:
            out.append(False)  # an English line wrapped early (a title: Promoting cancer cell dormancy / with exosomes)
        elif width >= 20 and len(a.text) < 0.75 * width and not a.text.endswith(("、", ",", "，")):
            out.append(True)  # a short line ends its paragraph, title or list item
        else:
            out.append(False)
    return out


class _Builder:
    """The clean text as pieces, and its offset map as runs (see OffsetMap): memory in proportion
    to the text, not a Python int and a one-character string per character."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.starts: list[int] = []
        self.raws: list[int] = []
        self.n = 0  # characters so far
        self.last = ""  # the last character
        self.last_origin = -1

    def add(self, text: str, origin: int) -> None:
        """Append text copied from raw[origin : origin + len(text)] (or standing for it)."""
        if not text:
            return
        if not self.starts or origin != self.last_origin + 1:
            self.starts.append(self.n)
            self.raws.append(origin)
        self.pieces.append(text)
        self.n += len(text)
        self.last, self.last_origin = text[-1], origin + len(text) - 1

    def pop(self) -> None:
        """Drop the last character."""
        piece = self.pieces.pop()[:-1]
        if piece:
            self.pieces.append(piece)
        self.n -= 1
        if self.starts[-1] == self.n:
            self.starts.pop()
            self.raws.pop()
        self.last = self.pieces[-1][-1] if self.pieces else ""
        self.last_origin = self.raws[-1] + self.n - 1 - self.starts[-1] if self.n else -1


# Inside a line, what is not copied as it is: whitespace other than one plain space, and
# private-use glyphs (lost bullets).
_IRREGULAR = re.compile(f"[{_WS}]{{2,}}|[{_WS[1:]}]|[\ue000-\uf8ff]+")


def _add_line(out: _Builder, line: _Line) -> None:
    """The line's text with runs of whitespace as one space (none after a space or line start)
    and private-use glyphs dropped."""
    for piece, origin in line.pieces():
        pos = 0
        for m in _IRREGULAR.finditer(piece):
            _add_regular(out, piece[pos : m.start()], origin + pos)
            if m.group()[0] in _WS and out.last not in ("", " ", "\n"):
                out.add(" ", origin + m.start())
            pos = m.end()
        _add_regular(out, piece[pos:], origin + pos)


def _add_regular(out: _Builder, text: str, origin: int) -> None:
    """Text of non-space characters and single spaces; no space at the start of a unit or after one."""
    if text[:1] == " " and out.last in ("", " ", "\n"):
        text, origin = text[1:], origin + 1
    out.add(text, origin)


def clean(raw: str) -> CleanText:
    lines = _drop_furigana(_lines(raw))
    for line in lines:
        _classify(line)
    out = _Builder()
    units: list[tuple[int, int]] = []
    sections: list[Section] = []
    title = ""
    for line, new_unit in zip(lines, _breaks(lines)):
        if new_unit:
            if out.n:
                units[-1] = (units[-1][0], out.n)
                out.add("\n", out.last_origin + 1)
            units.append((out.n, out.n))
            if line.heading is not None:
                if sections:
                    sections[-1] = Section(sections[-1].title, sections[-1].start, out.n - 1)
                sections.append(Section(line.heading, out.n, out.n))
            elif not sections:
                title = title or _PRIVATE_USE.sub("", line.text).strip(_WS)
                sections.append(Section("", 0, 0))
        elif out.n:
            sep = _separator(out.last, line.text)
            if sep:
                out.add(sep, out.last_origin + 1)
        _add_line(out, line)
        while out.last == " " and units and out.n > units[-1][0]:
            out.pop()
    if units:
        units[-1] = (units[-1][0], out.n)
    if sections:
        sections[-1] = Section(sections[-1].title, sections[-1].start, out.n)
    origin = OffsetMap(out.starts, out.raws, out.n)
    return CleanText("".join(out.pieces), origin, tuple(sections), tuple(units), title)

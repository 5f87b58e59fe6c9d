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
from dataclasses import dataclass

from index.models import CleanText, Section

_WS = " \t\r\f\v\u3000\xa0\u200b\ufeff"
_HEADING = re.compile(r"^(?:【(?P<b>[^】]{1,40})】|＜(?P<a>[^＞]{1,30})＞|#{1,6}\s+(?P<md>\S.*))")
_BULLET = re.compile(r"^(?:[•●○◆◇■□▪▫▶►◎・※★☆✓✔➢➤→]|[-*+]\s|\d{1,2}[.)．]\s|[（(]\d{1,2}[)）]|[①-⑳])")
_FURIGANA = re.compile(r"^[\u3041-\u3096\u30fc]{1,4}$")
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_SENTENCE_END = "。．！？!?.」』）)"


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
    origin: list[int]  # raw offset of each character of `text`
    blank_before: bool
    indented: bool
    heading: str | None = None
    bullet: bool = False
    url: bool = False

    @property
    def cjk(self) -> bool:
        return sum(map(is_cjk, self.text)) * 2 >= len(self.text)


def _lines(raw: str) -> list[_Line]:
    out: list[_Line] = []
    pos, blank = 0, False
    for piece in raw.split("\n"):
        left = len(piece) - len(piece.lstrip(_WS))
        right = len(piece.rstrip(_WS))
        if right > left and _PRIVATE_USE.sub("", piece).strip(_WS):
            text = piece[left:right]
            out.append(_Line(text, list(range(pos + left, pos + right)), blank, left > 0))
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
            kept[-1].text += line.text
            kept[-1].origin += line.origin
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
        elif width >= 20 and len(a.text) < 0.75 * width and not a.text.endswith(("、", ",", "，")):
            out.append(True)  # a short line ends its paragraph, title or list item
        else:
            out.append(False)
    return out


def clean(raw: str) -> CleanText:
    lines = _drop_furigana(_lines(raw))
    for line in lines:
        _classify(line)
    chars: list[str] = []
    origin: list[int] = []
    units: list[tuple[int, int]] = []
    sections: list[Section] = []
    title = ""
    for line, new_unit in zip(lines, _breaks(lines)):
        if new_unit:
            if chars:
                units[-1] = (units[-1][0], len(chars))
                chars.append("\n")
                origin.append(origin[-1] + 1)
            units.append((len(chars), len(chars)))
            if line.heading is not None:
                if sections:
                    sections[-1] = Section(sections[-1].title, sections[-1].start, len(chars) - 1)
                sections.append(Section(line.heading, len(chars), len(chars)))
            elif not sections:
                title = title or _PRIVATE_USE.sub("", line.text).strip(_WS)
                sections.append(Section("", 0, 0))
        elif chars:
            sep = _separator(chars[-1], line.text)
            if sep:
                chars.append(sep)
                origin.append(origin[-1] + 1)
        prev_space = not chars or chars[-1] in " \n"
        for ch, i in zip(line.text, line.origin):
            if _PRIVATE_USE.match(ch):
                continue
            if ch in _WS or ch == " ":
                if prev_space:
                    continue
                ch, prev_space = " ", True
            else:
                prev_space = False
            chars.append(ch)
            origin.append(i)
        while chars and chars[-1] == " " and units and len(chars) > units[-1][0]:
            chars.pop()
            origin.pop()
    if units:
        units[-1] = (units[-1][0], len(chars))
    if sections:
        sections[-1] = Section(sections[-1].title, sections[-1].start, len(chars))
    text = "".join(chars)
    return CleanText(text, tuple(origin), tuple(sections), tuple(units), title)

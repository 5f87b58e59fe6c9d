"""Numbers however they are written -- digits, English number words, kanji numerals -- as one
vocabulary: the checks that find a quantity in a passage and the ones that excuse a number from
being a missing thing must agree on what a number is."""

from __future__ import annotations

import re

WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    " eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion"
    " dozen hundreds thousands millions billions dozens".split()
)
KANJI_DIGITS = "〇一二三四五六七八九十百千万億兆"
# Digits (with separators and decimals, half- or full-width) or a run of kanji numerals.
NUMERAL = re.compile(r"[0-9０-９][0-9０-９,.，．]*|[" + KANJI_DIGITS + "]+")
_KANJI_NUMBER = re.compile("[" + KANJI_DIGITS + "]+")
# An English number word, or a vague Japanese count (半数, 数十, 数百人).
WORD = re.compile(r"\b(" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")\b", re.I)
VAGUE_JA = re.compile(r"半数|[数何][十百千万]")


def is_number_word(word: str) -> bool:
    """A number said in words (fifteen, dozens, 半数): unlike digits (11 of 11月), it names no
    particular event or date."""
    return bool(WORD.fullmatch(word) or VAGUE_JA.fullmatch(word))


def is_number(word: str) -> bool:
    """A word (a question's concept: surface English, or m:<lemma>) that is a number."""
    word = word.removeprefix("m:")
    return word.isdigit() or is_number_word(word) or bool(_KANJI_NUMBER.fullmatch(word))

"""Japanese-aware tokens for BM25: MeCab (fugashi + UniDic) lemmas of content words, CJK character
bigrams, and stemmed English words.

Lemmas make がん/癌 and 効き/効く meet; bigrams catch compounds and names the dictionary splits
differently; English words are lower-cased and stemmed. Tokens are computed once at ingest and
stored with each chunk, so a query process only tokenizes the question.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CJK_RUN = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u9fff\uf900-\ufaff々〆ヶ]+")
_WORD = re.compile(r"[0-9a-z]+(?:[.'][0-9a-z]+)*")
_CONTENT_POS = {"名詞", "動詞", "形容詞", "形状詞", "副詞", "代名詞", "接頭辞", "連体詞"}
_LIGHT_VERBS = {"為る", "居る", "有る", "成る", "出来る", "言う", "事", "物", "其の", "此の", "様"}
_HIRAGANA_ONLY = re.compile(r"^[\u3041-\u3096ー]{1,2}$")


@lru_cache(maxsize=1)
def _tagger():
    import fugashi

    return fugashi.Tagger()


@lru_cache(maxsize=1)
def _english():
    import Stemmer
    from bm25s.stopwords import STOPWORDS_EN

    return Stemmer.Stemmer("english"), frozenset(STOPWORDS_EN)


def _normalize(text: str) -> str:
    # NFKC folds full-width letters and digits (ＡＢＣ１２３ -> ABC123) and half-width kana.
    return unicodedata.normalize("NFKC", text).lower()


def lemma_of(word) -> str:
    """A tagged word's lemma as its morpheme token holds it (m:<lemma>): UniDic's lemma, without the
    English it marks loanwords with ("エクソソーム-exosome")."""
    lemma = word.feature.lemma or word.surface
    if "-" in lemma and not lemma.startswith("-"):
        lemma = lemma.split("-")[0]
    return lemma


def _morphemes(text: str) -> list[str]:
    out = []
    for word in _tagger()(text):
        if word.feature.pos1 not in _CONTENT_POS:
            continue
        lemma = lemma_of(word)
        if lemma in _LIGHT_VERBS or _HIRAGANA_ONLY.match(lemma) or not _CJK_RUN.search(lemma):
            continue
        out.append(lemma)
    return out


def morphemes_with_pos(text: str) -> list[tuple[str, tuple[str, str]]]:
    """(surface, (pos2, pos3)) of each morpheme: lets the responder spot person names (人名)."""
    return [(w.surface, (w.feature.pos2, w.feature.pos3)) for w in _tagger()(text)]


_KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff々]")


@lru_cache(maxsize=65536)
def name_reading(token: str) -> str | None:
    """The katakana reading of a morpheme token (m:瑞巌 -> ズイガン) when it is a proper noun written
    in kanji, else None. UniDic gives many names a katakana lemma (m:カスガ), which a romanised
    name's reading meets as it is; a name whose lemma is its kanji (瑞巌 of 瑞巌寺) is met only
    through this reading (the lexical index keeps it: index.bm25 LexicalIndex.heard)."""
    lemma = token[2:] if token.startswith("m:") else ""
    if not _KANJI.search(lemma):
        return None
    words = list(_tagger()(lemma))
    if len(words) != 1 or words[0].feature.pos2 != "固有名詞":
        return None
    return words[0].feature.kana or None


def _bigrams(text: str) -> list[str]:
    out = []
    for run in _CJK_RUN.findall(text):
        if len(run) == 1:
            out.append(run)
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


# What a word of a question is made of: a bigram across a particle or an auxiliary (のは, るの, の細
# of 周囲の細胞, です) is no evidence of anything asked.
_WORD_POS = {"名詞", "動詞", "形容詞", "形状詞", "副詞", "接頭辞", "接尾辞"}


@lru_cache(maxsize=4096)
def content_bigrams(text: str) -> frozenset[str]:
    """The character bigrams of a text's runs of content words (骨髄中 of 骨髄 + 中), none that
    reach into a particle, an auxiliary, a light verb (している) or a pronoun/determiner (どの)."""
    runs, run = [], ""
    for word in _tagger()(_normalize(text)):
        if word.feature.pos1 in _WORD_POS and lemma_of(word) not in _LIGHT_VERBS:
            run += word.surface
        else:
            runs.append(run)
            run = ""
    runs.append(run)
    return frozenset(b for r in runs if r for b in _bigrams(r))


def _english_words(text: str) -> list[str]:
    stemmer, stop = _english()
    words = [w for w in _WORD.findall(text) if w not in stop]
    return stemmer.stemWords(words)


def english_stems(words: list[str]) -> list[str | None]:
    """Each word's stem as the index stores it, one to one (None for a stop word): many at once."""
    stemmer, stop = _english()
    low = [_normalize(w) for w in words]
    return [None if w in stop else s for w, s in zip(low, stemmer.stemWords(low))]


def english_tokens(text: str) -> list[str]:
    """Stemmed English words of a text, as the index stores them (for dictionary glosses)."""
    return _english_words(_normalize(text))


def tokenize(text: str) -> list[str]:
    return list(_tokenize_cached(text)) if len(text) <= 300 else _tokenize(text)


@lru_cache(maxsize=4096)
def _tokenize_cached(text: str) -> tuple[str, ...]:
    """Questions are tokenized by retrieval and by answer scoring: once is enough."""
    return tuple(_tokenize(text))


def _tokenize(text: str) -> list[str]:
    text = _normalize(text)
    tokens = _english_words(text)
    if _CJK_RUN.search(text):
        tokens += ["m:" + t for t in _morphemes(text)]
        tokens += _bigrams(text)
    return tokens

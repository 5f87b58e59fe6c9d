"""Key-term glossary for an English reader of a Japanese answer, from the same dictionary (JMdict)
that translates questions. Dictionary glosses, labelled as such: not a translation of the answer.

Terms come from the cited text: first those through which the text answers the question's own
words (the question said "dormancy", the text says 休眠), then the text's other rarest content
words. Compounds are looked up whole before their parts (間葉系幹細胞 before 細胞).
"""

from __future__ import annotations

import re
from math import log

from bot.models import GlossEntry
from bot.query import Query

MAX_TERMS = 8
_NOUNISH = {"名詞", "接頭辞", "接尾辞"}
_CONTENT = {"名詞", "動詞", "形容詞", "形状詞"}
_HIRAGANA = re.compile(r"^[\u3041-\u309f]+$")


def _dictionary():
    try:
        from index import dictionary
    except ImportError:  # pragma: no cover
        return None
    return dictionary


def _terms(text: str) -> list[tuple[str, str]]:
    """(surface, lemma) of content words, compounds of adjacent nouns first."""
    from index.lexical import _tagger

    words = list(_tagger()(text))
    out: list[tuple[str, str]] = []
    run: list = []

    def flush() -> None:
        if len(run) > 1:
            out.append(("".join(w.surface for w in run), "".join(w.surface for w in run)))
        run.clear()

    for w in words:
        f = w.feature
        if f.pos1 in _NOUNISH and f.pos2 not in ("数詞", "固有名詞"):
            run.append(w)
        else:
            flush()
        if _HIRAGANA.match(w.surface):
            continue  # もの, こと: glossing function-like words helps no one
        if f.pos1 in _CONTENT and f.pos2 not in ("数詞", "非自立可能", "固有名詞"):
            lemma = (f.lemma or w.surface).split("-")[0]
            out.append((w.surface, lemma))
    flush()
    return out


def build_glossary(query: Query, texts: list[str], df: dict[str, int], n_docs: int, limit: int = MAX_TERMS) -> list[GlossEntry]:
    d = _dictionary()
    if d is None:
        return []
    asked = {a.term for c in query.concepts for a in c.alternatives}
    asked_tokens = {t for c in query.concepts for a in c.alternatives[1:] for t in a.tokens}
    found: dict[str, tuple[float, GlossEntry]] = {}
    for text in texts:
        for order, (surface, lemma) in enumerate(_terms(text)):
            if surface in found or len(surface) < 2 and not (0x4E00 <= ord(surface[0]) <= 0x9FFF):
                continue
            gloss = d.ja_to_en(surface) or (d.ja_to_en(lemma) if lemma != surface else None)
            if gloss is None or not gloss.en:
                continue
            term = surface if d.ja_to_en(surface) else lemma
            if term in found:
                continue
            key = "m:" + lemma
            rarity = log(1 + (n_docs + 0.5) / (df.get(key, 0) + 0.5)) if n_docs else 0.0
            answers = term in asked or surface in asked or key in asked_tokens
            score = (100.0 if answers else 0.0) + rarity + 0.1 * len(term) - 0.001 * order
            found[term] = (score, GlossEntry(term=term, reading=gloss.reading, en=list(gloss.en[:3])))
    ranked = sorted(found.values(), key=lambda x: -x[0])
    return [entry for _, entry in ranked[:limit]]

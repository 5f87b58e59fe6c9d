"""Key-term glossary for an English reader of a Japanese answer, from the same dictionary (JMdict)
that translates questions. Dictionary glosses, labelled as such: not a translation of the answer.

Terms come from the cited text: first those through which the text answers the question's own
words (the question said "dormancy", the text says 休眠), then the full names of people and places
JMnedict knows (宮城道雄: Miyagi Michio -- often the answer itself, unreadable to an English reader
otherwise), then the words several cited texts share (what a findings answer's lead and key points
are about: 再発, 転移), then the text's other rarest content words. Compounds are looked up whole before their
parts (間葉系幹細胞 before 細胞); a name only whole (a lone surname's gloss is a guess: 小野 "field").
"""

from __future__ import annotations

import re
from collections import Counter
from math import log

from bot.models import GlossEntry
from bot.qa.query import Query

MAX_TERMS = 8
EXTRA_TERMS = 3  # rare terms of the cited text beyond those that answer the question's words
NAME_TERMS = 3  # full names of the cited text
SHARED_BONUS = 10.0  # a term two cited texts share ranks above the texts' other rare terms
_NOUNISH = {"名詞", "接頭辞", "接尾辞"}
_CONTENT = {"名詞", "動詞", "形容詞", "形状詞"}
_HIRAGANA = re.compile(r"^[\u3041-\u309f]+$")
_KANJI_WORD = re.compile(r"^[\u3400-\u9fff々]{2,}$")


def _short(gloss: str) -> str:
    """'cell (in an organization, esp. a communist party)' -> 'cell': the sense, not the note."""
    return re.sub(r"\s*\([^)]*\)", "", gloss).strip() or gloss


def _dictionary():
    try:
        from index import dictionary
    except ImportError:  # pragma: no cover
        return None
    return dictionary


def _names(text: str) -> list[str]:
    """Runs of two or more proper-noun morphemes: a full name (宮城+道雄, 種子島+宇宙センター)."""
    from index.lexical import _tagger

    out: list[str] = []
    run: list[str] = []
    for w in [*_tagger()(text), None]:
        if w is not None and w.feature.pos2 == "固有名詞":
            run.append(w.surface)
            continue
        if len(run) >= 2:
            out.append("".join(run))
        run = []
    return list(dict.fromkeys(out))


def _terms(text: str) -> list[tuple[str, str]]:
    """(surface, lemma) of content words, compounds of adjacent nouns first."""
    from index.lexical import _tagger

    words = list(_tagger()(text))
    out: list[tuple[str, str]] = []
    run: list = []

    def flush() -> None:
        # A compound, then its longest parts (間葉系幹細胞 -> 幹細胞, 間葉系): JMdict lacks most
        # long compounds of a technical text but has their parts.
        n = len(run)
        for size in range(n, 1, -1):
            for i in range(n - size + 1):
                part = "".join(w.surface for w in run[i : i + size])
                out.append((part, part))
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
    # A whole alternative, not a token of a longer one: 'induce' -> 結果を招く must not make 結果 asked.
    asked_tokens = {m[0] for c in query.concepts for a in c.alternatives[1:] if len(m := [t for t in a.tokens if t.startswith("m:")]) == 1}
    found: dict[str, tuple[float, GlossEntry]] = {}
    names: dict[str, GlossEntry] = {}
    # A term several cited texts share is what they are about (the lead and the key points of a
    # findings answer both say 休眠, 骨髄, 間葉系幹細胞): it goes before the texts' merely rare terms.
    terms_of = [_terms(text) for text in texts]  # (one analysis per text, read twice)
    shared = {t for t, n in Counter(t for terms in terms_of for t in {surface for surface, _ in terms}).items() if n > 1} \
        if len(texts) > 1 else set()
    for text, terms in zip(texts, terms_of):
        for name in _names(text):
            gloss = d.ja_to_en(name)
            if gloss and gloss.en and name not in names and len(names) < NAME_TERMS:
                names[name] = GlossEntry(term=name, reading=gloss.reading, en=[re.sub(r"\s+,", ",", _short(gloss.en[0]))])
        for order, (surface, lemma) in enumerate(terms):
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
            common = surface in shared and _KANJI_WORD.match(term) is not None
            score = (100.0 if answers else 0.0) + (SHARED_BONUS if common else 0.0) + rarity + 0.1 * len(term) - 0.001 * order
            if not answers and not common and (not _KANJI_WORD.match(term) or df.get(key, 0) > max(2, n_docs // 20)):
                continue  # beyond what the question asked: only the text's rare kanji terms
            found[term] = (score, GlossEntry(term=term, reading=gloss.reading, en=list(dict.fromkeys(_short(e) for e in gloss.en[:3]))))
    ranked = sorted(found.values(), key=lambda x: -x[0])
    asked_first = [entry for score, entry in ranked if score >= 100.0]
    asked_terms = {e.term for e in asked_first}
    n_shared = sum(1 for score, _ in ranked if SHARED_BONUS <= score < 100.0)
    others: list[GlossEntry] = []
    for score, entry in ranked:
        if score >= 100.0 or entry.term in names:
            continue
        if any(entry.term in e.term for e in asked_first + others):
            continue  # 期間 beside 長期間, 一般 beside 一般的: the part says less than the word already glossed
        others.append(entry)
    others = others[:EXTRA_TERMS + n_shared]
    return (asked_first + [n for n in names.values() if n.term not in asked_terms] + others)[:limit]

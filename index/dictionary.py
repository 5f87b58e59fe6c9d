"""A bilingual (English <-> Japanese) dictionary for cross-language retrieval and glossaries.

An English question has to find Japanese documents: its words are looked up here (en_to_ja) and
the Japanese headwords join the lexical query. Japanese terms get a reading and English glosses
(ja_to_en) for glossaries. Loanwords that JMdict lacks (exosome, microRNA) get a katakana guess
from e2k, a small character-to-katakana model that ships its weights (katakana); katakana
loanwords it lacks (リラプス) are heard as English words (heard_english) the other way.

The source is JMdict and JMnedict (EDRDG, CC BY-SA 4.0) as the jamdict-data package ships them:
a 311 MB SQLite file that is slow to search by gloss. A compact reverse index of our own is derived
from it once, at `make install` (`python -m index.dictionary build`), into
`sys.prefix/share/qabot/` under a name that changes with the source, or on first use if missing.
Opening it costs nothing and a lookup is a single indexed read. The derived index is
share-alike (CC BY-SA 4.0), like its source. Without jamdict-data every lookup returns nothing,
after one warning. QABOT_DICTIONARY names another index path, or `off` to disable the dictionary.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import re
import sqlite3
import sys
import threading
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT = 8  # bump when the build below changes: the index file name follows it
TOP = 8  # candidates kept per English key
_GLOSSES = 7  # English glosses kept per Japanese term
_NAME = "@"  # names' keys are marked: they are folded (Kyouto -> kyoto), words' keys are not


@dataclass(frozen=True)
class Gloss:
    """A Japanese term, its reading in kana, and its first English glosses (commonest sense first)."""

    term: str
    reading: str
    en: tuple[str, ...]


# ---------------------------------------------------------------------------------------------
# English normalisation, shared by the build (glosses) and the lookups (questions): both sides
# must turn "Bone-marrow", "bone marrow" and "bone marrow (anatomy)" into the same key.

_PAREN = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STOP = frozenset(
    "a an the of to in on at for by with from and or as is are be been being it its this that these those "
    "which who whom what not no than so such very one one's oneself someone something somebody someone's "
    "sth sb etc esp eg ie i e g s usu orig approx incl".split()  # JMdict's abbreviations (usu. = usually)
)
_ARTICLES = ("a", "an", "the")


def _fold(text: str) -> str:
    """Lower case without accents: "Tōkyō" and "tokyo" are one key."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _words(text: str) -> list[str]:
    words = [w[:-2] if w.endswith("'s") else w for w in _TOKEN.findall(_fold(text).replace("-", " "))]
    return [w for w in words if w]


def _strip_parens(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _PAREN.sub(" ", text)
    return text


def normalize(key: str) -> str:
    """The lookup form of an English word or phrase: lower case, no accents, parentheticals,
    leading article or infinitive "to"."""
    words = _words(_strip_parens(key))
    if len(words) > 1 and words[0] in ("to", *_ARTICLES):
        words = words[1:]
    return " ".join(words)


def _name_fold(key: str) -> str:
    """JMnedict spells long vowels out (Kyouto, Oosaka, Shougun); questions do not (Kyoto)."""
    return re.sub(r"ou|oo|uu", lambda m: m.group(0)[0], key)


def _inflection_rules(word: str) -> list[str]:
    """Dictionary forms of a word the lemma table does not know (exosomes -> exosome), most likely
    first: plural and -ed/-ing endings only."""
    out: list[str] = []

    def add(form: str) -> None:
        if len(form) >= 3 and form != word and form not in out:
            out.append(form)

    if word.endswith("ies") and len(word) > 4:
        add(word[:-3] + "y")
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        add(word[:-2])
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        add(word[:-1])
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                add(stem[:-1])  # stopped -> stop
            add(stem)
            add(stem + "e")
    return out


# Derivational relatives, for words whose JMdict gloss is another part of speech: the verb
# "secrete" is glossed only as the noun "secretion" (分泌), "dormant" and "dormancy" sit on
# different entries (休眠, 潜在). Discounted: a relative is a weaker match than the word.
_DERIVATIONS = (
    ("ancy", "ant"), ("ency", "ent"), ("ance", "ant"), ("ence", "ent"),
    ("ant", "ancy"), ("ant", "ance"), ("ent", "ence"), ("ent", "ency"),
    ("ize", "ization"), ("ise", "isation"), ("ify", "ification"), ("e", "ion"), ("", "ion"), ("", "ment"),
    ("ization", "ize"), ("isation", "ise"), ("ification", "ify"), ("ion", "e"), ("ion", ""), ("ment", ""),
    ("e", "ing"), ("", "ing"),  # found -> founding (設立), fund -> funding
)


def _derivations(word: str) -> list[str]:
    out = []
    for old, new in _DERIVATIONS:
        if word.endswith(old) and len(word) - len(old) >= 3:
            form = word[: len(word) - len(old)] + new
            if form != word and form not in out:
                out.append(form)
    return out


# ---------------------------------------------------------------------------------------------
# Where the index lives, and the state a process keeps about it.


def _source() -> Path | None:
    """jamdict-data's SQLite file, or None when the package is not installed."""
    try:
        import jamdict_data
    except ImportError:
        return None
    path = Path(jamdict_data.JAMDICT_DB_PATH)
    return path if path.exists() else None


def _index_name() -> str:
    """Named by what it is built from, without reading it (an image may drop the 311 MB source
    once the index is built): a new jamdict-data, lemminflect or build format gets a new file."""
    from importlib.metadata import PackageNotFoundError, version

    releases = []
    for package in ("jamdict-data", "lemminflect"):
        try:
            releases.append(version(package))
        except PackageNotFoundError:
            releases.append("-")
    digest = hashlib.sha256(f"{FORMAT}:{releases}".encode()).hexdigest()[:12]
    return f"jmdict-{digest}.sqlite"


def _default_path() -> Path:
    """sys.prefix/share/qabot (where `make install` builds it), else the user's cache directory
    when the prefix is read-only (a system-wide install)."""
    name = _index_name()
    shared = Path(sys.prefix) / "share" / "qabot" / name
    try:
        shared.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    if shared.exists() or os.access(shared.parent, os.W_OK):
        return shared
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qabot" / name


class _State:
    """Per process: the index path once resolved (None: no dictionary), and one read-only SQLite
    connection per thread (sqlite3 connections must not be shared between threads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.path: Path | None = None
        self.resolved = False
        self.generation = 0
        self.local = threading.local()
        self.setting: str | None = None  # QABOT_DICTIONARY from qabot's settings (None: the environment's)


_state = _State()


def index_path() -> Path | None:
    """The built index, building it on first use if needed; None (after one warning) when the
    dictionary is off, jamdict-data is missing or the index cannot be built. Resolved once per
    process."""
    if _state.resolved:
        return _state.path
    with _state.lock:
        if not _state.resolved:
            _state.path = _resolve()
            _state.resolved = True
    return _state.path


def configure(setting: str | None) -> None:
    """Use this QABOT_DICTIONARY value (from qabot's settings, which read .env too) instead of the
    process environment: a path, "off", or None/"" for the default index."""
    if setting != _state.setting:
        _state.setting = setting
        _reset()


def _resolve() -> Path | None:
    setting = (_state.setting if _state.setting is not None else os.environ.get("QABOT_DICTIONARY", "")).strip()
    if setting.lower() in ("off", "0", "none", "false"):
        return None
    target = Path(setting).expanduser() if setting else _default_path()
    if target.exists():
        return _checked(target)
    if _source() is None:
        log.warning("qabot: jamdict-data is not installed, so no dictionary translations (pip install jamdict-data)")
        return None
    try:
        return build(target)
    except Exception as e:  # an unwritable or invalid path: degrade, never fail a question
        log.warning("qabot: no dictionary index at %s (%s: %s); no dictionary translations", target, type(e).__name__, e)
        return None


def _checked(path: Path) -> Path | None:
    """The index if it is one this code can read: not a stray file, nor one of an older format."""
    try:
        with sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except sqlite3.Error as e:
        row = None
        log.debug("unreadable dictionary index %s: %s", path, e)
    if row is None or row[0] != str(FORMAT):
        log.warning("qabot: %s is not a dictionary index of format %s (python -m index.dictionary build --force); "
                    "no dictionary translations", path, FORMAT)
        return None
    return path


def _connection() -> sqlite3.Connection | None:
    local = _state.local
    if getattr(local, "generation", None) != _state.generation:
        local.conn, local.generation = None, _state.generation
        path = index_path()
        if path is not None:
            # immutable: no locking or change checks; the file is replaced, never edited, by a build
            local.conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    return local.conn


def _reset() -> None:
    """Forget the resolved index and cached lookups (tests; after QABOT_DICTIONARY changes)."""
    with _state.lock:
        _state.resolved, _state.path = False, None
        _state.generation += 1
    for cached in CACHES:
        cached.cache_clear()


# ---------------------------------------------------------------------------------------------
# Lookups.


@lru_cache(maxsize=65536)
def _en_rows(key: str) -> tuple[tuple[str, float], ...]:
    conn = _connection()
    if conn is None or not key:
        return ()
    return tuple(conn.execute("SELECT term, weight FROM en WHERE key = ? ORDER BY weight DESC", (key,)).fetchall())


@lru_cache(maxsize=65536)
def _lemma_rows(word: str) -> tuple[str, ...] | None:
    """The dictionary forms of an inflected word (secreted -> secrete, mice -> mouse); the word
    itself among them when it is also a base form (born: adjective, and the verb bear). None when
    the lemma table does not know the word."""
    conn = _connection()
    if conn is None:
        return None
    row = conn.execute("SELECT lemmas FROM lemma WHERE form = ?", (word,)).fetchone()
    return tuple(row[0].split(" ")) if row else None


@lru_cache(maxsize=65536)
def is_gloss(word: str) -> bool:
    """An English word JMdict glosses (museum, falls, Japan), as opposed to one only JMnedict's
    names or a reading know (Yakushiji, Zenkoji): a capitalised gloss may be a common noun."""
    key = normalize(word)
    return bool(key) and any(_en_rows(form) for form in (key, *(_lemma_rows(key) or ())))


def lemmas(word: str) -> tuple[str, ...] | None:
    """An English word's dictionary forms (buses -> bus); None when the lemma table lacks it."""
    return _lemma_rows(word.lower())


# British spellings JMdict's (American) glosses lack: randomised, paediatric, analyse, oestrogen
# and haematopoietic had no translation or a poorer one. The American form is read too; a form
# that is no gloss adds nothing, so the rules may overreach (promise -> promize).
_AMERICAN = [
    (re.compile(r"(?<=[a-z])ae(?=[^aeiou])"), "e"),  # haem, paed, anaemia, leukaemia, gynaecology
    (re.compile(r"^oe|(?<=f)oe(?=t)"), "e"),  # oestrogen, oedema, foetus
    (re.compile(r"oea$"), "ea"),  # diarrhoea
    (re.compile(r"(?<=[a-z]{2})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),  # randomised, characterise
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),  # analyse
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|ite|ites|able)?$"), r"or\1"),  # tumour, behaviour (not four, hour)
    (re.compile(r"(?<=[tb])re(s|d)?$"), r"er\1"),  # centre, fibre, litres
    (re.compile(r"mme(s)?$"), r"m\1"),  # programme
    (re.compile(r"ogue(s)?$"), r"og\1"),  # catalogue, analogue
    (re.compile(r"(?<=e)ll(ed|ing|er|ers)$"), r"l\1"),  # modelled, travelling
    (re.compile(r"^(lic|def|off|pret)ence$"), r"\1ense"),
]


def _american(key: str) -> str:
    """The key's last word in American spelling (_AMERICAN); the key itself when nothing applies."""
    head, _, last = key.rpartition(" ")
    for pattern, repl in _AMERICAN:
        last = pattern.sub(repl, last)
    return (head + " " if head else "") + last


def _expansions(key: str) -> list[tuple[str, float]]:
    """The keys to read for a lookup key, each with its discount: the key itself; its last word's
    dictionary forms (0.95, or 0.3 when the word is a base form itself: born is rarely about bears);
    their derivational relatives (x0.5); names, stored apart under their long-vowel folding
    (Kyoto/Kyouto) so that "found" does not become the name "Fond"."""
    head, _, last = key.rpartition(" ")
    prefix = head + " " if head else ""
    lemmas = _lemma_rows(last)
    if lemmas is not None:
        factor = 0.3 if last in lemmas else 0.95
        forms = [(lemma, factor) for lemma in lemmas if lemma != last]
    elif not _en_rows(key):
        forms = [(form, 0.9) for form in _inflection_rules(last)]
    else:
        forms = []
    out = {key: 1.0}
    for form, factor in forms:
        out.setdefault(prefix + form, factor)
    for form, factor in [(last, 1.0), *forms]:
        for relative in _derivations(form):
            out.setdefault(prefix + relative, factor * 0.5)
    out.setdefault(_NAME + _name_fold(key), 1.0)
    out.setdefault(_NAME + _name_fold(key.replace(" ", "")), 1.0)  # Enryakuji / Enryaku-ji, Ki-in / Kiin
    if (american := _american(key)) != key:  # ... as a word, never as a name (Maeda is no Meda)
        for form, factor in _expansions(american):
            if not form.startswith(_NAME):
                out.setdefault(form, factor)
    return list(out.items())


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def insertions(word: str) -> set[str]:
    """Every string one inserted letter away: the word as typed with a letter left out (papr)."""
    return {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in _ALPHABET}


def one_edit(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away (Norvig's edits1)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in _ALPHABET} | insertions(word))


@lru_cache(maxsize=4096)
def respelled(word: str) -> str | None:
    """The English word a misspelt one was meant as (publshed -> published, jounral -> journal): for
    a word the dictionary cannot translate (even through its inflections and derivations) and the
    lemma table does not know, the known word one edit away -- a JMdict gloss or a form in the
    lemma table -- the one JMdict glosses most strongly when several are. None for a known word,
    a word under four letters or not in lower-case letters (a name), or when nothing is that near."""
    conn = _connection()
    if conn is None or len(word) < 4 or not (word.isascii() and word.isalpha() and word.islower()):
        return None
    if _lemma_rows(word) is not None or _en_to_ja(word, 1) or _able(word):
        return None  # known: as it is, or through its inflections and derivations (secrete: secretion)
    # a four-letter word is too near too many: only a letter left out, and only one way (papr: paper)
    near = sorted(one_edit(word) if len(word) >= 5 else insertions(word))
    marks = ",".join("?" * len(near))
    known = {k for (k,) in conn.execute(f"SELECT DISTINCT key FROM en WHERE key IN ({marks})", near)}
    known |= {k for (k,) in conn.execute(f"SELECT form FROM lemma WHERE form IN ({marks})", near)}

    def strength(k: str) -> float:
        return max((w for form in (k, *(_lemma_rows(k) or ())) for _, w in _en_rows(form)), default=0.0)

    if len(word) < 5:  # ... and only one common word (papvr, an abbreviation, is not one)
        known = {k for k in known if strength(k) >= 1.0}
        if len(known) != 1:
            return None
    # one mistypes a word's first letter least: a candidate that keeps it goes first
    return max(sorted(known), key=lambda k: (k[0] == word[0], strength(k)), default=None)


def _able(word: str) -> bool:
    """A word made of a known one with -able or -ible (druggable: drug, targetable: target) is
    no misspelling, though JMdict glosses neither: "druggable" is not "draggable"."""
    if not re.fullmatch(r"[a-z]{3,}[ai]ble", word):
        return False
    stem = word[: -4]
    forms = {stem, stem + "e", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem}
    return any(_en_rows(f) or _lemma_rows(f) is not None for f in forms)


def en_to_ja(key: str, limit: int = 6) -> list[tuple[str, float]]:
    """Japanese headwords for an English word or phrase, best first, weights scaled so the best is
    1.0: "dormancy" -> [("潜在", 1.0), ..., ("休眠", ...)], "bone marrow" -> [("骨髄", 1.0), ...].

    Glosses are dictionary forms, so inflected words are also read as their lemmas (patients ->
    patient, secreted -> secrete -> secretion), at a discount. Empty when nothing matches."""
    return list(_en_to_ja(normalize(key), limit))


# Only adjectives: "japanese" is glossed 日本語, 日本人, 日本側, and is no 日本 of its own.
_ADJECTIVE = re.compile(r"(?:ic|al|ive|ous|ary|ory)$")
_KANJI2 = re.compile(r"^[\u4e00-\u9fff]{2}")


def _shared_stem(ranked: list[tuple[str, float]]) -> tuple[str, float] | None:
    """An adjective glossed only inside compounds (diagnostic: 診断プログラム, 診断薬, 診断検査 --
    never 診断 alone): the two-kanji word most of its best translations open with is what it means."""
    heads: dict[str, list[float]] = {}
    for term, weight in ranked:
        if (m := _KANJI2.match(term)) and len(term) > 2:
            heads.setdefault(m.group(0), []).append(weight)
    if not heads:
        return None
    head, weights = max(heads.items(), key=lambda kv: (len(kv[1]), max(kv[1])))
    if len(weights) < 3 or head in dict(ranked) or ja_to_en(head) is None:
        return None
    return head, max(weights)


@lru_cache(maxsize=65536)
def _en_to_ja(key: str, limit: int) -> tuple[tuple[str, float], ...]:
    if not key:
        return ()
    best: dict[str, float] = {}
    for candidate, factor in _expansions(key):
        for term, weight in _en_rows(candidate):
            if weight * factor > best.get(term, 0.0):
                best[term] = weight * factor
    if not best:
        return ()
    ordered = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    ranked = ordered[:limit]
    if _ADJECTIVE.search(key) and (stem := _shared_stem(ordered[:8])):
        # (tuning sets: one false abstention and one near miss fewer, nothing else moved)
        ranked = sorted(ranked[: limit - 1] + [stem], key=lambda item: (-item[1], item[0]))
    top = ranked[0][1]
    return tuple((term, round(weight / top, 3)) for term, weight in ranked)


_ALL_KATAKANA = re.compile(r"^[\u30a0-\u30ff]+$")


def translate_en(words: list[str], limit: int = 6) -> list[list[tuple[str, float]]]:
    """Japanese candidates for each English word or phrase, for a query: en_to_ja, except that
    function words get none (the -> その is noise in a query), and a word JMdict lacks gets katakana
    transliterations, weighted at most 0.5 since they are guesses: "exosome" ->
    [("エキソソーム", 0.5), ("エクソソーム", 0.21)]; so does one whose translations are all
    katakana, beside them (adrenaline: アドレナリンジャンキー, and the guess アドレナリン). Without the dictionary, no guesses either:
    every word would look like a loanword."""
    out = []
    for word in words:
        key = normalize(word)
        found = en_to_ja(key, limit) if key not in _STOP else []
        loanword = bool(found) and all(_ALL_KATAKANA.match(term) for term, _ in found)
        if (not found or loanword) and key and key not in _STOP and index_path() is not None:
            # A loanword JMdict knows only inside longer words (adrenaline: アドレナリンジャンキー)
            # is guessed too.
            guesses = [(kana, round(0.5 * p, 3)) for kana, p in _katakana_candidates(word)]
            found = found + [(kana, p) for kana, p in guesses if all(kana != term for term, _ in found)]
        out.append(found)
    return out


@lru_cache(maxsize=65536)
def ja_to_en(term: str) -> Gloss | None:
    """Reading and English glosses of a Japanese word (kanji or kana form), for glossaries:
    "休眠" -> Gloss("休眠", "きゅうみん", ("idle", "dormant")). None when it is not in JMdict or
    among JMnedict's places, people and organisations."""
    conn = _connection()
    term = term.strip()
    if conn is None or not term:
        return None
    for form in dict.fromkeys((term, unicodedata.normalize("NFKC", term))):  # ｶﾞﾝ -> ガン
        row = conn.execute("SELECT reading, en FROM ja WHERE term = ?", (form,)).fetchone()
        if row:
            return Gloss(form, row[0], tuple(row[1].split("\t")))
    return None


# -- Japanese words read through their glosses (document-side translation) ---------------------
# A question's English word is translated to its best few Japanese candidates; the text may use
# another word, which its own glosses name: "resisting" -> 耐える, 楯突く …, while 抵抗 is glossed
# "resistance". Both sides are compared as English stems, derivational endings folded
# (formation/forming, dormancy/dormant, treatment/treat).
_DERIVED_ENDINGS = ("at", "ment", "anc", "ant", "enc", "ent", "ish", "ic")  # … publication/published: public/publish
_GLOSS_SENSES = 6  # a word's commonest glosses; the rarer senses are noise


@lru_cache(maxsize=65536)
def english_stem(word: str) -> str:
    from index.lexical import _english

    stem = _english()[0].stemWord(word.lower())
    for ending in _DERIVED_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= 4:
            return stem[: -len(ending)]
    return stem


def english_stems(text: str) -> frozenset[str]:
    """The stems of an English word or phrase's content words ("breast cancer" -> breast, cancer)."""
    return frozenset(english_stem(w) for w in _words(_strip_parens(text)) if w not in _STOP and len(w) > 2)


@lru_cache(maxsize=65536)
def gloss_stems(term: str) -> frozenset[str]:
    """English stems of a Japanese word's commonest glosses: 抵抗 -> resist, opposit, reluct, …;
    empty when JMdict lacks the word."""
    gloss = ja_to_en(term)
    if gloss is None:
        return frozenset()
    return frozenset().union(*(english_stems(g) for g in gloss.en[:_GLOSS_SENSES]))


@lru_cache(maxsize=65536)
def written_as(reading: str, limit: int = 3) -> tuple[tuple[str, float], ...]:
    """The words JMdict writes in kanji for a reading, commonest first, for a romanised word the
    question uses as English (yumi: 弓, Shuri: 首里, washi: 和紙 and 鷲): (term, priority)."""
    conn = _connection()
    if conn is None or not reading:
        return ()
    rows = conn.execute(
        "SELECT term, prio FROM ja WHERE reading = ? AND term != reading ORDER BY prio DESC, term LIMIT ?", (reading, limit)
    ).fetchall()
    return tuple((term, float(prio or 0.0)) for term, prio in rows)


# -- Katakana loanwords JMdict lacks, heard as English (リラプス: relapse, ドーマンシー: dormancy) -----
# Both sides are reduced to a coarse sound code -- consonants only, in the classes katakana keeps
# apart (l = r, v = b, s = sh = z = j; a post-vocalic r, as in dormancy, is not heard) -- so a
# loanword finds the few English words it may be (the `sound` table of the index); the nearest
# in spelling are then written in katakana by e2k, and the one it writes as the question did wins.
_SOUNDED = re.compile(r"[a-z]{4,}")  # the English words a loanword is looked for among
_HEARD_CANDIDATES = 6  # nearest in spelling, of those with the loanword's code, that e2k writes out
HEARD_SIMILARITY = 0.9  # how alike e2k's katakana and the question's must be


def _consonants(text: str) -> str:
    text = text.replace("v", "b").replace("l", "r").replace("z", "s").replace("j", "s")
    text = re.sub(r"(?<![aeiou])h", "", text)  # the h of a digraph, or after a consonant
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy\-]", "", text))


def _en_sounds(word: str) -> set[str]:
    """The codes an English word may sound as: a g before e or i is hard (target) or soft (gene),
    a ch is ch (check) or k (chemo)."""
    return {_en_sound(word, hard_g, ch_k) for hard_g in (False, True) for ch_k in (False, True)}


def _en_sound(word: str, hard_g: bool = False, ch_k: bool = False) -> str:
    """dormancy -> dmns, clinician -> krnsn, inquiry -> nkwr."""
    w = word.lower().replace("ch", "k") if ch_k else word.lower()
    w = re.sub(r"^(?:ps|kn|pn)", lambda m: m.group(0)[1], w)
    w = re.sub(r"(?<=[aeiou])r(?![aeiouy])", "", w)  # dormancy: ドーマンシー
    w = w.replace("tch", "s").replace("sch", "sk")
    w = re.sub(r"[tcs]i(?=[aeo])", "s", w)  # -tion, -cian, -sion
    w = w.replace("ph", "f").replace("gh", "").replace("wh", "w")
    w = re.sub(r"ch|sh|th", "s", w).replace("ck", "k").replace("qu", "kw").replace("x", "ks").replace("q", "k")
    w = re.sub(r"c(?=[eiy])", "s", w).replace("c", "k")
    w = re.sub(r"d?g(?=[eiy])", "g" if hard_g else "s", w)
    w = re.sub(r"(?<=[aeiou])w(?![aeiouy])", "", w)  # follow: フォロー
    w = re.sub(r"m(?=[bp])", "n", w)  # number: ナンバー
    return _consonants(w)


def _kana_sound(kana: str) -> str:
    """リラプス -> rps, ドーマンシー -> dmns (jaconv's romanisation, then as _en_sound)."""
    import jaconv

    r = jaconv.kata2alphabet(kana).replace("tsu", "t").replace("ts", "t")
    r = re.sub(r"ch|sh", "s", r)
    return _consonants(re.sub(r"(?<=[aeiou])w(?![aeiou])", "", r))


def _en_spelling(word: str) -> str:
    w = word.lower().replace("ph", "f").replace("ck", "k").replace("qu", "kw").replace("x", "ks")
    w = re.sub(r"c(?=[eiy])", "s", w).replace("c", "k").replace("v", "b").replace("l", "r").replace("y", "i")
    w = re.sub(r"(?<=[aeiou])r(?![aeiou])", "", w)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"e$", "", w))


def _kana_spelling(kana: str) -> str:
    import jaconv

    r = jaconv.kata2alphabet(kana).replace("-", "")
    r = re.sub(r"(?<=[^aeiou])u(?=[^aeiou]|$)", "", r)  # the vowel katakana adds: プス -> ps
    r = re.sub(r"(?<=[td])o(?=[^aeiou]|$)", "", r)
    r = re.sub(r"(?<=[st])i$|(?<=sh)i$", "", r)
    r = r.replace("v", "b").replace("shi", "si").replace("chi", "ti").replace("tsu", "t")
    return re.sub(r"(.)\1+", r"\1", r)


def _alike(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio()


@lru_cache(maxsize=4096)
def heard_english(kana: str) -> tuple[str, ...]:
    """The English word a katakana loanword JMdict lacks is heard as: リラプス -> ("relapse",),
    クリニシャン -> ("clinician",); empty when no English word sounds so, or when e2k, writing the
    nearest few in katakana, writes none of them nearly as the question did. Several only on a tie."""
    conn = _connection()
    kana = unicodedata.normalize("NFKC", kana.strip())
    if conn is None or not re.fullmatch(r"[\u30a1-\u30fa\u30fc]{3,}", kana) or _c2k() is None:
        return ()
    code = _kana_sound(kana)
    if len(code) < 2:
        return ()
    keys = [k for (k,) in conn.execute("SELECT key FROM sound WHERE code = ?", (code,))]
    spelt = _kana_spelling(kana)
    nearest = sorted(keys, key=lambda k: (-_alike(spelt, _en_spelling(k)), k))[:_HEARD_CANDIDATES]
    scored = [(max((_alike(kana, written) for written, _ in _katakana_candidates(k)), default=0.0), k) for k in nearest]
    best = max((s for s, _ in scored), default=0.0)
    if best < HEARD_SIMILARITY:
        return ()
    return tuple(k for s, k in scored if s >= best - 0.02)


_KATAKANA_LOCK = threading.Lock()
_ACRONYM = re.compile(r"^(?:[A-Z]{2,}s?|[0-9]+)$")
_PARTS = re.compile(r"[A-Z]{2,}s?(?![a-z])|[A-Z]?[a-z]+|[A-Z]|[0-9]+")
_BEAM = 4


@lru_cache(maxsize=1)
def _c2k():
    try:
        from e2k import C2K

        return C2K(max_len=32)
    except Exception as e:  # not installed, or its shipped model cannot be read
        log.warning("qabot: no katakana transliteration (e2k: %s: %s)", type(e).__name__, e)
        return None


def katakana(word: str) -> str | None:
    """A katakana guess for an English loanword JMdict lacks ("tamoxifen" -> "タモキシフェン");
    acronyms stay in Latin letters as Japanese writes them ("microRNA" -> "マイクロRNA"). None for
    non-words and bare acronyms. A guess: e2k writes exosome as エキソソーム, a real but rarer
    spelling than エクソソーム (its second guess, which translate_en also returns)."""
    found = _katakana_candidates(word)
    return found[0][0] if found else None


@lru_cache(maxsize=65536)
def _katakana_candidates(word: str) -> tuple[tuple[str, float], ...]:
    """Up to three spellings with their share of the model's belief (best 1.0). Only the word's
    longest alphabetic part gets alternatives; the other parts take their best spelling."""
    word = word.strip()
    if not word or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9\-]*", word) or _ACRONYM.match(word):
        return ()
    model = _c2k()
    if model is None:
        return ()
    pieces: list[list[tuple[str, float]]] = []
    spoken: list[int] = []  # the pieces transliterated, not kept as letters
    for part in (p for piece in word.split("-") for p in _PARTS.findall(piece)):
        if _ACRONYM.match(part) or len(part) == 1:
            pieces.append([(part, 1.0)])
        else:
            with _KATAKANA_LOCK, _one_blas_thread():
                pieces.append(_beam(model, part.lower()))
            spoken.append(len(pieces) - 1)
    if not spoken:
        return ()
    longest = max(spoken, key=lambda i: len(pieces[i][0][0]))
    out = []
    for spelling, share in pieces[longest][:3]:
        if share >= 0.1:  # rarer spellings are mostly the model's noise
            out.append(("".join(spelling if i == longest else options[0][0] for i, options in enumerate(pieces)), share))
    return tuple(out)


@lru_cache(maxsize=1)
def _blas():
    try:
        from threadpoolctl import ThreadpoolController

        return ThreadpoolController()
    except Exception:
        return None


def _one_blas_thread():
    """The model's matrices are tiny: OpenBLAS threads cost more than they give (5-10x slower on a
    busy two-core machine), so its calls run on one thread."""
    import contextlib

    controller = _blas()
    return controller.limit(limits=1, user_api="blas") if controller else contextlib.nullcontext()


def _gates(gi, gh, h):
    """A GRU cell's update from its two projections (input gi, state gh), for one row or a batch
    (e2k's own cell takes one row at a time and projects its input at every step)."""
    import numpy as np

    size = h.shape[-1]
    r = 1 / (1 + np.exp(-(gi[..., :size] + gh[..., :size])))
    z = 1 / (1 + np.exp(-(gi[..., size : 2 * size] + gh[..., size : 2 * size])))
    n = np.tanh(gi[..., 2 * size :] + r * gh[..., 2 * size :])
    return (1 - z) * n + z * h


def _encode(cell, emb, reverse: bool = False):
    """One direction of e2k's encoder: the inputs projected in one product, then the recurrence."""
    import numpy as np

    gi = emb @ cell.ih.weight.T + cell.ih.bias
    w, b = cell.hh.weight.T, cell.hh.bias
    h = np.zeros(w.shape[0], emb.dtype)
    out = [h] * len(emb)
    for i in reversed(range(len(emb))) if reverse else range(len(emb)):
        h = _gates(gi[i], h @ w + b, h)
        out[i] = h
    return np.stack(out)


@lru_cache(maxsize=1)
def _decoder_products(model):
    """e2k's decoder weights folded once per process, the same arithmetic in fewer products (the
    products are what a guess costs): the first cell's input projection as a table per output
    character; the second cell's projection of the first cell's state stacked with the attention
    query's; the attention's output projection folded into the second cell's input projection."""
    import numpy as np

    s2s = model.s2s
    pre, post, attn = s2s.pre_decoder.cell, s2s.post_decoder.cell, s2s.attn
    size1 = pre.hh.weight.shape[-1]
    w_ih = post.ih.weight  # [3 * size2, size1 + attention width]
    table = s2s.k_emb.weight @ pre.ih.weight.T + pre.ih.bias
    state_w = np.concatenate([w_ih[:, :size1], attn.q_proj.weight], axis=0).T.copy()
    state_b = np.concatenate([post.ih.bias, attn.q_proj.bias])
    read_w = (w_ih[:, size1:] @ attn.o_proj.weight).T.copy()
    read_b = w_ih[:, size1:] @ attn.o_proj.bias
    return table, state_w, state_b, read_w, read_b


def _beam(model, word: str) -> list[tuple[str, float]]:
    """e2k's decoder run as a small beam search, all beams in one batch (e2k itself decodes
    greedily or by sampling), so a loanword gets its likely spellings, not one: exosome ->
    エキソソーム, エクソソーム. Each with its probability relative to the best. Falls back to
    e2k's own greedy call if its internals are not as expected."""
    try:
        import numpy as np

        s2s, attn = model.s2s, model.s2s.attn
        pre, post = s2s.pre_decoder.cell, s2s.post_decoder.cell
        table, state_w, state_b, read_w, read_b = _decoder_products(model)
        src = [s2s.sos_idx] + [model.in_table[c] for c in word if c in model.in_table] + [s2s.eos_idx]
        emb = s2s.e_emb.forward(np.array(src))
        both = np.concatenate([_encode(s2s.encoder.cell, emb), _encode(s2s.encoder_reverse.cell, emb, True)], axis=-1)
        keys, values = attn.memory(np.tanh(s2s.encoder_fc.forward(both)))
        size1, size2 = pre.hh.weight.shape[-1], post.hh.weight.shape[-1]
        dtype = s2s.fc.weight.dtype
        seqs, scores = [[s2s.sos_idx]], np.zeros(1)
        h1, h2 = np.zeros((1, size1), dtype), np.zeros((1, size2), dtype)
        done: list[tuple[float, list[int]]] = []
        for _ in range(s2s.max_len):
            h1 = _gates(table[[seq[-1] for seq in seqs]], h1 @ pre.hh.weight.T + pre.hh.bias, h1)
            projected = h1 @ state_w + state_b
            gi, query = projected[:, : 3 * size2], projected[:, 3 * size2 :]
            heads = np.stack(np.split(query, attn.num_heads, axis=-1), axis=0)
            weights = np.exp(np.matmul(heads, keys) / attn.scale)
            weights /= weights.sum(axis=-1, keepdims=True)
            read = np.transpose(np.matmul(weights, values), (1, 0, 2)).reshape(len(seqs), -1)
            h2 = _gates(gi + read @ read_w + read_b, h2 @ post.hh.weight.T + post.hh.bias, h2)
            logits = s2s.fc.forward(h2).astype(np.float64)
            logits -= logits.max(axis=-1, keepdims=True)
            total = scores[:, None] + logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True))
            keep = []
            for flat in np.argsort(-total, axis=None)[: _BEAM * 2]:
                row, token = divmod(int(flat), total.shape[1])
                if token == s2s.eos_idx:
                    done.append((float(total[row, token]), seqs[row][1:]))
                elif len(keep) < _BEAM:
                    keep.append((row, token))
            done.sort(key=lambda d: -d[0])
            if not keep or (len(done) >= _BEAM and done[_BEAM - 1][0] >= total[keep[0]]):
                break  # no open beam can beat the finished ones: scores only fall
            rows = [row for row, _ in keep]
            seqs = [seqs[row] + [token] for row, token in keep]
            scores = np.array([total[row, token] for row, token in keep])
            h1, h2 = h1[rows], h2[rows]
        done.sort(key=lambda d: -d[0])
        if done:
            top = done[0][0]
            return [("".join(model.out_table[i] for i in seq), round(math.exp(lp - top), 3)) for lp, seq in done[:_BEAM]]
    except Exception as e:
        log.debug("e2k beam search unavailable (%s); greedy decoding", e)
    return [(model(word), 1.0)]


# ---------------------------------------------------------------------------------------------
# The build: JMdict (+ JMnedict names) -> a small SQLite file with two indexed tables.
#   en(key, term, weight): English gloss words/phrases -> Japanese headwords, top 8 per key
#   ja(term, reading, en, prio): Japanese headword (kanji or kana) -> reading, first glosses and
#     frequency priority; indexed by reading too (written_as)

_COMMON = {"news1", "ichi1", "spec1", "spec2", "gai1"}
_LESS_COMMON = {"news2", "ichi2", "gai2"}
_BAD_KANJI = {"irregular okurigana usage", "word containing out-dated kanji", "word containing irregular kanji usage",
              "word containing irregular kana usage"}
_BAD_KANA = {"out-dated or obsolete kana usage", "word containing irregular kana usage"}
_KANA_USUALLY = "word usually written using kana alone"
_MISC_FACTOR = {
    "archaism": 0.4, "obsolete term": 0.4, "obscure term": 0.4, "dated term": 0.5, "rare": 0.4,
    "historical term": 0.8, "abbreviation": 0.85,
    "yojijukugo": 0.6, "proverb": 0.5, "idiomatic expression": 0.6, "quotation": 0.5,
    "slang": 0.6, "Internet slang": 0.5, "manga slang": 0.5, "vulgar expression or word": 0.5,
    "derogatory": 0.5, "sensitive": 0.7, "colloquialism": 0.8, "jocular, humorous term": 0.6,
    "honorific or respectful (sonkeigo) language": 0.7, "humble (kenjougo) language": 0.7,
    "polite (teineigo) language": 0.8, "familiar language": 0.7, "children's language": 0.6,
    "female term or language": 0.8, "male term or language": 0.8, "poetical term": 0.6,
}
_NAME_TYPES = {"place": 1.0, "person": 1.0, "organization": 1.0, "company": 1.0, "work": 0.8, "product": 0.8,
               "station": 0.7, "surname": 0.6}
_NAME_WEIGHT = 0.3  # below any dictionary word with the same gloss
_VERB = re.compile(r"verb", re.I)


def _priority(tags: set[str]) -> float:
    """JMdict's frequency marks as a weight: common words (news1/ichi1/spec/gai1) ~1.0-1.3, ranked
    further by their newspaper-frequency band nf01..nf48; others 0.5-0.8."""
    bands = [int(t[2:]) for t in tags if t.startswith("nf") and t[2:].isdigit()]
    band = 1 - (min(bands) - 1) / 48 if bands else 0.0
    if tags & _COMMON:
        return 1.0 + 0.3 * band if bands else 1.1
    if tags & _LESS_COMMON:
        return 0.7 + 0.1 * band
    return 0.5


def _gloss_keys(gloss: str, verb: bool) -> list[tuple[str, float]]:
    """The English keys of one gloss with their centrality: the gloss itself ("dormancy", 1.0),
    its 2-3-word phrases and content words at less ("period of dormancy" -> "dormancy", 0.25)."""
    stripped = _strip_parens(gloss)
    qualified = stripped.strip() != gloss.strip()
    words = _words(stripped)
    if verb and len(words) > 1 and words[0] == "to":
        words = words[1:]
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    if not words:
        return []
    keys: dict[str, float] = {}

    def add(key: str, weight: float) -> None:
        if weight > keys.get(key, 0.0):
            keys[key] = weight

    n = len(words)
    if n <= 4:
        add(" ".join(words), 0.9 if qualified else 1.0)  # "dose (of radioactivity)" is narrower
        if words[0] == "be" and n > 1:
            add(" ".join(words[1:]), 0.5)  # "to be born" -> born (but "to be found" is not "found")
    if n > 1:
        content = [w for w in words if w not in _STOP]
        if n <= 12:
            for w in set(content):
                add(w, 0.35 / math.sqrt(max(len(content), 2)))
        if n <= 8:
            for size in (2, 3):
                for i in range(n - size + 1):
                    phrase = words[i : i + size]
                    if size < n and phrase[0] not in _STOP and phrase[-1] not in _STOP:
                        add(" ".join(phrase), 0.5 * size / n)
    return list(keys.items())


def _texts_by_kid(src: sqlite3.Connection, table: str) -> dict[int, set[str]]:
    out: dict[int, set[str]] = defaultdict(set)
    for kid, text in src.execute(f"SELECT kid, text FROM {table}"):  # noqa: S608 - fixed table names
        out[kid].add(text)
    return out


def _read_jmdict(src: sqlite3.Connection):
    """Entries as dicts: kanji/kana forms with their tags, senses with glosses and marks."""
    # kanji priorities, kanji info, kana priorities, kana info, kana restrictions: kid -> texts
    by_kid, kji, knp, kni, knr = (_texts_by_kid(src, table) for table in ("KJP", "KJI", "KNP", "KNI", "KNR"))

    entries: dict[int, dict] = {}

    def entry(idseq: int) -> dict:
        if idseq not in entries:
            entries[idseq] = {"kanji": [], "kana": [], "senses": {}}
        return entries[idseq]

    for kid, idseq, text in src.execute("SELECT ID, idseq, text FROM Kanji ORDER BY ID"):
        entry(idseq)["kanji"].append((text, by_kid.get(kid, set()), bool(kji.get(kid, set()) & _BAD_KANJI)))
    for kid, idseq, text, nokanji in src.execute("SELECT ID, idseq, text, nokanji FROM Kana ORDER BY ID"):
        entry(idseq)["kana"].append((text, knp.get(kid, set()), bool(kni.get(kid, set()) & _BAD_KANA),
                                     bool(nokanji), knr.get(kid, set())))

    senses: dict[int, dict] = {}
    for sid, idseq in src.execute("SELECT ID, idseq FROM Sense ORDER BY ID"):
        sense = {"glosses": [], "misc": set(), "pos": set(), "stagk": set(), "stagr": set(), "dialect": False}
        entry(idseq)["senses"][sid] = sense
        senses[sid] = sense
    for table in ("misc", "pos", "stagk", "stagr"):
        for sid, text in src.execute(f"SELECT sid, text FROM {table}"):
            if sid in senses:
                senses[sid][table].add(text)
    for (sid,) in src.execute("SELECT DISTINCT sid FROM dialect"):
        if sid in senses:
            senses[sid]["dialect"] = True
    for sid, text in src.execute("SELECT sid, text FROM SenseGloss WHERE lang = 'eng' OR lang IS NULL ORDER BY rowid"):
        if sid in senses and text:
            senses[sid]["glosses"].append(text.strip())
    # pos is given on the first sense it applies to and inherited by the following ones
    for e in entries.values():
        previous: set[str] = set()
        for sense in e["senses"].values():
            sense["pos"] = sense["pos"] or previous
            previous = sense["pos"]
    return entries


def _headwords(e: dict, sense: dict) -> list[tuple[str, float]]:
    """The written forms a sense is found as in text, each with its priority: the first regular
    kanji form (the kana form first when JMdict says it is usually written in kana), then up to
    two alternative forms (乳がん/乳癌) at a discount unless they are common themselves."""
    kanji = [k for k in e["kanji"] if not sense["stagk"] or k[0] in sense["stagk"]]
    kana = [k for k in e["kana"] if not sense["stagr"] or k[0] in sense["stagr"]]
    good_kanji = [k for k in kanji if not k[2]] or kanji
    good_kana = [k for k in kana if not k[2]] or kana
    entry_prio = max([_priority(k[1]) for k in e["kanji"]] + [_priority(k[1]) for k in e["kana"]] + [0.5])
    forms: list[tuple[str, set[str]]] = []
    if good_kanji and _KANA_USUALLY not in sense["misc"]:
        forms = [(k[0], k[1]) for k in good_kanji[:3]]
    else:
        forms = [(k[0], k[1]) for k in good_kana[:1]] + [(k[0], k[1]) for k in good_kanji[:2]]
    out = []
    for i, (text, tags) in enumerate(forms):
        own = _priority(tags) if tags else 0.0
        out.append((text, entry_prio if i == 0 else max(own, entry_prio * 0.7)))
    return out


def _reading(e: dict, form: str, is_kanji: bool) -> str:
    if not is_kanji:
        return form
    for text, _tags, _bad, nokanji, restricted in e["kana"]:
        if not nokanji and (not restricted or form in restricted):
            return text
    return e["kana"][0][0] if e["kana"] else ""


def _build_rows(src: sqlite3.Connection):
    entries = _read_jmdict(src)
    en: dict[str, dict[str, float]] = defaultdict(dict)
    ja: dict[str, tuple[float, str, str]] = {}

    def offer(key: str, term: str, weight: float) -> None:
        if weight > en[key].get(term, 0.0):
            en[key][term] = weight

    for e in entries.values():
        senses = [s for s in e["senses"].values() if s["glosses"]]
        for index, sense in enumerate(senses):
            factor = max(0.4, 1 / (1 + 0.2 * index))
            for tag in sense["misc"]:
                factor *= _MISC_FACTOR.get(tag, 1.0)
            if sense["dialect"]:
                factor *= 0.5
            if any("expressions" in p for p in sense["pos"]):
                factor *= 0.8
            verb = any(_VERB.search(p) for p in sense["pos"])
            forms = _headwords(e, sense)
            for g, gloss in enumerate(sense["glosses"]):
                gloss_factor = max(0.8, 1 - 0.04 * g)
                for key, centrality in _gloss_keys(gloss, verb):
                    for term, prio in forms:
                        offer(key, term, prio * factor * gloss_factor * centrality)
        # ja -> en: every written form, the commonest entry winning a shared form
        # (the first two of each sense, then the rest of the first sense: 論文 is "thesis; essay;
        # treatise; paper; article", and a release calls it a Research Article)
        glosses: list[str] = []
        first = senses[0]["glosses"][2:] if senses else []
        for gloss in [g for sense in senses for g in sense["glosses"][:2]] + first:
            if gloss.lower() not in (g.lower() for g in glosses) and len(glosses) < _GLOSSES:
                glosses.append(gloss)
        if not glosses:
            continue
        for text, tags, bad in e["kanji"]:
            prio = _priority(tags) - (0.2 if bad else 0.0)
            if text not in ja or prio > ja[text][0]:
                ja[text] = (prio, _reading(e, text, True), "\t".join(glosses))
        for text, tags, bad, _nokanji, _restricted in e["kana"]:
            prio = _priority(tags) - (0.2 if bad else 0.0) - 0.05  # a homophone's kana is less telling
            if text not in ja or prio > ja[text][0]:
                ja[text] = (prio, text, "\t".join(glosses))
    _add_names(src, en, ja)
    return en, ja, _lemma_table()


def _lemma_table() -> dict[str, str]:
    """Inflected English words -> their dictionary forms, from lemminflect's lexicon (secreted ->
    secrete, metastases -> metastasis, mice -> mouse), so lookups need no lemmatiser at run time.
    The word itself is listed first when it is also a base form (born: adjective; verb bear)."""
    try:
        import lemminflect

        forms = list(lemminflect.Lemmatizer()._getLemmaDict())
    except Exception as e:  # not installed, or its lexicon moved: the suffix rules still apply
        log.warning("qabot: no lemma table for the dictionary (lemminflect: %s: %s)", type(e).__name__, e)
        return {}
    table = {}
    for form in forms:
        if not form.isalpha() or not form.islower():
            continue
        lemmas: list[str] = []
        for found in lemminflect.getAllLemmas(form).values():
            lemmas += [lemma for lemma in found if lemma not in lemmas and lemma.isalpha()]
        if any(lemma != form for lemma in lemmas):
            table[form] = " ".join(sorted(lemmas, key=lambda lemma: lemma != form))
    return table


def _add_names(src: sqlite3.Connection, en: dict[str, dict[str, float]], ja: dict[str, tuple[float, str, str]]) -> None:
    """JMnedict places, people, organisations and surnames, below the dictionary's own words:
    "Himeji Castle" -> 姫路城, "Tokugawa Ieyasu" -> 徳川家康. Given names are left out (many
    spellings each, no frequencies), as are unclassified ones."""
    if not src.execute("SELECT 1 FROM sqlite_master WHERE name = 'NETransGloss'").fetchone():
        return
    kanji: dict[int, list[str]] = defaultdict(list)
    for idseq, text in src.execute("SELECT idseq, text FROM NEKanji ORDER BY ID"):
        kanji[idseq].append(text)
    kana: dict[int, list[str]] = defaultdict(list)
    for idseq, text in src.execute("SELECT idseq, text FROM NEKana ORDER BY ID"):
        kana[idseq].append(text)
    types: dict[int, set[str]] = defaultdict(set)
    for tid, text in src.execute("SELECT tid, text FROM NETransType"):
        types[tid].add(text)
    by_key: dict[str, dict[str, float]] = defaultdict(dict)
    for tid, idseq, gloss in src.execute(
        "SELECT t.ID, t.idseq, g.text FROM NETranslation t JOIN NETransGloss g ON g.tid = t.ID ORDER BY t.ID"
    ):
        weight = max((_NAME_TYPES.get(t, 0.0) for t in types.get(tid, ())), default=0.0)
        forms = kanji.get(idseq) or kana.get(idseq)
        if not weight or not forms or not gloss:
            continue
        plain = _strip_parens(gloss).split(",")[0]
        words = _words(plain)
        if not words or len(words) > 4 or not words[0][0].isalpha():
            continue
        term = forms[0]
        # Romanised names are written with and without their hyphens and spaces (Enryaku-ji,
        # Enryakuji; Nihon Ki-in, Nihon Kiin): each name is also kept run together.
        for key in dict.fromkeys((_NAME + _name_fold(" ".join(words)), _NAME + _name_fold("".join(words)))):
            if weight > by_key[key].get(term, 0.0):
                by_key[key][term] = weight
        if weight >= 0.7 and term not in ja:  # places, people, organisations: glossary entries too
            reading = (kana.get(idseq) or [""])[0]
            ja[term] = (0.0, reading, _strip_parens(gloss).strip() or gloss)
    for key, terms in by_key.items():
        ambiguity = math.sqrt(len(terms))  # "Osaka" is twenty surnames: none of them is likely
        for term, weight in terms.items():
            if weight * _NAME_WEIGHT / ambiguity > en[key].get(term, 0.0):
                en[key][term] = weight * _NAME_WEIGHT / ambiguity


def build(target: Path | None = None, force: bool = False) -> Path:
    """Derive the index from jamdict-data into `target` (default: the install-wide path), once:
    concurrent processes wait on a file lock, and a finished file is never rebuilt."""
    from filelock import FileLock

    source = _source()
    if source is None:
        raise RuntimeError("jamdict-data is not installed")
    target = Path(target) if target else _default_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".lock"):
        if target.exists() and not force:
            return target
        log.warning("qabot: building the JMdict dictionary index at %s (once, about a minute)", target)
        started = time.perf_counter()
        tmp = target.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            en, ja, lemmas = _build_rows(src)
            meta = {
                "format": str(FORMAT),
                "source": "JMdict/JMnedict (EDRDG, CC BY-SA 4.0) via jamdict-data",
                **{k: v for k, v in src.execute("SELECT key, value FROM meta")},
            }
        finally:
            src.close()
        out = sqlite3.connect(tmp)
        try:
            out.executescript(
                "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096;"
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
                "CREATE TABLE en (key TEXT, term TEXT, weight REAL, PRIMARY KEY (key, term)) WITHOUT ROWID;"
                "CREATE TABLE ja (term TEXT PRIMARY KEY, reading TEXT, en TEXT, prio REAL) WITHOUT ROWID;"
                "CREATE TABLE lemma (form TEXT PRIMARY KEY, lemmas TEXT) WITHOUT ROWID;"
                "CREATE TABLE sound (code TEXT, key TEXT, PRIMARY KEY (code, key)) WITHOUT ROWID;"
            )
            out.executemany("INSERT INTO sound VALUES (?, ?)", sorted({(code, k) for k in en if _SOUNDED.fullmatch(k) for code in _en_sounds(k)}))
            out.executemany("INSERT INTO lemma VALUES (?, ?)", sorted(lemmas.items()))
            out.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            out.executemany(
                "INSERT INTO en VALUES (?, ?, ?)",
                (
                    (key, term, round(weight, 4))
                    for key in sorted(en)
                    for term, weight in sorted(en[key].items(), key=lambda kv: -kv[1])[:TOP]
                ),
            )
            out.executemany("INSERT INTO ja VALUES (?, ?, ?, ?)", ((t, r, g, round(p, 3)) for t, (p, r, g) in sorted(ja.items())))
            out.execute("CREATE INDEX ja_reading ON ja (reading, prio)")
            out.commit()
            out.execute("VACUUM")
        finally:
            out.close()
        tmp.replace(target)
        if target == _default_path():
            for old in target.parent.glob("jmdict-*.sqlite*"):
                if not old.name.startswith(target.name):
                    old.unlink(missing_ok=True)  # built from an older jamdict-data or format, and its lock
        log.warning("qabot: dictionary index built in %.0f s (%.1f MB)", time.perf_counter() - started,
                    target.stat().st_size / 1e6)
    return target


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if sys.argv[1:2] == ["build"]:
        try:
            print(build(force="--force" in sys.argv))
        except Exception as e:  # like the native engine: install goes on, lookups return nothing
            print(f"qabot: dictionary index not built ({type(e).__name__}: {e}); no dictionary translations",
                  file=sys.stderr)
    elif sys.argv[1:]:
        for word in sys.argv[1:]:
            found = translate_en([word])[0] if re.match(r"[A-Za-z]", word) else ja_to_en(word)
            print(word, found)
    else:
        print("usage: python -m index.dictionary build [--force] | WORD...", file=sys.stderr)
        sys.exit(2)


# Every lookup cache: _reset empties them all, and bench does to time a new question's lookups.
CACHES = (_en_rows, _lemma_rows, _en_to_ja, ja_to_en, _katakana_candidates, respelled, written_as, is_gloss,
          heard_english)

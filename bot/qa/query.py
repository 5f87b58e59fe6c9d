"""The lexical form of a question: concepts, each with the alternatives that can stand for it.

An English question over Japanese documents shares no words with them, so BM25 alone cannot help
it. Dictionary-based cross-language retrieval (Pirkola's structured queries) closes the gap: each
English content word -- and each 2-3-word phrase the dictionary knows ("bone marrow") -- becomes a
*concept* whose alternatives are the word itself and its Japanese translations, tokenized with the
index's own analyzer. A passage scores on a concept by its best alternative, so a word with many
senses adds one concept's worth of evidence, not one per sense (a flat OR-list lets noise win).
A Japanese question gets the same treatment the other way (morpheme -> English glosses) for
English passages. The same concepts later tell the answer step which of the question's terms the
evidence holds (bot.qa.answer).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from bot.qa.forms import TEXT_PARTS_JA, VENUE_WHERE, paper_link_asked
from index.chunk import detect_language
from index.lexical import english_stems, english_tokens, tokenize

log = logging.getLogger(__name__)

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*|[0-9]+(?:[.,][0-9]+)*")
# (a full stop after two small letters, not after a title or an initial: Dr. Ono, Prof. Ochiya, K. Tamura)
_WORD_OR_END = re.compile(_WORD.pattern + r"|[?？!！;；]+|(?<=[a-z]{2})(?<!\bMrs)(?<!\bProf)(?<!\bvs)(?<!\bal)(?<!\betc)(?<!\bapprox)\.(?=\s|$)")
_CJK = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u9fff\uf900-\ufaff々〆ヶ]")

# Function words, question words and light verbs: no concept of their own. (And chat shorthand --
# tl;dr, IIRC, lol, ELI5 -- how the asker talks: "tl" is no word the documents lack.)
STOP = frozenset(
    """a an and are as at be been being but by can could did do does doing done for from had has have
    having he her hers him his how i if in into is it its itself me my of on or our out over own she
    should so some such than that the their theirs them then there these they this those through to
    too under up very was we were what when where which while who whom whose why will with would you
    your about above after again against all any because before below between both during each few
    further here just more most nor not now off once only other same also according said say says
    get got make made use used tell told called call known name named kind type way much many
    please pls someone somebody anyone anybody everyone everybody something anything anywhere somewhere everywhere
    behind beyond within across toward towards among amongst despite via upon onto beside besides
    tl dr tldr eli5 lol lmao tbh imo imho iirc afaik fwiw ngl smh""".split()
)
# Words that name the kind of answer wanted, not a fact the evidence must hold ("which year").
ANSWER_TYPE = frozenset(
    """year years date day days month months time times century period number numbers amount percent
    percentage proportion size length height width depth area population count people person who
    country countries city cities place places location where name names title reason reasons
    purpose role position affiliation first last long old large big tall high far contact contacts inquiries enquiries reach read download
    link links url website site webpage homepage email e-mail phone telephone fax address""".split()
)
# (どのような and どのくらい are analysed as 何の, どちら as 何方, どれほど as 何れ.)
ANSWER_TYPE_JA = frozenset("誰 何 幾 幾ら 何処 何故 如何 何時 何の 何方 何れ どんな いつ どこ どう どの どれ なぜ 当時 年 月 日 人 名前 名称 氏名 名 場所 理由 数 番号 アドレス 立場 役職 肩書き 肩書 職業 役割 窓口 問い合わせ 問合せ 連絡先 部署 所属 所属先 リンク"
                           # (a title asked for -- 英文見出し, 表題 -- as "title" in English: the text gives one, not the word)
                           " タイトル 見出し 表題 題名 英文 和文".split())
# Nouns of conversation, not of the subject: という話ですよね, 自分で, そんな感じ; and words for
# what a text says of its subject (説明されていますか, how is X described?, 本文で, 言い表す, 訳語), which no fact hinges on;
# the text's words themselves (「マイクロRNA」という言葉, 用語, 文言): the quoted term is what is asked about.
# ... and the titles a question puts after a name (田村先生, 小野さん): the documents write their own
# (田村研治 医師); the name is what must be there. And 担当 (be in charge of), the frame of a who or
# which question (どの部署が担当していますか): the text names the office, it need not say 担当.
DISCOURSE_JA = frozenset(("話 自分 感じ 説明 記載 言及 記述 表現 言い表す 言い表わす 本文 文中 訳語 先生 さん 様 氏 君 殿 担当 言葉 用語 単語 文言"
                         # ... and the part of the text pointed at (コメントのうち…の部分はどこ, 該当箇所)
                         " 該当 " + " ".join(TEXT_PARTS_JA) +
                         # ... and the matter itself, as business Japanese names it (本件について): what it is about is asked
                         " 本件" +
                         # the asker's own humble acts: 拝見した (I read), 伺いたい, 存じます, 頂けますか
                         " 拝見 拝読 拝聴 拝察 伺う 存じる 存ずる 申す 申し上げる 頂く 戴く 承る 賜る"
                         # ... and what points back into the talk (あれ何の略なん？): the word pointed at is asked
                         " 此れ 其れ 彼れ 此処 其処 彼処"
                         # ... as legal Japanese points back (前記研究, 当該論文: the study the text reports)
                         " 前記 当該"
                         # ... and how the answer should come: 表記どおり (as written), 肩書きも一緒に (as well)
                         " 表記 一緒"
                         # ... and what kind of thought it is taken for: アナロジー, 仮説, 想定 (何を測る想定？)
                         " アナロジー 類推 仮説 想定"
                         # ... and the asker's feelings (5年経てばもう安心と思っていました, 心配で)
                         " 安心 心配 不安"
                         # ... and what the asker will make of it (テロップ, 台本, 書誌の注記) and how exactly
                         # (一字一句, 正式な), or whether saying it is fine (大丈夫)
                         " テロップ 字幕 サムネ サムネイル 台本 注記 一字一句 正式 大丈夫").split())
# ... and the asker's own questions ("email address for questions", "whom to call with inquiries"):
# the documents' お問い合わせ is for them, it need not say 質問.
DISCOURSE_EN = frozenset("describe describes described explain explains explained mention mentions mentioned given listed stated provided"
                         " question questions query queries inquiry inquiries enquiry enquiries"
                         # ... and how the asker wants the answer boiled down: "the bottom-line conclusion", "the gist"
                         " bottom-line gist takeaway takeaways tldr tl;dr"
                         # ... and how exactly ("the exact project title", "precisely"), as 一字一句 or 正式
                         " exact exactly precise precisely verbatim"
                         # ... and what kind of thought the asker takes it for (an analogy, a hypothesis, a
                         # notion): a release says the thought, not what kind it is
                         " analogy analogies hypothesis hypotheses hypothesise hypothesize notion notions"
                         # ... and "the work", which is the study the documents report, however they call it
                         " work".split())
# How documents abbreviate what a question spells out: a contact block says TEL, not "phone".
ABBREVIATIONS = {"phone": "tel", "telephone": "tel", "email": "mail", "電話": "tel", "メール": "mail", "ファックス": "fax", "ファクス": "fax",
                 "website": "hp", "homepage": "hp", "ホームページ": "hp", "ウェブサイト": "hp", "ウェブページ": "hp"}
# Idioms of questions that JMdict glosses under another word: "what is X short for" asks what a
# 略称 abbreviates.
# ... and who is quoted in a text: the one whose comment it carries (田村研治 医師のコメント).
IDIOMS = {"short for": "abbreviation", "stand for": "abbreviation", "stands for": "abbreviation", "quoted": "comment",
          # ... and its "short name" (略称): no name JMdict glosses as short
          "short name": "abbreviation", "short form": "abbreviation", "shortened name": "abbreviation"}
MAX_ALTERNATIVES = 6  # translations kept per English word or phrase (most common senses first)


@dataclass(frozen=True)
class Alternative:
    term: str  # what stands for the concept: the question's word or a dictionary translation
    tokens: tuple[str, ...]  # its lexical tokens, in the index's own analysis
    weight: float = 1.0  # dictionary confidence; 1.0 for the question's own word
    # how the form was guessed: "" (the word or a dictionary translation), "reading" (a romaji word
    # read as kana), "written" (that reading as JMdict writes it) -- checks that trust only a name's
    # strong forms tell the guesses by this, not by their weight
    kind: str = ""


@dataclass(frozen=True)
class Concept:
    word: str  # the question's word or phrase
    alternatives: tuple[Alternative, ...]
    answer_type: bool = False  # "year", "country", 誰: says what is asked, not what must be there
    phrase: bool = False
    key: bool = True  # False for CJK character bigrams: they help ranking, but are not words
    readings: tuple[str, ...] = ()  # katakana a romanised word may be read as (with_heard_names looks them up)

    @property
    def tokens(self) -> set[str]:
        return {t for a in self.alternatives for t in a.tokens}


@dataclass(frozen=True)
class Query:
    text: str
    lang: str
    concepts: tuple[Concept, ...]

    @property
    def tokens(self) -> list[str]:
        """Every token of every alternative, once (what the lexical index is asked about)."""
        return list(dict.fromkeys(t for c in self.concepts for a in c.alternatives for t in a.tokens))


def _dictionary():
    try:
        from index import dictionary
    except ImportError:  # pragma: no cover - the dictionary ships with qabot
        return None
    return dictionary


_DERIVED = ((r"ancy$", "ant"), (r"ant$", "ancy"), (r"ence$", "ent"), (r"ent$", "ence"), (r"e$", "ion"),
            (r"e$", "ation"), (r"ation$", "e"), (r"ion$", "e"), (r"ion$", ""), (r"$", "ion"), (r"ed$", ""), (r"ed$", "e"), (r"ing$", ""), (r"ing$", "e"),
            (r"ity$", ""), (r"ness$", ""), (r"al$", ""), (r"ly$", ""), (r"ies$", "y"), (r"s$", ""))


def _variants(word: str) -> list[str]:
    """Related forms to look up when a word itself has few glosses: dormancy -> dormant,
    secrete -> secretion (JMdict glosses use one form of a word family, not all)."""
    out = []
    for pattern, repl in _DERIVED:
        v = re.sub(pattern, repl, word)
        if v != word and len(v) >= 4 and v not in out:
            out.append(v)
    return out


def singular(word: str) -> str:
    """exosomes -> exosome, microRNAs -> microRNA: a loanword's katakana is written for the
    singular, and JMdict's glosses are singular too."""
    if " " in word or len(word) <= 4:
        return word
    d = _dictionary()
    lemmas = d.lemmas(word) if d is not None else None
    if lemmas and word.lower() not in lemmas:  # buses -> bus, not buse; mice -> mouse
        return lemmas[0] if word.islower() else word[: len(lemmas[0])] if word.lower().startswith(lemmas[0]) else word
    if lemmas:
        return word  # a dictionary form itself (glasses)
    if word.endswith("ies"):  # (the lemma table knows cities; species is no plural of specy)
        return word
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=8192)
def _to_japanese(key: str, surface: str = "") -> tuple[Alternative, ...]:
    """Japanese alternatives of an English word or phrase, most common senses first; a word's
    related forms (dormancy/dormant) add their senses at a lower weight. A word JMdict lacks gets
    katakana guesses (exosome -> エキソソーム, エクソソーム), from its surface form: microRNA keeps RNA."""
    d = _dictionary()
    if d is None:
        return ()
    base = singular(surface or key)
    found = list(d.translate_en([base], limit=MAX_ALTERNATIVES * 2)[0])
    if " " not in key and not all(_KATAKANA.match(t) for t, _ in found):
        # A plural's relatives are its singular's: paddies -> "paddiesion" read glosses of anything
        # about paddies, 水喧嘩 above 水田. (Only a plural: supplied keeps its own -ed relatives.)
        # Tune halves: English hit@1 +1 / -1; one false abstention fewer, near misses unchanged.
        plural = key.endswith("s") and base.lower() != key
        word = base.lower() if plural else key
        lemmas = [lemma for lemma in (d.lemmas(word) or ()) if lemma != word]  # quoted -> quote -> quotation
        for variant in dict.fromkeys(_variants(word) + [v for lemma in lemmas for v in _variants(lemma)]):
            found += [(term, 0.8 * weight) for term, weight in d.en_to_ja(variant, limit=MAX_ALTERNATIVES)]
    found.sort(key=lambda tw: -tw[1])
    # The best translation stands for the word as fully as the English word stands for itself:
    # a katakana guess weighted 0.5 would otherwise hand English passages every loanword.
    top = max((w for _, w in found), default=1.0) or 1.0
    found = [(term, w / top) for term, w in found]
    out: list[Alternative] = []
    seen: set[tuple[str, ...]] = set()
    for term, weight in found:
        tokens = tuple(tokenize(term))
        if _FUNCTION_WORD.match(term) and not any(t.startswith("m:") for t in tokens):
            continue  # と, とは ("quoted": JMdict's quotative particle): in nearly every sentence
        if tokens and tokens not in seen:
            seen.add(tokens)
            out.append(Alternative(term, tokens, float(weight)))
        if len(out) >= MAX_ALTERNATIVES:
            break
    return tuple(out)


_SENSE_NOTE = re.compile(r"\s*\([^)]*\)")


def _without_notes(gloss: str) -> str:
    """A JMdict gloss without its sense notes: "cover (of a book, magazine, etc.)" -> "cover"."""
    return _SENSE_NOTE.sub("", gloss).strip()


@lru_cache(maxsize=8192)
def _to_english(term: str, heard: bool = True) -> tuple[Alternative, ...]:
    """English alternatives of a Japanese word (its first glosses, single words or pairs, without
    the sense notes in parentheses). `heard`: a katakana word JMdict lacks may be heard as English
    (not the katakana lemma UniDic gives a name written in kanji: 田村 is m:タムラ)."""
    d = _dictionary()
    gloss = d.ja_to_en(term) if d is not None else None
    if gloss is None:
        # a loanword JMdict lacks, heard as the English word it is (リラプス: relapse, クリニシャン: clinician),
        # or a compound of loanwords (キャンサーセル: cancer cell)
        found = (d.heard_english(term) or _loanword_compound(term)) if heard and d is not None and KATAKANA_RUN.fullmatch(term) else ()
        return tuple(Alternative(en, tuple(english_tokens(en)), 0.8) for en in found)
    out = []
    for en in gloss.en[:5]:
        en = _without_notes(en) or en
        tokens = tuple(english_tokens(en))
        if 0 < len(tokens) <= 2:
            out.append(Alternative(en, tokens, 0.8))
    return tuple(out)


@lru_cache(maxsize=1024)
def _loanword_compound(run: str) -> tuple[str, ...]:
    """A katakana compound JMdict lacks as the English of its loanwords, in order:
    キャンサーセル -> ("cancer cell",), ヘマトポエティックステムセル -> ("hematopoietic stem cell",).
    From the right, the longest word JMdict knows, unless what is left before it is heard whole
    as an English word (heard_english). Empty unless all of it is read, in two words or more."""
    d = _dictionary()

    def known(part: str) -> str | None:
        gloss = d.ja_to_en(part)
        first = _without_notes(gloss.en[0]) if gloss else ""
        return first if len(first) >= 2 and first.isascii() and first.isalpha() and first.islower() else None

    words: list[str] = []
    end = len(run)
    while end > 0:
        if end < len(run):  # what is left before the words read so far, read whole
            whole = known(run[:end]) or (next(iter(d.heard_english(run[:end])), None) if end >= 3 else None)
            if whole:
                words.insert(0, whole)
                break
        for start in range(1, end - 1):  # the longest first
            if word := known(run[start:end]):
                words.insert(0, word)
                end = start
                break
        else:
            return ()
    return (" ".join(words),) if len(words) >= 2 else ()


_KATAKANA = re.compile(r"^[\u30a0-\u30ffA-Za-z0-9・ー]+$")
# All kana of a particle or an auxiliary (と, とは, くらい): the analyzer finds no content word in it.
_FUNCTION_WORD = re.compile(r"^[\u3041-\u3096]+$")
READING_WEIGHT = 0.6  # a romaji word read as kana: a guess, below a dictionary translation
WRITTEN_WEIGHT = 0.55  # ... read as kana, then written as JMdict writes it: a guess upon a guess
READING, WRITTEN = "reading", "written"  # Alternative.kind of those guesses
WRITTEN_ALTERNATIVES = 3
# ... read as kana, and heard in the collection: a proper noun of the documents that reads so (ズイガン:
# 瑞巌 of 瑞巌寺). The collection's own word, so above a blind guess; a homophone may still be
# another name. Tune halves, English hit@1 over devset6's store: devset6 0.80 -> 0.825 (hit@5 0.95
# -> 0.975), the others unchanged; at 0.6 devset6 gained 0.025 hit@1 only, at 1.0 devset3 lost 0.017.
HEARD_WEIGHT = 0.8
SYNONYM_WEIGHT = 0.8  # a synonym through the other language (with_synonyms)
_KANA_ONLY = re.compile(r"^[\u3041-\u3096ー]{2,}$")


def _kana_forms(word: str, shortest: int = 3) -> list[str]:
    """A word read as romanised Japanese, in hiragana, with the long vowels it may have dropped put
    back (_long_vowels); none when it is not romaji (English letters left over) or shorter than
    `shortest` kana (too short to mean anything)."""
    import jaconv

    kana = jaconv.alphabet2kana(word.lower().replace("-", ""))
    return _long_vowels(kana) if _KANA_ONLY.match(kana) and len(kana) >= shortest else []


@lru_cache(maxsize=4096)
def _reading(word: str, name: bool = False) -> tuple[Alternative, ...]:
    """A word read as romanised Japanese (Shinano -> しなの, tsukinowaguma -> ツキノワグマ): Japanese
    encyclopedia text gives a name's reading in kana beside it, 信濃川（しなのがわ）, and writes
    animals and plants in katakana, so the reading finds what no dictionary translates. A `name`
    (capitalised in the question) of two syllables is read too, as a name's lemma only: Ono."""
    import jaconv

    out = []
    written: list[tuple[str, float]] = []
    d = _dictionary()
    for form in _kana_forms(word):
        kata = jaconv.hira2kata(form)
        out += [Alternative(form, tuple(tokenize(form)), READING_WEIGHT, READING), Alternative(kata, tuple(tokenize(kata)), READING_WEIGHT, READING),
                # the reading as UniDic spells a name's lemma (柴三郎: シバサブロウ), which the analyzer
                # does not find in bare katakana (シバ + サブロウ)
                Alternative(kata, ("m:" + kata,), READING_WEIGHT, READING)]
        if d is not None:
            written += d.written_as(form)
    if not out and name:
        # Ono, Ito, Sato (小野, 伊藤, 佐藤: UniDic's lemmas オノ, イトウ, サトウ), the commonest surnames:
        # JMnedict's many Onos rank 小野 below 雨四光 and 大野, and おの as bare kana is inside too many
        # words -- so only the lemma the analyzer gives such a name in the documents.
        out += [Alternative(kata, ("m:" + kata,), READING_WEIGHT, READING) for kata in map(jaconv.hira2kata, _kana_forms(word, 2))]
    # ... and as JMdict writes that reading (yumi: 弓, washi: 和紙, Shuri: 首里), commonest first
    for term, _prio in sorted(dict(written).items(), key=lambda tp: -tp[1])[:WRITTEN_ALTERNATIVES]:
        if tokens := tuple(tokenize(term)):
            out.append(Alternative(term, tokens, WRITTEN_WEIGHT, WRITTEN))
    return tuple(out)


_O_ROW = set("おこそとのほもよろごぞどぼぽょ")
_U_ROW = set("くすつぬふむゆるぐずづぶぷ")


def _long_vowels(kana: str, limit: int = 3) -> list[str]:
    """Romanised names drop their long vowels (Ryoma for りょうま, Chusonji for ちゅうそんじ, Tokyo
    for とうきょう, Osaka for おおさか, Kukai for くうかい): the kana as written, then with う after up
    to `limit` o-row, u-row and ゅ syllables (and お doubled at the start) -- UniDic's lemma of a
    name is its full reading."""
    spots = [i for i, ch in enumerate(kana) if (ch in _O_ROW or ch in _U_ROW or ch == "ゅ") and kana[i + 1 : i + 2] not in ("う", "お", "ぁ", "ぃ", "ぇ", "ぉ", "ゃ", "ゅ", "ょ")]
    spots = spots[:limit]
    out = [kana]
    for mask in range(1, 1 << len(spots)):
        chars = list(kana)
        for bit, i in enumerate(spots):
            if mask >> bit & 1:
                chars[i] += "お" if i == 0 and chars[i] == "お" else "う"
        out.append("".join(chars))
    return out


def _is_word(word: str) -> bool:
    """An English word JMdict glosses; a word only JMnedict's names know (hanga: 半谷) may be romaji."""
    d = _dictionary()
    return d is not None and d.is_gloss(singular(word))


def _known(word: str) -> bool:
    d = _dictionary()
    return d is not None and bool(d.en_to_ja(singular(word), limit=1))


# Romanised names end in the word for what they are: Shurijo is Shuri Castle (首里城), Kofukuji a
# temple, Akiyoshidai a plateau, Mashuko a lake. Only a word the dictionary lacks is split, and only
# when its stem reads as kana ending in a vowel or n (Norokko stays whole). (Not -san: it is also an
# honorific; not -to: too many words end so.) Tuning sets: +1 near miss (Akiyoshidai's doline
# answered from a lake), retrieval unchanged.
_ROMAJI_SUFFIX = re.compile(r"^(?P<stem>[a-z]{3,}?)-?(?P<suffix>jinja|jingu|taisha|dera|ji|jo|gawa|kawa|zan|yama|dake|jima|shima|bashi|hashi|eki|onsen"
                            r"|dai|kogen|mon|kan|kyo|keikoku|daki|taki|misaki|zaki|wan|hanto|ko|den|do)$")
_SUFFIX_MEANS = {"jinja": "shrine", "jingu": "shrine", "taisha": "shrine", "dera": "temple", "ji": "temple", "jo": "castle",
                 "gawa": "river", "kawa": "river", "zan": "mountain", "yama": "mountain", "dake": "mountain", "jima": "island",
                 "shima": "island", "bashi": "bridge", "hashi": "bridge", "eki": "station", "onsen": "hot spring",
                 "dai": "plateau", "kogen": "plateau", "mon": "gate", "kan": "hall", "kyo": "gorge", "keikoku": "gorge",
                 "daki": "waterfall", "taki": "waterfall", "misaki": "cape", "zaki": "cape", "wan": "bay", "hanto": "peninsula",
                 "ko": "lake", "den": "hall", "do": "hall"}  # -den, -do: 瑞鳳殿, 金色堂 (+1 English hit@1, devset6 tune)


def _split_name(word: str) -> list[str]:
    """A romanised name the dictionary lacks, as its name and what it is: Shurijo -> Shuri castle,
    Hirosaki-jo -> Hirosaki castle (the dictionary and the index know 首里城, 首里, m:シュリ)."""
    m = _ROMAJI_SUFFIX.match(word.lower())
    if not m or m.group("stem")[-1] not in "aeioun" or _known(word.lower()) or not _kana_forms(m.group("stem")):
        return [word]
    return [word[: len(m.group("stem"))], *_SUFFIX_MEANS[m.group("suffix")].split()]


@lru_cache(maxsize=4096)
def heard_as(word: str) -> tuple[str, ...]:
    """The katakana a romanised name may be read as (its long-vowel forms, as _reading), and the
    same for its name without the ending that says what it is: Zuiganji -> ズイガンジ, ズイガン
    (JMnedict knows a Zuiganji, 瑞岩寺, so the word is not split; the documents write 瑞巌寺)."""
    import jaconv

    m = _ROMAJI_SUFFIX.match(word.lower())
    stems = [word] + ([m.group("stem")] if m else [])
    return tuple(dict.fromkeys(jaconv.hira2kata(form) for w in stems for form in _kana_forms(w)))


def with_heard_names(query: Query, heard: Callable[[str], list[str]]) -> Query:
    """The query with the collection's proper nouns that read as its romanised words do: `heard`
    (a lexical index snapshot's) gives the tokens for a reading. UniDic spells many names' lemmas
    in katakana (m:カスガ), which the reading itself finds; 瑞巌 (ズイガン) only this way."""
    concepts = []
    changed = False
    for c in query.concepts:
        if c.readings:
            have = {a.tokens for a in c.alternatives}
            extra = []
            for reading in c.readings:
                for token in heard(reading):
                    if (token,) not in have:
                        have.add((token,))
                        extra.append(Alternative(token[2:], (token,), HEARD_WEIGHT))
            if extra:
                c = replace(c, alternatives=c.alternatives + tuple(extra))
                changed = True
        concepts.append(c)
    return replace(query, concepts=tuple(concepts)) if changed else query


def glossed_synonyms(concept: Concept, df) -> tuple[Alternative, ...]:
    """Synonyms of the concept's word that the collection holds, reached through the other language:
    雑誌 -> "journal" -> ジャーナル (Science姉妹誌のジャーナル), "paper" -> 論文 -> "article" (Research
    Article). Only the dictionary's confident senses both ways; `df` tells what the collection holds."""
    own = set(concept.alternatives[0].tokens) if concept.alternatives else set()
    out: dict[tuple[str, ...], Alternative] = {}
    for a in concept.alternatives[1:]:
        if a.weight < 0.8 or a.kind == READING:
            continue
        if a.term.isascii():
            back = _to_japanese(a.term.lower()) if re.fullmatch(r"[a-z]+(?: [a-z]+){0,2}", a.term.lower()) else ()
        elif _CJK.search(a.term):
            back = _to_english(a.term)
        else:
            continue
        for b in back:
            if b.weight >= 0.8 and b.tokens and set(b.tokens) != own and all(df.get(t) for t in b.tokens):
                out.setdefault(b.tokens, Alternative(b.term, b.tokens, SYNONYM_WEIGHT))
    return tuple(out.values())


_NOUN_LEMMA = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc々]+")  # kanji or katakana alone: no verb's or adjective's ending


# How documents say what a question asks in other words: who paid for the work is their "support"
# (…事業の支援を受けて行った), a grant's, a "funded by" -- the question's "funding", 研究費, is not there.
SAID_FOR_KIND = {"funding": ("支援", "助成", "funded", "supported", "grant")}
# ... and who did the work reported: the head of a research group (本研究成果は、…分野長の研究グループ
# によるもの), not of an earlier work's
SAID_FOR_AGENTS = ("本研究成果", "研究グループ", "research group", "this study")


def with_said_forms(query: Query, kind: str | None) -> Query:
    """The query with one more concept, the words documents use for the kind of thing asked
    (SAID_FOR_KIND): it finds and ranks their sentence, and as what is asked (answer_type) it is
    no missing thing."""
    forms = SAID_FOR_KIND.get(kind or "")
    if not forms:
        return query
    alts = tuple(Alternative(f, tuple(english_tokens(f) if f.isascii() else tokenize(f)), 0.7) for f in forms)
    return replace(query, concepts=query.concepts + (Concept(forms[0], alts, answer_type=True),))


# A loanword clipped (エクソ for エクソソーム, as アプリ for アプリケーション): Japanese shortens katakana
# words from the front. A katakana noun (KATAKANA_RUN) the collection lacks stands for the
# collection's one katakana word that begins with it and is longer by two letters or more.
def _unclipped(concept: Concept, df) -> tuple[Alternative, ...]:
    """エクソ -> エクソソーム, when the collection holds exactly one such longer word."""
    word = concept.word[2:]
    if not KATAKANA_RUN.fullmatch(word) or not hasattr(df, "completions"):
        return ()
    full = [t for t in df.completions(concept.word) if len(t) >= len(concept.word) + 2 and KATAKANA_RUN.fullmatch(t[2:])]
    return (Alternative(full[0][2:], (full[0],), 0.9),) if len(full) == 1 else ()


def with_synonyms(query: Query, df) -> Query:
    """The query with synonyms, through the other language, of the Japanese words the collection
    lacks (雑誌 for a release that says ジャーナル): only for those, so a word the documents use is
    never diluted by its dictionary neighbours (雑誌 -> magazine -> 倉, once every word was expanded);
    failing those, a clipped loanword's full form (エクソ -> エクソソーム, _unclipped)."""
    found: dict[str, tuple[Alternative, ...]] = {}
    for c in query.concepts:
        own = c.alternatives[0].tokens if c.alternatives else ()
        # a Japanese noun (a verb's synonyms stay paraphrases: 取る for 貰う is noise) the collection lacks
        # ... or a katakana word the analyzer split, glossed whole (ドーマント: dormant -> 休眠)
        noun = c.word.startswith("m:") and bool(_NOUN_LEMMA.fullmatch(c.word[2:])) or bool(KATAKANA_RUN.fullmatch(c.word))
        if noun and c.key and not c.answer_type and own and not any(df.get(t) for t in own):
            extra = glossed_synonyms(c, df) or _unclipped(c, df)
            if extra:
                found[c.word.removeprefix("m:")] = extra
    if not found:
        return query
    concepts = []
    for c in query.concepts:
        # the word's own character bigrams (雑誌 of 雑誌) stand for it too: else, absent, they
        # would keep a passage holding the synonym as far from the question as one without it
        extra = found.get(c.word.removeprefix("m:")) if c.key else next(
            (x for w, x in found.items() if c.word in w), None)
        concepts.append(replace(c, alternatives=c.alternatives + extra) if extra else c)
    return replace(query, concepts=tuple(concepts))


def _compound_parts(word: str) -> list[str]:
    parts = [p for p in word.split("-") if p]
    if _known(word.lower()) or not all(p.isdigit() or _is_word(p.lower()) for p in parts):
        return [word]
    return parts


# ... not after a prefix that is also a word (ultracentrifugation is no "ultra centrifugation":
# ultra, found, would make the unknown thing look half found)
_PREFIX_WORDS = frozenset("ultra micro macro super hyper hypo multi inter intra trans under over anti semi post nano mega meta para".split())


def _closed_compound(word: str) -> list[str]:
    """A closed compound the dictionary lacks as its two words (chemoresistance: chemotherapy
    resistance, as chemo is written out), each of four letters or more; romaji stays whole."""
    d = _dictionary()
    if len(word) < 9 or not (word.isalpha() and word.islower()) or d is None or _known(word) \
            or d.lemmas(word) is not None or HEPBURN.fullmatch(word):
        return [word]
    for i in range(4, len(word) - 3):
        left, right = word[:i], word[i:]
        if (left in _SHORTHAND or _is_word(left) and left not in _PREFIX_WORDS) and _is_word(right):
            return [_SHORTHAND.get(left, left), right]
    return [word]


# A word spelt in Hepburn syllables (hanga, chaji, hokkaido): maybe romaji, which no English
# dictionary lists.
HEPBURN = re.compile(r"(?:(?:[kgsztdnhbpmrwfj]|sh|ch|ts|kk|ss|tt|pp|tch)?y?[aiueo]|n(?![aiueoy]))+")


def _swapped_function_word(word: str) -> str | None:
    """The function word two neighbouring letters of `word` swapped make (teh: the, adn: and, waht:
    what): the commonest typo there is, which no other word explains."""
    if len(word) < 3:
        return None
    swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)} - {word}
    hits = swaps & STOP
    return next(iter(hits)) if len(hits) == 1 else None


def _respelled(word: str, first: bool, held: Callable[[Iterable[str]], set[str]] | None = None) -> str:
    """A misspelt English word as it was meant (publshed: published, jounral: journal), so that the
    dictionary translates it and the evidence checks do not count it absent. Names (capitalised
    after the first word), romaji (hanga), words near a function word (whith: with) stay. A word
    neither the dictionary nor the documents know, one edit from a single word the documents hold
    (`held`), is that word: "exosme" is "exosome", a term no dictionary lists."""
    d = _dictionary()
    low = word.lower()
    if d is None or (word[:1].isupper() and not first) or low in STOP or HEPBURN.fullmatch(low):
        return word
    if (swapped := _swapped_function_word(low)) and not _known(low):
        return swapped
    fixed = d.respelled(low)
    if fixed is None and held is not None and len(low) >= 6 and low.isalpha() and not _known(low) \
            and d.lemmas(low) is None and not held([low]):
        near = held(d.one_edit(low))
        fixed = near.pop() if len(near) == 1 else None
    return fixed if fixed and not STOP & d.one_edit(low) else word


# Chat shorthand, as meant: a contraction typed without its apostrophe (whats), a clipped word
# (dept, govt, chemo), a texting spelling (r, u, pls). Each a word no dictionary glosses, or one
# that would be read as another word ("pub date": not a bar).
_SHORTHAND = {
    "whats": "what's", "wheres": "where's", "whos": "who's", "hows": "how's", "whens": "when's", "thats": "that's",
    "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't", "doesnt": "doesn't", "dont": "don't", "didnt": "didn't",
    "cant": "can't", "havent": "haven't", "hasnt": "hasn't", "wouldnt": "wouldn't", "couldnt": "couldn't",
    "dept": "department", "depts": "departments", "govt": "government", "univ": "university", "info": "information",
    "approx": "approximately", "yr": "year", "yrs": "years", "mins": "minutes", "hrs": "hours", "org": "organization",
    "natl": "national", "intl": "international", "prof": "professor", "chemo": "chemotherapy", "pic": "picture",
    "pics": "pictures", "esp": "especially", "abt": "about", "pls": "please", "plz": "please", "thx": "thanks",
    "ppl": "people", "bc": "because", "cuz": "because", "b4": "before", "r": "are", "u": "you", "ur": "your",
    "mirna": "microRNA", "mirnas": "microRNAs",  # (the short form Japanese text does not use: マイクロRNA)
    "evs": "extracellular vesicles",  # (EV alone is as often a car)
    "addr": "address",
}
# Clinical shorthand, as a clinician types it between patients (pts, tx, mets; MSC由来, BCが): written
# out in the question's language -- in Japanese beside kana or kanji, where no English word around it
# would be translated. Capitals only where the lower-case word means another thing (bc: because;
# 300 BC: a year, not breast cancer).
_CLINICAL = {
    "pt": ("patient", "患者"), "pts": ("patients", "患者"), "tx": ("treatment", "治療"), "dx": ("diagnosis", "診断"),
    "hx": ("history", "病歴"), "mets": ("metastases", "転移"), "coi": ("conflict of interest", "利益相反"),
    "whilst": ("while", None), "amongst": ("among", None),
    "onc": ("oncology", "腫瘍"), "exo": ("exosome", "エクソソーム"), "exos": ("exosomes", "エクソソーム"),
    "post-op": ("after surgery", "術後"), "postop": ("after surgery", "術後"),
    "hq": ("headquarters", None),  # (HQ in capitals too, as it is written)
    "chemo": ("chemotherapy", "化学療法"),
}
_CLINICAL_CASED = {
    "BC": ("breast cancer", "乳がん"), "BM": ("bone marrow", "骨髄"), "MSC": ("mesenchymal stem cell", "間葉系幹細胞"),
    "PI": ("principal investigator", "研究責任者"), "PIs": ("principal investigators", "研究責任者"),
    "MSCs": ("mesenchymal stem cells", "間葉系幹細胞"), "HSC": ("hematopoietic stem cell", "造血幹細胞"),
    "HSCs": ("hematopoietic stem cells", "造血幹細胞"), "CSC": ("cancer stem cell", "がん幹細胞"), "CSCs": ("cancer stem cells", "がん幹細胞"), "miR": ("microRNA", "マイクロRNA"), "miRs": ("microRNAs", "マイクロRNA"),
}
_CLINICAL_WORD = re.compile(
    r"(?<![A-Za-z0-9'’.-])(?:(?i:" + "|".join(sorted(_CLINICAL, key=len, reverse=True)) + r")(?!-[0-9])|(?<![0-9] )("
    + "|".join(sorted(_CLINICAL_CASED, key=len, reverse=True)) + r")(?!-))(?![A-Za-z0-9'’]|\.\s*[A-Za-z0-9])")
# (pt-derived is patient-derived; miR-targeting stays one word: microRNA-targeting is nowhere)


def _clinical(text: str) -> str:
    """"MSC由来エクソソームでBCが…" -> "間葉系幹細胞由来エクソソームで乳がんが…", "pts on tx" -> "patients on treatment"."""
    japanese = bool(_CJK.search(text))

    def full(m: re.Match[str]) -> str:
        word = m.group(0)
        en, ja = _CLINICAL_CASED.get(word) or _CLINICAL[word.lower()]
        return ja if japanese and ja else _cased_as(word, en) if not m.group(1) else en

    return _CLINICAL_WORD.sub(full, text)


_SHORTHAND_WORD = re.compile(r"(?<![\w'’.-])(" + "|".join(sorted(_SHORTHAND, key=len, reverse=True)) + r")(?![\w'’-]|\.\w)", re.I)
_PUB = re.compile(r"\bpub(?=\.?\s+(?:date|year|day|month|time)\b)", re.I)
# "pr date", "the pr about": a press release (PR office, PR team: public relations, as they are)
_PR = re.compile(r"\bpr(?=\s+(?:date|title|headline|summary|about|say|says|said)\b|\s*[?？]?\s*$)|(?<=\bthe\s)pr\b(?!\s+(?:office|team|department|dept|contact|person|staff|people)\b)")


_BC_OWNED = re.compile(r"\b(her|his|my|your|their|our)(\s)bc\b", re.I)
_WITH = re.compile(r"(?<![\w/])w/(o\b)?(?=\s*\w)", re.I)


def _cased_as(typed: str, meant: str) -> str:
    """The word meant, capitalised as the word typed was (Whats -> What's, Jounral -> Journal)."""
    return meant[:1].upper() + meant[1:] if typed[:1].isupper() else meant


def without_shorthand(text: str) -> str:
    """"whats the pub date" -> "what's the publication date", "which dept" -> "which department"."""
    if not re.search(r"[A-Za-z]", text):
        return text
    text = _clinical(_PR.sub("press release", _PUB.sub("publication", text)))
    text = _BC_OWNED.sub(r"\1\2breast cancer", text)  # her bc: not because
    text = _WITH.sub(lambda m: "without" if m.group(1) else "with", text)  # w/ MSCs, w/o chemo

    def full(m: re.Match[str]) -> str:
        word = m.group(0)
        if len(word) <= 2 and not word.islower():
            return word  # R (the language), U (uranium): only texting's lower-case r, u, ur
        return _cased_as(word, _SHORTHAND[word.lower()])

    return _SHORTHAND_WORD.sub(full, text)


_HIRAGANA = re.compile(r"[\u3041-\u3096]")
_KANJI_CHAR = re.compile(r"[\u4e00-\u9fff々]")


@lru_cache(maxsize=2048)
def written_in_kanji(text: str) -> str:
    """A question written almost all in hiragana, as a child, an older reader or a phone without
    kana-kanji conversion writes it, with its nouns as documents write them: ざっしの ひょうし ->
    雑誌の 表紙, せんたー -> センター (the analyzer's lemma). The morphemes were found either way; the
    question's character bigrams (ざっ, っし) were not, and held every passage's coverage near 0.
    Only nouns of two characters or more in the lemma: がん (癌) is as documents write it."""
    kana = len(_HIRAGANA.findall(text))
    if kana < 8 or len(_KANJI_CHAR.findall(text)) > 0.15 * kana:
        return text
    from index.lexical import _tagger, lemma_of

    out: list[str] = []
    pieces: list = []  # a word the analyzer does not know in kana, in pieces: ろ|ん|ぶん, じゅう|しょ

    def as_written(w) -> str:
        lemma = lemma_of(w)
        noun = w.feature.pos1 == "名詞" and w.feature.pos2 == "普通名詞"
        kanji_or_katakana = _KANJI_CHAR.search(lemma) or KATAKANA_RUN.fullmatch(lemma)
        return w.white_space + (lemma if noun and len(lemma) >= 2 and _HIRAGANA.fullmatch(w.surface[0])
                                and kanji_or_katakana and not _HIRAGANA.search(lemma) else w.surface)

    def flush() -> None:
        word = _common_writing("".join(w.surface for w in pieces)) if len(pieces) > 1 else None
        out.extend([pieces[0].white_space + word] if word else map(as_written, pieces))
        pieces.clear()

    for w in _tagger()(text):
        morae = len(re.sub(r"[ぁぃぅぇぉゃゅょゎ]", "", w.surface))  # じゅう: two
        fragment = _FRAGMENT_POS.get(w.feature.pos1, 0) >= morae and bool(_HIRAGANA.fullmatch(w.surface[0]))
        if pieces and (not fragment or w.white_space):
            flush()
        if fragment:
            pieces.append(w)
        else:
            out.append(as_written(w))
    if pieces:
        flush()
    return "".join(out)


# What the analyzer leaves of a kana word it does not know: one- or two-kana nouns, suffixes,
# interjections and symbols (ろ|ん|ぶん for ろんぶん): pos -> the longest such piece.
_FRAGMENT_POS = {"名詞": 2, "接尾辞": 2, "感動詞": 1, "記号": 1}


def _common_writing(reading: str) -> str | None:
    """The one common word JMdict writes for a kana reading (じゅうしょ: 住所, ろんぶん: 論文), if
    one stands out (せんせい is 先生, 先制 and 宣誓 alike: none)."""
    d = _dictionary()
    found = d.written_as(reading) if d is not None and len(reading) >= 3 else ()
    if not found or found[0][1] < 1.0 or (len(found) > 1 and found[1][1] > found[0][1] - 0.05):
        return None
    return found[0][0]


def held_in(df: Any) -> Callable[[Iterable[str]], set[str]]:
    """Which of some words the documents hold, in the index's analysis: an English word's stem, a
    kana word as a morpheme (m:エクソソーム), a hiragana one also as text (its character bigrams:
    やんばる, which the analyzer splits). `df` is their document frequencies (index.bm25.Frequencies,
    whose `holding` looks many up at once, or a dict)."""
    def held(words: Iterable[str]) -> set[str]:
        words = list(words)
        stems = [f"m:{w}" if _KANA_WORD.fullmatch(w) else s for w, s in zip(words, english_stems(words))]
        pairs = {w: [w[i:i + 2] for i in range(len(w) - 1)] for w in words if _HIRAGANA_WORD.fullmatch(w)}
        wanted = {s for s in stems if s} | {b for bs in pairs.values() for b in bs}
        present = df.holding(wanted) if hasattr(df, "holding") else {s for s in wanted if df.get(s)}
        return {w for w, s in zip(words, stems) if s in present or (w in pairs and set(pairs[w]) <= present)}
    return held


_HIRAGANA_WORD = re.compile(r"[\u3041-\u3096ー]{4,}")
_KANA_WORD = re.compile(r"[\u3041-\u3096\u30a1-\u30faー]+")


def in_katakana(text: str, held: Callable[[Iterable[str]], set[str]]) -> str:
    """A loanword written in hiragana, as one who has not learnt its katakana writes it
    (えくそそーむ), in katakana when the documents hold it so (エクソソーム): its characters are no
    word the index knows otherwise. Longest first, four to twelve kana (no particle reads as one)."""
    spans = {(m.start() + i, m.start() + j) for m in _HIRAGANA_WORD.finditer(text) for i in range(len(m.group()))
             for j in range(i + 4, min(i + 12, len(m.group())) + 1)}
    kata = {span: _to_katakana(text[span[0]:span[1]]) for span in spans}
    found = held([k for k in set(kata.values()) if KATAKANA_RUN.fullmatch(k)] + [text[a:b] for a, b in spans])
    out, at = [], 0
    # (not a word the documents write in hiragana themselves: やんばる of やんばる国立公園)
    for start, end in sorted((sp for sp in spans if kata[sp] in found and text[sp[0]:sp[1]] not in found),
                             key=lambda sp: (sp[0], sp[0] - sp[1])):
        if start >= at:
            out += [text[at:start], kata[(start, end)]]
            at = end
    return "".join(out) + text[at:]


def _to_katakana(kana: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in kana)


def respelled(text: str, held: Callable[[Iterable[str]], set[str]] | None = None) -> str:
    """The text with its misspelt English words as meant (_respelled), for retrieval and evidence
    alike: "which jounral publshed the paper?" -> "which journal published the paper?", and with
    `held` (which of some words the documents hold: held_in) "exosme size" -> "exosome size"; chat shorthand
    written out (without_shorthand); a question in hiragana with its nouns in kanji
    (written_in_kanji), a loanword in hiragana in the documents' katakana (in_katakana)."""
    text = written_in_kanji(without_shorthand(text))
    if held is not None and _HIRAGANA_WORD.search(text):
        text = in_katakana(text, held)
    if not re.search(r"[a-z]{4}", text):
        return text
    words = list(_WORD.finditer(text))

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if not word.isalpha():
            return word
        return _cased_as(word, _respelled(word, m.start() == words[0].start(), held))

    return _WORD.sub(fix, text)


def _composed(content: list[tuple[int, str]], concepts: list[Concept], surface: dict[str, str]) -> list[Concept]:
    """A modifier and the phrase after it, translated together: "blood-forming stem cells" is
    造血幹細胞, a rarer sense of "stem cells" (幹細胞) that shares 造血 with a sense of "blood-forming"
    (造血機能). A Japanese compound the dictionary gives for the head, holding a word of one of the
    modifier's translations that its commonest translation lacks, is the pair's translation."""
    out = []
    word_at = dict(content)
    position = {w: i for i, w in content}
    for head in concepts:
        if not head.phrase or len(head.alternatives) < 2:
            continue
        modifier = word_at.get(position.get(head.word.split()[0], -9) - 1)
        if modifier is None:
            continue
        if any(c.word == f"{modifier} {head.word}" for c in concepts):
            continue  # the dictionary knows the pair (world heritage site): its own translation stands
        m_alts = _to_japanese(modifier, surface.get(modifier, modifier))
        m_tokens = {t for a in m_alts if _CJK.search(a.term) for t in a.tokens if t.startswith("m:")}
        common = {t for t in head.alternatives[0].tokens if t.startswith("m:")}
        for a in head.alternatives[1:]:
            morphemes = {t for t in a.tokens if t.startswith("m:")}
            shared = morphemes & m_tokens - common
            if shared and morphemes <= common | shared and _CJK.search(a.term):  # nothing unexplained (世界自然遺産)
                out.append(Concept(f"{modifier} {head.word}", (Alternative(a.term, a.tokens, 1.0),), phrase=True))
                break
    return out


def _english_concepts(text: str) -> list[Concept]:
    # (a sentence's end is a word of its own, ".", which no phrase spans: "…fund the work? Program
    # name?" holds no "work program")
    raw = [re.sub(r"'s$", "", m.group(0)) if m.group(0)[0].isalnum() else "." for m in _WORD_OR_END.finditer(text)]  # Hikone's -> Hikone
    raw = [part for i, w in enumerate(raw) for part in (_split_name(w) if i > 0 and w[:1].isupper() else [w])]
    # A hyphenated compound of English words the dictionary lacks is its words: stem-cell-like -> stem
    # cell (幹細胞) like, blood-forming -> blood forming (not one katakana guess for the whole). Romaji
    # stays whole: uguisu-bari is read as うぐいすばり (鶯張り).
    raw = [part for w in raw for part in (_compound_parts(w) if "-" in w and w[:1].islower() else _closed_compound(w))]
    words = [w.lower() for w in raw]
    # (a sentence's first word is capitalised as any word is: "… the work? Program name." names no Program)
    capital = {w.lower() for i, w in enumerate(raw) if i > 0 and w[:1].isupper() and raw[i - 1] != "."}
    # (microrna, mirna typed in lower case: the nucleic acid keeps its capitals -- microRNA, miRNA)
    surface = {w.lower(): re.sub(r"(?<=[a-z])(rna|dna)$", lambda m: m.group(1).upper(), w) for w in raw}
    concepts: list[Concept] = []
    content = [(i, w) for i, w in enumerate(words) if w not in STOP and len(w) > 1]
    # Phrases first: two or three adjacent content words that the dictionary knows as one unit.
    for n in (3, 2):
        for j in range(len(content) - n + 1):
            run = content[j : j + n]
            if run[-1][0] - run[0][0] != n - 1:
                continue  # not adjacent in the question
            phrase = " ".join(w for _, w in run)
            alts = _to_japanese(phrase)
            if alts:
                # (a phrase of answer-type words says what is asked too: "email address")
                concepts.append(Concept(phrase, alts, phrase=True, answer_type=all(w in ANSWER_TYPE for _, w in run)))
    concepts += _composed(content, concepts, surface)
    said = " ".join(words)
    idiom_words: set[str] = set()
    for idiom, meaning in IDIOMS.items():
        if re.search(rf"\b{idiom}\b", said) and (alts := _to_japanese(meaning)):
            concepts.append(Concept(idiom, alts, phrase=True))
            idiom_words.update(idiom.split())
    for w in dict.fromkeys(w for _, w in content if w not in idiom_words):  # "face to face": one concept, not two
        own = tuple(english_tokens(w))
        if not own:
            continue
        alts = (Alternative(w, own),) + (() if w.isdigit() else _to_japanese(w, surface.get(w, w))) + _abbreviation(w)
        readings: tuple[str, ...] = ()
        if w in capital or not _is_word(w):  # a name, or a word JMdict does not gloss: maybe romaji (hanga, chaji)
            alts += tuple(a for a in _reading(w, w in capital) if a.tokens)
            readings = heard_as(w)
        concepts.append(Concept(w, alts, answer_type=w in ANSWER_TYPE, readings=readings, key=w not in DISCOURSE_EN))
    return concepts


def _abbreviation(word: str) -> tuple[Alternative, ...]:
    """What documents write for the word, when they abbreviate it (phone: TEL, ホームページ: HP)."""
    short = ABBREVIATIONS.get(word)
    return (Alternative(short, (short,)),) if short else ()


# A katakana word of three letters or more (エクソソーム, オンライン): a loanword or a name.
KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa][\u30a1-\u30fa\u30fc]{2,}")


def _katakana_words(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Katakana words the analyzer splits but the dictionary knows whole (オンライン: オン + ライン),
    with the morpheme tokens they split into."""
    out = []
    for run in dict.fromkeys(KATAKANA_RUN.findall(text)):
        parts = tuple(t for t in tokenize(run) if t.startswith("m:"))
        plain = not any(t[2:] in ANSWER_TYPE_JA or t[2:] in ABBREVIATIONS for t in parts)  # メール|アドレス: as they are
        # (split in two, or cut short: ドーマント is read as マント, mantle, when it is read as one word)
        cut = len(parts) > 1 or (len(parts) == 1 and len(parts[0]) - 2 < len(run) - 1)
        if cut and plain and _to_english(run):
            out.append((run, parts))
    return out


# The counter of a how-many (何度, 何回, 何歳, 何割): like 数, it says what is asked -- a number --
# not a word the answer must hold (何度も出てきます, "comes up again and again", holds none at all).
_COUNTER_ASKED = re.compile(r"何(度|回|歳|個|件|例|割|倍|週|社|種|点|位|本|枚|冊)")


def _japanese_concepts(text: str) -> list[Concept]:
    """One concept per token (so scoring equals plain BM25), with English glosses of each lemma; a
    katakana word the analyzer splits is one concept, glossed whole (オンライン: online)."""
    concepts = []
    whole = _katakana_words(text)
    split = {t for _, parts in whole for t in parts}
    counters = set(_COUNTER_ASKED.findall(text))
    for run, parts in whole:
        glosses = _to_english(run)
        role = _loanword_role(run, glosses)
        concepts.append(Concept(run, (Alternative(run, parts),) + glosses + _abbreviation(run), answer_type=role == "type", key=role != "discourse"))
    for t in dict.fromkeys(tokenize(text)):
        if t.isascii() or t in split:
            continue  # English words and numbers of a mixed question come from _english_concepts
        alts = [Alternative(t, (t,))]
        morpheme = t.startswith("m:")
        role = None
        if morpheme:
            glosses = _to_english(t[2:], heard=t[2:] in text)  # (a katakana lemma the question writes so)
            alts += glosses + _abbreviation(t[2:])
            role = _loanword_role(t[2:], glosses)
        concepts.append(Concept(t, tuple(alts), answer_type=t[2:] in ANSWER_TYPE_JA or t[2:] in counters or role == "type",
                                key=morpheme and t[2:] not in DISCOURSE_JA and role != "discourse"))
    return concepts


def _loanword_role(word: str, glosses: tuple[Alternative, ...]) -> str | None:
    """What an English loanword does in a question, as its English word would: サイズ, ネーム and
    ナンバー say what is asked ("type", as size, name, number), インクワイアリー and サマリー frame
    it ("discourse"). Only a katakana word whose first gloss is one English word."""
    if not KATAKANA_RUN.fullmatch(word) or not glosses:
        return None
    gloss = glosses[0].term.lower()
    return "type" if gloss in ANSWER_TYPE else "discourse" if gloss in DISCOURSE_EN else None


@lru_cache(maxsize=2048)
def build_query(text: str) -> Query:
    lang = detect_language(text)
    concepts = _english_concepts(text)
    if _CJK.search(text):
        concepts += _japanese_concepts(text)
    if (VENUE_WHERE.search(text) or paper_link_asked(text)) and all(c.word != "journal" for c in concepts):
        # the word the question leaves out, as an answer-type concept: it ranks, the evidence need not hold it
        # (a link to the paper is given where the documents say which journal carried it)
        concepts.append(Concept("journal", (Alternative("journal", tuple(english_tokens("journal"))),) + _to_japanese("journal"),
                                answer_type=True))
    return Query(text, lang, tuple(concepts))

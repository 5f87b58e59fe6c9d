"""The offline extractive answerer: pick the sentences that answer, cite them verbatim, or abstain.

No model writes anything here: every sentence of an answer is a sentence of a source document, so
nothing is asserted that the documents do not say. The work is in choosing well:
- candidate sentences come from the best passages; each is scored by the passage's retrieval score,
  by how much of the question's (IDF-weighted) vocabulary it contains, and by whether it holds the
  kind of thing the question asks for (a number, a date, a person, a URL/phone number);
- the answerer abstains when the evidence is weak: no passage is semantically close, or the
  question's key terms are absent (same-language questions), or the asked-for kind of answer
  appears nowhere in the candidates;
- near misses (on topic, but the asked fact is missing) are judged by what is asked for: a number
  in the asked unit (何メートル, "how many people"), a year for 何年, held by a sentence of the lead
  passage that is about the question, in a passage that names the question's entity.
What a question asks for (its kind, unit, defined term, "where" forms) is read in bot.qa.forms.
"""

from __future__ import annotations

import itertools
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from math import log

from cachetools import LRUCache, cached

from bot.models import Citation, Passage
from bot.qa.about import asked_of_document, opening_answer, where_in_document
from bot.qa.forms import (
    ADDRESSED_TO_PEOPLE, CATCH_ALL, CLAIM_FORMS, CONTACT_GIVEN, CONTACTS, FIGURATIVE_WHERE, FUNDING_SAID, SCOPE_ASKED, FUNDING_WORD, GENERAL_CONTACT_OFFERED, LEADER_ASKED, NAME_ORIGIN, NAME_WHY, ORG_HEAD_ASKED, ORG_WHERE, OWN_WORK, PEOPLE, PERSONAL_CONTACT, QUOTED, SMALL_TALK,
    SOURCE_WHERE, WHERE, YES_NO_EN, ASKED_ACRONYM, ASKED_IN_ANIMALS, ASKED_IDENTIFIER, ASKED_STATISTIC, ASKS_NAME, NAME_FORMS, NOUN_RUN, TITLE_ASKED, WHICH_EN, WHICH_JA, answer_kind, answer_unit, choices, actor_asked, contact_asked, study_agents_asked, defined_term, opens_with_ordinal, ordinal_asked, judged_text, paper_link_asked, venue_asked, without_request,
)
from bot.prompts import messages
from bot.qa import numerals
from bot.qa.measures import measure_conflicts, word_family
from bot.qa.roles import HEAD_OF_ORGANISATION, role_asked, roles_said
from bot.qa.query import ANSWER_TYPE, HEPBURN, KATAKANA_RUN, READING, STOP, Alternative, Concept, Query, build_query, glossed_synonyms, held_in, respelled, singular
from bot.qa.tuning import AnswerTuning
from index.chunk import detect_language, is_title
from index.clean import squash
from index.dictionary import en_to_ja, english_stems, gloss_stems, is_gloss, ja_to_en
from index.lexical import content_bigrams, english_tokens, tokenize


_HAS = {
    # A date, not any number: 直径 100 nm says nothing about when.
    "date": re.compile(r"[0-9０-９]+\s*(年|月|日|世紀)|\b(1[0-9]{3}|20[0-9]{2})s?\b|\b(in|of|since|until|by|from) [0-9]{3,4}\b|\b[0-9]{1,2}(st|nd|rd|th) century"
                       r"|\b(January|February|March|April|May|June|July|August|September|October|November|December|BC|AD|BCE|CE)\b"
                       r"|[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4}|[一二三四五六七八九十]+(年|月|日|世紀)|元年|(昭和|平成|令和|明治|大正)|時代"
                       # ... or a time of day: "closes at 3 pm", 午後3時
                       r"|\b[0-9]{1,2}(:[0-9]{2})?\s*(am|pm|a\.m\.|p\.m\.)|\b[0-9]{1,2}:[0-9]{2}\b|\b(noon|midnight)\b|[0-9０-９]+\s*時|午前|午後|正午"),
    "person": re.compile(r"\b[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+\b"),
    "contact": re.compile(r"https?://|www\.|[@＠]|\d{2,4}-\d{2,4}-\d{3,4}|TEL|FAX", re.I),
    "funding": FUNDING_SAID,
}
# "[7]" inside a quoted document sentence would read as one of our citation markers.
_CJK = re.compile(r"[\u3041-\u30ff\u3400-\u9fff]")
_FAKE_MARKER = re.compile(r"\[(\d{1,3})\]")
_URL_ONLY = re.compile(r"^\s*(https?://|www\.)\S+\s*$")
_PUBLISHED_SAID = re.compile(r"掲載|誌|ジャーナル|\bjournal\b|\bpublished\b", re.I)


def _title_line(c: "_Candidate") -> bool:
    """A line standing on its own as a title (Promoting cancer cell dormancy with exosomes): short,
    no sentence's ending, not a link, a 【heading】 or a bare name, nor a piece of a sentence cut at
    a title's "!" (ハリウッド映画『トラ・トラ・トラ!』)."""
    t, quote, (start, end) = c.text.strip(), c.passage.quote, c.clean
    alone = not quote[:start].strip(" \t") or quote[:start].rstrip(" \t").endswith("\n")
    alone = alone and (quote[end:].lstrip(" \t").startswith("\n") or not quote[end:].strip() and t[-1:] not in "」』）)")
    return (alone and 8 <= len(t) <= 80 and "\n" not in t and not re.search(r"[。．！？!?:：]$|[a-z]\.$", t)
            and not _URL_ONLY.match(t) and not re.match(r"[【＜<\[(（]", t) and not _name_line(t))


# A number that counts or measures, not one that orders or names: 第3次, 3rd, 三代目, 2014年 (a year)
# say "which", not "how many".
_ORDINAL_BEFORE = re.compile(r"(第|No\.?|phase|#)\s*$", re.I)
_URL = re.compile(r"https?://\S+|www\.\S+")
_ORDINAL_AFTER = re.compile(r"^(次|代目|代|番目|番|回目|位|世|号|期|号機|th\b|st\b|nd\b|rd\b)")
_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
# A year a question is anchored to: not a decade (1750s, 1750年代) or an approximate one (around 1750, 1750年頃).
_ANCHOR_YEAR = re.compile(r"(?<!around )(?<!about )(?<!circa )(?<!\d)(?<!\d[.,])(1[0-9]{3}|20[0-9]{2})(?!\d|[.,]\d|'?s\b|年代|年頃|年ごろ)", re.I)
_DATE_AFTER = re.compile(r"^(年(?!間|分|前|後|以上|以内|近く|余り|あまり|ほど|程度|ぶり)|月(?!間)|日(?!間)|/)")
_APPROX_BEFORE = re.compile(r"(約|およそ|おおよそ|ほぼ|わずか|平均|最大|最長)\s*$")


def _counts(text: str):
    """Each number in the text that counts or measures, as the text just before and after it."""
    for m in itertools.chain(numerals.WORD.finditer(text), numerals.VAGUE_JA.finditer(text)):
        yield text[max(0, m.start() - 2) : m.start()], text[m.end() : m.end() + 16]
    text = _URL.sub(" ", text)  # 7/332/ra63 in a link counts nothing
    for m in numerals.NUMERAL.finditer(text):
        before, after = text[max(0, m.start() - 7) : m.start()], text[m.end() : m.end() + 4]
        number = unicodedata.normalize("NFKC", m.group())
        if _ORDINAL_BEFORE.search(before) or _ORDINAL_AFTER.match(after):
            continue
        approximate = bool(_APPROX_BEFORE.search(before))  # 約243日: a length of time, not a date
        if not approximate and (_DATE_AFTER.match(after) or (_YEAR.match(number) and not re.match(r"^\s*(年間|years?\b)", after))):
            continue
        if re.fullmatch(r"[一二三四五六七八九]", m.group()) and not re.match(r"^[つ人名個件本匹頭回倍割歳か]", after):
            continue  # a lone kanji numeral inside a word (一般, 三大), not a count
        yield text[max(0, m.start() - 2) : m.start()], text[m.end() : m.end() + 16]


def _has_quantity(text: str) -> bool:
    return any(True for _ in _counts(text))


# -- the units a text gives a number in (bot.qa.forms reads the one a question asks in) --------
# A number's unit is read right after it, past multipliers (3億3,360万円, 1.2 million people).
_UNITS: dict[str, str] = {
    "length": r"(キロ|センチ|ミリ|マイクロ|ナノ)?メートル|キロ(?!グラム)|(km|cm|mm|μm|µm|nm|m)\b|(kilo|centi|milli|micro|nano)?met(re|er)s?\b|miles?\b|feet\b|foot\b|ft\b|inch",
    "weight": r"(キロ|ミリ)?グラム|トン|キロ(?!メートル)|(kg|mg|g|t)\b|(kilo)?grams?\b|tonnes?\b|tons?\b|pounds?\b|lbs?\b",
    "money": r"円|ドル|ユーロ|ポンド|元|yen\b|dollars?\b|euros?\b|pounds?\b",
    "percent": r"[%％]|パーセント|割|分の|percent|per ?cent",
    # (名 of 100名城, 名所, 名作 counts no people; 100名以上 and 30名余り do)
    "people": r"人|名(?!(?![以余弱強超近程])[\u4e00-\u9fff])|(" + PEOPLE + r")\b",
    "times": r"回|度(?!目)|times\b",
    "temperature": r"℃|°|度(?!目)|degrees?\b",
    # a dose or a concentration: an amount of substance, per volume or body weight, or a share
    # (units are matched ignoring case: nM would be nm, a length)
    "dose": r"(ナノ|マイクロ|ミリ)?(グラム|モル)|(ng|μg|µg|mg|g|mol|Gy|IU|units?)(\s*/\s*(kg|m?L|ml|l|m2|day))?\b|(nano|micro|milli)?molar\b|[%％]|ppm\b|ppb\b|錠|単位|グレイ",
}
# A unit ends where Latin letters do: \b fails before Japanese, a word character too (1,500mで, 28m先).
_UNITS = {k: v.replace(r"\b", r"(?![A-Za-z0-9])") for k, v in _UNITS.items()}
_MEASURE = re.compile(
    "|".join(_UNITS[k] for k in ("length", "weight", "money", "percent"))
    + r"|平方|立方|リットル|℃|°|度|時間|分(?!の)|秒|歳|才|年|か月|ヶ月|カ月|日|倍|square|cubic|lit(re|er)s?\b|degrees?\b|hours?\b|minutes?\b|seconds?\b|years?\b|months?\b|days?\b|weeks?\b|km2|ha\b".replace(r"\b", r"(?![A-Za-z0-9])"),
    re.I,
)
_MULTIPLIER = re.compile(r"^(\s*([万億千百兆十]|thousand|million|billion|trillion))*\s*(余り|余|以上|あまり|近く|ほど|程度|強|弱)?\s*", re.I)
_RANGE = re.compile(r"^\s*[〜~～－\-–]\s*[0-9０-９][0-9０-９,.，．]*")
_CURRENCY_BEFORE = re.compile(r"[$¥£€＄￥]\s*$")


# A year: 1964年, 1959年度, 670 (in English), 元年, 昭和39年, 千九百年 -- not 江戸時代 or 6月下旬, nor the
# digits of a postcode or a phone number (〒104-0045, 03-3542-2511).
_BARE_YEAR = r"(?<![0-9-])\b[1-9][0-9]{2,3}\b(?!-[0-9])"  # 670, 1999 -- not 104-0045
_YEAR_EXPR = re.compile(r"[0-9０-９][0-9０-９,，]*\s*年|" + _BARE_YEAR + r"|元年|[一二三四五六七八九十百千]+年")
# A day of a month: 7月 1日, July 1, 1 July (not "novel 3" or "Mars 2").
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_MONTH_DAY = re.compile(r"[0-9０-９一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日(?!間)"
                        r"|\b" + _MONTH + r"\.? [0-9]{1,2}\b|\b[0-9]{1,2} " + _MONTH + r"\b", re.I)
# A calendar year, not a span of years: 1999年, 794年, 1999, 元年, 平成3年.
_CALENDAR_YEAR = re.compile(r"(?<![0-9０-９])[1-9１-９][0-9０-９]{2,3}\s*年|" + _BARE_YEAR + r"|元年"
                            r"|(明治|大正|昭和|平成|令和)\s*[0-9０-９一二三四五六七八九十]+\s*年")


_CALENDAR = re.compile(r"(?<![0-9０-９,，.])(1[0-9]{3}|20[0-9]{2})\s*年(?!間|以上|余|ほど|近く|程度|前|後|かけ|も|にわた)|月\s*[0-9０-９]{1,2}\s*日(?!間)")
# Counters that count the same things: 何種類 is answered by 300種, 何か所 by 12カ所, 何頭 by 5匹.
_COUNTER_SAME = {c: group for group in ("種類|種", "か所|カ所|箇所|ヶ所|ケ所", "頭|匹") for c in group.split("|")}


# A length of time that recurs: 20年ごと, 3か月おき, 毎年, 年1回, every two years, annually.
_RECURRING = re.compile(r"ごと|毎|おき|置き|間隔|周期|サイクル|ペース|年[にで]?[0-9０-９一二三四五六七八九十数]+\s*回|\b(?:every|each|per|a)\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|hours?|decades?|centur(?:y|ies))\b"
                        r"|\b(?:annual(?:ly)?|yearly|monthly|weekly|daily|hourly|intervals?|periodic(?:ally)?|cycles?)\b", re.I)


def fits_unit(unit: str | None, text: str) -> bool:
    """The text holds a number in the unit asked for; any quantity when no unit is known."""
    if unit is None:
        return _has_quantity(text)
    if unit == "frequency":  # how often: 年に2回, or every 20 years (20年ごと) -- not a span (5年以内, 10年、20年と)
        return fits_unit("times", text) or fits_unit("time", text) and bool(_RECURRING.search(text))
    if unit == "time":  # 20年かけて, 3 days: a number before 年 is read as a date elsewhere
        # (a kanji numeral and unit inside a longer word count nothing: 三日月, 四日市, 十日町; a
        # calendar year or day of the month is a date, no length of time: 2010年代, 9月21日)
        text = _CALENDAR.sub(" ", text)
        return bool(re.search(r"[0-9０-９][0-9０-９,.，．]*\s*(年|か月|ヶ月|カ月|週|日|時間|分|秒)"
                              r"|[一二三四五六七八九十百千]+(年|か月|ヶ月|カ月|週|日|時間|分|秒)(?!(?!間|後|前|半|余|以|近)[\u4e00-\u9fff])"
                              r"|\b(years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b", text, re.I))
    if unit.startswith(":"):  # a counter of its own: 八段, 3発 (a kanji numeral counts here too)
        counter = _COUNTER_SAME.get(unit[1:], re.escape(unit[1:]))
        # ... or counted natively, the thing after: 二つの点 answers 何点, 三つの段階 何段階
        return bool(re.search(r"([0-9０-９][0-9０-９,.，．]*|[一二三四五六七八九十百千万億]+)\s*(" + counter + ")"
                              r"|([0-9０-９]+|[一二三四五六七八九十])\s*つの\s*(" + counter + ")", text))
    for before, after in _counts(text):
        after = _RANGE.sub("", after, count=1)  # 120〜180センチメートル: the unit is after the range
        after = after[_MULTIPLIER.match(after).end() :]
        if unit == "money" and _CURRENCY_BEFORE.search(before):
            return True
        if unit == "count":
            if not _MEASURE.match(after):
                return True
        elif re.match(_UNITS[unit], after, re.I):
            return True
    return False


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*|[0-9]+(?:[.,][0-9]+)*")


def _names(question: str) -> set[str]:
    """The question's proper names, as concept words: capitalised English words after the first
    word, and Japanese proper nouns (UniDic 固有名詞) as the index's morpheme tokens. In a question
    typed all in lower case ("tamura's title"), a word spelt in Hepburn syllables that no English
    dictionary glosses is taken for a name too."""
    from index.lexical import morphemes_with_pos

    words = _LATIN_WORD.findall(question)
    names = {w.lower() for i, w in enumerate(words) if i > 0 and w[:1].isupper()}
    if not re.search(r"[A-Z]", question):
        names |= {w for w in (re.sub(r"['’]s$", "", x.lower()) for x in words)
                  if len(w) > 3 and w not in STOP and HEPBURN.fullmatch(w) and not is_gloss(singular(w))}
    if _CJK.search(question):
        for surface, pos in morphemes_with_pos(question):
            if pos[0] == "固有名詞":
                names |= {t for t in tokenize(surface) if t.startswith("m:")}
    return names


# Capitalised pairs that name a publication, an institution or a place, not a person (Nature
# Communications, National Cancer, Lake Superior).
_NOT_A_PERSON = frozenset(
    """Nature Science Communications Journal Letters Review Reports Proceedings Signaling Press News Times
    University College Institute Center Centre Hospital Society Association Foundation Company Corporation
    Museum School Laboratory Research National International Cancer Medical Lake River Mount Island Bay
    Street Park Station Prefecture City Marathon Bridge Tower Castle Temple Shrine Church Cathedral Palace Hall
    Stadium Testament Prize Award Symphony Passion Games Olympics Championship Cup Series Railway Line Airport
    Harbour Canal Falls Sea Ocean Gulf Strait Valley Province State County Kingdom Empire Republic Agency
    Telescope Mission Program Programme Project New San Los Las North South East West Upper Lower Great The His
    Her Its Their In On At From By""".split()
)

# Every 'First Last' pair, overlapping ones too: "Cancer Takahiro Ochiya" holds a person.
_PERSON_PAIRS = re.compile(r"(?=\b([A-Z][a-z]+(?: (?:de|van|von|da|di|del|della|du|der|den|la|le|ten|ter|bin|ibn|al)){0,2}(?: [A-Z]\.)? [A-Z][a-z]+)\b)")


# A word UniDic reads as a name is part of a place or thing when one of these follows it (アポロ計画,
# a name + 川 or 山); a reading in kana brackets (剣道(けんどう)) names no one either. (A place it
# reads whole as a surname, 信濃川, still passes for a person.)
_THING_AFTER_NAME = re.compile(r"(川|山|岳|島|湖|湾|城|寺|神社|宮|駅|県|市|町|村|区|郡|橋|線|港|空港|計画|号|丸|賞|通り|海峡|半島|平野)")
_TITLED = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame|Lady|Lord)\.? [A-Z][a-z]+")  # Dr. Aoyama
_KANA_ONLY = re.compile(r"[\u3041-\u309f]+")
_WORK_TITLE = re.compile(r"『[^』]*』")


@lru_cache(maxsize=4096)
def _persons(text: str) -> tuple[str, ...]:
    """The people a text names: Latin 'First Last' pairs, titled names (Dr. Aoyama), and runs of
    UniDic 人名 morphemes (宮沢 賢治 as one). A title alone (研究員, 教授) names no one. Cached: the
    kind check, the new-person check and the role check each ask of the same sentences."""
    found = [m.group(1) for m in _PERSON_PAIRS.finditer(text) if not (set(m.group(1).split()) & _NOT_A_PERSON)]
    found += [m.group(0) for m in _TITLED.finditer(text)]
    from index.lexical import _tagger

    words = _tagger()(_WORK_TITLE.sub("『』", text))  # 『風の又三郎』 is a book, not a person
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and (words[j].feature.pos2, words[j].feature.pos3) == ("固有名詞", "人名") \
                and not _KANA_ONLY.fullmatch(words[j].surface):
            j += 1
        if j == i:
            i += 1
            continue
        after = words[j] if j < len(words) else None  # 宮沢賢治記念館 and アポロ計画 name a thing
        if not (after is not None and after.feature.pos1 in ("名詞", "接尾辞") and _THING_AFTER_NAME.fullmatch(after.surface)):
            found.append("".join(w.surface for w in words[i:j]))
        i = j
    return tuple(found)


_GROUP = r"(?:研究)?(?:グループ|チーム|班|室)"


def leads_a_group(text: str) -> bool:
    """The text names a person as the head of a group: <name>(<title>)(ら)の研究グループ."""
    return any(re.search(re.escape(name) + r"[^\s、。,（(]{0,6}?(?:ら)?の" + _GROUP, text) for name in _persons(text))


def _names_someone_new(text: str, question: str, query: Query) -> bool:
    """The text names a person the question does not: not 宮沢賢治 for a question about the 宮沢賢治
    記念館, nor (across languages) 宮沢 for "Kenji Miyazawa". A person is the question's when
    every word of the name is one of the question's words or their translations."""
    asked = {t for c in query.concepts for a in c.alternatives for t in a.tokens}
    q = unicodedata.normalize("NFKC", question).lower()
    for name in _persons(text):
        if unicodedata.normalize("NFKC", name).lower() in q:
            continue
        words = [t for t in tokenize(name) if t.startswith("m:")] or list(tokenize(name))
        if words and all(t in asked for t in words):
            continue
        return True
    return False


def _without_names(text: str) -> str:
    """The text with the people it names blanked out."""
    for name in _persons(text):
        text = text.replace(name, " ")
    return text


def _has_person(text: str) -> bool:
    """A person's name (see _persons)."""
    return bool(_persons(text))


# A short name asked for (略称, "short name", "abbreviation") and given (略称：国がん, "abbreviated as").
SHORT_NAME_ASKED = re.compile(r"略称|略して|short\s+(?:name|form)|abbreviat|acronym", re.I)
SHORT_NAME_SAID = re.compile(r"略称|略して|abbreviat|short\s+name", re.I)


def fits_kind(kind: str | None, text: str, unit: str | None = None) -> bool:
    """The text holds the kind of thing asked for (for a number, in the unit asked for; for a
    contact, the kind of contact)."""
    if kind is None:
        return True
    if kind == "contact" and unit:
        return bool(next(gives for name, _, gives in CONTACTS if name == unit).search(text))
    if kind == "person":
        return _has_person(text)
    if kind == "number":
        return fits_unit(unit, text)
    if kind == "date" and unit == "year":
        return bool(_YEAR_EXPR.search(text))
    return bool(_HAS[kind].search(text))


@lru_cache(maxsize=4096)
def _name_line(text: str) -> bool:
    """A line that is only a name, nouns with no predicate and no number (独立行政法人国立がん研究センター
    under a date line): near any question about what it names in meaning, it says nothing of it."""
    t = text.strip()
    if not t or len(t) > 40 or not _CJK.search(t) or re.search(r"[0-9０-９]", t):
        return False
    from index.lexical import _tagger

    # (がん is read as the particle が and ん by the analyzer; 癌 is the same noun)
    return all(w.feature.pos1 in ("名詞", "接頭辞", "接尾辞") for w in _tagger()(t.replace("がん", "癌")))


def _says_of_term(text: str, forms: list[str], pattern: Callable[[str], str]) -> bool:
    """One of the term's forms stands in the text as `pattern` (given the escaped form) says."""
    flat = squash(text).lower()
    for f in forms:
        f = squash(f).lower()
        if len(f) >= 2 and f in flat and re.search(pattern(re.escape(f)), flat):
            return True
    return False


def _acts(text: str, forms: list[str]) -> bool:
    """The sentence has the thing act: its subject (マイクロ RNAが, 間葉系幹細胞は, "microRNA induces")."""
    return _says_of_term(text, forms, lambda f: f + r"[）)」]?(?:が|は)(?!じ)"
                         + (r"|" + f + r"s?\s+(?:is|are|was|were|plays?|acts?|induces?|causes?|helps?|makes?|drives?|\w+s)\b" if f.isascii() else ""))


def _defines(text: str, forms: list[str]) -> bool:
    """The sentence glosses the term: 小さな核酸（マイクロ RNA）, 造血幹細胞（…）, 造血幹細胞とは / という."""
    return _says_of_term(text, forms, lambda f: r"[（(][^）)]{0,30}" + f + r"[^（(]{0,30}?[）)]|" + f + r"(?:[（(]|とは|という|is an? |are )"
                         r"|(?:である|と呼ばれる|といわれる|と言われる)[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff]{0,3}" + f)


# A sentence that opens by concluding from what came before (これらの結果から, 以上のことから, "These
# results suggest") restates those findings; near a tie, the finding itself answers more precisely.
_SUMMARY_OPENER = re.compile(
    r"\s*(?:(?:これら|以上|この|こうした|それら)の(?:結果|こと|知見|成果)(?:から|により|より|によって)|以上より|このように)"
    r"|\s*(?:these (?:results|findings|data)|together,? these|taken together|in summary)\b", re.I)


@dataclass
class _Candidate:
    passage: Passage
    rank: int
    clean: tuple[int, int]  # offsets in passage.quote
    raw: tuple[int, int]  # absolute offsets in the source
    text: str
    dense: float = 0.0  # language-centred cosine of the sentence to the question
    tokens: tuple[str, ...] = ()
    coverage: float = 0.0
    score: float = 0.0
    sentence: int = -1  # its place in passage.sentences (-1: a span made otherwise)


_CLAUSE_END = re.compile(r"[、，,;；：:](?=\S)|[、，,;；：:]\s+")


@lru_cache(maxsize=4096)
def _is_cjk(term: str) -> bool:
    return bool(_CJK.search(term))


def _idf(df: dict[str, int], n_docs: int):
    """idf per token, computed once per question (the answer step asks for each token many times)."""
    known: dict[str, float] = {}

    def weight(token: str) -> float:
        w = known.get(token)
        if w is None:
            d = df.get(token, 0)
            w = known[token] = log(1 + (n_docs - d + 0.5) / (d + 0.5))
        return w

    return weight


@dataclass(frozen=True)
class _Term:
    concept: Concept
    weight: float  # idf strength of its best alternative that occurs in the collection
    in_corpus: bool


_KATAKANA_TERM = re.compile(r"^[\u30a0-\u30ffA-Za-z0-9・ー]+$")


def _loanword(concept: Concept) -> bool:
    """An English word whose every Japanese rendering is katakana: a loanword or technical term
    (tamoxifen -> タモキシフェン), not an everyday word with native translations."""
    translations = [a.term for a in concept.alternatives[1:]]
    return (
        concept.word.isascii()
        and not concept.phrase
        and any(re.search(r"[\u30a0-\u30ff]", t) for t in translations)
        and all(_KATAKANA_TERM.match(t) for t in translations)
        and not any(re.search(r"[\u3041-\u3096]", t) for t in translations)  # no romaji reading: not Japanese
    )


def _head_held(word: str, df: dict[str, int]) -> bool:
    """A compound loanword whose head is a loanword the collection holds: biomarker for a text that
    says 分子マーカー (マーカー: marker) is no unknown thing, only a word the text puts otherwise."""
    if "-" in word or len(word) < 8:
        return False
    for cut in range(2, len(word) - 4):
        tail = word[cut:]
        for term, _ in en_to_ja(tail, 3):
            if _KATAKANA_TERM.match(term) and (tokens := tokenize(term)) and all(df.get(t) for t in tokens):
                return True
    return False


def _predicates(text: str) -> set[str]:
    """Lemma tokens (m:抜く) of the words of a Japanese text that say how, not what: its verbs and
    adjectives, its adverbs (ずっと) and the nouns used as adverbs (まま, それぞれ). Read in context:
    問い合わせたい is the verb 問い合わせる, which the surface alone would read as a noun."""
    from index.lexical import _tagger, lemma_of

    out = set()
    for w in _tagger()(text):
        f = w.feature
        if f.pos1 in ("動詞", "形容詞", "副詞") or (f.pos1 == "名詞" and f.pos3 == "副詞可能"):
            out.add("m:" + lemma_of(w))
            out |= {t for t in tokenize(w.surface) if t.startswith("m:")}
    return out


def _asked_of_held(word: str, df: dict[str, int]) -> bool:
    """A kanji compound of a held word and a suffix of the kind of answer (名, 日, 数): 誌名, 社名."""
    stem = word[2:-1]  # (a one-kanji word is indexed as its character: 誌)
    return bool(re.fullmatch(r"m:[\u4e00-\u9fff]{1,4}[名日数]", word)) and bool(df.get("m:" + stem) or df.get(stem))


def _split_otherwise(text: str, absent: set[str], df: dict[str, int]) -> set[str]:
    """The absent morpheme tokens of a Japanese text that the collection holds written together:
    堀田知光 read in the question as 堀田 + 知 (m:トモ) + 光 (m:ヒカリ), and in the document as one name.
    A run of neighbouring absent words whose characters' bigrams all occur is analysed otherwise,
    not absent."""
    from index.lexical import _bigrams, _normalize, _tagger, lemma_of

    runs: list[list[tuple[str, str]]] = [[]]  # (surface, token) of neighbouring absent words
    for w in _tagger()(text):
        token = "m:" + lemma_of(w)
        if token not in absent or w.white_space:  # a word present, or a space, ends a run
            runs.append([])
        if token in absent:
            runs[-1].append((w.surface, token))
    out: set[str] = set()
    for run in runs:
        surface = "".join(sf for sf, _ in run)
        grams = _bigrams(_normalize(surface))
        if len(run) > 1 and len(grams) == len(surface) - 1 and all(df.get(g) for g in grams):
            out.update(tok for _, tok in run)
    return out


def _evidence_form(a: Alternative) -> Alternative:
    """A Japanese alternative judged by its words (morphemes), not its character bigrams: the
    dictionary gives まぐろ or 鮪 where the text writes マグロ -- one lemma (m:鮪), other bigrams."""
    if not _is_cjk(a.term):
        return a
    words = tuple(t for t in a.tokens if t.startswith("m:"))
    return replace(a, tokens=words) if words else a


def _with_phrase(c: Concept) -> tuple[Alternative, ...]:
    """An English phrase's alternatives are its translations; in an English text the phrase
    itself (Lake Superior, chief engineer) is the evidence, so it stands among them here."""
    if not (c.phrase and c.word.isascii()):
        return c.alternatives
    own = tuple(english_tokens(c.word))
    return ((Alternative(c.word, own),) if own else ()) + c.alternatives


@lru_cache(maxsize=8192)
def _glossed(tokens: frozenset[str]) -> frozenset[str]:
    """English stems of the glosses of a text's Japanese words (its m: morpheme tokens)."""
    return frozenset().union(*(gloss_stems(t[2:]) for t in tokens if t.startswith("m:")))


_COMPOUND = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc々]{2,}")  # kanji or katakana: a noun


@cached(LRUCache(maxsize=16384), key=lambda tokens, text: text, lock=threading.Lock())
def _compounds_glossed(tokens: Sequence[str], text: str) -> frozenset[str]:
    """English stems of the glosses of the compounds the analyzer splits: 電子版 ("online edition")
    is 電子 + 版 to it; two or three of the text's morphemes in a row (its tokens, in text order)
    that JMdict lists whole. Cached by the text, which its tokens are read from."""
    morphemes = [t[2:] for t in tokens if t.startswith("m:")]
    flat = squash(text)
    out: set[str] = set()
    for n in (2, 3):
        for i in range(len(morphemes) - n + 1):
            word = "".join(morphemes[i : i + n])
            if _COMPOUND.fullmatch(word) and word in flat:
                out |= gloss_stems(word)
    return frozenset(out)


def _glosses(tokens: Iterable[str], text: str, order: Sequence[str] = ()) -> frozenset[str]:
    """English stems of what a Japanese text says: its words' glosses and, read from its tokens in
    text order (`order`), the glosses of the compounds the analyzer split."""
    return _glossed(frozenset(tokens)) | (_compounds_glossed(order, text) if order else frozenset())


class Evidence:
    """Which of the question's concepts a text holds, in any of their forms (the English word or a
    dictionary translation): the same measure for a Japanese passage and an English question as
    for two texts in one language. Concepts are weighted by idf, like retrieval."""

    def __init__(self, query: Query, df: dict[str, int], n_docs: int, alt_present: float = AnswerTuning.alt_present,
                 glosses: bool = AnswerTuning.gloss_coverage):
        self.idf = _idf(df, max(n_docs, 1))
        self.alt_present = alt_present
        # An English question's words, as stems to find among a Japanese text's glosses (coverage).
        self._stems = {id(c): english_stems(c.word) for c in query.concepts if c.word.isascii()} \
            if glosses and not _CJK.search(query.text) else {}
        self.terms: list[_Term] = []
        # Each concept's forms as evidence, once per question (_holds asks for them per sentence).
        self._forms = {id(c): tuple(a for a in map(_evidence_form, _with_phrase(c)) if a.tokens) for c in query.concepts}
        # A Japanese question's character bigrams count where they lie inside its words: のは, です and
        # るの (しているのは) are rare enough to weigh much and say nothing (a sentence with 周囲の細胞
        # held の細 of どの細胞).
        inner = content_bigrams(query.text) if _CJK.search(query.text) else None
        for c in query.concepts:
            if inner is not None and not c.key and not c.word.startswith("m:") and _is_cjk(c.word) and c.word not in inner:
                continue
            alternatives = self._forms[id(c)]
            strengths = [(a.weight * sum(map(self.idf, a.tokens)) / len(a.tokens), all(df.get(t) for t in a.tokens)) for a in alternatives]
            inside = [w for w, present in strengths if present]
            if strengths:
                self.terms.append(_Term(c, max(inside) if inside else max(w for w, _ in strengths), bool(inside)))
        # Phrases count whole: a phrase the collection holds stands for the words it is made of.
        covered = {w for t in self.terms if t.concept.phrase and t.in_corpus for w in t.concept.word.split()}
        # ... and when a text lacks the phrase's own forms, its words each found there will do
        # (wooden stage: 舞台 of wooden pillars, not 木造舞台).
        words = {t.concept.word: t.concept for t in self.terms if not t.concept.phrase}
        self._parts = {t.concept.word: [words[w] for w in t.concept.word.split() if w in words]
                       for t in self.terms if t.concept.phrase}
        key = [t for t in self.terms if t.concept.key and not t.concept.answer_type]
        self.key = [t for t in key if t.in_corpus and not (not t.concept.phrase and t.concept.word in covered)]
        # A verb or adjective the collection lacks is a paraphrase (抜く, 例える), not a missing thing.
        predicates = _predicates(query.text) if _CJK.search(query.text) else set()
        absent = [t for t in key if not t.in_corpus and not numerals.is_number(t.concept.word) and t.concept.word not in predicates
                  and not (not t.concept.phrase and t.concept.word in covered)]  # stem of "stem cell" (幹細胞)
        if absent and _CJK.search(query.text):  # a name the question's analysis split otherwise is not absent
            otherwise = _split_otherwise(query.text, {t.concept.word for t in absent}, df)
            absent = [t for t in absent if t.concept.word not in otherwise]
        # 誌名, 掲載日, 患者数: the name / date / number of a thing the collection holds (誌) is what is
        # asked for, not a missing thing
        absent = [t for t in absent if not _asked_of_held(t.concept.word, df)]
        # 雑誌 -> journal -> ジャーナル: a synonym through the other language
        absent = [t for t in absent if not glossed_synonyms(t.concept, df)]
        # biomarker -> 分子マーカー: a compound loanword whose head the collection holds
        absent = [t for t in absent if not (_loanword(t.concept) and _head_held(t.concept.word, df))]
        self._absent_terms = absent
        # Absent by their translations, held by a retrieved passage's glosses (said_otherwise):
        # "published" by 掲載, whose gloss is "publication".
        self.glossed_only: list[_Term] = []
        self._set_absent(absent)

    def _set_absent(self, absent: list[_Term]) -> None:
        # A phrase none of whose words is missing is no missing thing ("publication date": 掲載 says
        # publication, and a date is what is asked for); its words' own absence is counted.
        words = {t.concept.word: t for t in self.terms if not t.concept.phrase}
        gone = {t.concept.word for t in absent}
        absent = [t for t in absent if not (t.concept.phrase and all(
            w not in gone and (w in words or w in STOP or w in ANSWER_TYPE) for w in t.concept.word.split()))]
        self.absent = [t.concept.word for t in absent]
        self.absent_loanwords = [t.concept.word for t in absent if _loanword(t.concept)]
        total = sum(t.weight for t in self.key) + sum(t.weight for t in absent)
        # IDF-weighted share of the question's key words with no trace anywhere in the collection.
        self.absent_share = sum(t.weight for t in absent) / total if total else 0.0

    def said_otherwise(self, passages: list[Passage]) -> None:
        """An English word none of whose translations occurs is not absent when a retrieved
        Japanese passage holds a word glossed with it ("published": 掲載, "publication")."""
        if not (self._stems and self._absent_terms):
            return
        glossed = frozenset().union(*(_glosses(p.tokens, p.quote, p.tokens) for p in passages if _CJK.search(p.quote)))
        kept = [t for t in self._absent_terms if not ((st := self._stems.get(id(t.concept))) and st <= glossed)]
        self.glossed_only = [t for t in self._absent_terms if all(t is not k for k in kept)]
        self._keep_absent(kept)

    def named_the_asked(self, names: re.Pattern[str]) -> None:
        """Words that name the kind of thing asked for (メアド for an e-mail address, which a text
        gives as E-mail: or a bare address) are no missing thing."""
        self._keep_absent([t for t in self._absent_terms if not names.search(t.concept.word.removeprefix("m:"))])

    def _keep_absent(self, kept: list[_Term]) -> None:
        """Only `kept` of the absent terms stay absent (the share recomputed when any went)."""
        if len(kept) < len(self._absent_terms):
            self._absent_terms = kept
            self._set_absent(kept)

    def _holds_alt(self, a: Alternative, tokens: set[str], text: str) -> bool:
        if text and a.term in text and _is_cjk(a.term):
            return True  # a Japanese term inside a compound the analyzer keeps whole: 川 in 信濃川
        if len(a.tokens) == 1:
            return a.tokens[0] in tokens and self.idf(a.tokens[0]) > 0 and self.alt_present <= 1.0
        total = sum(map(self.idf, a.tokens))
        return bool(total) and sum(self.idf(t) for t in a.tokens if t in tokens) >= self.alt_present * total

    def _holds(self, concept: Concept, tokens: set[str], text: str, glossed: frozenset[str] = frozenset()) -> bool:
        if any(self._holds_alt(a, tokens, text) for a in self._forms[id(concept)]):
            return True
        if (stems := self._stems.get(id(concept))) and stems <= glossed:
            return True
        parts = self._parts.get(concept.word) if concept.phrase else None
        return bool(parts) and all(self._holds(p, tokens, text, glossed) for p in parts)

    def coverage(self, tokens: set[str], text: str = "", order: Sequence[str] = ()) -> float:
        """IDF-weighted share of all the question's concepts the text holds (absent ones count).
        Here an English question's word is also held by a Japanese word glossed with it
        (document-side translation): it ranks sentences. Of the abstention checks only the absence
        check reads glosses (said_otherwise); missing, the event and the name checks read the
        question's own translations. `order`: the text's own tokens in order, whose compounds
        (電子版 of 電子 + 版) are read too."""
        total = sum(t.weight for t in self.terms)
        glossed = _glosses(tokens, text, order) if self._stems and _CJK.search(text) else frozenset()
        return sum(t.weight for t in self.terms if self._holds(t.concept, tokens, text, glossed)) / total if total else 0.0

    def missing(self, tokens: set[str], text: str = "") -> float:
        """IDF-weighted share of the question's key concepts -- those the collection holds somewhere,
        answer-type words ("year") left out -- that this text lacks."""
        total = sum(t.weight for t in self.key)
        return sum(t.weight for t in self.key if not self._holds(t.concept, tokens, text)) / total if total else 0.0


_BRACKETS = {"」": "「", "』": "『", "）": "（", ")": "(", "】": "【"}
_OPENERS = {o: c for c, o in _BRACKETS.items()}


def _without_stray_brackets(p: Passage, cs: int, ce: int, rs: int, re_: int) -> tuple[int, int, int, int]:
    """A sentence's span without a closing bracket whose opening one is in an earlier sentence
    (…期待されます。」 ends a quotation that began two sentences before), nor an opening one
    closed only in a later sentence: still a verbatim span, and no stray 」 in the answer."""
    text = p.quote[cs:ce]
    while text and text[-1] in _BRACKETS and text.count(_BRACKETS[text[-1]]) < text.count(text[-1]) \
            and p.verbatim(re_ - 1, re_) == text[-1]:
        ce, re_, text = ce - 1, re_ - 1, text[:-1]
    while text and text[0] in _OPENERS and text.count(text[0]) > text.count(_OPENERS[text[0]]) \
            and p.verbatim(rs, rs + 1) == text[0]:
        cs, rs, text = cs + 1, rs + 1, text[1:]
    return cs, ce, rs, re_


_LEAD_MIN = 30  # characters: a lead is a full sentence, not a heading or a date line


def _lead_sentence(opening: Passage, passages: list[Passage]) -> _Candidate | None:
    """The body's first full sentence after the opening (headline, date, issuer, key points): in a
    press release or news story it states the main finding whole -- 国立がん研究センターは、…を世界に
    先駆け明らかにしました. From the chunk that follows the opening, when it was retrieved."""
    after = [p for p in passages if p.source == opening.source and p.start > opening.start]
    if not after:
        return None
    body = min(after, key=lambda p: p.start)
    return next((c for c in _candidates([body], 1) if c.raw[0] >= opening.end and len(c.text.strip()) >= _LEAD_MIN
                 and re.search(r"[。．.!！]\s*$", c.text)), None)


def _candidates(passages: list[Passage], max_passages: int) -> list[_Candidate]:
    out = []
    for rank, p in enumerate(passages[:max_passages]):
        for j, (cs, ce, rs, re_) in enumerate(p.sentences):
            cs, ce, rs, re_ = _without_stray_brackets(p, cs, ce, rs, re_)
            text = p.quote[cs:ce]
            dense = p.sentence_scores[j] if j < len(p.sentence_scores) else 0.0
            tokens = tuple(p.sentence_tokens[j]) if j < len(p.sentence_tokens) else tuple(tokenize(text))
            out.append(_Candidate(p, rank, (cs, ce), (rs, re_), text, dense, tokens, sentence=j))
    return out


def select(
    question: str,
    passages: list[Passage],
    df: dict[str, int],
    n_docs: int,
    tuning: AnswerTuning = AnswerTuning(),
    max_passages: int = 5,
    query: Query | None = None,
    similarity: Callable[[list[str]], list[float]] | None = None,
    opening: Passage | None = None,
) -> tuple[list[_Candidate], str | None]:
    """Chosen sentences, best first, or ([], reason) when the answerer should abstain.
    `similarity` (the question's cosine to texts embedded on demand) lets a date or a place be
    judged by the clause that holds it; without it that check is skipped. `opening` (the first
    chunk of the document) answers what a question asks of the document itself (bot.qa.about)."""
    if not passages:
        return [], "no passages"
    # "Can someone review my pull request?": a message to colleagues about the asker's own work (a
    # request that only frames a question -- "Can someone tell me who funded the study?" -- is none)
    addressed = bool(ADDRESSED_TO_PEOPLE.match(question)) and without_request(question) == question
    if addressed and OWN_WORK.search(question):
        return [], "a message to colleagues about the asker's own work, not a question about the documents"
    question = respelled(judged_text(question), held_in(df))  # no request frame, no aside about the asker, no typo
    of_document = asked_of_document(question)
    if opening is not None and (asked := of_document):
        lines = opening_answer(asked, opening)
        # One quote from the first line to the last (a headline of several lines is one); for the
        # findings, the headline and the key points are two, split where lines were skipped.
        runs: list[list[int]] = []
        if asked != "findings":
            runs = [[min(lines), max(lines)]] if lines else []
        else:
            for i in sorted(lines):
                if runs and i == runs[-1][-1] + 1:
                    runs[-1].append(i)
                else:
                    runs.append([i])
        out = []
        for run in runs:
            first, last = opening.sentences[run[0]], opening.sentences[run[-1]]
            dense = opening.sentence_scores[run[0]] if run[0] < len(opening.sentence_scores) else 0.0
            clean = (first[0], last[1])
            text = opening.quote[clean[0]:clean[1]]
            out.append(_Candidate(opening, 0, clean, (first[2], last[3]), text, dense, tuple(tokenize(text))))
        if out and asked == "findings" and (lead := _lead_sentence(opening, passages)) is not None:
            out = [lead] + out[-1:]  # the lead, then the key points (or the headline, when it has none)
        if out:
            return out, None
    candidates = _candidates(passages, max_passages)
    # who did the work is asked: None if not, True if nothing else is (forms.study_agents_asked)
    agents = study_agents_asked(question) if tuning.study_agents else None
    if agents:
        # "Who did the study?", "who wrote the paper", 著者は誰ですか ask only who did the work the
        # documents report: the sentence naming a group's head answers, however little of the
        # question's wording (wrote, ran, 著者) it holds -- not the doctor quoted on the work.
        if leads := [c for c in candidates if leads_a_group(c.text)]:
            return leads[:1], None
    query = query or build_query(question)
    kind = answer_kind(question, funding=tuning.funding_asked)
    if kind == "funding":  # "who funded it", 資金源は: what is asked, not what the answer says (支援を受けて)
        # (... and "which programme": the funding scheme asked for, whatever the documents call it -- 研究事業)
        query = replace(query, concepts=tuple(replace(c, answer_type=True) if FUNDING_WORD.fullmatch(c.word) or _FUNDING_SCHEME.fullmatch(c.word)
                                              else c for c in query.concepts))
    ev = Evidence(query, df, n_docs, tuning.alt_present, tuning.gloss_coverage)
    unit = answer_unit(question) if kind in ("number", "date") else contact_asked(question) if kind == "contact" else None
    title_asked = tuning.w_title > 0 and not of_document and bool(TITLE_ASKED.search(question))
    if title_asked and kind == "contact" and unit == "url":
        kind, unit = None, None  # the headline a website gave the study, not the website's address
    # What the question asks of a claim (a reason, whether it is a first, how sure it is, a target,
    # all or part) and its weight: a sentence that says so gains it.
    claims = [(getattr(tuning, f"w_{name}"), said) for name, (asked, said) in CLAIM_FORMS.items()
              if getattr(tuning, f"w_{name}") > 0 and asked.search(question)]
    ordinal = ordinal_asked(question) if tuning.w_ordinal else None
    top = max(p.score for p in passages[:max_passages]) or 1.0
    def forms_of(term: str | None) -> list[str]:
        """A term of the question in its own words and the dictionary's ([] for none)."""
        if not term:
            return []
        asked = set(tokenize(term))
        return [term] + [a.term for c in query.concepts if not c.answer_type and (c.tokens & asked or c.word in asked)
                         for a in c.alternatives]

    term_forms = forms_of(defined_term(question) if kind is None and tuning.w_defines else None)
    actor_forms = forms_of(actor_asked(question) if kind is None and tuning.w_acts else None)
    best_sentence = max((c.dense for c in candidates), default=0.0) or 1.0
    # A contact block (＜お問い合わせ先＞, TEL, FAX, 〒…) answers who to contact and where, nothing
    # else; short and full of names, it is near many a short question in meaning.
    place_asked = bool(WHERE.search(question)) and not venue_asked(question) and not SOURCE_WHERE.search(question) \
        and not FIGURATIVE_WHERE.search(question) and not where_in_document(question)
    contact_only = kind != "contact" and not place_asked and not of_document
    topics: dict[int, tuple[set[str], str]] = {}
    blocks: dict[int, bool] = {}

    def contact_block(p: Passage) -> bool:
        """_is_contact_block, once per passage (not once per sentence of it)."""
        if id(p) not in blocks:
            blocks[id(p)] = _is_contact_block(p)
        return blocks[id(p)]

    def topic(p: Passage) -> tuple[set[str], str]:
        """The passage's topic (topic_of) and its tokens, once per passage."""
        if id(p) not in topics:
            text = topic_of(p)
            topics[id(p)] = (set(tokenize(text)), text)
        return topics[id(p)]

    for c in candidates:
        tokens, text = set(c.tokens), c.text
        if tuning.title_in_sentences:
            # A passage's sentences are about its topic (Japanese leaves the subject out after the
            # first sentence; English says "he", "it"): the topic's words count for each of them.
            topic_tokens, topic_text = topic(c.passage)
            tokens, text = tokens | topic_tokens, text + "\n" + topic_text
        c.coverage = ev.coverage(tokens, text, c.tokens)
        fits = fits_kind(kind, c.text, unit)
        short = len(c.text.strip()) < 8
        url_only = bool(_URL_ONLY.match(c.text)) and kind != "contact"
        c.score = (
            tuning.w_passage * c.passage.score / top
            + tuning.w_sentence * c.dense / best_sentence
            + tuning.w_coverage * c.coverage
            + (tuning.w_kind if kind and fits else 0.0)
            + (tuning.w_defines if term_forms and _defines(c.text, term_forms) else 0.0)
            + (tuning.w_acts if actor_forms and _acts(c.text, actor_forms) else 0.0)
            + (tuning.w_title if title_asked and _title_line(c) else 0.0)
            + sum(w for w, said in claims if said.search(c.text))
            + (tuning.w_ordinal if ordinal and opens_with_ordinal(c.text, ordinal) else 0.0)
            - (tuning.w_contact_block if contact_only and contact_block(c.passage) else 0.0)
            + (tuning.w_contact_block if kind == "contact" and unit == "any" and contact_block(c.passage) else 0.0)
            - (0.5 if short or url_only else 0.0)
            - (tuning.w_summary_opener if _SUMMARY_OPENER.match(c.text) else 0.0)
            - (tuning.w_name_line if kind not in ("person", "contact") and _name_line(c.text) else 0.0)
            - 0.03 * c.rank
        )
    candidates.sort(key=lambda c: -c.score)

    q_lang = detect_language(question)
    coverage_of: dict[int, float] = {}

    asked_names = _question_names(question)[0]
    # The words of a "when" question's event: neither its names nor what it asks for (once per question).
    if kind == "date":
        event_words = [t for t in ev.terms if not t.concept.answer_type and not _is_named(t.concept.word, asked_names)]

    def dates_the_event(c: _Candidate) -> bool:
        """For "when": a clause of the sentence holds a date and a word of the question's event,
        not its names (米科学誌…に 7月 1日付けで掲載されました for "When was the paper published?"):
        evidence however far the long sentence is in meaning across languages."""
        if kind != "date" or (unit == "year" and not _CALENDAR_YEAR.search(c.text)):
            return False
        for x in _date_clauses(c.text, unit):
            ordered = tokenize(x)
            tokens = set(ordered)
            glossed = _glosses(ordered, x, ordered) if ev._stems else frozenset()
            if any(ev._holds(t.concept, tokens, x, glossed) for t in event_words):
                return True
        return False

    phrases = [t.concept for t in ev.key if t.concept.phrase] if tuning.phrase_lifts_cross_floor else []

    def holds_a_phrase(c: _Candidate) -> bool:
        """The sentence holds a phrase of the question in a translation of it whole (世界で初めて for
        "world first"): no chance match of two everyday words, however far the sentence is in meaning."""
        return any(a.term in c.text for p in phrases for a in ev._forms[id(p)] if len(a.term) > 1 and _is_cjk(a.term))

    name_terms = [t.concept for t in ev.key if _is_named(t.concept.word, asked_names)]

    def holds_the_names(c: _Candidate) -> bool:
        """The sentence names everyone and everything the question names, in a strong form (Makiko
        Ono: 小野麻紀子): no chance match of everyday words, however far the sentence is in meaning."""
        return bool(name_terms) and all(_holds_as_name(ev, n, set(c.tokens), c.text) for n in name_terms)

    def says_the_claim(c: _Candidate) -> bool:
        """The sentence says what the question asks of a claim (世界で初めて報告 for "first report
        anywhere?", [Image: … (Metacorporation, …)] for "cover art credit?"): evidence however far it
        is in meaning and however few of the question's words it holds, as a phrase of the question is."""
        return tuning.claim_is_evidence and any(said.search(c.text) for _, said in claims)

    def evidence(c: _Candidate) -> str | None:
        """Why this sentence cannot carry an answer, or None when it can."""
        same = c.passage.lang == q_lang
        min_dense = tuning.min_dense_same if same else tuning.min_dense_cross
        if id(c.passage) not in coverage_of:
            coverage_of[id(c.passage)] = ev.coverage(set(c.passage.tokens), c.passage.quote, c.passage.tokens)
        cov = coverage_of[id(c.passage)]
        if not same and c.dense < tuning.min_dense_cross_floor and c.coverage < tuning.cross_floor_coverage \
                and not dates_the_event(c) and not holds_a_phrase(c) and not holds_the_names(c) and not says_the_claim(c):
            return f"weak evidence across languages (dense {c.dense:.2f})"
        if c.dense < min_dense and cov < tuning.min_coverage and not says_the_claim(c):
            return f"weak evidence (dense {c.dense:.2f}, coverage {cov:.2f})"
        return None

    # Passages in the question's own language that hold almost none of its terms, and are not
    # close in meaning either: the documents do not talk about it (a translation cannot rescue it).
    own = passages[0]  # the best passage, when it is in the question's language
    # (not when a link, mail, phone or fax line that gives what was asked is at hand: 論文のURLは？
    # names nothing the text says -- it has 原論文 once, and a bare link)
    gives_contact = kind == "contact" and unit not in (None, "any") and any(fits_kind(kind, c.text, unit) for c in candidates)
    if own.lang == q_lang and not gives_contact:
        cov = ev.coverage(set(own.tokens), own.quote)
        if cov < tuning.min_coverage / 2 and max(own.sentence_scores, default=0.0) < 2 * tuning.min_dense_same:
            return [], f"the question's terms are not in the documents (coverage {cov:.2f})"

    # The best-scoring sentence that has real evidence behind it (dense or lexical) leads.
    reasons = [(c, evidence(c)) for c in candidates[:8]]
    eligible = [c for c, why in reasons if why is None]
    if not eligible and (kind == "funding" or (kind == "contact" and unit not in (None, "any"))):
        # メールアドレス教えて: a mail, phone or fax line is far from any question in meaning and holds
        # none of its words (E-mail:…＠…), and so is the sentence saying whose support the work had
        # (…の支援を受けて) for "who funded this": the line that gives what was asked is the evidence.
        eligible = [c for c in candidates if fits_kind(kind, c.text, unit)][:1]
    if not eligible:
        return [], reasons[0][1]
    if kind and not any(fits_kind(kind, c.text, unit) for c in (candidates if kind == "funding" else candidates[:10])):
        return [], f"no {kind} in the evidence"
    lead = eligible[0].passage

    def lacking(p: Passage) -> float:
        """The share of key terms the passage (its topic counted in) lacks, when over its limit."""
        topic_tokens, topic_text = topic(p) if tuning.title_in_sentences else (set(), "")
        missing = ev.missing(set(p.tokens) | topic_tokens, p.quote + "\n" + topic_text)
        return missing if missing > (tuning.max_missing_same if p.lang == q_lang else tuning.max_missing_cross) else 0.0

    if missing := lacking(lead):
        # The best sentence's passage lacks what the question is about; a passage that has it leads.
        holding = [c for c in eligible if not lacking(c.passage)]
        if not holding and gives_contact:
            holding = eligible  # a link line lacks the question's words (論文, 読める) as a rule
        if not holding:
            return [], f"the evidence lacks {missing:.0%} of the question's key terms"
        eligible = holding + [c for c in eligible if all(c is not h for h in holding)]
        lead = eligible[0].passage
    limit = tuning.max_absent_ja if q_lang == "ja" else tuning.max_absent_en
    if addressed:  # "Does anyone have the guest wifi password?": a message to colleagues
        limit = min(limit, tuning.max_absent_request)
    elif kind == "contact" and unit == "url":  # 発表のページ, 論文本体: what a link leads to, a bare link never says
        limit = max(limit, tuning.max_absent_link)
    ev.said_otherwise(passages[:max_passages])
    if gives_contact:
        ev.named_the_asked(next(names for name, names, _ in CONTACTS if name == unit))
    if ev.absent_share > limit:
        return [], f"{ev.absent_share:.0%} of the question's key terms are nowhere in the documents ({', '.join(ev.absent[:4])})"

    def lacking_names(p: Passage, names: set[str]) -> list[str]:
        """The question's names that the passage, its title and its topic do not hold."""
        topic_tokens, topic_text = topic(p) if tuning.title_in_sentences else (set(), "")
        title = p.section or ""
        text = p.quote + "\n" + title + "\n" + topic_text
        tokens = set(p.tokens) | set(tokenize(title)) | topic_tokens
        holds = _holds_as_name if tuning.names_by_strong_forms else (lambda ev, c, tokens, text: ev._holds(c, tokens, text))
        return [t.concept.word for t in ev.key if t.concept.word in names and not holds(ev, t.concept, tokens, text)]

    lead_names: set[str] | None = None  # the question's names, which the lead passage was found to hold
    if tuning.names_in_lead_passage and kind in ("number", "date", "person"):
        if lead.lang == q_lang:
            names = _names(question)
        else:  # across languages, a name of several words the dictionary translates whole (Ii Naosuke: 井伊直弼)
            runs = {r.lower() for r in _name_runs(question) if " " in r}
            names = {t.concept.word for t in ev.key if t.concept.phrase and t.concept.word in runs}
            words = {w.lower() for r in _name_runs(question) for w in r.split()}  # the names' single words
            if tuning.romaji_names_across:  # ... or a romanised name the collection holds as a morpheme (Ryoma: m:リョウマ)
                def rare_name(c: Concept) -> bool:  # Ryoma, not Japan (日本 is in every tenth passage)
                    read = any(a.kind == READING and len(a.tokens) == 1 and a.tokens[0].startswith("m:") and df.get(a.tokens[0])
                               for a in c.alternatives)
                    return read and max(df.get(t, 0) for a in c.alternatives for t in a.tokens if t.startswith("m:")) <= 0.1 * n_docs
                names |= {t.concept.word for t in ev.key if t.concept.word in words and not t.concept.phrase and rare_name(t.concept)}
            if tuning.dictionary_names_across:  # ... or a name the dictionary writes as a rare word of the collection (Yakushiji: 薬師寺)
                def rare_written(c: Concept) -> bool:
                    for a in c.alternatives[1:]:
                        ms = [t for t in a.tokens if t.startswith("m:")]
                        if a.weight >= 0.7 and _is_cjk(a.term) and len(ms) == 1 and all(df.get(t) for t in a.tokens) \
                                and max(df.get(t, 0) for t in ms) <= 0.1 * n_docs:
                            return True
                    return False
                names |= {t.concept.word for t in ev.key if t.concept.word in words and not t.concept.phrase
                          and not is_gloss(t.concept.word) and rare_written(t.concept)}
        lacking = lacking_names(lead, names)
        if lacking:
            return [], f"the evidence does not name {', '.join(w.removeprefix('m:') for w in lacking)}"
        lead_names = names
    if tuning.abstain_on_absent_year:
        absent = {t.concept.word for t in ev.terms if _YEAR.match(t.concept.word) and not t.in_corpus}
        years = [y for y in _ANCHOR_YEAR.findall(unicodedata.normalize("NFKC", question)) if y in absent]
        if years:
            return [], f"nothing in the documents is dated {', '.join(years)}"
    offered = choices(question) if tuning.choice_needs_one and q_lang == "en" else []
    held = {w for t in ev.terms if t.in_corpus for w in t.concept.word.lower().split()} if offered else set()

    def lacks(side: list[str], reach: int) -> bool:  # an answer offered: its word by the "or" (and,
        # after it, the next, but for a participle: "a commercial kit", "mouse derived") is nowhere
        return side[0] in ev.absent and not held.intersection(w for w in side[:reach] if not re.search(r"(?:ed|ing)$", w))

    # (not when another question follows, offering no choice: "Sole driver or contributor? How does
    # the overview hedge it?" -- what the second asks the documents may well say; a choice offered
    # after the question, "… what technique? Some stain, or microscopy?", is its answers)
    several = bool(offered) and len(re.findall(r"[?？]", question)) > 1
    questions = [s for s in re.findall(r"[^?？]+[?？]", question) if len(s.split()) >= 5] if several else []
    one_question = not questions or bool(choices(questions[-1]))
    for left, right, tight in offered:
        # "were the cells human or mouse derived?": neither answer it offers is in the documents
        if tight and one_question and lacks(left, 1) and lacks(right, 2) and not CATCH_ALL.intersection((left[0], right[0])):
            return [], f"neither {left[0]} nor {right[0]} is in the documents"
    loanwords = ev.absent_loanwords
    if offered:  # "a standalone therapy or an add-on to anticancer drugs?": the other answer is held
        loanwords = [w for w in loanwords if not any(w in side and held.intersection(other)
                                                     for left, right, _ in offered for side, other in ((left, right), (right, left)))]
    if loanwords and tuning.abstain_on_absent_loanword:
        return [], f"{', '.join(loanwords)} is nowhere in the documents"
    # MCF-7, HER2, CD63: a particular thing's code the documents never give
    if tuning.abstain_on_absent_code and (codes := [w for w in ev.absent if _CODE_WORD.fullmatch(w)]):
        return [], f"{codes[0]} is nowhere in the documents"
    if tuning.abstain_on_unfound_quoted_name and (unfound := _unfound_quoted_names(question, passages[:max_passages])):
        return [], f"「{unfound[0]}」 is in none of the passages found"
    if tuning.abstain_on_unnamed_form:
        for form, asked, said in NAME_FORMS:
            if asked.search(question) and not any(said.search(p.quote) for p in passages[:max_passages]):
                return [], f"no passage found gives a {form}"
    if tuning.abstain_on_absent_scope and (scope := SCOPE_ASKED.search(question)):
        span = scope.group("en") or scope.group("ja")
        # (hormone-positive: the word whole and its parts)
        words = {w.lower() for w in re.findall(r"[\w-]+", span) + re.findall(r"\w+", span)} | set(tokenize(span))
        if gone := [w for w in ev.absent if all(part in words for part in w.lower().split())]:
            return [], f"the documents do not speak of {gone[0].removeprefix('m:')}, which the question asks about"
    if tuning.abstain_on_small_talk and (talk := {w.lower() for w in SMALL_TALK.findall(question)}):
        # "Will it rain in Tokyo tomorrow?", "Who's bringing snacks?": everyday matters the documents never touch
        if gone := [w for w in ev.absent if w in talk or w.removeprefix("m:") in talk]:
            return [], f"nothing in the documents is about {gone[0].removeprefix('m:')}"
    if tuning.abstain_on_absent_attribute and (reason := _absent_attribute(question, ev, kind)):
        return [], reason
    if kind in ("number", "date") and tuning.min_kind_dense_ratio:
        own_sentences = [c for c in candidates if c.passage is eligible[0].passage]
        best = max((c.dense for c in own_sentences), default=0.0)
        fit = max((c.dense for c in own_sentences if fits_kind(kind, c.text, unit)), default=0.0)
        covered = any(c.coverage >= tuning.cross_floor_coverage and fits_kind(kind, c.text, unit) for c in own_sentences)
        if best > 0 and fit < tuning.min_kind_dense_ratio * best and not covered:
            return [], f"the {kind} in the evidence is about something else (similarity {fit:.2f} vs {best:.2f})"
    if (kind in ("number", "person", "funding") or (kind == "contact" and unit)) and tuning.lead_must_fit_kind:
        # The answer must hold what was asked for: a count in the asked unit for "how many", a name
        # for "who", the fax number (not the contact block's heading) for "what is the fax number",
        # whose support the work had (…の支援を受けて) for "who funded it".
        fitting = [c for c in eligible if fits_kind(kind, c.text, unit)]
        if kind in ("contact", "funding"):
            # a bare number or link line, or whose support the work had, is far from any question
            # in meaning: any retrieved one will do
            fitting = [c for c in candidates if fits_kind(kind, c.text, unit)]
            if unit == "url":
                # ... a link on a line of its own is the link of the sentence before it (…掲載されました。
                # http://stke…): it ranks as that sentence does, when that one is the better.
                # A paper's link is the one given where the text says it was published (掲載, 誌, journal).
                score_at = {(id(c.passage), c.sentence): c.score for c in candidates}
                text_at = {(id(c.passage), c.sentence): c.text for c in candidates}
                paper = paper_link_asked(question)

                def link_rank(c: _Candidate) -> tuple[bool, float]:
                    said, score = c.text, c.score
                    if _URL_ONLY.match(c.text):  # (the sentence before it says what it links to)
                        before = (id(c.passage), c.sentence - 1)
                        said, score = said + text_at.get(before, ""), max(score, score_at.get(before, score))
                    return (paper and not _PUBLISHED_SAID.search(said), -score)

                fitting.sort(key=link_rank)
            elif kind == "contact" and unit == "address" and SHORT_NAME_ASKED.search(question):
                # "所在地と略称は？", "where is NCC based, and what's its short name?": of the lines that
                # give an address, one that also gives the short name leads (所在地：東京都中央区、
                # 略称：国がん), not the fuller postal address alone.
                fitting.sort(key=lambda c: not SHORT_NAME_SAID.search(c.text))
        if kind == "person" and tuning.person_new_to_question:
            fitting = [c for c in fitting if _names_someone_new(c.text, question, query)]
        in_role: list[_Candidate] = []
        org_head = kind == "person" and bool(ORG_HEAD_ASKED.search(question))
        if kind == "person" and (HEAD_OF_ORGANISATION.search(question) or org_head) \
                and not roles_said(question) - {"leader"}:  # (not "who succeeded him as chairman")
            # 国立がん研究センターの理事長は誰ですか, "Who heads the National Cancer Center?": the
            # sentence that names someone as an organisation's head (理事長：堀田知光) leads. (Only
            # that role: for a teacher, a founder or an emperor, the role check below abstains more
            # often than a reordering by role helps.)
            in_role = [c for c in fitting if any(HEAD_OF_ORGANISATION.search(_without_names(x)) for x in _clauses_with(c.text, _has_person))]
            fitting = in_role + [c for c in fitting if all(c is not x for x in in_role)]
        if kind == "person" and (LEADER_ASKED.search(question) or agents is not None) and not (in_role and org_head):
            # "Who led the research group?": 落谷孝広分野長の研究グループ is the group he leads.
            # "Who did the study?" asks for the same group, wherever among the retrieved sentences
            # it is named (its words are not the question's: 著者, authors).
            leads = [c for c in (candidates if agents is not None else fitting) if leads_a_group(c.text)]
            fitting = leads + [c for c in fitting if all(c is not x for x in leads)]
        if not fitting:
            return [], f"no {unit if kind == 'contact' else kind} in the best evidence"
        eligible = fitting + [c for c in eligible if all(c is not f for f in fitting)]
    if tuning.origin_must_be_said and kind is None and (NAME_ORIGIN.search(question) or NAME_WHY.search(question)):
        # Where a name comes from: a sentence that says so (由来, ちなむ, named after) leads.
        said = [c for c in eligible if _ORIGIN_SAID.search(c.text)]
        if not said:
            return [], "the evidence does not say where the name comes from"
        eligible = said + [c for c in eligible if all(c is not s for s in said)]
    heads = _which_heads(question, query) if tuning.which_needs_a_name and kind in (None, "funding") else None
    if kind == "funding" and heads:
        # which ministry funds it: a funder the documents never name; which programme / project: the
        # funding asked for itself (研究事業), whatever the documents call it
        heads = [h for h in heads if not (_FUNDING_SCHEME.fullmatch(h.word) or FUNDING_WORD.fullmatch(h.word))] or None

    def common(word: str) -> bool:  # a word in over a tenth of the passages is the collection's topic, no name
        return any(df.get(t, 0) > 0.1 * n_docs for t in tokenize(word) if t.startswith("m:"))

    if tuning.which_head_must_exist and heads and all(h.word in ev.absent for h in heads) \
            and not any(_NAMED_WITHOUT_HEAD.search(h.word) or roles_said(h.word) for h in heads):
        # "Which university did he graduate from?", "which cell lines were used": the kind of thing
        # asked for is nowhere in the documents, in no translation -- no sentence names one.
        return [], f"the documents name no {heads[0].word.removeprefix('m:')}"
    if tuning.which_head_must_exist and kind is None and (where := _where_head(question)) and where in ev.absent:
        # 一番近い駅どこ？, "Where is the nearest station?": the kind of place asked for (駅) is nowhere
        return [], f"the documents name no {where.removeprefix('m:')}"
    if heads is not None and not _names_one(eligible[0].text, heads, common):
        # "Which X" / 何と呼ばれるか: a sentence of Japanese text that names one (「潮音閣」, 同仁斎) leads
        # when it is nearly as good as the lead, which names none.
        naming = [c for c in eligible[:3] if c.score >= eligible[0].score - tuning.which_named_within
                  and c.passage.lang == "ja" and _names_one(c.text, heads, common)]
        if not naming and tuning.which_compound_anywhere:
            naming = [c for c in eligible if c.passage.lang == "ja" and _head_after(c.text, heads)]
        if naming:
            eligible = naming[:1] + [c for c in eligible if c is not naming[0]]
    candidates = eligible + [c for c in candidates if all(c is not e for e in eligible)]
    by_span = {(id(c.passage), c.sentence): c for c in candidates}

    # The clause that holds the answer must be about the question's event: in その後大坂城を築き、
    # 1585年に関白, 1585 dates his becoming regent, not the castle; 浜松 in 浜松城主を経て is not
    # where he was born. A year for "when / what year" (not いつの時代, an era), a place for
    # "where" in Japanese text (English text capitalises too much to tell a place by).
    def event_problem(first: _Candidate) -> tuple[bool, str | None]:
        """(whether a clause of the quote dates / places the question's event in its own words,
        why the date / place belongs to another event)."""
        if similarity is None or not tuning.min_event_clause_ratio:
            return False, None
        if unit == "year" or re.match(r"\s*when\b", question, re.I):
            about, clauses = "date", _date_clauses(first.text, unit)
        elif kind is None and place_asked and not NAME_ORIGIN.search(question) and first.passage.lang == "ja":
            about, clauses = "place", _clauses_with(first.text, _has_place)
        else:
            about, clauses = None, []
        if about == "date" and unit == "year" and tuning.year_needs_a_year and not _CALENDAR_YEAR.search(first.text):
            return False, "no year in the evidence"  # (5年以内, 10年、20年: spans of time, no year)
        if about == "place" and not clauses and tuning.where_needs_a_place and not ORG_WHERE.search(question) \
                and not _PLACE_LIKE.search(first.text):
            return False, "no place in the evidence"
        if about is None:
            return False, untold(first.text)
        events = _event_terms(ev, question, *topic(first.passage)) if clauses else []
        verbs = tuning.verb_says_compound
        by_gloss = {id(t) for t in ev.glossed_only}  # said by a gloss, if at all
        said = [any(_loosely_holds(ev, t.concept, c, set(tokenize(c)), verbs) or (id(t) in by_gloss and _glossed_in(ev, t.concept, c))
                    for c in clauses) for t in events]
        held = (bool(said) and all(said)) or (not events and bool(clauses))  # (nothing of the event to say: a date / place will do)
        if events and not any(said):
            # The event is said, but in a clause of its own: 1646年、家光の四男として生まれ、上野国館林藩主を経て
            # says where he ruled, and when -- not where he was born.
            text = first.text
            elsewhere = [t.concept.word for t in events if _loosely_holds(ev, t.concept, text, set(tokenize(text)), verbs)]
            if elsewhere and tuning.event_clause_must_hold_it:
                return False, f"the {about} in the evidence belongs to another event than {elsewhere[0].removeprefix('m:')}"
            best = max(similarity(clauses))
            if best < tuning.min_event_clause_ratio * first.dense:
                return False, f"the {about} in the evidence belongs to another event (similarity {best:.2f} vs {first.dense:.2f})"
        return (False, problem) if (problem := untold(first.text)) else (held, None)

    def untold(text: str) -> str | None:
        """Why the quote does not date or place the event of a life asked of: it never tells of it."""
        if tuning.life_event_must_be_said and (unit == "year" or kind == "date" or place_asked) \
                and (life := _life_event(question)) and not _LIFE_SAID[life].search(text):
            return f"the evidence does not tell of a {life}"  # (his years as shogun: no burial)
        return None

    first = trim(_extend(candidates[0], by_span, [], tuning), ev, kind, unit, tuning.max_quote_chars)
    _, problem = event_problem(first)
    if problem:
        # Another sentence of the evidence may date or place the event in its own words (the
        # museum's opening, two sentences on from the poem found after his death): the next ones
        # that qualify are tried. (A clause merely close in meaning does not do here.)
        others = [c for c in candidates[1:] if any(c is e for e in eligible)
                  # ... from a passage that names what the question names, as the lead's had to
                  and (lead_names is None or not tuning.retry_keeps_names
                       or (c.passage.lang == lead.lang and not lacking_names(c.passage, lead_names)))]
        others = others[: tuning.event_retry]
        for c in others:
            alt = trim(_extend(c, by_span, [], tuning), ev, kind, unit, tuning.max_quote_chars)
            judged, why = event_problem(alt)
            if judged and why is None:
                candidates = [c] + [x for x in candidates if x is not c]
                first, problem = alt, None
                break
    if problem:
        return [], problem
    chosen = [first]
    used = len(chosen[0].text)
    for c in candidates[1:]:
        if len(chosen) >= tuning.max_citations or c.score < tuning.second_citation_ratio * candidates[0].score:
            break
        if any(_overlaps(c, x) for x in chosen):
            continue
        more = trim(_extend(c, by_span, chosen, tuning), ev, kind, unit, tuning.max_quote_chars)
        if used + len(more.text) > tuning.answer_budget:
            more = trim(c, ev, kind, unit, tuning.max_quote_chars)  # without its neighbour, it may still fit
            if used + len(more.text) > tuning.answer_budget:
                continue
        chosen.append(more)
        used += len(more.text)
    if kind == "number" and tuning.number_measure_must_match:
        # 平均水深は約4メートル does not say how deep the lake is at its deepest point.
        clauses = _clauses_with(chosen[0].text, lambda c: fits_unit(unit, c))
        conflicts = [measure_conflicts(question, c, unit) for c in clauses]
        if clauses and all(conflicts):
            _, asked, said = conflicts[0][0]
            return [], f"the number in the evidence is the {'/'.join(sorted(said))}, not the {'/'.join(sorted(asked))} asked for"
    # 徳川家康の三男として生まれ names his father, not the mother asked for. Every role the question
    # names counts as asked (the nearest one, role_asked, only words the reason).
    if kind == "person" and tuning.person_role_must_match and (named := roles_said(question)):
        said = [roles_said(_without_names(c)) for c in _clauses_with(chosen[0].text, _has_person)]  # 妹 of 小野妹子 is no sister
        if any(said) and not any(s & named for s in said):
            return [], f"the evidence names people as {'/'.join(sorted(set().union(*said)))}, not as the {role_asked(question)} asked for"
    if kind == "contact" and tuning.personal_contact_needs_a_person and PERSONAL_CONTACT.search(question) \
            and not GENERAL_CONTACT_OFFERED.search(question) and not _has_person(chosen[0].text):
        return [], "the contact given is an office's, not a person's"
    if heads is not None and not _names_one(chosen[0].text, heads, common):  # (which year, which researcher: a date, a person)
        return [], f"the evidence names no particular {' '.join(h.word.removeprefix('m:') for h in heads) or 'thing'}"
    across = tuning.asked_topic_across and q_lang == "en" and chosen[0].passage.lang != q_lang
    if tuning.answer_from_asked_topic and (chosen[0].passage.lang == q_lang or across):
        # 酸素の沸点 answered by ヘリウム's: the question names a document that was found, the
        # answer comes from another one that never names it -- the asked one lacks the fact.
        # Across languages, a name's dictionary form stands for it (Akiyoshidai: 秋吉台).
        said = {a.term for c in query.concepts for a in c.alternatives[1:] if a.weight >= 0.7 and _is_cjk(a.term)} if across else set()
        asked = {t for p in passages[:max_passages] if (t := topic(p)[1]) and len(_topic_name(t)) >= 2  # (as _names_topic: 能 names too much)
                 and (_names_topic(question, t) if p.lang == q_lang else _topic_name(t) in said)}
        lead_p = chosen[0].passage
        if asked and topic(lead_p)[1] not in asked:
            text = lead_p.quote + "\n" + lead_p.section
            if not any(_names_topic(text, t) for t in asked):
                # set aside as a sibling's is below: another passage may still answer
                rest = [p for p in passages if p is not lead_p]
                found, _ = select(question, rest, df, n_docs, tuning, max_passages, query, similarity) if rest else ([], None)
                return (found, None) if found else ([], f"the evidence is about {topic(lead_p)[1] or lead_p.section}, not {sorted(asked)[0]}")
    if tuning.sibling_topic and chosen[0].passage.lang == q_lang:
        about = topic(chosen[0].passage)[1]
        lead_text = _with_previous_sentence(chosen[0]).lower()  # the answering sentence, not a further citation
        for name in _name_runs(question):
            if _siblings(name, about) and name.lower() not in lead_text:
                # The neighbour's passage is set aside; another passage may be about the question's own
                # (Lake Ontario's passage leads an English question on Lake Towada, whose is Japanese).
                rest = [p for p in passages if p is not chosen[0].passage]
                found, _ = select(question, rest, df, n_docs, tuning, max_passages, query, similarity) if rest else ([], None)
                return (found, None) if found else ([], f"the evidence is about {about}, not {name}")
    return chosen, None


_CONTACT_HEADING = re.compile(r"\bE-?mail\b|問い?合わ?せ|連絡先|\bContact|\bInquir", re.I)


# A name the asker quotes (「がん相談支援センター」, 『乙女の像』): a noun phrase, not a claim to check
# (「乳がんは日本人女性に最も多いがん」, 「幹細胞のような性質」 hold particles and predicates).
_QUOTED_NAME = re.compile(r"「([^」]{2,16})」|『([^』]{2,16})』")
_NOT_A_NAME = re.compile(r"[\u3041-\u3093](?<!の)|の.*の|[?？!！。、]")


def _unfound_quoted_names(question: str, passages: list[Passage]) -> list[str]:
    """The names the question quotes that no passage found holds as written: a question about a
    named thing the documents never name ("the phone number of the 「がん相談支援センター」")."""
    names = [n for m in _QUOTED_NAME.finditer(question) if not _NOT_A_NAME.search((n := m.group(1) or m.group(2)).replace("がん", "癌"))]
    texts = [squash(unicodedata.normalize("NFKC", p.quote)) for p in passages]
    return [n for n in names if not any(squash(unicodedata.normalize("NFKC", n)) in t for t in texts)]


def _absent_attribute(question: str, ev: Evidence, kind: str | None) -> str | None:
    """Why the question is unanswerable when what it hinges on is asked by name and occurs nowhere
    (AnswerTuning.abstain_on_absent_attribute), or None: an identifier by its acronym ("the DOI"),
    one by what it numbers ("under what approval number?"), a statistic ("the hazard ratio").
    Not a contact's: a link or a number answers those."""

    def nowhere(*forms: str) -> bool:  # the word, in any of the forms the question's analysis gave it
        return any(f in ev.absent for f in forms)

    if kind != "contact" and (m := ASKED_ACRONYM.search(question)):
        acronym = m.group("a") or m.group("b") or m.group("c")
        if nowhere(acronym.lower(), acronym.lower().rstrip("s")):
            return f"the {acronym} asked for is nowhere in the documents"
    if kind != "contact" and (m := ASKED_IDENTIFIER.search(question)):
        name = m.group("name").lower()
        if nowhere(name, singular(name)):
            return f"the {name} number asked for is nowhere in the documents"
    if m := ASKED_STATISTIC.search(question):
        words = [w.lower() for w in m.groups() if w]
        if words and all(nowhere(w, f"{w}-value", w.replace("-", ""), f"m:{w}") for w in words):
            return f"the {m.group().lower()} asked for is nowhere in the documents"
    animals = {w.lower() for m in ASKED_IN_ANIMALS.finditer(question) for w in m.groups() if w}
    if animals and all(nowhere(w, singular(w)) for w in animals):
        return f"the documents tell of no work in animals ({', '.join(sorted(animals))})"
    if _YES_NO_ANY.match(question):
        # "Has NCC filed any patents on it?", "Were there any side effects?": whether there is a thing
        # of a kind the documents never mention (a kind whose things go by their own names aside)
        for m in _ANY_NOUNS.finditer(question):
            words = list(itertools.takewhile(lambda w: w not in STOP and not w.endswith("ed"), m.group(1).lower().split()))
            head = words[-1] if words else ""  # (any side effects reported: effects; any of this: none)
            if head and nowhere(head, singular(head)) and not _NAMED_WITHOUT_HEAD.search(head) and singular(head) not in _GENERIC_NOUNS:
                return f"the documents mention no {head}"
    for m in filter(None, (_THERE_ASKED_JA.search(s.strip()) for s in re.split(r"(?<=[。？?])", question))):
        # 特許出願はなされていますか, 臨床試験の予定はありますか: whether there is a thing the documents
        # never mention, in any of its words
        words = [t for t in tokenize(m.group(1)) if t.startswith("m:")]
        if words and all(nowhere(w) for w in words):
            return f"the documents mention no {m.group(1)}"
    return None


# ... not a word for what any text says ("any data", "any claim", "any impact"): the text says it its own way
_GENERIC_NOUNS = frozenset("""data evidence claim impact information info detail mention indication sign result finding comment
    statement link connection relation relationship difference news update idea thought point word reference number figure
    explanation reason discussion implication significance relevance use application benefit value progress work""".split())
_THERE_ASKED_JA = re.compile(r"([\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,})(?:は|って|の(?:言及|記載|記述|予定|計画)(?:は|って)?)"
                             r"(?:(?:なされ|され|出され|行われ|出て)て?い|あり|ござい|ある|あった|あります)[^。？?]{0,10}?(?:か|の)?[？?。]?\s*$")
_YES_NO_ANY = re.compile(r"\s*(?:has|have|had|is|are|was|were|did|do|does|any)\b", re.I)
_ANY_NOUNS = re.compile(r"\bany\s+((?:[a-z][\w-]*)(?:\s+(?!(?:on|of|in|for|to|at|by|with|from|about|that|which|or|and|yet|here|there)\b)[a-z][\w-]*){0,2})", re.I)


def _is_contact_block(p: Passage) -> bool:
    """Most of the passage's lines are contact lines (a heading, TEL/FAX, e-mail, a postcode)."""
    lines = [p.quote[s[0]:s[1]] for s in p.sentences]
    contact = sum(bool(CONTACT_GIVEN.search(line) or _CONTACT_HEADING.search(line)) for line in lines)
    return len(lines) >= 2 and contact >= 0.6 * len(lines)


# The events of a life a when- or where-question may ask of (died, buried, was born): a
# sentence that dates or places one says it in one of these words, in either language.
_LIFE_ASKED = {
    "death": word_family(r"die|dies|died|death|pass(?:ed)?\s+away", r"亡くな|死去|死亡|逝去|没(?!頭|落|収)|死ん"),
    "burial": word_family(r"buried|burial|grave|tomb|interred|resting\s+place", r"墓|埋葬|葬ら|眠って"),
    "birth": word_family(r"born|birthplace", r"生まれ|出生|生誕"),  # (not a park's 誕生)
}
_LIFE_SAID = {
    "death": word_family(r"die|dies|died|death|dead|pass(?:ed)?\s+away|killed", r"亡くな|死|逝去|没|殺|自害|自刃|切腹|最期"),  # (死: 死去, 急死, 病死, 死後)
    "burial": word_family(r"buried|burial|grave|tomb|interred|mausoleum|rests", r"墓|埋葬|葬|眠る|眠って|廟|霊"),
    "birth": word_family(r"born|birth|birthplace|native", r"生まれ|誕生|出生|生誕|出身"),
}


def _life_event(question: str) -> str | None:
    """Which event of a life the question asks of, if one alone."""
    asked = [life for life, pattern in _LIFE_ASKED.items() if pattern.search(question)]
    return asked[0] if len(asked) == 1 else None


def _with_previous_sentence(c: _Candidate) -> str:
    """The sentence with the one before it in its passage: Japanese names its subject once and
    leaves it out of the next sentence (霧島神宮は…。現在の社殿は1715年に…再建した)."""
    before = [s for s in c.passage.sentences if s[1] <= c.clean[0]]
    return (c.passage.quote[before[-1][0]:before[-1][1]] if before else "") + c.text


# (Not a comma before a digit: 1,280 and 2万5,000, or May 5, 1933, are one number or date.)
_CLAUSE_BOUNDARY = re.compile(r"[、;；。．!?！？]\s*|[，,](?!\s?[0-9０-９])\s*|\.\s+")
_SENTENCE_END = re.compile(r"[。．!?！？]\s*$|\.\s+$")


# A clause opening with a shift in time tells of another moment: 1766年に…単離し、のちにラヴォアジエが
# 名称を与えた does not date the naming.
_LATER = re.compile(r"\s*(のちに|後に|その後|翌年|翌々年|やがて|later\b|afterwards\b|subsequently\b|after that\b|the following year\b|the next year\b)", re.I)


def _date_clauses(text: str, unit: str | None) -> list[str]:
    """The clauses holding a year -- or, unless a year is asked for, a day of a month (7月 1日付けで
    for "when"). A number in a link (sigtrans;7/332/ra63) dates nothing."""
    dated = _YEAR_EXPR.search if unit == "year" else (lambda c: _YEAR_EXPR.search(c) or _MONTH_DAY.search(c))
    return _clauses_with(_URL.sub(lambda m: " " * len(m.group()), text), dated)


def _clauses_with(text: str, holds: Callable[[str], object]) -> list[str]:
    """Each clause holding the answer (a year, a place), with the clause after it in the same
    sentence (English dates the event after a comma: "In 1921, he founded …"; Japanese often
    finishes the event in the next clause)."""
    cuts = sorted({0, len(text), *(m.end() for m in _CLAUSE_BOUNDARY.finditer(text))})
    spans = list(zip(cuts, cuts[1:]))
    out = []
    for i, (a, b) in enumerate(spans):
        if not holds(text[a:b]):
            continue
        j = i + 1 if i + 1 < len(spans) and not _SENTENCE_END.search(text[a:b]) and not _LATER.match(text[spans[i + 1][0]:]) else i
        clause = text[a : spans[j][1]].strip()  # never into the next sentence
        if clause and clause not in out:
            out.append(clause)
    return out


# What says where a name comes from, or at least gives the name (と呼ばれ, called).
_ORIGIN_SAID = re.compile(r"由来|ちな[まみむん]|因[まみむん]|名付け|名づけ|命名|あやか|ことから|から[「『]|の名[はがを]|名前[はがを]|名称[はがを]|呼び名|語源|略|意味|と呼|\bcall"
                          r"|\bnamed (after|for)\b|\bname (comes|came|derives|derived)\b|\bderived? from\b|\bcomes? from\b|\bcame from\b|\bshort for\b|\bmeaning\b|\bmeans\b", re.I)
_PLACE_SUFFIX = re.compile(r"[\u3400-\u9fff\u30a1-\u30fa](県|府|都|道|市|町|村|区|郡|島|国|州|湾|港|半島|平野|盆地|地方|駅|城|寺|神社|宮|山|川|湖)")

# ... and what a "where" may also be answered by: a building, an institution, a landmark, a room
# (所蔵は東京国立博物館, 第1会議室で開かれます, 自宅で)
_PLACE_LIKE = re.compile(r"[\u3400-\u9fff\u30a1-\u30fa](館|院|殿|堂|園|墓|橋|岬|峠|谷|浜|海|沖|塔|門|邸|屋敷|広場|空港|大学|学校|病院|劇場|"
                         r"ホール|センター|ビル|タワー|公園|霊園|墓地|神宮|大社|本社|工場|研究所|跡|遺跡|付近|周辺|近く|沿岸|郊外|"
                         r"室|場|所|階|棟|庭|宅|部屋|本部|支店|店|地|内|口)|[\u3400-\u9fff]の?中(?:で|に)")  # 骨髄の中で: in the marrow


def _has_place(text: str) -> bool:
    """A Japanese text names a place: a place-name ending (浜松城, 上総国) or a UniDic 地名."""
    if _PLACE_SUFFIX.search(text):
        return True
    from index.lexical import morphemes_with_pos

    return any(pos == ("固有名詞", "地名") for _, pos in morphemes_with_pos(text))


def _holds_as_name(ev: Evidence, concept: Concept, tokens: set[str], text: str) -> bool:
    """The text holds the name in one of its strong forms: the name itself, a dictionary translation,
    or its whole reading as one morpheme (Kukai: m:クウカイ) -- not a guessed reading's pieces
    (くかい's かい is in any text)."""
    strong = [a for a in ev._forms[id(concept)] if not a.kind or (a.kind == READING and len(a.tokens) == 1)]
    if any(ev._holds_alt(a, tokens, text) for a in strong):
        return True
    parts = ev._parts.get(concept.word) if concept.phrase else None
    return bool(parts) and all(_holds_as_name(ev, p, tokens, text) for p in parts)


def _loosely_holds(ev: Evidence, concept: Concept, text: str, tokens: set[str], verbs: bool = True) -> bool:
    """The text (with its tokens) holds the concept, or a Japanese form of it by its kanji stem:
    放す in 放鳥, 始める in 始まり (a compound or the other voice of the verb says the same event),
    or (`verbs`) a verb on one kanji of a two-kanji verbal noun: 葬られた for 埋葬."""
    if ev._holds(concept, tokens, text):
        return True
    forms = [a.term for a in ev._forms[id(concept)]] + [concept.word.removeprefix("m:")]
    stems = {re.sub(r"[\u3041-\u309f]+$", "", f) for f in forms}
    # A one-kanji stem must open a word (放 in 試験|放鳥), not end one (生 of 生む in 発生).
    if any(stem and _is_cjk(stem) and not re.search(r"[\u3041-\u309f]", stem)
           and (any(t.startswith("m:" + stem) for t in tokens) if len(stem) == 1 else stem in text) for stem in stems):
        return True
    # A two-kanji verbal noun said by a verb on one of its kanji: 埋葬 by 葬られた, 建設 by 建てた
    # (not a verb of everyday meaning: 見る of 発見, 出る of 出版).
    word = concept.word.removeprefix("m:")
    return verbs and bool(re.fullmatch(r"[\u4e00-\u9fff]{2}", word)) and any(
        re.fullmatch(r"m:[" + word + r"][\u3041-\u309f]+", t) and t[2:] not in _EVERYDAY_VERBS for t in tokens)


_EVERYDAY_VERBS = frozenset("見る 出る 成る 行く 来る 言う 入る 上がる 上げる 下がる 下げる 有る 為る 生きる 生む 付く 付ける 取る 持つ 立つ 立てる 合う 合わせる 分かる 分ける 開く 明ける 通る 通う 用いる 引く 置く 大きい 高い 新しい 長い 早い".split())


def _question_names(question: str) -> tuple[set[str], list[str]]:
    """The question's names, as words and whole runs (lake michigan), and the runs as written."""
    runs = _name_runs(question)
    return _names(question) | {r.lower() for r in runs}, runs


def _is_named(word: str, names: set[str]) -> bool:
    """A concept that is one of the names, or holds a word of one."""
    return word in names or bool(set(word.split()) & names)


def _glossed_in(ev: Evidence, concept: Concept, clause: str) -> bool:
    """An English question's word is said in the clause by a Japanese word glossed with it (掲載
    "publication" for "published"). Only for a word none of whose translations the collection
    holds (Evidence.glossed_only): one it holds must be said by one of them -- "complete" is not
    said by 全国統一を果たした (果たす: "to complete") when 完成 is the collection's word for it."""
    order = tokenize(clause)
    return ev._holds(concept, set(order), clause, _glosses(order, clause, order))


def _event_terms(ev: Evidence, question: str, topic_tokens: set[str], topic_text: str) -> list[_Term]:
    """The question's key concepts that say what happened, not to whom: its names and what the
    passage's topic already says are left out (Osaka Castle, Hideyoshi -> complete). Only words the
    collection holds: one it lacks says nothing of this clause (break out, with no 勃発 anywhere);
    held by a retrieved passage's glosses counts ("published": 掲載)."""
    names, runs = _question_names(question)

    def part_of_a_name(word: str) -> bool:  # 音楽 and 学校 of 東京音楽学校, 駅 of 上野駅
        return word.startswith("m:") and any(word[2:] in r for r in runs)

    return [t for t in ev.key + ev.glossed_only if not _is_named(t.concept.word, names)
            and not part_of_a_name(t.concept.word) and not numerals.is_number_word(t.concept.word)
            and not _SITUATED.fullmatch(t.concept.word) and not ev._holds(t.concept, topic_tokens, topic_text)]


# Where a thing is (based, located, 所在): no event, the place is the answer ("Where is NCC based?").
_SITUATED = re.compile(r"(?:m:)?(?:based|located|situated|headquartered|housed|sited|所在|位置)", re.I)


# "Which season / どの時期 / which colour": an attribute whose answer is a common word (春, 赤), not a name.
# ("Which two things?" asks for any thing the text says, named or not.)
_ATTRIBUTE_HEADS = frozenset(
    """season time period part side direction colour color shape size way method order position stage level age
    material language statement sentence passage paragraph section claim point conclusion sample samples specimen specimens
    tissue tissues organ organs fluid thing things problem problems challenge challenges limitation limitations drawback drawbacks
    advantage advantages benefit benefits role aspect aspects 検体 試料 臓器 組織 季節 時期 時間 時 部分 方向 向き 側 色 形 大きさ 方法 順番 順序 段階 言葉 言語 材料 素材""".split()
)
# Which-heads whose instances are named without the word (Metacorporation for "which company", a
# swordsman's name, "volume 7"): their absence from the documents says nothing.
_NAMED_WITHOUT_HEAD = re.compile(r"^(?:compan(?:y|ies)|firms?|corporations?|business(?:es)?|brands?|makers?|manufacturers?|publishers?"
                                 r"|studios?|bands?|teams?|clubs?|groups?|labels?|volumes?|issues?)$|(?:man|men|woman|women|person|people|ists?|ians?)$")
# A question's word that is a code (mcf-7, mda-mb-231, her2, cd63, p53): letters and digits -- not
# the asker's own numbering (Q1, item3, step2, p5, fig2).
_CODE_WORD = re.compile(r"(?!(?:qs?|questions?|items?|no|nos|parts?|steps?|points?|sections?|sec|figs?|figures?|tables?|tab|slides?"
                        r"|pages?|pg|paras?|lines?|ch|chapters?|vols?|v|refs?|notes?|cards?|n)-?[0-9]+[a-z]?$|pp?-?[0-9]$)"
                        r"(?:[a-z][a-z-]*[0-9][a-z0-9-]*|[a-z]+-[a-z]*[0-9]+[a-z]?)")
_IDENTIFIER = re.compile(r"(?<![\w-])[A-Za-z]+-?[0-9]+[A-Za-z]?(?![\w-])")  # miR-23b, CD63, H2A: one particular thing



# The kind of place a where-question asks for: 一番近い駅どこ？ (駅), 最寄り駅はどこ, "Where is the
# nearest station?" -- as "which station" would.
_WHERE_HEAD_JA = re.compile(r"([\u4e00-\u9fff\u30a1-\u30fa\u30fc]+)(?:[（(][^）)]{1,30}[）)])?(?:は|って|が)?(?:どこ|何処)")  # 出身大学（学位を取った大学）はどこ
_WHERE_HEAD_EN = re.compile(r"\bwhere(?:['’]s|\s+is|\s+are|\s+was|\s+were)\s+the\s+(?:nearest|closest)\s+([a-z]+)\b", re.I)


def _where_head(question: str) -> str | None:
    """The question's word (its morpheme token, for Japanese) for the kind of place asked."""
    if m := _WHERE_HEAD_EN.search(question):
        return m.group(1).lower()
    if m := _WHERE_HEAD_JA.search(question):
        words = [t for t in tokenize(m.group(1)) if t.startswith("m:")]
        return words[-1] if words else None
    return None


_FUNDING_SCHEME = re.compile(r"(?:m:)?(?:programs?|programmes?|projects?|schemes?|initiatives?|awards?|agenc(?:y|ies)|bod(?:y|ies)"
                             r"|organi[sz]ations?|institutions?|sources?|事業|制度|機関|団体|プログラム|プロジェクト)", re.I)


# A verb after a which-noun: past tense, or a word before the verb's object ("funded the work", "secrete them").
_VERB_AFTER_HEAD = re.compile(r"[a-z]+ed\b|[a-z]+\s+(?:the|a|an|this|that|these|those|its|their|his|her|them|it|our|my)\b", re.I)


# Whose a kind of thing is, before its noun (which government ministry, which national institute): no kind itself.
_WHOSE_MODIFIERS = frozenset("government governmental national public private federal state local international foreign".split())


def _which_heads(question: str, query: Query) -> list[Concept] | None:
    """The concepts of the noun a "which" question asks about (which chemotherapy drug: chemotherapy,
    drug; どの藩: 藩), none for a question asking what something is called, or None when the
    question asks neither."""
    # 何という細胞から: a cell's name is asked, as by どの細胞 (a compound ending in 細胞 gives one)
    if (named := _WHAT_KIND_JA.search(question)) and (heads := _heads_after(question, named.end(), query)):
        return heads
    if ASKS_NAME.search(question):
        return []
    m = WHICH_EN.search(question)
    if m:
        if YES_NO_EN.match(question):
            return None
        if m.group(1) in _ATTRIBUTE_HEADS or m.group(1).rstrip("s") in _ATTRIBUTE_HEADS:
            return None
        # (which government ministry: a ministry -- a modifier of whose it is, no kind of thing)
        words = {w for w in m.groups() if w} - ({m.group(1)} if m.group(2) and m.group(1).lower() in _WHOSE_MODIFIERS else set())
        # (which programme funded the work, which cells secrete the vesicles: the second word is the verb)
        if m.group(2) and _VERB_AFTER_HEAD.match(question, m.start(2)):
            words.discard(m.group(2))
        run = NOUN_RUN.match(question, m.start(1))
        if run and len(run.group(1).split()) > 2:  # which normal bone marrow cells: its head, cells
            # (which breast cancer cell lines: lines, not cell -- 乳がん細胞 names no cell line)
            # ... before a preposition: which research division of the institute asks for a division
            head = re.split(r"\s+(?:of|in|at|for|from|on|with|by|within|inside)\s+", run.group(1), maxsplit=1, flags=re.I)[0]
            words = set(head.split()[-1:])
        return [c for c in query.concepts if not c.phrase and c.word in words]
    m = WHICH_JA.search(question)
    return _heads_after(question, m.end(), query) if m else None


_WHAT_KIND_JA = re.compile(r"(?:何|なん)(?:という|と言う|っていう)(?=[\u30a1-\u30fa\u30fc\u4e00-\u9fff])")


def _heads_after(question: str, at: int, query: Query) -> list[Concept] | None:
    """The concepts of the noun at `at` (after どの, 何という), or None when no noun is there."""
    from index.lexical import _tagger

    rest = _tagger()(question[at:])
    if not rest or rest[0].feature.pos1 != "名詞" or rest[0].surface in _ATTRIBUTE_HEADS:
        return None
    return [c for c in query.concepts if c.word.removeprefix("m:") == rest[0].surface]


# What stands before an asked-for noun when the text names one: the rest of a longer compound
# (間葉系幹細胞 for どの細胞, 研究分野 for どの分野), or a name given to it (エクソソームという小胞 for 何という小胞).
_COMPOUND_BEFORE = r"[\u30a1-\u30fa\u30fc\u3400-\u9fff]"
_NAME_GIVEN_BEFORE = r"[\u30a1-\u30fa\u30fc\u4e00-\u9fffA-Za-z0-9]{2,}(?:という|と呼ばれる|と称する)"


def _head_after(text: str, heads: list[Concept], before: str = _COMPOUND_BEFORE) -> bool:
    """One of the asked-for nouns (or a translation) stands in the text right after `before`."""
    for c in heads:
        for a in c.alternatives:
            term = a.term.removeprefix("m:")  # (a Japanese question's own word is its morpheme token: m:科)
            if _is_cjk(term) and re.search(before + re.escape(term), text):
                return True
    return False


# (not a division, a unit or a section: "which research division of the institute" asks for one of
# the institute's, which a hospital department's name does not answer)
_UNIT_HEADS = frozenset("部署 部門 部局 診療科 department departments".split())
_UNIT_NAME = re.compile(r"[\u4e00-\u9fff・]{2,}(?:科|部|課|室|局|分野)(?![\u4e00-\u9fff])")


def _names_one(text: str, heads: list[Concept], common: Callable[[str], bool] = lambda word: False) -> bool:
    """The text names a particular thing: a proper noun, a quoted title, a capitalised word inside
    an English sentence, an identifier, an unlisted loanword, or one of the asked-for nouns as the
    end of a longer compound (間葉系幹細胞)."""
    text = _URL.sub(" ", text)  # ra63 in a link names nothing
    if QUOTED.search(text):
        return True
    if re.search(r"(?<=[a-z,;] )[A-Z][a-z]", text) or _IDENTIFIER.search(text):
        return True
    # ... and in Japanese text, a word in Latin letters that starts with a capital: Science
    # Signaling, Nature (a Japanese sentence spells its common nouns in kanji or kana)
    if _CJK.search(text) and re.search(r"(?<![A-Za-z])[A-Z][a-z]{2,}", text):
        return True
    if _head_after(text, heads) or _head_after(text, heads, _NAME_GIVEN_BEFORE):
        return True
    # Which department, 部署, 部門: a unit's name ends in 科, 部, 課, 室, 局 or 分野 (乳腺・腫瘍内科と)
    if any(h.word.removeprefix("m:") in _UNIT_HEADS for h in heads) and _UNIT_NAME.search(text):
        return True
    # A loanword no dictionary lists is a name of its own kind: ドセタキセル, not マイクロ or ワクチン,
    # nor a word the collection is about (エクソソーム in every other passage of the release).
    if any(ja_to_en(k) is None and not common(k) for k in KATAKANA_RUN.findall(text)):
        return True
    from index.lexical import morphemes_with_pos

    return any(pos[0] == "固有名詞" for _, pos in morphemes_with_pos(text))


_EN_NAME_RUN = re.compile(r"(?<![.?!] )(?<!^)\b([A-Z][\w'-]*(?: (?:of |de |the )?[A-Z0-9][\w'-]*)*)")


def _name_runs(question: str) -> list[str]:
    """The question's names as written, whole: runs of capitalised words after the first word
    (Lake Michigan), and runs of Japanese nouns holding a proper noun (東京スカイツリー, 上杉家)."""
    runs = [re.sub(r"'s$", "", r) for r in _EN_NAME_RUN.findall(question.strip())]
    if not _CJK.search(question):
        return runs
    from index.lexical import _tagger

    current, proper = [], False
    for w in [*_tagger()(question), None]:
        f = w.feature if w is not None else None
        if f is not None and (f.pos1 in ("名詞", "接頭辞") or (f.pos1 == "接尾辞" and current)):
            current.append(w.surface)
            proper |= f.pos2 == "固有名詞"
            continue
        if current and proper:
            runs.append("".join(current))
        current, proper = [], False
    return runs


def _siblings(name: str, topic: str) -> bool:
    """Two different things of one family or kind: Lake Michigan and Lake Superior, 東京スカイツリー
    and 東京タワー, 上杉家 and 上杉謙信 -- not one thing named twice (Bach, Johann Sebastian Bach;
    2代将軍秀忠 and 徳川秀忠, which share the given name, not the family)."""
    a, b = name.strip().lower(), topic.strip().lower()
    if not a or not b or a in b or b in a:
        return False
    if a.isascii() and b.isascii():
        return bool(set(a.split()) & set(b.split()))
    return _is_cjk(a[:2]) and a[:2] == b[:2]


def _topic_name(topic: str) -> str:
    """A title without its parenthesis: Rust (programming language) -> Rust."""
    return re.sub(r"\s*[(（][^)）]*[)）]\s*$", "", topic).strip()


def _names_topic(text: str, topic: str) -> bool:
    """The text names the topic: as a whole word in English (Rust, not trust), anywhere in Japanese;
    a title's parenthesis left out (Rust (programming language))."""
    name = _topic_name(topic)
    if len(name) < 2 or (name.isascii() and len(name) < 3):
        return False
    if name.isascii():
        return bool(re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text, re.I))
    return name in text


# The subject an encyclopedia-style paragraph opens with: 信濃川(しなのがわ)は、… / Lake Superior is …
_TOPIC_JA = re.compile(r"^([^、。,()（）「」『』\s]{1,24}?)(?:\s*[(（][^)）]{0,40}[)）])?(?:とは|は)[、，,]")
_TOPIC_EN = re.compile(r"^(?!(?:In|On|At|After|Before|During|When|While|From|For|By|With|As|Since|Although|Because|It|This|These|There)\b)((?:The |An? )?[A-Z][\w'’.-]*(?: (?:of |de |van |von |the )?[A-Z0-9][\w'’.-]*){0,5})(?: \([^)]{0,60}\))?(?:,| is | was | are | were )")


def topic_of(p: Passage) -> str:
    """What a passage is about: its heading or document title; in a file with no title line (whose
    first sentence stands in as the title), the subject its first sentence opens with."""
    if is_title(p.section):
        return p.section
    if p.start > 3 or not p.sentences:  # not the document's opening: no subject to read off
        return ""
    first = p.quote[p.sentences[0][0] : p.sentences[0][1]]
    m = _TOPIC_JA.match(first) or _TOPIC_EN.match(first)
    return m.group(1) if m else ""


def _overlaps(a: _Candidate, b: _Candidate) -> bool:
    """Two citations of the same text: overlapping spans of one passage, or of two chunks of one
    source, or the same words in two sources (a document ingested twice, from two paths): a reader
    gains nothing from reading it again."""
    if a.passage is b.passage:
        return a.clean[0] < b.clean[1] and b.clean[0] < a.clean[1]
    if a.passage.source == b.passage.source and a.raw[0] < b.raw[1] and b.raw[0] < a.raw[1]:
        return True
    ta, tb = squash(a.text), squash(b.text)
    return ta in tb or tb in ta


def _extend(c: _Candidate, by_span: dict, taken: list[_Candidate], t: AnswerTuning) -> _Candidate:
    """Quote a neighbouring sentence too when it scores nearly as well: answers often span two.
    Never into a span another citation already quotes."""
    p = c.passage
    if c.sentence < 0:
        return c
    lo, hi = c.sentence, c.sentence
    start, end = c.clean
    for step in (-1, 1):
        neighbour = by_span.get((id(p), c.sentence + step))  # (the candidates' spans: brackets balanced)
        if neighbour is None:
            continue
        length = max(end, neighbour.clean[1]) - min(start, neighbour.clean[0])
        free = not any(_overlaps(neighbour, t) for t in taken)
        if free and neighbour.score >= t.extend_ratio * c.score and length <= t.max_quote_chars:
            lo, hi = min(lo, neighbour.sentence), max(hi, neighbour.sentence)
            start, end = min(start, neighbour.clean[0]), max(end, neighbour.clean[1])
    if lo == hi:
        return c
    # the sentences' own spans joined, then balanced: a quotation they hold whole keeps its brackets
    cs, ce, rs, re_ = _without_stray_brackets(p, p.sentences[lo][0], p.sentences[hi][1], p.sentences[lo][2], p.sentences[hi][3])
    return _Candidate(p, c.rank, (cs, ce), (rs, re_), p.quote[cs:ce], c.dense, c.tokens, c.coverage, c.score)


def trim(c: _Candidate, ev: "Evidence", kind: str | None, unit: str | None = None,
         max_chars: int = AnswerTuning.max_quote_chars) -> _Candidate:
    """A sentence longer than `max_chars` is cut to the run of clauses (split at 、 , ; :) that
    holds most of the question's concepts, and the asked-for kind of thing: still a verbatim span.
    Only where the cleaned text is the source text itself (offsets map one to one)."""
    if len(c.text) <= max_chars or c.passage.verbatim(*c.raw) != c.text:
        return c
    cuts = [0] + [m.end() for m in _CLAUSE_END.finditer(c.text)] + [len(c.text)]
    cuts = sorted(set(cuts))
    best, best_score = None, -1.0
    for i in range(len(cuts) - 1):
        for j in range(i + 1, len(cuts)):
            if cuts[j] - cuts[i] > max_chars:
                break
            part = c.text[cuts[i] : cuts[j]]
            score = ev.coverage(set(tokenize(part)), part) + (0.5 if kind and fits_kind(kind, part, unit) else 0.0) + 0.001 * len(part) / max_chars
            if score > best_score:
                best, best_score = (cuts[i], cuts[j]), score
    if best is None:
        return c
    lo, hi = best
    text = c.text[lo:hi]
    lo += len(text) - len(text.lstrip())
    hi -= len(text) - len(text.rstrip())
    cs, rs = c.clean[0], c.raw[0]
    return _Candidate(c.passage, c.rank, (cs + lo, cs + hi), (rs + lo, rs + hi), c.text[lo:hi], c.dense, c.tokens, c.coverage, c.score)


def rerank(passages: list[Passage], chosen: list[_Candidate]) -> list[Passage]:
    """Passages holding the cited sentences first (in citation order), then the rest as retrieved."""
    first = []
    for c in chosen:
        if all(c.passage is not p for p in first):
            first.append(c.passage)
    return first + [p for p in passages if all(p is not f for f in first)]


def compose(question: str, lang: str, chosen: list[_Candidate]) -> tuple[str, list[Citation]]:
    """Lead sentence in the question's language, then the cited sentences with [n] markers."""
    msg = messages(lang)
    citations = []
    lines = [msg["lead"]]
    for n, c in enumerate(chosen, start=1):
        p = c.passage
        raw_start, raw_end = c.raw
        citations.append(
            Citation(
                n=n,
                source=p.source,
                section=p.section,
                text=p.verbatim(raw_start, raw_end),
                quote=c.text,
                start=raw_start,
                end=raw_end,
                score=round(c.score, 4),
                page=p.page_at(raw_start),
            )
        )
        sentence = _FAKE_MARKER.sub(r"［\1］", c.text.strip())
        lines.append(f"{sentence} [{n}]")
    return "\n".join(lines), citations


def abstention(question: str, lang: str, nothing_asked: bool = False) -> str:
    msg = messages(lang)
    return msg["nothing_asked"] if nothing_asked else msg["abstain"].format(question=question.strip())

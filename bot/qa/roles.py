"""What a person is to the question: the roles a "who" question names (mother, founder,
designer, lyricist...) and the roles a clause gives the people it names.

The same kind of near miss as a number of another measure (bot/qa/measures.py): a passage
names a person, but in another role -- 家康の三男 names Hidetada's father for "who was his
mother". Every role word of the question counts as asked (太宰治が弟子入りした作家 asks for his
teacher, who is an author), so the check is narrow; `role_asked` names the one nearest the
question word, for the message. Only roles said outright count.
"""

from __future__ import annotations

import re

from bot.qa.measures import word_family

# An organisation's head (no ruler: an emperor or a shogun heads no institution): a leader, and
# what "who heads the X" asks for (HEAD_OF_ORGANISATION below).
_ORG_HEAD_EN = r"president|presidents|chairman|chairperson|ceo|chief\s+executives?|headmaster|principal(?!\s+investigator)"
_ORG_HEAD_JA = r"理事長|院長|所長|センター長|総長|社長|会長|頭取|総裁|学長|校長"
# What 姉妹 (sister) says of a journal, school, city, … rather than of people
_SISTER_OF_JA = r"誌|校|都市|紙|編|版|品|店|会社|団体|サイト"
ROLES = {
    "mother": word_family(r"mother|mothers|mum", r"生母|実母|母親|の母|母は|母で|母と"),
    "parent": word_family(r"father|fathers|son|sons|daughter|daughters|child|children|eldest",
                      r"父|長男|次男|三男|四男|五男|嫡男|息子|娘|の子(?=[、。とでにはがを])|子として|実子|養子"),
    "spouse": word_family(r"wife|wives|husband|husbands|married|marry|spouse", r"正室|側室|夫人|妻|結婚|嫁"),
    # (a sister journal, school or city is no sibling: 米科学誌 Science姉妹誌のジャーナル)
    "sibling": word_family(r"brother|brothers|sister(?!\s+(?:journals?|schools?|cit(?:y|ies)|publications?|companies|company))|sisters(?!\s+(?:journals?|schools?|cities))",
                           rf"兄|弟(?!子)|(?<!姉)妹(?!{_SISTER_OF_JA})|姉(?!妹(?:{_SISTER_OF_JA}))"),
    "teacher": word_family(r"teacher|teachers|taught|mentor|master|student|students|pupil|pupils|disciple|disciples|"
                       r"studied under|lessons?", r"師事|弟子|門下|師匠|恩師|教わ"),
    "founder": word_family(r"founded|founder|founders|established|establish|set up|co-founded|co-founder",
                       r"創業|創設|設立|創立|創始|開山|開基|建立|創建"),
    "designer": word_family(r"designed|designer|designers|design|architect|architects", r"設計|デザイ|建築家"),
    "composer": word_family(r"composed|composer|composers|compose|music", r"作曲"),
    "lyricist": word_family(r"lyrics|lyricist|words", r"作詞|歌詞"),
    "author": word_family(r"wrote|written|author|authors|writer|writers|novelist|poet|poem", r"作家|小説家|著|執筆|詩人|作者"),
    "director": word_family(r"directed|director|directors|manager|managed|coach|coached", r"監督|演出"),
    "discoverer": word_family(r"discovered|discoverer|discovery|isolated", r"発見|単離"),
    "inventor": word_family(r"invented|inventor|invention", r"発明"),
    "leader": word_family(_ORG_HEAD_EN + r"|shogun|shoguns|lord|daimyo|emperor|empress|prime minister|governor|mayor",
                      _ORG_HEAD_JA + r"|家元|宗家|将軍|藩主|城主|天皇|首相|知事|市長"),
    # (a shrine's or temple's head is no ruler: 768年に左大臣藤原永手が、称徳天皇の勅命により names no priest)
    "clergy": word_family(r"head priest|chief priest|high priest|abbot|abbots",
                      r"宮司|住職|座主|神主|貫主|管長"),
    "craftsman": word_family(r"carpenter|carpenters|builder|builders|sculptor|sculptors|craftsman|craftsmen|potter|smith",
                         r"大工|棟梁|仏師|工匠|職人|陶工|刀工|鍛冶"),
    "official": word_family(r"magistrate|magistrates|commissioner|commissioners|minister|ministers|official",
                        r"奉行|代官|老中|家老|大老|大臣|長官"),
    "captain": word_family(r"captain|captains|skipper|commander", r"艦長|船長|機長|司令"),
    "painter": word_family(r"painted|painter|painters|painting|artist", r"画家|絵師|描い|画工"),
    "engineer": word_family(r"engineer|engineers|engineering", r"技師|技術者|技監"),
    "performer": word_family(r"played|actor|actors|actress|actresses|starred|starring|performer|cast",
                         r"俳優|女優|演じ|主演|出演"),
    "successor": word_family(r"successor|succeeded|succeed|heir|inherited", r"継い|継承|後継|跡を継|家督"),
}
# The head of an organisation, asked for by title or as "who heads the X" (forms.ORG_HEAD_ASKED):
# 理事長：堀田知光 names the NCC's.
HEAD_OF_ORGANISATION = word_family(_ORG_HEAD_EN + "|director-general", _ORG_HEAD_JA)
_ASKING = re.compile(r"\bwho\b|\bwhom\b|\bwhose\b|\bwhich\b|誰|だれ|どなた|どの|人物", re.I)


def roles_said(text: str) -> set[str]:
    return {name for name, pattern in ROLES.items() if pattern.search(text)}


def role_asked(question: str) -> str | None:
    """The role word nearest the (first) question word, or None when the question names none."""
    at = _ASKING.search(question)
    spots = [(abs(m.start() - (at.start() if at else 0)), name) for name, p in ROLES.items() for m in p.finditer(question)]
    return min(spots)[1] if spots else None

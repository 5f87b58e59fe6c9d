"""Questions about the document itself: "When was this press release issued?", "What is this
release about?", このプレスリリースを出したのはどこですか.

A document does not call itself a press release, so the question's words find nothing (or the
link to another release, press_release_20140408.html); its answer is in the document's opening:
the headline, the date line and the issuer's line, then the key points. `asked_of_document` tells
such a question and what it asks ("what did they find?" asks for the findings: the body's lead
sentence, then the key points; "its key points" for the points alone); `opening_answer` picks the
sentences of the opening chunk that say it. Retrieval (bot.qa.pipeline) searches without the
self-reference and puts the opening chunk first (for the findings, the chunk after it too).
"""

from __future__ import annotations

import re

from bot.models import Passage
from bot.qa.forms import TEXT_PARTS_JA, asked_clauses

# What may stand between "the" and "release" when the release is meant: its issuer's name or a
# possessive (the NCC's), a year, a month, early-July, latest -- never a lowercase noun ("the
# cells release exosomes").
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DOCUMENT_MODIFIERS = (
    r"(?:(?:(?-i:[A-Z][A-Za-z&.-]*)(?:['’]s)?|[0-9]{4}|(?:" + _MONTHS + r")|(?:early|mid|late)-?(?:" + _MONTHS + r")?"
    r"|latest|recent|new|official|original|same|whole|full)\s+){0,6}"
)
# "this / the press release", "this document", この資料, 本リリース, この発表, プレスリリースの -- not "the release of
# exosomes", nor この発表された論文 / この発表によると (what the announcement says is asked of its text).
_SELF = re.compile(
    r"\b(?:this|the|their|its)\s+" + _DOCUMENT_MODIFIERS + r"(?:(?:press|news|media)\s+)?(?:release|document|announcement|notice|statement)\b"
    # (not "the release of exosomes", "release from cells" -- but "the NCC release from July 2014": its date)
    r"(?!\s+(?:of\b|from\b(?!\s+(?:(?:early|mid|late)[\s-]+)?(?:" + _MONTHS + r"|[0-9]{4}\b|last\s+(?:year|month|week)\b))))"
    # ... and "this news" (when did this news come out?), このニュース: the announcement pointed at
    r"|\bthis\s+(?:piece\s+of\s+)?news\b(?!\s+(?:release|story|article|report|item)s?\b)|(?:この|今回の)ニュース(?!リリース|記事|番組)"
    r"|(?:この|本|当|今回の)(?:プレスリリース|ニュースリリース|報道発表|リリース|資料|文書|お知らせ|発表資料|発表(?!さ|し|によ|で))"
    # ... and a press release named bare (プレスリリースのタイトルは？), not another one (以前のプレスリリース)
    r"|(?<!別の)(?<!前の)(?<!他の)(?<!過去の)(?<!以前の)(?<!先の)(?:プレスリリース|ニュースリリース|報道発表資料)(?=の|は|が|を|って)",
    re.I,
)
# "When was this release issued?", and asked inside a request ("Could you tell me when this press
# release was issued?", read without its frame) -- not "When the release talks about X, is ...?"
_DATE_ASKED = re.compile(r"^\s*when\s+(?:was|is|were|are|did|does|do|will|has|had)\b"
                         r"|^\s*when\s+(?:this|the|their|its)\s[^?？.]{0,60}?\b(?:was|were|got|had\s+been|has\s+been)?\s*"
                         r"(?:issued|published|released|put\s+out|sent(?:\s+out)?|dated|announced|came\s+out|went\s+out|(?<=was )out(?!\s+of)|(?<=were )out(?!\s+of))\b|\bwhat (?:date|day)\b|\bwhich (?:date|day)\b|\bdated\b|いつ|何日|何月|日付", re.I)
# ... but a date of the paper the document reports ("on what date was the paper published online?",
# 論文が掲載されたのはいつ) is its text's, not the document's own date line.
# (unless the document's own date is named too: このリリースの日付と論文が載った日)
_PAPER_DATED = re.compile(r"\b(?:paper|article|journal|(?:electronic|online|print)\s+(?:edition|version)|e-?pub\w*|issue)\b|論文|掲載|電子版|誌", re.I)
_OWN_DATE_NAMED = re.compile(r"(?:リリース|発表)の?(?:日付|日時|日)|\brelease\s+date|\bdate\s+(?:of|on)\s+(?:the|this)\s+(?:(?:press|news)\s+)?release", re.I)
# "release date?", "date of the press release", "ncc pr date", 発表日は？: the document's date asked
# tersely (its issuer's acronym before it, typed in capitals or, without vowels, in lower case).
_RELEASE_DATE = re.compile(r"\s*(?:(?:what(?:['’]s| is| was)|and)\s+)?(?:the\s+)?(?:(?:(?-i:[A-Z]{2,6})|[b-df-hj-np-tv-z]{2,5})(?:['’]s)?\s+)?(?:(?:press|news)\s+)?release\s+date\s*[?？.]*\s*"
                           r"|\s*(?:what(?:['’]s| is| was)\s+)?(?:the\s+)?date\s+(?:of|on|for)\s+(?:the\s+|this\s+)?(?:(?:press|news)\s+)?release\s*[?？.]*\s*"
                           r"|\s*(?:プレスリリース|リリース|発表)(?:の)?(?:日|日付|日時)(?:は|って)?(?:いつ)?(?:ですか)?\s*[?？]?\s*"
                           # (これっていつの発表？: the document pointed at)
                           r"|\s*(?:(?:これ|それ)(?:って|は)\s*)?(?:いつの(?:プレスリリース|リリース|発表|記事)|(?:プレスリリース|リリース|発表)(?:は|って)いつ)(?:ですか|でしょうか|なの|だっけ)?\s*[?？]?\s*", re.I)
# who put the document out -- not who is quoted or named in it
_ISSUER_ASKED = re.compile(
    r"^\s*who\s+(?:(?:has|had|did)\s+)?(?:issued|issues|issue|published|publishes|publish|released|releases|release|put out|puts out|"
    r"sent|sends|wrote|writes|write|authored|distributed|is behind|was behind|is responsible for)\b"
    r"|\bwhich (?:organi[sz]ation|institution|agency|company|body|institute)\b|\b(?:issued|published|released|put out) by\b|\bfrom whom\b"
    r"|(?:出した|出している|発表した|発表している|発行した|公表した|配信した|作成した)の?は(?:誰|だれ|どこ)|どこ(?:が|から)(?:出|発表|発行)|どの(?:機関|組織|団体|会社)"
    r"|(?:行った|行っている|出した|発表した|発行した|公表した)(?:機関|組織|団体|会社|法人)は(?:どこ|誰|だれ|何|なに)",
    re.I,
)
# "Who put this out?", これを出したのはどこ: a bare "this" as what was issued is the document.
_ISSUER_OF_THIS = re.compile(
    r"^\s*who\s+(?:(?:has|had|did)\s+)?(?:put|puts)\s+this\s+out\b"
    r"|^\s*who\s+(?:(?:has|had|did)\s+)?(?:issued|issue|published|publish|released|release|wrote|write|sent|send|distributed|authored)\s+this\s*[?？.!]*\s*$"
    r"|^\s*これを(?:出した|出している|発表した|発行した|公表した|配信した|作成した)の?は(?:誰|だれ|どこ)",
    re.I,
)
# "What did they find?", 何がわかったのか: the findings the document announces (its key points). Only
# when nothing else is asked: "what did they find in the marrow" is asked of the text.
_MAIN = r"main|key|big|central|actual|real|overall|principal|primary|major|chief|core|headline|most\s+important"
_FINDINGS_ASKED = re.compile(
    r"\s*(?:(?:so|ok(?:ay)?|and|but|well),?\s+)?(?:(?:basically|actually|really),?\s+)?what\s+(?:did|does|have|has)\s+(?:they|(?:the|these|those)\s+(?:(?-i:[A-Z][\w&.'-]*)(?:['’]s)?\s+){0,4}(?:researchers?|team|authors?|scientists?|group|study|research|paper))"
    r"\s+(?:(?:actually|really|exactly|basically|ultimately|finally)\s+)?(?:find|found|discover|discovered|show|shown|reveal|revealed|learn|learned|conclude|report|reported|uncover|uncovered"
    r"|figure|figured|work|worked)(?:\s+out)?\s*[?？.!]*\s*"
    r"|\s*what(?:\s+(?:is|are|was|were)|['’]?s)\s+the\s+(?:(?:" + _MAIN + r")\s+)?(?:finding|result|conclusion|takeaway|discovery)s?"
    r"(?:\s+of\s+(?:this|the)\s+(?:study|research|work|paper))?"
    # ... that the issuer announced (here): "the main finding the National Cancer Center announced here"
    r"(?:\s+(?:that\s+)?(?:they|the\s+(?:(?-i:[A-Z][\w&.'-]*)\s+){0,4}(?:(?-i:[A-Z][\w&.'-]*)|researchers?|team|authors?|scientists?|group)\s+|(?-i:[A-Z][\w&.'-]*)(?:\s+(?-i:[A-Z][\w&.'-]*)){0,4})\s*"
    r"(?:announced|reported|published|presented)(?:\s+here)?)?\s*[?？.!]*\s*"
    r"|\s*(?:この研究|今回の研究|研究|これ|この発表|このリリース)?(?:で|では|は|って)?、?(?:要するに|結局|つまり|簡単に言うと|ざっくり)?、?(?:何が|なにが)(?:わかった|分かった|明らかになった|判明した)(?:の)?(?:ですか|でしょうか|か)?\s*[?？]?\s*"
    r"|\s*(?:この研究|今回の研究|研究|今回)?(?:で|では)?(?:わかった|分かった|明らかになった|判明した)(?:こと|の)は(?:何|なに|なん)(?:ですか|でしょうか|か)?\s*[?？]?\s*"
    r"|\s*(?:この|本|今回の)?研究の?(?:成果|結果)は(?:何|なに)(?:ですか)?\s*[?？]?\s*"
    # この研究の主な発見は？, このスタディのメインファインディングは？
    r"|\s*(?:この|本|今回の)?(?:研究|スタディ|スタディー|リサーチ|論文)の(?:主な|主要な|一番の|最大の|メインの?|キーの?)(?:発見|成果|結論|知見|ファインディングス?|リザルト)"
    r"は(?:何|なに|なん)?(?:ですか|でしょうか|か)?\s*[?？]?\s*"
    r"|\s*(?:この|本|今回の)研究の(?:ポイント|要点|概要|まとめ)(?:を|は)?[^、。？?]{0,12}[?？]?\s*"
    # この発表でいちばん大事なポイントは何ですか: its most important point
    r"|\s*(?:この|本|今回の)(?:発表|リリース|プレスリリース|研究)(?:で|の)(?:いちばん|一番|最も|特に)?(?:大事|重要|大切)な(?:ポイント|点|こと)は(?:何|なに|なん)(?:ですか|でしょうか|か)?\s*[?？]?\s*"
    # "main result?", "key findings?": asked bare
    # ... after the issuer's acronym and the document ("ncc pr main finding"), "in one line"
    r"|\s*(?:[a-z]{2,5}\s+)?(?:(?:pr|press\s+release|release|study|paper)(?:['’]s)?\s+)?(?:the\s+)?(?:" + _MAIN + r")\s+(?:finding|result|conclusion|takeaway|discovery)s?"
    r"(?:,?\s+(?:in\s+(?:one|a|1)\s+(?:line|sentence)|in\s+short|in\s+brief|briefly)(?:\s+(?:pls|please))?)?\s*[?？.!]*\s*"
    r"|\s*(?:tl\s*;?\s*dr|in\s+a\s+nutshell)(?:\s+(?:of|on|for)\s+(?:this|the)\s+" + _DOCUMENT_MODIFIERS
    + r"(?:[a-z]{2,5}(?:['’]s)?\s+)?(?:(?:press|news)\s+)?(?:release|study|paper|research|announcement))?\s*[?？.!]*\s*",  # "TL;DR?": the finding, said short
    re.I,
)
_HEADLINE_ASKED = re.compile(
    r"\b(?:this|the)\s+(?:(?:press|news|media)\s+)?(?:release|document|announcement|notice|statement)\s+(?:all\s+)?about\s*[?？.]?\s*$|\bthis\s+news\s+(?:all\s+)?about\s*[?？.]?\s*$"
    r"|\b(?:tell me|talk|more) about (?:this|the)\b|\bheadline\b|\btitle\b|\bannounc(?:e|es|ed|ing)\b|何について|タイトル|見出し|表題|(?<!課)題名|何を発表",
    re.I,
)
# ... but the title of another thing the document names is no headline of it: "the title of the
# research project whose support the release acknowledges", "the headline from the Science homepage".
_OTHER_TITLE = re.compile(
    r"\b(?:title|headline)s?\s+(?:of|from|on|for|in)\s+(?!(?:this|the|that|its)\s+(?:(?:press|news|media)\s+)?"
    r"(?:release|document|announcement|notice|statement|news|pr)\b|(?:it|this)\b)", re.I)
# ... nor is a person's title, which a "who" question asks with the name: "who is named as the
# Center's chief executive, with the title used?", "the researcher … together with the title shown for that person"
_PERSONS_TITLE = re.compile(r"\b(?:who|whom|whose)\b[^?？]*\btitles?\b|\btitles?\b[^?？]{0,40}\b(?:person|people|him|her|them|researchers?|authors?)\b"
                            r"|\b(?:his|her|their|job|academic|professional)\s+titles?\b", re.I)
# ... or named by the parts of a document's heading, which need no "this release": "the two
# subheadings under the main title", サブタイトル, 副題 (not 見出し: a journal site gives one too)
_OWN_HEADING = re.compile(r"\bsub-?(?:headings?|headlines?|titles?)\b|\bmain\s+(?:title|headline)\b|サブタイトル|副題", re.I)
# A summary of the document is its key points (本研究成果のポイント), where it has them.
_SUMMARY_ASKED = re.compile(r"\bsummar|\b(?:main|big|key|major|central|headline) (?:point|finding|result|discovery|message|news)s?\b|\bgist\b|\btakeaways?\b|\bkey points?\b|\bhighlights\b"
                            r"|概要|要点|主旨|趣旨|ポイント|まとめ", re.I)
# ... in the words of a digest (its points, a summary), not of what was found: "what did they find"
# and "the main finding" are answered by the body's lead sentence, which states it whole, before
# the key points (bot.qa.answer).
_DIGEST_ASKED = re.compile(r"\bsummar|\bpoints?\b|\bgist\b|\btakeaways?\b|\bhighlights\b|\bbullet|概要|要点|主旨|趣旨|ポイント|まとめ", re.I)
# A full date: 2014年 7月 2日, July 2, 2014, 2 July 2014, 2014-07-02.
_FULL_DATE = re.compile(
    r"(?:1[0-9]{3}|20[0-9]{2})\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日"
    r"|\b(?:" + _MONTHS + r")\s+[0-9]{1,2},?\s+[0-9]{4}\b"
    r"|\b[0-9]{1,2}\s+(?:" + _MONTHS + r")\s+[0-9]{4}\b"
    r"|\b[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}\b"
)
_LINE_MAX = 60  # a headline, date or issuer line is short: a sentence of the body is not one
_FINDINGS_MAX = 300  # characters of key points quoted for "what did they find"


# Where in the document something is said: 冒頭の一文で, 括弧内に, 本文中で, 最初の段落では, "in the opening
# sentence", "at the top of the release", "in parentheses". It points at the place, it is no word
# of what is asked: searched for or judged as evidence, 冒頭 and "paragraph" are words the text
# lacks (and so a question about what it does say looks unanswerable).
_AT = r"(?:によれば|によると|において|にある|には|では|で|に)"
# The text and its parts as a question names them.
_TEXT_EN = r"(?:the|this|that)\s+(?:press\s+)?(?:release|text|document|article|announcement|comment|statement)"
_SAYS_EN = r"(?:say|says|state|mention|describe|write|discuss|talk|back|support|show|claim|report|note|confirm|indicate|suggest)"  # (where does the release back that up)
_PART_JA = "(?:" + "|".join(TEXT_PARTS_JA) + ")"
# (the text's name stays: 田村研治 医師のコメント is a heading of the release)
_TEXTS_JA = "リリース 資料 文書 本文 記事 文章 原文 発表文 コメント".split()
_AFTER_TEXT_JA = "(?:" + "|".join(f"(?<={t})" for t in _TEXTS_JA) + ")"
_WHERE_IN_TEXT_JA = r"(?:の中|の|中の|内の)?(?:どこ|どの辺)(?:に|で|か)?(?=[^。？?]{0,6}(?:書|記|載|述|言|触れ|あり|ある))"
_WHERE_SAYS_EN = r"\bwhere\s+(?:does|do|did)\s+" + _TEXT_EN + r"\s+" + _SAYS_EN  # "where does the release mention"
_PART_WHERE_JA = _PART_JA + r"(?:は|が)?どこ"  # …部分はどこ
_PLACE_IN_DOCUMENT = re.compile("|".join((
    r"(?:冒頭|文頭|末尾|文末)(?:の(?:一文|文章|文|段落|部分|箇所))?" + _AT + "?",
    r"(?:最初|最後|第[一二三四五1-5１-５])の?(?:一文|文章|段落)" + _AT + "?",
    r"(?:丸括弧|括弧|カッコ|かっこ)(?:内|の中)" + _AT + "?",
    r"本文中?" + _AT,
    r"(?:一文|段落)" + _AT,
    r"\b(?:in|at|from|near)\s+(?:the\s+)?(?:very\s+)?(?:opening|first|last|final|second|third|top|start|beginning|end|closing|bottom)"
    r"(?:\s+(?:sentence|paragraph|line|section|part|bit)s?(?:\s+of\s+(?:the|this)\s+(?:press\s+)?(?:release|document|text|page|article))?"
    r"|\s+of\s+(?:the|this)\s+(?:press\s+)?(?:release|document|text|page|article))\b",
    r"\bin\s+(?:the\s+)?(?:parenthes[ie]s|brackets|parenthetical)\b",
    # the part of the document named by what it does: 該当箇所, "the intro para", "in the lead
    # paragraph", "the bg part" (what it says is asked, not the part's name) -- not "the background
    # section": a release's 【背景】 is a heading, and its name finds the part
    r"該当(?:する)?(?:箇所|個所|部分|記述|ところ)(?:も|を|は)?",
    r"(?:\b(?:in|from)\s+)?\b(?:the\s+)?(?:lead|lede|intro|introductory|bg)\s+(?:para(?:graph)?|part|section|bit|blurb)s?\b",
    # ... and where in the text it is said, the place no answer names: "where in the release does it
    # say …", "where does the release mention …", …部分はどこでしょうか, リリースのどこに書かれて
    r"\bwhere\s+(?:exactly\s+)?in\s+" + _TEXT_EN + r"\b",
    _WHERE_SAYS_EN,
    r"の?" + _PART_WHERE_JA + r"(?:でしょうか|ですか|にありますか|にある|か|に|で)?",
    _AFTER_TEXT_JA + _WHERE_IN_TEXT_JA,
)), re.I)
# ... which asks for no place in the world, though it asks "where" (bot.qa.answer: a contact block
# answers no such where).
_WHERE_IN_DOCUMENT = re.compile(
    r"\bwhere\b[^?？]{0,40}\bin\s+" + _TEXT_EN + r"\b"
    + "|" + _WHERE_SAYS_EN + "|" + _PART_WHERE_JA
    + "|(?:" + "|".join(_TEXTS_JA) + ")" + _WHERE_IN_TEXT_JA, re.I)


def _without(words: re.Pattern[str], question: str) -> str:
    """The question without what `words` matches, or the question as it is when that matches
    nothing or nothing else would be left."""
    rest = re.sub(r"\s{2,}", " ", words.sub(" ", question)).strip()
    return rest if rest != question.strip() and re.search(r"\w{3,}|[\u3040-\u9fff]{2,}", rest) else question


def without_place_in_document(question: str) -> str:
    """The question without the words that say where in the document something is (冒頭の一文で,
    "in the opening sentence")."""
    return _without(_PLACE_IN_DOCUMENT, question)


def where_in_document(question: str) -> bool:
    """Whether the question's "where" (どこ) is a place in the text, not in the world."""
    return bool(_WHERE_IN_DOCUMENT.search(question))


def self_reference(question: str) -> bool:
    return bool(_SELF.search(question))


def without_self_reference(question: str) -> str:
    """The question without the words that name the document itself (what retrieval should not
    look for)."""
    return _without(_SELF, question)


def asked_of_document(question: str) -> str | None:
    """'date', 'issuer' or 'headline' when the question asks that of the document itself, 'findings'
    when it asks only what was found ('summary' for its summary or points), else None (a question that only mentions the document,
    "what does this release say about X", is asked of its text as usual)."""
    if _RELEASE_DATE.fullmatch(question):
        return "date"
    # (each of its questions: "tldr of the ncc release? whats the actual finding")
    clauses = asked_clauses(question)
    if clauses and all(_FINDINGS_ASKED.fullmatch(c) for c in clauses):
        return "summary" if _DIGEST_ASKED.search(question) else "findings"
    if _OWN_HEADING.search(_OTHER_TITLE.sub(" ", question)):
        return "headline"
    if not self_reference(question):
        return "issuer" if _ISSUER_OF_THIS.search(question) else None
    if _DATE_ASKED.search(question) and (not _PAPER_DATED.search(question) or _OWN_DATE_NAMED.search(question)):
        return "date"
    if _ISSUER_ASKED.search(question):
        return "issuer"
    if _HEADLINE_ASKED.search(_OTHER_TITLE.sub(" ", _PERSONS_TITLE.sub(" ", question))):
        return "headline"
    if _SUMMARY_ASKED.search(question):
        return "summary" if _DIGEST_ASKED.search(question) else "findings"
    return None


def opening_answer(asked: str, opening: Passage) -> list[int]:
    """Indices of the opening chunk's sentences that answer (its headline lines, its date line, its
    issuer's line, the key points after them; for the findings, the headline and the key points),
    or [] when the opening does not have that shape. Each run of consecutive lines is one quote."""
    lines = [opening.quote[s[0]:s[1]].strip() for s in opening.sentences]
    dated = next((i for i, line in enumerate(lines) if _FULL_DATE.search(line)), None)
    if asked == "date":
        return [dated] if dated is not None else []
    if asked == "issuer":
        if dated is None:
            return []
        if len(_FULL_DATE.sub("", lines[dated]).strip(" ,-—–|")) >= 4:
            return [dated]  # "TOKYO, July 2, 2014 — National Cancer Center" or 2014年7月2日 国立がん研究センター
        nxt = dated + 1
        return [nxt] if nxt < len(lines) and 2 <= len(lines[nxt]) <= _LINE_MAX and not _FULL_DATE.search(lines[nxt]) else []
    # headline: the short lines before the date line (title and subtitles), else the first line
    head = [i for i in range(dated if dated is not None else 1) if 0 < len(lines[i]) <= _LINE_MAX]
    head = head if head else ([0] if lines and lines[0] else [])
    if asked in ("findings", "summary") and dated is not None:
        # what the release opens its body with after the date and issuer lines: its key points
        start = dated + 2 if dated + 1 < len(lines) and len(lines[dated + 1]) <= _LINE_MAX // 2 else dated + 1
        points, used = [], 0
        for i in range(start, len(lines)):
            if used + len(lines[i]) > _FINDINGS_MAX or len(points) >= 5:
                break
            points.append(i)
            used += len(lines[i])
        if len(points) >= 2:
            return points if asked == "summary" or not head or head[-1] + 1 >= points[0] else head + points
    return head

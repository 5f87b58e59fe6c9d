"""What a question asks for, read from its form: the kind of answer (a number, a date, a person, a
contact), the unit a number is asked in, the term a definition question asks about, and the forms
of "where", "where … published", "who led" and a message addressed to colleagues. One owner for
these patterns: the answer step (bot.qa.answer) judges its sentences by them, the query
(bot.qa.query) adds what a question leaves unsaid. Also the word lists a sentence is read with in
the same terms (people counted, contact lines, a quoted title), and what a question picks out: an
identifier by its acronym (DOI), a title or headline, one of a kind ("which X", どの), a name."""

from __future__ import annotations

import re
import unicodedata

# -- what kind of answer does the question want? ----------------------------------------------
# "What is the height of …": a quantity is asked for as surely as by "how tall".
_LENGTHS = "height|depth|length|width|elevation|altitude|diameter|distance"
_LATIN_UNITS = "nm|mm|cm|km|μm|µm|m|mg|kg|g"  # after 何: 何nm, 何kg (answer_unit: a length or a weight)
_DOSES = "concentration|dose|dosage"
# "what diameter does it give", "price of the blood test": a length and a sum asked tersely (read
# for the kind, number, and for its unit alike)
_WHAT_LENGTH = r"\bwhat (?:" + _LENGTHS + r")\b(?!\s+of\b)"
_PRICE_OF = r"^\s*(?:the\s+)?(?:price|cost|fee)s?\s+(?:of|for)\b"
_MEASURED = f"({_LENGTHS}|size|population|temperature|boiling point|melting point|freezing point|speed|weight|mass|volume|flow|discharge|circumference|capacity|rate|ratio|percentage|{_DOSES}|price|cost|fee|p-?value|fold[- ]change)"


# 何年かかったか, 何年くらい, 何年ほど, 何年前, 何年後: a number of years (a length of time), not a year.
_YEARS_AFTER = r"間|かか|ほど|くらい|ぐらい|程度|前|後|以上"
_YEARS_LONG = rf"何年(?={_YEARS_AFTER})"
# How much / how many, asked without a counter: どのくらい, どれほど.
_HOW_MUCH_JA = "どのくらい|どれくらい|どれほど|どの程度"


def _asked_by_name(measures: str) -> str:
    """'what is the (maximum) depth of …', 'what was the population?': a measure asked for by its name,
    or tersely, the thing and the measure only ('exosome size?', 'tower height')."""
    return (r"\bwhat(?: (?:is|was|are|were)|'s|’s) (the )?([\w-]+ ){0,2}" + measures + r"(?= (of|in|at|for)\b|\s*\?|$)"
            r"|^\s*(?:the\s+)?(?!(?:is|are|was|were|do|does|did|any|what|which|how)\b)(?:[\w-]+\s+){1,2}" + measures + r"\s*[?？]*\s*$")


# "Which composer", どの力士: a person is asked for as surely as by "who".
_PERSON_NOUNS = (
    "(researcher|person|scientist|doctor|author|composer|director|writer|novelist|poet|playwright|painter|artist"
    "|architect|engineer|inventor|explorer|monk|priest|emperor|empress|shogun|warlord|daimyo|samurai|ruler|king|queen"
    "|prince|princess|player|wrestler|actor|actress|singer|musician|founder|president|minister|scholar|teacher"
    "|disciple|botanist|chemist|physicist|mathematician|astronomer|philosopher|physician|manager|coach)"
)
_PERSON_NOUNS_JA = (
    "(人物|作曲家|作詞家|作家|小説家|画家|詩人|学者|研究者|医師|建築家|発明家|力士|棋士|選手|監督|将軍|皇帝|天皇|武将"
    "|大名|僧侶|僧|政治家|歌手|俳優|社長|藩主|城主|教師|弟子)"
)


# The contact itself is asked for (a press release's お問い合わせ先), not one kind of it.
_CONTACT_ASKED = re.compile(r"(?<!-)\b(contact|contacts|inquiries|enquiries)\b(?!-|\s+(with|between)\b)|問い合わせ|問合せ|連絡先|窓口", re.I)
# A phone number by another name: "the switchboard number", "main line", 代表番号 (TEL: …（代表）).
_PHONE_OTHERWISE = (r"\bswitchboard\b|\bhotline\b|\bmain\s+(?:line|number|phone)\b|代表番号"
                    # "what number do i call", "a number to ring", 何番にかければ: a number to call is a phone's
                    r"|\bnumbers?\b[^?？.]{0,30}\b(?:call|ring|dial)\b|\b(?:call|ring|dial)\b[^?？.]{0,20}\bnumbers?\b|何番に(?:かけ|電話)")
# "link to the paper?" asks for a link; "a link between exosomes and cancer" does not.
_LINK_TO = r"links?\s+(?:to|for)\s+(?:the|this|that|its|their|it)\b|^\s*(?:the\s+)?(?!(?:is|are|was|were|any)\b)(?:[\w-]+\s+){1,2}links?\s*[?？]*\s*$"
# "Where can I read the paper?", "Where can I find the earlier press release?", 論文はどこで読めますか:
# where a text is to be read is a link (where the institute is, is an address).
_DOCUMENT = r"(?:paper|article|study|report|release|publication|abstract|full[ -]text|original|announcement)s?"
_READ_WHERE = (r"\bwhere\s+(?:can|could|do|should|might|would)\s+(?:i|we|one|you|people|readers?)\s+(?:find|read|see|get|download|access|view|look\s+at)"
               r"\s+(?:[\w'’-]+\s+){0,5}?" + _DOCUMENT + r"\b"
               r"|\bwhere\s+(?:can|could)\s+(?:[\w'’-]+\s+){0,5}?" + _DOCUMENT + r"\s+be\s+(?:found|read|seen|accessed|downloaded|viewed)\b"
               r"|(?:論文|記事|リリース|原著|全文|発表資料).{0,12}?どこで(?:読|見|入手|閲覧|ダウンロード|手に入)"
               # ... and asked bare: 論文どこ？, 論文はどこ？ (not 論文はどこに掲載されたか, a journal)
               r"|^\s*(?:その|この)?(?:論文|原著|原論文)(?:は|って)?どこ(?:に(?:ある|あります)(?:か|の)?)?\s*[?？]?\s*$")
# "Where can I read it online?" asks for a link; "the online cover", "the online edition" name a thing.
_ONLINE = r"online\b(?!\s+(?!(?:and|or|at|in|on|for|from|too|now|yet|anywhere|somewhere)\b)[a-z])"
# A figure asked for by its unit in brackets, as a table's column header gives it: 頻度（%）, "rate (%)".
_UNIT_IN_BRACKETS = r"[(（]\s*[%％]\s*[)）]"
# "how far treatment has become standardised", "how far along is the drug": an extent, no distance.
_HOW_FAR = (r"far\b(?!\s+along\b|(?:\s+[\w-]+){1,6}?\s+(?:has|have|had)\s+(?:become|been|got|gotten|gone|come|progressed|advanced|developed)\b"
            r"|\s+(?:does|do|did)\s+(?:the|this|that|their|its)\s+(?:claim|evidence|finding|result|data|study|work)s?\s+(?:go|extend|reach)\b)")
# A rate or count of patients asked for ("the actual five-year survival figure", "incidence numbers",
# 年間罹患数と統計年次を示せ, 生存率は何％): a figure -- which a text that only calls it high does not give.
# (asked for as such -- "what actual five-year survival figure", "gimme the 5 year survival number" --
# not "does it say survival rates are good?", nor "what does it say about incidence numbers?")
_RATE_ASKED_EN = (r"\b(?:what|whats|what['’]s|which|give|gimme|tell\s+me|list|quote)"
                  r"(?:\s+(?:is|was|are|were|me|us|the|an?|its|their|actual|exact|real|precise|specific|overall|reported|official|latest))*\s+"
                  r"(?:(?:\d+|one|two|three|five|ten)[\s-]+years?[\s-]+survival\b"
                  r"|(?:survival|incidence|mortality|recurrence|relapse|response|cure|death)[\s-]+(?:rates?|figures?|numbers?|statistics?|stats|percentages?)\b)")
_RATE_ASKED_JA = (r"(?:(?P<rate_ja>(?:生存|罹患|発症|再発|転移|死亡|奏効|治癒)率)|(?:罹患|患者|症例|死亡|発症)者?数)"
                  r"(?:と[^。？?]{1,12})?(?:(?:は|を|って)(?:何|どれ|いくつ|具体的|示|教え|挙げ|答え|記)|(?:は|って)?\s*[。？?]?\s*$)")
_RATE_ASKED = re.compile(_RATE_ASKED_EN + "|" + _RATE_ASKED_JA, re.I)
_KINDS: dict[str, re.Pattern[str]] = {
    "number": re.compile(
        # (not "how big of a deal", "how much of a difference": a degree, no figure)
        _WHAT_LENGTH + r"|\bhow (?:many|much|old|long|" + _HOW_FAR + r"|large|big|tall|high)\b(?!\s+(?:of\s+)?an?\s+(?:deal|step|breakthrough|advance|problem|issue|impact|difference|change|effect|role|part|leap)\b)|\bwhat (" + _DOSES + r")s?\b|(?<!phone )(?<!fax )\bnumber of\b|\bwhat (percentage|proportion|size)\b|\bwhat\s*%"
        # エクソソームの大きさは？: a size asked for by its name, as "what size" (not 影響の大きさを…)
        r"|の(大きさ|サイズ|直径)(は|って)?\s*[?？]?\s*$"
        r"|" + _asked_by_name(_MEASURED) +
        r"|\bwhat (is|was) (the )?((total|surface|land|water|catchment|floor) )?area (of|in)\b"  # not "the research area of"
        r"|いくつ|何[万千百億]*(人|個|件|本|回|歳|才|パーセント|％|%|倍|キロ|メートル|平方|立方|円|種類|つ|社|校|台|頭|匹|冊|点|時間|分|秒|週間|日間|か月|ヶ月|カ月|℃|°|(?:" + _LATIN_UNITS + r")(?![A-Za-z]))|(?:どのくらい|どれくらい|どれほど)(?!(?:多|少)[いく])|何年間|" + _YEARS_LONG + r"|数は(?=.*(?:何|いくつ|" + _HOW_MUCH_JA + r"|いくら))"
        r"|^\s*[^、。？?\s]{1,12}数(?:は|って)\s*[?？]?\s*$"  # 患者数は？: a count asked bare
        r"|" + _RATE_ASKED.pattern +
        r"|" + _UNIT_IN_BRACKETS +  # 骨転移頻度（%）は？, "relapse rate (%)": a figure, in the unit bracketed
        r"|\bamount\b(?!\s+of\s+(?:time|work|research|detail|evidence|attention|interest))|金額|総額"  # "grant amount?": a sum of money
        # "price of the blood test", "by what fold", "what p-value": a figure, however asked
        r"|" + _PRICE_OF + r"|\bby what (?:factor|fold)\b|\bhow many[- ]?fold\b|\bp[- ]values?\b|\bfold[- ]change\b"
        # "does the release give a yearly count of new cases?": a count asked for by its name
        r"|\b(?:a|an|the|any)\s+(?:[\w-]+\s+)?(?:count|tally|headcount)\s+(?:of|for)\b",
        re.I,
    ),
    "date": re.compile(
        # (not "When they say the cells are dormant, what does that mean?": a clause about what is said)
        r"^\s*when\b(?!\s+(?:they|you|we|people|i|he|she|it|the\s+\w+(?:\s+\w+)?)\s+(?:say|says|said|talk|talks|mention|mentions|describe|describes|call|calls|write|writes|refer|refers)\b)"
        # (nor "When Science featured it, what words did it use?": a clause setting the scene, then what is asked)
        r"(?![^,?？]{3,80},\s*(?:what|which|who|whom|whose|how|where|why)\b)"
        r"|\bwhen (did|was|were|is|will|does|do)\b|\bwhat (year|date|time|day|month|century)\b"
        r"|\bwhich (year|date|day|month|century)\b"
        # "Is there a date when patients could be offered it?", "any timeline for …": a date, asked whether given
        r"|\b(?:is|was)\s+there\s+(?:a|an|any)\s+(?:(?:set|target|expected|planned|specific|firm)\s+)?(?:date|timeline|time\s*frame|year)\b"
        r"|いつ(?=か|ご|頃|から|まで|に|の|で|[？?]|$|出|発表|掲載|公表|刊行|発行|発売|公開|開始|始ま|終わ|完成|設立|創立|建|生ま|亡くな)|何年|何月|何日(?!間)|何時(?!間)|何世紀|何時代|西暦",
        re.I,
    ),
    # Who paid for the work: "Who funded the study?", "which grant paid for this", 研究費はどこから？ --
    # a funder or a programme, however asked (after number and date: "how much funding", "when was
    # the grant awarded" ask those).
    "funding": re.compile(
        r"\b(?:fund(?:s|ed|ing|er|ers)?|grants?|sponsor(?:s|ed|ing|ship)?|financ(?:e|ed|es|ing|ially)|bankroll(?:s|ed)?|money)\b"
        r"|\b(?:paid|pays?|paying)\s+for\s+(?:this|it|the\s+(?:\w+\s+)?(?:study|research|work|project))\b"
        # "which programme supported the work", "who backed this research": whose support it had
        r"|\b(?:supported|supports|backed)\s+(?:this|it|the\s+(?:\w+\s+)?(?:study|research|work|project))\b"
        r"|資金|研究費|助成|出資|スポンサー|(?:費用|お金)を(?:出|負担)"
        r"|支援(?:を受け|した|元|機関)",  # 本研究が支援を受けた研究課題, 研究を支援した事業: whose support it had
        re.I,
    ),
    "person": re.compile(
        r"^\s*who\b|\bwho (is|was|are|were|made|wrote|led|did)\b|\bwhom\b|\bwhose\b|\bwhich ([\w-]+ )?" + _PERSON_NOUNS + r"s?\b"
        r"|誰|(?<!な)だれ|どなた|何という人|人物は|(どの|どこの)" + _PERSON_NOUNS_JA + r"(?=[はがをにのか、？?]|$)"
        # the name of a person by relation: 母親の名前は何か, "the name of his wife"
        r"|(母親|母|父親|父|妻|夫|息子|娘|師匠|兄|弟|姉|妹|祖父|祖母|夫人|正室|創業者|設計者|作者)の(名前|名)は"
        # ... and by role, or by the honorific only a person's name takes: 担当者のお名前, 著者の氏名
        r"|(担当者?|責任者|代表者|著者|筆頭著者|研究員|研究者|医師|先生)の名前(?=は|を|って|$)|お名前|ご氏名|氏名(?=は|を|って|$)"
        r"|\bname of (his|her|their|the|[\w-]+'s) (mother|father|wife|husband|son|daughter|teacher|brother|sister|founder|designer|architect|author)\b",
        re.I,
    ),
    "contact": re.compile(
        _CONTACT_ASKED.pattern + r"|\b(url|website|web ?page|web ?site|e-?mail|phone|fax|telephone|address)\b|" + _PHONE_OTHERWISE + r"|\b" + _ONLINE
        + r"|\b" + _LINK_TO + "|" + _READ_WHERE
        + r"|URL|リンク|ウェブ|ホームページ|サイト|メール|メアド|メルアド|電話|FAX|ファックス|ファクス|住所|所在地",
        re.I,
    ),
}


# ... and a sentence that says who paid: …事業の支援を受けて行った, 助成金, "funded by", "supported by a grant from".
FUNDING_SAID = re.compile(r"(?:支援|助成|補助|援助|委託)を受け|助成金|補助金|研究費|\b(?:funded|supported|financed|sponsored)\s+(?:in\s+part\s+)?by\b"
                          r"|\bgrants?\s+(?:from|of|no\.?)\b|\bfunding\s+from\b", re.I)
# The question's words that ask for a funder (not words the answer must hold: it says 支援を受けて).
FUNDING_WORD = re.compile(r"(?:m:)?(?:fund\w*|grants?|sponsor\w*|financ\w*|bankroll\w*|paid|pays?|money|source|supported|supports|backed|資金|研究費|助成|出資|スポンサー|源|費用|お金)", re.I)


# Plural nouns that count people: "how many runners", "about 7,000 runners".
PEOPLE = (
    "people|persons|residents|inhabitants|visitors|tourists|spectators|employees|workers|students|members"
    "|deaths|victims|soldiers|troops|fans|passengers|speakers|users|children|sons|daughters|runners"
    "|participants|athletes|competitors|entrants|finishers|attendees|guests|patients|pupils|staff|refugees"
    "|citizens|voters|viewers|readers|pilgrims|climbers|hikers|players|worshippers|believers|followers"
    "|customers|commuters|travell?ers|monks|priests|crew"
)


# The Japanese counter after 何 names the unit: 何人 (people), 何メートル (length), 何発 (that counter).
_JA_COUNTER = re.compile(r"何\s*[万千百億]*\s*([\u30a1-\u30fa\u30fc]+|[%％]|種類|か所|カ所|箇所|ヶ所|試合|[\u4e00-\u9fff])")
# Kanji after 何 that count things. Others ask "which": 何語 (which language), 何色, 何県, 何科.
_JA_KANJI_COUNTERS = set("人名個本枚冊台匹頭羽隻機基棟軒発件社校店種曲作点杯艘両階段票勝敗歳才倍周回度部巻編首句通株粒畳坪俵着足品輪体") | {"種類", "か所", "カ所", "箇所", "ヶ所", "試合"}
_JA_COUNTER_CLASS = {
    "メートル": "length", "キロメートル": "length", "センチメートル": "length", "ミリメートル": "length", "センチ": "length",
    "グラム": "weight", "キログラム": "weight", "トン": "weight", "円": "money", "ドル": "money",
    "%": "percent", "％": "percent", "パーセント": "percent", "割": "percent", "人": "people", "名": "people", "回": "times",
}
# A unit written in Latin letters after 何 (何nm, 何mm, 何kg): a length or a weight.
_JA_LATIN_UNIT = re.compile(r"何\s*(" + _LATIN_UNITS + r")(?![A-Za-z])", re.I)
_NOT_COUNTERS = set("年月日時代世紀曜番位等") | {"キロ"}  # dates and ordinals, or ambiguous
_EN_UNIT = [
    ("dose", re.compile(r"(?<!many )\b(" + _DOSES + r")s?\b|濃度|投与量|用量", re.I)),
    ("money", re.compile(_PRICE_OF + r"|\bhow much\b.*\b(money|budget|funding|funds|cost|costs|price|priced|sell|sold|pay|paid|spend|spent|worth|earn|earned|charge|charged|fee|fare)\b|\bwhat (was |is |were |are )?(the )?([\w-]+ ){0,2}(price|fee|fare|cost)s?\b"
                          # "what is the budget amount", "the grant amount": a sum of money
                          r"|\b(budget|grant|funding|award|prize)\s+(amount|total|size)s?\b|\b(amount|size)\s+of\s+(the\s+)?(budget|grant|funding|award)\b", re.I)),
    ("percent", re.compile(r"\bwhat (percentage|percent|proportion|share|fraction|ratio)\b|\bwhat\s*%"
                           # the chances asked ("what are the odds it comes back", "is there a percentage anywhere?")
                           r"|\bwhat(?:\s+(?:are|were)|['’]re)\s+(?:the|my|her|his|their)\s+(?:\w+\s+)?(?:odds|chances)\b"
                           r"|\b(?:is|are)\s+there\s+(?:a|any)\s+(?:percentage|percent|proportion|probability|odds)s?\b"
                           # a test's sensitivity and specificity (not cells' sensitivity to a drug)
                           r"|\b(?:its|the|their)\s+(?:sensitivity|specificity)(?:\s+and\s+(?:sensitivity|specificity))?\b(?!\s+(?:to|of)\b)"
                           # rates told in percent (not a flow rate or a birth rate per 1,000); not a rate
                           # judged ("breast cancer has good survival rates now"), whose figure is not asked
                           r"|(?<!good )(?<!high )(?<!low )(?<!poor )(?<!great )(?<!better )(?<!worse )\b(survival|recurrence|relapse|mortality|fatality|success|response|cure|remission|unemployment|literacy|"
                           r"approval|participation|turnout|adoption|infection|detection|accuracy|error|failure|pass|graduation|"
                           r"vaccination|employment|occupancy|penetration|self-sufficiency|recovery|return) rates?\b", re.I)),
    ("length", re.compile(r"\bhow (?:tall|high|deep|wide|" + _HOW_FAR + r")\b|" + _WHAT_LENGTH + "|" + _asked_by_name(f"({_LENGTHS})"), re.I)),
    # (up to two words before the noun: "how many professional shogi players"; not past a verb:
    # "how many steps do visitors climb" counts steps)
    ("people", re.compile(r"\bhow many ((?!(?:do|does|did|are|were|is|was|have|has|had|will|can|could|would)\b)[\w-]+ ){0,2}(" + PEOPLE + r")\b", re.I)),
    ("times", re.compile(r"\bhow many times\b", re.I)),
    ("frequency", re.compile(r"\bhow often\b|\bhow frequently\b", re.I)),
    ("temperature", re.compile(r"\bhow (hot|cold)\b|\b(temperature|boiling point|melting point|freezing point)\b|\bhow many degrees\b", re.I)),
    # "how many <unit>": the unit, not a count of things
    ("time", re.compile(r"\bhow many (years|months|weeks|days|hours|minutes|seconds)\b", re.I)),
    # "how long after surgery", "how long did it take": a length of time, not of a bridge
    ("time", re.compile(r"\bhow long (after|before|ago|until|till|til|since|for|does|did|do|will|would|can|could|has|have|had|must|should)\b"
                        r"|\bhow long\b.*\b(take|takes|took|last|lasts|lasted|live|lives|lived|survive|survived|stay|stayed|wait)\b", re.I)),
    ("length", re.compile(r"\bhow many (met(re|er)s|kilomet(re|er)s|km|miles|feet|inches|(centi|milli|micro|nano)met(re|er)s|cm|mm|nm|μm|µm|microns?)(?![\w-])", re.I)),
    ("weight", re.compile(r"\bhow many (grams|kilograms|milligrams|kg|mg|tons|tonnes|pounds)\b", re.I)),
    ("money", re.compile(r"\bhow many (yen|dollars|euros)\b", re.I)),
    ("count", re.compile(r"\bhow many\b", re.I)),
]


# (Asked only of a question in which no 何年 is a length of time: see answer_unit.)
_YEAR_QUESTION = re.compile(rf"何年(?!{_YEARS_AFTER})|\b(what|which) year\b|\bin what year\b"
                            # "is there a year or a start date I can quote?": a year, if any, is asked
                            r"|\b(?:is|was) there (?:a|any) (?:(?:specific|particular|target|exact|rough) )?year\b", re.I)


# Nouns that count people: 年間の入場者数はどのくらいか asks in 人 as surely as 何人.
_JA_PEOPLE_COUNT = re.compile(r"入場者|来場者|来館者|観光客|参拝者|登山者|利用者|乗客|乗降客|会員|部員|社員|従業員|職員|信者|門下生|人口|棋士|選手|観客|死者|犠牲者|患者|門人|弟子")


# A count noun made of a counter and 数 (本数, 台数, 部数), asked about: the number is in that counter.
_JA_COUNT_NOUN = re.compile(r"([本枚冊台匹頭羽隻機基棟軒件社校店曲点杯艘両部巻首]|人)数\s*(?:は|が|を)?\s*(?:" + _HOW_MUCH_JA + r"|およそ|約?何|いくつ)")


# 何年も, 何度も, 何人もの: "many years / times / people", an indefinite amount, not a question word.
_MANY_JA = re.compile(r"何[十百千万]*\s*(?:年間?|か月|ヶ月|カ月|週間?|日間?|時間|度|回|人|世代|世紀|種類|個|本)も")


def _as_asked(question: str) -> str:
    """The question with what asks nothing blanked: its quoted titles (だれ of 『みだれ髪』, 何 of
    『誰も知らない』) and an indefinite "many" (術後何年もたってからの再発: no year is asked)."""
    return _MANY_JA.sub("多く", QUOTED.sub("『』", question))


# 何年ごとに, 何年に一度, どのくらいの頻度で: how often, not a date.
_FREQUENCY_JA = re.compile(r"何\s*(年|か月|ヶ月|カ月|日|週間?|時間)\s*(ごと|おき|毎|に\s*[1一]\s*[度回])|頻度")


def answer_unit(question: str) -> str | None:
    """The unit a number question wants: a class (length, money, people, count...) or, for a
    Japanese counter we have no class for (何発, 何隻), the counter itself (":発"). For a date
    question, "year" when a year is asked for (何年, what year)."""
    question = _as_asked(question)
    if re.search(_UNIT_IN_BRACKETS, question):
        return "percent"  # 骨転移頻度（%）: the bracket says the unit, whatever the noun before it
    if _FREQUENCY_JA.search(question):
        return "frequency"
    if _KINDS["date"].search(question) and not re.search(r"何年間|何日間|how long|" + _YEARS_LONG, question, re.I):
        return "year" if _YEAR_QUESTION.search(question) else None
    if re.search(r"何(時間|分間?|秒|週間|日間|年間|か月|ヶ月|カ月)|" + _YEARS_LONG
                 # どれくらいの時間がかかるのか, どのくらいの期間を要するか: a length of time, however asked
                 + r"|(?:" + _HOW_MUCH_JA + r")の?(?:時間|期間|年数|日数|月日)(?:が|を|で|は)?(?:かか|要|経|必要|たつ|経つ)", question):
        return "time"  # 何時間かかるか: a length of time, as "how many hours"
    if m := _JA_LATIN_UNIT.search(question):
        return "weight" if m.group(1).lower().endswith("g") else "length"  # 直径は何nm？
    m = _JA_COUNTER.search(question)
    if m and m.group(1) not in _NOT_COUNTERS and (m.group(1) in _JA_KANJI_COUNTERS or not re.match(r"[\u4e00-\u9fff]", m.group(1))):
        counter = m.group(1)
        return _JA_COUNTER_CLASS.get(counter) or ("count" if counter in ("個", "つ") else ":" + counter)
    if re.search(r"何\s*(℃|°)", question):
        return "temperature"
    if re.search(r"いくら", question):
        return "money"
    if m := _RATE_ASKED.search(question):
        # (a rate is a share; "survival figure" a rate too; 罹患数, "incidence numbers" a count of people)
        return "percent" if m.group("rate_ja") or re.search(r"survival|\brates?\b|percent", m.group(0), re.I) else "people"
    if re.search(r"割合|比率|何割|何\s*[%％]|何パーセント", question):
        return "percent"  # 全体のどのくらいの割合: a share, not the years in the same sentence
    if _JA_PEOPLE_COUNT.search(question) and re.search(_HOW_MUCH_JA + r"|およそ何|何人|数(?:は|って)\s*[?？]?\s*$", question):
        return "people"  # 入場者数はどのくらいか: a number of people, not the castle's 49 turrets
    if m := _JA_COUNT_NOUN.search(question):
        return _JA_COUNTER_CLASS.get(m.group(1)) or ":" + m.group(1)  # 生産本数はどのくらいか: a number of 本
    if re.search(r"いくつ", question):
        return "count"
    for unit, pattern in _EN_UNIT:
        if pattern.search(question):
            return unit
    return None


# Who leads a group: asked as "who led / heads the research group", 研究チームを率いた; said as
# 落谷孝広分野長の研究グループ, 山田教授らのチーム (a Japanese release names a group by its head).
LEADER_ASKED = re.compile(r"\b(led|leads?|leading|head(s|ed)?|leader|in charge|runs?|ran|principal investigator|PI)\b|率い|リーダー|代表者|主宰|指揮|中心", re.I)
# Who did the work the documents report ("Who did the study?", "who wrote the paper", "Who are the
# authors?", この研究を行ったのはどなたですか, 誰の研究？): its researchers, whom a Japanese release
# names as a group's head (落谷孝広分野長の研究グループ) -- not someone quoted about it.
_WORK = r"(?:study|research|work|paper|article|experiments?|project|analys[ie]s|findings?|discovery)"
STUDY_AGENT_ASKED = re.compile(
    r"^\s*who\s+(?:(?:actually|really|exactly)\s+)?(?:did|does|conducted|carried\s+out|performed|ran|wrote|authored|is\s+behind|was\s+behind"
    r"|were\s+behind|worked\s+on|published|led)\s+(?:(?:this|that|the)\s+(?:(?:\w+|[\w-]+)\s+)?" + _WORK + r"|this|it)\b"
    r"|^\s*who(?:\s+(?:are|were|is|was)|['’]s|['’]re)\s+the\s+(?:\w+\s+)?(?:authors?|researchers?|scientists?|investigators?|PI|principal\s+investigator)\b"
    # "Who are the actual people behind this study?"
    r"|^\s*who(?:\s+(?:are|were|is|was)|['’]s|['’]re)\s+the\s+(?:\w+\s+)?(?:people|person|team|group|minds?|folks)\s+behind\s+(?:(?:this|that|the)\s+(?:(?:\w+|[\w-]+)\s+)?" + _WORK + r"|this|it)\b"
    r"|\bwhose\s+(?:study|research|work|paper|lab|team|group)\b"
    r"|(?:研究|実験|解析|論文)を?(?:行|おこな|実施|担当|執筆|書い|まとめ)[^？?、。]{0,6}?(?:の|人|方|研究員|研究者)?(?:は|って)(?:誰|だれ|どなた|どこ)"
    r"|(?:研究|実験)を?(?:行った|した|担当した|実施した)(?:研究員|研究者|人|方)(?:(?:は|って)(?:誰|だれ|どなた))?|研究した(?:の|人|方)?(?:は|って)(?:誰|だれ|どなた)"
    r"|(?:研究|実験|論文)(?:は|って)?[、,\s]?(?:誰|だれ|どなた)が(?:やった|した|行った|おこなった|書いた|まとめた|やってる|している)"
    r"|誰の(?:研究|論文|チーム|グループ)|(?:著者|研究者|研究員|執筆者|研究チーム|研究グループ)(?:の名前)?(?:は|って)(?:誰|だれ|どなた)",
    re.I,
)
# ... and nothing else: what is left of such a question is a courtesy, the document or a place.
_AGENT_REST = re.compile(r"\s*(?:(?:here|then|exactly|actually|again|at\s+(?:the\s+)?[\w.-]+|in\s+(?:this|the)\s+(?:press\s+)?(?:release|document)|の?(?:名前|氏名)(?:を教えて(?:ください|下さい)?)?"
                         r"|です(?:か)?|でしょうか|なの|だっけ|か|さん|の|[?？.!。、,])\s*)*", re.I)
_AGENT_BEFORE = re.compile(r"\s*(?:この|本|今回の|実際に|そもそも)*\s*")


def study_agents_asked(question: str) -> bool | None:
    """None when the question does not ask who did the work; True when it asks only that
    ("Who did the study?", 誰の研究？); False when it asks more ("who did the study on mice?")."""
    m = STUDY_AGENT_ASKED.search(question)
    if m is None:
        return None
    return bool(_AGENT_REST.fullmatch(question[m.end():]) and _AGENT_BEFORE.fullmatch(question[:m.start()]))


# ... of an organisation ("Who heads the National Cancer Center?", "Who is the head of the
# hospital?", "Who runs the NCC?", "Who was running the NCC?"): its president (理事長, 院長, 社長), no research group's head.
_ORG = r"(?:the\s+)?(?:(?-i:[A-Z][\w&.'-]*)\s+){0,5}?(?:(?-i:[A-Z]{2,6})(?=\s*[?？.!,]|\s*$)|(?:cent(?:er|re)|hospital|institute|university|foundation|agency|organi[sz]ation|company|corporation)\b)"
ORG_HEAD_ASKED = re.compile(r"\b(?:heads?|headed|heading|leads?|led|leading|runs?|ran|running|(?:is|was)\s+in\s+charge\s+of|in\s+charge\s+of)\s+" + _ORG
                            + r"|\b(?:head|leader|chief)\s+of\s+" + _ORG, re.I)


# Any contact a text gives: a mail address, a phone or fax number, a postcode, a link.
CONTACT_GIVEN = re.compile(r"[@＠]|\d{2,4}-\d{2,4}-\d{3,4}|\b(TEL|Tel|FAX|Fax)\b|〒|https?://|www\.")
# What kind of contact is asked for, and how a text gives it (TEL:03-3542-2511, ncc-admin＠ncc.go.jp).
CONTACTS = [
    ("fax", re.compile(r"\bfax\b|ファックス|ファクス|FAX", re.I), re.compile(r"\b(FAX|Fax|fax)\b|ファックス|ファクス")),
    ("email", re.compile(r"\be-?mail\b|メール|メアド|メルアド", re.I), re.compile(r"[@＠]")),
    ("phone", re.compile(r"\b(tele)?phone\b|\btel\b|電話|" + _PHONE_OTHERWISE, re.I), re.compile(r"\b(TEL|Tel|tel)\b|電話|\d{2,4}-\d{2,4}-\d{3,4}")),  # not hotel
    ("url", re.compile(r"\b(url|website|web ?page|web ?site|web ?address|link|hosted)\b|\b" + _ONLINE + "|URL|リンク|ウェブ|ホームページ|サイト|" + _READ_WHERE, re.I), re.compile(r"https?://|www\.")),
    ("address", re.compile(r"\baddress\b|住所|所在地", re.I), re.compile(r"〒|[都道府県].{0,8}?[市区町村]|\d+-\d+-\d+|\b\d{3}-\d{4}\b")),
    # "Who's the contact?", 問い合わせ先は: any of the above (a contact block: its office, TEL, mail)
    ("any", _CONTACT_ASKED, CONTACT_GIVEN),
]


# A person's own contact is asked for ("Dr. Ochiya's personal email", "a named press contact",
# 田村研治医師個人のメールアドレス): an office's contact block does not give it.
# ... unless the question offers the office's contact as the other answer ("a direct line to the
# investigators, or just a general email?"): then the office's is what it says.
GENERAL_CONTACT_OFFERED = re.compile(
    r"\bor\s+(?:(?:just|only|simply|merely)\s+)?(?:(?:a|an|the|their|its)\s+)?(?:general|generic|main|central|shared|office|press|public|switchboard|department(?:al)?)\b"
    r"|それとも(?:代表|広報|窓口|事務局)|(?:代表|広報|窓口)だけ", re.I)
PERSONAL_CONTACT = re.compile(
    r"\bpersonal\b|\bdirect\s+(?:line|number|e-?mail|phone|dial)\b|\bnamed\s+(?:press\s+|media\s+)?(?:contact|person)\b"
    r"|\bcontact\s+person\b|\b(?:a|any|which|what)\s+person\b"
    r"|\bname\s+of\s+(?:the|a|an|your)\s+(?:[\w-]+\s+){0,2}(?:officer|person|staffer|spokes(?:person|man|woman)|representative)\b"
    r"|\b(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+[A-Z][\w-]+(?:'s|’s)\s+(?:own\s+)?(?:e-?mail|phone|telephone|fax|direct|number|contact)"
    r"|個人|直通|担当者の(?:名前|氏名)|(?:医師|研究員|先生|教授|分野長|さん)の(?:メール|電話|連絡先)",
    re.I,
)


def contact_asked(question: str) -> str | None:
    """fax, email, phone, url or address: the first the question names (an "email address" is an email)."""
    return next((name for name, asks, _ in CONTACTS if asks.search(question)), None)


# "Who is Makiko Ono?", 田村研治とはどんな人ですか: the person is named; what is asked is about them.
# Asked inside a request, in the order of a statement: "(Can you tell me) who Dr. Kenji Tamura is?".
_NAMED = r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}"  # (Dr.) Kenji Tamura
_WHO_IS_NAMED = re.compile(r"\s*(?i:who\s+(?:is|was))\s+" + _NAMED + r"(?:\s*,?\s+(?i:and\s+(?:how|what|why|where|when|is|was|does|did)|what|how)\b[^?？]*)?\s*[?？]?\s*"
                           r"|\s*(?i:who)\s+" + _NAMED + r"\s+(?i:is|was)\s*[?？.]?\s*"
                           r"|.+?(?:とは|って)(?:誰|だれ|どなた|どんな人|どういう人)(?:ですか|でしょうか)?\s*[?？]?\s*")


# A yes/no question asks whether, not which one or who ("Can doctors tell which patients will relapse?").
YES_NO_EN = re.compile(r"^\s*(?:is|are|was|were|am|do|does|did|can|could|will|would|shall|should|has|have|had|may|might|must)\b", re.I)
# In a yes/no question a "who" or "when" after a noun opens a relative clause ("one of the researchers
# who did this study"); after a verb of telling it asks ("Do you know who made the cover?").
_RELATIVE_WH = re.compile(r"\b(?!(?:know|knows|tell|me|us|say|explain|show|remember|out|wonder|ask|see|check)\b)([A-Za-z]+)\s+(?:who|whom|whose|when|where)\b", re.I)


def answer_kind(question: str, funding: bool = True) -> str | None:
    question = _as_asked(question)
    if YES_NO_EN.match(question):
        question = _RELATIVE_WH.sub(r"\1 that", question)
    if _WHO_IS_NAMED.fullmatch(question):
        return None
    if _FREQUENCY_JA.search(question):
        return "number"
    kinds = [kind for kind, pattern in _KINDS.items() if (funding or kind != "funding") and pattern.search(question)]
    if "contact" in kinds and _CONTACT_ASKED.search(question):
        return "contact"  # "Who's the contact?" asks for a contact block, not a person's name
    if "funding" in kinds and answer_unit(question) == "money" and not re.search(r"\b(?:which|who|whom|whose)\b|どの|どこ|誰", question, re.I):
        return "number"  # 配分された額はおいくら, "how much funding did it get": a sum, not who paid (which program, and how much: both)
    if kinds[:2] == ["number", "date"] and not re.search(r"何年間|何日間|何時間|how long|" + _YEARS_LONG, question, re.I):
        return "date"  # "in what year did the number of visitors pass ...": a year is asked for
    if not kinds and answer_unit(question):
        return "number"  # 何グラム, 何発: a counter the list above lacks
    return kinds[0] if kinds else None


# "What is a microRNA?", 造血幹細胞とは何ですか: the question asks what a term means.
_DEFINITION_EN = re.compile(r"^\s*what(?:['’]s| is| are)\s+(?:an? |the )?(?P<term>(?:(?!(?:of|in|on|at|about|from|as|for|with|to|made|used|called|named|like|meant)\b)[\w-]+ ?){1,3}?)(?:,? in (?:simple|plain) (?:terms|words|english))?\s*[?？]?\s*$", re.I)
# (がん, kana for 癌, may stand inside a term: がん幹細胞)
_DEFINITION_JA = re.compile(r"^\s*(?P<term>(?:がん|[^、。？?\u3041-\u3096]){2,16}?)(?:とは|って)、?(?:そもそも|一体|いったい|結局|ずばり)?、?(?:何|なん|なに|どのような|どんな|どういう|どういった)")
# ... and put otherwise: "How does the release describe microRNA?", "How is X defined?", "What does X
# mean?", マイクロRNAはどのようなものだと説明されていますか, エクソソームはどんなものですか.
_TERM_EN = r"(?:an? |the )?(?P<term>(?:(?!(?:of|in|on|at|about|from|as|for|with|to|by)\b)[\w-]+ ?){1,3}?)"
_IN_THE_TEXT = r"(?:(?:本文|文中|リリース|プレスリリース|資料|記事|発表)(?:の中)?(?:で|では|において)は?、?)?"  # (は)本文で どういうもの
_DEFINITION_OTHERWISE = [
    re.compile(r"^\s*how (?:does|do|did) (?:the |this )?(?:release|document|text|article|paper|study|report|press release)s? (?:describe|define|explain) " + _TERM_EN + r"\s*[?？]?\s*$", re.I),
    re.compile(r"^\s*how (?:is|are|was|were) " + _TERM_EN + r" (?:described|defined|explained)\b", re.I),
    re.compile(r"^\s*what (?:does|do) (?:the (?:term|word) )?" + _TERM_EN + r" mean\s*[?？]?\s*$", re.I),
    re.compile(r"^\s*what (?:does|do|did) (?:the |this )?(?:release|document|text|article|paper|study|report|press release|authors?|researchers?|team) mean by " + _TERM_EN + r"\s*[?？]?\s*$", re.I),
    re.compile(r"^\s*what is meant by " + _TERM_EN + r"\s*[?？]?\s*$", re.I),
    # ... tersely, as typed in chat: "exosomes = what exactly", "microRNA is what?", "define dormancy", "dormancy meaning?",
    # "what does dormancy mean here"
    re.compile(r"^\s*" + _TERM_EN + r"\s*(?:=|\s(?:is|are))\s*what(?:\s+(?:exactly|again|is\s+it|are\s+they))?\s*[?？]?\s*$", re.I),
    re.compile(r"^\s*(?:pls\s+|please\s+)?define\s+" + _TERM_EN + r"\s*[?？]?\s*$", re.I),
    re.compile(r"^\s*" + _TERM_EN + r"\s+(?:meaning|definition)\s*[?？]?\s*$", re.I),
    re.compile(r"^\s*what (?:does|do) (?!(?:this|that|it|they|these|those)\b)" + _TERM_EN + r" (?:actually |really )?mean (?:here|in this (?:release|context|text|study))\s*[?？]?\s*$", re.I),
    re.compile(r"^\s*(?P<term>[^、。？?\u3041-\u3096]{2,16}?)(?:は|って)" + _IN_THE_TEXT + r"(?:どのような|どんな|どういう|どういった)(?:もの|物)"),
    # がん幹細胞ってどう定義すればいいですか, エクソソームはどう説明されていますか
    re.compile(r"^\s*(?P<term>(?:がん|[^、。？?\u3041-\u3096]){2,30}?)(?:とは|って|は)[^。？?]{0,20}?(?:どう|どのように)(?:定義|説明)"),
    # 「マイクロRNA」という言葉が何度も出てまいりますが、どういうものなのか: the word the text keeps using
    re.compile(r"^\s*(?P<term>[^、。？?\u3041-\u3096]{2,16}?)という(?:言葉|用語|単語|語)(?:は|って|が[^。？?]{0,30}?[、,])\s*(?:それは)?"
               r"(?:どのような|どんな|どういう|どういった)(?:もの|物|意味)"),
    # リリースではエクソソームを日本語でどう言い表していますか: how the text puts the term
    re.compile(r"^(?:.*?(?:[。、]|では|で))?\s*(?P<term>[^、。？?\u3041-\u3096]{2,16}?)を(?:日本語で|英語で)?(?:どう|どのように|何と|なんと)(?:言い表|言いあらわ|表現|表わ|表し|説明|記述|書い|書か|訳)"),
]


# What part a thing plays is asked ("what role do the mesenchymal stem cells play", "mirna role",
# マイクロRNAの役割は？): the sentence in which it acts -- its subject (マイクロ RNAが…寄与) -- answers,
# not one in which something is done to it (このマイクロRNAを標的とした薬剤).
_ROLE_ASKED = [
    re.compile(r"\bwhat\s+(?:role|part|job|function)s?\s+(?:do|does|did|would|could|might)\s+" + r"(?:an? |the )?(?P<term>(?:(?!(?:play|have|serve)\b)[\w-]+ ?){1,3}?)\s+(?:play|have|serve)", re.I),
    re.compile(r"\b(?:role|function)s?\s+of\s+(?:an? |the )?(?P<term>(?:(?!(?:in|on|at|for|with|to|by)\b)[\w-]+ ?){1,3}?)(?:\s+(?:in|on|at|for|with|to|by)\b|\s*[?？]?\s*$)", re.I),
    re.compile(r"^\s*(?P<term>(?:[\w-]+ ?){1,3}?)['’]?s?\s+(?:role|function)s?\s*[?？]?\s*$", re.I),
    re.compile(r"^\s*(?P<term>[^、。？?\u3041-\u3096]{2,16}?)の(?:役割|働き|機能|役目)(?:は|って)?(?:何|なん|なに)?"),
]


def actor_asked(question: str) -> str | None:
    """The thing whose part (role, 役割) the question asks about, or None."""
    m = next((x for x in (p.search(question) for p in _ROLE_ASKED) if x), None)
    term = m.group("term").strip() if m else ""
    return term if term and term.lower() not in ("it", "they", "this", "that", "these", "those", "he", "she", "them") else None


# Quotation marks around a term ("What is meant by 'dormancy'?"), not an apostrophe (what's).
_TERM_QUOTES = re.compile(r"[\"“”‘]|(?<!\w)['’]|['’](?!\w)")


def defined_term(question: str) -> str | None:
    """The term a definition question asks about, or None. ("Wait, what is an exosome exactly? Half
    my class keeps writing 'exosone'.": the question is the sentence that asks, without its
    interjection and its "exactly".)"""
    first = re.match(r"\s*(?:(?:wait|so|ok(?:ay)?|hmm+|sorry|um+)[,!]?\s+)?([^?？]+?)(?:\s+(?:exactly|again|anyway))?\s*[?？]([^?？]*)$", question, re.I)
    if first and (found := _defined_term(first.group(1) + "?")):
        return found  # (only when what follows asks nothing more)
    # レポートで定義を書きたいのですが、エクソソーム（exosome）とは何ですか: what the asker means to do
    # before it, and the term's other name after it, are no part of the term
    if (rest := _BUT_JA.split(question)[-1]) != question and (found := _defined_term(rest)):
        return found
    return _defined_term(question)


# The end of a Japanese clause that leads up to a question: 〜たいのですが、, 〜んですけど、
_BUT_JA = re.compile(r"(?:のです|んです|ですが|のだ|んだ)?(?:が|けど|けれど(?:も)?)[、,]")
_ALIAS = re.compile(r"\s*[（(][^）)]{1,30}[）)]\s*$")


def _defined_term(question: str) -> str | None:
    question = _TERM_QUOTES.sub("", question)
    m = _DEFINITION_EN.match(question) or _DEFINITION_JA.match(question)
    m = m or next((x for x in (p.match(question) for p in _DEFINITION_OTHERWISE) if x), None)
    return (_ALIAS.sub("", m.group("term").strip()).strip("「」『』") or None) if m else None


# "Where", どこで / どこに (not どこの, a "which"; nor どこまで, "how far", an extent: リリースでは
# どこまで言っていますか), "in which town": a place is asked for.
WHERE = re.compile(r"^\s*where\b|\bwhere (is|was|are|were|did|does|do)\b|\b(in|at|from|to) (which|what) "
                    r"(city|town|village|prefecture|country|province|region|place|area|district|island|port)\b|どこ(?!の|まで)", re.I)
# "Where would the drug sit in the treatment pathway?", "where does this fit in the literature":
# a position among things, not a place.
FIGURATIVE_WHERE = re.compile(
    r"\bwhere\b[^?？]{0,60}\b(?:sits?|fits?|stands?|belongs?|ranks?|falls?|slots?)\s+(?:in|into|within|among|on|with|relative)\b"
    r"|\bwhere\b[^?？]{0,60}\bin\s+the\s+(?:[\w-]+\s+){0,2}(?:pathway|pipeline|process|picture|scheme|landscape|field|timeline|sequence"
    r"|hierarchy|workflow|algorithm|guidelines?|literature|debate|story|cascade)\b", re.I)
# The parts of a text a question points at (コメントのうち…の部分はどこ, 該当箇所): what it says there is
# asked, not the part's name (bot.qa.about's place in the document; query's words about the text).
TEXT_PARTS_JA = ("部分", "箇所", "個所", "くだり", "段落", "記述", "一節")
# エクソソームはどこから分泌されますか: where a thing is secreted, released or made from is its
# source (間葉系幹細胞), which no place need name.
SOURCE_WHERE = re.compile(r"どこから(?:分泌|放出|産生|生成|供給|作ら|作られ|出さ|出て|出る|由来|受け取|もら|得|来る|来て|来た)")
# 会社はどこか asks for an organisation (三共), which names no place.
ORG_WHERE = re.compile(r"(会社|企業|メーカー|団体|組織|チーム|球団|銀行|出版社|大学|学校|研究所|機関)(は|が)どこ")
# "Where does the name come from", 地名はどこから来ている: an origin (a word, a legend), not a place.
NAME_ORIGIN = re.compile(r"\bname\b.*\bcome from\b|\bwhere\b.*\bget (its|his|her|their) name\b|(名|名前|名称|地名|語源).{0,6}どこから|由来", re.I)
# ... asked in other words: "how did X get its name", "why is X called", なぜ「X」と呼ばれるのか.
NAME_WHY = re.compile(r"\bhow did\b.*\bget (its|his|her|their) name\b|\bwhy (is|was|are|were)\b.*\b(named|called)\b"
                       r"|なぜ.{0,30}(と(?:も)?呼ばれ|という名|と名付け|と名づけ|と命名)|(名付け|名づけ|命名)(られ)?た(理由|わけ)", re.I)


# Whether a finding holds for another group ("does this apply to men as well?", 前立腺がんでも同じ
# ですか, 肺がんとか、ほかのがんでも…するの？): the group asked about, which the documents must speak of.
SCOPE_ASKED = re.compile(r"\b(?:apply|applies|applicable|hold|holds|true|relevant|generali[sz]es?|extends?)\s+(?:to|for|in)\s+(?P<en>[^?.!;]{2,60})"
                         # (a group: a cancer, patients, people of a kind -- not 体の中でも, 発表にも)
                         r"|(?P<ja>[^。？?！!]{0,25}?(?:がん|癌|腫瘍|患者さん|患者|男性|女性|子ども|子供|人|動物|タイプ|種類|型))"
                         r"(?:でも|にも|の場合(?:で)?も)(?=[^。？?！!]{0,25}[？?])", re.I)


# A message to colleagues rather than a question about the documents: "Can someone review my pull
# request?", "Does anyone have a charger?", "Please approve my expense report.", "Can you move our
# team meeting to Thursday?"
ADDRESSED_TO_PEOPLE = re.compile(
    r"\s*(?:(?:can|could|would|will)\s+(?:someone|anyone|somebody|anybody)\b|(?:does|do|did|has|have|is)\s+"
    r"(?:anyone|anybody|someone|somebody|everyone|everybody)\b|(?:please|pls|plz)\b|(?:anyone|anybody|someone)\s+"
    r"(?:know|knows|have|has|got|seen|free|around|up)\b|誰か"
    # ... or asking for a thing done, not told: "Can you move our 3pm meeting to Thursday?"
    r"|(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:move|book|reschedule|schedule|cancel|postpone|send|forward|invite|approve|"
    r"review|order|update|arrange|print|email|e-mail|call|ping|add|remove|share|upload|fix|reset|sign|set\s+up|organi[sz]e|reserve)\b)", re.I)
# ... about the asker's own work: "review my PR", "approve our expense report".
OWN_WORK = re.compile(r"\b(?:my|our)\b", re.I)
# Everyday matters of a workplace chat -- the weather, food, the office, the calendar: a question
# hinging on one the documents never mention is small talk, not a near miss to quote for. Only
# words that are chat, not facts: trains, buses, tea, snow, temperatures and parties are what
# encyclopedia questions ask about (the tuning sets' devset questions name them), and 雪 / 雨 are
# inside names (大雪山, 梅雨).
SMALL_TALK = re.compile(
    r"\b(?:weather|rain|raining|rainy|snowing|sunny|forecast|lunch|dinner|breakfast|snacks?|coffee|beer|pizza"
    r"|parking|wifi|password|printer|meeting|weekend|birthday|tomorrow|tonight|yesterday)\b"
    r"|天気|(?<![梅大])雨(?![季量])|晴れ|気温|ランチ|昼ごはん|昼食|夕食|夕飯|晩ごはん|お菓子|おやつ|コーヒー|飲み会|駐車|パスワード|プリンター|会議室|週末|誕生日|明日|今夜|傘",
    re.I)


# The words of a polite request around what is asked, no word the documents hold: "Hi! quick one:",
# "Sorry if this is obvious, but", "Could you tell me who funded the study?", "Do you know if ...",
# "I'd like to know the journal name, please."; 研究者の氏名を教えてください, …について知りたいです,
# すみません、…, よろしくお願いします. (A request for something else -- "Please summarize", "Can
# someone review my PR?" -- is no frame around a question and stays.)
_REQUEST_EN = re.compile(
    r"^\s*(?:(?:hi|hello|hey)\b(?:\s+(?:bot|there|all|team|folks))?[\s,!.]*"
    # an at-mention of whom the message is for ("@qabot how big are …"): a name, no word asked
    r"|@[\w.-]+[\s,:!-]*"
    r"|(?:(?:a\s+)?(?:quick|short|simple|dumb|basic)\s+(?:one|question|q)|question)\s*[:,!\-–—]\s*"
    # a label before what is asked: "Timeline check:", "Fact check -", "Sanity check:"; or what the
    # answer goes on: "Flashcard -", "Patient data card:", "Underwriting note:" (its dash after a
    # space only: "Label-free quantification?" keeps its word)
    r"|(?:[a-z][\w-]*\s+){0,2}(?:check\s*[:：-]|(?:card|flashcard|flash\s+card|note|memo|slide|label)(?:\s*[:：]|\s+[-–—]))\s*"
    r"|(?:sorry|apologies)\b[^,?!.]{0,40}[,.!]\s*(?:but\s+)?"
    r"|just\s+(?:wondering|curious|checking)\s*[,:!.-]\s*"
    r"|(?:in\s+(?:a\s+nutshell|short|brief|a\s+word|one\s+(?:line|sentence)|simple\s+terms|plain\s+(?:terms|english|words)|lay(?:man|person)['’]?s\s+terms)|briefly|basically)\s*[,:]\s*"
    r"|(?:please|pls|plz|kindly)\s+(?=tell|show|give|let|remind|send)"
    # a bare imperative of the telling before what is wanted: "Give the contact e-mail", "Provide
    # the fax number", "List both uses" -- the verb is the asker's, no word the documents hold
    r"|(?:give|provide|supply|list|cite|share)\s+(?=(?:the|a|an|all|both|each|any|its|their|his|her)\b)"
    # a formal request for the telling: "Please confirm whether …", "Kindly state …", "Could you
    # characterise …" -- what the asker wants told, not a message to colleagues
    r"|(?:(?:please|pls|plz|kindly)\s+|(?:can|could|would|will)\s+you\s+(?:please\s+|kindly\s+)?)"
    r"(?:confirm|state|describe|characteri[sz]e|specify|clarify|indicate|verify|quote|identify)\s+(?:(?:to\s+)?(?:me|us)\s+)?(?!(?:my|our)\b)"
    r"|(?:can|could|would|will)\s+(?:you|someone|anyone|somebody|anybody)\s+(?:please\s+)?"
    r"(?:(?:tell|show|give|remind|send)\s+(?:me|us)|find\s+out|check|look\s+up|confirm|explain(?:\s+to\s+(?:me|us))?)\s+(?!(?:my|our)\b)"
    r"|would\s+you\s+mind\s+(?:telling|showing|giving|sending)\s+(?:me|us)\s+|(?:can|could|may)\s+i\s+ask\s+|any\s+chance\s+(?:you\s+know\s+)?"
    r"|(?:tell|show|give|remind|send)\s+(?:me|us)\s+|let\s+(?:me|us)\s+know\s+"
    r"|(?:do|does)\s+(?:you|anyone|anybody|someone|somebody)\s+(?:happen\s+to\s+)?know\s+|any\s+idea\s+"
    r"|i(?:'d|’d|\s+would)\s+(?:like|love)\s+to\s+know\s+|i\s+(?:want|need|wanted)\s+to\s+know\s+"
    r"|i(?:'m|’m|\s+am|\s+was)\s+(?:wondering|curious)(?:\s+about)?\s*[:,]?\s+|i\s+wonder\s+)", re.I)
_PLEASE_EN = re.compile(r"[,\s]+(?:please|pls|plz)(?=[\s.!?？]*$)|,\s*do\s+you\s+know(?=\s*[?？]\s*$)", re.I)
_REQUEST_JA = re.compile(
    r"(?:を|について|(?<!も)のか|か)?[、,\s]*(?:(?:もし)?あれば|よければ|よろしければ)?(?:教えて|おしえて|調べて|確認して|確認させて)"
    r"(?:ください|下さい|くれ(?:ます|ません)?か?|もらえ(?:ます|ません)?(?:でしょうか|か)?"
    r"|(?:いただ|頂)(?:け(?:ます|ません)?(?:でしょうか|か)?|きたい(?:です)?|(?:けると|けますと|ければ)(?:助かります|幸いです|嬉しいです|ありがたいです))"
    r"|ほしい(?:です)?|欲しい(?:です)?)?[\s。．!！?？]*$"
    r"|(?:を|について)?(?:ご教示|ご教授|ご確認|確認)(?:ください|下さい|いただけ(?:ます|ません)?(?:でしょうか|か)?|願います"
    # (business Japanese: ご教示いただけますと幸いです, ご教示いただければ助かります)
    r"|いただ(?:けますと|ければ|けると)(?:幸いです|助かります|ありがたいです|嬉しいです))[\s。．!！?？]*$"
    # what the asker's message is: 発信主体の確認です, 一点質問です
    r"|(?:の|について(?:の)?)?(?:確認|質問|お尋ね|お問い合わせ)(?:です|があります|がございます)[\s。．!！]*$"
    r"|(?:を|について|が)?知りたい(?:です|のですが|んですが|と思っています)?[\s。．!！?？]*$"
    # keigo's 伺う (to ask, humbly): 要点を伺いたい, 研究課題名と併せて伺えますでしょうか, 伺えますと幸いです
    r"|(?:を|について|と|も)?(?:併せて|あわせて)?(?:伺|うかが)(?:いたい|いたく存じます|えますか|えますでしょうか|えれば|えますと|えると)(?:です|幸いです|助かります|ありがたいです)?[\s。．!！?？]*$"
    r"|か知って(?:い)?ますか[\s。．!！?？]*$"
    # whether the asker has it right: 産生元は骨髄のMSCという理解で合ってますか, …との認識でよろしいでしょうか
    r"|(?:という|との|って)(?:理解|認識|解釈|捉え方)で(?:合って|あって|よ|い|良|正し|間違い)[^。？?!！]{0,14}[\s。．!！?？]*$"
    # what to write for it: 掲載日を何と書けばよいですか, 所属はどう表記したらいいでしょうか
    r"|(?:を|は)?(?:何と|なんと|どう|どのように)(?:書け|書い|記載すれ|記載し|表記すれ|表記し|記せ)(?:ば|たら)(?:よい|いい|良い)(?:ですか|でしょうか|の)?[\s。．!！?？]*$"
    r"|[\s、,]*(?:急ぎで|至急|取り急ぎ)?(?:よろしく)?お願い(?:します|いたします|致します)[\s。．!！]*$"
    # である調 and legal Japanese: …を示せ, 年月日で特定されたい, 表記どおり示されたい, すべて挙げよ
    r"|(?:を|について)?[、,\s]*(?:(?:表記|原文|記載)(?:どおり|通り|のまま)[にで]?|年月日で|正確に|簡潔に|すべて|全て)?"
    r"(?:(?:示|明示|特定|列挙|記|記載|説明|回答)(?:せよ|せ|されたい|しなさい)|(?:述べ|挙げ|答え)(?:よ|なさい|られたい))[\s。．!！]*$"
    # how long the answer should be: 一文で要約して, ワンセンテンスでサマライズしてほしい, 簡単に説明して
    r"|(?:を|について)?[\s、,]*(?:一文|ひとこと|一言|二文|三行|3行|簡単|手短|ざっくり|ワンセンテンス)[にで]?(?:要約|まとめ|説明|サマライズ)(?:して|する)?"
    r"(?:ください|下さい|ほしい|欲しい|くれ(?:ます|ません)?か?|もらえ(?:ます|ません)?か?)?(?:です)?[\s。．!！?？]*$")
# (知りたいと考えております, 伺いたいと存じます: a request, whose object is what is asked)
_NOT_A_REQUEST_JA = "".join(f"(?<!{verb})(?<!{verb}たい)" for verb in "知り 確認し 伺い 聞き 尋ね いただき 頂き".split())
# A first sentence that is the asker's own view or plan, before the question: ヒト検体でのデータの有無は
# 重要なポイントかと存じます。 -- no word of it is asked about.
_ASKERS_OWN_JA = re.compile(r"^[^。？?！!]{4,60}" + _NOT_A_REQUEST_JA + r"(?:かと|と)(?:存じます|思います|思っています|考えております|考えています)[。．]\s*(?=\S)"
                            # ... or what the asker means to do with the answer: 来週の薬理ゼミでこのリリースを紹介します。
                            # ゼミで掲載誌のランク感も伝えたいです。住民向けに「…」とやさしく説明したいです。
                            # (not 知りたいです, 確認したいです: a request, whose object is what is asked)
                            r"|^[^。？?！!]{4,80}(?:(?:紹介し|説明し|伝え|使い|載せ|書き|引用し|発表し|まとめ|共有し|話し|取り上げ)たい(?:です|と思います|と思っています|と考えています)"
                            r"|(?:紹介|説明|発表|執筆|作成|引用|報告|共有)(?:します|いたします|する予定です|しようと思っています))[。．]\s*(?=\S)"
                            # ... (and in business Japanese: 会報で本件をご紹介したく、…引用したいと考えております。)
                            r"|^[^。？?！!]{4,80}" + _NOT_A_REQUEST_JA + r"たい"
                            r"(?:と考えております|と思っております|と存じます|と存じております)[。．]\s*(?=\S)"
                            # ... or who the asker is: 乳がん患者会の事務局でございます。山田と申します。
                            r"|^[^。？?！!]{2,40}(?:と申します|でございます|の者です|の事務局です|の担当者?です)[。．]\s*(?=\S)"
                            # ... or whom the question is for: 書面で問い合わせたいという会員がおります。
                            r"|^[^。？?！!]{4,80}という(?:会員|方|人|患者さん|患者|読者|家族|利用者)(?:が|も)(?:おります|います|いらっしゃいます|おられます)[。．]\s*(?=\S)"
                            # ... or whose request it relays: 助成元を注記に入れたいという利用者の方のご依頼です。
                            r"|^[^。？?！!]{4,80}(?:という|との)(?:[^。？?！!]{0,10}の)?(?:会員|方|人|患者さん|患者|読者|家族|利用者|お客様|視聴者)(?:の方)?(?:から)?の?"
                            r"(?:ご依頼|ご質問|お問い合わせ|ご相談|ご要望)(?:です|でございます|がありました|がございました)[。．]\s*(?=\S)")
# ... unless what is asked after it points back to it: 「…」と書こうと思っています。このリリースでもそのように
# 書かれていますか？ asks whether the release says what the first sentence quotes.
_POINTS_BACK_JA = re.compile(r"その(?:よう|通り|とおり|まま|表現|言い方|説明|記述|内容|点)|そう(?:書|言|記|いう|いった|なの|です)|それ(?:は|が|を|って|で|も)|同じ|同様|上記"
                             # ... or asks only how the text puts it: リリースではどう書かれていますか
                             r"|^[^。？?]{0,12}(?:どう|どのように|何と|なんと)(?:書|記|説明|表現|述べ|言)"
                             # ... or asks only whether it is so: …という人がいます。本当ですか？
                             r"|^\s*(?:これは|それは|これって|それって)?(?:本当|ほんと|事実|正しい|確か|間違いない)")
# Before a Japanese question, how it reached the asker or whom it is for: "友だちがこの記事シェアして
# くれたんだけど、", "母が手術を受けたのですが、" -- the asker's people, not the documents'.
_PREAMBLE_JA = re.compile(r"^[^。？?！!]{0,30}?(?:友だち|友達|友人|知人|家族|母|父|夫|妻|娘|息子|姉|妹|兄|弟|同僚|上司|先生|主治医|弊社|当社|弊院|当院|私ども|私共)"
                          r"[^。？?！!、,]{0,40}?(?:けど|けれど(?:も)?|が)[、,]\s*"
                          # ... or what the asker will do with the answer: 出典として引用するには、, レポートで紹介したいので、
                          r"|^[^。？?！!、,]{0,30}?(?:引用|紹介|記載|執筆|参照|言及)(?:する|したい|しよう)?(?:には|ので|ため(?:に)?|のです(?:が|けど)|んです(?:が|けど)|けど|が)[、,]\s*"
                          # ... or from whom the enquiry comes: 利用者の方から、…のお問い合わせです (not 患者さんから、
                          # 骨髄をどう採取したのか: whence the marrow came, which is asked)
                          r"|^(?:[^。？?！!、,]{0,12}の)?(?:利用者|患者さん|患者|会員|読者|お客様|お客さま|視聴者|市民|住民|来館者)(?:の方|様|さま)?(?:から|より)[、,]\s*"
                          r"(?=[^。？?！!]*(?:問い合わせ|問合せ|質問|相談|依頼|要望|お尋ね))")
# Before an English question, a sentence about the asker: "On deadline here.", "Grants office
# here.", "Morning all!", "Sorry for very basic question.", "I am not biology person."
_PREFACE_EN = re.compile(r"^\s*(?:(?:on\s+deadline|[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+here|hi|hello|hey|(?:good\s+)?morning(?:\s+all)?"
                         r"|good\s+(?:afternoon|evening)(?:\s+all)?|sorry\b[^.!?]{0,40}|i(?:['’]m|\s+am)\s+[^.!?]{1,40}"
                         # what someone asked the asker, before what the asker asks: "A patient asked me
                         # tonight if it can still come back." -- unless what is asked points back to it ("them")
                         r"|[^.!?]{0,40}\b(?:asked|asks|was\s+asking|wants\s+to\s+know|wanted\s+to\s+know)\s+(?:me|us|if|whether)\b[^.!?]{0,120}"
                         r"(?=[.!]+\s+(?![^?？]*\b(?:it|its|they|them|their|this|that|these|those|she|he|her|his)\b)))"
                         r"\s*[.!]+\s+(?=\S[^?？]*[?？])", re.I)
# After the question, the shape the answer should take: "in ISO format", "as a table", "as bullet
# points" -- how to say it, no word of the documents'.
_FORMAT_EN = re.compile(r"[,\s]+(?:in|as)\s+(?:an?\s+)?(?:iso(?:[\s-]*8601)?|yyyy-mm-dd|dd/mm/yyyy|mm/dd/yyyy|json|csv|markdown|plain[\s-]+text"
                        r"|table|list|bullet(?:ed)?\s+(?:list|points)|bullets)(?:\s+(?:format|form))?(?=[\s.!?？]*$)"
                        # "… in one sentence", "in two lines": how long, not what
                        r"|[,\s]+in\s+(?:one|a|a\s+single|single|two|three|a\s+few|few|\d)\s+(?:sentences?|lines?|words?|paragraphs?)(?=[\s.!?？]*$)"
                        # "… verbatim", "as written": the exact words of what is asked
                        r"|[,\s]+(?:(?:exactly\s+)?as\s+(?:written|printed|given|stated)|verbatim|word\s+for\s+word)(?=[\s.!?？]*$)", re.I)
# How exactly the answer should quote: 一字一句そのまま (word for word), as "verbatim" in English.
_VERBATIM_JA = re.compile(r"一字一句(?:そのまま|違わず|たがわず)?[にで]?")
_GREETING_JA = re.compile(r"^\s*(?:すみません|すいません|失礼します|こんにちは|お疲れ様です|お疲れさまです"
                          # a business letter's opening formula
                          r"|(?:いつも|平素は|大変)?お世話に(?:なっております|なります)|初めまして|はじめまして)[、,。！!\s]*")


# -- the asker's own words around the question: what the answer is for (before it), why they ask
# and how they want it said (after it). None of them is asked of the documents. --------------------
# A letter's or an e-mail's frame around the question: its salutation ("Dear Sir or Madam,", "To
# whom it may concern:") and its close and signature ("Yours faithfully, Edith Cartwright", "I
# remain, Yours sincerely, Mr J. Pike", "Kind regards, Tom"). The close needs a closing word
# before the names and nothing after them, so "Thanks, what is …" keeps its question.
_LETTER_FRAME = re.compile(
    r"^\s*(?i:dear\s+[^,.:;!?\n]{1,40}|to\s+whom\s+it\s+may\s+concern|greetings)\s*[,:;!]\s*"
    r"|(?<=[.!?？。])\s*(?i:(?:i\s+remain\s*[,.]?\s*)?(?:(?:yours|(?:with\s+)?(?:best|kind|kindest|warm|warmest)\s+(?:regards|wishes))(?:\s+(?:faithfully|sincerely|truly|ever))?"
    r"|sincerely|regards|respectfully|with\s+(?:thanks|gratitude|many\s+thanks)|many\s+thanks|thanks\s+in\s+advance|thank\s+you\s+in\s+advance))"
    r"\s*[,.!]?(?:\s+(?:\([\w.'’ -]{1,20}\)|[A-Z][\w.'’-]*)){0,5}\s*$")
# Before the question, what the answer is for: "For our licensing memo: …", "For the show notes: …".
# ... "For context in the intro: …", and what the asker means to write: "I want to say in my lede
# that …" (the claim to check follows).
_OPENING_PURPOSE = re.compile(r"^\s*for\s+(?:(?:a|an|the|my|our|your|this)\s+|(?:context|background|reference)\b)[^:：?？.!]{1,40}[:：]\s*"
                              # ... or a label naming the asker's own artefact: "Intro slide for the team: …",
                              # "Grant metadata, please: …", "Holdings check: …", "Profile box: …"
                              r"|^\s*(?:[\w'’-]+\s+){0,3}?(?:slides?|deck|box|sidebar|caption|cards?|flashcards?|metadata|check|notes|memo|record"
                              r"|log|entry|outline|handout|poster|template|worksheet|write-?up|literature|lookup)"
                              r"(?:\s+for\s+[^:：?？.!]{1,40})?(?:[,\s]+(?:please|pls))?\s*[:：]\s*(?=\S)"
                              # ... or how to answer, as a prompt opens: "Summarize in one line: what …", "Answer yes/no: …"
                              r"|^\s*(?:summari[sz]e|answer|explain|respond|reply)(?:\s+(?:in\s+(?:one|a|1|two|2|a\s+single)\s+(?:line|sentence|word|paragraph)s?"
                              r"|briefly|yes\s*/\s*no|yes\s+or\s+no|with\s+(?:a\s+)?yes\s+or\s+no|only|please|pls))*\s*[:：]\s*(?=\S)"
                              r"|^\s*(?:i|we)(?:['’]d|\s+would)?\s+(?:want|like|plan|intend|hope|need|am\s+going|are\s+going)\s+to\s+"
                              r"(?:say|write|state|claim|mention|note|report)\s+(?:in\s+(?:my|our|the|a|an)\s+[\w-]+(?:\s+[\w-]+)?\s+)?that\s+", re.I)
# After the question, why the asker asks: "I need it for the grant report.", "Our reference manager
# needs it.", "Thanks!", "Sorry if this is obvious.", "Just checking before I cite it.", "For a
# newsletter I'm writing.", 資料に使いたいので。 -- words about the asker, which retrieval should not
# search for.
_ASIDE = re.compile(
    r"(?<=[?？])\s+(?=(?:i|i'm|i’m|i'd|i’d|i've|i’ve|we|we're|we’re|my|our|me|thanks|thank you|cheers|sorry|apologies"
    r"|just\s+(?:checking|curious|wondering|asking)|trying\s+to|(?:want|wanted|wanna|hoping|going|gonna|have|need|needs|planning)\s+to\s+(?!(?:know|find|see|get|check|confirm|learn|hear|ask)(?:\s+out)?\s+(?:the|a|an|its|their|exact|which|what|who|whom|when|where)\b)|(?:putting|using|adding|quoting|citing|sharing)\s+(?:it|this|that|them)|for\s+(?:a|an|the|my|our)|need(?:ed|s)?\s+(?:it|this|that|the|a|an)|(?:like\s+)?(?:give|send)\s+me|tl;?\s?dr"
    r"|asking\s+(?:for|because)|no\s+rush|much\s+appreciated|a\s+link\s+would)\b)[^?？]*$"
    r"|(?<=[?？])\s*[^?？]{1,40}(?:ので|ため|から)[。．!！]?\s*$"
    # ... or what the asker will do with it: レポートに名前書きたい, スライドに載せたいです
    r"|(?<=[?？])\s*[^?？]{1,30}(?:書き|使い|載せ|引用し|紹介し|まとめ|メモし|控え(?:てお)?き|入れ|記載し|のせ)たい"
    r"(?:です|んです|のです|んだけど|んですけど|と思って(?:います|る))?[。．!！]?\s*$", re.I)
# An aside that asks for more than the question ("I need the exact DOI.", "We want the sample
# size."): part of what is asked, whose words the evidence must hold.
_DEMAND = re.compile(r"\b(?:need|want|require|looking\s+for|(?:would|'d|’d)\s+like|give\s+me|send\s+me)\s+(?:the|a|an|its|their|exact|specific|precise|full|actual)\b", re.I)
# ... of which the thing asked for is the noun phrase after the demand, not the asker's purpose
# after it ("I need the exact date for my timeline": the date; "bc my poster needs one").
_DEMANDED = re.compile(r"(?:\s+(?:the|a|an|its|their|exact|specific|precise|full|actual|real|rough))*\s+((?:(?!(?:for|because|bc|so|to|too|also|as|since|please|pls|in|on|of|from)\b)[\w-]+\s*){1,3})", re.I)
# A leading clause about the asker's purpose: "For the credits on my worksheet, what is …".
_LEADING_ASIDE = re.compile(r"^\s*for\s+[^,?？]{0,60}?\b(?:my|our)\b[^,?？]{0,40},\s*(?=\w)", re.I)


# How the asker wants it said, after the question: "Explain it like I'm 15 please.", "ELI5", "in
# plain words please" -- no second question.
STYLE_ASKED = re.compile(r"\s*(?:(?:please|pls)\s+)?(?:explain|say|put|tell)\s+(?:it|this|that)\s+(?:to\s+me\s+)?(?:like|as\s+if)\s+(?:i['’]?m|i\s+am|to\s+a)\s+[\w\s-]{1,20}?"
                         r"(?:[,\s]+(?:please|pls|thanks))?\s*[.!?？]*\s*|\s*(?:eli5|in\s+(?:plain|simple)\s+(?:words|terms|english))(?:[,\s]+(?:please|pls))?\s*[.!?？]*\s*"
                         # "One line is enough.", "A sentence will do.", "Keep it short, please."
                         r"|\s*(?:(?:just\s+)?(?:one|a|a\s+single|single)\s+(?:line|sentence|word|paragraph)\s+(?:is|will|would)\s+(?:enough|fine|do|ok|okay)"
                         r"|(?:(?:please|pls)\s+)?(?:summari[sz]e|sum\s+(?:it|this|that)\s+up)(?:\s+(?:it|this|that))?(?:\s+in\s+(?:one|a|a\s+single|two|a\s+few)\s+(?:sentence|line|word|paragraph)s?)?"
                         r"|(?:in\s+)?(?:one|a\s+single)\s+(?:sentence|line)(?:\s+(?:summary|answer))?"
                         r"|keep\s+it\s+(?:short|brief|simple)"
                         # "Program name as written, please.", "Verbatim please": the exact words, no other thing
                         r"|(?:(?:the|its|their)\s+)?(?:[\w-]+\s+){0,2}(?:as\s+(?:written|printed|given|stated)|verbatim|word\s+for\s+word|exact\s+wording)"
                         r"|(?:a\s+)?(?:short|brief|quick)\s+answer\s+(?:is\s+)?(?:fine|ok|okay|please))"
                         r"(?:[,\s]+(?:please|pls|thanks))?\s*[.!?？]*\s*"
                         # 一文で要約して, ワンセンテンスでサマライズしてほしい, 三行でまとめてください
                         r"|\s*(?:一文|ひとこと|一言|ワンセンテンス|ワンライン|[一二三1-3１-３]行|短く|簡単に|手短に)で?(?:要約|まとめ|説明|サマライズ)?"
                         r"(?:して|て)(?:ほしい|欲しい|ください|下さい|もらえますか|くれ|ちょうだい)?(?:です)?\s*[。.!！?？]*\s*"
                         # 住民にも分かる言葉で, わかりやすく, 専門用語を使わずに: for whom, in what words
                         r"|\s*(?:[^。？?！!\s]{1,12}(?:にも|でも))?(?:(?:分かる|わかる|理解できる|伝わる)(?:ような|よう)?(?:言葉|表現|ことば)?[でに]?"
                         r"|やさしく|易しく|優しく|わかりやすく|分かりやすく|平易に|かみ砕いて|噛み砕いて|専門用語(?:を使わず(?:に)?|なしで))"
                         r"(?:説明|教え|まとめ)?(?:して|て)?(?:ほしい|欲しい|ください|下さい|もらえますか|くれ)?(?:です)?\s*[。.!！?？]*\s*", re.I)


# Where the asker heard of it (ニュースで…言うてる, 新聞で…記事を拝見した, "saw in the news", "heard on
# TV"): the medium is no word of the documents, which are what the asker asks about. Not a
# question about the medium itself ("Was it on TV?", テレビで紹介されたの？).
_HEARD_IN = re.compile(r"(?:先日の|この前の|昨日の|今朝の)?(?:ニュース|新聞|テレビ|ラジオ|ネット|ワイドショー|SNS|ツイッター)(?:の記事)?(?:で|によると|によれば)(?=[^。？?]{0,40}?(?:見|聞|読|知|言|話題|拝見|拝読))"
                       r"|(?:との|という)?記事を(?=拝見|拝読|読|見)"
                       r"|\b(?P<verb>saw|seen|see|heard|hear|read)(?P<what>(?:\s+(?:it|this|that|about\s+(?:it|this|that)))?)\s+(?:in\s+the\s+(?:news|papers?|newspapers?|media)"
                       r"|on\s+the\s+(?:news|radio)|on\s+(?:tv|television|twitter|reddit|facebook|instagram|tiktok|youtube))\b", re.I)


def without_heard_in(question: str) -> str:
    """The question without the medium the asker heard of it in (_HEARD_IN), the verb kept."""
    return _HEARD_IN.sub(lambda m: (m.group("verb") or "") + (m.group("what") or ""), question)


# Emoji, as Slack writes them (:thinking_face:, :sweat_smile:) and as pasted (🙏): a mood, no word asked.
_EMOJI = re.compile(r"(?<![\w:]):(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]{2,40}:(?![\w:])|[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+")


def without_emoji(text: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", _EMOJI.sub(" ", text)).strip() if _EMOJI.search(text) else text


_KANA = re.compile(r"[\u3041-\u30ff]")


def _without_request_ja(sentence: str) -> str:
    while (shorter := _REQUEST_JA.sub("", sentence).strip()) != sentence:
        sentence = shorter
    return sentence


def without_request(question: str) -> str:
    """What is asked, without the words of a polite request around it, nor where the asker heard
    of it (_HEARD_IN), nor its emoji; unchanged when little would be left ("Tell me more")."""
    rest = _OPENING_PURPOSE.sub("", _LETTER_FRAME.sub("", without_heard_in(without_emoji(question))))
    while (shorter := _REQUEST_EN.sub("", rest, count=1)) != rest:
        rest = shorter
    rest = _PREAMBLE_JA.sub("", _GREETING_JA.sub("", _FORMAT_EN.sub("", _PLEASE_EN.sub("", _PREFACE_EN.sub("", rest)))))
    rest = _VERBATIM_JA.sub("", rest)
    # (sentence after sentence: 患者会の事務局でございます。会報でご紹介したく…と考えております。表題は？ --
    # but the one before a question that points back stays)
    cuts = [rest]
    while own := _ASKERS_OWN_JA.match(cuts[-1]):
        cuts.append(cuts[-1][own.end():])
    rest = cuts[-2] if len(cuts) > 1 and _POINTS_BACK_JA.search(cuts[-1]) else cuts[-1]
    # (sentence by sentence: "発表元の法人名について確認させてください。冒頭と問い合わせ先とで…")
    sentences = [s for s in re.split(r"(?<=[。！!？?])", rest) if s.strip()]
    left = [_without_request_ja(s) if _KANA.search(s) else s for s in sentences]
    # (a sentence that loses its end before another that stays: 発信主体の確認です。… -> 発信主体。…)
    rest = "".join(r + ("。" if r and r != s and r[-1] not in "。！!？?" and any(left[i + 1:]) else "")
                   for i, (s, r) in enumerate(zip(sentences, left)))
    rest = rest.strip()
    return rest if re.search(r"\w{3,}\W+\w+|[\u3040-\u9fff]{3,}", rest) else question


# A message that is nothing but a request or a greeting ("Could you please tell me?", "Hi, can you
# help?", "Quick question", "Hello!", 教えてください): nothing is asked yet -- no question for the documents.
# ("Tell me more" continues a thread: a follow-up, read with the turn before it.)
ONLY_REQUEST = re.compile(
    r"\s*(?:(?:hi|hello|hey)(?:\s+there)?[!,.]*\s*)?(?:"
    r"(?:could|can|would|will)\s+(?:you|someone|anyone|somebody)\s+(?:please\s+)?(?:tell|help|answer|explain)"
    r"(?:\s+(?:me|us))?(?:\s+(?:something|anything|out|please))?"
    r"|(?:please\s+)?(?:tell|help)\s+(?:me|us)(?:\s+please)?|i\s+have\s+a\s+question|(?:a\s+)?quick\s+(?:one|question)|(?:a\s+)?question"
    r")\s*[?？.!！]*\s*"
    r"|\s*(?:hi|hello|hey|good\s+(?:morning|afternoon|evening))(?:\s+there)?\s*[!,.？?]*\s*|(?:こんにちは|おはようございます|こんばんは)[。！!]*\s*"
    r"|(?:すみません[、，,。]?\s*)?(?:なにか|何か)?(?:教えて(?:ください|下さい|もらえますか|くれますか|ほしい(?:です)?)?|質問(?:があります|です)|(?:よろしく)?お願いします)[。．！!？?]*\s*",
    re.I,
)


def without_aside(question: str) -> str:
    """The question without a closing aside about the asker (_ASIDE) or how to say it (STYLE_ASKED:
    "What is an exosome? Explain it like I'm 15."); unchanged when it has none."""
    rest = _ASIDE.sub("", _LEADING_ASIDE.sub("", question)).strip()
    clauses = _clauses(rest)
    if len(clauses) > 1 and not all(c.strip() and STYLE_ASKED.fullmatch(c) for c in clauses):
        rest = " ".join(_not_restated(asked_clauses(rest)))
    return rest.strip() or question


# What a restatement adds to the words asked before it: "Which grant program funded the work?
# Program name." asks for the program's name again.
_RESTATING = frozenset("name names title full exact official the a an its their".split())


def _not_restated(clauses: list[str]) -> list[str]:
    """The clauses without one that repeats earlier words only (its name, its title)."""
    from index.lexical import english_tokens

    kept: list[str] = []
    seen: set[str] = set()
    for clause in clauses:
        tokens = set(english_tokens(clause))
        if not (kept and tokens - _RESTATING and tokens - _RESTATING <= seen):
            kept.append(clause)
        seen |= tokens
    return kept


def _clauses(text: str) -> list[str]:
    return re.split(r"(?<=[?？])\s*", text)


def asked_clauses(text: str) -> list[str]:
    """Each question of a message, without a request for how to say it ("Explain it like I'm 15.")."""
    return [c for c in _clauses(text) if c.strip() and not STYLE_ASKED.fullmatch(c)]


# A paper "came out", 論文が出た: it was published (掲載された) -- no dictionary sense of "come" or 出る
# says so, and the documents say 掲載. Only a paper, a study, its results: a camera or a train that
# came out was released, and cells come out of dormancy.
_CAME_OUT = re.compile(r"\b((?:paper|article|study|research|result|finding|report|publication)s?\s+)(come|comes|came|coming)\s+out\b"
                       r"(?!\s+(?:of|from|with|on|in\s+favou?r)\b)", re.I)
_GOT = {"come": "get", "comes": "gets", "came": "got", "coming": "getting"}
_CAME_OUT_JA = re.compile(r"((?:論文|研究成果|成果|記事)(?:は|が|って)?(?:いつ|どこ(?:で|に|から)?)?)出(?=た|ま|て|る)")


# "…だっけ" (what was it again?): the asker's memory, said as a plain question (…の？): its kana
# pairs (だっ, っけ) are no words of any text, and weigh in ranking as if they were.
_REMEMBER_JA = re.compile(r"(ん|の)?(?:だったっけ|でしたっけ|だっけ|っけ)(?:[?？。!！]|\s)*$")


# Kansai speech, as the analyzer reads standard Japanese: the honorific はる after て (やってはった:
# was doing, read as 這う, to crawl), なんぼ (how many, how much), ほんま (really), ちゃう (isn't it).
_KANSAI = ((re.compile(r"(?:(?<=て)|(?<=んで))はった"), "いた"), (re.compile(r"(?:(?<=て)|(?<=んで))はって"), "いて"),
           (re.compile(r"(?:(?<=て)|(?<=んで))はる(?!か)"), "いる"), (re.compile(r"(?:(?<=て)|(?<=んで))はります"), "います"),
           (re.compile(r"なんぼ"), "いくつ"), (re.compile(r"ほんま"), "本当"), (re.compile(r"ちゃう(?=[のんかやわ？?]|$)"), "違う"))


# Spoken Japanese for overcoming a problem: なんとかする ("do something about", 何とかできる) -- a word
# no written text holds; written text says 克服 (抗がん剤が効かないのをなんとかする: 耐性を克服する).
_MANAGE_JA = re.compile(r"(?:なんとか|何とか)(?=する|して|し(?:た|ます)|でき|出来)")


# Keigo's copula and formal written interrogatives, said plainly: でございますか (ですか: its ござる
# is no verb any text holds), 如何なる (どのような), 如何に (どのように).
_GOZAIMASU = re.compile(r"(で)?ござい(ます|ました|ましょう|ません)")
_PLAIN_COPULA = {"ます": "す", "ました": "した", "ましょう": "しょう", "ません": "はありません"}  # で + this
_FORMAL_HOW = (("如何なる", "どのような"), ("如何に", "どのように"), ("如何ほど", "どれほど"))


def plainly(question: str) -> str:
    """The question with a phrase for publishing said as the documents say it, どうやって (how:
    its やって read as the verb 遣る, a word no text holds) as どのように, なんとかする as 克服する,
    and keigo's ございます and a formal 如何なる put plainly."""
    question = _CAME_OUT.sub(lambda m: m.group(1) + _GOT[m.group(2).lower()] + " published", question)
    question = _MANAGE_JA.sub("克服", question)
    question = _GOZAIMASU.sub(lambda m: "で" + _PLAIN_COPULA[m.group(2)] if m.group(1) else "あり" + m.group(2), question)
    for formal, plain in _FORMAL_HOW:
        question = question.replace(formal, plain)
    question = _REMEMBER_JA.sub(lambda m: "の？" if m.group(1) else "？", question)
    for kansai, standard in _KANSAI:
        question = kansai.sub(standard, question)
    return _CAME_OUT_JA.sub(r"\1掲載され", question).replace("どうやって", "どのように")


def judged_text(question: str) -> str:
    """What the evidence is judged by: the question without its request frame, and without a
    closing aside unless the aside asks for something more (_DEMAND), put plainly."""
    question = without_request(question)
    asked = without_aside(question)
    aside = question[len(asked):] if question.startswith(asked) else ""
    if m := _DEMAND.search(aside):
        wanted = _DEMANDED.match(aside, m.end())
        return plainly(asked + " " + wanted.group(1).strip() if wanted else question)
    return plainly(asked)


QUOTED = re.compile(r"『[^』]+』|「[^」]+」|“[^”]+”|\"[^\"]+\"")


# "link to the paper?", "Where can the article be read?": a published paper, whose link the
# documents give where they say which journal carried it, however they call it (掲載, 誌).
_PAPER = re.compile(r"\b(?:paper|article|publication|manuscript)s?\b|論文|原著", re.I)


def paper_link_asked(text: str) -> bool:
    return contact_asked(text) == "url" and bool(_PAPER.search(text))


def venue_asked(text: str) -> bool:
    """Which journal carried the work (VENUE_ASKED): a journal is asked for, no place, however the
    question says "where" (nor a contact address)."""
    return bool(VENUE_ASKED.search(text))


# -- what a question picks out: an identifier, a title, one of a kind, a name ------------------
# An identifier asked for by its acronym: "What's the DOI for the article?", "What is the ISSN of
# the journal?", 論文のDOIは？ -- the question hinges on it, however many of its other words are found.
ASKED_ACRONYM = re.compile(r"^\s*(?i:what(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?:the|its|their|his|her))\s+(?P<a>[A-Z]{2,}s?)\b(?=\s+(?:of|for|on|number)\b|\s*[?？]?\s*$)"
                           r"|の(?P<b>[A-Z]{2,})(?:は|って|を教えて)"
                           r"|^\s*(?:(?i:the)\s+)?(?P<c>[A-Z]{2,}s?)\s+(?i:of|for)\s+(?i:the|this|that|its|their)\b")  # "DOI of the original article?"
# A name asked for in the form such names take -- a microRNA's name is its miR number ("miR-what?",
# "the microRNA's actual name", "miR number", マイクロRNAの名前, miR-何番): the form asked, and the form said.
NAME_FORMS = (
    ("miR number", re.compile(r"\bmiR(?:-|\s+(?=number|no\b|#))(?:what|something|number|numbers|no\.?|#|x{1,3}|\?|何|○+|〇+|\d+)"
                              r"|\b(?:name|names|called)\b[^?.!？。]{0,30}\bmi(?:cro)?-?RNAs?\b(?!\s+(?:level|amount|target|profile)s?\b)"
                              r"|\bmi(?:cro)?-?RNA(?:['’]s)?\s+(?:actual\s+|exact\s+|specific\s+)?(?:name|number|id)s?\b"
                              r"|(?:マイクロ\s*RNA|miRNA|ｍｉＲＮＡ)の?(?:具体的な)?(?:名前|名称|ネーム|番号)", re.I),
     re.compile(r"\bmiR-?\d+|\blet-7", re.I)),
)
# An identifier asked for by what it numbers: "under what approval number?", "the ethics committee
# approval number", "the trial's registration number" -- the question hinges on the number's name
# (approval: 承認), which documents giving such a number hold. (Not a phone's or a fax's number,
# nor a volume's, an issue's or a page's: a contact line or a citation gives those bare.)
ASKED_IDENTIFIER = re.compile(r"\b(?P<name>(?!(?:phone|telephone|tel|fax|mobile|cell|contact|room|zip|postal|volume|vol|issue|page|article|"
                              r"the|a|an|its|their|what|which|any|same|that|this|total|round|whole|odd|even|lucky|prime|exact|specific|precise|approximate|rough|"
                              r"actual|final|real|overall|correct|right|official|current|latest|estimated|average|minimum|maximum|large|small|"
                              r"high|low|big|huge|growing|increasing|certain|given|different)\b)[a-z][\w-]*)\s+numbers?\b", re.I)
# ... and a statistic asked for by name ("the hazard ratio for late recurrence", the p-value, the
# sample size): a study reporting one names it (ハザード比, p値); its name's first word decides.
# A test's accuracy is asked the same way: its cut-off, its sensitivity and specificity (sens/spec;
# not a drug's sensitivity: specificity must be asked beside it), its AUC; カットオフ値, 閾値, 感度, 特異度.
ASKED_STATISTIC = re.compile(r"\b(?P<name>hazard|odds|risk)\s+ratios?\b|\b(?P<p>p)[\s-]?values?\b|\b(?P<ci>confidence)\s+intervals?\b"
                             r"|\b(?P<effect>effect)\s+sizes?\b|\b(?P<sample>sample)\s+sizes?\b"
                             # a journal's impact factor, a drug's side effects: asked by name, said by name
                             r"|\b(?P<impact>impact\s+factor)s?\b|\b(?P<side>side[\s-]+effects?)\b"
                             r"|\b(?P<cutoff>cut-?off|threshold)s?(?:\s+(?:values?|points?|levels?))?\b|\b(?P<auc>AUC|AUROC)s?\b"
                             r"|\b(?P<sens>sens(?:itivity)?)\s*(?:/|and|or|,|&)\s*(?P<spec>spec(?:ificity)?)\b|\b(?P<specificity>specificity)\b"
                             r"|(?P<cutoff_ja>カットオフ|閾値|しきい値)|(?P<sens_ja>感度)(?!の高い|が高い)|(?P<spec_ja>特異)度", re.I)
# ... and work in animals ("Was it shown in vivo, in what animal model? Mouse xenografts?", "How many
# mice were used?"): a study that did some says so (マウス, 動物実験, in vivo). The groups are the
# words that must all be absent.
ASKED_IN_ANIMALS = re.compile(r"\b(?:in\s+(vivo)|(xenografts?)|(murine)|(mice)|(mouse)|(rats?)|(animal)s?(?=\s+(?:models?|experiments?|stud(?:y|ies)|work|data|testing)\b))\b", re.I)
# A title or headline asked for ("What headline did Science's website use?", どんな見出しで): a line that
# is a title answers it, not a sentence that merely links to the site.
# (Not 課題名, a project's name, nor titles won: seven major titles, タイトル戦, タイトルを獲得.)
TITLE_ASKED = re.compile(r"\b(?:headlines?|headlined|title|titled)\b|タイトル(?!戦|を|獲得|保持|防衛|奪)|見出し|(?<!課)題名|表題", re.I)

# "Which X" asks to pick out a particular X: its answer names one (a proper noun, a title, a more
# specific kind of X such as 間葉系幹細胞 for "which cells"). Not "which of", "which is".
WHICH_EN = re.compile(
    r"\b(?i:which)\s+(?:(?:type|kind|sort|form|class|part|variety|group)s?\s+of\s+)?"  # which type of cancer: cancer
    r"(?:(?i:two|three|four|five|both|\d)\s+)?"  # (which two groups: groups -- how many is said, not asked)
    # (not a relative clause: "the research unit to which they belong", "the model in which the cells ...")
    r"(?!(?:of|one|ones|is|was|are|were|do|does|did|can|could|will|would|has|have|had"
    r"|they|it|he|she|we|you|i|the|this|these|those|that|its|their|his|her|our)\b)([a-z][\w-]*)(?:\s+([a-z][\w-]*))?"
)
# The words after "which" up to an auxiliary verb: a noun phrase, whose last words are its head.
NOUN_RUN = re.compile(r"((?:(?!(?:who|whom|whose|that|which|where|when)\b)[a-z][\w-]*\s+){2,5}?[a-z][\w-]*)(?=\s+(?:do|does|did|is|are|was|were|has|have|had|can|could|will|would|should|may|might|must)\b)", re.I)
WHICH_JA = re.compile(r"(?:どの|どこの)(?!よう|くらい|ぐらい|程度|位|辺|あたり)")
# "What is X called", "the name of X", 何と呼ばれるか, 何という: a name is asked for, as by "which X".
ASKS_NAME = re.compile(
    r"\bwhat (?:is|was|are|were) the (?:\w+ )?(?:name|names|nickname|title) (?:of|for|given to)\b"
    r"|^\s*(?:the )?(?:(?:exact|full|specific|actual|precise|official) )?names? of\b"
    r"|\bwhat (?:is|was|are|were) .+? (?:called|named)\b|\bwhat do (?:you|people|they|we) call\b"
    r"|^\s*(?:the\s+)?(?!(?:is|are|was|were|do|does|did|any|what|which|who|whose)\b)(?:[\w-]+\s+){1,2}names?\s*[?？]*\s*$"  # microrna name?
    r"|(?:名前|名称|愛称|呼び名|通称)(?:は(?:何|なん)|(?:は|って)?(?:[?？。]|\s*$))|何と(?:呼|い|名付)"
    # ... and whether it is given: 具体的な名前（miR-○○みたいな）って、どこかに書いてありますか
    r"|(?:名前|名称)(?:[（(][^）)]{0,30}[）)])?(?:は|って|が|も)[、,]?[^。？?]{0,20}?(?:書い|書か|載っ|記載|明記|出て|示さ)|何という|(?:何|なん)て(?:呼|名付|いう(?!て))", re.I)


# -- a choice the question offers ("human or mouse derived?", "a standalone therapy or an add-on?") --
# The question names the answers it will take: the documents must hold one of them, and the
# alternative they do not hold is no missing thing. "or so", "or not", "or more", "and/or" offer none.
_CHOICE_SKIP = frozenset("a an the as just only merely simply is it this that these those are they was were do does "
                         "did be being to in on by with for of some any maybe perhaps rather even really".split())
CATCH_ALL = frozenset("another other others else something anything whatever not neither both none no nothing "
                      "somewhere elsewhere someone anyone either all more less so two".split())
_CHOICE = re.compile(r",?\s+or\s+(?!so\b|not\b|more\b|less\b|two\b|nothing\b)", re.I)
_CLAUSE_END = re.compile(r"[?？!！.。;；:：,、\"“”()（）]")


def choices(question: str, reach: int = 3) -> list[tuple[list[str], list[str], bool]]:
    """For each "or" between two alternatives of an English question, the content words before and
    after it within its clause, nearest first (at most `reach` each side), lower-cased, and whether
    the nearest two stand right beside the "or" (an article between at most)."""
    out = []
    for m in _CHOICE.finditer(question):
        before = _CLAUSE_END.split(question[: m.start()])[-1]
        after = _CLAUSE_END.split(question[m.end() :])[0]
        left = [w.lower().strip("'") for w in re.findall(r"[A-Za-z][\w'-]*", before)][::-1]
        right = [w.lower().strip("'") for w in re.findall(r"[A-Za-z][\w'-]*", after)]
        if left and right and left[0].endswith("-") and "-" in right[0].strip("-"):
            # "pre- or post-menopausal": two answers that share the word after the hyphen -- without
            # it (menopausal), neither is there
            left[0] = right[0] = right[0].strip("-").split("-", 1)[1]
        # two words side by side ("human or mouse", "CD63 or a CD81") offer a choice between them;
        # "any patient impact or is this pure basic science" between two clauses
        tight = bool(left and right) and left[0] not in _CHOICE_SKIP and right[0] not in _CHOICE_SKIP - {"a", "an", "the"} \
            and (right[0] not in _CHOICE_SKIP or len(right) > 1 and right[1] not in _CHOICE_SKIP)
        left = [w for w in left if w not in _CHOICE_SKIP][:reach]
        right = [w for w in right if w not in _CHOICE_SKIP][:reach]
        if left and right:
            out.append((left, right, tight))
    return out


# -- what a question asks of a claim (a reason, a first, how sure, …), and how a sentence says it --
# Whether this is a first is asked ("Is this the first time anyone has shown …?", "did another group
# get there before them?", 世界初ですか): a sentence claiming priority (世界で初めて報告, 世界に先駆け,
# for the first time) answers, however many of the question's other words a neighbour holds.
PRIORITY_ASKED = re.compile(
    r"\bfirst\s+(?:time|report|study|group|team|ever|anywhere|in the world)\b|\bworld[- ]first\b"
    r"|\bfirst\b.{0,40}\b(?:anyone|anywhere|ever|in the world)\b"
    r"|\b(?:anyone|anybody|another (?:group|team|lab)|other (?:groups|teams|labs|researchers))\b.{0,40}\b(?:before|earlier|already|first)\b"
    r"|\b(?:novel|new)\s+(?:finding|discovery)\b|\b(?:ahead|in advance)\s+of\s+(?:anyone|anybody|everyone|everybody|the rest|other\s+\w+)\b"
    r"|世界初|世界で(?:初めて|はじめて|最初)|世界に先駆け|初めて(?:の|報告|明らか|解明|発見|示)|前例|これまでに(?:報告|例)", re.I)
PRIORITY_SAID = re.compile(r"世界で初めて|世界に先駆け|世界初|初めて(?:報告|明らか|解明|発見)|\bfor the first time\b|\bworld[- ]first\b|\bthe first to\b", re.I)
# How sure a claim is, is asked ("What does the study suggest …?", "proven, or just a hunch?",
# 証明されたのですか): a sentence that hedges its claim (可能性が示唆されました, 考えています,
# ではないか, may) says how sure it is. Not the asker's own "possibly", "likely" ("Could this
# possibly lead to new drugs?" asks what it leads to).
HEDGE_ASKED = re.compile(
    r"\b(?:suggests?|suggested|suggesting|hypothes[ie]s|hunch|speculat\w*|prove[nd]?|proof|conclude[sd]?|conclusion)\b"
    r"|示唆|証明|仮説|推測|結論", re.I)
HEDGE_SAID = re.compile(r"示唆|可能性|考えられ|考えてい|ではないか|推測|\b(?:suggests?|suggested|may|might|likely|possibl[ey])\b", re.I)
# What something aims at is asked (何を狙う薬, the drug's target, 狙いは): a sentence that names a target
# (マイクロRNAを標的とした薬剤) answers; the nearer sentence only says a drug will be developed.
TARGET_ASKED = re.compile(r"狙い|狙う|狙っ|標的|ターゲット|\btarget(?:s|ed|ing)?\b|\baim(?:s|ed)? (?:at|to)\b", re.I)
TARGET_SAID = re.compile(r"標的|狙|ターゲット|\btarget", re.I)
# Whether all or only part of something is meant ("Does every cell go dormant, or only part of
# them?", "What happens to some of the cells …?", すべての乳がん細胞が): the sentence saying it of a
# part (一部の乳がん細胞が) or of all (すべての) answers. Not "every year", "part of the study", 全部で (in all),
# "what are some of the applications?" (examples asked for).
PART_ASKED = re.compile(
    r"\bonly (?:some|part|a (?:subset|portion|fraction|few))\b|\bsubset\b|\bpart of them\b"
    r"|(?<!\bare )(?<!\bwere )(?<!\bme )(?<!\bus )\bsome (?:of (?:the|them|those)\b|(?!(?:of|time|years?|days?|examples?)\b)[a-z-]+\s+[a-z]+s\b)"
    r"|\bevery(?!\s+(?:\w+\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?|time|other|person))\s+[a-z]+"
    r"|\ball (?:of )?(?:the|them|those)\b|一部|一部分|(?:全て|すべて|全部)の", re.I)
PART_SAID = re.compile(r"一部|全て|すべて|\b(?:some|a subset|a portion|part of)\b", re.I)
# A comparison is asked ("Why do they compare the cells to blood-forming stem cells?", "what do they
# have in common", と同様に): a sentence that likens one thing to another (造血幹細胞と同様に, like)
# answers. Not 比較して (measured against), which reports a difference. A connection asked ("What's
# the connection to breast cancer?", 何の関係があるの) is answered by the likeness the text draws.
COMPARISON_ASKED = re.compile(
    r"\bcompar\w*|\bsimilar\w*|\bin common\b|\bresembl\w*|\banalog\w*|\bthe same (?:way|as)\b"
    r"|\blike (?:the |a |an )?[a-z-]+ (?:cells?|stem)|と同様|と同じ|似て|比べ|共通"
    r"|\bconnection\b|\brelationship\b|\bhave to do with\b|何の関係|どういう関係|どんな関係|関係があ|関係って|関係は", re.I)
COMPARISON_SAID = re.compile(r"と同様|と同じ|に似|同じように|のように|\b(?:similar(?:ly)?|like|likewise|just as|as do)\b", re.I)
# A likeness is asked ("stem-cell-like traits", "more like a stem cell", 幹細胞のような): a sentence
# saying what something is like (幹細胞様の性質, …のような) answers. Not 同様に (as … does), どのような
# (what kind of).
LIKENESS_ASKED = re.compile(
    r"\b[a-z]+(?:-[a-z]+)*-like\b|\bmore like (?:a |an |the )?[a-z-]+|\b[a-z]+-ish\b|(?<!同)様(?:の|な)|みたいな|っぽい"
    r"|のような(?:性質|特徴)", re.I)
LIKENESS_SAID = re.compile(r"(?<!同)(?<!模)(?<!多)様(?:の|な)|(?<![どこそあ])のような|\b[a-z]+-like\b", re.I)
# What something holds is asked ("What do the exosomes carry?", "what's inside them", its cargo, エクソ
# ソームの中身は？): a sentence saying what it contains (エクソソームに含まれるマイクロRNA, "contained in")
# answers, not one that only names it.
CONTENTS_ASKED = re.compile(
    r"\bwhat\s+(?:do|does|did)\s+(?:[\w-]+\s+){1,4}carry\b(?!\s+out)|\b(?:contain(?:s|ed|ing)?|cargo|payload|loaded\s+with|packed\s+with)\b"
    r"|\bwhat(?:['’]s|\s+is|\s+are)\s+(?:in|inside)\s+(?:the|an?|these|those|them|it)\b"
    r"|中身|含ま|含んで|含む|入って|(?<![がはの])中に(?:は)?(?:何|なに|どんな)|運んで|運ぶ|積んで|載せて", re.I)
CONTENTS_SAID = re.compile(r"に含まれ|を含む|を含ん|内包|に入って|を運|を積|\b(?:contain(?:s|ed|ing)?|carr(?:y|ies|ied|ying)|loaded with|packed with)\b", re.I)
# What the work means for patients is asked ("What does this mean for patients?", "How might this
# help patients?", "any patient impact?", 患者さんにどう役立つの？): a sentence saying what use is
# expected of it (応用が期待されます, 治療開発, モニタリング; "could lead to new treatments") answers,
# not the background sentence about patients' worries.
BENEFIT_ASKED = re.compile(
    r"\b(?:mean|means|meaning|help|helps|benefit|benefits|impact|implications?|matter|good|useful|use|value|significance|relevance)\b[^?？.]{0,30}\b(?:patients?|clinic|clinical|people|sufferers|women|treatment|care)\b"
    r"|\b(?:patients?|clinical)\b[^?？.]{0,12}\b(?:impact|benefit|implications?|relevance|significance|takeaway)\b"
    r"|\bwhy\s+(?:should|would|do(?:es)?)\s+(?:i|we|they|you|anyone|she|he|patients?|people|readers|listeners|survivors)\s+care\b"
    r"|患者[^？?。]{0,8}(?:いい|良い|よい|何が)|患者[^？?。]{0,16}(?:役立|役に立|意味|メリット|恩恵|影響)", re.I)
BENEFIT_SAID = re.compile(r"応用が期待|期待され|期待でき|役立|モニタ|治療(?:法|戦略)?(?:の)?開発|新たな治療法|\b(?:could|may|might)\s+(?:lead|help|allow|enable)\b|\bapplications?\b", re.I)
# Where something comes from is asked ("Where do the exosomes come from?", エクソソームってどこから来て
# るの？, エクソソームを出しているのは何の細胞？): a sentence saying what secretes or releases it, or
# what it derives from (間葉系幹細胞が分泌する, 由来の), answers -- not one that only says it arrives.
SOURCE_ASKED = re.compile(
    r"\b(?:come|comes|came|coming)\s+from\b|\boriginat\w*|\bsource\s+of\b(?!\s+(?:funding|the\s+funding|money))|どこから(?:来|く|き|出|生|作)|(?:出して|作って|放出して|分泌して)(?:いる|る)の(?:は|って)"
    r"|何(?:の|という)細胞(?:が|から)", re.I)
SOURCE_SAID = re.compile(r"由来|が分泌|が放出|が産生|が作り出|\b(?:derived|secreted|released|produced)\s+(?:from|by)\b", re.I)
# Who made or is credited for a picture ("Who is credited for the cover image?", "who else gets credit
# besides the illustrator", 表紙の画像は誰が作ったの？): the credit line that names them ([Image: …],
# Photo:, 画像提供) answers -- little of the question's wording is in it, and it is near nothing in meaning.
CREDIT_ASKED = re.compile(r"\bcredit(?:s|ed)?\b|\billustrat\w*|\bartists?\b|\bphotographer\b|\b(?:made|drew|drawn|designed|created)\s+the\s+(?:\w+\s+)?(?:image|picture|pic|illustration|artwork|art|cover)\b"
                          r"|クレジット|画像提供|写真提供|(?:画像|イラスト|写真|表紙)(?:を|は)(?:誰|だれ|どこ)が(?:作|描|撮|制作)", re.I)
CREDIT_SAID = re.compile(r"\[\s*(?:Image|Photo|Illustration|Picture|Credit)s?\s*:|\b(?:Image|Photo|Illustration)\s+(?:credit|courtesy)\b|画像提供|写真提供|イラスト(?:：|:)", re.I)
# Earlier work asked ("Has this lab done anything with exosomes before?", "their previous research",
# この研究チームの以前の成果は？): a sentence saying what they had done so far (これまでも, 以前) answers.
PRIOR_ASKED = re.compile(r"\b(?:done|did|shown|published|worked|studied|used|found)\b[^?？]{0,40}\bbefore\b|\bpreviously\b|\b(?:previous|prior|earlier|past)\s+(?:work|research|studies|study|findings?|results?|papers?|projects?)\b"
                         r"|\bbefore\s+(?:this|now)\b(?!\s+(?:study|research|work|paper),)|(?:以前|これまで|過去|前)の(?:研究|成果|業績)|以前に(?:も)?|これまでに", re.I)
PRIOR_SAID = re.compile(r"これまでも|これまでに|以前(?:に|から|より)|過去に|\bpreviously\b|\bhad\s+(?:already\s+)?(?:shown|reported|developed|found)\b", re.I)
REASON_ASKED = re.compile(r"^\s*why\b|\bwhy (?:is|are|was|were|do|does|did|can|could|would|should|has|have|might|will)\b"
                          r"|\bfor what reason\b|\bwhat (?:is|was|are|were) the reasons?\b|なぜ|どうして|なんで|理由|わけは", re.I)
# A sentence that says why: ため, ので, ことから, そこで, 理由, 原因, a causal から (after a verb's or the
# copula's ending: 〜たから, ですから -- not 骨髄から, "from"), because, so that, therefore (not "since", as
# often "since 1990").
REASON_SAID = re.compile(r"ため|(?:[たるいだす]|です|ます)から(?!の)|ので|ことから|そこで|理由|原因"
                         r"|\b(?:because|so that|therefore|due to|as a result|in order to)\b", re.I)


# Which journal carried the work ("Which journal was it published in?", "Where was the paper
# published?", 論文はどの雑誌に載ったの？, 掲載誌は？, どこで発表) -> the sentence saying where it was
# published (…ジャーナル Science Signaling（電子版）に7月1日付けで掲載されました), not a heading that
# names the journal (【Science誌 HP上での紹介】). A "where" of this kind asks for no place
# (venue_asked), and a question that leaves the journal unsaid asks for one (bot.qa.query).
VENUE_WHERE = re.compile(r"\bwhere\b(?:\W+\w+){0,6}?\W+(?:published|appeared|appear|printed)\b|どこ(?:に|で)(?:掲載|載|発表|発行)", re.I)
VENUE_ASKED = re.compile(r"\b(?:which|what)\s+(?:(?:scientific|academic|medical|science|peer-reviewed)\s+)?(?:journal|magazine|periodical|publication)s?\b"
                         r"|\bjournal\b.*\b(?:published|appeared|printed|came out)\b|\b(?:published|appeared|printed|came out)\b.*\bjournal\b"
                         r"|(?:どの|どこの|何という|なんて|何の)(?:雑誌|ジャーナル|学術誌|専門誌|科学誌|誌)|掲載誌|(?:雑誌|ジャーナル|学術誌)(?:は|って|名)"
                         r"|" + VENUE_WHERE.pattern, re.I)
VENUE_SAID = re.compile(r"掲載され|に掲載|\bpublished\s+(?:in|on|online)\b|\bappeared\s+in\b"
                        r"|[（(](?-i:[A-Z][\w&-]*)(?:\s+(?-i:[A-Z][\w&-]*)){0,5}\.?\s*(?:19|20)\d\d", re.I)  # (Nature Communications. 2013


# Which volume and issue carried the paper ("volume & issue # of the paper?", 何巻何号): the line
# that gives them -- a citation's link (…/cgi/content/full/sigtrans;7/332/ra63: volume 7, issue
# 332), "Vol. 7, No. 332", 第7巻 -- not the journal's name alone.
ISSUE_ASKED = re.compile(r"\bvolume\b|\bvol\.|\bissue\s*(?:#|no\b|number)|\b(?:and|&)\s+issue\b|\bissue\s+(?:and|&)\b|何巻|巻号|何号|号数", re.I)
ISSUE_SAID = re.compile(r";\s*\d+/\d+/|\bvol(?:ume)?\.?\s*\d+|\bno\.\s*\d+|第?\s*\d+\s*巻|\d+\s*号", re.I)


# What was not known is asked ("Before this study, what was still not known?", "what gap did it
# address?", 何が分かっていなかったの): the sentence that says so (分かっていませんでした, unknown).
# (Not the asker's own "I don't understand", 意味がわからない: what the documents did not know.)
UNKNOWN_ASKED = re.compile(r"\b(?:not|n['’]t)\s+(?:yet\s+|still\s+|been\s+)?(?:known|understood|explained)\b"
                           r"|\bunknown\b|\bunclear\b|\bgaps?\s+in\s+(?:knowledge|understanding)|\bknowledge\s+gaps?\b|\bmystery\b|\bopen\s+questions?\b"
                           r"|分かっていなかった|わかっていなかった|分かっていない|わかっていない|未解明|不明|謎", re.I)
UNKNOWN_SAID = re.compile(r"分かっていません|わかっていません|分かっていなかった|わかっていなかった|不明|明らかになっていな|解明されていな|未解明"
                          r"|\bunknown\b|\bnot\s+(?:yet\s+)?(?:known|understood|clear)\b", re.I)


# What a question asks of a claim, and how a sentence says it, per kind: the answer step adds
# tuning.w_<kind> to a sentence that says what the question asks (bot.qa.answer.select).
CLAIM_FORMS = {
    "reason": (REASON_ASKED, REASON_SAID),
    "priority": (PRIORITY_ASKED, PRIORITY_SAID),
    "hedged": (HEDGE_ASKED, HEDGE_SAID),
    "target": (TARGET_ASKED, TARGET_SAID),
    "part": (PART_ASKED, PART_SAID),
    "comparison": (COMPARISON_ASKED, COMPARISON_SAID),
    "likeness": (LIKENESS_ASKED, LIKENESS_SAID),
    "contents": (CONTENTS_ASKED, CONTENTS_SAID),
    "benefit": (BENEFIT_ASKED, BENEFIT_SAID),
    "source": (SOURCE_ASKED, SOURCE_SAID),
    "credit": (CREDIT_ASKED, CREDIT_SAID),
    "prior": (PRIOR_ASKED, PRIOR_SAID),
    "venue": (VENUE_ASKED, VENUE_SAID),
    "issue": (ISSUE_ASKED, ISSUE_SAID),
    "unknown": (UNKNOWN_ASKED, UNKNOWN_SAID),
}


# "What's the first application Dr. Tamura anticipates?", 田村先生の言う2つ目の応用って何ですか: the
# question asks for one item of an enumeration, which the text opens with its ordinal (ひとつ目は、…
# 二つ目は、…; First, … Second, …). Not "the first time", "the first author", 世界で初めて.
_ORDINALS_EN = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5}
_KANJI_DIGITS = "〇一二三四五六七八九"
_KANA_COUNTS = {1: "ひと", 2: "ふた", 3: "みっ", 4: "よっ", 5: "いつ"}  # (+ つ目)
_ORDINAL_WORDS = {n: word for word, n in _ORDINALS_EN.items() if word.isalpha()}  # 2: "second"
_ORDINAL_ASKED_EN = re.compile(
    r"\b(?:the|its|his|her|their|a)\s+(?P<n>first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th)\s+"
    r"(?!(?:time|times|author|authors|place|year|years|day|days|week|month|case|cases|report|ever|one|ones|person|people|patient|patients|study|studies)\b)"
    r"(?P<noun>[a-z][a-z-]+)", re.I)
_ORDINAL_ASKED_JA = re.compile(r"(?:(?:(?P<d>[1-5１-５])|(?P<k>[一二三四五]))(?:つ目|番目|点目|個目)|(?P<h>" + "|".join(_KANA_COUNTS.values())
                               + r")つ目)|第(?:(?P<d2>[1-5１-５])|(?P<k2>[一二三四五]))(?:の|に|は)")


def ordinal_asked(question: str) -> int | None:
    """The place in an enumeration the question asks for (1 for "the first application"), or None."""
    if m := _ORDINAL_ASKED_EN.search(question):
        return _ORDINALS_EN[m.group("n").lower()]
    if m := _ORDINAL_ASKED_JA.search(question):
        d = m.group("d") or m.group("d2")
        k = m.group("k") or m.group("k2")
        if d:
            return int(unicodedata.normalize("NFKC", d))
        if k:
            return _KANJI_DIGITS.index(k)
        return next(n for n, kana in _KANA_COUNTS.items() if kana == m.group("h"))  # (ひと: 1)
    return None


def opens_with_ordinal(text: str, n: int) -> bool:
    """The sentence opens with the n-th item's ordinal: ひとつ目は / 一つ目は / 1つ目 / 第一に / 一番目 /
    First, / Firstly / Secondly."""
    head = unicodedata.normalize("NFKC", text.lstrip(" 　「『（(・-–•*"))[:12]
    digit, kanji, kana = str(n), _KANJI_DIGITS[n], _KANA_COUNTS[n]
    if re.match(rf"(?:{digit}|{kanji})(?:つ目|番目|点目|個目)|{kana}つ目|第(?:{digit}|{kanji})(?:に|は|の|、)", head):
        return True
    return bool(re.match(rf"{_ORDINAL_WORDS[n]}(?:ly)?\b", head, re.I))

"""Near misses (issue #11): the documents are on the topic but lack the asked fact. The pipeline
must abstain instead of quoting the closest sentence -- a number in another unit, a year of another
event, a passage about another planet -- and still answer the same kinds of question when the fact
is there. Real store, real retrieval and real answer selection over a few small paragraphs."""

from __future__ import annotations

import pytest

from bot.qa.answer import answer_kind, answer_unit, fits_unit
from bot.qa.tuning import AnswerTuning
from tests.conftest import run_qabot

DOCS = {
    "tsutenkaku.txt": "通天閣\n通天閣(つうてんかく)は、大阪市浪速区の新世界にある展望塔である。現在の塔は1956年に完成した二代目で、高さは108メートルである。設計は建築構造学者の内藤多仲が担当した。展望台には、足の裏をなでると願いがかなうとされるビリケン像が置かれている。\n",
    "venus.txt": "金星\n金星(きんせい)は、太陽系で太陽から2番目に近い惑星である。自転周期は約243日で、公転周期の約225日よりも長い。厚い二酸化炭素の大気に覆われ、表面温度は約460℃に達する。\n",
    "mars.txt": "火星\n火星(かせい)は、太陽系で太陽から4番目に近い惑星である。表面は酸化鉄を含む赤い土に覆われ、オリンポス山という巨大な火山がある。\n",
    "ino.txt": "伊能忠敬\n伊能忠敬(いのう ただたか)は、江戸時代の商人・測量家である。1745年に上総国で生まれ、佐原の伊能家に婿入りして家業の酒造業を立て直した。隠居した後に江戸で天文学と暦学を学び、全国を歩いて測量し、精密な日本地図の作成に取り組んだ。\n",
    "toyotomi.txt": "豊臣秀吉\n豊臣秀吉(とよとみ ひでよし)は、戦国時代から安土桃山時代の武将である。1582年に本能寺の変が起きると、山崎の戦いで明智光秀を討った。その後大坂城を築き、1585年に関白、翌年には太政大臣に就任した。1590年に小田原の北条氏を滅ぼし、全国統一を果たした。1598年に伏見城で亡くなった。\n",
    "biwa.txt": "Lake Biwa\nLake Biwa is the largest freshwater lake in Japan, located in Shiga Prefecture. It covers an area of about 670 square kilometres. The lake supplies drinking water to the cities of Kyoto and Osaka.\n",
}


@pytest.fixture(scope="module")
def near_miss_pipeline(tmp_path_factory):
    from bot.config import Settings
    from bot.qa.pipeline import Pipeline

    root = tmp_path_factory.mktemp("nearmiss")
    docs = root / "docs"
    docs.mkdir()
    for name, text in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    store = root / "store"
    result = run_qabot("ingest", str(docs), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return Pipeline(Settings(store=store))


def test_the_unit_a_number_question_asks_in():
    assert answer_unit("通天閣の高さは何メートルか?") == "length"
    assert answer_unit("震災で亡くなった人は何人か?") == "people"
    assert answer_unit("How many people live on the island?") == "people"
    assert answer_unit("How much did the console cost when it went on sale?") == "money"
    assert answer_unit("花火は何発打ち上げられるか?") == ":発"  # a counter with no class of its own
    # a noun that counts people asks in 人, however vaguely the amount is asked
    assert answer_unit("熊本城の年間の入場者数はどのくらいですか?") == "people"
    assert answer_unit("年間どれくらいの観光客が訪れるか?") == "people"
    assert (answer_kind("大阪の人口は何万人か?"), answer_unit("大阪の人口は何万人か?")) == ("number", "people")
    assert answer_unit("How many professional shogi players are there today?") == "people"
    assert answer_unit("How many steps do visitors climb to the deck?") == "count"  # steps are counted
    assert answer_unit("いつ完成したか?") is None
    assert answer_unit("伊能忠敬が生まれたのは何年か?") == "year"  # a year, not 江戸時代
    # 何 before a word that is no counter asks "which": not a number question at all
    assert answer_unit("この碑文は何語で書かれているか?") is None and answer_kind("この碑文は何語で書かれているか?") is None
    assert answer_kind("何色の花が咲くか?") is None
    # "what year ... the number of visitors": a year is asked for, not a count
    assert answer_kind("In what year did the number of visitors pass 100 million?") == "date"
    # いつ and だれ inside other words (温かいつゆ, なだれ) ask nothing
    assert answer_kind("温かいつゆで食べる料理を何というか?") is None
    assert answer_kind("なだれで埋まった村はどこか?") is None
    # 何時間 / 何立方メートル ask for a quantity: a length of time, a volume -- not a time of day
    assert (answer_kind("東京駅から新青森駅までは最短で何時間かかるか?"), answer_unit("東京駅から新青森駅までは最短で何時間かかるか?")) == ("number", "time")
    assert answer_kind("河口付近での平均流量は毎秒何立方メートルか?") == "number"
    assert answer_kind("何時に開場するか?") == "date"
    # 何年も, 何人もの: "many years / people" asks no number or year; 何年後 asks a number of years
    assert answer_kind("術後何年もたってからの再発は、患者さんにとってどんな問題なの？") is None
    assert answer_unit("術後何年もたってからの再発は、患者さんにとってどんな問題なの？") is None
    assert answer_kind("何人もの研究者が関わったのはなぜか?") is None
    assert (answer_kind("手術から何年後に再発しますか?"), answer_unit("手術から何年後に再発しますか?")) == ("number", "time")
    # copies, volumes, poems are counters too; a counter with 数 (本数, 台数, 部数) asks in that counter
    assert answer_unit("『解体新書』の初版は何部印刷されたか?") == ":部"
    assert answer_unit("腕時計の年間生産本数はどのくらいか?") == ":本"
    assert answer_unit("発行部数はどれくらいか?") == ":部" and answer_unit("参加人数はどのくらいか?") == "people"
    # a quoted title asks nothing: だれ of 『みだれ髪』, 誰 of 『誰も知らない』
    assert (answer_kind("『みだれ髪』に収められた短歌は何首か?"), answer_unit("『みだれ髪』に収められた短歌は何首か?")) == ("number", ":首")
    assert answer_kind("映画『誰も知らない』が公開されたのはいつか?") == "date"


def test_a_length_of_time_and_a_temperature_are_asked_in_their_units():
    """何年くらい / 何年かかった ask how many years (not which year); 何℃ and "the boiling point" a
    temperature, which 約21パーセント does not give."""
    assert (answer_kind("ツキノワグマの平均寿命は何年くらいか?"), answer_unit("ツキノワグマの平均寿命は何年くらいか?")) == ("number", "time")
    assert answer_unit("完成までに何年かかったか?") == "time"
    assert answer_unit("何年ごろに建てられたか?") == "year"  # around which year: still a year
    assert (answer_kind("酸素の沸点は何℃か?"), answer_unit("酸素の沸点は何℃か?")) == ("number", "temperature")
    assert answer_unit("What is the boiling point of oxygen?") == "temperature"
    assert fits_unit("temperature", "沸点はマイナス183℃である")
    assert not fits_unit("temperature", "大気の体積の約21パーセントを占める")
    # a kanji numeral and a unit inside a longer word count no time: 三日月 is no three days
    assert not fits_unit("time", "胸に三日月形の白い斑紋がある") and not fits_unit("time", "四日市に住む")
    assert fits_unit("time", "三日間続く") and fits_unit("time", "寿命は二十年ほどである")
    # a calendar year or a day of the month dates something; it measures no length of time
    assert not fits_unit("time", "生息数は2010年代後半に回復した") and not fits_unit("time", "1933年9月21日に死去した")
    assert fits_unit("time", "完成までに1000年以上かかった") and fits_unit("time", "寿命は20年ほどである")


def test_how_often_is_answered_by_a_count_or_an_interval():
    """"How often is it rebuilt" is answered by おおむね20年ごとに as well as by 年に2回; 何年ごとに
    asks how often, not which year; a calendar year says neither."""
    for q in ("How often is Kasuga Grand Shrine rebuilt?", "社殿は何年ごとに建て替えられるか?", "式年遷宮は何年に一度行われるか?"):
        assert (answer_kind(q), answer_unit(q)) == ("number", "frequency"), q
    assert fits_unit("frequency", "おおむね20年ごとに社殿を修繕・建て替える") and fits_unit("frequency", "年に2回開かれる")
    assert not fits_unit("frequency", "2016年に第60次式年造替が行われた")
    assert answer_unit("How many times did he win?") == "times"


def test_a_latin_unit_before_japanese_text_is_a_unit():
    """1,500mで, 28m先, 5kgの: \\b does not end a Latin unit before kana or kanji (both are word
    characters), so the height was read as a bare count."""
    assert fits_unit("length", "標高は約1,500mで、国立公園の一部をなす") and fits_unit("length", "28m先に置かれた的")
    assert fits_unit("weight", "体重は約5kgほどである") and not fits_unit("count", "標高は約1,500mである")
    assert fits_unit("length", "a height of 1,500 m above sea level") and not fits_unit("length", "約3,000人が訪れる")


def test_a_number_fits_only_in_the_unit_asked_for():
    assert fits_unit("length", "高さは108メートルである")
    assert not fits_unit("people", "面積は約712平方キロメートルである")
    assert fits_unit("people", "累計1億8,000万人以上が来場している")
    assert not fits_unit("people", "2006年には日本100名城の一つに選ばれた")  # 名 of 名城 counts no visitors
    assert fits_unit("people", "約1,300名以上が参加した") and fits_unit("people", "参加者は30名。")
    assert fits_unit("people", "The first race was held in 1981 with about 7,000 runners.")  # runners are people
    assert answer_unit("How many athletes took part?") == "people"
    assert fits_unit("money", "1匹が3億3,360万円で落札された")
    assert fits_unit("money", "it sold for $199 in 1983")
    assert not fits_unit("count", "体長は120〜180センチメートルである")  # a range of lengths counts nothing
    assert fits_unit("count", "139本のケヤキの柱で支えられている")
    assert fits_unit(":段", "最高位は八段である")  # a kanji numeral before a counter of its own
    assert not fits_unit(":発", "約100隻の船が行き交う")
    # 何点 ("how many points") is answered by a count made the native way, the counter after it
    assert answer_unit("田村医師は、乳がん治療への応用が何点期待できると述べていますか？") == ":点"
    assert fits_unit(":点", "乳がん治療の観点からは二つの点で応用が期待されます。")
    assert not fits_unit(":点", "二つの理由で応用が期待されます。") and not fits_unit(":点", "観点からは応用が期待されます。")


def test_a_measure_asked_for_by_name_is_a_number_question():
    """"What is the depth of …" asks for a quantity as surely as "how deep"; "the stock price", a sum."""
    assert (answer_kind("What is the maximum depth of Lake Michigan?"), answer_unit("What is the maximum depth of Lake Michigan?")) == ("number", "length")
    assert answer_unit("What is the stock price of the company?") == "money"
    assert answer_kind("What is the survival rate of breast cancer patients?") == "number"
    assert answer_kind("What is the research area of the group?") is None  # an area of research is no measure
    assert answer_kind("What is the area of Lake Biwa?") == "number"
    assert answer_kind("What is the mass of Mercury compared with that of Earth?") == "number"
    assert fits_unit("length", "直径 100 nm の顆粒") and not fits_unit("count", "直径 100 nm の顆粒")
    # ... and the price of a thing, a fold change or a p-value, however tersely asked
    assert (answer_kind("price of the exosome blood test"), answer_unit("price of the exosome blood test")) == ("number", "money")
    assert answer_kind("By what fold change was the microRNA elevated?") == answer_kind("what was the p-value?") == "number"
    assert answer_kind("Which prize did he win?") is None and answer_kind("the cost-benefit case for screening") is None
    # ... and a grant's or a budget's amount: a sum (release-probes34 quoted the contact block's numbers)
    for question in ("what is the budget amount of it, per year?", "What was the grant amount?", "What was the size of the grant?"):
        assert (answer_kind(question), answer_unit(question)) == ("number", "money"), question
    # ... and a ratio, a test's sensitivity and specificity: a percentage (release-probes34's near misses)
    for question in ("Exactly what ratio, like 10% or 30%?", "for the colorectal cancer exosome test, what is its sensitivity and specificity?"):
        assert (answer_kind(question), answer_unit(question)) == ("number", "percent"), question
    assert answer_kind("What is the sensitivity of the cells to chemo?") is None  # a drug response, no measure asked


def test_a_clause_about_what_is_said_asks_no_date_and_a_big_deal_no_size():
    """"When they say the cells are dormant, what does that mean?" asks what it means, not when;
    "how big of a deal this is" asks how much it matters, not a size."""
    assert answer_kind("When they say the cancer cells are dormant, what does that mean?") is None
    assert answer_kind("When the release talks about dormancy, is it permanent?") is None
    assert answer_kind("When was the paper published?") == answer_kind("When did they say it was published?") == "date"
    assert answer_kind("Did any doctor comment on how big of a deal this is?") is None
    assert answer_kind("how much of a difference does it make") is None
    assert answer_kind("How big are exosomes?") == answer_kind("how much money did it cost?") == "number"


def test_a_length_asked_as_what_diameter_and_support_asked_as_whose():
    """"What diameter does the release give for the particles?" asks a length, as "what is the
    diameter" does; 本研究が支援を受けた研究課題の名称 asks whose support the work had (a funder), as
    研究費はどこから does."""
    question = "We need the precise number: what diameter does the release give for the particles?"
    assert (answer_kind(question), answer_unit(question)) == ("number", "length")
    assert answer_kind("what height of the tower") is None  # (a height of: no figure asked)
    assert answer_kind("本研究が支援を受けた研究課題の名称をご教示ください。") == "funding"
    assert answer_kind("患者さんへの支援はありますか？") is None


def test_which_person_is_asked_for_as_by_who():
    """"Which film director", どの力士, 明のどの皇帝: a person is wanted, and a sentence naming none
    cannot answer; "which drug" or どの季節 want no person."""
    for q in ("Which film director adapted the stories?", "Which Zen monk did he invite from China?",
              "大相撲の最多優勝記録を持つのは、どの力士か?", "称号を与えたのは、明のどの皇帝か?"):
        assert answer_kind(q) == "person", q
    for q in ("Which drug was tested?", "どの季節に咲くか?", "Which company made it?", "どの人々が住んでいたか?"):
        assert answer_kind(q) is None, q
    # the name of a person by relation asks for a person (and so the role check applies)
    for q in ("坂本龍馬の母親の名前は何か?", "What was the name of Hokusai's daughter?"):
        assert answer_kind(q) == "person", q
    assert answer_kind("この寺の名前は何か?") is None and answer_kind("What is the name of the river?") is None
    # a yes/no question's "who" after a noun is a relative pronoun; after a verb of telling it asks
    assert answer_kind("Is the president of the centre one of the researchers who did this study?") is None
    assert answer_kind("Was the doctor who commented on the findings also an author?") is None
    assert answer_kind("Do you know who made the cover image?") == "person"


def _ask(pipeline, question):
    answer = pipeline.ask(question)
    return answer.abstained, answer.answer


@pytest.mark.parametrize(
    "question, expected",
    [
        ("通天閣の高さは何メートルか?", "108メートル"),
        ("通天閣を設計したのは誰か?", "内藤多仲"),
        ("金星の自転周期はどれくらいか?", "243日"),
        ("伊能忠敬が生まれたのは何年か?", "1745年"),
        ("How large is Lake Biwa?", "670 square kilometres"),
        ("In which prefecture is Lake Biwa?", "Shiga Prefecture"),
    ],
)
def test_answerable_questions_of_each_kind_are_answered(near_miss_pipeline, question, expected):
    abstained, text = _ask(near_miss_pipeline, question)
    assert not abstained, text
    assert expected in text


def test_a_number_in_another_unit_is_no_answer(near_miss_pipeline):
    """The passage gives the tower's height in metres and a year, not how many people it holds."""
    abstained, text = _ask(near_miss_pipeline, "通天閣の展望台には何人が入れるか?")
    assert abstained, text


def test_an_area_is_not_a_head_count(near_miss_pipeline):
    abstained, text = _ask(near_miss_pipeline, "How many people visit Lake Biwa each year?")
    assert abstained, text


def test_a_year_of_another_event_is_no_answer(near_miss_pipeline):
    """The passage dates his birth, not the map: the only year sits in a sentence about something else."""
    abstained, text = _ask(near_miss_pipeline, "伊能忠敬が日本地図を完成させたのは何年か?")
    assert abstained, text


@pytest.mark.parametrize("question", ["In what year did Toyotomi Hideyoshi complete Osaka Castle?",
                                      "豊臣秀吉が大坂城を完成させたのは何年か?"])
def test_a_year_in_a_clause_about_another_event_is_no_answer(near_miss_pipeline, question):
    """その後大坂城を築き、1585年に関白: the castle and the year share a sentence, not a clause. The
    clause holding 1585 says nothing of building, and is not close to the question in meaning."""
    from bot.qa.pipeline import ExtractiveAnswerer, Pipeline
    from bot.qa.tuning import AnswerTuning

    abstained, text = _ask(near_miss_pipeline, question)
    assert abstained, text
    # the clause check, and nothing else, abstains
    without = Pipeline.sharing(near_miss_pipeline, answerer=ExtractiveAnswerer(AnswerTuning(min_event_clause_ratio=0)))
    abstained, text = _ask(without, question)
    assert not abstained and "1585" in text, text


def test_a_place_in_a_clause_about_another_event_is_no_answer(near_miss_pipeline):
    """上総国 is where 伊能忠敬 was born and 江戸 where he studied; neither clause says where he died
    (豊臣秀吉's passage does: 伏見城)."""
    from bot.qa.pipeline import ExtractiveAnswerer, Pipeline
    from bot.qa.tuning import AnswerTuning

    abstained, text = _ask(near_miss_pipeline, "Where was Ino Tadataka born?")
    assert not abstained and "上総国" in text, text
    question = "伊能忠敬はどこで亡くなったか?"
    abstained, text = _ask(near_miss_pipeline, question)
    assert abstained, text
    without = Pipeline.sharing(near_miss_pipeline, answerer=ExtractiveAnswerer(AnswerTuning(min_event_clause_ratio=0)))
    assert not _ask(without, question)[0]
    abstained, text = _ask(near_miss_pipeline, "豊臣秀吉はどこで亡くなったか?")
    assert not abstained and "伏見城" in text, text


@pytest.mark.parametrize("question, year", [("In what year did Toyotomi Hideyoshi become kampaku?", "1585"),
                                            ("豊臣秀吉が小田原の北条氏を滅ぼしたのは何年か?", "1590"),
                                            ("When did Hideyoshi defeat Akechi Mitsuhide?", "1582")])
def test_a_year_in_the_clause_of_the_event_is_answered(near_miss_pipeline, question, year):
    abstained, text = _ask(near_miss_pipeline, question)
    assert not abstained and year in text, text


def test_an_event_is_read_in_its_clause_by_its_kanji_stem():
    """放し始めた is said by 放鳥が始まり: a compound and the other voice of the verb, one event."""
    from bot.qa.answer import Evidence, _event_terms, _loosely_holds
    from bot.qa.query import build_query

    question = "トキを放し始めたのは何年か?"
    query = build_query(question)
    ev = Evidence(query, {t: 3 for t in query.tokens}, 100)
    events = _event_terms(ev, question, set(), "")
    assert {"m:放す", "m:始める"} <= {t.concept.word for t in events}
    from index.lexical import tokenize

    def holds(t, text):
        return _loosely_holds(ev, t.concept, text, set(tokenize(text)))

    assert all(holds(t, "2008年に試験放鳥が始まり") for t in events if t.concept.word in ("m:放す", "m:始める"))
    assert not any(holds(t, "1981年に最後の5羽が捕獲された") for t in events if t.concept.word == "m:放す")
    # a one-kanji stem opens a word, it does not end one: 生む is not said by 発生する
    question = "水素に名前を生んだのは何年か?"
    query = build_query(question)
    ev = Evidence(query, {t: 3 for t in query.tokens}, 100)
    (born,) = [t for t in _event_terms(ev, question, set(), "") if t.concept.word == "m:生む"]
    assert not holds(born, "反応によって発生する気体") and holds(born, "生まれた")


def test_the_clauses_that_hold_a_year():
    from bot.qa.answer import _YEAR_EXPR, _clauses_with, _has_place

    def years(text):
        return _clauses_with(text, _YEAR_EXPR.search)

    # a clause opening with a shift in time (翌年, のちに, later) tells of another moment
    assert years("その後大坂城を築き、1585年に関白、翌年には太政大臣に就任した。") == ["1585年に関白、"]
    assert years("1766年にキャベンディッシュが単離し、のちにラヴォアジエが名称を与えた。") == ["1766年にキャベンディッシュが単離し、"]
    assert years("In 1766, Cavendish isolated it; later, Lavoisier named it.") == ["In 1766, Cavendish isolated it;"]
    assert years("In 1921, then aged 30, he founded the institute.") == ["In 1921, then aged 30,"]  # "then" is no later moment
    assert years("In 1921, he founded the institute. It grew.") == ["In 1921, he founded the institute."]
    # never into the next sentence: 卒業後 is not what 1867 dates
    assert years("1867年に江戸で生まれた。大学を卒業後、教師になった。") == ["1867年に江戸で生まれた。"]
    assert years("No year here.") == []
    # a postcode or a phone number is no year: "In what year was the centre founded?" is not
    # answered by its address (〒104-0045 東京都中央区築地 5-1-1)
    assert years("国立がん研究センター 〒104-0045 東京都中央区築地 5-1-1") == [] and years("TEL:03-3542-2511") == []
    assert years("Heian-kyo became the capital in 794.") and years("It was founded in 1962.")
    assert _clauses_with("1646年に生まれ、上野国館林藩主を経て、将軍となった。", _has_place) == ["上野国館林藩主を経て、将軍となった。"]


def test_a_year_no_document_mentions_is_no_answer(near_miss_pipeline, caplog):
    """The question is anchored to 1850; no document says anything of 1850 (his birth year, asked
    the same way, is answered)."""
    import logging

    with caplog.at_level(logging.INFO, logger="bot.qa.pipeline"):
        abstained, text = _ask(near_miss_pipeline, "伊能忠敬は1850年にどこで暮らしていたか?")
    assert abstained and "dated 1850" in caplog.text, text
    abstained, text = _ask(near_miss_pipeline, "伊能忠敬は1745年にどこで生まれたか?")
    assert not abstained and "上総国" in text, text
    # A decade or an approximate year anchors nothing exact (the text may say 宝暦年間 for the 1750s).
    from bot.qa.answer import _ANCHOR_YEAR

    assert _ANCHOR_YEAR.findall("Which domain did the river works in the 1750s?") == []
    assert _ANCHOR_YEAR.findall("1750年代、または1750年頃に") == [] and _ANCHOR_YEAR.findall("around 1750") == []
    assert _ANCHOR_YEAR.findall("In 1985, who managed it?") == ["1985"]


def test_a_passage_about_another_planet_is_no_answer(near_miss_pipeline):
    """Venus's rotation period is no answer about Mars, though the sentences are alike."""
    abstained, text = _ask(near_miss_pipeline, "火星の自転周期はどれくらいか?")
    assert abstained, text



def test_verbs_the_documents_never_use_are_a_paraphrase_not_a_missing_fact(near_miss_pipeline):
    """さする, 拝む, 信じる occur in no document, but the passage gives the answer in other words
    (足の裏をなでると願いがかなう): absent verbs do not count as the question's absent terms."""
    abstained, text = _ask(near_miss_pipeline, "ビリケン像の足をさすって拝むと、何が叶うと信じられているか?")
    assert not abstained, text
    assert "願いがかなう" in text


def _passage(title: str, sentences: list[str], lang: str = "ja"):
    """A retrieved passage made by hand: every sentence equally close to the question in meaning,
    so that only the words they hold choose between them."""
    from bot.models import Passage
    from index.lexical import tokenize

    joiner = " " if lang == "en" else ""
    quote, spans = joiner.join(sentences), []
    for s in sentences:
        start = spans[-1][1] + len(joiner) if spans else 0
        spans.append((start, start + len(s), start, start + len(s)))
    return Passage(source="x.txt", section=title, text=quote, quote=quote, start=0, end=len(quote), score=1.0, lang=lang,
                   sentences=spans, sentence_scores=[0.5] * len(sentences), tokens=tokenize(title + "\n" + quote),
                   sentence_tokens=[tokenize(s) for s in sentences])


SOSEKI = ["夏目漱石は、明治時代の小説家である。", "東京で生まれ、大学で英文学を学んだ。", "卒業後は学校で英語を教えた。",
          "新聞社に入り、多くの作品を連載した。", "晩年は長編小説『明暗』を書いている途中で亡くなった。"]


@pytest.mark.parametrize(
    "title, title_in_sentences, cited_first",
    [
        ("夏目漱石", True, "明暗"),
        ("夏目漱石", False, "明治時代の小説家"),
        # A file with no title line: its first sentence stands in as the title; the subject it opens with counts.
        (SOSEKI[0], True, "明暗"),
        (SOSEKI[0], False, "明治時代の小説家"),
    ],
)
def test_every_sentence_of_a_passage_is_about_its_topic(title, title_in_sentences, cited_first):
    """After its first sentence a Japanese paragraph leaves its subject out: the sentence that
    answers does not say 夏目漱石, the introduction does. The topic's words count for every
    sentence, so the question's other words (novel, died) choose -- without that, the rare name
    makes the introduction win."""
    from bot.qa.answer import select, topic_of
    from bot.qa.query import build_query
    from bot.qa.tuning import AnswerTuning
    from index.lexical import tokenize

    question = "Which novel was Natsume Soseki writing when he died?"
    p = _passage(title, SOSEKI)
    assert topic_of(p) == "夏目漱石"
    query = build_query(question)
    df = {t: 50 for t in set(p.tokens) | set(query.tokens)} | {t: 1 for t in tokenize("夏目漱石")}
    chosen, why = select(question, [p], df, 100, tuning=AnswerTuning(title_in_sentences=title_in_sentences), query=query)
    assert why is None
    assert cited_first in chosen[0].text


def test_the_topic_of_a_passage():
    from bot.qa.answer import topic_of

    assert topic_of(_passage("", ["信濃川(しなのがわ)は、長野県から流れる川である。", "長さは367キロメートルである。"])) == "信濃川"
    assert topic_of(_passage("", ["The Boston Marathon, first held in 1897, is the oldest marathon.", "It is run in April."])) == "The Boston Marathon"
    assert topic_of(_passage("", ["In 1898, with her husband, she discovered radium.", "She won."])) == ""
    assert topic_of(_passage("【研究概要】", ["本研究では、骨髄の細胞を調べた。"])) == "【研究概要】"


def _select(question, passage, similarity=None, **tuning):
    from bot.qa.answer import select
    from bot.qa.query import build_query
    from bot.qa.tuning import AnswerTuning

    query = build_query(question)
    df = {t: 5 for t in set(passage.tokens) | set(query.tokens)}
    return select(question, [passage], df, 100, tuning=AnswerTuning(**tuning), query=query, similarity=similarity)


def _close(texts):
    """A similarity that says every text is as close to the question as can be."""
    return [1.0] * len(texts)


def _decided_by(rule, question, passage, answered_with, reason, similarity=None, **others):
    """The passage answers the question (with `answered_with` in the lead citation), or -- when
    `answered_with` is None -- the answer step abstains with `reason`, and only because of `rule`.
    (`others`: settings of other rules that would decide first, for the rule to be seen alone.)"""
    chosen, why = _select(question, passage, similarity, **others)
    if answered_with is None:
        assert chosen == [] and reason in why, (why, chosen and chosen[0].text)
        assert _select(question, passage, similarity, **others, **{rule: False})[1] is None  # the rule, and nothing else, abstains
    else:
        assert why is None and answered_with in chosen[0].text, why


TOKYO_TOWER = ["東京タワーは、東京都港区にある電波塔である。", "高さは333メートルで、完成当時は世界一高い自立式鉄塔であった。",
               "設計は内藤多仲が担当した。", "2012年に東京スカイツリーが開業すると、電波送信の役割を譲った。"]
SUPERIOR = ["Lake Superior is the largest of the Great Lakes of North America.", "Its maximum depth is 406 metres.",
            "The lake drains into Lake Huron.", "It is bordered by Ontario to the north and by Michigan to the south."]


@pytest.mark.parametrize(
    "title, sentences, lang, question, about",
    [
        ("東京タワー", TOKYO_TOWER, "ja", "東京スカイツリーの高さは何メートルか?", "東京スカイツリー"),
        ("Lake Superior", SUPERIOR, "en", "What is the maximum depth of Lake Michigan?", "Lake Michigan"),
    ],
)
def test_the_same_fact_about_a_sibling_is_no_answer(title, sentences, lang, question, about):
    """The passage gives the height of Tokyo Tower (and mentions the Skytree); the question asks
    the Skytree's. Its sentences hold every word of the question, and the number is in the unit
    asked: only what the passage is about tells the near miss."""
    p = _passage(title, sentences, lang)
    chosen, why = _select(question, p)
    assert chosen == [] and about in why and title in why
    chosen, why = _select(question, p, sibling_topic=False)  # the rule, and nothing else, abstains
    assert why is None
    # The same question about the passage's own topic is answered from it.
    chosen, why = _select(question.replace(about, title), p)
    assert why is None and ("333" in chosen[0].text or "406" in chosen[0].text)


def test_a_sibling_passage_is_set_aside_for_the_question_own():
    """When the neighbour's passage leads (Lake Superior for Lake Michigan) and another passage is
    about the question's own, the answer comes from that one; with only the neighbour's, none."""
    from bot.qa.answer import select
    from bot.qa.query import build_query

    superior = _passage("Lake Superior", SUPERIOR, "en")
    michigan = _passage("Lake Michigan", ["Lake Michigan is the only Great Lake entirely within the United States.",
                                          "Its maximum depth is 281 metres."], "en")
    michigan.score = 0.8  # retrieval put the neighbour first
    question = "What is the maximum depth of Lake Michigan?"
    query = build_query(question)
    df = {t: 5 for t in set(superior.tokens) | set(michigan.tokens) | set(query.tokens)}
    chosen, why = select(question, [superior, michigan], df, 100, query=query)
    assert why is None and "281" in chosen[0].text and chosen[0].passage is michigan
    chosen, why = select(question, [superior], df, 100, query=query)
    assert chosen == [] and "Lake Superior" in why


def test_an_answer_from_another_document_than_the_one_asked_about_is_no_answer():
    """The question names a document that was found (酸素); the sentence that fits comes from another
    (ヘリウム's boiling point), which never names it: the asked one lacks the fact. When that other
    document names the asked one, its sentence may answer (a comparison, a relation)."""
    from bot.qa.answer import select
    from bot.qa.query import build_query

    oxygen = _passage("酸素", ["酸素は、原子番号8の元素である。", "地球の大気の体積の約21パーセントを占める。"])
    helium = _passage("ヘリウム", ["ヘリウムは、原子番号2の元素である。", "沸点が最も低く、約マイナス269℃で液体となる。"])
    helium.score = 0.8
    question = "酸素の沸点は何℃か?"
    query = build_query(question)
    df = {t: 5 for t in set(oxygen.tokens) | set(helium.tokens) | set(query.tokens)}
    chosen, why = select(question, [oxygen, helium], df, 100, query=query)
    assert chosen == [] and "ヘリウム" in why and "酸素" in why
    chosen, why = select(question, [oxygen, helium], df, 100, query=query, tuning=AnswerTuning(answer_from_asked_topic=False))
    assert why is None and "269" in chosen[0].text  # the rule, and nothing else, abstains
    helium_names_it = _passage("ヘリウム", ["ヘリウムは、原子番号2の元素である。", "酸素と違い、約マイナス269℃で液体となる。"])
    helium_names_it.score = 0.8
    df |= {t: 5 for t in helium_names_it.tokens}
    chosen, why = select(question, [oxygen, helium_names_it], df, 100, query=query)
    assert why is None and "269" in chosen[0].text
    # English titles are named as whole words, their parenthesis left out
    from bot.qa.answer import _names_topic
    assert _names_topic("Why is the Rust language called Rust?", "Rust (programming language)")
    assert not _names_topic("Why can I trust it?", "Rust (programming language)")


def test_siblings_are_two_things_of_one_family_not_one_thing_named_twice():
    from bot.qa.answer import _name_runs, _siblings

    assert "東京スカイツリー" in _name_runs("東京スカイツリーの高さは何メートルか?")
    assert _name_runs("What is the maximum depth of Lake Michigan?") == ["Lake Michigan"]
    assert _name_runs("In which town was Beethoven's teacher Joseph Haydn born?") == ["Beethoven", "Joseph Haydn"]
    assert _siblings("上杉家", "上杉謙信") and _siblings("Irene Curie", "Marie Curie")
    assert not _siblings("Johann Sebastian Bach", "Bach") and not _siblings("2代将軍秀忠", "徳川秀忠")
    assert not _siblings("長野県", "信濃川") and not _siblings("Lake Michigan", "")


def test_a_passage_holds_what_its_title_says():
    """A later chunk of a document says "he" for the person its title names: the key terms it lacks
    are counted with its topic, or every fact from the second chunk on would be a 'missing' one."""
    from index.lexical import tokenize

    p = _passage("Niels Bohr", ["Fleeing the occupation of Denmark in 1943, he escaped to Sweden.",
                                "The element bohrium is named after him."], "en")
    p.tokens = tokenize(p.quote)  # a later chunk: the title line is not in its text
    chosen, why = _select("Which chemical element was named in honour of Niels Bohr?", p)
    assert why is None and "bohrium" in chosen[0].text



DORMANCY = ["休眠状態のがん細胞は、抗がん剤に抵抗性をもつことが多い。", "このマイクロRNAを標的とした薬剤の開発が期待される。"]


@pytest.mark.parametrize(
    "sentences, question, answered_with",
    [
        (DORMANCY, "Which chemotherapy drug was tested on the dormant cells?", None),  # a drug, but none named
        (["休眠状態のがん細胞に抗がん剤ドセタキセルを投与して試験した。"] + DORMANCY[1:],
         "Which chemotherapy drug was tested on the dormant cells?", "ドセタキセル"),  # a loanword no dictionary lists
        (["骨髄にある間葉系幹細胞が、小さな小胞を分泌する。"], "Which cells secrete the small vesicles?", "間葉系幹細胞"),  # a kind of cell
        (["漱石は教師を辞め、朝日新聞社に入社した。"], "漱石が入社したのはどこの会社か?", "朝日新聞社"),  # a proper noun
        # "what is X called" / 何と呼ばれるか asks for a name just as surely
        (["取組を裁く行司にも番付があり、力士の番付の最高位は横綱である。"], "取組を裁く行司の最高位は何と呼ばれるか?", None),
        (["力士の番付の最高位は横綱であり、行司の最高位は「立行司」と呼ばれる。"], "取組を裁く行司の最高位は何と呼ばれるか?", "立行司"),
        # ... and in speech, 何て呼ばれてる / なんて言うの
        (["取組を裁く行司にも番付があり、力士の番付の最高位は横綱である。"], "行司の最高位って何て呼ばれてるの?", None),
        (["取組を裁く行司にも番付があり、力士の番付の最高位は横綱である。"], "行司の一番上ってなんていうの?", None),
        # ... and "the exact name of X", asked inside a request
        (["このマイクロRNAを標的とした薬剤の開発が期待される。"], "Do you know the exact name of the microRNA they found?", None),
        (["特定のマイクロRNA（miR-23b）を標的とした薬剤の開発が期待される。"], "Could you tell me the name of the microRNA?", "miR-23b"),
    ],
)
def test_which_asks_for_a_particular_thing(sentences, question, answered_with):
    """"Which X" asks to pick out one X: a sentence that names none (抗がん剤 in general, for
    "which chemotherapy drug") cannot answer it, however well it matches the question's words."""
    # (a microRNA's name asked for wants a miR number first: abstain_on_unnamed_form, seen alone below)
    _decided_by("which_needs_a_name", question, _passage("研究成果", sentences), answered_with, "names no particular",
                abstain_on_unnamed_form=False)


def test_a_sentence_naming_one_leads_when_nearly_as_good_as_one_naming_none():
    """銀閣の2階部分は何と呼ばれていますか abstained ("names no particular thing"): the lead sentence
    named nothing while the next, a hair behind, gave 「潮音閣」. In Japanese text such a sentence
    leads when it scores within `which_named_within` of the lead."""
    from bot.qa.answer import select
    from bot.qa.query import build_query
    from bot.qa.tuning import AnswerTuning

    question = "取組を裁く行司の最高位は何と呼ばれるか?"
    generic = _passage("大相撲", ["取組を裁く行司の最高位は番付で決まる。"])
    named = _passage("行司", ["取組を裁く行司の最高位は「立行司」である。"])
    named.score = 0.99  # a hair behind: the generic sentence leads on score
    query = build_query(question)
    df = {t: 5 for t in set(generic.tokens) | set(named.tokens) | set(query.tokens)}
    chosen, why = select(question, [generic, named], df, 100, query=query)
    assert why is None and "立行司" in chosen[0].text, why
    chosen, why = select(question, [generic, named], df, 100, tuning=AnswerTuning(which_named_within=0.0), query=query)
    assert chosen == [] and "names no particular" in why
    named.score = 0.9  # far behind: it does not lead
    assert select(question, [generic, named], df, 100, query=query)[0] == []


def test_the_noun_a_which_question_asks_about():
    from bot.qa.answer import _which_heads
    from bot.qa.query import build_query

    def heads(q):
        found = _which_heads(q, build_query(q))
        return None if found is None else sorted(c.word for c in found)

    assert heads("Which chemotherapy drug was tested?") == ["chemotherapy", "drug"]
    assert heads("Which type of cancer was studied?") == ["cancer"]
    assert heads("宝暦治水を担当したのはどこの藩か?") == ["m:藩"]
    assert heads("Which of the two is older?") is None and heads("What did they find?") is None
    assert heads("どのような特徴があるか?") is None and heads("For which Toru Takemitsu wrote") is None
    # An attribute, whose answer is a common word (春, red), is not asked for by name.
    assert heads("In which season do the cranes breed?") is None and heads("タンチョウはどの季節に繁殖するか?") is None
    assert heads("Which colours does the flag use?") is None
    # ... and so is a sample's kind: blood (血液) answers "measure what, in which sample?"
    assert heads("biomarker idea: what analyte, in which sample?") is None and heads("どの検体で測るのか?") is None
    # A yes/no question asks whether, not which one: "which patients" is part of what it asks about.
    assert heads("Can doctors already tell which patients are going to relapse?") is None
    assert heads("Which patients are going to relapse?") == ["patients"]
    # a longer noun phrase is asked about by its head: cells, not "normal bone"; cell lines by
    # lines (乳がん細胞 names no cell line)
    assert heads("Which normal bone marrow cells do the researchers compare them to?") == ["cells"]
    assert heads("Which breast cancer cell lines were co-cultured with the stem cells?") == ["lines"]
    # ... and a noun phrase with a preposition by the head before it: a division, not the institute
    assert heads("Which research division of the institute is the group part of?") == ["division"]
    assert heads("Which research program funded the study?") == ["program", "research"]
    # ... and a relative clause ends the noun phrase: the master, not "Noh theatre"
    assert heads("Which master who perfected Noh theatre was exiled to Sado?") == ["master"]


@pytest.mark.parametrize(
    "question, sentence, abstains",
    [
        ("Which university did the researcher graduate from?", "小野研究員は乳がん細胞の研究を行った。", True),
        ("Which breast cancer cell lines did the researchers use?", "研究員は乳がん細胞を用いて研究を行った。", True),
        # a company or a person goes by a bare name: Metacorporation holds no word for "company"
        ("Which company is the illustrator with?", "Illustration: Eiji Takaoki (Metacorporation, Tokyo).", False),
    ],
)
def test_which_asks_for_a_kind_of_thing_the_documents_never_mention(question, sentence, abstains):
    """"Which university did he graduate from?" over documents that mention no university in any
    form: nothing there names one, however much of the rest of the question the text holds."""
    from bot.qa.answer import select
    from bot.qa.query import build_query
    from bot.qa.tuning import AnswerTuning

    passage = _passage("研究成果", [sentence], lang="ja" if "研究" in sentence else "en")
    query = build_query(question)
    df = {t: 5 for t in passage.tokens}  # the documents' words only: the head's are nowhere
    chosen, why = select(question, [passage], df, 100, query=query)
    if abstains:
        assert chosen == [] and "the documents name no" in (why or ""), why
        assert "the documents name no" not in (select(question, [passage], df, 100, query=query,
                                                       tuning=AnswerTuning(which_head_must_exist=False))[1] or "")
    else:
        assert "the documents name no" not in (why or ""), why


def test_a_choice_is_read_beside_its_or():
    from bot.qa.forms import choices

    assert choices("were the cells human or mouse derived?") == [(["human", "cells"], ["mouse", "derived"], True)]
    assert choices("isolated by ultracentrifugation or a commercial kit?")[0][2] is True  # an article between
    # two clauses offer no two words as the answers: "impact or is this pure basic science"
    assert choices("any patient impact or is this pure basic science")[0][2] is False
    assert choices("a year or so later?") == [] and choices("and/or later") == [] and choices("Who led it?") == []
    # "pre- or post-menopausal": both answers are the word after the hyphen, with a prefix
    assert choices("Were the patients pre- or post-menopausal?") == [(["menopausal", "patients"], ["menopausal"], True)]


@pytest.mark.parametrize(
    "question, abstains",
    [
        # neither answer offered is in the documents: no sentence says which
        ("Were the stem cells human or mouse derived?", True),
        # one of them is: the sentence saying so answers
        ("Were the stem cells from bone marrow or blood?", False),
        # an open alternative ("or another one") offers anything
        ("Were the stem cells human or another kind?", False),
        # "pre- or post-menopausal": without "menopausal" neither answer is there
        ("Were the stem cells pre- or post-menopausal?", True),
        # ... short of an answer either way, the question asked after it may still be answered
        ("Human or mouse derived? Which cells secrete the vesicles that put the cancer cells to sleep?", False),
        ("Were the stem cells human or mouse derived? Does it say?", True),
        # ... but a choice offered after the question is its answers: "… what origin? Human or mouse derived?"
        ("What origin did the stem cells secreting the vesicles have? Were they human or mouse derived?", True),
    ],
)
def test_a_choice_between_two_things_the_documents_never_mention_abstains(question, abstains):
    from bot.qa.answer import select
    from bot.qa.query import build_query
    from bot.qa.tuning import AnswerTuning

    passage = _passage("研究概要", ["骨髄中の間葉系幹細胞が分泌するエクソソームが乳がん細胞を休眠させた。"])
    df = {t: 5 for t in passage.tokens}
    query = build_query(question)
    chosen, why = select(question, [passage], df, 100, query=query)
    assert ("nor" in (why or "")) is abstains, why
    if abstains:
        assert "nor" not in (select(question, [passage], df, 100, query=query, tuning=AnswerTuning(choice_needs_one=False))[1] or "")


def test_the_choice_the_documents_lack_is_no_missing_thing():
    """"a standalone therapy or an add-on to anticancer drugs?": standalone (a katakana loanword the
    documents lack) is the answer the text does not give, not a thing the question hinges on."""
    from bot.qa.answer import select
    from bot.qa.query import build_query
    from bot.qa.tuning import AnswerTuning

    passage = _passage("今後の展望", ["このマイクロRNAを標的とした薬剤は、抗がん剤による効果増強剤として期待されます。"])
    df = {t: 5 for t in passage.tokens}
    question = "Would a miRNA-targeted drug be a standalone therapy or an add-on to anticancer drugs?"
    query = build_query(question)
    chosen, why = select(question, [passage], df, 100, query=query)
    assert chosen and "効果増強剤" in chosen[0].text, why
    _, why = select(question, [passage], df, 100, query=query, tuning=AnswerTuning(choice_needs_one=False))
    assert "standalone is nowhere" in (why or ""), why


def test_a_name_the_dictionary_spells_otherwise_is_not_nowhere():
    """The dictionary's Olympus Mons is オリンパス山; the text writes オリンポス山: a name absent in
    every dictionary form is not a thing the documents never mention."""
    from bot.qa.answer import select
    from bot.qa.query import build_query

    p = _passage("火星", ["オリンポス山は高さが約2万5,000メートルに達する火山である。", "火星の表面は赤い。"])
    question = "How high does Olympus Mons rise?"
    chosen, why = select(question, [p], {t: 1 for t in p.tokens}, 10, query=build_query(question))
    assert why is None and "2万5,000メートル" in chosen[0].text


def test_a_name_the_text_writes_otherwise_is_still_answered():
    """The dictionary's Osaka Castle is 大阪城; the text writes the historical 大坂城. Both are read
    as words (オオサカ, 城), so the name is not 'nowhere in the documents'."""
    from bot.qa.answer import select
    from bot.qa.query import build_query

    p = _passage("大坂城", ["大坂城は、豊臣秀吉が築いた城である。", "1583年に築城が始まった。"])
    question = "Who built Osaka Castle?"
    chosen, why = select(question, [p], {t: 1 for t in p.tokens}, 10, query=build_query(question))
    assert why is None and "豊臣秀吉" in chosen[0].text


@pytest.mark.parametrize(
    "title, sentences, answered_with",
    [
        ("彦根城", ["彦根城は、滋賀県彦根市にある城である。", "井伊直政の子が1604年に築城を始めた。"], None),
        ("井伊直弼", ["井伊直弼は、彦根藩の藩主で幕府の大老である。", "1860年に桜田門外で暗殺された。"], "1860"),
    ],
)
def test_a_name_is_looked_for_across_languages_when_the_dictionary_knows_it_whole(title, sentences, answered_with):
    """An English question over Japanese text: 'Ii Naosuke' is 井伊直弼 to the dictionary, and a
    passage on Hikone Castle that names only 井伊直政 gives some other year."""
    question = "In what year was Ii Naosuke assassinated?"
    p = _passage(title, sentences)
    chosen, why = _select(question, p)
    if answered_with:
        assert why is None and answered_with in chosen[0].text
    else:
        assert chosen == [] and "does not name ii naosuke" in why
        assert _select(question, p, names_in_lead_passage=False)[1] is None


@pytest.mark.parametrize(
    "title, sentences, answered_with",
    [
        ("北里柴三郎", ["北里柴三郎は、日本の医学者である。", "1892年に伝染病研究所を設立した。"], None),
        ("坂本龍馬", ["坂本龍馬は、土佐藩出身の志士である。", "1862年に土佐藩を脱藩した。"], "1862"),
    ],
)
def test_a_romanised_name_the_collection_holds_is_looked_for_across_languages(title, sentences, answered_with):
    """'Ryoma' is in no dictionary, but the collection holds his reading as a morpheme (坂本龍馬:
    m:サカモト m:リョウマ): a passage on another man gives some other year."""
    from bot.qa.answer import select
    from bot.qa.query import build_query
    from bot.qa.tuning import AnswerTuning
    from index.lexical import tokenize

    question = "In what year did Ryoma leave the Tosa domain?"  # one word: no dictionary phrase
    p = _passage(title, sentences)
    query = build_query(question)
    df = {t: 5 for t in set(p.tokens) | set(query.tokens)} | {t: 1 for t in tokenize("坂本龍馬 土佐藩 脱藩")}
    df = {t: n for t, n in df.items() if not t.startswith("m:") or t in set(p.tokens) | set(tokenize("坂本龍馬 土佐藩 脱藩"))}
    chosen, why = select(question, [p], df, 100, query=query)
    if answered_with:
        assert why is None and answered_with in chosen[0].text
    else:
        # (Tosa, two syllables, is read as the collection's name 土佐 too: m:トサ)
        assert chosen == [] and "does not name" in why and any(n in why for n in ("ryoma", "sakamoto", "tosa")), why
        chosen, why = select(question, [p], df, 100, query=query, tuning=AnswerTuning(romaji_names_across=False))
        assert why is None  # the check, and nothing else, abstains
        # a name in every other passage (Japan: 日本) identifies nothing: it is not looked for
        chosen, why = select(question, [p], df | {"m:リョウマ": 50, "m:トサ": 50}, 100, query=query)
        assert why is None


KASUMIGAURA = ["霞ヶ浦(かすみがうら)は、茨城県にある湖である。", "面積は約220平方キロメートルで、日本で2番目に広い湖である。",
               "平均水深は約4メートルと浅く、かつては海とつながった汽水湖であった。"]
SHINANO = ["The Shinano River flows from Nagano Prefecture into the Sea of Japan.",
           "Its main channel is 367 kilometres long, the longest in Japan.",
           "About 1,200 people a year take part in a rafting race on its upper reaches."]


@pytest.mark.parametrize(
    "title, sentences, lang, question, answered_with",
    [
        ("霞ヶ浦", KASUMIGAURA, "ja", "霞ヶ浦の最も深い地点の水深は何メートルか?", None),  # an average, not the deepest point
        ("霞ヶ浦", KASUMIGAURA, "ja", "霞ヶ浦の平均水深は何メートルか?", "4メートル"),
        ("霞ヶ浦", KASUMIGAURA, "ja", "霞ヶ浦の広さはどのくらいか?", "220平方キロメートル"),
        ("Shinano River", SHINANO, "en", "How wide is the Shinano River?", None),  # a length, not a width
        ("Shinano River", SHINANO, "en", "How long is the main channel of the Shinano River?", "367 kilometres"),
        ("Shinano River", SHINANO, "en", "How many people a day take part in the rafting race on the Shinano River?", None),
        ("Shinano River", SHINANO, "en", "How many people take part in the rafting race on the Shinano River?", "1,200"),
    ],
)
def test_a_number_of_another_measure_is_no_answer(title, sentences, lang, question, answered_with):
    """A number in the unit asked for, in a clause that says it measures something else -- another
    dimension, aggregate or rate -- does not answer; the same passage answers when the measures agree."""
    _decided_by("number_measure_must_match", question, _passage(title, sentences, lang), answered_with, "not the")


def test_what_a_number_measures():
    from bot.qa.measures import measure_conflicts

    assert measure_conflicts("How wide is the river?", "Its main channel is 367 kilometres long", "length") == [
        ("dimension", {"width"}, {"length"})]
    assert measure_conflicts("How deep is the lake at its deepest point?", "最大水深は327メートルで", "length") == []
    assert measure_conflicts("霞ヶ浦の最も深い地点の水深は何メートルか?", "平均水深は約4メートルと浅く", "length")[0][0] == "aggregate"
    assert measure_conflicts("How many visit per day?", "年間約520万人が訪れ", "people")[0][0] == "rate"
    # "how long did it take" asks for a time; a clause naming a length is no conflict
    assert measure_conflicts("How long did it take to build the bridge?", "a span 1,280 metres long built in 4 years", None) == []
    assert measure_conflicts("How tall is it?", "It is 1,280 metres across", "length")  # width, not height
    assert measure_conflicts("How many lakes are there?", "more than 100 lakes", "count") == []  # nothing said, nothing conflicts
    # a thousands separator is no clause boundary: the measure after the number stays in its clause
    from bot.qa.answer import _clauses_with, fits_unit

    assert _clauses_with("its main span of 1,280 metres was the longest.", lambda c: fits_unit("length", c)) == [
        "its main span of 1,280 metres was the longest."]


TSUNAYOSHI = ["徳川綱吉(とくがわ つなよし)は、江戸幕府の第5代将軍である。",
              "1646年、第3代将軍家光の四男として生まれ、上野国館林藩主を経て、1680年に将軍に就任した。"]


@pytest.mark.parametrize(
    "question, answered_with",
    [
        ("徳川綱吉はどこで生まれたか?", None),  # 生まれ is said in a clause of its own: 館林 is where he ruled
        ("徳川綱吉が生まれたのは何年か?", "1646年"),
        ("徳川綱吉が将軍に就任したのは何年か?", "1680年"),
        ("In what year was Tokugawa Tsunayoshi born?", "1646年"),
    ],
)
def test_an_event_said_outside_the_clause_of_the_date_or_place_is_no_answer(question, answered_with):
    """However close the sentence is in meaning (the similarity here says 'as close as can be'),
    a place whose clause lacks the event, in a sentence that says the event elsewhere, is another
    event's place."""
    _decided_by("event_clause_must_hold_it", question, _passage("徳川綱吉", TSUNAYOSHI), answered_with, "another event", _close)


SOSEKI_JOB = ["夏目漱石は、明治の小説家である。", "1907年に教職を辞して朝日新聞社に入社し、『三四郎』などを連載した。"]


@pytest.mark.parametrize(
    "sentences, question, answered_with",
    [
        (SOSEKI_JOB, "夏目漱石が住んでいたのはどこか?", None),  # nothing in the evidence is a place (where he died: nor a death)
        (SOSEKI_JOB + ["1916年、早稲田南町の自宅で亡くなった。"], "夏目漱石が亡くなったのはどこか?", "早稲田"),
        (SOSEKI_JOB, "夏目漱石が入社した会社はどこか?", "朝日新聞社"),  # an organisation is asked for, not a place
        (["漱石の原稿は近代文学館に保管されている。"], "漱石の原稿はどこに保管されているか?", "文学館"),  # a building
        (["会議は午後三時から第一会議室で開かれます。"], "会議はどこで開かれますか?", "会議室"),  # a room
    ],
)
def test_where_is_answered_by_a_place(sentences, question, answered_with):
    """"Where" over Japanese text needs a place in the answer -- a place name, or a building,
    institution or landmark -- except when an organisation is asked for (会社はどこ)."""
    _decided_by("where_needs_a_place", question, _passage("夏目漱石", sentences), answered_with, "no place", _close)


HIDETADA = ["徳川秀忠(とくがわ ひでただ)は、江戸幕府の第2代将軍である。", "1579年、徳川家康の三男として遠江国浜松に生まれた。",
            "1605年に将軍職を継いだ。"]


@pytest.mark.parametrize(
    "question, answered_with",
    [
        ("徳川秀忠の生母は誰か?", None),  # 家康の三男 names his father
        ("Who was Tokugawa Hidetada's mother?", None),
        ("徳川秀忠の父は誰か?", "徳川家康"),
        ("Who was the father of Tokugawa Hidetada?", "徳川家康"),
        ("徳川秀忠が生まれたとき、その家の当主は誰か?", "徳川家康"),  # no role asked: no check
    ],
)
def test_a_person_in_another_role_is_no_answer(question, answered_with):
    _decided_by("person_role_must_match", question, _passage("徳川秀忠", HIDETADA), answered_with, "not as the mother")


KUROBE = ["黒部ダムは、富山県にある発電用のアーチ式ダムである。", "関西電力の初代社長である太田垣士郎が建設を決断し、1956年に着工した。",
          "1963年に完成した。"]


@pytest.mark.parametrize(
    "question, answered_with",
    [
        ("Who designed the Kurobe Dam?", None),  # a company president is no designer
        ("黒部ダムを設計した技師は誰か?", None),
        ("黒部ダムの建設を決断した関西電力の社長は誰か?", "太田垣士郎"),
        ("Which president of Kansai Electric decided to build the Kurobe Dam?", "太田垣士郎"),
    ],
)
def test_a_head_of_a_company_is_not_the_designer_asked_for(question, answered_with):
    _decided_by("person_role_must_match", question, _passage("黒部ダム", KUROBE), answered_with, "not as the")


KASUGA = ["春日大社は、奈良市にある神社である。", "768年に左大臣藤原永手が、称徳天皇の勅命により社殿を造営したのが始まりとされる。"]


@pytest.mark.parametrize(
    "question, answered_with",
    [
        ("Who was the first chief priest of Kasuga Taisha?", None),  # an emperor and a minister are no priests
        ("春日大社の初代宮司は誰か?", None),
        ("春日大社の社殿を造営した左大臣は誰か?", "藤原永手"),
        ("Which emperor ordered the building of Kasuga Taisha?", "称徳天皇"),
    ],
)
def test_a_ruler_is_not_the_priest_asked_for(question, answered_with):
    _decided_by("person_role_must_match", question, _passage("春日大社", KASUGA), answered_with, "not as the")


KENJI = ["宮沢賢治(みやざわ けんじ)は、日本の詩人、童話作家である。", "1933年に花巻の自宅で死去した。",
         "1982年には花巻市に宮沢賢治記念館が開館した。"]


@pytest.mark.parametrize(
    "sentences, question, answered_with",
    [
        (KENJI, "宮沢賢治記念館を設計した建築家は誰か?", None),  # the museum's name is no designer
        (KENJI + ["記念館の設計は建築家の菊竹清訓が担当した。"], "宮沢賢治記念館を設計した建築家は誰か?", "菊竹清訓"),
        (KENJI + ["弟の清六が遺稿を守った。"], "宮沢賢治の遺稿を守ったのは誰か?", "清六"),
    ],
)
def test_who_is_answered_by_someone_the_question_does_not_name(sentences, question, answered_with):
    _decided_by("person_new_to_question", question, _passage("宮沢賢治", sentences), answered_with, "no person")


HOSOKAWA = ["細川紙は、埼玉県小川町と東秩父村で漉かれる和紙である。", "1978年に国の重要無形文化財に指定された。"]


@pytest.mark.parametrize(
    "sentences, question, answered_with",
    [
        (HOSOKAWA, "細川紙という名前の由来は何ですか?", None),
        (HOSOKAWA + ["その名は、紀州高野山の麓にあった細川村に由来する。"], "細川紙という名前の由来は何ですか?", "細川村"),
        (HOSOKAWA + ["その名は、紀州高野山の麓にあった細川村に由来する。"], "Where does the name Hosokawa-shi come from?", "細川村"),
        # "from an anecdote, also called ...": the origin, said without 由来
        (["聖徳太子は飛鳥時代の皇族である。", "一度に10人の訴えを聞き分けたという逸話から「豊聡耳」とも呼ばれる。", "推古天皇の摂政を務めた。"],
         "聖徳太子はなぜ豊聡耳とも呼ばれるのか?", "逸話"),
    ],
)
def test_where_a_name_comes_from_must_be_said(sentences, question, answered_with):
    """A sentence that tells of the paper (its makers, its listing) does not say where its name comes from."""
    _decided_by("origin_must_be_said", question, _passage("細川紙", sentences), answered_with, "where the name comes from")


def test_a_role_word_inside_a_name_is_no_role():
    """妹 of 小野妹子 makes no sister of anyone: the emperor who received the letter is named."""
    sentences = ["聖徳太子は飛鳥時代の皇族である。", "607年、小野妹子を遣隋使として派遣し、国書を煬帝に届けさせた。"]
    _decided_by("person_role_must_match", "Which Sui emperor received Prince Shotoku's letter?", _passage("聖徳太子", sentences), "煬帝", "")


def test_the_role_a_who_question_asks_for():
    from bot.qa.roles import role_asked, roles_said

    assert role_asked("Who directed the film Ran, for which Toru Takemitsu wrote the music?") == "director"
    assert role_asked("滝廉太郎が作曲した『花』の歌詞を書いたのは誰か?") == "lyricist"
    assert role_asked("Who took over as shogun when Hidetada stepped down?") == "leader"  # 将軍職を家光に譲った holds it
    assert role_asked("Who succeeded Hidetada?") == "successor"
    # heads, officials, craftsmen, painters, engineers, performers are roles too
    assert roles_said("関西電力の初代社長である太田垣士郎が建設を決断した") == {"leader"}
    assert roles_said("本尊は仏師定朝の作である") == {"craftsman"}
    assert roles_said("15代将軍徳川慶喜が大政奉還を表明した") == {"leader"}
    assert role_asked("二条城の築城工事で奉行を務めたのは誰か?") == "official"
    assert role_asked("Who was the chief engineer of the dam?") == "engineer"
    assert roles_said("1579年、徳川家康の三男として生まれた") == {"parent"}
    assert roles_said("主衛星と2機の子衛星を搭載した") == set()  # 子衛星 is no child
    assert roles_said("昭和期の作曲家である") == {"composer"}


@pytest.mark.parametrize(
    "text, names_one",
    [
        ("1828年、越中国出身の僧侶播隆が初めて登頂した。", True),
        ("2023年には岡田彰布監督のもとで日本一を達成した。", True),
        ("The French explorer Samuel de Champlain reached it in 1615.", True),
        ("Runs need the approval of the lab manager, Dr. Aoyama.", True),
        ("The Optima XPN-100 ultracentrifuge is booked ahead.", False),
        ("富士山は静岡県と山梨県にまたがる。", False),
        ("アポロ計画以来最大規模の月探査計画とされる。", False),
        ("剣道(けんどう)は、日本の武道である。", False),  # a reading in kana
        ("代表作の『風の又三郎』は没後に出版された。", False),  # a book's title
        ("His Heiligenstadt Testament of 1802 reveals his despair.", False),
        ("The London Marathon starts in Greenwich.", False),
    ],
)
def test_a_person_is_named(text, names_one):
    from bot.qa.answer import _has_person

    assert _has_person(text) is names_one


@pytest.mark.parametrize("second_source, shift", [("copy/x.txt", 0), ("x.txt", 0)])
def test_the_same_text_is_cited_once(second_source, shift):
    """A sentence retrieved twice -- from two overlapping chunks of one source, or from a copy of
    the document ingested under another path -- is quoted once, not twice over."""
    from bot.qa.answer import select
    from bot.qa.query import build_query

    sentences = ["休眠状態のがん細胞は抗がん剤に抵抗性をもつことが多い。", "このマイクロRNAを標的とした薬剤の開発が期待される。"]
    first = _passage("本研究への期待", sentences)
    second = _passage("本研究への期待", sentences)
    second.source = second_source
    question = "休眠状態のがん細胞はなぜ抗がん剤に抵抗性をもつのか?"
    query = build_query(question)
    df = {t: 5 for t in set(first.tokens) | set(query.tokens)}
    chosen, why = select(question, [first, second], df, 100, query=query)
    assert why is None
    texts = ["".join(c.text.split()) for c in chosen]
    assert len(texts) == len(set(texts)), texts


def _scored(passage, scores):
    return passage.model_copy(update={"sentence_scores": scores})


def test_another_sentence_that_dates_the_event_in_its_own_words_answers():
    """The sentence closest in meaning dates the poem found after his death; the museum's opening
    is two sentences on. The year check sets the first aside and takes the one whose clause holds
    every word of the event (開館, 記念館) -- not merely one close in meaning."""
    question = "宮沢賢治記念館は何年に開館したか?"
    p = _scored(_passage("宮沢賢治", ["宮沢賢治は、岩手県出身の詩人である。", "死後の1934年に、手帳が遺品のトランクから発見された。",
                                       "作品の多くは没後に出版された。", "1982年には花巻市に宮沢賢治記念館が開館した。"]), [0.3, 0.9, 0.1, 0.3])
    low = lambda texts: [0.05] * len(texts)  # noqa: E731 - no clause is close in meaning
    chosen, why = _select(question, p, similarity=low)
    assert why is None and "1982" in chosen[0].text, why
    assert "another event" in _select(question, p, similarity=low, event_retry=0)[1]


def test_a_sentence_holding_every_key_term_is_evidence_however_far_in_meaning():
    """河童橋 (Kappa Bridge) at 上高地 (Kamikochi), 37m: every word of the question is there, though
    the embedding puts the English question and the Japanese sentence far apart."""
    question = "How long is the Kappa Bridge at Kamikochi?"
    p = _scored(_passage("上高地", ["上高地は長野県にある景勝地である。", "梓川に架かる長さ約37mの吊り橋、河童橋がある。"]), [0.13, 0.097])
    chosen, why = _select(question, p)
    assert why is None and "37m" in chosen[0].text, why
    assert _select(question, p, cross_floor_coverage=1.01)[1] is not None


def test_where_a_name_comes_from_asks_for_an_origin_not_a_place():
    """上高地という地名はどこから来ているか: a legend answers, not a place; the place check stays out."""
    p = _scored(_passage("上高地", ["上高地は、長野県松本市にある景勝地である。", "地名は、穂高神社の祭神が降臨した地とする伝承に由来するとされる。"]), [0.6, 0.5])
    low = lambda texts: [0.05] * len(texts)  # noqa: E731
    chosen, why = _select("上高地という地名はどこから来ていますか?", p, similarity=low)
    assert why is None, why


def test_counters_that_count_the_same_things_and_a_distance_ahead():
    from bot.qa.measures import measure_conflicts

    assert fits_unit(answer_unit("何種類のコケが見つかっているか?"), "300種を超えるコケ植物が確認されている")
    assert fits_unit(":か所", "12カ所に設けられた") and not fits_unit(":種類", "種子を3年保存する")
    assert not measure_conflicts("How far away is the target?", "28m先に置かれた直径36cmの的を狙う", "length")
    assert measure_conflicts("How far away is the target?", "直径36cmの的を狙う", "length")


def test_a_name_only_the_name_dictionary_knows_must_be_in_the_passage_across_languages():
    """Yakushiji is 薬師寺 (JMnedict), one rare morpheme of the collection: Tokyo Tower's height is
    no answer for its West Pagoda. A name that is also an English word (Museum) is not looked for."""
    from bot.qa.answer import select
    from bot.qa.tuning import AnswerTuning

    question = "How tall is the West Pagoda of Yakushiji?"
    tower = _passage("東京タワー", ["東京タワーは、東京都港区にある電波塔である。", "高さは333メートルである。"])
    pagoda = _passage("薬師寺", ["薬師寺は、奈良市にある寺院である。", "西塔の高さは約34メートルである。"])
    # A collection that holds both, where the kana reading's lemma (やくしじ: m:約する) is common,
    # so the reading alone does not make Yakushiji a rare name (romaji_names_across).
    df = {t: 5 for t in tower.tokens + pagoda.tokens} | {"m:約する": 50}

    def ask(passage, **tuning):
        return select(question, [passage], df, 100, tuning=AnswerTuning(**tuning))

    chosen, why = ask(tower)
    assert chosen == [] and why == "the evidence does not name yakushiji", why
    assert ask(tower, dictionary_names_across=False)[1] is None
    chosen, why = ask(pagoda)
    assert why is None and "34" in chosen[0].text, why


def test_an_answer_from_another_article_than_the_one_an_english_question_names_is_no_answer():
    """Zenkoji is 善光寺, an article that was found: Seiko's price is no answer for it."""
    from bot.qa.answer import select
    from bot.qa.tuning import AnswerTuning

    question = "How much does the Okaidan-meguri at Zenkoji cost?"
    seiko = _passage("セイコー", ["セイコーは時計の会社である。", "価格は45万円で、当時の大衆車1台分に相当した。"])
    temple = _passage("善光寺", ["善光寺は、長野市にある寺院である。", "本堂の床下を巡るお戒壇巡りが知られる。"])
    df = {t: 5 for t in seiko.tokens + temple.tokens} | {"m:約する": 50}

    def ask(**tuning):
        return select(question, [seiko, temple], df, 100, tuning=AnswerTuning(**tuning))

    chosen, why = ask()
    assert chosen == [] and "not 善光寺" in why, (why, chosen and chosen[0].text)
    chosen, why = ask(asked_topic_across=False)
    assert why is None and "45万円" in chosen[0].text, why


def test_a_one_character_title_is_no_topic_the_answer_must_name():
    """"the mugen noh form that Zeami perfected": Noh is 能, an article that was found; 世阿弥's
    article answers. No text can be said to name 能 (one kanji is in too many words), so it is
    not a topic the answer must come from."""
    from bot.qa.answer import select

    question = "What is the mugen noh form that Zeami perfected?"
    noh = _passage("能", ["能は、日本の伝統的な仮面劇である。", "主人公のシテが能面をつけて舞う。"])
    zeami = _passage("世阿弥", ["世阿弥は、室町時代の猿楽師である。", "世阿弥は、亡霊が主人公となる夢幻能の形式を完成させた。"])
    df = {t: 5 for t in noh.tokens + zeami.tokens}
    chosen, why = select(question, [zeami, noh], df, 100)
    assert why is None and "夢幻能" in chosen[0].text, why


def test_a_retried_date_must_come_from_a_passage_naming_the_question_s_names():
    """The lead passage names Hishikawa Moronobu but dates no birth; the sentence tried next dates
    a birth -- 坂本龍馬's, in a passage that never names him: no answer."""
    from bot.qa.answer import select
    from bot.qa.query import build_query
    from bot.qa.tuning import AnswerTuning

    ukiyoe = _passage("浮世絵", ["浮世絵は、江戸時代に成立した絵画様式である。", "1670年代、菱川師宣が墨一色の版画を一枚摺りで制作した。"])
    ryoma = _passage("坂本龍馬", ["坂本龍馬は、幕末の志士である。", "1835年に土佐で生まれた。"])
    ryoma.source, ryoma.score = "y.txt", 0.9
    question = "When was Hishikawa Moronobu born?"
    query = build_query(question)
    df = {t: 5 for t in set(ukiyoe.tokens) | set(ryoma.tokens) | set(query.tokens)}

    def far(texts):  # no clause of the lead's sentence is about a birth
        return [0.0] * len(texts)

    def ask(**tuning):
        return select(question, [ukiyoe, ryoma], df, 100, tuning=AnswerTuning(**tuning), query=query, similarity=far)

    chosen, why = ask()
    assert chosen == [] and "another event" in why, (why, chosen and chosen[0].text)
    chosen, why = ask(retry_keeps_names=False)
    assert why is None and "1835" in chosen[0].text  # the rule, and nothing else, abstains


def test_a_verbal_noun_is_said_by_a_verb_on_one_of_its_kanji():
    """埋葬 is said by 葬られた: the place clause holds the event, however low its similarity."""
    p = _passage("聖徳太子", ["聖徳太子は、飛鳥時代の皇族である。", "622年、斑鳩宮で没し、河内国の磯長に葬られた。"])

    def ask(**tuning):
        return _select("聖徳太子はどこに埋葬されたか?", p, similarity=lambda texts: [0.0] * len(texts), **tuning)

    chosen, why = ask()
    assert why is None and "磯長" in chosen[0].text, why
    assert "another event" in ask(verb_says_compound=False)[1]  # without it, the place reads as another event's
    from bot.qa.answer import _loosely_holds, Evidence
    from bot.qa.query import build_query

    q = build_query("いつ発見されたか?")
    found = next(c for c in q.concepts if c.word == "m:発見")
    assert not _loosely_holds(Evidence(q, {}, 100), found, "山を見た。", {"m:山", "m:見る"})  # an everyday verb says nothing


def test_a_date_is_a_date_not_any_number():
    """直径 100 nm says nothing about when: a "when" question needs a year, a month or a day, an era."""
    from bot.qa.answer import fits_kind

    for text in ["2014年 7月 2日", "It opened in 1855.", "in the 1990s", "on July 1", "平成元年に完成した", "江戸時代に建てられた",
                 "published 2014/07/01", "the 8th century", "The cafeteria closes at 3 pm.", "午後3時に閉まる"]:
        assert fits_kind("date", text), text
    for text in ["直径 100 nm の顆粒", "TEL:03-3542-2511", "about 300 metres long", "第3次対がん総合戦略研究事業"]:
        assert not fits_kind("date", text), text
    p = _passage("【研究概要】", ["本研究では、直径 100 nm の顆粒によって乳がん細胞が休眠状態になることが明らかになった。"])
    chosen, why = _select("When will clinical trials of the drug begin?", p)
    assert chosen == [] and "date" in why, why


def test_a_subject_named_in_the_sentence_before_is_the_answers_own():
    """Japanese names its subject once and leaves it out of the next sentence: the railway's closure
    (しかし…2008年に全線が廃止された) is about 高千穂鉄道, named one sentence before, not about the gorge
    the passage is titled with -- no sibling's fact."""
    p = _passage("高千穂峡", ["高千穂峡は宮崎県にある峡谷である。", "峡谷の近くには延岡駅と高千穂駅を結ぶ高千穂鉄道が通っていた。",
                             "しかし2005年の台風で鉄橋が流され、2008年に全線が廃止された。"])
    p.sentence_scores = [0.3, 0.2, 0.6]  # the sentence before is not quoted with it
    chosen, why = _select("高千穂鉄道が全線廃止になったのはいつですか?", p)
    assert why is None and "2008年" in chosen[0].text


def test_a_passage_that_holds_the_questions_terms_leads_over_a_closer_sentence_that_does_not():
    """The closest sentence's passage lacks what is asked (含まれる物質); another retrieved passage
    holds it: that one answers. With only the first, the answer step abstains."""
    from bot.qa.answer import select
    from bot.qa.query import build_query

    question = "エクソソームの中にはどんな物質が含まれていますか？"
    outlook = _passage("【今後の展望】", ["造血幹細胞もまた骨髄中で休眠状態となっている。",
                                      "乳がん細胞も周囲の細胞からのエクソソームを利用して休眠状態を維持していると考えられる。"])
    outlook.sentence_scores = [0.6, 0.9]
    summary = _passage("【研究概要】", ["間葉系幹細胞由来のエクソソームに含まれる小さな核酸(マイクロRNA)が、乳がん細胞へ受け渡される。"])
    summary.score = 0.9
    query = build_query(question)
    df = {t: 5 for t in set(outlook.tokens) | set(summary.tokens) | set(query.tokens)}
    chosen, why = select(question, [outlook, summary], df, 100, query=query)
    assert why is None and chosen[0].passage is summary and "マイクロRNA" in chosen[0].text
    chosen, why = select(question, [outlook], df, 100, query=query)
    assert chosen == [] and "lacks" in why


@pytest.mark.parametrize("question, asks", [("エクソソームの中にはどんな物質が含まれていますか？", "m:どんな"),
                                            ("この薬はどのような役割を期待されていますか？", "m:何の"),
                                            ("どちらの病院で治療を受けましたか？", "m:何方")])
def test_a_japanese_question_word_is_what_is_asked_not_a_term_the_text_must_hold(question, asks):
    from bot.qa.query import build_query

    concepts = {c.word: c for c in build_query(question).concepts}
    assert concepts[asks].answer_type


CONTACT = ["＜お問い合わせ先＞", "国立がん研究センター 企画戦略局 広報企画室", "TEL:03-3542-2511（代表） FAX:03-3542-2545",
           "E-mail:ncc-admin＠ncc.go.jp"]


@pytest.mark.parametrize("question, line", [("What is the email address for inquiries?", "ncc-admin＠ncc.go.jp"),
                                            ("メールアドレスは？", "ncc-admin＠ncc.go.jp"),
                                            ("問い合わせ先の電話番号は何ですか？", "03-3542-2511"),
                                            ("What is the fax number of the press office?", "FAX:03-3542-2545"),
                                            # a phone number by another name (TEL: …（代表）)
                                            ("What's the switchboard number for press questions?", "03-3542-2511"),
                                            ("代表番号は？", "03-3542-2511")])
def test_the_kind_of_contact_asked_for_leads(question, line):
    """The heading of a contact block is closest to any question about it; the line that gives the
    kind of contact asked for (an @ for an email, FAX for a fax) leads the answer."""
    from bot.qa.answer import contact_asked

    assert contact_asked("What is the email address?") == "email" and contact_asked("住所はどこですか") == "address"
    contact = _passage("＜お問い合わせ先＞", CONTACT)
    contact.sentence_scores = [0.6, 0.4, 0.2, 0.2]
    chosen, why = _select(question, contact)
    assert why is None and line in chosen[0].text, (why, chosen and chosen[0].text)


def test_how_long_after_asks_for_a_length_of_time():
    from bot.qa.answer import answer_unit

    assert answer_unit("How long after surgery can breast cancer recur?") == "time"
    assert answer_unit("How long do Iriomote cats live in the wild?") == "time"
    assert answer_unit("How long is the Seto Ohashi Bridge?") is None


def test_a_phone_is_found_as_the_documents_tel():
    """Contact blocks write TEL, not "phone": the question's word is looked for in its abbreviation."""
    from bot.qa.query import build_query

    phone = next(c for c in build_query("What is the main switchboard phone number?").concepts if c.word == "phone")
    assert ("tel",) in [a.tokens for a in phone.alternatives]
    contact = _passage("＜お問い合わせ先＞", ["国立がん研究センター 企画戦略局 広報企画室", "TEL:03-3542-2511（代表） FAX:03-3542-2545"])
    contact.sentence_scores = [0.2, 0.2]  # far in meaning, as a bare number line is
    chosen, why = _select("What is the main switchboard phone number?", contact)
    assert why is None and "03-3542-2511" in " ".join(c.text for c in chosen)


def test_a_name_asked_by_role_or_honorific_needs_a_person():
    """広報の担当者のお名前を教えてください quoted the contact block, which names an office and no
    person: a person's name is asked for (by a role, or by お名前/氏名, which only people take), and
    a passage naming nobody does not give it."""
    contact = _passage("＜お問い合わせ先＞", ["国立研究開発法人 国立がん研究センター", "企画戦略局 広報企画室", "TEL:03-3542-2511（代表）"])
    chosen, why = _select("広報の担当者のお名前を教えてください。", contact)
    assert chosen == [] and "no person" in why, (why, chosen and chosen[0].text)
    chosen, why = _select("広報の担当者のお名前を教えてください。", _passage("＜お問い合わせ先＞", ["企画戦略局 広報企画室 担当：山田花子"]))
    assert why is None and "山田花子" in chosen[0].text


def test_who_is_a_named_person_asks_about_them_not_for_a_name():
    """'Who was Tamura Kenji?' names the person: any sentence about him answers, not only one that
    names someone new (which 'Who designed the museum?' needs)."""
    from bot.qa.answer import answer_kind

    for question in ["Who was Tamura Kenji?", "Who is Dr. Tamura?", "田村研治とはどんな人ですか",
                     "who Dr. Kenji Tamura is?"]:  # "Can you tell me who Dr. Kenji Tamura is?" without its request
        assert answer_kind(question) is None, question
    for question in ["Who is the current head of the Kanze school of Noh?", "Who was Shinran's mother?", "Who led this?",
                     "who Ochiya worked with?", "広報の担当者のお名前", "論文の著者の氏名は？",
                     "当時の国立がん研究センターの理事長は誰ですか？"]:
        assert answer_kind(question) == "person", question
    comment = _passage("【本研究への期待】", ["中央病院 乳腺・腫瘍内科長 田村研治 医師のコメント",
                                         "本研究の共同著者でもある田村研治医師は以下のように述べています。"])
    chosen, why = _select("田村研治とはどんな人ですか", comment)
    assert why is None and "乳腺・腫瘍内科長" in chosen[0].text


def test_where_is_answered_by_a_part_of_the_body_too():
    """'Where do the cells go dormant?' -- in the bone marrow (骨髄の中で): a place inside something is a
    place, though no place name."""
    p = _passage("【研究概要】", ["乳がん細胞は骨髄の中で、間葉系幹細胞からエクソソームを受け取って休眠状態になる。"])
    chosen, why = _select("乳がん細胞はどこで休眠状態になりますか？", p, similarity=_close)
    assert why is None and "骨髄の中で" in chosen[0].text


def test_the_head_of_a_group_is_who_led_it():
    """A Japanese release names a research group by its head (落谷孝広分野長の研究グループ); another
    sentence names the centre's president. 'Who led the research group?' is answered by the head."""
    p = _passage("本研究", ["理事長の堀田知光は、研究グループが乳がん細胞の休眠の仕組みを明らかにしたと発表した。",
                          "乳がんは再発までの期間が長い。",
                          "本研究は、小野麻紀子研究員、落谷孝広分野長の研究グループが行ったものである。"])
    p.sentence_scores = [0.9, 0.1, 0.3]
    for question in ["Who led the research group?", "研究グループを率いたのは誰ですか？"]:
        chosen, why = _select(question, p)
        assert why is None and chosen[0].text.startswith("本研究は、小野麻紀子研究員、落谷孝広分野長の研究グループ"), \
            (question, why, chosen and chosen[0].text)


def test_the_collections_own_topic_word_names_no_particular_thing():
    """'What are the names of the microRNAs?' over 特定のマイクロRNA and エクソソーム: a loanword the
    dictionary lacks would pass for a name (ドセタキセル), but エクソソーム is in most passages of
    the collection -- what it is about, not a particular one. Rare, it still counts as a name."""
    from bot.qa.answer import select
    from bot.qa.query import build_query
    from index.lexical import tokenize

    question = "What are the names of the specific microRNAs that were identified?"
    p = _passage("本研究成果のポイント", ["乳がん細胞の休眠にエクソソームと特定のマイクロRNAが関与していることを報告した。"])
    query = build_query(question)
    df = {t: 1 for t in set(p.tokens) | set(query.tokens)}
    alone = AnswerTuning(abstain_on_unnamed_form=False)  # (that rule, which wants a miR number, would decide first)
    chosen, why = select(question, [p], df, 10, query=query, tuning=alone)
    assert why is None  # once in ten passages: a name of its own kind
    df.update({t: 6 for t in tokenize("エクソソーム")})
    chosen, why = select(question, [p], df, 10, query=query, tuning=alone)
    assert chosen == [] and "names no particular" in why


def test_a_rate_told_in_percent_is_asked_in_percent():
    """'What is the recurrence rate after 20 years?' over 10年、20年と長い期間を経て再発する: years are no
    rate. A survival or recurrence rate is a percentage; a flow rate is not."""
    from bot.qa.answer import answer_unit

    assert answer_unit("What is the recurrence rate after 20 years?") == "percent"
    assert answer_unit("What was the literacy rate in 1900?") == "percent"
    assert answer_unit("What is the average flow rate of the Shimanto River at its mouth?") is None
    p = _passage("【背景】", ["再発は手術後5年以内だけでなく、10年、20年と長い期間を経て起こる場合が少なくない。"])
    chosen, why = _select("What is the recurrence rate after 20 years?", p)
    assert chosen == [] and "number" in why, why


def test_words_that_say_how_are_no_facts_the_documents_must_hold():
    """ずっと, まま, それぞれ and the verb of 問い合わせたい say how something is asked, not what: that the
    documents never use them is no sign they lack the answer. (The verb was read as a noun when its
    surface was analysed alone.)"""
    from bot.qa.answer import _predicates, select
    from bot.qa.query import build_query

    said = _predicates("郵送で問い合わせたいので教えてください。ずっと眠ったままですか？それぞれ何を担当したの？")
    assert {"m:問い合わせる", "m:教える", "m:ずっと", "m:侭", "m:其々", "m:眠る"} <= said
    assert "m:担当" not in said and "m:郵送" not in said
    question = "休眠したがん細胞は、ずっと眠ったままなんですか？"
    p = _passage("【背景】", ["がん細胞は骨髄に移動して休眠状態になり、長い年月を経て再び目覚めると考えられている。"])
    query = build_query(question)
    df = {t: 5 for t in p.tokens}  # the question's other words occur nowhere
    chosen, why = select(question, [p], df, 100, query=query)
    assert why is None and "目覚める" in chosen[0].text, why


def test_a_phone_line_is_tel_not_any_word_holding_tel():
    from bot.qa.answer import fits_kind

    assert fits_kind("contact", "TEL:03-3542-2511（代表）", "phone") and fits_kind("contact", "FAX:03-3542-2545", "fax")
    assert not fits_kind("contact", "We stayed at a hotel near Intel's office.", "phone")


def test_a_name_the_question_splits_otherwise_than_the_document_is_not_absent():
    """UniDic reads 堀田知光 in the question as 堀田 + 知 + 光, in the document (理事長：堀田知光、) as one
    name: the question's words 知 and 光 occur nowhere as words, but the collection holds them
    written together, so they are not the question's absent terms. A name it lacks stays absent;
    a role word (立場) says what is asked, not what must be there."""
    from bot.qa.answer import Evidence
    from bot.qa.query import build_query
    from index.lexical import tokenize

    df = {t: 1 for t in tokenize("独立行政法人国立がん研究センター（理事長：堀田知光、所在地：東京都中央区）は発表した。")}
    query = build_query("堀田知光さんってどういう立場の人？")
    split = {c.word for c in query.concepts if c.key} - set(df)
    assert split, "the question's analysis no longer splits the name: this test needs another one"
    assert Evidence(query, df, 10).absent == []
    assert "m:立場" not in Evidence(query, df, 10).absent
    other = Evidence(build_query("堀田花子さんってどういう立場の人？"), df, 10)
    assert other.absent and all("ホッタ" not in w for w in other.absent), other.absent


@pytest.mark.parametrize("question", ["What is a microRNA?", "what's a microRNA, in simple terms?", "マイクロRNAとは何ですか？"])
def test_a_definition_question_is_answered_by_the_sentence_that_glosses_the_term(question):
    """"What is X?" asks what X means: the sentence that glosses it (小さな核酸（マイクロRNA）) answers,
    not the one that merely uses it -- however many of the question's words that one holds."""
    from bot.qa.answer import defined_term

    passage = _passage("研究概要", ["乳がん細胞の休眠に特定のマイクロRNAが関与していることを報告した。",
                                    "エクソソームに含まれる小さな核酸（マイクロRNA）が、遺伝子発現を変化させる。"])
    assert defined_term(question)
    chosen, why = _select(question, passage, max_quote_chars=40)  # one sentence per quote
    assert why is None and chosen[0].text.startswith("エクソソーム"), (why, chosen and chosen[0].text)
    chosen, _ = _select(question, passage, max_quote_chars=40, w_defines=0.0)
    assert chosen[0].text.startswith("乳がん細胞")  # without the rule, the other sentence leads


def test_what_a_definition_question_asks_about():
    from bot.qa.answer import defined_term

    assert defined_term("What are exosomes?") == "exosomes"
    assert defined_term("造血幹細胞とはどのような細胞ですか？") == "造血幹細胞"
    # a measure or a part of something is no definition
    assert defined_term("What is the maximum depth of Lake Michigan?") is None
    assert defined_term("What is Japanese paper made from?") is None
    assert defined_term("白川郷の住民憲章で決められた3原則とは何ですか?") is None
    # ... and tersely, as typed in chat
    for question, term in [("exosomes = what exactly", "exosomes"), ("define dormancy", "dormancy"), ("dormancy meaning?", "dormancy"),
                           ("what does dormancy mean here", "dormancy")]:
        assert defined_term(question) == term, question
    assert defined_term("what does that mean here") is None and defined_term("what does this mean for patients") is None
    # ... the question the message asks, without an interjection, its "exactly" and a remark after it
    assert defined_term("Wait, what is an exosome exactly? Half my class keeps writing 'exosone'.") == "exosome"
    assert defined_term("What is dormancy? And who found it?") is None  # a second question: not only a definition


def test_nouns_of_conversation_are_no_key_terms():
    """という話ですよね ("that's the story, right?") and 自分で ("by themselves") say how the question is
    put, not what it is about: occurring nowhere in the documents, they do not make it unanswerable."""
    from bot.qa.answer import Evidence
    from bot.qa.query import build_query
    from index.lexical import tokenize

    df = {t: 1 for t in tokenize("乳がん細胞は骨髄の中で、間葉系幹細胞からエクソソームという小胞を受け取って、休眠状態を獲得する。")}
    ev = Evidence(build_query("乳がん細胞が自分でエクソソームを出して眠りにつく、という話ですよね？"), df, 10)
    assert not {"m:話", "m:自分"} & set(ev.absent), ev.absent
    assert "m:眠り" in ev.absent  # a word of the subject the documents lack still counts


def test_words_for_what_a_text_says_are_no_key_terms():
    """説明されていますか ("how is it explained?"), "How does the release describe …?" ask what the
    documents say of a subject: 説明 and "describe" occurring nowhere do not make them unanswerable.
    "reach them" asks how to contact someone, as "contact" does."""
    from bot.qa.answer import Evidence
    from bot.qa.query import build_query
    from index.lexical import tokenize

    df = {t: 1 for t in tokenize("さらにエクソソームに含まれる小さな核酸（マイクロ RNA）が乳がん細胞へ受け渡される。microRNA exosome")}
    ev = Evidence(build_query("マイクロRNAはどのようなものだと説明されていますか？"), df, 10)
    assert ev.absent_share == 0.0 and "m:説明" not in ev.absent, ev.absent
    for question in ["マイクロRNAは本文でどういうものだと書かれていますか？", "マイクロRNAをどう表現していますか？", "マイクロRNAの訳語は？"]:
        ev = Evidence(build_query(question), df, 10)  # (本文, 表現, 訳語: words about the text)
        assert ev.absent_share == 0.0, (question, ev.absent)
    ev = Evidence(build_query("How does the release describe microRNA?"), df, 10)
    assert "describe" not in ev.absent, ev.absent
    assert {c.word: c for c in build_query("What email address can I use to reach them?").concepts}["reach"].answer_type
    assert "m:眠り" in Evidence(build_query("マイクロRNAは眠りについて説明されていますか？"), df, 10).absent  # the subject's words still count


def test_a_quotation_s_brackets_are_not_quoted_apart():
    """A comment quoted over several sentences (「…。…期待されます。」): the sentence that answers
    is cited without the closing bracket whose opening one is two sentences back, and without an
    opening one closed only later -- still verbatim spans of the source."""
    from bot.qa.answer import select
    from bot.qa.query import build_query

    sentences = ["田村医師は以下のように述べています。", "「休眠中のがん細胞は抗がん剤が効きにくい。",
                 "このマイクロRNAを標的とした薬剤開発は、耐性克服剤として期待されます。」", "（詳細は論文を参照）"]
    p = _passage("", sentences)
    question = "このマイクロRNAを標的とした薬剤開発は何として期待されますか？"
    query = build_query(question)
    chosen, why = select(question, [p], {t: 5 for t in set(p.tokens) | set(query.tokens)}, 100, query=query)
    assert why is None
    texts = [c.text for c in chosen]
    assert "期待されます。" in texts[0], texts
    assert texts[0].count("「") == texts[0].count("」"), texts
    assert all(p.verbatim(*c.raw) == c.text for c in chosen)
    assert not any(t.startswith("「") and "」" not in t for t in texts)
    # one sentence alone: its closing bracket without an opening one goes, a balanced one stays
    from bot.qa.answer import _without_stray_brackets

    spans = [_without_stray_brackets(p, *s) for s in p.sentences]
    assert [p.quote[s[0]:s[1]] for s in spans] == ["田村医師は以下のように述べています。", "休眠中のがん細胞は抗がん剤が効きにくい。",
                                                   "このマイクロRNAを標的とした薬剤開発は、耐性克服剤として期待されます。", "（詳細は論文を参照）"]
    assert all(p.verbatim(s[2], s[3]) == p.quote[s[0]:s[1]] for s in spans)


def test_a_term_is_defined_by_an_apposition_and_asked_about_by_what_it_means():
    """"What does the release mean by cancer stem cells?" asks what the term means, and …の大元である
    がん幹細胞 ("cancer stem cells, the origin of cancer cells") glosses it as surely as a bracket does:
    that sentence leads, not the one that merely names stem cells."""
    from bot.qa.answer import _defines, defined_term

    assert defined_term("What does the release mean by cancer stem cells?") == "cancer stem cells"
    assert defined_term("What is meant by dormancy?") == "dormancy"
    assert defined_term("What does the study show?") is None
    # a quoted term is the same term; an apostrophe is no quotation mark
    assert defined_term("What does the release mean by 'cancer stem cells'?") == "cancer stem cells"
    assert defined_term("What’s “dormancy”?") == "dormancy" and defined_term("What's an exosome?") == "exosome"
    assert defined_term("「休眠」とは何ですか") == "休眠"
    assert _defines("がん細胞の発生の大元であるがん幹細胞が骨髄に移動する", ["幹細胞"])
    assert _defines("エクソソームと呼ばれる小胞", ["小胞"])
    assert not _defines("間葉系幹細胞が分泌するエクソソーム", ["幹細胞"])
    question = "What does the release mean by cancer stem cells?"
    passage = _passage("背景", ["間葉系幹細胞が乳がん細胞と隣接して存在することを確認した。",
                                "がん細胞の発生の大元であるがん幹細胞が骨髄に移動する。"])
    chosen, why = _select(question, passage, max_quote_chars=40)
    assert why is None and chosen[0].text.startswith("がん細胞の発生"), (why, chosen and chosen[0].text)


def test_a_latin_word_with_a_capital_in_japanese_text_names_something():
    """論文はどの雑誌に載ったの？ ("which journal was the paper in?"): 【Science誌 HP上での紹介】 names the
    journal in Latin letters, as a Japanese sentence names most foreign titles; a capitalised word
    inside Japanese text is a name, where a lower-case unit or a bare URL is not."""
    from bot.qa.answer import _names_one

    assert _names_one("【Science誌 HP上での紹介】", [])
    assert _names_one("米科学誌 Science姉妹誌のジャーナルに掲載されました。", [])
    assert not _names_one("直径 100 nm の顆粒が分泌される。", [])
    assert not _names_one("詳しくは http://www.example.org/ を参照。", [])
    passage = _passage("研究成果", ["本研究の論文は、米科学誌 Science Signalingに掲載された。"])
    _decided_by("which_needs_a_name", "論文はどの雑誌に載ったの？", passage, "Science Signaling", "names no particular")


def test_a_phrase_held_whole_across_languages_is_evidence_however_far_in_meaning():
    """"Is this a world first?" is far in meaning from 世界で初めて報告しました (cosine 0.08 with the
    release's sentence), below the floor under which two everyday words matching across languages
    are taken for chance; a phrase of the question held whole in its translation is no chance match."""
    question = "Is this a world first, or had someone shown it before?"
    passage = _passage("研究概要", ["本研究の成果は、世界で初めて報告されました。"])
    passage.sentence_scores = [0.08]
    chosen, why = _select(question, passage)
    assert why is None and "世界で初めて" in chosen[0].text, why
    chosen, why = _select(question, passage, phrase_lifts_cross_floor=False, claim_is_evidence=False)
    assert chosen == [] and "weak evidence across languages" in why, why
    apart = _passage("研究概要", ["世界の患者さんが、今年初めて来院しました。"])  # world and first, not a world first
    apart.sentence_scores = [0.08]
    assert _select(question, apart)[0] == []


def test_a_sentence_saying_what_is_asked_of_a_claim_is_evidence_however_far_in_meaning():
    """"Are they claiming priority, i.e. first report anywhere?" is far in meaning from 骨髄に移動した
    乳がん細胞を休眠状態にすることを、世界で初めて報告しました (cosine 0.09 with the release's
    sentence); it says what is asked of the claim -- a first -- and so it is evidence."""
    question = "Are they claiming priority here, i.e. first report anywhere, or confirming earlier findings?"
    passage = _passage("研究概要", ["特定のマイクロRNAが乳がん細胞を休眠状態にすることを、世界で初めて報告しました。"])
    passage.sentence_scores = [0.09]
    chosen, why = _select(question, passage, phrase_lifts_cross_floor=False)
    assert why is None and "世界で初めて" in chosen[0].text, why
    chosen, why = _select(question, passage, phrase_lifts_cross_floor=False, claim_is_evidence=False)
    assert chosen == [] and "weak evidence across languages" in why, why


def test_a_line_that_is_only_a_name_does_not_lead():
    """独立行政法人国立がん研究センター on a line of its own (under the date line) is near any question
    about the center in meaning and holds its words; it says nothing of what is asked."""
    from bot.qa.answer import _name_line

    assert _name_line("独立行政法人国立がん研究センター") and not _name_line("乳がんにおいて長期間を経て再発、転移するメカニズムの一部を解明")
    assert not _name_line("2014年 7月 2日") and not _name_line("Promoting cancer cell dormancy")
    question = "Does the cancer center claim to have solved the mechanism completely?"
    passage = _passage("本研究成果のポイント", ["独立行政法人国立がん研究センター", "2014年7月2日発表。", "乳がんが再発するメカニズムの一部を解明"])
    passage.sentence_scores = [0.4, 0.1, 0.3]
    chosen, why = _select(question, passage)
    assert why is None and "一部を解明" in chosen[0].text and "センター" not in chosen[0].text, (why, chosen and chosen[0].text)
    chosen, why = _select(question, passage, w_name_line=0.0)  # the name leads (and the answer is quoted after it)
    assert why is None and chosen[0].text.startswith("独立行政法人国立がん研究センター")


def test_a_title_after_a_name_is_no_key_term():
    """田村先生 is the release's 田村研治 医師: the question's title for him is not a term whose absence
    from the documents means they do not answer."""
    from bot.qa.query import build_query

    concepts = {c.word: c for c in build_query("田村先生は何が大事だと言っていますか？").concepts}
    assert not concepts["m:先生"].key and concepts["m:タムラ"].key
    p = _passage("【本研究への期待】", ["田村研治医師は、血液を用いて特定のマイクロRNA量を測定できるかどうかが大事だと述べています。"])
    chosen, why = _select("田村先生は何が大事だと言っていますか？", p)
    assert why is None and "測定" in chosen[0].text, why


def test_who_is_in_charge_is_the_questions_frame_not_its_hinge():
    """担当 (be in charge of) frames a who/which question: the text names the office or the
    researcher, it need not say 担当. Its absence does not mean the documents do not answer."""
    from bot.qa.query import build_query

    assert not {c.word: c for c in build_query("取材の窓口を担当している部署はどこですか？").concepts}["m:担当"].key
    p = _passage("研究成果", ["本研究成果は、小野麻紀子研究員、落谷孝広分野長の研究グループが行ったものです。"])
    chosen, why = _select("この研究を担当した研究者は誰ですか？", p)
    assert why is None and "小野麻紀子" in chosen[0].text, why


def test_a_link_to_the_paper_is_where_the_journal_carried_it():
    """"link to the paper?": the release never says 論文; it gives the link after the sentence saying
    which journal carried the work (…ジャーナル Science Signaling に掲載されました http://…), not the
    link of the journal's home page under another heading."""
    from bot.qa.answer import contact_asked
    from bot.qa.query import build_query

    assert contact_asked("Can you paste the web address where the article is hosted on the journal site?") == "url"
    assert any(c.word == "journal" and c.answer_type for c in build_query("link to the paper?").concepts)
    assert not any(c.word == "journal" for c in build_query("link to the center's home page?").concepts)
    p = _passage("研究成果", ["【Science誌 HP上での紹介】 http://www.sciencemag.org/",
                           "本研究成果は、米科学誌のジャーナル Science Signalingに掲載されました。 http://stke.sciencemag.org/content/7/332/ra63"])
    p.sentence_scores = [0.3, 0.2]
    chosen, why = _select("link to the paper?", p)
    assert why is None and "stke" in chosen[0].text, (why, chosen and chosen[0].text)


def test_a_japanese_question_with_no_question_word_asks_whether():
    """乳がんの患者数は、これから減っていく見込みなんでしょうか asks whether the number will fall, not how
    large it is: 数は asks for a number only beside a question word (何, いくつ, どのくらい). Taken
    for a number question, its answer (今後さらに急増する) was refused for holding none."""
    from bot.qa.forms import answer_kind

    assert answer_kind("乳がんの患者数は、これから減っていく見込みなんでしょうか？") is None
    assert answer_kind("日本の乳がんの患者数はどのくらいですか？") == "number"
    assert answer_kind("参加した患者の数はいくつでしたか？") == "number"
    p = _passage("背景", ["乳がんの患者の数は、これから減っていく見込みはなく、今後さらに急増するものと推測されています。"])
    chosen, why = _select("乳がんの患者数は、これから減っていく見込みなんでしょうか？", p)
    assert why is None and "急増" in chosen[0].text, why


def test_the_contact_asked_for_is_the_contact_block():
    """"Which office do journalists contact?" asks for the contact itself: the contact block answers
    it, not a better-retrieved sentence that only holds a link (a URL is a contact of a kind too)."""
    from bot.qa.answer import select
    from bot.qa.query import build_query
    from bot.qa.tuning import AnswerTuning

    question = "Which office do journalists contact about this release?"
    research = _passage("研究成果", ["本研究成果は、研究所の研究グループが行ったもので、米科学誌に掲載されました。 http://stke.sciencemag.org/content/7/332/ra63"])
    contact = _passage("＜お問い合わせ先＞", CONTACT)
    research.sentence_scores, contact.sentence_scores = [0.3], [0.3, 0.3, 0.2, 0.2]
    contact.score = 0.9
    query = build_query(question)
    df = {t: 5 for t in set(research.tokens) | set(contact.tokens) | set(query.tokens)}

    def lead(**tuning):
        chosen, why = select(question, [research, contact], df, 100, tuning=AnswerTuning(**tuning), query=query)
        assert why is None, why
        return chosen[0].passage

    assert lead() is contact
    assert lead(w_contact_block=0.0) is research


@pytest.mark.parametrize("question", ["What is Dr. Ochiya's personal email address?",
                                      "Who is the named press contact — is there a person I can ask for?",
                                      "Name of the individual press officer to contact?"])
def test_a_persons_own_contact_is_not_an_offices(question):
    """An office's contact block (企画戦略局 広報企画室, TEL, E-mail) does not give a person's own
    address or name; one that names the person does."""
    from bot.qa.forms import PERSONAL_CONTACT

    assert PERSONAL_CONTACT.search("田村研治医師個人のメールアドレスを教えてください。")
    assert not PERSONAL_CONTACT.search("What is the Cancer Center's email address?")
    assert not PERSONAL_CONTACT.search("Who do I contact about the program named Third-Term Strategy?")
    assert not PERSONAL_CONTACT.search("Which individual researchers should we list on our contact sheet?")
    contact = _passage("＜お問い合わせ先＞", CONTACT)
    _decided_by("personal_contact_needs_a_person", question, contact, None, "not a person's")
    named = _passage("＜お問い合わせ先＞", CONTACT[:2] + ["担当：小野麻紀子 研究員", "E-mail:ono＠ncc.go.jp"])
    chosen, why = _select(question, named)
    assert why is None, why
    # an office's contact asked for is answered as ever
    chosen, why = _select("What is the email address for press inquiries?", contact)
    assert why is None and "ncc-admin" in chosen[0].text
    # ... and so is one the question offers as the other answer: "a direct line, or just a general email?"
    chosen, why = _select("Is there a direct line to the investigators or just a general email?", contact)
    assert why is None and "ncc-admin" in chosen[0].text, why


@pytest.mark.parametrize("question, lang, sentences, reason", [
    ("なぜ乳がんは長い年月を経て再発するのですか？", "ja",
     ["乳がんは長い年月を経て再発することがある。", "がん細胞が骨髄で休眠状態になるため、乳がんは長い年月を経て再発する。"], "休眠状態になるため"),
    ("Why does breast cancer come back after many years?", "en",
     ["Breast cancer can come back after many years.", "Breast cancer comes back after many years because cells sleep in the marrow."], "because"),
])
def test_a_reason_asked_for_is_a_reason_given(question, lang, sentences, reason):
    """"Why …?" is answered by a sentence that gives a reason (ため, because), not one that only
    restates the question's words -- as often first, until the reason counted."""
    from bot.qa.answer import select
    from bot.qa.query import build_query
    from bot.qa.tuning import AnswerTuning

    passages = [_passage("乳がん", [s], lang) for s in sentences]  # equally retrieved, the restatement first
    query = build_query(question)
    df = {t: 5 for p in passages for t in set(p.tokens) | set(query.tokens)}

    def first(**tuning):
        chosen, why = select(question, passages, df, 100, tuning=AnswerTuning(**tuning), query=query, similarity=_close)
        assert why is None
        return chosen[0].text

    assert first() == sentences[1] and reason in sentences[1]
    assert first(w_reason=0.0) == sentences[0]  # as much of the question, and retrieved first


def test_what_someone_says_is_no_name_asked():
    """何て呼ばれてる and なんていうの ask what a thing is called; 何と言っていますか and 何て言ってる ask
    what someone said -- no name: "田村先生は何と言っていますか" was refused for naming nothing."""
    from bot.qa.forms import ASKS_NAME

    for question in ("行司の最高位って何て呼ばれてるの?", "行司の一番上ってなんていうの?", "取組を裁く行司の最高位は何と呼ばれるか?"):
        assert ASKS_NAME.search(question), question
    for question in ("休眠と抗がん剤について、田村先生は何と言っていますか？", "田村先生は何て言ってるの？", "先生はなんていってた？"):
        assert not ASKS_NAME.search(question), question


ENUMERATION = ["また、乳がん治療の観点からは二つの点で応用が期待されます。", "ひとつ目は、再発しやすさをモニターできる新しい分子マーカーの開発です。",
               "二つ目は、新たな抗がん剤の開発です。"]


@pytest.mark.parametrize("question, opens", [
    ("What is the second application the doctor expects?", "二つ目"),
    ("And the first application?", "ひとつ目"),
    ("2つ目の応用は何ですか？", "二つ目"),
    ("ひとつ目の応用は？", "ひとつ目"),
])
def test_an_item_of_an_enumeration_is_the_sentence_opening_with_its_ordinal(question, opens):
    """"The second application" asks for one item of a list: the sentence that opens with that
    item's ordinal (二つ目は、…) answers, not the one announcing the list, whatever else it shares."""
    from bot.qa.forms import ordinal_asked

    passage = _passage("【本研究への期待】", ENUMERATION)
    chosen, why = _select(question, passage, max_quote_chars=40)  # one sentence per quote
    assert why is None and chosen[0].text.startswith(opens), (why, chosen and chosen[0].text)
    assert ordinal_asked(question) in (1, 2)
    # not an item of a list: the first author, the first time, a world first
    for other in ["Who is the first author?", "Is this the first time anyone has shown it?", "世界で初めて報告したのは何ですか？"]:
        assert ordinal_asked(other) is None, other


def _led_by_rule(rule, question, sentences, scores, said, max_quote_chars, section="【研究概要】"):
    """The sentence holding `said` leads the answer with the rule, and another leads without it
    (`scores`: the sentences' closeness in meaning, which puts another one first)."""
    passage = _passage(section, sentences)
    passage.sentence_scores = scores
    chosen, why = _select(question, passage, max_quote_chars=max_quote_chars)  # one sentence per quote
    assert why is None and said in chosen[0].text, (why, chosen and chosen[0].text)
    chosen, _ = _select(question, passage, max_quote_chars=max_quote_chars, **{rule: 0.0})
    assert said not in chosen[0].text, chosen[0].text  # without the rule, another leads


def test_the_part_a_thing_plays_is_answered_by_a_sentence_in_which_it_acts():
    """マイクロRNAの役割は？ asks what the microRNA does: the sentence with it as subject (マイクロ RNAが
    …寄与) answers, not the nearer one in which it is a drug's target (このマイクロRNAを標的とした薬剤)."""
    from bot.qa.forms import actor_asked

    assert actor_asked("マイクロRNAの役割は？") == "マイクロRNA" and actor_asked("mirna role") == "mirna"
    assert actor_asked("what role do the mesenchymal stem cells play") == "mesenchymal stem cells"
    assert actor_asked("What role would it play?") is None and actor_asked("Who led the study?") is None
    sentences = ["このマイクロRNAを標的とした薬剤開発は、抗がん剤の効果増強剤として期待されます。",
                 "エクソソームに含まれるマイクロ RNAが休眠状態の獲得に寄与していることを明らかにした。"]
    _led_by_rule("w_acts", "マイクロRNAの役割は？", sentences, [0.6, 0.5], "寄与", 60)


PRIORITY = ["さらにエクソソームに含まれるマイクロRNAが、乳がん細胞の休眠を誘導する要因となることを明らかにしました。",
            "具体的には、特定のマイクロRNAが乳がん細胞を休眠状態にすることを、世界で初めて報告しました。"]


@pytest.mark.parametrize("question", [
    "Is this the first time anyone has shown that microRNAs put breast cancer cells to sleep?",
    "Did another team get there before them with microRNAs?",
    "マイクロRNAが乳がん細胞を休眠させることを示したのは世界初ですか？",
])
def test_whether_it_is_a_first_is_answered_by_the_claim_of_priority(question):
    """"Is this the first time anyone has shown …?" asks whether it is a first: the sentence that
    claims priority (世界で初めて報告しました) answers, not its neighbour stating the same finding."""
    _led_by_rule("w_priority", question, PRIORITY, [0.5, 0.35], "世界で初めて", 80)


HEDGED = ["また、患者さんの骨髄中で、乳がん細胞と間葉系幹細胞が隣接して存在することを確認しました。",
          "これらの結果から、実際の患者さんの骨髄中で、乳がん細胞が休眠状態へ誘導されている可能性が示唆されました。"]


@pytest.mark.parametrize("question", [
    "What does the study suggest is happening in patients' bone marrow?",
    "Is it proven that breast cancer cells are made dormant in patients' bone marrow?",
    "患者さんの骨髄で乳がん細胞が休眠させられていることは証明されたのですか？",
])
def test_how_sure_a_claim_is_is_answered_by_the_hedged_sentence(question):
    """"What does the study suggest …?", "Is it proven …?" ask how sure a claim is: the sentence
    that hedges it (可能性が示唆されました) answers, not the one reporting what was confirmed."""
    _led_by_rule("w_hedged", question, HEDGED, [0.5, 0.35], "示唆", 80)


def test_the_askers_own_hedges_and_examples_ask_nothing_of_a_claim():
    """"Could this possibly lead to new drugs?" asks what it leads to, not how sure a claim is; "What
    are some of the applications?" asks for examples, not whether all or part."""
    from bot.qa.forms import CLAIM_FORMS

    for question in ["Could this possibly lead to new drugs?", "What new medicine is likely to come out of this?",
                     "What are some of the applications?", "Can you give me some examples of its uses?"]:
        assert not [name for name, (asked, _) in CLAIM_FORMS.items() if asked.search(question)], question


TARGETED = ["二つ目は、新たな抗がん剤の開発です。",
            "このマイクロRNAを標的とした薬剤開発は、抗がん剤の効果増強剤として期待されます。"]


@pytest.mark.parametrize("question", ["新たな抗がん剤は何を狙った薬剤ですか？", "What would the new anticancer drug be aimed at?"])
def test_what_something_aims_at_is_the_sentence_naming_a_target(question):
    """何を狙う薬ですか ("what does the drug aim at?"): the sentence naming a target (マイクロRNAを
    標的とした) answers, not the nearer one saying only that a new drug will be developed."""
    _led_by_rule("w_target", question, TARGETED, [0.6, 0.3], "標的", 45, section="【本研究への期待】")


PART = ["乳がん細胞はエクソソームを受け取って、休眠状態を獲得する。",
        "骨髄中の顆粒によって、一部の乳がん細胞が幹細胞様の性質を獲得し、休眠状態になった。"]


@pytest.mark.parametrize("question", [
    "Does every breast cancer cell that receives exosomes go dormant, or only part of them?",
    "What happens to some of the breast cancer cells?",
    "すべての乳がん細胞が休眠状態になるのですか？",
])
def test_all_or_part_asked_is_the_sentence_saying_it_of_a_part(question):
    """"Every cell, or only part of them?": the sentence that says it of a part (一部の乳がん細胞が)
    answers, not the nearer one stating it of all."""
    from bot.qa.forms import PART_ASKED

    _led_by_rule("w_part", question, PART, [0.6, 0.3], "一部", 50)
    for other in ["Is anyone's VPN dropping every ten minutes?", "How many patients took part in the study?",
                  "春日大社に祀られている神は全部で何柱ですか?"]:
        assert not PART_ASKED.search(other), other


LIKENED = ["また、患者さんの骨髄中で、がん細胞では原発巣のがん細胞と比較してマイクロRNA量が増加していた。",
           "造血幹細胞と同様に、乳がん細胞も周囲の細胞を利用して休眠状態を維持している。"]


@pytest.mark.parametrize("question, scores", [
    ("Why do the researchers compare breast cancer cells to bone marrow cells?", [0.5, 0.4]),
    ("What do breast cancer cells have in common with haematopoietic stem cells?", [0.6, 0.35]),
])
def test_a_comparison_asked_is_the_sentence_likening_one_thing_to_another(question, scores):
    """"Why compare the cancer cells to blood stem cells?": the sentence likening them (造血幹細胞と
    同様に) answers, not one reporting a difference measured against something (と比較して)."""
    _led_by_rule("w_comparison", question, LIKENED, scores, "同様", 60)


def test_which_cells_they_are_compared_to_is_the_sentence_naming_them():
    """"Which bone marrow cells do the researchers compare breast cancer cells to?" asks for cells:
    the sentence naming some (造血幹細胞) leads however the comparison weighs."""
    passage = _passage("【研究概要】", LIKENED)
    passage.sentence_scores = [0.5, 0.4]
    for w in (0.0, 0.2):
        chosen, why = _select("Which bone marrow cells do the researchers compare breast cancer cells to?", passage, max_quote_chars=60, w_comparison=w)
        assert why is None and "同様" in chosen[0].text


LIKENESS = ["この研究グループは幹細胞制御によるがん治療法開発の支援を受けた。",
            "エクソソームによって一部の乳がん細胞が幹細胞様の性質を獲得した。",
            "どのようなメカニズムで休眠状態になるのかは分かっていなかった。"]


@pytest.mark.parametrize("question", ["Do the cancer cells take on stem-cell-like traits?",
                                      "Does the cancer cell become more like a stem cell?"])
def test_a_likeness_asked_is_the_sentence_saying_what_something_is_like(question):
    """"Stem-cell-like traits": the sentence saying what the cells become like (幹細胞様の性質) answers,
    not one about stem cells themselves (幹細胞制御) -- nor どのような ("what kind of")."""
    _led_by_rule("w_likeness", question, LIKENESS, [0.45, 0.3, 0.6], "幹細胞様", 40)


WORK_AND_COMMENT = ["本研究の共同著者でもある中央病院の山田一郎医師は以下のように述べています。",
                    "本研究成果は、研究所の佐藤花子研究員、鈴木次郎分野長の研究グループが行ったものです。"]


@pytest.mark.parametrize("question", [
    "Who did the study?", "who wrote the paper", "Who are the authors?", "who's the PI", "Who led this?",
    "この研究を行ったのはどなたですか？", "著者は誰ですか", "誰の研究？", "この研究、誰がやったの？",
])
def test_who_did_the_work_is_answered_by_the_group_that_did_it(question):
    """"Who did the study?" asks who did the work the documents report: the sentence naming a
    group's head (鈴木次郎分野長の研究グループ) answers, not the co-author quoted on it, closer in
    meaning and in words (著者, 本研究) -- and "wrote" or "PI", words of no sentence, lose nothing."""
    from bot.qa.forms import LEADER_ASKED

    passage = _passage("【研究概要】", WORK_AND_COMMENT)
    passage.sentence_scores = [0.6, 0.3]
    chosen, why = _select(question, passage, max_quote_chars=60)
    assert why is None and "研究グループ" in chosen[0].text, (why, chosen and chosen[0].text)
    if not LEADER_ASKED.search(question):  # (who led it, the PI: the leader rule prefers the group as well)
        chosen, why = _select(question, passage, max_quote_chars=60, study_agents=False)
        assert why is not None or "研究グループ" not in chosen[0].text


@pytest.mark.parametrize("question, asked", [
    ("Who did the study?", True), ("研究したのは誰", True), ("who wrote the paper at NCC", True), ("この研究、誰がやったの？", True),
    ("この論文は誰が書いたのですか？", True),
    ("Who did the study on mice?", False),  # more is asked: the usual evidence checks judge it
    ("Who funded the study?", None), ("Who is quoted in the release?", None), ("Who wrote the press release?", None),
])
def test_who_did_the_work_is_told_from_other_who_questions(question, asked):
    from bot.qa.forms import study_agents_asked

    assert study_agents_asked(question) is asked


CARRIED = ["本研究では、間葉系幹細胞が分泌するエクソソームによって乳がん細胞が休眠状態になることが明らかになりました。",
           "さらにエクソソームに含まれる小さな核酸（マイクロRNA）が、乳がん細胞へ受け渡されました。"]


@pytest.mark.parametrize("question", [
    "What do the exosomes carry?", "what's inside the exosomes that matters", "What cargo do the vesicles deliver?", "エクソソームの中身は？",
])
def test_what_something_holds_is_answered_by_what_it_contains(question):
    """"What do the exosomes carry?" asks what they hold: the sentence saying what they contain
    (エクソソームに含まれる…マイクロRNA) answers, not its neighbour that only names them."""
    _led_by_rule("w_contents", question, CARRIED, [0.6, 0.3], "含まれる", 60)


EXPECTED_USE = ["乳がんは標準治療の確立が進んでいますが、患者さんにとって大きな不安となっています。",  # (a standard treatment established: no use expected)
                "乳がん治療の観点からは、再発のモニタリングと新たな治療法の開発への応用が期待されます。"]


@pytest.mark.parametrize("question", [
    "What does this mean for patients?", "How might this help breast cancer patients?", "この研究は患者さんにどう役立つの？",
    "患者さんにとって、この研究はどんな意味があるんですか？",  # (the meaning asked further from 患者)
    "If a friend had breast cancer years ago, why should she care about this study?",
])
def test_what_the_work_means_for_patients_is_the_use_expected_of_it(question):
    """"How might this help patients?" asks what use is expected of the work: the sentence saying so
    (応用が期待されます) answers, not the background sentence about patients' worry."""
    _led_by_rule("w_benefit", question, EXPECTED_USE, [0.6, 0.3], "期待", 60)


def test_what_was_found_in_patients_is_no_use_asked():
    from bot.qa.forms import BENEFIT_ASKED

    assert not BENEFIT_ASKED.search("患者さんの骨髄を調べて何が分かりましたか？")


PRIOR = ["本研究では、エクソソームによって乳がん細胞が休眠状態になることが明らかになりました。",
         "この研究グループはこれまでも、大腸がんにおいて、血液中のエクソソームを診断に活用してきました。"]


def test_earlier_work_asked_is_the_sentence_saying_what_was_done_before():
    """"Has this same lab done anything with exosomes before?" asks about earlier work: the sentence
    saying what the group had done so far (これまでも) answers, not the one on this study."""
    from bot.qa.forms import PRIOR_ASKED

    _led_by_rule("w_prior", "Has this same lab done anything with exosomes before, maybe with a different cancer?", PRIOR, [0.6, 0.4], "これまで", 60)
    assert PRIOR_ASKED.search("この研究チームの以前の成果は？") and PRIOR_ASKED.search("What did their previous research show?")
    assert not PRIOR_ASKED.search("Before this study, what was the prevailing idea?") and not PRIOR_ASKED.search("How long before surgery?")


def test_a_link_asked_for_by_what_it_leads_to_is_no_missing_thing():
    """前に出た大腸がんの発表のページって、リンクありますか？: what the link leads to (発表, ページ) is
    described in words a bare link never holds; the documents lacking them is no near miss."""
    from bot.qa.answer import select
    from bot.qa.query import build_query
    from bot.qa.tuning import AnswerTuning

    question = "前に出た大腸がんの発表のページって、リンクありますか？"
    passage = _passage("研究成果", ["研究グループはこれまでも、大腸がんの診断にエクソソームを活用してきました。",
                                    "http://www.ncc.go.jp/jp/information/press_release_20130605.html"])
    query = build_query(question)
    df = {t: 5 for t in passage.tokens}  # the documents' words only
    chosen, why = select(question, [passage], df, 100, query=query)
    assert why is None and "http://" in " ".join(c.text for c in chosen), why
    chosen, why = select(question, [passage], df, 100, query=query, tuning=AnswerTuning(max_absent_link=0.0))
    assert chosen == [] and "nowhere in the documents" in why, why


VENUE = ["【Science誌 HP上での紹介】",
         "本研究成果は Science Signaling（電子版）に掲載されました。"]


def test_which_journal_is_answered_by_the_sentence_saying_where_it_was_published():
    """"論文はどの雑誌に載ったの？" asks which journal carried the paper: the sentence saying it was
    published there (…に掲載されました) answers, not the heading that names a journal."""
    from bot.qa.forms import VENUE_ASKED, VENUE_SAID

    _led_by_rule("w_venue", "研究成果はどの雑誌に載ったの？", VENUE, [0.6, 0.3], "掲載", 40)
    for asked in ["Which journal was the study published in?", "What journal did it appear in?", "掲載誌は？", "どこに掲載されたの？"]:
        assert VENUE_ASKED.search(asked), asked
    assert not VENUE_ASKED.search("When was the paper published?") and not VENUE_ASKED.search("Who funded the study?")
    # one table for the journal asked for, however the question puts it: "where … published" asks
    # for a journal as "which journal" does (and for no place: venue_asked)
    from bot.qa.forms import venue_asked

    for asked in ["Where was the paper published?", "論文はどこで発表されたの？", "Which journal carried it?"]:
        assert VENUE_ASKED.search(asked) and venue_asked(asked), asked
    assert not venue_asked("Where do the cancer cells sleep?") and not venue_asked("どこで休眠するの？")
    assert VENUE_SAID.search("…診断法の開発にも成功しています（Nature Communications. 2013, 4: 1423）。") and not VENUE_SAID.search(VENUE[0])


def test_which_volume_and_issue_is_answered_by_the_line_that_gives_them():
    """"volume & issue # of the Science Signaling paper?" is answered by the citation's link, whose
    path gives them (sigtrans;7/332/ra63: volume 7, issue 332), not by the cover caption naming
    the journal, nearer in meaning."""
    from bot.qa.forms import ISSUE_ASKED, ISSUE_SAID

    sentences = ["This week features a Research Article in Science Signaling on bone marrow and dormancy.",
                 "http://stke.sciencemag.org/cgi/content/full/sigtrans;7/332/ra63"]
    _led_by_rule("w_issue", "volume & issue # of the Science Signaling paper?", sentences, [0.6, 0.1], "332", 200,
                 section="【Science Signaling表紙】")
    for asked in ["Which volume and issue of Science Signaling is the paper in?", "論文は何巻何号？", "issue number?"]:
        assert ISSUE_ASKED.search(asked), asked
    assert not ISSUE_ASKED.search("What issue does chemotherapy face?") and not ISSUE_ASKED.search("骨髄を取り巻く環境は？")
    assert ISSUE_SAID.search("Vol. 7, No. 332") and not ISSUE_SAID.search(sentences[0])


COVER = ["The image shows molecules in vesicles called exosomes being released from cells in the bone marrow.",
         "[Image: Eiji Takaoki (Metacorporation, Tokyo, Japan) and Takahiro Ochiya (National Cancer Center Research Institute, Tokyo, Japan)]"]


def test_who_is_credited_for_a_picture_is_answered_by_its_credit_line():
    """"Who else gets credit for the cover image?" asks whom the credit line names ([Image: …]),
    which holds little of the question's wording: not the caption describing the picture."""
    from bot.qa.forms import CREDIT_ASKED, CREDIT_SAID

    question = "Apart from the illustrator, who else gets credit for the journal cover image?"
    _led_by_rule("w_credit", question, COVER, [0.6, 0.3], "[Image:", 200, section="【Science Signaling表紙】")
    for asked in ["Which scientist shares credit for the cover image?", "who else is credited for the cover pic besides the artist",
                  "Who drew the cover illustration?", "表紙の画像は誰が作ったの？"]:
        assert CREDIT_ASKED.search(asked), asked
    assert not CREDIT_ASKED.search("Who funded the study?") and not CREDIT_ASKED.search("Which journal published it?")
    assert CREDIT_SAID.search(COVER[1]) and not CREDIT_SAID.search(COVER[0]) and CREDIT_SAID.search("写真提供：国立がん研究センター")


def test_a_credit_line_is_evidence_for_a_credit_question_however_few_of_its_words_it_holds():
    """"Cover art credit: which company is the illustrator with?" holds none of the credit line's
    words and is far from it in meaning (weak evidence, in one language): the line says what is
    asked of the picture -- whom it credits -- and so it answers."""
    passage = _passage("【Science Signaling表紙】", [COVER[1]], lang="en")
    passage.sentence_scores = [0.05]
    question = "Cover art credit: which company is the illustrator with?"
    from bot.qa.answer import select
    from bot.qa.query import build_query
    from bot.qa.tuning import AnswerTuning

    df = {t: 5 for t in passage.tokens}  # the documents' words only: cover, art, illustrator are nowhere
    chosen, why = select(question, [passage], df, 100, query=build_query(question))
    assert why is None and "Metacorporation" in chosen[0].text, why
    chosen, why = select(question, [passage], df, 100, query=build_query(question), tuning=AnswerTuning(claim_is_evidence=False))
    assert chosen == [] and "weak evidence" in why, why


@pytest.mark.parametrize("question, plain", [
    ("When did the paper come out?", "When did the paper get published?"),
    ("where did the study come out", "where did the study get published"),
    ("How much did the camera cost when it came out?", "How much did the camera cost when it came out?"),  # released
    ("論文はいつ出たの？", "論文はいつ掲載されたの？"),
    ("When do the cells come out of dormancy?", "When do the cells come out of dormancy?"),  # no publishing
    ("がん幹細胞はいつ出現するの？", "がん幹細胞はいつ出現するの？"),
    ("どうやって休眠させるの？", "どのように休眠させるの？"),  # (how: not the verb 遣る, which no text holds)
])
def test_a_paper_that_came_out_was_published(question, plain):
    """The documents say a paper was published (掲載されました); "came out", 出た is how people say it."""
    from bot.qa.forms import judged_text

    assert judged_text(question) == plain


SOURCED = ["細胞がエクソソームを分泌することで、がんの悪性化に関与することも報告されています。",
           "本研究では、骨髄中の間葉系幹細胞が分泌する顆粒（エクソソーム）によって乳がん細胞が休眠状態になりました。"]


@pytest.mark.parametrize("question", [
    "Where do the exosomes come from?", "エクソソームってどこから来てるんだっけ？", "エクソソームを出しているのは何の細胞？",
])
def test_where_something_comes_from_is_what_secretes_it(question):
    """"Where do the exosomes come from?" asks for their source: the sentence saying what secretes
    them (間葉系幹細胞が分泌する) answers, not its neighbour that says cells secrete them at all."""
    _led_by_rule("w_source", question, SOURCED, [0.6, 0.3], "間葉系幹細胞が分泌", 70)


def test_where_something_sits_in_a_pathway_asks_no_place(pipeline):
    """"Where would a miRNA-directed drug sit in the tx pathway?" abstained: no place in the evidence.
    Where a thing sits, fits or stands in a pathway, the literature or a field is a position among
    things; where it is, happens or was found stays a place."""
    from bot.qa.forms import FIGURATIVE_WHERE

    assert FIGURATIVE_WHERE.search("Where would a miRNA-directed drug sit in the tx pathway?")
    assert FIGURATIVE_WHERE.search("where does this fit in the literature on dormancy")
    assert not FIGURATIVE_WHERE.search("Where do the cancer cells sleep?")
    assert not FIGURATIVE_WHERE.search("Where is the National Cancer Center?")
    assert not pipeline.ask("Where would a microRNA-directed drug sit in the treatment pathway - alone, or on top of chemo?").abstained


def test_where_in_the_text_asks_no_place(pipeline):
    """"Where in the release does it say …", リリースのどこにそう書かれているか, コメントのうち…の部分は
    どこ: a place in the text, not a place in the world (release-probes54: "no place in the evidence",
    and "the documents name no 部分"). Where a thing is stays a place."""
    from bot.qa.about import where_in_document, without_place_in_document

    assert where_in_document("Where in the release does it say that dormant cells resist chemotherapy?")
    assert where_in_document("where does the press release mention the journal?")
    assert where_in_document("リリースのどこにそう書かれているか確認させてください。")
    assert where_in_document("コメントのうち、検査につながりそうな部分はどこでしょうか。")
    assert not where_in_document("Where in the body do the cancer cells hide?")
    assert not where_in_document("国立がん研究センターはどこにありますか？")
    # ... nor is it searched for: the place goes, the text's name (a heading: 田村研治 医師のコメント) stays
    assert without_place_in_document("where does the press release mention the journal?") == "the journal?"
    assert without_place_in_document("田村先生のコメントのどこに書かれていますか") == "田村先生のコメント 書かれていますか"
    assert without_place_in_document("検査につながりそうな部分はどこでしょうか。") == "検査につながりそうな 。"
    answer = pipeline.ask("田村先生のコメントのうち、再発の「なりやすさ」を調べる検査につながりそうな部分はどこでしょうか。")
    assert not answer.abstained and "再発しやすさをモニター" in answer.citations[0].quote, answer.answer
    assert not pipeline.ask("休眠中のがん細胞は化学療法が効きにくい、とリリースのどこに書かれていますか？").abstained


def test_a_number_and_the_words_about_the_text_are_no_missing_things():
    """A caregiver's 「十五年ほど経ちます」 and "One likes to know …" hold numbers no passage need
    spell so (十, 五, one: katakana guesses only); 「マイクロRNA」という言葉が何度も出てまいりますが
    asks what the quoted word means, the text never says 言葉, and 何度 ("again and again", "how many
    times") asks a count, as 数 does. release-probes34: each abstained on those words."""
    from bot.qa.answer import Evidence
    from bot.qa.forms import defined_term, judged_text
    from bot.qa.query import build_query, respelled
    from index.lexical import tokenize

    df = {t: 1 for t in tokenize("乳がんは手術後10年、20年と長い期間を経て再発、転移する。小さな核酸（マイクロ RNA）。"
                                 "Science website headline journal")}
    ev = Evidence(build_query("母が乳がんの手術を受けてから十五年ほど経ちます。再発することはあるのでしょうか。"), df, 10)
    assert not {"m:十", "m:五"} & set(ev.absent), ev.absent
    assert "m:母" in ev.absent  # a word of the question the documents lack still counts
    ev = Evidence(build_query("Under what headline? One likes to know whether the journal thought it worth a mention."), df, 10)
    assert "one" not in ev.absent and "one" not in ev.absent_loanwords, ev.absent
    question = "「マイクロRNA」という言葉が何度も出てまいりますが、どういうものなのか教えていただけますでしょうか。"
    ev = Evidence(build_query(question), df, 10)
    assert not {"m:言葉", "m:度"} & set(ev.absent) and ev.absent_share == 0.0, ev.absent
    assert defined_term(respelled(judged_text(question))) == "マイクロRNA"
    assert defined_term("エクソソームという用語はどういう意味ですか") == "エクソソーム"
    assert defined_term("エクソソームってそもそも何？") == "エクソソーム" == defined_term("エクソソームとは一体何ですか")


def test_years_counted_from_an_event_are_a_length_of_time_not_a_date():
    """手術後 5年以内だけでなく、10年、20年 ("within five years, but ten, twenty") counts years: a
    number for "how long later can it come back?", not a date; 2014年 7月 stays a date. A share
    (どのくらいの割合) and a bare count of patients (患者数は？) are asked in their own units."""
    from bot.qa.answer import _has_quantity, fits_kind

    assert fits_kind("number", "再発期間は、手術後 5年以内だけでなく、10年、20年と長い期間を経て再発する。")
    assert not _has_quantity("2014年 7月 2日に発表した。") and not _has_quantity("安永3年に刊行された。")
    assert answer_unit("手術から10年以上経ってから再発される方は、全体のどのくらいの割合でいらっしゃるのでしょうか。") == "percent"
    assert answer_unit("患者数は？") == "people"


def test_a_statistic_asked_for_by_name_needs_that_name():
    """"What's the hazard ratio for late recurrence …?" and the p-value are statistics asked for by
    name (test_pipeline: the release gives none, so it abstains); "what ratio" asks for a share."""
    from bot.qa.forms import ASKED_STATISTIC

    assert ASKED_STATISTIC.search("what was the p-value?") and ASKED_STATISTIC.search("What's the hazard ratio for late recurrence?")
    assert not ASKED_STATISTIC.search("What ratio of cells became dormant?")


def test_a_number_is_one_vocabulary_however_it_is_written():
    """Digits, English number words and kanji numerals are one vocabulary (bot.qa.numerals): a
    passage that says "sixty patients" or 三兆円 holds a quantity, and a question's fifteen,
    十五 or 11 is no missing thing; but only a number in words is free of the event it dates
    (the 11 of 11月 names a tournament)."""
    from bot.qa import numerals
    from bot.qa.answer import _has_quantity

    assert _has_quantity("Sixty patients were enrolled.") and _has_quantity("Seventeen samples.") and _has_quantity("予算は三兆円。")
    assert all(numerals.is_number(w) for w in ("fifteen", "ninety", "m:十五", "11", "〇", "半数", "dozens"))
    assert not any(numerals.is_number(w) for w in ("eleventh", "m:一般", "someone"))
    assert numerals.is_number_word("fifteen") and numerals.is_number_word("数百") and not numerals.is_number_word("11")


def test_a_vague_number_and_a_bracketed_unit(pipeline):
    """何十年も ("for decades") asks no number and is no missing thing (乳がんって何十年もたってから再発
    することあるってマジ？ abstained: 何十 was nowhere); a unit in brackets, as a table header gives
    it (骨転移頻度（%）は？), asks for a figure in it, which the release never gives."""
    from bot.qa import numerals
    from bot.qa.forms import answer_kind, answer_unit

    assert numerals.is_number("m:何十") and numerals.is_number_word("何百")
    answer = pipeline.ask("乳がんって何十年もたってから再発することあるってマジ？")
    assert not answer.abstained and "20年" in answer.citations[0].quote, answer.answer
    assert answer_kind("BCの骨転移頻度（%）は？") == "number" and answer_unit("BCの骨転移頻度（%）は？") == "percent"
    assert answer_unit("what is the relapse rate (%)?") == "percent"
    assert pipeline.ask("BCの骨転移頻度（%）は？").abstained


def test_keigo_and_formal_written_questions_are_read_plainly():
    """An MR's business keigo and an older reader's formal written Japanese ask what a plain question
    asks: でございますか is ですか (ござる is a verb no document holds), 如何なる is どのような, a
    letter's opening formula (いつもお世話になっております) and the asker's company (弊社…が、) frame
    the question, and the asker's humble acts (拝見した, 伺いたい) are not what is asked."""
    from bot.qa.forms import judged_text, plainly, without_request
    from bot.qa.query import build_query

    assert plainly("掲載誌はScience本誌でございますか、それとも姉妹誌でございますか。") == "掲載誌はScience本誌ですか、それとも姉妹誌ですか。"
    assert plainly("資料はございますか") == "資料はありますか" and plainly("如何なる発見であったのか") == "どのような発見であったのか"
    asked = without_request("いつもお世話になっております。弊社学術部で文献を取り寄せる予定でございますが、掲載誌はどちらでございますか。")
    assert asked == "掲載誌はどちらでございますか。", asked
    assert judged_text("がん細胞の「休眠」とは、如何なる状態を指すものであるか。") == "がん細胞の「休眠」とは、どのような状態を指すものであるか。"
    key = {c.word for c in build_query("先日の記事を拝見した。要点を伺いたい。").concepts if c.key}
    assert "m:記事" in key and not {"m:拝見", "m:伺う"} & key, key


LIVES = {
    "hattori.txt": "服部金太郎\n服部金太郎(はっとり きんたろう)は、明治から昭和初期の実業家で、セイコーの創業者である。創業者の服部金太郎は、"
                   "1881年、21歳のときに東京・京橋で時計の修理と販売を行う服部時計店を開いた。1892年には精工舎を設立して掛時計の製造を始め、"
                   "1913年には国産初の腕時計を発売した。\n",
    "okubo.txt": "Okubo Toshimichi\nOkubo Toshimichi was a samurai of the Satsuma domain and one of the leaders of the Meiji Restoration. "
                 "In 1849 his father was exiled in a succession dispute, and he himself was dismissed from his post. He later served as "
                 "Minister of Finance and as Home Minister, and he led the new government's drive to build industry.\n",
}


def test_an_event_of_a_life_must_be_told_of(tmp_path):
    """"Where is Okubo Toshimichi buried?" quoted his career, 服部金太郎は何年に亡くなりましたか the year he
    opened his shop: a death, a burial or a birth asked of is dated or placed only by a sentence
    that tells of it (亡くなった, 急死, 墓, buried, born), in either language. Without the check
    (AnswerTuning.life_event_must_be_said) both were answered."""
    from bot.config import Settings
    from bot.qa.pipeline import Pipeline
    from bot.qa.tuning import AnswerTuning, Tuning

    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in LIVES.items():
        (docs / name).write_text(text, encoding="utf-8")
    result = run_qabot("ingest", str(docs), "--store", str(tmp_path / "store"))
    assert result.returncode == 0, result.stderr
    pipeline = Pipeline(Settings(store=tmp_path / "store"))
    without = Pipeline(Settings(store=tmp_path / "store"), tuning=Tuning(answer=AnswerTuning(life_event_must_be_said=False)))
    for question in ("服部金太郎は何年に亡くなりましたか?", "Where is Okubo Toshimichi buried?", "When did Okubo Toshimichi die?"):
        assert pipeline.ask(question).abstained, question
        assert not without.ask(question).abstained, question
    answer = pipeline.ask("When did Hattori Kintaro open his watch shop?")
    assert not answer.abstained and "1881" in answer.answer, answer.answer


def test_a_letters_frame_and_how_far_an_extent_are_no_missing_things(pipeline):
    """A letter's salutation and close ("Dear Sir or Madam, …", "Yours faithfully, Mrs G. Thorne")
    hold no word the documents must (release-probes57: "neither sir nor madam is in the
    documents"); "how far treatment has become standardised" asks an extent, not a distance (it
    abstained on "no number in the evidence"). A close needs a closing word and nothing after the
    names; a distance stays a number."""
    from bot.qa.forms import answer_kind, without_request

    assert without_request("Dear team: who led it? Best regards, Tom") == "who led it?"
    assert without_request("Who funded it? I remain, Yours faithfully, Harold Bexley (retired)") == "Who funded it?"
    assert without_request("Thanks, what is the journal?") == "Thanks, what is the journal?"
    assert without_request("Who funded it? regards the journal") == "Who funded it? regards the journal"
    assert answer_kind("Does it say how far treatment for breast cancer has become standardised?") is None
    assert answer_kind("how far along is the drug?") is None
    assert answer_kind("How far is the centre from Tokyo station?") == "number"
    assert answer_kind("how far the tumour cells have moved from the primary site?") == "number"
    answer = pipeline.ask("Dear Sir or Madam, I intend to write to your press office by post. To which office should the "
                          "envelope be addressed, and what is the postal code? Yours faithfully, Winifred Lowe")
    assert not answer.abstained and "104-0045" in answer.citations[0].quote, answer.answer
    answer = pipeline.ask("Dear Sir or Madam, my niece was just diagnosed. Does your release say how far treatment for "
                          "breast cancer has become standardised? Yours sincerely, Beatrice Ormerod")
    assert not answer.abstained and "標準治療の確立" in answer.citations[0].quote, answer.answer


def test_business_japanese_context_is_no_part_of_the_question(pipeline):
    """A patient group's office writes business Japanese: who they are (…の事務局でございます), what they
    mean to do (会報でご紹介したく、…と考えております), whom it is for (…という会員がおります), 本件 for
    "this matter", and ご教示いただけますと幸いです for "please tell me". None is a word the documents
    must hold (release-probes56: 本件, 会員 were missing things). どこまで asks an extent, no place
    ("no place in the evidence")."""
    from bot.qa.about import asked_of_document
    from bot.qa.forms import WHERE, judged_text

    assert judged_text("山田と申します。会報でご紹介したく、引用したいと考えております。研究を支援した事業名をご教示いただけますと幸いです。") \
        == "研究を支援した事業名"
    # (a request is what is asked, and a claim asked only "is it true?" stays: review mends)
    assert "大きさ" in judged_text("エクソソームの大きさを知りたいと考えております。研究費の出所も教えてください。")
    assert "効く" in judged_text("エクソソームが効くという人がいます。本当ですか？")
    # (a question pointing back keeps the sentence before it)
    assert "引用したい" in judged_text("会報でご紹介したく、この一文を引用したいと考えております。そのまま載せてよいでしょうか。")
    # (表題 and 題名 are the release's title, as タイトル is; a project's 研究課題名 is not)
    assert asked_of_document("このリリースの表題は？") == "headline" and asked_of_document("このリリースの研究課題名は？") is None
    assert not WHERE.search("休眠と治療抵抗性の関係について、リリースではどこまで言っていますか。")
    assert WHERE.search("国立がん研究センターはどこにありますか？")
    answer = pipeline.ask("本件について電話で問い合わせたいという会員がおります。恐れ入りますが、窓口の電話番号を教えていただけますでしょうか。")
    assert not answer.abstained and "03-3542-2511" in answer.citations[0].quote, answer.answer
    answer = pipeline.ask("会報の原稿を確認しております。休眠と治療抵抗性の関係について、リリースではどこまで言っておりますでしょうか。")
    assert not answer.abstained and "治療抵抗性" in answer.citations[0].quote, answer.answer


def test_a_figure_behind_a_claim_legal_japanese_and_chat_shorthand(pipeline):
    """A rate or a count of patients asked for ("the actual five-year survival figure", 年間罹患数を
    示せ) is a figure, which a text that only calls survival high does not give (release-probes57-59:
    quoted 生存率の高いがん). Legal and である調 Japanese wraps a question in words no fact hinges on
    (前記, 当該, 表記どおり示されたい, 特定されたい, 英文見出し); chat shorthand ("tl;dr") is no missing
    word; and "which two things" asks for any two, named or not."""
    from bot.qa.forms import answer_kind, answer_unit, judged_text

    assert (answer_kind("What ten-year survival figure does the release give?"), answer_unit("What ten-year survival figure does the release give?")) \
        == ("number", "percent")
    assert (answer_kind("乳がんの患者数と集計年を示せ。"), answer_unit("乳がんの患者数と集計年を示せ。")) == ("number", "people")
    assert answer_kind("Is there an incidence figure behind that statement?") is None  # (whether, not what)
    assert answer_kind("What does it say about breast cancer incidence numbers in Japan?") is None  # (what it says, no figure asked)
    assert answer_kind("生存率が高いとされる理由は？") is None
    assert judged_text("当該論文の掲載誌名を、表記どおり示されたい。") == "当該論文の掲載誌名"
    for question in ("Which five-year survival percentage does the release give for breast cancer?", "乳がんの年間死亡数を示せ。"):
        assert pipeline.ask(question).abstained, question
    answer = pipeline.ask("前記研究に係る論文がScience誌のホームページで紹介された際の英文見出しを特定されたい。")
    assert not answer.abstained and "Promoting cancer cell dormancy" in answer.citations[0].quote, answer.answer
    answer = pipeline.ask("tl;dr which journal ran the paper?")
    assert not answer.abstained and "Science Signaling" in answer.answer, answer.answer
    answer = pipeline.ask("Per the background, before this study nobody knew how the cancer cells do two things. Which two things?")
    assert not answer.abstained and "目覚める" in answer.citations[0].quote, answer.answer


def _ask_over_text(tmp_path, text, question):
    """Ingest one text through the CLI into a fresh store and ask it the question."""
    from bot.config import Settings
    from bot.qa.pipeline import Pipeline

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "doc.txt").write_text(text, encoding="utf-8")
    assert run_qabot("ingest", str(docs), "--store", str(tmp_path / "store")).returncode == 0
    return Pipeline(Settings(store=tmp_path / "store")).ask(question)


def test_a_microrna_name_asked_needs_a_mir_number(pipeline, tmp_path):
    """A microRNA's name is its miR number: "what's it called, miR-what?", マイクロRNAの名前は？ ask
    for one, and 特定のマイクロRNA (the release's "a specific microRNA") gives none -- six near misses
    of the tuning sets were answered with it. A text that gives the number is quoted."""
    from bot.qa.pipeline import Pipeline
    from bot.qa.tuning import Tuning

    without = Pipeline(pipeline.settings, tuning=Tuning(answer=AnswerTuning(abstain_on_unnamed_form=False)))
    for question in ("For my slides: the microRNA the team found, what's its name? miR-what?", "エクソソームに含まれていたマイクロRNAの名前って何ですか？miR-何番？"):
        assert pipeline.ask(question).abstained, question
        assert not without.ask(question).abstained, question
    # (a question about microRNA that asks no name is answered)
    answer = pipeline.ask("What do the microRNAs in the exosomes do to the breast cancer cells?")
    assert not answer.abstained, answer.answer
    answer = _ask_over_text(tmp_path, "Exosomal microRNA in dormancy\nThe team found that miR-23b, carried by exosomes from "
                            "bone-marrow stromal cells, puts breast cancer cells into dormancy.\n",
                            "For my slides: the microRNA the team found, what's its name? miR-what?")
    assert not answer.abstained and "miR-23b" in answer.citations[0].quote, answer.answer


def test_a_label_a_relayed_request_and_a_sum_of_funding(pipeline):
    """Words about the asker's own artefact or enquiry are no word of the documents: a label before
    a colon ("Grant metadata, please: …", "Lab meeting slide: …"), the patron an enquiry is relayed
    from (利用者の方から、…という利用者の方のご依頼です。), テロップ, 大丈夫, "exact" (release-probes60/61:
    refused on "metadata is nowhere"). "Which programme supported the work" asks for the funding
    scheme (研究事業), whatever the documents call it, and "which problem" for any problem, named or
    not. A sum of funding asked (配分された研究費はいくら) is a number no funding sentence gives, and "is
    there a year" asks for a year; "where does the release back that up" asks for no place."""
    from bot.qa.about import where_in_document
    from bot.qa.forms import without_request
    from bot.qa.query import build_query

    assert without_request("Lab meeting slide: who led the research group?") == "who led the research group?"
    assert without_request("Grant metadata, please: which programme supported the work?") == "which programme supported the work?"
    assert without_request("Funding: who paid for the study?") == "Funding: who paid for the study?"  # (a topic, no artefact)
    assert without_request("利用者の方から、掲載誌についてのお問い合わせです。誌名は何ですか。").startswith("掲載誌")
    assert without_request("患者さんから、どのように骨髄を採取したのですか？").startswith("患者さんから")  # (no enquiry: whence, asked)
    assert without_request("出典を注記したいという利用者の方のご依頼です。研究を支援した事業は何ですか。").startswith("研究を支援した")
    assert not {"m:テロップ", "m:大丈夫", "exact"} & {c.word for c in build_query("『眠っているがん細胞に抗がん剤が効きにくい』ってテロップに出しても大丈夫？ the exact words?").concepts if c.key}
    for question in ("Grant metadata, please: which programme supported the work?", "Which programme funded the work?",
                     "Which program supported the work, and what is the exact project title?"):
        answer = pipeline.ask(question)
        assert not answer.abstained and "対がん総合戦略研究事業" in answer.citations[0].quote, (question, answer.answer)
    answer = pipeline.ask("Which problem with anticancer drugs could the new drug help overcome?")
    assert not answer.abstained and "抵抗性" in answer.answer, answer.answer
    assert (answer_kind("研究事業から配分された研究費はいくらでしたか。"), answer_unit("研究事業から配分された研究費はいくらでしたか。")) == ("number", "money")
    assert answer_kind("Who funded the study?") == "funding"
    assert answer_unit("Is there a year when the new drug will be available?") == "year"
    for question in ("研究事業から配分された研究費はいくらでしたか。", "Is there a year when women could get the new drug?"):
        assert pipeline.ask(question).abstained, question
    assert where_in_document("Can I say dormant cells resist chemo? Where does the release back that up?")
    answer = pipeline.ask("Can I say dormant cells resist chemo? Where does the release support that?")
    assert not answer.abstained and ("化学療法" in answer.answer or "抗がん剤" in answer.answer), answer.answer


def test_whether_a_finding_holds_for_a_group_the_documents_never_name(pipeline):
    """"Does this apply to men as well?", 前立腺がんでも同じですか: the group asked about (men, another
    cancer) is what the question hinges on; when the documents never speak of it, they cannot say
    (five near misses of the tuning sets were answered with a sentence about breast cancer). A
    group they do speak of (patients' bone marrow, breast cancer patients) is answered."""
    from bot.qa.pipeline import Pipeline
    from bot.qa.tuning import Tuning

    without = Pipeline(pipeline.settings, tuning=Tuning(answer=AnswerTuning(abstain_on_absent_scope=False)))
    for question in ("Does the finding hold for men with breast cancer too?", "膵臓がんの患者さんでも同じことが言えますか？",
                     "Is this true for pancreatic cancer as well?"):
        assert pipeline.ask(question).abstained, question
        assert not without.ask(question).abstained, question
    for question in ("患者さんの骨髄でも同じことが起きているのですか？", "Does this apply to breast cancer patients?"):
        assert not pipeline.ask(question).abstained, question


def test_a_code_the_documents_never_give(pipeline, tmp_path):
    """A code in the question (MCF-7, MDA-MB-231, HER2) names one particular thing; when the documents
    never give it, they say nothing of that thing (three near misses of the tuning sets asked which cell
    line, "MCF-7 or another one?", and were answered with 乳がん細胞). A text that gives it is quoted."""
    from bot.qa.pipeline import Pipeline
    from bot.qa.tuning import Tuning

    without = Pipeline(pipeline.settings, tuning=Tuning(answer=AnswerTuning(abstain_on_absent_code=False)))
    for question in ("Which breast cancer cell line received the exosomes, MCF-7 or another one?",
                     "Were the MDA-MB-231 cells put into dormancy by the exosomes?"):
        assert pipeline.ask(question).abstained, question
        assert not without.ask(question).abstained, question
    assert not pipeline.ask("Q1: who led the study?").abstained  # (the asker's own numbering is no code)
    answer = _ask_over_text(tmp_path, "Cell lines\nThe recipient breast cancer cells were the MCF-7 line, cultured with "
                            "exosomes from bone-marrow stromal cells.\n",
                            "Which breast cancer cell line received the exosomes, MCF-7 or another one?")
    assert not answer.abstained and "MCF-7" in answer.citations[0].quote, answer.answer

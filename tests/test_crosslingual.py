"""English questions over Japanese text: structured dictionary queries, evidence checks across
languages, short answers with a glossary (issue #11); lexical scores in their documented range and
one snapshot per query (#12 items 3 and 6)."""

from __future__ import annotations

import json
import statistics

import bm25s
import pytest

from bot.qa.answer import fits_kind
from bot.evals.qasets import citation_valid, squash
from bot.qa.query import Alternative, Concept, Query, build_query
from bot.qa.retrieve import LexicalScorer
from tests.conftest import run_qabot


def _lexical(corpus: list[list[str]]) -> tuple[LexicalScorer, bm25s.BM25]:
    """The on-disk index of a token corpus, and bm25s over the same corpus (what it must equal)."""
    import tempfile
    from pathlib import Path

    from index.bm25 import LexicalIndex

    index = LexicalIndex(Path(tempfile.mkdtemp()) / "lex.sqlite3")
    index.append([(f"c{i}", f"s{i}", "v", tokens) for i, tokens in enumerate(corpus)])
    bm25 = bm25s.BM25(k1=1.2, b=0.75)
    bm25.index([tokens or ["\x00"] for tokens in corpus], show_progress=False)
    return LexicalScorer(index.snapshot()), bm25


def _concept(word: str, *alternatives: tuple[str, ...]) -> Concept:
    return Concept(word, tuple(Alternative(" ".join(a), a) for a in alternatives))


FILLER = [["埋め", f"埋{i}"] for i in range(20)]  # Japanese rows: idf is judged within a script (index.bm25)


def test_a_word_counts_once_however_many_of_its_senses_a_passage_holds():
    """Pirkola's structured query: a passage holding two senses of one word ("head" -> 長, 頭) does
    not beat one holding one sense of it and the question's other word; a flat OR-list would."""
    lex, bm25 = _lexical([["長", "頭", "x1"], ["長", "研究", "x2"], *FILLER])
    query = Query("who heads the research", "en", (_concept("head", ("長",), ("頭",)), _concept("research", ("研究",))))
    scores = lex.scores(query)
    assert scores[1] > scores[0] * 1.3
    flat = bm25.get_scores(["長", "頭", "研究"])
    assert flat[0] == pytest.approx(flat[1], rel=0.3)  # what the structure fixes


def test_one_token_per_concept_is_bm25_over_its_ceiling_and_reaches_the_range():
    """For a plain (Japanese) question the score is BM25 divided by the best score its terms can
    reach -- bm25s' own idf, with no (k1+1) factor, so a passage dense in the terms comes near 1."""
    lex, bm25 = _lexical([["休眠", "エクソソーム"] * 5, ["休眠"] + ["ゆ"] * 9, *[[f"埋{i}"] * 10 for i in range(20)]])
    query = Query("休眠 エクソソーム", "ja", (_concept("休眠", ("休眠",)), _concept("エクソソーム", ("エクソソーム",))))
    scores = lex.scores(query)
    ceiling = sum(lex.idf(t) for t in ("休眠", "エクソソーム"))
    assert scores == pytest.approx(bm25.get_scores(["休眠", "エクソソーム"]) / ceiling, rel=1e-5)
    assert 0.7 < scores.max() < 1.0  # with the (k1+1) factor in the ceiling it could not pass 0.45


def test_a_translation_scores_its_own_bm25_not_the_english_words():
    """"In what year was Horyuji listed": 年, in nearly every Japanese passage, is worth little,
    though "year" is rare in a Japanese collection; 法隆寺 is worth much. Scoring each translation
    as a share of its own idf, at the weight of the concept's rarest form, made a passage with
    年 and 世界 (in half the passages) the better of the one naming 法隆寺."""
    english = [["year", "world", "heritag", "site"]] + [["other", f"e{i}"] for i in range(9)]
    japanese = [["年", "世界" if i % 2 else "会", f"語{i}"] for i in range(40)]
    with_year = ["年", "世界", "遺産", "x1"]
    with_name = ["法隆寺", "遺産", "x2", "x3"]
    lex, _ = _lexical([*english, *japanese, with_year, with_name])
    query = Query("In what year was Horyuji listed as a World Heritage Site?", "en", (
        _concept("year", ("year",), ("年",)), _concept("horyuji", ("horyuji",), ("法隆寺",)),
        _concept("world", ("world",), ("世界",)), _concept("heritage", ("heritag",), ("遺産",))))
    scores = lex.scores(query)
    assert scores[-1] > 1.3 * scores[-2]
    assert scores[0] < scores[-1]  # the English passage: its words are in every English row


def test_english_words_become_concepts_with_japanese_alternatives():
    query = build_query("Which cells secrete the exosomes that induce dormancy in bone marrow?")
    by_word = {c.word: {a.term for a in c.alternatives} for c in query.concepts}
    assert "分泌" in by_word["secrete"]
    assert "休眠" in by_word["dormancy"]
    assert by_word["exosomes"] & {"エクソソーム", "エキソソーム"}
    assert "骨髄" in by_word["bone marrow"]  # a phrase looked up whole
    assert not {"which", "the", "that", "in"} & set(by_word)  # no concept for function words


def test_a_romanised_name_is_read_with_the_long_vowels_it_dropped():
    """Ryoma is りょうま, Chusonji ちゅうそんじ, Osaka おおさか: UniDic's lemma of a name is its full
    reading (m:リョウマ), which the romanisation without macrons no longer spells."""
    from index.lexical import tokenize

    def tokens(question, word):
        return {t for c in build_query(question).concepts if c.word == word for t in c.tokens}

    assert tokenize("坂本龍馬")[1] == "m:リョウマ" and "m:リョウマ" in tokens("When did Sakamoto Ryoma leave Tosa?", "ryoma")
    assert "m:チュウソンジ" in tokenize("中尊寺") and "m:チュウソンジ" in tokens("Who built Chusonji?", "chusonji")
    assert "m:オオサカ" in tokens("When was Osaka Castle built?", "osaka")


def test_a_two_syllable_surname_is_read_as_the_name_the_documents_give(pipeline):
    """Ono, Ito, Sato (小野, 伊藤, 佐藤) had no reading (two kana were too short to mean anything) and
    JMnedict ranks 雨四光 and 大野 above 小野: "Who is Makiko Ono?" abstained. A capitalised word of
    two syllables is read as a name's lemma only (m:オノ), never as bare kana; a name-like ending
    is not split off it (Sadako is no lake), and a sentence that holds every name the question
    gives is evidence across languages however far it is in meaning."""
    def tokens(question, word):
        return {t for c in build_query(question).concepts if c.word == word for t in c.tokens}

    assert "m:オノ" in tokens("Who is Makiko Ono?", "ono") and "m:サトウ" in tokens("Did Sato write it?", "sato")
    assert not tokens("the ono is a fish", "ono") & {"m:オノ", "おの"}  # not a name there
    assert "sadako" in {c.word for c in build_query("What illness did Sadako Sasaki die of?").concepts}
    for question in ("Who is Makiko Ono?", "What position does Makiko Ono hold?", "What is Ono's position?"):
        answer = pipeline.ask(question)
        assert not answer.abstained and "小野麻紀子研究員" in answer.citations[0].text, (question, answer.answer)


def test_a_romanised_name_is_split_from_what_it_names():
    """Shurijo is Shuri Castle: the name and 城 find 首里城 and the article's later paragraphs
    (title tokens m:シュリ, 城), which the whole word's reading (m:シュリジョウ) does not."""
    by_word = {c.word: {a.term for a in c.alternatives} for c in build_query("When was the stone gate at Shurijo built?").concepts}
    assert "首里城" in by_word["shuri castle"] and "城" in by_word["castle"] and "首里" in by_word["shuri"]
    assert "shurijo" not in by_word
    # a plateau, a lake, a hall: 秋吉台, 摩周湖, 奥入瀬渓流館, 瑞鳳殿
    for question, name, what in [("How deep is the deepest doline on Akiyoshidai?", "akiyoshi", "plateau"),
                                 ("When does Mashuko freeze?", "mashu", "lake"), ("Who designed the Keiryu-kan?", "keiryu", "hall"),
                                 ("When was Zuihoden rebuilt?", "zuiho", "hall")]:
        words = [c.word for c in build_query(question).concepts]
        assert name in words and what in words, (question, words)
    # a stem that ends in a consonant is no romanised name (the Norokko train: ノロッコ)
    assert "norokko" in {c.word for c in build_query("Where does the Norokko train run?").concepts}
    # a word the dictionary knows whole stays whole, and so does one whose stem reads as nothing
    assert "matsue-jo" in {c.word for c in build_query("Who built Matsue-jo?").concepts}
    assert "kinkakuji" in {c.word for c in build_query("When did Kinkakuji burn?").concepts}
    assert {"shiseido", "london"} <= {c.word for c in build_query("Did Shiseido open a shop in London?").concepts}


def test_a_closed_compound_the_dictionary_lacks_is_its_words(pipeline):
    """chemoresistance is no JMdict gloss: as chemo (chemotherapy) and resistance it finds 化学療法
    and 抵抗性. Not after a prefix that is a word too (ultracentrifugation), nor romaji (kinkakuji)."""
    words = {c.word for c in build_query("chemoresistance of dormant cells?").concepts}
    assert {"chemotherapy", "resistance"} <= words and "chemoresistance" not in words
    assert "ultracentrifugation" in {c.word for c in build_query("was ultracentrifugation used?").concepts}
    assert "kinkakuji" in {c.word for c in build_query("when was kinkakuji built?").concepts}
    answer = pipeline.ask("is chemoresistance of the dormant cells shown?")
    assert not answer.abstained and "化学療法が効きにく" in squash(" ".join(c.quote for c in answer.citations))


def test_a_hyphenated_compound_of_english_words_is_its_words():
    """stem-cell-like is no entry of the dictionary, and its katakana guess (ステムセルライク) is noise:
    as its words it finds 幹細胞 (the phrase "stem cell"), and "stem" -- part of that phrase, which
    the collection holds -- is not a word the documents lack. Romaji stays whole (uguisu-bari: 鶯張り)."""
    from bot.qa.answer import Evidence
    from index.lexical import tokenize

    query = build_query("Do the tumour cells become more stem-cell-like after taking up the vesicles?")
    by_word = {c.word: {a.term for a in c.alternatives} for c in query.concepts}
    assert "幹細胞" in by_word["stem cell"] and "stem-cell-like" not in by_word
    df = {t: 1 for t in tokenize("一部の乳がん細胞が幹細胞様の性質を獲得し、小胞を受け取った腫瘍細胞")}
    assert "stem" not in Evidence(query, df, 10).absent
    assert "uguisu-bari" in {c.word for c in build_query("Why are the corridor floors called uguisu-bari?").concepts}


def test_a_name_is_held_only_in_its_strong_forms():
    """Kukai (空海) read as kana gives guesses -- 句会, 九階, 区会 -- that any passage may hold; the
    names check reads the name itself, its translations and its whole reading (m:クウカイ), and
    the dropped long vowel is restored (くうかい)."""
    from bot.qa.answer import Evidence, _holds_as_name
    from bot.qa.query import READING, READING_WEIGHT, _long_vowels
    from index.lexical import tokenize

    assert "くうかい" in _long_vowels("くかい") and "きゅうしゅう" in _long_vowels("きゅしゅ")
    query = build_query("In what year did Kukai write the letter?")
    kukai = next(c for c in query.concepts if c.word == "kukai")
    assert ("m:クウカイ",) in {a.tokens for a in kukai.alternatives}
    for text, is_kukai in [("句会で短歌を発表した。", False), ("区会の議員が発表した。", False), ("空海は平安時代の僧である。", True)]:
        tokens = set(tokenize(text))
        ev = Evidence(query, {t: 3 for t in tokens | {t for c in query.concepts for a in c.alternatives for t in a.tokens}}, 100)
        assert _holds_as_name(ev, kukai, tokens, text) is is_kukai, text
        assert ev._holds(kukai, tokens, text)  # as evidence at large, a guess still counts
    # A guess is told by its kind, not its weight: a dictionary translation the ranking happened to
    # weigh as a reading (0.6) is a strong form all the same.
    assert {a.kind for a in kukai.alternatives if a.weight == READING_WEIGHT} == {READING}
    text = "国立がん研究センターが発表した。"
    tokens = set(tokenize(text))
    center = Concept("ncc", (Alternative("ncc", ("ncc",)), Alternative("国立がん研究センター", tuple(tokenize("国立がん研究センター")), READING_WEIGHT)))
    ev = Evidence(Query("Where is NCC?", "en", (center,)), {t: 3 for t in tokens}, 100)
    assert _holds_as_name(ev, center, tokens, text)


def test_a_modifier_and_its_phrase_are_translated_together():
    """"blood-forming stem cells" is 造血幹細胞: a rarer sense of "stem cells" (幹細胞) that shares 造血
    with a sense of "blood-forming" (造血機能), so it is the pair's translation at full weight and the
    passage about 造血幹細胞 is found. A compound holding a word neither explains (世界自然遺産 for
    "world heritage site", which the dictionary knows whole) is no such pair."""
    from bot.qa.query import build_query

    composed = {c.word: c.alternatives for c in build_query("Why compare them to blood-forming stem cells?").concepts}
    assert [(a.term, a.weight) for a in composed["blood-forming stem cells"]] == [("造血幹細胞", 1.0)]
    words = [c.word for c in build_query("When did Enryakuji become a UNESCO World Heritage site?").concepts]
    assert words.count("world heritage site") == 1


def test_a_plural_is_looked_up_as_its_lemma():
    """buses is bus (バス), not "buse" read as a loanword; species stays species."""
    by_word = {c.word: {a.term for a in c.alternatives} for c in build_query("Which company runs the buses?").concepts}
    assert "バス" in by_word["buses"]
    from bot.qa.query import singular as _singular

    assert (_singular("species"), _singular("exosomes"), _singular("cities")) == ("species", "exosome", "city")


def test_a_plurals_related_forms_are_the_singulars():
    """paddies is looked up as paddy (籾, 水田, 稲田…), and so are its related forms: from the plural
    they were nonsense ("paddiesion") that read every gloss about paddies (水喧嘩, a water dispute)
    above the word's own senses."""
    by_word = {c.word: [a.term for a in c.alternatives] for c in build_query("How big were the rice paddies?").concepts}
    assert "水田" in by_word["paddies"] and "水喧嘩" not in by_word["paddies"]


def test_a_romanised_word_is_also_written_in_kanji():
    """Ichiyo (樋口一葉's pen name) is read いちよう and written as JMdict writes that reading."""
    by_word = {c.word: {a.term for a in c.alternatives} for c in build_query("What was Ichiyo's debut story?").concepts}
    assert "一葉" in by_word["ichiyo"]


def test_a_word_only_the_names_dictionary_knows_is_read_as_romaji():
    """"shin hanga": JMnedict knows hanga only as the surname 半谷; read as romaji it is はんが,
    written 版画. An English word JMdict glosses is not read so (movement stays a word)."""
    by_word = {c.word: {a.term for a in c.alternatives} for c in build_query("who started the shin hanga movement?").concepts}
    assert "版画" in by_word["hanga"]
    assert not any(term.startswith("も") for term in by_word["movement"])



def test_a_romanised_name_is_heard_as_the_proper_nouns_that_read_so():
    """Zuiganji is looked up as ズイガンジ and, without the ending that says it is a temple, ズイガン;
    each proper noun the index holds under such a reading joins the word's alternatives (once,
    at HEARD_WEIGHT); English words and a question nothing is heard for stay as they were."""
    from bot.qa.query import HEARD_WEIGHT, heard_as, with_heard_names

    assert {"ズイガンジ", "ズイガン"} <= set(heard_as("zuiganji")) and heard_as("zuigan-ji") == heard_as("zuiganji")
    assert "リョウマ" in heard_as("ryoma")  # with the long vowel it dropped
    index = {"ズイガン": ["m:瑞巌"], "エイヘイ": ["m:永平"]}
    asked = []

    def heard(reading):
        asked.append(reading)
        return index.get(reading, [])

    query = build_query("How tall is the main hall of Zuiganji?")
    got = with_heard_names(query, heard)
    by_word = {c.word: c.alternatives for c in got.concepts}
    assert [a for a in by_word["zuiganji"] if a.tokens == ("m:瑞巌",)] == [Alternative("瑞巌", ("m:瑞巌",), HEARD_WEIGHT)]
    assert by_word["hall"] == {c.word: c.alternatives for c in query.concepts}["hall"]
    assert asked and all(r in heard_as("zuiganji") for r in asked)  # only the romanised name was looked up
    plain = build_query("How tall is the main hall?")
    assert with_heard_names(plain, heard) is plain

@pytest.mark.parametrize(
    "question, gold",
    [
        ("Who heads the research group?", "落谷孝広分野長の研究グループ"),
        ("Which research program funded the study?", "第3次対がん総合戦略研究事業"),
        ("Which cells secrete the exosomes that induce dormancy?", "間葉系幹細胞"),
        ("What happens to chemotherapy when cancer cells are dormant?", "化学療法が効きにく"),
        # not これらの結果から…, which restates the findings and is near every question about them
        ("which marrow cells hand the exosomes over to the tumour cells", "間葉系幹細胞が分泌する"),
    ],
)
def test_english_questions_cite_the_japanese_passage_that_answers(pipeline, question, gold):
    answer = pipeline.ask(question)
    assert not answer.abstained
    top3 = sorted(answer.passages, key=lambda p: p.rank)[:3]
    assert any(squash(gold) in squash(p.quote) for p in top3), "retrieval: the answering passage is in the top 3"
    assert squash(gold) in squash(answer.citations[0].quote), "the first citation holds the answer"


@pytest.mark.parametrize(
    "question",
    [
        "What dose of tamoxifen is recommended for these patients?",  # the hinge term is nowhere
        "How many patients were enrolled in the phase III trial?",  # 第3次 is not a count
        "Which mouse strain was used in the experiments?",
        "この論文の被引用数はいくつですか？",
        "price of the exosome blood test",  # a figure is asked for: the release gives none
    ],
)
def test_near_miss_questions_abstain(pipeline, question):
    assert pipeline.ask(question).abstained


def test_a_compound_loanword_whose_head_the_text_holds_is_not_nowhere(pipeline):
    """biomarker (バイオマーカー) is nowhere in the release, マーカー (marker) is: the text says 分子マーカー.
    tamoxifen has no such head and stays the unknown thing a near miss hinges on (above)."""
    answer = pipeline.ask("what biomarker could be measured?")
    assert not answer.abstained and "分子マーカー" in answer.citations[0].quote


@pytest.mark.parametrize("question", ["What's the DOI for the Science Signaling article?", "What is the ISSN of the journal?",
                                      "DOI of the original article, for the citation record?"])
def test_an_identifier_asked_by_its_acronym_and_found_nowhere_is_not_given(pipeline, question):
    """The DOI is what the question hinges on: that "Science Signaling" and "article" are found
    does not make the cover caption a DOI. A URL, found as a link, is still given."""
    from bot.qa.answer import select

    assert pipeline.ask(question).abstained
    r = pipeline.retrieve(question)
    chosen, why = select(question, r.passages, r.df, r.n_docs, query=r.lexical, similarity=r.similarity, opening=r.opening)
    assert not chosen and "asked for is nowhere in the documents" in why, why
    assert not pipeline.ask("What is the URL of the paper?").abstained


def test_a_number_must_count_and_a_person_must_be_named():
    assert not fits_kind("number", "第 3次対がん総合戦略研究事業の支援を受けて")
    assert not fits_kind("number", "2014年7月1日付けで掲載 http://stke.sciencemag.org/7/332/ra63")
    assert fits_kind("number", "直径 100 nm の顆粒")
    assert fits_kind("number", "患者120人が参加した")
    assert not fits_kind("person", "研究員と分野長の研究グループ")
    assert fits_kind("person", "小野麻紀子研究員、落谷孝広分野長の研究グループ")
    # a journal, an institution or a lake is no person, however capitalised
    assert not fits_kind("person", "（Nature Communications. 2014）") and not fits_kind("person", "Lake Superior is deep")
    assert fits_kind("person", "designed by Joseph Strauss") and fits_kind("person", "Takahiro Ochiya (National Cancer Center)")
    assert fits_kind("person", "at the Cancer Takahiro Ochiya said")  # pairs overlap: not only "Cancer Takahiro"


def test_answers_are_short_verbatim_spans(pipeline, dev_items):
    lengths, sources = [], {}
    for item in dev_items:
        answer = pipeline.ask(item["question"])
        if answer.abstained:
            continue
        lengths.append(len(answer.answer))
        for c in answer.citations:
            assert citation_valid(c.model_dump(), sources)
    assert statistics.median(lengths) <= 320


def test_glossary_for_an_english_reader_of_japanese_text(release_store):
    result = run_qabot("ask", "Which cells secrete the exosomes that induce dormancy?", "--json", "--store", str(release_store))
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    glossary = answer["glossary"]
    assert 0 < len(glossary) <= 8
    cited = "".join(c["quote"] for c in answer["citations"])
    for entry in glossary:
        assert entry["term"][:2] in cited  # a word of the cited text (verbs in dictionary form)
        assert entry["en"] and set(entry) == {"term", "reading", "en"}
    assert {"分泌", "間葉系幹細胞", "エクソソーム"} & {e["term"] for e in glossary}  # what the question asked about
    shown = run_qabot("ask", "Which cells secrete the exosomes that induce dormancy?", "--store", str(release_store)).stdout
    assert "dictionary glosses" in shown and glossary[0]["term"] in shown
    japanese = json.loads(run_qabot("ask", "エクソソームを分泌する細胞は何ですか？", "--json", "--store", str(release_store)).stdout)
    assert japanese["glossary"] == []


def test_sources_show_each_passage_once(release_store):
    out = run_qabot("ask", "why are dormant cells drug resistant?", "--store", str(release_store)).stdout
    answer_part, sources = out.split("\nSources\n", 1)
    assert answer_part.count("[1]") == 1
    quoted = json.loads(run_qabot("ask", "why are dormant cells drug resistant?", "--json", "--store", str(release_store)).stdout)
    for c in quoted["citations"]:
        assert sources.count(" ".join(c["quote"].split())[:40]) <= 1  # not the same text twice under Sources


def test_one_snapshot_serves_a_whole_query(tmp_path):
    """A write that lands while a query runs (Chroma already returns the new chunks, the BM25
    snapshot does not have them yet) must not mix two snapshots: no IndexError, no wrong credit."""
    from bot.config import Settings
    from bot.qa.pipeline import Pipeline
    from bot.stores import open_store
    from index.ingest import ingest

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("富士山\n富士山は日本で最も高い山で、標高は3776メートルである。\n", encoding="utf-8")
    settings = Settings(store=tmp_path / "store")
    assert run_qabot("ingest", str(docs / "a.txt"), "--store", str(settings.store)).returncode == 0
    pipeline = Pipeline(settings)
    retriever = pipeline.retriever
    query = retriever.store.query
    fired = []

    def racing_query(embedding, n):
        if not fired:  # another writer adds documents right now
            fired.append(True)
            for i in range(3):
                (docs / f"b{i}.txt").write_text(f"琵琶湖{i}\n琵琶湖は滋賀県にある日本最大の湖で、面積は約670平方キロメートルである。{i}\n", encoding="utf-8")
            writer = open_store(settings, create=True)
            ingest([docs / f"b{i}.txt" for i in range(3)], writer, pipeline.embedding, 450, 2**24)
            retriever.store.reopen()
        return query(embedding, n)

    retriever.store.query = racing_query
    passages = retriever.passages("琵琶湖の面積はどれくらいですか？", 5)
    assert fired and passages
    assert "琵琶湖" in passages[0].quote  # the new snapshot was taken in for the whole query
    settled = {q.id: q.lexical for q in retriever.passages("琵琶湖の面積はどれくらいですか？", 5)}
    for p in passages:  # each chunk credited with its own lexical score, as a settled store gives it
        assert p.lexical == pytest.approx(settled.get(p.id, p.lexical), abs=1e-4)


def test_dictionary_setting_from_dotenv_turns_it_off(release_store, tmp_path):
    """QABOT_DICTIONARY=off in .env: no translations, no glossary (settings read .env, not only the
    process environment)."""
    question = "Which cells secrete the exosomes that induce dormancy?"
    (tmp_path / ".env").write_text("QABOT_DICTIONARY=off\n", encoding="utf-8")
    off = json.loads(run_qabot("ask", question, "--json", "--store", str(release_store), cwd=tmp_path).stdout)
    on = json.loads(run_qabot("ask", question, "--json", "--store", str(release_store)).stdout)
    assert on["glossary"] and not off["glossary"]


def test_the_glossary_reads_out_full_names_the_dictionary_knows():
    """For "who" the answer is a name an English reader cannot read: JMnedict's romanisation of a
    full name in the cited text is glossed; a lone surname is not (its gloss would be a guess)."""
    from bot.qa.glossary import build_glossary
    from bot.qa.query import build_query

    cited = ["昭和期には宮城道雄が『春の海』を作曲した。", "徳川綱吉は、江戸幕府の第5代将軍である。小野が訪れた。"]
    glossary = build_glossary(build_query("Who composed the koto piece?"), cited, {}, 100)
    by_term = {e.term: e for e in glossary}
    assert by_term["宮城道雄"].en == ["Miyagi Michio"] and by_term["宮城道雄"].reading == "みやぎみちお"
    assert by_term["徳川綱吉"].en[0].startswith("Tokugawa Tsunayoshi,")
    assert "小野" not in by_term and len(glossary) <= 8


def test_evidence_reads_translations_by_their_words_and_english_phrases_as_written():
    """Evidence (what a text holds of the question) must not miss what is there: JMdict gives まぐろ
    and 鮪 where the text writes マグロ (one lemma, other character bigrams); an English phrase
    (Lake Superior) is evidence in English text, not only through its translations; a possessive
    is its name (Hikone's -> Hikone, read as ひこね)."""
    from bot.qa.answer import Evidence
    from bot.qa.query import build_query
    from index.lexical import tokenize

    def held(question, text):
        q = build_query(question)
        df = {t: 3 for t in tokenize(text)}  # the collection is this one text
        ev = Evidence(q, df, 100)
        return {t.concept.word for t in ev.key if ev._holds(t.concept, set(tokenize(text)), text)}, ev

    words, ev = held("When did Kindai University first farm tuna?", "近畿大学がクロマグロではなくマグロの養殖に成功した。")
    assert "tuna" in words and "tuna" not in ev.absent
    words, ev = held("Which river flows out of Lake Superior?", "The St. Marys River drains Lake Superior into Lake Huron.")
    assert "lake superior" in words and "lake superior" not in ev.absent
    assert any(c.word == "hikone" and any(a.term == "ひこね" for a in c.alternatives)
               for c in build_query("Who built Hikone's castle?").concepts)


def test_coverage_also_reads_a_japanese_text_through_its_glosses():
    """"resisting" translates to 耐える, 楯突く …, not to 抵抗; 抵抗 is glossed "resistance", so the
    sentence that says 治療抵抗性 holds it (document-side translation), and outranks one that
    does not. Coverage reads glosses; what the lead passage is found missing is unchanged."""
    from bot.qa.answer import Evidence
    from bot.qa.query import build_query
    from index.dictionary import english_stem, gloss_stems
    from index.lexical import tokenize

    assert english_stem("resisting") in gloss_stems("抵抗")
    assert english_stem("dormancy") == english_stem("dormant") and english_stem("forming") == english_stem("formation")
    assert english_stem("published") == english_stem("publication")
    q = build_query("Is dormancy linked to cancer cells resisting treatment?")
    assert not any(a.term.startswith("抵抗") for c in q.concepts if c.word == "resisting" for a in c.alternatives)
    says, other = "がん細胞の治療抵抗性への関連が示唆", "がん細胞には化学療法が効きにくい"
    df = {t: 3 for t in tokenize(says + other)}

    def coverage(text, glosses=True):
        return Evidence(q, df, 100, glosses=glosses).coverage(set(tokenize(text)), text)

    assert coverage(says) > coverage(says, glosses=False)
    assert coverage(says) > coverage(other)
    ev = Evidence(q, df, 100)
    assert ev.missing(set(tokenize(says)), says) == Evidence(q, df, 100, glosses=False).missing(set(tokenize(says)), says)
    # a Japanese question's Latin words are not read through glosses
    ja = build_query("Scienceとは何ですか")
    assert Evidence(ja, df, 100)._stems == {}


def test_a_sentence_that_concludes_from_the_ones_before_is_known_by_its_opening():
    from bot.qa.answer import _SUMMARY_OPENER

    for text in ("これらの結果から、実際の患者さんでも示唆されました。", "以上のことから、", "These results suggest that",
                 "Taken together, the data"):
        assert _SUMMARY_OPENER.match(text), text
    for text in ("本研究では、骨髄中に存在する", "この研究は", "These cells secrete", "結果から見ると"):
        assert not _SUMMARY_OPENER.match(text), text


def test_a_day_of_a_month_dates_a_when_question_and_a_link_dates_nothing():
    from bot.qa.answer import _date_clauses

    text = "Science Signaling（電子版）に 7月 1日付けで掲載されました。\nhttp://stke.sciencemag.org/cgi/content/full/sigtrans;7/332/ra63"
    assert _date_clauses(text, None) == ["Science Signaling（電子版）に 7月 1日付けで掲載されました。"]
    assert _date_clauses(text, "year") == []  # "what year": a day of a month is no year, 332 in the link neither
    assert _date_clauses("It went online on July 1, in print later.", None) == ["It went online on July 1, in print later."]
    assert _date_clauses("A novel 3 times longer, seen on Mars 2 days later.", None) == []


@pytest.mark.parametrize("question", ["When was the paper published?", "When did the paper come out online in the journal?"])
def test_when_the_paper_came_out_is_answered_though_its_words_are_not_the_releases(pipeline, question):
    """Neither "paper" nor "published" translates to a word of the release (本研究成果, 掲載); 掲載 is
    glossed "publication", and the clause that says it holds the date: not absent, not too far."""
    answer = pipeline.ask(question)
    assert not answer.abstained
    assert "7月1日付けで掲載" in answer.citations[0].quote.replace(" ", "")


def test_a_romanised_name_finds_the_collections_own_spelling_by_its_reading(tmp_path):
    """Zuigan-ji reads ずいがんじ; the dictionaries write that 瑞岩寺 or 随願寺, the documents 瑞巌寺,
    whose lemma UniDic keeps in kanji (瑞巌, read ズイガン). The lexical index keeps each kanji
    proper noun's reading, so the question finds the temple's article -- and a question the
    article does not answer abstains rather than quote another article's height."""
    from bot.config import Settings
    from bot.qa.pipeline import Pipeline
    from bot.qa.query import HEARD_WEIGHT

    docs = tmp_path / "docs"
    docs.mkdir()
    articles = {
        "zuiganji": "瑞巌寺\n瑞巌寺(ずいがんじ)は、宮城県宮城郡松島町にある臨済宗妙心寺派の寺院である。"
                    "828年に円仁が天台宗の寺院として開いたと伝えられる。1609年に伊達政宗が現在の本堂を完成させた。"
                    "本堂は国宝に指定されている。\n",
        "tower": "東京タワー\n東京タワーは、東京都港区芝公園にある総合電波塔である。高さは333メートルで、"
                 "1958年に完成した。展望台からは富士山を望むことができる。\n",
        "castle": "姫路城\n姫路城は、兵庫県姫路市にある城である。天守は1609年に池田輝政が築いた。"
                  "白い漆喰の城壁から白鷺城とも呼ばれる。\n",
    }
    lakes = ["十和田", "田沢", "洞爺", "摩周", "支笏", "猪苗代", "諏訪", "浜名", "宍道", "琵琶"]
    for i, lake in enumerate(lakes):  # a name held once is rare among a dozen articles, as in a real collection
        articles[f"lake{i}"] = f"{lake}湖\n{lake}湖は日本の湖である。面積は約{20 + 7 * i}平方キロメートルで、周囲には温泉がある。\n"
    for name, text in articles.items():
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    assert run_qabot("ingest", str(docs), "--store", str(store)).returncode == 0
    pipeline = Pipeline(Settings(store=store))
    assert "m:瑞巌" in pipeline.retriever.store.lexicon.heard("ズイガン")  # (its kana, ずいがん, is read 瑞岩)

    retrieval = pipeline.retrieve("Who completed the main hall of Zuigan-ji?")
    heard = {a.term: a.weight for c in retrieval.lexical.concepts for a in c.alternatives}
    assert heard.get("瑞巌") == HEARD_WEIGHT
    assert retrieval.passages[0].source.endswith("zuiganji.txt")
    answer = pipeline.ask("Who completed the main hall of Zuigan-ji?")
    assert not answer.abstained and "伊達政宗" in answer.citations[0].quote

    unanswered = pipeline.ask("How tall is the main hall of Zuigan-ji?")
    assert unanswered.abstained, unanswered.answer  # not 東京タワー's 333 meters


def test_a_japanese_word_is_glossed_whole_and_without_its_sense_notes():
    """UniDic splits オンライン into オン + ライン ("on", "line"); JMdict knows it whole: "online".
    And 表紙's first gloss is "cover (of a book, magazine, etc.)": the word is "cover"."""
    query = build_query("印刷版とオンライン版のどちらの表紙ですか？")
    by_word = {c.word: {a.term for a in c.alternatives} for c in query.concepts}
    assert "online" in by_word["オンライン"]
    assert "m:オン" not in by_word and "m:ライン" not in by_word
    assert "cover" in by_word["m:表紙"]


def test_no_particle_stands_for_an_english_word_and_a_verb_finds_its_nouns_senses():
    """JMdict glosses と as the particle "used for quoting": as a translation of "quoted" it held
    nearly every sentence (coverage 1.0 for any of them). "quote" is its noun, quotation, 引用; being
    "quoted" is having one's comment carried (an idiom: コメント)."""
    alternatives = {a.term for c in build_query("Who is quoted in the release?").concepts for a in c.alternatives}
    assert not alternatives & {"と", "とは"}
    assert "コメント" in alternatives
    assert "引用" in {a.term for c in build_query("What does the release quote?").concepts for a in c.alternatives}


def test_a_japanese_word_keeps_the_synonyms_of_its_first_sense():
    """論文 is "thesis; essay; treatise; paper; article": the release's English text calls it a
    Research Article, so 論文 is not a word the documents lack (論文が掲載されたのはいつですか was
    refused for it)."""
    by_word = {c.word: {a.term for a in c.alternatives} for c in build_query("論文が掲載されたのはいつですか？").concepts}
    assert {"paper", "article"} <= by_word["m:論文"]


def test_what_an_abbreviation_stands_for_is_asked_in_an_idiom():
    """"What does 'kokugan' stand for?", "what's X short for": JMdict glosses neither idiom, and
    "short" (短い) or "stand" (台, 売店) counted as words the documents lack; the idiom asks what a
    略称 abbreviates."""
    for question in ["What does 'kokugan' stand for?", "what's \"kokugan\" short for?"]:
        by_word = {c.word: {a.term for a in c.alternatives} for c in build_query(question).concepts}
        assert "略称" in by_word.get("stand for", set()) | by_word.get("short for", set())
        assert "short" not in by_word and "stand" not in by_word


def test_who_is_quoted_is_whose_comment_the_text_carries(pipeline):
    """"Who's quoted in the release?": JMdict's quote is 引用 or 見積もり, which the release lacks, so
    the question hinged on a word found nowhere; being quoted is having one's comment carried."""
    answer = pipeline.ask("who's quoted in the release?")
    assert not answer.abstained and "田村研治" in answer.citations[0].quote
    # ... and what a text quotes (a figure) is no comment: still nothing to give
    assert pipeline.ask("What five-year survival rate for breast cancer does the release quote?").abstained


@pytest.mark.parametrize("question", ["Where were the results published?", "Where was this research published?"])
def test_where_a_paper_was_published_is_its_journal(pipeline, question):
    """"Where … published" asks for a journal, not a place: the answer cites the sentence naming
    the journal (米科学誌 … Science Signaling), not the press office's postal address."""
    answer = pipeline.ask(question)
    assert not answer.abstained, answer.answer
    first = answer.citations[0].quote
    assert "Science Signaling" in first and "〒" not in first, first


@pytest.mark.parametrize("question", ["What headline did Science's website use when it featured the study?",
                                      "What title did the Science website give its write-up of the study?",
                                      "How did the Science homepage headline the feature about this work?"])
def test_a_headline_asked_of_a_website_is_the_title_line_it_gave(pipeline, question):
    """A headline asked of something other than the document is a line that stands alone as a
    title (Promoting cancer cell dormancy with exosomes, under 【Science誌 HP上での紹介】), not the
    sentence that links to the journal's site because "website" was read as a link asked for."""
    answer = pipeline.ask(question)
    assert not answer.abstained, answer.answer
    first = answer.citations[0].quote
    assert "Promoting cancer cell dormancy" in first and "本研究成果" not in first, first


def test_a_projects_name_and_a_title_won_are_no_headline_asked(pipeline):
    """課題名 (a funded project's name) holds 題名 and "seven major titles" are titles won: neither
    asks for a line that stands alone as a title (the project's name is inside a sentence)."""
    from bot.qa.forms import TITLE_ASKED

    assert not TITLE_ASKED.search("研究の課題名は何ですか？") and not TITLE_ASKED.search("Who held all seven major titles?")
    assert TITLE_ASKED.search("論文の題名は？") and TITLE_ASKED.search("What title did the website give it?")
    answer = pipeline.ask("この研究が支援を受けた課題名は？")
    assert not answer.abstained and "幹細胞制御によるがん治療法開発のための基盤研究" in answer.citations[0].quote, answer.answer


def test_a_compound_the_analyzer_splits_is_glossed_whole(pipeline):
    """電子版 ("online edition") is 電子 + 版 to the analyzer, and neither part is glossed "online";
    JMdict lists the compound whole, so a sentence saying Science Signaling（電子版）に 7月 1日付けで
    掲載 holds "online" -- and "What day did the paper go online?" is answered with that date, not
    refused as too far in meaning."""
    from bot.qa.answer import Evidence, _compounds_glossed
    from bot.qa.query import build_query
    from index.dictionary import english_stem
    from index.lexical import tokenize

    says = "Science Signaling（電子版）に 7月 1日付けで掲載されました。"
    tokens = tokenize(says)
    assert "m:電子版" not in tokens and english_stem("online") in _compounds_glossed(tokens, says)
    assert english_stem("online") not in _compounds_glossed.__wrapped__(list(reversed(tokens)), says)  # 版電子 is no word of the text
    q = build_query("What day did the paper go online?")
    df = {t: 3 for t in tokens}
    ev = Evidence(q, df, 100)
    assert ev.coverage(set(tokens), says, tokens) > ev.coverage(set(tokens), says)
    answer = pipeline.ask("What day did the paper go online?")
    assert not answer.abstained, answer.answer
    assert "7月1日付けで掲載" in answer.citations[0].quote.replace(" ", "")


def test_bigrams_across_particles_are_no_evidence(pipeline):
    """A Japanese question's character bigrams count only inside its words: の細 of どの細胞 and
    るの of しているのは once gave 周囲の細胞からのエクソソームを利用して (no marrow, no secretion)
    the lead over the sentence naming the cells that secrete exosomes in the marrow."""
    from index.lexical import content_bigrams

    inner = content_bigrams("エクソソームを分泌しているのは骨髄中のどの細胞ですか？")
    assert {"分泌", "髄中", "細胞", "ソー"} <= inner
    assert not inner & {"のは", "るの", "の細", "どの", "です", "して", "中の"}
    for question in ("エクソソームを分泌しているのは骨髄中のどの細胞ですか？", "エクソソームを出しているのは、骨髄のどの細胞ですか？"):
        answer = pipeline.ask(question)
        assert not answer.abstained and "間葉系幹細胞が分泌する" in answer.citations[0].quote, answer.answer


def test_a_findings_answer_glosses_what_its_texts_share(pipeline):
    """"What did the NCC researchers discover?" asks for no word, so its glossary held the cited
    texts' rarest words: 独立行政法人, 研究成果, 独立行政 -- the issuer's legal form. The terms the lead
    and the key points share are what they are about (再発 relapse, 転移 metastasis, 幹細胞, 小胞);
    a part beside its compound (期間 beside 長期間) is left out."""
    answer = pipeline.ask("What did the NCC researchers discover?")
    terms = [g.term for g in answer.glossary]
    assert {"再発", "転移", "小胞"} <= set(terms) and "独立行政法人" not in terms, terms
    assert not ("期間" in terms and "長期間" in terms), terms
    assert len(terms) <= 8
    terms = [g.term for g in pipeline.ask("why are dormant cells drug resistant?").glossary]
    assert "一般的" in terms and "一般" not in terms, terms  # a part beside its word, whatever ranked it


def test_a_japanese_question_with_a_loanword_jmdict_lacks_finds_its_japanese_word(pipeline):
    """リラプス is heard as "relapse", which the dictionary translates as 再発, the release's word."""
    answer = pipeline.ask("乳がんのリラプスは手術後どのくらいで起きますか？")
    assert not answer.abstained and "再発期間" in squash(answer.citations[0].quote)
    # ... also when the analyzer cuts it short: ドーマント, read as マント (mantle), is dormant: 休眠
    answer = pipeline.ask("ドーマントながん細胞はどうなるの？")
    assert not answer.abstained and "休眠" in answer.citations[0].quote


def test_a_names_katakana_lemma_is_not_heard_as_english(monkeypatch):
    """UniDic gives a name written in kanji a katakana lemma (田村: m:タムラ, 研治: m:ケンジ): no
    loanword of the question, so no English is heard in it (e2k's spellings cost ~50 ms a word)."""
    from bot.qa import query
    from index import dictionary

    def fresh() -> None:  # (earlier tests may have asked of both words)
        for cached in (query.build_query, query._to_english, query._loanword_compound):
            cached.cache_clear()

    heard: list[str] = []
    monkeypatch.setattr(dictionary, "heard_english", lambda kana: heard.append(kana) or ())
    fresh()
    query.build_query("田村研治医師の役職は何ですか？")
    assert heard == []
    query.build_query("リラプスはいつ？")
    assert heard == ["リラプス"]
    fresh()


def test_a_katakana_compound_jmdict_lacks_is_read_as_its_loanwords(pipeline):
    """ヘマトポエティックステムセル is no JMdict word: read as its loanwords (heard_english for the
    first, JMdict's ステム and セル), it is "hematopoietic stem cell", which the release says 造血幹細胞."""
    from bot.qa.query import _loanword_compound

    assert _loanword_compound("キャンサーセル") == ("cancer cell",)
    assert _loanword_compound("ヘマトポエティックステムセル") == ("hematopoietic stem cell",)
    assert _loanword_compound("ケモレジスタンス") == ()  # ケモ is neither a JMdict word nor heard
    answer = pipeline.ask("ヘマトポエティックステムセルは骨髄でどうなっている？")
    assert not answer.abstained and "造血幹細胞" in answer.citations[0].quote


def test_a_question_written_in_hiragana_is_read_with_its_nouns_in_kanji(pipeline):
    """A child, an older reader or a phone without kana-kanji conversion writes さいはつ and
    しゅじゅつ: the question is read as the release writes them (再発, 手術)."""
    from bot.qa.query import written_in_kanji

    assert written_in_kanji("ざっしの ひょうしの えは だれが つくったの ですか？").startswith("雑誌の 表紙の")
    assert written_in_kanji("乳がんの再発は手術の何年後ですか？") == "乳がんの再発は手術の何年後ですか？"
    # ... also a word the analyzer knows only in kanji, and cuts into pieces in kana (ろ|ん|ぶん): JMdict's common writing
    assert "論文が 雑誌に" in written_in_kanji("その ろんぶんが ざっしに のったのは いつ ですか？")
    answer = pipeline.ask("てがみを おくりたいので、せんたーの じゅうしょを おしえて ください。")
    assert not answer.abstained and "東京都中央区築地" in squash(answer.citations[0].quote)
    answer = pipeline.ask("にゅうがんの さいはつは しゅじゅつの あと なんねんくらいで おきますか？")
    assert not answer.abstained and "再発期間" in squash(answer.citations[0].quote)

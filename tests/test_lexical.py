"""Unit tests for index.lexical: BM25 tokens for English and Japanese text."""

from __future__ import annotations

import pytest

from index.lexical import morphemes_with_pos, tokenize


def split(tokens: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(morpheme lemmas without the prefix, CJK bigrams/single characters, English words)."""
    lemmas = [t[2:] for t in tokens if t.startswith("m:")]
    rest = [t for t in tokens if not t.startswith("m:")]
    cjk = [t for t in rest if any(ord(c) > 0x3000 for c in t)]
    words = [t for t in rest if t not in cjk]
    return lemmas, cjk, words


# --------------------------------------------------------------------------- English


def test_english_lowercased_stemmed_stopwords_dropped():
    assert tokenize("The dogs are Running quickly through the gardens") == ["dog", "run", "quick", "through", "garden"]


def test_english_inflections_meet():
    assert tokenize("exosomes") == tokenize("Exosome") == tokenize("EXOSOMES")
    assert tokenize("cells") == tokenize("cell")
    assert tokenize("resistant") == tokenize("resistance") == ["resist"]


def test_english_only_stopwords_and_empty():
    assert tokenize("") == []
    assert tokenize("the a of and is") == []
    assert tokenize("  \n\t ") == []


def test_english_has_no_morpheme_or_bigram_tokens():
    tokens = tokenize("Bone marrow induces metastatic dormancy in breast cancer cells.")
    assert tokens and not any(t.startswith("m:") for t in tokens)
    assert all(t.isascii() and t == t.lower() for t in tokens)
    assert "cancer" in tokens and "breast" in tokens


def test_numbers_and_decimals_kept():
    tokens = tokenize("Diameter 100 nm, ratio 3.14")
    assert "100" in tokens and "3.14" in tokens and "nm" in tokens


def test_punctuation_splits_words():
    assert tokenize("e-mail,exosome;RNA") == tokenize("e mail exosome RNA")


# --------------------------------------------------------------------------- full-width forms


def test_full_width_letters_and_digits_normalised():
    assert tokenize("ＡＢＣ") == ["abc"]
    assert tokenize("ＡＢＣ１２３") == tokenize("abc123") == ["abc123"]
    assert tokenize("ＲＮＡ") == tokenize("RNA")


def test_half_width_katakana_normalised():
    assert tokenize("ｴｸｿｿｰﾑ") == tokenize("エクソソーム")


# --------------------------------------------------------------------------- Japanese


def test_japanese_lemmas_and_bigrams():
    tokens = tokenize("乳がん細胞の休眠にエクソソームが関与")
    lemmas, cjk, words = split(tokens)
    assert words == []
    for lemma in ("細胞", "休眠", "エクソソーム", "関与"):
        assert lemma in lemmas
    for bigram in ("細胞", "休眠", "関与", "がん", "エク", "ーム"):
        assert bigram in cjk
    assert all(len(b) == 2 for b in cjk)
    # particles are not lemma tokens
    assert "の" not in lemmas and "が" not in lemmas and "に" not in lemmas


def test_japanese_lemmas_join_inflected_forms():
    a = set(t for t in tokenize("薬が効きにくい") if t.startswith("m:"))
    b = set(t for t in tokenize("薬が効く") if t.startswith("m:"))
    assert a & b - {"m:薬"}, (a, b)  # the verb lemma is shared


def test_japanese_lemmas_join_kana_and_kanji_spellings():
    assert set(t for t in tokenize("がん") if t.startswith("m:")) & set(t for t in tokenize("癌") if t.startswith("m:"))


def test_loanword_lemma_drops_english_gloss():
    lemmas, _, _ = split(tokenize("エクソソーム"))
    assert lemmas == ["エクソソーム"]
    assert not any("-" in t for t in tokenize("エクソソームとマイクロRNA"))


def test_single_cjk_character_run_kept_whole():
    tokens = tokenize("a 癌 b")
    assert "癌" in tokens


def test_bigrams_do_not_cross_non_cjk_characters():
    _, cjk, words = split(tokenize("細胞 Science 休眠"))
    assert "胞休" not in cjk and "細胞" in cjk and "休眠" in cjk
    assert words == ["scienc"] or words == tokenize("Science")


def test_mixed_japanese_english():
    tokens = tokenize("米科学誌 Science Signaling に掲載")
    lemmas, cjk, words = split(tokens)
    assert words == tokenize("Science Signaling")
    assert "掲載" in lemmas and "掲載" in cjk


def test_full_width_latin_inside_japanese():
    assert [t for t in tokenize("マイクロＲＮＡ") if t.isascii()] == ["rna"]


@pytest.mark.parametrize("text", ["する", "ある", "いる", "なる", "できる", "言う", "こと", "もの"])
def test_light_and_short_hiragana_words_are_not_lemma_tokens(text):
    assert not any(t.startswith("m:") for t in tokenize(text))


def test_light_verbs_dropped_but_content_kept():
    assert [t for t in tokenize("研究している") if t.startswith("m:")] == ["m:研究"]
    assert [t for t in tokenize("薬がある") if t.startswith("m:")] == ["m:薬"]


def test_tokenize_is_deterministic():
    text = "落谷孝広分野長の研究グループ"
    assert tokenize(text) == tokenize(text)


def test_morphemes_with_pos_finds_person_name():
    pos = dict(morphemes_with_pos("落谷孝広"))
    assert "人名" in [p[1] for p in pos.values()]
    assert "".join(pos) == "落谷孝広"

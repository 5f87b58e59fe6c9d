"""Unit tests for index.clean: repair of PDF-extracted text with an offset map back to the source."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.clean import clean, is_cjk
from index.models import CleanText

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "ncc-press-release-2014-07-02.txt"
# Whitespace clean() may normalise to " " (or replace by the "\n" that separates units).
WS = " \t\r\n\f\v\u3000\xa0\u200b\ufeff"


@pytest.fixture(scope="module")
def raw() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample(raw) -> CleanText:
    return clean(raw)


def assert_offset_map(raw: str, c: CleanText) -> None:
    """The contract every CleanText must keep: one origin per char, increasing, pointing at itself."""
    assert len(c.origin) == len(c.text)
    assert all(a < b for a, b in zip(c.origin, c.origin[1:])), "origin must strictly increase"
    for i, ch in enumerate(c.text):
        assert 0 <= c.origin[i] < len(raw) or (ch in WS and c.origin[i] <= len(raw))
        if ch not in WS:
            assert raw[c.origin[i]] == ch, (i, ch, raw[c.origin[i]])


# --------------------------------------------------------------------------- the bundled sample


def test_sample_offset_map(raw, sample):
    assert_offset_map(raw, sample)


def test_sample_raw_span_endpoints_match_clean_text(raw, sample):
    text = sample.text
    starts = [i for i, ch in enumerate(text) if ch not in WS]
    # Every unit and every span between non-space characters at a stride through the document.
    spans = list(sample.units) + [(s, e + 1) for s in starts[::37] for e in starts[::53] if e >= s]
    assert len(spans) > 500
    for s, e in spans:
        if s >= e or text[s] in WS or text[e - 1] in WS:
            continue
        rs, re_ = sample.raw_span(s, e)
        assert 0 <= rs < re_ <= len(raw)
        assert raw[rs] == text[s]
        assert raw[re_ - 1] == text[e - 1]
        assert re_ - rs >= e - s - text[s:e].count(" ") - text[s:e].count("\n")


def test_sample_furigana_removed_and_name_rejoined(raw, sample):
    assert "落\n" in raw and "\nおち" in raw  # the damage really is in the source
    assert "落谷孝広分野長の研究グループが" in sample.text
    assert "落谷孝広分野長の研究グループはこれまでも" in sample.text
    for reading in ("おち", "たか", "ひろ"):
        assert reading not in sample.text
    # the rejoined name still maps back into the source
    i = sample.text.index("落谷孝広")
    rs, re_ = sample.raw_span(i, i + 4)
    assert raw[rs] == "落" and raw[re_ - 1] == "広"
    assert "".join(raw[rs:re_].split()) == "落おち谷や孝たか広"  # readings between the kanji only


def test_sample_wrapped_lines_are_joined(sample):
    assert "間葉系幹細胞が分泌する微小な小胞エクソソーム" in sample.text  # Japanese: no space
    assert "The image shows molecules in vesicles called exosomes" in sample.text  # English: a space
    assert "shows that bone marrow can induce metastatic dormancy in breast cancer cells." in sample.text


def test_sample_has_no_blank_lines_or_double_spaces(sample):
    assert "\n\n" not in sample.text
    assert "  " not in sample.text
    assert sample.text == sample.text.strip()
    assert not any(ch in "\t\r\u3000\xa0" for ch in sample.text)


def test_sample_sections(sample):
    titles = [s.title for s in sample.sections]
    for expected in ("背景", "研究概要", "今後の展望", "本研究への期待", "お問い合わせ先"):
        assert expected in titles
    assert titles[0] == ""  # the part before the first heading
    assert titles.index("背景") < titles.index("研究概要") < titles.index("今後の展望") < titles.index("本研究への期待")
    for a, b in zip(sample.sections, sample.sections[1:]):
        assert a.start <= a.end <= b.start
    assert sample.sections[-1].end == len(sample.text)


def test_sample_section_contents(sample):
    by_title = {s.title: sample.text[s.start : s.end] for s in sample.sections}
    assert by_title["背景"].startswith("【背景】")
    assert "乳がんは、日本人女性のがん罹患の中でも最も多い" in by_title["背景"]
    assert "乳がんは、日本人女性" not in by_title["研究概要"]
    # The heading line 【本研究への期待】 carries text after the bracket: all of it is in its section.
    expect = by_title["本研究への期待"]
    assert expect.startswith("【本研究への期待】 中央病院 乳腺・腫瘍内科長 田村研治 医師のコメント")
    assert "世界で初めて報告しました。" in expect
    assert "E-mail:ncc-admin" in by_title["お問い合わせ先"]


def test_sample_title(sample):
    assert sample.title == "術後長期間を経た乳がんの再発、転移メカニズムを解明"
    assert sample.text.startswith(sample.title + "\n")


def test_sample_units_are_lines_of_clean_text(sample):
    text = sample.text
    assert sample.units[0][0] == 0 and sample.units[-1][1] == len(text)
    for (s, e), (s2, _) in zip(sample.units, sample.units[1:]):
        assert s < e and text[e] == "\n" and s2 == e + 1
        assert "\n" not in text[s:e]
    units = [text[s:e] for s, e in sample.units]
    assert "【背景】" in units
    assert "http://stke.sciencemag.org/cgi/content/full/sigtrans;7/332/ra63" in units  # URL line alone


# --------------------------------------------------------------------------- plain text behaviour


def test_blank_lines_separate_wrapped_paragraphs():
    raw = (
        "The first paragraph is wrapped over\ntwo lines of plain text.\n\n"
        "The second paragraph is also wrapped\nover two lines of text.\n\nThird one.\n"
    )
    c = clean(raw)
    assert c.text == (
        "The first paragraph is wrapped over two lines of plain text.\n"
        "The second paragraph is also wrapped over two lines of text.\nThird one."
    )
    assert [c.text[s:e] for s, e in c.units] == c.text.split("\n")
    assert_offset_map(raw, c)


def test_blank_lines_separate_japanese_paragraphs():
    raw = "最初の段落は二行に\nわたって続きます。\n\n次の段落も二行に\nわたって続きます。\n\n最後。\n"
    c = clean(raw)
    assert c.text == "最初の段落は二行にわたって続きます。\n次の段落も二行にわたって続きます。\n最後。"


def test_blank_lines_separate_single_line_paragraphs():
    c = clean("Introduction\n\nThe study examines X.\n\nMethods\n\nWe measured Y.\n")
    assert [c.text[s:e] for s, e in c.units] == ["Introduction", "The study examines X.", "Methods", "We measured Y."]


DEVSET2 = Path(__file__).resolve().parent / "data" / "devset2"


@pytest.mark.parametrize(
    "raw, title",
    [
        ((DEVSET2 / "ja" / "ja_001.txt").read_text(encoding="utf-8"), "信濃川"),
        ((DEVSET2 / "en" / "en_001.txt").read_text(encoding="utf-8"), "Lake Superior"),
        ("Golden Gate Bridge\nThe Golden Gate Bridge is a suspension bridge spanning the Golden Gate strait.\n", "Golden Gate Bridge"),
        ("信濃川\r\n信濃川(しなのがわ)は、長野県から新潟県にかけて流れ、日本海に注ぐ一級河川である。\r\n", "信濃川"),
    ],
    ids=["devset2-ja", "devset2-en", "en", "ja-crlf"],
)
def test_title_line_of_a_short_file_is_its_own_unit(raw, title):
    """A title line over one body line (too few lines to learn a typical width): not glued to it."""
    c = clean(raw)
    units = [c.text[s:e] for s, e in c.units]
    assert units[0] == title and c.title == title
    assert len(units) == 2 and title in units[1] and len(units[1]) > 3 * len(title)
    assert_offset_map(raw, c)


def test_two_line_wrapped_paragraph_stays_one_unit():
    raw = "This paragraph of plain English text is hard-wrapped at about sixty\ncharacters a line.\n"
    assert [clean(raw).text] == ["This paragraph of plain English text is hard-wrapped at about sixty characters a line."]
    assert len(clean(raw).units) == 1


def test_hard_wrapped_english_joined_with_a_space():
    raw = (
        "This is a long line of English text that wraps\n"
        "onto the next line and then continues further\n"
        "until the sentence ends.\n\nNew paragraph.\n"
    )
    c = clean(raw)
    assert c.text.split("\n")[0] == (
        "This is a long line of English text that wraps onto the next line and then continues further "
        "until the sentence ends."
    )
    assert c.text.endswith("\nNew paragraph.")
    assert_offset_map(raw, c)


def test_an_english_line_wrapped_early_joins_the_next_that_starts_in_lower_case(sample):
    """The release's Science headline is "Promoting cancer cell dormancy / with exosomes" on two
    short lines: short lines end units, but one that ends mid-sentence, followed by a line starting
    in lower case, is wrapped. A short line followed by a capital still ends."""
    assert "Promoting cancer cell dormancy with exosomes\n" in sample.text
    assert clean("Title of the note\nwith a subtitle\n").text == "Title of the note with a subtitle"
    assert clean("Heading\nNext line starts a unit\n").text == "Heading\nNext line starts a unit"


def test_hard_wrapped_japanese_joined_without_space():
    raw = "これは長い日本語の文章で、途中で改\n行されています。\n\n次の段落です。\n"
    c = clean(raw)
    assert c.text == "これは長い日本語の文章で、途中で改行されています。\n次の段落です。"
    assert_offset_map(raw, c)


def test_hyphenated_english_wrap_joined_without_space():
    raw = "The results are well-\nknown to the community.\n"
    assert clean(raw).text == "The results are well-known to the community."


def test_crlf_line_endings():
    raw = "First paragraph line one\r\nline two.\r\n\r\nSecond paragraph.\r\n"
    c = clean(raw)
    assert c.text == "First paragraph line one line two.\nSecond paragraph."
    assert "\r" not in c.text
    assert_offset_map(raw, c)


def test_markdown_headings_become_sections():
    raw = "# Title\n\nIntro text.\n\n## Part A\n\nA text.\n\n## Part B\n\nB text.\n"
    c = clean(raw)
    assert [s.title for s in c.sections] == ["Title", "Part A", "Part B"]
    body = {s.title: c.text[s.start : s.end] for s in c.sections}
    assert body["Part A"] == "## Part A\nA text."
    assert body["Part B"] == "## Part B\nB text."
    assert "Intro text." in body["Title"]


def test_bracket_headings_become_sections():
    raw = "表題です\n\n【背景】\n\n背景の本文。\n\n＜お問い合わせ先＞\n\n電話 03-0000-0000\n"
    c = clean(raw)
    assert [s.title for s in c.sections] == ["", "背景", "お問い合わせ先"]
    assert c.title == "表題です"
    body = {s.title: c.text[s.start : s.end] for s in c.sections}
    assert body["背景"] == "【背景】\n背景の本文。"
    assert body["お問い合わせ先"] == "＜お問い合わせ先＞\n電話 03-0000-0000"


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
def test_bullets_become_separate_units(blank):
    raw = blank.join(["Items:", "・一つ目の項目", "・二つ目の項目", "- third item", "• fourth item"]) + "\n"
    c = clean(raw)
    units = [c.text[s:e] for s, e in c.units]
    assert units == ["Items:", "・一つ目の項目", "・二つ目の項目", "- third item", "• fourth item"]


def test_private_use_bullet_glyphs_dropped_and_start_items():
    raw = "Summary\n\ue000 first finding here\n\ue000 second finding here\n"
    c = clean(raw)
    assert "\ue000" not in c.text
    assert [c.text[s:e] for s, e in c.units] == ["Summary", "first finding here", "second finding here"]
    assert_offset_map(raw, c)


def test_lines_of_only_private_use_chars_are_blank():
    c = clean("\ue000\ue001\n本文です。\n")
    assert c.text == "本文です。"


def test_indentation_and_inner_whitespace_normalised():
    raw = "\u3000\u3000字下げされた行です。\n"
    c = clean(raw)
    assert c.text == "字下げされた行です。"
    assert c.origin[0] == 2
    raw = "   Indented \u3000  English\t\tline.  \n"
    c = clean(raw)
    assert c.text == "Indented English line."
    assert_offset_map(raw, c)


def test_furigana_between_lines_rejoins_name():
    raw = "研究者の落\nおち\n谷\nや\n孝広です。\n"
    c = clean(raw)
    assert c.text == "研究者の落谷孝広です。"
    assert_offset_map(raw, c)


def test_empty_and_blank_input():
    for raw in ("", "\n\n", "   \n\u3000\n"):
        c = clean(raw)
        assert c.text == "" and c.origin == () and c.units == () and c.sections == ()


def test_is_cjk():
    assert all(is_cjk(ch) for ch in "あアー漢。、【】ＡＢ１")
    assert not any(is_cjk(ch) for ch in "aZ09 .,-é")


# --------------------------------------------------------------------------- genuine bugs


def test_short_hiragana_line_after_kanji_is_not_dropped():
    c = clean("研究成果を報告\nした\n")
    assert c.text == "研究成果を報告した"


def test_heading_after_furigana_line_stays_a_section():
    c = clean("研究者の落\n\nおち\n\n【背景】\n\n本文です。\n")
    assert "背景" in [s.title for s in c.sections]


def test_title_has_no_private_use_glyphs():
    c = clean("\ue000 最初の行\n本文です。\n")
    assert c.text.startswith("最初の行")
    assert c.title == "最初の行"


# --------------------------------------------------------------------------- properties

_ALPHABET = (
    list("あいうえおかきくけこやおちたかひろーアイウエオカタナ漢字落谷孝広日本語研究細胞乳")
    + list("abcdefghijklmnopqrstuvwxyzABCXYZ")
    + [" ", " ", "\n", "\n", "\n", "\u3000", "\t", "。", "、", "【", "】", "\ue000", "\uf8ff", "\ue123"]
)
texts = st.lists(st.sampled_from(_ALPHABET), max_size=300).map("".join)


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_property_clean_offset_map(raw):
    c = clean(raw)
    assert_offset_map(raw, c)
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in c.text)
    assert "\n\n" not in c.text and "  " not in c.text and c.text == c.text.strip(WS)
    # units tile the text line by line; sections are ordered and within the text
    for s, e in c.units:
        assert 0 <= s <= e <= len(c.text) and "\n" not in c.text[s:e]
    for a, b in zip(c.sections, c.sections[1:]):
        assert a.start <= a.end <= b.start
    if c.sections:
        assert c.sections[-1].end == len(c.text)
    # every non-space span maps back to a raw span with the same first and last character
    if c.text:
        s = next(i for i, ch in enumerate(c.text) if ch not in WS)
        e = max(i for i, ch in enumerate(c.text) if ch not in WS) + 1
        rs, re_ = c.raw_span(s, e)
        assert raw[rs] == c.text[s] and raw[re_ - 1] == c.text[e - 1]


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_property_clean_keeps_every_non_furigana_character(raw):
    """Nothing but whitespace, private-use glyphs and hiragana (furigana) disappears from the text."""
    c = clean(raw)
    kept = set(c.origin)
    for i, ch in enumerate(raw):
        if i not in kept and ch not in WS and not ("\ue000" <= ch <= "\uf8ff"):
            assert "\u3041" <= ch <= "\u3096" or ch == "ー", (i, ch)

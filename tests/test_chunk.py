"""Unit tests for index.chunk: sentence splitting, language detection and section-bound chunks."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.chunk import chunk_document, chunk_id, detect_language, split_sentences
from index.clean import clean
from index.models import Document

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "ncc-press-release-2014-07-02.txt"
# How the name reads in clean text, and in the raw text (readings after each kanji; the last reading
# falls outside a raw span that ends on 広).
FURIGANA_NAME = ("落谷孝広", "落おち谷や孝たか広ひろ", "落おち谷や孝たか広")


def make_doc(text: str, source: str = "/docs/sample.txt", pages: tuple[int, ...] = ()) -> Document:
    return Document(source, text, hashlib.sha256(text.encode("utf-8")).hexdigest(), "utf-8", pages)


def sentences_of(text: str, max_chars: int = 450) -> list[str]:
    c = clean(text)
    return [c.text[s.start : s.end] for s in split_sentences(c, max_chars)]


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture(scope="module")
def raw() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc(raw) -> Document:
    return make_doc(raw, source=str(SAMPLE))


@pytest.fixture(scope="module")
def cleaned(raw):
    return clean(raw)


# --------------------------------------------------------------------------- split_sentences


def test_split_japanese_sentences():
    assert sentences_of("これは文です。これも文です！本当？はい。") == ["これは文です。", "これも文です！", "本当？", "はい。"]


def test_split_japanese_keeps_closing_bracket_with_sentence():
    assert sentences_of("彼は「行きます。」と言った。次です。")[-1] == "次です。"
    assert sentences_of("（補足です。）本文です。") == ["（補足です。）", "本文です。"]


def test_split_english_sentences():
    assert sentences_of("Hello world. This is a test! Is it? Yes.") == ["Hello world.", "This is a test!", "Is it?", "Yes."]


def test_no_split_after_abbreviations_and_initials():
    text = "Mr. Smith met Dr. Jones. They talked about things, e.g. Budgets. J. R. Tolkien wrote it. Then he left."
    assert sentences_of(text) == [
        "Mr. Smith met Dr. Jones.",
        "They talked about things, e.g. Budgets.",
        "J. R. Tolkien wrote it.",
        "Then he left.",
    ]


def test_no_split_inside_numbers_urls_or_before_lowercase():
    assert sentences_of("Version 3.14 is out. see www.example.com now.") == ["Version 3.14 is out. see www.example.com now."]


def test_split_english_before_japanese():
    assert sentences_of("It was published in Science Signaling. 本研究は重要です。") == [
        "It was published in Science Signaling.",
        "本研究は重要です。",
    ]


def test_sentences_never_cross_units():
    c = clean("Heading without stop\n\n・項目一\n\n・項目二\n")
    sents = [c.text[s.start : s.end] for s in split_sentences(c, 450)]
    assert sents == ["Heading without stop", "・項目一", "・項目二"]


@pytest.mark.parametrize("limit", [10, 25, 50, 80])
def test_long_sentences_are_cut_at_the_limit(limit):
    text = "これは非常に長い文で、読点で区切られた部分がいくつもあり、さらに続いていき、最後にようやく終わる文章です。" * 3
    c = clean(text)
    sents = split_sentences(c, limit)
    assert all(0 < s.end - s.start <= limit for s in sents)
    assert squash("".join(c.text[s.start : s.end] for s in sents)) == squash(c.text)  # nothing lost


def test_long_sentence_prefers_comma_or_space_cut():
    c = clean("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda")
    parts = [c.text[s.start : s.end] for s in split_sentences(c, 20)]
    assert all(len(p) <= 20 for p in parts)
    words = c.text.split()
    for p in parts:  # no word was cut in half
        assert all(w in words for w in p.split())
    assert " ".join(parts) == c.text


def test_split_sentences_on_sample_covers_all_text(cleaned):
    sents = split_sentences(cleaned, 450)
    covered = set()
    for a, b in zip(sents, sents[1:]):
        assert a.end <= b.start
    for s in sents:
        piece = cleaned.text[s.start : s.end]
        assert piece == piece.strip() and piece and "\n" not in piece
        covered.update(range(s.start, s.end))
    assert all(i in covered for i, ch in enumerate(cleaned.text) if not ch.isspace())
    texts = [cleaned.text[s.start : s.end] for s in sents]
    assert "これらの結果から、実際の乳がん患者さんの骨髄中において、乳がん細胞が間葉系幹細胞由来のエクソソームを受け取ることで、休眠状態へ誘導されている可能性が示唆されました。" in texts
    assert "The image shows molecules in vesicles called exosomes being released from cells in the bone marrow and taken up by invading cancer cells." in texts


@pytest.mark.parametrize("text,expected", [
    ("Really?! Yes.", ["Really?!", "Yes."]),
    ("本当！？はい。", ["本当！？", "はい。"]),
])
def test_combined_exclamation_question_marks_end_one_sentence(text, expected):
    assert sentences_of(text) == expected


def test_no_english_split_before_a_digit():
    # By design: "(Nature Communications. 2014)" is one reference, not two sentences.
    assert sentences_of("Published in Nature Communications. 2014 saw more.") == [
        "Published in Nature Communications. 2014 saw more."
    ]


# --------------------------------------------------------------------------- detect_language


@pytest.mark.parametrize("text,lang", [
    ("乳がん細胞の休眠にエクソソームが関与している。", "ja"),
    ("東京都中央区築地", "ja"),  # kanji only
    ("米科学誌 Science姉妹誌のジャーナル Science Signaling に掲載されました。", "ja"),
    ("The image shows molecules in vesicles called exosomes.", "en"),
    ("Exosomes (エクソソーム) are small vesicles released by cells into the blood.", "en"),
    ("", "en"),
    ("12345 !!!", "en"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


# --------------------------------------------------------------------------- chunk_document on the sample


def raw_matches_clean(clean_sentence: str, raw_span: str) -> bool:
    """The raw span is the sentence verbatim, up to whitespace and the furigana clean() removed."""
    r, c = squash(raw_span), squash(clean_sentence)
    if r == c:
        return True
    name, *raw_forms = FURIGANA_NAME
    return name in c and any(r == c.replace(name, form) for form in raw_forms)


@pytest.mark.parametrize("chunk_chars", [50, 120, 300, 450, 1000])
def test_sample_chunk_invariants(doc, cleaned, chunk_chars):
    chunks = chunk_document(doc, cleaned, chunk_chars)
    assert chunks
    section_titles = {s.title for s in cleaned.sections} | {cleaned.title}
    for i, ch in enumerate(chunks):
        assert ch.index == i
        assert ch.source == doc.source and ch.doc_sha256 == doc.sha256
        assert ch.raw == doc.text[ch.start : ch.end]
        assert 0 < len(ch.text) <= chunk_chars
        assert ch.section in section_titles
        assert ch.lang in ("ja", "en")
        assert ch.page is None
        assert ch.sentences
        for cs, ce, rs, re_ in ch.sentences:
            sent = ch.text[cs:ce]
            assert sent and sent == sent.strip()
            assert ch.start <= rs < re_ <= ch.end
            assert doc.text[rs] == sent[0] and doc.text[re_ - 1] == sent[-1]
            assert raw_matches_clean(sent, doc.text[rs:re_]), (sent, doc.text[rs:re_])
        # the chunk is its first sentence to its last one
        assert ch.sentences[0][0] == 0 and ch.sentences[-1][1] == len(ch.text)
        assert ch.start == ch.sentences[0][2] and ch.end == ch.sentences[-1][3]
    # chunks are in document order and do not overlap
    for a, b in zip(chunks, chunks[1:]):
        assert a.end <= b.start


@pytest.mark.parametrize("chunk_chars", [50, 450])
def test_sample_chunks_never_cross_sections(doc, cleaned, chunk_chars):
    chunks = chunk_document(doc, cleaned, chunk_chars)
    # map each chunk back to clean offsets via its raw start, then check it lies in one section
    clean_start = {o: i for i, o in enumerate(cleaned.origin)}
    for ch in chunks:
        cs = clean_start[ch.start]
        ce = cs + len(ch.text)
        assert cleaned.text[cs:ce] == ch.text
        inside = [s for s in cleaned.sections if s.start <= cs and ce <= s.end]
        assert len(inside) == 1
        assert ch.section == (inside[0].title or cleaned.title)


def test_sample_chunks_at_default_size(doc, cleaned):
    chunks = chunk_document(doc, cleaned, 450)
    by_section = {}
    for ch in chunks:
        by_section.setdefault(ch.section, []).append(ch)
    for title in ("背景", "研究概要", "今後の展望", "本研究への期待", "お問い合わせ先"):
        assert title in by_section
    assert by_section["本研究への期待"][0].text.startswith("【本研究への期待】 中央病院 乳腺・腫瘍内科長 田村研治 医師のコメント")
    assert "原論文情報" not in by_section  # a heading with nothing under it is no passage
    name = [ch for ch in chunks if "落谷孝広分野長の研究グループが" in ch.text]
    assert len(name) == 1
    assert "おち" in name[0].raw and "おち" not in name[0].text
    assert all(ch.lang == "ja" for ch in by_section["背景"])
    assert [ch.lang for ch in by_section["Science Signaling表紙"]] == ["en"]
    assert chunks[0].section == cleaned.title  # the part before any heading is named by the title


def test_sample_all_body_text_is_chunked(doc, cleaned):
    chunks = chunk_document(doc, cleaned, 450)
    joined = squash("".join(ch.text for ch in chunks))
    for s in cleaned.sections:
        body = cleaned.text[s.start : s.end].split("\n", 1)
        if s.title and len(body) > 1:
            assert squash(body[1]) in joined


def test_heading_line_with_content_is_never_dropped():
    raw = "【期待】 田村研治医師のコメント\n本研究の共同著者でもある田村研治医師は以下のように述べています。\n"
    chunks = chunk_document(make_doc(raw), clean(raw), 40)  # both lines fit, but not together
    assert {ch.section for ch in chunks} == {"期待"}
    assert any("述べています" in ch.text for ch in chunks)  # the body is kept ...
    assert any("医師のコメント" in ch.text for ch in chunks)  # ... and so is the heading line's text


# --------------------------------------------------------------------------- ids, pages, limits


def test_chunk_ids_stable_and_sensitive(raw):
    d1 = make_doc(raw)
    a = chunk_document(d1, clean(raw), 450)
    b = chunk_document(make_doc(raw), clean(raw), 450)
    assert [c.id for c in a] == [c.id for c in b]
    assert len({c.id for c in a}) == len(a)
    changed = raw.replace("乳がん", "胃がん", 1)
    c = chunk_document(make_doc(changed), clean(changed), 450)
    assert not {x.id for x in a} & {x.id for x in c}
    d = chunk_document(d1, clean(raw), 300)
    assert not {x.id for x in a} & {x.id for x in d}
    e = chunk_document(make_doc(raw, source="/other/place.txt"), clean(raw), 450)
    assert not {x.id for x in a} & {x.id for x in e}


def test_chunk_id_format():
    version = "f" * 16 + ":c8:450"
    i = chunk_id("/a.txt", version, 7)
    assert i == chunk_id("/a.txt", version, 7)
    assert i.endswith(f"-{version}-00007")
    assert i != chunk_id("/a.txt", version, 8)
    assert i != chunk_id("/a.txt", "f" * 16 + ":c9:450", 7)  # a new chunker never reuses an id


def test_chunk_ids_follow_the_version():
    doc = make_doc("Title\n\nThe first sentence. The second one.\n")
    a = chunk_document(doc, clean(doc.text), 450, "v1")
    b = chunk_document(doc, clean(doc.text), 450, "v2")
    assert [c.text for c in a] == [c.text for c in b]
    assert not {c.id for c in a} & {c.id for c in b}


def test_pages_assigned_from_raw_offsets():
    page1 = "First page sentence one. First page sentence two."
    page2 = "Second page sentence here."
    raw = page1 + "\n\n" + page2
    doc = make_doc(raw, source="/x.pdf", pages=(0, len(page1) + 2))
    chunks = chunk_document(doc, clean(raw), 30)
    pages = {ch.text: ch.page for ch in chunks}
    assert pages["First page sentence one."] == 1
    assert pages["Second page sentence here."] == 2


def test_small_text_single_chunk():
    raw = "  Just one line.  \n"
    chunks = chunk_document(make_doc(raw), clean(raw), 450)
    assert len(chunks) == 1
    ch = chunks[0]
    assert ch.text == "Just one line." and ch.raw == "Just one line."
    assert (ch.start, ch.end) == (2, 16)
    assert ch.section == "Just one line." and ch.lang == "en"
    assert ch.sentences == [(0, 14, 2, 16)]


def test_empty_text_no_chunks():
    assert chunk_document(make_doc("\n\n"), clean("\n\n"), 450) == []


# --------------------------------------------------------------------------- properties

_ALPHABET = (
    list("あいうえおかきくけこやおちたかひろーアイウエオカタナ漢字落谷孝広日本語研究細胞乳")
    + list("abcdefghijklmnopqrstuvwxyzABCXYZ")
    + [" ", " ", "\n", "\n", "\n", "\u3000", "。", "、", "【", "】", ".", "!", "?", "！", "？", "\ue000", "\uf8ff"]
)
texts = st.lists(st.sampled_from(_ALPHABET), max_size=300).map("".join)


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.integers(min_value=5, max_value=200))
def test_property_chunk_raw_spans(raw, chunk_chars):
    doc = make_doc(raw)
    c = clean(raw)
    chunks = chunk_document(doc, c, chunk_chars)
    for a, b in zip(chunks, chunks[1:]):
        assert a.end <= b.start
    for ch in chunks:
        assert ch.raw == raw[ch.start : ch.end]
        assert 0 < len(ch.text) <= chunk_chars
        for cs, ce, rs, re_ in ch.sentences:
            assert 0 <= cs < ce <= len(ch.text)
            assert ch.start <= rs < re_ <= ch.end
            assert raw[rs] == ch.text[cs] and raw[re_ - 1] == ch.text[ce - 1]


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.integers(min_value=3, max_value=200))
def test_property_sentences_bounded_and_cover_text(raw, limit):
    c = clean(raw)
    sents = split_sentences(c, limit)
    covered = set()
    for a, b in zip(sents, sents[1:]):
        assert a.end <= b.start
    for s in sents:
        piece = c.text[s.start : s.end]
        assert 0 < len(piece) <= limit and piece == piece.strip() and "\n" not in piece
        covered.update(range(s.start, s.end))
    assert all(i in covered for i, ch in enumerate(c.text) if not ch.isspace())


def test_sample_heading_line_text_survives_small_chunks(doc, cleaned):
    chunks = chunk_document(doc, cleaned, 50)
    assert any("医師のコメント" in ch.text for ch in chunks)

"""The offline extractive responder: pick the sentences that answer, cite them verbatim, or abstain.

No model writes anything here: every sentence of an answer is a sentence of a source document, so
nothing is asserted that the documents do not say. The work is in choosing well:
- candidate sentences come from the best passages; each is scored by the passage's retrieval score,
  by how much of the question's (IDF-weighted) vocabulary it contains, and by whether it holds the
  kind of thing the question asks for (a number, a date, a person, a URL/phone number);
- the responder abstains when the evidence is weak: no passage is semantically close, or the
  question's key terms are absent (same-language questions), or the asked-for kind of answer
  appears nowhere in the candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from math import log

from bot.models import Citation, Passage
from bot.prompts import messages
from index.chunk import detect_language
from index.lexical import tokenize

# -- what kind of answer does the question want? ----------------------------------------------
_KINDS: dict[str, re.Pattern[str]] = {
    "number": re.compile(
        r"\bhow (many|much|old|long|far|large|big|tall|high)\b|\bnumber of\b|\bwhat (percentage|proportion|size)\b"
        r"|いくつ|何(人|個|件|本|回|歳|才|パーセント|％|%|倍|キロ|メートル|円|種類|つ|社|校|台|頭|匹|冊|点)|どのくらい|どれくらい|どれほど|何年間|数は",
        re.I,
    ),
    "date": re.compile(
        r"^\s*when\b|\bwhen (did|was|were|is|will|does|do)\b|\bwhat (year|date|time|day|month|century)\b"
        r"|\bwhich (year|date|day|month|century)\b|いつ|何年|何月|何日|何時|何世紀|何時代|西暦",
        re.I,
    ),
    "person": re.compile(
        r"^\s*who\b|\bwho (is|was|are|were|made|wrote|led|did)\b|\bwhom\b|\bwhose\b|\bwhich (researcher|person|scientist|doctor|author)\b"
        r"|誰|だれ|どなた|何という人|人物は",
        re.I,
    ),
    "contact": re.compile(
        r"\b(url|website|web ?page|web ?site|online|e-?mail|phone|fax|telephone|address)\b"
        r"|URL|ウェブ|ホームページ|サイト|メール|電話|FAX|ファックス|ファクス",
        re.I,
    ),
}
_HAS = {
    "number": re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万億兆]|半数|数[十百千万]"),
    "date": re.compile(r"[0-9０-９]|[一二三四五六七八九十]+(年|月|日|世紀)|元年|(昭和|平成|令和|明治|大正)|時代"),
    "person": re.compile(
        r"[A-Z][a-z]+ [A-Z][a-z]+|研究員|医師|博士|教授|氏|さん|先生|分野長|理事長|社長|会長|監督|選手|作家|首相|大統領|将軍|天皇|人物"
    ),
    "contact": re.compile(r"https?://|www\.|[@＠]|\d{2,4}-\d{2,4}-\d{3,4}|TEL|FAX", re.I),
}
# "[7]" inside a quoted document sentence would read as one of our citation markers.
_FAKE_MARKER = re.compile(r"\[(\d{1,3})\]")
_URL_ONLY = re.compile(r"^\s*(https?://|www\.)\S+\s*$")


def _has_person(text: str) -> bool:
    if _HAS["person"].search(text):
        return True
    from index.lexical import morphemes_with_pos

    return any(pos == ("固有名詞", "人名") for _, pos in morphemes_with_pos(text))


def fits_kind(kind: str | None, text: str) -> bool:
    if kind is None:
        return True
    if kind == "person":
        return _has_person(text)
    return bool(_HAS[kind].search(text))


def answer_kind(question: str) -> str | None:
    for kind, pattern in _KINDS.items():
        if pattern.search(question):
            return kind
    return None


# -- tuning (calibrated on tests/data dev sets; see README "Evaluation") -----------------------
@dataclass(frozen=True)
class Thresholds:
    # Evidence is enough when the best sentence is semantically close to the question, or (same
    # language only) when the best passage holds enough of the question's IDF-weighted terms.
    min_dense_same: float = 0.30  # language-centred cosine, question and sentence in one language
    min_dense_cross: float = 0.20  # … in different languages (scores run lower across languages)
    min_coverage: float = 0.15
    max_citations: int = 3
    second_citation_ratio: float = 0.85  # a further sentence must score this close to the best


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


# Weights of a sentence's score (tuned on tests/data dev sets, see README "Evaluation").
W_PASSAGE, W_SENTENCE, W_COVERAGE, W_KIND = 1.0, 0.5, 0.3, 0.3
EXTEND_RATIO = 0.7  # a neighbouring sentence scoring this close to the chosen one joins its quote
MAX_QUOTE_CHARS = 400


def _idf(df: dict[str, int], n_docs: int):
    def weight(token: str) -> float:
        d = df.get(token, 0)
        return log(1 + (n_docs - d + 0.5) / (d + 0.5))

    return weight


def _coverage(q_tokens: list[str], s_tokens: set[str], weight) -> float:
    total = sum(weight(t) for t in set(q_tokens))
    if not total:
        return 0.0
    return sum(weight(t) for t in set(q_tokens) if t in s_tokens) / total


def _candidates(passages: list[Passage], max_passages: int) -> list[_Candidate]:
    out = []
    for rank, p in enumerate(passages[:max_passages]):
        for j, (cs, ce, rs, re_) in enumerate(p.sentences):
            text = p.quote[cs:ce]
            dense = p.sentence_scores[j] if j < len(p.sentence_scores) else 0.0
            tokens = tuple(p.sentence_tokens[j]) if j < len(p.sentence_tokens) else tuple(tokenize(text))
            out.append(_Candidate(p, rank, (cs, ce), (rs, re_), text, dense, tokens))
    return out


def select(
    question: str,
    passages: list[Passage],
    df: dict[str, int],
    n_docs: int,
    thresholds: Thresholds = Thresholds(),
    max_passages: int = 5,
) -> tuple[list[_Candidate], str | None]:
    """Chosen sentences, best first, or ([], reason) when the responder should abstain."""
    if not passages:
        return [], "no passages"
    weight = _idf(df, max(n_docs, 1))
    q_tokens = tokenize(question)
    kind = answer_kind(question)
    top = max(p.score for p in passages[:max_passages]) or 1.0
    candidates = _candidates(passages, max_passages)
    best_sentence = max((c.dense for c in candidates), default=0.0) or 1.0
    for c in candidates:
        c.coverage = _coverage(q_tokens, set(c.tokens), weight)
        fits = fits_kind(kind, c.text)
        short = len(c.text.strip()) < 8
        url_only = bool(_URL_ONLY.match(c.text)) and kind != "contact"
        c.score = (
            W_PASSAGE * c.passage.score / top
            + W_SENTENCE * c.dense / best_sentence
            + W_COVERAGE * c.coverage
            + (W_KIND if kind and fits else 0.0)
            - (0.5 if short or url_only else 0.0)
            - 0.03 * c.rank
        )
    candidates.sort(key=lambda c: -c.score)

    q_lang = detect_language(question)
    coverage_of: dict[int, float] = {}

    def evidence(c: _Candidate) -> str | None:
        """Why this sentence cannot carry an answer, or None when it can."""
        same = c.passage.lang == q_lang
        min_dense = thresholds.min_dense_same if same else thresholds.min_dense_cross
        if same and id(c.passage) not in coverage_of:
            coverage_of[id(c.passage)] = _coverage(q_tokens, set(c.passage.tokens), weight)
        cov = coverage_of.get(id(c.passage), 0.0) if same else 0.0
        if c.dense < min_dense and cov < thresholds.min_coverage:
            return f"weak evidence (dense {c.dense:.2f}, coverage {cov:.2f})"
        return None

    # Passages in the question's own language that hold almost none of its terms, and are not
    # close in meaning either: the documents do not talk about it (a translation cannot rescue it).
    own = passages[0]  # the best passage, when it is in the question's language
    if own.lang == q_lang:
        cov = _coverage(q_tokens, set(own.tokens), weight)
        if cov < thresholds.min_coverage / 2 and max(own.sentence_scores, default=0.0) < 2 * thresholds.min_dense_same:
            return [], f"the question's terms are not in the documents (coverage {cov:.2f})"

    # The best-scoring sentence that has real evidence behind it (dense or lexical) leads.
    reasons = [(c, evidence(c)) for c in candidates[:8]]
    eligible = [c for c, why in reasons if why is None]
    if not eligible:
        return [], reasons[0][1]
    if kind and not any(fits_kind(kind, c.text) for c in candidates[:5]):
        return [], f"no {kind} in the evidence"
    candidates = eligible + [c for c in candidates if all(c is not e for e in eligible)]
    by_span = {(id(c.passage), c.clean): c for c in candidates}
    chosen = [_extend(candidates[0], by_span, [])]
    for c in candidates[1:]:
        if len(chosen) >= thresholds.max_citations or c.score < thresholds.second_citation_ratio * candidates[0].score:
            break
        if not any(_overlaps(c, x) for x in chosen):
            chosen.append(_extend(c, by_span, chosen))
    return chosen, None


def _overlaps(a: _Candidate, b: _Candidate) -> bool:
    return a.passage is b.passage and a.clean[0] < b.clean[1] and b.clean[0] < a.clean[1]


def _extend(c: _Candidate, by_span: dict, taken: list[_Candidate]) -> _Candidate:
    """Quote a neighbouring sentence too when it scores nearly as well: answers often span two.
    Never into a span another citation already quotes."""
    p = c.passage
    spans = [tuple(s) for s in p.sentences]
    j = next(i for i, s in enumerate(spans) if (s[0], s[1]) == c.clean)
    lo, hi = j, j
    for step in (-1, 1):
        k = j + step
        if 0 <= k < len(spans):
            neighbour = by_span.get((id(p), (spans[k][0], spans[k][1])))
            length = max(spans[hi][1], spans[k][1]) - min(spans[lo][0], spans[k][0])
            free = neighbour is not None and not any(_overlaps(neighbour, t) for t in taken)
            if free and neighbour.score >= EXTEND_RATIO * c.score and length <= MAX_QUOTE_CHARS:
                lo, hi = min(lo, k), max(hi, k)
    if lo == hi:
        return c
    clean = (spans[lo][0], spans[hi][1])
    return _Candidate(p, c.rank, clean, (spans[lo][2], spans[hi][3]), p.quote[clean[0] : clean[1]], c.dense, c.tokens, c.coverage, c.score)


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


def abstention(question: str, lang: str) -> str:
    msg = messages(lang)
    return msg["abstain"].format(question=question.strip())

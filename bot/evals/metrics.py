"""Evaluation metrics over answered QA rows: retrieval, citations, keywords, abstention, latency.

Conventions (the README's "Evaluation" section says the same):
- a passage *hits* when it contains a `gold` span (all whitespace removed on both sides), or, when the
  question lists `gold_sources`, when it comes from one of those files;
- hit@k and MRR@10 are over answerable questions that have gold spans or gold sources;
- citation precision = citations that contain a gold span / all citations (answerable questions);
- citation validity = citations whose `text` is exactly the source file's text at [start, end);
- keyword recall = `keywords` groups matched (any alternative, case-insensitive) by the answer or
  the text of its citations, averaged over questions that have keywords;
- abstention precision/recall treat "abstained" as the prediction of "unanswerable";
- hit@k and MRR rank passages in *retrieval* order (each passage's `rank`), before the answer step
  puts cited passages first; cited_first is the answer step's own measure;
- `ci` gives bootstrap 95 % intervals (questions resampled with replacement, fixed seed): on 22
  questions one question moves a rate by 4.5 points, and the interval says so.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path
from typing import Any

import numpy as np

from bot.evals.qasets import citation_hit, citation_valid, first_rank, squash


# The headline metrics, in the order tables show them (CLI and HTML report).
METRIC_KEYS = (
    "hit@1", "hit@3", "hit@5", "mrr@10", "cited_first", "cited_any", "citation_precision", "citation_validity",
    "keyword_recall", "forbidden_violations", "abstention_precision", "abstention_recall",
    "false_abstentions", "answer_chars_p50", "glossary_rate", "latency_p50_ms", "latency_p95_ms",
)


# Measures of the answer step (a retrieval-only system has none of them).
ANSWER_KEYS = (
    "cited_first", "cited_any", "citation_precision", "citation_validity", "keyword_recall", "forbidden_violations",
    "abstained", "abstention_precision", "abstention_recall", "false_abstentions", "answer_chars_p50", "glossary_rate",
    "false_abstention_rate",
)


def fmt(value: Any) -> str:
    """Rates with 3 decimals, milliseconds with 1, counts as they are, missing as a dash."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1 else f"{value:.1f}"
    return str(value)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def fmt_ci(summary: dict[str, Any], key: str) -> str:
    """A rate with its bootstrap 95 % interval when it has one: "0.780 [0.610–0.940]"."""
    interval = (summary.get("ci") or {}).get(key)
    text = fmt(summary.get(key))
    return f"{text} [{interval[0]:.2f}–{interval[1]:.2f}]" if interval and summary.get(key) is not None else text


def _lower_squash(text: str) -> str:
    return squash(text).lower()


def question_metrics(row: dict[str, Any], item: dict[str, Any], base: Path | None, sources: dict) -> dict[str, Any]:
    answerable = bool(item.get("answerable", True))
    has_gold = bool(item.get("gold") or item.get("gold_sources"))
    citations = row.get("citations") or []
    retrieved = sorted(row.get("passages") or [], key=lambda p: p.get("rank") or 0)  # retrieval order
    rank = first_rank(retrieved, item, base) if answerable and has_gold else None
    cited_text = " ".join(c.get("text", "") + " " + c.get("quote", "") for c in citations)
    blob = _lower_squash(row.get("answer", "") + " " + cited_text)
    groups = item.get("keywords") or []
    matched = sum(1 for g in groups if any(_lower_squash(alt) in blob for alt in g))
    forbidden = [f for f in item.get("forbidden") or [] if _lower_squash(f) in blob]
    return {
        "id": row["id"],
        "lang": item.get("lang") or row.get("language"),
        "answerable": answerable,
        "scored": answerable and has_gold,
        "abstained": bool(row.get("abstained")),
        "rank": rank,
        "cited_first": bool(citations) and answerable and citation_hit(citations[0], item),
        "cited_any": answerable and any(citation_hit(c, item) for c in citations),
        "answer_chars": None if row.get("abstained") else len(row.get("answer", "")),
        "cross": bool(citations) and (item.get("lang") or row.get("language")) == "en" and any(_CJK.search(c.get("text", "")) for c in citations),
        "glossary": bool(row.get("glossary")),
        "retrieval_only": row.get("mode") == "retrieval-only",
        "citations": len(citations),
        "citations_with_gold": sum(citation_hit(c, item) for c in citations) if answerable else 0,
        "citations_valid": sum(citation_valid(c, sources) for c in citations),
        "keywords": len(groups),
        "keywords_matched": matched,
        "forbidden": forbidden,
        "latency_ms": float((row.get("timings_ms") or {}).get("total", 0.0)),
    }


def _rate(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return round(ordered[index], 1)


BOOTSTRAP_SAMPLES = 2000


def bootstrap_ci(values: list[float], samples: int = BOOTSTRAP_SAMPLES, seed: int = 0) -> list[float] | None:
    """95 % percentile interval of the mean of per-question values (resampled with replacement)."""
    if not values:
        return None
    data = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, len(data), size=(samples, len(data)))].mean(axis=1)
    return [round(float(np.percentile(means, 2.5)), 4), round(float(np.percentile(means, 97.5)), 4)]


def aggregate(per_question: list[dict[str, Any]]) -> dict[str, Any]:
    scored = [q for q in per_question if q["scored"]]
    answerable = [q for q in per_question if q["answerable"]]
    unanswerable = [q for q in per_question if not q["answerable"]]
    abstained = [q for q in per_question if q["abstained"]]
    ranks = [q["rank"] for q in scored]
    out: dict[str, Any] = {
        "questions": len(per_question),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "scored": len(scored),
    }
    for k in (1, 3, 5, 10):
        out[f"hit@{k}"] = _rate(sum(1 for r in ranks if r is not None and r < k), len(ranks))
    out["mrr@10"] = _rate(sum(1 / (r + 1) for r in ranks if r is not None and r < 10), len(ranks))
    out["cited_first"] = _rate(sum(q["cited_first"] for q in scored), len(scored))
    out["cited_any"] = _rate(sum(q["cited_any"] for q in scored), len(scored))
    lengths = [q["answer_chars"] for q in per_question if q.get("answer_chars") is not None]
    out["answer_chars_p50"] = statistics.median(lengths) if lengths else None
    cross = [q for q in per_question if q.get("cross")]
    out["glossary_rate"] = _rate(sum(q["glossary"] for q in cross), len(cross))
    cites = sum(q["citations"] for q in answerable)
    out["citation_precision"] = _rate(sum(q["citations_with_gold"] for q in answerable), cites)
    out["citation_validity"] = _rate(sum(q["citations_valid"] for q in per_question), sum(q["citations"] for q in per_question))
    with_kw = [q for q in answerable if q["keywords"]]
    out["keyword_recall"] = _rate(sum(q["keywords_matched"] / q["keywords"] for q in with_kw), len(with_kw))
    out["forbidden_violations"] = sum(len(q["forbidden"]) for q in per_question)
    out["abstained"] = len(abstained)
    out["abstention_precision"] = _rate(sum(not q["answerable"] for q in abstained), len(abstained))
    out["abstention_recall"] = _rate(sum(q["abstained"] for q in unanswerable), len(unanswerable))
    out["false_abstentions"] = sum(q["abstained"] for q in answerable)
    out["ci"] = {
        **{f"hit@{k}": bootstrap_ci([float(r is not None and r < k) for r in ranks]) for k in (1, 3, 5)},
        "mrr@10": bootstrap_ci([1 / (r + 1) if r is not None and r < 10 else 0.0 for r in ranks]),
        "cited_first": bootstrap_ci([float(q["cited_first"]) for q in scored]),
        "keyword_recall": bootstrap_ci([q["keywords_matched"] / q["keywords"] for q in with_kw]),
        "abstention_recall": bootstrap_ci([float(q["abstained"]) for q in unanswerable]),
        "false_abstention_rate": bootstrap_ci([float(q["abstained"]) for q in answerable]),
    }
    if per_question and all(q.get("retrieval_only") for q in per_question):
        # A retrieval-only baseline has no answers: its answer metrics do not exist (not 0).
        for key in ANSWER_KEYS:
            out[key] = None
        out["ci"] = {key: value for key, value in out["ci"].items() if key not in ANSWER_KEYS}
    latencies = [q["latency_ms"] for q in per_question]
    out["latency_p50_ms"] = _percentile(latencies, 0.5)
    out["latency_p95_ms"] = _percentile(latencies, 0.95)
    out["latency_mean_ms"] = round(statistics.fmean(latencies), 1) if latencies else None
    return out


def summarize(per_question: list[dict[str, Any]]) -> dict[str, Any]:
    """Overall, by language, by answerability, and by both."""
    groups: dict[str, list[dict[str, Any]]] = {"all": per_question}
    for q in per_question:
        kind = "answerable" if q["answerable"] else "unanswerable"
        groups.setdefault(f"lang={q['lang']}", []).append(q)
        groups.setdefault(kind, []).append(q)
        groups.setdefault(f"lang={q['lang']},{kind}", []).append(q)
    return {name: aggregate(qs) for name, qs in groups.items()}


def score_rows(rows: list[dict[str, Any]], items: list[dict[str, Any]], base: Path | None) -> list[dict[str, Any]]:
    by_id = {i["id"]: i for i in items}
    sources: dict = {}
    return [question_metrics(r, by_id[r["id"]], base, sources) for r in rows]

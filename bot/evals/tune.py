"""Tuning aid: the evidence features the abstention rule reads, per question of a QA set's tune split.

    python -m bot.evals.tune QA.jsonl --store DIR [--split tune]

Prints, for answerable and unanswerable questions apart, the lead passage's share of missing key
concepts, the concepts the whole collection lacks, and the best sentence similarity, so that the
values in bot.qa.tuning (AnswerTuning) are chosen on tuning data only and then reported on held-out.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.qa.answer import Evidence, select
from bot.config import Settings
from bot.evals.qasets import load_qa, passage_hit
from bot.qa.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("qa", type=Path)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--split", default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    items = load_qa(args.qa, args.split)
    pipeline = Pipeline(Settings(store=args.store))
    rows = []
    for item in items:
        retrieval = pipeline.retrieve(item["question"], k=5)
        q, passages, df, n = retrieval.lexical, retrieval.passages, retrieval.df, retrieval.n_docs
        if not passages:
            continue
        ev = Evidence(q, df, n)
        top = passages[0]
        chosen, why = select(item["question"], passages, df, n, query=q)
        lead = chosen[0] if chosen else None
        rows.append(
            {
                "id": item["id"],
                "answerable": item.get("answerable", True),
                "lang": q.lang,
                "plang": top.lang,
                "missing": round(ev.missing(set(top.tokens), top.quote), 3),
                "coverage": round(ev.coverage(set(top.tokens), top.quote), 3),
                "absent": ev.absent,
                "absent_share": round(ev.absent_share, 3),
                "loanwords": ev.absent_loanwords,
                "abstained": why,
                "s_missing": round(ev.missing(set(lead.tokens), lead.text), 3) if lead else None,
                "s_dense": round(lead.dense, 3) if lead else None,
                "dense": round(max(top.sentence_scores, default=0.0), 3),
                "hit": bool(item.get("answerable", True)) and passage_hit(top.model_dump(), item, args.qa.parent.resolve()),
                "question": item["question"],
            }
        )
    if args.json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        return
    for answerable in (True, False):
        print("== answerable" if answerable else "== unanswerable")
        for r in sorted((r for r in rows if r["answerable"] == answerable), key=lambda r: -r["missing"]):
            print(f"{r['missing']:.2f} cov {r['coverage']:.2f} dense {r['dense']:.2f} {r['lang']}>{r['plang']} hit={int(r['hit'])} absent={r['absent']} {r['question'][:70]}")


if __name__ == "__main__":
    main()

"""`qabot eval` as a library call: answer a QA set with qabot (and the baselines), score, report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.evals.baselines import run_systems
from bot.evals.metrics import score_rows, summarize
from bot.evals.qasets import load_qa


def run_eval(settings: Settings, qa_file: Path, split: str | None = None, baselines: bool = False,
             gold_base: Path | None = None, output: Path | None = None, report: Path | None = None,
             progress=None) -> dict[str, Any]:
    """{"meta", "systems": {name: summary}}; answers to `output` (JSONL), report files to `report`."""
    from bot.stores import location

    k = settings.top_k
    items = load_qa(qa_file, split)
    base = (gold_base or qa_file.parent).resolve()
    systems = run_systems(settings, items, k, baselines, progress)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("w", encoding="utf-8") as out:
            for row in systems["qabot"]:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    per_system = {name: score_rows(rows, items, base) for name, rows in systems.items()}
    summaries = {name: summarize(questions) for name, questions in per_system.items()}
    meta = {"qa_file": str(qa_file), "split": split, "questions": len(items), "k": k, "store": location(settings).describe()}
    if report:
        from bot.evals.report import write_report

        write_report(report, summaries, per_system, systems, items, meta)
    return {"meta": meta, "systems": summaries}

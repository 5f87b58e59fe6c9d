"""`qabot eval --report DIR`: metrics.json, PNG plots and a self-contained report.html."""

from __future__ import annotations

import base64
import html
import json
from pathlib import Path
from typing import Any

HIT_KS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)


def _plots(per_system: dict[str, list[dict[str, Any]]], out: Path) -> dict[str, Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    paths = {}
    fig, ax = plt.subplots(figsize=(6, 4))
    for name, questions in per_system.items():
        ranks = [q["rank"] for q in questions if q["scored"]]
        if not ranks:
            continue
        ax.plot(HIT_KS, [sum(1 for r in ranks if r is not None and r < k) / len(ranks) for k in HIT_KS], marker="o", label=name)
    ax.set(xlabel="k", ylabel="hit@k", title="Retrieval: gold passage within the top k", ylim=(0, 1.02))
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    paths["hitk"] = out / "hit_at_k.png"
    fig.savefig(paths["hitk"], dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6, 4))
    for name, questions in per_system.items():
        ax.hist([q["latency_ms"] for q in questions], bins=30, alpha=0.5, label=name)
    ax.set(xlabel="latency per question (ms)", ylabel="questions", title="Answer latency (warm process)")
    ax.legend()
    fig.tight_layout()
    paths["latency"] = out / "latency.png"
    fig.savefig(paths["latency"], dpi=110)
    plt.close(fig)
    return paths


def failed(q: dict[str, Any]) -> bool:
    if q["answerable"]:
        return q["abstained"] or (q["scored"] and (q["rank"] != 0 or not q["cited_first"])) or bool(q["forbidden"])
    return not q["abstained"] or bool(q["forbidden"])


def _img(path: Path) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f'<img alt="{html.escape(path.stem)}" src="data:image/png;base64,{data}">'


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def write_report(
    out: Path,
    summaries: dict[str, dict[str, Any]],
    per_system: dict[str, list[dict[str, Any]]],
    rows: dict[str, list[dict[str, Any]]],
    items: list[dict[str, Any]],
    meta: dict[str, Any],
) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    metrics = {"meta": meta, "systems": summaries, "questions": per_system}
    (out / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=1), encoding="utf-8")
    plots = _plots(per_system, out)

    from bot.evals.metrics import METRIC_KEYS as keys
    from bot.evals.metrics import fmt_ci

    systems = list(summaries)
    overview = _table(["metric", *systems], [[k, *[html.escape(fmt_ci(summaries[s]["all"], k)) for s in systems]] for k in keys])
    main = systems[0]
    groups = summaries[main]
    by_group = _table(["group", *keys], [[html.escape(g), *[_fmt(v.get(k)) for k in keys]] for g, v in groups.items()])

    by_id = {i["id"]: i for i in items}
    answers = {r["id"]: r for r in rows[main]}
    ordered = sorted(per_system[main], key=lambda q: (not failed(q), str(q["id"])))
    question_rows = []
    for q in ordered:
        item, row = by_id[q["id"]], answers[q["id"]]
        cited = "<br>".join(f"[{c['n']}] {html.escape(c.get('quote') or c['text'])}" for c in row.get("citations", [])) or "—"
        expected = html.escape(" / ".join(item.get("gold") or item.get("gold_sources") or [])) or "(unanswerable)"
        status = "FAIL" if failed(q) else "ok"
        question_rows.append([
            f'<span class="{status}">{status}</span>', html.escape(str(q["id"])), html.escape(item["question"]),
            expected, "abstained" if q["abstained"] else cited, "—" if q["rank"] is None else q["rank"] + 1,
        ])
    table = _table(["", "id", "question", "expected", "cited", "gold rank"], question_rows)
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>qabot evaluation</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;max-width:1200px}}table{{border-collapse:collapse;margin:1em 0}}
td,th{{border:1px solid #ccc;padding:4px 8px;vertical-align:top;font-size:13px}}th{{background:#f4f4f4}}
.FAIL{{color:#b00;font-weight:bold}}.ok{{color:#080}}img{{margin:0.5em}}</style></head><body>
<h1>qabot evaluation</h1>{_settings(meta)}
<p>Rates in brackets: bootstrap 95 % intervals over questions. hit@k ranks passages in retrieval order.</p>
<h2>Systems</h2>{overview}<h2>{html.escape(main)} by group</h2>{by_group}
<h2>Plots</h2>{_img(plots["hitk"])}{_img(plots["latency"])}
<h2>Questions ({html.escape(main)}, failures first)</h2>{table}</body></html>"""
    (out / "report.html").write_text(page, encoding="utf-8")
    return {"metrics": out / "metrics.json", "html": out / "report.html", **plots}


def _settings(meta: dict[str, Any]) -> str:
    """The run's settings as a small table, not a JSON dump."""
    rows = "".join(f"<tr><th>{html.escape(str(k))}</th><td>{html.escape('—' if v is None else str(v))}</td></tr>" for k, v in meta.items())
    return f"<table>{rows}</table>"


def _fmt(value: Any) -> str:
    from bot.evals.metrics import fmt

    return html.escape(fmt(value))


def print_summary(summaries: dict) -> None:
    """The terminal view of `qabot eval`: every metric with its interval, then qabot by group."""
    from rich.console import Console
    from rich.table import Table

    from bot.evals.metrics import METRIC_KEYS as keys
    from bot.evals.metrics import fmt as _cell
    from bot.evals.metrics import fmt_ci

    table = Table(title="all questions", show_lines=False)
    table.add_column("metric")
    for name in summaries:
        table.add_column(name, justify="right")
    for key in keys:
        table.add_row(key, *[fmt_ci(s["all"], key) for s in summaries.values()])
    console = Console()
    console.print(table)
    main = summaries["qabot"]
    groups = Table(title="qabot by group")
    for col in ("group", "n", "hit@1", "hit@5", "mrr@10", "cited_first", "abstained", "false_abst."):
        groups.add_column(col, justify="right" if col != "group" else "left")
    for name, g in main.items():
        groups.add_row(name, str(g["questions"]), _cell(g["hit@1"]), _cell(g["hit@5"]), _cell(g["mrr@10"]), _cell(g["cited_first"]), str(g["abstained"]), str(g["false_abstentions"]))
    console.print(groups)


def print_bench(result: dict) -> None:
    """The terminal view of `qabot bench`: each figure beside the raw components' floor."""
    from rich.console import Console
    from rich.table import Table

    m, ing, q, cold = result["machine"], result["ingest"], result["query"], result["cold"]
    table = Table(title=f"qabot bench — {m['cpu']}, {m['cores']} cores, Python {m['python']}")
    table.add_column("measure")
    table.add_column("qabot", justify="right")
    table.add_column("floor (raw components)", justify="right")
    table.add_column("ratio", justify="right")
    table.add_row("ingest chars/s", f"{ing['chars_per_s']:.0f}", f"{ing['raw_embedder_chars_per_s']:.0f} (embedder alone)", f"{ing['ratio_vs_raw']:.2f}")
    table.add_row("ingest chunks/s", f"{ing['chunks_per_s']:.1f}", "", "")
    table.add_row("warm query p50 ms", f"{q['p50_ms']:.1f}", f"{q['floor_p50_ms']:.1f} (embed + Chroma)", f"{q['ratio_p50']:.2f}")
    table.add_row("warm query p95 ms", f"{q['p95_ms']:.1f}", f"{q['floor_p95_ms']:.1f}", "")
    if "embed_p50_ms" in q:
        table.add_row("warm query p50 ms", "", f"{q['embed_p50_ms']:.1f} (query embedding alone)", f"{q['ratio_vs_embed_p50']:.2f}")
    if "dictionary_p50_ms" in q:  # what building the cross-language query costs a new question
        table.add_row("dictionary ms p50/p95", f"{q['dictionary_p50_ms']:.1f} / {q['dictionary_p95_ms']:.1f}", "", "")
    if "dictionary_added_p50_ms" in q:  # what it adds to an ask, built beside the question's embedding
        table.add_row("dictionary ms added p50/p95", f"{q['dictionary_added_p50_ms']:.1f} / {q['dictionary_added_p95_ms']:.1f}",
                      "", "")
    table.add_row("cold ask s", f"{cold['ask_seconds']:.2f}", f"{cold['bare_import_seconds']:.2f} (bare import)", "")
    table.add_row("peak RSS MB", f"{result['peak_rss_mb']:.0f} (bench) / {cold['ask_peak_rss_mb']:.0f} (ask)", "", "")
    for row in result["scaling"]:
        table.add_row(f"x{row['scale']}: {row['chunks']} chunks", f"ingest {row['ingest_seconds']:.1f} s, p50 {row['p50_ms']:.1f} ms", f"{row['floor_p50_ms']:.1f}", "")
    Console().print(table)


def print_synthetic(result: dict) -> None:
    """The terminal view of `qabot bench --synthetic`, with the #13 targets at 100k chunks."""
    from rich.console import Console
    from rich.table import Table

    m, t = result["machine"], result["targets_at_100k"]
    table = Table(title=f"qabot bench --synthetic — {m['cpu']}, {m['cores']} cores (seed: {result['seed']['chunks']} real chunks)")
    for col in ("chunks", "fill s", "ask p50 ms", "ask p95 ms", "peak RSS MB (ask)", "start-up s", "peak RSS MB (start-up)"):
        table.add_column(col, justify="right")
    for r in result["runs"]:
        table.add_row(f"{r['n']:,}", f"{r['fill_seconds']:.1f}", f"{r['p50_ms']:.1f}", f"{r['p95_ms']:.1f}", f"{r['peak_rss_mb']:.0f}",
                      f"{r['startup_seconds']:.2f}", f"{r['startup_peak_rss_mb']:.0f}")
    table.add_row("#13 target (100k)", "", f"≤ {t['p50_ms']:.0f}", "", f"≤ {t['peak_rss_mb']:.0f}", f"≤ {t['startup_seconds']:.0f}", "")
    Console().print(table)

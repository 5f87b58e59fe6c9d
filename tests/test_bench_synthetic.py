"""`qabot bench --synthetic N`: a store of N chunks made from a real one without embedding, and
every figure it reports (#13): fill time, warm ask p50/p95, peak RSS, start-up."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.conftest import RELEASE, run_qabot


def test_synthetic_bench_reports_every_figure(tmp_path):
    qa = tmp_path / "qa.jsonl"
    qa.write_text("\n".join(json.dumps({"id": str(i), "question": q}, ensure_ascii=False) for i, q in enumerate(
        ["why are dormant cells drug resistant?", "エクソソームとは何ですか？"])), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "bench.json").write_text(json.dumps({"query": {"p50_ms": 1.0}}), encoding="utf-8")  # the main bench's
    result = run_qabot("bench", "--synthetic", "300", "--corpus", str(RELEASE), "--rounds", "1", "--questions", str(qa),
                       "--report", str(out), "--json", timeout=300)
    assert result.returncode == 0, result.stderr
    syn = json.loads(result.stdout)
    assert syn["seed"]["chunks"] > 5 and syn["seed"]["files"] == 1
    assert syn["targets_at_100k"] == {"p50_ms": 100.0, "peak_rss_mb": 1536.0, "startup_seconds": 5.0}
    (run,) = syn["runs"]
    assert run["n"] == run["chunks"] == 300 and run["documents"] == 15 and run["seed_rows"] == syn["seed"]["chunks"]
    assert 0 < run["fill_seconds"] < 120
    assert run["fill_chunks_per_s"] == pytest.approx(300 / run["fill_seconds"], rel=0.02)
    assert run["samples"] == 2 and 0 < run["p50_ms"] <= run["p95_ms"] < 10_000
    assert 50 < run["peak_rss_mb"] < 4096 and 50 < run["startup_peak_rss_mb"] < 4096
    assert 0 < run["responder_startup_seconds"] < run["startup_seconds"] < 120
    assert run["store_mb"] > 0
    saved = json.loads((out / "bench.json").read_text(encoding="utf-8"))
    assert saved["synthetic"] == syn and saved["query"] == {"p50_ms": 1.0}  # the rest of bench.json is kept
    assert (out / "bench_synthetic.png").stat().st_size > 1000
    bad = run_qabot("bench", "--synthetic", "ten")
    assert bad.returncode != 0 and "--synthetic" in bad.stderr and "Traceback" not in bad.stderr


def test_synthetic_chunks_are_live_varied_copies(release_store, tmp_path):
    """The fill writes through replace_documents: registered, live for a reader, distinct ids,
    unit vectors near (not equal to) the seed's, and answers cite the synthetic documents."""
    from bot.evals.bench import fill_synthetic
    from bot.config import Settings
    from bot.qa.pipeline import Pipeline
    from index.store import ChunkStore, StoreLocation

    seed = ChunkStore(StoreLocation(path=release_store), "qabot")
    target = ChunkStore(StoreLocation(path=tmp_path / "syn"), "bench", create=True)
    row = fill_synthetic(seed, target, 45, seed.embedder, doc_chunks=20, batch=20)
    assert row["chunks"] == 45 and row["documents"] == 3
    assert target.embedder == seed.embedder and target.metadata["lang_means"] == seed.metadata["lang_means"]
    assert {r.chunks for r in target.sources().values()} == {20, 5}
    got = target.collection.get(include=["embeddings", "documents", "metadatas"])
    assert len(set(got["ids"])) == 45
    vecs = np.asarray(got["embeddings"])
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-3)
    seed_vecs = np.asarray(seed.collection.get(include=["embeddings"])["embeddings"])
    best = (vecs @ seed_vecs.T).max(axis=1)
    assert (best > 0.8).all() and (best < 0.9999).all()
    assert len(set(got["documents"])) == 45  # each copy's text carries its own marker
    pipeline = Pipeline(Settings(store=tmp_path / "syn", collection="bench"))
    assert pipeline.retriever.live_chunks == 45
    answer = pipeline.ask("エクソソームとは何ですか？")
    assert answer.citations and all(c.source.startswith("synthetic/") for c in answer.citations)


def test_the_main_bench_report_keeps_the_synthetic_result(tmp_path):
    """`make bench` rewrote bench.json whole and dropped the "synthetic" result the README cites
    (measured separately, with --synthetic): the main report keeps it, as the synthetic one keeps
    the rest."""
    import json

    from bot.evals.bench import plot

    row = {"scale": 1, "files": 1, "chunks": 11, "ingest_seconds": 0.5, "p50_ms": 20.0, "p95_ms": 25.0, "floor_p50_ms": 15.0}
    result = {"machine": {"cpu": "test", "cores": 2}, "scaling": [row], "query": {"p50_ms": 20.0}}
    report = tmp_path / "bench.json"
    report.write_text(json.dumps({"query": {"p50_ms": 99.0}, "synthetic": {"10000": {"p50_ms": 30.0}}}), encoding="utf-8")
    plot(result, tmp_path)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["query"] == {"p50_ms": 20.0} and data["synthetic"] == {"10000": {"p50_ms": 30.0}}

"""qabot eval and bench: eval's printed metrics agree with an independent recomputation; bench measures everything it reports."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_qabot

DEV = ROOT / "tests" / "data" / "dev.jsonl"
DEVSET2 = ROOT / "tests" / "data" / "devset2"


def _squash(s: str) -> str:
    return "".join(s.split())


def _independent(rows: list[dict], items: dict[str, dict]) -> dict:
    """Written from the README's definitions, sharing no code with bot/evals/metrics.py."""
    ranks, cited, valid, total_cites, abst_un, un, false_abst = [], 0, 0, 0, 0, 0, 0
    for row in rows:
        item = items[row["id"]]
        for c in row["citations"]:
            total_cites += 1
            valid += Path(c["source"]).read_text(encoding="utf-8")[c["start"] : c["end"]] == c["text"]
        if not item.get("answerable", True):
            un += 1
            abst_un += row["abstained"]
            continue
        false_abst += row["abstained"]
        gold = [_squash(g) for g in item["gold"]]
        retrieved = sorted(row["passages"], key=lambda p: p["rank"])  # hit@k is over retrieval order
        rank = next((i for i, p in enumerate(retrieved) if any(g in _squash(p["text"]) for g in gold)), None)
        ranks.append(rank)
        cited += bool(row["citations"]) and any(g in _squash(row["citations"][0]["text"]) for g in gold)
    n = len(ranks)
    return {
        "hit@1": sum(r == 0 for r in ranks) / n,
        "hit@3": sum(r is not None and r < 3 for r in ranks) / n,
        "mrr@10": sum(1 / (r + 1) for r in ranks if r is not None and r < 10) / n,
        "cited_first": cited / n,
        "citation_validity": valid / total_cites,
        "abstention_recall": abst_un / un,
        "false_abstentions": false_abst,
    }


def test_printed_metrics_agree_with_output_file(release_store, tmp_path):
    out = tmp_path / "answers.jsonl"
    result = run_qabot("eval", str(DEV), "--output", str(out), "--json", "--store", str(release_store))
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)["systems"]["qabot"]["all"]
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    items = {i["id"]: i for i in map(json.loads, DEV.read_text(encoding="utf-8").splitlines())}
    assert [r["id"] for r in rows] == list(items)
    mine = _independent(rows, items)
    for key, value in mine.items():
        assert printed[key] == pytest.approx(value, abs=1e-3), key
    assert printed["questions"] == len(items)
    assert set(json.loads(result.stdout)["systems"]["qabot"]) >= {"all", "lang=en", "lang=ja", "answerable", "unanswerable"}


def test_report_with_baselines(release_store, tmp_path):
    qa = tmp_path / "qa.jsonl"
    lines = DEV.read_text(encoding="utf-8").splitlines()
    qa.write_text("\n".join(lines[:4] + lines[-2:]) + "\n", encoding="utf-8")
    report = tmp_path / "report"
    result = run_qabot("eval", str(qa), "--baselines", "--report", str(report), "--store", str(release_store))
    assert result.returncode == 0, result.stderr
    for name in ("qabot", "bm25", "dense", "llamaindex"):
        assert name in result.stdout
    metrics = json.loads((report / "metrics.json").read_text(encoding="utf-8"))
    assert set(metrics["systems"]) == {"qabot", "bm25", "dense", "llamaindex"}
    assert len(metrics["questions"]["qabot"]) == 6
    page = (report / "report.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == 2
    statuses = re.findall(r'<span class="(FAIL|ok)">\1</span>', page)  # one verdict per question, failures first
    assert len(statuses) == 6 and statuses == sorted(statuses, key=lambda s: s != "FAIL"), statuses
    for png in ("hit_at_k.png", "latency.png"):
        assert (report / png).read_bytes().startswith(b"\x89PNG")


@pytest.fixture(scope="module")
def devset2_subset(tmp_path_factory):
    """60 Japanese and 15 English paragraphs of tests/data/devset2 with their questions."""
    root = tmp_path_factory.mktemp("devset2")
    keep = {f"ja/ja_{i:03d}.txt" for i in range(1, 61)} | {f"en/en_{i:03d}.txt" for i in range(1, 16)}
    for rel in keep:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEVSET2 / rel, root / rel)
    items = [json.loads(line) for line in (DEVSET2 / "qa.jsonl").read_text(encoding="utf-8").splitlines()]
    chosen = [i for i in items if not i["answerable"] or set(i["gold_sources"]) <= keep]
    (root / "qa.jsonl").write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in chosen) + "\n", encoding="utf-8")
    store = root / "store"
    result = run_qabot("ingest", str(root / "ja"), str(root / "en"), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return root, store


def test_devset2_retrieval_floor(devset2_subset):
    root, store = devset2_subset
    result = run_qabot("eval", str(root / "qa.jsonl"), "--json", "--store", str(store))
    assert result.returncode == 0, result.stderr
    systems = json.loads(result.stdout)["systems"]["qabot"]
    ja = systems["lang=ja,answerable"]
    assert ja["hit@1"] >= 0.95 and ja["hit@5"] >= 0.99
    assert systems["all"]["hit@1"] >= 0.9
    assert systems["all"]["citation_validity"] == 1.0
    assert systems["answerable"]["false_abstentions"] <= 3


def test_bench_reports_every_measure_beside_its_floor(tmp_path):
    """A small `qabot bench` run: each figure is there, measured, and consistent with the corpus."""
    qa = tmp_path / "qa.jsonl"
    qa.write_text("\n".join(json.dumps({"id": str(i), "question": q}) for i, q in enumerate(
        ["why are dormant cells drug resistant?", "エクソソームとは何ですか？"])), encoding="utf-8")
    result = run_qabot("bench", "--copies", "2", "--scales", "1,2", "--rounds", "1", "--questions", str(qa),
                       "--report", str(tmp_path / "out"), "--json", timeout=600)
    assert result.returncode == 0, result.stderr
    bench = json.loads(result.stdout)
    ingest, query = bench["ingest"], bench["query"]
    single = bench["scaling"][0]["chunks"]
    assert single > 5 and ingest["chunks"] == 2 * single and bench["scaling"][1]["chunks"] == 2 * single
    assert ingest["raw_embedder_seconds"] > 0 and ingest["seconds"] > 0
    assert ingest["ratio_vs_raw"] == pytest.approx(ingest["raw_embedder_seconds"] / ingest["seconds"], rel=0.01)
    assert query["samples"] == 2 and 0 < query["floor_p50_ms"] and 0 < query["p50_ms"]
    assert 0 < query["embed_p50_ms"] and query["ratio_vs_embed_p50"] == pytest.approx(query["p50_ms"] / query["embed_p50_ms"], rel=0.01)
    assert 0 < query["dictionary_p50_ms"] <= query["dictionary_p95_ms"] < 1000  # the dictionary's share, measured
    # and what it adds to an ask, built beside the question's embedding: a paired difference, ~0
    assert -1000 < query["dictionary_added_p50_ms"] <= query["dictionary_added_p95_ms"] < 1000
    assert bench["cold"]["ask_seconds"] > 0 and bench["cold"]["bare_import_seconds"] > 0
    # the ask's own peak, not this bigger bench process's (which a forked child's rusage inherits)
    assert 50 < bench["cold"]["ask_peak_rss_mb"] < bench["peak_rss_mb"]
    assert (tmp_path / "out" / "bench.json").exists() and (tmp_path / "out" / "bench_scaling.png").stat().st_size > 1000
    bad = run_qabot("bench", "--copies", "0")
    assert bad.returncode != 0 and "--copies" in bad.stderr and "Traceback" not in bad.stderr


def test_bench_measures_an_existing_store(release_store, tmp_path):
    qa = tmp_path / "qa.jsonl"
    qa.write_text(json.dumps({"id": "q", "question": "why are dormant cells drug resistant?"}) + "\n", encoding="utf-8")
    result = run_qabot("bench", "--measure-store", str(release_store), "--questions", str(qa), "--rounds", "2", "--json", timeout=300)
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout)
    assert got["samples"] == 2 and 0 < got["p50_ms"] <= got["p95_ms"]
    assert 50 < got["peak_rss_mb"] and 0 < got["startup_seconds"] and 50 < got["startup_peak_rss_mb"] and got["store_mb"] > 0
    missing = run_qabot("bench", "--measure-store", str(tmp_path / "nothing"))
    assert missing.returncode == 1 and "no store directory" in missing.stderr and "Traceback" not in missing.stderr


@pytest.mark.parametrize("name, count", [("devset3", 400), ("devset4", 480), ("devset5", 480), ("devset6", 480)])
def test_devsets_of_articles_are_well_formed_and_split_by_article(name, count):
    """Every gold span is verbatim in its article, ids are unique, and the split follows the article
    (odd-numbered tune, even held-out), so tuning never sees a held-out article's questions."""
    root = ROOT / "tests" / "data" / name
    rows = [json.loads(line) for line in (root / "qa.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == count and len({r["id"] for r in rows}) == count
    for r in rows:
        if r["answerable"]:
            text = (root / r["gold_sources"][0]).read_text(encoding="utf-8")
            assert all(g in text for g in r["gold"]), r["id"]
            article = int(re.search(r"_(\d+)\.txt$", r["gold_sources"][0]).group(1))
        else:
            assert not r["gold"] and not r["gold_sources"]
            article = (int(r["id"][-3:]) - 1) // 4 + 1
        assert r["split"] == ("tune" if article % 2 else "heldout"), r["id"]

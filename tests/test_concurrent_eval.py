"""A warm eval of 400 questions while three ingests add and replace documents in the same store
(#12): every question answered, exit 0 -- retrieval never mixes two snapshots of the index."""

from __future__ import annotations

import json
import shutil
import subprocess
import time

import pytest

from tests.conftest import QABOT, ROOT, clean_env, run_qabot

DEVSET2 = ROOT / "tests" / "data" / "devset2"


@pytest.mark.slow
def test_eval_answers_every_question_while_ingests_write(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    sources = sorted((DEVSET2 / "ja").glob("*.txt"))[:24]
    for f in sources:
        shutil.copy(f, docs / f.name)
    store = tmp_path / "store"
    assert run_qabot("ingest", str(docs), "--store", str(store)).returncode == 0
    names = {f"ja/{f.name}" for f in sources}
    items = [json.loads(line) for line in (DEVSET2 / "qa.jsonl").read_text(encoding="utf-8").splitlines()]
    questions = [i for i in items if set(i.get("gold_sources") or []) & names]
    qa = tmp_path / "qa.jsonl"
    qa.write_text("\n".join(json.dumps({"id": f"q{n}", "question": questions[n % len(questions)]["question"]}, ensure_ascii=False) for n in range(400)), encoding="utf-8")

    out = tmp_path / "answers.jsonl"
    env = clean_env()
    evaluation = subprocess.Popen([*QABOT, "eval", str(qa), "--store", str(store), "--output", str(out), "--json"], env=env, cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    writers = []
    extra = sorted((DEVSET2 / "ja").glob("*.txt"))[24:60]
    for w in range(3):
        batch = tmp_path / f"batch{w}"
        batch.mkdir()
        for f in extra[w * 12 : (w + 1) * 12]:  # new documents
            shutil.copy(f, batch / f.name)
        for f in sources[w * 4 : (w + 1) * 4]:  # and new versions of indexed ones
            (docs / f.name).write_text(f.read_text(encoding="utf-8") + f"\n追記{w}。この段落は改訂された。\n", encoding="utf-8")
        writers.append(subprocess.Popen([*QABOT, "ingest", str(batch), *[str(docs / f.name) for f in sources[w * 4 : (w + 1) * 4]], "--store", str(store)],
                                        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        time.sleep(1.0)
    for writer in writers:
        _, err = writer.communicate(timeout=600)
        assert writer.returncode == 0, err
    stdout, stderr = evaluation.communicate(timeout=900)
    assert evaluation.returncode == 0, stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [f"q{n}" for n in range(400)]
    for r in rows:
        assert r["answer"].strip() and (r["abstained"] or r["citations"])
    assert json.loads(stdout)["systems"]["qabot"]["all"]["questions"] == 400
    listed = json.loads(run_qabot("sources", "--json", "--store", str(store)).stdout)
    assert len(listed) == 24 + 36  # every write landed, nothing lost

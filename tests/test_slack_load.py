"""The Slack bot under load and while another process ingests (its own bot, on a copy of the store)."""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.conftest import ROOT, clean_env
from tests.slack_double import SlackDouble
from tests.test_slack_e2e import ACK_LIMIT, SECRET, TOKEN, Bot, free_port, mention

pytestmark = pytest.mark.slow
DEVSET2 = ROOT / "tests" / "data" / "devset2"


@pytest.fixture(scope="module")
def loaded_bot(release_store, tmp_path_factory):
    work = tmp_path_factory.mktemp("slack-load")
    store = work / "store"
    shutil.copytree(release_store, store)
    slack = SlackDouble().start()
    port = free_port()
    env = clean_env(
        SLACK_BOT_TOKEN=TOKEN, SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=slack.api_url,
        QABOT_FEEDBACK_DB=str(work / "feedback.sqlite3"), QABOT_SLACK_USER_RATE="0",
    )
    log = work / "bot.log"
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "slack", "--port", str(port), "--host", "127.0.0.1", "--store", str(store)],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=err, stderr=err,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(log.read_text(errors="replace"))
            try:
                if requests.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, log.read_text(errors="replace")
            time.sleep(0.3)
        yield Bot(slack, url, log, work / "feedback.sqlite3", proc), store
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        slack.stop()


def test_fifty_concurrent_questions_are_all_answered(loaded_bot):
    bot, _ = loaded_bot
    questions = [mention(f"CLOAD{i:02d}", user=f"U{i:03d}") for i in range(50)]
    sent: dict[str, float] = {}

    def send(event: dict) -> float:
        sent[event["channel"]] = time.monotonic()
        resp, seconds = bot.event(event)
        assert resp.status_code == 200
        return seconds

    with ThreadPoolExecutor(max_workers=50) as pool:
        acks = list(pool.map(send, questions))
    assert max(acks) < ACK_LIMIT, f"slowest ack {max(acks):.2f} s"
    latencies = []
    for event in questions:
        (post,) = bot.slack.wait_for("chat.postMessage", count=1, timeout=180, channel=event["channel"])
        assert post["thread_ts"] == event["ts"]
        latencies.append(post.time - sent[event["channel"]])
    latencies.sort()
    report = {
        "questions": 50,
        "ack_p50_s": round(statistics.median(acks), 3),
        "ack_p95_s": round(sorted(acks)[int(0.95 * 49)], 3),
        "answer_p50_s": round(statistics.median(latencies), 2),
        "answer_p95_s": round(latencies[int(0.95 * 49)], 2),
    }
    print("\nslack load:", json.dumps(report))
    assert len(bot.slack.calls("chat.postMessage")) >= 50


def test_keeps_answering_while_another_process_ingests(loaded_bot, tmp_path):
    bot, store = loaded_bot
    corpus = tmp_path / "corpus"
    shutil.copytree(DEVSET2 / "ja", corpus)
    ingest = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "ingest", str(corpus), "--store", str(store)],
        cwd=ROOT, env=clean_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    asked = []
    try:
        while ingest.poll() is None and len(asked) < 8:
            event = mention(f"CINGEST{len(asked)}")
            resp, seconds = bot.event(event)
            assert resp.status_code == 200 and seconds < ACK_LIMIT
            bot.slack.wait_for("chat.postMessage", count=1, timeout=60, channel=event["channel"])
            asked.append(event)
            time.sleep(1)
    finally:
        _, err = ingest.communicate(timeout=600)
    assert ingest.returncode == 0, err
    assert len(asked) >= 2, "the ingest should still have been running while questions were answered"
    time.sleep(2.5)  # the bot polls the store for other writers every 2 s
    event = mention("CINGESTDONE", text="信濃川の長さは何キロメートルか?")
    bot.event(event)
    (post,) = bot.slack.wait_for("chat.postMessage", count=1, timeout=60, channel="CINGESTDONE")
    assert "367キロメートル" in json.dumps(post["blocks"], ensure_ascii=False)

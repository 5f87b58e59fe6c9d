"""Issue #14 end to end: thread memory read from Slack, private /ask with Share, per-channel
settings, the assistant panel, and answers that no longer wait for each other (#13).

Each test drives a real `qabot slack` process with signed requests against the Slack double
(tests/slack_double.py), as tests/test_slack_e2e.py does.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.slack_double import SlackDouble, block_texts
from tests.test_slack_e2e import QUESTION, QUIET, acked, assert_cited_answer, finished, mention, message, methods, new_ts, running_bot

pytestmark = pytest.mark.slow

FOLLOW_UP = "And what do they contain?"


def _work(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.mkdir(parents=True, exist_ok=True)
    return path


# -- 1. thread memory from Slack -------------------------------------------------------------------
def test_follow_up_after_a_restart_reads_the_thread_from_slack(release_store, tmp_path):
    with SlackDouble() as slack:
        with running_bot(release_store, _work(tmp_path, "first"), slack=slack) as bot:
            first = mention("CREST")
            acked(bot.event(first))
            finished(slack, "CREST")
        # a new process (or another replica): it has seen nothing of the thread
        with running_bot(release_store, _work(tmp_path, "second"), slack=slack) as bot:
            follow = message("CREST", FOLLOW_UP, thread_ts=first["ts"])
            acked(bot.event(follow))
            posts = finished(slack, "CREST", count=2)
            assert len(posts) == 2
            answer = posts[-1]
            assert answer["thread_ts"] == first["ts"]
            # without the thread's first question this one has nothing to go on (the bot abstains)
            assert answer["text"].startswith("The documents say:"), answer["text"]
            assert_cited_answer(answer)
            reads = slack.calls("conversations.replies", channel="CREST")
            assert reads and reads[0]["ts"] == first["ts"]
            # a second follow-up soon after: the thread comes from the cache, not from Slack again
            again = message("CREST", "Where do they come from?", thread_ts=first["ts"])
            acked(bot.event(again))
            finished(slack, "CREST", count=3)
            assert len(slack.calls("conversations.replies", channel="CREST")) == len(reads) == 1
            # a thread the bot never answered in: read, and left alone
            stranger = message("CREST", FOLLOW_UP, thread_ts=new_ts())
            acked(bot.event(stranger))
            slack.wait_for("conversations.replies", channel="CREST", ts=stranger["thread_ts"])
            time.sleep(QUIET)
            assert len(slack.calls("chat.postMessage", channel="CREST")) == 3
            assert methods(slack, "CREST") == ["reactions.add", "chat.postMessage", "reactions.remove"] * 3

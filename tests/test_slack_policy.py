"""Who may ask where, and how often: SLACK_ALLOWED_CHANNELS and the per-user rate limit."""

from __future__ import annotations

import time

from pydantic import SecretStr

from bot.config import Settings
from bot.slack.app import SLOW_DOWN, SlackBot, _RateLimit
from tests.slack_double import FakePipeline, RecordingWebClient, offline_bot


def _bot(**settings) -> tuple[SlackBot, FakePipeline]:
    base = Settings(slack_bot_token=SecretStr("xoxb-x"), slack_signing_secret=SecretStr("s"), **settings)
    pipeline = FakePipeline()
    return offline_bot(base, pipeline), pipeline


def _event(channel: str, user: str = "U1", ts: str | None = None) -> dict:
    return {"type": "app_mention", "channel": channel, "user": user, "text": "<@UBOT> why?", "ts": ts or f"{time.time():.6f}"}


def test_allowed_channels_restrict_where_the_bot_answers():
    bot, pipeline = _bot(slack_allowed_channels="CGOOD, COTHER")
    client = RecordingWebClient()
    bot.answer_message(client, _event("CBAD"), thread_ts="1.0")
    assert client.posts == [] and pipeline.asked == []
    bot.answer_message(client, _event("CGOOD"), thread_ts="1.0")
    bot.answer_message(client, _event("D123"), thread_ts="1.0")  # direct messages are always allowed
    assert len(pipeline.asked) == 2 and [p["channel"] for p in client.posts] == ["CGOOD", "D123"]


def test_rate_limit_per_user():
    bot, pipeline = _bot(slack_user_rate=2)
    client = RecordingWebClient()
    for i in range(3):
        bot.answer_message(client, _event("C1", user="UFAST", ts=f"10.{i}"), thread_ts=f"10.{i}")
    bot.answer_message(client, _event("C1", user="USLOW", ts="11.0"), thread_ts="11.0")
    assert len(pipeline.asked) == 3  # two for UFAST, one for USLOW
    assert client.posts[2]["text"] == SLOW_DOWN.format(limit=2)


def test_rate_limit_window_slides():
    limit = _RateLimit(1)
    assert limit.allow("U") and not limit.allow("U")
    limit._seen["U"][0] -= 61  # a minute later
    assert limit.allow("U")
    assert _RateLimit(0).allow("U") and _RateLimit(0).allow("U")

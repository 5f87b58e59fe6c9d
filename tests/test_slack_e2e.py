"""The Slack bot end to end: the real `qabot slack` process against a local Slack Web API double.

Requests are signed like Slack's; every test checks the HTTP status, that the ack came back in
under 3 s, and the exact Web API calls the bot made (each test uses its own channel ids so the
calls of one test are told apart from another's).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import itertools
import json
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
import requests

from tests.conftest import ROOT, clean_env, run_qabot
from tests.slack_double import Call, SlackDouble, block_texts

pytestmark = pytest.mark.slow

TOKEN = "xoxb-test-token-do-not-log"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
QUESTION = "why are dormant cells drug resistant?"
OFF_TOPIC = "What is the weather in Osaka today?"
ACK_LIMIT = 3.0  # Slack's: an ack later than this counts as a failed delivery
QUIET = 3.0  # how long "nothing more happens" is waited for
_ts = itertools.count(1)
_ids = itertools.count(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def new_ts() -> str:
    return f"{int(time.time())}.{next(_ts):06d}"


def sign(body: str, ts: int | None = None, secret: str = SECRET) -> dict[str, str]:
    ts = int(time.time()) if ts is None else ts
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": f"v0={digest}"}


@dataclass
class Bot:
    slack: SlackDouble
    url: str
    log: Path
    feedback_db: Path
    proc: subprocess.Popen

    def post(self, body: str, content_type: str, headers: dict[str, str] | None = None, signed: dict[str, str] | None = None):
        """POST to /slack/events; returns (response, seconds until the ack)."""
        all_headers = {"Content-Type": content_type, **(signed if signed is not None else sign(body)), **(headers or {})}
        t0 = time.monotonic()
        resp = requests.post(f"{self.url}/slack/events", data=body.encode("utf-8"), headers=all_headers, timeout=15)
        return resp, time.monotonic() - t0

    def event(self, event: dict, event_id: str | None = None, headers: dict[str, str] | None = None):
        event_id = event_id or f"Ev{next(_ids):08d}"
        body = {
            "token": "legacy-verification-token",
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "team_id": "T1",
            "api_app_id": "A1",
            "authorizations": [{"enterprise_id": None, "team_id": "T1", "user_id": "UBOT", "is_bot": True, "is_enterprise_install": False}],
            "event": {"event_ts": event.get("ts", new_ts()), **event},
        }
        if event.get("channel") and event.get("ts") and event.get("type") in ("message", "app_mention"):
            self.slack.add_message(event["channel"], {"type": "message", **{k: v for k, v in event.items() if k != "type"}})
        return self.post(json.dumps(body, ensure_ascii=False), "application/json", headers)

    def form(self, fields: dict[str, str]):
        return self.post(urlencode(fields), "application/x-www-form-urlencoded")

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def acked(result, status: int = 200) -> requests.Response:
    resp, seconds = result
    assert resp.status_code == status, (resp.status_code, resp.text)
    assert seconds < ACK_LIMIT, f"ack took {seconds:.2f} s"
    return resp


def mention(channel: str, text: str = QUESTION, ts: str | None = None, thread_ts: str | None = None, user: str = "U1") -> dict:
    event = {"type": "app_mention", "user": user, "text": f"<@UBOT> {text}", "ts": ts or new_ts(), "channel": channel}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def message(channel: str, text: str, ts: str | None = None, thread_ts: str | None = None, channel_type: str = "channel", **more) -> dict:
    event = {"type": "message", "user": "U1", "text": text, "ts": ts or new_ts(), "channel": channel, "channel_type": channel_type, **more}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


READS = ("conversations.replies",)  # reading a thread changes nothing a user sees


def methods(slack: SlackDouble, channel: str) -> list[str]:
    """The Web API calls made in `channel`, reads left out."""
    return [c.method for c in slack.calls(channel=channel) if c.method not in READS]


def finished(slack: SlackDouble, channel: str, count: int = 1) -> list[Call]:
    """Wait for `count` answers in `channel` to be complete (👀 removed), then a moment more; the posts."""
    slack.wait_for("reactions.remove", count=count, timeout=60, channel=channel)
    time.sleep(0.5)
    return slack.calls("chat.postMessage", channel=channel)


def buttons(blocks: list[dict]) -> dict[str, str]:
    return {e["action_id"]: e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]}


def assert_cited_answer(post: Call) -> None:
    blocks, text = post["blocks"], post["text"]
    assert isinstance(text, str) and text.strip(), "a plain-text fallback is required"
    contexts = [e["text"] for b in blocks if b["type"] == "context" for e in b["elements"]]
    assert any("Sources" in t for t in contexts), contexts
    assert any(("化学療法" in t or "抗がん剤" in t) and "\n>" in t for t in block_texts(blocks)), "the cited passage is quoted"
    assert blocks[-1]["type"] == "actions"
    # a private answer (/ask) also offers "Share with channel" and "Dismiss"
    assert {"feedback_up", "feedback_down"} <= set(buttons(blocks)) <= {"feedback_up", "feedback_down", "share_answer", "dismiss_answer"}
    assert len(set(buttons(blocks).values())) == 1


# -- the bot --------------------------------------------------------------------------------------
@contextlib.contextmanager
def running_bot(store: Path, work: Path, slack: SlackDouble | None = None, **env: str):
    """`qabot slack` on a free port against a fresh Slack double (or `slack`, left running); its stderr is the log."""
    log = work / "bot-stderr.log"
    feedback_db = work / "feedback.sqlite3"
    own = slack is None
    slack = SlackDouble().start() if own else slack
    port = free_port()
    env = clean_env(
        SLACK_BOT_TOKEN=TOKEN,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=slack.api_url,
        QABOT_FEEDBACK_DB=str(feedback_db),
        QABOT_SLACK_USER_RATE="0",
        QABOT_LOG_LEVEL="INFO",  # the log the token must never appear in: INFO, more than the default
        COLUMNS="250",  # rich wraps log lines at the console width
        **env,
    )
    cmd = [sys.executable, "-m", "bot.cli", "slack", "--port", str(port), "--host", "127.0.0.1", "--store", str(store)]
    with log.open("wb") as err:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=err, stderr=err)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"qabot slack exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
            try:
                if requests.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"qabot slack did not answer /healthz in 90 s:\n{log.read_text(errors='replace')}")
            time.sleep(0.3)
        yield Bot(slack, url, log, feedback_db, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        if own:
            slack.stop()
    assert TOKEN not in log.read_text(errors="replace"), "the bot token was written to the log"


@pytest.fixture(scope="module")
def bot(release_store, tmp_path_factory):
    with running_bot(release_store, tmp_path_factory.mktemp("slack")) as running:
        yield running


@pytest.fixture
def slack(bot) -> SlackDouble:
    return bot.slack


# -- the tests --------------------------------------------------------------------------------------

def click(bot, action_id: str, value: str, user: str, channel: str, response_url: str, message: dict | None = None, kind: str = "button"):
    """A button press as Slack sends it (block_actions); an ephemeral message comes without `message`."""
    container = {"type": "message", "channel_id": channel, "is_ephemeral": message is None, "message_ts": (message or {}).get("ts", new_ts())}
    payload = {
        "type": "block_actions",
        "team": {"id": "T1", "domain": "t"},
        "user": {"id": user, "username": "someone", "team_id": "T1"},
        "api_app_id": "A1",
        "token": "legacy",
        "container": container,
        "trigger_id": "1.2.3",
        "channel": {"id": channel, "name": "general"},
        "response_url": response_url,
        "actions": [{"action_id": action_id, "block_id": "feedback", "value": value, "type": kind, "action_ts": str(time.time())}],
    }
    if message is not None:
        payload["message"] = message
    return bot.form({"payload": json.dumps(payload, ensure_ascii=False)})

def test_url_verification_echoes_the_challenge(bot, slack):
    body = json.dumps({"token": "legacy", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", "type": "url_verification"})
    before = len(slack.calls())
    resp = acked(bot.post(body, "application/json"))
    assert "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in resp.text
    time.sleep(0.5)
    assert slack.calls()[before:] == [], "the handshake makes no Web API call"
    assert [c.authorization for c in slack.calls("auth.test")][:1] == [f"Bearer {TOKEN}"], "Bolt checks the token at start"


def test_mention_in_channel_is_answered_in_its_thread(bot, slack):
    event = mention("CMENTION")
    acked(bot.event(event))
    posts = finished(slack, "CMENTION")
    assert methods(slack, "CMENTION") == ["reactions.add", "chat.postMessage", "reactions.remove"]
    (post,) = posts
    assert post["channel"] == "CMENTION" and post["thread_ts"] == event["ts"]
    assert post.authorization == f"Bearer {TOKEN}"
    assert_cited_answer(post)
    for react in ("reactions.add", "reactions.remove"):
        (call,) = slack.calls(react, channel="CMENTION")
        assert call["name"] == "eyes" and call["timestamp"] == event["ts"]


def test_mention_inside_a_thread_replies_in_that_thread(bot, slack):
    parent = new_ts()
    event = mention("CTHREAD", thread_ts=parent)
    acked(bot.event(event))
    (post,) = finished(slack, "CTHREAD")
    assert methods(slack, "CTHREAD") == ["reactions.add", "chat.postMessage", "reactions.remove"]
    assert post["thread_ts"] == parent != event["ts"]
    assert_cited_answer(post)
    assert slack.calls("reactions.add", channel="CTHREAD")[0]["timestamp"] == event["ts"]


def test_direct_message_is_answered_in_its_thread(bot, slack):
    event = message("DDM1", QUESTION, channel_type="im")
    acked(bot.event(event))
    (post,) = finished(slack, "DDM1")
    assert methods(slack, "DDM1") == ["reactions.add", "chat.postMessage", "reactions.remove"]
    assert post["thread_ts"] == event["ts"]
    assert_cited_answer(post)


def test_thread_follow_up_without_mention(bot, slack):
    first = mention("CFOLLOW")
    acked(bot.event(first))
    finished(slack, "CFOLLOW")
    follow = message("CFOLLOW", "what do they contain?", thread_ts=first["ts"])
    acked(bot.event(follow))
    posts = finished(slack, "CFOLLOW", count=2)
    assert len(posts) == 2
    assert all(p["thread_ts"] == first["ts"] for p in posts)
    assert "Sorry" not in posts[1]["text"] and posts[1]["blocks"]
    assert slack.calls("reactions.add", channel="CFOLLOW")[1]["timestamp"] == follow["ts"]
    # a thread the bot never answered in: no answer
    stranger = message("CFOLLOW", "what do they contain?", thread_ts=new_ts())
    acked(bot.event(stranger))
    time.sleep(QUIET)
    assert methods(slack, "CFOLLOW") == ["reactions.add", "chat.postMessage", "reactions.remove"] * 2


def test_slash_command_acks_then_responds_once(bot, slack):
    target = slack.response_url("ask-1")
    resp = acked(
        bot.form(
            {
                "token": "legacy",
                "team_id": "T1",
                "team_domain": "t",
                "channel_id": "CASK",
                "channel_name": "general",
                "user_id": "U1",
                "user_name": "someone",
                "command": "/ask",
                "text": QUESTION,
                "api_app_id": "A1",
                "response_url": target,
                "trigger_id": "13345224609.738474920.8088930838d88f008e0",
            }
        )
    )
    assert "Usage" not in resp.text
    to_target = lambda c: c.path == "/respond/ask-1"  # noqa: E731
    slack.wait_for("respond", where=to_target, timeout=60)
    time.sleep(QUIET)
    (reply,) = slack.calls("respond", where=to_target)
    assert reply["response_type"] == "ephemeral"  # private first: shared only when the asker says so
    assert reply["text"].strip()
    assert_cited_answer(reply)
    assert slack.calls(channel="CASK") == [], "a slash command is answered through its response_url only"


def test_slash_command_without_text_shows_usage(bot, slack):
    resp = acked(
        bot.form(
            {"token": "legacy", "team_id": "T1", "channel_id": "CASK2", "user_id": "U1", "command": "/ask", "text": "  ",
             "api_app_id": "A1", "response_url": slack.response_url("ask-2"), "trigger_id": "1.2.3"}
        )
    )
    assert "Usage" in resp.text and "/ask" in resp.text
    time.sleep(1)
    assert slack.calls("respond", where=lambda c: c.path == "/respond/ask-2") == []
    assert slack.calls(channel="CASK2") == []


def test_feedback_button_records_the_vote(bot, slack):
    event = mention("CVOTE")
    acked(bot.event(event))
    (post,) = finished(slack, "CVOTE")
    answer_id = buttons(post["blocks"])["feedback_up"]
    posted_ts = post.response["ts"]

    message = {"type": "message", "ts": posted_ts, "bot_id": "BBOT", "thread_ts": event["ts"], "text": post["text"], "blocks": post["blocks"]}

    def vote(action_id: str, value: str, user: str):
        return click(bot, action_id, value, user, "CVOTE", slack.response_url("vote"), message)

    acked(vote("feedback_up", answer_id, "U2"))
    (thanks,) = slack.wait_for("chat.postEphemeral", channel="CVOTE", user="U2")
    assert thanks["text"] == "Thanks for the feedback." and thanks["thread_ts"] == event["ts"]
    acked(vote("feedback_down", "no-such-answer", "U3"))
    (unknown,) = slack.wait_for("chat.postEphemeral", channel="CVOTE", user="U3")
    assert "no longer known" in unknown["text"]

    result = run_qabot("feedback", "--json", env=clean_env(QABOT_FEEDBACK_DB=str(bot.feedback_db)))
    assert result.returncode == 0, result.stderr
    votes = [v for v in json.loads(result.stdout) if v["answer_id"] == answer_id]
    assert len(votes) == 1
    vote = votes[0]
    assert (vote["user"], vote["vote"], vote["question"], vote["channel"]) == ("U2", "up", QUESTION, "CVOTE")
    assert vote["thread_ts"] == event["ts"]
    assert vote["citations"] and all(c["quote"] and c["source"].endswith(".txt") for c in vote["citations"])
    assert any("抗がん剤" in c["quote"] or "化学療法" in c["quote"] for c in vote["citations"])
    assert not [v for v in json.loads(result.stdout) if v["user"] == "U3"]
    assert methods(slack, "CVOTE") == ["reactions.add", "chat.postMessage", "reactions.remove", "chat.postEphemeral", "chat.postEphemeral"]


def test_retried_event_is_answered_once(bot, slack):
    event = mention("CRETRY")
    acked(bot.event(event, event_id="EvRETRY0001"))
    acked(bot.event(event, event_id="EvRETRY0001", headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}))
    finished(slack, "CRETRY")
    acked(bot.event(event, event_id="EvRETRY0001", headers={"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_timeout"}))
    time.sleep(QUIET)
    assert methods(slack, "CRETRY") == ["reactions.add", "chat.postMessage", "reactions.remove"]
    assert "dropping redelivered event EvRETRY0001" in bot.log_text()


def test_same_message_as_mention_and_message_is_answered_once(bot, slack):
    in_channel = new_ts()
    acked(bot.event(mention("CDUAL", ts=in_channel)))
    acked(bot.event(message("CDUAL", f"<@UBOT> {QUESTION}", ts=in_channel)))
    # in a DM each of the two events would answer on its own: only the first may
    in_dm = new_ts()
    acked(bot.event(message("DDUAL", f"<@UBOT> {QUESTION}", ts=in_dm, channel_type="im")))
    acked(bot.event({**mention("DDUAL", ts=in_dm), "channel_type": "im"}))
    finished(slack, "CDUAL")
    finished(slack, "DDUAL")
    time.sleep(QUIET)
    for channel, ts in (("CDUAL", in_channel), ("DDUAL", in_dm)):
        assert methods(slack, channel) == ["reactions.add", "chat.postMessage", "reactions.remove"], channel
        assert slack.calls("chat.postMessage", channel=channel)[0]["thread_ts"] == ts


def test_bot_messages_are_ignored(bot, slack):
    acked(bot.event(message("DBOTS", QUESTION, channel_type="im", bot_id="B999")))
    acked(bot.event(message("DBOTS", QUESTION, channel_type="im", bot_id="BBOT", user="UBOT")))
    acked(bot.event(message("DBOTS", QUESTION, channel_type="im", subtype="bot_message", bot_id="B999", username="other")))
    acked(bot.event({**mention("CBOTS"), "bot_id": "B999"}))
    time.sleep(QUIET)
    assert slack.calls(channel="DBOTS") == [] and slack.calls(channel="CBOTS") == []


def test_bad_signature_and_stale_timestamp_are_rejected(bot, slack):
    body = json.dumps({"type": "event_callback", "event_id": "EvSIG", "team_id": "T1", "api_app_id": "A1", "event": mention("CSIG")})
    acked(bot.post(body, "application/json", signed=sign(body, secret="not-the-secret")), status=401)
    acked(bot.post(body, "application/json", signed=sign(body, ts=int(time.time()) - 600)), status=401)
    acked(bot.post(body, "application/json", signed={}), status=401)
    tampered = sign(body)
    acked(bot.post(body.replace("CSIG", "CSIH"), "application/json", signed=tampered), status=401)
    time.sleep(QUIET)
    assert slack.calls(channel="CSIG") == [] and slack.calls(channel="CSIH") == []


def test_rate_limited_post_is_retried_after_retry_after(bot, slack):
    slack.fail_next("chat.postMessage", status=429, retry_after=1, where=lambda p: p.get("channel") == "CRATE")
    event = mention("CRATE")
    acked(bot.event(event))
    finished(slack, "CRATE")
    first, second = slack.calls("chat.postMessage", channel="CRATE")
    assert (first.status, second.status) == (429, 200)
    assert second.time - first.time >= 0.95, "the retry must wait for Retry-After"
    assert first.params == second.params
    assert_cited_answer(second)
    assert methods(slack, "CRATE") == ["reactions.add", "chat.postMessage", "chat.postMessage", "reactions.remove"]


def test_failed_answer_gets_an_apology_and_no_token_in_the_log(bot, slack):
    slack.fail_next("chat.postMessage", status=500, error="internal_error", where=lambda p: p.get("channel") == "CERR")
    event = mention("CERR")
    acked(bot.event(event))
    failed, apology = finished(slack, "CERR")
    assert failed.status == 500 and failed["blocks"]
    assert apology.status == 200 and "Sorry" in apology["text"] and apology["thread_ts"] == event["ts"]
    assert "blocks" not in apology.params and len(apology["text"]) < 200
    assert methods(slack, "CERR") == ["reactions.add", "chat.postMessage", "chat.postMessage", "reactions.remove"]
    log = bot.log_text()
    assert "answering in CERR" in log and "internal_error" in log
    assert TOKEN not in log and TOKEN not in "".join(log.split())


def test_too_long_question_is_told_in_the_thread(bot, slack):
    event = mention("CLONG", text="why " * 600)
    acked(bot.event(event))
    (post,) = finished(slack, "CLONG")
    assert "question too long" in post["text"] and post["thread_ts"] == event["ts"]
    assert "Sorry" not in post["text"]


def test_mentions_in_questions_are_escaped(bot, slack):
    # `<!channel>` as Slack sends an @channel, `&lt;@U123&gt;` as it sends text typed literally
    event = mention("CESC", text=f"<!channel> &lt;@U123&gt; &amp; {OFF_TOPIC}")
    acked(bot.event(event))
    (post,) = finished(slack, "CESC")
    rendered = json.dumps({"text": post["text"], "blocks": post["blocks"]}, ensure_ascii=False)
    assert post["text"].startswith("The documents do not say:")
    assert "&lt;!channel&gt;" in post["text"] and "&lt;@U123&gt;" in post["text"] and "&amp;" in post["text"]
    assert "&lt;!channel&gt;" in rendered
    assert "<!channel>" not in rendered and "<@U123>" not in rendered and "<!" not in rendered
    assert not any("Sources" in t for t in block_texts(post["blocks"]))


def test_the_log_never_contains_the_token(bot, slack):
    calls = slack.calls()
    assert calls and all(c.authorization == f"Bearer {TOKEN}" for c in calls if c.method != "respond")
    log = bot.log_text()
    assert "serving Slack events" in log
    assert TOKEN not in log and TOKEN not in "".join(log.split())
    # The only tracebacks are those of the failure test_failed_answer_gets_an_apology causes on
    # purpose: one SlackApiError per "answering in CERR" (none if that test did not run).
    tracebacks = log.count("Traceback (most recent call last)")
    slack_errors = len(re.findall(r"^\s*slack_sdk\.errors\.SlackApiError: ", log, re.M))
    assert tracebacks == slack_errors == log.count("answering in CERR/"), log[-3000:]


# -- LLM mode: the streamed answer's placeholder is always replaced ------------------------------
LLM_TIMEOUT = 2.5


@pytest.fixture(scope="module")
def llm_bot(release_store, tmp_path_factory):
    from tests.openai_double import OpenAIDouble

    with OpenAIDouble() as llm, running_bot(
        release_store, tmp_path_factory.mktemp("slack-llm"),
        QABOT_LLM="openai-like", QABOT_LLM_MODEL="test-model", QABOT_LLM_BASE_URL=llm.base_url,
        QABOT_LLM_TIMEOUT=str(LLM_TIMEOUT), NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost",
    ) as running:
        # this workspace does not stream (chat.startStream refused): answers fall back to a
        # placeholder edited with chat.update, which is what these tests are about
        running.slack.fail_next("chat.startStream", error="not_allowed_token_type", times=10**6)
        yield running, llm


def _final_text(slack: SlackDouble, channel: str) -> tuple[Call, Call]:
    """The placeholder post and the last edit of it that Slack accepted."""
    placeholder, *others = slack.calls("chat.postMessage", channel=channel)
    assert placeholder["text"] == "…" and others == [], "everything goes into the one placeholder reply"
    edits = [c for c in slack.calls("chat.update", channel=channel) if c.status == 200 and c["ts"] == placeholder.response["ts"]]
    assert edits, "the placeholder was never replaced"
    return placeholder, edits[-1]


@pytest.mark.parametrize("case", ["stalls-while-slack-rate-limits", "breaks-off-then-blocks-refused", "bad-question"])
def test_failed_llm_stream_never_leaves_the_placeholder(llm_bot, case):
    from tests.openai_double import Reply

    bot, llm = llm_bot
    slack = bot.slack
    channel = "CLLM" + str(next(_ids))
    long_reply = "Dormant breast cancer cells resist chemotherapy because exosomes from the bone marrow put them to sleep [1]. " * 3
    question = QUESTION
    if case == "stalls-while-slack-rate-limits":
        # The model streams, stalls past the timeout, then drops the connection; meanwhile Slack
        # answers the first progress edit with 429, so that edit is retried after the fallback.
        llm.script(Reply(text=long_reply, chunk_chars=4, chunk_delay=0.25, fail_after=16))
        slack.fail_next("chat.update", status=429, retry_after=3, where=lambda p: p.get("channel") == channel)
    elif case == "breaks-off-then-blocks-refused":
        # The stream breaks off mid-answer (the fallback answer is used), and Slack refuses its blocks once.
        llm.script(Reply(text=long_reply, chunk_chars=4, chunk_delay=0.2, fail_after=10))
        slack.fail_next("chat.update", status=500, where=lambda p: p.get("channel") == channel and bool(p.get("blocks")))
    else:
        question = "why " * 600  # refused by the pipeline after the placeholder is up
    acked(bot.event(mention(channel, text=question)))
    slack.wait_for("reactions.remove", timeout=60, channel=channel)
    time.sleep(5)  # a retried progress edit (Retry-After 3 s) would land in here
    if case == "bad-question":  # refused before the model said a word: the error is the reply
        (final,) = slack.calls("chat.postMessage", channel=channel)
        assert slack.calls("chat.update", channel=channel) == []
    else:
        _, final = _final_text(slack, channel)
    assert final["text"] != "…" and not final["text"].endswith(" …"), final["text"]
    if case == "bad-question":
        assert "question too long" in final["text"] and "Sorry" not in final["text"]
    else:
        assert final["text"].startswith("The documents say:"), final["text"]  # the extractive fallback
        assert "化学療法" in final["text"] or "抗がん剤" in final["text"]
    if case == "stalls-while-slack-rate-limits":
        assert final["blocks"] and any("Sources" in t for t in block_texts(final["blocks"]))
        statuses = [c.status for c in slack.calls("chat.update", channel=channel)]
        # the rate-limited progress edit may be retried before the final one or dropped for it;
        # either way no edit follows the final answer (edits[-1] above is the cited answer)
        assert statuses[0] == 429 and statuses[-1] == 200, statuses
    assert TOKEN not in bot.log_text()

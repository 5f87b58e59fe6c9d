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
from tests.test_slack_e2e import QUESTION, QUIET, acked, assert_cited_answer, click, finished, mention, message, methods, new_ts, running_bot

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


# -- a bot with two collections and per-channel settings ---------------------------------------------
LAB_DOC = """Lab notes: booking the ultracentrifuge

The Optima XPN-100 ultracentrifuge in room B214 is booked through the lab calendar at least two days ahead.
Runs longer than eight hours need the approval of the lab manager, Dr. Aoyama.
After each run the rotor is cleaned with 70% ethanol and logged in the rotor logbook.
"""
LAB_QUESTION = "Who must approve ultracentrifuge runs longer than eight hours?"
CHANNELS_TOML = """
[default]
collection = "qabot"
experts = ["UEXPERT1"]

[channel.CLAB]
collection = "lab"
experts = ["ULABBOSS"]

[channel.CPUBLIC]
private = false

[channel.CLAB2]
experts = ["ULABBOSS", "ULABTECH"]

[channel.COPEN]
answer_without_mention = true

[assistant]
prompts = ["why are dormant cells drug resistant?", "休眠がん細胞はなぜ抗がん剤が効きにくいのですか？"]
"""


@pytest.fixture(scope="module")
def ai_store(release_store, tmp_path_factory) -> Path:
    """The release store plus a second collection, `lab`, holding one unrelated document."""
    import shutil

    from tests.conftest import clean_env, run_qabot

    work = tmp_path_factory.mktemp("ai-store")
    store = work / "store"
    shutil.copytree(release_store, store)
    doc = work / "lab-notes.txt"
    doc.write_text(LAB_DOC, encoding="utf-8")
    result = run_qabot("ingest", str(doc), "--store", str(store), "--collection", "lab", env=clean_env())
    assert result.returncode == 0, result.stderr
    return store


@pytest.fixture(scope="module")
def bot(ai_store, tmp_path_factory):
    work = tmp_path_factory.mktemp("slack-ai")
    config = work / "channels.toml"
    config.write_text(CHANNELS_TOML, encoding="utf-8")
    with running_bot(ai_store, work, QABOT_SLACK_CONFIG=str(config)) as running:
        yield running


def slash(bot, channel: str, text: str, response: str, user: str = "U1"):
    return bot.form(
        {"token": "legacy", "team_id": "T1", "channel_id": channel, "user_id": user, "command": "/ask", "text": text,
         "api_app_id": "A1", "response_url": bot.slack.response_url(response), "trigger_id": "1.2.3"}
    )


def buttons(blocks: list[dict]) -> dict[str, str]:
    return {e["action_id"]: e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]}


# -- 2. private first: /ask is ephemeral, with Share and Dismiss --------------------------------------
def test_ask_is_private_until_shared(bot):
    slack = bot.slack
    acked(slash(bot, "CPRIV", QUESTION, "priv-1", user="UASKER"))
    (reply,) = slack.wait_for("respond", where=lambda c: c.path == "/respond/priv-1", timeout=60)
    assert reply["response_type"] == "ephemeral"
    assert_cited_answer(reply)
    actions = buttons(reply["blocks"])
    assert {"share_answer", "dismiss_answer"} <= set(actions)
    assert slack.calls(channel="CPRIV") == [], "nothing in the channel until it is shared"

    acked(click(bot, "share_answer", actions["share_answer"], "UASKER", "CPRIV", slack.response_url("priv-share")))
    (shared,) = slack.wait_for("chat.postMessage", channel="CPRIV", timeout=30)
    assert "thread_ts" not in shared.params
    assert block_texts(shared["blocks"])[0] == f"<@UASKER> asked: {QUESTION}"
    assert shared["text"] == reply["text"]
    assert_cited_answer(shared)
    assert set(buttons(shared["blocks"])) == {"feedback_up", "feedback_down"}, "no Share button in the channel"
    (deleted,) = slack.wait_for("respond", where=lambda c: c.path == "/respond/priv-share", timeout=10)
    assert deleted["delete_original"] in (True, "true")

    # Dismiss removes the private answer and posts nothing
    acked(click(bot, "dismiss_answer", actions["dismiss_answer"], "UASKER", "CPRIV", slack.response_url("priv-dismiss")))
    (dismissed,) = slack.wait_for("respond", where=lambda c: c.path == "/respond/priv-dismiss", timeout=10)
    assert dismissed["delete_original"] in (True, "true")
    time.sleep(1)
    assert len(slack.calls("chat.postMessage", channel="CPRIV")) == 1


# -- 3. per-channel settings ---------------------------------------------------------------------------
def _sources(post) -> str:
    return json.dumps({"text": post["text"], "blocks": post.get("blocks")}, ensure_ascii=False)


def test_a_channel_answers_from_its_own_collection(bot):
    slack = bot.slack
    lab = mention("CLAB", text=LAB_QUESTION)
    acked(bot.event(lab))
    (post,) = finished(slack, "CLAB")
    assert "Aoyama" in post["text"] and "lab-notes.txt" in _sources(post), post["text"]
    assert "ncc-press-release" not in _sources(post)
    # any other channel answers from the default collection: never a lab document
    for channel, text in (("CGENERAL", LAB_QUESTION), ("CGENERAL2", QUESTION)):
        acked(bot.event(mention(channel, text=text)))
        (other,) = finished(slack, channel)
        assert "lab-notes" not in _sources(other) and "Aoyama" not in _sources(other), channel
    assert "ncc-press-release" in _sources(slack.calls("chat.postMessage", channel="CGENERAL2")[0])
    # and the lab channel never shows the default collection's documents
    acked(bot.event(mention("CLAB", text=QUESTION)))
    finished(slack, "CLAB", count=2)
    assert "ncc-press-release" not in _sources(slack.calls("chat.postMessage", channel="CLAB")[1])


def test_a_public_channel_answers_ask_in_the_channel(bot):
    slack = bot.slack
    acked(slash(bot, "CPUBLIC", QUESTION, "pub-1"))
    (reply,) = slack.wait_for("respond", where=lambda c: c.path == "/respond/pub-1", timeout=60)
    assert reply["response_type"] == "in_channel"
    assert set(buttons(reply["blocks"])) == {"feedback_up", "feedback_down"}


def test_answer_without_mention_only_where_the_channel_asks_for_it(bot):
    slack = bot.slack
    for channel in ("COPEN", "CCLOSED"):
        acked(bot.event(message(channel, QUESTION)))
    (post,) = finished(slack, "COPEN")
    assert_cited_answer(post)
    time.sleep(QUIET)
    assert slack.calls("chat.postMessage", channel="CCLOSED") == [] and methods(slack, "CCLOSED") == []


@pytest.mark.parametrize(
    "toml, expected",
    [
        ("[default]\ncolection = 'lab'\n", "unknown key 'colection'"),
        ("[channel.general]\ncollection = 'lab'\n", "[channel.general] is not a Slack channel id"),
        ("[channel.C1X]\nexperts = 'U1'\n", "experts must be a list"),
        ("[default\n", "not valid TOML"),
        ("[defaults]\n", "unknown table [defaults]"),
        ("[channel.CNOPE]\ncollection = 'nope'\n", "no collection 'nope'"),
    ],
)
def test_bad_channel_settings_stop_the_bot_at_start(ai_store, tmp_path, toml, expected):
    from tests.conftest import clean_env, run_qabot

    config = tmp_path / "channels.toml"
    config.write_text(toml, encoding="utf-8")
    env = clean_env(SLACK_BOT_TOKEN="xoxb-test-token-do-not-log", SLACK_SIGNING_SECRET="s", SLACK_API_URL="http://127.0.0.1:9/api/",
                    QABOT_SLACK_CONFIG=str(config))
    result = run_qabot("slack", "--port", "9", "--store", str(ai_store), env=env, timeout=120)
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and expected in lines[0], result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "xoxb" not in result.stderr


# -- 4. the assistant panel ("Agents & AI Apps") -------------------------------------------------------
def test_assistant_thread_gets_prompts_status_title_and_a_cited_answer(bot):
    slack = bot.slack
    thread = new_ts()
    started = {"type": "assistant_thread_started", "assistant_thread": {"user_id": "U1", "channel_id": "DPANEL", "thread_ts": thread, "context": {}}}
    acked(bot.event(started))
    (prompts,) = slack.wait_for("assistant.threads.setSuggestedPrompts", channel_id="DPANEL", timeout=30)
    assert prompts["thread_ts"] == thread
    listed = json.loads(prompts["prompts"]) if isinstance(prompts["prompts"], str) else prompts["prompts"]
    offered = [p["message"] for p in listed]
    assert offered == ["why are dormant cells drug resistant?", "休眠がん細胞はなぜ抗がん剤が効きにくいのですか？"]

    slack.add_message("DPANEL", {"type": "message", "subtype": "assistant_app_thread", "user": "UBOT", "bot_id": "BBOT", "ts": thread, "text": "New chat"})
    asked = message("DPANEL", QUESTION, thread_ts=thread, channel_type="im")
    acked(bot.event(asked))
    (post,) = slack.wait_for("chat.postMessage", channel="DPANEL", timeout=60)
    (status,) = slack.calls("assistant.threads.setStatus", channel_id="DPANEL")
    assert status["thread_ts"] == thread and status["status"] == "Searching the documents…"
    assert status.time < post.time
    (title,) = slack.calls("assistant.threads.setTitle", channel_id="DPANEL")
    assert title["title"] == QUESTION and title["thread_ts"] == thread
    assert post["thread_ts"] == thread
    assert any("Sources" in t for t in block_texts(post["blocks"])) and "\n>" in "".join(block_texts(post["blocks"]))
    assert slack.calls("reactions.add", channel="DPANEL") == [], "the panel shows a status, not 👀"
    # 7. the panel is an AI app's surface: Slack's own feedback element, and votes still land in the store
    native = post["blocks"][-1]
    assert native["type"] == "context_actions" and native["elements"][0]["type"] == "feedback_buttons"
    element = native["elements"][0]
    up, down = element["positive_button"]["value"], element["negative_button"]["value"]
    assert up.startswith("up:") and down == "down:" + up[3:]
    acked(click(bot, element["action_id"], down, "UPANEL", "DPANEL", slack.response_url("panel-vote"),
                message={"ts": post.response["ts"], "thread_ts": thread}, kind="feedback_buttons"))
    (thanks,) = slack.wait_for("chat.postEphemeral", channel="DPANEL", user="UPANEL", timeout=15)
    assert thanks["text"] == "Thanks for the feedback." and thanks["thread_ts"] == thread
    from tests.conftest import clean_env, run_qabot

    result = run_qabot("feedback", "--json", env=clean_env(QABOT_FEEDBACK_DB=str(bot.feedback_db)))
    assert result.returncode == 0, result.stderr
    (vote,) = [v for v in json.loads(result.stdout) if v["answer_id"] == up[3:]]
    assert (vote["user"], vote["vote"], vote["question"], vote["channel"]) == ("UPANEL", "down", QUESTION, "DPANEL")
    # a follow-up in the same thread: status again, the title stays the first question's
    acked(bot.event(message("DPANEL", FOLLOW_UP, thread_ts=thread, channel_type="im")))
    slack.wait_for("chat.postMessage", channel="DPANEL", count=2, timeout=60)
    assert len(slack.calls("assistant.threads.setStatus", channel_id="DPANEL")) == 2
    assert len(slack.calls("assistant.threads.setTitle", channel_id="DPANEL")) == 1
    assert slack.calls("chat.postMessage", channel="DPANEL")[1]["text"].startswith("The documents say:")


# -- 6 and #13: LLM answers stream, and one slow answer does not hold up the others ------------------
SLOW_REPLY = "Dormant breast cancer cells resist chemotherapy because exosomes from the bone marrow put them to sleep [1]."


@pytest.fixture(scope="module")
def llm_bot(release_store, tmp_path_factory):
    from tests.openai_double import OpenAIDouble

    with OpenAIDouble() as llm, running_bot(
        release_store, tmp_path_factory.mktemp("slack-ai-llm"),
        QABOT_LLM="openai-like", QABOT_LLM_MODEL="test-model", QABOT_LLM_BASE_URL=llm.base_url, QABOT_LLM_TIMEOUT="30",
        NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost",
    ) as running:
        yield running, llm


def _chunk_text(call) -> str:
    chunks = call.get("chunks") or []
    return "".join(c.get("text", "") for c in chunks if isinstance(c, dict)) + (call.get("markdown_text") or "")


def test_llm_answer_streams_then_becomes_the_cited_answer(llm_bot):
    from tests.openai_double import Reply

    bot, llm = llm_bot
    slack = bot.slack
    reply = SLOW_REPLY * 3
    llm.script(Reply(text=reply, chunk_chars=5, chunk_delay=0.05))
    asked = mention("CSTREAM")
    acked(bot.event(asked))
    (final,) = slack.wait_for("chat.update", channel="CSTREAM", timeout=60)
    (start,) = slack.calls("chat.startStream", channel="CSTREAM")
    assert start["thread_ts"] == asked["ts"] and start["recipient_user_id"] == "U1" and start["recipient_team_id"] == "T1"
    appends = slack.calls("chat.appendStream", channel="CSTREAM")
    (stop,) = slack.calls("chat.stopStream", channel="CSTREAM")
    stream_ts = start.response["ts"]
    assert appends and all(a["ts"] == stream_ts for a in appends) and stop["ts"] == stream_ts
    assert start.time < appends[0].time and appends[-1].time < stop.time < final.time
    assert "".join(_chunk_text(c) for c in [start, *appends, stop]) == reply, "every token was streamed, in order"
    # the streamed reply is then edited into the checked, cited answer
    assert final["ts"] == stream_ts and final["text"].startswith("Dormant breast cancer cells")
    assert any("Sources" in t for t in block_texts(final["blocks"]))
    assert final["blocks"][-1]["type"] == "context_actions", "a streamed reply gets Slack's feedback element"
    assert slack.calls("chat.postMessage", channel="CSTREAM") == [], "no placeholder where Slack streams"


def test_a_slow_llm_answer_does_not_hold_up_another_users_question(llm_bot):
    from tests.openai_double import Reply

    bot, llm = llm_bot
    slack = bot.slack
    llm.script(Reply(text=SLOW_REPLY, hang=12))  # the first question's model call takes 12 s
    before = len(llm.requests())
    acked(bot.event(mention("CSLOW", user="UFIRST")))
    llm.wait_for(before + 1, timeout=30)
    time.sleep(1)
    asked = time.monotonic()
    acked(bot.event(mention("CQUICK", text="エクソソームとは何ですか？", user="USECOND")))
    answered = lambda c: bool(c.get("blocks"))  # noqa: E731  (the final answer, not a progress edit)
    (done,) = slack.wait_for("chat.update", channel="CQUICK", where=answered, timeout=30)
    assert done.time - asked < 5, f"the second question waited {done.time - asked:.1f} s for the first"
    assert slack.calls("chat.update", channel="CSLOW", where=answered) == [], "the slow one is still being written"
    (slow,) = slack.wait_for("chat.update", channel="CSLOW", where=answered, timeout=40)
    assert slow.time - asked > 9 and slow["text"].startswith("Dormant breast cancer cells"), slow["text"]


# -- 5. escalation: "Still need help?" mentions the channel's experts ------------------------------------
def test_abstention_and_thumbs_down_offer_the_channels_experts(bot):
    from tests.test_slack_e2e import OFF_TOPIC

    slack = bot.slack
    # the bot abstains: its answer carries the button; pressing it mentions the channel's experts in the thread
    asked = mention("CLAB2", text=OFF_TOPIC)
    acked(bot.event(asked))
    (post,) = finished(slack, "CLAB2")
    assert post["text"].startswith("The documents do not say:")
    help_id = buttons(post["blocks"]).get("escalate")
    assert help_id, "an abstention offers 'Still need help?'"
    assert "Still need help?" in block_texts(post["blocks"])
    acked(click(bot, "escalate", help_id, "U1", "CLAB2", slack.response_url("esc-1"), message={"ts": post.response["ts"], "thread_ts": asked["ts"]}))
    (called,) = slack.wait_for("chat.postMessage", channel="CLAB2", count=2, timeout=15)[1:]
    assert called["thread_ts"] == asked["ts"]
    assert called["text"].startswith("<@ULABBOSS> <@ULABTECH> — <@U1> still needs help with:"), called["text"]
    assert OFF_TOPIC in called["text"] and "UEXPERT1" not in called["text"]
    # a cited answer has no such button, but a 👎 on it offers one (here: the default experts)
    answered = mention("CGEN3")
    acked(bot.event(answered))
    (good,) = finished(slack, "CGEN3")
    assert "escalate" not in buttons(good["blocks"])
    down = buttons(good["blocks"])["feedback_down"]
    acked(click(bot, "feedback_down", down, "U2", "CGEN3", slack.response_url("esc-2"), message={"ts": good.response["ts"], "thread_ts": answered["ts"]}))
    (thanks,) = slack.wait_for("chat.postEphemeral", channel="CGEN3", user="U2", timeout=15)
    assert buttons(thanks["blocks"]) == {"escalate": down}
    acked(click(bot, "escalate", down, "U2", "CGEN3", slack.response_url("esc-3")))
    (called,) = slack.wait_for("chat.postMessage", channel="CGEN3", count=2, timeout=15)[1:]
    assert called["thread_ts"] == answered["ts"] and called["text"].startswith("<@UEXPERT1> — <@U2> still needs help with:")

"""The Slack bot: a Bolt app over the same Pipeline as the CLI.

Delivery rules it keeps (see docs.slack.dev): every request is acknowledged at once and the answer is
produced afterwards on Bolt's listener threads; a retried delivery (same event_id, X-Slack-Retry-Num)
or the same message arriving as both app_mention and message never yields a second answer; the
bot's own and other bots' messages are ignored; Bolt's signature and timestamp checks stay on; Web
API calls are retried on 429 after Retry-After.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import OrderedDict, deque
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App, Assistant, BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.config import Settings
from bot.slack.feedback import FeedbackStore
from bot.slack.channels import ChannelSettings, SlackChannels
from bot.slack.blocks import (
    DISMISS, ESCALATE, FEEDBACK, FEEDBACK_DOWN, FEEDBACK_UP, MAX_BLOCKS, SHARE, answer_messages, asked_by, escalate_button, escape,
    with_escalation, with_share,
)
from index.errors import QabotError

log = logging.getLogger(__name__)

_USER_ID = re.compile(r"^[UW][A-Z0-9]+$")
_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
APOLOGY = "Sorry, something went wrong while answering this. The details are in the bot's log."
STREAM_BUFFER = 120  # characters of the model's answer sent per chat.appendStream
STREAM_INTERVAL = 1.5  # seconds between edits of a streaming answer (chat.update is Tier 3)
WORKING = "Searching the documents…"  # the assistant panel's status while an answer is being written
SLOW_DOWN = "You are asking faster than this bot answers ({limit} questions a minute). Please wait a moment."


class _Recent:
    """A bounded set with expiry: remembers event ids / message keys already handled."""

    def __init__(self, ttl: float = 3600, size: int = 20000):
        self.ttl, self.size = ttl, size
        self._items: OrderedDict[Any, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, key: Any) -> bool:
        now = time.monotonic()
        with self._lock:
            while self._items and (len(self._items) > self.size or next(iter(self._items.values())) < now - self.ttl):
                self._items.popitem(last=False)
            if key in self._items:
                return False
            self._items[key] = now
            return True


class ThreadMemory:
    """What the bot knows of a thread: whether it answered there and the questions asked in it.

    Read from Slack (conversations.replies: the thread's messages, the bot's own answers among
    them), so a follow-up keeps its context after a restart and on another replica; cached for
    `ttl` seconds because conversations.replies is rate-limited. When Slack cannot be read, what
    this process itself saw of the thread is used."""

    def __init__(self, ttl: float = 30.0, size: int = 5000):
        self.ttl, self.size = ttl, size
        self._threads: OrderedDict[tuple[str, str], tuple[float, bool, list[tuple[str, str]]]] = OrderedDict()
        self._lock = threading.Lock()

    def read(self, client: WebClient, channel: str, thread_ts: str, bot_user: str | None, bot_id: str | None) -> tuple[bool, list[tuple[str, str]]]:
        """(answered, [(ts, question), …] oldest first) for the thread."""
        key = (channel, thread_ts)
        with self._lock:
            cached = self._threads.get(key)
        if cached is not None and time.monotonic() - cached[0] < self.ttl:
            return cached[1], list(cached[2])
        try:
            reply = client.conversations_replies(channel=channel, ts=thread_ts, limit=200)
        except SlackApiError as e:
            log.info("could not read thread %s/%s: %s", channel, thread_ts, e.response.get("error"))
            return (cached[1], list(cached[2])) if cached else (False, [])
        answered, questions = False, []
        for m in reply.get("messages") or []:
            if m.get("bot_id") or m.get("subtype"):
                if (bot_user and m.get("user") == bot_user) or (bot_id and m.get("bot_id") == bot_id):
                    answered = True
                continue
            text = question_of(m.get("text", ""))
            if text:
                questions.append((m.get("ts", ""), text))
        self._put(key, answered, questions)
        return answered, questions

    def answered(self, channel: str, thread_ts: str, ts: str, question: str) -> None:
        """This process answered `question` (message `ts`) in the thread."""
        key = (channel, thread_ts)
        with self._lock:
            stamp, _, questions = self._threads.get(key, (time.monotonic(), False, []))
            if all(t != ts for t, _ in questions):
                questions = [*questions, (ts, question)]
        self._put(key, True, questions, stamp)

    def _put(self, key, answered: bool, questions: list, stamp: float | None = None) -> None:
        with self._lock:
            self._threads[key] = (time.monotonic() if stamp is None else stamp, answered, questions)
            self._threads.move_to_end(key)
            while len(self._threads) > self.size:
                self._threads.popitem(last=False)


class _RateLimit:
    """At most `limit` questions per user per minute (0 = unlimited)."""

    def __init__(self, limit: int):
        self.limit = limit
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, user: str) -> bool:
        if self.limit <= 0:
            return True
        now = time.monotonic()
        with self._lock:
            times = self._seen.setdefault(user, deque())
            while times and times[0] < now - 60:
                times.popleft()
            if len(times) >= self.limit:
                return False
            times.append(now)
            return True


def question_of(text: str) -> str:
    """The question in a message: mentions removed, Slack's escapes undone."""
    text = _MENTION.sub(" ", text or "")
    return " ".join(text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").split())


def _ts_before(a: str, b: str) -> bool:
    try:
        return float(a) < float(b)
    except ValueError:
        return True


def web_client(settings: Settings) -> WebClient:
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    base = settings.slack_api_url if settings.slack_api_url.endswith("/") else settings.slack_api_url + "/"
    client = WebClient(token=token, base_url=base, timeout=30)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=3))
    client.retry_handlers.append(ConnectionErrorRetryHandler(max_retry_count=2))
    return client


class _Placeholder:
    """LLM mode: a "…" reply edited as tokens arrive (at most every STREAM_INTERVAL s), then replaced
    by the answer, or by the error or apology when answering fails. Edits are serialised: a
    streaming edit still in flight (say, waiting out a 429) lands before the final one, and none
    follows it, so the thread never ends on a half answer or a "…"."""

    def __init__(self, client: WebClient, channel: str, thread_ts: str):
        posted = client.chat_postMessage(channel=channel, thread_ts=thread_ts, text="…")
        self.client, self.channel, self.ts = client, channel, posted["ts"]
        self.text = ""
        self.last = time.monotonic()
        self.final = False
        self._lock = threading.Lock()

    def on_token(self, token: str) -> None:
        """Called on the LLM's thread: a failed progress edit must not fail the answer."""
        self.text += token
        if time.monotonic() - self.last < STREAM_INTERVAL or not self._lock.acquire(blocking=False):
            return  # too soon, or an edit (or the final answer) is being sent
        try:
            if not self.final:
                self.last = time.monotonic()
                self.client.chat_update(channel=self.channel, ts=self.ts, text=escape(self.text) + " …")
        except SlackApiError as e:
            log.info("streaming update failed: %s", e.response.get("error"))
        except Exception as e:  # connection errors …
            log.info("streaming update failed: %s", type(e).__name__)
        finally:
            self._lock.release()

    def finish(self, message: dict) -> None:
        """The final edit ({"text", "blocks"}): after any streaming edit in flight, and the last.
        If Slack refuses the blocks, the plain text still replaces the placeholder."""
        with self._lock:
            self.final = True
            try:
                self.client.chat_update(channel=self.channel, ts=self.ts, **message)
            except SlackApiError as e:
                if not message.get("blocks"):
                    raise
                log.warning("answer blocks refused (%s); posting the answer as plain text", e.response.get("error"))
                self.client.chat_update(channel=self.channel, ts=self.ts, text=message["text"])


class _Stream:
    """LLM mode where Slack streams: the answer grows in one reply through chat.startStream /
    appendStream / stopStream (slack_sdk's WebClient.chat_stream), then that reply is edited into the
    cited answer (the model's text is checked, and may be replaced by the fallback, only at the end).
    Where streaming is refused (an older workspace, a missing scope …), the rest of the answer goes
    through a _Placeholder edited with chat.update."""

    def __init__(self, client: WebClient, channel: str, thread_ts: str, user: str | None, team: str | None):
        self.client, self.channel, self.thread_ts = client, channel, thread_ts
        extra = {k: v for k, v in (("recipient_user_id", user), ("recipient_team_id", team)) if v}
        self.stream = client.chat_stream(channel=channel, thread_ts=thread_ts, buffer_size=STREAM_BUFFER, **extra)
        self.fallback: _Placeholder | None = None
        self.text = ""
        self.failed = False
        self._lock = threading.Lock()

    def on_token(self, token: str) -> None:
        """Called on the LLM's thread: a failed append must not fail the answer."""
        with self._lock:
            self.text += token
            if self.fallback is not None:
                fallback = self.fallback
            elif self.failed:
                return
            else:
                try:
                    # the first token starts the stream at once (chunks=[] flushes): the reply shows
                    # up, or streaming is found refused, without waiting for a full buffer
                    self.stream.append(markdown_text=token, **({} if self.stream.ts else {"chunks": []}))
                    return
                except SlackApiError as e:
                    log.info("streaming refused (%s); editing a placeholder instead", e.response.get("error"))
                except Exception as e:
                    log.info("streaming failed: %s", type(e).__name__)
                self.failed = True
                if self.stream.ts:
                    return  # the stream exists but broke: the final edit replaces it
                try:
                    self.fallback = fallback = _Placeholder(self.client, self.channel, self.thread_ts)
                except SlackApiError as e:
                    log.info("could not post a placeholder: %s", e.response.get("error"))
                    return
                fallback.text = self.text[: -len(token)] if token else self.text
        fallback.on_token(token)

    @property
    def streamed(self) -> bool:
        """Slack accepted the stream (an AI-app reply)."""
        return bool(self.stream.ts) and not self.failed and self.fallback is None

    def finish(self, message: dict) -> None:
        """The cited answer (or an error) replaces whatever was streamed; never a half answer."""
        with self._lock:
            if self.fallback is not None:
                fallback = self.fallback
            else:
                fallback = None
                ts = self.stream.ts
                if ts and not self.failed:
                    try:
                        self.stream.stop()
                    except Exception as e:  # the edit below still replaces the streamed text
                        log.info("could not stop the stream: %s", type(e).__name__)
                if not ts:
                    self.client.chat_postMessage(channel=self.channel, thread_ts=self.thread_ts, unfurl_links=False, unfurl_media=False, **message)
                    return
                try:
                    self.client.chat_update(channel=self.channel, ts=ts, **message)
                except SlackApiError as e:
                    if not message.get("blocks"):
                        raise
                    log.warning("answer blocks refused (%s); posting the answer as plain text", e.response.get("error"))
                    self.client.chat_update(channel=self.channel, ts=ts, text=message["text"])
                return
        fallback.finish(message)


class SlackBot:
    """Holds the Bolt app and the state its listeners share."""

    def __init__(self, settings: Settings, pipeline, feedback: FeedbackStore, client: WebClient | None = None,
                 channels: SlackChannels | None = None, verify_token: bool = True):
        """`pipeline`: one Pipeline, or {collection: Pipeline} for per-channel collections.
        `verify_token=False` skips Bolt's start-up auth.test (a bot driven without Slack)."""
        if not settings.slack_signing_secret and not settings.slack_app_token:
            raise QabotError("SLACK_SIGNING_SECRET is not set (needed to verify requests from Slack)")
        if not settings.slack_bot_token:
            raise QabotError("SLACK_BOT_TOKEN is not set")
        self._state(settings, pipeline, feedback, channels)
        secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
        self.app = App(
            client=client or web_client(settings),
            signing_secret=secret,
            process_before_response=False,
            listener_executor=ThreadPoolExecutor(max_workers=settings.slack_workers, thread_name_prefix="qabot-slack"),
            token_verification_enabled=verify_token,
        )
        self._register()

    def _state(self, settings: Settings, pipeline, feedback: FeedbackStore, channels: SlackChannels | None = None) -> None:
        """What the listeners share: policy, de-duplication memory, thread context."""
        self.settings = settings
        self.channels = channels or SlackChannels(default=ChannelSettings(collection=settings.collection))
        self.pipelines = dict(pipeline) if isinstance(pipeline, dict) else {self.channels.default.collection: pipeline}
        self.pipeline = self.pipelines.get(self.channels.default.collection) or next(iter(self.pipelines.values()))
        self.feedback = feedback
        self.allowed = {c.strip() for c in (settings.slack_allowed_channels or "").split(",") if c.strip()}
        self.rate = _RateLimit(settings.slack_user_rate)
        self._events = _Recent()
        self._messages = _Recent()
        self._escalated = _Recent()
        self._threads = ThreadMemory(ttl=settings.slack_thread_cache)
        self.bot_user: str | None = None  # our own user and bot ids, learnt from Bolt's context
        self.bot_id: str | None = None
        self.team_id: str | None = None

    # -- listeners -----------------------------------------------------------------------------
    def _register(self) -> None:
        app = self.app

        @app.middleware
        def drop_retries(body: dict, next, request) -> BoltResponse | None:  # noqa: A002 (Bolt's name)
            event_id = body.get("event_id")
            if event_id and not self._events.first_time(event_id):
                retry = request.headers.get("x-slack-retry-num", ["?"])
                log.info("dropping redelivered event %s (retry %s)", event_id, retry[0] if retry else "?")
                return BoltResponse(status=200, body="")
            return next()

        assistant = Assistant()  # the "Agents & AI Apps" panel: its own threads in the app's DM

        @assistant.thread_started
        def on_assistant_thread(set_suggested_prompts) -> None:
            try:
                set_suggested_prompts(prompts=list(self.channels.prompts), title="Ask the documents, in English or Japanese")
            except SlackApiError as e:
                log.info("could not set the suggested prompts: %s", e.response.get("error"))

        @assistant.user_message
        def on_assistant_message(payload: dict, client: WebClient, set_status, set_title, context) -> None:
            self._learn(context)

            def working(first: bool, question: str) -> None:
                """The panel's "working" status, and the thread's title from its first question;
                neither may stop the answer (a DM thread outside the panel refuses both)."""
                calls = [lambda: set_status(WORKING)] + ([lambda: set_title(question[:100])] if first else [])
                for call in calls:
                    try:
                        call()
                    except SlackApiError as e:
                        log.info("assistant status/title not set: %s", e.response.get("error"))

            self.answer_message(client, payload, thread_ts=payload["thread_ts"], working=working)

        app.use(assistant)

        @app.event("app_mention")
        def on_mention(event: dict, client: WebClient, context) -> None:
            if event.get("bot_id"):
                return
            self._learn(context)
            self.answer_message(client, event, thread_ts=event.get("thread_ts") or event["ts"])

        @app.event("message")
        def on_message(event: dict, client: WebClient, context) -> None:
            if event.get("subtype") or event.get("bot_id"):
                return  # edits, joins, bot posts (ours included)
            if event.get("channel_type") == "im":
                self.answer_message(client, event, thread_ts=event.get("thread_ts") or event["ts"])
                return
            thread_ts = event.get("thread_ts")
            self._learn(context)
            if not thread_ts:
                if self.channels.of(event["channel"]).answer_without_mention:
                    self.answer_message(client, event, thread_ts=event["ts"])  # this channel asked for it
                return
            if f"<@{self.bot_user or ''}" not in (event.get("text") or ""):
                # a reply without a mention: answered only in threads the bot has answered in
                answered, _ = self._threads.read(client, event["channel"], thread_ts, self.bot_user, self.bot_id)
                if answered:
                    self.answer_message(client, event, thread_ts=thread_ts)  # follow-up, no mention

        @app.command("/ask")
        def on_ask(ack, command: dict, respond) -> None:
            question = question_of(command.get("text", ""))
            if not question:
                ack(text="Usage: `/ask QUESTION` — e.g. `/ask why are dormant cells drug resistant?`")
                return
            ack()
            channel, user = command.get("channel_id", ""), command.get("user_id", "")
            if not self._permitted(channel, user, lambda text: respond(text=text, response_type="ephemeral")):
                return
            private = self._private(channel)
            try:
                answer = self._ask(question, None, channel)
                fid = self.feedback.record_answer(answer, channel, None, user)
                messages = answer_messages(answer, fid)  # one, unless the answer is very long
                if answer.abstained and self.channels.of(channel).experts:
                    messages[-1] = with_escalation(messages[-1], fid)
                if private:  # only the asker sees it, until they share it
                    self.feedback.record_rendered(fid, messages)
                    messages = [*messages[:-1], with_share(messages[-1], fid)]
                for message in messages:
                    respond(**message, response_type="ephemeral" if private else "in_channel")
            except QabotError as e:
                respond(text=escape(str(e)), response_type="ephemeral")
            except Exception:
                log.exception("answering /ask failed")
                respond(text=APOLOGY, response_type="ephemeral")

        @app.action(SHARE)
        def on_share(ack, body: dict, action: dict, respond, client: WebClient) -> None:
            ack()
            self._share(body, action, respond, client)

        @app.action(DISMISS)
        def on_dismiss(ack, respond) -> None:
            ack()
            respond(delete_original=True)

        @app.action(ESCALATE)
        def on_escalate(ack, body: dict, action: dict, client: WebClient, respond) -> None:
            ack()
            self._escalate(body, action, client, respond)

        @app.action(FEEDBACK)
        def on_feedback(ack, body: dict, action: dict, client: WebClient) -> None:
            ack()
            vote, _, fid = (action.get("value") or "").partition(":")
            if vote in ("up", "down"):
                self._vote(body, {**action, "value": fid}, vote, client)

        @app.action(FEEDBACK_UP)
        def on_up(ack, body: dict, action: dict, client: WebClient) -> None:
            ack()
            self._vote(body, action, "up", client)

        @app.action(FEEDBACK_DOWN)
        def on_down(ack, body: dict, action: dict, client: WebClient) -> None:
            ack()
            self._vote(body, action, "down", client)

        @app.error
        def on_error(error: Exception, body: dict) -> None:
            log.error("unhandled error in a listener: %s", type(error).__name__, exc_info=error)

    # -- work ----------------------------------------------------------------------------------
    def _learn(self, context) -> None:
        self.bot_user = self.bot_user or getattr(context, "bot_user_id", None)
        self.bot_id = self.bot_id or getattr(context, "bot_id", None)
        self.team_id = self.team_id or getattr(context, "team_id", None)

    def _ask(self, question: str, history: list[str] | None, channel: str | None, on_token=None):
        """The channel's collection answers. No lock here: retrieval keeps no per-call state,
        so answers run side by side."""
        return self.pipelines[self.channels.of(channel).collection].ask(question, history=history, on_token=on_token)

    def _history(self, client: WebClient, channel: str, thread_ts: str, ts: str) -> list[str]:
        """The questions asked earlier in the thread (none for a new thread)."""
        if thread_ts == ts:
            return []
        _, questions = self._threads.read(client, channel, thread_ts, self.bot_user, self.bot_id)
        return [q for t, q in questions if t != ts and _ts_before(t, ts)]

    @property
    def streams(self) -> bool:
        return self.pipeline.streams

    def _permitted(self, channel: str, user: str, tell) -> bool:
        if self.allowed and channel not in self.allowed and not channel.startswith("D"):
            log.info("ignoring a question in channel %s (not in SLACK_ALLOWED_CHANNELS)", channel)
            return False
        if not self.rate.allow(user):
            tell(SLOW_DOWN.format(limit=self.rate.limit))
            return False
        return True

    def answer_message(self, client: WebClient, event: dict, thread_ts: str, working=None) -> None:
        """Answer `event` in its thread. `working(first, question)` replaces the 👀 reaction (the
        assistant panel shows a status instead, and titles a thread by its first question)."""
        channel, ts, user = event["channel"], event["ts"], event.get("user", "")
        if not self._messages.first_time((channel, ts)):
            return  # the same message as app_mention and as message, or redelivered

        def tell(text: str) -> None:
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=text)

        if not self._permitted(channel, user, tell):
            return
        question = question_of(event.get("text", ""))
        placeholder: _Placeholder | _Stream | None = None
        try:
            history = self._history(client, channel, thread_ts, ts)
            if working is None:
                self._react(client, "reactions_add", channel, ts)
            else:
                working(not history, question)
            if self.streams:
                placeholder = _Stream(client, channel, thread_ts, user, self.team_id)
                answer = self._ask(question, history, channel, placeholder.on_token)
            else:
                answer = self._ask(question, history, channel)
            fid = self.feedback.record_answer(answer, channel, thread_ts, user)
            # Slack's own feedback element where the surface is an AI app's (the assistant panel, a
            # streamed reply); the classic 👍/👎 buttons elsewhere
            native = working is not None or (isinstance(placeholder, _Stream) and placeholder.streamed)
            messages = answer_messages(answer, fid, native_feedback=native)
            if answer.abstained and self.channels.of(channel).experts:
                messages[-1] = with_escalation(messages[-1], fid)
            first, *more = messages
            if placeholder is not None:
                placeholder.finish(first)
            else:
                client.chat_postMessage(channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False, **first)
            for message in more:  # a very long answer continues in the thread
                client.chat_postMessage(channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False, **message)
            self._threads.answered(channel, thread_ts, ts, question)
        except QabotError as e:
            self._say(placeholder, tell, escape(str(e)))
        except Exception as e:
            log.exception("answering in %s/%s failed: %s", channel, thread_ts, type(e).__name__)
            try:
                self._say(placeholder, tell, APOLOGY)
            except SlackApiError:
                log.error("could not post the apology either")
        finally:
            if working is None:
                self._react(client, "reactions_remove", channel, ts)

    @staticmethod
    def _say(placeholder: "_Placeholder | _Stream | None", tell, text: str) -> None:
        """An error or apology replaces the streaming placeholder (never leave a '…' behind);
        without one, or if Slack refuses the edit, it is a new reply in the thread."""
        if placeholder is not None:
            try:
                placeholder.finish({"text": text})
                return
            except SlackApiError as e:
                log.info("could not edit the placeholder: %s", e.response.get("error"))
        tell(text)

    @staticmethod
    def _react(client: WebClient, method: str, channel: str, ts: str) -> None:
        """The 👀 'working on it' sign; a missing scope or a lost race must not stop the answer."""
        try:
            getattr(client, method)(channel=channel, timestamp=ts, name="eyes")
        except SlackApiError as e:
            log.debug("%s failed: %s", method, e.response.get("error"))

    def _private(self, channel: str) -> bool:
        return self.channels.of(channel).private

    def _share(self, body: dict, action: dict, respond, client: WebClient) -> None:
        """Post a private answer to its channel, as it was shown, naming who asked; then remove
        the private copy. Without membership of the channel, the response_url posts it instead."""
        user = (body.get("user") or {}).get("id", "")
        channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
        fid = action.get("value", "")
        messages = self.feedback.rendered(fid)
        question = self.feedback.question(fid)
        if not messages or not channel or not _USER_ID.match(user):
            respond(text="That answer is no longer known to the bot.", response_type="ephemeral", replace_original=False)
            return
        intro = asked_by(user, question or "")
        first, *more = messages
        if len(first["blocks"]) < MAX_BLOCKS:
            first = {**first, "blocks": [intro, *first["blocks"]]}
        else:
            more, first = [first, *more], {"text": f"<@{user}> asked: {escape(question or '')}", "blocks": [intro]}
        try:
            posted = client.chat_postMessage(channel=channel, unfurl_links=False, unfurl_media=False, **first)
            for message in more:  # a very long answer continues in the thread of the shared one
                client.chat_postMessage(channel=channel, thread_ts=posted["ts"], unfurl_links=False, unfurl_media=False, **message)
        except SlackApiError as e:
            if e.response.get("error") not in ("not_in_channel", "channel_not_found"):
                raise
            for message in [first, *more]:
                respond(**message, response_type="in_channel", replace_original=False)
        respond(delete_original=True)

    def _escalate(self, body: dict, action: dict, client: WebClient, respond) -> None:
        """"Still need help?": the channel's experts are mentioned in the answer's thread."""
        user = (body.get("user") or {}).get("id", "")
        fid = action.get("value", "")
        found = self.feedback.answer(fid)
        if not found or not found["channel"] or not _USER_ID.match(user):
            respond(text="That answer is no longer known to the bot.", response_type="ephemeral", replace_original=False)
            return
        experts = self.channels.of(found["channel"]).experts
        if not experts:
            respond(text="No experts are set for this channel.", response_type="ephemeral", replace_original=False)
            return
        if not self._escalated.first_time((fid, user)):
            return  # pressed twice
        names = " ".join(f"<@{e}>" for e in experts)
        text = f"{names} — <@{user}> still needs help with: {escape(found['question'])}"
        thread = found["thread_ts"] or (body.get("message") or {}).get("ts")
        where = {"thread_ts": thread} if thread else {}
        client.chat_postMessage(channel=found["channel"], text=text, **where)

    def _vote(self, body: dict, action: dict, vote: str, client: WebClient) -> None:
        user = (body.get("user") or {}).get("id", "")
        known = self.feedback.record_vote(action.get("value", ""), user, vote)
        channel = (body.get("channel") or {}).get("id")
        message = body.get("message") or {}
        if channel and user:
            text = "Thanks for the feedback." if known else "That answer is no longer known to the bot."
            extra = {}
            if known and vote == "down" and self.channels.of(channel).experts:  # offer a person instead
                extra["blocks"] = [
                    {"type": "section", "text": {"type": "mrkdwn", "text": text}},
                    {"type": "actions", "block_id": "escalate", "elements": [escalate_button(action.get("value", ""))]},
                ]
            try:
                client.chat_postEphemeral(channel=channel, user=user, text=text, thread_ts=message.get("thread_ts") or message.get("ts"), **extra)
            except SlackApiError as e:
                log.info("could not confirm the vote: %s", e.response.get("error"))


def http_app(bot: SlackBot):
    """ASGI app: POST /slack/events (events, commands, interactivity), GET /healthz.

    Bolt's own ASGI adapter (no web framework needed: starlette is not a dependency of slack-bolt)."""
    from slack_bolt.adapter.asgi import SlackRequestHandler

    handler = SlackRequestHandler(bot.app, path="/slack/events")

    async def app(scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"] == "/healthz":
            headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", b"2")]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": b"ok"})
            return
        await handler(scope, receive, send)

    return app


def serve(bot: SlackBot, host: str, port: int) -> None:
    if bot.settings.slack_app_token:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        log.warning("connecting to Slack in Socket Mode")
        SocketModeHandler(bot.app, bot.settings.slack_app_token.get_secret_value()).start()
        return
    import uvicorn

    log.warning("serving Slack events on http://%s:%d/slack/events", host, port)
    uvicorn.run(http_app(bot), host=host, port=port, log_level="warning", access_log=False)

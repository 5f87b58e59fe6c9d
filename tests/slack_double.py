"""A local stand-in for the Slack Web API, for end-to-end tests of the Slack bot.

An HTTP server on 127.0.0.1 (a free port, a background thread) that answers POST /api/<method> the
way slack.com does for the methods the bot uses, records every call, and can be told to fail the
next call(s) to a method (429 with Retry-After, 500, ok:false …). It also serves POST /respond/<id>
as a slash command's `response_url`; those calls are recorded under the method name "respond".

    with SlackDouble() as slack:
        client = WebClient(token="xoxb-…", base_url=slack.api_url)
        slack.fail_next("chat.postMessage", status=429, retry_after=1)
        …
        slack.wait_for("chat.postMessage", count=2, channel="C1")
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import parse_qsl, urlsplit

from tests.http_double import LocalServer, QuietHandler

AUTH_TEST = {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1", "team": "t", "user": "qabot", "url": "https://t.slack.com/"}
_JSON_PARAMS = ("blocks", "attachments", "metadata", "chunks", "prompts")  # form bodies carry these as JSON strings


@dataclass
class Call:
    method: str  # "chat.postMessage", …; "respond" for POST /respond/<id>
    params: dict[str, Any]
    authorization: str | None
    time: float  # time.monotonic() when the request arrived
    status: int = 200  # the HTTP status the double answered with
    path: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    response: dict[str, Any] | None = None  # the JSON the double answered with (e.g. the posted message's ts)

    def __getitem__(self, key: str) -> Any:
        return self.params[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)


def block_texts(blocks: list[dict]) -> list[str]:
    """Every mrkdwn/plain text a person would see in Block Kit blocks (sections, contexts, buttons)."""
    out = []
    for b in blocks:
        if isinstance(b.get("text"), dict):
            out.append(b["text"]["text"])
        for e in b.get("elements", []):
            if isinstance(e.get("text"), str):
                out.append(e["text"])
            elif isinstance(e.get("text"), dict):
                out.append(e["text"]["text"])
    return out


@dataclass
class _Failure:
    status: int
    error: str
    retry_after: int | float | None
    where: Callable[[dict[str, Any]], bool] | None = None


class SlackDouble(LocalServer):
    def __init__(self, host: str = "127.0.0.1"):
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._calls: list[Call] = []
        self._failures: dict[str, list[_Failure]] = {}
        self._ts_base = int(time.time())
        self._ts_count = 0
        self._messages: dict[str, dict[str, dict[str, Any]]] = {}  # channel -> ts -> message
        self._serve(ThreadingHTTPServer((host, 0), self._handler_class()), "slack-double")

    @property
    def api_url(self) -> str:
        """The value for SLACK_API_URL / WebClient(base_url=…)."""
        return f"{self.url}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.url}/respond/{name}"

    # -- scripting -------------------------------------------------------------------------------
    def fail_next(
        self,
        method: str,
        status: int = 200,
        error: str | None = None,
        retry_after: int | float | None = None,
        times: int = 1,
        where: Callable[[dict[str, Any]], bool] | None = None,
    ) -> None:
        """The next `times` calls to `method` fail: HTTP `status`, body {"ok": false, "error": …}.

        The default error follows the status: 429 -> ratelimited, 5xx -> internal_error, else
        fatal_error. With `retry_after` the answer has a Retry-After header (seconds). With `where`
        only calls whose params satisfy it fail (e.g. `where=lambda p: p.get("channel") == "C1"`)."""
        if error is None:
            error = "ratelimited" if status == 429 else "internal_error" if status >= 500 else "fatal_error"
        with self._lock:
            self._failures.setdefault(method, []).extend(_Failure(status, error, retry_after, where) for _ in range(times))

    def add_message(self, channel: str, message: dict[str, Any]) -> None:
        """A message Slack knows of (a user's question): conversations.replies returns it."""
        with self._lock:
            self._messages.setdefault(channel, {}).setdefault(message["ts"], {k: v for k, v in message.items() if k != "channel"})

    def forget(self, channel: str) -> None:
        with self._lock:
            self._messages.pop(channel, None)

    def clear_failures(self) -> None:
        with self._lock:
            self._failures.clear()

    # -- inspection ------------------------------------------------------------------------------
    def calls(self, method: str | None = None, where: Callable[[Call], bool] | None = None, **match: Any) -> list[Call]:
        """Recorded calls, oldest first; `method`, `where(call)` and every `param=value` in `match` must agree."""
        with self._lock:
            return [c for c in self._calls if self._matches(c, method, where, match)]

    def wait_for(self, method: str | None, count: int = 1, timeout: float = 30, where: Callable[[Call], bool] | None = None, **match: Any) -> list[Call]:
        """Wait until at least `count` matching calls are recorded; return them (AssertionError on timeout)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [c for c in self._calls if self._matches(c, method, where, match)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, {k: c.params.get(k) for k in ("channel", "thread_ts", "ts", "text")}) for c in self._calls[-20:]]
                    raise AssertionError(f"expected {count} call(s) of {method} matching {match}, got {len(found)}; recent calls: {seen}")
                self._changed.wait(min(left, 0.5))

    @staticmethod
    def _matches(call: Call, method: str | None, where: Callable[[Call], bool] | None, match: dict[str, Any]) -> bool:
        if method is not None and call.method != method:
            return False
        if where is not None and not where(call):
            return False
        return all(call.params.get(k) == v for k, v in match.items())

    # -- serving ---------------------------------------------------------------------------------
    def _next_ts(self) -> str:
        with self._lock:
            self._ts_count += 1
            return f"{self._ts_base}.{self._ts_count:06d}"

    def _record(self, call: Call) -> _Failure | None:
        with self._changed:
            queue = self._failures.get(call.method) or []
            failure = next((f for f in queue if f.where is None or f.where(call.params)), None)
            if failure:
                queue.remove(failure)
                call.status = failure.status
            self._calls.append(call)
            self._changed.notify_all()
            return failure

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return dict(AUTH_TEST)
        if method == "chat.postMessage":
            ts = self._next_ts()
            message = {"type": "message", "user": "UBOT", "bot_id": "BBOT", "ts": ts, "text": params.get("text", "")}
            for key in ("blocks", "thread_ts"):
                if key in params:
                    message[key] = params[key]
            self.add_message(params.get("channel", ""), message)
            return {"ok": True, "channel": params.get("channel"), "ts": ts, "message": message}
        if method == "conversations.replies":
            with self._lock:
                known = self._messages.get(params.get("channel", ""), {})
                thread = [dict(m) for ts, m in known.items() if ts == params.get("ts") or m.get("thread_ts") == params.get("ts")]
            thread.sort(key=lambda m: float(m["ts"]))
            if not thread:
                return {"ok": False, "error": "thread_not_found"}
            return {"ok": True, "messages": thread, "has_more": False}
        if method == "chat.update":
            return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts"), "text": params.get("text", "")}
        if method == "chat.startStream":  # the streamed reply is a message like any other
            ts = self._next_ts()
            text = "".join(c.get("text", "") for c in params.get("chunks") or [] if isinstance(c, dict)) + (params.get("markdown_text") or "")
            self.add_message(params.get("channel", ""), {"type": "message", "user": "UBOT", "bot_id": "BBOT", "ts": ts, "text": text, "thread_ts": params.get("thread_ts")})
            return {"ok": True, "channel": params.get("channel"), "ts": ts}
        if method in ("chat.appendStream", "chat.stopStream"):
            return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts")}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        return {"ok": True}

    def _handler_class(self):
        double = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                self._send(404, b"not found", "text/plain")

            def do_POST(self) -> None:
                arrived = time.monotonic()
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                path = urlsplit(self.path)
                params = _parse(raw, self.headers.get("Content-Type", ""), path.query)
                headers = {k.lower(): v for k, v in self.headers.items()}
                if path.path.startswith("/api/"):
                    method = path.path[len("/api/") :].strip("/")
                elif path.path.startswith("/respond/"):
                    method = "respond"
                else:
                    self._send(404, b"not found", "text/plain")
                    return
                call = Call(method, params, self.headers.get("Authorization"), arrived, path=path.path, headers=headers)
                failure = double._record(call)
                if failure:
                    extra = {"Retry-After": str(failure.retry_after)} if failure.retry_after is not None else {}
                    self._send_json(failure.status, {"ok": False, "error": failure.error}, extra)
                elif method == "respond":
                    self._send(200, b"ok", "text/plain")
                else:
                    call.response = double._answer(method, params)
                    self._send_json(200, call.response)  # ok:false bodies too, as Slack does

        return Handler


def _parse(raw: bytes, content_type: str, query: str) -> dict[str, Any]:
    params: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    text = raw.decode("utf-8", errors="replace")
    if "json" in content_type.lower() or (text.strip().startswith("{") and "form" not in content_type.lower()):
        try:
            body = json.loads(text) if text.strip() else {}
        except json.JSONDecodeError:
            body = {"_raw": text}
        if isinstance(body, dict):
            params.update(body)
        else:
            params["_body"] = body
    elif text:
        params.update(parse_qsl(text, keep_blank_values=True))
    for key in _JSON_PARAMS:  # slack_sdk form-encodes these as JSON strings
        if isinstance(params.get(key), str):
            try:
                params[key] = json.loads(params[key])
            except json.JSONDecodeError:
                pass
    return params


# -- in-process fakes, for tests of SlackBot's own logic without HTTP ---------------------------
class RecordingWebClient:
    """The few WebClient methods SlackBot.answer_message calls; posts are kept for assertions."""

    def __init__(self):
        self.posts: list[dict] = []

    def chat_postMessage(self, **kw):
        self.posts.append(kw)
        return {"ts": "2.0"}

    def reactions_add(self, **kw):
        pass

    reactions_remove = reactions_add

    def conversations_replies(self, **kw):
        return {"ok": True, "messages": []}


class FakePipeline:
    """Answers every question with `answer` (`{question}` is filled in) and records what was asked."""

    def __init__(self, answer: str = "The documents say:\nok [1]", abstained: bool = False):
        self.answer, self.abstained = answer, abstained
        self.asked: list[str] = []

    streams = False

    def ask(self, question, history=None, on_token=None):
        from bot.models import Answer

        self.asked.append(question)
        return Answer(question=question, answer=self.answer.format(question=question), abstained=self.abstained,
                      language="en", citations=[], passages=[], timings_ms={})


class NullFeedback:
    def record_answer(self, *args, **kwargs):
        return "fid"


def offline_bot(settings, pipeline):
    """A SlackBot without Bolt's start-up call to auth.test (the end-to-end tests cover that against
    the Slack double): its listeners' work is driven by calling answer_message with a recording client."""
    from pydantic import SecretStr

    from bot.slack.app import SlackBot

    settings = settings.model_copy(update={
        "slack_bot_token": settings.slack_bot_token or SecretStr("xoxb-offline"),
        "slack_signing_secret": settings.slack_signing_secret or SecretStr("offline"),
    })
    return SlackBot(settings, pipeline, NullFeedback(), verify_token=False)

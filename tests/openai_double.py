"""A local stand-in for an OpenAI-compatible server (llama.cpp, vLLM, LM Studio …), for LLM-mode tests.

An HTTP server on 127.0.0.1 (a free port, a background thread) that answers
POST /v1/chat/completions (`stream: false` -> one chat.completion JSON; `stream: true` -> SSE
chat.completion.chunk events, a final chunk with finish_reason "stop", then `data: [DONE]`) and
GET /v1/models. Every request is recorded (path, headers incl. Authorization, parsed JSON body).

Replies are scripted: a queue consumed one reply per chat request; when it is empty the double
answers `default` text.

    with OpenAIDouble() as llm:
        llm.script("Dormant cells resist chemotherapy [1].", Reply(hang=10), Reply(status=500), Reply(malformed=True))
        settings = Settings(..., llm="openai-like", llm_base_url=llm.base_url, ...)
        …
        llm.requests()[-1].authorization, llm.last_prompt()
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from tests.http_double import LocalServer, QuietHandler

DEFAULT_TEXT = "Dormant cancer cells are less sensitive to anticancer drugs [1]."


@dataclass
class Reply:
    """One scripted answer to a chat request.

    text:      the answer (streamed in chunks of `chunk_chars` characters when the request streams)
    hang:      seconds to sleep before answering (ends early when the double stops)
    status:    an HTTP error status (e.g. 500) answered with an OpenAI-style error body (or `body`)
    malformed: 200 with garbage: not JSON for `stream: false`, broken SSE for `stream: true`
    fail_after: a stream that breaks off mid-answer: the connection drops after that many chunks
    """

    text: str | None = None
    hang: float = 0.0
    status: int = 200
    malformed: bool = False
    body: str | None = None  # the raw body of an error reply (default: {"error": {...}})
    chunk_chars: int = 6
    chunk_delay: float = 0.0  # seconds between streamed chunks
    fail_after: int | None = None  # streamed: drop the connection after this many content chunks


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    body: Any  # the parsed JSON body (None for GET, {"_raw": …} when not JSON)
    time: float  # time.monotonic() when it arrived
    reply: Reply | None = None  # what the double answered (chat requests)
    chunks: list[str] = field(default_factory=list)  # the content deltas streamed

    @property
    def authorization(self) -> str | None:
        return self.headers.get("authorization")

    @property
    def stream(self) -> bool:
        return bool(isinstance(self.body, dict) and self.body.get("stream"))

    @property
    def model(self) -> str | None:
        return self.body.get("model") if isinstance(self.body, dict) else None

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages") or []) if isinstance(self.body, dict) else []

    @property
    def prompt(self) -> str:
        """All message contents joined by newlines (text parts of list contents included)."""
        return "\n".join(_content_text(m.get("content")) for m in self.messages)


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # [{"type": "text", "text": …}, …]
        return "\n".join(str(part.get("text", "")) for part in content if isinstance(part, dict))
    return "" if content is None else str(content)


def split_chunks(text: str, size: int) -> list[str]:
    size = max(1, size)
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):  # a client that gave up is no error
            super().handle_error(request, client_address)


class OpenAIDouble(LocalServer):
    def __init__(self, host: str = "127.0.0.1", default: str = DEFAULT_TEXT, models: tuple[str, ...] = ("test-model",)):
        self.default = default
        self.models = models
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._requests: list[Request] = []
        self._queue: list[Reply] = []
        self._stopping = threading.Event()
        self._ids = 0
        self._serve(_Server((host, 0), self._handler_class()), "openai-double")

    def stop(self) -> None:
        self._stopping.set()  # wakes hanging replies
        super().stop()

    @property
    def base_url(self) -> str:
        """The value for QABOT_LLM_BASE_URL / --llm-base-url."""
        return f"{self.url}/v1"

    # -- scripting --------------------------------------------------------------------------------
    def script(self, *replies: str | Reply | dict) -> None:
        """Queue replies for the next chat requests: a text, a Reply, or Reply's fields as a dict."""
        queued = []
        for r in replies:
            if isinstance(r, str):
                r = Reply(text=r)
            elif isinstance(r, dict):
                r = Reply(**r)
            queued.append(r)
        with self._lock:
            self._queue.extend(queued)

    def reset(self) -> None:
        """Forget the recorded requests and any replies still queued."""
        with self._lock:
            self._requests.clear()
            self._queue.clear()

    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    # -- inspection -------------------------------------------------------------------------------
    def requests(self, path: str | None = "/v1/chat/completions") -> list[Request]:
        """Recorded requests, oldest first (all paths with path=None)."""
        with self._lock:
            return [r for r in self._requests if path is None or r.path == path]

    def last_prompt(self) -> str:
        found = self.requests()
        if not found:
            raise AssertionError("the double received no chat request")
        return found[-1].prompt

    def wait_for(self, count: int = 1, timeout: float = 10, path: str | None = "/v1/chat/completions") -> list[Request]:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [r for r in self._requests if path is None or r.path == path]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {count} request(s) to {path}, got {len(found)}")
                self._changed.wait(min(left, 0.5))

    # -- serving ----------------------------------------------------------------------------------
    def _record(self, request: Request) -> None:
        with self._changed:
            self._requests.append(request)
            self._changed.notify_all()

    def _next_reply(self) -> Reply:
        with self._lock:
            return self._queue.pop(0) if self._queue else Reply(text=self.default)

    def _next_id(self) -> str:
        with self._lock:
            self._ids += 1
            return f"chatcmpl-double-{self._ids}"

    def _handler_class(self):
        double = self

        class Handler(QuietHandler):
            def _request(self, body: Any) -> Request:
                headers = {k.lower(): v for k, v in self.headers.items()}
                return Request(self.command, urlsplit(self.path).path, headers, body, time.monotonic())

            def do_GET(self) -> None:
                path = urlsplit(self.path).path.rstrip("/")
                double._record(self._request(None))
                if path == "/v1/models":
                    now = int(time.time())
                    data = [{"id": m, "object": "model", "created": now, "owned_by": "double"} for m in double.models]
                    self._send_json(200, {"object": "list", "data": data})
                else:
                    self._send_json(404, {"error": {"message": f"no route {path}", "type": "not_found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw.decode("utf-8")) if raw else {}
                except (UnicodeDecodeError, json.JSONDecodeError):
                    body = {"_raw": raw.decode("utf-8", errors="replace")}
                request = self._request(body)
                if request.path.rstrip("/") != "/v1/chat/completions":
                    double._record(request)
                    self._send_json(404, {"error": {"message": f"no route {request.path}", "type": "not_found"}})
                    return
                reply = request.reply = double._next_reply()
                double._record(request)
                try:
                    if reply.hang and double._stopping.wait(reply.hang):
                        return  # the double is stopping: drop the connection
                    if reply.status != 200:
                        error = {"error": {"message": f"scripted HTTP {reply.status}", "type": "server_error", "code": None}}
                        self._send(reply.status, (reply.body if reply.body is not None else json.dumps(error)).encode(), "application/json")
                    elif request.stream:
                        self._stream(request, reply)
                    elif reply.malformed:
                        self._send(200, b"<html><body>502 Bad Gateway {{{ not json", "application/json")
                    else:
                        self._complete(request, reply)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (its timeout)

            def _complete(self, request: Request, reply: Reply) -> None:
                text = reply.text if reply.text is not None else double.default
                request.chunks = [text]
                prompt_tokens = len(request.prompt.split())
                self._send_json(200, {
                    "id": double._next_id(),
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": request.model or "test-model",
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "logprobs": None, "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": len(text.split()), "total_tokens": prompt_tokens + len(text.split())},
                })

            def _stream(self, request: Request, reply: Reply) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream; charset=utf-8")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                ident, created, model = double._next_id(), int(time.time()), request.model or "test-model"

                def chunk(delta: dict, finish: str | None) -> dict:
                    return {"id": ident, "object": "chat.completion.chunk", "created": created, "model": model,
                            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]}

                def send(event: str) -> None:
                    data = event.encode("utf-8")
                    self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
                    self.wfile.flush()

                if reply.malformed:
                    send("data: " + json.dumps(chunk({"role": "assistant", "content": ""}, None)) + "\n\n")
                    send('data: {"id": "broken", "choices": [{"delta": {"content": "Dorm\n\n')
                    send("data: <<not json at all>>\n\n")
                else:
                    text = reply.text if reply.text is not None else double.default
                    send("data: " + json.dumps(chunk({"role": "assistant", "content": ""}, None)) + "\n\n")
                    for i, piece in enumerate(split_chunks(text, reply.chunk_chars)):
                        if reply.fail_after is not None and i >= reply.fail_after:
                            self.close_connection = True  # no last chunk, no [DONE]: the body is cut off
                            self.connection.shutdown(socket.SHUT_RDWR)
                            return
                        request.chunks.append(piece)
                        send("data: " + json.dumps(chunk({"content": piece}, None), ensure_ascii=False) + "\n\n")
                        if reply.chunk_delay:
                            time.sleep(reply.chunk_delay)
                    send("data: " + json.dumps(chunk({}, "stop")) + "\n\n")
                    send("data: [DONE]\n\n")
                self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()

        return Handler


_MARKERS = re.compile(r"\[(\d+)\]")


def markers(text: str) -> list[int]:
    """The [n] citation markers in a text, in order."""
    return [int(n) for n in _MARKERS.findall(text)]

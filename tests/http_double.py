"""What the local HTTP doubles (Slack Web API, OpenAI-compatible server) share: a threaded server
on a free 127.0.0.1 port, started and stopped by the tests themselves."""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer
from typing import Any


class LocalServer:
    """Subclasses set `self._server` (a ThreadingHTTPServer) and call `_serve(name)`."""

    _server: ThreadingHTTPServer

    def _serve(self, server: ThreadingHTTPServer, name: str) -> None:
        self._server = server
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name=name, daemon=True)

    def start(self) -> Any:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Any:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

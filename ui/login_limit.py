"""Slows password guessing on Gradio's login: after a few failures a client address must wait, longer each time.

Gradio checks passwords at `POST /login` and answers 200 or 400 as fast as it
can, so a guesser gets tens of tries a second. This ASGI middleware sits in
front of that route: per client address, the first FREE_FAILURES failures
cost nothing, each further one locks the address out for 2, 4, 8 ... seconds
(at most MAX_WAIT_SECONDS), and a locked-out address is refused with 429
before its password is even looked at. A success forgets the address's
failures. Other addresses are not affected. Behind a reverse proxy every
client has the proxy's address; limit logins there too.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

FREE_FAILURES = 5
MAX_WAIT_SECONDS = 300.0
MAX_TRACKED = 10_000  # addresses remembered at once; the longest-quiet ones are forgotten first

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass
class Failures:
    """One address's failed logins since its last success."""

    count: int = 0
    locked_until: float = 0.0
    last: float = 0.0


class LoginLimit:
    """ASGI middleware: per-address lockouts on `POST .../login` after repeated failures."""

    def __init__(self, app: ASGIApp, clock: Callable[[], float] = time.monotonic) -> None:
        self.app, self.clock = app, clock
        self.failures: dict[str, Failures] = {}
        self.lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _is_login(scope):
            await self.app(scope, receive, send)
            return
        address = (scope.get("client") or ("unknown",))[0]
        wait = self.wait_for(address)
        if wait > 0:
            await _too_many(send, wait)
            return
        status: list[int] = []

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(int(message["status"]))
            await send(message)

        await self.app(scope, receive, watch)
        self.record(address, succeeded=status[:1] == [200])

    def wait_for(self, address: str) -> float:
        """Seconds this address must still wait before its next try (0 when it may try now)."""
        with self.lock:
            record = self.failures.get(address)
            return max(0.0, record.locked_until - self.clock()) if record else 0.0

    def record(self, address: str, succeeded: bool) -> None:
        now = self.clock()
        with self.lock:
            if succeeded:
                self.failures.pop(address, None)
                return
            record = self.failures.setdefault(address, Failures())
            record.count += 1
            record.last = now
            if record.count > FREE_FAILURES:
                record.locked_until = now + min(2.0 ** (record.count - FREE_FAILURES), MAX_WAIT_SECONDS)
            if len(self.failures) > MAX_TRACKED:
                quietest = min(self.failures, key=lambda a: self.failures[a].last)
                del self.failures[quietest]


def _is_login(scope: Scope) -> bool:
    return scope["type"] == "http" and scope.get("method") == "POST" and str(scope.get("path", "")).rstrip("/").endswith("/login")


async def _too_many(send: Send, wait: float) -> None:
    seconds = math.ceil(wait)
    body = json.dumps({"detail": f"Too many failed logins from this address; try again in {seconds} s."}).encode()
    headers = [(b"content-type", b"application/json"), (b"retry-after", str(seconds).encode()),
               (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body})

"""A small local server speaking the OpenAI chat-completions wire protocol (JSON and SSE), with scripted replies.

Tests set `server.script` to a function from the request's messages to a Reply.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


@dataclass
class Reply:
    content: str = ""
    status: int = 200
    mode: str = "ok"  # ok | break | malformed | slow
    delay: float = 0.0
    echo_key: bool = False  # the error body repeats the Authorization header, lower-cased


@dataclass
class FakeOpenAI:
    script: Callable[[list[dict]], Reply] = lambda messages: Reply("NOT COVERED")
    requests: list[dict] = field(default_factory=list)
    port: int = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"


def passage_number(messages: list[dict], needle: str) -> int:
    """The number of the passage, in the prompt the chain sent, that contains `needle`."""
    prompt = messages[-1]["content"]
    for match in re.finditer(r"^\[(\d+)\] \(.*?\)\n(.*?)(?=^\[\d+\] \(|\nQuestion:)", prompt, re.S | re.M):
        if needle.lower() in match.group(2).lower():
            return int(match.group(1))
    raise AssertionError(f"no passage contains {needle!r}")


def _handler(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            fake.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization", "")})
            reply = fake.script(body.get("messages", []))
            time.sleep(reply.delay)
            if reply.status != 200:
                echoed = f"; you sent {self.headers.get('Authorization', '').lower()}" if reply.echo_key else ""
                message = f"scripted {reply.status}{echoed}"
                return self._json(reply.status, {"error": {"message": message, "type": "error", "code": reply.status}})
            if reply.mode == "malformed":
                return self._raw(200, b"this is not json", "application/json")
            if body.get("stream"):
                return self._stream(body, reply)
            return self._json(200, _completion(body, reply.content))

        def _json(self, status: int, payload: dict) -> None:
            self._raw(status, json.dumps(payload).encode(), "application/json")

        def _raw(self, status: int, data: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _stream(self, body: dict, reply: Reply) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            pieces = re.findall(r"\S+\s*", reply.content)
            for number, piece in enumerate(pieces):
                if reply.mode == "break" and number == len(pieces) // 2:
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)  # cut mid-stream, no final chunk
                    return
                self._chunk(b"data: " + json.dumps(_delta(body, piece)).encode() + b"\n\n")
            self._chunk(b"data: " + json.dumps(_delta(body, "", finish=True)).encode() + b"\n\n")
            self._chunk(b"data: [DONE]\n\n")
            self.wfile.write(b"0\r\n\r\n")

        def _chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

    return Handler


def _completion(body: dict, content: str) -> dict:
    return {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()), "model": body.get("model", "fake"),
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _delta(body: dict, piece: str, finish: bool = False) -> dict:
    return {
        "id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": int(time.time()), "model": body.get("model", "fake"),
        "choices": [{"index": 0, "delta": {} if finish else {"role": "assistant", "content": piece}, "finish_reason": "stop" if finish else None}],
    }


def start_fake_openai() -> tuple[FakeOpenAI, ThreadingHTTPServer]:
    fake = FakeOpenAI()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    server.handle_error = lambda request, address: None  # cut streams and timeouts break pipes on purpose
    fake.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return fake, server

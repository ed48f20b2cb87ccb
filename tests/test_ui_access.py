"""Who gets in and who may re-index: login failures are throttled per client, Re-index is checked on the server."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import SEEDS
from tests.test_ui_api import free_port
from ui.access import ReindexAccess

USER, PASSWORD = "reader", "s3cret"
NEW_ARTICLE = "zz_new_article.txt"


def served(tmp: Path, host: str = "127.0.0.1", **settings: Any) -> tuple[Any, Any, str]:
    """The real app on a copy of the seeds (indexed), with the given settings; (assistant, app, url)."""
    from assistant import Assistant
    from ui.app import launch

    corpus = tmp / "corpus"
    shutil.copytree(SEEDS, corpus)
    assistant = Assistant(corpus=corpus, index=tmp / "index", **settings)
    port = free_port()
    app = launch(assistant, host=host, port=port, prevent_thread_lock=True)
    return assistant, app, f"http://127.0.0.1:{port}"


def login(url: str, password: str, address: str = "127.0.0.1") -> httpx.Response:
    """One POST to Gradio's login form, sent from `address` (any 127.x.y.z is this machine)."""
    with httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=10) as http:
        return http.post(f"{url}/login", data={"username": USER, "password": password})


@contextmanager
def session(url: str, password: str | None = PASSWORD) -> Iterator[httpx.Client]:
    """A logged-in client from an address of its own (the throttle test locks 127.0.0.1 out)."""
    with httpx.Client(base_url=url, timeout=30, transport=httpx.HTTPTransport(local_address="127.0.0.3")) as http:
        if password is not None:
            assert http.post("/login", data={"username": USER, "password": password}).status_code == 200
        yield http


def call_reindex_event(http: httpx.Client) -> dict[str, Any]:
    """What the page's Re-index button sends, crafted by hand (the button need not be on screen); the final message."""
    config = http.get("/config").json()
    button = next(c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == "reindex")
    event = next(d for d in config["dependencies"] if [button, "click"] in [list(t) for t in d["targets"]])
    body = {"data": [], "event_data": None, "fn_index": event["id"], "trigger_id": button, "session_hash": "crafted1"}
    joined = http.post("/gradio_api/queue/join", json=body)
    assert joined.status_code == 200, joined.text
    with http.stream("GET", "/gradio_api/queue/data", params={"session_hash": "crafted1"}) as stream:
        for line in stream.iter_lines():
            if line.startswith("data:"):
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    return message
    raise AssertionError("the queue closed without a result")


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    """A UI with a login whose only user is not an admin."""
    assistant, app, url = served(tmp_path_factory.mktemp("guarded"), ui_auth=f"{USER}:{PASSWORD}")
    yield assistant, url
    app.close()


def test_forty_wrong_passwords_are_refused_and_another_client_still_logs_in(guarded: tuple[Any, str]) -> None:
    _, url = guarded
    started = time.perf_counter()
    codes = [login(url, f"guess-{n}").status_code for n in range(40)]
    assert codes[:5] == [400] * 5  # the first few failures cost nothing
    # Then the address is locked out (2 s, 4 s, ...), refused before any password is checked.
    assert set(codes) == {400, 429} and codes.count(429) >= 30, codes
    assert time.perf_counter() - started < 20
    refused = login(url, PASSWORD)
    assert refused.status_code == 429 and "Too many failed logins" in refused.json()["detail"]
    assert int(refused.headers["retry-after"]) >= 1
    assert login(url, PASSWORD, address="127.0.0.2").status_code == 200  # another client is not affected


def test_a_logged_in_user_not_in_ui_admins_cannot_reindex(guarded: tuple[Any, str]) -> None:
    assistant, url = guarded
    (assistant.settings.corpus / NEW_ARTICLE).write_text("A fresh article about harbour repairs in Dover was filed on Monday.\n")
    with session(url) as http:
        result = call_reindex_event(http)
    assert result["success"] is False and "ui_admins" in json.dumps(result)
    assert assistant.stats()["articles"] == 5  # the new file was not indexed


def test_an_admin_can_reindex(tmp_path: Path) -> None:
    assistant, app, url = served(tmp_path, ui_auth=f"{USER}:{PASSWORD}", ui_admins=[USER])
    try:
        (assistant.settings.corpus / NEW_ARTICLE).write_text("A fresh article about harbour repairs in Dover was filed on Monday.\n")
        with session(url) as http:
            result = call_reindex_event(http)
        assert result["success"] is True, result
        assert assistant.stats()["articles"] == 6
    finally:
        app.close()


def test_without_a_login_only_a_ui_on_localhost_may_reindex(tmp_path: Path) -> None:
    assistant, app, url = served(tmp_path, host="0.0.0.0")
    try:
        (assistant.settings.corpus / NEW_ARTICLE).write_text("A fresh article about harbour repairs in Dover was filed on Monday.\n")
        with session(url, password=None) as http:
            result = call_reindex_event(http)
        assert result["success"] is False and "only on localhost" in json.dumps(result)
        assert assistant.stats()["articles"] == 5
    finally:
        app.close()


def test_the_rule() -> None:
    assert ReindexAccess(frozenset({"ann"}), login=True, local=True).allows("ann")
    assert not ReindexAccess(frozenset({"ann"}), login=True, local=True).allows("bob")
    assert not ReindexAccess(frozenset(), login=True, local=True).allows(None)
    assert ReindexAccess(frozenset(), login=False, local=True).allows(None)
    assert not ReindexAccess(frozenset(), login=False, local=False).allows(None)

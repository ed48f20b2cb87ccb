"""The running app through `gradio_client`: the `chat` and `source` endpoints, sessions in parallel, the login."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError, AuthenticationError

from tests.conftest import ROOT, SEEDS
from tests.helpers import assert_quotes_are_spans, free_port

QUESTION = "Where did Blinken meet Qin Gang?"
OFF_TOPIC = "Who won the 2022 FIFA World Cup final?"
# Ten questions on different facts of the seed articles, one per concurrent session.
PARALLEL_QUESTIONS = [
    "How did Qin make his holiday phone conversation with Blinken public?",
    "Whose August trip to Taiwan triggered Chinese combat drills near the Taiwan Strait?",
    "Before Blinken's trip, who was the most senior American official to travel to China after the balloon was shot down?",
    "Which US cabinet member held talks with Chinese counterpart Wang Wentao in May, and in what city?",
    "Which venue hosted the Blinken–Qin talks in Beijing?",
    "Which Chinese official posted a photo online of Qin and Blinken shaking hands?",
    "Why had flight connections between the US and China been so sparse?",
    "How long had it been since an American official of comparable rank last travelled to China?",
    "What has China turned reefs and sandbars in the South China Sea into?",
    "What did Qin hope Washington would do to help stabilize the relationship?",
]


@dataclass
class Served:
    assistant: Any
    corpus: Path
    url: str


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The real app on a copy of the seeds with an index that `launch` has to build first."""
    from assistant import Assistant
    from ui.app import launch

    mp = pytest.MonkeyPatch()
    mp.setenv("ASSISTANT_CONFIG", str(ROOT / "tests" / "data" / "empty.toml"))
    root = tmp_path_factory.mktemp("ui-api")
    corpus = root / "corpus"
    shutil.copytree(SEEDS, corpus)
    assistant = Assistant(corpus=corpus, index=root / "index")
    port = free_port()
    app = launch(assistant, port=port, prevent_thread_lock=True)
    yield Served(assistant, corpus, f"http://127.0.0.1:{port}/")
    app.close()
    mp.undo()


@pytest.fixture(scope="module")
def client(served: Served) -> Client:
    return Client(served.url, verbose=False)


def assert_verified(payload: dict[str, Any], corpus: Path) -> None:
    """Every citation's quote is exactly its span of the file, and every marker has its citation."""
    assert_quotes_are_spans(corpus, payload["citations"])
    for citation in payload["citations"]:
        assert f"[{citation['id']}]" in payload["answer"]


def test_launch_built_the_missing_index(served: Served) -> None:
    assert served.assistant.stats()["chunks"] > 0 and served.assistant.stats()["articles"] == 5


def test_only_chat_and_source_are_public_endpoints(client: Client) -> None:
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert set(endpoints) == {"/chat", "/source"}


def test_chat_answers_with_verified_citations(client: Client, served: Served) -> None:
    payload = client.predict(QUESTION, api_name="/chat")
    assert set(payload) >= {"question", "answer", "answered", "backend", "citations"}
    assert payload["question"] == QUESTION and payload["answered"] is True
    assert payload["backend"] == "extractive"
    assert any("Diaoyutai" in c["quote"] for c in payload["citations"])
    keys = {"id", "source", "start", "end", "quote"}
    assert all(keys <= set(c) <= keys | {"answer_start", "answer_end"} for c in payload["citations"])
    assert any("answer_start" in c for c in payload["citations"]), "the short answer is marked in its quote"
    first = payload["citations"][0]
    if payload["short_answer"]:  # the short answer is marked inside the first quote
        assert first["quote"][first["answer_start"] - first["start"] : first["answer_end"] - first["start"]] == payload["short_answer"]
    assert_verified(payload, served.corpus)


def test_chat_matches_the_python_api(client: Client, served: Served) -> None:
    assert client.predict(QUESTION, api_name="/chat") == served.assistant.ask(QUESTION).to_dict()


def test_chat_refuses_what_the_articles_do_not_cover(client: Client) -> None:
    payload = client.predict(OFF_TOPIC, api_name="/chat")
    assert payload["answered"] is False and payload["citations"] == []
    assert payload["question"] == OFF_TOPIC


def test_follow_up_uses_the_history(client: Client, served: Served) -> None:
    balloon = "Why did Blinken postpone his trip to Beijing in February?"
    first = client.predict(balloon, api_name="/chat")
    follow_up = client.predict("and when was that?", [[balloon, first["answer"]]], api_name="/chat")
    assert follow_up["question"] == "and when was that?" and follow_up["answered"] is True
    assert follow_up["answer"] != first["answer"]  # not the same sentences again
    assert "February" in follow_up["citations"][0]["quote"]  # the postponement's date leads
    assert_verified(follow_up, served.corpus)
    history = [[balloon, first["answer"]], ["and when was that?", follow_up["answer"]]]
    went = client.predict("and when did he finally go?", history, api_name="/chat")
    lead = went["citations"][0]["quote"]
    assert any(mark in lead for mark in ("Sunday", "over the weekend", "June 18")) and "February" not in lead
    alone = client.predict("and when was that?", api_name="/chat")
    assert alone["answered"] is False  # the same words without the conversation mean nothing


def test_user_errors_come_back_as_sentences(client: Client) -> None:
    with pytest.raises(AppError, match="question is empty"):
        client.predict("   ", api_name="/chat")
    with pytest.raises(AppError, match=r"\[question, answer\] pairs"):
        client.predict(QUESTION, [["only a question"]], api_name="/chat")


def test_ten_parallel_sessions_each_get_their_own_answer(served: Served) -> None:
    expected = {q: served.assistant.ask(q).to_dict() for q in PARALLEL_QUESTIONS}

    def session(question: str) -> dict[str, Any]:
        return Client(served.url, verbose=False).predict(question, api_name="/chat")

    with ThreadPoolExecutor(max_workers=len(PARALLEL_QUESTIONS)) as pool:
        results = list(pool.map(session, PARALLEL_QUESTIONS))
    for question, payload in zip(PARALLEL_QUESTIONS, results):
        assert payload["question"] == question
        assert payload == expected[question]
        assert payload["answered"] and payload["citations"]
        assert_verified(payload, served.corpus)
    assert len({p["answer"] for p in results}) >= 8  # different questions, different answers


@pytest.mark.parametrize("crafted", ["../README.md", "../../../../etc/passwd", "/etc/passwd", "missing.txt"])
def test_source_endpoint_serves_only_corpus_files(client: Client, crafted: str) -> None:
    with pytest.raises(AppError, match="not an article of this corpus"):
        client.predict(crafted, api_name="/source")


def test_source_endpoint_returns_the_article(client: Client, served: Served) -> None:
    article = client.predict("002_6d17bc3cc6b798f9.txt", api_name="/source")
    assert article["text"] == (served.corpus / "002_6d17bc3cc6b798f9.txt").read_text(encoding="utf-8")
    assert article["title"].startswith("Blinken Meets")


def test_ui_auth_setting_turns_the_login_on(served: Served) -> None:
    from assistant import Assistant
    from ui.app import launch

    port = free_port()
    guarded = Assistant(settings=served.assistant.settings, ui_auth="reader:s3cret", ui_port=port)
    app = launch(guarded, prevent_thread_lock=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        with pytest.raises(AuthenticationError, match="Please login"):
            Client(url, verbose=False)
        with pytest.raises(ValueError, match="Could not login"):  # gradio_client's words for a refused password
            Client(url, auth=("reader", "wrong"), verbose=False)
        payload = Client(url, auth=("reader", "s3cret"), verbose=False).predict(QUESTION, api_name="/chat")
        assert payload["answered"] is True
    finally:
        app.close()


def test_a_busy_port_is_a_sentence(served: Served) -> None:
    from assistant.errors import AssistantError
    from ui.app import launch

    busy = int(served.url.rsplit(":", 1)[1].strip("/"))
    with pytest.raises(AssistantError, match="choose another --port"):
        launch(served.assistant, port=busy, prevent_thread_lock=True)

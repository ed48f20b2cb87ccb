"""Every input that reaches the chain is bounded, and one answer has a time budget.

The sizes are those of the denial of service found in review: a follow-up after a
huge earlier question made the work grow with the square of its length (46 KB
0.37 s, 184 KB 3.1 s, 368 KB 11.8 s, 4.6 MB nine CPU minutes). Bounded, each
takes about as long as a normal question; the 5 s limit is only a guard.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from gradio_client import Client

from assistant import Assistant
from assistant.api import MAX_ANSWER_CHARS, MAX_HISTORY_TURNS, MAX_QUESTION_CHARS, clean_history
from assistant.errors import AnswerTimeoutError
from tests.conftest import SEEDS
from tests.fake_openai import Reply, start_fake_openai
from tests.test_ui_api import free_port
from ui.chat import MAX_KEPT_TURNS, ChatService

SIZES = [46_000, 184_000, 368_000, 4_600_000]
FOLLOW_UP = "and when was that?"
GUARD_SECONDS = 5.0
# Capitalised words all the way: what made the unknown-name scan quadratic.
FILLER = "Did Blinken Meet Qin Gang In Beijing At The Diaoyutai State Guesthouse? "


def huge(size: int) -> str:
    return (FILLER * (size // len(FILLER) + 1))[:size]


def one_turn(size: int) -> list[tuple[str, str]]:
    return [(huge(size), "They met in Beijing [1].")]


def many_turns(size: int) -> list[tuple[str, str]]:
    turn = (huge(400), huge(400))
    return [turn] * (size // 800)


def timed(call):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def test_history_is_cut_to_the_last_turns_and_each_text_to_its_bound() -> None:
    history = [(f"q{n} " + "x" * 5000, f"a{n} " + "y" * 5000) for n in range(20)]
    kept = clean_history(history)
    assert len(history) > MAX_HISTORY_TURNS and len(kept) == MAX_HISTORY_TURNS
    assert kept[-1][0].startswith("q19") and kept[0][0].startswith(f"q{20 - MAX_HISTORY_TURNS}")
    assert all(len(q) == MAX_QUESTION_CHARS and len(a) == MAX_ANSWER_CHARS for q, a in kept)
    assert clean_history(None) == []


@pytest.mark.parametrize("shape", [one_turn, many_turns], ids=["one-huge-turn", "many-turns"])
def test_huge_histories_answer_quickly_through_the_python_api(seeds_assistant, shape) -> None:  # type: ignore[no-untyped-def]
    seeds_assistant.ask(FOLLOW_UP, history=one_turn(100))  # warm: models loaded, caches filled
    for size in SIZES:
        history = shape(size)
        assert sum(len(q) + len(a) for q, a in history) >= size * 0.99
        answer, seconds = timed(lambda: seeds_assistant.ask(FOLLOW_UP, history=history))
        assert seconds < GUARD_SECONDS, f"{size:,} chars of history took {seconds:.1f} s"
        assert answer.question == FOLLOW_UP


@pytest.fixture(scope="module")
def client(seeds_assistant) -> Iterator[Client]:  # type: ignore[no-untyped-def]
    from ui.app import launch

    port = free_port()
    app = launch(seeds_assistant, port=port, prevent_thread_lock=True)
    yield Client(f"http://127.0.0.1:{port}/", verbose=False)
    app.close()


@pytest.mark.parametrize("size", SIZES)
def test_huge_histories_answer_quickly_through_the_chat_endpoint(client: Client, size: int) -> None:
    history = [list(turn) for turn in one_turn(size)]
    payload, seconds = timed(lambda: client.predict(FOLLOW_UP, history, api_name="/chat"))
    assert payload["question"] == FOLLOW_UP
    assert seconds < GUARD_SECONDS, f"{size:,} chars of history took {seconds:.1f} s through /chat"


def test_the_ui_keeps_a_bounded_conversation(seeds_assistant) -> None:  # type: ignore[no-untyped-def]
    earlier = [{"question": f"question {n}", "answer": None, "error": "failed"} for n in range(2 * MAX_KEPT_TURNS)]
    (turns, _), seconds = timed(lambda: list(ChatService(seeds_assistant).stream(huge(4_600_000), earlier))[-1])
    assert len(turns) == MAX_KEPT_TURNS and turns[0]["question"] == f"question {2 * MAX_KEPT_TURNS - MAX_KEPT_TURNS + 1}"
    assert len(turns[-1]["question"]) == MAX_QUESTION_CHARS and turns[-1]["answer"] is not None
    assert seconds < GUARD_SECONDS


@pytest.fixture
def slow_model(seeds_assistant, seeds_index: Path) -> Iterator[Assistant]:  # type: ignore[no-untyped-def]
    fake, server = start_fake_openai()
    fake.script = lambda messages: Reply("They met at the Diaoyutai State Guesthouse [1].", delay=4.0)
    assistant = Assistant(corpus=SEEDS, index=seeds_index, llm_model="m", llm_base_url=fake.base_url, llm_timeout=10.0)
    yield assistant
    server.shutdown()


def test_an_answer_past_its_budget_gets_a_clear_message(slow_model: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    assert slow_model.answer_budget() > 30  # a model's timeouts extend the budget
    monkeypatch.setattr(slow_model, "answer_budget", lambda: 1.0)
    started = time.perf_counter()
    with pytest.raises(AnswerTimeoutError, match=r"No answer within 1 s"):
        list(slow_model.ask_stream("Where did Blinken meet Qin Gang?"))
    assert time.perf_counter() - started < 3.5  # the model would have taken 4 s
    (turns, _) = list(ChatService(slow_model).stream("Where did Blinken meet Qin Gang?", []))[-1]
    assert "No answer within 1 s" in turns[-1]["error"]


def test_huge_histories_in_every_answer_slot_leave_a_normal_question_waiting_briefly(client: Client) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from ui.app import ASK_CONCURRENCY

    url = client.src
    history = [list(turn) for turn in one_turn(SIZES[-1])]
    with ThreadPoolExecutor(max_workers=ASK_CONCURRENCY) as pool:
        flood = [pool.submit(Client(url, verbose=False).predict, FOLLOW_UP, history, api_name="/chat") for _ in range(ASK_CONCURRENCY)]
        payload, seconds = timed(lambda: Client(url, verbose=False).predict("Where did Blinken meet Qin Gang?", api_name="/chat"))
        assert all(f.result()["question"] == FOLLOW_UP for f in flood)
    assert payload["answered"] is True
    assert seconds < 2 * GUARD_SECONDS, f"a normal question waited {seconds:.1f} s behind {ASK_CONCURRENCY} huge ones"

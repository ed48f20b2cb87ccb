"""The packaged local model (Qwen2.5-Coder-1.5B-Instruct on llama.cpp) answering seed questions for real.

It must write answers itself (its backend named, no fallback notice), every
citation it keeps must be a verbatim span of its file, and a question the
articles do not answer must be refused. Needs `make setup-llm`; slow on 2 cores.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import openai
import pytest

from assistant import Answer, Assistant
from assistant.answer import Status
from assistant.copy_grammar import pick_grammar, picked
from assistant.cpu import free_cores
from assistant.local_llm import LOCAL_MODEL, MODEL_NAME, SETUP_HINT, report_progress
from assistant.settings import load_settings
from tests.conftest import SEEDS
from tests.helpers import assert_quotes_are_spans

ANSWERABLE = {
    "Where did Blinken meet Qin Gang?": "Diaoyutai",
    "Which US cabinet member held talks with Chinese counterpart Wang Wentao in May?": "Raimondo",
    "Whose August trip to Taiwan triggered Chinese combat drills near the Taiwan Strait?": "Pelosi",
}
UNANSWERABLE = "What did the European Central Bank decide about interest rates in March?"


def _stream(assistant: Assistant, question: str) -> tuple[list[str], list[str], Answer, float]:
    started = time.monotonic()
    items = list(assistant.ask_stream(question))
    final = items[-1]
    assert isinstance(final, Answer)
    pieces = [i for i in items if isinstance(i, str)]
    statuses = [i.message for i in items if isinstance(i, Status)]
    return pieces, statuses, final, time.monotonic() - started


@pytest.mark.slow
def test_the_local_model_answers_seed_questions_with_verbatim_citations(seeds_assistant, seeds_index: Path) -> None:  # type: ignore[no-untyped-def]
    try:
        import xllamacpp  # noqa: F401
    except ImportError:
        pytest.fail(f"xllamacpp is not installed: {SETUP_HINT}")
    was_loaded = LOCAL_MODEL.loaded
    assistant = Assistant(corpus=SEEDS, index=seeds_index, backend="local")
    from_model = []
    for number, (question, fact) in enumerate(ANSWERABLE.items()):
        pieces, statuses, final, seconds = _stream(assistant, question)
        print(f"\n{question} ({seconds:.1f} s)\n  model: {final.details.get('model_text')!r}\n  shown: {final.answer!r} [{final.backend}] {final.notice}")
        if number == 0 and not was_loaded:
            assert any("Loading the local model" in s for s in statuses)  # the first question says it loads
        if number == 0 and "model_text" in final.details:  # the model was asked: llama.cpp says what its cache held
            assert final.details["timings"].get("cache_n", 0) > 0, "the system prompt was not read while loading"
        assert final.answered, final.notice
        assert_quotes_are_spans(SEEDS, final.citations)
        assert all(f"[{c.id}]" in final.answer for c in final.citations)
        if final.backend == f"local:{MODEL_NAME}" and "fallback_from" not in final.details:
            assert "extractive answer instead" not in final.notice
            assert "".join(pieces) == final.answer  # what streamed is what stays
            if final.short_answer:  # a verbatim span of the first quote, whoever chose it
                first = final.citations[0]
                assert first.answer_start is not None and first.answer_end is not None
                assert first.quote[first.answer_start - first.start : first.answer_end - first.start] == final.short_answer
            from_model.append(fact.lower() in final.details["model_sentences"].lower())  # the reader's quotes left out
    assert len(from_model) >= 2, "fewer than two answers came from the model itself"
    assert sum(from_model) >= 2, "the model's own answers missed their facts"

    _, _, refusal, _ = _stream(assistant, UNANSWERABLE)
    print(f"\n{UNANSWERABLE}\n  shown: {refusal.answer!r} [{refusal.backend}] {refusal.notice}")
    assert not refusal.answered and refusal.citations == []


@pytest.mark.slow
def test_llama_cpp_lets_the_model_reply_only_what_the_pick_grammar_allows() -> None:
    """The model is told to echo a reply; under the grammar only allowed replies come out whole."""
    passages = [["Blinken met Qin Gang in Beijing.", "They spoke for five hours."], ["Qin Gang was appointed on Friday."]]
    endpoint = LOCAL_MODEL.endpoint(load_settings().llm_cache, free_cores(), report_progress)
    client = openai.OpenAI(base_url=endpoint.base_url, api_key=endpoint.api_key, max_retries=0, timeout=120)

    def echo(text: str) -> str:
        reply = client.chat.completions.create(
            model=endpoint.model, temperature=0, max_tokens=40,
            messages=[{"role": "user", "content": f"Reply with exactly this text and nothing else:\n{text}"}],
            extra_body={"grammar": pick_grammar([len(p) for p in passages])},
        )
        return reply.choices[0].message.content or ""

    quoted = {"NOT COVERED", *(f"{s} [{n}]" for n, p in enumerate(passages, start=1) for s in p)}
    allowed = re.compile(r"NOT COVERED|Answer: [^\n\[\]]+\nSentence: (1\.1|1\.2|2\.1)(\n(1\.1|1\.2|2\.1))?")
    reply = echo("Answer: on Friday\nSentence: 2.1")  # the model may say more on the answer line
    assert reply.startswith("Answer: on Friday") and reply.endswith("\nSentence: 2.1") and allowed.fullmatch(reply), reply
    assert echo("NOT COVERED") == "NOT COVERED"
    for refused in ("Blinken and Qin Gang met in Beijing [1]", "Answer: Beijing\nSentence: 4.7"):
        reply = echo(refused)
        assert reply != refused and allowed.fullmatch(reply), reply  # reworded text and unknown labels cannot come out
        assert set(picked(reply, passages).splitlines()) <= quoted  # and what is shown is verbatim passage text

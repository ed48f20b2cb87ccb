"""The golden seed questions, through the public API: thresholds sit just under what the default backend reaches.

Measured with the extractive backend and the reader (assistant/answer/): fact accuracy 0.77,
cited-source recall 0.94, refusal rate 0.46 on the 13 negatives, 0 of 55 answerable refused,
every span verified (before the reader: 0.71, 0.85, 0.31, 1 of 55).
"""

from pathlib import Path

import pytest

from assistant.evaluation import load_golden, run_golden, summarize, unverified_citations

GOLDEN = Path(__file__).resolve().parent / "golden" / "seeds-dev.jsonl"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

THRESHOLDS = {
    "fact_accuracy": 0.74,
    "source_recall": 0.91,
    "refusal_rate": 0.45,
}
MAX_FALSE_REFUSALS = 0.02


@pytest.fixture(scope="module")
def golden_results(seeds_assistant):  # type: ignore[no-untyped-def]
    return run_golden(seeds_assistant, load_golden(GOLDEN))


def test_golden_set_is_what_the_issue_asks_for() -> None:
    items = load_golden(GOLDEN)
    assert len(items) >= 40
    assert sum(not i.answerable for i in items) >= 8
    assert sum(i.kind == "multi" for i in items) >= 4
    cited = {s for i in items for group in i.sources for s in group}
    assert cited == {p.name for p in SEEDS.glob("*.txt")}


@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_quality_stays_above_threshold(golden_results, metric: str) -> None:  # type: ignore[no-untyped-def]
    summary = summarize(golden_results, SEEDS)
    assert summary[metric] >= THRESHOLDS[metric], summary


def test_answerable_questions_are_not_refused(golden_results) -> None:  # type: ignore[no-untyped-def]
    assert summarize(golden_results, SEEDS)["false_refusal_rate"] <= MAX_FALSE_REFUSALS


def test_every_citation_is_the_verbatim_span(golden_results) -> None:  # type: ignore[no-untyped-def]
    assert unverified_citations(golden_results, SEEDS) == []
    assert any(r.answer.citations for r in golden_results)


def test_answers_follow_the_contract(golden_results) -> None:  # type: ignore[no-untyped-def]
    for result in golden_results:
        payload = result.answer.to_dict()
        assert set(payload) >= {"question", "answer", "answered", "backend", "citations"}
        assert payload["backend"] == "extractive"
        if payload["answered"]:
            ids = [c["id"] for c in payload["citations"]]
            assert ids == list(range(1, len(ids) + 1))
            for number in ids:
                assert f"[{number}]" in payload["answer"]
            if payload["short_answer"]:  # a verbatim span of the first quote, led by the answer text
                first = payload["citations"][0]
                offset = first["answer_start"] - first["start"]
                assert first["quote"][offset : first["answer_end"] - first["start"]] == payload["short_answer"]
                assert payload["answer"].startswith(f"**{payload['short_answer']}** [1]")
        else:
            assert payload["citations"] == []
            assert "do not cover" in payload["answer"]


def test_off_topic_questions_are_refused(seeds_assistant) -> None:  # type: ignore[no-untyped-def]
    for question in ("What is a good recipe for sourdough bread?", "Who won the 2022 FIFA World Cup final?"):
        assert not seeds_assistant.ask(question).answered

"""Saved runs and drift, on hand-made runs over the seed files: each kind of change, and which are regressions."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from assistant import Answer, Citation
from assistant.evaluation import GoldenItem, ItemResult
from assistant.evaluation.drift import compare_runs, format_drift
from assistant.evaluation.runs import quote_digest, record_question
from tests.conftest import SEEDS

SOURCE = "002_6d17bc3cc6b798f9.txt"
OTHER = "003_6129a9f508479f3d.txt"
ITEM = GoldenItem("q1", "Where did they meet?", True, sources=[[SOURCE]], facts=["Diaoyutai", "Sunday"])


def _cite(source: str, start: int, end: int, corpus: Path = SEEDS) -> dict[str, Any]:
    quote = (corpus / source).read_text(encoding="utf-8")[start:end]
    return {"source": source, "start": start, "end": end, "quote_sha256": quote_digest(quote), "quote": quote}


def _run(*questions: dict[str, Any]) -> dict[str, Any]:
    return {"questions": list(questions)}


def _question(answered: bool = True, facts: tuple[str, ...] = ("Diaoyutai", "Sunday"), citations: list | None = None) -> dict[str, Any]:  # type: ignore[type-arg]
    return {"id": "q1", "question": ITEM.question, "answered": answered, "facts_found": list(facts),
            "citations": [_cite(SOURCE, 197, 329)] if citations is None else citations}


def _kinds(report) -> list[tuple[str, bool]]:  # type: ignore[no-untyped-def]
    return [(c.kind, c.regression) for q in report.drifted for c in q.changes]


def test_the_same_answer_is_no_drift() -> None:
    report = compare_runs(_run(_question()), _run(_question()), [ITEM], SEEDS)
    assert report.compared == 1 and report.drifted == []
    assert format_drift(report).startswith("No drift: 1 questions")


def test_a_refusal_of_an_answerable_question_and_lost_facts_are_regressions() -> None:
    report = compare_runs(_run(_question()), _run(_question(answered=False, facts=(), citations=[])), [ITEM], SEEDS)
    kinds = _kinds(report)
    assert ("answered/refused", True) in kinds and ("facts lost", True) in kinds
    assert ("sources changed", True) in kinds and ("span dropped", False) in kinds
    assert "answered -> refused" in format_drift(report) and "(REGRESSION)" in format_drift(report)


def test_an_extra_source_and_a_gained_fact_are_reported_but_pass() -> None:
    old = _question(facts=("Diaoyutai",))
    new = _question(citations=[_cite(SOURCE, 197, 329), _cite(OTHER, 303, 416)])
    report = compare_runs(_run(old), _run(new), [ITEM], SEEDS)
    assert sorted(_kinds(report)) == [("facts gained", False), ("sources changed", False), ("span added", False)]
    assert report.regressions == []


def test_spans_that_moved_or_were_reworded_are_moved_not_lost(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    text = (SEEDS / SOURCE).read_text(encoding="utf-8")
    sentence = text[197:329]
    assert "Diaoyutai State Guesthouse" in sentence  # the situation: the cited sentence is the one edited
    edited = "Updated. " + text[:197] + sentence.replace("Guesthouse", "Guest House") + text[329:]
    (corpus / SOURCE).write_text(edited, encoding="utf-8")
    (corpus / OTHER).write_text("Updated. " + (SEEDS / OTHER).read_text(encoding="utf-8"), encoding="utf-8")
    old = _question(citations=[_cite(SOURCE, 197, 329), _cite(OTHER, 303, 416)])
    shift = len("Updated. ")
    new = _question(citations=[_cite(SOURCE, 197 + shift, 330 + shift, corpus), _cite(OTHER, 303 + shift, 416 + shift, corpus)])
    assert new["citations"][1]["quote"] == old["citations"][1]["quote"]
    report = compare_runs(_run(old), _run(new), [ITEM], corpus)
    details = [c.detail for q in report.drifted for c in q.changes]
    assert _kinds(report) == [("span moved", False), ("span moved", False)], details
    assert details[0].endswith(", reworded") and not details[1].endswith(", reworded")


def test_a_deleted_sentence_no_longer_matches_its_file_and_a_bad_new_span_is_a_regression(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    text = (SEEDS / SOURCE).read_text(encoding="utf-8")
    (corpus / SOURCE).write_text(text[:197] + text[329:], encoding="utf-8")
    forged = {**_cite(SOURCE, 0, 40, corpus), "quote": "not what the file says"}
    report = compare_runs(_run(_question()), _run(_question(citations=[forged])), [ITEM], corpus)
    assert ("span no longer in its file", False) in _kinds(report)
    assert ("new span does not match its file", True) in _kinds(report)


def test_questions_added_to_or_gone_from_the_golden_file_are_named() -> None:
    other = {**_question(), "id": "q2", "question": "Who?"}
    report = compare_runs(_run(_question()), _run(other), [ITEM], SEEDS)
    assert {(q.id, q.changes[0].kind) for q in report.drifted} == {("q2", "new question"), ("q1", "question gone")}


def test_a_saved_question_keeps_the_short_answer_and_answer_spans_when_the_answer_has_them() -> None:
    quote = (SEEDS / SOURCE).read_text(encoding="utf-8")[197:329]
    citation = Citation(1, SOURCE, 197, 329, quote)
    plain = record_question(ItemResult(ITEM, Answer(ITEM.question, "At Diaoyutai [1].", True, "extractive", [citation]), 0.02))
    assert plain["short_answer"] == "" and "answer_start" not in plain["citations"][0]
    assert plain["facts_found"] == ["Diaoyutai"] and plain["citations"][0]["quote_sha256"] == quote_digest(quote)

    marked = copy.copy(citation)
    object.__setattr__(marked, "answer_start", 197 + quote.index("Diaoyutai"))
    object.__setattr__(marked, "answer_end", 197 + quote.index("Diaoyutai") + len("Diaoyutai State Guesthouse"))
    answer = Answer(ITEM.question, "**Diaoyutai State Guesthouse** [1]", True, "extractive", [marked])
    answer.short_answer = "Diaoyutai State Guesthouse"  # type: ignore[attr-defined]
    saved = record_question(ItemResult(ITEM, answer, 0.02))
    assert saved["short_answer"] == "Diaoyutai State Guesthouse"
    assert (saved["citations"][0]["answer_start"], saved["citations"][0]["answer_end"]) == (marked.answer_start, marked.answer_end)  # type: ignore[attr-defined]

"""The numbers of a golden run, on hand-made answers: word-boundary facts, n/a ratios, per-type numbers, gates."""

from __future__ import annotations


from pathlib import Path

import pytest

from assistant import Answer, Citation
from assistant.errors import AssistantError
from assistant.evaluation import GoldenItem, ItemResult, format_table, percentile, states_fact, summarize
from assistant.evaluation.gates import check_gates, merge_gates
from assistant.evaluation.metrics import quote_is_span
from tests.conftest import SEEDS

SOURCE = "002_6d17bc3cc6b798f9.txt"


@pytest.mark.parametrize(
    ("text", "fact", "stated"),
    [
        ("They met for 41 hours.", "41", True),
        ("They met for 141 hours.", "41", False),
        ("It grew 4.1% this year.", "41", False),
        ("It grew 41.5% this year.", "41", False),
        ("It grew 17.5% this year.", "7.5", False),
        ("The Treasury set aside £7.5bn for it.", "£7.5bn", True),
        ("Some 1,000 people came.", "000", False),
        ("WANG YI was replaced.", "Wang Yi", True),
        ("A tweeted message.", "tweet", False),
        ("He posted a tweet.", "twitter|tweet", True),
        ("The state guesthouse.", "Diaoyutai", False),
    ],
)
def test_facts_match_whole_words_ignoring_case(text: str, fact: str, stated: bool) -> None:
    assert states_fact(text, fact) is stated


def _result(item: GoldenItem, text: str, answered: bool = True, cite: bool = True) -> ItemResult:
    quote = (SEEDS / SOURCE).read_text(encoding="utf-8")[197:329]
    citations = [Citation(1, SOURCE, 197, 329, quote)] if cite and answered else []
    return ItemResult(item, Answer(item.question, text, answered, "extractive", citations), 0.01)


def test_ratios_over_nothing_are_na_not_one() -> None:
    item = GoldenItem("q1", "Where did they meet?", True, type="place", sources=[[SOURCE]], facts=["Diaoyutai"])
    summary = summarize([_result(item, "At the Diaoyutai State Guesthouse [1].")], SEEDS)
    assert summary["fact_accuracy"] == 1.0 and summary["source_recall"] == 1.0  # the situation: a measured success
    assert summary["refusal_rate"] is None and summary["near_miss_refusal_rate"] is None
    assert "refusal_rate            n/a" in format_table(summary)


def test_numbers_are_reported_per_answer_type() -> None:
    place = GoldenItem("q1", "Where?", True, type="place", sources=[[SOURCE]], facts=["Diaoyutai"])
    person = GoldenItem("q2", "Who?", True, type="person", sources=[[SOURCE]], facts=["Wang Yi"])
    near = GoldenItem("q3", "What did Xi say?", False, type="person", near_miss=True)
    off = GoldenItem("q4", "Who won the cup?", False)
    results = [
        _result(place, "At the Diaoyutai State Guesthouse [1]."),
        _result(person, "Qin Gang [1]."),
        _result(near, "Xi said nothing [1]."),
        _result(off, "The articles do not cover it.", answered=False),
    ]
    summary = summarize(results, SEEDS)
    assert summary["fact_accuracy"] == 0.5 and summary["false_refusal_rate"] == 0.0
    assert summary["refusal_rate"] == 0.5 and summary["near_miss_refusal_rate"] == 0.0
    assert summary["verified_spans"] == 1.0
    assert summary["by_type"]["place"]["fact_accuracy"] == 1.0
    assert summary["by_type"]["person"] == {
        "questions": 2, "fact_accuracy": 0.0, "source_recall": 1.0, "refusal_rate": 0.0, "false_refusal_rate": 0.0,
    }
    assert summary["by_type"]["untyped"]["refusal_rate"] == 1.0
    table = format_table(summary)
    assert "person" in table and "untyped" in table


def test_a_citation_that_is_not_its_span_is_counted_unverified() -> None:
    item = GoldenItem("q1", "Where?", True, sources=[[SOURCE]], facts=["Diaoyutai"])
    answer = Answer("Where?", "Diaoyutai [1].", True, "extractive", [Citation(1, SOURCE, 197, 329, "Diaoyutai")])
    summary = summarize([ItemResult(item, answer, 0.01)], SEEDS)
    assert summary["verified_spans"] == 0.0 and summary["unverified"] == [f"q1: {SOURCE}[197:329]"]


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0 and percentile(values, 95) == 95.0 and percentile(values, 100) == 100.0
    assert percentile([3.0, 1.0, 2.0], 95) == 3.0 and percentile([7.0], 50) == 7.0
    with pytest.raises(ValueError):
        percentile([], 50)


def test_gates_say_which_bar_failed_and_command_line_bars_win() -> None:
    summary = {"fact_accuracy": 0.71, "source_recall": 0.85, "refusal_rate": None, "false_refusal_rate": 0.02}
    gates = merge_gates({"min_facts": 0.6, "max_false_refusals": 0.01}, {"min_facts": 0.8, "min_sources": None, "min_refusals": 0.5})
    assert gates == {"min_facts": 0.8, "max_false_refusals": 0.01, "min_refusals": 0.5}
    results = {g.gate: g for g in check_gates(summary, gates)}
    assert not results["min_facts"].passed and "0.71 is below the minimum 0.8" in results["min_facts"].describe()
    assert not results["max_false_refusals"].passed and "above the maximum 0.01" in results["max_false_refusals"].describe()
    assert not results["min_refusals"].passed and "n/a" in results["min_refusals"].describe()
    assert all(g.passed for g in check_gates(summary, {"min_facts": 0.7, "min_sources": 0.85}))
    with pytest.raises(AssistantError, match="--min-facts is a ratio between 0 and 1"):
        merge_gates({}, {"min_facts": 80.0})


def test_a_citation_of_a_cp1252_file_is_checked_against_its_decoded_text(tmp_path: Path) -> None:
    """BBC's sport/199.txt is not UTF-8: the eval must decode it as the indexer did, not crash."""
    (tmp_path / "old.txt").write_bytes("The fee was \xa35m.\n".encode("cp1252"))
    assert quote_is_span(tmp_path, "old.txt", 12, 16, "£5m.")
    assert not quote_is_span(tmp_path, "old.txt", 12, 16, "$5m.")

"""The golden file format: what it accepts, and errors that name the file and line of what it does not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.evaluation import GoldenFormatError, read_golden
from tests.conftest import ROOT

GOOD = {"id": "q1", "question": "Who met Qin?", "answerable": True, "sources": [["a.txt"]], "facts": ["Blinken"]}


def _write(tmp_path: Path, *records: object) -> Path:
    path = tmp_path / "golden.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_header_items_and_every_optional_field_are_read(tmp_path: Path) -> None:
    header = {"header": {"split": "test", "corpus": "seeds", "frozen": "2026-11-29", "note": "written first",
                         "gates": {"min_facts": 0.8, "max_false_refusals": 0.05}}}
    path = _write(
        tmp_path, header, GOOD, "",
        {"id": "q2", "question": "Which files say it?", "answerable": True, "type": "place", "sources": [["a.txt", "b.txt"]]},
        {"id": "q3", "question": "What did Xi say?", "answerable": False, "near_miss": True, "kind": "single"},
    )
    golden = read_golden(path)
    assert golden.header.split == "test" and golden.header.corpus == "seeds"
    assert golden.header.gates == {"min_facts": 0.8, "max_false_refusals": 0.05}
    assert [i.id for i in golden.items] == ["q1", "q2", "q3"]
    assert golden.items[1].facts == [] and golden.items[1].type == "place"
    assert golden.items[2].near_miss and not golden.items[2].answerable and golden.items[2].sources == []


@pytest.mark.parametrize(
    ("records", "line", "words"),
    [
        ([GOOD, {**GOOD, "id": "q2", "colour": "red"}], 2, "unknown question key 'colour'"),
        ([{**GOOD, "answerable": "yes"}], 1, "'answerable' must be true or false"),
        ([{**GOOD, "facts": "Blinken"}], 1, "facts must be a list of strings"),
        ([{**GOOD, "facts": ["Blinken|"]}], 1, "is empty"),
        ([{**GOOD, "sources": ["a.txt"]}], 1, "sources must be a list of non-empty lists"),
        ([GOOD, GOOD], 2, "id 'q1' is already used on line 1"),
        ([{**GOOD, "facts": [], "sources": []}], 1, "needs facts, sources or both"),
        ([{**GOOD, "answerable": False}], 1, "unanswerable question has no facts"),
        ([{**GOOD, "near_miss": True}], 1, "near_miss marks unanswerable questions only"),
        ([{"question": "x?", "answerable": True, "facts": ["y"]}], 1, "has no 'id'"),
        ([GOOD, {"header": {"split": "dev"}}], 2, "header must be the first line"),
        ([{"header": {"split": "final"}}, GOOD], 1, "split must be one of dev, test"),
        ([{"header": {"gates": {"min_facts": 80}}}, GOOD], 1, "gate min_facts must be a number between 0 and 1"),
        ([{"header": {"gates": {"min_fact": 0.8}}}, GOOD], 1, "unknown gates key 'min_fact'"),
        ([GOOD, '{"id": "q2", "question": '], 2, "not valid JSON"),
        ([GOOD, "[1, 2]"], 2, "must be a JSON object"),
    ],
)
def test_malformed_lines_are_named_with_file_and_line(tmp_path: Path, records: list, line: int, words: str) -> None:  # type: ignore[type-arg]
    path = _write(tmp_path, *records)
    with pytest.raises(GoldenFormatError) as raised:
        read_golden(path)
    assert str(raised.value).startswith(f"{path}:{line}: "), raised.value
    assert words in str(raised.value)


def test_missing_and_empty_files_are_user_errors(tmp_path: Path) -> None:
    with pytest.raises(GoldenFormatError, match="does not exist"):
        read_golden(tmp_path / "nope.jsonl")
    with pytest.raises(GoldenFormatError, match="holds no questions"):
        read_golden(_write(tmp_path, {"header": {"split": "dev"}}))


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "golden").glob("*.jsonl")), ids=lambda p: p.name)
def test_the_repository_golden_files_are_valid(path: Path) -> None:
    golden = read_golden(path)
    assert golden.header.split in {"dev", "test"} and golden.header.corpus, "every set says its split and corpus"
    assert len(golden.items) >= 20


def test_the_documented_example_is_a_valid_golden_file(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "golden-format.md").read_text(encoding="utf-8")
    example = doc.split("```jsonl\n", 1)[1].split("```", 1)[0]
    golden = read_golden(_write(tmp_path, *example.strip().splitlines()))
    assert golden.header.split == "test" and len(golden.items) == 5
    cited = {s for item in golden.items for group in item.sources for s in group}
    assert all((ROOT / golden.header.corpus / s).is_file() for s in cited)

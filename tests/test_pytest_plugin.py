"""The pytest plugin: golden files as tests, collected only when asked for, failing with a readable report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden" / "seeds-dev.jsonl"

BROKEN_CONFTEST = '''
import pytest
from assistant import Answer, Citation


class Broken:
    """Answers everything, always with the same wrong sentence and a citation that is not its span."""

    def ask(self, question):
        return Answer(question, "The moon is made of cheese. [1]", True, "broken",
                      [Citation(1, "000_38bcf376f02df4f9.txt", 0, 10, "cheese")])


@pytest.fixture
def golden_assistant():
    return Broken()
'''


def _golden(path: Path, items: list[dict], **header: object) -> Path:  # type: ignore[type-arg]
    lines = [json.dumps({"header": header})] if header else []
    path.write_text("\n".join(lines + [json.dumps(i) for i in items]) + "\n", encoding="utf-8")
    return path


def test_every_golden_line_is_collected_by_its_id(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest(str(GOLDEN), "--collect-only", "-q")
    ids = [json.loads(line)["id"] for line in GOLDEN.read_text(encoding="utf-8").splitlines() if '"header"' not in line]
    collected = [line.rsplit("::", 1)[1] for line in result.outlines if "::" in line]
    assert len(ids) >= 40 and collected == ids


def test_a_broken_answerer_fails_every_question_with_a_readable_report(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(BROKEN_CONFTEST)  # a conftest overrides the fixture for the files beside it
    (pytester.path / GOLDEN.name).write_text(GOLDEN.read_text(encoding="utf-8"), encoding="utf-8")
    result = pytester.runpytest(GOLDEN.name, "-p", "no:cacheprovider")
    items = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if '"header"' not in line]
    result.assert_outcomes(failed=len(items))
    first = next(i for i in items if i["answerable"] and i["facts"])
    text = result.stdout.str()
    block = text[text.index(f"golden question {first['id']} missed") :]
    block = block[: block.index("\n___")] if "\n___" in block else block
    assert f"question: {first['question']}" in block
    assert f"expected: an answer; facts {first['facts']}; sources {first['sources']}" in block
    assert "answer: The moon is made of cheese. [1]" in block
    assert "[1] 000_38bcf376f02df4f9.txt [0:10] “cheese”" in block
    assert "Traceback" not in block and "def check" not in block
    negative = next(i for i in items if not i["answerable"])
    assert f"golden question {negative['id']} missed\nquestion: {negative['question']}\nexpected: a refusal" in text


def test_jsonl_files_are_collected_only_when_named_or_listed(pytester: pytest.Pytester) -> None:
    golden = pytester.mkdir("tests") / "golden"
    golden.mkdir()
    _golden(golden / "mine.jsonl", [{"id": "only", "question": "Where?", "answerable": True, "facts": ["x"]}])
    (pytester.path / "tests" / "test_plain.py").write_text("def test_plain():\n    assert 1 + 1 == 2\n")
    pytester.makeini("[pytest]\ntestpaths = tests\n")
    plain = pytester.runpytest("--collect-only", "-q")
    assert any("test_plain" in line for line in plain.outlines)
    assert not any("mine.jsonl" in line for line in plain.outlines)  # a plain run leaves golden files alone

    named = pytester.runpytest("tests/golden/mine.jsonl", "--collect-only", "-q")
    assert "tests/golden/mine.jsonl::only" in named.outlines

    pytester.makeini("[pytest]\ntestpaths = tests\ngolden = tests/golden/*.jsonl\n")
    listed = pytester.runpytest("--collect-only", "-q")
    assert "tests/golden/mine.jsonl::only" in listed.outlines and any("test_plain" in line for line in listed.outlines)


def test_the_fixture_answers_from_a_temporary_index_of_the_header_corpus(pytester: pytest.Pytester) -> None:
    _golden(
        pytester.path / "news.jsonl",
        [{"id": "where", "question": "Where did Blinken meet Qin Gang?", "answerable": True,
          "sources": [["002_6d17bc3cc6b798f9.txt"]], "facts": ["Diaoyutai"]},
         {"id": "off-topic", "question": "Who won the 2022 FIFA World Cup final?", "answerable": False}],
        split="dev", corpus=str(SEEDS),
    )
    pytester.makepyfile(test_mine=f'''
        def test_my_own_question(golden_assistant):
            assert str(golden_assistant.settings.corpus.resolve()) == {str(SEEDS)!r}
            answer = golden_assistant.ask("What did Qin call the most prominent risk in relations?")
            assert answer.answered and answer.citations
    ''')
    pytester.makeini("[pytest]\ngolden = news.jsonl\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3)


def test_a_golden_file_without_a_corpus_asks_for_one(pytester: pytest.Pytester) -> None:
    _golden(pytester.path / "bare.jsonl", [{"id": "q", "question": "Where?", "answerable": True, "facts": ["x"]}])
    result = pytester.runpytest("bare.jsonl")
    result.assert_outcomes(errors=1)
    assert "golden_assistant needs a corpus" in result.stdout.str()


def test_a_malformed_golden_file_names_its_line(pytester: pytest.Pytester) -> None:
    path = _golden(pytester.path / "bad.jsonl", [{"id": "q", "question": "Where?", "answerable": True}])
    result = pytester.runpytest("bad.jsonl")
    assert f"{path}:1: an answerable question needs facts, sources or both" in result.stdout.str()
    assert result.ret != 0

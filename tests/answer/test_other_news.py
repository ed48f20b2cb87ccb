"""Articles in other house styles than the seeds' and the BBC's: AP wire copy (dateline, byline, an
"Updated ..." line, "___" before the credits) and a Markdown export with YAML front matter. Written
for these tests, read by the whole pipeline (real index, real reader)."""

from pathlib import Path

import pytest

from assistant import Assistant
from tests.helpers import assert_quotes_are_spans

WIRE = Path(__file__).resolve().parent.parent / "data" / "wire"


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    assistant = Assistant(corpus=WIRE, index=tmp_path_factory.mktemp("wire-index"))
    assistant.index()
    return assistant


@pytest.mark.parametrize("question, short", [
    ("When did the Fed leave its rate unchanged?", "Wednesday"),  # "the Fed" is the Federal Reserve
    ("How many times does the Fed expect to cut rates this year?", "three"),
    ("Who is the chair of the Federal Reserve?", "Jerome Powell"),
    ("What magnitude was the Taiwan earthquake?", "7.4"),
    ("At what time did the quake strike?", "7:58 a.m."),
    ("How many people were trapped after the Taiwan quake?", "77"),
    ("Which news agency reported the earthquake?", "AP"),
    ("Who designed the Tyne bridge?", "Arup"),
    ("How much will the Tyne bridge cost?", "£45m"),
    ("How long will the new bridge over the Tyne be?", "180 metres"),  # a length, not a time
])
def test_wire_and_markdown_articles_answer_with_a_verified_short_answer(wire: Assistant, question: str, short: str) -> None:
    answer = wire.ask(question)
    assert answer.short_answer == short, (answer.answer, answer.notice)
    assert assert_quotes_are_spans(WIRE, answer.citations) >= 1


def test_dates_come_from_the_updated_line_the_published_line_and_the_front_matter(wire: Assistant) -> None:
    assert "(March 20, 2024)" in wire.ask("When did the Fed leave its rate unchanged?").answer
    assert "(April 3, 2024)" in wire.ask("When did the earthquake hit Taiwan?").answer
    assert "(March 4, 2024)" in wire.ask("When did the council approve the Tyne bridge?").answer


def test_no_answer_quotes_front_matter_or_credits(wire: Assistant) -> None:
    for question in ("What is the title of the bridge story?", "Who wrote the bridge story?"):
        for citation in wire.ask(question).citations:
            assert not citation.quote.startswith(("title:", "date:", "---")), citation.quote

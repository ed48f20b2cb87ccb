"""Follow-up questions made standalone: the rewriting itself, its bounds, and what it retrieves on the seeds."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant.conversation import standalone_question

BALLOON = "Why did Blinken postpone his trip to Beijing in February?"
BALLOON_ANSWER = (
    "The official canceled a trip to Beijing in February after an alleged Chinese spy balloon flew over US territory. [1] "
    "Blinken had initially intended to visit China in February. [2]"
)
MEETING = "Where did Blinken meet Qin Gang?"
MEETING_ANSWER = (
    "Secretary of State Antony Blinken met with China’s Foreign Minister Qin Gang in Beijing on Sunday "
    "at the Diaoyutai State Guesthouse. [1]"
)


@pytest.mark.parametrize(
    ("follow_up", "history", "expected"),
    [
        # a pronoun takes the previous question's person; its place comes along, its date does not
        # ("finally" only ties the question to the conversation)
        ("and when did he finally go?", [(BALLOON, BALLOON_ANSWER)], "When did Blinken go to Beijing?"),
        # "that" is the previous question's event, asked about anew; its date would pass for the answer
        ("and when was that?", [(BALLOON, BALLOON_ANSWER)], "When did Blinken postpone his trip to Beijing?"),
        ("and when was that?", [(MEETING, MEETING_ANSWER)], "When did Blinken meet Qin Gang?"),
        ("why?", [(MEETING, MEETING_ANSWER)], "Why did Blinken meet Qin Gang?"),
        ("when did that happen?", [(MEETING, MEETING_ANSWER)], "When did Blinken meet Qin Gang?"),
        ("and when did it take place?", [(MEETING, MEETING_ANSWER)], "When did Blinken meet Qin Gang?"),
        ("how long did it last?", [("When did Blinken and Qin hold talks in Beijing?", "...")],
         "How long did Blinken and Qin hold talks in Beijing?"),
        # something new about the event: its names come along instead
        ("why did it take so long?", [("When did Blinken visit Beijing?", "...")], "Why did it take so long (Blinken, Beijing)?"),
        ("when was that meeting?", [(MEETING, MEETING_ANSWER)], "When did Blinken meet Qin Gang?"),
        ("where is it?", [("What is the Diaoyutai State Guesthouse?", "...")], "Where is the Diaoyutai State Guesthouse?"),
        # ellipsis: a new name, date or organisation takes the place of the old one of its kind
        ("what about Qin?", [("What did Blinken say about Taiwan?", "...")], "What did Qin say about Taiwan?"),
        ("and Japan?", [("What did Blinken say about Taiwan?", "...")], "What did Blinken say about Japan?"),
        ("what about Qin?", [(MEETING, MEETING_ANSWER)], "Where did Blinken meet Qin Gang?"),  # no "Qin meet Qin Gang"
        ("and in 2022?", [("How many phones were sold in 2004?", "...")], "How many phones were sold in 2022?"),
        ("and what about the Fed?", [("What did the Bank of England decide about rates?", "...")],
         "What did the Fed decide about rates?"),
        # a question with its own names but a "he" that points outside it
        ("what did he say about Taiwan?", [(MEETING, MEETING_ANSWER)], "What did Blinken say about Taiwan?"),
        ("what about Blinken?", [("Who did Qin replace?", "**Wang Yi** [1]")], "Who did Blinken replace?"),
        # "it" after a question about people is their doing: their names come along
        ("who posted a photo of it?", [(MEETING, MEETING_ANSWER)], "Who posted a photo of it (Blinken, Qin Gang)?"),
        # a question of its own kind without names is searched within the conversation, not asked again
        ("and how long did the talks last?", [(MEETING, MEETING_ANSWER)], "How long did the talks last (Blinken, Qin Gang)?"),
        # "they" is the people of the previous question
        ("why did they meet?", [(MEETING, MEETING_ANSWER)], "Why did Blinken and Qin Gang meet?"),
        ("where did they meet?", [("Who did Blinken meet on Sunday?", "**Qin Gang** [1] Blinken met Qin Gang. [1]")],
         "Where did Blinken and Qin Gang meet on Sunday?"),
        # the person a "who" question asked for is in its answer, not in the question
        ("what did he say?", [("Who did Blinken meet in Beijing?", "**Qin Gang** [1] Blinken met Qin Gang in Beijing. [1]")],
         "What did Qin Gang say in Beijing (Blinken)?"),
        # "there" after a "where" question is the place the answer gave
        ("what happened there?", [(MEETING, MEETING_ANSWER)],
         "What happened at the Diaoyutai State Guesthouse (Blinken, Qin Gang)?"),
        # no names at all: searched within the previous question's names and topic
        ("how many people died?", [("What caused the earthquake in Turkey?", "...")],
         "How many people died (Turkey, the earthquake)?"),
    ],
)
def test_follow_ups_are_rewritten(follow_up: str, history: list[tuple[str, str]], expected: str) -> None:
    assert standalone_question(follow_up, history) == expected


@pytest.mark.parametrize(
    "question",
    [
        "When did Qin visit Washington?",
        "What did the USA say about Taiwan?",
        "Who did Blinken meet in Beijing?",
        "Is it true that Blinken went to Beijing?",
        "What did Blinken say about his trip?",
    ],
)
def test_a_question_with_its_own_names_and_verb_is_left_alone(question: str) -> None:
    assert standalone_question(question, [(MEETING, MEETING_ANSWER)]) == question


def test_without_a_conversation_nothing_changes() -> None:
    assert standalone_question("and when was that?", None) == "and when was that?"
    assert standalone_question("and when was that?", []) == "and when was that?"


def test_a_second_follow_up_builds_on_the_rewritten_first_not_on_both_texts() -> None:
    history = [(BALLOON, BALLOON_ANSWER), ("and when was that?", "In February. [1]")]
    second = standalone_question("and when did he finally go?", history)
    assert second == "When did Blinken go to Beijing?"
    assert "postpone" not in second and "that?" not in second  # not glued onto either earlier question
    three = [(MEETING, MEETING_ANSWER), ("and when was that?", "On Sunday. [1]"), ("why did they meet?", "...")]
    assert standalone_question("what about Xi?", three) == "Why did Xi and Qin Gang meet?"


def test_a_huge_history_costs_no_more_than_a_small_one() -> None:
    """Issue 12: the history is user input; only the last turns count, each cut short."""
    big_turn = ("Why did Blinken postpone his trip " + "to Beijing " * 20_000 + "?", "Because of a balloon. " * 50_000)
    history = [big_turn] * 400 + [(BALLOON, BALLOON_ANSWER)]  # about 500 MB of conversation
    standalone_question("and when was that?", [(MEETING, MEETING_ANSWER)])  # the parser is loaded
    started = time.perf_counter()
    rewritten = standalone_question("and when did he finally go?", history)
    assert time.perf_counter() - started < 3.0
    assert rewritten == "When did Blinken go to Beijing?"
    long_follow_up = standalone_question("and when did he go? " + "x " * 100_000, history)
    assert len(long_follow_up) < 2200


def test_concurrent_rewrites_agree() -> None:
    cases = [("and when did he finally go?", [(BALLOON, BALLOON_ANSWER)]), ("why did they meet?", [(MEETING, MEETING_ANSWER)])]
    expected = [standalone_question(q, h) for q, h in cases]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda i: standalone_question(*cases[i % 2]), range(40)))
    assert results == [expected[i % 2] for i in range(40)]


# ---------------------------------------------------------------- end to end on the seeds

JUNE_VISIT = ("Sunday", "over the weekend", "June 18")


def _retrieved_text(assistant, question: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [chunk.node.text for chunk in assistant.chain.retriever.retrieve(question)[:5]]


def test_the_follow_up_retrieves_the_june_visit(seeds_assistant) -> None:  # type: ignore[no-untyped-def]
    first = seeds_assistant.ask(BALLOON)
    history = [(BALLOON, first.answer)]
    standalone = seeds_assistant.chain.condense("and when did he finally go?", history)
    assert standalone == "When did Blinken go to Beijing?"
    top = _retrieved_text(seeds_assistant, standalone)
    assert sum(any(mark in text for mark in JUNE_VISIT) for text in top) >= 2  # the June 2023 visit, in several articles
    follow_up = seeds_assistant.ask("and when did he finally go?", history)
    assert follow_up.answered and follow_up.answer != first.answer
    lead = follow_up.citations[0].quote
    assert any(mark in lead for mark in JUNE_VISIT) and "February" not in lead


def test_and_when_was_that_is_about_the_postponement(seeds_assistant) -> None:  # type: ignore[no-untyped-def]
    first = seeds_assistant.ask(BALLOON)
    follow_up = seeds_assistant.ask("and when was that?", [(BALLOON, first.answer)])
    assert follow_up.answered and follow_up.answer != first.answer
    assert "February" in follow_up.citations[0].quote  # the postponement's date leads the answer
    alone = seeds_assistant.ask("and when was that?")
    assert alone.answer != follow_up.answer  # without the conversation it means something else


def test_a_huge_history_through_the_api_is_answered_promptly(seeds_assistant) -> None:  # type: ignore[no-untyped-def]
    """Issue 12's attack: one call with megabytes of history took minutes of CPU."""
    history = [("Why did Blinken " + "postpone his trip " * 5000 + "?", "A balloon. " * 50_000)] * 20 + [(BALLOON, BALLOON_ANSWER)]
    assert sum(len(q) + len(a) for q, a in history) > 4_000_000
    seeds_assistant.ask("and when was that?", [(BALLOON, BALLOON_ANSWER)])  # models loaded
    started = time.perf_counter()
    answer = seeds_assistant.ask("and when was that?", history)
    assert time.perf_counter() - started < 5.0
    assert answer.answered and "February" in answer.citations[0].quote


def test_when_was_that_answers_with_the_absolute_date(seeds_assistant) -> None:  # type: ignore[no-untyped-def]
    first = seeds_assistant.ask(MEETING)
    follow_up = seeds_assistant.ask("and when was that?", [(MEETING, first.answer)])
    assert follow_up.answered and follow_up.answer != first.answer
    assert "June 18, 2023" in follow_up.answer  # "on Sunday", resolved against the article's date

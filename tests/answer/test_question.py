"""Question analysis: the answer type from varied phrasings, the names and numbers a question is pinned to."""

import pytest

from assistant.answer.question import analyse, answer_type

TYPES = [
    ("Who held the Chinese foreign minister job before Qin Gang took it over?", "person"),
    ("Which ex-England football star signed up for the BBC's ice dancing show?", "person"),
    ("Which US district judge refused to throw out the Balco steroid case?", "person"),
    ("Which company bought the brewer last year?", "organisation"),
    ("Where did Blinken meet Qin Gang?", "place"),
    ("In which city did the two ministers hold talks?", "place"),
    ("When did Blinken finally travel to Beijing?", "date"),
    ("In what month did Qin Gang start his posting?", "date"),
    ("On which day of the week was Qin Gang named foreign minister?", "day"),
    ("At what time did the match kick off?", "time"),
    ("How long did Blinken and Qin talk?", "duration"),
    ("For how many years was he in charge?", "duration"),
    ("How many advance orders did Amazon take?", "number"),
    ("How old was Kalusha Bwalya when he played?", "number"),
    ("How much has the Treasury set aside for the rail link?", "money"),
    ("What was the value of the Iraqi transport contract?", "money"),
    ("By what percentage did sales rise?", "percent"),
    ("How far did the balloon travel?", "quantity"),
    ("Why did Blinken postpone his trip to Beijing?", "reason"),
    ("What prompted the cancellation of the visit?", "reason"),
    ("How did Qin make the phone call public?", "manner"),
    ("Did Blinken meet Xi Jinping?", "yes/no"),
    ("Which two Asian partners has Washington courted?", "list"),
    ("How did the US and Chinese accounts of the call differ?", "comparison"),
    ("Give a timeline of the talks between Blinken and Qin.", "comparison"),
    ("What did Qin Gang commit to after the talks?", "other"),
]


@pytest.mark.parametrize("question,expected", TYPES)
def test_the_answer_type_follows_the_wording(question: str, expected: str) -> None:
    assert answer_type(question) == expected


def test_names_and_numbers_are_constraints_not_focus() -> None:
    q = analyse("What will the adult minimum wage rise to in October 2007, according to Gordon Brown?")
    assert "Gordon Brown" in q.names
    assert q.numbers == ("2007",) and q.years == ("2007",)
    assert "wage" in q.focus and "Gordon" not in q.focus and "Brown" not in q.focus


def test_a_long_question_is_read_on_its_last_part() -> None:
    q = analyse("background " * 40_000 + "Where did Blinken meet Qin Gang?")
    assert q.type == "place" and "Blinken" in q.names


def test_a_plural_noun_after_which_asks_for_a_list() -> None:
    assert answer_type("Which US rivals has Beijing been openly cooperating with?") == "list"
    assert answer_type("Which countries did he visit?") == "list"
    assert answer_type("Which country did he visit?") == "place"
    assert answer_type("What business did she run?") == "organisation"  # a singular ending in s

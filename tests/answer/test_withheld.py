"""A sentence that says the asked name or sum is not given."""

from assistant.answer.question import analyse
from assistant.answer.withheld import withheld


def test_an_unnamed_or_undisclosed_asked_thing_is_withheld() -> None:
    agent = analyse("What is the name of the agent in Benin who was paid $2.1m by Titan?")
    assert withheld(agent, "Titan paid $2.1m to an unnamed agent in Benin claiming ties with President Kerekou.") == "an unnamed agent"
    fee = analyse("How much did Chelsea pay for the striker?")
    assert withheld(fee, "Chelsea signed the striker for an undisclosed fee on Monday.") == "an undisclosed fee"
    buyer = analyse("Who bought the painting?")
    assert withheld(buyer, "The painting was bought by an anonymous collector.") == "an anonymous collector"


def test_something_else_unnamed_withholds_nothing() -> None:
    editor = analyse("Who is the sports editor at Macworld magazine?")
    assert withheld(editor, "The lawsuit, against an unidentified individual, was filed on Tuesday.") == ""
    boss = analyse("Who is the boss of the firm?")
    assert withheld(boss, "The boss travelled to an undisclosed location.") == ""

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


def test_a_sum_or_name_said_not_to_be_given_is_withheld() -> None:
    paid = analyse("How much did Ask Jeeves pay for the Bloglines website?")
    assert withheld(paid, "How much Ask Jeeves paid for Bloglines was not revealed.") == "How much Ask Jeeves paid for Bloglines was not revealed"
    assert withheld(paid, "Terms of the acquisition were not disclosed.") == "Terms of the acquisition were not disclosed"
    assert withheld(paid, "The firm declined to say how much it paid.") == "declined to say how much"
    assert withheld(paid, "Sales were not given a boost by the deal.") == ""  # no sum said to be withheld
    buyer = analyse("Who bought the painting?")
    assert withheld(buyer, "Sotheby's declined to name the buyer.") == "declined to name"
    assert withheld(buyer, "Terms of the sale were not disclosed.") == ""  # a sum withheld, not the buyer

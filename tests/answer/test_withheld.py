"""A sentence that says the asked name or sum is not given."""

from assistant.answer.question import analyse
from assistant.answer.withheld import unnamed_doer, withheld


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


def test_the_asked_act_done_by_an_unnamed_one_is_withheld() -> None:
    """"It was bought by a London dealer who sold it on" for "Which London dealer bought the portrait?"."""
    dealer = analyse("Which London dealer bought the portrait before selling it on to a collector?")
    assert unnamed_doer(dealer, "It was bought by a London dealer who sold it on to a collector.") == "a London dealer"
    fan = analyse("What was the name of the fan who rugby-tackled Ian Brown on stage?")  # "tackled": an adjective to spaCy here
    assert unnamed_doer(fan, 'His spokesman said he had been told a fan "rugby-tackled" the singer during the gig.') == "a fan"


def test_a_named_one_or_another_act_withholds_nothing() -> None:
    dealer = analyse("Which London dealer bought the portrait?")
    assert unnamed_doer(dealer, "It was bought by a London dealer, Hugh Lane, in 2001.") == ""  # named beside it
    assert unnamed_doer(dealer, "It was bought by a dealer named Hugh Lane.") == ""
    player = analyse("Which player lost his place in the Italy centre when Cristian Stoica was recalled?")
    assert unnamed_doer(player, "We lost a player like Mauro Bergamasco who has been important for us.") == ""  # an example named
    agency = analyse("Which federal agency is looking into the loss of the tapes?")
    described = "The Secret Service - a federal agency whose brief includes financial crime - is said to be looking into the loss."
    assert unnamed_doer(agency, described) == ""  # the name comes first, the noun describes it
    assert unnamed_doer(dealer, "A London dealer said prices had doubled.") == ""  # another act
    assert unnamed_doer(analyse("Who bought the portrait?"), "It was bought by a London dealer.") == ""  # no noun asked

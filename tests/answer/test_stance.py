"""Stance: "Did X accept/say/deny ...?" is answered by X's own words, not by a restatement of the claim."""

from dataclasses import replace

from assistant.answer import stance
from assistant.answer.evidence import Sentence
from assistant.terms import terms


def _sentence(text: str, dense: float, source: str = "a.txt") -> Sentence:
    return Sentence(source, 0, len(text), text, "utf-8", source, "", "", "", frozenset(terms(text)), dense, 0.3, 0.5, True)


def test_the_one_whose_stance_is_asked() -> None:
    assert stance.asked_of("Did Airbus boss Noel Forgeard accept that the A380 superjumbo was running over budget?") == "Forgeard"
    assert stance.asked_of("Did Andre Agassi say the hip trouble was the same injury that kept him out of Wimbledon?") == "Agassi"
    assert stance.asked_of("Did the Chicago White Sox win the World Series in 2005?") == ""  # no one's stance
    assert stance.asked_of("Did the shadow cabinet decide to oppose the bill?") == ""  # no one named


def test_the_named_person_s_own_words_answer() -> None:
    restating = _sentence("Mr Camus came under pressure as it became clear that the A380 superjumbo was running over budget.", 1.0)
    named = _sentence("Airbus head Noel Forgeard is now set to replace Mr Camus.", 0.95)
    denial = _sentence("But Mr Forgeard has denied this, telling French media that there is no current overrun in the budget.", 0.85)
    assert stance.best([restating, named, denial], "Forgeard") is denial
    assert stance.best([restating, named, replace(denial, dense=0.2)], "Forgeard") is None  # too far below the best


def test_he_is_the_person_only_in_an_article_that_names_him() -> None:
    named = _sentence("Andre Agassi pulled out of the Kooyong Classic with a hip injury.", 1.0)
    said = _sentence("He said the problem was not the same as the hip injury which forced him to miss Wimbledon.", 0.9)
    assert stance.best([named, said], "Agassi") is said
    elsewhere = replace(said, source="b.txt")
    assert stance.best([named, elsewhere], "Agassi") is None

"""Descriptions: what a "How did X describe Y?" question asks for is the words a sentence uses for Y."""

from dataclasses import replace

from assistant.answer import descriptions
from assistant.answer.descriptions import Asked
from assistant.answer.evidence import Sentence
from assistant.terms import terms


def _sentence(text: str, dense: float = 0.8) -> Sentence:
    return Sentence("a.txt", 0, len(text), text, "utf-8", "a.txt", "", "", "", frozenset(terms(text)), dense, 1.0, 0.5, True)


def _said(text: str, thing: str) -> str | None:
    span = descriptions.description(text, Asked(thing))
    return text[span[0] : span[1]] if span else None


def test_the_thing_asked_about_is_the_describing_verb_s_object() -> None:
    assert descriptions.asked("How did Robert Kilroy-Silk describe the immigration policy his party would follow?") == Asked("policy")
    assert descriptions.asked("How did Qin characterise what had happened to relations this year?") == Asked("")
    assert descriptions.asked("What did Biden call the balloon incident?") == Asked("incident")


def test_questions_that_ask_for_something_else_are_no_description_questions() -> None:
    assert descriptions.asked("Who is the former presenter described as the champion of internet radio?") is None
    assert descriptions.asked("What did the minister call for?") is None
    assert descriptions.asked("What did China's foreign minister call the greatest danger in relations?") is None  # the thing so called
    assert descriptions.asked("How many people did the storm kill?") is None


def test_a_describing_verb_gives_what_follows_its_as() -> None:
    assert _said("Biden characterized it as more embarrassing than intentional.", "affair") == "more embarrassing than intentional"
    assert _said("The minister described the talks as frank, and said more were planned.", "talks") == "frank"


def test_a_short_quotation_beside_the_thing_describes_it() -> None:
    text = 'Mr Kilroy-Silk promised a "firm but fair" policy on immigration and said they hoped to contest most seats.'
    assert _said(text, "policy") == "firm but fair"
    far = '"We will be firm," he said, before a long speech on the economy, tax, pensions and his new policy.'
    assert _said(far, "policy") is None  # the quotation is nowhere near the policy
    long = 'He said: "We will fight for fair trade and good jobs" at the launch.'
    assert _said(long, "") is None  # a statement, not a description


def test_adjectives_on_the_thing_s_noun_describe_it() -> None:
    text = '"I appreciate several candid, in-depth and constructive meetings with him during my tenure.'
    assert _said(text, "meetings") == "candid, in-depth and constructive"
    assert _said(text, "budget") is None


def test_the_describing_sentence_is_found_below_the_best() -> None:
    """The best match restates the question's event; a sentence a little weaker says how it was described."""
    restating = _sentence("Qin was appointed foreign minister after serving as ambassador to the United States.", dense=1.0)
    describing = _sentence('"I appreciate several candid, in-depth and constructive meetings with him during my tenure.', dense=0.7)
    found = descriptions.best([restating, describing], Asked("meetings"))
    assert found is not None and found[0] is describing
    weak = replace(describing, dense=0.1, cover=0.0)
    assert descriptions.best([restating, weak], Asked("meetings")) is None  # too far below the best to answer

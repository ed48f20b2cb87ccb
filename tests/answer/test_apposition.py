"""The name a sentence gives the asked noun, in the shapes news copy uses (sentences from the BBC corpus)."""

import pytest

from assistant.answer.apposition import copular_noun, kind_of, named_by

ELAN = "Shares in Elan and Biogen Idec plunged as the firms suspended sales of new multiple sclerosis drug Tysabri after a patient's death."


@pytest.mark.parametrize("noun, sentence, name", [
    ("drug", ELAN, "Tysabri"),  # the noun, then the name
    ("drug", "The cases cited involved the use of both Tysabri and Avonex, Biogen Idec's existing multiple sclerosis drug.", "Avonex"),
    ("condition", "They have no reports of the rare condition - progressive multifocal leukoencephalopathy (PML) - in patients.",
     "progressive multifocal leukoencephalopathy"),  # between dashes, in lower case
    ("slot", "The cardinal was speaking on BBC Radio 4's Thought for the Day slot.", "Thought for the Day"),
    ("programme", "He was speaking to the BBC's Newsnight programme a few hours before.", "Newsnight"),
    ("magazine", "It could cost up to £1,700, a study by Computeractive Magazine revealed.", "Computeractive Magazine"),
    ("award", "Stevie Wonder will receive Billboard's Century Award, the magazine's highest honour, at the ceremony.", "Century Award"),
])
def test_the_name_beside_the_asked_noun_is_found(noun: str, sentence: str, name: str) -> None:
    span = named_by(noun, sentence)
    assert span is not None and sentence[span[0] : span[1]] == name


@pytest.mark.parametrize("noun, sentence", [
    ("drug", "The drug, which was approved in November, was withdrawn."),  # a relative clause names nothing
    ("gift", "Blinken handed over a gift."),
    ("role", "Brosnan stars as a hit man in comedy The Matador."),  # a name elsewhere in the sentence is not the noun's
])
def test_a_sentence_that_only_mentions_the_noun_names_nothing(noun: str, sentence: str) -> None:
    assert named_by(noun, sentence) is None


def test_a_name_the_question_gives_is_no_answer() -> None:
    assert named_by("drug", ELAN, asked="Which firm sells the drug Tysabri?") is None


@pytest.mark.parametrize("question, noun", [
    ("What is Biogen Idec's existing multiple sclerosis drug?", "drug"),
    ("What was the verdict?", "verdict"),
    ("What was the outcome of the talks?", ""),  # the asked noun is not the last word
    ("What is happening?", ""),
])
def test_a_copular_question_asks_for_its_last_noun(question: str, noun: str) -> None:
    assert copular_noun(question) == noun


def test_what_injury_is_answered_by_the_nouns_that_say_which() -> None:
    sentence = "David Beckham came off in the 67th minute with a shoulder injury but should be fit."
    span = kind_of("injury", sentence)
    assert span is not None and sentence[span[0] : span[1]] == "shoulder injury"
    assert kind_of("injury", "He has a serious injury.") is None  # an adjective says how bad, not which
    title = "She stormed to the 1,000m title at the Birmingham Grand Prix."
    span = kind_of("title", title)
    assert span is not None and title[span[0] : span[1]] == "1,000m title"  # the number is part of which title


def test_a_word_capitalised_only_because_it_opens_the_sentence_is_no_name() -> None:
    assert named_by("issue", "Contentious issues include trade conflicts and Taiwan.") is None
    span = named_by("firm", "Sybari Software, a New York security firm, makes anti-virus tools.")
    assert span is not None and span[0] == 0  # a proper name may open the sentence


def test_the_question_s_own_words_say_no_kind() -> None:
    sentence = "To recoup any profit, where the firm changed its steel contractor due to a legal dispute, it must win claims."
    assert kind_of("contractor", sentence, "Which steel contractor did Multiplex drop from the Wembley job?") is None
    span = kind_of("contractor", sentence, "Which contractor did Multiplex drop?")
    assert span is not None and sentence[span[0] : span[1]] == "steel contractor"

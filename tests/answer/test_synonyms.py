from llama_index.core.schema import NodeWithScore, TextNode

from assistant.answer.evidence import gather
from assistant.answer.question import analyse
from assistant.answer.synonyms import widened
from assistant.terms import terms


def test_a_word_stands_for_the_others_of_its_group() -> None:
    assert frozenset(terms("named")) <= widened(frozenset(terms("Qin was appointed on Friday")))
    assert frozenset(terms("bought")) <= widened(frozenset(terms("the firm acquired the bank")))
    assert widened(frozenset(terms("the fire spread"))) == frozenset(terms("the fire spread"))


def test_being_named_to_a_post_is_asked_of_and_found_as_an_appointment() -> None:
    question = analyse("On which day of the week was Qin Gang named China's foreign minister?")
    assert "name" in question.terms
    assert "name" not in analyse("What was the fishing game named?").terms  # a name asked for, not an act
    assert "name" not in analyse("When did they speak after Qin was named foreign minister?").terms  # not the act asked
    text = "China's foreign minister Qin met Blinken on Sunday. Qin was appointed China's foreign minister on Friday."
    chunk = NodeWithScore(node=TextNode(text=text, metadata={"source": "a.txt", "start": 0, "dense": 0.5}), score=1.0)
    cover = {s.text.split()[-1]: s.cover for s in gather(question.terms, {t: 1.0 for t in question.terms}, [chunk], None)}
    assert cover["Friday."] > cover["Sunday."]

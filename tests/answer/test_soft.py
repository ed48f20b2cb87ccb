"""Question words a sentence says in other words raise its cover; words it says as they are do not count twice."""

from assistant.answer.evidence import Sentence
from assistant.answer.question import analyse
from assistant.answer.soft import reweighed
from assistant.terms import terms


def _sentence(text: str, start: int) -> Sentence:
    return Sentence("a.txt", start, start + len(text), text, "utf-8", "a.txt", "", "", "", frozenset(terms(text)),
                    0.5, 0.5, 0.2, True)


def test_a_paraphrase_of_the_question_gains_cover() -> None:
    question = analyse("What is the name of the creature hunting the hero through time?")
    monster = _sentence("The plot hinges on the Dahaka, an all-consuming monster pursuing our hero.", 0)
    idle = _sentence("The game's intro movie is so good that it does the game itself a disservice.", 100)
    after = {s.start: s for s in reweighed([monster, idle], question, {})}
    assert after[0].cover > monster.cover  # monster ~ creature, pursuing ~ hunting
    assert after[100].cover == idle.cover


def test_a_word_the_sentence_already_holds_adds_nothing() -> None:
    question = analyse("What is the name of the creature hunting the hero?")
    plain = _sentence("The creature hunting the hero is called the Dahaka.", 0)
    assert reweighed([plain], question, {})[0].cover == plain.cover

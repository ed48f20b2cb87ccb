"""Runs: a question asking for several things ("which file-sharing programs") is answered by a coordinated run."""

from dataclasses import replace

from assistant.answer import runs
from assistant.answer.evidence import Sentence
from assistant.terms import terms

PROGRAMS = ("The suits were filed against users of the file-sharing programs BitTorrent, eDonkey and DirectConnect "
            "in the United States, United Kingdom, France, Finland and the Netherlands, the MPAA said.")


def _sentence(text: str, dense: float = 0.8) -> Sentence:
    return Sentence("a.txt", 0, len(text), text, "utf-8", "a.txt", "", "", "", frozenset(terms(text)), dense, 1.0, 0.5, True)


def _runs(text: str, noun: str) -> list[tuple[str, bool]]:
    return [(text[r.start : r.end], r.beside) for r in runs.runs(_sentence(text), noun, frozenset())]


def test_the_plural_noun_asked_for_is_found() -> None:
    assert runs.asked_plural("Users of which file-sharing programs were targeted in the lawsuits?") == "programs"
    assert runs.asked_plural("Which Grammy awards did We Are The World win?") == "awards"
    assert runs.asked_plural("Which principles did Qin say have guided China's approach?") == "principles"
    assert runs.asked_plural("Which film did she star in?") == ""  # one thing
    assert runs.asked_plural("What did they discuss in the Commons?") == ""  # no noun asked for
    assert runs.asked_plural("A choice between hope and what, and how long had he sat in the Commons?") == ""  # another part


def test_a_run_beside_the_asked_noun_is_marked() -> None:
    found = _runs(PROGRAMS, "programs")
    assert ("BitTorrent, eDonkey and DirectConnect", True) in found
    assert ("United States, United Kingdom, France, Finland and the Netherlands", False) in found


def test_a_run_ends_before_a_clause_hung_on_its_last_item() -> None:
    text = "Qin cited the principles of “mutual respect, peaceful coexistence, and win-win cooperation” advocated by Xi Jinping."
    assert [span for span, _ in _runs(text, "principles")] == ["mutual respect, peaceful coexistence, and win-win cooperation"]


def test_a_run_the_question_already_says_is_no_answer() -> None:
    sentence = _sentence("Talks covered trade and security.")
    assert runs.runs(sentence, "topics", frozenset(terms("Did the talks cover trade and security?"))) == []
    evicted = _sentence("Model Caprice and Holby City actor Jeremy Edwards have both left the house.")
    asked = frozenset(terms("Once Caprice and actor Jeremy Edwards had gone, which three celebrities were left?"))
    assert runs.runs(evicted, "celebrities", asked) == []  # the question's own names


def test_the_run_beside_the_asked_noun_answers_though_a_little_weaker() -> None:
    best = _sentence("The film industry body has begun a legal campaign against piracy and its users.", dense=1.0)
    listing = _sentence(PROGRAMS, dense=0.9)
    found = runs.best([best, listing], "programs", frozenset())
    assert found is not None and found[0] is listing
    assert listing.text[found[1][0] : found[1][1]] == "BitTorrent, eDonkey and DirectConnect"
    weak = replace(listing, dense=0.2, cover=0.0)
    found = runs.best([best, weak], "programs", frozenset())
    assert found is None  # too far below the best; the best's own run is not beside the noun

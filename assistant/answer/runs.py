"""Answers that are several things at once: "which file-sharing programs" is answered by "BitTorrent,
eDonkey and DirectConnect", "which principles" by "mutual respect, peaceful coexistence, and win-win
cooperation".

Such answers rarely carry one entity label (a program, a principle, a comic character), but news copy
writes them in one shape: a coordinated run of nouns, often beside the asked noun ("the file-sharing
programs BitTorrent, eDonkey and DirectConnect", "the Incredible Hulk, X-Men and Daredevil characters").
spaCy's parse marks the run (`conj` children of its first item); the asked noun beside it, or a word of
like meaning, tells which run answers. A run with no such word beside it is never taken: a sentence
lists many things.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.answer import meaning
from assistant.answer.evidence import Sentence
from assistant.answer.nlp import parse
from assistant.terms import terms

RUN_RATIO = 0.75  # a sentence holding a run answers when its evidence is this close to the best sentence's
CHECKED = 8  # the best sentences looked at
ASKED_WORDS = 5  # "which other file-sharing programs": the plural noun within this many words of "which"
WINDOW = 3  # nouns either side of a run where the asked noun may stand
BEFORE_CHARS, AFTER_CHARS = 40, 30  # "the file-sharing programs BitTorrent, ...", "... and Daredevil characters"
_NOMINAL = frozenset({"NOUN", "PROPN"})
_OWN_WORDS = frozenset({"compound", "amod", "nummod", "flat", "case", "conj"})  # "Fantastic Four"; not "advocated by"
_ANY_NAMES = frozenset({"names", "ones", "others"})  # nouns that ask for names of any kind


@dataclass(frozen=True)
class Run:
    sentence: Sentence
    start: int
    end: int
    beside: bool  # the asked noun, or a word of like meaning, stands beside the run


def asked_plural(question_text: str) -> str:
    """The plural noun "which/what" asks for ("which file-sharing programs" -> "programs"), or ""."""
    doc = parse(question_text)
    for token in doc:
        if token.lower_ not in ("which", "what"):
            continue
        for after in doc[token.i + 1 : token.i + 1 + ASKED_WORDS]:
            if after.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "PRON") and after.dep_ != "amod" or after.text in ",;:?":
                break  # "file-sharing programs": a verb as a modifier goes on
            last = after.i + 1 == len(doc) or doc[after.i + 1].tag_ not in ("NN", "NNS", "NNP", "NNPS")
            if after.tag_ == "NNS" and last:  # "which awards", not "which awards ceremony"
                return str(after.text.lower())
        return ""
    return ""


def answer(question_text: str, sentences: list[Sentence], question_terms: frozenset[str]) -> tuple[Sentence, tuple[int, int]] | None:
    """The run that answers a question asking for several things of one kind; None when it asks for none."""
    noun = asked_plural(question_text)
    return best(sentences, noun, question_terms) if noun else None


def best(sentences: list[Sentence], noun: str, question_terms: frozenset[str]) -> tuple[Sentence, tuple[int, int]] | None:
    """The run beside the asked noun in the strongest of the best sentences; None when no run stands beside it."""
    if not sentences:
        return None
    floor = RUN_RATIO * sentences[0].evidence
    found = [run for s in sentences[:CHECKED] if s.evidence >= floor for run in runs(s, noun, question_terms)]
    if not found:
        return None
    beside = [run for run in found if run.beside]
    if not beside:
        return None
    chosen = max(beside, key=lambda r: r.sentence.evidence)
    return chosen.sentence, (chosen.start, chosen.end)


def runs(sentence: Sentence, noun: str, question_terms: frozenset[str]) -> list[Run]:
    """The coordinated runs of nouns in a sentence that say something the question does not."""
    doc = parse(sentence.text)
    out = []
    for token in doc:
        if token.dep_ == "conj" or token.pos_ not in _NOMINAL:
            continue
        items = _items(token)
        if len(items) < 2 or not _joined(items):
            continue
        start, end = _left(token), _right(items[-1])
        if set(terms(sentence.text[start:end])) <= question_terms or all(set(terms(t.text)) <= question_terms for t in items):
            continue  # the question's own words, or its own names ("Model Caprice and actor Jeremy Edwards")
        named = noun in _ANY_NAMES and all(t.text[:1].isupper() for t in items)  # "which Hollywood names": names
        out.append(Run(sentence, start, end, named or _beside(doc, start, end, noun)))
    return out


def _items(first: Any) -> list[Any]:
    """The run's items in text order: its first token and every `conj` below it (spaCy chains them)."""
    items, todo = [first], [first]
    while todo:
        for child in todo.pop().children:
            if child.dep_ == "conj" and child.pos_ not in ("VERB", "AUX"):
                items.append(child)
                todo.append(child)
    return sorted(items, key=lambda t: t.i)


def _joined(items: list[Any]) -> bool:
    """An "and" or "or" joins the items: "A, B and C", not an apposition "A, B"."""
    return any(c.dep_ == "cc" and c.lower_ in ("and", "or") for t in items for c in t.children)


def _left(token: Any) -> int:
    """The run's first item with its own modifiers, not the determiner or the asked noun before it."""
    lefts = [t for t in token.lefts if t.dep_ in ("compound", "amod", "nmod", "poss") and t.pos_ != "DET"]
    return int(lefts[0].idx if lefts else token.idx)


def _right(last: Any) -> int:
    """The end of the run's last item with its own modifiers, not a clause hung on it ("... advocated by Xi")."""
    end = last
    for child in last.rights:
        if child.dep_ not in _OWN_WORDS:
            break
        end = child.right_edge
    return int(end.idx + len(end.text))


def _beside(doc: Any, start: int, end: int, noun: str) -> bool:
    """The asked noun, or a noun of like meaning, among the nouns just before or after the run."""
    if not noun:
        return False
    words = [t for t in doc if start - BEFORE_CHARS <= t.idx < start or end <= t.idx < end + AFTER_CHARS]
    near = [t.text.lower() for t in words if t.pos_ in _NOMINAL][:2 * WINDOW]
    wanted = set(terms(noun))
    if any(set(terms(word)) & wanted for word in near):
        return True
    return bool(near) and meaning.closest(noun, near) >= meaning.SAME_MEANING

"""The words a "How did Qin characterise the meetings?" question asks for: what the sentence calls the thing.

News gives a description in three ways: a describing verb and what follows its "as" ("Biden characterized
it as more embarrassing than intentional"), a short quotation ("promised a “firm but fair” policy on
immigration"), or adjectives on the thing's own noun ("several candid, in-depth and constructive
meetings"). Each is a verbatim span of its sentence, so the short answer is verified like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.answer import meaning
from assistant.answer.evidence import Sentence, near_best
from assistant.answer.nlp import parse
from assistant.terms import terms

DESCRIBED_RATIO = 0.6  # a describing sentence is looked for this far below the best one's evidence
MAX_QUOTED_WORDS = 6  # a quotation longer than this is a statement, not a description
QUOTE_REACH = 40  # characters between a quotation and the described noun
SAME_THING = 0.6  # the described noun in other words: "discussions" for "talks" 0.68; "incident" for "affair" 0.39
_DESCRIBING = frozenset({"describe", "characterise", "characterize", "call", "label", "term", "dub", "brand", "portray", "sum"})
_AS = re.compile(
    r"\b(?:describ|characteri[sz]|label|term|dubb?|brand|portray|hail|paint|regard|see|view)\w*\s+(?:[\w'’-]+\s+){0,5}?as\s+"
    r"(?P<said>[^,;:.!?()]{3,80}?)\s*(?=[,;:.!?()]|\s[-–—]\s|$)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[“\"‘]([^“”\"‘’]{2,60}?)[”\"’]")
_NOT_DESCRIBING = frozenset({  # adjectives that count or date the thing, not say what it is like
    "several", "many", "few", "other", "such", "last", "first", "next", "same", "further", "more", "recent", "new", "old", "own",
    "current", "latest", "previous", "former", "early", "late", "future", "annual", "weekly", "daily",
})


@dataclass(frozen=True)
class Asked:
    """What a description question asks about: the describing verb's object noun (empty for "what had happened")."""

    thing: str


def asked(question: str) -> Asked | None:
    """The thing a "how did X describe/characterise/call Y" question asks a description of; None for other questions."""
    doc = parse(question)
    for token in doc:
        if token.lemma_.lower() in _DESCRIBING and token.pos_ == "VERB" and _asks_how(doc, token):
            objects = [c for c in token.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
            return Asked(str(objects[0].text).lower() if objects else "")
    return None


_NAMING = frozenset({"call", "label", "term", "dub", "brand"})


def _asks_how(doc: Any, verb: Any) -> bool:
    """The verb is the one "how" asks about ("How did Kilroy-Silk describe ..."), or "what" for a naming verb
    ("What did Biden call the incident?", not "what did he call for?" nor "what did he call the greatest
    danger?", which asks for the thing so called); not "who was described as ..."."""
    if any(t.lower_ == "how" and (t.head.i == verb.i or t.head.head.i == verb.i) for t in doc):
        return True
    naming = verb.lemma_.lower() in _NAMING and not any(c.dep_ in ("prt", "prep") for c in verb.children)
    ranked = any(t.tag_ == "JJS" or t.lower_ == "most" for t in doc if t.i > verb.i)
    return naming and not ranked and any(t.lower_ == "what" and t.head.i == verb.i for t in doc)  # "call the greatest danger": a thing


def best(ranked: list[Sentence], thing: Asked) -> tuple[Sentence, tuple[int, int]] | None:
    """Among sentences close to the best, the first that describes the thing, and the description."""
    for sentence in near_best(ranked, DESCRIBED_RATIO):
        span = description(sentence.text, thing)
        if span is not None:
            return sentence, span
    return None


def description(text: str, thing: Asked) -> tuple[int, int] | None:
    """The span of the sentence that describes the thing: after a describing verb's "as", a short quotation
    beside the thing's noun (anywhere, when the question names no noun), or the adjectives on that noun."""
    called = _AS.search(text)
    if called:
        return called.span("said")
    nouns = _naming(text, thing.thing)
    for match in _QUOTED.finditer(text):
        if len(match.group(1).split()) > MAX_QUOTED_WORDS:
            continue
        near = (abs(match.start() - (t.idx + len(t.text))) <= QUOTE_REACH or abs(t.idx - match.end()) <= QUOTE_REACH for t in nouns)
        if not thing.thing or any(near):
            return match.span(1)
    return _adjectives(nouns)


def _naming(text: str, noun: str) -> list[Any]:
    """The sentence's tokens that name the described thing, in its word or one close in meaning."""
    if not noun:
        return []
    return [t for t in parse(text) if t.pos_ in ("NOUN", "PROPN") and _same_thing(t.text.lower(), noun)]


def _same_thing(word: str, noun: str) -> bool:
    return bool(set(terms(word)) & set(terms(noun))) or meaning.similarity(word, noun) >= SAME_THING


def _adjectives(nouns: list[Any]) -> tuple[int, int] | None:
    """"several candid, in-depth and constructive meetings" -> "candid, in-depth and constructive": the
    describing words on the thing's noun, counting ones ("several") left out."""
    for token in nouns:
        if token.pos_ != "NOUN":
            continue
        words = [c for c in token.children if c.dep_ in ("amod", "nmod") and c.i < token.i and c.lower_ not in _NOT_DESCRIBING]
        if words:
            start = min(w.left_edge.idx for w in words)
            last = max(words, key=lambda w: w.right_edge.i).right_edge
            return start, last.idx + len(last.text)
    return None

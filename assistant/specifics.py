"""What a question names that an answer must share: names the corpus must know, numbers the source must hold.

On the BBC needles the evidence score alone could not tell near misses from
answers: "How much did Google pay to buy YouTube?" retrieves confident
sentences about Google. Two signals separate them. A name in the question
that no indexed article contains means the corpus never mentions the thing
asked about. A year or number in the question ("in October 2007", "the
seventh book") that the quoted article never states means the article is
about another year or another book, or cannot show it is not: "this year" in
an undated article is refused rather than guessed (measured: BBC near misses
refused 5 -> 7 of 10; one seed question lost its best article).
"""

from __future__ import annotations

import re
from typing import Container

from assistant.terms import terms

_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
_SENTENCE_END = re.compile(r"[.!?:;\"“(]\s*$")
_NUMBER = re.compile(r"(?<![\d.])\d(?:[\d,.]*\d)?")
_ORDINAL = re.compile(
    r"\b(third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d+(st|nd|rd|th))\b",
    re.IGNORECASE,
)


def unknown_names(question: str, vocabulary: Container[str]) -> list[str]:
    """Capitalised words of the question (not opening a sentence) none of whose terms the corpus has."""
    unknown = []
    for match in _CAPITALISED.finditer(question):
        if match.start() == 0 or _SENTENCE_END.search(question[: match.start()]):
            continue
        if match.group().lower() in _CALENDAR:  # a date, not a name: articles say "on Monday" for "June 18"
            continue
        word_terms = terms(match.group())
        if word_terms and not any(term in vocabulary for term in word_terms):
            unknown.append(re.sub(r"['’]s?$", "", match.group()))
    return unknown


def unknown_names_notice(names: list[str]) -> str:
    return f"No indexed article mentions {quoted(names)}."


def quoted(words: list[str]) -> str:
    return ", ".join(f"“{word}”" for word in words)


def required_numbers(question: str) -> list[str]:
    """Numbers and ordinals past 'second' that the question pins its answer to."""
    found = [n.replace(",", "") for n in _NUMBER.findall(question)]
    found += [m.group().lower() for m in _ORDINAL.finditer(question)]
    return list(dict.fromkeys(found))


def holds_numbers(text: str, numbers: list[str]) -> bool:
    """Every required number is in the text as a whole number (thousands separators ignored).
    An article that says "this year" does not hold 2007: without its date there is no telling."""
    flat = text.replace(",", "").lower()
    return all(re.search(rf"(?<![\d.]){re.escape(n)}(?!\d|\.\d)", flat) for n in numbers)

"""Whether a number counts what the question counts: "how many subscribers" is not answered by the
"three" of "three years", "how many tonnes" not by "$413.50 an ounce", "how long a contract" not by a
three-day trip.

A count answers when the counted word stands beside it in any form ("420,000 copies pre-ordered" for
advance orders), or when the noun right after it is that word or close in meaning (MiniLM similarity);
never a span of time when things are counted, never another unit of measure.
"""

from __future__ import annotations

import re

from assistant.answer import meaning, patterns
from assistant.answer.nlp import parse
from assistant.answer.question import DURATION, NUMBER, Question, counted_noun
from assistant.terms import terms

BESIDE_WORDS = 3
BEFORE_WORDS = 6  # a bare count's noun may stand this many words before it ...
NAMED_BEFORE = 0.5  # ... and be this close to the asked thing: "population" for "people" 0.52, "sales" for "cars" 0.37
_NO_NOUN = frozenset("during in at to from after before since when while until last this on".split())  # a bare count ends here ("and" goes on)
SAME_THING = 0.4  # embedding similarity above which the noun after a count may be what "how many <noun>" counts
_SKIPPED = frozenset("of out the a an more than new extra additional other further million billion thousand hundred "
                     "around about some nearly almost over under".split())
_MEASURED = re.compile(r"\bhow long (?:a|an) ((?:[a-z'’-]+ ){0,2}?[a-z'’-]+) (?:did|does|do|is|was|were|has|have|had|will|would|could|can)\b")
_PART_OF_WHOLE = re.compile(
    rf"\s+(?:out\s+)?of\s+(?:(?:the|our|its|their|his|her|your|my)\s+)?(?:\d[\d,]*|{patterns.NUMBER_WORDS.pattern})\s+([a-z][\w-]*)",
    re.IGNORECASE,
)
_POINTERS = frozenset("those these them they which who whom each".split())  # "6,000 of those": what they count is said before
_TIME_UNITS = re.compile(r"^(?:second|minute|hour|day|week|month|year|decade|century|centurie)s?$")


def asked_thing(question: Question) -> str:
    """What a "how many" question counts, or what a "how long a ..." question measures; empty otherwise."""
    return _counted_noun(question) or _measured_noun(question)


def counts(asked: str, text: str, start: int, end: int) -> bool:
    """Whether text[start:end], a number, can be a count (or a length) of `asked`: of any of its words,
    when it is a phrase ("how long a jail term": "15 days in prison")."""
    words = [w for w in asked.split() if terms(w)]
    if len(words) > 1:
        return any(counts(word, text, start, end) for word in words)
    if _named_beside(asked, text, start, end) or _counts(asked, _noun_after(text, end)):
        return True
    if patterns.CROWD.match(asked) and patterns.ATTENDANCE.search(text[max(0, start - 15) : end]):  # "Att: 50,430"
        return True
    numbered = _NUMBER_OF.search(text[max(0, start - 80) : start])  # "increase the number of Chinese tourists by 40,000"
    if numbered and _counts(asked, numbered.group(1).lower()):
        return True
    head = _quantified_noun(text, start, end)  # "up to eight Las Vegas style resorts": the noun the count modifies
    if head and set(terms(head)) & set(terms(asked)):
        return True
    return _named_before(asked, text, start, end)


def _named_before(asked: str, text: str, start: int, end: int) -> bool:
    """A count with no noun after it ("its population rises from 7,500 to 45,000 during the festival")
    counts what the words just before it name, when one of them means the asked thing ("population" for
    "people"; "sales" for "cars" is too loose at that distance)."""
    after = patterns.WORD.findall(text[end : end + 30])
    if after and after[0].lower() not in _NO_NOUN:
        return False
    before = [w.lower() for w in patterns.WORD.findall(text[max(0, start - 80) : start])[-BEFORE_WORDS:] if w.isalpha() and len(w) >= 4]
    return bool(before) and meaning.closest(asked, before) >= NAMED_BEFORE


_NUMBER_OF = re.compile(r"\bnumber of (?:[\w'’-]+ ){0,2}?([a-z]+) (?:[\w'’-]+ ){0,3}?(?:by|to|from|at|of) (?:about |around |some |nearly |almost )?$")


def counts_named_thing(question: Question, text: str, start: int, end: int) -> bool:
    """"How much did the US networks lose?" is not answered by the "four" of "all four US TV networks": a
    bare number counting a thing the question names says how many of it there are, not how much."""
    if not re.fullmatch(rf"(?:\d[\d,]*|{patterns.NUMBER_WORDS.pattern})", text[start:end].strip(), re.IGNORECASE):
        return False
    head = _quantified_noun(text, start, end)
    return bool(head) and not patterns.UNIT.fullmatch(head) and bool(set(terms(head)) & question.terms)


def _quantified_noun(text: str, start: int, end: int) -> str:
    """The noun spaCy attaches the count to as its number ("eight" -> "resorts"), or empty."""
    for token in parse(text):
        if start <= token.idx < end and token.dep_ == "nummod" and token.head.pos_ in ("NOUN", "PROPN"):
            return str(token.head.text).lower()
    return ""


def _counted_noun(question: Question) -> str:
    """The noun a "how many" question counts ("how many paying subscribers did ..." -> "subscribers")."""
    return counted_noun(question.text) if question.type == NUMBER else ""


def _measured_noun(question: Question) -> str:
    """The thing whose length a "how long a ..." question asks, with its modifiers ("how long a prison sentence" -> "prison sentence")."""
    if question.type != DURATION:
        return ""
    match = _MEASURED.search(" ".join(question.text.lower().split()))
    return match.group(1) if match else ""


def _noun_after(text: str, end: int) -> str:
    """The first word after a count that is not a filler ("6,000 of those jobs" -> "those")."""
    if text[end : end + 1].isalnum():  # "21st", "10m": the count goes on, no noun to judge
        return ""
    paired = re.match(r"[-–]\d[\d,.]*", text[end:])  # "3-4 people", "led 9-8 early": the noun after the pair
    end += paired.end() if paired else 0
    part = _PART_OF_WHOLE.match(text, end)  # "nine of our 11 businesses": the count is of the businesses
    if part:
        return part.group(1).lower()
    for word in patterns.WORD.findall(text[end : end + 60]):
        if word.lower() not in _SKIPPED:
            return word.lower()
    return ""


def _named_beside(asked: str, text: str, start: int, end: int) -> bool:
    """The counted word itself is part of the count ("3,217 tonnes") or stands within three words of it,
    in any form ("420,000 copies pre-ordered" counts advance orders), or a word of the same meaning follows
    within three words ("15 days in prison" is a jail term)."""
    stem = terms(asked)[0] if terms(asked) else ""
    if len(stem) < 4:
        return False
    after = re.split(r"\d", text[end : end + 60], maxsplit=1)[0]  # "One dollar bought 102.55 yen": the yen are 102.55's
    around = (patterns.WORD.findall(text[max(0, start - 40) : start])[-BESIDE_WORDS:] + patterns.WORD.findall(text[start:end])
              + patterns.WORD.findall(after)[:BESIDE_WORDS])
    if any(stem in word.lower() or word.lower().startswith(stem[:5]) and len(stem) >= 5 for word in around):
        return True
    following = [w.lower() for w in patterns.WORD.findall(after)[:BESIDE_WORDS] if w.isalpha() and len(w) >= 4]
    return bool(following) and meaning.closest(asked, following) >= meaning.SAME_MEANING  # "15 days in prison" for a jail term


def _counts(asked: str, noun: str) -> bool:
    """Whether a count followed by `noun` can be a count of `asked`: the same word, or close in meaning,
    and never a span of time when things are counted."""
    if not noun or not noun.isalpha() or noun in _POINTERS or set(terms(noun)) & set(terms(asked)):
        return True
    if _TIME_UNITS.match(noun) and not _TIME_UNITS.match(asked):
        return False
    if patterns.UNIT.fullmatch(asked) or patterns.UNIT.fullmatch(noun):  # "how many tonnes": not "$413.50 an ounce"
        return False
    return meaning.similarity(asked, noun) >= SAME_THING

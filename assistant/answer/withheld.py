"""Where an article says it does not know what the question asks: "an unnamed agent", "an undisclosed fee".

News copy marks a withheld name or sum in so many words. When the sentence that best matches the
question says so, the question is a near miss ("What is the name of the agent Titan paid?"), and another
name or sum nearby (the president the agent claimed ties with) would be a confident wrong answer.
"""

from __future__ import annotations

import re

from assistant.answer.question import MONEY, NAME, ORGANISATION, PERSON, QUANTITY, Question, is_role_noun, named_thing
from assistant.terms import terms

_WITHHELD = re.compile(
    r"\b(?:an?\s+|the\s+)?(?:undisclosed|unnamed|unidentified|anonymous|unspecified|unknown)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?P<noun>[a-z][\w'’-]*)\b"
)
_SUMS = frozenset("sum sums fee fees amount price figure fine settlement damages offer bid payment cost value".split())
_SOMEONE = frozenset("man woman person people individual individuals buyer bidder collector source firm company "
                     "investor investors party parties client owner donor backer".split())


# "How much Ask Jeeves paid for Bloglines was not revealed", "financial terms were not disclosed", "declined to say how much"
_SUM_NOT_GIVEN = re.compile(
    r"\b(?:how much|(?:financial )?terms|financial details|(?:the )?(?:price|fee|sum|value|cost|amount|figure))\b[^.;]{0,60}?"
    r"\b(?:was|were|has|have|had)\s+not\s+(?:been\s+)?(?:revealed|disclosed|released|made public|given)\b|"
    r"\b(?:did not|didn't|does not|doesn't|would not|wouldn't|declined to|refused to)\s+(?:say|reveal|disclose|give)\s+"
    r"(?:how much|the (?:price|fee|sum|value|amount|terms|cost|figure))\b",
    re.IGNORECASE,
)
_NAME_NOT_GIVEN = re.compile(
    r"\b(?:identity|identities|name|names)\b[^.;]{0,40}?\b(?:was|were|has|have|had)\s+not\s+(?:been\s+)?"
    r"(?:revealed|disclosed|released|made public|given)\b|\b(?:declined|refused)\s+to\s+(?:name|identify)\b",
    re.IGNORECASE,
)


def withheld(question: Question, text: str) -> str:
    """The phrase ("an unnamed agent", "was not revealed") by which `text` says it does not give what the
    question asks; empty if none."""
    for match in _WITHHELD.finditer(text):
        if _asked(question, match.group("noun").lower()):
            return match.group().strip()
    if question.type in (MONEY, QUANTITY):
        found = _SUM_NOT_GIVEN.search(text)
    elif question.type in (PERSON, ORGANISATION, NAME):
        found = _NAME_NOT_GIVEN.search(text)
    else:
        found = None
    return found.group().strip() if found else ""


def _asked(question: Question, noun: str) -> bool:
    asked = question.noun or (named_thing(question.text) if question.type == NAME else "")  # "the name of the agent"
    if asked:  # "which editor": only an unnamed editor
        return bool(set(terms(noun)) & set(terms(asked)))
    if question.type in (MONEY, QUANTITY):
        return noun in _SUMS
    if question.type in (PERSON, ORGANISATION, NAME):
        return noun in _SOMEONE or is_role_noun(noun)
    return False

"""Where an article says it does not know what the question asks: "an unnamed agent", "an undisclosed fee".

News copy marks a withheld name or sum in so many words. When the sentence that best matches the
question says so, the question is a near miss ("What is the name of the agent Titan paid?"), and another
name or sum nearby (the president the agent claimed ties with) would be a confident wrong answer. So
would it be when the sentence tells of the act asked done by "a London dealer" and never names him.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.answer.nlp import parse
from assistant.answer.question import MONEY, NAME, ORGANISATION, OTHER, PERSON, QUANTITY, Question, is_role_noun, named_thing
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


_PLAIN_ACTS = frozenset("be have do say tell name call get make".split())  # verbs that say nothing of the act asked
_NAMING_WORDS = frozenset("named called dubbed".split())
_EXAMPLE_WORDS = frozenset("like such as".split())


def unnamed_doer(question: Question, text: str) -> str:
    """"It was bought by a London dealer who sold it on" for "Which London dealer bought the portrait?": the
    sentence tells of the act asked (one of its verbs) and of the asked noun, but only as "a dealer", with no
    name beside it. Asked of a named one ("which dealer", "the name of the fan") only."""
    asked = question.noun or (named_thing(question.text) if question.type == NAME else "")
    if not asked or question.type not in (PERSON, ORGANISATION, NAME, OTHER):
        return ""
    acts = {form for t in parse(question.text) if _is_act(t) and t.lemma_.lower() not in _PLAIN_ACTS for form in _forms(t)}
    tokens = parse(text)
    if not acts or not any(acts & _forms(t) for t in tokens if _is_act(t)):
        return ""
    for token in tokens:
        if token.lower_ != asked and token.lemma_.lower() != asked:
            continue
        article = [c for c in token.children if c.dep_ == "det" and c.lower_ in ("a", "an")]
        named = any(c.dep_ == "appos" for c in token.children) or any(c.pos_ == "PROPN" and c.i > token.i for c in token.children)
        named = named or (token.dep_ == "appos" and token.head.pos_ == "PROPN")  # "the Secret Service - a federal agency"
        following = [t for t in tokens[token.i + 1 : token.i + 4] if t.text != "," and t.lower_ not in _EXAMPLE_WORDS][:1]
        # "a dealer, Hugh Lane,", "a player like Mauro Bergamasco"
        named = named or any(t.pos_ == "PROPN" or t.lower_ in _NAMING_WORDS for t in following)
        if article and not named:
            return text[article[0].idx : token.idx + len(token.text)]
    return ""


def _is_act(token: Any) -> bool:
    """A verb, or a past participle spaCy tags as an adjective ("who rugby-tackled Ian Brown")."""
    return (token.tag_.startswith("VB") and token.pos_ != "AUX") or (token.tag_ == "JJ" and token.lower_.endswith("ed"))


def _forms(token: Any) -> set[str]:
    """The word as written and its lemma: "tackled" may be a verb in one parse and an adjective in the other."""
    return {token.lemma_.lower(), token.lower_}

"""The corpus's present: the latest year its articles report on, so a question about what happened later is a near miss.

A folder of 2005 news writes "2008" and "2010" in forecasts and plans ("by 2010", "the 2008
Olympics"), so a year the corpus knows is not a year it reports on. When the articles are dated,
the latest date says when the corpus ends; when they are not, the years the articles write most
say so: the latest year written at least half as often as the most written one. "Why did
Iceland's banks collapse in 2008?" then asks, in the past tense, about a time after it.
"""

from __future__ import annotations

import math
import re
from typing import Any, Collection

from assistant.answer.nlp import parse

CURRENT_SHARE = 0.5  # a year written in at least this share of the chunks that write the most written year is reported on
MIN_MENTIONS_IDF = 6.0  # ... when that year is written often enough to tell (an idf below this: dozens of chunks)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NOT_WHEN = re.compile(r"\b(?:by|until|till|through|before|for|from|to|ahead of|since)\s+(?:\w+\s+)?$", re.IGNORECASE)
_PLANNED = frozenset("budget plan plans target targets forecast forecasts bid deadline strategy goal season".split())


def present_year(idf: dict[str, float], dated_years: Collection[str]) -> int | None:
    """The latest year the corpus reports on: its latest article date, else the latest year it writes at least
    CURRENT_SHARE as often as its most written year; None when it says too little of years to tell."""
    dated = [int(y) for y in dated_years if _YEAR.match(y)]
    if dated:
        return max(dated)
    years = {int(term): value for term, value in idf.items() if _YEAR.match(term)}
    if not years or min(years.values()) > MIN_MENTIONS_IDF:
        return None
    most = min(years.values())  # the lowest idf: the most chunks
    return max(year for year, value in years.items() if math.exp(most - value) >= CURRENT_SHARE)


def later_years(question: str, years: Collection[str], present: int | None) -> list[str]:
    """The years after `present` that the question gives as when something it asks about in the past tense
    happened ("cut its rate in March 2009", "won the 2007 federal election"); not a year something is due by
    ("by 2010") or planned for ("the 2006 budget")."""
    late = [y for y in years if present is not None and int(y) > present]
    if not late:
        return []
    found = []
    for token in parse(question):
        if token.text not in late or _NOT_WHEN.search(question[: token.idx]) or not _in_past(token):
            continue
        if token.head.lemma_.lower() in _PLANNED or any(t.lemma_.lower() in _PLANNED for t in token.head.children):
            continue
        found.append(token.text)
    return list(dict.fromkeys(found))


def _in_past(token: Any) -> bool:
    """The verb the year's phrase hangs from is in the past tense ("won the 2007 election", "did ... cut ... in
    2009"), not "will rise in 2007" or "to co-host the 2011 World Cup"."""
    verb = _verb_over(token)
    if verb.tag_ == "VBN" and verb.dep_ == "acl":  # "won the World Cup held in 2010": the tense of "won"
        verb = _verb_over(verb)
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _verb_over(token: Any) -> Any:
    """The nearest verb the token's phrase hangs from (the root when there is none)."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def notice(years: list[str], present: int) -> str:
    return (f"The indexed articles report on events up to {present}; later years appear in them only as plans "
            f"or forecasts, so they cannot say what happened in {' or '.join(years)}.")

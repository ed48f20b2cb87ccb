"""Does a passage contain the kind of thing the question asks for?

"How old is Qin Gang?" retrieves sentences about Qin Gang that hold no age;
embeddings rate them close, so the extractive backend also checks that
quantity questions get a number and time questions get a date or time word.
"""

from __future__ import annotations

import re

_QUANTITY_QUESTION = re.compile(r"\bhow (many|much|old|long|far|big|large)\b|\bwhat (percentage|share|number|amount)\b", re.I)
_TIME_QUESTION = re.compile(r"^\s*when\b|\b(what|which) (date|year|month|day)\b|\bon what day\b", re.I)

_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|billion|dozen|single|double|half|several|few|no specific)\b",
    re.I,
)
_TIME = re.compile(
    r"\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|"
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|today|tonight|yesterday|tomorrow|"
    r"morning|evening|week|month|year|new year|christmas|since|before|after|earlier|later|previous|last|next)\b",
    re.I,
)


def expected_type(question: str) -> str:
    """'quantity', 'time' or '' (anything goes)."""
    if _QUANTITY_QUESTION.search(question):
        return "quantity"
    if _TIME_QUESTION.search(question):
        return "time"
    return ""


def has_expected_type(question: str, passage: str) -> bool:
    wanted = expected_type(question)
    if wanted == "quantity":
        return bool(_NUMBER.search(passage))
    if wanted == "time":
        return bool(_TIME.search(passage))
    return True

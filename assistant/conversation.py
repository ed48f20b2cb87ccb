"""Follow-up questions ("and when was that?") made standalone before retrieval.

The extractive backend has no model to rewrite with, so a question that leans
on the conversation (a pronoun, a leading "and", very few words) is joined to
the previous question; the generative backend asks its model instead
(prompts/condense.txt).
"""

from __future__ import annotations

import re

Turn = tuple[str, str]  # (user question, assistant answer)

_DEPENDENT = re.compile(
    r"^\s*(and|but|also|so|then|what about|how about|why|when|where)\b|"
    r"\b(he|she|it|they|them|him|her|his|its|their|that|this|those|these|there|then)\b",
    re.IGNORECASE,
)
MAX_FOLLOW_UP_WORDS = 10


def is_follow_up(question: str) -> bool:
    return len(question.split()) <= MAX_FOLLOW_UP_WORDS and bool(_DEPENDENT.search(question))


def standalone_question(question: str, history: list[Turn] | None) -> str:
    """The question to search with: unchanged, or joined to the last question it depends on."""
    if not history or not is_follow_up(question):
        return question
    previous = history[-1][0].strip()
    return f"{previous} {question}"

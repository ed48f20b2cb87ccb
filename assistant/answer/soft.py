"""Question words the sentence says in other words: "scholar" for "academic", "monster" for "creature".

A sentence that paraphrases the question holds few of its terms, so its
evidence undersells it. Each question word the sentence lacks counts for
part of its weight when a word of the sentence is close in meaning (MiniLM
similarity of the two words). Word vectors are cached across questions.
MiniLM knows some paraphrases and misses others ("named" and "appointed"
score 0.3), so this ranks sentences; it never decides a refusal.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from assistant.answer.evidence import Sentence, term_weights
from assistant.answer.question import Question
from assistant.batch_cache import BatchCache
from assistant.terms import terms

SAME_MEANING = 0.6  # as refuse.SAME_WORD; dev facts were 258-260 anywhere from 0.4 to 0.65
SHARE = 0.3  # of a paraphrased word's weight (dev: 0.2 and 0.3 gave 258 facts, 0.5 gave 257, none 254)
CHECKED = 30  # the best sentences looked at: the candidates come from these
CACHE_SIZE = 20_000  # word vectors kept (384 floats each: about 30 MB when full)
_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
_vectors: BatchCache[str, np.ndarray] = BatchCache(CACHE_SIZE)


def reweighed(sentences: list[Sentence], question: Question, idf: dict[str, float]) -> list[Sentence]:
    """The sentences, the best CHECKED of them with their cover raised by the question's words they say
    in other words (each such word adds SHARE of its weight, times the similarity)."""
    weights = term_weights(question.terms, idf, question.asked)
    wanted: dict[str, str] = {}  # a question term -> the question's word for it, as written
    for word in question.focus:
        found = terms(word)
        if found and found[0] in weights and word.islower():
            wanted.setdefault(found[0], word)
    if not wanted:
        return sentences
    total = sum(weights.values()) or 1.0
    best = sorted(sentences, key=lambda s: s.evidence, reverse=True)[:CHECKED]
    said = {id(s): [w.lower() for w in _WORD.findall(s.text) if terms(w)] for s in best}
    vectors = _encode(sorted({w for words in said.values() for w in words} | set(wanted.values())))
    raised: dict[int, Sentence] = {}
    for sentence in best:
        if not said[id(sentence)]:
            continue
        matrix = np.stack([vectors[w] for w in said[id(sentence)]])
        extra = 0.0
        for term, word in wanted.items():
            if term not in sentence.words:
                similarity = float((matrix @ vectors[word]).max())
                if similarity >= SAME_MEANING:
                    extra += SHARE * weights[term] * similarity
        if extra:
            raised[id(sentence)] = replace(sentence, cover=sentence.cover + extra / total)
    return [raised.get(id(s), s) for s in sentences]


def _encode(words: list[str]) -> dict[str, np.ndarray]:
    return dict(zip(words, _vectors.get_many(words, _embedded, np.zeros(0, dtype=np.float32))))


def _embedded(words: list[str]) -> list[np.ndarray]:
    from assistant.embeddings import shared_encoder

    return list(shared_encoder().encode(words))

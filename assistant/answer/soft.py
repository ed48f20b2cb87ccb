"""Question words the sentence says in other words: "scholar" for "academic", "monster" for "creature".

A sentence that paraphrases the question holds few of its terms, so its
evidence undersells it. Each question word the sentence lacks counts for
part of its weight when a word of the sentence is close in meaning (MiniLM
similarity of the two words, `meaning.py`).
MiniLM knows some paraphrases and misses others ("named" and "appointed"
score 0.3), so this ranks sentences; it never decides a refusal.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from assistant.answer import meaning
from assistant.answer.evidence import Sentence, term_weights
from assistant.answer.question import Question
from assistant.terms import terms

SHARE = 0.3  # of a paraphrased word's weight (dev: 0.2 and 0.3 gave 258 facts, 0.5 gave 257, none 254)
CHECKED = 30  # the best sentences looked at: the candidates come from these
_WORD = re.compile(r"[A-Za-z][a-z]{3,}")


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
    vectors = meaning.vectors(sorted({w for words in said.values() for w in words} | set(wanted.values())))
    raised: dict[int, Sentence] = {}
    for sentence in best:
        if not said[id(sentence)]:
            continue
        matrix = np.stack([vectors[w] for w in said[id(sentence)]])
        extra = 0.0
        for term, word in wanted.items():
            if term not in sentence.words:
                similarity = float((matrix @ vectors[word]).max())
                if similarity >= meaning.SAME_MEANING:  # dev facts were 258-260 anywhere from 0.4 to 0.65
                    extra += SHARE * weights[term] * similarity
        if extra:
            raised[id(sentence)] = replace(sentence, cover=sentence.cover + extra / total)
    return [raised.get(id(s), s) for s in sentences]

"""How close two words are in meaning: MiniLM vectors of single words, cached across questions.

The reader asks this in three places: whether the noun after a count is what
"how many" counts, whether the best sentences speak of a counted thing in
other words ("workforce" for "workers"), and which question words a
sentence paraphrases. One cache serves them all; the model loads on the
first word that needs it.
"""

from __future__ import annotations

import numpy as np

from assistant.batch_cache import BatchCache

SAME_MEANING = 0.6  # "workers"/"workforce" 0.70, "academic"/"scholar" 0.68; "points"/"percent" 0.28
CACHE_SIZE = 20_000  # word vectors kept (384 floats each: about 30 MB when full)
_vectors: BatchCache[str, np.ndarray] = BatchCache(CACHE_SIZE)


def vectors(words: list[str]) -> dict[str, np.ndarray]:
    """Unit-length vectors of the words, computing in one batch those not cached."""
    return dict(zip(words, _vectors.get_many(words, _embedded, np.zeros(0, dtype=np.float32))))


def similarity(first: str, second: str) -> float:
    """Cosine of two words' vectors: "contract" and "deal" 0.47, "trip" and "talks" 0.33."""
    found = vectors([first, second])
    return float(found[first] @ found[second])


def closest(word: str, others: list[str]) -> float:
    """The highest similarity of the word to any of the others (0 for none)."""
    if not others:
        return 0.0
    found = vectors(list(dict.fromkeys([word, *others])))
    return float((np.stack([found[w] for w in others]) @ found[word]).max())


def _embedded(words: list[str]) -> list[np.ndarray]:
    from assistant.embeddings import shared_encoder

    return list(shared_encoder().encode(words))

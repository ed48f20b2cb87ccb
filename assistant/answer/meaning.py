"""How close two words are in meaning: MiniLM vectors of single words, cached across questions.

The reader asks this in three places: whether the noun after a count is what
"how many" counts, whether the best sentences speak of a counted thing in
other words ("workforce" for "workers"), and which question words a
sentence paraphrases. One cache serves them all; the model loads on the
first word that needs it. Words the index saved vectors for while indexing
(`word_vectors.py`) are read from there; the model runs on the others only.
"""

from __future__ import annotations

import threading
from collections import deque
from pathlib import Path

import numpy as np

from assistant import word_vectors
from assistant.batch_cache import BatchCache

SAME_MEANING = 0.6  # "workers"/"workforce" 0.70, "academic"/"scholar" 0.68; "points"/"percent" 0.28
CACHE_SIZE = 20_000  # word vectors kept (384 floats each: about 30 MB when full)
_vectors: BatchCache[str, np.ndarray] = BatchCache(CACHE_SIZE)
_saved_lock = threading.Lock()
_saved: dict[Path, word_vectors.WordVectors | None] = {}  # index folders' saved vectors, loaded on first use
_computed: deque[str] = deque(maxlen=100_000)


def use_saved(folder: Path) -> None:
    """Read word vectors from the index folder's saved file, (re)loaded on the next word asked.
    Any index's file serves every question: a word's vector does not depend on the corpus."""
    with _saved_lock:
        _saved[folder] = None


def words_computed() -> list[str]:
    """The words the model has run on in this process, oldest first (benchmarks and tests read it)."""
    with _saved_lock:
        return list(_computed)


def forget() -> None:
    """Drop the vectors this process remembers, so that the next words asked are looked up again (tests)."""
    _vectors.clear()
    with _saved_lock:
        for folder in _saved:
            _saved[folder] = None


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

    found: dict[str, np.ndarray] = {}
    for saved in _saved_vectors():
        found.update(saved.known(w for w in words if w not in found))
    missing = [w for w in words if w not in found]
    if missing:
        found.update(zip(missing, shared_encoder().encode(missing)))
        with _saved_lock:
            _computed.extend(missing)
    return [found[w] for w in words]


def _saved_vectors() -> list[word_vectors.WordVectors]:
    with _saved_lock:
        for folder, loaded in _saved.items():
            if loaded is None:
                _saved[folder] = word_vectors.load(folder) or word_vectors.WordVectors.empty()
        return [v for v in _saved.values() if v is not None and v.words]

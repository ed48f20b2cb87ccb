"""MiniLM vectors of the corpus's words, made while indexing and saved beside the BM25 index.

The reader asks how close words are in meaning (`answer/meaning.py`): the
words of its best thirty sentences against the question's. Run at question
time, the model spends about 1.4 ms on each new word, 50-60 ms a question at
2,225 BBC articles; read from this file, nothing. Indexing embeds the words
two or more chunks write (a word only one chunk writes, a third of the BBC
corpus's words and half of a small corpus's, is left to the question that
needs it: about 5 words, 7 ms, a question), and drops those no two chunks
write any more, so a deleted article's names leave with it.

It is a cache, never a source of truth: a word's vector is the model's
whatever the corpus, so a reader whose file is missing, old or unreadable
runs the model on the words it lacks and answers the same. The file is local
to the index folder: a Chroma server's other clients go without.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import Iterable

import numpy as np

from assistant.terms import terms

CURRENT_FILE = "current.json"
DIMENSION = 384
# Lower-cased words of three letters or more that are not stopwords: what meaning.py is asked about.
_WORD = re.compile(r"[A-Za-z][a-z]{2,}")
_DIGEST = re.compile(r"[0-9a-f]{16}")
SAVED_NAME = re.compile(r"(current\.json|(words|vectors)-[0-9a-f]{16}\.(json|npy))(\.tmp)?")


def words_written(texts: Iterable[str], by_at_least: int = 1) -> set[str]:
    """The words the reader may ask about that this many of the texts write (a vector is kept for
    those two or more chunks write)."""
    written: Counter[str] = Counter()
    for text in texts:
        written.update({word.lower() for word in _WORD.findall(text)})
    return {word for word, texts_writing in written.items() if texts_writing >= by_at_least and terms(word)}


class WordVectors:
    """Words and their unit-length vectors, row by row."""

    def __init__(self, words: list[str], matrix: np.ndarray, stamp: str = "") -> None:
        """`stamp`: the ledger stamp of the index whose words these are, when saved."""
        self.words = words
        self.matrix = matrix
        self.stamp = stamp
        self.rows = {word: row for row, word in enumerate(words)}

    @classmethod
    def empty(cls) -> "WordVectors":
        return cls([], np.zeros((0, DIMENSION), dtype=np.float32))

    @classmethod
    def joined(cls, parts: list["WordVectors"]) -> "WordVectors":
        """One set of distinct words from several."""
        words = [word for part in parts for word in part.words]
        matrix = np.concatenate([p.matrix for p in parts]) if parts else cls.empty().matrix
        return cls(words, matrix.astype(np.float32, copy=False))

    def known(self, words: Iterable[str]) -> dict[str, np.ndarray]:
        """The vectors of those of the words this holds."""
        return {word: self.matrix[self.rows[word]] for word in words if word in self.rows}

    def updated(self, wanted: set[str], fresh: "WordVectors") -> "WordVectors":
        """The wanted words only: their rows here or in `fresh` (vectors computed since)."""
        kept = [word for word in self.words if word in wanted]
        added = [word for word in fresh.words if word in wanted and word not in self.rows]
        parts = [self.matrix[[self.rows[w] for w in kept]], fresh.matrix[[fresh.rows[w] for w in added]]]
        return WordVectors(kept + added, np.concatenate(parts).astype(np.float32, copy=False))


def embed(words: list[str]) -> WordVectors:
    """Run the model on the words, through the encoder's memo: a process that indexes again (a test
    suite, a watcher) embeds a word once."""
    from assistant.embeddings import shared_encoder

    if not words:
        return WordVectors.empty()
    return WordVectors(list(words), shared_encoder().encode(list(words)))


def load(folder: Path, mapped: bool = False) -> WordVectors | None:
    """The saved vectors, or None when there are none or they do not fit together. `mapped` reads
    only the words and the array's header (whether an indexing run must make the file again)."""
    from assistant.embeddings import MODEL_NAME

    try:
        current = json.loads((folder / CURRENT_FILE).read_text())
        if current.get("model") != MODEL_NAME or not _DIGEST.fullmatch(str(current.get("digest"))):
            return None  # another model's vectors, or a hand-edited name that could point outside the folder
        words = json.loads((folder / f"words-{current['digest']}.json").read_text())
        matrix = np.load(folder / f"vectors-{current['digest']}.npy", mmap_mode="r" if mapped else None, allow_pickle=False)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not isinstance(words, list) or matrix.shape != (len(words), DIMENSION) or matrix.dtype != np.float32:
        return None
    return WordVectors(words, matrix, str(current.get("stamp", "")))


def save(folder: Path, vectors: WordVectors, stamp: str) -> None:
    """The words and vectors under a name of their own, then the pointer to them (atomically):
    a reader never takes a half-written save. Older versions are removed afterwards."""
    from assistant.embeddings import MODEL_NAME

    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256("\n".join(vectors.words).encode("utf-8")).hexdigest()[:16]
    words_file, vectors_file = folder / f"words-{digest}.json", folder / f"vectors-{digest}.npy"
    _atomic(words_file, json.dumps(vectors.words).encode("utf-8"))
    _atomic(vectors_file, _npy(vectors.matrix))
    _atomic(folder / CURRENT_FILE, json.dumps({"digest": digest, "model": MODEL_NAME, "stamp": stamp}).encode("utf-8"))
    remove_saved_files(folder, keep={CURRENT_FILE, words_file.name, vectors_file.name})


def remove_saved_files(folder: Path, keep: set[str] | None = None) -> None:
    """Delete the files this module writes, by their names, except `keep`; nothing else."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.name not in (keep or set()) and SAVED_NAME.fullmatch(path.name) and path.is_file():
            path.unlink(missing_ok=True)


def _atomic(path: Path, content: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(content)
    temporary.replace(path)


def _npy(matrix: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, matrix, allow_pickle=False)
    return buffer.getvalue()

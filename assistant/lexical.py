"""The BM25 side of hybrid retrieval, persisted beside Chroma and stamped with the ledger it matches.

bm25s scores a 10k-chunk corpus in about a millisecond. The index is rebuilt
from the chunk texts once per indexing run that changed something (never per
query) and saved with bm25s's own format, so loading it costs no tokenising.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bm25s

from assistant.filters import Filters
from assistant.terms import terms

STAMP_FILE = "stamp.json"
CHUNKS_FILE = "chunks.json"
BM25_DIR = "bm25"


def ledger_stamp(entries: dict[str, Any]) -> str:
    """A fingerprint of which file versions an index holds."""
    digest = hashlib.sha256()
    for source in sorted(entries):
        digest.update(f"{source}\0{entries[source].digest}\n".encode())
    return digest.hexdigest()


@dataclass
class LexicalHit:
    position: int
    score: float


class LexicalIndex:
    """BM25 over chunk texts (with titles), plus the chunk metadata needed to cite a hit."""

    def __init__(
        self,
        ids: list[str],
        texts: list[str],
        metas: list[dict[str, Any]],
        stamp: str,
        bm25: bm25s.BM25 | None = None,
        idf: dict[str, float] | None = None,
    ) -> None:
        self.ids, self.texts, self.metas, self.stamp = ids, texts, metas, stamp
        if bm25 is None or idf is None:
            tokenized = [terms(f"{m.get('title', '')}\n{t}") for t, m in zip(texts, metas)]
            bm25 = bm25s.BM25()
            if tokenized:
                bm25.index(tokenized, show_progress=False)
            idf = _idf(tokenized)
        self.bm25, self.idf = bm25, idf

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex | None":
        """The saved index, or None when there is none or it is incomplete (then it is rebuilt)."""
        try:
            stamp = json.loads((folder / STAMP_FILE).read_text())["stamp"]
            saved = json.loads((folder / CHUNKS_FILE).read_text())
            if saved.get("stamp") != stamp:
                return None
            bm25 = bm25s.BM25.load(str(folder / BM25_DIR), show_progress=False) if saved["ids"] else None
        except (OSError, ValueError, KeyError):
            return None
        return cls(saved["ids"], saved["texts"], saved["metas"], stamp, bm25, saved["idf"])

    def save(self, folder: Path) -> None:
        """BM25 and chunks first, stamp last (atomically): a half-written save is never taken as current."""
        folder.mkdir(parents=True, exist_ok=True)
        if self.ids:
            self.bm25.save(str(folder / BM25_DIR), show_progress=False)
        payload = {"stamp": self.stamp, "ids": self.ids, "texts": self.texts, "metas": self.metas, "idf": self.idf}
        _atomic_write(folder / CHUNKS_FILE, json.dumps(payload))
        _atomic_write(folder / STAMP_FILE, json.dumps({"stamp": self.stamp}))

    def search(self, query: str, k: int, filters: Filters | None = None) -> list[LexicalHit]:
        """Best-scoring chunks for the query's terms (none when no term is known), within the filters."""
        vocab = self.bm25.vocab_dict or {}
        query_terms = [t for t in terms(query) if t in vocab]
        if not query_terms or not self.ids:
            return []
        k = min(k, len(self.ids))
        mask = filters.mask(self.metas) if filters and filters.active else None
        positions, scores = self.bm25.retrieve(
            [query_terms], k=k, show_progress=False, n_threads=1, weight_mask=mask
        )
        return [
            LexicalHit(int(p), float(s)) for p, s in zip(positions[0], scores[0]) if s > 0
        ]

    def __len__(self) -> int:
        return len(self.ids)


def _idf(tokenized: list[list[str]]) -> dict[str, float]:
    frequency: Counter[str] = Counter()
    for chunk_terms in tokenized:
        frequency.update(set(chunk_terms))
    total = max(len(tokenized), 1)
    return {term: math.log(1 + (total - df + 0.5) / (df + 0.5)) for term, df in frequency.items()}


def _atomic_write(path: Path, content: str) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(content)
    temporary.replace(path)



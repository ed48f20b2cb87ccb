"""The BM25 side of hybrid retrieval, persisted beside Chroma and stamped with the ledger it matches.

bm25s scores a 10k-chunk corpus in about a millisecond. The chunk list is
kept incrementally: an indexing run drops the chunks of changed and removed
files and appends the new ones, tokenising only those; each chunk's terms are
saved with it. BM25's weights depend on the whole corpus (idf, mean length),
so bm25s then recomputes its score matrix from the saved terms (under a second
at 27k chunks), once per run that changed something and never per query.
It is saved in bm25s's own format, so loading it costs no tokenising.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bm25s

from assistant.filters import Filters
from assistant.terms import TERMS_VERSION, terms

STAMP_FILE = "stamp.json"
CHUNKS_FILE = "chunks.json"
TOKENS_FILE = "tokens.json"
BM25_DIR = "bm25"
# Every name save() writes: the stamp, versioned chunks/tokens/bm25, and their temporary files.
SAVED_NAME = re.compile(r"(stamp\.json|(chunks|tokens)-[0-9a-f]{16}\.json|bm25-[0-9a-f]{16})(\.tmp)?")


def ledger_stamp(entries: dict[str, Any]) -> str:
    """A fingerprint of which file versions an index holds, and of how their terms were read."""
    digest = hashlib.sha256(f"terms {TERMS_VERSION}\n".encode())
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
        bm25: bm25s.BM25,
        idf: dict[str, float],
        tokens: list[list[str]] | Path,
    ) -> None:
        """`tokens` are the chunks' terms, or the saved file holding them (read only to update)."""
        self.ids, self.texts, self.metas, self.stamp = ids, texts, metas, stamp
        self.bm25, self.idf, self._tokens = bm25, idf, tokens

    @classmethod
    def build(
        cls,
        ids: list[str],
        texts: list[str],
        metas: list[dict[str, Any]],
        stamp: str,
        tokens: list[list[str]] | None = None,
    ) -> "LexicalIndex":
        """Index chunks; pass `tokens` when their terms are already known."""
        if tokens is None:
            tokens = [chunk_terms(text, meta) for text, meta in zip(texts, metas)]
        bm25 = bm25s.BM25()
        if tokens:
            bm25.index(tokens, show_progress=False)
        return cls(ids, texts, metas, stamp, bm25, _idf(tokens), tokens)

    def updated(
        self, dropped_sources: set[str], added: list[tuple[str, str, dict[str, Any]]], stamp: str
    ) -> "LexicalIndex":
        """A new index without the chunks of `dropped_sources`, plus the `added` (id, text, meta):
        only the added chunks are tokenised."""
        old_tokens = self.tokens()
        keep = [n for n, meta in enumerate(self.metas) if meta.get("source") not in dropped_sources]
        return LexicalIndex.build(
            [self.ids[n] for n in keep] + [chunk_id for chunk_id, _, _ in added],
            [self.texts[n] for n in keep] + [text for _, text, _ in added],
            [self.metas[n] for n in keep] + [meta for _, _, meta in added],
            stamp,
            [old_tokens[n] for n in keep] + [chunk_terms(text, meta) for _, text, meta in added],
        )

    def tokens(self) -> list[list[str]]:
        """Each chunk's terms; tokenised afresh if another process's save has replaced the file."""
        if isinstance(self._tokens, Path):
            try:
                saved = json.loads(self._tokens.read_text())
            except (OSError, ValueError):
                saved = None
            if not isinstance(saved, list) or len(saved) != len(self.ids):
                saved = [chunk_terms(text, meta) for text, meta in zip(self.texts, self.metas)]
            self._tokens = saved
        return self._tokens

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex | None":
        """The saved index, or None when there is none or it is incomplete (then it is rebuilt)."""
        try:
            stamp = json.loads((folder / STAMP_FILE).read_text())["stamp"]
            saved = json.loads((folder / _versioned(CHUNKS_FILE, stamp)).read_text())
            tokens = folder / _versioned(TOKENS_FILE, stamp)
            if saved.get("stamp") != stamp or not tokens.is_file():
                return None
            bm25 = (
                bm25s.BM25.load(str(folder / _versioned(BM25_DIR, stamp)), show_progress=False)
                if saved["ids"]
                else bm25s.BM25()
            )
            index = cls(saved["ids"], saved["texts"], saved["metas"], stamp, bm25, saved["idf"], tokens)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return index if index.consistent() else None

    def consistent(self) -> bool:
        """Whether the saved parts fit together (a hand-edited file would make searches fail)."""
        sizes = {len(self.ids), len(self.texts), len(self.metas)}
        documents = int(self.bm25.scores.get("num_docs", 0)) if self.ids else 0
        return (
            len(sizes) == 1
            and documents == len(self.ids)
            and all(isinstance(meta, dict) for meta in self.metas)
            and all(isinstance(text, str) for text in self.texts)
            and isinstance(self.idf, dict)
        )

    def save(self, folder: Path) -> None:
        """Files named after the stamp first, the stamp last (atomically): a half-written
        save is never taken as current. Older versions are removed afterwards."""
        folder.mkdir(parents=True, exist_ok=True)
        if self.ids:
            self.bm25.save(str(folder / _versioned(BM25_DIR, self.stamp)), show_progress=False)
        _atomic_write(folder / _versioned(TOKENS_FILE, self.stamp), json.dumps(self.tokens()))
        payload = {"stamp": self.stamp, "ids": self.ids, "texts": self.texts, "metas": self.metas, "idf": self.idf}
        _atomic_write(folder / _versioned(CHUNKS_FILE, self.stamp), json.dumps(payload))
        _atomic_write(folder / STAMP_FILE, json.dumps({"stamp": self.stamp}))
        current = {_versioned(name, self.stamp) for name in (BM25_DIR, TOKENS_FILE, CHUNKS_FILE)} | {STAMP_FILE}
        remove_saved_files(folder, keep=current)

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


def chunk_terms(text: str, meta: dict[str, Any]) -> list[str]:
    """What BM25 indexes for a chunk: its article's title, then its text."""
    return terms(f"{meta.get('title', '')}\n{text}")


def _idf(tokenized: list[list[str]]) -> dict[str, float]:
    frequency: Counter[str] = Counter()
    for chunk_terms in tokenized:
        frequency.update(set(chunk_terms))
    total = max(len(tokenized), 1)
    return {term: math.log(1 + (total - df + 0.5) / (df + 0.5)) for term, df in frequency.items()}


def remove_saved_files(folder: Path, keep: set[str] | None = None) -> None:
    """Delete the files and folders this module writes, by their names, except `keep`; anything
    else a user put in the folder stays."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.name in (keep or set()) or not SAVED_NAME.fullmatch(path.name):
            continue
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink(missing_ok=True)


def _versioned(name: str, stamp: str) -> str:
    """`chunks.json` of stamp ab12... -> `chunks-ab12....json`: each version has files of its own."""
    stem, dot, suffix = name.partition(".")
    return f"{stem}-{stamp[:16]}{dot}{suffix}"


def _atomic_write(path: Path, content: str) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(content)
    temporary.replace(path)



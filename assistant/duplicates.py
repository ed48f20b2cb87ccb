"""Near-duplicate articles (one wire story on two sites) found at indexing time.

An article is the same story as an indexed one when at least STORY_SHARE of
the smaller article's chunks have a near-identical chunk (cosine >= SAME_CHUNK)
in the other. Measured on the seeds: the AP story on the June phone call and
its rewrite share 33% at 0.8, unrelated coverage of the same events at most
10%; exact copies in the BBC corpus share 100%. Every chunk carries the
`story` of its article (the source of the first copy indexed), so answers
can tell corroboration from repetition.

Chunks written earlier in the same run are compared in memory (one matrix
product per batch: 1 s for 4,096 new against 27k earlier chunks, where a
Chroma query of the same vectors took 4 s); Chroma is asked only about chunks
that were indexed before the run.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from chromadb.api.models.Collection import Collection

SAME_CHUNK = 0.8
STORY_SHARE = 0.3
NEIGHBOURS = 4
IN_MEMORY_CHUNKS = 100_000  # 150 MB of vectors; past that Chroma's HNSW search is the cheaper way


@dataclass
class RunVectors:
    """The chunk vectors one indexing run has written so far, with their article and story."""

    blocks: list[np.ndarray] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)
    _matrix: np.ndarray | None = None

    @property
    def full(self) -> bool:
        """Past IN_MEMORY_CHUNKS later chunks are not kept: ask Chroma about them as well."""
        return len(self.sources) >= IN_MEMORY_CHUNKS

    def add(self, vectors: np.ndarray, source: str, story: str) -> None:
        if self.full:
            return
        self.blocks.append(vectors)
        self.sources.extend([source] * len(vectors))
        self.stories.extend([story] * len(vectors))
        self._matrix = None

    def neighbours(self, vectors: np.ndarray) -> list[list[tuple[str, str]]]:
        """(source, story) of the near-identical written chunks of each vector, best first."""
        if not self.sources:
            return [[] for _ in range(len(vectors))]
        if self._matrix is None:
            self._matrix = np.vstack(self.blocks)
            self.blocks = [self._matrix]
        similar = vectors @ self._matrix.T
        result = []
        for row in similar:
            hits = np.nonzero(row >= SAME_CHUNK)[0]
            best = hits[np.argsort(-row[hits])][:NEIGHBOURS]
            result.append([(self.sources[h], self.stories[h]) for h in best])
        return result


def assign_stories(
    batch: list[tuple[str, np.ndarray]],
    chunks: Collection | None,
    chunk_counts: dict[str, int],
    written: RunVectors,
) -> list[str]:
    """Story ids for a batch of (source, chunk vectors), compared with the chunks this run wrote
    before (`written`, which the batch joins), those indexed before the run (`chunks`, one
    Chroma query; None when there are none) and each other (earlier articles first)."""
    sources = [source for source, _ in batch]
    sizes = [len(vectors) for _, vectors in batch]
    if not sum(sizes):
        return sources
    stacked = np.vstack([vectors for _, vectors in batch if len(vectors)])
    indexed = _indexed_neighbours(stacked, chunks, set(sources)) if chunks is not None else [[] for _ in stacked]
    neighbours = [a + b for a, b in zip(indexed, written.neighbours(stacked))]
    within = stacked @ stacked.T
    offsets = np.cumsum([0] + sizes)
    stories: list[str] = []
    for number, source in enumerate(sources):
        rows = range(offsets[number], offsets[number + 1])
        matched: dict[str, set[int]] = defaultdict(set)
        story_of: dict[str, str] = {}
        for row in rows:
            for other, story in neighbours[row]:
                matched[other].add(row)
                story_of[other] = story
        for earlier in range(number):
            block = within[offsets[number] : offsets[number + 1], offsets[earlier] : offsets[earlier + 1]]
            if block.size:
                hits = np.nonzero(block.max(axis=1) >= SAME_CHUNK)[0]
                matched[sources[earlier]].update(int(offsets[number] + h) for h in hits)
                story_of[sources[earlier]] = stories[earlier]
        counts = {**chunk_counts, **dict(zip(sources, sizes))}
        stories.append(_story(source, sizes[number], matched, story_of, counts))
    for (source, vectors), story in zip(batch, stories):
        written.add(vectors, source, story)
    return stories


def _indexed_neighbours(vectors: np.ndarray, chunks: Collection, replaced: set[str]) -> list[list[tuple[str, str]]]:
    """(source, story) of the near-identical indexed chunks of each vector, ignoring files being replaced."""
    if chunks.count() == 0:
        return [[] for _ in range(len(vectors))]
    found = chunks.query(
        query_embeddings=vectors, n_results=min(NEIGHBOURS, chunks.count()), include=["metadatas", "distances"]
    )
    result = []
    for metas, distances in zip(found["metadatas"] or [], found["distances"] or []):
        result.append([
            (str(m["source"]), str(m.get("story") or m["source"]))
            for m, d in zip(metas, distances)
            if 1.0 - d >= SAME_CHUNK and str(m["source"]) not in replaced
        ])
    return result


def _story(
    source: str, size: int, matched: dict[str, set[int]], story_of: dict[str, str], counts: dict[str, int]
) -> str:
    best, share = source, 0.0
    for other, rows in matched.items():
        fraction = len(rows) / max(1, min(size, counts.get(other, size)))
        if fraction > share:
            best, share = other, fraction
    return story_of[best] if best != source and share >= STORY_SHARE else source

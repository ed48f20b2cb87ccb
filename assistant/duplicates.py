"""Near-duplicate articles (one wire story on two sites) found at indexing time.

An article is the same story as an indexed one when at least STORY_SHARE of
the smaller article's chunks have a near-identical chunk (cosine >= SAME_CHUNK)
in the other. Measured on the seeds: the AP story on the June phone call and
its rewrite share 33% at 0.8, unrelated coverage of the same events at most
10%; exact copies in the BBC corpus share 100%. Every chunk carries the
`story` of its article (the source of the first copy indexed), so answers
can tell corroboration from repetition.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from chromadb.api.models.Collection import Collection

SAME_CHUNK = 0.8
STORY_SHARE = 0.3
NEIGHBOURS = 4


def find_story(
    source: str, vectors: np.ndarray, chunks: Collection, chunk_counts: dict[str, int]
) -> str:
    """The story id for an article: an indexed near-duplicate's story, or the article's own source."""
    if len(vectors) == 0 or chunks.count() == 0:
        return source
    found = chunks.query(
        query_embeddings=vectors.tolist(), n_results=min(NEIGHBOURS, chunks.count()), include=["metadatas", "distances"]
    )
    matched: dict[str, set[int]] = defaultdict(set)
    stories: dict[str, str] = {}
    for number, (metas, distances) in enumerate(zip(found["metadatas"] or [], found["distances"] or [])):
        for meta, distance in zip(metas, distances):
            other = str(meta["source"])
            if other != source and 1.0 - distance >= SAME_CHUNK:
                matched[other].add(number)
                stories[other] = str(meta.get("story") or other)
    best, share = source, 0.0
    for other, numbers in matched.items():
        smaller = max(1, min(len(vectors), chunk_counts.get(other, len(vectors))))
        if len(numbers) / smaller > share:
            best, share = other, len(numbers) / smaller
    return stories[best] if best != source and share >= STORY_SHARE else source

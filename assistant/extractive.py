"""The default answer backend: quote the corpus sentences that answer the question, or refuse.

Tiny local generators answered grounded questions wrongly in our trials, so
the default composes its answer from verbatim sentences, each followed by
its citation number. Sentences are scored by three signals: the sentence's
own embedding against the question's, its chunk's embedding, and how much of
the question's (idf-weighted) vocabulary it contains. The best score is
the evidence; below `min_support` the assistant says the articles do not
cover the question.
"""

from __future__ import annotations

from dataclasses import dataclass

from llama_index.core.schema import NodeWithScore

from assistant.embeddings import MiniLMEmbedding
from assistant.sentences import sentence_spans
from assistant.terms import terms

RERANKED = 16
WEIGHT_SENTENCE, WEIGHT_CHUNK, WEIGHT_TERMS = 0.45, 0.25, 0.30
KEEP_RATIO = 0.85  # further sentences must score this close to the best one
MAX_OVERLAP = 0.6  # ... and must not repeat a chosen sentence's words
MIN_WORDS = 5


@dataclass
class Candidate:
    """A sentence of a retrieved chunk, with absolute offsets into its file."""

    source: str
    start: int
    end: int
    text: str
    encoding: str
    words: frozenset[str]
    chunk_dense: float
    term_cover: float
    sentence_dense: float = 0.0

    @property
    def score(self) -> float:
        return (
            WEIGHT_SENTENCE * self.sentence_dense
            + WEIGHT_CHUNK * self.chunk_dense
            + WEIGHT_TERMS * self.term_cover
        )


@dataclass
class Selection:
    """The sentences to quote and the evidence score that decided answering or refusing."""

    sentences: list[Candidate]
    support: float


class ExtractiveSelector:
    """Picks the sentences that best answer a question from the retrieved chunks."""

    def __init__(self, embed_model: MiniLMEmbedding, idf: dict[str, float], max_sentences: int) -> None:
        self.embed_model = embed_model
        self.idf = idf
        self.unknown_idf = max(idf.values(), default=1.0)
        self.max_sentences = max_sentences

    def select(self, question: str, chunks: list[NodeWithScore]) -> Selection:
        question_terms = set(terms(question))
        candidates = self._candidates(question_terms, chunks)
        if not candidates:
            return Selection([], 0.0)
        candidates.sort(key=lambda c: c.chunk_dense + c.term_cover, reverse=True)
        shortlist = candidates[:RERANKED]
        vectors = self.embed_model.encode([question] + [c.text for c in shortlist])
        for candidate, similarity in zip(shortlist, vectors[1:] @ vectors[0]):
            candidate.sentence_dense = float(similarity)
        shortlist.sort(key=lambda c: c.score, reverse=True)
        return Selection(self._diverse(shortlist), shortlist[0].score)

    def _candidates(self, question_terms: set[str], chunks: list[NodeWithScore]) -> list[Candidate]:
        weights = {t: self.idf.get(t, self.unknown_idf) for t in question_terms}
        total = sum(weights.values()) or 1.0
        seen: set[str] = set()
        out = []
        for scored in chunks:
            node, meta = scored.node, scored.node.metadata
            for start, end in sentence_spans(node.text):
                text = node.text[start:end]
                if len(text.split()) < MIN_WORDS or text in seen:
                    continue
                seen.add(text)
                words = frozenset(terms(text))
                cover = sum(weights[t] for t in question_terms & words) / total
                offset = int(meta["start"])
                out.append(
                    Candidate(
                        source=str(meta["source"]),
                        start=offset + start,
                        end=offset + end,
                        text=text,
                        encoding=str(meta.get("encoding") or "utf-8"),
                        words=words,
                        chunk_dense=float(meta.get("dense", 0.0)),
                        term_cover=cover,
                    )
                )
        return out

    def _diverse(self, ranked: list[Candidate]) -> list[Candidate]:
        chosen = [ranked[0]]
        for candidate in ranked[1:]:
            if len(chosen) >= self.max_sentences or candidate.score < KEEP_RATIO * ranked[0].score:
                break
            if all(_overlap(candidate.words, c.words) < MAX_OVERLAP for c in chosen):
                chosen.append(candidate)
        return chosen


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))



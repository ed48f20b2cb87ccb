"""The default answer backend: quote the corpus sentences that answer the question, or refuse.

Tiny local generators answered grounded questions wrongly in our trials, so
the default composes its answer from verbatim sentences, each followed by
its citation number. Chunks are one or two sentences, so a chunk's embedding
already scores its sentences (embedding sentences at query time cost ~7 ms
each on two cores for no gain on the golden set). A sentence scores by that
similarity and by how much of the question's idf-weighted vocabulary it
contains; the best score is the evidence, and below `min_support` the
assistant says the articles do not cover the question. It also refuses when
the question names something no article mentions, and quotes only articles
that state the question's years and numbers (see `specifics`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from llama_index.core.schema import NodeWithScore

from assistant.answer_type import has_expected_type
from assistant.sentences import sentence_spans
from assistant.specifics import holds_numbers, quoted, required_numbers, unknown_names, unknown_names_notice
from assistant.support import looks_like_instruction
from assistant.terms import terms

WEIGHT_DENSE, WEIGHT_TERMS, WEIGHT_FUSED = 0.6, 0.3, 0.1  # tuned on tests/golden/seeds-dev.jsonl
KEEP_RATIO = 0.8  # further sentences must score this close to the best one
MAX_OVERLAP = 0.6  # ... and must not repeat a chosen sentence's words
SAME_STORY_MAX_OVERLAP = 0.35  # ... even less so when both come from copies of one story
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
    dense: float
    term_cover: float
    fused: float
    story: str = ""

    @property
    def score(self) -> float:
        return WEIGHT_DENSE * self.dense + WEIGHT_TERMS * self.term_cover + WEIGHT_FUSED * self.fused


@dataclass
class Selection:
    """The sentences to quote and the evidence score that decided answering or refusing."""

    sentences: list[Candidate]
    support: float
    refusal: str = ""  # why nothing was selected, when the question itself tells


class ExtractiveSelector:
    """Picks the sentences that best answer a question from the retrieved chunks."""

    def __init__(
        self, idf: dict[str, float], max_sentences: int, article_text: Callable[[str], str]
    ) -> None:
        """`idf` doubles as the corpus vocabulary; `article_text` gives an indexed article's text by source."""
        self.idf = idf
        self.unknown_idf = max(idf.values(), default=1.0)
        self.max_sentences = max_sentences
        self.article_text = article_text

    def select(self, question: str, chunks: list[NodeWithScore]) -> Selection:
        unknown = unknown_names(question, self.idf)
        if unknown:
            return Selection([], 0.0, unknown_names_notice(unknown))
        question_terms = set(terms(question))
        typed = [c for c in self._candidates(question_terms, chunks) if has_expected_type(question, c.text)]
        numbers = required_numbers(question)
        candidates = [c for c in typed if self._states(c, numbers)]
        if typed and not candidates:
            return Selection([], 0.0, f"The articles found do not state {quoted(numbers)}.")
        if not candidates:
            return Selection([], 0.0)
        candidates.sort(key=lambda c: c.score, reverse=True)
        return Selection(self._diverse(candidates), candidates[0].score)

    def _candidates(self, question_terms: set[str], chunks: list[NodeWithScore]) -> list[Candidate]:
        weights = {t: self.idf.get(t, self.unknown_idf) for t in question_terms}
        total = sum(weights.values()) or 1.0
        seen: set[str] = set()
        out = []
        best_fused = max((c.score or 0.0 for c in chunks), default=0.0) or 1.0
        for scored in chunks:
            node, meta = scored.node, scored.node.metadata
            chunk_text = node.get_content()
            for start, end in sentence_spans(chunk_text):
                text = chunk_text[start:end]
                if len(text.split()) < MIN_WORDS or text in seen or looks_like_instruction(text):
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
                        dense=float(meta.get("dense", 0.0)),
                        term_cover=cover,
                        fused=(scored.score or 0.0) / best_fused,
                        story=str(meta.get("story") or meta["source"]),
                    )
                )
        return out

    def _states(self, candidate: Candidate, numbers: list[str]) -> bool:
        """The sentence, or else its article, holds the question's numbers."""
        return holds_numbers(candidate.text, numbers) or holds_numbers(self.article_text(candidate.source), numbers)

    def _diverse(self, ranked: list[Candidate]) -> list[Candidate]:
        chosen = [ranked[0]]
        for candidate in ranked[1:]:
            if len(chosen) >= self.max_sentences or candidate.score < KEEP_RATIO * ranked[0].score:
                break
            if all(_overlap(candidate.words, c.words) < _max_overlap(candidate, c) for c in chosen):
                chosen.append(candidate)
        return chosen


def _max_overlap(a: Candidate, b: Candidate) -> float:
    """Two copies of one wire story repeat each other in other words: be stricter with them."""
    return SAME_STORY_MAX_OVERLAP if a.story == b.story else MAX_OVERLAP


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))



"""Question in, verified answer out: retrieve, select sentences, cite, check every citation."""

from __future__ import annotations

import re
from typing import Iterator

from llama_index.core.schema import NodeWithScore

from assistant.answer import NOT_COVERED, Answer
from assistant.citations import Citation, CitationVerifier
from assistant.conversation import Turn, standalone_question
from assistant.extractive import Candidate, ExtractiveSelector
from assistant.filters import Filters
from assistant.retrieval import HybridRetriever

EXTRACTIVE = "extractive"


class ExtractiveChain:
    """The default backend: no model server, answers are quoted sentences."""

    def __init__(
        self,
        retriever: HybridRetriever,
        selector: ExtractiveSelector,
        verifier: CitationVerifier,
        min_support: float,
    ) -> None:
        self.retriever, self.selector, self.verifier = retriever, selector, verifier
        self.min_support = min_support

    def condense(self, question: str, history: list[Turn] | None) -> str:
        return standalone_question(question, history)

    def stream(
        self, question: str, standalone: str | None = None, filters: Filters | None = None
    ) -> Iterator[str | Answer]:
        """The extractive answer is ready at once; it is still streamed word by word for the UI."""
        answer = self.answer(question, standalone, filters)
        yield from re.findall(r"\S+\s*", answer.answer)
        yield answer

    def answer(self, question: str, standalone: str | None = None, filters: Filters | None = None) -> Answer:
        """`standalone` is the question rewritten without its conversation (defaults to the question)."""
        standalone = standalone or question
        chunks = self.retriever.with_filters(filters).retrieve(standalone)
        answer = self.answer_from(standalone, chunks)
        answer.question = question
        return answer

    def answer_from(self, question: str, chunks: list[NodeWithScore]) -> Answer:
        selection = self.selector.select(question, chunks)
        details = {"support": round(selection.support, 4), "retrieved": _retrieved(chunks)}
        if selection.refusal:
            return Answer(question, NOT_COVERED, False, EXTRACTIVE, notice=selection.refusal, details=details)
        if selection.support < self.min_support:
            return Answer(question, NOT_COVERED, False, EXTRACTIVE, details=details)
        citations, dropped = self._verified(selection.sentences)
        details["dropped_citations"] = dropped
        details["stories"] = len({s.story for s in selection.sentences if s.source in {c.source for c in citations}})
        if not citations:
            notice = "The indexed files changed since indexing; run `assistant index`."
            return Answer(question, NOT_COVERED, False, EXTRACTIVE, notice=notice, details=details)
        text = " ".join(f"{c.quote} [{c.id}]" for c in citations)
        return Answer(question, text, True, EXTRACTIVE, citations=citations, details=details)

    def _verified(self, sentences: list[Candidate]) -> tuple[list[Citation], int]:
        citations: list[Citation] = []
        for sentence in sentences:
            citation = Citation(len(citations) + 1, sentence.source, sentence.start, sentence.end, sentence.text)
            if self.verifier.is_verbatim(citation, sentence.encoding):
                citations.append(citation)
        return citations, len(sentences) - len(citations)


def _retrieved(chunks: list[NodeWithScore]) -> list[dict[str, object]]:
    return [
        {"source": c.node.metadata.get("source"), "start": c.node.metadata.get("start"), "score": round(c.score or 0, 5)}
        for c in chunks
    ]

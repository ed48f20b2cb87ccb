"""The extractive backend: retrieve, read, quote the evidence with verified citations, or refuse."""

from __future__ import annotations

import re
from typing import Iterator

from llama_index.core.schema import NodeWithScore

from assistant.answer.compose import answer_text
from assistant.answer.question import part_queries
from assistant.answer.reader import Quote, Reader, Reading
from assistant.answer.result import NOT_COVERED, STALE_INDEX, Answer
from assistant.citations import Citation, CitationVerifier
from assistant.conversation import Turn, standalone_question
from assistant.filters import Filters
from assistant.retrieval import HybridRetriever

EXTRACTIVE = "extractive"


class ExtractiveChain:
    """The default backend: no model server, answers are quoted sentences."""

    def __init__(self, retriever: HybridRetriever, reader: Reader, verifier: CitationVerifier) -> None:
        self.retriever, self.reader, self.verifier = retriever, reader, verifier

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
        answer = self.answer_from(standalone, chunks, filters)
        answer.question = question
        return answer

    def answer_from(self, question: str, chunks: list[NodeWithScore], filters: Filters | None = None) -> Answer:
        """`chunks` were retrieved for the whole question; a question that asks several things also
        retrieves for each of its parts."""
        queries = part_queries(question)
        if len(queries) == 1:
            reading = self.reader.read(question, chunks)
        else:
            retriever = self.retriever.with_filters(filters)
            reading = self.reader.read_parts(question, [(query, retriever.retrieve(query)) for query in queries])
        details = {
            "support": round(reading.support, 4), "retrieved": _retrieved(chunks),
            "type": reading.question.type, "refusal_rule": reading.rule,
            **reading.details,
        }
        if reading.refusal:
            return Answer(question, NOT_COVERED, False, EXTRACTIVE, notice=reading.refusal, details=details)
        quotes, citations = self._verified(reading)
        details["dropped_citations"] = len(reading.evidence) - len(citations)
        details["stories"] = len({q.story for q in quotes})
        if not citations:
            stale = ", ".join(dict.fromkeys(q.source for q in reading.evidence))
            notice = f"Changed since indexing: {stale}."
            return Answer(question, STALE_INDEX, False, EXTRACTIVE, notice=notice, details=details)
        short = reading.short_answer if citations[0].answer_start is not None else ""
        details["answer_date"] = reading.date if short else ""  # the absolute date a "when" answer names
        text = answer_text(quotes, citations, reading.question.several, reading.date if short else "")
        return Answer(
            question, text, True, EXTRACTIVE, citations=citations, details=details, short_answer=short, notice=reading.caveat
        )

    def _verified(self, reading: Reading) -> tuple[list[Quote], list[Citation]]:
        """The quotes whose spans still match their files, and their citations, numbered from 1."""
        quotes: list[Quote] = []
        citations: list[Citation] = []
        for quote in reading.evidence:
            citation = Citation(
                len(citations) + 1, quote.source, quote.start, quote.end, quote.text, quote.answer_start, quote.answer_end
            )
            if self.verifier.is_verbatim(citation, quote.encoding):
                quotes.append(quote)
                citations.append(citation)
        return quotes, citations


def _retrieved(chunks: list[NodeWithScore]) -> list[dict[str, object]]:
    return [
        {"source": c.node.metadata.get("source"), "start": c.node.metadata.get("start"), "score": round(c.score or 0, 5)}
        for c in chunks
    ]

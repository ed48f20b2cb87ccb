"""The generative backend: a model at any OpenAI-compatible endpoint writes, the chain verifies.

The model sees numbered passages and cites them as [n]. Each cited sentence
is then checked against the sentences of its passage (assistant/support.py)
and its citation narrowed to the one source sentence that supports it.
Citations that point nowhere or at a passage that says something else are
dropped; sentences left without a citation are removed. If nothing verified
remains, or the endpoint fails in any way, the extractive answer is returned
with a notice saying why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from llama_index.core.base.llms.types import ChatMessage, MessageRole
from llama_index.core.llms import LLM
from llama_index.core.schema import NodeWithScore

from assistant.answer import NOT_COVERED, Answer
from assistant.answer.chain import ExtractiveChain
from assistant.answer.refuse import unknown_names, unknown_names_notice
from assistant.citations import Citation, CitationVerifier
from assistant.conversation import Turn, standalone_question
from assistant.embeddings import MiniLMEmbedding
from assistant.errors import EndpointError
from assistant.filters import Filters
from assistant.prompts import Prompts
from assistant.redact import endpoint_failure
from assistant.retrieval import HybridRetriever
from assistant.sentences import sentence_spans
from assistant.support import score_support

_MARKS = re.compile(r"((?:\s*\[\s*\d+(?:\s*,\s*\d+)*\s*\])+)")
_NUMBERS = re.compile(r"\d+")
_FAKE_MARK = re.compile(r"\[(\d+)\]")
_ECHOED_LABEL = re.compile(r"^\s*\([^()\n]*\)\s*\n")  # a model repeating a passage's "(title)" line
NOT_COVERED_REPLY = "NOT COVERED"


@dataclass
class Claim:
    """One stretch of model text and the passage numbers it cites."""

    text: str
    cited: list[int]


@dataclass(frozen=True)
class Span:
    source: str
    start: int
    end: int
    text: str
    encoding: str


def parse_claims(text: str) -> list[Claim]:
    """Split model output at its citation markers; text after the last marker is an uncited claim."""
    parts = _MARKS.split(text)
    claims = []
    for position in range(0, len(parts), 2):
        claim = _ECHOED_LABEL.sub("", parts[position]).strip().lstrip(".,;: ").strip()
        claim = " ".join(claim.split())
        marks = parts[position + 1] if position + 1 < len(parts) else ""
        if claim:
            claims.append(Claim(claim, [int(n) for n in _NUMBERS.findall(marks)]))
    return claims


class GenerativeChain:
    """Answers with a model; every citation it keeps is a verified, supporting span."""

    def __init__(
        self,
        llm: LLM,
        backend: str,
        retriever: HybridRetriever,
        fallback: ExtractiveChain,
        verifier: CitationVerifier,
        embed_model: MiniLMEmbedding,
        idf: dict[str, float],
        prompts: Prompts,
        secret: str = "",
    ) -> None:
        self.llm, self.backend, self.retriever, self.fallback = llm, backend, retriever, fallback
        self.verifier, self.embed_model, self.idf, self.prompts = verifier, embed_model, idf, prompts
        self.secret = secret

    def condense(self, question: str, history: list[Turn] | None) -> str:
        """Ask the model for a standalone question; on any failure use the extractive heuristic."""
        if not history:
            return question
        conversation = "\n".join(f"User: {q}\nAssistant: {a}" for q, a in history[-4:])
        prompt = self.prompts.condense.format(history=conversation, question=question)
        try:
            reply = self.llm.chat([ChatMessage(role=MessageRole.USER, content=prompt)])
            rewritten = (reply.message.content or "").strip().splitlines()
        except Exception:
            return standalone_question(question, history)
        return rewritten[0].strip() if rewritten and rewritten[0].strip() else standalone_question(question, history)

    def answer(self, question: str, standalone: str | None = None, filters: Filters | None = None) -> Answer:
        final = None
        for item in self.stream(question, standalone, filters):
            if isinstance(item, Answer):
                final = item
        assert final is not None
        return final

    def stream(
        self, question: str, standalone: str | None = None, filters: Filters | None = None
    ) -> Iterator[str | Answer]:
        """Model text as it arrives, then the verified Answer (or the extractive one, with a notice)."""
        standalone = standalone or question
        unknown = unknown_names(standalone, self.idf)
        if unknown:  # the model would only guess about what the corpus never mentions
            yield Answer(question, NOT_COVERED, False, self.backend, notice=unknown_names_notice(unknown))
            return
        chunks = self.retriever.with_filters(filters).retrieve(standalone)
        if not chunks:
            yield Answer(question, NOT_COVERED, False, self.backend)
            return
        text = ""
        try:
            for response in self.llm.stream_chat(self._messages(standalone, chunks)):
                delta = response.delta or ""
                text += delta
                if delta:
                    yield delta
            if not text.strip():
                raise EndpointError("the model returned an empty answer")
        except Exception as error:
            yield self._fallback(question, standalone, f"The model endpoint failed ({self._describe(error)}).", filters=filters)
            return
        yield self.verify(question, standalone, text, chunks, filters)

    def _messages(self, question: str, chunks: list[NodeWithScore]) -> list[ChatMessage]:
        passages = "\n\n".join(_passage(n, c) for n, c in enumerate(chunks, start=1))
        return [
            ChatMessage(role=MessageRole.SYSTEM, content=self.prompts.system),
            ChatMessage(role=MessageRole.USER, content=self.prompts.answer.format(passages=passages, question=question)),
        ]

    def verify(
        self, question: str, standalone: str, text: str, chunks: list[NodeWithScore], filters: Filters | None = None
    ) -> Answer:
        """Keep the sentences whose citations check out; renumber them; fall back if none do."""
        claims = parse_claims(text)
        if NOT_COVERED_REPLY in text.upper() and not any(c.cited for c in claims):
            return Answer(question, NOT_COVERED, False, self.backend)
        kept: list[tuple[str, list[Span]]] = []
        dropped = unsupported = 0
        spans_for = self._support_spans(claims, chunks)
        for claim, spans in zip(claims, spans_for):
            dropped += len(claim.cited) - len(spans)
            if spans:
                kept.append((claim.text, spans))
            else:
                unsupported += 1
        citations, sentences = self._cite(kept)
        details = {"dropped_citations": dropped, "unsupported_sentences": unsupported, "model_text": text}
        if not citations:
            reason = "The model's answer could not be verified against the articles."
            return self._fallback(question, standalone, reason, details, filters)
        notice = ""
        if dropped or unsupported:
            notice = f"Removed {unsupported} unsupported sentence(s) and {dropped} citation(s) that did not check out."
        return Answer(question, " ".join(sentences), True, self.backend, citations, notice, details)

    def _support_spans(self, claims: list[Claim], chunks: list[NodeWithScore]) -> list[list[Span]]:
        sentences = [_sentences_of(c) for c in chunks]
        claim_vectors = self.embed_model.encode([c.text for c in claims])
        all_spans = [s for group in sentences for s in group]
        span_vectors = dict(zip(all_spans, self.embed_model.encode([s.text for s in all_spans])))
        result = []
        for claim, claim_vector in zip(claims, claim_vectors):
            spans: list[Span] = []
            for number in dict.fromkeys(claim.cited):
                if not 1 <= number <= len(chunks):
                    continue
                scored = [
                    (score_support(claim.text, s.text, self.idf, claim_vector, span_vectors[s]), s)
                    for s in sentences[number - 1]
                ]
                good = [(score.cover + score.meaning, s) for score, s in scored if score.supports]
                if good:
                    spans.append(max(good, key=lambda pair: pair[0])[1])
            result.append(spans)
        return result

    def _cite(self, kept: list[tuple[str, list[Span]]]) -> tuple[list[Citation], list[str]]:
        citations: dict[tuple[str, int, int], Citation] = {}
        sentences = []
        for text, spans in kept:
            numbers = []
            for span in spans:
                key = (span.source, span.start, span.end)
                if key not in citations:
                    candidate = Citation(len(citations) + 1, span.source, span.start, span.end, span.text)
                    if not self.verifier.is_verbatim(candidate, span.encoding):
                        continue
                    citations[key] = candidate
                numbers.append(citations[key].id)
            if numbers:
                ending = "" if text.endswith((".", "!", "?", "”", '"')) else "."
                sentences.append(f"{text}{ending} " + "".join(f"[{n}]" for n in numbers))
        return list(citations.values()), sentences

    def _fallback(
        self, question: str, standalone: str, reason: str, details: dict | None = None, filters: Filters | None = None
    ) -> Answer:
        answer = self.fallback.answer(question, standalone, filters)
        answer.notice = f"{reason} Showing the extractive answer instead."
        answer.details.update(details or {})
        answer.details["fallback_from"] = self.backend
        return answer

    def _describe(self, error: Exception) -> str:
        return endpoint_failure(error, self.secret)


def _passage(number: int, chunk: NodeWithScore) -> str:
    """A numbered passage; bracketed numbers inside articles are neutralised so they cannot pose as citations."""
    label = chunk.node.metadata.get("title") or chunk.node.metadata.get("source")
    return f"[{number}] ({label})\n" + _FAKE_MARK.sub(r"(\1)", chunk.node.get_content())


def _sentences_of(chunk: NodeWithScore) -> list[Span]:
    meta = chunk.node.metadata
    offset = int(meta["start"])
    text = chunk.node.get_content()
    return [
        Span(str(meta["source"]), offset + s, offset + e, text[s:e], str(meta.get("encoding") or "utf-8"))
        for s, e in sentence_spans(text)
    ]


def openai_llm(model: str, base_url: str | None, api_key: str | None, timeout: float, context_window: int, is_chat_model: bool) -> LLM:
    """LlamaIndex's OpenAILike: speaks to OpenAI, vLLM, llama.cpp, Ollama, LM Studio alike."""
    from llama_index.llms.openai_like import OpenAILike

    return OpenAILike(
        model=model,
        api_base=base_url or "https://api.openai.com/v1",
        api_key=api_key or "not-needed",
        timeout=timeout,
        max_retries=0,
        context_window=context_window,
        is_chat_model=is_chat_model,
        temperature=0.0,
        max_tokens=400,
    )



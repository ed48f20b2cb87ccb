"""The generative backend: a model at an OpenAI-compatible endpoint (or the packaged local one) writes, the chain verifies.

The reader's evidence check runs first: when the retrieved sentences do not
answer the question, the assistant refuses without calling the model. The
model then sees a few numbered passages (title, outlet, date, the chunk and
its next sentence) and cites them as [n]. Each sentence it writes is checked
as soon as it is complete, against one sentence of the cited passage or two
adjacent ones, and streamed only once it holds, narrowed to the supporting
spans: streamed text is final text and never vanishes. Sentences that do not
check out are dropped and counted; if none holds, or the endpoint fails
before any does, the extractive answer is returned with a notice saying why.
When the kept sentences leave out the reader's short answer, the reader's
answer sentence follows them, quoted and cited. With `pick_sentences` (setting
`llm_copy_grammar`, on by default for the local model), a llama.cpp grammar lets the model
only give its answer in a few words and name the passage sentences that say it
(`assistant/copy_grammar.py`); the chain quotes them and checks them all the
same. A confirmed pick leads with the model's words, cut from the named
sentence, as the short answer, and the reader's other quotes follow it. A named
sentence is passage text even when it is the wrong one, so when nothing
confirms the pick (the model's own answer line is in no passage sentence, or
its sentences leave out the reader's answer) the reader's whole answer follows it.
"""

from __future__ import annotations

import datetime
import logging
import re
import time
from dataclasses import dataclass, field, replace
from typing import Callable, Iterator, TypeVar

import numpy as np
from llama_index.core.base.llms.types import ChatMessage, MessageRole
from llama_index.core.llms import LLM
from llama_index.core.schema import NodeWithScore

from assistant.answer import Answer
from assistant.answer.chain import ExtractiveChain
from assistant.answer.compose import renumbered
from assistant.answer.result import Status
from assistant.citations import Citation, CitationVerifier
from assistant.copy_grammar import answer_line, numbered, phrase_in, pick_grammar, picked
from assistant.conversation import Turn, standalone_question
from assistant.embeddings import MiniLMEmbedding
from assistant.errors import AssistantError, EndpointError
from assistant.filters import Filters
from assistant.prompts import Prompts
from assistant.redact import endpoint_failure
from assistant.retrieval import HybridRetriever
from assistant.sentences import sentence_spans
from assistant.support import SupportScore, score_support, specifics_found, words_found

log = logging.getLogger(__name__)
_T = TypeVar("_T")

_MARKS = re.compile(r"((?:\s*\[\s*\d+(?:\s*,\s*\d+)*\s*\])+)")
_NUMBERS = re.compile(r"\d+")
_FAKE_MARK = re.compile(r"\[(\d+)\]")
_ECHOED_LABEL = re.compile(r"^\s*\([^()\n]*\)\s*\n")  # a model repeating a passage's "(title)" line
_SOURCE_WORDS = r"(?:according to|as (?:stated|mentioned|reported|said|shown) in|as per|in)\s+(?:the\s+)?passages?"
_LEADING_SOURCE = re.compile(rf"\b{_SOURCE_WORDS}\s*((?:\[\d+\])+)\s*,\s*([^.!?\[]+[.!?]?)", re.IGNORECASE)
_TRAILING_SOURCE = re.compile(  # "X, according to the passage [2]" or "X. This is stated in passage [2]."
    rf"[\s,;:]*\b(?:(?:this|that|it)\s+(?:is|was|can be)\s+(?:\w+\s+)?(?:stated|mentioned|seen|found|said|shown|reported|given)\s+)?"
    rf"{_SOURCE_WORDS}(?:\s+in)?\s*$",
    re.IGNORECASE,
)
_CLOSED = re.compile(r"\][.!?]\s*$|\]\s*\n\s*$")  # a citation then the sentence's end: no more marks will follow
NOT_COVERED_REPLY = "NOT COVERED"  # what the system prompt asks for when the passages do not answer
MAX_PASSAGES = 3
MAX_PASSAGE_CHARS = 1100  # all passages together: about 280 tokens, read in 4 s on 2 busy cores
NEIGHBOUR_CHARS = 400  # a longer neighbouring sentence is left out
MAX_HISTORY_CHARS = 400  # of each earlier turn shown to the condense prompt
SHORT_ANSWER_SHARE = 0.6  # the model's answer words lead only when they are a part of its sentence, not most of it


def _retryable() -> tuple[type[Exception], ...]:
    """The failures worth another try. `openai` is imported here, not at the top: it takes about a second,
    and the default answer path (and every `assistant index`) never talks to a model."""
    import openai

    return (openai.RateLimitError, openai.InternalServerError, openai.APIConnectionError)


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


@dataclass(frozen=True)
class Passage:
    """What the model sees as passage [n]: where it comes from and its sentences, in file order."""

    title: str
    outlet: str
    date: str
    sentences: list[Span]

    def render(self, number: int, numbered_sentences: bool = False) -> str:
        label = ", ".join(part for part in (self.title or self.sentences[0].source, self.outlet, self.date) if part)
        if numbered_sentences:
            return f"[{number}] ({label})\n" + numbered(self.shown(), number)
        return f"[{number}] ({label})\n" + " ".join(self.shown())

    def shown(self) -> list[str]:
        """The sentences as the model sees them: a bracketed number inside an article cannot pose as a citation."""
        return [_FAKE_MARK.sub(r"(\1)", s.text) for s in self.sentences]


class Standalone(str):
    """A condensed question; `notice` says when the model's rewrite failed and a heuristic stood in."""

    notice: str = ""


@dataclass
class _Written:
    """The verified answer as it grows, sentence by sentence."""

    citations: dict[tuple[str, int, int], Citation] = field(default_factory=dict)
    sentences: list[str] = field(default_factory=list)
    dropped: int = 0
    unsupported: int = 0
    moved: int = 0
    quoted: int = 0  # the reader's answer sentence, added after the model's
    reader_answer: bool = False  # the reader's whole answer was added: nothing confirmed the model's pick
    lead: str = ""  # the short answer's line before the sentences, under the grammar
    short: str = ""
    short_from: str = ""  # "model" (its answer words) or "reader"
    notice: str = ""
    verdicts: list[dict] = field(default_factory=list)  # each model sentence, kept or why not: for tuning on dev sets
    timings: dict[str, float] = field(default_factory=dict)  # from llama.cpp: prompt tokens read (prompt_n), reused (cache_n), ms


def parse_claims(text: str) -> list[Claim]:
    """Split model output at its citation markers; text after the last marker is an uncited claim.

    "According to passage [2], X." and "X, according to the passage [2]." both become the claim X citing [2];
    "The Diaoyutai State Guesthouse [1] was the venue." is one claim citing [1], not a cited fragment.
    """
    parts = _MARKS.split(_LEADING_SOURCE.sub(r"\2 \1", text))
    pieces: list[tuple[str, str]] = []
    for position in range(0, len(parts), 2):
        piece = _ECHOED_LABEL.sub("", parts[position])
        marks = parts[position + 1] if position + 1 < len(parts) else ""
        if pieces and not pieces[-1][0].rstrip().endswith((".", "!", "?", '"', "”")) and piece.strip()[:1].islower():
            piece, marks = f"{pieces[-1][0].rstrip()} {piece.strip()}", pieces.pop()[1] + marks  # the sentence goes on
        pieces.append((piece, marks))
    claims = []
    for piece, marks in pieces:
        claim = piece.strip().lstrip(".,;: ").strip()
        claim = _TRAILING_SOURCE.sub("", claim)
        claim = " ".join(claim.split())
        if claim:
            claims.append(Claim(claim, [int(n) for n in _NUMBERS.findall(marks)]))
    return claims


class GenerativeChain:
    """Answers with a model; every sentence it shows is backed by verified, supporting spans."""

    def __init__(
        self,
        load_llm: Callable[[], LLM],
        backend: str,
        retriever: HybridRetriever,
        fallback: ExtractiveChain,
        verifier: CitationVerifier,
        embed_model: MiniLMEmbedding,
        idf: dict[str, float],
        indexed: dict[str, list[tuple[int, int]]],
        prompts: Prompts,
        max_retries: int = 2,
        loading_message: str = "",
        secret: str = "",
        pick_sentences: bool = False,
    ) -> None:
        self.backend, self.retriever, self.fallback = backend, retriever, fallback
        self.verifier, self.embed_model, self.idf, self.prompts = verifier, embed_model, idf, prompts
        self.max_retries, self.loading_message, self.secret = max_retries, loading_message, secret
        self.indexed = indexed  # source -> its chunks' spans: neighbours come only from indexed text, not boilerplate
        self.pick_sentences = pick_sentences  # a grammar lets the model only name passage sentences, quoted verbatim (llama.cpp)
        self._load_llm = load_llm
        self._llm: LLM | None = None

    def condense(self, question: str, history: list[Turn] | None) -> str:
        """Ask the model for a standalone question; on failure use the heuristic and say so."""
        if not history:
            return question
        conversation = "\n".join(
            f"User: {q[:MAX_HISTORY_CHARS]}\nAssistant: {a[:MAX_HISTORY_CHARS]}" for q, a in history[-4:]
        )
        prompt = self.prompts.condense.format(history=conversation, question=question)
        try:
            reply = self._with_retries(lambda: self.model().chat([ChatMessage(role=MessageRole.USER, content=prompt)]))
            lines = [line.strip() for line in (reply.message.content or "").splitlines() if line.strip()]
            if not lines:
                raise EndpointError("the model returned no question")
            return lines[0]
        except Exception as error:
            rewritten = Standalone(standalone_question(question, history))
            rewritten.notice = f"The model could not rewrite the follow-up ({self._describe(error)}); searched for “{rewritten}” instead."
            return rewritten

    def answer(self, question: str, standalone: str | None = None, filters: Filters | None = None) -> Answer:
        final = None
        for item in self.stream(question, standalone, filters):
            if isinstance(item, Answer):
                final = item
        assert final is not None
        return final

    def stream(
        self, question: str, standalone: str | None = None, filters: Filters | None = None
    ) -> Iterator[str | Status | Answer]:
        """Progress, then each verified sentence as it is ready, then the Answer (or the extractive one, with a notice)."""
        standalone = standalone or question
        chunks = self.retriever.with_filters(filters).retrieve(standalone)
        evidence = self.fallback.answer_from(standalone, chunks)
        evidence.question = question
        if not self.needs_model(evidence):
            yield self._noted(evidence, standalone)
            return
        passages = self.passages(chunks, evidence)
        try:
            if self._llm is None and self.loading_message:
                yield Status(self.loading_message)
            llm = self.model()
        except AssistantError as error:
            yield self._fallback(evidence, standalone, f"The model could not be started: {error}")
            return
        yield Status(f"The model is reading {len(passages)} passage(s)…")
        yield from self._write(question, standalone, llm, passages, evidence)

    def needs_model(self, evidence: Answer) -> bool:
        """The reader's evidence check: when the retrieved sentences do not answer, no model call is needed."""
        return evidence.answered

    def passages(self, chunks: list[NodeWithScore], evidence: Answer) -> list[Passage]:
        """The chunks holding the evidence sentences first, then the rest by retrieval rank, within a budget."""
        def holds_evidence(chunk: NodeWithScore) -> int:
            meta = chunk.node.metadata
            for rank, c in enumerate(evidence.citations):
                if c.source == meta.get("source") and int(meta["start"]) <= c.start < int(meta["end"]):
                    return rank
            return len(evidence.citations)

        ordered = sorted(chunks, key=holds_evidence)  # stable: retrieval order within each group
        passages: list[Passage] = []
        used = 0
        for chunk in ordered:
            passage = self._passage(chunk)
            if not passage.sentences:  # nothing citable in it
                continue
            size = sum(len(s.text) + 1 for s in passage.sentences)
            if len(passages) >= MAX_PASSAGES or (passages and used + size > MAX_PASSAGE_CHARS):
                break
            passages.append(passage)
            used += size
        return passages

    def _passage(self, chunk: NodeWithScore) -> Passage:
        """The chunk's sentences and one neighbour on each side, read from the file so every span is exact.

        The sentence before often names who "he" is; the one after often finishes the thought.
        """
        meta = chunk.node.metadata
        source, encoding = str(meta["source"]), str(meta.get("encoding") or "utf-8")
        start, end = int(meta["start"]), int(meta["end"])
        try:
            text = self.verifier.text_of(source, encoding)
        except OSError:  # the file vanished: the chunk alone, which verification will then refuse
            content = chunk.node.get_content()
            return Passage(str(meta.get("title") or ""), str(meta.get("outlet") or ""), str(meta.get("date") or ""),
                           [Span(source, start + s, start + e, content[s:e], encoding) for s, e in sentence_spans(content)])
        near = sentence_spans(text, *_paragraphs_around(text, start, end))
        own = [i for i, (s, e) in enumerate(near) if s < end and e > start]
        chosen = near[max(0, own[0] - 1) : own[-1] + 2] if own else []
        indexed = self.indexed.get(source, [])
        spans = [
            Span(source, s, e, text[s:e], encoding)
            for s, e in chosen
            if start <= s < end or (e - s <= NEIGHBOUR_CHARS and any(a <= s and e <= b for a, b in indexed))
        ]
        return Passage(str(meta.get("title") or ""), str(meta.get("outlet") or ""), str(meta.get("date") or ""), spans)

    def _write(
        self, question: str, standalone: str, llm: LLM, passages: list[Passage], evidence: Answer
    ) -> Iterator[str | Status | Answer]:
        written = _Written()
        text = ""
        checked = 0
        started = time.monotonic()
        try:
            for delta in self._deltas(llm, self._messages(standalone, passages), written, self._constraint(passages)):
                if not text:
                    yield Status("The model is writing; each sentence appears once it is checked…")
                text += delta
                if self.pick_sentences:  # the reply is a dozen tokens: its sentences wait for the short answer that leads them
                    continue
                copied = self._copied(text, passages)
                claims = parse_claims(copied)
                claims = claims if _CLOSED.search(copied) else claims[:-1]  # the last one may still grow
                for claim in claims[checked:]:
                    yield from self._keep(claim, passages, written)
                checked = max(checked, len(claims))
            if not text.strip():
                raise EndpointError("the model returned an empty answer")
        except Exception as error:
            reason = f"The model endpoint failed ({self._describe(error)})."
            if not written.sentences:
                yield self._fallback(evidence, standalone, reason)
                return
            yield self._finish(question, standalone, text, written, f"{reason} The answer stops at its last verified sentence.", started)
            return
        kept = [piece for claim in parse_claims(self._copied(text, passages))[checked:] for piece in self._keep(claim, passages, written)]
        if NOT_COVERED_REPLY in text.upper() and not written.sentences:
            # The evidence check found an answer and the model did not: small models refuse answerable
            # questions far more often than the evidence check errs, so the quoted evidence is shown.
            reason = "The model found no answer in the passages."
            yield self._fallback(evidence, standalone, reason, {"model_text": text, "timings": written.timings})
            return
        if not written.sentences:
            details = {"dropped_citations": written.dropped, "unsupported_sentences": written.unsupported, "model_text": text,
                       "verdicts": written.verdicts, "timings": written.timings}
            yield self._fallback(evidence, standalone, "The model's answer could not be verified against the articles.", details)
            return
        if self.pick_sentences:  # every named sentence holds: say when the chain cannot confirm the pick
            found = self._answer_found(answer_line(text), passages)
            confirmed = found and self._left_out(evidence, written) is None
            if confirmed:
                yield from self._lead(text, evidence, written)
            yield from kept
            yield from self._supporting(evidence, passages, written) if confirmed else self._unconfirmed(found, evidence, passages, written)
        else:
            yield from kept
            yield from self._reader_quote(evidence, passages, written)
        yield self._finish(question, standalone, text, written, written.notice, started)

    def _lead(self, text: str, evidence: Answer, written: _Written) -> Iterator[str]:
        """The short answer before a confirmed pick: the model's answer words where its first sentence holds them as
        written, else the reader's short answer as that sentence holds it; cited, with the quote's answer offsets.

        A confirmed pick is one whose answer line stands in the passages' words and whose sentences hold the reader's
        short answer (or cite its best sentence). The answer line is the model's own few words; shown only as a span
        of the quote it named, it stays verbatim, as every short answer is.
        """
        first = next(iter(written.citations.values()))  # the first named sentence's citation
        model_words = answer_line(text)
        for words, source in ((model_words, "model"), (evidence.short_answer, "reader")):
            found = phrase_in(words, first.quote)
            if found and (source == "reader" or len(words) <= SHORT_ANSWER_SHARE * len(first.quote)):
                break
        else:
            return
        start, end = found
        written.citations[(first.source, first.start, first.end)] = replace(
            first, answer_start=first.start + start, answer_end=first.start + end)
        written.short = first.quote[start:end]
        written.short_from = source
        date = evidence.details.get("answer_date", "") if written.short.lower() == evidence.short_answer.lower() else ""
        written.lead = f"**{written.short}** [{first.id}]" + (f" ({date})" if date else "")
        yield f"{written.lead}\n\n"

    def _supporting(self, evidence: Answer, passages: list[Passage], written: _Written) -> Iterator[str]:
        """The reader's other quotes after a confirmed pick, those its sentences do not already show: the model
        chose what leads, and the evidence the reader found still follows, so no fact of the reader's is lost."""
        before = len(written.sentences)
        for cited in evidence.citations:
            if not _shows(written, cited):
                yield from self._emit(cited.quote, [Span(cited.source, cited.start, cited.end, cited.quote, _encoding(cited, passages))], written)
        written.quoted = len(written.sentences) - before

    def _unconfirmed(self, found: bool, evidence: Answer, passages: list[Passage], written: _Written) -> Iterator[str]:
        """The reader's whole answer after the named sentence(s) when nothing confirms the model's pick: its answer
        line stands in no passage sentence, or its sentences leave out the reader's answer.

        Under the grammar a wrong pick is still passage text and passes verification; on the seeds dev sets the
        model named wrong sentences for long reworded questions where the reader's answer held the facts, and
        one quote of it (what the chain adds without the grammar) left out the rest of its evidence.
        """
        yield from self._reader_answer(evidence, passages, written)
        if written.reader_answer:
            why = "The model's sentence leaves out the reader's answer" if found else "The model's own answer is not in the passages' words"
            written.notice = f"{why}, so the reader's answer follows it."

    @staticmethod
    def _answer_found(answer: str, passages: list[Passage]) -> bool:
        """Whether the words of the model's answer line stand in one passage sentence.

        The grammar makes every shown sentence passage text, so a wrong pick still passes verification;
        an answer line the passages do not hold ("Monday" where they say Sunday, a date in another form,
        the question restated) marks a pick the chain cannot confirm. "Yes", "No" hold no words to find.
        """
        if answer.lower() in ("", "yes", "no"):
            return True
        return any(words_found(answer, s) for p in passages for s in p.shown())

    def _reader_answer(self, evidence: Answer, passages: list[Passage], written: _Written) -> Iterator[str]:
        """The reader's whole answer (short answer, its date, the evidence quotes) after the model's sentences,
        its citations numbered on from theirs; when a quote no longer matches its file, nothing is added."""
        added: dict[tuple[str, int, int], Citation] = {}
        numbers: dict[int, int] = {}
        for cited in evidence.citations:
            key = (cited.source, cited.start, cited.end)
            if key not in written.citations and key not in added:
                candidate = Citation(len(written.citations) + len(added) + 1, cited.source, cited.start, cited.end,
                                     cited.quote, cited.answer_start, cited.answer_end)
                if not self.verifier.is_verbatim(candidate, _encoding(cited, passages)):
                    return
                added[key] = candidate
            numbers[cited.id] = (written.citations.get(key) or added[key]).id
        shown = frozenset(c.id for c in evidence.citations if (c.source, c.start, c.end) in written.citations)
        written.citations.update(added)
        text = renumbered(evidence.answer, evidence.citations, numbers, shown)
        if text:
            written.sentences.append(f"\n\n{text}")
            written.quoted = 1
            written.reader_answer = True
            yield f"\n\n{text}"

    def _reader_quote(self, evidence: Answer, passages: list[Passage], written: _Written) -> Iterator[str]:
        """The reader's answer sentence, quoted, when the model's kept sentences leave out its answer.

        The model often writes a true sentence from the passages that is not the answer; the reader's
        quote then still puts the answer before the user (on dev sets it was right more often).
        """
        cited = self._left_out(evidence, written)
        if cited is None:
            return
        encoding = _encoding(cited, passages)
        before = len(written.sentences)
        quoted = cited.quote if cited.quote[:1] in "“\"'‘" else f"“{cited.quote}”"  # a quote that opens one is not wrapped again
        yield from self._emit(quoted, [Span(cited.source, cited.start, cited.end, cited.quote, encoding)], written)
        written.quoted = len(written.sentences) - before

    @staticmethod
    def _left_out(evidence: Answer, written: _Written) -> Citation | None:
        """The reader's sentence holding its short answer when the model's sentences leave that answer out
        (or, when it has none, its best sentence when they do not cite it); None when they agree."""
        short = evidence.short_answer
        if short:
            cited = next((c for c in evidence.citations if c.answer_start is not None), None)
            return None if cited is None or short.lower() in " ".join(written.sentences).lower() else cited
        cited = evidence.citations[0] if evidence.citations else None  # no short answer ("what did Qin urge?")
        return None if cited is None or _shows(written, cited) else cited

    def _copied(self, text: str, passages: list[Passage]) -> str:
        """The reply as text to verify: with `pick_sentences`, the sentences it names (its answer line left out)."""
        if not self.pick_sentences:
            return text
        return picked(text, [p.shown() for p in passages])

    def _constraint(self, passages: list[Passage]) -> dict:
        """The request's extra fields: with `pick_sentences`, llama.cpp's `grammar` allowing only sentence labels."""
        if not self.pick_sentences:
            return {}
        return {"extra_body": {"grammar": pick_grammar([len(p.sentences) for p in passages], NOT_COVERED_REPLY)}}

    def _deltas(self, llm: LLM, messages: list[ChatMessage], written: _Written, extra: dict | None = None) -> Iterator[str]:
        """The model's text as it streams; a refused or failed start is retried with backoff.

        llama.cpp's server ends its stream with `timings`: the prompt tokens read and those its cache spared.
        """
        stream = self._with_retries(lambda: _started(llm.stream_chat(messages, **(extra or {}))))
        for response in stream:
            timings = getattr(response.raw, "timings", None)
            if isinstance(timings, dict):
                written.timings = {k: timings[k] for k in ("prompt_n", "cache_n", "predicted_n", "prompt_ms", "predicted_ms") if k in timings}
            if response.delta:
                yield response.delta

    def _with_retries(self, call: Callable[[], _T]) -> _T:
        for attempt in range(self.max_retries + 1):
            try:
                return call()
            except _retryable() as error:
                if attempt == self.max_retries:
                    raise
                wait = min(8.0, 0.5 * 2**attempt)
                log.info("model call failed (%s); retrying in %.1f s", type(error).__name__, wait)
                time.sleep(wait)
        raise AssertionError("unreachable")

    def _keep(self, claim: Claim, passages: list[Passage], written: _Written) -> Iterator[str]:
        """Verify one claim; when it holds, stream it with its citations renumbered.

        Small models often write two sentences from two passages and cite once at the end, or
        copy a passage without citing it: a claim that fails as a whole is checked sentence by
        sentence, and a sentence its cited passages (or none) do not support may rest on another
        passage shown (its citation moves there).
        """
        if claim.text.strip(" .").upper() == NOT_COVERED_REPLY:  # a refusal tacked on after an answer: no claim
            return
        spans, dropped = self._support(claim, passages)
        if spans:
            written.dropped += dropped
            written.verdicts.append({"text": claim.text, "cited": claim.cited, "verdict": "kept"})
            yield from self._emit(claim.text, spans, written)
            return
        parts = [claim.text[s:e] for s, e in sentence_spans(claim.text)]
        for piece in [Claim(p, claim.cited) for p in parts] if len(parts) > 1 else [claim]:
            spans, dropped = self._support(piece, passages)
            verdict = "kept"
            if not spans:  # a sentence citing the wrong passage, or none, may rest on another passage shown
                spans = next((found for n in range(1, len(passages) + 1) if n not in piece.cited
                              for found in [self._support(Claim(piece.text, [n]), passages)[0]] if found), [])
                written.moved += bool(spans)
                verdict = "moved"
            written.dropped += dropped
            written.verdicts.append({"text": piece.text, "cited": piece.cited, "verdict": verdict if spans else self._why(piece, passages)})
            if spans:
                yield from self._emit(piece.text, spans, written)
            else:
                written.unsupported += 1

    def _emit(self, text: str, spans: list[Span], written: _Written) -> Iterator[str]:
        numbers = []
        for span in spans:
            key = (span.source, span.start, span.end)
            if key not in written.citations:
                candidate = Citation(len(written.citations) + 1, span.source, span.start, span.end, span.text)
                if not self.verifier.is_verbatim(candidate, span.encoding):
                    continue
                written.citations[key] = candidate
            numbers.append(written.citations[key].id)
        if not numbers:
            written.unsupported += 1
            return
        ending = "" if text.endswith((".", "!", "?", "”", '"')) else "."
        sentence = f"{text}{ending} " + "".join(f"[{n}]" for n in dict.fromkeys(numbers))
        written.sentences.append(sentence)
        yield sentence if len(written.sentences) == 1 else f" {sentence}"

    def _support(self, claim: Claim, passages: list[Passage]) -> tuple[list[Span], int]:
        """The spans backing the claim, and how many of its citations backed nothing.

        In each cited passage one sentence, or two adjacent ones, must support the
        claim; a claim citing several passages also stands when their best
        sentences support it together (each passage giving part of it).
        """
        cited = [n for n in dict.fromkeys(claim.cited) if 1 <= n <= len(passages)]
        out_of_range = len(set(claim.cited)) - len(cited)
        claim_vector = self.embed_model.encode([claim.text])[0]
        spans: list[Span] = []
        best: list[tuple[float, list[Span]]] = []
        for number in cited:
            options = _options(passages[number - 1].sentences)
            vectors = self.embed_model.encode([" ".join(s.text for s in o) for o in options])
            passage = passages[number - 1]
            scored = [(self._score(claim.text, " ".join(s.text for s in o), passage, claim_vector, v), o) for o, v in zip(options, vectors)]
            good = [(score.cover + score.meaning - 0.05 * len(o), o) for score, o in scored
                    if (score.supports if len(o) == 1 else score.supports_joined)]
            if good:
                spans += max(good, key=lambda pair: pair[0])[1]
            best.append(max(((s.cover, o) for s, o in scored if len(o) == 1), key=lambda pair: pair[0], default=(0.0, [])))
        if spans or len(cited) < 2:
            return spans, out_of_range + len(cited) - len({self._number_of(s, passages) for s in spans})
        together = [s for _, option in best for s in option]
        if all(cover > 0 for cover, _ in best) and together:
            joined = " ".join(s.text for s in together)
            score = score_support(claim.text, joined, self.idf, claim_vector, self.embed_model.encode([joined])[0])
            if score.supports_joined:
                return together, out_of_range
        return [], out_of_range + len(cited)

    def _why(self, claim: Claim, passages: list[Passage]) -> str:
        """Why no passage supports the claim: the best single sentence's word cover, meaning and specifics."""
        cited = [n for n in claim.cited if 1 <= n <= len(passages)]
        if not claim.cited:
            return "dropped: no citation"
        if not cited:
            return "dropped: citation out of range"
        shown = [(n, s.text) for n in range(1, len(passages) + 1) for s in passages[n - 1].sentences]
        vector, *vectors = self.embed_model.encode([claim.text] + [text for _, text in shown])  # one call, not one per sentence
        score, number, text = max(
            ((self._score(claim.text, text, passages[n - 1], vector, v), n, text) for (n, text), v in zip(shown, vectors)),
            key=lambda found: (found[0].specifics_ok, found[0].cover + found[0].meaning),
        )
        return (f"dropped: best [{number}] cover {score.cover:.2f} meaning {score.meaning:.2f} "
                f"specifics {'ok' if score.specifics_ok else 'missing'}: {text[:160]}")

    def _score(self, claim: str, text: str, passage: Passage, claim_vector: np.ndarray, vector: np.ndarray) -> SupportScore:
        """Support by the sentence(s); a name the claim takes from the article's headline ("Beijing talks") or the
        month of its date counts as found, and so does a full name ("Qin Gang") the article spells out where the
        sentence gives a part ("Qin")."""
        score = score_support(claim, text, self.idf, claim_vector, vector)
        if score.specifics_ok:
            return score
        context = " ".join([passage.title, *(s.text for s in passage.sentences), self._article(passage)])
        header = f"{passage.title} ({_month_of(passage.date)}). {text}"
        return SupportScore(score.cover, score.meaning, specifics_found(claim, header, context), score.said)

    def _article(self, passage: Passage) -> str:
        """The whole text of the passage's article ("" when its file is gone)."""
        first = passage.sentences[0]
        try:
            return self.verifier.text_of(first.source, first.encoding)
        except OSError:
            return ""

    @staticmethod
    def _number_of(span: Span, passages: list[Passage]) -> int:
        return next(n for n, p in enumerate(passages, start=1) if span in p.sentences)

    def _messages(self, question: str, passages: list[Passage]) -> list[ChatMessage]:
        rendered = "\n\n".join(p.render(n, self.pick_sentences) for n, p in enumerate(passages, start=1))
        template = self.prompts.answer_pick if self.pick_sentences else self.prompts.answer
        return [
            ChatMessage(role=MessageRole.SYSTEM, content=self.prompts.system),
            ChatMessage(role=MessageRole.USER, content=template.format(passages=rendered, question=question)),
        ]

    def _finish(self, question: str, standalone: str, text: str, written: _Written, notice: str, started: float) -> Answer:
        details = {
            "dropped_citations": written.dropped,
            "unsupported_sentences": written.unsupported,
            "kept_sentences": len(written.sentences) - written.quoted,
            "reader_quote_added": bool(written.quoted),
            "reader_answer_added": written.reader_answer,
            "moved_citations": written.moved,
            "model_text": text,
            "model_sentences": "\n\n".join(([written.lead] if written.short_from == "model" else [])
                                             + [" ".join(written.sentences[: len(written.sentences) - written.quoted])]),
            "short_answer_from": written.short_from,
            "verdicts": written.verdicts,
            "timings": written.timings,
            "model_seconds": round(time.monotonic() - started, 2),
        }
        if written.dropped or written.unsupported:
            removed = f"Removed {written.unsupported} unsupported sentence(s) and {written.dropped} citation(s) that did not check out."
            notice = f"{notice} {removed}".strip()
        body = " ".join(written.sentences).replace(" \n\n", "\n\n")
        text = f"{written.lead}\n\n{body}" if written.lead else body
        answer = Answer(question, text, True, self.backend, list(written.citations.values()), notice, details, written.short)
        return self._noted(answer, standalone)

    def _fallback(self, evidence: Answer, standalone: str, reason: str, details: dict | None = None) -> Answer:
        evidence.notice = f"{reason} Showing the extractive answer instead."
        evidence.details.update(details or {})
        evidence.details["fallback_from"] = self.backend
        return self._noted(evidence, standalone)

    @staticmethod
    def _noted(answer: Answer, standalone: str) -> Answer:
        """Adds the condense step's notice, when the follow-up could not be rewritten by the model."""
        notice = getattr(standalone, "notice", "")
        if notice:
            answer.notice = f"{notice} {answer.notice}".strip()
        return answer

    def model(self) -> LLM:
        """The model, loaded on first use and kept; the local one reads the system prompt at once."""
        if self._llm is None:
            llm = self._load_llm()
            if self.backend.startswith("local:"):
                self._warm(llm)
            self._llm = llm
        return self._llm

    def _warm(self, llm: LLM) -> None:
        """Have llama.cpp read the system prompt now, while the user waits for loading anyway:
        its KV cache then spares the first question those tokens, as it spares every later one."""
        messages = [{"role": "system", "content": self.prompts.system}, {"role": "user", "content": ""}]
        try:  # the raw client: LlamaIndex would send the answer's max_tokens, not 1
            import openai

            client = openai.OpenAI(base_url=getattr(llm, "api_base"), api_key=getattr(llm, "api_key"), max_retries=0)
            client.chat.completions.create(model=getattr(llm, "model"), messages=messages, max_tokens=1)  # type: ignore[arg-type]
        except Exception as error:  # only a head start: the question itself will report a failing model
            log.info("warming the model's prompt cache failed: %s", self._describe(error))

    def _describe(self, error: Exception) -> str:
        return endpoint_failure(error, self.secret)


def indexed_spans(metas: list[dict]) -> dict[str, list[tuple[int, int]]]:
    """Each source's indexed chunk spans (boilerplate the indexer left out lies between them)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for meta in metas:
        spans.setdefault(str(meta.get("source")), []).append((int(meta["start"]), int(meta["end"])))
    return spans


def _paragraphs_around(text: str, start: int, end: int) -> tuple[int, int]:
    """From the start of the paragraph before the chunk's to the end of the one after (one paragraph per line)."""
    before = text.rfind("\n", 0, start)
    if before != -1 and not text[before + 1 : start].strip():  # the chunk opens its paragraph: take the previous one too
        before = text.rfind("\n", 0, len(text[:before].rstrip()))
    after = text.find("\n", end)
    if after != -1 and not text[end:after].strip():  # the chunk closes its paragraph: take the next one too
        following = len(text) - len(text[after:].lstrip())
        after = text.find("\n", following)
    return before + 1, len(text) if after == -1 else after


def _shows(written: _Written, cited: Citation) -> bool:
    """Whether the written answer already cites a span overlapping `cited`."""
    return any(source == cited.source and start < cited.end and cited.start < end for source, start, end in written.citations)


def _encoding(cited: Citation, passages: list[Passage]) -> str:
    """The encoding of the cited file, as its passage sentences were read."""
    return next((s.encoding for p in passages for s in p.sentences if s.source == cited.source), "utf-8")


def _month_of(date: str) -> str:
    """ "June" for "2023-06-19"; empty for an undated article."""
    try:
        return datetime.date.fromisoformat(date[:10]).strftime("%B")
    except ValueError:
        return ""


def _options(sentences: list[Span]) -> list[list[Span]]:
    """Each sentence alone, and each pair of neighbours: a claim may condense two sentences."""
    return [[s] for s in sentences] + [[a, b] for a, b in zip(sentences, sentences[1:])]


def _started(stream: Iterator[_T]) -> Iterator[_T]:
    """Pull the first item now, so a refused request fails here (and can be retried), not mid-answer."""
    iterator = iter(stream)
    try:
        first = next(iterator)
    except StopIteration:
        return iter(())
    return _chain_first(first, iterator)


def _chain_first(first: _T, rest: Iterator[_T]) -> Iterator[_T]:
    yield first
    yield from rest


def openai_llm(
    model: str, base_url: str | None, api_key: str | None, timeout: float, context_window: int,
    is_chat_model: bool, temperature: float, max_tokens: int,
) -> LLM:
    """LlamaIndex's OpenAILike: speaks to OpenAI, vLLM, llama.cpp, Ollama, LM Studio alike.

    Retries are the chain's own (`_with_retries`), the same for every endpoint, so the client's are off.
    """
    from llama_index.llms.openai_like import OpenAILike

    return OpenAILike(
        model=model,
        api_base=base_url or "https://api.openai.com/v1",
        api_key=api_key or "not-needed",
        timeout=timeout,
        max_retries=0,
        context_window=context_window,
        is_chat_model=is_chat_model,
        temperature=temperature,
        max_tokens=max_tokens,
    )

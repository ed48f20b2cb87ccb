"""The sentences a reading weighs: those of the retrieved chunks and their neighbours, with their evidence.

A retrieved sentence's evidence is what retrieval said about its chunk
(dense similarity, fused rank score) plus how much of the question's
idf-weighted vocabulary it holds. The answer often stands in the sentence
just before or after the one that matched the question's words ("Qin was
named on Friday." follows "China has a new foreign minister."), so the
sentences of the neighbouring chunks in the article are weighed too, with
their chunk's evidence discounted.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import takewhile
from typing import Any, Iterator

from llama_index.core.schema import NodeWithScore

from assistant.answer import acronyms, synonyms
from assistant.boilerplate import is_heading
from assistant.sentences import sentence_spans
from assistant.support import looks_like_instruction
from assistant.terms import terms

WEIGHT_DENSE, WEIGHT_TERMS, WEIGHT_FUSED = 0.6, 0.3, 0.1  # tuned on tests/golden/seeds-dev.jsonl
ASKED_WEIGHT = 3.0  # measured on the dev splits (2: no change, 3: +1 fact, 5: +2 facts with more churn)
NEIGHBOUR_DISCOUNT = 0.85  # a neighbour inherits this share of its retrieved chunk's retrieval scores
NEIGHBOURED_CHUNKS = 6  # the best this many chunks bring their neighbours in
MIN_WORDS = 4
TEXT_CACHE = 512  # articles whose joined text is kept between questions


@dataclass(frozen=True)
class Sentence:
    """A sentence of an indexed article, with absolute offsets into its file and its evidence."""

    source: str
    start: int
    end: int
    text: str
    encoding: str
    story: str
    date: str
    outlet: str
    title: str
    words: frozenset[str]
    dense: float
    fused: float
    cover: float
    retrieved: bool

    @property
    def evidence(self) -> float:
        return WEIGHT_DENSE * self.dense + WEIGHT_TERMS * self.cover + WEIGHT_FUSED * self.fused


class Articles:
    """The indexed chunks of each article, in file order, to find a chunk's neighbours and an article's text."""

    def __init__(self, texts: list[str], metas: list[dict[str, Any]]) -> None:
        self.texts, self.metas = texts, metas
        self._years: frozenset[str] | None = None
        self._names: frozenset[str] | None = None
        self._by_source: dict[str, list[int]] | None = None
        self._texts: dict[str, str] = {}

    def _positions(self, source: str) -> list[int]:
        if self._by_source is None:
            by_source: dict[str, list[int]] = {}
            for position, meta in enumerate(self.metas):
                by_source.setdefault(str(meta.get("source")), []).append(position)
            for positions in by_source.values():
                positions.sort(key=lambda p: int(self.metas[p].get("start", 0)))
            self._by_source = by_source
        return self._by_source.get(source, [])

    def neighbours(self, source: str, start: int) -> list[tuple[str, dict[str, Any]]]:
        """The chunks just before and after the chunk of `source` that starts at `start`."""
        positions = self._positions(source)
        starts = [int(self.metas[p].get("start", 0)) for p in positions]
        if start not in starts:
            return []
        at = starts.index(start)
        return [(self.texts[positions[i]], self.metas[positions[i]]) for i in (at - 1, at + 1) if 0 <= i < len(positions)]

    def names(self) -> frozenset[str]:
        """The terms of the articles' titles and outlets: a question may name the story ("the Zenger report")."""
        if self._names is None:
            heads = {f"{m.get('title', '')} {m.get('outlet', '')}" for m in self.metas}  # once per article, not per chunk
            self._names = frozenset(t for head in heads for t in terms(head))
        return self._names

    def years(self) -> frozenset[str]:
        """The years the articles are dated in."""
        if self._years is None:
            self._years = frozenset(str(m.get("date") or "")[:4] for m in self.metas if m.get("date"))
        return self._years

    def text(self, source: str) -> str:
        """The article's indexed text (boilerplate left out), its title, date and outlet first."""
        cached = self._texts.get(source)
        if cached is None:
            positions = self._positions(source)
            meta = self.metas[positions[0]] if positions else {}
            head = f"{meta.get('title', '')} {meta.get('date', '')} {meta.get('outlet', '')}"
            cached = "\n".join([head] + [self.texts[p] for p in positions]) if positions else ""
            if len(self._texts) >= TEXT_CACHE:
                self._texts.clear()
            self._texts[source] = cached
        return cached


def near_best(ranked: list[Sentence], ratio: float) -> Iterator[Sentence]:
    """The sentences of a best-first list whose evidence is at least `ratio` of the best's: the readers of
    a clause, a description or a stance look no further down than this."""
    floor = ratio * ranked[0].evidence if ranked else 0.0
    return takewhile(lambda s: s.evidence >= floor, ranked)


def gather(
    question_terms: frozenset[str], idf: dict[str, float], chunks: list[NodeWithScore], articles: Articles | None,
    asked: frozenset[str] = frozenset(),
) -> list[Sentence]:
    """Sentences of the retrieved chunks, then of the best chunks' neighbours, each once. The `asked` terms
    (those of the clause that asks, after one that restates the event) weigh ASKED_WEIGHT times their idf."""
    weights = term_weights(question_terms, idf, asked)
    best_fused = max((c.score or 0.0 for c in chunks), default=0.0) or 1.0
    seen: dict[tuple[str, int], Sentence] = {}
    for scored in chunks:
        meta = scored.node.metadata
        fused = (scored.score or 0.0) / best_fused
        names = _initialisms(str(meta["source"]), scored.node.get_content(), articles)
        _add(seen, scored.node.get_content(), meta, float(meta.get("dense", 0.0)), fused, weights, True, names)
    if articles is not None:
        for scored in chunks[:NEIGHBOURED_CHUNKS]:
            meta = scored.node.metadata
            dense = NEIGHBOUR_DISCOUNT * float(meta.get("dense", 0.0))
            fused = NEIGHBOUR_DISCOUNT * (scored.score or 0.0) / best_fused
            names = _initialisms(str(meta["source"]), "", articles)
            for text, neighbour_meta in articles.neighbours(str(meta["source"]), int(meta["start"])):
                _add(seen, text, {**meta, **neighbour_meta}, dense, fused, weights, False, names)
    return list(seen.values())


def _initialisms(source: str, chunk_text: str, articles: Articles | None) -> dict[str, frozenset[str]]:
    """The initials the article spells out: a chunk may write "BRC" and leave the full name to an earlier one."""
    return acronyms.expansions(articles.text(source) if articles is not None else chunk_text)


def term_weights(question_terms: frozenset[str], idf: dict[str, float], asked: frozenset[str] = frozenset()) -> dict[str, float]:
    """Each question term's weight in a sentence's cover: its idf (the rarest known when unseen), times
    ASKED_WEIGHT for the terms of the asking clause."""
    unknown = max(idf.values(), default=1.0)
    return {t: idf.get(t, unknown) * (ASKED_WEIGHT if t in asked else 1.0) for t in question_terms}


HEADER_LINE_WORDS = 8  # a heading line of at most this many words may be a header's


def _with_header_blocks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentence spans, with each run of header lines one span: a fixture's "France v Wales (Sat)",
    "Stade de France, Paris", "Saturday, 26 February", "1600 GMT" each say too little to be read alone,
    and the kick-off time is a line of two words. A run is joined only when one of its lines is too
    short to be read alone; its text is the file's own, line breaks included."""
    joined: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []

    def close() -> None:
        if len(run) > 1 and any(len(text[a:b].split()) < MIN_WORDS for a, b in run):
            joined.append((run[0][0], run[-1][1]))
        else:
            joined.extend(run)
        run.clear()

    for start, end in spans:
        line = text[start:end]
        header = len(line.split()) <= HEADER_LINE_WORDS and is_heading(line)
        if header and (not run or ("\n" in text[run[-1][1] : start] and not text[run[-1][1] : start].strip())):
            run.append((start, end))
            continue
        close()
        if header:
            run.append((start, end))
        else:
            joined.append((start, end))
    close()
    return joined


def _add(
    seen: dict[tuple[str, int], Sentence], chunk_text: str, meta: dict[str, Any], dense: float, fused: float,
    weights: dict[str, float], retrieved: bool, names: dict[str, frozenset[str]],
) -> None:
    total = sum(weights.values()) or 1.0
    offset = int(meta["start"])
    for start, end in _with_header_blocks(chunk_text, sentence_spans(chunk_text)):
        text = chunk_text[start:end]
        key = (str(meta["source"]), offset + start)
        if key in seen or len(text.split()) < MIN_WORDS or looks_like_instruction(text):
            continue
        words = frozenset(terms(text))
        matched = synonyms.widened(acronyms.widened(words, names))  # "BRC" holds the question's "British Retail Consortium"
        seen[key] = Sentence(
            source=str(meta["source"]), start=offset + start, end=offset + end, text=text,
            encoding=str(meta.get("encoding") or "utf-8"), story=str(meta.get("story") or meta["source"]),
            date=str(meta.get("date") or ""), outlet=str(meta.get("outlet") or ""), title=str(meta.get("title") or ""),
            words=words, dense=dense, fused=fused,
            cover=sum(w for t, w in weights.items() if t in matched) / total, retrieved=retrieved,
        )

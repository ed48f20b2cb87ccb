"""Sentence and paragraph spans with character offsets into the original text.

Punkt comes from the NLTK data that llama-index-core ships, so nothing is downloaded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

Span = tuple[int, int]

_PARAGRAPH = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def _punkt():  # type: ignore[no-untyped-def]
    from llama_index.core.utils import globals_helper
    from nltk.tokenize import PunktTokenizer

    globals_helper.wait_for_nltk_check()  # puts llama-index's bundled NLTK cache on the path
    _lift_regex_wall_clock()
    return PunktTokenizer("english")


def _lift_regex_wall_clock() -> None:
    """nltk 3.10 runs each of its regexes under a 5 s wall-clock limit, meant for patterns callers
    supply. Punkt's patterns are its own and linear, but the clock also runs while another thread
    holds the GIL, and Chroma's Rust `add` holds it for its whole call (2.7 s for 4,096 chunks,
    measured): indexing and questions in other threads failed with TimeoutError."""
    try:
        from nltk import redos
    except ImportError:  # nltk before 3.10 has no limit
        return
    redos.DEFAULT_TIMEOUT = None


def paragraph_spans(text: str) -> Iterator[Span]:
    """Non-blank lines, trimmed; news files keep one paragraph per line."""
    for match in _PARAGRAPH.finditer(text):
        start, end = trim(text, match.start(), match.end())
        if start < end:
            yield start, end


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of text[start:end], as absolute offsets, whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    for para_start, para_end in paragraph_spans(text[start:end]):
        piece = text[start + para_start : start + para_end]
        for s, e in _punkt().span_tokenize(piece):
            s, e = trim(piece, s, e)
            if s < e:
                spans.append((start + para_start + s, start + para_start + e))
    return spans


def trim(text: str, start: int, end: int) -> Span:
    """Shrink a span so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

"""The extractive answer's text: the short answer first, then the quoted evidence, each with its citation.

"**Diaoyutai State Guesthouse** [1]" then "Blinken met Qin at the Diaoyutai
State Guesthouse. [1] ..." The short answer is a span of the first quote,
so it carries that quote's number (a question asking two things gets a
second, from its own quote: "**O'Connor** [1]; **University of Sydney** [2]"); a "when" answer adds the absolute
date it names ("**Sunday** [1] (June 18, 2023)"). Questions over several stories get one
line per story, oldest first, each with its date and outlet.
"""

from __future__ import annotations

from assistant.answer.reader import Quote
from assistant.citations import Citation


def answer_text(quotes: list[Quote], citations: list[Citation], several: bool, when: str = "") -> str:
    """`citations[i]` cites `quotes[i]`; both lists are already the verified ones; `when` is the short answer's absolute date."""
    if several:
        return "\n".join(f"{_label(q)}{c.quote} [{c.id}]" for q, c in zip(quotes, citations))
    body = " ".join(f"{c.quote} [{c.id}]" for c in citations)
    spans = [(_span(c), c.id) for c in citations if c.answer_start is not None and c.answer_end is not None]
    if not spans:
        return body
    dated = f" ({when})" if when and citations[0].answer_start is not None else ""
    first, *more = spans
    line = f"**{first[0]}** [{first[1]}]{dated}" + "".join(f"; **{text}** [{number}]" for text, number in more)
    return f"{line}\n\n{body}"


def renumbered(text: str, citations: list[Citation], numbers: dict[int, int], shown: frozenset[int] = frozenset()) -> str:
    """`text`, composed by `answer_text` from `citations`, with citation `i` cited as `numbers[i]`: another answer's
    sentences come first. The quotes in `shown` (ids) are left out, as that answer already shows them (their short
    answer stays). Only the composed pieces change: a bracketed number inside a quote stays as it is."""
    pieces: dict[str, str] = {}
    for c in citations:
        new = numbers.get(c.id, c.id)
        marks = [(f"{c.quote} [{c.id}]", "" if c.id in shown else f"{c.quote} [{new}]")]
        if c.answer_start is not None and c.answer_end is not None:
            marks.append((f"**{_span(c)}** [{c.id}]", f"**{_span(c)}** [{new}]"))
        for old, replacement in marks:
            if old in text:
                placeholder = f"\x00{len(pieces)}\x00"
                pieces[placeholder] = replacement
                text = text.replace(old, placeholder)
    for placeholder, replacement in pieces.items():
        text = text.replace(placeholder, replacement)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    kept = [line for line in lines if not line or not line.endswith(":")]  # a story's label whose quote was left out
    return "\n".join(kept).strip()


def _span(citation: Citation) -> str:
    """The short answer a quote holds: the first quote's, and in a question that asks two things, the other's."""
    return citation.quote[(citation.answer_start or 0) - citation.start : (citation.answer_end or 0) - citation.start]


def _label(quote: Quote) -> str:
    parts = [p for p in (quote.date, quote.outlet) if p]
    return f"{', '.join(parts)}: " if parts else ""

"""The extractive answer's text: the short answer first, then the quoted evidence, each with its citation.

"**Diaoyutai State Guesthouse** [1]" then "Blinken met Qin at the Diaoyutai
State Guesthouse. [1] ..." The short answer is a span of the first quote,
so it carries that quote's number; a "when" answer adds the absolute
date it names ("**Sunday** [1] (June 18, 2023)"). Questions over several stories get one
line per story, oldest first, each with its date and outlet.
"""

from __future__ import annotations

from assistant.answer.reader import Quote
from assistant.citations import Citation


def answer_text(short_answer: str, quotes: list[Quote], citations: list[Citation], several: bool, when: str = "") -> str:
    """`citations[i]` cites `quotes[i]`; both lists are already the verified ones; `when` is the short answer's absolute date."""
    if several:
        return "\n".join(f"{_label(q)}{c.quote} [{c.id}]" for q, c in zip(quotes, citations))
    body = " ".join(f"{c.quote} [{c.id}]" for c in citations)
    if short_answer and citations and citations[0].answer_start is not None:
        dated = f" ({when})" if when else ""
        return f"**{short_answer}** [{citations[0].id}]{dated}\n\n{body}"
    return body


def _label(quote: Quote) -> str:
    parts = [p for p in (quote.date, quote.outlet) if p]
    return f"{', '.join(parts)}: " if parts else ""

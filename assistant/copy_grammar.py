"""A GBNF grammar, built per question, under which the model can only name passage sentences, which are then copied.

A small model asked to copy a passage word for word still rewords it, and the
chain's check then drops the reworded sentence. llama.cpp's server constrains
sampling to a grammar sent with the request (`"grammar"` in the chat-completion
body). A grammar forcing the model to copy letter by letter made it start the
likeliest sentence opening ("The ...") rather than the sentence that answers,
and its sentences held fewer of the asked facts than its free answers (see
bench/RESULTS.md), so the passages show each sentence under a label "n.k" and the
reply can only be: the answer in a few words of the model's own (a line never
shown), then the label(s) of the sentence(s) that say it, or exactly NOT
COVERED. The chain quotes the named sentences verbatim, each cited [n], and
verifies them like any model sentence; when the model's answer words stand in
another sentence than the one it named, that sentence is quoted instead.
"""

from __future__ import annotations

import re
from typing import Sequence

from assistant.support import words_found

_LABEL = re.compile(r"^\d+\.\d+(?:\s+|$)")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
ANSWER = "Answer: "  # the model's own words for the answer: steers which sentence it names, never shown
PICKED = "\nSentence: "  # then the labels of the sentences that say it
MAX_NOTE_CHARS = 80


def gbnf_literal(text: str) -> str:
    """`text` as a GBNF string literal (UTF-8 stays as it is; quotes, backslashes and controls escaped)."""
    return '"' + "".join(_ESCAPES.get(ch, ch) for ch in text) + '"'


def numbered(sentences: Sequence[str], number: int) -> str:
    """Passage `number`'s sentences one per line, each after its label "n.k", as the model is shown them."""
    return "\n".join(f"{number}.{k} {' '.join(s.split())}" for k, s in enumerate(sentences, start=1))


def pick_grammar(sizes: Sequence[int], refusal: str = "NOT COVERED", most: int = 2) -> str:
    """The grammar of a reply: `refusal`, or "Answer: <a few words>", then "Sentence: " and 1..`most` labels
    "n.k" (sentence k of passage n; `sizes` holds each passage's sentence count), one per line."""
    labels = [f"{n}.{k}" for n, size in enumerate(sizes, start=1) for k in range(1, size + 1)]
    if not labels:
        return f"root ::= {gbnf_literal(refusal)}"
    more = ' ("\\n" label)?' * (most - 1)
    return "\n".join([
        f"root ::= {gbnf_literal(refusal)} | {gbnf_literal(ANSWER)} note {gbnf_literal(PICKED)} label{more}",
        f"note ::= [^\\n\\[\\]]{{1,{MAX_NOTE_CHARS}}}",
        "label ::= " + " | ".join(gbnf_literal(label) for label in labels),
    ])


def picked(reply: str, passages: Sequence[Sequence[str]]) -> str:
    """The reply as model text to verify: the named sentences verbatim, each followed by " [n]", one per line;
    a refusal as it is; "" while the model is still writing its answer line.

    The model's answer line is often right where its label is not (it names a neighbour of the sentence): when
    no named sentence holds the answer's words and another passage sentence does, that one stands in for the first.
    """
    note, marker, labels = reply.partition(PICKED)
    if not marker:
        return "" if reply.startswith(ANSWER) or ANSWER.startswith(reply) else reply
    named = [found for label in labels.split() if (found := _sentence(label, passages))]
    holding = _holding(note.removeprefix(ANSWER), passages)
    if named and holding and not any(place in holding for place in named):
        named[0] = holding[0]
    return "\n".join(f"{' '.join(passages[n - 1][k - 1].split())} [{n}]" for n, k in dict.fromkeys(named))


def answer_line(reply: str) -> str:
    """The model's own words for the answer ("" for a refusal, or before its answer line ends)."""
    note, marker, _ = reply.partition(PICKED)
    return _answer_words(note.removeprefix(ANSWER)) if marker else ""


def _answer_words(answer: str) -> str:
    """The answer's words, spaces collapsed, without a label the model put before them ("1.1 Jan. 2") or end marks."""
    return _LABEL.sub("", " ".join(answer.split())).strip(" .,;:!?\"'“”‘’")


def _sentence(label: str, passages: Sequence[Sequence[str]]) -> tuple[int, int] | None:
    """(n, k) for a label "n.k" naming a sentence shown, else None."""
    n, _, k = label.partition(".")
    if n.isdigit() and k.isdigit() and 1 <= int(n) <= len(passages) and 1 <= int(k) <= len(passages[int(n) - 1]):
        return int(n), int(k)
    return None


def _holding(answer: str, passages: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    """The sentences that hold the answer's words as written (case aside, whole words only), in passage order;
    then those holding every one of its words in another order or form ("five hours" for "5 hours")."""
    words = _answer_words(answer)
    if not words:
        return []
    places = [((n, k), " ".join(s.split())) for n, sentences in enumerate(passages, start=1) for k, s in enumerate(sentences, start=1)]
    exact = [place for place, s in places if phrase_in(words, s)]
    return exact + [place for place, s in places if place not in exact and words_found(words, s)]


def phrase_in(words: str, sentence: str) -> tuple[int, int] | None:
    """Where `words` stand in `sentence` as whole words, case and spacing aside: the offsets of the sentence's own
    text, so a short answer cut there is verbatim."""
    parts = words.split()
    if not parts:
        return None
    found = re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, parts)) + r"(?!\w)", sentence, re.IGNORECASE)
    return found.span() if found else None

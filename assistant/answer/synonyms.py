"""Words news copy uses for one another, so that a sentence in one is found for a question in the other.

"When was Qin named foreign minister?" is answered by "Qin was appointed to the role on Friday";
MiniLM puts "named" and "appointed" far apart (0.3), so the word vectors of `soft` miss it. These are
the verbs of events news reports every day; each group holds Porter stems (`terms`), and a sentence
that writes one member covers a question that writes another.
"""

from __future__ import annotations

from assistant.terms import terms

_GROUPS = (
    "appointed named",  # to a post
    "bought acquired purchased",
    "injured hurt",
    "resigned quit",
    "sacked dismissed",
    "died death",
    "fell dropped declined slumped",
    "rise rose increased climbed",
    "cut reduced lowered",
    "started began",
    "arrested detained",
    "sued lawsuit",
)


def _others() -> dict[str, frozenset[str]]:
    """Each stem of a group and the other stems of its groups."""
    others: dict[str, frozenset[str]] = {}
    for group in _GROUPS:
        stems = frozenset(t for word in group.split() for t in terms(word))
        for stem in stems:
            others[stem] = others.get(stem, frozenset()) | (stems - {stem})
    return others


_OTHERS = _others()


def widened(words: frozenset[str]) -> frozenset[str]:
    """The terms, with the other words of each group a term belongs to."""
    extra = {other for word in words if word in _OTHERS for other in _OTHERS[word]}
    return words | extra if extra else words

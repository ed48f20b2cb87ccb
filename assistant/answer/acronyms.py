"""The initials an article uses for a name it also writes in full, so that either form matches the other.

News copy names a body once and then writes its initials: "the British Retail Consortium ... said BRC
director general Kevin Hawkins". A reader asks in full words ("Who is director general of the British
Retail Consortium?") or in initials; the sentence that answers is matched on the other form. Only
initials the article itself spells out count: "BRC" means nothing beside "British Rail Company" elsewhere.
A country's initials are left out: "US" and "UK" stand in nearly every sentence of the stories about them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answer import places
from assistant.terms import terms

_INITIALS = re.compile(r"(?<![\w&.-])[A-Z](?:[A-Z&]|[a-z](?=[A-Z])){1,5}(?![\w&.-])")  # BRC, IAAF, AT&T, TfL; not "U.S.", "MPs"
_WORD = re.compile(r"[A-Za-z][\w'’]*")
_LINKS = frozenset({"of", "for", "and", "the", "on", "de", "in", "&"})  # Court of Arbitration for Sport -> CAS
MAX_LINKS = 2  # between two capitalised words: "Office for the Deputy" is one name, a clause is not


def expansions(text: str) -> dict[str, frozenset[str]]:
    """Each initialism of the text (as a term) and the terms of the name it stands for, when the text
    writes that name: capitalised words, linking words allowed between them, whose initials spell it."""
    return dict(_expansions(text))


@lru_cache(maxsize=1024)
def _expansions(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    first: dict[str, int] = {}  # each initialism and where the text first writes it
    for m in _INITIALS.finditer(text):
        first.setdefault(m.group().replace("&", ""), m.start())
    if not first:
        return ()
    found = list(_WORD.finditer(text))
    words = [re.split(r"['’]", m.group())[0] for m in found]
    out: dict[str, frozenset[str]] = {}
    for acronym in sorted(a for a in first if len(a) >= 2):
        at, name = _spelled(acronym, words)
        key = acronym.lower()
        if not name or found[at].start() > first[acronym]:  # news spells a name out before its initials
            continue
        if key not in out and not places.is_country(" ".join(name)):  # "US" stands in nearly every sentence
            name_terms = frozenset(terms(" ".join(name))) - {key}
            if len(name_terms) >= 2:
                out[key] = name_terms
    return tuple(out.items())


def _spelled(acronym: str, words: list[str]) -> tuple[int, list[str]]:
    """The first run of the words whose capitalised initials are the acronym's letters, in order, and
    the index of its first word."""
    for start, word in enumerate(words):
        if word[:1] != acronym[0] or word.isupper():
            continue
        run, letter, links = [word], 1, 0
        for following in words[start + 1 :]:
            if letter == len(acronym):
                break
            if acronym[letter].islower() and following[:1] == acronym[letter]:  # "TfL": Transport for London
                run.append(following)
                letter += 1
                continue
            if following.lower() in _LINKS and links < MAX_LINKS:
                run.append(following)
                links += 1
                continue
            if following[:1] != acronym[letter] or following.isupper():
                break
            run.append(following)
            letter += 1
            links = 0
        if letter == len(acronym):
            return start, run
    return 0, []


def widened(words: frozenset[str], names: dict[str, frozenset[str]]) -> frozenset[str]:
    """A sentence's terms with the other form of each name it writes: the full name's terms for its
    initials, the initials for the full name."""
    extra: set[str] = set()
    for acronym, name_terms in names.items():
        if acronym in words:
            extra |= name_terms
        elif name_terms <= words:
            extra.add(acronym)
    return words | extra if extra else words

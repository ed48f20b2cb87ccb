"""Why the articles cannot answer a question, said in terms of the question's own parts.

A refusal names what is missing: a name no article mentions, or the part of
the question the articles found do not speak to ("The articles found mention
Blinken and Taiwan, but not “election”."). Names match their common forms
(USA, U.S., United States; Tories, Conservatives) through `patterns.name_forms`.
"""

from __future__ import annotations

import re
from typing import Container, Iterable

from assistant.answer import meaning, patterns, places
from assistant.answer.evidence import Sentence
from assistant.answer.question import Question, asked_clause
from assistant.terms import folded, terms

_ASKING = frozenset({"Who", "What", "Which", "Where", "When", "Why", "How"})  # a name cut short runs into the question
_NAME_LINKS = frozenset({"of", "the", "and", "de", "du", "la", "le", "von", "van", "for", "on"})
MAX_NAMES_SCANNED = 200  # a pasted essay is not a question: its first names are enough to judge
AMOUNT_OF = 0.5  # "mobiles" for "handsets" 0.56, "killed" for "casualties" 0.56; "bonuses" for "pay" 0.44, "data" for "traffic" 0.36
MAX_WORDS_COMPARED = 200  # ... and the best sentences' first words are enough to say what they speak of
TYPE_NOUNS = {
    "person": "person", "organisation": "organisation", "place": "place", "date": "date", "day": "day",
    "time": "time", "duration": "length of time", "number": "number", "money": "sum of money",
    "percent": "percentage", "quantity": "amount", "list": "names", "title": "title", "law": "law",
    "rank": "ranking", "score": "score", "name": "name",
}


def unknown_names(question: str, vocabulary: Container[str]) -> list[str]:
    """Capitalised words of the question (not opening a sentence) that no indexed article contains in any form."""
    unknown: list[str] = []
    for _, word in patterns.capitalised_names(question, MAX_NAMES_SCANNED):
        if word in unknown or not terms(word):
            continue
        if not any(_known(form, vocabulary) for form in patterns.name_forms(word)) and not _alias_known(word, question, vocabulary):
            unknown.append(word)
    return unknown


def _alias_known(word: str, question: str, vocabulary: Container[str]) -> bool:
    """The word is part of a longer name the question writes ("Liberal" of "the Liberal Democrats") whose
    other form the articles use ("Lib Dems")."""
    lowered = question.lower()
    for group in patterns.ALIASES:
        for member in group:
            if word.lower() in member.split() and re.search(rf"(?<!\w){re.escape(member)}(?!\w)", lowered):
                if any(_known(form, vocabulary) for form in group):
                    return True
    return False


def _known(form: str, vocabulary: Container[str]) -> bool:
    form_terms = terms(form)
    return bool(form_terms) and all(t in vocabulary for t in form_terms)


def unfound_names(names: tuple[str, ...], found_text: str) -> list[str]:
    """Proper names of several words ("Sydney Opera House", "Reserve Bank of India") that the articles
    found never spell out, though each word is known: the question asks about something else. Descriptions
    written in capitals ("the Man in Black") are not names and are left to the reader."""
    plain = folded(found_text.lower())
    return [n for n in names if _proper_name(n) and not any(
        patterns.mentions(plain, folded(form)) or _spelled_loosely(plain, form) for form in _without_nationality(n))]


def _without_nationality(name: str) -> list[str]:
    """The name, and without a nationality word that opens it: "the American Davis Cup side" speaks of the
    Davis Cup (spaCy runs the two together). What is left must still be a name of two words or more:
    "American Express" is no "Express"."""
    first, _, rest = name.partition(" ")
    return [name, rest] if _proper_name(rest) and places.country_of_demonym(first) else [name]


def _spelled_loosely(folded_text: str, name: str) -> bool:
    """The name's words in order, one other word allowed between them: "Diaoyutai Guesthouse" is
    "the Diaoyutai State Guesthouse"."""
    words = [re.escape(w) for w in folded(name.lower()).split()]
    return re.search(r"(?<!\w)" + r"(?:\W+[\w'’-]+)?\W+".join(words) + r"(?!\w)", folded_text) is not None


def _proper_name(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and not _ASKING.intersection(words) and all(w[:1].isupper() or w[:1].isdigit() or w in _NAME_LINKS for w in words) and words[-1][:1].isupper()


def mostly_unknown(names: tuple[str, ...], people: tuple[str, ...], unknown: list[str]) -> bool:
    """Whether the question asks about something the corpus does not know: a person whose surname no
    article mentions ("What did Blinken say about Macron?"), or at least half of what it names ("How much
    did Google pay for YouTube?"). One unfamiliar place or organisation among several known names is more
    often the reader's paraphrase than a question the articles cannot answer."""
    unknown_set = set(unknown)
    if any(_words(person)[-1] in unknown_set for person in people):
        return True
    spoken = [n for n in names if n not in people and _unknown_name(_words(n), unknown_set)]
    loose = [w for w in unknown if not any(w in _words(n) for n in names)]
    return 2 * (len(spoken) + len(loose)) >= len(names) + len(loose)


def unknown_where_asked(question: str, names: tuple[str, ...], people: tuple[str, ...], unknown: list[str]) -> bool:
    """Whether a question that restates its event before it asks ("Apple unveiled a handset at Macworld.
    When did the first iPhone go on sale?") asks about something the corpus does not know: the names of the
    restated event are known, and would otherwise outweigh the one unknown name the question is about."""
    asked = asked_clause(question)
    if asked == question:
        return False
    unknown_asked = [w for w in unknown if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", asked)]
    named = tuple(n for n in names if n in asked)
    return bool(unknown_asked) and mostly_unknown(named, tuple(p for p in people if p in named), unknown_asked)


def _unknown_name(words: list[str], unknown: set[str]) -> bool:
    """'Sistine Chapel', '2022 FIFA World Cup': a name is unknown when its head word, or half of it, is."""
    return bool(words) and (words[-1] in unknown or 2 * sum(w in unknown for w in words) >= len(words))


def _words(name: str) -> list[str]:
    return [re.sub(r"['’]s?$", "", word).rstrip(".") for word in name.split()]


def unknown_names_notice(names: list[str]) -> str:
    return f"No indexed article mentions {quoted(names)}."


def unknown_names_caveat(names: list[str]) -> str:
    return f"No indexed article mentions {quoted(names)}: the answer rests on the rest of the question."


def quoted(words: Iterable[str]) -> str:
    return ", ".join(f"“{word}”" for word in words)


def missing_part(question: Question, sentences: list[Sentence], articles_text: str, typed_missing: bool) -> str:
    """'The articles mention A and B, but no C.': the question's parts found, and the first one not found."""
    found_text = (" ".join(s.text for s in sentences) + "\n" + articles_text).lower()
    found_words = set(terms(found_text))
    mentioned = [n for n in question.names if patterns.mentions(found_text, n)]
    absent_names = [n for n in question.names if n not in mentioned]
    absent_words = [w for w in question.focus if not set(terms(w)) <= found_words]
    mentioned += [w for w in question.focus if w not in absent_words and w[:1].isupper()]
    opening = f"The articles found mention {_and(mentioned[:3])}" if mentioned else "The articles found"
    if absent_names:
        return f"{opening}, but not {_and(absent_names[:2])}." if mentioned else f"No article found mentions {_and(absent_names[:2])}."
    if absent_words:
        return f"{opening}, but not {quoted(absent_words[:2])}." if mentioned else f"The articles found say nothing about {quoted(absent_words[:2])}."
    if typed_missing:
        noun = TYPE_NOUNS.get(question.type, "answer")
        return f"{opening}, but give no {noun} that answers it." if mentioned else f"The articles found give no {noun} that answers it."
    return f"{opening}, but do not answer this question." if mentioned else "The articles found do not answer this question."


def uncounted_notice(question: Question, thing: str, found_text: str) -> str:
    """'The articles found mention China and Beijing, but no “vehicles”.': what is counted is nowhere in them."""
    lowered = found_text.lower()
    mentioned = [n for n in question.names if patterns.mentions(lowered, n)]
    if mentioned:
        return f"The articles found mention {_and(mentioned[:3])}, but not {quoted([thing])}."
    return f"The articles found say nothing about {quoted([thing])}."


def speaks_of(thing: str, found_text: str, best_text: str = "") -> bool:
    """The text holds the noun in some form (stemmed: subscriber, subscribers), or the best sentences hold a
    word that means it ("workforce" for "workers": similarity at least meaning.SAME_MEANING)."""
    wanted = set(terms(thing))
    if bool(wanted) and wanted <= set(terms(found_text)):
        return True
    words = list(dict.fromkeys(w.lower() for w in re.findall(r"[A-Za-z]{4,}", best_text)))[:MAX_WORDS_COMPARED]
    if not wanted or not words:
        return False
    return meaning.closest(thing, words) >= meaning.SAME_MEANING


def measures(thing: str, sentence: str) -> bool:
    """The sentence giving an amount says what it is an amount of: one of the thing's words in some form
    ("profits" for "profit"), or a word that means it ("salary" for "wages")."""
    if patterns.CROWD.match(thing) and patterns.ATTENDANCE.search(sentence):  # a match report's "Att: 50,430"
        return True
    lowered = sentence.lower()
    words = list(dict.fromkeys(re.findall(r"[a-z]{4,}", lowered)))[:MAX_WORDS_COMPARED]
    found = set(terms(lowered))
    return any(set(terms(w)) <= found or meaning.closest(w, words) >= AMOUNT_OF for w in thing.split())


def unmeasured_notice(question: Question, thing: str, found_text: str) -> str:
    """'The articles found mention Solidere, but give no sum for “profit”.': amounts of the kind asked
    stand in them, none of the thing asked."""
    lowered = found_text.lower()
    mentioned = [n for n in question.names if patterns.mentions(lowered, n)]
    noun = TYPE_NOUNS.get(question.type, "amount")
    if mentioned:
        return f"The articles found mention {_and(mentioned[:3])}, but give no {noun} for {quoted([thing])}."
    return f"The articles found give no {noun} for {quoted([thing])}."


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]

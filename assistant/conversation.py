"""Follow-up questions ("and when was that?", "what about Qin?") rewritten as standalone questions.

The extractive backend has no model to rewrite with, so the rewrite is read
off spaCy's parse of the follow-up and of the previous turn:

- "that", "it", "this" standing for the previous question's event, and bare
  wh-words ("why?"), ask the previous question again with the new wh-word:
  "Why did Blinken postpone his trip to Beijing in February?" + "and when was
  that?" -> "When did Blinken postpone his trip to Beijing?" (a "when" drops
  the old question's dates, which are not the answer but would pass for it);
- pronouns ("he", "his", "they", "it", "there", "then") take the names of the
  previous question, or of the previous answer when that question asked for
  them ("Who did Blinken meet?" -> Qin Gang); the previous question's places
  and names the follow-up lacks are added as context;
- a new name without a verb ("what about Qin?") takes the place of the
  previous question's name of the same kind.

The previous question is itself first made standalone, so any number of
turns chain without being glued together. A question with its own names and
verb is not a follow-up and is left alone, but for a "he", "she" or "they"
when it names no person ("What did he say about Taiwan?"). The work is bounded: the last
MAX_TURNS turns, each cut to a few thousand characters, parsed once (cached).
The generative backend asks its model instead (prompts/condense.txt) and
falls back to this.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from assistant.answer.nlp import parse

Turn = tuple[str, str]  # (user question, assistant answer)

MAX_TURNS = 4
MAX_QUESTION_CHARS = 2000
MAX_ANSWER_CHARS = 1500  # the short answer and the first quotes carry what a pronoun may point to
MAX_FOLLOW_UP_WORDS = 8  # longer questions without names are questions of their own

_CONJUNCTIONS = {"and", "but", "so", "also", "then", "ok", "okay", "well"}
_PERSONS = {"he", "she", "him", "they", "them"}
_POSSESSIVES = {"his", "their", "its", "hers", "theirs"}
_DEMONSTRATIVES = {"that", "this", "these", "those"}
# Adverbs that place the question in the conversation ("and when did he finally go?"); standing
# alone they only blur the search (the trip he "finally" made is the trip he made).
_CONVERSATIONAL = {"finally", "eventually", "ultimately", "actually", "exactly", "anyway"}
_GENERIC_VERBS = {"be", "happen", "occur", "take", "start", "begin", "end", "last", "do"}
_WHEN = re.compile(r"^(when|what time|what date|what day|which day|which date|which year|what year|which month|what month|how long ago)\b", re.I)
_WHERE = re.compile(r"^(where|which city|which country|what city|what country)\b", re.I)
_HOW_MANY = re.compile(r"^how (many|much)\b", re.I)
_PLACES = {"GPE", "LOC", "FAC"}
_NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
_GROUPS = {"ORG", "NORP"}
_SWAPPABLE = {"PERSON", "ORG", "GPE", "NORP"}


def standalone_question(question: str, history: list[Turn] | None) -> str:
    """The question to search with: unchanged, or rewritten from the conversation's last turns."""
    turns = tuple((q[:MAX_QUESTION_CHARS], a[:MAX_ANSWER_CHARS]) for q, a in (history or [])[-MAX_TURNS:])
    return _standalone(question[:MAX_QUESTION_CHARS], turns)


@lru_cache(maxsize=256)
def _standalone(question: str, turns: tuple[Turn, ...]) -> str:
    if not turns:
        return question
    follow_up = parse(question[:1].upper() + question[1:])  # "what about Blinken?" tags Blinken as a place
    if not _is_follow_up(follow_up):
        return question
    previous_question, previous_answer = turns[-1]
    previous = _standalone(previous_question, turns[:-1])
    return _rewrite(follow_up, parse(previous), previous_answer) or question


# ---------------------------------------------------------------- parsing


def _words(doc: Any) -> list[Any]:
    """The tokens that carry meaning: no punctuation, no leading "and"/"but"."""
    tokens = [t for t in doc if not t.is_punct and not t.is_space]
    while tokens and tokens[0].lower_ in _CONJUNCTIONS:
        tokens = tokens[1:]
    return tokens


def _names(doc: Any) -> list[Any]:
    """Named entities that are names (not dates or numbers), plus proper nouns the recogniser missed."""
    spans = [e for e in doc.ents if e.label_ not in _NOT_NAMES]
    covered = {t.i for e in doc.ents for t in e}
    spans += [doc[t.i : t.i + 1] for t in doc if t.pos_ == "PROPN" and t.i not in covered and t.i > 0]
    return sorted(spans, key=lambda s: s.start)


def _references(doc: Any) -> list[Any]:
    """Words that point back into the conversation: pronouns, "that", "there", "then"."""
    found = []
    for token in _words(doc):
        lower = token.lower_
        if lower in _PERSONS | _POSSESSIVES | {"her", "it"} and token.pos_ == "PRON":
            found.append(token)
        elif lower in _DEMONSTRATIVES and token.dep_ != "mark":
            found.append(token)
        elif lower == "there" and token.dep_ != "expl" or lower == "then" and token.i > 0:
            found.append(token)
    return found


def _is_follow_up(doc: Any) -> bool:
    words = _words(doc)
    if not words:
        return True
    has_verb = any(t.pos_ == "VERB" for t in doc)
    if _names(doc) and has_verb:
        return bool(_outside_people(doc))  # "what did he say about Taiwan?", not "is it true that Blinken ...?"
    return bool(_references(doc)) or bool(_names(doc)) or len(words) <= MAX_FOLLOW_UP_WORDS


def _outside_people(doc: Any) -> list[Any]:
    """He, she, they with no person in the question itself to point to."""
    if any(e.label_ == "PERSON" for e in doc.ents):
        return []
    return [t for t in _references(doc) if t.lower_ in _PERSONS | {"his", "her", "their"}]


# ---------------------------------------------------------------- rewriting


def _rewrite(follow_up: Any, previous: Any, answer: str) -> str:
    references = _references(follow_up)
    own_names = _names(follow_up)
    if not references and not any(t.pos_ == "VERB" for t in follow_up) and (own_names or follow_up.ents):
        return _substitute_names(follow_up, previous, answer)
    if _asks_again(follow_up, references):
        return _ask_again(follow_up, previous)
    if own_names:
        return _resolve_references(follow_up, previous, answer, _outside_people(follow_up), add_context=False)
    if references:
        return _resolve_references(follow_up, previous, answer, references, add_context=True)
    return _with_context(_text(follow_up), previous, _wh(follow_up))


def _asks_again(follow_up: Any, references: list[Any]) -> bool:
    """ "when was that?", "when did it take place?", "why?": the previous question's event, asked about anew.

    Only when nothing else is said: "why did it take so long?" asks something new about it."""
    wh = _wh(follow_up)
    if not wh or any(t.lower_ not in _DEMONSTRATIVES | {"it"} for t in references):
        return False
    rest = _words(follow_up)[len(wh.split()):]
    pointed = {r.head.i for r in references if r.dep_ == "det"}  # "that meeting"
    return all(
        t in references or t.i in pointed or t.pos_ in ("AUX", "PART") or t.lemma_.lower() in _GENERIC_VERBS or t.lower_ == "place"
        for t in rest
    )


def _ask_again(follow_up: Any, previous: Any) -> str:
    wh = _wh(follow_up)
    dropped = _adjuncts(previous, _asked_kind(wh))
    text = _join([t for t in _without_wh(previous) if t.i not in dropped])
    if not text:
        return _text(follow_up)
    return _sentence(f"{wh} {_lower_first(text)}")


def _asked_kind(wh: str) -> set[str]:
    """Entity kinds of the previous question that would pass for the answer to the new wh-word."""
    if _WHEN.match(wh):
        return {"DATE", "TIME"}
    if _WHERE.match(wh):
        return _PLACES
    if _HOW_MANY.match(wh):
        return {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
    return set()


def _adjuncts(doc: Any, kinds: set[str]) -> set[int]:
    """Token positions of the phrases that add an entity of these kinds ("in February", "last week"),
    with their preposition; an entity the question is about (its subject or object) stays."""
    dropped: set[int] = set()
    for entity in doc.ents:
        if entity.label_ not in kinds:
            continue
        head = entity.root.head
        if entity.root.dep_ == "pobj" and head.dep_ == "prep" and len(list(head.children)) == 1:
            dropped.update(range(head.i, entity.end))
        elif entity.root.dep_ in ("npadvmod", "tmod"):
            dropped.update(range(entity.start, entity.end))
    return dropped


def _resolve_references(follow_up: Any, previous: Any, answer: str, references: list[Any], add_context: bool) -> str:
    replacements: dict[int, str] = {}
    used: list[str] = []
    for token in references:
        replacement = _antecedent(token, previous, answer)
        if replacement:
            replacements[token.i] = replacement
            used.append(replacement)
    pieces = [
        replacements.get(t.i, t.text) + t.whitespace_
        for t in _words_with_punct(follow_up)
        if not (t.lower_ in _CONVERSATIONAL and t.dep_ == "advmod")
    ]
    text = "".join(pieces).strip()
    if not add_context:
        return _sentence(text)
    return _sentence(_add_phrases(text, previous, used, _wh(follow_up)))


def _antecedent(token: Any, previous: Any, answer: str) -> str:
    lower = token.lower_
    if lower in ("there",):
        place = _first(_entities(previous, _PLACES)) or _first(_answer_entities(previous, answer, {"FAC"})) or _first(
            _answer_entities(previous, answer, _PLACES)
        )
        return f"{'at' if place.lower().startswith('the ') else 'in'} {place}" if place else ""
    if lower == "then":
        when = _first(_entities(previous, {"DATE", "TIME"})) or _first(_answer_entities(previous, answer, {"DATE", "TIME"}))
        return f"in {when}" if when else ""
    if lower in _DEMONSTRATIVES:
        return "the" if token.dep_ == "det" else _thing(previous)
    possessive = lower in _POSSESSIVES or lower == "her" and token.tag_ == "PRP$"
    if lower == "it" or lower == "its":
        name = _thing(previous)
    elif lower in ("they", "them", "their", "theirs"):
        name = _group(previous, answer)
    else:
        name = _person(previous, answer)
    if not name:
        return ""
    return f"{name}’s" if possessive else name


def _person(previous: Any, answer: str) -> str:
    """He/she: the person the previous question asked for (in its answer), else the one it named."""
    if _wh(previous).lower() in ("who", "whom"):
        asked = _answer_entities(previous, answer, {"PERSON"})
        if asked:
            return asked[0]
    subjects = [e.text for e in previous.ents if e.label_ == "PERSON" and e.root.dep_ in ("nsubj", "nsubjpass")]
    people = subjects or _entities(previous, {"PERSON"}) or [s.text for s in _names(previous) if s.root.dep_ == "nsubj"]
    return people[0] if people else _first(_answer_entities(previous, answer, {"PERSON"}))


def _group(previous: Any, answer: str) -> str:
    """They: the people of the previous question, with those its answer named when it asked "who"."""
    people = _entities(previous, {"PERSON"})
    if _wh(previous).lower() in ("who", "whom"):
        people += _answer_entities(previous, answer, {"PERSON"})[:1]
    if len(people) >= 2:
        return " and ".join(people[:3])
    return _first(_entities(previous, _GROUPS)) or (people[0] if people else _first(_answer_entities(previous, answer, _GROUPS)))


def _thing(previous: Any) -> str:
    """It/that: the previous question's thing: a named one, else its object or subject noun phrase;
    none when it asked about people (then "it" is their doing, and their names are added as context)."""
    names = _entities(previous, {"FAC", "ORG", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"})
    if names:
        return names[0]
    for chunk in previous.noun_chunks:
        if chunk.root.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and chunk.root.pos_ == "NOUN":
            return chunk.text
    return ""


def _entities(doc: Any, labels: set[str]) -> list[str]:
    return list(dict.fromkeys(e.text for e in doc.ents if e.label_ in labels))


def _answer_entities(previous: Any, answer: str, labels: set[str]) -> list[str]:
    """Entities of the previous answer (its bold short answer first) that its question did not name."""
    asked = {e.text for e in previous.ents}
    short = re.search(r"\*\*(.+?)\*\*", answer)
    texts = [short.group(1)] if short else []
    texts.append(re.sub(r"\[\d+\]|\*\*", "", answer))
    for text in texts:
        found = [name for name in _entities(parse(text), labels) if name not in asked]
        if found:
            return found
    return []


def _substitute_names(follow_up: Any, previous: Any, answer: str) -> str:
    """ "what about Qin?", "and in 2022?": the previous question with its name (or date) of the same kind
    swapped for the new one."""
    text = _text(previous)
    added = []
    spans = list(follow_up.ents) + [n for n in _names(follow_up) if not n.label_]
    for name in spans:
        new = f"the {name.text}" if name.start > 0 and follow_up[name.start - 1].lower_ == "the" else name.text
        if re.search(rf"\b{re.escape(name.text)}\b", text):
            continue  # already asked about ("what about Qin?" after "... meet Qin Gang?")
        kind = _kind(name, previous, answer)
        same = [e for e in previous.ents if e.label_ == kind and e.text != name.text]
        only = [n for n in _names(previous) if n.label_ in _SWAPPABLE or not n.label_]
        if not same and len(only) == 1 and kind in _SWAPPABLE:  # the one name asked about, whatever its tag
            same = only
        if same:
            text = text.replace(same[0].text, new, 1)
        else:
            added.append(new)
    if added:
        return _sentence(f"{text.rstrip(' ?')} ({', '.join(added)})")
    return text


def _kind(name: Any, previous: Any, answer: str) -> str:
    """The entity label of a name, from the follow-up, else from where the conversation used it."""
    label = name.label_ if hasattr(name, "label_") and name.label_ else ""
    if label:
        return label
    for doc in (previous, parse(re.sub(r"\[\d+\]|\*\*", "", answer))):
        for entity in doc.ents:
            if name.text in entity.text:
                return entity.label_
    return "PERSON"


def _with_context(text: str, previous: Any, wh: str) -> str:
    """A follow-up without names ("how many people died?") searched within the previous question's names."""
    drop = _asked_kind(wh)
    names = [e.text for e in previous.ents if e.label_ not in _NOT_NAMES - drop and e.label_ not in drop]
    topics = [c.text for c in previous.noun_chunks if c.root.dep_ in ("nsubj", "dobj", "pobj") and c.root.tag_ not in ("WP", "PRP")]
    names = list(dict.fromkeys(names + [s.text for s in _names(previous)] + topics))
    if not names:
        return text
    return _sentence(f"{text.rstrip(' ?')} ({', '.join(names[:4])})")


def _add_phrases(text: str, previous: Any, used: list[str], wh: str) -> str:
    """The previous question's phrases the follow-up lacks: "to Beijing" in line, other names in brackets."""
    drop = _asked_kind(wh) | {"CARDINAL", "ORDINAL"}
    lowered = text.lower()
    phrases, names = [], []
    for entity in previous.ents:
        if entity.label_ in drop or entity.text.lower() in lowered or any(entity.text in u for u in used):
            continue
        head = entity.root.head
        if entity.root.dep_ == "pobj" and head.dep_ == "prep" and head.i == entity.start - 1:
            phrases.append(f"{head.text} {entity.text}")
        else:
            names.append(entity.text)
    text = " ".join([text.rstrip(" ?")] + phrases)
    return f"{text} ({', '.join(names)})" if names else text


# ---------------------------------------------------------------- small helpers


def _wh(doc: Any) -> str:
    """The question's wh-phrase ("when", "how many people", "which venue"), or empty."""
    words = _words(doc)
    if not words or words[0].tag_ not in ("WRB", "WP", "WDT", "WP$"):
        return ""
    phrase = [words[0]]
    for token in words[1:]:
        if token.pos_ in ("AUX", "VERB", "PRON", "PROPN", "ADP") or token.tag_ in ("WRB", "WP"):
            break
        phrase.append(token)
    return " ".join(t.text for t in phrase)


def _without_wh(doc: Any) -> list[Any]:
    words = _words_with_punct(doc)
    wh = _wh(doc)
    skip = len(wh.split()) if wh else 0
    body = words[skip:]
    return [t for t in body if not (t.is_punct and t.i == len(doc) - 1)]


def _words_with_punct(doc: Any) -> list[Any]:
    tokens = list(doc)
    while tokens and (tokens[0].lower_ in _CONJUNCTIONS or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    return tokens


def _join(tokens: list[Any]) -> str:
    if not tokens:
        return ""
    text = "".join(t.text + t.whitespace_ for t in tokens[:-1]) + tokens[-1].text
    return re.sub(r"\s+([?,.!])", r"\1", text).strip(" ,")


def _text(doc: Any) -> str:
    return _sentence(_join(_words_with_punct(doc)))


def _first(items: list[str]) -> str:
    return items[0] if items else ""


def _lower_first(text: str) -> str:
    """Lower-case the first word unless it is a name ("did Blinken", not "Did Blinken")."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() or first[:1].isupper() and parse(text)[0].pos_ == "PROPN" else text[:1].lower() + text[1:]


def _sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = text.rstrip(" ?.!") + "?"
    return text[:1].upper() + text[1:]

"""The name a sentence gives the asked noun: "which drug" is answered by "drug Tysabri", "Avonex, Biogen
Idec's existing drug", "the Newsnight programme" or "the rare condition - progressive multifocal
leukoencephalopathy (PML) -".

Most nouns a question asks for ("which drug", "what condition") belong to no entity label, so no typed
candidate can answer them; yet news writing names such things right beside their noun, in a few fixed
shapes. Only those shapes are read, so a sentence that merely mentions the noun gives no answer.
"""

from __future__ import annotations

import re

from assistant.answer.nlp import parse

_NAME_WORD = r"[A-Z][\w'’.&-]*"
_JOINER = r"(?:of|the|for|de|la|du|von|van)"
NAME = rf"{_NAME_WORD}(?:\s+(?:{_JOINER}\s+)*{_NAME_WORD})*"  # "Thought for the Day", "Tysabri"
_NOT_NAMES = frozenset({"The", "A", "An", "It", "He", "She", "They", "This", "That", "But", "And", "Mr", "Mrs", "Ms", "Dr"})
_COPULAR = re.compile(r"^\W*what (?:is|was) (?:the |an? |[\w'’.& -]+['’]s )", re.IGNORECASE)
_NO_APPOSITION = re.compile(r"^(?:which|who|that|whose|where|when|and|or|but|is|was|are|were|has|had|said|says)\b", re.IGNORECASE)


def named_by(noun: str, text: str, asked: str = "") -> tuple[int, int] | None:
    """The span of `text` that names the asked noun, in one of the shapes news copy uses; None when none
    does. A name the question already gives (`asked`) is no answer."""
    if not noun:
        return None
    word = rf"(?i:{re.escape(noun)}(?:s|es)?)"  # "Computeractive Magazine" names a magazine too
    titled = rf"{re.escape(noun[:1].upper() + noun[1:])}(?:s|es)?"
    shapes = (
        rf"(?P<name>(?:{_NAME_WORD}\s+)+{titled})\b",  # "Billboard's Century Award": the noun is part of the name
        rf"\b{word}\s+(?P<name>{NAME})",  # "drug Tysabri", "the programme Newsnight"
        rf"(?P<name>{NAME}),\s+(?:[\w'’-]+\s+){{0,6}}?{word}\b(?=\s*[,.;)]|\s*$)",  # "Avonex, Biogen Idec's existing drug."
        rf"\b{word}\s*[-–—:]\s*(?P<name>[^-–—,;:()]{{3,80}}?)\s*(?=[-–—,;(.]|$)",  # "the condition - PML -"
        rf"\b{word},\s*(?P<name>{NAME})\s*(?=[,;(.]|$)",  # "the drug, Tysabri,"
        rf"(?P<name>{NAME})\s+{word}\b",  # "the Newsnight programme", "Thought for the Day slot"
    )
    lowered = asked.lower()
    for shape in shapes:
        for match in re.finditer(shape, text):
            start, end = match.span("name")
            end = start + len(text[start:end].rstrip())
            found = _trimmed(text[start:end])
            if not found or found in _NOT_NAMES or _NO_APPOSITION.match(found) or found.lower() in lowered:
                continue
            if _opening_word(text, end - len(found), end):  # "Contentious issues include ...": no name
                continue
            if shape is shapes[3] and not found[:1].isupper() and len(found.split()) > 6:
                continue
            return end - len(found), end
    return None


def _opening_word(text: str, start: int, end: int) -> bool:
    """A single word that opens the sentence, capitalised for that alone: spaCy reads it as no proper noun."""
    if text[:start].strip() or " " in text[start:end]:
        return False
    return next((t.pos_ != "PROPN" for t in parse(text) if t.idx == start), False)


def kind_of(noun: str, text: str, question: str = "") -> tuple[int, int] | None:
    """The noun with the nouns that say which one it is: "what injury forced him off?" is answered by
    "a shoulder injury"; adjectives ("a serious injury") say how bad, not which, and the question's own
    words ("which steel contractor": "its steel contractor") say nothing new."""
    if not noun:
        return None
    asked = {w.lower() for w in re.findall(r"[\w'’-]+", question)}
    for token in parse(text):
        if token.lower_ not in (noun, noun + "s", noun + "es") or token.pos_ != "NOUN":
            continue
        kinds = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
        if kinds and all(t.lower_ in asked for c in kinds for t in c.subtree):
            continue
        if kinds:
            numbers = [c for c in token.lefts if c.dep_ == "nummod"]  # "the 1,000m title": the number is the kind too
            start = min(t.idx for c in kinds + numbers for t in c.subtree)
            return start, token.idx + len(token.text)
    return None


def copular_noun(question: str) -> str:
    """The noun a "What is Biogen Idec's existing drug?" question ends on: what it asks to be named."""
    if not _COPULAR.match(question):
        return ""
    tokens = [t for t in parse(question) if not t.is_punct]
    last = tokens[-1] if tokens else None
    return last.text.lower() if last is not None and last.pos_ == "NOUN" and last.tag_ == "NN" else ""


def _trimmed(phrase: str) -> str:
    """Without a leading article or possessive owner's name ("the BBC's Newsnight" -> "Newsnight")."""
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    owned = re.match(rf"{NAME}['’]s\s+(?P<rest>.+)$", phrase)
    return owned.group("rest") if owned else phrase

"""Who did what: a candidate whose sentence gives the question's action to someone else does not answer it.

"How much did the FA fine Sir Alex Ferguson?" is not answered by "Arsene
Wenger, who was fined £15,000": the sentence has the question's verb (fine)
but another name in the role the question gives Ferguson (the one fined).
The roles are the doer, the one done to, the one it was done with
("his meeting with Xi Jinping" is not "met with Qin Gang"), the one a sale
or gift went to ("selling the Dutchman to Lazio" is not "sold him on to AC
Milan"), and, whatever the verb, the place it happened in or went to
("arrive in Washington" is not answered by "met in Beijing on Sunday",
"approved in Europe" not by "approved in the US"). A sentence that speaks of a namesake body and never
of the asked one ("the New York Stock Exchange" for "the London Stock
Exchange") does not answer either.
The check reads both dependency parses. It only speaks when it is sure: the
same verb on both sides, a proper name filling the same role on both sides,
and the question's name nowhere else in the sentence than in the verb's
other roles ("GM had to pay Fiat": Fiat is paid, not paying). A pronoun, a
common noun ("the firm") or another verb is no conflict; a place conflicts
only with one that cannot hold it (two cities, two countries, a country off
the asked continent, a city outside the asked country), and a short form is
the same name ("the Fed", "the Federal Reserve").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from assistant.answer import patterns, places
from assistant.answer.nlp import parse
from assistant.answer.question import PARSED_CHARS, is_role_noun

AGENT, PATIENT, PARTNER = "agent", "patient", "partner"  # the doer, the done-to, the one it was done with
RECIPIENT = "recipient"  # the one a sale or a gift went to: "selling the Dutchman to Lazio" is not "sold him on to AC Milan"
_TRANSFER = frozenset({"sell", "give", "hand", "pass", "lend", "loan", "send", "transfer", "award", "grant", "deliver", "supply", "leak"})
PLACE = "place"  # where it was done: "arrive in Washington" is not "met in Beijing"
NAMESAKE = "namesake"  # another body of the question's kind: "New York Stock Exchange" for "London Stock Exchange"
SWAPPED = "swapped"  # the candidate has the other role of the asked act: "He replaces Wang Yi" for "who replaced him"
OWNER = "owner"  # whose the asked amount is: "Sky Plus ... with 474,000 subscribers" for Telewest's subscribers
_BODIES = frozenset({"ORG", "FAC", "EVENT", "LAW"})
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
_MISREAD = frozenset({"FAC", "PRODUCT", "WORK_OF_ART"})  # labels the small model gives bands and firms as subjects
LIGHT_VERBS = frozenset({"be", "do", "have", "say", "make", "get", "go", "take", "give"})  # say nothing of the act
_PRONOUNS = frozenset({"it", "he", "she", "they"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_WH = frozenset({"who", "whom", "what", "which", "how", "where", "when", "why", "whose"})
_WHERE = frozenset({"in", "at"})
_GOING = frozenset({"visit", "trip", "tour", "journey", "travel", "fly", "go", "come", "return", "head", "move", "arrive"})
_MODIFIERS = frozenset({"compound", "poss", "nmod", "amod"})
_BE = frozenset({"is", "are", "was", "were", "been", "be"})
_AUXILIARIES = _BE | frozenset({"did", "does", "do", "will", "would", "can", "could", "should", "has", "have", "had", "may", "might"})


@dataclass(frozen=True)
class Conflict:
    """The sentence's verb (as written) that the question uses too, and the sentence's name where the question has another."""

    verb: str
    role: str
    said: str
    asked: str

    def notice(self) -> str:
        """The refusal that says what the articles report instead."""
        if self.role == PLACE:
            return f"The articles found place it in {self.said} (“{self.verb}”), not in {self.asked}."
        if self.role == NAMESAKE:
            return f"The articles found speak of the {self.said}, not the {self.asked}."
        if self.role == SWAPPED:
            if self.asked == AGENT:
                return f"In the articles found, {self.said} is the one done to (“{self.verb}”), not the one who did it."
            return f"In the articles found, {self.said} is the one who did it (“{self.verb}”), not the one it was done to."
        if self.role == OWNER:
            return f"The articles found give that figure for {self.said}, not for {self.asked}."
        doing = {
            AGENT: f"the one who {self.verb}", PARTNER: f"the one {self.verb} with", RECIPIENT: f"the one it went to (“{self.verb}”)",
        }.get(self.role, f"the one {self.verb}")
        return f"In the articles found, {self.said}, not {self.asked}, is {doing}."


def conflict(question: str, sentence: str, start: int, end: int) -> Conflict | None:
    """How the sentence, around its phrase text[start:end], gives the question's action to another name."""
    doc = parse(sentence)
    anchor = _token_at(doc, start)
    if anchor is None:
        return None
    return _first_conflict(question, sentence, _predicates(anchor), start, end) or _owner_conflict(question, sentence, anchor)


def _owner_conflict(question: str, sentence: str, anchor: Any) -> Conflict | None:
    """A "how many / how much" figure whose clause is about another named one than the question's, in a
    sentence that never names the question's: "Sky Plus is the market leader ..., with 474,000 subscribers"
    does not count Telewest's. Unlike the roles above, the verbs need not match ("has", "is ... with"), so
    the check stays quiet when the sentence's one is named anywhere in the question."""
    asked = _asked_owner(parse(question[-PARSED_CHARS:]))
    if not asked or patterns.mentions(sentence.lower(), asked):
        return None
    holder = _clause_subject(anchor)
    said = _entity_name(holder) if holder is not None else ""
    if not said or _same(said, asked) or patterns.mentions(question.lower(), said):
        return None
    return Conflict("", OWNER, said, asked)  # no verb: the clause may say "has" or "is ... with"


def _asked_owner(question: Any) -> str:
    """The name a "how many / how much" question asks the figure of: the subject between its auxiliary and
    verb ("how many subscribers has Telewest's recorder signed up" -> Telewest), or "it" of an opening clause's
    subject. Empty when the counted ones are the subject ("how many fans were taken to hospital")."""
    how = next((t for t in question[1:] if t.lower_ in ("many", "much") and question[t.i - 1].lower_ == "how"), None)
    if how is None:
        return ""
    auxiliary = next((t for t in question[how.i + 1 :] if t.lower_ in _AUXILIARIES), None)
    if auxiliary is None:
        return ""
    verb = next((t for t in question[auxiliary.i + 1 :] if t.pos_ == "VERB"), None)
    if verb is not None and auxiliary.lower_ in _BE and verb.tag_ in ("VBN", "VBD"):
        return ""
    between = question[auxiliary.i + 1 : verb.i if verb is not None else len(question)]
    heads = [t for t in between if t.dep_ == "nsubj" or (t.dep_ == "poss" and t.head.dep_ == "nsubj")]
    subject = next((name for name in (_entity_name(t) for t in heads) if name), "")  # "Telewest's recorder": Telewest;
    # "the Glasgow Kelvin MP" names a place that describes the one asked about, who is not named
    if not subject and any(t.lower_ in _PRONOUNS for t in between):
        subject = _opening_subject(question[: auxiliary.i])
    return subject


def _entity_name(token: Any) -> str:
    """The name of the entity the token stands in, whatever its part of speech ("Sky Plus" tagged a noun and a
    conjunction), else the proper name it heads."""
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end and e.label_ in NAMED), None)
    if entity is None or (entity.label_ == "NORP" and len(entity) == 1 and not entity.text.endswith("s")):
        return _name(token)
    return "" if all(is_role_noun(word) for word in entity.text.split()) else str(entity.text)


def _clause_subject(anchor: Any) -> Any:
    """The subject of the nearest clause up from the anchor that has one, through participles ("donations
    totalling £4.6m") and relative pronouns ("Sony, which has sold 80m")."""
    token = anchor
    while token.head.i != token.i:
        token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)  # not a passive's "by": who signed him may act for the buyer
        if subject is not None:
            return token.head if subject.lower_ in _RELATIVE and token.dep_ == "relcl" else subject
    return None


def _first_conflict(question: str, sentence: str, verbs: list[Any], start: int, end: int) -> Conflict | None:
    asked_doc = parse(question[-PARSED_CHARS:])  # a pasted essay is read on its asking end, as the analysis does
    lowered = sentence.lower()
    elsewhere = _place_conflict(asked_doc, verbs, lowered, start, end) or _namesake(asked_doc, parse(sentence), lowered)
    if elsewhere is not None:
        return elsewhere
    for verb in verbs:
        asked = _asked_roles(asked_doc, verb)
        wh_role = _wh_role(asked_doc, verb)
        for role, token in _roles(verb).items():
            if start <= token.idx < end:  # the candidate itself fills this role: it is the answer, not a rival,
                if wh_role and role in (AGENT, PATIENT) and role != wh_role:  # unless the question asks the other
                    return Conflict(verb.text.lower(), SWAPPED, _name(token) or sentence[start:end], wh_role)
                continue
            said = _name(token)
            wanted = asked.get(role, "")
            if not said or not wanted or _same(said, wanted) or _named_elsewhere(wanted, lowered, verb, role):
                continue
            return Conflict(verb.text.lower(), role, said, wanted)
    return None


def _place_conflict(question: Any, verbs: list[Any], lowered: str, start: int, end: int) -> Conflict | None:
    """The candidate's clause happens in (or goes to) a place that cannot hold the question's (two cities,
    two countries, ...), and the sentence never names the question's place."""
    asked = [name for name in (_in_place(t) for t in question if _locative(t) and not _describing(t)) if name]
    if not asked or any(patterns.mentions(lowered, name) for name in asked):
        return None
    for verb in verbs:
        described = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        for child in verb.subtree:  # "met with Qin Gang in Beijing": the parser may hang the place on a noun
            if child.dep_ != "prep" or not _locative(child) or start <= child.idx < end or _clause(child) != verb.i:
                continue
            if child.i in described:  # "Thanou, the silver medallist from the Games in Sydney, quit": who, not where
                continue
            said = _in_place(child)
            if said and all(elsewhere(said, name) for name in asked):
                return Conflict(verb.text.lower(), PLACE, said, asked[0])
    return None


def _describing(token: Any) -> bool:
    """In a clause that describes someone ("Qin Gang, who had been Beijing's envoy in Washington, ..."): the
    place says who they are, not where the asked act happened."""
    return any(t.dep_ in ("relcl", "appos") for t in token.ancestors)


def _namesake(question: Any, sentence: Any, lowered: str) -> Conflict | None:
    """The sentence names another body of the same kind as the question's, and never the question's own:
    "the New York Stock Exchange" for "the London Stock Exchange", "the Bank of Japan" for "the Bank of England"."""
    for asked in (e for e in question.ents if e.label_ in _BODIES and len(_name_words(e.text)) >= 2):
        if patterns.mentions(lowered, asked.text):
            continue
        for said in (e for e in sentence.ents if e.label_ in _BODIES):
            if _same_head(_name_words(said.text), _name_words(asked.text)):
                return Conflict("", NAMESAKE, re.sub(r"^the\s+", "", said.text), re.sub(r"^the\s+", "", asked.text))
    return None


def _name_words(name: str) -> list[str]:
    return [w for w in re.sub(r"['’]s?$", "", name.lower()).split() if w != "the"]


def _same_head(said: list[str], asked: list[str]) -> bool:
    """Two names for two bodies of one kind: the same last two words ("stock exchange") or the same "X of"
    ("bank of"), and other words before or after them that neither name holds in full."""
    if said == asked or set(said) <= set(asked) or set(asked) <= set(said):
        return False
    if len(said) >= 3 and len(asked) >= 3 and said[-2:] == asked[-2:]:
        return True
    return said[1:2] == ["of"] and said[:2] == asked[:2]


def _clause(token: Any) -> int:
    """The index of the verb whose clause holds the token."""
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return int(token.i)
    return int(token.i)


def _locative(token: Any) -> bool:
    """"in"/"at" a place, or "to" it after a word of going there ("his visit to France", "flew to Paris")."""
    return token.lower_ in _WHERE or (token.lower_ == "to" and token.head.lemma_.lower() in _GOING)


def _in_place(preposition: Any) -> str:
    """The city, country or continent an "in"/"at" names."""
    objects = [c for c in preposition.children if c.dep_ == "pobj" and c.ent_type_ in ("GPE", "LOC")]
    return _name(objects[0]) if objects else ""


def elsewhere(said: str, asked: str) -> bool:
    """Two places neither of which can hold the other: two cities, two countries, a country and a continent
    it does not lie on ("approved in the US", "approved in Europe"), a city and a country it is not in."""
    if _same(said, asked):
        return False
    if _same_kind(said, asked):
        return True
    return any(outside(a, b) for outside in (places.off_continent, places.outside_country) for a, b in ((said, asked), (asked, said)))


def _same_kind(first: str, second: str) -> bool:
    """Two cities, two countries, two US states or two continents: one cannot hold the other."""
    return any(test(first) and test(second) for test in (places.is_city, places.is_country, places.is_us_state, places.is_continent))


def _named_elsewhere(name: str, lowered: str, verb: Any, role: str) -> bool:
    """The sentence names the question's one outside the verb's other roles: it may be the same one, told
    another way. ("GM had to pay Fiat": Fiat is the one paid, so GM is not Fiat.)"""
    if not patterns.mentions(lowered, name):
        return False
    others = [token for other, token in _roles(verb).items() if other != role]
    spans = [(min(t.idx for t in o.subtree), max(t.idx + len(t.text) for t in o.subtree)) for o in others]
    outside = "".join(ch if not any(a <= i < b for a, b in spans) else " " for i, ch in enumerate(lowered))
    return patterns.mentions(outside, name)


def _asked_roles(question: Any, verb: Any) -> dict[str, str]:
    """role -> the proper name the question puts there, for the question's word that is the sentence's verb.

    Questions are read by word order, which spaCy's small model parses badly
    ("did the FA fine Ferguson" tags "fine" an adjective): the names between
    the auxiliary and the verb are its subject, the name right after it its
    object; a be-auxiliary with a participle makes the subject the one done to.
    """
    forms = _forms(verb.text) | {verb.lemma_.lower()}
    at = next((t.i for t in question if _forms(t.text) & forms or t.lemma_.lower() in forms), None)
    if at is None:
        return {}
    # the auxiliary of the asking clause: not one before its wh-word or in an opening sentence ("... a label
    # owned by Universal. Who founded that label?" has none)
    floor = max([t.i + 1 for t in question[:at] if t.lower_ in _WH] + [question[at].sent.start])
    auxiliary = next((t for t in reversed(question[floor:at]) if t.lower_ in _AUXILIARIES), None)
    roles: dict[str, str] = {}
    partner = next((t.i for t in question[at + 1 : at + 4] if t.lower_ == "with"), None)
    if partner is not None:  # "his meeting with Xi Jinping"
        name = _first_name(question[partner + 1 : partner + 6])
        if name:
            roles[PARTNER] = name
    to = next((t.i for t in question[at + 1 : at + 6] if t.lower_ == "to"), None) if verb.lemma_.lower() in _TRANSFER else None
    if to is not None:  # "sold Jaap Stam on to AC Milan"
        name = _first_name(question[to + 1 : to + 6])
        if name:
            roles[RECIPIENT] = name
    if auxiliary is not None:
        passive = auxiliary.lower_ in _BE and question[at].tag_ in ("VBN", "VBD")
        between = question[auxiliary.i + 1 : at]
        subject = _first_name(between)
        if not subject and any(t.lower_ in _PRONOUNS for t in between):  # "When Fiat bought into Ferrari, how much did it pay"
            subject = _opening_subject(question[: auxiliary.i])
        if subject:
            roles[PATIENT if passive else AGENT] = subject
        if passive:
            after = question[at + 1 :]
            by = next((t.i for t in after if t.lower_ == "by"), None)
            if by is not None:
                agent = _first_name(question[by + 1 : by + 6])
                if agent:
                    roles[AGENT] = agent
            return roles
    following = _first_name(question[at + 1 : at + 6], stop_at_preposition=True)
    if following:
        roles[PATIENT] = following
    return roles


def _wh_role(question: Any, verb: Any) -> str:
    """The role the asking word has for the question's word that is the sentence's verb, by word order (see
    `_asked_roles`): "Who replaced Qin Gang" asks the doer, "Whom did Qin Gang succeed", "Which club did
    Arsenal beat" and "Who was fined" the one done to. Empty when the verb is not the first after it."""
    forms = _forms(verb.text) | {verb.lemma_.lower()}
    wh = next((t for t in question if t.lower_ in ("who", "whom", "which")), None)  # "what share": no one's role
    if wh is None:
        return ""
    after = [t for t in question[wh.i + 1 :] if t.pos_ in ("VERB", "AUX")]
    if not after:
        return ""
    first = after[0]
    if first.pos_ == "VERB":
        asked = first
        role = AGENT
    else:
        asked = next((t for t in after[1:] if t.pos_ == "VERB"), None)
        if asked is None:
            return ""
        between = question[first.i + 1 : asked.i]
        if any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in between):
            role = PATIENT  # "Whom did Qin Gang succeed": a subject between the auxiliary and the verb
        else:
            passive = asked.tag_ == "VBN" and any(t.lower_ in _BE for t in [first, *between])
            role = PATIENT if passive else AGENT  # "who was / would be fined" / "who has won"
    if not (_forms(asked.text) & forms or asked.lemma_.lower() in forms):
        return ""
    return PATIENT if wh.lower_ == "whom" else role


def _opening_subject(opening: Any) -> str:
    """The named subject of a question's opening clause, whom its later "it" or "he" stands for ("When Fiat
    bought into Ferrari, how much did it pay")."""
    return next((_name(t) for t in opening if t.dep_ == "nsubj" and t.ent_type_ in NAMED and _name(t)), "")


def _forms(word: str) -> set[str]:
    """The word and its stems without a verb ending ("fined" -> fine, fin)."""
    word = word.lower()
    forms = {word}
    for ending in ("ing", "ed", "es", "d", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.add(word[: -len(ending)])
    return forms


def _first_name(span: Any, stop_at_preposition: bool = False) -> str:
    """The first proper name in the span; none after a wh-word, nor, when asked, after a preposition or verb."""
    for token in span:
        if stop_at_preposition and token.pos_ in ("ADP", "VERB", "PUNCT"):
            return ""
        if token.dep_ in _MODIFIERS and token.i < token.head.i < span.end:
            continue  # "Sir" of "Sir Alex Ferguson", "Home Office" of "Home Office minister Hazel Blears"
        if token.i + 2 < span.end and token.nbor(1).tag_ == "POS" and token.nbor(2).pos_ == "PROPN":
            continue  # "Britain's Kelly Sotherton", however spaCy attaches the possessive
        # the question's side must be a name spaCy knows, though it may misread its kind
        name = _name(token) if token.ent_type_ in NAMED else _misread_name(token)
        if name:
            return name
        if token.lower_ in _WH:
            return ""
    return ""


def _misread_name(token: Any) -> str:
    """A band or a game the small model labels a building or a work ("the Bay City Rollers" as FAC), when it is
    the subject: a name all the same."""
    if token.pos_ != "PROPN" or token.dep_ != "nsubj" or token.ent_type_ not in _MISREAD:
        return ""
    return next((str(e.text) for e in token.doc.ents if e.start <= token.i < e.end), "")


def _token_at(doc: Any, start: int) -> Any:
    """The token at a character offset, or the first after it."""
    for token in doc:
        if token.idx <= start < token.idx + len(token.text) or token.idx >= start:
            return token
    return None


def _predicates(anchor: Any) -> list[Any]:
    """The verb that governs the anchor, and the verbs it is conjoined to (they share its subject)."""
    token = anchor
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return []
    found = [token]
    while token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
        token = token.head
        found.append(token)
    return [t for t in found if t.lemma_.lower() not in LIGHT_VERBS]


def _roles(verb: Any) -> dict[str, Any]:
    """The head tokens of the verb's doer and done-to, read through passives, relative clauses and conjunctions."""
    roles: dict[str, Any] = {}
    for child in verb.children:
        if child.dep_ == "nsubj":
            roles[AGENT] = child
        elif child.dep_ == "nsubjpass":
            roles[PATIENT] = child
        elif child.dep_ == "dobj" and not any(c.dep_ == "nsubjpass" for c in verb.children):
            roles[PATIENT] = child
        elif child.dep_ == "prep" and child.lower_ == "with":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                roles[PARTNER] = objects[0]
        elif child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                roles[AGENT] = objects[0]
        elif child.dep_ in ("prep", "dative") and child.lower_ == "to" and verb.lemma_.lower() in _TRANSFER:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                roles[RECIPIENT] = objects[0]
    subject_role = PATIENT if any(c.dep_ == "nsubjpass" for c in verb.children) or _passive(verb) else AGENT
    subject = roles.get(subject_role)
    if subject is None and verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):  # "GM had to pay"
        inherited = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if inherited:
            roles[subject_role] = inherited[0]
    elif subject is not None and subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
        roles[subject_role] = verb.head
    if subject_role not in roles and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("PROPN", "NOUN"):
        roles[subject_role] = verb.head  # "Wenger, fined £15,000": the noun the clause hangs on
    return roles


def _passive(verb: Any) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)


def _name(token: Any) -> str:
    """The named entity the token heads, or empty: pronouns and common nouns name no one."""
    if token.pos_ != "PROPN" or token.ent_type_ not in NAMED | {""}:
        return ""
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            if len(ent) == 1 and (patterns.DEMONYM_PERSON.fullmatch(ent.text) or (ent.label_ == "NORP" and not ent.text.endswith("s"))):
                return ""  # "the Frenchman", "the Dane": a person described by nationality, named elsewhere
            return "" if all(is_role_noun(word) for word in ent.text.split()) else str(ent.text)  # "Councilor"
    if is_role_noun(token.text):  # "the Edinburgh MSP earns ...": the one asked about, described by role
        return ""
    compounds = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]  # a name spaCy did not tag
    return " ".join([c.text for c in compounds] + [token.text])


def _same(first: str, second: str) -> bool:
    """Two spellings of one name share a word ("Mr Ferguson", "Sir Alex Ferguson"), are aliases (US, Washington),
    or one is the other's short form ("Fed", "the Federal Reserve"; "FA", "the Football Association")."""
    if _words(first) & _words(second) or patterns.mentions(first.lower(), second):
        return True
    return _shortens(first, second) or _shortens(second, first)


def _shortens(short: str, name: str) -> bool:
    words = [w for w in _words(name) if w not in ("the", "of", "and", "for")]
    form = _words(short)
    if len(form) != 1 or len(words) < 2:
        return False
    (word,) = form
    return "".join(w[0] for w in words) == word or (len(word) >= 3 and any(w.startswith(word) and w != word for w in words))


def _words(name: str) -> set[str]:
    """A name's words, lower-cased, without full stops or a possessive ("Wenger's" -> wenger)."""
    return {re.sub(r"['’]s?$", "", w.lower().strip(".")) for w in name.split()} - {""}


@lru_cache(maxsize=256)
def asked_act(question: str) -> str:
    """The verb whose doer the question asks for ("Who headed the equaliser?", "Which player headed ..." ->
    "head"), or empty when the asked one is not its doer."""
    doc = parse(question[-PARSED_CHARS:])
    for token in doc:
        if token.lower_ not in ("who", "which", "what"):
            continue
        subject = token if token.dep_ == "nsubj" else token.head if token.dep_ == "det" and token.head.dep_ == "nsubj" else None
        verb = subject.head if subject is not None else None
        if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() not in LIGHT_VERBS:
            return verb.lemma_.lower()
        return ""
    return ""


def doers(act: str, sentence: str) -> list[tuple[int, int]]:
    """Where the sentence names who did the act, as a proper name ("Lomana LuaLua headed home an injury-time
    equaliser"): the answer to "who headed it?", however spaCy labelled the name."""
    if not act or not any(act[:4] in word for word in sentence.lower().split()):
        return []
    found = []
    for verb in parse(sentence):
        if verb.pos_ != "VERB" or verb.lemma_.lower() != act or _passive(verb):
            continue
        doer = _roles(verb).get(AGENT)
        if doer is None or doer.pos_ != "PROPN":
            continue
        names = [t for t in doer.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [doer]
        found.append((names[0].idx, doer.idx + len(doer.text)))
    return found

"""The clause of a sentence that answers: the reason a "why" question asks for, the description a
"Who is Qin Gang?" question asks for. Both are verbatim spans of the sentence, so the short answer is
verified like any other."""

from __future__ import annotations

import re

from assistant.answer import roles
from assistant.answer.evidence import Sentence, near_best
from assistant.answer.nlp import parse
from assistant.answer.question import Question, asked_clause
from assistant.terms import terms

DESCRIBED_RATIO = 0.6  # "who is X?": a describing sentence needs this share of the best one's evidence
STATED_CAUSE_RATIO = 0.65  # a reason said outright ("because", "a result of") is looked for this far below the best
FURTHER_CAUSE_RATIO = 0.5  # a further stated cause of the same article, this far below the best (dev: 0.35 and 0.5 alike)
RESTATED = 0.4  # a reason clause needs more than this share of words the question does not use
_AILMENT_WORDS = r"(?:an? |his |her |their )?(?:[\w-]+ ){0,2}(?:injury|injuries|problems?|trouble|strain|knock|illness|virus)\b"
_NAME_SOURCE = r"(?:tak|gett)\w* (?:its|the|his|her|their) name from|named after|name comes from"  # why a thing is called what it is
_PURPOSE = r"the (?:idea|aim|goal|intention|object|point|plan) (?:was|is|being) to|(?:designed|intended) to"  # "the idea was to get the spam sites ..."
_BODY = (r"(?:muscle|hamstring|ligament|tendon|cartilage|knee|ankle|arm|leg|wrist|shoulder|back|foot|toe|finger|thumb|hand|rib|"
         r"collarbone|neck|nerve|calf|groin|thigh|achilles|bone|hip|elbow|jaw|nose|cheekbone|cruciate|disc|vertebra)e?s?\b")
_HARM = (r"(?:recovering|recovered|suffering|suffered) from|"  # "after recovering from a trapped nerve", "he tore a pectoral muscle";
         # not "broke the record": the harm is done to a part of the body
         rf"(?:tore|torn|broke|broken|injured|damaged|strained|pulled|dislocated|fractured|twisted)(?= (?:a|an|his|her|their) (?:[\w-]+ ){{0,2}}{_BODY})")
_REASON = re.compile(  # "for" and "over" give a reason only before what is done or feared ("jailed for stealing",
    # "fears over jobs"), not before a place, a number or a time ("MEP for the East Midlands", "over 5%")
    r"\b(because(?: of)?|due to|owing to|(?:as )?(?:a|the) (?:direct )?result of|in order to|so that|so as to|in protest (?:at|over)|in response to|"
    r"as a way (?:of|to)|in (?:a bid|an effort|an attempt) to|in the hopes? (?:of|that)|with the aim of|for fear (?:of|that)|"
    r"following|amid|after|citing|since|arguing(?: that)?|on the grounds (?:that|of)|given that|thanks to|in the wake of|blaming|"
    r"reali[sz]ing|fearing|worried (?:that|about|by)|concerned (?:that|about|by)|"  # "Realising I would be unable to play, ..."
    r"(?:acted|acting|moved|stepped in|intervened|trying|tried|aims?|aimed|aiming) to|"  # "it had acted to curb inflation": its purpose
    rf"{_PURPOSE}|{_HARM}|"
    r"(?:sidelined|ruled out|kept out|forced out|laid low|hampered|troubled|plagued|struck down) (?:by|with)|"  # "sidelined by a hamstring problem"
    rf"with(?= {_AILMENT_WORDS})|{_NAME_SOURCE}|"  # "missed the match with hamstring trouble"
    r"for(?= (?:\w+ing|his|her|their|its)\b)|over(?! \d| the (?:weekend|past|last|next|coming|years?|months?|weeks?|days?|decades?|"
    r"summer|winter|season|holidays?|christmas)\b))\b",
    re.IGNORECASE,
)
_AILMENT = re.compile(rf"with {_AILMENT_WORDS}", re.IGNORECASE)  # "missed the match with hamstring trouble": the cause ends with the ailment
_STATED_CAUSE = re.compile(  # the connectives that say outright that what follows is the cause
    rf"(?:because|due to|owing to|(?:as )?(?:a|the) (?:direct )?result of|on the grounds|the reason|sidelined by|ruled out (?:by|with)|"
    rf"{_NAME_SOURCE}|{_PURPOSE}|{_HARM})\b", re.IGNORECASE
)
_WEAK_CAUSE = re.compile(r"(?:following|after|amid|since|for|over|in the wake of)\b", re.IGNORECASE)  # often only "when"
_CLAUSE_END = re.compile(r"[,;:.!?—–]|\s-\s|[”\"]")
# "over" after these is no cause: who beat whom ("a 3-1 win over Olympiakos"), who rules what ("control over
# prices"), a phrasal verb ("took over", "handed over") or a span of time ("over the years")
_OVER_NOT_A_CAUSE = re.compile(
    r"\b(?:win|wins|won|winning|victory|victories|triumph|triumphs|lead|leads|led|advantage|edge|success|successes|"
    r"control|power|powers|influence|authority|sway|hold|grip|priority|precedence|jurisdiction|"
    r"take|takes|took|taken|taking|hand|hands|handed|handing|turn|turns|turned|turning|pass|passed|passing|"
    r"preside|presided|presiding|watch|watched|look|looked|fall|fell|stay|stayed|move|moved|come|came|go|went|all)\s+$",
    re.IGNORECASE,
)
_SINCE_A_TIME = re.compile(r"\s+(?:\d|then\b|last\b|early\b|late\b|the (?:start|end|beginning|days?|time)\b|"
                           r"(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)\w*\b)", re.IGNORECASE)


def _not_a_cause(text: str, match: re.Match[str]) -> bool:
    """A causal-looking word that is not one here: "win over England", "since 1993", "was due to lead
    England" (what was planned, before a verb)."""
    word = match.group().lower()
    if word == "over":
        return _OVER_NOT_A_CAUSE.search(text[max(0, match.start() - 20) : match.start()]) is not None
    if word == "due to":  # the word right after "to" is a verb's base form
        return any(match.start() < t.idx <= match.end() + 1 and t.tag_ == "VB" for t in parse(text))
    return word == "since" and _SINCE_A_TIME.match(text, match.end()) is not None


def best_reason(ranked: list[Sentence], question: Question, keep_ratio: float) -> Sentence:
    """Among sentences close to the best, the first that gives a reason the question does not already state,
    for the act the question asks about when one does ("why had she started her blog?": "which she started
    as a way of getting over her mother's death", not "contained fictional stories because ..."); else, a
    little further down, the first that states a cause outright ("said to be a result of his friendship with
    Zach Braff"): weaker connectives ("for", "after") that far down are seldom the reason."""
    best = ranked[0].evidence
    giving = [(s, clause) for s in ranked if s.evidence >= keep_ratio * best and (clause := reason_clause(s, question))]
    acts = asked_acts(question.text)
    for sentence, clause in giving:  # the reason given for starting the blog, not for what it holds
        if acts & _verbs(sentence.text, clause[0]):
            return sentence
    if giving:
        return giving[0][0]
    for sentence in near_best(ranked, STATED_CAUSE_RATIO):
        clause = reason_clause(sentence, question)
        if clause and _STATED_CAUSE.match(sentence.text, clause[0]):
            return sentence
    return ranked[0]


def further_cause(ranked: list[Sentence], first: Sentence, question: Question) -> Sentence | None:
    """Another sentence of the first's article that states a cause outright ("because of a torn ligament in
    his right thumb" after "because of injury"), down to FURTHER_CAUSE_RATIO of the best evidence."""
    for sentence in near_best(ranked, FURTHER_CAUSE_RATIO):
        if sentence.source != first.source or sentence.start == first.start:
            continue
        clause = reason_clause(sentence, question)
        if clause and _STATED_CAUSE.match(sentence.text, clause[0]):
            return sentence
    return None


def weak_cause(text: str, start: int) -> bool:
    """The reason clause at `start` opens with a connective that often says only when ("following", "after")."""
    return _WEAK_CAUSE.match(text, start) is not None


_LIGHT_VERBS = roles.LIGHT_VERBS | {"come", "let", "will", "would", "can"}


def asked_acts(question: str) -> frozenset[str]:
    """The verbs of the question's asking clause that say what was done ("started", "keeping"), light ones aside."""
    clause = asked_clause(question)
    return _verbs(clause, len(clause)) - _LIGHT_VERBS


def _verbs(text: str, before: int) -> frozenset[str]:
    """The lemmas of the verbs before a character offset; not the first half of a compound ("stand-in captain")."""
    return frozenset(t.lemma_.lower() for t in parse(text)
                     if t.idx < before and t.pos_ == "VERB" and not text.startswith("-", t.idx + len(t.text)))


def described(name: str, ranked: list[Sentence]) -> tuple[Sentence, tuple[int, int]] | None:
    """Among sentences close to the best, the first that describes the name beside it: "Qin Gang, China's
    newly appointed foreign minister," or "... foreign minister, Qin Gang" -> the description."""
    last = re.sub(r"\\?['’]", "['’]", re.escape(name.split()[-1]))  # O'Connor is O’Connor
    after = re.compile(
        rf"\b{last}(?:['’]s)?\s*,\s+(?!(?:who|which|that|said|says|and|but|as|according)\b|\w+(?:ing|ed)\b)"
        rf"((?:a|an|the|[a-z]|[A-Z][\w’']*['’]s)[^,.;:()“”\"]{{3,90}}?)\s*[,.;]"
    )
    before = re.compile(rf"(?:^|[,;]\s)((?:the |a |an |[A-Z][\w’'.-]*['’]s )[\w’' -]{{3,90}}?),\s+(?:[A-Z][\w’'.-]*\s+)*{last}\b")
    for sentence in near_best(ranked, DESCRIBED_RATIO):
        for pattern in (after, before):
            match = pattern.search(sentence.text)
            if match:
                return sentence, match.span(1)
    return None


def _clause_end(text: str, start: int) -> int:
    """Where the clause from `start` ends; a quotation it opens ("increasing “economic aggression”") runs to its close."""
    while (end := _CLAUSE_END.search(text, start)) is not None:
        closing = {"“": "”", '"': '"'}.get(end.group())
        if closing is None or end.start() == 0 or not text[end.start() - 1].isspace():
            return end.start()
        close = text.find(closing, end.end())
        if close < 0:
            return end.start()
        start = close + 1
    return len(text)


_CONTRAST = re.compile(r",?\s+(?:but|while|whereas)\s+|;\s*")


def _of_someone_else(text: str, at: int, question: Question) -> bool:
    """"Sonny Parker struggles with a neck injury, but Hal Luscombe should be fit": the reason at `at` stands in
    the part of a contrast that speaks of another person than the one the question asks about."""
    surnames = [name.split()[-1] for name in question.people]
    if not surnames or not any(re.search(rf"\b{re.escape(n)}\b", text) for n in surnames):
        return False
    bounds = [0] + [m.end() for m in _CONTRAST.finditer(text)] + [len(text)]
    part = next(text[a:b] for a, b in zip(bounds, bounds[1:]) if a <= at < b)
    return not any(re.search(rf"\b{re.escape(n)}\b", part) for n in surnames)


def reason_clause(sentence: Sentence, question: Question) -> tuple[int, int] | None:
    """The clause that gives the reason: from a causal word to the end of its clause. A clause made of the
    question's own words restates what is asked ("why did Jones let Henson take the kick?" -> "for taking
    the kick") and is no reason."""
    for match in _REASON.finditer(sentence.text):
        if _not_a_cause(sentence.text, match) or _of_someone_else(sentence.text, match.start(), question):
            continue
        stop = _clause_end(sentence.text, match.end())
        while stop > match.start() and sentence.text[stop - 1].isspace():
            stop -= 1
        words = set(terms(sentence.text[match.end() : stop]))
        if stop - match.end() > 3 and words and len(words - question.terms) / len(words) > RESTATED:
            inner = _WEAK_CAUSE.match(sentence.text, match.start()) and _REASON.search(sentence.text, match.end(), stop)
            if inner and not _WEAK_CAUSE.match(inner.group()):  # "after missing the match with hamstring trouble": the cause
                match = inner
            ailment = _AILMENT.match(sentence.text, match.start())
            return (match.start(), ailment.end() if ailment else stop)
    return None

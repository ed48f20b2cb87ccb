"""Phrases that could answer a question: of the expected type, not already in the question, near its words.

A candidate is scored by the evidence of its sentence, by how close it
stands to the question's words in that sentence, and by agreement: the same
answer found in other stories counts for it (copies of one wire story share
a `story` and count once, and only sentences nearly as strong as the best
agree). Whether a phrase is of the asked kind beyond its label is `fits`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from assistant.answer import counts, entity_labels, fits, patterns, places, roles
from assistant.answer.evidence import Sentence
from assistant.answer.nlp import Entity, entities, parse, parse_all, token_at
from assistant.answer.question import (
    DATE, DAY, DURATION, FACILITY, MONEY, NAME, NUMBER, ORGANISATION, PERCENT, PERSON, PLACE, QUANTITY, RANK, SCORE, TIME, WORK, Question,
    PARSED_CHARS, asked_clause, counted_thing, is_body_noun, is_role_noun, is_title_word,
)
from assistant.terms import terms

PARSED_WORDS = 700  # spaCy reads at most this many words per question (best sentences first): the latency budget
WEIGHT_NEAR = 0.2
WEIGHT_AGREE = 0.08
AGREE_EVIDENCE = 0.9  # another story agrees when its sentence has this share of the best sentence's evidence
WEIGHT_TOLD = 0.1
TOLD_WORDS = 5  # a reporting verb this close before a date makes it the report's date
WEIGHT_NOUN = 0.15  # the asked noun right beside a phrase ("spokesperson Matt Miller"); measured on the dev splits
NOUN_WORDS = 2  # "spokesperson Matt Miller": the asked noun this close before the phrase ...
NOUN_AFTER = 6  # ... or this close after it, behind a comma ("Miller, a State Department spokesperson")
COUNTRY_BEFORE = 60  # how far back a name's title may go: "US Treasury Secretary X"
_OF_COUNTRY = re.compile(r",?\s+(?:of|from)\s+((?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)|,\s+((?:the\s+)?[A-Z][\w.]*)['’]s\s")
NAMED_AS_DOER = 2.5  # ... or its own verb is done to the question's object ("Baby Cow, which created Nighty Night")
NAMED_AS_NOUN = 2.0  # ... or is part of the phrase, a name of that kind: a court, not the man sued in it
MODIFIER_SHARE = 1.0  # the asked noun's own words met in the phrase's description ("which CBI economist")
NEAR_CHARS = 40.0
_AGE = re.compile(rf"\d+[- ]years?[- ]old|\baged? \d+|\bage of (?:\d+|{patterns.NUMBER_WORDS.pattern})|^\d{{1,3}}$", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"\W*(?:(?:But|And|However|Meanwhile|Later),?\s+)?(?:He|She)\s+(?!said\b|says\b)")  # "He dedicated ..."
_PRONOUN_SAID = re.compile(r"\b(?:he|she) (?:said|says|added|told|insisted|argued|warned|explained|stressed)\b")
_SPEECH_VERBS = frozenset({"say", "tell", "add", "insist", "claim", "argue", "warn", "explain", "admit", "note", "comment", "reply"})
_REPORTING = re.compile(  # lower case: "United States" states nothing
    r"\b(?:say|said|says|tell|tells|told|announced?|confirm(?:ed)?|reveal(?:ed)?|report(?:ed)?|write|wrote|tweet(?:ed)?|"
    r"state[ds]?|warn(?:ed)?|claim(?:ed)?|added|insist(?:ed)?)\b",
)
_HOW_OFTEN = re.compile(r"\bhow (?:often|frequently)\b", re.IGNORECASE)
_HOW_LONG_SINCE = re.compile(r"\bhow long (?:has|have|had)\b", re.IGNORECASE)
_BANNED = re.compile(r"\b(?:ban|bans|banned|suspension|suspended|sidelined|out)\b", re.IGNORECASE)
_WHO_DID = re.compile(r"^\W*who\s+(?:(?P<future>will|is to|is set to|is going to|would)\s+(\w+)|"
                      r"(\w+ed|wrote|won|led|made|built|sang|took|gave|beat|drew|bought|sold|shot|told|sent|founded|found|"
                      r"brought|chose|held|paid|stole|threw|hit|struck|scored|ran|set up|broke|began|caught))\b", re.IGNORECASE)
_PARTICIPLES = {"write": "written", "sing": "sung", "take": "taken", "give": "given", "lead": "led", "win": "won",  # "who will ..."
                "make": "made", "buy": "bought", "sell": "sold", "hold": "held", "pay": "paid", "run": "run",
                "wrote": "written", "sang": "sung", "took": "taken", "gave": "given", "beat": "beaten", "drew": "drawn",  # "who wrote ..."
                "chose": "chosen", "stole": "stolen", "threw": "thrown", "ran": "run", "broke": "broken", "began": "begun",
                "found": "found", "set up": "set up"}
_SAME_ROLE = tuple(frozenset(terms(words)) for words in (  # nouns news uses for one another
    "club side team", "firm company", "film movie", "head boss chief", "spokesman spokeswoman spokesperson",
    "lawyer attorney solicitor", "chairman chairwoman chair", "singer star",
))
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+$")  # "Super 12", "Channel 4": a number in a name is no age ...
_AGE_PHRASE = re.compile(r"\baged\s+\d{1,3}\b|\b\d{1,3}[- ]years?[- ]old\b")  # spaCy tags no entity in "died aged 92" at times
_NAME_AFTER = re.compile(r"\s+[A-Z]")  # ... nor is "his 19 Entertainment company"
_AT = re.compile(r"\bat\s+(?:the\s+)?$")
_HYPHENATED = re.compile(r"-[a-z]")
_SINCE_DATE = re.compile(rf"\bsince (?:(?:early |late |mid-)?(?:{patterns.DATE_PHRASE.pattern}))", re.IGNORECASE)
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$")
_OPENERS = frozenset({'"', "“", "‘", "'", "(", "-", "–", ":"})
_OPENING_WORDS = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "new", "former"})
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady)\.?\s+[A-Z]")  # "Mr Rusesabagina", not "Lord of the Rings"
_OUTLET_WORDS = frozenset({"Reporter", "Times", "Post", "News", "Herald", "Guardian", "Telegraph", "Journal"})
_NOT_TITLES = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"})
_REGEXES = {
    MONEY: (patterns.MONEY,),
    PERCENT: (patterns.PERCENT, patterns.FRACTION),
    NUMBER: (patterns.NUMBER, patterns.NUMBER_WORDS),
    QUANTITY: (patterns.MONEY, patterns.PERCENT, patterns.NUMBER),
    DATE: (patterns.DATE_PHRASE,),
    DAY: (re.compile(rf"\b{patterns.WEEKDAY}\b", re.IGNORECASE),),
    DURATION: (patterns.DURATION,),
    TIME: (patterns.CLOCK, patterns.CLOCK_RANGE),
    SCORE: (patterns.SCORE, patterns.TALLY),
    RANK: (patterns.POSITION, patterns.ORDINAL, patterns.SUPERLATIVE),  # spaCy's small model tags "999th" a law at times
    NAME: (patterns.PROPER_NAME,),  # "the Dahaka", "Club2School": names spaCy's small model does not tag
}


@dataclass(frozen=True)
class Candidate:
    """A phrase of `sentence` (text[start:end] of the sentence) that may answer the question."""

    sentence: Sentence
    start: int
    end: int
    score: float
    said: Sentence | None = None  # the "..., he said" sentence this speaker's name answers for, quoted next

    @property
    def text(self) -> str:
        return self.sentence.text[self.start : self.end]

    @property
    def key(self) -> str:
        """What two mentions of one answer share: its words, lower-cased, thousands separators dropped."""
        return " ".join(patterns.WORD.findall(self.text.lower().replace(",", "")))


def find(question: Question, sentences: list[Sentence]) -> list[Candidate]:
    """Candidates of the question's type in the sentences, best first."""
    if not question.typed:
        return []
    if question.type == NUMBER and patterns.CROWD.match(counted_thing(question).lower()):
        sentences = _attendance_lines(sentences)
    ranked = sorted(sentences, key=lambda s: s.evidence, reverse=True)
    parsed: list[Sentence] = []
    words = 0
    for sentence in ranked:
        words += len(sentence.text.split())
        if words > PARSED_WORDS and parsed:
            break
        parsed.append(sentence)
    spans: list[tuple[Sentence, int, int]] = []
    parses = entities(s.text for s in parsed)
    for sentence, ents in zip(parsed, entity_labels.relabelled(parsed, parses)):
        for start, end in _typed_spans(question, sentence.text, ents):
            end = _trimmed(sentence.text, start, end)
            start = _past_particle(sentence.text, start)
            if question.type == PERSON:
                start = _with_first_name(sentence.text, start, end)
            if end > start and not _in_question(sentence.text[start:end], question) and (sentence, start, end) not in spans:
                if not fits.unresolved(question, sentence, start, end):  # "last year" in an undated article
                    spans.append((sentence, start, end))
    subjects = _described(question, parsed)
    if subjects:  # "the Tory leader" the question speaks of is not the patient it asks for
        kept = [(s, a, b) for s, a, b in spans if _surname(s.text[a:b]) not in subjects]
        spans = kept or spans
    speakers = _speakers(question, parsed, parses, sentences) if question.type == PERSON else {}
    spans += [(carrier, start, end) for carrier, start, end, _ in speakers.values()]
    spans += [span for span in fits.outlet_spans(question, parsed) if span not in spans]
    for narrowed in (fits.of_the_asked, fits.sized_places, fits.per_unit, fits.reported_by, fits.report_date, fits.moved_to,
                     fits.lesser_role, fits.not_the_listener, fits.in_asked_measure, fits.since_asked, fits.made_by, _moved,
                     fits.of_another_month, fits.home_base):
        spans = narrowed(question, spans)
    stories: dict[str, set[str]] = {}
    strong = AGREE_EVIDENCE * max((s.evidence for s, _, _ in spans), default=0.0)
    for sentence, start, end in spans:  # a name every story mentions agrees with nothing: only answering sentences count
        if sentence.evidence >= strong:
            stories.setdefault(_key(sentence.text[start:end]), set()).add(sentence.story)
    said = {id(carrier): quoted for carrier, _, _, quoted in speakers.values()}
    parse_all(dict.fromkeys(sentence.text for sentence, _, _ in spans))  # scoring reads their trees: parsed together, at half the cost
    countries = _countries_by_name(question, spans)
    found = [
        Candidate(sentence, start, end, _score(question, sentence, start, end, stories, countries), said.get(id(sentence)))
        for sentence, start, end in spans
    ]
    return sorted(found, key=lambda c: c.score, reverse=True)


def _speakers(
    question: Question, parsed: list[Sentence], parses: list[tuple[Entity, ...]], sentences: list[Sentence]
) -> dict[tuple[str, int], tuple[Sentence, int, int, Sentence]]:
    """Who says a quote that names no one ("“... our American friends,” he said."): the last person the
    sentence before it names ("Nicolas Sarkozy of France said ..."). That sentence carries the quote's
    evidence, and the quote is cited after it."""
    found: dict[tuple[str, int], tuple[Sentence, int, int, Sentence]] = {}
    asked = {_surname(n) for n in question.people}
    for sentence, ents in zip(parsed, parses):
        said = _PRONOUN_SAID.search(sentence.text) is not None
        if not (said or _PRONOUN_SUBJECT.match(sentence.text)):
            continue
        if any(e.label == "PERSON" and _surname(e.text) not in asked for e in ents):  # it names its own people
            continue
        before = next((s for s in sentences if s.source == sentence.source and 0 <= sentence.start - s.end <= 3), None)
        if before is None:
            continue
        people = [entity_labels.name_run_on(before.text, e) for e in entities([before.text])[0] if e.label == "PERSON"]
        people = [e for e in people if _surname(e.text) not in asked]
        if people and (before.source, before.start) not in found:
            carrier = replace(before, dense=max(before.dense, sentence.dense), fused=max(before.fused, sentence.fused),
                              cover=max(before.cover, sentence.cover))
            person = people[-1] if said else people[0]  # a quote's speaker is named last; a pronoun subject's, first
            found[(before.source, before.start)] = (carrier, person.start, person.end, sentence)
    return found


def _number_in_name(text: str, start: int, end: int) -> bool:
    """A bare number inside a name or a measure ("Super 12 side", "his 19 Entertainment company", "the 800m"): no age."""
    if not text[start:end].strip().isdigit():
        return False
    return bool(_NAME_BEFORE.search(text[max(0, start - 20) : start]) or _NAME_AFTER.match(text, end) or text[end : end + 1].isalpha())


def _age_placed(text: str, start: int, end: int) -> bool:
    """A bare number is an age where news puts one, beside a name between commas or brackets ("Yoshiaki
    Tsutsumi, 70, was arrested") or after a word of reaching it ("work on till 70"), not "the 10 biggest"."""
    if not text[start:end].strip().isdigit():
        return True
    if re.search(r"\b(?:till|until|to|at|over|under|past|beyond|reaching|aged?|age of)\s+$", text[:start], re.IGNORECASE):
        return True  # "allowed to work on till 70", "died aged 92", "past the age of 65"
    return re.search(r"[,(]\s*$", text[:start]) is not None and re.match(r"\s*[,)]", text[end:]) is not None


def _trimmed(text: str, start: int, end: int) -> int:
    """The end of a phrase without the dash, comma, possessive or joining word an entity sometimes carries
    ("Steve Hansen -", "Martin Scorsese's film" -> "Martin Scorsese", "Filthy Love and" -> "Filthy Love")."""
    phrase = text[start:end]
    kept = re.sub(r"(?:[\s,;:–—-]|\s(?:and|or|of|the|&)(?=\s*$))+$", "", phrase)
    if not (re.search(r"['’]s$", kept) and re.match(r"\s*(?:[,.;:)]|$)", text[start + len(kept) :])):
        kept = re.sub(r"(?:['’]s|['’])$", "", kept)  # but "at Sotheby's," owns nothing: the name is "Sotheby's"
    domain = re.match(r"\.(?:com|org|net|co\.uk|org\.uk|tv|fm)\b", text[start + len(kept) :])  # "Suprnova" of "Suprnova.org"
    return start + len(kept) + (domain.end() if domain and len(kept) == len(phrase) else 0)


def _attendance_lines(sentences: list[Sentence]) -> list[Sentence]:
    """A match report's "Att: 50,430" line shares no words with a question about the match: it takes the
    evidence of its report's best sentence, as the line belongs to the whole report."""
    best: dict[str, Sentence] = {}
    for sentence in sentences:
        if sentence.source not in best or sentence.evidence > best[sentence.source].evidence:
            best[sentence.source] = sentence
    lifted = []
    for sentence in sentences:
        top = best[sentence.source]
        if patterns.ATTENDANCE.search(sentence.text) and top.evidence > sentence.evidence:
            sentence = replace(sentence, dense=top.dense, fused=top.fused, cover=top.cover)
        lifted.append(sentence)
    return lifted


_SENTENCE_OPENERS = frozenset({"But", "And", "Yet", "So", "Then", "Now", "Also", "However", "Meanwhile", "Still", "When", "While",
                               "After", "Before", "As", "If", "In", "On", "At", "For", "With", "By", "From", "Of", "To",
                               "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof"})


def _with_first_name(text: str, start: int, end: int) -> int:
    """"Maciej Sundra, who designed ...", "replaced by Fearne Cotton": spaCy's small model often leaves an
    unusual first name out of the name; a one-word name right after it takes it back (at the sentence's
    opening, or where spaCy parses it as part of the name)."""
    if " " in text[start:end].strip():  # "included Catalina Sandino Moreno": spaCy tags "Sandino Moreno" ...
        titled = re.search(r"\b[A-Z][\w'’.-]*\s+[A-Z][a-z]+\s+$", text[:start])  # ... but "House Speaker Nancy Pelosi"
        return start if titled else _with_compound_first_name(text, start, end)
    first = re.fullmatch(r"\W*([A-Z][a-z]+)\s+", text[:start])
    if first is None:
        return _with_compound_first_name(text, start, end)
    word = first.group(1)
    if word in _SENTENCE_OPENERS or word.lower() in _OPENING_WORDS or is_title_word(word) or is_role_noun(word):
        return start
    opening = token_at(text, first.start(1))
    if opening is None or opening.pos_ != "PROPN":
        return start
    unknown_place = opening.ent_type_ == "GPE" and not places.is_country(word) and not places.is_city(word)  # "Maciej": no city
    return first.start(1) if opening.ent_type_ in ("", "PERSON") or unknown_place else start


def _with_compound_first_name(text: str, start: int, end: int) -> int:
    """"replaced as host by Fearne Cotton": a capitalised word spaCy parses as part of the name after it (a
    compound of one of its words, no title or role word) is its first name."""
    before = re.search(r"\b([A-Z][a-z]+)\s+$", text[:start])
    if before is None or before.group(1) in _SENTENCE_OPENERS or is_title_word(before.group(1)) or is_role_noun(before.group(1)):
        return start
    word = token_at(text, before.start(1))
    if word is None or word.pos_ != "PROPN" or word.dep_ != "compound" or not start <= word.head.idx < end:
        return start
    return before.start(1) if word.ent_type_ in ("", "PERSON") else start


def _joined_sets(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Scores that follow each other with only a space or comma between them are one result, set by set."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and re.fullmatch(r",? ", text[joined[-1][1] : start]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _past_particle(text: str, start: int) -> int:
    """Where a phrase starts without its verb's particle: "handed over $103,500" gives $103,500, not "over"
    it (spaCy joins the particle to the sum)."""
    if not re.match(r"(?:over|out|back)\s", text[start : start + 5], re.IGNORECASE):  # "up to £820,000" is a limit
        return start
    token = token_at(text, start)
    return start + len(token.text_with_ws) if token is not None and token.dep_ == "prt" else start


def _named_by_noun(kind: str, noun: str, text: str, ents: tuple[Entity, ...]) -> list[tuple[int, int]]:
    """Names the sentence gives with the asked noun, whatever spaCy's label: "Shochiku film studios", "the
    studio Shochiku", "OneStat.com, a web analytics firm" for "which studio / which firm"."""
    if not re.search(rf"\b{re.escape(noun)}", text, re.IGNORECASE):
        return []
    doc = parse(text)
    other = _NOT_TITLES | ({"GPE", "LOC"} if kind != PLACE else set())  # "a US researcher" names no one
    title = is_role_noun(noun)  # "Professor Joni Lovenduski": the role word is no part of the name; "Group E" is
    named = []
    for token in doc:
        if token.lemma_.lower() != noun and token.lower_ != noun:
            continue
        if title and token.tag_ == "NNS":  # "G7 ministers", "Labour MPs": a plural role names the body, not a person
            continue
        for word in _beside(token):
            opens = word.i == 0 or doc[word.i - 1].text in _OPENERS  # capitalised there whatever it is
            if not word.text[:1].isupper() or word.lower_ in _OPENING_WORDS or (opens and word.pos_ not in ("PROPN", "NOUN")):
                continue
            first = word
            while first.i > 0 and _name_part(doc[first.i - 1]) and not (title and first.i - 1 == token.i):
                first = doc[first.i - 1]
            last = token if not title and token.i > word.i and all(_name_part(t) for t in doc[word.i : token.i + 1]) else word
            end = last.idx + len(last.text)  # "Alltel Stadium", "Group E": the noun is part of the name
            if not any(e.start < end and first.idx < e.end and e.label in other for e in ents):
                named.append((first.idx, end))
    return named


def _beside(noun: Any) -> list[Any]:
    """The words that name the noun's thing: its compounds ("Shochiku film studios"), its apposition ("the studio
    Shochiku"), or what it is itself the compound or apposition of ("Professor Joni Lovenduski")."""
    words = [t for t in noun.lefts if t.dep_ == "compound"]
    words += [inner for t in words for inner in t.lefts if inner.dep_ == "compound"]
    words += [t for t in noun.children if t.dep_ == "appos"]
    if noun.dep_ in ("compound", "appos"):
        words.append(noun.head)
    return words


def _name_part(token: Any) -> bool:
    return token.text[:1].isupper() and token.pos_ != "DET"


_PLACE_IN_TABLE = re.compile(  # a rank asked as a place in a table, a chart or a seeding: an ordinal answers
    r"\b(?:rankings?|table|standings|league|chart|position|placing|place|seed(?:ed|ing)?|number)\b", re.IGNORECASE
)
_SUPERLATIVE_AFTER = re.compile(rf"[- ](?:(?:most|least) [a-z]{{3,}}|{patterns.SUPERLATIVES}|leading)\b")


def _with_superlative(text: str, end: int) -> int:
    """Where a rank ends: past the measure it ranks by ("fifth" -> "fifth biggest")."""
    match = _SUPERLATIVE_AFTER.match(text, end)
    return match.end() if match else end


_TITLE_JOINERS = re.compile(r"\s+(?:in|and|with)\s+(?:the\s+)?")
_JOINED_NAMES = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})


def _titles(text: str, ents: tuple[Entity, ...]) -> list[tuple[int, int]]:
    """Capitalised runs that may title a work ("Lost in Translation"); when a whole run cannot, the parts its
    "in", "and" or "with" join ("Mr Rusesabagina in Hotel Rwanda" -> "Hotel Rwanda")."""
    found = []
    for match in patterns.WORK_TITLE.finditer(text):
        start, end = match.start(), _before_joined_name(text, ents, *match.span())  # "Sundance Film Festival in Utah"
        if _may_title(text, ents, start, end):
            found.append((start, end))
            continue
        joiners = list(_TITLE_JOINERS.finditer(text, start, match.end()))
        cuts, ends = [start] + [j.end() for j in joiners], [j.start() for j in joiners] + [match.end()]
        found += [(a, b) for a, b in zip(cuts, ends) if len(cuts) > 1 and _may_title(text, ents, a, b)]
    return found


def _may_title(text: str, ents: tuple[Entity, ...], start: int, end: int) -> bool:
    """Not a person, nationality or date by spaCy's reading, no name ending in a body's or a role's noun ("UK
    Film Council", "the Hollywood Reporter"), not a known place (spaCy calls "No Way Out" a place), not an
    acronym alone ("TV") and not a lone word capitalised only because it opens the sentence."""
    phrase = text[start:end]
    if (fits.opens_sentence(text, start) and " " not in phrase) or phrase.isupper():
        return False
    if not re.search(r"[A-Z]", phrase.removeprefix("The ")) or _HONORIFIC.match(phrase):  # "The 2004", "Mr Smith"
        return False
    if any(e.start <= start and end <= e.end and e.label in _NOT_TITLES for e in ents):
        return False
    lasts = [part.split()[-1] for part in _TITLE_JOINERS.split(phrase) if part.split()]  # "Film Council and Channel 4"
    if any(is_body_noun(last) or is_role_noun(last) or last in _OUTLET_WORDS for last in lasts):
        return False
    if any(e.start < end and start < e.end and e.label in ("PERSON", "NORP") for e in ents):  # "... Minister Qin Gang"
        return False
    return not (places.is_country(phrase) or places.is_city(phrase) or places.is_region(phrase) or places.is_us_state(phrase))


def _before_joined_name(text: str, ents: tuple[Entity, ...], start: int, end: int) -> int:
    """Where a title run ends when an "in", "and" or "with" inside it joins another name spaCy reads as a
    place, body or person ("the Department for International Development and the UN Development Programme");
    "Lost in Translation" stays whole."""
    for joiner in _TITLE_JOINERS.finditer(text, start, end):
        if any(joiner.start() < e.start <= joiner.end() and e.label in _JOINED_NAMES for e in ents):
            return joiner.start()
    return end


_VENUE_BEFORE = re.compile(r"\bat $")
_SAYS_NOTHING = frozenset({"be", "have", "do", "say", "get"})  # verbs whose object says nothing of an act ("made" does)
_NAMING_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "appos", "case"})
_DOER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "PRODUCT"})


def _typed_spans(question: Question, text: str, ents: tuple[Entity, ...]) -> list[tuple[int, int]]:
    if _HOW_OFTEN.search(question.text):  # a frequency, not a number: "one visit to Cuba every three years"
        return [m.span() for m in patterns.FREQUENCY.finditer(text)]
    age = re.search(r"\bhow old\b|\bwhat age\b|\bat what age\b", question.text, re.I) is not None
    speed = fits.asked_measure(question) == fits.SPEED
    labels = question.labels | ({"DATE"} if age else set()) | ({"TIME"} if speed else set())  # "ran it in 4min 14.74sec"
    spans = list(dict.fromkeys(  # one span once, though it may carry two labels ("of Chelsea": a club and a city)
        (e.start, e.end) for e in ents
        if e.label in labels and fits.fits(question.type, e.text) and not fits.title_part(text, e.start)
    ))
    if age:  # an age is "41", "41-year-old" or "aged 41", not any number of the sentence
        spans += [m.span() for m in _AGE_PHRASE.finditer(text) if not any(s <= m.start() < e for s, e in spans)]
        return [(s, e) for s, e in spans if _AGE.search(text[s:e].strip()) and not _number_in_name(text, s, e)
                and not fits.in_score(text, s, e) and _age_placed(text, s, e)]  # the 2 of "a 2-0 win" is no age
    for regex in _REGEXES.get(question.type, ()):
        if regex is patterns.MONEY and "MONEY" not in question.labels:  # a measure asked, not a sum
            continue
        if regex is patterns.PERCENT and "PERCENT" not in question.labels:  # a size asked, not a change
            continue
        if regex is patterns.SUPERLATIVE and _PLACE_IN_TABLE.search(question.text):  # "where in the world rankings": "77th"
            continue
        for match in regex.finditer(text):
            if not fits.fits(question.type, match.group()):
                continue
            inside = [(s, e) for s, e in spans if s < match.end() and match.start() < e]
            if inside and question.type not in fits.AMOUNTS | {TIME, NAME}:  # a date phrase never replaces spaCy's date
                continue
            if question.type == NAME and not fits.name_like(text, ents, match.start(), match.end()):
                continue
            if all(match.start() <= s and e <= match.end() for s, e in inside):  # "$17m" over "17", "1600 GMT" over "1600"
                spans = [span for span in spans if span not in inside] + [(match.start(), match.end())]
    if question.type in (ORGANISATION, PERSON):  # "who headed the equaliser": "Lomana LuaLua headed home ...", untagged
        spans += [span for span in roles.doers(roles.asked_act(question.text), text) if span not in spans]
        # "which company made Nighty Night": "Baby Cow, which created Nighty Night", though spaCy calls it a person
        spans += [(e.start, e.end) for e in ents if e.label in _DOER_LABELS and (e.start, e.end) not in spans
                  and _object_beside(question, text, e.start, e.end)]
    if question.type in (ORGANISATION, PERSON, PLACE, WORK) and question.noun:  # "Shochiku film studios"
        spans += [span for span in _named_by_noun(question.type, question.noun, text, ents) if span not in spans]
    if question.type == WORK:  # spaCy's small model misses most titles ("No Way Out", "Dead Man's Shoes")
        spans += [span for span in _titles(text, ents) if span not in spans]
    if question.type == PLACE and FACILITY.match(question.noun):  # "at Netherdale": a ground spaCy calls a town
        spans += [(e.start, e.end) for e in ents if e.label == "GPE" and _VENUE_BEFORE.search(text[max(0, e.start - 4) : e.start])
                  and (e.start, e.end) not in spans and not places.is_place(e.text)]
    if question.type == PLACE and question.noun in _TOWN_NOUNS:  # "which city": "the Bangkok International Film Festival"
        spans += [span for span in _city_in_name(text, ents) if span not in spans]
    if question.type in (DATE, DAY, TIME) and patterns.MATCH_EVENT.search(question.text):  # "when did Diop's strike come?"
        spans += [span for span in _minutes_of(question, text) if span not in spans]
    if question.type == SCORE:  # a tennis match's sets are one score: "7-5 6-3 3-6 6-3"
        spans = _joined_sets(text, spans)
    if question.type == RANK:  # "fifth biggest", "fourth-largest": the ordinal with the measure it ranks by
        spans = list(dict.fromkeys((s, _with_superlative(text, e)) for s, e in spans))
    if question.type == DURATION:  # "five years and eight months": one length, which spaCy ends at the "and"
        spans = [(s, m.end() if (m := _MORE_TIME.match(text, e)) else e) for s, e in spans]
        spans = _outermost(spans)
    if question.type == NUMBER:
        spans += [m.span() for m in patterns.nth_of(counted_thing(question).lower()).finditer(text)]
    if question.type in (NUMBER, QUANTITY):
        spans = [(s, e) for s, e in spans if not fits.part_of_other(text, ents, s, e)]
    if question.type == PLACE:  # "where did he give his speech?": "at the Commonwealth Club", a body's building
        spans += [(e.start, e.end) for e in ents if e.label == "ORG" and _AT.search(text[max(0, e.start - 8) : e.start])
                  and (e.start, e.end) not in spans]
    if question.type == PERSON:  # "who won" takes teams named by their country, never where it happened: "in Dublin", "at the Oscars"
        places_at = {(e.start, e.end) for e in ents if e.label in ("GPE", "LOC", "FAC", "ORG", "EVENT")}
        spans = [(s, e) for s, e in spans if (s, e) not in places_at or not _LOCATIVE.search(text[max(0, s - 12) : s])]
        spans = [(s, e) for s, e in spans if not _HYPHENATED.match(text, e)]  # "Oscar-winning director": no one
    if question.type in fits.AMOUNTS:
        spans = [(fits.with_range(text, s), fits.with_scale(text, e)) for s, e in spans]
        spans = _outermost(spans)  # "million" of "6 million"
        spans = list(dict.fromkeys(part for s, e in spans for part in fits.moves_apart(text, s, e)))
    if question.type in (NUMBER, QUANTITY):  # "a 2-0 defeat" is a score, not how many or how far
        spans = [(s, e) for s, e in spans if not fits.in_score(text, s, e)]
    if question.type in (MONEY, QUANTITY):
        spans = [(s, e) for s, e in spans if not fits.conversion(question, text, s)]
    if question.type == QUANTITY:
        spans = [(s, e) for s, e in spans if not counts.counts_named_thing(question, text, s, e)]
    if question.type in (DATE, DAY, TIME):
        spans = [(s, e) for s, e in spans if not fits.named_day(text, s, e)]
    if question.type == RANK:
        spans = [(s, e) for s, e in spans if not fits.first_time(text, s)]
    if question.type == DURATION:
        spans = [(s, e) for s, e in spans if not fits.time_since(question, text, s, e)]
        if _HOW_LONG_SINCE.search(question.text):  # "how long had he been ambassador?": "since July" says it
            spans += [m.span() for m in _SINCE_DATE.finditer(text) if m.span() not in spans]
        if _BANNED.search(question.text):  # "how long was his ban?": "a three-game ban" is one in games
            spans += [m.span() for m in patterns.GAMES.finditer(text) if m.span() not in spans]
    counted = counts.asked_thing(question)
    if counted:  # "how many subscribers": not the "three" of "three years"; "how long a contract": not a three-day trip
        spans = [(s, e) for s, e in spans if counts.counts(counted, text, s, e)]
    if question.type == NAME:  # a name the sentence gives as one ("branded as X", "X, an all-consuming monster")
        spans = [(s, e) for s, e in spans if fits.given_as_name(question, text, s, e)]
    asked = fits.asked_unit(question)
    if asked:  # "in what month", "how many days": the phrase must be in that unit
        spans = [(s, e) for s, e in spans if asked.search(text[s:e])]
    return spans


_MORE_TIME = re.compile(
    r" and (?:a half|(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:years?|months?|weeks?|days?|hours?|minutes?))\b"
)
_ROLE_PHRASE = re.compile(r"\bthe ((?:[A-Z][\w'’-]*|[a-z][\w-]*) [a-z][\w-]*)\b")


def _described(question: Question, sentences: list[Sentence]) -> set[str]:
    """The surnames of the people the question speaks of by their role ("did the Tory leader deny ..."): the
    articles introduce them with the same words ("Tory leader Michael Howard"), and they answer nothing
    about themselves."""
    if question.type != PERSON:
        return set()
    roles = [m.group(1) for m in _ROLE_PHRASE.finditer(asked_clause(question.text))
             if is_role_noun(m.group(1).split()[-1]) and m.group(1).split()[-1] != question.noun]
    found: set[str] = set()
    for role in roles:
        introduced = re.compile(rf"\b(?i:{re.escape(role)})\s+((?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)")  # the name as written
        for sentence in sentences:
            found |= {_surname(m.group(1)) for m in introduced.finditer(sentence.text)}
    return found


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that no other span holds: once a phrase is read whole, its parts are no answers of their own."""
    return [(s, e) for s, e in spans if not any((s, e) != o and o[0] <= s and e <= o[1] for o in spans)]


def _in_question(phrase: str, question: Question) -> bool:
    """The phrase says nothing the question does not already say."""
    phrase_terms = set(terms(phrase))
    if phrase_terms and phrase_terms <= question.terms | {t for n in question.names for t in terms(n)}:
        return True
    lowered = re.sub(r"^the\s+", "", phrase.lower())
    if any(lowered in patterns.name_forms(name) for name in question.names):
        return True
    if re.fullmatch(r"[A-Z]{2,6}", phrase) and _initials(question.text, phrase):  # "DTT" for "digital terrestrial TV"
        return True
    spelled = rf"(?<!\w){re.escape(_spaced(lowered))}(?!\w)"
    if re.search(spelled, _spaced(question.text.lower())):  # "number one" of "which number-one"
        return True
    if _surname(phrase) in {_surname(name) for name in question.names}:  # "Antony Blinken" for "Blinken"
        return True
    if question.type in fits.AMOUNTS and _same_figures(phrase, question.text):  # "an extra £1bn" for "the £1bn package"
        return True
    named = {name.lower() for name in question.people if " " not in name}  # "Qin Gang" for "Qin": family name first
    return bool(named & set(patterns.WORD.findall(lowered)))


_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def _same_figures(phrase: str, question: str) -> bool:
    """Every figure of the phrase stands in the question: "an extra £1bn" repeats "the £1bn package"."""
    figures = _FIGURE.findall(phrase)
    return bool(figures) and all(re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d]|[.,]\d)", question) for f in figures)


def _initials(text: str, acronym: str) -> bool:
    """Some run of the text's words has the acronym's letters as initials."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’]*", text)).upper()
    return acronym in initials


def _spaced(text: str) -> str:
    return re.sub(r"[\s-]+", " ", text)


def _surname(name: str) -> str:
    words = patterns.WORD.findall(name.lower())
    return re.sub(r"['’]s$", "", words[-1]) if words else ""  # "Xi Jinping's" is Xi Jinping


def _key(phrase: str) -> str:
    return " ".join(patterns.WORD.findall(phrase.lower().replace(",", "")))


def _score(question: Question, sentence: Sentence, start: int, end: int, stories: dict[str, set[str]],
           countries: dict[tuple[str, str], set[str]]) -> float:
    near = _nearness(question, sentence.text, start, end)
    others = len(stories.get(_key(sentence.text[start:end]), set()) - {sentence.story})
    named = _beside_noun(question, sentence.text, start, end)
    told = _when_told(question, sentence.text, start)
    if _done_by(question, sentence.text, start) or _replaces(question, sentence.text, start, end):
        named = max(named, 1.0)
    if _object_beside(question, sentence.text, start, end):  # its own verb is done to the asked object: more than a title says
        named = max(named, NAMED_AS_DOER)
    said = _countries_said(sentence.text, start, end) or countries.get((sentence.source, _surname(sentence.text[start:end])), set())
    country = _country_met(question, said)
    if country:  # "which French minister": "Nicolas Sarkozy of France", not "US Treasury Secretary John Snow"
        named = max(named, 1.0) if country > 0 else min(named, -1.0)
    told += _baseline(question, sentence.text, start) + _span_for_one_day(question, sentence.text[start:end])
    told += _other_period(question, sentence.text, end)
    told += _only_speaks(question, sentence.text, start, end)
    return sentence.evidence + WEIGHT_NEAR * near + WEIGHT_AGREE * min(others, 2) / 2 + WEIGHT_NOUN * named - WEIGHT_TOLD * told


def _country_met(question: Question, said: set[str]) -> int:
    """1 when the phrase's words give it the country the asked noun has ("which French finance minister":
    "Nicolas Sarkozy of France"), -1 when they give it another ("US Treasury Secretary John Snow"), else 0."""
    asked = _asked_countries(question)
    if not asked or not said:
        return 0
    return 1 if said & asked else -1


def _asked_countries(question: Question) -> set[str]:
    """The countries of the asked noun's nationality words ("which French minister" -> france); only for people and bodies."""
    if question.type not in (PERSON, ORGANISATION):
        return set()
    return {places.nationality(w) for w in patterns.WORD.findall(question.text)
            if w[:1].isupper() and set(terms(w)) & question.described and places.nationality(w)}


def _countries_said(text: str, start: int, end: int) -> set[str]:
    """The countries a name's own title or the words after it give it ("US Treasury Secretary John Snow", "Nicolas Sarkozy of France")."""
    said = places.nationalities_in(_own_title(text, start).lower())
    after = _OF_COUNTRY.match(text, end)  # "Nicolas Sarkozy of France", "Hua, China's assistant foreign minister"
    if after:
        said |= places.nationalities_in((after.group(1) or after.group(2)).lower())
    return said


def _countries_by_name(question: Question, spans: list[tuple[Sentence, int, int]]) -> dict[tuple[str, str], set[str]]:
    """What each article's titles say of a name's country, by article and surname: "worked closely with
    Blinken" is not the Chinese leader asked for when the same article calls him "U.S. Secretary of State
    Antony Blinken"."""
    if not _asked_countries(question):
        return {}
    countries: dict[tuple[str, str], set[str]] = {}
    for sentence, start, end in spans:
        said = _countries_said(sentence.text, start, end)
        if said:
            countries.setdefault((sentence.source, _surname(sentence.text[start:end])), set()).update(said)
    return countries


_TITLE_LINKS = frozenset({"of", "the"})  # small words inside a title, between capitalised ones


def _own_title(text: str, start: int) -> str:
    """The words right before a name that make its title ("US Treasury Secretary", "China's assistant foreign
    Minister"): capitalised words, role nouns and their usual modifiers, up to a verb, preposition or comma."""
    words = re.findall(r"[\w'’.-]+|[^\w\s]", text[max(0, start - COUNTRY_BEFORE) : start])
    title: list[str] = []
    for at in range(len(words) - 1, -1, -1):
        bare = re.sub(r"['’]s$", "", words[at])
        before = words[at - 1] if at > 0 else ""
        joins = bare in _TITLE_LINKS and title and (before[:1].isupper() or before in _TITLE_LINKS)  # "Secretary of State"
        if not (bare[:1].isupper() or is_title_word(bare) or joins):
            break
        title.insert(0, words[at])
    return " ".join(title)


def _done_by(question: Question, text: str, start: int) -> bool:
    """The one a passive names as the doer of the question's act: "who directed Ocean's Eleven?" is
    answered by "was directed by Oscar-winning director Steven Soderbergh", not the stars named closer."""
    if question.type != PERSON:
        return False
    asked = _WHO_DID.match(question.text)
    if asked is None:
        return False
    verb = (asked.group(2) or asked.group(3)).lower()
    participle = _PARTICIPLES.get(verb, verb)
    if asked.group("future"):  # "who will host the awards?": "will be hosted by ..."
        participle = _PARTICIPLES.get(verb) or (verb + "d" if verb.endswith("e") else verb + "ed")
    return re.search(rf"\b{participle}\s+by\s+(?:[\w'’-]+\s+){{0,4}}$", text[max(0, start - 80) : start], re.IGNORECASE) is not None


def _object_beside(question: Question, text: str, start: int, end: int) -> bool:
    """"Who won best actress?": the name whose own verb, in the sentence's parse, is done to what the question's
    is ("Catalina Sandino Moreno, who took best actress"), not a name the sentence gives for the awards in
    general nor one whose verb is passive ("starring the Rat Pack, Ocean's Eleven was directed by ...")."""
    if question.type not in (PERSON, ORGANISATION):
        return False
    wanted = _asked_object(asked_clause(question.text))
    name = token_at(text, start) if wanted else None
    if name is None:
        return False
    while name.head.i != name.i and name.head.idx < end and name.head.idx >= start:  # the name's last word heads it
        name = name.head
    acts = [name.head] if name.dep_ == "nsubj" else []  # "Vodafone has bought the operator Oskar"
    acts += [c for c in name.children if c.dep_ == "relcl"]  # "Catalina Sandino Moreno, who took best actress"
    for act in acts:
        done_to = " ".join(t.text for o in act.children if o.dep_ in ("dobj", "attr") for t in _noun_phrase(o))
        if 2 * len(wanted & set(terms(done_to))) >= len(wanted):
            return True
    return False


@lru_cache(maxsize=1024)  # asked for every entity and candidate of every sentence read for one question
def _asked_object(clause: str) -> frozenset[str]:
    """The words of what the asking clause's "who" or "which X" did its act to ("best actress" of "who won best
    actress at the awards?"); none when the question's subject is not what it asks for."""
    doc = parse(clause[-PARSED_CHARS:])
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.lemma_ in _SAYS_NOTHING:
        return frozenset()
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if not subjects or not any(t.tag_ in ("WP", "WDT") for t in subjects[0].subtree):
        return frozenset()
    words = [t.text for o in root.children if o.dep_ == "dobj" for t in _noun_phrase(o) if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")]
    return frozenset(terms(" ".join(words)))


def _noun_phrase(head: Any) -> list[Any]:
    """The noun and the words that name it ("best new TV comedy"), not the clauses hung on it ("named Britain's ...")."""
    return [head] + [t for child in head.children if child.dep_ in _NAMING_DEPS for t in _noun_phrase(child)]


_IN_PLACE_OF = re.compile(
    r"\b(?:in place of|instead of|replac(?:e|es|ed|ing)|succeed(?:s|ed|ing)?|(?:take|takes|took|taken|taking) over (?:as [a-z]+ )?from|"
    r"(?:stand|stands|stood|standing|step|steps|stepped|stepping|come|comes|came|coming) in for)\s+(?:the\s+)?(?:injured\s+)?"
    r"(?:[a-z]+\s+)?(?P<name>(?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)"  # "from newcomer Tim Kash"
)
_REPLACING = (r"(?:replacing|replaces|replaced|in place of|instead of|for|succeeding|succeeds|takes over from|took over from|"
              r"comes in for|came in for)")


def _replaces(question: Question, text: str, start: int, end: int) -> bool:
    """"Who comes in for Simon Danielli?": the one the sentence says replaces him ("Simon Webster replacing
    Simon Danielli", "Danielli is replaced by Simon Webster"), not another name of the same line-up."""
    if question.type != PERSON:
        return False
    asked = _IN_PLACE_OF.search(question.text)
    if asked is None:
        return False
    surname = re.escape(asked.group("name").split()[-1])
    after = (rf"^['’]?s?\s*,?\s*(?:(?:who|will|is|was|has|had|to|be|been|set to)\s+){{0,3}}?{_REPLACING}\s+"
             rf"(?:the\s+)?(?:injured\s+)?(?:[\w'’-]+\s+){{0,3}}?{surname}\b")
    before = rf"\b{surname}\b[^.;]{{0,40}}\b(?:replaced|succeeded)(?:\s+as\s+[a-z]+)?\s+by\s+(?:[\w'’-]+\s+){{0,3}}$"  # "as host"
    return bool(re.search(after, text[end : end + 80]) or re.search(before, text[max(0, start - 80) : start]))


_BASELINE_BEFORE = re.compile(r"\b(?:compared (?:with|to)|down from|up from)\s+(?:a |an |the )?(?:record |high of |low of )?$")
_CHANGE_VERB = (r"(?:rais(?:e|ed|es|ing)|lower(?:s|ed|ing)?|cut(?:s|ting)?|reduc(?:e|ed|es|ing)|increas(?:e|ed|es|ing)|"
                r"decreas(?:e|ed|es|ing)|rose|ris(?:e|es|en|ing)|fell|fall(?:s|en|ing)?|drop(?:s|ped|ping)?|grew|grow(?:s|n|ing)?|"
                r"climb(?:s|ed|ing)?|slip(?:s|ped|ping)?|jump(?:s|ed|ing)?|gain(?:s|ed|ing)?|lost|los(?:e|es|ing)|shed(?:s|ding)?|"
                r"add(?:s|ed|ing)?|trim(?:s|med|ming)?|slash(?:es|ed|ing)?|up|down)")
_CHANGE_BY = re.compile(rf"\b{_CHANGE_VERB}\s+(?:[\w'’-]+\s+){{0,4}}?by\s+(?:a |an |another |a further )?$", re.IGNORECASE)
_ASKS_CHANGE = re.compile(r"\bby (?:how|what)\b|\b(?:rais|lower|cut|reduc|increas|decreas|rose|rise|risen|fell|fall|drop|grew|grow|"
                          r"climb|slip|jump|surg|gain|lost|lose|shed|shrink|shrank|soar|plung|tumbl|slid|improv|boost|swell|widen|narrow)\w*\b",
                          re.IGNORECASE)
_ASKS_MOVE = re.compile(  # a rise or fall of a level, or a margin over another, asked as such
    r"\b(?:by (?:how (?:much|many)|what (?:percentage|percent|proportion|amount|margin))|how (?:much|far|sharply|steeply))\b[^?]{0,80}"
    r"\b(?:rise|rose|risen|fall|fell|fallen|increase|decrease|grow|grew|grown|climb|jump|drop|slip|slide|slid|surge|soar|"
    r"plunge|tumble|gain|decline|shrink|shrank|exceed|outstrip|outsell|outsold)(?:s|d|ed|ing)?\b"
    r"|\bhow much (?:more|less|higher|lower|bigger|smaller|larger|faster|slower|cheaper|dearer)\b", re.IGNORECASE)
_MOVED = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|fell|fall(?:s|en|ing)?|increas\w*|decreas\w*|grow\w*|grew|growth|climb\w*|jump\w*|"
    r"drop\w*|slip\w*|slid\w*|surg\w*|soar\w*|plung\w*|tumbl\w*|gain\w*|declin\w*|shrank|shrink\w*|"
    r"up|down|higher|lower|more|less|boost\w*|leap\w*|rall\w*|slump\w*|added|shed)\b", re.IGNORECASE)
MOVE_BEFORE, MOVE_AFTER = 40, 40  # characters around a figure where its sentence says it is a rise or a fall


def _moved(question: Question, spans: list[tuple[Sentence, int, int]]) -> list[tuple[Sentence, int, int]]:
    """"By what percentage did its shares rise?", "by how much did sales exceed the 2003 figure?": a figure
    its sentence gives as a rise, a fall or a margin ("were up 19.6%", "30% more than in 2003"), not a level
    ("owns 6.7% of the shares", "674 million were sold"), within each article that gives one: another
    article's move does not push out this one's figures."""
    if question.type not in fits.AMOUNTS or not _ASKS_MOVE.search(question.text):
        return spans
    kept = [(s, a, b) for s, a, b in spans if _MOVED.search(s.text[max(0, a - MOVE_BEFORE) : a] + " " + s.text[b : b + MOVE_AFTER])]
    moving = {s.source for s, _, _ in kept}
    return [span for span in spans if span[0].source not in moving or span in kept]


_SUPPOSING = re.compile(r"\W*(?:If|Were|Had)\b")
_ASKS_EARLIER = re.compile(r"\b(?:last|previous|previously|earlier|before|ago|prior|from|compared|used to)\b", re.IGNORECASE)


def _baseline(question: Question, text: str, start: int) -> float:
    """1 for a figure that is not the level asked: what the asked one is measured against ("stood at £17.9bn,
    compared with £21.8bn in January last year", "down from £2.6bn"), unless the question asks about that
    earlier time; a change when a level is asked ("what will it charge?": not the "by $2" of "lower the
    price by $2, bringing it down to $58"); a supposition ("If ..., there would be 42")."""
    if question.type not in fits.AMOUNTS:
        return 0.0
    before = text[max(0, start - 30) : start]
    if not _ASKS_EARLIER.search(question.text) and _BASELINE_BEFORE.search(before):
        return 1.0
    supposed = _SUPPOSING.match(text) and re.search(r"\bwould\b", text[:start])
    if supposed and not re.search(r"\b(?:if|would)\b", question.text, re.IGNORECASE):
        return 1.0
    return 1.0 if not _ASKS_CHANGE.search(question.text) and _CHANGE_BY.search(before) else 0.0


_MONTHLY = re.compile(r"\b(?:previous|preceding|prior|last) month\b|\bmonth (?:before|earlier)\b|\bmonth-on-month\b|\bon the month\b")
_YEARLY = re.compile(r"\b(?:previous|preceding|prior|last) year\b|\byear (?:before|earlier|ago)\b|\byear-on-year\b|"
                     r"\bon the year\b|\bannual(?:ly| basis)\b|\bsame (?:month|period|quarter) (?:of |in )?(?:the previous|last) year\b")


def _other_period(question: Question, text: str, end: int) -> float:
    """1 for a change measured against another period than the question's: "rose 3.8% on a year-on-year
    basis" does not answer "how much did spending rise compared with the previous month?"."""
    if question.type not in fits.AMOUNTS:
        return 0.0
    asked = question.text.lower()
    said = text[end : end + 60].lower()
    monthly_asked, yearly_asked = bool(_MONTHLY.search(asked)), bool(_YEARLY.search(asked))
    if monthly_asked == yearly_asked:
        return 0.0
    return 1.0 if (_YEARLY.search(said) if monthly_asked else _MONTHLY.search(said)) else 0.0


def _only_speaks(question: Question, text: str, start: int, end: int) -> float:
    """1 for a person the sentence names only as its speaker ("... said Lee Rainie, director of Pew"), when
    the question asks who did something else: a reporter's source is seldom the one the story is about."""
    if question.type != PERSON or _REPORTING.search(question.text):
        return 0.0
    inside = [t for t in parse(text) if start <= t.idx < end]
    if not inside:
        return 0.0
    token = inside[-1]
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return 1.0 if token.dep_ == "nsubj" and token.head.lemma_ in _SPEECH_VERBS else 0.0


def _when_told(question: Question, text: str, start: int) -> float:
    """1 for a date that says when something was said ("told parliament on Wednesday that the ban would come
    by spring 2006"), when the question does not ask when something was said: news dates its reports."""
    if question.type not in (DATE, DAY, TIME) or _REPORTING.search(question.text):
        return 0.0
    before = " ".join(patterns.WORD.findall(text[max(0, start - 60) : start])[-TOLD_WORDS:])
    return 1.0 if _REPORTING.search(before) else 0.0


_ONE_DATE = re.compile(r"\b(?:on )?(?:what|which) (?:exact |precise |specific )?date\b", re.IGNORECASE)
_DAY_RANGE = re.compile(r"\d\s*(?:[-–]|to|until)\s*\d")


def _span_for_one_day(question: Question, phrase: str) -> float:
    """1 for a run of days ("10-20 February") when the question asks on which date: the festival runs for
    days, the screening is on one ("16 February")."""
    return 1.0 if question.type == DATE and _ONE_DATE.search(question.text) and _DAY_RANGE.search(phrase) else 0.0


def _beside_noun(question: Question, text: str, start: int, end: int) -> float:
    """1 when the noun the question asks for ("which spokesperson") introduces the phrase ("spokesperson Matt
    Miller") or describes it after a comma ("Miller, a State Department spokesperson"); -1 when the phrase
    is introduced or described by other words of the question instead: "which academic doubted the
    Secretary of State's trip?" is not answered by "Secretary of State Antony Blinken"."""
    wanted = set(terms(question.noun))
    wanted |= {t for group in _SAME_ROLE if wanted & group for t in group}  # "which club": "English side Saracens"
    if not wanted:
        return 0.0
    if wanted & set(terms(text[start:end])) and text[start:end][:1].isupper():  # "which court": "the US District Court"
        return NAMED_AS_NOUN
    before = patterns.WORD.findall(text[max(0, start - 40) : start])[-NOUN_WORDS:]
    after = text[end : end + 60]
    described = re.match(r"\s*[,(–—-]", after) is not None
    following = patterns.WORD.findall(after)[:NOUN_AFTER] if described else []
    if wanted & set(terms(" ".join(before))) and _used_as_noun(text, wanted, start):
        return 1.0 + _modifiers_met(question, wanted, text[max(0, start - 60) : start])
    if wanted & set(terms(" ".join(following))):
        return 1.0 + _modifiers_met(question, wanted, " ".join(following))
    return -1.0 if _other_words(question, text, start, following) else 0.0


def _modifiers_met(question: Question, wanted: set[str], description: str) -> float:
    """The share of the asked noun's own words ("CBI" of "which CBI economist") that the phrase's
    description uses: "CBI chief economist Ian McCafferty" over "Philip Shaw, chief economist at Investec"."""
    modifiers = question.described - wanted
    if not modifiers:
        return 0.0
    return MODIFIER_SHARE * len(modifiers & set(terms(description))) / len(modifiers)


def _other_words(question: Question, text: str, start: int, following: list[str]) -> bool:
    """Capitalised title words right before the phrase, or words after its comma, that the question uses
    for someone else ("Secretary of State Antony Blinken", "Arnold, from Dartford"), not in the asked
    noun's own description ("which ex-England football star": "England footballer Paul Gascoigne"). The
    title is the run of nouns right before the phrase: "Liverpool manager Rafael Benitez", not "England beat"."""
    title: list[str] = []
    for token in reversed([t for t in parse(text) if t.idx + len(t.text) <= start][-NOUN_WORDS:]):
        if token.pos_ not in ("PROPN", "NOUN", "ADJ"):
            break
        if token.text[:1].isupper() or is_role_noun(token.text):  # "Liberal Democrat leader Charles Kennedy"
            title.insert(0, token.text)
    words = set(terms(" ".join(title + following)))
    return bool(words & (question.terms - question.described)) and not words & question.described


def _used_as_noun(text: str, wanted: set[str], before: int) -> bool:
    """The asked noun before the phrase is a noun there too: not "official" in "his official Twitter account"."""
    return any(t.pos_ in ("NOUN", "PROPN") and t.idx < before and set(terms(t.text)) & wanted for t in parse(text))


def _nearness(question: Question, text: str, start: int, end: int) -> float:
    """1 when a question word touches the phrase, falling with the characters between them."""
    gaps = [
        max(start - m.end(), m.start() - end, 0)
        for m in patterns.WORD.finditer(text)
        if (m.end() <= start or m.start() >= end) and set(terms(m.group())) & question.terms
    ]
    return 1.0 / (1.0 + min(gaps) / NEAR_CHARS) if gaps else 0.0


_TOWN_NOUNS = frozenset({"city", "town"})
_NAMED_AFTER_CITY = frozenset({"EVENT", "FAC", "ORG"})


def _city_in_name(text: str, ents: tuple[Entity, ...]) -> list[tuple[int, int]]:
    """The city whose name opens the name of an event, a building or a body ("the Bangkok International Film
    Festival", "the Berlin Philharmonic"): where it is, though spaCy tags the whole name."""
    found = []
    for entity in ents:
        if entity.label not in _NAMED_AFTER_CITY:
            continue
        words = re.match(r"(?:(?i:the)\s+)?((?:[A-Z][\w'’-]*\s+){1,2}?)(?=[A-Z])", text[entity.start : entity.end])
        if words and places.is_city(words.group(1).strip()):
            start = entity.start + words.start(1)
            found.append((start, start + len(words.group(1).strip())))
    return found


def _minutes_of(question: Question, text: str) -> list[tuple[int, int]]:
    """The minutes of a match at which the sentence tells of what the question names: a minute belongs to
    the words before it, back to the minute before ("Smith scored in the 33rd minute before Diop's strike
    levelled in the 87th minute": Diop's is the 87th)."""
    named = [set(terms(name)) for name in question.names[:1]]  # whose act: the one the question names first
    found, since = [], 0
    for match in patterns.MATCH_MINUTE.finditer(text):
        told = set(terms(text[since : match.start()]))
        if told & question.terms and (not named or any(name & told for name in named)):
            phrase = re.sub(r"^(?:in|after|into) (?:the )?", "", match.group(), flags=re.IGNORECASE)
            start = match.end() - len(phrase) if phrase[:1].isdigit() else match.start()
            found.append((start, match.end()))
        since = match.end()
    return found

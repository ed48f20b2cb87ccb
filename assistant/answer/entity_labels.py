"""Names as the articles use them, where spaCy's small model labels them wrongly: it tags "Blinken" a
place in one sentence and a person in the next, misses surnames standing alone, and calls "Cardinal
Cormac Murphy-O'Connor" and the city of Delft organisations. Each rule reads the sentence or its
article, never a list of people.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer import patterns, places
from assistant.answer.evidence import Sentence
from assistant.answer.nlp import Entity
from assistant.answer.question import is_role_noun

_AFTER_INITIAL = re.compile(r" [A-Z][a-z][\w'’-]*(?: (?:Jr|Sr|II|III)\b\.?)?")
_SUFFIX = re.compile(r",? (?:Jr|Sr)\b\.?")
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
_BUSINESS_BEFORE = re.compile(
    r"\b(?:company|firm|bank|store|chain|retailer|supermarket|airline|carmaker|lender|insurer|publisher|broadcaster|operator) $"
)
_WORK_BEFORE = re.compile(  # "the comedy Sideways", "the musical Mary Poppins": a title, though it reads as a person's name
    r"\b(?:comedy|film|movie|drama|documentary|thriller|biopic|cartoon|album|single|song|musical|play|sitcom|soap|novel|"
    r"book|video game|opera|ballet) $"
)
_NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"})
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|of|near)\s$")
_CREDIT_BEFORE = re.compile(r"\b(?:photo|photograph|picture|image|written|edited|reporting) by $", re.IGNORECASE)
_ROLE_THEN_NAME = re.compile(r"(?:^|\s)(?P<role>[a-z][a-z-]+)\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*)$")
_TITLE_BEFORE = re.compile(  # a capitalised title right before a name, inside a sentence
    r"(?<=\S )(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Cardinal|Archbishop|Bishop|Pope|Rev|Father|Sister|President|"
    r"Chancellor|Senator|Judge|Justice|General|Gen|Col|Capt|Prof|Professor|Prince|Princess|King|Queen)\.? "
    r"(?P<first>[A-Z][a-z]+ )?$"  # a first name between: "Cardinal Cormac Murphy-O'Connor" ("Bush's" is none)
)


def relabelled(parsed: list[Sentence], parses: list[tuple[Entity, ...]]) -> list[tuple[Entity, ...]]:
    """Each sentence's entities with the labels the rules below correct, surnames standing alone added, and
    cities spaCy tagged as something else added as cities too."""
    usual = _usual_labels(parses)
    surnames = _surnames(parsed, parses)
    firms = _firms(parsed, parses)
    found = []
    for sentence, ents in zip(parsed, parses):
        known = surnames.get(sentence.source, set())
        kept = tuple(
            _as_firm(part, firms)
            for e in _day_surnames(sentence.text, ents) if usual.get(e.text, e.label) == e.label and not _surname_as_place(e, known)
            for part in _role_split(_corrected(sentence.text, e))
        )
        found.append(kept + _surname_mentions(sentence, kept, known) + _cities_named(sentence.text, kept)
                     + _acronyms(sentence.text, kept))
    return found


_FIRM_AFTER = re.compile(  # "Yukos shares", "Yukos' largest shareholder", "the Parmalat board": what only a business has
    r"(?:['’]s?\s+(?:(?:largest|biggest|main|majority|former|new)\s+)?(?:shareholders?|subsidiary|employees|workforce|"
    r"headquarters|board|chief executive)|\s+(?:shares|stock|shareholders?|boss|bosses|executives|employees|workforce|"
    r"headquarters|board|chief executive))\b"  # not "Murdoch's shares": a person holds shares too
)
_FIRM_BEFORE = re.compile(r"\b(?:stake in|shares in|shares of|(?:oil|energy|media|drinks|retail|banking|tech) giant)\s+$", re.IGNORECASE)


def _firms(parsed: list[Sentence], parses: list[tuple[Entity, ...]]) -> set[str]:
    """Names tagged as people that a sentence speaks of as a business ("shares in Yukos", "oil giant
    Yukos", "Yukos' largest shareholder"): spaCy's small model calls many a Russian or Italian firm a person."""
    found = set()
    for sentence, ents in zip(parsed, parses):
        for e in ents:
            if e.label == "PERSON" and " " not in e.text and (
                _FIRM_AFTER.match(sentence.text, e.end) or _FIRM_BEFORE.search(sentence.text[max(0, e.start - 20) : e.start])
            ):
                found.add(e.text)
    return found


def _as_firm(entity: Entity, firms: set[str]) -> Entity:
    return replace(entity, label="ORG") if entity.label == "PERSON" and entity.text in firms else entity


def _corrected(text: str, entity: Entity) -> Entity:
    """The entity's span and label after each correction below that reads its words or its neighbours."""
    entity = name_run_on(text, _dash_cut(entity))
    return _titled(text, _group(text, _work_named(text, _business_named(text, entity))))


def _dash_cut(entity: Entity) -> Entity:
    """"Florian Hamm - Borussia Dortmund's largest investor": no name holds a spaced dash, so a name the
    small model ran on past one ends before it."""
    dash = _SPACED_DASH.search(entity.text)
    if dash is None or dash.start() == 0:
        return entity
    return replace(entity, end=entity.start + dash.start(), text=entity.text[: dash.start()])


def name_run_on(text: str, entity: Entity) -> Entity:
    """"District Attorney Bruce L Castor Jr": the small model ends a person's name at a middle initial
    written without its full stop, and leaves out "Jr"; the name goes on to its surname and suffix."""
    if entity.label != "PERSON":
        return entity
    rest = _AFTER_INITIAL.match(text, entity.end) if re.search(r"\s[A-Z]\.?$", entity.text) else None
    rest = rest or _SUFFIX.match(text, entity.end)
    if rest is None:
        return entity
    return replace(entity, end=rest.end(), text=text[entity.start : rest.end()])


def _business_named(text: str, entity: Entity) -> Entity:
    """"Home furnishings store Pier 1 Imports", tagged a product: a name right after a noun for a business is
    that business."""
    if entity.label != "PRODUCT" or not _BUSINESS_BEFORE.search(text[max(0, entity.start - 20) : entity.start]):
        return entity
    return replace(entity, label="ORG")


def _work_named(text: str, entity: Entity) -> Entity:
    """"The comedy Sideways has dominated the awards", tagged a place: a name right after a noun for a film,
    a record or a book is that work's title, not a person, a place or a body."""
    if entity.label not in _NAME_LABELS or not _WORK_BEFORE.search(text[max(0, entity.start - 20) : entity.start]):
        return entity
    return replace(entity, label="WORK_OF_ART")


def _day_surnames(text: str, ents: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """"coach Mike Friday": a first name tagged a person right before a weekday tagged a date is one name."""
    found: list[Entity] = []
    for e in ents:
        last = found[-1] if found else None
        if (last is not None and last.label == "PERSON" and " " not in last.text and e.label == "DATE"
                and text[last.end : e.start] == " " and e.text.lower() in patterns.WEEKDAYS):
            found[-1] = Entity(last.start, e.end, "PERSON", text[last.start : e.end])
        else:
            found.append(e)
    return tuple(found)


def _surnames(parsed: list[Sentence], parses: list[tuple[Entity, ...]]) -> dict[str, set[str]]:
    """The surnames of the people each article names in full ("Brendon O’Connor" -> "O’Connor")."""
    found: dict[str, set[str]] = {}
    for sentence, ents in zip(parsed, parses):
        for e in ents:
            words = e.text.split()
            surname = re.sub(r"['’]s$", "", words[-1]) if len(words) >= 2 else ""
            if e.label == "PERSON" and surname[:1].isupper() and not places.is_capital(surname) and not places.is_country(surname):
                found.setdefault(sentence.source, set()).add(surname)  # "beat Ireland in Dublin" tagged a person names none
    return found


def _surname_as_place(entity: Entity, surnames: set[str]) -> bool:
    """"as Blinken departed": a surname of the article's people tagged as a place GeoNames does not know."""
    return (entity.label in ("GPE", "LOC") and entity.text in surnames
            and not (places.is_country(entity.text) or places.is_city(entity.text) or places.is_region(entity.text)))


def _surname_mentions(sentence: Sentence, ents: tuple[Entity, ...], surnames: set[str]) -> tuple[Entity, ...]:
    """News names a person in full once, then by surname alone, which spaCy's small model often misses:
    a known surname outside every entity of the sentence is that person."""
    if not surnames:
        return ()
    taken = [range(e.start, e.end) for e in ents]
    mentions = []
    for match in patterns.WORD.finditer(sentence.text):
        if match.group() in surnames and not any(match.start() in r for r in taken):
            mentions.append(Entity(match.start(), match.end(), "PERSON", match.group()))
    return tuple(mentions)


def _titled(text: str, entity: Entity) -> Entity:
    """A name right after a person's title or a credit is a person, whatever spaCy's label: "Cardinal Cormac
    Murphy-O'Connor", "Photo by Jemal Countess" (the small model tags such names as organisations now and then)."""
    if entity.label not in ("ORG", "GPE", "NORP", "FAC"):
        return entity
    if _CREDIT_BEFORE.search(text[max(0, entity.start - 20) : entity.start]):  # "File Photo by Jemal Countess/UPI"
        name = entity.text.rstrip("/ ")
        return replace(entity, end=entity.start + len(name), text=name, label="PERSON")
    window = max(0, entity.start - 40)
    title = _TITLE_BEFORE.search(text[window : entity.start])
    if title is None:
        return entity
    start = window + title.start("first") if title.group("first") else entity.start  # "Cardinal Cormac" + "Murphy-O'Connor"
    return replace(entity, start=start, text=text[start : entity.end], label="PERSON")


def _group(text: str, entity: Entity) -> Entity:
    """"The Lib Dems", "the Greens": a plural name after "the" is a party, band or team, never one person."""
    if entity.label == "PERSON" and entity.text.endswith("s") and text[max(0, entity.start - 4) : entity.start].lower() == "the ":
        return replace(entity, label="ORG")
    return entity


def _role_split(entity: Entity) -> tuple[Entity, ...]:
    """"Balco boss Victor Conte", tagged one organisation: the body before the role noun, the person after it."""
    if entity.label not in ("ORG", "GPE", "NORP", "FAC"):
        return (entity,)
    role = _ROLE_THEN_NAME.search(entity.text)
    if role is None or not is_role_noun(role.group("role")):
        return (entity,)
    person = Entity(entity.start + role.start("name"), entity.end, "PERSON", role.group("name"))
    body = entity.text[: role.start()].rstrip()
    return ((replace(entity, end=entity.start + len(body), text=body),) if body else ()) + (person,)


def _cities_named(text: str, ents: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """One-word names GeoNames knows as cities, right after "in", "at", "from" or "of", that spaCy tagged as
    something else: the city too ("the huge image of Delft", tagged an organisation). The first label stays,
    for "the manager of Chelsea" is a club as well. So are the city that ends a longer name spaCy ran it into
    ("the All Blacks in Christchurch") and the city of a "Bracknell-based" firm, which spaCy leaves untagged."""
    found = [
        replace(e, label="GPE") for e in ents
        if e.label in ("ORG", "PERSON") and " " not in e.text
        and _PLACE_BEFORE.search(text[max(0, e.start - 6) : e.start]) and places.is_city(e.text)  # GeoNames last: it loads once
    ]
    for e in ents:
        inner = _CITY_AT_END.search(e.text) if e.label not in ("GPE", "LOC", "FAC") else None
        if inner and places.is_city(inner.group(1)):
            found.append(Entity(e.start + inner.start(1), e.start + inner.end(1), "GPE", inner.group(1)))
    tagged = {(e.start, e.end) for e in ents if e.label in ("GPE", "LOC", "FAC")}
    for based in _BASED.finditer(text):
        if (based.start(1), based.end(1)) not in tagged and places.is_city(based.group(1)):
            found.append(Entity(based.start(1), based.end(1), "GPE", based.group(1)))
    return tuple(found)


_ACRONYM = re.compile(r"(?<![\w&.-])[A-Z][A-Z&]{1,4}(?![\w&.-])")
_NOT_A_BODY = frozenset({  # capitals that stand for no organisation: places, titles, times, units, measures, things
    "US", "USA", "UK", "GB", "UAE", "USSR", "NYC", "LA", "EU",  # EU: a union of states, answered as a place as often
    "MP", "MPS", "MEP", "MEPS", "MSP", "MSPS", "AM", "QC", "CEO", "CFO", "COO", "PM", "DJ", "MC", "GP", "PA",
    "GMT", "BST", "EST", "PST", "CET", "TV", "PC", "PCS", "CD", "CDS", "DVD", "DVDS", "MP3", "GPS", "SMS", "TB", "HIV", "AIDS",
    "SARS", "GDP", "GNP", "VAT", "RPI", "CPI", "IPO", "AGM", "HQ", "ID", "IT", "IQ", "OK", "UFO", "RAM", "CPU", "LCD", "WMD",
    "FM", "ATM", "PIN", "PR", "HR", "VIP", "NB", "PS", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI",
    "KM", "KG", "MPH", "BC", "AD", "RSS", "WIFI", "UN",
})


def _acronyms(text: str, ents: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Initials inside a sentence that spaCy's small model left untagged or called a place, as organisations:
    "a senior figure from BT", "shares in EMI". A headline written all in capitals, and initials that stand
    for places, titles, times or units, are left alone."""
    if sum(c.isupper() for c in text) > len(text) / 3:
        return ()
    placed = {(e.start, e.end) for e in ents if e.label == "GPE"}  # spaCy calls "BT" a place: a body too
    tagged = [(e.start, e.end) for e in ents if (e.start, e.end) not in placed]
    return tuple(
        Entity(m.start(), m.end(), "ORG", m.group()) for m in _ACRONYM.finditer(text)
        if m.start() > 0 and m.group() not in _NOT_A_BODY and not any(a < m.end() and m.start() < b for a, b in tagged)
        and text[m.start() - 1 : m.end() + 1] != f"({m.group()})"  # "Arts Alliance Digital Cinema (AADC)": the name answers
    )


_CITY_AT_END = re.compile(r"\s(?:in|at|near)\s+([A-Z][a-z]+)$")  # "the All Blacks in Christchurch"
_BASED = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)-based\b")  # "Bracknell-based Exel"


def _usual_labels(parses: list[tuple[Entity, ...]]) -> dict[str, str]:
    """The label a name gets most often in these sentences: one 'Blinken' tagged GPE among PERSONs (or
    among full names that end in it, 'Antony Blinken') is a PERSON."""
    counts: dict[str, dict[str, int]] = {}
    for ents in parses:
        for e in ents:
            counts.setdefault(e.text, {}).setdefault(e.label, 0)
            counts[e.text][e.label] += 1
            words = e.text.split()
            if e.label == "PERSON" and len(words) >= 2:  # "Antony Blinken" votes for "Blinken" alone being a person
                counts.setdefault(words[-1], {}).setdefault("PERSON", 0)
                counts[words[-1]]["PERSON"] += 1
    usual = {}
    for text, labels in counts.items():
        top = max(labels.values())
        if list(labels.values()).count(top) == 1:  # a tie says nothing
            usual[text] = max(labels, key=lambda label: labels[label])
    return usual

"""Whether a phrase is of the kind a question asks for, beyond its entity label: "which city" is no country,
"at what time" wants a time of day, "how many" is not the "11.5" of "£11.5m", "how long did it last" is not
"the first visit in five years", "per ounce" wants a price per ounce.
"""

from __future__ import annotations

import re

from assistant import dates
from assistant.answer import counts, meaning, patterns, places, roles
from assistant.answer.evidence import Sentence
from assistant.answer.nlp import Entity, parse, token_at
from assistant.answer.question import (
    DATE, DAY, DURATION, FACILITY, LABELS, LIST, MONEY, NAME, NUMBER, ORGANISATION, PERCENT, PERSON, PLACE, QUANTITY, RANK, TIME,
    RACE_TIME, Question, asked_clause, named_thing,
)
from assistant.terms import terms

Spans = list[tuple[Sentence, int, int]]
_FRACTION_WORDS = re.compile(r"\b(?:half|quarters?|thirds?|fifths?|tenths?)$|^\w+ in \w+$")
_SHARE_ONLY = re.compile(  # "half", "more than two-thirds": a share of a whole, and nothing else
    r"(?:about |almost |nearly |more than |over |just |some )?(?:a |one |two |three |four |one-|two-|three-|four-)?"
    r"(?:half|quarters?|thirds?|fifths?|tenths?)"
)
_RESULT_AFTER = re.compile(r"\s*(?:[A-Z][\w-]*\s+){0,3}(?:win|wins|defeat|defeats|victory|loss|draw|lead|triumph|success|scoreline|home|away)\b")
_RESULT_BEFORE = re.compile(r"\b(?:won|win|wins|lost|lose|beat|beaten|drew|draw|led|lead|trailed|trailing)\s+$")
_MOVED_TO = re.compile(r"\bto\W*$")
AMOUNTS = frozenset({MONEY, PERCENT, NUMBER, QUANTITY})

_RATE = re.compile(r"\b(?:per|a|an|each|every) (ounce|share|barrel|hour|day|week|month|year|tonne|ton|litre|gallon|head|person|"
                   r"minute|kilo|kilogram|pound|mile|unit|copy|ticket)\b", re.IGNORECASE)
_NAMING = frozenset({"ORG", "PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW", "GPE"})

_UNITS = {
    "month": re.compile(rf"\b{patterns.MONTH}", re.IGNORECASE),
    "year": re.compile(
        r"\b(?:1[89]|20)\d\d\b|\b(?:this|last|next|that|the same|the previous|the following) year\b|\byears? ago\b", re.IGNORECASE
    ),
    "date": re.compile(  # a day: "18 June", "June 18", "Sunday", "yesterday", "2023-06-18"; not "next year"
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{patterns.MONTH}|\b{patterns.MONTH}\s+\d{{1,2}}\b|\b{patterns.WEEKDAY}\b|"
        r"\b(?:today|yesterday|tomorrow)\b|\b\d{4}-\d\d-\d\d\b",
        re.IGNORECASE,
    ),
    "day of the week": re.compile(rf"\b{patterns.WEEKDAY}\b", re.IGNORECASE),
}
_CALENDAR_DAY = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{patterns.MONTH}|\b{patterns.MONTH}\s+\d{{1,2}}\b|\b\d{{4}}-\d\d-\d\d\b", re.IGNORECASE
)
_TITLE_OF = re.compile(
    r"\b(?:Secretary|Minister|Ministry|Chancellor|Secretary-General|Duke|Duchess|Earl|Prince|Princess|Lord|Governor)"
    r"\s+of\s+(?:the\s+)?$"
)
_REPORT_DATE = re.compile(  # the asked date is a report's: "when was the story published", "what date did AP report that"
    r"\b(?:when|date|day)\b(?:(?!\b(?:that|after|before|when)\b).){0,60}?\b(?:report(?:ed)?|publish(?:ed)?|file[ds]?)\b(?! by)",
    re.IGNORECASE,
)
_REPORTED = re.compile(r"\b(?:report|reported|reports|publish|published|carried|carry|broke|break|wrote|write|ran|run)\b", re.IGNORECASE)
_OUTLET_NOUN = re.compile(r"(?:news )?(?:agency|agencies|outlet|newspaper|paper|wire|broadcaster|publication|news organisation)")
_SITE = re.compile(  # a place inside a city, named by its kind: "Coronation Street", "Lansdowne Road"
    r"\b(?:Street|Road|Avenue|Lane|Square|Stadium|Park|Hall|House|Centre|Center|Theatre|Theater|Arena|Bridge|Airport|Station|"
    r"Palace|Hotel|Guesthouse|Tower|Building|Court|Gardens|Place|Quay|Way)$"
)
_CURRENCY = re.compile(r"(?P<pound>£)|(?P<dollar>(?:US|A|C|HK)?\$)|(?P<euro>€)")
_CURRENCY_WORD = re.compile(r"\b(?:dollars?|euros?|pounds|yen|yuan|rupees|francs|kronor|krona|roubles|rubles)\b", re.IGNORECASE)
_ASKED_CURRENCY = {"pound": r"£|pounds?|sterling", "dollar": r"\$|dollars?", "euro": r"€|euros?"}
_NAME_BEFORE = re.compile(  # a capitalised word (not a month, a day or a sentence's first) right before a number
    rf"(?<=[\w,;:] )(?!(?i:{patterns.MONTH}|{patterns.WEEKDAY})\b)"
    r"(?!(?:The|A|An|Some|About|Nearly|Almost|Over|Under|More|Less|Only|Just|All|Around|Up|To|By)\b)[A-Z][A-Za-z]*\s$"
)
_SCALE = re.compile(r"(?:bn|m|k|GB|MB|TB|kg|km|cm|mm|ft(?:\s?\d{1,2}\s?ins?\b)?|mph|kph|ha)\b|\s(?:million|billion|trillion|thousand)\b")
_ENDS_IN_MINUTES = re.compile(r"\b(?:minutes?|mins?)$|\dmins?$")
_SECONDS_AFTER = re.compile(r"(?:,|\s+and)?\s*\d{1,2}(?:\.\d+)?\s?(?:seconds|secs?)\b")
_STRETCH = re.compile(r"(?:\w+[\s-]+)*(?:decades|years|months|weeks|days)")  # "the past 50 years", ending there: no "ago", no month
_HALF = re.compile(r"(?:-and-a-half|\s+and\s+a\s+half)(?:[- ](?:miles|metres|meters|kilometres|kilometers|km|feet|yards|inches|laps|"
                   r"tonnes|tons|kilos|kilograms|stone|pounds|litres|gallons)\b)?", re.IGNORECASE)
_RANGE_START = re.compile(r"(?<![\w.,])[£$€]?\d[\d,.]*\s?[-–]\s?$")  # not "to": "rose by 20 to 120" is no range
_SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})
_ASKS_SINCE = re.compile(r"\bsince\b|\b(?:had|has) it been\b|\bit had been\b|\bin (?:\w+ )?how long\b", re.IGNORECASE)
_SINCE = re.compile(r"\bin (?:nearly |almost |more than |over |about |around |the past |the last )?$", re.IGNORECASE)


def conversion(question: Question, text: str, start: int) -> bool:
    """"$325m (£170m)", "4bn euros ($5.2bn; £2.8bn)", "1.3m (4.2ft)": the bracketed amount restates the one
    before it in another currency or unit, unless the question asks in that currency."""
    before = text[max(0, start - 40) : start]
    bracketed = re.search(r"\d(?:bn|m|k|p)?\b[^()]{0,25}\((?:[^()]*;\s*)?$", before)
    measured = re.search(rf"\d(?:{_SCALE.pattern}|\s?{patterns.UNIT.pattern}\b)\s*\($", before)
    if not bracketed or not (patterns.MONEY.search(before) or _CURRENCY_WORD.search(before) or measured):
        return False
    currency = _CURRENCY.match(text[start:])
    return not (currency and currency.lastgroup and re.search(_ASKED_CURRENCY[currency.lastgroup], question.text, re.IGNORECASE))


def _day_of_month(text: str, start: int, end: int) -> bool:
    day = text[start:end]
    if not day.isdigit() or not 1 <= int(day) <= 31:
        return False
    after = re.match(rf"\s+({patterns.MONTH})(?!\w)", text[end:], re.IGNORECASE)
    before = re.search(rf"\b({patterns.MONTH})\s+$", text[max(0, start - 12) : start], re.IGNORECASE)
    return any(m is not None and m.group(1)[0].isupper() for m in (after, before))  # "12 may fall" is no date


_ONE_IN = re.compile(r"\b(?:one|two|three|four|\d+) in (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b", re.IGNORECASE)


_GLUED_LETTER = re.compile(r"[A-Z](?![A-Za-z])")  # "3G", "3D"; not the units of "11m", "160GB", "5kg"


_COMPOUND_COUNT = re.compile(r"-(?!times?\b)[a-z]")  # "one-way", not "three-time winner" (how many times he won)


def part_of_other(text: str, ents: tuple[Entity, ...], start: int, end: int) -> bool:
    """A number that belongs to something else is no count: the "11.5" of "£11.5m", the "4" of "4bn euros"
    or of "40%", the "One" of "Bank One", the "one" of "hit number one" (a place in a ranking), the "10" of
    "one in 10 adults" (a share), the "3" of "3G handsets", the "18" of "under-18s"."""
    for regex in (patterns.MONEY, patterns.PERCENT):
        if any(m.start() <= start and end <= m.end() and (m.start(), m.end()) != (start, end) for m in regex.finditer(text)):
            return True
    if text[end : end + 1] == "%":
        return True
    if text[start:end].isdigit() and (_GLUED_LETTER.match(text, end) or text[start - 1 : start].isalpha()):  # "3G", "MP3": a name
        return True
    if text[start:end].isdigit() and (re.search(r"\b(?:under|over)-$", text[max(0, start - 6) : start], re.IGNORECASE)
                                      or re.match(r"s\b", text[end : end + 2])):  # "under-18s", "the 1990s": an age group, a decade
        return True
    if _NAME_BEFORE.search(text[max(0, start - 30) : start]):  # "the Hot 100 chart", "Radio 4", "FTSE 100"
        return True
    if text[start:end].lower() == "one" and re.match(r"\s+of\b", text[end : end + 4]):  # "one of the UK's seats" picks one
        return True
    if _COMPOUND_COUNT.match(text, end) and patterns.NUMBER_WORDS.fullmatch(text[start:end]):  # "one-way traffic", "a two-man race"
        return True
    if re.search(r"\b(?:number|No\.?)\s$", text[max(0, start - 8) : start]):  # "hit number one", "No 10": a place
        return True
    if _day_of_month(text, start, end):  # "the 11 September attacks", "on March 4": a date
        return True
    if any(m.start() <= start and end <= m.end() for m in _ONE_IN.finditer(text)):  # "one in 10 adults": a share
        return True
    return any(e.label in _NAMING and e.start <= start and end <= e.end and (e.start, e.end) != (start, end) for e in ents)


def named_day(text: str, start: int, end: int) -> bool:
    """A day word that is part of a name: "Sunday Telegraph journalist", "the Sunday Times", the song
    "What Happens Tomorrow" (a relative day capitalised inside a sentence)."""
    words = [t for t in parse(text) if start <= t.idx < end]
    if len(words) != 1:
        return False
    word = words[0]
    if word.dep_ == "compound" and re.fullmatch(patterns.WEEKDAY, word.text, re.IGNORECASE):
        return True
    return word.i > 0 and word.text.istitle() and word.lower_ in ("today", "tomorrow", "yesterday", "tonight")


def first_time(text: str, start: int) -> bool:
    """An ordinal that tells when, not where something ranks: "the song first topped the charts" (an adverb
    before its verb), "Usher scored a chart first" (a first, not a place)."""
    token = token_at(text, start)
    if token is None:
        return False
    if token.dep_ == "advmod" and token.head.i > token.i and token.head.tag_ != "JJS":  # not "fifth biggest"
        return True
    before = [t.lower_ for t in token.doc[max(0, token.i - 2) : token.i]]
    return "a" in before or "an" in before


def title_part(text: str, start: int) -> bool:
    """"State" in "Secretary of State Antony Blinken", "Exchequer" in "Chancellor of the Exchequer": the end of
    someone's title, which spaCy's small model often tags as an organisation or a place, answers nothing."""
    return _TITLE_OF.search(text[max(0, start - 40) : start]) is not None


def with_scale(text: str, end: int) -> int:
    """"More than 5" of "More than 5m people" ends after its "m": the count is five million, as "6" of "6 million
    DVDs" after its "million"; "160" of "160GB" after its unit, "5ft" of "5ft 9ins" after the inches, "one
    minute" of "one minute, 47.97 seconds" after the seconds; "15" of "15-and-a-half miles", which spaCy tags
    alone, after the half and its unit."""
    scale = _SCALE.match(text[end : end + 12])
    if scale:
        return end + scale.end()
    seconds = _SECONDS_AFTER.match(text, end) if _ENDS_IN_MINUTES.search(text, 0, end) else None
    if seconds:  # a race time: "one minute, 47.97 seconds", "3min 31.5secs"
        return seconds.end()
    half = _HALF.match(text, end)
    return half.end() if half else end


def with_range(text: str, start: int) -> int:
    """"120" of "100-120 troops" starts at "100": the range is the figure."""
    before = _RANGE_START.search(text[max(0, start - 20) : start])
    return start - len(before.group()) if before else start


_FROM_TO = re.compile(r"(?P<first>.+?)\s+to\s+(?P<second>.+)")
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def moves_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"from 3.25% to 2.5%" is two levels, before and after a move, though spaCy tags one span "3.25% to
    2.5%": each is a figure of its own. A range ("between 2% and 3%", "30-40%") stays one."""
    joined = _FROM_TO.fullmatch(text, start, end)
    if joined is None or not _FROM.search(text[max(0, start - 6) : start]):
        return [(start, end)]
    return [joined.span("first"), joined.span("second")]


def time_since(question: Question, text: str, start: int, end: int) -> bool:
    """"the highest-level trip in nearly five years" says how long since, not how long something lasted
    (unless that is what the question asks: "how long had it been since ..."); "sentenced one day after
    the campaign" says when, not how long the sentence was (unless the question asks "how long after")."""
    if _POINT_AFTER.match(text, end) and not _ASKS_GAP.search(question.text):
        return True
    if _ASKS_SINCE.search(question.text) or not _SINCE.search(text[max(0, start - 30) : start]):
        return False
    return any(t.idx < start and (t.tag_ in _SUPERLATIVE_TAGS or t.lower_ == "first") for t in parse(text))


_POINT_AFTER = re.compile(r"\s+(?:after|before|later|earlier|ahead of|on from)\b")
_ASKS_GAP = re.compile(r"\b(?:after|before|later|earlier|ahead|between)\b", re.IGNORECASE)


WEIGHT, SPEED, LENGTH = "weight", "speed", "length"
_MEASURES = {  # what a measure question asks for: the question's words, and the units that give it
    WEIGHT: (re.compile(r"\bweigh(?:s|ed)?\b|\bhow heavy\b|\bwhat (?:\w+ )?weight\b"),
     re.compile(r"\d\s*(?:kg|lbs?|st|g)\b|\b(?:kilos?|kilograms?|grams?|tonnes?|tons?|stones?|ounces?|oz|pounds? in weight)\b", re.I)),
    SPEED: (re.compile(rf"\bhow fast\b|\bwhat (?:\w+ )?speed\b|\bat what speed\b|{RACE_TIME.pattern}"),
     re.compile(r"\d\s*(?:mph|kph|km/h|kmh|s|secs?|mins?|sec|min)\b|\b(?:miles|kilometres|kilometers) (?:an|per) hour\b|\bknots?\b|"
                r"\b(?:seconds?|minutes?|hours?|mins?|secs?)\b", re.I)),
    LENGTH: (re.compile(r"\bhow (?:far|tall|high|deep|wide)\b|\bwhat (?:\w+ )?(?:distance|height|depth|width|altitude)\b"),
     re.compile(r"\d\s*(?:m|km|cm|mm|ft)\b|\b(?:metres?|meters?|kilometres?|kilometers?|miles?|feet|foot|inch(?:es)?|yards?)\b", re.I)),
}


def asked_measure(question: Question) -> str:
    """What a "how heavy / how fast / how far" question measures (WEIGHT, SPEED, LENGTH); empty for others."""
    if question.type != QUANTITY:
        return ""
    lowered = question.text.lower()
    return next((measure for measure, (asks, _) in _MEASURES.items() if asks.search(lowered)), "")


def in_asked_measure(question: Question, spans: Spans) -> Spans:
    """Only the amounts in the asked measure ("86.9kg" for "what does he weigh", not "the 4x100m"). An altitude,
    a height or a weight is never a bare number ("the two nations" gives no altitude); "how far above the
    average" or "how fast did it grow" may ask for a share or a figure in a unit of its own trade ("70.72
    teraflops"), so there the bare numbers stay when no amount has a unit."""
    measure = asked_measure(question)
    if not measure:
        return spans
    units = _MEASURES[measure][1]
    measured = [(s, a, b) for s, a, b in spans if units.search(s.text[a:b])]
    return measured if measured or _PHYSICAL.search(question.text.lower()) else spans


_PHYSICAL = re.compile(r"\b(?:altitude|height|distance|depth|width|weight)\b|\bhow tall\b|\bweigh(?:s|ed)?\b")


def asked_unit(question: Question) -> re.Pattern[str] | None:
    """The unit a date or duration question asks in ("what month", "how many hours"), as a pattern."""
    lowered = question.text.lower()
    if question.type in (DATE, DAY):
        for unit, pattern in _UNITS.items():
            if re.search(rf"\b(what|which) {unit}\b", lowered):
                return pattern
        if question.type == DAY and re.search(r"\bday of the week\b|\bweekday\b", lowered):
            return _UNITS["day of the week"]
    if question.type == DURATION:
        asked = re.search(r"\bhow many (year|month|week|day|hour|minute|decade|season)s?\b", lowered)
        if asked:
            return re.compile(rf"\b{asked.group(1)}s?\b", re.IGNORECASE)
    if question.type == MONEY:  # "how many yen was the dollar buying": 104.76 yen, not "one dollar"
        asked = re.search(rf"\bhow many ({'|'.join(_CURRENCIES)})\b", lowered)
        if asked:
            return re.compile(_CURRENCIES[asked.group(1)], re.IGNORECASE)
    return None


_CURRENCIES = {  # a currency a question may count in, and how sums in it are written
    "yen": r"\byen\b|¥", "dollars": r"\$|\bdollars?\b", "euros": r"€|\beuros?\b", "pounds": r"£|\bpounds?\b",
    "pence": r"\d ?p\b|\bpence\b", "cents": r"\bcents?\b|¢", "rupees": r"\brupees?\b|\bRs\b", "yuan": r"\byuan\b",
    "roubles": r"\broubles?\b|\brubles?\b", "francs": r"\bfrancs?\b", "pesos": r"\bpesos?\b",
}


def unresolved(question: Question, sentence: Sentence, start: int, end: int) -> bool:
    """"In what year" or "on what date" asks for a calendar date: "last year" or "Tuesday" is one only in a
    dated article, where it resolves; in an undated one it says nothing of the kind."""
    if question.type != DATE or sentence.date:
        return False
    lowered = question.text.lower()
    phrase = sentence.text[start:end]
    if re.search(r"\b(what|which) year\b", lowered):
        return patterns.YEAR.search(phrase) is None
    if re.search(r"\b(what|which) date\b", lowered):
        return _CALENDAR_DAY.search(phrase) is None
    return False


def fits(kind: str, phrase: str) -> bool:
    """Entity labels are broad (DATE covers 'the past year'): each type also wants its own kind of words."""
    lowered = phrase.lower()
    if kind == DAY:
        return re.search(rf"{patterns.WEEKDAY}|\d|{patterns.MONTH}|{patterns.HOLIDAY}|today|yesterday|tomorrow", lowered) is not None
    if kind == DURATION:  # "three months ago", "two years later" say when, not how long (and patterns.DURATION skips ages)
        return patterns.DURATION.search(phrase) is not None and not re.search(r"\b(?:ago|later|earlier)\b", lowered)
    if kind in (NUMBER, QUANTITY) and patterns.YEAR.fullmatch(phrase.strip()):
        return False  # "2003" is when, not how many
    if kind == PERCENT and _FRACTION_WORDS.search(lowered):  # "a quarter (of)", "one in five": shares too
        return True
    if kind == NUMBER and _SHARE_ONLY.fullmatch(lowered.strip()):  # "half of those questioned" is a share, not how many
        return False
    if kind == NUMBER and re.fullmatch(r"\d+(?:st|nd|rd|th)", phrase):  # "for the 21st time" (patterns.nth_of)
        return True
    if kind == MONEY and re.search(r"%|\bper ?cent\b|\bpercent", lowered):  # spaCy tags "Forty per cent" money at times
        return False
    if kind == MONEY and patterns.MONEY.search(phrase) is None and _MEASURED_IN_UNITS.search(phrase):
        return False  # "some 15 million tonnes", which spaCy tags money at times, is no sum
    if kind in (NUMBER, QUANTITY, MONEY, PERCENT):
        return patterns.NUMBER.search(phrase) is not None or patterns.NUMBER_WORDS.search(phrase) is not None
    if kind == DATE and re.fullmatch(r"\d{1,2}(?:\s*(?:to|-|–)\s*\d{1,2})?", phrase.strip()):
        return False  # "60 to 65" (an age spaCy tags a date) says no when
    if kind == DATE and patterns.DURATION.fullmatch(phrase.strip()):
        return False  # "two years" says how long, not when ("two years ago" says when)
    if kind == DATE and _STRETCH.fullmatch(lowered.strip()):
        return False  # "the past 50 years", "decades", "recent months": a stretch of time, no point in it
    if kind == TIME:  # "at what time": a clock time or a part of the day, not "12 March"
        return patterns.CLOCK.search(lowered) is not None or patterns.HOURS.fullmatch(phrase) is not None
    if kind == DATE and re.fullmatch(r"(?:the\s+)?(?:year|month)(?:['’]s)?", lowered.strip()):
        return False  # "the year's leading artists" names no date
    if kind == DATE:
        return re.search(rf"\d|{patterns.MONTH}|{patterns.WEEKDAY}|{patterns.HOLIDAY}|\b(?:today|yesterday|tomorrow|weeks?|weekends?|months?|years?|morning|evening|night)\b", lowered) is not None
    return True


_MEASURED_IN_UNITS = re.compile(rf"\b(?!pounds?\b){patterns.UNIT.pattern}\b", re.IGNORECASE)


def asks_outlet(question: Question) -> bool:
    """"Which newspaper ...", "which agency reported ...": not "which agency measured the quake"."""
    if not _OUTLET_NOUN.fullmatch(question.noun):
        return False
    return question.noun not in ("agency", "agencies", "paper") or _REPORTED.search(question.text) is not None


def outlet_spans(question: Question, sentences: list[Sentence]) -> Spans:
    """For "which news agency reported ...": each sentence's own outlet where the sentence names it
    ("Jan. 2 (UPI) --"), which spaCy tags as anything or nothing."""
    if not asks_outlet(question):
        return []
    return [
        (s, m.start(), m.end())
        for s in sentences if s.outlet
        for m in re.finditer(rf"(?<!\w){re.escape(s.outlet)}(?!\w)", s.text)
    ]


def reported_by(question: Question, spans: Spans) -> Spans:
    """"Which newspaper reported ...": an outlet the articles are from, when one is found, not any organisation."""
    if not asks_outlet(question):
        return spans
    own = [(s, a, b) for s, a, b in spans if s.outlet and s.text[a:b].lower() == s.outlet.lower()]
    return own or spans


_ASKED_AFTER = re.compile(  # "since when", "To how many planes did UPS cut ...", "cut its rate to what level", "At which ...",
    # and a "to" or "from" the question ends on
    r"\b(since|until|till) (?:when|which|what)\b|^\W*(to|from) (?:which|what|how many|how much)\b|"
    r"\b(?:cut|cuts|cutting|reduc\w+|rais\w+|increas\w+|lower\w*|trimm?\w*|slash\w*|fell|fall\w*|rose|ris\w+|dropp?\w*|"
    r"grew|grow(?:s|n|ing)?|climb\w*|slid|slip\w*)\b[^?,]{0,40}\b(to|from) (?:what|how many|how much)\b|^\W*(at|in) (?:which|what)\b|"
    r"\b(?:what|which|how many|how much)\b[^?]{0,80}\b(?:cut|reduc\w+|rais\w+|increas\w+|lower\w*|trimm?\w*|slash\w*|fall\w*|"
    r"ris\w+|dropp?\w*|grow(?:s|n|ing)?|climb\w*|slipp?\w*)\s+(to|from)\W*$",  # "what level is the rate being lowered to?"
    re.IGNORECASE,
)
_AROUND_MOVE = re.compile(  # "what had the rate been before the cut?", "where did it stand after the rise?"
    r"\b(before|after) the (?:[\w-]+ )?(?:cuts?|rises?|increases?|reductions?|changes?|falls?|drops?|moves?|hikes?|reviews?)\b",
    re.IGNORECASE,
)
_MODIFIERS = r"(?:(?:just|about|around|only|nearly|almost|some|roughly|the)\s+)?"
_NOW = re.compile(r"\b(?:now|currently)\b(?![\s-]+(?:defunct|former|ex)\b)")  # lower case: "It's Now or Never" is a title


def since_asked(question: Question, spans: Spans) -> Spans:
    """"Their first win in Cardiff since when?": the date the sentence gives after "since" ("since 1993"),
    not the day the match is played; "to how many planes did UPS cut its order?": the figure after "to"
    ("from 90 planes to 53"), as "from what" and "before the cut" take the one after "from" and "at which
    institution" one after "at". Kept when none is found."""
    asked = _ASKED_AFTER.search(question.text)
    if asked is None and question.type in AMOUNTS:  # "When output rose, at what level did the Nikkei close?"
        asked = _ASKED_AFTER.search(asked_clause(question.text))
        asked = asked if asked is not None and (asked.group(4) or "").lower() == "at" else None  # "to what level": "as low as 15.3%" too
    around = _AROUND_MOVE.search(question.text)
    if asked is not None:
        word = next(group for group in asked.groups() if group)
    elif around is not None:  # "what had the rate been before the cut?": the figure it was cut from
        word = "from" if around.group(1).lower() == "before" else "to"
    else:
        return _now(question, spans)
    if word.lower() == "in" and question.noun in places.CITY_NOUNS:  # "In which city was the festival?": "at the Bangkok festival" too
        word = "in|at"
    names = r"(?:[A-Z][\w'’.-]*\s+){0,3}" if asked is not None and asked.group(4) else ""  # "at London's Paddington Green police station"
    after = re.compile(rf"\b(?i:{word})\s+(?i:{_MODIFIERS}){names}$")
    based = word.lower().startswith("in")  # "Aberdeen-based" says where a firm is based as "based in Aberdeen" does
    kept = [(s, a, b) for s, a, b in spans if after.search(s.text[max(0, a - 20) : a]) or (based and s.text[b : b + 6] == "-based")]
    return kept or _now(question, spans)


def _now(question: Question, spans: Spans) -> Spans:
    """"What share does BT now have?": a figure its sentence says holds now ("BT now has a 36% share"), else,
    as for "at what time will the match now kick off?" of "brought forward from 2115 GMT to 1945 GMT", the
    figure after "to", the one a change left. Kept when none is found."""
    if not _NOW.search(asked_clause(question.text)):
        return spans
    said_now = [(s, a, b) for s, a, b in spans if _NOW.search(s.text[max(0, a - 30) : a])]
    changed_to = [(s, a, b) for s, a, b in spans if re.search(rf"\bto\s+(?i:{_MODIFIERS})$", s.text[max(0, a - 20) : a])]
    return said_now or changed_to or spans


def of_another_month(question: Question, spans: Spans) -> Spans:
    """"How much did output grow in November?": not the 0.6% of "rose 0.3% from a revised 0.6% increase in
    October". A figure the next few words give to another month than the one the question asks about is
    that month's figure. Kept when every figure is."""
    if question.type not in AMOUNTS:
        return spans
    asked = {m.group(1).lower() for m in _IN_MONTH.finditer(asked_clause(question.text))}
    if not asked:
        return spans
    kept = []
    for sentence, start, end in spans:
        given = _GIVEN_MONTH.match(sentence.text, end)
        if given is None or given.group(1).lower() in asked:
            kept.append((sentence, start, end))
    return kept or spans


_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_IN_MONTH = re.compile(rf"\b(?:in|for|during|of)\s+({_MONTH_NAMES})\b")
_GIVEN_MONTH = re.compile(rf"[^.;,\d%£$€]{{0,25}}?\b(?:in|for|during)\s+({_MONTH_NAMES})\b")  # "0.6% increase in October"


_MAKING = {  # acts that make a work, and the words a sentence naming its maker uses for them
    "direct": r"direct(?:s|ed|ing|or|ors)?|film-?maker",
    "compose": r"compos(?:e|es|ed|ing|er|ers)",
    "design": r"design(?:s|ed|ing|er|ers)?",
    "found": r"(?:co-?)?found(?:s|ed|ing|er|ers)|set up",
    "invent": r"invent(?:s|ed|ing|or|ors)?",
    "paint": r"paint(?:s|ed|ing|er|ers)?",
}


_MAKERS = {"director": "direct", "composer": "compose", "designer": "design", "founder": "found", "inventor": "invent",
           "painter": "paint", "film-maker": "direct", "filmmaker": "direct"}  # "which director is to make the film"


def made_by(question: Question, spans: Spans) -> Spans:
    """"Who directed Happy Endings?" is answered by a name in a sentence that says who directed something
    ("directed by", "director X"), never by a name beside the film's stars: none such, no answer."""
    if question.type not in (PERSON, ORGANISATION):
        return spans
    act = _MAKING.get(roles.asked_act(question.text), "") or _MAKING.get(_MAKERS.get(question.noun, ""), "")
    if not act:
        return spans
    making = re.compile(rf"\b(?:{act})\b", re.IGNORECASE)
    return [(s, a, b) for s, a, b in spans if making.search(s.text)]


_TOLD_TO = re.compile(r"\b(?:told|telling|tells|tell|speaking to|spoke to|interview with|writing in|wrote in)\s+(?:the\s+)?$", re.IGNORECASE)
_ASKS_TOLD = re.compile(r"\b(?:told|tell|tells|telling|spoke|speak|speaking|interview|wrote|write|writing|report|reported|newspaper|"
                        r"programme|website|outlet|broadcaster|station|channel|agency|paper)\b", re.IGNORECASE)


def not_the_listener(question: Question, spans: Spans) -> Spans:
    """"Which firm carried out the study?" is not answered by the "BBC News website" a spokesman told,
    unless the question asks whom something was told or which outlet reported it."""
    if question.type not in (ORGANISATION, PERSON) or _ASKS_TOLD.search(question.text):
        return spans
    kept = [(s, a, b) for s, a, b in spans if not _TOLD_TO.search(s.text[max(0, a - 20) : a])]
    return kept or spans


def report_date(question: Question, spans: Spans) -> Spans:
    """"On what date did the wire service report that ...": the date of a dateline ("Jan. 2 (UPI) --"),
    when one is found, not the day the reported event happened."""
    if question.type not in (DATE, DAY) or not _REPORT_DATE.search(question.text):
        return spans
    datelined = [(s, a, b) for s, a, b in spans if (found := dates.dateline_span(s.text)) and found[0] <= a and b <= found[1]]
    return datelined or spans


def in_score(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is, or is inside, a match result: "a 2-0 defeat", "won 3-1"; a range
    ("100-120 jobs") is no result."""
    for score in patterns.SCORE.finditer(text):
        if score.start() < end and start < score.end():
            return bool(_RESULT_AFTER.match(text, score.end()) or _RESULT_BEFORE.search(text[max(0, score.start() - 12) : score.start()]))
    return False


def moved_to(question: Question, spans: Spans) -> Spans:
    """"Where did It's Now or Never slip to?": in a sentence that gives the place it moved to ("slipped 13
    places to number 14"), not the place it left ("Last week's number one")."""
    if question.type != RANK or not _MOVED_TO.search(question.text):
        return spans
    arrived = {(id(s), a) for s, a, _ in spans if re.search(r"\bto\s+$", s.text[max(0, a - 4) : a])}
    moved = {sentence for sentence, _ in arrived}
    return [(s, a, b) for s, a, b in spans if id(s) not in moved or (id(s), a) in arrived]


_ASKS_BASE = re.compile(r"\b(?:based|headquartered|headquarters|hq)\b", re.IGNORECASE)
_BASED_AFTER = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?-based\b")  # "Jacksonville, Florida-based"
_BASED_BEFORE = re.compile(r"\b(?:based|headquartered|headquarters)\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


def home_base(question: Question, spans: Spans) -> Spans:
    """"Where is Winn-Dixie headquartered?": the place a sentence of the story says it is based in ("the
    Jacksonville, Florida-based firm"), not the country that describes it ("US supermarket group Winn-Dixie")."""
    if question.type != PLACE or not _ASKS_BASE.search(question.text) or not spans:
        return spans
    story = max(spans, key=lambda span: span[0].evidence)[0].story
    based = [(s, a, b) for s, a, b in spans if s.story == story and (
        _BASED_AFTER.match(s.text, b) or _BASED_BEFORE.search(s.text[max(0, a - 40) : a]))]
    return based or spans


def of_the_asked(question: Question, spans: Spans) -> Spans:
    """"How long did their talks go on?": not the "two-day" of "the two-day trip", which is how long something
    else lasted, when a length of time not tied to another noun is found."""
    if question.type != DURATION:
        return spans
    free = [(s, a, b) for s, a, b in spans if not _other_length(question, s.text, a, b)]
    return free or spans


def _other_length(question: Question, text: str, start: int, end: int) -> bool:
    if "-" not in text[start:end]:
        return False
    noun = re.match(r"\s+([A-Za-z]+)", text[end : end + 30])
    if noun is None or set(terms(noun.group(1))) & question.terms:
        return False
    return all(meaning.similarity(noun.group(1).lower(), word.lower()) < counts.SAME_THING for word in question.focus)


_LESSER = r"(?:vice|deputy|assistant|shadow)"  # "vice president Farhat ..." holds another office than the president


def lesser_role(question: Question, spans: Spans) -> Spans:
    """"Who is the president of Libya's central bank?" is not answered by "the bank's vice president
    Farhat ...", nor "Who is the editor?" by "Ian Harris, deputy editor of ...": the asked office with a
    rank word the question does not use before it, right before or after the name, is another office."""
    if question.type != PERSON or not question.noun or re.search(rf"\b{_LESSER}\b", question.text, re.IGNORECASE):
        return spans
    noun = re.escape(question.noun)
    before = re.compile(rf"\b{_LESSER}[\s-]+(?:[\w'’-]+\s+){{0,2}}?{noun}s?[\s,]*(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$", re.IGNORECASE)
    after = re.compile(rf"^[\s,]+(?:(?:the|a|an|its|his|her|[\w'’-]+['’]s)\s+)?(?:[\w'’-]+\s+){{0,2}}?{_LESSER}[\s-]+"
                       rf"(?:[\w'’-]+\s+){{0,2}}?{noun}\b", re.IGNORECASE)
    return [(s, a, b) for s, a, b in spans if not before.search(s.text[max(0, a - 60) : a]) and not after.search(s.text[b : b + 80])]


def sized_places(question: Question, spans: Spans) -> Spans:
    """"Which city" is never answered by a country, a state or a street, and by a city GeoNames knows when
    one is found; "which country" by a country when one is found; "which hospice" by no country or capital;
    "which US state" only by one of the 50.
    A place in the possessive ("China's foreign minister") or qualifying a noun ("a Hollywood classic")
    describes something; it is not where anything was."""
    if question.type == LIST and question.noun[:-1] in places.COUNTRY_NOUNS:  # "which EU countries" ("countrys"): not "Europe"
        return _countries(spans) or spans
    if question.type != PLACE:
        return spans
    spans = [(s, a, b) for s, a, b in spans if not re.match(r"['’]s?\b", s.text[b : b + 2])]
    where = [(s, a, b) for s, a, b in spans if not _describes(s.text, a, b, question.noun, question.terms)]
    spans = where or spans
    if places.US_STATE.search(question.text):  # a closed list: no other place answers "which US state"
        return [(s, a, b) for s, a, b in spans if places.is_us_state(s.text[a:b])]
    if FACILITY.match(question.noun):  # not the country or capital it stands in; a town may name a ground ("Wembley")
        return [(s, a, b) for s, a, b in spans if not places.is_region(s.text[a:b]) and not places.is_capital(s.text[a:b])]
    if question.noun in places.CITY_NOUNS:
        towns = [(s, a, b) for s, a, b in spans if not places.is_region(s.text[a:b]) and not _SITE.search(s.text[a:b])]
        country = _asked_country(question)  # "which Danish city": not London
        towns = [(s, a, b) for s, a, b in towns if not (country and places.outside_country(s.text[a:b], country))]
        cities = [(s, a, b) for s, a, b in towns if places.is_city(s.text[a:b])]
        return cities or towns
    if question.noun in places.COUNTRY_NOUNS:  # a country GeoNames does not list may answer, never a city it knows
        return _countries(spans) or [(s, a, b) for s, a, b in spans if not places.is_city(s.text[a:b])]
    return spans


def _countries(spans: Spans) -> Spans:
    return [(s, a, b) for s, a, b in spans if places.is_country(s.text[a:b])]


def _asked_country(question: Question) -> str:
    """The country the asked place noun is given ("which impoverished Bolivian city" -> bolivia), or empty."""
    said = re.search(rf"\b([A-Z][a-z]+)\s+{re.escape(question.noun)}\b", question.text)
    if said is None:
        return ""
    word = said.group(1)
    return places.country_of_demonym(word) or (word.lower() if places.is_country(word) else "")


def _describes(text: str, start: int, end: int, asked: str = "", about: frozenset[str] = frozenset()) -> bool:
    """A place that qualifies a noun ("Hollywood trade paper Variety", "a Hollywood classic") describes it, like
    a possessive: it is not where anything was. The asked noun's own name is no description ("Paddington
    Green police station" for "which police station"), nor is a venue's ("the Luna Park fairground"), nor
    the place of what the question is `about` ("the Bangkok festival" for "which city was the festival in")."""
    last = [t for t in parse(text) if start <= t.idx < end][-1:]  # "senior US and Chinese officials": nmod
    if not last or last[0].head.idx < end:
        return False
    head = last[0].head
    while head.dep_ == "compound" and head.head.i > head.i:  # "Green" -> "police" -> "station"
        head = head.head
    if asked and (head.lemma_.lower() == asked or FACILITY.match(head.lemma_.lower())):
        return False
    if set(terms(head.text)) & about:
        return False
    return (last[0].dep_ == "compound" and last[0].head.pos_ in ("NOUN", "PROPN")) or (last[0].dep_ == "nmod" and last[0].head.pos_ == "NOUN")


def per_unit(question: Question, spans: Spans) -> Spans:
    """"What did gold slide to per ounce?", "how much a year would it save?": an amount given per that unit,
    when one is found, beats amounts given whole ("$200bn")."""
    if question.type not in AMOUNTS:
        return spans
    asked = _RATE.search(question.text)
    if asked is None:
        return spans
    # "£20 ($38) a month": the unit may follow the amount converted into another currency
    unit = re.compile(rf"^\W*(?:\([^()]{{1,25}}\)\W*)?(?:a|an|per|each|every)\s+{re.escape(asked.group(1).lower())}s?\b", re.IGNORECASE)
    rated = [(s, a, b) for s, a, b in spans if unit.search(s.text[b : b + 55])]
    return rated or spans


_NAMED_AS = re.compile(
    r"\b(?:called|named|dubbed|known as|branded(?: as)?|titled|entitled|christened|nicknamed|labelled|labeled|"
    r"renamed|rebranded(?: as)?|codenamed)\W{0,3}$",
    re.IGNORECASE,
)


def name_like(text: str, ents: tuple[Entity, ...], start: int, end: int) -> bool:
    """A capitalised run that names a thing: not a word capitalised only because it opens the sentence
    ("Still"), not a place, a nationality or a date (spaCy's label, or GeoNames)."""
    phrase = text[start:end]
    if any(e.start < end and start < e.end and e.label not in LABELS[NAME] for e in ents):
        return False
    if places.is_region(phrase) or places.is_city(phrase):
        return False
    return not opens_sentence(text, start) or " " in phrase or any(c.isdigit() for c in phrase) or any(c.isupper() for c in phrase[1:])


def opens_sentence(text: str, start: int) -> bool:
    """Nothing but quotes or a bracket before the phrase: capitalised there whatever it is."""
    return not text[:start].strip(" \"“‘'(")


def given_as_name(question: Question, text: str, start: int, end: int) -> bool:
    """The sentence gives the phrase as the name asked for: right after a naming word ("branded as X",
    "known as X", "dubbed X"), or beside a noun that means the named thing."""
    if re.match(r"['’]s?\b", text[end : end + 2]):  # "Labour's plans": whose plans, not what they are called
        return False
    if _NAMED_AS.search(text[max(0, start - 30) : start]):
        return True
    thing = named_thing(question.text)
    return bool(thing) and names_the_thing(thing, text, start, end)


def names_the_thing(thing: str, text: str, start: int, end: int) -> bool:
    """The phrase stands beside a noun that means the named thing: "the Dahaka, an all-consuming monster"
    (creature), "The Club2School policy" (scheme)."""
    following = text[end : end + 50]
    described = re.match(r"\s*,", following) is not None  # "the Dahaka, an all-consuming monster"
    words = patterns.WORD.findall(following)[: 4 if described else 1]  # else the noun right after: "Club2School policy"
    return any(meaning.similarity(thing, word.lower()) >= counts.SAME_THING for word in words if len(word) > 3)

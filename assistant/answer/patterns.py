"""The one place that knows how numbers, dates and names are written in news text.

Every scan here is a single regular-expression pass or a walk over matches,
so its time grows with the length of the text, never with its square (a
368 KB question must not stall a worker).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from assistant.terms import is_stop_word

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
HOLIDAY = (  # days of the calendar news names without a date: "will run until Boxing Day"
    r"\b(?:christmas|boxing day|new year['’]?s?(?: day| eve)?|hogmanay|easter|good friday|whitsun|"
    r"thanksgiving|halloween|valentine['’]?s day|bonfire night|guy fawkes night|bank holiday|"
    r"independence day|ramadan|eid|diwali|hanukkah|passover|chinese new year)\b"
)

DIGITS = re.compile(r"(?<![\w.])\d(?:[\d,.]*\d)?")  # any run of digits, those of "63rd" too
NUMBER = re.compile(r"(?<![\w.])\d(?:[\d,.]*\d)?(?![\d,.]*(?:st|nd|rd|th)\b)")  # "63rd" is an ordinal, not 63
YEAR = re.compile(r"(?<![\w.])(?:1[89]\d\d|20\d\d)(?!\w|\.\d)")  # "in 2006." ends a sentence: a year
NUMBER_WORDS = re.compile(  # not the "half" of "second-half" or "half-time": a part of a match
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|"
    r"fifty|sixty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|(?<!first-)(?<!second-)half(?!-time))\b",
    re.IGNORECASE,
)
CLOCK = re.compile(  # a time of day: "16:00", "1600 GMT", "7pm", "this morning"
    r"\b\d{1,2}[:.]\d\d\b|\b\d{3,4} ?(?:gmt|bst|cet|utc|et|pt|hrs|hours|local)\b|\d ?(?:am|pm|a\.m\.|p\.m\.)|"
    r"\b(?:noon|midday|midnight|o'clock|morning|afternoon|evening|night|tonight|dawn|dusk|lunchtime|overnight)\b",
    re.IGNORECASE,
)
CLOCK_READING = re.compile(  # a time of day as a clock reads it, with its zone or am/pm: a fixture's "1600 GMT", "7:30 pm"
    r"\b(?:[01]?\d|2[0-3])[:.]?[0-5]\d ?(?:GMT|BST|CET|UTC|ET|EST|EDT|PT|PST|local time)\b|\b\d{1,2}[:.][0-5]\d ?[ap]\.?m\b"
)
_HOUR = (  # one end of a range of hours: "0800", "7.30pm", "9am", "2200 GMT"; not a year ("from 1999 to 2004")
    r"(?:\d{1,2}[:.]\d\d|(?!19\d\d|20\d\d)(?:[01]\d|2[0-3])[0-5]\d|\d{1,2}(?= ?(?:am|pm|a\.m\.|p\.m\.)))"
    r"(?: ?(?:am|pm|a\.m\.|p\.m\.))?(?: ?(?:gmt|bst|cet|utc|et|pt|hrs|local))?"
)
HOURS = re.compile(rf"{_HOUR} ?(?:and|to|until|till|-|–) ?{_HOUR}(?![\w:.]\d)", re.IGNORECASE)  # "2200 and 0700"
CLOCK_RANGE = re.compile(rf"(?:(?<=between )|(?<=from )){HOURS.pattern}", re.IGNORECASE)  # the hours a curfew or an opening runs
MATCH_MINUTE = re.compile(  # when in a match: "in the 87th minute", "after 20 minutes", "in injury time"
    r"\b(?:in|after) (?:the )?\d{1,3}(?:st|nd|rd|th)[- ]minute\b|\bafter \d{1,3} minutes\b|"
    r"\b(?:in|into) (?:injury|stoppage|added|extra) time\b|\bjust (?:before|after) (?:half-time|the break|the hour)\b",
    re.IGNORECASE,
)
MATCH_EVENT = re.compile(  # what happens at a minute of a match
    r"\b(?:goals?|strikes?|scor\w*|tr(?:y|ies)|penalt\w+|header|equali[sz]\w*|winner|opener|sent off|red card|booked|"
    r"volley|free[- ]kick|shot|own goal|substitut\w*|conversion|drop goal|wicket|century)\b",
    re.IGNORECASE,
)
SCORE = re.compile(r"(?<![\w.,-])\d{1,3} ?[-–] ?\d{1,3}(?![\w-]|[.,]\d)")  # a match result: "28-17", "2 - 1"
ATTENDANCE = re.compile(r"\b(?:Att|Attendance|Crowd)\s*[:.]\s*(?=\d)")  # a match report's last line: "Att: 50,430"
CROWD = re.compile(r"^(?:spectators?|fans?|crowds?|attendances?|supporters?|people|attended)$")  # what "Att:" counts
TALLY = re.compile(r"(?<![\w.,])\d[\d,]* (?:votes )?to \d[\d,]*(?![\w.,]\d)")  # a vote: "229 to 206", "326 votes to 104"
POSITION = re.compile(  # a place in a chart or table: "number 11", "No 1", "No. 3", "number one"
    r"\b(?:number|No\.?)\s(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\b(?!\.\d|,\d|%)"
)
SUPERLATIVES = (  # the measures a rank is said by, shared by the rank patterns here and in candidates
    "best|worst|largest|biggest|smallest|highest|lowest|greatest|oldest|youngest|richest|poorest|busiest|fastest|"
    "longest|strongest|wealthiest|heaviest|cheapest"
)
SUPERLATIVE = re.compile(  # a rank said by its measure: "GE is the US' biggest firm", "the fifth-largest", "the hardest"
    r"(?:(?<=\bthe )|(?<=\bour )|(?<=\btheir )|(?<=\bits )|(?<=\bhis )|(?<=\bher )|(?<=['’]s )|(?<=s['’] ))"
    r"(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[- ])?"
    rf"(?:{SUPERLATIVES}|hardest|toughest|easiest|most (?:popular|valuable|successful|profitable))\b",
    re.IGNORECASE,
)
ORDINAL = re.compile(r"\b(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|(?<![\d,])\d+(?:,\d{3})*(?:st|nd|rd|th))\b", re.IGNORECASE)  # "1,001st"
MONEY = re.compile(
    r"(?:[£$€¥]|\b(?:US|A|C|HK)\$|\b(?:Rs|USD|EUR|GBP)\.?\s?)\s?\d(?:[\d,.]*\d)?(?:\s?(?:bn|m|k|billion|million|trillion|thousand)\b)?"
    r"|\b\d(?:[\d,.]*\d)?\s?(?:bn|m|billion|million|trillion)?\s?(?:dollars?|pounds|euros?|yen|yuan|rupees|pence|cents|pesos|roubles|"
    r"rubles|francs|kronor|kroner|krona|lira|dinars|rand|ringgit|baht|shekels|naira|rupiah|dirhams|riyals)\b"
    r"|(?<![\w.])\d+(?:\.\d+)?p\b",
    re.IGNORECASE,
)
PERCENT = re.compile(r"(?<![\w.])\d(?:[\d,.]*\d)?(?:[-–]\d(?:[\d,.]*\d)?)?\s?(?:%|per ?cent\b|percentage points?\b)", re.IGNORECASE)
DATE_PHRASE = re.compile(
    rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+(?:19|20)\d\d)?\b"
    rf"|\b(?:january|february|march|april|june|july|august|september|october|november|december)(?:\s+(?:19|20)\d\d)?\b"
    rf"|\b(?:last|next|this|on|since)\s+(?:{WEEKDAY}|week|month|year|{MONTH})\b|\b{WEEKDAY}\b|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
DURATION = re.compile(
    r"\b(?:\d(?:[\d,.]*\d)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|several|few|"
    r"many)(?:[\s-]+(?:and a half|more))?[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|seasons?)\b(?![\s-]+old\b)"
    r"|\b(?:between|from) (?:19|20)\d\d (?:and|to|until) (?:19|20)\d\d\b",  # a span of years is a length of time
    re.IGNORECASE,
)
FRACTION = re.compile(  # a share in words: "a quarter of broadband users", "two-thirds of", "one in five"
    r"\b(?:a|one|two|three|four)[\s-](?:half|quarters?|thirds?|fifths?|tenths?)(?= of\b)|(?<!the )(?<!bottom )(?<!top )(?<!first )(?<!second )(?<!other )(?<!a )\bhalf(?= of\b)"
    r"|\b(?:one|two|three|four|\d+) in (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b",
    re.IGNORECASE,
)
GAMES = re.compile(  # how long a ban or an injury lasts in sport: "a three-game ban", "out for six matches"
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-](?:match|game|race|fixture|test)(?:es|s)?\b",
    re.IGNORECASE,
)
FREQUENCY = re.compile(  # "twice a year", "one visit to Cuba every three years", "every 10 seconds"; not "in a year"
    r"\b(?:(?:once|twice|(?:\w+|\d+) times|(?:one|two|three|four|five|\d+) [a-z]+(?: [A-Za-z]+){0,3}?) )?"
    r"(?<!in )(?<!for )(?:a|an|per|every|each) (?:(?:other|few|couple of|two|three|four|five|six|ten|\d+) )?"
    r"(?:day|night|week|fortnight|month|year|decade|season|hour|minute|second|weekend)s?\b"
    r"|\b(?:daily|weekly|monthly|annually|yearly|hourly|nightly|once|twice)\b"
    r"|\b(?:\d+|three|four|five|six|seven|eight|nine|ten|several|many|dozens of) times\b",  # "visited China 14 times"
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # a word, with its inner apostrophe ("O’Connor", "world's")
UNIT = re.compile(  # units of measure: a count of one is never a count of another
    r"(?:tonne|ton|kilo|kilogram|kg|gram|ounce|oz|pound|lb|stone|metre|meter|kilometre|kilometer|km|mile|yard|foot|"
    r"feet|inch|acre|hectare|litre|liter|gallon|barrel|watt|megawatt|kilowatt|volt|degree|calorie|byte|megabyte|"
    r"gigabyte|terabyte|bit|megabit|pixel|knot|mph|kph)(?:s|es)?",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"(?<![\w'’.])(?:[a-z]{1,2}(?=[A-Z]))?[A-Z][\w'’.-]*")  # "Apple", "iPhone", "eBay"
_OPENERS = frozenset(".!?:;\"“(\n")

# Common other names of one thing; forms such as acronyms, possessives and demonyms are derived below.
ALIASES: tuple[frozenset[str], ...] = tuple(
    frozenset(group)
    for group in (
        {"us", "u.s.", "usa", "u.s.a.", "united states", "america", "american", "americans", "washington"},
        {"uk", "u.k.", "britain", "great britain", "united kingdom", "british", "briton", "britons"},
        {"tories", "tory", "conservatives", "conservative party", "conservative"},
        {"labour", "labour party"},
        {"lib dems", "liberal democrats", "lib dem"},
        {"china", "chinese", "beijing", "prc"},
        {"russia", "russian", "russians", "moscow", "kremlin"},
        {"eu", "european union", "brussels"},
        {"un", "united nations"},
        {"nhs", "national health service"},
        {"bbc", "british broadcasting corporation"},
        {"taiwan", "taiwanese", "taipei"},
        {"japan", "japanese", "tokyo"},
        {"france", "french", "paris"},
        {"germany", "german", "berlin"},
        {"india", "indian"},
        {"ukraine", "ukrainian", "kyiv", "kiev"},
        {"england", "english"},
        {"scotland", "scottish", "scots"},
        {"wales", "welsh"},
        {"ireland", "irish"},
        {"australia", "australian", "aussie"},
        {"wto", "world trade organization", "world trade organisation"},
        {"imf", "international monetary fund"},
        {"fbi", "federal bureau of investigation"},
        {"fed", "federal reserve", "us federal reserve"},
        {"nato", "north atlantic treaty organization"},
    )
)
DEMONYM_PERSON = re.compile(  # one person by nationality: "the Frenchman", "the Dane"; not a surname such as Newman
    r"(?:(?:French|English|Irish|Scots|Welsh|Dutch|Cornish|Yorkshire)(?:man|woman)|Scot|Dane|Swede|Finn|Pole|Briton|Kiwi|Aussie|"
    r"Argentine|Brazilian|Spaniard)",
    re.IGNORECASE,
)
_DEMONYM_ENDINGS = (("ese", ""), ("ian", "ia"), ("ish", ""), ("an", "a"), ("i", ""))


def numbers_in(text: str) -> list[str]:
    """Digits (thousands separators dropped) and ordinals past 'second', in order, once each."""
    found = [n.replace(",", "") for n in NUMBER.findall(text)]
    found += [m.group().lower() for m in ORDINAL.finditer(text)]
    return list(dict.fromkeys(found))


def states_number(text: str, number: str) -> bool:
    """The text writes this number as a whole number (1,200 holds 1200; 1405 does not hold 140)."""
    flat = text.replace(",", "").lower()
    return re.search(rf"(?<![\d.]){re.escape(number)}(?!\d|\.\d)", flat) is not None


def years_in(text: str) -> set[str]:
    return set(YEAR.findall(text))


def ordinals_in(text: str) -> set[str]:
    """Ordinals past 'second' ("seventh", "7th"), lower-cased."""
    return {m.group().lower() for m in ORDINAL.finditer(text)}


def contradicted(text: str, years: Iterable[str], ordinals: Iterable[str]) -> list[str]:
    """What the text says instead of the question's years or ordinals: it names others and not these.
    "the 2005 Bafta awards" contradicts a question about 2006; a text naming no year says nothing either way."""
    others: list[str] = []
    for asked, stated in ((set(years), years_in(text)), (set(ordinals), ordinals_in(text))):
        if asked and stated and not asked & stated:
            others += sorted(stated)
    return others


def capitalised_names(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """Capitalised words that do not open a sentence, with their offsets; one pass over the text (the first `limit`)."""
    found: list[tuple[int, str]] = []
    for match in _CAPITALISED.finditer(text):
        if limit is not None and len(found) >= limit:
            break
        before = match.start() - 1
        while before >= 0 and text[before] in " \t":  # a run of spaces is walked once, by the next word only
            before -= 1
        if before < 0 or text[before] in _OPENERS:
            continue
        if match.group().lower().rstrip(".") in WEEKDAYS or _is_month(match.group()):
            continue
        found.append((match.start(), re.sub(r"['’]s?$", "", match.group()).rstrip(".")))
    return found


def _is_month(word: str) -> bool:
    return re.fullmatch(MONTH, word, re.IGNORECASE) is not None and len(word) >= 3


@lru_cache(maxsize=4096)
def name_forms(name: str) -> frozenset[str]:
    """Lower-case forms a name may take in an article: itself, its aliases, initials, its country for a demonym."""
    lowered = re.sub(r"['’]s$", "", name.strip().lower())
    forms = {lowered, lowered.replace(".", "")}
    for group in ALIASES:
        if lowered in group or lowered.replace(".", "") in group:
            forms |= group
    every = [w for w in re.split(r"[\s-]+", lowered) if w and w != "the"]
    words = [w for w in every if w not in ("of", "and", "for")]
    for initials in ("".join(w[0] for w in words), "".join(w[0] for w in every)):  # European Central Bank -> ecb, Bank of England -> boe
        if len(words) > 1 and not is_stop_word(initials):  # not New Orleans -> "no", a word every text writes
            forms.add(initials)
    for ending, replacement in _DEMONYM_ENDINGS:
        if lowered.endswith(ending) and len(lowered) > len(ending) + 3:
            forms.add(lowered[: -len(ending)] + replacement)
    if lowered.endswith("a") and len(lowered) > 3:
        forms.add(lowered + "n")  # Asia -> "East Asian affairs", America -> American
    return frozenset(f for f in forms if f)


def mentions(text_lower: str, name: str) -> bool:
    """The lower-cased text contains the name in one of its forms, on word boundaries."""
    return any(_word_pattern(form).search(text_lower) for form in name_forms(name))


@lru_cache(maxsize=4096)
def _word_pattern(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")


_STARTERS = "The|A|An|But|And|In|On|At|It|He|She|They|This|That|These|Those|However|Meanwhile|If|When|While|As|Its|His|Her|Their"
_NAME_WORD = r"[A-Z](?:[\w-]|['’](?=[A-Z]))*\w"  # "O'Connor", never "Labour's"
# A run of capitalised words, joined by the small words names hold ("Television Numerique pour Tous"); not a
# capitalised word that only opens the sentence ("The", "But").
PROPER_NAME = re.compile(
    rf"(?<![\w'’])(?!(?:{_STARTERS})\b){_NAME_WORD}(?:\s+(?:(?:de|du|des|la|le|les|pour|of|von|van|y)\s+)?{_NAME_WORD})*"
)

_TITLE_REST = r"(?:[\w-]|['’]\w|:(?=\s))*"  # "Man's", "Rings:"
# The title of a work: capitalised words (or numbers) joined by the small words titles hold ("Shaun of the
# Dead", "Shrek 2", "Dead Man's Shoes", "The Lord of the Rings: The Return of the King"); "and" ends it.
WORK_TITLE = re.compile(
    rf"(?<![\w'’])(?:The\s+)?[A-Z]{_TITLE_REST}"
    rf"(?:\s+(?:(?:of|the|a|an|to|for|in|and|with|de|la|le|The)\s+)*(?:[A-Z]{_TITLE_REST}|\d+\b(?!['’]?s)))*"
)


@lru_cache(maxsize=256)
def nth_of(counted: str) -> re.Pattern[str]:
    """"for the 21st time", "his 50th cap": an ordinal before the counted noun (or "time") says how many."""
    forms = {"time", counted, counted[:-1] if counted.endswith("s") else counted, counted[:-2] if counted.endswith("es") else counted}
    nouns = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True) if f)
    return re.compile(rf"(?<![\w.])\d+(?:st|nd|rd|th)(?=\s+(?:{nouns})\b)", re.IGNORECASE)

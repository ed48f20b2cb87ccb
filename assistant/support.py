"""Does a source sentence support a generated sentence? The check behind every generative citation.

Support needs the claim's words to be in the source (idf-weighted), its
specifics (numbers, weekdays, months, names) to be in the source, and the two
to mean much the same (embedding cosine). News writes one country many ways
("the US", "American", "Washington"), and Britain's Conservatives are also its
Tories: those count as one name and one word. A person the source calls by one
part of their name ("Qin") counts as named when the passage around it gives the
full name ("Qin Gang"). Amounts read alike however they are written: "1.47m" and
"1.47 million", "three" and "3", "13%" and "13 per cent". Sentences that read
like instructions to a model are never support: an article cannot vouch for
what it tells the model to say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.answer.patterns import DIGITS, MONTHS, WEEKDAYS, WORD
from assistant.terms import terms

MIN_COVER = 0.5
MIN_COVER_WITH_CLOSE_MEANING = 0.35  # at 0.3 a sentence sharing little more than its names passed
CLOSE_MEANING = 0.7
MIN_JOINED_COVER = 0.65  # two sentences hold more words: their cover reaches 0.5 by chance more often
MIN_SAID = 0.2  # names alone are no support: "Qin Gang arrived in Washington" is not "Qin Gang agreed to visit Washington"
MIN_JOINED_MEANING = 0.45  # ... and their words can be pieced into a claim neither says: it must still mean much the same
_CALENDAR = re.compile(rf"\b({'|'.join(WEEKDAYS + tuple(m for m in MONTHS if m != 'may'))})\b", re.IGNORECASE)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{3,}\b")
_OPENING_NAME = re.compile(r"^\W*([A-Z][a-z]{2,})(?=\s+[A-Z][a-z])")  # "Wang Yi met…": a name opening the sentence
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")
# Ways the news names one country: its name, people, capital standing for its government.
_COUNTRIES = tuple(
    (re.compile(pattern), frozenset(names.split()))
    for pattern, names in (
        (r"\b(U\.S\.?|US|USA|United States|America|Americans?|Washington)\b", "america american americans washington"),
        (r"\b(China|Chinese|Beijing)\b", "china chinese beijing"),
        (r"\b(UK|U\.K\.|Britain|British|United Kingdom|London)\b", "britain british london"),
        (r"\b(Russia|Russians?|Moscow|Kremlin)\b", "russia russian russians moscow kremlin"),
        (r"\b(Japan|Japanese|Tokyo)\b", "japan japanese tokyo"),
        (r"\b(France|French|Paris)\b", "france french paris"),
        (r"\b(Germany|Germans?|Berlin)\b", "germany german germans berlin"),
        (r"\b(India|Indians?|Delhi)\b", "india indian indians delhi"),
        (r"\b(Conservatives?|Tory|Tories)\b", "conservative conservatives tory tories"),  # Britain's party, two names
    )
)
_SPELLED_OUT = (
    (re.compile(r"(\d)\s?bn\b", re.IGNORECASE), r"\1 billion"),
    (re.compile(r"(\d)\s?m\b"), r"\1 million"),
    (re.compile(r"(\d)\s?(?:%|per ?cent\b)", re.IGNORECASE), r"\1 percent"),
)
_THOUSANDS_COMMA = re.compile(r"(?<=\d),(?=\d{3}\b)")
_AMOUNT = re.compile(r"\d(?:[\d,.]*\d)? (?:thousand|million|billion|trillion)\b", re.IGNORECASE)
_SMALL_NUMBERS = {word: str(n) for n, word in enumerate("two three four five six seven eight nine ten eleven twelve".split(), start=2)}
_SMALL_NUMBER = re.compile(rf"\b({'|'.join(_SMALL_NUMBERS)})\b", re.IGNORECASE)
_INSTRUCTION = re.compile(
    r"ignore (all |any )?(the )?(previous|prior|above) (instructions|prompts?)|system prompt|"
    r"^\s*(system|assistant)\s*:|you are (now )?(a|an|the) (ai|assistant|model)|disregard .{0,30}instructions",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SupportScore:
    """`cover`: share of the claim's words in the source; `said`: the same over its lower-case words only, what
    it says of the names it gives ("according to" says nothing); `meaning`: embedding cosine; `specifics_ok`:
    its numbers, days and names are in the source."""

    cover: float
    meaning: float
    specifics_ok: bool
    said: float = 1.0

    @property
    def supports(self) -> bool:
        if not self.specifics_ok or self.said < MIN_SAID:
            return False
        return self.cover >= MIN_COVER or (self.cover >= MIN_COVER_WITH_CLOSE_MEANING and self.meaning >= CLOSE_MEANING)

    @property
    def supports_joined(self) -> bool:
        """Support by two sentences read together: a higher bar for the words, or the same meaning, and never
        words pieced together into another meaning."""
        if not self.specifics_ok or self.said < MIN_SAID or self.meaning < MIN_JOINED_MEANING:
            return False
        return self.cover >= MIN_JOINED_COVER or (self.cover >= MIN_COVER and self.meaning >= CLOSE_MEANING)


def looks_like_instruction(text: str) -> bool:
    return bool(_INSTRUCTION.search(text))


def score_support(claim: str, source: str, idf: dict[str, float], claim_vector: np.ndarray, source_vector: np.ndarray) -> SupportScore:
    """How well `source` backs `claim`; vectors are unit-length embeddings of each."""
    if looks_like_instruction(source):
        return SupportScore(0.0, 0.0, False)
    claim, source = plain_amounts(claim), plain_amounts(source)
    claim_terms = set(terms(claim))
    source_terms = set(terms(source)) | {t for name in _countries_in(source) for t in terms(name)}
    default = max(idf.values(), default=1.0)
    weights = {t: idf.get(t, default) for t in claim_terms}
    total = sum(weights.values())
    cover = sum(weights[t] for t in claim_terms & source_terms) / total if total else 0.0
    said_terms = set(terms(" ".join(w for w in WORD.findall(claim) if w[:1].islower() and w.lower() != "according")))
    said_total = sum(weights.get(t, default) for t in said_terms)
    said = sum(weights.get(t, default) for t in said_terms & source_terms) / said_total if said_total else 1.0
    return SupportScore(cover, float(claim_vector @ source_vector), specifics_found(claim, source), said)


def specifics_found(claim: str, source: str, context: str = "") -> bool:
    """Numbers, weekdays and months of the claim appear in the source, and so do its names (by their first 4 letters).

    `context` is the text around the source (its passage, its headline): a name the source gives
    only in part counts when the context spells it out in full.
    """
    claim, source, context = plain_amounts(claim), plain_amounts(source), plain_amounts(context)
    lowered = source.lower()
    numbers = {n.rstrip(".,") for n in DIGITS.findall(source)}
    if any(n.rstrip(".,") not in numbers for n in DIGITS.findall(claim)):  # whole numbers: 4 is not in 1.47
        return False
    if any(amount.lower() not in lowered for amount in _AMOUNT.findall(claim)):  # 1.47 million is not 1.47 billion
        return False
    if any(day.lower() not in lowered for day in _CALENDAR.findall(claim)):
        return False
    stems = {word[:4] for word in re.findall(r"\w+", lowered)} | {name[:4] for name in _countries_in(source)}
    partial = _named_in_part(claim, stems, context.lower())
    names = _NAME.findall(claim) + [w for w in _OPENING_NAME.findall(claim) if terms(w)]  # not "The Chinese…"
    return all(name.lower()[:4] in stems or name in partial for name in names)


def words_found(words: str, source: str) -> bool:
    """Every word of a short answer ("five hours", "1.47m yuan", "Hua Chunying") is in the source, amounts and a
    country's names read alike; and so are its numbers, days and names, as `specifics_found` reads them."""
    plain = plain_amounts(source)
    known = set(terms(plain)) | {t for name in _countries_in(plain) for t in terms(name)}
    return set(terms(plain_amounts(words))) <= known and specifics_found(words, source)


def plain_amounts(text: str) -> str:
    """Amounts written one way: "1.47m" as "1.47 million", "three" as "3", "13%" as "13 percent", "1,000" as "1000"."""
    text = _THOUSANDS_COMMA.sub("", text)
    for pattern, replacement in _SPELLED_OUT:
        text = pattern.sub(replacement, text)
    return _SMALL_NUMBER.sub(lambda m: _SMALL_NUMBERS[m.group().lower()], text)


def _countries_in(text: str) -> set[str]:
    """Every way of naming the countries `text` names."""
    return {name for pattern, names in _COUNTRIES if pattern.search(text) for name in names}


def _named_in_part(claim: str, stems: set[str], context: str) -> set[str]:
    """Words of the claim's full names ("Qin Gang") that the context holds, when the source gives another part."""
    found = set()
    for full in _FULL_NAME.findall(claim):
        words = full.split()
        if full.lower() in context and any(word.lower()[:4] in stems for word in words):
            found.update(words)
    return found

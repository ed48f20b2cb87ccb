"""Dates in news text: an article's publication date, and date phrases resolved against it.

Month and weekday names are python-dateutil's (its `parserinfo`), so no list of
them lives here; the regular expressions below only find where a date may
stand (a capitalised word next to a day number and a year), and dateutil
decides whether it is one. Every scan is linear and bounded: publication
dates are looked for in the head of the article (and in embedded posts),
phrases are a few words long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterator

from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

_INFO = dateutil_parser.parserinfo()
HEAD_CHARS = 2500  # datelines, bylines and date lines stand above the first paragraphs
HEAD_LINES = 12
SHORT_LINE_WORDS = 16  # a line this short that holds a date is a date line, not a sentence
MAX_TEXT_CHARS = 200_000  # year context is looked for in at most this much text

_WORD = r"[A-Z][a-z]{2,8}\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
# "June 18, 2023", "Jun 19 2023", "18 June 2023", "2023-06-18", "2023/06/18"
_FULL_DATE = re.compile(
    rf"\b(?:{_WORD}\s+{_DAY},?\s+{_YEAR}\b|{_DAY}\s+(?:of\s+)?{_WORD},?\s+{_YEAR}\b|{_YEAR}[-/]\d\d?[-/]\d\d?(?:\b|(?=T\d)))"
)
# A dateline opens the first paragraph: "WASHINGTON, June 18 (Reuters) -", "Jan. 2 (UPI) --",
# "LONDON, March 4, 2024 /PRNewswire/ --", "BEIJING, June 19 —".
_DATELINE = re.compile(
    rf"^(?:[A-Z][\w.'’ -]{{1,40}},\s+(?:[A-Z][\w.'’ -]{{1,30}},\s+)?)?(?P<date>{_WORD}\s+{_DAY}(?:,?\s+{_YEAR})?)"
    r"\s*(?:\([^)]{1,40}\)|/[^/]{1,40}/)?\s*(?:--|[-–—])"
)
_LABELLED = re.compile(r"^\W*(?:published|updated|last updated|posted|first published|date)\b", re.IGNORECASE)
_BYLINE = re.compile(r"^\W*by\s+[A-Z]", re.IGNORECASE)
_EMBED = re.compile(r"\(@\w{1,30}\)\s*$")  # "— Hua Chunying (@SpokespersonCHN) June 18, 2023"
_BARE_YEAR = re.compile(rf"\b{_YEAR}\b")


@dataclass(frozen=True)
class DateSpan:
    """What a date phrase means: its first day, its last day, and how precise it is."""

    start: date
    end: date
    precision: str  # "day", "weekend", "week", "month" or "year"

    def label(self) -> str:
        """The span in words, as precise as the phrase was: "June 18, 2023", "June 2023", "2023"."""
        if self.precision == "year":
            return str(self.start.year)
        if self.precision == "month":
            return f"{self.start:%B} {self.start.year}"
        if self.precision == "week":
            return f"the week of {format_date(self.start)}"
        if self.precision == "weekend":
            return f"the weekend of {format_date(self.start)}"
        return format_date(self.start)


def format_date(value: date) -> str:
    """"June 18, 2023": the form an answer states a date in."""
    return f"{value:%B} {value.day}, {value.year}"


# ---------------------------------------------------------------- publication date


def find_publication_date(text: str) -> date | None:
    """The date the article was published, from the forms news text gives it in; None when it gives none.

    In order of trust: a labelled line ("Published 12 March 2024", "Updated 5:37 PM EDT, June 18,
    2023"), a dateline ("WASHINGTON, June 18 (Reuters) -"; a missing year is taken from the other
    dates and years in the text), a short date line or byline under the headline, and at last
    the date of a post embedded in the article. Dates inside sentences are events, not the
    publication, and are never taken.
    """
    text = text[:MAX_TEXT_CHARS]
    lines = _head_lines(text)
    for line in lines:
        if _LABELLED.match(line) and (found := first_full_date(line)):
            return found
    for line in lines:
        if found := _dateline_date(line, text):
            return found
    for line in lines:
        if (_is_date_line(line) or _BYLINE.match(line)) and (found := first_full_date(line)):
            return found
    return _embedded_post_date(text)


def _head_lines(text: str) -> list[str]:
    lines = [line.strip() for line in text[:HEAD_CHARS].splitlines()]
    return [line for line in lines if line][:HEAD_LINES]


def _is_date_line(line: str) -> bool:
    """A short line that is no sentence: a date line under the headline, not "He left on 1 May 1995." """
    return len(line.split()) < SHORT_LINE_WORDS and not line.endswith((".", "?", "!", "”", '"'))


def _full_dates(text: str) -> Iterator[date]:
    for match in _FULL_DATE.finditer(text):
        if (found := _parse(match.group())) is not None:
            yield found


def first_full_date(line: str) -> date | None:
    """The first full date ("June 18, 2023", "2023-06-18T10:00Z") the line writes."""
    return next(_full_dates(line), None)


def _parse(phrase: str) -> date | None:
    """dateutil's reading of a located date, or None when it is no date (a name that is no month).

    A missing year reads as 2000, a leap year, so "Feb. 29" survives until the year is known."""
    words = re.findall(r"[A-Za-z]+", phrase)
    if words and not any(_INFO.month(w) for w in words) and not re.search(r"\d[-/]\d", phrase):
        return None
    try:
        return dateutil_parser.parse(phrase.replace(".", " "), default=datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the date of a dateline opening the text stands ("Jan. 2" of "Jan. 2 (UPI) --"), if one does."""
    match = _DATELINE.match(text)
    return match.span("date") if match else None


def _dateline_date(line: str, text: str) -> date | None:
    match = _DATELINE.match(line)
    if not match:
        return None
    phrase = match.group("date")
    if _BARE_YEAR.search(phrase):
        return _parse(phrase)
    month_day = _parse(phrase)
    if month_day is None:
        return None
    return _with_year_from_context(month_day.month, month_day.day, text)


def _with_year_from_context(month: int, day: int, text: str) -> date | None:
    """The dateline's month and day in the year the rest of the text points to; None when it points nowhere.

    Full dates in an article are mostly recent events, so the dateline is the occurrence of
    month/day nearest the latest of them ("Jan. 2" near "Dec. 30, 2022" is 2023); without
    full dates, the year mentioned most (the latest on a tie).
    """
    full = list(_full_dates(text))
    if full:
        latest = max(full)
        options = [d for d in (_safe_date(y, month, day) for y in range(latest.year - 1, latest.year + 2)) if d]
        return min(options, key=lambda d: (abs((d - latest).days), d < latest)) if options else None
    years = [int(y) for y in _BARE_YEAR.findall(text)]
    if not years:
        return None
    year = max(set(years), key=lambda y: (years.count(y), y))
    return _safe_date(year, month, day)


def _embedded_post_date(text: str) -> date | None:
    """The date of an embedded post ("— Name (@handle) June 18, 2023"): such posts are the day's news."""
    for line in text.splitlines():
        found = _FULL_DATE.search(line)
        if found and _EMBED.search(line[: found.start()]) and (parsed := _parse(found.group())):
            return parsed
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- date phrases

_LEAD = {"on", "in", "at", "by", "since", "during", "from", "until", "of", "the", "early", "late", "mid", "earlier", "later"}
_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year"}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}  # "last night" is yesterday's
_HOLIDAYS = {("new", "year", "day"): (1, 1), ("new", "year", "eve"): (12, 31), ("christmas", "eve"): (12, 24), ("christmas",): (12, 25)}


def resolve_date(phrase: str, published: date | None) -> date | None:
    """The absolute date a phrase from an article names (the first day of a week, month or year); None when unknown.

    "Sunday" is the most recent Sunday on or before publication (the news convention),
    "last week" the Monday of the week before, "in February" February 1 of the nearest
    February, "March 4, 2024" itself. Relative phrases need the publication date.
    """
    span = resolve_span(phrase, published)
    return span.start if span else None


def resolve_span(phrase: str, published: date | None) -> DateSpan | None:
    """Like `resolve_date`, with the phrase's extent and precision (so "this year" is not stated as January 1)."""
    words = [w for w in re.findall(r"[a-z0-9]+", phrase.lower()[:200].replace("'s", "")) if w not in _LEAD]
    if not words:
        return None
    relative = _relative(words, published)
    if relative is not None or published is None and _is_relative(words):
        return relative
    return _calendar(phrase[:200], words, published)


def _is_relative(words: list[str]) -> bool:
    return any(
        w in _DAY_WORDS or w in ("last", "this", "next", "ago", "past", "weekend") or _INFO.weekday(w) is not None for w in words
    )


def _relative(words: list[str], published: date | None) -> DateSpan | None:
    """Phrases that count from the publication date: "yesterday", "last week", "Sunday", "two days ago"."""
    if published is None:
        return None
    for word in words:
        if word in _DAY_WORDS:
            return _day(published + timedelta(days=_DAY_WORDS[word]))
    if len(words) == 2 and words[1] in _PARTS_OF_DAY and words[0] in ("last", "this"):
        return _day(published - timedelta(days=1 if words[0] == "last" and words[1] == "night" else 0))
    for names, (month, day) in _HOLIDAYS.items():
        if all(n in words for n in names) and not any(w.isdigit() for w in words):
            return _day(min(filter(None, (_safe_date(y, month, day) for y in (published.year - 1, published.year))),
                            key=lambda d: (d > published, abs((d - published).days))))
    if "weekend" in words:
        saturday = _weekday_near(published, 5, -1 if "last" in words or "past" in words else (1 if "next" in words else None))
        return DateSpan(saturday, saturday + timedelta(days=1), "weekend")
    weekday = next((_INFO.weekday(w) for w in words if _INFO.weekday(w) is not None and not _INFO.month(w)), None)
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}
    shift = next((step[w] for w in words if w in step), None)
    if weekday is not None and not any(_INFO.month(w) for w in words):
        return _day(_weekday_near(published, weekday, shift))
    unit = next((_UNITS[w] for w in words if w in _UNITS), None)
    if unit and "ago" in words:
        count = next((_COUNTS.get(w) or int(w) for w in words if w in _COUNTS or w.isdigit()), 1)
        return _period(published - relativedelta(**{unit + "s": count}), "day" if unit == "day" else unit)
    if unit and shift is not None:
        return _period(published + relativedelta(**{unit + "s": shift}), unit)
    return None


def _weekday_near(published: date, weekday: int, shift: int | None) -> date:
    """ "Sunday"/"this Sunday": the latest on or before publication; "last Sunday": before it; "next": after."""
    back = (published.weekday() - weekday) % 7
    if shift == 1:
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if shift == -1:
        return published - timedelta(days=back or 7)
    return published - timedelta(days=back)


def _calendar(phrase: str, words: list[str], published: date | None) -> DateSpan | None:
    """Phrases that name the calendar: "March 4, 2024", "18 June 2023", "June 18", "in February", "2023"."""
    months = [_INFO.month(w) for w in words if _INFO.month(w)]
    numbers = [w for w in words if w.isdigit() or re.fullmatch(r"\d{1,2}(st|nd|rd|th)", w)]
    if not months:
        iso = re.search(rf"\b{_YEAR}[-/]\d\d?[-/]\d\d?\b", phrase)
        if iso:
            parsed = _parse(iso.group())
            return _day(parsed) if parsed else None
        years = [int(w) for w in words if re.fullmatch(_YEAR, w)]
        return _period(date(years[0], 1, 1), "year") if len(words) == 1 and years else None
    month = months[0]
    years = [int(w) for w in numbers if re.fullmatch(_YEAR, w)]
    days = [int(re.sub(r"\D", "", w)) for w in numbers if not re.fullmatch(_YEAR, w) and int(re.sub(r"\D", "", w)) <= 31]
    year = years[0] if years else _nearest_year(month, days[0] if days else 1, published)
    if year is None:
        return None
    if not days:
        return _period(date(year, month, 1), "month")
    found = _safe_date(year, month, days[0])
    return _day(found) if found else None


def _nearest_year(month: int, day: int, published: date | None) -> int | None:
    """The year that puts month/day nearest the publication date (a tie goes to the past)."""
    if published is None:
        return None
    options = [(y, _safe_date(y, month, min(day, 28))) for y in (published.year - 1, published.year, published.year + 1)]
    return min(options, key=lambda o: (abs((o[1] - published).days), o[1] > published))[0]  # type: ignore[operator]


def _day(value: date) -> DateSpan:
    return DateSpan(value, value, "day")


def _period(anchor: date, unit: str) -> DateSpan:
    if unit == "day":
        return _day(anchor)
    if unit == "week":
        start = anchor - timedelta(days=anchor.weekday())
        return DateSpan(start, start + timedelta(days=6), "week")
    if unit == "month":
        start = anchor.replace(day=1)
        return DateSpan(start, start + relativedelta(months=1, days=-1), "month")
    return DateSpan(date(anchor.year, 1, 1), date(anchor.year, 12, 31), "year")

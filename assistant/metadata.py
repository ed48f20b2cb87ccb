"""Title, date and outlet of an article, taken from its text (and its path) where they are given."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.boilerplate import is_boilerplate, is_heading
from assistant.sentences import paragraph_spans

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_PATTERNS = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
]
_OUTLETS = {
    r"\(UPI\)": "UPI",
    r"\(AP\)": "AP",
    r"\(Reuters\)|\bReuters reported\b": "Reuters",
    r"\bZenger News\b": "Zenger News",
    r"\(AFP\)": "AFP",
}


@dataclass(frozen=True)
class ArticleMetadata:
    """What the text says about itself; every field may be unknown (empty)."""

    title: str = ""
    date: str = ""
    outlet: str = ""


def extract_metadata(text: str, source: str = "") -> ArticleMetadata:
    """Best-effort title/date/outlet; wrong guesses only cost ranking, never citations."""
    head = text[:1500]
    return ArticleMetadata(title=_title(text), date=_date(_headings(text)), outlet=_outlet(head))


def _headings(text: str) -> str:
    """Datelines live in the short lines at the top, not in captions further down."""
    lines = [text[s:e] for s, e in list(paragraph_spans(text))[:8]]
    return "\n".join(line for line in lines if is_heading(line))


def _title(text: str) -> str:
    for number, (start, end) in enumerate(paragraph_spans(text)):
        paragraph = text[start:end]
        if number > 6:
            break
        if is_boilerplate(paragraph):
            continue
        if is_heading(paragraph) and len(paragraph.split()) >= 3:
            return paragraph
        return ""
    return ""


def _date(head: str) -> str:
    for pattern in _DATE_PATTERNS:
        match = pattern.search(head)
        if not match:
            continue
        month = match.group("month")
        month_number = int(month) if month.isdigit() else _MONTHS[month.lower()]
        try:
            return date(int(match.group("year")), month_number, int(match.group("day"))).isoformat()
        except ValueError:
            continue
    return ""


def _outlet(head: str) -> str:
    for pattern, outlet in _OUTLETS.items():
        if re.search(pattern, head):
            return outlet
    return ""

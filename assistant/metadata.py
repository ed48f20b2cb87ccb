"""Title, date and outlet of an article, taken from its text (and its path) where they are given."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.boilerplate import is_boilerplate, is_heading
from assistant.dates import find_publication_date
from assistant.sentences import paragraph_spans

_DATELINES = {r"\(UPI\)": "UPI", r"\(AP\)": "AP", r"\(Reuters\)": "Reuters", r"\(AFP\)": "AFP"}
_SIGN_OFFS = {r"\bZenger News\b": "Zenger News", r"\bReuters reported\b": "Reuters"}


@dataclass(frozen=True)
class ArticleMetadata:
    """What the text says about itself; every field may be unknown (empty)."""

    title: str = ""
    date: str = ""  # ISO "YYYY-MM-DD", the publication date (assistant/dates.py)
    outlet: str = ""


def extract_metadata(text: str, source: str = "") -> ArticleMetadata:
    """Best-effort title/date/outlet; wrong guesses only cost ranking, never citations."""
    head = text[:1500]
    published = find_publication_date(text)
    return ArticleMetadata(title=_title(text), date=published.isoformat() if published else "", outlet=_outlet(head, text[-1500:]))


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


def _outlet(head: str, tail: str = "") -> str:
    """The outlet a dateline names ("(AP)"), else the one named at the end ("Zenger News does not provide
    ..."), else one the story credits ("Reuters reported")."""
    for patterns, text in ((_DATELINES, head), (_SIGN_OFFS, tail), (_SIGN_OFFS, head)):
        for pattern, outlet in patterns.items():
            if re.search(pattern, text):
                return outlet
    return ""

"""Title, date and outlet of an article, taken from its text (and its path) where they are given."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.boilerplate import is_boilerplate, is_heading
from assistant.dates import find_publication_date, first_full_date
from assistant.front_matter import DATE_KEYS, OUTLET_KEYS, TITLE_KEYS, first_field, front_matter, front_matter_end
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
    fields = front_matter(text)  # a Markdown export's own fields come first
    body = front_matter_end(text)
    head = text[body : body + 1500]
    published = first_full_date(first_field(fields, DATE_KEYS)) or find_publication_date(text)
    return ArticleMetadata(
        title=first_field(fields, TITLE_KEYS) or _title(text, body),
        date=published.isoformat() if published else "",
        outlet=_named_outlet(fields) or _outlet(head, text[-1500:]),
    )


def _title(text: str, body: int = 0) -> str:
    """The first paragraph after the front matter, when it is a heading ("# " of Markdown left out)."""
    text = text[body:]
    for number, (start, end) in enumerate(paragraph_spans(text)):
        paragraph = text[start:end]
        if number > 6:
            break
        if is_boilerplate(paragraph):
            continue
        if is_heading(paragraph) and len(paragraph.split()) >= 3:
            return re.sub(r"^#{1,6}\s+", "", paragraph)
        return ""
    return ""


def _named_outlet(fields: dict[str, str]) -> str:
    """The outlet the front matter names; a link ("source: https://...") names none."""
    outlet = first_field(fields, OUTLET_KEYS)
    return "" if "://" in outlet or outlet.startswith("www.") else outlet


def _outlet(head: str, tail: str = "") -> str:
    """The outlet a dateline names ("(AP)"), else the one named at the end ("Zenger News does not provide
    ..."), else one the story credits ("Reuters reported")."""
    for patterns, text in ((_DATELINES, head), (_SIGN_OFFS, tail), (_SIGN_OFFS, head)):
        for pattern, outlet in patterns.items():
            if re.search(pattern, text):
                return outlet
    return ""

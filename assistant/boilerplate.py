"""Recognises web boilerplate paragraphs (ads, cookie notices, share buttons) so no answer is built from them.

Nothing is removed from the text: the indexer simply does not make chunks of
these paragraphs, so every offset still points into the original file.
"""

from __future__ import annotations

import re

_PATTERNS = [
    r"^advertisement$",
    r"^skip to (main )?content",
    r"^(menu|search|share|print|email|comments?)$",
    r"^home\s*[»>|]",
    r"^by [\w .-]{1,40}$",
    r"^see also\b",
    r"^you may also like",
    r"^leave a (comment|reply)",
    r"akismet",
    r"\bcookies?\b.*\b(policy|experience|accept|consent)",
    r"^privacy\b.*\bpolicy",
    r"^latest (headlines|news|stories)$",
    r"\blicense photo\b",
    r"^\d+ of \d+ \|",
    r"pic\.twitter\.com",
    r"^icon-",
    r"^recommended (from|for)",
    r"^get news\b",
    r"does not provide investment advice",
    r"^(read more|related|sign up|subscribe|follow us|click here)\b",
    r"^— .*\(@\w+\)",
    r"^(photo|image)s?:",
    r"^“?what’s the latest with",
]
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
# Words a story may use too ("spreading negative publicity via his newsletter", "Getty Images agreed to buy"):
# boilerplate only in a line as short as a sign-up prompt or a picture credit.
_SHORT_BOILERPLATE = re.compile(r"newsletters?\b|\b(?:getty images|afp via getty|reuters photo)\b", re.IGNORECASE)
SHORT_LINE_WORDS = 12
# Who made the story and its pictures is news too ("Who took the photo?", "Who edited it?"): credit lines are
# kept, though they are short and lack a full stop like headings.
_CREDIT = re.compile(r"^(?:produced in association with|edited by|written by|reporting by|additional reporting by)\b|"
                     r"\bphoto by\b", re.IGNORECASE)


def is_boilerplate(paragraph: str) -> bool:
    """True for a paragraph that belongs to the web page, not to the story."""
    text = paragraph.strip()
    if not text or _BOILERPLATE.search(text) is not None:
        return True
    return len(text.split()) <= SHORT_LINE_WORDS and _SHORT_BOILERPLATE.search(text) is not None


# Items of a list ("- Best actress - Clare Higgins for Hecuba") and labelled figures ("Result: Nadal 6-7 6-2")
# are short and lack a full stop as headings do, but they are the story's facts.
_LISTED = re.compile(r"^(?:[-*•–]\s|[A-Z][\w ]{0,20}:\s.*\d)")


def is_heading(paragraph: str) -> bool:
    """Short lines without a closing full stop: titles, sub-heads, datelines (not credit lines)."""
    text = paragraph.strip()
    return len(text.split()) < 16 and not text.endswith((".", "?", "!", "”", '"', ":")) and not _CREDIT.search(text)


def is_listed(paragraph: str) -> bool:
    """A list item or a labelled figure: story text, though it looks like a heading."""
    return _LISTED.match(paragraph.strip()) is not None

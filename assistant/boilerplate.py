"""Recognises web boilerplate paragraphs (ads, cookie notices, photo credits) so no answer is built from them.

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
    r"newsletters?\b",
    r"^get news\b",
    r"does not provide investment advice",
    r"^produced in association with",
    r"^edited by\b",
    r"^(read more|related|sign up|subscribe|follow us|click here)\b",
    r"^— .*\(@\w+\)",
    r"\b(file )?photo by\b",
    r"^(photo|image|credit)s?:",
    r"\b(getty images|afp via getty|reuters photo)\b",
    r"^“?what’s the latest with",
]
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
# A caption ends with the photographer's name in capitals: "... January 2021. DARRIAN TRAYNOR"
_CAPTION_CREDIT = re.compile(r"[.!?”\"]\s+[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)+\s*$")


def is_boilerplate(paragraph: str) -> bool:
    """True for a paragraph that belongs to the web page, not to the story."""
    text = paragraph.strip()
    if not text:
        return True
    if _BOILERPLATE.search(text) or _CAPTION_CREDIT.search(text):
        return True
    return False


def is_heading(paragraph: str) -> bool:
    """Short lines without a closing full stop: titles, sub-heads, datelines."""
    text = paragraph.strip()
    return len(text.split()) < 16 and not text.endswith((".", "?", "!", "”", '"', ":"))

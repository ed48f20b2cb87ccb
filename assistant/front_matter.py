"""YAML front matter at the top of a Markdown article ("---", "title: ...", "date: ...", "---"), as
static-site generators and CMS exports write it: the story's own title, date and outlet, never story
text to quote.

Only flat `key: value` lines are read (lists and nested maps are skipped): that is all a news export
puts there, and it needs no YAML parser.
"""

from __future__ import annotations

import re

_BLOCK = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "published", "pubdate", "date_published", "published_at", "publish_date")
OUTLET_KEYS = ("outlet", "publisher", "publication", "source", "site_name", "site")


def front_matter_end(text: str) -> int:
    """Where the front matter block ends (0 when the text has none)."""
    match = _BLOCK.match(text)
    return match.end() if match else 0


def front_matter(text: str) -> dict[str, str]:
    """The block's flat fields, keys lower-cased, quotes around values removed."""
    match = _BLOCK.match(text)
    if not match:
        return {}
    fields: dict[str, str] = {}
    for key, value in _FIELD.findall(match.group(1)):
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if value and not value.startswith(("[", "{", "|", ">")):
            fields.setdefault(key.lower(), value)
    return fields


def first_field(fields: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((fields[key] for key in keys if fields.get(key)), "")

"""Who took over from whom: a question about a successor is answered only where a sentence tells of one.

"Who took over from Tim Renner as head of Universal Music Germany?" is not
answered by the Peter Zombic of "Peter Zombic, the managing director of the
IFPI in Germany, said ...": a name beside the asked office says nothing of a
change of hands. News tells of one in few words (replaces, succeeds, takes
over, is appointed, is named the new chief, steps in), so the check is a
closed list, not a guess at paraphrase.
"""

from __future__ import annotations

import re

from assistant.answer.question import asked_clause

_ASKS = re.compile(  # "Who took over from X", "Whom did X succeed", "Who replaced X", "who is X's successor"
    r"\b(?:who|whom)\b[^?]{0,40}?\b(?:(?:took|take|takes|taking) over from|replac\w*|succe(?:ed|eded|eeds|eding)|"
    r"successor|predecessor|stepped into|step into)\b",
    re.IGNORECASE,
)
_TELLS = re.compile(
    r"\b(?:replac\w*|succe(?:ed|eded|eeds|eding|ssor|ssion)|predecessor|take[sn]? over|took over|taking over|appoint\w*|"
    r"nam(?:ed|es|ing)\b[^.;]{0,40}\b(?:new|next|successor|replacement)|new (?:chief|head|boss|chairman|chairwoman|"
    r"director|manager|coach|minister|editor|president|leader|ambassador|captain)|step(?:s|ped)? (?:down|into|in)|"
    r"in place of|caretaker|interim|outgoing|took the (?:job|post|helm|reins)|"
    r"(?:hand(?:s|ed)?|pass(?:es|ed)?) (?:over )?the (?:reins|baton))\b",
    re.IGNORECASE,
)


def asked(question: str) -> bool:
    """The question asks who took over from someone, or whom someone took over from."""
    return _ASKS.search(asked_clause(question)) is not None


def told(text: str) -> bool:
    """The text tells of a change of hands: someone replaces, succeeds, is appointed, steps in or down."""
    return _TELLS.search(text) is not None

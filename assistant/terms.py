"""Words as the lexical side sees them: lower-cased, accents and HTML entities folded, stop words dropped, Porter-stemmed."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from llama_index.core.utils import globals_helper

    return frozenset(globals_helper.stopwords) | {"said", "says", "would", "also", "us's"}


def is_stop_word(word: str) -> bool:
    """A word too common to say anything on its own ("who", "no", "us")."""
    return word.lower() in _stopwords()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _porter().stem(_american(_IRREGULAR.get(word, word)))


# Past forms of irregular verbs, read as the verb: "How much did Yahoo pay?" asks what "Yahoo paid"
# says, "When did the rules come into force?" what "came into force" says. Forms that are also common
# nouns or adjectives of another meaning ("left", "saw", "found", "lead", "felt", "rose") are left alone.
_IRREGULAR = {
    past: verb
    for verb, forms in {
        "arise": "arose arisen", "awake": "awoke awoken", "become": "became", "begin": "began begun",
        "bid": "bade", "bite": "bit bitten", "blow": "blew blown", "break": "broke broken", "bring": "brought",
        "build": "built", "buy": "bought", "catch": "caught", "choose": "chose chosen", "come": "came",
        "deal": "dealt", "dig": "dug", "draw": "drew drawn", "drink": "drank drunk", "drive": "drove driven",
        "eat": "ate eaten", "fall": "fell fallen", "feed": "fed", "fight": "fought", "flee": "fled", "fly": "flew flown",
        "forbid": "forbade forbidden", "forget": "forgot forgotten", "forgive": "forgave forgiven", "freeze": "froze frozen",
        "get": "got gotten", "give": "gave given", "go": "went gone", "grow": "grew grown", "hang": "hung",
        "hear": "heard", "hide": "hid hidden", "hold": "held", "keep": "kept", "know": "knew known", "lay": "laid",
        "lend": "lent", "lose": "lost", "make": "made", "mean": "meant", "meet": "met", "overcome": "overcame",
        "overtake": "overtook overtaken", "pay": "paid", "ride": "rode ridden", "ring": "rang rung", "rise": "risen",
        "run": "ran", "say": "said", "see": "seen", "seek": "sought", "sell": "sold", "send": "sent", "shake": "shook shaken",
        "shoot": "shot", "shrink": "shrank shrunk", "sing": "sang sung", "sink": "sank sunk", "sit": "sat", "sleep": "slept",
        "slide": "slid", "speak": "spoke spoken", "spend": "spent", "stand": "stood", "steal": "stole stolen",
        "stick": "stuck", "strike": "struck stricken", "swear": "swore sworn", "swim": "swam swum", "take": "took taken",
        "teach": "taught", "tear": "tore torn", "tell": "told", "think": "thought", "throw": "threw thrown",
        "undergo": "underwent undergone", "understand": "understood", "undertake": "undertook undertaken",
        "wake": "woke woken", "wear": "wore worn", "win": "won", "withdraw": "withdrew withdrawn", "write": "wrote written",
    }.items()
    for past in forms.split()
}


_SPELLINGS = (  # British endings -> American, applied alike to articles and questions: only consistency matters
    (re.compile(r"(?<=\w{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),  # characterise, organisation
    (re.compile(r"(?<=\w{2}[bdflmnrv])our(s|ed|ing|ite|ites|able)?$"), r"or\1"),  # colour, favourite, labour, behaviour
    (re.compile(r"(?<=\w{2})tre(s|d)?$"), r"ter\1"),  # centre, theatre, metres
    (re.compile(r"(?<=\w{3})ell(ed|ing|er|ers)$"), r"el\1"),  # travelled, cancelled, modelling
    (re.compile(r"^(defen|offen|licen|preten)ce(s)?$"), r"\1se\2"),  # defence, licence
    (re.compile(r"^programme(s|d)?$"), r"program\1"),
)


def _american(word: str) -> str:
    """"characterise" and "characterize", "centre" and "center" are one term."""
    for pattern, replacement in _SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=1)
def _porter():  # type: ignore[no-untyped-def]
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


# Bumped whenever terms() changes what it returns: saved BM25 tokens of another version are rebuilt.
TERMS_VERSION = "4"


def terms(text: str) -> list[str]:
    """Index terms of a text, in order, repeats kept (BM25 counts them). "S&#227;o Paulo" (as some
    archives write it), "São Paulo" and "Sao Paulo" give the same terms."""
    stop = _stopwords()
    out = []
    for match in _WORD.finditer(folded(text.lower())):
        word = match.group().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if word and word not in stop:
            out.append(stem(word))
    return out


def folded(text: str) -> str:
    """Without HTML entities, accents or curly apostrophes: "S&#227;o Paulo", "São Paulo" and "Sao Paulo",
    "O’Connor" and "O'Connor" are one name."""
    if "&" in text:
        text = html.unescape(text)
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).replace("’", "'")

"""The sentence that answers "Did Noel Forgeard accept that the A380 was over budget?": his own stance.

A yes/no question about what someone said, accepted or denied is answered by the sentence where that
person says it ("But Mr Forgeard has denied this, telling French media that there is no current
overrun"), not by the one that restates the claim in the question's words ("it became clear that the
A380 superjumbo was running over budget"). The person is named there, or is the "he" of an article
that names them.
"""

from __future__ import annotations

import re

from assistant.answer import patterns
from assistant.answer.evidence import Sentence, near_best
from assistant.answer.nlp import parse
from assistant.answer.question import asked_clause

STANCE_RATIO = 0.7  # the stance sentence is looked for this far below the best one's evidence
_STANCE_VERBS = frozenset({
    "say", "accept", "admit", "deny", "agree", "confirm", "insist", "reject", "claim", "concede", "acknowledge", "believe",
    "think", "argue", "dispute", "rule", "promise", "vow", "pledge", "warn", "expect",
})
_REPORTING = re.compile(
    r"\b(?:said|says|say|saying|denied|denies|deny|denying|accepted|accepts|accept|accepting|admitted|admits|admit|agreed|agrees|"
    r"confirmed|confirms|insisted|insists|rejected|rejects|claimed|claims|conceded|concedes|acknowledged|acknowledges|told|telling|"
    r"argued|argues|maintained|maintains|disputed|disputes|ruled out|rules out|promised|vowed|pledged|warned|believes|believed|"
    r"thinks|thought|expects|expected)\b",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;:]\s*|\b(?:but|and|however|yet)\s+)(?:he|she|they)\b", re.IGNORECASE)


def asked_of(question: str) -> str:
    """The surname of the one whose stance a yes/no question asks ("Did Andre Agassi say ...?" -> "Agassi"),
    or empty when it asks no one's stance or names no one."""
    doc = parse(asked_clause(question))
    for token in doc:
        if token.lemma_.lower() not in _STANCE_VERBS or token.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        if subjects:
            return str(subjects[0].text)
    return ""


def best(ranked: list[Sentence], surname: str) -> Sentence | None:
    """Among sentences close to the best, the first where the person (named, or as "he" in an article that
    names them) says, accepts or denies something; None when none does."""
    naming = {s.source for s in ranked if _names(s.text, surname)}
    for sentence in near_best(ranked, STANCE_RATIO):
        if sentence.cover > 0 and _REPORTING.search(sentence.text) and (
            _names(sentence.text, surname) or (sentence.source in naming and _PRONOUN_SUBJECT.search(sentence.text))
        ):
            return sentence
    return None


def _names(text: str, surname: str) -> bool:
    return patterns.mentions(text.lower(), surname.lower())

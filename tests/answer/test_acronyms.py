from llama_index.core.schema import NodeWithScore, TextNode

from assistant.answer.acronyms import expansions, widened
from assistant.answer.evidence import gather
from assistant.terms import terms


def test_initials_stand_for_the_name_the_article_spells_out() -> None:
    text = ("Sales rose, the British Retail Consortium said. The Court of Arbitration for Sport (CAS) will rule. "
            "BRC director general Kevin Hawkins was cautious. CAS said little. The World Anti-Doping Agency and WADA agree.")
    found = expansions(text)
    assert found["brc"] == frozenset(terms("British Retail Consortium"))
    assert found["cas"] == frozenset(terms("Court Arbitration Sport"))  # linking words between the capitals
    assert found["wada"] == frozenset(terms("World Anti Doping Agency"))  # a hyphenated word gives two initials
    assert expansions("Transport for London said the TfL posters run until Boxing Day.")["tfl"] == frozenset(terms("Transport London"))


def test_initials_the_article_never_spells_out_stand_for_nothing() -> None:
    assert expansions("Shares in EMI rose. The BRC said sales fell. Red Big Car makers were cautious.") == {}
    assert expansions("The BRC said British retail sales fell in the Consortium's survey.") == {}  # words between
    assert expansions("TAIPEI (AP) - He is assistant secretary for East Asian and Pacific affairs.") == {}  # name after
    assert expansions("The United States said the US would act.") == {}  # a country's initials are everywhere


def test_either_form_of_a_name_holds_the_other() -> None:
    names = {"brc": frozenset(terms("British Retail Consortium"))}
    assert widened(frozenset(terms("said BRC director general Kevin Hawkins")), names) >= frozenset(terms("British Retail Consortium"))
    assert "brc" in widened(frozenset(terms("the British Retail Consortium said")), names)
    assert widened(frozenset(terms("the British Museum said")), names) == frozenset(terms("the British Museum said"))


def test_a_sentence_in_initials_covers_the_question_in_full_words() -> None:
    text = ("Trade was weak, the British Retail Consortium said. Chambers of commerce director general David Frost spoke. "
            "Shoppers stayed away, said BRC director general Kevin Hawkins.")
    chunk = NodeWithScore(node=TextNode(text=text, metadata={"source": "a.txt", "start": 0, "dense": 0.5}), score=1.0)
    question = frozenset(terms("Who is director general of the British Retail Consortium?"))
    cover = {s.text.split()[0]: s.cover for s in gather(question, {t: 1.0 for t in question}, [chunk], None)}
    assert cover["Shoppers"] == 1.0 and cover["Shoppers"] > cover["Chambers"]

"""Index terms: one term for one word however it is spelled."""

from assistant.terms import terms


def test_british_and_american_spellings_give_one_term() -> None:
    pairs = [("characterise", "characterized"), ("organisation", "organization"), ("colour", "color"),
             ("favourite", "favorite"), ("centre", "center"), ("travelled", "traveled"), ("defence", "defense"),
             ("programme", "program")]
    for british, american in pairs:
        assert terms(british) == terms(american), (british, american)


def test_short_words_keep_their_own_terms() -> None:
    assert terms("sell selling") == ["sell", "sell"]
    assert terms("rise hour tour") == ["rise", "hour", "tour"]
    assert terms("S&#227;o Paulo") == terms("São Paulo") == terms("Sao Paulo")


def test_a_past_form_of_an_irregular_verb_is_the_verb() -> None:
    assert terms("Did Yahoo pay? When did the rules come into force?") == terms("Yahoo paid; the rules came into force")
    assert terms("sold bought fell") == terms("sell buy fall")
    assert terms("He found the lead") != terms("He find the lead")  # "found" (a firm) and "lead" keep their meaning

"""The sentence-support check behind generative citations: lenient on how news names things, strict on facts."""

from __future__ import annotations

import numpy as np

from assistant.generative import parse_claims
from assistant.support import score_support, specifics_found, words_found

SOURCE = "Secretary of State Antony Blinken met China's Foreign Minister Qin Gang in Beijing on Sunday."
SAME = np.array([1.0, 0.0])


def test_a_country_named_by_its_people_or_capital_is_the_same_name() -> None:
    assert specifics_found("The American envoy met the Chinese minister in Beijing", "The US envoy met China's minister.")
    assert specifics_found("Washington and Beijing agreed", "The U.S. and China agreed.")
    cover = score_support("The American envoy met Qin", "The US envoy met Qin.", {}, SAME, SAME).cover
    assert cover == 1.0  # "American" is covered by "US" as a word too


def test_a_different_country_is_still_missing() -> None:
    assert not specifics_found("The Russian envoy met Qin in Moscow", "The US envoy met Qin in Beijing.")
    assert not specifics_found("Officials in London and Beijing agreed", "The U.S. and China agreed.")


def test_a_full_name_counts_when_the_sentence_gives_a_part_and_the_passage_the_whole() -> None:
    sentence = "Qin replaced Wang Yi as foreign minister."
    assert not specifics_found("Qin Gang replaced Wang Yi as foreign minister", sentence)
    assert specifics_found("Qin Gang replaced Wang Yi as foreign minister", sentence, context=f"{SOURCE} {sentence}")


def test_a_wrong_full_name_is_still_missing_whatever_the_passage() -> None:
    context = f"{SOURCE} Wang Yi left."
    assert not specifics_found("Wang Wentao met Blinken", "Wang Yi met Blinken.", context=context)
    assert not specifics_found("On Sunday Nancy Blinken met Qin Gang", SOURCE, context=context)


def test_numbers_and_days_stay_strict_whatever_the_leniency() -> None:
    assert not specifics_found("The US signed a $50 billion deal with China", "The US signed a deal with China.")
    assert not specifics_found("Blinken met Qin Gang in Beijing on Monday", SOURCE, context=f"{SOURCE} Monday")


def test_a_claim_naming_its_passage_keeps_only_the_claim() -> None:
    claims = parse_claims("According to passage [2], Blinken met Qin Gang in Beijing. They talked, as mentioned in passage [3]. "
                          "They ate. This is stated in passage [1].")
    assert [(c.text, c.cited) for c in claims] == [
        ("Blinken met Qin Gang in Beijing.", [2]), ("They talked", [3]), ("They ate.", [1])
    ]


def test_amounts_read_alike_however_they_are_written() -> None:
    source = "A court said Lifan must pay 1.47m yuan in compensation, 13% of its sales of 1000 bikes, to three firms."
    claim = "Lifan must pay 1.47 million yuan in compensation, 13 per cent of its sales of 1,000 bikes, to 3 firms"
    assert specifics_found(claim, source)
    assert score_support(claim, source, {}, SAME, SAME).cover == 1.0


def test_a_wrong_amount_is_still_missing_however_it_is_written() -> None:
    source = "A court said Lifan must pay 1.47m yuan in compensation to three firms."
    assert not specifics_found("Lifan must pay 1.74 million yuan in compensation", source)
    assert not specifics_found("Lifan must pay 1.47 billion yuan in compensation", source)
    assert not specifics_found("Lifan must pay compensation to four firms", source)


def test_a_name_opening_the_sentence_is_checked_too() -> None:
    assert not specifics_found("Wang Yi met China's Foreign Minister Qin Gang in Beijing on Sunday", SOURCE)
    assert specifics_found("Antony Blinken met China's Foreign Minister Qin Gang in Beijing on Sunday", SOURCE)
    assert specifics_found("The Chinese Foreign Minister met Blinken in Beijing on Sunday", SOURCE)


def test_a_citation_inside_a_sentence_cites_the_whole_sentence() -> None:
    claims = parse_claims("The Diaoyutai State Guesthouse [1] was the venue where they met on Sunday. Qin spoke [2]. Blinken left [3]")
    assert [(c.text, c.cited) for c in claims] == [
        ("The Diaoyutai State Guesthouse was the venue where they met on Sunday. Qin spoke", [1, 2]), ("Blinken left", [3])
    ]


def test_tories_are_conservatives_and_labour_is_not() -> None:
    source = "The register shows former Tory leader William Hague earning up to £820,000."
    assert specifics_found("Former Conservative leader William Hague earned up to £820,000", source)
    assert not specifics_found("Former Labour leader William Hague earned up to £820,000", source)


def test_names_alone_are_no_support() -> None:
    source = "According to the State Department, Qin Gang agreed to pay a reciprocal visit after talks with Blinken in Beijing."
    assert not score_support("Qin Gang arrived in Washington, according to the State Department", source, {}, SAME, SAME).supports
    assert not score_support("Qin Gang was expected to get another role in the State Department", source, {}, SAME, SAME).supports
    assert score_support("Qin Gang agreed to pay a reciprocal visit, according to the State Department", source, {}, SAME, SAME).supports


def test_a_short_answer_is_found_however_its_amounts_are_written_and_only_with_every_word() -> None:
    sentence = "The discussions, lasting over five hours, ended in Beijing on Sunday with a 1.47m yuan deal."
    assert words_found("5 hours", sentence) and words_found("five hours", sentence)
    assert words_found("1.47 million yuan", sentence) and words_found("Sunday", sentence)
    assert not words_found("Monday", sentence)  # another day
    assert not words_found("2023-06-18", sentence)  # a date the sentence does not write
    assert not words_found("six hours", sentence) and not words_found("five hours of talks in Shanghai", sentence)

"""The grammar that lets the local model only name passage sentences, and how its reply becomes quoted text."""

from __future__ import annotations

from assistant.copy_grammar import answer_line, gbnf_literal, numbered, phrase_in, pick_grammar, picked

PASSAGES = [["Blinken met Qin Gang in Beijing.", "They spoke for  five hours."], ["Qin Gang was appointed on Friday."]]


def test_passages_show_one_labelled_sentence_a_line() -> None:
    assert numbered(PASSAGES[0], 1) == "1.1 Blinken met Qin Gang in Beijing.\n1.2 They spoke for five hours."


def test_the_grammar_offers_the_refusal_or_an_answer_line_then_only_existing_labels() -> None:
    lines = pick_grammar([2, 1]).splitlines()
    assert lines[0] == 'root ::= "NOT COVERED" | "Answer: " note "\\nSentence: " label ("\\n" label)?'
    assert lines[1] == "note ::= [^\\n\\[\\]]{1,80}"
    assert lines[2] == 'label ::= "1.1" | "1.2" | "2.1"'
    assert pick_grammar([0, 0]) == 'root ::= "NOT COVERED"'


def test_a_reply_becomes_the_named_sentences_verbatim_each_with_its_passages_citation() -> None:
    assert picked("Answer: Friday\nSentence: 2.1", PASSAGES) == "Qin Gang was appointed on Friday. [2]"
    assert picked("Answer: Beijing\nSentence: 1.1\n1.2", PASSAGES) == (
        "Blinken met Qin Gang in Beijing. [1]\nThey spoke for five hours. [1]")
    assert picked("Answer: x\nSentence: 3.1", PASSAGES) == ""  # no such sentence: nothing to show


def test_the_answer_line_is_never_shown_and_a_refusal_stays_as_it_is() -> None:
    assert picked("Answ", PASSAGES) == "" and picked("Answer: Friday", PASSAGES) == ""
    assert picked("NOT COVERED", PASSAGES) == "NOT COVERED"


def test_literals_escape_quotes_backslashes_and_line_breaks_and_keep_unicode() -> None:
    assert gbnf_literal('He said "no" \\ “yes”\n') == '"He said \\"no\\" \\\\ “yes”\\n"'


def test_the_sentence_holding_the_models_answer_stands_in_for_a_named_one_that_does_not() -> None:
    assert picked("Answer: five hours\nSentence: 1.1", PASSAGES) == "They spoke for five hours. [1]"
    assert picked("Answer: Friday.\nSentence: 1.2", PASSAGES) == "Qin Gang was appointed on Friday. [2]"
    assert picked("Answer: 2.1 Friday\nSentence: 1.2", PASSAGES) == "Qin Gang was appointed on Friday. [2]"  # a label in it
    assert picked("Answer: Qin Gang\nSentence: 2.1", PASSAGES) == "Qin Gang was appointed on Friday. [2]"  # named one holds it
    assert picked("Answer: Fri\nSentence: 1.1", PASSAGES) == "Blinken met Qin Gang in Beijing. [1]"  # whole words only
    assert picked("Answer: seven hours\nSentence: 1.2", PASSAGES) == "They spoke for five hours. [1]"  # found nowhere


def test_the_answer_line_is_read_without_a_label_the_model_put_there() -> None:
    assert answer_line("Answer: five hours.\nSentence: 1.2") == "five hours"
    assert answer_line("Answer: 2.1 Friday\nSentence: 2.1") == "Friday"
    assert answer_line("Answer: 1.1\nSentence: 1.1") == ""  # a label alone: no words of its own
    assert answer_line("Answer: Friday") == "" and answer_line("NOT COVERED") == ""  # unfinished, or a refusal


def test_phrase_in_gives_the_sentences_own_offsets_of_whole_words_case_and_spacing_aside() -> None:
    sentence = "Blinken met Qin at the Diaoyutai  State Guesthouse on Sunday."
    start, end = phrase_in("diaoyutai state guesthouse", sentence) or (0, 0)
    assert sentence[start:end] == "Diaoyutai  State Guesthouse"  # cut from the sentence: verbatim, its spacing kept
    assert phrase_in("Sun", sentence) is None  # a part of a word is no answer
    assert phrase_in("Qin at the", sentence) == (12, 22)
    assert phrase_in("", sentence) is None and phrase_in("Beijing", sentence) is None

"""Near misses are refused: names no article mentions, years and numbers the quoted article does not state."""

from pathlib import Path

from assistant import Assistant
from assistant.specifics import holds_numbers, required_numbers, unknown_names

VOCABULARY = {"googl", "bafta", "harri", "potter", "blinken", "qin", "gang", "london"}


def test_unknown_names_are_capitalised_words_the_corpus_lacks() -> None:
    assert unknown_names("How much did Google pay to buy YouTube?", VOCABULARY) == ["YouTube"]
    assert unknown_names("Did Google buy YouTube's rival?", VOCABULARY) == ["YouTube"]
    assert unknown_names("Who painted the Sistine Chapel? Was it Blinken?", VOCABULARY) == ["Sistine", "Chapel"]
    assert unknown_names("Where did Blinken meet Qin Gang in June?", VOCABULARY) == []  # months are dates
    assert unknown_names("Who hosted the Bafta awards in London?", VOCABULARY) == []
    assert unknown_names("Nobody opens a question with a name", VOCABULARY) == []  # first word skipped


def test_required_numbers_are_digits_and_ordinals_past_second() -> None:
    assert required_numbers("What will the minimum wage rise to in October 2007?") == ["2007"]
    assert required_numbers("When will the seventh Harry Potter book be published?") == ["seventh"]
    assert required_numbers("What is the half-life of carbon-14?") == ["14"]
    assert required_numbers("Who came first and who second?") == []
    assert required_numbers("Was it 1,200 or £7.5bn?") == ["1200", "7.5"]


def test_numbers_are_held_as_whole_numbers() -> None:
    assert holds_numbers("The Treasury set aside £7.5bn.", ["7.5"])
    assert holds_numbers("Some 1,200 people came.", ["1200"])
    assert not holds_numbers("It cost 1405 dollars.", ["140"])
    assert not holds_numbers("The wage rises in October 2006.", ["2007"])  # another year is named
    assert not holds_numbers("The wage rises in October this year.", ["2007"])  # undated: cannot tell
    assert not holds_numbers("The sixth book sold well.", ["seventh"])


def test_a_question_about_something_no_article_mentions_is_refused_with_the_name(seeds_assistant: Assistant) -> None:
    answer = seeds_assistant.ask("What did Blinken say about the Kremlin?")
    assert not answer.answered and answer.citations == []
    assert "Kremlin" in answer.notice
    assert seeds_assistant.ask("What did Blinken say after meeting Qin Gang?").answered


def test_a_year_the_article_contradicts_is_refused(corpus_copy: Path, tmp_path: Path) -> None:
    (corpus_copy / "wage.txt").write_text(
        "Minimum wage to rise\n\nThe adult minimum wage will rise to £5.05 an hour in October 2005, "
        "the Low Pay Commission said on Tuesday.\n"
    )
    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "index")
    assistant.index()
    answered = assistant.ask("What will the adult minimum wage rise to in October 2005?")
    assert answered.answered and answered.citations[0].source == "wage.txt"
    refused = assistant.ask("What will the adult minimum wage rise to in October 2007?")
    assert not refused.answered and refused.notice == "The articles found do not state “2007”."

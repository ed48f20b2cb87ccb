"""Numbers, years and names as news text writes them; every scan linear in the text."""

import time

from assistant.answer import patterns
from assistant.answer.refuse import unfound_names, unknown_names


def test_numbers_are_held_as_whole_numbers() -> None:
    assert patterns.numbers_in("Was it 1,200 or £7.5bn in the seventh round?") == ["1200", "7.5", "seventh"]
    assert patterns.states_number("Some 1,200 people came.", "1200")
    assert not patterns.states_number("It cost 1405 dollars.", "140")
    assert patterns.years_in("In 2005 and again in 1999, not 12005.") == {"2005", "1999"}


def test_money_percent_and_durations_are_found() -> None:
    assert patterns.MONEY.search("The Treasury set aside £7.5bn for it.").group() == "£7.5bn"
    assert patterns.MONEY.search("a contract worth $325m").group() == "$325m"
    assert patterns.PERCENT.search("sales rose 4.5% in May").group() == "4.5%"
    assert patterns.PERCENT.search("up 12 per cent").group() == "12 per cent"
    assert patterns.DURATION.search("They talked for five hours.").group() == "five hours"


def test_a_place_matches_its_adjective() -> None:
    assert patterns.mentions("the assistant secretary for east asian affairs", "Asia")
    assert not patterns.mentions("the assistant secretary for eastern affairs", "Asia")


def test_prices_in_pence_and_cents_are_money() -> None:
    assert patterns.MONEY.findall("shares were down 16.2% at 235.75 pence, then 222p, then 12 cents") == [
        "235.75 pence", "222p", "12 cents"]


def test_a_name_matches_its_aliases_and_forms() -> None:
    assert patterns.mentions("the united states said on monday", "USA")
    assert patterns.mentions("the u.s. said", "United States")
    assert patterns.mentions("the conservatives pledged", "Tories")
    assert patterns.mentions("britain's economy", "UK")
    assert patterns.mentions("the bank of england raised rates", "Bank of England")
    assert patterns.mentions("russia's army", "Russian")
    assert not patterns.mentions("the usable space", "USA")
    assert patterns.mentions("shares of the ecb rose", "European Central Bank")  # its initials
    assert patterns.mentions("the boe held rates", "Bank of England") and patterns.mentions("the dti said", "Department of Trade and Industry")


def test_initials_that_spell_a_common_word_are_no_form_of_the_name() -> None:
    assert not patterns.mentions("there was no flooding in the region", "New Orleans")
    assert not patterns.mentions("rates will be cut, he said", "Bank of England")
    assert not patterns.mentions("the man who led the talks", "World Health Organization")


def test_capitalised_names_skip_sentence_openers_and_calendar_words() -> None:
    names = [w for _, w in patterns.capitalised_names("Where did Blinken meet Qin in June? Then Sunday. The U.S. said")]
    assert names == ["Blinken", "Qin", "U.S"]


def test_unknown_names_know_aliases() -> None:
    vocabulary = {"unit", "state", "blinken", "taiwan", "googl"}
    assert unknown_names("What did the USA say about Taiwan?", vocabulary) == []
    assert unknown_names("How much did Google pay to buy YouTube?", vocabulary) == ["YouTube"]
    assert unknown_names("Did Google buy YouTube's rival?", vocabulary) == ["YouTube"]


def test_a_name_of_known_words_must_still_be_spelled_out() -> None:
    found = "The opera house in Sydney staged Tosca. Blinken met Qin at the Diaoyutai State Guesthouse in São Paulo."
    names = ("Sydney Opera House", "Diaoyutai Guesthouse", "Sao Paulo", "the Man in Black", "Blinken")
    # shortened and unaccented forms are the same name; a description in capitals is no name
    assert unfound_names(names, found) == ["Sydney Opera House"]


def test_scans_stay_linear_on_a_368_kb_question() -> None:
    question = ("Where did Blinken meet Qin Gang and Xavier " * 9_000)[:368_000] + "?"
    assert len(question) >= 368_000
    started = time.perf_counter()
    found = unknown_names(question, {"blinken", "qin", "gang"})
    patterns.numbers_in(question)
    elapsed = time.perf_counter() - started
    assert found == ["Xavier"]
    assert elapsed < 2.0, elapsed


def test_another_year_or_ordinal_contradicts_but_silence_does_not() -> None:
    assert patterns.contradicted("Stars attended the 2005 Bafta film awards.", ["2006"], []) == ["2005"]
    assert patterns.contradicted("The 2006 awards and the 2005 ones.", ["2006"], []) == []
    assert patterns.contradicted("The minimum wage will rise in October.", ["2007"], []) == []  # undated: no verdict
    assert patterns.contradicted("Harry Potter's sixth year at Hogwarts.", [], ["seventh"]) == ["sixth"]
    assert patterns.contradicted("The seventh book is due.", [], ["seventh"]) == []


def test_a_span_of_years_is_a_duration() -> None:
    text = "He managed Cash between 1960 and 1973, then promoters from 1999 to 2001, in 2005 and for five years."
    assert patterns.DURATION.findall(text) == ["between 1960 and 1973", "from 1999 to 2001", "five years"]


def test_brand_names_with_a_small_first_letter_are_names() -> None:
    """"iPhone" is one name, not "Phone": an unknown "iPhone" must be caught as such."""
    from assistant.answer.patterns import capitalised_names

    found = [word for _, word in capitalised_names("When was the first iPhone sold on eBay by the ex-England star?")]
    assert found == ["iPhone", "eBay", "England"]


def test_a_year_that_ends_a_sentence_is_a_year() -> None:
    assert patterns.years_in("The economy would grow by 4.3% in 2005 and 4.2% in 2006.") == {"2005", "2006"}
    assert patterns.contradicted("It would grow by 4.2% in 2006.", ["2006"], []) == []
    assert patterns.years_in("A ratio of 2006.5 is no year.") == set()


def test_a_range_of_hours_is_one_time_but_a_range_of_years_is_not() -> None:
    found = lambda text: [m.group() for m in patterns.CLOCK_RANGE.finditer(text)]  # noqa: E731
    assert found("a curfew between 2200 and 0700, except on Sundays") == ["2200 and 0700"]
    assert found("schools open from 0800 to 1800GMT and from 9am to 5pm") == ["0800 to 1800GMT", "9am to 5pm"]
    assert found("prices rose from 1999 to 2004") == []
    assert found("between 10 and 20 people") == []


def test_a_nationality_that_opens_a_name_need_not_be_spelled_out_with_it() -> None:
    """ "the American Davis Cup side": spaCy runs the two together; the articles write "the US Davis Cup team"."""
    found = "Dean Goldfine, an assistant coach of the US Davis Cup team, is favourite for the job."
    assert unfound_names(("American Davis Cup",), found) == []
    assert unfound_names(("American Express",), "Shares in Express Newspapers fell.") == ["American Express"]  # no name left
    assert unfound_names(("Italian Davis Cup",), "He plays golf.") == ["Italian Davis Cup"]  # the rest must be there


def test_the_fed_is_the_federal_reserve() -> None:
    """A sentence of an article that writes "Federal Reserve" mentions the question's "Fed"."""
    assert "federal reserve" in patterns.name_forms("Fed") and "fed" in patterns.name_forms("Federal Reserve")
    assert patterns.mentions("the us federal reserve raised rates", "Fed")

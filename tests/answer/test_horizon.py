"""The latest year a corpus reports on, and questions about what happened after it."""

import math

import pytest

from assistant.answer.horizon import later_years, present_year


def _idf(chunks_by_year: dict[str, int], total: int = 20000) -> dict[str, float]:
    """The idf the lexical index gives a term written in that many chunks (assistant/lexical.py)."""
    return {year: math.log(1 + (total - df + 0.5) / (df + 0.5)) for year, df in chunks_by_year.items()}


def test_undated_news_reports_on_the_latest_year_it_writes_about_as_often_as_its_most_written() -> None:
    """2005 news writes 2004 most, 2005 nearly as often, and 2008 or 2010 only in plans and forecasts."""
    written = {"2003": 390, "2004": 640, "2005": 440, "2006": 130, "2008": 40, "2010": 39}
    assert present_year(_idf(written), ()) == 2005
    assert present_year(_idf(written), ("2023",)) == 2023  # dated articles say it themselves
    assert present_year(_idf({"2004": 2}), ()) is None  # too few years written to tell


@pytest.mark.parametrize("question, later", [
    ("To what level did the Bank of England cut its base interest rate in March 2009?", ["2009"]),
    ("Who became Australia's prime minister after Labor won the 2007 federal election?", ["2007"]),
    ("What was the magnitude of the March 2011 earthquake off Japan?", ["2011"]),
    ("What will the adult minimum wage rise to in October 2007?", []),  # not yet happened
    ("How many jobs did the firm say it would cut by 2008?", []),  # due by then
    ("How many stores did the chain open by 2008?", []),  # the past of a forecast: due by then
    ("What did Bush's 2006 budget propose for defence?", []),  # planned for then
    ("Has the union received a proposal to co-host the 2011 Rugby World Cup?", []),  # the event is the proposal
    ("Who won the 2005 election?", []),  # the present itself
    ("Which country won the football World Cup held in South Africa in 2010?", ["2010"]),  # the tense of "won"
    ("Who will win the World Cup held in 2010?", []),
])
def test_a_year_after_the_present_is_asked_of_only_as_when_a_past_event_happened(question: str, later: list[str]) -> None:
    years = [w.strip("?") for w in question.split() if w.strip("?").isdigit()]
    assert later_years(question, years, 2005) == later


def test_the_reader_says_the_corpus_ends_before_the_year_asked() -> None:
    from assistant.answer.reader import AFTER_PRESENT, Reader
    from assistant.terms import terms

    idf = {**_idf({"2004": 640, "2005": 440, "2008": 40}), **{t: 3.0 for t in terms("why did the banks collapse")}}
    reading = Reader(idf, None, 0.4, 3).read("Why did the banks collapse in 2008?", [])
    assert reading.rule == AFTER_PRESENT and "up to 2005" in reading.refusal and "2008" in reading.refusal, reading.refusal
    assert Reader(idf, None, 0.4, 3).read("Why will the banks collapse in 2008?", []).rule != AFTER_PRESENT

"""Publication dates in the forms news gives them, and date phrases resolved against them."""

from __future__ import annotations

import time
from datetime import date

import pytest

from assistant.dates import find_publication_date, format_date, resolve_date, resolve_span
from assistant.metadata import extract_metadata
from tests.conftest import SEEDS, require_shared_bbc

PUBLISHED = date(2023, 6, 19)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON, June 18 (Reuters) - The U.S. said its 2023 review was done.", date(2023, 6, 18)),
        ("Jan. 2 (UPI) -- Blinken and Qin spoke. Qin was named on Dec. 30, 2022.", date(2023, 1, 2)),
        ("Headline here\n\nUpdated 5:37 PM EDT, June 18, 2023\n\nThe body of the story.", date(2023, 6, 18)),
        ("Headline here\n\nPublished 12 March 2024\n\nThe body.", date(2024, 3, 12)),
        ("Headline here\nBy Jane Doe, Reuters | March 4, 2024\nThe body.", date(2024, 3, 4)),
        ("China's FM to visit US\n\nMon Jun 19 2023\n\nBEIJING: The minister will visit.", date(2023, 6, 19)),
        ("Headline here\n2023-06-19\nThe body.", date(2023, 6, 19)),
        ("Headline here\nPublished: 2023-06-18T10:00:00Z\nThe body.", date(2023, 6, 18)),
        ("Headline here\nSunday 18 June 2023 10.00 BST\nThe body.", date(2023, 6, 18)),
        # a future date in the text does not push the dateline into the next year
        ("WASHINGTON, June 18 (Reuters) - The vote on Nov. 5, 2024 looms.", date(2024, 6, 18)),
        ("LONDON, March 4, 2024 /PRNewswire/ -- Acme Corp announced a deal.", date(2024, 3, 4)),
        ("BEIJING, June 19 — Qin said the 2023 talks went better than those of 2022 and 2023.", date(2023, 6, 19)),
        ("Headline here\n\nA long story.\n\n— Hua Chunying (@SpokespersonCHN) June 18, 2023\n", date(2023, 6, 18)),
    ],
)
def test_publication_date_in_every_common_form(text: str, expected: date) -> None:
    assert find_publication_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Jan. 2 (UPI) -- A dateline with no year anywhere in the text.",
        "US duo in first spam conviction\n\nA brother and sister were convicted on Tuesday.",
        # a date inside a sentence or caption is an event, not the publication
        "Headline here\n\nBlinken speaks at the Park Hyatt on February 11, 2022 in Melbourne, Australia, "
        "at a joint press conference of the Quad Foreign Ministers meeting held there.",
        # a fixture line with a kick-off time, which the old code read as the year 2000
        "Blackburn v Burnley\nEwood Park\nTuesday, 1 March\n2000 GMT\nHoward Webb (South Yorkshire)",
        "Richey Edwards vanished 10 years ago, on 1 February 1995.",
    ],
)
def test_no_date_is_invented(text: str) -> None:
    assert find_publication_date(text) is None


def test_seed_dates() -> None:
    found = {p.name: find_publication_date(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))}
    assert found == {
        "000_38bcf376f02df4f9.txt": None,  # "Jan. 2 (UPI)" and no year in the whole text
        "001_c5a62ef91915473f.txt": None,
        "002_6d17bc3cc6b798f9.txt": date(2023, 6, 18),  # the embedded post of the day
        "003_6129a9f508479f3d.txt": date(2023, 6, 19),  # the date line under the headline
        "004_45f0cf3c5b2a69eb.txt": None,
    }
    assert extract_metadata((SEEDS / "003_6129a9f508479f3d.txt").read_text(encoding="utf-8")).date == "2023-06-19"


def test_the_bbc_corpus_gets_no_invented_dates_and_is_scanned_fast() -> None:
    bbc = require_shared_bbc("The BBC date check")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(bbc.rglob("*.txt"))]
    assert len(texts) > 2000
    started = time.perf_counter()
    found = [find_publication_date(t) for t in texts]
    elapsed = time.perf_counter() - started
    assert found.count(None) == len(texts)  # BBC files carry no publication date at all
    assert elapsed < 5.0


@pytest.mark.parametrize(
    ("phrase", "expected", "label"),
    [
        ("Sunday", date(2023, 6, 18), "June 18, 2023"),
        ("on Sunday", date(2023, 6, 18), "June 18, 2023"),
        ("Monday", date(2023, 6, 19), "June 19, 2023"),  # the publication day itself
        ("last Monday", date(2023, 6, 12), "June 12, 2023"),
        ("Wednesday night", date(2023, 6, 14), "June 14, 2023"),
        ("next Friday", date(2023, 6, 23), "June 23, 2023"),
        ("yesterday", date(2023, 6, 18), "June 18, 2023"),
        ("two days ago", date(2023, 6, 17), "June 17, 2023"),
        ("last week", date(2023, 6, 12), "the week of June 12, 2023"),
        ("earlier this month", date(2023, 6, 1), "June 2023"),
        ("this year", date(2023, 1, 1), "2023"),
        ("last year", date(2022, 1, 1), "2022"),
        ("June 18", date(2023, 6, 18), "June 18, 2023"),
        ("in February", date(2023, 2, 1), "February 2023"),
        ("March 4, 2024", date(2024, 3, 4), "March 4, 2024"),
        ("18 June 2023", date(2023, 6, 18), "June 18, 2023"),
        ("Sunday, June 18, 2023", date(2023, 6, 18), "June 18, 2023"),
        ("2023-06-18", date(2023, 6, 18), "June 18, 2023"),
        ("in 2021", date(2021, 1, 1), "2021"),
        ("over the weekend", date(2023, 6, 17), "the weekend of June 17, 2023"),
        ("next weekend", date(2023, 6, 24), "the weekend of June 24, 2023"),
        ("last night", date(2023, 6, 18), "June 18, 2023"),
        ("mid-June", date(2023, 6, 1), "June 2023"),
        ("Dec. 30", date(2022, 12, 30), "December 30, 2022"),
        ("on Christmas Eve", date(2022, 12, 24), "December 24, 2022"),
    ],
)
def test_phrases_resolve_against_the_publication_date(phrase: str, expected: date, label: str) -> None:
    assert resolve_date(phrase, PUBLISHED) == expected
    span = resolve_span(phrase, PUBLISHED)
    assert span is not None and span.label() == label


def test_a_month_without_year_takes_the_nearest_one() -> None:
    assert resolve_date("December 30", date(2023, 1, 2)) == date(2022, 12, 30)
    assert resolve_date("New Year's Day", date(2023, 1, 2)) == date(2023, 1, 1)
    assert resolve_date("in January", date(2022, 12, 20)) == date(2023, 1, 1)


@pytest.mark.parametrize("phrase", ["Sunday", "last week", "yesterday", "this year", "June 18", "in February"])
def test_relative_phrases_need_a_publication_date(phrase: str) -> None:
    assert resolve_date(phrase, None) is None


def test_absolute_phrases_need_none_and_nonsense_is_none() -> None:
    assert resolve_date("March 4, 2024", None) == date(2024, 3, 4)
    for phrase in ("", "soon", "the talks", "February 30, 2023", "x" * 10_000):
        assert resolve_date(phrase, PUBLISHED) is None


def test_format_date() -> None:
    assert format_date(date(2023, 6, 18)) == "June 18, 2023"
    assert format_date(date(2024, 3, 4)) == "March 4, 2024"


def test_resolving_is_fast_enough_for_question_time() -> None:
    started = time.perf_counter()
    for _ in range(500):
        resolve_date("on Sunday", PUBLISHED)
        resolve_date("March 4, 2024", PUBLISHED)
    assert (time.perf_counter() - started) / 1000 < 0.001

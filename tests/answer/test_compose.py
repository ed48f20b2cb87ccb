"""The extractive answer's text, and the same text renumbered to follow another answer's sentences."""

from __future__ import annotations

from assistant.answer.compose import answer_text, renumbered
from assistant.citations import Citation

FIRST = "Blinken met Qin Gang in Beijing on Sunday [2] of June."  # a bracketed number inside the article's text
SECOND = "They agreed that Qin would visit Washington."
CITATIONS = [
    Citation(1, "a.txt", 100, 100 + len(FIRST), FIRST, 100 + FIRST.index("Sunday"), 100 + FIRST.index("Sunday") + 6),
    Citation(2, "a.txt", 200, 200 + len(SECOND), SECOND),
]


def test_renumbering_changes_only_the_composed_marks() -> None:
    text = answer_text([], CITATIONS, several=False, when="June 18, 2023")
    assert text == f"**Sunday** [1] (June 18, 2023)\n\n{FIRST} [1] {SECOND} [2]"
    assert renumbered(text, CITATIONS, {1: 2, 2: 3}) == f"**Sunday** [2] (June 18, 2023)\n\n{FIRST} [2] {SECOND} [3]"
    assert renumbered(text, CITATIONS, {1: 2, 2: 1}) == f"**Sunday** [2] (June 18, 2023)\n\n{FIRST} [2] {SECOND} [1]"  # a swap


def test_a_quote_the_other_answer_already_shows_is_left_out_and_its_short_answer_stays() -> None:
    text = answer_text([], CITATIONS, several=False, when="June 18, 2023")
    assert renumbered(text, CITATIONS, {1: 1, 2: 2}, shown=frozenset({1})) == f"**Sunday** [1] (June 18, 2023)\n\n{SECOND} [2]"
    several = f"2023-06-18, Zenger News: {FIRST} [1]\nUPI: {SECOND} [2]"  # one line per story
    assert renumbered(several, CITATIONS, {1: 1, 2: 3}, shown=frozenset({1})) == f"UPI: {SECOND} [3]"
    assert renumbered(f"{SECOND} [2]", CITATIONS[1:], {2: 1}, shown=frozenset({2})) == ""

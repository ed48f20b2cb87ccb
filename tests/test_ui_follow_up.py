"""The README's follow-up conversation, typed into the real UI in headless Chromium."""

from __future__ import annotations

from typing import Any

from tests.test_ui_browser import WAIT_MS, app_url, ask, browser, page  # noqa: F401  (the same app and browser fixtures)

BALLOON = "Why did Blinken postpone his trip to Beijing in February?"
JUNE_VISIT = ("Sunday", "over the weekend", "June 18")


def _answer_text(message: Any) -> str:
    return str(message.locator(".answer").inner_text())


def _first_source(page: Any) -> tuple[str, str]:  # noqa: F811
    """The first source card of the answer on screen: its text and its highlighted quote."""
    card = page.locator("#sources .source-card").first
    card.wait_for(timeout=WAIT_MS)
    return str(card.inner_text()), str(card.locator("mark").first.inner_text())


def test_the_readme_follow_up_conversation(page: Any) -> None:  # noqa: F811
    first = _answer_text(ask(page, BALLOON))
    assert "balloon" in first

    second = ask(page, "and when was that?", answers_before=1)
    assert second.locator(".refusal").count() == 0
    assert _answer_text(second) != first  # not the same sentences again
    _, quote = _first_source(page)
    assert "February" in quote  # about the postponement: when it was

    third = ask(page, "and when did he finally go?", answers_before=2)
    assert third.locator(".refusal").count() == 0
    assert _answer_text(third) not in (first, _answer_text(second))
    card, quote = _first_source(page)
    assert any(mark in quote for mark in JUNE_VISIT) and "February" not in quote  # the June 2023 visit
    assert any(name in card for name in ("002_6d17bc3cc6b798f9.txt", "003_6129a9f508479f3d.txt", "004_45f0cf3c5b2a69eb.txt"))
    assert page.locator("#chat .user-row").all_inner_texts() == [BALLOON, "and when was that?", "and when did he finally go?"]

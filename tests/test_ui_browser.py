"""The UI in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright)."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SEEDS
from tests.helpers import free_port

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
QUESTION = "Where did Blinken meet Qin Gang?"
OFF_TOPIC = "Who won the 2022 FIFA World Cup final?"
WAIT_MS = 20_000

# Records whether an answer was ever on screen half-written, i.e. really streamed in.
WATCH_STREAMING = """
window.__sawStreaming = false;
new MutationObserver(() => {
  if (document.querySelector('#chat .answer.streaming')) window.__sawStreaming = true;
}).observe(document.body, {subtree: true, childList: true, characterData: true});
"""


@contextmanager
def serve_seeds(root: Path, extra: dict[str, str] | None = None) -> Iterator[str]:
    """The real app on a copy of the seeds (plus `extra` files by name), its index built by `launch`; yields its URL."""
    from assistant import Assistant
    from ui.app import launch

    mp = pytest.MonkeyPatch()
    mp.setenv("ASSISTANT_CONFIG", str(ROOT / "tests" / "data" / "empty.toml"))
    shutil.copytree(SEEDS, root / "corpus")
    for name, text in (extra or {}).items():
        (root / "corpus" / name).write_text(text, encoding="utf-8")
    port = free_port()
    app = launch(Assistant(corpus=root / "corpus", index=root / "index"), port=port, prevent_thread_lock=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        app.close()
        mp.undo()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_seeds(tmp_path_factory.mktemp("ui-browser")) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing at /usr/bin/chromium: run `apt-get install -y chromium` (make test does).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, app_url: str) -> Iterator[Any]:
    """A fresh browser context (its own Gradio session) with the app loaded; every request it makes is kept."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.goto(app_url, wait_until="load")
    tab.wait_for_selector("#question textarea", timeout=WAIT_MS)
    yield tab
    context.close()


def ask(page: Any, question: str, answers_before: int = 0) -> Any:
    """Type a question, press Enter, wait for its finished answer; returns the answer's message element."""
    page.fill("#question textarea", question)
    page.keyboard.press("Enter")
    finished = page.locator("#chat .answer-meta")
    finished.nth(answers_before).wait_for(timeout=WAIT_MS)
    return page.locator("#chat .bot-row").nth(answers_before)


def test_answer_streams_in_and_a_source_opens_with_the_quote_highlighted(page: Any, app_url: str) -> None:
    page.evaluate(WATCH_STREAMING)
    answer = ask(page, QUESTION)
    assert "Diaoyutai" in answer.inner_text()
    assert "answered by extractive" in answer.inner_text()
    assert page.evaluate("window.__sawStreaming"), "the answer never showed half-written"
    assert answer.locator(".cite-ref").count() >= 1

    cards = page.locator("#sources .source-card")
    assert cards.count() == len(set(answer.locator(".cite-ref").all_inner_texts()))  # the short answer repeats a marker
    card = cards.filter(has_text="Diaoyutai").first
    assert "Blinken Meets China" in card.inner_text() and "002_6d17bc3cc6b798f9.txt" in card.inner_text()
    assert "Diaoyutai State Guesthouse" in card.locator("mark").inner_text()
    card.click()
    current = page.locator("#article mark.current")
    current.wait_for(timeout=WAIT_MS)
    quote = "Secretary of State Antony Blinken met with China’s Foreign Minister Qin Gang in Beijing on Sunday at the Diaoyutai State Guesthouse."
    assert quote in current.inner_text()
    assert "This meeting marked a critical step" in page.locator("#article .article-text").inner_text()
    outside = [url for url in page.requests if not url.startswith(app_url) and not url.startswith("data:")]
    assert outside == [], "the page fetched something from outside the app"


def test_follow_up_and_refusal_in_one_conversation(page: Any) -> None:
    first = ask(page, "Why did Blinken postpone his trip to Beijing in February?").locator(".answer").inner_text()
    follow_up = ask(page, "and when was that?", answers_before=1)
    assert follow_up.locator(".refusal").count() == 0
    assert follow_up.locator(".answer").inner_text() != first and "February" in follow_up.inner_text()
    refusal = ask(page, OFF_TOPIC, answers_before=2)
    assert refusal.locator(".refusal").count() == 1 and "no sources" in refusal.inner_text()
    assert page.locator("#sources .source-card").count() == 0
    assert "No sources" in page.locator("#sources").inner_text()


def test_markup_in_a_question_stays_text(page: Any) -> None:
    attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> Where did Blinken meet Qin Gang?'
    ask(page, attack)
    assert attack in page.locator("#chat .user-row").first.inner_text()
    assert page.locator("#chat img[src='x'], #sources img[src='x']").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert attack in page.locator("#sources .sources-for").inner_text()


def test_sessions_keep_their_own_conversations(page: Any, browser: Any, app_url: str) -> None:
    other = browser.new_context()
    try:
        second = other.new_page()
        second.goto(app_url, wait_until="load")
        second.wait_for_selector("#question textarea", timeout=WAIT_MS)
        ask(page, QUESTION)
        ask(second, OFF_TOPIC)
        assert page.locator("#chat .user-row").all_inner_texts() == [QUESTION]
        assert second.locator("#chat .user-row").all_inner_texts() == [OFF_TOPIC]
        assert "Diaoyutai" in page.locator("#sources").inner_text()
        assert "No sources" in second.locator("#sources").inner_text()
    finally:
        other.close()


def test_empty_screen_offers_questions_from_the_corpus(page: Any) -> None:
    examples = page.locator("#chat button.example")
    examples.first.wait_for(timeout=WAIT_MS)
    texts = examples.all_inner_texts()
    assert len(texts) == 4 and any("Blinken Meets China’s Foreign Minister" in t for t in texts)
    examples.first.click()
    page.locator("#chat .answer-meta").first.wait_for(timeout=WAIT_MS)
    assert page.locator("#sources .source-card").count() >= 1


def test_index_panel_shows_the_index_and_reindexes(page: Any) -> None:
    assert "5 articles" in page.locator("#index-status").inner_text()
    page.click("#show-index")
    panel = page.locator("#index-panel")
    panel.wait_for(state="visible", timeout=WAIT_MS)
    assert "corpus" in panel.inner_text() and "chunks" in panel.inner_text()
    page.click("#reindex")
    page.wait_for_selector("#index-panel .report", timeout=WAIT_MS)
    assert "0 added, 0 updated, 0 removed, 5 unchanged" in panel.inner_text()

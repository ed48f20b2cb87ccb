"""The UI's layout in Chromium at 1440x900, checked by DOM geometry; each check is a defect once seen on screen.

Screenshots of every state land in the test's tmp folder, for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_ui_browser import WAIT_MS, ask, browser, serve_seeds  # noqa: F401 (browser is a fixture)

QUESTION = "Where did Blinken meet Qin Gang?"
UNTITLED = "zz_untitled.txt"
# One paragraph and no headline, on a subject no seed article touches.
UNTITLED_TEXT = (
    "Harbour officials in Dover said on Monday that the storm-damaged eastern pier will reopen to ferries in March "
    "after repairs costing 40 million pounds, ending a closure that began when waves broke through the sea wall last winter.\n"
)
UNTITLED_QUESTION = "When will the storm-damaged eastern pier in Dover reopen to ferries?"

# Every line box of the text under `root`, as [left, top, right, bottom, last character before the line's end].
TEXT_LINES = """
(root) => {
  const lines = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i); range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      if (!r.width || !node.data[i].trim()) continue;
      const last = lines[lines.length - 1];
      if (last && Math.abs(last.top - r.top) < r.height / 2) {
        last.right = Math.max(last.right, r.right); last.char = node.data[i];
      } else {
        lines.push({left: r.left, top: r.top, right: r.right, bottom: r.bottom, char: node.data[i], first: lines.length === 0 ? '' : (last.char)});
      }
    }
  }
  return lines;
}
"""


def box(page: Any, selector: str) -> dict[str, float]:
    return page.locator(selector).first.evaluate("e => e.getBoundingClientRect().toJSON()")


def overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app on the seeds plus one article without a headline."""
    with serve_seeds(tmp_path_factory.mktemp("ui-layout"), {UNTITLED: UNTITLED_TEXT}) as url:
        yield url


@pytest.fixture
def page(browser: Any, app_url: str, tmp_path: Path) -> Iterator[Any]:  # noqa: F811 (the imported fixture)
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    tab = context.new_page()
    tab.goto(app_url, wait_until="load")
    tab.wait_for_selector("#question textarea", timeout=WAIT_MS)
    tab.wait_for_timeout(400)  # Gradio's own layout settles
    yield tab
    tab.screenshot(path=str(tmp_path / "screen.png"))
    context.close()


def test_sidebar_toggle_is_whole_inside_the_window(page: Any) -> None:
    toggle = box(page, "#index-sidebar .toggle-button")
    assert toggle["width"] > 20, "the sidebar toggle is not on screen"
    assert toggle["left"] >= 4, f"the toggle touches or leaves the window's left edge at x={toggle['left']}"
    assert not overlaps(toggle, box(page, "#header h1")), "the toggle covers the title"
    inner = page.locator("#index-sidebar .toggle-button *").evaluate_all("els => els.map(e => e.getBoundingClientRect().left)")
    assert min(inner) >= toggle["left"]


def test_paths_in_the_index_panel_break_only_between_segments(page: Any) -> None:
    page.click("#show-index")
    page.locator("#index-panel").wait_for(state="visible", timeout=WAIT_MS)
    page.wait_for_timeout(500)  # the sidebar slides in
    codes = page.locator("#index-panel td code")
    assert codes.count() == 2
    wrapped = 0
    for n in range(codes.count()):
        code = codes.nth(n)
        lines = code.evaluate(TEXT_LINES)
        wrapped += len(lines) > 1
        for line in lines[1:]:
            assert line["first"] in "/ ", f"{code.inner_text()!r} breaks mid-name after {line['first']!r}"
        assert code.evaluate("e => e.parentElement.scrollWidth <= e.parentElement.clientWidth + 1")
        for outer in (code.evaluate("e => e.parentElement.getBoundingClientRect().toJSON()"), box(page, "#index-panel")):
            assert all(outer["left"] - 1 <= line["left"] and line["right"] <= outer["right"] + 1 for line in lines), code.inner_text()
    assert wrapped, "no path was long enough to wrap: the check saw nothing"


def test_an_article_without_a_headline_says_so_once(page: Any) -> None:
    ask(page, UNTITLED_QUESTION)
    card = page.locator("#sources .source-card", has_text=UNTITLED).first
    assert "(no headline)" in card.inner_text()
    card.click()
    page.locator("#article .article-view").wait_for(timeout=WAIT_MS)
    view = page.locator("#article .article-view")
    assert view.locator("h3").inner_text() == "(no headline)"
    assert view.inner_text().count(UNTITLED) == 1, "the file name is shown twice"


def test_opening_an_article_keeps_every_source_card_whole(page: Any) -> None:
    ask(page, QUESTION)
    cards = page.locator("#sources .source-card")
    assert cards.count() >= 2
    cards.first.click()
    page.locator("#article mark.current").wait_for(timeout=WAIT_MS)
    page.wait_for_timeout(300)
    container = page.locator("#sources .html-container")
    assert container.evaluate("e => e.scrollHeight <= e.clientHeight + 1"), "the sources list became a scroll box"
    outer = box(page, "#sources .html-container")
    for n in range(cards.count()):
        card = cards.nth(n).evaluate("e => e.getBoundingClientRect().toJSON()")
        assert outer["top"] - 1 <= card["top"] and card["bottom"] <= outer["bottom"] + 1, f"card [{n + 1}] is cut"
        assert card["bottom"] <= 900, f"card [{n + 1}] is below the window"
        assert cards.nth(n).evaluate("e => e.scrollHeight <= e.clientHeight + 1"), f"card [{n + 1}] cuts its text"
    assert "open" in (cards.first.get_attribute("class") or "")
    text = box(page, "#article .article-text")
    assert text["top"] < 900 - 200 and text["height"] >= 200, "the article has no room left on screen"
    assert box(page, "#article mark.current")["bottom"] <= 900, "the quote is not in view"


def test_chat_buttons_never_cover_message_text(page: Any) -> None:
    for n, question in enumerate([QUESTION, "and when was that?", "Who is Qin Gang?"]):
        ask(page, question, answers_before=n)
    scroller = page.locator("#chat .panel-wrap")
    assert scroller.evaluate("e => e.scrollHeight > e.clientHeight"), "the chat is too short to scroll"
    page.wait_for_timeout(1000)  # Gradio scrolls to the newest message shortly after it arrives
    scroller.evaluate("e => { e.scrollTop = 0; }")  # the reader scrolls back up
    button = page.locator("#chat .scroll-down-button-container button")
    button.wait_for(state="visible", timeout=WAIT_MS)
    page.wait_for_timeout(300)
    covering = {"scroll-down": box(page, "#chat .scroll-down-button-container"), "clear": box(page, "#chat .top-panel")}
    chat = box(page, "#chat .panel-wrap")
    lines = [line for message in page.locator("#chat .message").all() for line in message.evaluate(TEXT_LINES)]
    visible = [line for line in lines if chat["top"] <= line["top"] and line["bottom"] <= chat["bottom"]]
    assert len(visible) > 5
    for name, rect in covering.items():
        hidden = [line for line in visible if overlaps(rect, line)]
        assert not hidden, f"Gradio's {name} button covers chat text"

"""Remake docs/ui.png: the UI answering a seed question with a source opened.

    .venv/bin/python docs/screenshot.py [question]

Indexes seeds/ into a temporary folder, serves the app on a free local port
and photographs it with Debian's Chromium through Playwright.
"""

from __future__ import annotations

import socket
import sys
import tempfile
from pathlib import Path

from assistant import Assistant
from ui.app import launch

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def main(question: str = "Where did Blinken meet Qin Gang?", out: Path = ROOT / "docs" / "ui.png") -> None:
    from playwright.sync_api import sync_playwright

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.TemporaryDirectory() as index:
        app = launch(Assistant(corpus=ROOT / "seeds", index=index), port=port, prevent_thread_lock=True)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1440, "height": 900})
                page.goto(f"http://127.0.0.1:{port}/", wait_until="load")
                page.fill("#question textarea", question)
                page.keyboard.press("Enter")
                page.wait_for_selector("#chat .answer-meta", timeout=30_000)
                page.locator("#sources .source-card").first.click()
                page.wait_for_selector("#article mark.current", timeout=30_000)
                page.mouse.move(1, 890)  # no hover outline on the card that folded under the pointer
                page.wait_for_timeout(500)  # let the article scroll to the quote
                page.screenshot(path=str(out))
                browser.close()
        finally:
            app.close()
    print(out)


if __name__ == "__main__":
    main(*sys.argv[1:2])

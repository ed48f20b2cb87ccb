"""A line every 30 seconds naming each test that is still running, so a long step never sits silent.

With `-q` pytest prints a dot when a test ends; the index-building fixtures and the local-model test
take a minute or two each, and on two workers both can run at once. Under pytest-xdist the start and
end of every test reach the controlling process as hooks, so this runs there (or in the one process
of a plain run) and needs nothing from the workers.
"""

from __future__ import annotations

import threading
import time

import pytest

EVERY = 30.0


class Heartbeat:
    def __init__(self, config: pytest.Config) -> None:
        self._config = config
        self._running: dict[str, float] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="test-heartbeat", daemon=True)

    @pytest.hookimpl
    def pytest_sessionstart(self) -> None:
        self._thread.start()

    @pytest.hookimpl
    def pytest_sessionfinish(self) -> None:
        self._stop.set()

    @pytest.hookimpl
    def pytest_runtest_logstart(self, nodeid: str) -> None:
        with self._lock:
            self._running[nodeid] = time.monotonic()

    @pytest.hookimpl
    def pytest_runtest_logfinish(self, nodeid: str) -> None:
        with self._lock:
            self._running.pop(nodeid, None)

    def long_running(self, now: float) -> list[str]:
        """The tests running for over EVERY seconds, as `nodeid (N s)`, longest first."""
        with self._lock:
            started = sorted(self._running.items(), key=lambda item: item[1])
        return [f"{nodeid} ({now - since:.0f} s)" for nodeid, since in started if now - since >= EVERY]

    def _beat(self) -> None:
        while not self._stop.wait(EVERY):
            running = self.long_running(time.monotonic())
            reporter = self._config.pluginmanager.get_plugin("terminalreporter")
            if running and reporter is not None:
                if reporter._tw.width_of_current_line:  # after a row of dots: a line of its own
                    reporter.write("\n")
                reporter.write_line(f"… still running: {'; '.join(running)}")


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):  # the controller or a plain run, never an xdist worker
        config.pluginmanager.register(Heartbeat(config), "heartbeat")

"""The heartbeat names tests that run long, in a real pytest run, and stays quiet about short ones."""

from __future__ import annotations

import pytest

from tests import heartbeat


def test_a_long_test_is_named_while_it_runs(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(
        test_sleeps="""
        import time

        def test_quick():
            pass

        def test_long():
            time.sleep(1.5)
        """
    )
    monkeypatch.setattr(heartbeat, "EVERY", 0.5)
    result = pytester.runpytest_inprocess("-q", "-p", "tests.heartbeat")
    result.assert_outcomes(passed=2)
    beats = [line for line in result.outlines if line.startswith("… still running:")]
    assert beats and all("test_sleeps.py::test_long (" in line for line in beats), result.outlines
    assert not any("test_quick" in line for line in beats)

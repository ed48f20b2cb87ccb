"""Helpers shared by the tests: the citation contract, a free port, a percentile."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any, Iterable

from assistant.evaluation.metrics import percentile, quote_is_span

__all__ = ["assert_quotes_are_spans", "free_port", "percentile"]


def assert_quotes_are_spans(corpus: Path, citations: Iterable[Any]) -> int:
    """Every citation (a Citation or its dict) quotes its file's text between start and end; returns how many."""
    count = 0
    for c in citations:
        cited = c if isinstance(c, dict) else c.to_dict()
        assert quote_is_span(Path(corpus), cited["source"], cited["start"], cited["end"], cited["quote"]), (
            f"{cited['source']}[{cited['start']}:{cited['end']}] is not the quote {cited['quote']!r}"
        )
        count += 1
    return count


def free_port() -> int:
    """A TCP port nobody listens on right now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])

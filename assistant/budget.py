"""A time budget for one answer: past it the caller gets a clear error instead of waiting on.

Python cannot stop a thread from outside, so the answer is produced in a
worker thread that is told to stop and does so at its next piece (a model's
next token). The bounds on every input (assistant/api.py) keep the work
between two pieces short; the budget is the second line of defence.
"""

from __future__ import annotations

import contextvars
import queue
import threading
import time
from collections.abc import Callable, Generator, Iterator
from typing import Any, TypeVar

from assistant.errors import AnswerTimeoutError

T = TypeVar("T")


def within_budget(seconds: float, produce: Callable[[], Iterator[T]]) -> Iterator[T]:
    """The items of `produce()`, made in a worker thread; AnswerTimeoutError once `seconds` have passed."""
    items: queue.Queue[tuple[str, Any]] = queue.Queue()
    stop = threading.Event()

    def work() -> None:
        pieces = None
        try:
            pieces = produce()
            for piece in pieces:
                if stop.is_set():
                    return
                items.put(("item", piece))
            items.put(("done", None))
        except BaseException as error:  # handed to the caller's thread, raised there
            items.put(("error", error))
        finally:
            if isinstance(pieces, Generator):
                pieces.close()  # a model stream stops here, its connection closed

    threading.Thread(target=contextvars.copy_context().run, args=(work,), daemon=True, name="answer").start()
    deadline = time.monotonic() + seconds
    try:
        while True:
            try:
                kind, value = items.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AnswerTimeoutError(
                    f"No answer within {seconds:g} s; try a shorter question, or ask again when the assistant is less busy."
                ) from None
            if kind == "done":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        stop.set()

"""One indexing run at a time per index folder, across processes (the CLI, the UI's Re-index, the API).

Two runs at once would both embed everything and report each other's counts. The lock is
a file in the index folder held with the operating system's file lock (`filelock`), so
it is released when its process ends, even when killed. Readers never take it.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from filelock import FileLock, Timeout

from assistant.errors import IndexBusyError

LOCK_FILE = ".index.lock"


@contextmanager
def index_lock(index: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the index's lock; when another run holds it, wait (after telling `on_wait`) or,
    without `on_wait`, raise IndexBusyError at once."""
    lock = FileLock(str(index / LOCK_FILE))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        message = f"Another indexing run is updating the index at {index}"
        if on_wait is None:
            raise IndexBusyError(f"{message}; try again when it has finished.") from None
        on_wait(f"{message}; waiting for it to finish...")
        lock.acquire()
    try:
        yield
    finally:
        lock.release()

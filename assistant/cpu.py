"""How busy this machine's cores are, for the native thread pools (llama.cpp, ONNX Runtime) that size themselves."""

from __future__ import annotations

import os


def idle_cores() -> int:
    """Cores not already busy: llama.cpp's threads wait for each other, so one thread
    too many on a loaded machine costs far more than it adds (measured under a load
    of 14 on 2 cores: 1 thread generated 6.4 tokens/s, 2 threads 0.5)."""
    cores = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average (Windows): assume the cores are free, as before this check
        return cores
    return max(1, min(cores, round(cores - load)))


def machine_is_busy() -> bool:
    """Other work already holds a core. Thread pools that spin while they wait for work
    then take cycles from it: two processes embedding at once on 2 cores each took
    26 s for 1,200 chunks with ONNX Runtime's spinning on, 20 s with it off (9.5 s and
    11.5 s alone)."""
    return idle_cores() < (os.cpu_count() or 1)

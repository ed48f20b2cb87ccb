"""How busy this machine's cores are, for the native thread pools (llama.cpp, ONNX Runtime) that size themselves."""

from __future__ import annotations

import os
import time

SAMPLE_SECONDS = 0.5  # long enough to see a busy core, short beside the model's load


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


def free_cores(seconds: float = SAMPLE_SECONDS) -> int:
    """Cores that other processes leave free right now, this process's own work aside.

    The load average counts this process too, and it is busiest just before the
    local model loads (imports, the embedding model, the reader): on 2 idle cores
    `idle_cores()` then gave llama.cpp 1 thread, and it read prompts at 27 tokens/s
    instead of 30-60. Here the whole machine's CPU time over a short window, less
    this process's, says how many cores others hold. Without /proc, the load average.
    """
    cores = os.cpu_count() or 1
    try:
        machine, own = _busy_seconds(), _own_seconds()
        time.sleep(seconds)
        others = (_busy_seconds() - machine) - (_own_seconds() - own)
    except (OSError, ValueError, IndexError):
        return idle_cores()
    return cores_left(cores, others / seconds)


def cores_left(cores: int, others_busy: float) -> int:
    """Whole cores free when others keep `others_busy` cores' worth of CPU busy (at least one)."""
    return max(1, min(cores, round(cores - others_busy)))


def _busy_seconds() -> float:
    """CPU seconds every core has spent on work since boot (/proc/stat: all but idle and iowait)."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = [int(v) for v in stat.readline().split()[1:9]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def _own_seconds() -> float:
    times = os.times()
    return times.user + times.system

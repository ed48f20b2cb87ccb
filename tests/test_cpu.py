"""How many threads the local model gets: the cores others leave free, this process's own work aside."""

from __future__ import annotations

import os
import threading
import time

from assistant import cpu


def test_this_processs_own_work_does_not_count_against_the_model(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.3, 1.0, 1.0))  # the load average counts this process too
    machine = iter([100.0, 101.0])  # both cores busy through the 0.5 s window...
    own = iter([10.0, 11.0])  # ...all of it this process's own work
    monkeypatch.setattr(cpu, "_busy_seconds", lambda: next(machine))
    monkeypatch.setattr(cpu, "_own_seconds", lambda: next(own))
    assert cpu.idle_cores() == 1 and cpu.free_cores(0.5) == 2

    machine, own = iter([100.0, 100.6]), iter([10.0, 10.1])  # another process holds a core
    assert cpu.free_cores(0.5) == 1
    assert cpu.cores_left(4, 1.4) == 3 and cpu.cores_left(2, 9.0) == 1 and cpu.cores_left(2, 0.0) == 2


def test_the_machines_cpu_time_is_read_from_proc_and_grows_with_work() -> None:
    stop = threading.Event()

    def spin() -> None:
        while not stop.is_set():
            pass

    before, own = cpu._busy_seconds(), cpu._own_seconds()
    worker = threading.Thread(target=spin)
    worker.start()
    time.sleep(0.4)
    stop.set()
    worker.join()
    assert cpu._own_seconds() - own > 0.2  # this process's threads count in its own time
    assert cpu._busy_seconds() - before >= cpu._own_seconds() - own - 0.05  # and in the machine's
    assert 1 <= cpu.free_cores(0.2) <= (os.cpu_count() or 1)


def test_without_proc_the_load_average_decides(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.2, 1.0, 1.0))

    def no_proc() -> float:
        raise OSError("no /proc")

    monkeypatch.setattr(cpu, "_busy_seconds", no_proc)
    assert cpu.free_cores(0.01) == 1

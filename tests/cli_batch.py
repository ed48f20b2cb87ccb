"""Run several `assistant` command lines in one child process and report each one's exit code and output.

Tests that open damaged indexes run the CLI in a child process, since a damage that reached Chroma's
native code would take the test process down with it. Starting one interpreter per command costs
about four seconds of imports each; one child for a whole batch pays them once, and a native crash
still fails the batch, with the output of the commands that ran before it.

Usage: python -m tests.cli_batch BATCH.json, where BATCH.json holds a list of argument lists; prints
one line per command as it ends, `RESULT {"code", "stdout", "stderr"}`, in order.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Sequence


def run_one(argv: list[str]) -> dict[str, object]:
    """`assistant <argv>` as its console script runs it, with an uncaught exception shown as Python would."""
    from assistant.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        except BaseException:  # what the interpreter would print, so tests can look for "Traceback"
            err.write(traceback.format_exc())
            code = 1
    return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}


MARK = "RESULT "


def main(batch: Path) -> int:
    for argv in json.loads(batch.read_text(encoding="utf-8")):
        print(MARK + json.dumps(run_one([str(a) for a in argv])), flush=True)  # line by line: a crash keeps what ran
    return 0


def results(stdout: str) -> list[dict[str, object]]:
    """The results a batch printed, skipping anything native code wrote to the same stream."""
    return [json.loads(line[len(MARK) :]) for line in stdout.splitlines() if line.startswith(MARK)]


def run_batch(commands: list[list[str]], work: Path, env: dict[str, str], cwd: Path, wrapper: Sequence[str] = ()) -> list[dict]:  # type: ignore[type-arg]
    """Each command's exit code and output, all run in one child process (started under `wrapper`, e.g.
    `unshare -n`); fails with the child's last words when it died before the end of the batch."""
    batch = work / "cli-batch.json"
    batch.write_text(json.dumps(commands), encoding="utf-8")
    command = [*wrapper, sys.executable, "-m", "tests.cli_batch", str(batch)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, timeout=900)
    found = results(done.stdout)
    assert done.returncode == 0 and len(found) == len(commands), (done.returncode, found[-1:], done.stderr[-3000:])
    return found


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))

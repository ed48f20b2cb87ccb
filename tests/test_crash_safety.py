"""SIGKILL `assistant index` at random moments, change the corpus between runs, and check nothing is lost or doubled."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.corpus import scan_corpus
from assistant.lexical import LexicalIndex
from assistant.locking import LOCK_FILE
from tests.conftest import ROOT, SHARED_BBC, require_shared_bbc
from tests.helpers import assert_quotes_are_spans

KILLS = 6  # each 0.1-2.5 s after the run takes the index lock: a kill during the CLI's imports would test nothing
FILES = 60


def _bbc_sample(target: Path) -> Path:
    require_shared_bbc("The crash test")
    target.mkdir()
    for path in sorted((SHARED_BBC / "business").glob("*.txt"))[:FILES]:
        shutil.copy(path, target / path.name)
    return target


def _start_index(corpus: Path, index: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env["ASSISTANT_CONFIG"] = str(ROOT / "tests" / "data" / "empty.toml")
    return subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "--corpus", str(corpus), "--index", str(index), "index"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _wait_until_indexing(process: subprocess.Popen, index: Path) -> None:
    """Return once the run holds the index lock, so the kill lands in its work however slow its imports are."""
    from filelock import FileLock, Timeout

    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if (index / LOCK_FILE).exists():
            probe = FileLock(str(index / LOCK_FILE))
            try:
                probe.acquire(timeout=0)
            except Timeout:
                return
            probe.release()
        time.sleep(0.05)
    if process.poll() != 0:  # a run that finished its little work between two looks has nothing left to kill
        raise AssertionError(f"the indexing run never took the index lock (exit code {process.poll()})")


def _mutate(corpus: Path, rng: random.Random, step: int) -> None:
    files = sorted(corpus.glob("*.txt"))
    rng.choice(files).write_text(f"Edited headline {step}\n\nThe edit number {step} changed this story.\n", encoding="utf-8")
    if len(files) > 30:
        rng.choice(files).unlink()
    (corpus / f"new_{step}.txt").write_text(f"New story {step}\n\nA fresh article number {step} about markets.\n", encoding="utf-8")


@pytest.mark.slow
def test_killed_indexing_runs_leave_a_consistent_index(tmp_path: Path) -> None:
    corpus = _bbc_sample(tmp_path / "corpus")
    index = tmp_path / "index"
    rng = random.Random(7)
    for step in range(KILLS):
        process = _start_index(corpus, index)
        _wait_until_indexing(process, index)
        time.sleep(rng.uniform(0.1, 2.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        _mutate(corpus, rng, step)

    final = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "--corpus", str(corpus), "--index", str(index), "index"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "ASSISTANT_CONFIG": str(ROOT / "tests" / "data" / "empty.toml")},
    )
    assert final.returncode == 0, final.stderr

    assistant = Assistant(corpus=corpus, index=index)
    articles = {a.source: a.digest for a in scan_corpus(corpus).articles}
    ledger = assistant.store.ledger_entries()
    assert {s: e.digest for s, e in ledger.items()} == articles  # every file, in its current version, once

    got = assistant.store.chunks.get(include=["metadatas"])
    assert len(got["ids"]) == len(set(got["ids"]))
    per_source = Counter(m["source"] for m in got["metadatas"])
    assert set(per_source) == set(articles)  # deleted files are gone
    for chunk_id, meta in zip(got["ids"], got["metadatas"]):
        assert meta["digest"] == articles[meta["source"]], chunk_id  # no chunk of an old version survives
    assert all(per_source[s] == ledger[s].chunks for s in articles)

    lexical = LexicalIndex.load(index / "lexical")
    assert lexical is not None and set(lexical.ids) == set(got["ids"])  # Chroma and BM25 agree
    answer = assistant.ask("Which article is about markets?")
    assert assert_quotes_are_spans(corpus, answer.citations) > 0

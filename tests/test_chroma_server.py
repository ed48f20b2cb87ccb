"""The assistant against a real Chroma server (`chroma run`) instead of the embedded database.

Everything that matters for the embedded index must hold over HTTP too:
incremental runs, updates and deletions, verified citations, and the seed
golden set at the thresholds of tests/test_golden.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.evaluation import (
    load_golden,
    run_golden,
    summarize,
    unverified_citations,
)
from tests.conftest import ROOT, SEEDS
from tests.helpers import assert_quotes_are_spans, free_port
from tests.test_golden import GOLDEN, MAX_FALSE_REFUSALS, THRESHOLDS

CHROMA = Path(sys.executable).parent / "chroma"
START_TIMEOUT = 30.0


def wait_for_heartbeat(server: subprocess.Popen[bytes], port: int) -> None:
    import chromadb

    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"chroma run exited with {server.returncode}")
        try:
            chromadb.HttpClient(host="127.0.0.1", port=port).heartbeat()
            return
        except Exception:  # not listening yet
            time.sleep(0.2)
    raise RuntimeError(f"chroma run did not answer on port {port} within {START_TIMEOUT} s")


@pytest.fixture(scope="module")
def chroma_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A `chroma run` server of its own, on a free port, stopped at the end of the module."""
    if not CHROMA.exists():
        pytest.fail(f"{CHROMA} is missing; the chromadb package installs it")
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    log = (data / "server.log").open("wb")
    server = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_heartbeat(server, port)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture(scope="module")
def served(chroma_port: int, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """An Assistant over a copy of the seeds whose vectors live in the server; its first report."""
    from assistant import Assistant

    mp = pytest.MonkeyPatch()
    mp.setenv("ASSISTANT_CONFIG", str(ROOT / "tests" / "data" / "empty.toml"))
    corpus = tmp_path_factory.mktemp("served-corpus") / "seeds"
    shutil.copytree(SEEDS, corpus)
    assistant = Assistant(
        corpus=corpus, index=tmp_path_factory.mktemp("served-index"),
        chroma_host="127.0.0.1", chroma_port=chroma_port,
    )
    report = assistant.index()
    yield assistant, report
    mp.undo()


def test_index_lives_in_the_server(served, chroma_port: int) -> None:  # type: ignore[no-untyped-def]
    import chromadb

    assistant, report = served
    assert len(report.added) == len(list(SEEDS.glob("*.txt")))
    names = {str(getattr(c, "name", c)) for c in chromadb.HttpClient(host="127.0.0.1", port=chroma_port).list_collections()}
    assert f"{assistant.settings.collection}_chunks" in names
    assert not (assistant.settings.index / "chroma").exists()
    assert assistant.stats()["index"] == f"chroma server 127.0.0.1:{chroma_port}"


def test_unchanged_corpus_adds_nothing(served) -> None:  # type: ignore[no-untyped-def]
    assistant, first = served
    again = assistant.index()
    assert (again.added, again.updated, again.removed) == ([], [], [])
    assert sorted(again.unchanged) == sorted(first.added)
    assert again.chunks == first.chunks


def test_answer_cites_a_verified_span(served) -> None:  # type: ignore[no-untyped-def]
    assistant, _ = served
    answer = assistant.ask("Where did Blinken meet Qin Gang?")
    assert answer.answered and answer.citations
    assert_quotes_are_spans(assistant.settings.corpus, answer.citations)


def test_seed_golden_set_meets_the_thresholds(served) -> None:  # type: ignore[no-untyped-def]
    assistant, _ = served
    results = run_golden(assistant, load_golden(GOLDEN))
    summary = summarize(results, assistant.settings.corpus)
    for metric, floor in THRESHOLDS.items():
        assert summary[metric] >= floor, (metric, summary)
    assert summary["false_refusal_rate"] <= MAX_FALSE_REFUSALS, summary
    assert unverified_citations(results, assistant.settings.corpus) == []


def test_changed_and_deleted_files_follow(chroma_port: int, tmp_path: Path) -> None:
    """A second collection in the same server, so the shared index above stays intact."""
    from assistant import Assistant

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    assistant = Assistant(
        corpus=corpus, index=tmp_path / "index", collection="changes",
        chroma_host="127.0.0.1", chroma_port=chroma_port,
    )
    first = assistant.index()
    changed, deleted = sorted(corpus.glob("*.txt"))[:2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe harbour pilots of Valparaiso struck for nine days.\n", encoding="utf-8")
    deleted.unlink()
    report = assistant.index()
    assert report.updated == [changed.name]
    assert report.removed == [deleted.name]
    assert report.added == []
    assert deleted.name not in assistant.store.ledger_entries()
    assert assistant.store.chunks.get(where={"source": deleted.name})["ids"] == []
    assert report.chunks == assistant.store.chunk_count() < first.chunks
    answer = assistant.ask("For how many days did the harbour pilots of Valparaiso strike?")
    assert answer.answered
    assert {c.source for c in answer.citations} == {changed.name}
    assert all(c.source != deleted.name for c in assistant.ask("Where did Blinken meet Qin Gang?").citations)

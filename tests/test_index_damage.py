"""A damaged index is named on open, by `ask` and by `index` alike, and `--rebuild` cures it.

Each damage is done to real files of a real embedded Chroma index that holds
enough chunks (over 1,000) for Chroma to have written its HNSW segment to disk,
and the CLI runs in a subprocess: some of these damages crashed Chroma's
native code, which would take a test process down with it.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import ROOT, SEEDS, SHARED_BBC

ARTICLES = 110  # about 1,300 chunks: past Chroma's HNSW sync threshold of 1,000
QUESTION = "What did the chancellor say about the economy?"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env["ASSISTANT_CONFIG"] = str(ROOT / "tests" / "data" / "empty.toml")
    return env


def _command(corpus: Path, index: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "assistant.cli", "--corpus", str(corpus), "--index", str(index), *args]


def cli(corpus: Path, index: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_command(corpus, index, *args), capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=300)


def cli_process(corpus: Path, index: Path, *args: str) -> subprocess.Popen[str]:
    """The CLI started, not waited for: the damage checks run `ask` and `index` side by side."""
    return subprocess.Popen(
        _command(corpus, index, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(), cwd=ROOT
    )


@pytest.fixture(scope="module")
def bbc_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A corpus of BBC articles and its index, built once; tests damage copies of it."""
    if not SHARED_BBC.is_dir():
        pytest.fail(f"These tests need the BBC corpus at {SHARED_BBC} (../shared beside the checkout).")
    corpus = tmp_path_factory.mktemp("bbc-corpus")
    for path in sorted(SHARED_BBC.rglob("*.txt"))[::20][:ARTICLES]:
        shutil.copy(path, corpus / f"{path.parent.name}-{path.name}")
    index = tmp_path_factory.mktemp("bbc-index") / "index"
    built = cli(corpus, index, "index")
    assert built.returncode == 0, built.stderr
    return corpus, index


def _segment_file(index: Path, name: str) -> Path:
    """The file of the chunk collection's HNSW segment (the largest one) that has this name."""
    candidates = sorted((index / "chroma").glob(f"*/{name}"), key=lambda p: p.stat().st_size)
    assert candidates and candidates[-1].stat().st_size > 0, f"Chroma wrote no {name}"
    return candidates[-1]


def _overwrite(path: Path, at: float = 0.0, size: int = 4096) -> None:
    """Random bytes (seeded) from a fraction `at` into the file."""
    noise = random.Random(path.name).randbytes(min(size, path.stat().st_size))
    with path.open("r+b") as handle:
        handle.seek(int(path.stat().st_size * at))
        handle.write(noise)


def _truncate(path: Path, keep: int = 10) -> None:
    with path.open("r+b") as handle:
        handle.truncate(keep)


DAMAGES: dict[str, Callable[[Path], None]] = {
    "data_level0.bin truncated": lambda i: _truncate(_segment_file(i, "data_level0.bin"), 1000),
    "data_level0.bin random bytes": lambda i: _overwrite(_segment_file(i, "data_level0.bin"), 0.3, 200_000),
    "header.bin truncated": lambda i: _truncate(_segment_file(i, "header.bin")),
    "header.bin random bytes": lambda i: _overwrite(_segment_file(i, "header.bin"), 0.0, 100),
    "link_lists.bin truncated": lambda i: _truncate(_segment_file(i, "link_lists.bin"), 100),
    "link_lists.bin random bytes": lambda i: _overwrite(_segment_file(i, "link_lists.bin"), 0.2, 2000),
    "metadata pickle random bytes": lambda i: _overwrite(_segment_file(i, "index_metadata.pickle"), 0.0, 1000),
    "metadata pickle truncated": lambda i: _truncate(_segment_file(i, "index_metadata.pickle"), 50),
    "chroma.sqlite3 random bytes inside": lambda i: _overwrite(i / "chroma" / "chroma.sqlite3", 0.5, 65536),
    "chroma.sqlite3 truncated": lambda i: _truncate(i / "chroma" / "chroma.sqlite3", 200_000),
}


@pytest.mark.slow
@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_each_damage_is_named_by_ask_and_by_index(bbc_index: tuple[Path, Path], tmp_path: Path, damage: str) -> None:
    corpus, built = bbc_index
    copies = {}
    for name in ("ask", "index"):  # one damaged copy per command, so both run at once
        index = copies[name] = tmp_path / name
        shutil.copytree(built, index)
        before = {p: p.read_bytes() for p in index.rglob("*") if p.is_file()}
        DAMAGES[damage](index)
        assert any(p.read_bytes() != content for p, content in before.items())  # the damage was done
    running = {
        name: cli_process(corpus, copies[name], *args)
        for name, args in (("ask", ("ask", QUESTION)), ("index", ("index",)))
    }
    for name, process in running.items():
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 2, (name, process.returncode, stdout, stderr)
        assert "Traceback" not in stderr
        assert f"The index at {copies[name]} is damaged (" in stderr
        assert "run `assistant index --rebuild`" in stderr
        assert "unchanged" not in stdout  # `index` no longer reports a damaged index as fine


@pytest.mark.slow
def test_rebuild_cures_the_damage(bbc_index: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, built = bbc_index
    index = tmp_path / "index"
    shutil.copytree(built, index)
    for damage in ("data_level0.bin random bytes", "chroma.sqlite3 random bytes inside"):  # the vectors and the database
        DAMAGES[damage](index)
    assert cli(corpus, index, "ask", QUESTION).returncode == 2
    rebuilt = cli(corpus, index, "index", "--rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert f"{ARTICLES} added" in rebuilt.stdout
    asked = cli(corpus, index, "ask", QUESTION)
    assert asked.returncode == 0, asked.stderr
    segments = {p.name for p in (index / "chroma").iterdir() if p.is_dir()}
    assert len(segments) == 2, segments  # the damaged segment's folder went with it


def test_chunks_missing_from_chroma_are_named(corpus_copy: Path, tmp_path: Path) -> None:
    from assistant import Assistant
    from assistant.errors import IndexCorruptError

    index = tmp_path / "index"
    Assistant(corpus=corpus_copy, index=index).index()
    store = Assistant(corpus=corpus_copy, index=index).store
    some = store.chunks.get(limit=5)["ids"]
    store.chunks.delete(ids=some)
    with pytest.raises(IndexCorruptError, match=r"is damaged \(the ledger records \d+ chunks but Chroma holds \d+\)"):
        Assistant(corpus=corpus_copy, index=index).ask("Where did Blinken meet Qin Gang?")


def test_an_index_run_redoes_files_whose_chunks_went_missing(corpus_copy: Path, tmp_path: Path) -> None:
    """A run killed between dropping a changed file's old chunks and recording its new ones leaves the
    ledger counting chunks Chroma no longer holds: the next index run redoes those files, not refuses."""
    from assistant import Assistant

    index = tmp_path / "index"
    Assistant(corpus=corpus_copy, index=index).index()
    store = Assistant(corpus=corpus_copy, index=index).store
    before = store.chunk_count()
    some = store.chunks.get(limit=5)["ids"]
    store.chunks.delete(ids=some)
    assert store.short_files(store.ledger_entries()) == {i.rsplit("#", 2)[0] for i in some}

    report = Assistant(corpus=corpus_copy, index=index).index()
    assert set(report.updated) == {i.rsplit("#", 2)[0] for i in some}
    repaired = Assistant(corpus=corpus_copy, index=index)
    assert repaired.store.chunk_count() == before
    assert repaired.ask("Where did Blinken meet Qin Gang?").answered


def test_a_hand_trimmed_lexical_file_is_rebuilt_not_a_traceback(tmp_path: Path) -> None:
    import json

    index = tmp_path / "index"
    assert cli(SEEDS, index, "index").returncode == 0
    (saved,) = (index / "lexical").glob("chunks-*.json")
    payload = json.loads(saved.read_text())
    payload["ids"] = payload["ids"][:10]  # valid JSON, but no longer the chunks the BM25 matrix scores
    payload["texts"] = payload["texts"][:10]
    saved.write_text(json.dumps(payload))
    asked = cli(SEEDS, index, "ask", "Where did Blinken meet Qin Gang?")
    assert asked.returncode == 0, asked.stderr
    assert "Diaoyutai" in asked.stdout

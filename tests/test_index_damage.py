"""A damaged index is named on open, by `ask` and by `index` alike, and `--rebuild` cures it.

Each damage is done to real files of a real embedded Chroma index that holds
enough chunks (over 1,000) for Chroma to have written its HNSW segment to disk.
The commands run in a child process (`tests/cli_batch.py`, one for all of them):
some of these damages crashed Chroma's native code, which would take a test
process down with it.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from tests.cli_batch import run_batch
from tests.conftest import ROOT, SEEDS, SHARED_BBC

ARTICLES = 66  # about 1,150 chunks of at most CHUNK_CHARS: past Chroma's HNSW sync threshold of 1,000
CHUNK_CHARS = "100"  # a sentence a chunk: the chunks Chroma needs from two thirds of the text (and its words)
QUESTION = "What did the chancellor say about the economy?"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env["ASSISTANT_CONFIG"] = str(ROOT / "tests" / "data" / "empty.toml")
    env["ASSISTANT_CHUNK_CHARS"] = CHUNK_CHARS
    return env


def _args(corpus: Path, index: Path, *args: str) -> list[str]:
    return ["--corpus", str(corpus), "--index", str(index), *args]


def cli(corpus: Path, index: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "assistant.cli", *_args(corpus, index, *args)]
    return subprocess.run(command, capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=300)


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
COMMANDS = {"ask": ("ask", QUESTION), "index": ("index",)}
REBUILD_DAMAGES = ("data_level0.bin random bytes", "chroma.sqlite3 random bytes inside")  # the vectors and the database


def _damaged_copy(built: Path, target: Path, damages: tuple[str, ...]) -> Path:
    shutil.copytree(built, target)
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    for damage in damages:
        DAMAGES[damage](target)
    assert any(p.read_bytes() != content for p, content in before.items())  # the damage was done
    return target


@pytest.fixture(scope="module")
def damage_runs(bbc_index: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    """`ask` and `index` on a damaged copy of the index per damage (one copy per command), and the rebuild
    of a copy with its vectors and database damaged, asked before and after: every command in one batch."""
    corpus, built = bbc_index
    work = tmp_path_factory.mktemp("damages")
    runs: dict[tuple[str, str], Path] = {}
    commands = []
    for number, damage in enumerate(sorted(DAMAGES)):
        for name, args in COMMANDS.items():
            index = runs[damage, name] = _damaged_copy(built, work / f"{number}-{name}", (damage,))
            commands.append(_args(corpus, index, *args))
    rebuilt = _damaged_copy(built, work / "rebuilt", REBUILD_DAMAGES)
    commands += [_args(corpus, rebuilt, "ask", QUESTION), _args(corpus, rebuilt, "index", "--rebuild"),
                 _args(corpus, rebuilt, "ask", QUESTION)]
    done = run_batch(commands, work, _env(), ROOT)
    found = {key: (index, result) for (key, index), result in zip(runs.items(), done)}
    found["rebuild"] = (rebuilt, done[len(runs) :])
    return found


@pytest.mark.slow
@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_each_damage_is_named_by_ask_and_by_index(damage_runs: dict, damage: str) -> None:  # type: ignore[type-arg]
    for name in COMMANDS:
        index, result = damage_runs[damage, name]
        assert result["code"] == 2, (name, result)
        assert "Traceback" not in result["stderr"]
        assert f"The index at {index} is damaged (" in result["stderr"]
        assert "run `assistant index --rebuild`" in result["stderr"]
        assert "unchanged" not in result["stdout"]  # `index` no longer reports a damaged index as fine


@pytest.mark.slow
def test_rebuild_cures_the_damage(damage_runs: dict) -> None:  # type: ignore[type-arg]
    index, (damaged, rebuilt, asked) = damage_runs["rebuild"]
    assert damaged["code"] == 2, damaged
    assert rebuilt["code"] == 0, rebuilt
    assert f"{ARTICLES} added" in rebuilt["stdout"]
    assert asked["code"] == 0, asked
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


def test_a_hand_trimmed_lexical_file_is_rebuilt_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import main

    index = tmp_path / "index"
    assert main(_args(SEEDS, index, "index")) == 0
    (saved,) = (index / "lexical").glob("chunks-*.json")
    payload = json.loads(saved.read_text())
    payload["ids"] = payload["ids"][:10]  # valid JSON, but no longer the chunks the BM25 matrix scores
    payload["texts"] = payload["texts"][:10]
    saved.write_text(json.dumps(payload))
    capsys.readouterr()
    assert main(_args(SEEDS, index, "ask", "Where did Blinken meet Qin Gang?")) == 0, capsys.readouterr().err
    assert "Diaoyutai" in capsys.readouterr().out

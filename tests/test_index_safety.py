"""What indexing may delete, who may index at once, and the advice each unusable index gets."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.errors import CorpusError, IndexBusyError, IndexMissingError, IndexUnavailableError
from assistant.locking import index_lock
from tests.conftest import ROOT

QUESTION = "Where did Blinken meet Qin Gang?"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # nothing listens once the socket is closed


def files_under(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def built(corpus_copy: Path, tmp_path: Path) -> tuple[Path, Path]:
    index = tmp_path / "index"
    Assistant(corpus=corpus_copy, index=index).index()
    return corpus_copy, index


def test_rebuild_against_an_unreachable_server_deletes_nothing(built: tuple[Path, Path]) -> None:
    corpus, index = built
    before = files_under(index)
    port = closed_port()
    with pytest.raises(IndexUnavailableError, match=f"Cannot reach the Chroma server at 127.0.0.1:{port}") as raised:
        Assistant(corpus=corpus, index=index, chroma_host="127.0.0.1", chroma_port=port).index(rebuild=True)
    assert "--rebuild" not in str(raised.value) and "nothing was changed" in str(raised.value)
    assert files_under(index) == before


def test_rebuild_and_updates_delete_only_the_files_the_index_wrote(built: tuple[Path, Path]) -> None:
    corpus, index = built
    mine = {index / "notes.txt": b"my notes", index / "lexical" / "keep.json": b"{}", index / "chroma" / "README": b"x"}
    for path, content in mine.items():
        path.write_bytes(content)
    old_versions = sorted(p.name for p in (index / "lexical").iterdir() if p.name != "keep.json")
    (corpus / "new.txt").write_text("Harbour news\n\nThe harbour pilots of Valparaiso struck for nine days.\n")
    report = Assistant(corpus=corpus, index=index).index()
    assert report.added == ["new.txt"]
    current = sorted(p.name for p in (index / "lexical").iterdir() if p.name != "keep.json")
    assert set(current) != set(old_versions) and "stamp.json" in current  # old versions were replaced...
    assert not set(old_versions) - {"stamp.json"} & set(current)  # ...and removed
    Assistant(corpus=corpus, index=index).index(rebuild=True)
    for path, content in mine.items():
        assert path.read_bytes() == content  # ...while the user's files stayed, through a rebuild too


def test_a_second_run_waits_for_the_lock_or_is_told_the_index_is_busy(built: tuple[Path, Path]) -> None:
    corpus, index = built
    messages: list[str] = []
    reports = []
    with index_lock(index):
        with pytest.raises(IndexBusyError, match="Another indexing run is updating the index"):
            Assistant(corpus=corpus, index=index).index()
        waiter = threading.Thread(target=lambda: reports.append(Assistant(corpus=corpus, index=index).index(on_wait=messages.append)))
        waiter.start()
        deadline = time.monotonic() + 60
        while not messages and time.monotonic() < deadline:
            time.sleep(0.05)
        assert messages and "waiting for it to finish" in messages[0]
        assert waiter.is_alive() and not reports  # it waits while the lock is held
    waiter.join(timeout=120)
    assert reports and len(reports[0].unchanged) == 5


def test_the_ui_reindex_uses_the_same_lock(built: tuple[Path, Path]) -> None:
    from ui.chat import ChatService

    corpus, index = built
    service = ChatService(Assistant(corpus=corpus, index=index))
    with index_lock(index):
        with pytest.raises(IndexBusyError, match="try again when it has finished"):
            service.reindex()
    assert "5 unchanged" in service.reindex()


def test_the_cli_waits_with_a_message_while_another_process_indexes(built: tuple[Path, Path]) -> None:
    corpus, index = built
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env["ASSISTANT_CONFIG"] = str(ROOT / "tests" / "data" / "empty.toml")
    with index_lock(index):
        run = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "--corpus", str(corpus), "--index", str(index), "index"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
        )
        assert run.stderr is not None
        first = run.stderr.readline()  # blocks until the CLI says something
        assert "waiting for it to finish" in first, first
        assert run.poll() is None
    out, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    assert "5 unchanged" in out


def test_named_pipes_and_sockets_are_skipped_without_being_opened(corpus_copy: Path, tmp_path: Path) -> None:
    os.mkfifo(corpus_copy / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(corpus_copy / "sock.txt"))
    try:
        result: list = []
        run = threading.Thread(target=lambda: result.append(Assistant(corpus=corpus_copy, index=tmp_path / "i").index()))
        run.start()
        run.join(timeout=300)
        assert not run.is_alive(), "indexing hung on the named pipe"
        reasons = {s.source: s.reason for s in result[0].skipped}
        assert reasons["pipe.txt"] == "not a regular file (a named pipe)"
        assert reasons["sock.txt"] == "not a regular file (a socket)"
        assert len(result[0].added) == 5
    finally:
        server.close()


def test_a_device_file_is_skipped_without_being_opened(tmp_path: Path) -> None:
    import stat

    from assistant.corpus import read_article

    device = tmp_path / "zero.txt"
    try:
        os.mknod(device, stat.S_IFCHR | 0o644, os.makedev(1, 5))  # /dev/zero: reading it never ends
    except PermissionError:
        pytest.skip("creating a device file needs CAP_MKNOD")
    skipped = read_article(tmp_path, device)
    assert getattr(skipped, "reason", None) == "not a regular file (a character device)"


def test_asking_with_a_missing_corpus_or_index_names_it_and_creates_nothing(built: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, index = built
    with pytest.raises(CorpusError, match="does not exist"):
        Assistant(corpus=tmp_path / "no-corpus", index=index).ask(QUESTION)
    nowhere = tmp_path / "no-index"
    with pytest.raises(IndexMissingError, match="Run `assistant index` first"):
        Assistant(corpus=corpus, index=nowhere).ask(QUESTION)
    assert not nowhere.exists()
    with pytest.raises(CorpusError, match="does not exist"):
        Assistant(corpus=tmp_path / "no-corpus", index=nowhere).index()
    assert not nowhere.exists()


def test_an_empty_corpus_is_refused_with_its_reason(tmp_path: Path) -> None:
    corpus = tmp_path / "empty"
    corpus.mkdir()
    (corpus / "blank.txt").write_text("  \n")
    with pytest.raises(CorpusError, match=r"holds no articles .*blank.txt: empty file.*nothing was indexed"):
        Assistant(corpus=corpus, index=tmp_path / "index").index()


def test_an_index_path_that_is_a_file_is_named(built: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, _ = built
    path = tmp_path / "a-file"
    path.write_text("not an index")
    for action in (lambda a: a.ask(QUESTION), lambda a: a.index()):
        with pytest.raises(IndexUnavailableError, match="is a file, not a folder") as raised:
            action(Assistant(corpus=corpus, index=path))
        assert "--rebuild" not in str(raised.value)
    assert path.read_text() == "not an index"


def test_an_unreachable_server_is_named_not_called_damage(built: tuple[Path, Path]) -> None:
    corpus, index = built
    port = closed_port()
    with pytest.raises(IndexUnavailableError, match=f"Cannot reach the Chroma server at 127.0.0.1:{port}") as raised:
        Assistant(corpus=corpus, index=index, chroma_host="127.0.0.1", chroma_port=port).ask(QUESTION)
    assert "--rebuild" not in str(raised.value)


@pytest.fixture
def read_only(built: tuple[Path, Path], tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """The built index seen through a read-only bind mount (chmod would not stop root)."""
    corpus, index = built
    mount = tmp_path / "read-only"
    mount.mkdir()
    bind = subprocess.run(["mount", "--bind", str(index), str(mount)], capture_output=True, text=True)
    if bind.returncode != 0:
        pytest.fail(f"this test needs a read-only bind mount (run as root with mount): {bind.stderr.strip()}")
    try:
        ro = subprocess.run(["mount", "-o", "remount,bind,ro", str(mount)], capture_output=True, text=True)
        assert ro.returncode == 0, ro.stderr
        assert not os.access(mount, os.W_OK)  # what the code checks: EROFS applies to root as well
        yield corpus, mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_an_index_on_a_read_only_mount_answers_and_index_says_why_it_cannot(read_only: tuple[Path, Path]) -> None:
    corpus, index = read_only
    before = files_under(index)
    answer = Assistant(corpus=corpus, index=index).ask(QUESTION)
    assert answer.answered and "Diaoyutai" in answer.answer
    with pytest.raises(IndexUnavailableError, match="is read-only") as raised:
        Assistant(corpus=corpus, index=index).index()
    assert "--rebuild" not in str(raised.value) and "Questions can still be asked" in str(raised.value)
    assert files_under(index) == before

"""Incremental indexing against a real embedded Chroma: nothing duplicated, nothing stale."""

from collections import Counter
from pathlib import Path

from assistant import Assistant


def _chunk_sources(assistant: Assistant) -> Counter:
    got = assistant.store.chunks.get(include=["metadatas"])
    return Counter(m["source"] for m in got["metadatas"])


def _ids(assistant: Assistant) -> list[str]:
    return assistant.store.chunks.get()["ids"]


def test_reindex_is_incremental_and_never_duplicates(corpus_copy: Path, tmp_path: Path) -> None:
    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "idx")
    first = assistant.index()
    assert len(first.added) == 5 and first.chunks > 0
    before = _chunk_sources(assistant)

    again = assistant.index()
    assert (again.added, again.updated, again.removed) == ([], [], [])
    assert len(again.unchanged) == 5
    assert _chunk_sources(assistant) == before

    changed = corpus_copy / "004_45f0cf3c5b2a69eb.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new closing paragraph about trade talks was added.\n", encoding="utf-8")
    (corpus_copy / "000_38bcf376f02df4f9.txt").unlink()
    (corpus_copy / "sub").mkdir()
    (corpus_copy / "sub" / "new.md").write_text("Fresh story.\n\nThe harbour reopened on Monday after repairs.\n")

    third = assistant.index()
    assert third.updated == ["004_45f0cf3c5b2a69eb.txt"]
    assert third.removed == ["000_38bcf376f02df4f9.txt"]
    assert third.added == ["sub/new.md"]
    sources = _chunk_sources(assistant)
    assert "000_38bcf376f02df4f9.txt" not in sources
    assert before["004_45f0cf3c5b2a69eb.txt"] <= sources["004_45f0cf3c5b2a69eb.txt"] <= before["004_45f0cf3c5b2a69eb.txt"] + 1
    texts = assistant.store.chunks.get(where={"source": "004_45f0cf3c5b2a69eb.txt"})["documents"]
    assert sum("closing paragraph about trade talks" in t for t in texts) == 1
    ids = _ids(assistant)
    assert len(ids) == len(set(ids)) == third.chunks
    assert len(assistant.lexical) == third.chunks

    answer = assistant.ask("When did the harbour reopen?")
    assert answer.answered and answer.citations[0].source == "sub/new.md"


def test_interrupted_file_is_redone_without_duplicates(corpus_copy: Path, tmp_path: Path) -> None:
    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "idx")
    report = assistant.index()
    # Simulate a crash after a file's chunks were written but before its ledger record was.
    assistant.store.ledger.delete(ids=["002_6d17bc3cc6b798f9.txt"])
    fresh = Assistant(corpus=corpus_copy, index=tmp_path / "idx")
    redo = fresh.index()
    assert redo.added == ["002_6d17bc3cc6b798f9.txt"]
    ids = _ids(fresh)
    assert len(ids) == len(set(ids)) == report.chunks


def test_rebuild_starts_from_nothing(corpus_copy: Path, tmp_path: Path) -> None:
    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "idx")
    chunks = assistant.index().chunks
    rebuilt = assistant.index(rebuild=True)
    assert len(rebuilt.added) == 5 and rebuilt.chunks == chunks


def test_asking_before_indexing_says_what_to_do(corpus_copy: Path, tmp_path: Path) -> None:
    import pytest

    from assistant.errors import IndexMissingError

    with pytest.raises(IndexMissingError, match="assistant index"):
        Assistant(corpus=corpus_copy, index=tmp_path / "never-built").ask("Anything?")

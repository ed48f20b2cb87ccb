"""Incremental indexing against a real embedded Chroma: nothing duplicated, nothing stale."""

from collections import Counter
from pathlib import Path

import pytest

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


def test_chunks_of_a_killed_run_whose_file_was_then_deleted_are_swept(corpus_copy: Path, tmp_path: Path) -> None:
    (corpus_copy / "gone.txt").write_text("Short-lived\n\nThis story was indexed by a run that was killed.\n")
    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "idx")
    assistant.index()
    # A run killed after writing gone.txt's chunks but before its ledger record; then the file is deleted.
    assistant.store.ledger.delete(ids=["gone.txt"])
    (corpus_copy / "gone.txt").unlink()
    fresh = Assistant(corpus=corpus_copy, index=tmp_path / "idx")
    report = fresh.index()
    assert report.removed == [] and report.changed is False
    assert "gone.txt" not in _chunk_sources(fresh)
    assert sorted(fresh.lexical.ids) == sorted(_ids(fresh))


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


def test_lexical_index_is_updated_in_place_and_matches_a_full_rebuild(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    from assistant.indexer import Indexer, lexical_dir
    from assistant.lexical import LexicalIndex
    from assistant.store import ChunkStore

    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "idx")
    assistant.index()
    changed = corpus_copy / "001_c5a62ef91915473f.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe ferry to Kythira was cancelled.\n", encoding="utf-8")
    (corpus_copy / "003_6129a9f508479f3d.txt").unlink()
    (corpus_copy / "new.txt").write_text("Harbour news\n\nThe Kythira ferry will sail again in May.\n")

    def no_full_read(self: ChunkStore) -> None:
        raise AssertionError("an update must not read every chunk back from Chroma")

    with monkeypatch.context() as patch:
        patch.setattr(ChunkStore, "all_chunks", no_full_read)
        assistant.index()
    updated = LexicalIndex.load(lexical_dir(assistant.settings))
    assert updated is not None and updated.stamp == assistant.lexical.stamp
    assert sorted(p.name for p in lexical_dir(assistant.settings).iterdir()) == sorted(
        [f"bm25-{updated.stamp[:16]}", f"chunks-{updated.stamp[:16]}.json", f"tokens-{updated.stamp[:16]}.json", "stamp.json"]
    )  # older versions are gone

    rebuilt = Indexer(assistant.settings, assistant.store, assistant.embed_model).refresh_lexical(force=True)
    assert sorted(updated.ids) == sorted(rebuilt.ids) == sorted(_ids(assistant))
    assert updated.idf == pytest.approx(rebuilt.idf)
    for query in ("Kythira ferry", "Blinken Qin Gang talks", "trade"):
        found = {updated.ids[h.position]: h.score for h in updated.search(query, 10)}
        expected = {rebuilt.ids[h.position]: h.score for h in rebuilt.search(query, 10)}
        assert found == pytest.approx(expected)
    assert "003_6129a9f508479f3d.txt" not in {m["source"] for m in updated.metas}


def test_a_saved_bm25_index_of_other_terms_is_rebuilt_and_accents_match(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant import lexical

    (corpus_copy / "tevez.txt").write_text("Tevez moves\n\nCarlos Tevez is joining Corinthians of S&#227;o Paulo.\n")
    with monkeypatch.context() as patch:  # an index saved by a version whose terms differed
        patch.setattr(lexical, "TERMS_VERSION", "0")
        Assistant(corpus=corpus_copy, index=tmp_path / "idx").index()
    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "idx")
    assert assistant.lexical.stamp == lexical.ledger_stamp(assistant.store.ledger_entries())
    hits = assistant.lexical.search("Sao Paulo", 3)
    assert hits and assistant.lexical.metas[hits[0].position]["source"] == "tevez.txt"


def test_corpus_notes_are_not_indexed_and_leave_when_excluded(corpus_copy: Path, tmp_path: Path) -> None:
    (corpus_copy / "README.md").write_text("About this folder: five articles collected for testing.\n")
    everything = Assistant(corpus=corpus_copy, index=tmp_path / "idx", exclude=[]).index()
    assert "README.md" in everything.added
    report = Assistant(corpus=corpus_copy, index=tmp_path / "idx").index()
    assert report.removed == ["README.md"]
    assert [s.reason for s in report.skipped if s.source == "README.md"] == ["excluded by the pattern 'README*'"]


def test_an_update_survives_its_saved_terms_going_missing(corpus_copy: Path, tmp_path: Path) -> None:
    from assistant.indexer import lexical_dir
    from assistant.lexical import LexicalIndex

    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "idx")
    assistant.index()
    loaded = LexicalIndex.load(lexical_dir(assistant.settings))
    assert loaded is not None
    for saved in lexical_dir(assistant.settings).glob("tokens-*.json"):
        saved.unlink()  # as when another process's save replaced this version after it was loaded
    meta = {"source": "new.txt", "start": 0, "end": 40, "title": "Harbour news"}
    updated = loaded.updated({"002_6d17bc3cc6b798f9.txt"}, [("new.txt#0#0", "The Kythira ferry will sail again.", meta)], "s")
    expected = LexicalIndex.build(updated.ids, updated.texts, updated.metas, "s")
    assert updated.tokens() == expected.tokens() and updated.idf == expected.idf
    assert updated.ids[updated.search("Kythira ferry", 1)[0].position] == "new.txt#0#0"


def test_files_split_by_an_older_chunking_are_indexed_again_once(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A release that splits articles differently raises corpus.CHUNKING_VERSION, part of every digest: the
    next run re-indexes every file once, replacing its chunks."""
    from assistant import corpus

    current = corpus.CHUNKING_VERSION
    monkeypatch.setattr(corpus, "CHUNKING_VERSION", b"chunking v2\n")
    report = Assistant(corpus=corpus_copy, index=tmp_path / "idx").index()
    monkeypatch.setattr(corpus, "CHUNKING_VERSION", current)

    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "idx")
    again = assistant.index()
    assert sorted(again.updated) == sorted(report.added) and not again.added
    assert len(_ids(assistant)) == len(set(_ids(assistant))) == report.chunks
    assert Assistant(corpus=corpus_copy, index=tmp_path / "idx").index().updated == []  # once

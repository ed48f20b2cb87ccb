"""News metadata filters (date, folder/file) and near-duplicate stories, on a real index."""

from datetime import date
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.errors import AssistantError
from assistant.filters import Filters, parse_filters

QUESTION = "What did Blinken and Qin discuss?"


def test_date_filter_keeps_only_dated_articles_in_range(seeds_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = seeds_assistant.ask(QUESTION, filters=parse_filters(since="2023-06-01", until="2023-06-30"))
    assert answer.answered and answer.citations
    # the two articles dated in June 2023 (a date line, an embedded post of June 18)
    assert {c.source for c in answer.citations} <= {"002_6d17bc3cc6b798f9.txt", "003_6129a9f508479f3d.txt"}
    assert answer.to_dict()["notice"] == "The date filter left out 3 articles that give no publication date."
    none = seeds_assistant.ask(QUESTION, filters=parse_filters(until="2020-01-01"))
    assert not none.answered and none.citations == []
    assert "left out 3 articles" in none.notice
    unfiltered = seeds_assistant.ask(QUESTION)
    assert "left out" not in unfiltered.notice


def test_undated_articles_are_counted_within_the_source_filter() -> None:
    metas = [
        {"source": "a.txt", "day": 20230618}, {"source": "b.txt", "day": 0}, {"source": "b.txt", "day": 0},
        {"source": "sport/c.txt", "day": 0}, {"source": "sport/d.txt"},
    ]
    assert Filters(since=date(2023, 1, 1)).undated_left_out(metas) == 3
    assert Filters(since=date(2023, 1, 1), sources=("sport",)).undated_left_out(metas) == 2
    assert Filters(sources=("sport",)).undated_left_out(metas) == 0  # no date filter, nothing left out for a date


def test_source_filter_limits_citations_to_that_file(seeds_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = seeds_assistant.ask(QUESTION, filters=parse_filters(sources=["000_38bcf376f02df4f9.txt"]))
    assert answer.citations and {c.source for c in answer.citations} == {"000_38bcf376f02df4f9.txt"}


def test_chroma_where_clause_selects_what_the_python_filter_accepts(seeds_assistant) -> None:  # type: ignore[no-untyped-def]
    chunks = seeds_assistant.store.chunks
    for filters in (
        Filters(since=date(2023, 6, 1)),
        Filters(sources=("002_6d17bc3cc6b798f9.txt",)),
        Filters(since=date(2023, 1, 1), sources=("003_6129a9f508479f3d.txt", "000_38bcf376f02df4f9.txt")),
    ):
        everything = chunks.get(include=["metadatas"])
        expected = {i for i, m in zip(everything["ids"], everything["metadatas"]) if filters.accepts(m)}
        assert set(chunks.get(where=filters.where())["ids"]) == expected
        assert expected


def test_folder_filter_on_a_nested_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    for folder, text in (("sport", "The striker scored twice in the cup final on Saturday. The club opened its new stadium on Thursday."),
                         ("business", "The bank raised interest rates by a quarter point on Thursday.")):
        (corpus / folder).mkdir(parents=True)
        (corpus / folder / "1.txt").write_text(f"Headline here\n\n{text}\n", encoding="utf-8")
    assistant = Assistant(corpus=corpus, index=tmp_path / "i")
    assistant.index()
    unfiltered = assistant.ask("What happened on Thursday?")
    assert "business/1.txt" in {c.source for c in unfiltered.citations}  # without the filter, business is cited
    answer = assistant.ask("What happened on Thursday?", filters=parse_filters(sources=["sport"]))
    assert answer.citations and all(c.source.startswith("sport/") for c in answer.citations)
    with pytest.raises(AssistantError, match="since"):
        parse_filters(since="last tuesday")


def test_near_duplicate_wire_stories_share_a_story_id(seeds_assistant, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    metas = seeds_assistant.store.chunks.get(include=["metadatas"])["metadatas"]
    story = {m["source"]: m["story"] for m in metas}
    # The AP story on the June phone call and its rewrite on another site.
    assert story["004_45f0cf3c5b2a69eb.txt"] == story["001_c5a62ef91915473f.txt"]
    assert len(set(story.values())) == 4


def test_an_exact_copy_is_the_same_story_and_not_double_counted(corpus_copy: Path, tmp_path: Path) -> None:
    original = corpus_copy / "003_6129a9f508479f3d.txt"
    (corpus_copy / "zz_copy_of_003.txt").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "i")
    assistant.index()
    metas = assistant.store.chunks.get(include=["metadatas"])["metadatas"]
    assert {m["story"] for m in metas if m["source"] == "zz_copy_of_003.txt"} == {"003_6129a9f508479f3d.txt"}
    answer = assistant.ask("What did Blinken and Qin agree on in Beijing?")
    copies = {"003_6129a9f508479f3d.txt", "zz_copy_of_003.txt"}
    assert copies & {c.source for c in answer.citations}  # the answer does quote the twice-indexed story
    quotes = [c.quote for c in answer.citations]
    assert len(quotes) == len(set(quotes))  # the same sentence is never cited twice from two copies


def _story_of(assistant: Assistant, source: str) -> set[str]:
    metas = assistant.store.chunks.get(where={"source": source}, include=["metadatas"])["metadatas"]
    return {m["story"] for m in metas}


def test_copies_in_later_batches_are_found_in_memory_without_querying_chroma(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.indexer as indexer_module
    from chromadb.api.models.Collection import Collection

    original = corpus_copy / "003_6129a9f508479f3d.txt"
    (corpus_copy / "zz_copy_of_003.txt").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(indexer_module, "EMBED_BATCH_CHUNKS", 5)  # every file in a batch of its own

    def no_query(*args: object, **kwargs: object) -> None:
        raise AssertionError("a fresh build compares its own chunks in memory")

    with monkeypatch.context() as patch:
        patch.setattr(Collection, "query", no_query)
        assistant = Assistant(corpus=corpus_copy, index=tmp_path / "i")
        assistant.index()
    assert _story_of(assistant, "zz_copy_of_003.txt") == {"003_6129a9f508479f3d.txt"}
    assert _story_of(assistant, "004_45f0cf3c5b2a69eb.txt") == _story_of(assistant, "001_c5a62ef91915473f.txt")


def test_a_copy_added_later_joins_the_indexed_story(corpus_copy: Path, tmp_path: Path) -> None:
    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "i")
    assistant.index()
    original = corpus_copy / "003_6129a9f508479f3d.txt"
    (corpus_copy / "zz_copy_of_003.txt").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    assert assistant.index().added == ["zz_copy_of_003.txt"]
    assert _story_of(assistant, "zz_copy_of_003.txt") == {"003_6129a9f508479f3d.txt"}


def test_past_the_in_memory_limit_copies_are_found_through_chroma(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.duplicates as duplicates
    import assistant.indexer as indexer_module

    original = corpus_copy / "003_6129a9f508479f3d.txt"
    (corpus_copy / "zz_copy_of_003.txt").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(indexer_module, "EMBED_BATCH_CHUNKS", 5)
    monkeypatch.setattr(duplicates, "IN_MEMORY_CHUNKS", 3)  # only the first file's chunks stay in memory
    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "i")
    assistant.index()
    assert _story_of(assistant, "zz_copy_of_003.txt") == {"003_6129a9f508479f3d.txt"}

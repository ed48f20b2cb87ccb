"""Bad questions, bad corpora and damaged indexes: a clear response, no crash, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.corpus import scan_corpus
from assistant.errors import BadQuestionError, IndexCorruptError
from tests.helpers import assert_quotes_are_spans

ODD_QUESTIONS = [
    "x" * 100_000,
    "Where did Blinken\x00 meet\x07 Qin\x1b[31m Gang?",
    "🇨🇳🇺🇸 Blinken 🤝 Qin? 🙂",
    "布林肯在哪里会见了秦刚？",
    "Где Блинкен встретился с Цинь Ганом?",
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "'; DROP TABLE chunks; -- OR 1=1",
    "{passages} {question} %s %(x)s",
    "[1] [2] [99]",
]


@pytest.mark.parametrize("question", ODD_QUESTIONS, ids=range(len(ODD_QUESTIONS)))
def test_odd_questions_get_an_answer_or_a_refusal(seeds_assistant, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = seeds_assistant.ask(question)
    assert isinstance(answer.answered, bool)
    assert len(answer.question) <= 2000
    assert_quotes_are_spans(seeds_assistant.settings.corpus, answer.citations)


@pytest.mark.parametrize("question", ["", "   \n\t ", "\x00\x01"])
def test_empty_questions_are_refused_with_a_sentence(seeds_assistant, question: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadQuestionError, match="empty"):
        seeds_assistant.ask(question)


def test_bad_corpus_files_are_skipped_with_reasons(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    deep = corpus.joinpath(*[f"level{n}" for n in range(30)])
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text("Deep story\n\nThe deepest article says the river flooded in March.\n")
    (corpus / "huge.txt").write_bytes(b"word " * (11 * 1024 * 1024))  # 55 MB
    (corpus / "dangling.txt").symlink_to(tmp_path / "does-not-exist.txt")
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "escape.txt").symlink_to("/etc/hostname")
    (corpus / "ok.md").write_text("# Fine\n\nThe council approved the new budget on Monday.\n")

    scan = scan_corpus(corpus)
    reasons = {s.source: s.reason for s in scan.skipped}
    assert {a.source for a in scan.articles} == {"ok.md", "/".join(f"level{n}" for n in range(30)) + "/deep.txt"}
    assert "too large" in reasons["huge.txt"]
    assert "broken" in reasons["dangling.txt"]
    assert "outside" in reasons["escape.txt"]

    assistant = Assistant(corpus=corpus, index=tmp_path / "index")
    report = assistant.index()
    assert len(report.added) == 2 and len(report.skipped) == 3
    assert assistant.ask("When did the river flood?").answered


def test_a_damaged_index_is_named_and_rebuild_recovers(corpus_copy: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    Assistant(corpus=corpus_copy, index=index).index()
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
    (index / "chroma" / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    damaged = Assistant(corpus=corpus_copy, index=index)
    with pytest.raises(IndexCorruptError, match="--rebuild"):
        damaged.ask("Where did Blinken meet Qin Gang?")
    report = Assistant(corpus=corpus_copy, index=index).index(rebuild=True)
    assert len(report.added) == 5
    assert Assistant(corpus=corpus_copy, index=index).ask("Where did Blinken meet Qin Gang?").answered


def test_a_half_written_lexical_index_is_rebuilt(corpus_copy: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    Assistant(corpus=corpus_copy, index=index).index()
    (saved,) = (index / "lexical").glob("chunks-*.json")
    saved.write_text('{"ids": [')
    assert Assistant(corpus=corpus_copy, index=index).ask("Where did Blinken meet Qin Gang?").answered


def test_reader_keeps_answering_while_a_reindex_runs(corpus_copy: Path, tmp_path: Path) -> None:
    import threading

    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "index")
    assistant.index()
    for n in range(40):
        (corpus_copy / f"extra_{n}.txt").write_text(f"Extra {n}\n\nFiller story number {n} about weather.\n" * 5)
    errors: list[BaseException] = []

    def reindex() -> None:
        try:
            Assistant(corpus=corpus_copy, index=tmp_path / "index").index()
        except BaseException as error:  # noqa: BLE001
            errors.append(error)

    writer = threading.Thread(target=reindex)
    writer.start()
    answered = 0
    while writer.is_alive():
        answer = assistant.ask("Where did Blinken meet Qin Gang?")
        answered += answer.answered
    writer.join()
    assert not errors and answered >= 1

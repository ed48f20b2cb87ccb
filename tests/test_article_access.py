"""The article view (`Assistant.article`, the UI's `/source`) serves indexed articles and nothing else."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

from assistant.errors import CorpusError
from tests.conftest import SEEDS
from tests.test_ui_api import free_port

ARTICLE = "002_6d17bc3cc6b798f9.txt"
# Files that sit inside the corpus folder but are not indexed articles.
NOT_ARTICLES = [".env", "secret.txt.bak", "README.md", "notes/.hidden.txt", "added-after-indexing.txt"]


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Seeds plus the files of a real folder: a key, a backup, a README, and the index itself inside the corpus."""
    from assistant import Assistant

    mp = pytest.MonkeyPatch()
    mp.setenv("ASSISTANT_CONFIG", str(Path(__file__).parent / "data" / "empty.toml"))
    corpus = tmp_path_factory.mktemp("crowded") / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / ".env").write_text("OPENAI_API_KEY=sk-live-000\n")
    (corpus / "secret.txt.bak").write_text("Private notes that must never be served.\n")
    (corpus / "README.md").write_text("# About this folder\n\nNotes about the corpus, excluded from the index.\n")
    (corpus / "notes").mkdir()
    (corpus / "notes" / ".hidden.txt").write_text("A hidden file the indexer skips.\n")
    assistant = Assistant(corpus=corpus, index=corpus / "index")
    report = assistant.index()
    (corpus / "added-after-indexing.txt").write_text("Written after the index was built; not an article yet.\n")
    yield assistant, report
    mp.undo()


def index_files(assistant) -> list[str]:  # type: ignore[no-untyped-def]
    root = assistant.settings.corpus
    return sorted(p.relative_to(root).as_posix() for p in (root / "index").rglob("*") if p.is_file())


def test_indexed_articles_are_served(crowded) -> None:  # type: ignore[no-untyped-def]
    assistant, report = crowded
    assert assistant.article(ARTICLE).title.startswith("Blinken Meets")


@pytest.mark.parametrize("source", NOT_ARTICLES)
def test_files_that_are_not_indexed_articles_are_refused(crowded, source: str) -> None:  # type: ignore[no-untyped-def]
    assistant, _ = crowded
    assert (assistant.settings.corpus / source).is_file()  # the file really is there to be read
    with pytest.raises(CorpusError, match="not an article of this corpus"):
        assistant.article(source)


@pytest.mark.parametrize("crafted", ["x" * 5000, "a/" * 3000, "a\x00b", "\udcff", 42], ids=["long", "deep", "nul", "surrogate", "number"])
def test_crafted_names_are_refused_with_a_sentence(crowded, crafted: object) -> None:  # type: ignore[no-untyped-def]
    assistant, _ = crowded
    with pytest.raises(CorpusError, match="not an article of this corpus") as refused:
        assistant.article(crafted)  # type: ignore[arg-type]
    assert len(str(refused.value)) < 300 and str(refused.value).isprintable()


def test_the_index_own_files_are_refused(crowded) -> None:  # type: ignore[no-untyped-def]
    assistant, _ = crowded
    files = index_files(assistant)
    assert any(f.endswith("chroma.sqlite3") for f in files) and any("/lexical/" in f for f in files)
    for source in files:
        with pytest.raises(CorpusError):
            assistant.article(source)


def test_an_article_excluded_after_indexing_is_refused(crowded) -> None:  # type: ignore[no-untyped-def]
    from assistant import Assistant

    assistant, _ = crowded
    narrowed = Assistant(settings=assistant.settings, exclude=["002_*"])
    with pytest.raises(CorpusError):
        narrowed.article(ARTICLE)


@pytest.fixture(scope="module")
def client(crowded) -> Iterator[Client]:  # type: ignore[no-untyped-def]
    from ui.app import launch

    assistant, _ = crowded
    port = free_port()
    app = launch(assistant, port=port, prevent_thread_lock=True)
    yield Client(f"http://127.0.0.1:{port}/", verbose=False)
    app.close()


def test_source_endpoint_refuses_every_file_that_is_not_an_indexed_article(client: Client, crowded) -> None:  # type: ignore[no-untyped-def]
    assistant, _ = crowded
    assert client.predict(ARTICLE, api_name="/source")["title"].startswith("Blinken Meets")
    for source in NOT_ARTICLES + index_files(assistant):
        with pytest.raises(AppError, match="not an article of this corpus"):
            client.predict(source, api_name="/source")

"""Shared fixtures: a real index of the seed articles, built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["pytester", "tests.heartbeat"]  # pytester: tests/test_pytest_plugin.py runs pytest on golden files

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_BBC = ROOT.parent / "shared" / "corpora" / "bbc"


def require_shared_bbc(what: str) -> Path:
    """The BBC corpus, or a failure saying where it belongs: a missing corpus must not pass as a skip."""
    if not SHARED_BBC.is_dir():
        pytest.fail(f"{what} needs the BBC corpus at {SHARED_BBC} (../shared/corpora/bbc beside the checkout).")
    return SHARED_BBC


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never pick up a developer's assistant.toml or ASSISTANT_* variables."""
    import os

    for name in list(os.environ):
        if name.startswith("ASSISTANT_") or name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("ASSISTANT_CONFIG", str(ROOT / "tests" / "data" / "empty.toml"))


@pytest.fixture(scope="session")
def seeds_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("seeds-index")


@pytest.fixture(scope="session")
def seeds_assistant(seeds_index: Path):  # type: ignore[no-untyped-def]
    """An Assistant over the repository's seeds/, indexed once."""
    from assistant import Assistant

    mp = pytest.MonkeyPatch()
    mp.setenv("ASSISTANT_CONFIG", str(ROOT / "tests" / "data" / "empty.toml"))
    assistant = Assistant(corpus=SEEDS, index=seeds_index)
    assistant.index()
    yield assistant
    mp.undo()


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the seeds, for tests that change files."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules holding slow tests run first: `make test` spreads modules over two workers
    (pytest-xdist, `--dist loadfile --no-loadscope-reorder`), and a long module taken up last
    would leave one worker running it alone while the other has finished."""
    def module(item: pytest.Item) -> str:
        return getattr(getattr(item, "module", None), "__name__", "")  # golden-file items have no module

    slow_modules = {module(item) for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: 0 if module(item) in slow_modules else 1)

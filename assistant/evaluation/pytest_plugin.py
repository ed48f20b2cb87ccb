"""Golden files as pytest tests: `pytest my-questions.jsonl` runs one test per question, named by its id.

Registered through the `pytest11` entry point. A `.jsonl` file is collected
only when it is named on the command line or listed under the `golden` ini
option, so a project whose golden sets are expected to miss some questions
is not failed by a plain `pytest`. The `golden_assistant` fixture gives any
test an `Assistant` on a temporary index of the golden corpus; override it in
a conftest.py to test another answerer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from assistant.evaluation.golden import GoldenItem, GoldenSet, read_golden


class GoldenMiss(AssertionError):
    """A golden question answered wrongly; the message is the whole report."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("golden", "golden question files (news assistant)")
    group.addoption("--golden-corpus", help="answer golden files from this corpus instead of the one in their header")
    parser.addini("golden", type="args", default=[],
                  help="golden .jsonl files (or glob patterns, relative to the rootdir) to collect as tests")
    parser.addini("golden_corpus", default="", help="corpus for golden files and the golden_assistant fixture")


def pytest_configure(config: pytest.Config) -> None:
    """When pytest runs without paths, the listed golden files are collected next to testpaths."""
    if config.args_source != pytest.Config.ArgsSource.ARGS:
        config.args += [str(p) for p in _listed_files(config) if not _under_any(p, config.args, config.rootpath)]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".jsonl" and _wanted(file_path, parent.config):
        return GoldenFile.from_parent(parent, path=file_path)
    return None


class GoldenFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        golden = read_golden(self.path)
        self.golden = golden
        for item in golden.items:
            yield GoldenQuestion.from_parent(self, name=item.id, callobj=_checker(item))


class GoldenQuestion(pytest.Function):
    """One golden question; its failure report is the question, what was expected and what came back."""

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> Any:  # type: ignore[override]
        if isinstance(excinfo.value, GoldenMiss):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"golden question {self.name}"


def _checker(item: GoldenItem) -> Any:
    def check(golden_assistant: Any) -> None:
        from assistant.evaluation.junit import explain_miss
        from assistant.evaluation.metrics import run_golden

        result = run_golden(golden_assistant, [item])[0]
        if not result.passed:
            raise GoldenMiss(f"golden question {item.id} missed\n{explain_miss(result)}")

    return check


@pytest.fixture(scope="session")
def _golden_assistants() -> dict[Path, Any]:
    """One indexed Assistant per corpus, shared by every test of the session."""
    return {}


@pytest.fixture
def golden_assistant(request: pytest.FixtureRequest, _golden_assistants: dict[Path, Any]) -> Any:
    """An `Assistant` on a temporary index of the corpus: --golden-corpus, the golden_corpus ini, else the header."""
    from assistant import Assistant

    corpus = _corpus_for(request)
    if corpus not in _golden_assistants:
        index = request.getfixturevalue("tmp_path_factory").mktemp("golden-index")
        assistant = Assistant(corpus=corpus, index=index)
        assistant.index()
        _golden_assistants[corpus] = assistant
    return _golden_assistants[corpus]


def _corpus_for(request: pytest.FixtureRequest) -> Path:
    config = request.config
    chosen = config.getoption("golden_corpus") or config.getini("golden_corpus")
    if chosen:
        return _resolve(str(chosen), config)
    golden = _golden_of(request.node)
    if golden is not None and golden.header.corpus:
        return _resolve(golden.header.corpus, config)
    raise pytest.UsageError(
        "golden_assistant needs a corpus: give the golden file a header with \"corpus\", "
        "or pass --golden-corpus, or set golden_corpus in the pytest ini."
    )


def _golden_of(node: pytest.Item) -> GoldenSet | None:
    parent = node.getparent(GoldenFile)
    if parent is not None:
        return parent.golden
    listed = _listed_files(node.config)
    return read_golden(listed[0]) if listed else None


def _resolve(corpus: str, config: pytest.Config) -> Path:
    """Relative to the rootdir (the repository root), else to where pytest was started."""
    for base in (config.rootpath, config.invocation_params.dir):
        if (base / corpus).is_dir():
            return (base / corpus).resolve()
    raise pytest.UsageError(f"The golden corpus {corpus} is not a folder under {config.rootpath}.")


def _listed_files(config: pytest.Config) -> list[Path]:
    found: list[Path] = []
    for pattern in config.getini("golden"):
        matches = sorted(config.rootpath.glob(pattern)) or [config.rootpath / pattern]
        found += [p.resolve() for p in matches]
    return found


def _wanted(path: Path, config: pytest.Config) -> bool:
    path = path.resolve()
    named = {(config.invocation_params.dir / arg.split("::")[0]).resolve() for arg in config.invocation_params.args if not arg.startswith("-")}
    return path in named or path in _listed_files(config)


def _under_any(path: Path, args: list[str], root: Path) -> bool:
    for arg in args:
        base = (root / arg.split("::")[0]).resolve()
        if path == base or base in path.parents:
            return True
    return False

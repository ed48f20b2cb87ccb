"""The CLI end to end, including inside an empty network namespace (no route to anywhere)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_batch import run_batch
from tests.conftest import ROOT, SEEDS
from tests.helpers import assert_quotes_are_spans

QUESTION = "Where did Blinken meet Qin Gang?"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env["ASSISTANT_CONFIG"] = str(ROOT / "tests" / "data" / "empty.toml")
    return env


def _cli(*args: str, offline: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "assistant.cli", *args]
    if offline:
        command = ["unshare", "-n", *command]
    return subprocess.run(command, capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def offline_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, subprocess.CompletedProcess]:
    """The seeds indexed once by the CLI with no network; the tests below ask and evaluate against it."""
    if shutil.which("unshare") is None:
        pytest.fail("`unshare` (util-linux) is needed to prove the offline path: apt-get install util-linux")
    index = str(tmp_path_factory.mktemp("offline") / "idx")
    return index, _cli("--corpus", str(SEEDS), "--index", index, "index", offline=True)


def test_index_and_ask_work_with_no_network_at_all(offline_index: tuple[str, subprocess.CompletedProcess], tmp_path: Path) -> None:
    index, built = offline_index
    assert built.returncode == 0, built.stderr
    assert "5 added" in built.stdout
    asked, again = run_batch(
        [["--corpus", str(SEEDS), "--index", index, "ask", QUESTION, "--json"], ["--corpus", str(SEEDS), "--index", index, "index"]],
        tmp_path, _env(), ROOT, wrapper=["unshare", "-n"],
    )
    assert asked["code"] == 0, asked["stderr"]
    payload = json.loads(asked["stdout"])
    assert payload["answered"] and payload["backend"] == "extractive"
    assert assert_quotes_are_spans(SEEDS, payload["citations"]) > 0
    assert "Diaoyutai" in payload["answer"]
    assert "0 added, 0 updated, 0 removed, 5 unchanged" in again["stdout"]


def test_user_errors_are_sentences_not_tracebacks(tmp_path: Path) -> None:
    missing, empty_question, not_built = run_batch([
        ["--corpus", str(tmp_path / "nowhere"), "--index", str(tmp_path / "i"), "index"],
        ["--corpus", str(SEEDS), "--index", str(tmp_path / "i"), "ask", "   "],
        ["--corpus", str(SEEDS), "--index", str(tmp_path / "never"), "ask", QUESTION],
    ], tmp_path, _env(), ROOT)
    assert missing["code"] == 2
    assert "does not exist" in missing["stderr"] and "Traceback" not in missing["stderr"]
    assert empty_question["code"] == 2 and "empty" in empty_question["stderr"]
    assert not_built["code"] == 2 and "assistant index" in not_built["stderr"]


def test_eval_prints_numbers_as_json(tmp_path: Path, offline_index: tuple[str, subprocess.CompletedProcess]) -> None:
    golden = tmp_path / "mini.jsonl"
    golden.write_text(
        json.dumps({"id": "a", "question": QUESTION, "answerable": True,
                    "sources": [["002_6d17bc3cc6b798f9.txt"]], "facts": ["Diaoyutai"]}) + "\n"
        + json.dumps({"id": "b", "question": "Who won the 2022 FIFA World Cup final?", "answerable": False}) + "\n"
    )
    index, built = offline_index
    assert built.returncode == 0, built.stderr
    result, table = run_batch([
        ["--corpus", str(SEEDS), "--index", index, "eval", str(golden), "--json"],
        ["--corpus", str(SEEDS), "--index", index, "eval", str(golden)],
    ], tmp_path, _env(), ROOT)
    assert result["code"] == 0, result["stderr"]
    numbers = json.loads(result["stdout"])
    assert numbers["fact_accuracy"] == 1.0 and numbers["refusal_rate"] == 1.0
    assert numbers["verified_spans"] == 1.0
    assert numbers["latency_p50_ms"] > 0
    assert "source_recall" in table["stdout"]


def test_the_cli_loads_no_model_client_until_a_model_is_asked() -> None:
    """`openai` takes about a second to import; `assistant index` and the extractive `ask` never need it."""
    probe = "import sys, assistant.cli; print(sorted(m for m in ('openai', 'xllamacpp') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=120)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "[]"

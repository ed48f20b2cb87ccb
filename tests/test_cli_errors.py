"""Every user mistake the CLI meets is one `error: ...` line and exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli import main
from tests.conftest import SEEDS


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    err = capsys.readouterr().err
    return code, err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["ui", "--host", "::"], "IPv6 addresses are not supported"),
        (["ui", "--port", "70000"], "ui_port: Input should be less than or equal to 65535"),
        (["--top-k", "0", "ask", "anything"], "top_k: Input should be greater than or equal to 1"),
        (["--chroma-port", "99999", "index"], "chroma_port: Input should be less than or equal to 65535"),
    ],
)
def test_bad_flags_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], says: str) -> None:
    code, err = run(capsys, "--corpus", str(SEEDS), "--index", str(tmp_path / "i"), *argv)
    assert code == 2
    assert err.startswith("error: ") and says in err and err.count("\n") == 1
    assert not (tmp_path / "i").exists()


def test_bad_environment_and_config_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_EXCLUDE", "README")
    code, err = run(capsys, "--corpus", str(SEEDS), "--index", str(tmp_path / "i"), "index")
    assert code == 2 and err.startswith("error: Invalid settings: exclude")
    monkeypatch.delenv("ASSISTANT_EXCLUDE")
    config = tmp_path / "bad.toml"
    config.write_text('corpus = "seeds\n')
    code, err = run(capsys, "--config", str(config), "ask", "anything")
    assert code == 2 and err.startswith(f"error: The config file {config} is not valid TOML")


def test_the_chroma_flags_reach_the_settings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tests.test_index_safety import closed_port

    port = closed_port()
    code, err = run(capsys, "--chroma-host", "127.0.0.1", "--chroma-port", str(port), "--corpus", str(SEEDS), "ask", "x")
    assert code == 2 and f"error: Cannot reach the Chroma server at 127.0.0.1:{port}" in err


def test_a_file_named_lexical_in_the_index_folder_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    index = tmp_path / "index"
    index.mkdir()
    (index / "lexical").write_text("mine")
    code, err = run(capsys, "--corpus", str(SEEDS), "--index", str(index), "index")
    assert code == 2 and f"error: {index / 'lexical'} is a file" in err
    assert (index / "lexical").read_text() == "mine"

from pathlib import Path

import pytest

from assistant.errors import AssistantError
from assistant.settings import load_settings


def test_defaults_then_file_then_environment_then_arguments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "assistant.toml"
    config.write_text('corpus = "from-file"\ntop_k = 5\nllm_model = "m1"\n')
    monkeypatch.setenv("ASSISTANT_CONFIG", str(config))
    assert load_settings().corpus == Path("from-file")
    assert load_settings().top_k == 5
    monkeypatch.setenv("ASSISTANT_TOP_K", "7")
    assert load_settings().top_k == 7
    assert load_settings(top_k=9).top_k == 9
    assert load_settings().index == Path("index")


def test_a_typo_in_the_config_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "assistant.toml"
    config.write_text('corpuss = "oops"\n')
    monkeypatch.setenv("ASSISTANT_CONFIG", str(config))
    with pytest.raises(AssistantError, match="corpuss"):
        load_settings()


def test_a_missing_config_file_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ASSISTANT_CONFIG", str(tmp_path / "nope.toml"))
    with pytest.raises(AssistantError, match="nope.toml"):
        load_settings()


def test_api_key_comes_from_the_standard_variable_and_is_never_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-123")
    settings = load_settings()
    assert settings.llm_api_key is not None
    assert settings.llm_api_key.get_secret_value() == "sk-secret-123"
    assert "sk-secret-123" not in repr(settings) and "sk-secret-123" not in str(settings.model_dump())

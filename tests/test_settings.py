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


@pytest.mark.parametrize("name", ["ASSISTANT_TOPK", "ASSISTANT_TOP_KK", "assistant_corpuss"])
def test_a_typo_in_an_environment_variable_is_an_error(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv(name, "5")
    with pytest.raises(AssistantError, match=f"Unknown setting {name} in the environment"):
        load_settings()


def test_the_suggestion_names_the_real_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_TOPK", "5")
    with pytest.raises(AssistantError, match="did you mean ASSISTANT_TOP_K"):
        load_settings()
    monkeypatch.delenv("ASSISTANT_TOPK")
    monkeypatch.setenv("ASSISTANT_TOP_K", "5")
    monkeypatch.setenv("ASSISTANT_LLM_BASE_URL", "http://127.0.0.1:1/v1")  # an alias is a known name too
    assert load_settings().top_k == 5


@pytest.mark.parametrize(
    ("field", "value"),
    [("min_support", "nan"), ("min_support", "-5"), ("min_support", "inf"), ("lexical_weight", "nan"),
     ("llm_timeout", "nan"), ("chroma_port", "0"), ("ui_port", "70000"), ("ui_host", "::")],
)
def test_impossible_values_are_refused(monkeypatch: pytest.MonkeyPatch, field: str, value: str) -> None:
    monkeypatch.setenv(f"ASSISTANT_{field.upper()}", value)
    with pytest.raises(AssistantError, match=f"Invalid settings: {field}"):
        load_settings()


def test_a_list_that_is_not_json_and_malformed_toml_are_sentences(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_EXCLUDE", "README")
    with pytest.raises(AssistantError, match=r"exclude could not be read .*ASSISTANT_EXCLUDE='\[\"README\*\"\]'"):
        load_settings()
    monkeypatch.setenv("ASSISTANT_EXCLUDE", '["README*"]')
    assert load_settings().exclude == ["README*"]
    config = tmp_path / "assistant.toml"
    config.write_text("top_k = \n")
    monkeypatch.setenv("ASSISTANT_CONFIG", str(config))
    with pytest.raises(AssistantError, match="is not valid TOML"):
        load_settings()

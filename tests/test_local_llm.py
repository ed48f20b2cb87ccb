"""The packaged model file: joined from its parts, checked against its sha256, and nothing else loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import local_llm
from assistant.errors import ModelMissingError
from assistant.local_llm import MODEL_BYTES, MODEL_NAME, assembled_model


def _parts(folder: Path) -> list[Path]:
    parts = []
    for number, data in enumerate((b"GGUF not really", b" a model"), start=1):
        part = folder / f"part{number:02d}.bin"
        part.write_bytes(data)
        parts.append(part)
    return parts


def test_parts_that_do_not_make_the_model_are_refused_and_leave_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local_llm, "part_paths", lambda: _parts(tmp_path))
    messages: list[str] = []
    with pytest.raises(ModelMissingError, match="do not make the expected model.*make setup-llm"):
        assembled_model(tmp_path / "cache", messages.append)
    assert any("part 2 of 2" in m for m in messages)  # it did assemble, then checked
    assert list((tmp_path / "cache").iterdir()) == []  # no half-made or wrong file stays behind


def test_a_cached_file_with_the_right_size_but_other_bytes_is_not_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    with (cache / f"{MODEL_NAME}.gguf").open("wb") as forged:
        forged.truncate(MODEL_BYTES)  # sparse: the right size, all zeros
    monkeypatch.setattr(local_llm, "part_paths", lambda: _parts(tmp_path))
    messages: list[str] = []
    with pytest.raises(ModelMissingError):
        assembled_model(cache, messages.append)
    assert any("does not match its checksum" in m for m in messages)


def test_missing_parts_name_the_command_that_installs_them(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_module(name: str) -> None:
        raise ImportError(name)

    monkeypatch.setattr(local_llm.importlib, "import_module", no_module)
    with pytest.raises(ModelMissingError, match="Part 1 of the local model is not installed: run `make setup-llm`"):
        local_llm.part_paths()

"""Prompt templates, read from the text files in prompts/ (see prompts/README.md)."""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import AssistantError

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"
_REQUIRED = {
    "system": set(),
    "answer": {"passages", "question"},
    "answer_pick": {"passages", "question"},  # the user message when a grammar lets the model only name sentences
    "condense": {"history", "question"},
}


@dataclass(frozen=True)
class Prompts:
    system: str
    answer: str
    answer_pick: str
    condense: str


def load_prompts(folder: Path = PROMPTS_DIR) -> Prompts:
    """Read and check the templates; a missing file or placeholder is a clear error."""
    texts = {}
    for name, needed in _REQUIRED.items():
        path = folder / f"{name}.txt"
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            raise AssistantError(f"Prompt file {path} is missing.") from None
        found = {field for _, field, _, _ in string.Formatter().parse(text) if field}
        if found != needed:
            raise AssistantError(f"Prompt {path} must use exactly the placeholders {sorted(needed)}, not {sorted(found)}.")
        texts[name] = text
    return Prompts(**texts)

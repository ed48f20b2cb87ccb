"""The answer a user gets back, in the shape the CLI, UI and tests rely on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.citations import Citation

NOT_COVERED = "The indexed articles do not cover this question."
STALE_INDEX = "The index is out of date: the articles that answer this changed since they were indexed. Run `assistant index` to refresh it."


@dataclass
class Answer:
    question: str
    answer: str
    answered: bool
    backend: str
    citations: list[Citation] = field(default_factory=list)
    notice: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    short_answer: str = ""  # a verbatim span of the first citation's quote, or empty

    def to_dict(self) -> dict[str, Any]:
        """The contract: question, answer, answered, backend, short_answer, citations (plus notice when there is one)."""
        payload: dict[str, Any] = {
            "question": self.question,
            "answer": self.answer,
            "answered": self.answered,
            "backend": self.backend,
            "short_answer": self.short_answer,
            "citations": [c.to_dict() for c in self.citations],
        }
        if self.notice:
            payload["notice"] = self.notice
        return payload


@dataclass(frozen=True)
class Status:
    """Progress while an answer is being written ("Loading the local model…"); never part of the answer."""

    message: str

"""A question-answering assistant over a folder of news articles, with verified citations."""

from assistant import offline as _offline  # noqa: F401  (must precede the heavy imports)
from assistant.answer import Answer
from assistant.api import Assistant
from assistant.citations import Citation
from assistant.errors import AssistantError

__all__ = ["Assistant", "Answer", "Citation", "AssistantError"]

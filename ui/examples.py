"""Example questions for the empty chat, made from the headlines of the corpus in use."""

from __future__ import annotations

import re
from typing import Any

from gradio.components.chatbot import ExampleMessage

from assistant.lexical import LexicalIndex

EXAMPLE_COUNT = 4
MAX_TOPIC_WORDS = 14


def example_questions(lexical: LexicalIndex, count: int = EXAMPLE_COUNT) -> list[str]:
    """Questions about a few articles spread evenly over the sorted sources, so a mixed corpus shows its range."""
    topics = _topics_by_source(lexical.texts, lexical.metas)
    titled = [source for source in sorted(topics) if topics[source][0]]
    chosen = titled if len(titled) >= min(count, len(topics)) else sorted(topics)
    shown = min(count, len(chosen))
    picks = [chosen[i * len(chosen) // shown] for i in range(shown)]
    return [_question(topics[source][0] or topics[source][1]) for source in picks]


def chatbot_examples(questions: list[str]) -> list[ExampleMessage]:
    return [{"text": question} for question in questions]


def _topics_by_source(texts: list[str], metas: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """source -> (title, first sentence of its first chunk)."""
    first: dict[str, tuple[int, str, str]] = {}
    for text, meta in zip(texts, metas):
        source, start = str(meta.get("source", "")), int(meta.get("start", 0))
        if source and (source not in first or start < first[source][0]):
            first[source] = (start, str(meta.get("title") or ""), text)
    return {source: (title.strip(), _first_sentence(text)) for source, (_, title, text) in first.items()}


def _first_sentence(text: str) -> str:
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:MAX_TOPIC_WORDS]) + ("…" if len(words) > MAX_TOPIC_WORDS else "")


def _question(topic: str) -> str:
    return f"What do the articles say about {topic.rstrip(' .!?:;')}?"

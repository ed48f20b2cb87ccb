"""What the UI's events do, over one Assistant.

Nothing here is per-session: each session's conversation is a list of turns
that Gradio keeps in that session's `gr.State` and passes in and out, so two
browser tabs never see each other's history.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from assistant import Answer, Assistant
from assistant.answer.result import Status
from assistant.api import MAX_QUESTION_CHARS, ArticleView
from assistant.errors import (
    AssistantError,
    BadQuestionError,
    CorpusError,
    IndexMissingError,
)
from ui import render
from ui.examples import example_questions

Turn = dict[str, Any]  # {"question": str, "answer": Answer.to_dict() | None, "error": str | None, "status"?: str}
MAX_KEPT_TURNS = 50  # a session's conversation on screen (and in server memory); older turns scroll away
Message = dict[str, str]


def ensure_index(assistant: Assistant) -> str:
    """Build the index when there is none; returns the indexer's summary, or "" when one was there."""
    try:
        if assistant.stats()["chunks"] > 0:
            return ""
    except IndexMissingError:
        pass
    return assistant.index(show_progress=False).summary()


def history_of(turns: list[Turn]) -> list[tuple[str, str]]:
    """The (question, answer) pairs `ask_stream` takes; failed turns are left out."""
    return [(t["question"], t["answer"]["answer"]) for t in turns if t.get("answer")]


def parse_history(history: Any) -> list[tuple[str, str]]:
    """The API's optional history: a list of [question, answer] pairs."""
    if history in (None, ""):
        return []
    if not isinstance(history, list) or not all(
        isinstance(pair, (list, tuple)) and len(pair) == 2 and all(isinstance(x, str) for x in pair) for pair in history
    ):
        raise BadQuestionError("The history must be a list of [question, answer] pairs of text.")
    return [(q, a) for q, a in history]


def messages_of(turns: list[Turn], partial: str | None = None) -> list[Message]:
    """Chatbot messages (Gradio's role/content dicts) for the turns; `partial` is an answer still streaming."""
    messages: list[Message] = []
    for turn in turns:
        messages.append({"role": "user", "content": render.question_message(turn["question"])})
        if turn.get("answer"):
            content = render.answer_message(turn["answer"])
        elif turn.get("error"):
            content = render.error_message(turn["error"])
        else:
            content = render.streaming_message(partial or "", turn.get("status", ""))
        messages.append({"role": "assistant", "content": content})
    return messages


class ChatService:
    """The app's behaviour without Gradio: ask, stream, render sources, open articles, re-index."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant

    def ask(self, question: str, history: Any = None) -> dict[str, Any]:
        """The `chat` endpoint: Answer.to_dict() for the question in its conversation."""
        return self.assistant.ask(question, parse_history(history)).to_dict()

    def stream(self, question: str, turns: list[Turn]) -> Iterator[tuple[list[Turn], str]]:
        """(turns, partial answer) as the answer streams; the last turns hold the finished answer or the error."""
        pending: Turn = {"question": question[:MAX_QUESTION_CHARS], "answer": None, "error": None}
        turns = turns[-(MAX_KEPT_TURNS - 1) :]
        finished = pending
        partial = ""
        yield [*turns, pending], partial
        try:
            for piece in self.assistant.ask_stream(question, history_of(turns)):
                if isinstance(piece, Answer):
                    finished = {**pending, "answer": piece.to_dict()}
                elif isinstance(piece, Status):  # loading or reading: shown under the answer being written
                    pending = {**pending, "status": piece.message}
                    yield [*turns, pending], partial
                else:
                    partial += piece
                    yield [*turns, pending], partial
        except AssistantError as error:
            finished = {**pending, "error": str(error)}
        yield [*turns, finished], partial

    def sources_html(self, answer: dict[str, Any] | None) -> str:
        if answer is None or not answer["answered"]:
            return render.sources_panel(answer, [])
        views: dict[str, ArticleView | str] = {}
        for citation in answer["citations"]:
            if citation["source"] not in views:
                views[citation["source"]] = self._view(citation["source"])
        cards = [render.source_card(c, views[c["source"]]) for c in answer["citations"]]
        return render.sources_panel(answer, cards)

    def article_html(self, answer: dict[str, Any] | None, cite: int) -> str:
        """The whole article behind citation `cite` of `answer`, every span of that answer in it marked."""
        citations = {int(c["id"]): c for c in (answer or {}).get("citations", [])}
        if cite not in citations:
            return ""
        source = citations[cite]["source"]
        view = self._view(source)
        if isinstance(view, str):
            return render.article_error(view)
        spans = [(int(c["start"]), int(c["end"]), n) for n, c in citations.items() if c["source"] == source]
        return render.article_page(view, spans, cite)

    def source(self, source: str) -> dict[str, str]:
        """The `source` endpoint: one corpus file; paths that leave the corpus raise CorpusError."""
        view = self.assistant.article(source)
        return {"source": view.source, "title": view.title, "date": view.date, "outlet": view.outlet, "text": view.text}

    def index_html(self, report: str = "") -> str:
        return render.index_panel(self.assistant.stats(), report)

    def reindex(self, on_progress: Callable[[int, int], None] | None = None) -> str:
        return self.assistant.index(show_progress=False, on_progress=on_progress).summary()

    def examples(self) -> list[str]:
        return example_questions(self.assistant.lexical)

    def _view(self, source: str) -> ArticleView | str:
        try:
            return self.assistant.article(source)
        except CorpusError as error:
            return str(error)

"""The Gradio app: a chat whose answers stream in, a sources panel, the article view and the index panel.

`launch(assistant, host, port, auth, share)` is what `assistant ui` calls.
API endpoints for `gradio_client`: `/chat` (question, optional history of
[question, answer] pairs -> Answer.to_dict()) and `/source` (a corpus file
-> its text and metadata). Everything else is private to the page.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr
from starlette.middleware import Middleware

from assistant import Assistant
from assistant.api import MAX_QUESTION_CHARS
from assistant.errors import AssistantError
from ui import render
from ui.access import ReindexAccess, is_local
from ui.chat import ChatService, Turn, ensure_index, messages_of
from ui.examples import chatbot_examples
from ui.login_limit import LoginLimit

STYLE = Path(__file__).with_name("style.css")
ASK_CONCURRENCY = 4  # questions answered at once; the rest wait in Gradio's queue
TITLE = "News assistant"
# Fonts ship inside Gradio (no CDN); Source Sans Pro's semibold face in Gradio lacks some capitals.
THEME = gr.themes.Default(
    primary_hue="indigo",
    neutral_hue="slate",
    font=[gr.themes.LocalFont("IBM Plex Sans", weights=(400, 600, 700)), "ui-sans-serif", "system-ui", "sans-serif"],
)

# Keeps the chosen citation in view inside the scrolling article text.
SCROLL_TO_MARK = """
watch('value', () => {
  const box = element.querySelector('.article-text');
  const mark = element.querySelector('mark.current');
  if (box && mark) box.scrollTop += mark.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
});
"""
# A click (or Enter) on a source card asks the server for that article; only the citation number is sent.
OPEN_CARD = """
const open = (event) => {
  const card = event.target.closest('.source-card[data-cite]');
  if (!card) return;
  event.preventDefault();
  element.querySelectorAll('.source-card.open').forEach((c) => c.classList.remove('open'));
  card.classList.add('open');
  trigger('click', {cite: Number(card.dataset.cite)});
};
element.addEventListener('click', open);
element.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') open(event); });
"""


@dataclass
class Screen:
    """The components the events read and write."""

    turns: gr.State
    shown: gr.State
    sidebar: gr.Sidebar
    index_panel: gr.HTML
    reindex: gr.Button
    reindex_note: gr.Markdown
    status: gr.HTML
    show_index: gr.Button
    chatbot: gr.Chatbot
    question: gr.Textbox
    send: gr.Button
    sources: gr.HTML
    article: gr.HTML


def build_app(assistant: Assistant, access: ReindexAccess) -> gr.Blocks:
    """The Blocks app over an indexed assistant; every event gets the session's own state."""
    service = ChatService(assistant)
    with gr.Blocks(title=TITLE, fill_width=True) as app:
        screen = _layout(service)
        _connect_chat(screen, service)
        _connect_sources(screen, service)
        _connect_index(app, screen, service, access)
        _add_api(service)
    return app


def _layout(service: ChatService) -> Screen:
    turns = gr.State([])  # this session's conversation (list of Turn)
    shown = gr.State(None)  # the answer whose sources are on screen
    with gr.Sidebar(label="Index", open=False, width=340, elem_id="index-sidebar") as sidebar:
        gr.Markdown("### Index")
        index_panel = gr.HTML(service.index_html(), elem_id="index-panel")
        reindex = gr.Button("Re-index (incremental)", variant="secondary", elem_id="reindex", visible=False)
        reindex_note = gr.Markdown(
            "Re-indexing from this page is for the users in `ui_admins` (or, without a login, a UI on localhost); "
            "run `assistant index` on the server.",
            elem_id="reindex-note",
        )
    with gr.Row(elem_id="header"):
        gr.HTML(f'<h1>{TITLE}</h1><p class="subtitle">Answers quoted from your articles, every quote checked against its file.</p>')
        status = gr.HTML(_status_line(service), elem_id="index-status")
        show_index = gr.Button("Index ›", size="sm", variant="secondary", scale=0, min_width=90, elem_id="show-index")
    with gr.Row(equal_height=False):
        with gr.Column(scale=6, min_width=420):
            chatbot = gr.Chatbot(
                elem_id="chat",
                show_label=False,
                layout="panel",
                height="66vh",
                render_markdown=False,  # text is escaped HTML; Markdown would restyle verbatim quotes
                buttons=["copy"],
                feedback_options=None,
                examples=chatbot_examples(service.examples()),
                placeholder=_placeholder(service),
            )
            with gr.Row(elem_id="ask-row"):
                question = gr.Textbox(
                    show_label=False, placeholder="Ask about the articles, e.g. a follow-up: “and when was that?”",
                    scale=8, lines=1, max_lines=6, max_length=MAX_QUESTION_CHARS, autofocus=True, elem_id="question",
                )
                send = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="ask")
        with gr.Column(scale=5, min_width=360, elem_id="side"):
            sources = gr.HTML(service.sources_html(None), elem_id="sources", js_on_load=OPEN_CARD)
            article = gr.HTML("", elem_id="article", js_on_load=SCROLL_TO_MARK)
    return Screen(turns, shown, sidebar, index_panel, reindex, reindex_note, status, show_index, chatbot, question, send, sources, article)


def _connect_chat(screen: Screen, service: ChatService) -> None:
    """Questions stream into the chat; the finished answer's sources fill the panel."""

    def respond(text: str, history: list[Turn]) -> Iterator[tuple[Any, ...]]:
        if not text.strip():
            yield gr.skip(), history, gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        for current, partial in service.stream(text, history):
            finished = current[-1]["answer"]
            panel = service.sources_html(finished) if finished else gr.skip()
            yield messages_of(current, partial), current, finished or gr.skip(), panel, "" if finished else gr.skip(), ""

    ask: dict[str, Any] = {
        "fn": respond,
        "inputs": [screen.question, screen.turns],
        "outputs": [screen.chatbot, screen.turns, screen.shown, screen.sources, screen.article, screen.question],
        "api_visibility": "private",
        "concurrency_limit": ASK_CONCURRENCY,
        "concurrency_id": "ask",
        "show_progress": "hidden",
    }
    screen.question.submit(**ask)
    screen.send.click(**ask)
    screen.chatbot.example_select(_example_text, None, screen.question, api_visibility="private").then(**ask)

    def clear() -> tuple[Any, ...]:
        return [], None, service.sources_html(None), ""

    outputs = [screen.turns, screen.shown, screen.sources, screen.article]
    screen.chatbot.clear(clear, None, outputs, api_visibility="private")  # the chat's bin icon


def _connect_sources(screen: Screen, service: ChatService) -> None:
    """Clicking an answer shows its sources; clicking a source opens its article."""

    def show_turn(history: list[Turn], event: gr.SelectData) -> tuple[Any, ...]:
        index = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
        position = int(index) // 2  # a user message and its answer per turn
        turn = history[position] if 0 <= position < len(history) else None
        if not turn or not turn.get("answer"):
            return gr.skip(), gr.skip(), gr.skip()
        return turn["answer"], service.sources_html(turn["answer"]), ""

    screen.chatbot.select(show_turn, [screen.turns], [screen.shown, screen.sources, screen.article], api_visibility="private")

    def open_source(answer: dict[str, Any] | None, event: gr.EventData) -> str:
        data = event._data if isinstance(event._data, dict) else {}
        return service.article_html(answer, int(data.get("cite") or 0))

    screen.sources.click(open_source, [screen.shown], [screen.article], api_visibility="private")


def _connect_index(app: gr.Blocks, screen: Screen, service: ChatService, access: ReindexAccess) -> None:
    """The header button opens the index panel; Re-index refreshes it incrementally with a progress bar,
    for those `access` allows (checked here, on the server; the button is shown only to them)."""
    screen.show_index.click(lambda: gr.Sidebar(open=True), None, screen.sidebar, api_visibility="private")

    def offer(request: gr.Request) -> tuple[Any, Any]:
        allowed = access.allows(request.username)
        return gr.Button(visible=allowed), gr.Markdown(visible=not allowed)

    app.load(offer, None, [screen.reindex, screen.reindex_note], api_visibility="private")

    def reindex(request: gr.Request, progress: gr.Progress = gr.Progress()) -> tuple[str, str, Any]:  # noqa: B008 (Gradio's idiom)
        if not access.allows(request.username):
            raise gr.Error(access.refusal(), print_exception=False)
        progress((0, None), desc="Reading the corpus")
        try:
            summary = service.reindex(lambda done, total: progress((done, total), desc="Embedding", unit="articles"))
        except AssistantError as error:
            raise user_error(error) from None
        examples = chatbot_examples(service.examples())
        return service.index_html(summary), _status_line(service), gr.Chatbot(examples=examples)

    outputs = [screen.index_panel, screen.status, screen.chatbot]
    # One re-index at a time, whoever clicks.
    screen.reindex.click(reindex, None, outputs, api_visibility="private", concurrency_id="index", concurrency_limit=1)


def _add_api(service: ChatService) -> None:
    """The two endpoints for gradio_client: /chat and /source."""

    def chat(question: str, history: list[list[str]] | None = None) -> dict[str, Any]:
        """Answer a question from the indexed articles. `history`: earlier [question, answer] pairs of this conversation. Returns {question, answer, answered, backend, citations: [{id, source, start, end, quote}]}."""
        try:
            return service.ask(question, history)
        except AssistantError as error:
            raise user_error(error) from None

    def source(path: str) -> dict[str, str]:
        """One article of the corpus by its path relative to the corpus: {source, title, date, outlet, text}. Paths outside the corpus are refused."""
        try:
            return service.source(path)
        except AssistantError as error:
            raise user_error(error) from None

    gr.api(chat, api_name="chat", concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask")
    gr.api(source, api_name="source")


def user_error(error: AssistantError) -> gr.Error:
    """The error's sentence for the person at the keyboard (escaped: Gradio renders it as HTML), no traceback."""
    return gr.Error(render.escape(str(error)), print_exception=False)


def _example_text(event: gr.SelectData) -> str:
    value = event.value
    return value.get("text", "") if isinstance(value, dict) else str(value)


def _status_line(service: ChatService) -> str:
    stats = service.assistant.stats()
    built = render.built_at(stats["built_at"])
    return (
        f'<div class="status"><code title="{render.escape(stats["corpus"])}">{render.escape(Path(stats["corpus"]).name)}</code> · '
        f'{stats["articles"]:,} articles · {stats["chunks"]:,} chunks · built {built}</div>'
    )


def _placeholder(service: ChatService) -> str:
    stats = service.assistant.stats()
    return (
        f"<h3>Ask the {stats['articles']:,} articles in <code>{render.escape(Path(stats['corpus']).name)}</code></h3>"
        "<p>Every answer quotes its sources; click a source to read the article with the quote highlighted.</p>"
    )


def auth_pair(auth: str | None) -> tuple[str, str] | None:
    """`user:password` (the settings' ui_auth) as Gradio's (user, password)."""
    if not auth:
        return None
    user, sep, password = auth.partition(":")
    if not sep or not user or not password:
        raise AssistantError("ui_auth must be written user:password (both parts non-empty).")
    return user, password


def exposure_warning(host: str, auth: str | None, share: bool) -> str:
    """The warning printed when the UI is reachable from other machines without a login, or with one over
    plain HTTP; "" when it is not reachable."""
    if share:
        return "" if auth else "warning: --share publishes this UI on a public gradio.live link without a login; set ui_auth (--auth user:password)."
    if is_local(host):
        return ""
    if auth:
        return f"warning: the UI listens on {host} over plain HTTP, so passwords cross the network readable; serve it behind a reverse proxy with TLS."
    return f"warning: the UI listens on {host}, reachable from other machines, without a login; set ui_auth (--auth user:password)."


def launch(
    assistant: Assistant,
    host: str | None = None,
    port: int | None = None,
    auth: str | None = None,
    share: bool = False,
    prevent_thread_lock: bool = False,
) -> gr.Blocks:
    """Index if needed, then serve the UI; None means the value from assistant.settings."""
    settings = assistant.settings
    host = host or settings.ui_host
    port = port or settings.ui_port
    auth = auth if auth is not None else settings.ui_auth
    credentials = auth_pair(auth)
    built = ensure_index(assistant)
    if built:
        print(f"indexed {settings.corpus}: {built}", file=sys.stderr)
    warning = exposure_warning(host, auth, share)
    if warning:
        print(warning, file=sys.stderr)
    access = ReindexAccess(frozenset(settings.ui_admins), login=credentials is not None, local=is_local(host) and not share)
    app = build_app(assistant, access)
    try:
        app.queue(default_concurrency_limit=1).launch(
            server_name=host,
            server_port=port,
            auth=credentials,
            share=share,
            prevent_thread_lock=True,
            css_paths=[STYLE],
            theme=THEME,
            footer_links=["api", "settings"],
            run_history=False,  # keeps questions out of browser storage and off the Hugging Face bucket option
            enable_monitoring=False,
            mcp_server=False,
            show_error=False,
            app_kwargs={"middleware": [Middleware(LoginLimit)]} if credentials else None,
            quiet=True,  # Gradio's own hint reads "set `share=True` in `launch()`": users of this CLI need --share
        )
    except OSError as error:
        raise AssistantError(f"Cannot serve the UI on {host}:{port} ({error}); choose another --port.") from None
    print(f"The chat UI is on {app.local_url}", flush=True)
    if app.share_url:
        print(f"and on the public link {app.share_url}", flush=True)
    elif not share:
        print("(`assistant ui --share` would add a public Gradio link; keep it off for unpublished material)", flush=True)
    if not prevent_thread_lock:
        app.block_thread()
    return app

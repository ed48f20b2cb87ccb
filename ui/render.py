"""HTML for the chat, the sources panel, the article view and the index panel.

Everything that comes from an article, a question or an answer goes through
`html.escape` here, and only our own tags are added around it, so no text the
user or a corpus supplies can become markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import Any

from assistant.api import ArticleView

CONTEXT_CHARS = 320  # at most this much of the paragraph on each side of a quoted span
_MARKER = re.compile(r"\[(\d+)\]")
_BOLD = re.compile(r"\*\*(.+?)\*\*")  # the short answer leads the text as **...**

Span = tuple[int, int, int]  # start, end, citation id


def text_html(text: str) -> str:
    """Plain text as HTML: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br>")


def question_message(question: str) -> str:
    return text_html(question)


def streaming_message(partial: str, status: str = "") -> str:
    """The answer while it is written; `status` says what the model is doing meanwhile."""
    progress = f'<div class="progress">{text_html(status)}</div>' if status else ""
    return f'<div class="answer streaming">{text_html(partial)}<span class="cursor">▍</span>{progress}</div>'


def answer_message(answer: dict[str, Any]) -> str:
    """The finished answer in the chat: `[n]` markers styled, a refusal styled as one, the backend named."""
    backend = f'<span class="backend">answered by <b>{escape(answer["backend"])}</b></span>'
    notice = f'<div class="notice">{text_html(answer["notice"])}</div>' if answer.get("notice") else ""
    if not answer["answered"]:
        body = f'<div class="refusal"><b>Not in the articles.</b> {text_html(answer["answer"])}</div>'
        return f"{body}{notice}<div class=\"answer-meta\">{backend} · no sources</div>"
    body = _MARKER.sub(r'<sup class="cite-ref">[\1]</sup>', _BOLD.sub(r"<strong>\1</strong>", text_html(answer["answer"])))
    count = len(answer["citations"])
    sources = f"{count} source{'s' if count != 1 else ''} →"
    return f'<div class="answer">{body}</div>{notice}<div class="answer-meta">{backend} · {sources}</div>'


def error_message(sentence: str) -> str:
    return f'<div class="error">{text_html(sentence)}</div>'


def context_of(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The paragraph around text[start:end], as (before, span, after), clipped to CONTEXT_CHARS a side."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end == -1 else para_end
    before = text[max(para_start, start - CONTEXT_CHARS) : start]
    after = text[end : min(para_end, end + CONTEXT_CHARS)]
    if start - para_start > CONTEXT_CHARS:
        before = "…" + before.lstrip()
    if para_end - end > CONTEXT_CHARS:
        after = after.rstrip() + "…"
    return before, text[start:end], after


def _headline(view: ArticleView) -> str:
    """The article's headline; without one, say so (the file name is on the meta line already)."""
    return escape(view.title) if view.title else '<span class="untitled">(no headline)</span>'


def _meta_line(view: ArticleView) -> str:
    parts = [escape(p) for p in (view.date, view.outlet) if p]
    parts.append(f'<code class="file">{escape(view.source)}</code>')
    return " · ".join(parts)


def source_card(citation: dict[str, Any], view: ArticleView | str) -> str:
    """One entry of the sources panel; `view` is the article, or the sentence saying why it cannot be shown."""
    n = int(citation["id"])
    head = f'<span class="cite-id">[{n}]</span>'
    if isinstance(view, str):
        body = f'<div class="meta"><code class="file">{escape(citation["source"])}</code></div>'
        quote = f'<p class="context"><mark>{text_html(citation["quote"])}</mark></p><p class="notice">{escape(view)}</p>'
        return f'<div class="source-card unavailable">{head}{body}{quote}</div>'
    title = _headline(view)
    start, end = int(citation["start"]), int(citation["end"])
    if view.text[start:end] == citation["quote"]:
        before, span, after = context_of(view.text, start, end)
        context = f"{escape(before)}<mark>{_short_answer_marked(citation, span)}</mark>{escape(after)}"
        note = ""
    else:  # the file changed after this answer was given: show the quote, not a wrong span
        context = f"<mark>{escape(citation['quote'])}</mark>"
        note = '<p class="notice">The file changed since this answer; the quote is no longer at this place.</p>'
    return (
        f'<div class="source-card" role="button" tabindex="0" data-cite="{n}" title="Open the whole article">'
        f'<div class="card-head">{head}<span class="title">{title}</span></div>'
        f'<div class="meta">{_meta_line(view)}</div>'
        f'<p class="context">{context}</p>{note}<div class="open-hint">Open article ›</div></div>'
    )


def _short_answer_marked(citation: dict[str, Any], span: str) -> str:
    """The quote, escaped, with the short answer inside it (its file offsets, when the citation has them) in bold."""
    if citation.get("answer_start") is None or citation.get("answer_end") is None:
        return escape(span)
    a, b = int(citation["answer_start"]) - int(citation["start"]), int(citation["answer_end"]) - int(citation["start"])
    if not 0 <= a < b <= len(span):
        return escape(span)
    return f'{escape(span[:a])}<strong class="short-answer">{escape(span[a:b])}</strong>{escape(span[b:])}'


def sources_panel(answer: dict[str, Any] | None, cards: Iterable[str]) -> str:
    return '<h2 class="panel-title">Sources</h2>' + _sources_body(answer, cards)


def _sources_body(answer: dict[str, Any] | None, cards: Iterable[str]) -> str:
    if answer is None:
        return '<div class="sources-empty">The sources of an answer appear here, each quote highlighted in its paragraph. Click one to read the whole article.</div>'
    question = (
        f'<div class="sources-for"><span class="asked">For <q>{escape(answer["question"])}</q></span>'
        f'<span class="backend">answered by <b>{escape(answer["backend"])}</b></span></div>'
    )
    if not answer["answered"]:
        return question + '<div class="sources-empty">No sources: the indexed articles do not cover this question.</div>'
    return question + "".join(cards)


def article_page(view: ArticleView, spans: list[Span], current: int | None) -> str:
    """The whole article with every cited span marked, the chosen one emphasised."""
    pieces: list[str] = []
    position = 0
    for start, end, n in sorted(spans):
        if start < position or view.text[start:end] == "":
            continue  # overlapping or empty spans cannot be marked twice
        css = "cited current" if n == current else "cited"
        pieces.append(escape(view.text[position:start]))
        pieces.append(f'<mark class="{css}" data-cite="{n}"><sup>[{n}]</sup>{escape(view.text[start:end])}</mark>')
        position = end
    pieces.append(escape(view.text[position:]))
    return (
        f'<div class="article-view"><h3>{_headline(view)}</h3><div class="meta">{_meta_line(view)}</div>'
        f'<div class="article-text">{"".join(pieces)}</div></div>'
    )


def article_error(sentence: str) -> str:
    return f'<div class="article-view"><p class="error">{escape(sentence)}</p></div>'


def built_at(iso: str) -> str:
    """`2026-11-25T20:36:37+00:00` as `2026-11-25 20:36 UTC`."""
    if not iso:
        return "not yet"
    return escape(iso[:16].replace("T", " ") + (" UTC" if iso.endswith("+00:00") else ""))


def path_html(path: str) -> str:
    """A path that wraps only after a `/` (or a space): each segment is kept whole, never broken mid-name."""
    segments = re.findall(r"[^/ ]*[/ ]|[^/ ]+$", path)
    return "<code>" + "<wbr>".join(f'<span class="segment">{escape(s)}</span>' for s in segments) + "</code>"


def index_panel(stats: dict[str, Any], report: str = "") -> str:
    built = built_at(stats["built_at"])
    rows = [
        ("corpus", path_html(stats["corpus"])),
        ("index", path_html(stats["index"])),
        ("articles", f'{stats["articles"]:,}'),
        ("chunks", f'{stats["chunks"]:,}'),
        ("built", built),
    ]
    table = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows)
    last = f'<p class="report">{escape(report)}</p>' if report else ""
    return f'<table class="index-stats">{table}</table>{last}'

"""The UI's pieces without a server: escaping, the sources panel, the article view, examples, the source view's confinement."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from assistant.api import ArticleView
from assistant.errors import AssistantError, CorpusError
from tests.conftest import SEEDS
from ui import render
from ui.app import auth_pair, exposure_warning
from ui.chat import ChatService, history_of, messages_of, parse_history

XSS = ['<script>alert(1)</script>', '<img src=x onerror="alert(1)">']
QUESTION = "Where did Blinken meet Qin Gang?"


def _view(text: str, source: str = "a.txt", title: str = "A <b>title</b>") -> ArticleView:
    return ArticleView(source, title, "2023-06-18", "AP", text)


@pytest.mark.parametrize("payload", XSS)
def test_questions_and_answers_are_text_not_markup(payload: str) -> None:
    turn = {"question": payload, "answer": None, "error": None}
    question_html, partial_html = (m["content"] for m in messages_of([turn], partial=payload))
    answered = {"question": payload, "answer": f"{payload} [1]", "answered": True, "backend": payload, "citations": []}
    for html in (question_html, partial_html, render.answer_message(answered), render.error_message(payload)):
        assert "<script" not in html and "<img" not in html
        assert "&lt;" in html


def test_refusal_is_shown_as_a_refusal_without_sources() -> None:
    refusal = {"question": "q", "answer": "The indexed articles do not cover this question.", "answered": False,
               "backend": "extractive", "citations": []}
    html = render.answer_message(refusal)
    assert 'class="refusal"' in html and "Not in the articles" in html and "no sources" in html
    assert "cite-ref" not in html
    assert "No sources" in render.sources_panel(refusal, [])


def test_answer_names_its_backend_and_styles_markers() -> None:
    answer = {"question": "q", "answer": "Quoted. [1] More. [2]", "answered": True, "backend": "openai:gpt-4o-mini",
              "citations": [{}, {}]}
    html = render.answer_message(answer)
    assert html.count('<sup class="cite-ref">') == 2
    assert "openai:gpt-4o-mini" in html and "2 sources" in html


def test_card_highlights_the_span_inside_its_paragraph_escaped() -> None:
    text = "Title\n\nFirst <i>para</i>. The quoted & cited sentence. Tail.\nNext paragraph."
    start = text.index("The quoted")
    end = start + len("The quoted & cited sentence.")
    card = render.source_card({"id": 2, "source": "a.txt", "start": start, "end": end, "quote": text[start:end]}, _view(text))
    assert "First &lt;i&gt;para&lt;/i&gt;. <mark>The quoted &amp; cited sentence.</mark> Tail." in card
    assert "Next paragraph" not in card
    assert "A &lt;b&gt;title&lt;/b&gt;" in card and "2023-06-18" in card and "a.txt" in card and 'data-cite="2"' in card


def test_card_marks_the_short_answer_inside_the_quote_and_the_chat_shows_it_first() -> None:
    text = "Title\n\nThey met at the <Diaoyutai> State Guesthouse on Sunday.\n"
    start = text.index("They")
    end = text.index("Sunday.") + len("Sunday.")
    a = text.index("the <Diaoyutai>")
    b = text.index(" on Sunday")
    citation = {"id": 1, "source": "a.txt", "start": start, "end": end, "quote": text[start:end], "answer_start": a, "answer_end": b}
    card = render.source_card(citation, _view(text))
    assert '<mark>They met at <strong class="short-answer">the &lt;Diaoyutai&gt; State Guesthouse</strong> on Sunday.</mark>' in card
    html = render.answer_message({"answer": "**the <Diaoyutai> State Guesthouse** [1]\n\nThey met. [1]", "answered": True,
                                  "backend": "extractive", "citations": [citation]})
    assert "<strong>the &lt;Diaoyutai&gt; State Guesthouse</strong>" in html and "**" not in html


def test_long_paragraphs_are_clipped_around_the_span() -> None:
    text = "x" * 2000 + "SPAN" + "y" * 2000
    before, span, after = render.context_of(text, 2000, 2004)
    assert span == "SPAN" and before.startswith("…") and after.endswith("…")
    assert len(before) <= render.CONTEXT_CHARS + 1 and len(after) <= render.CONTEXT_CHARS + 1


def test_card_for_a_changed_file_shows_the_quote_not_a_wrong_span() -> None:
    card = render.source_card({"id": 1, "source": "a.txt", "start": 0, "end": 5, "quote": "Hello"}, _view("Howdy there"))
    assert "<mark>Hello</mark>" in card and "changed" in card


def test_article_page_marks_every_cited_span_and_the_chosen_one() -> None:
    text = "One <x>. Two. Three."
    html = render.article_page(_view(text), [(9, 13, 1), (14, 20, 2)], current=2)
    assert 'One &lt;x&gt;. <mark class="cited" data-cite="1"><sup>[1]</sup>Two.</mark>' in html
    assert '<mark class="cited current" data-cite="2"><sup>[2]</sup>Three.</mark>' in html


def test_stream_yields_growing_pieces_then_the_finished_answer(seeds_assistant) -> None:  # type: ignore[no-untyped-def]
    steps = list(ChatService(seeds_assistant).stream(QUESTION, []))
    partials = [partial for turns, partial in steps if turns[-1]["answer"] is None]
    assert len(partials) > 3 and partials == sorted(partials, key=len)
    final_turns, _ = steps[-1]
    answer = final_turns[-1]["answer"]
    assert answer["answered"] and answer["question"] == QUESTION and "Diaoyutai" in answer["answer"]
    assert history_of(final_turns) == [(QUESTION, answer["answer"])]


def test_stream_shows_a_user_error_as_a_sentence(seeds_assistant) -> None:  # type: ignore[no-untyped-def]
    turns, _ = list(ChatService(seeds_assistant).stream("   ", []))[-1]
    assert turns[-1]["answer"] is None and "empty" in turns[-1]["error"]
    assert history_of(turns) == []


def test_history_must_be_question_answer_pairs() -> None:
    assert parse_history(None) == [] and parse_history([["q", "a"]]) == [("q", "a")]
    for bad in ("text", [["only one"]], [[1, 2]], [{"q": "a"}]):
        with pytest.raises(AssistantError):
            parse_history(bad)


@pytest.mark.parametrize("crafted", ["../README.md", "../../../../etc/passwd", "/etc/passwd", str(SEEDS / ".." / "README.md"),
                                     "nope.txt", "..", ""])
def test_source_view_refuses_paths_outside_the_corpus(seeds_assistant, crafted: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CorpusError):
        ChatService(seeds_assistant).source(crafted)


def test_source_view_refuses_symlinks_pointing_out(tmp_path: Path) -> None:
    from assistant import Assistant

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    secret = tmp_path / "secret.txt"
    secret.write_text("Private notes that must never be served.")
    os.symlink(secret, corpus / "link.txt")
    os.symlink(tmp_path, corpus / "up")
    assistant = Assistant(corpus=corpus, index=tmp_path / "index")
    assistant.index()
    service = ChatService(assistant)
    for crafted in ("link.txt", "up/secret.txt"):
        with pytest.raises(CorpusError):
            service.source(crafted)
    assert service.source("002_6d17bc3cc6b798f9.txt")["title"].startswith("Blinken Meets")


def test_sources_panel_turns_an_unreadable_source_into_a_sentence(seeds_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = {"question": "q", "answer": "x [1]", "answered": True, "backend": "extractive",
              "citations": [{"id": 1, "source": "../secret.txt", "start": 0, "end": 1, "quote": "x"}]}
    html = ChatService(seeds_assistant).sources_html(answer)
    assert "not an article of this corpus" in html and "data-cite" not in html
    assert ChatService(seeds_assistant).article_html(answer, 1).count("not an article") == 1


def test_examples_come_from_the_corpus_in_use(tmp_path: Path) -> None:
    from assistant import Assistant

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, title in enumerate(["Harbour bridge reopens after storm repairs", "Village bakery wins national bread prize"]):
        body = f"{title}\n\nThe story of {title.lower()} was reported on Monday by local officials in detail.\n"
        (corpus / f"{n}.txt").write_text(body, encoding="utf-8")
    assistant = Assistant(corpus=corpus, index=tmp_path / "index")
    assistant.index()
    examples = ChatService(assistant).examples()
    assert examples == [
        "What do the articles say about Harbour bridge reopens after storm repairs?",
        "What do the articles say about Village bakery wins national bread prize?",
    ]


def test_seed_examples_are_answerable(seeds_assistant) -> None:  # type: ignore[no-untyped-def]
    examples = ChatService(seeds_assistant).examples()
    assert len(examples) == 4 and len(set(examples)) == 4
    assert all(seeds_assistant.ask(q).answered for q in examples)


def test_binding_beyond_this_machine_without_login_warns() -> None:
    assert exposure_warning("127.0.0.1", None, share=False) == ""
    assert exposure_warning("localhost", None, share=False) == ""
    assert exposure_warning("::1", None, share=False) == ""
    assert "without a login" in exposure_warning("0.0.0.0", None, share=False)
    assert "without a login" in exposure_warning("myhost.lan", None, share=False)
    assert "public" in exposure_warning("127.0.0.1", None, share=True)
    assert "reverse proxy with TLS" in exposure_warning("0.0.0.0", "reader:secret", share=False)
    assert exposure_warning("127.0.0.1", "reader:secret", share=False) == ""
    assert exposure_warning("127.0.0.1", "reader:secret", share=True) == ""


def test_auth_is_user_colon_password() -> None:
    assert auth_pair(None) is None
    assert auth_pair("reader:se:cret") == ("reader", "se:cret")
    for bad in ("reader", ":secret", "reader:"):
        with pytest.raises(AssistantError):
            auth_pair(bad)

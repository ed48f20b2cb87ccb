"""The Python API: `Assistant(corpus, index).index()` then `.ask(question)`."""

from __future__ import annotations

from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Iterator

from chromadb.errors import ChromaError
from llama_index.core.llms import LLM

from assistant.answer import Answer, meaning
from assistant.answer.result import Status
from assistant.answer.chain import ExtractiveChain
from assistant.answer.evidence import Articles
from assistant.answer.reader import Reader
from assistant.budget import within_budget
from assistant.citations import CitationVerifier
from assistant.conversation import Turn
from assistant.embeddings import MiniLMEmbedding
from assistant.corpus import Article, check_corpus_dir, excluded_by, read_article
from assistant.errors import AssistantError, BadQuestionError, CorpusError
from assistant.filters import Filters, undated_notice
from assistant.generative import GenerativeChain, indexed_spans, openai_llm
from assistant.indexer import Indexer, IndexReport, Progress, lexical_dir, remove_index, words_dir
from assistant.lexical import STAMP_FILE, LexicalIndex
from assistant.metadata import extract_metadata
from assistant.prompts import load_prompts
from assistant.retrieval import HybridRetriever
from assistant.locking import index_lock
from assistant.settings import Settings, load_settings
from assistant.store import ChunkStore, damaged, missing, prepare_index_folder

MAX_QUESTION_CHARS = 2000
# A follow-up leans on the last few turns; older turns and longer texts would only cost time.
MAX_HISTORY_TURNS = 6
MAX_ANSWER_CHARS = 3000  # of each earlier answer in the history
MAX_SOURCE_CHARS = 4096  # the longest path Linux opens; anything longer is no article
ANSWER_BUDGET_SECONDS = 60.0  # for the retrieval and extractive work; a model's timeouts come on top
LOCAL_TIMEOUT = 300.0  # seconds: 2 shared cores may read an 800-token prompt at 17 tokens/s


class Assistant:
    """A corpus, its index, and the chain that answers from it."""

    def __init__(
        self,
        corpus: str | Path | None = None,
        index: str | Path | None = None,
        settings: Settings | None = None,
        **overrides: Any,
    ) -> None:
        base = settings.model_dump() if settings else {}
        paths = {"corpus": corpus or base.get("corpus"), "index": index or base.get("index")}
        self.settings = load_settings(**{**base, **paths, **overrides})
        self._lexical: LexicalIndex | None = None
        self._index_lock = threading.Lock()

    @cached_property
    def embed_model(self) -> MiniLMEmbedding:
        from llama_index.core import Settings as LlamaSettings
        from llama_index.core.llms import MockLLM

        model = MiniLMEmbedding()
        LlamaSettings.embed_model = model  # never let LlamaIndex reach for its OpenAI default
        LlamaSettings.llm = MockLLM()  # the extractive path calls no LLM at all
        return model

    @cached_property
    def store(self) -> ChunkStore:
        """The existing index, checked on open (creates nothing; a missing one is IndexMissingError)."""
        store = ChunkStore(self.settings)
        store.check()
        return store

    def index(
        self,
        rebuild: bool = False,
        show_progress: bool = False,
        on_progress: Progress | None = None,
        on_wait: Callable[[str], None] | None = None,
    ) -> IndexReport:
        """Bring the index in line with the corpus; `rebuild` starts from nothing.

        One run at a time per index folder, across processes: when another run holds it,
        `on_wait` is told and the run waits; without `on_wait`, IndexBusyError. Questions
        asked meanwhile keep using the previous BM25 index and whatever Chroma holds;
        their citations are verified as always.
        """
        check_corpus_dir(self.settings.corpus)
        prepare_index_folder(self.settings)
        with self._index_lock, index_lock(self.settings.index, on_wait):
            return self._index(rebuild, show_progress, on_progress)

    def _index(self, rebuild: bool, show_progress: bool, on_progress: Progress | None) -> IndexReport:
        if rebuild:
            remove_index(self.settings)
        self.__dict__.pop("store", None)
        store = ChunkStore(self.settings, create=True)
        if not rebuild:
            store.check(repairing=True)
        self.__dict__["store"] = store
        indexer = Indexer(self.settings, self.store, self.embed_model)
        report = indexer.run(show_progress=show_progress, on_progress=on_progress)
        self._lexical = indexer.lexical
        self.__dict__.pop("chain", None)
        return report

    @property
    def lexical(self) -> LexicalIndex:
        if self._lexical is None:
            if self.store.chunk_count() == 0:
                raise missing(self.settings)
            self._lexical = Indexer(self.settings, self.store, self.embed_model).refresh_lexical()
        return self._lexical

    @cached_property
    def chain(self) -> ExtractiveChain | GenerativeChain:
        """The extractive chain, or the generative one wrapped around it when a model is configured."""
        check_corpus_dir(self.settings.corpus)  # before the index, so a wrong --corpus is named as such
        retriever = HybridRetriever(
            self.store, self.lexical, self.embed_model, self.settings.top_k,
            self.settings.fusion, self.settings.lexical_weight,
        )
        articles = Articles(self.lexical.texts, self.lexical.metas)
        meaning.use_saved(words_dir(self.settings))
        reader = Reader(self.lexical.idf, articles, self.settings.min_support, self.settings.max_sentences)
        verifier = CitationVerifier(self.settings.corpus)
        extractive = ExtractiveChain(retriever, reader, verifier)
        backend = self._model_backend()
        if not backend:
            return extractive
        load_llm, name, loading = self._local_llm() if backend == "local" else self._endpoint_llm()
        key = self.settings.llm_api_key.get_secret_value() if self.settings.llm_api_key else ""
        return GenerativeChain(
            load_llm, name, retriever, extractive, verifier, self.embed_model, self.lexical.idf,
            indexed_spans(self.lexical.metas), load_prompts(),
            max_retries=self.settings.llm_max_retries, loading_message=loading, secret=key,
            pick_sentences=backend == "local" if self.settings.llm_copy_grammar is None else self.settings.llm_copy_grammar,
        )

    def _model_backend(self) -> str:
        """"" (extractive), "openai" or "local": auto means an endpoint when a model is named, else extractive."""
        backend = self.settings.backend
        if backend in ("extractive", "local"):
            return "" if backend == "extractive" else "local"
        if backend == "openai" and not self.settings.llm_model:
            raise AssistantError("backend = openai needs a model name: set ASSISTANT_LLM_MODEL or llm_model.")
        return "openai" if self.settings.llm_model else ""

    def _endpoint_llm(self) -> tuple[Callable[[], LLM], str, str]:
        s = self.settings
        key = s.llm_api_key.get_secret_value() if s.llm_api_key else ""

        def load() -> LLM:
            return openai_llm(
                str(s.llm_model), s.llm_base_url, key or None, s.llm_timeout, s.llm_context_window,
                s.llm_is_chat_model, s.temperature, s.max_tokens,
            )

        return load, f"openai:{s.llm_model}", ""

    def _local_llm(self) -> tuple[Callable[[], LLM], str, str]:
        """The packaged model, started on first use; a slow shared machine gets a longer timeout than an endpoint."""
        from assistant.cpu import free_cores
        from assistant.local_llm import CONTEXT_TOKENS, LOCAL_MODEL, MODEL_NAME, report_progress

        s = self.settings

        def load() -> LLM:
            endpoint = LOCAL_MODEL.endpoint(s.llm_cache, s.llm_threads or free_cores(), report_progress)
            return openai_llm(
                endpoint.model, endpoint.base_url, endpoint.api_key, max(s.llm_timeout, LOCAL_TIMEOUT),
                CONTEXT_TOKENS, True, s.temperature, s.max_tokens,
            )

        loading = "" if LOCAL_MODEL.loaded else "Loading the local model (once per process, 1.1 GB)…"
        return load, f"local:{MODEL_NAME}", loading

    def article(self, source: str) -> ArticleView:
        """The text of one indexed article. Anything else is refused: paths that leave the corpus,
        files the index does not hold (`.env`, backups, the index's own files) and excluded ones."""
        shown = "".join(ch if ch.isprintable() else "?" for ch in str(source)[:200])
        refused = CorpusError(f"{shown} is not an article of this corpus.")
        if not _plausible_path(source) or not self._is_indexed(source):
            raise refused
        root = self.settings.corpus.resolve()
        path = (root / source).resolve()
        if Path(source).is_absolute() or not path.is_relative_to(root) or not path.is_file():
            raise refused
        result = read_article(root, path)
        if not isinstance(result, Article):
            raise CorpusError(f"{source} cannot be shown: {result.reason}.")
        meta = extract_metadata(result.text, source)
        return ArticleView(source, meta.title, meta.date, meta.outlet, result.text)

    def _is_indexed(self, source: str) -> bool:
        """In the index's ledger under exactly this name, and not excluded by the settings in use."""
        if excluded_by(source, self.settings.exclude) is not None:
            return False
        return bool(self.store.ledger.get(ids=[source], include=[])["ids"])

    def stats(self) -> dict[str, Any]:
        """What the index holds, for the UI's index panel."""
        stamp = lexical_dir(self.settings) / STAMP_FILE
        built = datetime.fromtimestamp(stamp.stat().st_mtime, timezone.utc).isoformat(timespec="seconds") if stamp.exists() else ""
        return {
            "corpus": str(self.settings.corpus.resolve()),
            "index": self._index_location(),
            "articles": len(self.store.ledger_entries()),
            "chunks": self.store.chunk_count(),
            "built_at": built,
        }

    def _index_location(self) -> str:
        if self.settings.chroma_host:
            return f"chroma server {self.settings.chroma_host}:{self.settings.chroma_port}"
        return str(self.settings.index.resolve())

    def ask(self, question: str, history: list[Turn] | None = None, filters: Filters | None = None) -> Answer:
        """Answer from the indexed articles, citing verified spans, or say they do not cover it."""
        question, history = clean_question(question), clean_history(history)

        def answer() -> Iterator[Answer]:
            yield self.chain.answer(question, self.chain.condense(question, history), filters)

        with chroma_failures(self.settings):
            [result] = within_budget(self.answer_budget(), answer)
        return self._noting_filters(result, filters)

    def ask_stream(
        self, question: str, history: list[Turn] | None = None, filters: Filters | None = None
    ) -> Iterator[str | Status | Answer]:
        """Text pieces as they are ready, then the finished, verified Answer as the last item.

        Status items say what is happening meanwhile (loading or reading); they are not answer text.
        With a model the pieces are its verified sentences, so they never need taking back;
        a fallback's notice and text arrive with the final Answer.
        """
        question, history = clean_question(question), clean_history(history)
        pieces = within_budget(
            self.answer_budget(), lambda: self.chain.stream(question, self.chain.condense(question, history), filters)
        )
        with chroma_failures(self.settings):
            for piece in pieces:
                yield self._noting_filters(piece, filters) if isinstance(piece, Answer) else piece

    def _noting_filters(self, answer: Answer, filters: Filters | None) -> Answer:
        """Say how many undated articles a date filter left out, so an empty answer is not mistaken for none."""
        left_out = filters.undated_left_out(self.lexical.metas) if filters else 0
        if left_out:
            answer.notice = " ".join(part for part in (answer.notice, undated_notice(left_out)) if part)
            answer.details["undated_left_out"] = left_out
        return answer

    def answer_budget(self) -> float:
        """Seconds one answer may take: the local work, plus three model calls' timeouts when a model answers."""
        backend = self._model_backend()
        timeout = max(self.settings.llm_timeout, LOCAL_TIMEOUT) if backend == "local" else self.settings.llm_timeout
        return ANSWER_BUDGET_SECONDS + (3 * timeout if backend else 0)


@dataclass(frozen=True)
class ArticleView:
    """A whole article for display, with what the text says about itself."""

    source: str
    title: str
    date: str
    outlet: str
    text: str


def _plausible_path(source: object) -> bool:
    """Text a file system could take as a path (no NUL, encodable, not absurdly long), checked before any look-up."""
    if not isinstance(source, str) or len(source) > MAX_SOURCE_CHARS or "\x00" in source:
        return False
    try:
        source.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@contextmanager
def chroma_failures(settings: Settings) -> Iterator[None]:
    """A Chroma error while answering means the index broke after it was checked: say so."""
    try:
        yield
    except ChromaError as error:
        raise damaged(settings, f"{type(error).__name__}: {error}") from None


def clean_question(question: str) -> str:
    """Refuse what cannot be a question; shorten what is too long to mean anything more."""
    if not isinstance(question, str):
        raise BadQuestionError("The question must be text.")
    cleaned = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in question).strip()
    if not cleaned:
        raise BadQuestionError("The question is empty; type a question about the articles.")
    return cleaned[:MAX_QUESTION_CHARS]


def clean_history(history: list[Turn] | None) -> list[Turn]:
    """The last MAX_HISTORY_TURNS turns, each question and answer cut to a length the chain handles quickly."""
    return [(q[:MAX_QUESTION_CHARS], a[:MAX_ANSWER_CHARS]) for q, a in (history or [])[-MAX_HISTORY_TURNS:]]

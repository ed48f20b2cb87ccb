"""BBC News benchmark: indexing cost, incremental runs, ask latency at 2,225 articles and at 100k+ chunks,
retrieval and answer quality on tests/golden/bbc-dev.jsonl, and a naive LlamaIndex baseline.

    .venv/bin/python bench/bbc.py [--corpus /work/shared/corpora/bbc] [--out bench/RESULTS.md]

Everything runs on a copy of the corpus in a temporary folder (files are
touched and replicated there, never in the corpus itself) and writes one
Markdown report. `--limit N` runs the same steps on N files (the golden
sources first), for a quick smoke run.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import json
import math
import os
import platform
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import (
    Assistant,
    offline,  # noqa: F401  (telemetry off before chromadb loads)
)
from assistant.chunking import build_nodes, embedding_text
from assistant.corpus import scan_corpus
from assistant.embeddings import MiniLMEmbedding, shared_encoder
from assistant.evaluation import (
    GoldenItem,
    failures,
    load_golden,
    percentile,
    run_golden,
    summarize,
)
from assistant.metadata import extract_metadata
from assistant.settings import Settings

DEFAULT_CORPUS = Path("/work/shared/corpora/bbc")
DEFAULT_GOLDEN = ROOT / "tests" / "golden" / "bbc-dev.jsonl"
DEFAULT_OUT = ROOT / "bench" / "RESULTS.md"
EXCLUDE = Settings.model_fields["exclude"].default  # the corpus README.TXT is not an article
LEXICAL_UPDATE = "BM25 update (changed files tokenised, scores recomputed)"
TOUCH_SENTENCE = "\nThis paragraph was appended by the benchmark to change the file.\n"
RANK_DEPTH = 10
CANDIDATE_CHUNKS = 60  # single-side retrievers fetch this many chunks to rank 10 distinct articles
PAGE = 5000

TARGETS = {
    "source_recall": 0.95,
    "ask_p50_ms_small": 150.0,
    "ask_p50_ms_large": 400.0,
    "reindex_unchanged_s": 2.0,
    "build_over_embedding": 1.2,
}


# --------------------------------------------------------------------------- timing


class StageClock:
    """Wraps functions and methods to add up where the time goes, then puts them back."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self.first_start: dict[str, float] = {}
        self.labels: list[str] = []
        self._undo: list[tuple[Any, str, Any]] = []

    def wrap(self, owner: Any, name: str, label: str) -> None:
        """Time `owner.name` under `label`; a name this version of the code lacks is left out."""
        original = owner.__dict__.get(name) if isinstance(owner, type) else getattr(owner, name, None)
        if original is None:
            return
        clock = self

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            clock.first_start.setdefault(label, started)
            try:
                return original(*args, **kwargs)
            finally:
                clock.seconds[label] += time.perf_counter() - started
                clock.calls[label] += 1

        setattr(owner, name, timed)
        self._undo.append((owner, name, original))
        self.labels.append(label)

    def restore(self) -> None:
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)
        self._undo.clear()

    def table(self, per: int = 1, unit: str = "s") -> list[tuple[str, int, float]]:
        scale = 1000.0 if unit == "ms" else 1.0
        return [(label, self.calls[label], self.seconds[label] * scale / per) for label in self.labels if self.calls[label]]


def index_clock() -> StageClock:
    from chromadb.api.models.Collection import Collection
    from llama_index.vector_stores.chroma import ChromaVectorStore

    import assistant.indexer as indexer_module
    from assistant import word_vectors
    from assistant.embeddings import MiniLMEncoder
    from assistant.indexer import Indexer
    from assistant.lexical import LexicalIndex
    from assistant.store import ChunkStore

    clock = StageClock()
    clock.wrap(indexer_module, "scan_corpus", "scan corpus (read + sha256)")
    clock.wrap(ChunkStore, "ledger_entries", "read ledger")
    clock.wrap(indexer_module, "extract_metadata", "metadata")
    clock.wrap(indexer_module, "build_nodes", "chunking (sentences)")
    clock.wrap(MiniLMEncoder, "encode", "embedding (MiniLM encode)")
    clock.wrap(word_vectors, "embed", "  of which the corpus's words (word_vectors.embed)")
    clock.wrap(Indexer, "_save_words", "word vectors: the missing ones, pruning, save")
    clock.wrap(indexer_module, "find_story", "near-duplicate detection (find_story)")
    clock.wrap(indexer_module, "assign_stories", "near-duplicate detection (assign_stories)")
    clock.wrap(Collection, "query", "  of which Chroma queries")
    clock.wrap(ChunkStore, "replace_file", "Chroma writes (replace_file)")
    clock.wrap(ChunkStore, "replace_files", "Chroma writes (replace_files)")
    clock.wrap(ChromaVectorStore, "delete", "  of which delete by source")
    clock.wrap(ChromaVectorStore, "add", "  of which add chunks")
    clock.wrap(Collection, "upsert", "  of which ledger upsert")
    clock.wrap(Indexer, "refresh_lexical", "BM25 rebuild from the store + save")
    clock.wrap(LexicalIndex, "updated", LEXICAL_UPDATE)
    clock.wrap(LexicalIndex, "save", "  BM25 save")
    return clock


def ask_clock() -> StageClock:
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.citations import CitationVerifier
    from assistant.answer.reader import Reader
    from assistant.lexical import LexicalIndex
    from assistant.store import ChunkStore

    clock = StageClock()
    clock.wrap(MiniLMEmbedding, "_get_query_embedding", "query embedding")
    clock.wrap(ChromaVectorStore, "query", "Chroma dense query")
    clock.wrap(LexicalIndex, "search", "BM25 search")
    clock.wrap(ChunkStore, "embeddings_of", "Chroma get (lexical-only vectors)")
    clock.wrap(Reader, "read", "reading (question, candidates, refusal)")
    clock.wrap(CitationVerifier, "is_verbatim", "citation check")
    return clock


def timed(function: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def profile_top(function: Callable[[], Any], lines: int = 14) -> str:
    """cProfile of one call, the functions with the most own time."""
    profiler = cProfile.Profile()
    profiler.runcall(function)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(lines)
    text = out.getvalue()
    body = text[text.find("ncalls") :] if "ncalls" in text else (text.strip() or "(the profiler recorded nothing)")
    return "\n".join(line.replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "") for line in body.splitlines())


def rss_now_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class MemorySampler:
    """Resident memory every 0.2 s in a thread, to tell when the peak happens."""

    def __init__(self) -> None:
        import threading

        self.samples: list[tuple[float, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append((time.perf_counter(), rss_now_mb()))
            self._stop.wait(0.2)

    def peak_between(self, start: float, end: float) -> float:
        """Highest sample in the interval (or the first one after it starts, for short intervals)."""
        inside = [mb for t, mb in self.samples if start <= t <= end]
        after = [mb for t, mb in self.samples if t >= start][:1]
        return max(inside or after or [0.0])


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


# --------------------------------------------------------------------------- corpus


def copy_corpus(source: Path, target: Path, golden: list[GoldenItem], limit: int | None) -> int:
    """The whole corpus, or `limit` files: golden sources first, then an even spread of the rest."""
    files = sorted(p.relative_to(source) for p in source.rglob("*") if p.is_file())
    if limit:
        wanted = sorted({Path(s) for item in golden for group in item.sources for s in group})[:limit]
        rest = [f for f in files if f not in wanted and f.parent != Path(".")]
        room = limit - len(wanted)
        files = sorted(wanted + (rest[:: max(1, len(rest) // room)][:room] if room > 0 else []))
    for relative in files:
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / relative, target / relative)
    return len(files)


def touch_files(corpus: Path, fraction: float) -> dict[Path, bytes]:
    """Append a sentence to every n-th article; returns the original bytes to restore."""
    articles = [a.path for a in scan_corpus(corpus, EXCLUDE).articles]
    count = max(1, round(len(articles) * fraction))
    chosen = articles[:: max(1, len(articles) // count)][:count]
    originals = {path: path.read_bytes() for path in chosen}
    for path in chosen:
        path.write_bytes(originals[path] + TOUCH_SENTENCE.encode())
    return originals


def new_assistant(corpus: Path, index: Path) -> Assistant:
    return Assistant(corpus=corpus, index=index)


# --------------------------------------------------------------------------- indexing


@dataclass
class BuildResult:
    files: int
    chunks: int
    skipped: list[str]
    wall_s: float
    stages: list[tuple[str, int, float]]
    rss_before_mb: float
    peak_rss_mb: float
    rss_peak_embedding_mb: float
    rss_peak_lexical_mb: float
    rss_after_mb: float
    cpu_s: float = 0.0
    embed_texts: int = 0
    embed_tokens: int = 0
    pure_embed_s: float = 0.0
    pure_embed_cpu_s: float = 0.0


def build_index(corpus: Path, index: Path) -> BuildResult:
    """From nothing, as a user's first `assistant index` does (model load included)."""
    rss_before = rss_now_mb()
    clock = index_clock()
    try:
        with MemorySampler() as memory:
            started, cpu = time.perf_counter(), time.process_time()
            report, wall = timed(lambda: new_assistant(corpus, index).index())
            cpu = time.process_time() - cpu
    finally:
        clock.restore()
    lexical_start = clock.first_start.get(LEXICAL_UPDATE, started + wall)
    return BuildResult(
        files=len(report.added),
        chunks=report.chunks,
        skipped=[f"{s.source} ({s.reason})" for s in report.skipped],
        wall_s=wall,
        stages=clock.table(),
        rss_before_mb=rss_before,
        peak_rss_mb=peak_rss_mb(),
        rss_peak_embedding_mb=memory.peak_between(started, lexical_start),
        rss_peak_lexical_mb=memory.peak_between(lexical_start, started + wall + 1),
        rss_after_mb=rss_now_mb(),
        cpu_s=cpu,
    )


def embedding_texts(corpus: Path, chunk_chars: int) -> list[str]:
    """Exactly the texts the indexer embeds."""
    texts = []
    for article in scan_corpus(corpus, EXCLUDE).articles:
        for node in build_nodes(article, extract_metadata(article.text, article.source), chunk_chars):
            texts.append(embedding_text(node))
    return texts


def pure_embedding(build: BuildResult, corpus: Path, chunk_chars: int) -> None:
    texts = embedding_texts(corpus, chunk_chars)
    encoder = shared_encoder()
    tokens = sum(sum(e.attention_mask) for e in encoder._tokenizer.encode_batch(texts))  # padding excluded
    cpu = time.process_time()
    _, seconds = timed(lambda: encoder.encode_without_memo(texts))  # the model itself: no text from the build is remembered
    build.embed_texts, build.embed_tokens, build.pure_embed_s = len(texts), tokens, seconds
    build.pure_embed_cpu_s = time.process_time() - cpu


@dataclass
class ReindexResult:
    unchanged_s: float
    unchanged_report: str
    unchanged_stages: list[tuple[str, int, float]]
    unchanged_profile: str
    cli_unchanged_s: float
    touched: int
    touched_s: float
    touched_report: str
    touched_stages: list[tuple[str, int, float]]
    restored_s: float


def reindex(corpus: Path, index: Path) -> ReindexResult:
    clock = index_clock()
    try:
        report, unchanged_s = timed(lambda: new_assistant(corpus, index).index())
    finally:
        clock.restore()
    unchanged_stages = clock.table()
    profile = profile_top(lambda: new_assistant(corpus, index).index())
    cli_s = cli_reindex(corpus, index)
    originals = touch_files(corpus, 0.01)
    clock = index_clock()
    try:
        touched_report, touched_s = timed(lambda: new_assistant(corpus, index).index())
    finally:
        clock.restore()
    touched_stages = clock.table()
    for path, raw in originals.items():
        path.write_bytes(raw)
    _, restored_s = timed(lambda: new_assistant(corpus, index).index())
    return ReindexResult(
        unchanged_s=unchanged_s,
        unchanged_report=report.summary(),
        unchanged_stages=unchanged_stages,
        unchanged_profile=profile,
        cli_unchanged_s=cli_s,
        touched=len(originals),
        touched_s=touched_s,
        touched_report=touched_report.summary(),
        touched_stages=touched_stages,
        restored_s=restored_s,
    )


def cli_reindex(corpus: Path, index: Path) -> float:
    """`assistant index` in a new process: interpreter start, imports and model load included."""
    command = [sys.executable, "-m", "assistant.cli", "--corpus", str(corpus), "--index", str(index), "index"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the same code as this process, not another checkout
    _, seconds = timed(lambda: subprocess.run(command, cwd=index.parent, env=env, check=True, capture_output=True))
    return seconds


# --------------------------------------------------------------------------- questions


@dataclass
class AskResult:
    chunks: int
    summary: dict[str, Any]
    stages_ms: list[tuple[str, int, float]]
    misses: list[str]
    supports: list[tuple[bool, float]] = field(default_factory=list)
    cold_first_ask_s: float = 0.0
    profile: str = ""


def evaluate_asks(assistant: Assistant, items: list[GoldenItem], corpus: Path, profile: bool = False) -> AskResult:
    _, cold = timed(lambda: assistant.ask(items[0].question))  # a new Assistant loads its BM25 index here
    clock = ask_clock()
    try:
        results = run_golden(assistant, items)
    finally:
        clock.restore()
    missed = [f["id"] for f in failures(results)]
    supports = [(r.item.answerable, float(r.answer.details.get("support", 0.0))) for r in results]
    result = AskResult(assistant.store.chunk_count(), summarize(results, corpus), clock.table(len(items), "ms"), missed, supports, cold)
    if profile:
        result.profile = profile_top(lambda: run_golden(assistant, items))
    return result


@dataclass
class RankStats:
    hit1: float
    hit5: float
    mrr10: float
    p50_ms: float
    p95_ms: float


def article_rank(sources: list[str], item: GoldenItem) -> int | None:
    """1-based rank of the first required file among the distinct articles retrieved."""
    wanted = {s for group in item.sources for s in group}
    distinct = list(dict.fromkeys(sources))
    for rank, source in enumerate(distinct[:RANK_DEPTH], start=1):
        if source in wanted:
            return rank
    return None


def rank_stats(retrieve: Callable[[str], list[str]], items: list[GoldenItem]) -> RankStats:
    answerable = [i for i in items if i.answerable]
    ranks, latencies = [], []
    for item in answerable:
        sources, seconds = timed(lambda: retrieve(item.question))
        ranks.append(article_rank(sources, item))
        latencies.append(seconds * 1000)
    n = max(1, len(ranks))
    return RankStats(
        hit1=round(sum(1 for r in ranks if r == 1) / n, 4),
        hit5=round(sum(1 for r in ranks if r and r <= 5) / n, 4),
        mrr10=round(sum(1 / r for r in ranks if r) / n, 4),
        p50_ms=round(statistics.median(latencies), 1),
        p95_ms=round(percentile(latencies, 95), 1),
    )


def retrieval_quality(assistant: Assistant, items: list[GoldenItem]) -> dict[str, RankStats]:
    from llama_index.core.vector_stores.types import VectorStoreQuery

    store, lexical, model = assistant.store, assistant.lexical, assistant.embed_model
    retriever = assistant.chain.retriever

    def dense(question: str) -> list[str]:
        query = VectorStoreQuery(query_embedding=model.get_query_embedding(question), similarity_top_k=CANDIDATE_CHUNKS)
        return [n.metadata["source"] for n in store.vector_store.query(query).nodes or []]

    def bm25(question: str) -> list[str]:
        return [lexical.metas[h.position]["source"] for h in lexical.search(question, CANDIDATE_CHUNKS)]

    def hybrid(question: str) -> list[str]:
        return [n.node.metadata["source"] for n in retriever.retrieve(question)]

    return {
        "dense (Chroma)": rank_stats(dense, items),
        "lexical (BM25)": rank_stats(bm25, items),
        "hybrid (as `ask` retrieves)": rank_stats(hybrid, items),
    }


# --------------------------------------------------------------------------- 100k chunks


@dataclass
class ScaleResult:
    copies: int
    chunks: int
    articles: int
    add_s: float
    lexical_s: float
    ask: AskResult | None = None
    retrieval: dict[str, RankStats] = field(default_factory=dict)


def replicate(assistant: Assistant, corpus: Path, target_chunks: int) -> ScaleResult:
    """Add copies of every chunk (stored vectors reused, nothing re-embedded) under copyN/ sources."""
    store = assistant.store
    base = store.chunk_count()
    copies = max(1, math.ceil(target_chunks / max(1, base)) - 1)
    files = [p.relative_to(corpus) for p in corpus.rglob("*") if p.is_file()]
    ledger = store.ledger_entries()
    started = time.perf_counter()
    pages = list(chunk_pages(store))
    for number in range(1, copies + 1):
        prefix = f"copy{number}/"
        link_files(corpus, files, prefix)
        for page in pages:
            add_copy(store, page, prefix)
        add_ledger_copy(store, ledger, prefix)
    add_s = time.perf_counter() - started
    from assistant.indexer import Indexer

    _, lexical_s = timed(lambda: Indexer(assistant.settings, store, assistant.embed_model).refresh_lexical(force=True))
    return ScaleResult(copies, store.chunk_count(), len(store.ledger_entries()), add_s, lexical_s)


def add_ledger_copy(store: Any, ledger: dict[str, Any], prefix: str) -> None:
    """Ledger records for the copies, with the originals' digests, so the BM25 stamp matches the ledger."""
    sources = sorted(ledger)
    for begin in range(0, len(sources), PAGE):
        part = sources[begin : begin + PAGE]
        store.ledger.upsert(
            ids=[prefix + s for s in part],
            embeddings=[[0.0] for _ in part],
            metadatas=[{"digest": ledger[s].digest, "chunks": ledger[s].chunks} for s in part],
        )


def link_files(corpus: Path, files: list[Path], prefix: str) -> None:
    """The replicated sources exist on disk (hard links), so their citations verify like any other."""
    for relative in files:
        target = corpus / prefix / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(corpus / relative, target)
        except OSError:
            shutil.copy2(corpus / relative, target)


def chunk_pages(store: Any) -> Iterator[dict[str, Any]]:
    """Every chunk of the index, a page at a time, with its vector."""
    total = store.chunk_count()
    for offset in range(0, total, PAGE):
        page = store.chunks.get(include=["embeddings", "documents", "metadatas"], limit=PAGE, offset=offset)
        yield {key: list(page[key]) for key in ("ids", "embeddings", "documents", "metadatas")}


def add_copy(store: Any, page: dict[str, Any], prefix: str) -> None:
    metadatas = [copied_metadata(m, prefix) for m in page["metadatas"]]
    batch = store.client.get_max_batch_size()
    ids = [prefix + i for i in page["ids"]]
    for begin in range(0, len(ids), batch):
        end = begin + batch
        store.chunks.add(
            ids=ids[begin:end],
            embeddings=page["embeddings"][begin:end],
            documents=page["documents"][begin:end],
            metadatas=metadatas[begin:end],
        )


def copied_metadata(meta: dict[str, Any], prefix: str) -> dict[str, Any]:
    """The metadata LlamaIndex's ChromaVectorStore wrote, pointed at the copy (ids, source, ref doc)."""
    meta = dict(meta)
    source = prefix + str(meta["source"])
    node = json.loads(meta["_node_content"])
    node["id_"] = prefix + node["id_"]
    node["metadata"]["source"] = source
    for relation in node.get("relationships", {}).values():
        if isinstance(relation, dict) and relation.get("node_id") == meta["source"]:
            relation["node_id"] = source
    meta.update(source=source, document_id=source, doc_id=source, ref_doc_id=source, _node_content=json.dumps(node))
    return meta


def with_copies(items: list[GoldenItem], copies: int) -> list[GoldenItem]:
    """A copy of an article answers its question as well as the original does."""
    def grow(group: list[str]) -> list[str]:
        return group + [f"copy{n}/{s}" for n in range(1, copies + 1) for s in group]

    return [replace(item, sources=[grow(g) for g in item.sources]) for item in items]


# --------------------------------------------------------------------------- naive LlamaIndex baseline


@dataclass
class BaselineResult:
    chunks: int
    build_s: float
    ranks: RankStats


def naive_baseline(corpus: Path, items: list[GoldenItem], folder: Path) -> BaselineResult:
    """VectorStoreIndex over ChromaVectorStore, default SentenceSplitter, same MiniLM model, top 10."""
    import chromadb
    from llama_index.core import Document, StorageContext, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.vector_stores.chroma import ChromaVectorStore

    documents = [
        Document(text=a.text, metadata={"source": a.source}, excluded_embed_metadata_keys=["source"])
        for a in scan_corpus(corpus, EXCLUDE).articles
        if not a.source.startswith("copy")
    ]
    client = chromadb.PersistentClient(path=str(folder), settings=chromadb.config.Settings(anonymized_telemetry=False))
    collection = client.get_or_create_collection("naive", metadata={"hnsw:space": "cosine"}, embedding_function=None)
    storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=collection))
    index, build_s = timed(
        lambda: VectorStoreIndex.from_documents(
            documents, storage_context=storage, embed_model=MiniLMEmbedding(), transformations=[SentenceSplitter()]
        )
    )
    retriever = index.as_retriever(similarity_top_k=RANK_DEPTH)
    ranks = rank_stats(lambda q: [n.node.metadata["source"] for n in retriever.retrieve(q)], items)
    return BaselineResult(collection.count(), build_s, ranks)


# --------------------------------------------------------------------------- report


def machine_facts() -> dict[str, str]:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
        platform.processor(),
    )
    memory = next(
        (int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")),
        0,
    )
    import chromadb
    import llama_index.core

    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "code measured": code_version(),
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "memory": f"{memory} GiB",
        "python": platform.python_version(),
        "chromadb": chromadb.__version__,
        "llama-index-core": llama_index.core.__version__,
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def code_version() -> str:
    """The commit of the assistant package measured (BENCH_CODE names a snapshot taken outside git)."""
    if os.environ.get("BENCH_CODE"):
        return os.environ["BENCH_CODE"]
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "assistant"], capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit}{' with uncommitted changes to assistant/' if dirty else ''}"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def stage_rows(stages: list[tuple[str, int, float]], unit: str, total: float | None = None) -> list[str]:
    rows = []
    for label, calls, value in stages:
        share = f" | {100 * value / total:.0f}%" if total else ""
        rows.append(f"| {label} | {calls} | {value:.{1 if unit == 'ms' else 2}f} {unit}{share} |")
    return rows


def rank_rows(ranks: dict[str, RankStats]) -> list[str]:
    return [
        f"| {name} | {r.hit1:.2f} | {r.hit5:.2f} | {r.mrr10:.2f} | {r.p50_ms:.1f} | {r.p95_ms:.1f} |"
        for name, r in ranks.items()
    ]


def support_rows(supports: list[tuple[bool, float]]) -> list[str]:
    """Would another `min_support` separate the answerable from the unanswerable questions?"""
    yes = sorted(v for answerable, v in supports if answerable)
    no = sorted(v for answerable, v in supports if not answerable)
    if not yes or not no:
        return []
    rows = [
        f"Evidence score (`details['support']`) at BBC size: answerable min {yes[0]:.3f}, median {statistics.median(yes):.3f}; "
        f"unanswerable median {statistics.median(no):.3f}, max {no[-1]:.3f}. Refusals if `min_support` were set to:",
        "",
        "| min_support | refusal rate (unanswerable) | false refusals (answerable) |",
        "| --- | --- | --- |",
    ]
    for threshold in (0.40, 0.45, 0.50, 0.55, 0.60, 0.65):
        refused = sum(v < threshold for v in no) / len(no)
        false = sum(v < threshold for v in yes) / len(yes)
        rows.append(f"| {threshold:.2f} | {refused:.2f} | {false:.2f} |")
    return rows


def write_report(out: Path, r: dict[str, Any]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(r))


def render(r: dict[str, Any]) -> str:
    build: BuildResult = r["build"]
    again: ReindexResult = r["reindex"]
    small: AskResult = r["ask_small"]
    scale: ScaleResult = r["scale"]
    base: BaselineResult = r["baseline"]
    ours = r["retrieval_small"]["hybrid (as `ask` retrieves)"]
    q = small.summary
    ratio = build.wall_s / build.pure_embed_s if build.pure_embed_s else float("inf")
    large_p50 = scale.ask.summary["latency_p50_ms"] if scale.ask else float("nan")
    refused_all = q["refusal_rate"] >= 1.0
    lines = [
        "# BBC News benchmark",
        "",
        f"`{r['command']}` wrote this file; one run reproduces every number. "
        f"Corpus: a temporary copy of `{r['corpus']}` ({r['files']} files). "
        f"Golden set: `{r['golden']}` ({q['answerable']} needle questions each answered by one article "
        f"(near-duplicate copies listed with it), {q['unanswerable']} unanswerable). Total run time {r['run_s'] / 60:.1f} min.",
        "",
        "## Machine",
        "",
        "| fact | value |",
        "| --- | --- |",
        *[f"| {k} | {v} |" for k, v in r["machine"].items()],
        f"| load average at end | {r['load_end']} |",
        "",
        "Other work shared these cores during the run (see the load averages), so timings carry some noise.",
        "",
        "## Targets",
        "",
        "| target | measured | result |",
        "| --- | --- | --- |",
        f"| BBC needle source recall >= 0.95, unanswerable refused | recall {q['source_recall']:.2f}, refusal rate {q['refusal_rate']:.2f} | "
        f"{verdict(q['source_recall'] >= TARGETS['source_recall'] and refused_all)} |",
        f"| ask p50 < 150 ms at {build.files:,} articles ({small.chunks:,} chunks) | {q['latency_p50_ms']:.0f} ms | {verdict(q['latency_p50_ms'] < TARGETS['ask_p50_ms_small'])} |",
        f"| ask p50 < 400 ms at {scale.chunks:,} chunks | {large_p50:.0f} ms | {verdict(large_p50 < TARGETS['ask_p50_ms_large'])} |",
        f"| re-index unchanged < 2 s | {again.unchanged_s:.2f} s | {verdict(again.unchanged_s < TARGETS['reindex_unchanged_s'])} |",
        f"| index build within 1.2x pure embedding | {ratio:.2f}x | {verdict(ratio <= TARGETS['build_over_embedding'])} |",
        "",
        "## Indexing from scratch",
        "",
        f"`Assistant(corpus=copy, index=tmp).index()` on an empty index: {build.files} files, {build.chunks:,} chunks, "
        f"skipped: {', '.join(build.skipped) or 'none'}.",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| wall time, build from scratch (model load included) | {build.wall_s:.1f} s |",
        f"| pure embedding of the same {build.embed_texts:,} texts (`encode_without_memo`, one call, same process) | {build.pure_embed_s:.1f} s |",
        f"| ratio build / pure embedding (wall) | {ratio:.2f}x |",
        f"| process CPU time: build / pure embedding | {build.cpu_s:.1f} s / {build.pure_embed_cpu_s:.1f} s = {build.cpu_s / max(1e-9, build.pure_embed_cpu_s):.2f}x |",
        f"| tokens embedded (after 256-token truncation, padding excluded) | {build.embed_tokens:,} ({1000 * build.pure_embed_s / max(1, build.embed_tokens):.3f} ms per token) |",
        f"| peak memory (`resource.getrusage(RUSAGE_SELF).ru_maxrss`, whole process up to the end of the build) | {build.peak_rss_mb:.0f} MiB |",
        f"| resident memory before the build (imports only) | {build.rss_before_mb:.0f} MiB |",
        f"| resident peak while chunking, embedding and writing to Chroma (sampled every 0.2 s) | {build.rss_peak_embedding_mb:.0f} MiB |",
        f"| resident peak while building the BM25 index at the end (sampled) | {build.rss_peak_lexical_mb:.0f} MiB |",
        f"| resident after the build | {build.rss_after_mb:.0f} MiB |",
        "",
        "Where the build's time went (stage timers wrapped around the indexer's functions; nested stages overlap):",
        "",
        "| stage | calls | time | share of wall |",
        "| --- | --- | --- | --- |",
        *stage_rows(build.stages, "s", build.wall_s),
        "",
        "## Re-indexing",
        "",
        "| run | time | report |",
        "| --- | --- | --- |",
        f"| unchanged corpus, new `Assistant` in the same process | {again.unchanged_s:.2f} s | {again.unchanged_report} |",
        f"| unchanged corpus, `assistant index` CLI in a new process (interpreter, imports, model load) | {again.cli_unchanged_s:.2f} s | |",
        f"| {again.touched} files (1%) with a sentence appended | {again.touched_s:.2f} s | {again.touched_report} |",
        f"| the same files restored | {again.restored_s:.2f} s | |",
        "",
        "Unchanged run, by stage:",
        "",
        "| stage | calls | time | share |",
        "| --- | --- | --- | --- |",
        *stage_rows(again.unchanged_stages, "s", again.unchanged_s),
        "",
        f"Run after touching {again.touched} files, by stage:",
        "",
        "| stage | calls | time | share |",
        "| --- | --- | --- | --- |",
        *stage_rows(again.touched_stages, "s", again.touched_s),
        "",
        "cProfile of the unchanged run (top functions by own time):",
        "",
        "```",
        again.unchanged_profile,
        "```",
        "",
        "## Ask latency",
        "",
        "Every golden question asked once through `Assistant.ask` (after one warm-up question), timed by "
        "`assistant.evaluation.run_golden`.",
        "",
        "| index | chunks | articles | p50 | p95 | first ask of a new Assistant (loads BM25) |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| BBC | {small.chunks:,} | {build.files:,} | {q['latency_p50_ms']:.0f} ms | {q['latency_p95_ms']:.0f} ms | {small.cold_first_ask_s:.2f} s |",
    ]
    if scale.ask:
        s = scale.ask.summary
        lines.append(
            f"| BBC x{scale.copies + 1} | {scale.chunks:,} | {scale.articles:,} | {s['latency_p50_ms']:.0f} ms | "
            f"{s['latency_p95_ms']:.0f} ms | {scale.ask.cold_first_ask_s:.2f} s |"
        )
    lines += [
        "",
        "Average time per question by stage (ms):",
        "",
        "| stage | calls | ms per question (BBC) | ms per question (x" + str(scale.copies + 1) + ") |",
        "| --- | --- | --- | --- |",
    ]
    large_stages = {label: value for label, _, value in (scale.ask.stages_ms if scale.ask else [])}
    for label, calls, value in small.stages_ms:
        lines.append(f"| {label} | {calls} | {value:.1f} | {large_stages.get(label, float('nan')):.1f} |")
    lines += [
        "",
        f"**How the {scale.chunks:,}-chunk index was made without re-embedding.** Every chunk of the BBC index was read back "
        f"from the Chroma collection (ids, stored vectors, documents, metadata) and added again {scale.copies} times under "
        "new ids and sources `copyN/<topic>/<file>` (the `source`, `document_id`/`ref_doc_id` fields and the node JSON that "
        "LlamaIndex's `ChromaVectorStore` keeps were rewritten to match); a ledger record per copied file was added with the "
        "original's digest, and the corpus copy got hard links `copyN/<topic>/<file>` so citations of copies verify like any "
        "other. Then `Indexer(...).refresh_lexical(force=True)` rebuilt the BM25 index from the store. "
        f"Adding the copies took {scale.add_s:.1f} s, the BM25 rebuild {scale.lexical_s:.1f} s. "
        "Golden sources were widened to their copies for the quality numbers at this size.",
    ]
    if scale.ask and scale.ask.profile:
        lines += ["", f"cProfile of all golden questions at {scale.chunks:,} chunks (top functions by own time):", "", "```", scale.ask.profile, "```"]
    lines += [
        "",
        "## Retrieval quality (article level)",
        "",
        f"Answerable golden questions; a question's rank is that of the first required file among the distinct articles "
        f"retrieved (top {RANK_DEPTH} articles). Dense: `store.vector_store.query` with the query embedding; lexical: "
        f"`LexicalIndex.search`; hybrid: the assistant's `HybridRetriever` (top_k = {r['top_k']} chunks, fusion = `{r['fusion']}`, as `ask` uses it). Latency is "
        "retrieval only, query embedding included.",
        "",
        "| retriever | hit@1 | hit@5 | MRR@10 | p50 ms | p95 ms |",
        "| --- | --- | --- | --- | --- | --- |",
        *rank_rows(r["retrieval_small"]),
    ]
    if scale.retrieval:
        lines += ["", f"At {scale.chunks:,} chunks (a copy counts as its original):", "", "| retriever | hit@1 | hit@5 | MRR@10 | p50 ms | p95 ms |", "| --- | --- | --- | --- | --- | --- |", *rank_rows(scale.retrieval)]
    lines += [
        "",
        "## Answer quality (`assistant.evaluation.run_golden` / `summarize`)",
        "",
        "| metric | BBC | x" + str(scale.copies + 1) + " |",
        "| --- | --- | --- |",
    ]
    large = scale.ask.summary if scale.ask else {}
    for key in ("fact_accuracy", "source_recall", "citation_precision", "verified_spans", "refusal_rate", "false_refusal_rate", "hit@1", "hit@5", "mrr@10"):
        lines.append(f"| {key} | {q[key]} | {large.get(key, '')} |")
    lines += [
        "",
        "(`hit@k` / `mrr@10` in this table are `summarize`'s chunk-level ranks of the chunks handed to the answer step.)",
        "",
        f"Missed questions at BBC size: {', '.join(small.misses) or 'none'}.",
        "",
        *support_rows(small.supports),
        "",
        "## Naive LlamaIndex baseline",
        "",
        "`VectorStoreIndex.from_documents` over a new `ChromaVectorStore` collection (separate temporary path), the same "
        "`MiniLMEmbedding`, LlamaIndex's default `SentenceSplitter` (1024-token chunks, 200 overlap; MiniLM truncates each to "
        "256 tokens), one `Document` per file with its text only, `as_retriever(similarity_top_k=10)`.",
        "",
        "| | ours (hybrid) | naive baseline | ours / baseline |",
        "| --- | --- | --- | --- |",
        f"| chunks | {small.chunks:,} | {base.chunks:,} | {small.chunks / max(1, base.chunks):.1f}x |",
        f"| build time | {build.wall_s:.1f} s | {base.build_s:.1f} s | {build.wall_s / max(1e-9, base.build_s):.2f}x |",
        f"| hit@1 | {ours.hit1:.2f} | {base.ranks.hit1:.2f} | {ours.hit1 / max(1e-9, base.ranks.hit1):.2f} |",
        f"| hit@5 | {ours.hit5:.2f} | {base.ranks.hit5:.2f} | {ours.hit5 / max(1e-9, base.ranks.hit5):.2f} |",
        f"| MRR@10 | {ours.mrr10:.2f} | {base.ranks.mrr10:.2f} | {ours.mrr10 / max(1e-9, base.ranks.mrr10):.2f} |",
        f"| retrieval p50 | {ours.p50_ms:.1f} ms | {base.ranks.p50_ms:.1f} ms | {ours.p50_ms / max(1e-9, base.ranks.p50_ms):.2f}x |",
        f"| retrieval p95 | {ours.p95_ms:.1f} ms | {base.ranks.p95_ms:.1f} ms | {ours.p95_ms / max(1e-9, base.ranks.p95_ms):.2f}x |",
        "",
    ]
    findings = Path(__file__).with_name("FINDINGS.md")
    if findings.exists() and not r["limited"]:
        lines += [findings.read_text().rstrip(), ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--golden", type=Path, default=DEFAULT_GOLDEN)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--limit", type=int, help="use only this many files (golden sources first), for a smoke run")
    parser.add_argument("--scale-chunks", type=int, default=100_000, help="chunks to reach by replicating the index")
    parser.add_argument("--work", type=Path, help="working folder (default: a new temporary one, removed afterwards)")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile runs")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    work = args.work or Path(tempfile.mkdtemp(prefix="bbc-bench-"))
    corpus, index = work / "corpus", work / "index"
    golden = load_golden(args.golden)
    r: dict[str, Any] = {"machine": machine_facts(), "corpus": args.corpus, "golden": args.golden.relative_to(ROOT) if args.golden.is_relative_to(ROOT) else args.golden, "limited": bool(args.limit)}
    r["command"] = "bench/bbc.py" + (f" --limit {args.limit}" if args.limit else "")
    try:
        step("copy corpus")
        r["files"] = copy_corpus(args.corpus, corpus, golden, args.limit)
        step("build index")
        r["build"] = build_index(corpus, index)
        step("pure embedding")
        pure_embedding(r["build"], corpus, new_assistant(corpus, index).settings.chunk_chars)
        step("re-index")
        r["reindex"] = reindex(corpus, index)
        step("ask at BBC size")
        assistant = new_assistant(corpus, index)
        r["top_k"], r["fusion"] = assistant.settings.top_k, getattr(assistant.settings, "fusion", "rrf")
        r["ask_small"] = evaluate_asks(assistant, golden, corpus)
        step("retrieval quality")
        r["retrieval_small"] = retrieval_quality(assistant, golden)
        step("naive baseline")
        r["baseline"] = naive_baseline(corpus, golden, work / "naive")
        step("replicate to scale")
        scale = replicate(assistant, corpus, args.scale_chunks)
        step("ask at scale")
        large = new_assistant(corpus, index)
        widened = with_copies(golden, scale.copies)
        scale.ask = evaluate_asks(large, widened, corpus, profile=not args.no_profile)
        scale.retrieval = retrieval_quality(large, widened)
        r["scale"] = scale
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    r["load_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    r["run_s"] = time.perf_counter() - started
    return r


def step(name: str) -> None:
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {name}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    results = run(args)
    write_report(args.out, results)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

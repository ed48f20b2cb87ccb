"""Incremental indexing: a file costs work only when its content digest changed."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np
from chromadb.api.client import SharedSystemClient
from llama_index.core.schema import TextNode
from tqdm import tqdm

from assistant.chunking import build_nodes, citable_metadata, embedding_text
from assistant.corpus import Article, Skipped, scan_corpus
from assistant.duplicates import RunVectors, assign_stories
from assistant.embeddings import MiniLMEmbedding
from assistant.lexical import LexicalIndex, ledger_stamp
from assistant.metadata import extract_metadata
from assistant.settings import Settings
from assistant.store import ChunkStore, LedgerEntry, chroma_dir, open_client

EMBED_BATCH_CHUNKS = 4096  # chunks embedded, labelled and written together
Progress = Callable[[int, int], None]


@dataclass
class IndexReport:
    """What one run did, file by file."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    chunks: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.removed)} removed, "
            f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped; {self.chunks} chunks in the index"
        )


def lexical_dir(settings: Settings) -> Path:
    return settings.index / "lexical"


def remove_index(settings: Settings) -> None:
    """Delete every trace of the index (for --rebuild), even one too damaged to open."""
    try:
        client = open_client(settings)
        for name in client.list_collections():
            if str(getattr(name, "name", name)).startswith(f"{settings.collection}_"):
                client.delete_collection(str(getattr(name, "name", name)))
    except Exception:  # a damaged embedded index: remove its files and Chroma's cached handle
        SharedSystemClient.clear_system_cache()
        shutil.rmtree(chroma_dir(settings), ignore_errors=True)
    shutil.rmtree(lexical_dir(settings), ignore_errors=True)


class Indexer:
    """Brings the index in line with the corpus folder."""

    def __init__(self, settings: Settings, store: ChunkStore, embed_model: MiniLMEmbedding) -> None:
        self.settings = settings
        self.store = store
        self.embed_model = embed_model
        self.lexical: LexicalIndex | None = None
        self._new_chunks: list[tuple[str, str, dict[str, Any]]] = []  # (id, text, meta) written this run
        self._written = RunVectors()  # their vectors, for near-duplicate detection
        self._store_had_chunks = True  # chunks that this run keeps

    def run(self, show_progress: bool = False, on_progress: Progress | None = None) -> IndexReport:
        self._new_chunks, self._written = [], RunVectors()
        scan = scan_corpus(self.settings.corpus, self.settings.exclude)
        report = IndexReport(skipped=scan.skipped)
        known = self.store.ledger_entries()
        pending: list[Article] = []
        for article in scan.articles:
            entry = known.get(article.source)
            if entry is None:
                report.added.append(article.source)
                pending.append(article)
            elif entry.digest != article.digest:
                report.updated.append(article.source)
                pending.append(article)
            else:
                report.unchanged.append(article.source)
        present = {a.source for a in scan.articles}
        report.removed = sorted(set(known) - present)
        previous = self._saved_lexical(known)
        if previous is None or (not known and self.store.chunk_count()):  # the last run was killed
            self.store.remove_strays(set(known))
        self.store.remove_files(report.removed)
        counts = {source: entry.chunks for source, entry in known.items()}
        self._store_had_chunks = bool(report.unchanged)  # Chroma is asked about duplicates only then
        self._embed_and_store(pending, counts, show_progress, on_progress)
        if previous is None:
            self.lexical = self.refresh_lexical(force=True)
        elif report.changed:
            stamp = ledger_stamp(self.store.ledger_entries())
            dropped = set(report.removed) | set(report.updated)
            self.lexical = previous.updated(dropped, self._new_chunks, stamp)
            self.lexical.save(lexical_dir(self.settings))
        else:
            self.lexical = previous
        report.chunks = self.store.chunk_count()
        return report

    def _embed_and_store(
        self, articles: list[Article], counts: dict[str, int], show_progress: bool, on_progress: Progress | None
    ) -> None:
        bar = tqdm(total=len(articles), unit="file", desc="Indexing", disable=not show_progress)
        batch: list[tuple[Article, list[TextNode]]] = []
        for number, article in enumerate(articles, start=1):
            nodes = build_nodes(article, extract_metadata(article.text, article.source), self.settings.chunk_chars)
            batch.append((article, nodes))
            if sum(len(n) for _, n in batch) >= EMBED_BATCH_CHUNKS or number == len(articles):
                self._flush(batch, counts)
                bar.update(len(batch))
                if on_progress:
                    on_progress(number, len(articles))
                batch = []
        bar.close()

    def _flush(self, batch: list[tuple[Article, list[TextNode]]], counts: dict[str, int]) -> None:
        """Embed a batch of files, label their stories, and write them in one go."""
        nodes = [node for _, file_nodes in batch for node in file_nodes]
        vectors = self.embed_model.encode([embedding_text(node) for node in nodes])
        for node, vector in zip(nodes, vectors):
            node.embedding = vector.tolist()
        offsets = np.cumsum([0] + [len(file_nodes) for _, file_nodes in batch])
        per_file = [(a.source, vectors[offsets[n] : offsets[n + 1]]) for n, (a, _) in enumerate(batch)]
        indexed = self.store.chunks if self._store_had_chunks or self._written.full else None
        for (article, file_nodes), story in zip(batch, assign_stories(per_file, indexed, counts, self._written)):
            for node in file_nodes:
                node.metadata["story"] = story
            counts[article.source] = len(file_nodes)
        self.store.replace_files([(a.source, a.digest, file_nodes) for a, file_nodes in batch])
        self._new_chunks.extend((n.node_id, n.text, citable_metadata(n.metadata)) for n in nodes)

    def _saved_lexical(self, known: dict[str, LedgerEntry]) -> LexicalIndex | None:
        """The BM25 index this run starts from, to be updated with what it changes: the saved one
        if it matches the ledger, an empty one for a new index, else None (rebuilt from Chroma)."""
        stamp = ledger_stamp(known)
        if not known:
            return LexicalIndex.build([], [], [], stamp)
        saved = LexicalIndex.load(lexical_dir(self.settings))
        return saved if saved is not None and saved.stamp == stamp else None

    def refresh_lexical(self, force: bool = False) -> LexicalIndex:
        """Rebuild the BM25 index from every stored chunk when the saved one is stale or missing."""
        stamp = ledger_stamp(self.store.ledger_entries())
        folder = lexical_dir(self.settings)
        if not force:
            saved = LexicalIndex.load(folder)
            if saved is not None and saved.stamp == stamp:
                return saved
        ids, texts, metas = self.store.all_chunks()
        lexical = LexicalIndex.build(ids, texts, [citable_metadata(m) for m in metas], stamp)
        lexical.save(folder)
        return lexical


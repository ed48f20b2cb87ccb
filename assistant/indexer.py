"""Incremental indexing: a file costs work only when its content digest changed."""

from __future__ import annotations

import contextlib
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np
from chromadb.api.client import SharedSystemClient
from llama_index.core.schema import TextNode
from tqdm import tqdm

from assistant import word_vectors
from assistant.chunking import build_nodes, citable_metadata, embedding_text
from assistant.corpus import Article, Skipped, scan_corpus
from assistant.duplicates import RunVectors, assign_stories
from assistant.embeddings import MiniLMEmbedding
from assistant.errors import CorpusError, IndexCorruptError, IndexMissingError
from assistant.integrity import segment_folders
from assistant.lexical import LexicalIndex, ledger_stamp, remove_saved_files
from assistant.metadata import extract_metadata
from assistant.settings import Settings
from assistant.store import SQLITE_FILE, ChunkStore, LedgerEntry, chroma_dir, open_client

EMBED_BATCH_CHUNKS = 4096  # chunks embedded, labelled and written together
WORDS_PER_STEP = 1024  # word vectors made between two steps of the progress bar
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


def words_dir(settings: Settings) -> Path:
    return settings.index / "words"


def remove_index(settings: Settings) -> None:
    """Delete this index (for --rebuild): its Chroma collections and the files this project wrote,
    nothing else. The target is reached first, so an unreachable server deletes nothing."""
    try:
        client = open_client(settings)
    except IndexMissingError:
        client = None
    except IndexCorruptError:  # too damaged to open: remove Chroma's own files, by name
        if settings.chroma_host:
            raise
        client = None
        _remove_chroma_files(chroma_dir(settings))
    if client is not None:
        try:
            for collection in client.list_collections():
                name = str(getattr(collection, "name", collection))
                if name.startswith(f"{settings.collection}_"):
                    client.delete_collection(name)
            if not settings.chroma_host:  # Chroma leaves a deleted segment's folder behind
                _remove_chroma_files(chroma_dir(settings), keep=segment_folders(chroma_dir(settings)))
        except Exception:  # a damaged embedded database opens but fails here
            if settings.chroma_host:
                raise
            _remove_chroma_files(chroma_dir(settings))
    remove_saved_files(lexical_dir(settings))
    word_vectors.remove_saved_files(words_dir(settings))
    for folder in (lexical_dir(settings), words_dir(settings)):
        with contextlib.suppress(OSError):  # only when nothing else is left in it
            folder.rmdir()


def _remove_chroma_files(folder: Path, keep: set[str] | None = None) -> None:
    """The files embedded Chroma writes: its database and one folder per segment (named by UUID).
    With `keep` (the live segments), only segment folders not in it."""
    if keep is None:
        SharedSystemClient.clear_system_cache()
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if keep is None and path.name.startswith(SQLITE_FILE) and path.is_file():
            path.unlink(missing_ok=True)  # SQLite removes its "-journal" itself as the failed client closes
        elif path.is_dir() and not path.is_symlink() and _is_uuid(path.name) and path.name not in (keep or set()):
            shutil.rmtree(path)


def _is_uuid(name: str) -> bool:
    try:
        return str(uuid.UUID(name)) == name
    except ValueError:
        return False


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
        saved_words = word_vectors.load(words_dir(self.settings), mapped=True)
        scan = scan_corpus(self.settings.corpus, self.settings.exclude)
        if not scan.articles:
            raise CorpusError(no_articles(self.settings.corpus, scan.skipped))
        report = IndexReport(skipped=scan.skipped)
        known = self.store.ledger_entries()
        short = self.store.short_files(known)  # a killed run's half-replaced files are redone
        pending: list[Article] = []
        for article in scan.articles:
            entry = known.get(article.source)
            if entry is None:
                report.added.append(article.source)
                pending.append(article)
            elif entry.digest != article.digest or article.source in short:
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
        if report.changed or saved_words is None or saved_words.stamp != self.lexical.stamp:  # or a run was killed
            self._save_words(show_progress)
        report.chunks = self.store.chunk_count()
        return report

    def _save_words(self, show_progress: bool) -> None:
        """Keep the vectors of the words two or more of the index's chunks write, no others; embed those
        still missing (an index made before vectors were saved gets them all here, once)."""
        assert self.lexical is not None
        saved = word_vectors.load(words_dir(self.settings)) or word_vectors.WordVectors.empty()
        wanted = word_vectors.words_written(self.lexical.texts, by_at_least=2)
        missing = sorted(wanted - set(saved.words))
        parts = []
        for start in tqdm(range(0, len(missing), WORDS_PER_STEP), unit="step", desc="Word vectors", disable=not show_progress):
            parts.append(word_vectors.embed(missing[start : start + WORDS_PER_STEP]))
        fresh = word_vectors.WordVectors.joined(parts)
        word_vectors.save(words_dir(self.settings), saved.updated(wanted, fresh), self.lexical.stamp)

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
        try:
            lexical.save(folder)
        except OSError:
            if not force:  # a reader on a read-only index: answer from the one built in memory
                return lexical
            raise
        return lexical


def no_articles(corpus: Path, skipped: list[Skipped]) -> str:
    """Why an empty corpus is not indexed, with the first reasons files were skipped."""
    reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped[:3]) + ("; ..." if len(skipped) > 3 else "")
    found = f" ({len(skipped)} files skipped: {reasons})" if skipped else ""
    return f"The corpus folder {corpus} holds no articles (.txt or .md files){found}; nothing was indexed."


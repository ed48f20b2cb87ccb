"""The Chroma side of the index: chunk vectors (through LlamaIndex's ChromaVectorStore) and a file ledger.

The ledger is a second, vector-less collection with one record per indexed file
(its content digest and chunk count). It is written *after* a file's chunks,
so a run killed half-way leaves a file without a ledger record, and the next
run simply indexes that file again (deterministic ids, delete-then-add).
Both collections live wherever Chroma does: embedded on disk or in a server.
"""

from __future__ import annotations

import atexit
import math
import os
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence, cast

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.api.types import Where
from chromadb.errors import NotFoundError
from llama_index.core.schema import BaseNode
from llama_index.vector_stores.chroma import ChromaVectorStore

from assistant.errors import IndexCorruptError, IndexMissingError, IndexUnavailableError
from assistant.integrity import SQLITE_FILE, Damage, check_chroma_files
from assistant.settings import Settings

PAGE = 5000
LEDGER_DIMENSION = 1  # Chroma requires an embedding; the ledger's is a constant placeholder.
RECHECK_SECONDS = 0.5
PROBE_DISTANCE = 1e-3  # cosine distance of a vector to itself, with float error


@dataclass(frozen=True)
class LedgerEntry:
    """What the index knows about one file."""

    digest: str
    chunks: int


def chroma_dir(settings: Settings) -> Path:
    return settings.index / "chroma"


def where(settings: Settings) -> str:
    """The index as a user would name it in a message."""
    if settings.chroma_host:
        return f"the Chroma server {settings.chroma_host}:{settings.chroma_port} (collections {settings.collection}_*)"
    return str(settings.index)


def damaged(settings: Settings, what: str) -> IndexCorruptError:
    return IndexCorruptError(f"The index at {where(settings)} is damaged ({what}); run `assistant index --rebuild`.")


def missing(settings: Settings) -> IndexMissingError:
    return IndexMissingError(
        f"There is no index at {where(settings)} for {settings.corpus}. Run `assistant index` first."
    )


def prepare_index_folder(settings: Settings) -> None:
    """Make sure `assistant index` can write the index folder, before anything is changed."""
    folder = settings.index
    _check_is_folder(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise IndexUnavailableError(f"Cannot create the index folder {folder} ({error.strerror or error}).") from None
    if not os.access(folder, os.W_OK):
        raise IndexUnavailableError(
            f"The index at {folder} is read-only (a read-only mount or no write permission), and "
            "`assistant index` must write there: make it writable or choose another --index. "
            "Questions can still be asked from it."
        )
    lexical = folder / "lexical"
    if lexical.exists() and not lexical.is_dir():
        raise IndexUnavailableError(
            f"{lexical} is a file, but the index keeps its BM25 files in a folder of that name; "
            "move that file away and run `assistant index` again."
        )


def _check_is_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise IndexUnavailableError(f"The index path {folder} is a file, not a folder; choose another --index.")


def open_client(settings: Settings, create: bool = False) -> ClientAPI:
    """Embedded persistent Chroma by default; a `chroma run` server when a host is configured.

    Without `create`, nothing is created: a missing index is IndexMissingError, and an
    embedded index on a read-only folder is opened from a temporary copy (Chroma always
    opens its database for writing)."""
    chroma_settings = chromadb.config.Settings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_host:
        try:
            client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
            client.heartbeat()
            return client
        except Exception as error:  # connection refused, DNS, timeouts: chroma wraps them in many types
            raise IndexUnavailableError(
                f"Cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} "
                f"({type(error).__name__}: {error}). Start it (`chroma run --path <folder> --port "
                f"{settings.chroma_port}`) or correct chroma_host / chroma_port; nothing was changed."
            ) from None
    path = chroma_dir(settings)
    _check_is_folder(settings.index)
    if not create and not (path / SQLITE_FILE).is_file():
        raise missing(settings)
    if not create and not os.access(path, os.W_OK):
        path = _read_only_copy(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as error:  # chroma raises many types; all mean "cannot open"
        raise damaged(settings, f"Chroma cannot open it: {type(error).__name__}: {error}") from None


def _read_only_copy(path: Path) -> Path:
    """A private copy of a read-only Chroma folder, removed when the process ends."""
    copy = Path(tempfile.mkdtemp(prefix="assistant-index-")) / "chroma"
    atexit.register(shutil.rmtree, copy.parent, True)
    shutil.copytree(path, copy)
    return copy


class ChunkStore:
    """Chunk vectors plus the file ledger, in one Chroma client."""

    def __init__(self, settings: Settings, client: ClientAPI | None = None, create: bool = False) -> None:
        """`create` makes the collections when they are missing (indexing); readers create nothing."""
        self.settings = settings
        self.client = client or open_client(settings, create)
        try:
            if create:
                self.chunks: Collection = self.client.get_or_create_collection(
                    f"{settings.collection}_chunks", metadata={"hnsw:space": "cosine"}, embedding_function=None
                )
                self.ledger: Collection = self.client.get_or_create_collection(
                    f"{settings.collection}_files", embedding_function=None
                )
            else:
                self.chunks = self.client.get_collection(f"{settings.collection}_chunks", embedding_function=None)
                self.ledger = self.client.get_collection(f"{settings.collection}_files", embedding_function=None)
        except NotFoundError:
            raise missing(settings) from None
        except Exception as error:
            raise damaged(settings, f"its collections cannot be read: {type(error).__name__}: {error}") from None
        self.vector_store = ChromaVectorStore(chroma_collection=self.chunks)

    def check(self, repairing: bool = False) -> None:
        """Prove cheaply that the index can answer, so damage is named now rather than crashing a
        question later: Chroma's files pass their checks (assistant/integrity.py), the chunk
        count covers what the ledger records, and a stored vector finds itself. An indexing run
        (`repairing`) accepts fewer chunks than recorded: it redoes those files (`short_files`)."""
        if not self.settings.chroma_host:
            self._check_files(Path(str(self.client.get_settings().persist_directory)))
        try:
            recorded = sum(entry.chunks for entry in self.ledger_entries().values())
            held = self.chunks.count()
            if held < recorded and not repairing:
                raise damaged(self.settings, f"the ledger records {recorded} chunks but Chroma holds {held}")
            if held:
                _probe(self.chunks)
        except IndexCorruptError:
            raise
        except Exception as error:  # whatever Chroma raises on a damaged segment
            raise damaged(self.settings, f"{type(error).__name__}: {error}") from None

    def _check_files(self, folder: Path) -> None:
        """The files, before Chroma reads them (a damaged link crashes its native code).
        Checked twice before it counts: another process's run may be rewriting them."""
        try:
            check_chroma_files(folder, os.access(folder, os.W_OK))
        except Damage:
            time.sleep(RECHECK_SECONDS)
            try:
                check_chroma_files(folder, os.access(folder, os.W_OK))
            except Damage as damage:
                raise damaged(self.settings, str(damage)) from None

    def ledger_entries(self) -> dict[str, LedgerEntry]:
        """Every file the index holds, by source path."""
        entries: dict[str, LedgerEntry] = {}
        total = self.ledger.count()
        for offset in range(0, total, PAGE):
            page = self.ledger.get(include=["metadatas"], limit=PAGE, offset=offset)
            for source, meta in zip(page["ids"], page["metadatas"] or []):
                entries[source] = LedgerEntry(str(meta["digest"]), int(str(meta["chunks"])))
        return entries

    def replace_files(self, files: Sequence[tuple[str, str, Sequence[BaseNode]]]) -> None:
        """For (source, digest, nodes) of many files: drop their old chunks, add the new ones,
        then record them as done (three calls, whatever the number of files)."""
        if not files:
            return
        sources = [source for source, _, _ in files]
        self.chunks.delete(where=_of_files(sources))
        nodes = [node for _, _, file_nodes in files for node in file_nodes]
        if nodes:
            self.vector_store.add(nodes)
        self.ledger.upsert(
            ids=sources,
            embeddings=np.zeros((len(files), LEDGER_DIMENSION), dtype=np.float32),
            metadatas=[{"digest": digest, "chunks": len(file_nodes)} for _, digest, file_nodes in files],
        )

    def remove_files(self, sources: Sequence[str]) -> None:
        """Forget files: chunks first, ledger records last."""
        if sources:
            self.chunks.delete(where=_of_files(sources))
            self.ledger.delete(ids=list(sources))

    def remove_strays(self, recorded: set[str]) -> None:
        """Delete chunks of files the ledger does not record (what a killed run can leave behind
        when their file is deleted before the next run); the source is read off the chunk id."""
        strays: list[str] = []
        total = self.chunks.count()
        for offset in range(0, total, PAGE):
            ids = self.chunks.get(include=[], limit=PAGE, offset=offset)["ids"]
            strays.extend(i for i in ids if i.rsplit("#", 2)[0] not in recorded)
        for start in range(0, len(strays), PAGE):
            self.chunks.delete(ids=strays[start : start + PAGE])

    def short_files(self, known: dict[str, LedgerEntry]) -> set[str]:
        """Files the ledger records with more chunks than Chroma holds for them: what a run killed
        between dropping a changed file's old chunks and recording its new ones leaves behind, or
        chunks lost some other way. The source is read off the chunk id; the ids are read only
        when the totals already differ."""
        if self.chunks.count() >= sum(entry.chunks for entry in known.values()):
            return set()
        held: Counter[str] = Counter()
        for offset in range(0, self.chunks.count(), PAGE):
            held.update(i.rsplit("#", 2)[0] for i in self.chunks.get(include=[], limit=PAGE, offset=offset)["ids"])
        return {source for source, entry in known.items() if held[source] < entry.chunks}

    def chunk_count(self) -> int:
        return self.chunks.count()

    def all_chunks(self) -> tuple[list[str], list[str], list[dict[str, Any]]]:
        """Ids, texts and metadata of every chunk, paged (for the lexical index)."""
        ids: list[str] = []
        texts: list[str] = []
        metas: list[dict[str, Any]] = []
        total = self.chunks.count()
        for offset in range(0, total, PAGE):
            page = self.chunks.get(include=["documents", "metadatas"], limit=PAGE, offset=offset)
            ids.extend(page["ids"])
            texts.extend(page["documents"] or [])
            metas.extend(dict(m) for m in page["metadatas"] or [])
        return ids, texts, metas

    def embeddings_of(self, ids: list[str]) -> dict[str, list[float]]:
        """Stored vectors of a few chunks (to score lexical-only hits densely)."""
        if not ids:
            return {}
        got = self.chunks.get(ids=ids, include=["embeddings"])
        vectors = got["embeddings"] if got["embeddings"] is not None else []
        return {i: list(e) for i, e in zip(got["ids"], vectors)}


def _probe(chunks: Collection) -> None:
    """A stored vector must come back as its own nearest neighbour (distance 0)."""
    sample = chunks.get(limit=1, include=["embeddings"])
    vectors = sample["embeddings"]
    if not sample["ids"] or vectors is None or len(vectors) == 0:
        raise RuntimeError("a chunk has no stored vector")
    found = chunks.query(query_embeddings=np.asarray([vectors[0]], dtype=np.float32), n_results=1, include=["distances"])
    distances = found["distances"] or [[]]
    if not distances[0] or not math.isfinite(distances[0][0]) or distances[0][0] > PROBE_DISTANCE:
        raise RuntimeError("the vector index does not find a stored vector")


def _of_files(sources: Sequence[str]) -> Where:
    """Chunks of these files (LlamaIndex's ChromaVectorStore keeps the source as `document_id`)."""
    return cast(Where, {"document_id": {"$in": list(sources)}})

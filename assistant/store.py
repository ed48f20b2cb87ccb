"""The Chroma side of the index: chunk vectors (through LlamaIndex's ChromaVectorStore) and a file ledger.

The ledger is a second, vector-less collection with one record per indexed file
(its content digest and chunk count). It is written *after* a file's chunks,
so a run killed half-way leaves a file without a ledger record, and the next
run simply indexes that file again (deterministic ids, delete-then-add).
Both collections live wherever Chroma does: embedded on disk or in a server.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence, cast

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.api.types import Where
from llama_index.core.schema import BaseNode
from llama_index.vector_stores.chroma import ChromaVectorStore

from assistant.errors import IndexCorruptError
from assistant.settings import Settings

PAGE = 5000
LEDGER_DIMENSION = 1  # Chroma requires an embedding; the ledger's is a constant placeholder.


@dataclass(frozen=True)
class LedgerEntry:
    """What the index knows about one file."""

    digest: str
    chunks: int


def chroma_dir(settings: Settings) -> Path:
    return settings.index / "chroma"


def open_client(settings: Settings) -> ClientAPI:
    """Embedded persistent Chroma by default; a `chroma run` server when a host is configured."""
    chroma_settings = chromadb.config.Settings(anonymized_telemetry=False, allow_reset=False)
    try:
        if settings.chroma_host:
            return chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
        chroma_dir(settings).mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(chroma_dir(settings)), settings=chroma_settings)
    except Exception as error:  # chroma raises many types; all mean "cannot open"
        where = (
            f"the Chroma server at {settings.chroma_host}:{settings.chroma_port}"
            if settings.chroma_host
            else f"the index at {chroma_dir(settings)}"
        )
        raise IndexCorruptError(
            f"Cannot open {where} ({type(error).__name__}: {error}). "
            "If the index is damaged, run `assistant index --rebuild`."
        ) from None


class ChunkStore:
    """Chunk vectors plus the file ledger, in one Chroma client."""

    def __init__(self, settings: Settings, client: ClientAPI | None = None) -> None:
        self.settings = settings
        self.client = client or open_client(settings)
        try:
            self.chunks: Collection = self.client.get_or_create_collection(
                f"{settings.collection}_chunks",
                metadata={"hnsw:space": "cosine"},
                embedding_function=None,
            )
            self.ledger: Collection = self.client.get_or_create_collection(
                f"{settings.collection}_files", embedding_function=None
            )
        except Exception as error:
            raise IndexCorruptError(
                f"The index at {settings.index} cannot be read ({error}). "
                "Run `assistant index --rebuild` to build it again."
            ) from None
        self.vector_store = ChromaVectorStore(chroma_collection=self.chunks)

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


def _of_files(sources: Sequence[str]) -> Where:
    """Chunks of these files (LlamaIndex's ChromaVectorStore keeps the source as `document_id`)."""
    return cast(Where, {"document_id": {"$in": list(sources)}})

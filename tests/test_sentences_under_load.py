"""Sentence splitting keeps working while another thread holds the GIL (a Chroma write does, for seconds)."""

from __future__ import annotations

import threading

import chromadb
import numpy as np
import pytest

from assistant.sentences import sentence_spans
from tests.conftest import SEEDS


@pytest.mark.slow
def test_sentences_split_while_chroma_writes_in_another_thread() -> None:
    # nltk 3.10 put a 5 s wall-clock limit on its regexes; Chroma's Rust `add` holds the GIL for its
    # whole call, so splitting in another thread failed with TimeoutError until the limit was lifted.
    text = (SEEDS / "000_38bcf376f02df4f9.txt").read_text(encoding="utf-8")
    expected = sentence_spans(text)
    collection = chromadb.EphemeralClient().get_or_create_collection("held_gil", metadata={"hnsw:space": "cosine"})
    size = 5400  # under Chroma's largest batch; each add holds the GIL for more than 5 s here
    vectors = np.random.default_rng(1).random((size, 384), dtype=np.float32)
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for batch in range(3):
                ids = [f"{batch}-{n}" for n in range(size)]
                collection.add(ids=ids, embeddings=vectors, documents=["a chunk of text"] * size)
        except BaseException as error:  # noqa: BLE001
            errors.append(error)

    writer = threading.Thread(target=write)
    writer.start()
    splits = 0
    try:
        while writer.is_alive():
            assert sentence_spans(text) == expected
            splits += 1
    finally:
        writer.join()
    assert not errors and collection.count() == 3 * size
    assert splits > 0

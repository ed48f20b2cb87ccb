"""An independent float32 forward pass of all-MiniLM-L6-v2 in NumPy, from the safetensors weights.

Used only to check that the int8 ONNX model we ship embeds text the way the
original model does (cosine per sentence).
"""

from __future__ import annotations

from math import erf, sqrt

import numpy as np

HEADS = 12
LAYERS = 6
_erf = np.vectorize(erf)


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = x.var(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / sqrt(2.0)))


def _linear(x: np.ndarray, weights: dict, name: str) -> np.ndarray:
    return x @ weights[f"{name}.weight"].T + weights[f"{name}.bias"]


def embed(weights: dict, token_ids: list[int]) -> np.ndarray:
    """Mean-pooled, normalised sentence vector for one tokenised sentence."""
    ids = np.array(token_ids)
    x = (
        weights["embeddings.word_embeddings.weight"][ids]
        + weights["embeddings.position_embeddings.weight"][: len(ids)]
        + weights["embeddings.token_type_embeddings.weight"][0]
    )
    x = _layer_norm(x, weights["embeddings.LayerNorm.weight"], weights["embeddings.LayerNorm.bias"])
    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}"
        q, k, v = (_linear(x, weights, f"{p}.attention.self.{n}") for n in ("query", "key", "value"))
        split = lambda t: t.reshape(len(ids), HEADS, -1).transpose(1, 0, 2)  # noqa: E731
        q, k, v = split(q), split(k), split(v)
        scores = q @ k.transpose(0, 2, 1) / sqrt(q.shape[-1])
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        attention = (scores / scores.sum(-1, keepdims=True)) @ v
        context = attention.transpose(1, 0, 2).reshape(len(ids), -1)
        x = _layer_norm(x + _linear(context, weights, f"{p}.attention.output.dense"),
                        weights[f"{p}.attention.output.LayerNorm.weight"], weights[f"{p}.attention.output.LayerNorm.bias"])
        hidden = _gelu(_linear(x, weights, f"{p}.intermediate.dense"))
        x = _layer_norm(x + _linear(hidden, weights, f"{p}.output.dense"),
                        weights[f"{p}.output.LayerNorm.weight"], weights[f"{p}.output.LayerNorm.bias"])
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)

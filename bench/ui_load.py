"""Load on the running chat UI: N concurrent gradio_client sessions of M questions each.

Run: .venv/bin/python bench/ui_load.py [--sessions 20] [--questions 10]
Each session keeps its own history and asks follow-ups that only make sense
with it; every answer is checked (its question, its citations against the
files). Prints errors, mixed-up answers and latency p50/p95 as JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.evaluation.metrics import percentile, quote_is_span  # noqa: E402
from tests.helpers import free_port  # noqa: E402

QUESTIONS = [
    "Where did Blinken meet Qin Gang?",
    "Who replaced Wang Yi as foreign minister?",
    "Why was Blinken's February trip postponed?",
    "What did Qin call the most prominent risk in relations?",
    "Who is Hua Chunying?",
    "What did Blinken and Qin agree about flights?",
    "Which industry did Washington squeeze with export limits?",
    "Who won the 2022 FIFA World Cup final?",
    "What did Qin urge the United States to respect?",
    "Who briefed reporters in Tokyo?",
]
FOLLOW_UP = "and when was that?"


def _session(url: str, number: int, questions: int, corpus: Path) -> dict[str, Any]:
    from gradio_client import Client

    client = Client(url, verbose=False)
    history: list[list[str]] = []
    latencies, errors, mixed = [], [], 0
    for step in range(questions):
        question = FOLLOW_UP if step % 2 else QUESTIONS[(number + step) % len(QUESTIONS)]
        started = time.perf_counter()
        try:
            payload = client.predict(question, history, api_name="/chat")
        except Exception as error:  # noqa: BLE001 - counted, reported
            errors.append(f"{type(error).__name__}: {error}")
            continue
        latencies.append(time.perf_counter() - started)
        if payload["question"] != question:
            mixed += 1
        for c in payload["citations"]:
            if not quote_is_span(corpus, c["source"], c["start"], c["end"], c["quote"]):
                mixed += 1
        history.append([question, payload["answer"]])
    return {"latencies": latencies, "errors": errors, "mixed": mixed}


def run_load(sessions: int, questions: int) -> dict[str, Any]:
    """Start the real app on a copy of the seeds, drive it, stop it; return the numbers."""
    import assistant  # noqa: F401  (offline switches first)
    from assistant import Assistant
    from ui.app import launch

    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        shutil.copytree(ROOT / "seeds", corpus)
        app_assistant = Assistant(corpus=corpus, index=Path(scratch) / "index")
        port = free_port()
        app = launch(app_assistant, port=port, prevent_thread_lock=True)
        try:
            started = time.perf_counter()
            with ThreadPoolExecutor(sessions) as pool:
                results = list(pool.map(lambda n: _session(f"http://127.0.0.1:{port}/", n, questions, corpus), range(sessions)))
            wall = time.perf_counter() - started
        finally:
            app.close()
    latencies = sorted(s for r in results for s in r["latencies"])
    return {
        "sessions": sessions,
        "questions_per_session": questions,
        "answers": len(latencies),
        "errors": [e for r in results for e in r["errors"]],
        "mixed_up": sum(r["mixed"] for r in results),
        "latency_p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "latency_p95_ms": round(percentile(latencies, 95) * 1000, 1) if latencies else None,
        "wall_s": round(wall, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--questions", type=int, default=10)
    args = parser.parse_args()
    print(json.dumps(run_load(args.sessions, args.questions), indent=2))


if __name__ == "__main__":
    main()

"""Answer quality on the golden splits, frozen test first: writes bench/GOLDEN.md.

    .venv/bin/python bench/golden_splits.py [--index-root DIR] [--backend extractive|local|openai]

Indexes each corpus named in the golden headers once (seeds/, the 2,225 BBC
articles of ../shared/corpora/bbc; reused when DIR already holds them), then
answers every question of tests/golden/{seeds,bbc}-{test,dev,dev2,dev3,dev4}.jsonl, bbc-dev5.jsonl, bbc-dev6.jsonl, bbc-dev7.jsonl, bbc-dev8.jsonl, bbc-dev9.jsonl, bbc-dev10.jsonl and bbc-dev11.jsonl. The test
splits were written before the reader and never tuned on: theirs are the
numbers to report. An earlier run's JSON (`--baseline FILE`, written by
`--json-out`) adds a "before" column.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Assistant  # noqa: E402
from assistant.evaluation.golden import read_golden  # noqa: E402
from assistant.evaluation.metrics import run_golden, summarize  # noqa: E402

SPLITS = ["seeds-test", "bbc-test", "bbc-test2", "seeds-dev", "bbc-dev", "seeds-dev2", "bbc-dev2", "seeds-dev3", "bbc-dev3", "seeds-dev4", "bbc-dev4", "bbc-dev5", "bbc-dev6", "bbc-dev7", "bbc-dev8", "bbc-dev9", "bbc-dev10", "bbc-dev11"]
ROWS = [
    ("fact_accuracy", "fact accuracy"), ("source_recall", "cited-source recall"),
    ("citation_precision", "citation precision"), ("verified_spans", "verified spans"),
    ("refusal_rate", "unanswerable refused"), ("near_miss_refusal_rate", "near misses refused"),
    ("false_refusal_rate", "answerable refused"), ("hit@1", "retrieval hit@1"), ("hit@5", "retrieval hit@5"),
    ("latency_p50_ms", "latency p50 (ms)"), ("latency_p95_ms", "latency p95 (ms)"),
]


def measure(index_root: Path, backend: str) -> dict[str, dict[str, Any]]:
    """Summaries per split, each corpus indexed once."""
    assistants: dict[str, Assistant] = {}
    out: dict[str, dict[str, Any]] = {}
    for split in SPLITS:
        golden = read_golden(ROOT / "tests" / "golden" / f"{split}.jsonl")
        corpus = (ROOT / golden.header.corpus).resolve()
        if str(corpus) not in assistants:
            assistant = Assistant(corpus=corpus, index=index_root / corpus.name, backend=backend)
            started = time.perf_counter()
            report = assistant.index()
            print(f"{corpus.name}: {report.summary()} ({time.perf_counter() - started:.0f} s)", flush=True)
            assistants[str(corpus)] = assistant
        summary = summarize(run_golden(assistants[str(corpus)], golden.items), corpus)
        print(f"{split}: facts {summary['fact_accuracy']}, refused {summary['refusal_rate']}", flush=True)
        out[split] = summary
    return out


def render(now: dict[str, dict[str, Any]], before: dict[str, dict[str, Any]] | None, backend: str) -> str:
    lines = [
        "# Answer quality on the golden splits",
        "",
        f"`bench/golden_splits.py --backend {backend}` wrote this file "
        f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}). The `*-test` splits are frozen: written "
        "before the reader, never used for tuning. Ratios over nothing are n/a.",
        "",
        "| metric | " + " | ".join(f"{s} before | {s} now" if before else s for s in SPLITS) + " |",
        "| --- |" + " --- |" * (len(SPLITS) * (2 if before else 1)),
    ]
    for key, name in ROWS:
        cells = []
        for split in SPLITS:
            if before:
                cells.append(_cell(before.get(split, {}).get(key)))
            cells.append(f"**{_cell(now[split].get(key))}**" if before else _cell(now[split].get(key)))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for split in ("seeds-test", "bbc-test", "bbc-test2"):
        lines += ["", f"## {split}, per answer type", "",
                  "| type | questions | fact accuracy | unanswerable refused | answerable refused |",
                  "| --- | --- | --- | --- | --- |"]
        for kind, numbers in sorted(now[split]["by_type"].items()):
            lines.append(f"| {kind} | {numbers['questions']} | {_cell(numbers['fact_accuracy'])} | "
                         f"{_cell(numbers['refusal_rate'])} | {_cell(numbers['false_refusal_rate'])} |")
    return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return "n/a"
    return f"{value:.0f}" if isinstance(value, float) and value > 5 else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-root", type=Path, default=ROOT / "bench" / "out" / "golden-index")
    parser.add_argument("--backend", default="extractive")
    parser.add_argument("--baseline", type=Path, help="an earlier --json-out file, shown as 'before'")
    parser.add_argument("--json-out", type=Path, default=ROOT / "bench" / "out" / "golden.json")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "GOLDEN.md")
    args = parser.parse_args()
    now = measure(args.index_root, args.backend)
    args.json_out.parent.mkdir(parents=True, exist_ok=True)
    args.json_out.write_text(json.dumps(now, indent=2), encoding="utf-8")
    before = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline else None
    args.out.write_text(render(now, before, args.backend), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

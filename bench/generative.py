"""The local model through the generative chain, against the extractive backend, on one golden file.

    python bench/generative.py tests/golden/seeds-test.jsonl [--limit N] [--json OUT] [--replies FILE]

Per answer: the facts it states (as `assistant eval` counts them; also without the
reader's quote that follows model sentences lacking its answer), how many of
the model's sentences verification kept, whether it fell back to the extractive
answer, the time to the first streamed sentence and to the whole answer.
`--replies FILE` records each model reply under its request (messages and
grammar) and replays it when the same request comes again, so a change to what
the chain does with replies is measured on dev sets without the model's
minutes; replayed answers' timings mean nothing (the summary counts them). The
corpus is seeds/ for a seeds golden file and ../shared/corpora/bbc for a BBC
one; the index is built under bench/out/ when missing. Timings depend on what
else runs on the machine: say so next to them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Answer, Assistant  # noqa: E402
from assistant.evaluation import ItemResult, load_golden, percentile  # noqa: E402
from assistant.evaluation.metrics import states_fact  # noqa: E402

OUT = ROOT / "bench" / "out"
CORPORA = {"seeds": ROOT / "seeds", "bbc": ROOT.parent / "shared" / "corpora" / "bbc"}


@dataclass
class Run:
    id: str
    answerable: bool
    local_facts: int
    own_facts: int  # stated by the model's own sentences (or the extractive answer it fell back to), not the reader's quote
    extractive_facts: int
    facts: int
    local_answered: bool
    model_called: bool
    kept: int
    unsupported: int
    fell_back: bool
    first_sentence_s: float | None
    total_s: float
    answer: str
    notice: str
    model_text: str
    prompt_tokens: int | None
    cached_tokens: int | None
    verdicts: list[dict]
    timings: dict
    reader_quote: bool
    extractive_answer: str = ""
    local_quotes: int = 0  # passage sentences the answer shows: a longer answer states more facts by chance
    extractive_quotes: int = 0
    reader_answer: bool = False  # the reader's whole answer followed the model's sentence (its answer line was not found)
    local_short: str = ""
    extractive_short: str = ""
    short_from: str = ""  # "model": the short answer is the model's answer words; "reader": the reader's
    local_short_right: bool = False  # the short answer states one of the facts
    extractive_short_right: bool = False


def streamed(assistant: Assistant, question: str) -> tuple[Answer, float | None, float]:
    """The final answer, the seconds to the first streamed text, and to the end."""
    started = time.perf_counter()
    first = None
    for item in assistant.ask_stream(question):
        if isinstance(item, Answer):
            return item, first, time.perf_counter() - started
        if isinstance(item, str) and first is None:
            first = time.perf_counter() - started
    raise AssertionError("the stream ended without an answer")


class Replies:
    """Model replies recorded by request: a request seen before is answered from the file, not the model."""

    def __init__(self, path: Path, chain: object) -> None:
        self.path, self.chain = path, chain
        self.recorded: dict[str, dict] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        self.replayed = 0
        self._deltas = chain._deltas  # type: ignore[attr-defined]
        chain._deltas = self.deltas  # type: ignore[attr-defined]
        chain._llm = object()  # type: ignore[attr-defined]  # no model until a request misses
        self._model: object | None = None

    def deltas(self, llm: object, messages: list, written: object, extra: dict | None = None) -> Iterator[str]:
        key = hashlib.sha256(json.dumps([[str(m.role), m.content] for m in messages] + [extra or {}], sort_keys=True).encode()).hexdigest()
        if key in self.recorded:
            self.replayed += 1
            written.timings = dict(self.recorded[key]["timings"])  # type: ignore[attr-defined]
            yield self.recorded[key]["text"]
            return
        if self._model is None:
            self._model = self.chain._load_llm()  # type: ignore[attr-defined]
            self.chain._warm(self._model)  # type: ignore[attr-defined]
        text = ""
        for delta in self._deltas(self._model, messages, written, extra):
            text += delta
            yield delta
        self.recorded[key] = {"text": text, "timings": written.timings}  # type: ignore[attr-defined]
        self.path.write_text(json.dumps(self.recorded, indent=1), encoding="utf-8")


def _tokens(details: dict, *keys: str) -> int | None:
    """Prompt token counts from llama.cpp's timings (read + taken from the cache), when the endpoint sent them."""
    timings = details.get("timings") or {}
    return sum(int(timings[k]) for k in keys) if all(k in timings for k in keys) else None


def run(
    golden: Path, limit: int | None, index: Path | None = None, replies: Path | None = None, corpus: Path | None = None
) -> tuple[list[Run], int]:
    corpus_name = "bbc" if "bbc" in golden.name else "seeds"
    corpus, index = corpus or CORPORA[corpus_name], index or OUT / f"index-{corpus_name}"
    extractive = Assistant(corpus=corpus, index=index, backend="extractive")
    if not (index / "lexical").is_dir():
        print(f"building the index of {corpus} in {index}…", file=sys.stderr)
        extractive.index()
    local = Assistant(corpus=corpus, index=index, backend="local")
    recorded = Replies(replies, local.chain) if replies else None
    if recorded is None:
        local.chain.model()  # loads the model once, outside the timings
    runs = []
    for item in load_golden(golden)[:limit]:
        base = extractive.ask(item.question)
        answer, first, total = streamed(local, item.question)
        details = answer.details
        runs.append(Run(
            item.id, item.answerable,
            ItemResult(item, answer, total).facts_found,
            sum(states_fact(str(details.get("model_sentences", answer.answer)), fact) for fact in item.facts),
            ItemResult(item, base, 0).facts_found, len(item.facts),
            answer.answered, "model_text" in details, int(details.get("kept_sentences", 0)),
            int(details.get("unsupported_sentences", 0)), "fallback_from" in details, first, total,
            answer.answer, answer.notice, str(details.get("model_text", "")),
            _tokens(details, "prompt_n", "cache_n"), _tokens(details, "cache_n"), list(details.get("verdicts", [])),
            dict(details.get("timings") or {}), bool(details.get("reader_quote_added")), base.answer,
            len(answer.citations), len(base.citations), bool(details.get("reader_answer_added")),
            answer.short_answer, base.short_answer, str(details.get("short_answer_from", "")),
            any(states_fact(answer.short_answer, fact) for fact in item.facts),
            any(states_fact(base.short_answer, fact) for fact in item.facts),
        ))
        print(f"{item.id}: {total:5.1f}s facts {runs[-1].local_facts}/{len(item.facts)} "
              f"(extractive {runs[-1].extractive_facts}) {answer.backend} {answer.answer[:90]!r}", file=sys.stderr)
    return runs, recorded.replayed if recorded else 0


def summary(runs: list[Run]) -> dict[str, object]:
    answerable = [r for r in runs if r.answerable]
    facts = sum(r.facts for r in answerable) or 1
    called = [r for r in runs if r.model_called]
    written = sum(r.kept + r.unsupported for r in called)
    firsts = [r.first_sentence_s for r in called if r.first_sentence_s is not None]
    return {
        "questions": len(runs),
        "fact_accuracy_local": round(sum(r.local_facts for r in answerable) / facts, 3),
        "fact_accuracy_local_without_reader_quotes": round(sum(r.own_facts for r in answerable) / facts, 3),
        "fact_accuracy_extractive": round(sum(r.extractive_facts for r in answerable) / facts, 3),
        "quotes_per_answer_local": round(sum(r.local_quotes for r in answerable) / (len(answerable) or 1), 2),
        "quotes_per_answer_extractive": round(sum(r.extractive_quotes for r in answerable) / (len(answerable) or 1), 2),
        "short_answers_right_local": f"{sum(r.local_short_right for r in answerable)}/{sum(bool(r.local_short) for r in answerable)}",
        "short_answers_right_extractive": f"{sum(r.extractive_short_right for r in answerable)}/{sum(bool(r.extractive_short) for r in answerable)}",
        "short_answers_from_model": f"{sum(r.short_from == 'model' for r in answerable)} (right {sum(r.short_from == 'model' and r.local_short_right for r in answerable)})",
        "model_called": len(called),
        "sentences_kept": f"{sum(r.kept for r in called)}/{written}",
        "kept_share": round(sum(r.kept for r in called) / written, 3) if written else None,
        "fell_back": sum(r.fell_back for r in runs),
        "reader_quote_added": sum(r.reader_quote and not r.reader_answer for r in runs),
        "reader_answer_added": sum(r.reader_answer for r in runs),
        "unanswerable_refused": f"{sum(not r.local_answered for r in runs if not r.answerable)}/{len(runs) - len(answerable)}",
        "first_sentence_p50_s": _seconds(firsts, 50),
        "first_sentence_p95_s": _seconds(firsts, 95),
        "answer_p50_s": _seconds([r.total_s for r in called], 50),
        "answer_p95_s": _seconds([r.total_s for r in called], 95),
        "prompt_tokens_p50": _median([r.prompt_tokens for r in called if r.prompt_tokens is not None]),
        "prompt_read_tokens_per_s_p50": _median([1000 * r.timings["prompt_n"] / r.timings["prompt_ms"] for r in called
                                                 if r.timings.get("prompt_ms")]),
        "prompt_tokens_read_p50": _median([r.prompt_tokens - r.cached_tokens for r in called
                                           if r.prompt_tokens is not None and r.cached_tokens is not None]),
    }


def _median(values: list[int] | list[float]) -> int | None:
    return round(percentile([float(v) for v in values], 50)) if values else None


def _seconds(values: list[float], percent: float) -> float | None:
    return round(percentile(values, percent), 1) if values else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("golden", type=Path)
    parser.add_argument("--limit", type=int, help="only the first N questions")
    parser.add_argument("--json", type=Path, help="also write every answer and the summary here")
    parser.add_argument("--index", type=Path, help="an existing index of the corpus (default: bench/out/index-<corpus>)")
    parser.add_argument("--corpus", type=Path, help="the corpus folder (default: seeds/ or ../shared/corpora/bbc)")
    parser.add_argument("--replies", type=Path, help="record model replies here, and replay those recorded (dev tuning)")
    args = parser.parse_args()
    runs, replayed = run(args.golden, args.limit, args.index, args.replies, args.corpus)
    result = summary(runs)
    result["replies_replayed"] = replayed
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"summary": result, "runs": [asdict(r) for r in runs]}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

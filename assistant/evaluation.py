"""Golden question sets and the numbers they produce: answers, citations, refusals, retrieval, latency."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from assistant.answer import Answer
from assistant.corpus import read_span_source
from assistant.errors import AssistantError


@dataclass(frozen=True)
class GoldenItem:
    """One question, the files that must be cited (groups of alternatives) and the facts the answer needs."""

    id: str
    question: str
    answerable: bool
    kind: str = "single"
    sources: list[list[str]] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)


@dataclass
class ItemResult:
    item: GoldenItem
    answer: Answer
    seconds: float

    @property
    def facts_found(self) -> int:
        text = self.answer.answer.lower()
        return sum(any(alt.strip().lower() in text for alt in fact.split("|")) for fact in self.item.facts)

    @property
    def groups_cited(self) -> int:
        cited = {c.source for c in self.answer.citations}
        return sum(bool(cited & set(group)) for group in self.item.sources)

    def retrieval_rank(self) -> int | None:
        """1-based rank of the first retrieved chunk from a required file."""
        wanted = {source for group in self.item.sources for source in group}
        for rank, hit in enumerate(self.answer.details.get("retrieved", []), start=1):
            if hit.get("source") in wanted:
                return rank
        return None


class Asker(Protocol):
    def ask(self, question: str) -> Answer: ...


def load_golden(path: Path) -> list[GoldenItem]:
    """Read a JSONL golden file, naming the line of any malformed entry."""
    if not path.is_file():
        raise AssistantError(f"Golden file {path} does not exist.")
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(GoldenItem(**json.loads(line)))
        except (ValueError, TypeError) as error:
            raise AssistantError(f"{path}:{number}: not a golden item ({error}).") from None
    return items


def run_golden(asker: Asker, items: list[GoldenItem]) -> list[ItemResult]:
    results = []
    for item in items:
        started = time.perf_counter()
        answer = asker.ask(item.question)
        results.append(ItemResult(item, answer, time.perf_counter() - started))
    return results


def unverified_citations(results: list[ItemResult], corpus: Path) -> list[str]:
    """Citations whose quote differs from the file span, checked independently of the chain."""
    bad = []
    for result in results:
        for c in result.answer.citations:
            text = read_span_source(corpus.resolve(), c.source, "utf-8")
            if text[c.start : c.end] != c.quote:
                bad.append(f"{result.item.id}: {c.source}[{c.start}:{c.end}]")
    return bad


def summarize(results: list[ItemResult], corpus: Path) -> dict[str, Any]:
    """The headline numbers of a golden run."""
    answerable = [r for r in results if r.item.answerable]
    negatives = [r for r in results if not r.item.answerable]
    facts = sum(len(r.item.facts) for r in answerable)
    groups = sum(len(r.item.sources) for r in answerable)
    cited = [c for r in results for c in r.answer.citations]
    relevant = [
        c for r in answerable for c in r.answer.citations
        if any(c.source in group for group in r.item.sources)
    ]
    ranks = [r.retrieval_rank() for r in answerable]
    latencies = sorted(r.seconds * 1000 for r in results)
    bad = unverified_citations(results, corpus)
    return {
        "questions": len(results),
        "answerable": len(answerable),
        "unanswerable": len(negatives),
        "fact_accuracy": _ratio(sum(r.facts_found for r in answerable), facts),
        "source_recall": _ratio(sum(r.groups_cited for r in answerable), groups),
        "citation_precision": _ratio(len(relevant), sum(len(r.answer.citations) for r in answerable)),
        "verified_spans": _ratio(len(cited) - len(bad), len(cited)),
        "refusal_rate": _ratio(sum(not r.answer.answered for r in negatives), len(negatives)),
        "false_refusal_rate": _ratio(sum(not r.answer.answered for r in answerable), len(answerable)),
        "hit@1": _ratio(sum(1 for k in ranks if k is not None and k <= 1), len(ranks)),
        "hit@5": _ratio(sum(1 for k in ranks if k is not None and k <= 5), len(ranks)),
        "mrr@10": round(sum(1 / k for k in ranks if k is not None and k <= 10) / max(len(ranks), 1), 4),
        "latency_p50_ms": round(statistics.median(latencies), 1) if latencies else 0.0,
        "latency_p95_ms": round(_percentile(latencies, 95), 1) if latencies else 0.0,
        "unverified": bad,
    }


def failures(results: list[ItemResult]) -> list[dict[str, Any]]:
    """Items that missed a fact, a source or the refusal decision, for a readable report."""
    out = []
    for r in results:
        wrong_decision = r.answer.answered != r.item.answerable
        if wrong_decision or r.facts_found < len(r.item.facts) or r.groups_cited < len(r.item.sources):
            out.append({"id": r.item.id, "question": r.item.question, "answer": r.answer.answer, **asdict(r.item)})
    return out


def format_table(summary: dict[str, Any]) -> str:
    rows = [(k, v) for k, v in summary.items() if k not in ("unverified", "failures")]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k.ljust(width)}  {v}" for k, v in rows)


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 1.0


def _percentile(sorted_values: list[float], percent: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(percent / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]

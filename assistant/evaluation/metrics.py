"""The numbers of a golden run: facts, cited sources, refusals, verified spans, retrieval, latency.

A ratio over nothing (no unanswerable questions, no citations) is None, shown
as n/a: a 1.0 there would claim a success nobody measured.
"""

from __future__ import annotations

import math
import re
import statistics
import time
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from assistant.answer import Answer
from assistant.corpus import DETECT_ENCODING, read_span_source
from assistant.evaluation.golden import GoldenItem


class Asker(Protocol):
    def ask(self, question: str) -> Answer: ...


@dataclass
class ItemResult:
    item: GoldenItem
    answer: Answer
    seconds: float

    @property
    def facts_matched(self) -> list[str]:
        """The item's facts that the answer states (any |-alternative, on word boundaries)."""
        return [fact for fact in self.item.facts if states_fact(self.answer.answer, fact)]

    @property
    def facts_found(self) -> int:
        return len(self.facts_matched)

    @property
    def groups_cited(self) -> int:
        cited = {c.source for c in self.answer.citations}
        return sum(bool(cited & set(group)) for group in self.item.sources)

    @property
    def passed(self) -> bool:
        """Right refusal decision, and when answered: every fact and every source group."""
        if self.answer.answered != self.item.answerable:
            return False
        return self.facts_found == len(self.item.facts) and self.groups_cited == len(self.item.sources)

    def retrieval_rank(self) -> int | None:
        """1-based rank of the first retrieved chunk from a required file."""
        wanted = {source for group in self.item.sources for source in group}
        for rank, hit in enumerate(self.answer.details.get("retrieved", []), start=1):
            if hit.get("source") in wanted:
                return rank
        return None


def states_fact(text: str, fact: str) -> bool:
    """True when any `|`-alternative of the fact stands in the text as whole words, ignoring case.

    "41" does not match "141" or "4.1"; "£7.5bn" matches "£7.5bn".
    """
    return any(_fact_pattern(alt.strip()).search(text) for alt in fact.split("|"))


@cache
def _fact_pattern(alternative: str) -> re.Pattern[str]:
    # A digit group continues across "." and "," (4.1, 1,000), so those count as inside the number.
    return re.compile(rf"(?<![\w])(?<!\d[.,]){re.escape(alternative)}(?![\w])(?![.,]\d)", re.IGNORECASE)


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
            if not quote_is_span(corpus, c.source, c.start, c.end, c.quote):
                bad.append(f"{result.item.id}: {c.source}[{c.start}:{c.end}]")
    return bad


def quote_is_span(corpus: Path, source: str, start: int, end: int, quote: str) -> bool:
    """The citation contract: the quote is exactly the file's text between start and end."""
    try:
        # The run does not record each file's encoding: decode as the indexer did (UTF-8, else cp1252).
        text = read_span_source(corpus.resolve(), source, DETECT_ENCODING)
    except OSError:
        return False
    return 0 <= start < end <= len(text) and text[start:end] == quote


def summarize(results: list[ItemResult], corpus: Path) -> dict[str, Any]:
    """The headline numbers of a golden run, overall and per answer type."""
    bad = unverified_citations(results, corpus)
    cited = sum(len(r.answer.citations) for r in results)
    latencies = [r.seconds * 1000 for r in results]
    summary = {
        **_quality(results),
        "verified_spans": ratio(cited - len(bad), cited),
        "latency_p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "latency_p95_ms": round(percentile(latencies, 95), 1) if latencies else None,
        "by_type": _by_type(results),
        "unverified": bad,
    }
    return summary


def _quality(results: list[ItemResult]) -> dict[str, Any]:
    answerable = [r for r in results if r.item.answerable]
    negatives = [r for r in results if not r.item.answerable]
    near_misses = [r for r in negatives if r.item.near_miss]
    relevant = [
        c for r in answerable for c in r.answer.citations if any(c.source in group for group in r.item.sources)
    ]
    ranked = [r for r in answerable if r.item.sources]
    ranks = [r.retrieval_rank() for r in ranked]
    return {
        "questions": len(results),
        "answerable": len(answerable),
        "unanswerable": len(negatives),
        "near_misses": len(near_misses),
        "fact_accuracy": ratio(sum(r.facts_found for r in answerable), sum(len(r.item.facts) for r in answerable)),
        "source_recall": ratio(sum(r.groups_cited for r in answerable), sum(len(r.item.sources) for r in answerable)),
        "citation_precision": ratio(len(relevant), sum(len(r.answer.citations) for r in ranked)),
        "refusal_rate": ratio(sum(not r.answer.answered for r in negatives), len(negatives)),
        "near_miss_refusal_rate": ratio(sum(not r.answer.answered for r in near_misses), len(near_misses)),
        "false_refusal_rate": ratio(sum(not r.answer.answered for r in answerable), len(answerable)),
        "hit@1": ratio(sum(1 for k in ranks if k is not None and k <= 1), len(ranks)),
        "hit@5": ratio(sum(1 for k in ranks if k is not None and k <= 5), len(ranks)),
        "mrr@10": ratio(sum(1 / k for k in ranks if k is not None and k <= 10), len(ranks)),
    }


def _by_type(results: list[ItemResult]) -> dict[str, dict[str, Any]]:
    """The quality numbers per answer `type` (questions without one are grouped as "untyped")."""
    groups: dict[str, list[ItemResult]] = {}
    for r in results:
        groups.setdefault(r.item.type or "untyped", []).append(r)
    keys = ("questions", "fact_accuracy", "source_recall", "refusal_rate", "false_refusal_rate")
    return {name: {k: v for k, v in _quality(group).items() if k in keys} for name, group in sorted(groups.items())}


def failures(results: list[ItemResult]) -> list[dict[str, Any]]:
    """Items that missed a fact, a source or the refusal decision, for a readable report."""
    return [
        {**asdict(r.item), "answer": r.answer.answer, "facts_missed": sorted(set(r.item.facts) - set(r.facts_matched))}
        for r in results if not r.passed
    ]


def ratio(part: float, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def percentile(values: list[float], percent: float) -> float:
    """Nearest-rank percentile: the smallest value with at least `percent`% of values at or below it."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(percent / 100 * len(ordered)) - 1))]


def format_table(summary: dict[str, Any]) -> str:
    """Two aligned columns, n/a for ratios over nothing, then the per-type numbers."""
    rows = [(k, _shown(v)) for k, v in summary.items() if k not in ("unverified", "failures", "by_type")]
    width = max(len(k) for k, _ in rows)
    lines = [f"{k.ljust(width)}  {v}" for k, v in rows]
    by_type = summary.get("by_type", {})
    if len(by_type) > 1 or "untyped" not in by_type:
        columns = ("questions", "fact_accuracy", "source_recall", "refusal_rate", "false_refusal_rate")
        name_width = max(len("type"), *(len(name) for name in by_type))
        lines += ["", "  ".join(["type".ljust(name_width), *columns])]
        for name, numbers in by_type.items():
            cells = [_shown(numbers[c]).ljust(len(c)) for c in columns]
            lines.append("  ".join([name.ljust(name_width), *cells]).rstrip())
    return "\n".join(lines)


def _shown(value: Any) -> str:
    return "n/a" if value is None else str(value)

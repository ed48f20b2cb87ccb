"""One `assistant eval`: answer a golden set, measure it, check its bars, compare it with a saved run."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.evaluation.drift import DriftReport, compare_runs
from assistant.evaluation.gates import GateResult, check_gates, merge_gates
from assistant.evaluation.golden import GoldenSet
from assistant.evaluation.metrics import Asker, ItemResult, failures, run_golden, summarize
from assistant.evaluation.runs import build_run, load_run


@dataclass
class EvalReport:
    golden: GoldenSet
    results: list[ItemResult]
    summary: dict[str, Any]
    run: dict[str, Any]
    gates: list[GateResult] = field(default_factory=list)
    drift: DriftReport | None = None
    seconds: float = 0.0

    @property
    def failed_gates(self) -> list[GateResult]:
        return [g for g in self.gates if not g.passed]

    def failed(self, strict: bool = False) -> bool:
        """Exit status 1: a bar missed, a regression since the saved run, or with `strict` any drift at all."""
        if self.failed_gates:
            return True
        if self.drift is None:
            return False
        return bool(self.drift.drifted if strict else self.drift.regressions)

    def to_dict(self, with_failures: bool = False) -> dict[str, Any]:
        payload = dict(self.summary)
        if with_failures:
            payload["failures"] = failures(self.results)
        if self.gates:
            payload["gates"] = [{"gate": g.gate, "bar": g.bar, "value": g.value, "passed": g.passed} for g in self.gates]
        if self.drift is not None:
            payload["drift"] = self.drift.to_dict()
        return payload


def evaluate(
    asker: Asker,
    golden: GoldenSet,
    corpus: Path,
    settings: dict[str, Any],
    gate_overrides: dict[str, float | None],
    baseline: Path | None = None,
) -> EvalReport:
    """Everything `assistant eval` prints comes from here; the baseline and bars are checked first, so mistakes fail fast."""
    saved = load_run(baseline) if baseline else None
    gates = merge_gates(golden.header.gates, gate_overrides)
    started = time.perf_counter()
    results = run_golden(asker, golden.items)
    summary = summarize(results, corpus)
    run = build_run(results, golden.path, corpus, settings, summary)
    report = EvalReport(golden, results, summary, run, check_gates(summary, gates))
    if saved is not None:
        report.drift = compare_runs(saved, run, golden.items, corpus)
    report.seconds = time.perf_counter() - started
    return report

"""Quality bars for a golden run: which numbers fell below (or rose above) their bar, in words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.errors import AssistantError

# gate name -> (summary metric, True when the metric must stay at or above the bar, words for a reader)
GATES = {
    "min_facts": ("fact_accuracy", True, "fact accuracy"),
    "min_sources": ("source_recall", True, "cited-source recall"),
    "min_refusals": ("refusal_rate", True, "refusal rate on unanswerable questions"),
    "max_false_refusals": ("false_refusal_rate", False, "false refusal rate on answerable questions"),
}


@dataclass(frozen=True)
class GateResult:
    gate: str
    bar: float
    value: float | None
    passed: bool

    def describe(self) -> str:
        metric, at_least, words = GATES[self.gate]
        if self.value is None:
            return f"{words} ({metric}) is n/a on this golden set, so the bar {self.gate} = {self.bar} cannot be met"
        relation = ("below the minimum" if at_least else "above the maximum") if not self.passed else "within"
        return f"{words} ({metric}) {self.value} is {relation} {self.bar} ({self.gate})"


def merge_gates(header: dict[str, float], overrides: dict[str, float | None]) -> dict[str, float]:
    """Bars from the golden file's header, each replaced by a command-line value when one is given."""
    for name, value in overrides.items():
        if value is not None and not 0 <= value <= 1:
            flag = "--" + name.replace("_", "-")
            raise AssistantError(f"{flag} is a ratio between 0 and 1 (e.g. 0.8), not {value}.")
    return {**header, **{name: value for name, value in overrides.items() if value is not None}}


def check_gates(summary: dict[str, Any], gates: dict[str, float]) -> list[GateResult]:
    results = []
    for gate, bar in sorted(gates.items()):
        metric, at_least, _ = GATES[gate]
        value = summary.get(metric)
        passed = value is not None and (value >= bar if at_least else value <= bar)
        results.append(GateResult(gate, bar, value, passed))
    return results

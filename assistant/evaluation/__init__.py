"""Golden question sets and what they measure: the format, the numbers, quality gates, saved runs and drift."""

from assistant.evaluation.golden import GoldenFormatError, GoldenHeader, GoldenItem, GoldenSet, load_golden, read_golden
from assistant.evaluation.metrics import (
    ItemResult,
    failures,
    format_table,
    percentile,
    run_golden,
    states_fact,
    summarize,
    unverified_citations,
)

__all__ = [
    "GoldenFormatError", "GoldenHeader", "GoldenItem", "GoldenSet", "ItemResult", "failures", "format_table",
    "load_golden", "percentile", "read_golden", "run_golden", "states_fact", "summarize", "unverified_citations",
]

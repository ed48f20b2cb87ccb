"""Drift between a saved run and a new one: which questions now cite, answer or refuse differently.

A change is a regression when the new run is worse against the golden file:
a fact no longer stated, a required source no longer cited, a refusal decision
turned wrong, or a citation that does not match its file. Everything else
(spans that moved, sources swapped for equivalent ones, facts gained) is
reported but is not a regression.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from assistant.evaluation.golden import GoldenItem
from assistant.evaluation.metrics import quote_is_span

# A reworded quote still counts as the same sentence above this similarity (a spelling fix, a moved comma).
SAME_SENTENCE = 0.8


@dataclass(frozen=True)
class Change:
    kind: str
    detail: str
    regression: bool = False


@dataclass
class QuestionDrift:
    id: str
    question: str
    changes: list[Change] = field(default_factory=list)

    @property
    def regression(self) -> bool:
        return any(c.regression for c in self.changes)


@dataclass
class DriftReport:
    compared: int
    drifted: list[QuestionDrift]

    @property
    def regressions(self) -> list[QuestionDrift]:
        return [q for q in self.drifted if q.regression]

    def to_dict(self) -> dict[str, Any]:
        return {
            "compared": self.compared,
            "changed": len(self.drifted),
            "regressions": len(self.regressions),
            "questions": [{**asdict(q), "regression": q.regression} for q in self.drifted],
        }


def compare_runs(old: dict[str, Any], new: dict[str, Any], items: list[GoldenItem], corpus: Path) -> DriftReport:
    """Question by question (matched by id), what changed from the saved run `old` to `new`."""
    golden = {item.id: item for item in items}
    before = {q["id"]: q for q in old["questions"]}
    drifted = []
    for now in new["questions"]:
        was = before.pop(now["id"], None)
        drift = QuestionDrift(now["id"], now["question"])
        if was is None:
            drift.changes.append(Change("new question", "not in the saved run"))
        else:
            drift.changes += _question_changes(was, now, golden.get(now["id"]), corpus)
        if drift.changes:
            drifted.append(drift)
    for was in before.values():
        drifted.append(QuestionDrift(was["id"], was["question"], [Change("question gone", "not in the golden file any more")]))
    return DriftReport(len(new["questions"]), drifted)


def _question_changes(was: dict[str, Any], now: dict[str, Any], item: GoldenItem | None, corpus: Path) -> list[Change]:
    changes = []
    if was["answered"] != now["answered"]:
        flip = "answered -> refused" if was["answered"] else "refused -> answered"
        wrong = item is not None and now["answered"] != item.answerable
        changes.append(Change("answered/refused", flip, regression=wrong))
    changes += _source_changes(was, now, item)
    lost = [f for f in was["facts_found"] if f not in now["facts_found"]]
    gained = [f for f in now["facts_found"] if f not in was["facts_found"]]
    if lost:
        changes.append(Change("facts lost", ", ".join(lost), regression=True))
    if gained:
        changes.append(Change("facts gained", ", ".join(gained)))
    changes += _span_changes(was["citations"], now["citations"], corpus)
    return changes


def _source_changes(was: dict[str, Any], now: dict[str, Any], item: GoldenItem | None) -> list[Change]:
    old_sources = {c["source"] for c in was["citations"]}
    new_sources = {c["source"] for c in now["citations"]}
    if old_sources == new_sources:
        return []
    detail = " ".join([*(f"-{s}" for s in sorted(old_sources - new_sources)), *(f"+{s}" for s in sorted(new_sources - old_sources))])
    groups = item.sources if item else []
    covered_before = sum(bool(old_sources & set(g)) for g in groups)
    covered_now = sum(bool(new_sources & set(g)) for g in groups)
    return [Change("sources changed", detail, regression=covered_now < covered_before)]


def _span_changes(old: list[dict[str, Any]], new: list[dict[str, Any]], corpus: Path) -> list[Change]:
    """Pair each saved citation with a new one: the same span, the same quote elsewhere, or a reworded quote."""
    unmatched = list(new)
    changes = []
    for cited in old:
        partner = _partner(cited, unmatched)
        if partner is not None:
            unmatched.remove(partner)
            if (partner["start"], partner["end"], partner["quote_sha256"]) != (cited["start"], cited["end"], cited["quote_sha256"]):
                reworded = "" if partner["quote_sha256"] == cited["quote_sha256"] else ", reworded"
                changes.append(Change("span moved", f"{_where(cited)} -> [{partner['start']}:{partner['end']}]{reworded}"))
        elif not quote_is_span(corpus, cited["source"], cited["start"], cited["end"], cited.get("quote", "")):
            changes.append(Change("span no longer in its file", f"{_where(cited)} {_excerpt(cited)}"))
        else:
            changes.append(Change("span dropped", f"{_where(cited)} {_excerpt(cited)}"))
    for cited in unmatched:
        verbatim = quote_is_span(corpus, cited["source"], cited["start"], cited["end"], cited.get("quote", ""))
        kind = "span added" if verbatim else "new span does not match its file"
        changes.append(Change(kind, f"{_where(cited)} {_excerpt(cited)}", regression=not verbatim))
    return changes


def _partner(cited: dict[str, Any], candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    same_file = [c for c in candidates if c["source"] == cited["source"]]
    for c in same_file:
        if (c["start"], c["end"], c["quote_sha256"]) == (cited["start"], cited["end"], cited["quote_sha256"]):
            return c
    for c in same_file:
        if c["quote_sha256"] == cited["quote_sha256"]:
            return c
    scored = [(SequenceMatcher(None, cited.get("quote", ""), c.get("quote", "")).ratio(), c) for c in same_file]
    best = max(scored, key=lambda pair: pair[0], default=None)
    return best[1] if best and best[0] >= SAME_SENTENCE else None


def _where(cited: dict[str, Any]) -> str:
    return f"{cited['source']} [{cited['start']}:{cited['end']}]"


def _excerpt(cited: dict[str, Any], width: int = 60) -> str:
    quote = " ".join(cited.get("quote", "").split())
    return f"“{quote[:width]}…”" if len(quote) > width else f"“{quote}”"


def format_drift(report: DriftReport) -> str:
    """A table a person reads in a CI log: one row per change, regressions marked."""
    if not report.drifted:
        return f"No drift: {report.compared} questions answered and cited as in the saved run."
    rows = [(q.id, c.kind + (" (REGRESSION)" if c.regression else ""), c.detail) for q in report.drifted for c in q.changes]
    id_width = max(len("id"), *(len(r[0]) for r in rows))
    kind_width = max(len("change"), *(len(r[1]) for r in rows))
    lines = [f"{'id'.ljust(id_width)}  {'change'.ljust(kind_width)}  detail"]
    lines += [f"{i.ljust(id_width)}  {k.ljust(kind_width)}  {d}" for i, k, d in rows]
    lines.append(
        f"\n{len(report.drifted)} of {report.compared} questions changed, {len(report.regressions)} with a regression."
    )
    return "\n".join(lines)

"""The BBC golden set as a regression test, on its answering articles plus an even spread of 60 others.

Indexing all 2,225 articles takes about 15 minutes here, so the full-corpus
numbers come from `bench/bbc.py`; this subset keeps needles among distractors
of every topic folder and fails when retrieval, answers or refusals regress.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.evaluation import load_golden, run_golden, summarize
from tests.conftest import ROOT, SHARED_BBC, require_shared_bbc

GOLDEN = ROOT / "tests" / "golden" / "bbc-dev.jsonl"
DISTRACTORS = 60  # 100 and 160 gave the same numbers (below) and took longer to index (5 s and 19 s more here)

# Measured on this subset with the reader (assistant/answer/), session 24: recall 1.00, hit@5 1.00,
# facts 1.00, refusals 0.60 (6 of 10), 0 of 40 answerable refused. The set was tuned on (it is a dev
# split), so the bars sit below: they catch regressions, the frozen splits measure quality.
THRESHOLDS = {
    "source_recall": 0.95,
    "hit@5": 0.95,
    "fact_accuracy": 0.83,
    "verified_spans": 1.0,
    "refusal_rate": 0.55,
}
MAX_FALSE_REFUSALS = 0.03


def _subset(target: Path) -> Path:
    require_shared_bbc("The BBC golden test")
    golden = load_golden(GOLDEN)
    wanted = {s for item in golden for group in item.sources for s in group}
    others = sorted(p.relative_to(SHARED_BBC).as_posix() for p in SHARED_BBC.glob("*/*.txt"))
    others = [s for s in others if s not in wanted]
    chosen = sorted(wanted) + others[:: len(others) // DISTRACTORS][:DISTRACTORS]
    for source in chosen:
        (target / source).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(SHARED_BBC / source, target / source)
    return target


@pytest.fixture(scope="module")
def bbc_summary(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    corpus = _subset(tmp_path_factory.mktemp("bbc") / "corpus")
    assistant = Assistant(corpus=corpus, index=corpus.parent / "index")
    assistant.index()
    return summarize(run_golden(assistant, load_golden(GOLDEN)), corpus)


@pytest.mark.slow
@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_bbc_quality_stays_above_threshold(bbc_summary: dict, metric: str) -> None:  # type: ignore[type-arg]
    assert bbc_summary[metric] >= THRESHOLDS[metric], bbc_summary


@pytest.mark.slow
def test_bbc_answerable_needles_are_not_refused(bbc_summary: dict) -> None:  # type: ignore[type-arg]
    assert bbc_summary["false_refusal_rate"] <= MAX_FALSE_REFUSALS, bbc_summary

"""The BBC benchmark end to end on a dozen articles: every section of the report gets its numbers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED_BBC, require_shared_bbc

BENCH = ROOT / "bench" / "bbc.py"


@pytest.mark.slow
def test_reduced_bench_writes_every_number(tmp_path: Path) -> None:
    require_shared_bbc("The benchmark smoke test")
    out = tmp_path / "RESULTS.md"
    command = [sys.executable, str(BENCH), "--corpus", str(SHARED_BBC), "--limit", "12", "--scale-chunks", "400", "--no-profile", "--out", str(out)]
    subprocess.run(command, check=True, cwd=tmp_path, timeout=300)
    report = out.read_text()
    for heading in ("## Targets", "## Indexing from scratch", "## Re-indexing", "## Ask latency",
                    "## Retrieval quality", "## Answer quality", "## Naive LlamaIndex baseline"):
        assert heading in report
    assert "| nproc | " in report
    assert "12 files" in report
    assert report.count("PASS") + report.count("FAIL") == 5
    for label in ("ratio build / pure embedding", "peak memory", "unchanged corpus", "files (1%)",
                  "hybrid (as `ask` retrieves)", "fact_accuracy", "false_refusal_rate", "naive baseline"):
        assert label in report
    assert "nan ms" not in report and "| nan |" not in report

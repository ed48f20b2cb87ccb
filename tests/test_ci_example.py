"""docs/ci-example.md: its check script passes on an unchanged corpus and fails the build once an article changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.evaluation import read_golden, run_golden
from tests.conftest import ROOT

DOC = ROOT / "docs" / "ci-example.md"
GOLDEN = ROOT / "tests" / "golden" / "seeds-dev.jsonl"


def _script() -> str:
    text = DOC.read_text(encoding="utf-8")
    return text.split("<!-- ci-script", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]


def _run_script(work: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(["sh", "ci/check-citations.sh"], cwd=work, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_the_documented_ci_check_fails_the_build_on_drift(corpus_copy: Path, tmp_path: Path, seeds_assistant) -> None:  # type: ignore[no-untyped-def]
    work = tmp_path / "newsroom"
    (work / "golden").mkdir(parents=True)
    (work / "ci").mkdir()
    corpus_copy.rename(work / "articles")
    (work / "ci" / "check-citations.sh").write_text(_script(), encoding="utf-8")
    passing = {r.item.id for r in run_golden(seeds_assistant, read_golden(GOLDEN).items[:25]) if r.passed}  # ten are kept
    lines = [line for line in GOLDEN.read_text(encoding="utf-8").splitlines() if json.loads(line).get("id") in passing][:10]
    assert len(lines) >= 3, "the golden set should have questions the assistant passes"
    (work / "golden" / "newsroom.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["--corpus", str(work / "articles"), "--index", str(work / ".ci-index")]
    assert main([*args, "index"]) == 0
    assert main([*args, "eval", str(work / "golden" / "newsroom.jsonl"), "--save", str(work / "golden" / "baseline-run.json")]) == 0

    clean = _run_script(work)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "No drift" in clean.stdout and (work / "reports" / "golden.xml").is_file()

    saved = json.loads((work / "golden" / "baseline-run.json").read_text(encoding="utf-8"))
    cited = saved["questions"][0]["citations"][0]
    article = work / "articles" / cited["source"]
    text = article.read_text(encoding="utf-8")
    article.write_text(text[: cited["start"]] + "Editors' note: this story was updated. " + text[cited["start"] :], encoding="utf-8")
    drifted = _run_script(work)
    assert drifted.returncode == 1, drifted.stdout + drifted.stderr
    assert f"{saved['questions'][0]['id']}  span moved" in drifted.stdout, drifted.stdout

"""`assistant eval`: gates that fail the command, JUnit XML, saved runs, and drift after an article is edited."""

from __future__ import annotations

import json
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from assistant.cli import main
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "seeds-dev.jsonl"
EDITED = "002_6d17bc3cc6b798f9.txt"


def _eval(capsys: pytest.CaptureFixture[str], corpus: Path, index: Path, *args: str) -> tuple[int, str]:
    """Exit status and standard output; errors and notes (standard error) follow it when there are any."""
    capsys.readouterr()
    code = main(["--corpus", str(corpus), "--index", str(index), "eval", *args])
    captured = capsys.readouterr()
    return code, captured.out if "--json" in args and code != 2 else captured.out + captured.err


@pytest.fixture
def small_golden(tmp_path: Path) -> Path:
    """Ten seed questions, eight answerable: enough for every number, quick to answer."""
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()
    items = [line for line in lines if '"header"' not in line]
    chosen = [line for line in items if '"answerable": true' in line][:8] + [line for line in items if '"answerable": false' in line][:2]
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def indexed(corpus_copy: Path, tmp_path: Path) -> tuple[Path, Path]:
    index = tmp_path / "index"
    assert main(["--corpus", str(corpus_copy), "--index", str(index), "index"]) == 0
    return corpus_copy, index


def test_gates_fail_the_command_and_say_which_bar(indexed, small_golden: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    corpus, index = indexed
    code, out = _eval(capsys, corpus, index, str(small_golden), "--min-facts", "0.99", "--min-sources", "0.1")
    assert code == 1
    assert re.search(r"FAIL  fact accuracy \(fact_accuracy\) [0-9.]+ is below the minimum 0.99 \(min_facts\)", out), out
    assert re.search(r"PASS  cited-source recall .* within 0.1", out), out
    assert _eval(capsys, corpus, index, str(small_golden), "--min-facts", "0.1")[0] == 0

    header = {"header": {"split": "dev", "corpus": str(corpus), "gates": {"max_false_refusals": 0.0, "min_refusals": 1.0}}}
    gated = small_golden.with_name("gated.jsonl")
    gated.write_text(json.dumps(header) + "\n" + small_golden.read_text(encoding="utf-8"), encoding="utf-8")
    code, out = _eval(capsys, corpus, index, str(gated), "--json")
    payload = json.loads(out)
    gates = {g["gate"]: g for g in payload["gates"]}
    assert set(gates) == {"max_false_refusals", "min_refusals"}
    assert code == (0 if all(g["passed"] for g in gates.values()) else 1)
    assert _eval(capsys, corpus, index, str(gated), "--min-refusals", "0", "--max-false-refusals", "1")[0] == 0


def test_junit_has_one_case_per_question_and_explains_misses(indexed, small_golden: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    corpus, index = indexed
    junit = tmp_path / "out" / "golden.xml"
    code, out = _eval(capsys, corpus, index, str(small_golden), "--junit", str(junit), "--json", "--failures")
    assert code == 0
    missed = {f["id"] for f in json.loads(out)["failures"]}
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [json.loads(line)["id"] for line in small_golden.read_text().splitlines()]
    failed = {c.get("name"): c.find("failure") for c in cases if c.find("failure") is not None}
    assert missed and set(failed) == missed and suite.get("failures") == str(len(missed))
    for failure in failed.values():
        assert "question: " in failure.text and "expected: " in failure.text and "answer: " in failure.text


def test_an_unchanged_corpus_shows_no_drift(indexed, small_golden: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    corpus, index = indexed
    run = tmp_path / "run.json"
    assert _eval(capsys, corpus, index, str(small_golden), "--save", str(run))[0] == 0
    saved = json.loads(run.read_text(encoding="utf-8"))
    assert saved["corpus_digest"] and saved["settings"]["top_k"] == 16 and len(saved["questions"]) == 10
    cited = [c for q in saved["questions"] for c in q["citations"]]
    assert cited and all({"source", "start", "end", "quote_sha256"} <= set(c) for c in cited)
    code, out = _eval(capsys, corpus, index, str(small_golden), "--compare", str(run))
    assert code == 0 and "No drift: 10 questions" in out


def test_a_bad_saved_run_is_a_user_error(indexed, small_golden: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    corpus, index = indexed
    code, out = _eval(capsys, corpus, index, str(small_golden), "--compare", str(tmp_path / "missing.json"))
    assert code == 2 and "make one with `assistant eval GOLDEN --save" in out
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    code, out = _eval(capsys, corpus, index, str(small_golden), "--compare", str(tmp_path / "bad.json"))
    assert code == 2 and "is not a saved run" in out


def _edit_article(corpus: Path, baseline: dict[str, Any]) -> tuple[set[str], set[str], str]:
    """Retype one cited sentence of EDITED and delete a later one; returns who cited each, and the edit's offset."""
    spans: dict[tuple[int, int], set[str]] = {}
    for q in baseline["questions"]:
        for c in q["citations"]:
            if c["source"] == EDITED:
                spans.setdefault((c["start"], c["end"]), set()).add(q["id"])
    ordered = sorted(spans)
    assert len(ordered) >= 3, "the saved run should cite several sentences of the edited article"
    reworded, deleted = ordered[1], ordered[-1]
    path = corpus / EDITED
    text = path.read_text(encoding="utf-8")
    sentence = text[reworded[0] : reworded[1]]
    # A typo fixed in passing: the quote changes, its words (and so the answer that cites it) do not.
    misspelt = re.sub(r"(\w) (\w)", r"\1  \2", sentence, count=1)
    text = text[: reworded[0]] + misspelt + text[reworded[1] : deleted[0]] + text[deleted[1] :]
    path.write_text(text, encoding="utf-8")
    return spans[reworded], spans[deleted], str(reworded[0])


def test_editing_one_article_names_exactly_the_questions_it_affects(indexed, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    corpus, index = indexed
    run = tmp_path / "run.json"
    assert _eval(capsys, corpus, index, str(GOLDEN), "--save", str(run))[0] in (0, 1)
    baseline = json.loads(run.read_text(encoding="utf-8"))
    reworded_by, deleted_by, edit_at = _edit_article(corpus, baseline)

    started = time.perf_counter()
    assert main(["--corpus", str(corpus), "--index", str(index), "index"]) == 0
    code, out = _eval(capsys, corpus, index, str(GOLDEN), "--compare", str(run), "--json")
    seconds = time.perf_counter() - started
    drift = json.loads(out)["drift"]
    changes = {q["id"]: q["changes"] for q in drift["questions"]}

    after_edit = {q["id"] for q in baseline["questions"] for c in q["citations"] if c["source"] == EDITED and c["end"] > int(edit_at)}
    now = json.loads(Path(run).read_text(encoding="utf-8"))  # the baseline file is not rewritten by --compare
    assert now == baseline
    cites_edited = {q["id"] for q in baseline["questions"] if any(c["source"] == EDITED for c in q["citations"])}
    newly = {q["id"] for q in drift["questions"] for c in q["changes"] if EDITED in c["detail"]}
    assert after_edit <= set(changes), (sorted(after_edit), sorted(changes))
    # Deleting a sentence shifts the corpus's word statistics, so a near tie elsewhere may flip: at most a
    # couple of other questions may change, and none of them may be reported as a regression.
    incidental = set(changes) - cites_edited - newly
    assert len(incidental) <= 2 and not any(c["regression"] for q in incidental for c in changes[q]), sorted(incidental)
    touching = set(changes) - incidental
    assert all(any(EDITED in c["detail"] for c in changes[q]) for q in touching), "only questions touching the edited file"
    for q in reworded_by:
        kinds = {c["kind"] for c in changes[q] if EDITED in c["detail"]}
        assert "span moved" in kinds and "span no longer in its file" not in kinds, changes[q]
    for q in deleted_by:
        assert any(c["kind"] == "span no longer in its file" for c in changes[q]), changes[q]
    assert code == (1 if drift["regressions"] else 0)
    assert seconds < 10, f"re-index and drift report took {seconds:.1f} s"


def test_a_malformed_golden_file_stops_eval_with_its_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "q1", "question": "Who?", "answerable": true, "facts": ["x"]}\n{"id": "q1"}\n', encoding="utf-8")
    code, out = _eval(capsys, tmp_path, tmp_path / "index", str(bad))
    assert code == 2 and f"error: {bad}:2: the question has no 'question'." in out
    code, out = _eval(capsys, tmp_path, tmp_path / "index", str(bad.with_name("q.jsonl")), "--min-facts", "80")
    assert code == 2 and "does not exist" in out


def test_a_bar_that_is_not_a_ratio_fails_before_any_question_is_asked(tmp_path: Path, small_golden: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out = _eval(capsys, tmp_path, tmp_path / "no-index", str(small_golden), "--min-facts", "80")
    assert code == 2 and "--min-facts is a ratio between 0 and 1 (e.g. 0.8), not 80.0." in out

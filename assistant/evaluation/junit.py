"""JUnit XML for CI dashboards: one test case per golden question, failed when it missed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from assistant.evaluation.metrics import ItemResult


def explain_miss(result: ItemResult) -> str:
    """What a reader needs to judge a miss: the question, what was expected, what came back."""
    item, answer = result.item, result.answer
    missed = [f for f in item.facts if f not in result.facts_matched]
    lines = [
        f"question: {item.question}",
        f"expected: {'an answer' if item.answerable else 'a refusal'}"
        + (f"; facts {item.facts}" if item.facts else "")
        + (f"; sources {item.sources}" if item.sources else ""),
        f"got: {'an answer' if answer.answered else 'a refusal'} from {answer.backend}"
        + (f"; facts missed {missed}" if missed and answer.answered else ""),
        f"answer: {answer.answer}",
        "citations:" if answer.citations else "citations: none",
        *(f"  [{c.id}] {c.source} [{c.start}:{c.end}] “{c.quote}”" for c in answer.citations),
    ]
    return "\n".join(lines)


def write_junit(results: list[ItemResult], suite: str, path: Path) -> None:
    cases = ET.Element(
        "testsuite", name=suite, tests=str(len(results)),
        failures=str(sum(not r.passed for r in results)), errors="0",
        time=f"{sum(r.seconds for r in results):.3f}",
    )
    for result in results:
        case = ET.SubElement(cases, "testcase", classname=suite, name=result.item.id, time=f"{result.seconds:.3f}")
        if not result.passed:
            failure = ET.SubElement(case, "failure", message=_headline(result))
            failure.text = explain_miss(result)
    path.parent.mkdir(parents=True, exist_ok=True)
    root = ET.Element("testsuites")
    root.append(cases)
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def _headline(result: ItemResult) -> str:
    if result.answer.answered != result.item.answerable:
        return "refused an answerable question" if result.item.answerable else "answered an unanswerable question"
    missing = []
    if result.facts_found < len(result.item.facts):
        missing.append(f"{len(result.item.facts) - result.facts_found} of {len(result.item.facts)} facts missing")
    if result.groups_cited < len(result.item.sources):
        missing.append(f"{len(result.item.sources) - result.groups_cited} of {len(result.item.sources)} sources not cited")
    return "; ".join(missing)

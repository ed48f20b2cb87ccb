"""The golden file format: JSON Lines of questions, an optional header line first, every line validated.

The format is documented in docs/golden-format.md; errors name the file and the
line, because golden files are written by hand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError

SPLITS = ("dev", "test")
GATE_NAMES = ("min_facts", "min_sources", "min_refusals", "max_false_refusals")
HEADER_KEYS = {"split", "corpus", "frozen", "note", "gates"}
ITEM_KEYS = {"id", "question", "answerable", "type", "kind", "near_miss", "sources", "facts"}


class GoldenFormatError(AssistantError):
    """A golden file line that does not follow docs/golden-format.md."""


@dataclass(frozen=True)
class GoldenItem:
    """One question, the files that must be cited (groups of alternatives) and the facts the answer needs.

    A fact is one string; `a|b` accepts either spelling.
    """

    id: str
    question: str
    answerable: bool
    type: str = ""
    kind: str = "single"
    near_miss: bool = False
    sources: list[list[str]] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GoldenHeader:
    """What the first line may say about the whole set: its split, its corpus, its quality bars."""

    split: str = ""
    corpus: str = ""
    frozen: str = ""
    note: str = ""
    gates: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class GoldenSet:
    path: Path
    header: GoldenHeader
    items: list[GoldenItem]


def read_golden(path: Path) -> GoldenSet:
    """Read and validate a golden file; the first problem found is raised with its file and line."""
    if not path.is_file():
        raise GoldenFormatError(f"Golden file {path} does not exist.")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise GoldenFormatError(f"{path} is not UTF-8 text; golden files are JSON Lines.") from None
    header = GoldenHeader()
    items: list[GoldenItem] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        record = _parse(line, where)
        if "header" in record:
            if items or header != GoldenHeader() or len(record) != 1:
                raise GoldenFormatError(f"{where}: a header must be the first line and alone on it.")
            header = _header(record["header"], where)
            continue
        item = _item(record, where)
        if item.id in seen:
            raise GoldenFormatError(f"{where}: id {item.id!r} is already used on line {seen[item.id]}.")
        seen[item.id] = number
        items.append(item)
    if not items:
        raise GoldenFormatError(f"{path} holds no questions.")
    return GoldenSet(path, header, items)


def load_golden(path: Path) -> list[GoldenItem]:
    """The questions of a golden file, without its header."""
    return read_golden(path).items


def _parse(line: str, where: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except ValueError as error:
        raise GoldenFormatError(f"{where}: not valid JSON ({error}).") from None
    if not isinstance(record, dict):
        raise GoldenFormatError(f"{where}: each line must be a JSON object, not {type(record).__name__}.")
    return record


def _header(raw: Any, where: str) -> GoldenHeader:
    if not isinstance(raw, dict):
        raise GoldenFormatError(f"{where}: \"header\" must be an object.")
    _no_unknown_keys(raw, HEADER_KEYS, where, "header")
    for key in ("split", "corpus", "frozen", "note"):
        _expect(raw, key, str, where)
    if "split" in raw and raw["split"] not in SPLITS:
        raise GoldenFormatError(f"{where}: split must be one of {', '.join(SPLITS)}, not {raw['split']!r}.")
    gates = raw.get("gates", {})
    if not isinstance(gates, dict):
        raise GoldenFormatError(f"{where}: \"gates\" must be an object such as {{\"min_facts\": 0.8}}.")
    _no_unknown_keys(gates, set(GATE_NAMES), where, "gates")
    for name, value in gates.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise GoldenFormatError(f"{where}: gate {name} must be a number between 0 and 1, not {value!r}.")
    return GoldenHeader(
        raw.get("split", ""), raw.get("corpus", ""), raw.get("frozen", ""), raw.get("note", ""),
        {name: float(value) for name, value in gates.items()},
    )


def _item(raw: dict[str, Any], where: str) -> GoldenItem:
    _no_unknown_keys(raw, ITEM_KEYS, where, "question")
    for key in ("id", "question", "answerable"):
        if key not in raw:
            raise GoldenFormatError(f"{where}: the question has no {key!r}.")
    for key in ("id", "question", "type", "kind"):
        _expect(raw, key, str, where)
    for key in ("answerable", "near_miss"):
        _expect(raw, key, bool, where)
    if not raw["id"].strip() or not raw["question"].strip():
        raise GoldenFormatError(f"{where}: id and question must not be empty.")
    sources = _sources(raw.get("sources", []), where)
    facts = _facts(raw.get("facts", []), where)
    if raw["answerable"] and not facts and not sources:
        raise GoldenFormatError(f"{where}: an answerable question needs facts, sources or both.")
    if not raw["answerable"] and facts:
        raise GoldenFormatError(f"{where}: an unanswerable question has no facts to find.")
    if raw["answerable"] and raw.get("near_miss"):
        raise GoldenFormatError(f"{where}: near_miss marks unanswerable questions only.")
    return GoldenItem(
        raw["id"], raw["question"], raw["answerable"], raw.get("type", ""), raw.get("kind", "single"),
        raw.get("near_miss", False), sources, facts,
    )


def _sources(raw: Any, where: str) -> list[list[str]]:
    """A list of groups; any one file of a group counts as citing the group."""
    example = '[["a.txt"], ["b.txt", "b-copy.txt"]]'
    if not isinstance(raw, list) or not all(isinstance(group, list) and group for group in raw):
        raise GoldenFormatError(f"{where}: sources must be a list of non-empty lists of file names, e.g. {example}.")
    if not all(isinstance(name, str) and name.strip() for group in raw for name in group):
        raise GoldenFormatError(f"{where}: every source must be a file name relative to the corpus.")
    return [list(group) for group in raw]


def _facts(raw: Any, where: str) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(fact, str) for fact in raw):
        raise GoldenFormatError(f"{where}: facts must be a list of strings, e.g. [\"Wang Yi\", \"41|forty-one\"].")
    if not all(alt.strip() for fact in raw for alt in fact.split("|")):
        raise GoldenFormatError(f"{where}: a fact (or one of its |-alternatives) is empty.")
    return list(raw)


def _expect(raw: dict[str, Any], key: str, kind: type, where: str) -> None:
    if key in raw and not isinstance(raw[key], kind):
        name = {str: "a string", bool: "true or false"}[kind]
        raise GoldenFormatError(f"{where}: {key!r} must be {name}, not {json.dumps(raw[key])}.")


def _no_unknown_keys(raw: dict[str, Any], allowed: set[str], where: str, what: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise GoldenFormatError(
            f"{where}: unknown {what} key {', '.join(map(repr, unknown))} (allowed: {', '.join(sorted(allowed))})."
        )

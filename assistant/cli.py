"""`assistant index | ask | eval | ui`: a thin layer over the Python API."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from assistant.errors import AssistantError
from assistant.settings import CONFIG_ENV

if TYPE_CHECKING:
    from assistant.api import Assistant
    from assistant.evaluation.report import EvalReport


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Answer questions from a folder of news articles, with verified citations.")
    parser.add_argument("--corpus", help="folder of .txt/.md articles (default: settings, then ./seeds)")
    parser.add_argument("--index", help="index folder (default: settings, then ./index)")
    parser.add_argument("--config", help=f"TOML config file (default: ${CONFIG_ENV} or ./assistant.toml)")
    parser.add_argument("--top-k", type=int, help="chunks retrieved per question (setting top_k)")
    parser.add_argument("--chroma-host", help="use the Chroma server on this host (setting chroma_host)")
    parser.add_argument("--chroma-port", type=int, help="port of that Chroma server (setting chroma_port)")
    commands = parser.add_subparsers(dest="command", required=True)

    index = commands.add_parser("index", help="build or refresh the index incrementally")
    index.add_argument("--rebuild", action="store_true", help="delete the index and build it from scratch")
    index.add_argument("--json", action="store_true", help="print the report as JSON")

    ask = commands.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("--since", help="only articles dated on or after this day (YYYY-MM-DD)")
    ask.add_argument("--until", help="only articles dated on or before this day (YYYY-MM-DD)")
    ask.add_argument("--source", action="append", help="only this folder or file of the corpus (repeatable)")
    _model_options(ask)

    evaluate = commands.add_parser(
        "eval", help="score a golden JSONL file; exits 1 when a bar is missed or a saved run regressed",
        description="Answer every question of a golden file (docs/golden-format.md) and print the numbers.",
    )
    evaluate.add_argument("golden", type=Path)
    evaluate.add_argument("--json", action="store_true", help="print the numbers (and drift) as JSON")
    evaluate.add_argument("--failures", action="store_true", help="also list the questions that missed")
    for gate, words in (("min-facts", "fact accuracy"), ("min-sources", "cited-source recall"),
                        ("min-refusals", "refusal rate on unanswerable questions")):
        evaluate.add_argument(f"--{gate}", type=float, metavar="RATIO", help=f"exit 1 when {words} is below this")
    evaluate.add_argument("--max-false-refusals", type=float, metavar="RATIO",
                          help="exit 1 when more answerable questions than this are refused")
    evaluate.add_argument("--save", type=Path, metavar="RUN.json", help="record answers and citations as a baseline")
    evaluate.add_argument("--compare", type=Path, metavar="RUN.json",
                          help="print what drifted since this saved run; exit 1 on a regression")
    evaluate.add_argument("--strict", action="store_true", help="with --compare, exit 1 on any drift")
    evaluate.add_argument("--junit", type=Path, metavar="FILE", help="write JUnit XML, one case per question")

    ui = commands.add_parser("ui", help="start the chat UI")
    ui.add_argument("--host")
    ui.add_argument("--port", type=int)
    ui.add_argument("--auth", help="user:password to require a login")
    ui.add_argument("--share", action="store_true", help="open a public Gradio share link (off by default)")
    _model_options(ui)
    return parser


def _model_options(command: argparse.ArgumentParser) -> None:
    """Which model writes the answers; unset options keep the settings' values."""
    group = command.add_argument_group("model")
    group.add_argument("--backend", choices=["auto", "extractive", "openai", "local"],
                       help="auto (endpoint when a model is named, else extractive), extractive, openai, or local (the packaged model)")
    group.add_argument("--model", dest="llm_model", help="model name at the OpenAI-compatible endpoint")
    group.add_argument("--temperature", type=float, help="sampling temperature (default 0)")
    group.add_argument("--max-tokens", type=int, help="longest answer the model may write, in tokens")
    group.add_argument("--llm-timeout", type=float, help="seconds before the endpoint counts as down")
    group.add_argument("--llm-max-retries", type=int, help="retries with backoff on 429/5xx (default 2)")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.config:
        os.environ[CONFIG_ENV] = args.config
    try:
        return _run(args)
    except AssistantError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    from assistant.api import Assistant

    assistant = Assistant(corpus=args.corpus, index=args.index, **_setting_flags(args))
    _show_model_progress()
    if args.command == "index":
        return _index(assistant, args)
    if args.command == "ask":
        return _ask(assistant, args)
    if args.command == "eval":
        return _eval(assistant, args)
    return _ui(assistant, args)


def _setting_flags(args: argparse.Namespace) -> dict[str, Any]:
    """Flags that override settings; they are validated with the settings (a port of 70000 is refused)."""
    flags = {"top_k": args.top_k, "chroma_host": args.chroma_host, "chroma_port": args.chroma_port}
    if args.command == "ui":
        flags |= {"ui_host": args.host, "ui_port": args.port}
    return flags | {name: getattr(args, name, None) for name in MODEL_OPTIONS}


MODEL_OPTIONS = ("backend", "llm_model", "temperature", "max_tokens", "llm_timeout", "llm_max_retries")


def _show_model_progress() -> None:
    """The local model's loading messages ("Assembling… part 3 of 22") go to stderr."""
    logger = logging.getLogger("assistant.local_llm")
    if not logger.handlers:  # main() may run many times in one process (tests)
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def _index(assistant: Assistant, args: argparse.Namespace) -> int:
    report = assistant.index(
        rebuild=args.rebuild, show_progress=sys.stderr.isatty(), on_wait=lambda message: print(message, file=sys.stderr)
    )
    if args.json:
        payload = {
            "added": report.added, "updated": report.updated, "removed": report.removed,
            "unchanged": len(report.unchanged), "chunks": report.chunks,
            "skipped": [{"source": s.source, "reason": s.reason} for s in report.skipped],
        }
        print(json.dumps(payload, indent=2))
        return 0
    for label, sources in (("added", report.added), ("updated", report.updated), ("removed", report.removed)):
        for source in sources:
            print(f"{label:8} {source}")
    for skipped in report.skipped:
        print(f"skipped  {skipped.source}: {skipped.reason}")
    print(report.summary())
    return 0


def _ask(assistant: Assistant, args: argparse.Namespace) -> int:
    from assistant.filters import parse_filters

    answer = assistant.ask(args.question, filters=parse_filters(args.since, args.until, args.source))
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(answer.answer)
    if answer.notice:
        print(f"\nnote: {answer.notice}")
    for c in answer.citations:
        print(f"\n[{c.id}] {c.source} [{c.start}:{c.end}]\n    “{c.quote}”")
    return 0


def _eval(assistant: Assistant, args: argparse.Namespace) -> int:
    from assistant.evaluation import read_golden
    from assistant.evaluation.junit import write_junit
    from assistant.evaluation.report import evaluate
    from assistant.evaluation.runs import save_run

    golden = read_golden(args.golden)
    corpus = assistant.settings.corpus
    if golden.header.corpus and Path(golden.header.corpus).resolve() != corpus.resolve():
        print(f"note: {args.golden} was written for the corpus {golden.header.corpus}; answering from {corpus}.", file=sys.stderr)
    gates = {"min_facts": args.min_facts, "min_sources": args.min_sources,
             "min_refusals": args.min_refusals, "max_false_refusals": args.max_false_refusals}
    report = evaluate(assistant, golden, corpus, assistant.settings.model_dump(), gates, args.compare)
    if args.save:
        save_run(report.run, args.save)
    if args.junit:
        write_junit(report.results, args.golden.stem, args.junit)
    if args.json:
        print(json.dumps(report.to_dict(with_failures=args.failures), ensure_ascii=False, indent=2))
    else:
        _print_eval(report, args.failures)
    return 1 if report.failed(strict=args.strict) else 0


def _print_eval(report: EvalReport, with_failures: bool) -> None:
    from assistant.evaluation.drift import format_drift
    from assistant.evaluation.metrics import format_table

    print(format_table(report.summary))
    for citation in report.summary["unverified"]:
        print(f"UNVERIFIED citation {citation}: its quote is not the file's text at those offsets")
    if with_failures:
        for failure in report.to_dict(with_failures=True)["failures"]:
            print(f"\nMISS {failure['id']}: {failure['question']}\n  -> {failure['answer'][:300]}")
    if report.drift is not None:
        print("\n" + format_drift(report.drift))
    for gate in report.gates:
        print(f"{'PASS' if gate.passed else 'FAIL'}  {gate.describe()}")


def _ui(assistant: Assistant, args: argparse.Namespace) -> int:
    from ui.app import launch

    launch(assistant, host=args.host, port=args.port, auth=args.auth, share=args.share)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`assistant index | ask | eval | ui`: a thin layer over the Python API."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from assistant.errors import AssistantError
from assistant.settings import CONFIG_ENV

if TYPE_CHECKING:
    from assistant.api import Assistant


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Answer questions from a folder of news articles, with verified citations.")
    parser.add_argument("--corpus", help="folder of .txt/.md articles (default: settings, then ./seeds)")
    parser.add_argument("--index", help="index folder (default: settings, then ./index)")
    parser.add_argument("--config", help=f"TOML config file (default: ${CONFIG_ENV} or ./assistant.toml)")
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

    evaluate = commands.add_parser("eval", help="score a golden JSONL file")
    evaluate.add_argument("golden", type=Path)
    evaluate.add_argument("--json", action="store_true", help="print the numbers as JSON")
    evaluate.add_argument("--failures", action="store_true", help="also list the questions that missed")

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

    model = {name: getattr(args, name, None) for name in MODEL_OPTIONS}
    assistant = Assistant(corpus=args.corpus, index=args.index, **model)
    _show_model_progress()
    if args.command == "index":
        return _index(assistant, args)
    if args.command == "ask":
        return _ask(assistant, args)
    if args.command == "eval":
        return _eval(assistant, args)
    return _ui(assistant, args)


MODEL_OPTIONS = ("backend", "llm_model", "temperature", "max_tokens", "llm_timeout", "llm_max_retries")


def _show_model_progress() -> None:
    """The local model's loading messages ("Assembling… part 3 of 22") go to stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("assistant.local_llm")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _index(assistant: Assistant, args: argparse.Namespace) -> int:
    report = assistant.index(rebuild=args.rebuild, show_progress=sys.stderr.isatty())
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
    from assistant.evaluation import failures, format_table, load_golden, run_golden, summarize

    items = load_golden(args.golden)
    results = run_golden(assistant, items)
    summary = summarize(results, assistant.settings.corpus)
    if args.failures:
        summary["failures"] = failures(results)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(format_table(summary))
        for failure in summary.get("failures", []):
            print(f"\nMISS {failure['id']}: {failure['question']}\n  -> {failure['answer'][:300]}")
    return 0


def _ui(assistant: Assistant, args: argparse.Namespace) -> int:
    from ui.app import launch

    launch(assistant, host=args.host, port=args.port, auth=args.auth, share=args.share)
    return 0


if __name__ == "__main__":
    sys.exit(main())

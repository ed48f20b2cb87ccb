"""Finds the articles of a corpus folder and reads them as text whose offsets citations use."""

from __future__ import annotations

import fnmatch
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

from assistant.errors import CorpusError

# Part of every file's digest: raised when chunking changes (v2: photo captions and credit lines
# are story text; v3: list items and labelled figures are, "- Best actress - Clare Higgins for Hecuba";
# v4: a paragraph that mentions a newsletter or Getty Images is story text unless it is a short line;
# v5: a run of headings that gives a time of day, a fixture's venue, date and kick-off, is indexed),
# so the next `index` run re-chunks every file once instead of keeping old chunks.
CHUNKING_VERSION = b"chunking v5\n"

ARTICLE_SUFFIXES = (".txt", ".md")
FALLBACK_ENCODING = "cp1252"
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Article:
    """One readable article: `text` is exactly what `path.read_text(encoding)` returns."""

    source: str
    path: Path
    text: str
    digest: str
    encoding: str = "utf-8"


@dataclass
class Skipped:
    """A file that was not indexed, and the reason a user can act on."""

    source: str
    reason: str


@dataclass
class CorpusScan:
    """The readable articles of a corpus and the files left out."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def check_corpus_dir(root: Path) -> Path:
    """Fail with a sentence when the corpus folder cannot be used at all."""
    if not root.exists():
        raise CorpusError(f"Corpus folder {root} does not exist.")
    if not root.is_dir():
        raise CorpusError(f"Corpus path {root} is not a folder.")
    return root.resolve()


def iter_candidate_files(root: Path) -> Iterator[Path]:
    """Article files under root, sorted, never following links out of the tree or into loops."""
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                yield Path(folder) / name


def decode(raw: bytes) -> tuple[str, str]:
    """UTF-8 when valid, else cp1252 (then Latin-1): news archives are full of both."""
    for encoding in ("utf-8", FALLBACK_ENCODING, "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Path.read_text translates newlines; offsets must match what it returns.
        return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
    raise AssertionError("latin-1 decodes every byte string")


def read_article(root: Path, path: Path) -> Article | Skipped:
    """Read one file, or say why it cannot be an article."""
    source = path.relative_to(root).as_posix()
    if path.is_symlink():
        if not path.exists():
            return Skipped(source, "broken symbolic link")
        target = path.resolve()
        if not target.is_relative_to(root):
            return Skipped(source, "symbolic link pointing outside the corpus")
    try:
        kind = _not_regular(path.stat().st_mode)
        if kind:
            return Skipped(source, f"not a regular file ({kind})")
        raw = _read_regular(path)
    except _NotRegular as error:
        return Skipped(source, str(error))
    except OSError as error:
        return Skipped(source, f"unreadable ({error.strerror or error})")
    if b"\x00" in raw[:8192]:
        return Skipped(source, "binary file, not text")
    text, encoding = decode(raw)
    if not text.strip():
        return Skipped(source, "empty file")
    digest = hashlib.sha256(CHUNKING_VERSION + raw).hexdigest()
    return Article(source=source, path=path, text=text, digest=digest, encoding=encoding)


class _NotRegular(OSError):
    """The file cannot be read as an article; the message is the reason."""


def _not_regular(mode: int) -> str:
    """What a non-regular file is (a named pipe would block a read for ever), or "" for a regular one."""
    for test, kind in (
        (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return kind
    return "" if stat.S_ISREG(mode) else "not a file"


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file, checked again on the open descriptor (non-blocking, so a file
    swapped for a pipe after the first check cannot hang the run)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        kind = _not_regular(info.st_mode)
        if kind:
            raise _NotRegular(f"not a regular file ({kind})")
        if info.st_size > MAX_FILE_BYTES:
            megabytes = MAX_FILE_BYTES // (1024 * 1024)
            raise _NotRegular(f"file too large ({info.st_size // (1024 * 1024)} MB > {megabytes} MB)")
        return handle.read()


def excluded_by(source: str, patterns: Sequence[str]) -> str | None:
    """The first pattern (matched case-blind against the file name or its path in the corpus) that excludes it."""
    name, lowered = source.rsplit("/", 1)[-1].lower(), source.lower()
    for pattern in patterns:
        if fnmatch.fnmatchcase(name, pattern.lower()) or fnmatch.fnmatchcase(lowered, pattern.lower()):
            return pattern
    return None


def scan_corpus(root: Path, exclude: Sequence[str] = ()) -> CorpusScan:
    """Every article of the corpus, plus the files skipped with their reasons."""
    root = check_corpus_dir(root)
    scan = CorpusScan()
    for path in iter_candidate_files(root):
        pattern = excluded_by(path.relative_to(root).as_posix(), exclude)
        if pattern is not None:
            scan.skipped.append(Skipped(path.relative_to(root).as_posix(), f"excluded by the pattern {pattern!r}"))
            continue
        result = read_article(root, path)
        if isinstance(result, Article):
            scan.articles.append(result)
        else:
            scan.skipped.append(result)
    return scan


DETECT_ENCODING = "detect"


def read_span_source(root: Path, source: str, encoding: str = "utf-8") -> str:
    """The text a citation's offsets point into, read the same way the indexer read it.

    `encoding` is the one the indexer recorded; DETECT_ENCODING decodes as the indexer does."""
    path = (root / source).resolve()
    if not path.is_relative_to(root.resolve()):
        raise CorpusError(f"{source} is outside the corpus.")
    raw = _read_regular(path)
    if encoding != "utf-8":
        return decode(raw)[0]
    return raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as Path.read_text does

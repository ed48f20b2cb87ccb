"""Citations are spans of source files; this module is where every one is checked against the file."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.corpus import read_span_source


@dataclass(frozen=True)
class Citation:
    """`quote` is exactly the text of `source` (relative to the corpus) between `start` and `end`."""

    id: int
    source: str
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


class CitationVerifier:
    """Reads the cited files and compares each span with its quote.

    Texts are cached by file size and modification time, so an edited file is
    read again and its stale citations fail the check.
    """

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus.resolve()
        self._texts: dict[str, tuple[tuple[int, int], str]] = {}

    def text_of(self, source: str, encoding: str = "utf-8") -> str:
        status = (self.corpus / source).stat()
        version = (status.st_mtime_ns, status.st_size)
        cached = self._texts.get(source)
        if cached is None or cached[0] != version:
            cached = (version, read_span_source(self.corpus, source, encoding))
            self._texts[source] = cached
        return cached[1]

    def is_verbatim(self, citation: Citation, encoding: str = "utf-8") -> bool:
        try:
            text = self.text_of(citation.source, encoding)
        except OSError:
            return False
        return 0 <= citation.start < citation.end <= len(text) and text[citation.start : citation.end] == citation.quote

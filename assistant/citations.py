"""Citations are spans of source files; this module is where every one is checked against the file."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.corpus import read_span_source


@dataclass(frozen=True)
class Citation:
    """`quote` is exactly the text of `source` (relative to the corpus) between `start` and `end`.

    `answer_start`/`answer_end`, when set, are the file offsets of the short answer inside the quote."""

    id: int
    source: str
    start: int
    end: int
    quote: str
    answer_start: int | None = None
    answer_end: int | None = None

    def to_dict(self) -> dict[str, object]:
        """The citation's fields; the answer offsets only when the quote holds the short answer."""
        payload = asdict(self)
        if self.answer_start is None:
            del payload["answer_start"], payload["answer_end"]
        return payload


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
        if not (0 <= citation.start < citation.end <= len(text) and text[citation.start : citation.end] == citation.quote):
            return False
        if citation.answer_start is None:
            return citation.answer_end is None
        return citation.answer_end is not None and citation.start <= citation.answer_start < citation.answer_end <= citation.end

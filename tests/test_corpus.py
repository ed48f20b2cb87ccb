from pathlib import Path

import pytest

from assistant.corpus import scan_corpus
from assistant.errors import CorpusError


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        scan_corpus(tmp_path / "nope")


def test_bad_files_are_skipped_with_reasons_and_the_rest_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A fine article about ports.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01junk")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 owners in M\xe1laga complained.".encode("latin-1"))
    (tmp_path / "notes.csv").write_text("not,an,article")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "deep.md").write_text("# Deep\n\nStory text here.\n")
    outside = tmp_path.parent / "outside-secret.txt"
    outside.write_text("secret")
    (tmp_path / "link.txt").symlink_to(outside)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)

    scan = scan_corpus(tmp_path)

    read = {a.source: a for a in scan.articles}
    reasons = {s.source: s.reason for s in scan.skipped}
    assert set(read) == {"good.txt", "latin.txt", "a/b/deep.md"}
    assert read["latin.txt"].text == "Café owners in Málaga complained."
    assert read["latin.txt"].encoding != "utf-8"
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "outside" in reasons["link.txt"]


def test_offsets_match_read_text_even_with_windows_newlines(tmp_path: Path) -> None:
    (tmp_path / "crlf.txt").write_bytes(b"Title line\r\n\r\nFirst sentence here. Second one.\r\n")
    article = scan_corpus(tmp_path).articles[0]
    assert article.text == (tmp_path / "crlf.txt").read_text(encoding="utf-8")


def test_corpus_notes_are_excluded_by_pattern_and_reported(tmp_path: Path) -> None:
    (tmp_path / "README.TXT").write_text("Consists of 2225 documents from the BBC news website.\n")
    (tmp_path / "story.txt").write_text("Ports reopened on Monday.\n")
    (tmp_path / "tech").mkdir()
    (tmp_path / "tech" / "readme-notes.md").write_text("Notes for editors.\n")

    scan = scan_corpus(tmp_path, exclude=["README*", "tech/*.md"])

    assert [a.source for a in scan.articles] == ["story.txt"]
    reasons = {s.source: s.reason for s in scan.skipped}
    assert reasons == {"README.TXT": "excluded by the pattern 'README*'", "tech/readme-notes.md": "excluded by the pattern 'README*'"}
    assert len(scan_corpus(tmp_path).articles) == 3  # no patterns: everything is read

"""Word vectors saved while indexing: one per word the chunks write, the model's own, gone with their articles."""

import json
from pathlib import Path

import numpy as np

from assistant import Assistant, word_vectors
from assistant.answer import meaning
from assistant.embeddings import shared_encoder
from assistant.indexer import words_dir

NEW_STORY = "Zorbulax Harbour reopened.\n\nThe zorbulax ferry sailed again on Monday after repairs.\n"
SECOND_STORY = "Ferry news.\n\nRepairs to the zorbulax quay were finished late last week.\n"


def _saved(assistant: Assistant) -> word_vectors.WordVectors:
    saved = word_vectors.load(words_dir(assistant.settings))
    assert saved is not None
    return saved


def test_indexing_saves_the_words_two_chunks_write_and_drops_those_of_removed_files(corpus_copy: Path, tmp_path: Path) -> None:
    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "idx")
    assistant.index()
    saved = _saved(assistant)
    assert words_dir(assistant.settings) == tmp_path / "idx" / "words"
    assert set(saved.words) == word_vectors.words_written(assistant.lexical.texts, by_at_least=2)
    assert {"blinken", "balloon", "beijing"} <= set(saved.words) < word_vectors.words_written(assistant.lexical.texts)
    sample = ["balloon", "beijing", saved.words[-1]]
    expected = shared_encoder().encode_without_memo(sample)
    assert np.allclose(np.stack([saved.known(sample)[w] for w in sample]), expected, atol=1e-5)

    current = words_dir(assistant.settings) / word_vectors.CURRENT_FILE
    written = current.stat().st_mtime_ns
    assistant.index()  # nothing changed: nothing embedded, nothing written
    assert current.stat().st_mtime_ns == written

    (corpus_copy / "harbour.txt").write_text(NEW_STORY, encoding="utf-8")
    assistant.index()
    assert "zorbulax" not in _saved(assistant).words  # one chunk writes it: embedded when a question needs it
    (corpus_copy / "quay.txt").write_text(SECOND_STORY, encoding="utf-8")
    assistant.index()
    assert "zorbulax" in _saved(assistant).words
    (corpus_copy / "harbour.txt").unlink()
    assistant.index()
    assert "zorbulax" not in _saved(assistant).words
    assert sorted(p.name.split("-")[0] for p in words_dir(assistant.settings).iterdir()) == ["current.json", "vectors", "words"]


def test_the_reader_takes_saved_vectors_and_runs_the_model_only_on_other_words(tmp_path: Path) -> None:
    folder = tmp_path / "words"
    word_vectors.save(folder, word_vectors.embed(["quibblewick", "harbour"]), "stamp")
    meaning.use_saved(folder)
    before = len(meaning.words_computed())
    found = meaning.vectors(["quibblewick"])
    assert len(meaning.words_computed()) == before  # read from the file
    assert np.allclose(found["quibblewick"], shared_encoder().encode_without_memo(["quibblewick"])[0], atol=1e-5)
    meaning.vectors(["flummoxery"])
    assert meaning.words_computed()[before:] == ["flummoxery"]


def test_asking_embeds_no_word_of_the_indexed_articles(corpus_copy: Path, tmp_path: Path) -> None:
    (corpus_copy / "harbour.txt").write_text(NEW_STORY, encoding="utf-8")
    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "idx")
    assistant.index()
    question = "What vessel resumed its crossings from the zorbulax port once repairs ended?"
    assistant.ask("Why did Blinken postpone his trip to Beijing?")  # the chain is made and its saved words named
    meaning.forget()
    before = len(meaning.words_computed())
    assistant.ask(question)
    computed = set(meaning.words_computed()[before:])
    # the model ran only on words of the question or words a single chunk writes; the others were read
    assert computed and not computed & (word_vectors.words_written(assistant.lexical.texts, by_at_least=2) - word_vectors.words_written([question]))


def test_damaged_or_stale_vectors_are_made_again_and_answers_go_on(corpus_copy: Path, tmp_path: Path) -> None:
    assistant = Assistant(corpus=corpus_copy, index=tmp_path / "idx")
    assistant.index()
    for vectors in words_dir(assistant.settings).glob("vectors-*.npy"):
        vectors.write_bytes(b"not an array")
    assert word_vectors.load(words_dir(assistant.settings)) is None
    fresh = Assistant(corpus=corpus_copy, index=tmp_path / "idx")
    assert fresh.ask("Why did Blinken postpone his trip to Beijing?").answered
    fresh.index()  # no file changed, but the vectors are made again
    assert set(_saved(fresh).words) == word_vectors.words_written(fresh.lexical.texts, by_at_least=2)
    current = words_dir(fresh.settings) / word_vectors.CURRENT_FILE
    saved_pointer = current.read_text()
    current.write_text(json.dumps({**json.loads(saved_pointer), "digest": "../../lexical/x"}))
    assert word_vectors.load(words_dir(fresh.settings)) is None  # a name that leaves the folder is not read
    current.write_text(saved_pointer)
    current.write_text(current.read_text().replace(fresh.lexical.stamp, "a-killed-run"))  # saved before the last run
    fresh.index()
    assert _saved(fresh).stamp == fresh.lexical.stamp
    fresh.index(rebuild=True)
    assert len(list(words_dir(fresh.settings).glob("vectors-*.npy"))) == 1

"""The sentences a reading weighs."""

from assistant.answer.evidence import _with_header_blocks
from assistant.sentences import sentence_spans


def test_the_header_lines_of_a_fixture_are_read_as_one_sentence() -> None:
    """ "1600 GMT" alone is too short to be read; with the venue and the date beside it, it answers."""
    text = "France v Wales (Sat)\n\nStade de France, Paris\n\nSaturday, 26 February\n\n1600 GMT\n\nFrance may have beaten Scotland. Wales won."
    spans = _with_header_blocks(text, sentence_spans(text))
    assert [text[a:b] for a, b in spans] == [
        "France v Wales (Sat)\n\nStade de France, Paris\n\nSaturday, 26 February\n\n1600 GMT",
        "France may have beaten Scotland.", "Wales won.",
    ]
    story = "Wales won the match in Paris.\n\nFrance lost again at home today."
    assert _with_header_blocks(story, sentence_spans(story)) == sentence_spans(story)  # full sentences stay apart

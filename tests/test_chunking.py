from pathlib import Path

from assistant.boilerplate import is_boilerplate, is_heading
from assistant.chunking import build_nodes
from assistant.corpus import scan_corpus
from assistant.metadata import extract_metadata

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BOILERPLATE_MARKERS = ["Advertisement", "cookies", "See also", "Akismet", "License Photo", "newsletters", "pic.twitter.com"]


def _all_nodes():  # type: ignore[no-untyped-def]
    for article in scan_corpus(SEEDS).articles:
        yield article, build_nodes(article, extract_metadata(article.text), 600)


def test_every_chunk_is_its_span_of_the_file() -> None:
    for article, nodes in _all_nodes():
        file_text = (SEEDS / article.source).read_text(encoding="utf-8")
        assert nodes, article.source
        for node in nodes:
            assert file_text[node.metadata["start"] : node.metadata["end"]] == node.text
            assert len(node.text) <= 600 or "." not in node.text[:-1]


def test_no_chunk_carries_web_boilerplate() -> None:
    for _, nodes in _all_nodes():
        for node in nodes:
            for marker in BOILERPLATE_MARKERS:
                assert marker not in node.text, (marker, node.text[:80])


def test_credit_lines_and_captions_are_indexed() -> None:
    texts = {article.source: " ".join(n.text for n in nodes) for article, nodes in _all_nodes()}
    assert "Edited by Rachmad Imam Tarecha and Joseph Hammond" in texts["002_6d17bc3cc6b798f9.txt"]
    assert "File Photo by Jemal Countess/UPI" in texts["000_38bcf376f02df4f9.txt"]


def test_boilerplate_rules_keep_story_sentences() -> None:
    assert is_boilerplate("Advertisement")
    assert is_boilerplate("This website uses cookies to improve your experience. We'll assume you're ok with this")
    # who took the photo, who edited the story: facts readers ask for
    assert not is_boilerplate("Blinken is the highest-ranking official since January 2021. DARRIAN TRAYNOR")
    assert not is_boilerplate("Edited by Rachmad Imam Tarecha and Joseph Hammond")
    assert not is_heading("Edited by Rachmad Imam Tarecha and Joseph Hammond")
    assert is_heading("Conflicts Between US and China")
    assert not is_boilerplate("He replaces Wang Yi, who is expected to be appointed to another role.")
    # a story may speak of a newsletter or of Getty Images; a sign-up prompt or a picture credit is a short line
    assert is_boilerplate("Check out our free email newsletters")
    assert is_boilerplate("Photo: Getty Images")
    assert not is_boilerplate("Mr Elgindy then drove share prices lower by spreading negative publicity via his newsletter.")
    assert not is_boilerplate("The agency's founder said Getty Images had agreed to buy the picture library for $50m.")


def test_titles_and_dates_are_taken_from_the_text() -> None:
    meta = {a.source: extract_metadata(a.text) for a in scan_corpus(SEEDS).articles}
    assert meta["000_38bcf376f02df4f9.txt"].title.startswith("Blinken, new Chinese foreign minister")
    assert meta["003_6129a9f508479f3d.txt"].date == "2023-06-19"
    assert meta["001_c5a62ef91915473f.txt"].outlet == "AP"
    assert meta["002_6d17bc3cc6b798f9.txt"].outlet == "Zenger News"  # its sign-off, not the Reuters it quotes


def test_list_items_and_labelled_figures_are_indexed_but_headings_are_not() -> None:
    from assistant.chunking import content_blocks

    text = (
        "Olivier Awards: the winners\n\nThe Producers won best new musical at the ceremony.\n\nWinners\n\n"
        " - Best actress - Clare Higgins for Hecuba at the Donmar Warehouse \n - Best new play - The History Boys\n\n"
        "Result: Nadal 6-7 6-2 7-6 6-2 Roddick\n"
    )
    sentences = [text[s:e] for block in content_blocks(text) for s, e in block]
    assert "- Best actress - Clare Higgins for Hecuba at the Donmar Warehouse" in sentences
    assert "Result: Nadal 6-7 6-2 7-6 6-2 Roddick" in sentences
    assert not any(s.startswith(("Olivier Awards", "Winners")) for s in sentences)  # the title and a sub-head


FIXTURE = (
    "France v Wales (Sat)\n\nStade de France, Paris\n\nSaturday, 26 February\n\n1600 GMT\n\n"
    "BBC1, Radio 4 LW and this website\n\nFrance may have beaten Scotland and England but they were tedious.\n\n"
    "Team news\n\nWales have made two changes from the team that thrashed Italy 38-8 in Rome.\n"
)


def test_a_run_of_headings_that_gives_a_time_of_day_is_indexed_as_a_block() -> None:
    """A fixture's venue, date and kick-off time stand only in its header lines."""
    from assistant.chunking import chunk_spans

    texts = [FIXTURE[a:b] for a, b in chunk_spans(FIXTURE, 600)]
    assert texts[0].startswith("France v Wales (Sat)") and texts[0].endswith("BBC1, Radio 4 LW and this website")
    assert "1600 GMT" in texts[0] and "Team news" not in " ".join(texts)  # a lone sub-head stays out
    timeless = FIXTURE.replace("1600 GMT", "Live on BBC1")
    assert all("Stade de France, Paris" not in timeless[a:b] for a, b in chunk_spans(timeless, 600))

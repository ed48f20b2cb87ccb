"""Markdown exports carry their title, date and outlet in YAML front matter: read them, quote none of it."""

from pathlib import Path

from assistant.chunking import build_nodes
from assistant.corpus import scan_corpus
from assistant.front_matter import front_matter, front_matter_end
from assistant.metadata import extract_metadata

ARTICLE = """---
title: "Council approves new bridge over the Tyne"
date: 2024-03-04T09:30:00Z
author: Jane Smith
source: Northern Echo
tags: [transport, newcastle]
---

# Council approves new bridge over the Tyne

Newcastle City Council on Monday approved a £45m pedestrian bridge linking Quayside with Gateshead.

The bridge, designed by the engineering firm Arup, will be 180 metres long.
"""


def test_front_matter_fields_are_read_flat_with_quotes_removed() -> None:
    fields = front_matter(ARTICLE)
    assert fields["title"] == "Council approves new bridge over the Tyne"
    assert fields["source"] == "Northern Echo" and "tags" not in fields  # a list is no flat field
    assert ARTICLE[front_matter_end(ARTICLE) :].lstrip().startswith("# Council approves")
    assert front_matter("Title\n\n---\ntitle: x\n---\n") == {} and front_matter_end("No front matter.") == 0
    assert front_matter("---\ntitle: never closed\n\nBody text.") == {}  # an unclosed block is text


def test_the_article_takes_its_metadata_from_the_front_matter() -> None:
    meta = extract_metadata(ARTICLE)
    assert (meta.title, meta.date, meta.outlet) == ("Council approves new bridge over the Tyne", "2024-03-04", "Northern Echo")
    linked = extract_metadata(ARTICLE.replace("source: Northern Echo", "source: https://example.com/story"))
    assert linked.outlet == ""  # a link names no outlet
    plain = extract_metadata("# Gateshead mayor welcomes Tyne bridge decision\n\nThe mayor said it would transform the riverside.\n")
    assert plain.title == "Gateshead mayor welcomes Tyne bridge decision"  # the Markdown heading mark is left out


def test_no_chunk_quotes_the_front_matter(tmp_path: Path) -> None:
    (tmp_path / "bridge.md").write_text(ARTICLE, encoding="utf-8")
    article = scan_corpus(tmp_path).articles[0]
    nodes = build_nodes(article, extract_metadata(article.text), 600)
    assert nodes and all("title:" not in n.text and "2024-03-04" not in n.text for n in nodes)
    assert nodes[0].text.startswith("Newcastle City Council on Monday")
    for node in nodes:
        assert article.text[node.metadata["start"] : node.metadata["end"]] == node.text
    assert nodes[0].metadata["outlet"] == "Northern Echo" and nodes[0].metadata["date"] == "2024-03-04"
